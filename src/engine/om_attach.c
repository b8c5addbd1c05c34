/*++
 * NAME
 *	om_attach 3
 * SUMMARY
 *	attachments and archive members into the message model
 * DESCRIPTION
 *	See om_attach.h. Members and texts go into the message through
 *	the builder (om_msg.c). libarchive reads each archive from the
 *	part's bytes in memory; members are read in bounded chunks against
 *	the message's expansion budget, so a member that expands to
 *	gigabytes costs at most the budget in memory and stops with a
 *	limit bit.
 *--*/
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <archive.h>
#include <archive_entry.h>

#include "om_attach.h"
#include "om_buf.h"
#include "om_charset.h"
#include "om_encrypt.h"
#include "om_extract.h"
#include "om_magic.h"
#include "om_norm.h"
#include "om_pdf.h"
#include "om_tnef.h"

#define CHUNK		65536
#define RATIO_FLOOR	((size_t) 1 << 20)	/* ratio is judged past 1 MB */

typedef struct attach_ctx {
	const om_conf *conf;
	om_msg *msg;
	om_pool *pool;
	size_t	members;		/* members seen in the whole message */
	size_t	expanded;		/* bytes expanded in the whole message */
	struct timespec start;
	int	stop;			/* a message-wide limit was hit */
	unsigned stop_bit;
} attach_ctx;

/* elapsed_over - attach_time_limit reached? */
static int
elapsed_over(attach_ctx *cx)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return ((size_t) (now.tv_sec - cx->start.tv_sec) >= cx->conf->conf_attach_time_limit);
}

/* add_text - text of an attachment, through the model's one text path */
static void
add_text(attach_ctx *cx, const char *where, const char *utf8, size_t len, int part)
{
	om_msg_add_text(cx->msg, OM_SCOPE_ATTACHMENT, where, utf8, len, part, 0);
}

/* archive_kind - 1 archive, 2 compressed single file, 0 neither */
static int
archive_kind(const unsigned char *d, size_t n)
{
	if (n >= 4 && (memcmp(d, "PK\3\4", 4) == 0 || memcmp(d, "PK\5\6", 4) == 0))
		return (1);
	if (n >= 6 && memcmp(d, "7z\xbc\xaf\x27\x1c", 6) == 0)
		return (1);
	if (n >= 7 && memcmp(d, "Rar!\x1a\x07", 6) == 0)
		return (1);
	if (n >= 4 && memcmp(d, "MSCF", 4) == 0)
		return (1);
	if (n >= 262 && memcmp(d + 257, "ustar", 5) == 0)
		return (1);
	if (n >= 0x8006 && memcmp(d + 0x8001, "CD001", 5) == 0)
		return (1);
	if (n >= 7 && d[2] == '-' && d[3] == 'l' && d[4] == 'h' && d[6] == '-')
		return (1);
	if (n >= 3 && ((d[0] == 0x1f && d[1] == 0x8b) || memcmp(d, "BZh", 3) == 0))
		return (2);
	if (n >= 6 && memcmp(d, "\xfd" "7zXZ\0", 6) == 0)
		return (2);
	if (n >= 4 && memcmp(d, "\x28\xb5\x2f\xfd", 4) == 0)
		return (2);
	return (0);
}

/* member_name - UTF-8 form of an entry's path */
static const char *
member_name(attach_ctx *cx, struct archive_entry *e)
{
	const char *raw = archive_entry_pathname_utf8(e);
	om_buf  u;
	const char *used, *res;

	if (raw == NULL && (raw = archive_entry_pathname(e)) == NULL)
		return ("?");
	if (om_utf8_valid(raw, strlen(raw)))
		return (om_pool_strdup(cx->pool, raw));
	om_buf_init(&u, 4096);
	(void) om_charset_decode(raw, strlen(raw), NULL, &u, &used);
	res = om_pool_strdup(cx->pool, u.data ? u.data : "?");
	om_buf_free(&u);
	return (res);
}

static void look_inside(attach_ctx *cx, int idx, int depth, int mime_text_done);

/* doc_signature - bytes of a document format om_extract reads */
static int
doc_signature(const unsigned char *d, size_t n)
{
	return ((n >= 5 && memcmp(d, "%PDF-", 5) == 0) || (n >= 5 && memcmp(d, "{\\rtf", 5) == 0)
		|| (n >= 4 && memcmp(d, "PK\3\4", 4) == 0)
		|| (n >= 8 && memcmp(d, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0));
}

/*
 * new_member - append a member part under parent; -1 when the builder
 * has no room (archive_member_limit, which the callers' count reaches
 * first): reported like that count
 */
static int
new_member(attach_ctx *cx, int parent, const char *name)
{
	om_msg *msg = cx->msg;
	om_part *p;
	const char *base;
	int     idx;

	if ((idx = om_msg_add_part(msg, parent, msg->parts[parent].depth + 1, OM_PART_MEMBER)) < 0) {
		msg->parts[parent].unscannable |= OM_UNSCAN_MEMBERS;
		cx->stop = 1;
		cx->stop_bit = OM_UNSCAN_MEMBERS;
		return (-1);
	}
	p = msg->parts + idx;
	p->content_type = "application/octet-stream";
	base = strrchr(name, '/');
	p->filename = base && base[1] ? base + 1 : name;
	p->path = om_pool_printf(cx->pool, "%s/%s", msg->parts[parent].path, name);
	/* A member's name is in clear even in an encrypted archive: it is read. */
	om_msg_add_text(msg, OM_SCOPE_FILENAME, om_pool_printf(cx->pool, "filename:%s", p->path), name,
			strlen(name), idx, 0);
	return (idx);
}

/*
 * Member data. A member whose size the archive declares is read
 * straight into one pool block of that size (capped by what is left
 * of the expansion budget), so memory follows the data, not a growing
 * buffer and its copy; a raw gzip stream's ISIZE trailer serves as
 * the declared size. Without one (raw bzip2/xz, streamed entries), or past a size that lied, the bytes go into a
 * list of malloc'd chunks that is copied once into the pool at the end
 * and freed. A member stopped by a limit keeps only its first HEAD
 * bytes: it is not looked into further, only its type is judged.
 */
#define HEAD		CHUNK
#define SPILL_MAX	((size_t) 8 << 20)	/* largest spill chunk */

typedef struct spill {
	struct spill *next;
	size_t	len, cap;
	unsigned char d[];
} spill;

typedef struct member_data {
	unsigned char *block;		/* pool block for the declared size */
	size_t	bcap, blen;
	spill  *head, *tail;		/* the rest, malloc'd */
	size_t	slen;
} member_data;

/* spill_room - a spill chunk with free space */
static spill *
spill_room(member_data *md)
{
	spill  *c;
	size_t  cap;

	if (md->tail && md->tail->len < md->tail->cap)
		return (md->tail);
	cap = md->tail ? md->tail->cap * 2 : CHUNK;
	if (cap > SPILL_MAX)
		cap = SPILL_MAX;
	if ((c = malloc(sizeof(*c) + cap)) == NULL)
		return (NULL);
	c->next = NULL;
	c->len = 0;
	c->cap = cap;
	if (md->tail)
		md->tail->next = c;
	else
		md->head = c;
	md->tail = c;
	return (c);
}

/* member_finish - one pool copy of at most keep bytes; spill freed */
static void
member_finish(attach_ctx *cx, member_data *md, size_t keep, const unsigned char **data, size_t *size)
{
	size_t  total = md->blen + md->slen, off;
	unsigned char *out;
	spill  *c, *next;

	if (total > keep)
		total = keep;
	if (md->block && total <= md->blen) {
		/* Everything kept is in the block: no copy. */
		md->block[total] = 0;
		*data = md->block;
		*size = total;
	} else {
		out = om_pool_alloc(cx->pool, total + 1);
		off = md->blen < total ? md->blen : total;
		if (off)
			memcpy(out, md->block, off);
		for (c = md->head; c && off < total; c = c->next) {
			size_t  n = c->len < total - off ? c->len : total - off;

			memcpy(out + off, c->d, n);
			off += n;
		}
		out[total] = 0;
		*data = out;
		*size = total;
	}
	for (c = md->head; c; c = next) {
		next = c->next;
		free(c);
	}
	md->head = md->tail = NULL;
}

/* size_hint - declared size of the entry, or a gzip stream's ISIZE; 0 unknown */
static size_t
size_hint(struct archive_entry *e, const unsigned char *d, size_t n, int raw)
{
	if (archive_entry_size_is_set(e) && archive_entry_size(e) > 0)
		return ((size_t) archive_entry_size(e));
	if (raw && n >= 18 && d[0] == 0x1f && d[1] == 0x8b)
		return ((size_t) d[n - 4] | (size_t) d[n - 3] << 8 | (size_t) d[n - 2] << 16
			| (size_t) d[n - 1] << 24);
	return (0);
}

/* read_member - the member's bytes within the budget; 0 ok, -1 stop */
static int
read_member(attach_ctx *cx, struct archive *a, size_t hint, int aidx, size_t packed,
	    size_t *from_archive, const unsigned char **data, size_t *size, int *err)
{
	size_t  limit = cx->conf->conf_archive_expanded_limit;
	size_t  left = cx->expanded < limit ? limit - cx->expanded : 0;
	member_data md;
	ssize_t got;
	om_part *ap;
	int     rc = 0;

	*err = 0;
	memset(&md, 0, sizeof(md));
	if (hint) {
		md.bcap = hint;
		if (md.bcap > left)
			md.bcap = left;
		if (md.bcap)
			md.block = om_pool_alloc(cx->pool, md.bcap + 1);
	}
	for (;;) {
		unsigned char *dst;
		size_t  want;
		spill  *c = NULL;

		if (md.blen < md.bcap) {
			dst = md.block + md.blen;
			want = md.bcap - md.blen;
		} else {
			if ((c = spill_room(&md)) == NULL) {
				ap = cx->msg->parts + aidx;
				ap->unscannable |= OM_UNSCAN_BYTES;
				rc = -1;
				break;
			}
			dst = c->d + c->len;
			want = c->cap - c->len;
		}
		if (want > CHUNK)
			want = CHUNK;
		got = archive_read_data(a, dst, want);
		if (got == 0)
			break;
		ap = cx->msg->parts + aidx;
		if (got < 0) {
			*err = 1;
			break;
		}
		if (c) {
			c->len += (size_t) got;
			md.slen += (size_t) got;
		} else
			md.blen += (size_t) got;
		cx->expanded += (size_t) got;
		*from_archive += (size_t) got;
		if (cx->expanded > limit) {
			ap->unscannable |= OM_UNSCAN_BYTES;
			cx->stop = 1;
			cx->stop_bit = OM_UNSCAN_BYTES;
			rc = -1;
			break;
		}
		if (*from_archive > RATIO_FLOOR && packed
		    && *from_archive / packed > cx->conf->conf_archive_ratio_limit) {
			ap->unscannable |= OM_UNSCAN_RATIO;
			rc = -1;
			break;
		}
		if (elapsed_over(cx)) {
			ap->unscannable |= OM_UNSCAN_TIME;
			cx->stop = 1;
			cx->stop_bit = OM_UNSCAN_TIME;
			rc = -1;
			break;
		}
	}
	member_finish(cx, &md, rc < 0 ? HEAD : (size_t) -1, data, size);
	return (rc);
}

/* open_archive - libarchive reader over memory; raw: single compressed file */
static struct archive *
open_archive(const unsigned char *d, size_t n, int raw)
{
	struct archive *a = archive_read_new();

	archive_read_support_filter_all(a);
	if (raw)
		archive_read_support_format_raw(a);
	else
		archive_read_support_format_all(a);
	if (archive_read_open_memory(a, d, n) != ARCHIVE_OK) {
		archive_read_free(a);
		return (NULL);
	}
	return (a);
}

/*
 * expand_archive - members of the archive in part aidx; with only set,
 * just the members whose path holds that string (an Office document's
 * embedded files)
 */
static void
expand_archive(attach_ctx *cx, int aidx, int depth, int kind, const char *only)
{
	const unsigned char *d = cx->msg->parts[aidx].data;
	size_t  n = cx->msg->parts[aidx].size, from_archive = 0;
	struct archive *a;
	struct archive_entry *e;
	int     raw = 0, nent = 0, r;

	if ((size_t) depth > cx->conf->conf_archive_depth_limit) {
		cx->msg->parts[aidx].unscannable |= OM_UNSCAN_DEPTH;
		return;
	}
	if ((a = open_archive(d, n, 0)) == NULL) {
		if (kind != 2 || (a = open_archive(d, n, 1)) == NULL) {
			cx->msg->parts[aidx].unscannable |= OM_UNSCAN_CORRUPT;
			return;
		}
		raw = 1;
	}
	cx->msg->parts[aidx].flags |= OM_PART_ARCHIVE;
	for (;;) {
		const char *name;
		int     midx, err = 0;
		const unsigned char *mdata;
		size_t  msize;
		om_part *mp;

		if (cx->stop)
			break;
		r = archive_read_next_header(a, &e);
		if (r == ARCHIVE_EOF && !(kind == 2 && !raw && nent == 0))
			break;
		if (r < ARCHIVE_WARN || r == ARCHIVE_EOF) {
			if (kind == 2 && !raw && nent == 0) {
				/* Not a tar inside: a compressed single file. */
				archive_read_free(a);
				if ((a = open_archive(d, n, 1)) == NULL)
					break;
				raw = 1;
				continue;
			}
			if (archive_read_has_encrypted_entries(a) > 0) {
				cx->msg->parts[aidx].flags |= OM_PART_ENCRYPTED;
				cx->msg->parts[aidx].enc_kind = "archive.headers";
			} else
				cx->msg->parts[aidx].unscannable |= OM_UNSCAN_CORRUPT;
			break;
		}
		nent++;
		if (archive_entry_filetype(e) == AE_IFDIR)
			continue;
		if (only && (archive_entry_pathname(e) == NULL || strstr(archive_entry_pathname(e), only) == NULL))
			continue;
		if (++cx->members > cx->conf->conf_archive_member_limit) {
			cx->msg->parts[aidx].unscannable |= OM_UNSCAN_MEMBERS;
			cx->stop = 1;
			cx->stop_bit = OM_UNSCAN_MEMBERS;
			break;
		}
		if (elapsed_over(cx)) {
			cx->msg->parts[aidx].unscannable |= OM_UNSCAN_TIME;
			cx->stop = 1;
			cx->stop_bit = OM_UNSCAN_TIME;
			break;
		}
		if (raw) {
			const char *pn = cx->msg->parts[aidx].filename;
			const char *dot = pn ? strrchr(pn, '.') : NULL;

			name = pn ? (dot && dot != pn ? om_pool_strndup(cx->pool, pn, (size_t) (dot - pn)) : pn) : "data";
		} else
			name = member_name(cx, e);
		if ((midx = new_member(cx, aidx, name)) < 0)
			break;
		mp = cx->msg->parts + midx;
		if (archive_entry_is_data_encrypted(e) > 0) {
			const char *k = "archive.member";
			int     st = OM_ENC_YES;

			if (n >= 4 && memcmp(d, "PK", 2) == 0) {
				int     zs = om_encrypt_zip_member(d, n, archive_entry_pathname(e), &k);

				st = zs == OM_ENC_WEAK ? OM_ENC_WEAK : OM_ENC_YES;
				if (zs < 0)
					k = "zip.encrypted";
			} else if (memcmp(d, "7z", 2) == 0)
				k = "7z.member";
			else if (memcmp(d, "Rar!", 4) == 0)
				k = "rar.member";
			mp->flags |= OM_PART_ENCRYPTED | (st == OM_ENC_WEAK ? OM_PART_ENC_WEAK : 0);
			mp->enc_kind = k;
			mp->data = (const unsigned char *) "";
			continue;
		}
		r = read_member(cx, a, size_hint(e, d, n, raw), aidx, n, &from_archive, &mdata, &msize, &err);
		mp = cx->msg->parts + midx;
		mp->data = mdata;
		mp->size = msize;
		mp->magic_type = om_magic_type(cx->pool, mp->data, mp->size > CHUNK ? CHUNK : mp->size);
		if (err) {
			const char *es = archive_error_string(a);

			if (es && (strcasestr(es, "encrypt") || strcasestr(es, "passphrase") || strcasestr(es, "password"))) {
				mp->flags |= OM_PART_ENCRYPTED;
				mp->enc_kind = "archive.member";
			} else
				cx->msg->parts[aidx].unscannable |= OM_UNSCAN_CORRUPT;
			break;
		}
		if (r < 0)
			break;
		look_inside(cx, midx, depth + 1, 0);
	}
	archive_read_free(a);
}

/* TNEF walk state: the stream's part and its depth. */
typedef struct tnef_walk {
	attach_ctx *cx;
	int	idx;
	int	depth;
} tnef_walk;

/* tnef_file - one file of a winmail.dat, as a member; non-zero stops */
static int
tnef_file(void *ctx, const char *name, const unsigned char *data, size_t len)
{
	tnef_walk *tw = ctx;
	attach_ctx *cx = tw->cx;
	size_t  limit = cx->conf->conf_archive_expanded_limit;
	om_part *mp;
	int     midx;

	if (cx->stop)
		return (1);
	if (++cx->members > cx->conf->conf_archive_member_limit) {
		cx->msg->parts[tw->idx].unscannable |= OM_UNSCAN_MEMBERS;
		cx->stop = 1;
		cx->stop_bit = OM_UNSCAN_MEMBERS;
		return (1);
	}
	cx->expanded += len;
	if (cx->expanded > limit) {
		cx->msg->parts[tw->idx].unscannable |= OM_UNSCAN_BYTES;
		cx->stop = 1;
		cx->stop_bit = OM_UNSCAN_BYTES;
		return (1);
	}
	if (elapsed_over(cx)) {
		cx->msg->parts[tw->idx].unscannable |= OM_UNSCAN_TIME;
		cx->stop = 1;
		cx->stop_bit = OM_UNSCAN_TIME;
		return (1);
	}
	if ((midx = new_member(cx, tw->idx, om_pool_strdup(cx->pool, name))) < 0)
		return (1);
	mp = cx->msg->parts + midx;
	mp->data = om_pool_memdup(cx->pool, data, len);
	mp->size = len;
	mp->magic_type = om_magic_type(cx->pool, mp->data, len > CHUNK ? CHUNK : len);
	look_inside(cx, midx, tw->depth + 1, 0);
	return (0);
}

/*
 * expand_tnef - a winmail.dat: its words as the part's text, its files
 * (attachments, rich-text and HTML bodies, embedded messages) as
 * members. A stream that cannot be read to its end is unscannable.
 */
static void
expand_tnef(attach_ctx *cx, int idx, int depth)
{
	tnef_walk tw = {cx, idx, depth};
	om_buf  text;
	int     r;

	if ((size_t) depth > cx->conf->conf_archive_depth_limit) {
		cx->msg->parts[idx].unscannable |= OM_UNSCAN_DEPTH;
		return;
	}
	cx->msg->parts[idx].flags |= OM_PART_ARCHIVE;
	om_buf_init(&text, cx->conf->conf_text_size_limit);
	r = om_tnef_read(cx->msg->parts[idx].data, cx->msg->parts[idx].size, &text, tnef_file, &tw);
	if (text.len > 0) {
		cx->msg->parts[idx].flags |= OM_PART_TEXT;
		add_text(cx, om_pool_printf(cx->pool, "attachment:%s", cx->msg->parts[idx].path), text.data,
			 text.len, idx);
	}
	if (r != 0 && !cx->stop)
		cx->msg->parts[idx].unscannable |= OM_UNSCAN_CORRUPT;
	om_buf_free(&text);
}

/*
 * pdf_text - a PDF's text within the message's budget: its decoded
 * streams count against archive_expanded_limit, its ratio against
 * archive_ratio_limit, and it stops at attach_time_limit. What could
 * not be read sets the part's OM_UNSCAN_* bits; the text read so far
 * is still scanned.
 */
static int
pdf_text(attach_ctx *cx, om_part *p, om_buf *text, const char **kind)
{
	om_pdf_limits lim;
	unsigned why = 0;

	memset(&lim, 0, sizeof(lim));
	lim.expanded_limit = cx->conf->conf_archive_expanded_limit;
	lim.ratio_limit = cx->conf->conf_archive_ratio_limit;
	lim.deadline = cx->start;
	lim.deadline.tv_sec += (time_t) cx->conf->conf_attach_time_limit;
	lim.expanded = cx->expanded;
	*kind = "pdf";
	(void) om_pdf_text(p->data, p->size, &lim, text, &why);
	cx->expanded = lim.expanded;
	p->unscannable |= why;
	if (why & (OM_UNSCAN_BYTES | OM_UNSCAN_TIME)) {
		cx->stop = 1;
		cx->stop_bit = why & OM_UNSCAN_TIME ? OM_UNSCAN_TIME : OM_UNSCAN_BYTES;
	}
	return (1);
}

/* ends_with - name ends with the suffix, ASCII case aside */
static int
ends_with(const char *name, const char *suffix)
{
	size_t  n = strlen(name), k = strlen(suffix);

	return (n >= k && strcasecmp(name + n - k, suffix) == 0);
}

/*
 * claims_encryption - a part whose declared type or name says it is an
 * S/MIME or OpenPGP encrypted file. Only a structure om_encrypt_blob()
 * parsed makes it encrypted; otherwise (damaged, or an opaque signed
 * S/MIME whose content we do not unwrap) it was not read in full.
 */
static int
claims_encryption(const om_part *p)
{
	const char *n = p->filename;
	unsigned char *content = NULL;
	size_t  clen;
	int     certs_only;

	if (p->flags & OM_PART_MEMBER)
		return (0);
	if (strcmp(p->content_type, "application/pkcs7-mime") != 0
	    && strcmp(p->content_type, "application/x-pkcs7-mime") != 0
	    && !(n && (ends_with(n, ".p7m") || ends_with(n, ".gpg") || ends_with(n, ".pgp"))))
		return (0);
	/* Certificates only (a .p7c): a signature with nothing inside. */
	certs_only = p->data && om_encrypt_cms_signed(p->data, p->size, &content, &clen) == 1;
	free(content);
	return (!certs_only);
}

/*
 * pgp_mime_ok - an RFC 3156 multipart/encrypted: exactly two parts,
 * application/pgp-encrypted then an OpenPGP message that parses as
 * encrypted. Anything else claims encryption and is not.
 */
static int
pgp_mime_ok(const om_msg *msg, size_t idx)
{
	const om_part *kid[2] = {NULL, NULL};
	int     nkids = 0;
	const char *kind = NULL;

	for (size_t i = idx + 1; i < msg->nparts; i++)
		if (msg->parts[i].parent == (int) idx) {
			if (nkids < 2)
				kid[nkids] = msg->parts + i;
			nkids++;
		}
	if (nkids != 2 || strcmp(kid[0]->content_type, "application/pgp-encrypted") != 0
	    || (kid[1]->flags & OM_PART_CONTAINER) || kid[1]->data == NULL)
		return (0);
	return (om_encrypt_blob(kid[1]->data, kid[1]->size, &kind) == OM_ENC_YES
		&& kind && (strcmp(kind, "pgp.armored") == 0 || strcmp(kind, "pgp.binary") == 0));
}

/* look_inside - encryption state, text and members of one file */
static void
look_inside(attach_ctx *cx, int idx, int depth, int mime_text_done)
{
	om_part *p = cx->msg->parts + idx;
	const char *kind = NULL;
	int     st, ak;
	om_buf  text;

	if (p->data == NULL || p->size == 0)
		return;
	st = om_encrypt_blob(p->data, p->size, &kind);
	/*
	 * An OpenPGP block with other content around it: in a body the text
	 * around it was read as body text; in a file the block cannot be
	 * read and the rest must still be judged as unencrypted.
	 */
	if (st == OM_ENC_YES && kind && strcmp(kind, "pgp.inline") == 0
	    && (p->flags & (OM_PART_ATTACHMENT | OM_PART_MEMBER)))
		st = OM_ENC_BROKEN;
	if (st == OM_ENC_YES || st == OM_ENC_WEAK) {
		p->flags |= OM_PART_ENCRYPTED | (st == OM_ENC_WEAK ? OM_PART_ENC_WEAK : 0);
		p->enc_kind = kind;
		return;
	}
	/* Claims encryption and is not: unscannable, and read like any file. */
	if (st == OM_ENC_BROKEN || claims_encryption(p))
		p->unscannable |= OM_UNSCAN_CORRUPT;
	/*
	 * A body part that is not text (an inline application/json or PDF
	 * with no file name) is a file all the same: read it like one.
	 */
	if (!(p->flags & (OM_PART_ATTACHMENT | OM_PART_MEMBER)) && mime_text_done)
		return;
	/* A file declared text whose bytes are a document is read as one. */
	if (mime_text_done && doc_signature(p->data, p->size))
		mime_text_done = 0;
	if (!mime_text_done) {
		size_t  limit = cx->conf->conf_archive_expanded_limit;
		om_extract_limits lim;
		int     r;

		memset(&lim, 0, sizeof(lim));
		lim.expand_max = cx->expanded < limit ? limit - cx->expanded : 1;
		lim.ratio_max = cx->conf->conf_archive_ratio_limit;
		lim.deadline = cx->start;
		lim.deadline.tv_sec += (time_t) cx->conf->conf_attach_time_limit;
		om_buf_init(&text, cx->conf->conf_text_size_limit);
		if (om_pdf_is(p->data, p->size))
			r = pdf_text(cx, p, &text, &kind);
		else {
			r = om_extract_text_limited(p->data, p->size, p->filename, p->magic_type, &text, &kind, &lim);
			cx->expanded += lim.expanded;
		}
		p = cx->msg->parts + idx;
		if (r > 0 && text.cap && text.len + 4096 >= text.cap)
			lim.hit |= OM_EXTRACT_HIT_TEXT;
		if (lim.hit) {
			/* Never a file read in part: the limit is the finding. */
			if (lim.hit & OM_EXTRACT_HIT_BYTES)
				p->unscannable |= OM_UNSCAN_BYTES;
			if (lim.hit & OM_EXTRACT_HIT_RATIO)
				p->unscannable |= OM_UNSCAN_RATIO;
			if (lim.hit & OM_EXTRACT_HIT_TIME) {
				p->unscannable |= OM_UNSCAN_TIME;
				cx->stop = 1;
				cx->stop_bit = OM_UNSCAN_TIME;
			}
			if (lim.hit & OM_EXTRACT_HIT_TEXT) {
				p->flags |= OM_PART_TRUNCATED;
				cx->msg->limits |= OM_LIMIT_TEXT;
			}
			r = r > 0 ? 1 : -1;
		}
		if (r > 0) {
			p->flags |= OM_PART_DOCUMENT | OM_PART_TEXT;
			add_text(cx, om_pool_printf(cx->pool, "attachment:%s", p->path), text.data ? text.data : "",
				 text.len, idx);
		} else if (r < 0 && !lim.hit)
			p->unscannable |= OM_UNSCAN_CORRUPT;
		om_buf_free(&text);
		if (r != 0 && kind && (strcmp(kind, "ooxml") == 0 || strcmp(kind, "odf") == 0)) {
			/* A workbook or document embedded in it is a file of its own. */
			if (r > 0)
				expand_archive(cx, idx, depth, 1, strcmp(kind, "odf") == 0 ? "Object " : "/embeddings/");
			return;
		}
	}
	if (om_tnef_is(p->data, p->size))
		expand_tnef(cx, idx, depth);
	else if ((ak = archive_kind(p->data, p->size)) != 0)
		expand_archive(cx, idx, depth, ak, NULL);
}

/* om_attach_expand - see om_attach.h */
void
om_attach_expand(const om_conf *conf, om_msg *msg)
{
	attach_ctx cx;
	size_t  n0 = msg->nparts;
	locale_t utf8, saved = (locale_t) 0;

	memset(&cx, 0, sizeof(cx));
	cx.conf = conf;
	cx.msg = msg;
	cx.pool = msg->pool;
	clock_gettime(CLOCK_MONOTONIC, &cx.start);
	/* libarchive names are multibyte strings of the thread's locale: make it UTF-8. */
	if ((utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t) 0)) != (locale_t) 0)
		saved = uselocale(utf8);
	for (size_t i = 0; i < n0; i++) {
		om_part *p = msg->parts + i;

		if (strcmp(p->content_type, "multipart/encrypted") == 0) {
			/* Its parts are read like any others; the wrapper says nothing by itself. */
			if (pgp_mime_ok(msg, i)) {
				p->flags |= OM_PART_ENCRYPTED;
				p->enc_kind = "pgp.mime";
			} else
				p->unscannable |= OM_UNSCAN_CORRUPT;
			continue;
		}
		if (p->flags & OM_PART_CONTAINER)
			continue;
		p->path = p->filename ? p->filename : p->content_type;
		if (cx.stop) {
			if (p->flags & OM_PART_ATTACHMENT)
				p->unscannable |= cx.stop_bit;
			continue;
		}
		look_inside(&cx, (int) i, 1,
			    strncmp(p->content_type, "text/", 5) == 0 && strcmp(p->content_type, "text/rtf") != 0);
	}
	if (utf8 != (locale_t) 0) {
		uselocale(saved);
		freelocale(utf8);
	}
}
