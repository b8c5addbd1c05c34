/*++
 * NAME
 *	om_extract 3h
 * SUMMARY
 *	readable text of an attached file, for personal-data scanning
 * DESCRIPTION
 *	om_extract_text() writes the text a person would read in a file
 *	as UTF-8 into out (not yet normalised: the caller runs
 *	om_norm_text). What it reads:
 *
 *	text, CSV  any Japanese charset, through om_charset_decode()
 *	HTML       through om_html_text()
 *	OOXML      docx word/document.xml (+ headers, footers, notes),
 *	           xlsx worksheets as tab-separated rows, shared-string
 *	           cells replaced by their text (phonetic runs left
 *	           out), pptx slides;
 *	           read from the zip in memory by libarchive, parsed by
 *	           libxml2's reader without network or entity expansion
 *	ODF        content.xml (odt, ods, odp)
 *	RTF        \'xx bytes in the \ansicpg code page (932 default for
 *	           Japanese text), \uN with its \ucN fallback skipped
 *	PDF        om_pdf.h: the pages' text through the file's structure,
 *	           every standard filter but the image ones, ToUnicode and
 *	           predefined CMaps; an owner-password-only PDF decrypted.
 *	           om_attach.c calls om_pdf_text() itself with the
 *	           message's limits; here the defaults apply, and
 *	           anything not read in full is -1.
 *	Word 97    UTF-16LE runs in an unencrypted OLE file with a
 *	           WordDocument stream (heuristic, no piece table walk).
 *
 *	*kind names what was read ("pdf", "docx", ...). The text is cut
 *	at the buffer's cap.
 * DIAGNOSTICS
 *	1 when text was extracted (possibly empty), 0 when the file is not
 *	a kind we read, -1 when it is a kind we read but is damaged.
 *--*/
#ifndef OM_EXTRACT_H
#define OM_EXTRACT_H

#include <stddef.h>

#include "om_buf.h"

int	om_extract_text(const unsigned char *data, size_t len, const char *name,
			const char *magic, om_buf *out, const char **kind);

#endif
