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

#include <ctype.h>
#include <string.h>

#include <glib.h>

#include "om_charset.h"
#include "om_mask.h"
#include "om_norm.h"
#include "om_utf8.h"

#define MASK_RUN_SEPS	3		/* separators in a row inside a digit run */
#define MASK_RUN_DIGITS	6		/* shortest digit run that is masked */

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

/* kanji_numeral - the 3 bytes at s are one of 〇一二三四五六七八九十 */
static int
kanji_numeral(const char *s)
{
	static const char kn[] = "〇一二三四五六七八九十";

	for (size_t k = 0; k + 3 <= sizeof(kn) - 1; k += 3)
		if (memcmp(s, kn + k, 3) == 0)
			return (1);
	return (0);
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
		} else if (kind == OM_MASK_DATE && cl == 3 && kanji_numeral(s + i)) {
			/* A date in kanji numerals is masked as its digits are. */
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

/* run_sep - bytes of a separator inside a digit run at s, or 0 */
static size_t
run_sep(const unsigned char *s, size_t len)
{
	if (s[0] < 0x80)
		return (s[0] == ' ' || s[0] == '\t' || ispunct(s[0]) ? 1 : 0);
	/* "・" U+30FB, "、" U+3001, "。" U+3002, "〜" U+301C */
	if (len >= 3 && s[0] == 0xe3 && ((s[1] == 0x83 && s[2] == 0xbb) || (s[1] == 0x80 && (s[2] == 0x81 || s[2] == 0x82 || s[2] == 0x9c))))
		return (3);
	return (0);
}

/* mask_runs - copy s to out, each long digit run masked */
static void
mask_runs(const char *s, size_t len, om_buf *out)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t  i = 0;

	while (i < len) {
		size_t  j = i, end, ndig = 0;

		if (!(p[i] >= '0' && p[i] <= '9')) {
			om_buf_append(out, s + i, 1);
			i++;
			continue;
		}
		/* The run: digits, and up to MASK_RUN_SEPS separators between them. */
		end = i;
		while (j < len) {
			size_t  k = j, nsep = 0, l;

			while (k < len && p[k] >= '0' && p[k] <= '9')
				k++, ndig++;
			end = k;
			while (nsep < MASK_RUN_SEPS && k < len && (l = run_sep(p + k, len - k)) > 0)
				k += l, nsep++;
			if (nsep == 0 || k >= len || !(p[k] >= '0' && p[k] <= '9'))
				break;
			j = k;
		}
		if (ndig < MASK_RUN_DIGITS) {
			om_buf_append(out, s + i, end - i);
		} else if (end - i < OM_MASK_MAX - 8) {
			char    m[OM_MASK_MAX];

			om_mask(OM_MASK_DIGITS, s + i, end - i, m);
			om_buf_puts(out, m);
		} else {
			/* Longer than a sample can be: every digit goes. */
			for (size_t k = i; k < end; k++)
				om_buf_putc(out, p[k] >= '0' && p[k] <= '9' ? '*' : p[k]);
		}
		i = end;
	}
}

/* om_mask_text - free text, normalised, with every long digit run masked */
void
om_mask_text(const char *s, size_t len, om_buf *out)
{
	gchar  *valid = NULL;
	om_buf  norm;

	if (!om_utf8_valid_nul(s, len)) {
		valid = g_utf8_make_valid(s, (gssize) len);
		s = valid;
		len = strlen(valid);
	}
	om_buf_init(&norm, 0);
	if (om_norm_text(s, len, &norm) < 0 || norm.data == NULL) {
		om_buf_free(&norm);
		om_buf_init(&norm, 0);
		om_buf_append(&norm, s, len);
	}
	mask_runs(norm.data ? norm.data : "", norm.len, out);
	om_buf_free(&norm);
	g_free(valid);
}
