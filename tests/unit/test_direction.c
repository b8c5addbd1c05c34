/*
 * test_direction - who is inside, which way a message goes, and which
 * sender notices are ours.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "om_test.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_notice.h"

static om_snap *snap;
static char keydir[] = "/tmp/om_test_notice.XXXXXX";

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
	      "inbound_relays = 192.0.2.25\n"
	      "rules_dir = " OM_RULES_SRCDIR "\n", fp);
	fclose(fp);
	om_log_open("test_direction", 0, 0);
	snap = om_snap_load(path, OM_SNAP_SCAN, &err);
	unlink(path);
	om_engine_global_init();
	return (snap ? 0 : -1);
}

static int
teardown(void **state)
{
	char    cmd[600];

	(void) state;
	if (keydir[sizeof(keydir) - 2] != 'X') {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", keydir);
		if (system(cmd) != 0)
			return (-1);
	}
	return (om_test_stop(snap));
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
	{"internal sender, untrusted network", "tanaka@sakura-hoken.example", {"b@partner-shoji.example"}, NULL,
	 "198.51.100.1", OM_DIR_INBOUND},
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
		res = om_engine_scan(snap, &env, msg_hdrs, sizeof(msg_hdrs) - 1);
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
	res = om_engine_scan(snap, NULL, msg_hdrs, sizeof(msg_hdrs) - 1);
	assert_int_equal(res->direction, OM_DIR_OUTBOUND);
	assert_string_equal(res->sender, "tanaka@sakura-hoken.example");
	assert_int_equal(res->nrcpts, 3);
	assert_string_equal(res->rcpts[0], "customer@kokyaku.example");
	assert_string_equal(res->rcpts[2], "partner@partner-shoji.example");
	assert_int_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
}

/*
 * The client decides, not the envelope: client x sender x recipients.
 * "auth" is an outside client that logged in (SASL); "relay" is in
 * trusted_networks and in inbound_relays (a front MX).
 */
#define TRUSTED	"192.0.2.10"
#define OUTSIDE	"198.51.100.7"
#define RELAY	"192.0.2.25"
#define S_INT	"tanaka@sakura-hoken.example"
#define S_EXT	"eigyo@kokyaku.example"
#define R_INT	"suzuki@sakura-hoken.example"
#define R_EXT	"yamada@partner-shoji.example"
#define IN	OM_DIR_INBOUND
#define OUT	OM_DIR_OUTBOUND
#define INT	OM_DIR_INTERNAL

static const struct {
	const char *client;
	const char *auth;
	const char *from;		/* "" for the null sender */
	int	rcpts;			/* 1 internal, 2 external, 3 both */
	om_direction want;
	int	spoofed;		/* attack.spoofed_internal expected */
} grid[] = {
	{TRUSTED, NULL, S_INT, 1, INT, 0}, {TRUSTED, NULL, S_INT, 2, OUT, 0}, {TRUSTED, NULL, S_INT, 3, OUT, 0},
	{TRUSTED, NULL, S_EXT, 1, INT, 0}, {TRUSTED, NULL, S_EXT, 2, OUT, 0}, {TRUSTED, NULL, S_EXT, 3, OUT, 0},
	{TRUSTED, NULL, "", 1, INT, 0}, {TRUSTED, NULL, "", 2, OUT, 0}, {TRUSTED, NULL, "", 3, OUT, 0},
	{OUTSIDE, NULL, S_INT, 1, IN, 1}, {OUTSIDE, NULL, S_INT, 2, IN, 1}, {OUTSIDE, NULL, S_INT, 3, IN, 1},
	{OUTSIDE, NULL, S_EXT, 1, IN, 0}, {OUTSIDE, NULL, S_EXT, 2, IN, 0}, {OUTSIDE, NULL, S_EXT, 3, IN, 0},
	{OUTSIDE, NULL, "", 1, IN, 0}, {OUTSIDE, NULL, "", 2, IN, 0}, {OUTSIDE, NULL, "", 3, IN, 0},
	{OUTSIDE, "tanaka", S_INT, 1, INT, 0}, {OUTSIDE, "tanaka", S_INT, 2, OUT, 0}, {OUTSIDE, "tanaka", S_INT, 3, OUT, 0},
	{OUTSIDE, "tanaka", S_EXT, 1, INT, 0}, {OUTSIDE, "tanaka", S_EXT, 2, OUT, 0}, {OUTSIDE, "tanaka", S_EXT, 3, OUT, 0},
	{OUTSIDE, "tanaka", "", 1, INT, 0}, {OUTSIDE, "tanaka", "", 2, OUT, 0}, {OUTSIDE, "tanaka", "", 3, OUT, 0},
	{RELAY, NULL, S_INT, 1, IN, 1}, {RELAY, NULL, S_INT, 2, IN, 1}, {RELAY, NULL, S_INT, 3, IN, 1},
	{RELAY, NULL, S_EXT, 1, IN, 0}, {RELAY, NULL, S_EXT, 2, IN, 0}, {RELAY, NULL, S_EXT, 3, IN, 0},
	{RELAY, NULL, "", 1, IN, 0}, {RELAY, NULL, "", 2, IN, 0}, {RELAY, NULL, "", 3, IN, 0},
};

/* has - a finding of this category, or NULL */
static const om_finding *
has(const om_result *res, const char *category)
{
	for (size_t i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].category, category) == 0)
			return (res->findings + i);
	return (NULL);
}

/* grid_msg - From: the sender (a daemon's address for the null sender) */
static char *
grid_msg(const char *from, const char *body)
{
	char   *m;

	if (asprintf(&m, "From: %s\r\nTo: %s\r\nSubject: test\r\nMIME-Version: 1.0\r\n"
		     "Content-Type: text/plain; charset=UTF-8\r\n\r\n%s\r\n",
		     *from ? from : "MAILER-DAEMON@mx.kokyaku.example", R_INT, body) < 0)
		return (NULL);
	return (m);
}

static void
test_grid(void **state)
{
	const char *rsets[4][2] = {{NULL}, {R_INT}, {R_EXT}, {R_INT, R_EXT}};

	(void) state;
	for (size_t i = 0; i < sizeof(grid) / sizeof(grid[0]); i++) {
		om_envelope env = {0};
		char   *m = grid_msg(grid[i].from, "お世話になっております。");
		om_result *res;

		env.from = grid[i].from;
		env.rcpt = rsets[grid[i].rcpts];
		env.nrcpt = grid[i].rcpts == 3 ? 2 : 1;
		env.auth = grid[i].auth;
		env.client_addr = grid[i].client;
		res = om_engine_scan(snap, &env, m, strlen(m));
		if (res->direction != grid[i].want || (has(res, "attack.spoofed_internal") != NULL) != grid[i].spoofed)
			fail_msg("row %zu (client %s%s%s, sender <%s>, rcpts %d): got %s%s, want %s%s", i,
				 grid[i].client, grid[i].auth ? " auth " : "", grid[i].auth ? grid[i].auth : "",
				 grid[i].from, grid[i].rcpts, om_direction_name(res->direction),
				 has(res, "attack.spoofed_internal") ? " spoofed" : "",
				 om_direction_name(grid[i].want), grid[i].spoofed ? " spoofed" : "");
		om_result_free(res);
		free(m);
	}
}

/* An internal From: header from an outside client is spoofing too. */
static void
test_spoofed_from_header(void **state)
{
	const char *rcpt[] = {R_INT};
	om_envelope env = {0};
	char   *m = grid_msg(S_INT, "ご確認ください。");
	om_result *res;
	const om_finding *f;

	(void) state;
	env.from = S_EXT;
	env.rcpt = rcpt;
	env.nrcpt = 1;
	env.client_addr = OUTSIDE;
	res = om_engine_scan(snap, &env, m, strlen(m));
	assert_int_equal(res->direction, OM_DIR_INBOUND);
	assert_non_null(f = has(res, "attack.spoofed_internal"));
	assert_string_equal(f->rule, "attack.spoofed_internal.from");
	assert_string_equal(f->sample, "***@sakura-hoken.example");
	om_result_free(res);
	free(m);
}

/*
 * Mail to an external recipient gets the outbound checks from any client:
 * personal data relayed from a client outside trusted_networks is refused.
 */
static void
test_relayed_pii(void **state)
{
	static const char body[] =
		"顧客情報をお送りします。\r\n氏名: 山田 花子\r\nマイナンバー: 123456789018\r\n"
		"カード番号: 4111 1111 1111 1111\r\n電話: 090-1234-5678\r\n";
	const char *ext[] = {R_EXT}, *in[] = {R_INT};
	const char *senders[] = {"", S_EXT};
	const char *clients[] = {OUTSIDE, RELAY};

	(void) state;
	for (int s = 0; s < 2; s++) {
		for (int c = 0; c < 2; c++) {
			om_envelope env = {0};
			char   *m = grid_msg(senders[s], body);
			om_result *res;

			env.from = senders[s];
			env.rcpt = ext;
			env.nrcpt = 1;
			env.client_addr = clients[c];
			res = om_engine_scan(snap, &env, m, strlen(m));
			assert_int_equal(res->direction, OM_DIR_INBOUND);
			assert_non_null(has(res, "body.pii"));
			if (res->action != OM_ACT_REJECT)
				fail_msg("sender <%s> client %s: %s, want reject", senders[s], clients[c],
					 om_action_name(res->action));
			om_result_free(res);

			/* The same to staff only is plain inbound mail. */
			env.rcpt = in;
			res = om_engine_scan(snap, &env, m, strlen(m));
			assert_int_equal(res->direction, OM_DIR_INBOUND);
			assert_int_not_equal(res->action, OM_ACT_REJECT);
			om_result_free(res);
			free(m);
		}
	}
}

/* notice_conf - a snapshot with its own notice key in keydir/NAME */
static om_snap *
notice_conf(const char *name)
{
	char    dir[200], text[1200], path[300];
	om_snap *c;

	snprintf(dir, sizeof(dir), "%s/%s.d", keydir, name);
	if (mkdir(dir, 0700) < 0)
		return (NULL);
	snprintf(text, sizeof(text), "internal_domains = sakura-hoken.example\ntrusted_networks = 192.0.2.0/24\n"
		 "rules_dir = " OM_RULES_SRCDIR "\naudit_log =\nnotice_key_file = %s/%s.key\n", keydir, name);
	if (om_test_write(dir, "omamori.conf", text) < 0)
		return (NULL);
	snprintf(path, sizeof(path), "%s/omamori.conf", dir);
	c = om_snap_load(path, OM_SNAP_SCAN | OM_SNAP_NOTICE_CREATE, NULL);
	return (c);
}

static void
test_notice_mac(void **state)
{
	om_snap *a, *b;
	const char *tanaka[] = {"<tanaka@sakura-hoken.example>"};
	const char *tanaka_uc[] = {"<Tanaka@Sakura-Hoken.example>"};
	const char *twice[] = {"<tanaka@sakura-hoken.example>", "tanaka@sakura-hoken.example"};
	const char *plus_ext[] = {"<tanaka@sakura-hoken.example>", "<yamada@partner-shoji.example>"};
	const char *other[] = {"<suzuki@sakura-hoken.example>"};
	const char *ext[] = {"<yamada@partner-shoji.example>"};
	long    now = (long) time(NULL);
	char    path[600];
	struct stat st;
	om_buf  v, w;

	(void) state;
	assert_non_null(mkdtemp(keydir));
	assert_non_null(a = notice_conf("a"));
	assert_non_null(b = notice_conf("b"));
	snprintf(path, sizeof(path), "%s/a.key", keydir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	om_buf_init(&v, 0);
	om_notice_stamp(a, "4XyZ12.abc1", now, "tanaka@sakura-hoken.example", &v);
	/* Valid: the recipient it was written for, however spelled. */
	assert_int_equal(om_notice_verify(a, v.data, tanaka, 1, now), OM_NOTICE_VALID);
	assert_int_equal(om_notice_verify(a, v.data, tanaka_uc, 1, now + 60), OM_NOTICE_VALID);
	assert_int_equal(om_notice_verify(a, v.data, twice, 2, now), OM_NOTICE_VALID);
	/* Another key. */
	assert_int_equal(om_notice_verify(b, v.data, tanaka, 1, now), OM_NOTICE_BAD_MAC);
	/* Altered recipients: one more (external), or another person. */
	assert_int_equal(om_notice_verify(a, v.data, plus_ext, 2, now), OM_NOTICE_RCPT);
	assert_int_equal(om_notice_verify(a, v.data, other, 1, now), OM_NOTICE_BAD_MAC);
	assert_int_equal(om_notice_verify(a, v.data, tanaka, 0, now), OM_NOTICE_RCPT);
	/* Expired, or from too far in the future. */
	assert_int_equal(om_notice_verify(a, v.data, tanaka, 1, now + 3601), OM_NOTICE_EXPIRED);
	assert_int_equal(om_notice_verify(a, v.data, tanaka, 1, now - OM_NOTICE_SKEW - 1), OM_NOTICE_EXPIRED);
	/* An altered reference or time breaks the MAC. */
	om_buf_init(&w, 0);
	om_buf_puts(&w, v.data);
	w.data[0] = w.data[0] == '5' ? '6' : '5';
	assert_int_equal(om_notice_verify(a, w.data, tanaka, 1, now), OM_NOTICE_BAD_MAC);
	om_buf_free(&w);
	om_buf_init(&w, 0);
	om_notice_stamp(a, "4XyZ12.abc1", now - 4000, "tanaka@sakura-hoken.example", &w);
	assert_int_equal(om_notice_verify(a, w.data, tanaka, 1, now), OM_NOTICE_EXPIRED);
	om_buf_free(&w);
	/* Not ours at all. */
	assert_int_equal(om_notice_verify(a, "4XyZ12.abc1", tanaka, 1, now), OM_NOTICE_MALFORMED);
	assert_int_equal(om_notice_verify(a, "x; t=1; mac=00", tanaka, 1, now), OM_NOTICE_MALFORMED);
	assert_int_equal(om_notice_verify(a, NULL, tanaka, 1, now), OM_NOTICE_MALFORMED);
	/* Written for an outside address: never a notice. */
	om_buf_init(&w, 0);
	om_notice_stamp(a, "R1", now, "yamada@partner-shoji.example", &w);
	assert_int_equal(om_notice_verify(a, w.data, ext, 1, now), OM_NOTICE_RCPT);
	om_buf_free(&w);
	om_buf_free(&v);
	om_snap_unref(a);
	om_snap_unref(b);
}

/*
 * In the engine: a forged notice header is scanned like any mail and
 * reported; a valid one from the firm is not reported.
 */
static void
test_notice_in_scan(void **state)
{
	static const char body[] = "マイナンバー: 123456789018\r\nカード番号: 4111 1111 1111 1111\r\n"
		"氏名: 山田 花子\r\n電話: 090-1234-5678\r\n";
	const char *ext[] = {R_EXT}, *tanaka[] = {S_INT};
	om_envelope env = {0};
	om_result *res;
	om_buf  v;
	char   *m;
	const om_finding *f;

	(void) state;
	if (asprintf(&m, "From: postmaster@sakura-hoken.example\r\nTo: %s\r\n"
		     "X-Omamori-Notice: 4XyZ12.abc1\r\nSubject: notice\r\n\r\n%s", R_EXT, body) < 0)
		fail();
	env.from = "<>";
	env.rcpt = ext;
	env.nrcpt = 1;
	env.client_addr = TRUSTED;
	res = om_engine_scan(snap, &env, m, strlen(m));
	assert_non_null(f = has(res, "notice.forged"));
	assert_string_equal(f->rule, "notice.malformed");
	assert_non_null(has(res, "body.pii"));
	assert_int_equal(res->action, OM_ACT_REJECT);
	om_result_free(res);
	free(m);

	om_buf_init(&v, 0);
	om_notice_stamp(snap, "4XyZ12.abc1", (long) time(NULL), S_INT, &v);
	if (asprintf(&m, "From: postmaster@sakura-hoken.example\r\nTo: %s\r\n"
		     "X-Omamori-Notice: %s\r\nSubject: notice\r\n\r\nheld\r\n", S_INT, v.data) < 0)
		fail();
	env.rcpt = tanaka;
	res = om_engine_scan(snap, &env, m, strlen(m));
	assert_null(has(res, "notice.forged"));
	om_result_free(res);
	/* The same header from outside is not a notice of ours. */
	env.client_addr = OUTSIDE;
	res = om_engine_scan(snap, &env, m, strlen(m));
	assert_non_null(f = has(res, "notice.forged"));
	assert_string_equal(f->rule, "notice.outside");
	om_result_free(res);
	om_buf_free(&v);
	free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_envelope),
		cmocka_unit_test(test_from_headers),
		cmocka_unit_test(test_grid),
		cmocka_unit_test(test_spoofed_from_header),
		cmocka_unit_test(test_relayed_pii),
		cmocka_unit_test(test_notice_mac),
		cmocka_unit_test(test_notice_in_scan),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
