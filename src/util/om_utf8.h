/*++
 * NAME
 *	om_utf8 3h
 * SUMMARY
 *	stepping through UTF-8 text one character at a time
 * DESCRIPTION
 *	om_utf8_len() is the length a lead byte announces: 1 for ASCII,
 *	2, 3 or 4 for a lead byte, and 1 for a byte that cannot start a
 *	character (a continuation byte, 0xF8..0xFF), so a loop that steps
 *	with it always moves on. It does not look at the bytes that follow
 *	nor at where the buffer ends: the caller checks that.
 *
 *	om_utf8_is_cont() is true for a continuation byte (10xxxxxx), the
 *	test for "not at a character boundary".
 *
 *	om_utf8_decode() reads one code point from p[0..left), left > 0,
 *	and sets *clen to the bytes it used. Bad input gives U+FFFD and
 *	never runs past left: a byte that cannot start a character
 *	(0x80..0xC1, 0xF5..0xFF) uses 1 byte; a sequence cut short uses
 *	its lead byte and the continuation bytes after it, so the next
 *	call starts at the byte that cut it short (or at the end).
 *	Overlong 3- and 4-byte forms and surrogates are not checked
 *	(om_utf8_valid() in om_charset does).
 *--*/
#ifndef OM_UTF8_H
#define OM_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define OM_UTF8_BAD	0xfffd		/* U+FFFD REPLACEMENT CHARACTER */

/* om_utf8_len - bytes in the character that starts with c */
static inline size_t
om_utf8_len(unsigned char c)
{
	if (c < 0x80)
		return (1);
	if ((c & 0xe0) == 0xc0)
		return (2);
	if ((c & 0xf0) == 0xe0)
		return (3);
	if ((c & 0xf8) == 0xf0)
		return (4);
	return (1);
}

/* om_utf8_is_cont - a continuation byte, not the start of a character */
static inline int
om_utf8_is_cont(unsigned char c)
{
	return ((c & 0xc0) == 0x80);
}

/* om_utf8_decode - code point at p[0..left), left > 0; bytes used in *clen */
static inline uint32_t
om_utf8_decode(const unsigned char *p, size_t left, size_t *clen)
{
	unsigned char c = p[0];

	if (c < 0x80) {
		*clen = 1;
		return (c);
	}
	/* Three bytes first: nearly all Japanese text is here. */
	if (c >= 0xe0 && c < 0xf0 && left >= 3 && om_utf8_is_cont(p[1]) && om_utf8_is_cont(p[2])) {
		*clen = 3;
		return (((uint32_t) (c & 0x0f) << 12) | ((uint32_t) (p[1] & 0x3f) << 6) | (p[2] & 0x3f));
	}
	if (c >= 0xc2 && c < 0xe0 && left >= 2 && om_utf8_is_cont(p[1])) {
		*clen = 2;
		return (((uint32_t) (c & 0x1f) << 6) | (p[1] & 0x3f));
	}
	if (c >= 0xf0 && c < 0xf5 && left >= 4 && om_utf8_is_cont(p[1]) && om_utf8_is_cont(p[2])
	    && om_utf8_is_cont(p[3])) {
		*clen = 4;
		return (((uint32_t) (c & 0x07) << 18) | ((uint32_t) (p[1] & 0x3f) << 12)
			| ((uint32_t) (p[2] & 0x3f) << 6) | (p[3] & 0x3f));
	}
	/* Bad: a byte that starts nothing, or a sequence cut short. */
	if (c < 0xc2 || c >= 0xf5)
		*clen = 1;
	else {
		size_t  need = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4, i = 1;

		while (i < need && i < left && om_utf8_is_cont(p[i]))
			i++;
		*clen = i < left ? i : left;
	}
	return (OM_UTF8_BAD);
}

#endif
