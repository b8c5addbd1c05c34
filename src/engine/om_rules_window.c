/*++
 * NAME
 *	om_rules_window 3
 * SUMMARY
 *	where PCRE2 is to look: windows of one scan
 * SYNOPSIS
 *	#include "om_rules_int.h"
 *
 *	int	rules_on_prefilter(id, from, to, flags, state)
 *
 *	void	rules_digit_runs(state, scope, only)
 *	void	rules_context_windows(state, scope, only)
 *	void	rules_win_close(state, rule)
 *	void	rules_wins_order(state)
 *	prefilter_state *state;
 *	unsigned scope;
 *	const om_rule *only;
 *
 *	unsigned rules_anchor_reach(rule, side)
 *	const rules_rule *rule;
 *	int	side;
 * DESCRIPTION
 *	A window is a span of the text where PCRE2 is to look for one
 *	rule's matches, and the last place one may start there. Each rule
 *	grows one open window at a time (in the thread's per-rule array);
 *	an overlapping one joins it, another closes it. Past
 *	RULES_WINDOWS_MAX windows in a text, a rule is confirmed over the
 *	whole text instead ("flagged 2").
 *
 *	rules_on_prefilter() is the callback of the prefilter database:
 *	a rule's expression ended here (a window of the expression's
 *	greatest width, or of the anchor's reach), or a context word of
 *	a near_context rule did (passed to rules_on_keyword()).
 *
 *	rules_digit_runs() finds the digit runs of the text in one pass,
 *	whatever the number of rules with anchor_digits, and opens a
 *	window for each rule a run is long enough for.
 *
 *	rules_context_windows() opens the windows of the rules tried near
 *	their context words, from the occurrences of those words.
 *
 *	rules_wins_order(), called once every open window is closed with
 *	rules_win_close(), orders the touched rules and their windows by
 *	rule then start, and merges the overlaps.
 *
 *	rules_anchor_reach() is how far before an anchor's end a match
 *	may start (side 0) or after it the rule may read (side 1).
 *--*/
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "om_log.h"
#include "om_rules_int.h"

/*
 * rules_anchor_reach - bytes before the end of an anchor match where a match of
 * its rule may start (side 0), or after it where the rule may still read
 * (side 1). anchor_before/anchor_after are characters, at most 4 bytes
 * each; without them, RULES_ANCHOR_SPAN either way.
 */
unsigned
rules_anchor_reach(const rules_rule *r, int side)
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
digit_reach(const rules_rule *r, int side)
{
	int     chars = side ? r->anchor_after : r->anchor_before;

	if (chars < 0)
		return (side ? RULES_ANCHOR_SPAN + RULES_MARGIN : RULES_ANCHOR_SPAN);
	return (RULES_CHAR_BYTES * ((unsigned) chars + (unsigned) side));
}

/* flag - mark a rule as may match (1) or to confirm over the whole text (2) */
static void
flag(prefilter_state *ps, unsigned id, unsigned char how)
{
	if (ps->flagged[id] == 0)
		ps->tls->touched[ps->ntouched++] = id;
	if (how > ps->flagged[id])
		ps->flagged[id] = how;
}

/* rules_win_close - move a rule's open window to the closed list */
void
rules_win_close(prefilter_state *ps, unsigned id)
{
	rules_win *w = ps->open + id;

	if (w->hi == 0)
		return;
	if (ps->nwins >= RULES_WINDOWS_MAX) {
		flag(ps, id, 2);
	} else {
		if (ps->nwins == ps->cap) {
			ps->cap = ps->cap ? ps->cap * 2 : 64;
			ps->wins = rules_xrealloc(ps->wins, ps->cap * sizeof(rules_win));
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
	rules_win_close(ps, id);
	w->rule = id;
	w->lo = lo;
	w->hi = hi;
	w->last = last;
}

/* rules_on_prefilter - vectorscan says this rule may match, ending here */
int
rules_on_prefilter(unsigned int id, unsigned long long from, unsigned long long to,
	     unsigned int fl, void *ctx)
{
	prefilter_state *ps = ctx;
	const rules_rule *r;
	size_t  lo, hi, reach;

	if (id >= ps->set->n) {
		/* A context word; past the bound, windows are not gated. */
		(void) rules_on_keyword(id - (unsigned) ps->set->n, from, to, fl, &ps->gocc);
		return (0);
	}
	for (; id != UINT_MAX; id = ps->set->twin[id]) {
		r = ps->set->v + id;
		if (r->maxwidth == 0) {
			flag(ps, id, 2);
			continue;
		}
		lo = to > r->maxwidth ? (size_t) to - r->maxwidth : 0;
		reach = r->anchor ? rules_anchor_reach(r, 1) : RULES_MARGIN;
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

/* digit_end - offset of the first byte at or after i that is not an ASCII digit, else len */
static size_t
digit_end(digit_mask *dm, const char *t, size_t i, size_t len)
{
	for (;;) {
		if (i >= len)
			return (len);
		if (!dm->valid || i < dm->base || i >= dm->base + 64) {
			dm->base = i & ~(size_t) 63;
			dm->bits = digit_bits(t, dm->base, len);
			dm->valid = 1;
		}
		{
			/* Past the end of the text the bits are 0: not digits. */
			uint64_t m = ~dm->bits >> (i - dm->base);

			if (m) {
				size_t  e = i + (size_t) __builtin_ctzll(m);

				return (e < len ? e : len);
			}
		}
		i = dm->base + 64;
	}
}

/* One rule anchored on digit runs, as one scan asks for it. */
typedef struct digit_rule {
	unsigned id, digits;
	size_t	before, after;		/* digit_reach() either side */
} digit_rule;

/*
 * rules_digit_runs - windows for the rules anchored on digit runs. A run is
 * ASCII digits, each pair joined by at most RULES_JOIN_MAX joiner bytes
 * (blank, tab, - . / ( )); a rule whose anchor_digits the run reaches
 * gets the run, widened by its anchor_before/anchor_after. One pass,
 * whatever the number of such rules.
 */
void
rules_digit_runs(prefilter_state *ps, unsigned scope, const om_rule *only)
{
	const om_ruleset *set = ps->set;
	const char *t = ps->text;
	digit_mask dm = {.valid = 0};
	size_t  len = ps->len, i, nr = 0;
	unsigned least;

	/*
	 * The rules this scan asks for, with their reach, once per text
	 * rather than once per run: a table of figures has thousands of
	 * runs. Fewest digits first, as in set->digit_rules.
	 */
	digit_rule local[32], *dr = local;

	if (set->ndigit > 32)
		dr = rules_xrealloc(NULL, set->ndigit * sizeof(digit_rule));

	for (size_t k = 0; k < set->ndigit; k++) {
		unsigned id = set->digit_rules[k];
		const rules_rule *r = set->v + id;

		if ((only && &r->pub != only) || !(r->pub.scopes & scope))
			continue;

		/*
		 * A near_context rule none of whose words the first pass found
		 * in this text: the scan would skip every window (as it skips
		 * the whole text), so none is made.
		 */
		if (r->near_context && r->ctx_need && r->ncontext > 0
		    && !(scope & OM_RULES_EVERY_CANDIDATE) && set->ngate > 0 && !ps->gocc.overflow
		    && !rules_occ_near(&ps->gocc, set->rkw[id].context, r->ncontext, 0, len))
			continue;
		dr[nr].id = id;
		dr[nr].digits = (unsigned) r->anchor_digits;
		dr[nr].before = digit_reach(r, 0);
		dr[nr].after = digit_reach(r, 1);
		nr++;
	}
	least = nr > 0 ? dr[0].digits : UINT_MAX;
	i = nr > 0 ? next_digit(&dm, t, 0, len) : len;
	while (i < len) {
		size_t  start = i, end, j;
		unsigned nd = 0;

		for (;;) {
			end = digit_end(&dm, t, i, len);
			nd += (unsigned) (end - i);
			i = end;
			for (j = i; j < len && j - i < RULES_JOIN_MAX && is_joiner(t[j]); j++)
				;
			if (j == i || j >= len || !is_digit(t[j]))
				break;
			i = j;
		}
		for (size_t k = 0; nd >= least && k < nr && dr[k].digits <= nd; k++)
			/* A match holds digits of the run: it starts before its end. */
			win_add(ps, dr[k].id, start > dr[k].before ? start - dr[k].before : 0,
				end + dr[k].after < len ? end + dr[k].after : len, end);
		i = next_digit(&dm, t, end, len);
	}
	if (dr != local)
		free(dr);
}

/*
 * rules_context_windows - windows for the rules tried near their context
 * words. A word before a match lies wholly within context_before
 * characters of its start; one after it, within context_after
 * characters of its end (as rules_judge() reads them). A rule whose every
 * candidate is asked for, or whose words were too many to keep, is
 * confirmed over the whole text.
 */
void
rules_context_windows(prefilter_state *ps, unsigned scope, const om_rule *only)
{
	const om_ruleset *set = ps->set;
	const kw_occ *o = &ps->gocc;
	size_t  len = ps->len;

	for (size_t c = 0; c < set->nctxw; c++) {
		unsigned i = set->ctxw[c];
		const rules_rule *r = set->v + i;
		size_t  width = (r->maxwidth ? r->maxwidth : RULES_ANCHOR_SPAN) + RULES_MARGIN;
		size_t  before = RULES_CHAR_BYTES * (size_t) r->ctx_before;
		size_t  after = RULES_CHAR_BYTES * (size_t) r->ctx_after;

		if ((only && &r->pub != only) || !(r->pub.scopes & scope))
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
 * rules_wins_order - the touched rules ascending, and the closed windows by
 * rule, then start. The windows were closed in order of end within each
 * rule, so a counting pass over the touched rules nearly always orders
 * them; a rule whose starts are out of order is sorted. The work follows
 * the rules this text touched, not the size of the set.
 */
void
rules_wins_order(prefilter_state *ps)
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
	first = rules_xrealloc(NULL, (nt + 1) * sizeof(size_t));
	memset(first, 0, (nt + 1) * sizeof(size_t));
	for (size_t i = 0; i < ps->nwins; i++)
		first[slot[ps->wins[i].rule] + 1]++;
	for (size_t k = 0; k < nt; k++)
		first[k + 1] += first[k];
	if (ps->spare_cap < ps->nwins) {
		free(ps->spare);
		ps->spare_cap = ps->cap;
		ps->spare = rules_xrealloc(NULL, ps->spare_cap * sizeof(rules_win));
	}
	out = ps->spare;
	for (size_t i = 0; i < ps->nwins; i++)
		out[first[slot[ps->wins[i].rule]]++] = ps->wins[i];
	/* first[k] is now the end of the windows of touched rule k */
	for (size_t k = 0, start = 0; k < nt; start = first[k], k++)
		for (size_t m = start + 1; m < first[k]; m++)
			if (out[m].lo < out[m - 1].lo) {
				qsort(out + start, first[k] - start, sizeof(rules_win), win_cmp);
				break;
			}
	/* The two arrays change places: the old one orders the next text. */
	ps->spare = ps->wins;
	ps->wins = out;
	{
		size_t  c = ps->cap;

		ps->cap = ps->spare_cap;
		ps->spare_cap = c;
	}
	free(first);
	merge_overlaps(ps);
}

/*
 * The window arrays of a scan of a long text run to a megabyte or two
 * (24,000 windows on a 200 KB CSV of orders). Allocated and freed for
 * every text, they came from mmap and were faulted in afresh each time:
 * a fifth of the engine's time on such mail. Up to RULES_WINS_KEPT
 * pairs are kept between scans, for any thread (so the memory kept
 * does not grow with the number of threads), under a lock taken twice
 * a scan.
 */
static pthread_mutex_t wins_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	rules_win *wins, *spare;
	size_t	cap, spare_cap;
} wins_kept[RULES_WINS_KEPT];
static int wins_nkept;

/* rules_wins_borrow - a kept pair of window arrays for this scan, if any */
void
rules_wins_borrow(prefilter_state *ps)
{
	pthread_mutex_lock(&wins_lock);
	if (wins_nkept > 0) {
		wins_nkept--;
		ps->wins = wins_kept[wins_nkept].wins;
		ps->cap = wins_kept[wins_nkept].cap;
		ps->spare = wins_kept[wins_nkept].spare;
		ps->spare_cap = wins_kept[wins_nkept].spare_cap;
	}
	pthread_mutex_unlock(&wins_lock);
}

/* rules_wins_return - keep the scan's window arrays, or free them */
void
rules_wins_return(prefilter_state *ps)
{
	pthread_mutex_lock(&wins_lock);
	if (wins_nkept < RULES_WINS_KEPT) {
		wins_kept[wins_nkept].wins = ps->wins;
		wins_kept[wins_nkept].cap = ps->cap;
		wins_kept[wins_nkept].spare = ps->spare;
		wins_kept[wins_nkept].spare_cap = ps->spare_cap;
		wins_nkept++;
		ps->wins = ps->spare = NULL;
	}
	pthread_mutex_unlock(&wins_lock);
	free(ps->wins);
	free(ps->spare);
	ps->wins = ps->spare = NULL;
	ps->cap = ps->spare_cap = 0;
}
