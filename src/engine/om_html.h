/*++
 * NAME
 *	om_html 3h
 * SUMMARY
 *	HTML to plain text, keeping the links
 * DESCRIPTION
 *	om_html_text() parses UTF-8 HTML with libxml2's forgiving HTML
 *	parser (no network, no entity expansion beyond HTML's own) and
 *	writes its visible text: block elements become line breaks, table
 *	cells tabs, script/style/head content is dropped. Every <a href>
 *	is reported to the callback with its href and its visible text, so
 *	that later checks can compare what a link shows with where it goes.
 *	The walk is iterative and bounded by the text cap.
 *--*/
#ifndef OM_HTML_H
#define OM_HTML_H

#include <stddef.h>

#include "om_buf.h"

typedef void (*om_html_link_fn) (void *ctx, const char *href, const char *text);

int	om_html_text(const char *html, size_t len, om_buf *out,
		     om_html_link_fn link_fn, void *ctx);
void	om_html_init(void);

#endif
