/*++
 * NAME
 *	om_sig 3
 * SUMMARY
 *	lines that open or close a signature block
 * DESCRIPTION
 *	See om_sig.h.
 *--*/
#include "config.h"

#include <stdint.h>

#include "om_sig.h"
#include "om_utf8.h"

/* is_mark - a character that rules are drawn with */
static int
is_mark(uint32_t cp)
{
	switch (cp) {
	case '-': case '=': case '_': case '*': case '~': case '+': case '#':
	case 0x2015:			/* ― horizontal bar */
	case 0x2212:			/* − minus sign */
	case 0x25a0: case 0x25a1:	/* ■ □ */
	case 0x25c6: case 0x25c7:	/* ◆ ◇ */
	case 0x301c:			/* 〜 wave dash */
	case 0x30fb:			/* ・ katakana middle dot */
	case 0x30fc:			/* ー long vowel mark */
	case 0xff0d:			/* － full-width hyphen-minus */
	case 0xff1d:			/* ＝ full-width equals */
		return (1);
	default:
		return (cp >= 0x2500 && cp <= 0x257f);	/* box drawing: ─ ━ ═ ... */
	}
}

/* om_sig_rule_line - a line of at least min marks and blanks only */
int
om_sig_rule_line(const char *s, size_t n, unsigned min)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t  i = 0, clen;
	unsigned count = 0;

	/* Most lines are prose: a letter, digit or kanji/kana ends it at once. */
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
		i++;
	if (i < n && (p[i] >= 0x80 ? p[i] != 0xe2 && p[i] != 0xe3 && p[i] != 0xef
		      : ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z') || (p[i] >= '0' && p[i] <= '9')))
		return (0);
	for (; i < n; i += clen) {
		uint32_t cp = om_utf8_decode(p + i, n - i, &clen);

		if (cp == ' ' || cp == '\t' || cp == '\r')
			continue;
		if (!is_mark(cp))
			return (0);
		count++;
	}
	return (count >= min);
}

/* om_sig_dashdash - the "-- " signature separator */
int
om_sig_dashdash(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	return (n == 2 && s[0] == '-' && s[1] == '-');
}
