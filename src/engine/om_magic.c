/*++
 * NAME
 *	om_magic 3
 * SUMMARY
 *	libmagic wrapper
 * DESCRIPTION
 *	See om_magic.h. Decompression and external helpers are off: the
 *	archive code looks inside containers itself, within its limits.
 *
 *	A handle is not thread-safe, and each maps the whole compiled
 *	database (some 6 MB of resident memory): one per thread made a
 *	daemon serving 100 sessions, one thread each, hold 100 of them.
 *	The handles are kept in one pool instead, at most two per CPU;
 *	a thread borrows one for a call and gives it back, and waits for
 *	one when all are lent (a call lasts a millisecond or two, and
 *	more threads than CPUs would not run faster anyway).
 *	om_magic_done() closes them at exit.
 *
 *	An answer that names a format without a signature of its own is
 *	checked against the bytes (om_sniff.h): text that decodes
 *	cleanly is text/plain whatever libmagic guessed.
 *--*/
#include "config.h"

#include <magic.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "om_log.h"
#include "om_magic.h"
#include "om_sniff.h"

#define MAGIC_INPUT_MAX	(4u * 1024 * 1024)

#define MAGIC_FLAGS	(MAGIC_MIME_TYPE | MAGIC_ERROR | MAGIC_NO_CHECK_COMPRESS \
			 | MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_ENCODING)

#define MAGIC_HANDLES_MAX	64	/* whatever the number of CPUs */

static pthread_mutex_t magic_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t magic_cond = PTHREAD_COND_INITIALIZER;
static magic_t magic_idle[MAGIC_HANDLES_MAX];	/* loaded, not lent */
static int magic_nidle;
static int magic_made;			/* loaded and not closed (idle or lent) */
static int magic_cap;			/* at most this many; 0: not yet known */
static int magic_failed;		/* the database did not load: never again */

/* magic_load_one - a new handle, or NULL */
static magic_t
magic_load_one(void)
{
	magic_t m;

	m = magic_open(MAGIC_FLAGS);
	if (m == NULL || magic_load(m, NULL) != 0) {
		om_warn("libmagic: cannot load its database: %s",
			m ? magic_error(m) : "magic_open failed");
		if (m)
			magic_close(m);
		return (NULL);
	}
	return (m);
}

/* magic_borrow - an idle handle, a new one below the cap, or wait; NULL if none loads */
static magic_t
magic_borrow(void)
{
	magic_t m;

	pthread_mutex_lock(&magic_lock);
	if (magic_cap == 0) {
		long    ncpu = sysconf(_SC_NPROCESSORS_ONLN);

		magic_cap = ncpu < 1 ? 2 : ncpu * 2 > MAGIC_HANDLES_MAX ? MAGIC_HANDLES_MAX : (int) ncpu * 2;
	}
	while (!magic_failed && magic_nidle == 0 && magic_made >= magic_cap)
		pthread_cond_wait(&magic_cond, &magic_lock);
	if (magic_failed) {
		pthread_mutex_unlock(&magic_lock);
		return (NULL);
	}
	if (magic_nidle > 0) {
		m = magic_idle[--magic_nidle];
		pthread_mutex_unlock(&magic_lock);
		return (m);
	}
	magic_made++;
	pthread_mutex_unlock(&magic_lock);
	/* Loading takes a while: others may borrow meanwhile. */
	if ((m = magic_load_one()) == NULL) {
		pthread_mutex_lock(&magic_lock);
		magic_made--;
		magic_failed = 1;
		pthread_cond_broadcast(&magic_cond);
		pthread_mutex_unlock(&magic_lock);
	}
	return (m);
}

/* magic_return - give a borrowed handle back */
static void
magic_return(magic_t m)
{
	pthread_mutex_lock(&magic_lock);
	magic_idle[magic_nidle++] = m;
	pthread_cond_signal(&magic_cond);
	pthread_mutex_unlock(&magic_lock);
}

/* om_magic_type - MIME type of a buffer, or NULL */
const char *
om_magic_type(om_pool *pool, const void *data, size_t len)
{
	magic_t m;
	const char *t;

	if ((m = magic_borrow()) == NULL)
		return (NULL);
	if (len == 0) {
		magic_return(m);
		return (om_pool_strdup(pool, "application/x-empty"));
	}
	if (len > MAGIC_INPUT_MAX)
		len = MAGIC_INPUT_MAX;

	/*
	 * libmagic's text tests (its text magic: hundreds of regular
	 * expressions, compiled at every call) cost four fifths of a call
	 * on a text part, and all they add is the kind of text (TeX, C, a
	 * diff, a makefile). When every byte of the buffer is proven text
	 * here, they are left out: an answer of the other tests (JSON, a
	 * signature such as PDF, RTF or #!) is the one the full run gives,
	 * and otherwise the buffer is text/plain. Anything else gets the
	 * full run.
	 */
	if (len <= OM_SNIFF_DECODE_MAX && om_sniff_text_whole(data, len)) {
		magic_setflags(m, MAGIC_FLAGS | MAGIC_NO_CHECK_TEXT);
		t = magic_buffer(m, data, len);
		magic_setflags(m, MAGIC_FLAGS);
		if (t != NULL && strcmp(t, "application/octet-stream") == 0)
			t = "text/plain";
	} else
		t = magic_buffer(m, data, len);

	/*
	 * A guess from a format with no signature (a DOS .COM file, raw
	 * audio, a disk image) never beats a clean text decode: libmagic
	 * calls Shift_JIS text that starts with common kanji a .COM file.
	 * The buffer may be the start of a longer file, so the decode
	 * stops at its last line end.
	 */
	if (t == NULL || om_sniff_weak_magic(t)) {
		if (om_sniff_text(data, len, 1))
			t = "text/plain";
	}
	/* The answer lives in the handle: copied before it goes back. */
	t = t ? om_pool_strdup(pool, t) : NULL;
	magic_return(m);
	return (t);
}

/* om_magic_done - close the idle handles (at exit, when none is lent) */
void
om_magic_done(void)
{
	pthread_mutex_lock(&magic_lock);
	while (magic_nidle > 0) {
		magic_close(magic_idle[--magic_nidle]);
		magic_made--;
	}
	pthread_mutex_unlock(&magic_lock);
}
