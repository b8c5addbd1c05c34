/*
 * test_encrypt - om_encrypt_blob() and om_encrypt_zip_member() on small
 * files built here in memory: ZIP AES, ZipCrypto and clear members,
 * RAR4/RAR5 encryption flags, 7z encrypted headers, PDF /Encrypt with
 * an empty and a non-empty user password, OLE EncryptionInfo, Word
 * fEncrypted, Excel FILEPASS, CMS enveloped-data made with openssl,
 * PGP armor. Every prefix and many damaged copies of each sample are
 * judged too: they must come back without a crash (ASan build).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "om_test.h"
#include "om_encrypt.h"
#include "om_pdf.h"

#define SAMPLE_MAX	4096

typedef struct sample {
	unsigned char d[SAMPLE_MAX];
	size_t	len;
} sample;

/* put - append bytes */
static void
put(sample *s, const void *p, size_t n)
{
	assert_true(s->len + n <= SAMPLE_MAX);
	memcpy(s->d + s->len, p, n);
	s->len += n;
}

/* put16, put32 - little-endian integers */
static void
put16(sample *s, unsigned v)
{
	unsigned char b[2] = {(unsigned char) v, (unsigned char) (v >> 8)};

	put(s, b, 2);
}

static void
put32(sample *s, unsigned long v)
{
	unsigned char b[4] = {(unsigned char) v, (unsigned char) (v >> 8), (unsigned char) (v >> 16),
	(unsigned char) (v >> 24)};

	put(s, b, 4);
}

/* puts_ - a C string without its NUL */
static void
puts_(sample *s, const char *str)
{
	put(s, str, strlen(str));
}

/*
 * ZIP: one member "a.csv" with general-purpose flags, method and an
 * optional extra field id, then the central directory and its end.
 */
static void
make_zip(sample *s, unsigned flags, unsigned method, unsigned extra_id)
{
	static const char name[] = "a.csv";
	static const char body[] = "0123456789abcdef";
	size_t  cd;
	unsigned xlen = extra_id ? 11 : 0;

	memset(s, 0, sizeof(*s));
	puts_(s, "PK\3\4");
	put16(s, 20), put16(s, flags), put16(s, method), put16(s, 0), put16(s, 0);
	put32(s, 0), put32(s, 16), put32(s, 16), put16(s, 5), put16(s, xlen);
	puts_(s, name);
	if (extra_id)
		put16(s, extra_id), put16(s, 7), put16(s, 2), puts_(s, "AE\3"), put16(s, 8);
	put(s, body, 16);
	cd = s->len;
	puts_(s, "PK\1\2");
	put16(s, 20), put16(s, 20), put16(s, flags), put16(s, method), put16(s, 0), put16(s, 0);
	put32(s, 0), put32(s, 16), put32(s, 16), put16(s, 5), put16(s, xlen), put16(s, 0);
	put16(s, 0), put16(s, 0), put32(s, 0), put32(s, 0);
	puts_(s, name);
	if (extra_id)
		put16(s, extra_id), put16(s, 7), put16(s, 2), puts_(s, "AE\3"), put16(s, 8);
	puts_(s, "PK\5\6");
	put16(s, 0), put16(s, 0), put16(s, 1), put16(s, 1);
	put32(s, (unsigned long) (s->len - cd - 4)), put32(s, (unsigned long) cd), put16(s, 0);
}

/* RAR4: marker, main header (flags), one file header (flags), end block. */
static void
make_rar4(sample *s, unsigned main_flags, unsigned file_flags)
{
	memset(s, 0, sizeof(*s));
	put(s, "Rar!\x1a\x07\x00", 7);
	put16(s, 0), put(s, "\x73", 1), put16(s, main_flags), put16(s, 13), put16(s, 0), put32(s, 0);
	put16(s, 0), put(s, "\x74", 1), put16(s, 0x8000 | file_flags), put16(s, 32), put32(s, 0);
	for (int i = 0; i < 21; i++)
		put(s, "\0", 1);
	put16(s, 0), put(s, "\x7b", 1), put16(s, 0), put16(s, 7);
}

/* RAR5: signature, then header blocks given as bodies (type, flags, ...). */
static void
rar5_block(sample *s, const unsigned char *body, size_t n)
{
	unsigned char hs = (unsigned char) n;

	put32(s, 0);
	put(s, &hs, 1);
	put(s, body, n);
}

static void
make_rar5(sample *s, int mode)
{
	static const unsigned char main_hdr[] = {1, 0, 0};
	static const unsigned char enc_hdr[] = {4, 0, 0, 0, 0};
	/* file header: type 2, flags 1 (extra area), extra size 3, 4 filler, record (2, type, 0) */
	unsigned char file_hdr[] = {2, 1, 3, 0, 0, 0, 0, 2, 1, 0};
	static const unsigned char end_hdr[] = {5, 0, 0};

	memset(s, 0, sizeof(*s));
	put(s, "Rar!\x1a\x07\x01\x00", 8);
	rar5_block(s, main_hdr, sizeof(main_hdr));
	if (mode == 2)
		rar5_block(s, enc_hdr, sizeof(enc_hdr));
	if (mode == 0)
		file_hdr[8] = 2;	/* a hash record, not encryption */
	rar5_block(s, file_hdr, sizeof(file_hdr));
	rar5_block(s, end_hdr, sizeof(end_hdr));
}

/* 7z: signature header pointing at a next header (plain 0x01 or encoded 0x17). */
static void
make_7z(sample *s, int encoded_aes)
{
	static const unsigned char plain[] = {0x01, 0x04, 0x06, 0x00, 0x00};
	static const unsigned char coded[] = {0x17, 0x06, 0x80, 0x01, 0x24, 0x06, 0xf1, 0x07, 0x01, 0x00};

	memset(s, 0, sizeof(*s));
	put(s, "7z\xbc\xaf\x27\x1c\0\4", 8);
	put32(s, 0);
	put32(s, 4), put32(s, 0);
	put32(s, encoded_aes ? sizeof(coded) : sizeof(plain)), put32(s, 0);
	put32(s, 0);
	puts_(s, "data");
	if (encoded_aes)
		put(s, coded, sizeof(coded));
	else
		put(s, plain, sizeof(plain));
}

/* rc4 - for the PDF revision 2 /U value */
static void
rc4(const unsigned char *key, size_t klen, const unsigned char *in, unsigned char *out, size_t len)
{
	unsigned char S[256], t;
	unsigned i, j = 0;

	for (i = 0; i < 256; i++)
		S[i] = (unsigned char) i;
	for (i = 0; i < 256; i++) {
		j = (j + S[i] + key[i % klen]) & 255;
		t = S[i], S[i] = S[j], S[j] = t;
	}
	i = j = 0;
	for (size_t k = 0; k < len; k++) {
		i = (i + 1) & 255;
		j = (j + S[i]) & 255;
		t = S[i], S[i] = S[j], S[j] = t;
		out[k] = in[k] ^ S[(S[i] + S[j]) & 255];
	}
}

static const unsigned char pdf_pad[32] = {
	0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56,
	0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80,
	0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
};

/* puthex - <hex> string */
static void
puthex(sample *s, const unsigned char *b, size_t n)
{
	char    h[3];

	puts_(s, "<");
	for (size_t i = 0; i < n; i++) {
		snprintf(h, sizeof(h), "%02x", b[i]);
		puts_(s, h);
	}
	puts_(s, ">");
}

/*
 * PDF, standard security handler revision 2, user password upw ("" =
 * opens without one; only an owner password is set). encrypt 0: no
 * /Encrypt at all.
 */
static void
make_pdf(sample *s, int encrypt, const char *upw)
{
	unsigned char O[32], ID[16], padded[32], key[16], U[32];
	unsigned char p4[4] = {0xfc, 0xff, 0xff, 0xff};	/* P = -4 */
	size_t  ul = strlen(upw) > 32 ? 32 : strlen(upw);
	unsigned mdlen;
	EVP_MD_CTX *md = EVP_MD_CTX_new();

	memset(s, 0, sizeof(*s));
	puts_(s, "%PDF-1.4\n");
	puts_(s, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
	puts_(s, "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n");
	if (encrypt) {
		for (int i = 0; i < 32; i++)
			O[i] = (unsigned char) (i * 7 + 3);
		for (int i = 0; i < 16; i++)
			ID[i] = (unsigned char) (0xa0 + i);
		memcpy(padded, upw, ul);
		memcpy(padded + ul, pdf_pad, 32 - ul);
		EVP_DigestInit_ex(md, EVP_md5(), NULL);
		EVP_DigestUpdate(md, padded, 32);
		EVP_DigestUpdate(md, O, 32);
		EVP_DigestUpdate(md, p4, 4);
		EVP_DigestUpdate(md, ID, 16);
		EVP_DigestFinal_ex(md, key, &mdlen);
		rc4(key, 5, pdf_pad, U, 32);
		puts_(s, "3 0 obj << /Filter /Standard /V 1 /R 2 /P -4 /O ");
		puthex(s, O, 32);
		puts_(s, " /U ");
		puthex(s, U, 32);
		puts_(s, " >> endobj\n");
	}
	puts_(s, "trailer << /Root 1 0 R");
	if (encrypt) {
		puts_(s, " /Encrypt 3 0 R /ID [");
		puthex(s, ID, 16);
		puthex(s, ID, 16);
		puts_(s, "]");
	}
	puts_(s, " >>\n%%EOF\n");
	EVP_MD_CTX_free(md);
}

/* OLE compound file: header sector, a directory sector, one data sector. */
static void
ole_dirent(sample *s, size_t off, const char *name)
{
	size_t  n = strlen(name);

	for (size_t i = 0; i < n; i++)
		s->d[off + 2 * i] = (unsigned char) name[i];
	s->d[off + 64] = (unsigned char) ((n + 1) * 2);
	s->d[off + 66] = 2;
}

static void
make_ole(sample *s, const char *stream1, const char *stream2, const unsigned char *sector, size_t slen)
{
	memset(s, 0, sizeof(*s));
	memcpy(s->d, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8);
	s->d[26] = 3, s->d[28] = 0xfe, s->d[29] = 0xff, s->d[30] = 9;
	ole_dirent(s, 512, "Root Entry");
	s->d[512 + 66] = 5;
	if (stream1)
		ole_dirent(s, 640, stream1);
	if (stream2)
		ole_dirent(s, 768, stream2);
	if (sector)
		memcpy(s->d + 1024, sector, slen);
	s->len = 1536;
}

/* Word 97 FIB: wIdent, nFib, ..., flags at +10 (fEncrypted 0x0100). */
static void
make_doc(sample *s, int encrypted)
{
	unsigned char fib[32] = {0xec, 0xa5, 0xc1, 0x00};

	if (encrypted)
		fib[11] = 0x01;
	make_ole(s, "WordDocument", "1Table", fib, sizeof(fib));
}

/* Excel BIFF8 globals: BOF, then FILEPASS (0x2f) or not, then EOF. */
static void
make_xls(sample *s, int encrypted)
{
	unsigned char biff[64];
	size_t  n = 0;
	static const unsigned char bof[] = {0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
	static const unsigned char filepass[] = {0x2f, 0x00, 0x06, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00};
	static const unsigned char codepage[] = {0x42, 0x00, 0x02, 0x00, 0xb0, 0x04};
	static const unsigned char eof[] = {0x0a, 0x00, 0x00, 0x00};

	memcpy(biff + n, bof, sizeof(bof)), n += sizeof(bof);
	if (encrypted)
		memcpy(biff + n, filepass, sizeof(filepass)), n += sizeof(filepass);
	memcpy(biff + n, codepage, sizeof(codepage)), n += sizeof(codepage);
	memcpy(biff + n, eof, sizeof(eof)), n += sizeof(eof);
	make_ole(s, "Workbook", NULL, biff, n);
}

/* CMS made by openssl: enveloped-data to a fresh key, or plain data. */
static void
make_cms(sample *s, int enveloped)
{
	BIO    *in = BIO_new_mem_buf("customer list", -1);
	CMS_ContentInfo *ci;
	unsigned char *der = NULL;
	int     n;

	memset(s, 0, sizeof(*s));
	if (enveloped) {
		EVP_PKEY *key = EVP_RSA_gen(1024);
		X509   *x = X509_new();
		STACK_OF(X509) *certs = sk_X509_new_null();
		X509_NAME *nm;

		assert_non_null(key);
		ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
		X509_gmtime_adj(X509_getm_notBefore(x), 0);
		X509_gmtime_adj(X509_getm_notAfter(x), 3600);
		X509_set_pubkey(x, key);
		nm = X509_get_subject_name(x);
		X509_NAME_add_entry_by_txt(nm, "CN", MBSTRING_ASC, (const unsigned char *) "test", -1, -1, 0);
		X509_set_issuer_name(x, nm);
		assert_true(X509_sign(x, key, EVP_sha256()) > 0);
		sk_X509_push(certs, x);
		ci = CMS_encrypt(certs, in, EVP_aes_128_cbc(), CMS_BINARY);
		sk_X509_pop_free(certs, X509_free);
		EVP_PKEY_free(key);
	} else
		ci = CMS_data_create(in, CMS_BINARY);
	assert_non_null(ci);
	n = i2d_CMS_ContentInfo(ci, &der);
	assert_true(n > 0 && (size_t) n <= SAMPLE_MAX);
	put(s, der, (size_t) n);
	OPENSSL_free(der);
	CMS_ContentInfo_free(ci);
	BIO_free(in);
}

/* text - a sample holding a C string */
static void
make_text(sample *s, const char *t)
{
	memset(s, 0, sizeof(*s));
	puts_(s, t);
}

/* The table: how each sample is built and what om_encrypt_blob says. */
enum { K_RAR4, K_RAR5, K_7Z, K_PDF, K_OLE, K_DOC, K_XLS, K_CMS, K_TEXT };

static const struct blob_case {
	const char *what;
	int	kind;
	int	arg;
	const char *text;		/* K_TEXT, or K_PDF user password */
	int	want;
	const char *want_kind;
} blob_cases[] = {
	{"rar4 clear", K_RAR4, 0, NULL, OM_ENC_NO, NULL},
	{"rar4 encrypted file", K_RAR4, 1, NULL, OM_ENC_YES, "rar4.file"},
	{"rar4 encrypted headers", K_RAR4, 2, NULL, OM_ENC_YES, "rar4.headers"},
	{"rar5 clear", K_RAR5, 0, NULL, OM_ENC_NO, NULL},
	{"rar5 encrypted file", K_RAR5, 1, NULL, OM_ENC_YES, "rar5.file"},
	{"rar5 encrypted headers", K_RAR5, 2, NULL, OM_ENC_YES, "rar5.headers"},
	{"7z plain header", K_7Z, 0, NULL, OM_ENC_NO, NULL},
	{"7z encrypted header", K_7Z, 1, NULL, OM_ENC_YES, "7z.headers"},
	{"pdf no /Encrypt", K_PDF, 0, "", OM_ENC_NO, NULL},
	{"pdf owner password only", K_PDF, 1, "", OM_ENC_NO, NULL},
	{"pdf user password", K_PDF, 1, "himitsu", OM_ENC_YES, "pdf.user_password"},
	{"ole EncryptionInfo+EncryptedPackage", K_OLE, 1, NULL, OM_ENC_YES, "ole.encrypted_package"},
	{"ole EncryptionInfo only", K_OLE, 0, NULL, OM_ENC_NO, NULL},
	{"doc clear", K_DOC, 0, NULL, OM_ENC_NO, NULL},
	{"doc fEncrypted", K_DOC, 1, NULL, OM_ENC_YES, "doc.fib_encrypted"},
	{"xls clear", K_XLS, 0, NULL, OM_ENC_NO, NULL},
	{"xls FILEPASS", K_XLS, 1, NULL, OM_ENC_YES, "xls.filepass"},
	{"cms enveloped-data", K_CMS, 1, NULL, OM_ENC_YES, "smime.enveloped"},
	{"cms data", K_CMS, 0, NULL, OM_ENC_NO, NULL},
	/* An armor line alone is a claim, not encryption (real messages: test_mime_read). */
	{"pgp armor, no packets", K_TEXT, 0, "Hello\n-----BEGIN PGP MESSAGE-----\n\nhQEMA...\n-----END PGP MESSAGE-----\n",
	OM_ENC_BROKEN, NULL},
	{"pgp armor mid-line", K_TEXT, 0, "see -----BEGIN PGP MESSAGE----- in the manual\n", OM_ENC_NO, NULL},
	{"pgp signed clear text", K_TEXT, 0, "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nhi\n",
	OM_ENC_NO, NULL},
	{"plain text", K_TEXT, 0, "just a memo\n", OM_ENC_NO, NULL},
};

/* build - the sample for one table row */
static void
build(const struct blob_case *c, sample *s)
{
	switch (c->kind) {
	case K_RAR4:
		make_rar4(s, c->arg == 2 ? 0x80 : 0, c->arg == 1 ? 0x04 : 0);
		break;
	case K_RAR5:
		make_rar5(s, c->arg);
		break;
	case K_7Z:
		make_7z(s, c->arg);
		break;
	case K_PDF:
		make_pdf(s, c->arg, c->text);
		break;
	case K_OLE:
		make_ole(s, "EncryptionInfo", c->arg ? "EncryptedPackage" : "Data", NULL, 0);
		break;
	case K_DOC:
		make_doc(s, c->arg);
		break;
	case K_XLS:
		make_xls(s, c->arg);
		break;
	case K_CMS:
		make_cms(s, c->arg);
		break;
	default:
		make_text(s, c->text);
		break;
	}
}

/* Each detector on its table row. */
static void
test_blob_table(void **state)
{
	static sample s;

	(void) state;
	for (size_t i = 0; i < sizeof(blob_cases) / sizeof(blob_cases[0]); i++) {
		const struct blob_case *c = blob_cases + i;
		const char *kind = "unset";
		int     st;

		build(c, &s);
		st = om_encrypt_blob(s.d, s.len, &kind);
		if (st != c->want || (c->want_kind == NULL) != (kind == NULL)
		    || (c->want_kind && strcmp(kind, c->want_kind) != 0))
			fail_msg("%s: got %d %s, want %d %s", c->what, st, kind ? kind : "(null)",
				 c->want, c->want_kind ? c->want_kind : "(null)");
	}
}

/* ZIP members: clear, ZipCrypto (weak), WinZip AES (method 99 + 0x9901). */
static void
test_zip_members(void **state)
{
	static const struct {
		const char *what;
		unsigned flags, method, extra;
		int	want;
		const char *kind;
		int	aes, weak;
	} cases[] = {
		{"clear deflate", 0, 8, 0, OM_ENC_NO, NULL, 0, 0},
		{"zipcrypto", 1, 8, 0, OM_ENC_WEAK, "zip.zipcrypto", 0, 1},
		{"aes ae-2", 1, 99, 0x9901, OM_ENC_YES, "zip.aes", 1, 0},
		{"strong encryption bit", 0x41, 8, 0, OM_ENC_YES, "zip.aes", 1, 0},
	};
	static sample s;

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *kind = "unset";
		int     st, aes = -1, weak = -1;

		make_zip(&s, cases[i].flags, cases[i].method, cases[i].extra);
		st = om_encrypt_zip_member(s.d, s.len, "a.csv", &kind);
		if (st != cases[i].want || (cases[i].kind == NULL) != (kind == NULL)
		    || (kind && strcmp(kind, cases[i].kind) != 0))
			fail_msg("%s: got %d %s", cases[i].what, st, kind ? kind : "(null)");
		assert_int_equal(om_encrypt_zip_any(s.d, s.len, &aes, &weak), 0);
		assert_int_equal(aes, cases[i].aes);
		assert_int_equal(weak, cases[i].weak);
		/* A whole zip is not judged by om_encrypt_blob: its members are. */
		assert_int_equal(om_encrypt_blob(s.d, s.len, NULL), OM_ENC_NO);
	}
	/* Not a zip: no central directory. */
	assert_int_equal(om_encrypt_zip_member((const unsigned char *) "PK\3\4 short", 11, "a.csv", NULL), -1);
}

/* lcg - reproducible damage */
static unsigned
lcg(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16);
}

/*
 * Truncated and damaged copies of every sample: no crash, no read past
 * the end (the copy is exactly as long as the prefix, on the heap, so
 * ASan sees an overrun), an answer of NO, YES or WEAK only.
 */
static void
test_truncated_and_damaged(void **state)
{
	static sample s;
	unsigned seed = 7;

	(void) state;
	for (size_t i = 0; i < sizeof(blob_cases) / sizeof(blob_cases[0]) + 4; i++) {
		if (i < sizeof(blob_cases) / sizeof(blob_cases[0]))
			build(blob_cases + i, &s);
		else
			make_zip(&s, i & 1, i & 2 ? 99 : 8, i & 2 ? 0x9901 : 0);
		for (size_t n = 0; n <= s.len; n++) {
			unsigned char *cp = malloc(n ? n : 1);
			int     st, aes, weak;
			om_pdf_crypt pc;

			memcpy(cp, s.d, n);
			st = om_encrypt_blob(cp, n, NULL);
			assert_true(st == OM_ENC_NO || st == OM_ENC_YES || st == OM_ENC_WEAK || st == OM_ENC_BROKEN);
			(void) om_encrypt_zip_member(cp, n, "a.csv", NULL);
			(void) om_encrypt_zip_any(cp, n, &aes, &weak);
			if (n >= 5 && memcmp(cp, "%PDF-", 5) == 0)
				(void) om_pdf_crypt_open(cp, n, &pc);
			free(cp);
		}
		for (int round = 0; round < 200 && s.len; round++) {
			unsigned char *cp = malloc(s.len);
			int     aes, weak;

			memcpy(cp, s.d, s.len);
			for (int k = 0; k < 4; k++)
				cp[lcg(&seed) % s.len] = (unsigned char) lcg(&seed);
			(void) om_encrypt_blob(cp, s.len, NULL);
			(void) om_encrypt_zip_any(cp, s.len, &aes, &weak);
			free(cp);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blob_table),
		cmocka_unit_test(test_zip_members),
		cmocka_unit_test(test_truncated_and_damaged),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
