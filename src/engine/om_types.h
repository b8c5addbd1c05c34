/*++
 * NAME
 *	om_types 3h
 * SUMMARY
 *	small vocabulary shared by every engine module
 * DESCRIPTION
 *	Directions, actions and text scopes. Actions are ordered by
 *	severity so that the strictest applicable one is the larger value;
 *	tempfail is the answer to our own trouble and sorts last.
 *--*/
#ifndef OM_TYPES_H
#define OM_TYPES_H

#include <stddef.h>

typedef enum om_direction {
	OM_DIR_INTERNAL = 0,
	OM_DIR_OUTBOUND,
	OM_DIR_INBOUND,
	OM_DIR_COUNT
} om_direction;

typedef enum om_action {
	OM_ACT_ACCEPT = 0,
	OM_ACT_TAG,
	OM_ACT_ADD_CC,
	OM_ACT_APPROVE,			/* held until the sender's manager approves */
	OM_ACT_HOLD,
	OM_ACT_REJECT,
	OM_ACT_TEMPFAIL,
	OM_ACT_COUNT
} om_action;

/* Where a piece of text came from; rules say which scopes they apply to. */
typedef enum om_scope {
	OM_SCOPE_BODY = 1 << 0,
	OM_SCOPE_SUBJECT = 1 << 1,
	OM_SCOPE_HEADER = 1 << 2,
	OM_SCOPE_ATTACHMENT = 1 << 3,
	OM_SCOPE_FILENAME = 1 << 4
} om_scope;

#define OM_SCOPE_ALL	0x1f

const char *om_direction_name(om_direction d);
const char *om_action_name(om_action a);
int	om_action_parse(const char *s, om_action *a);
const char *om_scope_name(om_scope s);
int	om_scope_parse(const char *s, om_scope *sc);

#endif
