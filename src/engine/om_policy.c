/*++
 * NAME
 *	om_policy 3
 * SUMMARY
 *	decision and reply text
 *--*/
#include "config.h"

#include <string.h>

#include "om_buf.h"
#include "om_category.h"
#include "om_log.h"
#include "om_policy.h"

#define REPLY_TEXT_MAX	400		/* well inside the 512-byte SMTP line */

/* reason_text - "cat (what: fix); cat2 (...)" for findings at this action */
static char *
reason_text(const om_scan *scan, const om_result *res, om_action at)
{
	om_buf  b;
	char   *s;

	om_buf_init(&b, 0);
	for (size_t i = 0; i < res->nfindings; i++) {
		const om_finding *f = res->findings + i;
		const om_category *c;
		int     dup = 0;

		if (f->action != at)
			continue;
		for (size_t j = 0; j < i; j++)
			if (res->findings[j].action == at && strcmp(res->findings[j].category, f->category) == 0)
				dup = 1;
		if (dup)
			continue;
		c = om_category_get(f->category);
		if (b.len)
			om_buf_puts(&b, "; ");
		if (c && *c->fix_en)
			om_buf_printf(&b, "%s (%s: %s)", f->category, c->en, c->fix_en);
		else if (c)
			om_buf_printf(&b, "%s (%s)", f->category, c->en);
		else
			om_buf_puts(&b, f->category);
	}
	if (b.len > REPLY_TEXT_MAX) {
		b.len = REPLY_TEXT_MAX - 3;
		om_buf_puts(&b, "...");
	}
	s = om_pool_memdup(scan->pool, b.data ? b.data : "", b.len);
	om_buf_free(&b);
	return (s);
}

/* om_policy_decide - fill in actions, verdict, reply */
void
om_policy_decide(const om_scan *scan, om_result *res, int failed)
{
	const om_conf *conf = scan->conf;
	om_action worst = OM_ACT_ACCEPT;

	for (size_t i = 0; i < res->nfindings; i++) {
		om_finding *f = res->findings + i;

		f->action = om_conf_policy_action(conf, scan->direction, f->category);
		/* Inbound mail to external recipients: the outbound rules too. */
		if (scan->direction != OM_DIR_OUTBOUND && scan->outbound_checks) {
			om_action out = om_conf_policy_action(conf, OM_DIR_OUTBOUND, f->category);

			if (out > f->action)
				f->action = out;
		}
		/*
		 * Attack indicators count together: below attack_tag_score
		 * they are reported only; at attack_hold_score the message
		 * waits for review whatever the per-category entry says.
		 */
		if (strncmp(f->category, "attack.", 7) == 0) {
			if (scan->attack_score < conf->conf_attack_tag_score)
				f->action = OM_ACT_ACCEPT;
			else if (scan->attack_score >= conf->conf_attack_hold_score
				 && f->action != OM_ACT_ACCEPT && f->action < OM_ACT_HOLD)
				f->action = OM_ACT_HOLD;
		}
		/*
		 * mass_visible_action = bcc: the addresses are taken out of
		 * To/Cc (om_act.c) and the message goes; the sender is told.
		 */
		if (strcmp(f->category, "recipient.mass_visible") == 0
		    && strcmp(conf->conf_mass_visible_action, "bcc") == 0) {
			f->action = OM_ACT_ACCEPT;
			res->to_bcc = 1;
		}
		if (f->action > worst)
			worst = f->action;
	}
	res->internal_error = failed;
	if (failed)
		worst = conf->conf_error_action;
	res->action = worst;
	res->reply = NULL;
	res->reason = NULL;
	switch (worst) {
	case OM_ACT_REJECT:
		res->reason = failed ? "message could not be checked"
		    : reason_text(scan, res, OM_ACT_REJECT);
		res->reply = om_pool_printf(scan->pool, "%s Message refused by mail policy: %s",
					    conf->conf_reject_reply_code, res->reason);
		break;
	case OM_ACT_TEMPFAIL:
		res->reason = failed ? "message could not be checked now" : reason_text(scan, res, OM_ACT_TEMPFAIL);
		res->reply = om_pool_printf(scan->pool, "451 4.7.1 Message deferred by mail policy: %s; try again later",
					    res->reason);
		break;
	case OM_ACT_APPROVE:
		res->reason = reason_text(scan, res, OM_ACT_APPROVE);
		break;
	case OM_ACT_HOLD:
		res->reason = failed ? "message could not be checked" : reason_text(scan, res, OM_ACT_HOLD);
		break;
	case OM_ACT_TAG:
	case OM_ACT_ADD_CC:
		res->reason = reason_text(scan, res, worst);
		break;
	default:
		break;
	}
}
