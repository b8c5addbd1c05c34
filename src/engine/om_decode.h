/*++
 * NAME
 *	om_decode 3h
 * SUMMARY
 *	forgiving transfer decoding: the reading that yields a real file
 * DESCRIPTION
 *	Mail clients differ in how they read a broken transfer encoding,
 *	and an attacker picks the one that slips past the filter. This
 *	module reads an encoded body several ways (base64, quoted-
 *	printable, uuencode and yEnc, each with its common mistakes
 *	forgiven) and keeps the reading whose bytes look most like a
 *	real file: one with a known signature, better still one that is
 *	complete (a zip with its end record, a PE with its header).
 *
 *	om_decode_text() reads a text part the way its broken header
 *	means, so that its words are scanned rather than its encoding.
 *
 *	om_decode_region() looks for files encoded inside free text: the
 *	raw bytes of a message body, a prologue, a text part. It splits
 *	them at delimiter lines, header blocks and blank lines and reads
 *	each piece that looks encoded.
 *
 *	Every output is capped by the caller; every loop is linear in its
 *	input, times a fixed number of readings.
 *--*/
#ifndef OM_DECODE_H
#define OM_DECODE_H

#include <stddef.h>

#include "om_buf.h"

/* What a byte string is, as a file. */
#define OM_FILE_NONE		0	/* no signature we know */
#define OM_FILE_KNOWN		1	/* starts like a file we know */
#define OM_FILE_COMPLETE	2	/* ... and its structure checks out */

/* A transfer encoding, as its (possibly broken) header value means it. */
typedef enum om_cte {
	OM_CTE_NONE,			/* 7bit, 8bit, binary, absent */
	OM_CTE_BASE64,
	OM_CTE_QP,
	OM_CTE_UU,
	OM_CTE_YENC,
	OM_CTE_OTHER,			/* a name we cannot place */
} om_cte;

/* om_decode_found - one file found by om_decode_region(); non-zero stops */
typedef int (*om_decode_found)(void *ctx, const char *name, size_t name_len,
			       const unsigned char *data, size_t len, int kind);

om_cte	om_decode_cte(const char *value);
int	om_decode_file_kind(const unsigned char *d, size_t n);
int	om_decode_best(const unsigned char *in, size_t n, om_cte declared, size_t cap, om_buf *out);
int	om_decode_text(const unsigned char *in, size_t n, om_cte cte, om_buf *out);
size_t	om_decode_region(const unsigned char *in, size_t n, size_t cap, size_t max_files,
			 om_decode_found found, void *ctx);

#endif
