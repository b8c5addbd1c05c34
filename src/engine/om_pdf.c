/*++
 * NAME
 *	om_pdf 3
 * SUMMARY
 *	text out of PDF files
 * DESCRIPTION
 *	See om_pdf.h. Works on the bytes in memory, writes into one capped
 *	om_buf, and bounds its loops by the input length.
 *--*/
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "om_encrypt.h"
#include "om_pdf.h"

#define PDF_STREAM_MAX	((size_t) 32 << 20)	/* one inflated PDF stream */
#define PDF_STREAMS_MAX	20000
#define CMAP_MAX	65536

/* put_utf8 - one code point as UTF-8 */
static void
put_utf8(om_buf *out, unsigned long c)
{
	char    b[4];

	if (c == 0 || (c >= 0xd800 && c < 0xe000) || c > 0x10ffff)
		return;
	if (c < 0x80) {
		b[0] = (char) c;
		(void) om_buf_append(out, b, 1);
	} else if (c < 0x800) {
		b[0] = (char) (0xc0 | (c >> 6));
		b[1] = (char) (0x80 | (c & 0x3f));
		(void) om_buf_append(out, b, 2);
	} else if (c < 0x10000) {
		b[0] = (char) (0xe0 | (c >> 12));
		b[1] = (char) (0x80 | ((c >> 6) & 0x3f));
		b[2] = (char) (0x80 | (c & 0x3f));
		(void) om_buf_append(out, b, 3);
	} else {
		b[0] = (char) (0xf0 | (c >> 18));
		b[1] = (char) (0x80 | ((c >> 12) & 0x3f));
		b[2] = (char) (0x80 | ((c >> 6) & 0x3f));
		b[3] = (char) (0x80 | (c & 0x3f));
		(void) om_buf_append(out, b, 4);
	}
}

typedef struct pdf_cmap {
	uint16_t code[CMAP_MAX];
	uint32_t uni[CMAP_MAX];
	size_t	n;
	int	ucs2;			/* a predefined Uni*-UCS2/UTF16 CMap is used */
} pdf_cmap;

/* hexval - hex digits to a number */
static unsigned long
hexval(const char *s, size_t n)
{
	unsigned long v = 0;

	for (size_t i = 0; i < n && i < 8; i++) {
		char    c = s[i];

		v = v * 16 + (unsigned long) ((c >= '0' && c <= '9') ? c - '0' : ((c | 0x20) - 'a' + 10) & 15);
	}
	return (v);
}

/* next_hex - next <...> token in [*pp, end): digits and length */
static int
next_hex(const char **pp, const char *end, const char **s, size_t *n)
{
	const char *p = *pp, *q;

	while (p < end && *p != '<' && *p != '[' && *p != 'e')
		p++;
	if (p >= end || *p != '<')
		return (-1);
	if ((q = memchr(p, '>', (size_t) (end - p))) == NULL)
		return (-1);
	*s = p + 1;
	*n = (size_t) (q - p - 1);
	*pp = q + 1;
	return (0);
}

/* cmap_add - one code -> unicode pair */
static void
cmap_add(pdf_cmap *cm, unsigned long code, unsigned long uni)
{
	if (cm->n < CMAP_MAX && code < 0x10000) {
		cm->code[cm->n] = (uint16_t) code;
		cm->uni[cm->n] = (uint32_t) uni;
		cm->n++;
	}
}

/* cmap_parse - bfchar and bfrange sections of a ToUnicode CMap */
static void
cmap_parse(const char *s, size_t len, pdf_cmap *cm)
{
	const char *end = s + len, *p = s;

	while (p < end && (p = memmem(p, (size_t) (end - p), "begin", 5)) != NULL) {
		int     range;
		const char *stop;

		p += 5;
		if ((size_t) (end - p) >= 6 && memcmp(p, "bfchar", 6) == 0)
			range = 0;
		else if ((size_t) (end - p) >= 7 && memcmp(p, "bfrange", 7) == 0)
			range = 1;
		else
			continue;
		stop = memmem(p, (size_t) (end - p), range ? "endbfrange" : "endbfchar", range ? 10 : 9);
		if (stop == NULL)
			stop = end;
		p += 6 + range;
		for (int k = 0; k < 10000; k++) {
			const char *a, *b, *c;
			size_t  an, bn, cn;

			if (next_hex(&p, stop, &a, &an) < 0 || next_hex(&p, stop, &b, &bn) < 0)
				break;
			if (!range) {
				cmap_add(cm, hexval(a, an), hexval(b, bn > 8 ? 4 : bn));
				continue;
			}
			if (next_hex(&p, stop, &c, &cn) < 0)
				break;
			for (unsigned long code = hexval(a, an), u = hexval(c, cn > 8 ? 4 : cn);
			     code <= hexval(b, bn) && code < 0x10000 && cm->n < CMAP_MAX; code++, u++)
				cmap_add(cm, code, u);
		}
		p = stop;
	}
}

/* cmap_lookup - unicode for a code, or 0 */
static unsigned long
cmap_lookup(const pdf_cmap *cm, unsigned code)
{
	for (size_t i = 0; i < cm->n; i++)
		if (cm->code[i] == code)
			return (cm->uni[i]);
	return (0);
}

/* pdf_put_string - write one shown string */
static void
pdf_put_string(const unsigned char *s, size_t n, int hex, const pdf_cmap *cm, om_buf *out)
{
	if (hex && cm->n && n % 2 == 0) {
		for (size_t i = 0; i + 1 < n; i += 2) {
			unsigned long u = cmap_lookup(cm, (unsigned) (s[i] << 8 | s[i + 1]));

			if (u)
				put_utf8(out, u);
		}
		return;
	}
	if (cm->n == 0 && cm->ucs2 && n % 2 == 0) {
		/* Uni*-UCS2-H / -UTF16-H: the codes are UTF-16BE themselves. */
		for (size_t i = 0; i + 1 < n; i += 2) {
			unsigned long u = (unsigned long) (s[i] << 8 | s[i + 1]);

			if (u >= 0xd800 && u <= 0xdbff && i + 3 < n) {
				unsigned long lo = (unsigned long) (s[i + 2] << 8 | s[i + 3]);

				if (lo >= 0xdc00 && lo <= 0xdfff) {
					u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
					i += 2;
				}
			}
			if (u >= 0x20 || u == '\t')
				put_utf8(out, u);
		}
		return;
	}
	if (n >= 2 && s[0] == 0xfe && s[1] == 0xff) {
		for (size_t i = 2; i + 1 < n; i += 2)
			put_utf8(out, (unsigned long) (s[i] << 8 | s[i + 1]));
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 0x20 || s[i] == '\t')
			put_utf8(out, s[i]);
}

/* pdf_read_string - a literal or hex string at p; returns end */
static const unsigned char *
pdf_read_string(const unsigned char *p, const unsigned char *end, unsigned char *buf, size_t cap, size_t *n, int *hex)
{
	*hex = (*p == '<');
	if (*hex) {
		int     hi = -1;

		*n = 0;
		for (p++; p < end && *p != '>'; p++) {
			int     v;

			if (*p >= '0' && *p <= '9')
				v = *p - '0';
			else if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f')
				v = (*p | 0x20) - 'a' + 10;
			else
				continue;
			if (hi < 0)
				hi = v;
			else {
				if (*n < cap)
					buf[(*n)++] = (unsigned char) (hi << 4 | v);
				hi = -1;
			}
		}
		return (p < end ? p + 1 : end);
	}
	*n = 0;
	for (int depth = 1; ++p < end;) {
		unsigned c = *p;

		if (c == '\\' && p + 1 < end) {
			c = *++p;
			if (c == 'n')
				c = '\n';
			else if (c == 'r')
				c = '\r';
			else if (c == 't')
				c = '\t';
			else if (c >= '0' && c <= '7') {
				unsigned v = c - '0';

				for (int k = 0; k < 2 && p + 1 < end && p[1] >= '0' && p[1] <= '7'; k++)
					v = v * 8 + (unsigned) (*++p - '0');
				c = v & 0xff;
			} else if (c == '\n' || c == '\r')
				continue;
		} else if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			return (p + 1);
		if (*n < cap)
			buf[(*n)++] = (unsigned char) c;
	}
	return (end);
}

/* pdf_content_text - text operators of one content stream */
static void
pdf_content_text(const unsigned char *s, size_t len, const pdf_cmap *cm, om_buf *out)
{
	const unsigned char *p = s, *end = s + len;
	unsigned char str[4096];
	size_t  n = 0;
	int     hex = 0, have = 0, in_array = 0;
	double  nums[2] = {0, 0};

	while (p < end) {
		unsigned c = *p;

		if (c == '(' || (c == '<' && p + 1 < end && p[1] != '<')) {
			p = pdf_read_string(p, end, str, sizeof(str), &n, &hex);
			if (in_array)
				pdf_put_string(str, n, hex, cm, out);
			else
				have = 1;
			continue;
		}
		if (c == '[') {
			in_array = 1;
			p++;
			continue;
		}
		if (c == ']') {
			in_array = 0;
			p++;
			continue;
		}
		if (c == '%') {
			while (p < end && *p != '\n' && *p != '\r')
				p++;
			continue;
		}
		if ((c >= '0' && c <= '9') || c == '-' || c == '.') {
			char   *e;
			double  v = strtod((const char *) p, &e);

			if ((const unsigned char *) e == p)
				e = (char *) p + 1;
			if (in_array && v < -180)
				(void) om_buf_putc(out, ' ');
			nums[0] = nums[1];
			nums[1] = v;
			p = (const unsigned char *) e;
			continue;
		}
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == '"' || c == '*') {
			const unsigned char *w = p;
			size_t  wl;

			while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '*' || *p == '\'' || *p == '"'))
				p++;
			wl = (size_t) (p - w);
			if ((wl == 2 && memcmp(w, "Tj", 2) == 0) || (wl == 1 && (*w == '\'' || *w == '"'))) {
				if (wl == 1)
					(void) om_buf_putc(out, '\n');
				if (have)
					pdf_put_string(str, n, hex, cm, out);
				have = 0;
			} else if (wl == 2 && memcmp(w, "TJ", 2) == 0) {
				have = 0;
			} else if ((wl == 2 && (memcmp(w, "Td", 2) == 0 || memcmp(w, "TD", 2) == 0) && nums[1] != 0)
				   || (wl == 2 && memcmp(w, "T*", 2) == 0) || (wl == 2 && memcmp(w, "ET", 2) == 0)) {
				(void) om_buf_putc(out, '\n');
			} else if (wl == 2 && memcmp(w, "Tm", 2) == 0)
				(void) om_buf_putc(out, '\n');
			else if (wl == 2 && memcmp(w, "BI", 2) == 0) {
				const unsigned char *ei = memmem(p, (size_t) (end - p), "EI", 2);

				p = ei ? ei + 2 : end;
			}
			continue;
		}
		p++;
	}
}

/* inflate_buf - zlib inflate into out, capped */
static int
inflate_buf(const unsigned char *in, size_t len, om_buf *out, size_t cap)
{
	z_stream z;
	unsigned char chunk[65536];
	int     ret;

	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return (-1);
	z.next_in = (unsigned char *) in;
	z.avail_in = (uInt) (len > UINT32_MAX ? UINT32_MAX : len);
	do {
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		ret = inflate(&z, Z_NO_FLUSH);
		if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR)
			break;
		if (out->len + (sizeof(chunk) - z.avail_out) > cap
		    || om_buf_append(out, chunk, sizeof(chunk) - z.avail_out) < 0)
			break;
		if (ret == Z_BUF_ERROR && z.avail_in == 0)
			break;
	} while (ret != Z_STREAM_END && (z.avail_out == 0 || z.avail_in > 0));
	inflateEnd(&z);
	return (out->len ? 0 : -1);
}

typedef struct pdf_stream {
	size_t	off, len;
	int	flate, content, cmap;
	unsigned num, gen;
} pdf_stream;

/* om_pdf_text - see om_pdf.h */
int
om_pdf_text(const unsigned char *d, size_t len, om_buf *out)
{
	om_pdf_crypt pc;
	int     cs = om_pdf_crypt_open(d, len, &pc);
	const unsigned char *p = d, *end = d + len;
	pdf_cmap *cm;
	om_buf  dec, plain;
	int     nstreams = 0;

	if (cs == OM_PDF_LOCKED)
		return (0);
	if ((cm = calloc(1, sizeof(*cm))) == NULL)
		return (-1);
	/* Font dictionaries in clear (not in object streams) name the CMap. */
	cm->ucs2 = memmem(d, len, "-UCS2-H", 7) != NULL || memmem(d, len, "-UTF16-H", 8) != NULL;
	om_buf_init(&dec, PDF_STREAM_MAX + 65536);
	om_buf_init(&plain, PDF_STREAM_MAX + 65536);
	/* Two passes: CMaps first, then content streams. */
	for (int pass = 0; pass < 2; pass++) {
		p = d;
		nstreams = 0;
		while (p < end && nstreams++ < PDF_STREAMS_MAX
		       && (p = memmem(p, (size_t) (end - p), "stream", 6)) != NULL) {
			const unsigned char *ds, *dstart, *objkw, *se, *q;
			unsigned num = 0, gen = 0;
			size_t  slen;
			long    L;

			if (p - d < 2 || (p[6] != '\r' && p[6] != '\n') || memcmp(p - 3, "end", 3) == 0) {
				p += 6;
				continue;
			}
			ds = p + 6 + (p[6] == '\r' && p + 7 < end && p[7] == '\n' ? 2 : 1);
			/* The object header and dictionary before "stream". */
			objkw = NULL;
			for (q = p; q > d && p - q < 65536; q--)
				if (q + 3 <= p && memcmp(q, "obj", 3) == 0 && (q + 3 == p || q[3] != 'e')) {
					objkw = q;
					break;
				}
			if (objkw == NULL) {
				p = ds;
				continue;
			}
			dstart = objkw + 3;
			{
				const unsigned char *b = objkw;
				int     fields = 0;
				unsigned vals[2] = {0, 0};

				while (b > d && (b[-1] == ' ' || b[-1] == '\r' || b[-1] == '\n'))
					b--;
				for (int f = 1; f >= 0; f--) {
					const unsigned char *e2 = b;
					unsigned v = 0, m = 1;

					while (b > d && b[-1] >= '0' && b[-1] <= '9' && e2 - b < 10)
						b--;
					for (const unsigned char *k = e2; k > b; k--, m *= 10)
						v += (unsigned) (k[-1] - '0') * m;
					if (e2 != b)
						vals[f] = v, fields++;
					while (b > d && b[-1] == ' ')
						b--;
				}
				if (fields == 2)
					num = vals[0], gen = vals[1];
			}
			L = -1;
			{
				const unsigned char *lk = memmem(dstart, (size_t) (p - dstart), "/Length", 7);

				if (lk) {
					char   *e;
					long    v = strtol((const char *) lk + 7, &e, 10);
					const char *r = e;

					while (*r == ' ')
						r++;
					if (!(*r >= '0' && *r <= '9'))
						L = v;
				}
			}
			if (L >= 0 && (size_t) L <= (size_t) (end - ds))
				slen = (size_t) L;
			else {
				se = memmem(ds, (size_t) (end - ds), "endstream", 9);
				if (se == NULL)
					break;
				slen = (size_t) (se - ds);
				while (slen && (ds[slen - 1] == '\n' || ds[slen - 1] == '\r'))
					slen--;
			}
			{
				size_t  dl = (size_t) (p - dstart);
				int     flate = memmem(dstart, dl, "/FlateDecode", 12) != NULL;
				int     other = memmem(dstart, dl, "DCTDecode", 9) || memmem(dstart, dl, "JPX", 3)
					|| memmem(dstart, dl, "/Image", 6) || memmem(dstart, dl, "/XRef", 5)
					|| memmem(dstart, dl, "/ObjStm", 7) || memmem(dstart, dl, "LZW", 3)
					|| memmem(dstart, dl, "ASCII85", 7) || memmem(dstart, dl, "/Predictor", 10)
					|| memmem(dstart, dl, "/Metadata", 9) || memmem(dstart, dl, "FontFile", 8)
					|| memmem(dstart, dl, "/Length1", 8);
				const unsigned char *src = ds;
				size_t  srclen = slen;

				if (other) {
					p = ds + slen;
					continue;
				}
				om_buf_reset(&dec);
				om_buf_reset(&plain);
				if (cs == OM_PDF_OPEN) {
					if (om_pdf_crypt_stream(&pc, num, gen, ds, slen, &dec) < 0) {
						p = ds + slen;
						continue;
					}
					src = (const unsigned char *) dec.data;
					srclen = dec.len;
				}
				if (flate) {
					if (inflate_buf(src, srclen, &plain, PDF_STREAM_MAX) < 0) {
						p = ds + slen;
						continue;
					}
				} else
					(void) om_buf_append(&plain, src, srclen);
				if (plain.len) {
					int     is_cmap = memmem(plain.data, plain.len, "begincmap", 9) != NULL;

					if (pass == 0 && is_cmap)
						cmap_parse(plain.data, plain.len, cm);
					else if (pass == 1 && !is_cmap && memmem(plain.data, plain.len, "BT", 2))
						pdf_content_text((const unsigned char *) plain.data, plain.len, cm, out);
				}
			}
			p = ds + slen;
		}
	}
	om_buf_free(&dec);
	om_buf_free(&plain);
	free(cm);
	return (1);
}
