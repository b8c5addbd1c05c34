/*++
 * NAME
 *	om_norm 3
 * SUMMARY
 *	NFKC and hyphen folding with a fast path for stable text
 * DESCRIPTION
 *	See om_norm.h. Input must be valid UTF-8 (om_charset guarantees
 *	it). Characters fall into classes:
 *	stable    NFKC leaves them alone and nothing composes onto them
 *	          from the left: copied as they are;
 *	wide      U+FF01..U+FF5E, whose NFKC form is the ASCII character
 *	          0xFEE0 below: mapped directly;
 *	hyphen    dash look-alikes: folded to "-";
 *	longvowel U+30FC: "-" next to a digit, else kept;
 *	drop      invisible format characters (zero-width space and
 *	          joiners, LRM/RLM, word joiner, BOM, soft hyphen): removed,
 *	          so that 0\u200b90-1234-5678 is read as the number it shows;
 *	other     everything else: a run of them, with the character
 *	          before it, goes through g_utf8_normalize(NFKC).
 *	A direct class followed by a combining mark is treated as other,
 *	so composition is never skipped.
 *--*/
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "om_log.h"
#include "om_norm.h"
#include "om_utf8.h"

enum {
	C_STABLE, C_WIDE, C_HYPHEN, C_LONGVOWEL, C_DROP, C_OTHER
};

/* is_combining - marks that compose onto the character before them */
static inline int
is_combining(uint32_t cp)
{
	return ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff)
		|| (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff)
		|| cp == 0x3099 || cp == 0x309a || (cp >= 0xfe20 && cp <= 0xfe2f)
		|| cp == 0xff9e || cp == 0xff9f);
}

/* classify - character class, before looking at what follows */
static inline int
classify(uint32_t cp)
{
	if (cp < 0x80
	    || (cp >= 0x3001 && cp <= 0x3035)
	    || (cp >= 0x3041 && cp <= 0x3096)
	    || (cp >= 0x30a1 && cp <= 0x30fa)
	    || (cp >= 0x4e00 && cp <= 0x9fff))
		return (C_STABLE);
	if (cp >= 0xff01 && cp <= 0xff5e)
		return (C_WIDE);
	if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x2043
	    || cp == 0x02d7 || cp == 0xfe58 || cp == 0xfe63)
		return (C_HYPHEN);
	if (cp == 0x30fc)
		return (C_LONGVOWEL);
	if ((cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x2064)
	    || cp == 0xfeff || cp == 0x00ad || cp == 0x180e)
		return (C_DROP);
	return (C_OTHER);
}

/* digit_at - is the character at p an ASCII or full-width digit? */
static inline int
digit_at(const unsigned char *p, size_t left)
{
	if (left == 0)
		return (0);
	if (*p >= '0' && *p <= '9')
		return (1);
	/* U+FF10..U+FF19 is EF BC 90 .. EF BC 99 */
	return (left >= 3 && p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 && p[2] <= 0x99);
}

/* last_is_digit - does the output end in an ASCII digit? */
static inline int
last_is_digit(const om_buf *out)
{
	return (out->len > 0 && out->data[out->len - 1] >= '0' && out->data[out->len - 1] <= '9');
}

/* fold_segment - copy library output, folding U+30FC beside digits */
static int
fold_segment(const char *s, size_t n, const unsigned char *next, size_t nextleft, om_buf *out)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t  i = 0, start = 0;

	while (i < n) {
		size_t  clen;
		uint32_t cp = om_utf8_decode(p + i, n - i, &clen);
		int     cls = classify(cp);

		if (cls == C_DROP) {
			if (om_buf_append(out, s + start, i - start) < 0)
				return (-1);
			start = i + clen;
		} else if (cls == C_HYPHEN || cls == C_LONGVOWEL) {
			int     fold = cls == C_HYPHEN;

			if (!fold) {
				if (om_buf_append(out, s + start, i - start) < 0)
					return (-1);
				start = i;
				fold = last_is_digit(out) || (i + clen < n ? digit_at(p + i + clen, n - i - clen)
							      : digit_at(next, nextleft));
			}
			if (fold) {
				if (om_buf_append(out, s + start, i - start) < 0 || om_buf_putc(out, '-') < 0)
					return (-1);
				start = i + clen;
			}
		}
		i += clen;
	}
	return (om_buf_append(out, s + start, n - start));
}

/* om_norm_text - see om_norm.h; 0, or -1 if the output cap was hit */
int
om_norm_text(const char *in, size_t len, om_buf *out)
{
	const unsigned char *p = (const unsigned char *) in;
	size_t  i = 0, flushed = 0, prev = (size_t) - 1;

	while (i < len) {
		size_t  clen, nlen = 0;
		uint32_t cp, next = 0;
		int     cls;

		if (p[i] < 0x80) {
			prev = i++;
			continue;
		}
		cp = om_utf8_decode(p + i, len - i, &clen);
		cls = classify(cp);
		if (cls == C_STABLE) {
			prev = i;
			i += clen;
			continue;
		}
		if (i + clen < len)
			next = om_utf8_decode(p + i + clen, len - i - clen, &nlen);
		if (cls != C_OTHER && nlen && is_combining(next))
			cls = C_OTHER;
		if (cls != C_OTHER) {
			int     fold = 1;

			if (om_buf_append(out, in + flushed, i - flushed) < 0)
				return (-1);
			if (cls == C_DROP) {
				/* Nothing to write. */
			} else if (cls == C_WIDE) {
				if (om_buf_putc(out, (int) (cp - 0xfee0)) < 0)
					return (-1);
			} else {
				if (cls == C_LONGVOWEL)
					fold = last_is_digit(out) || digit_at(p + i + clen, len - i - clen);
				if (fold ? om_buf_putc(out, '-') < 0 : om_buf_append(out, in + i, clen) < 0)
					return (-1);
			}
			i += clen;
			flushed = i;
			prev = (size_t) - 1;
			continue;
		} else {
			/* A run of "other", with the pending character before it. */
			size_t  start = (prev != (size_t) - 1 && prev >= flushed) ? prev : i;
			size_t  j = i + clen;
			gchar  *norm;

			while (j < len) {
				uint32_t c2 = om_utf8_decode(p + j, len - j, &nlen);

				if (classify(c2) != C_OTHER && !is_combining(c2))
					break;
				j += nlen;
			}
			if (om_buf_append(out, in + flushed, start - flushed) < 0)
				return (-1);
			norm = g_utf8_normalize(in + start, (gssize) (j - start), G_NORMALIZE_NFKC);
			if (norm == NULL) {
				/* Not valid UTF-8 after all: keep the bytes. */
				if (om_buf_append(out, in + start, j - start) < 0)
					return (-1);
			} else {
				int     r = fold_segment(norm, strlen(norm), p + j, len - j, out);

				g_free(norm);
				if (r < 0)
					return (-1);
			}
			i = flushed = j;
			prev = (size_t) - 1;
		}
	}
	return (om_buf_append(out, in + flushed, len - flushed));
}
