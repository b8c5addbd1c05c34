/*
 * test_norm - NFKC and hyphen folding, fast path and library path alike.
 */
#include "config.h"

#include "om_test.h"
#include "om_norm.h"

static const struct {
	const char *in, *want;
} cases[] = {
	{"０９０－１２３４－５６７８", "090-1234-5678"},
	{"090ー1234ー5678", "090-1234-5678"},
	{"０９０ー１２３４ー５６７８", "090-1234-5678"},
	{"03‐1234‐5678", "03-1234-5678"},		/* U+2010 */
	{"03‑1234‑5678", "03-1234-5678"},		/* U+2011 */
	{"〒１２３−４５６７", "〒123-4567"},		/* U+2212 */
	{"123―4567", "123-4567"},			/* U+2015 */
	{"123–4567", "123-4567"},			/* U+2013 */
	{"3ｰ4", "3-4"},					/* U+FF70 beside digits */
	{"コーヒー", "コーヒー"},			/* long vowel kept in words */
	{"ﾃﾞｰﾀ", "データ"},				/* half-width katakana */
	{"ｶﾞｷﾞｸﾞ", "ガギグ"},
	{"ﾊﾟｿｺﾝ", "パソコン"},
	{"ＡＢＣ　ｘｙｚ", "ABC xyz"},
	{"（株）", "(株)"},
	{"㍻", "平成"},
	{"①", "1"},
	{"e\xcc\x81", "\xc3\xa9"},			/* e + combining acute */
	{"Ｅ\xcc\x81", "\xc3\x89"},			/* wide E + combining acute */
	{"日本語のテキスト。「引用」", "日本語のテキスト。「引用」"},
	{"plain ascii text\n", "plain ascii text\n"},
	{"", ""},
	{"カ\xe3\x82\x99", "ガ"},			/* kana + combining voiced mark */
	/* Invisible format characters do not split what they sit in. */
	{"0\xe2\x80\x8b" "90-1234\xe2\x80\x8c-5678", "090-1234-5678"},	/* ZWSP, ZWNJ */
	{"1234\xe2\x81\xa0" "5678\xef\xbb\xbf" "9018", "123456789018"},	/* WJ, BOM */
	{"個人\xc2\xad番号", "個人番号"},				/* soft hyphen */
	{"①\xe2\x80\x8b②", "12"},				/* inside a run NFKC reads */
	{"\xe2\x80\x8b\xcc\x81x", "\xcc\x81x"},			/* ZWSP before a mark */
};

static void
test_table(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		om_buf  out;

		om_buf_init(&out, 0);
		assert_int_equal(om_norm_text(cases[i].in, strlen(cases[i].in), &out), 0);
		if (out.len != strlen(cases[i].want) || memcmp(out.data ? out.data : "", cases[i].want, out.len))
			fail_msg("\"%s\": got \"%s\", want \"%s\"", cases[i].in, out.data ? out.data : "",
				 cases[i].want);
		om_buf_free(&out);
	}
}

/* The output cap is honoured and reported. */
static void
test_cap(void **state)
{
	om_buf  out;
	char    in[3000];

	(void) state;
	for (size_t i = 0; i < sizeof(in); i += 3)
		memcpy(in + i, "\xef\xbc\x90", 3);	/* full-width 0 */
	om_buf_init(&out, 100);
	assert_int_equal(om_norm_text(in, sizeof(in), &out), -1);
	assert_true(out.len <= 100);
	om_buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_cap),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
