/*++
 * NAME
 *	om_cmd_log 3
 * SUMMARY
 *	omamori log verify|search|rotate|prune
 * SYNOPSIS
 *	omamori log verify [-c CONFIG] [-k KEYFILE] [-s STATE|none] [FILE...]
 *	omamori log search [-c CONFIG] [--rcpt ADDR|@DOMAIN] [--from ADDR]
 *		[--since DATE] [--until DATE] [--category CAT] [--id RECORD]
 *		[--queue-id QID] [--json] [FILE...]
 *	omamori log rotate [-c CONFIG]
 *	omamori log prune [-c CONFIG]
 * DESCRIPTION
 *	verify follows the MAC chain through the archives and the current
 *	file (or the files named, oldest first) and names the first record
 *	that was edited, deleted, inserted, reordered or cut short. The
 *	end of the chain is compared with the state file (-s, by default
 *	LOGNAME.state beside the key file), which shows records removed at
 *	the end; "-s none" leaves that out.
 *
 *	search answers an investigation: which categories and how many
 *	items went to an address or domain in a period, what a sender
 *	sent, or one decision in full. Addresses written as pseudonyms are
 *	matched through the key file when it can be read.
 * DIAGNOSTICS
 *	verify exits 0 when the chain is intact, 1 when it is not, 2 on
 *	usage or I/O trouble. search exits 0 with matches, 1 without.
 *--*/
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "om_audit.h"
#include "om_buf.h"
#include "om_category.h"
#include "om_cli.h"
#include "om_cmd.h"
#include "om_json.h"
#include "om_log.h"

#define LOG_FILES_MAX	100000		/* archives considered */
#define SEARCH_CATS	256		/* categories in a summary */

/* log_usage - synopsis: stdout, exit 0 when asked for; else stderr, exit 2 */
static void __attribute__((noreturn))
log_usage(int asked)
{
	om_cli_usage(
		"usage: omamori log verify [-c CONFIG] [-k KEYFILE] [-s STATE|none] [FILE...]\n"
		"       omamori log search [-c CONFIG] [--rcpt ADDR|@DOMAIN] [--from ADDR]\n"
		"                          [--since DATE] [--until DATE] [--category CAT]\n"
		"                          [--id RECORD] [--queue-id QID] [--json] [FILE...]\n"
		"       omamori log rotate [-c CONFIG]\n"
		"       omamori log prune [-c CONFIG]\n"
		"verify checks the MAC chain (exit 1 when broken); search lists decisions\n"
		"(exit 1 when none match); rotate starts a new file; prune removes archives\n"
		"older than audit_retention. See omamori(1), omamori-log(5).\n", asked);
}

/* cmp_str - qsort on strings */
static int
cmp_str(const void *a, const void *b)
{
	return (strcmp(*(char *const *) a, *(char *const *) b));
}

/* om_cmd_log_files - archives (oldest first), then the current file */
char  **
om_cmd_log_files(const om_conf *conf, size_t *n)
{
	const char *path = conf->conf_audit_log;
	const char *slash;
	char   *dir, **v = NULL;
	const char *base;
	DIR    *dp;
	struct dirent *de;
	size_t  nv = 0, bl, scanned = 0;

	*n = 0;
	if (path == NULL)
		return (NULL);
	slash = strrchr(path, '/');
	dir = slash ? strndup(path, (size_t) (slash - path)) : strdup(".");
	base = slash ? slash + 1 : path;
	bl = strlen(base);
	if (dir == NULL)
		om_fatal("out of memory");
	if ((dp = opendir(*dir ? dir : "/")) != NULL) {
		while ((de = readdir(dp)) != NULL && scanned++ < LOG_FILES_MAX) {
			size_t  l = strlen(de->d_name);

			/* LOG.YYYYmmddTHHMMSSZ, optionally -N */
			if (strncmp(de->d_name, base, bl) != 0 || de->d_name[bl] != '.'
			    || l < bl + 17 || de->d_name[bl + 9] != 'T' || de->d_name[bl + 16] != 'Z')
				continue;
			v = realloc(v, (nv + 2) * sizeof(char *));
			if (v == NULL || asprintf(v + nv, "%s/%s", dir, de->d_name) < 0)
				om_fatal("out of memory");
			nv++;
		}
		closedir(dp);
	}
	free(dir);
	if (nv)
		qsort(v, nv, sizeof(char *), cmp_str);
	v = realloc(v, (nv + 1) * sizeof(char *));
	if (v == NULL || (v[nv] = strdup(path)) == NULL)
		om_fatal("out of memory");
	*n = nv + 1;
	return (v);
}

/* om_cmd_free_files - release a file list */
void
om_cmd_free_files(char **files, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
}

/* om_cmd_str - string member or NULL */
const char *
om_cmd_str(JsonObject *o, const char *name)
{
	JsonNode *n;

	if (o == NULL || (n = json_object_get_member(o, name)) == NULL || !JSON_NODE_HOLDS_VALUE(n)
	    || json_node_get_value_type(n) != G_TYPE_STRING)
		return (NULL);
	return (json_node_get_string(n));
}

/* om_cmd_rec_time - the record's time as time_t, or -1 */
time_t
om_cmd_rec_time(JsonObject *rec)
{
	const char *s = om_cmd_str(rec, "time");
	struct tm tm;

	if (s == NULL)
		return (-1);
	memset(&tm, 0, sizeof(tm));
	if (strptime(s, "%Y-%m-%dT%H:%M:%S", &tm) == NULL)
		return (-1);
	return (timegm(&tm));
}

/* om_cmd_parse_date - YYYY-MM-DD (local time) or YYYY-MM-DDTHH:MM:SSZ */
int
om_cmd_parse_date(const char *s, int end_of_day, time_t *out)
{
	struct tm tm;
	const char *e;

	memset(&tm, 0, sizeof(tm));
	if ((e = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm)) != NULL && (*e == 'Z' || *e == 0)) {
		*out = timegm(&tm);
		return (0);
	}
	memset(&tm, 0, sizeof(tm));
	if ((e = strptime(s, "%Y-%m-%d", &tm)) == NULL || *e != 0)
		return (-1);
	tm.tm_isdst = -1;
	if (end_of_day) {
		tm.tm_hour = 23;
		tm.tm_min = 59;
		tm.tm_sec = 59;
	}
	*out = mktime(&tm);
	return (0);
}

/* om_cmd_user - who runs this, for the record */
const char *
om_cmd_user(void)
{
	static char name[64];
	struct passwd *pw = getpwuid(getuid());
	const char *sudo = getenv("SUDO_USER");

	if (sudo && *sudo && getuid() == 0)
		snprintf(name, sizeof(name), "%s(sudo)", sudo);
	else
		snprintf(name, sizeof(name), "%s", pw ? pw->pw_name : "?");
	return (name);
}

/* om_cmd_log_each - every parseable record of the files, in order */
int
om_cmd_log_each(char *const *files, size_t n, om_cmd_rec_fn fn, void *ctx)
{
	char   *line = NULL;
	size_t  cap = 0;
	int     stop = 0;

	for (size_t i = 0; i < n && !stop; i++) {
		FILE   *fp = fopen(files[i], "r");
		ssize_t len;

		if (fp == NULL) {
			if (errno == ENOENT && i == n - 1 && n > 1)
				continue;
			fprintf(stderr, "omamori: %s: %s\n", files[i], strerror(errno));
			free(line);
			return (-1);
		}
		while (!stop && (len = getline(&line, &cap, fp)) > 0) {
			JsonParser *jp = json_parser_new();
			JsonNode *root;

			if (line[len - 1] == '\n')
				line[--len] = 0;
			if (json_parser_load_from_data(jp, line, len, NULL)
			    && (root = json_parser_get_root(jp)) != NULL && JSON_NODE_HOLDS_OBJECT(root))
				stop = fn(json_node_get_object(root), line, ctx);
			g_object_unref(jp);
		}
		fclose(fp);
	}
	free(line);
	return (0);
}

/* log_verify - omamori log verify */
static int
log_verify(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"key", required_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{"state", required_argument, NULL, 's'},
		{NULL, 0, NULL, 0}
	};
	const char *config = NULL, *key = NULL, *state = NULL;
	char   *state_def = NULL;
	om_audit_problem prob;
	char  **files;
	size_t  n;
	om_conf *conf;
	int     c, r;

	while ((c = getopt_long(argc, argv, "c:k:s:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'k':
			key = optarg;
			break;
		case 's':
			state = optarg;
			break;
		case 'h':
			log_usage(1);
		default:
			log_usage(0);
		}
	}
	conf = om_cli_load_conf(config);
	if (key == NULL)
		key = conf->conf_audit_key_file;
	if (optind < argc) {
		n = (size_t) (argc - optind);
		if ((files = calloc(n, sizeof(char *))) == NULL)
			om_fatal("out of memory");
		for (size_t i = 0; i < n; i++)
			if ((files[i] = strdup(argv[optind + (int) i])) == NULL)
				om_fatal("out of memory");
	} else
		files = om_cmd_log_files(conf, &n);
	if (n == 0) {
		fprintf(stderr, "omamori: audit_log is not set\n");
		om_conf_unref(conf);
		return (2);
	}
	if (state == NULL && key != NULL) {
		/*
		 * The state is named after the current log: with files given,
		 * the one with the shortest name (archives add a suffix to it).
		 */
		const char *cur = conf->conf_audit_log;

		if (optind < argc) {
			cur = files[0];
			for (size_t i = 1; i < n; i++)
				if (strlen(strrchr(files[i], '/') ? strrchr(files[i], '/') : files[i])
				    < strlen(strrchr(cur, '/') ? strrchr(cur, '/') : cur))
					cur = files[i];
		}
		if (cur != NULL && *cur)
			state = state_def = om_audit_state_path(cur, key);
	} else if (state != NULL && strcmp(state, "none") == 0)
		state = NULL;
	r = om_audit_verify_state((const char *const *) files, n, key, state, &prob);
	free(state_def);
	if (r < 0) {
		fprintf(stderr, "omamori: %s\n", om_audit_error());
		r = 2;
	} else if (r > 0) {
		if (prob.line)
			printf("%s:%lu: %s: %s\n", prob.file, prob.line, om_audit_tamper_name(prob.kind), prob.text);
		else
			printf("%s: %s: %s\n", prob.file, om_audit_tamper_name(prob.kind), prob.text);
		printf("chain broken after %lu intact record(s)\n", prob.records);
		r = 1;
	} else
		printf("%lu record(s) in %zu file(s): chain intact%s\n", prob.records, n,
		       state ? ", ends where the state file says" : " (not compared with a state file)");
	om_cmd_free_files(files, n);
	om_conf_unref(conf);
	return (r);
}

/* Search state. */
typedef struct search {
	const char *rcpt;		/* address or @domain */
	const char *from;
	const char *category;
	const char *id;
	const char *queue_id;
	time_t	since, until;
	int	json;
	int	have_key;
	unsigned char key[OM_AUDIT_KEY_LEN];
	char	rcpt_p[2][128];		/* pseudonym forms */
	char	from_p[2][128];
	unsigned long matches;
	om_buf	out;
	struct {
		const char *name;
		unsigned long messages, items;
	}	cats[SEARCH_CATS];
	char   *catnames[SEARCH_CATS];
	size_t	ncats;
} search;

/* addr_forms - the pseudonyms an address may be written as */
static void
addr_forms(search *s, const char *addr, char forms[2][128])
{
	const char *at = strrchr(addr, '@');
	char    p[32];

	forms[0][0] = forms[1][0] = 0;
	if (!s->have_key || addr[0] == '@')
		return;
	om_audit_pseudonym(s->key, addr, forms[0], sizeof(forms[0]));
	if (at) {
		char   *local = strndup(addr, (size_t) (at - addr));

		if (local == NULL)
			om_fatal("out of memory");
		om_audit_pseudonym(s->key, local, p, sizeof(p));
		free(local);
		snprintf(forms[1], sizeof(forms[1]), "%s%s", p, at);
	}
}

/* addr_match - does a logged address match the query */
static int
addr_match(const char *logged, const char *query, char forms[2][128])
{
	const char *at;

	if (logged == NULL)
		return (0);
	if (query[0] == '@') {
		at = strrchr(logged, '@');
		return (at && strcasecmp(at + 1, query + 1) == 0);
	}
	return (strcasecmp(logged, query) == 0 || (forms[0][0] && strcmp(logged, forms[0]) == 0)
		|| (forms[1][0] && strcasecmp(logged, forms[1]) == 0));
}

/* search_count - add the record's findings to the summary */
static void
search_count(search *s, JsonArray *findings)
{
	unsigned n = findings ? json_array_get_length(findings) : 0;

	for (unsigned i = 0; i < n && i < 10000; i++) {
		JsonObject *f = json_array_get_object_element(findings, i);
		const char *cat = om_cmd_str(f, "category");
		size_t  k;

		if (cat == NULL)
			continue;
		for (k = 0; k < s->ncats && strcmp(s->catnames[k], cat) != 0; k++)
			continue;
		if (k == s->ncats) {
			if (k == SEARCH_CATS)
				continue;
			if ((s->catnames[k] = strdup(cat)) == NULL)
				om_fatal("out of memory");
			s->cats[k].messages = s->cats[k].items = 0;
			s->ncats++;
		}
		s->cats[k].messages++;
		s->cats[k].items += (unsigned long) json_object_get_int_member(f, "count");
	}
}

/* findings_words - "pii.phone x2, body.pii x1" */
static void
findings_words(JsonArray *findings, om_buf *b)
{
	unsigned n = findings ? json_array_get_length(findings) : 0;

	for (unsigned i = 0; i < n && i < 100; i++) {
		JsonObject *f = json_array_get_object_element(findings, i);

		om_buf_printf(b, "%s%s x%ld", i ? ", " : "", om_cmd_str(f, "category") ? om_cmd_str(f, "category") : "?",
			      (long) json_object_get_int_member(f, "count"));
	}
	if (n == 0)
		om_buf_puts(b, "-");
}

/* search_show - one decision in full, for people */
static void
search_show(JsonObject *rec)
{
	static const char *plain[] = {"id", "time", "type", "queue_id", "message_id", "direction",
	"sender", "auth", "action", "reply", "rules", "seq", "mac", NULL};
	JsonArray *a;

	for (int i = 0; plain[i]; i++) {
		JsonNode *n = json_object_get_member(rec, plain[i]);

		if (n == NULL || JSON_NODE_HOLDS_NULL(n))
			continue;
		if (json_node_get_value_type(n) == G_TYPE_STRING)
			printf("%-12s %s\n", plain[i], json_node_get_string(n));
		else
			printf("%-12s %ld\n", plain[i], (long) json_node_get_int(n));
	}
	if (json_object_has_member(rec, "recipients") && (a = json_object_get_array_member(rec, "recipients")) != NULL)
		for (unsigned i = 0; i < json_array_get_length(a) && i < 10000; i++)
			printf("%-12s %s\n", i ? "" : "recipients", json_array_get_string_element(a, i));
	if (json_object_has_member(rec, "attachments") && (a = json_object_get_array_member(rec, "attachments")) != NULL)
		for (unsigned i = 0; i < json_array_get_length(a) && i < 10000; i++) {
			JsonObject *o = json_array_get_object_element(a, i);

			printf("%-12s %s (%s, %ld bytes, encrypted: %s)\n", i ? "" : "attachments",
			       om_cmd_str(o, "name") ? om_cmd_str(o, "name") : "(no name)",
			       om_cmd_str(o, "type") ? om_cmd_str(o, "type") : "?",
			       (long) json_object_get_int_member(o, "size"),
			       om_cmd_str(o, "encrypted") ? om_cmd_str(o, "encrypted") : "?");
		}
	if (json_object_has_member(rec, "findings") && (a = json_object_get_array_member(rec, "findings")) != NULL)
		for (unsigned i = 0; i < json_array_get_length(a) && i < 10000; i++) {
			JsonObject *o = json_array_get_object_element(a, i);
			const om_category *c = om_category_get(om_cmd_str(o, "category") ? om_cmd_str(o, "category") : "");

			printf("%-12s %s (%s / %s) rule %s in %s, %ld item(s)%s%s\n", i ? "" : "findings",
			       om_cmd_str(o, "category"), c ? c->ja : "-", c ? c->en : "-",
			       om_cmd_str(o, "rule") ? om_cmd_str(o, "rule") : "?",
			       om_cmd_str(o, "where") ? om_cmd_str(o, "where") : "?",
			       (long) json_object_get_int_member(o, "count"),
			       om_cmd_str(o, "sample") ? ", e.g. " : "", om_cmd_str(o, "sample") ? om_cmd_str(o, "sample") : "");
		}
}

/* search_rec - filter one record */
static int
search_rec(JsonObject *rec, const char *line, void *ctx)
{
	search *s = ctx;
	const char *type = om_cmd_str(rec, "type");
	time_t  t = om_cmd_rec_time(rec);
	JsonArray *findings = NULL;

	if (s->id) {
		if (om_cmd_str(rec, "id") == NULL || strcmp(om_cmd_str(rec, "id"), s->id) != 0)
			return (0);
	} else if (type == NULL || strcmp(type, "decision") != 0)
		return (0);
	if (s->queue_id && (om_cmd_str(rec, "queue_id") == NULL || strcmp(om_cmd_str(rec, "queue_id"), s->queue_id) != 0))
		return (0);
	if ((s->since != (time_t) -1 && t < s->since) || (s->until != (time_t) -1 && t > s->until))
		return (0);
	if (s->from && !addr_match(om_cmd_str(rec, "sender"), s->from, s->from_p))
		return (0);
	if (s->rcpt) {
		JsonArray *r = json_object_has_member(rec, "recipients") ? json_object_get_array_member(rec, "recipients") : NULL;
		unsigned n = r ? json_array_get_length(r) : 0, i;

		for (i = 0; i < n && i < 10000; i++)
			if (addr_match(json_array_get_string_element(r, i), s->rcpt, s->rcpt_p))
				break;
		if (i >= n)
			return (0);
	}
	if (json_object_has_member(rec, "findings"))
		findings = json_object_get_array_member(rec, "findings");
	if (s->category) {
		unsigned n = findings ? json_array_get_length(findings) : 0, i;

		for (i = 0; i < n && i < 10000; i++) {
			const char *c = om_cmd_str(json_array_get_object_element(findings, i), "category");

			if (c && strcmp(c, s->category) == 0)
				break;
		}
		if (i >= n)
			return (0);
	}
	s->matches++;
	search_count(s, findings);
	if (s->json) {
		om_buf_puts(&s->out, s->matches > 1 ? ",\n" : "\n");
		om_buf_puts(&s->out, line);
	} else if (s->id) {
		search_show(rec);
		return (1);
	} else {
		JsonArray *r = json_object_has_member(rec, "recipients") ? json_object_get_array_member(rec, "recipients") : NULL;
		unsigned n = r ? json_array_get_length(r) : 0;
		om_buf  w;

		om_buf_init(&w, 0);
		findings_words(findings, &w);
		printf("%-24.24s %-16s %-8s %-7s %-30s %-30s%s %s\n", om_cmd_str(rec, "time"),
		       om_cmd_str(rec, "id") ? om_cmd_str(rec, "id") : "-",
		       om_cmd_str(rec, "direction") ? om_cmd_str(rec, "direction") : "-",
		       om_cmd_str(rec, "action") ? om_cmd_str(rec, "action") : "-",
		       om_cmd_str(rec, "sender") ? om_cmd_str(rec, "sender") : "-",
		       n ? json_array_get_string_element(r, 0) : "-", n > 1 ? " +" : "", w.data);
		om_buf_free(&w);
	}
	return (0);
}

/* log_search - omamori log search */
static int
log_search(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"rcpt", required_argument, NULL, 'r'},
		{"from", required_argument, NULL, 'f'},
		{"since", required_argument, NULL, 's'},
		{"until", required_argument, NULL, 'u'},
		{"category", required_argument, NULL, 'C'},
		{"id", required_argument, NULL, 'i'},
		{"queue-id", required_argument, NULL, 'q'},
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *config = NULL;
	search *s = calloc(1, sizeof(search));
	char  **files;
	size_t  n;
	om_conf *conf;
	int     c, r;

	if (s == NULL)
		om_fatal("out of memory");
	s->since = s->until = (time_t) -1;
	while ((c = getopt_long(argc, argv, "c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'r':
			s->rcpt = optarg;
			break;
		case 'f':
			s->from = optarg;
			break;
		case 's':
		case 'u':
			if (om_cmd_parse_date(optarg, c == 'u', c == 's' ? &s->since : &s->until) < 0) {
				fprintf(stderr, "omamori: \"%s\" is not a date (YYYY-MM-DD)\n", optarg);
				exit(2);
			}
			break;
		case 'C':
			s->category = optarg;
			break;
		case 'i':
			s->id = optarg;
			break;
		case 'q':
			s->queue_id = optarg;
			break;
		case 'j':
			s->json = 1;
			break;
		case 'h':
			free(s);
			log_usage(1);
		default:
			free(s);
			log_usage(0);
		}
	}
	conf = om_cli_load_conf(config);
	s->have_key = conf->conf_audit_key_file && om_audit_load_key(conf->conf_audit_key_file, 0, s->key) == 0;
	if (s->rcpt)
		addr_forms(s, s->rcpt, s->rcpt_p);
	if (s->from)
		addr_forms(s, s->from, s->from_p);
	if (optind < argc) {
		n = (size_t) (argc - optind);
		if ((files = calloc(n, sizeof(char *))) == NULL)
			om_fatal("out of memory");
		for (size_t i = 0; i < n; i++)
			if ((files[i] = strdup(argv[optind + (int) i])) == NULL)
				om_fatal("out of memory");
	} else
		files = om_cmd_log_files(conf, &n);
	om_buf_init(&s->out, 0);
	if (!s->json && !s->id)
		printf("%-24s %-16s %-8s %-7s %-30s %-30s %s\n", "time", "id", "dir", "action", "sender", "recipient", "findings");
	r = om_cmd_log_each(files, n, search_rec, s);
	if (r == 0 && s->json) {
		printf("{\"records\":[%s%s],\"summary\":[", s->out.data ? s->out.data : "", s->matches ? "\n" : "");
		for (size_t i = 0; i < s->ncats; i++) {
			om_buf  b;

			om_buf_init(&b, 0);
			om_json_str(&b, s->catnames[i]);
			printf("%s{\"category\":%s,\"messages\":%lu,\"items\":%lu}", i ? "," : "", b.data,
			       s->cats[i].messages, s->cats[i].items);
			om_buf_free(&b);
		}
		printf("],\"matches\":%lu}\n", s->matches);
	} else if (r == 0 && !s->id) {
		printf("\n%lu decision(s)\n", s->matches);
		if (s->ncats)
			printf("%-28s %-36s %9s %9s\n", "category", "区分 / meaning", "messages", "items");
		for (size_t i = 0; i < s->ncats; i++) {
			const om_category *cat = om_category_get(s->catnames[i]);

			printf("%-28s %s / %s  %lu  %lu\n", s->catnames[i], cat ? cat->ja : "-", cat ? cat->en : "-",
			       s->cats[i].messages, s->cats[i].items);
		}
	}
	for (size_t i = 0; i < s->ncats; i++)
		free(s->catnames[i]);
	om_buf_free(&s->out);
	om_cmd_free_files(files, n);
	om_conf_unref(conf);
	r = r < 0 ? 2 : s->matches ? 0 : 1;
	free(s);
	return (r);
}

/* log_maint - omamori log rotate|prune */
static int
log_maint(int argc, char **argv, int prune)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *config = NULL;
	unsigned long retention;
	om_audit *a;
	om_conf *conf;
	int     c, r;

	while ((c = getopt_long(argc, argv, "c:h", opts, NULL)) != -1) {
		if (c == 'h')
			log_usage(1);
		if (c != 'c')
			log_usage(0);
		config = optarg;
	}
	conf = om_cli_load_conf(config);
	if (om_audit_parse_duration(conf->conf_audit_retention, &retention) < 0) {
		fprintf(stderr, "omamori: audit_retention: \"%s\" is not a duration (3y, 400d, 12w)\n", conf->conf_audit_retention);
		om_conf_unref(conf);
		return (2);
	}
	if ((a = om_audit_open(conf)) == NULL) {
		fprintf(stderr, "omamori: %s\n", om_audit_error());
		om_conf_unref(conf);
		return (2);
	}
	r = prune ? om_audit_prune(a, time(NULL), retention) : om_audit_rotate(a, time(NULL));
	if (r < 0)
		fprintf(stderr, "omamori: %s\n", om_audit_error());
	else if (prune)
		printf("%d archive(s) older than %s removed\n", r, conf->conf_audit_retention);
	om_audit_close(a);
	om_conf_unref(conf);
	return (r < 0 ? 2 : 0);
}

/* om_cmd_log - omamori log ... */
int
om_cmd_log(int argc, char **argv)
{
	if (argc < 2)
		log_usage(0);
	if (om_cli_is_help(argv[1]))
		log_usage(1);
	if (strcmp(argv[1], "verify") == 0)
		return (log_verify(argc - 1, argv + 1));
	if (strcmp(argv[1], "search") == 0)
		return (log_search(argc - 1, argv + 1));
	if (strcmp(argv[1], "rotate") == 0)
		return (log_maint(argc - 1, argv + 1, 0));
	if (strcmp(argv[1], "prune") == 0)
		return (log_maint(argc - 1, argv + 1, 1));
	log_usage(0);
}
