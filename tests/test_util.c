/*
 * test_util - the small shared helpers: UTF-8 stepping and trimming.
 */
#include "config.h"

#include "om_test.h"
#include "om_str.h"
#include "om_utf8.h"

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_len),
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_trim),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
