/*++
 * NAME
 *	om_pool 3h
 * SUMMARY
 *	per-message allocation pool
 * DESCRIPTION
 *	Everything the engine allocates for one message comes from that
 *	message's pool and is released by om_pool_free() in one step, so
 *	nothing outlives the message and no path can leak a piece of it.
 *	Blocks are never freed one by one. Allocation failure panics.
 *--*/
#ifndef OM_POOL_H
#define OM_POOL_H

#include <stddef.h>

typedef struct om_pool om_pool;

om_pool *om_pool_new(void);
void	om_pool_free(om_pool *p);
void   *om_pool_alloc(om_pool *p, size_t n);
void   *om_pool_zalloc(om_pool *p, size_t n);
char   *om_pool_strdup(om_pool *p, const char *s);
char   *om_pool_strndup(om_pool *p, const char *s, size_t n);
void   *om_pool_memdup(om_pool *p, const void *s, size_t n);
char   *om_pool_printf(om_pool *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t	om_pool_used(const om_pool *p);
void   *om_pool_grow(om_pool *p, void *v, size_t n, size_t *cap, size_t elem);

#endif
