/*
 * test_policy - from findings and direction to one verdict
 * (om_policy_decide), as omamori.conf(5) POLICY and INBOUND describe it:
 * each finding takes its direction's entry (the last matching one, after
 * the built-in ones), the verdict is the strictest (accept < tag < add-cc
 * < hold < reject), a detector failure makes it error_action, and a
 * refusal carries an ASCII SMTP reply naming what was found.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "om_test.h"
#include "om_category.h"
#include "om_conf.h"
#include "om_log.h"
#include "om_policy.h"
#include "om_pool.h"
#include "om_scan.h"

#define NCAT	4
#define NWORD	3
#define REPLY_MAX	510		/* an SMTP reply line, less its CRLF */

#define OUT	OM_DIR_OUTBOUND
#define IN	OM_DIR_INBOUND
#define INT	OM_DIR_INTERNAL

#define ACC	OM_ACT_ACCEPT
#define TAG	OM_ACT_TAG
#define CC	OM_ACT_ADD_CC
#define HOLD	OM_ACT_HOLD
#define REJ	OM_ACT_REJECT
#define TMP	OM_ACT_TEMPFAIL

static char dir[] = "/tmp/om_test_policy.XXXXXX";
static om_conf *builtin;

static int
setup(void **state)
{
	(void) state;
	om_log_open("test_policy", 0, 0);
	if (mkdtemp(dir) == NULL)
		return (-1);
	builtin = om_conf_defaults(NULL);
	return (builtin ? 0 : -1);
}

static int
teardown(void **state)
{
	char    cmd[600];

	(void) state;
	om_conf_unref(builtin);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

/* load - a configuration with these settings over the built-in ones */
static om_conf *
load(const char *text)
{
	char    path[600];
	om_conf_err err;
	om_conf *conf;

	assert_int_equal(om_test_write(dir, "omamori.conf", text), 0);
	snprintf(path, sizeof(path), "%s/omamori.conf", dir);
	memset(&err, 0, sizeof(err));
	if ((conf = om_conf_load(path, &err)) == NULL)
		fail_msg("%s: %s", text, err.text);
	return (conf);
}

/*
 * One row: the findings' categories, the direction, whether outbound
 * rules also apply (an external recipient of inbound mail), the attack
 * score, whether a detector failed, settings other than the built-in
 * ones (or NULL); then the verdict, the reply's start (NULL: no reply),
 * each finding's action, and words the reply (else the reason) must
 * hold or must not hold.
 */
typedef struct policy_row {
	const char *name;
	const char *cat[NCAT];
	om_direction dir;
	int	outbound_checks;
	unsigned attack_score;
	int	failed;
	const char *conf;
	om_action want;
	const char *reply;
	om_action each[NCAT];
	const char *has[NWORD];
	const char *lacks[NWORD];
} policy_row;

#define RULES	"rules_dir = " OM_RULES_SRCDIR "\n"

static const policy_row rows[] = {
	/* Nothing found: nothing to do, in every direction. */
	{"outbound, no findings", {NULL}, OUT, 0, 0, 0, NULL, ACC, NULL},
	{"inbound, no findings", {NULL}, IN, 0, 0, 0, NULL, ACC, NULL},
	{"internal, no findings", {NULL}, INT, 0, 0, 0, NULL, ACC, NULL},
	/* A category no entry names is accepted, and still recorded. */
	{"outbound, only items without an entry", {"pii.phone", "pii.name", "attach.encrypted"}, OUT, 0, 0, 0, NULL,
	 ACC, NULL, {ACC, ACC, ACC}},

	/* The strictest action wins, whatever the order of the findings. */
	{"tag and add-cc", {"recipient.new_domain", "cc.manager_missing"}, OUT, 0, 0, 0, NULL, CC, NULL, {TAG, CC},
	 {"cc.manager_missing"}, {"recipient.new_domain"}},
	{"add-cc and tag", {"cc.manager_missing", "recipient.new_domain"}, OUT, 0, 0, 0, NULL, CC, NULL, {CC, TAG}},
	{"tag, add-cc, hold", {"recipient.new_domain", "cc.manager_missing", "sensitive"}, OUT, 0, 0, 0, NULL, HOLD, NULL,
	 {TAG, CC, HOLD}, {"sensitive"}, {"cc.manager_missing", "recipient.new_domain"}},
	{"accept, tag, hold, reject", {"pii.phone", "recipient.new_domain", "sensitive", "body.pii"}, OUT, 0, 0, 0, NULL,
	 REJ, "550 5.7.1 ", {ACC, TAG, HOLD, REJ}, {"body.pii"}, {"sensitive", "recipient.new_domain", "pii.phone"}},
	{"reject first, then weaker ones", {"body.pii", "sensitive", "cc.manager_missing", "pii.phone"}, OUT, 0, 0, 0,
	 NULL, REJ, "550 5.7.1 ", {REJ, HOLD, CC, ACC}, {"body.pii"}, {"sensitive", "cc.manager_missing"}},
	{"hold among tags", {"attach.encrypted_weak", "attach.unscannable", "recipient.new_domain"}, OUT, 0, 0, 0, NULL,
	 HOLD, NULL, {TAG, HOLD, TAG}, {"attach.unscannable"}, {"attach.encrypted_weak"}},
	/* Every reject category is named in the reply, once each. */
	{"two reject categories", {"recipient.mass_visible", "sensitive", "attach.pii_unencrypted"}, OUT, 0, 0, 0, NULL,
	 REJ, "550 5.7.1 ", {REJ, HOLD, REJ}, {"recipient.mass_visible", "attach.pii_unencrypted"}, {"sensitive"}},

	{"one category in two places", {"attach.pii_unencrypted", "body.pii", "attach.pii_unencrypted"}, OUT, 0, 0, 0,
	 NULL, REJ, "550 5.7.1 ", {REJ, REJ, REJ}, {"attach.pii_unencrypted", "body.pii"}},

	/* Inbound: the outbound entries too when a recipient is external. */
	{"inbound body.pii, internal recipients", {"body.pii", "sensitive"}, IN, 0, 0, 0, NULL, ACC, NULL, {ACC, ACC}},
	{"inbound body.pii, external recipient", {"body.pii"}, IN, 1, 0, 0, NULL, REJ, "550 5.7.1 ", {REJ},
	 {"body.pii"}},
	{"inbound, external recipient: stricter of hold and reject", {"attach.executable"}, IN, 1, 0, 0, NULL, REJ,
	 "550 5.7.1 ", {REJ}, {"attach.executable"}},
	{"inbound, external recipient: stricter of tag and hold", {"attach.type_mismatch", "recipient.freemail"}, IN, 1,
	 0, 0, NULL, HOLD, NULL, {HOLD, HOLD}},
	{"inbound, external recipient: inbound entry stricter", {"attack.theme", "attack.url_mismatch"}, IN, 1, 2, 0,
	 NULL, TAG, NULL, {TAG, TAG}},
	{"internal mail never takes outbound entries", {"body.pii", "attach.executable"}, INT, 0, 0, 0, NULL, TAG, NULL,
	 {ACC, TAG}},

	/* Attack signs count together: attack_tag_score 2, attack_hold_score 4. */
	{"attack score 1: reported only", {"attack.freemail_sender"}, IN, 0, 1, 0, NULL, ACC, NULL, {ACC}},
	{"attack score 2: tag", {"attack.url_mismatch"}, IN, 0, 2, 0, NULL, TAG, NULL, {TAG},
	 {"attack.url_mismatch"}},
	{"attack score 3: tag", {"attack.freemail_sender", "attack.url_mismatch"}, IN, 0, 3, 0, NULL, TAG, NULL,
	 {TAG, TAG}},
	{"attack score 4: hold", {"attack.theme", "attack.credential_request", "attack.freemail_sender"}, IN, 0, 4, 0,
	 NULL, HOLD, NULL, {HOLD, HOLD, HOLD}},
	{"attack score below tag: attachment entry still holds", {"attack.theme", "attach.executable"}, IN, 0, 1, 0, NULL,
	 HOLD, NULL, {ACC, HOLD}, {"attach.executable"}, {"attack.theme"}},
	{"attack score at hold, entry accept", {"attack.theme", "attack.url_mismatch"}, IN, 0, 6, 0,
	 RULES "inbound_actions = attack.theme=accept\n", HOLD, NULL, {ACC, HOLD}},
	{"attack score at hold, entry reject stays reject", {"attack.lookalike_url"}, IN, 0, 5, 0,
	 RULES "inbound_actions = attack.*=reject\n", REJ, "550 5.7.1 ", {REJ}, {"attack.lookalike_url"}},
	{"custom attack tag score", {"attack.freemail_sender"}, IN, 0, 1, 0,
	 RULES "attack_tag_score = 1\nattack_hold_score = 9\n", TAG, NULL, {TAG}},
	{"custom attack hold score", {"attack.theme"}, IN, 0, 3, 0,
	 RULES "attack_tag_score = 1\nattack_hold_score = 3\n", HOLD, NULL, {HOLD}},

	/* A detector failed: error_action, whatever was found. */
	{"failed, nothing found", {NULL}, OUT, 0, 0, 1, NULL, TMP, "451 4.7.1 ", {ACC}, {"try again later"}},
	{"failed, reject found", {"body.pii"}, OUT, 0, 0, 1, NULL, TMP, "451 4.7.1 ", {REJ}, {"could not be checked"},
	 {"body.pii"}},
	{"failed inbound", {"attach.executable"}, IN, 0, 0, 1, NULL, TMP, "451 4.7.1 ", {HOLD}},
	{"failed, error_action reject", {"recipient.new_domain"}, OUT, 0, 0, 1, RULES "error_action = reject\n", REJ,
	 "550 5.7.1 ", {TAG}, {"could not be checked"}, {"recipient.new_domain"}},
	{"failed, error_action hold", {NULL}, INT, 0, 0, 1, RULES "error_action = hold\n", HOLD, NULL, {ACC},
	 {"could not be checked"}},

	/* Settings: the reply code, and the admin's own entries. */
	{"reject_reply_code", {"body.pii"}, OUT, 0, 0, 0, RULES "reject_reply_code = 554 5.7.0\n", REJ,
	 "554 5.7.0 Message refused", {REJ}, {"body.pii"}},
	{"sensitive=reject (the man page's example)", {"sensitive", "recipient.freemail"}, OUT, 0, 0, 0,
	 RULES "outbound_actions = recipient.freemail=reject,\n    sensitive=reject\n", REJ, "550 5.7.1 ", {REJ, REJ},
	 {"sensitive", "recipient.freemail"}},
	{"tempfail as an entry", {"body.pii", "recipient.new_domain"}, OUT, 0, 0, 0,
	 RULES "outbound_actions = body.pii=tempfail\n", TMP, "451 4.7.1 ", {TMP, TAG}, {"body.pii"},
	 {"recipient.new_domain"}},
	{"prefix pattern", {"attach.type_mismatch", "attach.encrypted", "attack.theme"}, IN, 0, 2, 0,
	 RULES "inbound_actions = attach.*=reject\n", REJ, "550 5.7.1 ", {REJ, REJ, TAG}, {"attach.type_mismatch"},
	 {"attack.theme"}},
	{"attack.* pattern", {"attack.spoofed_internal", "attack.non_japanese_kanji", "attach.type_mismatch"}, IN, 0, 2,
	 0, RULES "inbound_actions = attack.*=hold\n", HOLD, NULL, {HOLD, HOLD, TAG}},
	{"star over the built-in entries", {"body.pii", "pii.phone", "attach.executable"}, OUT, 0, 0, 0,
	 RULES "outbound_actions = *=tag\n", TAG, NULL, {TAG, TAG, TAG}},
	{"star, then a name: the later entry decides", {"pii.phone", "pii.name"}, INT, 0, 0, 0,
	 RULES "internal_actions = *=hold, pii.phone=accept\n", HOLD, NULL, {ACC, HOLD}},
	{"a name, then star: the later entry decides", {"pii.phone", "pii.name"}, INT, 0, 0, 0,
	 RULES "internal_actions = pii.phone=accept, *=hold\n", HOLD, NULL, {HOLD, HOLD}},
	{"settings of one direction leave the others", {"pii.phone"}, OUT, 0, 0, 0,
	 RULES "internal_actions = *=reject\ninbound_actions = *=reject\n", ACC, NULL, {ACC}},
	{"an unknown category is named as it is", {"pii.customer_id"}, OUT, 0, 0, 0,
	 RULES "outbound_actions = pii.customer_id=reject\n", REJ, "550 5.7.1 ", {REJ}, {"pii.customer_id"}},
};

/* printable - nothing but printable ASCII */
static int
printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char) *s < 0x20 || (unsigned char) *s > 0x7e)
			return (0);
	return (1);
}

/*
 * items - how often a reason names this category as an item: after the
 * reply's ": " or a "; ", followed by " (", ";" or the end
 */
static unsigned
items(const char *text, const char *cat)
{
	size_t  n = strlen(cat);
	unsigned count = 0;

	for (const char *p = text; (p = strstr(p, cat)) != NULL; p += n) {
		int     before = p == text || (p - text >= 2 && (memcmp(p - 2, ": ", 2) == 0
								 || memcmp(p - 2, "; ", 2) == 0));
		int     after = p[n] == 0 || p[n] == ';' || strncmp(p + n, " (", 2) == 0;

		count += before && after;
	}
	return (count);
}

/* decide - one row through om_policy_decide; checks, then frees */
static void
decide(const policy_row *r, const om_conf *conf)
{
	om_pool *pool = om_pool_new();
	om_finding f[NCAT];
	om_result res;
	om_scan scan;
	size_t  n = 0;
	const char *text;

	memset(&scan, 0, sizeof(scan));
	scan.conf = conf;
	scan.pool = pool;
	scan.direction = r->dir;
	scan.outbound_checks = r->outbound_checks;
	scan.attack_score = r->attack_score;
	scan.sender = "";
	memset(f, 0, sizeof(f));
	while (n < NCAT && r->cat[n]) {
		f[n].category = r->cat[n];
		f[n].rule = "test";
		f[n].where = "body";
		f[n].count = 1;
		/* What the engine never does: start from a verdict. */
		f[n].action = OM_ACT_TEMPFAIL;
		n++;
	}
	memset(&res, 0, sizeof(res));
	res.pool = pool;
	res.direction = r->dir;
	res.findings = f;
	res.nfindings = n;
	res.action = OM_ACT_TEMPFAIL;
	res.reply = "stale";
	om_policy_decide(&scan, &res, r->failed);

	if (res.action != r->want)
		fail_msg("%s: verdict %s, want %s", r->name, om_action_name(res.action), om_action_name(r->want));
	for (size_t i = 0; i < n; i++)
		if (f[i].action != r->each[i])
			fail_msg("%s: %s got %s, want %s", r->name, f[i].category, om_action_name(f[i].action),
				 om_action_name(r->each[i]));
	if (res.internal_error != r->failed)
		fail_msg("%s: internal_error %d", r->name, res.internal_error);
	if (r->reply == NULL) {
		if (res.reply != NULL)
			fail_msg("%s: unexpected reply \"%s\"", r->name, res.reply);
	} else {
		if (res.reply == NULL)
			fail_msg("%s: no reply, want \"%s...\"", r->name, r->reply);
		if (strncmp(res.reply, r->reply, strlen(r->reply)) != 0)
			fail_msg("%s: reply \"%s\", want \"%s...\"", r->name, res.reply, r->reply);
		if (!printable(res.reply) || strlen(res.reply) > REPLY_MAX)
			fail_msg("%s: reply not one ASCII line: \"%s\"", r->name, res.reply);
	}
	/* Anything that is not accept says why. */
	if (r->want != OM_ACT_ACCEPT && (res.reason == NULL || *res.reason == 0 || !printable(res.reason)))
		fail_msg("%s: reason \"%s\"", r->name, res.reason ? res.reason : "(null)");
	if (r->want == OM_ACT_ACCEPT && res.reason != NULL)
		fail_msg("%s: accept with reason \"%s\"", r->name, res.reason);
	text = res.reply ? res.reply : res.reason ? res.reason : "";
	for (int i = 0; i < NWORD && r->has[i]; i++) {
		const om_category *c = om_category_get(r->has[i]);

		/* A phrase, or a category named once as an item. */
		if (strchr(r->has[i], ' ') ? strstr(text, r->has[i]) == NULL : items(text, r->has[i]) != 1)
			fail_msg("%s: \"%s\" should name %s once", r->name, text, r->has[i]);
		/* A named category comes with what it is and how to fix it. */
		if (c && (strstr(text, c->en) == NULL || (*c->fix_en && strstr(text, c->fix_en) == NULL)))
			fail_msg("%s: \"%s\" lacks the words for %s", r->name, text, r->has[i]);
	}
	for (int i = 0; i < NWORD && r->lacks[i]; i++)
		if (strstr(text, r->lacks[i]) != NULL)
			fail_msg("%s: \"%s\" should not name %s", r->name, text, r->lacks[i]);
	om_pool_free(pool);
}

static void
test_table(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		om_conf *conf = rows[i].conf ? load(rows[i].conf) : builtin;

		decide(rows + i, conf);
		if (conf != builtin)
			om_conf_unref(conf);
	}
}

/*
 * Every category with a built-in entry, alone, in each direction, as
 * omamori.conf(5) lists the entries. Attack signs at attack_tag_score.
 */
static const struct {
	const char *category;
	om_action act[OM_DIR_COUNT];	/* internal, outbound, inbound */
} defaults[] = {
	{"body.pii", {ACC, REJ, ACC}},
	{"attach.pii_unencrypted", {ACC, REJ, ACC}},
	{"sensitive", {ACC, HOLD, ACC}},
	{"recipient.freemail", {ACC, HOLD, ACC}},
	{"recipient.mass_visible", {ACC, REJ, ACC}},
	{"cc.manager_missing", {ACC, CC, ACC}},
	{"recipient.new_domain", {ACC, TAG, ACC}},
	{"attach.executable", {TAG, REJ, HOLD}},
	{"attach.shortcut", {ACC, REJ, HOLD}},
	{"attach.rlo", {TAG, REJ, HOLD}},
	{"attach.double_extension", {TAG, REJ, HOLD}},
	{"attach.spaces_before_ext", {ACC, REJ, HOLD}},
	{"attach.type_mismatch", {ACC, HOLD, TAG}},
	{"attach.encrypted_weak", {ACC, TAG, ACC}},
	{"attach.encrypted", {ACC, ACC, ACC}},
	{"attach.unscannable", {TAG, HOLD, TAG}},
	{"notice.forged", {TAG, HOLD, TAG}},
	{"pii.mynumber", {ACC, ACC, ACC}},
	{"pii.phone", {ACC, ACC, ACC}},
	{"attack.freemail_sender", {ACC, ACC, TAG}},
	{"attack.signature_mismatch", {ACC, ACC, TAG}},
	{"attack.url_mismatch", {ACC, ACC, TAG}},
	{"attack.lookalike_url", {ACC, ACC, TAG}},
	{"attack.non_japanese_kanji", {ACC, ACC, TAG}},
	{"attack.credential_request", {ACC, ACC, TAG}},
	{"attack.theme", {ACC, ACC, TAG}},
	{"attack.spoofed_internal", {ACC, ACC, TAG}},
};

static void
test_defaults(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		for (int d = 0; d < OM_DIR_COUNT; d++) {
			policy_row r;
			char    name[128];

			memset(&r, 0, sizeof(r));
			snprintf(name, sizeof(name), "default %s %s", om_direction_name((om_direction) d),
				 defaults[i].category);
			r.name = name;
			r.cat[0] = defaults[i].category;
			r.dir = (om_direction) d;
			r.attack_score = builtin->conf_attack_tag_score;
			r.want = r.each[0] = defaults[i].act[d];
			r.reply = r.want == OM_ACT_REJECT ? "550 5.7.1 Message refused by mail policy: " : NULL;
			if (r.want != OM_ACT_ACCEPT)
				r.has[0] = defaults[i].category;
			decide(&r, builtin);
		}
	}
}

/*
 * The reply stays one ASCII line under 512 bytes however many reject
 * categories there are, and names each of them once however many
 * findings it has (one per attachment, say).
 */
static void
test_long_reply(void **state)
{
	static const char *const cats[] = {
		"body.pii", "attach.pii_unencrypted", "recipient.mass_visible", "attach.executable",
		"attach.shortcut", "attach.rlo", "attach.double_extension", "attach.spaces_before_ext",
	};
	om_pool *pool = om_pool_new();
	om_finding f[2 * sizeof(cats) / sizeof(cats[0])];
	size_t  n = 0;
	om_result res;
	om_scan scan;

	(void) state;
	memset(&scan, 0, sizeof(scan));
	scan.conf = builtin;
	scan.pool = pool;
	scan.direction = OM_DIR_OUTBOUND;
	memset(f, 0, sizeof(f));
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < sizeof(cats) / sizeof(cats[0]); i++, n++) {
			f[n].category = cats[i];
			f[n].rule = "test";
			f[n].where = round ? "attachment:b.txt" : "attachment:a.txt";
			f[n].count = 1;
		}
	memset(&res, 0, sizeof(res));
	res.pool = pool;
	res.findings = f;
	res.nfindings = n;
	om_policy_decide(&scan, &res, 0);
	assert_int_equal(res.action, OM_ACT_REJECT);
	assert_non_null(res.reply);
	assert_true(printable(res.reply));
	assert_true(strlen(res.reply) <= REPLY_MAX);
	assert_int_equal(strncmp(res.reply, "550 5.7.1 Message refused by mail policy: body.pii", 50), 0);
	assert_int_equal(items(res.reply, "body.pii"), 1);
	assert_int_equal(items(res.reply, "attach.pii_unencrypted"), 1);
	/* Too long for all of them: cut, and said to be cut. */
	assert_string_equal(res.reply + strlen(res.reply) - 3, "...");
	om_pool_free(pool);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_long_reply),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
