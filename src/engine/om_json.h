/*++
 * NAME
 *	om_json 3h
 * SUMMARY
 *	JSON string output
 * DESCRIPTION
 *	om_json_str() appends a quoted JSON string (RFC 8259 escapes;
 *	invalid UTF-8 bytes become U+FFFD so the output always parses).
 *	NULL is written as null.
 *--*/
#ifndef OM_JSON_H
#define OM_JSON_H

#include "om_buf.h"

void	om_json_str(om_buf *b, const char *s);

#endif
