/*
 * test_pending - send delay records and reply tokens: tokens made and
 * checked (good, forged, altered, another host, expired, malformed),
 * records written and read back, the states an answer moves a record
 * to, who may answer, and the due listing, against SQLite and against a
 * real redis-server on loopback; the delay planned for a verdict and
 * the reply addresses recognised.
 */
#include "config.h"

#include <time.h>
#include <unistd.h>

#include "om_test.h"
#include "om_test_redis.h"
#include "om_act.h"
#include "om_conf.h"
#include "om_map.h"
#include "om_msg.h"
#include "om_pending.h"
#include "om_pool.h"
#include "om_state.h"

typedef struct backend {
	const char *name;
	int	redis;
	om_state *st;
	om_conf *conf;
	om_snap snap;
} backend;

static char dir[] = "/tmp/om_test_pending.XXXXXX";
static om_test_redis server;
static int have_redis;
static int nfile;

static backend be_sqlite = {"sqlite", 0};
static backend be_redis = {"redis", 1};

static const unsigned char key_a[OM_PENDING_KEY_LEN] = "0123456789abcdef0123456789abcdef";
static const unsigned char key_b[OM_PENDING_KEY_LEN] = "fedcba9876543210fedcba9876543210";

#define SENDER	"tanaka@sakura-hoken.example"

static int
group_setup(void **state)
{
	(void) state;
	om_log_open("test_pending", 0, 0);
	om_msg_global_init();
	if (mkdtemp(dir) == NULL)
		return (-1);
	if (!om_test_redis_installed()) {
		fprintf(stderr, "redis-server is not installed: the Redis cases are skipped\n");
		return (0);
	}
	if (om_test_redis_start(&server, 0) < 0)
		return (-1);
	have_redis = 1;
	return (0);
}

static int
group_teardown(void **state)
{
	char    cmd[600];

	(void) state;
	om_test_redis_stop(&server);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

/* load_conf - a configuration with these extra lines */
static om_conf *
load_conf(const char *extra)
{
	char    text[2000], path[64], full[600];
	om_conf_err err;
	om_conf *conf;

	snprintf(text, sizeof(text), "internal_domains = sakura-hoken.example\nstate =\n"
		 "gateway_name = gw1\n%s", extra ? extra : "");
	snprintf(path, sizeof(path), "conf%d", ++nfile);
	assert_int_equal(om_test_write(dir, path, text), 0);
	snprintf(full, sizeof(full), "%s/conf%d", dir, nfile);
	conf = om_conf_load(full, &err);
	if (conf == NULL)
		fail_msg("%s", err.text);
	return (conf);
}

/* fresh - an empty store of the case's kind, and a snapshot around it */
static int
fresh(void **state)
{
	backend *b = *state;
	char    spec[600], err[400];

	if (b->redis) {
		if (!have_redis)
			return (0);
		if (om_test_redis_flush(&server) < 0)
			return (-1);
		snprintf(spec, sizeof(spec), "%s", server.spec);
	} else
		snprintf(spec, sizeof(spec), "sqlite:%s/db%d/state.db", dir, ++nfile);
	if ((b->st = om_state_open(spec, 0, 1000, err, sizeof(err))) == NULL) {
		fprintf(stderr, "%s\n", err);
		return (-1);
	}
	b->conf = load_conf(NULL);
	memset(&b->snap, 0, sizeof(b->snap));
	b->snap.conf = b->conf;
	b->snap.state = b->st;
	b->snap.has_notice_key = 1;
	memcpy(b->snap.notice_key, key_a, sizeof(b->snap.notice_key));
	return (0);
}

static int
done(void **state)
{
	backend *b = *state;

	om_state_close(b->st);
	om_conf_unref(b->conf);
	b->st = NULL;
	b->conf = NULL;
	return (0);
}

#define NEED(b) do { \
	if ((b)->redis && !have_redis) { \
		print_message("redis-server is not installed: skipped\n"); \
		skip(); \
	} \
} while (0)

/* A token checks under its key, for its host, until it expires; anything else does not. */
static void
test_token(void **state)
{
	char    tok[OM_PENDING_TOKEN_MAX + 1], bad[OM_PENDING_TOKEN_MAX + 8], rkey[OM_PENDING_TOKEN_MAX + 1];
	char    other[OM_PENDING_TOKEN_MAX + 1];
	long    now = 1800000000L;
	size_t  n;

	(void) state;
	assert_int_equal(om_pending_token_make(key_a, "gw1", now + 600, tok, sizeof(tok)), 0);
	assert_true(strlen(tok) <= OM_PENDING_TOKEN_MAX);
	/* Fits in a 64-octet local part with the longest verb we use. */
	assert_true(strlen("omamori-cancel+") + strlen(tok) <= 64);
	assert_int_equal(om_pending_token_check(key_a, tok, "gw1", now, rkey, sizeof(rkey)), OM_PENDING_OK);
	assert_int_equal(strncmp(rkey, tok, strlen(rkey)), 0);
	assert_non_null(strstr(rkey, ".gw1"));

	/* Random: two tokens differ. */
	assert_int_equal(om_pending_token_make(key_a, "gw1", now + 600, other, sizeof(other)), 0);
	assert_string_not_equal(tok, other);

	/* Another key: forged. */
	assert_int_equal(om_pending_token_check(key_b, tok, "gw1", now, NULL, 0), OM_PENDING_BAD_MAC);
	/* One MAC digit changed. */
	snprintf(bad, sizeof(bad), "%s", tok);
	n = strlen(bad);
	bad[n - 1] = bad[n - 1] == '0' ? '1' : '0';
	assert_int_equal(om_pending_token_check(key_a, bad, "gw1", now, NULL, 0), OM_PENDING_BAD_MAC);
	/* The id changed: the MAC no longer holds. */
	snprintf(bad, sizeof(bad), "%s", tok);
	bad[0] = bad[0] == 'a' ? 'b' : 'a';
	assert_int_equal(om_pending_token_check(key_a, bad, "gw1", now, NULL, 0), OM_PENDING_BAD_MAC);
	/* A later expiry written in: the MAC no longer holds. */
	{
		char   *d1 = strchr(tok, '.'), *d2 = strchr(d1 + 1, '.'), *d3 = strchr(d2 + 1, '.');

		snprintf(bad, sizeof(bad), "%.*sffffffff%s", (int) (d2 + 1 - tok), tok, d3);
		assert_int_equal(om_pending_token_check(key_a, bad, "gw1", now, NULL, 0), OM_PENDING_BAD_MAC);
	}
	/* Good, but another gateway's. */
	assert_int_equal(om_pending_token_check(key_a, tok, "gw2", now, NULL, 0), OM_PENDING_OTHER_HOST);
	/* Good, but too late. */
	assert_int_equal(om_pending_token_check(key_a, tok, "gw1", now + 601, NULL, 0), OM_PENDING_EXPIRED);
	assert_int_equal(om_pending_token_check(key_a, tok, "gw1", now + 600, NULL, 0), OM_PENDING_OK);
	/* Not tokens at all. */
	assert_int_equal(om_pending_token_check(key_a, "", "gw1", now, NULL, 0), OM_PENDING_MALFORMED);
	assert_int_equal(om_pending_token_check(key_a, "abc", "gw1", now, NULL, 0), OM_PENDING_MALFORMED);
	assert_int_equal(om_pending_token_check(key_a, "0123456789.GW1.1.0123456789abcdef", "gw1", now, NULL, 0),
			 OM_PENDING_MALFORMED);
	assert_int_equal(om_pending_token_check(key_a, "0123456789.gw1.1.0123456789abcdef.x", "gw1", now, NULL, 0),
			 OM_PENDING_MALFORMED);
	snprintf(bad, sizeof(bad), "%s", tok);
	bad[strlen(bad) - 1] = 0;
	assert_int_equal(om_pending_token_check(key_a, bad, "gw1", now, NULL, 0), OM_PENDING_MALFORMED);
	/* Hosts: lower case, digits, hyphen, at most 10. */
	assert_int_equal(om_pending_token_make(key_a, "GW1", now, tok, sizeof(tok)), -1);
	assert_int_equal(om_pending_token_make(key_a, "gateway-one", now, tok, sizeof(tok)), -1);
	assert_int_equal(om_pending_token_make(key_a, "", now, tok, sizeof(tok)), -1);
}

/* The gateway's name: gateway_name, else the short host name, made fit. */
static void
test_host(void **state)
{
	om_conf *c1 = load_conf(NULL), *c2;
	char    h[OM_PENDING_HOST_MAX + 1];

	(void) state;
	assert_string_equal(om_pending_host(c1, h, sizeof(h)), "gw1");
	om_conf_unref(c1);
	c2 = load_conf("gateway_name =\n");
	om_pending_host(c2, h, sizeof(h));
	assert_true(strlen(h) >= 1 && strlen(h) <= OM_PENDING_HOST_MAX);
	assert_int_equal(strspn(h, "abcdefghijklmnopqrstuvwxyz0123456789-"), strlen(h));
	om_conf_unref(c2);
}

/* The new keys: durations, per-category delays, names. */
static void
test_config(void **state)
{
	om_conf *c = load_conf("delay_outbound = 5m\n"
			       "delay_categories = recipient.new_domain=30m, attach.*=90s, sensitive=2h\n");
	const char *bad[] = {
		"delay_outbound = 5x\n", "delay_outbound = 8d\n", "delay_categories = recipient.new_domain\n",
		"delay_categories = Recipient=5m\n", "delay_categories = a.b=soon\n",
		"gateway_name = Gateway\n", "gateway_name = gateway-one\n", "control_local_part = Omamori\n",
		"control_domain = not a domain\n",
	};
	size_t  secs = 0;

	(void) state;
	assert_int_equal(c->conf_delay_outbound, 300);
	assert_int_equal(om_conf_delay(c, "recipient.new_domain"), 1800);
	assert_int_equal(om_conf_delay(c, "attach.encrypted_weak"), 90);
	assert_int_equal(om_conf_delay(c, "sensitive"), 7200);
	assert_int_equal(om_conf_delay(c, "body.pii"), 0);
	assert_string_equal(om_conf_control_domain(c), "sakura-hoken.example");
	om_conf_unref(c);
	assert_int_equal(om_conf_parse_duration("45", &secs), 0);
	assert_int_equal(secs, 45);
	assert_int_equal(om_conf_parse_duration("3s", &secs), 0);
	assert_int_equal(secs, 3);
	assert_int_equal(om_conf_parse_duration("1d", &secs), 0);
	assert_int_equal(secs, 86400);
	assert_int_equal(om_conf_parse_duration("m", &secs), -1);
	assert_int_equal(om_conf_parse_duration("-5m", &secs), -1);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char    text[300], path[64], full[600];
		om_conf_err err;

		snprintf(text, sizeof(text), "internal_domains = sakura-hoken.example\n%s", bad[i]);
		snprintf(path, sizeof(path), "bad%d", ++nfile);
		assert_int_equal(om_test_write(dir, path, text), 0);
		snprintf(full, sizeof(full), "%s/bad%d", dir, nfile);
		if ((c = om_conf_load(full, &err)) != NULL)
			fail_msg("accepted: %s", bad[i]);
	}
}

/* new_result - an outbound verdict as the policy leaves it */
static om_result *
new_result(om_action act, const char *category, const char *sample)
{
	om_pool *pool = om_pool_new();
	om_result *res = om_pool_zalloc(pool, sizeof(*res));

	res->pool = pool;
	res->direction = OM_DIR_OUTBOUND;
	res->action = act;
	res->sender = SENDER;
	if (category) {
		res->findings = om_pool_zalloc(pool, sizeof(om_finding));
		res->findings[0].category = category;
		res->findings[0].rule = "test";
		res->findings[0].where = "envelope";
		res->findings[0].count = 1;
		res->findings[0].sample = sample;
		res->findings[0].action = act;
		res->nfindings = 1;
	}
	return (res);
}

/* find_step - the first step of a kind, or NULL */
static const om_act *
find_step(const om_result *res, om_act_kind kind)
{
	for (size_t i = 0; i < res->nacts; i++)
		if (res->acts[i].kind == kind)
			return (res->acts + i);
	return (NULL);
}

/* What would go out waits; what is held or refused, inbound or internal does not. */
static void
test_plan(void **state)
{
	om_conf *c = load_conf("delay_outbound = 5m\ndelay_categories = recipient.new_domain=30m\n");
	om_snap snap = {.conf = c};
	om_result *res;
	const om_act *d, *q;

	(void) state;
	res = new_result(OM_ACT_ACCEPT, NULL, NULL);
	om_act_plan(&snap, res, "Q1.1", NULL, 0);
	assert_int_equal(res->delay, 300);
	d = find_step(res, OM_DO_DELAY);
	q = find_step(res, OM_DO_QUARANTINE);
	assert_non_null(d);
	assert_non_null(q);
	assert_true(d < q);		/* the record before the hold */
	assert_int_equal(d->index, 300);
	assert_true(d->required && q->required);
	assert_non_null(find_step(res, OM_DO_NOTICE));
	om_result_free(res);

	/* A first-time domain waits longer and registers only when released. */
	res = new_result(OM_ACT_TAG, "recipient.new_domain", "partner-shoji.example");
	om_act_plan(&snap, res, "Q2.1", NULL, 0);
	assert_int_equal(res->delay, 1800);
	assert_null(find_step(res, OM_DO_REGISTER_DOMAIN));
	om_result_free(res);

	res = new_result(OM_ACT_HOLD, "recipient.freemail", NULL);
	om_act_plan(&snap, res, "Q3.1", NULL, 0);
	assert_int_equal(res->delay, 0);
	assert_null(find_step(res, OM_DO_DELAY));
	om_result_free(res);

	res = new_result(OM_ACT_REJECT, "body.pii", NULL);
	om_act_plan(&snap, res, "Q4.1", NULL, 0);
	assert_null(find_step(res, OM_DO_DELAY));
	om_result_free(res);

	res = new_result(OM_ACT_ACCEPT, NULL, NULL);
	res->direction = OM_DIR_INBOUND;
	om_act_plan(&snap, res, "Q5.1", NULL, 0);
	assert_null(find_step(res, OM_DO_DELAY));
	assert_null(find_step(res, OM_DO_QUARANTINE));
	om_result_free(res);

	res = new_result(OM_ACT_ACCEPT, NULL, NULL);
	res->internal_error = 1;
	om_act_plan(&snap, res, "Q6.1", NULL, 0);
	assert_null(find_step(res, OM_DO_DELAY));
	om_result_free(res);
	om_conf_unref(c);

	/* Off by default. */
	c = load_conf(NULL);
	snap.conf = c;
	res = new_result(OM_ACT_ACCEPT, "recipient.new_domain", "partner-shoji.example");
	om_act_plan(&snap, res, "Q7.1", NULL, 0);
	assert_null(find_step(res, OM_DO_DELAY));
	assert_non_null(find_step(res, OM_DO_REGISTER_DOMAIN));
	om_result_free(res);
	om_conf_unref(c);
}

/* Reply addresses are recognised; others are not. */
static void
test_control(void **state)
{
	om_conf *c = load_conf(NULL);
	om_pending_verb v;
	char    tok[OM_PENDING_TOKEN_MAX + 1];
	om_buf  b;

	(void) state;
	assert_int_equal(om_pending_control(c, "<omamori-cancel+0123456789.gw1.5.abc@sakura-hoken.example>", &v,
					    tok, sizeof(tok)), 1);
	assert_int_equal(v, OM_VERB_CANCEL);
	assert_string_equal(tok, "0123456789.gw1.5.abc");
	assert_int_equal(om_pending_control(c, "Omamori-Send+X@SAKURA-HOKEN.example", &v, tok, sizeof(tok)), 1);
	assert_int_equal(v, OM_VERB_SEND);
	assert_string_equal(tok, "x");
	assert_int_equal(om_pending_control(c, "omamori-cancel+x@partner-shoji.example", &v, tok, sizeof(tok)), 0);
	assert_int_equal(om_pending_control(c, "omamori-delete+x@sakura-hoken.example", &v, tok, sizeof(tok)), 0);
	assert_int_equal(om_pending_control(c, "omamori@sakura-hoken.example", &v, tok, sizeof(tok)), 0);
	assert_int_equal(om_pending_control(c, "tanaka@sakura-hoken.example", &v, tok, sizeof(tok)), 0);
	om_buf_init(&b, 0);
	om_pending_address(c, "send", "abc", &b);
	assert_string_equal(b.data, "omamori-send+abc@sakura-hoken.example");
	om_buf_free(&b);
	om_conf_unref(c);
}

/* hold - a delayed message's record, as the daemon keeps it */
static om_result *
hold(backend *b, const char *qid, unsigned delay)
{
	om_result *res = new_result(OM_ACT_TAG, "recipient.new_domain", "partner-shoji.example");

	res->sender = "<Tanaka@Sakura-Hoken.example>";
	res->delay = delay;
	assert_int_equal(om_pending_hold(&b->snap, res, qid, om_pool_printf(res->pool, "%s.abc1", qid)), 0);
	assert_non_null(res->pending_token);
	return (res);
}

/* count_due - om_state_due() callback */
static int
count_due(const char *key, const void *value, size_t len, time_t due, void *ctx)
{
	om_pending p;

	(void) key;
	(void) due;
	assert_int_equal(om_pending_decode(value, len, &p), 0);
	(*(int *) ctx)++;
	return (0);
}

/* A record is kept whole, is due at its time, and goes when deleted. */
static void
test_record(void **state)
{
	backend *b = *state;
	om_result *res;
	om_pending p;
	time_t  now = time(NULL);
	int     n = 0;
	char    rkey[OM_PENDING_TOKEN_MAX + 1];

	NEED(b);
	res = hold(b, "4ABC12", 120);
	assert_int_equal(om_pending_token_check(key_a, res->pending_token, "gw1", (long) now, rkey, sizeof(rkey)),
			 OM_PENDING_BAD_MAC);	/* the pending key is derived, not the notice key */
	{
		unsigned char pk[OM_PENDING_KEY_LEN];

		om_pending_key(&b->snap, pk);
		assert_int_equal(om_pending_token_check(pk, res->pending_token, "gw1", (long) now, rkey,
							sizeof(rkey)), OM_PENDING_OK);
	}
	assert_int_equal(om_pending_get(b->st, rkey, &p), 1);
	assert_int_equal(p.kind, OM_PENDING_DELAY);
	assert_int_equal(p.state, OM_PENDING_WAITING);
	assert_string_equal(p.qid, "4ABC12");
	assert_string_equal(p.ref, "4ABC12.abc1");
	assert_string_equal(p.sender, SENDER);
	assert_string_equal(p.host, "gw1");
	assert_string_equal(p.token, res->pending_token);
	assert_string_equal(p.domains, "partner-shoji.example");
	assert_true(p.due >= (long) now + 120 && p.due <= (long) now + 122);
	assert_int_equal(res->pending_due, p.due);

	/* Not due now; due at its time. */
	assert_int_equal(om_state_due(b->st, OM_PENDING_NS, now, 100, count_due, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(om_state_due(b->st, OM_PENDING_NS, (time_t) p.due, 100, count_due, &n), 1);
	assert_int_equal(n, 1);

	assert_int_equal(om_state_del(b->st, OM_PENDING_NS, rkey), 1);
	assert_int_equal(om_pending_get(b->st, rkey, &p), 0);
	om_result_free(res);

	/* A value that is not a record is not read as one. */
	assert_int_equal(om_pending_decode("kind=delay\nqid=X\n", 18, &p), -1);
	assert_int_equal(om_pending_decode("", 0, &p), -1);

	/* No store, no queue id: no delay (the daemon then uses error_action). */
	b->snap.state = NULL;
	res = new_result(OM_ACT_ACCEPT, NULL, NULL);
	res->delay = 60;
	assert_int_equal(om_pending_hold(&b->snap, res, "4ABC13", "4ABC13.x"), -1);
	b->snap.state = b->st;
	assert_int_equal(om_pending_hold(&b->snap, res, NULL, "NOQUEUE.x"), -1);
	om_result_free(res);
}

/* Answers: who may, what they do to the record, what is refused. */
static void
test_answer(void **state)
{
	backend *b = *state;
	om_result *r1 = hold(b, "5AAA01", 600), *r2 = hold(b, "5AAA02", 600);
	om_pending p;
	time_t  now = time(NULL);
	int     n = 0;
	char    other[OM_PENDING_TOKEN_MAX + 1];
	unsigned char pk[OM_PENDING_KEY_LEN];

	NEED(b);
	/* Not the sender: refused, nothing changes. */
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_CANCEL, r1->pending_token,
					   "<suzuki@sakura-hoken.example>", NULL, (long) now, &p), OM_PENDING_NOT_SENDER);
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_CANCEL, r1->pending_token, "<>", NULL, (long) now, &p),
			 OM_PENDING_NOT_SENDER);
	assert_int_equal(om_state_due(b->st, OM_PENDING_NS, now, 100, count_due, &n), 0);

	/* The sender cancels: due now, state cancel, who said so. */
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_CANCEL, r1->pending_token,
					   "<TANAKA@sakura-hoken.example>", NULL, (long) now, &p), OM_PENDING_OK);
	assert_int_equal(p.state, OM_PENDING_CANCEL);
	assert_string_equal(p.by, SENDER);
	assert_int_equal(om_pending_get(b->st, p.key, &p), 1);
	assert_int_equal(p.state, OM_PENDING_CANCEL);
	assert_true(p.due <= (long) now);
	/* A cancel stands: send-now after it is refused, a second cancel is fine. */
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_SEND, r1->pending_token, SENDER, NULL, (long) now, &p),
			 OM_PENDING_UNKNOWN);
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_CANCEL, r1->pending_token, SENDER, NULL, (long) now, &p),
			 OM_PENDING_OK);

	/* Send now. */
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_SEND, r2->pending_token, SENDER, NULL, (long) now, &p),
			 OM_PENDING_OK);
	assert_int_equal(p.state, OM_PENDING_RELEASE);
	n = 0;
	assert_int_equal(om_state_due(b->st, OM_PENDING_NS, now, 100, count_due, &n), 2);

	/* Forged, another gateway's, and one the store does not know. */
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_SEND, "0123456789.gw1.ffffffff.0123456789abcdef",
					   SENDER, NULL, (long) now, &p), OM_PENDING_BAD_MAC);
	om_pending_key(&b->snap, pk);
	assert_int_equal(om_pending_token_make(pk, "gw2", (long) now + 600, other, sizeof(other)), 0);
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_SEND, other, SENDER, NULL, (long) now, &p),
			 OM_PENDING_OTHER_HOST);
	assert_int_equal(om_pending_token_make(pk, "gw1", (long) now + 600, other, sizeof(other)), 0);
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_SEND, other, SENDER, NULL, (long) now, &p),
			 OM_PENDING_UNKNOWN);
	/* Expired. */
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_SEND, r2->pending_token, SENDER,
					   NULL, (long) now + 40L * 86400, &p), OM_PENDING_EXPIRED);
	/* Another gateway's key: its tokens do not verify here. */
	memcpy(b->snap.notice_key, key_b, sizeof(b->snap.notice_key));
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_SEND, r2->pending_token, SENDER, NULL, (long) now, &p),
			 OM_PENDING_BAD_MAC);
	memcpy(b->snap.notice_key, key_a, sizeof(b->snap.notice_key));
	/*
	 * Mail held by gateway gw2 in the store both share, its reply come
	 * in through this one (gw1, the same key): the answer is recorded
	 * for gw2 to act on.
	 */
	{
		om_pending q = {0};

		om_pending_key(&b->snap, pk);
		assert_int_equal(om_pending_token_make(pk, "gw2", (long) now + 600, other, sizeof(other)), 0);
		q.kind = OM_PENDING_DELAY;
		q.state = OM_PENDING_WAITING;
		snprintf(q.token, sizeof(q.token), "%s", other);
		snprintf(q.key, sizeof(q.key), "%.*s", (int) (strchr(strchr(other, '.') + 1, '.') - other), other);
		snprintf(q.host, sizeof(q.host), "gw2");
		snprintf(q.qid, sizeof(q.qid), "6BBB01");
		snprintf(q.ref, sizeof(q.ref), "6BBB01.x");
		snprintf(q.sender, sizeof(q.sender), "%s", SENDER);
		q.created = (long) now;
		q.due = (long) now + 600;
		assert_int_equal(om_pending_put(b->st, &q), 0);
		assert_int_equal(om_pending_answer(&b->snap, OM_VERB_CANCEL, other, SENDER, NULL, (long) now, &p),
				 OM_PENDING_OK);
		assert_int_equal(om_pending_get(b->st, q.key, &q), 1);
		assert_int_equal(q.state, OM_PENDING_CANCEL);
		assert_string_equal(q.host, "gw2");
		/* Not the sender: refused there too. */
		assert_int_equal(om_pending_answer(&b->snap, OM_VERB_SEND, other, "<suzuki@sakura-hoken.example>",
						   NULL, (long) now, &p), OM_PENDING_NOT_SENDER);
	}
	/* Settled and deleted: unknown. */
	assert_int_equal(om_pending_token_check(pk, r2->pending_token, "gw1", (long) now, other, sizeof(other)),
			 OM_PENDING_OK);
	assert_int_equal(om_state_del(b->st, OM_PENDING_NS, other), 1);
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_SEND, r2->pending_token, SENDER, NULL, (long) now, &p),
			 OM_PENDING_UNKNOWN);
	om_result_free(r1);
	om_result_free(r2);
}

/* The action approve: the record waits for approve_timeout; its notice goes. */
static void
test_plan_approve(void **state)
{
	om_conf *c = load_conf("approve_timeout = 2h\ndelay_outbound = 5m\n");
	om_snap snap = {.conf = c};
	om_result *res = new_result(OM_ACT_APPROVE, "recipient.freemail", NULL);
	const om_act *d;

	(void) state;
	om_act_plan(&snap, res, "Q8.1", NULL, 0);
	d = find_step(res, OM_DO_DELAY);
	assert_non_null(d);
	assert_string_equal(d->name, "approve");
	assert_int_equal(d->index, 7200);
	assert_int_equal(res->delay, 7200);
	assert_non_null(find_step(res, OM_DO_QUARANTINE));
	assert_non_null(find_step(res, OM_DO_NOTICE));
	assert_null(find_step(res, OM_DO_REGISTER_DOMAIN));
	om_result_free(res);
	om_conf_unref(c);
	/* An action word like the others; error_action cannot be it. */
	{
		om_action a;

		assert_int_equal(om_action_parse("approve", &a), 0);
		assert_int_equal(a, OM_ACT_APPROVE);
		assert_string_equal(om_action_name(OM_ACT_APPROVE), "approve");
		assert_true(OM_ACT_APPROVE > OM_ACT_ADD_CC && OM_ACT_APPROVE < OM_ACT_HOLD);
	}
}

/* Approval: only the manager or the deputy answers; the first answer decides. */
static void
test_approve(void **state)
{
	backend *b = *state;
	om_conf_err err;
	char    path[600];
	om_result *r1, *r2, *r3;
	om_pending p;
	long    now = (long) time(NULL);

	NEED(b);
	assert_int_equal(om_test_write(dir, "managers", "@sakura-hoken.example kanri@sakura-hoken.example\n"), 0);
	assert_int_equal(om_test_write(dir, "deputies", "kanri@sakura-hoken.example fuku@sakura-hoken.example\n"), 0);
	b->snap.manager = om_map_new();
	b->snap.deputy = om_map_new();
	snprintf(path, sizeof(path), "%s/managers", dir);
	assert_int_equal(om_map_load(b->snap.manager, path, 1, &err), 0);
	snprintf(path, sizeof(path), "%s/deputies", dir);
	assert_int_equal(om_map_load(b->snap.deputy, path, 1, &err), 0);

	r1 = new_result(OM_ACT_APPROVE, "recipient.freemail", NULL);
	r1->delay = 3600;
	assert_int_equal(om_pending_hold(&b->snap, r1, "6AAA01", "6AAA01.x"), 0);
	assert_string_equal(r1->pending_approvers, "kanri@sakura-hoken.example fuku@sakura-hoken.example");
	r2 = new_result(OM_ACT_APPROVE, "recipient.freemail", NULL);
	r2->delay = 3600;
	assert_int_equal(om_pending_hold(&b->snap, r2, "6AAA02", "6AAA02.x"), 0);
	r3 = hold(b, "6AAA03", 600);		/* a delay, not an approval */

	/* The sender cannot approve; the sender's verbs do not fit. */
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_APPROVE, r1->pending_token, SENDER, NULL, now, &p),
			 OM_PENDING_NOT_SENDER);
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_SEND, r1->pending_token, SENDER, NULL, now, &p),
			 OM_PENDING_WRONG_KIND);
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_APPROVE, r3->pending_token,
					   "kanri@sakura-hoken.example", NULL, now, &p), OM_PENDING_WRONG_KIND);
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_APPROVE, r1->pending_token,
					   "suzuki@sakura-hoken.example", NULL, now, &p), OM_PENDING_NOT_SENDER);
	/* The deputy approves, with a reason; the manager's later reject changes nothing. */
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_APPROVE, r1->pending_token,
					   "<Fuku@Sakura-Hoken.example>", "取引先確認済み", now, &p), OM_PENDING_OK);
	assert_int_equal(p.state, OM_PENDING_RELEASE);
	assert_string_equal(p.by, "fuku@sakura-hoken.example");
	assert_string_equal(p.reason, "取引先確認済み");
	assert_int_equal(om_pending_get(b->st, p.key, &p), 1);
	assert_int_equal(p.kind, OM_PENDING_APPROVE);
	assert_int_equal(p.state, OM_PENDING_RELEASE);
	assert_true(p.due <= now);
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_REJECT, r1->pending_token,
					   "kanri@sakura-hoken.example", NULL, now, &p), OM_PENDING_UNKNOWN);
	/* The manager rejects the other. */
	assert_int_equal(om_pending_answer(&b->snap, OM_VERB_REJECT, r2->pending_token,
					   "kanri@sakura-hoken.example", "宛先違い", now, &p), OM_PENDING_OK);
	assert_int_equal(p.state, OM_PENDING_CANCEL);

	/* Words from a Subject: decoded, one line. */
	{
		char    why[32];

		om_pending_reason("=?UTF-8?B?5Y+W5byV5YWI56K66KqN5riI44G/?=", why, sizeof(why));
		assert_string_equal(why, "取引先確認済み");
		om_pending_reason("a\tb", why, sizeof(why));
		assert_string_equal(why, "a b");
		om_pending_reason(NULL, why, sizeof(why));
		assert_string_equal(why, "");
	}
	om_result_free(r1);
	om_result_free(r2);
	om_result_free(r3);
	om_map_free(b->snap.manager);
	om_map_free(b->snap.deputy);
	b->snap.manager = b->snap.deputy = NULL;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_token),
		cmocka_unit_test(test_host),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_plan),
		cmocka_unit_test(test_control),
		cmocka_unit_test(test_plan_approve),
		cmocka_unit_test_prestate_setup_teardown(test_record, fresh, done, &be_sqlite),
		cmocka_unit_test_prestate_setup_teardown(test_record, fresh, done, &be_redis),
		cmocka_unit_test_prestate_setup_teardown(test_answer, fresh, done, &be_sqlite),
		cmocka_unit_test_prestate_setup_teardown(test_answer, fresh, done, &be_redis),
		cmocka_unit_test_prestate_setup_teardown(test_approve, fresh, done, &be_sqlite),
		cmocka_unit_test_prestate_setup_teardown(test_approve, fresh, done, &be_redis),
	};

	return (cmocka_run_group_tests(tests, group_setup, group_teardown));
}
