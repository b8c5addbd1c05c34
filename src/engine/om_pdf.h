/*++
 * NAME
 *	om_pdf 3h
 * SUMMARY
 *	readable text of a PDF file
 * DESCRIPTION
 *	om_pdf_text() writes the text shown by the content streams of a
 *	PDF as UTF-8 into out (see om_extract.h for what is covered).
 * DIAGNOSTICS
 *	1 when text was extracted (possibly empty), -1 when the file is
 *	damaged.
 *--*/
#ifndef OM_PDF_H
#define OM_PDF_H

#include <stddef.h>

#include "om_buf.h"

int	om_pdf_text(const unsigned char *data, size_t len, om_buf *out);

#endif
