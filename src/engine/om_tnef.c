/*++
 * NAME
 *	om_tnef 3
 * SUMMARY
 *	Outlook's winmail.dat: attributes, MAPI properties, compressed RTF
 * DESCRIPTION
 *	See om_tnef.h. The layout follows the published TNEF format
 *	(MS-OXTNEF): a signature and a key, then attributes, each a level
 *	byte, a 32-bit id (type in the high word), a 32-bit length, the
 *	data and a 16-bit checksum. Message and attachment properties are
 *	MAPI property lists: a count, then for each a type, an id (named
 *	properties carry a GUID and a number or a name), and the value,
 *	every value padded to four bytes; strings, binaries and objects
 *	always carry a value count. An attachment starts with its
 *	rendering attribute and ends where the next one starts.
 *
 *	The checksum is not checked: a mail client that unpacks the
 *	stream ignores it, so neither does the filter.
 *--*/
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "om_bytes.h"
#include "om_charset.h"
#include "om_tnef.h"
#include "om_utf8.h"

#define TNEF_SIGNATURE		0x223e9f78u
#define TNEF_NAME_MAX		512

/* Attributes: type in the high word, id in the low word. */
#define ATT_TYPE_STRING		0x0001u
#define ATT_TYPE_TEXT		0x0002u
#define ATT_ATTACH_DATA		0x0006800fu
#define ATT_ATTACH_TITLE	0x00018010u
#define ATT_RENDDATA		0x00069002u
#define ATT_MSGPROPS		0x00069003u
#define ATT_RECIPTABLE		0x00069004u
#define ATT_ATTACHMENT		0x00069005u
#define ATT_OEMCODEPAGE		0x00069007u

/* MAPI property types. */
#define PT_UNSPECIFIED		0x0000
#define PT_NULL			0x0001
#define PT_I2			0x0002
#define PT_LONG			0x0003
#define PT_R4			0x0004
#define PT_DOUBLE		0x0005
#define PT_CURRENCY		0x0006
#define PT_APPTIME		0x0007
#define PT_ERROR		0x000a
#define PT_BOOLEAN		0x000b
#define PT_OBJECT		0x000d
#define PT_I8			0x0014
#define PT_STRING8		0x001e
#define PT_UNICODE		0x001f
#define PT_SYSTIME		0x0040
#define PT_CLSID		0x0048
#define PT_BINARY		0x0102
#define PT_MV			0x1000

/* MAPI property ids that carry content. */
#define PR_RTF_COMPRESSED	0x1009
#define PR_HTML			0x1013
#define PR_ATTACH_DATA		0x3701
#define PR_ATTACH_FILENAME	0x3704
#define PR_ATTACH_LONG_FILENAME	0x3707

/* Compressed RTF (MS-OXRTFCP). */
#define RTF_LZFU		0x75465a4cu
#define RTF_MELA		0x414c454du
#define RTF_DICT		4096

static const char rtf_dict_init[] =
"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
"\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier"
"{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

_Static_assert(sizeof(rtf_dict_init) - 1 == 207, "the RTF dictionary starts with 207 bytes");

/* IID_IMessage: an embedded message, itself a TNEF stream. */
static const unsigned char iid_message[16] = {
	0x07, 0x03, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
	0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46,
};

typedef struct rd {
	const unsigned char *p;
	const unsigned char *end;
} rd;

typedef struct tnef_ctx {
	om_buf *text;
	om_tnef_file_fn file_fn;
	void   *ctx;
	char	codepage[16];		/* string8 charset, "CP932" */
	int	in_attach;		/* an attachment is open */
	char	name[TNEF_NAME_MAX];	/* its best name, UTF-8 */
	int	long_name;		/* name is the long file name */
	const unsigned char *data;	/* its bytes */
	size_t	dlen;
	int	embedded;		/* data is an embedded message */
} tnef_ctx;

/* rd_left - bytes that remain */
static size_t
rd_left(const rd *r)
{
	return ((size_t) (r->end - r->p));
}

/* get16, get32, take - read, or -1 past the end */
static int
get16(rd *r, uint16_t *v)
{
	if (rd_left(r) < 2)
		return (-1);
	*v = om_le16(r->p);
	r->p += 2;
	return (0);
}

static int
get32(rd *r, uint32_t *v)
{
	if (rd_left(r) < 4)
		return (-1);
	*v = om_le32(r->p);
	r->p += 4;
	return (0);
}

static int
take(rd *r, size_t n, const unsigned char **v)
{
	if (rd_left(r) < n)
		return (-1);
	*v = r->p;
	r->p += n;
	return (0);
}

/* skip_pad - values are padded to four bytes (the last may lack it) */
static void
skip_pad(rd *r, size_t n)
{
	size_t  pad = (4 - n % 4) % 4;

	r->p += pad < rd_left(r) ? pad : rd_left(r);
}

/* om_tnef_is - does this start like a TNEF stream? */
int
om_tnef_is(const unsigned char *d, size_t len)
{
	return (len >= 6 && om_le32(d) == TNEF_SIGNATURE);
}

/* decode_string - string bytes to UTF-8, trailing NULs dropped */
static void
decode_string(const tnef_ctx *tc, const unsigned char *s, size_t n, int unicode, om_buf *out)
{
	const char *used;

	if (unicode) {
		n &= ~(size_t) 1;
		while (n >= 2 && s[n - 1] == 0 && s[n - 2] == 0)
			n -= 2;
	} else
		while (n > 0 && s[n - 1] == 0)
			n--;
	if (n > 0)
		(void) om_charset_decode((const char *) s, n, unicode ? "UTF-16LE" : tc->codepage, out, &used);
}

/* put_string - one string on a line of its own; -1 at the text cap */
static int
put_string(tnef_ctx *tc, const unsigned char *s, size_t n, int unicode)
{
	om_buf  u;
	int     ret = 0;

	om_buf_init(&u, n * 3 + 16);
	decode_string(tc, s, n, unicode, &u);
	if (u.len > 0 && (om_buf_append(tc->text, u.data, u.len) < 0 || om_buf_putc(tc->text, '\n') < 0))
		ret = -1;
	om_buf_free(&u);
	return (ret);
}

/* set_name - the open attachment's name, cut whole characters at the cap */
static void
set_name(tnef_ctx *tc, const unsigned char *s, size_t n, int unicode)
{
	om_buf  u;
	size_t  k;

	om_buf_init(&u, sizeof(tc->name) * 2);
	decode_string(tc, s, n, unicode, &u);
	k = u.len < sizeof(tc->name) - 1 ? u.len : sizeof(tc->name) - 1;
	while (k > 0 && k < u.len && om_utf8_is_cont((unsigned char) u.data[k]))
		k--;
	if (k > 0) {
		memcpy(tc->name, u.data, k);
		tc->name[k] = 0;
	}
	om_buf_free(&u);
}

/* flush_attach - pass on the open attachment; -1 when the callback stops */
static int
flush_attach(tnef_ctx *tc)
{
	int     ret = 0;

	if (tc->in_attach && tc->data != NULL) {
		const char *name = tc->name[0] ? tc->name : tc->embedded ? "message.tnef" : "attachment";

		if (tc->file_fn(tc->ctx, name, tc->data, tc->dlen) != 0)
			ret = -1;
	}
	tc->in_attach = 0;
	tc->name[0] = 0;
	tc->long_name = 0;
	tc->data = NULL;
	tc->dlen = 0;
	tc->embedded = 0;
	return (ret);
}

/* content_value - a string, binary or object property's value */
static int
content_value(tnef_ctx *tc, unsigned type, unsigned id, const unsigned char *v, size_t n, int attach)
{
	if (type == PT_STRING8 || type == PT_UNICODE) {
		if (attach && (id == PR_ATTACH_LONG_FILENAME || (id == PR_ATTACH_FILENAME && !tc->long_name))) {
			set_name(tc, v, n, type == PT_UNICODE);
			tc->long_name |= id == PR_ATTACH_LONG_FILENAME;
		}
		return (put_string(tc, v, n, type == PT_UNICODE));
	}
	if (type == PT_BINARY) {
		if (id == PR_RTF_COMPRESSED) {
			om_buf  rtf;
			int     r;

			om_buf_init(&rtf, tc->text->cap ? tc->text->cap : (size_t) 64 << 20);
			r = om_tnef_rtf_decompress(v, n, rtf.cap, &rtf);
			if (r == 0 && rtf.len > 0 && tc->file_fn(tc->ctx, "message.rtf", (const unsigned char *) rtf.data, rtf.len))
				r = -1;
			om_buf_free(&rtf);
			return (r);
		}
		if (id == PR_HTML)
			return (n > 0 && tc->file_fn(tc->ctx, "message.html", v, n) ? -1 : 0);
		if (attach && id == PR_ATTACH_DATA && tc->data == NULL) {
			tc->data = v;
			tc->dlen = n;
		}
		/* Other binaries are entry ids, keys and icons: no content. */
		return (0);
	}
	/* PT_OBJECT: an interface id, then the object's bytes. */
	if (n < 16)
		return (-1);
	if (!attach)
		return (tc->file_fn(tc->ctx, "object", v + 16, n - 16) ? -1 : 0);
	if (tc->data == NULL || id == PR_ATTACH_DATA) {
		tc->data = v + 16;
		tc->dlen = n - 16;
		tc->embedded = memcmp(v, iid_message, 16) == 0;
	}
	return (0);
}

/* read_value - one value of a property */
static int
read_value(tnef_ctx *tc, rd *r, unsigned type, unsigned id, int attach)
{
	const unsigned char *v;
	uint32_t n;

	switch (type) {
	case PT_UNSPECIFIED:
	case PT_NULL:
		return (0);
	case PT_I2:
	case PT_BOOLEAN:
	case PT_LONG:
	case PT_R4:
	case PT_ERROR:
		return (take(r, 4, &v));
	case PT_DOUBLE:
	case PT_CURRENCY:
	case PT_APPTIME:
	case PT_I8:
	case PT_SYSTIME:
		return (take(r, 8, &v));
	case PT_CLSID:
		return (take(r, 16, &v));
	case PT_STRING8:
	case PT_UNICODE:
	case PT_BINARY:
	case PT_OBJECT:
		if (get32(r, &n) < 0 || take(r, n, &v) < 0)
			return (-1);
		skip_pad(r, n);
		return (content_value(tc, type, id, v, n, attach));
	default:
		/* A type we cannot size: the rest cannot be read. */
		return (-1);
	}
}

/* read_props - a MAPI property list */
static int
read_props(tnef_ctx *tc, rd *r, int attach)
{
	uint32_t count;

	if (get32(r, &count) < 0)
		return (-1);
	for (uint32_t i = 0; i < count; i++) {
		uint16_t type, id;
		uint32_t nvals = 1;

		if (get16(r, &type) < 0 || get16(r, &id) < 0)
			return (-1);
		if (id >= 0x8000) {
			const unsigned char *guid;
			uint32_t kind, v;

			if (take(r, 16, &guid) < 0 || get32(r, &kind) < 0 || get32(r, &v) < 0)
				return (-1);
			if (kind == 1) {
				/* A name: v bytes of UTF-16, padded. */
				if (take(r, v, &guid) < 0)
					return (-1);
				skip_pad(r, v);
			} else if (kind != 0)
				return (-1);
		}
		if ((type & PT_MV) || type == PT_STRING8 || type == PT_UNICODE || type == PT_BINARY
		    || type == PT_OBJECT) {
			if (get32(r, &nvals) < 0)
				return (-1);
			/* Every value of these takes four bytes at least. */
			if (nvals > rd_left(r) / 4 + 1)
				return (-1);
		}
		type &= (uint16_t) ~PT_MV;
		for (uint32_t k = 0; k < nvals; k++)
			if (read_value(tc, r, type, id, attach) < 0)
				return (-1);
	}
	return (0);
}

/* recip_table - rows of recipient properties */
static int
recip_table(tnef_ctx *tc, rd *r)
{
	uint32_t rows;

	if (get32(r, &rows) < 0 || rows > rd_left(r) / 4)
		return (-1);
	for (uint32_t i = 0; i < rows; i++)
		if (read_props(tc, r, 0) < 0)
			return (-1);
	return (0);
}

/* attribute - one attribute of the stream */
static int
attribute(tnef_ctx *tc, uint32_t id, const unsigned char *d, size_t n)
{
	rd      sub = {d, d + n};
	unsigned type = id >> 16;

	switch (id) {
	case ATT_OEMCODEPAGE:
		if (n >= 4 && om_le32(d) > 0 && om_le32(d) < 100000)
			snprintf(tc->codepage, sizeof(tc->codepage), "CP%u", (unsigned) om_le32(d));
		return (0);
	case ATT_RENDDATA:
		if (flush_attach(tc) < 0)
			return (-1);
		tc->in_attach = 1;
		return (0);
	case ATT_ATTACH_DATA:
		tc->in_attach = 1;
		tc->data = d;
		tc->dlen = n;
		tc->embedded = 0;
		return (0);
	case ATT_ATTACH_TITLE:
		tc->in_attach = 1;
		if (!tc->long_name)
			set_name(tc, d, n, 0);
		return (put_string(tc, d, n, 0));
	case ATT_MSGPROPS:
		return (read_props(tc, &sub, 0));
	case ATT_ATTACHMENT:
		tc->in_attach = 1;
		return (read_props(tc, &sub, 1));
	case ATT_RECIPTABLE:
		return (recip_table(tc, &sub));
	default:
		/* Subject, body, message id ...: words; dates and flags: none. */
		if (type == ATT_TYPE_STRING || type == ATT_TYPE_TEXT)
			return (put_string(tc, d, n, 0));
		return (0);
	}
}

/* om_tnef_read - see om_tnef.h */
int
om_tnef_read(const unsigned char *d, size_t len, om_buf *text, om_tnef_file_fn file_fn, void *ctx)
{
	tnef_ctx tc;
	rd      r;

	if (!om_tnef_is(d, len))
		return (OM_TNEF_NOT);
	memset(&tc, 0, sizeof(tc));
	tc.text = text;
	tc.file_fn = file_fn;
	tc.ctx = ctx;
	snprintf(tc.codepage, sizeof(tc.codepage), "%s", "CP1252");
	r.p = d + 6;
	r.end = d + len;
	while (rd_left(&r) > 0) {
		const unsigned char *ad;
		uint32_t id, alen;
		uint16_t sum;

		/* A level byte, id, length, data, checksum. */
		r.p++;
		if (get32(&r, &id) < 0 || get32(&r, &alen) < 0 || take(&r, alen, &ad) < 0 || get16(&r, &sum) < 0)
			return (-1);
		if (attribute(&tc, id, ad, alen) < 0)
			return (-1);
	}
	return (flush_attach(&tc));
}

/* om_tnef_rtf_decompress - compressed RTF to RTF; -1 when damaged or past cap */
int
om_tnef_rtf_decompress(const unsigned char *d, size_t len, size_t cap, om_buf *out)
{
	unsigned char dict[RTF_DICT];
	const unsigned char *p, *end;
	uint32_t comp, raw, magic;
	size_t  wp = sizeof(rtf_dict_init) - 1;

	if (len < 16)
		return (-1);
	comp = om_le32(d);
	raw = om_le32(d + 4);
	magic = om_le32(d + 8);
	if (raw > cap)
		return (-1);
	if (magic == RTF_MELA)
		return (om_buf_append(out, d + 16, raw < len - 16 ? raw : len - 16));
	if (magic != RTF_LZFU)
		return (-1);
	/* The compressed size counts from after its own field. */
	end = d + (comp < len - 4 ? comp + 4 : len);
	memset(dict, 0, sizeof(dict));
	memcpy(dict, rtf_dict_init, wp);
	for (p = d + 16; p < end;) {
		unsigned flags = *p++;

		for (int bit = 0; bit < 8 && p < end; bit++) {
			if (flags & (1u << bit)) {
				unsigned ref, off, n;

				if (end - p < 2)
					return (-1);
				ref = ((unsigned) p[0] << 8) | p[1];
				p += 2;
				off = ref >> 4;
				n = (ref & 15) + 2;
				if (off == (wp & (RTF_DICT - 1)))
					return (0);		/* the end mark */
				for (unsigned i = 0; i < n; i++) {
					unsigned char c = dict[(off + i) & (RTF_DICT - 1)];

					if (out->len >= raw || om_buf_putc(out, c) < 0)
						return (-1);
					dict[wp++ & (RTF_DICT - 1)] = c;
				}
			} else {
				if (out->len >= raw || om_buf_putc(out, *p) < 0)
					return (-1);
				dict[wp++ & (RTF_DICT - 1)] = *p++;
			}
		}
	}
	return (0);
}
