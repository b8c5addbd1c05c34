/*++
 * NAME
 *	om_mime 3h
 * SUMMARY
 *	raw message to om_msg, with GMime
 * DESCRIPTION
 *	om_mime_parse() reads a raw RFC 5322 message into a new om_msg
 *	(om_msg.h): headers, addresses, every MIME entity as a part with
 *	its decoded content, the text of every text part, links, and the
 *	files found encoded in the raw body. It does not look inside
 *	attachments; om_attach_expand() (om_attach.h) does that
 *	afterwards, over the parts the parse made. A limit never fails
 *	the parse: it sets OM_LIMIT_* bits on the message, and a message
 *	that is not MIME at all is OM_LIMIT_PARSE. om_mime_parse_fd()
 *	returns NULL when the file cannot be read.
 *--*/
#ifndef OM_MIME_H
#define OM_MIME_H

#include <stddef.h>

#include "om_conf.h"
#include "om_msg.h"

om_msg *om_mime_parse(const om_conf *conf, const char *raw, size_t len);
om_msg *om_mime_parse_fd(const om_conf *conf, int fd);

#endif
