/*++
 * NAME
 *	om_attach 3h
 * SUMMARY
 *	look inside attachments: archives, encryption, text
 * DESCRIPTION
 *	om_attach_expand() runs once after om_mime_parse() (om_mime.h),
 *	over the parts the parse made (and, bounded, the members it adds
 *	itself), adding parts and texts through the message builder
 *	(om_msg.h). For every leaf part it records whether the content
 *	needs a key (om_encrypt.h: OM_PART_ENCRYPTED, OM_PART_ENC_WEAK,
 *	enc_kind); multipart/encrypted containers are marked the same
 *	way. For every attachment it extracts readable text (om_extract.h)
 *	into the message's texts with scope OM_SCOPE_ATTACHMENT and where
 *	"attachment:PATH", and opens archives with libarchive in memory
 *	(never on disk), recursively. Each archive member becomes a part
 *	with OM_PART_MEMBER, the archive as parent, path
 *	"outer.zip/inner.csv", its own magic type and encryption state.
 *
 *	Limits (om_conf): archive_depth_limit, archive_member_limit,
 *	archive_expanded_limit (bytes expanded in all per message; member
 *	data is read in 64 KB steps straight into a pool block of the
 *	declared size, and reading stops at the limit),
 *	archive_ratio_limit (expanded / packed size of one archive, checked
 *	once 1 MB has been expanded from it), attach_time_limit. A limit
 *	hit, or a damaged archive, sets OM_UNSCAN_* bits on the part where
 *	it happened; the rest of the message is still read where the limit
 *	allows.
 *
 *	om_attach_pii_judge() reports attach.pii_unencrypted for every
 *	attachment text (scope OM_SCOPE_ATTACHMENT) of an unencrypted file
 *	that fn says carries personal data, when the outbound rules apply
 *	(om_scan.outbound_checks: mail to an external recipient, from the
 *	firm or relayed), and for every file name (OM_SCOPE_FILENAME,
 *	archive members' too) whether or not the file is encrypted: a name
 *	is never encrypted. where names the file. The attach_pii detector
 *	(om_detect_attach.c) calls it with the body.pii scoring; tests
 *	call it with their own fn.
 *--*/
#ifndef OM_ATTACH_H
#define OM_ATTACH_H

#include "om_conf.h"
#include "om_msg.h"

void	om_attach_expand(const om_conf *conf, om_msg *msg);

/*
 * attach.pii_unencrypted: the decision is made here, the personal-data
 * scoring elsewhere. fn answers "does this text carry personal data"
 * (1 yes, 0 no, -1 could not judge) the same way as body.pii.
 */
struct om_scan;
typedef int (*om_attach_pii_fn) (struct om_scan *scan, const om_text *text, void *ctx);

int	om_attach_pii_judge(struct om_scan *scan, om_attach_pii_fn fn, void *ctx);

#endif
