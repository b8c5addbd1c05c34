/*
 * test_attack - inbound targeted-attack indicators: registrable domains,
 * anchor text hosts, brand look-alikes, hanzi outside the Japanese sets,
 * the brand file, and whole messages through the engine (findings, the
 * summed weight and the action it leads to).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "om_test.h"
#include "om_attack.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_log.h"

static om_snap *snap;
static char dir[] = "/tmp/om_test_attack.XXXXXX";

static int
setup(void **state)
{
	(void) state;
	if (mkdtemp(dir) == NULL)
		return (-1);
	om_log_open("test_attack", 0, 0);
	snap = om_test_conf(dir, "internal_domains = sakura-hoken.example\n"
			    "rules_dir = " OM_RULES_SRCDIR "\n"
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
	 "attack.credential_request attack.lookalike_url attack.url_mismatch", 6, OM_ACT_HOLD},
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
			"attack.credential_request", "attack.freemail_sender", "attack.lookalike_url",
			"attack.non_japanese_kanji", "attack.signature_mismatch", "attack.theme",
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registrable),
		cmocka_unit_test(test_text_host),
		cmocka_unit_test(test_lookalike),
		cmocka_unit_test(test_hanzi),
		cmocka_unit_test(test_brands_parse),
		cmocka_unit_test(test_messages),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
