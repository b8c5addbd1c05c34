/*++
 * NAME
 *	om_result 3h
 * SUMMARY
 *	what one scan says: envelope in, findings, verdict and steps out
 * SYNOPSIS
 *	#include "om_result.h"
 * DESCRIPTION
 *	The data every stage after parsing shares: the envelope the MTA
 *	gave, the findings the detectors report (om_scan.h), the verdict
 *	the policy decides (om_policy.h) and the steps it turns into
 *	(om_act.h). om_engine.h runs the stages; this header only says
 *	what they exchange, so that none of them depends on the engine.
 *
 *	A result owns everything it points to; om_result_free() releases
 *	it. It never holds personal data in clear: samples are masked by
 *	the detectors before they are stored. om_result_json() writes the
 *	"omamori scan" object.
 *--*/
#ifndef OM_RESULT_H
#define OM_RESULT_H

#include <stddef.h>

#include "om_buf.h"
#include "om_types.h"

typedef struct om_envelope {
	const char *from;		/* MAIL FROM; NULL: take From: */
	const char *const *rcpt;	/* RCPT TO list; NULL: To/Cc/Bcc */
	size_t	nrcpt;
	const char *auth;		/* SASL login name, or NULL */
	const char *client_addr;	/* textual client IP, or NULL */
	const char *queue_id;		/* MTA queue id, or NULL */
	const char *ref;		/* X-Omamori-Ref value, or NULL: none added */
} om_envelope;

typedef struct om_finding {
	const char *category;		/* stable name, DESIGN.md */
	const char *rule;		/* rule id */
	const char *where;		/* "body", "subject", "attachment:NAME", ... */
	unsigned count;
	const char *sample;		/* masked, or NULL */
	double	score;			/* evidence weight of one occurrence */
	om_action action;		/* what the policy says for this one */
} om_finding;

/*
 * What the verdict does to the message, in the order it is to be done:
 * the milter applies the list and knows nothing else, "omamori scan"
 * prints it. Header values are ready to send (RFC 2047 where needed).
 */
typedef enum om_act_kind {
	OM_DO_DELETE_HEADER,		/* name, index (1 = first of that name) */
	OM_DO_CHANGE_HEADER,		/* name, index, value */
	OM_DO_ADD_HEADER,		/* name, value */
	OM_DO_ADD_RCPT,			/* value: "<addr>" */
	OM_DO_QUARANTINE,		/* value: ASCII reason kept by the MTA */
	OM_DO_NOTICE,			/* send the sender a notice */
	OM_DO_REGISTER_DOMAIN,		/* value: domain to register once the
					 * message is accepted (om_act_register) */
	OM_DO_REMEMBER,			/* name: namespace, value: key, index:
					 * seconds; kept once the message is
					 * accepted (om_act_register) */
	OM_DO_DELAY,			/* name: "delay", index: seconds; the
					 * daemon keeps a pending record
					 * (om_pending.h) before the quarantine
					 * step that follows */
} om_act_kind;

typedef struct om_act {
	om_act_kind kind;
	const char *name;
	unsigned index;
	const char *value;
	int	required;		/* failing it makes the verdict on_trouble */
} om_act;

typedef struct om_result {
	struct om_pool *pool;
	om_direction direction;
	om_action action;		/* the strictest that applies */
	const char *reply;		/* "550 5.7.1 ..." / "451 4.7.1 ...", or NULL */
	const char *reason;		/* one ASCII line: what and how to fix */
	const char *sender;		/* effective envelope sender */
	const char **rcpts;		/* effective envelope recipients */
	size_t	nrcpts;
	om_finding *findings;
	size_t	nfindings;
	int	internal_error;		/* the verdict is error_action */
	struct om_msg *msg;		/* the parsed message, for reports */
	const char *add_cc;		/* manager address to add to Cc and the
					 * envelope (cc.manager_missing), or NULL */
	unsigned attack_score;		/* inbound attack indicators, summed weights */
	const char *attack_words;	/* for X-Omamori-Attack when it tags, or NULL */
	/* The verdict as steps (om_act.c): */
	om_act *acts;
	size_t	nacts;
	const char *subject_prefix;	/* the tag put before the Subject, or NULL */
	int	to_bcc;			/* external To/Cc addresses moved out of sight */
	const char *ppap_key;		/* sender and recipients of an encrypted archive */
	om_action on_trouble;		/* when a required step fails: error_action */
	/* Send delay (om_pending.h): */
	unsigned delay;			/* seconds the delivered mail waits, or 0 */
	const char *pending_token;	/* its reply token, once the record is kept */
	long	pending_due;		/* ... and when it goes */
	const char *pending_approvers;	/* approval: manager and deputy, space separated */
} om_result;

const char *om_act_kind_name(om_act_kind kind);
void	om_result_free(om_result *res);
void	om_result_json(const om_result *res, om_buf *out);

#endif
