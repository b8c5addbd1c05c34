/*++
 * NAME
 *	om_rules 3
 * SUMMARY
 *	rule-file parser, compiler and matcher
 * DESCRIPTION
 *	See om_rules.h and omamori-rules(5). The file format is line
 *	based: "rule ID" opens a rule, indented "key = value" lines
 *	describe it, "#" starts a comment line.
 *
 *	Speed: each rule's anchor, or else its pattern in prefilter mode,
 *	goes into one vectorscan database; rules with anchor_digits alone
 *	take their windows from one pass that finds digit runs. PCRE2 then
 *	runs only in those windows, with an offset limit at the last place
 *	a match may start. A pattern vectorscan cannot take even as a
 *	prefilter is confirmed with PCRE2 on every text of its scopes.
 *	The context words of near_context rules are in the first database
 *	too: a window of such a rule with none of its words near is
 *	dropped before PCRE2, and such a rule without an anchor takes its
 *	windows from those words alone. The other keywords (exclude,
 *	veto, other context) have a database of their own, scanned over
 *	each candidate's neighbourhood, or over the whole text once those
 *	scans would read more than it. Per text, the work after the first
 *	pass follows the rules it touched (kept in per-thread arrays that
 *	are reset entry by entry), so rules that find nothing cost nothing.
 *--*/
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <dirent.h>
#include <errno.h>
#include <hs/hs.h>
#include <openssl/evp.h>
#include <limits.h>
#include <pcre2.h>
#include <pthread.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "om_buf.h"
#include "om_charset.h"
#include "om_log.h"
#include "om_norm.h"
#include "om_rules.h"

#define RULES_FILE_MAX		(4 * 1024 * 1024)
#define RULES_FILES_MAX		1000
#define RULES_MAX		10000
#define RULES_WORDS_MAX		200
#define RULES_EXAMPLES_MAX	100
#define RULES_WINDOW_MAX	500
#define RULES_MATCHES_MAX	100000	/* per rule per text */
#define RULES_MATCH_LIMIT	1000000
#define RULES_DEPTH_LIMIT	10000
#define RULES_WIDTH_MAX		4096	/* widest window confirmed on its own */
#define RULES_MARGIN		64	/* bytes after a window, for lookahead */
#define RULES_ANCHOR_SPAN	240	/* bytes a match may lie from its anchor */
#define RULES_ANCHOR_MAX	200	/* anchor_before/after, characters */
#define RULES_CHAR_BYTES	4	/* longest UTF-8 character */
#define RULES_DIGITS_MAX	64	/* anchor_digits, digits */
#define RULES_JOIN_MAX		3	/* joiner bytes between two digits of a run */
#define RULES_WINDOWS_MAX	65536	/* per text, then whole-text confirms */
#define RULES_OCC_MAX		262144	/* keyword occurrences per text, then memmem */
#define RULES_KW_CALL		256	/* bytes a keyword scan reads in the time a call costs */
#define RULES_NEAR_MAX		64	/* keywords kept from one candidate's neighbourhood */

/* One rule's keyword lists, as indexes into the set's distinct words. */
typedef struct rule_kw {
	unsigned *context, *exclude, *veto;
} rule_kw;

struct om_ruleset {
	om_rule *v;
	size_t	n;
	size_t	cap;
	char  **files;
	size_t	nfiles;
	hs_database_t *db;
	unsigned long serial;		/* unique per set, for scratch reuse */
	/* Keywords: every distinct context/exclude/veto word. */
	char  **kw;			/* the words (pointers into the rules) */
	size_t	nkw;
	hs_database_t *kwdb;		/* the words, when a text needs them all */
	unsigned *gate;			/* context words of near_context rules, */
	size_t	ngate;			/* ... in db too, with ids n + word */
	unsigned *digit_rules;		/* rules with anchor_digits, fewest first */
	size_t	ndigit;
	unsigned *whole;		/* rules confirmed over the whole text, ascending */
	size_t	nwhole;
	unsigned *ctxw;			/* rules with windows from their context words */
	size_t	nctxw;
	rule_kw *rkw;			/* per rule: its words as indexes into kw */
	unsigned *twin;			/* per rule: next rule with the same prefilter expression */
	EVP_MD_CTX *digest;		/* over every file read, while loading */
	char	version[40];		/* "rules sha256:<16 hex>" */
};

/* rules_error - record one problem */
static void __attribute__((format(printf, 2, 3)))
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

/* xrealloc - realloc or die */
static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		om_panic("out of memory");
	return (p);
}

/* trim - strip white space at both ends, in place */
static char *
trim(char *s)
{
	char   *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = 0;
	return (s);
}

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
		if (*trim(w)) {
			char   *t = om_xstrdup(trim(w));

			*out = xrealloc(*out, (*nout + 1) * sizeof(char *));
			(*out)[(*nout)++] = t;
		}
		free(w);
		p += n;
		if (*p == '|')
			p++;
	}
}

/* rule_free - release one rule's members */
static void
rule_free(om_rule *r)
{
	free(r->id);
	free(r->category);
	free(r->pattern);
	free(r->anchor);
	free(r->validator_name);
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

static void set_version(om_ruleset *set);

/* om_rules_free - release a set */
void
om_rules_free(om_ruleset *set)
{
	if (set == NULL)
		return;
	if (set->digest)
		EVP_MD_CTX_free(set->digest);
	for (size_t i = 0; i < set->n; i++)
		rule_free(set->v + i);
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
	if (errno || end == value || *trim(end) || v < 0 || v > max)
		return (-1);
	*out = v;
	return (0);
}

/* rule_attr - apply one "key = value" line to a rule; 0 or -1 */
static int
rule_attr(om_rule *r, const char *key, const char *value, int line,
	  const char *file, om_rules_err *err)
{
	double  d;

	if (strcmp(key, "category") == 0) {
		free(r->category);
		r->category = om_xstrdup(value);
	} else if (strcmp(key, "pattern") == 0) {
		free(r->pattern);
		r->pattern = om_xstrdup(value);
		r->pattern_line = line;
	} else if (strcmp(key, "scope") == 0) {
		if (parse_scopes(value, &r->scopes) < 0) {
			rules_error(err, "%s, line %d: bad scope \"%s\" (body subject header attachment filename all)",
				    file, line, value);
			return (-1);
		}
	} else if (strcmp(key, "weight") == 0) {
		if (parse_number(value, 1000, &r->weight) < 0) {
			rules_error(err, "%s, line %d: bad weight \"%s\"", file, line, value);
			return (-1);
		}
	} else if (strcmp(key, "validate") == 0) {
		free(r->validator_name);
		r->validator_name = om_xstrdup(value);
		if ((r->validator = om_validate_lookup(value)) == NULL) {
			rules_error(err, "%s, line %d: unknown validator \"%s\"", file, line, value);
			return (-1);
		}
	} else if (strcmp(key, "mask") == 0) {
		if (om_mask_parse(value, &r->mask) < 0) {
			rules_error(err, "%s, line %d: unknown mask \"%s\"", file, line, value);
			return (-1);
		}
	} else if (strcmp(key, "context") == 0) {
		split_bar(value, &r->context, &r->ncontext);
	} else if (strcmp(key, "exclude") == 0) {
		split_bar(value, &r->exclude, &r->nexclude);
	} else if (strcmp(key, "anchor") == 0) {
		free(r->anchor);
		r->anchor = om_xstrdup(value);
	} else if (strcmp(key, "anchor_digits") == 0) {
		if (parse_number(value, RULES_DIGITS_MAX, &d) < 0 || d < 1) {
			rules_error(err, "%s, line %d: bad anchor_digits \"%s\" (1..%d digits)",
				    file, line, value, RULES_DIGITS_MAX);
			return (-1);
		}
		r->anchor_digits = (int) d;
	} else if (strcmp(key, "anchor_before") == 0 || strcmp(key, "anchor_after") == 0) {
		if (parse_number(value, RULES_ANCHOR_MAX, &d) < 0) {
			rules_error(err, "%s, line %d: bad %s \"%s\" (0..%d characters)",
				    file, line, key, value, RULES_ANCHOR_MAX);
			return (-1);
		}
		if (key[7] == 'b')
			r->anchor_before = (int) d;
		else
			r->anchor_after = (int) d;
	} else if (strcmp(key, "report") == 0) {
		if (parse_number(value, 9, &d) < 0) {
			rules_error(err, "%s, line %d: report is a capture group number 0..9", file, line);
			return (-1);
		}
		r->report = (int) d;
	} else if (strcmp(key, "veto") == 0) {
		split_bar(value, &r->veto, &r->nveto);
	} else if (strcmp(key, "context_before") == 0 || strcmp(key, "context_after") == 0) {
		if (parse_number(value, RULES_WINDOW_MAX, &d) < 0) {
			rules_error(err, "%s, line %d: bad window \"%s\" (0..%d characters)",
				    file, line, value, RULES_WINDOW_MAX);
			return (-1);
		}
		if (key[8] == 'b')
			r->ctx_before = (unsigned) d;
		else
			r->ctx_after = (unsigned) d;
	} else if (strcmp(key, "near_context") == 0) {
		if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0) {
			rules_error(err, "%s, line %d: near_context is yes or no", file, line);
			return (-1);
		}
		r->near_context = strcmp(value, "yes") == 0;
	} else if (strcmp(key, "context_required") == 0) {
		if (strcmp(value, "yes") == 0)
			r->ctx_need = 1;
		else if (strcmp(value, "no") == 0)
			r->ctx_need = 0;
		else {
			rules_error(err, "%s, line %d: context_required is yes or no", file, line);
			return (-1);
		}
	} else if (strcmp(key, "context_bonus") == 0) {
		if (parse_number(value, 1000, &r->ctx_bonus) < 0) {
			rules_error(err, "%s, line %d: bad context_bonus \"%s\"", file, line, value);
			return (-1);
		}
	} else if (strcmp(key, "match") == 0 || strcmp(key, "nomatch") == 0) {
		if (r->nexamples >= RULES_EXAMPLES_MAX) {
			rules_error(err, "%s, line %d: more than %d examples", file, line, RULES_EXAMPLES_MAX);
			return (-1);
		}
		r->examples = xrealloc(r->examples, (r->nexamples + 1) * sizeof(*r->examples));
		r->examples[r->nexamples].text = om_xstrdup(value);
		r->examples[r->nexamples].line = line;
		r->examples[r->nexamples].must_match = key[0] == 'm';
		r->nexamples++;
	} else {
		rules_error(err, "%s, line %d: unknown attribute \"%s\"", file, line, key);
		return (-1);
	}
	return (0);
}

/* rule_compile - check a parsed rule and compile its pattern; 0 or -1 */
static int
rule_compile(om_ruleset *set, om_rule *r, om_rules_err *err)
{
	int     ecode;
	PCRE2_SIZE eoff;

	if (r->category == NULL || r->pattern == NULL) {
		rules_error(err, "%s, line %d: rule %s needs a category and a pattern",
			    r->file, r->line, r->id);
		return (-1);
	}
	if (r->near_context && (r->ncontext == 0 || r->ctx_need == 0 || (r->ctx_need < 0 && r->ctx_bonus != 0))) {
		rules_error(err, "%s, line %d: rule %s: near_context needs context words it requires",
			    r->file, r->line, r->id);
		return (-1);
	}
	if (r->anchor == NULL && r->anchor_digits == 0 && (r->anchor_before >= 0 || r->anchor_after >= 0)) {
		rules_error(err, "%s, line %d: rule %s: anchor_before/anchor_after need an anchor or anchor_digits",
			    r->file, r->line, r->id);
		return (-1);
	}
	for (size_t i = 0; i < set->n; i++) {
		if (set->v + i != r && strcmp(set->v[i].id, r->id) == 0) {
			rules_error(err, "%s, line %d: rule %s is already defined at %s, line %d",
				    r->file, r->line, r->id, set->v[i].file, set->v[i].line);
			return (-1);
		}
	}
	r->re = pcre2_compile((PCRE2_SPTR) r->pattern, PCRE2_ZERO_TERMINATED,
			      PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C | PCRE2_USE_OFFSET_LIMIT, &ecode, &eoff, NULL);
	if (r->re == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(ecode, msg, sizeof(msg));
		rules_error(err, "%s, line %d: error at offset %zu: %s", r->file,
			    r->pattern_line, (size_t) eoff, (char *) msg);
		return (-1);
	}
	/* JIT is a speed-up; without it the interpreter gives the same answers. */
	(void) pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE);
	return (0);
}

/* parse_text - add the rules of one file's text to the set */
static void
parse_text(om_ruleset *set, const char *file, const char *text, om_rules_err *err)
{
	const char *p = text;
	om_rule *cur = NULL;
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
		s = trim(buf);
		if (*s == 0 || *s == '#') {
			free(buf);
			continue;
		}
		if (!indented && strncmp(s, "rule", 4) == 0 && (s[4] == ' ' || s[4] == '\t')) {
			/* Finish the previous rule, then open a new one. */
			if (cur && (bad || rule_compile(set, cur, err) < 0)) {
				rule_free(cur);
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
				set->v = xrealloc(set->v, set->cap * sizeof(om_rule));
			}
			cur = set->v + set->n++;
			memset(cur, 0, sizeof(*cur));
			cur->id = om_xstrdup(trim(s + 5));
			cur->file = file;
			cur->line = line;
			cur->scopes = OM_SCOPE_BODY | OM_SCOPE_SUBJECT | OM_SCOPE_ATTACHMENT;
			cur->weight = 1;
			cur->ctx_before = 20;
			cur->anchor_before = -1;
			cur->anchor_after = -1;
			cur->ctx_after = 0;
			cur->mask = OM_MASK_DIGITS;
			cur->ctx_need = -1;
			if (strspn(cur->id, "abcdefghijklmnopqrstuvwxyz0123456789._-") != strlen(cur->id)
			    || *cur->id == 0) {
				rules_error(err, "%s, line %d: bad rule id \"%s\" (a-z 0-9 . _ -)", file, line, cur->id);
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
		if (rule_attr(cur, trim(s), trim(eq + 1), line, file, err) < 0)
			bad = 1;
		free(buf);
	}
	if (cur && (bad || rule_compile(set, cur, err) < 0)) {
		rule_free(cur);
		set->n--;
	}
	for (size_t i = keep_from; i < set->n; i++)
		if (set->v[i].ctx_need < 0)
			set->v[i].ctx_need = set->v[i].ncontext > 0 && set->v[i].ctx_bonus == 0;
}

/* add_file_name - keep a file name for the life of the set */
static const char *
add_file_name(om_ruleset *set, const char *name)
{
	set->files = xrealloc(set->files, (set->nfiles + 1) * sizeof(char *));
	set->files[set->nfiles] = om_xstrdup(name);
	return (set->files[set->nfiles++]);
}

/* set_finish - build the prefilter database and the match context */
/* kw_add - index of a word among the set's distinct keywords, added if new */
static unsigned
kw_add(om_ruleset *set, char *word)
{
	size_t  w;

	for (w = 0; w < set->nkw; w++)
		if (strcmp(set->kw[w], word) == 0)
			return ((unsigned) w);
	set->kw = xrealloc(set->kw, (set->nkw + 1) * sizeof(char *));
	set->kw[set->nkw] = word;
	return ((unsigned) set->nkw++);
}

/* kw_list - a keyword list as indexes */
static unsigned *
kw_list(om_ruleset *set, char **words, size_t n)
{
	unsigned *v = n ? xrealloc(NULL, n * sizeof(unsigned)) : NULL;

	for (size_t i = 0; i < n; i++)
		v[i] = kw_add(set, words[i]);
	return (v);
}

/* kw_index - the distinct keywords of all rules, and each rule's lists */
static void
kw_index(om_ruleset *set)
{
	set->rkw = xrealloc(NULL, set->n * sizeof(rule_kw));
	for (size_t i = 0; i < set->n; i++) {
		const om_rule *r = set->v + i;

		set->rkw[i].context = kw_list(set, r->context, r->ncontext);
		set->rkw[i].exclude = kw_list(set, r->exclude, r->nexclude);
		set->rkw[i].veto = kw_list(set, r->veto, r->nveto);
	}
}

/*
 * kw_pattern - a keyword as a vectorscan pattern matching its bytes:
 * every byte escaped, no UTF-8 mode, so that "without case" means ASCII
 * letters only, as in word_at().
 */
static char *
kw_pattern(const char *word, unsigned *flags)
{
	static const char hex[] = "0123456789abcdef";
	size_t  n = strlen(word);
	char   *p = xrealloc(NULL, 4 * n + 1), *q = p;

	*flags = 0;
	for (const unsigned char *c = (const unsigned char *) word; *c; c++) {
		if ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z') {
			*q++ = (char) *c;
			*flags |= HS_FLAG_CASELESS;
		} else if (*c >= '0' && *c <= '9') {
			*q++ = (char) *c;
		} else {
			*q++ = '\\';
			*q++ = 'x';
			*q++ = hex[*c >> 4];
			*q++ = hex[*c & 15];
		}
	}
	*q = 0;
	return (p);
}

/*
 * anchor_reach - bytes before the end of an anchor match where a match of
 * its rule may start (side 0), or after it where the rule may still read
 * (side 1). anchor_before/anchor_after are characters, at most 4 bytes
 * each; without them, RULES_ANCHOR_SPAN either way.
 */
static unsigned
anchor_reach(const om_rule *r, int side)
{
	int     chars = side ? r->anchor_after : r->anchor_before;

	if (side == 0)
		return (r->anchor_width + (chars < 0 ? RULES_ANCHOR_SPAN : RULES_CHAR_BYTES * (unsigned) chars));
	/*
	 * anchor_after counts lookahead too: one character more is enough.
	 * PCRE2 tries every start in the window, so this margin is paid at
	 * every anchor.
	 */
	if (chars >= 0)
		return (RULES_CHAR_BYTES * ((unsigned) chars + 1));
	return (RULES_ANCHOR_SPAN + RULES_MARGIN);
}

/*
 * digit_reach - bytes before a digit run where a rule's match may start
 * (side 0), or after it where the rule may still read (side 1), from
 * anchor_before/anchor_after as for an anchor.
 */
static unsigned
digit_reach(const om_rule *r, int side)
{
	int     chars = side ? r->anchor_after : r->anchor_before;

	if (chars < 0)
		return (side ? RULES_ANCHOR_SPAN + RULES_MARGIN : RULES_ANCHOR_SPAN);
	return (RULES_CHAR_BYTES * ((unsigned) chars + (unsigned) side));
}

/* expr_width - longest match of a vectorscan expression, 0 if over cap or unknown */
static unsigned
expr_width(const char *expr, unsigned flags, unsigned cap)
{
	hs_expr_info_t *info = NULL;
	hs_compile_error_t *cerr = NULL;
	unsigned w = 0;

	if (hs_expression_info(expr, flags, &info, &cerr) != HS_SUCCESS) {
		hs_free_compile_error(cerr);
		return (0);
	}
	if (info->max_width != UINT_MAX && info->max_width <= cap)
		w = info->max_width;
	free(info);
	return (w);
}

/* gate_words - the distinct context words of the near_context rules */
static void
gate_words(om_ruleset *set)
{
	unsigned char *seen = xrealloc(NULL, set->nkw + 1);

	memset(seen, 0, set->nkw + 1);
	set->gate = xrealloc(NULL, (set->nkw + 1) * sizeof(unsigned));
	set->ngate = 0;
	for (size_t i = 0; i < set->n; i++) {
		if (!set->v[i].near_context)
			continue;
		for (size_t k = 0; k < set->v[i].ncontext; k++) {
			unsigned w = set->rkw[i].context[k];

			if (!seen[w]) {
				seen[w] = 1;
				set->gate[set->ngate++] = w;
			}
		}
	}
	free(seen);
}

static void
set_finish(om_ruleset *set)
{
	const char **pats;
	char  **gpat;
	unsigned *flags, *ids;
	size_t  np = 0;
	hs_compile_error_t *cerr = NULL;

	set_version(set);
	if (set->n == 0)
		return;
	kw_index(set);
	pats = xrealloc(NULL, set->n * sizeof(char *));
	flags = xrealloc(NULL, set->n * sizeof(unsigned));
	ids = xrealloc(NULL, set->n * sizeof(unsigned));
	for (size_t i = 0; i < set->n; i++) {
		hs_database_t *one = NULL;
		unsigned f = HS_FLAG_PREFILTER | HS_FLAG_UTF8 | HS_FLAG_ALLOWEMPTY;
		const char *hp = set->v[i].anchor ? set->v[i].anchor : set->v[i].pattern;

		set->v[i].prefiltered = 0;
		set->v[i].ctx_windows = 0;
		set->v[i].maxwidth = 0;
		if (set->v[i].near_context && set->v[i].anchor == NULL && set->v[i].anchor_digits == 0) {
			/*
			 * Tried only near its context words, which the pass
			 * looks for anyway: nothing of its own in the database.
			 */
			set->v[i].ctx_windows = 1;
			set->v[i].maxwidth = expr_width(set->v[i].pattern, f, RULES_WIDTH_MAX);
			continue;
		}
		if (set->v[i].anchor_digits && set->v[i].anchor == NULL) {
			/* Its windows come from the digit-run pass alone. */
			set->v[i].prefiltered = 1;
			continue;
		}
		if (set->v[i].anchor) {
			/* An anchor: every match lies within RULES_ANCHOR_SPAN of one. */
			f = HS_FLAG_UTF8;
			if (hs_compile(hp, f, HS_MODE_BLOCK, NULL, &one, &cerr) != HS_SUCCESS) {
				om_warn("%s, line %d: rule %s: bad anchor: %s", set->v[i].file,
					set->v[i].line, set->v[i].id, cerr ? cerr->message : "?");
				hs_free_compile_error(cerr);
				cerr = NULL;
				continue;
			}
			hs_free_database(one);
			set->v[i].anchor_width = expr_width(hp, f, RULES_ANCHOR_SPAN);
			if (set->v[i].anchor_width == 0)
				set->v[i].anchor_width = RULES_ANCHOR_SPAN;
			set->v[i].maxwidth = anchor_reach(set->v + i, 0);
			pats[np] = hp;
			flags[np] = f;
			ids[np] = (unsigned) i;
			np++;
			continue;
		}
		/*
		 * A bounded pattern reports every match end, and PCRE2 then looks
		 * only at the windows that end there; an unbounded one just says
		 * "somewhere", and PCRE2 reads the whole text.
		 */
		set->v[i].maxwidth = expr_width(set->v[i].pattern, f, RULES_WIDTH_MAX);
		if (set->v[i].maxwidth == 0)
			f |= HS_FLAG_SINGLEMATCH;
		if (hs_compile(set->v[i].pattern, f, HS_MODE_BLOCK, NULL, &one, &cerr) != HS_SUCCESS) {
			om_debug("%s, line %d: rule %s has no prefilter: %s", set->v[i].file,
				 set->v[i].pattern_line, set->v[i].id, cerr ? cerr->message : "?");
			hs_free_compile_error(cerr);
			cerr = NULL;
			continue;
		}
		hs_free_database(one);
		pats[np] = set->v[i].pattern;
		flags[np] = f;
		ids[np] = (unsigned) i;
		np++;
	}
	/*
	 * Rules whose prefilter expressions are the same (the date rules
	 * share one; so do copies of a rule) go into the database once: the
	 * first reports for all its twins.
	 */
	set->twin = xrealloc(NULL, set->n * sizeof(unsigned));
	for (size_t i = 0; i < set->n; i++)
		set->twin[i] = UINT_MAX;
	{
		size_t  kept = 0;

		for (size_t k = 0; k < np; k++) {
			size_t  first = kept;

			for (size_t m = 0; m < kept; m++) {
				if (flags[m] == flags[k] && strcmp(pats[m], pats[k]) == 0) {
					first = m;
					break;
				}
			}
			if (first < kept) {
				unsigned last = ids[first];

				while (set->twin[last] != UINT_MAX)
					last = set->twin[last];
				set->twin[last] = ids[k];
				continue;
			}
			pats[kept] = pats[k];
			flags[kept] = flags[k];
			ids[kept] = ids[k];
			kept++;
		}
		np = kept;
	}

	/*
	 * The context words of the near_context rules join the same pass
	 * (as ids n + word): a window of such a rule with none of its words
	 * near is skipped before PCRE2 sees it, and a rule with no anchor
	 * takes its windows from them. The other keywords stay in their own
	 * database.
	 */
	gate_words(set);
	pats = xrealloc(pats, (np + set->ngate + 1) * sizeof(char *));
	flags = xrealloc(flags, (np + set->ngate + 1) * sizeof(unsigned));
	ids = xrealloc(ids, (np + set->ngate + 1) * sizeof(unsigned));
	gpat = xrealloc(NULL, (set->ngate + 1) * sizeof(char *));
	for (size_t g = 0; g < set->ngate; g++) {
		gpat[g] = kw_pattern(set->kw[set->gate[g]], &flags[np + g]);
		pats[np + g] = gpat[g];
		ids[np + g] = (unsigned) (set->n + set->gate[g]);
	}
	if (np + set->ngate > 0) {
		if (hs_compile_multi(pats, flags, ids, (unsigned) (np + set->ngate), HS_MODE_BLOCK, NULL,
				     &set->db, &cerr) != HS_SUCCESS) {
			om_warn("rule prefilter not built: %s", cerr ? cerr->message : "?");
			hs_free_compile_error(cerr);
			cerr = NULL;
			set->db = NULL;
			set->ngate = 0;
		} else {
			for (size_t k = 0; k < np; k++)
				for (unsigned t = ids[k]; t != UINT_MAX; t = set->twin[t])
					set->v[t].prefiltered = 1;
			for (size_t i = 0; i < set->n; i++)
				if (set->v[i].ctx_windows)
					set->v[i].prefiltered = 1;
		}
	}
	for (size_t g = 0; g < set->ngate; g++)
		free(gpat[g]);
	free(gpat);

	/*
	 * The keywords, as byte literals (ASCII letters without case), in
	 * a database of their own: it is scanned only when a text has
	 * enough candidates to need them (see kw_find).
	 */
	if (set->nkw > 0) {
		char  **kwpat = xrealloc(NULL, set->nkw * sizeof(char *));

		pats = xrealloc(pats, set->nkw * sizeof(char *));
		flags = xrealloc(flags, set->nkw * sizeof(unsigned));
		ids = xrealloc(ids, set->nkw * sizeof(unsigned));
		for (size_t w = 0; w < set->nkw; w++) {
			kwpat[w] = kw_pattern(set->kw[w], &flags[w]);
			pats[w] = kwpat[w];
			ids[w] = (unsigned) w;
		}
		if (hs_compile_multi(pats, flags, ids, (unsigned) set->nkw, HS_MODE_BLOCK, NULL,
				     &set->kwdb, &cerr) != HS_SUCCESS) {
			/* The keywords are then searched near each candidate. */
			om_warn("keyword database not built: %s", cerr ? cerr->message : "?");
			hs_free_compile_error(cerr);
			set->kwdb = NULL;
		}
		for (size_t w = 0; w < set->nkw; w++)
			free(kwpat[w]);
		free(kwpat);
	}

	/* The rules anchored on digit runs, fewest digits first. */
	set->digit_rules = xrealloc(NULL, set->n * sizeof(unsigned));
	set->ndigit = 0;
	for (int d = 1; d <= RULES_DIGITS_MAX; d++)
		for (size_t i = 0; i < set->n; i++)
			if (set->v[i].anchor_digits == d && set->v[i].prefiltered)
				set->digit_rules[set->ndigit++] = (unsigned) i;
	/* Lists, so that a scan's work follows what it found, not the rule count. */
	set->whole = xrealloc(NULL, set->n * sizeof(unsigned));
	set->ctxw = xrealloc(NULL, set->n * sizeof(unsigned));
	set->nwhole = set->nctxw = 0;
	for (size_t i = 0; i < set->n; i++) {
		if (!set->v[i].prefiltered)
			set->whole[set->nwhole++] = (unsigned) i;
		else if (set->v[i].ctx_windows)
			set->ctxw[set->nctxw++] = (unsigned) i;
	}
	free(pats);
	free(flags);
	free(ids);
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
	parse_text(set, add_file_name(set, name), text, err);
	if (err && err->count > before && !(flags & OM_RULES_KEEP_GOING)) {
		om_rules_free(set);
		return (NULL);
	}
	set_finish(set);
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
			names = xrealloc(names, (nnames + 1) * sizeof(char *));
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
			parse_text(set, add_file_name(set, path), text, err);
			free(text);
		}
		free(names[i]);
	}
	free(names);
	if (err && err->count > before && !(flags & OM_RULES_KEEP_GOING)) {
		om_rules_free(set);
		return (NULL);
	}
	set_finish(set);
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
	return (set && i < set->n ? set->v + i : NULL);
}

/* om_rules_find - rule by id, or NULL */
const om_rule *
om_rules_find(const om_ruleset *set, const char *id)
{
	for (size_t i = 0; set && i < set->n; i++)
		if (strcmp(set->v[i].id, id) == 0)
			return (set->v + i);
	return (NULL);
}

/* Per-thread matching state. */
typedef struct rules_tls {
	hs_scratch_t *scratch;
	unsigned long scratch_set;	/* serial of the set it was last sized for */
	pcre2_match_data *md;
	pcre2_match_context *mctx;	/* limits, and the last start of each window */
	/* Per rule, kept zero between scans (only touched entries are reset). */
	unsigned char *flagged;		/* 1 may match, 2 confirm the whole text */
	struct rules_win *open;		/* the window being grown */
	unsigned *slot;			/* place among the touched rules, while ordering */
	unsigned *touched;		/* the rules flagged in this scan */
	size_t	cap;			/* rules the arrays hold */
	int	busy;			/* a scan is running on this thread */
} rules_tls;

static pthread_key_t tls_key;
static pthread_once_t tls_once = PTHREAD_ONCE_INIT;

/* tls_free - thread exit */
static void
tls_free(void *p)
{
	rules_tls *t = p;

	if (t->scratch)
		hs_free_scratch(t->scratch);
	if (t->md)
		pcre2_match_data_free(t->md);
	if (t->mctx)
		pcre2_match_context_free(t->mctx);
	free(t->flagged);
	free(t->open);
	free(t->slot);
	free(t->touched);
	free(t);
}

/* tls_init - once */
static void
tls_init(void)
{
	if (pthread_key_create(&tls_key, tls_free) != 0)
		om_panic("pthread_key_create failed");
}

/* tls_get - this thread's state */
static rules_tls *
tls_get(void)
{
	rules_tls *t;

	pthread_once(&tls_once, tls_init);
	if ((t = pthread_getspecific(tls_key)) == NULL) {
		t = calloc(1, sizeof(*t));
		if (t == NULL || (t->md = pcre2_match_data_create(10, NULL)) == NULL
		    || (t->mctx = pcre2_match_context_create(NULL)) == NULL)
			om_panic("out of memory");
		pcre2_set_match_limit(t->mctx, RULES_MATCH_LIMIT);
		pcre2_set_depth_limit(t->mctx, RULES_DEPTH_LIMIT);
		pthread_setspecific(tls_key, t);
	}
	return (t);
}

/* Where vectorscan says rules may match, for one scan. */
typedef struct rules_win {
	unsigned rule;
	size_t	lo, hi;			/* PCRE2 reads [lo, hi) */
	size_t	last;			/* and a match starts at or before this */
} rules_win;

/* Where the keywords occur in one text: ends, grouped by word. */
typedef struct kw_occ {
	unsigned *word;			/* collected: word of each occurrence */
	size_t *end;			/* collected: its end offset; then grouped */
	size_t	n, cap;
	int	overflow;		/* too many: keywords searched the slow way */
	size_t *first;			/* per word: index of its first end, nkw + 1 */
} kw_occ;

typedef struct prefilter_state {
	const om_ruleset *set;
	const char *text;
	size_t	len;
	rules_tls *tls;
	size_t	ntouched;		/* entries of tls->touched */
	kw_occ	occ;
	int	occ_state;		/* 0 not looked for, 1 found, -1 search near each */
	kw_occ	gocc;			/* the context words of the gated rules */
	size_t	kw_cost;		/* bytes the keywords were scanned near candidates */
	unsigned char *flagged;		/* per rule (tls): 1 may match, 2 confirm whole text */
	rules_win *open;		/* per rule (tls): the window being grown */
	rules_win *wins;		/* closed windows */
	size_t	nwins;
	size_t	cap;
} prefilter_state;

/* flag - mark a rule as may match (1) or to confirm over the whole text (2) */
static void
flag(prefilter_state *ps, unsigned id, unsigned char how)
{
	if (ps->flagged[id] == 0)
		ps->tls->touched[ps->ntouched++] = id;
	if (how > ps->flagged[id])
		ps->flagged[id] = how;
}

/* win_close - move a rule's open window to the closed list */
static void
win_close(prefilter_state *ps, unsigned id)
{
	rules_win *w = ps->open + id;

	if (w->hi == 0)
		return;
	if (ps->nwins >= RULES_WINDOWS_MAX) {
		flag(ps, id, 2);
	} else {
		if (ps->nwins == ps->cap) {
			ps->cap = ps->cap ? ps->cap * 2 : 64;
			ps->wins = xrealloc(ps->wins, ps->cap * sizeof(rules_win));
		}
		ps->wins[ps->nwins++] = *w;
	}
	w->hi = 0;
}

/* win_add - PCRE2 is to look at [lo, hi) for this rule, for a match starting by last */
static void
win_add(prefilter_state *ps, unsigned id, size_t lo, size_t hi, size_t last)
{
	rules_win *w = ps->open + id;

	flag(ps, id, 1);
	if (ps->flagged[id] == 2)
		return;
	if (w->hi != 0 && lo <= w->hi && lo >= w->lo) {
		if (hi > w->hi)
			w->hi = hi;
		if (last > w->last)
			w->last = last;
		return;
	}
	win_close(ps, id);
	w->rule = id;
	w->lo = lo;
	w->hi = hi;
	w->last = last;
}

static int on_keyword(unsigned int, unsigned long long, unsigned long long, unsigned int, void *);

/* on_prefilter - vectorscan says this rule may match, ending here */
static int
on_prefilter(unsigned int id, unsigned long long from, unsigned long long to,
	     unsigned int fl, void *ctx)
{
	prefilter_state *ps = ctx;
	const om_rule *r;
	size_t  lo, hi, reach;

	if (id >= ps->set->n) {
		/* A context word; past the bound, windows are not gated. */
		(void) on_keyword(id - (unsigned) ps->set->n, from, to, fl, &ps->gocc);
		return (0);
	}
	for (; id != UINT_MAX; id = ps->set->twin[id]) {
		r = ps->set->v + id;
		if (r->maxwidth == 0) {
			flag(ps, id, 2);
			continue;
		}
		lo = to > r->maxwidth ? (size_t) to - r->maxwidth : 0;
		reach = r->anchor ? anchor_reach(r, 1) : RULES_MARGIN;
		hi = (size_t) to + reach < ps->len ? (size_t) to + reach : ps->len;
		/*
		 * A match ends where the expression matched, so starts by
		 * then; so does one near an anchor given anchor_before (it
		 * starts before the anchor's end). Otherwise anywhere.
		 */
		win_add(ps, id, lo, hi, !r->anchor || r->anchor_before >= 0 ? (size_t) to : hi);
	}
	return (0);
}

/* is_digit / is_joiner - the bytes of a digit run */
#define is_digit(c)	((unsigned char) ((c) - '0') <= 9)
#define is_joiner(c)	((c) == ' ' || (c) == '-' || (c) == '.' || (c) == '/' \
			 || (c) == '(' || (c) == ')' || (c) == '\t')

/*
 * The digits of 64 bytes of text as bits, kept between calls: a text's
 * digit runs are mostly a few bytes apart ("2024年7月2日 10:00"), and the
 * next one is then found in the mask already made. Blocks start at
 * multiples of 64, so no byte is looked at twice.
 */
typedef struct digit_mask {
	size_t	base;			/* bit k: t[base + k] is a digit */
	uint64_t bits;
	int	valid;
} digit_mask;

/* digit_bits - the digit mask of the 64 bytes from base (fewer at the end) */
static uint64_t
digit_bits(const char *t, size_t base, size_t len)
{
	uint64_t m = 0;

#ifdef __SSE2__
	if (base + 64 <= len) {
		const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);

		for (int q = 0; q < 4; q++) {
			__m128i v = _mm_sub_epi8(_mm_loadu_si128((const __m128i *) (t + base + 16 * q)), zero);

			m |= (uint64_t) (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, nine), v))
			    << (16 * q);
		}
		return (m);
	}
#endif
	for (size_t k = 0; k < 64 && base + k < len; k++)
		if (is_digit(t[base + k]))
			m |= (uint64_t) 1 << k;
	return (m);
}

/* next_digit - offset of the first ASCII digit at or after i, else len */
static size_t
next_digit(digit_mask *dm, const char *t, size_t i, size_t len)
{
	for (;;) {
		if (!dm->valid || i < dm->base || i >= dm->base + 64) {
			if (i >= len)
				return (len);
			/* Blocks on multiples of 64 from the text's start: each made once. */
			dm->base = i & ~(size_t) 63;
			dm->bits = digit_bits(t, dm->base, len);
			dm->valid = 1;
		}
		{
			uint64_t m = dm->bits >> (i - dm->base);

			if (m)
				return (i + (size_t) __builtin_ctzll(m));
		}
		i = dm->base + 64;
	}
}

/*
 * digit_runs - windows for the rules anchored on digit runs. A run is
 * ASCII digits, each pair joined by at most RULES_JOIN_MAX joiner bytes
 * (blank, tab, - . / ( )); a rule whose anchor_digits the run reaches
 * gets the run, widened by its anchor_before/anchor_after. One pass,
 * whatever the number of such rules.
 */
static void
digit_runs(prefilter_state *ps, unsigned scope, const om_rule *only)
{
	const om_ruleset *set = ps->set;
	const char *t = ps->text;
	digit_mask dm = {.valid = 0};
	size_t  len = ps->len, i = next_digit(&dm, t, 0, len);
	unsigned least = (unsigned) set->v[set->digit_rules[0]].anchor_digits;

	while (i < len) {
		size_t  start = i, end, j;
		unsigned nd = 0;

		for (;;) {
			while (i < len && is_digit(t[i])) {
				nd++;
				i++;
			}
			end = i;
			for (j = i; j < len && j - i < RULES_JOIN_MAX && is_joiner(t[j]); j++)
				;
			if (j == i || j >= len || !is_digit(t[j]))
				break;
			i = j;
		}
		if (nd >= least) {
			for (size_t k = 0; k < set->ndigit; k++) {
				unsigned id = set->digit_rules[k];
				const om_rule *r = set->v + id;
				size_t  before = digit_reach(r, 0), after = digit_reach(r, 1);

				if ((unsigned) r->anchor_digits > nd)
					break;
				if ((only && r != only) || !(r->scopes & scope))
					continue;
				/* A match holds digits of the run: it starts before its end. */
				win_add(ps, id, start > before ? start - before : 0,
					end + after < len ? end + after : len, end);
			}
		}
		i = next_digit(&dm, t, end, len);
	}
}

/*
 * context_windows - windows for the rules tried near their context
 * words. A word before a match lies wholly within context_before
 * characters of its start; one after it, within context_after
 * characters of its end (as judge() reads them). A rule whose every
 * candidate is asked for, or whose words were too many to keep, is
 * confirmed over the whole text.
 */
static void
context_windows(prefilter_state *ps, unsigned scope, const om_rule *only)
{
	const om_ruleset *set = ps->set;
	const kw_occ *o = &ps->gocc;
	size_t  len = ps->len;

	for (size_t c = 0; c < set->nctxw; c++) {
		unsigned i = set->ctxw[c];
		const om_rule *r = set->v + i;
		size_t  width = (r->maxwidth ? r->maxwidth : RULES_ANCHOR_SPAN) + RULES_MARGIN;
		size_t  before = RULES_CHAR_BYTES * (size_t) r->ctx_before;
		size_t  after = RULES_CHAR_BYTES * (size_t) r->ctx_after;

		if ((only && r != only) || !(r->scopes & scope))
			continue;
		if (o->overflow || (scope & OM_RULES_EVERY_CANDIDATE)) {
			flag(ps, i, 2);
			continue;
		}
		for (size_t k = 0; k < r->ncontext && o->first; k++) {
			unsigned w = set->rkw[i].context[k];
			size_t  wl = strlen(set->kw[w]);

			for (size_t j = o->first[w]; j < o->first[w + 1]; j++) {
				size_t  e = o->end[j], b = e - wl;

				/* The match starts in [e, e + before]. */
				if (before > 0 && e < len)
					win_add(ps, i, e, e + before + width < len ? e + before + width : len,
						e + before);
				/* It ends in [e - after, b]: starts up to width before. */
				if (after > 0 && b > 0)
					win_add(ps, i, e > after + width ? e - after - width : 0,
						b + RULES_MARGIN < len ? b + RULES_MARGIN : len, b);
			}
		}
	}
}

/* win_cmp - by rule, then start */
static int
win_cmp(const void *a, const void *b)
{
	const rules_win *x = a, *y = b;

	if (x->rule != y->rule)
		return (x->rule < y->rule ? -1 : 1);
	return (x->lo < y->lo ? -1 : x->lo > y->lo);
}

/*
 * merge_overlaps - one window where a rule's sorted windows overlap
 * (windows from an anchor and from digit runs may), so that PCRE2 never
 * reports a match twice
 */
static void
merge_overlaps(prefilter_state *ps)
{
	size_t  k = 0;

	for (size_t i = 1; i < ps->nwins; i++) {
		rules_win *a = ps->wins + k, *b = ps->wins + i;

		if (b->rule == a->rule && b->lo <= a->hi) {
			if (b->hi > a->hi)
				a->hi = b->hi;
			if (b->last > a->last)
				a->last = b->last;
		} else {
			ps->wins[++k] = *b;
		}
	}
	ps->nwins = k + 1;
}

/* uint_cmp - ascending */
static int
uint_cmp(const void *a, const void *b)
{
	unsigned x = *(const unsigned *) a, y = *(const unsigned *) b;

	return (x < y ? -1 : x > y);
}

/*
 * wins_order - the touched rules ascending, and the closed windows by
 * rule, then start. The windows were closed in order of end within each
 * rule, so a counting pass over the touched rules nearly always orders
 * them; a rule whose starts are out of order is sorted. The work follows
 * the rules this text touched, not the size of the set.
 */
static void
wins_order(prefilter_state *ps)
{
	unsigned *touched = ps->tls->touched, *slot = ps->tls->slot;
	size_t  nt = ps->ntouched, *first;
	rules_win *out;

	if (nt > 1)
		qsort(touched, nt, sizeof(unsigned), uint_cmp);
	if (ps->nwins < 2)
		return;
	for (size_t k = 0; k < nt; k++)
		slot[touched[k]] = (unsigned) k;
	first = xrealloc(NULL, (nt + 1) * sizeof(size_t));
	memset(first, 0, (nt + 1) * sizeof(size_t));
	for (size_t i = 0; i < ps->nwins; i++)
		first[slot[ps->wins[i].rule] + 1]++;
	for (size_t k = 0; k < nt; k++)
		first[k + 1] += first[k];
	out = xrealloc(NULL, ps->nwins * sizeof(rules_win));
	for (size_t i = 0; i < ps->nwins; i++)
		out[first[slot[ps->wins[i].rule]]++] = ps->wins[i];
	/* first[k] is now the end of the windows of touched rule k */
	for (size_t k = 0, start = 0; k < nt; start = first[k], k++)
		for (size_t m = start + 1; m < first[k]; m++)
			if (out[m].lo < out[m - 1].lo) {
				qsort(out + start, first[k] - start, sizeof(rules_win), win_cmp);
				break;
			}
	free(ps->wins);
	ps->wins = out;
	ps->cap = ps->nwins;
	free(first);
	merge_overlaps(ps);
}

/* back_chars - byte offset n characters before pos, not before lo */
static size_t
back_chars(const char *t, size_t lo, size_t pos, unsigned n)
{
	while (pos > lo && n > 0) {
		pos--;
		while (pos > lo && ((unsigned char) t[pos] & 0xc0) == 0x80)
			pos--;
		n--;
	}
	return (pos);
}

/* fwd_chars - byte offset n characters after pos, not after hi */
static size_t
fwd_chars(const char *t, size_t hi, size_t pos, unsigned n)
{
	while (pos < hi && n > 0) {
		pos++;
		while (pos < hi && ((unsigned char) t[pos] & 0xc0) == 0x80)
			pos++;
		n--;
	}
	return (pos);
}

/* word_at - keyword at t+i, ASCII letters without case */
static int
word_at(const char *t, size_t i, size_t hi, const char *w, size_t wl)
{
	if (i + wl > hi)
		return (0);
	for (size_t k = 0; k < wl; k++) {
		unsigned char a = (unsigned char) t[i + k], b = (unsigned char) w[k];

		if (a != b && !(a < 0x80 && b < 0x80 && (a | 0x20) == (b | 0x20)
				&& (a | 0x20) >= 'a' && (a | 0x20) <= 'z'))
			return (0);
	}
	return (1);
}

/* nearest - distance in bytes to the nearest keyword in the windows; -1 none */
static long
nearest(const char *t, size_t len, size_t start, size_t end, char **words,
	size_t nwords, unsigned before, unsigned after)
{
	size_t  lo = back_chars(t, 0, start, before);
	size_t  hi = fwd_chars(t, len, end, after);
	long    best = -1;

	for (size_t w = 0; w < nwords; w++) {
		size_t  wl = strlen(words[w]);
		int     caseless = 0;

		for (size_t k = 0; k < wl; k++)
			if (((unsigned char) words[w][k] | 0x20) >= 'a' && ((unsigned char) words[w][k] | 0x20) <= 'z')
				caseless = 1;
		if (!caseless) {
			/* Exact keywords (kanji, kana, digits): memmem does the work. */
			const char *p = t + lo, *q;

			while (p < t + start && (q = memmem(p, (size_t) (t + start - p), words[w], wl)) != NULL) {
				long    d = (long) (start - (size_t) (q - t + wl));

				if (best < 0 || d < best)
					best = d;
				p = q + 1;
			}
			if (hi > end && (q = memmem(t + end, hi - end, words[w], wl)) != NULL) {
				long    d = (long) (q - t - (long) end);

				if (best < 0 || d < best)
					best = d;
			}
			continue;
		}
		/* before: the occurrence ending closest to the match */
		for (size_t i = lo; i + wl <= start && i < start; i++) {
			if (word_at(t, i, start, words[w], wl)) {
				long    d = (long) (start - (i + wl));

				if (best < 0 || d < best)
					best = d;
			}
		}
		for (size_t i = end; i < hi; i++) {
			if (word_at(t, i, hi, words[w], wl)) {
				long    d = (long) (i - end);

				if (best < 0 || d < best)
					best = d;
				break;
			}
		}
	}
	return (best);
}

/* size_cmp - ascending offsets */
static int
size_cmp(const void *a, const void *b)
{
	size_t  x = *(const size_t *) a, y = *(const size_t *) b;

	return (x < y ? -1 : x > y);
}

/* occ_group - order the collected keyword ends by word, then offset */
static void
occ_group(kw_occ *o, size_t nkw)
{
	size_t *sorted, *fill;

	if (o->n == 0)
		return;			/* first stays NULL: no word occurs */
	o->first = xrealloc(NULL, (nkw + 1) * sizeof(size_t));
	memset(o->first, 0, (nkw + 1) * sizeof(size_t));
	if (o->overflow)
		return;
	for (size_t i = 0; i < o->n; i++)
		o->first[o->word[i] + 1]++;
	for (size_t w = 0; w < nkw; w++)
		o->first[w + 1] += o->first[w];
	sorted = xrealloc(NULL, (o->n ? o->n : 1) * sizeof(size_t));
	fill = xrealloc(NULL, (nkw ? nkw : 1) * sizeof(size_t));
	memcpy(fill, o->first, nkw * sizeof(size_t));
	for (size_t i = 0; i < o->n; i++)
		sorted[fill[o->word[i]]++] = o->end[i];
	/* vectorscan reports in order of end, nearly always: sort only if not */
	for (size_t w = 0; w < nkw; w++)
		for (size_t k = o->first[w] + 1; k < o->first[w + 1]; k++)
			if (sorted[k] < sorted[k - 1]) {
				qsort(sorted + o->first[w], o->first[w + 1] - o->first[w], sizeof(size_t),
				      size_cmp);
				break;
			}
	free(o->end);
	free(fill);
	o->end = sorted;
}

/* occ_free - the occurrences of one text */
static void
occ_free(kw_occ *o)
{
	free(o->word);
	free(o->end);
	free(o->first);
}

/* first_at_least - index of the first of v[lo..hi) that is >= x, else hi */
static size_t
first_at_least(const size_t *v, size_t lo, size_t hi, size_t x)
{
	while (lo < hi) {
		size_t  mid = lo + (hi - lo) / 2;

		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

/* chars_within - [a, b) holds at most n characters */
static int
chars_within(const char *t, size_t a, size_t b, unsigned n)
{
	size_t  c = 0;

	for (size_t i = a; i < b; i++)
		if ((((unsigned char) t[i]) & 0xc0) != 0x80 && ++c > n)
			return (0);
	return (1);
}

/*
 * nearest_occ - as nearest(), from the keyword occurrences the
 * prefilter pass collected: a binary search per word, not a search of
 * the text.
 */
static long
nearest_occ(const om_ruleset *set, const kw_occ *o, const char *t, size_t start, size_t end,
	    const unsigned *words, size_t nwords, unsigned before, unsigned after)
{
	long    best = -1;

	for (size_t k = 0; k < nwords && o->first; k++) {
		unsigned w = words[k];
		size_t  wl = strlen(set->kw[w]), lo = o->first[w], hi = o->first[w + 1], i;

		/* Before: the last occurrence that ends at or before the match. */
		i = first_at_least(o->end, lo, hi, start + 1);
		if (i > lo && o->end[i - 1] >= wl && chars_within(t, o->end[i - 1] - wl, start, before)) {
			long    d = (long) (start - o->end[i - 1]);

			if (best < 0 || d < best)
				best = d;
		}
		/* After: the first that starts at or after its end. */
		i = first_at_least(o->end, lo, hi, end + wl);
		if (i < hi && chars_within(t, end, o->end[i], after)) {
			long    d = (long) (o->end[i] - wl - end);

			if (best < 0 || d < best)
				best = d;
		}
	}
	return (best);
}

/* occ_near - a word of the list ends within [lo, hi] */
static int
occ_near(const kw_occ *o, const unsigned *words, size_t nwords, size_t lo, size_t hi)
{
	for (size_t k = 0; k < nwords && o->first; k++) {
		size_t  i = first_at_least(o->end, o->first[words[k]], o->first[words[k] + 1], lo);

		if (i < o->first[words[k] + 1] && o->end[i] <= hi)
			return (1);
	}
	return (0);
}

/* on_keyword - a keyword ends here */
static int
on_keyword(unsigned int id, unsigned long long from, unsigned long long to,
	   unsigned int fl, void *ctx)
{
	kw_occ *o = ctx;

	if (o->n >= RULES_OCC_MAX) {
		o->overflow = 1;
		return (1);
	}
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 256;
		o->word = xrealloc(o->word, o->cap * sizeof(unsigned));
		o->end = xrealloc(o->end, o->cap * sizeof(size_t));
	}
	o->word[o->n] = id;
	o->end[o->n++] = (size_t) to;
	return (0);
}

/*
 * kw_find - where every keyword occurs in the text, in one pass of the
 * keyword database. Until searching near each candidate would have read
 * more than the text's length, the keywords are searched near each
 * candidate instead: most texts have no candidate or a few.
 */
static void
kw_find(prefilter_state *ps)
{
	hs_error_t e;

	if (ps->occ_state != 0)
		return;
	ps->occ_state = -1;
	if (ps->set->kwdb == NULL)
		return;
	e = hs_scan(ps->set->kwdb, ps->text, (unsigned) (ps->len > 0xffffffffu ? 0xffffffffu : ps->len),
		    0, ps->tls->scratch, on_keyword, &ps->occ);
	if (e != HS_SUCCESS && e != HS_SCAN_TERMINATED) {
		om_warn("vectorscan: keyword scan failed (%d)", (int) e);
		return;
	}
	occ_group(&ps->occ, ps->set->nkw);
	if (!ps->occ.overflow)
		ps->occ_state = 1;
}

/* The keywords around one candidate, from a scan of its neighbourhood. */
typedef struct kw_near {
	size_t	base;			/* offset of the scanned bytes */
	size_t	n;
	int	overflow;
	struct {
		unsigned word;
		size_t	end;
	}	v[RULES_NEAR_MAX];
} kw_near;

/* on_near - a keyword ends here, in the scanned neighbourhood */
static int
on_near(unsigned int id, unsigned long long from, unsigned long long to,
	unsigned int fl, void *ctx)
{
	kw_near *kn = ctx;

	(void) from;
	(void) fl;
	if (kn->n == RULES_NEAR_MAX) {
		kn->overflow = 1;
		return (1);
	}
	kn->v[kn->n].word = id;
	kn->v[kn->n++].end = kn->base + (size_t) to;
	return (0);
}

/*
 * near_scan - the keywords in [lo, hi) with one scan of the keyword
 * database: cheaper than a memmem per word. 0, or -1 (none available,
 * or too many to keep: search with memmem).
 */
static int
near_scan(prefilter_state *ps, size_t lo, size_t hi, kw_near *kn)
{
	kn->base = lo;
	kn->n = 0;
	kn->overflow = 0;
	if (ps->set->kwdb == NULL
	    || hs_scan(ps->set->kwdb, ps->text + lo, (unsigned) (hi - lo), 0, ps->tls->scratch,
		       on_near, kn) != HS_SUCCESS || kn->overflow)
		return (-1);
	return (0);
}

/*
 * nearest_near - as nearest(), from a neighbourhood scan that covered
 * [lo, hi): the nearest word of the list wholly before the match or
 * wholly after it.
 */
static long
nearest_near(const om_ruleset *set, const kw_near *kn, size_t start, size_t end,
	     const unsigned *words, size_t nwords, size_t lo, size_t hi)
{
	long    best = -1;

	for (size_t i = 0; i < kn->n; i++) {
		size_t  e = kn->v[i].end, wl, b;
		long    d;
		size_t  k;

		for (k = 0; k < nwords && words[k] != kn->v[i].word; k++)
			;
		if (k == nwords)
			continue;
		wl = strlen(set->kw[kn->v[i].word]);
		b = e - wl;
		if (e <= start && b >= lo)
			d = (long) (start - e);
		else if (b >= end && e <= hi)
			d = (long) (b - end);
		else
			continue;
		if (best < 0 || d < best)
			best = d;
	}
	return (best);
}

/* kw_occ_of - the keyword occurrences if found, else NULL (search near) */
static const kw_occ *
kw_occ_of(const prefilter_state *ps)
{
	return (ps->occ_state == 1 ? &ps->occ : NULL);
}

/* judge - validator, context and exclusions of one candidate */
static void
judge(prefilter_state *ps, const om_rule *r, om_rule_hit *h)
{
	const om_ruleset *set = ps->set;
	const rule_kw *rk = set->rkw + (r - set->v);
	const char *t = ps->text;
	size_t  len = ps->len;
	const kw_occ *o;
	kw_near kn;
	int     scanned = 0;
	size_t  lo = 0, hi = 0;
	long    dc = -1, dx = -1;

	h->status = OM_HIT_ACCEPTED;
	h->context = 0;
	h->score = r->weight;
	if (r->validator && !r->validator(t + h->start, h->end - h->start)) {
		h->status = OM_HIT_INVALID;
		return;
	}
	if (r->ncontext + r->nexclude + r->nveto > 0 && ps->occ_state == 0) {
		/*
		 * The keywords near this candidate: one scan of its
		 * neighbourhood, until those scans have read more than the
		 * text; then one pass over the whole text serves every
		 * candidate after.
		 */
		lo = back_chars(t, 0, h->start, r->ctx_before);
		hi = fwd_chars(t, len, h->end, r->ctx_after);
		ps->kw_cost += hi - lo + RULES_KW_CALL;
		if (ps->kw_cost > len)
			kw_find(ps);
		else
			scanned = near_scan(ps, lo, hi, &kn) == 0;
	}
	o = kw_occ_of(ps);
#define NEAREST(list, n) (o ? nearest_occ(set, o, t, h->start, h->end, rk->list, n, \
					  r->ctx_before, r->ctx_after) \
			  : scanned ? nearest_near(set, &kn, h->start, h->end, rk->list, n, lo, hi) \
			  : nearest(t, len, h->start, h->end, r->list, n, r->ctx_before, r->ctx_after))
	if (r->ncontext)
		dc = NEAREST(context, r->ncontext);
	if (r->nexclude)
		dx = NEAREST(exclude, r->nexclude);
	h->context = dc >= 0;
	if (r->nveto && NEAREST(veto, r->nveto) >= 0) {
		h->status = OM_HIT_EXCLUDED;
		return;
	}
	if (dx >= 0 && (dc < 0 || dx < dc)) {
		h->status = OM_HIT_EXCLUDED;
		return;
	}
	if (r->ncontext && r->ctx_need && dc < 0) {
		h->status = OM_HIT_NO_CONTEXT;
		return;
	}
	if (h->context)
		h->score += r->ctx_bonus;
#undef NEAREST
}

/* confirm - every PCRE2 match of one rule; 0, or -1 on a limit or error */
static int
confirm(prefilter_state *ps, const om_rule *r, size_t lo, size_t hi, size_t last,
	om_rules_cb cb, void *arg)
{
	const char *t = ps->text;
	size_t  len = ps->len;
	PCRE2_SIZE off = lo;
	uint32_t opts = PCRE2_NO_UTF_CHECK;

	/* Windows start and end on character boundaries. */
	while (off > 0 && off < len && ((unsigned char) t[off] & 0xc0) == 0x80)
		off--;
	while (hi < len && ((unsigned char) t[hi] & 0xc0) == 0x80)
		hi++;
	pcre2_set_offset_limit(ps->tls->mctx, last < hi ? last : PCRE2_UNSET);
	for (int n = 0; n < RULES_MATCHES_MAX && off <= hi; n++) {
		int     rc = pcre2_match(r->re, (PCRE2_SPTR) t, hi, off, opts, ps->tls->md, ps->tls->mctx);
		PCRE2_SIZE *ov;
		om_rule_hit h;

		if (rc == PCRE2_ERROR_NOMATCH)
			return (0);
		if (rc < 0) {
			PCRE2_UCHAR msg[160];

			pcre2_get_error_message(rc, msg, sizeof(msg));
			om_warn("rule %s: %s", r->id, (char *) msg);
			return (-1);
		}
		ov = pcre2_get_ovector_pointer(ps->tls->md);
		memset(&h, 0, sizeof(h));
		h.rule = r;
		h.start = ov[0];
		h.end = ov[1];
		if (r->report > 0 && rc > r->report && ov[2 * r->report] != PCRE2_UNSET) {
			h.start = ov[2 * r->report];
			h.end = ov[2 * r->report + 1];
		}
		if (h.end > h.start) {
			judge(ps, r, &h);
			if (cb(&h, arg) < 0)
				return (-1);
		}
		if (ov[1] > ov[0]) {
			off = ov[1];
		} else {
			off = fwd_chars(t, hi, ov[1], 1);
			if (off == ov[1])
				break;
		}
	}
	return (0);
}

/* om_rules_scan - prefilter, confirm, judge; callback per candidate */
int
om_rules_scan(const om_ruleset *set, const char *text, size_t len, unsigned scope,
	      const om_rule *only, om_rules_cb cb, void *arg)
{
	prefilter_state ps;
	const kw_occ *gocc = NULL;
	size_t  w = 0;
	int     ret = 0;

	if (set == NULL || set->n == 0 || len == 0)
		return (0);
	if (!(scope & OM_RULES_UTF8_CHECKED) && !om_utf8_valid_nul(text, len)) {
		om_warn("text is not valid UTF-8; not scanned");
		return (-1);
	}
	memset(&ps, 0, sizeof(ps));
	ps.set = set;
	ps.text = text;
	ps.len = len;
	ps.tls = tls_get();
	if (ps.tls->busy) {
		/* The scratch, the match data and these arrays are in use. */
		om_warn("om_rules_scan: called again from its own callback");
		return (-1);
	}
	ps.tls->busy = 1;

	/*
	 * hs_alloc_scratch() checks the CPU first (CPUID, which traps to the
	 * hypervisor in a VM and cost more than the scan of a 10 KB text):
	 * call it only when this thread last sized its scratch for another
	 * set. One scratch serves both databases.
	 */
	if (ps.tls->scratch_set != set->serial) {
		if ((set->db && hs_alloc_scratch(set->db, &ps.tls->scratch) != HS_SUCCESS)
		    || (set->kwdb && hs_alloc_scratch(set->kwdb, &ps.tls->scratch) != HS_SUCCESS))
			om_panic("vectorscan: cannot allocate scratch");
		ps.tls->scratch_set = set->serial;
	}
	if (ps.tls->cap < set->n) {
		rules_tls *t = ps.tls;

		free(t->flagged);
		free(t->open);
		free(t->slot);
		free(t->touched);
		t->flagged = calloc(set->n, 1);
		t->open = calloc(set->n, sizeof(rules_win));
		t->slot = calloc(set->n, sizeof(unsigned));
		t->touched = calloc(set->n, sizeof(unsigned));
		if (t->flagged == NULL || t->open == NULL || t->slot == NULL || t->touched == NULL)
			om_panic("out of memory");
		t->cap = set->n;
	}
	ps.flagged = ps.tls->flagged;
	ps.open = ps.tls->open;
	if (set->db) {
		hs_error_t e = hs_scan(set->db, text, (unsigned) (len > 0xffffffffu ? 0xffffffffu : len), 0,
				       ps.tls->scratch, on_prefilter, &ps);

		if (e != HS_SUCCESS) {
			om_warn("vectorscan: scan failed (%d)", (int) e);
			ret = -1;
			goto out;
		}
	}
	if (set->ndigit > 0) {
		/* After the anchors' windows are closed, so each rule's come in order. */
		for (size_t k = 0; k < ps.ntouched; k++)
			win_close(&ps, ps.tls->touched[k]);
		digit_runs(&ps, scope, only);
	}
	if (set->ngate > 0) {
		occ_group(&ps.gocc, set->nkw);
		gocc = ps.gocc.overflow ? NULL : &ps.gocc;
		context_windows(&ps, scope, only);
	}
	for (size_t k = 0; k < ps.ntouched; k++)
		win_close(&ps, ps.tls->touched[k]);
	wins_order(&ps);

	/*
	 * The rules with work, ascending: those confirmed over every text,
	 * merged with those this text touched.
	 */
	for (size_t a = 0, b = 0; (a < set->nwhole || b < ps.ntouched) && ret == 0;) {
		unsigned i;
		const om_rule *r;

		if (b == ps.ntouched || (a < set->nwhole && set->whole[a] <= ps.tls->touched[b])) {
			i = set->whole[a++];
			if (b < ps.ntouched && ps.tls->touched[b] == i)
				b++;
		} else {
			i = ps.tls->touched[b++];
		}
		r = set->v + i;
		/*
		 * A rule that needs a context keyword cannot accept a match
		 * with none of its keywords near, so such windows are skipped
		 * where the keywords are known (unless every candidate is
		 * asked for, as by "rules test"): a near_context rule's were
		 * found by the first pass (past its bound, by one pass of all
		 * keywords); another rule's once judging has had them all
		 * found. A keyword lies within 4 bytes per character of the
		 * match, and the match within its window (give or take a
		 * character).
		 */
		int     gate = !(scope & OM_RULES_EVERY_CANDIDATE) && r->ctx_need && r->ncontext > 0;
		size_t  reach_before = 4 * (size_t) r->ctx_before + 8, reach_after = 4 * (size_t) r->ctx_after + 8;
		const kw_occ *occ = NULL;

		while (w < ps.nwins && ps.wins[w].rule < i)
			w++;
		if ((only && r != only) || !(r->scopes & scope))
			continue;
		if (gate && !r->near_context) {
			occ = kw_occ_of(&ps);
		} else if (gate && (occ = gocc) == NULL) {
			kw_find(&ps);
			occ = kw_occ_of(&ps);
		}
		if (!r->prefiltered || ps.flagged[i] == 2) {
			/* PCRE2 over the whole text: worth one keyword pass first. */
			if (gate && occ == NULL) {
				kw_find(&ps);
				occ = kw_occ_of(&ps);
			}
			if (gate && occ != NULL && !occ_near(occ, set->rkw[i].context, r->ncontext, 0, len))
				continue;
			if (confirm(&ps, r, 0, len, len, cb, arg) < 0)
				ret = -1;
			continue;
		}
		for (; w < ps.nwins && ps.wins[w].rule == i; w++) {
			size_t  lo = ps.wins[w].lo, hi = ps.wins[w].hi, last = ps.wins[w].last;

			if (gate && occ != NULL
			    && !occ_near(occ, set->rkw[i].context, r->ncontext,
					 lo > reach_before ? lo - reach_before : 0, hi + reach_after))
				continue;
			if (confirm(&ps, r, lo, hi, last, cb, arg) < 0) {
				ret = -1;
				break;
			}
		}
	}
out:
	/* Leave the per-rule arrays zero for the next scan. */
	for (size_t k = 0; k < ps.ntouched; k++) {
		ps.flagged[ps.tls->touched[k]] = 0;
		ps.open[ps.tls->touched[k]].hi = 0;
	}
	ps.tls->busy = 0;
	free(ps.wins);
	occ_free(&ps.occ);
	occ_free(&ps.gocc);
	return (ret);
}

/* example_cb - did the rule accept anything */
static int
example_cb(const om_rule_hit *h, void *arg)
{
	if (h->status == OM_HIT_ACCEPTED)
		*(int *) arg = 1;
	return (0);
}

/* om_rules_check_examples - run every embedded example; failures reported */
int
om_rules_check_examples(const om_ruleset *set, om_rules_err *err)
{
	int     failed = 0;

	for (size_t i = 0; set && i < set->n; i++) {
		const om_rule *r = set->v + i;

		for (size_t k = 0; k < r->nexamples; k++) {
			const om_rule_example *ex = r->examples + k;
			om_buf  nb;
			int     hit = 0, rc;

			om_buf_init(&nb, 0);
			om_norm_text(ex->text, strlen(ex->text), &nb);
			om_buf_putc(&nb, 0);
			rc = om_rules_scan(set, nb.data, nb.len - 1, r->scopes, r, example_cb, &hit);
			if (rc < 0) {
				rules_error(err, "%s, line %d: rule %s: example could not be matched (limit or error)",
					    r->file, ex->line, r->id);
				failed++;
			} else if (hit != ex->must_match) {
				rules_error(err, "%s, line %d: rule %s: example %s",
					    r->file, ex->line, r->id,
					    ex->must_match ? "should match but does not" : "should not match but does");
				failed++;
			}
			om_buf_free(&nb);
		}
	}
	return (failed ? -1 : 0);
}

/* om_rules_hit_status - word for a hit status */
const char *
om_rules_hit_status(int status)
{
	switch (status) {
	case OM_HIT_ACCEPTED:
		return ("accepted");
	case OM_HIT_INVALID:
		return ("rejected by validator");
	case OM_HIT_NO_CONTEXT:
		return ("no context keyword near");
	case OM_HIT_EXCLUDED:
		return ("exclude keyword nearer than context");
	}
	return ("?");
}

/* free_ext - om_conf_attach destructor */
static void
free_ext(void *obj)
{
	om_rules_free(obj);
}

/* om_rules_load_for - load conf's rules_dir and attach it to the snapshot */
int
om_rules_load_for(om_conf *conf, om_rules_err *err)
{
	om_ruleset *set;
	DIR    *dp;

	if (conf->conf_rules_dir == NULL)
		return (0);
	if ((dp = opendir(conf->conf_rules_dir)) == NULL) {
		/* No rules is no protection: refuse, never run without them. */
		rules_error(err, "rules_dir %s: %s (install omamori's rules there or set rules_dir)",
			    conf->conf_rules_dir, strerror(errno));
		return (-1);
	}
	closedir(dp);
	if ((set = om_rules_load_dir(conf->conf_rules_dir, 0, err)) == NULL)
		return (-1);
	om_conf_attach(conf, OM_RULES_EXT, set, free_ext);
	return (0);
}

/* om_rules_of - the set attached to a snapshot, or NULL */
const om_ruleset *
om_rules_of(const om_conf *conf)
{
	return (conf ? om_conf_lookup(conf, OM_RULES_EXT) : NULL);
}
