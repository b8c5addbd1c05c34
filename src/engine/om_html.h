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
 *
 *	om_html_read() does the same and also gives what a reader does
 *	not see but the mail still carries to its recipient: comments,
 *	the content of script, style, noscript, template and head
 *	(the title), and the values of attributes that hold words (title,
 *	value, placeholder, content, aria-label, label, summary, data-*),
 *	one per line, in the "hidden" buffer, with processing instructions
 *	and the text after a "<!--" that never ends (libxml2 drops it, a
 *	reader may see it); and every data: URI of any
 *	attribute, decoded (base64 or percent-encoding), to a callback,
 *	because such a URI is a file inside the HTML.
 *
 *	om_html_forms() tells whether a document is a form that asks for
 *	a password or sends what is typed to a web site: the bits
 *	OM_HTML_*, and the first http(s) form action in action. A
 *	password input written by a script (type="password" in its text)
 *	counts too. Scripts are not run but read: string literals, their
 *	concatenation, string variables (shared by the scripts of a page)
 *	and the decoders atob, unescape,
 *	decodeURI[Component] and String.fromCharCode are evaluated, and
 *	what reaches document.write, innerHTML, insertAdjacentHTML,
 *	srcdoc or eval is read as a page again (OM_HTML_SCRIPTED when a
 *	form came from there), as is a data: page of a frame or object;
 *	all bounded in depth and decoded bytes. A sink fed through a
 *	decoder with what cannot be evaluated is OM_HTML_OBFUSCATED; a
 *	decoded http(s) address given to location is OM_HTML_REDIRECT
 *	(in action when no form action is).
 *--*/
#ifndef OM_HTML_H
#define OM_HTML_H

#include <stddef.h>

#include "om_buf.h"

typedef void (*om_html_link_fn) (void *ctx, const char *href, const char *text);
typedef void (*om_html_data_fn) (void *ctx, const char *mediatype,
				 const unsigned char *data, size_t len);

typedef struct om_html_sink {
	om_buf *hidden;			/* text not shown, or NULL */
	om_html_link_fn link_fn;	/* every <a href>, or NULL */
	om_html_data_fn data_fn;	/* every data: URI, or NULL */
	void   *ctx;
} om_html_sink;

/* What om_html_forms() found. */
#define OM_HTML_FORM		(1u << 0)	/* a <form> */
#define OM_HTML_PASSWORD	(1u << 1)	/* an <input type=password> */
#define OM_HTML_FORM_EXTERNAL	(1u << 2)	/* a form posting to an http(s) URL */
#define OM_HTML_SCRIPTED	(1u << 3)	/* one of those written by a script */
#define OM_HTML_OBFUSCATED	(1u << 4)	/* a script writes what cannot be decoded */
#define OM_HTML_REDIRECT	(1u << 5)	/* a script sends the reader to a decoded URL */

unsigned om_html_forms(const char *html, size_t len, char *action, size_t actionsize);
int	om_html_text(const char *html, size_t len, om_buf *out,
		     om_html_link_fn link_fn, void *ctx);
int	om_html_read(const char *html, size_t len, om_buf *out,
		     const om_html_sink *sink);
void	om_html_init(void);

#endif
