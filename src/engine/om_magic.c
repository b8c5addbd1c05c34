/*++
 * NAME
 *	om_magic 3
 * SUMMARY
 *	libmagic wrapper
 * DESCRIPTION
 *	See om_magic.h. Decompression and external helpers are off: the
 *	archive code looks inside containers itself, within its limits.
 *
 *	Each thread's handle is a thread-specific value whose destructor
 *	closes it, so a thread pool that ends idle workers (libmilter's
 *	does) cannot leak one mapping of the magic database per worker.
 *	The main thread's handle, which no destructor sees, is closed by
 *	om_magic_thread_done().
 *
 *	An answer that names a format without a signature of its own is
 *	checked against the bytes (om_sniff.h): text that decodes
 *	cleanly is text/plain whatever libmagic guessed.
 *--*/
#include "config.h"

#include <magic.h>
#include <pthread.h>
#include <string.h>

#include "om_log.h"
#include "om_magic.h"
#include "om_sniff.h"

#define MAGIC_INPUT_MAX	(4u * 1024 * 1024)

/* Marks a thread whose handle could not be loaded: do not retry. */
#define MAGIC_FAILED	((void *) 1)

static pthread_key_t magic_key;
static pthread_once_t magic_once = PTHREAD_ONCE_INIT;

/* magic_key_done - a thread ends: close its handle */
static void
magic_key_done(void *value)
{
	if (value != NULL && value != MAGIC_FAILED)
		magic_close((magic_t) value);
}

/* magic_key_init - once per process */
static void
magic_key_init(void)
{
	if (pthread_key_create(&magic_key, magic_key_done) != 0)
		om_panic("om_magic: pthread_key_create failed");
}

/* magic_handle - this thread's handle, loaded on first use */
static magic_t
magic_handle(void)
{
	void   *value;
	magic_t m;

	pthread_once(&magic_once, magic_key_init);
	value = pthread_getspecific(magic_key);
	if (value == MAGIC_FAILED)
		return (NULL);
	if (value != NULL)
		return ((magic_t) value);
	m = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR | MAGIC_NO_CHECK_COMPRESS
		       | MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_ENCODING);
	if (m == NULL || magic_load(m, NULL) != 0) {
		om_warn("libmagic: cannot load its database: %s",
			m ? magic_error(m) : "magic_open failed");
		if (m)
			magic_close(m);
		(void) pthread_setspecific(magic_key, MAGIC_FAILED);
		return (NULL);
	}
	(void) pthread_setspecific(magic_key, m);
	return (m);
}

/* om_magic_type - MIME type of a buffer, or NULL */
const char *
om_magic_type(om_pool *pool, const void *data, size_t len)
{
	magic_t m = magic_handle();
	const char *t;

	if (m == NULL)
		return (NULL);
	if (len == 0)
		return (om_pool_strdup(pool, "application/x-empty"));
	if (len > MAGIC_INPUT_MAX)
		len = MAGIC_INPUT_MAX;
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
	return (t ? om_pool_strdup(pool, t) : NULL);
}

/* om_magic_thread_done - close this thread's handle now */
void
om_magic_thread_done(void)
{
	void   *value;

	pthread_once(&magic_once, magic_key_init);
	value = pthread_getspecific(magic_key);
	magic_key_done(value);
	(void) pthread_setspecific(magic_key, NULL);
}
