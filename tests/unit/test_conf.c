/*
 * test_conf - configuration parsing: syntax, every value type, errors
 * with file:line, policy merging, relative paths.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "om_test.h"
#include "om_conf.h"
#include "om_snap.h"
#include "om_log.h"

static char dir[] = "/tmp/om_test_conf.XXXXXX";

/* write_conf - a config file with this text; returns its path */
static const char *
write_conf(const char *name, const char *text)
{
	static char path[512];
	FILE   *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return (path);
}

static int
setup(void **state)
{
	(void) state;
	om_log_open("test_conf", 0, 0);	/* keep expected warnings quiet */
	return (mkdtemp(dir) ? 0 : -1);
}

static int
teardown(void **state)
{
	char    cmd[600];

	(void) state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

static void
test_defaults(void **state)
{
	om_conf *c = om_conf_defaults(NULL);

	(void) state;
	assert_non_null(c);
	assert_int_equal(c->conf_error_action, OM_ACT_TEMPFAIL);
	assert_int_equal(c->conf_mime_depth_limit, 20);
	assert_int_equal(c->conf_message_size_limit, 50u * 1024 * 1024);
	assert_int_equal(om_conf_policy_action(c, OM_DIR_OUTBOUND, "body.pii"), OM_ACT_REJECT);
	assert_int_equal(om_conf_policy_action(c, OM_DIR_INBOUND, "attack.theme"), OM_ACT_TAG);
	assert_int_equal(om_conf_policy_action(c, OM_DIR_OUTBOUND, "pii.phone"), OM_ACT_ACCEPT);
	assert_int_equal(c->conf_internal_domains.n, 0);
	om_conf_unref(c);
}

static void
test_syntax(void **state)
{
	om_conf_err err;
	char    p[512];

	snprintf(p, sizeof(p), "%s", write_conf("ok.conf",
				   "# comment\n"
				   "internal_domains = Sakura-Hoken.example,\n"
				   "    @branch.example  other.example\n"
				   "\n"
				   "   # indented comment\n"
				   "message_size_limit = 10m\r\n"
				   "mime_depth_limit=12\n"
				   "trusted_networks = 192.0.2.0/24, 2001:db8::/32\n"
				   "error_action = accept\n"
				   "outbound_actions = body.pii=hold, attach.*=tag\n"
				   "manager_map = managers\n"
				   "rules_dir = " OM_RULES_SRCDIR "\n"));
	om_conf *c;

	(void) state;
	write_conf("managers", "tanaka@sakura-hoken.example kanri@sakura-hoken.example\n");
	c = om_conf_load(p, &err);
	if (c == NULL)
		fail_msg("load failed: %s", err.text);
	assert_int_equal(c->conf_internal_domains.n, 3);
	assert_string_equal(c->conf_internal_domains.v[0], "sakura-hoken.example");
	assert_string_equal(c->conf_internal_domains.v[1], "branch.example");
	assert_int_equal(c->conf_message_size_limit, 10u * 1024 * 1024);
	assert_int_equal(c->conf_mime_depth_limit, 12);
	assert_int_equal(c->conf_error_action, OM_ACT_ACCEPT);
	/* Admin entries follow the built-in ones; the last match decides. */
	assert_int_equal(om_conf_policy_action(c, OM_DIR_OUTBOUND, "body.pii"), OM_ACT_HOLD);
	assert_int_equal(om_conf_policy_action(c, OM_DIR_OUTBOUND, "attach.executable"), OM_ACT_TAG);
	assert_int_equal(om_conf_policy_action(c, OM_DIR_OUTBOUND, "recipient.mass_visible"), OM_ACT_REJECT);
	/* Relative paths are relative to the config file. */
	assert_non_null(strstr(c->conf_manager_map, dir));
	assert_true(om_conf_client_trusted(c, "192.0.2.77"));
	assert_true(om_conf_client_trusted(c, "[192.0.2.1]"));
	assert_true(om_conf_client_trusted(c, "::ffff:192.0.2.5"));
	assert_true(om_conf_client_trusted(c, "IPv6:2001:db8::1"));
	assert_false(om_conf_client_trusted(c, "192.0.3.1"));
	assert_false(om_conf_client_trusted(c, "not an address"));
	om_conf_unref(c);
}

static const struct {
	const char *text;
	const char *want;		/* in the error text */
} bad[] = {
	{"no_such_key = 1\n", "bad.conf:1: unknown parameter \"no_such_key\""},
	{"\n\nmime_depth_limit = lots\n", "bad.conf:3: mime_depth_limit: \"lots\" is not a whole number"},
	{"mime_depth_limit = 0\n", "out of range"},
	{"message_size_limit = 10x\n", "is not a size"},
	{"error_action = explode\n", "is not an action"},
	{"outbound_actions = body.pii\n", "expected category=action"},
	{"outbound_actions = body.pii=maybe\n", "unknown action"},
	{"outbound_actions = Bad*Pattern=tag\n", "bad category pattern"},
	{"internal_domains = exa mple@\n", "is not a domain name"},
	{"trusted_networks = 10.0.0.0/33\n", "is not an address or network"},
	{"  indented = 1\n", "continuation line without a parameter"},
	{"just words\n", "expected \"name = value\""},
	{"reject_reply_code = 250 2.0.0\n", "is not of the form"},
	{"manager_map = /nonexistent/managers\n", "manager_map: cannot read"},
	{"socket = tcp:1234\n", "socket:"},
};

static void
test_errors(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		om_conf_err err;
		const char *p = write_conf("bad.conf", bad[i].text);
		om_conf *c = om_conf_load(p, &err);

		if (c != NULL)
			fail_msg("\"%s\" was accepted", bad[i].text);
		if (strstr(err.text, bad[i].want) == NULL)
			fail_msg("\"%s\": error \"%s\" lacks \"%s\"", bad[i].text, err.text, bad[i].want);
	}
}

/* All problems are counted, not only the first. */
static void
test_many_errors(void **state)
{
	om_conf_err err;
	const char *p = write_conf("bad.conf", "a = 1\nb = 2\nmime_depth_limit = x\n");

	(void) state;
	assert_null(om_conf_load(p, &err));
	assert_int_equal(err.count, 3);
	assert_non_null(strstr(err.text, ":1:"));
}

/* No rules is no protection: a missing rules_dir fails a snapshot that scans. */
static void
test_missing_rules(void **state)
{
	om_conf_err err;
	char    text[600];
	const char *p;
	om_conf *c;
	om_snap *s;

	(void) state;
	snprintf(text, sizeof(text), "rules_dir = /nonexistent/rules\naudit_log = %s/a.log\n"
		 "audit_key_file = %s/a.key\n", dir, dir);
	p = write_conf("norules.conf", text);
	/* The settings parse: a tool that reads only the log needs no rules. */
	assert_non_null(c = om_conf_load(p, &err));
	assert_non_null(s = om_snap_build(c, OM_SNAP_AUDIT, &err));
	assert_null(s->rules);
	assert_non_null(s->audit);
	om_snap_unref(s);
	/* A snapshot that judges mail refuses to exist without them. */
	memset(&err, 0, sizeof(err));
	assert_null(om_snap_build(c, OM_SNAP_SCAN, &err));
	assert_non_null(strstr(err.text, "rules_dir /nonexistent/rules"));
	assert_null(om_snap_load(p, OM_SNAP_RULES, &err));
	om_conf_unref(c);
}

static void
test_missing_file(void **state)
{
	om_conf_err err;

	(void) state;
	assert_null(om_conf_load("/nonexistent/omamori.conf", &err));
	assert_non_null(strstr(err.text, "/nonexistent/omamori.conf"));
}

static void
test_domains(void **state)
{
	om_conf_err err;
	om_conf *c = om_conf_load(write_conf("d.conf", "internal_domains = sakura-hoken.example\nrules_dir = " OM_RULES_SRCDIR "\n"), &err);

	(void) state;
	assert_non_null(c);
	assert_true(om_conf_addr_internal(c, "tanaka@sakura-hoken.example"));
	assert_true(om_conf_addr_internal(c, "tanaka@SAKURA-HOKEN.EXAMPLE"));
	assert_true(om_conf_addr_internal(c, "x@tokyo.sakura-hoken.example"));
	assert_false(om_conf_addr_internal(c, "x@evil-sakura-hoken.example"));
	assert_false(om_conf_addr_internal(c, "x@sakura-hoken.example.evil.example"));
	assert_false(om_conf_addr_internal(c, "no-at-sign"));
	/* Routed onward by the percent hack or a bang path: not ours. */
	assert_false(om_conf_addr_internal(c, "kyaku%gmail.example@sakura-hoken.example"));
	assert_false(om_conf_addr_internal(c, "gmail.example!kyaku@sakura-hoken.example"));
	assert_false(om_conf_addr_internal(c, ""));
	om_conf_unref(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_many_errors),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_missing_rules),
		cmocka_unit_test(test_domains),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
