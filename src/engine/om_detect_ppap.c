/*++
 * NAME
 *	om_detect_ppap 3
 * SUMMARY
 *	PPAP: an encrypted archive, then its password by mail
 * DESCRIPTION
 *	"PPAP" sends a password-protected archive and then, a little later
 *	and by the same channel, the password; anyone who can read the one
 *	can read the other, and receivers now strip or refuse such archives.
 *
 *	attach.ppap: outbound mail from the firm with an encrypted archive
 *	(encrypted members, or encrypted archive headers). The message's
 *	sender and external recipients are remembered (om_act.c plans an
 *	OM_DO_REMEMBER step, applied once the mail is accepted) for
 *	ppap_window seconds.
 *
 *	attach.ppap_password: outbound mail from the same sender to the same
 *	external recipients within that window, without attachments (an
 *	inline image of a signature aside), whose
 *	body is short and speaks of a password. The pair is found through
 *	the state store (om_state.h); without a store there is no
 *	attach.ppap_password, and a store that fails makes the verdict
 *	error_action.
 *--*/
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include "om_msg.h"
#include "om_pool.h"
#include "om_scan.h"
#include "om_state.h"

#define PPAP_NS		"ppap"
#define PPAP_RCPTS_MAX	1000		/* recipients in the pair key */
#define PASSWORD_BODY_MAX 400		/* non-space bytes of a "password mail" */

/* cmp_str - qsort on strings, case-blind */
static int
cmp_str(const void *a, const void *b)
{
	return (strcasecmp(*(char *const *) a, *(char *const *) b));
}

/* bare - an address without <>, in the pool, lower case */
static const char *
bare(om_pool *pool, const char *a)
{
	size_t  n;
	char   *s;

	if (*a == '<')
		a++;
	n = strcspn(a, ">");
	s = om_pool_memdup(pool, a, n);
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char) (s[i] - 'A' + 'a');
	return (s);
}

/* om_ppap_key - SHA-256 of the sender and the sorted external recipients, hex, in the pool */
const char *
om_ppap_key(om_scan *scan)
{
	const char **v = om_pool_alloc(scan->pool, (scan->nrcpts + 1) * sizeof(char *));
	size_t  n = 0;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	char   *hex;

	if (ctx == NULL)
		return (NULL);
	for (size_t i = 0; i < scan->nrcpts && n < PPAP_RCPTS_MAX; i++)
		if (scan->rcpt_external[i])
			v[n++] = bare(scan->pool, scan->rcpts[i]);
	qsort(v, n, sizeof(*v), cmp_str);
	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	EVP_DigestUpdate(ctx, "ppap v1\n", 8);
	EVP_DigestUpdate(ctx, bare(scan->pool, scan->sender ? scan->sender : ""), strlen(bare(scan->pool, scan->sender ? scan->sender : "")));
	for (size_t i = 0; i < n; i++) {
		EVP_DigestUpdate(ctx, "\n", 1);
		EVP_DigestUpdate(ctx, v[i], strlen(v[i]));
	}
	EVP_DigestFinal_ex(ctx, md, &mdlen);
	EVP_MD_CTX_free(ctx);
	hex = om_pool_alloc(scan->pool, mdlen * 2 + 1);
	for (unsigned i = 0; i < mdlen; i++) {
		hex[2 * i] = "0123456789abcdef"[md[i] >> 4];
		hex[2 * i + 1] = "0123456789abcdef"[md[i] & 15];
	}
	hex[mdlen * 2] = 0;
	return (hex);
}

/* archive_name - the attachment an encrypted part came in, or NULL when it is not an archive's */
static const char *
archive_name(const om_msg *msg, size_t i)
{
	const om_part *p = msg->parts + i;
	int     hops = 0;

	if (!(p->flags & OM_PART_ENCRYPTED))
		return (NULL);
	if (!(p->flags & OM_PART_MEMBER) && !(p->enc_kind && strcmp(p->enc_kind, "archive.headers") == 0))
		return (NULL);
	/* Up to the attachment the archive came in as. */
	while ((p->flags & OM_PART_MEMBER) && p->parent >= 0 && hops++ < (int) msg->nparts)
		p = msg->parts + p->parent;
	return (p->filename ? p->filename : "archive");
}

#define SIG_IMAGE_MAX	(256 * 1024)	/* a logo in a signature, not a file */

/*
 * signature_image - an image shown in the text (a logo in the sender's
 * signature, as mail programs add to every message): declared and
 * detected an image, inline, small. It does not make a password mail an
 * attachment mail.
 */
static int
signature_image(const om_part *p)
{
	return (p->content_type && strncmp(p->content_type, "image/", 6) == 0
		&& p->magic_type && strncmp(p->magic_type, "image/", 6) == 0
		&& p->disposition && strcmp(p->disposition, "inline") == 0
		&& !(p->flags & OM_PART_MEMBER) && p->size <= SIG_IMAGE_MAX);
}

/* has_attachments - any attachment but a signature image */
static int
has_attachments(const om_msg *msg)
{
	for (size_t i = 0; i < msg->nparts; i++)
		if ((msg->parts[i].flags & OM_PART_ATTACHMENT) && !(msg->parts[i].flags & OM_PART_CONTAINER)
		    && !signature_image(msg->parts + i))
			return (1);
	return (0);
}

/* password_body - the body is short and speaks of a password */
static int
password_body(const om_msg *msg)
{
	static const char *const words[] = {
		"パスワード", "パス ワード", "暗証", "解凍", "password", "passcode", "pwd", "pw:", "pw：", "pw ",
	};
	size_t  nonspace = 0;
	int     said = 0;

	for (size_t t = 0; t < msg->ntexts; t++) {
		const om_text *tx = msg->texts + t;

		if (tx->scope != OM_SCOPE_BODY)
			continue;
		for (size_t i = 0; i < tx->len; i++)
			if (tx->text[i] != ' ' && tx->text[i] != '\n' && tx->text[i] != '\t' && tx->text[i] != '\r')
				nonspace++;
		for (size_t w = 0; w < sizeof(words) / sizeof(words[0]) && !said; w++)
			if (strcasestr(tx->text, words[w]) != NULL)
				said = 1;
	}
	return (said && nonspace > 0 && nonspace <= PASSWORD_BODY_MAX);
}

/* om_detect_ppap - attach.ppap and attach.ppap_password */
int
om_detect_ppap(om_scan *scan)
{
	const om_msg *msg = scan->msg;
	const char *key;
	int     archive = 0;

	if (!scan->sender_internal || scan->n_external == 0)
		return (0);
	for (size_t i = 0; i < msg->nparts; i++) {
		const char *name = archive_name(msg, i);

		if (name == NULL)
			continue;
		om_scan_add(scan, "attach.ppap", "attach.ppap",
			    om_pool_printf(scan->pool, "attachment:%s", name), NULL, 1.0);
		archive = 1;
		break;
	}
	if ((key = om_ppap_key(scan)) == NULL)
		return (-1);
	if (archive) {
		scan->ppap_key = key;
		return (0);
	}
	if (scan->snap->state == NULL || has_attachments(msg) || !password_body(msg))
		return (0);
	{
		om_buf  v;
		time_t  due = 0;
		int     r;

		om_buf_init(&v, 4096);
		r = om_state_get(scan->snap->state, PPAP_NS, key, &v, &due);
		om_buf_free(&v);
		if (r < 0)
			return (-1);
		if (r > 0)
			om_scan_add(scan, "attach.ppap_password", "attach.ppap_password", "body",
				    "the password of an encrypted archive sent just before", 1.0);
	}
	return (0);
}
