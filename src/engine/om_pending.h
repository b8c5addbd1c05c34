/*++
 * NAME
 *	om_pending 3h
 * SUMMARY
 *	held mail that waits for a time or an answer: send delay, approval
 * SYNOPSIS
 *	#include "om_pending.h"
 * DESCRIPTION
 *	A delayed message is quarantined by the MTA and described by one
 *	record in the state store (namespace "pending"): its queue id and
 *	X-Omamori-Ref, its sender, the gateway that holds it, when it is
 *	due, the domains it registers when it goes, and its state
 *	(waiting, cancel, release). The daemon writes the record and
 *	changes it when the sender answers by mail; "omamori review due",
 *	run as root, releases or discards what is due and deletes the
 *	record. The mail is in the hold queue and the record in the store,
 *	so a restart of either loses nothing.
 *
 *	Approval (the action "approve") uses the same record with kind
 *	approve: it is due when approve_timeout passes, and its approvers
 *	(the sender's manager from manager_map and that manager's deputy
 *	from deputy_map) answer with LOCAL-approve+TOKEN@DOMAIN or
 *	LOCAL-reject+TOKEN@DOMAIN; only they may.
 *
 *	A token names a record in the reply addresses
 *	(omamori-cancel+TOKEN@DOMAIN, omamori-send+TOKEN@DOMAIN):
 *	"ID.HOST.EXPIRES.MAC", lower case, at most OM_PENDING_TOKEN_MAX
 *	characters so that the address fits in 64: ID 12 random hex
 *	digits, HOST the gateway's name (gateway_name, else the short host
 *	name, at most 10 of [a-z0-9-]), EXPIRES the last second it is good
 *	(hex), MAC the first 16 hex digits of HMAC-SHA-256 over
 *	"omamori-pending\nID.HOST.EXPIRES" under the pending key. The key
 *	is HMAC-SHA-256(notice key, "omamori pending v1"): gateways that
 *	share the notice (audit) key verify each other's tokens: a reply
 *	that comes in through another gateway is written to the record when
 *	the store is shared (Redis), and only the gateway named by HOST
 *	releases or discards its mail (omamori review due).
 *--*/
#ifndef OM_PENDING_H
#define OM_PENDING_H

#include <stddef.h>
#include <time.h>

#include "om_buf.h"
#include "om_conf.h"
#include "om_result.h"
#include "om_snap.h"

struct om_state;

#define OM_PENDING_NS		"pending"
#define OM_PENDING_KEY_LEN	32
#define OM_PENDING_HOST_MAX	10
#define OM_PENDING_TOKEN_MAX	48
#define OM_PENDING_KEEP		(30 * 86400)	/* a record outlives its due time by this */
#define OM_PENDING_ADDR_MAX	320

typedef enum om_pending_kind {
	OM_PENDING_DELAY,		/* goes by itself when due */
	OM_PENDING_APPROVE,		/* waits for an approver */
} om_pending_kind;

typedef enum om_pending_state {
	OM_PENDING_WAITING,
	OM_PENDING_CANCEL,		/* to be discarded (approval: rejected) */
	OM_PENDING_RELEASE,		/* to be released now (approval: approved) */
} om_pending_state;

/* What a reply address asks for. */
typedef enum om_pending_verb {
	OM_VERB_CANCEL,			/* the sender: do not send it */
	OM_VERB_SEND,			/* the sender: send it now */
	OM_VERB_APPROVE,		/* an approver: send it */
	OM_VERB_REJECT,			/* an approver: do not send it */
} om_pending_verb;

/* om_pending_token_check() and om_pending_answer() results. */
#define OM_PENDING_OK		0
#define OM_PENDING_MALFORMED	1	/* not a token of ours */
#define OM_PENDING_BAD_MAC	2	/* forged, or another key */
#define OM_PENDING_OTHER_HOST	3	/* another gateway holds that mail */
#define OM_PENDING_EXPIRED	4	/* past its time */
#define OM_PENDING_UNKNOWN	5	/* no such record (gone, or done) */
#define OM_PENDING_NOT_SENDER	6	/* the reply is not from the one it was for */
#define OM_PENDING_WRONG_KIND	7	/* e.g. "send" for mail awaiting approval */
#define OM_PENDING_TROUBLE	8	/* the store did not answer */

typedef struct om_pending {
	om_pending_kind kind;
	om_pending_state state;
	char	key[OM_PENDING_TOKEN_MAX + 1];	/* "ID.HOST": the record's key */
	char	token[OM_PENDING_TOKEN_MAX + 1];
	char	host[OM_PENDING_HOST_MAX + 1];
	char	qid[64];
	char	ref[128];
	char	sender[OM_PENDING_ADDR_MAX + 1];
	char	by[OM_PENDING_ADDR_MAX + 1];	/* who answered, or "" */
	char	approvers[2 * OM_PENDING_ADDR_MAX + 2];	/* manager and deputy, space separated */
	char	reason[256];		/* the approver's words, or "" */
	char	domains[1024];		/* new domains, space separated */
	long	created;
	long	due;
} om_pending;

void	om_pending_key(const om_snap *snap, unsigned char key[OM_PENDING_KEY_LEN]);
const char *om_pending_host(const om_conf *conf, char *buf, size_t size);
int	om_pending_token_make(const unsigned char *key, const char *host, long expires,
			      char *out, size_t size);
int	om_pending_token_check(const unsigned char *key, const char *token, const char *host,
			       long now, char *rkey, size_t rkeysize);
const char *om_pending_status(int status);
const char *om_pending_kind_name(om_pending_kind kind);
const char *om_pending_state_name(om_pending_state state);

int	om_pending_encode(const om_pending *p, om_buf *out);
int	om_pending_decode(const char *value, size_t len, om_pending *p);
int	om_pending_put(struct om_state *st, const om_pending *p);
int	om_pending_get(struct om_state *st, const char *key, om_pending *p);

int	om_pending_hold(const om_snap *snap, om_result *res, const char *qid, const char *ref);
int	om_pending_control(const om_conf *conf, const char *rcpt, om_pending_verb *verb,
			   char *token, size_t size);
int	om_pending_answer(const om_snap *snap, om_pending_verb verb, const char *token,
			  const char *from, const char *reason, long now, om_pending *p);
const char *om_pending_verb_name(om_pending_verb verb);
void	om_pending_reason(const char *subject, char *out, size_t size);
void	om_pending_address(const om_conf *conf, const char *verb, const char *token, om_buf *out);

#endif
