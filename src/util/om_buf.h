/*++
 * NAME
 *	om_buf 3h
 * SUMMARY
 *	length-tracked growable byte buffer with a hard cap
 * DESCRIPTION
 *	An om_buf owns its bytes. It always keeps a NUL after the data so
 *	that text can be handed to C string functions, but the length is
 *	authoritative (data may contain NUL). Appending past the cap fails
 *	with -1 and leaves the buffer unchanged: callers decide whether
 *	that is a limit finding or an error. Allocation failure aborts
 *	(om_panic): the milter then dies and Postfix tempfails the message.
 *--*/
#ifndef OM_BUF_H
#define OM_BUF_H

#include <stddef.h>
#include <stdarg.h>

typedef struct om_buf {
	char   *data;			/* bytes, NUL-terminated */
	size_t  len;			/* bytes in use */
	size_t  size;			/* bytes allocated */
	size_t  cap;			/* hard limit on len; 0 = none */
} om_buf;

void	om_buf_init(om_buf *b, size_t cap);
void	om_buf_free(om_buf *b);
void	om_buf_reset(om_buf *b);
int	om_buf_append(om_buf *b, const void *p, size_t n);
int	om_buf_putc(om_buf *b, int c);
int	om_buf_puts(om_buf *b, const char *s);
int	om_buf_put_utf8(om_buf *b, unsigned long c);
int	om_buf_printf(om_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int	om_buf_vprintf(om_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
char   *om_buf_steal(om_buf *b, size_t *len);
char   *om_xstrdup(const char *s);

#endif
