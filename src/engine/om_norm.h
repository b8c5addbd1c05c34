/*++
 * NAME
 *	om_norm 3h
 * SUMMARY
 *	text normalisation for matching
 * DESCRIPTION
 *	om_norm_text() turns UTF-8 text into the form every detector sees:
 *	Unicode NFKC (full-width digits and Latin become ASCII, half-width
 *	katakana become full-width, compatibility characters such as the
 *	era ligatures are spelled out), and the hyphen look-alikes that
 *	Japanese text uses inside numbers are folded to "-". The long
 *	vowel mark (U+30FC, U+FF70) is folded only next to a digit, so
 *	katakana words keep it. Runs of characters that NFKC leaves alone
 *	(ASCII, kana, common CJK ideographs and punctuation) are copied
 *	without a library call, which keeps the common case fast.
 *--*/
#ifndef OM_NORM_H
#define OM_NORM_H

#include <stddef.h>

#include "om_buf.h"

int	om_norm_text(const char *in, size_t len, om_buf *out);

#endif
