/*++
 * NAME
 *	om_rfc2047 3
 * SUMMARY
 *	header text as RFC 2047 encoded words
 *--*/
#include "config.h"

#include <string.h>

#include "om_rfc2047.h"

#define WORD_BYTES	45		/* text bytes per word: 60 in base64 */

/* seq_len - bytes of the UTF-8 sequence that starts with c (1 for stray bytes) */
static size_t
seq_len(unsigned char c)
{
	return (c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4);
}

/* om_rfc2047_encode - append utf8 as it is or as encoded words */
void
om_rfc2047_encode(om_buf *out, const char *utf8, const char *fold)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = (const unsigned char *) utf8;
	int     ascii = 1, first = 1;

	for (const unsigned char *q = p; *q; q++)
		if (*q >= 0x7f || *q < 0x20)
			ascii = 0;
	if (ascii) {
		om_buf_puts(out, utf8);
		return;
	}
	while (*p) {
		size_t  n = 0;

		while (p[n]) {
			size_t  l = seq_len(p[n]);

			for (size_t k = 1; k < l; k++)
				if (p[n + k] == 0)
					l = k;
			if (n + l > WORD_BYTES && n > 0)
				break;
			n += l;
		}
		if (!first)
			om_buf_puts(out, fold ? fold : " ");
		first = 0;
		om_buf_puts(out, "=?UTF-8?B?");
		for (size_t k = 0; k < n; k += 3) {
			unsigned v = (unsigned) p[k] << 16;

			if (k + 1 < n)
				v |= (unsigned) p[k + 1] << 8;
			if (k + 2 < n)
				v |= p[k + 2];
			om_buf_putc(out, tab[(v >> 18) & 63]);
			om_buf_putc(out, tab[(v >> 12) & 63]);
			om_buf_putc(out, k + 1 < n ? tab[(v >> 6) & 63] : '=');
			om_buf_putc(out, k + 2 < n ? tab[v & 63] : '=');
		}
		om_buf_puts(out, "?=");
		p += n;
	}
}
