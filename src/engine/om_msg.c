/*++
 * NAME
 *	om_msg 3
 * SUMMARY
 *	the message model: create it, add to it, free it
 * DESCRIPTION
 *	See om_msg.h. The readers that fill a message (om_mime.c, which
 *	parses, and om_attach.c, which expands attachments afterwards)
 *	add parts, texts and links through the functions here only, so
 *	the arrays grow in one place, each under its configured limit.
 *	The limits are copied from the configuration when the message is
 *	made: the message never holds a pointer to the configuration.
 *--*/
#include "config.h"

#include <string.h>
#include <strings.h>

#include <gmime/gmime.h>

#include "om_buf.h"
#include "om_charset.h"
#include "om_html.h"
#include "om_log.h"
#include "om_magic.h"
#include "om_msg.h"
#include "om_norm.h"

/* What only the builder reads: limits and the arrays' capacities. */
struct om_msg_build {
	size_t	part_limit;		/* mime_part_limit: parts not members */
	size_t	member_limit;		/* archive_member_limit */
	size_t	text_limit;		/* text_size_limit, per text */
	size_t	link_limit;		/* links kept in all */
	size_t	members;		/* member parts added */
	size_t	parts_cap, texts_cap, links_cap;
};

/* om_msg_new - an empty message in a pool of its own */
om_msg *
om_msg_new(const om_conf *conf, size_t raw_size)
{
	om_pool *pool = om_pool_new();
	om_msg *msg = om_pool_zalloc(pool, sizeof(*msg));
	struct om_msg_build *b = om_pool_zalloc(pool, sizeof(*b));

	b->part_limit = conf->conf_mime_part_limit;
	b->member_limit = conf->conf_archive_member_limit;
	b->text_limit = conf->conf_text_size_limit;
	b->link_limit = conf->conf_mime_part_limit * 16;
	msg->pool = pool;
	msg->build = b;
	msg->raw_size = raw_size;
	return (msg);
}

/*
 * om_msg_add_part - a new part, zeroed but for index, parent, depth and
 * flags; its index, or -1 when the message has no room for it. A part
 * with OM_PART_MEMBER counts against archive_member_limit, any other
 * against mime_part_limit. The caller reports the limit the way its
 * stage does (OM_LIMIT_PARTS, OM_UNSCAN_MEMBERS): the builder only
 * refuses. The array may move: pointers into it do not survive a call.
 */
int
om_msg_add_part(om_msg *msg, int parent, int depth, unsigned flags)
{
	struct om_msg_build *b = msg->build;
	om_part *p;
	int     idx;

	if (flags & OM_PART_MEMBER) {
		if (b->members >= b->member_limit)
			return (-1);
	} else if (msg->nparts - b->members >= b->part_limit)
		return (-1);
	msg->parts = om_pool_grow(msg->pool, msg->parts, msg->nparts, &b->parts_cap, sizeof(om_part));
	idx = (int) msg->nparts++;
	if (flags & OM_PART_MEMBER)
		b->members++;
	p = msg->parts + idx;
	memset(p, 0, sizeof(*p));
	p->index = idx;
	p->parent = parent;
	p->depth = depth;
	p->flags = flags;
	return (idx);
}

/*
 * om_msg_add_text - register one piece of text, made valid UTF-8 and
 * normalised, cut at text_size_limit (OM_LIMIT_TEXT, and the part
 * OM_PART_TRUNCATED). With OM_TEXT_UTF8 the caller knows the bytes are
 * valid UTF-8 already and they are not checked again.
 */
void
om_msg_add_text(om_msg *msg, om_scope scope, const char *where, const char *utf8, size_t len,
		int part, unsigned flags)
{
	struct om_msg_build *b = msg->build;
	om_buf  norm, fixed;
	om_text *t;

	if (len == 0)
		return;

	/*
	 * Every text is valid UTF-8, whatever its source: a header or file
	 * name that arrived as raw 8-bit bytes in some charset, or bytes an
	 * extractor could only guess at, are decoded here rather than handed
	 * on broken.
	 */
	om_buf_init(&fixed, b->text_limit);
	if (!(flags & OM_TEXT_UTF8) && !om_utf8_valid(utf8, len)) {
		const char *used;

		(void) om_charset_decode(utf8, len, NULL, &fixed, &used);
		utf8 = fixed.data ? fixed.data : "";
		len = fixed.len;
		if (!om_utf8_valid_nul(utf8, len)) {
			/* Never expected; the rules would refuse it anyway. */
			om_warn("%s: text could not be made valid UTF-8; not scanned", where);
			msg->limits |= OM_LIMIT_TEXT;
			om_buf_free(&fixed);
			return;
		}
	}
	/*
	 * Valid UTF-8 in, valid UTF-8 out: the normaliser appends whole
	 * characters only, so every om_text is valid and the rules need
	 * not check it again (OM_RULES_UTF8_CHECKED).
	 */
	om_buf_init(&norm, b->text_limit);
	if (om_norm_text(utf8, len, &norm) < 0) {
		msg->limits |= OM_LIMIT_TEXT;
		if (part >= 0)
			msg->parts[part].flags |= OM_PART_TRUNCATED;
	}
	msg->texts = om_pool_grow(msg->pool, msg->texts, msg->ntexts, &b->texts_cap, sizeof(om_text));
	t = msg->texts + msg->ntexts++;
	t->scope = scope;
	t->where = where;
	t->text = om_pool_memdup(msg->pool, norm.data ? norm.data : "", norm.len);
	t->len = norm.len;
	t->part = part;
	om_buf_free(&norm);
	om_buf_free(&fixed);
}

/* om_msg_add_link - an <a href> of an HTML part; past the link limit, dropped */
void
om_msg_add_link(om_msg *msg, const char *href, const char *text, int part)
{
	struct om_msg_build *b = msg->build;
	om_link *l;
	om_buf  norm;

	if (msg->nlinks >= b->link_limit)
		return;
	om_buf_init(&norm, 4096);
	(void) om_norm_text(text, strlen(text), &norm);
	msg->links = om_pool_grow(msg->pool, msg->links, msg->nlinks, &b->links_cap, sizeof(om_link));
	l = msg->links + msg->nlinks++;
	l->href = om_pool_strdup(msg->pool, href);
	l->text = om_pool_memdup(msg->pool, norm.data ? norm.data : "", norm.len);
	l->part = part;
	om_buf_free(&norm);
}

/* om_msg_free - the message and everything it owns */
void
om_msg_free(om_msg *msg)
{
	if (msg)
		om_pool_free(msg->pool);
}

/* om_msg_header - first top-level header of that name, decoded */
const char *
om_msg_header(const om_msg *msg, const char *name)
{
	for (size_t i = 0; i < msg->nheaders; i++)
		if (strcasecmp(msg->headers[i].name, name) == 0)
			return (msg->headers[i].value);
	return (NULL);
}

/* om_msg_global_init - once per process, before threads: the readers' libraries */
void
om_msg_global_init(void)
{
	g_mime_init();
	om_html_init();
}

/* om_msg_global_shutdown - once per process, at exit */
void
om_msg_global_shutdown(void)
{
	om_magic_done();
	g_mime_shutdown();
}
