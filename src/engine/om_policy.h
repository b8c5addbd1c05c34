/*++
 * NAME
 *	om_policy 3h
 * SUMMARY
 *	findings + direction -> one verdict
 * DESCRIPTION
 *	Each finding gets the action the direction's policy names for its
 *	category; the verdict is the strictest of them (accept < tag <
 *	add-cc < hold < reject). A reject carries an ASCII SMTP reply that
 *	names the categories and what to fix; a detector failure makes
 *	the verdict error_action (tempfail unless configured otherwise).
 *--*/
#ifndef OM_POLICY_H
#define OM_POLICY_H

#include "om_result.h"
#include "om_scan.h"

void	om_policy_decide(const om_scan *scan, om_result *res, int failed);

#endif
