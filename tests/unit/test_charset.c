/*
 * test_charset - charset decoding: every Japanese charset, wrong and
 * missing labels, vendor extensions, broken input.
 */
#include "config.h"

#include <glib.h>

#include "om_test.h"
#include "om_charset.h"

typedef struct {
	const char *name;
	const char *in;
	size_t	len;			/* 0: strlen(in) */
	const char *label;		/* declared, or NULL */
	const char *want;		/* UTF-8 */
	const char *used;		/* charset we expect to be applied */
	int	flags;			/* OM_CHARSET_* expected (exact) */
} case_t;

static const case_t cases[] = {
	{"utf8 labelled", "\xe6\x97\xa5\xe6\x9c\xac", 0, "utf-8", "日本", "UTF-8", 0},
	{"label case and alias", "\xe6\x97\xa5", 0, "UTF8", "日", "UTF-8", 0},
	{"ascii", "hello", 0, "us-ascii", "hello", "US-ASCII", 0},
	{"iso-2022-jp", "\x1b$B$3$s$K$A$O\x1b(B", 0, "iso-2022-jp", "こんにちは", "ISO-2022-JP", 0},
	{"iso-2022-jp NEC row 13", "\x1b$B-!\x1b(B", 0, "ISO-2022-JP", "①", "ISO-2022-JP", 0},
	{"iso-2022-jp ESC ( I kana", "\x1b(I123\x1b(B", 0, "iso-2022-jp", "ｱｲｳ", "ISO-2022-JP", 0},
	{"iso-2022-jp SO/SI kana", "a\x0e" "1\x0f" "b", 0, "cp50221", "aｱb", "ISO-2022-JP", 0},
	{"iso-2022-jp ESC $ @", "\x1b$@$3\x1b(J!", 0, "iso-2022-jp", "こ!", "ISO-2022-JP", 0},
	{"iso-2022-jp missing reset at line end", "\x1b$B$3\nabc", 0, "iso-2022-jp", "こ\nabc", "ISO-2022-JP", 0},
	{"shift_jis", "\x93\xfa\x96{\x8c\xea", 0, "Shift_JIS", "日本語", "CP932", 0},
	{"shift_jis NEC extension", "\x87@", 0, "shift_jis", "①", "CP932", 0},
	{"shift_jis IBM extension", "\xfa\xb1", 0, "Shift_JIS", "﨑", "CP932", 0},
	{"windows-31j", "\x8d\x82\x8b\xb4", 0, "windows-31j", "高橋", "CP932", 0},
	{"euc-jp", "\xc6\xfc\xcb\xdc\xb8\xec", 0, "euc-jp", "日本語", "EUC-JP-MS", 0},
	{"euc-jp NEC extension", "\xad\xa1", 0, "EUC-JP", "①", "EUC-JP-MS", 0},
	{"no label iso-2022-jp", "\x1b$B$3$s\x1b(B", 0, NULL, "こん", "ISO-2022-JP", 0},
	{"no label utf-8", "\xe3\x81\x82", 0, NULL, "あ", "UTF-8", 0},
	{"no label shift_jis", "\x82\xd0\x82\xe7\x82\xaa\x82\xc8\x82\xc6\x83J\x83^\x83J\x83i", 0, NULL,
	 "ひらがなとカタカナ", "CP932", 0},
	{"no label euc-jp", "\xa4\xd2\xa4\xe9\xa4\xac\xa4\xca\xa4\xc8\xa5\xab\xa5\xbf\xa5\xab\xa5\xca", 0, NULL,
	 "ひらがなとカタカナ", "EUC-JP-MS", 0},
	{"us-ascii label on shift_jis", "\x82\xd0\x82\xe7\x82\xaa\x82\xc8", 0, "us-ascii", "ひらがな", "CP932",
	 OM_CHARSET_GUESSED},
	{"latin-1 label on shift_jis", "\x82\xd0\x82\xe7\x82\xaa\x82\xc8", 0, "iso-8859-1", "ひらがな", "CP932",
	 OM_CHARSET_GUESSED},
	{"shift_jis label on utf-8", "\xe3\x81\xb2\xe3\x82\x89\xe3\x81\x8c\xe3\x81\xaa", 0, "shift_jis", "ひらがな",
	 "UTF-8", OM_CHARSET_GUESSED},
	{"euc-jp label on shift_jis", "\x82\xd0\x82\xe7\x82\xaa\x82\xc8\x82\xc6", 0, "euc-jp", "ひらがなと", "CP932",
	 OM_CHARSET_GUESSED},
	{"us-ascii label on iso-2022-jp", "\x1b$B$3\x1b(B", 0, "us-ascii", "こ", "ISO-2022-JP", OM_CHARSET_GUESSED},
	{"real latin-1 stays latin-1", "caf\xe9 cr\xe8me", 0, "iso-8859-1", "café crème", "ISO-8859-1", 0},
	{"no label, latin-1 name is not read as kanji", "Quien Te Dij\xe1 at.mp3", 0, NULL, "Quien Te Dijá at.mp3",
	 "CP1252", 0},
	{"no label, latin-1 byte between letters", "Dij\xe1" "at", 0, NULL, "Dijáat", "CP1252", 0},
	{"no label, kanji-only shift_jis name", "\x8c\xa9\x90\xcf\x8f\x91.pdf", 0, NULL, "見積書.pdf", "CP932", 0},
	{"unknown label, utf-8 bytes", "\xe3\x81\x82", 0, "x-bogus-charset", "あ", "UTF-8", OM_CHARSET_GUESSED},
};

static void
test_table(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const case_t *c = cases + i;
		om_buf  out;
		const char *used = NULL;
		int     fl;

		om_buf_init(&out, 0);
		fl = om_charset_decode(c->in, c->len ? c->len : strlen(c->in), c->label, &out, &used);
		if (out.len != strlen(c->want) || memcmp(out.data, c->want, out.len) != 0
		    || strcmp(used, c->used) != 0 || fl != c->flags)
			fail_msg("case \"%s\": got \"%s\" via %s flags %d; want \"%s\" via %s flags %d",
				 c->name, out.data ? out.data : "", used, fl, c->want, c->used, c->flags);
		om_buf_free(&out);
	}
}

/* Broken input never fails: bad bytes become U+FFFD and the flag says so. */
static void
test_lossy(void **state)
{
	om_buf  out;
	const char *used = NULL;
	int     fl;

	(void) state;
	om_buf_init(&out, 0);
	/* Shift_JIS with one corrupt byte in the middle. */
	fl = om_charset_decode("\x82\xd0\x82\xe7\x82\xaa\x82\xc8\xff\x82\xc6", 11, "shift_jis", &out, &used);
	assert_true(fl & OM_CHARSET_LOSSY);
	assert_string_equal(used, "CP932");
	assert_string_equal(out.data, "ひらがな\xef\xbf\xbdと");
	om_buf_free(&out);

	/* Mislabelled bytes that some charset reads are decoded, not lost. */
	om_buf_init(&out, 0);
	fl = om_charset_decode("ab\xff\xfe\xfd", 5, "utf-8", &out, &used);
	assert_true(fl & OM_CHARSET_GUESSED);
	assert_true(out.len >= 5);
	assert_memory_equal(out.data, "ab", 2);
	om_buf_free(&out);
}

/* The cap holds and is reported. */
static void
test_cap(void **state)
{
	om_buf  out;
	const char *used = NULL;
	int     fl;
	char    big[5000];

	(void) state;
	memset(big, 'a', sizeof(big));
	om_buf_init(&out, 1000);
	fl = om_charset_decode(big, sizeof(big), "utf-8", &out, &used);
	assert_true(fl & OM_CHARSET_TRUNCATED);
	assert_true(out.len <= 1000);
	om_buf_free(&out);

	/* Through iconv as well, and never cutting a character in half. */
	om_buf_init(&out, 1000);
	{
		char    sj[4000];

		for (size_t i = 0; i < sizeof(sj); i += 2)
			sj[i] = '\x82', sj[i + 1] = '\xa0';
		fl = om_charset_decode(sj, sizeof(sj), "shift_jis", &out, &used);
	}
	assert_true(fl & OM_CHARSET_TRUNCATED);
	assert_true(out.len <= 1000);
	assert_int_equal(out.len % 3, 0);
	om_buf_free(&out);
}

/* Boundaries of every UTF-8 rule, each checked against GLib too. */
static const struct {
	const char *in;
	size_t	len;
	int	want;
} utf8_cases[] = {
	{"", 0, 1},
	{"plain ASCII", 11, 1},
	{"\xe4\xbf\x9d\xe9\x99\xba", 6, 1},		/* 保険 */
	{"a\0b", 3, 0},					/* NUL */
	{"\xc2\x80", 2, 1}, {"\xc1\xbf", 2, 0},		/* U+0080; overlong */
	{"\xdf\xbf", 2, 1}, {"\xc2", 1, 0}, {"\xc2\x41", 2, 0},
	{"\xe0\xa0\x80", 3, 1}, {"\xe0\x9f\xbf", 3, 0},	/* U+0800; overlong */
	{"\xed\x9f\xbf", 3, 1}, {"\xed\xa0\x80", 3, 0},	/* U+D7FF; surrogate */
	{"\xef\xbf\xbf", 3, 1}, {"\xe3\x81", 2, 0},
	{"\xf0\x90\x80\x80", 4, 1}, {"\xf0\x8f\xbf\xbf", 4, 0},
	{"\xf4\x8f\xbf\xbf", 4, 1}, {"\xf4\x90\x80\x80", 4, 0},	/* U+10FFFF; above */
	{"\xf5\x80\x80\x80", 4, 0}, {"\xff", 1, 0}, {"\x80", 1, 0},
};

/* test_utf8_valid - the table, then random byte strings, against GLib */
static void
test_utf8_valid(void **state)
{
	static const unsigned char pick[] = {
		0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2,
		0xdf, 0xe0, 0xe3, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
	};
	unsigned seed = 12345;
	unsigned char buf[8];

	(void) state;
	for (size_t i = 0; i < sizeof(utf8_cases) / sizeof(utf8_cases[0]); i++) {
		assert_int_equal(om_utf8_valid(utf8_cases[i].in, utf8_cases[i].len), utf8_cases[i].want);
		assert_int_equal(!!g_utf8_validate_len(utf8_cases[i].in, utf8_cases[i].len, NULL),
				 utf8_cases[i].want);
	}
	for (int n = 0; n < 200000; n++) {
		size_t	len = (size_t) (n % 8) + 1;

		for (size_t k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			buf[k] = pick[(seed >> 16) % sizeof(pick)];
		}
		assert_int_equal(om_utf8_valid((const char *) buf, len),
				 !!g_utf8_validate_len((const char *) buf, len, NULL));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_lossy),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_utf8_valid),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
