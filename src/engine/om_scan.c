/*++
 * NAME
 *	om_scan 3
 * SUMMARY
 *	findings list and direction
 * DESCRIPTION
 *	See om_scan.h. Direction follows DESIGN.md and decides, like
 *	Postfix's permit_mynetworks and permit_sasl_authenticated, by the
 *	client and never by what the envelope says of itself:
 *
 *	A message is from the firm when it authenticated (SASL), or when
 *	its client is in trusted_networks and not in inbound_relays (a
 *	front MX or content filter: what it hands on came from outside).
 *	From the firm with at least one external recipient it is outbound,
 *	with none internal. Anything else is inbound, whatever its sender
 *	domain says; an outside client that uses an internal domain as
 *	envelope sender or in From: is marked spoofed_internal (the attack
 *	detector reports attack.spoofed_internal).
 *
 *	Mail that reaches an external recipient gets the outbound rules
 *	(outbound_checks) from any client: a client that the MTA lets
 *	relay but trusted_networks does not list stays inbound, yet its
 *	personal data and attachments are judged as outbound mail's (the
 *	policy takes the stricter of the two directions' actions). When
 *	the recipients come from To/Cc/Bcc (no envelope), inbound mail
 *	gets only the inbound rules: those headers do not say who this
 *	copy is delivered to.
 *
 *	No client at all (om_envelope.client_addr NULL and no SASL login:
 *	"omamori scan" without --client) means a saved message: its client
 *	is taken to be the firm's own when the sender's domain is
 *	internal, an outside one otherwise. The daemon always names the
 *	client ("unknown" when the MTA gave none, which is outside).
 *
 *	An X-Omamori-Notice header that does not verify (om_notice.h), or
 *	a valid one on mail that is not from the firm, is reported as
 *	notice.forged.
 *--*/
#include "config.h"

#include <string.h>
#include <strings.h>
#include <time.h>

#include "om_log.h"
#include "om_notice.h"
#include "om_scan.h"

#define FROM_MAX	100		/* From: addresses judged */

/* scan_append - a new finding, never merged */
static om_finding *
scan_append(om_scan *scan, const char *category, const char *rule,
	    const char *where, const char *sample, double score)
{
	om_finding *f;

	if (scan->nfindings == scan->findings_cap) {
		size_t  cap = scan->findings_cap ? scan->findings_cap * 2 : 16;
		om_finding *nf = om_pool_alloc(scan->pool, cap * sizeof(*nf));

		if (scan->nfindings)
			memcpy(nf, scan->findings, scan->nfindings * sizeof(*nf));
		scan->findings = nf;
		scan->findings_cap = cap;
	}
	f = scan->findings + scan->nfindings++;
	f->category = om_pool_strdup(scan->pool, category);
	f->rule = om_pool_strdup(scan->pool, rule);
	f->where = om_pool_strdup(scan->pool, where);
	f->sample = sample ? om_pool_strdup(scan->pool, sample) : NULL;
	f->count = 1;
	f->score = score;
	f->action = OM_ACT_ACCEPT;
	return (f);
}

/* om_scan_add - report one occurrence */
om_finding *
om_scan_add(om_scan *scan, const char *category, const char *rule,
	    const char *where, const char *sample, double score)
{
	om_finding *f;

	for (size_t i = 0; i < scan->nfindings; i++) {
		f = scan->findings + i;
		if (strcmp(f->category, category) == 0 && strcmp(f->rule, rule) == 0
		    && strcmp(f->where, where) == 0) {
			if (f->count < 1000000)
				f->count++;
			if (f->sample == NULL && sample)
				f->sample = om_pool_strdup(scan->pool, sample);
			return (f);
		}
	}
	return (scan_append(scan, category, rule, where, sample, score));
}

/* om_scan_add_each - report one finding of its own (one per domain, say) */
om_finding *
om_scan_add_each(om_scan *scan, const char *category, const char *rule,
		 const char *where, const char *sample, double score)
{
	return (scan_append(scan, category, rule, where, sample, score));
}

/* om_scan_find - first finding of a category, or NULL */
om_finding *
om_scan_find(const om_scan *scan, const char *category)
{
	for (size_t i = 0; i < scan->nfindings; i++)
		if (strcmp(scan->findings[i].category, category) == 0)
			return (scan->findings + i);
	return (NULL);
}

/* rcpt_hash - hash of an address, ASCII case folded as strcasecmp() does */
static size_t
rcpt_hash(const char *s)
{
	size_t  h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char) (*s >= 'A' && *s <= 'Z' ? *s + 32 : *s)) * 16777619u;
	return (h);
}

/*
 * add_rcpt - append one recipient, skipping duplicates. Thousands of
 * recipients must cost linear time: the array grows geometrically, and
 * an open-addressing index of its entries (2 * cap slots of entry + 1,
 * a power of two) lives in the same allocation, right after the *cap
 * pointers; it is rebuilt whenever the array grows.
 */
static void
add_rcpt(om_scan *scan, const char *addr, size_t *cap)
{
	size_t *slot = *cap ? (size_t *) (scan->rcpts + *cap) : NULL;
	size_t  mask = *cap * 2 - 1, h = rcpt_hash(addr);

	if (slot) {
		for (size_t i = h & mask; slot[i]; i = (i + 1) & mask)
			if (strcasecmp(scan->rcpts[slot[i] - 1], addr) == 0)
				return;
	}
	if (scan->nrcpts >= *cap) {
		size_t  ncap = *cap ? *cap * 2 : 16;
		const char **nv;

		while (ncap <= scan->nrcpts)
			ncap *= 2;
		nv = om_pool_zalloc(scan->pool, ncap * sizeof(char *) + ncap * 2 * sizeof(size_t));
		if (scan->nrcpts)
			memcpy(nv, scan->rcpts, scan->nrcpts * sizeof(char *));
		scan->rcpts = nv;
		*cap = ncap;
		slot = (size_t *) (nv + ncap);
		mask = ncap * 2 - 1;
		for (size_t k = 0; k < scan->nrcpts; k++) {
			size_t  i = rcpt_hash(scan->rcpts[k]) & mask;

			while (slot[i])
				i = (i + 1) & mask;
			slot[i] = k + 1;
		}
	}
	scan->rcpts[scan->nrcpts] = om_pool_strdup(scan->pool, addr);
	{
		size_t  i = h & mask;

		while (slot[i])
			i = (i + 1) & mask;
		slot[i] = ++scan->nrcpts;
	}
}

/* strip_angle - "<a@b>" to "a@b" in the pool */
static const char *
strip_angle(om_pool *pool, const char *a)
{
	size_t  n = strlen(a);

	if (n >= 2 && a[0] == '<' && a[n - 1] == '>')
		return (om_pool_strndup(pool, a + 1, n - 2));
	return (om_pool_strdup(pool, a));
}

/* from_internal - an internal address in From: */
static int
from_internal(const om_scan *scan)
{
	const om_msg *msg = scan->msg;

	for (size_t i = 0; i < msg->from.n && i < FROM_MAX; i++)
		if (om_conf_addr_internal(scan->conf, msg->from.v[i].addr))
			return (1);
	return (0);
}

/* notice_check - an X-Omamori-Notice header we did not make, or from outside */
static void
notice_check(om_scan *scan)
{
	const char *v = om_msg_header(scan->msg, OM_NOTICE_HEADER);
	int     st;

	if (v == NULL)
		return;
	st = om_notice_verify(scan->snap, v, scan->rcpts, scan->nrcpts, (long) time(NULL));
	if (st == OM_NOTICE_VALID && scan->sender_internal)
		return;
	om_scan_add(scan, "notice.forged", om_pool_printf(scan->pool, "notice.%s", st == OM_NOTICE_VALID ?
							  "outside" : om_notice_status(st)),
		    "header", NULL, 1.0);
}

/* om_scan_direction - effective envelope and direction */
int
om_scan_direction(om_scan *scan, const om_envelope *env)
{
	const om_msg *msg = scan->msg;
	size_t  cap = 0;
	int     sender_domain_internal, envelope_rcpts = 0;

	/* Sender: the envelope, else From:. */
	if (env && env->from)
		scan->sender = strip_angle(scan->pool, env->from);
	else if (msg->from.n > 0)
		scan->sender = msg->from.v[0].addr;
	else
		scan->sender = "";

	/* Recipients: the envelope, else To/Cc/Bcc. */
	if (env && env->rcpt && env->nrcpt > 0) {
		envelope_rcpts = 1;
		for (size_t i = 0; i < env->nrcpt && i < 100000; i++)
			add_rcpt(scan, strip_angle(scan->pool, env->rcpt[i]), &cap);
	} else {
		const om_addrlist *lists[3] = {&msg->to, &msg->cc, &msg->bcc};

		for (int l = 0; l < 3; l++)
			for (size_t i = 0; i < lists[l]->n; i++)
				add_rcpt(scan, lists[l]->v[i].addr, &cap);
	}
	scan->rcpt_external = om_pool_zalloc(scan->pool, scan->nrcpts ? scan->nrcpts : 1);
	for (size_t i = 0; i < scan->nrcpts; i++) {
		if (!om_conf_addr_internal(scan->conf, scan->rcpts[i])) {
			scan->rcpt_external[i] = 1;
			scan->n_external++;
		}
	}
	scan->auth = env && env->auth && *env->auth ? env->auth : NULL;
	scan->client_addr = env ? env->client_addr : NULL;
	scan->queue_id = env ? env->queue_id : NULL;
	sender_domain_internal = om_conf_addr_internal(scan->conf, scan->sender);

	/* From the firm: by the client (or its login), not by the envelope. */
	if (scan->auth != NULL)
		scan->sender_internal = 1;
	else if (scan->client_addr == NULL)
		scan->sender_internal = sender_domain_internal;
	else
		scan->sender_internal = om_conf_client_trusted(scan->conf, scan->client_addr)
		    && !om_conf_client_relay(scan->conf, scan->client_addr);
	scan->spoofed_internal = !scan->sender_internal && (sender_domain_internal || from_internal(scan));
	if (scan->sender_internal)
		scan->direction = scan->n_external > 0 ? OM_DIR_OUTBOUND : OM_DIR_INTERNAL;
	else
		scan->direction = OM_DIR_INBOUND;

	/* External recipients get the outbound rules from any client. */
	scan->outbound_checks = scan->n_external > 0
	    && (scan->direction == OM_DIR_OUTBOUND || envelope_rcpts);
	notice_check(scan);
	return (0);
}
