/*
 * test_attach - attachment findings through om_engine_scan(): the name
 * checks (double extension, blanks before the extension including
 * U+3000, every bidi control, the executable and shortcut extension
 * tables, names that only look like them), the type-mismatch table
 * (zip-based office files are not mismatches), the archive limits
 * (depth, members, expanded bytes, ratio; each with its rule id),
 * damaged archives, and member paths. Archives are written here with
 * libarchive in memory.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include "om_test.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_attach.h"
#include "om_extract.h"
#include "om_scan.h"

static char dir[] = "/tmp/om_test_attach.XXXXXX";

/* conf_with - a configuration with extra lines */
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

/* pct - RFC 2231 percent-encoding of a UTF-8 name */
static void
pct(const char *name, om_buf *out)
{
	for (const unsigned char *s = (const unsigned char *) name; *s; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')
		    || *s == '.' || *s == '-' || *s == '_')
			om_buf_putc(out, *s);
		else
			om_buf_printf(out, "%%%02X", *s);
}

/* scan_file - a mail from outside with one attachment named name */
static om_result *
scan_file(const om_snap *snap, const char *name, const void *data, size_t len)
{
	om_buf  m;
	om_envelope env;
	om_result *res;

	om_buf_init(&m, 0);
	om_buf_puts(&m, "From: a@partner-shoji.example\nTo: tanaka@sakura-hoken.example\n"
		    "Subject: file\nMIME-Version: 1.0\n"
		    "Content-Type: multipart/mixed; boundary=\"BB\"\n\n--BB\n"
		    "Content-Type: text/plain; charset=us-ascii\n\nsee attached\n--BB\n"
		    "Content-Type: application/octet-stream\n"
		    "Content-Transfer-Encoding: base64\n"
		    "Content-Disposition: attachment; filename*=UTF-8''");
	pct(name, &m);
	om_buf_puts(&m, "\n\n");
	om_test_b64(data, len, &m);
	om_buf_puts(&m, "--BB--\n");
	memset(&env, 0, sizeof(env));
	res = om_engine_scan(snap, &env, m.data, m.len);
	om_buf_free(&m);
	assert_non_null(res);
	return (res);
}

/* cats - sorted, comma-joined attach.* categories found (each once) */
static void
cats(const om_result *res, char *out, size_t size)
{
	static const char *order[] = {
		"attach.encrypted", "attach.encrypted_weak", "attach.unscannable", "attach.executable",
		"attach.shortcut", "attach.double_extension", "attach.spaces_before_ext", "attach.rlo",
		"attach.type_mismatch", NULL,
	};

	out[0] = 0;
	for (int k = 0; order[k]; k++)
		for (size_t i = 0; i < res->nfindings; i++)
			if (strcmp(res->findings[i].category, order[k]) == 0) {
				snprintf(out + strlen(out), size - strlen(out), "%s%s", out[0] ? "," : "",
					 order[k] + 7);
				break;
			}
}

/* has - a finding with this category, rule and where (NULL: any) */
static int
has(const om_result *res, const char *cat, const char *rule, const char *where)
{
	for (size_t i = 0; i < res->nfindings; i++) {
		const om_finding *f = res->findings + i;

		if (strcmp(f->category, cat) == 0 && (rule == NULL || strcmp(f->rule, rule) == 0)
		    && (where == NULL || strcmp(f->where, where) == 0))
			return (1);
	}
	return (0);
}

/* dump - the findings, for a failure message */
static void
dump(const om_result *res)
{
	for (size_t i = 0; i < res->nfindings; i++)
		fprintf(stderr, "  %s %s %s\n", res->findings[i].category, res->findings[i].rule,
			res->findings[i].where);
}

static int
setup(void **state)
{
	(void) state;
	if (mkdtemp(dir) == NULL)
		return (-1);
	om_log_open("test_attach", 0, 0);
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

/*
 * Names (RFC 2231 UTF-8 on the wire, judged decoded), content a short
 * plain text: what the name alone says.
 */
static const struct {
	const char *name;
	const char *want;
} name_cases[] = {
	/* the executable table, one by one, any case */
	{"setup.exe", "executable"}, {"a.scr", "executable"}, {"a.cpl", "executable"},
	{"a.com", "executable"}, {"a.pif", "executable"}, {"a.bat", "executable"},
	{"a.cmd", "executable"}, {"a.vbs", "executable"}, {"a.vbe", "executable"},
	{"a.js", "executable"}, {"a.jse", "executable"}, {"a.wsf", "executable"},
	{"a.wsh", "executable"}, {"a.hta", "executable"}, {"a.msi", "executable"},
	{"a.msp", "executable"}, {"a.ps1", "executable"}, {"a.jar", "executable"},
	{"a.reg", "executable"}, {"SETUP.EXE", "executable"}, {"a.Js", "executable"},
	/* trailing dots and blanks are dropped by Windows */
	{"a.exe.", "executable"}, {"a.exe  ", "executable"},
	/* shortcuts */
	{"a.lnk", "shortcut"}, {"a.url", "shortcut"}, {"a.scf", "shortcut"},
	/* double extension: a document extension before an executable one */
	{"report.pdf.exe", "executable,double_extension"},
	{"見積書.xlsx.scr", "executable,double_extension"},
	{"photo.jpg.lnk", "shortcut,double_extension"},
	{"v1.2.exe", "executable"},
	{"report.pdf.txt", ""}, {"archive.tar.gz", ""},
	/* blanks before the extension: three or more, of any kind */
	{"invoice                    .exe", "executable,spaces_before_ext"},
	{"invoice.pdf                .exe", "executable,double_extension,spaces_before_ext"},
	{"請求書\u3000\u3000\u3000\u3000.pdf", "spaces_before_ext"},
	{"a\u00a0\u00a0\u00a0.txt", "spaces_before_ext"},
	{"a\u2002\u2003\u2009.txt", "spaces_before_ext"},
	{"a  .txt", ""}, {"two words.txt", ""},
	/* every bidi control */
	{"a\u202atxt.txt", "rlo"}, {"a\u202btxt.txt", "rlo"}, {"a\u202ctxt.txt", "rlo"},
	{"a\u202dtxt.txt", "rlo"}, {"invoice\u202efdp.exe", "executable,rlo"},
	{"a\u2066txt.txt", "rlo"}, {"a\u2067txt.txt", "rlo"}, {"a\u2068txt.txt", "rlo"},
	{"a\u2069txt.txt", "rlo"}, {"a\u200ftxt.txt", ""},
	/* names that only look dangerous */
	{"www.example.com-1.eml", ""}, {"file.js.txt", ""}, {"notes.json", ""},
	{"exe", ""}, {"com", ""}, {"readme", ""}, {".bashrc", ""}, {"a.exe.txt", ""},
	{"a.comx", ""}, {"a.lnk2", ""}, {"a.docx", ""}, {"データ.csv", ""},
};

static void
test_names(void **state)
{
	static const char body[] = "hello, plain text\n";
	om_snap *snap = conf_with("");
	int     bad = 0;

	(void) state;
	for (size_t i = 0; i < sizeof(name_cases) / sizeof(name_cases[0]); i++) {
		om_result *res = scan_file(snap, name_cases[i].name, body, sizeof(body) - 1);
		char    got[256];

		cats(res, got, sizeof(got));
		if (strcmp(got, name_cases[i].want) != 0) {
			fprintf(stderr, "name '%s': got '%s', want '%s'\n", name_cases[i].name, got,
				name_cases[i].want);
			bad++;
		}
		om_result_free(res);
	}
	om_snap_unref(snap);
	assert_int_equal(bad, 0);
}

/* zip_of - an in-memory zip (or other format) of n members */
typedef struct member {
	const char *name;
	const void *data;
	size_t	len;
} member;

static unsigned char *
archive_of(int format, const member *m, int n, size_t *outlen)
{
	size_t  cap = 8 << 20, used = 0;
	unsigned char *buf = malloc(cap);
	struct archive *a = archive_write_new();

	assert_non_null(buf);
	if (format == ARCHIVE_FORMAT_ZIP)
		archive_write_set_format_zip(a);
	else
		archive_write_set_format_pax_restricted(a);
	if (format == ARCHIVE_FORMAT_TAR_GNUTAR)
		archive_write_add_filter_gzip(a);
	assert_int_equal(archive_write_open_memory(a, buf, cap, &used), ARCHIVE_OK);
	for (int i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();

		archive_entry_set_pathname(e, m[i].name);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t) m[i].len);
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		assert_int_equal(archive_write_data(a, m[i].data, m[i].len), (la_ssize_t) m[i].len);
		archive_entry_free(e);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	*outlen = used;
	return (buf);
}

/* A minimal PE: MZ header pointing at "PE\0\0". */
static unsigned char pe[256];

static void
make_pe(void)
{
	memset(pe, 0, sizeof(pe));
	pe[0] = 'M', pe[1] = 'Z', pe[0x3c] = 0x80;
	memcpy(pe + 0x80, "PE\0\0\x4c\x01", 6);
}

static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
	"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/*
 * Type mismatch: libmagic's type against the extension. A PE named
 * .pdf is one; a zip named .docx/.xlsx/.pptx/.odt is not; text and
 * images never are.
 */
static void
test_type_mismatch(void **state)
{
	om_snap *snap = conf_with("");
	unsigned char *zip, *ooxml, *tgz;
	size_t  zlen, olen, tlen;
	member  zm[] = {{"a.txt", "hello\n", 6}};
	member  om[] = {{"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>", 29},
	{"word/document.xml", "<w:document/>", 13}};
	struct {
		const char *name;
		const void *d;
		size_t	len;
		const char *want;
	}       cases[6 * 3 + 4];
	int     n = 0, bad = 0;

	(void) state;
	make_pe();
	zip = archive_of(ARCHIVE_FORMAT_ZIP, zm, 1, &zlen);
	ooxml = archive_of(ARCHIVE_FORMAT_ZIP, om, 2, &olen);
	tgz = archive_of(ARCHIVE_FORMAT_TAR_GNUTAR, zm, 1, &tlen);
#define CASE(nm, data, l, w) do { cases[n].name = nm; cases[n].d = data; cases[n].len = l; cases[n].want = w; n++; } while (0)
	CASE("invoice.pdf", pe, sizeof(pe), "executable,type_mismatch");
	CASE("photo.jpg", pe, sizeof(pe), "executable,type_mismatch");
	CASE("list.csv", pe, sizeof(pe), "executable,type_mismatch");
	CASE("doc.pdf", pdf, sizeof(pdf) - 1, "");
	CASE("doc.zip", pdf, sizeof(pdf) - 1, "type_mismatch");
	CASE("doc.docx", pdf, sizeof(pdf) - 1, "type_mismatch");
	CASE("files.zip", zip, zlen, "");
	CASE("files.pdf", zip, zlen, "type_mismatch");
	CASE("report.docx", ooxml, olen, "");
	CASE("report.xlsx", ooxml, olen, "");
	CASE("report.pptx", ooxml, olen, "");
	CASE("report.odt", ooxml, olen, "");
	CASE("report.ods", ooxml, olen, "");
	CASE("plain.docx", zip, zlen, "");
	CASE("files.tar.gz", tgz, tlen, "");
	CASE("files.zip", tgz, tlen, "type_mismatch");
	CASE("memo.pdf", "just text\n", 10, "");
	CASE("memo.xyz", pe, sizeof(pe), "executable");
	for (int i = 0; i < n; i++) {
		om_result *res = scan_file(snap, cases[i].name, cases[i].d, cases[i].len);
		char    got[256];

		cats(res, got, sizeof(got));
		if (strcmp(got, cases[i].want) != 0) {
			fprintf(stderr, "mismatch case %s #%d: got '%s', want '%s'\n", cases[i].name, i, got,
				cases[i].want);
			dump(res);
			bad++;
		}
		om_result_free(res);
	}
	free(zip), free(ooxml), free(tgz);
	om_snap_unref(snap);
	assert_int_equal(bad, 0);
}

/* fill_random - incompressible bytes */
static void
fill_random(unsigned char *d, size_t n)
{
	unsigned s = 12345;

	for (size_t i = 0; i < n; i++) {
		s = s * 1103515245u + 12345u;
		d[i] = (unsigned char) (s >> 16);
	}
}

/* nest - name.zip holding level-1 zips down to a text file */
static unsigned char *
nest(int levels, size_t *len)
{
	unsigned char *cur = (unsigned char *) strdup("deep text\n");
	size_t  clen = 10;
	char    name[32];

	for (int i = levels; i >= 1; i--) {
		member  m;
		unsigned char *next;

		snprintf(name, sizeof(name), i == levels ? "leaf.txt" : "l%d.zip", i + 1);
		m.name = name, m.data = cur, m.len = clen;
		next = archive_of(ARCHIVE_FORMAT_ZIP, &m, 1, &clen);
		free(cur);
		cur = next;
	}
	*len = clen;
	return (cur);
}

/* Archive limits: each hit reported as attach.unscannable with its rule. */
static void
test_limits(void **state)
{
	om_snap *snap;
	om_result *res;
	unsigned char *z, *big;
	size_t  zl;
	member  many[30];
	char    names[30][16];

	(void) state;
	/* depth: 6 levels against a limit of 3; 2 levels are fine */
	snap = conf_with("archive_depth_limit = 3\n");
	z = nest(6, &zl);
	res = scan_file(snap, "deep.zip", z, zl);
	if (!has(res, "attach.unscannable", "limit.archive_depth", NULL)) {
		dump(res);
		fail_msg("depth limit not reported");
	}
	om_result_free(res);
	free(z);
	z = nest(2, &zl);
	res = scan_file(snap, "shallow.zip", z, zl);
	assert_false(has(res, "attach.unscannable", NULL, NULL));
	om_result_free(res);
	free(z);
	om_snap_unref(snap);

	/* members: 30 against 20 */
	snap = conf_with("archive_member_limit = 20\n");
	for (int i = 0; i < 30; i++) {
		snprintf(names[i], sizeof(names[i]), "m%02d.txt", i);
		many[i].name = names[i], many[i].data = "x\n", many[i].len = 2;
	}
	z = archive_of(ARCHIVE_FORMAT_ZIP, many, 30, &zl);
	res = scan_file(snap, "many.zip", z, zl);
	if (!has(res, "attach.unscannable", "limit.archive_members", "attachment:many.zip")) {
		dump(res);
		fail_msg("member limit not reported");
	}
	om_result_free(res);
	free(z);
	z = archive_of(ARCHIVE_FORMAT_ZIP, many, 20, &zl);
	res = scan_file(snap, "twenty.zip", z, zl);
	assert_false(has(res, "attach.unscannable", NULL, NULL));
	om_result_free(res);
	free(z);
	om_snap_unref(snap);

	/* expanded bytes: 2 MB of random data against 1 MB */
	snap = conf_with("archive_expanded_limit = 1m\n");
	big = malloc(4 << 20);
	fill_random(big, 2 << 20);
	many[0].name = "random.bin", many[0].data = big, many[0].len = 2 << 20;
	z = archive_of(ARCHIVE_FORMAT_ZIP, many, 1, &zl);
	res = scan_file(snap, "big.zip", z, zl);
	if (!has(res, "attach.unscannable", "limit.archive_expanded", "attachment:big.zip")) {
		dump(res);
		fail_msg("expanded limit not reported");
	}
	assert_false(has(res, "attach.unscannable", "limit.archive_ratio", NULL));
	om_result_free(res);
	free(z);
	om_snap_unref(snap);

	/* ratio: 4 MB of zeros (about 1000:1) against 100 */
	snap = conf_with("archive_ratio_limit = 100\n");
	memset(big, 0, 4 << 20);
	many[0].name = "zeros.bin", many[0].data = big, many[0].len = 4 << 20;
	z = archive_of(ARCHIVE_FORMAT_ZIP, many, 1, &zl);
	res = scan_file(snap, "bomb.zip", z, zl);
	if (!has(res, "attach.unscannable", "limit.archive_ratio", "attachment:bomb.zip")) {
		dump(res);
		fail_msg("ratio limit not reported");
	}
	om_result_free(res);
	om_snap_unref(snap);
	/* the same within a ratio limit of 2000: no limit */
	snap = conf_with("archive_ratio_limit = 2000\n");
	res = scan_file(snap, "bomb.zip", z, zl);
	assert_false(has(res, "attach.unscannable", NULL, NULL));
	om_result_free(res);
	free(z);
	free(big);
	om_snap_unref(snap);
}

/* Damaged archives: a cut into member data is attach.unscannable, never clean and quiet. */
static void
test_truncated_archives(void **state)
{
	om_snap *snap = conf_with("");
	unsigned char *z, *tgz, rnd[3000];
	size_t  zl, tl;
	member  m[] = {{"a.bin", rnd, sizeof(rnd)}, {"b.bin", rnd, sizeof(rnd)}};
	int     quiet = 0;
	const unsigned char *cd;

	(void) state;
	fill_random(rnd, sizeof(rnd));
	z = archive_of(ARCHIVE_FORMAT_ZIP, m, 2, &zl);
	tgz = archive_of(ARCHIVE_FORMAT_TAR_GNUTAR, m, 2, &tl);
	/*
	 * Cuts in the member data. A cut in the central directory alone
	 * leaves every member readable (libarchive falls back to the
	 * local headers): that is scanned, not damaged.
	 */
	cd = (const unsigned char *) memmem(z, zl, "PK\1\2", 4);
	assert_non_null(cd);
	for (size_t cut = 30; cut < (size_t) (cd - z); cut += 97) {
		om_result *res = scan_file(snap, "cut.zip", z, cut);

		if (!has(res, "attach.unscannable", NULL, NULL))
			quiet++, fprintf(stderr, "zip cut at %zu: no unscannable\n", cut);
		om_result_free(res);
	}
	for (size_t cut = 20; cut < tl - 20; cut += 211) {
		om_result *res = scan_file(snap, "cut.tar.gz", tgz, cut);

		if (!has(res, "attach.unscannable", "attach.corrupt", NULL))
			quiet++, fprintf(stderr, "tgz cut at %zu: no attach.corrupt\n", cut);
		om_result_free(res);
	}
	free(z), free(tgz);
	om_snap_unref(snap);
	assert_int_equal(quiet, 0);
}

/* Member paths: outer.zip/dir/inner.csv, nested archives, findings inside. */
static void
test_member_paths(void **state)
{
	om_snap *snap = conf_with("");
	unsigned char *inner, *outer;
	size_t  il, ol;
	member  im[] = {{"fake.pdf.exe", "MZ not really\n", 14}};
	member  om[2];
	om_result *res;

	(void) state;
	inner = archive_of(ARCHIVE_FORMAT_ZIP, im, 1, &il);
	om[0].name = "dir/inner.zip", om[0].data = inner, om[0].len = il;
	om[1].name = "dir/a.lnk", om[1].data = "x", om[1].len = 1;
	outer = archive_of(ARCHIVE_FORMAT_ZIP, om, 2, &ol);
	res = scan_file(snap, "outer.zip", outer, ol);
	if (!has(res, "attach.executable", "name.executable_extension", "attachment:outer.zip/dir/inner.zip/fake.pdf.exe")
	    || !has(res, "attach.double_extension", NULL, "attachment:outer.zip/dir/inner.zip/fake.pdf.exe")
	    || !has(res, "attach.shortcut", NULL, "attachment:outer.zip/dir/a.lnk")) {
		dump(res);
		fail_msg("member paths");
	}
	om_result_free(res);
	free(inner), free(outer);
	om_snap_unref(snap);
}

/*
 * Guard: reading is two steps. om_mime_parse() makes the MIME parts and
 * leaves the archive closed; om_attach_expand() afterwards adds its
 * members behind the parse's parts, and they count against
 * archive_member_limit, not mime_part_limit.
 */
static void
test_parse_then_expand(void **state)
{
	om_snap *snap = conf_with("mime_part_limit = 3\narchive_member_limit = 2\n");
	om_conf *conf = snap->conf;
	member  zm[] = {{"a.txt", "kokyaku meibo\n", 14}, {"b.txt", "uriage\n", 7}, {"c.txt", "zaiko\n", 6}};
	unsigned char *zip;
	size_t  zl, nparse, members = 0;
	om_buf  m;
	om_msg *msg;
	int     zidx = -1;

	(void) state;
	zip = archive_of(ARCHIVE_FORMAT_ZIP, zm, 3, &zl);
	om_buf_init(&m, 0);
	om_buf_puts(&m, "From: a@partner-shoji.example\nTo: tanaka@sakura-hoken.example\n"
		    "Subject: file\nMIME-Version: 1.0\n"
		    "Content-Type: multipart/mixed; boundary=\"BB\"\n\n--BB\n"
		    "Content-Type: text/plain; charset=us-ascii\n\nsee attached\n--BB\n"
		    "Content-Type: application/zip\nContent-Transfer-Encoding: base64\n"
		    "Content-Disposition: attachment; filename=\"a.zip\"\n\n");
	om_test_b64(zip, zl, &m);
	om_buf_puts(&m, "--BB--\n");
	msg = om_mime_parse(conf, m.data, m.len);
	assert_non_null(msg);
	nparse = msg->nparts;
	assert_int_equal(nparse, 3);
	for (size_t i = 0; i < nparse; i++) {
		assert_false(msg->parts[i].flags & (OM_PART_MEMBER | OM_PART_ARCHIVE));
		if (msg->parts[i].filename && strcmp(msg->parts[i].filename, "a.zip") == 0)
			zidx = (int) i;
	}
	assert_true(zidx >= 0);
	for (size_t i = 0; i < msg->ntexts; i++)
		assert_null(strstr(msg->texts[i].where, "a.zip/"));

	om_attach_expand(conf, msg);
	assert_true(msg->parts[zidx].flags & OM_PART_ARCHIVE);
	/* Two members within the limit, the third refused: the archive says so. */
	assert_true(msg->parts[zidx].unscannable & OM_UNSCAN_MEMBERS);
	for (size_t i = 0; i < msg->nparts; i++) {
		const om_part *p = msg->parts + i;

		if (!(p->flags & OM_PART_MEMBER))
			continue;
		assert_true(i >= nparse);
		assert_int_equal(p->parent, zidx);
		assert_non_null(p->path);
		assert_int_equal(strncmp(p->path, "a.zip/", 6), 0);
		members++;
	}
	assert_int_equal(members, 2);
	assert_false(msg->limits & OM_LIMIT_PARTS);
	om_msg_free(msg);
	om_buf_free(&m);
	free(zip);
	om_snap_unref(snap);
}

/*
 * Guard: the builder (om_msg.c) is the one bound on the arrays. Parts
 * past mime_part_limit and members past archive_member_limit are
 * refused without a limit bit (the caller reports it the way its stage
 * does); a text past text_size_limit is cut, and that is reported.
 */
static void
test_msg_builder(void **state)
{
	om_snap *snap = conf_with("mime_part_limit = 2\narchive_member_limit = 1\ntext_size_limit = 1k\n");
	om_conf *conf = snap->conf;
	om_msg *msg = om_msg_new(conf, 10);
	char    big[3000];

	(void) state;
	assert_int_equal(msg->raw_size, 10);
	assert_int_equal(om_msg_add_part(msg, -1, 0, OM_PART_CONTAINER), 0);
	assert_int_equal(om_msg_add_part(msg, 0, 1, OM_PART_ATTACHMENT), 1);
	assert_int_equal(om_msg_add_part(msg, 0, 1, 0), -1);
	assert_int_equal(om_msg_add_part(msg, 1, 2, OM_PART_MEMBER), 2);
	assert_int_equal(om_msg_add_part(msg, 1, 2, OM_PART_MEMBER), -1);
	assert_int_equal(om_msg_add_part(msg, 0, 1, 0), -1);
	assert_int_equal(msg->nparts, 3);
	assert_int_equal(msg->parts[2].parent, 1);
	assert_int_equal(msg->parts[2].depth, 2);
	assert_int_equal(msg->parts[2].flags, OM_PART_MEMBER);
	assert_null(msg->parts[2].content_type);
	assert_int_equal(msg->limits, 0);

	om_msg_add_text(msg, OM_SCOPE_BODY, "body", "", 0, 1, 0);
	assert_int_equal(msg->ntexts, 0);
	om_msg_add_text(msg, OM_SCOPE_BODY, "body", "tanaka", 6, 1, 0);
	assert_int_equal(msg->ntexts, 1);
	assert_string_equal(msg->texts[0].text, "tanaka");
	assert_int_equal(msg->limits, 0);
	memset(big, 'a', sizeof(big));
	om_msg_add_text(msg, OM_SCOPE_ATTACHMENT, "attachment:x", big, sizeof(big), 1, OM_TEXT_UTF8);
	assert_int_equal(msg->ntexts, 2);
	assert_true(msg->texts[1].len < sizeof(big));
	assert_true(msg->limits & OM_LIMIT_TEXT);
	assert_true(msg->parts[1].flags & OM_PART_TRUNCATED);

	om_msg_add_link(msg, "https://example.jp/", "rinku", 1);
	assert_int_equal(msg->nlinks, 1);
	assert_int_equal(msg->links[0].part, 1);
	om_msg_free(msg);
	om_snap_unref(snap);
}

/* stub_pii - every text with "PII" in it carries personal data */
static int
stub_pii(om_scan *scan, const om_text *text, void *ctx)
{
	(void) scan;
	++*(int *) ctx;
	return (memmem(text->text, text->len, "PII", 3) != NULL);
}

/*
 * attach.pii_unencrypted through om_attach_pii_judge() with a stub
 * scorer: named after the file, only outbound to an external
 * recipient, never for an encrypted file (and a marker is not one).
 */
static void
test_pii_judge(void **state)
{
	om_snap *snap = conf_with("");
	static const struct {
		const char *name;
		const char *body;
		int	outbound;
		int	want;
	} cases[] = {
		{"list.csv", "PII row\n", 1, 1},
		{"memo.txt", "nothing here\n", 1, 0},
		{"list.csv", "PII row\n", 0, 0},
		/* A PGP marker around plain text is no encryption: read and judged. */
		{"locked.txt", "-----BEGIN PGP MESSAGE-----\nPII\n-----END PGP MESSAGE-----\n", 1, 1},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		om_result *res = scan_file(snap, cases[i].name, cases[i].body, strlen(cases[i].body));
		om_scan scan;
		om_result judged;
		int     calls = 0;
		char    where[64];

		memset(&scan, 0, sizeof(scan));
		scan.snap = snap;
		scan.conf = snap->conf;
		scan.msg = res->msg;
		scan.pool = res->pool;
		scan.direction = cases[i].outbound ? OM_DIR_OUTBOUND : OM_DIR_INBOUND;
		scan.n_external = 1;
		scan.outbound_checks = cases[i].outbound;
		assert_int_equal(om_attach_pii_judge(&scan, stub_pii, &calls), 0);
		snprintf(where, sizeof(where), "attachment:%s", cases[i].name);
		memset(&judged, 0, sizeof(judged));
		judged.findings = scan.findings;
		judged.nfindings = scan.nfindings;
		if (has(&judged, "attach.pii_unencrypted", "policy.attach_pii", where) != cases[i].want)
			fail_msg("pii judge case %zu (%s)", i, cases[i].name);
		om_result_free(res);
	}
	om_snap_unref(snap);
}

/*
 * RTF with more "}" than "{" (found by fuzzing: the group depth went
 * below zero and the next "{" wrote before its stack): the text is still
 * read, and ASan/UBSan see no access outside the group stack.
 */
static void
test_rtf_unbalanced(void **state)
{
	static const char *const docs[] = {
		"}{\\rtf1\\ansi hello}",
		"{\\rtf1}}}}}{{{\\uc2{{ world}}",
		"{\\rtf1 a}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}{{{{{b}",
	};

	(void) state;
	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		om_buf  out;
		const char *kind = NULL;
		int     rc;

		om_buf_init(&out, 1 << 20);
		rc = om_extract_text((const unsigned char *) docs[i], strlen(docs[i]), "a.rtf", "text/rtf", &out, &kind);
		assert_true(rc >= 0);
		om_buf_free(&out);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_type_mismatch),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_truncated_archives),
		cmocka_unit_test(test_member_paths),
		cmocka_unit_test(test_parse_then_expand),
		cmocka_unit_test(test_msg_builder),
		cmocka_unit_test(test_pii_judge),
		cmocka_unit_test(test_rtf_unbalanced),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
