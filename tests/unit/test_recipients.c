/*
 * test_recipients - om_map files and the outbound recipient rules
 * (recipient.freemail, recipient.mass_visible, cc.manager_missing).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "om_test.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_map.h"
#include "om_notice.h"

static om_snap *snap;
static char dir[] = "/tmp/om_test_rcpt.XXXXXX";

/* write_file - DIR/name with text */
static void
write_file(const char *name, const char *text)
{
	assert_int_equal(om_test_write(dir, name, text), 0);
}

static int
setup(void **state)
{
	(void) state;
	if (mkdtemp(dir) == NULL)
		return (-1);
	om_log_open("test_recipients", 0, 0);
	write_file("managers",
		   "# sender manager\n"
		   "tanaka@sakura-hoken.example  kanri@sakura-hoken.example\n"
		   "@sakura-hoken.example        bucho@sakura-hoken.example   # default\n"
		   "kanri@sakura-hoken.example   kanri@sakura-hoken.example\n");
	write_file("extra-free", "# local additions\nexample-free.example\n");
	snap = om_test_conf(dir, "internal_domains = sakura-hoken.example\n"
			    "manager_map = managers\n"
			    "freemail_domains = extra-free\n"
			    "rules_dir = " OM_TEST_RULES "\n"
			    "mass_visible_limit = 3\n"
			    "trusted_networks =\n");
	return (snap ? 0 : -1);
}

static int
teardown(void **state)
{
	(void) state;
	return (om_test_done(snap, dir));
}

/* The map file: address, @domain default, parent domains, comments. */
static void
test_map_lookup(void **state)
{
	const om_map *mm = snap->manager;
	static const struct {
		const char *addr;
		const char *want;
	} cases[] = {
		{"tanaka@sakura-hoken.example", "kanri@sakura-hoken.example"},
		{"TANAKA@Sakura-Hoken.Example", "kanri@sakura-hoken.example"},
		{"suzuki@sakura-hoken.example", "bucho@sakura-hoken.example"},
		{"sato@osaka.sakura-hoken.example", "bucho@sakura-hoken.example"},
		{"someone@partner-shoji.example", NULL},
		{"no-at-sign", NULL},
	};

	(void) state;
	assert_non_null(mm);
	assert_int_equal(om_map_count(mm), 3);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = om_map_lookup_addr(mm, cases[i].addr);

		if (cases[i].want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].want);
	}
}

/* Bad map lines are reported with file:line and fail the load. */
static void
test_map_errors(void **state)
{
	static const char *const bad[] = {
		"tanaka@sakura-hoken.example\n",
		"tanaka@sakura-hoken.example kanri@x.example extra\n",
		"a@b@c kanri@sakura-hoken.example\n",
		"tanaka@sakura-hoken.example not-an-address\n",
	};
	char    path[256];

	(void) state;
	snprintf(path, sizeof(path), "%s/bad", dir);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		om_map *m = om_map_new();
		om_conf_err err = {{0}, 0};

		write_file("bad", bad[i]);
		assert_int_equal(om_map_load(m, path, 1, &err), -1);
		assert_int_equal(err.count, 1);
		assert_non_null(strstr(err.text, ":1: "));
		om_map_free(m);
	}
}

/* A broken manager map fails the whole configuration load. */
static void
test_map_breaks_conf(void **state)
{
	char    path[256];
	om_conf_err err;

	(void) state;
	write_file("badmap", "just-one-word\n");
	write_file("bad.conf", "manager_map = badmap\nrules_dir = " OM_TEST_RULES "\n");
	snprintf(path, sizeof(path), "%s/bad.conf", dir);
	assert_null(om_snap_load(path, OM_SNAP_SCAN, &err));
	assert_non_null(strstr(err.text, "badmap:1:"));
}

/* scan - one message through the engine */
static om_result *
scan(const char *from, const char *const *rcpt, size_t nrcpt, const char *msg)
{
	om_envelope env = {0};

	env.from = from;
	env.rcpt = rcpt;
	env.nrcpt = nrcpt;
	return (om_engine_scan(snap, &env, msg, strlen(msg)));
}

/* has - the result has a finding of this category */
static const om_finding *
has(const om_result *res, const char *cat)
{
	for (size_t i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].category, cat) == 0)
			return (res->findings + i);
	return (NULL);
}

static const struct {
	const char *name;
	const char *from;
	const char *rcpt[4];
	const char *headers;
	const char *want;		/* categories, space separated, in order */
	const char *add_cc;
	om_action action;
} rcpt_cases[] = {
	{"clean outbound with the manager in Cc", "tanaka@sakura-hoken.example",
	 {"yamada@partner-shoji.example", "kanri@sakura-hoken.example"},
	 "To: yamada@partner-shoji.example\r\nCc: kanri@sakura-hoken.example\r\n", "", NULL, OM_ACT_ACCEPT},
	{"manager only in the Cc header still counts", "tanaka@sakura-hoken.example",
	 {"yamada@partner-shoji.example"},
	 "To: yamada@partner-shoji.example\r\nCc: Kanri <KANRI@sakura-hoken.example>\r\n", "", NULL, OM_ACT_ACCEPT},
	{"manager missing", "tanaka@sakura-hoken.example", {"yamada@partner-shoji.example"},
	 "To: yamada@partner-shoji.example\r\n", "cc.manager_missing", "kanri@sakura-hoken.example", OM_ACT_ADD_CC},
	{"domain default manager", "suzuki@sakura-hoken.example", {"yamada@partner-shoji.example"},
	 "To: yamada@partner-shoji.example\r\n", "cc.manager_missing", "bucho@sakura-hoken.example", OM_ACT_ADD_CC},
	{"the manager writing needs nobody", "kanri@sakura-hoken.example", {"yamada@partner-shoji.example"},
	 "To: yamada@partner-shoji.example\r\n", "", NULL, OM_ACT_ACCEPT},
	{"internal mail is not judged", "tanaka@sakura-hoken.example", {"suzuki@sakura-hoken.example"},
	 "To: suzuki@sakura-hoken.example\r\n", "", NULL, OM_ACT_ACCEPT},
	{"free mail recipient (shipped list)", "tanaka@sakura-hoken.example",
	 {"someone@gmail.com", "kanri@sakura-hoken.example"},
	 "To: someone@gmail.com\r\n", "recipient.freemail", NULL, OM_ACT_HOLD},
	{"free mail subdomain and the admin's list", "tanaka@sakura-hoken.example",
	 {"a@mail.yahoo.co.jp", "b@example-free.example", "kanri@sakura-hoken.example"},
	 "To: a@mail.yahoo.co.jp\r\n", "recipient.freemail", NULL, OM_ACT_HOLD},
	{"inbound from free mail is not recipient.freemail (one weak attack sign: accepted)", "someone@gmail.com",
	 {"tanaka@sakura-hoken.example"}, "To: tanaka@sakura-hoken.example\r\n", "attack.freemail_sender", NULL,
	 OM_ACT_ACCEPT},
	{"three visible external addresses are allowed", "tanaka@sakura-hoken.example",
	 {"a@kokyaku.example", "kanri@sakura-hoken.example"},
	 "To: a@kokyaku.example, b@kokyaku.example\r\nCc: c@kokyaku.example, suzuki@sakura-hoken.example\r\n",
	 "", NULL, OM_ACT_ACCEPT},
	{"four visible external addresses are mass mail", "tanaka@sakura-hoken.example",
	 {"a@kokyaku.example", "kanri@sakura-hoken.example"},
	 "To: a@kokyaku.example, b@kokyaku.example\r\nCc: c@kokyaku.example, d@kokyaku.example\r\n",
	 "recipient.mass_visible", NULL, OM_ACT_REJECT},
	{"duplicates count once", "tanaka@sakura-hoken.example", {"a@kokyaku.example", "kanri@sakura-hoken.example"},
	 "To: a@kokyaku.example, b@kokyaku.example, A@kokyaku.example\r\nCc: c@kokyaku.example, b@kokyaku.example\r\n",
	 "", NULL, OM_ACT_ACCEPT},
};

static void
test_recipient_rules(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(rcpt_cases) / sizeof(rcpt_cases[0]); i++) {
		char    msg[2048];
		size_t  n = 0;
		om_result *res;
		char    got[256] = "";

		while (n < 4 && rcpt_cases[i].rcpt[n])
			n++;
		snprintf(msg, sizeof(msg), "From: %s\r\n%sSubject: test\r\n\r\nhello\r\n",
			 rcpt_cases[i].from, rcpt_cases[i].headers);
		res = scan(rcpt_cases[i].from, rcpt_cases[i].rcpt, n, msg);
		assert_non_null(res);
		for (size_t k = 0; k < res->nfindings; k++) {
			if (*got)
				strcat(got, " ");
			strncat(got, res->findings[k].category, sizeof(got) - strlen(got) - 1);
		}
		if (strcmp(got, rcpt_cases[i].want) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", rcpt_cases[i].name, got, rcpt_cases[i].want);
		if (res->action != rcpt_cases[i].action)
			fail_msg("%s: action %s", rcpt_cases[i].name, om_action_name(res->action));
		if (rcpt_cases[i].add_cc)
			assert_string_equal(res->add_cc, rcpt_cases[i].add_cc);
		else
			assert_null(res->add_cc);
		om_result_free(res);
	}
}

/* Samples are masked and counts add up. */
static void
test_masking(void **state)
{
	const char *rcpt[] = {"private.person@gmail.com", "other@icloud.com", "kanri@sakura-hoken.example"};
	om_result *res;
	const om_finding *f;

	(void) state;
	res = scan("tanaka@sakura-hoken.example", rcpt, 3, "From: tanaka@sakura-hoken.example\r\n\r\nx\r\n");
	f = has(res, "recipient.freemail");
	assert_non_null(f);
	assert_int_equal(f->count, 2);
	assert_string_equal(f->sample, "***@gmail.com");
	om_result_free(res);
}

/* The notice: our header, encoded subject, words filled in, masked only. */
static void
test_notice(void **state)
{
	const char *rcpt[] = {"private.person@gmail.com", "kanri@sakura-hoken.example"};
	const char tmpl[] = "Subject: 保留 / held\n\n{SENDER}\n{FINDINGS_JA}{FINDINGS_EN}{FIX_EN}{REVIEWER} {REF} {UNKNOWN}\n";
	om_result *res;
	om_buf  b;

	(void) state;
	res = scan("tanaka@sakura-hoken.example", rcpt, 2, "From: tanaka@sakura-hoken.example\r\n\r\nx\r\n");
	assert_int_equal(res->action, OM_ACT_HOLD);
	assert_true(om_notice_wanted(snap, res));
	om_buf_init(&b, 0);
	assert_int_equal(om_notice_compose(snap, res, "REF1", tmpl, &b), 0);
	assert_non_null(strstr(b.data, "\nX-Omamori-Notice: REF1; t="));
	assert_non_null(strstr(b.data, "; mac="));
	assert_non_null(strstr(b.data, "\nTo: tanaka@sakura-hoken.example\n"));
	assert_non_null(strstr(b.data, "Subject: =?UTF-8?B?"));
	assert_non_null(strstr(b.data, "フリーメールの宛先 (recipient.freemail): 1 件、例 ***@gmail.com"));
	assert_non_null(strstr(b.data, "free-mail recipient (recipient.freemail): 1 item, e.g. ***@gmail.com"));
	assert_non_null(strstr(b.data, "- recipient.freemail: business mail must not go to free-mail addresses"));
	assert_non_null(strstr(b.data, "kanri@sakura-hoken.example REF1 {UNKNOWN}"));
	assert_null(strstr(b.data, "private.person"));
	om_buf_free(&b);

	/*
	 * A subject whose first word cannot hold a whole number of base64
	 * groups: readers that join neighbouring words (GMime) must still
	 * get all of it back.
	 */
	om_buf_init(&b, 0);
	assert_int_equal(om_notice_compose(snap, res, "REF1",
					   "Subject: [omamori] メールを送信できませんでした / Your message was stopped"
					   " ({REF})\n\nbody\n", &b), 0);
	{
		const char *sv = strstr(b.data, "\nSubject: ") + 10;
		char   *u = strndup(sv, (size_t) (strstr(sv, "\n\n") - sv)), *o = u, *dec;

		for (const char *p = u; *p; p++)
			if (!(*p == '\n' && p[1] == ' '))
				*o++ = *p;
		*o = 0;
		g_mime_init();
		dec = g_mime_utils_header_decode_text(NULL, u);
		assert_string_equal(dec, "[omamori] メールを送信できませんでした / Your message was stopped (REF1)");
		g_free(dec);
		free(u);
	}
	om_buf_free(&b);
	om_result_free(res);

	/* Inbound mail never produces a notice to the outside sender. */
	res = scan("someone@gmail.com", rcpt + 1, 1, "From: someone@gmail.com\r\n\r\nx\r\n");
	assert_false(om_notice_wanted(snap, res));
	om_result_free(res);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_lookup),
		cmocka_unit_test(test_map_errors),
		cmocka_unit_test(test_map_breaks_conf),
		cmocka_unit_test(test_recipient_rules),
		cmocka_unit_test(test_masking),
		cmocka_unit_test(test_notice),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
