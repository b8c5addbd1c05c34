/*++
 * NAME
 *	om_detect_attack 3
 * SUMMARY
 *	inbound targeted-attack indicators (標的型攻撃メール)
 * DESCRIPTION
 *	Only inbound mail is judged. Each indicator is one finding:
 *
 *	attack.freemail_sender: the From address or the envelope sender
 *	is at a free-mail domain (the list recipient.freemail uses). The
 *	rule is attack.freemail_sender.org_name when the display name
 *	claims an organisation.
 *
 *	attack.signature_mismatch: an address in the signature block of a
 *	body (after the last separator line of om_sig.h, else the last
 *	lines) is at another organisation (registrable domain) than the
 *	From address;
 *	rule attack.reply_to_mismatch when Reply-To is.
 *
 *	attack.url_mismatch: an HTML anchor whose visible text is a URL or
 *	a domain name at another registrable domain than its href.
 *
 *	attack.lookalike_url: a URL host (href, anchor text, plain text)
 *	that carries a listed brand's token without being under one of the
 *	brand's domains (also read with 0 as o and 1 as l), a punycode
 *	homograph of one, or a raw IPv4 host in any form a browser reads
 *	(also a dotted quad with a port or path but no scheme) or an IPv6
 *	literal;
 *	rule attack.lookalike.anchor when an href reads as the host its
 *	anchor text shows;
 *	rules attack.lookalike.internal and attack.lookalike.partner when
 *	it imitates a domain of internal_domains, of the attack_partners
 *	file or of the state store's registered domains (om_domidx: the
 *	same name under another suffix, look-alike letters, a hyphen or a
 *	word added, one letter changed, two in a name of 9 or more).
 *
 *	attack.lookalike_sender: the From, envelope sender or Reply-To
 *	domain imitates one of those domains likewise.
 *
 *	attack.non_japanese_kanji: Japanese text (attack_kana_min kana or
 *	more) with attack_kanji_min or more distinct hanzi that are in none
 *	of JIS X 0208, JIS X 0213 and CP932 (asked of iconv once per
 *	process, kept in a bitmap); rule
 *	attack.non_japanese_kanji.chinese_text for text in Chinese
 *	throughout (CHINESE_HAN_MIN hanzi or more, kana under a twentieth
 *	of them, and simplified forms or Chinese grammar words) from a
 *	sender that is neither internal nor a partner; rule
 *	attack.non_japanese_kanji.traditional for Japanese text with
 *	TRAD_FORMS_MIN traditional forms Japanese replaced, from such a
 *	sender; rule attack.non_japanese_kanji.simplified for Japanese
 *	text with a single such hanzi of the main CJK block (a simplified
 *	form) from such a sender, when attack_kanji_min is 2 or less.
 *
 *	attack.spoofed_internal (IPA: 送信元の詐称): mail from an outside
 *	client whose envelope sender (rule attack.spoofed_internal.envelope)
 *	or From: address (rule attack.spoofed_internal.from) is in an
 *	internal domain (om_scan.c decides who is outside).
 *
 *	Delivery reports get every check: the null sender, a From at
 *	postmaster@ or mailer-daemon@ and a multipart/report wrapper are the
 *	sender's to choose. Only the returned copy of our user's message in a
 *	top-level multipart/report (returned_copy) is not read for the text
 *	indicators; the report's Subject and human-readable part are.
 *
 *	attack.credential_request, attack.theme: the rules of those
 *	categories (rules/40-attack.rules); a credential request counts
 *	only in a message that carries a link. An attached web page
 *	(.html, .htm, .shtml, ...) with a password input (rule
 *	attack.credential.html_password) or a form that posts to a web
 *	site (attack.credential.html_form) is a credential request itself;
 *	so is such a form in an HTML body when a script writes it from an
 *	encoded string, and, in either, a script that writes what cannot be
 *	decoded or sends the reader to a decoded address (rule
 *	attack.credential.html_script; om_html_forms() reads the scripts).
 *
 *	The weights of the indicators present (and of the inbound
 *	attach.executable, attach.double_extension, attach.rlo findings)
 *	are summed into om_scan.attack_score; om_policy.c lets attack.*
 *	findings act only from attack_tag_score on, and holds from
 *	attack_hold_score on. Registrable domains come from the Public
 *	Suffix List (libpsl); IDN hosts are converted with libidn2.
 *--*/
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <idn2.h>
#include <libpsl.h>

#include "om_attack.h"
#include "om_buf.h"
#include "om_category.h"
#include "om_charset.h"
#include "om_html.h"
#include "om_log.h"
#include "om_map.h"
#include "om_mask.h"
#include "om_norm.h"
#include "om_rules.h"
#include "om_scan.h"
#include "om_sig.h"
#include "om_state.h"
#include "om_str.h"
#include "om_utf8.h"

#define BRANDS_MAX	10000		/* brands per list */
#define BRAND_WORDS_MAX	32		/* tokens or domains per brand */
#define BRANDS_LINE_MAX	2048
#define SIG_LINES	8		/* signature without a separator */
#define SIG_SEP_WITHIN	14		/* separator this near the end opens a signature */
#define LINES_MAX	20000		/* lines of one body looked at */
#define URLS_MAX	500		/* plain-text URLs per text */
#define HOSTS_SEEN	32		/* look-alike answers remembered per message */
#define HANZI_MAX	64		/* distinct foreign hanzi kept */
#define HEADINGS_MAX	4096		/* bytes of an attached page's title and headings */
#define ADDRS_MAX	50		/* signature addresses per body */
#define HTML_ATTACH_MAX	20		/* attached web pages read per message */
#define CHINESE_HAN_MIN	20		/* hanzi that make a text without kana Chinese */
#define TRAD_FORMS_MIN	3		/* distinct traditional forms that make Japanese text Chinese */
#define OWN_MAX		100000		/* partner domains kept */
#define LEARNED_REFRESH	300		/* seconds before the registered domains are reread */

/* ---------------------------------------------------------------- brands */

typedef struct brand {
	char   *name;
	char  **tokens;			/* "=tok": whole label or hyphen part */
	size_t	ntokens;
	char  **domains;
	size_t	ndomains;
} brand;

struct om_brands {
	brand  *v;
	size_t	n;
	om_domidx *own;			/* internal_domains, attack_partners */
	/* Registered domains of the state store, reread now and then. */
	pthread_rwlock_t lock;
	om_domidx *learned;
	time_t	learned_at;
	const void *learned_from;	/* the om_state they came from */
};

/* brands_new - an empty list */
static om_brands *
brands_new(void)
{
	om_brands *b = calloc(1, sizeof(*b));

	if (b == NULL)
		om_panic("out of memory");
	if (pthread_rwlock_init(&b->lock, NULL) != 0)
		om_panic("pthread_rwlock_init failed");
	return (b);
}

/* split_words - space/comma separated words of [s, e) */
static size_t
split_words(const char *s, const char *e, char **out, size_t max)
{
	size_t  n = 0;

	while (s < e && n < max) {
		const char *w;

		while (s < e && (*s == ' ' || *s == '\t' || *s == ','))
			s++;
		w = s;
		while (s < e && *s != ' ' && *s != '\t' && *s != ',')
			s++;
		if (s > w) {
			out[n] = strndup(w, (size_t) (s - w));
			if (out[n] == NULL)
				om_panic("out of memory");
			for (char *p = out[n]; *p; p++)
				*p = (char) tolower((unsigned char) *p);
			n++;
		}
	}
	return (n);
}

/* om_brands_parse - "name-ja | name-en | tokens | domains" lines */
om_brands *
om_brands_parse(const char *text, size_t len, const char *name, om_conf_err *err)
{
	om_brands *b = brands_new();
	const char *p = text, *end = text + len;
	int     lineno = 0, bad = 0;

	while (p < end && b->n < BRANDS_MAX) {
		const char *nl = memchr(p, '\n', (size_t) (end - p));
		const char *le = nl ? nl : end;
		const char *col[4], *cole[4];
		int     ncol = 0;
		const char *s = p;
		char   *words[BRAND_WORDS_MAX];
		brand  *br;

		lineno++;
		p = nl ? nl + 1 : end;
		while (s < le && (*s == ' ' || *s == '\t'))
			s++;
		if (s == le || *s == '#' || *s == '\r')
			continue;
		if (le - s > BRANDS_LINE_MAX) {
			bad = 1;
			if (err && err->count++ == 0)
				snprintf(err->text, sizeof(err->text), "%s:%d: line too long", name, lineno);
			continue;
		}
		while (ncol < 4) {
			const char *bar = memchr(s, '|', (size_t) (le - s));

			col[ncol] = s;
			cole[ncol] = bar ? bar : le;
			om_trim_span(&col[ncol], &cole[ncol]);
			ncol++;
			if (bar == NULL)
				break;
			s = bar + 1;
		}
		if (ncol != 4 || col[2] == cole[2] || col[3] == cole[3]) {
			bad = 1;
			if (err && err->count++ == 0)
				snprintf(err->text, sizeof(err->text),
					 "%s:%d: expected \"name | English name | tokens | domains\"", name, lineno);
			continue;
		}
		b->v = realloc(b->v, (b->n + 1) * sizeof(*b->v));
		if (b->v == NULL)
			om_panic("out of memory");
		br = b->v + b->n++;
		memset(br, 0, sizeof(*br));
		br->name = strndup(col[1], (size_t) (cole[1] - col[1]));
		if (br->name == NULL)
			om_panic("out of memory");
		br->ntokens = split_words(col[2], cole[2], words, BRAND_WORDS_MAX);
		br->tokens = calloc(br->ntokens + 1, sizeof(char *));
		if (br->tokens == NULL)
			om_panic("out of memory");
		memcpy(br->tokens, words, br->ntokens * sizeof(char *));
		br->ndomains = split_words(col[3], cole[3], words, BRAND_WORDS_MAX);
		br->domains = calloc(br->ndomains + 1, sizeof(char *));
		if (br->domains == NULL)
			om_panic("out of memory");
		memcpy(br->domains, words, br->ndomains * sizeof(char *));
	}
	if (bad) {
		om_brands_free(b);
		return (NULL);
	}
	return (b);
}

/* om_brands_free - the list and its strings */
void
om_brands_free(void *arg)
{
	om_brands *b = arg;

	if (b == NULL)
		return;
	for (size_t i = 0; i < b->n; i++) {
		for (size_t k = 0; k < b->v[i].ntokens; k++)
			free(b->v[i].tokens[k]);
		for (size_t k = 0; k < b->v[i].ndomains; k++)
			free(b->v[i].domains[k]);
		free(b->v[i].tokens);
		free(b->v[i].domains);
		free(b->v[i].name);
	}
	free(b->v);
	om_domidx_free(b->own);
	om_domidx_free(b->learned);
	pthread_rwlock_destroy(&b->lock);
	free(b);
}

/* om_brands_count - brands listed */
size_t
om_brands_count(const om_brands *b)
{
	return (b ? b->n : 0);
}

/* brands_merge - move src's brands to the end of dst */
static void
brands_merge(om_brands *dst, om_brands *src)
{
	if (src->n) {
		dst->v = realloc(dst->v, (dst->n + src->n) * sizeof(*dst->v));
		if (dst->v == NULL)
			om_panic("out of memory");
		memcpy(dst->v + dst->n, src->v, src->n * sizeof(*src->v));
		dst->n += src->n;
	}
	/* The brands moved; their array goes. */
	free(src->v);
	src->v = NULL;
	src->n = 0;
	om_brands_free(src);
}

/* brands_load_file - one brand file into dst; -1 on trouble */
static int
brands_load_file(om_brands *dst, const char *path, om_conf_err *err)
{
	FILE   *fp = fopen(path, "r");
	om_buf  b;
	char    chunk[8192];
	size_t  n;
	om_brands *add;

	if (fp == NULL) {
		if (err && err->count++ == 0)
			snprintf(err->text, sizeof(err->text), "%s: %s", path, strerror(errno));
		return (-1);
	}
	om_buf_init(&b, 0);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0 && b.len < ((size_t) 16 << 20))
		(void) om_buf_append(&b, chunk, n);
	fclose(fp);
	add = om_brands_parse(b.data ? b.data : "", b.len, path, err);
	om_buf_free(&b);
	if (add == NULL)
		return (-1);
	brands_merge(dst, add);
	return (0);
}

/* own_load - internal_domains and the attack_partners file into b->own; -1 on trouble */
static int
own_load(om_brands *b, const om_conf *conf, om_conf_err *err)
{
	FILE   *fp;
	char    line[1024];
	int     lineno = 0, bad = 0;

	b->own = om_domidx_new();
	for (size_t i = 0; i < conf->conf_internal_domains.n; i++)
		(void) om_domidx_add(b->own, conf->conf_internal_domains.v[i], OM_ATTACK_OWN_INTERNAL);
	if (conf->conf_attack_partners == NULL || *conf->conf_attack_partners == 0) {
		om_domidx_done(b->own);
		return (0);
	}
	if ((fp = fopen(conf->conf_attack_partners, "r")) == NULL) {
		if (err && err->count++ == 0)
			snprintf(err->text, sizeof(err->text), "%s: %s", conf->conf_attack_partners, strerror(errno));
		return (-1);
	}
	while (fgets(line, sizeof(line), fp) != NULL && om_domidx_count(b->own) < OWN_MAX) {
		char   *s = line, *e;

		lineno++;
		if ((e = strchr(s, '#')) != NULL)
			*e = 0;
		while (*s == ' ' || *s == '\t')
			s++;
		e = s + strlen(s);
		while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
			*--e = 0;
		if (*s == 0)
			continue;
		for (char *c = s; *c; c++)
			*c = (char) tolower((unsigned char) *c);
		if (om_domidx_add(b->own, s, OM_ATTACK_OWN_PARTNER) < 0) {
			bad = 1;
			if (err && err->count++ == 0)
				snprintf(err->text, sizeof(err->text), "%s:%d: not a domain name",
					 conf->conf_attack_partners, lineno);
		}
	}
	fclose(fp);
	om_domidx_done(b->own);
	return (bad ? -1 : 0);
}

/* om_brands_load - the brand lists a configuration names; NULL on trouble */
om_brands *
om_brands_load(const om_conf *conf, om_conf_err *err)
{
	om_brands *b = brands_new();
	char   *shipped = NULL;
	int     bad = 0;

	if (conf->conf_rules_dir && asprintf(&shipped, "%s/brands.txt", conf->conf_rules_dir) < 0)
		om_panic("out of memory");
	if (shipped && access(shipped, F_OK) == 0) {
		if (brands_load_file(b, shipped, err) < 0)
			bad = 1;
	} else if (shipped)
		om_debug("%s: not found; no brand look-alike checks", shipped);
	free(shipped);
	if (conf->conf_attack_brands && brands_load_file(b, conf->conf_attack_brands, err) < 0)
		bad = 1;
	if (!bad && own_load(b, conf, err) < 0)
		bad = 1;
	if (bad) {
		om_brands_free(b);
		return (NULL);
	}
	return (b);
}

/* ---------------------------------------------------------------- hosts */

static pthread_once_t psl_once = PTHREAD_ONCE_INIT;
static psl_ctx_t *psl_ctx;

/* psl_init - the system's Public Suffix List, else libpsl's own */
static void
psl_init(void)
{
	psl_ctx = psl_latest(NULL);
	if (psl_ctx == NULL)
		psl_ctx = (psl_ctx_t *) psl_builtin();
}

/* host_ascii - lower-case ASCII (A-label) form of a host; -1 if none */
static int
host_ascii(const char *host, char *out, size_t outsize)
{
	char   *a = NULL;
	size_t  n;

	for (const char *p = host; *p; p++)
		if ((unsigned char) *p >= 0x80) {
			if (idn2_to_ascii_8z(host, &a, IDN2_NONTRANSITIONAL) != IDN2_OK
			    && idn2_to_ascii_8z(host, &a, IDN2_TRANSITIONAL) != IDN2_OK)
				return (-1);
			break;
		}
	n = strlen(a ? a : host);
	if (n == 0 || n >= outsize) {
		idn2_free(a);
		return (-1);
	}
	for (size_t i = 0; i <= n; i++)
		out[i] = (char) tolower((unsigned char) (a ? a : host)[i]);
	idn2_free(a);
	while (n > 0 && out[n - 1] == '.')
		out[--n] = 0;
	return (n ? 0 : -1);
}

/* om_attack_registrable - registrable domain ("news.example") of a host */
int
om_attack_registrable(const char *host, char *out, size_t outsize)
{
	char    a[OM_ATTACK_HOST_MAX];
	const char *r;

	if (host_ascii(host, a, sizeof(a)) < 0)
		return (-1);
	pthread_once(&psl_once, psl_init);
	r = psl_ctx ? psl_registrable_domain(psl_ctx, a) : NULL;
	if (r == NULL)
		r = a;				/* a public suffix itself, or no list */
	if (strlen(r) >= outsize)
		return (-1);
	strcpy(out, r);
	return (0);
}

/* om_attack_same_org - do two hosts share a registrable domain */
int
om_attack_same_org(const char *a, const char *b)
{
	char    ra[OM_ATTACK_HOST_MAX], rb[OM_ATTACK_HOST_MAX];

	if (om_attack_registrable(a, ra, sizeof(ra)) < 0 || om_attack_registrable(b, rb, sizeof(rb)) < 0)
		return (strcasecmp(a, b) == 0);
	return (strcmp(ra, rb) == 0);
}

/* host_char - may appear in a host name written in text */
static int
host_char(unsigned char c)
{
	return (isalnum(c) || c == '.' || c == '-' || c >= 0x80);
}

static int tld_known(const char *);
static int is_ipv4(const char *);

/*
 * text_after_host - where Japanese text glued to a host begins, or n:
 * "198.51.100.7にアクセス" or "login.example。" is the ASCII host and
 * then prose, while "例え.jp" and "shop.例え.jp" are IDN hosts (their
 * non-ASCII label is followed by a dot or is the first).
 */
static size_t
text_after_host(const char *h, size_t n)
{
	char    a[OM_ATTACK_HOST_MAX];
	size_t  j, k;

	for (j = 0; j < n && (unsigned char) h[j] < 0x80; j++)
		;
	if (j == 0 || j == n || j >= sizeof(a) || memchr(h + j, '.', n - j) != NULL)
		return (n);
	for (k = j; k > 0 && h[k - 1] == '.'; k--)
		;
	memcpy(a, h, k);
	a[k] = 0;
	for (size_t i = 0; i < k; i++)
		a[i] = (char) tolower((unsigned char) a[i]);
	return (k > 0 && (is_ipv4(a) || tld_known(a)) ? k : n);
}

/* om_attack_url_host - host of "scheme://[user@]host[:port]/..." */
int
om_attack_url_host(const char *url, char *host, size_t hostsize)
{
	const char *p, *h, *e;
	size_t  n;

	/* Browsers drop the blanks around an href: " http://..." */
	while (*url == ' ' || *url == '\t' || *url == '\r' || *url == '\n')
		url++;
	if ((p = strstr(url, "://")) == NULL)
		return (-1);
	for (const char *s = url; s < p; s++)
		if (!isalnum((unsigned char) *s) && *s != '+' && *s != '-' && *s != '.')
			return (-1);
	h = p + 3;
	e = h + strcspn(h, "/?#\\ \t\r\n\"'<>");
	for (const char *at = h; at < e; at++)
		if (*at == '@')
			h = at + 1;
	if (*h == '[') {
		/* An IPv6 literal: kept with its brackets, a raw address too. */
		const char *c = memchr(h, ']', (size_t) (e - h));

		n = c ? (size_t) (c - h) + 1 : 0;
		if (n < 4 || n >= hostsize)
			return (-1);
		for (size_t i = 1; i + 1 < n; i++)
			if (!isxdigit((unsigned char) h[i]) && h[i] != ':' && h[i] != '.')
				return (-1);
		for (size_t i = 0; i < n; i++)
			host[i] = (char) tolower((unsigned char) h[i]);
		host[n] = 0;
		return (0);
	}
	for (const char *c = h; c < e; c++)
		if (*c == ':') {
			e = c;
			break;
		}
	n = (size_t) (e - h);
	while (n > 0 && h[n - 1] == '.')
		n--;
	n = text_after_host(h, n);
	if (n == 0 || n >= hostsize)
		return (-1);
	for (size_t i = 0; i < n; i++) {
		if (!host_char((unsigned char) h[i]))
			return (-1);
		host[i] = (char) tolower((unsigned char) h[i]);
	}
	host[n] = 0;
	return (0);
}

/* tld_known - the last label is a public suffix or a reserved name */
static int
tld_known(const char *host)
{
	const char *dot = strrchr(host, '.');
	char    a[OM_ATTACK_HOST_MAX];

	if (dot == NULL || dot[1] == 0)
		return (0);
	dot++;
	if (strcmp(dot, "example") == 0 || strcmp(dot, "test") == 0 || strcmp(dot, "invalid") == 0)
		return (1);
	for (const char *p = dot; *p; p++)
		if (isdigit((unsigned char) *p))
			return (0);
	if (host_ascii(dot, a, sizeof(a)) < 0)
		return (0);
	pthread_once(&psl_once, psl_init);
	return (psl_ctx && psl_is_public_suffix2(psl_ctx, a, PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE));
}

/* om_attack_text_host - host that anchor text names, if it is a URL or domain */
int
om_attack_text_host(const char *text, char *host, size_t hostsize)
{
	const char *s = text, *e;
	size_t  n;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '<' || *s == '(')
		s++;
	if (strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0)
		return (om_attack_url_host(s, host, hostsize));
	e = s;
	while (*e && host_char((unsigned char) *e))
		e++;
	/* The whole text is the name, perhaps with a path after it. */
	if (*e && strchr("/?#:", *e) == NULL) {
		const char *t = e;

		while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r' || *t == '>' || *t == ')')
			t++;
		if (*t)
			return (-1);
	}
	while (e > s && e[-1] == '.')
		e--;
	n = (size_t) (e - s);
	if (n == 0 || n >= hostsize || memchr(s, '.', n) == NULL)
		return (-1);
	for (size_t i = 0; i < n; i++)
		host[i] = (char) tolower((unsigned char) s[i]);
	host[n] = 0;
	if (host[0] == '.' || host[0] == '-' || strstr(host, ".."))
		return (-1);
	return (tld_known(host) ? 0 : -1);
}

/*
 * is_ipv4 - a host a browser reads as an IPv4 address: one to four
 * numeric parts, each decimal, octal (leading 0) or hexadecimal (0x),
 * as the WHATWG URL standard parses them ("198.51.100.7", but also
 * "3325256711" and "0xc6.0x33.0x64.0x07", which lures use to hide it).
 * With fewer than four parts the last must hold more than one octet:
 * "0" (x-apple-data-detectors://0) or "1.2" are no address anyone sends.
 */
static int
is_ipv4(const char *h)
{
	int     parts = 0;

	if (*h == 0)
		return (0);
	for (;;) {
		size_t  len = 0;
		int     hex = h[0] == '0' && (h[1] == 'x' || h[1] == 'X');
		int     oct = !hex && h[0] == '0';
		unsigned long long v = 0;

		if (hex)
			h += 2;
		for (; hex ? isxdigit((unsigned char) *h) : isdigit((unsigned char) *h); h++) {
			int     d = isdigit((unsigned char) *h) ? *h - '0' : tolower((unsigned char) *h) - 'a' + 10;

			if (++len > 32)
				return (0);
			v = v * (hex ? 16 : oct ? 8 : 10) + (unsigned) d;
			if (v > 0xffffffffULL)
				return (0);
		}
		if ((len == 0 && !hex) || ++parts > 4)
			return (0);
		if (*h == '.')
			h++;
		if (*h == 0)
			return (parts == 4 || v > 255);
		if (!isxdigit((unsigned char) *h))
			return (0);
	}
}

/* utf8_next - code point at *p, advancing; 0xFFFD on bad bytes */
static unsigned
utf8_next(const unsigned char **pp, const unsigned char *end)
{
	size_t  n;
	unsigned cp = om_utf8_decode(*pp, (size_t) (end - *pp), &n);

	*pp += n;
	return (cp);
}

/* fold_confusable - Latin letter a Cyrillic/Greek one imitates, or 0 */
static char
fold_confusable(unsigned cp)
{
	static const struct {
		unsigned cp;
		char	c;
	} tab[] = {
		{0x0430, 'a'}, {0x0435, 'e'}, {0x043e, 'o'}, {0x0440, 'p'}, {0x0441, 'c'},
		{0x0443, 'y'}, {0x0445, 'x'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x0455, 's'},
		{0x0501, 'd'}, {0x04bb, 'h'}, {0x0432, 'b'}, {0x043a, 'k'}, {0x043c, 'm'},
		{0x043d, 'h'}, {0x0442, 't'}, {0x0261, 'g'}, {0x03bf, 'o'}, {0x03b1, 'a'},
		{0x03bd, 'v'}, {0x03b9, 'i'}, {0x03ba, 'k'}, {0x03c1, 'p'}, {0x03f2, 'c'},
		{0x03c4, 't'}, {0x03c5, 'u'}, {0x03b5, 'e'}, {0x0131, 'i'}, {0x0251, 'a'},
	};

	if (cp < 0x80)
		return ((char) tolower((int) cp));
	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (tab[i].cp == cp)
			return (tab[i].c);
	return (0);
}

/* skeleton - host with punycode labels decoded and look-alike letters folded */
static int
skeleton(const char *ascii, char *out, size_t outsize, int *had_idn)
{
	char   *u = NULL;
	const unsigned char *p, *end;
	size_t  n = 0;

	*had_idn = strstr(ascii, "xn--") != NULL;
	if (*had_idn && idn2_to_unicode_8z8z(ascii, &u, 0) != IDN2_OK)
		u = NULL;
	p = (const unsigned char *) (u ? u : ascii);
	end = p + strlen((const char *) p);
	while (p < end && n + 1 < outsize) {
		unsigned cp = utf8_next(&p, end);
		char    c = fold_confusable(cp);

		out[n++] = c ? c : '?';
	}
	out[n] = 0;
	idn2_free(u);
	return (0);
}

/* under_domain - host is d or a subdomain of d */
static int
under_domain(const char *host, const char *d)
{
	size_t  hl = strlen(host), dl = strlen(d);

	return (hl >= dl && strcmp(host + hl - dl, d) == 0 && (hl == dl || host[hl - dl - 1] == '.'));
}

/* token_in - brand token in a host skeleton ("=tok": whole part only) */
static int
token_in(const char *host, const char *tok)
{
	int     whole = *tok == '=';
	size_t  tl;
	const char *p;

	if (whole)
		tok++;
	tl = strlen(tok);
	if (tl == 0)
		return (0);
	for (p = strstr(host, tok); p; p = strstr(p + 1, tok)) {
		if (!whole)
			return (1);
		if ((p == host || p[-1] == '.' || p[-1] == '-')
		    && (p[tl] == 0 || p[tl] == '.' || p[tl] == '-'))
			return (1);
	}
	return (0);
}

/* strip_suffix - cut as many labels off sk as the public suffix of ascii has */
static void
strip_suffix(const char *ascii, char *sk)
{
	const char *suf;
	int     labels = 1;
	char   *p;

	pthread_once(&psl_once, psl_init);
	if (psl_ctx == NULL || (suf = psl_unregistrable_domain(psl_ctx, ascii)) == NULL)
		return;
	for (const char *c = suf; *c; c++)
		labels += *c == '.';
	while (labels-- > 0 && (p = strrchr(sk, '.')) != NULL)
		*p = 0;
}

/* digit_letters - a 0 or 1 next to a letter in a host skeleton */
static int
digit_letters(const char *sk)
{
	for (const char *p = sk; *p; p++)
		if ((*p == '0' || *p == '1')
		    && ((p > sk && isalpha((unsigned char) p[-1])) || isalpha((unsigned char) p[1])))
			return (1);
	return (0);
}

/* fold_digits - 0 read as o, 1 and i as l, in place */
static void
fold_digits(char *s)
{
	for (; *s; s++)
		if (*s == '0')
			*s = 'o';
		else if (*s == '1' || *s == 'i')
			*s = 'l';
}

/* om_attack_lookalike - rule id when a host imitates a listed brand, else NULL */
const char *
om_attack_lookalike(const om_brands *b, const char *host)
{
	char    a[OM_ATTACK_HOST_MAX], sk[OM_ATTACK_HOST_MAX];
	int     idn;

	if (is_ipv4(host) || host[0] == '[')
		return ("attack.lookalike.ip_host");
	if (b == NULL || host_ascii(host, a, sizeof(a)) < 0)
		return (NULL);
	for (size_t i = 0; i < b->n; i++)
		for (size_t k = 0; k < b->v[i].ndomains; k++)
			if (under_domain(a, b->v[i].domains[k]))
				return (NULL);
	skeleton(a, sk, sizeof(sk), &idn);
	for (size_t i = 0; i < b->n; i++)
		for (size_t k = 0; k < b->v[i].ndomains; k++)
			if (idn && under_domain(sk, b->v[i].domains[k]))
				return ("attack.lookalike.homograph");
	/*
	 * Tokens are looked for left of the public suffix: "au" in
	 * www.example.gov.au is Australia, not the carrier.
	 */
	strip_suffix(a, sk);
	for (size_t i = 0; i < b->n; i++)
		for (size_t k = 0; k < b->v[i].ntokens; k++)
			if (token_in(sk, b->v[i].tokens[k]))
				return (idn ? "attack.lookalike.homograph" : "attack.lookalike.brand");
	/*
	 * Digits for letters: amaz0n, paypa1, rakuten-card1. Tried only when
	 * a 0 or 1 touches a letter, so that numbered hosts (web01, a1) and
	 * dates stay as they are; i and l fold together as 1 stands for both.
	 */
	if (digit_letters(sk)) {
		char    tf[OM_ATTACK_HOST_MAX];

		fold_digits(sk);
		for (size_t i = 0; i < b->n; i++)
			for (size_t k = 0; k < b->v[i].ntokens; k++) {
				snprintf(tf, sizeof(tf), "%s", b->v[i].tokens[k]);
				fold_digits(tf);
				if (token_in(sk, tf))
					return ("attack.lookalike.digit");
			}
	}
	return (NULL);
}

/* ---------------------------------------------------------------- own and partner domains */

/*
 * The firm's own domains and its partners' are protected names: a host
 * or sender domain that is one of them by name but not in fact (another
 * public suffix, look-alike letters, a hyphen or word added, one or two
 * letters changed) imitates them. Each protected registrable domain is
 * kept as its name (the label before the public suffix) and its
 * skeleton (look-alike letters folded, hyphens dropped), in two sorted
 * arrays: exact forms are found by binary search, and the fuzzy
 * comparison visits only the skeletons within two letters of the
 * candidate's length.
 */
typedef struct own_dom {
	char   *dom;			/* registrable domain */
	char   *name;			/* its first label */
	char   *skel;			/* skeleton of the name */
	size_t	skel_len;
	unsigned long letters;		/* which characters the skeleton has */
	int	kind;			/* OM_ATTACK_OWN_* */
} own_dom;

struct om_domidx {
	own_dom *v;			/* by skeleton length, then skeleton */
	own_dom **byname;		/* by name */
	own_dom **bydom;		/* by registrable domain */
	size_t	n, size;
};

/* own_skeleton - name folded: look-alike letters and digits, no hyphens */
static void
own_skeleton(const char *name, char *out, size_t outsize)
{
	char    tmp[OM_ATTACK_HOST_MAX];
	char   *u = NULL;
	const unsigned char *p, *end;
	size_t  n = 0, o = 0;

	if (strncmp(name, "xn--", 4) == 0 && idn2_to_unicode_8z8z(name, &u, 0) != IDN2_OK)
		u = NULL;
	p = (const unsigned char *) (u ? u : name);
	end = p + strlen((const char *) p);
	while (p < end && n + 1 < sizeof(tmp)) {
		unsigned cp = utf8_next(&p, end);
		char    c = fold_confusable(cp);

		if (c == '-')
			continue;
		if (c == '0')
			c = 'o';
		else if (c == '1' || c == 'i')
			c = 'l';
		tmp[n++] = c ? c : '?';
	}
	tmp[n] = 0;
	idn2_free(u);
	/* Letter pairs that read as one letter. */
	for (size_t i = 0; i < n && o + 1 < outsize; i++) {
		if (tmp[i] == 'r' && tmp[i + 1] == 'n')
			out[o++] = 'm', i++;
		else if (tmp[i] == 'v' && tmp[i + 1] == 'v')
			out[o++] = 'w', i++;
		else if (tmp[i] == 'c' && tmp[i + 1] == 'l')
			out[o++] = 'd', i++;
		else
			out[o++] = tmp[i];
	}
	out[o] = 0;
}

/* letter_set - a bit for each character class of a skeleton */
static unsigned long
letter_set(const char *sk)
{
	unsigned long m = 0;

	for (; *sk; sk++)
		m |= 1ul << ((unsigned char) *sk % 32);
	return (m);
}

/* bits - how many bits are set */
static unsigned
bits(unsigned long m)
{
	unsigned n = 0;

	for (; m; m &= m - 1)
		n++;
	return (n);
}

/* own_split - registrable domain of a host and its first label; -1 if none */
static int
own_split(const char *host, char *reg, size_t regsize, char *name, size_t namesize)
{
	char    a[OM_ATTACK_HOST_MAX];
	const char *dot, *r;

	if (is_ipv4(host) || host_ascii(host, a, sizeof(a)) < 0)
		return (-1);
	pthread_once(&psl_once, psl_init);
	/* A public suffix itself (co.jp) names no organisation. */
	if (psl_ctx == NULL || (r = psl_registrable_domain(psl_ctx, a)) == NULL || strlen(r) >= regsize)
		return (-1);
	strcpy(reg, r);
	if ((dot = strchr(reg, '.')) == NULL || dot == reg || (size_t) (dot - reg) >= namesize)
		return (-1);
	memcpy(name, reg, (size_t) (dot - reg));
	name[dot - reg] = 0;
	return (0);
}

/* om_domidx_new - an empty index */
om_domidx *
om_domidx_new(void)
{
	om_domidx *x = calloc(1, sizeof(*x));

	if (x == NULL)
		om_panic("out of memory");
	return (x);
}

/* om_domidx_add - a domain (its registrable part) as kind; -1 if not a domain */
int
om_domidx_add(om_domidx *x, const char *domain, int kind)
{
	char    reg[OM_ATTACK_HOST_MAX], name[OM_ATTACK_HOST_MAX], sk[OM_ATTACK_HOST_MAX];
	own_dom *e;

	if (own_split(domain, reg, sizeof(reg), name, sizeof(name)) < 0)
		return (-1);
	if (x->n == x->size) {
		x->size = x->size ? 2 * x->size : 64;
		if ((x->v = realloc(x->v, x->size * sizeof(*x->v))) == NULL)
			om_panic("out of memory");
	}
	own_skeleton(name, sk, sizeof(sk));
	e = x->v + x->n++;
	e->dom = strdup(reg);
	e->name = strdup(name);
	e->skel = strdup(sk);
	if (e->dom == NULL || e->name == NULL || e->skel == NULL)
		om_panic("out of memory");
	e->skel_len = strlen(sk);
	e->letters = letter_set(sk);
	e->kind = kind;
	return (0);
}

/* by_skel - order of v: skeleton length, then skeleton */
static int
by_skel(const void *a, const void *b)
{
	const own_dom *x = a, *y = b;

	if (x->skel_len != y->skel_len)
		return (x->skel_len < y->skel_len ? -1 : 1);
	return (strcmp(x->skel, y->skel));
}

/* by_name - order of byname */
static int
by_name(const void *a, const void *b)
{
	return (strcmp((*(own_dom * const *) a)->name, (*(own_dom * const *) b)->name));
}

/* by_dom - order of bydom */
static int
by_dom(const void *a, const void *b)
{
	return (strcmp((*(own_dom * const *) a)->dom, (*(own_dom * const *) b)->dom));
}

/* om_domidx_done - sort once all are added (internal before partner on ties) */
void
om_domidx_done(om_domidx *x)
{
	if (x->n == 0)
		return;
	qsort(x->v, x->n, sizeof(*x->v), by_skel);
	x->byname = calloc(x->n, sizeof(*x->byname));
	x->bydom = calloc(x->n, sizeof(*x->bydom));
	if (x->byname == NULL || x->bydom == NULL)
		om_panic("out of memory");
	for (size_t i = 0; i < x->n; i++)
		x->byname[i] = x->bydom[i] = x->v + i;
	qsort(x->byname, x->n, sizeof(*x->byname), by_name);
	qsort(x->bydom, x->n, sizeof(*x->bydom), by_dom);
}

/* om_domidx_free - the index and its strings */
void
om_domidx_free(om_domidx *x)
{
	if (x == NULL)
		return;
	for (size_t i = 0; i < x->n; i++) {
		free(x->v[i].dom);
		free(x->v[i].name);
		free(x->v[i].skel);
	}
	free(x->v);
	free(x->byname);
	free(x->bydom);
	free(x);
}

/* om_domidx_count - domains held */
size_t
om_domidx_count(const om_domidx *x)
{
	return (x ? x->n : 0);
}

/* find_ptr - an entry of a pointer array sorted by member at off equal to key */
static const own_dom *
find_ptr(own_dom *const *v, size_t n, size_t off, const char *key)
{
	size_t  lo = 0, hi = n;

	while (lo < hi) {
		size_t  mid = lo + (hi - lo) / 2;
		int     c = strcmp(*(char *const *) ((const char *) v[mid] + off), key);

		if (c == 0)
			return (v[mid]);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (NULL);
}

/* len_first - first entry of v whose skeleton is len long or longer */
static size_t
len_first(const om_domidx *x, size_t len)
{
	size_t  lo = 0, hi = x->n;

	while (lo < hi) {
		size_t  mid = lo + (hi - lo) / 2;

		if (x->v[mid].skel_len < len)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

/* find_skel - an entry whose skeleton is sk (long enough to judge) */
static const own_dom *
find_skel(const om_domidx *x, const char *sk, size_t len)
{
	size_t  lo, hi;

	if (len < OM_ATTACK_OWN_NAME_MIN)
		return (NULL);
	/* v is sorted by length, then skeleton: search the length's run. */
	lo = len_first(x, len);
	hi = len_first(x, len + 1);
	while (lo < hi) {
		size_t  mid = lo + (hi - lo) / 2;
		int     c = strcmp(x->v[mid].skel, sk);

		if (c == 0)
			return (x->v + mid);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (NULL);
}

/* om_domidx_has - the host's registrable domain is in the index */
int
om_domidx_has(const om_domidx *x, const char *host)
{
	char    reg[OM_ATTACK_HOST_MAX], name[OM_ATTACK_HOST_MAX];

	if (x == NULL || x->n == 0 || own_split(host, reg, sizeof(reg), name, sizeof(name)) < 0)
		return (0);
	return (find_ptr(x->bydom, x->n, offsetof(own_dom, dom), reg) != NULL);
}

/* edit_distance - optimal string alignment distance of a and b, or max + 1 */
static unsigned
edit_distance(const char *a, size_t la, const char *b, size_t lb, unsigned max)
{
	unsigned r0[OM_ATTACK_HOST_MAX], r1[OM_ATTACK_HOST_MAX], r2[OM_ATTACK_HOST_MAX];
	unsigned *pp = r0, *prev = r1, *cur = r2;

	if (la >= OM_ATTACK_HOST_MAX || lb >= OM_ATTACK_HOST_MAX)
		return (max + 1);
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (unsigned) j;
	for (size_t i = 1; i <= la; i++) {
		unsigned low;
		unsigned *t;

		cur[0] = low = (unsigned) i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned v = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
			if (v < low)
				low = v;
		}
		if (low > max)
			return (max + 1);
		t = pp, pp = prev, prev = cur, cur = t;
	}
	return (prev[lb]);
}

/* part_hit - a hyphen-separated run of parts of label is a protected name */
static const own_dom *
part_hit(const om_domidx *x, const char *label, int whole)
{
	const char *starts[BRAND_WORDS_MAX];
	size_t  np = 0, ll = strlen(label);

	starts[np++] = label;
	for (const char *p = label; *p && np < BRAND_WORDS_MAX; p++)
		if (*p == '-' && p[1])
			starts[np++] = p + 1;
	for (size_t i = 0; i < np; i++)
		for (size_t j = i; j < np; j++) {
			const char *s = starts[i];
			const char *e = j + 1 < np ? starts[j + 1] - 1 : label + ll;
			char    run[OM_ATTACK_HOST_MAX], sk[OM_ATTACK_HOST_MAX];
			const own_dom *d;

			if ((i == 0 && j == np - 1 && !whole) || e <= s || (size_t) (e - s) >= sizeof(run))
				continue;
			memcpy(run, s, (size_t) (e - s));
			run[e - s] = 0;
			own_skeleton(run, sk, sizeof(sk));
			if ((d = find_skel(x, sk, strlen(sk))) != NULL)
				return (d);
		}
	return (NULL);
}

/*
 * om_domidx_lookalike - how a host imitates a domain of the index
 * ("tld", "homograph", "word", "typo"), with the entry's kind and
 * domain; NULL when it does not or when it is one of them.
 */
const char *
om_domidx_lookalike(const om_domidx *x, const char *host, int *kind, const char **target)
{
	char    a[OM_ATTACK_HOST_MAX], reg[OM_ATTACK_HOST_MAX], name[OM_ATTACK_HOST_MAX];
	char    sk[OM_ATTACK_HOST_MAX];
	const own_dom *d;
	const char *how = NULL;
	size_t  sl, first;
	unsigned long letters;

	if (x == NULL || x->n == 0 || host_ascii(host, a, sizeof(a)) < 0
	    || own_split(a, reg, sizeof(reg), name, sizeof(name)) < 0
	    || find_ptr(x->bydom, x->n, offsetof(own_dom, dom), reg) != NULL)
		return (NULL);
	own_skeleton(name, sk, sizeof(sk));
	sl = strlen(sk);
	/* The same name under another suffix; the same skeleton. */
	if ((d = find_ptr(x->byname, x->n, offsetof(own_dom, name), name)) != NULL
	    && strlen(name) >= OM_ATTACK_OWN_TLD_MIN)
		how = "tld";
	else if ((d = find_skel(x, sk, sl)) != NULL)
		how = "homograph";
	/* A word added: a part of a label, or glued before or after. */
	for (const char *l = a; how == NULL && l < a + strlen(a) - strlen(reg);) {
		const char *dot = strchr(l, '.');
		char    label[OM_ATTACK_HOST_MAX];

		if (dot == NULL || (size_t) (dot - l) >= sizeof(label))
			break;
		memcpy(label, l, (size_t) (dot - l));
		label[dot - l] = 0;
		if ((d = part_hit(x, label, 1)) != NULL)
			how = "word";
		l = dot + 1;
	}
	if (how == NULL && (d = part_hit(x, name, 0)) != NULL)
		how = "word";
	for (size_t k = OM_ATTACK_OWN_NAME_MIN; how == NULL && k + 2 <= sl; k++) {
		char    cut[OM_ATTACK_HOST_MAX];

		memcpy(cut, sk, k);
		cut[k] = 0;
		if ((d = find_skel(x, cut, k)) == NULL)
			d = find_skel(x, sk + sl - k, k);
		if (d != NULL)
			how = "word";
	}
	/*
	 * One letter changed (two in a long name). An edit adds or takes
	 * away at most one character of each set, so sets that differ in
	 * more than two per edit cannot be that near: no table needed.
	 */
	letters = letter_set(sk);
	first = len_first(x, sl > 2 ? sl - 2 : 0);
	for (size_t i = first; how == NULL && i < x->n && x->v[i].skel_len <= sl + 2; i++) {
		const own_dom *e = x->v + i;
		unsigned max = e->skel_len >= OM_ATTACK_OWN_TYPO2_MIN ? 2 : 1;
		unsigned dist;

		if (e->skel_len < OM_ATTACK_OWN_NAME_MIN
		    || (e->skel_len > sl ? e->skel_len - sl : sl - e->skel_len) > max
		    || bits(e->letters ^ letters) > 2 * max)
			continue;
		dist = edit_distance(sk, sl, e->skel, e->skel_len, max);
		if (dist >= 1 && dist <= max) {
			d = e;
			how = "typo";
		}
	}
	if (how == NULL)
		return (NULL);
	if (kind)
		*kind = d->kind;
	if (target)
		*target = d->dom;
	return (how);
}

/* ---------------------------------------------------------------- hanzi */

#define HAN_LO		0x3400
#define HAN_HI		0xfaff
#define HAN_BITS	(HAN_HI - HAN_LO + 1)

static pthread_once_t han_once = PTHREAD_ONCE_INIT;
static unsigned char han_foreign[(HAN_BITS + 7) / 8];	/* 1: in no JIS set */

/* is_han - a CJK ideograph of the BMP blocks judged */
static int
is_han(unsigned cp)
{
	return ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff)
		|| (cp >= 0xf900 && cp <= 0xfaff));
}

/* in_charset - iconv converts the character */
static int
in_charset(iconv_t cd, unsigned cp)
{
	char    in[4], out[16], *ip = in, *op = out;
	size_t  il = 3, ol = sizeof(out);

	in[0] = (char) (0xe0 | (cp >> 12));
	in[1] = (char) (0x80 | ((cp >> 6) & 0x3f));
	in[2] = (char) (0x80 | (cp & 0x3f));
	(void) iconv(cd, NULL, NULL, NULL, NULL);
	return (iconv(cd, &ip, &il, &op, &ol) != (size_t) -1 && il == 0);
}

/* han_init - ask iconv about every ideograph once */
static void
han_init(void)
{
	iconv_t jis = iconv_open("EUC-JISX0213", "UTF-8");
	iconv_t sj = iconv_open("CP932", "UTF-8");

	if (jis == (iconv_t) -1 || sj == (iconv_t) -1) {
		om_warn("iconv lacks EUC-JISX0213 or CP932: attack.non_japanese_kanji is off");
		if (jis != (iconv_t) -1)
			iconv_close(jis);
		if (sj != (iconv_t) -1)
			iconv_close(sj);
		return;
	}
	for (unsigned cp = HAN_LO; cp <= HAN_HI; cp++)
		if (is_han(cp) && !in_charset(jis, cp) && !in_charset(sj, cp))
			han_foreign[(cp - HAN_LO) >> 3] |= (unsigned char) (1u << ((cp - HAN_LO) & 7));
	iconv_close(jis);
	iconv_close(sj);
}

/* om_attack_hanzi_foreign - an ideograph Japanese character sets lack */
int
om_attack_hanzi_foreign(unsigned cp)
{
	if (!is_han(cp))
		return (0);
	pthread_once(&han_once, han_init);
	return ((han_foreign[(cp - HAN_LO) >> 3] >> ((cp - HAN_LO) & 7)) & 1);
}

/* ---------------------------------------------------------------- detector */

typedef struct attack_ctx {
	om_scan *scan;
	om_brands *brands;
	const char *from_domain;	/* From (else envelope sender) domain */
	int	has_link;
	const om_text *text;		/* the text being read by the phrase rules */
	/* Hosts already judged, and the answer: most mail repeats a few. */
	struct {
		char   *host;
		const char *rule;
	} seen[HOSTS_SEEN];
	unsigned nseen, next_seen;
} attack_ctx;

/* addr_domain - domain of local@domain, or NULL */
static const char *
addr_domain(const char *addr)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;

	return (at && at[1] ? at + 1 : NULL);
}

/* claims_org - a display name that names an organisation */
static int
claims_org(const char *name)
{
	static const char *const words[] = {
		"株式会社", "(株)", "㈱", "有限会社", "合同会社", "協会", "事務局", "編集部", "新聞",
		"銀行", "保険", "大学", "研究所", "財団", "機構", "省", "庁", "センター", "運輸", "急便",
		"inc", "ltd", "corp", "co.", "llc", "gmbh", "bank", "office", "support", "magazine",
	};
	char    low[256];
	size_t  n;

	if (name == NULL)
		return (0);
	n = strlen(name);
	if (n >= sizeof(low))
		n = sizeof(low) - 1;
	for (size_t i = 0; i < n; i++)
		low[i] = (char) tolower((unsigned char) name[i]);
	low[n] = 0;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(low, words[i]))
			return (1);
	return (0);
}

/* carrier - a mobile-carrier mailbox (attack_freemail_exclude) */
static int
carrier(const om_conf *conf, const char *d)
{
	size_t  dl = strlen(d);

	for (size_t i = 0; i < conf->conf_attack_freemail_exclude.n; i++) {
		const char *x = conf->conf_attack_freemail_exclude.v[i];
		size_t  n = strlen(x);

		if ((dl == n && strcmp(d, x) == 0) || (dl > n && d[dl - n - 1] == '.' && strcmp(d + dl - n, x) == 0))
			return (1);
	}
	return (0);
}

/* freemail_domain - at a free-mail domain that is not a carrier's */
static int
freemail_domain(const om_conf *conf, const om_map *fm, const char *d)
{
	return (d != NULL && om_map_has_domain(fm, d) && !carrier(conf, d));
}

/*
 * returned_copy - part i is, or lies within, the returned message of a
 * delivery report: a child of a top-level multipart/report that carries
 * the returned message or its headers (message/rfc822, message/global,
 * text/rfc822-headers, message/global-headers) or the report's
 * machine-readable fields (message/delivery-status,
 * message/disposition-notification, message/feedback-report). Such a part
 * quotes what our own user sent, so its text says nothing about the
 * report's sender. The report's human-readable part and any other part
 * are not one: those are read like any inbound mail. Headers (part -1)
 * never are.
 */
static int
returned_copy(const om_msg *msg, int i)
{
	static const char *const quoted[] = {
		"message/rfc822", "message/global", "text/rfc822-headers",
		"message/global-headers", "message/delivery-status",
		"message/disposition-notification", "message/feedback-report", NULL,
	};
	size_t  steps;

	if (i <= 0 || msg->nparts == 0 || (size_t) i >= msg->nparts
	    || msg->parts[0].content_type == NULL
	    || strcmp(msg->parts[0].content_type, "multipart/report") != 0)
		return (0);
	/* Up to the child of the top; parents come before their children. */
	for (steps = 0; steps < msg->nparts && msg->parts[i].parent > 0; steps++) {
		if (msg->parts[i].parent >= i)
			return (0);
		i = msg->parts[i].parent;
	}
	if (msg->parts[i].parent != 0 || msg->parts[i].content_type == NULL)
		return (0);
	for (int k = 0; quoted[k]; k++)
		if (strcmp(msg->parts[i].content_type, quoted[k]) == 0)
			return (1);
	return (0);
}

/*
 * system_mailbox - MAILER-DAEMON@ or postmaster@: the mail system of a
 * domain speaking, not a person using it
 */
static int
system_mailbox(const char *addr)
{
	return (addr && (strncasecmp(addr, "mailer-daemon@", 14) == 0
			 || strncasecmp(addr, "postmaster@", 11) == 0));
}

/* detect_freemail - sender at a free-mail domain */
static void
detect_freemail(attack_ctx *cx)
{
	om_scan *scan = cx->scan;
	const om_map *fm = scan->snap->freemail;
	const om_msg *msg = scan->msg;
	const char *d = NULL, *name = msg->from.n > 0 ? msg->from.v[0].name : NULL;

	if (fm == NULL)
		return;
	/* A free-mail provider's own bounces are not a free-mail user's mail. */
	if (msg->from.n > 0 && system_mailbox(msg->from.v[0].addr) && !scan->spoofed_internal)
		return;
	if (msg->from.n > 0 && freemail_domain(scan->conf, fm, d = addr_domain(msg->from.v[0].addr)))
		 /* From: */ ;
	else if (!freemail_domain(scan->conf, fm, d = addr_domain(scan->sender)))
		return;
	om_scan_add(scan, "attack.freemail_sender",
		    claims_org(name) ? "attack.freemail_sender.org_name" : "attack.freemail_sender",
		    "header", om_pool_printf(scan->pool, "***@%s", d), 0);
}

/* line_end - end of the line starting at s */
static const char *
line_end(const char *s, const char *end)
{
	const char *q = memchr(s, '\n', (size_t) (end - s));

	return (q ? q : end);
}

/* rule_line - a separator (om_sig.h) on the line starting at s */
static int
rule_line(const char *s, const char *end)
{
	return (om_sig_rule_line(s, (size_t) (line_end(s, end) - s), OM_SIG_RULE_TAIL));
}

/* blank_line - nothing but blanks */
static int
blank_line(const char *s, const char *end)
{
	for (const char *e = line_end(s, end); s < e; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return (0);
	return (1);
}

/* quote_marker - "-----Original Message-----" and the like */
static int
quote_marker(const char *s, const char *end)
{
	static const char *const marks[] = {
		"original message", "forwarded message", "転送されたメッセージ", "元のメッセージ",
	};
	const char *e = line_end(s, end);
	unsigned dashes = 0;

	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (s < e && *s == '-')
		s++, dashes++;
	if (dashes < 2)
		return (0);
	while (s < e && *s == ' ')
		s++;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		size_t  n = strlen(marks[i]);

		if ((size_t) (e - s) >= n && strncasecmp(s, marks[i], n) == 0)
			return (1);
	}
	return (0);
}

/*
 * report_names - the machine-readable part of a top-level multipart/report
 * (message/delivery-status, message/global-delivery-status) names an
 * address at domain dom: the recipient the report is about, whom its
 * human-readable part names too. That address is no signature.
 */
static int
report_names(const om_msg *msg, const char *dom)
{
	size_t  n = strlen(dom);

	if (msg->nparts == 0 || msg->parts[0].content_type == NULL
	    || strcmp(msg->parts[0].content_type, "multipart/report") != 0 || n == 0)
		return (0);
	for (size_t i = 1; i < msg->nparts; i++) {
		const om_part *p = msg->parts + i;
		const char *d, *end;

		if (p->parent != 0 || p->data == NULL || p->content_type == NULL
		    || (strcmp(p->content_type, "message/delivery-status") != 0
			&& strcmp(p->content_type, "message/global-delivery-status") != 0))
			continue;
		d = (const char *) p->data;
		end = d + p->size;
		for (const char *at = memchr(d, '@', p->size); at;
		     at = memchr(at + 1, '@', (size_t) (end - at - 1))) {
			const char *r = at + 1 + n;

			if ((size_t) (end - at - 1) >= n && strncasecmp(at + 1, dom, n) == 0
			    && (r == end || !(isalnum((unsigned char) *r) || *r == '.' || *r == '-')))
				return (1);
			if (at + 1 >= end)
				break;
		}
	}
	return (0);
}

/* sig_addresses - report signature addresses at another organisation */
static void
sig_addresses(attack_ctx *cx, const char *s, const char *e)
{
	om_scan *scan = cx->scan;
	unsigned seen = 0;

	for (const char *at = memchr(s, '@', (size_t) (e - s)); at && seen < ADDRS_MAX;
	     at = memchr(at + 1, '@', (size_t) (e - at - 1))) {
		const char *l = at, *r = at + 1;
		char    dom[OM_ATTACK_HOST_MAX];
		size_t  n;

		seen++;
		while (l > s && (isalnum((unsigned char) l[-1]) || strchr("._%+-", l[-1])))
			l--;
		while (r < e && (isalnum((unsigned char) *r) || *r == '.' || *r == '-'))
			r++;
		while (r > at + 1 && r[-1] == '.')
			r--;
		n = (size_t) (r - at - 1);
		if (l == at || n == 0 || n >= sizeof(dom) || memchr(at + 1, '.', n) == NULL)
			continue;
		for (size_t i = 0; i < n; i++)
			dom[i] = (char) tolower((unsigned char) at[1 + i]);
		dom[n] = 0;
		if (om_conf_domain_internal(scan->conf, dom) || om_attack_same_org(dom, cx->from_domain)
		    || report_names(scan->msg, dom))
			continue;
		om_scan_add(scan, "attack.signature_mismatch", "attack.signature_mismatch", "body",
			    om_pool_printf(scan->pool, "***@%s", dom), 0);
	}
}

/*
 * machine_sender - the mail says it comes from a mail system, not a
 * person: the null envelope sender, or a From of MAILER-DAEMON@ or
 * postmaster@. Such a report writes no signature of its own; a
 * signature in its text is that of a message it quotes (a bounce in the
 * old style copies the message inline, with no part to tell it apart).
 * Only the signature indicator leaves it out; every other check runs.
 */
static int
machine_sender(const om_scan *scan)
{
	const om_msg *msg = scan->msg;
	const char *from = msg->from.n > 0 ? msg->from.v[0].addr : NULL;

	if (scan->spoofed_internal)
		return (0);
	if (scan->sender && (*scan->sender == 0 || strcmp(scan->sender, "<>") == 0))
		return (1);
	return (system_mailbox(from));
}

/* detect_signature - signature block and Reply-To against From */
static void
detect_signature(attack_ctx *cx)
{
	om_scan *scan = cx->scan;
	const om_msg *msg = scan->msg;
	int     machine = machine_sender(scan);

	if (cx->from_domain == NULL)
		return;
	for (size_t i = 0; i < msg->reply_to.n; i++) {
		const char *d = addr_domain(msg->reply_to.v[i].addr);

		if (d && !om_conf_domain_internal(scan->conf, d) && !om_attack_same_org(d, cx->from_domain))
			om_scan_add(scan, "attack.signature_mismatch", "attack.reply_to_mismatch", "header",
				    om_pool_printf(scan->pool, "***@%s", d), 0);
	}
	for (size_t t = 0; t < msg->ntexts; t++) {
		const om_text *tx = msg->texts + t;
		const char *ls[LINES_MAX];
		size_t  nl = 0, start, end, sep = 0, have_sep = 0;

		if (tx->scope != OM_SCOPE_BODY || returned_copy(msg, tx->part) || machine)
			continue;
		/* Lines, without quoted ones. */
		for (const char *p = tx->text; p < tx->text + tx->len && nl < LINES_MAX;) {
			const char *q = memchr(p, '\n', (size_t) (tx->text + tx->len - p));
			const char *le = q ? q : tx->text + tx->len;
			const char *f = p;

			while (f < le && (*f == ' ' || *f == '\t'))
				f++;
			if (f == le || *f != '>')
				ls[nl++] = p;
			p = q ? q + 1 : le;
		}
		/* What follows a forwarded or original message marker is quoted. */
		for (size_t k = 0; k < nl; k++)
			if (quote_marker(ls[k], tx->text + tx->len)) {
				nl = k;
				break;
			}
		while (nl > 0 && blank_line(ls[nl - 1], tx->text + tx->len))
			nl--;
		if (nl == 0)
			continue;
		for (size_t k = nl > SIG_SEP_WITHIN ? nl - SIG_SEP_WITHIN : 0; k < nl; k++)
			if (rule_line(ls[k], tx->text + tx->len))
				sep = k, have_sep = 1;
		if (have_sep && nl - sep - 1 >= 2) {
			start = sep + 1;
			end = nl;
		} else if (have_sep) {
			/* A closing rule after the signature: take what precedes it. */
			size_t  prev = sep > SIG_LINES ? sep - SIG_LINES : 0;

			for (size_t k = 0; k < sep; k++)
				if (rule_line(ls[k], tx->text + tx->len))
					prev = k + 1;
			start = prev;
			end = sep;
		} else {
			start = nl > SIG_LINES ? nl - SIG_LINES : 0;
			end = nl;
		}
		for (size_t k = start; k < end; k++)
			sig_addresses(cx, ls[k], line_end(ls[k], tx->text + tx->len));
	}
}

/* The index of registered domains being built, and for which scan. */
typedef struct learned_arg {
	om_domidx *x;
	const om_scan *scan;
} learned_arg;

/* learned_add - one registered domain into the index being built */
static int
learned_add(const char *domain, om_domain_source source, time_t added, void *ctx)
{
	learned_arg *a = ctx;

	(void) source;
	(void) added;
	if (om_domidx_count(a->x) >= OWN_MAX)
		return (-1);
	/* A customer's free-mail provider is nobody's partner. */
	if (om_conf_domain_internal(a->scan->conf, domain)
	    || (a->scan->snap->freemail && om_map_has_domain(a->scan->snap->freemail, domain)))
		return (0);
	(void) om_domidx_add(a->x, domain, OM_ATTACK_OWN_PARTNER);
	return (0);
}

/*
 * learned_refresh - reread the state store's registered domains when
 * they are older than LEARNED_REFRESH seconds (one thread does it; the
 * others go on with the old index meanwhile)
 */
static void
learned_refresh(attack_ctx *cx)
{
	om_brands *b = cx->brands;
	om_state *st = cx->scan->snap->state;
	time_t  now = time(NULL);
	learned_arg a;
	om_domidx *old;
	int     stale;

	if (st == NULL)
		return;
	pthread_rwlock_rdlock(&b->lock);
	stale = b->learned_from != st || now - b->learned_at >= LEARNED_REFRESH || now < b->learned_at;
	pthread_rwlock_unlock(&b->lock);
	if (!stale)
		return;
	pthread_rwlock_wrlock(&b->lock);
	stale = b->learned_from != st || now - b->learned_at >= LEARNED_REFRESH || now < b->learned_at;
	if (stale) {
		/* Claimed: other threads keep the old index until the swap. */
		b->learned_at = now;
		b->learned_from = st;
	}
	pthread_rwlock_unlock(&b->lock);
	if (!stale)
		return;
	a.x = om_domidx_new();
	a.scan = cx->scan;
	if (om_state_domain_list(st, learned_add, &a) < 0) {
		om_warn("registered domains for look-alike checks: %s", om_state_error());
		om_domidx_free(a.x);
		pthread_rwlock_wrlock(&b->lock);
		b->learned_at = 0;		/* try again next message */
		pthread_rwlock_unlock(&b->lock);
		return;
	}
	om_domidx_done(a.x);
	pthread_rwlock_wrlock(&b->lock);
	old = b->learned;
	b->learned = a.x;
	pthread_rwlock_unlock(&b->lock);
	om_domidx_free(old);
}

/* brand_domain - a host under one of any listed brand's domains */
static int
brand_domain(const om_brands *b, const char *host)
{
	for (size_t i = 0; b && i < b->n; i++)
		for (size_t k = 0; k < b->v[i].ndomains; k++)
			if (under_domain(host, b->v[i].domains[k]))
				return (1);
	return (0);
}

/*
 * own_lookalike - how a host imitates an internal or partner domain,
 * with the kind of domain imitated; NULL if it does not
 */
static const char *
own_lookalike(attack_ctx *cx, const char *host, int *kind)
{
	om_brands *b = cx->brands;
	const om_scan *scan = cx->scan;
	char    a[OM_ATTACK_HOST_MAX];
	const char *how = NULL;

	if (b == NULL || host_ascii(host, a, sizeof(a)) < 0 || om_conf_domain_internal(scan->conf, a)
	    || (scan->snap->freemail && om_map_has_domain(scan->snap->freemail, a)) || brand_domain(b, a))
		return (NULL);
	learned_refresh(cx);
	pthread_rwlock_rdlock(&b->lock);
	if (om_domidx_has(b->own, a) || om_domidx_has(b->learned, a)) {
		pthread_rwlock_unlock(&b->lock);
		return (NULL);
	}
	how = om_domidx_lookalike(b->own, a, kind, NULL);
	if (how == NULL)
		how = om_domidx_lookalike(b->learned, a, kind, NULL);
	pthread_rwlock_unlock(&b->lock);
	/* Registered since the index was read: a partner, not a look-alike. */
	if (how && scan->snap->state && om_state_domain_registrable(a)
	    && om_state_domain_known(scan->snap->state, a) == 1)
		return (NULL);
	return (how);
}

/*
 * sender_known - the sender's domain is internal, a partner or
 * registered; an internal domain used by an outside client is forged
 * and known to no one
 */
static int
sender_known(attack_ctx *cx)
{
	om_brands *b = cx->brands;
	const om_scan *scan = cx->scan;
	const char *d = cx->from_domain;
	int     known;

	if (d == NULL || scan->spoofed_internal)
		return (0);
	if (om_conf_domain_internal(scan->conf, d))
		return (1);
	if (b == NULL)
		return (0);
	learned_refresh(cx);
	pthread_rwlock_rdlock(&b->lock);
	known = om_domidx_has(b->own, d) || om_domidx_has(b->learned, d);
	pthread_rwlock_unlock(&b->lock);
	if (!known && scan->snap->state && om_state_domain_registrable(d))
		known = om_state_domain_known(scan->snap->state, d) == 1;
	return (known);
}

/* detect_sender_lookalike - From, envelope sender, Reply-To imitating ours or a partner's */
static void
detect_sender_lookalike(attack_ctx *cx)
{
	om_scan *scan = cx->scan;
	const om_msg *msg = scan->msg;
	const char *doms[4], *where[4];
	size_t  n = 0;

	if (msg->from.n > 0 && (doms[n] = addr_domain(msg->from.v[0].addr)) != NULL)
		where[n++] = "header";
	if ((doms[n] = addr_domain(scan->sender)) != NULL)
		where[n++] = "envelope";
	for (size_t i = 0; i < msg->reply_to.n && n < 4; i++)
		if ((doms[n] = addr_domain(msg->reply_to.v[i].addr)) != NULL)
			where[n++] = "header";
	for (size_t i = 0; i < n; i++) {
		const char *how;
		int     kind = 0, dup = 0;

		for (size_t k = 0; k < i && !dup; k++)
			dup = strcasecmp(doms[k], doms[i]) == 0;
		if (dup || (how = own_lookalike(cx, doms[i], &kind)) == NULL)
			continue;
		om_scan_add(scan, "attack.lookalike_sender",
			    kind == OM_ATTACK_OWN_INTERNAL ? "attack.lookalike_sender.internal"
			    : "attack.lookalike_sender.partner", where[i],
			    om_pool_printf(scan->pool, "***@%s (%s)", doms[i], how), 0);
	}
}

/* check_host - look-alike check of one URL host */
static void
check_host(attack_ctx *cx, const char *host, const char *where)
{
	const char *rule = NULL;
	unsigned i;

	for (i = 0; i < cx->nseen; i++)
		if (strcmp(cx->seen[i].host, host) == 0)
			break;
	if (i < cx->nseen) {
		rule = cx->seen[i].rule;
	} else {
		int     kind = 0;

		rule = om_attack_lookalike(cx->brands, host);
		if (rule == NULL && own_lookalike(cx, host, &kind) != NULL)
			rule = kind == OM_ATTACK_OWN_INTERNAL ? "attack.lookalike.internal"
				: "attack.lookalike.partner";
		/* Round robin once full: a message of many hosts stays bounded. */
		i = cx->nseen < HOSTS_SEEN ? cx->nseen++ : cx->next_seen++ % HOSTS_SEEN;
		cx->seen[i].host = om_pool_strdup(cx->scan->pool, host);
		cx->seen[i].rule = rule;
	}
	if (rule)
		om_scan_add(cx->scan, "attack.lookalike_url", rule, where,
			    om_pool_strdup(cx->scan->pool, host), 0);
}

/*
 * anchor_lookalike - the href host imitates the host its anchor shows,
 * whatever the site: the same name read with look-alike letters or
 * digits (www.amaz0n.co.jp behind www.amazon.co.jp), or the shown
 * domain put in front of another one (www.shop.example.login.example).
 * Only called for hosts of different organisations.
 */
static int
anchor_lookalike(const char *href, const char *text)
{
	char    hr[OM_ATTACK_HOST_MAX], hn[OM_ATTACK_HOST_MAX], tr[OM_ATTACK_HOST_MAX];
	char    tn[OM_ATTACK_HOST_MAX], hs[OM_ATTACK_HOST_MAX], ts[OM_ATTACK_HOST_MAX];
	size_t  tl;

	if (own_split(href, hr, sizeof(hr), hn, sizeof(hn)) < 0
	    || own_split(text, tr, sizeof(tr), tn, sizeof(tn)) < 0)
		return (0);
	tl = strlen(tr);
	for (const char *p = strstr(href, tr); p; p = strstr(p + 1, tr))
		if ((p == href || p[-1] == '.') && p[tl] == '.')
			return (1);
	own_skeleton(hn, hs, sizeof(hs));
	own_skeleton(tn, ts, sizeof(ts));
	return (strlen(ts) >= 4 && strcmp(hs, ts) == 0 && strcmp(hn, tn) != 0);
}

/* detect_links - anchors: text against href, hosts against brands */
static void
detect_links(attack_ctx *cx)
{
	const om_msg *msg = cx->scan->msg;

	for (size_t i = 0; i < msg->nlinks; i++) {
		const om_link *l = msg->links + i;
		char    hh[OM_ATTACK_HOST_MAX], th[OM_ATTACK_HOST_MAX];
		int     href_ok, text_ok;

		if (l->href == NULL || strncasecmp(l->href, "mailto:", 7) == 0
		    || returned_copy(msg, l->part))
			continue;
		href_ok = om_attack_url_host(l->href, hh, sizeof(hh)) == 0;
		if (href_ok)
			cx->has_link = 1;
		text_ok = l->text && om_attack_text_host(l->text, th, sizeof(th)) == 0;
		if (href_ok)
			check_host(cx, hh, "body");
		if (text_ok)
			check_host(cx, th, "body");
		if (href_ok && text_ok && !om_attack_same_org(hh, th)) {
			om_scan_add(cx->scan, "attack.url_mismatch", "attack.url_mismatch", "body",
				    om_pool_printf(cx->scan->pool, "%s -> %s", th, hh), 0);
			if (anchor_lookalike(hh, th))
				om_scan_add(cx->scan, "attack.lookalike_url", "attack.lookalike.anchor", "body",
					    om_pool_strdup(cx->scan->pool, hh), 0);
		}
	}
}

/*
 * bare_ipv4 - a dotted-quad address at s written as a link without its
 * scheme: followed by a port or by a path ("198.51.100.7/owa",
 * "198.51.100.7:2096"), not a network ("/24") nor a version. Its length,
 * or 0.
 */
static size_t
bare_ipv4(const char *start, const char *s)
{
	const char *p = s;

	if (s > start && (isalnum((unsigned char) s[-1]) || strchr("./@:-_", s[-1])))
		return (0);
	for (int part = 0; part < 4; part++) {
		unsigned v = 0, len = 0;

		for (; isdigit((unsigned char) *p) && len < 4; p++, len++)
			v = v * 10 + (unsigned) (*p - '0');
		if (len == 0 || len > 3 || v > 255)
			return (0);
		if (part < 3 && *p++ != '.')
			return (0);
	}
	if (p[0] == ':' && isdigit((unsigned char) p[1]))
		return ((size_t) (p - s));
	if (p[0] == '/' && (isalpha((unsigned char) p[1]) || p[1] == '~' || p[1] == '_'))
		return ((size_t) (p - s));
	return (0);
}

/* detect_text_urls - plain-text URLs of subject and bodies */
static void
detect_text_urls(attack_ctx *cx)
{
	const om_msg *msg = cx->scan->msg;

	for (size_t t = 0; t < msg->ntexts; t++) {
		const om_text *tx = msg->texts + t;
		const char *p = tx->text;
		unsigned n = 0;

		if ((tx->scope != OM_SCOPE_BODY && tx->scope != OM_SCOPE_SUBJECT)
		    || returned_copy(msg, tx->part))
			continue;
		while ((p = strstr(p, "://")) != NULL && n++ < URLS_MAX) {
			const char *s = p;
			char    h[OM_ATTACK_HOST_MAX];

			while (s > tx->text && isalpha((unsigned char) s[-1]) && p - s < 10)
				s--;
			p += 3;
			if ((strncasecmp(s, "http", 4) != 0 && strncasecmp(s, "hxxp", 4) != 0)
			    || om_attack_url_host(s, h, sizeof(h)) < 0)
				continue;
			cx->has_link = 1;
			check_host(cx, h, tx->where);
		}
		/* Raw addresses written without a scheme: a lure's link too. */
		n = 0;
		for (p = tx->text; (p = strpbrk(p, "0123456789")) != NULL && n < URLS_MAX; p++) {
			size_t  len = bare_ipv4(tx->text, p);
			char    h[OM_ATTACK_HOST_MAX];

			if (len == 0) {
				while (isdigit((unsigned char) p[1]))
					p++;
				continue;
			}
			n++;
			memcpy(h, p, len);
			h[len] = 0;
			cx->has_link = 1;
			check_host(cx, h, tx->where);
			p += len - 1;
		}
	}
}

/* cp_listed - cp is one of the n code points of tab */
static int
cp_listed(const unsigned *tab, size_t n, unsigned cp)
{
	for (size_t i = 0; i < n; i++)
		if (tab[i] == cp)
			return (1);
	return (0);
}

/*
 * chinese_word - a character Chinese writes in almost every sentence and
 * Japanese seldom or never: pronouns, particles, the measure word
 */
static int
chinese_word(unsigned cp)
{
	static const unsigned tab[] = {
		0x7684,		/* 的 */
		0x4e86,		/* 了 */
		0x60a8,		/* 您 */
		0x4eec, 0x5011,	/* 们 們 */
		0x5417, 0x55ce,	/* 吗 嗎 */
		0x8fd9, 0x9019,	/* 这 這 */
		0x4e2a, 0x500b,	/* 个 個 */
		0x6211, 0x4f60,	/* 我 你 */
		0x662f,		/* 是 */
		0x8bf7, 0x8acb,	/* 请 請 */
		0x5c06, 0x5c07,	/* 将 將 */
		0x4e0e, 0x8207,	/* 与 與 */
		0x5728,		/* 在 */
	};

	return (cp_listed(tab, sizeof(tab) / sizeof(tab[0]), cp));
}

/*
 * traditional_form - a traditional Chinese form that Japanese writes in
 * its simplified (shinjitai) form or not at all, although it is in JIS:
 * a Japanese text carries one now and then in a name, a Chinese one
 * several in every sentence. Forms that Japanese names or words keep
 * (國 澤 邊 齋 廣 應 會 條, 還 in 返還, 個 in 個人) are not listed.
 */
static int
traditional_form(unsigned cp)
{
	static const unsigned tab[] = {
		0x5011, 0x9019, 0x60a8, 0x55ce, 0x4f60,	/* 們 這 您 嗎 你 */
		0x8207, 0x5c07, 0x8aaa, 0x8b93, 0x5c0d,	/* 與 將 說 讓 對 */
		0x95dc, 0x5f9e, 0x7576, 0x9ad4, 0x50f9,	/* 關 從 當 體 價 */
		0x55ae, 0x806f, 0x7e6b, 0x767c, 0x4f86,	/* 單 聯 繫 發 來 */
		0x865f, 0x9ebc, 0x5462, 0x5427, 0x89bd,	/* 號 麼 呢 吧 覽 */
		0x7d93, 0x5be6, 0x7522, 0x7e8c, 0x7e3d,	/* 經 實 產 續 總 */
		0x64da, 0x8655, 0x6b61, 0x9a57, 0x8b49,	/* 據 處 歡 驗 證 */
		0x6236, 0x78bc,				/* 戶 碼 */
	};

	return (cp_listed(tab, sizeof(tab) / sizeof(tab[0]), cp));
}

/*
 * proper_suffix - a hanzi that ends a place or company name written in
 * Chinese (上海市浦东新区, 有限公司): a stray form inside one is a name's
 */
static int
proper_suffix(unsigned cp)
{
	static const unsigned tab[] = {
		0x5e02, 0x533a, 0x5340, 0x7701, 0x53bf,	/* 市 区 區 省 县 */
		0x7e23, 0x5dde, 0x8def, 0x8857, 0x9547,	/* 縣 州 路 街 镇 */
		0x93ae, 0x6751, 0x53f7, 0x865f, 0x697c,	/* 鎮 村 号 號 楼 */
		0x6a13, 0x53f8,				/* 樓 司 */
	};

	return (cp_listed(tab, sizeof(tab) / sizeof(tab[0]), cp));
}

/*
 * proper_word - two hanzi that make a Chinese company name (华信贸易,
 * 东方集团, 实业, 股份): a stray form in the same run is the name's
 */
static int
proper_word(unsigned prev, unsigned cp)
{
	static const unsigned tab[][2] = {
		{0x8d38, 0x6613}, {0x8cbf, 0x6613},	/* 贸易 貿易 */
		{0x96c6, 0x56e2}, {0x96c6, 0x5718},	/* 集团 集團 */
		{0x5b9e, 0x4e1a}, {0x5be6, 0x696d},	/* 实业 實業 */
		{0x80a1, 0x4efd}, {0x5546, 0x8d38},	/* 股份 商贸 */
	};

	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (tab[i][0] == prev && tab[i][1] == cp)
			return (1);
	return (0);
}

/*
 * detect_hanzi - Japanese text with hanzi Japanese does not use, or
 * text that is Chinese throughout (hanzi, no kana) from a sender who is
 * neither internal nor a partner
 */
static void
detect_hanzi(attack_ctx *cx)
{
	const om_msg *msg = cx->scan->msg;
	const om_conf *conf = cx->scan->conf;
	unsigned kana = 0, han = 0, words = 0, nh = 0, hz[HANZI_MAX], nw = 0, wd[8], nt = 0, td[8];
	unsigned char in_name[HANZI_MAX];	/* seen only in place or company names */
	unsigned char run_seen[HANZI_MAX];	/* seen in the current run of hanzi */
	unsigned free_forms = 0;		/* foreign forms seen outside names */
	const char *rule = NULL;
	int     stray = 0;

	for (size_t t = 0; t < msg->ntexts; t++) {
		const om_text *tx = msg->texts + t;
		const unsigned char *p = (const unsigned char *) tx->text, *end = p + tx->len;

		unsigned run_from = nh, prev = 0;
		int     in_run = 0, run_name = 0;

		if ((tx->scope != OM_SCOPE_BODY && tx->scope != OM_SCOPE_SUBJECT)
		    || returned_copy(msg, tx->part))
			continue;
		while (p <= end) {
			int     last = p >= end;
			unsigned cp = last ? 0 : utf8_next(&p, end);
			int     h = !last && cp >= 0x3400 && is_han(cp);
			size_t  k;

			/* A run of hanzi ends: was it a name? */
			if (!h && in_run) {
				for (k = run_from; k < nh; k++)
					in_name[k] = (unsigned char) run_name;
				for (k = 0; k < run_from; k++)
					if (run_seen[k] && !run_name)
						in_name[k] = 0;
				in_run = 0;
			}
			if (h && !in_run) {
				in_run = 1;
				run_from = nh;
				run_name = 0;
				prev = 0;
				memset(run_seen, 0, sizeof(run_seen));
			}
			if (h && (proper_suffix(cp) || proper_word(prev, cp)))
				run_name = 1;
			prev = h ? cp : 0;
			if (last)
				break;
			if ((cp >= 0x3041 && cp <= 0x309f) || (cp >= 0x30a1 && cp <= 0x30fa)) {
				kana++;
				continue;
			}
			if (cp < 0x3400 || !is_han(cp))
				continue;
			han++;
			if (chinese_word(cp)) {
				words++;
				for (k = 0; k < nw && wd[k] != cp; k++)
					;
				if (k == nw && nw < 8)
					wd[nw++] = cp;
			}
			if (traditional_form(cp)) {
				for (k = 0; k < nt && td[k] != cp; k++)
					;
				if (k == nt && nt < 8)
					td[nt++] = cp;
			}
			if (!om_attack_hanzi_foreign(cp))
				continue;
			for (k = 0; k < nh && hz[k] != cp; k++)
				;
			if (k == nh && nh < HANZI_MAX) {
				in_name[nh] = 0;
				hz[nh++] = cp;
			}
			if (k < nh)
				run_seen[k] = 1;
		}
	}
	for (unsigned k = 0; k < nh; k++) {
		if (!in_name[k] && hz[k] >= 0x4e00 && hz[k] <= 0x9fff)
			stray = 1;
		if (!in_name[k])
			free_forms++;
	}
	/*
	 * Japanese text: the forms outside names count (华信贸易 in a
	 * partner's letter is the name of a firm), and a declared partner's
	 * mail or the firm's own (not forged) is not a lure's.
	 */
	if (kana >= conf->conf_attack_kana_min && free_forms >= conf->conf_attack_kanji_min
	    && !sender_known(cx))
		rule = "attack.non_japanese_kanji";
	/*
	 * Chinese throughout: Japanese prose is never without kana (even a
	 * legal text has a third or more), and a Chinese text shows either
	 * simplified forms or its grammar words. Traditional forms are
	 * mostly in JIS X 0213, hence the grammar words.
	 */
	else if (han >= CHINESE_HAN_MIN && (size_t) kana * 20 <= han
		 && (nh >= conf->conf_attack_kanji_min || nt >= conf->conf_attack_kanji_min
		     || (words >= 3 && nw >= 2)) && !sender_known(cx))
		rule = "attack.non_japanese_kanji.chinese_text";
	/*
	 * Traditional Chinese inside Japanese mail (a quotation pasted under
	 * a Japanese greeting): its characters are in JIS, so only forms
	 * Japanese replaced show it, and one or two may be a name's.
	 */
	else if (kana >= conf->conf_attack_kana_min && nt >= TRAD_FORMS_MIN
		 && nt >= conf->conf_attack_kanji_min && !sender_known(cx))
		rule = "attack.non_japanese_kanji.traditional";
	/*
	 * One simplified form in otherwise Japanese text (IPA: an enquiry
	 * machine-translated, 询价 for 見積): the main CJK block outside all
	 * the Japanese sets holds simplified forms, not the rare name
	 * characters of the extensions; one inside a place or company name
	 * written in Chinese (上海市浦东新区) is the name's. From a stranger,
	 * at the default attack_kanji_min.
	 */
	else if (kana >= conf->conf_attack_kana_min && stray && conf->conf_attack_kanji_min <= 2
		 && !sender_known(cx))
		rule = "attack.non_japanese_kanji.simplified";
	if (rule) {
		om_buf  b;

		om_buf_init(&b, 64);
		if (strcmp(rule, "attack.non_japanese_kanji.traditional") == 0)
			nh = 0;			/* show the forms that decided */
		for (unsigned k = 0; k < nh && k < 4; k++)
			om_buf_printf(&b, "%c%c%c", 0xe0 | (hz[k] >> 12), 0x80 | ((hz[k] >> 6) & 0x3f),
				      0x80 | (hz[k] & 0x3f));
		for (unsigned k = 0; nh == 0 && k < nt && k < 4; k++)
			om_buf_printf(&b, "%c%c%c", 0xe0 | (td[k] >> 12), 0x80 | ((td[k] >> 6) & 0x3f),
				      0x80 | (td[k] & 0x3f));
		for (unsigned k = 0; nh == 0 && nt == 0 && k < nw && k < 4; k++)
			om_buf_printf(&b, "%c%c%c", 0xe0 | (wd[k] >> 12), 0x80 | ((wd[k] >> 6) & 0x3f),
				      0x80 | (wd[k] & 0x3f));
		om_scan_add(cx->scan, "attack.non_japanese_kanji", rule, "body",
			    om_pool_strdup(cx->scan->pool, b.data ? b.data : ""), 0);
		om_buf_free(&b);
	}
}

/*
 * om_attack_phrase_hit - keep the first accepted hit of the theme and of
 * the credential-request rules, from a body or subject text
 */
void
om_attack_phrase_hit(om_scan *scan, const om_text *text, const om_rule_hit *h)
{
	int     k;

	if (h->status != OM_HIT_ACCEPTED || text->scope == OM_SCOPE_ATTACHMENT
	    || text->scope == OM_SCOPE_HEADER || returned_copy(scan->msg, text->part))
		return;
	if (strcmp(h->rule->category, "attack.theme") == 0)
		k = OM_PHRASE_THEME;
	else if (strcmp(h->rule->category, "attack.credential_request") == 0)
		k = OM_PHRASE_CRED;
	else
		return;
	if (scan->phrase_rule[k] != NULL)
		return;
	scan->phrase_rule[k] = h->rule;
	scan->phrase_where[k] = text->where;
	om_mask(h->rule->mask, text->text + h->start, h->end - h->start, scan->phrase_sample[k]);
}

/* on_phrase - a phrase rule's hit */
static int
on_phrase(const om_rule_hit *h, void *arg)
{
	attack_ctx *cx = arg;

	om_attack_phrase_hit(cx->scan, cx->text, h);
	return (0);
}

/* detect_phrases - attack.theme and attack.credential_request rules */
static int
detect_phrases(attack_ctx *cx)
{
	const om_ruleset *set = cx->scan->snap->rules;
	const om_msg *msg = cx->scan->msg;
	om_scan *scan = cx->scan;

	if (set == NULL)
		return (0);
	/* The personal-data pass has usually seen them already. */
	for (size_t t = 0; t < msg->ntexts && !scan->phrases_seen; t++) {
		const om_text *tx = msg->texts + t;

		if (tx->len == 0 || tx->scope == OM_SCOPE_ATTACHMENT || tx->scope == OM_SCOPE_HEADER
		    || returned_copy(msg, tx->part))
			continue;
		cx->text = tx;
		if (om_rules_scan(set, tx->text, tx->len, tx->scope | OM_RULES_UTF8_CHECKED, NULL, on_phrase, cx) < 0)
			return (-1);
	}
	if (scan->phrase_rule[OM_PHRASE_THEME])
		om_scan_add(scan, "attack.theme", scan->phrase_rule[OM_PHRASE_THEME]->id,
			    scan->phrase_where[OM_PHRASE_THEME], scan->phrase_sample[OM_PHRASE_THEME], 0);
	if (scan->phrase_rule[OM_PHRASE_CRED] && cx->has_link)
		om_scan_add(scan, "attack.credential_request", scan->phrase_rule[OM_PHRASE_CRED]->id,
			    scan->phrase_where[OM_PHRASE_CRED], scan->phrase_sample[OM_PHRASE_CRED], 0);
	return (0);
}

/* html_name - a file name a browser opens as a web page */
static int
html_name(const char *name)
{
	static const char *const exts[] = {".html", ".htm", ".shtml", ".xhtml", ".shtm", ".xht"};
	size_t  n = name ? strlen(name) : 0;

	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		size_t  e = strlen(exts[i]);

		if (n > e && strcasecmp(name + n - e, exts[i]) == 0)
			return (1);
	}
	return (0);
}

/*
 * html_active - an HTML body that has something for a script reader: a
 * script, an event handler, a data: page or a srcdoc. Most bodies have
 * none and are not parsed a second time.
 */
static int
html_active(const unsigned char *d, size_t n)
{
	static const char *const words[] = {"script", "data:", "srcdoc"};

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char) tolower(d[i]);

		if (c == 's' || c == 'd')
			for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
				size_t  l = strlen(words[w]);

				if (n - i >= l && strncasecmp((const char *) d + i, words[w], l) == 0)
					return (1);
			}
		/* An event handler: " onload=", " onclick =" */
		if (c == 'o' && i > 0 && (d[i - 1] == ' ' || d[i - 1] == '\t' || d[i - 1] == '\n')
		    && i + 2 < n && tolower(d[i + 1]) == 'n' && isalpha(d[i + 2])) {
			size_t  k = i + 2;

			while (k < n && k - i < 24 && isalpha(d[k]))
				k++;
			while (k < n && (d[k] == ' ' || d[k] == '\t'))
				k++;
			if (k < n && d[k] == '=')
				return (1);
		}
	}
	return (0);
}

/* tag_at - p starts the tag name (case-insensitive), followed by > or a space */
static int
tag_at(const char *p, const char *end, const char *name)
{
	size_t  n = strlen(name);

	return ((size_t) (end - p) > n && strncasecmp(p, name, n) == 0
		&& (p[n] == '>' || p[n] == ' ' || p[n] == '\t' || p[n] == '\r' || p[n] == '\n'));
}

/*
 * html_headings - the title and the h1-h3 headings of a page as HTML
 * paragraphs, at most about HEADINGS_MAX bytes: what a page says it is
 * about
 */
static void
html_headings(const char *html, size_t len, om_buf *out)
{
	static const char *const tags[] = {"title", "h1", "h2", "h3"};
	const char *p = html, *end = html + len;

	while (p < end && out->len < HEADINGS_MAX && (p = memchr(p, '<', (size_t) (end - p))) != NULL) {
		const char *open, *close;
		size_t  t, n;

		p++;
		for (t = 0; t < sizeof(tags) / sizeof(tags[0]) && !tag_at(p, end, tags[t]); t++)
			;
		if (t == sizeof(tags) / sizeof(tags[0]))
			continue;
		if ((open = memchr(p, '>', (size_t) (end - p))) == NULL)
			break;
		open++;
		for (close = open; close < end; close++)
			if (*close == '<' && close + 1 < end && close[1] == '/' && tag_at(close + 2, end, tags[t]))
				break;
		if (close >= end)
			break;
		n = (size_t) (close - open);
		om_buf_puts(out, "<p>");
		om_buf_append(out, open, n < HEADINGS_MAX ? n : HEADINGS_MAX);
		om_buf_puts(out, "</p>");
		p = close + 2;
	}
}

/* on_heading - a theme rule's hit in an attached page's title or headings */
static int
on_heading(const om_rule_hit *h, void *arg)
{
	attack_ctx *cx = arg;

	if (strcmp(h->rule->category, "attack.theme") == 0)
		om_attack_phrase_hit(cx->scan, cx->text, h);
	return (0);
}

/*
 * page_theme - the theme rules over an attached page's title and
 * headings (a lure's page is titled 請求書のご確認 or Voicemail); its
 * file name is read with the other names
 */
static void
page_theme(attack_ctx *cx, const char *html, size_t len, const char *where, int part)
{
	const om_ruleset *set = cx->scan->snap->rules;
	om_buf  heads, text, norm;
	om_text tx;

	if (set == NULL)
		return;
	om_buf_init(&heads, 2 * HEADINGS_MAX + 16);
	om_buf_init(&text, 2 * HEADINGS_MAX + 16);
	om_buf_init(&norm, 4 * HEADINGS_MAX + 16);
	html_headings(html, len, &heads);
	(void) om_html_text(heads.data ? heads.data : "", heads.len, &text, NULL, NULL);
	if (heads.len > 0 && text.len > 0 && om_norm_text(text.data, text.len, &norm) == 0 && norm.len > 0) {
		memset(&tx, 0, sizeof(tx));
		tx.scope = OM_SCOPE_BODY;
		tx.where = where;
		tx.text = norm.data;
		tx.len = norm.len;
		tx.part = part;
		cx->text = &tx;
		(void) om_rules_scan(set, norm.data, norm.len, OM_SCOPE_BODY, NULL, on_heading, cx);
		cx->text = NULL;
	}
	om_buf_free(&heads);
	om_buf_free(&text);
	om_buf_free(&norm);
}

/*
 * detect_html_forms - an attached web page with a login form: a
 * password input, or a form that sends what is typed to a web site
 * (opened from disk, the page needs no link in the mail); and in both
 * attached pages and HTML bodies, a form a script writes from an
 * encoded string, a script that writes what cannot be decoded, or one
 * that sends the reader to a decoded address. An HTML body's own form
 * posting to a web site (a survey) is not one.
 */
static void
detect_html_forms(attack_ctx *cx)
{
	om_scan *scan = cx->scan;
	const om_msg *msg = scan->msg;
	unsigned seen = 0;

	for (size_t i = 0; i < msg->nparts && seen < HTML_ATTACH_MAX; i++) {
		const om_part *p = msg->parts + i;
		const char *name = p->path ? p->path : p->filename;
		char    action[OM_ATTACK_HOST_MAX], host[OM_ATTACK_HOST_MAX];
		const char *used = NULL, *where, *how;
		int     attached = (p->flags & (OM_PART_ATTACHMENT | OM_PART_MEMBER)) != 0;
		unsigned found;
		om_buf  utf8;

		if (p->data == NULL || p->size == 0 || returned_copy(msg, (int) i))
			continue;
		if (attached ? !html_name(name) : !(p->flags & OM_PART_HTML) || !html_active(p->data, p->size))
			continue;
		seen++;
		om_buf_init(&utf8, scan->conf->conf_text_size_limit);
		(void) om_charset_decode((const char *) p->data, p->size, p->charset, &utf8, &used);
		found = om_html_forms(utf8.data ? utf8.data : "", utf8.len, action, sizeof(action));
		where = attached ? om_pool_printf(scan->pool, "attachment:%s", name) : "body";
		if (attached)
			page_theme(cx, utf8.data ? utf8.data : "", utf8.len, where, (int) i);
		om_buf_free(&utf8);
		if (!attached && !(found & (OM_HTML_SCRIPTED | OM_HTML_OBFUSCATED | OM_HTML_REDIRECT)))
			continue;
		how = found & OM_HTML_SCRIPTED ? " (script)" : "";
		if (*action && om_attack_url_host(action, host, sizeof(host)) == 0)
			check_host(cx, host, where);
		else
			*host = 0;
		if ((found & OM_HTML_PASSWORD) && (attached || (found & OM_HTML_SCRIPTED)))
			om_scan_add(scan, "attack.credential_request", "attack.credential.html_password", where,
				    om_pool_printf(scan->pool, "<input type=password>%s", how), 0);
		else if ((found & OM_HTML_FORM_EXTERNAL) && (attached || (found & OM_HTML_SCRIPTED)))
			om_scan_add(scan, "attack.credential_request", "attack.credential.html_form", where,
				    om_pool_printf(scan->pool, "<form action>%s%s%s", *host ? " " : "", host, how), 0);
		else if (found & (OM_HTML_OBFUSCATED | OM_HTML_REDIRECT))
			om_scan_add(scan, "attack.credential_request", "attack.credential.html_script", where,
				    found & OM_HTML_OBFUSCATED ? "<script> encoded write"
				    : om_pool_printf(scan->pool, "<script> location %s", host), 0);
	}
}

/* score - summed weights of the indicators present; words for the header */
static void
score(attack_ctx *cx)
{
	static const struct {
		const char *category;
		int	w;
	} ind[] = {
		{"attack.freemail_sender", OM_ATTACK_W_FREEMAIL},
		{"attack.signature_mismatch", OM_ATTACK_W_SIGNATURE},
		{"attack.url_mismatch", OM_ATTACK_W_URL},
		{"attack.lookalike_url", OM_ATTACK_W_LOOKALIKE},
		{"attack.lookalike_sender", OM_ATTACK_W_LOOKALIKE},
		{"attack.non_japanese_kanji", OM_ATTACK_W_KANJI},
		{"attack.credential_request", OM_ATTACK_W_CREDENTIAL},
		{"attack.theme", OM_ATTACK_W_THEME},
		{"attack.spoofed_internal", OM_ATTACK_W_SPOOFED},
		{"attach.executable", OM_ATTACK_W_ATTACH},
		{"attach.double_extension", OM_ATTACK_W_ATTACH},
		{"attach.rlo", OM_ATTACK_W_ATTACH},
	};
	om_scan *scan = cx->scan;
	const om_conf *conf = scan->conf;
	unsigned total = 0;
	om_buf  en, ja;

	om_buf_init(&en, 0);
	om_buf_init(&ja, 0);
	for (size_t i = 0; i < sizeof(ind) / sizeof(ind[0]); i++) {
		om_finding *f = om_scan_find(scan, ind[i].category);
		const om_category *c;

		if (f == NULL)
			continue;
		total += (unsigned) conf->conf_attack_weight[ind[i].w];
		for (size_t k = 0; k < scan->nfindings; k++)
			if (strcmp(scan->findings[k].category, ind[i].category) == 0)
				scan->findings[k].score = (double) conf->conf_attack_weight[ind[i].w];
		if ((c = om_category_get(ind[i].category)) != NULL) {
			om_buf_puts(&en, en.len ? "; " : "");
			om_buf_puts(&en, c->en);
			om_buf_puts(&ja, ja.len ? "、" : "");
			om_buf_puts(&ja, c->ja);
		}
	}
	scan->attack_score = total;
	if (total >= conf->conf_attack_tag_score && en.len)
		scan->attack_words = om_pool_printf(scan->pool, "score=%u; %s\n%s", total, en.data, ja.data);
	om_buf_free(&en);
	om_buf_free(&ja);
}

/* detect_spoofed - an outside client using an internal sender domain */
static void
detect_spoofed(attack_ctx *cx)
{
	om_scan *scan = cx->scan;
	const om_msg *msg = scan->msg;
	const char *d;

	if (!scan->spoofed_internal)
		return;
	if (om_conf_addr_internal(scan->conf, scan->sender)) {
		d = addr_domain(scan->sender);
		om_scan_add(scan, "attack.spoofed_internal", "attack.spoofed_internal.envelope", "envelope",
			    om_pool_printf(scan->pool, "***@%s", d ? d : ""), 0);
		return;
	}
	for (size_t i = 0; i < msg->from.n && i < 100; i++) {
		if (om_conf_addr_internal(scan->conf, msg->from.v[i].addr)) {
			d = addr_domain(msg->from.v[i].addr);
			om_scan_add(scan, "attack.spoofed_internal", "attack.spoofed_internal.from", "header",
				    om_pool_printf(scan->pool, "***@%s", d ? d : ""), 0);
			return;
		}
	}
}

/* om_detect_attack - the inbound indicators and their summed weight */
int
om_detect_attack(om_scan *scan)
{
	attack_ctx cx;
	const om_msg *msg = scan->msg;

	if (scan->direction != OM_DIR_INBOUND || msg == NULL)
		return (0);
	memset(&cx, 0, sizeof(cx));
	cx.scan = scan;
	cx.brands = scan->snap->brands;
	cx.from_domain = msg->from.n > 0 ? addr_domain(msg->from.v[0].addr) : NULL;
	if (cx.from_domain == NULL)
		cx.from_domain = addr_domain(scan->sender);
	detect_spoofed(&cx);
	detect_freemail(&cx);
	detect_sender_lookalike(&cx);
	detect_signature(&cx);
	detect_links(&cx);
	detect_text_urls(&cx);
	detect_hanzi(&cx);
	detect_html_forms(&cx);
	if (detect_phrases(&cx) < 0)
		return (-1);
	score(&cx);
	return (0);
}
