/*++
 * NAME
 *	om_rfc2047 3h
 * SUMMARY
 *	header values as RFC 2047 encoded words
 * DESCRIPTION
 *	om_rfc2047_encode() appends the UTF-8 text[0..len) to out as a
 *	header value. Text of printable ASCII, spaces and tabs only, with
 *	no "=?" in it, is appended as it is, unless flags has
 *	OM_RFC2047_ALWAYS. Anything else becomes "=?UTF-8?B?...?=" words
 *	of at most OM_RFC2047_WORD_MAX characters, each holding whole
 *	characters: a UTF-8 sequence is never split between two words
 *	(bytes that are not well-formed UTF-8 are carried as they are).
 *	fold goes between two words: "\n\t" or "\r\n " to fold
 *	the value over lines, " " (or NULL) to keep it on one; it must
 *	hold white space, which a reader drops between encoded words.
 *	Nothing is written before the first word: the caller puts the
 *	header name or a fold there. Empty text appends nothing.
 *
 *	The result is 0, or -1 when out's cap was hit; out is then as it
 *	was before the call.
 *
 *	A header added through libmilter folds with "\n\t"; a message
 *	written whole (a notice) with "\n " or "\r\n ", as its other
 *	lines end. For example, an English line and then the Japanese as
 *	folded words:
 *
 *	    om_buf_append(&b, en, en_len);
 *	    om_buf_puts(&b, "\n\t");
 *	    om_rfc2047_encode(&b, ja, strlen(ja), "\n\t", OM_RFC2047_ALWAYS);
 *
 *	and a subject tag such as 【要注意】 before the Subject:
 *
 *	    om_rfc2047_encode(&b, tag, strlen(tag), " ", 0);
 *	    om_buf_putc(&b, ' ');
 *	    om_buf_puts(&b, subject);
 *--*/
#ifndef OM_RFC2047_H
#define OM_RFC2047_H

#include <stddef.h>

#include "om_buf.h"

#define OM_RFC2047_ALWAYS	(1 << 0)	/* encode ASCII text too */
#define OM_RFC2047_WORD_MAX	75		/* RFC 2047 section 2 */

int	om_rfc2047_encode(om_buf *out, const char *text, size_t len, const char *fold, int flags);

#endif
