/*++
 * NAME
 *	om_magic 3h
 * SUMMARY
 *	content type by libmagic, from a pool of handles
 * DESCRIPTION
 *	om_magic_type() returns the MIME type libmagic sees in a buffer
 *	("application/zip", "text/plain", ...), or NULL if libmagic could
 *	not tell; a weak guess (a format without a signature) over bytes
 *	that decode cleanly as text is replaced by "text/plain". The
 *	string is copied into the caller's pool. A libmagic
 *	handle is not thread-safe and costly to load and to keep, so the
 *	threads share a small pool of them (at most two per CPU), made on
 *	first use and closed by om_magic_done() at exit.
 *--*/
#ifndef OM_MAGIC_H
#define OM_MAGIC_H

#include <stddef.h>

#include "om_pool.h"

const char *om_magic_type(om_pool *pool, const void *data, size_t len);
void	om_magic_done(void);

#endif
