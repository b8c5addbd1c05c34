/*++
 * NAME
 *	om_office97 3h
 * SUMMARY
 *	text of Word, Excel and PowerPoint 97-2003 files
 * DESCRIPTION
 *	om_office97_text() reads an OLE2 compound file (om_ole.h) and
 *	writes its text as UTF-8 into out:
 *
 *	.doc	the WordDocument stream's text through the piece table
 *		(the Clx in the 0Table or 1Table stream), 8-bit pieces as
 *		CP1252 and the rest UTF-16LE: main text, footnotes,
 *		headers, comments, text boxes; paragraph and cell marks
 *		become line ends and tabs.
 *	.xls	the Workbook (or Book) stream's BIFF8 cells, sheet by
 *		sheet: shared strings (SST with its CONTINUE records,
 *		8- and 16-bit characters, rich-text and phonetic runs
 *		skipped), LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK,
 *		BOOLERR and FORMULA results (a string result from its
 *		STRING record). Numbers are written as a clerk sees them in
 *		a General cell (123456789018, not 1.23457E+11). Cells of a
 *		row are joined by tabs, rows by line ends.
 *	.ppt	the "PowerPoint Document" stream's TextCharsAtom
 *		(UTF-16LE), TextBytesAtom (8-bit, CP1252) and CString
 *		records, anywhere in the record tree.
 *
 *	Not read: objects embedded in the file (ObjectPool, ExOleObjStg),
 *	pictures, VBA.
 * DIAGNOSTICS
 *	1 when text was read (possibly empty); -1 when the file is
 *	damaged, encrypted, a BIFF version before 8, or holds none of
 *	these documents: it was not read, and must not pass as clean.
 *	*kind names what was read ("doc", "xls", "ppt").
 *--*/
#ifndef OM_OFFICE97_H
#define OM_OFFICE97_H

#include <stddef.h>

#include "om_buf.h"

int	om_office97_text(const unsigned char *data, size_t len, om_buf *out, const char **kind);

#endif
