/*++
 * NAME
 *	om_pdf 3h
 * SUMMARY
 *	structure, encryption state and readable text of a PDF file
 * DESCRIPTION
 *	The file is read as ISO 32000 says: cross-reference tables and
 *	streams (with /Prev and /XRefStm), or, when they are damaged, by
 *	walking the file object by object; objects inside object streams
 *	are found through either.
 *
 *	om_pdf_crypt_state() says whether a PDF needs a key, from the
 *	parsed trailer (or cross-reference stream dictionary) alone: its
 *	/Encrypt entry must resolve to an encryption dictionary. The
 *	standard security handler is tried with the empty user password
 *	(om_encrypt.h); a PDF that opens with it (an owner password only)
 *	is OM_PDF_OPEN. A /Encrypt that cannot be resolved is
 *	OM_PDF_BROKEN: unreadable, not encrypted.
 *
 *	om_pdf_text() writes the text shown by the pages (content streams,
 *	also given as arrays, Form XObjects with their own resources,
 *	annotation appearances and /Contents) as UTF-8 into out. Streams
 *	are decoded through filter chains of FlateDecode, LZWDecode (with
 *	EarlyChange), ASCII85Decode, ASCIIHexDecode and RunLengthDecode,
 *	with PNG and TIFF predictors. Codes of each font chosen by Tf go
 *	through its ToUnicode CMap (codespace ranges of 1-4 bytes, bfchar,
 *	bfrange in both forms, UTF-16 destinations); a Type0 font without
 *	one is read through its predefined CMap (Uni*-UCS2/UTF16 as
 *	Unicode; others and Identity-H/V with Adobe-Japan1 through the
 *	CMap and CID-to-Unicode files of poppler-data, loaded once per
 *	process). Simple fonts without ToUnicode are read as Latin-1.
 *
 *	lim (NULL: the defaults of omamori.conf) bounds the bytes decoded
 *	from streams (lim->expanded counts them across calls), their ratio
 *	to the file size, and the time.
 * DIAGNOSTICS
 *	om_pdf_text() returns 1 when every page was read in full, -1
 *	otherwise with OM_UNSCAN_* bits (om_msg.h) in *unscan saying why:
 *	OM_UNSCAN_CORRUPT (structure damaged, or needs a password),
 *	OM_UNSCAN_UNDECODABLE (a filter or font encoding we cannot turn
 *	into text), OM_UNSCAN_BYTES, OM_UNSCAN_RATIO, OM_UNSCAN_TIME.
 *	What was read before the trouble is still in out.
 *--*/
#ifndef OM_PDF_H
#define OM_PDF_H

#include <stddef.h>
#include <time.h>

#include "om_buf.h"
#include "om_pdf_crypt.h"

typedef struct om_pdf_limits {
	size_t	expanded_limit;		/* bytes decoded from streams in all */
	size_t	ratio_limit;		/* decoded / file size, past 1 MB */
	struct timespec deadline;	/* CLOCK_MONOTONIC; tv_sec 0: none */
	size_t	expanded;		/* in and out: bytes decoded so far */
} om_pdf_limits;

int	om_pdf_is(const unsigned char *data, size_t len);
int	om_pdf_crypt_state(const unsigned char *data, size_t len);
int	om_pdf_crypt_open(const unsigned char *data, size_t len, om_pdf_crypt *pc);
int	om_pdf_text(const unsigned char *data, size_t len, om_pdf_limits *lim,
		    om_buf *out, unsigned *unscan);

#endif
