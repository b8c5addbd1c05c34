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
 *	PDF encryption: om_pdf_crypt.h.
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

#endif
