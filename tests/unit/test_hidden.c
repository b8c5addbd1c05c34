/*
 * test_hidden - text that travels with a mail but that no reader is
 * shown: HTML comments, script and style, the head's title, attribute
 * values, data: URIs, the text before the first and after the last
 * boundary, display names and free-text headers, one fragment of a
 * message/partial. Each is read (or, for
 * the fragment, reported unscannable): none may make mail clean.
 */
#include "config.h"

#include <glib.h>

#include "om_test.h"

#define HDR "From: tanaka@sakura-hoken.example\nTo: kyaku@partner-shoji.example\n" \
	"Subject: info\nMIME-Version: 1.0\n"

/* Invented customer data: My Number with a valid check digit. */
#define PII "氏名 山田 花子 様 個人番号 123456789018 携帯 090-1234-5678 " \
	"住所 〒100-0001 東京都千代田区千代田1-1 生年月日 昭和60年3月12日"

static char dir[] = "/tmp/om_test_hidden.XXXXXX";
static om_snap *snap;

static int
setup(void **state)
{
	(void) state;
	if (mkdtemp(dir) == NULL)
		return (-1);
	snap = om_test_conf(dir, "internal_domains = sakura-hoken.example\nrules_dir = " OM_RULES_SRCDIR "\n");
	return (snap ? 0 : -1);
}

static int
teardown(void **state)
{
	(void) state;
	return (om_test_done(snap, dir));
}

/* scan - the verdict on one message */
static om_result *
scan(const char *raw)
{
	om_result *res = om_engine_scan(snap, NULL, raw, strlen(raw));

	assert_non_null(res);
	return (res);
}

/* has - a finding of this category (and rule, unless NULL) */
static int
has(const om_result *res, const char *category, const char *rule)
{
	for (size_t i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].category, category) == 0
		    && (rule == NULL || strcmp(res->findings[i].rule, rule) == 0))
			return (1);
	return (0);
}

/* expect_body_pii - the message is refused for personal data in the body */
static void
expect_body_pii(const char *raw, const char *what)
{
	om_result *res = scan(raw);

	if (!has(res, "body.pii", NULL) || res->action == OM_ACT_ACCEPT)
		fail_msg("%s: personal data was not found (action %s)", what, om_action_name(res->action));
	om_result_free(res);
}

static void
test_html_hidden(void **state)
{
	(void) state;
	expect_body_pii(HDR "Content-Type: text/html; charset=utf-8\n\n"
			"<html><body><p>Hello</p><!-- " PII " --></body></html>\n", "comment");
	expect_body_pii(HDR "Content-Type: text/html; charset=utf-8\n\n"
			"<!-- " PII " --><html><body><p>Hello</p></body></html>\n", "comment before <html>");
	expect_body_pii(HDR "Content-Type: text/html; charset=utf-8\n\n"
			"<html><body><p>Hello</p><script>var d = '" PII "';</script></body></html>\n",
			"script");
	expect_body_pii(HDR "Content-Type: text/html; charset=utf-8\n\n"
			"<html><head><title>" PII "</title></head><body><p>Hello</p></body></html>\n",
			"title");
	expect_body_pii(HDR "Content-Type: text/html; charset=utf-8\n\n"
			"<html><body><p title=\"" PII "\">Hello</p></body></html>\n", "title attribute");
	expect_body_pii(HDR "Content-Type: text/html; charset=utf-8\n\n"
			"<html><body><form><input type=hidden value=\"" PII "\"></form>Hello</body></html>\n",
			"hidden input");
	expect_body_pii(HDR "Content-Type: text/html; charset=utf-8\n\n"
			"<html><body><span data-x=\"" PII "\">Hello</span></body></html>\n", "data- attribute");
}

static void
test_data_uri(void **state)
{
	static const char csv[] = "氏名,個人番号,携帯\n山田 花子,123456789018,090-1234-5678\n"
	"佐藤 一郎,987654321000,080-2345-6789\n";
	gchar  *b64 = g_base64_encode((const guchar *) csv, strlen(csv));
	gchar  *raw;
	om_result *res;

	(void) state;
	raw = g_strdup_printf(HDR "Content-Type: text/html; charset=utf-8\n\n"
			      "<html><body><p>Hello</p><a href=\"data:text/csv;base64,%s\">list</a>"
			      "</body></html>\n", b64);
	res = scan(raw);
	if (!has(res, "attach.pii_unencrypted", NULL))
		fail_msg("a customer list in a data: URI was not read");
	om_result_free(res);
	g_free(raw);

	/* Percent-encoded, on an image. */
	raw = g_strdup_printf(HDR "Content-Type: text/html; charset=utf-8\n\n"
			      "<html><body><img src=\"data:,%s\">Hello</body></html>\n",
			      "%E5%80%8B%E4%BA%BA%E7%95%AA%E5%8F%B7%20123456789018%0A"
			      "%E6%90%BA%E5%B8%AF%20090-1234-5678%0A");
	res = scan(raw);
	if (!has(res, "pii.mynumber", NULL) || res->action == OM_ACT_ACCEPT)
		fail_msg("a percent-encoded data: URI was not read");
	om_result_free(res);
	g_free(raw);
	g_free(b64);
}

static void
test_outside_boundaries(void **state)
{
	(void) state;
	expect_body_pii(HDR "Content-Type: multipart/mixed; boundary=BB\n\n" PII "\n"
			"--BB\nContent-Type: text/plain; charset=utf-8\n\nHello\n--BB--\n", "prologue");
	expect_body_pii(HDR "Content-Type: multipart/mixed; boundary=BB\n\n"
			"--BB\nContent-Type: text/plain; charset=utf-8\n\nHello\n--BB--\n" PII "\n", "epilogue");
}

static void
test_headers(void **state)
{
	om_result *res;

	(void) state;
	expect_body_pii("From: =?UTF-8?B?5bGx55Sw6Iqx5a2QIOWAi+S6uueVquWPtyAxMjM0NTY3ODkwMTg=?= <tanaka@sakura-hoken.example>\n"
			"To: kyaku@partner-shoji.example\nSubject: info\nMIME-Version: 1.0\n"
			"Content-Type: text/plain; charset=utf-8\n\nHello\n", "display name");
	expect_body_pii("From: tanaka@sakura-hoken.example\nTo: kyaku@partner-shoji.example\n"
			"Subject: info\nX-Customer: =?UTF-8?B?5YCL5Lq655Wq5Y+3IDEyMzQ1Njc4OTAxOA==?=\n"
			"Comments: =?UTF-8?B?5pC65bivIDA5MC0xMjM0LTU2Nzg=?=\nMIME-Version: 1.0\n"
			"Content-Type: text/plain; charset=utf-8\n\nHello\n", "X- header");

	/* What Outlook and the MTAs write in a header is not customer data. */
	res = scan("Received: from mail.sakura-hoken.example (10.0.0.5) by gw (192.0.2.1); Mon, 7 Dec 2026 10:00:00 +0900\n"
		   "From: =?UTF-8?B?55Sw5LitIOWkqumDjg==?= <tanaka@sakura-hoken.example>\n"
		   "To: =?UTF-8?B?5bGx55SwIOiKseWtkA==?= <kyaku@partner-shoji.example>\n"
		   "Subject: info\nDate: Mon, 7 Dec 2026 10:00:00 +0900\n"
		   "Message-ID: <TYCPR01MB1234567890123456789.jpnprd01.prod.outlook.com>\n"
		   "Thread-Index: AdnQx1234567890abcdefABCDEF==\nX-MS-Has-Attach:\n"
		   "X-Mailer: Microsoft Outlook 16.0\nX-Sender: tanaka@sakura-hoken.example\n"
		   "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
		   "いつもお世話になっております。\n");
	if (res->action != OM_ACT_ACCEPT || res->nfindings != 0)
		fail_msg("an ordinary header was not accepted clean (%s, %zu findings, first %s)",
			 om_action_name(res->action), res->nfindings,
			 res->nfindings ? res->findings[0].category : "-");
	om_result_free(res);
}

static void
test_partial(void **state)
{
	om_result *res;

	(void) state;
	res = scan(HDR "Content-Type: message/partial; id=\"abc@x.example\"; number=1; total=2\n\n"
		   HDR "Content-Type: text/plain; charset=utf-8\n\n" PII "\n");
	assert_true(has(res, "attach.unscannable", "attach.partial"));
	assert_int_not_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
}

/* What a mail client writes around an ordinary message stays clean. */
static void
test_clean_html(void **state)
{
	om_result *res;

	(void) state;
	res = scan(HDR "Content-Type: multipart/alternative; boundary=AA\n\n"
		   "This is a multi-part message in MIME format.\n"
		   "--AA\nContent-Type: text/plain; charset=utf-8\n\nいつもお世話になっております。\n"
		   "--AA\nContent-Type: text/html; charset=utf-8\n\n"
		   "<html><head><meta name=Generator content=\"Microsoft Word 15 (filtered medium)\">"
		   "<title>ご案内</title><style><!--\n@font-face {font-family:\"ＭＳ ゴシック\";}\n"
		   "p.MsoNormal {margin:0mm; font-size:10.5pt;}\n--></style>"
		   "<!--[if gte mso 9]><xml><o:shapedefaults v:ext=\"edit\" spidmax=\"1026\" /></xml><![endif]-->"
		   "</head><body lang=JA><p class=MsoNormal>いつもお世話になっております。</p>"
		   "<img src=\"cid:image001.png@01DA0000.12345678\" alt=\"logo\"></body></html>\n"
		   "--AA--\n");
	if (res->action != OM_ACT_ACCEPT || res->nfindings != 0)
		fail_msg("an ordinary HTML mail was not accepted clean (%s, %zu findings, first %s)",
			 om_action_name(res->action), res->nfindings,
			 res->nfindings ? res->findings[0].category : "-");
	om_result_free(res);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_hidden),
		cmocka_unit_test(test_data_uri),
		cmocka_unit_test(test_outside_boundaries),
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_partial),
		cmocka_unit_test(test_clean_html),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
