/*++
 * NAME
 *	om_rules_scan 3
 * SUMMARY
 *	the scan driver: passes, confirms, examples
 * SYNOPSIS
 *	#include "om_rules.h"
 *
 *	(see om_rules.h: om_rules_scan(), om_rules_check_examples(),
 *	om_rules_hit_status())
 * DESCRIPTION
 *	om_rules_scan() takes one text through the passes in order: the
 *	prefilter database (rules_on_prefilter()), the digit runs, the
 *	windows around context words; then, for the rules with work in
 *	ascending order (those confirmed over every text merged with those
 *	this text touched), PCRE2 in each window, or over the whole text,
 *	and rules_judge() on every candidate, which goes to the callback.
 *	A rule that requires a context keyword is not confirmed where none
 *	of its keywords is near, when those are known.
 *
 *	State: the set is read only; the vectorscan scratch, the PCRE2
 *	match data and match context (limits, offset limit) and the
 *	per-rule arrays are per thread (rules_tls), allocated on first
 *	use and sized for the largest set seen; the rest is per scan
 *	(prefilter_state) and freed before returning. One scan at a time
 *	per thread: a callback that scans again gets an error.
 *
 *	om_rules_check_examples() runs every rule's embedded examples.
 * DIAGNOSTICS
 *	-1 when a PCRE2 limit or error, or a vectorscan error, stopped the
 *	scan (logged as a warning): never "no match".
 *--*/
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "om_buf.h"
#include "om_charset.h"
#include "om_log.h"
#include "om_norm.h"
#include "om_rules_int.h"
#include "om_utf8.h"

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

/* confirm - every PCRE2 match of one rule; 0, or -1 on a limit or error */
static int
confirm(prefilter_state *ps, const rules_rule *r, size_t lo, size_t hi, size_t last,
	om_rules_cb cb, void *arg)
{
	const char *t = ps->text;
	size_t  len = ps->len;
	PCRE2_SIZE off = lo;
	uint32_t opts = PCRE2_NO_UTF_CHECK;

	/* Windows start and end on character boundaries. */
	while (off > 0 && off < len && om_utf8_is_cont((unsigned char) t[off]))
		off--;
	while (hi < len && om_utf8_is_cont((unsigned char) t[hi]))
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
			om_warn("rule %s: %s", r->pub.id, (char *) msg);
			return (-1);
		}
		ov = pcre2_get_ovector_pointer(ps->tls->md);
		memset(&h, 0, sizeof(h));
		h.rule = &r->pub;
		h.start = ov[0];
		h.end = ov[1];
		if (r->report > 0 && rc > r->report && ov[2 * r->report] != PCRE2_UNSET) {
			h.start = ov[2 * r->report];
			h.end = ov[2 * r->report + 1];
		}
		if (h.end > h.start) {
			rules_judge(ps, r, &h);
			if (cb(&h, arg) < 0)
				return (-1);
		}
		if (ov[1] > ov[0]) {
			off = ov[1];
		} else {
			off = rules_fwd_chars(t, hi, ov[1], 1);
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
	rules_wins_borrow(&ps);

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
				       ps.tls->scratch, rules_on_prefilter, &ps);

		if (e != HS_SUCCESS) {
			om_warn("vectorscan: scan failed (%d)", (int) e);
			ret = -1;
			goto out;
		}
	}
	/* The context words of the first pass, before the digit runs use them. */
	if (set->ngate > 0) {
		rules_occ_group(&ps.gocc, set->nkw);
		gocc = ps.gocc.overflow ? NULL : &ps.gocc;
	}
	if (set->ndigit > 0) {
		/* After the anchors' windows are closed, so each rule's come in order. */
		for (size_t k = 0; k < ps.ntouched; k++)
			rules_win_close(&ps, ps.tls->touched[k]);
		rules_digit_runs(&ps, scope, only);
	}
	if (set->ngate > 0)
		rules_context_windows(&ps, scope, only);
	for (size_t k = 0; k < ps.ntouched; k++)
		rules_win_close(&ps, ps.tls->touched[k]);
	rules_wins_order(&ps);

	/*
	 * The rules with work, ascending: those confirmed over every text,
	 * merged with those this text touched.
	 */
	for (size_t a = 0, b = 0; (a < set->nwhole || b < ps.ntouched) && ret == 0;) {
		unsigned i;
		const rules_rule *r;

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
		if ((only && &r->pub != only) || !(r->pub.scopes & scope))
			continue;
		if (gate && !r->near_context) {
			occ = rules_kw_occ_of(&ps);
		} else if (gate && (occ = gocc) == NULL) {
			rules_kw_find(&ps);
			occ = rules_kw_occ_of(&ps);
		}
		if (!r->prefiltered || ps.flagged[i] == 2) {
			/* PCRE2 over the whole text: worth one keyword pass first. */
			if (gate && occ == NULL) {
				rules_kw_find(&ps);
				occ = rules_kw_occ_of(&ps);
			}
			if (gate && occ != NULL && !rules_occ_near(occ, set->rkw[i].context, r->ncontext, 0, len))
				continue;
			if (confirm(&ps, r, 0, len, len, cb, arg) < 0)
				ret = -1;
			continue;
		}
		for (; w < ps.nwins && ps.wins[w].rule == i; w++) {
			size_t  lo = ps.wins[w].lo, hi = ps.wins[w].hi, last = ps.wins[w].last;

			if (gate && occ != NULL
			    && !rules_occ_near(occ, set->rkw[i].context, r->ncontext,
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
	rules_wins_return(&ps);
	rules_occ_free(&ps.occ);
	rules_occ_free(&ps.gocc);
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
		const rules_rule *r = set->v + i;

		for (size_t k = 0; k < r->nexamples; k++) {
			const rules_example *ex = r->examples + k;
			om_buf  nb;
			int     hit = 0, rc;

			om_buf_init(&nb, 0);
			om_norm_text(ex->text, strlen(ex->text), &nb);
			om_buf_putc(&nb, 0);
			rc = om_rules_scan(set, nb.data, nb.len - 1, r->pub.scopes, &r->pub, example_cb, &hit);
			if (rc < 0) {
				rules_error(err, "%s, line %d: rule %s: example could not be matched (limit or error)",
					    r->pub.file, ex->line, r->pub.id);
				failed++;
			} else if (hit != ex->must_match) {
				rules_error(err, "%s, line %d: rule %s: example %s",
					    r->pub.file, ex->line, r->pub.id,
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
