/*
 * test_office - Office 97 files, text of any label, libmagic's weak
 * guesses and document expansion limits, through om_engine_scan().
 *
 * The OLE2 compound files, BIFF8 workbooks, PowerPoint record trees and
 * Word piece tables are written here from the published formats
 * ([MS-CFB], [MS-XLS], [MS-PPT], [MS-DOC]); one workbook is written by
 * a real tool, python3-xlwt. All personal data is invented (My Number
 * 123456789018 has a valid check digit).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include "om_test.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_extract.h"
#include "om_log.h"
#include "om_scan.h"

static char dir[] = "/tmp/om_test_office.XXXXXX";

/* conf_with - the test configuration with extra lines */
static om_snap *
conf_with(const char *extra)
{
	char    path[256];
	FILE   *fp;
	om_snap *snap;
	om_conf_err err;

	snprintf(path, sizeof(path), "%s/omamori.conf", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fprintf(fp, "internal_domains = sakura-hoken.example\nrules_dir = " OM_RULES_SRCDIR "\n%s", extra);
	fclose(fp);
	snap = om_snap_load(path, OM_SNAP_SCAN, &err);
	if (snap == NULL)
		fail_msg("%s", err.text);
	return (snap);
}

/*
 * scan_out - outbound mail with one attachment: type NULL leaves the
 * Content-Type header out.
 */
static om_result *
scan_out(const om_snap *snap, const char *name, const char *type, const void *data, size_t len)
{
	om_buf  m;
	om_envelope env;
	om_result *res;

	om_buf_init(&m, 0);
	om_buf_puts(&m, "From: tanaka@sakura-hoken.example\nTo: kato@partner-shoji.example\n"
		    "Subject: list\nMIME-Version: 1.0\n"
		    "Content-Type: multipart/mixed; boundary=\"BB\"\n\n--BB\n"
		    "Content-Type: text/plain; charset=us-ascii\n\nsee attached\n--BB\n");
	if (type)
		om_buf_printf(&m, "Content-Type: %s\n", type);
	om_buf_printf(&m, "Content-Transfer-Encoding: base64\n"
		      "Content-Disposition: attachment; filename=\"%s\"\n\n", name);
	om_test_b64(data, len, &m);
	om_buf_puts(&m, "--BB--\n");
	memset(&env, 0, sizeof(env));
	res = om_engine_scan(snap, &env, m.data, m.len);
	om_buf_free(&m);
	assert_non_null(res);
	return (res);
}

/* has - a finding of this category (and rule, unless NULL) */
static int
has(const om_result *res, const char *cat, const char *rule)
{
	for (size_t i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].category, cat) == 0
		    && (rule == NULL || strcmp(res->findings[i].rule, rule) == 0))
			return (1);
	return (0);
}

/* dump - the findings, for a failure message */
static void
dump(const char *what, const om_result *res)
{
	fprintf(stderr, "%s:\n", what);
	for (size_t i = 0; i < res->nfindings; i++)
		fprintf(stderr, "  %s %s %s\n", res->findings[i].category, res->findings[i].rule,
			res->findings[i].where);
}

/* expect_read - the file was read: PII found and sent on, not unscannable, not executable */
static void
expect_read(const char *what, const om_result *res, const char *pii)
{
	int     ok = has(res, pii, NULL) && has(res, "attach.pii_unencrypted", NULL)
	&& !has(res, "attach.unscannable", NULL) && !has(res, "attach.executable", NULL)
	&& !has(res, "attach.type_mismatch", NULL);

	if (!ok)
		dump(what, res);
	assert_true(ok);
}

/* expect_unscannable - the file was not read and says so */
static void
expect_unscannable(const char *what, const om_result *res, const char *rule)
{
	int     ok = has(res, "attach.unscannable", rule) && res->action != OM_ACT_ACCEPT;

	if (!ok)
		dump(what, res);
	assert_true(ok);
}

/* le16, le32 - little-endian appends */
static void
le16(om_buf *b, unsigned v)
{
	unsigned char x[2] = {(unsigned char) v, (unsigned char) (v >> 8)};

	om_buf_append(b, x, 2);
}

static void
le32(om_buf *b, uint32_t v)
{
	le16(b, v & 0xffff);
	le16(b, v >> 16);
}

/* set32 - overwrite a little-endian word */
static void
set32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) v;
	p[1] = (unsigned char) (v >> 8);
	p[2] = (unsigned char) (v >> 16);
	p[3] = (unsigned char) (v >> 24);
}

/* utf16 - a UTF-8 string as UTF-16LE (BMP only: the tests need no more) */
static void
utf16(om_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	while (*p) {
		unsigned c;

		if (*p < 0x80)
			c = *p++;
		else if ((*p & 0xe0) == 0xc0)
			c = (unsigned) (p[0] & 0x1f) << 6 | (p[1] & 0x3f), p += 2;
		else
			c = (unsigned) (p[0] & 0x0f) << 12 | (unsigned) (p[1] & 0x3f) << 6 | (p[2] & 0x3f), p += 3;
		le16(b, c);
	}
}

/* u16len - UTF-16 units of a UTF-8 string (BMP) */
static size_t
u16len(const char *s)
{
	size_t  n = 0;

	for (const unsigned char *p = (const unsigned char *) s; *p; p++)
		if ((*p & 0xc0) != 0x80)
			n++;
	return (n);
}

/*
 * OLE2 compound file, version 3 (512-byte sectors). Layout: FAT
 * sectors, directory, mini FAT, mini stream, then the large streams.
 * Streams under 4096 bytes go to the mini stream. The root's children
 * form a chain through the right sibling.
 */
typedef struct ole_stream {
	const char *name;
	const void *data;
	size_t	len;
} ole_stream;

#define SS	512u
#define SECTS(n)	(((n) + SS - 1) / SS)

static void
ole_build(const ole_stream *st, int n, om_buf *out)
{
	om_buf  mini, fat;
	uint32_t start[16], nmini_sect, ndir, nminifat, nms, total, nfat, s;
	size_t  minisz;

	assert_true(n < 16);
	om_buf_init(&mini, 0);
	for (int i = 0; i < n; i++)
		if (st[i].len < 4096) {
			start[i] = (uint32_t) (mini.len / 64);
			om_buf_append(&mini, st[i].data, st[i].len);
			while (mini.len % 64)
				om_buf_putc(&mini, 0);
		}
	minisz = mini.len;
	nmini_sect = (uint32_t) (minisz / 64);
	ndir = SECTS((size_t) (n + 1) * 128);
	nminifat = SECTS((size_t) nmini_sect * 4);
	nms = SECTS(minisz);
	total = ndir + nminifat + nms;
	for (int i = 0; i < n; i++)
		if (st[i].len >= 4096)
			total += SECTS(st[i].len);
	for (nfat = 1; nfat * (SS / 4) < total + nfat; nfat++)
		;
	/* The FAT. */
	om_buf_init(&fat, 0);
	for (uint32_t i = 0; i < nfat; i++)
		le32(&fat, 0xfffffffdu);
	s = nfat;
#define CHAIN(count) do { \
		for (uint32_t k_ = 0; k_ < (count); k_++) \
			le32(&fat, k_ + 1 < (count) ? s + k_ + 1 : 0xfffffffeu); \
		s += (count); \
	} while (0)
	CHAIN(ndir);
	CHAIN(nminifat);
	CHAIN(nms);
	for (int i = 0; i < n; i++)
		if (st[i].len >= 4096) {
			start[i] = s;
			CHAIN((uint32_t) SECTS(st[i].len));
		}
#undef CHAIN
	while (fat.len < (size_t) nfat * SS)
		le32(&fat, 0xffffffffu);
	/* Header. */
	om_buf_init(out, 0);
	om_buf_append(out, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8);
	for (int i = 0; i < 16; i++)
		om_buf_putc(out, 0);
	le16(out, 0x3e);
	le16(out, 3);
	le16(out, 0xfffe);
	le16(out, 9);
	le16(out, 6);
	for (int i = 0; i < 10; i++)
		om_buf_putc(out, 0);
	le32(out, nfat);
	le32(out, nfat);			/* first directory sector */
	le32(out, 0);
	le32(out, 4096);
	le32(out, nminifat ? nfat + ndir : 0xfffffffeu);
	le32(out, nminifat);
	le32(out, 0xfffffffeu);
	le32(out, 0);
	for (uint32_t i = 0; i < 109; i++)
		le32(out, i < nfat ? i : 0xffffffffu);
	/* FAT sectors. */
	om_buf_append(out, fat.data, fat.len);
	/* Directory: root, then the streams. */
	for (int i = -1; i < n; i++) {
		size_t  at = out->len;
		const char *name = i < 0 ? "Root Entry" : st[i].name;

		utf16(out, name);
		while (out->len < at + 64)
			om_buf_putc(out, 0);
		le16(out, (unsigned) (strlen(name) + 1) * 2);
		om_buf_putc(out, i < 0 ? 5 : 2);
		om_buf_putc(out, 1);
		le32(out, 0xffffffffu);		/* left */
		le32(out, i >= 0 && i + 1 < n ? (uint32_t) i + 2 : 0xffffffffu);	/* right */
		le32(out, i < 0 && n > 0 ? 1 : 0xffffffffu);	/* child */
		while (out->len < at + 116)
			om_buf_putc(out, 0);
		if (i < 0) {
			le32(out, nms ? nfat + ndir + nminifat : 0xfffffffeu);
			le32(out, (uint32_t) minisz);
		} else {
			le32(out, start[i]);
			le32(out, (uint32_t) st[i].len);
		}
		le32(out, 0);
	}
	while ((out->len - SS) % SS)
		om_buf_putc(out, 0);
	/* Mini FAT: each small stream a chain of mini sectors. */
	for (int i = 0; i < n; i++)
		if (st[i].len < 4096) {
			uint32_t k = (uint32_t) ((st[i].len + 63) / 64);

			for (uint32_t j = 0; j < k; j++)
				le32(out, j + 1 < k ? start[i] + j + 1 : 0xfffffffeu);
		}
	while ((out->len - SS) % SS)
		le32(out, 0xffffffffu);
	/* Mini stream, then the large streams. */
	om_buf_append(out, mini.data, mini.len);
	while ((out->len - SS) % SS)
		om_buf_putc(out, 0);
	for (int i = 0; i < n; i++)
		if (st[i].len >= 4096) {
			om_buf_append(out, st[i].data, st[i].len);
			while ((out->len - SS) % SS)
				om_buf_putc(out, 0);
		}
	om_buf_free(&mini);
	om_buf_free(&fat);
}

/* rec - one BIFF record */
static void
rec(om_buf *b, unsigned type, const om_buf *data)
{
	le16(b, type);
	le16(b, (unsigned) data->len);
	om_buf_append(b, data->data, data->len);
}

/* cell - row, column, XF of a cell record */
static void
cell(om_buf *d, unsigned row, unsigned col)
{
	om_buf_reset(d);
	le16(d, row);
	le16(d, col);
	le16(d, 15);
}

/* f64le - a double */
static void
f64le(om_buf *b, double v)
{
	uint64_t bits;

	memcpy(&bits, &v, sizeof(bits));
	le32(b, (uint32_t) bits);
	le32(b, (uint32_t) (bits >> 32));
}

/*
 * workbook - a BIFF8 Workbook stream: shared strings split over a
 * CONTINUE record in the middle of a string (16-bit, then 8-bit after
 * the new flags byte), a string with rich-text runs and a phonetic
 * block, and cells of every kind the reader knows.
 */
static void
workbook(om_buf *wb)
{
	static const char *const sst16[] = {"氏名", "個人番号", "電話番号", "山田太郎"};
	om_buf  d, sst, cont;

	om_buf_init(wb, 0);
	om_buf_init(&d, 0);
	om_buf_init(&sst, 0);
	om_buf_init(&cont, 0);
	le16(&d, 0x0600);
	le16(&d, 0x0005);
	le32(&d, 0);
	le32(&d, 0);
	le32(&d, 0);
	rec(wb, 0x0809, &d);
	/* SST: 0..3 plain 16-bit, 4 rich + phonetic, 5 split over CONTINUE. */
	le32(&sst, 6);
	le32(&sst, 6);
	for (int i = 0; i < 4; i++) {
		le16(&sst, (unsigned) u16len(sst16[i]));
		om_buf_putc(&sst, 1);
		utf16(&sst, sst16[i]);
	}
	le16(&sst, 4);
	om_buf_putc(&sst, 1 | 0x04 | 0x08);
	le16(&sst, 1);				/* one run */
	le32(&sst, 6);				/* phonetic block bytes */
	utf16(&sst, "佐藤花子");
	le32(&sst, 0x00010000);			/* the run */
	om_buf_append(&sst, "\x01\x00\x02\x00\xb5\x30", 6);	/* phonetic bytes */
	le16(&sst, 6);				/* "山田Taro": 2 wide chars here ... */
	om_buf_putc(&sst, 1);
	utf16(&sst, "山田");
	rec(wb, 0x00fc, &sst);
	om_buf_putc(&cont, 0);			/* ... 4 narrow ones in the CONTINUE */
	om_buf_puts(&cont, "Taro");
	rec(wb, 0x003c, &cont);
	om_buf_reset(&d);
	rec(wb, 0x000a, &d);
	/* The sheet. */
	om_buf_reset(&d);
	le16(&d, 0x0600);
	le16(&d, 0x0010);
	le32(&d, 0);
	le32(&d, 0);
	le32(&d, 0);
	rec(wb, 0x0809, &d);
	for (unsigned c = 0; c < 3; c++) {
		cell(&d, 0, c);
		le32(&d, c == 0 ? 0 : c == 1 ? 2 : 1);
		rec(wb, 0x00fd, &d);
	}
	cell(&d, 1, 0);
	le32(&d, 3);
	rec(wb, 0x00fd, &d);
	cell(&d, 1, 1);
	le16(&d, 13);
	om_buf_putc(&d, 0);
	om_buf_puts(&d, "090-1234-5678");
	rec(wb, 0x0204, &d);
	cell(&d, 1, 2);
	f64le(&d, 123456789018.0);
	rec(wb, 0x0203, &d);
	cell(&d, 2, 0);
	le32(&d, 4);
	rec(wb, 0x00fd, &d);
	cell(&d, 2, 1);
	d.len -= 2;				/* RK: integer 4321, then 12.5 (x100) */
	le16(&d, 15);
	le32(&d, (uint32_t) 4321 << 2 | 2);
	rec(wb, 0x027e, &d);
	om_buf_reset(&d);			/* MULRK: row 3, cols 0-1 */
	le16(&d, 3);
	le16(&d, 0);
	le16(&d, 15);
	le32(&d, (uint32_t) 1250 << 2 | 3);
	le16(&d, 15);
	le32(&d, (uint32_t) 7 << 2 | 2);
	le16(&d, 1);
	rec(wb, 0x00bd, &d);
	cell(&d, 4, 0);				/* FORMULA with a string result */
	om_buf_putc(&d, 0);
	for (int i = 0; i < 5; i++)
		om_buf_putc(&d, 0);
	le16(&d, 0xffff);
	le16(&d, 0);
	le32(&d, 0);
	le16(&d, 0);
	rec(wb, 0x0006, &d);
	om_buf_reset(&d);
	le16(&d, (unsigned) u16len("東京都千代田区千代田1-1"));
	om_buf_putc(&d, 1);
	utf16(&d, "東京都千代田区千代田1-1");
	rec(wb, 0x0207, &d);
	cell(&d, 5, 0);
	le32(&d, 5);
	rec(wb, 0x00fd, &d);
	om_buf_reset(&d);
	rec(wb, 0x000a, &d);
	om_buf_free(&d);
	om_buf_free(&sst);
	om_buf_free(&cont);
}

/* extract - text of a file as om_extract reads it; the return code */
static int
extract(const om_buf *file, om_buf *text, const char **kind)
{
	om_buf_init(text, 1 << 20);
	*kind = NULL;
	return (om_extract_text((const unsigned char *) file->data, file->len, "f", "application/octet-stream",
				text, kind));
}

static void
test_xls(void **state)
{
	om_snap *snap = conf_with("");
	om_buf  wb, ole, text;
	ole_stream st[1];
	const char *kind;
	om_result *res;

	(void) state;
	workbook(&wb);
	st[0] = (ole_stream) {"Workbook", wb.data, wb.len};
	ole_build(st, 1, &ole);
	assert_int_equal(extract(&ole, &text, &kind), 1);
	assert_string_equal(kind, "xls");
	if (strstr(text.data, "氏名\t電話番号\t個人番号\n山田太郎\t090-1234-5678\t123456789018\n"
		   "佐藤花子\t4321\n12.5\t7\n東京都千代田区千代田1-1\n山田Taro\n") == NULL)
		fail_msg("xls text: [%s]", text.data);
	om_buf_free(&text);
	res = scan_out(snap, "顧客.xls", "application/vnd.ms-excel", ole.data, ole.len);
	expect_read("xls", res, "pii.mynumber");
	om_result_free(res);

	/* Large enough for regular sectors, and named "Book" (Excel 5 name). */
	while (wb.len < 20000) {
		om_buf  pad;

		om_buf_init(&pad, 0);
		for (int i = 0; i < 200; i++)
			om_buf_putc(&pad, 0);
		/* Padding: records of a type the reader does not know are skipped. */
		rec(&wb, 0x0000, &pad);
		om_buf_free(&pad);
	}
	om_buf_free(&ole);
	st[0] = (ole_stream) {"Book", wb.data, wb.len};
	ole_build(st, 1, &ole);
	res = scan_out(snap, "meibo.xls", "application/octet-stream", ole.data, ole.len);
	expect_read("xls large", res, "pii.mynumber");
	om_result_free(res);
	om_buf_free(&ole);
	om_buf_free(&wb);
	om_snap_unref(snap);
}

/* A workbook written by python3-xlwt, a real BIFF8 writer. */
static const char xlwt_script[] =
	"import sys, datetime, xlwt\n"
	"wb = xlwt.Workbook(encoding='utf-8')\n"
	"ws = wb.add_sheet('顧客一覧')\n"
	"for c, h in enumerate(['顧客番号', '氏名', '個人番号', '生年月日']): ws.write(0, c, h)\n"
	"ws.write(1, 0, 1001); ws.write(1, 1, '山田太郎'); ws.write(1, 2, 123456789018.0)\n"
	"ws.write(1, 3, datetime.date(1980, 4, 1), xlwt.easyxf(num_format_str='yyyy/mm/dd'))\n"
	"wb.save(sys.argv[1])\n";

static void
test_xls_xlwt(void **state)
{
	om_snap *snap = conf_with("");
	char    path[300], cmd[700];
	FILE   *fp;
	om_buf  file, text;
	const char *kind;
	om_result *res;
	char    chunk[4096];
	size_t  got;

	(void) state;
	snprintf(path, sizeof(path), "%s/mkxls.py", dir);
	assert_int_equal(om_test_write(dir, "mkxls.py", xlwt_script), 0);
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 %s %s/real.xls", path, dir);
	/* python3-xlwt is installed by contrib/debian-setup.sh. */
	assert_int_equal(system(cmd), 0);
	snprintf(path, sizeof(path), "%s/real.xls", dir);
	assert_non_null(fp = fopen(path, "rb"));
	om_buf_init(&file, 0);
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		om_buf_append(&file, chunk, got);
	fclose(fp);
	assert_int_equal(extract(&file, &text, &kind), 1);
	if (strstr(text.data, "顧客番号\t氏名\t個人番号\t生年月日\n1001\t山田太郎\t123456789018\t1980/04/01\n") == NULL)
		fail_msg("xlwt text: [%s]", text.data);
	om_buf_free(&text);
	res = scan_out(snap, "顧客一覧.xls", "application/vnd.ms-excel", file.data, file.len);
	expect_read("xlwt", res, "pii.mynumber");
	om_result_free(res);
	om_buf_free(&file);
	om_snap_unref(snap);
}

/* slurp - a file into b */
static void
slurp(const char *path, om_buf *b)
{
	FILE   *fp = fopen(path, "rb");
	char    chunk[4096];
	size_t  got;

	if (fp == NULL)
		fail_msg("%s: cannot open", path);
	om_buf_init(b, 0);
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		om_buf_append(b, chunk, got);
	fclose(fp);
}

/* Files written by LibreOffice (tests/office/make-fixtures.sh). */
static void
test_libreoffice(void **state)
{
	static const struct {
		const char *file, *type, *kind, *text;
	} cases[] = {
		{"cust.xls", "application/vnd.ms-excel", "xls",
		 "顧客番号\t氏名\t電話番号\t住所\t個人番号\n"
		 "1001\t山田太郎\t090-1234-5678\t東京都千代田区千代田1-1\t123456789018\n"},
		{"memo.doc", "application/msword", "doc",
		 "契約者一覧\n氏名 山田太郎\n個人番号 123456789018\n電話 090-1234-5678\n"},
	};
	om_snap *snap = conf_with("");

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char    path[512];
		om_buf  file, text;
		const char *kind;
		om_result *res;

		snprintf(path, sizeof(path), "%s/%s", OM_OFFICE_SRCDIR, cases[i].file);
		slurp(path, &file);
		assert_int_equal(extract(&file, &text, &kind), 1);
		assert_string_equal(kind, cases[i].kind);
		if (strstr(text.data, cases[i].text) == NULL)
			fail_msg("%s text: [%s]", cases[i].file, text.data);
		om_buf_free(&text);
		res = scan_out(snap, cases[i].file, cases[i].type, file.data, file.len);
		expect_read(cases[i].file, res, "pii.mynumber");
		om_result_free(res);
		om_buf_free(&file);
	}
	om_snap_unref(snap);
}

/* ppt_atom - one PowerPoint record */
static void
ppt_rec(om_buf *b, unsigned ver_inst, unsigned type, const void *data, size_t len)
{
	le16(b, ver_inst);
	le16(b, type);
	le32(b, (uint32_t) len);
	om_buf_append(b, data, len);
}

/* presentation - a PowerPoint Document stream with text atoms in containers */
static void
presentation(om_buf *ps)
{
	om_buf  chars, inner, slwt;
	static const char bytes[] = "Tel: 090-1234-5678\r";

	om_buf_init(&chars, 0);
	om_buf_init(&inner, 0);
	om_buf_init(&slwt, 0);
	utf16(&chars, "顧客: 山田太郎\r個人番号 123456789018");
	ppt_rec(&slwt, 0, 0x0f9f, "\0\0\0\0", 4);	/* TextHeaderAtom */
	ppt_rec(&slwt, 0, 0x0fa0, chars.data, chars.len);
	ppt_rec(&slwt, 0, 0x0f9f, "\1\0\0\0", 4);
	ppt_rec(&slwt, 0, 0x0fa8, bytes, sizeof(bytes) - 1);
	ppt_rec(&inner, 0x000f, 0x0ff0, slwt.data, slwt.len);	/* SlideListWithText */
	om_buf_init(ps, 0);
	ppt_rec(ps, 0x000f, 0x03e8, inner.data, inner.len);	/* DocumentContainer */
	ppt_rec(ps, 0, 0x0ff5, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 28);
	om_buf_free(&chars);
	om_buf_free(&inner);
	om_buf_free(&slwt);
}

static void
test_ppt(void **state)
{
	om_snap *snap = conf_with("");
	om_buf  ps, ole, text;
	ole_stream st[2];
	const char *kind;
	om_result *res;

	(void) state;
	presentation(&ps);
	st[0] = (ole_stream) {"Current User", "\0\0\0\0", 4};
	st[1] = (ole_stream) {"PowerPoint Document", ps.data, ps.len};
	ole_build(st, 2, &ole);
	assert_int_equal(extract(&ole, &text, &kind), 1);
	assert_string_equal(kind, "ppt");
	if (strstr(text.data, "顧客: 山田太郎\n個人番号 123456789018\n") == NULL
	    || strstr(text.data, "Tel: 090-1234-5678\n") == NULL)
		fail_msg("ppt text: [%s]", text.data);
	om_buf_free(&text);
	res = scan_out(snap, "提案.ppt", "application/vnd.ms-powerpoint", ole.data, ole.len);
	expect_read("ppt", res, "pii.mynumber");
	om_result_free(res);
	om_buf_free(&ole);
	om_buf_free(&ps);
	om_snap_unref(snap);
}

/*
 * document - a Word 97 WordDocument stream and its 1Table: two pieces,
 * one UTF-16LE, one 8-bit (CP1252), and a field whose code is left out.
 */
static void
document(om_buf *wd, om_buf *tb)
{
	static const char narrow[] = "Tel 090-1234-5678\r";
	om_buf  u;
	size_t  n1, n2 = sizeof(narrow) - 1;

	om_buf_init(&u, 0);
	utf16(&u, "氏名 山田太郎\r個人番号 123456789018\r");
	le16(&u, 0x13);
	utf16(&u, " HYPERLINK \"http://x.example/\" ");
	le16(&u, 0x14);
	utf16(&u, "リンク");
	le16(&u, 0x15);
	utf16(&u, "\r");
	n1 = u.len / 2;
	om_buf_init(wd, 0);
	while (wd->len < 0x800)
		om_buf_putc(wd, 0);
	wd->data[0] = (char) 0xec;
	wd->data[1] = (char) 0xa5;
	wd->data[2] = (char) 0xc1;
	wd->data[0x0a] = 0x00;
	wd->data[0x0b] = 0x02;			/* fWhichTblStm: 1Table */
	set32((unsigned char *) wd->data + 0x1a2, 0);
	set32((unsigned char *) wd->data + 0x1a6, 5 + 4 * 3 + 8 * 2);
	om_buf_append(wd, u.data, u.len);	/* at 0x800 */
	om_buf_append(wd, narrow, n2);		/* at 0x800 + u.len */
	om_buf_init(tb, 0);
	om_buf_putc(tb, 0x02);
	le32(tb, 4 * 3 + 8 * 2);
	le32(tb, 0);
	le32(tb, (uint32_t) n1);
	le32(tb, (uint32_t) (n1 + n2));
	le16(tb, 0);
	le32(tb, 0x800);
	le16(tb, 0);
	le16(tb, 0);
	le32(tb, (uint32_t) ((0x800 + u.len) * 2) | 0x40000000u);
	le16(tb, 0);
	om_buf_free(&u);
}

static void
test_doc(void **state)
{
	om_snap *snap = conf_with("");
	om_buf  wd, tb, ole, text;
	ole_stream st[2];
	const char *kind;
	om_result *res;

	(void) state;
	document(&wd, &tb);
	st[0] = (ole_stream) {"WordDocument", wd.data, wd.len};
	st[1] = (ole_stream) {"1Table", tb.data, tb.len};
	ole_build(st, 2, &ole);
	assert_int_equal(extract(&ole, &text, &kind), 1);
	assert_string_equal(kind, "doc");
	if (strcmp(text.data, "氏名 山田太郎\n個人番号 123456789018\nリンク\nTel 090-1234-5678\n") != 0)
		fail_msg("doc text: [%s]", text.data);
	om_buf_free(&text);
	res = scan_out(snap, "契約.doc", "application/msword", ole.data, ole.len);
	expect_read("doc", res, "pii.mynumber");
	om_result_free(res);
	om_buf_free(&ole);
	om_buf_free(&wd);
	om_buf_free(&tb);
	om_snap_unref(snap);
}

/*
 * OLE files that cannot be read in full: a sector chain that loops, a
 * directory sector past the end, a workbook cut in the middle of a
 * record, a BIFF5 workbook, an unknown layout, an encrypted workbook
 * (FILEPASS late in the stream), an encrypted presentation.
 */
static void
test_ole_unreadable(void **state)
{
	om_snap *snap = conf_with("");
	om_buf  wb, ole, ps;
	ole_stream st[2];
	om_result *res;

	(void) state;
	workbook(&wb);
	while (wb.len < 9000) {
		om_buf  pad;

		om_buf_init(&pad, 0);
		for (int i = 0; i < 100; i++)
			om_buf_putc(&pad, 0);
		rec(&wb, 0x0000, &pad);
		om_buf_free(&pad);
	}
	st[0] = (ole_stream) {"Workbook", wb.data, wb.len};

	/* The workbook's chain loops back on itself (FAT sector 0, entry 4 -> 3). */
	ole_build(st, 1, &ole);
	/* Sectors: FAT 0, directory 1, workbook 2...; make 4 point back to 3. */
	set32((unsigned char *) ole.data + 512 + 4 * 4, 3);
	res = scan_out(snap, "loop.xls", "application/vnd.ms-excel", ole.data, ole.len);
	expect_unscannable("loop", res, "attach.corrupt");
	om_result_free(res);
	om_buf_free(&ole);

	/* First directory sector beyond the file. */
	ole_build(st, 1, &ole);
	set32((unsigned char *) ole.data + 0x30, 100000);
	res = scan_out(snap, "dir.xls", "application/vnd.ms-excel", ole.data, ole.len);
	expect_unscannable("dir", res, "attach.corrupt");
	om_result_free(res);
	om_buf_free(&ole);

	/* A workbook record that runs past its stream. */
	{
		size_t  keep = wb.len;

		wb.len = 200;
		st[0].len = wb.len;
		ole_build(st, 1, &ole);
		wb.len = keep;
		st[0].len = wb.len;
	}
	res = scan_out(snap, "cut.xls", "application/vnd.ms-excel", ole.data, ole.len);
	expect_unscannable("cut", res, "attach.corrupt");
	om_result_free(res);
	om_buf_free(&ole);

	/* BIFF5 (version 0x0500): not read, so not passed. */
	wb.data[4] = 0x00;
	wb.data[5] = 0x05;
	ole_build(st, 1, &ole);
	res = scan_out(snap, "old.xls", "application/vnd.ms-excel", ole.data, ole.len);
	expect_unscannable("biff5", res, "attach.corrupt");
	om_result_free(res);
	om_buf_free(&ole);
	wb.data[5] = 0x06;

	/* FILEPASS after the first 4096 records. */
	{
		om_buf  big, d;

		om_buf_init(&big, 0);
		om_buf_init(&d, 0);
		om_buf_append(&big, wb.data, 20);	/* BOF */
		for (int i = 0; i < 5000; i++)
			rec(&big, 0x00e0, &d);
		om_buf_putc(&d, 0);
		om_buf_putc(&d, 0);
		rec(&big, 0x002f, &d);
		om_buf_append(&big, wb.data + 20, wb.len - 20);
		st[0] = (ole_stream) {"Workbook", big.data, big.len};
		ole_build(st, 1, &ole);
		res = scan_out(snap, "locked.xls", "application/vnd.ms-excel", ole.data, ole.len);
		if (!has(res, "attach.encrypted", NULL))
			expect_unscannable("filepass", res, "attach.corrupt");
		assert_false(has(res, "pii.mynumber", NULL));
		om_result_free(res);
		om_buf_free(&ole);
		om_buf_free(&big);
		om_buf_free(&d);
	}

	/* A compound file with no document stream we know. */
	st[0] = (ole_stream) {"Contents", wb.data, wb.len};
	ole_build(st, 1, &ole);
	res = scan_out(snap, "thing.dat", "application/octet-stream", ole.data, ole.len);
	expect_unscannable("unknown", res, "attach.corrupt");
	om_result_free(res);
	om_buf_free(&ole);

	/* An encrypted presentation. */
	presentation(&ps);
	st[0] = (ole_stream) {"PowerPoint Document", ps.data, ps.len};
	st[1] = (ole_stream) {"EncryptedSummary", "\0\0\0\0", 4};
	ole_build(st, 2, &ole);
	res = scan_out(snap, "locked.ppt", "application/vnd.ms-powerpoint", ole.data, ole.len);
	expect_unscannable("ppt encrypted", res, "attach.corrupt");
	om_result_free(res);
	om_buf_free(&ole);
	om_buf_free(&ps);

	om_buf_free(&wb);
	om_snap_unref(snap);
}

/* sjis - a UTF-8 literal in CP932 */
static void
sjis(const char *utf8, om_buf *out)
{
	FILE   *fp;
	char    cmd[300], chunk[4096];
	size_t  got;

	snprintf(cmd, sizeof(cmd), "%s/in.txt", dir);
	assert_non_null(fp = fopen(cmd, "w"));
	fputs(utf8, fp);
	fclose(fp);
	snprintf(cmd, sizeof(cmd), "iconv -f UTF-8 -t CP932 %s/in.txt", dir);
	assert_non_null(fp = popen(cmd, "r"));
	om_buf_init(out, 0);
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		om_buf_append(out, chunk, got);
	assert_int_equal(pclose(fp), 0);
}

/*
 * My Number last: om_detect_pii's table rewrite puts the next column's
 * header after each value, and 電話番号 there is an exclude word.
 */
static const char csv_utf8[] =
	"顧客番号,氏名,電話番号,住所,個人番号\r\n"
	"1001,山田太郎,090-1234-5678,東京都千代田区千代田1-1,123456789018\r\n"
	"1002,佐藤花子,03-1234-5678,大阪府大阪市北区梅田1-2-3,123456789018\r\n";

/*
 * Text of any label is read: JSON, YAML, XML, TSV, a log, under their
 * types, under application/octet-stream, and with no type at all.
 */
static void
test_text_types(void **state)
{
	static const char json[] =
		"[{\"name\": \"山田太郎\", \"mynumber\": \"123456789018\", \"tel\": \"090-1234-5678\"}]\n";
	static const char yaml[] =
		"customers:\n  - name: 山田太郎\n    mynumber: \"123456789018\"\n    tel: 090-1234-5678\n";
	static const char xml[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<customers><customer><name>山田太郎</name>"
		"<mynumber>123456789018</mynumber><tel>090-1234-5678</tel></customer></customers>\n";
	static const struct {
		const char *name, *type, *text;
	} cases[] = {
		{"customers.json", "application/json", json},
		{"customers.json", "application/octet-stream", json},
		{"customers.json", NULL, json},
		{"customers.yaml", "application/x-yaml", yaml},
		{"customers.yml", "application/octet-stream", yaml},
		{"customers.xml", "application/xml", xml},
		{"export.dat", "application/octet-stream", xml},
		{"customers.log", "text/x-log", json},
	};
	om_snap *snap = conf_with("");

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		om_result *res = scan_out(snap, cases[i].name, cases[i].type, cases[i].text, strlen(cases[i].text));

		expect_read(cases[i].name, res, "pii.mynumber");
		om_result_free(res);
	}
	/* Shift_JIS TSV as a binary download, and as an Excel-labelled CSV. */
	{
		static const char *const types[] = {"application/octet-stream", "application/vnd.ms-excel",
						    "text/csv", NULL};
		om_buf  tsv, csv;
		char   *tab;

		om_buf_init(&tsv, 0);
		om_buf_puts(&tsv, csv_utf8);
		for (tab = tsv.data; (tab = strchr(tab, ',')) != NULL;)
			*tab = '\t';
		sjis(tsv.data, &csv);
		for (int k = 0; types[k]; k++) {
			om_result *res = scan_out(snap, "顧客.tsv", types[k], csv.data, csv.len);

			expect_read(types[k], res, "pii.mynumber");
			om_result_free(res);
		}
		om_buf_free(&csv);
		/* UTF-16 with a BOM: Excel's "Unicode text". */
		om_buf_reset(&csv);
		om_buf_append(&csv, "\xff\xfe", 2);
		utf16(&csv, tsv.data);
		{
			om_result *res = scan_out(snap, "unicode.txt", "text/plain", csv.data, csv.len);

			expect_read("utf-16 text/plain", res, "pii.mynumber");
			om_result_free(res);
			res = scan_out(snap, "unicode.txt", "application/octet-stream", csv.data, csv.len);
			expect_read("utf-16 octet-stream", res, "pii.mynumber");
			om_result_free(res);
		}
		om_buf_free(&csv);
		om_buf_free(&tsv);
	}
	om_snap_unref(snap);
}

/*
 * libmagic calls Shift_JIS (and EUC-JP) text that starts with 顧客番号
 * a DOS .COM executable: the clean decode wins, the list is read, and
 * it is neither an executable nor a type mismatch. A real MZ/PE file
 * is still an executable whatever its name.
 */
static void
test_weak_magic(void **state)
{
	om_snap *snap = conf_with("");
	om_buf  csv, euc;
	om_result *res;
	static const char *const types[] = {"text/csv", "application/vnd.ms-excel", "application/octet-stream", NULL};

	(void) state;
	sjis(csv_utf8, &csv);
	assert_memory_equal(csv.data, "\x8c\xda\x8b\x71", 4);
	for (int k = 0; types[k]; k++) {
		res = scan_out(snap, "顧客リスト.csv", types[k], csv.data, csv.len);
		expect_read(types[k], res, "pii.mynumber");
		om_result_free(res);
	}
	om_buf_free(&csv);
	/* EUC-JP: 顧客番号 is 0xB8 0xDC 0xB5 0xD2, another ".COM" to libmagic. */
	{
		FILE   *fp;
		char    cmd[300], chunk[4096];
		size_t  got;

		snprintf(cmd, sizeof(cmd), "iconv -f UTF-8 -t EUC-JP %s/in.txt", dir);
		assert_non_null(fp = popen(cmd, "r"));
		om_buf_init(&euc, 0);
		while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			om_buf_append(&euc, chunk, got);
		assert_int_equal(pclose(fp), 0);
		res = scan_out(snap, "顧客.csv", "application/octet-stream", euc.data, euc.len);
		expect_read("euc-jp", res, "pii.mynumber");
		om_result_free(res);
		om_buf_free(&euc);
	}
	/* A real PE file, named as a CSV: still an executable. */
	{
		unsigned char pe[512];

		memset(pe, 0, sizeof(pe));
		pe[0] = 'M';
		pe[1] = 'Z';
		pe[0x3c] = 0x80;
		memcpy(pe + 0x80, "PE\0\0\x4c\x01", 6);
		res = scan_out(snap, "顧客.csv", "text/csv", pe, sizeof(pe));
		if (!has(res, "attach.executable", "content.executable"))
			dump("pe", res);
		assert_true(has(res, "attach.executable", "content.executable"));
		om_result_free(res);
		/* An MZ stub without a PE header: libmagic's DOS executable, not text. */
		pe[0x80] = 0;
		res = scan_out(snap, "tool.dat", "application/octet-stream", pe, sizeof(pe));
		if (!has(res, "attach.executable", "content.executable"))
			dump("mz", res);
		assert_true(has(res, "attach.executable", "content.executable"));
		om_result_free(res);
	}
	om_snap_unref(snap);
}

/* docx_with - a DOCX whose document.xml holds n paragraphs, and one more member */
static void
docx_with(size_t n, int varied, const char *ename, const void *edata, size_t elen, om_buf *out)
{
	struct archive *a = archive_write_new();
	struct archive_entry *e;
	static const char ct[] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
		"package/2006/content-types\"/>";
	om_buf  xml;
	size_t  used = 0;
	unsigned long x = 1;

	om_buf_init(&xml, 0);
	om_buf_puts(&xml, "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
		    "wordprocessingml/2006/main\"><w:body>");
	for (size_t i = 0; i < n; i++) {
		if (varied) {
			x = x * 1103515245 + 12345;
			om_buf_printf(&xml, "<w:p><w:r><w:t>%lu 議事録 %lu</w:t></w:r></w:p>", x, x >> 7);
		} else
			om_buf_puts(&xml, "<w:p><w:r><w:t>本日の議事録です。</w:t></w:r></w:p>");
	}
	om_buf_puts(&xml, "</w:body></w:document>");
	om_buf_init(out, 0);
	out->size = xml.len + elen + 65536;
	out->data = malloc(out->size);
	assert_non_null(out->data);
	archive_write_set_format_zip(a);
	archive_write_open_memory(a, out->data, out->size, &used);
	e = archive_entry_new();
	archive_entry_set_pathname(e, "[Content_Types].xml");
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t) strlen(ct));
	archive_write_header(a, e);
	archive_write_data(a, ct, strlen(ct));
	archive_entry_clear(e);
	archive_entry_set_pathname(e, "word/document.xml");
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t) xml.len);
	archive_write_header(a, e);
	archive_write_data(a, xml.data, xml.len);
	if (ename) {
		archive_entry_clear(e);
		archive_entry_set_pathname(e, ename);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t) elen);
		archive_write_header(a, e);
		archive_write_data(a, edata, elen);
	}
	archive_entry_free(e);
	archive_write_close(a);
	archive_write_free(a);
	out->len = used;
	om_buf_free(&xml);
}

/* docx - a DOCX whose document.xml holds n paragraphs of text */
static void
docx(size_t n, int varied, om_buf *out)
{
	docx_with(n, varied, NULL, NULL, 0, out);
}

/*
 * A workbook embedded in a DOCX is read; so is a JSON body part with
 * no file name (inline, not an attachment, not a text type).
 */
static void
test_embedded(void **state)
{
	om_snap *snap = conf_with("");
	om_buf  wb, ole, d, m;
	ole_stream st[1];
	om_result *res;
	om_envelope env;

	(void) state;
	workbook(&wb);
	st[0] = (ole_stream) {"Workbook", wb.data, wb.len};
	ole_build(st, 1, &ole);
	docx_with(10, 0, "word/embeddings/oleObject1.bin", ole.data, ole.len, &d);
	res = scan_out(snap, "報告.docx",
		       "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d.data, d.len);
	expect_read("embedded", res, "pii.mynumber");
	om_result_free(res);
	om_buf_free(&d);
	om_buf_free(&ole);
	om_buf_free(&wb);

	om_buf_init(&m, 0);
	om_buf_puts(&m, "From: tanaka@sakura-hoken.example\nTo: kato@partner-shoji.example\n"
		    "Subject: data\nMIME-Version: 1.0\n"
		    "Content-Type: multipart/mixed; boundary=\"BB\"\n\n--BB\n"
		    "Content-Type: text/plain; charset=us-ascii\n\nsee below\n--BB\n"
		    "Content-Type: application/json\n\n"
		    "{\"name\": \"山田太郎\", \"mynumber\": \"123456789018\", \"tel\": \"090-1234-5678\"}\n"
		    "--BB--\n");
	memset(&env, 0, sizeof(env));
	res = om_engine_scan(snap, &env, m.data, m.len);
	assert_non_null(res);
	if (!has(res, "pii.mynumber", NULL))
		dump("inline json", res);
	assert_true(has(res, "pii.mynumber", NULL));
	om_result_free(res);
	om_buf_free(&m);
	om_snap_unref(snap);
}

/*
 * A DOCX whose XML expands past the limits is unscannable, not read in
 * part and accepted: the ratio at default limits, the expansion budget
 * with a small one, the text cap with a small text_size_limit.
 */
static void
test_docx_limits(void **state)
{
	om_snap *snap = conf_with("");
	om_buf  d;
	om_result *res;

	(void) state;
	docx(400000, 0, &d);			/* 25 MB of XML in about 100 KB */
	res = scan_out(snap, "bomb.docx",
		       "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d.data, d.len);
	expect_unscannable("ratio", res, "limit.archive_ratio");
	om_result_free(res);
	om_buf_free(&d);
	om_snap_unref(snap);

	snap = conf_with("archive_expanded_limit = 1m\n");
	docx(40000, 1, &d);			/* about 2.5 MB of varied XML */
	res = scan_out(snap, "big.docx", NULL, d.data, d.len);
	expect_unscannable("expanded", res, "limit.archive_expanded");
	om_result_free(res);
	om_snap_unref(snap);

	snap = conf_with("text_size_limit = 64k\n");
	res = scan_out(snap, "long.docx",
		       "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d.data, d.len);
	expect_unscannable("text", res, "limit.text_size");
	om_result_free(res);
	om_buf_free(&d);
	om_snap_unref(snap);
}

static int
setup(void **state)
{
	(void) state;
	if (mkdtemp(dir) == NULL)
		return (-1);
	om_log_open("test_office", 0, 0);
	om_engine_global_init();
	return (0);
}

static int
teardown(void **state)
{
	char    cmd[300];

	(void) state;
	om_engine_global_shutdown();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xls),
		cmocka_unit_test(test_xls_xlwt),
		cmocka_unit_test(test_libreoffice),
		cmocka_unit_test(test_ppt),
		cmocka_unit_test(test_doc),
		cmocka_unit_test(test_ole_unreadable),
		cmocka_unit_test(test_text_types),
		cmocka_unit_test(test_weak_magic),
		cmocka_unit_test(test_docx_limits),
		cmocka_unit_test(test_embedded),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
