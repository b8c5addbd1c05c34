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

#include "om_charset.h"
#include "om_extract.h"
#include "om_html.h"
#include "om_office97.h"
#include "om_pdf.h"
#include "om_sniff.h"

#define XML_MEMBER_MAX	((size_t) 64 << 20)	/* one XML member read from a document */

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
				om_buf_put_utf8(out, (unsigned long) (param < 0 ? param + 65536 : param));
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
	if (om_pdf_is(d, len)) {
		unsigned why = 0;

		*kind = "pdf";
		return (om_pdf_text(d, len, NULL, out, &why) < 0 ? -1 : 1);
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
