/*++
 * NAME
 *	om_act 3
 * SUMMARY
 *	the verdict as a list of steps for the MTA
 * DESCRIPTION
 *	om_act_plan() turns a decided result into what is to be done to
 *	the message, in order: our own X-Omamori-* headers that came in
 *	are deleted, the verdict headers are added, the Subject is tagged,
 *	the manager is added to Cc and the envelope, the message is
 *	quarantined (or, for outbound mail that would go out, delayed:
 *	a pending record, then the quarantine; delay_outbound and
 *	delay_categories), the sender gets a notice; delivered outbound mail
 *	registers its new domains (om_act_register(), applied by the
 *	daemon once the message is accepted). A reject or tempfail has no
 *	steps but the notice: its reply is all the MTA hears.
 *
 *	Header positions and the values that are changed come from the
 *	raw header block as the MTA handed it over (the milter keeps it
 *	exactly), so that "the second Subject" here is the second the MTA
 *	knows. At most OM_ACT_DELETE_MAX copies of one of our headers are
 *	deleted; more than that is mail built to wear us out, and it is
 *	held (the copies beyond that are left and the verdict says so).
 *--*/
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <gmime/gmime.h>

#include "om_act.h"
#include "om_buf.h"
#include "om_log.h"
#include "om_msg.h"
#include "om_notice.h"
#include "om_pool.h"
#include "om_rfc2047.h"
#include "om_state.h"

#define OM_ACT_DELETE_MAX	20	/* copies of one of our headers removed */
#define HEADER_BLOCK_MAX	(1024 * 1024)	/* header bytes looked at */
#define REASON_MAX		250	/* quarantine reason kept by the MTA */
#define ADDR_FIELDS_MAX		20	/* To or Cc fields rewritten */

static const char *const own_headers[] = {
	OM_HDR_VERDICT, OM_HDR_CATEGORIES, OM_HDR_REF, OM_HDR_ATTACK,
};

#define N_OWN (sizeof(own_headers) / sizeof(own_headers[0]))

/* What the header block says, as far as the steps need it. */
typedef struct hdr_facts {
	unsigned own[N_OWN];		/* copies of each of our headers */
	const char *subject;		/* first Subject value, raw, or NULL */
	size_t	subject_len;
	const char *cc;			/* first Cc value, raw, or NULL */
	size_t	cc_len;
	/* Every To and Cc field (for mass_visible_action = bcc). */
	const char *addr_val[2][ADDR_FIELDS_MAX];
	size_t	addr_len[2][ADDR_FIELDS_MAX];
	unsigned naddr[2];		/* 0: To, 1: Cc; values kept */
	unsigned nfields[2];		/* ... and fields seen (may be more) */
} hdr_facts;

/* field_value - the value of a field: after the colon and white space, before the line end */
static void
field_value(const char *colon, const char *end, const char **val, size_t *vlen)
{
	const char *v = colon + 1;

	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == '\n' || end[-1] == '\r'))
		end--;
	*val = v;
	*vlen = (size_t) (end - v);
}

/* read_facts - walk the header block of raw (bounded) */
static void
read_facts(const char *raw, size_t len, hdr_facts *hf)
{
	const char *p = raw, *end;

	memset(hf, 0, sizeof(*hf));
	if (raw == NULL)
		return;
	end = raw + (len < HEADER_BLOCK_MAX ? len : HEADER_BLOCK_MAX);
	while (p < end && *p != '\r' && *p != '\n') {
		const char *f = p, *colon = NULL, *fe;

		/* One field: its first line and the lines that continue it. */
		for (;;) {
			const char *nl = memchr(p, '\n', (size_t) (end - p));

			p = nl ? nl + 1 : end;
			if (p >= end || (*p != ' ' && *p != '\t'))
				break;
		}
		fe = p;
		colon = memchr(f, ':', (size_t) (fe - f));
		if (colon == NULL)
			continue;
		for (size_t i = 0; i < N_OWN; i++) {
			size_t  n = strlen(own_headers[i]);

			if ((size_t) (colon - f) == n && strncasecmp(f, own_headers[i], n) == 0)
				hf->own[i]++;
		}
		if ((size_t) (colon - f) == 7 && strncasecmp(f, "Subject", 7) == 0 && hf->subject == NULL)
			field_value(colon, fe, &hf->subject, &hf->subject_len);
		else if ((size_t) (colon - f) == 2 && strncasecmp(f, "Cc", 2) == 0 && hf->cc == NULL)
			field_value(colon, fe, &hf->cc, &hf->cc_len);
		if ((size_t) (colon - f) == 2 && (strncasecmp(f, "To", 2) == 0 || strncasecmp(f, "Cc", 2) == 0)) {
			int     w = (f[0] == 'C' || f[0] == 'c');

			if (hf->naddr[w] < ADDR_FIELDS_MAX) {
				field_value(colon, fe, &hf->addr_val[w][hf->naddr[w]], &hf->addr_len[w][hf->naddr[w]]);
				hf->naddr[w]++;
			}
			if (hf->nfields[w] < 100000)
				hf->nfields[w]++;
		}
	}
}

/* step - append one step to the result */
static void
step(om_result *res, size_t *cap, om_act_kind kind, const char *name, unsigned index,
     const char *value, int required)
{
	om_act *a;

	if (res->nacts == *cap) {
		size_t  n = *cap ? *cap * 2 : 16;
		om_act *v = om_pool_alloc(res->pool, n * sizeof(*v));

		if (res->nacts)
			memcpy(v, res->acts, res->nacts * sizeof(*v));
		res->acts = v;
		*cap = n;
	}
	a = res->acts + res->nacts++;
	a->kind = kind;
	a->name = name;
	a->index = index;
	a->value = value;
	a->required = required;
}

/* category_list - "a, b" of the distinct categories */
static const char *
category_list(const om_result *res)
{
	om_buf  b;
	const char *s;

	om_buf_init(&b, 2000);
	for (size_t i = 0; i < res->nfindings; i++) {
		int     dup = 0;

		for (size_t j = 0; j < i && !dup; j++)
			dup = strcmp(res->findings[j].category, res->findings[i].category) == 0;
		if (!dup && (b.len == 0 || om_buf_puts(&b, ", ") == 0))
			(void) om_buf_puts(&b, res->findings[i].category);
	}
	s = om_pool_strdup(res->pool, b.data ? b.data : "");
	om_buf_free(&b);
	return (s);
}

/* om_act_categories - the verdict's categories as one line, in res's pool */
const char *
om_act_categories(const om_result *res)
{
	return (category_list(res));
}

/* attack_value - X-Omamori-Attack: the English line, then the Japanese one encoded */
static const char *
attack_value(const om_result *res)
{
	const char *words = res->attack_words, *nl = strchr(words, '\n');
	om_buf  b;
	const char *s;

	om_buf_init(&b, 4000);
	om_buf_append(&b, words, nl ? (size_t) (nl - words) : strlen(words));
	if (nl && nl[1]) {
		om_buf_puts(&b, "\n\t");
		(void) om_rfc2047_encode(&b, nl + 1, strlen(nl + 1), "\n\t", OM_RFC2047_ALWAYS);
	}
	s = om_pool_strdup(res->pool, b.data ? b.data : "");
	om_buf_free(&b);
	return (s);
}

/* subject_has_tag - the Subject already carries the tag (raw or decoded) */
static int
subject_has_tag(const om_result *res, const hdr_facts *hf, const char *tag)
{
	if (hf->subject && memmem(hf->subject, hf->subject_len, tag, strlen(tag)))
		return (1);
	return (res->msg && res->msg->subject && strstr(res->msg->subject, tag));
}

/* wants_manager - a finding's action asks for the manager in Cc */
static int
wants_manager(const om_result *res)
{
	if (res->add_cc == NULL)
		return (0);
	if (res->action == OM_ACT_ADD_CC)
		return (1);
	for (size_t i = 0; i < res->nfindings; i++)
		if (res->findings[i].action == OM_ACT_ADD_CC)
			return (1);
	return (0);
}

/* ascii_line - printable ASCII only, bounded, in res's pool */
static const char *
ascii_line(const om_result *res, const char *in, size_t max)
{
	char   *out = om_pool_alloc(res->pool, max + 1);
	size_t  o = 0;

	for (const unsigned char *p = (const unsigned char *) in; p && *p && o < max; p++)
		out[o++] = (*p >= 0x20 && *p < 0x7f) ? (char) *p : '?';
	out[o] = 0;
	return (out);
}

/* keep_internal - the internal addresses of one address list (groups keep their name) */
static void
keep_internal(const om_conf *conf, InternetAddressList *in, InternetAddressList *out, size_t *kept)
{
	int     n = internet_address_list_length(in);

	for (int i = 0; i < n && i < 100000; i++) {
		InternetAddress *ia = internet_address_list_get_address(in, i);

		if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
			const char *spec = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));

			if (spec && om_conf_addr_internal(conf, spec)) {
				internet_address_list_add(out, ia);
				(*kept)++;
			}
		} else if (INTERNET_ADDRESS_IS_GROUP(ia)) {
			InternetAddressGroup *g = INTERNET_ADDRESS_GROUP(ia);
			InternetAddress *ng = internet_address_group_new(internet_address_get_name(ia));
			size_t  before = *kept;

			/* Groups are not nested (RFC 5322): one level is read. */
			keep_internal(conf, internet_address_group_get_members(g),
				      internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ng)), kept);
			if (*kept > before || internet_address_list_length(internet_address_group_get_members(g)) == 0)
				internet_address_list_add(out, ng);
			g_object_unref(ng);
		}
	}
}

/*
 * visible_only - a To/Cc value with only the firm's own addresses left,
 * in res's pool; "" when none is left. A value that cannot be read as
 * addresses keeps nothing: what cannot be read cannot be shown to be
 * internal.
 */
static const char *
visible_only(const om_conf *conf, om_result *res, const char *val, size_t len)
{
	char   *v = strndup(val, len), *str;
	InternetAddressList *in, *out;
	const char *s;
	size_t  kept = 0;

	if (v == NULL)
		return ("");
	in = internet_address_list_parse(NULL, v);
	free(v);
	if (in == NULL)
		return ("");
	out = internet_address_list_new();
	keep_internal(conf, in, out, &kept);
	str = kept ? internet_address_list_to_string(out, NULL, TRUE) : NULL;
	s = om_pool_strdup(res->pool, str ? str : "");
	g_free(str);
	g_object_unref(out);
	g_object_unref(in);
	return (s);
}

/*
 * plan_bcc - mass_visible_action = bcc: every To and Cc field keeps only
 * the firm's addresses; an empty To becomes the sender (or the empty
 * group "undisclosed-recipients:;"), an empty Cc goes, and fields past
 * the ADDR_FIELDS_MAX read of each name go whole. The envelope is
 * not touched: everyone still gets the message. The manager, when one
 * is to be added, joins the first Cc. Returns 1 when the manager was
 * placed, else 0.
 */
static int
plan_bcc(const om_snap *snap, om_result *res, size_t *cap, const hdr_facts *hf, int manager)
{
	const om_conf *conf = snap->conf;
	int     placed = 0;

	for (int w = 0; w < 2; w++) {
		const char *name = w ? "Cc" : "To";

		/* Last first, so that deleting a field does not renumber the next. */
		for (unsigned k = hf->nfields[w]; k > hf->naddr[w]; k--)
			step(res, cap, OM_DO_DELETE_HEADER, name, k, NULL, 1);
		for (unsigned k = hf->naddr[w]; k > 0; k--) {
			const char *nv = visible_only(conf, res, hf->addr_val[w][k - 1], hf->addr_len[w][k - 1]);

			if (w == 1 && k == 1 && manager) {
				nv = *nv ? om_pool_printf(res->pool, "%s, %s", nv, res->add_cc) : res->add_cc;
				placed = 1;
			}
			if (*nv == 0 && w == 0 && k == 1)
				nv = res->sender && *res->sender && strcmp(res->sender, "<>") != 0
				    ? res->sender : "undisclosed-recipients:;";
			if (*nv == 0)
				step(res, cap, OM_DO_DELETE_HEADER, name, k, NULL, 1);
			else if (hf->addr_len[w][k - 1] != strlen(nv) || memcmp(nv, hf->addr_val[w][k - 1], strlen(nv)) != 0)
				step(res, cap, OM_DO_CHANGE_HEADER, name, k, nv, 1);
		}
	}
	if (hf->naddr[0] == 0)
		step(res, cap, OM_DO_ADD_HEADER, "To", 0, "undisclosed-recipients:;", 1);
	return (placed);
}
static void plan_register(om_result *res, size_t *cap, size_t window);

/*
 * delay_for - seconds outbound mail that would be delivered waits:
 * delay_outbound, or longer when delay_categories says so for one of
 * its findings. Mail held or refused for a reason of its own, inbound
 * and internal mail, and a verdict on our own trouble are not delayed.
 */
static unsigned
delay_for(const om_conf *conf, const om_result *res)
{
	size_t  d = conf->conf_delay_outbound;

	if (res->direction != OM_DIR_OUTBOUND || res->internal_error
	    || (res->action != OM_ACT_ACCEPT && res->action != OM_ACT_TAG && res->action != OM_ACT_ADD_CC))
		return (0);
	for (size_t i = 0; i < res->nfindings; i++) {
		size_t  c = om_conf_delay(conf, res->findings[i].category);

		if (c > d)
			d = c;
	}
	return ((unsigned) d);
}

/* om_act_plan - fill in res->acts for res->action */
void
om_act_plan(const om_snap *snap, om_result *res, const char *ref, const char *raw, size_t len)
{
	const om_conf *conf = snap->conf;
	om_action act = res->action;
	size_t  cap = 0;
	int     placed = 0;
	hdr_facts hf;

	res->acts = NULL;
	res->nacts = 0;
	res->subject_prefix = NULL;
	res->delay = 0;
	res->on_trouble = conf->conf_error_action;
	if (act == OM_ACT_TEMPFAIL) {
		if (res->internal_error || res->reply == NULL)
			res->reply = "451 4.7.1 Message could not be checked now; try again later";
		return;
	}
	if (act == OM_ACT_REJECT) {
		if (res->reply == NULL)
			res->reply = om_pool_printf(res->pool, "%s Message refused by mail policy",
						    conf->conf_reject_reply_code);
		if (om_notice_wanted(snap, res))
			step(res, &cap, OM_DO_NOTICE, NULL, 0, NULL, 0);
		return;
	}
	read_facts(raw, len, &hf);

	/* Delivered or held: our headers replace any that came in. */
	for (size_t i = 0; i < N_OWN; i++)
		for (unsigned k = hf.own[i] < OM_ACT_DELETE_MAX ? hf.own[i] : OM_ACT_DELETE_MAX; k > 0; k--)
			step(res, &cap, OM_DO_DELETE_HEADER, own_headers[i], k, NULL, 0);
	step(res, &cap, OM_DO_ADD_HEADER, OM_HDR_VERDICT, 0, om_action_name(act), 0);
	if (res->nfindings > 0)
		step(res, &cap, OM_DO_ADD_HEADER, OM_HDR_CATEGORIES, 0, category_list(res), 0);
	if (ref && *ref)
		step(res, &cap, OM_DO_ADD_HEADER, OM_HDR_REF, 0, om_pool_strdup(res->pool, ref), 0);
	if (res->attack_words && act != OM_ACT_ACCEPT)
		step(res, &cap, OM_DO_ADD_HEADER, OM_HDR_ATTACK, 0, attack_value(res), 0);

	if (act == OM_ACT_TAG && conf->conf_subject_tag && *conf->conf_subject_tag
	    && !subject_has_tag(res, &hf, conf->conf_subject_tag)) {
		om_buf  b;

		om_buf_init(&b, 0);
		(void) om_rfc2047_encode(&b, conf->conf_subject_tag, strlen(conf->conf_subject_tag), " ", 0);
		res->subject_prefix = conf->conf_subject_tag;
		if (hf.subject) {
			om_buf_putc(&b, ' ');
			om_buf_append(&b, hf.subject, hf.subject_len);
			step(res, &cap, OM_DO_CHANGE_HEADER, "Subject", 1, om_pool_strdup(res->pool, b.data), 0);
		} else
			step(res, &cap, OM_DO_ADD_HEADER, "Subject", 0, om_pool_strdup(res->pool, b.data), 0);
		om_buf_free(&b);
	}

	/* External addresses out of To/Cc (the manager may join Cc there). */
	if (res->to_bcc)
		placed = plan_bcc(snap, res, &cap, &hf, wants_manager(res) && hf.cc != NULL);

	/* Manager in Cc: asked for by the policy, whatever the overall action. */
	if (wants_manager(res)) {
		step(res, &cap, OM_DO_ADD_RCPT, NULL, 0, om_pool_printf(res->pool, "<%s>", res->add_cc), 1);
		if (!placed && hf.cc)
			step(res, &cap, OM_DO_CHANGE_HEADER, "Cc", 1,
			     om_pool_printf(res->pool, "%.*s, %s", (int) hf.cc_len, hf.cc, res->add_cc), 1);
		else if (!placed)
			step(res, &cap, OM_DO_ADD_HEADER, "Cc", 0, res->add_cc, 1);
	}
	if (act == OM_ACT_HOLD)
		step(res, &cap, OM_DO_QUARANTINE, NULL, 0,
		     ascii_line(res, res->reason ? res->reason : "held for review", REASON_MAX), 1);
	else if (act == OM_ACT_APPROVE) {
		/* Held until approved, rejected or approve_timeout passes. */
		res->delay = (unsigned) conf->conf_approve_timeout;
		step(res, &cap, OM_DO_DELAY, "approve", res->delay, NULL, 1);
		step(res, &cap, OM_DO_QUARANTINE, NULL, 0,
		     ascii_line(res, om_pool_printf(res->pool, "omamori: waiting for approval: %s",
						    res->reason ? res->reason : "-"), REASON_MAX), 1);
	} else if ((res->delay = delay_for(conf, res)) > 0) {
		/* The record first (its failure is trouble), then the hold. */
		step(res, &cap, OM_DO_DELAY, "delay", res->delay, NULL, 1);
		step(res, &cap, OM_DO_QUARANTINE, NULL, 0,
		     om_pool_printf(res->pool, "omamori: send delay %us", res->delay), 1);
	}
	if ((act == OM_ACT_HOLD || res->to_bcc || res->delay) && om_notice_wanted(snap, res))
		step(res, &cap, OM_DO_NOTICE, NULL, 0, NULL, 0);
	plan_register(res, &cap, conf->conf_ppap_window);
}

/*
 * plan_register - delivered outbound mail registers its new domains.
 * Last, because the daemon applies these only after everything else
 * went through. Held and delayed mail does not: its pending record
 * keeps the domains, and "omamori review due" registers them when it
 * releases the message (om_pending.h).
 */
static void
plan_register(om_result *res, size_t *cap, size_t window)
{
	if (res->direction != OM_DIR_OUTBOUND || res->internal_error
	    || (res->action != OM_ACT_ACCEPT && res->action != OM_ACT_TAG
		&& res->action != OM_ACT_ADD_CC))
		return;
	for (size_t i = 0; i < res->nfindings && !res->delay; i++) {
		const om_finding *f = res->findings + i;

		if (strcmp(f->category, "recipient.new_domain") == 0 && f->sample
		    && om_state_domain_registrable(f->sample))
			step(res, cap, OM_DO_REGISTER_DOMAIN, NULL, 0, f->sample, 0);
	}
	/* An encrypted archive went out: its password mail may follow (om_detect_ppap.c). */
	if (res->ppap_key)
		step(res, cap, OM_DO_REMEMBER, "ppap", (unsigned) window, res->ppap_key, 0);
}

/*
 * om_act_register - apply the register steps of a delivered message to
 * the snapshot's store. A failure is logged and counted; it changes no
 * verdict (the domain is simply still new next time). How many failed.
 */
int
om_act_register(const om_snap *snap, const om_result *res, const char *ref)
{
	int     failed = 0;

	for (size_t i = 0; i < res->nacts; i++) {
		const om_act *a = res->acts + i;

		if (a->kind == OM_DO_REMEMBER) {
			if (snap->state == NULL
			    || om_state_put(snap->state, a->name, a->value, "1", 1, 0,
					    time(NULL) + (time_t) a->index) < 0) {
				om_warn("%s: %s record not kept: %s", ref ? ref : "-", a->name,
					snap->state ? om_state_error() : "no state store");
				failed++;
			}
			continue;
		}
		if (a->kind != OM_DO_REGISTER_DOMAIN)
			continue;
		if (snap->state == NULL
		    || om_state_domain_add(snap->state, a->value, OM_DOMAIN_LEARNED, time(NULL)) < 0) {
			om_warn("%s: domain %s not registered: %s", ref ? ref : "-", a->value,
				snap->state ? om_state_error() : "no state store");
			failed++;
		}
	}
	return (failed);
}
