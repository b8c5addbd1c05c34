/*++
 * NAME
 *	om_pending 3
 * SUMMARY
 *	pending records and the tokens of their reply addresses
 * DESCRIPTION
 *	A record's value is "name=value" lines (values never hold a line
 *	end); unknown names are skipped, so that a newer daemon and an
 *	older "omamori review due" can share a store.
 *
 *	A reply is honoured only when its token verifies (MAC, this
 *	gateway, not expired), the record exists and is of the kind the
 *	verb fits, and the reply's envelope sender is the sender of the
 *	held message. That the client is the firm's is the daemon's check
 *	(om_milter.c), as for notices.
 *--*/
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <gmime/gmime.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "om_log.h"
#include "om_map.h"
#include "om_pending.h"
#include "om_pool.h"
#include "om_state.h"

#define ID_HEX		10		/* random part of a token */
#define MAC_HEX		16		/* MAC part of a token */
#define DOMAINS_MAX	20		/* new domains kept per record */

static const char hex[] = "0123456789abcdef";
static unsigned char proc_key[OM_PENDING_KEY_LEN];
static pthread_once_t proc_once = PTHREAD_ONCE_INIT;

/* proc_key_init - a key of this process, when no notice key is configured */
static void
proc_key_init(void)
{
	if (RAND_bytes(proc_key, sizeof(proc_key)) != 1)
		om_panic("no random bytes for the pending key");
}

/* om_pending_key - HMAC-SHA-256(notice key, "omamori pending v1") */
void
om_pending_key(const om_snap *snap, unsigned char key[OM_PENDING_KEY_LEN])
{
	static const char label[] = "omamori pending v1";
	unsigned int len = 0;

	if (!snap->has_notice_key) {
		/* Tokens then verify only until this process ends. */
		pthread_once(&proc_once, proc_key_init);
		memcpy(key, proc_key, OM_PENDING_KEY_LEN);
		return;
	}
	if (HMAC(EVP_sha256(), snap->notice_key, OM_SNAP_KEY_LEN, (const unsigned char *) label,
		 sizeof(label) - 1, key, &len) == NULL || len != OM_PENDING_KEY_LEN)
		om_panic("HMAC-SHA-256 failed");
}

/* om_pending_host - this gateway's name in tokens: gateway_name, else the short host name */
const char *
om_pending_host(const om_conf *conf, char *buf, size_t size)
{
	char    name[256];
	size_t  o = 0;

	if (conf && conf->conf_gateway_name && *conf->conf_gateway_name)
		snprintf(name, sizeof(name), "%s", conf->conf_gateway_name);
	else if (gethostname(name, sizeof(name)) < 0)
		name[0] = 0;
	name[sizeof(name) - 1] = 0;
	for (const char *p = name; *p && *p != '.' && o < OM_PENDING_HOST_MAX && o + 1 < size; p++) {
		int     c = tolower((unsigned char) *p);

		buf[o++] = (char) ((isalnum(c) && c < 0x80) || c == '-' ? c : '-');
	}
	if (o == 0 && size > 2)
		buf[o++] = 'g', buf[o++] = 'w';
	buf[o] = 0;
	return (buf);
}

/* token_mac - MAC_HEX hex digits over the token's first three parts */
static void
token_mac(const unsigned char *key, const char *body, size_t len, char out[MAC_HEX + 1])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	om_buf  data;

	om_buf_init(&data, 0);
	om_buf_puts(&data, "omamori-pending\n");
	om_buf_append(&data, body, len);
	if (HMAC(EVP_sha256(), key, OM_PENDING_KEY_LEN, (const unsigned char *) data.data, data.len,
		 md, &mdlen) == NULL || mdlen != 32)
		om_panic("HMAC-SHA-256 failed");
	om_buf_free(&data);
	for (unsigned i = 0; i < MAC_HEX / 2; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[MAC_HEX] = 0;
}

/* host_ok - a host part: 1 to OM_PENDING_HOST_MAX of [a-z0-9-] */
static int
host_ok(const char *h, size_t n)
{
	if (n == 0 || n > OM_PENDING_HOST_MAX)
		return (0);
	for (size_t i = 0; i < n; i++)
		if (!(islower((unsigned char) h[i]) || isdigit((unsigned char) h[i]) || h[i] == '-'))
			return (0);
	return (1);
}

/* om_pending_token_make - a new token for this host, good until expires; -1 if it does not fit */
int
om_pending_token_make(const unsigned char *key, const char *host, long expires, char *out, size_t size)
{
	unsigned char rnd[ID_HEX / 2];
	char    id[ID_HEX + 1], mac[MAC_HEX + 1], body[OM_PENDING_TOKEN_MAX + 1];
	int     n;

	if (!host_ok(host, strlen(host)) || expires <= 0)
		return (-1);
	if (RAND_bytes(rnd, sizeof(rnd)) != 1)
		om_panic("no random bytes for a token");
	for (unsigned i = 0; i < sizeof(rnd); i++) {
		id[2 * i] = hex[rnd[i] >> 4];
		id[2 * i + 1] = hex[rnd[i] & 15];
	}
	id[ID_HEX] = 0;
	n = snprintf(body, sizeof(body), "%s.%s.%lx", id, host, (unsigned long) expires);
	if (n < 0 || (size_t) n >= sizeof(body))
		return (-1);
	token_mac(key, body, (size_t) n, mac);
	n = snprintf(out, size, "%s.%s", body, mac);
	return (n < 0 || (size_t) n >= size || n > OM_PENDING_TOKEN_MAX ? -1 : 0);
}

/*
 * om_pending_token_check - is this token ours, for this host, still
 * good? OM_PENDING_OK and the record key ("ID.HOST") in rkey, or why not.
 */
int
om_pending_token_check(const unsigned char *key, const char *token, const char *host, long now,
		       char *rkey, size_t rkeysize)
{
	const char *dot1, *dot2, *dot3;
	char    want[MAC_HEX + 1], got[MAC_HEX + 1];
	unsigned long exp = 0;
	size_t  n = token ? strlen(token) : 0;

	if (n == 0 || n > OM_PENDING_TOKEN_MAX)
		return (OM_PENDING_MALFORMED);
	if ((dot1 = strchr(token, '.')) == NULL || (dot2 = strchr(dot1 + 1, '.')) == NULL
	    || (dot3 = strchr(dot2 + 1, '.')) == NULL || strchr(dot3 + 1, '.') != NULL)
		return (OM_PENDING_MALFORMED);
	if (dot1 - token != ID_HEX || strspn(token, "0123456789abcdef") < ID_HEX
	    || !host_ok(dot1 + 1, (size_t) (dot2 - dot1 - 1))
	    || dot3 - dot2 - 1 < 1 || dot3 - dot2 - 1 > 16
	    || strspn(dot2 + 1, "0123456789abcdef") != (size_t) (dot3 - dot2 - 1)
	    || strlen(dot3 + 1) != MAC_HEX || strspn(dot3 + 1, "0123456789abcdef") != MAC_HEX)
		return (OM_PENDING_MALFORMED);
	for (const char *p = dot2 + 1; p < dot3; p++)
		exp = exp * 16 + (unsigned long) (isdigit((unsigned char) *p) ? *p - '0' : *p - 'a' + 10);
	token_mac(key, token, (size_t) (dot3 - token), want);
	memcpy(got, dot3 + 1, MAC_HEX + 1);
	if (CRYPTO_memcmp(want, got, MAC_HEX) != 0)
		return (OM_PENDING_BAD_MAC);
	if (host == NULL || strlen(host) != (size_t) (dot2 - dot1 - 1)
	    || memcmp(host, dot1 + 1, strlen(host)) != 0)
		return (OM_PENDING_OTHER_HOST);
	if ((unsigned long) now > exp)
		return (OM_PENDING_EXPIRED);
	if (rkey) {
		if ((size_t) (dot2 - token) >= rkeysize)
			return (OM_PENDING_MALFORMED);
		memcpy(rkey, token, (size_t) (dot2 - token));
		rkey[dot2 - token] = 0;
	}
	return (OM_PENDING_OK);
}

/* om_pending_status - a result in words */
const char *
om_pending_status(int status)
{
	switch (status) {
	case OM_PENDING_OK:
		return ("ok");
	case OM_PENDING_MALFORMED:
		return ("malformed");
	case OM_PENDING_BAD_MAC:
		return ("bad_mac");
	case OM_PENDING_OTHER_HOST:
		return ("other_host");
	case OM_PENDING_EXPIRED:
		return ("expired");
	case OM_PENDING_UNKNOWN:
		return ("unknown");
	case OM_PENDING_NOT_SENDER:
		return ("not_sender");
	case OM_PENDING_WRONG_KIND:
		return ("wrong_kind");
	default:
		return ("trouble");
	}
}

/* om_pending_kind_name - "delay" or "approve" */
const char *
om_pending_kind_name(om_pending_kind kind)
{
	return (kind == OM_PENDING_APPROVE ? "approve" : "delay");
}

/* om_pending_state_name - "waiting", "cancel" or "release" */
const char *
om_pending_state_name(om_pending_state state)
{
	return (state == OM_PENDING_CANCEL ? "cancel" : state == OM_PENDING_RELEASE ? "release" : "waiting");
}

/* put_line - "name=value\n", the value with line ends and NULs made blanks */
static void
put_line(om_buf *out, const char *name, const char *value)
{
	om_buf_puts(out, name);
	om_buf_putc(out, '=');
	for (const char *p = value; p && *p; p++)
		om_buf_putc(out, (*p == '\n' || *p == '\r') ? ' ' : *p);
	om_buf_putc(out, '\n');
}

/* om_pending_encode - the record's value */
int
om_pending_encode(const om_pending *p, om_buf *out)
{
	om_buf_puts(out, "v=1\n");
	put_line(out, "kind", om_pending_kind_name(p->kind));
	put_line(out, "state", om_pending_state_name(p->state));
	put_line(out, "token", p->token);
	put_line(out, "host", p->host);
	put_line(out, "qid", p->qid);
	put_line(out, "ref", p->ref);
	put_line(out, "sender", p->sender);
	put_line(out, "by", p->by);
	put_line(out, "approvers", p->approvers);
	put_line(out, "reason", p->reason);
	put_line(out, "domains", p->domains);
	om_buf_printf(out, "created=%ld\ndue=%ld\n", p->created, p->due);
	return (out->len > 0 && out->data ? 0 : -1);
}

/* copy_field - a value into a fixed field; -1 when it does not fit */
static int
copy_field(char *dst, size_t size, const char *v, size_t n)
{
	if (n >= size)
		return (-1);
	memcpy(dst, v, n);
	dst[n] = 0;
	return (0);
}

/* om_pending_decode - a record's value back; -1 when it is not one */
int
om_pending_decode(const char *value, size_t len, om_pending *p)
{
	const char *v = value, *end = value + len;
	int     version = 0, bad = 0;

	memset(p, 0, sizeof(*p));
	while (v < end && !bad) {
		const char *nl = memchr(v, '\n', (size_t) (end - v)), *eq;
		size_t  ll = nl ? (size_t) (nl - v) : (size_t) (end - v), nn, vn;
		const char *val;

		eq = memchr(v, '=', ll);
		if (eq != NULL) {
			nn = (size_t) (eq - v);
			val = eq + 1;
			vn = ll - nn - 1;
#define IS(w) (nn == sizeof(w) - 1 && memcmp(v, w, nn) == 0)
			if (IS("v"))
				version = vn == 1 && *val == '1';
			else if (IS("kind"))
				p->kind = vn == 7 && memcmp(val, "approve", 7) == 0 ? OM_PENDING_APPROVE : OM_PENDING_DELAY;
			else if (IS("state"))
				p->state = vn == 6 && memcmp(val, "cancel", 6) == 0 ? OM_PENDING_CANCEL
					: vn == 7 && memcmp(val, "release", 7) == 0 ? OM_PENDING_RELEASE : OM_PENDING_WAITING;
			else if (IS("token"))
				bad |= copy_field(p->token, sizeof(p->token), val, vn);
			else if (IS("host"))
				bad |= copy_field(p->host, sizeof(p->host), val, vn);
			else if (IS("qid"))
				bad |= copy_field(p->qid, sizeof(p->qid), val, vn);
			else if (IS("ref"))
				bad |= copy_field(p->ref, sizeof(p->ref), val, vn);
			else if (IS("sender"))
				bad |= copy_field(p->sender, sizeof(p->sender), val, vn);
			else if (IS("by"))
				bad |= copy_field(p->by, sizeof(p->by), val, vn);
			else if (IS("approvers"))
				bad |= copy_field(p->approvers, sizeof(p->approvers), val, vn);
			else if (IS("reason"))
				bad |= copy_field(p->reason, sizeof(p->reason), val, vn);
			else if (IS("domains"))
				bad |= copy_field(p->domains, sizeof(p->domains), val, vn);
			else if (IS("created"))
				p->created = strtol(val, NULL, 10);
			else if (IS("due"))
				p->due = strtol(val, NULL, 10);
#undef IS
		}
		v = nl ? nl + 1 : end;
	}
	if (bad || !version || *p->token == 0 || *p->qid == 0)
		return (-1);
	/* The key is the token's "ID.HOST". */
	{
		const char *d1 = strchr(p->token, '.'), *d2 = d1 ? strchr(d1 + 1, '.') : NULL;

		if (d2 == NULL || copy_field(p->key, sizeof(p->key), p->token, (size_t) (d2 - p->token)) < 0)
			return (-1);
	}
	return (0);
}

/* om_pending_put - keep the record: due at its due time, gone OM_PENDING_KEEP later */
int
om_pending_put(struct om_state *st, const om_pending *p)
{
	om_buf  v;
	int     rc;

	om_buf_init(&v, OM_STATE_VALUE_MAX);
	if (om_pending_encode(p, &v) < 0) {
		om_buf_free(&v);
		return (-1);
	}
	rc = om_state_put(st, OM_PENDING_NS, p->key, v.data, v.len, (time_t) (p->due > 0 ? p->due : 1),
			  (time_t) ((p->due > 0 ? p->due : time(NULL)) + OM_PENDING_KEEP));
	om_buf_free(&v);
	return (rc);
}

/* om_pending_get - 1 and the record, 0 none, -1 trouble */
int
om_pending_get(struct om_state *st, const char *key, om_pending *p)
{
	om_buf  v;
	int     rc;

	om_buf_init(&v, OM_STATE_VALUE_MAX);
	rc = om_state_get(st, OM_PENDING_NS, key, &v, NULL);
	if (rc == 1 && om_pending_decode(v.data ? v.data : "", v.len, p) < 0)
		rc = 0;
	om_buf_free(&v);
	return (rc);
}

/* bare - "<a@b>" or "a@b" into buf, lower case */
static void
bare(const char *a, char *buf, size_t size)
{
	size_t  n = a ? strlen(a) : 0, o = 0;

	if (n >= 2 && a[0] == '<' && a[n - 1] == '>')
		a++, n -= 2;
	for (size_t i = 0; i < n && o + 1 < size; i++)
		buf[o++] = (char) tolower((unsigned char) a[i]);
	buf[o] = 0;
}

/*
 * om_pending_hold - keep the pending record of a message about to be
 * quarantined for res->delay seconds; sets res->pending_token and
 * res->pending_due. 0, or -1 (logged) when there is no store or it fails.
 */
int
om_pending_hold(const om_snap *snap, om_result *res, const char *qid, const char *ref)
{
	unsigned char key[OM_PENDING_KEY_LEN];
	om_pending p;
	time_t  now = time(NULL);
	size_t  nd = 0, dl = 0;

	if (snap->state == NULL) {
		om_warn("%s: send delay needs a state store (state =)", ref);
		return (-1);
	}
	if (qid == NULL || *qid == 0) {
		om_warn("%s: send delay needs the MTA's queue id", ref);
		return (-1);
	}
	memset(&p, 0, sizeof(p));
	p.kind = res->action == OM_ACT_APPROVE ? OM_PENDING_APPROVE : OM_PENDING_DELAY;
	p.state = OM_PENDING_WAITING;
	p.created = (long) now;
	p.due = (long) now + (long) res->delay;
	om_pending_host(snap->conf, p.host, sizeof(p.host));
	om_pending_key(snap, key);
	if (om_pending_token_make(key, p.host, p.due + OM_PENDING_KEEP, p.token, sizeof(p.token)) < 0) {
		OPENSSL_cleanse(key, sizeof(key));
		om_warn("%s: cannot make a reply token", ref);
		return (-1);
	}
	OPENSSL_cleanse(key, sizeof(key));
	/* The record's key is the token's "ID.HOST". */
	snprintf(p.key, sizeof(p.key), "%.*s", (int) (strchr(strchr(p.token, '.') + 1, '.') - p.token), p.token);
	snprintf(p.qid, sizeof(p.qid), "%s", qid);
	snprintf(p.ref, sizeof(p.ref), "%s", ref ? ref : "");
	bare(res->sender, p.sender, sizeof(p.sender));
	if (p.kind == OM_PENDING_APPROVE) {
		const char *mgr = snap->manager ? om_map_lookup_addr(snap->manager, p.sender) : NULL;
		const char *dep = mgr && snap->deputy ? om_map_lookup_addr(snap->deputy, mgr) : NULL;

		if (mgr && dep && strcasecmp(mgr, dep) != 0)
			snprintf(p.approvers, sizeof(p.approvers), "%s %s", mgr, dep);
		else if (mgr)
			snprintf(p.approvers, sizeof(p.approvers), "%s", mgr);
		for (char *c = p.approvers; *c; c++)
			*c = (char) tolower((unsigned char) *c);
		if (!*p.approvers)
			om_warn("%s: no manager for %s in manager_map: approval only by \"omamori review approve\"",
				ref, p.sender);
	}
	for (size_t i = 0; i < res->nfindings && nd < DOMAINS_MAX; i++) {
		const om_finding *f = res->findings + i;
		size_t  n;

		if (strcmp(f->category, "recipient.new_domain") != 0 || f->sample == NULL
		    || !om_state_domain_registrable(f->sample))
			continue;
		n = strlen(f->sample);
		if (dl + n + 2 > sizeof(p.domains) || strchr(f->sample, ' '))
			continue;
		if (dl)
			p.domains[dl++] = ' ';
		memcpy(p.domains + dl, f->sample, n + 1);
		dl += n;
		nd++;
	}
	if (om_pending_put(snap->state, &p) < 0) {
		om_warn("%s: pending record not kept: %s", ref, om_state_error());
		return (-1);
	}
	res->pending_token = om_pool_strdup(res->pool, p.token);
	res->pending_approvers = om_pool_strdup(res->pool, p.approvers);
	res->pending_due = p.due;
	return (0);
}

/*
 * om_pending_control - is rcpt one of our reply addresses
 * (LOCAL-cancel+TOKEN@DOMAIN, LOCAL-send+TOKEN@DOMAIN)? 1 with the
 * verb and the token (lower case), else 0.
 */
int
om_pending_control(const om_conf *conf, const char *rcpt, om_pending_verb *verb, char *token, size_t size)
{
	const char *dom = om_conf_control_domain(conf), *local = conf->conf_control_local_part;
	char    addr[OM_PENDING_ADDR_MAX + 1], *at, *plus;
	size_t  ll = strlen(local);

	if (dom == NULL || rcpt == NULL)
		return (0);
	bare(rcpt, addr, sizeof(addr));
	if ((at = strrchr(addr, '@')) == NULL || strcasecmp(at + 1, dom) != 0)
		return (0);
	*at = 0;
	if (strncmp(addr, local, ll) != 0 || addr[ll] != '-' || (plus = strchr(addr + ll, '+')) == NULL)
		return (0);
	*plus = 0;
	if (strcmp(addr + ll + 1, "cancel") == 0)
		*verb = OM_VERB_CANCEL;
	else if (strcmp(addr + ll + 1, "send") == 0)
		*verb = OM_VERB_SEND;
	else if (strcmp(addr + ll + 1, "approve") == 0)
		*verb = OM_VERB_APPROVE;
	else if (strcmp(addr + ll + 1, "reject") == 0)
		*verb = OM_VERB_REJECT;
	else
		return (0);
	if (strlen(plus + 1) >= size)
		snprintf(token, size, "%s", "-");	/* too long: malformed */
	else
		memcpy(token, plus + 1, strlen(plus + 1) + 1);
	return (1);
}

/* om_pending_address - "LOCAL-VERB+TOKEN@DOMAIN" */
void
om_pending_address(const om_conf *conf, const char *verb, const char *token, om_buf *out)
{
	const char *dom = om_conf_control_domain(conf);

	om_buf_printf(out, "%s-%s+%s@%s", conf->conf_control_local_part, verb, token, dom ? dom : "localhost");
}

/* om_pending_reason - an answer's Subject as the approver's words: decoded, one line, bounded */
void
om_pending_reason(const char *subject, char *out, size_t size)
{
	char   *d = subject ? g_mime_utils_header_decode_text(NULL, subject) : NULL;
	const char *s = d ? d : subject ? subject : "";
	size_t  o = 0, n = strlen(s);

	/* Whole UTF-8 characters only: cut before a continuation byte. */
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char) s[n] & 0xc0) == 0x80)
			n--;
	}
	for (size_t i = 0; i < n; i++)
		out[o++] = (s[i] == '\r' || s[i] == '\n' || s[i] == '\t') ? ' ' : s[i];
	out[o] = 0;
	g_free(d);
}

/* om_pending_verb_name - "cancel", "send", "approve", "reject" */
const char *
om_pending_verb_name(om_pending_verb verb)
{
	switch (verb) {
	case OM_VERB_CANCEL:
		return ("cancel");
	case OM_VERB_SEND:
		return ("send");
	case OM_VERB_APPROVE:
		return ("approve");
	default:
		return ("reject");
	}
}

/* is_approver - is addr one of the record's approvers? */
static int
is_approver(const om_pending *p, const char *addr)
{
	size_t  n = strlen(addr);

	for (const char *a = p->approvers; *a;) {
		size_t  l = strcspn(a, " ");

		if (l == n && strncmp(a, addr, n) == 0)
			return (1);
		a += l;
		a += strspn(a, " ");
	}
	return (0);
}

/*
 * om_pending_answer - an answer by mail: the sender's cancel or send
 * now for a delayed message, an approver's approve or reject for one
 * that waits for approval (reason: the approver's words, or NULL).
 * OM_PENDING_OK when the record now says so (p is the record after),
 * else why not; the record is then unchanged.
 */
int
om_pending_answer(const om_snap *snap, om_pending_verb verb, const char *token, const char *from,
		  const char *reason, long now, om_pending *p)
{
	int     approval = verb == OM_VERB_APPROVE || verb == OM_VERB_REJECT;
	unsigned char key[OM_PENDING_KEY_LEN];
	char    host[OM_PENDING_HOST_MAX + 1], rkey[OM_PENDING_TOKEN_MAX + 1], sender[OM_PENDING_ADDR_MAX + 1];
	int     st, rc, other = 0;

	memset(p, 0, sizeof(*p));
	om_pending_key(snap, key);
	st = om_pending_token_check(key, token, om_pending_host(snap->conf, host, sizeof(host)), now,
				    rkey, sizeof(rkey));
	/*
	 * Another gateway's token that verifies under the shared key: a
	 * sender's reply may come in through any gateway. The answer is
	 * written to the record when the store is shared (Redis); the
	 * gateway that holds the mail acts on it. Without the record here
	 * it stays "another gateway holds that mail".
	 */
	if (st == OM_PENDING_OTHER_HOST) {
		const char *h = strchr(token, '.') + 1;	/* checked well-formed */
		size_t  hl = (size_t) (strchr(h, '.') - h);

		if (hl < sizeof(host)) {
			memcpy(host, h, hl);
			host[hl] = 0;
			if (om_pending_token_check(key, token, host, now, rkey, sizeof(rkey)) == OM_PENDING_OK)
				other = 1;
		}
	}
	OPENSSL_cleanse(key, sizeof(key));
	if (st != OM_PENDING_OK && !other)
		return (st);
	if (snap->state == NULL)
		return (OM_PENDING_TROUBLE);
	if ((rc = om_pending_get(snap->state, rkey, p)) < 0)
		return (OM_PENDING_TROUBLE);
	if (rc == 0 || strcmp(p->token, token) != 0)
		return (other ? OM_PENDING_OTHER_HOST : OM_PENDING_UNKNOWN);
	if (p->kind != (approval ? OM_PENDING_APPROVE : OM_PENDING_DELAY))
		return (OM_PENDING_WRONG_KIND);
	bare(from, sender, sizeof(sender));
	if (*sender == 0 || (approval ? !is_approver(p, sender) : strcmp(sender, p->sender) != 0))
		return (OM_PENDING_NOT_SENDER);
	if (approval) {
		/* The first answer decides; the same answer again is no error. */
		if (p->state != OM_PENDING_WAITING)
			return ((p->state == OM_PENDING_RELEASE) == (verb == OM_VERB_APPROVE)
				? OM_PENDING_OK : OM_PENDING_UNKNOWN);
		p->state = verb == OM_VERB_APPROVE ? OM_PENDING_RELEASE : OM_PENDING_CANCEL;
		p->due = now;
		snprintf(p->by, sizeof(p->by), "%s", sender);
		snprintf(p->reason, sizeof(p->reason), "%s", reason ? reason : "");
		return (om_pending_put(snap->state, p) < 0 ? OM_PENDING_TROUBLE : OM_PENDING_OK);
	}
	/* A cancel stands; "send now" after it changes nothing. */
	if (p->state == OM_PENDING_CANCEL)
		return (verb == OM_VERB_CANCEL ? OM_PENDING_OK : OM_PENDING_UNKNOWN);
	p->state = verb == OM_VERB_CANCEL ? OM_PENDING_CANCEL : OM_PENDING_RELEASE;
	if (p->due > now)
		p->due = now;
	snprintf(p->by, sizeof(p->by), "%s", sender);
	if (om_pending_put(snap->state, p) < 0)
		return (OM_PENDING_TROUBLE);
	return (OM_PENDING_OK);
}
