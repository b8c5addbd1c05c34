/*
 * test_act - the verdict as a list of steps: what the milter is told
 * to do to a message, for each action, from the engine alone.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "om_test.h"
#include "om_engine.h"
#include "om_rfc2047.h"
#include "om_snap.h"

static char dir[] = "/tmp/om_test_act.XXXXXX";

#define BASE \
	"internal_domains = sakura-hoken.example\n" \
	"trusted_networks = 192.0.2.0/24\n" \
	"rules_dir = " OM_RULES_SRCDIR "\n" \
	"audit_log =\n"

/* snap_with - BASE plus extra settings */
static om_snap *
snap_with(const char *extra)
{
	char    text[2000];

	snprintf(text, sizeof(text), "%s%s", BASE, extra);
	return (om_test_conf(dir, text));
}

/* judge - scan raw as outbound mail from the firm to one outside address */
static om_result *
judge(const om_snap *snap, const char *raw, const char *ref)
{
	static const char *rcpt[] = {"client@example.com"};
	om_envelope env = {
		.from = "tanaka@sakura-hoken.example", .rcpt = rcpt, .nrcpt = 1,
		.client_addr = "192.0.2.10", .ref = ref,
	};

	return (om_engine_scan(snap, &env, raw, strlen(raw)));
}

/* count_steps - steps of this kind (and name, when not NULL) */
static size_t
count_steps(const om_result *res, om_act_kind kind, const char *name)
{
	size_t  n = 0;

	for (size_t i = 0; i < res->nacts; i++)
		if (res->acts[i].kind == kind && (name == NULL || strcmp(res->acts[i].name, name) == 0))
			n++;
	return (n);
}

/* find_step - the first step of this kind and name, or NULL */
static const om_act *
find_step(const om_result *res, om_act_kind kind, const char *name)
{
	for (size_t i = 0; i < res->nacts; i++)
		if (res->acts[i].kind == kind && (name == NULL || (res->acts[i].name
								     && strcmp(res->acts[i].name, name) == 0)))
			return (res->acts + i);
	return (NULL);
}

static int
setup(void **state)
{
	(void) state;
	om_log_open("test_act", 0, 0);
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

/* Forged copies of our headers go, last first, before ours are added. */
static void
test_own_headers_replaced(void **state)
{
	om_snap *snap = snap_with("");
	om_result *res;
	const om_act *a;

	(void) state;
	assert_non_null(snap);
	res = judge(snap, "From: tanaka@sakura-hoken.example\r\nTo: client@example.com\r\n"
		    "X-Omamori-Verdict: accept\r\nSubject: hello\r\nx-omamori-verdict: accept\r\n"
		    "X-Omamori-Ref: fake\r\n\r\nThank you for your mail.\r\n", "Q1.abc");
	assert_int_equal(res->action, OM_ACT_ACCEPT);
	assert_int_equal(count_steps(res, OM_DO_DELETE_HEADER, "X-Omamori-Verdict"), 2);
	assert_int_equal(count_steps(res, OM_DO_DELETE_HEADER, "X-Omamori-Ref"), 1);
	/* Index 2 before index 1, so the first delete does not renumber the second. */
	a = find_step(res, OM_DO_DELETE_HEADER, "X-Omamori-Verdict");
	assert_int_equal(a->index, 2);
	assert_int_equal(count_steps(res, OM_DO_ADD_HEADER, "X-Omamori-Verdict"), 1);
	assert_string_equal(find_step(res, OM_DO_ADD_HEADER, "X-Omamori-Verdict")->value, "accept");
	assert_string_equal(find_step(res, OM_DO_ADD_HEADER, "X-Omamori-Ref")->value, "Q1.abc");
	assert_null(find_step(res, OM_DO_QUARANTINE, NULL));
	assert_int_equal(count_steps(res, OM_DO_CHANGE_HEADER, NULL), 0);
	om_result_free(res);
	om_snap_unref(snap);
}

/* A tag puts subject_tag, encoded, before the Subject as the MTA has it. */
static void
test_tag_subject(void **state)
{
	om_snap *snap = snap_with("outbound_actions = recipient.freemail=tag\n");
	static const char *rcpt[] = {"someone@gmail.com"};
	om_envelope env = {
		.from = "tanaka@sakura-hoken.example", .rcpt = rcpt, .nrcpt = 1, .client_addr = "192.0.2.10",
	};
	const char *raw = "From: tanaka@sakura-hoken.example\r\nTo: someone@gmail.com\r\n"
	    "Subject: =?UTF-8?B?5L+d6Zm644Gu44GU5qGI5YaF?=\r\n\r\nHello.\r\n";
	om_result *res;
	const om_act *a;
	om_buf  want;

	(void) state;
	assert_non_null(snap);
	res = om_engine_scan(snap, &env, raw, strlen(raw));
	assert_int_equal(res->action, OM_ACT_TAG);
	a = find_step(res, OM_DO_CHANGE_HEADER, "Subject");
	assert_non_null(a);
	assert_int_equal(a->index, 1);
	om_buf_init(&want, 0);
	om_rfc2047_encode(&want, "【要注意】", strlen("【要注意】"), " ", 0);
	om_buf_puts(&want, " =?UTF-8?B?5L+d6Zm644Gu44GU5qGI5YaF?=");
	assert_string_equal(a->value, want.data);
	assert_string_equal(res->subject_prefix, "【要注意】");
	om_buf_free(&want);
	om_result_free(res);

	/* Already tagged (as the decoded Subject shows): not tagged again. */
	raw = "From: tanaka@sakura-hoken.example\r\nTo: someone@gmail.com\r\n"
	    "Subject: =?UTF-8?B?44CQ6KaB5rOo5oSP44CR?= hello\r\n\r\nHello.\r\n";
	res = om_engine_scan(snap, &env, raw, strlen(raw));
	assert_int_equal(res->action, OM_ACT_TAG);
	assert_null(find_step(res, OM_DO_CHANGE_HEADER, "Subject"));
	om_result_free(res);

	/* No Subject at all: one is added. */
	raw = "From: tanaka@sakura-hoken.example\r\nTo: someone@gmail.com\r\n\r\nHello.\r\n";
	res = om_engine_scan(snap, &env, raw, strlen(raw));
	assert_non_null(find_step(res, OM_DO_ADD_HEADER, "Subject"));
	om_result_free(res);
	om_snap_unref(snap);
}

/* add-cc: the manager into the envelope and the Cc header, both required. */
static void
test_add_manager(void **state)
{
	om_snap *snap;
	om_result *res;
	const om_act *a;
	char    extra[600];

	(void) state;
	assert_int_equal(om_test_write(dir, "managers", "tanaka@sakura-hoken.example bucho@sakura-hoken.example\n"), 0);
	snprintf(extra, sizeof(extra), "manager_map = %s/managers\n", dir);
	assert_non_null(snap = snap_with(extra));
	res = judge(snap, "From: tanaka@sakura-hoken.example\r\nTo: client@example.com\r\n"
		    "Cc: kakari@sakura-hoken.example\r\nSubject: hello\r\n\r\nThank you.\r\n", NULL);
	assert_int_equal(res->action, OM_ACT_ADD_CC);
	a = find_step(res, OM_DO_ADD_RCPT, NULL);
	assert_non_null(a);
	assert_string_equal(a->value, "<bucho@sakura-hoken.example>");
	assert_true(a->required);
	a = find_step(res, OM_DO_CHANGE_HEADER, "Cc");
	assert_non_null(a);
	assert_string_equal(a->value, "kakari@sakura-hoken.example, bucho@sakura-hoken.example");
	assert_true(a->required);
	assert_null(find_step(res, OM_DO_ADD_HEADER, "X-Omamori-Ref"));
	om_result_free(res);
	om_snap_unref(snap);
}

/* A reject is its reply alone; nothing is done to a message that is refused. */
static void
test_reject_has_no_steps(void **state)
{
	om_snap *snap = snap_with("");
	om_result *res;

	(void) state;
	assert_non_null(snap);
	res = judge(snap, "From: tanaka@sakura-hoken.example\r\nTo: client@example.com\r\nSubject: list\r\n\r\n"
		    "マイナンバー 123456789018\r\nマイナンバー 987654321009\r\n", NULL);
	assert_int_equal(res->action, OM_ACT_REJECT);
	assert_non_null(res->reply);
	assert_memory_equal(res->reply, "550 5.7.1 ", 10);
	assert_int_equal(count_steps(res, OM_DO_ADD_HEADER, NULL), 0);
	assert_int_equal(count_steps(res, OM_DO_DELETE_HEADER, NULL), 0);
	assert_null(find_step(res, OM_DO_QUARANTINE, NULL));
	om_result_free(res);
	om_snap_unref(snap);
}

/*
 * A message that could not be judged gets error_action with its steps:
 * held with one verdict header (never two), our forged header replaced.
 */
static void
test_error_hold(void **state)
{
	om_snap *snap = snap_with("error_action = hold\n");
	const char raw[] = "From: x@example.com\r\nX-Omamori-Verdict: accept\r\n\r\nbody\r\n";
	om_envelope env = {.from = "x@example.com", .ref = "Q2.def"};
	om_result *res;

	(void) state;
	assert_non_null(snap);
	res = om_engine_error(snap, &env, raw, sizeof(raw) - 1, -1, "cannot write spill file");
	assert_int_equal(res->action, OM_ACT_HOLD);
	assert_true(res->internal_error);
	assert_int_equal(count_steps(res, OM_DO_ADD_HEADER, "X-Omamori-Verdict"), 1);
	assert_int_equal(count_steps(res, OM_DO_DELETE_HEADER, "X-Omamori-Verdict"), 1);
	assert_int_equal(count_steps(res, OM_DO_QUARANTINE, NULL), 1);
	assert_true(find_step(res, OM_DO_QUARANTINE, NULL)->required);
	assert_int_equal(res->on_trouble, OM_ACT_HOLD);
	om_result_free(res);

	/* Nothing kept at all: still one verdict header and the hold. */
	res = om_engine_error(snap, &env, NULL, 0, -1, "out of memory");
	assert_int_equal(count_steps(res, OM_DO_ADD_HEADER, "X-Omamori-Verdict"), 1);
	assert_int_equal(count_steps(res, OM_DO_QUARANTINE, NULL), 1);
	om_result_free(res);
	om_snap_unref(snap);
}

/* The default error_action: a tempfail reply and nothing else. */
static void
test_error_tempfail(void **state)
{
	om_snap *snap = snap_with("");
	om_envelope env = {.from = "x@example.com"};
	om_result *res;

	(void) state;
	assert_non_null(snap);
	res = om_engine_error(snap, &env, NULL, 0, -1, "scan failed");
	assert_int_equal(res->action, OM_ACT_TEMPFAIL);
	assert_non_null(res->reply);
	assert_memory_equal(res->reply, "451 4.7.1 ", 10);
	assert_int_equal(res->nacts, 0);
	om_result_free(res);
	om_snap_unref(snap);
}

/* has_finding - the result holds a finding of this category */
static int
has_finding(const om_result *res, const char *category)
{
	for (size_t i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].category, category) == 0)
			return (1);
	return (0);
}

/* many_to - a To value of n outside addresses (malloc) */
static char *
many_to(int n)
{
	om_buf  b;

	om_buf_init(&b, 0);
	for (int i = 0; i < n; i++)
		om_buf_printf(&b, "%sKokyaku %d <kokyaku%d@client%d.example>", i ? ", " : "", i, i, i);
	return (b.data);
}

/* header_value - the value of the step for header NAME at INDEX, or NULL */
static const char *
header_value(const om_result *res, om_act_kind kind, const char *name, unsigned index)
{
	for (size_t i = 0; i < res->nacts; i++)
		if (res->acts[i].kind == kind && res->acts[i].name && strcmp(res->acts[i].name, name) == 0
		    && res->acts[i].index == index)
			return (res->acts[i].value ? res->acts[i].value : "");
	return (NULL);
}

/*
 * mass_visible_action = bcc: the outside addresses leave To/Cc, the
 * envelope keeps every recipient, the message goes and the sender is
 * told; the firm's own addresses stay visible.
 */
static void
test_mass_visible_bcc(void **state)
{
	om_snap *snap = snap_with("mass_visible_action = bcc\nnotice_command = /bin/true\n");
	om_buf  raw;
	char   *to = many_to(12);
	om_result *res;
	const char *v;

	(void) state;
	assert_non_null(snap);
	om_buf_init(&raw, 0);
	om_buf_printf(&raw, "From: tanaka@sakura-hoken.example\r\nTo: %s\r\n"
		      "Cc: =?UTF-8?B?5bGx55Sw?= <yamada@sakura-hoken.example>, kokyaku99@client99.example\r\n"
		      "Subject: =?UTF-8?B?44GK55+l44KJ44Gb?=\r\n\r\nご案内です。\r\n", to);
	res = judge(snap, raw.data, NULL);
	assert_int_equal(res->action, OM_ACT_ACCEPT);
	assert_true(res->to_bcc);
	assert_true(has_finding(res, "recipient.mass_visible"));
	/* To: nobody of the firm was in it, so it becomes the sender. */
	v = header_value(res, OM_DO_CHANGE_HEADER, "To", 1);
	assert_non_null(v);
	assert_string_equal(v, "tanaka@sakura-hoken.example");
	/* Cc: the colleague stays (name and all), the customer goes. */
	v = header_value(res, OM_DO_CHANGE_HEADER, "Cc", 1);
	assert_non_null(v);
	assert_non_null(strstr(v, "yamada@sakura-hoken.example"));
	assert_null(strstr(v, "client"));
	assert_int_equal(count_steps(res, OM_DO_ADD_RCPT, NULL), 0);
	assert_int_equal(count_steps(res, OM_DO_NOTICE, NULL), 1);
	assert_null(find_step(res, OM_DO_QUARANTINE, NULL));
	om_result_free(res);
	om_buf_free(&raw);

	/* A group of customers and a second To field: both emptied. */
	om_buf_init(&raw, 0);
	om_buf_printf(&raw, "From: tanaka@sakura-hoken.example\r\nTo: clients: %s;\r\n"
		      "To: suzuki@sakura-hoken.example, z@zz.example\r\nSubject: x\r\n\r\nHello.\r\n", to);
	res = judge(snap, raw.data, NULL);
	assert_true(res->to_bcc);
	assert_string_equal(header_value(res, OM_DO_CHANGE_HEADER, "To", 2), "suzuki@sakura-hoken.example");
	assert_string_equal(header_value(res, OM_DO_CHANGE_HEADER, "To", 1), "tanaka@sakura-hoken.example");
	om_result_free(res);
	om_buf_free(&raw);
	om_snap_unref(snap);

	/* Without the setting the policy decides as before: reject, nothing rewritten. */
	snap = snap_with("");
	om_buf_init(&raw, 0);
	om_buf_printf(&raw, "From: tanaka@sakura-hoken.example\r\nTo: %s\r\nSubject: x\r\n\r\nHello.\r\n", to);
	res = judge(snap, raw.data, NULL);
	assert_int_equal(res->action, OM_ACT_REJECT);
	assert_false(res->to_bcc);
	assert_null(find_step(res, OM_DO_CHANGE_HEADER, "To"));
	om_result_free(res);
	om_buf_free(&raw);
	om_snap_unref(snap);
	free(to);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_headers_replaced),
		cmocka_unit_test(test_tag_subject),
		cmocka_unit_test(test_add_manager),
		cmocka_unit_test(test_reject_has_no_steps),
		cmocka_unit_test(test_error_hold),
		cmocka_unit_test(test_error_tempfail),
		cmocka_unit_test(test_mass_visible_bcc),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
