/*++
 * NAME
 *	om_office97 3
 * SUMMARY
 *	Word, Excel and PowerPoint 97-2003 text
 * DESCRIPTION
 *	See om_office97.h. The formats are [MS-DOC] (FIB, Clx, piece
 *	table), [MS-XLS] (BIFF8 records) and [MS-PPT] (record tree).
 *	Every read is checked against the stream it comes from; loops are
 *	bounded by the stream length.
 *--*/
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "om_bytes.h"
#include "om_office97.h"
#include "om_ole.h"

#define XF_MAX		65536
#define FMT_MAX		65536

/* cp1252 - a Windows-1252 byte as a code point */
static unsigned long
cp1252(unsigned char c)
{
	static const unsigned short hi[32] = {
		0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
		0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
		0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
		0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
	};

	return (c >= 0x80 && c < 0xa0 ? hi[c - 0x80] : c);
}

/* put_u16 - n UTF-16LE units, surrogate pairs joined */
static void
put_u16(om_buf *out, const unsigned char *p, size_t n, unsigned long (*map)(unsigned long))
{
	for (size_t i = 0; i < n; i++) {
		unsigned long c = om_le16(p + 2 * i);

		if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
			unsigned long lo = om_le16(p + 2 * i + 2);

			if (lo >= 0xdc00 && lo <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				i++;
			}
		}
		if ((c = map(c)) != 0)
			om_buf_put_utf8(out, c);
	}
}

/* stream - a root stream by name into b; 0, -1 damaged, 1 absent */
static int
stream(const om_ole *o, const char *name, om_buf *b)
{
	int     i = om_ole_find(o, name);

	if (i < 0)
		return (1);
	om_buf_init(b, o->len);
	if (om_ole_read(o, i, b) < 0) {
		om_buf_free(b);
		return (-1);
	}
	return (0);
}

/*
 * Word 97.
 */
/* text_map - control characters of a text run: breaks, tabs, or nothing */
static unsigned long
text_map(unsigned long c)
{
	if (c == 0x0d || c == 0x0b || c == 0x0c)
		return ('\n');
	if (c == 0x07 || c == 0x09)
		return ('\t');
	if (c == 0x1e)
		return ('-');
	if (c < 0x20)
		return (0);
	return (c);
}

typedef struct doc_state {
	int	depth;			/* fields open */
	unsigned code;			/* bit d: field d is still in its code */
} doc_state;

/* doc_char - one character of the document text */
static void
doc_char(doc_state *st, unsigned long c, om_buf *out)
{
	if (c == 0x13) {
		if (st->depth < 31)
			st->code |= 1u << st->depth;
		st->depth++;
		return;
	}
	if (c == 0x14) {
		if (st->depth > 0 && st->depth <= 31)
			st->code &= ~(1u << (st->depth - 1));
		return;
	}
	if (c == 0x15) {
		if (st->depth > 0) {
			st->depth--;
			if (st->depth < 31)
				st->code &= ~(1u << st->depth);
		}
		return;
	}
	/* Field instructions (HYPERLINK "...", PAGE) are not text; results are. */
	if (st->code)
		return;
	if ((c = text_map(c)) != 0)
		om_buf_put_utf8(out, c);
}

/* doc_text - the piece table's text */
static int
doc_text(const om_ole *o, om_buf *out)
{
	om_buf  wd, tb;
	const unsigned char *w, *t, *cps, *pcds;
	unsigned flags;
	size_t  fc_clx, lcb_clx, p, end, lcb, n;
	doc_state st;
	int     r;

	if ((r = stream(o, "WordDocument", &wd)) != 0)
		return (-1);
	w = (const unsigned char *) wd.data;
	if (wd.len < 0x1aa || om_le16(w) != 0xa5ec || (om_le16(w + 0x0a) & 0x0100)) {
		om_buf_free(&wd);
		return (-1);
	}
	flags = om_le16(w + 0x0a);
	if (stream(o, (flags & 0x0200) ? "1Table" : "0Table", &tb) != 0) {
		om_buf_free(&wd);
		return (-1);
	}
	t = (const unsigned char *) tb.data;
	fc_clx = om_le32(w + 0x1a2);
	lcb_clx = om_le32(w + 0x1a6);
	r = -1;
	if (fc_clx > tb.len || lcb_clx > tb.len - fc_clx || lcb_clx < 5)
		goto done;
	p = fc_clx;
	end = fc_clx + lcb_clx;
	/* Prc records (formatting), then the Pcdt with the piece table. */
	while (p < end && t[p] == 0x01) {
		if (p + 3 > end)
			goto done;
		p += 3 + om_le16(t + p + 1);
	}
	if (p + 5 > end || t[p] != 0x02)
		goto done;
	lcb = om_le32(t + p + 1);
	p += 5;
	if (lcb > end - p || lcb < 16 || (lcb - 4) % 12 != 0)
		goto done;
	n = (lcb - 4) / 12;
	cps = t + p;
	pcds = cps + 4 * (n + 1);
	memset(&st, 0, sizeof(st));
	for (size_t i = 0, total = 0; i < n; i++) {
		uint32_t cp0 = om_le32(cps + 4 * i), cp1 = om_le32(cps + 4 * i + 4);
		uint32_t fc = om_le32(pcds + 8 * i + 2);
		size_t  nch, off;

		if (cp1 < cp0)
			goto done;
		nch = cp1 - cp0;
		/* Pieces do not overlap: more characters than stream bytes is damage. */
		if ((total += nch) > wd.len)
			goto done;
		if (out->cap && out->len + 4096 >= out->cap)
			break;			/* full: the caller reports the cut */
		if (fc & 0x40000000u) {
			off = (fc & 0x3fffffffu) / 2;
			if (off > wd.len || nch > wd.len - off)
				goto done;
			for (size_t k = 0; k < nch; k++)
				doc_char(&st, cp1252(w[off + k]), out);
		} else {
			off = fc;
			if (off > wd.len || nch > (wd.len - off) / 2)
				goto done;
			for (size_t k = 0; k < nch; k++) {
				unsigned long c = om_le16(w + off + 2 * k);

				if (c >= 0xd800 && c <= 0xdbff && k + 1 < nch) {
					unsigned long lo = om_le16(w + off + 2 * k + 2);

					if (lo >= 0xdc00 && lo <= 0xdfff) {
						c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
						k++;
					}
				}
				doc_char(&st, c, out);
			}
		}
	}
	r = 1;
done:
	om_buf_free(&wd);
	om_buf_free(&tb);
	return (r);
}

/*
 * Excel 97: BIFF8 records in the Workbook stream.
 */
typedef struct seg {
	const unsigned char *p;
	size_t	len;
} seg;

/* A cursor over a record and its CONTINUE records. */
typedef struct cur {
	const seg *s;
	size_t	n, i, off;
} cur;

/* cur_byte - next byte, crossing into the next record; -1 at the end */
static int
cur_byte(cur *c)
{
	while (c->i < c->n && c->off >= c->s[c->i].len)
		c->i++, c->off = 0;
	if (c->i >= c->n)
		return (-1);
	return (c->s[c->i].p[c->off++]);
}

/* cur_skip - skip n bytes; -1 past the end */
static int
cur_skip(cur *c, size_t n)
{
	while (n > 0) {
		size_t  room;

		while (c->i < c->n && c->off >= c->s[c->i].len)
			c->i++, c->off = 0;
		if (c->i >= c->n)
			return (-1);
		room = c->s[c->i].len - c->off;
		if (room > n)
			room = n;
		c->off += room;
		n -= room;
	}
	return (0);
}

/* cur_u16, cur_u32 - little-endian reads; -1 past the end */
static long
cur_u16(cur *c)
{
	int     a = cur_byte(c), b = cur_byte(c);

	return (a < 0 || b < 0 ? -1 : (long) (a | b << 8));
}

static int
cur_u32(cur *c, uint32_t *v)
{
	long    a = cur_u16(c), b = cur_u16(c);

	if (a < 0 || b < 0)
		return (-1);
	*v = (uint32_t) a | (uint32_t) b << 16;
	return (0);
}

/*
 * cur_string - an XLUnicodeRichExtendedString (SST) or, without rich
 * and ext, an XLUnicodeString. Characters that run into a CONTINUE
 * record start it with a new flags byte (8 or 16 bits); rich-text runs
 * and the phonetic block (ExtRst) are skipped by their counts.
 */
static int
cur_string(cur *c, size_t cch, int flags, om_buf *out)
{
	size_t  runs = 0;
	uint32_t ext = 0;
	int     high = flags & 1;

	if (flags & 0x08) {
		long    r = cur_u16(c);

		if (r < 0)
			return (-1);
		runs = (size_t) r;
	}
	if ((flags & 0x04) && cur_u32(c, &ext) < 0)
		return (-1);
	while (cch > 0) {
		size_t  room, k;
		const unsigned char *p;

		if (c->i < c->n && c->off >= c->s[c->i].len) {
			/* Characters continue in the next record, after a flags byte. */
			c->i++, c->off = 0;
			if (c->i >= c->n || c->s[c->i].len == 0)
				return (-1);
			high = c->s[c->i].p[0] & 1;
			c->off = 1;
		}
		if (c->i >= c->n)
			return (-1);
		room = c->s[c->i].len - c->off;
		p = c->s[c->i].p + c->off;
		k = high ? room / 2 : room;
		if (k > cch)
			k = cch;
		if (k == 0) {
			c->off = c->s[c->i].len;	/* a stray odd byte */
			continue;
		}
		if (high)
			put_u16(out, p, k, text_map);
		else
			for (size_t j = 0; j < k; j++)
				om_buf_put_utf8(out, text_map(p[j]));
		c->off += high ? 2 * k : k;
		cch -= k;
	}
	if (cur_skip(c, runs * 4) < 0 || cur_skip(c, ext) < 0)
		return (-1);
	return (0);
}

typedef struct xls {
	om_buf	sst;			/* shared strings, NUL-separated */
	size_t *off;
	size_t	nsst;
	uint16_t *xf_fmt;		/* number format of each XF */
	size_t	nxf;
	unsigned char *date_fmt;	/* custom format number -> is a date */
	int	date1904;
	long	row, col;		/* last cell written; row -1: none yet */
	long	frow, fcol;		/* a FORMULA waiting for its STRING */
} xls;

/* sst_load - the SST record and its CONTINUE records */
static int
sst_load(xls *x, const seg *s, size_t n)
{
	cur     c = {s, n, 0, 8};
	uint32_t total;
	size_t  max;

	if (n == 0 || s[0].len < 8)
		return (-1);
	total = om_le32(s[0].p + 4);
	max = 0;
	for (size_t i = 0; i < n; i++)
		max += s[i].len;
	if (total > max / 3 + 1)
		total = (uint32_t) (max / 3 + 1);
	if ((x->off = malloc(((size_t) total + 1) * sizeof(size_t))) == NULL)
		return (-1);
	for (x->nsst = 0; x->nsst < total; x->nsst++) {
		long    cch = cur_u16(&c);
		int     fl = cur_byte(&c);

		if (cch < 0 || fl < 0)
			return (-1);
		x->off[x->nsst] = x->sst.len;
		if (cur_string(&c, (size_t) cch, fl, &x->sst) < 0)
			return (-1);
		if (om_buf_putc(&x->sst, 0) < 0)
			return (-1);
	}
	return (0);
}

/* cell_at - separators before the cell at row, col */
static void
cell_at(xls *x, long row, long col, om_buf *out)
{
	long    gap;

	if (x->row != row) {
		if (x->row >= 0)
			(void) om_buf_putc(out, '\n');
		x->row = row;
		x->col = -1;
	}
	gap = col - x->col;
	if (gap < 1)
		gap = 1;
	if (gap > 256)
		gap = 256;
	/* Empty cells keep their column, so a value stays under its header. */
	for (long k = x->col < 0 ? 1 : 0; k < gap; k++)
		(void) om_buf_putc(out, '\t');
	x->col = col;
}

/* builtin_date - a built-in number format that shows a date */
static int
builtin_date(unsigned f)
{
	return ((f >= 14 && f <= 17) || f == 22 || (f >= 27 && f <= 36) || (f >= 50 && f <= 58));
}

/*
 * custom_date - a format string (UTF-8) with a year or day part outside
 * quotes and brackets (Japanese era formats "ge.m.d" have a day too)
 */
static int
custom_date(const char *s)
{
	int     q = 0, b = 0;

	for (; *s; s++) {
		char    c = *s;

		if (c == '"')
			q = !q;
		else if (!q && c == '[')
			b = 1;
		else if (!q && c == ']')
			b = 0;
		else if (!q && !b && c == '\\' && s[1])
			s++;
		else if (!q && !b && strncasecmp(s, "general", 7) == 0)
			s += 6;
		else if (!q && !b && (c == 'y' || c == 'Y' || c == 'd' || c == 'D'))
			return (1);
	}
	return (0);
}

/* put_date - a date serial as YYYY/MM/DD */
static int
put_date(xls *x, double v, om_buf *out)
{
	long    days, z, era, doe, yoe, y, doy, mp, d, m;

	if (!(v >= 1 && v < 2958466))
		return (-1);
	/* Days since 1970-01-01; the 1900 system counts a 29 February 1900. */
	if (x->date1904)
		days = (long) v + 1462 - 25569;
	else
		days = ((long) v >= 61 ? (long) v : (long) v + 1) - 25569;
	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	(void) om_buf_printf(out, "%ld/%02ld/%02ld", y, m, d);
	return (0);
}

/* put_number - a cell's number as a clerk sees it in a General cell */
static void
put_number(xls *x, unsigned xf, double v, om_buf *out)
{
	char    b[64];

	if (xf < x->nxf) {
		unsigned f = x->xf_fmt[xf];

		if ((builtin_date(f) || (f < FMT_MAX && x->date_fmt && x->date_fmt[f]))
		    && put_date(x, v, out) == 0)
			return;
	}
	if (v > -1e15 && v < 1e15 && (double) (long long) v == v)
		snprintf(b, sizeof(b), "%lld", (long long) v);
	else {
		char   *e;

		snprintf(b, sizeof(b), "%.15g", v);
		/* 0.1 + 0.2 shows as 0.3: fifteen digits, like Excel. */
		if ((e = strchr(b, '.')) != NULL && strchr(b, 'e') == NULL) {
			size_t  l = strlen(b);

			while (l > 0 && b[l - 1] == '0')
				b[--l] = 0;
			if (l > 0 && b[l - 1] == '.')
				b[--l] = 0;
		}
	}
	(void) om_buf_puts(out, b);
}

/* rk_value - an RK number */
static double
rk_value(uint32_t rk)
{
	double  v;

	if (rk & 2)
		v = (double) ((int32_t) rk >> 2);
	else {
		uint64_t bits = (uint64_t) (rk & 0xfffffffcu) << 32;

		memcpy(&v, &bits, sizeof(v));
	}
	return ((rk & 1) ? v / 100 : v);
}

/* f64 - an IEEE double, little-endian */
static double
f64(const unsigned char *p)
{
	uint64_t bits = (uint64_t) om_le32(p) | (uint64_t) om_le32(p + 4) << 32;
	double  v;

	memcpy(&v, &bits, sizeof(v));
	return (v);
}

/* put_xlstring - an XLUnicodeString inside one record's data */
static void
put_xlstring(const unsigned char *p, size_t len, om_buf *out)
{
	seg     s = {p, len};
	cur     c = {&s, 1, 0, 0};
	long    cch = cur_u16(&c);
	int     fl = cur_byte(&c);

	if (cch >= 0 && fl >= 0)
		(void) cur_string(&c, (size_t) cch, fl & 1, out);
}

/* xls_text - every sheet's cells */
static int
xls_text(const om_ole *o, om_buf *out)
{
	om_buf  wb;
	const unsigned char *d;
	size_t  pos = 0, len;
	seg    *segs = NULL;
	xls     x;
	int     r = -1, first = 1;

	if (stream(o, "Workbook", &wb) != 0 && stream(o, "Book", &wb) != 0)
		return (-1);
	d = (const unsigned char *) wb.data;
	len = wb.len;
	memset(&x, 0, sizeof(x));
	om_buf_init(&x.sst, 2 * len + 16);
	x.row = -1;
	x.frow = -1;
	if ((x.xf_fmt = calloc(XF_MAX, sizeof(uint16_t))) == NULL
	    || (x.date_fmt = calloc(FMT_MAX, 1)) == NULL)
		goto done;
	while (pos + 4 <= len) {
		unsigned type = om_le16(d + pos), rl = om_le16(d + pos + 2);
		const unsigned char *p = d + pos + 4;

		if (rl > len - pos - 4)
			goto done;			/* a record cut short */
		if (first) {
			/* BIFF8 only: BOF with version 0x0600. */
			if (type != 0x0809 || rl < 4 || om_le16(p) != 0x0600)
				goto done;
			first = 0;
		}
		switch (type) {
		case 0x002f:			/* FILEPASS: encrypted */
			goto done;
		case 0x0022:			/* DATEMODE */
			if (rl >= 2)
				x.date1904 = om_le16(p) != 0;
			break;
		case 0x041e:			/* FORMAT */
			if (rl >= 5) {
				om_buf  f;
				unsigned n = om_le16(p);

				om_buf_init(&f, 1024);
				put_xlstring(p + 2, rl - 2, &f);
				if (n < FMT_MAX && f.data && custom_date(f.data))
					x.date_fmt[n] = 1;
				om_buf_free(&f);
			}
			break;
		case 0x00e0:			/* XF */
			if (rl >= 4 && x.nxf < XF_MAX)
				x.xf_fmt[x.nxf++] = (uint16_t) om_le16(p + 2);
			break;
		case 0x00fc: {			/* SST and its CONTINUE records */
				size_t  n = 0, q = pos + 4 + rl, cap = 1;

				/* Count the CONTINUE records first: one segment each. */
				while (q + 4 <= len && om_le16(d + q) == 0x003c && cap < len) {
					q += 4 + (size_t) om_le16(d + q + 2);
					cap++;
				}
				if (segs != NULL || (segs = malloc(cap * sizeof(seg))) == NULL)
					goto done;
				segs[n].p = p;
				segs[n++].len = rl;
				q = pos + 4 + rl;
				while (q + 4 <= len && om_le16(d + q) == 0x003c && n < cap) {
					unsigned cl = om_le16(d + q + 2);

					if (cl > len - q - 4)
						goto done;
					segs[n].p = d + q + 4;
					segs[n++].len = cl;
					q += 4 + cl;
				}
				if (x.off != NULL || sst_load(&x, segs, n) < 0)
					goto done;
				pos = q;
				continue;
			}
		case 0x0809:			/* BOF: a new sheet */
			if (x.row >= 0)
				(void) om_buf_puts(out, "\n\n");
			x.row = -1;
			x.frow = -1;
			break;
		case 0x00fd:			/* LABELSST */
			if (rl >= 10) {
				uint32_t i = om_le32(p + 6);

				cell_at(&x, om_le16(p), om_le16(p + 2), out);
				if (i < x.nsst)
					(void) om_buf_puts(out, x.sst.data + x.off[i]);
			}
			break;
		case 0x0204:			/* LABEL */
		case 0x00d6:			/* RSTRING */
			if (rl >= 8) {
				cell_at(&x, om_le16(p), om_le16(p + 2), out);
				put_xlstring(p + 6, rl - 6, out);
			}
			break;
		case 0x0203:			/* NUMBER */
			if (rl >= 14) {
				cell_at(&x, om_le16(p), om_le16(p + 2), out);
				put_number(&x, om_le16(p + 4), f64(p + 6), out);
			}
			break;
		case 0x027e:			/* RK */
			if (rl >= 10) {
				cell_at(&x, om_le16(p), om_le16(p + 2), out);
				put_number(&x, om_le16(p + 4), rk_value(om_le32(p + 6)), out);
			}
			break;
		case 0x00bd:			/* MULRK */
			if (rl >= 12) {
				unsigned row = om_le16(p), col = om_le16(p + 2);

				for (size_t k = 0; 4 + 6 * k + 6 <= (size_t) rl - 2; k++) {
					cell_at(&x, row, (long) col + (long) k, out);
					put_number(&x, om_le16(p + 4 + 6 * k), rk_value(om_le32(p + 6 + 6 * k)), out);
				}
			}
			break;
		case 0x0205:			/* BOOLERR */
			if (rl >= 8 && p[7] == 0) {
				cell_at(&x, om_le16(p), om_le16(p + 2), out);
				(void) om_buf_puts(out, p[6] ? "TRUE" : "FALSE");
			}
			break;
		case 0x0006:			/* FORMULA: its cached result */
			if (rl >= 20) {
				cell_at(&x, om_le16(p), om_le16(p + 2), out);
				if (om_le16(p + 12) != 0xffff)
					put_number(&x, om_le16(p + 4), f64(p + 6), out);
				else if (p[6] == 0)
					x.frow = om_le16(p);	/* the STRING record follows */
				else if (p[6] == 1)
					(void) om_buf_puts(out, p[8] ? "TRUE" : "FALSE");
			}
			break;
		case 0x0207:			/* STRING: a formula's text result */
			if (x.frow >= 0 && rl >= 3)
				put_xlstring(p, rl, out);
			x.frow = -1;
			break;
		case 0x000a:			/* EOF of a substream */
			break;
		default:
			break;
		}
		pos += 4 + (size_t) rl;
	}
	if (first)
		goto done;
	(void) om_buf_putc(out, '\n');
	r = 1;
done:
	free(segs);
	free(x.off);
	free(x.xf_fmt);
	free(x.date_fmt);
	om_buf_free(&x.sst);
	om_buf_free(&wb);
	return (r);
}

/*
 * PowerPoint 97: records of 8-byte headers (version and instance,
 * type, length); a container (version 0xF) holds records, an atom
 * data. The tree is walked in order as one flat sequence.
 */
static unsigned long
cp1252_map(unsigned long c)
{
	return (text_map(c < 0x100 ? cp1252((unsigned char) c) : c));
}

/* ppt_text - text atoms of the PowerPoint Document stream */
static int
ppt_text(const om_ole *o, om_buf *out)
{
	om_buf  ps;
	const unsigned char *d;
	size_t  pos = 0;
	int     r = -1;

	if (om_ole_find(o, "EncryptedSummary") >= 0)
		return (-1);
	if (stream(o, "PowerPoint Document", &ps) != 0)
		return (-1);
	d = (const unsigned char *) ps.data;
	while (pos + 8 <= ps.len) {
		unsigned vi = om_le16(d + pos), type = om_le16(d + pos + 2);
		uint32_t rl = om_le32(d + pos + 4);
		const unsigned char *p = d + pos + 8;

		if (type == 0x2f14)		/* CryptSession10Container */
			goto done;
		if ((vi & 0xf) == 0xf) {
			pos += 8;
			continue;
		}
		if (rl > ps.len - pos - 8)
			goto done;
		if (type == 0x0fa0 || type == 0x0fba) {	/* TextCharsAtom, CString */
			put_u16(out, p, rl / 2, text_map);
			(void) om_buf_putc(out, '\n');
		} else if (type == 0x0fa8) {	/* TextBytesAtom */
			for (uint32_t k = 0; k < rl; k++) {
				unsigned long c = cp1252_map(p[k]);

				if (c)
					om_buf_put_utf8(out, c);
			}
			(void) om_buf_putc(out, '\n');
		}
		pos += 8 + (size_t) rl;
	}
	r = 1;
done:
	om_buf_free(&ps);
	return (r);
}

/* om_office97_text - see om_office97.h */
int
om_office97_text(const unsigned char *d, size_t len, om_buf *out, const char **kind)
{
	om_ole  o;
	int     r = -1;

	if (om_ole_open(&o, d, len) < 0)
		return (-1);
	if (om_ole_find(&o, "WordDocument") >= 0) {
		*kind = "doc";
		r = doc_text(&o, out);
	} else if (om_ole_find(&o, "Workbook") >= 0 || om_ole_find(&o, "Book") >= 0) {
		*kind = "xls";
		r = xls_text(&o, out);
	} else if (om_ole_find(&o, "PowerPoint Document") >= 0) {
		*kind = "ppt";
		r = ppt_text(&o, out);
	}
	om_ole_close(&o);
	return (r);
}
