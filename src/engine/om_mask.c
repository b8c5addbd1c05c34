/*++
 * NAME
 *	om_mask 3
 * SUMMARY
 *	masked samples
 * DESCRIPTION
 *	See om_mask.h. Input is normalised UTF-8; output always fits in
 *	OM_MASK_MAX bytes including the NUL, cut on a character boundary.
 *--*/
#include "config.h"

#include <string.h>

#include "om_mask.h"
#include "om_utf8.h"

static const char *mask_names[] = {
	"digits", "phone", "name", "address", "email", "date", "word",
};

/* om_mask_parse - mask kind by name; 0 or -1 */
int
om_mask_parse(const char *name, om_mask_kind *kind)
{
	for (size_t i = 0; i < sizeof(mask_names) / sizeof(mask_names[0]); i++) {
		if (strcmp(mask_names[i], name) == 0) {
			*kind = (om_mask_kind) i;
			return (0);
		}
	}
	return (-1);
}

/* strpbrk_n - does s[0..len) hold one of the characters */
static int
strpbrk_n(const char *s, size_t len, const char *set)
{
	for (size_t i = 0; i < len; i++)
		if (strchr(set, s[i]) != NULL && s[i] != 0)
			return (1);
	return (0);
}

/* put - append bytes if they fit */
static void
put(char *out, size_t *o, const char *s, size_t n)
{
	if (*o + n + 1 > OM_MASK_MAX)
		return;
	memcpy(out + *o, s, n);
	*o += n;
	out[*o] = 0;
}

/* keep_chars - first k characters, then " **" */
static void
keep_chars(const char *s, size_t len, size_t k, char *out)
{
	size_t  o = 0, i = 0, nch = 0;

	out[0] = 0;
	while (i < len && nch < k) {
		size_t  cl = om_utf8_len((unsigned char) s[i]);

		if (i + cl > len || s[i] == '\n')
			break;
		put(out, &o, s + i, cl);
		i += cl, nch++;
	}
	put(out, &o, " **", 3);
}

/* om_mask - write a masked sample of s[0..len) into out[OM_MASK_MAX] */
void
om_mask(om_mask_kind kind, const char *s, size_t len, char *out)
{
	size_t  o = 0, ndig = 0, seen = 0, keep;
	const char *at;
	int     lead;

	out[0] = 0;
	switch (kind) {
	case OM_MASK_NAME:
		keep_chars(s, len, 2, out);
		return;
	case OM_MASK_ADDRESS:
		keep_chars(s, len, 4, out);
		return;
	case OM_MASK_EMAIL:
		at = memchr(s, '@', len);
		put(out, &o, "***", 3);
		if (at)
			put(out, &o, at, (size_t) (s + len - at));
		return;
	case OM_MASK_WORD:
		for (size_t i = 0; i < len;) {
			size_t  cl = om_utf8_len((unsigned char) s[i]);

			if (i + cl > len)
				break;
			put(out, &o, s + i, cl);
			i += cl;
		}
		return;
	default:
		break;
	}
	for (size_t i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			ndig++;
	keep = (kind == OM_MASK_DATE || ndig <= 4) ? 0 : 4;
	/* A phone shows its leading group when separators follow it. */
	lead = kind == OM_MASK_PHONE && ndig >= 10 && strpbrk_n(s, len, "-) ") ? 1 : 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char) s[i];
		size_t  cl = om_utf8_len(c);

		if (i + cl > len)
			break;
		if (c >= '0' && c <= '9') {
			seen++;
			if (lead == 1 || seen > ndig - keep)
				put(out, &o, s + i, 1);
			else
				put(out, &o, "*", 1);
		} else {
			if (seen > 0 && lead == 1)
				lead = 2;
			if (c >= 0x80 || c == '-' || c == ' ' || c == '/' || c == '.'
			    || c == '(' || c == ')' || c == '+')
				put(out, &o, s + i, cl);
			else
				put(out, &o, "*", 1);
		}
		i += cl;
	}
}
