/*++
 * NAME
 *	om_charset 3h
 * SUMMARY
 *	bytes in any (possibly mislabelled) charset to UTF-8
 * DESCRIPTION
 *	om_charset_decode() turns the decoded bytes of a text part into
 *	UTF-8. The declared label is tried first, with Japanese labels
 *	widened to the vendor supersets that real mail uses (Shift_JIS as
 *	CP932, EUC-JP as EUC-JP-MS, ISO-2022-JP with the CP50220 family
 *	extensions: NEC/IBM rows, half-width katakana by ESC ( I and SO/SI,
 *	JIS X 0212). When the label is missing, or the bytes are not valid
 *	in it, the charset is detected: ISO-2022-JP escapes, UTF-8
 *	validity, strict CP932/EUC-JP decoding scored by kana content,
 *	then uchardet. It never fails: as a last resort undecodable bytes
 *	become U+FFFD. *used names what was applied.
 *--*/
#ifndef OM_CHARSET_H
#define OM_CHARSET_H

#include <stddef.h>

#include "om_buf.h"

#define OM_CHARSET_GUESSED	1	/* label missing or wrong */
#define OM_CHARSET_LOSSY	2	/* some bytes became U+FFFD */
#define OM_CHARSET_TRUNCATED	4	/* output hit the buffer cap */

int	om_charset_decode(const char *in, size_t len, const char *declared,
			  om_buf *out, const char **used);
int	om_utf8_valid(const char *s, size_t len);
int	om_utf8_valid_nul(const char *s, size_t len);

#endif
