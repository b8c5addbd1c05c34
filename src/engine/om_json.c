/*++
 * NAME
 *	om_json 3
 * SUMMARY
 *	JSON string escaping
 *--*/
#include "config.h"

#include <string.h>

#include <glib.h>

#include "om_json.h"

/* om_json_str - quoted, escaped string or null */
void
om_json_str(om_buf *b, const char *s)
{
	const char *end;

	if (s == NULL) {
		om_buf_puts(b, "null");
		return;
	}
	om_buf_putc(b, '"');
	while (*s) {
		unsigned char c = (unsigned char) *s;

		if (c >= 0x80) {
			size_t  n = strlen(s);

			if (!g_utf8_validate(s, (gssize) (n < 4 ? n : 4), &end) && end == s) {
				om_buf_puts(b, "\xef\xbf\xbd");
				s++;
				continue;
			}
			/* Copy one whole character. */
			{
				const char *next = g_utf8_next_char(s);

				om_buf_append(b, s, (size_t) (next - s));
				s = next;
			}
			continue;
		}
		switch (c) {
		case '"':
			om_buf_puts(b, "\\\"");
			break;
		case '\\':
			om_buf_puts(b, "\\\\");
			break;
		case '\n':
			om_buf_puts(b, "\\n");
			break;
		case '\r':
			om_buf_puts(b, "\\r");
			break;
		case '\t':
			om_buf_puts(b, "\\t");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				om_buf_printf(b, "\\u%04x", c);
			else
				om_buf_putc(b, c);
		}
		s++;
	}
	om_buf_putc(b, '"');
}
