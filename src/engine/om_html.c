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

#include "om_html.h"
#include "om_log.h"

#define LINK_TEXT_MAX	1024

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

/* om_html_text - see om_html.h; 0, or -1 when the cap was hit */
int
om_html_text(const char *html, size_t len, om_buf *out, om_html_link_fn link_fn, void *ctx)
{
	htmlDocPtr doc;
	xmlNode *n, *root;
	xmlNode *anchor = NULL;
	size_t  anchor_start = 0;
	int     ret = 0;

	if (len > (size_t) INT32_MAX)
		len = INT32_MAX;
	doc = htmlReadMemory(html, (int) len, NULL, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
			     | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT);
	if (doc == NULL)
		return (om_buf_append(out, html, len));
	root = xmlDocGetRootElement(doc);
	for (n = root; n != NULL && ret == 0;) {
		int     descend = 1;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content && put_text(out, (const char *) n->content) < 0)
				ret = -1;
			descend = 0;
		} else if (n->type == XML_ELEMENT_NODE) {
			if (elem_skipped(n))
				descend = 0;
			else {
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

				if (href && link_fn) {
					char    text[LINK_TEXT_MAX];
					size_t  tl = out->len - anchor_start;

					if (tl >= sizeof(text)) {
						/* Do not cut a UTF-8 character in half. */
						tl = sizeof(text) - 1;
						while (tl > 0 && ((unsigned char) out->data[anchor_start + tl] & 0xc0) == 0x80)
							tl--;
					}
					if (tl)
						memcpy(text, out->data + anchor_start, tl);
					text[tl] = 0;
					link_fn(ctx, (const char *) href, text);
				}
				if (href)
					xmlFree(href);
				anchor = NULL;
			}
			if (elem_block(n) && put_break(out) < 0)
				ret = -1;
			if (n == root) {
				n = NULL;
				break;
			}
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
	return (ret);
}
