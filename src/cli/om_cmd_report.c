/*++
 * NAME
 *	om_cmd_report 3
 * SUMMARY
 *	omamori report: the weekly page for the manager, and a CSV
 * SYNOPSIS
 *	omamori report [-c CONFIG] (--week | --from DATE --to DATE)
 *		[-o DIR] [--seed N] [--sample N] [FILE...]
 * DESCRIPTION
 *	Reads the audit log (archives and current file, or the files
 *	named) and writes DIR/omamori-report-FROM-TO.html, one
 *	self-contained page (inline CSS and SVG, no external assets), and
 *	DIR/omamori-report-FROM-TO.csv with the same numbers.
 *
 *	The page shows decisions per day, findings per category and per
 *	rule, the senders and recipient domains with most findings, how
 *	many messages were held, released and discarded and how long the
 *	review took, and the random sample of outbound messages for the
 *	content check (L3): report_sample_size records chosen with a seeded
 *	generator, so that --seed N gives the same sample again.
 *
 *	--week is the seven days before today (local time). Dates are
 *	YYYY-MM-DD in local time; --to is inclusive.
 * DIAGNOSTICS
 *	Exit 0 when written, 2 on usage or I/O trouble. The page and the
 *	CSV paths are printed on stdout.
 *--*/
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "om_buf.h"
#include "om_category.h"
#include "om_cli.h"
#include "om_cmd.h"
#include "om_log.h"

#define RPT_KEYS	5000		/* distinct keys per table */
#define RPT_DAYS	400		/* longest period */
#define RPT_TOP		10		/* rows in the top lists */
#define RPT_HOLDS	100000		/* held messages tracked for latency */

typedef struct rpt_count {
	char   *key;
	unsigned long messages;
	unsigned long items;
} rpt_count;

typedef struct rpt_table {
	rpt_count v[RPT_KEYS];
	size_t	n;
	unsigned long dropped;
} rpt_table;

typedef struct rpt_sample {
	char   *id;
	char   *time;
	char   *sender;
	unsigned long nrcpt;
	char   *findings;
} rpt_sample;

typedef struct report {
	time_t	from, to;
	int	ndays;
	unsigned long day_total[RPT_DAYS];
	unsigned long day_held[RPT_DAYS];
	unsigned long day_rejected[RPT_DAYS];
	unsigned long decisions;
	rpt_table actions, categories, rules, senders, domains;
	rpt_table new_domains;		/* first-time external domains */
	unsigned long to_bcc;		/* To/Cc moved out of sight */
	/* Send delay and approval (omamori review due, answers by reply). */
	unsigned long delayed, delay_sent, delay_now, delay_cancelled;
	unsigned long approval_asked, approved, rejected, approval_timeout;
	unsigned long held, released, discarded, revealed;
	struct {
		char   *qid;
		time_t	t;
	}      *holds;
	size_t	nholds;
	double *latency;		/* seconds, held -> released/discarded */
	size_t	nlatency;
	/* Sample: reservoir over outbound decisions. */
	uint64_t rng;
	uint64_t seed;
	size_t	want;
	unsigned long seen_outbound;
	rpt_sample *sample;
	size_t	nsample;
} report;

/* rng_next - splitmix64: small, fixed, the same everywhere */
static uint64_t
rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

/* table_add - count one message (unless again) and items under a key */
static void
table_add(rpt_table *t, const char *key, unsigned long items, int again)
{
	size_t  i;

	if (key == NULL)
		key = "-";
	for (i = 0; i < t->n && strcmp(t->v[i].key, key) != 0; i++)
		continue;
	if (i == t->n) {
		if (t->n == RPT_KEYS) {
			t->dropped++;
			return;
		}
		t->v[i].key = om_xstrdup(key);
		t->v[i].messages = t->v[i].items = 0;
		t->n++;
	}
	if (!again)
		t->v[i].messages++;
	t->v[i].items += items;
}

/*
 * seen_before - whether an earlier finding of the same record has the same
 * value in field, so that a message with one finding per domain (or two
 * rules of one category) counts once among messages.
 */
static int
seen_before(JsonArray *f, unsigned i, const char *field)
{
	const char *v = om_cmd_str(json_array_get_object_element(f, i), field);

	for (unsigned j = 0; v && j < i; j++) {
		const char *w = om_cmd_str(json_array_get_object_element(f, j), field);

		if (w && strcmp(v, w) == 0)
			return (1);
	}
	return (0);
}

/* table_messages - messages counted under a key, 0 when none */
static unsigned long
table_messages(const rpt_table *t, const char *key)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].key, key) == 0)
			return (t->v[i].messages);
	return (0);
}

/*
 * The mis-send rows: what was caught across messages, by category (each
 * counted in messages), and the conversions the decision records mark.
 */
static const struct {
	const char *key;		/* CSV key, and category when one */
	const char *ja_en;
} missend_rows[] = {
	{"recipient.new_domain", "初めての社外ドメイン宛て / to a first-time external domain"},
	{"recipient.mixed_insurers", "複数の保険会社が同じ宛先に / several insurers in one mail"},
	{"attach.ppap", "暗号化 ZIP の送信 / encrypted archive sent (PPAP)"},
	{"attach.ppap_password", "ZIP のパスワードを別メールで / its password in a second mail (PPAP)"},
	{"recipient.mass_visible", "多数の社外宛先が見える / many external recipients visible"},
};

/* cmp_count - most messages first, then by key */
static int
cmp_count(const void *a, const void *b)
{
	const rpt_count *x = a, *y = b;

	if (x->messages != y->messages)
		return (x->messages < y->messages ? 1 : -1);
	return (strcmp(x->key, y->key));
}

/* table_free - release the keys */
static void
table_free(rpt_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].key);
	t->n = 0;
}

/* day_index - which day of the period a time falls on, or -1 */
static int
day_index(const report *r, time_t t)
{
	struct tm a, b;
	time_t  da, db;

	if (t < r->from || t > r->to)
		return (-1);
	localtime_r(&r->from, &a);
	localtime_r(&t, &b);
	a.tm_hour = b.tm_hour = 12;
	a.tm_min = b.tm_min = a.tm_sec = b.tm_sec = 0;
	a.tm_isdst = b.tm_isdst = -1;
	da = mktime(&a);
	db = mktime(&b);
	return ((int) ((db - da + 43200) / 86400));
}

/* report_decision - count one decision */
static void
report_decision(report *r, JsonObject *rec, time_t t)
{
	const char *action = om_cmd_str(rec, "action");
	const char *dir = om_cmd_str(rec, "direction");
	const char *sender = om_cmd_str(rec, "sender");
	JsonArray *f = json_object_has_member(rec, "findings") ? json_object_get_array_member(rec, "findings") : NULL;
	JsonArray *rc = json_object_has_member(rec, "recipients") ? json_object_get_array_member(rec, "recipients") : NULL;
	unsigned nf = f ? json_array_get_length(f) : 0;
	unsigned nr = rc ? json_array_get_length(rc) : 0;
	int     d = day_index(r, t);

	r->decisions++;
	if (d >= 0 && d < r->ndays) {
		r->day_total[d]++;
		if (action && strcmp(action, "hold") == 0)
			r->day_held[d]++;
		if (action && strcmp(action, "reject") == 0)
			r->day_rejected[d]++;
	}
	table_add(&r->actions, action, 0, 0);
	for (unsigned i = 0; i < nf && i < 10000; i++) {
		JsonObject *o = json_array_get_object_element(f, i);
		unsigned long items = (unsigned long) json_object_get_int_member(o, "count");

		table_add(&r->categories, om_cmd_str(o, "category"), items,
			  seen_before(f, i, "category"));
		table_add(&r->rules, om_cmd_str(o, "rule"), items, seen_before(f, i, "rule"));
		/* Its sample is the domain itself (no personal data). */
		if (om_cmd_str(o, "category") && strcmp(om_cmd_str(o, "category"), "recipient.new_domain") == 0)
			table_add(&r->new_domains, om_cmd_str(o, "sample"), 1, 0);
	}
	if (json_object_has_member(rec, "to_bcc") && json_object_get_boolean_member(rec, "to_bcc"))
		r->to_bcc++;
	if (json_object_has_member(rec, "delay"))
		r->delayed++;
	if (action && strcmp(action, "approve") == 0)
		r->approval_asked++;
	if (nf > 0) {
		table_add(&r->senders, sender, nf, 0);
		for (unsigned i = 0; i < nr && i < 10000; i++) {
			const char *a = json_array_get_string_element(rc, i);
			const char *at = a ? strrchr(a, '@') : NULL;
			unsigned j;

			/* Each domain once per message. */
			for (j = 0; j < i; j++) {
				const char *b = json_array_get_string_element(rc, j);
				const char *bt = b ? strrchr(b, '@') : NULL;

				if (at && bt && strcasecmp(at, bt) == 0)
					break;
			}
			if (j == i)
				table_add(&r->domains, at ? at + 1 : a, nf, 0);
		}
	}
	if (action && strcmp(action, "hold") == 0) {
		r->held++;
		if (om_cmd_str(rec, "queue_id") && r->nholds < RPT_HOLDS) {
			r->holds = realloc(r->holds, (r->nholds + 1) * sizeof(*r->holds));
			if (r->holds == NULL)
				om_fatal("out of memory");
			r->holds[r->nholds].qid = om_xstrdup(om_cmd_str(rec, "queue_id"));
			r->holds[r->nholds].t = t;
			r->nholds++;
		}
	}
	if (dir && strcmp(dir, "outbound") == 0 && r->want > 0) {
		size_t  slot;
		om_buf  w;

		r->seen_outbound++;
		if (r->nsample < r->want)
			slot = r->nsample++;
		else if ((slot = (size_t) (rng_next(&r->rng) % r->seen_outbound)) >= r->want)
			return;
		else {
			free(r->sample[slot].id);
			free(r->sample[slot].time);
			free(r->sample[slot].sender);
			free(r->sample[slot].findings);
		}
		om_buf_init(&w, 0);
		for (unsigned i = 0; i < nf && i < 100; i++)
			om_buf_printf(&w, "%s%s", i ? " " : "", om_cmd_str(json_array_get_object_element(f, i), "category"));
		r->sample[slot].id = om_xstrdup(om_cmd_str(rec, "id"));
		r->sample[slot].time = om_xstrdup(om_cmd_str(rec, "time"));
		r->sample[slot].sender = om_xstrdup(sender);
		r->sample[slot].nrcpt = nr;
		r->sample[slot].findings = om_xstrdup(w.data ? w.data : "");
		om_buf_free(&w);
	}
}

/*
 * report_pending - a release or discard of mail that waited for its send
 * delay or for approval (omamori review due), by why it was settled
 */
static void
report_pending(report *r, const char *type, const char *kind, const char *why)
{
	if (why == NULL)
		why = "";
	if (strcmp(type, "approve") == 0)
		r->approved++;
	else if (strcmp(type, "reject") == 0)
		r->rejected++;
	else if (strcmp(kind, "approve") == 0)
		r->approval_timeout++;
	else if (strcmp(why, "cancelled by the sender") == 0)
		r->delay_cancelled++;
	else if (strcmp(why, "sent now by the sender") == 0)
		r->delay_now++;
	else
		r->delay_sent++;
}

/* report_review - a release or discard: count it, measure latency */
static void
report_review(report *r, JsonObject *rec, const char *type, time_t t)
{
	const char *qid = om_cmd_str(rec, "queue_id");
	const char *kind = om_cmd_str(rec, "kind");

	/* Waiting mail settled by its time or its sender: not a review. */
	if (kind != NULL || strcmp(type, "approve") == 0 || strcmp(type, "reject") == 0) {
		report_pending(r, type, kind ? kind : "approve", om_cmd_str(rec, "reason"));
		return;
	}

	if (strcmp(type, "release") == 0)
		r->released++;
	else
		r->discarded++;
	for (size_t i = r->nholds; qid && i-- > 0;) {
		if (strcmp(r->holds[i].qid, qid) == 0) {
			r->latency = realloc(r->latency, (r->nlatency + 1) * sizeof(double));
			if (r->latency == NULL)
				om_fatal("out of memory");
			r->latency[r->nlatency++] = difftime(t, r->holds[i].t);
			break;
		}
	}
}

/* report_rec - one record of the log */
static int
report_rec(JsonObject *rec, const char *line, void *ctx)
{
	report *r = ctx;
	const char *type = om_cmd_str(rec, "type");
	time_t  t = om_cmd_rec_time(rec);

	if (type == NULL || t < r->from || t > r->to)
		return (0);
	if (strcmp(type, "decision") == 0)
		report_decision(r, rec, t);
	else if (strcmp(type, "release") == 0 || strcmp(type, "discard") == 0
		 || strcmp(type, "approve") == 0 || strcmp(type, "reject") == 0)
		report_review(r, rec, type, t);
	else if (strcmp(type, "reveal") == 0)
		r->revealed++;
	return (0);
}

/* html_esc - text for HTML */
static void
html_esc(om_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<':
			om_buf_puts(b, "&lt;");
			break;
		case '>':
			om_buf_puts(b, "&gt;");
			break;
		case '&':
			om_buf_puts(b, "&amp;");
			break;
		case '"':
			om_buf_puts(b, "&quot;");
			break;
		default:
			om_buf_putc(b, *s);
		}
	}
}

/*
 * csv_field - one CSV field, quoted when needed. A field that starts
 * with = + - @ tab or CR would be read by a spreadsheet as a formula
 * (a sender "=HYPERLINK(...)@..." becomes a link): it is quoted and
 * gets a leading "'", as OWASP recommends against CSV injection.
 */
static void
csv_field(FILE *fp, const char *s)
{
	int     formula;

	if (s == NULL)
		s = "";
	formula = *s != 0 && strchr("=+-@\t\r", *s) != NULL;
	if (!formula && strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	if (formula)
		fputc('\'', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

/* day_label - YYYY-MM-DD of day i of the period */
static void
day_label(const report *r, int i, char *out, size_t len)
{
	struct tm tm;
	time_t  t;

	localtime_r(&r->from, &tm);
	tm.tm_mday += i;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	localtime_r(&t, &tm);
	strftime(out, len, "%Y-%m-%d", &tm);
}

/* svg_days - stacked columns: other / held / rejected per day */
static void
svg_days(om_buf *b, const report *r)
{
	unsigned long max = 1;
	int     w = 640, h = 220, left = 40, bottom = 40;
	double  col;

	for (int i = 0; i < r->ndays; i++)
		if (r->day_total[i] > max)
			max = r->day_total[i];
	col = (double) (w - left - 10) / (r->ndays ? r->ndays : 1);
	om_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
		      "aria-label=\"decisions per day\">\n", w, h);
	om_buf_printf(b, "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
		      "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n",
		      left, left, h - bottom, left, h - bottom, w - 10, h - bottom);
	om_buf_printf(b, "<text x=\"%d\" y=\"%d\" class=\"ax\" text-anchor=\"end\">%lu</text>"
		      "<text x=\"%d\" y=\"%d\" class=\"ax\" text-anchor=\"end\">0</text>\n",
		      left - 4, 26, max, left - 4, h - bottom);
	for (int i = 0; i < r->ndays; i++) {
		double  scale = (double) (h - bottom - 22) / (double) max;
		double  x = left + i * col + col * 0.15, bw = col * 0.7;
		double  y = h - bottom;
		unsigned long other = r->day_total[i] - r->day_held[i] - r->day_rejected[i];
		struct {
			unsigned long v;
			const char *cls;
		}       seg[3] = {{other, "ok"}, {r->day_held[i], "hold"}, {r->day_rejected[i], "rej"}};
		char    label[16];

		for (int k = 0; k < 3; k++) {
			double  sh = seg[k].v * scale;

			if (seg[k].v == 0)
				continue;
			y -= sh;
			om_buf_printf(b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n",
				      seg[k].cls, x, y, bw, sh);
		}
		if (r->day_total[i])
			om_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\" text-anchor=\"middle\">%lu</text>\n",
				      x + bw / 2, y - 3, r->day_total[i]);
		day_label(r, i, label, sizeof(label));
		om_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" class=\"ax\" text-anchor=\"middle\">%s</text>\n",
			      x + bw / 2, h - bottom + 16, label + 5);
	}
	om_buf_printf(b, "<rect class=\"ok\" x=\"%d\" y=\"%d\" width=\"10\" height=\"10\"/>"
		      "<text x=\"%d\" y=\"%d\" class=\"ax\">通過・タグ / passed</text>\n", left, h - 14, left + 14, h - 5);
	om_buf_printf(b, "<rect class=\"hold\" x=\"%d\" y=\"%d\" width=\"10\" height=\"10\"/>"
		      "<text x=\"%d\" y=\"%d\" class=\"ax\">保留 / held</text>\n", left + 170, h - 14, left + 184, h - 5);
	om_buf_printf(b, "<rect class=\"rej\" x=\"%d\" y=\"%d\" width=\"10\" height=\"10\"/>"
		      "<text x=\"%d\" y=\"%d\" class=\"ax\">拒否 / rejected</text>\n", left + 290, h - 14, left + 304, h - 5);
	om_buf_puts(b, "</svg>\n");
}

/* svg_bars - horizontal bars for the top rows of a table */
static void
svg_bars(om_buf *b, const rpt_table *t, int use_items, int words, const char *aria)
{
	size_t  n = t->n < RPT_TOP ? t->n : RPT_TOP;
	unsigned long max = 1;
	int     row = 26, w = 640, label = 300, h = (int) n * row + 10;

	if (n == 0) {
		om_buf_puts(b, "<p class=\"none\">該当なし / none</p>\n");
		return;
	}
	for (size_t i = 0; i < n; i++)
		if ((use_items ? t->v[i].items : t->v[i].messages) > max)
			max = use_items ? t->v[i].items : t->v[i].messages;
	om_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"", w, h);
	html_esc(b, aria);
	om_buf_puts(b, "\">\n");
	for (size_t i = 0; i < n; i++) {
		unsigned long v = use_items ? t->v[i].items : t->v[i].messages;
		double  bw = (double) (w - label - 60) * (double) v / (double) max;
		const om_category *c = words ? om_category_get(t->v[i].key) : NULL;
		int     y = 5 + (int) i * row;

		om_buf_printf(b, "<text x=\"%d\" y=\"%d\" class=\"lbl\" text-anchor=\"end\">", label - 6, y + 16);
		if (c) {
			html_esc(b, c->ja);
			om_buf_puts(b, " / ");
		}
		html_esc(b, t->v[i].key);
		om_buf_printf(b, "</text><rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\"/>"
			      "<text x=\"%.1f\" y=\"%d\" class=\"val\">%lu</text>\n",
			      label, y + 3, bw < 1 ? 1 : bw, label + (bw < 1 ? 1 : bw) + 4, y + 16, v);
	}
	om_buf_puts(b, "</svg>\n");
}

/* html_table - the rows of a table under a chart */
static void
html_table(om_buf *b, const rpt_table *t, const char *key_ja_en, int words)
{
	om_buf_puts(b, "<table><tr><th>");
	om_buf_puts(b, key_ja_en);
	om_buf_puts(b, "</th><th>通数 / messages</th><th>件数 / items</th></tr>\n");
	for (size_t i = 0; i < t->n; i++) {
		const om_category *c = words ? om_category_get(t->v[i].key) : NULL;

		om_buf_puts(b, "<tr><td>");
		if (c) {
			html_esc(b, c->ja);
			om_buf_puts(b, " / ");
			html_esc(b, c->en);
			om_buf_puts(b, " <code>");
			html_esc(b, t->v[i].key);
			om_buf_puts(b, "</code>");
		} else
			html_esc(b, t->v[i].key);
		om_buf_printf(b, "</td><td class=\"n\">%lu</td><td class=\"n\">%lu</td></tr>\n", t->v[i].messages, t->v[i].items);
	}
	om_buf_puts(b, "</table>\n");
}

/* cmp_double - ascending */
static int
cmp_double(const void *a, const void *b)
{
	double  x = *(const double *) a, y = *(const double *) b;

	return (x < y ? -1 : x > y);
}

/* fmt_dur - seconds for people */
static void
fmt_dur(double s, char *out, size_t len)
{
	if (s < 3600)
		snprintf(out, len, "%.0f 分 / min", s / 60);
	else if (s < 86400 * 2)
		snprintf(out, len, "%.1f 時間 / h", s / 3600);
	else
		snprintf(out, len, "%.1f 日 / days", s / 86400);
}

/* write_html - the page */
static int
write_html(const report *r, const char *path, const char *from_s, const char *to_s)
{
	om_buf  b;
	FILE   *fp;
	char    med[64] = "-", mx[64] = "-";
	unsigned long sampled = (unsigned long) r->nsample;

	if (r->nlatency) {
		fmt_dur(r->latency[r->nlatency / 2], med, sizeof(med));
		fmt_dur(r->latency[r->nlatency - 1], mx, sizeof(mx));
	}
	om_buf_init(&b, 0);
	om_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">\n<title>omamori 週次報告 / weekly report ");
	om_buf_printf(&b, "%s – %s</title>\n", from_s, to_s);
	om_buf_puts(&b, "<style>\n"
		    "body{font-family:\"Noto Sans CJK JP\",\"IPAexGothic\",\"Hiragino Sans\",sans-serif;margin:24px;color:#222;max-width:900px}\n"
		    "h1{font-size:22px;border-bottom:3px solid #2b6cb0;padding-bottom:4px}h2{font-size:17px;margin-top:28px;color:#2b6cb0}\n"
		    ".kpi{display:flex;gap:12px;flex-wrap:wrap}.kpi div{border:1px solid #ccd;border-radius:6px;padding:8px 14px;min-width:110px}\n"
		    ".kpi b{display:block;font-size:24px}.kpi span{font-size:12px;color:#555}\n"
		    "table{border-collapse:collapse;margin:8px 0;font-size:13px}td,th{border:1px solid #ccd;padding:3px 8px;text-align:left}\n"
		    "th{background:#eef2f8}td.n{text-align:right}.none{color:#777}code{font-size:11px;color:#555}\n"
		    "svg .ok{fill:#7fa7d9}svg .hold{fill:#e0a030}svg .rej{fill:#c0392b}svg .bar{fill:#2b6cb0}\n"
		    "svg text{font-size:12px;fill:#222}svg .ax{font-size:11px;fill:#555}svg .val{font-size:11px}\n"
		    "footer{margin-top:30px;font-size:11px;color:#777}\n</style></head><body>\n");
	om_buf_printf(&b, "<h1>omamori 週次報告 / Weekly report<br><small>%s 〜 %s</small></h1>\n", from_s, to_s);
	om_buf_printf(&b, "<div class=\"kpi\"><div><b>%lu</b><span>判定 / decisions</span></div>"
		      "<div><b>%lu</b><span>保留 / held</span></div><div><b>%lu</b><span>解放 / released</span></div>"
		      "<div><b>%lu</b><span>破棄 / discarded</span></div><div><b>%lu</b><span>個人情報の閲覧 / reveals</span></div></div>\n",
		      r->decisions, r->held, r->released, r->discarded, r->revealed);
	om_buf_puts(&b, "<h2>日別の判定数 / Decisions per day</h2>\n");
	svg_days(&b, r);
	om_buf_puts(&b, "<h2>検出の区分 / Findings by category</h2>\n");
	svg_bars(&b, &r->categories, 0, 1, "findings by category");
	html_table(&b, &r->categories, "区分 / category", 1);
	om_buf_puts(&b, "<h2>規則 / Findings by rule</h2>\n");
	svg_bars(&b, &r->rules, 0, 0, "findings by rule");
	html_table(&b, &r->rules, "規則 / rule", 0);
	om_buf_puts(&b, "<h2>検出の多い送信者 / Senders with most findings</h2>\n");
	svg_bars(&b, &r->senders, 0, 0, "top senders");
	om_buf_puts(&b, "<h2>検出の多い宛先ドメイン / Recipient domains with most findings</h2>\n");
	svg_bars(&b, &r->domains, 0, 0, "top recipient domains");
	om_buf_puts(&b, "<h2>誤送信の防止 / Mis-send prevention</h2>\n<table>");
	for (size_t i = 0; i < sizeof(missend_rows) / sizeof(missend_rows[0]); i++)
		om_buf_printf(&b, "<tr><td>%s</td><td class=\"n\">%lu</td></tr>", missend_rows[i].ja_en,
			      table_messages(&r->categories, missend_rows[i].key));
	om_buf_printf(&b, "<tr><td>To/Cc を Bcc に変換 / To and Cc moved to Bcc</td><td class=\"n\">%lu</td></tr></table>\n",
		      r->to_bcc);
	om_buf_printf(&b, "<p>送信保留と上長承認 / Send delay and approval:</p>\n<table>"
		      "<tr><td>送信保留 / delayed</td><td class=\"n\">%lu</td></tr>"
		      "<tr><td>保留後に送信 / sent when the delay was over</td><td class=\"n\">%lu</td></tr>"
		      "<tr><td>送信者がすぐ送信 / sent now by the sender</td><td class=\"n\">%lu</td></tr>"
		      "<tr><td>送信者が取り消し / cancelled by the sender</td><td class=\"n\">%lu</td></tr>"
		      "<tr><td>承認の依頼 / approval asked</td><td class=\"n\">%lu</td></tr>"
		      "<tr><td>承認 / approved</td><td class=\"n\">%lu</td></tr>"
		      "<tr><td>却下 / rejected</td><td class=\"n\">%lu</td></tr>"
		      "<tr><td>期限切れ / no answer in time</td><td class=\"n\">%lu</td></tr></table>\n",
		      r->delayed, r->delay_sent, r->delay_now, r->delay_cancelled,
		      r->approval_asked, r->approved, r->rejected, r->approval_timeout);
	om_buf_puts(&b, "<p>初めて送信した社外ドメイン（宛先に誤りがないか確認） / First-time external domains (check they were meant):</p>\n");
	html_table(&b, &r->new_domains, "ドメイン / domain", 0);
	om_buf_puts(&b, "<h2>保留メールの確認 / Review of held messages</h2>\n<table>");
	om_buf_printf(&b, "<tr><td>保留 / held</td><td class=\"n\">%lu</td></tr>"
		      "<tr><td>解放 / released</td><td class=\"n\">%lu</td></tr>"
		      "<tr><td>破棄 / discarded</td><td class=\"n\">%lu</td></tr>"
		      "<tr><td>確認までの時間（中央値）/ review latency (median)</td><td class=\"n\">%s</td></tr>"
		      "<tr><td>確認までの時間（最長）/ review latency (longest)</td><td class=\"n\">%s</td></tr></table>\n",
		      r->held, r->released, r->discarded, med, mx);
	om_buf_printf(&b, "<h2>抜き取り調査 / Random sample for content check (L3)</h2>\n"
		      "<p>社外宛 %lu 通から %lu 通を抽出（シード %llu）/ %lu of %lu outbound messages, seed %llu "
		      "(<code>omamori report --seed %llu</code> gives the same sample).</p>\n",
		      r->seen_outbound, sampled, (unsigned long long) r->seed, sampled, r->seen_outbound,
		      (unsigned long long) r->seed, (unsigned long long) r->seed);
	om_buf_puts(&b, "<table><tr><th>記録 ID / record id</th><th>日時 / time</th><th>送信者 / sender</th>"
		    "<th>宛先数 / rcpts</th><th>検出 / findings</th></tr>\n");
	for (size_t i = 0; i < r->nsample; i++) {
		om_buf_puts(&b, "<tr><td><code>");
		html_esc(&b, r->sample[i].id);
		om_buf_puts(&b, "</code></td><td>");
		html_esc(&b, r->sample[i].time);
		om_buf_puts(&b, "</td><td>");
		html_esc(&b, r->sample[i].sender);
		om_buf_printf(&b, "</td><td class=\"n\">%lu</td><td>", r->sample[i].nrcpt);
		html_esc(&b, *r->sample[i].findings ? r->sample[i].findings : "-");
		om_buf_puts(&b, "</td></tr>\n");
	}
	om_buf_puts(&b, "</table>\n<footer>omamori " PACKAGE_VERSION " — 監査ログから作成 / made from the audit log. "
		    "<code>omamori log search --id ID</code> で詳細 / shows one decision.</footer>\n</body></html>\n");
	if ((fp = fopen(path, "w")) == NULL || fwrite(b.data, 1, b.len, fp) != b.len || fclose(fp) != 0) {
		fprintf(stderr, "omamori: %s: %s\n", path, strerror(errno));
		om_buf_free(&b);
		return (-1);
	}
	om_buf_free(&b);
	return (0);
}

/* csv_table - rows of one table */
static void
csv_table(FILE *fp, const char *section, const rpt_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		fprintf(fp, "%s,", section);
		csv_field(fp, t->v[i].key);
		fprintf(fp, ",%lu,%lu\n", t->v[i].messages, t->v[i].items);
	}
}

/* write_csv - the same numbers, section,key,messages,items */
static int
write_csv(const report *r, const char *path)
{
	FILE   *fp = fopen(path, "w");
	char    day[16];

	if (fp == NULL) {
		fprintf(stderr, "omamori: %s: %s\n", path, strerror(errno));
		return (-1);
	}
	fprintf(fp, "section,key,messages,items\n");
	fprintf(fp, "total,decisions,%lu,\n", r->decisions);
	for (int i = 0; i < r->ndays; i++) {
		day_label(r, i, day, sizeof(day));
		fprintf(fp, "day,%s,%lu,\n", day, r->day_total[i]);
	}
	csv_table(fp, "action", &r->actions);
	csv_table(fp, "category", &r->categories);
	csv_table(fp, "rule", &r->rules);
	csv_table(fp, "sender", &r->senders);
	csv_table(fp, "recipient_domain", &r->domains);
	for (size_t i = 0; i < sizeof(missend_rows) / sizeof(missend_rows[0]); i++)
		fprintf(fp, "missend,%s,%lu,\n", missend_rows[i].key, table_messages(&r->categories, missend_rows[i].key));
	fprintf(fp, "missend,to_bcc,%lu,\n", r->to_bcc);
	fprintf(fp, "delay,delayed,%lu,\ndelay,sent,%lu,\ndelay,sent_now,%lu,\ndelay,cancelled,%lu,\n",
		r->delayed, r->delay_sent, r->delay_now, r->delay_cancelled);
	fprintf(fp, "approval,asked,%lu,\napproval,approved,%lu,\napproval,rejected,%lu,\napproval,timeout,%lu,\n",
		r->approval_asked, r->approved, r->rejected, r->approval_timeout);
	csv_table(fp, "new_domain", &r->new_domains);
	fprintf(fp, "review,held,%lu,\nreview,released,%lu,\nreview,discarded,%lu,\nreview,revealed,%lu,\n",
		r->held, r->released, r->discarded, r->revealed);
	if (r->nlatency)
		fprintf(fp, "review,latency_median_seconds,%.0f,\nreview,latency_max_seconds,%.0f,\n",
			r->latency[r->nlatency / 2], r->latency[r->nlatency - 1]);
	fprintf(fp, "sample,seed,%llu,\n", (unsigned long long) r->seed);
	for (size_t i = 0; i < r->nsample; i++) {
		fprintf(fp, "sample,");
		csv_field(fp, r->sample[i].id);
		fprintf(fp, ",1,\n");
	}
	if (fclose(fp) != 0) {
		fprintf(stderr, "omamori: %s: %s\n", path, strerror(errno));
		return (-1);
	}
	return (0);
}

/* report_usage - synopsis: stdout, exit 0 when asked for; else stderr, exit 2 */
static void __attribute__((noreturn))
report_usage(int asked)
{
	om_cli_usage("usage: omamori report [-c CONFIG] (--week | --from YYYY-MM-DD --to YYYY-MM-DD)\n"
		"                      [-o DIR] [--seed N] [--sample N] [FILE...]\n"
		"Write DIR/omamori-report-FROM-TO.html and .csv from the audit log\n"
		"(or the FILEs). See omamori(1).\n", asked);
}

/* om_cmd_report - omamori report */
int
om_cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"week", no_argument, NULL, 'w'},
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{"output", required_argument, NULL, 'o'},
		{"seed", required_argument, NULL, 's'},
		{"sample", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *config = NULL, *dir = ".", *from_s = NULL, *to_s = NULL;
	long long sample = -1;
	int     c, week = 0, have_seed = 0, rc = 0;
	char    fbuf[16], tbuf[16], *html = NULL, *csv = NULL;
	char  **files;
	size_t  n;
	report *r;
	om_conf *conf;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		om_fatal("out of memory");
	while ((c = getopt_long(argc, argv, "c:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'w':
			week = 1;
			break;
		case 'f':
			from_s = optarg;
			break;
		case 't':
			to_s = optarg;
			break;
		case 'o':
			dir = optarg;
			break;
		case 's':
			r->seed = strtoull(optarg, NULL, 10);
			have_seed = 1;
			break;
		case 'n':
			sample = atoll(optarg);
			break;
		case 'h':
			free(r);
			report_usage(1);
		default:
			free(r);
			report_usage(0);
		}
	}
	if (week == (from_s != NULL) || (from_s == NULL) != (to_s == NULL)) {
		free(r);
		report_usage(0);
	}
	if (week) {
		time_t  now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		tm.tm_mday -= 7;
		tm.tm_hour = 12;
		tm.tm_isdst = -1;
		now = mktime(&tm);
		localtime_r(&now, &tm);
		strftime(fbuf, sizeof(fbuf), "%Y-%m-%d", &tm);
		tm.tm_mday += 6;
		tm.tm_isdst = -1;
		now = mktime(&tm);
		localtime_r(&now, &tm);
		strftime(tbuf, sizeof(tbuf), "%Y-%m-%d", &tm);
		from_s = fbuf;
		to_s = tbuf;
	}
	if (om_cmd_parse_date(from_s, 0, &r->from) < 0 || om_cmd_parse_date(to_s, 1, &r->to) < 0
	    || strlen(from_s) != 10 || strlen(to_s) != 10 || r->to < r->from) {
		fprintf(stderr, "omamori: dates must be YYYY-MM-DD, --from not after --to\n");
		free(r);
		return (2);
	}
	r->ndays = day_index(r, r->to) + 1;
	if (r->ndays > RPT_DAYS) {
		fprintf(stderr, "omamori: a report covers at most %d days\n", RPT_DAYS);
		free(r);
		return (2);
	}
	conf = om_cli_load_conf(config);
	r->want = sample >= 0 ? (size_t) sample : conf->conf_report_sample_size;
	if (!have_seed) {
		uint64_t s = (uint64_t) time(NULL) ^ ((uint64_t) getpid() << 32);

		r->seed = rng_next(&s) % 1000000000ULL;
	}
	r->rng = r->seed;
	if (r->want > 100000)
		r->want = 100000;
	r->sample = calloc(r->want ? r->want : 1, sizeof(rpt_sample));
	if (r->sample == NULL)
		om_fatal("out of memory");
	if (optind < argc) {
		n = (size_t) (argc - optind);
		if ((files = calloc(n, sizeof(char *))) == NULL)
			om_fatal("out of memory");
		for (size_t i = 0; i < n; i++)
			files[i] = om_xstrdup(argv[optind + (int) i]);
	} else
		files = om_cmd_log_files(conf, &n);
	if (n == 0 || om_cmd_log_each(files, n, report_rec, r) < 0)
		rc = 2;
	if (rc == 0) {
		qsort(r->categories.v, r->categories.n, sizeof(rpt_count), cmp_count);
		qsort(r->rules.v, r->rules.n, sizeof(rpt_count), cmp_count);
		qsort(r->senders.v, r->senders.n, sizeof(rpt_count), cmp_count);
		qsort(r->domains.v, r->domains.n, sizeof(rpt_count), cmp_count);
		qsort(r->new_domains.v, r->new_domains.n, sizeof(rpt_count), cmp_count);
		qsort(r->actions.v, r->actions.n, sizeof(rpt_count), cmp_count);
		if (r->nlatency)
			qsort(r->latency, r->nlatency, sizeof(double), cmp_double);
		if (asprintf(&html, "%s/omamori-report-%s-%s.html", dir, from_s, to_s) < 0
		    || asprintf(&csv, "%s/omamori-report-%s-%s.csv", dir, from_s, to_s) < 0)
			om_fatal("out of memory");
		if (write_html(r, html, from_s, to_s) < 0 || write_csv(r, csv) < 0)
			rc = 2;
		else
			printf("%s\n%s\n", html, csv);
	}
	free(html);
	free(csv);
	for (size_t i = 0; i < r->nsample; i++) {
		free(r->sample[i].id);
		free(r->sample[i].time);
		free(r->sample[i].sender);
		free(r->sample[i].findings);
	}
	for (size_t i = 0; i < r->nholds; i++)
		free(r->holds[i].qid);
	free(r->holds);
	free(r->latency);
	free(r->sample);
	table_free(&r->actions);
	table_free(&r->categories);
	table_free(&r->rules);
	table_free(&r->senders);
	table_free(&r->domains);
	table_free(&r->new_domains);
	om_cmd_free_files(files, n);
	om_conf_unref(conf);
	free(r);
	return (rc);
}
