/*++
 * NAME
 *	om_pool 3
 * SUMMARY
 *	chunked bump allocator for per-message data
 * DESCRIPTION
 *	Small requests are carved from 16 KB chunks; a large request gets a
 *	chunk of its own. All chunks sit on one list and go in om_pool_free().
 *--*/
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "om_log.h"
#include "om_pool.h"

#define POOL_CHUNK	16384
#define POOL_ALIGN	16

struct pool_chunk {
	struct pool_chunk *next;
	size_t  size;
	size_t  used;
	max_align_t data[];
};

struct om_pool {
	struct pool_chunk *head;
	size_t  total;
};

/* om_pool_new - empty pool */
om_pool *
om_pool_new(void)
{
	om_pool *p = calloc(1, sizeof(*p));

	if (p == NULL)
		om_panic("out of memory");
	return (p);
}

/* om_pool_free - release everything */
void
om_pool_free(om_pool *p)
{
	struct pool_chunk *c, *next;

	if (p == NULL)
		return;
	for (c = p->head; c; c = next) {
		next = c->next;
		free(c);
	}
	free(p);
}

/* pool_chunk_new - a chunk of at least n usable bytes */
static struct pool_chunk *
pool_chunk_new(size_t n)
{
	struct pool_chunk *c;

	if (n > SIZE_MAX - sizeof(*c))
		om_panic("om_pool: request too large");
	if ((c = malloc(sizeof(*c) + n)) == NULL)
		om_panic("out of memory (%zu bytes)", n);
	c->size = n;
	c->used = 0;
	return (c);
}

/* om_pool_alloc - n bytes, aligned, uninitialised */
void   *
om_pool_alloc(om_pool *p, size_t n)
{
	struct pool_chunk *c = p->head;
	void   *ret;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - POOL_ALIGN)
		om_panic("om_pool: request too large");
	n = (n + POOL_ALIGN - 1) & ~(size_t) (POOL_ALIGN - 1);
	if (n > POOL_CHUNK / 4) {
		/* Big block: own chunk, linked behind the current one. */
		c = pool_chunk_new(n);
		c->used = n;
		if (p->head) {
			c->next = p->head->next;
			p->head->next = c;
		} else {
			c->next = NULL;
			p->head = c;
		}
		p->total += n;
		return (c->data);
	}
	if (c == NULL || c->size - c->used < n) {
		c = pool_chunk_new(POOL_CHUNK);
		c->next = p->head;
		p->head = c;
	}
	ret = (char *) c->data + c->used;
	c->used += n;
	p->total += n;
	return (ret);
}

/* om_pool_zalloc - n zeroed bytes */
void   *
om_pool_zalloc(om_pool *p, size_t n)
{
	void   *ret = om_pool_alloc(p, n);

	memset(ret, 0, n);
	return (ret);
}

/* om_pool_memdup - copy of n bytes plus a NUL */
void   *
om_pool_memdup(om_pool *p, const void *s, size_t n)
{
	char   *ret = om_pool_alloc(p, n + 1);

	if (n)
		memcpy(ret, s, n);
	ret[n] = 0;
	return (ret);
}

/* om_pool_strndup - copy of at most n bytes of a string */
char   *
om_pool_strndup(om_pool *p, const char *s, size_t n)
{
	return (om_pool_memdup(p, s, strnlen(s, n)));
}

/* om_pool_strdup - copy of a string (NULL stays NULL) */
char   *
om_pool_strdup(om_pool *p, const char *s)
{
	return (s ? om_pool_memdup(p, s, strlen(s)) : NULL);
}

/* om_pool_printf - formatted string */
char   *
om_pool_printf(om_pool *p, const char *fmt, ...)
{
	va_list ap;
	int     n;
	char   *ret;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		om_panic("om_pool_printf: bad format");
	ret = om_pool_alloc(p, (size_t) n + 1);
	va_start(ap, fmt);
	vsnprintf(ret, (size_t) n + 1, fmt, ap);
	va_end(ap);
	return (ret);
}

/* om_pool_used - bytes handed out */
size_t
om_pool_used(const om_pool *p)
{
	return (p->total);
}

/*
 * om_pool_grow - room for one more element in a pool-backed array of n
 * elements whose capacity is *cap (which may be 0 for an array someone
 * else started: the copy always covers all n). The old array is simply
 * left to the pool.
 */
void   *
om_pool_grow(om_pool *p, void *v, size_t n, size_t *cap, size_t elem)
{
	void   *nv;

	if (n < *cap)
		return (v);
	if (n > (SIZE_MAX / elem - 8) / 2)
		om_panic("om_pool_grow: array too large");
	*cap = (*cap > n ? *cap : n) * 2 + 8;
	nv = om_pool_alloc(p, *cap * elem);
	if (n)
		memcpy(nv, v, n * elem);
	return (nv);
}
