/*++
 * NAME
 *	om_detect_insurers 3
 * SUMMARY
 *	recipient.mixed_insurers: one insurer's customers where another sees them
 * DESCRIPTION
 *	An agency works for several insurers, and each must see only its
 *	own customers. Outbound mail is recipient.mixed_insurers when
 *
 *	(a) its external recipients are at two or more different insurers
 *	    (rule recipient.mixed_insurers), or
 *	(b) it goes to one insurer and a text that holds policy numbers
 *	    (pii.policy_number) names another insurer (rule
 *	    recipient.mixed_insurers.policy).
 *
 *	The insurers come from rules_dir/insurers.txt (and the admin's
 *	insurers_file): "KEY DOMAIN[,DOMAIN...] [NAME[,NAME...]]" per line.
 *	om_insurers_load() reads them for the snapshot (om_snap).
 *--*/
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "om_buf.h"
#include "om_insurers.h"
#include "om_log.h"
#include "om_msg.h"
#include "om_pool.h"
#include "om_scan.h"
#include "om_snap.h"
#include "om_str.h"

#define INSURERS_MAX	1000		/* insurers per list */
#define ITEMS_MAX	50		/* domains or names per insurer */
#define LINE_MAX_LEN	4096

typedef struct insurer {
	char   *key;
	char   *domains[ITEMS_MAX];
	size_t	ndomains;
	char   *names[ITEMS_MAX];
	size_t	nnames;
} insurer;

struct om_insurers {
	insurer *v;
	size_t	n;
};

/* split_items - "a,b,c" into at most ITEMS_MAX strdup'ed items */
static size_t
split_items(char *s, char **out, int lower)
{
	size_t  n = 0;
	char   *save = NULL;

	for (char *t = strtok_r(s, ",", &save); t && n < ITEMS_MAX; t = strtok_r(NULL, ",", &save)) {
		size_t  len;

		t = om_trim(t);
		if ((len = strlen(t)) == 0)
			continue;
		if (lower)
			for (size_t i = 0; i < len; i++)
				if (t[i] >= 'A' && t[i] <= 'Z')
					t[i] = (char) (t[i] - 'A' + 'a');
		out[n++] = om_xstrdup(t);
	}
	return (n);
}

/* load_file - one list file into ins; -1 (err filled in) on trouble */
static int
load_file(om_insurers *ins, const char *path, om_conf_err *err)
{
	FILE   *fp = fopen(path, "r");
	char    line[LINE_MAX_LEN + 2];
	int     lineno = 0, bad = 0;

	if (fp == NULL) {
		if (err && err->count++ == 0)
			snprintf(err->text, sizeof(err->text), "%s: %s", path, strerror(errno));
		return (-1);
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		char   *f[3] = {NULL, NULL, NULL}, *save = NULL, *p;
		int     nf = 0;
		insurer *in;

		lineno++;
		if ((p = strchr(line, '#')) != NULL)
			*p = 0;
		for (char *t = strtok_r(line, " \t\r\n", &save); t && nf < 3; t = strtok_r(NULL, " \t\r\n", &save))
			f[nf++] = t;
		if (nf == 0)
			continue;
		if (nf < 2 || ins->n >= INSURERS_MAX) {
			if (err && err->count++ == 0)
				snprintf(err->text, sizeof(err->text), "%s:%d: %s", path, lineno,
					 nf < 2 ? "want KEY DOMAIN[,DOMAIN...] [NAME[,NAME...]]" : "too many insurers");
			bad = 1;
			continue;
		}
		if ((ins->v = realloc(ins->v, (ins->n + 1) * sizeof(*ins->v))) == NULL)
			om_panic("out of memory");
		in = ins->v + ins->n++;
		memset(in, 0, sizeof(*in));
		in->key = om_xstrdup(f[0]);
		in->ndomains = split_items(f[1], in->domains, 1);
		if (f[2])
			in->nnames = split_items(f[2], in->names, 0);
	}
	fclose(fp);
	return (bad ? -1 : 0);
}

/* om_insurers_free - the list and its strings */
void
om_insurers_free(om_insurers *ins)
{
	if (ins == NULL)
		return;
	for (size_t i = 0; i < ins->n; i++) {
		free(ins->v[i].key);
		for (size_t k = 0; k < ins->v[i].ndomains; k++)
			free(ins->v[i].domains[k]);
		for (size_t k = 0; k < ins->v[i].nnames; k++)
			free(ins->v[i].names[k]);
	}
	free(ins->v);
	free(ins);
}

/* om_insurers_load - rules_dir/insurers.txt and insurers_file; NULL on trouble */
om_insurers *
om_insurers_load(const om_conf *conf, om_conf_err *err)
{
	om_insurers *ins = calloc(1, sizeof(*ins));
	char   *shipped = NULL;
	int     bad = 0;

	if (ins == NULL)
		om_panic("out of memory");
	if (conf->conf_rules_dir && asprintf(&shipped, "%s/insurers.txt", conf->conf_rules_dir) < 0)
		om_panic("out of memory");
	if (shipped && access(shipped, F_OK) == 0)
		bad |= load_file(ins, shipped, err) < 0;
	else if (shipped)
		om_debug("%s: not found; no mixed-insurer checks but the admin's", shipped);
	free(shipped);
	if (conf->conf_insurers_file && *conf->conf_insurers_file)
		bad |= load_file(ins, conf->conf_insurers_file, err) < 0;
	if (bad) {
		om_insurers_free(ins);
		return (NULL);
	}
	return (ins);
}

/* om_insurers_count - insurers known */
size_t
om_insurers_count(const om_insurers *ins)
{
	return (ins ? ins->n : 0);
}

/* om_insurers_of_domain - the key of the insurer a domain (or a parent) belongs to, or NULL */
const char *
om_insurers_of_domain(const om_insurers *ins, const char *domain)
{
	size_t  dl = strlen(domain);

	for (size_t i = 0; ins && i < ins->n; i++)
		for (size_t k = 0; k < ins->v[i].ndomains; k++) {
			const char *d = ins->v[i].domains[k];
			size_t  l = strlen(d);

			if (dl == l ? strcasecmp(domain, d) == 0
			    : dl > l && domain[dl - l - 1] == '.' && strcasecmp(domain + dl - l, d) == 0)
				return (ins->v[i].key);
		}
	return (NULL);
}

/* om_insurers_named - the key of an insurer other than not_key that text names, or NULL */
const char *
om_insurers_named(const om_insurers *ins, const char *text, const char *not_key)
{
	for (size_t i = 0; ins && i < ins->n; i++) {
		if (not_key && strcmp(ins->v[i].key, not_key) == 0)
			continue;
		for (size_t k = 0; k < ins->v[i].nnames; k++)
			if (strstr(text, ins->v[i].names[k]) != NULL)
				return (ins->v[i].key);
	}
	return (NULL);
}

/* domain_of - the domain part of an address ("<a@b>" or "a@b"), lower case, in the pool */
static const char *
domain_of(om_pool *pool, const char *addr)
{
	const char *at = strrchr(addr, '@');
	char   *d;
	size_t  n;

	if (at == NULL)
		return (NULL);
	n = strcspn(at + 1, ">");
	d = om_pool_memdup(pool, at + 1, n);
	for (size_t i = 0; i < n; i++)
		if (d[i] >= 'A' && d[i] <= 'Z')
			d[i] = (char) (d[i] - 'A' + 'a');
	return (d);
}

/* om_detect_insurers - recipients at two insurers, or one insurer's policies to another */
int
om_detect_insurers(om_scan *scan)
{
	const om_insurers *ins = scan->snap->insurers;
	const char *first = NULL, *second = NULL;

	if (ins == NULL || ins->n == 0 || !scan->outbound_checks)
		return (0);
	for (size_t i = 0; i < scan->nrcpts && second == NULL; i++) {
		const char *d, *k;

		if (!scan->rcpt_external[i] || (d = domain_of(scan->pool, scan->rcpts[i])) == NULL)
			continue;
		if ((k = om_insurers_of_domain(ins, d)) == NULL)
			continue;
		if (first == NULL)
			first = k;
		else if (strcmp(first, k) != 0)
			second = k;
	}
	if (second != NULL) {
		om_scan_add(scan, "recipient.mixed_insurers", "recipient.mixed_insurers", "envelope",
			    om_pool_printf(scan->pool, "recipients at %s and %s", first, second), 1.0);
		return (0);
	}
	if (first == NULL)
		return (0);
	/* One insurer receives: do texts with policy numbers name another? */
	for (size_t f = 0; f < scan->nfindings; f++) {
		const om_finding *pf = scan->findings + f;

		if (strcmp(pf->category, "pii.policy_number") != 0 || pf->where == NULL)
			continue;
		for (size_t t = 0; t < scan->msg->ntexts; t++) {
			const om_text *tx = scan->msg->texts + t;
			const char *other;

			if (tx->where == NULL || strcmp(tx->where, pf->where) != 0)
				continue;
			if ((other = om_insurers_named(ins, tx->text, first)) != NULL) {
				om_scan_add(scan, "recipient.mixed_insurers", "recipient.mixed_insurers.policy", pf->where,
					    om_pool_printf(scan->pool, "policy numbers of %s to %s", other, first), 1.0);
				return (0);
			}
		}
	}
	return (0);
}
