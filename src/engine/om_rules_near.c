/*++
 * NAME
 *	om_rules_near 3
 * SUMMARY
 *	keyword proximity and the verdict on one candidate
 * SYNOPSIS
 *	#include "om_rules_int.h"
 *
 *	void	rules_judge(state, rule, hit)
 *	prefilter_state *state;
 *	const rules_rule *rule;
 *	om_rule_hit *hit;
 *
 *	void	rules_kw_find(state)
 *	const kw_occ *rules_kw_occ_of(state)
 *	int	rules_occ_near(occ, words, nwords, lo, hi)
 *	int	rules_on_keyword(id, from, to, flags, occ)
 *	void	rules_occ_group(occ, nkw)
 *	void	rules_occ_free(occ)
 *	size_t	rules_fwd_chars(text, hi, pos, n)
 * DESCRIPTION
 *	Context, exclude and veto keywords are matched as bytes, ASCII
 *	letters without case, within a rule's window of characters before
 *	and after a candidate. Three ways to find them give the same
 *	answer: the occurrences of every keyword in the text, from one
 *	pass of the keyword database (rules_kw_find(); grouped by word by
 *	rules_occ_group(), then a binary search per word); one scan of the
 *	keyword database over the candidate's neighbourhood; or, when no
 *	database is there or too many words are near, a memmem or a byte
 *	comparison per word. A text pays for the whole-text pass only once
 *	the neighbourhood scans would have read more than the text.
 *
 *	rules_judge() gives one candidate its status: the validator's
 *	verdict, then a veto word near, an exclude word nearer than any
 *	context word, a required context word missing; and its score.
 *
 *	With exclude_line, an exclude word counts only in the line and
 *	the cell (between tabs, commas and |) of the candidate, or in a
 *	short label line (no digit) above a candidate that starts its own
 *	line: the word labels the value next to it, not the next line's.
 *
 *	rules_occ_near() tells whether a word of a list ends within a
 *	span, for the scan's gate on rules that require context.
 *--*/
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "om_log.h"
#include "om_rules_int.h"
#include "om_utf8.h"

/* back_chars - byte offset n characters before pos, not before lo */
static size_t
back_chars(const char *t, size_t lo, size_t pos, unsigned n)
{
	while (pos > lo && n > 0) {
		pos--;
		while (pos > lo && om_utf8_is_cont((unsigned char) t[pos]))
			pos--;
		n--;
	}
	return (pos);
}

/* rules_fwd_chars - byte offset n characters after pos, not after hi */
size_t
rules_fwd_chars(const char *t, size_t hi, size_t pos, unsigned n)
{
	while (pos < hi && n > 0) {
		pos++;
		while (pos < hi && om_utf8_is_cont((unsigned char) t[pos]))
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
	size_t  hi = rules_fwd_chars(t, len, end, after);
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

/* rules_occ_group - order the collected keyword ends by word, then offset */
void
rules_occ_group(kw_occ *o, size_t nkw)
{
	size_t *sorted, *fill;

	if (o->n == 0)
		return;			/* first stays NULL: no word occurs */
	o->first = rules_xrealloc(NULL, (nkw + 1) * sizeof(size_t));
	memset(o->first, 0, (nkw + 1) * sizeof(size_t));
	if (o->overflow)
		return;
	for (size_t i = 0; i < o->n; i++)
		o->first[o->word[i] + 1]++;
	for (size_t w = 0; w < nkw; w++)
		o->first[w + 1] += o->first[w];
	sorted = rules_xrealloc(NULL, (o->n ? o->n : 1) * sizeof(size_t));
	fill = rules_xrealloc(NULL, (nkw ? nkw : 1) * sizeof(size_t));
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

/* rules_occ_free - the occurrences of one text */
void
rules_occ_free(kw_occ *o)
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
		if (!om_utf8_is_cont((unsigned char) t[i]) && ++c > n)
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

/* rules_occ_near - a word of the list ends within [lo, hi] */
int
rules_occ_near(const kw_occ *o, const unsigned *words, size_t nwords, size_t lo, size_t hi)
{
	for (size_t k = 0; k < nwords && o->first; k++) {
		size_t  i = first_at_least(o->end, o->first[words[k]], o->first[words[k] + 1], lo);

		if (i < o->first[words[k] + 1] && o->end[i] <= hi)
			return (1);
	}
	return (0);
}

/* rules_on_keyword - a keyword ends here */
int
rules_on_keyword(unsigned int id, unsigned long long from, unsigned long long to,
	   unsigned int fl, void *ctx)
{
	kw_occ *o = ctx;

	if (o->n >= RULES_OCC_MAX) {
		o->overflow = 1;
		return (1);
	}
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 256;
		o->word = rules_xrealloc(o->word, o->cap * sizeof(unsigned));
		o->end = rules_xrealloc(o->end, o->cap * sizeof(size_t));
	}
	o->word[o->n] = id;
	o->end[o->n++] = (size_t) to;
	return (0);
}

/*
 * rules_kw_find - where every keyword occurs in the text, in one pass of the
 * keyword database. Until searching near each candidate would have read
 * more than the text's length, the keywords are searched near each
 * candidate instead: most texts have no candidate or a few.
 */
void
rules_kw_find(prefilter_state *ps)
{
	hs_error_t e;

	if (ps->occ_state != 0)
		return;
	ps->occ_state = -1;
	if (ps->set->kwdb == NULL)
		return;
	e = hs_scan(ps->set->kwdb, ps->text, (unsigned) (ps->len > 0xffffffffu ? 0xffffffffu : ps->len),
		    0, ps->tls->scratch, rules_on_keyword, &ps->occ);
	if (e != HS_SUCCESS && e != HS_SCAN_TERMINATED) {
		om_warn("vectorscan: keyword scan failed (%d)", (int) e);
		return;
	}
	rules_occ_group(&ps->occ, ps->set->nkw);
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

/* rules_kw_occ_of - the keyword occurrences if found, else NULL (search near) */
const kw_occ *
rules_kw_occ_of(const prefilter_state *ps)
{
	return (ps->occ_state == 1 ? &ps->occ : NULL);
}

/* is_cell_end - a byte that ends a line or a table cell */
static inline int
is_cell_end(char c)
{
	return (c == '\n' || c == '\r' || c == '\t' || c == ',' || c == '|');
}

/* count_chars - characters in [a, b) */
static unsigned
count_chars(const char *t, size_t a, size_t b)
{
	unsigned n = 0;

	for (size_t i = a; i < b; i++)
		n += (((unsigned char) t[i]) & 0xc0) != 0x80;
	return (n);
}

/*
 * label_above - distance in bytes from an exclude word in the line above
 * to a candidate at start that begins its own line, when that line (its
 * last cell) is a label: no digit, at most LABEL_CHARS characters
 * ("配送伝票番号:" on one line, the number under it); -1 when not.
 */
#define LABEL_CHARS	16

static long
label_above(const char *t, size_t start, char **words, size_t nwords)
{
	size_t  i = start, e, b;
	long    best = -1;

	while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t'))
		i--;
	if (i == 0 || t[i - 1] != '\n')
		return (-1);
	e = i - 1;
	for (b = e; b > 0 && !is_cell_end(t[b - 1]); b--)
		if ((t[b - 1] >= '0' && t[b - 1] <= '9') || e - b >= LABEL_CHARS * RULES_CHAR_BYTES)
			return (-1);
	if (count_chars(t, b, e) > LABEL_CHARS)
		return (-1);
	for (size_t w = 0; w < nwords; w++) {
		size_t  wl = strlen(words[w]);

		for (size_t k = b; k + wl <= e; k++)
			if (word_at(t, k, e, words[w], wl) && (best < 0 || (long) (start - k - wl) < best))
				best = (long) (start - k - wl);
	}
	return (best);
}

/* rules_judge - validator, context and exclusions of one candidate */
void
rules_judge(prefilter_state *ps, const rules_rule *r, om_rule_hit *h)
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
	h->score = r->pub.weight;
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
		hi = rules_fwd_chars(t, len, h->end, r->ctx_after);
		ps->kw_cost += hi - lo + RULES_KW_CALL;
		if (ps->kw_cost > len)
			rules_kw_find(ps);
		else
			scanned = near_scan(ps, lo, hi, &kn) == 0;
	}
	o = rules_kw_occ_of(ps);
#define NEAREST(list, n) (o ? nearest_occ(set, o, t, h->start, h->end, rk->list, n, \
					  r->ctx_before, r->ctx_after) \
			  : scanned ? nearest_near(set, &kn, h->start, h->end, rk->list, n, lo, hi) \
			  : nearest(t, len, h->start, h->end, r->list, n, r->ctx_before, r->ctx_after))
	if (r->ncontext)
		dc = NEAREST(context, r->ncontext);
	if (r->nexclude && !r->exclude_line)
		dx = NEAREST(exclude, r->nexclude);
	else if (r->nexclude) {
		/* Only in the candidate's own line and cell, or labelling it from above. */
		size_t  wlo = back_chars(t, 0, h->start, r->ctx_before);
		size_t  whi = rules_fwd_chars(t, len, h->end, r->ctx_after);
		size_t  clo = h->start, chi = h->end;
		unsigned before, after;
		long    da;

		while (clo > wlo && !is_cell_end(t[clo - 1]))
			clo--;
		while (chi < whi && !is_cell_end(t[chi]))
			chi++;
		before = count_chars(t, clo, h->start);
		after = count_chars(t, h->end, chi);
		dx = o ? nearest_occ(set, o, t, h->start, h->end, rk->exclude, r->nexclude, before, after)
		    : scanned ? nearest_near(set, &kn, h->start, h->end, rk->exclude, r->nexclude, clo, chi)
		    : nearest(t, len, h->start, h->end, r->exclude, r->nexclude, before, after);
		da = label_above(t, h->start, r->exclude, r->nexclude);
		if (da >= 0 && (dx < 0 || da < dx))
			dx = da;
	}
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
