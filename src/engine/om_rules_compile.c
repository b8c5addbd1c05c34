/*++
 * NAME
 *	om_rules_compile 3
 * SUMMARY
 *	rule compiler: PCRE2 code, vectorscan databases
 * SYNOPSIS
 *	#include "om_rules_int.h"
 *
 *	int	rules_compile_rule(set, rule, err)
 *	om_ruleset *set;
 *	rules_rule *rule;
 *	om_rules_err *err;
 *
 *	void	rules_compile_set(set)
 *	om_ruleset *set;
 * DESCRIPTION
 *	rules_compile_rule() checks one parsed rule (category and
 *	pattern given, keys that need others, id not already defined),
 *	compiles its pattern with PCRE2 (and JIT when there is one) and
 *	checks that vectorscan takes its anchor.
 *
 *	rules_compile_set() builds what every scan of a set shares, once
 *	all its rules are in: each rule's anchor, or else its pattern in
 *	prefilter mode, goes into one vectorscan database (rules whose
 *	expressions are the same, once, with twin[] linking the others);
 *	rules with anchor_digits alone take their windows from the
 *	digit-run pass and have nothing in it; the context words of
 *	near_context rules join the same database, and such a rule
 *	without an anchor takes its windows from those words alone. The
 *	other keywords (exclude, veto, other context) have a database of
 *	their own. A pattern vectorscan cannot take even as a prefilter is
 *	confirmed with PCRE2 over every text of its scopes. Last, the
 *	lists the scan walks: digit rules by length, rules confirmed over
 *	the whole text, rules with windows from their context words.
 * DIAGNOSTICS
 *	rules_compile_rule() reports through rules_error() and returns
 *	-1: "FILE, line N: error at offset K: text" for a pattern PCRE2
 *	refuses, "FILE, line N: rule ID: bad anchor: text" for an anchor
 *	vectorscan refuses. rules_compile_set() warns when a database
 *	cannot be built; the scan then falls back to slower searches that
 *	give the same answers.
 *--*/
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "om_log.h"
#include "om_rules_int.h"

static unsigned expr_width(const char *, unsigned, unsigned);

/* rules_compile_rule - check a parsed rule, compile its pattern and anchor; 0 or -1 */
int
rules_compile_rule(om_ruleset *set, rules_rule *r, om_rules_err *err)
{
	int     ecode;
	PCRE2_SIZE eoff;

	if (r->pub.category == NULL || r->pattern == NULL) {
		rules_error(err, "%s, line %d: rule %s needs a category and a pattern",
			    r->pub.file, r->pub.line, r->pub.id);
		return (-1);
	}
	if (r->near_context && (r->ncontext == 0 || r->ctx_need == 0 || (r->ctx_need < 0 && r->ctx_bonus != 0))) {
		rules_error(err, "%s, line %d: rule %s: near_context needs context words it requires",
			    r->pub.file, r->pub.line, r->pub.id);
		return (-1);
	}
	if (r->anchor == NULL && r->anchor_digits == 0 && (r->anchor_before >= 0 || r->anchor_after >= 0)) {
		rules_error(err, "%s, line %d: rule %s: anchor_before/anchor_after need an anchor or anchor_digits",
			    r->pub.file, r->pub.line, r->pub.id);
		return (-1);
	}
	for (size_t i = 0; i < set->n; i++) {
		if (set->v + i != r && strcmp(set->v[i].pub.id, r->pub.id) == 0) {
			rules_error(err, "%s, line %d: rule %s is already defined at %s, line %d",
				    r->pub.file, r->pub.line, r->pub.id, set->v[i].pub.file, set->v[i].pub.line);
			return (-1);
		}
	}
	r->re = pcre2_compile((PCRE2_SPTR) r->pattern, PCRE2_ZERO_TERMINATED,
			      PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C | PCRE2_USE_OFFSET_LIMIT, &ecode, &eoff, NULL);
	if (r->re == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(ecode, msg, sizeof(msg));
		rules_error(err, "%s, line %d: error at offset %zu: %s", r->pub.file,
			    r->pattern_line, (size_t) eoff, (char *) msg);
		return (-1);
	}
	/* JIT is a speed-up; without it the interpreter gives the same answers. */
	(void) pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE);
	if (r->anchor) {
		/*
		 * An anchor vectorscan refuses would leave the rule without
		 * the windows its author meant: an error, as a bad pattern.
		 */
		hs_database_t *one = NULL;
		hs_compile_error_t *cerr = NULL;

		if (hs_compile(r->anchor, HS_FLAG_UTF8, HS_MODE_BLOCK, NULL, &one, &cerr) != HS_SUCCESS) {
			rules_error(err, "%s, line %d: rule %s: bad anchor: %s", r->pub.file,
				    r->anchor_line, r->pub.id, cerr ? cerr->message : "?");
			hs_free_compile_error(cerr);
			return (-1);
		}
		hs_free_database(one);
		r->anchor_width = expr_width(r->anchor, HS_FLAG_UTF8, RULES_ANCHOR_SPAN);
		if (r->anchor_width == 0)
			r->anchor_width = RULES_ANCHOR_SPAN;
	}
	return (0);
}

/* kw_add - index of a word among the set's distinct keywords, added if new */
static unsigned
kw_add(om_ruleset *set, char *word)
{
	size_t  w;

	for (w = 0; w < set->nkw; w++)
		if (strcmp(set->kw[w], word) == 0)
			return ((unsigned) w);
	set->kw = rules_xrealloc(set->kw, (set->nkw + 1) * sizeof(char *));
	set->kw[set->nkw] = word;
	return ((unsigned) set->nkw++);
}

/* kw_list - a keyword list as indexes */
static unsigned *
kw_list(om_ruleset *set, char **words, size_t n)
{
	unsigned *v = n ? rules_xrealloc(NULL, n * sizeof(unsigned)) : NULL;

	for (size_t i = 0; i < n; i++)
		v[i] = kw_add(set, words[i]);
	return (v);
}

/* kw_index - the distinct keywords of all rules, and each rule's lists */
static void
kw_index(om_ruleset *set)
{
	set->rkw = rules_xrealloc(NULL, set->n * sizeof(rule_kw));
	for (size_t i = 0; i < set->n; i++) {
		const rules_rule *r = set->v + i;

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
	char   *p = rules_xrealloc(NULL, 4 * n + 1), *q = p;

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
	unsigned char *seen = rules_xrealloc(NULL, set->nkw + 1);

	memset(seen, 0, set->nkw + 1);
	set->gate = rules_xrealloc(NULL, (set->nkw + 1) * sizeof(unsigned));
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

/*
 * rules_compile_set - what the scans of a parsed set share: the prefilter
 * database (anchors, patterns, context words of near_context rules), the
 * keyword index and database, and the lists of rules the scan walks
 */
void
rules_compile_set(om_ruleset *set)
{
	const char **pats, **tpats;
	char  **gpat;
	unsigned *flags, *ids, *tflags, *tidx;
	unsigned char *tok;
	size_t  np = 0, nt = 0;
	hs_compile_error_t *cerr = NULL;

	if (set->n == 0)
		return;
	kw_index(set);
	pats = rules_xrealloc(NULL, set->n * sizeof(char *));
	flags = rules_xrealloc(NULL, set->n * sizeof(unsigned));
	ids = rules_xrealloc(NULL, set->n * sizeof(unsigned));
	tpats = rules_xrealloc(NULL, set->n * sizeof(char *));
	tflags = rules_xrealloc(NULL, set->n * sizeof(unsigned));
	tidx = rules_xrealloc(NULL, set->n * sizeof(unsigned));
	tok = rules_xrealloc(NULL, set->n);
	for (size_t i = 0; i < set->n; i++) {
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
			/*
			 * An anchor (rules_compile_rule() compiled it and took
			 * its width): every match lies within RULES_ANCHOR_SPAN
			 * of one.
			 */
			f = HS_FLAG_UTF8;
			set->v[i].maxwidth = rules_anchor_reach(set->v + i, 0);
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
		/* Whether vectorscan takes it: tried below, all together. */
		tpats[nt] = set->v[i].pattern;
		tflags[nt] = f;
		tidx[nt] = (unsigned) i;
		nt++;
	}
	/*
	 * The prefilter trials (one compile per rule, most of the time a
	 * set takes to build) come from the cache when these same
	 * expressions were tried before (om_rules_cache.c).
	 */
	if (nt > 0 && rules_cache_trials(tpats, tflags, nt, tok) < 0) {
		for (size_t t = 0; t < nt; t++) {
			hs_database_t *one = NULL;

			tok[t] = hs_compile(tpats[t], tflags[t], HS_MODE_BLOCK, NULL, &one, &cerr) == HS_SUCCESS;
			if (!tok[t]) {
				om_debug("%s, line %d: rule %s has no prefilter: %s", set->v[tidx[t]].pub.file,
					 set->v[tidx[t]].pattern_line, set->v[tidx[t]].pub.id,
					 cerr ? cerr->message : "?");
				hs_free_compile_error(cerr);
				cerr = NULL;
			}
			hs_free_database(one);
		}
		rules_cache_trials_save(tpats, tflags, nt, tok);
	}
	/* In rule order, as before: the trial's rules among the anchored ones. */
	{
		const char **opats = pats;
		unsigned *oflags = flags, *oids = ids;
		size_t  onp = np, a = 0, t = 0;

		pats = rules_xrealloc(NULL, set->n * sizeof(char *));
		flags = rules_xrealloc(NULL, set->n * sizeof(unsigned));
		ids = rules_xrealloc(NULL, set->n * sizeof(unsigned));
		np = 0;
		while (a < onp || t < nt) {
			if (t >= nt || (a < onp && oids[a] < tidx[t])) {
				pats[np] = opats[a];
				flags[np] = oflags[a];
				ids[np++] = oids[a++];
			} else {
				if (tok[t]) {
					pats[np] = tpats[t];
					flags[np] = tflags[t];
					ids[np++] = tidx[t];
				}
				t++;
			}
		}
		free(opats);
		free(oflags);
		free(oids);
	}
	free(tpats);
	free(tflags);
	free(tidx);
	free(tok);
	/*
	 * Rules whose prefilter expressions are the same (the date rules
	 * share one; so do copies of a rule) go into the database once: the
	 * first reports for all its twins.
	 */
	set->twin = rules_xrealloc(NULL, set->n * sizeof(unsigned));
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
	pats = rules_xrealloc(pats, (np + set->ngate + 1) * sizeof(char *));
	flags = rules_xrealloc(flags, (np + set->ngate + 1) * sizeof(unsigned));
	ids = rules_xrealloc(ids, (np + set->ngate + 1) * sizeof(unsigned));
	gpat = rules_xrealloc(NULL, (set->ngate + 1) * sizeof(char *));
	for (size_t g = 0; g < set->ngate; g++) {
		gpat[g] = kw_pattern(set->kw[set->gate[g]], &flags[np + g]);
		pats[np + g] = gpat[g];
		ids[np + g] = (unsigned) (set->n + set->gate[g]);
	}
	if (np + set->ngate > 0) {
		if (rules_cache_compile_multi(pats, flags, ids, (unsigned) (np + set->ngate),
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
	 * enough candidates to need them (see rules_kw_find).
	 */
	if (set->nkw > 0) {
		char  **kwpat = rules_xrealloc(NULL, set->nkw * sizeof(char *));

		pats = rules_xrealloc(pats, set->nkw * sizeof(char *));
		flags = rules_xrealloc(flags, set->nkw * sizeof(unsigned));
		ids = rules_xrealloc(ids, set->nkw * sizeof(unsigned));
		for (size_t w = 0; w < set->nkw; w++) {
			kwpat[w] = kw_pattern(set->kw[w], &flags[w]);
			pats[w] = kwpat[w];
			ids[w] = (unsigned) w;
		}
		if (rules_cache_compile_multi(pats, flags, ids, (unsigned) set->nkw,
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
	set->digit_rules = rules_xrealloc(NULL, set->n * sizeof(unsigned));
	set->ndigit = 0;
	for (int d = 1; d <= RULES_DIGITS_MAX; d++)
		for (size_t i = 0; i < set->n; i++)
			if (set->v[i].anchor_digits == d && set->v[i].prefiltered)
				set->digit_rules[set->ndigit++] = (unsigned) i;
	/* Lists, so that a scan's work follows what it found, not the rule count. */
	set->whole = rules_xrealloc(NULL, set->n * sizeof(unsigned));
	set->ctxw = rules_xrealloc(NULL, set->n * sizeof(unsigned));
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
