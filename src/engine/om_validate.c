/*++
 * NAME
 *	om_validate 3
 * SUMMARY
 *	identifier validators
 * DESCRIPTION
 *	See om_validate.h. Every validator first keeps only the ASCII
 *	digits of the match (separators such as "-" and " " are allowed
 *	anywhere by the patterns), bounded to 32 digits.
 *--*/
#include "config.h"

#include <string.h>
#include <strings.h>
#include <time.h>

#include "om_validate.h"

#define DIGITS_MAX	32

/* om_validate_digits - the ASCII digits of s, NUL-terminated; count or -1 */
int
om_validate_digits(const char *s, size_t len, char *out, size_t outsz)
{
	size_t  n = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (n + 1 >= outsz)
				return (-1);
			out[n++] = s[i];
		}
	}
	out[n] = 0;
	return ((int) n);
}

/* om_validate_mynumber - 12 digits with the official check digit */
int
om_validate_mynumber(const char *s, size_t len)
{
	char    d[DIGITS_MAX + 1];
	int     sum = 0, rem, check;

	if (om_validate_digits(s, len, d, sizeof(d)) != 12)
		return (0);
	/* P(n) is the n-th digit from the right of the first 11; Q(n) its weight. */
	for (int n = 1; n <= 11; n++) {
		int     p = d[11 - n] - '0';
		int     q = n <= 6 ? n + 1 : n - 5;

		sum += p * q;
	}
	rem = sum % 11;
	check = rem <= 1 ? 0 : 11 - rem;
	if (check != d[11] - '0')
		return (0);
	/* All one digit passes the formula now and then; no one has it. */
	for (int i = 1; i < 12; i++)
		if (d[i] != d[0])
			return (1);
	return (0);
}

/* om_validate_luhn - Luhn sum over 12..19 digits */
int
om_validate_luhn(const char *s, size_t len)
{
	char    d[DIGITS_MAX + 1];
	int     n = om_validate_digits(s, len, d, sizeof(d));
	int     sum = 0;

	if (n < 12 || n > 19)
		return (0);
	for (int i = 0; i < n; i++) {
		int     v = d[n - 1 - i] - '0';

		if (i & 1) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return (sum % 10 == 0);
}

/* prefix_in - first k digits of d as a number within [lo, hi] */
static int
prefix_in(const char *d, int k, long lo, long hi)
{
	long    v = 0;

	for (int i = 0; i < k; i++) {
		if (d[i] == 0)
			return (0);
		v = v * 10 + (d[i] - '0');
	}
	return (v >= lo && v <= hi);
}

/* om_validate_card - Luhn, and a length that fits the issuer range */
int
om_validate_card(const char *s, size_t len)
{
	char    d[DIGITS_MAX + 1];
	int     n = om_validate_digits(s, len, d, sizeof(d));

	if (!om_validate_luhn(s, len))
		return (0);
	if (d[0] == '4')			/* Visa */
		return (n == 13 || n == 16 || n == 19);
	if (prefix_in(d, 2, 51, 55) || prefix_in(d, 4, 2221, 2720))	/* Mastercard */
		return (n == 16);
	if (prefix_in(d, 2, 34, 34) || prefix_in(d, 2, 37, 37))		/* Amex */
		return (n == 15);
	if (prefix_in(d, 4, 3528, 3589))	/* JCB */
		return (n >= 16 && n <= 19);
	if (prefix_in(d, 3, 300, 305) || prefix_in(d, 2, 36, 36)
	    || prefix_in(d, 2, 38, 39))		/* Diners */
		return (n >= 14 && n <= 19);
	if (prefix_in(d, 4, 6011, 6011) || prefix_in(d, 2, 65, 65)
	    || prefix_in(d, 3, 644, 649))	/* Discover */
		return (n >= 16 && n <= 19);
	if (prefix_in(d, 2, 62, 62))		/* UnionPay */
		return (n >= 16 && n <= 19);
	return (0);
}

/* om_validate_phone_jp - a subscriber number of the Japanese plan */
int
om_validate_phone_jp(const char *s, size_t len)
{
	char    d[DIGITS_MAX + 1];
	int     n = om_validate_digits(s, len, d, sizeof(d));
	const char *p = d;

	/* +81 / 81 international form: drop it and restore the trunk 0. */
	if (n >= 11 && d[0] == '8' && d[1] == '1' && memchr(s, '+', len)) {
		if (d[2] == '0') {		/* +81(0)90-... */
			p = d + 2;
			n -= 2;
		} else {
			d[1] = '0';
			p = d + 1;
			n -= 1;
		}
	}
	if (p[0] != '0' || p[1] == '0')
		return (0);
	/* Free-dial and shared-cost numbers belong to businesses. */
	if (strncmp(p, "0120", 4) == 0 || strncmp(p, "0800", 4) == 0
	    || strncmp(p, "0570", 4) == 0 || strncmp(p, "0990", 4) == 0)
		return (0);
	if (strncmp(p, "070", 3) == 0 || strncmp(p, "080", 3) == 0
	    || strncmp(p, "090", 3) == 0 || strncmp(p, "050", 3) == 0
	    || strncmp(p, "060", 3) == 0)
		return (n == 11);
	if (strncmp(p, "020", 3) == 0)		/* pagers, M2M */
		return (0);
	return (n == 10);
}

/* om_validate_postal - seven digits, first group not 000 */
int
om_validate_postal(const char *s, size_t len)
{
	char    d[DIGITS_MAX + 1];

	if (om_validate_digits(s, len, d, sizeof(d)) != 7)
		return (0);
	return (strncmp(d, "000", 3) != 0);
}

/* om_validate_pension - basic pension number: 4 + 6 digits */
int
om_validate_pension(const char *s, size_t len)
{
	char    d[DIGITS_MAX + 1];

	return (om_validate_digits(s, len, d, sizeof(d)) == 10);
}

static const struct {
	const char *name;		/* UTF-8 era name */
	char	letter;			/* initial used in forms */
	int	base;			/* year 1 of the era minus one */
	int	last;			/* highest year of the era */
} eras[] = {
	{"明治", 'M', 1867, 45},
	{"大正", 'T', 1911, 15},
	{"昭和", 'S', 1925, 64},
	{"平成", 'H', 1988, 31},
	{"令和", 'R', 2018, 99},
};

/* this_year - the calendar year now */
static int
this_year(void)
{
	time_t  now = time(NULL);
	struct tm tm;

	if (gmtime_r(&now, &tm) == NULL)
		return (2100);
	return (tm.tm_year + 1900);
}

/* date_ok - y-m-d is a real date between 1900 and this year */
static int
date_ok(int y, int m, int dd)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (y < 1900 || y > this_year())
		return (0);
	if (m < 1 || m > 12 || dd < 1 || dd > mdays[m - 1])
		return (0);
	if (m == 2 && dd == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return (0);
	return (1);
}

/* kanji_digit - value of the kanji numeral at s (〇 to 九), or -1 */
static int
kanji_digit(const char *s, size_t len)
{
	static const char *const kd[] = {
		"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九",
	};

	if (len < 3)
		return (-1);
	for (int k = 0; k < 10; k++)
		if (memcmp(s, kd[k], 3) == 0)
			return (k);
	return (-1);
}

/*
 * kanji_number - a number in kanji numerals at s: 十 as tens ("六十",
 * "十二", "三十一") or one digit after another ("一九八五"); its
 * value, or -1 when s holds none. *used gets the bytes read.
 */
static int
kanji_number(const char *s, size_t len, size_t *used)
{
	int     v = 0, cur = -1, tens = 0, nd = 0;
	size_t  i = 0;

	while (i + 3 <= len && nd < 5) {
		int     d = kanji_digit(s + i, len - i);

		if (d >= 0) {
			cur = cur < 0 ? d : cur * 10 + d;
		} else if (memcmp(s + i, "十", 3) == 0 && !tens) {
			tens = 1;
			v = (cur < 0 ? 1 : cur) * 10;
			cur = -1;
		} else {
			break;
		}
		i += 3, nd++;
	}
	*used = i;
	if (i == 0)
		return (-1);
	if (tens && cur > 9)
		return (-1);
	return (v + (cur < 0 ? 0 : cur));
}

/*
 * om_validate_birthdate - a real date between 1900 and this year; an
 * era year may carry its western year in brackets, or the other way
 * round ("昭和60年(1985年)3月12日", "1985年(昭和60年)3月12日"), when
 * the two agree. Numbers may be written in kanji numerals
 * ("昭和六十年三月十二日", "一九八五年三月十二日").
 */
int
om_validate_birthdate(const char *s, size_t len)
{
	int     num[4], nnum = 0, era = -1, era_at = -1;
	int     y, m, dd;

	for (size_t i = 0; i < len && nnum < 4;) {
		unsigned char c = (unsigned char) s[i];

		if (c >= '0' && c <= '9') {
			int     v = 0, k = 0;

			while (i < len && s[i] >= '0' && s[i] <= '9' && k < 5) {
				v = v * 10 + (s[i] - '0');
				i++, k++;
			}
			num[nnum++] = v;
			continue;
		}
		if (c == 0xe3 || c == 0xe4 || c == 0xe5) {
			size_t  used;
			int     v = kanji_number(s + i, len - i, &used);

			if (v >= 0) {
				num[nnum++] = v;
				i += used;
				continue;
			}
		}
		if (strncmp(s + i, "元", strlen("元")) == 0 && i + strlen("元") <= len) {
			num[nnum++] = 1;
			i += strlen("元");
			continue;
		}
		if (era < 0 && nnum <= 1) {
			for (size_t e = 0; e < sizeof(eras) / sizeof(eras[0]); e++) {
				size_t  el = strlen(eras[e].name);

				if ((i + el <= len && memcmp(s + i, eras[e].name, el) == 0)
				    || ((c == (unsigned char) eras[e].letter
					 || c == (unsigned char) (eras[e].letter + 32))
					&& i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')) {
					era = (int) e;
					era_at = nnum;
					break;
				}
			}
		}
		i++;
	}
	if (nnum == 4) {
		/* Two years: an era year and its western year, agreeing. */
		int     ey = num[era_at == 0 ? 0 : 1], wy = num[era_at == 0 ? 1 : 0];

		if (era < 0 || ey < 1 || ey > eras[era].last || ey + eras[era].base != wy)
			return (0);
		num[0] = wy, num[1] = num[2], num[2] = num[3];
		era = -1;
	} else if (nnum != 3 || era_at > 0) {
		return (0);
	}
	y = num[0], m = num[1], dd = num[2];
	if (era >= 0) {
		if (y < 1 || y > eras[era].last)
			return (0);
		y += eras[era].base;
	} else if (y < 100) {
		return (0);
	}
	return (date_ok(y, m, dd));
}

/*
 * om_validate_birthdate_en - a birth date as English forms write it, a
 * real date between 1900 and this year: "12 Mar 1985", "12MAR1985",
 * "March 12, 1985", "1985-03-12", and "03/12/1985" or "12.03.1985"
 * when either day-month order gives a real date.
 */
int
om_validate_birthdate_en(const char *s, size_t len)
{
	static const char *const months[] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	};
	int     num[3], nnum = 0, month = 0;

	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char) s[i];

		if (c >= '0' && c <= '9') {
			int     v = 0, k = 0;

			while (i < len && s[i] >= '0' && s[i] <= '9' && k < 5) {
				v = v * 10 + (s[i] - '0');
				i++, k++;
			}
			if (nnum == 3)
				return (0);
			num[nnum++] = v;
			continue;
		}
		if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && month == 0 && i + 3 <= len) {
			for (int k = 0; k < 12; k++)
				if (strncasecmp(s + i, months[k], 3) == 0)
					month = k + 1;
			while (i < len && (((unsigned char) s[i] | 0x20) >= 'a' && ((unsigned char) s[i] | 0x20) <= 'z'))
				i++;
			continue;
		}
		i++;
	}
	if (month) {
		/* a day and a year, in either order */
		if (nnum != 2)
			return (0);
		if (num[0] >= 1000)
			return (date_ok(num[0], month, num[1]));
		return (date_ok(num[1], month, num[0]));
	}
	if (nnum != 3)
		return (0);
	if (num[0] >= 1000)
		return (date_ok(num[0], num[1], num[2]));
	if (num[2] < 1000)
		return (0);
	return (date_ok(num[2], num[0], num[1]) || date_ok(num[2], num[1], num[0]));
}

/* mrz_digit - ICAO 9303 check digit of n characters */
static int
mrz_digit(const char *s, size_t n)
{
	static const int w[] = {7, 3, 1};
	int     sum = 0;

	for (size_t i = 0; i < n; i++) {
		int     v;

		if (s[i] >= '0' && s[i] <= '9')
			v = s[i] - '0';
		else if (s[i] >= 'A' && s[i] <= 'Z')
			v = s[i] - 'A' + 10;
		else if (s[i] == '<')
			v = 0;
		else
			return (-1);
		sum += v * w[i % 3];
	}
	return (sum % 10);
}

/*
 * om_validate_mrz - the second machine-readable line of a passport
 * (ICAO 9303 TD3) from its start: document number, nationality, birth
 * date, sex and expiry, each of the three with its check digit.
 */
int
om_validate_mrz(const char *s, size_t len)
{
	if (len < 28)
		return (0);
	return (mrz_digit(s, 9) == s[9] - '0' && mrz_digit(s + 13, 6) == s[19] - '0'
		&& mrz_digit(s + 21, 6) == s[27] - '0');
}

static const struct {
	const char *name;
	om_validate_fn fn;
} validators[] = {
	{"mynumber", om_validate_mynumber},
	{"card", om_validate_card},
	{"luhn", om_validate_luhn},
	{"phone_jp", om_validate_phone_jp},
	{"postal", om_validate_postal},
	{"birthdate", om_validate_birthdate},
	{"pension", om_validate_pension},
	{"birthdate_en", om_validate_birthdate_en},
	{"mrz", om_validate_mrz},
};

/* om_validate_lookup - validator by name, or NULL */
om_validate_fn
om_validate_lookup(const char *name)
{
	for (size_t i = 0; i < sizeof(validators) / sizeof(validators[0]); i++)
		if (strcmp(validators[i].name, name) == 0)
			return (validators[i].fn);
	return (NULL);
}
