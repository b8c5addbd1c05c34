/*++
 * NAME
 *	om_detect_recipients 3
 * SUMMARY
 *	outbound recipient rules: free mail, visible mass mail, manager Cc
 * DESCRIPTION
 *	Only mail with external envelope recipients is judged here: outbound
 *	mail, and inbound mail relayed to the outside (om_scan.c); the
 *	manager rule only for mail from the firm.
 *
 *	recipient.freemail: an external envelope recipient whose domain
 *	(or a parent of it) is in the free-mail list: the built-in R7
 *	domains, rules_dir/freemail.txt and the admin's freemail_domains
 *	file. One finding, counted per recipient.
 *
 *	recipient.mass_visible: more than mass_visible_limit distinct
 *	external addresses in To and Cc together (REQUIREMENTS.md R6:
 *	such mail goes out with the recipients in Bcc).
 *
 *	cc.manager_missing: the sender has a manager in manager_map
 *	(address first, then @domain) and the manager is neither in Cc
 *	nor among the envelope recipients. The manager's address goes
 *	into om_result.add_cc so that the daemon can add it.
 *
 *	recipient.new_domain: outbound mail (from the firm) to an external
 *	domain that is not registered in the state store (om_state.h).
 *	One finding per such domain, its sample the domain (A-label,
 *	lower case). A registered domain covers its subdomains. With no
 *	store configured there is no such finding; a store that cannot
 *	answer makes this detector fail (error_action). At most
 *	NEW_DOMAIN_MAX distinct domains are looked up per message.
 *
 *	Samples are masked: the local part of an address is replaced,
 *	only its domain is shown.
 *--*/
#include "config.h"

#include <string.h>
#include <strings.h>

#include "om_log.h"
#include "om_map.h"
#include "om_scan.h"
#include "om_state.h"

#define RCPT_SCAN_MAX	100000		/* addresses looked at per list */
#define MASS_COUNT_MAX	1000		/* distinct To/Cc addresses counted */
#define NEW_DOMAIN_MAX	100		/* distinct domains looked up per message */

/* mask_addr - "***@domain" */
static const char *
mask_addr(om_pool *pool, const char *addr)
{
	const char *at = strrchr(addr, '@');

	return (om_pool_printf(pool, "***@%s", at ? at + 1 : "?"));
}

/* detect_freemail - external recipients at free-mail domains */
static void
detect_freemail(om_scan *scan)
{
	const om_map *fm = scan->snap->freemail;

	for (size_t i = 0; i < scan->nrcpts && i < RCPT_SCAN_MAX; i++) {
		const char *at;

		if (!scan->rcpt_external[i] || (at = strrchr(scan->rcpts[i], '@')) == NULL)
			continue;
		if (om_map_has_domain(fm, at + 1))
			om_scan_add(scan, "recipient.freemail", "recipient.freemail", "envelope",
				    mask_addr(scan->pool, scan->rcpts[i]), 1.0);
	}
}

/* seen_before - address already counted among the first n of to+cc */
static int
seen_before(const om_addr *const *v, size_t n, const char *addr)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(v[i]->addr, addr) == 0)
			return (1);
	return (0);
}

/* detect_mass_visible - too many external addresses in To/Cc */
static void
detect_mass_visible(om_scan *scan)
{
	const om_addrlist *lists[2] = {&scan->msg->to, &scan->msg->cc};
	size_t  limit = scan->conf->conf_mass_visible_limit;
	size_t  total = scan->msg->to.n + scan->msg->cc.n;
	const om_addr **ext;
	size_t  next = 0;

	if (total <= limit)
		return;
	if (total > MASS_COUNT_MAX)
		total = MASS_COUNT_MAX;
	ext = om_pool_alloc(scan->pool, total * sizeof(*ext));
	for (int l = 0; l < 2; l++) {
		for (size_t i = 0; i < lists[l]->n && next < total; i++) {
			const om_addr *a = lists[l]->v + i;

			if (a->addr == NULL || om_conf_addr_internal(scan->conf, a->addr))
				continue;
			if (seen_before(ext, next, a->addr))
				continue;
			ext[next++] = a;
		}
	}
	if (next > limit) {
		om_finding *f = om_scan_add(scan, "recipient.mass_visible", "recipient.mass_visible",
					    "header", om_pool_printf(scan->pool, "%zu external addresses in To/Cc", next), 1.0);

		f->count = (unsigned) next;
	}
}

/* detect_manager - the sender's manager is not among the recipients */
static void
detect_manager(om_scan *scan)
{
	const om_map *mm = scan->snap->manager;
	const char *mgr;

	if (mm == NULL || scan->sender == NULL || *scan->sender == 0)
		return;
	if ((mgr = om_map_lookup_addr(mm, scan->sender)) == NULL)
		return;
	if (strcasecmp(mgr, scan->sender) == 0)
		return;
	for (size_t i = 0; i < scan->nrcpts; i++)
		if (strcasecmp(scan->rcpts[i], mgr) == 0)
			return;
	for (size_t i = 0; i < scan->msg->cc.n && i < RCPT_SCAN_MAX; i++)
		if (scan->msg->cc.v[i].addr && strcasecmp(scan->msg->cc.v[i].addr, mgr) == 0)
			return;
	om_scan_add(scan, "cc.manager_missing", "manager_map", "envelope", NULL, 1.0);
	scan->add_cc = om_pool_strdup(scan->pool, mgr);
}

/* detect_new_domain - external domains the firm has not written to; -1 if the store fails */
static int
detect_new_domain(om_scan *scan)
{
	om_state *st = scan->snap->state;
	char    (*seen)[OM_STATE_DOMAIN_MAX + 1];
	size_t  nseen = 0;

	if (st == NULL)
		return (0);
	seen = om_pool_alloc(scan->pool, NEW_DOMAIN_MAX * sizeof(*seen));
	for (size_t i = 0; i < scan->nrcpts && i < RCPT_SCAN_MAX && nseen < NEW_DOMAIN_MAX; i++) {
		const char *at;
		char   *d = seen[nseen];
		int     dup = 0, known;

		if (!scan->rcpt_external[i] || (at = strrchr(scan->rcpts[i], '@')) == NULL)
			continue;
		/* Not a domain name (an address literal, say): never registered. */
		if (om_state_domain_norm(at + 1, d, sizeof(seen[0])) < 0)
			snprintf(d, sizeof(seen[0]), "%s", at + 1);
		for (size_t j = 0; j < nseen && !dup; j++)
			dup = strcmp(seen[j], d) == 0;
		if (dup)
			continue;
		nseen++;
		if (!om_state_domain_registrable(d))
			known = 0;
		else if ((known = om_state_domain_known(st, d)) < 0) {
			om_warn("%s: state %s", scan->queue_id ? scan->queue_id : "-", om_state_error());
			return (-1);
		}
		if (!known)
			om_scan_add_each(scan, "recipient.new_domain", "registered_domains", "recipients",
					 d, 1.0);
	}
	return (0);
}

/* om_detect_recipients - the outbound recipient rules */
int
om_detect_recipients(om_scan *scan)
{
	if (!scan->outbound_checks)
		return (0);
	detect_freemail(scan);
	detect_mass_visible(scan);
	/* The manager of a sender from outside is nobody's to add. */
	if (scan->direction == OM_DIR_OUTBOUND) {
		detect_manager(scan);
		/* Only the firm's own mail teaches or asks about its domains. */
		if (detect_new_domain(scan) < 0)
			return (-1);
	}
	return (0);
}
