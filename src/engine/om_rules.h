/*++
 * NAME
 *	om_rules 3h
 * SUMMARY
 *	rule files: parse, compile, match
 * SYNOPSIS
 *	#include "om_rules.h"
 * DESCRIPTION
 *	A rule set is read from the *.rules files of one directory (see
 *	omamori-rules(5)), compiled once (PCRE2 with JIT for each rule,
 *	one vectorscan database of their anchors or patterns used as a
 *	prefilter and of the context words of near_context rules, one of
 *	all keywords), and is then immutable: many threads may match with
 *	it at once. Per-call state (vectorscan scratch, PCRE2 match data
 *	and match context, per-rule window arrays) is per thread, and one
 *	scan at a time runs on a thread (a callback must not scan again).
 *
 *	om_rules_scan() runs the prefilter and the digit-run pass over one
 *	text, confirms with PCRE2 only around what they found, then
 *	applies each rule's validator and context, and calls back once per
 *	candidate match, accepted or not. A rule that needs a context
 *	keyword is not even confirmed where none of its keywords is near,
 *	where those are known (always, for near_context rules), unless
 *	OM_RULES_EVERY_CANDIDATE is or'ed into the scope (so that "omamori
 *	rules test" can say why a match was not taken). A text that is not
 *	valid UTF-8 is refused, unless the caller has checked it already
 *	and says so with OM_RULES_UTF8_CHECKED (every om_text is).
 *
 *	om_rules_load_conf() loads the set named by a configuration's
 *	rules_dir (om_snap_build() keeps it in the snapshot).
 *
 *	An om_rule is what a rule file says about one rule (id, category,
 *	where it is, scopes, weight, mask, validator); om_rule_examples(),
 *	om_rule_context_words() and om_rule_prefiltered() tell a little
 *	more, for "omamori rules". Everything else is private to the
 *	om_rules_*.c files (see om_rules_int.h).
 * DIAGNOSTICS
 *	Load errors read "FILE, line N: text" (a bad pattern: "FILE, line
 *	N: error at offset K: text"). A set with any error is not
 *	returned unless OM_RULES_KEEP_GOING is given, so a broken file
 *	never replaces a working set. Matching returns -1 when a PCRE2 or
 *	vectorscan limit or error stopped it: never read that as "no
 *	match".
 *--*/
#ifndef OM_RULES_H
#define OM_RULES_H

#include <stddef.h>
#include <stdio.h>

#include "om_conf.h"
#include "om_mask.h"
#include "om_types.h"
#include "om_validate.h"

#define OM_RULES_KEEP_GOING	(1 << 0)	/* return the good rules despite errors */

typedef struct om_rules_err {
	char	text[512];		/* the first problem */
	int	count;
	FILE   *report;			/* when set, every problem is printed here */
} om_rules_err;

/*
 * A rule as its users see it: what the rule file says about it. How it
 * is compiled and matched is private to om_rules_*.c.
 */
typedef struct om_rule {
	char   *id;
	char   *category;
	const char *file;		/* owned by the set */
	int	line;
	unsigned scopes;		/* OM_SCOPE_* bits */
	double	weight;
	om_mask_kind mask;
	char   *validator_name;		/* NULL: no validator */
} om_rule;

typedef struct om_ruleset om_ruleset;

/* Why a candidate match was or was not kept. */
#define OM_HIT_ACCEPTED		0
#define OM_HIT_INVALID		1	/* validator said no */
#define OM_HIT_NO_CONTEXT	2	/* required keyword not near */
#define OM_HIT_EXCLUDED		3	/* an exclude keyword is nearer */

typedef struct om_rule_hit {
	const om_rule *rule;
	size_t	start, end;		/* byte offsets into the text */
	int	status;			/* OM_HIT_* */
	int	context;		/* a context keyword was near */
	double	score;			/* weight (+ bonus) when accepted */
} om_rule_hit;

typedef int (*om_rules_cb) (const om_rule_hit *hit, void *arg);

om_ruleset *om_rules_load_dir(const char *dir, int flags, om_rules_err *err);
om_ruleset *om_rules_load_text(const char *name, const char *text, int flags,
			       om_rules_err *err);
void	om_rules_free(om_ruleset *set);
size_t	om_rules_count(const om_ruleset *set);
const om_rule *om_rules_get(const om_ruleset *set, size_t i);
const om_rule *om_rules_find(const om_ruleset *set, const char *id);
#define OM_RULES_EVERY_CANDIDATE	0x100	/* with the scope: see above */
#define OM_RULES_UTF8_CHECKED	0x200	/* the caller vouches: valid UTF-8 */

int	om_rules_scan(const om_ruleset *set, const char *text, size_t len,
		      unsigned scope, const om_rule *only, om_rules_cb cb, void *arg);
int	om_rules_check_examples(const om_ruleset *set, om_rules_err *err);
om_ruleset *om_rules_load_conf(const om_conf *conf, om_rules_err *err);
const char *om_rules_version(const om_ruleset *set);
const char *om_rules_hit_status(int status);

size_t	om_rule_examples(const om_rule *rule);
size_t	om_rule_context_words(const om_rule *rule);
int	om_rule_prefiltered(const om_rule *rule);

#endif
