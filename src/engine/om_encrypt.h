/*++
 * NAME
 *	om_encrypt 3h
 * SUMMARY
 *	is this content readable without a key?
 * DESCRIPTION
 *	om_encrypt_blob() looks at the bytes of one file (an attachment or
 *	an archive member) and says whether its content needs a key:
 *	PDF with a /Encrypt dictionary whose user password is not empty,
 *	OLE compound files holding EncryptionInfo + EncryptedPackage
 *	(encrypted OOXML), Word 97 with the FIB fEncrypted bit, Excel
 *	BIFF8 with a FILEPASS record, RAR4/RAR5 with encrypted headers or
 *	files, 7z with encrypted headers, S/MIME enveloped or
 *	auth-enveloped data (the whole file parsed by openssl), OpenPGP
 *	messages, armored (base64 and CRC-24 checked) or binary, whose
 *	packets are session keys followed by one encrypted data packet
 *	that runs to the end. *kind names the case ("pdf.user",
 *	"ole.encrypted_package", "pgp.armored", ...); "pgp.inline" is
 *	a valid armored message with other content around it (an inline
 *	PGP mail body: the caller reads the rest). A file that claims
 *	encryption (an armor line, a session key packet, a CMS enveloped
 *	type) but does not parse as such is OM_ENC_BROKEN: the caller
 *	reads it like any other file and reports it unscannable.
 *
 *	om_encrypt_zip_member() reads a zip's central directory and says
 *	how one member is encrypted: WinZip AES (extra field 0x9901) or
 *	traditional PKWARE ZipCrypto (weak).
 *
 *	om_pdf_crypt_key() takes the values of a PDF's parsed encryption
 *	dictionary (om_pdf.c finds it) and tries the empty user password
 *	of the standard security handler, revisions 2-4 (RC4, AESV2) and
 *	5-6 (AESV3): a PDF that opens with it has an owner password only.
 *	om_pdf_crypt_stream() decrypts one stream of object NUM GEN.
 * DIAGNOSTICS
 *	Return values: OM_ENC_NO, OM_ENC_YES, OM_ENC_WEAK (encrypted with
 *	a weak cipher), OM_ENC_BROKEN. Only de-armoring allocates, a
 *	buffer of at most the file's size, freed before return.
 *--*/
#ifndef OM_ENCRYPT_H
#define OM_ENCRYPT_H

#include <stddef.h>

#include "om_buf.h"

#define OM_ENC_NO	0
#define OM_ENC_YES	1
#define OM_ENC_WEAK	2
#define OM_ENC_BROKEN	3		/* claims encryption, does not parse */

int	om_encrypt_blob(const unsigned char *data, size_t len, const char **kind);
int	om_encrypt_cms_signed(const unsigned char *data, size_t len, unsigned char **content, size_t *clen);
int	om_encrypt_zip_member(const unsigned char *zip, size_t len, const char *name,
			      const char **kind);
int	om_encrypt_zip_any(const unsigned char *zip, size_t len, int *n_aes, int *n_weak);

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
