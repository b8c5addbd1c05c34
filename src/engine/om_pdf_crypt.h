/*++
 * NAME
 *	om_pdf_crypt 3h
 * SUMMARY
 *	the PDF standard security handler
 * SYNOPSIS
 *	#include "om_pdf_crypt.h"
 * DESCRIPTION
 *	om_pdf_crypt_key() takes the values of a PDF's parsed encryption
 *	dictionary (om_pdf.c finds it) and tries the empty user password
 *	of the standard security handler, revisions 2-4 (RC4, AESV2) and
 *	5-6 (AESV3): a PDF that opens with it has an owner password only.
 *	om_pdf_crypt_stream() decrypts one stream of object NUM GEN.
 *--*/
#ifndef OM_PDF_CRYPT_H
#define OM_PDF_CRYPT_H

#include <stddef.h>

#include "om_buf.h"

/* PDF standard security handler. */
#define OM_PDF_CLEAR	0		/* no /Encrypt */
#define OM_PDF_OPEN	1		/* encrypted, empty user password opens it */
#define OM_PDF_LOCKED	2		/* needs a user password (or unknown handler) */
#define OM_PDF_BROKEN	3		/* /Encrypt present but unresolvable */

typedef struct om_pdf_crypt {
	int	rev;			/* R */
	int	aes;			/* 0 RC4, 1 AESV2, 2 AESV3 */
	unsigned char key[32];
	size_t	keylen;
} om_pdf_crypt;

/* The encryption dictionary's values, as parsed. */
typedef struct om_pdf_sec {
	long	V, R, P, Length;
	int	encmeta;		/* /EncryptMetadata (default true) */
	int	aesv2;			/* V4 with /CFM /AESV2 */
	const unsigned char *O, *U, *UE, *ID;	/* ID: first /ID string */
	size_t	olen, ulen, uelen, idlen;
} om_pdf_sec;

int	om_pdf_crypt_key(const om_pdf_sec *sec, om_pdf_crypt *pc);
int	om_pdf_crypt_stream(const om_pdf_crypt *pc, unsigned num, unsigned gen,
			    const unsigned char *in, size_t len, om_buf *out);

#endif
