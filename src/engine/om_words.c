/*++
 * NAME
 *	om_words 3
 * SUMMARY
 *	fixed word lists, found line by line in one pass
 * DESCRIPTION
 *	See om_words.h. Each distinct word is one literal of the
 *	database (hs_compile_lit_multi, so no word needs escaping); its id
 *	indexes the mask of the lists it belongs to. A text costs one
 *	vectorscan pass whatever the number of words, instead of one
 *	search per word per line.
 *
 *	Scratch space is per thread and per set (a thread-specific key of
 *	the set): hs_alloc_scratch() runs once per thread, not per text.
 *--*/
#include "config.h"

#include <hs/hs.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "om_log.h"
#include "om_words.h"

#define WORDS_MAX	4096
#define WORD_LEN_MAX	256

struct om_words {
	hs_database_t *db;
	uint32_t *masks;		/* per literal: lists it is in */
	size_t *lens;			/* per literal: bytes */
	pthread_key_t key;		/* this thread's hs_scratch_t */
};

/* has_letters - the word has ASCII letters (matched without case) */
static int
has_letters(const char *w)
{
	for (; *w; w++)
		if ((*w >= 'A' && *w <= 'Z') || (*w >= 'a' && *w <= 'z'))
			return (1);
	return (0);
}

/* scratch_done - a thread ends: free its scratch */
static void
scratch_done(void *p)
{
	hs_free_scratch(p);
}

/* om_words_new - compile the lists; NULL (with a warning) on failure */
om_words *
om_words_new(const char *const *const *lists, size_t nlists)
{
	const char **lits = calloc(WORDS_MAX, sizeof(char *));
	unsigned *flags = calloc(WORDS_MAX, sizeof(unsigned)), *ids = calloc(WORDS_MAX, sizeof(unsigned));
	om_words *ws = calloc(1, sizeof(*ws));
	hs_compile_error_t *cerr = NULL;
	size_t  n = 0;

	if (lits == NULL || flags == NULL || ids == NULL || ws == NULL)
		om_panic("out of memory");
	ws->masks = calloc(WORDS_MAX, sizeof(uint32_t));
	ws->lens = calloc(WORDS_MAX, sizeof(size_t));
	if (ws->masks == NULL || ws->lens == NULL)
		om_panic("out of memory");
	if (nlists > 32)
		om_panic("om_words_new: %zu lists (32 at most)", nlists);
	for (size_t l = 0; l < nlists; l++) {
		for (const char *const *w = lists[l]; *w; w++) {
			size_t  k, wl = strlen(*w);

			if (wl == 0 || wl > WORD_LEN_MAX)
				om_panic("om_words_new: bad word length %zu", wl);
			for (k = 0; k < n && strcmp(lits[k], *w) != 0; k++)
				;
			if (k == n) {
				if (n == WORDS_MAX)
					om_panic("om_words_new: more than %d words", WORDS_MAX);
				lits[n] = *w;
				ws->lens[n] = wl;
				flags[n] = has_letters(*w) ? HS_FLAG_CASELESS : 0;
				ids[n] = (unsigned) n;
				n++;
			}
			ws->masks[k] |= 1u << l;
		}
	}
	if (hs_compile_lit_multi(lits, flags, ids, ws->lens, (unsigned) n, HS_MODE_BLOCK, NULL,
				 &ws->db, &cerr) != HS_SUCCESS) {
		om_warn("word lists not compiled: %s", cerr ? cerr->message : "?");
		hs_free_compile_error(cerr);
		free(ws->masks);
		free(ws->lens);
		free(ws);
		ws = NULL;
	} else if (pthread_key_create(&ws->key, scratch_done) != 0) {
		om_panic("pthread_key_create failed");
	}
	free(lits);
	free(flags);
	free(ids);
	return (ws);
}

/* om_words_free - the set, and this thread's scratch */
void
om_words_free(om_words *ws)
{
	hs_scratch_t *s;

	if (ws == NULL)
		return;
	if ((s = pthread_getspecific(ws->key)) != NULL) {
		hs_free_scratch(s);
		pthread_setspecific(ws->key, NULL);
	}
	pthread_key_delete(ws->key);
	hs_free_database(ws->db);
	free(ws->masks);
	free(ws->lens);
	free(ws);
}

typedef struct lines_state {
	const om_words *ws;
	const size_t *starts;
	size_t	nlines;
	uint32_t *bits;
} lines_state;

/* on_word - mark the line the word starts on */
static int
on_word(unsigned int id, unsigned long long from, unsigned long long to,
	unsigned int fl, void *ctx)
{
	lines_state *st = ctx;
	size_t  start = (size_t) to - st->ws->lens[id], lo = 0, hi = st->nlines;

	(void) from;
	(void) fl;
	/* The last line starting at or before the word. */
	while (hi - lo > 1) {
		size_t  mid = lo + (hi - lo) / 2;

		if (st->starts[mid] <= start)
			lo = mid;
		else
			hi = mid;
	}
	if (st->nlines > 0 && st->starts[lo] <= start)
		st->bits[lo] |= st->ws->masks[id];
	return (0);
}

/* om_words_lines - list bits per line; 0, or -1 when the scan failed */
int
om_words_lines(const om_words *ws, const char *text, size_t len,
	       const size_t *starts, size_t nlines, uint32_t *bits)
{
	hs_scratch_t *s;
	lines_state st;

	memset(bits, 0, nlines * sizeof(uint32_t));
	if (ws == NULL || len == 0 || nlines == 0)
		return (ws == NULL ? -1 : 0);
	if ((s = pthread_getspecific(ws->key)) == NULL) {
		if (hs_alloc_scratch(ws->db, &s) != HS_SUCCESS)
			om_panic("vectorscan: cannot allocate scratch");
		pthread_setspecific(ws->key, s);
	}
	st.ws = ws;
	st.starts = starts;
	st.nlines = nlines;
	st.bits = bits;
	if (hs_scan(ws->db, text, (unsigned) (len > 0xffffffffu ? 0xffffffffu : len), 0, s,
		    on_word, &st) != HS_SUCCESS) {
		om_warn("vectorscan: word scan failed");
		return (-1);
	}
	return (0);
}
