/*++
 * NAME
 *	om_notice 3h
 * SUMMARY
 *	the notice mail a sender gets when a message is rejected or held
 * SYNOPSIS
 *	#include "om_notice.h"
 * DESCRIPTION
 *	om_notice_compose() fills a template (rules_dir/notice-reject.ja-en.txt
 *	or notice-hold.ja-en.txt; the administrator may edit them) with what
 *	was found: category words (om_category), counts, masked samples,
 *	rule ids, how to fix it and who reviews it. The result is a whole
 *	RFC 5322 message with a UTF-8 body, Japanese first, then English.
 *
 *	om_notice_send() pipes it to notice_command with the sender as
 *	the one recipient. Only senders inside the firm get notices: an
 *	internal address, and a message that did not come in from outside
 *	(no backscatter, and no notice to a forged internal sender).
 *
 *	The notice has the null sender and an X-Omamori-Notice header
 *	"REF; t=TIME; mac=HEX": HMAC-SHA-256 under the notice key over
 *	the reference, the time and the one recipient it was written for.
 *	om_notice_verify() checks such a header against a message's
 *	envelope recipients: the MAC must hold under the snapshot's key,
 *	the time must be within notice_max_age, and every recipient must
 *	be that one internal address. Only then does the daemon pass the
 *	message unscanned (and only from the null sender and a client of
 *	the firm); anything else is scanned like any mail.
 *
 *	The key (loaded by om_snap_build(), kept in the snapshot):
 *	notice_key_file when set (made 0600
 *	when missing and create is set), else one derived from the audit
 *	key when audit_log is set, else a random key per process.
 *--*/
#ifndef OM_NOTICE_H
#define OM_NOTICE_H

#include "om_buf.h"
#include "om_conf.h"
#include "om_result.h"
#include "om_snap.h"

#define OM_NOTICE_HEADER	"X-Omamori-Notice"
#define OM_NOTICE_TIMEOUT	30	/* seconds for notice_command */
#define OM_NOTICE_SKEW		300	/* seconds a notice may be "from the future" */

/* om_notice_verify() results. */
#define OM_NOTICE_VALID		0
#define OM_NOTICE_MALFORMED	1	/* not "REF; t=TIME; mac=HEX" */
#define OM_NOTICE_BAD_MAC	2	/* another key, or altered */
#define OM_NOTICE_EXPIRED	3	/* older than notice_max_age */
#define OM_NOTICE_RCPT		4	/* recipients are not the one it was for */

int	om_notice_wanted(const om_snap *snap, const om_result *res);
int	om_notice_compose(const om_snap *snap, const om_result *res, const char *ref,
			  const char *tmpl, om_buf *out);
int	om_notice_send(const om_snap *snap, const om_result *res, const char *ref);
int	om_notice_send_approval(const om_snap *snap, const om_result *res, const char *ref,
				const char *approver);
int	om_notice_stamp(const om_snap *snap, const char *ref, long when, const char *rcpt,
			om_buf *out);
int	om_notice_verify(const om_snap *snap, const char *value, const char *const *rcpts,
			 size_t nrcpts, long now);
const char *om_notice_status(int status);

#endif
