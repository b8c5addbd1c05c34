/*++
 * NAME
 *	om_tnef 3h
 * SUMMARY
 *	Outlook's winmail.dat (application/ms-tnef): the files and words inside
 * SYNOPSIS
 *	#include "om_tnef.h"
 * DESCRIPTION
 *	Outlook and Exchange may wrap a whole message (its body, rich text
 *	body and every attachment) in one TNEF stream, sent as an
 *	attachment named winmail.dat. A mail client of the recipient
 *	unpacks it; a filter that does not would pass everything in it
 *	unread.
 *
 *	om_tnef_read() walks the stream's attributes and MAPI property
 *	lists. Every string (subject, plain body, names, any string
 *	property) goes to the text buffer as UTF-8, one per line; string8
 *	values are read in the stream's OEM code page. Every file goes to
 *	the callback: each attachment (under its long file name), the
 *	compressed RTF body decompressed (MS-OXRTFCP, "message.rtf"), the
 *	HTML body ("message.html"), an embedded message (a TNEF stream
 *	itself, "message.tnef") and an embedded OLE object.
 *
 *	Every length is checked against the bytes that remain; nothing
 *	recurses here (an embedded message comes back as a file, for the
 *	caller's own depth limit).
 * DIAGNOSTICS
 *	0 when every attribute was read, OM_TNEF_NOT when the bytes are not
 *	a TNEF stream, -1 when the stream is damaged or holds something
 *	that could not be read (an unknown property type, a compressed
 *	body that does not decompress, the text cap): the caller reports
 *	the part unscannable. Whatever was read before the trouble has
 *	already been passed on.
 *--*/
#ifndef OM_TNEF_H
#define OM_TNEF_H

#include <stddef.h>

#include "om_buf.h"

#define OM_TNEF_NOT	1

/* om_tnef_file_fn - one file found; non-zero stops the walk (as -1) */
typedef int (*om_tnef_file_fn) (void *ctx, const char *name,
				const unsigned char *data, size_t len);

int	om_tnef_is(const unsigned char *d, size_t len);
int	om_tnef_read(const unsigned char *d, size_t len, om_buf *text,
		     om_tnef_file_fn file_fn, void *ctx);
int	om_tnef_rtf_decompress(const unsigned char *d, size_t len, size_t cap, om_buf *out);

#endif
