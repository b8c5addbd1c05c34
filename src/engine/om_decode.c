/*++
 * NAME
 *	om_decode 3
 * SUMMARY
 *	forgiving transfer decoding: the reading that yields a real file
 * DESCRIPTION
 *	See om_decode.h. A reading is a decoder with one way of
 *	forgiving a broken input: base64 that stops at the first pad,
 *	that skips junk lines, that restarts after every "=", that reads
 *	each line as its own group; quoted-printable that keeps, skips or
 *	drops a bad "="; uuencode with or without its begin line; yEnc.
 *	Each reading first decodes a few bytes only, and the whole input
 *	is decoded only when those bytes start like a file we know: a
 *	reading of text that leads nowhere costs little.
 *--*/
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "om_bytes.h"
#include "om_decode.h"

#define PROBE_BYTES	64		/* decoded bytes enough to see a signature */
#define SNIFF_LINES	16		/* lines looked at to call a piece encoded */

/* Base64 readings. */
#define B64_STOP_PAD	(1u << 0)	/* the first "=" ends the data */
#define B64_RESET_PAD	(1u << 1)	/* an "=" drops the bits of an unfinished group */
#define B64_JUNK_LINES	(1u << 2)	/* a line with a non-base64 character is skipped */
#define B64_LINE_RESET	(1u << 3)	/* each line is its own group */
#define B64_LINE_QUADS	(1u << 4)	/* each line: whole groups of four only */
#define B64_LINE_PREFIX	(1u << 5)	/* each line: up to its first non-base64 character */
#define B64_PAD_ZERO	(1u << 6)	/* an "=" is a letter of value zero */

/* Quoted-printable readings of an "=" that is no escape. */
#define QP_LITERAL	0		/* kept as it is */
#define QP_SKIP_JUNK	1		/* what follows up to two hex digits is dropped */
#define QP_DROP_ONE	2		/* dropped with the character after it */
#define QP_DROP_TO_EQ	3		/* dropped with all up to the next "=" */
#define QP_DROP_EQ	4		/* dropped alone */
#define QP_MODE		7u
#define QP_BINARY	(1u << 3)	/* line breaks are transport only: dropped */

typedef void (*reader_fn)(const unsigned char *in, size_t n, unsigned how, om_buf *out);

/* is_blank - space, tab, CR, VT or FF */
static int
is_blank(unsigned char c)
{
	return (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f');
}

/* line_end - index of the newline ending the line at ls, or n */
static size_t
line_end(const unsigned char *in, size_t n, size_t ls)
{
	const unsigned char *nl = memchr(in + ls, '\n', n - ls);

	return (nl ? (size_t) (nl - in) : n);
}

/* b64_read - base64, forgiving in the ways "how" says */
static void
b64_read(const unsigned char *in, size_t n, unsigned how, om_buf *out)
{
	unsigned acc = 0;
	int     bits = 0;

	for (size_t ls = 0, le; ls < n; ls = le + 1) {
		size_t  quads = 0, used = 0;

		le = line_end(in, n, ls);
		if (how & (B64_JUNK_LINES | B64_LINE_QUADS)) {
			size_t  k = 0, i;
			int     padded = 0;

			for (i = ls; i < le; i++) {
				if (om_b64_value(in[i]) >= 0)
					k += !padded;
				else if (in[i] == '=')
					padded = 1;
				else if (!is_blank(in[i]))
					break;
			}
			if (i < le && (how & B64_JUNK_LINES))
				continue;
			/* Letters after whole groups are junk, unless a pad says the group ends there. */
			quads = padded ? k : k / 4 * 4;
		}
		for (size_t i = ls; i < le; i++) {
			int     v = om_b64_value(in[i]);

			/* An "=" with a letter soon after it on the line is no pad. */
			if (in[i] == '=' && (how & B64_PAD_ZERO))
				for (size_t j = i + 1; j < le && j <= i + 3 && v < 0; j++)
					if (om_b64_value(in[j]) >= 0)
						v = 0;

			if (v < 0) {
				if (in[i] == '=' && (how & B64_STOP_PAD))
					return;
				if (in[i] == '=' && (how & B64_LINE_QUADS))
					break;
				if (in[i] == '=' && (how & B64_RESET_PAD))
					acc = 0, bits = 0;
				if ((how & B64_LINE_PREFIX) && !is_blank(in[i]))
					break;
				continue;
			}
			if ((how & B64_LINE_QUADS) && used++ >= quads)
				break;
			acc = ((acc << 6) | (unsigned) v) & 0xffffu;
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				if (om_buf_putc(out, (int) ((acc >> bits) & 0xff)) < 0)
					return;
			}
		}
		if (how & (B64_LINE_RESET | B64_LINE_QUADS))
			acc = 0, bits = 0;
	}
}

/* hex_value - value of a hex digit, upper case only if "upper", else -1 */
static int
hex_value(unsigned char c, int upper)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	if (!upper && c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	return (-1);
}

/* qp_read - quoted-printable; "how" says what a bad "=" means */
static void
qp_read(const unsigned char *in, size_t n, unsigned how, om_buf *out)
{
	int     upper = (how & QP_MODE) != QP_LITERAL;

	for (size_t i = 0; i < n; i++) {
		size_t  j;

		if (in[i] != '=') {
			if ((how & QP_BINARY) && (in[i] == '\r' || in[i] == '\n'))
				continue;
			if (om_buf_putc(out, in[i]) < 0)
				return;
			continue;
		}
		/* A soft line break, blanks allowed before the end of the line. */
		for (j = i + 1; j < n && is_blank(in[j]); j++)
			;
		if (j >= n || in[j] == '\n') {
			i = j;
			continue;
		}
		if (i + 2 < n && hex_value(in[i + 1], upper) >= 0 && hex_value(in[i + 2], upper) >= 0) {
			if (om_buf_putc(out, hex_value(in[i + 1], upper) << 4 | hex_value(in[i + 2], upper)) < 0)
				return;
			i += 2;
			continue;
		}
		switch (how & QP_MODE) {
		case QP_LITERAL:
			if (om_buf_putc(out, '=') < 0)
				return;
			break;
		case QP_SKIP_JUNK:
			for (j = i + 1; j < n && in[j] != '\n' && hex_value(in[j], 1) < 0; j++)
				;
			if (j + 1 < n && hex_value(in[j], 1) >= 0 && hex_value(in[j + 1], 1) >= 0) {
				if (om_buf_putc(out, hex_value(in[j], 1) << 4 | hex_value(in[j + 1], 1)) < 0)
					return;
				i = j + 1;
			} else
				i = j - 1;
			break;
		case QP_DROP_ONE:
			/* "==" drops the first: the second may start an escape. */
			if (in[i + 1] != '\n' && in[i + 1] != '=')
				i++;
			break;
		case QP_DROP_EQ:
			break;
		default:
			for (j = i + 1; j < n && in[j] != '=' && in[j] != '\n'; j++)
				;
			i = j - 1;
			break;
		}
	}
}

/*
 * uu_line - the bytes uuencoded line in[ls, le) stands for (0: none, it
 * is not one); *end is where its letters end.
 */
static size_t
uu_line(const unsigned char *in, size_t ls, size_t le, size_t *end)
{
	size_t  want, e;

	for (e = le; e > ls && is_blank(in[e - 1]); e--)
		;
	*end = e;
	if (e <= ls || (e - ls >= 6 && memcmp(in + ls, "begin ", 6) == 0))
		return (0);
	want = (size_t) ((in[ls] - 32) & 63);
	for (size_t i = ls; i < e; i++)
		if (in[i] < 32 || in[i] > 96)
			return (0);
	/* Trailing blanks may have been lost on the way: only require the letters. */
	if (want == 0 || e - ls - 1 < (want * 4 + 2) / 3)
		return (0);
	return (want);
}

/* uu_read - uuencoded lines, begin/end lines or not; short lines padded */
static void
uu_read(const unsigned char *in, size_t n, unsigned how, om_buf *out)
{
	(void) how;
	for (size_t ls = 0, le; ls < n; ls = le + 1) {
		size_t  want, end, got = 0;

		le = line_end(in, n, ls);
		if ((want = uu_line(in, ls, le, &end)) == 0)
			continue;
		for (size_t i = ls + 1; got < want; i += 4) {
			unsigned v = 0;

			for (size_t k = 0; k < 4; k++)
				v = (v << 6) | (i + k < end ? (unsigned) ((in[i + k] - 32) & 63) : 0);
			for (int k = 2; k >= 0 && got < want; k--, got++)
				if (om_buf_putc(out, (int) ((v >> (8 * k)) & 0xff)) < 0)
					return;
		}
	}
}

/* yenc_read - yEnc between "=ybegin" and "=yend" */
static void
yenc_read(const unsigned char *in, size_t n, unsigned how, om_buf *out)
{
	size_t  ls = 0, le;

	(void) how;
	/* The first line that starts with "=ybegin ": found by its "=", not line by line. */
	for (const unsigned char *p = in;; p++) {
		if ((p = memchr(p, '=', (size_t) (in + n - p))) == NULL)
			return;
		if ((p == in || p[-1] == '\n') && (size_t) (in + n - p) >= 8 && memcmp(p, "=ybegin ", 8) == 0) {
			ls = (size_t) (p - in);
			le = line_end(in, n, ls);
			break;
		}
	}
	for (ls = le + 1; ls < n; ls = le + 1) {
		le = line_end(in, n, ls);
		if (le - ls >= 5 && memcmp(in + ls, "=yend", 5) == 0)
			return;
		if (le - ls >= 7 && memcmp(in + ls, "=ypart ", 7) == 0)
			continue;
		for (size_t i = ls; i < le; i++) {
			unsigned c = in[i];

			if (c == '\r')
				continue;
			if (c == '=') {
				if (++i >= le)
					break;
				c = (unsigned) in[i] - 64;
			}
			if (om_buf_putc(out, (int) ((c - 42) & 0xff)) < 0)
				return;
		}
	}
}

/* The readings, in the order tried when no encoding is declared. */
static const struct reading {
	om_cte	family;
	reader_fn fn;
	unsigned how;
} readings[] = {
	{OM_CTE_BASE64, b64_read, B64_STOP_PAD | B64_JUNK_LINES},
	{OM_CTE_BASE64, b64_read, B64_STOP_PAD},
	{OM_CTE_BASE64, b64_read, B64_JUNK_LINES},
	{OM_CTE_BASE64, b64_read, 0},
	{OM_CTE_BASE64, b64_read, B64_RESET_PAD | B64_JUNK_LINES},
	{OM_CTE_BASE64, b64_read, B64_LINE_RESET | B64_JUNK_LINES},
	{OM_CTE_BASE64, b64_read, B64_LINE_QUADS | B64_JUNK_LINES},
	{OM_CTE_BASE64, b64_read, B64_LINE_PREFIX},
	{OM_CTE_BASE64, b64_read, B64_PAD_ZERO | B64_JUNK_LINES},
	{OM_CTE_QP, qp_read, QP_LITERAL},
	{OM_CTE_QP, qp_read, QP_SKIP_JUNK},
	{OM_CTE_QP, qp_read, QP_DROP_ONE},
	{OM_CTE_QP, qp_read, QP_DROP_TO_EQ},
	{OM_CTE_QP, qp_read, QP_DROP_ONE | QP_BINARY},
	{OM_CTE_QP, qp_read, QP_DROP_EQ | QP_BINARY},
	{OM_CTE_UU, uu_read, 0},
	{OM_CTE_YENC, yenc_read, 0},
};

#define NREADINGS	(sizeof(readings) / sizeof(readings[0]))

/* om_decode_cte - what a Content-Transfer-Encoding value means, broken or not */
om_cte
om_decode_cte(const char *value)
{
	char    w[32];
	size_t  k = 0;
	const char *s = value;

	if (s == NULL)
		return (OM_CTE_NONE);
	/* The first word, lower case, letters and digits only: "\"Base-64\";" is base64. */
	while (*s && (isspace((unsigned char) *s) || *s == '"' || *s == '\''))
		s++;
	for (; *s && k < sizeof(w) - 1; s++) {
		if (*s == ';' || *s == '(' || *s == ',' || isspace((unsigned char) *s))
			break;
		if (isalnum((unsigned char) *s))
			w[k++] = (char) tolower((unsigned char) *s);
	}
	w[k] = 0;
	if (k == 0 || strcmp(w, "7bit") == 0 || strcmp(w, "8bit") == 0 || strcmp(w, "binary") == 0)
		return (OM_CTE_NONE);
	if (strstr(w, "base64") || strstr(w, "b64"))
		return (OM_CTE_BASE64);
	if (strstr(w, "quoted") || strstr(w, "printable") || strcmp(w, "qp") == 0 || strcmp(w, "xqp") == 0)
		return (OM_CTE_QP);
	if (strstr(w, "yenc"))
		return (OM_CTE_YENC);
	if (strstr(w, "uu"))
		return (OM_CTE_UU);
	return (OM_CTE_OTHER);
}

/* Signatures of the files a filter must look into; index 0 and 2 are checked further. */
static const struct sig {
	const char *magic;
	size_t	len;
} sigs[] = {
	{"PK\003\004", 4}, {"%PDF-", 5}, {"MZ", 2}, {"\177ELF", 4},
	{"\320\317\021\340", 4}, {"7z\274\257", 4}, {"Rar!", 4}, {"\037\213", 2},
	{"BZh", 3}, {"\3757zXZ", 5}, {"{\\rtf", 5}, {"\114\000\000\000\001\024\002\000", 8},
};

#define SIG_ZIP	0
#define SIG_PDF	1
#define SIG_PE	2

/* signature - index of the signature the data starts with, or -1 */
static int
signature(const unsigned char *d, size_t n)
{
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (n >= sigs[i].len && memcmp(d, sigs[i].magic, sigs[i].len) == 0)
			return ((int) i);
	return (-1);
}

/* le32 - little-endian 32-bit value */
static size_t
le32(const unsigned char *d)
{
	return ((size_t) d[0] | (size_t) d[1] << 8 | (size_t) d[2] << 16 | (size_t) d[3] << 24);
}

/*
 * zip_complete - an end-of-central-directory record in the last 64 KB
 * whose central directory ends right before it: a reading that drops or
 * adds bytes on the way has its offsets wrong.
 */
static int
zip_complete(const unsigned char *d, size_t n)
{
	size_t  lo = n > 65557 ? n - 65557 : 0;

	if (n < 22 + 4)
		return (0);
	for (size_t i = n - 22 + 1; i-- > lo;) {
		size_t  size, off;

		if (d[i] != 'P' || d[i + 1] != 'K' || d[i + 2] != 5 || d[i + 3] != 6)
			continue;
		size = le32(d + i + 12);
		off = le32(d + i + 16);
		if (off == 0xffffffffu)
			return (1);		/* zip64: the offsets are elsewhere */
		return (off <= i && size == i - off && (size == 0 || memcmp(d + off, "PK\001\002", 4) == 0));
	}
	return (0);
}

/* pe_complete - e_lfanew points at a "PE\0\0" header inside the data */
static int
pe_complete(const unsigned char *d, size_t n)
{
	size_t  off;

	if (n < 64)
		return (0);
	off = le32(d + 60);
	return (off >= 64 && off <= n - 4 && memcmp(d + off, "PE\0\0", 4) == 0);
}

/* pdf_complete - "%%EOF" near the end */
static int
pdf_complete(const unsigned char *d, size_t n)
{
	size_t  lo = n > 1024 ? n - 1024 : 0;

	for (size_t i = lo; i + 5 <= n; i++)
		if (d[i] == '%' && memcmp(d + i, "%%EOF", 5) == 0)
			return (1);
	return (0);
}

/* om_decode_file_kind - OM_FILE_NONE, _KNOWN or _COMPLETE */
int
om_decode_file_kind(const unsigned char *d, size_t n)
{
	int     s = signature(d, n);

	if (s < 0)
		return (OM_FILE_NONE);
	if ((s == SIG_ZIP && zip_complete(d, n)) || (s == SIG_PE && pe_complete(d, n))
	    || (s == SIG_PDF && pdf_complete(d, n)))
		return (OM_FILE_COMPLETE);
	return (OM_FILE_KNOWN);
}

/*
 * decode_best - read "in" every way (but the families whose bit
 * 1 << om_cte is set in "skip"), the declared family first; the
 * bytes of the reading that gives the most complete file go to "out"
 * (replacing what it held), at most "cap" of them. Returns their
 * OM_FILE_* kind; on a tie the reading tried first wins. OM_FILE_NONE
 * leaves "out" alone.
 */
static int
decode_best(const unsigned char *in, size_t n, om_cte declared, size_t cap, om_buf *out, unsigned skip)
{
	int     best = OM_FILE_NONE;
	size_t  order[NREADINGS], k = 0;

	for (size_t i = 0; i < NREADINGS; i++)
		if (readings[i].family == declared && !(skip & (1u << readings[i].family)))
			order[k++] = i;
	for (size_t i = 0; i < NREADINGS; i++)
		if (readings[i].family != declared && !(skip & (1u << readings[i].family)))
			order[k++] = i;
	for (size_t i = 0; i < k && best < OM_FILE_COMPLETE; i++) {
		const struct reading *r = readings + order[i];
		om_buf  probe, cand;
		int     kind;

		om_buf_init(&probe, PROBE_BYTES);
		r->fn(in, n, r->how, &probe);
		kind = signature((const unsigned char *) probe.data, probe.len) >= 0;
		om_buf_free(&probe);
		if (!kind)
			continue;
		om_buf_init(&cand, cap);
		r->fn(in, n, r->how, &cand);
		kind = om_decode_file_kind((const unsigned char *) cand.data, cand.len);
		if (kind > best) {
			best = kind;
			om_buf_reset(out);
			(void) om_buf_append(out, cand.data, cand.len);
		}
		om_buf_free(&cand);
	}
	return (best);
}

/* om_decode_best - see decode_best(), with every reading */
int
om_decode_best(const unsigned char *in, size_t n, om_cte declared, size_t cap, om_buf *out)
{
	return (decode_best(in, n, declared, cap, out, 0));
}

/*
 * om_decode_text - a text part whose transfer encoding the MIME parser
 * did not apply, read as its header means: base64 skipping what is not
 * base64 (a pad ends a group), quoted-printable keeping a stray "=",
 * uuencode. -1 when the encoding is none of these.
 */
int
om_decode_text(const unsigned char *in, size_t n, om_cte cte, om_buf *out)
{
	switch (cte) {
	case OM_CTE_BASE64:
		b64_read(in, n, B64_RESET_PAD, out);
		return (0);
	case OM_CTE_QP:
		qp_read(in, n, QP_LITERAL, out);
		return (0);
	case OM_CTE_UU:
		uu_read(in, n, 0, out);
		return (0);
	default:
		return (-1);
	}
}

/* State of one om_decode_region() call. */
typedef struct region {
	const unsigned char *in;
	size_t	n, cap, max, nfound;
	om_decode_found found;
	void   *ctx;
	const unsigned char *name;	/* file name from the last header block */
	size_t	name_len;
	om_cte	cte;			/* its transfer encoding */
	int	depth;			/* 1 inside an encoded message */
	int	stop;
} region;

static void region_scan(region *rg, const unsigned char *in, size_t n);
static int header_like(const unsigned char *l, size_t len);

/* looks_encoded - some early line of the piece could be encoded data */
static int
looks_encoded(const unsigned char *in, size_t n)
{
	size_t  ls = 0, le;

	for (int lines = 0; lines < SNIFF_LINES && ls < n; lines++, ls = le + 1) {
		size_t  b64 = 0, other = 0, end;

		le = line_end(in, n, ls);
		for (end = le; end > ls && is_blank(in[end - 1]); end--)
			;
		for (size_t i = ls; i < end; i++) {
			/* Encoded data is ASCII: a line of 8-bit text is not. */
			if (in[i] >= 0x80) {
				other++;
				break;
			}
			if (om_b64_value(in[i]) >= 0 || in[i] == '=')
				b64++;
			else
				other++;
			if (in[i] == '=' && i + 2 < end && hex_value(in[i + 1], 1) >= 0 && hex_value(in[i + 2], 1) >= 0)
				return (1);
		}
		if (other == 0 && b64 >= 8)
			return (1);
		/* A full uuencoded line: "M" and 60 letters. */
		if (end - ls == 61 && in[ls] == 'M')
			return (1);
	}
	return (0);
}

/* region_try - read in[s, e) as one encoded file (but the readings "skip" names); 1 if one was found */
static int
region_try(region *rg, size_t s, size_t e, unsigned skip)
{
	om_buf  out;
	int     kind;

	om_buf_init(&out, rg->cap);
	kind = decode_best(rg->in + s, e - s, rg->cte, rg->cap, &out, skip);
	if (kind != OM_FILE_NONE && out.len > 0) {
		if (rg->found(rg->ctx, (const char *) rg->name, rg->name_len,
			      (const unsigned char *) out.data, out.len, kind) != 0
		    || ++rg->nfound >= rg->max)
			rg->stop = 1;
	}
	om_buf_free(&out);
	return (kind != OM_FILE_NONE);
}

/* has_mime_headers - the text carries a Content-Type header line */
static int
has_mime_headers(const unsigned char *d, size_t n)
{
	for (size_t ls = 0, le; ls < n; ls = le + 1) {
		le = line_end(d, n, ls);
		if (le - ls > 13 && strncasecmp((const char *) d + ls, "content-type:", 13) == 0)
			return (1);
	}
	return (0);
}

/*
 * region_read - read in[s, e) as one encoded file. When it gives none,
 * it may start with one line of junk before the data, or be a whole
 * message in base64 (message/rfc822 encoded, which no standard allows
 * and some clients read): both are tried, the second once.
 */
static int
region_read(region *rg, size_t s, size_t e)
{
	size_t  nl;
	int     got = 0;

	if (rg->stop || e <= s || e - s < 8 || !looks_encoded(rg->in + s, e - s))
		return (0);
	if (region_try(rg, s, e, 0) || rg->stop)
		return (1);
	nl = line_end(rg->in, e, s);
	if (nl + 1 < e && e - nl - 1 >= 8) {
		size_t  end;
		unsigned skip = 0;

		/*
		 * uuencode and yEnc read line by line: without the first line
		 * they give what they gave with it, unless that line was data
		 * (uuencode) or the "=ybegin" line (yEnc). Those gave no file
		 * just now; they are not read a second time.
		 */
		if (uu_line(rg->in, s, nl, &end) == 0)
			skip |= 1u << OM_CTE_UU;
		if (nl - s < 8 || memcmp(rg->in + s, "=ybegin ", 8) != 0)
			skip |= 1u << OM_CTE_YENC;
		if (region_try(rg, nl + 1, e, skip) || rg->stop)
			return (1);
	}
	if (rg->depth == 0) {
		om_buf  msg;

		/* A message starts with a header line: look before decoding it all. */
		om_buf_init(&msg, PROBE_BYTES);
		b64_read(rg->in + s, e - s, B64_JUNK_LINES, &msg);
		if (msg.len == 0 || !header_like((const unsigned char *) msg.data,
						 line_end((const unsigned char *) msg.data, msg.len, 0))) {
			om_buf_free(&msg);
			return (0);
		}
		om_buf_free(&msg);
		om_buf_init(&msg, rg->cap);
		b64_read(rg->in + s, e - s, B64_JUNK_LINES, &msg);
		if (msg.len > 0 && has_mime_headers((const unsigned char *) msg.data, msg.len)) {
			region	inner = *rg;
			size_t  before = rg->nfound;

			inner.depth = 1;
			inner.name = NULL;
			inner.name_len = 0;
			inner.cte = OM_CTE_NONE;
			region_scan(&inner, (const unsigned char *) msg.data, msg.len);
			rg->nfound = inner.nfound;
			rg->stop = inner.stop;
			got = rg->nfound > before;
		}
		om_buf_free(&msg);
	}
	return (got);
}

/*
 * region_piece - one piece between delimiters and header blocks: each
 * stretch between blank lines on its own first (a decoy file may sit
 * beside the real one), then, if none gave a file, the whole piece
 * (some readers skip blank lines inside encoded data).
 */
static void
region_piece(region *rg, size_t s, size_t e)
{
	size_t  sub = s, stretches = 0;
	int     got = 0;

	/* The line break before a delimiter belongs to the delimiter. */
	if (e > s && rg->in[e - 1] == '\n')
		e--;
	if (e > s && rg->in[e - 1] == '\r')
		e--;
	for (size_t ls = s, le; ls < e && !rg->stop; ls = le + 1) {
		size_t  k;

		le = line_end(rg->in, e, ls);
		for (k = ls; k < le && is_blank(rg->in[k]); k++)
			;
		if (k < le)
			continue;
		if (ls > sub) {
			got |= region_read(rg, sub, ls);
			stretches++;
		}
		sub = le + 1;
	}
	if (sub < e && !rg->stop) {
		got |= region_read(rg, sub, e);
		stretches++;
	}
	if (!got && stretches > 1 && !rg->stop)
		(void) region_read(rg, s, e);
}

/*
 * header_like - "Name:" at the start of the line. Most lines of a
 * region are data or text with no colon at all: memchr() says so
 * before the name is read byte by byte.
 */
static int
header_like(const unsigned char *l, size_t len)
{
	size_t  i = 0;

	if (len < 3 || !isalpha(l[0]) || memchr(l, ':', len) == NULL)
		return (0);
	while (i < len && i < 78 && (isalnum(l[i]) || l[i] == '-'))
		i++;
	if (i < 2 || !isalpha(l[0]))
		return (0);
	while (i < len && is_blank(l[i]))
		i++;
	return (i < len && l[i] == ':');
}

/* param_value - the value after "key=" in a header line, unquoted */
static int
param_value(const unsigned char *l, size_t len, const char *key, const unsigned char **v, size_t *vlen)
{
	size_t  kl = strlen(key);

	for (size_t i = 0; i + kl < len; i++) {
		size_t  e;

		if ((i > 0 && isalnum(l[i - 1])) || strncasecmp((const char *) l + i, key, kl) != 0)
			continue;
		i += kl;
		if (i < len && l[i] == '"')
			i++;
		for (e = i; e < len && l[e] != '"' && l[e] != ';' && l[e] != '\r'; e++)
			;
		if (e == i)
			return (0);
		*v = l + i;
		*vlen = e - i;
		return (1);
	}
	return (0);
}

/* header_line - note the file name and encoding a header line gives */
static void
header_line(region *rg, const unsigned char *l, size_t len)
{
	const unsigned char *v;
	size_t  vlen;

	if (param_value(l, len, "filename=", &v, &vlen) || param_value(l, len, "name=", &v, &vlen)) {
		rg->name = v;
		rg->name_len = vlen;
	}
	if (len > 26 && strncasecmp((const char *) l, "content-transfer-encoding", 25) == 0) {
		char    val[64];
		const unsigned char *c = memchr(l, ':', len);
		size_t  k;

		if (c == NULL)
			return;
		k = len - (size_t) (c + 1 - l);
		if (k >= sizeof(val))
			k = sizeof(val) - 1;
		memcpy(val, c + 1, k);
		val[k] = 0;
		rg->cte = om_decode_cte(val);
	}
}

/* block_end - end of the line that closes a uu or yEnc block begun at ls */
static size_t
block_end(const unsigned char *in, size_t n, size_t ls, int yenc)
{
	for (size_t le = line_end(in, n, ls); le < n;) {
		size_t  s = le + 1, e = line_end(in, n, s), t = e;

		while (t > s && is_blank(in[t - 1]))
			t--;
		if (yenc ? (t - s >= 5 && memcmp(in + s, "=yend", 5) == 0) : (t - s == 3 && memcmp(in + s, "end", 3) == 0))
			return (e);
		le = e;
	}
	return (n);
}

/*
 * om_decode_region - find files encoded in free text: each piece
 * between delimiter lines ("--..."), header blocks and blank lines
 * that looks encoded is read with om_decode_best(), with the file
 * name and encoding of the header block before it; a uuencode or yEnc
 * block is one piece from its begin line to its end line. "found" is
 * called for each file, at most max_files times. Returns the count.
 */
size_t
om_decode_region(const unsigned char *in, size_t n, size_t cap, size_t max_files,
		 om_decode_found found, void *ctx)
{
	region	rg;

	memset(&rg, 0, sizeof(rg));
	rg.cap = cap;
	rg.max = max_files;
	rg.found = found;
	rg.ctx = ctx;
	if (max_files == 0)
		return (0);
	region_scan(&rg, in, n);
	return (rg.nfound);
}

/* region_scan - split the region into pieces and read each */
static void
region_scan(region *rg, const unsigned char *in, size_t n)
{
	size_t	seg = (size_t) -1;
	int	in_header = 0;

	rg->in = in;
	rg->n = n;
	for (size_t ls = 0, le; ls < n && !rg->stop; ls = le + 1) {
		const unsigned char *l = in + ls;
		size_t  len, k;
		int     yenc;

		le = line_end(in, n, ls);
		len = le - ls;
		yenc = len >= 8 && memcmp(l, "=ybegin ", 8) == 0;
		if (yenc || (len > 7 && memcmp(l, "begin ", 6) == 0 && isdigit(l[6]))) {
			const unsigned char *v;
			size_t  vlen;

			if (seg != (size_t) -1)
				region_piece(rg, seg, ls);
			seg = (size_t) -1;
			in_header = 0;
			if (yenc && param_value(l, len, "name=", &v, &vlen)) {
				rg->name = v;
				rg->name_len = vlen;
			} else if (!yenc) {
				for (k = 6; k < len && l[k] != ' '; k++)
					;
				if (k + 1 < len) {
					rg->name = l + k + 1;
					for (rg->name_len = len - k - 1; rg->name_len > 0 && is_blank(rg->name[rg->name_len - 1]);)
						rg->name_len--;
				}
			}
			le = block_end(in, n, ls, yenc);
			{
				om_cte	saved = rg->cte;

				rg->cte = yenc ? OM_CTE_YENC : OM_CTE_UU;
				region_piece(rg, ls, le);
				rg->cte = saved;
			}
			continue;
		}
		for (k = 0; k < len && is_blank(l[k]); k++)
			;
		if (k == len) {
			/* Ends a header block; inside data, some readers skip it. */
			in_header = 0;
			continue;
		}
		if (len >= 2 && l[0] == '-' && l[1] == '-') {
			if (seg != (size_t) -1)
				region_piece(rg, seg, ls);
			seg = (size_t) -1;
			rg->name = NULL;
			rg->name_len = 0;
			rg->cte = OM_CTE_NONE;
			in_header = 0;
			continue;
		}
		if (in_header && is_blank(l[0])) {
			header_line(rg, l, len);
			continue;
		}
		if (header_like(l, len)) {
			if (seg != (size_t) -1)
				region_piece(rg, seg, ls);
			seg = (size_t) -1;
			if (!in_header) {
				rg->name = NULL;
				rg->name_len = 0;
				rg->cte = OM_CTE_NONE;
			}
			in_header = 1;
			header_line(rg, l, len);
			continue;
		}
		in_header = 0;
		if (seg == (size_t) -1)
			seg = ls;
	}
	if (seg != (size_t) -1 && !rg->stop)
		region_piece(rg, seg, n);
}
