/*++
 * NAME
 *	om_engine 3h
 * SUMMARY
 *	the engine: raw message in, verdict out
 * SYNOPSIS
 *	#include "om_engine.h"
 * DESCRIPTION
 *	parse -> normalise -> detect -> decide. The engine knows nothing of
 *	libmilter: the daemon, "omamori scan", the tests and the benchmarks
 *	all call om_engine_scan() the same way.
 *
 *	om_engine_global_init() once per process before any thread starts;
 *	om_engine_scan() is then safe to call from many threads at once
 *	with a shared configuration snapshot.
 *
 *	The result owns everything it points to; om_result_free() releases
 *	it. It never holds personal data in clear: samples are masked by
 *	the detectors before they are stored.
 *--*/
#ifndef OM_ENGINE_H
#define OM_ENGINE_H

#include <stddef.h>

#include "om_buf.h"
#include "om_snap.h"
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
	om_action on_trouble;		/* when a required step fails: error_action */
} om_result;

void	om_engine_global_init(void);
void	om_engine_global_shutdown(void);
om_result *om_engine_scan(const om_snap *snap, const om_envelope *env,
			  const char *raw, size_t len);
om_result *om_engine_scan_fd(const om_snap *snap, const om_envelope *env, int fd);
om_result *om_engine_error(const om_snap *snap, const om_envelope *env,
			   const char *raw, size_t len, int fd, const char *why);
const char *om_act_kind_name(om_act_kind kind);
void	om_result_free(om_result *res);
void	om_result_json(const om_result *res, om_buf *out);

#endif
