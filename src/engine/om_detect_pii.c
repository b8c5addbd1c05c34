/*++
 * NAME
 *	om_detect_pii 3
 * SUMMARY
 *	personal data in message texts, and the body.pii decision
 * DESCRIPTION
 *	om_detect_pii() runs the configuration's rule set over every text
 *	of the message and reports each accepted match as a pii.* (or
 *	sensitive) finding with a masked sample, in every direction.
 *
 *	Not every match is customer data. A match is dropped when it lies
 *	inside a URL, inside a signature block (the sender's or a quoted
 *	one), or when it is one of the firm's own details (pii_own_phones,
 *	pii_own_postal_codes, pii_own_addresses, pii_own_names, e-mail
 *	addresses of internal_domains or of the envelope), or when it is a
 *	business's landline or postal code: a company word (株式会社,
 *	支店, 営業所 ...) on its line or the line above and no customer's
 *	word (お客様, 契約者, 自宅 ...) there. Where matches
 *	of several rules overlap, the heaviest one wins.
 *
 *	File names are read by the rules that read attachment content
 *	(the name of even an encrypted file goes out in clear).
 *
 *	body.pii: for mail with at least one external recipient, the
 *	evidence of the body texts and of the Subject is summed; the
 *	alternatives of a multipart/alternative count as one (om_msg.h:
 *	each finding at its greatest count in any one alternative). It is customer personal data when one
 *	item reaches pii_body_threshold on its own (a validated My Number,
 *	card, account ...), when the summed weights reach it, when items
 *	of pii_body_min_kinds different kinds describe a person together,
 *	or when there are pii_body_many items or more.
 *
 *	Signature blocks: a "-- " line starts one; so does a rule line
 *	(om_sig.h: five of ━ ─ ＝ = * - _ and the like) followed by
 *	company or contact lines; and a block of lines that names a
 *	company and gives TEL/FAX/〒/mail is one by itself. A block that carries personal labels (様, 氏名,
 *	生年月日, お客様 ...) is never taken for a signature. Quoted lines
 *	("> ") are judged the same way at their own quote level.
 *--*/
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "om_buf.h"
#include "om_log.h"
#include "om_map.h"
#include "om_mask.h"
#include "om_norm.h"
#include "om_rules.h"
#include "om_words.h"
#include "om_scan.h"
#include "om_sig.h"
#include "om_validate.h"

#define PII_HITS_MAX	20000		/* per text */
#define PII_SPANS_MAX	4096		/* per text */
#define PII_LINES_MAX	200000
#define SIG_WHY		"in a signature block"
#define PII_SIGVALS_MAX	256		/* per text, and per message */
#define PII_OVERLAP_LIST 64		/* more matches: overlaps by bitmap */

/*
 * Kinds of evidence for body.pii. A postal code and an address are one
 * kind (they say the same thing); the index is the kind number.
 */
static const struct {
	const char *category;
	int	kind;
} pii_kinds[] = {
	{"pii.name", 0}, {"pii.phone", 1}, {"pii.email", 2}, {"pii.address", 3},
	{"pii.postal_code", 3}, {"pii.birthdate", 4}, {"pii.policy_number", 5},
	{"pii.mynumber", 6}, {"pii.credit_card", 7}, {"pii.bank_account", 8},
	{"pii.passport", 9}, {"pii.drivers_license", 10}, {"pii.residence_card", 11},
	{"pii.pension_number", 12}, {"pii.health_insurance", 13}, {"sensitive", 14},
};

typedef struct pii_span {
	size_t	start, end;
	size_t	maxend;			/* once sorted: greatest end so far */
	unsigned order;			/* found in this order (URLs first) */
	const char *why;
} pii_span;

typedef struct pii_hit {
	const om_rule *rule;
	size_t	start, end;
	double	score;
} pii_hit;

/* A value seen in a signature: its category and alnum_hash. */
typedef struct pii_sigval {
	const char *category;
	unsigned long hash;
} pii_sigval;

/* The signature values of the texts of one message read so far. */
struct om_pii_sigvals {
	pii_sigval v[PII_SIGVALS_MAX];
	size_t	n;
};

typedef struct pii_ctx {
	om_scan *scan;
	const om_text *text;
	pii_span *spans;		/* URLs and signatures */
	size_t	nspans;
	int	spans_found;		/* spans are looked for at the first hit */
	pii_hit *hits;
	size_t	nhits;
	size_t	cap;
	pii_sigval sigvals[PII_SIGVALS_MAX];	/* values seen in signatures */
	size_t	nsigvals;
	int	event;			/* event_notice: 0 unknown, 1 no, 2 yes */
} pii_ctx;

/* kind_of - evidence kind of a category, -1 for others */
static int
kind_of(const char *category)
{
	for (size_t i = 0; i < sizeof(pii_kinds) / sizeof(pii_kinds[0]); i++)
		if (strcmp(pii_kinds[i].category, category) == 0)
			return (pii_kinds[i].kind);
	return (-1);
}

/* value_hash - hash of a value's letters and digits (separators aside) */
static unsigned long
value_hash(const char *s, size_t n)
{
	unsigned long h = 5381;

	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '-')
			h = h * 33 + (unsigned char) s[i];
	return (h);
}

/* score_add - one accepted item into the evidence */
static void
score_add(const om_conf *conf, om_pii_score *sc, const char *category,
	  const char *s, size_t n, double weight)
{
	int     k = kind_of(category);
	unsigned long h;

	if (k < 0)
		return;
	sc->total += weight;
	sc->items++;
	if (weight >= (double) conf->conf_pii_body_threshold) {
		sc->high++;
		return;
	}
	sc->kinds |= 1u << k;
	h = value_hash(s, n);
	/* Only the first OM_PII_VALUES hashes are kept; beyond them, count. */
	for (unsigned i = 0; i < sc->nvalues[k] && i < OM_PII_VALUES; i++)
		if (sc->values[k][i] == h)
			return;
	if (sc->nvalues[k] < OM_PII_VALUES)
		sc->values[k][sc->nvalues[k]] = h;
	if (sc->nvalues[k] < 1000000)
		sc->nvalues[k]++;
}

/* add_span - remember a region that holds no customer data */
static void
add_span(pii_ctx *cx, size_t start, size_t end, const char *why)
{
	if (cx->nspans >= PII_SPANS_MAX || end <= start)
		return;
	cx->spans[cx->nspans].why = why;
	cx->spans[cx->nspans].order = (unsigned) cx->nspans;
	cx->spans[cx->nspans].start = start;
	cx->spans[cx->nspans++].end = end;
}

/* has_zero_byte - any of the eight bytes zero */
static inline int
has_zero_byte(uint64_t v)
{
	return (((v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull) != 0);
}

/* find_urls - every http(s):// and www. run */
static void
find_urls(pii_ctx *cx)
{
	const char *t = cx->text->text;
	size_t  len = cx->text->len;

	for (size_t i = 0; i < len; i++) {
		size_t  e;
		unsigned char lc;

		/* Skip eight bytes at a time while none is h, H, w or W. */
		while (len - i >= 8) {
			uint64_t v;

			memcpy(&v, t + i, 8);
			v |= 0x2020202020202020ull;
			if (has_zero_byte(v ^ 0x6868686868686868ull) || has_zero_byte(v ^ 0x7777777777777777ull))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		lc = (unsigned char) t[i] | 0x20;
		if (lc != 'h' && lc != 'w')
			continue;
		if (!((len - i >= 7 && strncasecmp(t + i, "http://", 7) == 0)
		      || (len - i >= 8 && strncasecmp(t + i, "https://", 8) == 0)
		      || (len - i >= 4 && strncasecmp(t + i, "www.", 4) == 0
			  && (i == 0 || !((unsigned char) t[i - 1] < 0x80
					  && (t[i - 1] == '/' || t[i - 1] == '.'))))))
			continue;
		for (e = i; e < len; e++) {
			unsigned char c = (unsigned char) t[e];

			if (c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == '\'')
				break;
		}
		add_span(cx, i, e, "inside a URL");
		i = e;
	}
}

/* One line of a body, with its quote level. */
typedef struct pii_line {
	size_t	start, end;		/* the whole line, without the newline */
	size_t	cstart;			/* content after the quote marks */
	int	quote;
	int	blank;
	uint32_t words;			/* WORDS_* lists with a word on the line */
} pii_line;

/* has_any - line content holds one of the words (ASCII without case) */
static int
has_any(const char *s, size_t n, const char *const *words)
{
	for (const char *const *w = words; *w; w++) {
		size_t  wl = strlen(*w);
		int     letters = 0;

		for (size_t k = 0; k < wl; k++)
			letters |= ((*w)[k] >= 'A' && (*w)[k] <= 'Z') || ((*w)[k] >= 'a' && (*w)[k] <= 'z');
		if (wl > n)
			continue;
		if (!letters) {
			/* Lines are short: memchr and a compare cost less than memmem's set-up. */
			const char *p = s, *last = s + n - wl;

			while (p <= last && (p = memchr(p, (*w)[0], (size_t) (last - p) + 1)) != NULL) {
				if (memcmp(p + 1, *w + 1, wl - 1) == 0)
					return (1);
				p++;
			}
			continue;
		}
		for (size_t i = 0; i + wl <= n; i++)
			if (((s[i] | 0x20) == ((*w)[0] | 0x20)) && strncasecmp(s + i, *w, wl) == 0)
				return (1);
	}
	return (0);
}

static const char *const company_words[] = {
	"株式会社", "有限会社", "合同会社", "(株)", "(有)", "Co.,", "Co.Ltd", "Inc.", "Ltd",
	"保険代理店", "代理店", "事務所", "法人", "協会", "組合", "支店", "営業所", "本社", "部 ", "課 ", NULL,
};
static const char *const contact_words[] = {
	"TEL", "FAX", "〒", "E-mail", "Email", "Mail:", "Mail :", "mail:", "URL", "http",
	"電話", "携帯", "直通", "代表", NULL,
};
static const char *const personal_words[] = {
	"様", "氏名", "生年月日", "お客様", "契約者", "被保険者", "ご住所", "住所:",
	"マイナンバー", "個人番号", "口座番号", "カード番号", "証券番号", "患者", NULL,
};

static const char *const attribution_words[] = {
	"wrote:", "のメール:", "書きました:", "Original Message", "Forwarded", "転送",
	"差出人:", "From:", NULL,
};

/* The word lists as bits of pii_line.words. */
#define WORDS_PERSONAL		(1u << 0)
#define WORDS_PERSONAL_NOT_SAMA	(1u << 1)	/* all but 様 */
#define WORDS_COMPANY		(1u << 2)
#define WORDS_CONTACT		(1u << 3)
#define WORDS_ATTRIBUTION	(1u << 4)

static pthread_once_t words_once = PTHREAD_ONCE_INIT;
static om_words *words_set;

/* words_init - the word lists as one vectorscan database, once */
static void
words_init(void)
{
	const char *const *const lists[] = {
		personal_words, personal_words + 1, company_words, contact_words, attribution_words,
	};

	words_set = om_words_new(lists, sizeof(lists) / sizeof(lists[0]));
}

/* line_words - WORDS_* bits of one line, word by word (the slow way) */
static uint32_t
line_words(const char *s, size_t n)
{
	return ((has_any(s, n, personal_words) ? WORDS_PERSONAL : 0)
		| (has_any(s, n, personal_words + 1) ? WORDS_PERSONAL_NOT_SAMA : 0)
		| (has_any(s, n, company_words) ? WORDS_COMPANY : 0)
		| (has_any(s, n, contact_words) ? WORDS_CONTACT : 0)
		| (has_any(s, n, attribution_words) ? WORDS_ATTRIBUTION : 0));
}

/* lines_words - WORDS_* bits of every line, in one pass over the text */
static void
lines_words(om_pool *pool, const char *t, pii_line *ln, size_t nl)
{
	size_t *starts = om_pool_alloc(pool, nl * sizeof(size_t));
	uint32_t *bits = om_pool_alloc(pool, nl * sizeof(uint32_t));

	pthread_once(&words_once, words_init);
	for (size_t i = 0; i < nl; i++)
		starts[i] = ln[i].start;
	/* Words past the last line counted (PII_LINES_MAX) are not looked at. */
	if (om_words_lines(words_set, t, nl > 0 ? ln[nl - 1].end : 0, starts, nl, bits) == 0) {
		for (size_t i = 0; i < nl; i++)
			ln[i].words = bits[i];
		return;
	}
	for (size_t i = 0; i < nl; i++)
		ln[i].words = line_words(t + ln[i].cstart, ln[i].end - ln[i].cstart);
}

/* block_is_signature - lines [a, b) look like contact details, not a person's */
static int
block_is_signature(const pii_line *ln, size_t a, size_t b, int need_company)
{
	uint32_t w = 0;

	for (size_t i = a; i < b; i++) {
		if (ln[i].words & WORDS_PERSONAL)
			return (0);
		w |= ln[i].words;
	}
	return ((w & WORDS_CONTACT) && ((w & WORDS_COMPANY) || !need_company));
}

/* ends_with_any - content, trailing blanks and 、, ends with one of the words */
static int
ends_with_any(const char *s, size_t n, const char *const *words)
{
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == ','))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "、", 3) == 0)
			n -= 3;
		else
			break;
	}
	for (const char *const *w = words; *w; w++) {
		size_t  wl = strlen(*w);

		if (n >= wl && memcmp(s + n - wl, *w, wl) == 0)
			return (1);
	}
	return (0);
}

/*
 * find_salutations - the lines that greet the recipient ("山田 太郎 様")
 * at the top of the mail and of each quoted or forwarded mail.
 */
static void
find_salutations(pii_ctx *cx, const pii_line *ln, size_t nl)
{
	static const char *const ends[] = {"様", "さま", "殿", "御中", "各位", "様へ", NULL};
	const char *t = cx->text->text;
	int     left = 4, quote = 0;

	for (size_t i = 0; i < nl; i++) {
		const char *s = t + ln[i].cstart;
		size_t  n = ln[i].end - ln[i].cstart;

		if (ln[i].quote != quote || (ln[i].words & WORDS_ATTRIBUTION)) {
			quote = ln[i].quote;
			left = 4;
			if (ln[i].words & WORDS_ATTRIBUTION)
				continue;
		}
		if (ln[i].blank || left <= 0)
			continue;
		left--;
		if (ends_with_any(s, n, ends) && !(ln[i].words & WORDS_PERSONAL_NOT_SAMA))
			add_span(cx, ln[i].start, ln[i].end, "greets the recipient");
	}
}

/* find_signatures - spans of signature blocks in a body text */
static void
find_signatures(pii_ctx *cx)
{
	const char *t = cx->text->text;
	size_t  len = cx->text->len, nl = 0, maxl = cx->scan->conf->conf_pii_signature_lines;
	pii_line *ln;

	for (const char *p = t; (p = memchr(p, '\n', (size_t) (t + len - p))) != NULL; p++)
		nl++;
	nl++;
	if (nl > PII_LINES_MAX)
		nl = PII_LINES_MAX;
	ln = om_pool_alloc(cx->scan->pool, nl * sizeof(*ln));
	nl = 0;
	for (size_t i = 0; i <= len && nl < PII_LINES_MAX;) {
		size_t  e = i;
		pii_line *l = ln + nl++;

		{
			const char *nlp = memchr(t + i, '\n', len - i);

			e = nlp ? (size_t) (nlp - t) : len;
		}
		l->start = i;
		l->end = e;
		l->quote = 0;
		l->cstart = i;
		while (l->cstart < e && (t[l->cstart] == '>' || t[l->cstart] == ' '
					 || t[l->cstart] == '|')) {
			if (t[l->cstart] != ' ')
				l->quote++;
			l->cstart++;
		}
		l->blank = 1;
		for (size_t k = l->cstart; k < e && l->blank; k++)
			if (t[k] != ' ' && t[k] != '\t' && t[k] != '\r')
				l->blank = 0;
		i = e + 1;
		if (e >= len)
			break;
	}
	lines_words(cx->scan->pool, t, ln, nl);
	find_salutations(cx, ln, nl);
	for (size_t i = 0; i < nl; i++) {
		const char *s = t + ln[i].cstart;
		size_t  n = ln[i].end - ln[i].cstart, j, stop;

		if (ln[i].blank)
			continue;
		stop = i + 1;
		while (stop < nl && stop - i <= maxl && ln[stop].quote == ln[i].quote)
			stop++;
		if (om_sig_dashdash(s, n)) {
			/* "-- ": what follows at this level, up to maxl lines. */
			if (block_is_signature(ln, i + 1, stop, 0) || stop - i <= maxl) {
				add_span(cx, ln[i].start, ln[stop - 1].end, SIG_WHY);
				i = stop - 1;
			}
			continue;
		}
		if (om_sig_rule_line(s, n, OM_SIG_RULE_PII)) {
			/* A framed block: to the closing rule line, if any. */
			for (j = i + 1; j < stop; j++)
				if (om_sig_rule_line(t + ln[j].cstart, ln[j].end - ln[j].cstart, OM_SIG_RULE_PII))
					break;
			if (j == stop) {
				for (j = i + 1; j < stop && !ln[j].blank; j++)
					;
				j--;
			}
			if (j > i && block_is_signature(ln, i + 1, j, 1)) {
				add_span(cx, ln[i].start, ln[j].end, SIG_WHY);
				i = j;
			}
			continue;
		}
		/* A company line and the contact lines under it. */
		if (!(ln[i].words & WORDS_COMPANY))
			continue;
		for (j = i; j < stop && j - i < maxl && !ln[j].blank; j++) {
			const char *sj = t + ln[j].cstart;
			size_t  nj = ln[j].end - ln[j].cstart;

			if (j > i && (om_sig_dashdash(sj, nj) || om_sig_rule_line(sj, nj, OM_SIG_RULE_PII)
				      || (ln[j].words & WORDS_ATTRIBUTION)))
				break;
		}
		if (j - i >= 2 && block_is_signature(ln, i, j, 1)) {
			add_span(cx, ln[i].start, ln[j - 1].end, SIG_WHY);
			i = j - 1;
		}
	}
}

/* digits_eq - same digits, separators aside */
static int
digits_eq(const char *a, size_t alen, const char *b)
{
	char    da[40], db[40];
	int     na = om_validate_digits(a, alen, da, sizeof(da));
	int     nb = om_validate_digits(b, strlen(b), db, sizeof(db));

	return (na > 0 && na == nb && strcmp(da, db) == 0);
}

/* norm_contains - does the (normalised) needle occur in hay */
static int
norm_contains(const char *hay, size_t hlen, const char *needle)
{
	om_buf  nb;
	int     found = 0;

	om_buf_init(&nb, 0);
	if (om_norm_text(needle, strlen(needle), &nb) == 0 && nb.len > 0 && nb.len <= hlen)
		for (size_t i = 0; i + nb.len <= hlen && !found; i++)
			found = memcmp(hay + i, nb.data, nb.len) == 0;
	om_buf_free(&nb);
	return (found);
}

/* own_detail - the firm's own phone, postal code, address, name, mailbox */
static const char *
own_detail(om_scan *scan, const char *category, const char *s, size_t n)
{
	const om_conf *conf = scan->conf;

	if (strcmp(category, "pii.phone") == 0) {
		for (size_t i = 0; i < conf->conf_pii_own_phones.n; i++)
			if (digits_eq(s, n, conf->conf_pii_own_phones.v[i]))
				return ("the firm's own phone (pii_own_phones)");
	} else if (strcmp(category, "pii.postal_code") == 0) {
		for (size_t i = 0; i < conf->conf_pii_own_postal_codes.n; i++)
			if (digits_eq(s, n, conf->conf_pii_own_postal_codes.v[i]))
				return ("the firm's own postal code (pii_own_postal_codes)");
	} else if (strcmp(category, "pii.address") == 0) {
		for (size_t i = 0; i < conf->conf_pii_own_addresses.n; i++)
			if (norm_contains(s, n, conf->conf_pii_own_addresses.v[i]))
				return ("the firm's own address (pii_own_addresses)");
	} else if (strcmp(category, "pii.name") == 0) {
		for (size_t i = 0; i < conf->conf_pii_own_names.n; i++)
			if (norm_contains(s, n, conf->conf_pii_own_names.v[i]))
				return ("the firm's own name (pii_own_names)");
	} else if (strcmp(category, "pii.email") == 0) {
		const char *at = memchr(s, '@', n);
		char    addr[320];

		if (at) {
			snprintf(addr, sizeof(addr), "%.*s", (int) (s + n - at - 1), at + 1);
			if (om_conf_domain_internal(conf, addr))
				return ("an address of internal_domains");
		}
		snprintf(addr, sizeof(addr), "%.*s", (int) (n < 319 ? n : 319), s);
		if (strcasecmp(addr, scan->sender) == 0)
			return ("the envelope sender");
		for (size_t i = 0; i < scan->nrcpts; i++)
			if (strcasecmp(addr, scan->rcpts[i]) == 0)
				return ("an envelope recipient");
	}
	return (NULL);
}

/* Words that make a phone on their line a person's, whatever the company. */
static const char *const home_words[] = {
	"自宅", "携帯", "ご本人", "個人", NULL,
};

/*
 * Labels of a business's contact besides the company words; an event's
 * organiser and venue (主催, 事務局, 会場) are a business's too.
 */
static const char *const business_words[] = {
	"会社名", "社名", "法人名", "代表", "FAX", "ＦＡＸ",
	"主催", "共催", "事務局", "会場", "開催場所", "お問い合わせ先", "お問合せ先", "問い合わせ先",
	NULL,
};

/* line_around - [*ls, *le) the line of offset at, without its newline */
static void
line_around(const char *t, size_t len, size_t at, size_t *ls, size_t *le)
{
	const char *nl;

	*ls = at;
	while (*ls > 0 && t[*ls - 1] != '\n')
		(*ls)--;
	nl = memchr(t + at, '\n', len - at);
	*le = nl ? (size_t) (nl - t) : len;
}

/* What an event notice names: the event, and its date or venue. */
static const char *const event_words[] = {
	"セミナー", "説明会", "勉強会", "研修会", "講演会", "相談会", "懇親会", "展示会",
	"イベント", "フォーラム", "seminar", "webinar", "workshop", NULL,
};
static const char *const event_place_words[] = {
	"会場", "開催", "日時", "venue", NULL,
};
/* Labels of whom to ask, besides TEL and 電話. */
static const char *const inquiry_words[] = {
	"問合せ", "問い合わせ", "問合わせ", "申込", "申し込み", "連絡先", "contact", NULL,
};

/*
 * event_notice - the text announces an event (a seminar and its venue
 * or date); *memo caches the answer for the text: 0 not yet known,
 * 1 no, 2 yes
 */
static int
event_notice(const om_text *text, int *memo)
{
	if (*memo == 0)
		*memo = has_any(text->text, text->len, event_words)
		    && has_any(text->text, text->len, event_place_words) ? 2 : 1;
	return (*memo == 2);
}

/* The lists business_contact() reads, as bits beside the WORDS_* ones. */
#define WORDS_HOME		(1u << 5)
#define WORDS_BUSINESS		(1u << 6)

static pthread_once_t contact_once = PTHREAD_ONCE_INIT;
static om_words *contact_set;

/* contact_init - line_words()'s lists, home_words and business_words as one database, once */
static void
contact_init(void)
{
	const char *const *const lists[] = {
		personal_words, personal_words + 1, company_words, contact_words, attribution_words,
		home_words, business_words,
	};

	contact_set = om_words_new(lists, sizeof(lists) / sizeof(lists[0]));
}

/*
 * contact_line_words - WORDS_* bits of one line, WORDS_HOME and
 * WORDS_BUSINESS too: one vectorscan pass instead of a search per word
 * (a customer table asks this of every phone number and postal code).
 */
static uint32_t
contact_line_words(const char *s, size_t n)
{
	size_t  start = 0;
	uint32_t bits;

	pthread_once(&contact_once, contact_init);
	if (om_words_lines(contact_set, s, n, &start, 1, &bits) == 0)
		return (bits);
	return (line_words(s, n) | (has_any(s, n, home_words) ? WORDS_HOME : 0)
		| (has_any(s, n, business_words) ? WORDS_BUSINESS : 0));
}

/*
 * business_contact - a landline number or a postal code of a business:
 * its own line, or the line just above, names a company (株式会社,
 * 有限会社, 支店, 営業所 ...) or labels one (会社名, 代表, FAX), and
 * neither line names a customer
 * (お客様, 契約者, 被保険者 ...) or a person's own phone (自宅, 携帯).
 * In an event notice a landline labelled as a contact (TEL, 電話,
 * 問い合わせ, 申込, 連絡先 on its line or the line above) is the
 * organiser's or the venue's, unless those lines name a person (様 too:
 * a list of participants). A mobile number (070, 080, 090) is a
 * person's wherever it stands.
 */
static const char *
business_contact(const om_text *text, const char *category, size_t start, size_t end,
		 int *event)
{
	const char *t = text->text;
	size_t  ls, le, ps, pe;
	char    d[40];
	int     nd;
	uint32_t w;

	if (strcmp(category, "pii.phone") == 0) {
		nd = om_validate_digits(t + start, end - start, d, sizeof(d));
		if (nd < 4)
			return (NULL);
		{
			const char *p = strncmp(d, "81", 2) == 0 ? d + 2 : d + 1;

			if ((p[0] == '7' || p[0] == '8' || p[0] == '9') && p[1] == '0')
				return (NULL);
		}
	} else if (strcmp(category, "pii.postal_code") != 0)
		return (NULL);
	line_around(t, text->len, start, &ls, &le);
	w = contact_line_words(t + ls, le - ls);
	if (w & WORDS_HOME)
		return (NULL);
	ps = ls;			/* the two lines from ps to le */
	if (ls > 0) {
		line_around(t, text->len, ls - 1, &ps, &pe);
		w |= contact_line_words(t + ps, pe - ps);
	}
	if (w & WORDS_BUSINESS)
		w |= WORDS_COMPANY;
	if ((w & WORDS_COMPANY) && !(w & WORDS_PERSONAL_NOT_SAMA))
		return ("a business's contact (a company on its line or the line above)");
	if (strcmp(category, "pii.phone") == 0 && !(w & WORDS_PERSONAL)
	    && ((w & WORDS_CONTACT) || has_any(t + ps, le - ps, inquiry_words))
	    && event_notice(text, event))
		return ("an event's contact (a landline in a seminar or event notice)");
	return (NULL);
}

/* Header labels of a quoted or forwarded mail, as mail programs write them. */
static const char *const header_labels[] = {
	"From", "To", "Cc", "Bcc", "Reply-To", "Sender", "差出人", "宛先", "送信者", "返信先", NULL,
};

/* header_label_at - a header label and its colon stand at [i, end) */
static int
header_label_at(const char *t, size_t i, size_t end)
{
	for (const char *const *w = header_labels; *w; w++) {
		size_t  wl = strlen(*w), k = i + wl;

		if (k > end || strncasecmp(t + i, *w, wl) != 0)
			continue;
		while (k < end && t[k] == ' ')
			k++;
		if (k < end && (t[k] == ':' || (k + 3 <= end && memcmp(t + k, "：", 3) == 0)))
			return (1);
	}
	return (0);
}

/*
 * header_line_address - an address on a header line of a quoted or
 * forwarded mail ("> From: 山田 <t.yamada@insurer.example>", "差出人:")
 * is routing, a business mailbox, unless its domain is a free-mail
 * one: a customer writing from free mail is still a customer. Without
 * the free-mail list nothing is taken away.
 */
static const char *
header_line_address(om_scan *scan, const om_text *text, size_t start, size_t end)
{
	const char *t = text->text, *at;
	size_t  ls, le, i;
	char    dom[256];

	if (scan->snap == NULL || scan->snap->freemail == NULL)
		return (NULL);
	line_around(t, text->len, start, &ls, &le);
	for (i = ls; i < start && (t[i] == '>' || t[i] == ' ' || t[i] == '\t' || t[i] == '|'); i++)
		;
	if (!header_label_at(t, i, start))
		return (NULL);
	if ((at = memchr(t + start, '@', end - start)) == NULL
	    || (size_t) (t + end - at - 1) >= sizeof(dom))
		return (NULL);
	snprintf(dom, sizeof(dom), "%.*s", (int) (t + end - at - 1), at + 1);
	if (om_map_has_domain(scan->snap->freemail, dom))
		return (NULL);
	return ("a business address on a header line of a quoted or forwarded mail");
}

/* alnum_hash - hash of the letters and digits of a value */
static unsigned long
alnum_hash(const char *s, size_t n)
{
	unsigned long h = 5381;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char) s[i];

		if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			h = h * 33 + (c >= 'A' && c <= 'Z' ? c | 0x20 : c);
	}
	return (h);
}

/* span_cmp - by start */
static int
span_cmp(const void *a, const void *b)
{
	const pii_span *x = a, *y = b;

	return (x->start < y->start ? -1 : x->start > y->start);
}

/*
 * span_reason - why a match at [start, end) is not customer data, or
 * NULL. The URL and signature spans are found at the first call: most
 * texts have no match at all and never pay for them. They are then
 * sorted by start, with the greatest end so far beside each, so a
 * lookup is a binary search and a short walk back; of the spans that
 * overlap the match, the one found first gives the reason.
 */
static const char *
span_reason(pii_ctx *cx, size_t start, size_t end)
{
	size_t  lo = 0, hi;
	const pii_span *best = NULL;

	if (!cx->spans_found) {
		cx->spans_found = 1;
		cx->spans = om_pool_alloc(cx->scan->pool, PII_SPANS_MAX * sizeof(pii_span));
		find_urls(cx);
		if (cx->text->scope & (OM_SCOPE_BODY | OM_SCOPE_ATTACHMENT))
			find_signatures(cx);
		if (cx->nspans > 1)
			qsort(cx->spans, cx->nspans, sizeof(pii_span), span_cmp);
		for (size_t i = 0; i < cx->nspans; i++)
			cx->spans[i].maxend = i > 0 && cx->spans[i - 1].maxend > cx->spans[i].end
			    ? cx->spans[i - 1].maxend : cx->spans[i].end;
	}
	/* hi: the number of spans that start before the match ends. */
	hi = cx->nspans;
	while (lo < hi) {
		size_t  mid = lo + (hi - lo) / 2;

		if (cx->spans[mid].start < end)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t j = lo; j > 0 && cx->spans[j - 1].maxend > start; j--)
		if (cx->spans[j - 1].end > start && (best == NULL || cx->spans[j - 1].order < best->order))
			best = cx->spans + j - 1;
	return (best ? best->why : NULL);
}

/* ctx_init - the state of one text */
static void
ctx_init(pii_ctx *cx, om_scan *scan, const om_text *text)
{
	memset(cx, 0, sizeof(*cx));
	cx->scan = scan;
	cx->text = text;
}

/* on_hit - keep accepted matches that are customer data */
static int
on_hit(const om_rule_hit *h, void *arg)
{
	pii_ctx *cx = arg;
	const char *t = cx->text->text;

	const char *why;

	/*
	 * A value a keyword took away ("Fax." just above the signer's
	 * mobile) is still the signer's when it stands in a signature: the
	 * same value in the text is theirs too.
	 */
	if (h->status == OM_HIT_EXCLUDED && strncmp(h->rule->category, "pii.", 4) == 0) {
		if ((why = span_reason(cx, h->start, h->end)) != NULL && strcmp(why, SIG_WHY) == 0
		    && cx->nsigvals < PII_SIGVALS_MAX) {
			cx->sigvals[cx->nsigvals].category = h->rule->category;
			cx->sigvals[cx->nsigvals++].hash = alnum_hash(t + h->start, h->end - h->start);
		}
		return (0);
	}
	if (h->status != OM_HIT_ACCEPTED)
		return (0);
	/* Inbound attack phrases are om_detect_attack.c's: pass them on. */
	if (strncmp(h->rule->category, "attack.", 7) == 0) {
		if (cx->scan->direction == OM_DIR_INBOUND)
			om_attack_phrase_hit(cx->scan, cx->text, h);
		return (0);
	}
	/* Addresses in the header are routing, not customer data. */
	if (cx->text->scope == OM_SCOPE_HEADER && strcmp(h->rule->category, "pii.email") == 0)
		return (0);
	if ((why = span_reason(cx, h->start, h->end)) != NULL) {
		/* The signer's own details: the same value elsewhere is theirs too. */
		if (strcmp(why, SIG_WHY) == 0 && cx->nsigvals < PII_SIGVALS_MAX) {
			cx->sigvals[cx->nsigvals].category = h->rule->category;
			cx->sigvals[cx->nsigvals++].hash = alnum_hash(t + h->start, h->end - h->start);
		}
		return (0);
	}
	if (own_detail(cx->scan, h->rule->category, t + h->start, h->end - h->start)
	    || business_contact(cx->text, h->rule->category, h->start, h->end, &cx->event))
		return (0);
	if (strcmp(h->rule->category, "pii.email") == 0
	    && header_line_address(cx->scan, cx->text, h->start, h->end))
		return (0);
	if (cx->nhits >= PII_HITS_MAX)
		return (0);
	if (cx->nhits == cx->cap) {
		size_t  cap = cx->cap ? cx->cap * 2 : 32;
		pii_hit *nh = om_pool_alloc(cx->scan->pool, cap * sizeof(*nh));

		if (cx->nhits)
			memcpy(nh, cx->hits, cx->nhits * sizeof(*nh));
		cx->hits = nh;
		cx->cap = cap;
	}
	cx->hits[cx->nhits].rule = h->rule;
	cx->hits[cx->nhits].start = h->start;
	cx->hits[cx->nhits].end = h->end;
	cx->hits[cx->nhits].score = h->score;
	cx->nhits++;
	return (0);
}

/* hit_cmp - heaviest first, then earliest */
static int
hit_cmp(const void *a, const void *b)
{
	const pii_hit *x = a, *y = b;

	if (x->score != y->score)
		return (x->score > y->score ? -1 : 1);
	if (x->start != y->start)
		return (x->start < y->start ? -1 : 1);
	return (0);
}

/* cell - one cell of a separated line: [*p, end), trimmed; advances *p */
static void
cell(const char **p, const char *eol, char sep, const char **cs, size_t *cn)
{
	const char *c = *p, *e;

	e = memchr(c, sep, (size_t) (eol - c));
	if (e == NULL)
		e = eol;
	*p = e < eol ? e + 1 : eol;
	while (c < e && (*c == ' ' || *c == '"'))
		c++;
	while (e > c && (e[-1] == ' ' || e[-1] == '"' || e[-1] == '\r'))
		e--;
	*cs = c;
	*cn = (size_t) (e - c);
}

/*
 * table_text - a CSV or tab-separated attachment, rewritten as
 * "HEADER: value" lines so that the column names give each value the
 * context a label gives it in prose. 0 when the text is not a table.
 */
static int
table_text(om_scan *scan, const om_text *in, om_text *out)
{
	const char *t = in->text, *end = t + in->len, *eol, *p;
	const char *hs[64];
	size_t  hn[64], ncols = 0, n = 0, cap, limit = in->len * 4 + 4096;
	char    sep, *o;

	while (t < end && (*t == '\n' || *t == '\r'))
		t++;
	if ((eol = memchr(t, '\n', (size_t) (end - t))) == NULL)
		return (0);
	{
		size_t  commas = 0, tabs = 0;

		for (p = t; p < eol; p++)
			commas += *p == ',', tabs += *p == '\t';
		if (commas < 2 && tabs < 2)
			return (0);
		sep = tabs > commas ? '\t' : ',';
	}
	for (p = t; p < eol && ncols < 64; ncols++)
		cell(&p, eol, sep, hs + ncols, hn + ncols);
	if (eol + 1 >= end)
		return (0);

	/*
	 * The rewrite goes straight into the pool, so its size is bounded
	 * first: a row gives at most its own bytes and every column's
	 * name with ": " and a line end, and one more line end; and the
	 * rows stop once limit bytes are written.
	 */
	{
		size_t  per_row = 1, lines = 0, longest = 0, body = (size_t) (end - (eol + 1));
		const char *q = eol + 1, *nl;

		for (size_t i = 0; i < ncols; i++)
			per_row += hn[i] + 3;
		for (; q < end; q = nl + 1) {
			if ((nl = memchr(q, '\n', (size_t) (end - q))) == NULL)
				nl = end;
			lines++;
			if ((size_t) (nl - q) > longest)
				longest = (size_t) (nl - q);
			if (nl == end)
				break;
		}
		cap = body + lines * per_row;
		if (cap > limit + longest + per_row)
			cap = limit + longest + per_row;
	}
	o = om_pool_alloc(scan->pool, cap + 1);
	for (t = eol + 1; t < end && n < limit; t = eol + 1) {
		if ((eol = memchr(t, '\n', (size_t) (end - t))) == NULL)
			eol = end;
		p = t;
		for (size_t i = 0; i < ncols && p < eol; i++) {
			const char *cs;
			size_t  cn;

			cell(&p, eol, sep, &cs, &cn);
			if (hn[i] == 0 || cn == 0)
				continue;
			memcpy(o + n, hs[i], hn[i]);
			n += hn[i];
			o[n++] = ':';
			o[n++] = ' ';
			memcpy(o + n, cs, cn);
			n += cn;
			o[n++] = '\n';
		}
		o[n++] = '\n';
		if (eol == end)
			break;
	}
	if (n > cap)
		om_panic("table_text: %zu bytes written, %zu reserved", n, cap);
	o[n] = 0;
	*out = *in;
	out->text = o;
	out->len = n;
	return (1);
}

/*
 * Customer labels: an item whose label says whose it is ("お客様の電話番号",
 * "契約者氏名", "被保険者ご住所", "Policyholder's phone") is a customer's
 * data on its own, and counts for body.pii as a high-risk item does.
 */
static const char *const customer_roles[] = {
	"お客様", "お客さま", "顧客", "契約者", "被保険者", "本人", "申込者", "受取人",
	"加入者", "患者", "請求者", "相続人", "扶養者",
	"customer", "client", "policyholder", "policy holder", "insured", "applicant",
	"beneficiary", "patient", NULL,
};
static const char *const label_name[] = {"氏名", "お名前", "名前", "名", "name", NULL};
static const char *const label_phone[] = {"電話", "携帯", "連絡先", "TEL", "phone", "mobile", NULL};
static const char *const label_email[] = {"メール", "アドレス", "連絡先", "mail", NULL};
static const char *const label_address[] = {"住所", "お住まい", "送付先", "居所", "address", NULL};
static const char *const label_birth[] = {"生年月日", "誕生日", "birth", "DOB", NULL};

/* The words that may stand between a role and its item ("契約者様のご"). */
static const char *const role_joins[] = {"様", "さま", "の", "ご", "お", "方", "'s", "'", NULL};

#define LABEL_TAIL_CHARS	10	/* label end to value: "番号は", ":" ... */
#define LABEL_BACK_BYTES	240	/* how far a label is looked for */
#define LABEL_CHAR_BYTES	4	/* longest UTF-8 character */

/* label_words - the item words of a category, or NULL */
static const char *const *
label_words(const char *category)
{
	if (strcmp(category, "pii.name") == 0)
		return (label_name);
	if (strcmp(category, "pii.phone") == 0)
		return (label_phone);
	if (strcmp(category, "pii.email") == 0)
		return (label_email);
	if (strcmp(category, "pii.address") == 0 || strcmp(category, "pii.postal_code") == 0)
		return (label_address);
	if (strcmp(category, "pii.birthdate") == 0)
		return (label_birth);
	return (NULL);
}

/* word_ends - does [lo, e) end with w (ASCII letters without case) */
static int
word_ends(const char *t, size_t lo, size_t e, const char *w)
{
	size_t  wl = strlen(w);

	/* The last byte, folded as strncasecmp folds ASCII, rules out most words. */
	if (e < lo + wl || wl == 0 || ((unsigned char) t[e - 1] | 0x20) != ((unsigned char) w[wl - 1] | 0x20))
		return (0);
	return (strncasecmp(t + e - wl, w, wl) == 0
		&& (e - wl == lo || !((unsigned char) t[e - wl - 1] < 0x80 && ((t[e - wl - 1] | 0x20) >= 'a'
									     && (t[e - wl - 1] | 0x20) <= 'z')
				      && ((w[0] | 0x20) >= 'a' && (w[0] | 0x20) <= 'z'))));
}

/* kanji_at - a CJK ideograph (or 々) starts at i, within [i, end) */
static int
kanji_at(const char *t, size_t i, size_t end)
{
	unsigned char c = (unsigned char) t[i];

	if (i + 3 > end)
		return (0);
	return ((c >= 0xe4 && c <= 0xe9) || memcmp(t + i, "々", 3) == 0);
}

/*
 * The last character of a company's or an office's name (北村商事, 大阪支店,
 * 総務部, 組合): a name before 様 that ends with one is no person. Those
 * of org_ends3 also end surnames (阿部, 田所, 小室): they say company
 * only after three kanji or more (総務部, 営業所).
 */
static const char *const org_ends[] = {
	"社", "店", "局", "庁", "署", "宛", "行", "業", NULL,
};
static const char *const org_ends3[] = {
	"部", "課", "室", "所", "院", "館", "会", "団", "事", "校", "協", "合", "係", "班", "科", "組", NULL,
};

#define NAME_SAMA_MAX	6	/* kanji of a full name before 様 */

/*
 * name_sama_before - a person's name and 様 end at e ("山田様", "山田 太郎様"):
 * two to NAME_SAMA_MAX kanji, one blank allowed, not a company's name.
 * "山田様の携帯は 090-..." is that person's phone, as "お客様の携帯" is.
 */
static int
name_sama_before(const char *t, size_t lo, size_t e)
{
	size_t  n = 0, blanks = 0, b;

	/* 様 is 3 bytes, さま 6 */
	if (e >= lo + 3 && memcmp(t + e - 3, "様", 3) == 0)
		e -= 3;
	else if (e >= lo + 6 && memcmp(t + e - 6, "さま", 6) == 0)
		e -= 6;
	else
		return (0);
	if (e > lo && t[e - 1] == ' ')
		e--;
	for (b = e; b > lo && n <= NAME_SAMA_MAX;) {
		if (b >= lo + 3 && kanji_at(t, b - 3, e)) {
			b -= 3;
			n++;
		} else if (t[b - 1] == ' ' && blanks == 0 && n > 0 && b >= lo + 4 && kanji_at(t, b - 4, e)) {
			b--;
			blanks++;
		} else {
			break;
		}
	}
	if (n < 2 || n > NAME_SAMA_MAX)
		return (0);
	for (const char *const *w = org_ends; *w; w++)
		if (memcmp(t + e - 3, *w, 3) == 0)
			return (0);
	for (const char *const *w = org_ends3; *w && n >= 3; w++)
		if (memcmp(t + e - 3, *w, 3) == 0)
			return (0);
	return (1);
}

/* role_before - a customer role ends at e, across 様/の/ご and a (...) aside */
static int
role_before(const char *t, size_t lo, size_t e)
{
	for (int steps = 0; steps < 8 && e > lo; steps++) {
		int     moved = 0;

		for (const char *const *w = customer_roles; *w; w++)
			if (word_ends(t, lo, e, *w))
				return (1);
		if (name_sama_before(t, lo, e))
			return (1);
		if (t[e - 1] == ' ' || t[e - 1] == '\t') {
			e--;
			continue;
		}
		if (t[e - 1] == ')') {
			/* "お客様(藤井様)の携帯": a short aside in brackets */
			for (size_t b = e - 1; b > lo && e - b < 40; b--)
				if (t[b - 1] == '(') {
					e = b - 1;
					moved = 1;
					break;
				}
			if (!moved)
				return (0);
			continue;
		}
		for (const char *const *w = role_joins; *w && !moved; w++)
			if (e >= lo + strlen(*w) && memcmp(t + e - strlen(*w), *w, strlen(*w)) == 0) {
				e -= strlen(*w);
				moved = 1;
			}
		if (!moved)
			return (0);
	}
	return (0);
}

/* The words that may stand between a label and its value ("番号は:"). */
static const char *const tail_words[] = {
	"番号", "アドレス", "メール", "先", "は", "が", "の", "】", "」", "〒", "number", "no", "is",
	"(フリガナ)", "(ふりがな)", "(カナ)", "(ローマ字)", "フリガナ", "カナ", NULL,
};

/*
 * label_tail - [a, b) may stand between a label and its value: blanks,
 * ":" and the like, tail_words, at most one line break and
 * LABEL_TAIL_CHARS characters; for an address also the postal code
 * before it.
 */
static int
label_tail(const char *t, size_t a, size_t b, int address)
{
	size_t  chars = 0, lines = 0;

	for (size_t i = a; i < b;) {
		unsigned char c = (unsigned char) t[i];
		int     ok = 0;

		if (++chars > (address ? 2 * LABEL_TAIL_CHARS : LABEL_TAIL_CHARS))
			return (0);
		if (c == '\n' && ++lines > 1)
			return (0);
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ':' || c == ']' || c == ')'
		    || c == '=' || c == '.' || c == '#' || (address && ((c >= '0' && c <= '9') || c == '-'))) {
			i++;
			continue;
		}
		for (const char *const *w = tail_words; *w && !ok; w++) {
			size_t  wl;

			/* The first byte, folded as strncasecmp folds ASCII, rules out most words. */
			if ((c | 0x20) != ((unsigned char) (*w)[0] | 0x20))
				continue;
			wl = strlen(*w);
			if (i + wl <= b && strncasecmp(t + i, *w, wl) == 0) {
				i += wl;
				ok = 1;
			}
		}
		if (!ok)
			return (0);
	}
	return (1);
}

#define HEAD_LINES	3	/* lines a role heading may stand above its item */
#define HEAD_PREFIX	12	/* bytes before the item word in a block's line */

/* Marks around a heading ("【契約者】", "■申込者", "<被保険者>"). */
static const char *const head_marks[] = {
	"【", "】", "■", "□", "●", "○", "◆", "◇", "・", "＜", "＞", "<", ">", "[", "]", "(", ")",
	"（", "）", "《", "》", "〔", "〕", ":", "：", "様", "さま", "情報", "欄", "の方", " ", "\t", "\r",
	"-", "*", "#", NULL,
};

/* skip_marks - past the heading marks at [i, end) */
static size_t
skip_marks(const char *t, size_t i, size_t end)
{
	for (int moved = 1; moved && i < end;) {
		moved = 0;
		for (const char *const *w = head_marks; *w && !moved; w++) {
			size_t  wl = strlen(*w);

			if (i + wl <= end && memcmp(t + i, *w, wl) == 0) {
				i += wl;
				moved = 1;
			}
		}
	}
	return (i);
}

/*
 * role_heading - a line at most HEAD_LINES lines above ls, with no blank
 * line between, is a customer role alone ("契約者", "【申込者】",
 * "■被保険者様情報"): it heads the block its item lines belong to.
 */
static int
role_heading(const char *t, size_t lo, size_t ls)
{
	for (int n = 0; n < HEAD_LINES && ls > lo; n++) {
		size_t  le = ls - 1, hs = le, i;

		while (hs > lo && t[hs - 1] != '\n')
			hs--;
		if (hs == lo && lo > 0)
			return (0);		/* the line may start before the window */
		i = skip_marks(t, hs, le);
		if (i == le)
			return (0);		/* a blank line ends the block */
		for (const char *const *w = customer_roles; *w; w++) {
			size_t  wl = strlen(*w);

			if (i + wl <= le && strncasecmp(t + i, *w, wl) == 0
			    && skip_marks(t, i + wl, le) == le)
				return (1);
		}
		ls = hs;
	}
	return (0);
}

/*
 * customer_label - the item at [start, ...) of this category carries a
 * customer label: in its line before it, or alone on the line above
 * ("契約者様のご連絡先は" / "090-..."). The label is a role (お客様,
 * 契約者 ...), the words that join it (様, の, ご, an aside in brackets)
 * and the item's word (電話, 住所 ...), then at most a few characters
 * ("番号は:") before the value. "ご連絡先" stands for a role and word.
 */
static int
customer_label(const char *t, size_t start, const char *category)
{
	const char *const *words = label_words(category);
	int     address = strcmp(category, "pii.address") == 0;
	size_t  lo = start > LABEL_BACK_BYTES ? start - LABEL_BACK_BYTES : 0, ls = start;

	if (words == NULL)
		return (0);
	while (ls > lo && t[ls - 1] != '\n')
		ls--;
	{
		/* A value alone on its line: the label is the line above. */
		size_t  k = ls;

		while (k < start && (t[k] == ' ' || t[k] == '\t'))
			k++;
		if (k == start && ls > lo) {
			ls--;
			while (ls > lo && t[ls - 1] != '\n')
				ls--;
		}
	}
	for (size_t e = start; e > ls && start - e <= 2 * LABEL_TAIL_CHARS * LABEL_CHAR_BYTES; e--) {
		if (e < start && ((unsigned char) t[e] & 0xc0) == 0x80)
			continue;		/* inside a character */
		if (!label_tail(t, e, start, address))
			continue;
		for (const char *const *w = words; *w; w++) {
			size_t  wl = strlen(*w);

			if (!word_ends(t, ls, e, *w))
				continue;
			if (strcmp(*w, "連絡先") == 0 && e - wl >= ls + 3 && memcmp(t + e - wl - 3, "ご", 3) == 0)
				return (1);
			if (role_before(t, ls, e - wl))
				return (1);
			/* "契約者" / "自宅TEL" / "03-...": an item line of a block */
			if (e - wl <= ls + HEAD_PREFIX && role_heading(t, lo, ls))
				return (1);
		}
	}
	return (0);
}

/* sigval_in - the value s[0..n) of category is among v[0..nv) */
static int
sigval_in(const pii_sigval *v, size_t nv, const char *category, const char *s, size_t n)
{
	unsigned long h;

	if (nv == 0)
		return (0);
	h = alnum_hash(s, n);
	for (size_t k = 0; k < nv; k++)
		if (v[k].hash == h && strcmp(v[k].category, category) == 0)
			return (1);
	return (0);
}

/*
 * sigvals_keep - the signature values of this text, for the texts of
 * the message read after it: the plain text's signature also covers
 * its HTML alternative and a quoted or attached copy, where the block
 * may not be recognised as one (an HTML table, a letter in a PDF).
 */
static void
sigvals_keep(om_scan *scan, const pii_ctx *cx)
{
	struct om_pii_sigvals *sv;

	if (cx->nsigvals == 0)
		return;
	if (scan->pii_sigvals == NULL)
		scan->pii_sigvals = om_pool_zalloc(scan->pool, sizeof(*scan->pii_sigvals));
	sv = scan->pii_sigvals;
	for (size_t k = 0; k < cx->nsigvals && sv->n < PII_SIGVALS_MAX; k++) {
		size_t  j;

		for (j = 0; j < sv->n; j++)
			if (sv->v[j].hash == cx->sigvals[k].hash
			    && strcmp(sv->v[j].category, cx->sigvals[k].category) == 0)
				break;
		if (j == sv->n)
			sv->v[sv->n++] = cx->sigvals[k];
	}
}

/* om_pii_score_text - findings and evidence of one text */
int
om_pii_score_text(om_scan *scan, const om_text *text, om_pii_score *score)
{
	const om_ruleset *set = scan->snap->rules;
	pii_ctx cx;
	unsigned char *taken, *used = NULL;
	om_text table;
	om_pii_score attach, *side = NULL;
	unsigned char *memo = NULL;

	if (set == NULL || text->len == 0)
		return (0);

	/*
	 * An attachment's text (or a file's name) is also judged on its own
	 * for attach.pii_unencrypted, with the weights body.pii gives: that
	 * score is kept beside, from the same matches, instead of a second
	 * scan of the text.
	 */
	if (score == NULL && scan->outbound_checks && scan->msg != NULL
	    && (text->scope == OM_SCOPE_ATTACHMENT || text->scope == OM_SCOPE_FILENAME)
	    && text >= scan->msg->texts && text < scan->msg->texts + scan->msg->ntexts) {
		if (scan->attach_pii == NULL)
			scan->attach_pii = om_pool_zalloc(scan->pool, scan->msg->ntexts);
		memo = scan->attach_pii + (text - scan->msg->texts);
		memset(&attach, 0, sizeof(attach));
		side = &attach;
	}
	if (text->scope == OM_SCOPE_ATTACHMENT && table_text(scan, text, &table))
		text = &table;
	ctx_init(&cx, scan, text);
	/*
	 * A file name is read by the rules that read the file's content: the
	 * name goes out in clear whatever the content (om_attach.h).
	 */
	/* The words of the header are read like the Subject. */
	if (om_rules_scan(set, text->text, text->len,
			  (text->scope == OM_SCOPE_FILENAME ? text->scope | OM_SCOPE_ATTACHMENT
			   : text->scope == OM_SCOPE_HEADER ? text->scope | OM_SCOPE_SUBJECT : text->scope)
			  | OM_RULES_UTF8_CHECKED, NULL, on_hit, &cx) < 0)
		return (-1);
	if (memo)
		*memo = 1;
	sigvals_keep(scan, &cx);
	if (cx.nhits == 0)
		return (0);
	qsort(cx.hits, cx.nhits, sizeof(pii_hit), hit_cmp);
	taken = om_pool_zalloc(scan->pool, cx.nhits);

	/*
	 * A match that overlaps one taken before it is left. With many
	 * matches (a customer list: thousands) the taken bytes are marked
	 * in a bitmap of the text instead of comparing each match with
	 * every earlier one; the same answer, as long as no match is
	 * empty (an empty one marks no byte).
	 */
	if (cx.nhits > PII_OVERLAP_LIST) {
		size_t  i;

		for (i = 0; i < cx.nhits; i++)
			if (cx.hits[i].start >= cx.hits[i].end || cx.hits[i].end > text->len)
				break;
		if (i == cx.nhits)
			used = om_pool_zalloc(scan->pool, text->len / 8 + 1);
	}
	for (size_t i = 0; i < cx.nhits; i++) {
		const pii_hit *h = cx.hits + i;
		char    sample[OM_MASK_MAX];
		int     overlap = 0;
		double  weight;

		if (used) {
			for (size_t b = h->start; b < h->end && !overlap; b++)
				overlap = (used[b >> 3] >> (b & 7)) & 1;
		} else {
			for (size_t k = 0; k < i && !overlap; k++)
				overlap = taken[k] && h->start < cx.hits[k].end && h->end > cx.hits[k].start;
		}
		overlap = overlap || sigval_in(cx.sigvals, cx.nsigvals, h->rule->category,
					       text->text + h->start, h->end - h->start)
		    || (scan->pii_sigvals && sigval_in(scan->pii_sigvals->v, scan->pii_sigvals->n,
						       h->rule->category, text->text + h->start,
						       h->end - h->start));
		if (overlap)
			continue;
		taken[i] = 1;
		if (used)
			for (size_t b = h->start; b < h->end; b++)
				used[b >> 3] |= (unsigned char) (1u << (b & 7));
		weight = h->score;
		/* A customer's item by its label: high-risk on its own. */
		if ((score || side) && weight < (double) scan->conf->conf_pii_body_threshold
		    && customer_label(text->text, h->start, h->rule->category)) {
			if (side)
				score_add(scan->conf, side, h->rule->category, text->text + h->start,
					  h->end - h->start, (double) scan->conf->conf_pii_body_threshold);
			else
				weight = (double) scan->conf->conf_pii_body_threshold;
		} else if (side) {
			score_add(scan->conf, side, h->rule->category, text->text + h->start,
				  h->end - h->start, weight);
		}
		om_mask(h->rule->mask, text->text + h->start, h->end - h->start, sample);
		om_scan_add(scan, h->rule->category, h->rule->id, text->where, sample, weight);
		if (score)
			score_add(scan->conf, score, h->rule->category, text->text + h->start,
				  h->end - h->start, weight);
	}
	if (side && side->items > 0 && om_pii_says_pii(scan->conf, side))
		*memo = 2;
	return (0);
}

/* popcount - bits set */
static unsigned
popcount(unsigned v)
{
	unsigned n = 0;

	for (; v; v &= v - 1)
		n++;
	return (n);
}

/* om_pii_says_pii - do the thresholds call this customer personal data */
int
om_pii_says_pii(const om_conf *conf, const om_pii_score *s)
{
	if (s->high > 0 || popcount(s->kinds) >= conf->conf_pii_body_min_kinds)
		return (1);
	for (int k = 0; k < OM_PII_KINDS; k++)
		if (s->nvalues[k] >= conf->conf_pii_body_many)
			return (1);
	return (0);
}

/* om_pii_filter_reason - why a match would be dropped, or NULL (rules test) */
const char *
om_pii_filter_reason(om_scan *scan, const om_text *text, const char *category,
		     size_t start, size_t end)
{
	pii_ctx cx;
	const char *why;

	ctx_init(&cx, scan, text);
	if ((why = span_reason(&cx, start, end)) != NULL)
		return (why);
	if ((why = own_detail(scan, category, text->text + start, end - start)) != NULL)
		return (why);
	if (strcmp(category, "pii.email") == 0
	    && (why = header_line_address(scan, text, start, end)) != NULL)
		return (why);
	return (business_contact(text, category, start, end, &cx.event));
}

/*
 * alt_of - the outermost multipart/alternative above a part, or -1;
 * *branch is the child of it under which the part lies
 */
static int
alt_of(const om_msg *msg, int part, int *branch)
{
	int     alt = -1;

	*branch = -1;
	for (int n = 0; part >= 0 && (size_t) part < msg->nparts && n < 1000; n++) {
		int     up = msg->parts[part].parent;

		if (up >= 0 && (size_t) up < msg->nparts
		    && strcmp(msg->parts[up].content_type, "multipart/alternative") == 0) {
			alt = up;
			*branch = part;
		}
		part = up;
	}
	return (alt);
}

/* value_in - hash among the first kept values of kind k */
static int
value_in(const om_pii_score *s, int k, unsigned long h)
{
	for (unsigned i = 0; i < s->nvalues[k] && i < OM_PII_VALUES; i++)
		if (s->values[k][i] == h)
			return (1);
	return (0);
}

/*
 * score_merge - src into dst: "max" keeps the greater weights and item
 * counts (alternatives of one multipart/alternative), otherwise they
 * add up (parts one after another); kinds and distinct values are
 * united either way, so a value told twice is one value.
 */
static void
score_merge(om_pii_score *dst, const om_pii_score *src, int max)
{
	if (max) {
		dst->total = dst->total > src->total ? dst->total : src->total;
		dst->items = dst->items > src->items ? dst->items : src->items;
		dst->high = dst->high > src->high ? dst->high : src->high;
	} else {
		dst->total += src->total;
		dst->items += src->items;
		dst->high += src->high;
	}
	dst->kinds |= src->kinds;
	for (int k = 0; k < OM_PII_KINDS; k++) {
		unsigned kept = src->nvalues[k] < OM_PII_VALUES ? src->nvalues[k] : OM_PII_VALUES;
		unsigned more = src->nvalues[k] - kept;

		for (unsigned i = 0; i < kept; i++) {
			if (value_in(dst, k, src->values[k][i]))
				continue;
			if (dst->nvalues[k] < OM_PII_VALUES)
				dst->values[k][dst->nvalues[k]] = src->values[k][i];
			if (dst->nvalues[k] < 1000000)
				dst->nvalues[k]++;
		}
		/* Values past the kept ones cannot be compared: the larger count stands. */
		if (max && src->nvalues[k] > dst->nvalues[k])
			dst->nvalues[k] = src->nvalues[k];
		else if (!max && more && dst->nvalues[k] < 1000000)
			dst->nvalues[k] += more;
	}
}

/* body_scope - does this text's evidence count for body.pii */
static int
body_scope(const om_text *t)
{
	return (t->scope == OM_SCOPE_BODY || t->scope == OM_SCOPE_SUBJECT || t->scope == OM_SCOPE_HEADER);
}

/*
 * scan_alternatives - the texts of one multipart/alternative (alt),
 * from texts[first] on: each alternative scanned on its own, findings
 * kept at the greatest count any one alternative gave them, and body
 * evidence merged by score_merge(max). done[] marks the texts taken.
 */
static int
scan_alternatives(om_scan *scan, size_t first, int alt, const int *grp, const int *br,
		  unsigned char *done, om_pii_score *body)
{
	const om_msg *msg = scan->msg;
	size_t  n0 = scan->nfindings, cap = n0 + 64;
	unsigned *base = om_pool_alloc(scan->pool, cap * sizeof(unsigned));
	unsigned *best = om_pool_zalloc(scan->pool, cap * sizeof(unsigned));
	om_pii_score group;

	memset(&group, 0, sizeof(group));
	for (size_t i = 0; i < n0; i++)
		base[i] = scan->findings[i].count;
	for (size_t i = first; i < msg->ntexts; i++) {
		om_pii_score one;
		int     b = br[i];

		if (done[i] || grp[i] != alt)
			continue;
		memset(&one, 0, sizeof(one));
		for (size_t k = i; k < msg->ntexts; k++) {
			const om_text *t = msg->texts + k;

			if (done[k] || grp[k] != alt || br[k] != b)
				continue;
			done[k] = 1;
			if (om_pii_score_text(scan, t, body_scope(t) ? &one : NULL) < 0)
				return (-1);
		}
		score_merge(&group, &one, 1);
		/* What this alternative added to each finding; then back to the base. */
		if (scan->nfindings > cap) {
			size_t  ncap = scan->nfindings * 2;
			unsigned *nb = om_pool_alloc(scan->pool, ncap * sizeof(unsigned));
			unsigned *nm = om_pool_zalloc(scan->pool, ncap * sizeof(unsigned));

			memcpy(nb, base, cap * sizeof(unsigned));
			memcpy(nm, best, cap * sizeof(unsigned));
			base = nb, best = nm, cap = ncap;
		}
		for (size_t f = 0; f < scan->nfindings; f++) {
			unsigned was = f < n0 ? base[f] : 0;
			unsigned add = scan->findings[f].count - was;

			if (add > best[f])
				best[f] = add;
			scan->findings[f].count = was;
		}
	}
	for (size_t f = 0; f < scan->nfindings; f++)
		scan->findings[f].count = (f < n0 ? base[f] : 0) + best[f];
	score_merge(body, &group, 0);
	return (0);
}

/* om_detect_pii - pii.* and sensitive findings; body.pii */
int
om_detect_pii(om_scan *scan)
{
	const om_msg *msg = scan->msg;
	om_pii_score body;
	int    *grp, *br;
	unsigned char *done;

	memset(&body, 0, sizeof(body));
	grp = om_pool_alloc(scan->pool, (msg->ntexts + 1) * sizeof(int));
	br = om_pool_alloc(scan->pool, (msg->ntexts + 1) * sizeof(int));
	done = om_pool_zalloc(scan->pool, msg->ntexts + 1);
	for (size_t i = 0; i < msg->ntexts; i++)
		grp[i] = alt_of(msg, msg->texts[i].part, br + i);
	for (size_t i = 0; i < msg->ntexts; i++) {
		const om_text *t = msg->texts + i;

		if (done[i])
			continue;
		if (grp[i] >= 0) {
			if (scan_alternatives(scan, i, grp[i], grp, br, done, &body) < 0)
				return (-1);
			continue;
		}
		/* The Subject is read as the body is, and counts with it. */
		if (om_pii_score_text(scan, t, body_scope(t) ? &body : NULL) < 0)
			return (-1);
	}
	scan->phrases_seen = 1;
	if (scan->n_external > 0 && body.items > 0 && om_pii_says_pii(scan->conf, &body))
		om_scan_add(scan, "body.pii", "policy.body_pii", "body", NULL, body.total);
	return (0);
}
