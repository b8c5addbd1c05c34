/*
 * test_direction - who is inside, and which way a message goes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "om_test.h"
#include "om_conf.h"
#include "om_engine.h"
#include "om_log.h"

static om_conf *conf;

static int
setup(void **state)
{
	char    path[] = "/tmp/om_test_dir.XXXXXX";
	int     fd = mkstemp(path);
	om_conf_err err;
	FILE   *fp;

	(void) state;
	if (fd < 0 || (fp = fdopen(fd, "w")) == NULL)
		return (-1);
	fputs("internal_domains = sakura-hoken.example\ntrusted_networks = 192.0.2.0/24\n"
	      "rules_dir = " OM_RULES_SRCDIR "\n", fp);
	fclose(fp);
	om_log_open("test_direction", 0, 0);
	conf = om_conf_load(path, &err);
	unlink(path);
	om_engine_global_init();
	return (conf ? 0 : -1);
}

static int
teardown(void **state)
{
	(void) state;
	return (om_test_stop(conf));
}

static const char msg_hdrs[] =
	"From: Tanaka <tanaka@sakura-hoken.example>\r\n"
	"To: customer@kokyaku.example, Suzuki <suzuki@sakura-hoken.example>\r\n"
	"Cc: partner@partner-shoji.example\r\n"
	"Subject: test\r\n"
	"\r\n"
	"body\r\n";

static const struct {
	const char *name;
	const char *from;
	const char *rcpt[3];
	const char *auth;
	const char *client;
	om_direction want;
} cases[] = {
	{"internal to external", "tanaka@sakura-hoken.example", {"a@kokyaku.example"}, NULL, NULL, OM_DIR_OUTBOUND},
	{"internal to mixed", "<tanaka@sakura-hoken.example>", {"suzuki@sakura-hoken.example", "<a@kokyaku.example>"},
	 NULL, NULL, OM_DIR_OUTBOUND},
	{"internal to internal", "tanaka@sakura-hoken.example", {"suzuki@sakura-hoken.example", "x@osaka.sakura-hoken.example"},
	 NULL, NULL, OM_DIR_INTERNAL},
	{"external to internal", "someone@gmail.com", {"tanaka@sakura-hoken.example"}, NULL, NULL, OM_DIR_INBOUND},
	{"external to external, unauthenticated", "a@kokyaku.example", {"b@partner-shoji.example"}, NULL, NULL,
	 OM_DIR_INBOUND},
	{"authenticated, external sender address", "private@gmail.com", {"b@partner-shoji.example"}, "tanaka", NULL,
	 OM_DIR_OUTBOUND},
	{"trusted network", "system@monitor.example", {"b@partner-shoji.example"}, NULL, "192.0.2.10", OM_DIR_OUTBOUND},
	{"untrusted network", "system@monitor.example", {"b@partner-shoji.example"}, NULL, "198.51.100.1",
	 OM_DIR_INBOUND},
	{"null sender to internal", "", {"tanaka@sakura-hoken.example"}, NULL, NULL, OM_DIR_INBOUND},
	{"lookalike domain is external", "tanaka@sakura-hoken.example.evil.example", {"tanaka@sakura-hoken.example"},
	 NULL, NULL, OM_DIR_INBOUND},
};

static void
test_envelope(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		om_envelope env = {0};
		size_t  n = 0;
		om_result *res;

		while (n < 3 && cases[i].rcpt[n])
			n++;
		env.from = cases[i].from;
		env.rcpt = cases[i].rcpt;
		env.nrcpt = n;
		env.auth = cases[i].auth;
		env.client_addr = cases[i].client;
		res = om_engine_scan(conf, &env, msg_hdrs, sizeof(msg_hdrs) - 1);
		if (res->direction != cases[i].want)
			fail_msg("%s: got %s, want %s", cases[i].name, om_direction_name(res->direction),
				 om_direction_name(cases[i].want));
		assert_int_equal(res->nrcpts, n);
		om_result_free(res);
	}
}

/* Without an envelope, From and To/Cc/Bcc stand in for it. */
static void
test_from_headers(void **state)
{
	om_result *res;

	(void) state;
	res = om_engine_scan(conf, NULL, msg_hdrs, sizeof(msg_hdrs) - 1);
	assert_int_equal(res->direction, OM_DIR_OUTBOUND);
	assert_string_equal(res->sender, "tanaka@sakura-hoken.example");
	assert_int_equal(res->nrcpts, 3);
	assert_string_equal(res->rcpts[0], "customer@kokyaku.example");
	assert_string_equal(res->rcpts[2], "partner@partner-shoji.example");
	assert_int_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_envelope),
		cmocka_unit_test(test_from_headers),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
