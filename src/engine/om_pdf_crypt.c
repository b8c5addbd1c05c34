/*++
 * NAME
 *	om_pdf_crypt 3
 * SUMMARY
 *	the PDF standard security handler: the empty user password
 * DESCRIPTION
 *	See om_pdf_crypt.h. Kept apart from om_pdf.c (which parses) and
 *	om_encrypt.c (which says whether a file needs a key), so that each
 *	depends on this and not on the other.
 *--*/
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "om_pdf_crypt.h"

static const unsigned char pdf_pad[32] = {
	0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56,
	0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80,
	0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
};

/* md5_rc4 helpers over EVP */
static void
digest(const EVP_MD *md, const unsigned char *const *parts, const size_t *lens, int n, unsigned char *out)
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	unsigned ol;

	EVP_DigestInit_ex(c, md, NULL);
	for (int i = 0; i < n; i++)
		EVP_DigestUpdate(c, parts[i], lens[i]);
	EVP_DigestFinal_ex(c, out, &ol);
	EVP_MD_CTX_free(c);
}

/* rc4 - RC4 over a small buffer (own code: RC4 is legacy in OpenSSL 3) */
static void
rc4(const unsigned char *key, size_t klen, const unsigned char *in, unsigned char *out, size_t len)
{
	unsigned char S[256];
	unsigned i, j = 0;

	for (i = 0; i < 256; i++)
		S[i] = (unsigned char) i;
	for (i = 0; i < 256; i++) {
		unsigned char t = S[i];

		j = (j + t + key[i % klen]) & 0xff;
		S[i] = S[j];
		S[j] = t;
	}
	i = j = 0;
	for (size_t k = 0; k < len; k++) {
		unsigned char t;

		i = (i + 1) & 0xff;
		j = (j + S[i]) & 0xff;
		t = S[i];
		S[i] = S[j];
		S[j] = t;
		out[k] = in[k] ^ S[(S[i] + S[j]) & 0xff];
	}
}

/* aes_cbc - AES-CBC without padding; enc 1 encrypt, 0 decrypt */
static int
aes_cbc(const unsigned char *key, size_t klen, const unsigned char *iv, const unsigned char *in,
	size_t len, unsigned char *out, int enc)
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	const EVP_CIPHER *ci = klen == 32 ? EVP_aes_256_cbc() : EVP_aes_128_cbc();
	int     ol = 0, fl = 0, ok;

	ok = EVP_CipherInit_ex(c, ci, NULL, key, iv, enc) == 1
		&& EVP_CIPHER_CTX_set_padding(c, 0) == 1
		&& EVP_CipherUpdate(c, out, &ol, in, (int) len) == 1
		&& EVP_CipherFinal_ex(c, out + ol, &fl) == 1;
	EVP_CIPHER_CTX_free(c);
	return (ok ? ol + fl : -1);
}

/* hash_2b - ISO 32000-2 algorithm 2.B for the empty password, no user key */
static void
hash_2b(const unsigned char *salt, unsigned char *out)
{
	unsigned char K[64], K1[64 * 64], E[64 * 64];
	size_t  klen = 32;
	const unsigned char *pp[1];
	size_t  pl[1];

	pp[0] = salt;
	pl[0] = 8;
	digest(EVP_sha256(), pp, pl, 1, K);
	for (int round = 0; round < 64 + 256; round++) {
		int     n, sum = 0;

		for (int r = 0; r < 64; r++)
			memcpy(K1 + r * klen, K, klen);
		n = aes_cbc(K, 16, K + 16, K1, 64 * klen, E, 1);
		if (n < 0)
			break;
		for (int i = 0; i < 16; i++)
			sum += E[i];
		pp[0] = E;
		pl[0] = (size_t) n;
		switch (sum % 3) {
		case 0: digest(EVP_sha256(), pp, pl, 1, K); klen = 32; break;
		case 1: digest(EVP_sha384(), pp, pl, 1, K); klen = 48; break;
		default: digest(EVP_sha512(), pp, pl, 1, K); klen = 64; break;
		}
		if (round >= 63 && E[n - 1] <= round - 31)
			break;
	}
	memcpy(out, K, 32);
}

/* om_pdf_crypt_key - see om_pdf_crypt.h */
int
om_pdf_crypt_key(const om_pdf_sec *sec, om_pdf_crypt *pc)
{
	const unsigned char *O = sec->O, *U = sec->U, *UE = sec->UE, *ID = sec->ID;
	size_t  olen = sec->olen, ulen = sec->ulen, uelen = sec->uelen, idlen = sec->idlen;
	long    R = sec->R, P = sec->P, Length = sec->Length;
	int     encmeta = sec->encmeta;

	memset(pc, 0, sizeof(*pc));
	if (O == NULL || U == NULL)
		return (OM_PDF_LOCKED);
	if (UE == NULL)
		uelen = 0;
	if (ID == NULL)
		idlen = 0;
	pc->rev = (int) R;
	if (R == 5 || R == 6) {
		unsigned char h[32], ik[32], zero[16];
		const unsigned char *pp[1];
		size_t  pl[1];

		if (ulen < 48 || uelen < 32)
			return (OM_PDF_LOCKED);
		if (R == 5) {
			pp[0] = U + 32;
			pl[0] = 8;
			digest(EVP_sha256(), pp, pl, 1, h);
		} else
			hash_2b(U + 32, h);
		if (memcmp(h, U, 32) != 0)
			return (OM_PDF_LOCKED);
		if (R == 5) {
			pp[0] = U + 40;
			digest(EVP_sha256(), pp, pl, 1, ik);
		} else
			hash_2b(U + 40, ik);
		memset(zero, 0, sizeof(zero));
		if (aes_cbc(ik, 32, zero, UE, 32, pc->key, 0) != 32)
			return (OM_PDF_LOCKED);
		pc->keylen = 32;
		pc->aes = 2;
		return (OM_PDF_OPEN);
	}
	if (R < 2 || R > 4 || olen < 32 || ulen < 32)
		return (OM_PDF_LOCKED);
	{
		unsigned char p4[4], k[16], ff[4] = {0xff, 0xff, 0xff, 0xff}, chk[32];
		const unsigned char *pp[5];
		size_t  pl[5], n = R == 2 ? 5 : (size_t) (Length / 8);
		int     np = 4;

		if (n < 5 || n > 16)
			n = 5;
		for (int i = 0; i < 4; i++)
			p4[i] = (unsigned char) ((unsigned long) P >> (8 * i));
		pp[0] = pdf_pad, pl[0] = 32;
		pp[1] = O, pl[1] = 32;
		pp[2] = p4, pl[2] = 4;
		pp[3] = ID, pl[3] = idlen;
		if (R >= 4 && !encmeta)
			pp[4] = ff, pl[4] = 4, np = 5;
		digest(EVP_md5(), pp, pl, np, k);
		if (R >= 3)
			for (int i = 0; i < 50; i++) {
				pp[0] = k, pl[0] = n;
				digest(EVP_md5(), pp, pl, 1, k);
			}
		if (R == 2) {
			rc4(k, n, pdf_pad, chk, 32);
			if (memcmp(chk, U, 32) != 0)
				return (OM_PDF_LOCKED);
		} else {
			unsigned char h[16], t[16], xk[16];

			pp[0] = pdf_pad, pl[0] = 32;
			pp[1] = ID, pl[1] = idlen;
			digest(EVP_md5(), pp, pl, 2, h);
			rc4(k, n, h, t, 16);
			for (int i = 1; i <= 19; i++) {
				for (size_t j = 0; j < n; j++)
					xk[j] = (unsigned char) (k[j] ^ i);
				rc4(xk, n, t, t, 16);
			}
			if (memcmp(t, U, 16) != 0)
				return (OM_PDF_LOCKED);
		}
		memcpy(pc->key, k, n);
		pc->keylen = n;
		pc->aes = sec->aesv2 ? 1 : 0;
	}
	return (OM_PDF_OPEN);
}

/* om_pdf_crypt_stream - decrypt one string or stream of object num gen */
int
om_pdf_crypt_stream(const om_pdf_crypt *pc, unsigned num, unsigned gen,
		    const unsigned char *in, size_t len, om_buf *out)
{
	unsigned char k[32], *tmp;
	size_t  kl;
	int     n;

	if (pc->aes == 2) {
		memcpy(k, pc->key, 32);
		kl = 32;
	} else {
		const unsigned char *pp[1];
		size_t  pl[1], ol = pc->keylen;

		{
			unsigned char buf[16 + 9];

			memcpy(buf, pc->key, pc->keylen);
			buf[ol++] = (unsigned char) num;
			buf[ol++] = (unsigned char) (num >> 8);
			buf[ol++] = (unsigned char) (num >> 16);
			buf[ol++] = (unsigned char) gen;
			buf[ol++] = (unsigned char) (gen >> 8);
			if (pc->aes == 1)
				memcpy(buf + ol, "sAlT", 4), ol += 4;
			pp[0] = buf;
			pl[0] = ol;
			digest(EVP_md5(), pp, pl, 1, k);
		}
		kl = pc->keylen + 5 > 16 ? 16 : pc->keylen + 5;
	}
	if (pc->aes == 0) {
		if ((tmp = malloc(len ? len : 1)) == NULL)
			return (-1);
		rc4(k, kl, in, tmp, len);
		n = om_buf_append(out, tmp, len);
		free(tmp);
		return (n);
	}
	if (len < 32 || (len - 16) % 16)
		return (-1);
	if ((tmp = malloc(len)) == NULL)
		return (-1);
	n = aes_cbc(k, kl, in, in + 16, len - 16, tmp, 0);
	if (n > 0 && tmp[n - 1] >= 1 && tmp[n - 1] <= 16)
		n -= tmp[n - 1];
	if (n >= 0)
		n = om_buf_append(out, tmp, (size_t) n);
	free(tmp);
	return (n);
}
