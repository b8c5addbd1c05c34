/*
 * test_mime - the parsed model: texts and scopes, alternatives, links,
 * file names in every encoding, nested messages, limits.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "om_test.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_msg.h"
#include "om_magic.h"
#include "om_pool.h"
#include "om_sniff.h"

static om_snap *snap;

static int
setup(void **state)
{
	(void) state;
	snap = om_test_builtin("test_mime");
	return (snap ? 0 : -1);
}

static int
teardown(void **state)
{
	(void) state;
	return (om_test_stop(snap));
}

/* text_of - the first text of a scope, or NULL */
static const om_text *
text_of(const om_msg *m, om_scope scope)
{
	for (size_t i = 0; i < m->ntexts; i++)
		if (m->texts[i].scope == scope)
			return (m->texts + i);
	return (NULL);
}

static void
test_subject_and_sjis_body(void **state)
{
	static const char raw[] =
		"From: a@sakura-hoken.example\n"
		"To: b@kokyaku.example\n"
		"Subject: =?ISO-2022-JP?B?GyRCJCo4K0BRJGokTiQ0MEZGYhsoQg==?=\n"
		"MIME-Version: 1.0\n"
		"Content-Type: text/plain; charset=us-ascii\n"
		"Content-Transfer-Encoding: base64\n"
		"\n"
		"jlKTY5dsgsyTZJhigs2CT4JYgk+CxYK3gUI=\n";
	om_msg *m;
	const om_text *t;

	(void) state;
	m = om_test_parse(snap->conf, raw, sizeof(raw) - 1);
	assert_string_equal(m->subject, "お見積りのご案内");
	t = text_of(m, OM_SCOPE_BODY);
	assert_non_null(t);
	/* Mislabelled Shift_JIS, decoded, full-width digits folded. */
	assert_string_equal(t->text, "山田様の電話は090です。");
	assert_true(m->parts[0].flags & OM_PART_CHARSET_GUESS);
	assert_string_equal(m->parts[0].charset_used, "CP932");
	om_msg_free(m);
}

static void
test_alternative_and_links(void **state)
{
	static const char raw[] =
		"From: a@sakura-hoken.example\n"
		"To: b@kokyaku.example\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/alternative; boundary=\"B\"\n"
		"\n"
		"--B\n"
		"Content-Type: text/plain; charset=utf-8\n"
		"\n"
		"plain version\n"
		"--B\n"
		"Content-Type: text/html; charset=utf-8\n"
		"\n"
		"<html><head><title>t</title><style>p{}</style></head><body>"
		"<p>html&nbsp;version &#xFF10;&#xFF19;</p>"
		"<a href=\"https://evil.example/login\">https://bank.example/</a>"
		"<script>var x = 1;</script></body></html>\n"
		"--B--\n";
	om_msg *m;
	size_t  body = 0, shown = 0, hidden = 0;

	(void) state;
	m = om_test_parse(snap->conf, raw, sizeof(raw) - 1);
	for (size_t i = 0; i < m->ntexts; i++)
		if (m->texts[i].scope == OM_SCOPE_BODY) {
			body++;
			if (body == 1) {
				assert_string_equal(m->texts[i].text, "plain version");
				continue;
			}
			if (strstr(m->texts[i].text, "html version 09")) {
				/* What a reader sees, without script or style. */
				shown++;
				assert_null(strstr(m->texts[i].text, "var x"));
				assert_null(strstr(m->texts[i].text, "p{}"));
			} else if (strstr(m->texts[i].text, "var x") && strstr(m->texts[i].text, "p{}"))
				/* What travels unseen is a text of its own. */
				hidden++;
		}
	/* Every alternative is read (om_msg.h says how they are counted), the HTML's hidden text too. */
	assert_int_equal(shown, 1);
	assert_int_equal(hidden, 1);
	assert_int_equal(body, 3);
	assert_int_equal(m->nlinks, 1);
	assert_string_equal(m->links[0].href, "https://evil.example/login");
	assert_string_equal(m->links[0].text, "https://bank.example/");
	om_msg_free(m);
}

static void
test_filenames(void **state)
{
	static const char raw[] =
		"From: a@sakura-hoken.example\n"
		"To: b@kokyaku.example\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/mixed; boundary=\"B\"\n"
		"\n"
		"--B\n"
		"Content-Type: text/plain; charset=utf-8\n"
		"\n"
		"see attached\n"
		"--B\n"
		"Content-Type: application/octet-stream\n"
		"Content-Disposition: attachment;\n"
		" filename*0*=shift_jis'ja'%8C%A9%90%CF;\n"
		" filename*1*=%8F%91.pdf\n"
		"Content-Transfer-Encoding: base64\n"
		"\n"
		"JVBERi0xLjQK\n"
		"--B\n"
		"Content-Type: application/vnd.ms-excel;\n"
		" name=\"=?ISO-2022-JP?B?GyRCOFw1Ukw+Sm0bKEIueGxzeA==?=\"\n"
		"Content-Disposition: attachment\n"
		"\n"
		"x\n"
		"--B\n"
		"Content-Type: text/csv; charset=shift_jis\n"
		"Content-Disposition: attachment; filename=\"list.csv\"\n"
		"\n"
		"\x8d\x82\x8b\xb4,090-0000-0000\n"
		"--B--\n";
	om_msg *m;
	int     seen_pdf = 0, seen_xls = 0, seen_csv = 0;

	(void) state;
	m = om_test_parse(snap->conf, raw, sizeof(raw) - 1);
	for (size_t i = 0; i < m->nparts; i++) {
		const om_part *p = m->parts + i;

		if (p->filename && strcmp(p->filename, "見積書.pdf") == 0) {
			seen_pdf = 1;
			assert_true(p->flags & OM_PART_ATTACHMENT);
			assert_string_equal(p->magic_type, "application/pdf");
		}
		if (p->filename && strcmp(p->filename, "顧客名簿.xlsx") == 0)
			seen_xls = 1;
		if (p->filename && strcmp(p->filename, "list.csv") == 0)
			seen_csv = 1;
	}
	assert_true(seen_pdf);
	assert_true(seen_xls);
	assert_true(seen_csv);
	/* A text attachment is scanned, in the attachment scope. */
	{
		const om_text *t = text_of(m, OM_SCOPE_ATTACHMENT);

		assert_non_null(t);
		assert_string_equal(t->where, "attachment:list.csv");
		assert_non_null(strstr(t->text, "高橋"));
	}
	assert_non_null(text_of(m, OM_SCOPE_FILENAME));
	om_msg_free(m);
}

static void
test_forwarded_message(void **state)
{
	static const char raw[] =
		"From: a@sakura-hoken.example\n"
		"To: b@kokyaku.example\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/mixed; boundary=\"B\"\n"
		"\n"
		"--B\n"
		"Content-Type: text/plain\n"
		"\n"
		"fyi\n"
		"--B\n"
		"Content-Type: message/rfc822\n"
		"\n"
		"From: c@kokyaku.example\n"
		"Subject: inner\n"
		"\n"
		"inner body\n"
		"--B--\n";
	om_msg *m;
	int     inner = 0;

	(void) state;
	m = om_test_parse(snap->conf, raw, sizeof(raw) - 1);
	for (size_t i = 0; i < m->ntexts; i++)
		if (strstr(m->texts[i].text, "inner body")) {
			inner = 1;
			assert_int_equal(m->texts[i].scope, OM_SCOPE_ATTACHMENT);
			assert_string_equal(m->texts[i].where, "attachment:inner.eml");
		}
	assert_true(inner);
	om_msg_free(m);
}

/* nested - a message with depth levels of multipart nesting */
static char *
nested(int depth, size_t *len)
{
	om_buf  b;

	om_buf_init(&b, 0);
	om_buf_puts(&b, "From: a@x.example\nTo: b@y.example\nMIME-Version: 1.0\n");
	for (int i = 0; i < depth; i++)
		om_buf_printf(&b, "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i);
	om_buf_puts(&b, "Content-Type: text/plain\n\ndeep\n");
	for (int i = depth - 1; i >= 0; i--)
		om_buf_printf(&b, "--b%d--\n", i);
	return (om_buf_steal(&b, len));
}

static void
test_limits(void **state)
{
	size_t  len;
	char   *raw;
	om_msg *m;
	om_result *res;

	(void) state;
	/* Within the depth limit: nothing flagged. */
	raw = nested(10, &len);
	m = om_test_parse(snap->conf, raw, len);
	assert_int_equal(m->limits, 0);
	om_msg_free(m);
	free(raw);

	/* Deeper than mime_depth_limit (20). */
	raw = nested(40, &len);
	m = om_test_parse(snap->conf, raw, len);
	assert_true(m->limits & OM_LIMIT_DEPTH);
	om_msg_free(m);
	free(raw);

	/* Far deeper than anything GMime should recurse into: headers only. */
	raw = nested(50000, &len);
	m = om_test_parse(snap->conf, raw, len);
	assert_true(m->limits & OM_LIMIT_PARTS);
	assert_int_equal(m->nparts, 0);
	om_msg_free(m);

	/* And the policy makes it a finding, held outbound by default. */
	{
		const char *rcpt[] = {"b@y.example"};
		om_envelope env = {"a@x.example", rcpt, 1, "user", NULL, NULL};

		res = om_engine_scan(snap, &env, raw, len);
		assert_int_equal(res->direction, OM_DIR_OUTBOUND);
		assert_int_equal(res->nfindings, 1);
		assert_string_equal(res->findings[0].category, "attach.unscannable");
		assert_string_equal(res->findings[0].rule, "limit.mime_parts");
		assert_int_equal(res->action, OM_ACT_HOLD);
		om_result_free(res);
	}
	free(raw);
}

static void
test_garbage(void **state)
{
	static const char bin[] = "\x00\x01\x02\xff\xfe binary \x00 junk";
	om_msg *m;

	(void) state;
	m = om_test_parse(snap->conf, bin, sizeof(bin) - 1);
	assert_non_null(m);
	om_msg_free(m);
	m = om_test_parse(snap->conf, "", 0);
	assert_non_null(m);
	om_msg_free(m);
}

/* Saved mail: an mbox separator or a line of blanks before the headers. */
static void
test_preamble(void **state)
{
	static const char mbox[] = "From tanaka@sakura-hoken.example Mon Nov 16 10:00:00 2026\n"
		"From: tanaka@sakura-hoken.example\nSubject: mbox\n\nbody\n";
	static const char blanks[] = "        \nSubject: blanks\n\nbody\n";
	static const char empty_headers[] = "\nSubject: not a header\n";
	om_msg *m;

	(void) state;
	m = om_test_parse(snap->conf, mbox, sizeof(mbox) - 1);
	assert_string_equal(m->subject, "mbox");
	assert_int_equal(m->limits, 0);
	om_msg_free(m);
	m = om_test_parse(snap->conf, blanks, sizeof(blanks) - 1);
	assert_string_equal(m->subject, "blanks");
	om_msg_free(m);
	/* An empty first line ends an empty header section: the rest is body. */
	m = om_test_parse(snap->conf, empty_headers, sizeof(empty_headers) - 1);
	assert_null(m->subject);
	om_msg_free(m);
}

/*
 * Broken transfer encodings that some mail clients read anyway: the
 * part is judged by the reading that yields a real file.
 */
static void
test_lenient_encodings(void **state)
{
	static const struct {
		const char *name;
		const char *cte;
		const char *body;
		int	lenient;
	} cases[] = {
		{"stray = inside base64", "base64", "UEsD=BBQA=AABo=aWRk=ZW4u=ZXhl", 1},
		{"quoted encoding name", "\"base64\"", "UEsDBBQAAABoaWRkZW4uZXhl", 1},
		{"unknown encoding name", "x-base64;", "UEsDBBQA\r\nAABoaWRk\r\n# junk\r\nZW4uZXhl", 1},
		{"quoted-printable named otherwise", "x-qp", "PK=03=04=14=00=00=00hidden.exe", 1},
		{"uuencode under a name the parser does not know", "uue", "begin 644 a.zip\r\n24$L#!!0   !H:61D96XN97AE\r\n`\r\nend", 1},
		{"well-formed base64: read as it says", "base64", "UEsDBBQAAABoaWRkZW4uZXhl", 0},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char    raw[1024];
		om_msg *m;
		const om_part *p = NULL;
		int     count = 0;

		snprintf(raw, sizeof(raw),
			 "From: a@example.com\r\nTo: b@example.com\r\nSubject: t\r\nMIME-Version: 1.0\r\n"
			 "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
			 "--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
			 "--b\r\nContent-Type: application/octet-stream\r\n"
			 "Content-Disposition: attachment; filename=\"a.zip\"\r\n"
			 "Content-Transfer-Encoding: %s\r\n\r\n%s\r\n--b--\r\n", cases[i].cte, cases[i].body);
		m = om_test_parse(snap->conf, raw, strlen(raw));
		assert_non_null(m);
		for (size_t k = 0; k < m->nparts; k++)
			if (m->parts[k].filename && strcmp(m->parts[k].filename, "a.zip") == 0) {
				p = m->parts + k;
				count++;
			}
		if (p == NULL)
			fail_msg("%s: no a.zip part", cases[i].name);
		/* The search of the raw body must not find the same file again. */
		if (count != 1)
			fail_msg("%s: %d a.zip parts", cases[i].name, count);
		if (p->size != 18 || memcmp(p->data, "PK\003\004\024\000\000\000hidden.exe", 18) != 0)
			fail_msg("%s: decoded %zu bytes, not the file", cases[i].name, p->size);
		if (!!(p->flags & OM_PART_LENIENT) != cases[i].lenient)
			fail_msg("%s: lenient flag %d", cases[i].name, !cases[i].lenient);
		om_msg_free(m);
	}
}

/*
 * test_text_whole - om_sniff_text_whole() checks every byte: text in
 * UTF-8, Shift_JIS and ISO-2022-JP is text, a control byte anywhere
 * (even at the very end of a long buffer) is not, nor is a buffer
 * longer than the decode limit.
 */
static void
test_text_whole(void **state)
{
	static const char csv[] = "order,date,amount\nA1234567,2026-06-01,145500\n";
	static const char utf8[] = "\xe3\x81\x8a\xe5\xae\xa2\xe6\xa7\x98\n";	/* お客様 */
	static const char sjis[] = "\x82\xa8\x8b\x71\x97\x6c\r\n";			/* お客様 */
	static const char jis[] = "\x1b$B$*5RMM\x1b(B\n";				/* お客様 */
	size_t  big = OM_SNIFF_DECODE_MAX;
	unsigned char *b = malloc(big + 1);

	(void) state;
	assert_non_null(b);
	assert_true(om_sniff_text_whole((const unsigned char *) csv, sizeof(csv) - 1));
	assert_true(om_sniff_text_whole((const unsigned char *) utf8, sizeof(utf8) - 1));
	assert_true(om_sniff_text_whole((const unsigned char *) sjis, sizeof(sjis) - 1));
	assert_true(om_sniff_text_whole((const unsigned char *) jis, sizeof(jis) - 1));
	assert_false(om_sniff_text_whole((const unsigned char *) "", 0));
	for (size_t i = 0; i < big + 1; i++)
		b[i] = i % 64 == 63 ? '\n' : '0' + i % 10;
	assert_true(om_sniff_text_whole(b, big));
	assert_false(om_sniff_text_whole(b, big + 1));
	b[big - 1] = 0x01;
	assert_false(om_sniff_text_whole(b, big));
	b[big - 1] = '\n';
	b[10] = 0;
	assert_false(om_sniff_text_whole(b, big));
	free(b);
}

/*
 * test_magic_text - guard: the libmagic answers the disguise and type
 * checks read are the same on text proven by om_sniff_text_whole()
 * (libmagic's text tests left out) as the full run gives them: a
 * signature at the start (PDF, RTF, a script), JSON, and text/plain
 * for plain text, a CSV and text that libmagic alone would call a DOS
 * executable. Binary bytes still get the full run.
 */
static void
test_magic_text(void **state)
{
	static const struct {
		const char *data, *type;
	} cases[] = {
		{"order,date,amount\nA1234567,2026-06-01,145500\nA1234568,2026-06-02,2300\n", "text/plain"},
		{"{\"customer\": \"ok\", \"n\": [1, 2, 3]}\n", "application/json"},
		{"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
		 "application/pdf"},
		{"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} hello}\n", "text/rtf"},
		{"#!/bin/sh\necho hello\n", "text/x-shellscript"},
		{"\xe3\x81\x84\xe3\x81\xa4\xe3\x82\x82\xe3\x81\x8a\xe4\xb8\x96\xe8\xa9\xb1\n", "text/plain"},
		{NULL, NULL},
	};
	static const unsigned char exe[] = "MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0";
	om_pool *pool = om_pool_new();

	(void) state;
	for (int i = 0; cases[i].data; i++) {
		const char *t = om_magic_type(pool, cases[i].data, strlen(cases[i].data));

		if (t == NULL || strcmp(t, cases[i].type) != 0)
			fail_msg("case %d: %s, not %s", i, t ? t : "NULL", cases[i].type);
	}
	assert_false(om_sniff_text_whole(exe, sizeof(exe) - 1));
	om_pool_free(pool);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_subject_and_sjis_body),
		cmocka_unit_test(test_alternative_and_links),
		cmocka_unit_test(test_filenames),
		cmocka_unit_test(test_forwarded_message),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_preamble),
		cmocka_unit_test(test_lenient_encodings),
		cmocka_unit_test(test_text_whole),
		cmocka_unit_test(test_magic_text),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
