/*++
 * NAME
 *	engine_bench 1
 * SUMMARY
 *	throughput of the personal-data rules (not a test)
 * SYNOPSIS
 *	engine_bench RULES_DIR [MEGABYTES [engine [MESSAGE...]]]
 * DESCRIPTION
 *	Builds business-mail text (Japanese prose with dates, amounts,
 *	order numbers and now and then a phone number or an address),
 *	cut into 10 KB texts like message bodies, and prints the MB/s of
 *	om_rules_scan() with the rules of RULES_DIR (the text is checked
 *	for UTF-8 once, as the engine checks what it decodes), then with every rule
 *	present 2 and 4 times (distinct ids), to show that the cost of
 *	the vectorscan prefilter pass does not grow with the rule count,
 *	and with 100 and 1,000 rules added of the kind a firm adds (word
 *	lists that the text does not hold).
 *	Last, the whole engine (MIME parse, normalisation, all detectors)
 *	on one 200 KB message; with "engine" as third argument, only that,
 *	and with MESSAGE files too, the engine on each of those messages
 *	alone (say the shapes tests/bench/workload.py writes): MB/s and
 *	milliseconds per message.
 *	Each figure is the best of 5 trials, so that other work on the
 *	machine shows less in it.
 *--*/
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "om_buf.h"
#include "om_charset.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_rules.h"

#define CHUNK	(10 * 1024)
#define TRIALS	5		/* each figure is the best of this many */

static const char *const lines[] = {
	"いつも大変お世話になっております。株式会社さくら保険サービスの田中です。\n",
	"先日ご依頼いただいた件について、下記のとおりご報告いたします。\n",
	"注文番号 PO-20240603-732 の納品は6月13日(木)を予定しております。\n",
	"金額は145,500円(税込)です。ご確認のほどよろしくお願いいたします。\n",
	"次回のお打ち合わせは2024年7月2日 10:00から、弊社会議室にて行います。\n",
	"The quarterly report is attached; please review section 3 before Friday.\n",
	"資料の詳細は https://www.example.com/docs/2024/q2 をご覧ください。\n",
	"自動車保険の更新手続きについて、必要書類をご案内いたします。\n",
	"ご不明な点がございましたら、お気軽にお問い合わせください。\n",
	"お客様より住所変更のご依頼がありました。〒150-0001 東京都渋谷区神宮前1-2-3\n",
	"連絡先は 090-1234-5678 です。平日の日中にお願いいたします。\n",
	"以上、よろしくお願い申し上げます。\n",
};

/* now - seconds, monotonic */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* count_cb - count accepted hits */
static int
count_cb(const om_rule_hit *h, void *arg)
{
	if (h->status == OM_HIT_ACCEPTED)
		(*(unsigned long *) arg)++;
	return (0);
}

/* read_dir_text - all *.rules of the directory as one text, ids suffixed per copy */
static char *
rules_text(const char *dir, int copies)
{
	static const char *const files[] = {"10-identifiers.rules", "20-contact.rules", "30-sensitive.rules"};
	om_buf  out;

	om_buf_init(&out, 0);
	for (int c = 0; c < copies; c++) {
		for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
			char    path[4096], line[8192];
			FILE   *fp;

			snprintf(path, sizeof(path), "%s/%s", dir, files[f]);
			if ((fp = fopen(path, "r")) == NULL) {
				perror(path);
				exit(1);
			}
			while (fgets(line, sizeof(line), fp)) {
				size_t  n = strlen(line);

				if (strncmp(line, "rule ", 5) == 0 && c > 0) {
					line[n - 1] = 0;
					om_buf_printf(&out, "%s.copy%d\n", line, c);
				} else if (strncmp(line, "\tmatch", 6) == 0 || strncmp(line, "\tnomatch", 8) == 0) {
					continue;
				} else if ((strncmp(line, "\tpattern = ", 11) == 0
					    || strncmp(line, "\tanchor = ", 10) == 0) && c > 0) {
					/*
					 * The same expression, written differently: the
					 * set would otherwise enter a copy once and
					 * share it, and the copies would cost nothing.
					 */
					line[n - 1] = 0;
					om_buf_puts(&out, line);
					for (int k = 0; k < c; k++)
						om_buf_puts(&out, "(?:)");
					om_buf_putc(&out, '\n');
				} else {
					om_buf_append(&out, line, n);
				}
			}
			om_buf_putc(&out, '\n');
			fclose(fp);
		}
	}
	om_buf_putc(&out, 0);
	return (om_buf_steal(&out, NULL));
}

/*
 * word_rules - n rules of the kind a firm adds: each a list of three
 * made-up three-kanji words (names of its own products, customers,
 * projects) that the benchmark text does not hold.
 */
static char *
word_rules(int n)
{
	om_buf  out;
	unsigned long seed = 12345;

	om_buf_init(&out, 0);
	for (int i = 0; i < n; i++) {
		om_buf_printf(&out, "rule added.%d\n\tcategory = sensitive\n\tpattern = ", i);
		for (int w = 0; w < 3; w++) {
			if (w > 0)
				om_buf_putc(&out, '|');
			for (int c = 0; c < 3; c++) {
				unsigned cp;

				seed = seed * 6364136223846793005ul + 1442695040888963407ul;
				cp = 0x4E00 + (unsigned) (seed >> 33) % (0x9FA5 - 0x4E00);
				om_buf_putc(&out, (char) (0xE0 | (cp >> 12)));
				om_buf_putc(&out, (char) (0x80 | ((cp >> 6) & 0x3F)));
				om_buf_putc(&out, (char) (0x80 | (cp & 0x3F)));
			}
		}
		om_buf_puts(&out, "\n\n");
	}
	om_buf_putc(&out, 0);
	return (om_buf_steal(&out, NULL));
}

/* bench_rules - MB/s of one set over the text (scope 0: prefilter only), best of TRIALS */
static double
bench_rules(const om_ruleset *set, const char *text, size_t len, unsigned scope,
	    const om_rule *only, unsigned long *hits)
{
	double  best = 0;

	for (int trial = 0; trial < TRIALS; trial++) {
		double  t0 = now(), t;
		int     rounds = 0;

		*hits = 0;
		do {
			for (size_t off = 0, n = CHUNK; off + CHUNK <= len; off += n) {
				n = CHUNK;

				/* cut on a character boundary */
				while (n > 0 && ((unsigned char) text[off + n] & 0xc0) == 0x80)
					n--;
				if (om_rules_scan(set, text + off, n, scope | OM_RULES_UTF8_CHECKED, only,
						  count_cb, hits) < 0) {
					fprintf(stderr, "scan failed\n");
					exit(1);
				}
			}
			rounds++;
		} while ((t = now() - t0) < 0.1);
		if ((double) len * rounds / t / 1e6 > best)
			best = (double) len * rounds / t / 1e6;
	}
	return (best);
}

/* rule_costs - the rules that cost most beyond the prefilter pass */
static void
rule_costs(const om_ruleset *set, const char *text, size_t len)
{
	size_t  n = om_rules_count(set);
	double *cost = calloc(n, sizeof(double)), base;
	unsigned long hits;
	size_t  shown = 0;

	if (cost == NULL)
		exit(1);
	base = 1.0 / bench_rules(set, text, len, 0, NULL, &hits);
	for (size_t i = 0; i < n; i++) {
		const om_rule *r = om_rules_get(set, i);

		cost[i] = 1.0 / bench_rules(set, text, len, OM_SCOPE_BODY, r, &hits) - base;
	}
	printf("  costliest rules beyond the prefilter (seconds per GB):\n");
	while (shown < 8) {
		size_t  best = n;

		for (size_t i = 0; i < n; i++)
			if (cost[i] > 0 && (best == n || cost[i] > cost[best]))
				best = i;
		if (best == n)
			break;
		printf("    %-32s %8.2f\n", om_rules_get(set, best)->id, cost[best] * 1e3);
		cost[best] = 0;
		shown++;
	}
	free(cost);
}

/* engine_rate - messages per second of the engine on one message, best of TRIALS */
static double
engine_rate(const om_snap *snap, const om_buf *msg)
{
	double  best = 0;

	for (int trial = 0; trial < TRIALS; trial++) {
		double  t0 = now(), t;
		int     n = 0;

		do {
			om_result *res = om_engine_scan(snap, NULL, msg->data, msg->len);

			if (res->internal_error) {
				fprintf(stderr, "engine_bench: internal error\n");
				exit(1);
			}
			om_result_free(res);
			n++;
		} while ((t = now() - t0) < 0.2);
		if (n / t > best)
			best = n / t;
	}
	return (best);
}

int
main(int argc, char **argv)
{
	size_t  mb = argc > 2 ? (size_t) atoi(argv[2]) : 16, len;
	om_buf  text, msg;
	size_t  nlines = sizeof(lines) / sizeof(lines[0]);
	om_snap *snap;

	if (argc < 2) {
		fprintf(stderr, "usage: engine_bench RULES_DIR [MEGABYTES [engine [MESSAGE...]]]\n");
		return (2);
	}
	om_log_open("engine_bench", OM_LOG_STDERR, 0);
	om_buf_init(&text, 0);
	for (size_t i = 0; text.len < mb * 1024 * 1024; i++) {
		/* The last two lines (with personal data) once in 20. */
		size_t  k = i % nlines;

		if (k >= nlines - 3 && k < nlines - 1 && (i / nlines) % 20 != 0)
			continue;
		om_buf_puts(&text, lines[k]);
	}
	len = text.len;
	/* Checked once here, as the engine checks a text once when it decodes it. */
	if (!om_utf8_valid(text.data, len)) {
		fprintf(stderr, "engine_bench: text is not UTF-8\n");
		return (1);
	}
	printf("text: %zu bytes in %d-byte pieces\n", len, CHUNK);
	for (int copies = 1; copies <= 4 && !(argc > 3 && strcmp(argv[3], "engine") == 0); copies *= 2) {
		char   *rt = rules_text(argv[1], copies);
		om_rules_err err = {.count = 0};
		om_ruleset *set = om_rules_load_text("bench", rt, 0, &err);
		unsigned long hits;
		double  mbs;

		if (set == NULL) {
			fprintf(stderr, "rules: %s\n", err.text);
			return (1);
		}
		mbs = bench_rules(set, text.data, len, OM_SCOPE_BODY, NULL, &hits);
		printf("rules x%d: %4zu rules: %8.1f MB/s (prefilter alone %.1f MB/s)\n", copies,
		       om_rules_count(set), mbs, bench_rules(set, text.data, len, 0, NULL, &hits));
		if (copies == 1)
			rule_costs(set, text.data, len);
		om_rules_free(set);
		free(rt);
	}
	for (int added = 100; added <= 1000 && !(argc > 3 && strcmp(argv[3], "engine") == 0); added *= 10) {
		char   *rt = rules_text(argv[1], 1), *more = word_rules(added);
		om_buf  all;
		om_rules_err err = {.count = 0};
		om_ruleset *set;
		unsigned long hits;
		double  mbs;

		om_buf_init(&all, 0);
		om_buf_puts(&all, rt);
		om_buf_puts(&all, more);
		om_buf_putc(&all, 0);
		if ((set = om_rules_load_text("bench", all.data, 0, &err)) == NULL) {
			fprintf(stderr, "rules: %s\n", err.text);
			return (1);
		}
		mbs = bench_rules(set, text.data, len, OM_SCOPE_BODY, NULL, &hits);
		printf("rules +%d word lists: %4zu rules: %8.1f MB/s (prefilter alone %.1f MB/s)\n", added,
		       om_rules_count(set), mbs, bench_rules(set, text.data, len, 0, NULL, &hits));
		om_rules_free(set);
		om_buf_free(&all);
		free(more);
		free(rt);
	}

	/*
	 * The whole engine on one 200 KB message, outbound (the firm's
	 * mail to a partner: personal-data rules) and inbound (the same
	 * text from outside: the attack indicators too).
	 */
	{
		char    cpath[] = "/tmp/engine_bench.XXXXXX";
		int     fd = mkstemp(cpath);
		FILE   *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
		om_conf_err cerr;

		if (fp == NULL) {
			perror("mkstemp");
			return (1);
		}
		char   *abs = realpath(argv[1], NULL);

		fprintf(fp, "internal_domains = sakura-hoken.example\nrules_dir = %s\n", abs ? abs : argv[1]);
		free(abs);
		fclose(fp);
		memset(&cerr, 0, sizeof(cerr));
		snap = om_snap_load(cpath, OM_SNAP_SCAN, &cerr);
		unlink(cpath);
		if (snap == NULL) {
			fprintf(stderr, "engine_bench: %s\n", cerr.text);
			return (1);
		}
	}
	om_engine_global_init();
	for (int inbound = 0; inbound <= 1; inbound++) {
		double  rate;

		om_buf_init(&msg, 0);
		if (argc > 4) {
			/* Messages of one's own (say workload.py's), as they are. */
			for (int a = 4; a < argc; a++) {
				FILE   *mf = fopen(argv[a], "r");
				char    chunk[65536];
				size_t  got;
				const char *base = strrchr(argv[a], '/');

				if (mf == NULL) {
					perror(argv[a]);
					return (1);
				}
				msg.len = 0;
				while ((got = fread(chunk, 1, sizeof(chunk), mf)) > 0)
					om_buf_append(&msg, chunk, got);
				fclose(mf);
				rate = engine_rate(snap, &msg);
				printf("engine, %-20s %8zu bytes: %8.1f MB/s %8.2f ms per message\n",
				       base ? base + 1 : argv[a], msg.len,
				       (double) msg.len * rate / 1e6, 1e3 / rate);
			}
			om_buf_free(&msg);
			break;
		}
		om_buf_puts(&msg, inbound ? "From: a@partner.example\r\nTo: tanaka@sakura-hoken.example\r\n"
			    : "From: tanaka@sakura-hoken.example\r\nTo: a@partner.example\r\n");
		om_buf_puts(&msg, "Subject: bench\r\nMIME-Version: 1.0\r\n"
			    "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
		om_buf_append(&msg, text.data, 200 * 1024);
		/* End on a line end, so the body is well-formed UTF-8. */
		while (msg.len > 0 && msg.data[msg.len - 1] != '\n')
			msg.len--;
		rate = engine_rate(snap, &msg);
		printf("engine, 200 KB message, %s: %8.1f MB/s (%.0f messages/s)\n",
		       inbound ? "inbound " : "outbound", (double) msg.len * rate / 1e6, rate);
		om_buf_free(&msg);
	}
	om_engine_global_shutdown();
	om_snap_unref(snap);
	om_buf_free(&text);
	return (0);
}
