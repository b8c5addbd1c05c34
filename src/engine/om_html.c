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

/* om_html_forms - see om_html.h */
unsigned
om_html_forms(const char *html, size_t len, char *action, size_t actionsize)
{
	htmlDocPtr doc;
	xmlNode *n;
	unsigned found = 0, nodes = 0;

	if (actionsize)
		*action = 0;
	if (len > (size_t) INT32_MAX)
		len = INT32_MAX;
	doc = htmlReadMemory(html, (int) len, NULL, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
			     | HTML_PARSE_NONET | HTML_PARSE_COMPACT);
	if (doc == NULL)
		return (0);
	for (n = doc->children; n != NULL && nodes++ < HTML_FORM_NODES;) {
		if (n->type == XML_ELEMENT_NODE && elem_is(n, "form")) {
			xmlChar *act = xmlGetProp(n, (const xmlChar *) "action");

			found |= OM_HTML_FORM;
			if (act) {
				const char *a = (const char *) act;

				while (*a == ' ' || *a == '\t' || *a == '\n' || *a == '\r')
					a++;
				if (strncasecmp(a, "http://", 7) == 0 || strncasecmp(a, "https://", 8) == 0
				    || strncmp(a, "//", 2) == 0) {
					if (!(found & OM_HTML_FORM_EXTERNAL) && actionsize)
						snprintf(action, actionsize, "%s", a);
					found |= OM_HTML_FORM_EXTERNAL;
				}
				xmlFree(act);
			}
		} else if (n->type == XML_ELEMENT_NODE && elem_is(n, "input")) {
			xmlChar *type = xmlGetProp(n, (const xmlChar *) "type");

			if (type && strcasecmp((const char *) type, "password") == 0)
				found |= OM_HTML_PASSWORD;
			if (type)
				xmlFree(type);
		} else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content
			   && n->parent && elem_is(n->parent, "script")
			   && password_in_script((const char *) n->content)) {
			found |= OM_HTML_PASSWORD;
		}
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
	xmlFreeDoc(doc);
	return (found);
}
