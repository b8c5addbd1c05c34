/*++
 * NAME
 *	om_extract 3
 * SUMMARY
 *	text out of documents
 * DESCRIPTION
 *	See om_extract.h for what is covered. Every reader works on the
 *	bytes in memory, writes into one capped om_buf, and bounds its
 *	loops by the input length.
 *--*/
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <archive.h>
#include <archive_entry.h>
#include <libxml/xmlreader.h>
#include <zlib.h>

#include "om_charset.h"
#include "om_encrypt.h"
#include "om_extract.h"
#include "om_html.h"
#include "om_office97.h"
#include "om_sniff.h"

#define XML_MEMBER_MAX	((size_t) 64 << 20)	/* one XML member read from a document */
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

/* ext_is - does the file name end in ".ext" (any case) */
static int
ext_is(const char *name, const char *ext)
{
	const char *dot = name ? strrchr(name, '.') : NULL;

	return (dot && strcasecmp(dot + 1, ext) == 0);
}

/*
 * Limits. A document is a zip whose members expand like any archive's:
 * the same budget, ratio and deadline hold (om_extract.h).
 */
#define RATIO_FLOOR	((size_t) 1 << 20)	/* ratio is judged past 1 MB */
#define TEXT_SLACK	4096			/* text this close to the cap is cut */

/* lim_time - the deadline passed? sets the hit */
static int
lim_time(om_extract_limits *lim)
{
	struct timespec now;

	if (lim == NULL || lim->deadline.tv_sec == 0)
		return (0);
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec > lim->deadline.tv_sec
	    || (now.tv_sec == lim->deadline.tv_sec && now.tv_nsec >= lim->deadline.tv_nsec)) {
		lim->hit |= OM_EXTRACT_HIT_TIME;
		return (1);
	}
	return (0);
}

/* lim_expand - count n expanded bytes of a packed file; 1 if a limit is hit */
static int
lim_expand(om_extract_limits *lim, size_t n, size_t packed)
{
	if (lim == NULL)
		return (0);
	lim->expanded += n;
	if (lim->expand_max && lim->expanded > lim->expand_max)
		lim->hit |= OM_EXTRACT_HIT_BYTES;
	else if (lim->ratio_max && packed && lim->expanded > RATIO_FLOOR
		 && lim->expanded / packed > lim->ratio_max)
		lim->hit |= OM_EXTRACT_HIT_RATIO;
	return (lim->hit != 0);
}

/* text_full - the text buffer is at its cap: what follows would be lost */
static int
text_full(const om_buf *out)
{
	return (out->cap && out->len + TEXT_SLACK >= out->cap);
}

/*
 * xlsx shared strings: the text of each <si> (phonetic runs <rPh> left
 * out), NUL-separated in buf, found by index through off.
 */
#define SST_MAX		1000000

typedef struct xl_sst {
	om_buf	buf;
	size_t *off;
	size_t	n, cap;
} xl_sst;

/* reader_open - a libxml2 reader over XML in memory: no network, quiet */
static xmlTextReaderPtr
reader_open(const char *xml, size_t len)
{
	if (len > INT32_MAX)
		return (NULL);
	return (xmlReaderForMemory(xml, (int) len, NULL, NULL,
				   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA));
}

/* sst_load - parse xl/sharedStrings.xml; -1 on a damaged member */
static int
sst_load(const char *xml, size_t len, xl_sst *t)
{
	xmlTextReaderPtr r;
	int     ret, in_si = 0, in_rph = 0;

	if ((r = reader_open(xml, len)) == NULL)
		return (-1);
	while ((ret = xmlTextReaderRead(r)) == 1) {
		int     type = xmlTextReaderNodeType(r);
		const char *ln = (const char *) xmlTextReaderConstLocalName(r);

		if (ln == NULL)
			ln = "";
		if (type == XML_READER_TYPE_ELEMENT && strcmp(ln, "si") == 0 && !xmlTextReaderIsEmptyElement(r)) {
			if (t->n == t->cap) {
				size_t *no;

				if (t->cap >= SST_MAX)
					break;
				t->cap = t->cap ? t->cap * 2 : 256;
				if ((no = realloc(t->off, t->cap * sizeof(*no))) == NULL)
					break;
				t->off = no;
			}
			t->off[t->n++] = t->buf.len;
			in_si = 1;
		} else if (type == XML_READER_TYPE_ELEMENT && strcmp(ln, "rPh") == 0)
			in_rph = !xmlTextReaderIsEmptyElement(r);
		else if (type == XML_READER_TYPE_END_ELEMENT && strcmp(ln, "rPh") == 0)
			in_rph = 0;
		else if (type == XML_READER_TYPE_END_ELEMENT && strcmp(ln, "si") == 0) {
			(void) om_buf_putc(&t->buf, 0);
			in_si = 0;
		} else if (in_si && !in_rph && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
					      || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
			const char *v = (const char *) xmlTextReaderConstValue(r);

			if (v)
				(void) om_buf_puts(&t->buf, v);
		}
	}
	xmlFreeTextReader(r);
	if (in_si)
		(void) om_buf_putc(&t->buf, 0);
	return (ret < 0 ? -1 : 0);
}

/* sst_get - shared string by index, or NULL */
static const char *
sst_get(const xl_sst *t, const char *idx)
{
	char   *end;
	unsigned long i = strtoul(idx, &end, 10);

	if (t == NULL || end == idx || i >= t->n || t->off[i] >= t->buf.len)
		return (NULL);
	return (t->buf.data + t->off[i]);
}

/*
 * XML documents (OOXML, ODF) with libxml2's reader. Worksheet cells
 * that index the shared strings get their string from sst (when given),
 * so a sheet reads as tab-separated rows under its header row.
 */
static int
xml_text(const char *xml, size_t len, const xl_sst *sst, om_buf *out, om_extract_limits *lim)
{
	xmlTextReaderPtr r;
	int     ret, skip_v = 0, in_v = 0;
	unsigned long nodes = 0;

	if ((r = reader_open(xml, len)) == NULL)
		return (-1);
	while ((ret = xmlTextReaderRead(r)) == 1) {
		int     type = xmlTextReaderNodeType(r);
		const char *ln = (const char *) xmlTextReaderConstLocalName(r);

		if ((++nodes & 0xfff) == 0 && (lim_time(lim) || text_full(out))) {
			if (lim && text_full(out))
				lim->hit |= OM_EXTRACT_HIT_TEXT;
			ret = -1;
			break;
		}
		if (ln == NULL)
			ln = "";
		if (type == XML_READER_TYPE_ELEMENT) {
			if (strcmp(ln, "c") == 0) {
				xmlChar *t = xmlTextReaderGetAttribute(r, (const xmlChar *) "t");

				skip_v = t && strcmp((const char *) t, "s") == 0;
				xmlFree(t);
			} else if (strcmp(ln, "v") == 0)
				in_v = 1;
			else if (strcmp(ln, "tab") == 0)
				(void) om_buf_putc(out, '\t');
			else if (strcmp(ln, "br") == 0 || strcmp(ln, "line-break") == 0)
				(void) om_buf_putc(out, '\n');
			else if (strcmp(ln, "s") == 0 && xmlTextReaderIsEmptyElement(r))
				(void) om_buf_putc(out, ' ');
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (strcmp(ln, "p") == 0 || strcmp(ln, "h") == 0 || strcmp(ln, "tr") == 0
			    || strcmp(ln, "row") == 0 || strcmp(ln, "table-row") == 0 || strcmp(ln, "si") == 0)
				(void) om_buf_putc(out, '\n');
			else if (strcmp(ln, "tc") == 0 || strcmp(ln, "c") == 0 || strcmp(ln, "table-cell") == 0)
				(void) om_buf_putc(out, '\t');
			else if (strcmp(ln, "v") == 0)
				in_v = 0;
		} else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
			   || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
			const char *v = (const char *) xmlTextReaderConstValue(r);
			const char *sv;

			if (v && in_v && skip_v && (sv = sst_get(sst, v)) != NULL)
				(void) om_buf_puts(out, sv);
			else if (v && !(in_v && skip_v))
				(void) om_buf_puts(out, v);
		}
	}
	xmlFreeTextReader(r);
	return (ret < 0 ? -1 : 0);
}

/* doc_member_wanted - OOXML/ODF members whose text we read */
static int
doc_member_wanted(const char *n)
{
	static const char *pre[] = {
		"word/document", "word/header", "word/footer", "word/footnotes", "word/endnotes",
		"word/comments", "xl/sharedStrings", "xl/worksheets/sheet", "ppt/slides/slide",
		"ppt/notesSlides/notesSlide", "xl/comments", "xl/drawings/drawing", "ppt/comments/",
		"word/glossary/document", NULL,
	};

	if (strcmp(n, "content.xml") == 0)
		return (1);
	for (int i = 0; pre[i]; i++)
		if (strncmp(n, pre[i], strlen(pre[i])) == 0 && strstr(n, ".xml") && !strstr(n, ".rels"))
			return (1);
	return (0);
}

/*
 * zip_member - the whole of the current member into xml; -1 damaged,
 * -2 a limit (om_extract.h) or a member larger than XML_MEMBER_MAX:
 * never a member read in part.
 */
static int
zip_member(struct archive *a, om_buf *xml, size_t packed, om_extract_limits *lim)
{
	char    chunk[65536];
	ssize_t got;

	om_buf_reset(xml);
	while ((got = archive_read_data(a, chunk, sizeof(chunk))) > 0) {
		if (lim_expand(lim, (size_t) got, packed) || lim_time(lim))
			return (-2);
		if (om_buf_append(xml, chunk, (size_t) got) < 0) {
			if (lim)
				lim->hit |= OM_EXTRACT_HIT_BYTES;
			return (-2);
		}
	}
	return (got < 0 ? -1 : 0);
}

/* zip_open - libarchive zip reader over memory, or NULL */
static struct archive *
zip_open(const unsigned char *data, size_t len)
{
	struct archive *a = archive_read_new();

	archive_read_support_format_zip(a);
	if (archive_read_open_memory(a, data, len) != ARCHIVE_OK) {
		archive_read_free(a);
		return (NULL);
	}
	return (a);
}

/*
 * zip_doc_text - OOXML/ODF text; 0 if the zip is not such a document.
 * An xlsx's shared strings are read first (the member may come after
 * the sheets) and put into the sheets' cells instead of printed apart.
 * A member that is damaged, encrypted, or stopped by a limit makes the
 * whole document -1: its text was not all read.
 */
static int
zip_doc_text(const unsigned char *data, size_t len, om_buf *out, const char **kind,
	     om_extract_limits *lim)
{
	struct archive *a;
	struct archive_entry *e;
	int     is_doc = 0, bad = 0, n = 0, have_sst = 0, r;
	om_buf  xml;
	xl_sst  t;

	memset(&t, 0, sizeof(t));
	om_buf_init(&t.buf, XML_MEMBER_MAX);
	om_buf_init(&xml, XML_MEMBER_MAX);
	if ((a = zip_open(data, len)) == NULL) {
		om_buf_free(&xml);
		om_buf_free(&t.buf);
		return (0);
	}
	while (n++ < 10000 && archive_read_next_header(a, &e) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(e);

		if (name && strcmp(name, "xl/sharedStrings.xml") == 0 && !archive_entry_is_data_encrypted(e)) {
			if ((r = zip_member(a, &xml, len, lim)) == 0
			    && sst_load(xml.data ? xml.data : "", xml.len, &t) == 0)
				have_sst = 1;
			else if (r == -2)
				bad = 1;
			break;
		}
	}
	archive_read_free(a);
	if (bad || (a = zip_open(data, len)) == NULL) {
		om_buf_free(&xml);
		om_buf_free(&t.buf);
		free(t.off);
		return (bad ? -1 : 0);
	}
	n = 0;
	while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(e);

		if (n++ >= 10000) {
			bad = 1;
			break;
		}
		if (name == NULL)
			continue;
		if (strcmp(name, "[Content_Types].xml") == 0 || strcmp(name, "mimetype") == 0) {
			is_doc = 1;
			if (*kind == NULL)
				*kind = name[0] == 'm' ? "odf" : "ooxml";
		}
		if (!doc_member_wanted(name) || (have_sst && strcmp(name, "xl/sharedStrings.xml") == 0))
			continue;
		if (archive_entry_is_data_encrypted(e)) {
			bad = 1;
			continue;
		}
		if ((r = zip_member(a, &xml, len, lim)) < 0) {
			bad = 1;
			if (r == -2)
				break;
			continue;
		}
		if (xml_text(xml.data ? xml.data : "", xml.len, have_sst ? &t : NULL, out, lim) < 0)
			bad = 1;
		(void) om_buf_putc(out, '\n');
		if (lim && lim->hit)
			break;
	}
	om_buf_free(&xml);
	om_buf_free(&t.buf);
	free(t.off);
	archive_read_free(a);
	if (!is_doc)
		return (0);
	if (lim && text_full(out))
		lim->hit |= OM_EXTRACT_HIT_TEXT;
	return (bad || (lim && lim->hit) ? -1 : 1);
}

/*
 * RTF: control words, groups, \'xx in the document code page, \uN.
 */
static int
rtf_text(const unsigned char *d, size_t len, om_buf *out)
{
	const unsigned char *p = d, *end = d + len;
	om_buf  bytes;
	const char *cp = "CP932";
	int     uc = 1, skip_depth = -1, depth = 0, pending_skip = 0;
	int     uc_stack[64];

	om_buf_init(&bytes, out->cap ? out->cap : 0);
#define FLUSH() do { if (bytes.len) { const char *u_; om_charset_decode(bytes.data, bytes.len, cp, out, &u_); om_buf_reset(&bytes); } } while (0)
	while (p < end) {
		int     skipping = skip_depth >= 0;

		if (*p == '{') {
			if (depth < 64)
				uc_stack[depth] = uc;
			if (depth < INT_MAX)
				depth++;
			p++;
			continue;
		}
		if (*p == '}') {
			/* An unbalanced "}" closes nothing: depth never goes below 0. */
			if (depth > 0) {
				if (skip_depth >= 0 && depth <= skip_depth)
					skip_depth = -1;
				depth--;
				if (depth < 64)
					uc = uc_stack[depth];
			}
			p++;
			continue;
		}
		if (*p == '\\' && p + 1 < end) {
			char    word[32];
			size_t  wl = 0;
			long    param = 0;
			int     has_param = 0, neg = 0;

			p++;
			if (*p == '\'' && p + 2 < end) {
				char    hx[3] = {(char) p[1], (char) p[2], 0};

				if (!skipping && pending_skip > 0)
					pending_skip--;
				else if (!skipping) {
					unsigned char b = (unsigned char) strtoul(hx, NULL, 16);

					(void) om_buf_append(&bytes, &b, 1);
				}
				p += 3;
				continue;
			}
			if (*p == '*') {
				if (!skipping)
					skip_depth = depth;
				p++;
				continue;
			}
			if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
				if (!skipping && (*p == '\\' || *p == '{' || *p == '}')) {
					FLUSH();
					(void) om_buf_putc(out, *p);
				} else if (!skipping && *p == '~')
					(void) om_buf_putc(out, ' ');
				p++;
				continue;
			}
			while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) && wl < sizeof(word) - 1)
				word[wl++] = (char) *p++;
			word[wl] = 0;
			if (p < end && *p == '-')
				neg = 1, p++;
			while (p < end && *p >= '0' && *p <= '9' && param < 100000000)
				param = param * 10 + (*p++ - '0'), has_param = 1;
			if (neg)
				param = -param;
			if (p < end && *p == ' ')
				p++;
			if (strcmp(word, "ansicpg") == 0 && has_param) {
				static char cpname[16];

				snprintf(cpname, sizeof(cpname), "CP%ld", param);
				cp = param == 932 ? "CP932" : param == 1252 ? "CP1252" : param == 65001 ? "UTF-8" : "CP932";
				(void) cpname;
			} else if (strcmp(word, "fonttbl") == 0 || strcmp(word, "colortbl") == 0
				   || strcmp(word, "stylesheet") == 0 || strcmp(word, "info") == 0
				   || strcmp(word, "pict") == 0 || strcmp(word, "object") == 0
				   || strcmp(word, "header") == 0 || strcmp(word, "footer") == 0) {
				if (!skipping && strcmp(word, "header") && strcmp(word, "footer"))
					skip_depth = depth;
			} else if (skipping)
				continue;
			else if (strcmp(word, "uc") == 0)
				uc = (int) param;
			else if (strcmp(word, "u") == 0 && has_param) {
				FLUSH();
				put_utf8(out, (unsigned long) (param < 0 ? param + 65536 : param));
				pending_skip = uc;
			} else if (strcmp(word, "par") == 0 || strcmp(word, "line") == 0 || strcmp(word, "row") == 0
				   || strcmp(word, "sect") == 0 || strcmp(word, "page") == 0) {
				FLUSH();
				(void) om_buf_putc(out, '\n');
			} else if (strcmp(word, "tab") == 0 || strcmp(word, "cell") == 0) {
				FLUSH();
				(void) om_buf_putc(out, '\t');
			}
			continue;
		}
		if (*p == '\r' || *p == '\n') {
			p++;
			continue;
		}
		if (!skipping) {
			if (pending_skip > 0)
				pending_skip--;
			else {
				FLUSH();
				(void) om_buf_putc(out, *p);
			}
		}
		p++;
	}
	FLUSH();
#undef FLUSH
	om_buf_free(&bytes);
	return (1);
}

/*
 * PDF.
 */
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

/* pdf_text - see om_extract.h for what is covered */
static int
pdf_text(const unsigned char *d, size_t len, om_buf *out)
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

/* om_extract_text - see om_extract.h; no limits but the text buffer's cap */
int
om_extract_text(const unsigned char *d, size_t len, const char *name,
		const char *magic, om_buf *out, const char **kind)
{
	return (om_extract_text_limited(d, len, name, magic, out, kind, NULL));
}

/* om_extract_text_limited - see om_extract.h */
int
om_extract_text_limited(const unsigned char *d, size_t len, const char *name,
			const char *magic, om_buf *out, const char **kind, om_extract_limits *lim)
{
	const char *used;

	*kind = NULL;
	if (magic == NULL)
		magic = "";
	if (len >= 5 && memcmp(d, "%PDF-", 5) == 0) {
		*kind = "pdf";
		return (pdf_text(d, len, out));
	}
	if (len >= 5 && memcmp(d, "{\\rtf", 5) == 0) {
		*kind = "rtf";
		return (rtf_text(d, len, out));
	}
	if (len >= 4 && memcmp(d, "PK\3\4", 4) == 0)
		return (zip_doc_text(d, len, out, kind, lim));
	if (len >= 8 && memcmp(d, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0) {
		int     r = om_office97_text(d, len, out, kind);

		if (*kind == NULL)
			*kind = "ole";
		return (r);
	}
	if (strcmp(magic, "text/html") == 0 || ext_is(name, "html") || ext_is(name, "htm")) {
		om_buf  utf8;
		int     r;

		if (strncmp(magic, "text/", 5) != 0)
			return (0);
		*kind = "html";
		om_buf_init(&utf8, out->cap);
		(void) om_charset_decode((const char *) d, len, NULL, &utf8, &used);
		r = om_html_text(utf8.data ? utf8.data : "", utf8.len, out, NULL, NULL);
		om_buf_free(&utf8);
		return (r < 0 ? 1 : 1);
	}
	/*
	 * Any other text, whatever its label or name (JSON, XML, YAML, TSV,
	 * logs, source): the bytes decide, by a clean decode.
	 */
	if (strncmp(magic, "text/", 5) == 0 || strcmp(magic, "application/csv") == 0
	    || om_sniff_text(d, len, 0)) {
		*kind = "text";
		(void) om_charset_decode((const char *) d, len, om_sniff_utf16(d, len) ? "UTF-16" : NULL,
					 out, &used);
		return (1);
	}
	return (0);
}
