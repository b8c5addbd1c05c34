/*++
 * NAME
 *	om_act 3h
 * SUMMARY
 *	the verdict as a list of steps for the MTA
 * SYNOPSIS
 *	#include "om_act.h"
 * DESCRIPTION
 *	om_act_plan() fills in a decided result's steps (om_engine.h's
 *	om_act list); the engine calls it last, so that every result the
 *	daemon and "omamori scan" see carries them.
 *
 *	om_act_register() applies the register-domain steps to the
 *	snapshot's state store; only the daemon calls it, after the MTA
 *	has the message. Held and delayed mail plans no such step: when it
 *	is released ("omamori review release", "omamori review due"), the
 *	domains of its recipient.new_domain findings (kept in its pending
 *	record, else the samples of its decision record) are registered
 *	then, with om_state_domain_add(..., OM_DOMAIN_LEARNED, ...).
 *
 *	Outbound mail that would be delivered is delayed when
 *	delay_outbound or delay_categories say so, and mail whose verdict
 *	is approve waits for approval: both plan an OM_DO_DELAY step (the
 *	daemon keeps the pending record, om_pending.h) before the quarantine.
 *--*/
#ifndef OM_ACT_H
#define OM_ACT_H

#include "om_result.h"
#include "om_snap.h"

#define OM_HDR_VERDICT		"X-Omamori-Verdict"
#define OM_HDR_CATEGORIES	"X-Omamori-Categories"
#define OM_HDR_REF		"X-Omamori-Ref"
#define OM_HDR_ATTACK		"X-Omamori-Attack"

void	om_act_plan(const om_snap *snap, om_result *res, const char *ref,
		    const char *raw, size_t len);
const char *om_act_categories(const om_result *res);
int	om_act_register(const om_snap *snap, const om_result *res, const char *ref);

#endif
