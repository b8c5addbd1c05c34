/*++
 * NAME
 *	om_rfc2047 3h
 * SUMMARY
 *	header text as RFC 2047 encoded words
 * DESCRIPTION
 *	om_rfc2047_encode() appends utf8 to out: as it is when it is all
 *	printable ASCII, else as "=?UTF-8?B?...?=" words of at most 45
 *	bytes of text each (75 characters with the wrapper), never split
 *	inside a character, separated by fold ("\n\t", "\r\n ") or by a
 *	space when fold is NULL.
 *--*/
#ifndef OM_RFC2047_H
#define OM_RFC2047_H

#include "om_buf.h"

void	om_rfc2047_encode(om_buf *out, const char *utf8, const char *fold);

#endif
