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
 *	Office 97  Word, Excel and PowerPoint 97-2003 compound files
 *	           through om_office97.h; any other OLE file is -1
 *	other text any file whose bytes decode cleanly (om_sniff.h),
 *	           whatever its declared or libmagic type
 *
 *	*kind names what was read ("pdf", "docx", ...). A zip document
 *	whose members expand past the limits, or whose text fills the
 *	buffer, is not read in part: -1 with the limit named.
 * DIAGNOSTICS
 *	1 when text was extracted (possibly empty), 0 when the file is not
 *	a kind we read, -1 when it is a kind we read but is damaged.
 *--*/
#ifndef OM_EXTRACT_H
#define OM_EXTRACT_H

#include <stddef.h>
#include <time.h>

#include "om_buf.h"

/*
 * Limits for one file (om_extract_text_limited): the bytes its members
 * may still expand to, the expansion ratio (judged past 1 MB) and a
 * CLOCK_MONOTONIC deadline; hit says which stopped the reading, which
 * then returns -1. The text buffer's cap is a limit too: text cut at
 * it sets OM_EXTRACT_HIT_TEXT.
 */
#define OM_EXTRACT_HIT_BYTES	1
#define OM_EXTRACT_HIT_RATIO	2
#define OM_EXTRACT_HIT_TIME	4
#define OM_EXTRACT_HIT_TEXT	8

typedef struct om_extract_limits {
	size_t	expand_max;		/* 0: none */
	size_t	ratio_max;		/* 0: none */
	struct timespec deadline;	/* tv_sec 0: none */
	size_t	expanded;		/* out: bytes expanded */
	unsigned hit;			/* out: OM_EXTRACT_HIT_* */
} om_extract_limits;

int	om_extract_text(const unsigned char *data, size_t len, const char *name,
			const char *magic, om_buf *out, const char **kind);
int	om_extract_text_limited(const unsigned char *data, size_t len, const char *name,
				const char *magic, om_buf *out, const char **kind,
				om_extract_limits *lim);

#endif
