/*++
 * NAME
 *	om_scan 3
 * SUMMARY
 *	findings list and direction
 * DESCRIPTION
 *	See om_scan.h. Direction follows DESIGN.md: a sender is internal
 *	when its domain is in internal_domains, when it authenticated, or
 *	when its client is in trusted_networks. An internal sender with at
 *	least one external recipient is outbound; with none, internal.
 *	Anyone else is inbound.
 *--*/
#include "config.h"

#include <string.h>
#include <strings.h>

#include "om_log.h"
#include "om_scan.h"

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

/* om_scan_direction - effective envelope and direction */
int
om_scan_direction(om_scan *scan, const om_envelope *env)
{
	const om_msg *msg = scan->msg;
	size_t  cap = 0;

	/* Sender: the envelope, else From:. */
	if (env && env->from)
		scan->sender = strip_angle(scan->pool, env->from);
	else if (msg->from.n > 0)
		scan->sender = msg->from.v[0].addr;
	else
		scan->sender = "";

	/* Recipients: the envelope, else To/Cc/Bcc. */
	if (env && env->rcpt && env->nrcpt > 0) {
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
	scan->sender_internal = om_conf_addr_internal(scan->conf, scan->sender)
	    || scan->auth != NULL
	    || om_conf_client_trusted(scan->conf, scan->client_addr);
	if (scan->sender_internal)
		scan->direction = scan->n_external > 0 ? OM_DIR_OUTBOUND : OM_DIR_INTERNAL;
	else
		scan->direction = OM_DIR_INBOUND;
	return (0);
}
