/*
 * test_util - the small shared helpers: RFC 2047 encoded words, UTF-8
 * stepping, trimming, and the signature separator lines.
 */
#include "config.h"

#include <gmime/gmime.h>

#include "om_test.h"
#include "om_rfc2047.h"
#include "om_sig.h"
#include "om_str.h"
#include "om_utf8.h"

/* unfold - a header value as a reader sees it: line breaks before blanks removed */
static char *
unfold(const char *s)
{
	char   *u = strdup(s), *o = u;

	assert_non_null(u);
	for (const char *p = s; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t'))
			p++;
		else if (p[0] == '\n' && (p[1] == ' ' || p[1] == '\t'))
			continue;
		else
			*o++ = *p;
	}
	*o = 0;
	return (u);
}

/*
 * payload - check the shape of encoded output (words of at most 75
 * characters, fold between them, each word whole UTF-8 when the input
 * is) and return the bytes the words carry.
 */
static void
payload(const char *out, const char *fold, int valid, om_buf *bytes)
{
	const char *p = out;
	size_t  fl = strlen(fold);

	while (*p) {
		const char *e = strstr(p + 10, "?=");
		guchar *d;
		gsize   dn;
		char   *b64;

		assert_memory_equal(p, "=?UTF-8?B?", 10);
		assert_non_null(e);
		assert_true(e + 2 - p <= OM_RFC2047_WORD_MAX);
		b64 = strndup(p + 10, (size_t) (e - p - 10));
		d = g_base64_decode(b64, &dn);
		if (valid)
			assert_true(g_utf8_validate((const char *) d, (gssize) dn, NULL));
		om_buf_append(bytes, d, dn);
		g_free(d);
		free(b64);
		p = e + 2;
		if (*p) {
			assert_memory_equal(p, fold, fl);
			p += fl;
		}
	}
}

/* round_trip - encode, check shape, decode with GMime, compare */
static void
round_trip(const char *in, const char *fold, int flags)
{
	om_buf  out, bytes;
	char   *u, *dec;

	om_buf_init(&out, 0);
	om_buf_init(&bytes, 0);
	assert_int_equal(om_rfc2047_encode(&out, in, strlen(in), fold, flags), 0);
	if (*in == 0)
		assert_int_equal(out.len, 0);
	else if (strncmp(out.data, "=?UTF-8?B?", 10) != 0) {
		assert_false(flags & OM_RFC2047_ALWAYS);
		assert_buf_eq(&out, in);
	} else {
		payload(out.data, fold ? fold : " ", 1, &bytes);
		assert_buf_eq(&bytes, in);
	}
	u = unfold(out.data ? out.data : "");
	dec = g_mime_utils_header_decode_text(NULL, u);
	assert_string_equal(dec, in);
	g_free(dec);
	free(u);
	om_buf_free(&bytes);
	om_buf_free(&out);
}

static const char *const texts[] = {
	"",
	"【要注意】",
	"個人情報が含まれている可能性があります",
	"\xf0\x9f\x98\x80 emoji \xf0\x9f\x8e\x8c",				/* 😀 🎌 */
	"山田 太郎 様、ご確認ください。",
	"x",
};

/* test_rfc2047_round_trip - each text and fold comes back from GMime */
static void
test_rfc2047_round_trip(void **state)
{
	static const char *const folds[] = {"\n\t", "\r\n ", " ", NULL};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		for (size_t f = 0; f < sizeof(folds) / sizeof(folds[0]); f++) {
			round_trip(texts[i], folds[f], 0);
			round_trip(texts[i], folds[f], OM_RFC2047_ALWAYS);
		}
}

/* test_rfc2047_long - long values: several words, none too long, none splitting a character */
static void
test_rfc2047_long(void **state)
{
	static const char *const units[] = {"あ", "xx\xf0\x9f\x98\x80", "a", "é", "漢字 ", "\xf0\x9f\x98\x80"};

	for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++)
		for (size_t reps = 1; reps <= 60; reps += 7) {
			om_buf  in;

			om_buf_init(&in, 0);
			for (size_t r = 0; r < reps; r++)
				om_buf_puts(&in, units[u]);
			round_trip(in.data, "\n\t", OM_RFC2047_ALWAYS);
			round_trip(in.data, "\r\n ", 0);
			om_buf_free(&in);
		}
}

/* test_rfc2047_ascii - printable ASCII is left as is; anything else is encoded */
static void
test_rfc2047_ascii(void **state)
{
	static const struct {
		const char *in;
		int     plain;
	} cases[] = {
		{"[SUSPICIOUS]", 1},
		{"Re: a perfectly ordinary subject\twith a tab", 1},
		{"a line\nInjected: header", 0},		/* a line break is never copied */
		{"bell\a", 0},
		{"looks =?UTF-8?B?5pel?= encoded", 0},	/* a reader would decode it */
		{"del\x7f", 0},
		{"caf\xc3\xa9", 0},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		om_buf  out;

		om_buf_init(&out, 0);
		assert_int_equal(om_rfc2047_encode(&out, cases[i].in, strlen(cases[i].in), "\n\t", 0), 0);
		if (cases[i].plain)
			assert_buf_eq(&out, cases[i].in);
		else {
			assert_memory_equal(out.data, "=?UTF-8?B?", 10);
			assert_null(strchr(out.data, '\a'));
			round_trip(cases[i].in, "\n\t", 0);
		}
		om_buf_free(&out);
	}
}

/* test_rfc2047_bad_utf8 - bytes that are not UTF-8 are carried, in words still short enough */
static void
test_rfc2047_bad_utf8(void **state)
{
	static const char *const cases[] = {
		"\xe3\x81",				/* cut short at the end */
		"あ\xe3",
		"\x80\x80\x80 continuation bytes",
		("\xe3\x81" "A\xff\xfe\xf0\x9f\x98"),	/* cut short, then a letter */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		om_buf  out, bytes;

		om_buf_init(&out, 0);
		om_buf_init(&bytes, 0);
		assert_int_equal(om_rfc2047_encode(&out, cases[i], strlen(cases[i]), " ", 0), 0);
		payload(out.data, " ", 0, &bytes);
		assert_buf_eq(&bytes, cases[i]);
		om_buf_free(&bytes);
		om_buf_free(&out);
	}
}

/* test_rfc2047_callers - the shapes the header writers build */
static void
test_rfc2047_callers(void **state)
{
	const char *en = "credential request, look-alike URL";
	const char *ja = "認証情報の要求、なりすましURL、差出人の署名と返信先の不一致";
	om_buf  out;
	char   *u, *dec, *want;

	/* X-Omamori-Attack: English line, then the Japanese as folded words. */
	om_buf_init(&out, 0);
	om_buf_puts(&out, en);
	om_buf_puts(&out, "\n\t");
	assert_int_equal(om_rfc2047_encode(&out, ja, strlen(ja), "\n\t", OM_RFC2047_ALWAYS), 0);
	assert_memory_equal(out.data, "credential request, look-alike URL\n\t=?UTF-8?B?", 46);
	for (const char *l = out.data; l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
		assert_true(strcspn(l, "\n") <= 76);
	u = unfold(out.data);
	dec = g_mime_utils_header_decode_text(NULL, u);
	want = g_strdup_printf("%s\t%s", en, ja);
	assert_string_equal(dec, want);
	g_free(want);
	g_free(dec);
	free(u);
	om_buf_free(&out);

	/* Subject tag: one short word, then the subject. */
	om_buf_init(&out, 0);
	assert_int_equal(om_rfc2047_encode(&out, "【要注意】", strlen("【要注意】"), " ", 0), 0);
	assert_string_equal(out.data, "=?UTF-8?B?44CQ6KaB5rOo5oSP44CR?=");
	om_buf_free(&out);
}

/* test_rfc2047_cap - a value that does not fit leaves the buffer as it was */
static void
test_rfc2047_cap(void **state)
{
	om_buf  out;

	om_buf_init(&out, 40);
	om_buf_puts(&out, "Subject: ");
	assert_int_equal(om_rfc2047_encode(&out, "【要注意】【要注意】", strlen("【要注意】【要注意】"), " ", 0), -1);
	assert_buf_eq(&out, "Subject: ");
	om_buf_free(&out);
}

/* test_utf8_len - length a lead byte announces */
static void
test_utf8_len(void **state)
{
	static const struct {
		unsigned char c;
		size_t  len;
	} cases[] = {
		{0x00, 1}, {'A', 1}, {0x7f, 1},
		{0x80, 1}, {0xbf, 1},			/* continuation bytes */
		{0xc0, 2}, {0xc3, 2}, {0xdf, 2},
		{0xe0, 3}, {0xe3, 3}, {0xef, 3},
		{0xf0, 4}, {0xf4, 4}, {0xf7, 4},
		{0xf8, 1}, {0xfe, 1}, {0xff, 1},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(om_utf8_len(cases[i].c), cases[i].len);
	assert_true(om_utf8_is_cont(0x80));
	assert_true(om_utf8_is_cont(0xbf));
	assert_false(om_utf8_is_cont(0x7f));
	assert_false(om_utf8_is_cont(0xc0));
}

/* test_utf8_decode - code points, and what bad input costs */
static void
test_utf8_decode(void **state)
{
	static const struct {
		const char *s;
		size_t  left;
		uint32_t cp;
		size_t  clen;
	} cases[] = {
		{"A", 1, 'A', 1},
		{"\xc3\xa9", 2, 0xe9, 2},
		{"あ", 3, 0x3042, 3},
		{"\xf0\x9f\x98\x80", 4, 0x1f600, 4},
		{"\xf4\x8f\xbf\xbf", 4, 0x10ffff, 4},
		{"あい", 6, 0x3042, 3},			/* stops after one */
		{"\x80" "A", 2, OM_UTF8_BAD, 1},	/* continuation byte alone */
		{"\xc0\x80", 2, OM_UTF8_BAD, 1},	/* never a lead byte */
		{"\xc1\xbf", 2, OM_UTF8_BAD, 1},
		{"\xf5\x80\x80\x80", 4, OM_UTF8_BAD, 1},
		{"\xff", 1, OM_UTF8_BAD, 1},
		{"\xe3\x81", 2, OM_UTF8_BAD, 2},	/* cut short by the end */
		{"\xf0\x9f\x98", 3, OM_UTF8_BAD, 3},
		{"\xe3\x81\x82", 2, OM_UTF8_BAD, 2},	/* left counts, not the NUL */
		{"\xe3" "AB", 3, OM_UTF8_BAD, 1},	/* cut short by ASCII */
		{"\xf0\x9f" "A", 3, OM_UTF8_BAD, 2},	/* never swallows the ASCII */
		{"\xf0\x9f\x98" "AB", 5, OM_UTF8_BAD, 3},
		{"\xe3\xe3\x81\x82", 4, OM_UTF8_BAD, 1},	/* a lead byte cuts it short too */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t  clen = 99;

		assert_int_equal(om_utf8_decode((const unsigned char *) cases[i].s, cases[i].left, &clen),
				 cases[i].cp);
		assert_int_equal(clen, cases[i].clen);
	}
}

/* test_trim - both ends, in place and as a range */
static void
test_trim(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"", ""},
		{"   ", ""},
		{"value", "value"},
		{" \t value = x \r\n", "value = x"},
		{"\r\n\v\fa b\f\v", "a b"},
		{"\xe3\x80\x80全角\xe3\x80\x80", "\xe3\x80\x80全角\xe3\x80\x80"},	/* U+3000 is not ASCII */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char   *s = strdup(cases[i].in);
		const char *b = cases[i].in, *e = b + strlen(b);

		assert_string_equal(om_trim(s), cases[i].want);
		free(s);
		om_trim_span(&b, &e);
		assert_int_equal(e - b, strlen(cases[i].want));
		assert_memory_equal(b, cases[i].want, strlen(cases[i].want));
	}
}

/* test_sig_separators - every rule form, at both minimums */
static void
test_sig_separators(void **state)
{
	static const struct {
		const char *line;
		int     pii, tail;		/* 5 marks, 2 marks */
	} cases[] = {
		{"-----", 1, 1},
		{"--", 0, 1},
		{"-- ", 0, 1},
		{"=====", 1, 1},
		{"==", 0, 1},
		{"*****", 1, 1},
		{"_____", 1, 1},
		{"~~~~~", 1, 1},
		{"+++++", 1, 1},
		{"#####", 1, 1},
		{"-=-=-=-=", 1, 1},
		{"━━━━━━━━━━", 1, 1},
		{"──────", 1, 1},
		{"══════", 1, 1},				/* U+2550 */
		{"┏━━━━━┓", 1, 1},
		{"―――――", 1, 1},			/* U+2015 */
		{"−−−−−", 1, 1},			/* U+2212 */
		{"■□■□■", 1, 1},
		{"◆◇◆◇◆", 1, 1},
		{"〜〜〜〜〜", 1, 1},			/* U+301C */
		{"・・・・・", 1, 1},
		{"ーーーーー", 1, 1},			/* U+30FC */
		{"－－－－－", 1, 1},			/* U+FF0D */
		{"＝＝＝＝＝", 1, 1},			/* U+FF1D */
		{"  ━━━━━━  \r", 1, 1},
		{"- - - - -", 1, 1},
		{"\t=== ===\t", 1, 1},
		{"-", 0, 0},
		{"", 0, 0},
		{"   ", 0, 0},
		{"- item", 0, 0},
		{"-----Original Message-----", 0, 0},
		{"====== 株式会社サンプル ======", 0, 0},
		{"ーと", 0, 0},
		{"2024-01-01", 0, 0},
		{"!!!!!", 0, 0},
		{"。。。。。", 0, 0},
		{"\xe2\x94", 0, 0},				/* cut short */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *s = cases[i].line;

		if (om_sig_rule_line(s, strlen(s), OM_SIG_RULE_PII) != cases[i].pii
		    || om_sig_rule_line(s, strlen(s), OM_SIG_RULE_TAIL) != cases[i].tail)
			fail_msg("\"%s\": want %d %d", s, cases[i].pii, cases[i].tail);
	}
}

/* test_sig_dashdash - the "-- " line */
static void
test_sig_dashdash(void **state)
{
	static const struct {
		const char *line;
		int     want;
	} cases[] = {
		{"-- ", 1}, {"--", 1}, {"--\r", 1}, {"--   ", 1},
		{"---", 0}, {"-", 0}, {" -- ", 0}, {"-- x", 0}, {"", 0},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(om_sig_dashdash(cases[i].line, strlen(cases[i].line)), cases[i].want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc2047_round_trip),
		cmocka_unit_test(test_rfc2047_long),
		cmocka_unit_test(test_rfc2047_ascii),
		cmocka_unit_test(test_rfc2047_bad_utf8),
		cmocka_unit_test(test_rfc2047_callers),
		cmocka_unit_test(test_rfc2047_cap),
		cmocka_unit_test(test_utf8_len),
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_sig_separators),
		cmocka_unit_test(test_sig_dashdash),
	};

	g_mime_init();
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
