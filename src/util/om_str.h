/*++
 * NAME
 *	om_str 3h
 * SUMMARY
 *	white space at the ends of a string
 * DESCRIPTION
 *	om_is_space() is true for the six ASCII white space bytes (space,
 *	tab, CR, LF, VT, FF), whatever the locale.
 *
 *	om_trim() strips them from both ends of a C string in place and
 *	returns the first byte kept. om_trim_span() narrows the range
 *	[*s, *e) the same way without writing anything.
 *--*/
#ifndef OM_STR_H
#define OM_STR_H

#include <string.h>

/* om_is_space - ASCII white space */
static inline int
om_is_space(int c)
{
	return (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f');
}

/* om_trim - strip white space at both ends, in place */
static inline char *
om_trim(char *s)
{
	char   *e;

	while (om_is_space((unsigned char) *s))
		s++;
	e = s + strlen(s);
	while (e > s && om_is_space((unsigned char) e[-1]))
		*--e = 0;
	return (s);
}

/* om_trim_span - [*s, *e) without white space at either end */
static inline void
om_trim_span(const char **s, const char **e)
{
	while (*s < *e && om_is_space((unsigned char) **s))
		(*s)++;
	while (*e > *s && om_is_space((unsigned char) (*e)[-1]))
		(*e)--;
}

#endif
