/*++
 * NAME
 *	om_rfc2047 3
 * SUMMARY
 *	header values as RFC 2047 encoded words
 * DESCRIPTION
 *	See om_rfc2047.h. A word is "=?UTF-8?B?" (10 characters), the
 *	base64 of at most 45 bytes (60 characters) and "?=" (2): 72 in
 *	all, within the 75 that RFC 2047 allows.
 *
 *	Each word decodes on its own, as RFC 2047 requires, but several
 *	readers join the base64 of neighbouring words before decoding it
 *	(GMime 3.2 among them: "=?UTF-8?B?eHg=?= =?UTF-8?B?eHh4?=" comes
 *	out as "xx"), and lose what follows a "=" pad. So a word that is
 *	not the last ends where its bytes are a multiple of 3 whenever a
 *	character ends there: it then needs no padding.
 *--*/
#include "config.h"

#include <string.h>

#include "om_rfc2047.h"
#include "om_utf8.h"

#define WORD_OPEN	"=?UTF-8?B?"
#define WORD_CLOSE	"?="
#define WORD_BYTES	45		/* text bytes in one word */

/* needs_encoding - anything but printable ASCII, or an "=?" a reader would decode */
static int
needs_encoding(const unsigned char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (p[i] >= 0x7f || (p[i] < 0x20 && p[i] != '\t'))
			return (1);
		if (p[i] == '=' && i + 1 < len && p[i + 1] == '?')
			return (1);
	}
	return (0);
}

/* put_b64 - base64 of p[0..n), padded */
static int
put_b64(om_buf *out, const unsigned char *p, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char    q[4];

	for (size_t k = 0; k < n; k += 3) {
		unsigned long v = (unsigned long) p[k] << 16;

		if (k + 1 < n)
			v |= (unsigned long) p[k + 1] << 8;
		if (k + 2 < n)
			v |= p[k + 2];
		q[0] = tab[(v >> 18) & 63];
		q[1] = tab[(v >> 12) & 63];
		q[2] = k + 1 < n ? tab[(v >> 6) & 63] : '=';
		q[3] = k + 2 < n ? tab[v & 63] : '=';
		if (om_buf_append(out, q, 4) < 0)
			return (-1);
	}
	return (0);
}

/* om_rfc2047_encode - see om_rfc2047.h */
int
om_rfc2047_encode(om_buf *out, const char *text, size_t len, const char *fold, int flags)
{
	const unsigned char *p = (const unsigned char *) text;
	size_t  start = out->len, i = 0;

	if (len == 0)
		return (0);
	if (!(flags & OM_RFC2047_ALWAYS) && !needs_encoding(p, len))
		return (om_buf_append(out, text, len));
	if (fold == NULL)
		fold = " ";
	while (i < len) {
		size_t  take = 0, whole = 0, clen;

		/* Whole characters, as many as fit. */
		while (i + take < len) {
			(void) om_utf8_decode(p + i + take, len - i - take, &clen);
			if (take + clen > WORD_BYTES)
				break;
			take += clen;
			if (take % 3 == 0)
				whole = take;
		}
		/* A word that goes on ends without padding, if it can. */
		if (i + take < len && whole > 0)
			take = whole;
		if ((i > 0 && om_buf_puts(out, fold) < 0)
		    || om_buf_puts(out, WORD_OPEN) < 0
		    || put_b64(out, p + i, take) < 0
		    || om_buf_puts(out, WORD_CLOSE) < 0) {
			out->len = start;
			if (out->data)
				out->data[start] = 0;
			return (-1);
		}
		i += take;
	}
	return (0);
}
