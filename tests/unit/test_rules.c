/*
 * test_rules - rule-file parsing, errors with file:line, prefilter and
 * confirmation, context, limits, and the shipped rule set's examples.
 */
#include "config.h"

#include <stdio.h>

#include "om_test.h"
#include "om_buf.h"
#include "om_rules.h"

#ifndef OM_RULES_SRCDIR
#define OM_RULES_SRCDIR "rules"
#endif

static const char good_rules[] =
	"# a comment\n"
	"rule t.phone\n"
	"\tcategory = pii.phone\n"
	"\tpattern = 0[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}\n"
	"\tvalidate = phone_jp\n"
	"\tweight = 3\n"
	"\tmask = phone\n"
	"\tmatch = 090-1234-5678\n"
	"\tnomatch = 090-1234-567\n"
	"\n"
	"rule t.ctx\n"
	"\tcategory = pii.bank_account\n"
	"\tpattern = [0-9]{7}\n"
	"\tcontext = 普通|口座\n"
	"\texclude = 注文\n"
	"\tcontext_before = 10\n"
	"\tmatch = 普通 1234567\n"
	"\tnomatch = 1234567\n"
	"\tnomatch = 普通 注文 1234567\n";

/* collect - count accepted hits */
static int
collect(const om_rule_hit *h, void *arg)
{
	if (h->status == OM_HIT_ACCEPTED)
		(*(int *) arg)++;
	return (0);
}

static void
test_good(void **state)
{
	om_rules_err err = {.count = 0};
	om_ruleset *set = om_rules_load_text("good.rules", good_rules, 0, &err);
	int     n = 0;
	const char *text = "連絡先 090-1234-5678 と 03-1234-5678、口座 7654321";

	(void) state;
	assert_non_null(set);
	assert_int_equal(err.count, 0);
	assert_int_equal(om_rules_count(set), 2);
	assert_non_null(om_rules_find(set, "t.ctx"));
	assert_int_equal(om_rules_check_examples(set, &err), 0);
	assert_int_equal(om_rules_scan(set, text, strlen(text), OM_SCOPE_BODY, NULL, collect, &n), 0);
	assert_int_equal(n, 3);
	/* Scope: a rule for body, subject, attachment does not see headers. */
	n = 0;
	assert_int_equal(om_rules_scan(set, text, strlen(text), OM_SCOPE_HEADER, NULL, collect, &n), 0);
	assert_int_equal(n, 0);
	om_rules_free(set);
}

static const struct {
	const char *text;
	const char *want;		/* start of the first error */
} bad_cases[] = {
	{"rule a\n\tcategory = pii.phone\n\tpattern = ([0-9]\n", "bad.rules, line 3: error at offset 6"},
	{"rule a\n\tpattern = x\n", "bad.rules, line 1: rule a needs a category"},
	{"rule a\n\tcategory = x\n\tpattern = x\n\tvalidate = nosuch\n", "bad.rules, line 4: unknown validator"},
	{"rule a\n\tcategory = x\n\tpattern = x\n\tscope = bogus\n", "bad.rules, line 4: bad scope"},
	{"rule a\n\tcategory = x\n\tpattern = x\n\tfrobnicate = 1\n", "bad.rules, line 4: unknown attribute"},
	{"\tcategory = x\n", "bad.rules, line 1: expected"},
	{"rule a\n\tcategory = x\n\tpattern = x\nrule a\n\tcategory = x\n\tpattern = y\n",
	 "bad.rules, line 4: rule a is already defined"},
	{"rule A!\n\tcategory = x\n\tpattern = x\n", "bad.rules, line 1: bad rule id"},
	{"rule a\n\tcategory = x\n\tpattern = x\n\tanchor_before = 3\n",
	 "bad.rules, line 1: rule a: anchor_before/anchor_after need an anchor"},
	{"rule a\n\tcategory = x\n\tpattern = x\n\tanchor = (x\n",
	 "bad.rules, line 4: rule a: bad anchor"},
	{"rule a\n\tcategory = x\n\tpattern = x\n\tanchor = x\n\tanchor_after = 999\n",
	 "bad.rules, line 5: bad anchor_after"},
	{"rule a\n\tcategory = x\n\tpattern = x\n\tcontext = y\n\tnear_context = maybe\n",
	 "bad.rules, line 5: bad near_context \"maybe\" (yes or no)"},
	{"rule a\n\tcategory = x\n\tpattern = x\n\tnear_context = yes\n",
	 "bad.rules, line 1: rule a: near_context needs context words it requires"},
	{"rule a\n\tcategory = x\n\tpattern = x\n\tcontext = y\n\tcontext_required = no\n\tnear_context = yes\n",
	 "bad.rules, line 1: rule a: near_context needs"},
	{"rule a\n\tcategory = x\n\tpattern = x\n\tcontext = y\n\tcontext_bonus = 1\n\tnear_context = yes\n",
	 "bad.rules, line 1: rule a: near_context needs"},
};

static void
test_bad(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		om_rules_err err = {.count = 0};
		om_ruleset *set = om_rules_load_text("bad.rules", bad_cases[i].text, 0, &err);

		assert_null(set);
		assert_true(err.count > 0);
		if (strncmp(err.text, bad_cases[i].want, strlen(bad_cases[i].want)) != 0)
			fail_msg("case %zu: got \"%s\"", i, err.text);
	}
}

/* A bad rule is skipped with KEEP_GOING; the good ones still work. */
static void
test_keep_going(void **state)
{
	om_rules_err err = {.count = 0};
	const char *text = "rule bad\n\tcategory = x\n\tpattern = (\n"
	    "rule good\n\tcategory = x\n\tpattern = abc\n";
	om_ruleset *set = om_rules_load_text("k.rules", text, OM_RULES_KEEP_GOING, &err);

	(void) state;
	assert_non_null(set);
	assert_int_equal(err.count, 1);
	assert_int_equal(om_rules_count(set), 1);
	assert_string_equal(om_rules_get(set, 0)->id, "good");
	om_rules_free(set);
}

/*
 * anchor_before/anchor_after bound where a match may lie around its
 * anchor: a match inside the span is found, one farther away is not
 * (that is the contract the rule's author signs).
 */
static void
test_anchor_span(void **state)
{
	const char *rules = "rule near\n\tcategory = pii.name\n"
	    "\tpattern = [A-Z]{3}(?=[a-z]*!)\n\tanchor = !\n"
	    "\tanchor_before = 12\n\tanchor_after = 0\n\tmatch = ABCdef!\n";
	om_rules_err err = {.count = 0};
	om_ruleset *set = om_rules_load_text("a.rules", rules, 0, &err);
	char    text[600];
	int     n = 0;

	(void) state;
	if (set == NULL)
		fail_msg("%s", err.text);
	assert_int_equal(om_rules_check_examples(set, &err), 0);
	/* 3 letters, 3 lowercase, "!": inside 12 characters */
	strcpy(text, "xx ABCdef! yy");
	assert_int_equal(om_rules_scan(set, text, strlen(text), OM_SCOPE_BODY, NULL, collect, &n), 0);
	assert_int_equal(n, 1);
	/*
	 * 60 characters before its anchor: within the default span (240
	 * bytes), beyond this rule's 12 characters.
	 */
	memcpy(text, "ABC", 3);
	memset(text + 3, 'q', 60);
	strcpy(text + 63, "!");
	n = 0;
	assert_int_equal(om_rules_scan(set, text, strlen(text), OM_SCOPE_BODY, NULL, collect, &n), 0);
	assert_int_equal(n, 0);
	/* "rules test" confirms all the same windows: still not found */
	n = 0;
	assert_int_equal(om_rules_scan(set, text, strlen(text), OM_SCOPE_BODY | OM_RULES_EVERY_CANDIDATE,
				       NULL, collect, &n), 0);
	assert_int_equal(n, 0);
	om_rules_free(set);
}

/* count_rule - accepted hits per rule id's last letter */
static int
count_rule(const om_rule_hit *h, void *arg)
{
	int    *n = arg;

	if (h->status == OM_HIT_ACCEPTED)
		n[h->rule->id[strlen(h->rule->id) - 1] - 'a']++;
	return (0);
}

/*
 * Rules with the same prefilter expression share one database entry;
 * each still gets its own windows and its own hits.
 */
static void
test_twins(void **state)
{
	const char *rules =
	    "rule t.a\n\tcategory = pii.phone\n\tpattern = 0[0-9]{2}-[0-9]{4}-[0-9]{4}\n"
	    "rule t.b\n\tcategory = pii.phone\n\tpattern = 0[0-9]{2}-[0-9]{4}-[0-9]{4}\n"
	    "rule t.c\n\tcategory = pii.name\n\tpattern = [A-Z]{3}(?=!)\n\tanchor = !\n\tanchor_before = 4\n"
	    "rule t.d\n\tcategory = pii.name\n\tpattern = [A-Z]{3}q{30}(?=!)\n\tanchor = !\n";
	const char *text = "tel 090-1234-5678, ABC! and XYZqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq!";
	om_rules_err err = {.count = 0};
	om_ruleset *set = om_rules_load_text("t.rules", rules, 0, &err);
	int     n[4] = {0, 0, 0, 0};

	(void) state;
	if (set == NULL)
		fail_msg("%s", err.text);
	assert_int_equal(om_rules_scan(set, text, strlen(text), OM_SCOPE_BODY, NULL, count_rule, n), 0);
	assert_int_equal(n[0], 1);
	assert_int_equal(n[1], 1);
	assert_int_equal(n[2], 1);
	/* XYZ lies 33 bytes before its "!": beyond t.c's window, within t.d's */
	assert_int_equal(n[3], 1);
	om_rules_free(set);
}

/* scan_count - accepted hits of a set over a text */
static int
scan_count(const om_ruleset *set, const char *text)
{
	int     n = 0;

	assert_int_equal(om_rules_scan(set, text, strlen(text), OM_SCOPE_BODY, NULL, collect, &n), 0);
	return (n);
}

/* load_or_fail - a set from rule text */
static om_ruleset *
load_or_fail(const char *rules)
{
	om_rules_err err = {.count = 0};
	om_ruleset *set = om_rules_load_text("d.rules", rules, 0, &err);

	if (set == NULL)
		fail_msg("%s", err.text);
	return (set);
}

/*
 * anchor_digits: the rule is tried only around runs of that many digits
 * (joined by at most 3 of blank - . / ( )), widened by anchor_before and
 * anchor_after; no vectorscan expression is needed.
 */
static void
test_digit_runs(void **state)
{
	om_ruleset *set = load_or_fail(
	    "rule d.zip\n\tcategory = pii.postal_code\n"
	    "\tpattern = (?<![0-9])[0-9]{3}[ ]*-[ ]*[0-9]{4}(?![0-9])\n"
	    "\tanchor_digits = 7\n\tanchor_before = 0\n\tanchor_after = 1\n"
	    "rule d.pass\n\tcategory = pii.passport\n\tpattern = [A-Z]{2}[0-9]{7}(?![0-9])\n"
	    "\tanchor_digits = 7\n\tanchor_before = 2\n\tanchor_after = 1\n"
	    "rule d.short\n\tcategory = pii.passport\n\tpattern = Q[0-9]{7}\n"
	    "\tanchor_digits = 7\n\tanchor_before = 0\n\tanchor_after = 1\n");
	char   *big;

	(void) state;
	assert_int_equal(om_rules_count(set), 3);
	assert_true(om_rule_prefiltered(om_rules_find(set, "d.zip")));
	assert_int_equal(scan_count(set, "〒150-0001 東京都"), 1);
	/* three joiners keep one run; five split it into runs of 3 and 4 */
	assert_int_equal(scan_count(set, "150 - 0001"), 1);
	assert_int_equal(scan_count(set, "150  -  0001"), 0);
	/* six digits are not a run of seven */
	assert_int_equal(scan_count(set, "15-0001"), 0);
	/* the letters before the run: inside d.pass's 2 characters, outside d.short's 0 */
	assert_int_equal(scan_count(set, "TK1234567"), 1);
	assert_int_equal(scan_count(set, "xQ1234567"), 0);
	/* digits everywhere: one window, every match */
	big = malloc(100001);
	assert_non_null(big);
	for (int i = 0; i < 100000; i += 10)
		memcpy(big + i, "123-4567, ", 10);
	big[100000] = 0;
	assert_int_equal(scan_count(set, big), 10000);
	free(big);
	om_rules_free(set);
}

/*
 * A rule with an anchor and anchor_digits gets windows from both; where
 * they overlap, a match is reported once.
 */
static void
test_two_sources(void **state)
{
	om_ruleset *set = load_or_fail(
	    "rule b.both\n\tcategory = pii.name\n\tpattern = [A-Z]{3}![0-9]{4}|(?<![0-9!])[0-9]{4}\n"
	    "\tanchor = !\n\tanchor_digits = 4\n\tanchor_before = 4\n\tanchor_after = 8\n");

	(void) state;
	assert_int_equal(scan_count(set, "xx ABC!1234 yy"), 1);
	assert_int_equal(scan_count(set, "xx ABC!1234 yy 5678 zz"), 2);
	om_rules_free(set);
}

/*
 * With anchor_before given, a match starts before its anchor ends;
 * without, anywhere within the default span.
 */
static void
test_start_limit(void **state)
{
	om_ruleset *set = load_or_fail(
	    "rule s.a\n\tcategory = pii.name\n\tpattern = (?<=! )[0-9]+\n\tanchor = !\n"
	    "\tanchor_before = 0\n\tanchor_after = 10\n"
	    "rule s.b\n\tcategory = pii.name\n\tpattern = (?<=! )[0-9]+\n\tanchor = !\n");
	int     n[2] = {0, 0};
	const char *text = "id ! 12345";

	(void) state;
	assert_int_equal(om_rules_scan(set, text, strlen(text), OM_SCOPE_BODY, NULL, count_rule, n), 0);
	assert_int_equal(n[0], 0);
	assert_int_equal(n[1], 1);
	om_rules_free(set);
}

/*
 * Context keywords: searched near each candidate while there are few,
 * found in one pass when there are many; the answers are the same.
 */
static void
test_keywords_lazy(void **state)
{
	om_ruleset *set = load_or_fail(
	    "rule k.tel\n\tcategory = pii.phone\n\tpattern = (?<![0-9])[0-9]{4}(?![0-9])\n"
	    "\tanchor_digits = 4\n\tanchor_before = 0\n\tanchor_after = 1\n"
	    "\tcontext = 電話|TEL\n\tcontext_before = 4\n\tcontext_required = yes\n");
	om_buf  b;

	(void) state;
	assert_int_equal(scan_count(set, "電話 1234 and 5678"), 1);
	assert_int_equal(scan_count(set, "tel 1234 and 5678"), 1);
	om_buf_init(&b, 0);
	for (int i = 0; i < 500; i++)
		om_buf_printf(&b, "%s %04d. ", i % 2 ? "電話" : "番号", i);
	om_buf_putc(&b, 0);
	assert_int_equal(scan_count(set, b.data), 250);
	om_buf_free(&b);
	om_rules_free(set);
}

/* Catastrophic backtracking hits the match limit: an error, not "no match". */
/* statuses - one letter per candidate: A accepted, C with context, X excluded, N no context */
static int
statuses(const om_rule_hit *h, void *arg)
{
	om_buf *b = arg;

	om_buf_putc(b, h->status == OM_HIT_ACCEPTED ? (h->context ? 'C' : 'A')
		    : h->status == OM_HIT_EXCLUDED ? 'X' : h->status == OM_HIT_NO_CONTEXT ? 'N' : 'I');
	return (0);
}

/* judged - the statuses of every candidate of a text, as a string (to free) */
static char *
judged(const om_ruleset *set, const char *text)
{
	om_buf  b;

	om_buf_init(&b, 0);
	assert_int_equal(om_rules_scan(set, text, strlen(text), OM_SCOPE_BODY | OM_RULES_EVERY_CANDIDATE, NULL,
				       statuses, &b), 0);
	om_buf_putc(&b, 0);
	return (om_buf_steal(&b, NULL));
}

/* A piece of text and what judged() says of it. */
typedef struct judged_case {
	const char *text, *want;
} judged_case;

/*
 * judged_three_ways - each piece alone, all of them in one text (apart:
 * sep between, so that no piece's words reach another's candidate), the
 * same 200 times (one pass of the keywords serves them), and a crowd of
 * 100 words before two candidates (more than a scan keeps)
 */
static void
judged_three_ways(om_ruleset *set, const judged_case *piece, size_t n, const char *sep,
		  const char *crowd_tail, const char *crowd_want)
{
	om_buf  text, want, many;
	char   *got;

	om_buf_init(&text, 0);
	om_buf_init(&want, 0);
	for (size_t i = 0; i < n; i++) {
		char   *one = judged(set, piece[i].text);

		if (strcmp(one, piece[i].want) != 0)
			fail_msg("\"%s\": %s, want %s", piece[i].text, one, piece[i].want);
		free(one);
		om_buf_puts(&text, piece[i].text);
		om_buf_puts(&text, sep);
		om_buf_puts(&want, piece[i].want);
	}
	om_buf_putc(&want, 0);
	om_buf_putc(&text, 0);
	got = judged(set, text.data);
	assert_string_equal(got, want.data);
	free(got);
	om_buf_init(&many, 0);
	for (int k = 0; k < 200; k++)
		om_buf_puts(&many, text.data);
	om_buf_putc(&many, 0);
	got = judged(set, many.data);
	assert_int_equal(strlen(got), 200 * (want.len - 1));
	for (int k = 0; k < 200; k++)
		assert_memory_equal(got + k * (want.len - 1), want.data, want.len - 1);
	free(got);
	om_buf_free(&many);
	om_buf_init(&many, 0);
	for (int k = 0; k < 100; k++)
		om_buf_puts(&many, "TEL ");
	om_buf_puts(&many, crowd_tail);
	om_buf_putc(&many, 0);
	got = judged(set, many.data);
	assert_string_equal(got, crowd_want);
	free(got);
	om_buf_free(&many);
	om_buf_free(&text);
	om_buf_free(&want);
}

/*
 * Context, exclude and veto words are found by a scan near each
 * candidate while a text has few, by one pass over the text when it has
 * many, and by memmem when a neighbourhood holds too many words to keep:
 * the three give the same judgements, with the same window edges.
 */
static void
test_keywords_near(void **state)
{
	static const char rules[] =
	    "rule k.num\n\tcategory = pii.phone\n\tpattern = (?<![0-9])[0-9]{5}(?![0-9])\n"
	    "\tanchor_digits = 5\n\tanchor_before = 0\n\tanchor_after = 1\n"
	    "\tcontext = 電話|TEL\n\tcontext_required = no\n\tcontext_bonus = 1\n"
	    "\texclude = 注文|Order\n\tveto = 役所\n\tcontext_before = 6\n\tcontext_after = 3\n"
	    "rule k.wide\n\tcategory = pii.phone\n\tpattern = (?<![0-9])[0-9]{6}(?![0-9])\n"
	    "\tanchor_digits = 6\n\tanchor_before = 0\n\tanchor_after = 1\n"
	    "\tcontext = TEL\n\tcontext_required = no\n\tcontext_bonus = 1\n"
	    "\texclude = 注文\n\tcontext_before = 300\n";
	/* Each piece gives one candidate; the letters expected in order. */
	static const judged_case piece[] = {
		{"電話 12345。", "C"},
		{"注文 12345。", "X"},
		{"ORDER:12345。", "X"},		/* ASCII words without case */
		{"役所 電話 12345。", "X"},	/* a veto wins over context */
		{"注文は、あとで。12345。", "A"},	/* 8 characters back: out of reach */
		{"注文はあと 12345。", "X"},		/* 6 characters back: in reach */
		{"12345注文。", "X"},		/* after, within 3 */
		{"12345の件で注文。", "A"},		/* after, 4 characters on */
		{"電話12345注文。", "C"},		/* both 0 away: context is not further */
	};
	om_ruleset *set = load_or_fail(rules);

	(void) state;
	judged_three_ways(set, piece, sizeof(piece) / sizeof(piece[0]), "\n............\n",
			  "注文 123456 x TEL 654321", "XC");
	om_rules_free(set);
}

/*
 * exclude_line: an exclude word counts only in the candidate's own line
 * and cell (tab, comma, |), or in a short label line with no digit just
 * above a candidate that starts its line; the same answer by each of
 * the three ways the words are found.
 */
static void
test_exclude_line(void **state)
{
	static const char rules[] =
	    "rule k.line\n\tcategory = pii.mynumber\n\tpattern = (?<![0-9])[0-9]{5}(?![0-9])\n"
	    "\tanchor_digits = 5\n\tanchor_before = 0\n\tanchor_after = 1\n"
	    "\tcontext = 個人番号\n\tcontext_required = no\n\tcontext_bonus = 1\n"
	    "\texclude = 電話|TEL|伝票\n\texclude_line = yes\n\tcontext_before = 20\n\tcontext_after = 10\n";
	static const judged_case piece[] = {
		{"個人番号: 12345\n電話: 0", "C"},	/* next line: not this value's label */
		{"12345\tTEL\t0", "A"},		/* next cell */
		{"12345,電話 0", "A"},
		{"12345|電話", "A"},
		{"TEL 0-0\n12345", "A"},		/* the line above is a value, not a label */
		{"12345 電話", "X"},			/* same cell */
		{"伝票番号:\n12345", "X"},		/* a label line above */
		{"【伝票番号】\n  12345", "X"},
		{"伝票番号のご案内は、いつものように下記からどうぞ\n12345", "A"},	/* a sentence, too long for a label */
		{"伝票番号:\nNo. 12345", "A"},	/* not at the start of its line */
	};
	om_ruleset *set = load_or_fail(rules);

	(void) state;
	judged_three_ways(set, piece, sizeof(piece) / sizeof(piece[0]), "\n..........................\n",
			  "\n12345\n54321 TEL", "AX");
	om_rules_free(set);
}

/*
 * near_context: a rule with no anchor is tried only near its context
 * words, a word wholly within context_before characters before the
 * match or context_after after it; with anchor_digits, only around
 * runs with a word near. "rules test" still sees every candidate.
 */
static void
test_near_context(void **state)
{
	om_ruleset *set = load_or_fail(
	    "rule n.date\n\tcategory = pii.birthdate\n\tpattern = [0-9]{4}/[0-9]{2}/[0-9]{2}\n"
	    "\tcontext = 生年月日|DOB\n\tnear_context = yes\n\tcontext_before = 5\n\tcontext_after = 6\n"
	    "rule n.acct\n\tcategory = pii.bank_account\n\tpattern = (?<![0-9])[0-9]{7}(?![0-9])\n"
	    "\tanchor_digits = 7\n\tanchor_before = 0\n\tanchor_after = 1\n"
	    "\tcontext = 口座\n\tnear_context = yes\n\tcontext_before = 4\n"
	    "rule n.name\n\tcategory = pii.name\n\tpattern = [A-Z][a-z]+(?: [A-Z][a-z]+)+\n"
	    "\tcontext = 様\n\tnear_context = yes\n\tcontext_before = 0\n\tcontext_after = 1\n");
	om_buf  b;
	char   *got;

	static const struct {
		const char *text;
		int	want;
	} cases[] = {
		{"生年月日 1985/03/12", 1},
		{"生年月日1985/03/12", 1},
		{"生年月日:1985/03/12", 1},	/* word and gap: 5 characters */
		{"生年月日: 1985/03/12", 0},	/* 6 */
		{"DOB: 1985/03/12", 1},
		{"DOB:  1985/03/12", 0},
		{"1985/03/12 (DOB)", 1},		/* after: 6 */
		{"1985/03/12 is DOB", 0},		/* after: 7 */
		{"dob 1985/03/12 DoB 1986/04/13 and 2024/07/02", 2},
		{"1985/03/12", 0},
		{"口座 1234567", 1},
		{"口座  1234567", 1},
		{"口座   1234567", 0},
		{"番号 1234567", 0},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int     found = scan_count(set, cases[i].text);

		if (found != cases[i].want)
			fail_msg("\"%s\": %d found, want %d", cases[i].text, found, cases[i].want);
	}
	/* A long match before its word: the window reaches back far enough. */
	om_buf_init(&b, 0);
	for (int i = 0; i < 50; i++)
		om_buf_puts(&b, "........");
	om_buf_puts(&b, "Alexander Hamilton Jefferson様");
	om_buf_putc(&b, 0);
	assert_int_equal(scan_count(set, b.data), 1);
	om_buf_free(&b);
	assert_int_equal(scan_count(set, "Alexander Hamilton Jefferson 様"), 0);
	/* Every candidate, as for "rules test": the ones without context too. */
	got = judged(set, "1985/03/12 番号 1234567 口座 7654321");
	assert_string_equal(got, "NNC");
	free(got);
	/* Far apart in a long text: each found near its own word. */
	om_buf_init(&b, 0);
	for (int i = 0; i < 300; i++)
		om_buf_printf(&b, "%s 19%02d/01/01 %s %07d. ", i % 3 ? "日付" : "生年月日", i % 100,
			      i % 2 ? "口座" : "番号", i);
	om_buf_putc(&b, 0);
	assert_int_equal(scan_count(set, b.data), 100 + 150);
	om_buf_free(&b);
	om_rules_free(set);
}

static void
test_limit(void **state)
{
	om_rules_err err = {.count = 0};
	const char *rules = "rule slow\n\tcategory = x\n\tpattern = (a+)+(?=x)b\n";
	om_ruleset *set = om_rules_load_text("l.rules", rules, 0, &err);
	char    text[4000];
	int     n = 0;

	(void) state;
	assert_non_null(set);
	memset(text, 'a', 60);
	strcpy(text + 60, "b");
	assert_int_equal(om_rules_scan(set, text, strlen(text), OM_SCOPE_BODY, NULL, collect, &n), -1);
	om_rules_free(set);
}

/* Invalid UTF-8 is refused, not scanned as if clean. */
static void
test_bad_utf8(void **state)
{
	om_ruleset *set = om_rules_load_text("g.rules", good_rules, 0, NULL);
	const char text[] = "090-1234-5678 \xff\xfe";
	int     n = 0;

	(void) state;
	assert_non_null(set);
	assert_int_equal(om_rules_scan(set, text, strlen(text), OM_SCOPE_BODY, NULL, collect, &n), -1);
	om_rules_free(set);
}

/* The shipped rules compile and pass their own examples. */
static void
test_shipped(void **state)
{
	om_rules_err err = {.count = 0};
	om_ruleset *set = om_rules_load_dir(OM_RULES_SRCDIR, 0, &err);

	(void) state;
	if (set == NULL)
		fail_msg("%s", err.text);
	assert_true(om_rules_count(set) >= 20);
	if (om_rules_check_examples(set, &err) != 0)
		fail_msg("%s", err.text);
	om_rules_free(set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_keep_going),
		cmocka_unit_test(test_anchor_span),
		cmocka_unit_test(test_twins),
		cmocka_unit_test(test_digit_runs),
		cmocka_unit_test(test_two_sources),
		cmocka_unit_test(test_start_limit),
		cmocka_unit_test(test_keywords_lazy),
		cmocka_unit_test(test_keywords_near),
		cmocka_unit_test(test_exclude_line),
		cmocka_unit_test(test_near_context),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_shipped),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
