/*++
 * NAME
 *	om_validate 3h
 * SUMMARY
 *	validators that rules name to confirm a match
 * DESCRIPTION
 *	A validator looks at the matched text (normalised, ASCII digits)
 *	and says whether it is a well-formed identifier of its kind: the
 *	My Number check digit, Luhn and issuer ranges for cards, the
 *	Japanese numbering plan for phones, a real calendar date for
 *	birth dates. Each returns 1 (valid) or 0 (not).
 *--*/
#ifndef OM_VALIDATE_H
#define OM_VALIDATE_H

#include <stddef.h>

typedef int (*om_validate_fn) (const char *s, size_t len);

om_validate_fn om_validate_lookup(const char *name);
int	om_validate_mynumber(const char *s, size_t len);
int	om_validate_card(const char *s, size_t len);
int	om_validate_luhn(const char *s, size_t len);
int	om_validate_phone_jp(const char *s, size_t len);
int	om_validate_postal(const char *s, size_t len);
int	om_validate_birthdate(const char *s, size_t len);
int	om_validate_pension(const char *s, size_t len);
int	om_validate_birthdate_en(const char *s, size_t len);
int	om_validate_mrz(const char *s, size_t len);
int	om_validate_digits(const char *s, size_t len, char *out, size_t outsz);

#endif
