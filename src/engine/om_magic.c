/*++
 * NAME
 *	om_magic 3
 * SUMMARY
 *	libmagic wrapper
 * DESCRIPTION
 *	See om_magic.h. Decompression and external helpers are off: the
 *	archive code looks inside containers itself, within its limits.
 *--*/
#include "config.h"

#include <magic.h>
#include <string.h>

#include "om_log.h"
#include "om_magic.h"

#define MAGIC_INPUT_MAX	(4u * 1024 * 1024)

static __thread magic_t magic_cookie;
static __thread int magic_failed;

/* magic_handle - this thread's handle, loaded on first use */
static magic_t
magic_handle(void)
{
	if (magic_cookie || magic_failed)
		return (magic_cookie);
	magic_cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR | MAGIC_NO_CHECK_COMPRESS
				  | MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_ENCODING);
	if (magic_cookie == NULL || magic_load(magic_cookie, NULL) != 0) {
		om_warn("libmagic: cannot load its database: %s",
			magic_cookie ? magic_error(magic_cookie) : "magic_open failed");
		if (magic_cookie)
			magic_close(magic_cookie);
		magic_cookie = NULL;
		magic_failed = 1;
	}
	return (magic_cookie);
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

/* om_magic_thread_done - close this thread's handle */
void
om_magic_thread_done(void)
{
	if (magic_cookie)
		magic_close(magic_cookie);
	magic_cookie = NULL;
	magic_failed = 0;
}
