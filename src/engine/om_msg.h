/*++
 * NAME
 *	om_msg 3h
 * SUMMARY
 *	the parsed message every detector reads
 * DESCRIPTION
 *	The model of one message, read-only to the detectors. It is
 *	filled in two steps: om_mime_parse() (om_mime.h) reads the MIME
 *	tree, with GMime doing the MIME work, into parts and texts; then
 *	om_attach_expand() (om_attach.h) looks inside the attachments the
 *	parse found and adds what it finds there. Both add to the message
 *	only through the builder below (om_msg.c): om_msg_new(),
 *	om_msg_add_part(), om_msg_add_text(), om_msg_add_link(), which
 *	grow the arrays under the configured limits. Everything hangs off
 *	the message's pool and goes with om_msg_free().
 *
 *	parts   every MIME entity in document order: declared type,
 *	        decoded file name (RFC 2047/2231, any charset; and the
 *	        Content-Type name= too when it differs), libmagic
 *	        type, decoded content for leaves.
 *	texts   what text detectors scan: normalised UTF-8 (NFKC, hyphens
 *	        folded) with the scope it came from. Every part whose type
 *	        is text is listed, every alternative of a multipart/
 *	        alternative included (a client may show any of them, and
 *	        a sender may make them differ), with the Subject and the
 *	        file name of every attachment. One item told twice is
 *	        counted once by the detectors: for each multipart/
 *	        alternative (the outermost, when they nest), om_detect_pii
 *	        scans each alternative on its own and keeps, per finding
 *	        (category, rule, where), the greatest count of any one
 *	        alternative, and for body.pii the greatest weights and
 *	        item counts of any one alternative with the union of their
 *	        kinds and distinct values. The same text in plain and HTML
 *	        thus counts as once; an alternative that says more counts
 *	        with what it says.
 *	links   every <a href> of every HTML part, with its anchor text.
 *	limits  OM_LIMIT_* bits: which limits cut the parse short. A limit
 *	        never fails the parse; the policy decides what it means.
 *--*/
#ifndef OM_MSG_H
#define OM_MSG_H

#include <stddef.h>

#include "om_conf.h"
#include "om_pool.h"
#include "om_types.h"

#define OM_LIMIT_SIZE		(1u << 0)	/* message_size_limit */
#define OM_LIMIT_DEPTH		(1u << 1)	/* mime_depth_limit */
#define OM_LIMIT_PARTS		(1u << 2)	/* mime_part_limit */
#define OM_LIMIT_TEXT		(1u << 3)	/* text_size_limit */
#define OM_LIMIT_PARSE		(1u << 4)	/* not a message at all */
#define OM_LIMIT_ADDRS		(1u << 5)	/* more than OM_ADDR_MAX in a list */

#define OM_ADDR_MAX		10000		/* addresses kept per header list */

#define OM_PART_ATTACHMENT	(1u << 0)	/* an attachment, not body */
#define OM_PART_TEXT		(1u << 1)	/* text we decoded */
#define OM_PART_HTML		(1u << 2)	/* text/html */
#define OM_PART_CONTAINER	(1u << 3)	/* multipart or message */
/* (1u << 4) is free: every alternative is read, none is shadowed. */
#define OM_PART_CHARSET_GUESS	(1u << 5)	/* charset label missing/wrong */
#define OM_PART_LOSSY		(1u << 6)	/* undecodable bytes replaced */
#define OM_PART_TRUNCATED	(1u << 7)	/* text cut at text_size_limit */
#define OM_PART_MESSAGE		(1u << 8)	/* message/rfc822 container */
#define OM_PART_MEMBER		(1u << 9)	/* a member of an archive part */
#define OM_PART_ARCHIVE		(1u << 10)	/* an archive we looked into */
#define OM_PART_ENCRYPTED	(1u << 11)	/* content needs a key */
#define OM_PART_ENC_WEAK	(1u << 12)	/* ... and the cipher is weak */
#define OM_PART_DOCUMENT	(1u << 13)	/* text extracted from it */
#define OM_PART_LENIENT		(1u << 14)	/* decoded past a broken encoding */

/* om_part.unscannable: why an attachment could not be read in full. */
#define OM_UNSCAN_DEPTH		(1u << 0)	/* archive_depth_limit */
#define OM_UNSCAN_MEMBERS	(1u << 1)	/* archive_member_limit */
#define OM_UNSCAN_BYTES		(1u << 2)	/* archive_expanded_limit */
#define OM_UNSCAN_RATIO		(1u << 3)	/* archive_ratio_limit */
#define OM_UNSCAN_TIME		(1u << 4)	/* attach_time_limit */
#define OM_UNSCAN_CORRUPT	(1u << 5)	/* damaged or unreadable */
#define OM_UNSCAN_UNDECODABLE	(1u << 6)	/* a filter or font encoding we cannot read */
#define OM_UNSCAN_PARTIAL	(1u << 7)	/* message/partial: one fragment */

typedef struct om_addr {
	const char *name;		/* display name, decoded, or NULL */
	const char *addr;		/* local@domain, domain lower-cased */
} om_addr;

typedef struct om_addrlist {
	om_addr *v;
	size_t	n;
} om_addrlist;

typedef struct om_header {
	const char *name;
	const char *value;		/* decoded to UTF-8 */
} om_header;

typedef struct om_link {
	const char *href;
	const char *text;		/* visible anchor text, normalised */
	int	part;
} om_link;

typedef struct om_part {
	int	index;
	int	parent;			/* -1 for the top */
	int	depth;
	unsigned flags;
	const char *content_type;	/* declared, lower case "type/subtype" */
	const char *charset;		/* declared, or NULL */
	const char *charset_used;	/* applied to text parts */
	const char *disposition;	/* lower case, or NULL */
	const char *filename;		/* decoded UTF-8, or NULL */
	const char *alt_name;		/* Content-Type name= when it differs, or NULL */
	const char *magic_type;		/* libmagic MIME type of leaves */
	const unsigned char *data;	/* decoded content of leaves */
	size_t	size;
	/* Attachments (om_attach.h): */
	const char *path;		/* "outer.zip/inner.csv", or NULL */
	const char *enc_kind;		/* "zip.aes", "pdf.user", ... or NULL */
	unsigned unscannable;		/* OM_UNSCAN_* bits */
} om_part;

typedef struct om_text {
	om_scope scope;
	const char *where;		/* "body", "subject", "attachment:NAME" */
	const char *text;		/* normalised UTF-8, NUL-terminated */
	size_t	len;
	int	part;			/* index into parts, -1 for headers */
} om_text;

struct om_msg_build;

typedef struct om_msg {
	om_pool *pool;
	struct om_msg_build *build;	/* om_msg.c's: limits, capacities */
	size_t	raw_size;
	unsigned limits;
	const char *subject;
	const char *message_id;
	om_addrlist from, sender, reply_to, to, cc, bcc;
	om_header *headers;
	size_t	nheaders;
	om_part *parts;
	size_t	nparts;
	om_text *texts;
	size_t	ntexts;
	om_link *links;
	size_t	nlinks;
} om_msg;

/* Building a message: for the readers (om_mime.c, om_attach.c) only. */
#define OM_TEXT_UTF8		(1u << 0)	/* known valid UTF-8 already */

om_msg *om_msg_new(const om_conf *conf, size_t raw_size);
int	om_msg_add_part(om_msg *msg, int parent, int depth, unsigned flags);
void	om_msg_add_text(om_msg *msg, om_scope scope, const char *where, const char *utf8,
			size_t len, int part, unsigned flags);
void	om_msg_add_link(om_msg *msg, const char *href, const char *text, int part);
void	om_msg_free(om_msg *msg);

const char *om_msg_header(const om_msg *msg, const char *name);
void	om_msg_global_init(void);
void	om_msg_global_shutdown(void);

#endif
