/*++
 * NAME
 *	om_sig 3h
 * SUMMARY
 *	lines that open or close a signature block
 * DESCRIPTION
 *	om_sig_rule_line() is true for a line of at least min marks and
 *	nothing else but blanks (space, tab, CR): the rules that writers
 *	draw above and below a signature ("-----", "━━━━", "＝＝＝",
 *	"■□■□■"). The marks are - = _ * ~ + #, the box-drawing block
 *	U+2500..U+257F (─ ━ ═ ...), ― (U+2015), − (U+2212), ■ □ ◆ ◇,
 *	〜 (U+301C), ・ (U+30FB), ー (U+30FC), and the full-width － ＝.
 *	The body.pii detector asks for OM_SIG_RULE_PII marks, since a rule
 *	anywhere in the text may open a framed block; the signature check
 *	of the attack detector asks for OM_SIG_RULE_TAIL, since it only
 *	looks at the last lines of a body.
 *
 *	om_sig_dashdash() is true for the "-- " line (RFC 3676 4.3), with
 *	or without its space, and with trailing blanks or a CR.
 *--*/
#ifndef OM_SIG_H
#define OM_SIG_H

#include <stddef.h>

#define OM_SIG_RULE_PII		5	/* marks in a rule line, anywhere */
#define OM_SIG_RULE_TAIL	2	/* marks in a rule line near the end */

int	om_sig_rule_line(const char *s, size_t n, unsigned min);
int	om_sig_dashdash(const char *s, size_t n);

#endif
