/*
 * test_pdf - om_pdf on PDFs written here, object by object with a
 * correct cross-reference table: /Encrypt that is only a comment or a
 * string, stream filters (ASCII85, ASCIIHex, LZW, RunLength, chains,
 * predictors), object streams with a cross-reference stream, content
 * arrays and Form XObjects, ToUnicode CMaps (bfrange array form,
 * surrogate pairs, ligatures, 1-byte codespaces), predefined CMaps
 * read through poppler-data, fonts without any Unicode mapping,
 * undecodable filters, and the decode limits.
 *
 * With a file argument it prints the text of that PDF instead (for
 * the shell tests): exit 0 read in full, 3 unscannable, 2 usage.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <zlib.h>

#include "om_test.h"
#include "om_encrypt.h"
#include "om_msg.h"
#include "om_pdf.h"

/*
 * Writing PDFs.
 */
typedef struct pobj_spec {
	const char *dict;		/* "<< ... >>" or any object text */
	const unsigned char *data;	/* stream data, or NULL */
	size_t	len;
} pobj_spec;

/* pdf_write - objects 1..n, xref table, trailer (Root 1 0 R + extra) */
static void
pdf_write(om_buf *b, const pobj_spec *o, size_t n, const char *head, const char *extra)
{
	size_t  off[64], xref;

	om_buf_init(b, 0);
	om_buf_puts(b, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
	if (head)
		om_buf_puts(b, head);
	for (size_t i = 0; i < n; i++) {
		off[i] = b->len;
		om_buf_printf(b, "%zu 0 obj\n%s", i + 1, o[i].dict);
		if (o[i].data) {
			om_buf_puts(b, "\nstream\n");
			om_buf_append(b, o[i].data, o[i].len);
			om_buf_puts(b, "\nendstream");
		}
		om_buf_puts(b, "\nendobj\n");
	}
	xref = b->len;
	om_buf_printf(b, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
	for (size_t i = 0; i < n; i++)
		om_buf_printf(b, "%010zu 00000 n \n", off[i]);
	om_buf_printf(b, "trailer\n<< /Size %zu /Root 1 0 R %s>>\nstartxref\n%zu\n%%%%EOF\n", n + 1,
		      extra ? extra : "", xref);
}

/* enc_flate - zlib */
static void
enc_flate(const unsigned char *in, size_t n, om_buf *out)
{
	uLongf  ol = compressBound(n);

	om_buf_init(out, 0);
	om_buf_append(out, "", 0);
	out->len = 0;
	{
		unsigned char *t = malloc(ol);

		assert_int_equal(compress2(t, &ol, in, n, 9), Z_OK);
		om_buf_append(out, t, ol);
		free(t);
	}
}

/* enc_a85 - ASCII85 with ~> */
static void
enc_a85(const unsigned char *in, size_t n, om_buf *out)
{
	om_buf_init(out, 0);
	for (size_t i = 0; i < n; i += 4) {
		size_t  k = n - i < 4 ? n - i : 4;
		uint32_t v = 0;
		char    c[5];

		for (size_t j = 0; j < 4; j++)
			v = v << 8 | (j < k ? in[i + j] : 0);
		if (v == 0 && k == 4) {
			om_buf_putc(out, 'z');
			continue;
		}
		for (int j = 4; j >= 0; j--)
			c[j] = (char) ('!' + v % 85), v /= 85;
		om_buf_append(out, c, k + 1);
		if (i % 64 == 60)
			om_buf_putc(out, '\n');
	}
	om_buf_puts(out, "~>");
}

/* enc_hex - ASCIIHex with > */
static void
enc_hex(const unsigned char *in, size_t n, om_buf *out)
{
	om_buf_init(out, 0);
	for (size_t i = 0; i < n; i++)
		om_buf_printf(out, "%02X%s", in[i], i % 32 == 31 ? "\n" : "");
	om_buf_putc(out, '>');
}

/* enc_rl - RunLength: runs of equal bytes, literal runs between */
static void
enc_rl(const unsigned char *in, size_t n, om_buf *out)
{
	om_buf_init(out, 0);
	for (size_t i = 0; i < n;) {
		size_t  r = 1;

		while (i + r < n && in[i + r] == in[i] && r < 128)
			r++;
		if (r >= 3) {
			om_buf_putc(out, (int) (257 - r));
			om_buf_putc(out, in[i]);
			i += r;
		} else {
			size_t  k = n - i < 100 ? n - i : 100;

			om_buf_putc(out, (int) (k - 1));
			om_buf_append(out, in + i, k);
			i += k;
		}
	}
	om_buf_putc(out, 128);
}

/*
 * enc_lzw - LZW as PDF wants it (9-bit codes, EarlyChange 1): a real
 * dictionary coder, the table cleared when it would need 13 bits.
 */
static void
enc_lzw(const unsigned char *in, size_t n, om_buf *out)
{
	static int tab[4096][256];
	int     next = 258, width = 9, w = -1;
	uint32_t bits = 0;
	int     nbits = 0;

#define PUT(code) do { bits = bits << width | (uint32_t) (code); nbits += width; \
	while (nbits >= 8) { om_buf_putc(out, (int) ((bits >> (nbits - 8)) & 0xff)); nbits -= 8; } } while (0)
	om_buf_init(out, 0);
	memset(tab, 0, sizeof(tab));
	PUT(256);
	for (size_t i = 0; i < n; i++) {
		int     c = in[i];

		if (w < 0) {
			w = c;
			continue;
		}
		if (tab[w][c]) {
			w = tab[w][c];
			continue;
		}
		PUT(w);
		tab[w][c] = next++;
		if (next + 1 > (1 << width) && width < 12)
			width++;
		if (next >= 4094) {
			PUT(256);
			memset(tab, 0, sizeof(tab));
			next = 258;
			width = 9;
		}
		w = c;
	}
	if (w >= 0)
		PUT(w);
	PUT(257);
	if (nbits)
		om_buf_putc(out, (int) ((bits << (8 - nbits)) & 0xff));
#undef PUT
}

/* text_of - om_pdf_text on b; its return value, text in out, why */
static int
text_of(const om_buf *b, om_buf *out, unsigned *why)
{
	om_buf_init(out, 1 << 24);
	*why = 0;
	return (om_pdf_text((const unsigned char *) b->data, b->len, NULL, out, why));
}

/* has - text contains s */
static int
has(const om_buf *t, const char *s)
{
	return (t->data && strstr(t->data, s) != NULL);
}

static const char content_ascii[] =
	"BT /F1 12 Tf 72 720 Td (Customer: Yamada Hanako) Tj 0 -14 Td (Phone 090-1234-5678) Tj ET\n";

/* one_page - catalog, pages, page, font Helvetica, content as given */
static void
one_page(om_buf *b, const char *cdict, const unsigned char *c, size_t clen, const char *head, const char *extra)
{
	pobj_spec o[] = {
		{"<< /Type /Catalog /Pages 2 0 R >>", NULL, 0},
		{"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", NULL, 0},
		{"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
		 " /Resources << /Font << /F1 5 0 R >> >> >>", NULL, 0},
		{cdict, c, clen},
		{"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", NULL, 0},
	};

	pdf_write(b, o, 5, head, extra);
}

/* The word /Encrypt in a comment, a string or a stream: not encrypted. */
static void
test_encrypt_marker(void **state)
{
	static const char c[] = "% /Encrypt 9 0 R\n"
		"BT /F1 12 Tf 72 720 Td (/Encrypt 6 0 R) Tj 0 -14 Td (Phone 090-1234-5678) Tj ET\n";
	om_buf  b, t;
	char    d[64];
	unsigned why;

	(void) state;
	snprintf(d, sizeof(d), "<< /Length %zu >>", sizeof(c) - 1);
	one_page(&b, d, (const unsigned char *) c, sizeof(c) - 1, "%/Encrypt 6 0 R\n", "% /Encrypt 6 0 R\n");
	assert_int_equal(om_pdf_crypt_state((const unsigned char *) b.data, b.len), OM_PDF_CLEAR);
	assert_int_equal(om_encrypt_blob((const unsigned char *) b.data, b.len, NULL), OM_ENC_NO);
	assert_int_equal(text_of(&b, &t, &why), 1);
	assert_int_equal(why, 0);
	assert_true(has(&t, "090-1234-5678"));
	om_buf_free(&t);
	om_buf_free(&b);
}

/* A trailer /Encrypt that resolves to nothing: broken, not encrypted. */
static void
test_encrypt_unresolved(void **state)
{
	om_buf  b, t;
	char    d[64];
	unsigned why;

	(void) state;
	snprintf(d, sizeof(d), "<< /Length %zu >>", sizeof(content_ascii) - 1);
	one_page(&b, d, (const unsigned char *) content_ascii, sizeof(content_ascii) - 1, NULL, "/Encrypt 40 0 R ");
	assert_int_equal(om_pdf_crypt_state((const unsigned char *) b.data, b.len), OM_PDF_BROKEN);
	assert_int_equal(om_encrypt_blob((const unsigned char *) b.data, b.len, NULL), OM_ENC_NO);
	assert_int_equal(text_of(&b, &t, &why), -1);
	assert_true(why & OM_UNSCAN_CORRUPT);
	om_buf_free(&t);
	om_buf_free(&b);
}

/* Each filter and chains of them, with the /Length given indirectly once. */
static void
test_filters(void **state)
{
	const unsigned char *c = (const unsigned char *) content_ascii;
	size_t  n = sizeof(content_ascii) - 1;
	static const char *names[] = {
		"/ASCII85Decode", "/ASCIIHexDecode", "/LZWDecode", "/RunLengthDecode", "/FlateDecode",
		"[/ASCII85Decode /FlateDecode]", "[/ASCIIHexDecode /LZWDecode]", "[/A85 /RL]",
		"[/ASCII85Decode /ASCIIHexDecode /FlateDecode]",
	};

	(void) state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		om_buf  e1, e2, e3, b, t;
		const om_buf *last;
		char    d[256];
		unsigned why;

		switch (i) {
		case 0: enc_a85(c, n, &e1); last = &e1; break;
		case 1: enc_hex(c, n, &e1); last = &e1; break;
		case 2: enc_lzw(c, n, &e1); last = &e1; break;
		case 3: enc_rl(c, n, &e1); last = &e1; break;
		case 4: enc_flate(c, n, &e1); last = &e1; break;
		case 5: enc_flate(c, n, &e1); enc_a85((unsigned char *) e1.data, e1.len, &e2); last = &e2; break;
		case 6: enc_lzw(c, n, &e1); enc_hex((unsigned char *) e1.data, e1.len, &e2); last = &e2; break;
		case 7: enc_rl(c, n, &e1); enc_a85((unsigned char *) e1.data, e1.len, &e2); last = &e2; break;
		default:
			enc_flate(c, n, &e1);
			enc_hex((unsigned char *) e1.data, e1.len, &e2);
			enc_a85((unsigned char *) e2.data, e2.len, &e3);
			last = &e3;
			break;
		}
		snprintf(d, sizeof(d), "<< /Length %zu /Filter %s >>", last->len, names[i]);
		one_page(&b, d, (const unsigned char *) last->data, last->len, NULL, NULL);
		if (text_of(&b, &t, &why) != 1 || !has(&t, "090-1234-5678") || !has(&t, "Yamada Hanako"))
			fail_msg("filter %s: why %#x text \"%s\"", names[i], why, t.data ? t.data : "");
		om_buf_free(&t);
		om_buf_free(&b);
		om_buf_free(&e1);
		if (i >= 5)
			om_buf_free(&e2);
		if (i == 8)
			om_buf_free(&e3);
	}
}

/* A longer LZW stream: codes grow to 12 bits and the table is cleared. */
static void
test_lzw_long(void **state)
{
	om_buf  src, e, b, t;
	char    d[128];
	unsigned why;

	(void) state;
	om_buf_init(&src, 0);
	om_buf_puts(&src, "BT /F1 10 Tf 72 800 Td\n");
	for (int i = 0; i < 3000; i++)
		om_buf_printf(&src, "(row %d value %d) Tj 0 -12 Td\n", i, i * 7919 % 10007);
	om_buf_puts(&src, "(Phone 090-1234-5678) Tj ET\n");
	enc_lzw((unsigned char *) src.data, src.len, &e);
	snprintf(d, sizeof(d), "<< /Length %zu /Filter /LZWDecode /DecodeParms << /EarlyChange 1 >> >>", e.len);
	one_page(&b, d, (unsigned char *) e.data, e.len, NULL, NULL);
	assert_int_equal(text_of(&b, &t, &why), 1);
	assert_true(has(&t, "row 2999 value"));
	assert_true(has(&t, "090-1234-5678"));
	om_buf_free(&t);
	om_buf_free(&b);
	om_buf_free(&e);
	om_buf_free(&src);
}

/* A string longer than any fixed buffer is read to its end. */
static void
test_long_string(void **state)
{
	om_buf  src, b, t;
	char    d[64];
	unsigned why;

	(void) state;
	om_buf_init(&src, 0);
	om_buf_puts(&src, "BT /F1 12 Tf 72 720 Td (");
	for (int i = 0; i < 3000; i++)
		om_buf_puts(&src, "filler ");
	om_buf_puts(&src, "Phone 090-1234-5678) Tj ET\n");
	snprintf(d, sizeof(d), "<< /Length %zu >>", src.len);
	one_page(&b, d, (unsigned char *) src.data, src.len, NULL, NULL);
	assert_int_equal(text_of(&b, &t, &why), 1);
	assert_true(has(&t, "filler Phone 090-1234-5678"));
	om_buf_free(&t);
	om_buf_free(&b);
	om_buf_free(&src);
}

/* A content stream in a filter we lack: unscannable, not clean. */
static void
test_undecodable_content(void **state)
{
	om_buf  b, t;
	char    d[128];
	unsigned why;

	(void) state;
	snprintf(d, sizeof(d), "<< /Length %zu /Filter /JBIG2Decode >>", sizeof(content_ascii) - 1);
	one_page(&b, d, (const unsigned char *) content_ascii, sizeof(content_ascii) - 1, NULL, NULL);
	assert_int_equal(text_of(&b, &t, &why), -1);
	assert_true(why & OM_UNSCAN_UNDECODABLE);
	om_buf_free(&t);
	om_buf_free(&b);
}

/*
 * Files inside the PDF (the EmbeddedFiles name tree, a FileAttachment
 * annotation): not taken out here, so the PDF is not read in full.
 */
static void
test_embedded_files(void **state)
{
	static const char csv[] = "name,mynumber\nYamada Hanako,123456789018\n";
	char    cd[64], sd[64];
	om_buf  b, t;
	unsigned why;

	(void) state;
	snprintf(cd, sizeof(cd), "<< /Length %zu >>", sizeof(content_ascii) - 1);
	snprintf(sd, sizeof(sd), "<< /Type /EmbeddedFile /Length %zu >>", sizeof(csv) - 1);
	{
		pobj_spec o[] = {
			{"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(list.csv) 6 0 R] >> >> >>",
			 NULL, 0},
			{"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", NULL, 0},
			{"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
			 " /Resources << /Font << /F1 5 0 R >> >> >>", NULL, 0},
			{cd, (const unsigned char *) content_ascii, sizeof(content_ascii) - 1},
			{"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", NULL, 0},
			{"<< /Type /Filespec /F (list.csv) /EF << /F 7 0 R >> >>", NULL, 0},
			{sd, (const unsigned char *) csv, sizeof(csv) - 1},
		};

		pdf_write(&b, o, 7, NULL, NULL);
	}
	assert_int_equal(text_of(&b, &t, &why), -1);
	assert_true(why & OM_UNSCAN_UNDECODABLE);
	assert_true(has(&t, "090-1234-5678"));
	om_buf_free(&t);
	om_buf_free(&b);

	{
		pobj_spec o[] = {
			{"<< /Type /Catalog /Pages 2 0 R >>", NULL, 0},
			{"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", NULL, 0},
			{"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
			 " /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>", NULL, 0},
			{cd, (const unsigned char *) content_ascii, sizeof(content_ascii) - 1},
			{"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", NULL, 0},
			{"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS 7 0 R >>", NULL, 0},
			{"<< /Type /Filespec /F (list.csv) /EF << /F 8 0 R >> >>", NULL, 0},
			{sd, (const unsigned char *) csv, sizeof(csv) - 1},
		};

		pdf_write(&b, o, 8, NULL, NULL);
	}
	assert_int_equal(text_of(&b, &t, &why), -1);
	assert_true(why & OM_UNSCAN_UNDECODABLE);
	om_buf_free(&t);
	om_buf_free(&b);
}

/*
 * Object streams and a cross-reference stream with a PNG predictor:
 * every object but the content and the streams is compressed.
 */
static void
test_object_stream(void **state)
{
	om_buf  b, objs, z, xr, xz, t, cz;
	size_t  off[8], hdr;
	char    head[128];
	unsigned why;
	static const char *const in[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		("<< /Type /Page /Parent 2 0 R /Contents [4 0 R 7 0 R] /Resources << /Font << /F1 5 0 R >>"
		 " /XObject << /X1 8 0 R >> >> >>"),
	};
	/* Pieces of a content array split between tokens, not within one. */
	static const char c1[] = "BT /F1 12 Tf 72 720 Td (Customer: Yamada Hanako)";
	static const char c2[] = "Tj ET /X1 Do\n";
	static const char fx[] = "BT /F1 9 Tf 72 100 Td (Phone 090-1234-5678) Tj ET\n";

	(void) state;
	/* Object stream 6 holds objects 1, 2, 3 and 5 (the font). */
	om_buf_init(&objs, 0);
	{
		const char *bodies[4] = {in[0], in[1], in[2], "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
		unsigned nums[4] = {1, 2, 3, 5};
		size_t  rel[4], pos = 0;

		for (int i = 0; i < 4; i++) {
			rel[i] = pos;
			pos += strlen(bodies[i]) + 1;
		}
		head[0] = 0;
		for (int i = 0; i < 4; i++)
			snprintf(head + strlen(head), sizeof(head) - strlen(head), "%u %zu ", nums[i], rel[i]);
		hdr = strlen(head);
		om_buf_puts(&objs, head);
		for (int i = 0; i < 4; i++) {
			om_buf_puts(&objs, bodies[i]);
			om_buf_putc(&objs, '\n');
		}
	}
	enc_flate((unsigned char *) objs.data, objs.len, &z);
	om_buf_init(&b, 0);
	om_buf_puts(&b, "%PDF-1.7\n");
	off[4] = b.len;
	om_buf_printf(&b, "4 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n", strlen(c1), c1);
	off[6] = b.len;
	om_buf_printf(&b, "6 0 obj\n<< /Type /ObjStm /N 4 /First %zu /Length %zu /Filter /FlateDecode >>\nstream\n",
		      hdr, z.len);
	om_buf_append(&b, z.data, z.len);
	om_buf_puts(&b, "\nendstream\nendobj\n");
	off[7] = b.len;
	enc_flate((const unsigned char *) c2, strlen(c2), &cz);
	om_buf_printf(&b, "7 0 obj\n<< /Length 10 0 R /Filter /FlateDecode >>\nstream\n");
	om_buf_append(&b, cz.data, cz.len);
	om_buf_puts(&b, "\nendstream\nendobj\n");
	off[0] = b.len;
	om_buf_printf(&b, "8 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length %zu >>\nstream\n%s\nendstream\nendobj\n",
		      strlen(fx), fx);
	off[1] = b.len;
	om_buf_printf(&b, "10 0 obj\n%zu\nendobj\n", cz.len);
	/* Cross-reference stream 9: W [1 2 1], rows PNG-Up encoded. */
	om_buf_init(&xr, 0);
	{
		unsigned char prev[4] = {0, 0, 0, 0};
		unsigned char rows[11][4] = {
			{0, 0, 0, 0},
			{2, 0, 6, 0}, {2, 0, 6, 1}, {2, 0, 6, 2},
			{1, (unsigned char) (off[4] >> 8), (unsigned char) off[4], 0},
			{2, 0, 6, 3},
			{1, (unsigned char) (off[6] >> 8), (unsigned char) off[6], 0},
			{1, (unsigned char) (off[7] >> 8), (unsigned char) off[7], 0},
			{1, (unsigned char) (off[0] >> 8), (unsigned char) off[0], 0},
			{1, 0, 0, 0},
			{1, (unsigned char) (off[1] >> 8), (unsigned char) off[1], 0},
		};
		size_t  xoff = b.len;

		rows[9][1] = (unsigned char) (xoff >> 8);
		rows[9][2] = (unsigned char) xoff;
		for (int i = 0; i < 11; i++) {
			om_buf_putc(&xr, 2);
			for (int k = 0; k < 4; k++)
				om_buf_putc(&xr, (unsigned char) (rows[i][k] - prev[k]));
			memcpy(prev, rows[i], 4);
		}
		enc_flate((unsigned char *) xr.data, xr.len, &xz);
		om_buf_printf(&b, "9 0 obj\n<< /Type /XRef /Size 11 /W [1 2 1] /Root 1 0 R /Length %zu /Filter /FlateDecode"
			      " /DecodeParms << /Predictor 12 /Columns 4 >> >>\nstream\n", xz.len);
		om_buf_append(&b, xz.data, xz.len);
		om_buf_printf(&b, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n", xoff);
	}
	assert_int_equal(text_of(&b, &t, &why), 1);
	assert_true(has(&t, "Yamada Hanako"));
	assert_true(has(&t, "090-1234-5678"));
	om_buf_free(&t);
	/* The same file with its xref offset spoiled: found by walking it. */
	{
		char   *sx = memmem(b.data, b.len, "startxref\n", 10);

		assert_non_null(sx);
		sx[10] = '1';
		assert_int_equal(text_of(&b, &t, &why), 1);
		assert_true(has(&t, "090-1234-5678"));
		om_buf_free(&t);
	}
	om_buf_free(&b);
	om_buf_free(&objs);
	om_buf_free(&z);
	om_buf_free(&xr);
	om_buf_free(&xz);
	om_buf_free(&cz);
}

/* cid_page - a page in a Type0 font: encoding, descendant, ToUnicode */
static void
cid_page(om_buf *b, const char *encoding, const char *ordering, const char *tounicode, const char *content)
{
	char    page[256], font[256], desc[256], c[64];
	pobj_spec o[7];
	int     n = 6;

	snprintf(page, sizeof(page), "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources 7 0 R >>");
	snprintf(font, sizeof(font), "<< /Type /Font /Subtype /Type0 /BaseFont /IPAGothic /Encoding %s"
		 " /DescendantFonts [6 0 R] %s >>", encoding, tounicode ? "/ToUnicode 8 0 R" : "");
	snprintf(desc, sizeof(desc), "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /IPAGothic"
		 " /CIDSystemInfo << /Registry (Adobe) /Ordering (%s) /Supplement 6 >> /DW 1000 >>", ordering);
	snprintf(c, sizeof(c), "<< /Length %zu >>", strlen(content));
	o[0] = (pobj_spec) {"<< /Type /Catalog /Pages 2 0 R >>", NULL, 0};
	o[1] = (pobj_spec) {"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", NULL, 0};
	o[2] = (pobj_spec) {page, NULL, 0};
	o[3] = (pobj_spec) {c, (const unsigned char *) content, strlen(content)};
	o[4] = (pobj_spec) {font, NULL, 0};
	o[5] = (pobj_spec) {desc, NULL, 0};
	/* Resources inherited? No: given by reference, resolved. */
	o[6] = (pobj_spec) {"<< /Font << /F1 5 0 R >> >>", NULL, 0};
	n = 7;
	if (tounicode) {
		static char tl[64];
		pobj_spec all[8];

		snprintf(tl, sizeof(tl), "<< /Length %zu >>", strlen(tounicode));
		memcpy(all, o, sizeof(o));
		all[7] = (pobj_spec) {tl, (const unsigned char *) tounicode, strlen(tounicode)};
		pdf_write(b, all, 8, NULL, NULL);
		return;
	}
	pdf_write(b, o, (size_t) n, NULL, NULL);
}

/* ToUnicode: codespace, bfchar, bfrange incrementing and array forms. */
static void
test_tounicode(void **state)
{
	static const char cmap[] =
		"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
		"/CMapName /Test-UCS def /CMapType 2 def\n"
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
		"3 beginbfchar\n<0001> <5C71>\n<0002> <7530>\n<0009> <D842DFB7>\nendbfchar\n"
		"2 beginbfrange\n<0003> <0005> [<82B1> <5B50> <0020>]\n<0010> <0019> <0030>\nendbfrange\n"
		"1 beginbfchar\n<0020> <00660069>\nendbfchar\n"
		"1 beginbfrange\n<0021> <0022> <0041>\nendbfrange\n"
		"endcmap CMapName currentdict /CMap defineresource pop end end\n";
	/* 山田 花子 𠮷 0901234 fi AB */
	static const char content[] = "BT /F1 12 Tf 72 720 Td <0001000200050003000400050009> Tj"
		" 0 -14 Td [<0010001900100011> -50 <001200130014>] TJ 0 -14 Td <002000210022> Tj ET\n";
	om_buf  b, t;
	unsigned why;

	(void) state;
	cid_page(&b, "/Identity-H", "Identity", cmap, content);
	assert_int_equal(text_of(&b, &t, &why), 1);
	if (!has(&t, "山田 花子 \xf0\xa0\xae\xb7") || !has(&t, "0901234") || !has(&t, "fiAB"))
		fail_msg("text \"%s\"", t.data ? t.data : "");
	om_buf_free(&t);
	om_buf_free(&b);
}

/* A Type0 font with no ToUnicode and no CID table of its ordering. */
static void
test_unmappable_font(void **state)
{
	om_buf  b, t;
	unsigned why;

	(void) state;
	cid_page(&b, "/Identity-H", "Identity", NULL, "BT /F1 12 Tf 72 720 Td <00120013> Tj ET\n");
	assert_int_equal(text_of(&b, &t, &why), -1);
	assert_true(why & OM_UNSCAN_UNDECODABLE);
	om_buf_free(&t);
	om_buf_free(&b);
}

/* Predefined CMaps without ToUnicode: UCS-2, RKSJ, Identity with Japan1. */
static void
test_predefined_cmaps(void **state)
{
	om_buf  b, t;
	unsigned why;

	(void) state;
	/* UniJIS-UCS2-H: the codes are UTF-16BE. 山田 */
	cid_page(&b, "/UniJIS-UCS2-H", "Japan1", NULL, "BT /F1 12 Tf 72 720 Td <5C717530> Tj ET\n");
	assert_int_equal(text_of(&b, &t, &why), 1);
	assert_true(has(&t, "山田"));
	om_buf_free(&t);
	om_buf_free(&b);
	/* 90ms-RKSJ-H: Shift_JIS codes through the CMap to CIDs, then Unicode. 山田 090 */
	cid_page(&b, "/90ms-RKSJ-H", "Japan1", NULL, "BT /F1 12 Tf 72 720 Td <8E52 9363 303930> Tj ET\n");
	if (text_of(&b, &t, &why) != 1 || !has(&t, "山田090"))
		fail_msg("90ms-RKSJ-H: why %#x text \"%s\" (is poppler-data installed?)", why, t.data ? t.data : "");
	om_buf_free(&t);
	om_buf_free(&b);
	/* Identity-H with Adobe-Japan1: CIDs 17.. are the digits 0.. */
	cid_page(&b, "/Identity-H", "Japan1", NULL, "BT /F1 12 Tf 72 720 Td <0011001A001100120013> Tj ET\n");
	if (text_of(&b, &t, &why) != 1 || !has(&t, "09012"))
		fail_msg("Identity-H Japan1: why %#x text \"%s\"", why, t.data ? t.data : "");
	om_buf_free(&t);
	om_buf_free(&b);
}

/* A JPEG image XObject is skipped; the page's text is read. */
static void
test_image_skipped(void **state)
{
	static const char c[] = "q 100 0 0 100 0 0 cm /Im1 Do Q BT /F1 12 Tf 72 720 Td (Phone 090-1234-5678) Tj ET\n";
	char    cd[64];
	pobj_spec o[] = {
		{"<< /Type /Catalog /Pages 2 0 R >>", NULL, 0},
		{"<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>", NULL, 0},
		{"<< /Type /Page /Parent 2 0 R >>", NULL, 0},
		{cd, (const unsigned char *) c, sizeof(c) - 1},
		{"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", NULL, 0},
		{"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray"
		 " /Filter /DCTDecode /Length 4 >>", (const unsigned char *) "\xff\xd8\xff\xd9", 4},
	};
	om_buf  b, t;
	unsigned why;

	(void) state;
	/* The page gets its content by a second revision: an incremental update. */
	snprintf(cd, sizeof(cd), "<< /Length %zu >>", sizeof(c) - 1);
	pdf_write(&b, o, 6, NULL, NULL);
	{
		/* Page 3 without /Contents in rev 1; rev 2 adds it. */
		size_t  prev = 0, at;
		const char *sx = strstr(b.data, "startxref\n");

		prev = (size_t) strtoul(sx + 10, NULL, 10);
		at = b.len;
		om_buf_printf(&b, "3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n");
		om_buf_printf(&b, "xref\n3 1\n%010zu 00000 n \ntrailer\n<< /Size 7 /Root 1 0 R /Prev %zu >>\n"
			      "startxref\n%zu\n%%%%EOF\n", at, prev, b.len);
		/* startxref must point at the xref just written */
		{
			char   *x = strstr(b.data + at, "xref\n3 1");
			char   *s = strstr(b.data + at, "startxref\n");
			char    num[32];

			snprintf(num, sizeof(num), "%zu", (size_t) (x - b.data));
			b.len = (size_t) (s - b.data) + 10;
			om_buf_printf(&b, "%s\n%%%%EOF\n", num);
		}
	}
	assert_int_equal(text_of(&b, &t, &why), 1);
	assert_true(has(&t, "090-1234-5678"));
	om_buf_free(&t);
	om_buf_free(&b);
}

/* Large streams: the decode budget and the ratio stop them, flagged. */
static void
test_limits(void **state)
{
	om_buf  src, z, b, t;
	char    d[128];
	unsigned why;
	om_pdf_limits lim;

	(void) state;
	om_buf_init(&src, 0);
	om_buf_puts(&src, "BT /F1 12 Tf 72 720 Td (Phone 090-1234-5678) Tj ET\n");
	while (src.len < ((size_t) 8 << 20))
		om_buf_puts(&src, "0 0 m 10 10 l S 0 0 m 10 10 l S 0 0 m 10 10 l S 0 0 m 10 10 l S\n");
	enc_flate((unsigned char *) src.data, src.len, &z);
	snprintf(d, sizeof(d), "<< /Length %zu /Filter /FlateDecode >>", z.len);
	one_page(&b, d, (unsigned char *) z.data, z.len, NULL, NULL);
	/* Ratio: 8 MB from a few KB. */
	memset(&lim, 0, sizeof(lim));
	lim.expanded_limit = (size_t) 100 << 20;
	lim.ratio_limit = 100;
	om_buf_init(&t, 1 << 24);
	why = 0;
	assert_int_equal(om_pdf_text((unsigned char *) b.data, b.len, &lim, &t, &why), -1);
	assert_true(why & OM_UNSCAN_RATIO);
	om_buf_free(&t);
	/* Bytes: a budget already mostly spent by earlier parts. */
	memset(&lim, 0, sizeof(lim));
	lim.expanded_limit = (size_t) 4 << 20;
	lim.ratio_limit = 1000000;
	lim.expanded = (size_t) 1 << 20;
	om_buf_init(&t, 1 << 24);
	why = 0;
	assert_int_equal(om_pdf_text((unsigned char *) b.data, b.len, &lim, &t, &why), -1);
	assert_true(why & OM_UNSCAN_BYTES);
	assert_true(lim.expanded > ((size_t) 4 << 20));
	om_buf_free(&t);
	/* Time: a deadline already past. */
	memset(&lim, 0, sizeof(lim));
	lim.expanded_limit = (size_t) 100 << 20;
	lim.ratio_limit = 1000000;
	clock_gettime(CLOCK_MONOTONIC, &lim.deadline);
	om_buf_init(&t, 1 << 24);
	why = 0;
	assert_int_equal(om_pdf_text((unsigned char *) b.data, b.len, &lim, &t, &why), -1);
	assert_true(why & OM_UNSCAN_TIME);
	om_buf_free(&t);
	/* Within the limits it is read. */
	memset(&lim, 0, sizeof(lim));
	lim.expanded_limit = (size_t) 100 << 20;
	lim.ratio_limit = 1000000;
	om_buf_init(&t, 1 << 24);
	assert_int_equal(om_pdf_text((unsigned char *) b.data, b.len, &lim, &t, &why), 1);
	assert_true(has(&t, "090-1234-5678"));
	om_buf_free(&t);
	om_buf_free(&b);
	om_buf_free(&z);
	om_buf_free(&src);
}

/* Damaged input of every length: no crash, no hang. */
static void
test_damaged(void **state)
{
	om_buf  b, t, z;
	char    d[128];
	unsigned why;

	(void) state;
	/* A text quoting a PDF header is not a PDF; junk before a real one is allowed. */
	assert_false(om_pdf_is((const unsigned char *) "note: %PDF-1.4 starts a PDF\n", 28));
	enc_flate((const unsigned char *) content_ascii, sizeof(content_ascii) - 1, &z);
	snprintf(d, sizeof(d), "<< /Length %zu /Filter /FlateDecode >>", z.len);
	one_page(&b, d, (unsigned char *) z.data, z.len, NULL, NULL);
	assert_true(om_pdf_is((const unsigned char *) b.data, b.len));
	{
		om_buf  j;

		om_buf_init(&j, 0);
		om_buf_puts(&j, "junk before the header\n");
		om_buf_append(&j, b.data, b.len);
		assert_true(om_pdf_is((const unsigned char *) j.data, j.len));
		om_buf_init(&t, 1 << 20);
		assert_int_equal(om_pdf_text((unsigned char *) j.data, j.len, NULL, &t, &why), 1);
		assert_true(has(&t, "090-1234-5678"));
		om_buf_free(&t);
		om_buf_free(&j);
	}
	for (size_t n = 0; n < b.len; n += 7) {
		om_buf_init(&t, 1 << 20);
		(void) om_pdf_text((unsigned char *) b.data, n, NULL, &t, &why);
		(void) om_pdf_crypt_state((unsigned char *) b.data, n);
		om_buf_free(&t);
	}
	for (size_t i = 0; i < b.len; i += 3) {
		char    save = b.data[i];

		b.data[i] = (char) (save ^ 0x5a);
		om_buf_init(&t, 1 << 20);
		(void) om_pdf_text((unsigned char *) b.data, b.len, NULL, &t, &why);
		om_buf_free(&t);
		b.data[i] = save;
	}
	om_buf_free(&b);
	om_buf_free(&z);
}

/* dump - the text of one file, for the shell tests */
static int
dump(const char *path)
{
	FILE   *fp = fopen(path, "rb");
	om_buf  in, t;
	char    chunk[65536];
	size_t  n;
	unsigned why = 0;
	int     r;

	if (fp == NULL)
		return (2);
	om_buf_init(&in, 0);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		om_buf_append(&in, chunk, n);
	fclose(fp);
	om_buf_init(&t, (size_t) 64 << 20);
	r = om_pdf_text((unsigned char *) in.data, in.len, NULL, &t, &why);
	fwrite(t.data ? t.data : "", 1, t.len, stdout);
	fprintf(stderr, "crypt %d unscannable %#x\n", om_pdf_crypt_state((unsigned char *) in.data, in.len), why);
	om_buf_free(&t);
	om_buf_free(&in);
	return (r == 1 ? 0 : 3);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encrypt_marker),
		cmocka_unit_test(test_encrypt_unresolved),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_lzw_long),
		cmocka_unit_test(test_long_string),
		cmocka_unit_test(test_undecodable_content),
		cmocka_unit_test(test_embedded_files),
		cmocka_unit_test(test_object_stream),
		cmocka_unit_test(test_tounicode),
		cmocka_unit_test(test_unmappable_font),
		cmocka_unit_test(test_predefined_cmaps),
		cmocka_unit_test(test_image_skipped),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_damaged),
	};

	if (argc == 2)
		return (dump(argv[1]));
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
