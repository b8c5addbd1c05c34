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
 *	the one recipient. The notice has the null sender and an
 *	X-Omamori-Notice header; the daemon accepts such mail from a
 *	trusted client untouched, so a notice never loops into a hold.
 *	Only internal senders get notices (no backscatter to outsiders).
 *--*/
#ifndef OM_NOTICE_H
#define OM_NOTICE_H

#include "om_buf.h"
#include "om_conf.h"
#include "om_engine.h"

#define OM_NOTICE_HEADER	"X-Omamori-Notice"
#define OM_NOTICE_TIMEOUT	30	/* seconds for notice_command */

int	om_notice_wanted(const om_conf *conf, const om_result *res);
int	om_notice_compose(const om_conf *conf, const om_result *res, const char *ref,
			  const char *tmpl, om_buf *out);
int	om_notice_send(const om_conf *conf, const om_result *res, const char *ref);

#endif
