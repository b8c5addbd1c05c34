/*++
 * NAME
 *	om_cmd_domains 3
 * SUMMARY
 *	omamori domains: the registered external domains
 * SYNOPSIS
 *	omamori domains list [-c CONFIG]
 *	omamori domains add [-c CONFIG] DOMAIN...
 *	omamori domains remove [-c CONFIG] DOMAIN...
 *	omamori domains import [-c CONFIG] FILE
 * DESCRIPTION
 *	Outbound mail to an external domain that is not registered is a
 *	recipient.new_domain finding. Domains are registered when mail
 *	to them is delivered (source "learned"), or here by the
 *	administrator (source "admin"). The store is the configuration's
 *	"state" (om_state.h).
 *
 *	list prints one line per domain, sorted: the domain, its source
 *	and when it was registered (local time), tab-separated. add and
 *	import register domains (a domain covers its subdomains); import
 *	reads one domain a line, "#" comments, and registers all of them
 *	or, when a line is bad, none. remove forgets exactly the names
 *	given (not their subdomains).
 * DIAGNOSTICS
 *	Exit 0 when done; 1 when the store failed or a domain to remove
 *	was not registered; 2 on bad usage, a name that is not a domain,
 *	or a configuration without a state store.
 *--*/
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "om_cli.h"
#include "om_log.h"
#include "om_snap.h"
#include "om_state.h"

#define LIST_KEEP_MAX	1000000		/* domains sorted for list */

/* domains_usage - synopsis: stdout, exit 0 when asked for; else stderr, exit 2 */
static void __attribute__((noreturn))
domains_usage(int asked)
{
	om_cli_usage("usage: omamori domains list [-c CONFIG]\n"
		     "       omamori domains add [-c CONFIG] DOMAIN...\n"
		     "       omamori domains remove [-c CONFIG] DOMAIN...\n"
		     "       omamori domains import [-c CONFIG] FILE\n"
		     "Registered external domains (mail to others is recipient.new_domain).\n"
		     "See omamori(1).\n", asked);
}

typedef struct dom_row {
	char   *domain;
	om_domain_source source;
	time_t	added;
} dom_row;

typedef struct dom_rows {
	dom_row *v;
	size_t	n;
	size_t	size;
} dom_rows;

/* keep_row - collect one domain for sorting */
static int
keep_row(const char *domain, om_domain_source source, time_t added, void *ctx)
{
	dom_rows *rows = ctx;

	if (rows->n >= LIST_KEEP_MAX)
		return (-1);
	if (rows->n == rows->size) {
		size_t  n = rows->size ? rows->size * 2 : 256;
		dom_row *v = realloc(rows->v, n * sizeof(*v));

		if (v == NULL)
			om_fatal("out of memory");
		rows->v = v;
		rows->size = n;
	}
	rows->v[rows->n].domain = om_xstrdup(domain);
	rows->v[rows->n].source = source;
	rows->v[rows->n].added = added;
	rows->n++;
	return (0);
}

/* row_cmp - by domain name */
static int
row_cmp(const void *a, const void *b)
{
	return (strcmp(((const dom_row *) a)->domain, ((const dom_row *) b)->domain));
}

/* domains_list - print them sorted */
static int
domains_list(om_state *st)
{
	dom_rows rows = {0};
	long    n = om_state_domain_list(st, keep_row, &rows);

	if (n < 0) {
		fprintf(stderr, "omamori: %s\n", om_state_error());
		return (1);
	}
	if (rows.n)
		qsort(rows.v, rows.n, sizeof(*rows.v), row_cmp);
	for (size_t i = 0; i < rows.n; i++) {
		char    when[32] = "-";
		struct tm tm;

		if (rows.v[i].added > 0 && localtime_r(&rows.v[i].added, &tm))
			strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
		printf("%s\t%s\t%s\n", rows.v[i].domain, om_domain_source_name(rows.v[i].source), when);
		free(rows.v[i].domain);
	}
	if (rows.n >= LIST_KEEP_MAX)
		fprintf(stderr, "omamori: only the first %d domains are listed\n", LIST_KEEP_MAX);
	free(rows.v);
	return (0);
}

/* om_cmd_domains - omamori domains list|add|remove|import */
int
om_cmd_domains(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *config = NULL, *verb;
	int     c, ret = 0;
	om_snap *snap;
	time_t  now = time(NULL);

	if (argc < 2)
		domains_usage(0);
	if (om_cli_is_help(argv[1]))
		domains_usage(1);
	verb = argv[1];
	optind = 2;
	while ((c = getopt_long(argc, argv, "c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'h':
			domains_usage(1);
		default:
			domains_usage(0);
		}
	}
	if (strcmp(verb, "list") == 0) {
		if (optind != argc)
			domains_usage(0);
	} else if (strcmp(verb, "add") == 0 || strcmp(verb, "remove") == 0) {
		if (optind >= argc)
			domains_usage(0);
		/* Every name checked before anything is written. */
		for (int i = optind; i < argc; i++) {
			char    d[OM_STATE_DOMAIN_MAX + 1];

			if (verb[0] == 'a' ? !om_state_domain_registrable(argv[i])
			    : om_state_domain_norm(argv[i], d, sizeof(d)) < 0) {
				fprintf(stderr, "omamori: \"%s\": not a domain name%s\n", argv[i],
					verb[0] == 'a' ? " of one organisation (a public suffix?)" : "");
				return (2);
			}
		}
	} else if (strcmp(verb, "import") == 0) {
		if (optind != argc - 1)
			domains_usage(0);
	} else
		domains_usage(0);

	/* Listing never makes a database; the other verbs do when there is none. */
	snap = om_cli_load_snap(config, OM_SNAP_STATE | (verb[0] == 'l' ? OM_SNAP_STATE_RO : 0));
	if (snap->state == NULL) {
		fprintf(stderr, "omamori: %s: state is empty: no store to keep domains in\n",
			snap->conf->conf_path ? snap->conf->conf_path : "(built-in defaults)");
		om_snap_unref(snap);
		return (2);
	}
	if (verb[0] == 'l') {
		ret = domains_list(snap->state);
	} else if (verb[0] == 'a') {
		for (int i = optind; i < argc && ret == 0; i++)
			if (om_state_domain_add(snap->state, argv[i], OM_DOMAIN_ADMIN, now) < 0) {
				fprintf(stderr, "omamori: %s: %s\n", argv[i], om_state_error());
				ret = 1;
			}
	} else if (verb[0] == 'r') {
		for (int i = optind; i < argc; i++) {
			int     st = om_state_domain_remove(snap->state, argv[i]);

			if (st < 0) {
				fprintf(stderr, "omamori: %s: %s\n", argv[i], om_state_error());
				ret = 1;
				break;
			}
			if (st == 0) {
				fprintf(stderr, "omamori: %s: was not registered\n", argv[i]);
				ret = 1;
			}
		}
	} else {
		char    err[600];
		long    n = om_state_domain_import(snap->state, argv[optind], OM_DOMAIN_ADMIN, now,
						   err, sizeof(err));

		if (n < 0) {
			fprintf(stderr, "omamori: %s\n", err);
			ret = 1;
		} else
			printf("%ld domain%s registered from %s\n", n, n == 1 ? "" : "s", argv[optind]);
	}
	om_snap_unref(snap);
	return (ret);
}
