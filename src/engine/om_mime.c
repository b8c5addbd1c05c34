/*++
 * NAME
 *	om_mime 3
 * SUMMARY
 *	raw message to om_msg, with GMime
 * DESCRIPTION
 *	GMime parses; this file walks the tree it builds and copies what
 *	the detectors need into the message: part list, decoded content,
 *	normalised text, links, addresses. Parts, texts and links go in
 *	through the builder (om_msg.c); what is inside the attachments is
 *	om_attach's business, afterwards. See om_mime.h and om_msg.h.
 *
 *	Safety: before GMime sees the message, a line scan counts the
 *	Content-Type headers and the lines that open a part (the
 *	delimiters of every boundary declared anywhere in the message:
 *	GMime makes a part of each, headers or not); a message with more
 *	than mime_part_limit of either, or larger than message_size_limit,
 *	is parsed for its top headers only and flagged. That bounds the
 *	parts GMime builds and its own recursion by the part limit, and
 *	our walk is bounded by mime_depth_limit.
 *--*/
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "om_buf.h"
#include "om_charset.h"
#include "om_decode.h"
#include "om_encrypt.h"
#include "om_html.h"
#include "om_magic.h"
#include "om_mime.h"

typedef struct parse_ctx {
	const om_conf *conf;
	om_msg *msg;
	om_pool *pool;
	GMimeParserOptions *opts;
	int	cur_part;		/* for link callbacks */
} parse_ctx;

/* lower_dup - lower-cased pool copy */
static char *
lower_dup(om_pool *pool, const char *s)
{
	char   *d = om_pool_strdup(pool, s);

	for (char *p = d; p && *p; p++)
		*p = (char) tolower((unsigned char) *p);
	return (d);
}

#define BND_SLOTS	8192		/* boundary set: power of two */
#define BND_MAX		(BND_SLOTS / 2)	/* distinct boundaries kept */

typedef struct bnd_set {
	const char *s[BND_SLOTS];
	size_t	n[BND_SLOTS];
	size_t	count;
	int	any;			/* cannot tell: every "--x" line counts */
} bnd_set;

/* bnd_hash - hash of a boundary string */
static size_t
bnd_hash(const char *s, size_t n)
{
	size_t  h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return (h & (BND_SLOTS - 1));
}

/* bnd_has - is s[0..n) a declared boundary */
static int
bnd_has(const bnd_set *b, const char *s, size_t n)
{
	for (size_t i = bnd_hash(s, n); b->s[i]; i = (i + 1) & (BND_SLOTS - 1))
		if (b->n[i] == n && memcmp(b->s[i], s, n) == 0)
			return (1);
	return (0);
}

/* bnd_add - remember one declared boundary */
static void
bnd_add(bnd_set *b, const char *s, size_t n)
{
	size_t  i;

	if (n == 0 || bnd_has(b, s, n))
		return;
	if (b->count >= BND_MAX) {
		b->any = 1;
		return;
	}
	for (i = bnd_hash(s, n); b->s[i]; i = (i + 1) & (BND_SLOTS - 1))
		;
	b->s[i] = s;
	b->n[i] = n;
	b->count++;
}

/* is_lwsp - a byte that ends a boundary token */
static int
is_lwsp(char c)
{
	return (c == ' ' || c == '\t' || c == '\r' || c == '\n');
}

/*
 * find_boundaries - every boundary= value anywhere in the message. A
 * form this scan does not read (RFC 2231 boundary*=, a value it cannot
 * delimit) sets "any": then every line starting with "--" and a
 * non-blank counts as a delimiter, which can only count too many, and
 * nothing more needs to be read.
 *
 * The scan looks for the "=" (or "*") that must follow the word, with
 * memchr(), and only then looks back over blanks for "boundary": most
 * of a message (base64, text) holds neither byte, while the letter "b"
 * is everywhere. A word that starts inside a value already read is
 * skipped, as a forward reading would skip it.
 */
static void
find_boundaries(const char *raw, size_t len, bnd_set *b)
{
	const char *end = raw + len;
	const char *eq = memchr(raw, '=', len), *star = memchr(raw, '*', len);
	size_t  from = 0;

	while (eq != NULL || star != NULL) {
		const char *q = (star == NULL || (eq != NULL && eq < star)) ? eq : star;
		size_t  j = (size_t) (q - raw), k = j, v;

		if (q == eq)
			eq = j + 1 < len ? memchr(q + 1, '=', (size_t) (end - q - 1)) : NULL;
		else
			star = j + 1 < len ? memchr(q + 1, '*', (size_t) (end - q - 1)) : NULL;
		while (k > 0 && is_lwsp(raw[k - 1]))
			k--;
		if (k < 8 || k - 8 < from || (raw[k - 1] | 0x20) != 'y'
		    || strncasecmp(raw + k - 8, "boundary", 8) != 0)
			continue;
		if (*q == '*') {
			b->any = 1;
			return;
		}
		k = j + 1;
		while (k < len && is_lwsp(raw[k]))
			k++;
		if (k < len && raw[k] == '"') {
			for (v = ++k; v < len && raw[v] != '"' && raw[v] != '\n' && v - k < 256; v++)
				if (raw[v] == '\\')
					b->any = 1;
			if (v >= len || raw[v] != '"')
				b->any = 1;
		} else
			for (v = k; v < len && !is_lwsp(raw[v]) && raw[v] != ';' && v - k < 256; v++)
				;
		/* What GMime matches: the value up to trailing blanks. */
		while (v > k && is_lwsp(raw[v - 1]))
			v--;
		bnd_add(b, raw + k, v - k);
		if (b->any)
			return;
		from = v;
	}
}

/*
 * too_many_parts - more than "stop" lines that start with
 * "Content-Type:", or more than "stop" lines that open a part: "--"
 * and a declared boundary, then only blanks. GMime makes a part for
 * each delimiter whether or not the part has headers, so that, not the
 * Content-Type count alone, is what bounds the parts it would build.
 * One pass over the lines counts both.
 */
static int
too_many_parts(const char *raw, size_t len, size_t stop)
{
	const char *p = raw, *end = raw + len;
	bnd_set *b = calloc(1, sizeof(*b));
	size_t  ndelim = 0, nct = 0;

	if (b == NULL)
		return (1);		/* cannot count: do not parse */
	find_boundaries(raw, len, b);
	while (p < end && ndelim <= stop && nct <= stop) {
		const char *nl = memchr(p, '\n', (size_t) (end - p));
		const char *le = nl ? nl : end, *t = p + 2, *te;

		if (le - p > 2 && p[0] == '-' && p[1] == '-' && !is_lwsp(p[2])) {
			for (te = t; te < le && !is_lwsp(*te); te++)
				;
			if (b->any || bnd_has(b, t, (size_t) (te - t)))
				ndelim++;
		} else if ((p[0] == 'C' || p[0] == 'c') && (size_t) (end - p) >= 13
			   && strncasecmp(p, "content-type:", 13) == 0)
			nct++;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	free(b);
	return (ndelim > stop || nct > stop);
}

/* header_section_len - length of the top header block */
static size_t
header_section_len(const char *raw, size_t len)
{
	const char *p = raw, *end = raw + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t) (end - p));

		if (nl == NULL)
			return (len);
		if (nl == p || (nl == p + 1 && *p == '\r'))
			return ((size_t) (nl + 1 - raw));
		p = nl + 1;
	}
	return (len);
}

/*
 * skip_preamble - length of what precedes the first header: lines of
 * blanks (not empty lines) and an mbox "From " separator line, which saved mail and
 * some clients put before the headers and which would otherwise make
 * the whole message unreadable to the parser.
 */
static size_t
skip_preamble(const char *raw, size_t len)
{
	size_t  off = 0;

	for (int lines = 0; lines < 100 && off < len; lines++) {
		const char *nl = memchr(raw + off, '\n', len - off);
		size_t  end = nl ? (size_t) (nl - raw) + 1 : len;
		size_t  i = off;

		while (i < end && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\n'))
			i++;
		if (nl == NULL)
			break;
		/* An empty line is an empty header section: the message itself. */
		if (raw[off] == '\n' || (raw[off] == '\r' && off + 1 < len && raw[off + 1] == '\n'))
			break;
		if (i == end || (lines == 0 && end - off > 5 && memcmp(raw + off, "From ", 5) == 0)) {
			off = end;
			continue;
		}
		break;
	}
	return (off);
}

/* add_text - register a text of the message being parsed */
static void
add_text(parse_ctx *cx, om_scope scope, const char *where, const char *utf8, size_t len, int part)
{
	om_msg_add_text(cx->msg, scope, where, utf8, len, part, 0);
}

/* link_cb - an <a href> seen in an HTML part */
static void
link_cb(void *ctx, const char *href, const char *text)
{
	parse_ctx *cx = ctx;

	om_msg_add_link(cx->msg, href, text, cx->cur_part);
}

static int found_file(void *ctx, const char *name, size_t name_len, const unsigned char *data, size_t len, int kind);

/* data_cb - a data: URI in an HTML part: a file inside the text, an attachment */
static void
data_cb(void *ctx, const char *mediatype, const unsigned char *data, size_t len)
{
	(void) mediatype;
	(void) found_file(ctx, "data-uri", 8, data, len, 0);
}

/*
 * addr_list - copy an InternetAddressList, flattening groups. The array
 * grows geometrically (a list of thousands of addresses costs linear
 * time and memory); past OM_ADDR_MAX addresses the rest is not kept and
 * the message says so (OM_LIMIT_ADDRS), so no recipient goes unjudged
 * in silence. GMime reads stray colons as groups within groups: they
 * are flattened down to ADDR_DEPTH_MAX levels; deeper is the limit too.
 */
#define ADDR_DEPTH_MAX	32

static void
addr_list(parse_ctx *cx, InternetAddressList *list, om_addrlist *out, size_t *cap, int depth)
{
	int     n;

	if (list == NULL)
		return;
	if (depth > ADDR_DEPTH_MAX) {
		cx->msg->limits |= OM_LIMIT_ADDRS;
		return;
	}
	n = internet_address_list_length(list);
	for (int i = 0; i < n; i++) {
		InternetAddress *ia = internet_address_list_get_address(list, i);

		if (INTERNET_ADDRESS_IS_GROUP(ia)) {
			addr_list(cx, internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), out, cap,
				  depth + 1);
		} else if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
			const char *a = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
			const char *name = internet_address_get_name(ia);
			char   *copy, *at;

			if (a == NULL || *a == 0)
				continue;
			if (out->n >= OM_ADDR_MAX) {
				cx->msg->limits |= OM_LIMIT_ADDRS;
				return;
			}
			out->v = om_pool_grow(cx->pool, out->v, out->n, cap, sizeof(om_addr));
			copy = om_pool_strdup(cx->pool, a);
			if ((at = strrchr(copy, '@')) != NULL)
				for (char *p = at; *p; p++)
					*p = (char) tolower((unsigned char) *p);
			out->v[out->n].addr = copy;
			out->v[out->n].name = name && *name ? om_pool_strdup(cx->pool, name) : NULL;
			out->n++;
		}
	}
}

/* addr_header - one address header into its list */
static void
addr_header(parse_ctx *cx, InternetAddressList *list, om_addrlist *out)
{
	size_t  cap = 0;

	addr_list(cx, list, out, &cap, 0);
}

/* name_copy - a decoded file name as valid UTF-8 in the pool, or NULL */
static const char *
name_copy(parse_ctx *cx, const char *fn)
{
	om_buf  name;
	const char *used, *copy;

	if (fn == NULL || *fn == 0)
		return (NULL);
	if (om_utf8_valid(fn, strlen(fn)))
		return (om_pool_strdup(cx->pool, fn));
	/* A raw 8-bit name in some charset: decode it like text. */
	om_buf_init(&name, 4096);
	(void) om_charset_decode(fn, strlen(fn), NULL, &name, &used);
	copy = om_pool_memdup(cx->pool, name.data ? name.data : "", name.len);
	om_buf_free(&name);
	return (copy);
}

/*
 * decode_leaf - transfer-decoded content of a leaf part. The array is
 * sized for the decoded bytes up front (the encoded length, three
 * quarters of it for base64), so that it does not grow by copies.
 */
static GByteArray *
decode_leaf(GMimePart *part)
{
	GMimeDataWrapper *w = g_mime_part_get_content(part);
	GMimeStream *enc, *mem;
	GByteArray *bytes;
	gint64	elen;

	if (w == NULL)
		return (NULL);
	enc = g_mime_data_wrapper_get_stream(w);
	elen = enc ? g_mime_stream_length(enc) : -1;
	if (elen > 0 && elen < (gint64) G_MAXUINT / 2) {
		if (g_mime_data_wrapper_get_encoding(w) == GMIME_CONTENT_ENCODING_BASE64)
			elen = elen / 4 * 3 + 3;
		bytes = g_byte_array_sized_new((guint) elen + 1);
	} else
		bytes = g_byte_array_new();
	mem = g_mime_stream_mem_new_with_byte_array(bytes);
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(mem), FALSE);
	if (g_mime_data_wrapper_write_to_stream(w, mem) < 0) {
		g_object_unref(mem);
		g_byte_array_free(bytes, TRUE);
		return (NULL);
	}
	g_object_unref(mem);
	return (bytes);
}

/* generic_type - a libmagic answer that names no particular format */
static int
generic_type(const char *t)
{
	return (t == NULL || strcmp(t, "text/plain") == 0 || strcmp(t, "application/octet-stream") == 0
		|| strcmp(t, "application/x-empty") == 0 || strcmp(t, "inode/x-empty") == 0);
}

/* is_texty - declared types whose content we read as text */
static int
is_texty(const char *ct)
{
	return (strncmp(ct, "text/", 5) == 0 && strcmp(ct, "text/rtf") != 0);
}

/*
 * reread_text - a text part whose Content-Transfer-Encoding GMime did not
 * recognise ("base-64", "\"quoted-printable\";") still holds its text
 * encoded: personal data in it would pass unseen. Read it as the header
 * means and flag the part, as for files.
 */
static void
reread_text(parse_ctx *cx, GMimeObject *obj, om_part *p)
{
	GMimeContentEncoding enc = g_mime_part_get_content_encoding(GMIME_PART(obj));
	om_cte	cte;
	om_buf  out;

	if (enc == GMIME_CONTENT_ENCODING_BASE64 || enc == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE
	    || enc == GMIME_CONTENT_ENCODING_UUENCODE || p->size == 0)
		return;
	cte = om_decode_cte(g_mime_object_get_header(obj, "Content-Transfer-Encoding"));
	if (cte != OM_CTE_BASE64 && cte != OM_CTE_QP && cte != OM_CTE_UU)
		return;
	om_buf_init(&out, p->size);
	if (om_decode_text(p->data, p->size, cte, &out) == 0 && out.len > 0) {
		p->data = om_pool_memdup(cx->pool, out.data, out.len);
		p->size = out.len;
		p->flags |= OM_PART_LENIENT;
	}
	om_buf_free(&out);
}

/*
 * reread_leaf - when the declared transfer encoding gave no complete
 * file a filter can recognise, read the raw bytes every forgiving way
 * (om_decode.h): mail clients differ in how they read a broken
 * encoding, and an attacker picks the one that slips past the filter.
 * A reading that gives a more complete file than the declared one is
 * the one judged, and the part says so.
 */
static void
reread_leaf(parse_ctx *cx, GMimeObject *obj, om_part *p, int strict_kind)
{
	GMimeDataWrapper *w = g_mime_part_get_content(GMIME_PART(obj));
	size_t  cap = cx->msg->raw_size + 1;
	GMimeStream *raw;
	GByteArray *enc;
	gint64	len;
	om_buf  out;
	int     kind;

	if (w == NULL || (raw = g_mime_data_wrapper_get_stream(w)) == NULL)
		return;
	len = g_mime_stream_length(raw);
	if (len <= 0 || (size_t) len > cap)
		return;
	enc = g_byte_array_sized_new((guint) len);
	g_byte_array_set_size(enc, (guint) len);
	g_mime_stream_reset(raw);
	om_buf_init(&out, cap);
	if (g_mime_stream_read(raw, (char *) enc->data, (size_t) len) == (ssize_t) len) {
		om_cte	cte = om_decode_cte(g_mime_object_get_header(obj, "Content-Transfer-Encoding"));

		kind = om_decode_best(enc->data, enc->len, cte, cap, &out);
		if (kind > strict_kind) {
			p->data = om_pool_memdup(cx->pool, out.data, out.len);
			p->size = out.len;
			p->flags |= OM_PART_LENIENT;
			p->magic_type = om_magic_type(cx->pool, p->data, p->size);
		}
	}
	om_buf_free(&out);
	g_mime_stream_reset(raw);
	g_byte_array_free(enc, TRUE);
}

/* text_of_leaf - decoded, charset-converted, de-HTMLed text of a part */
static void
text_of_leaf(parse_ctx *cx, int idx, om_scope scope, const char *where)
{
	om_part *p = cx->msg->parts + idx;
	om_buf  utf8;
	const char *used = NULL;
	int     fl;

	om_buf_init(&utf8, cx->conf->conf_text_size_limit);
	fl = om_charset_decode((const char *) p->data, p->size, p->charset, &utf8, &used);
	p->charset_used = om_pool_strdup(cx->pool, used);
	p->flags |= OM_PART_TEXT;
	if (fl & OM_CHARSET_GUESSED)
		p->flags |= OM_PART_CHARSET_GUESS;
	if (fl & OM_CHARSET_LOSSY)
		p->flags |= OM_PART_LOSSY;
	if (fl & OM_CHARSET_TRUNCATED) {
		p->flags |= OM_PART_TRUNCATED;
		cx->msg->limits |= OM_LIMIT_TEXT;
	}
	if (p->flags & OM_PART_HTML) {
		om_buf  plain, hidden;
		om_html_sink sink = {&hidden, link_cb, data_cb, cx};

		om_buf_init(&plain, cx->conf->conf_text_size_limit);
		om_buf_init(&hidden, cx->conf->conf_text_size_limit);
		cx->cur_part = idx;
		if (om_html_read(utf8.data ? utf8.data : "", utf8.len, &plain, &sink) < 0) {
			cx->msg->parts[idx].flags |= OM_PART_TRUNCATED;
			cx->msg->limits |= OM_LIMIT_TEXT;
		}
		/* data: URIs became parts: the array may have moved. */
		p = cx->msg->parts + idx;
		add_text(cx, scope, where, plain.data, plain.len, idx);
		/* What the reader does not see still leaves with the mail. */
		add_text(cx, scope, where, hidden.data, hidden.len, idx);
		om_buf_free(&plain);
		om_buf_free(&hidden);
	} else {
		/*
		 * Read as UTF-8, the bytes were checked on the way in (and cut
		 * only between characters); as US-ASCII they are all 7-bit.
		 * Either way there is no need to check them again.
		 */
		int     checked = used && (strcmp(used, "UTF-8") == 0 || strcmp(used, "US-ASCII") == 0);

		om_msg_add_text(cx->msg, scope, where, utf8.data, utf8.len, idx, checked ? OM_TEXT_UTF8 : 0);
	}
	om_buf_free(&utf8);
}


static void walk(parse_ctx *cx, GMimeObject *obj, int parent, int depth, unsigned inherit, const char *attach_where);

/*
 * boundary_text - the text before the first and after the last
 * boundary of a multipart. No mail client shows it, but it travels
 * with the mail and anyone can read it in the source.
 */
static void
boundary_text(parse_ctx *cx, GMimeMultipart *mp, int idx, unsigned inherit, const char *attach_where)
{
	const char *t[2] = {g_mime_multipart_get_prologue(mp), g_mime_multipart_get_epilogue(mp)};
	int     attach = (inherit & OM_PART_ATTACHMENT) != 0;

	for (int i = 0; i < 2; i++)
		if (t[i] && *t[i])
			add_text(cx, attach ? OM_SCOPE_ATTACHMENT : OM_SCOPE_BODY,
				 attach && attach_where ? attach_where : attach ? "attachment:message" : "body",
				 t[i], strlen(t[i]), idx);
}

/* walk_message_part - a message/rfc822 entity: its own headers and tree */
static void
walk_message_part(parse_ctx *cx, int idx, GMimeMessagePart *mp, int depth, unsigned inherit, const char *where)
{
	GMimeMessage *inner = g_mime_message_part_get_message(mp);
	const char *subj;

	if (inner == NULL)
		return;
	if ((subj = g_mime_message_get_subject(inner)) != NULL)
		add_text(cx, OM_SCOPE_ATTACHMENT, where, subj, strlen(subj), idx);
	if (g_mime_message_get_mime_part(inner))
		walk(cx, g_mime_message_get_mime_part(inner), idx, depth + 1, inherit, where);
}

/* body_text_type - declared type of a body part that needs no sniffing */
static int
body_text_type(const char *type)
{
	return (strcmp(type, "text/plain") == 0 || strcmp(type, "text/html") == 0);
}

/*
 * signed_entity - the MIME entity inside an opaque S/MIME signature
 * (application/pkcs7-mime, smime-type=signed-data): not encrypted, only
 * wrapped. NULL when the part is not one, or its content does not parse.
 */
static GMimeObject *
signed_entity(parse_ctx *cx, const om_part *p)
{
	unsigned char *content;
	size_t  clen;
	GMimeStream *st;
	GMimeParser *ps;
	GMimeObject *obj;

	if (strcmp(p->content_type, "application/pkcs7-mime") != 0
	    && strcmp(p->content_type, "application/x-pkcs7-mime") != 0)
		return (NULL);
	if (om_encrypt_cms_signed(p->data, p->size, &content, &clen) != 0)
		return (NULL);
	st = g_mime_stream_mem_new_with_buffer((const char *) content, clen);
	free(content);
	ps = g_mime_parser_new_with_stream(st);
	obj = g_mime_parser_construct_part(ps, cx->opts);
	g_object_unref(ps);
	g_object_unref(st);
	return (obj);
}

/* walk - one entity and, within limits, everything below it */
static void
walk(parse_ctx *cx, GMimeObject *obj, int parent, int depth, unsigned inherit, const char *attach_where)
{
	om_msg *msg = cx->msg;
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	GMimeContentDisposition *cd = g_mime_object_get_content_disposition(obj);
	om_part *p;
	int     idx;
	char   *mime_type;

	if ((size_t) depth > cx->conf->conf_mime_depth_limit) {
		msg->limits |= OM_LIMIT_DEPTH;
		return;
	}
	if ((idx = om_msg_add_part(msg, parent, depth, inherit)) < 0) {
		msg->limits |= OM_LIMIT_PARTS;
		return;
	}
	p = msg->parts + idx;
	mime_type = ct ? g_mime_content_type_get_mime_type(ct) : NULL;
	p->content_type = lower_dup(cx->pool, mime_type ? mime_type : "text/plain");
	g_free(mime_type);
	if (ct && g_mime_content_type_get_parameter(ct, "charset"))
		p->charset = om_pool_strdup(cx->pool, g_mime_content_type_get_parameter(ct, "charset"));
	if (cd && g_mime_content_disposition_get_disposition(cd))
		p->disposition = lower_dup(cx->pool, g_mime_content_disposition_get_disposition(cd));

	if (GMIME_IS_MULTIPART(obj)) {
		GMimeMultipart *mp = GMIME_MULTIPART(obj);
		int     n = g_mime_multipart_get_count(mp);

		/*
		 * Every child is read, the alternatives of multipart/alternative
		 * too: a client may show any of them, and a sender may make them
		 * differ. Counting them once is the detectors' business (om_msg.h).
		 */
		p->flags |= OM_PART_CONTAINER;
		boundary_text(cx, mp, idx, inherit, attach_where);
		for (int i = 0; i < n; i++) {
			unsigned inh = inherit & OM_PART_ATTACHMENT;

			walk(cx, g_mime_multipart_get_part(mp, i), idx, depth + 1, inh, attach_where);
		}
		return;
	}
	if (GMIME_IS_MESSAGE_PART(obj)) {
		const char *where = attach_where;

		p->flags |= OM_PART_CONTAINER | OM_PART_MESSAGE | OM_PART_ATTACHMENT;
		if (where == NULL) {
			GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
			const char *s = inner ? g_mime_message_get_subject(inner) : NULL;

			where = om_pool_printf(cx->pool, "attachment:%s.eml", s && *s ? s : "message");
		}
		walk_message_part(cx, idx, GMIME_MESSAGE_PART(obj), depth, OM_PART_ATTACHMENT, where);
		return;
	}
	if (GMIME_IS_MESSAGE_PARTIAL(obj)) {
		/*
		 * One fragment of a message split over several mails: the
		 * recipient's client joins them, a filter that sees one mail
		 * cannot read the whole. Never clean.
		 */
		p->flags |= OM_PART_ATTACHMENT;
		p->unscannable |= OM_UNSCAN_PARTIAL;
		p->data = om_pool_memdup(cx->pool, "", 0);
		return;
	}
	if (GMIME_IS_PART(obj)) {
		GMimePart *part = GMIME_PART(obj);
		const char *fn = g_mime_part_get_filename(part);
		GByteArray *bytes;
		const char *where;

		/* Kept exactly as decoded: disguise checks need the raw code points. */
		p->filename = name_copy(cx, fn);
		/*
		 * Content-Type name= that says something else than the
		 * disposition's filename: a client may show either, so both
		 * are judged.
		 */
		if (p->filename && ct) {
			const char *ctn = name_copy(cx, g_mime_content_type_get_parameter(ct, "name"));

			if (ctn && strcmp(ctn, p->filename) != 0)
				p->alt_name = ctn;
		}
		/*
		 * An attachment: declared so (with or without a name), named
		 * (inline or not), or any part whose type is not text, named or
		 * not (application/octet-stream, a spreadsheet, an image): it is
		 * read as a file is, never left aside as neither body nor file.
		 */
		if ((p->disposition && strcmp(p->disposition, "attachment") == 0) || p->filename
		    || strncmp(p->content_type, "text/", 5) != 0)
			p->flags |= OM_PART_ATTACHMENT;
		if (strcmp(p->content_type, "text/html") == 0)
			p->flags |= OM_PART_HTML;
		bytes = decode_leaf(part);
		if (bytes) {
			p->data = om_pool_memdup(cx->pool, bytes->data, bytes->len);
			p->size = bytes->len;
			g_byte_array_free(bytes, TRUE);
		} else {
			p->data = om_pool_memdup(cx->pool, "", 0);
			p->size = 0;
		}
		{
			GMimeObject *inner = signed_entity(cx, p);

			if (inner != NULL) {
				/* The signed entity stands where the signature does. */
				p->flags = (p->flags & ~OM_PART_ATTACHMENT) | OM_PART_CONTAINER;
				walk(cx, inner, idx, depth + 1, inherit, attach_where);
				g_object_unref(inner);
				return;
			}
		}
		if (is_texty(p->content_type))
			reread_text(cx, obj, p);
		/*
		 * libmagic costs about 20 million instructions per text part (it
		 * compiles its text regexes every time), and only attachments
		 * use the result (disguise checks, text extraction, the audit
		 * record). A text/plain or text/html body part keeps its
		 * declared type and is never sniffed.
		 */
		if ((p->flags & OM_PART_ATTACHMENT) || !body_text_type(p->content_type)) {
			int     kind = om_decode_file_kind(p->data, p->size);

			p->magic_type = om_magic_type(cx->pool, p->data, p->size);
			/* Content libmagic cannot name, or a file cut short, is worth a second reading. */
			if (kind == OM_FILE_KNOWN || (kind == OM_FILE_NONE && generic_type(p->magic_type)))
				reread_leaf(cx, obj, p, kind);
		}
		if (p->filename)
			add_text(cx, OM_SCOPE_FILENAME, om_pool_printf(cx->pool, "filename:%s", p->filename),
				 p->filename, strlen(p->filename), idx);
		if (p->alt_name)
			add_text(cx, OM_SCOPE_FILENAME, om_pool_printf(cx->pool, "filename:%s", p->alt_name),
				 p->alt_name, strlen(p->alt_name), idx);
		if (!is_texty(p->content_type))
			return;
		if (p->flags & OM_PART_ATTACHMENT) {
			where = attach_where ? attach_where
				: om_pool_printf(cx->pool, "attachment:%s", p->filename ? p->filename : p->content_type);
			text_of_leaf(cx, idx, OM_SCOPE_ATTACHMENT, where);
		} else
			text_of_leaf(cx, idx, OM_SCOPE_BODY, "body");
	}
}

/* found_file - a file om_decode_region() found: an attachment, unless already one */
static int
found_file(void *ctx, const char *name, size_t name_len, const unsigned char *data, size_t len, int kind)
{
	parse_ctx *cx = ctx;
	om_msg *msg = cx->msg;
	om_part *p;
	int     top = msg->nparts > 0, idx;

	(void) kind;
	for (size_t i = 0; i < msg->nparts; i++)
		if (msg->parts[i].size == len && msg->parts[i].data && memcmp(msg->parts[i].data, data, len) == 0)
			return (0);
	/* At mime_part_limit the file is left, as the walk leaves a part. */
	if ((idx = om_msg_add_part(msg, top ? 0 : -1, top ? 1 : 0, OM_PART_ATTACHMENT | OM_PART_LENIENT)) < 0)
		return (1);
	p = msg->parts + idx;
	p->content_type = "application/octet-stream";
	if (name && name_len && name_len < 256 && om_utf8_valid(name, name_len))
		p->filename = om_pool_printf(cx->pool, "%.*s", (int) name_len, name);
	p->data = om_pool_memdup(cx->pool, data, len);
	p->size = len;
	p->magic_type = om_magic_type(cx->pool, p->data, p->size);
	if (p->filename)
		add_text(cx, OM_SCOPE_FILENAME, om_pool_printf(cx->pool, "filename:%s", p->filename),
			 p->filename, strlen(p->filename), p->index);
	return (0);
}

/*
 * reread_raw - files the MIME tree does not show. A boundary the
 * parser could not match (quoted oddly, split by RFC 2231, hidden by a
 * comment), a header block that swallowed its body, an encoded file
 * pasted into text: a mail client may still find the file there. The
 * body is searched for encoded files in raw form (om_decode_region),
 * and any not already a part is added as an attachment, within
 * mime_part_limit.
 */
static void
reread_raw(parse_ctx *cx, const char *raw, size_t len)
{
	size_t  hdr = header_section_len(raw, len);

	if (cx->msg->nparts >= cx->conf->conf_mime_part_limit || hdr >= len)
		return;
	(void) om_decode_region((const unsigned char *) raw + hdr, len - hdr, cx->msg->raw_size + 1,
			       cx->conf->conf_mime_part_limit - cx->msg->nparts, found_file, cx);
}

/* copy_headers - top-level headers, decoded */
static void
copy_headers(parse_ctx *cx, GMimeMessage *gm)
{
	GMimeHeaderList *hl = g_mime_object_get_header_list(GMIME_OBJECT(gm));
	int     n = hl ? g_mime_header_list_get_count(hl) : 0;
	om_msg *msg = cx->msg;

	if (n > 1000)
		n = 1000;
	msg->headers = om_pool_alloc(cx->pool, (size_t) (n ? n : 1) * sizeof(om_header));
	for (int i = 0; i < n; i++) {
		GMimeHeader *h = g_mime_header_list_get_header_at(hl, i);
		const char *v = g_mime_header_get_value(h);

		msg->headers[msg->nheaders].name = om_pool_strdup(cx->pool, g_mime_header_get_name(h));
		msg->headers[msg->nheaders].value = om_pool_strdup(cx->pool, v ? v : "");
		msg->nheaders++;
	}
}

/* machine_header - a header only software reads: addresses, ids, traces */
static int
machine_header(const char *name)
{
	static const char *const exact[] = {
		"received", "return-path", "date", "message-id", "in-reply-to", "references",
		"mime-version", "subject", "from", "to", "cc", "bcc", "reply-to", "sender",
		"delivered-to", "x-original-to", "envelope-to", "dkim-signature",
		"domainkey-signature", "authentication-results", "received-spf", "thread-index",
		"thread-topic", "autocrypt", "openpgp", "feedback-id", "x-originating-ip",
		"disposition-notification-to", "return-receipt-to", "importance", "priority",
		"x-priority", "precedence", "auto-submitted", "x-auto-response-suppress",
		"x-mimeole", "errors-to", NULL,
	};
	static const char *const prefix[] = {
		"list-", "arc-", "resent-", "x-ms-", "x-microsoft-", "x-forefront-", "x-exchange-",
		"x-google-", "x-gm-", "x-received", "x-spam", "x-virus", "x-omamori-", NULL,
	};

	if (strncasecmp(name, "content-", 8) == 0)
		return (strcasecmp(name, "content-description") != 0);
	for (int i = 0; exact[i]; i++)
		if (strcasecmp(name, exact[i]) == 0)
			return (1);
	for (int i = 0; prefix[i]; i++)
		if (strncasecmp(name, prefix[i], strlen(prefix[i])) == 0)
			return (1);
	return (0);
}

/*
 * header_text - the words of the top-level header other than the
 * Subject: display names of every address header, and the value of
 * every header a person may write or read (Comments, Keywords,
 * Organization, any X- header a program adds with customer data in
 * it). They leave the firm with the mail like the body. One text,
 * scope header, one "Name: value" per line.
 */
static void
header_text(parse_ctx *cx)
{
	const om_msg *msg = cx->msg;
	const om_addrlist *lists[] = {&msg->from, &msg->sender, &msg->reply_to, &msg->to, &msg->cc, &msg->bcc};
	om_buf  b;

	om_buf_init(&b, cx->conf->conf_text_size_limit);
	for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
		for (size_t i = 0; i < lists[l]->n; i++)
			if (lists[l]->v[i].name && *lists[l]->v[i].name)
				(void) om_buf_printf(&b, "%s\n", lists[l]->v[i].name);
	for (size_t i = 0; i < msg->nheaders; i++)
		if (!machine_header(msg->headers[i].name) && *msg->headers[i].value)
			(void) om_buf_printf(&b, "%s: %s\n", msg->headers[i].name, msg->headers[i].value);
	if (b.cap && b.len + 1 >= b.cap)
		cx->msg->limits |= OM_LIMIT_TEXT;
	add_text(cx, OM_SCOPE_HEADER, "header", b.data, b.len, -1);
	om_buf_free(&b);
}

/* parse_opts - lenient options with Japanese fallbacks for raw 8-bit headers */
static GMimeParserOptions *
parse_opts(void)
{
	static const char *fallback[] = {"UTF-8", "CP932", "EUC-JP", "ISO-8859-1", NULL};
	GMimeParserOptions *o = g_mime_parser_options_new();

	g_mime_parser_options_set_rfc2047_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_parameter_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_address_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_fallback_charsets(o, fallback);
	return (o);
}

/* om_mime_parse - see om_mime.h */
om_msg *
om_mime_parse(const om_conf *conf, const char *raw, size_t len)
{
	om_msg *msg = om_msg_new(conf, len);
	om_pool *pool = msg->pool;
	parse_ctx cx;
	GMimeStream *stream;
	GMimeParser *parser;
	GMimeMessage *gm;
	size_t  parse_len = len;

	memset(&cx, 0, sizeof(cx));
	cx.conf = conf;
	cx.msg = msg;
	cx.pool = pool;
	{
		size_t  skip = skip_preamble(raw, len);

		raw += skip;
		len -= skip;
	}
	parse_len = len;

	if (len > conf->conf_message_size_limit) {
		msg->limits |= OM_LIMIT_SIZE;
		parse_len = header_section_len(raw, len);
	} else if (too_many_parts(raw, len, conf->conf_mime_part_limit)) {
		msg->limits |= OM_LIMIT_PARTS;
		parse_len = header_section_len(raw, len);
	}
	cx.opts = parse_opts();
	stream = g_mime_stream_mem_new_with_buffer(raw, parse_len);
	parser = g_mime_parser_new_with_stream(stream);
	gm = g_mime_parser_construct_message(parser, cx.opts);
	g_object_unref(parser);
	g_object_unref(stream);
	if (gm == NULL) {
		msg->limits |= OM_LIMIT_PARSE;
		g_mime_parser_options_free(cx.opts);
		return (msg);
	}
	copy_headers(&cx, gm);
	if (g_mime_message_get_subject(gm)) {
		msg->subject = om_pool_strdup(pool, g_mime_message_get_subject(gm));
		add_text(&cx, OM_SCOPE_SUBJECT, "subject", msg->subject, strlen(msg->subject), -1);
	}
	if (g_mime_message_get_message_id(gm))
		msg->message_id = om_pool_strdup(pool, g_mime_message_get_message_id(gm));
	addr_header(&cx, g_mime_message_get_from(gm), &msg->from);
	addr_header(&cx, g_mime_message_get_sender(gm), &msg->sender);
	addr_header(&cx, g_mime_message_get_reply_to(gm), &msg->reply_to);
	addr_header(&cx, g_mime_message_get_addresses(gm, GMIME_ADDRESS_TYPE_TO), &msg->to);
	addr_header(&cx, g_mime_message_get_addresses(gm, GMIME_ADDRESS_TYPE_CC), &msg->cc);
	addr_header(&cx, g_mime_message_get_addresses(gm, GMIME_ADDRESS_TYPE_BCC), &msg->bcc);
	header_text(&cx);
	if (parse_len == len && g_mime_message_get_mime_part(gm))
		walk(&cx, g_mime_message_get_mime_part(gm), -1, 0, 0, NULL);
	if (parse_len == len)
		reread_raw(&cx, raw, len);
	g_object_unref(gm);
	g_mime_parser_options_free(cx.opts);
	return (msg);
}

/* om_mime_parse_fd - parse a message held in a file */
om_msg *
om_mime_parse_fd(const om_conf *conf, int fd)
{
	struct stat st;
	void   *map;
	om_msg *msg;

	if (fstat(fd, &st) < 0 || st.st_size < 0)
		return (NULL);
	if (st.st_size == 0)
		return (om_mime_parse(conf, "", 0));
	map = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		return (NULL);
	msg = om_mime_parse(conf, map, (size_t) st.st_size);
	munmap(map, (size_t) st.st_size);
	return (msg);
}
