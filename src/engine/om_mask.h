/*++
 * NAME
 *	om_mask 3h
 * SUMMARY
 *	masked samples of matched personal data
 * DESCRIPTION
 *	om_mask() writes a sample of a match that shows its shape but not
 *	its value: digits but the last four become "*" (090-****-5678,
 *	**** **** **** 1234, ********9012), a name keeps its first two
 *	characters (山田 **), an address its first four, an e-mail
 *	address only its domain. Values of four digits or fewer are masked
 *	whole. The result is at most OM_MASK_MAX bytes; the full value is
 *	never copied out.
 *
 *	om_mask_text() is for free text that is kept (file names, places,
 *	Message-IDs): the text is normalised (NFKC: full-width digits become
 *	ASCII) and every run of 6 or more digits, whatever separates them
 *	(space, "-", ".", "_", "/", "・" and other punctuation, up to 3 in
 *	a row), is masked as OM_MASK_DIGITS masks a sample. Bytes that are
 *	not UTF-8 become U+FFFD.
 *--*/
#ifndef OM_MASK_H
#define OM_MASK_H

#include <stddef.h>

#include "om_buf.h"

#define OM_MASK_MAX	96

typedef enum om_mask_kind {
	OM_MASK_DIGITS = 0,		/* all but the last 4 digits */
	OM_MASK_PHONE,			/* keep the first group and the last 4 */
	OM_MASK_NAME,			/* first 2 characters */
	OM_MASK_ADDRESS,		/* first 4 characters */
	OM_MASK_EMAIL,			/* ***@domain */
	OM_MASK_DATE,			/* every digit */
	OM_MASK_WORD			/* sensitive vocabulary: shown as is */
} om_mask_kind;

int	om_mask_parse(const char *name, om_mask_kind *kind);
void	om_mask(om_mask_kind kind, const char *s, size_t len, char *out);
void	om_mask_text(const char *s, size_t len, om_buf *out);

#endif
