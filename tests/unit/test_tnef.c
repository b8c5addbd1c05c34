/*
 * test_tnef - winmail.dat streams built here by the published layout:
 * strings in the OEM code page and in UTF-16, attachments under their
 * long names, compressed RTF (stored and LZFu), embedded messages, and
 * damaged streams that must say so.
 */
#include "config.h"

#include <glib.h>

#include "om_test.h"
#include "om_tnef.h"

/* A stream under construction. */
typedef struct tb {
	unsigned char d[8192];
	size_t	n;
} tb;

static void
put(tb *b, const void *p, size_t n)
{
	assert_true(b->n + n <= sizeof(b->d));
	memcpy(b->d + b->n, p, n);
	b->n += n;
}

static void
put16(tb *b, unsigned v)
{
	unsigned char x[2] = {(unsigned char) v, (unsigned char) (v >> 8)};

	put(b, x, 2);
}

static void
put32(tb *b, uint32_t v)
{
	unsigned char x[4] = {(unsigned char) v, (unsigned char) (v >> 8), (unsigned char) (v >> 16),
	(unsigned char) (v >> 24)};

	put(b, x, 4);
}

static void
pad4(tb *b, size_t n)
{
	static const unsigned char z[4];

	put(b, z, (4 - n % 4) % 4);
}

static void
start(tb *b)
{
	b->n = 0;
	put32(b, 0x223e9f78u);
	put16(b, 0x0001);
}

/* attr - one attribute with its checksum */
static void
attr(tb *b, int level, uint32_t id, const void *data, size_t n)
{
	unsigned sum = 0;

	b->d[b->n++] = (unsigned char) level;
	put32(b, id);
	put32(b, (uint32_t) n);
	put(b, data, n);
	for (size_t i = 0; i < n; i++)
		sum += ((const unsigned char *) data)[i];
	put16(b, sum & 0xffff);
}

/* prop_var - one string/binary property value inside a property list */
static void
prop_var(tb *b, unsigned type, unsigned id, const void *v, size_t n)
{
	put16(b, type);
	put16(b, id);
	put32(b, 1);
	put32(b, (uint32_t) n);
	put(b, v, n);
	pad4(b, n);
}

/* What the callback saw. */
typedef struct seen {
	int	nfiles;
	char	name[4][128];
	char	data[4][512];
	size_t	len[4];
} seen;

static int
file_cb(void *ctx, const char *name, const unsigned char *data, size_t len)
{
	seen   *s = ctx;

	if (s->nfiles < 4) {
		snprintf(s->name[s->nfiles], sizeof(s->name[0]), "%s", name);
		memcpy(s->data[s->nfiles], data, len < 511 ? len : 511);
		s->len[s->nfiles] = len;
	}
	s->nfiles++;
	return (0);
}

/* "個人番号" in CP932, and in UTF-16LE "顧客一覧.csv" */
static const unsigned char sjis_label[] = {0x8c, 0xc2, 0x90, 0x6c, 0x94, 0xd4, 0x8d, 0x86};
static const unsigned char u16_name[] = {
	0x67, 0x98, 0xa2, 0x5b, 0x00, 0x4e, 0xa7, 0x89, '.', 0, 'c', 0, 's', 0, 'v', 0, 0, 0,
};

static void
test_strings_and_attachment(void **state)
{
	tb      b;
	tb      props;
	seen    s;
	om_buf  text;
	unsigned char body[64];
	unsigned char cp[8] = {0xa4, 0x03, 0, 0, 0, 0, 0, 0};	/* 932 */
	static const char csv[] = "氏名,電話\n山田 花子,090-1234-5678\n";

	(void) state;
	memset(&s, 0, sizeof(s));
	start(&b);
	attr(&b, 1, 0x00069007u, cp, sizeof(cp));
	attr(&b, 1, 0x00018004u, "Customer list", 14);
	memcpy(body, sjis_label, sizeof(sjis_label));
	memcpy(body + sizeof(sjis_label), " 123456789018", 14);
	attr(&b, 1, 0x0002800cu, body, sizeof(sjis_label) + 14);
	attr(&b, 2, 0x00069002u, "\x01\x00\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00", 14);
	attr(&b, 2, 0x00018010u, "KOKYAK~1.CSV", 13);
	attr(&b, 2, 0x0006800fu, csv, strlen(csv));
	props.n = 0;
	put32(&props, 2);
	put16(&props, 0x0003);			/* PT_LONG, PR_ATTACH_METHOD */
	put16(&props, 0x3705);
	put32(&props, 1);
	prop_var(&props, 0x001f, 0x3707, u16_name, sizeof(u16_name));
	attr(&b, 2, 0x00069005u, props.d, props.n);

	om_buf_init(&text, 1 << 16);
	assert_int_equal(om_tnef_read(b.d, b.n, &text, file_cb, &s), 0);
	assert_non_null(strstr(text.data, "Customer list"));
	assert_non_null(strstr(text.data, "個人番号 123456789018"));
	assert_non_null(strstr(text.data, "顧客一覧.csv"));
	assert_int_equal(s.nfiles, 1);
	assert_string_equal(s.name[0], "顧客一覧.csv");
	assert_int_equal(s.len[0], strlen(csv));
	assert_memory_equal(s.data[0], csv, strlen(csv));
	om_buf_free(&text);
}

/* rtf_header - the 16 bytes before compressed RTF */
static void
rtf_header(tb *b, uint32_t comp, uint32_t raw, uint32_t magic)
{
	put32(b, comp);
	put32(b, raw);
	put32(b, magic);
	put32(b, 0);
}

static void
test_compressed_rtf(void **state)
{
	tb      z;
	om_buf  out;
	static const char lit[] = " 090-1234-5678}";

	(void) state;
	/* LZFu: one reference into the preset dictionary, literals, end mark. */
	z.n = 0;
	rtf_header(&z, 0, 0, 0);
	/* flags: bit 0 reference, bits 1-7 literals */
	z.d[z.n++] = 0x01;
	z.d[z.n++] = 0x00;		/* offset 0, length 9 + 2 = 11: "{\rtf1\ansi" */
	z.d[z.n++] = 0x09;
	put(&z, lit, 7);
	z.d[z.n++] = 0x00;		/* eight literals */
	put(&z, lit + 7, 8);
	/* flags: bit 0 the end mark (offset = write position 207+11+15) */
	z.d[z.n++] = 0x01;
	z.d[z.n++] = (unsigned char) (((207 + 11 + 15) << 4) >> 8);
	z.d[z.n++] = (unsigned char) (((207 + 11 + 15) << 4) & 0xff);
	/* Header: compressed size counts from after its own field. */
	z.d[0] = (unsigned char) (z.n - 4);
	z.d[4] = 11 + 15;
	memcpy(z.d + 8, "LZFu", 4);

	om_buf_init(&out, 4096);
	assert_int_equal(om_tnef_rtf_decompress(z.d, z.n, 4096, &out), 0);
	assert_buf_eq(&out, "{\\rtf1\\ansi 090-1234-5678}");
	om_buf_free(&out);

	/* Output past the declared size is damage, not more text. */
	z.d[4] = 5;
	om_buf_init(&out, 4096);
	assert_int_equal(om_tnef_rtf_decompress(z.d, z.n, 4096, &out), -1);
	om_buf_free(&out);

	/* Stored ("MELA"): the bytes as they are. */
	z.n = 0;
	rtf_header(&z, 12 + 10, 10, 0x414c454du);
	put(&z, "{\\rtf1 ab}", 10);
	om_buf_init(&out, 4096);
	assert_int_equal(om_tnef_rtf_decompress(z.d, z.n, 4096, &out), 0);
	assert_buf_eq(&out, "{\\rtf1 ab}");
	om_buf_free(&out);

	/* Neither: cannot be read. */
	memcpy(z.d + 8, "XXXX", 4);
	om_buf_init(&out, 4096);
	assert_int_equal(om_tnef_rtf_decompress(z.d, z.n, 4096, &out), -1);
	om_buf_free(&out);
}

static void
test_rtf_body_and_embedded(void **state)
{
	tb      b, props, rtf, inner;
	seen    s;
	om_buf  text;
	static const unsigned char iid[16] = {
		0x07, 0x03, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46,
	};
	unsigned char obj[64];

	(void) state;
	memset(&s, 0, sizeof(s));
	rtf.n = 0;
	rtf_header(&rtf, 12 + 12, 12, 0x414c454du);
	put(&rtf, "{\\rtf1 body}", 12);
	start(&b);
	props.n = 0;
	put32(&props, 1);
	prop_var(&props, 0x0102, 0x1009, rtf.d, rtf.n);
	attr(&b, 1, 0x00069003u, props.d, props.n);
	/* An attachment whose data is an embedded message (a TNEF stream). */
	start(&inner);
	attr(&inner, 1, 0x00018004u, "inner", 6);
	memcpy(obj, iid, 16);
	memcpy(obj + 16, inner.d, inner.n);
	attr(&b, 2, 0x00069002u, "\x05\x00\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00", 14);
	props.n = 0;
	put32(&props, 1);
	prop_var(&props, 0x000d, 0x3701, obj, 16 + inner.n);
	attr(&b, 2, 0x00069005u, props.d, props.n);

	om_buf_init(&text, 1 << 16);
	assert_int_equal(om_tnef_read(b.d, b.n, &text, file_cb, &s), 0);
	assert_int_equal(s.nfiles, 2);
	assert_string_equal(s.name[0], "message.rtf");
	assert_int_equal(s.len[0], 12);
	assert_memory_equal(s.data[0], "{\\rtf1 body}", 12);
	assert_string_equal(s.name[1], "message.tnef");
	assert_true(om_tnef_is((const unsigned char *) s.data[1], s.len[1]));
	om_buf_free(&text);
}

static void
test_damaged(void **state)
{
	tb      b, props;
	seen    s;
	om_buf  text;

	(void) state;
	memset(&s, 0, sizeof(s));
	om_buf_init(&text, 1 << 16);
	assert_int_equal(om_tnef_read((const unsigned char *) "PK\x03\x04 not tnef", 15, &text, file_cb, &s),
			 OM_TNEF_NOT);

	/* An attribute longer than the stream. */
	start(&b);
	attr(&b, 1, 0x00018004u, "subject", 8);
	b.n -= 4;
	assert_int_equal(om_tnef_read(b.d, b.n, &text, file_cb, &s), -1);

	/* A property type nobody can size. */
	start(&b);
	props.n = 0;
	put32(&props, 1);
	put16(&props, 0x0999);
	put16(&props, 0x0037);
	put32(&props, 0);
	attr(&b, 1, 0x00069003u, props.d, props.n);
	assert_int_equal(om_tnef_read(b.d, b.n, &text, file_cb, &s), -1);

	/* A value count that cannot fit. */
	start(&b);
	props.n = 0;
	put32(&props, 1);
	put16(&props, 0x101f);
	put16(&props, 0x0037);
	put32(&props, 0x7fffffff);
	attr(&b, 1, 0x00069003u, props.d, props.n);
	assert_int_equal(om_tnef_read(b.d, b.n, &text, file_cb, &s), -1);

	/* The text cap is trouble too: the rest would go unread. */
	om_buf_free(&text);
	om_buf_init(&text, 4);
	start(&b);
	attr(&b, 1, 0x00018004u, "a long subject", 15);
	assert_int_equal(om_tnef_read(b.d, b.n, &text, file_cb, &s), -1);
	om_buf_free(&text);
	assert_int_equal(s.nfiles, 0);
}

/* scan_winmail - an outbound mail with the stream as winmail.dat */
static om_result *
scan_winmail(const om_snap *snap, const unsigned char *d, size_t n)
{
	om_buf  m;
	gchar  *b64 = g_base64_encode(d, n);
	om_result *res;

	om_buf_init(&m, 0);
	om_buf_puts(&m, "From: tanaka@sakura-hoken.example\nTo: kyaku@partner-shoji.example\n"
		    "Subject: list\nMIME-Version: 1.0\n"
		    "Content-Type: multipart/mixed; boundary=\"BB\"\n\n--BB\n"
		    "Content-Type: text/plain; charset=us-ascii\n\nsee attached\n--BB\n"
		    "Content-Type: application/ms-tnef; name=\"winmail.dat\"\n"
		    "Content-Transfer-Encoding: base64\n"
		    "Content-Disposition: attachment; filename=\"winmail.dat\"\n\n");
	om_buf_puts(&m, b64);
	om_buf_puts(&m, "\n--BB--\n");
	g_free(b64);
	res = om_engine_scan(snap, NULL, m.data, m.len);
	om_buf_free(&m);
	assert_non_null(res);
	return (res);
}

/* found - a finding of this category whose where starts with this */
static int
found(const om_result *res, const char *category, const char *where)
{
	for (size_t i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].category, category) == 0
		    && strncmp(res->findings[i].where, where, strlen(where)) == 0)
			return (1);
	return (0);
}

/*
 * Through the engine: a customer list inside winmail.dat is personal
 * data in an unencrypted attachment; a damaged stream is unscannable.
 */
static void
test_engine_winmail(void **state)
{
	char    dir[] = "/tmp/om_test_tnef.XXXXXX";
	om_snap *snap;
	om_result *res;
	tb      b;
	static const char csv[] =
	"氏名,個人番号,電話,住所\n"
	"山田 花子,123456789018,090-1234-5678,東京都千代田区千代田1-1\n"
	"佐藤 一郎,987654321000,080-2345-6789,大阪府大阪市北区梅田2-2\n";

	(void) state;
	assert_non_null(mkdtemp(dir));
	snap = om_test_conf(dir, "internal_domains = sakura-hoken.example\nrules_dir = " OM_RULES_SRCDIR "\n");
	assert_non_null(snap);

	start(&b);
	attr(&b, 2, 0x00069002u, "\x01\x00\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00", 14);
	attr(&b, 2, 0x00018010u, "list.csv", 9);
	attr(&b, 2, 0x0006800fu, csv, strlen(csv));
	res = scan_winmail(snap, b.d, b.n);
	assert_true(found(res, "attach.pii_unencrypted", "attachment:winmail.dat/list.csv"));
	assert_false(found(res, "attach.unscannable", ""));
	assert_int_equal(res->action, OM_ACT_REJECT);
	om_result_free(res);

	/* Cut short: what was read counts, and the rest makes it unscannable. */
	res = scan_winmail(snap, b.d, b.n - 7);
	assert_true(found(res, "attach.unscannable", "attachment:winmail.dat"));
	assert_int_not_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
	assert_int_equal(om_test_done(snap, dir), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings_and_attachment),
		cmocka_unit_test(test_compressed_rtf),
		cmocka_unit_test(test_rtf_body_and_embedded),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_engine_winmail),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
