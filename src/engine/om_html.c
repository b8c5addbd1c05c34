/*++
 * NAME
 *	om_html 3
 * SUMMARY
 *	HTML reduction with libxml2
 * DESCRIPTION
 *	See om_html.h. libxml2 already bounds its tree depth; the walk
 *	below does not recurse at all (it follows parent pointers), so no
 *	document can exhaust the stack.
 *--*/
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "om_bytes.h"
#include "om_decode.h"
#include "om_html.h"
#include "om_log.h"
#include "om_utf8.h"

#define LINK_TEXT_MAX	1024
#define HTML_FORM_NODES	1000000		/* nodes om_html_forms() visits */

/* html_quiet - swallow libxml2's complaints about bad HTML */
static void
html_quiet(void *ctx, const char *msg, ...)
{
	(void) ctx;
	(void) msg;
}

/* om_html_init - once per process, before threads */
void
om_html_init(void)
{
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, html_quiet);
}

/* elem_is - case-insensitive element name test */
static int
elem_is(const xmlNode *n, const char *name)
{
	return (n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *) n->name, name) == 0);
}

/* elem_skipped - elements whose content is not shown */
static int
elem_skipped(const xmlNode *n)
{
	return (elem_is(n, "script") || elem_is(n, "style") || elem_is(n, "head")
		|| elem_is(n, "noscript") || elem_is(n, "template"));
}

/* elem_block - elements that start a new line */
static int
elem_block(const xmlNode *n)
{
	static const char *const blocks[] = {
		"p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3",
		"h4", "h5", "h6", "blockquote", "pre", "hr", "dt", "dd", "dl",
		"section", "article", "header", "footer", "address", "center",
		"form", "title", NULL
	};

	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return (0);
	for (int i = 0; blocks[i]; i++)
		if (strcasecmp((const char *) n->name, blocks[i]) == 0)
			return (1);
	return (0);
}

/* put_break - one newline, not several */
static int
put_break(om_buf *out)
{
	if (out->len == 0 || out->data[out->len - 1] == '\n')
		return (0);
	return (om_buf_putc(out, '\n'));
}

/* put_text - append a text node, collapsing white space runs */
static int
put_text(om_buf *out, const char *s)
{
	int     space = out->len > 0 && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\n'
					 || out->data[out->len - 1] == '\t');

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
			if (!space && om_buf_putc(out, ' ') < 0)
				return (-1);
			space = 1;
			continue;
		}
		if (om_buf_putc(out, *s) < 0)
			return (-1);
		space = 0;
	}
	return (0);
}

/* word_attr - attributes whose values are words a recipient may read */
static int
word_attr(const xmlNode *n, const char *name)
{
	static const char *const words[] = {
		"title", "value", "placeholder", "content", "aria-label", "label",
		"summary", "alt", "abbr", "aria-description", NULL
	};

	if (strncasecmp(name, "data-", 5) == 0)
		return (1);
	/* <img alt> is part of the visible text already. */
	if (strcasecmp(name, "alt") == 0 && elem_is(n, "img"))
		return (0);
	for (int i = 0; words[i]; i++)
		if (strcasecmp(name, words[i]) == 0)
			return (1);
	return (0);
}

/*
 * data_uri - "data:[type][;param][;base64],payload" decoded to the
 * callback. A URI without its comma carries nothing to decode.
 */
static int
data_uri(const char *v, const om_html_sink *sink)
{
	const char *meta, *comma, *semi;
	char    type[128];
	size_t  tl, plen;
	int     b64, ret = 0;
	om_buf  bytes;

	meta = v + 5;
	if ((comma = strchr(meta, ',')) == NULL)
		return (0);
	b64 = comma - meta >= 7 && strncasecmp(comma - 7, ";base64", 7) == 0;
	semi = memchr(meta, ';', (size_t) (comma - meta));
	tl = (size_t) ((semi ? semi : comma) - meta);
	if (tl == 0 || tl >= sizeof(type))
		snprintf(type, sizeof(type), "%s", "text/plain");
	else {
		memcpy(type, meta, tl);
		type[tl] = 0;
	}
	plen = strlen(comma + 1);
	om_buf_init(&bytes, plen + 1);
	if (b64)
		ret = om_decode_text((const unsigned char *) comma + 1, plen, OM_CTE_BASE64, &bytes);
	else {
		for (const char *p = comma + 1; *p && ret == 0; p++) {
			int     hi, lo;

			if (*p == '%' && (hi = om_hex_value(p[1])) >= 0 && (lo = om_hex_value(p[2])) >= 0) {
				ret = om_buf_putc(&bytes, hi * 16 + lo);
				p += 2;
			} else
				ret = om_buf_putc(&bytes, *p);
		}
	}
	if (bytes.len > 0)
		sink->data_fn(sink->ctx, type, (const unsigned char *) bytes.data, bytes.len);
	om_buf_free(&bytes);
	return (ret < 0 ? -1 : 0);
}

/* attr_words - word attributes to the hidden text, data: URIs to the callback */
static int
attr_words(xmlNode *n, const om_html_sink *sink)
{
	int     ret = 0;

	for (xmlAttr *a = n->properties; a != NULL && ret == 0; a = a->next) {
		xmlChar *v;
		const char *s;

		if (a->name == NULL || (v = xmlGetProp(n, a->name)) == NULL)
			continue;
		for (s = (const char *) v; *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'; s++)
			continue;
		if (strncasecmp(s, "data:", 5) == 0) {
			if (sink->data_fn)
				ret = data_uri(s, sink);
		} else if (sink->hidden && *s && word_attr(n, (const char *) a->name)) {
			if (put_break(sink->hidden) < 0 || put_text(sink->hidden, s) < 0)
				ret = -1;
		}
		xmlFree(v);
	}
	return (ret);
}

/*
 * comment_tail - where the text starts that follows the first "<!--"
 * with no "-->" after it, or len. libxml2 drops such a comment to the
 * end of the input, "<!-->" and "<!--->" included, which a reader's
 * HTML5 parser closes at once, showing what follows.
 */
static size_t
comment_tail(const char *html, size_t len)
{
	const char *end = html + len, *close = NULL, *p;

	for (p = html; (p = memmem(p, (size_t) (end - p), "-->", 3)) != NULL; p++)
		close = p;
	for (p = html; (p = memmem(p, (size_t) (end - p), "<!--", 4)) != NULL; p++)
		if (close == NULL || close < p + 4)
			return ((size_t) (p + 4 - html));
	return (len);
}

/* put_textn - put_text() of n bytes (no NUL among them) */
static int
put_textn(om_buf *out, const char *s, size_t n)
{
	om_buf  b;
	int     ret;

	om_buf_init(&b, 0);
	om_buf_append(&b, s, n);
	ret = put_text(out, b.data ? b.data : "");
	om_buf_free(&b);
	return (ret);
}

/* om_html_text - see om_html.h; 0, or -1 when the cap was hit */
int
om_html_text(const char *html, size_t len, om_buf *out, om_html_link_fn link_fn, void *ctx)
{
	om_html_sink sink = {NULL, link_fn, NULL, ctx};

	return (om_html_read(html, len, out, &sink));
}

/* om_html_read - see om_html.h; 0, or -1 when a cap was hit */
int
om_html_read(const char *html, size_t len, om_buf *out, const om_html_sink *sink)
{
	htmlDocPtr doc;
	xmlNode *n;
	xmlNode *anchor = NULL;		/* the <a> whose text is being collected */
	xmlNode *quiet = NULL;		/* the script/style/head being read, hidden */
	size_t  anchor_start = 0, tail;
	int     ret = 0;

	if (len > (size_t) INT32_MAX)
		len = INT32_MAX;
	/*
	 * libxml2 stops at a NUL byte inside a tag or an attribute value and
	 * drops the rest of the document, which a reader still sees (HTML5
	 * reads it as U+FFFD): give it a copy with each NUL made a space.
	 */
	if (memchr(html, 0, len) != NULL) {
		om_buf  copy;

		om_buf_init(&copy, 0);
		if (om_buf_append(&copy, html, len) == 0) {
			for (char *p = copy.data; (p = memchr(p, 0, (size_t) (copy.data + len - p))) != NULL; p++)
				*p = ' ';
			ret = om_html_read(copy.data, len, out, sink);
		}
		om_buf_free(&copy);
		return (ret);
	}
	doc = htmlReadMemory(html, (int) len, NULL, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
			     | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT);
	if (doc == NULL)
		return (om_buf_append(out, html, len));
	/* From the document's first child: comments may stand outside <html>. */
	for (n = doc->children; n != NULL && ret == 0;) {
		int     descend = 1;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			om_buf *to = quiet ? sink->hidden : out;

			if (to && n->content && put_text(to, (const char *) n->content) < 0)
				ret = -1;
			descend = 0;
		} else if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE) {
			/* A processing instruction is a comment to HTML5. */
			if (sink->hidden && n->type == XML_PI_NODE && n->name
			    && (put_break(sink->hidden) < 0 || put_text(sink->hidden, (const char *) n->name) < 0
				|| put_text(sink->hidden, " ") < 0))
				ret = -1;
			if (sink->hidden && n->content
			    && ((n->type == XML_COMMENT_NODE && put_break(sink->hidden) < 0)
				|| put_text(sink->hidden, (const char *) n->content) < 0))
				ret = -1;
			descend = 0;
		} else if (n->type == XML_ELEMENT_NODE) {
			if ((sink->hidden || sink->data_fn) && attr_words(n, sink) < 0)
				ret = -1;
			if (quiet) {
				if (elem_block(n) && put_break(sink->hidden) < 0)
					ret = -1;
			} else if (elem_skipped(n)) {
				if (sink->hidden == NULL)
					descend = 0;
				else {
					quiet = n;
					if (put_break(sink->hidden) < 0)
						ret = -1;
				}
			} else {
				if (elem_block(n) && put_break(out) < 0)
					ret = -1;
				if ((elem_is(n, "td") || elem_is(n, "th")) && om_buf_putc(out, '\t') < 0)
					ret = -1;
				if (elem_is(n, "img")) {
					xmlChar *alt = xmlGetProp(n, (const xmlChar *) "alt");

					if (alt) {
						if (put_text(out, (const char *) alt) < 0)
							ret = -1;
						xmlFree(alt);
					}
				}
				if (elem_is(n, "a") && anchor == NULL) {
					anchor = n;
					anchor_start = out->len;
				}
			}
		} else
			descend = 0;

		if (descend && n->children) {
			n = n->children;
			continue;
		}
		/* Leave this node (and every ancestor we finish on the way up). */
		for (;;) {
			if (n == anchor) {
				xmlChar *href = xmlGetProp(n, (const xmlChar *) "href");

				if (href && sink->link_fn) {
					char    text[LINK_TEXT_MAX];
					size_t  tl = out->len - anchor_start;

					if (tl >= sizeof(text)) {
						/* Do not cut a UTF-8 character in half. */
						tl = sizeof(text) - 1;
						while (tl > 0 && om_utf8_is_cont((unsigned char) out->data[anchor_start + tl]))
							tl--;
					}
					if (tl)
						memcpy(text, out->data + anchor_start, tl);
					text[tl] = 0;
					sink->link_fn(sink->ctx, (const char *) href, text);
				}
				if (href)
					xmlFree(href);
				anchor = NULL;
			}
			if (n == quiet)
				quiet = NULL;
			else if (quiet == NULL && elem_block(n) && put_break(out) < 0)
				ret = -1;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == NULL || n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE) {
				n = NULL;
				break;
			}
		}
	}
	xmlFreeDoc(doc);
	/* What an unclosed comment took away: hidden text, or else text. */
	if (ret == 0 && (tail = comment_tail(html, len)) < len) {
		om_buf *to = sink->hidden ? sink->hidden : out;

		if (put_break(to) < 0 || put_textn(to, html + tail, len - tail) < 0)
			ret = -1;
	}
	return (ret);
}

/* password_in_script - a script that writes a password input (type="password", type: 'password') */
static int
password_in_script(const char *s)
{
	for (const char *p = s; (p = strcasestr(p, "type")) != NULL; p++) {
		const char *q = p + 4;

		while (*q == ' ' || *q == '\t')
			q++;
		if (*q != '=' && *q != ':')
			continue;
		q++;
		while (*q == ' ' || *q == '\t' || *q == '"' || *q == '\'' || *q == '\\')
			q++;
		if (strncasecmp(q, "password", 8) == 0)
			return (1);
	}
	return (0);
}

/* ------------------------------------------------------------ scripts */

/*
 * A page that hides its form writes it from an encoded string:
 * document.write(atob("...")), unescape("%3C%66..."), a list of char
 * codes, "\x3c" escapes, or sends the reader to a decoded address. The
 * script is not run: string literals, their concatenation, a few
 * variables and the decoders (atob, unescape, decodeURI[Component],
 * String.fromCharCode) are evaluated, and what reaches a sink
 * (document.write, innerHTML, insertAdjacentHTML, srcdoc, eval,
 * location) is read as a page again, FORMS_DEPTH deep at most, within
 * DECODE_BUDGET bytes. A sink fed through a decoder with what cannot be
 * evaluated is OM_HTML_OBFUSCATED.
 */
#define FORMS_DEPTH	4		/* pages written by written pages */
#define DECODE_BUDGET	(4u << 20)	/* bytes decoded per om_html_forms() */
#define JS_VALUE_MAX	(512u << 10)	/* bytes of one string value */
#define JS_VARS		64		/* string variables kept per script */
#define JS_VARS_BYTES	(2u << 20)	/* bytes they hold together */
#define JS_NAME_MAX	96		/* a dotted name */
#define JS_NEST		16		/* calls and brackets within one expression */
#define JS_SPAN_MAX	(64u << 10)	/* bytes of one sink argument looked at */
#define JS_LONG_LITERAL	200		/* an encoded literal this long is a payload */
#define JS_SHORT	16		/* a written value shorter than this tells nothing */
#define JS_WORK		(64u << 20)	/* bytes copied or scanned per om_html_forms() */

typedef struct forms_ctx {
	unsigned found;
	char   *action;
	size_t	actionsize;
	size_t	budget;			/* decoded bytes still allowed */
	size_t	work;			/* script work still allowed (JS_WORK) */
} forms_ctx;

typedef struct js_val {
	om_buf	s;
	int	unknown;		/* a part could not be evaluated */
	int	decoded;		/* a decoder was applied */
} js_val;

typedef struct js_var {
	char	name[JS_NAME_MAX];
	char   *data;
	size_t	len;
	int	unknown;
	int	decoded;
} js_var;

/* The string variables of one page: its scripts share them. */
typedef struct js_vars {
	js_var	v[JS_VARS];
	size_t	n;
	size_t	bytes;
} js_vars;

typedef struct js_ctx {
	const char *p;
	const char *end;
	js_vars *vars;			/* the page's, or NULL */
	om_buf	written;		/* markup the script writes into the page */
	forms_ctx *fc;
} js_ctx;

static void forms_doc(const char *html, size_t len, forms_ctx *fc, int depth);

/*
 * js_spend - charge work to the document; 1 when it is spent. Copies of
 * variables and sink arguments could otherwise grow with the square of
 * the script (a thousand writes of a long variable).
 */
static int
js_spend(js_ctx *j, size_t n)
{
	if (j->fc->work <= n) {
		j->fc->work = 0;
		return (1);
	}
	j->fc->work -= n;
	return (0);
}

/* js_id - a character of an identifier */
static int
js_id(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		|| c == '_' || c == '$' || (c & 0x80));
}

/* js_space - skip white space and comments */
static void
js_space(js_ctx *j)
{
	while (j->p < j->end) {
		if (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r' || *j->p == '\f'
		    || *j->p == '\v') {
			j->p++;
		} else if (*j->p == '/' && j->p + 1 < j->end && j->p[1] == '/') {
			while (j->p < j->end && *j->p != '\n')
				j->p++;
		} else if (*j->p == '/' && j->p + 1 < j->end && j->p[1] == '*') {
			const char *e = j->p + 2;

			while (e + 1 < j->end && !(e[0] == '*' && e[1] == '/'))
				e++;
			j->p = e + 1 < j->end ? e + 2 : j->end;
		} else if (j->end - j->p >= 4 && memcmp(j->p, "<!--", 4) == 0) {
			j->p += 4;		/* the old way to hide a script */
		} else
			break;
	}
}

/* js_name - a dotted name (document.write, window.location.href); its length */
static size_t
js_name(js_ctx *j, char *out, size_t size)
{
	size_t  n = 0;

	while (j->p < j->end && js_id((unsigned char) *j->p)) {
		while (j->p < j->end && js_id((unsigned char) *j->p)) {
			if (n + 1 < size)
				out[n++] = *j->p;
			j->p++;
		}
		if (j->p + 1 < j->end && *j->p == '.' && js_id((unsigned char) j->p[1])) {
			if (n + 1 < size)
				out[n++] = '.';
			j->p++;
		} else
			break;
	}
	out[n] = 0;
	return (n);
}

/* js_put - append to a value; a value past its cap is unknown */
static void
js_put(js_val *v, const void *p, size_t n)
{
	if (om_buf_append(&v->s, p, n) < 0)
		v->unknown = 1;
}

/* js_hex - n hex digits at s, or -1 */
static long
js_hex(const char *s, const char *end, int n)
{
	long    v = 0;

	if (end - s < n)
		return (-1);
	for (int i = 0; i < n; i++) {
		int     d = om_hex_value((unsigned char) s[i]);

		if (d < 0)
			return (-1);
		v = v * 16 + d;
	}
	return (v);
}

/* js_string - a quoted literal, its escapes read, appended to v */
static void
js_string(js_ctx *j, js_val *v)
{
	char    q = *j->p++;

	while (j->p < j->end && *j->p != q) {
		const char *s = j->p;
		long    c;

		if (*s == '\n' && q != '`')
			break;
		if (q == '`' && *s == '$' && s + 1 < j->end && s[1] == '{') {
			v->unknown = 1;		/* a template's expression */
			while (j->p < j->end && *j->p != '}')
				j->p++;
			if (j->p < j->end)
				j->p++;
			continue;
		}
		if (*s != '\\' || s + 1 >= j->end) {
			js_put(v, s, 1);
			j->p++;
			continue;
		}
		s++;
		j->p = s + 1;
		switch (*s) {
		case 'n':
			js_put(v, "\n", 1);
			break;
		case 't':
			js_put(v, "\t", 1);
			break;
		case 'r':
			js_put(v, "\r", 1);
			break;
		case 'b': case 'f': case 'v':
			js_put(v, " ", 1);
			break;
		case '\r': case '\n':
			break;			/* a line continued */
		case 'x':
			if ((c = js_hex(s + 1, j->end, 2)) >= 0) {
				if (om_buf_put_utf8(&v->s, (unsigned long) c) < 0)
					v->unknown = 1;
				j->p = s + 3;
			} else
				js_put(v, "x", 1);
			break;
		case 'u':
			if (s + 1 < j->end && s[1] == '{') {
				const char *e = s + 2;

				c = 0;
				while (e < j->end && om_hex_value((unsigned char) *e) >= 0 && e - s < 10)
					c = c * 16 + om_hex_value((unsigned char) *e++);
				if (e < j->end && *e == '}' && c <= 0x10ffff) {
					if (om_buf_put_utf8(&v->s, (unsigned long) c) < 0)
						v->unknown = 1;
					j->p = e + 1;
				}
			} else if ((c = js_hex(s + 1, j->end, 4)) >= 0) {
				long    lo;

				j->p = s + 5;
				/* A surrogate pair is one character. */
				if (c >= 0xd800 && c < 0xdc00 && j->end - j->p >= 6 && j->p[0] == '\\'
				    && j->p[1] == 'u' && (lo = js_hex(j->p + 2, j->end, 4)) >= 0xdc00
				    && lo < 0xe000) {
					c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
					j->p += 6;
				}
				if (om_buf_put_utf8(&v->s, (unsigned long) c) < 0)
					v->unknown = 1;
			} else
				js_put(v, "u", 1);
			break;
		default:
			if (*s >= '0' && *s <= '7') {
				const char *e = s;

				c = 0;
				while (e < j->end && e - s < 3 && *e >= '0' && *e <= '7' && c * 8 + (*e - '0') < 256)
					c = c * 8 + (*e++ - '0');
				j->p = e;
				if (om_buf_put_utf8(&v->s, (unsigned long) c) < 0)
					v->unknown = 1;
			} else
				js_put(v, s, 1);
			break;
		}
	}
	if (j->p < j->end && *j->p == q)
		j->p++;
	else
		v->unknown = 1;
}

/* js_text_like - decoded bytes that are text, not noise */
static int
js_text_like(const unsigned char *s, size_t n)
{
	size_t  bad = 0;

	for (size_t i = 0; i < n; i++)
		if (s[i] == 0 || (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t'))
			bad++;
	return (bad * 20 <= n);
}

/* js_atob - base64 as atob() reads it; a letter outside it makes it unknown */
static void
js_atob(js_val *in, js_val *out)
{
	unsigned long acc = 0;
	int     bits = 0;
	size_t  start = out->s.len;

	for (size_t i = 0; i < in->s.len; i++) {
		int     c = (unsigned char) in->s.data[i], d;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
			continue;
		if (c == '=')
			break;
		if ((d = om_b64_value(c)) < 0) {
			out->unknown = 1;
			return;
		}
		acc = (acc << 6 | (unsigned long) d) & 0xffffff;
		if ((bits += 6) >= 8) {
			char    b = (char) ((acc >> (bits - 8)) & 0xff);

			bits -= 8;
			js_put(out, &b, 1);
		}
	}
	if (out->s.data && !js_text_like((const unsigned char *) out->s.data + start, out->s.len - start)) {
		out->s.len = start;
		out->s.data[start] = 0;
		out->unknown = 1;
	}
}

/* js_unescape - %XX (and unescape's %uXXXX) decoded */
static void
js_unescape(js_val *in, js_val *out)
{
	const char *s = in->s.data ? in->s.data : "", *e = s + in->s.len;

	while (s < e) {
		long    c;

		if (*s == '%' && e - s >= 6 && (s[1] == 'u' || s[1] == 'U') && (c = js_hex(s + 2, e, 4)) >= 0) {
			if (om_buf_put_utf8(&out->s, (unsigned long) c) < 0)
				out->unknown = 1;
			s += 6;
		} else if (*s == '%' && (c = js_hex(s + 1, e, 2)) >= 0) {
			char    b = (char) c;

			js_put(out, &b, 1);
			s += 3;
		} else
			js_put(out, s++, 1);
	}
}

static void js_expr(js_ctx *j, js_val *v, int nest);

/* js_char_codes - the numbers of String.fromCharCode(...) as characters */
static void
js_char_codes(js_ctx *j, js_val *v, char close)
{
	for (;;) {
		char   *e;
		unsigned long c;

		js_space(j);
		if (j->p < j->end && *j->p == close) {
			j->p++;
			return;
		}
		if (j->p >= j->end || !(*j->p >= '0' && *j->p <= '9')) {
			v->unknown = 1;
			return;
		}
		c = strtoul(j->p, &e, 0);
		if (e > j->end) {
			v->unknown = 1;
			return;
		}
		j->p = e;
		if (c > 0 && c <= 0x10ffff && om_buf_put_utf8(&v->s, c) < 0)
			v->unknown = 1;
		js_space(j);
		if (j->p < j->end && *j->p == ',')
			j->p++;
	}
}

/* js_var_find - a remembered variable, or NULL */
static js_var *
js_var_find(js_ctx *j, const char *name)
{
	for (size_t i = j->vars ? j->vars->n : 0; i-- > 0;)
		if (strcmp(j->vars->v[i].name, name) == 0)
			return (j->vars->v + i);
	return (NULL);
}

/* js_arg - one parenthesised argument evaluated into v */
static void
js_arg(js_ctx *j, js_val *v, int nest)
{
	js_space(j);
	if (j->p >= j->end || *j->p != '(') {
		v->unknown = 1;
		return;
	}
	j->p++;
	js_expr(j, v, nest + 1);
	js_space(j);
	if (j->p < j->end && *j->p == ')')
		j->p++;
	else
		v->unknown = 1;
}

/* js_term - a literal, a variable, a decoder call or a bracket */
static void
js_term(js_ctx *j, js_val *v, int nest)
{
	char    name[JS_NAME_MAX];

	js_space(j);
	if (j->p >= j->end || nest > JS_NEST) {
		v->unknown = 1;
		return;
	}
	if (*j->p == '"' || *j->p == '\'' || *j->p == '`') {
		js_string(j, v);
	} else if (*j->p == '(') {
		js_arg(j, v, nest);
	} else if (*j->p >= '0' && *j->p <= '9') {
		const char *s = j->p;

		while (j->p < j->end && (js_id((unsigned char) *j->p) || *j->p == '.'))
			j->p++;
		js_put(v, s, (size_t) (j->p - s));
	} else if (js_id((unsigned char) *j->p) && js_name(j, name, sizeof(name)) > 0) {
		js_val  a;
		js_var *var;

		for (int k = 0; k < 3; k++) {
			static const char *const globals[] = {"window.", "self.", "globalThis."};
			size_t  gl = strlen(globals[k]);

			if (strncmp(name, globals[k], gl) == 0)
				memmove(name, name + gl, strlen(name + gl) + 1);
		}
		if (strcmp(name, "escape") == 0 || strcmp(name, "encodeURIComponent") == 0
		    || strcmp(name, "encodeURI") == 0) {
			/*
			 * Values here are bytes: decodeURIComponent(escape(atob(s)))
			 * reads atob's bytes as UTF-8, which they already are.
			 */
			js_arg(j, v, nest);
		} else if (strcmp(name, "atob") == 0 || strcmp(name, "unescape") == 0
		    || strcmp(name, "decodeURIComponent") == 0 || strcmp(name, "decodeURI") == 0) {
			om_buf_init(&a.s, JS_VALUE_MAX);
			a.unknown = a.decoded = 0;
			js_arg(j, &a, nest);
			if (js_spend(j, a.s.len + 1))
				a.unknown = 1;
			else if (name[0] == 'a')
				js_atob(&a, v);
			else
				js_unescape(&a, v);
			v->unknown |= a.unknown;
			v->decoded = 1;
			om_buf_free(&a.s);
		} else if (strcmp(name, "String.fromCharCode") == 0) {
			js_space(j);
			if (j->p < j->end && *j->p == '(') {
				j->p++;
				js_char_codes(j, v, ')');
			} else
				v->unknown = 1;
			v->decoded = 1;
		} else if (strcmp(name, "String.fromCharCode.apply") == 0) {
			/* String.fromCharCode.apply(null, [60, 102, ...]) */
			js_space(j);
			if (j->p < j->end && *j->p == '(') {
				j->p++;
				while (j->p < j->end && *j->p != '[' && *j->p != ')')
					j->p++;
			}
			if (j->p < j->end && *j->p == '[') {
				j->p++;
				js_char_codes(j, v, ']');
				js_space(j);
				if (j->p < j->end && *j->p == ')')
					j->p++;
			} else
				v->unknown = 1;
			v->decoded = 1;
		} else if (strchr(name, '.') == NULL && (var = js_var_find(j, name)) != NULL) {
			if (js_spend(j, var->len + 1)) {
				v->unknown = 1;
				return;
			}
			js_put(v, var->data, var->len);
			v->unknown |= var->unknown;
			v->decoded |= var->decoded;
		} else {
			/* A name not known: its value is not ours to tell. */
			v->unknown = 1;
			js_space(j);
			if (j->p < j->end && (*j->p == '(' || *j->p == '['))
				return;
		}
	} else {
		v->unknown = 1;
		return;
	}
	js_space(j);
	/* A method on the value (split, reverse, replace): not evaluated. */
	if (j->p < j->end && (*j->p == '.' || *j->p == '[' || *j->p == '('))
		v->unknown = 1;
}

/* js_expr - terms joined by + */
static void
js_expr(js_ctx *j, js_val *v, int nest)
{
	const char *before;

	if (nest > JS_NEST) {
		v->unknown = 1;
		return;
	}
	for (;;) {
		before = j->p;
		js_term(j, v, nest);
		js_space(j);
		if (j->p >= j->end || *j->p != '+' || (j->p + 1 < j->end && (j->p[1] == '+' || j->p[1] == '=')))
			break;
		j->p++;
		if (j->p == before)
			break;
	}
}

/* js_span_end - where the argument or statement starting at s ends */
static const char *
js_span_end(const char *s, const char *end)
{
	int     depth = 0;

	if (end - s > (long) JS_SPAN_MAX)
		end = s + JS_SPAN_MAX;
	for (; s < end; s++) {
		if (*s == '"' || *s == '\'' || *s == '`') {
			char    q = *s;

			for (s++; s < end && *s != q; s++)
				if (*s == '\\')
					s++;
		} else if (*s == '(' || *s == '[' || *s == '{') {
			depth++;
		} else if (*s == ')' || *s == ']' || *s == '}') {
			if (depth-- == 0)
				return (s);
		} else if ((*s == ';' || *s == '\n') && depth == 0) {
			return (s);
		}
	}
	return (end);
}

/* js_encoded_span - the source of an argument calls a decoder or holds a payload */
static int
js_encoded_span(const char *s, const char *e)
{
	static const char *const words[] = {
		"atob", "unescape", "fromCharCode", "decodeURI", "eval", "\\x", "\\u", "%3c", "%u00",
		"function(p,a,c,k,e,", NULL
	};
	size_t  run = 0;

	for (int i = 0; words[i]; i++) {
		size_t  n = strlen(words[i]);

		for (const char *p = s; p + n <= e; p++)
			if (strncasecmp(p, words[i], n) == 0)
				return (1);
	}
	for (const char *p = s; p < e; p++) {
		if (js_id((unsigned char) *p) || *p == '+' || *p == '/' || *p == '=' || *p == '%'
		    || *p == '\\') {
			if (++run >= JS_LONG_LITERAL)
				return (1);
		} else
			run = 0;
	}
	return (0);
}

/* js_judge - a sink fed from a decoder with what could not be read */
static void
js_judge(js_ctx *j, const js_val *v, const char *from)
{
	const char *to;

	if (!v->unknown || v->s.len >= JS_SHORT)
		return;
	to = js_span_end(from, j->end);
	if (js_spend(j, (size_t) (to - from) * 10 + 1))
		return;
	if (v->unknown && v->s.len < JS_SHORT && (v->decoded || js_encoded_span(from, to)))
		j->fc->found |= OM_HTML_OBFUSCATED;
}

/* js_write - markup written into the page */
static void
js_write(js_ctx *j, const js_val *v)
{
	if (v->s.len > 0 && (om_buf_append(&j->written, v->s.data, v->s.len) < 0
			     || om_buf_putc(&j->written, '\n') < 0))
		j->fc->found |= v->decoded ? OM_HTML_OBFUSCATED : 0;
}

/* js_go - the reader sent to an address */
static void
js_go(js_ctx *j, const js_val *v)
{
	const char *u = v->s.data ? v->s.data : "";

	while (*u == ' ' || *u == '\t' || *u == '\n' || *u == '\r')
		u++;
	if (strncasecmp(u, "data:", 5) == 0) {
		om_buf  b;
		const char *comma = strchr(u, ',');

		if (comma == NULL)
			return;
		om_buf_init(&b, JS_VALUE_MAX);
		if (comma - u >= 7 && strncasecmp(comma - 7, ";base64", 7) == 0) {
			js_val  in = {{(char *) comma + 1, strlen(comma + 1), 0, 0}, 0, 0};
			js_val  out = {b, 0, 0};

			js_atob(&in, &out);
			b = out.s;
		} else {
			js_val  in = {{(char *) comma + 1, strlen(comma + 1), 0, 0}, 0, 0};
			js_val  out = {b, 0, 0};

			js_unescape(&in, &out);
			b = out.s;
		}
		if (b.len > 0 && om_buf_append(&j->written, b.data, b.len) < 0)
			j->fc->found |= OM_HTML_OBFUSCATED;
		om_buf_free(&b);
		return;
	}
	if (!v->decoded || !(strncasecmp(u, "http://", 7) == 0 || strncasecmp(u, "https://", 8) == 0
			     || strncmp(u, "//", 2) == 0))
		return;
	j->fc->found |= OM_HTML_REDIRECT;
	if (j->fc->actionsize && *j->fc->action == 0)
		snprintf(j->fc->action, j->fc->actionsize, "%.*s", (int) strcspn(u, " \t\r\n\"'<>"), u);
}

/* js_location - a name that is where the page is: location, window.location.href */
static int
js_location(const char *name)
{
	static const char *const heads[] = {"", "window.", "document.", "top.", "self.", "parent.", NULL};

	for (int i = 0; heads[i]; i++) {
		size_t  n = strlen(heads[i]);

		if (strncmp(name, heads[i], n) == 0
		    && (strcmp(name + n, "location") == 0 || strcmp(name + n, "location.href") == 0))
			return (1);
	}
	return (0);
}

/* js_ends - name ends in .suffix */
static int
js_ends(const char *name, const char *suffix)
{
	size_t  n = strlen(name), k = strlen(suffix);

	return (n > k && name[n - k - 1] == '.' && strcmp(name + n - k, suffix) == 0);
}

/* js_set - remember a variable's string value */
static void
js_set(js_ctx *j, const char *name, const js_val *v, int append)
{
	js_var *var = js_var_find(j, name);
	size_t  old = var && append ? var->len : 0;
	char   *d;

	if (var == NULL) {
		if (j->vars == NULL || j->vars->n >= JS_VARS)
			return;
		var = j->vars->v + j->vars->n++;
		snprintf(var->name, sizeof(var->name), "%s", name);
		var->data = NULL;
		var->len = 0;
		var->unknown = var->decoded = 0;
	}
	if (j->vars->bytes + v->s.len > JS_VARS_BYTES || js_spend(j, old + v->s.len + 1)) {
		var->unknown = 1;
		return;
	}
	d = malloc(old + v->s.len + 1);
	if (d == NULL)
		om_panic("out of memory");
	if (old)
		memcpy(d, var->data, old);
	if (v->s.len)
		memcpy(d + old, v->s.data, v->s.len);
	d[old + v->s.len] = 0;
	j->vars->bytes += v->s.len;
	free(var->data);
	var->data = d;
	var->len = old + v->s.len;
	var->unknown = (append ? var->unknown : 0) | v->unknown;
	var->decoded = (append ? var->decoded : 0) | v->decoded;
}

/* js_sink - an assignment or call at j->p after name; what it does */
static void
js_sink(js_ctx *j, const char *name)
{
	enum {NONE, SET, ADD, WRITE, EVAL, GO} what = NONE;
	const char *arg;
	js_val  v;

	js_space(j);
	if (j->p >= j->end || js_spend(j, 64))
		return;
	if (*j->p == '(') {
		if (strcmp(name, "document.write") == 0 || strcmp(name, "document.writeln") == 0
		    || strcmp(name, "window.document.write") == 0 || strcmp(name, "window.document.writeln") == 0)
			what = WRITE;
		else if (strcmp(name, "eval") == 0 || strcmp(name, "window.eval") == 0)
			what = EVAL;
		else if (strcmp(name, "window.open") == 0 || strcmp(name, "location.replace") == 0
			 || strcmp(name, "location.assign") == 0 || js_ends(name, "location.replace")
			 || js_ends(name, "location.assign"))
			what = GO;
		else if (name[0] == '.' && (strcmp(name, ".html") == 0 || strcmp(name, ".append") == 0
					    || strcmp(name, ".prepend") == 0))
			what = WRITE;		/* $("#x").html(...): jQuery parses it */
		else if (js_ends(name, "insertAdjacentHTML")) {
			/* The position first: skip it. */
			const char *e = js_span_end(j->p + 1, j->end);
			const char *c = memchr(j->p + 1, ',', (size_t) (e - j->p - 1));

			if (c == NULL)
				return;
			j->p = c + 1;
			what = WRITE;
		} else
			return;
		if (*j->p == '(')
			j->p++;
	} else if (*j->p == '=' && !(j->p + 1 < j->end && (j->p[1] == '=' || j->p[1] == '>'))) {
		j->p++;
		if (js_ends(name, "innerHTML") || js_ends(name, "outerHTML") || js_ends(name, "srcdoc"))
			what = WRITE;
		else if (js_location(name))
			what = GO;
		else if (strchr(name, '.') == NULL)
			what = SET;
		else
			return;
	} else if (*j->p == '+' && j->p + 1 < j->end && j->p[1] == '=') {
		j->p += 2;
		if (js_ends(name, "innerHTML"))
			what = WRITE;
		else if (strchr(name, '.') == NULL)
			what = ADD;
		else
			return;
	} else
		return;
	js_space(j);
	arg = j->p;
	om_buf_init(&v.s, JS_VALUE_MAX);
	v.unknown = v.decoded = 0;
	js_expr(j, &v, 0);
	switch (what) {
	case SET:
	case ADD:
		js_set(j, name, &v, what == ADD);
		break;
	case WRITE:
		js_judge(j, &v, arg);
		js_write(j, &v);
		break;
	case EVAL:
		/*
		 * eval() of what cannot be read hides a script when a decoder
		 * or a packer feeds it; eval("(" + json + ")") does not.
		 */
		js_judge(j, &v, arg);
		if (v.s.len > 0 && (om_buf_puts(&j->written, "<script>") < 0
				    || om_buf_append(&j->written, v.s.data, v.s.len) < 0
				    || om_buf_puts(&j->written, "</script>\n") < 0))
			j->fc->found |= OM_HTML_OBFUSCATED;
		break;
	case GO:
		js_judge(j, &v, arg);
		js_go(j, &v);
		break;
	default:
		break;
	}
	om_buf_free(&v.s);
	/* Whatever the expression did not take is read as statements again. */
	if (j->p == arg && j->p < j->end)
		j->p++;
}

/* js_run - the sinks of one script; what they write is read as a page */
static void
js_run(const char *s, size_t len, js_vars *vars, forms_ctx *fc, int depth)
{
	js_ctx *j;
	char    name[JS_NAME_MAX];

	if (depth >= FORMS_DEPTH || len == 0 || fc->budget == 0)
		return;
	if ((j = calloc(1, sizeof(*j))) == NULL)
		om_panic("out of memory");
	j->p = s;
	j->end = s + len;
	j->fc = fc;
	j->vars = vars;
	om_buf_init(&j->written, fc->budget < JS_VALUE_MAX * 2 ? fc->budget : JS_VALUE_MAX * 2);
	while (j->p < j->end && fc->work > 0) {
		const char *at = j->p;

		js_space(j);
		if (j->p >= j->end)
			break;
		if (*j->p == '"' || *j->p == '\'' || *j->p == '`') {
			js_val  skip;

			om_buf_init(&skip.s, 1);
			skip.unknown = skip.decoded = 0;
			js_string(j, &skip);
			om_buf_free(&skip.s);
		} else if (js_id((unsigned char) *j->p) && (j->p == s || (!js_id((unsigned char) j->p[-1])
									  && j->p[-1] != '.'))) {
			js_name(j, name, sizeof(name));
			if (strcmp(name, "var") != 0 && strcmp(name, "let") != 0 && strcmp(name, "const") != 0)
				js_sink(j, name);
		} else if (js_id((unsigned char) *j->p) && j->p - s >= 2 && j->p[-1] == '.'
			   && (j->p[-2] == ')' || j->p[-2] == ']')) {
			/* A member of a call's result: f("x").innerHTML, el.insertAdjacentHTML */
			name[0] = '.';
			js_name(j, name + 1, sizeof(name) - 1);
			js_sink(j, name);
		} else {
			j->p++;
		}
		if (j->p == at)
			j->p++;
	}
	if (j->written.len > 0 && j->written.len <= fc->budget) {
		forms_ctx inner = *fc;
		unsigned before;

		fc->budget -= j->written.len;
		inner.budget = fc->budget;
		inner.found = 0;
		forms_doc(j->written.data, j->written.len, &inner, depth + 1);
		before = inner.found & (OM_HTML_FORM | OM_HTML_PASSWORD | OM_HTML_FORM_EXTERNAL);
		fc->found |= inner.found | (before ? OM_HTML_SCRIPTED : 0);
		fc->budget = inner.budget;
		fc->work = inner.work;
	}
	om_buf_free(&j->written);
	free(j);
}

/* forms_data - a page given as a data: address of a frame or object */
static void
forms_data(const char *u, forms_ctx *fc, int depth)
{
	js_ctx *j;
	js_val  v;

	if (depth >= FORMS_DEPTH || fc->budget == 0)
		return;
	if ((j = calloc(1, sizeof(*j))) == NULL)
		om_panic("out of memory");
	j->fc = fc;
	om_buf_init(&j->written, fc->budget < JS_VALUE_MAX * 2 ? fc->budget : JS_VALUE_MAX * 2);
	v.s.data = (char *) u;
	v.s.len = strlen(u);
	v.unknown = v.decoded = 0;
	js_go(j, &v);
	if (j->written.len > 0 && j->written.len <= fc->budget) {
		forms_ctx inner = *fc;

		fc->budget -= j->written.len;
		inner.budget = fc->budget;
		inner.found = 0;
		forms_doc(j->written.data, j->written.len, &inner, depth + 1);
		fc->found |= inner.found
			| (inner.found & (OM_HTML_FORM | OM_HTML_PASSWORD | OM_HTML_FORM_EXTERNAL) ? OM_HTML_SCRIPTED : 0);
		fc->budget = inner.budget;
		fc->work = inner.work;
	}
	om_buf_free(&j->written);
	free(j);
}

/* forms_attrs - event handlers run as scripts, data: pages of frames read */
static void
forms_attrs(xmlNode *n, js_vars *vars, forms_ctx *fc, int depth)
{
	int     frame = elem_is(n, "iframe") || elem_is(n, "frame") || elem_is(n, "object")
		|| elem_is(n, "embed");

	for (xmlAttr *a = n->properties; a != NULL; a = a->next) {
		const char *an = (const char *) a->name;
		xmlChar *v;

		if (an == NULL)
			continue;
		if (strncasecmp(an, "on", 2) == 0) {
			if ((v = xmlGetProp(n, a->name)) != NULL) {
				js_run((const char *) v, strlen((const char *) v), vars, fc, depth);
				xmlFree(v);
			}
		} else if (frame && (strcasecmp(an, "src") == 0 || strcasecmp(an, "data") == 0)) {
			if ((v = xmlGetProp(n, a->name)) != NULL) {
				const char *u = (const char *) v;

				while (*u == ' ' || *u == '\t' || *u == '\n' || *u == '\r')
					u++;
				if (strncasecmp(u, "data:", 5) == 0)
					forms_data(u, fc, depth);
				xmlFree(v);
			}
		} else if (frame && strcasecmp(an, "srcdoc") == 0) {
			if ((v = xmlGetProp(n, a->name)) != NULL) {
				size_t  l = strlen((const char *) v);
				forms_ctx inner = *fc;

				if (depth + 1 < FORMS_DEPTH && l <= fc->budget) {
					inner.found = 0;
					inner.budget = fc->budget - l;
					forms_doc((const char *) v, l, &inner, depth + 1);
					fc->found |= inner.found;
					fc->budget = inner.budget;
					fc->work = inner.work;
				}
				xmlFree(v);
			}
		}
	}
}

/* forms_doc - the forms of one page and of the pages its scripts write */
static void
forms_doc(const char *html, size_t len, forms_ctx *fc, int depth)
{
	htmlDocPtr doc;
	xmlNode *n;
	unsigned nodes = 0;
	js_vars *vars;

	if (len > (size_t) INT32_MAX)
		len = INT32_MAX;
	doc = htmlReadMemory(html, (int) len, NULL, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
			     | HTML_PARSE_NONET | HTML_PARSE_COMPACT);
	if (doc == NULL)
		return;
	if ((vars = calloc(1, sizeof(*vars))) == NULL)
		om_panic("out of memory");
	for (n = doc->children; n != NULL && nodes++ < HTML_FORM_NODES;) {
		if (n->type == XML_ELEMENT_NODE && elem_is(n, "form")) {
			xmlChar *act = xmlGetProp(n, (const xmlChar *) "action");

			fc->found |= OM_HTML_FORM;
			if (act) {
				const char *a = (const char *) act;

				while (*a == ' ' || *a == '\t' || *a == '\n' || *a == '\r')
					a++;
				if (strncasecmp(a, "http://", 7) == 0 || strncasecmp(a, "https://", 8) == 0
				    || strncmp(a, "//", 2) == 0) {
					if (!(fc->found & OM_HTML_FORM_EXTERNAL) && fc->actionsize)
						snprintf(fc->action, fc->actionsize, "%s", a);
					fc->found |= OM_HTML_FORM_EXTERNAL;
				}
				xmlFree(act);
			}
		} else if (n->type == XML_ELEMENT_NODE && elem_is(n, "input")) {
			xmlChar *type = xmlGetProp(n, (const xmlChar *) "type");

			if (type && strcasecmp((const char *) type, "password") == 0)
				fc->found |= OM_HTML_PASSWORD;
			if (type)
				xmlFree(type);
		} else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content
			   && n->parent && elem_is(n->parent, "script")) {
			const char *sc = (const char *) n->content;

			if (password_in_script(sc))
				fc->found |= OM_HTML_PASSWORD;
			js_run(sc, strlen(sc), vars, fc, depth);
		}
		if (n->type == XML_ELEMENT_NODE && n->properties)
			forms_attrs(n, vars, fc, depth);
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL) {
			n = n->parent;
			if (n == NULL || n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE)
				n = NULL;
		}
		if (n != NULL)
			n = n->next;
	}
	for (size_t i = 0; i < vars->n; i++)
		free(vars->v[i].data);
	free(vars);
	xmlFreeDoc(doc);
}

/* om_html_forms - see om_html.h */
unsigned
om_html_forms(const char *html, size_t len, char *action, size_t actionsize)
{
	forms_ctx fc;
	char    dummy[1];

	fc.found = 0;
	fc.action = actionsize ? action : dummy;
	fc.actionsize = actionsize;
	fc.budget = DECODE_BUDGET;
	fc.work = JS_WORK;
	if (actionsize)
		*action = 0;
	forms_doc(html, len, &fc, 0);
	return (fc.found);
}
