/*++
 * NAME
 *	om_sniff 3
 * SUMMARY
 *	text judged from bytes, not from labels
 * DESCRIPTION
 *	See om_sniff.h. A clerk names and labels a customer list any way
 *	(customers.json as application/octet-stream, a CSV with no type,
 *	text/x-log); the bytes decide.
 *--*/
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "om_buf.h"
#include "om_charset.h"
#include "om_sniff.h"

/* bad_control - a byte no text file holds (the last byte may be ^Z) */
static int
bad_control(unsigned char c)
{
	return ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b)
		|| c == 0x7f);
}

/* om_sniff_utf16 - UTF-16 with a BOM and no control characters */
int
om_sniff_utf16(const unsigned char *d, size_t len)
{
	int     le;

	if (len < 4 || !((d[0] == 0xff && d[1] == 0xfe) || (d[0] == 0xfe && d[1] == 0xff)))
		return (0);
	le = d[0] == 0xff;
	for (size_t i = 2; i + 1 < len; i += 2) {
		unsigned c = le ? (unsigned) (d[i] | d[i + 1] << 8) : (unsigned) (d[i] << 8 | d[i + 1]);

		if (c < 0x80 && bad_control((unsigned char) c) && !(c == 0x1a && i + 2 >= len))
			return (0);
		if (c == 0xfffe || c == 0xffff)
			return (0);
		if (c >= 0xd800 && c <= 0xdbff) {
			unsigned lo;

			if (i + 3 >= len)
				break;		/* cut at the end */
			lo = le ? (unsigned) (d[i + 2] | d[i + 3] << 8) : (unsigned) (d[i + 2] << 8 | d[i + 3]);
			if (lo < 0xdc00 || lo > 0xdfff)
				return (0);
			i += 2;
		} else if (c >= 0xdc00 && c <= 0xdfff)
			return (0);
	}
	return (1);
}

/* om_sniff_text - see om_sniff.h */
int
om_sniff_text(const unsigned char *d, size_t len, int prefix)
{
	size_t  n, i;
	om_buf  out;
	const char *used;
	int     fl;

	if (len == 0)
		return (0);
	if (om_sniff_utf16(d, len))
		return (1);
	for (i = 0; i < len; i++)
		if (bad_control(d[i]) && !(d[i] == 0x1a && i + 1 == len))
			return (0);
	n = len > OM_SNIFF_DECODE_MAX ? OM_SNIFF_DECODE_MAX : len;
	if (prefix || n < len) {
		/* Decode whole lines: never a character cut by the prefix. */
		size_t  k = n;

		while (k > 0 && d[k - 1] != '\n')
			k--;
		if (k > 0)
			n = k;
	}
	om_buf_init(&out, n * 3 + 64);
	fl = om_charset_decode((const char *) d, n, NULL, &out, &used);
	om_buf_free(&out);
	return (!(fl & (OM_CHARSET_LOSSY | OM_CHARSET_TRUNCATED)));
}

/* om_sniff_text_whole - see om_sniff.h */
int
om_sniff_text_whole(const unsigned char *d, size_t len)
{
	size_t  i = 0;

	if (len == 0 || len > OM_SNIFF_DECODE_MAX)
		return (0);
	if (om_sniff_utf16(d, len))
		return (1);
	/* Eight bytes at a time: only a word with a byte below 0x20 or a DEL is looked into. */
	for (; i + 8 <= len; i += 8) {
		const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
		uint64_t w, del;

		memcpy(&w, d + i, 8);
		del = w ^ (0x7f * ones);
		if ((((w - 0x20 * ones) & ~w) | ((del - ones) & ~del)) & high)
			for (size_t k = i; k < i + 8; k++)
				if (bad_control(d[k]) && !(d[k] == 0x1a && k + 1 == len))
					return (0);
	}
	for (; i < len; i++)
		if (bad_control(d[i]) && !(d[i] == 0x1a && i + 1 == len))
			return (0);
	/* Well-formed UTF-8 (ASCII too) needs no trial decode. */
	if (om_utf8_valid((const char *) d, len))
		return (1);
	return (om_sniff_text(d, len, 0));
}

/* om_sniff_weak_magic - see om_sniff.h */
int
om_sniff_weak_magic(const char *t)
{
	static const char *text_formats[] = {
		"json", "xml", "pdf", "rtf", "postscript", "javascript", "ecmascript", "pgp",
		"x-pem", "csv", "mbox", "x-wine-extension-ini", "x-sh", "x-perl", "x-python",
		"x-ruby", "x-php", "x-awk", "x-tex", "x-troff", "yaml", "toml", "sql", "x-subrip",
		"x-ndjson", "mac-binhex", "x-uuencode", "x-bittorrent", NULL,
	};

	if (t == NULL || strncmp(t, "text/", 5) == 0 || strncmp(t, "message/", 8) == 0)
		return (0);
	if (strncmp(t, "application/", 12) == 0)
		for (int i = 0; text_formats[i]; i++)
			if (strstr(t + 12, text_formats[i]) != NULL)
				return (0);
	return (1);
}
