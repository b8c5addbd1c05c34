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
 *--*/
#include "config.h"

#include <magic.h>
#include <pthread.h>
#include <string.h>

#include "om_log.h"
#include "om_magic.h"

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
	t = magic_buffer(m, data, len > MAGIC_INPUT_MAX ? MAGIC_INPUT_MAX : len);
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
