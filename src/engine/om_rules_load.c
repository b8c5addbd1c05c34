/*++
 * NAME
 *	om_rules_load 3
 * SUMMARY
 *	rule sets: files, directories, problems, life
 * SYNOPSIS
 *	#include "om_rules.h"
 *
 *	(see om_rules.h: om_rules_load_dir(), om_rules_load_text(),
 *	om_rules_load_conf(), om_rules_free() and the accessors)
 *
 *	#include "om_rules_int.h"
 *
 *	void	rules_error(err, fmt, ...)
 *	om_rules_err *err;
 *	const char *fmt;
 *
 *	void   *rules_xrealloc(ptr, len)
 *	void   *ptr;
 *	size_t	len;
 * DESCRIPTION
 *	A set is read from the *.rules files of a directory in name order
 *	(or from one text), each file parsed by rules_parse_text() with
 *	every problem collected; then, unless there was a problem and the
 *	caller did not ask for OM_RULES_KEEP_GOING, its version is taken
 *	(a digest of the files' names and texts) and its shared parts are
 *	compiled by rules_compile_set(). A set with problems is freed, so
 *	a broken file never replaces a working set.
 *
 *	rules_error() records one problem: the first is kept in err->text,
 *	all are counted, and each is printed to err->report when set,
 *	else logged as a warning.
 *
 * DIAGNOSTICS
 *	"FILE: error" when a file cannot be read or is over
 *	RULES_FILE_MAX; "rules_dir DIR: error" when a configuration's
 *	rules_dir cannot be opened (no rules is no protection).
 *--*/
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "om_buf.h"
#include "om_log.h"
#include "om_rules_int.h"


/* rules_error - record one problem */
void
rules_error(om_rules_err *err, const char *fmt, ...)
{
	char    text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (err) {
		if (err->count == 0)
			snprintf(err->text, sizeof(err->text), "%s", text);
		err->count++;
		if (err->report) {
			fprintf(err->report, "%s\n", text);
			return;
		}
	}
	om_warn("%s", text);
}

/* rules_xrealloc - realloc or die */
void   *
rules_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		om_panic("out of memory");
	return (p);
}

/* om_rules_free - release a set */
void
om_rules_free(om_ruleset *set)
{
	if (set == NULL)
		return;
	if (set->digest)
		EVP_MD_CTX_free(set->digest);
	for (size_t i = 0; i < set->n; i++)
		rules_rule_free(set->v + i);
	free(set->v);
	for (size_t i = 0; i < set->nfiles; i++)
		free(set->files[i]);
	free(set->files);
	if (set->db)
		hs_free_database(set->db);
	if (set->kwdb)
		hs_free_database(set->kwdb);
	free(set->digit_rules);
	free(set->whole);
	free(set->ctxw);
	for (size_t i = 0; set->rkw && i < set->n; i++) {
		free(set->rkw[i].context);
		free(set->rkw[i].exclude);
		free(set->rkw[i].veto);
	}
	free(set->rkw);
	free(set->kw);
	free(set->gate);
	free(set->twin);
	free(set);
}

/* add_file_name - keep a file name for the life of the set */
static const char *
add_file_name(om_ruleset *set, const char *name)
{
	set->files = rules_xrealloc(set->files, (set->nfiles + 1) * sizeof(char *));
	set->files[set->nfiles] = om_xstrdup(name);
	return (set->files[set->nfiles++]);
}

/* set_new - an empty set */
static om_ruleset *
set_new(void)
{
	static unsigned long serial;
	om_ruleset *set = calloc(1, sizeof(*set));

	if (set == NULL)
		om_panic("out of memory");
	set->serial = __atomic_add_fetch(&serial, 1, __ATOMIC_RELAXED);
	return (set);
}

/* set_digest - add one named text to the set's version digest */
static void
set_digest(om_ruleset *set, const char *name, const char *text)
{
	if (set->digest == NULL) {
		if ((set->digest = EVP_MD_CTX_new()) == NULL
		    || EVP_DigestInit_ex(set->digest, EVP_sha256(), NULL) != 1)
			om_panic("om_rules: cannot start a SHA-256 digest");
	}
	/* Name and text, each with its terminating NUL, so no two splits collide. */
	EVP_DigestUpdate(set->digest, name, strlen(name) + 1);
	EVP_DigestUpdate(set->digest, text, strlen(text) + 1);
}

/*
 * set_version - the version records carry: a digest of exactly the
 * rule files this set was built from, so an auditor can tell which rules
 * judged a message.
 */
static void
set_version(om_ruleset *set)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	static const char hex[] = "0123456789abcdef";
	char   *p;

	if (set->digest == NULL)
		set_digest(set, "", "");
	if (EVP_DigestFinal_ex(set->digest, md, &mdlen) != 1 || mdlen < 8)
		om_panic("om_rules: SHA-256 failed");
	EVP_MD_CTX_free(set->digest);
	set->digest = NULL;
	p = set->version + snprintf(set->version, sizeof(set->version), "rules sha256:");
	for (unsigned i = 0; i < 8; i++) {
		*p++ = hex[md[i] >> 4];
		*p++ = hex[md[i] & 15];
	}
	*p = 0;
}

/* om_rules_version - "rules sha256:..." of the files the set came from */
const char *
om_rules_version(const om_ruleset *set)
{
	return (set ? set->version : "no rules");
}

/* om_rules_load_text - a set from one text (tests, examples) */
om_ruleset *
om_rules_load_text(const char *name, const char *text, int flags, om_rules_err *err)
{
	om_ruleset *set = set_new();
	int     before = err ? err->count : 0;

	set_digest(set, name, text);
	rules_parse_text(set, add_file_name(set, name), text, err);
	if (err && err->count > before && !(flags & OM_RULES_KEEP_GOING)) {
		om_rules_free(set);
		return (NULL);
	}
	set_version(set);
	rules_compile_set(set);
	return (set);
}

/* name_cmp - qsort by file name */
static int
name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *) a, *(char *const *) b));
}

/* read_file - a whole file, NUL-terminated, at most RULES_FILE_MAX */
static char *
read_file(const char *path, om_rules_err *err)
{
	FILE   *fp = fopen(path, "r");
	om_buf  b;
	char    chunk[8192];
	size_t  n;

	if (fp == NULL) {
		rules_error(err, "%s: %s", path, strerror(errno));
		return (NULL);
	}
	om_buf_init(&b, 0);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (b.len + n > RULES_FILE_MAX) {
			rules_error(err, "%s: larger than %d bytes", path, RULES_FILE_MAX);
			fclose(fp);
			om_buf_free(&b);
			return (NULL);
		}
		om_buf_append(&b, chunk, n);
	}
	fclose(fp);
	om_buf_putc(&b, 0);
	return (om_buf_steal(&b, NULL));
}

/* om_rules_load_dir - every DIR/ *.rules, in name order */
om_ruleset *
om_rules_load_dir(const char *dir, int flags, om_rules_err *err)
{
	DIR    *dp = opendir(dir);
	struct dirent *de;
	char  **names = NULL;
	size_t  nnames = 0;
	om_ruleset *set;
	int     before = err ? err->count : 0;

	if (dp == NULL) {
		rules_error(err, "%s: %s", dir, strerror(errno));
		return (NULL);
	}
	while ((de = readdir(dp)) != NULL && nnames < RULES_FILES_MAX) {
		size_t  l = strlen(de->d_name);

		if (l > 6 && strcmp(de->d_name + l - 6, ".rules") == 0 && de->d_name[0] != '.') {
			names = rules_xrealloc(names, (nnames + 1) * sizeof(char *));
			names[nnames++] = om_xstrdup(de->d_name);
		}
	}
	closedir(dp);
	if (nnames > 1)
		qsort(names, nnames, sizeof(char *), name_cmp);
	set = set_new();
	for (size_t i = 0; i < nnames; i++) {
		char    path[4096];
		char   *text;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if ((text = read_file(path, err)) != NULL) {
			set_digest(set, names[i], text);
			rules_parse_text(set, add_file_name(set, path), text, err);
			free(text);
		}
		free(names[i]);
	}
	free(names);
	if (err && err->count > before && !(flags & OM_RULES_KEEP_GOING)) {
		om_rules_free(set);
		return (NULL);
	}
	set_version(set);
	rules_compile_set(set);
	return (set);
}

/* om_rules_count - number of rules */
size_t
om_rules_count(const om_ruleset *set)
{
	return (set ? set->n : 0);
}

/* om_rules_get - rule by index */
const om_rule *
om_rules_get(const om_ruleset *set, size_t i)
{
	return (set && i < set->n ? &set->v[i].pub : NULL);
}

/* om_rules_find - rule by id, or NULL */
const om_rule *
om_rules_find(const om_ruleset *set, const char *id)
{
	for (size_t i = 0; set && i < set->n; i++)
		if (strcmp(set->v[i].pub.id, id) == 0)
			return (&set->v[i].pub);
	return (NULL);
}

/* om_rules_load_conf - the set of a configuration's rules_dir, or NULL */
om_ruleset *
om_rules_load_conf(const om_conf *conf, om_rules_err *err)
{
	DIR    *dp;

	if (conf->conf_rules_dir == NULL) {
		rules_error(err, "rules_dir is not set");
		return (NULL);
	}
	if ((dp = opendir(conf->conf_rules_dir)) == NULL) {
		/* No rules is no protection: refuse, never run without them. */
		rules_error(err, "rules_dir %s: %s (install omamori's rules there or set rules_dir)",
			    conf->conf_rules_dir, strerror(errno));
		return (NULL);
	}
	closedir(dp);
	return (om_rules_load_dir(conf->conf_rules_dir, 0, err));
}

/* om_rule_examples - number of embedded examples */
size_t
om_rule_examples(const om_rule *rule)
{
	return (RULE_OF(rule)->nexamples);
}

/* om_rule_context_words - number of context keywords */
size_t
om_rule_context_words(const om_rule *rule)
{
	return (RULE_OF(rule)->ncontext);
}

/* om_rule_prefiltered - the rule's windows come from the prefilter passes */
int
om_rule_prefiltered(const om_rule *rule)
{
	return (RULE_OF(rule)->prefiltered);
}
