/*++
 * NAME
 *	om_encrypt 3
 * SUMMARY
 *	encryption state of files, by their structure
 * DESCRIPTION
 *	See om_encrypt.h. Each format is recognised by its own structure,
 *	never by a file name, and every parse is bounded by the buffer
 *	length and by fixed loop counts.
 *
 *	PDF: the standard security handler only. For R2-R4 the empty user
 *	password is tried with the MD5/RC4 algorithms of ISO 32000-1 7.6.3
 *	(algorithms 2, 4, 5); for R5 with SHA-256 and for R6 with the
 *	hash of ISO 32000-2 algorithm 2.B. If it opens, the PDF is not
 *	encrypted for our purpose (owner password only). Any other
 *	security handler (/Filter other than /Standard) counts as locked.
 *--*/
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

#include "om_bytes.h"
#include "om_encrypt.h"
#include "om_pdf.h"

/* memfind - first occurrence of needle in [p, p+len) */
static const unsigned char *
memfind(const unsigned char *p, size_t len, const void *needle, size_t nlen)
{
	return (nlen && len >= nlen ? memmem(p, len, needle, nlen) : NULL);
}

/*
 * ZIP: central directory entries (PK\1\2). Bit 0 of the general purpose
 * flags says "encrypted"; method 99 with extra field 0x9901 is WinZip
 * AES, anything else encrypted is the traditional PKWARE cipher. Bit 6
 * (strong encryption) is PKWARE's own strong scheme: not weak.
 */
typedef int (*zip_cd_fn) (void *ctx, const unsigned char *name, size_t nlen, int enc);

#define ZIP_CD_MAX	100000

/* zip_walk_cd - call fn for each central directory entry */
static int
zip_walk_cd(const unsigned char *z, size_t len, zip_cd_fn fn, void *ctx)
{
	const unsigned char *eocd = NULL;
	size_t  off, n = 0;

	if (len < 22)
		return (-1);
	for (size_t i = len - 22 + 1; i-- > 0 && len - i <= 22 + 65535;)
		if (memcmp(z + i, "PK\5\6", 4) == 0) {
			eocd = z + i;
			break;
		}
	if (eocd == NULL)
		return (-1);
	off = om_le32(eocd + 16);
	if (off == 0xffffffffu || off >= len) {
		/* ZIP64 or offset shifted by prepended data: search for the first entry. */
		const unsigned char *p = memfind(z, len, "PK\1\2", 4);

		if (p == NULL)
			return (-1);
		off = (size_t) (p - z);
	}
	while (off + 46 <= len && memcmp(z + off, "PK\1\2", 4) == 0 && n++ < ZIP_CD_MAX) {
		const unsigned char *e = z + off;
		unsigned flags = om_le16(e + 8), method = om_le16(e + 10);
		size_t  nlen = om_le16(e + 28), xlen = om_le16(e + 30), clen = om_le16(e + 32);
		int     enc = OM_ENC_NO;

		if (off + 46 + nlen + xlen > len)
			break;
		if (flags & 1) {
			int     aes = (method == 99);
			const unsigned char *x = e + 46 + nlen, *xe = x + xlen;

			while (x + 4 <= xe) {
				unsigned id = om_le16(x), sz = om_le16(x + 2);

				if (id == 0x9901)
					aes = 1;
				x += 4 + sz;
			}
			enc = (aes || (flags & 0x40)) ? OM_ENC_YES : OM_ENC_WEAK;
		}
		if (fn(ctx, e + 46, nlen, enc))
			return (0);
		off += 46 + nlen + xlen + clen;
	}
	return (0);
}

typedef struct zip_find {
	const char *name;
	int	enc;
	int	found;
	int	n_aes, n_weak;
} zip_find;

/* zip_find_cb - match one member by name */
static int
zip_find_cb(void *ctx, const unsigned char *name, size_t nlen, int enc)
{
	zip_find *zf = ctx;

	if (enc == OM_ENC_YES)
		zf->n_aes++;
	else if (enc == OM_ENC_WEAK)
		zf->n_weak++;
	if (zf->name && strlen(zf->name) == nlen && memcmp(zf->name, name, nlen) == 0) {
		zf->enc = enc;
		zf->found = 1;
	}
	return (0);
}

/* om_encrypt_zip_member - how one member is encrypted (see om_encrypt.h) */
int
om_encrypt_zip_member(const unsigned char *zip, size_t len, const char *name, const char **kind)
{
	zip_find zf;

	memset(&zf, 0, sizeof(zf));
	zf.name = name;
	if (zip_walk_cd(zip, len, zip_find_cb, &zf) < 0)
		return (-1);
	if (!zf.found) {
		/* Name not matched (charset conversion): judge by the weakest. */
		if (zf.n_weak)
			zf.enc = OM_ENC_WEAK;
		else if (zf.n_aes)
			zf.enc = OM_ENC_YES;
		else
			return (-1);
	}
	if (kind)
		*kind = zf.enc == OM_ENC_WEAK ? "zip.zipcrypto" : zf.enc == OM_ENC_YES ? "zip.aes" : NULL;
	return (zf.enc);
}

/* om_encrypt_zip_any - count AES and weak members of a zip */
int
om_encrypt_zip_any(const unsigned char *zip, size_t len, int *n_aes, int *n_weak)
{
	zip_find zf;

	memset(&zf, 0, sizeof(zf));
	if (zip_walk_cd(zip, len, zip_find_cb, &zf) < 0)
		return (-1);
	*n_aes = zf.n_aes;
	*n_weak = zf.n_weak;
	return (0);
}

/*
 * RAR. RAR4: blocks of CRC16, type, flags, size; the main header (0x73)
 * flag 0x80 means encrypted headers, a file header (0x74) flag 0x04 an
 * encrypted file. RAR5: blocks of CRC32, vint size, vint type; type 4
 * is the archive encryption header (everything after it encrypted), a
 * file header (2) with an extra record of type 1 is an encrypted file.
 */
#define RAR_BLOCKS_MAX	10000

/* vint - RAR5 variable-length integer */
static int
vint(const unsigned char **pp, const unsigned char *end, uint64_t *v)
{
	const unsigned char *p = *pp;

	*v = 0;
	for (int sh = 0; p < end && sh < 64; sh += 7) {
		*v |= (uint64_t) (*p & 0x7f) << sh;
		if ((*p++ & 0x80) == 0) {
			*pp = p;
			return (0);
		}
	}
	return (-1);
}

/* rar5_state - walk RAR5 headers */
static int
rar5_state(const unsigned char *d, size_t len, const char **kind)
{
	const unsigned char *p = d + 8, *end = d + len;

	for (int n = 0; n < RAR_BLOCKS_MAX && p + 4 < end; n++) {
		const unsigned char *h = p + 4, *body;
		uint64_t hsize, type, hflags, xsize = 0, dsize = 0;

		if (vint(&h, end, &hsize) < 0 || hsize > (uint64_t) (end - h))
			return (OM_ENC_NO);
		body = h;
		if (vint(&h, body + hsize, &type) < 0 || vint(&h, body + hsize, &hflags) < 0)
			return (OM_ENC_NO);
		if (type == 4) {
			*kind = "rar5.headers";
			return (OM_ENC_YES);
		}
		if ((hflags & 1) && vint(&h, body + hsize, &xsize) < 0)
			return (OM_ENC_NO);
		if ((hflags & 2) && vint(&h, body + hsize, &dsize) < 0)
			return (OM_ENC_NO);
		if ((type == 2 || type == 3) && xsize && xsize <= hsize) {
			const unsigned char *x = body + hsize - xsize, *xe = body + hsize;

			for (int k = 0; k < 64 && x < xe; k++) {
				uint64_t rsize, rtype;
				const unsigned char *r;

				if (vint(&x, xe, &rsize) < 0 || rsize > (uint64_t) (xe - x))
					break;
				r = x;
				if (vint(&r, x + rsize, &rtype) == 0 && rtype == 1 && type == 2) {
					*kind = "rar5.file";
					return (OM_ENC_YES);
				}
				x += rsize;
			}
		}
		if (type == 5)
			break;
		if (dsize > (uint64_t) (end - (body + hsize)))
			break;
		p = body + hsize + dsize;
	}
	return (OM_ENC_NO);
}

/* rar4_state - walk RAR4 blocks */
static int
rar4_state(const unsigned char *d, size_t len, const char **kind)
{
	size_t  off = 7;

	for (int n = 0; n < RAR_BLOCKS_MAX && off + 7 <= len; n++) {
		const unsigned char *b = d + off;
		unsigned type = b[2], flags = om_le16(b + 3), size = om_le16(b + 5);
		uint64_t add = 0;

		if (size < 7)
			break;
		if (type == 0x73 && (flags & 0x80)) {
			*kind = "rar4.headers";
			return (OM_ENC_YES);
		}
		if (type == 0x74 && (flags & 0x04)) {
			*kind = "rar4.file";
			return (OM_ENC_YES);
		}
		if ((flags & 0x8000) && off + 11 <= len)
			add = om_le32(b + 7);
		if (type == 0x7b)
			break;
		off += size + add;
	}
	return (OM_ENC_NO);
}

/*
 * 7z: the next header is either a plain header (0x01) or an encoded
 * one (0x17) whose coder list is in clear. AES in that coder list
 * means the header itself is encrypted (7z -mhe). Encrypted data with
 * clear headers is seen by libarchive per entry.
 */
static int
sevenz_state(const unsigned char *d, size_t len, const char **kind)
{
	uint64_t off, size;
	static const unsigned char aes_id[] = {0x06, 0xf1, 0x07, 0x01};

	if (len < 32)
		return (OM_ENC_NO);
	off = (uint64_t) om_le32(d + 12) | ((uint64_t) om_le32(d + 16) << 32);
	size = (uint64_t) om_le32(d + 20) | ((uint64_t) om_le32(d + 24) << 32);
	if (off > len - 32 || size > len - 32 - off || size == 0)
		return (OM_ENC_NO);
	if (d[32 + off] == 0x17 && memfind(d + 32 + off, (size_t) size, aes_id, sizeof(aes_id))) {
		*kind = "7z.headers";
		return (OM_ENC_YES);
	}
	return (OM_ENC_NO);
}

/*
 * OLE compound files. Directory entries are 128 bytes at 128-byte
 * aligned offsets (sectors are 512 or 4096 bytes); a name is UTF-16LE
 * with its byte length (NUL included) at +64 and the object type at +66.
 */
static int
ole_has_stream(const unsigned char *d, size_t len, const char *name)
{
	size_t  nl = strlen(name);
	unsigned char u[64];

	if (nl >= 31)
		return (0);
	memset(u, 0, sizeof(u));
	for (size_t i = 0; i < nl; i++)
		u[2 * i] = (unsigned char) name[i];
	for (size_t off = 512; off + 128 <= len; off += 128)
		if (d[off + 66] == 2 && om_le16(d + off + 64) == (nl + 1) * 2
		    && memcmp(d + off, u, (nl + 1) * 2) == 0)
			return (1);
	return (0);
}

/* ole_state - encrypted OOXML, Word 97 fEncrypted, Excel FILEPASS */
static int
ole_state(const unsigned char *d, size_t len, const char **kind)
{
	size_t  ssz = (size_t) 1 << (om_le16(d + 30) & 15);

	if (ole_has_stream(d, len, "EncryptionInfo") && ole_has_stream(d, len, "EncryptedPackage")) {
		*kind = "ole.encrypted_package";
		return (OM_ENC_YES);
	}
	if (ssz != 512 && ssz != 4096)
		ssz = 512;
	for (size_t off = ssz; off + 32 <= len; off += ssz) {
		const unsigned char *s = d + off;

		/* Word FIB: wIdent 0xA5EC, nFib, flags with fEncrypted 0x0100. */
		if (s[0] == 0xec && s[1] == 0xa5 && om_le16(s + 2) >= 0x65 && om_le16(s + 2) <= 0x200
		    && ole_has_stream(d, len, "WordDocument")) {
			if (om_le16(s + 10) & 0x0100) {
				*kind = "doc.fib_encrypted";
				return (OM_ENC_YES);
			}
			return (OM_ENC_NO);
		}
		/* BIFF8 workbook globals: BOF 0x0809, version 0x0600, type 5. */
		if (om_le16(s) == 0x0809 && om_le16(s + 4) == 0x0600 && om_le16(s + 6) == 0x0005) {
			size_t  r = off;

			for (int n = 0; n < 4096 && r + 4 <= len; n++) {
				unsigned type = om_le16(d + r), rl = om_le16(d + r + 2);

				if (type == 0x002f) {
					*kind = "xls.filepass";
					return (OM_ENC_YES);
				}
				if (type == 0x000a)
					break;
				r += 4 + rl;
			}
			return (OM_ENC_NO);
		}
	}
	return (OM_ENC_NO);
}

/* only_blanks - nothing but whitespace and NULs in [p, end) */
static int
only_blanks(const unsigned char *p, const unsigned char *end)
{
	for (; p < end; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n' && *p != 0)
			return (0);
	return (1);
}

/*
 * CMS (S/MIME): the DER is parsed by openssl. Encrypted only when the
 * whole file is one ContentInfo of type EnvelopedData or
 * AuthEnvelopedData. A file that starts like one (a SEQUENCE whose
 * first bytes hold either content type OID) but does not parse, or
 * parses as EncryptedData, or carries bytes after the structure, only
 * claims encryption: OM_ENC_BROKEN.
 */
static const unsigned char oid_enveloped[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x03};
static const unsigned char oid_auth_enveloped[] = {
	0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01, 0x17,
};

/* cms_state - S/MIME enveloped data, judged by openssl's parse */
static int
cms_state(const unsigned char *d, size_t len, const char **kind)
{
	const unsigned char *p = d;
	size_t  head = len < 32 ? len : 32;
	int     claims, nid, ret = OM_ENC_NO;
	CMS_ContentInfo *ci;

	claims = memfind(d, head, oid_enveloped, sizeof(oid_enveloped)) != NULL
	    || memfind(d, head, oid_auth_enveloped, sizeof(oid_auth_enveloped)) != NULL;
	if (len > 0x7fffffff)
		return (claims ? OM_ENC_BROKEN : OM_ENC_NO);
	ci = d2i_CMS_ContentInfo(NULL, &p, (long) len);
	if (ci == NULL)
		return (claims ? OM_ENC_BROKEN : OM_ENC_NO);
	nid = OBJ_obj2nid(CMS_get0_type(ci));
	if (nid == NID_pkcs7_enveloped || nid == NID_id_smime_ct_authEnvelopedData) {
		if (only_blanks(p, d + len)) {
			*kind = "smime.enveloped";
			ret = OM_ENC_YES;
		} else
			ret = OM_ENC_BROKEN;
	} else if (nid == NID_pkcs7_encrypted || claims)
		ret = OM_ENC_BROKEN;
	CMS_ContentInfo_free(ci);
	return (ret);
}

/*
 * om_encrypt_cms_signed - the content an opaque S/MIME signature wraps.
 * An application/pkcs7-mime signed-data part is not encrypted: it
 * holds the whole signed MIME entity, which is read like any other.
 * 0 with a malloc'd copy of the content; 1 for a SignedData without
 * content (certs-only, a .p7c: certificates, nothing else to read);
 * -1 when the bytes are not a CMS SignedData.
 */
int
om_encrypt_cms_signed(const unsigned char *d, size_t len, unsigned char **content, size_t *clen)
{
	const unsigned char *p = d;
	CMS_ContentInfo *ci;
	ASN1_OCTET_STRING **pos;
	int     ret = -1;

	*content = NULL;
	*clen = 0;
	if (len < 16 || len > 0x7fffffff || d[0] != 0x30)
		return (-1);
	if ((ci = d2i_CMS_ContentInfo(NULL, &p, (long) len)) == NULL)
		return (-1);
	if (OBJ_obj2nid(CMS_get0_type(ci)) != NID_pkcs7_signed)
		ret = -1;
	else if ((pos = CMS_get0_content(ci)) == NULL || *pos == NULL || ASN1_STRING_length(*pos) <= 0)
		ret = p == d + len ? 1 : -1;
	else {
		*clen = (size_t) ASN1_STRING_length(*pos);
		if ((*content = malloc(*clen)) != NULL) {
			memcpy(*content, ASN1_STRING_get0_data(*pos), *clen);
			ret = 0;
		}
	}
	CMS_ContentInfo_free(ci);
	return (ret);
}

/*
 * OpenPGP (RFC 4880, RFC 9580). A message is encrypted when its packet
 * sequence is one or more public-key or symmetric-key encrypted session
 * key packets (tags 1, 3), then one encrypted data packet (SED 9,
 * SEIPD 18, AEAD 20) that runs exactly to the end. Both header formats
 * are read; partial body lengths only where the format allows them
 * (data packets) and at most PGP_CHUNKS_MAX of them.
 */
#define PGP_PACKETS_MAX	10000
#define PGP_SIGNATURES	(-1)		/* pgp_packets: signature packets only */
#define PGP_CHUNKS_MAX	100000

/*
 * pgp_header - the packet at p: its tag, the first byte of its body
 * and where the next packet starts; -1 when malformed or cut short
 */
static int
pgp_header(const unsigned char *p, const unsigned char *end, int *tag,
	   const unsigned char **first, const unsigned char **next)
{
	const unsigned char *q = p + 1;
	int     chunks = 0;

	if (p >= end || !(p[0] & 0x80))
		return (-1);
	if (!(p[0] & 0x40)) {
		static const int lbytes[4] = {1, 2, 4, 0};
		int     lt = p[0] & 3;
		uint64_t n = 0;

		*tag = (p[0] >> 2) & 0x0f;
		if (lt == 3) {			/* indeterminate: to the end */
			*first = q;
			*next = end;
			return (q < end ? 0 : -1);
		}
		if (end - q < lbytes[lt])
			return (-1);
		for (int i = 0; i < lbytes[lt]; i++)
			n = n << 8 | *q++;
		if ((uint64_t) (end - q) < n)
			return (-1);
		*first = q;
		*next = q + n;
		return (0);
	}
	*tag = p[0] & 0x3f;
	*first = NULL;
	for (;;) {
		uint64_t n;
		int     partial = 0;

		if (q >= end)
			return (-1);
		if (*q < 192) {
			n = *q++;
		} else if (*q < 224) {
			if (end - q < 2)
				return (-1);
			n = ((uint64_t) (q[0] - 192) << 8) + q[1] + 192;
			q += 2;
		} else if (*q == 255) {
			if (end - q < 5)
				return (-1);
			n = (uint64_t) q[1] << 24 | (uint64_t) q[2] << 16 | (uint64_t) q[3] << 8 | q[4];
			q += 5;
		} else {
			/* Partial body length: data packets only, then another length. */
			if ((*tag != 8 && *tag != 9 && *tag != 11 && *tag != 18 && *tag != 20)
			    || ++chunks > PGP_CHUNKS_MAX)
				return (-1);
			n = (uint64_t) 1 << (*q & 0x1f);
			q++;
			partial = 1;
		}
		if ((uint64_t) (end - q) < n)
			return (-1);
		if (*first == NULL && n > 0)
			*first = q;
		q += n;
		if (!partial) {
			if (*first == NULL)
				*first = q;	/* empty body: first == next */
			*next = q;
			return (0);
		}
	}
}

/*
 * pgp_packets - OM_ENC_YES for an encrypted OpenPGP message filling
 * [d, d+len); OM_ENC_BROKEN when it starts with a well-formed session
 * key packet but the rest is not such a message; OM_ENC_NO otherwise
 */
static int
pgp_packets(const unsigned char *d, size_t len)
{
	const unsigned char *p = d, *end = d + len;
	int     esk = 0, sigs = 0;

	for (int n = 0; n < PGP_PACKETS_MAX && p < end; n++) {
		const unsigned char *first, *next;
		int     tag;

		if (pgp_header(p, end, &tag, &first, &next) < 0)
			return (esk ? OM_ENC_BROKEN : OM_ENC_NO);
		/* Detached signatures only (old clients armor them as MESSAGE): nothing to read. */
		if (tag == 2 && esk == 0 && sigs == n) {
			sigs++;
			if ((p = next) == end)
				return (PGP_SIGNATURES);
			continue;
		}
		if (tag == 1 || tag == 3) {
			/* PKESK v3/v6, SKESK v4/v5/v6: a version byte and more. */
			if (next - first < 2 || (tag == 1 && first[0] != 3 && first[0] != 6)
			    || (tag == 3 && (first[0] < 4 || first[0] > 6)))
				return (esk ? OM_ENC_BROKEN : OM_ENC_NO);
			esk++;
			p = next;
			continue;
		}
		if (!esk)
			return (OM_ENC_NO);
		if ((tag == 9 || tag == 18 || tag == 20) && next == end && first < next
		    && (tag != 18 || first[0] == 1 || first[0] == 2))
			return (OM_ENC_YES);
		return (OM_ENC_BROKEN);
	}
	return (esk ? OM_ENC_BROKEN : OM_ENC_NO);
}

/* crc24 - the OpenPGP armor checksum (RFC 4880 6.1) */
static uint32_t
crc24(const unsigned char *d, size_t len)
{
	uint32_t crc = 0xb704ce;

	for (size_t i = 0; i < len; i++) {
		crc ^= (uint32_t) d[i] << 16;
		for (int k = 0; k < 8; k++) {
			crc <<= 1;
			if (crc & 0x1000000)
				crc ^= 0x1864cfb;
		}
	}
	return (crc & 0xffffff);
}

/* b64_decode - base64 of [p, end), blanks skipped; -1 on any other byte */
static long
b64_decode(const unsigned char *p, const unsigned char *end, unsigned char *out)
{
	uint32_t acc = 0;
	int     bits = 0, pad = 0;
	long    n = 0;

	for (; p < end; p++) {
		int     v;

		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			continue;
		if (*p == '=') {
			pad++;
			continue;
		}
		if (pad || (v = om_b64_value(*p)) < 0)
			return (-1);
		acc = acc << 6 | (uint32_t) v;
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[n++] = (unsigned char) (acc >> bits);
		}
	}
	return (pad > 2 ? -1 : n);
}

/* line_end - end of the line at p (at its newline), or end */
static const unsigned char *
line_end(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *nl = memchr(p, '\n', (size_t) (end - p));

	return (nl ? nl : end);
}

/* starts - [p, end) starts with the string */
static int
starts(const unsigned char *p, const unsigned char *end, const char *s)
{
	size_t  n = strlen(s);

	return ((size_t) (end - p) >= n && memcmp(p, s, n) == 0);
}

static const char pgp_begin[] = "-----BEGIN PGP MESSAGE-----";
static const char pgp_end[] = "-----END PGP MESSAGE-----";

/* pgp_armored - first "-----BEGIN PGP MESSAGE-----" at the start of a line, or NULL */
static const unsigned char *
pgp_armored(const unsigned char *d, size_t len)
{
	const unsigned char *p = d, *end = d + len;

	while (p < end && (p = memfind(p, (size_t) (end - p), pgp_begin, sizeof(pgp_begin) - 1)) != NULL) {
		if (p == d || p[-1] == '\n')
			return (p);
		p += sizeof(pgp_begin) - 1;
	}
	return (NULL);
}

/*
 * pgp_armor_state - a file that carries an armor header line at p. The
 * block (header line, armor headers, base64, optional =CRC24 that must
 * match, footer line) must decode to an encrypted OpenPGP message, or
 * the file only claims encryption: OM_ENC_BROKEN. *alone says whether
 * the block is all there is (blanks aside); a second armor header
 * outside it is OM_ENC_BROKEN too.
 */
static int
pgp_armor_state(const unsigned char *d, size_t len, const unsigned char *p, int *alone)
{
	const unsigned char *end = d + len, *b64s, *b64e = NULL, *crc = NULL, *after;
	unsigned char *bin;
	long    n;
	int     st;

	*alone = only_blanks(d, p);
	if (!only_blanks(p + sizeof(pgp_begin) - 1, line_end(p, end)))
		return (OM_ENC_BROKEN);
	/* Armor headers ("Version: ..."), up to an empty line. */
	for (p = line_end(p, end) + 1; p < end; p = line_end(p, end) + 1) {
		const unsigned char *le = line_end(p, end);

		if (only_blanks(p, le))
			break;
		if (memchr(p, ':', (size_t) (le - p)) == NULL)
			return (OM_ENC_BROKEN);
	}
	if (p >= end)
		return (OM_ENC_BROKEN);
	b64s = p = line_end(p, end) + 1;
	for (; p < end; p = line_end(p, end) + 1) {
		if (starts(p, end, pgp_end)) {
			if (b64e == NULL)
				b64e = p;
			break;
		}
		if (*p == '=' && b64e == NULL) {
			b64e = p;
			crc = p + 1;
		} else if (b64e != NULL)
			return (OM_ENC_BROKEN);		/* text after the checksum */
	}
	if (p >= end || b64e == NULL || !only_blanks(p + sizeof(pgp_end) - 1, line_end(p, end)))
		return (OM_ENC_BROKEN);
	after = line_end(p, end);
	if (!only_blanks(after, end)) {
		*alone = 0;
		if (pgp_armored(after, (size_t) (end - after)))
			return (OM_ENC_BROKEN);
	}
	if ((bin = malloc((size_t) (b64e - b64s) / 4 * 3 + 3)) == NULL)
		return (OM_ENC_BROKEN);
	n = b64_decode(b64s, b64e, bin);
	st = n > 0 ? pgp_packets(bin, (size_t) n) : OM_ENC_BROKEN;
	if ((st == OM_ENC_YES || st == PGP_SIGNATURES) && crc) {
		unsigned char c[4];
		const unsigned char *ce = line_end(crc, end);

		if (b64_decode(crc, ce, c) != 3
		    || ((uint32_t) c[0] << 16 | (uint32_t) c[1] << 8 | c[2]) != crc24(bin, (size_t) n))
			st = OM_ENC_BROKEN;
	}
	free(bin);
	if (st == PGP_SIGNATURES && *alone)
		return (OM_ENC_NO);
	return (st == OM_ENC_YES ? OM_ENC_YES : OM_ENC_BROKEN);
}

/* om_encrypt_blob - see om_encrypt.h */
int
om_encrypt_blob(const unsigned char *d, size_t len, const char **kind)
{
	const unsigned char *armor;
	const char *k = NULL;
	int     st = OM_ENC_NO;

	if (om_pdf_is(d, len)) {
		if (om_pdf_crypt_state(d, len) == OM_PDF_LOCKED) {
			k = "pdf.user_password";
			st = OM_ENC_YES;
		}
	} else if (len >= 512 && memcmp(d, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
		st = ole_state(d, len, &k);
	else if (len >= 8 && memcmp(d, "Rar!\x1a\x07\x01\x00", 8) == 0)
		st = rar5_state(d, len, &k);
	else if (len >= 7 && memcmp(d, "Rar!\x1a\x07\x00", 7) == 0)
		st = rar4_state(d, len, &k);
	else if (len >= 32 && memcmp(d, "7z\xbc\xaf\x27\x1c", 6) == 0)
		st = sevenz_state(d, len, &k);
	else if (len >= 16 && d[0] == 0x30)
		st = cms_state(d, len, &k);
	else if ((armor = pgp_armored(d, len < 65536 ? len : 65536)) != NULL) {
		int     alone;

		if ((st = pgp_armor_state(d, len, armor, &alone)) == OM_ENC_YES)
			k = alone ? "pgp.armored" : "pgp.inline";
	} else if (len >= 2 && (d[0] & 0x80)) {
		if ((st = pgp_packets(d, len)) == OM_ENC_YES)
			k = "pgp.binary";
		else if (st == PGP_SIGNATURES)
			st = OM_ENC_NO;
	}
	if (kind)
		*kind = k;
	return (st);
}
