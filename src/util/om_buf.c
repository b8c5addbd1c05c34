/*++
 * NAME
 *	om_buf 3
 * SUMMARY
 *	growable byte buffer with a cap
 * DESCRIPTION
 *	See om_buf.h.
 *--*/
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "om_buf.h"
#include "om_log.h"

/* om_buf_init - empty buffer with a limit (0 = none) */
void
om_buf_init(om_buf *b, size_t cap)
{
	b->data = NULL;
	b->len = 0;
	b->size = 0;
	b->cap = cap;
}

/* om_buf_free - release storage */
void
om_buf_free(om_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->size = 0;
}

/* om_buf_reset - forget contents, keep storage */
void
om_buf_reset(om_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = 0;
}

/* buf_reserve - make room for n more bytes plus a NUL */
static int
buf_reserve(om_buf *b, size_t n)
{
	size_t need, size;
	char   *p;

	if (n > ((size_t) -1) / 2 - b->len)
		return (-1);
	if (b->cap && b->len + n > b->cap)
		return (-1);
	need = b->len + n + 1;
	if (need <= b->size)
		return (0);
	size = b->size ? b->size : 64;
	while (size < need)
		size *= 2;
	if ((p = realloc(b->data, size)) == NULL)
		om_panic("out of memory (%zu bytes)", size);
	b->data = p;
	b->size = size;
	return (0);
}

/* om_buf_append - add n bytes */
int
om_buf_append(om_buf *b, const void *p, size_t n)
{
	if (buf_reserve(b, n) < 0)
		return (-1);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = 0;
	return (0);
}

/* om_buf_putc - add one byte */
int
om_buf_putc(om_buf *b, int c)
{
	char    ch = (char) c;

	return (om_buf_append(b, &ch, 1));
}

/* om_buf_puts - add a C string */
int
om_buf_puts(om_buf *b, const char *s)
{
	return (om_buf_append(b, s, strlen(s)));
}

/* om_buf_vprintf - add formatted text */
int
om_buf_vprintf(om_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int     n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || buf_reserve(b, (size_t) n) < 0)
		return (-1);
	vsnprintf(b->data + b->len, (size_t) n + 1, fmt, ap);
	b->len += (size_t) n;
	return (0);
}

/* om_buf_printf - add formatted text */
int
om_buf_printf(om_buf *b, const char *fmt, ...)
{
	va_list ap;
	int     ret;

	va_start(ap, fmt);
	ret = om_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return (ret);
}

/* om_buf_steal - hand the bytes to the caller (never NULL), empty b */
char   *
om_buf_steal(om_buf *b, size_t *len)
{
	char   *p;

	if (b->data == NULL) {
		if ((b->data = malloc(1)) == NULL)
			om_panic("out of memory");
		b->data[0] = 0;
	}
	p = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->size = 0;
	return (p);
}

/* om_xstrdup - strdup that never returns NULL (NULL copies as "") */
char   *
om_xstrdup(const char *s)
{
	char   *p = strdup(s ? s : "");

	if (p == NULL)
		om_panic("out of memory");
	return (p);
}

/*
 * om_buf_put_utf8 - one code point as UTF-8; NUL, surrogates and
 * values past U+10FFFF are dropped (0), -1 at the cap
 */
int
om_buf_put_utf8(om_buf *b, unsigned long c)
{
	char    u[4];
	size_t  n;

	if (c == 0 || (c >= 0xd800 && c < 0xe000) || c > 0x10ffff)
		return (0);
	if (c < 0x80) {
		u[0] = (char) c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char) (0xc0 | (c >> 6));
		u[1] = (char) (0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char) (0xe0 | (c >> 12));
		u[1] = (char) (0x80 | ((c >> 6) & 0x3f));
		u[2] = (char) (0x80 | (c & 0x3f));
		n = 3;
	} else {
		u[0] = (char) (0xf0 | (c >> 18));
		u[1] = (char) (0x80 | ((c >> 12) & 0x3f));
		u[2] = (char) (0x80 | ((c >> 6) & 0x3f));
		u[3] = (char) (0x80 | (c & 0x3f));
		n = 4;
	}
	return (om_buf_append(b, u, n));
}
