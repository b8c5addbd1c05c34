/*++
 * NAME
 *	om_rules_int 3h
 * SUMMARY
 *	rule engine internals: the rule set and its invariants
 * SYNOPSIS
 *	#include "om_rules_int.h"
 * DESCRIPTION
 *	Private to the om_rules_*.c files; nothing else includes this.
 *	One file per stage, as the data flows:
 * .IP om_rules_parse.c
 *	the rule-file grammar: "rule ID", then "key = value" lines,
 *	applied through a table of keys (rules_parse_text).
 * .IP om_rules_compile.c
 *	one rule's checks and PCRE2 code (rules_compile_rule), and the
 *	shared parts of a set: the prefilter database, the keyword index
 *	and database, the lists the scan walks (rules_compile_set).
 * .IP om_rules_load.c
 *	files and directories, the version digest, problems collected,
 *	the set's life (create, look up, free) and the public accessors.
 * .IP om_rules_window.c
 *	per scan: the windows PCRE2 is to read, from the prefilter pass,
 *	the digit runs and the context words of near_context rules.
 * .IP om_rules_near.c
 *	per scan: where the keywords are, how near a candidate, and the
 *	verdict on one candidate (rules_judge).
 * .IP om_rules_scan.c
 *	the driver: per-thread state, the passes in order, PCRE2 confirms,
 *	and the embedded examples.
 * .PP
 *	Invariants of a set returned by om_rules_load_*():
 * .IP \(bu
 *	Immutable once rules_compile_set() has run: any number of threads
 *	may scan with it; all per-scan state is in rules_scan_state and the
 *	thread's rules_tls.
 * .IP \(bu
 *	Every rule in v[] parsed without error and has PCRE2 code (re);
 *	a rule with any problem was dropped before the set was finished.
 *	Its anchor, when it has one, compiled in vectorscan.
 * .IP \(bu
 *	v[i].pub is the rule as detectors see it: om_rule_hit.rule points
 *	at it, and RULE_OF() gets back to v[i]; pub is the first member.
 * .IP \(bu
 *	Ids of the prefilter database db are rule indexes (< n) or, for
 *	the context words of near_context rules, n + keyword index; a rule
 *	whose expression is a twin of an earlier one is not in db, and is
 *	reached from it through twin[].
 * .IP \(bu
 *	rkw[i] lists rule i's keywords as indexes into kw[], which points
 *	into the rules' own word lists (never freed apart from them).
 * .IP \(bu
 *	digit_rules is ordered by anchor_digits, fewest first; whole and
 *	ctxw are ascending rule indexes.
 * .IP \(bu
 *	A thread's per-rule arrays (flagged, open) are zero between scans:
 *	a scan resets exactly the entries it touched.
 *--*/
#ifndef OM_RULES_INT_H
#define OM_RULES_INT_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif

#include <stddef.h>
#include <hs/hs.h>
#include <openssl/evp.h>
#include <pcre2.h>

#include "om_rules.h"

#define RULES_FILE_MAX		(4 * 1024 * 1024)
#define RULES_FILES_MAX		1000
#define RULES_MAX		10000
#define RULES_WORDS_MAX		200
#define RULES_EXAMPLES_MAX	100
#define RULES_WINDOW_MAX	500
#define RULES_WEIGHT_MAX	1000
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
#define RULES_WINS_KEPT		8	/* window arrays kept between scans */
#define RULES_OCC_MAX		262144	/* keyword occurrences per text, then memmem */
#define RULES_KW_CALL		256	/* bytes a keyword scan reads in the time a call costs */
#define RULES_NEAR_MAX		64	/* keywords kept from one candidate's neighbourhood */

/* One embedded example: "match = TEXT" or "nomatch = TEXT". */
typedef struct rules_example {
	char   *text;
	int	line;
	int	must_match;
} rules_example;

/* One rule: what detectors see (pub), then what the engine needs. */
typedef struct rules_rule {
	om_rule	pub;			/* first member: see RULE_OF() */
	char   *pattern;
	int	pattern_line;
	om_validate_fn validator;
	char  **context;		/* keywords */
	size_t	ncontext;
	char  **exclude;		/* keywords that veto when nearer */
	size_t	nexclude;
	char  **veto;			/* keywords that veto anywhere near */
	size_t	nveto;
	int	exclude_line;		/* exclude words count in the match's line and cell */
	unsigned ctx_before;		/* window, in characters */
	unsigned ctx_after;
	int	ctx_need;		/* context required (else a bonus); -1 unset */
	double	ctx_bonus;
	rules_example *examples;
	size_t	nexamples;
	int	report;			/* capture group reported as the match, 0 all */
	char   *anchor;			/* prefilter on this instead of the pattern */
	int	anchor_line;
	int	anchor_before;		/* characters a match may start before it, -1 default */
	int	anchor_after;		/* characters the rule may read after it, -1 default */
	unsigned anchor_width;		/* longest anchor match, bytes */
	int	anchor_digits;		/* every match holds a digit run this long, 0 none */
	pcre2_code *re;
	int	near_context;		/* context words in the first pass: windows need one */
	int	prefiltered;		/* windows come from the prefilter pass */
	int	ctx_windows;		/* ... around its context words */
	unsigned maxwidth;		/* longest prefilter match, 0 unbounded */
} rules_rule;

#define RULE_OF(p)	((const rules_rule *) (p))

/* One rule's keyword lists, as indexes into the set's distinct words. */
typedef struct rule_kw {
	unsigned *context, *exclude, *veto;
} rule_kw;

struct om_ruleset {
	rules_rule *v;
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

/* Where vectorscan says rules may match, for one scan. */
typedef struct rules_win {
	unsigned rule;
	size_t	lo, hi;			/* PCRE2 reads [lo, hi) */
	size_t	last;			/* and a match starts at or before this */
} rules_win;

/* Per-thread matching state. */
typedef struct rules_tls {
	hs_scratch_t *scratch;
	unsigned long scratch_set;	/* serial of the set it was last sized for */
	pcre2_match_data *md;
	pcre2_match_context *mctx;	/* limits, and the last start of each window */
	/* Per rule, kept zero between scans (only touched entries are reset). */
	unsigned char *flagged;		/* 1 may match, 2 confirm the whole text */
	rules_win *open;		/* the window being grown */
	unsigned *slot;			/* place among the touched rules, while ordering */
	unsigned *touched;		/* the rules flagged in this scan */
	size_t	cap;			/* rules the arrays hold */
	int	busy;			/* a scan is running on this thread */
} rules_tls;

/* Where the keywords occur in one text: ends, grouped by word. */
typedef struct kw_occ {
	unsigned *word;			/* collected: word of each occurrence */
	size_t *end;			/* collected: its end offset; then grouped */
	size_t	n, cap;
	int	overflow;		/* too many: keywords searched the slow way */
	size_t *first;			/* per word: index of its first end, nkw + 1 */
} kw_occ;

/* One scan of one text. */
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
	rules_win *spare;		/* where rules_wins_order() orders them */
	size_t	spare_cap;
} prefilter_state;

/* om_rules_load.c */
extern void rules_error(om_rules_err *, const char *,...) __attribute__((format(printf, 2, 3)));
extern void *rules_xrealloc(void *, size_t);

/* om_rules_parse.c */
extern void rules_parse_text(om_ruleset *, const char *, const char *, om_rules_err *);
extern void rules_rule_free(rules_rule *);

/* om_rules_compile.c */
extern int rules_compile_rule(om_ruleset *, rules_rule *, om_rules_err *);
extern void rules_compile_set(om_ruleset *);

/* om_rules_cache.c */
extern hs_error_t rules_cache_compile_multi(const char *const *, const unsigned *, const unsigned *,
					    unsigned, hs_database_t **, hs_compile_error_t **);
extern int rules_cache_trials(const char *const *, const unsigned *, size_t, unsigned char *);
extern void rules_cache_trials_save(const char *const *, const unsigned *, size_t, const unsigned char *);

/* om_rules_window.c */
extern unsigned rules_anchor_reach(const rules_rule *, int);
extern int rules_on_prefilter(unsigned int, unsigned long long, unsigned long long, unsigned int, void *);
extern void rules_win_close(prefilter_state *, unsigned);
extern void rules_digit_runs(prefilter_state *, unsigned, const om_rule *);
extern void rules_context_windows(prefilter_state *, unsigned, const om_rule *);
extern void rules_wins_order(prefilter_state *);
extern void rules_wins_borrow(prefilter_state *);
extern void rules_wins_return(prefilter_state *);

/* om_rules_near.c */
extern size_t rules_fwd_chars(const char *, size_t, size_t, unsigned);
extern int rules_on_keyword(unsigned int, unsigned long long, unsigned long long, unsigned int, void *);
extern void rules_occ_group(kw_occ *, size_t);
extern void rules_occ_free(kw_occ *);
extern int rules_occ_near(const kw_occ *, const unsigned *, size_t, size_t, size_t);
extern void rules_kw_find(prefilter_state *);
extern const kw_occ *rules_kw_occ_of(const prefilter_state *);
extern void rules_judge(prefilter_state *, const rules_rule *, om_rule_hit *);

#endif
