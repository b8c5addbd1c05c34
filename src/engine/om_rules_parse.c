/*++
 * NAME
 *	om_rules_parse 3
 * SUMMARY
 *	rule-file grammar
 * SYNOPSIS
 *	#include "om_rules_int.h"
 *
 *	void	rules_parse_text(set, file, text, err)
 *	om_ruleset *set;
 *	const char *file;
 *	const char *text;
 *	om_rules_err *err;
 *
 *	void	rules_rule_free(rule)
 *	rules_rule *rule;
 * DESCRIPTION
 *	The file format is line based (see omamori-rules(5)): "rule ID"
 *	at the start of a line opens a rule, indented "key = value"
 *	lines describe it, "#" starts a comment line. The keys are one
 *	table, rule_keys[], each with its type and the member it sets.
 *
 *	rules_parse_text() appends the rules of one file's text to the
 *	set. Each rule is checked and compiled (rules_compile_rule())
 *	when the next one opens or the text ends; a rule with any problem
 *	is reported and dropped, and parsing goes on with the next, so
 *	that every problem of a file is reported in one pass.
 *
 *	rules_rule_free() releases the members of one rule.
 * DIAGNOSTICS
 *	Problems go through rules_error() as "FILE, line N: text".
 *--*/
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "om_buf.h"
#include "om_log.h"
#include "om_rules_int.h"
#include "om_str.h"

/* split_bar - "a|b|c" into a word list */
static void
split_bar(const char *value, char ***out, size_t *nout)
{
	const char *p = value;

	while (*p && *nout < RULES_WORDS_MAX) {
		size_t  n = strcspn(p, "|");
		char   *w = strndup(p, n);

		if (w == NULL)
			om_panic("out of memory");
		if (*om_trim(w)) {
			char   *t = om_xstrdup(om_trim(w));

			*out = rules_xrealloc(*out, (*nout + 1) * sizeof(char *));
			(*out)[(*nout)++] = t;
		}
		free(w);
		p += n;
		if (*p == '|')
			p++;
	}
}

/* rules_rule_free - release one rule's members */
void
rules_rule_free(rules_rule *r)
{
	free(r->pub.id);
	free(r->pub.category);
	free(r->pattern);
	free(r->anchor);
	free(r->pub.validator_name);
	for (size_t i = 0; i < r->ncontext; i++)
		free(r->context[i]);
	free(r->context);
	for (size_t i = 0; i < r->nexclude; i++)
		free(r->exclude[i]);
	free(r->exclude);
	for (size_t i = 0; i < r->nveto; i++)
		free(r->veto[i]);
	free(r->veto);
	for (size_t i = 0; i < r->nexamples; i++)
		free(r->examples[i].text);
	free(r->examples);
	if (r->re)
		pcre2_code_free(r->re);
}

/* parse_scopes - "body subject ..." to bits; -1 on an unknown word */
static int
parse_scopes(const char *value, unsigned *bits)
{
	char    buf[256], *save = NULL, *w;

	snprintf(buf, sizeof(buf), "%s", value);
	*bits = 0;
	for (w = strtok_r(buf, " ,\t", &save); w; w = strtok_r(NULL, " ,\t", &save)) {
		om_scope sc;

		if (strcmp(w, "all") == 0) {
			*bits |= OM_SCOPE_ALL;
			continue;
		}
		if (om_scope_parse(w, &sc) < 0)
			return (-1);
		*bits |= (unsigned) sc;
	}
	return (*bits ? 0 : -1);
}

/* parse_number - non-negative decimal within [0, max]; 0 or -1 */
static int
parse_number(const char *value, double max, double *out)
{
	char   *end;
	double  v;

	errno = 0;
	v = strtod(value, &end);
	if (errno || end == value || *om_trim(end) || v < 0 || v > max)
		return (-1);
	*out = v;
	return (0);
}

/*
 * The keys a rule may have. A key's value goes into the member of
 * rules_rule at offset (and a count or a line number at aux), after
 * the checks of its type; what a key does beyond storing its value is
 * in rule_attr() (the example lists, the validator's function).
 */
typedef enum {
	RKEY_TEXT,			/* a string */
	RKEY_REGEX,			/* a string, and its line in aux */
	RKEY_SCOPE,			/* "body subject ..." as OM_SCOPE_* bits */
	RKEY_REAL,			/* a number in [min, max], double */
	RKEY_INT,			/* a number in [min, max], int */
	RKEY_UINT,			/* a number in [min, max], unsigned */
	RKEY_YESNO,			/* yes or no, int 1 or 0 */
	RKEY_WORDS,			/* "a|b|c", appended to a word list */
	RKEY_VALIDATOR,			/* a validator name */
	RKEY_MASK,			/* a mask name */
	RKEY_EXAMPLE			/* an example; arg 1 it must match */
} rule_key_type;

typedef struct rule_key {
	const char *name;
	rule_key_type type;
	size_t	offset;			/* member of rules_rule */
	size_t	aux;			/* RKEY_WORDS: member with the count; RKEY_REGEX: line */
	double	min, max;		/* numbers */
	const char *unit;		/* numbers: what they count, for messages */
	int	arg;			/* RKEY_EXAMPLE: must match */
} rule_key;

#define ROFF(m) offsetof(rules_rule, m)

static const rule_key rule_keys[] = {
	{"category", RKEY_TEXT, ROFF(pub.category)},
	{"pattern", RKEY_REGEX, ROFF(pattern), ROFF(pattern_line)},
	{"scope", RKEY_SCOPE, ROFF(pub.scopes)},
	{"weight", RKEY_REAL, ROFF(pub.weight), 0, 0, RULES_WEIGHT_MAX},
	{"validate", RKEY_VALIDATOR, ROFF(pub.validator_name)},
	{"mask", RKEY_MASK, ROFF(pub.mask)},
	{"context", RKEY_WORDS, ROFF(context), ROFF(ncontext)},
	{"exclude", RKEY_WORDS, ROFF(exclude), ROFF(nexclude)},
	{"veto", RKEY_WORDS, ROFF(veto), ROFF(nveto)},
	{"exclude_line", RKEY_YESNO, ROFF(exclude_line)},
	{"anchor", RKEY_REGEX, ROFF(anchor), ROFF(anchor_line)},
	{"anchor_digits", RKEY_INT, ROFF(anchor_digits), 0, 1, RULES_DIGITS_MAX, "digits"},
	{"anchor_before", RKEY_INT, ROFF(anchor_before), 0, 0, RULES_ANCHOR_MAX, "characters"},
	{"anchor_after", RKEY_INT, ROFF(anchor_after), 0, 0, RULES_ANCHOR_MAX, "characters"},
	{"report", RKEY_INT, ROFF(report), 0, 0, 9, "a capture group number"},
	{"context_before", RKEY_UINT, ROFF(ctx_before), 0, 0, RULES_WINDOW_MAX, "characters"},
	{"context_after", RKEY_UINT, ROFF(ctx_after), 0, 0, RULES_WINDOW_MAX, "characters"},
	{"near_context", RKEY_YESNO, ROFF(near_context)},
	{"context_required", RKEY_YESNO, ROFF(ctx_need)},
	{"context_bonus", RKEY_REAL, ROFF(ctx_bonus), 0, 0, RULES_WEIGHT_MAX},
	{"match", RKEY_EXAMPLE, 0, 0, 0, 0, 0, 1},
	{"nomatch", RKEY_EXAMPLE, 0, 0, 0, 0, 0, 0},
};

#define RULE_KEYS	(sizeof(rule_keys) / sizeof(rule_keys[0]))

/* rule_key_find - the table entry of a key, or NULL */
static const rule_key *
rule_key_find(const char *name)
{
	for (size_t i = 0; i < RULE_KEYS; i++)
		if (strcmp(rule_keys[i].name, name) == 0)
			return (rule_keys + i);
	return (NULL);
}

/* example_text - an example with \\n, \\t, \\\\ read as newline, tab, backslash */
static char *
example_text(const char *value)
{
	char   *out = om_xstrdup(value), *o = out;

	for (const char *v = value; *v; v++) {
		if (v[0] == '\\' && (v[1] == 'n' || v[1] == 't' || v[1] == '\\')) {
			*o++ = v[1] == 'n' ? '\n' : v[1] == 't' ? '\t' : '\\';
			v++;
		} else
			*o++ = *v;
	}
	*o = 0;
	return (out);
}

/* rule_attr - apply one "key = value" line to a rule; 0 or -1 */
static int
rule_attr(rules_rule *r, const char *key, const char *value, int line,
	  const char *file, om_rules_err *err)
{
	const rule_key *k = rule_key_find(key);
	char   *slot;
	double  d;

	if (k == NULL) {
		rules_error(err, "%s, line %d: unknown attribute \"%s\"", file, line, key);
		return (-1);
	}
	slot = (char *) r + k->offset;
	switch (k->type) {
	case RKEY_REGEX:
		*(int *) ((char *) r + k->aux) = line;
		/* FALLTHROUGH */
	case RKEY_TEXT:
		free(*(char **) slot);
		*(char **) slot = om_xstrdup(value);
		return (0);
	case RKEY_SCOPE:
		if (parse_scopes(value, (unsigned *) slot) < 0) {
			rules_error(err, "%s, line %d: bad scope \"%s\" (body subject header attachment filename all)",
				    file, line, value);
			return (-1);
		}
		return (0);
	case RKEY_REAL:
	case RKEY_INT:
	case RKEY_UINT:
		if (parse_number(value, k->max, &d) < 0 || d < k->min) {
			if (k->unit)
				rules_error(err, "%s, line %d: bad %s \"%s\" (%s, %g..%g)",
					    file, line, key, value, k->unit, k->min, k->max);
			else
				rules_error(err, "%s, line %d: bad %s \"%s\" (%g..%g)",
					    file, line, key, value, k->min, k->max);
			return (-1);
		}
		if (k->type == RKEY_REAL)
			*(double *) slot = d;
		else if (k->type == RKEY_INT)
			*(int *) slot = (int) d;
		else
			*(unsigned *) slot = (unsigned) d;
		return (0);
	case RKEY_YESNO:
		if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0) {
			rules_error(err, "%s, line %d: bad %s \"%s\" (yes or no)", file, line, key, value);
			return (-1);
		}
		*(int *) slot = strcmp(value, "yes") == 0;
		return (0);
	case RKEY_WORDS:
		split_bar(value, (char ***) slot, (size_t *) ((char *) r + k->aux));
		return (0);
	case RKEY_VALIDATOR:
		free(*(char **) slot);
		*(char **) slot = om_xstrdup(value);
		if ((r->validator = om_validate_lookup(value)) == NULL) {
			rules_error(err, "%s, line %d: unknown validator \"%s\"", file, line, value);
			return (-1);
		}
		return (0);
	case RKEY_MASK:
		if (om_mask_parse(value, (om_mask_kind *) slot) < 0) {
			rules_error(err, "%s, line %d: unknown mask \"%s\"", file, line, value);
			return (-1);
		}
		return (0);
	case RKEY_EXAMPLE:
		if (r->nexamples >= RULES_EXAMPLES_MAX) {
			rules_error(err, "%s, line %d: more than %d examples", file, line, RULES_EXAMPLES_MAX);
			return (-1);
		}
		r->examples = rules_xrealloc(r->examples, (r->nexamples + 1) * sizeof(*r->examples));
		r->examples[r->nexamples].text = example_text(value);
		r->examples[r->nexamples].line = line;
		r->examples[r->nexamples].must_match = k->arg;
		r->nexamples++;
		return (0);
	}
	om_panic("rule key %s: type %d", k->name, (int) k->type);
}

/* rules_parse_text - add the rules of one file's text to the set */
void
rules_parse_text(om_ruleset *set, const char *file, const char *text, om_rules_err *err)
{
	const char *p = text;
	rules_rule *cur = NULL;
	int     line = 0, bad = 0;
	size_t  keep_from = set->n;

	while (*p) {
		size_t  n = strcspn(p, "\n");
		char   *buf = strndup(p, n), *s, *eq;
		int     indented = (*p == ' ' || *p == '\t');

		if (buf == NULL)
			om_panic("out of memory");
		line++;
		p += n;
		if (*p == '\n')
			p++;
		s = om_trim(buf);
		if (*s == 0 || *s == '#') {
			free(buf);
			continue;
		}
		if (!indented && strncmp(s, "rule", 4) == 0 && (s[4] == ' ' || s[4] == '\t')) {
			/* Finish the previous rule, then open a new one. */
			if (cur && (bad || rules_compile_rule(set, cur, err) < 0)) {
				rules_rule_free(cur);
				set->n--;
			}
			bad = 0;
			cur = NULL;
			if (set->n >= RULES_MAX) {
				rules_error(err, "%s, line %d: more than %d rules", file, line, RULES_MAX);
				free(buf);
				break;
			}
			if (set->n == set->cap) {
				set->cap = set->cap ? set->cap * 2 : 64;
				set->v = rules_xrealloc(set->v, set->cap * sizeof(rules_rule));
			}
			cur = set->v + set->n++;
			memset(cur, 0, sizeof(*cur));
			cur->pub.id = om_xstrdup(om_trim(s + 5));
			cur->pub.file = file;
			cur->pub.line = line;
			cur->pub.scopes = OM_SCOPE_BODY | OM_SCOPE_SUBJECT | OM_SCOPE_ATTACHMENT;
			cur->pub.weight = 1;
			cur->ctx_before = 20;
			cur->anchor_before = -1;
			cur->anchor_after = -1;
			cur->ctx_after = 0;
			cur->pub.mask = OM_MASK_DIGITS;
			cur->ctx_need = -1;
			if (strspn(cur->pub.id, "abcdefghijklmnopqrstuvwxyz0123456789._-") != strlen(cur->pub.id)
			    || *cur->pub.id == 0) {
				rules_error(err, "%s, line %d: bad rule id \"%s\" (a-z 0-9 . _ -)", file, line, cur->pub.id);
				bad = 1;
			}
			free(buf);
			continue;
		}
		if (cur == NULL || !indented || (eq = strchr(s, '=')) == NULL) {
			rules_error(err, "%s, line %d: expected \"rule ID\" or an indented \"key = value\"",
				    file, line);
			free(buf);
			continue;
		}
		*eq = 0;
		if (rule_attr(cur, om_trim(s), om_trim(eq + 1), line, file, err) < 0)
			bad = 1;
		free(buf);
	}
	if (cur && (bad || rules_compile_rule(set, cur, err) < 0)) {
		rules_rule_free(cur);
		set->n--;
	}
	for (size_t i = keep_from; i < set->n; i++)
		if (set->v[i].ctx_need < 0)
			set->v[i].ctx_need = set->v[i].ncontext > 0 && set->v[i].ctx_bonus == 0;
}
