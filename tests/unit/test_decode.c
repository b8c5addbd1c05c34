/*
 * test_decode - forgiving transfer decoding: each reading on a file
 * encoded with the mistake it forgives, the choice between readings,
 * files found in free text, a well-formed part left alone, bounds.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "om_test.h"
#include "om_decode.h"
#include "om_log.h"
#include "om_msg.h"

static om_snap *snap;

/* A tiny zip: local header, central directory, end record. */
static unsigned char zip[96];
static size_t zip_len;

/* A PE-like file: "MZ", e_lfanew at 60, "PE\0\0" where it points. */
static unsigned char pe[160];

static void
put(unsigned char *d, size_t *n, const void *s, size_t len)
{
	memcpy(d + *n, s, len);
	*n += len;
}

static void
make_fixtures(void)
{
	static const unsigned char fill[26] = {20, 0, 0, 0, 0, 0, 1, 2, 3, 4};

	zip_len = 0;
	put(zip, &zip_len, "PK\003\004", 4);
	put(zip, &zip_len, fill, sizeof(fill));
	put(zip, &zip_len, "x.com", 5);
	put(zip, &zip_len, "MZ-not-really", 13);
	put(zip, &zip_len, "PK\001\002", 4);
	put(zip, &zip_len, fill, 20);
	put(zip, &zip_len, "PK\005\006", 4);
	memset(zip + zip_len, 0, 18);
	zip[zip_len + 8] = 24;			/* central directory size */
	zip[zip_len + 12] = 48;			/* ... and offset */
	zip_len += 18;
	memset(pe, 0xcc, sizeof(pe));
	memcpy(pe, "MZ", 2);
	pe[60] = 96, pe[61] = pe[62] = pe[63] = 0;
	memcpy(pe + 96, "PE\0\0", 4);
}

static int
setup(void **state)
{
	(void) state;
	make_fixtures();
	snap = om_test_builtin("test_decode");
	return (snap ? 0 : -1);
}

static int
teardown(void **state)
{
	(void) state;
	return (om_test_stop(snap));
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* enc_b64 - base64 of d[0, n), "pad" "=" characters at most, no line breaks */
static void
enc_b64(om_buf *o, const unsigned char *d, size_t n, int pad)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned) d[i] << 16 | (i + 1 < n ? (unsigned) d[i + 1] << 8 : 0)
		| (i + 2 < n ? d[i + 2] : 0);
		size_t  k = n - i >= 3 ? 4 : n - i + 1;

		for (size_t j = 0; j < 4; j++)
			if (j < k)
				om_buf_putc(o, b64[(v >> (18 - 6 * j)) & 63]);
			else if (pad-- > 0)
				om_buf_putc(o, '=');
	}
}

/* b64_lines - base64 in lines of "per" input bytes, each line followed by "tail" */
static void
b64_lines(om_buf *o, const unsigned char *d, size_t n, size_t per, const char *tail)
{
	for (size_t i = 0; i < n; i += per) {
		enc_b64(o, d + i, n - i < per ? n - i : per, 2);
		om_buf_puts(o, tail);
	}
}

/* qp_all - every byte as an escape, "pre" before each, soft breaks every 8 */
static void
qp_all(om_buf *o, const unsigned char *d, size_t n, const char *pre, int lower)
{
	for (size_t i = 0; i < n; i++) {
		om_buf_puts(o, pre);
		if (lower)
			om_buf_printf(o, "=%02x", d[i]);
		else
			om_buf_printf(o, "=%02X", d[i]);
		if (i % 8 == 7)
			om_buf_puts(o, "=\r\n");
	}
}

/*
 * qp_prefixed - quoted-printable with "pre" before each unit (a printable
 * character or an escape) except characters that are hex digits, and
 * inside the soft breaks too: "=" pre "\n"
 */
static void
qp_prefixed(om_buf *o, const unsigned char *d, size_t n, const char *pre)
{
	for (size_t i = 0; i < n; i++) {
		if (d[i] > 32 && d[i] < 127 && d[i] != '=' && !(d[i] >= '0' && d[i] <= '9')
		    && !(d[i] >= 'A' && d[i] <= 'F'))
			om_buf_printf(o, "%s%c", pre, d[i]);
		else if (d[i] > 32 && d[i] < 127 && d[i] != '=')
			om_buf_putc(o, d[i]);
		else
			om_buf_printf(o, "%s=%02X", pre, d[i]);
		if (i % 8 == 7)
			om_buf_printf(o, "%s=%s\n", pre, pre);
	}
}

/* uu - uuencoded lines of up to 45 bytes */
static void
uu(om_buf *o, const unsigned char *d, size_t n)
{
	for (size_t i = 0; i < n; i += 45) {
		size_t  k = n - i < 45 ? n - i : 45;

		om_buf_putc(o, (int) (k + 32));
		for (size_t j = 0; j < k; j += 3) {
			unsigned v = (unsigned) d[i + j] << 16 | (j + 1 < k ? (unsigned) d[i + j + 1] << 8 : 0)
			| (j + 2 < k ? d[i + j + 2] : 0);

			for (int s = 18; s >= 0; s -= 6)
				om_buf_putc(o, (int) (((v >> s) & 63) ? ((v >> s) & 63) + 32 : '`'));
		}
		om_buf_putc(o, '\n');
	}
	om_buf_puts(o, "`\n");
}

/* yenc - yEnc, escaping what must be escaped */
static void
yenc(om_buf *o, const unsigned char *d, size_t n)
{
	om_buf_printf(o, "=ybegin line=128 size=%zu name=y.zip\n", n);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char) (d[i] + 42);

		if (c == 0 || c == '\n' || c == '\r' || c == '=') {
			om_buf_putc(o, '=');
			c = (unsigned char) (c + 64);
		}
		om_buf_putc(o, c);
		if (i % 64 == 63)
			om_buf_putc(o, '\n');
	}
	om_buf_printf(o, "\n=yend size=%zu\n", n);
}

enum shape {
	B64_PLAIN, B64_JUNK_LINE, B64_EACH_BYTE_EQ, B64_EACH_BYTE_LINE, B64_QUADS_XXX, B64_HASH_TAIL,
	B64_EQ_FOR_A, QP_ESC, QP_XX_BEFORE, QP_LOWER, QP_ZERO_BEFORE, QP_EQ_UNITS, QP_ZERO_UNITS, UU_BEGIN, UU_BARE, YENC, B64_HEADERS,
};

/* encode - the zip, encoded in one broken way */
static void
encode(om_buf *o, enum shape how, const unsigned char *d, size_t n)
{
	switch (how) {
	case B64_PLAIN:
		b64_lines(o, d, n, 57, "\r\n");
		break;
	case B64_JUNK_LINE:
		b64_lines(o, d, 30, 30, "\r\n# not base64 at all\r\n");
		b64_lines(o, d + 30, n - 30, 57, "\r\n");
		break;
	case B64_EACH_BYTE_EQ:			/* "UA=Sw=..." */
		for (size_t i = 0; i < n; i++)
			enc_b64(o, d + i, 1, 1);
		break;
	case B64_EACH_BYTE_LINE:		/* "UA==\nSw==\n..." */
		b64_lines(o, d, n, 1, "\n");
		break;
	case B64_QUADS_XXX:
		b64_lines(o, d, n, 3, "XXX\n");
		break;
	case B64_HASH_TAIL:
		b64_lines(o, d, n, 24, "#abc012\n");
		break;
	case B64_EQ_FOR_A:
		{
			om_buf  t;

			om_buf_init(&t, 0);
			b64_lines(&t, d, n, 57, "\n");
			/* "BBQAAgAI" as "BBQ=Ag=I": an "A" before another letter. */
			for (size_t i = 0; i < t.len; i++)
				om_buf_putc(o, t.data[i] == 'A' && i + 1 < t.len && t.data[i + 1] != 'A' && t.data[i + 1] != '='
					    && t.data[i + 1] != '\n' ? '=' : t.data[i]);
			om_buf_free(&t);
		}
		break;
	case QP_ESC:
		qp_all(o, d, n, "", 0);
		break;
	case QP_XX_BEFORE:
		qp_all(o, d, n, "=XX", 0);
		break;
	case QP_LOWER:
		qp_all(o, d, n, "", 1);
		break;
	case QP_ZERO_BEFORE:
		qp_all(o, d, n, "=0", 0);
		break;
	case QP_EQ_UNITS:			/* "=P=K==03==04", soft break "===" */
		qp_prefixed(o, d, n, "=");
		break;
	case QP_ZERO_UNITS:			/* "=0P=0K=0=03", soft break "=0==0" */
		qp_prefixed(o, d, n, "=0");
		break;
	case UU_BEGIN:
		om_buf_puts(o, "begin 644 u.zip\n");
		uu(o, d, n);
		om_buf_puts(o, "end\n");
		break;
	case UU_BARE:
		uu(o, d, n);
		break;
	case YENC:
		yenc(o, d, n);
		break;
	case B64_HEADERS:
		om_buf_puts(o, "Content-Type: application/zip\nContent-Disposition: attachment\n");
		b64_lines(o, d, n, 57, "\n");
		break;
	}
}

static void
test_readings(void **state)
{
	static const struct {
		const char *name;
		enum shape how;
		om_cte	declared;
	} cases[] = {
		{"plain base64", B64_PLAIN, OM_CTE_BASE64},
		{"base64 with a junk line", B64_JUNK_LINE, OM_CTE_BASE64},
		{"base64, each byte its own padded group", B64_EACH_BYTE_EQ, OM_CTE_BASE64},
		{"base64, each line its own group", B64_EACH_BYTE_LINE, OM_CTE_BASE64},
		{"base64, junk letters after whole groups", B64_QUADS_XXX, OM_CTE_BASE64},
		{"base64, junk after the letters", B64_HASH_TAIL, OM_CTE_BASE64},
		{"base64, '=' for 'A'", B64_EQ_FOR_A, OM_CTE_BASE64},
		{"base64 after header lines", B64_HEADERS, OM_CTE_NONE},
		{"quoted-printable", QP_ESC, OM_CTE_QP},
		{"quoted-printable under an unknown name", QP_ESC, OM_CTE_OTHER},
		{"quoted-printable, bad escape before each", QP_XX_BEFORE, OM_CTE_QP},
		{"quoted-printable, lower-case hex", QP_LOWER, OM_CTE_QP},
		{"quoted-printable, '=0' before each", QP_ZERO_BEFORE, OM_CTE_QP},
		{"quoted-printable, '=' before each unit", QP_EQ_UNITS, OM_CTE_QP},
		{"quoted-printable, '=0' before each unit", QP_ZERO_UNITS, OM_CTE_QP},
		{"uuencode with begin and end", UU_BEGIN, OM_CTE_UU},
		{"uuencode without begin and end", UU_BARE, OM_CTE_OTHER},
		{"yEnc", YENC, OM_CTE_NONE},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		om_buf  in, out;
		int     kind;

		om_buf_init(&in, 0);
		om_buf_init(&out, 1 << 20);
		encode(&in, cases[i].how, zip, zip_len);
		kind = om_decode_best((const unsigned char *) in.data, in.len, cases[i].declared, 1 << 20, &out);
		if (kind != OM_FILE_COMPLETE)
			fail_msg("%s: kind %d", cases[i].name, kind);
		if (out.len != zip_len || memcmp(out.data, zip, zip_len) != 0)
			fail_msg("%s: %zu bytes, not the zip", cases[i].name, out.len);
		om_buf_free(&in);
		om_buf_free(&out);
	}
}

static void
test_cte(void **state)
{
	static const struct {
		const char *value;
		om_cte	cte;
	} cases[] = {
		{NULL, OM_CTE_NONE}, {"", OM_CTE_NONE}, {"7bit", OM_CTE_NONE}, {"BINARY", OM_CTE_NONE},
		{"base64", OM_CTE_BASE64}, {"\"Base64\"", OM_CTE_BASE64}, {" base64; junk", OM_CTE_BASE64},
		{"base64 (comment)", OM_CTE_BASE64}, {"base-64", OM_CTE_BASE64}, {"x-base64", OM_CTE_BASE64},
		{"Quoted-Printable", OM_CTE_QP}, {"'quoted-printable'", OM_CTE_QP},
		{"uue", OM_CTE_UU}, {"x-uuencode", OM_CTE_UU}, {"x-yencode", OM_CTE_YENC},
		{"x-gzip64", OM_CTE_OTHER},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (om_decode_cte(cases[i].value) != cases[i].cte)
			fail_msg("\"%s\": %d", cases[i].value ? cases[i].value : "(null)", om_decode_cte(cases[i].value));
}

static void
test_file_kind(void **state)
{
	unsigned char bad[160];

	(void) state;
	assert_int_equal(om_decode_file_kind(zip, zip_len), OM_FILE_COMPLETE);
	assert_int_equal(om_decode_file_kind(zip, zip_len - 22), OM_FILE_KNOWN);
	assert_int_equal(om_decode_file_kind(zip + 1, zip_len - 1), OM_FILE_NONE);
	memcpy(bad, zip, zip_len);
	bad[40] = 'Q';				/* a byte lost before the end record */
	memmove(bad + 40, bad + 41, zip_len - 41);
	assert_int_equal(om_decode_file_kind(bad, zip_len - 1), OM_FILE_KNOWN);
	assert_int_equal(om_decode_file_kind(pe, sizeof(pe)), OM_FILE_COMPLETE);
	memcpy(bad, pe, sizeof(bad));
	bad[63] = 0x7f;				/* e_lfanew far past the end */
	assert_int_equal(om_decode_file_kind(bad, sizeof(bad)), OM_FILE_KNOWN);
	assert_int_equal(om_decode_file_kind(pe, 40), OM_FILE_KNOWN);
	assert_int_equal(om_decode_file_kind((const unsigned char *) "hello", 5), OM_FILE_NONE);
	assert_int_equal(om_decode_file_kind((const unsigned char *) "", 0), OM_FILE_NONE);
}

static void
test_selection(void **state)
{
	om_buf  in, out;
	int     kind;

	(void) state;
	/*
	 * An "=" after the first whole group: the strict reading stops there
	 * with a zip signature and nothing more; reading on gives the whole
	 * zip, and a complete file wins over a recognised one.
	 */
	om_buf_init(&in, 0);
	om_buf_init(&out, 1 << 20);
	enc_b64(&in, zip, 3, 0);
	om_buf_puts(&in, "=\r\n");
	enc_b64(&in, zip + 3, zip_len - 3, 2);
	kind = om_decode_best((const unsigned char *) in.data, in.len, OM_CTE_BASE64, 1 << 20, &out);
	assert_int_equal(kind, OM_FILE_COMPLETE);
	assert_int_equal(out.len, zip_len);
	assert_memory_equal(out.data, zip, zip_len);

	/* Both readings only recognised: the declared one, tried first, wins. */
	om_buf_reset(&in);
	om_buf_puts(&in, "PK=03=04abcdef");
	kind = om_decode_best((const unsigned char *) in.data, in.len, OM_CTE_QP, 1 << 20, &out);
	assert_int_equal(kind, OM_FILE_KNOWN);
	assert_buf_eq(&out, "PK\003\004abcdef");

	/* A PE behind quoted-printable. */
	om_buf_reset(&in);
	qp_all(&in, pe, sizeof(pe), "", 0);
	kind = om_decode_best((const unsigned char *) in.data, in.len, OM_CTE_NONE, 1 << 20, &out);
	assert_int_equal(kind, OM_FILE_COMPLETE);
	assert_int_equal(out.len, sizeof(pe));

	/* Nothing a filter knows: NONE, and the output is left alone. */
	om_buf_reset(&out);
	kind = om_decode_best((const unsigned char *) "Hello, world.\n", 14, OM_CTE_BASE64, 1 << 20, &out);
	assert_int_equal(kind, OM_FILE_NONE);
	assert_int_equal(out.len, 0);
	om_buf_free(&in);
	om_buf_free(&out);
}

typedef struct found_list {
	int	n;
	char	names[4][32];
	int	whole[4];
} found_list;

static int
found_cb(void *ctx, const char *name, size_t name_len, const unsigned char *data, size_t len, int kind)
{
	found_list *f = ctx;

	if (f->n < 4) {
		snprintf(f->names[f->n], sizeof(f->names[0]), "%.*s", (int) name_len, name ? name : "");
		f->whole[f->n] = kind == OM_FILE_COMPLETE && len == zip_len && memcmp(data, zip, len) == 0;
	}
	f->n++;
	return (0);
}

static void
test_region(void **state)
{
	found_list f;
	om_buf  in;

	(void) state;
	/* Prose, a lost part with its headers, a uuencoded file in text, a yEnc one. */
	om_buf_init(&in, 0);
	om_buf_puts(&in, "This is a multi-part message.\n\n--frontier \"odd\"\n"
		    "Content-Type: application/octet-stream;\n\tname=\"a.zip\"\n"
		    "Content-Transfer-Encoding: base64\n\n");
	b64_lines(&in, zip, zip_len, 57, "\n");
	om_buf_puts(&in, "--frontier \"odd\"--\n\nSee the file below:\n\n");
	encode(&in, UU_BEGIN, zip, zip_len);
	om_buf_puts(&in, "\nand another:\n");
	encode(&in, YENC, zip, zip_len);
	om_buf_puts(&in, "Regards,\nTaro\n");
	memset(&f, 0, sizeof(f));
	assert_int_equal(om_decode_region((const unsigned char *) in.data, in.len, 1 << 20, 10, found_cb, &f), 3);
	assert_int_equal(f.n, 3);
	assert_string_equal(f.names[0], "a.zip");
	assert_string_equal(f.names[1], "u.zip");
	assert_string_equal(f.names[2], "y.zip");
	assert_true(f.whole[0] && f.whole[1] && f.whole[2]);

	/* max_files is obeyed. */
	memset(&f, 0, sizeof(f));
	assert_int_equal(om_decode_region((const unsigned char *) in.data, in.len, 1 << 20, 1, found_cb, &f), 1);
	assert_int_equal(f.n, 1);

	/* Plain text: nothing. */
	memset(&f, 0, sizeof(f));
	assert_int_equal(om_decode_region((const unsigned char *) "Dear Sir,\n\nThank you.\n", 22, 1 << 20, 10,
					  found_cb, &f), 0);
	om_buf_free(&in);
}

/* part_named - the first part with that file name, or NULL */
static const om_part *
part_named(const om_msg *m, const char *name, int *count)
{
	const om_part *p = NULL;

	*count = 0;
	for (size_t k = 0; k < m->nparts; k++)
		if (m->parts[k].filename && strcmp(m->parts[k].filename, name) == 0) {
			if (p == NULL)
				p = m->parts + k;
			(*count)++;
		}
	return (p);
}

/* body_has - some body text of the message holds the string */
static int
body_has(const om_msg *m, const char *needle)
{
	for (size_t k = 0; k < m->ntexts; k++)
		if (m->texts[k].scope == OM_SCOPE_BODY && strstr(m->texts[k].text, needle))
			return (1);
	return (0);
}

/*
 * A text body behind a transfer encoding the parser does not know is
 * read as the header means, so its words (here a phone number) are
 * scanned; a well-formed one is read as usual and not flagged.
 */
static void
test_text_body(void **state)
{
	static const char text[] = "お客様の連絡先は 090-1234-5678 です。\n";
	static const struct {
		const char *cte;
		int	lenient;
	} cases[] = {
		{"base64", 0}, {"base-64", 1}, {"\"Base64\";", -1}, {"x-b64", 1},
		{"quoted-printable", 0}, {"quoted_printable", 1},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		om_buf  raw;
		om_msg *m;
		int     qp = strstr(cases[i].cte, "quoted") != NULL;

		om_buf_init(&raw, 0);
		om_buf_printf(&raw, "From: a@example.com\r\nTo: b@example.com\r\nSubject: t\r\n"
			      "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
			      "Content-Transfer-Encoding: %s\r\n\r\n", cases[i].cte);
		if (qp) {
			for (const unsigned char *c = (const unsigned char *) text; *c; c++)
				if (*c >= 0x80)
					om_buf_printf(&raw, "=%02X", *c);
				else
					om_buf_putc(&raw, *c);
		} else {
			b64_lines(&raw, (const unsigned char *) text, strlen(text), 57, "\r\n");
		}
		m = om_test_parse(snap->conf, raw.data, raw.len);
		assert_non_null(m);
		if (!body_has(m, "090-1234-5678") || !body_has(m, "連絡先"))
			fail_msg("case %zu (%s): the text was not decoded", i, cases[i].cte);
		/* -1: GMime may or may not read this one itself; either is fine */
		if (cases[i].lenient >= 0 && !!(m->parts[0].flags & OM_PART_LENIENT) != cases[i].lenient)
			fail_msg("case %zu (%s): lenient flag %d", i, cases[i].cte,
				 !!(m->parts[0].flags & OM_PART_LENIENT));
		om_msg_free(m);
		om_buf_free(&raw);
	}
}

static void
test_message(void **state)
{
	om_buf  raw;
	om_msg *m;
	const om_part *p;
	int     n;

	(void) state;
	/* Well-formed: read as it says, not flagged, not found twice. */
	om_buf_init(&raw, 0);
	om_buf_puts(&raw, "From: a@example.com\r\nTo: b@example.com\r\nSubject: t\r\nMIME-Version: 1.0\r\n"
		    "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
		    "--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
		    "--b\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename=\"w.zip\"\r\n"
		    "Content-Transfer-Encoding: base64\r\n\r\n");
	b64_lines(&raw, zip, zip_len, 57, "\r\n");
	om_buf_puts(&raw, "--b--\r\n");
	m = om_test_parse(snap->conf, raw.data, raw.len);
	p = part_named(m, "w.zip", &n);
	assert_non_null(p);
	assert_int_equal(n, 1);
	assert_false(p->flags & OM_PART_LENIENT);
	assert_int_equal(p->size, zip_len);
	om_msg_free(m);

	/* A boundary the parser cannot match: the file is found in the raw body. */
	om_buf_reset(&raw);
	om_buf_puts(&raw, "From: a@example.com\r\nTo: b@example.com\r\nSubject: t\r\nMIME-Version: 1.0\r\n"
		    "Content-Type: multipart/mixed; \"boundary=b\"\r\n\r\n"
		    "--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
		    "--b\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename=\"h.zip\"\r\n"
		    "Content-Transfer-Encoding: base64\r\n\r\n");
	b64_lines(&raw, zip, zip_len, 57, "\r\n");
	om_buf_puts(&raw, "--b--\r\n");
	m = om_test_parse(snap->conf, raw.data, raw.len);
	p = part_named(m, "h.zip", &n);
	assert_non_null(p);
	assert_true(p->flags & OM_PART_LENIENT);
	assert_true(p->flags & OM_PART_ATTACHMENT);
	assert_int_equal(p->size, zip_len);
	om_msg_free(m);
	om_buf_free(&raw);
}

static void
test_bounds(void **state)
{
	size_t  big = 8u << 20;
	unsigned char *junk = malloc(big);
	om_buf  out;
	found_list f;

	(void) state;
	assert_non_null(junk);
	/* Megabytes of near-base64 junk and "=": linear, capped, no file. */
	for (size_t i = 0; i < big; i++)
		junk[i] = (unsigned char) ("AZ=az09+/ =\n#M`"[(i * 7 + i / 13) % 15]);
	om_buf_init(&out, 1000);
	assert_int_equal(om_decode_best(junk, big, OM_CTE_BASE64, 1000, &out), OM_FILE_NONE);
	assert_true(out.len <= 1000);
	memset(&f, 0, sizeof(f));
	(void) om_decode_region(junk, big, 1000, 5, found_cb, &f);
	assert_true(f.n <= 5);
	/* Junk no reading turns into output, so each reads to the end: still linear. */
	for (size_t i = 0; i < big; i++)
		junk[i] = (unsigned char) ("#=\n"[i % 3]);
	assert_int_equal(om_decode_best(junk, big, OM_CTE_NONE, 1000, &out), OM_FILE_NONE);
	memset(junk, '=', big);
	assert_int_equal(om_decode_best(junk, big, OM_CTE_QP, 1000, &out), OM_FILE_NONE);
	memset(junk, ' ', big);
	memcpy(junk, "begin 644 x\n", 12);
	junk[big / 2] = '\n';
	assert_int_equal(om_decode_region(junk, big, 1000, 5, found_cb, &f), 0);

	/* A zip longer than the cap comes out cut at the cap, so not complete. */
	om_buf_reset(&out);
	{
		om_buf  in;

		om_buf_init(&in, 0);
		b64_lines(&in, zip, zip_len, 57, "\n");
		assert_int_equal(om_decode_best((const unsigned char *) in.data, in.len, OM_CTE_BASE64, 40, &out),
				 OM_FILE_KNOWN);
		assert_true(out.len <= 40);
		om_buf_free(&in);
	}
	/* Empty and tiny inputs. */
	assert_int_equal(om_decode_best((const unsigned char *) "", 0, OM_CTE_NONE, 1000, &out), OM_FILE_NONE);
	assert_int_equal(om_decode_best((const unsigned char *) "=", 1, OM_CTE_QP, 1000, &out), OM_FILE_NONE);
	assert_int_equal(om_decode_region((const unsigned char *) "=ybegin ", 8, 1000, 5, found_cb, &f), f.n);
	om_buf_free(&out);
	free(junk);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cte),
		cmocka_unit_test(test_file_kind),
		cmocka_unit_test(test_readings),
		cmocka_unit_test(test_selection),
		cmocka_unit_test(test_region),
		cmocka_unit_test(test_message),
		cmocka_unit_test(test_text_body),
		cmocka_unit_test(test_bounds),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
