/*
 * test_insurers - recipient.mixed_insurers: two insurers among the
 * recipients, or one insurer's policy numbers going to another.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "om_test.h"
#include "om_engine.h"
#include "om_insurers.h"
#include "om_snap.h"

static char dir[] = "/tmp/om_test_ins.XXXXXX";
static om_snap *snap;

#define BASE \
	"internal_domains = sakura-hoken.example\n" \
	"trusted_networks = 192.0.2.0/24\n" \
	"rules_dir = " OM_RULES_SRCDIR "\n" \
	"audit_log =\n"

/* scan_to - outbound from the firm to these recipients, To header = them */
static om_result *
scan_to(const om_snap *s, const char **rcpt, size_t n, const char *body)
{
	om_envelope env = {
		.from = "tanaka@sakura-hoken.example", .rcpt = rcpt, .nrcpt = n, .client_addr = "192.0.2.10",
	};
	om_buf  raw;
	om_result *res;

	om_buf_init(&raw, 0);
	om_buf_puts(&raw, "From: tanaka@sakura-hoken.example\r\nTo: ");
	for (size_t i = 0; i < n; i++)
		om_buf_printf(&raw, "%s%s", i ? ", " : "", rcpt[i]);
	om_buf_printf(&raw, "\r\nCc: kanri@sakura-hoken.example\r\nSubject: renraku\r\n"
		      "Content-Type: text/plain; charset=UTF-8\r\n\r\n%s\r\n", body);
	res = om_engine_scan(s, &env, raw.data, raw.len);
	om_buf_free(&raw);
	return (res);
}

/* mixed - the mixed_insurers finding's rule, or NULL */
static const char *
mixed(const om_result *res)
{
	for (size_t i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].category, "recipient.mixed_insurers") == 0)
			return (res->findings[i].rule);
	return (NULL);
}

static int
setup(void **state)
{
	(void) state;
	om_log_open("test_insurers", 0, 0);
	if (mkdtemp(dir) == NULL)
		return (-1);
	snap = om_test_conf(dir, BASE);
	return (snap ? 0 : -1);
}

static int
teardown(void **state)
{
	(void) state;
	return (om_test_done(snap, dir));
}

/* The shipped list: domains and subdomains, keys. */
static void
test_list(void **state)
{
	(void) state;
	assert_non_null(snap->insurers);
	assert_true(om_insurers_count(snap->insurers) >= 4);
	assert_string_equal(om_insurers_of_domain(snap->insurers, "tmnf.jp"), "tokiomarine");
	assert_string_equal(om_insurers_of_domain(snap->insurers, "dairiten.tmnf.jp"), "tokiomarine");
	assert_null(om_insurers_of_domain(snap->insurers, "nottmnf.jp"));
	assert_null(om_insurers_of_domain(snap->insurers, "tmnf.jp.example"));
	assert_string_equal(om_insurers_named(snap->insurers, "損保ジャパン様の件", "tokiomarine"), "sompo");
	assert_null(om_insurers_named(snap->insurers, "東京海上日動様", "tokiomarine"));
}

/* Two insurers among the recipients: held (the default outbound policy). */
static void
test_two_insurers(void **state)
{
	const char *r2[] = {"tantou@tmnf.jp", "madoguchi@ms-ins.com"};
	const char *r1[] = {"tantou@tmnf.jp", "eigyo@dairiten.tmnf.jp"};
	om_result *res;

	(void) state;
	res = scan_to(snap, r2, 2, "来週の打ち合わせの件です。");
	assert_non_null(mixed(res));
	assert_string_equal(mixed(res), "recipient.mixed_insurers");
	assert_int_equal(res->action, OM_ACT_HOLD);
	om_result_free(res);
	/* Two addresses of one insurer are not a mix. */
	res = scan_to(snap, r1, 2, "来週の打ち合わせの件です。");
	assert_null(mixed(res));
	om_result_free(res);
}

/* One insurer's policy numbers named in mail to another. */
static void
test_policy_to_other(void **state)
{
	const char *ms[] = {"madoguchi@ms-ins.com"};
	const char *tm[] = {"tantou@tmnf.jp"};
	const char *body = "東京海上日動の契約の件です。\n証券番号: 8812345670\nご確認ください。";
	om_result *res;

	(void) state;
	res = scan_to(snap, ms, 1, body);
	assert_non_null(mixed(res));
	assert_string_equal(mixed(res), "recipient.mixed_insurers.policy");
	om_result_free(res);
	/* To the insurer it names: its own business. */
	res = scan_to(snap, tm, 1, body);
	assert_null(mixed(res));
	om_result_free(res);
	/* Another insurer named, but no policy number: nothing. */
	res = scan_to(snap, ms, 1, "東京海上日動さんとの勉強会のご案内です。");
	assert_null(mixed(res));
	om_result_free(res);
}

/* Mail from outside is not judged for this; the admin's list adds insurers. */
static void
test_inbound_and_admin_list(void **state)
{
	static const char *rcpt[] = {"tanaka@sakura-hoken.example"};
	om_envelope env = {.from = "x@tmnf.jp", .rcpt = rcpt, .nrcpt = 1, .client_addr = "203.0.113.5"};
	const char raw[] = "From: x@tmnf.jp\r\nTo: tanaka@sakura-hoken.example, y@ms-ins.com\r\n\r\nhi\r\n";
	const char *r2[] = {"a@tmnf.jp", "b@acme-kasai.example"};
	char    text[800], path[600];
	om_snap *s2;
	om_result *res;
	om_conf_err err;

	(void) state;
	res = om_engine_scan(snap, &env, raw, sizeof(raw) - 1);
	assert_null(mixed(res));
	om_result_free(res);

	assert_int_equal(om_test_write(dir, "extra-insurers", "acme acme-kasai.example アクメ火災\n"), 0);
	snprintf(text, sizeof(text), BASE "insurers_file = %s/extra-insurers\n", dir);
	assert_int_equal(om_test_write(dir, "a.conf", text), 0);
	snprintf(path, sizeof(path), "%s/a.conf", dir);
	assert_non_null(s2 = om_snap_load(path, OM_SNAP_SCAN, &err));
	res = scan_to(s2, r2, 2, "ご連絡です。");
	assert_non_null(mixed(res));
	om_result_free(res);
	om_snap_unref(s2);

	/* A line without a domain is an error naming the file and line. */
	assert_int_equal(om_test_write(dir, "extra-insurers", "# ok\nacme\n"), 0);
	memset(&err, 0, sizeof(err));
	assert_null(om_snap_load(path, OM_SNAP_SCAN, &err));
	assert_non_null(strstr(err.text, "extra-insurers:2:"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_two_insurers),
		cmocka_unit_test(test_policy_to_other),
		cmocka_unit_test(test_inbound_and_admin_list),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
