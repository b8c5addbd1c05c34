/*
 * test_new_domain - recipient.new_domain and learning through the engine:
 * the first mail to a domain is a finding and plans a register step;
 * once the step is applied the domain is known; held or refused mail
 * registers nothing; no store, no finding; a store that is down gives
 * error_action; two gateways on one Redis learn from each other.
 */
#include "config.h"

#include <unistd.h>

#include "om_test.h"
#include "om_test_redis.h"
#include "om_act.h"
#include "om_state.h"

static char dir[] = "/tmp/om_test_newdom.XXXXXX";
static int nconf;

#define BASE \
	"internal_domains = sakura-hoken.example\n" \
	"rules_dir = " OM_RULES_SRCDIR "\n"

static int
setup(void **state)
{
	(void) state;
	om_log_open("test_new_domain", 0, 0);
	om_engine_global_init();
	return (mkdtemp(dir) ? 0 : -1);
}

static int
teardown(void **state)
{
	char    cmd[600];

	(void) state;
	om_engine_global_shutdown();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

/* load - a snapshot of BASE + text, with the state store as the daemon (or scan) has it */
static om_snap *
load(const char *text, unsigned what)
{
	char    name[64], path[600];
	om_buf  b;
	om_conf_err err;
	om_snap *snap;

	om_buf_init(&b, 0);
	om_buf_printf(&b, "%s%s", BASE, text);
	snprintf(name, sizeof(name), "c%d.conf", ++nconf);
	assert_int_equal(om_test_write(dir, name, b.data), 0);
	om_buf_free(&b);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	memset(&err, 0, sizeof(err));
	snap = om_snap_load(path, OM_SNAP_SCAN | what, &err);
	if (snap == NULL)
		fprintf(stderr, "%s\n", err.text);
	assert_non_null(snap);
	return (snap);
}

/* scan - one message from the firm (or from client) to rcpts */
static om_result *
scan(const om_snap *snap, const char *client, const char *from, const char *const *rcpts, size_t n)
{
	om_buf  m;
	om_envelope env = {0};
	om_result *res;

	om_buf_init(&m, 0);
	om_buf_printf(&m, "From: %s\r\nTo: %s\r\nSubject: =?UTF-8?B?5pys5pel44Gu5omT44Gh5ZCI44KP44Gb?=\r\n"
		      "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
		      "Meeting at three tomorrow.\r\n", from, rcpts[0]);
	env.from = from;
	env.rcpt = rcpts;
	env.nrcpt = n;
	env.client_addr = client;
	res = om_engine_scan(snap, &env, m.data, m.len);
	om_buf_free(&m);
	assert_non_null(res);
	return (res);
}

/* new_domains - how many recipient.new_domain findings; does one name d */
static size_t
new_domains(const om_result *res, const char *d)
{
	size_t  n = 0, named = 0;

	for (size_t i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].category, "recipient.new_domain") == 0) {
			n++;
			assert_string_equal(res->findings[i].where, "recipients");
			assert_int_equal(res->findings[i].count, 1);
			if (d && res->findings[i].sample && strcmp(res->findings[i].sample, d) == 0)
				named++;
		}
	if (d)
		assert_int_equal(named, 1);
	return (n);
}

/* register_steps - how many register-domain steps; does one name d */
static size_t
register_steps(const om_result *res, const char *d)
{
	size_t  n = 0, named = 0;

	for (size_t i = 0; i < res->nacts; i++)
		if (res->acts[i].kind == OM_DO_REGISTER_DOMAIN) {
			n++;
			assert_string_equal(om_act_kind_name(res->acts[i].kind), "register-domain");
			if (d && strcmp(res->acts[i].value, d) == 0)
				named++;
		}
	if (d)
		assert_int_equal(named, 1);
	return (n);
}

#define FIRM	"127.0.0.1"
#define OUTSIDE	"198.51.100.7"
#define SENDER	"tanaka@sakura-hoken.example"

/* First mail to a domain: finding and step; after the step, known (and its subdomains). */
static void
test_first_then_known(void **state)
{
	const char *rcpts[] = {"a@kokyaku.example", "b@mail.torihiki.example", "c@sakura-hoken.example",
	"d@KOKYAKU.example"};
	const char *sub[] = {"e@shiten.kokyaku.example"};
	om_snap *snap;
	om_result *res;
	char    conf[700];

	(void) state;
	snprintf(conf, sizeof(conf), "state = sqlite:%s/learn/state.db\n", dir);
	snap = load(conf, OM_SNAP_STATE);
	res = scan(snap, FIRM, SENDER, rcpts, 4);
	assert_int_equal(res->direction, OM_DIR_OUTBOUND);
	assert_int_equal(res->action, OM_ACT_TAG);
	assert_int_equal(new_domains(res, "kokyaku.example"), 2);
	(void) new_domains(res, "mail.torihiki.example");
	assert_int_equal(register_steps(res, "kokyaku.example"), 2);
	(void) register_steps(res, "mail.torihiki.example");
	/* The register steps come last, after the headers. */
	assert_int_equal(res->acts[res->nacts - 1].kind, OM_DO_REGISTER_DOMAIN);
	assert_int_equal(om_act_register(snap, res, "T1"), 0);
	om_result_free(res);

	res = scan(snap, FIRM, SENDER, rcpts, 4);
	assert_int_equal(new_domains(res, NULL), 0);
	assert_int_equal(register_steps(res, NULL), 0);
	assert_int_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
	res = scan(snap, FIRM, SENDER, sub, 1);
	assert_int_equal(new_domains(res, NULL), 0);
	om_result_free(res);
	om_snap_unref(snap);
}

/* Only delivered verdicts plan the step: accept, tag, add-cc; not hold or reject. */
static void
test_which_verdicts_register(void **state)
{
	static const struct {
		const char *action;
		om_action want;
		size_t	steps;
	} cases[] = {
		{"accept", OM_ACT_ACCEPT, 1},
		{"tag", OM_ACT_TAG, 1},
		{"add-cc", OM_ACT_ADD_CC, 1},
		{"hold", OM_ACT_HOLD, 0},
		{"reject", OM_ACT_REJECT, 0},
	};
	const char *rcpts[] = {"a@kokyaku.example"};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char    conf[800];
		om_snap *snap;
		om_result *res;

		snprintf(conf, sizeof(conf), "state = sqlite:%s/verdict%zu/state.db\n"
			 "outbound_actions = recipient.new_domain=%s\n", dir, i, cases[i].action);
		snap = load(conf, OM_SNAP_STATE);
		res = scan(snap, FIRM, SENDER, rcpts, 1);
		assert_int_equal(new_domains(res, "kokyaku.example"), 1);
		assert_int_equal(res->action, cases[i].want);
		assert_int_equal(register_steps(res, NULL), cases[i].steps);
		/* Nothing planned, nothing learned: the next mail is still a first. */
		assert_int_equal(om_act_register(snap, res, "T2"), 0);
		om_result_free(res);
		res = scan(snap, FIRM, SENDER, rcpts, 1);
		assert_int_equal(new_domains(res, NULL), cases[i].steps ? 0 : 1);
		om_result_free(res);
		om_snap_unref(snap);
	}
}

/* No store configured: no finding. Inbound and internal mail: no finding. */
static void
test_not_asked(void **state)
{
	const char *out[] = {"a@kokyaku.example"};
	const char *in[] = {"tanaka@sakura-hoken.example"};
	om_snap *snap;
	om_result *res;
	char    conf[700];

	(void) state;
	snap = load("state =\n", OM_SNAP_STATE);
	assert_null(snap->state);
	res = scan(snap, FIRM, SENDER, out, 1);
	assert_int_equal(res->direction, OM_DIR_OUTBOUND);
	assert_int_equal(new_domains(res, NULL), 0);
	assert_int_equal(register_steps(res, NULL), 0);
	assert_int_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
	om_snap_unref(snap);

	snprintf(conf, sizeof(conf), "state = sqlite:%s/dirs/state.db\n", dir);
	snap = load(conf, OM_SNAP_STATE);
	res = scan(snap, OUTSIDE, "sato@kokyaku.example", in, 1);
	assert_int_equal(res->direction, OM_DIR_INBOUND);
	assert_int_equal(new_domains(res, NULL), 0);
	om_result_free(res);
	res = scan(snap, FIRM, SENDER, in, 1);
	assert_int_equal(res->direction, OM_DIR_INTERNAL);
	assert_int_equal(new_domains(res, NULL), 0);
	om_result_free(res);
	om_snap_unref(snap);
}

/* A store that cannot answer: error_action, never a clean accept. */
static void
test_store_down(void **state)
{
	const char *rcpts[] = {"a@kokyaku.example"};
	char    conf[300];
	int     port = om_test_free_port();
	om_snap *snap;
	om_result *res;

	(void) state;
	assert_true(port > 0);
	snprintf(conf, sizeof(conf), "state = redis:127.0.0.1:%d\nstate_timeout = 200\n", port);
	snap = load(conf, OM_SNAP_STATE);
	res = scan(snap, FIRM, SENDER, rcpts, 1);
	assert_int_equal(res->internal_error, 1);
	assert_int_equal(res->action, OM_ACT_TEMPFAIL);
	assert_int_equal(register_steps(res, NULL), 0);
	om_result_free(res);
	om_snap_unref(snap);

	snprintf(conf, sizeof(conf), "state = redis:127.0.0.1:%d\nstate_timeout = 200\n"
		 "error_action = hold\n", port);
	snap = load(conf, OM_SNAP_STATE);
	res = scan(snap, FIRM, SENDER, rcpts, 1);
	assert_int_equal(res->action, OM_ACT_HOLD);
	assert_int_equal(register_steps(res, NULL), 0);
	om_result_free(res);
	om_snap_unref(snap);
}

/* Two gateways on one Redis: what one delivers, the other knows. */
static void
test_shared_redis(void **state)
{
	const char *rcpts[] = {"a@kokyaku.example"};
	om_test_redis rs;
	char    conf[300];
	om_snap *a, *b;
	om_result *res;

	(void) state;
	if (!om_test_redis_installed()) {
		print_message("redis-server is not installed: skipped\n");
		skip();
	}
	assert_int_equal(om_test_redis_start(&rs, 0), 0);
	snprintf(conf, sizeof(conf), "state = %s\n", rs.spec);
	a = load(conf, OM_SNAP_STATE);
	b = load(conf, OM_SNAP_STATE);
	res = scan(b, FIRM, SENDER, rcpts, 1);
	assert_int_equal(new_domains(res, "kokyaku.example"), 1);
	om_result_free(res);
	res = scan(a, FIRM, SENDER, rcpts, 1);
	assert_int_equal(new_domains(res, "kokyaku.example"), 1);
	assert_int_equal(om_act_register(a, res, "A1"), 0);
	om_result_free(res);
	res = scan(b, FIRM, SENDER, rcpts, 1);
	assert_int_equal(new_domains(res, NULL), 0);
	assert_int_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
	om_snap_unref(a);
	om_snap_unref(b);
	om_test_redis_stop(&rs);
}

/* As "omamori scan" opens it: read-only; the step is shown, never written; no file made. */
static void
test_scan_never_writes(void **state)
{
	const char *rcpts[] = {"a@kokyaku.example"};
	char    conf[700], path[600];
	om_snap *snap;
	om_result *res;

	(void) state;
	snprintf(path, sizeof(path), "%s/ro/state.db", dir);
	snprintf(conf, sizeof(conf), "state = sqlite:%s\n", path);
	snap = load(conf, OM_SNAP_STATE | OM_SNAP_STATE_RO);
	res = scan(snap, FIRM, SENDER, rcpts, 1);
	assert_int_equal(new_domains(res, "kokyaku.example"), 1);
	assert_int_equal(register_steps(res, "kokyaku.example"), 1);
	assert_int_equal(om_act_register(snap, res, "S1"), 1);
	om_result_free(res);
	om_snap_unref(snap);
	assert_int_equal(access(path, F_OK), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_then_known),
		cmocka_unit_test(test_which_verdicts_register),
		cmocka_unit_test(test_not_asked),
		cmocka_unit_test(test_store_down),
		cmocka_unit_test(test_shared_redis),
		cmocka_unit_test(test_scan_never_writes),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
