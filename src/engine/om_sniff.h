/*++
 * NAME
 *	om_sniff 3h
 * SUMMARY
 *	is this file text? judged from its bytes
 * DESCRIPTION
 *	om_sniff_text() says whether bytes are text: no NUL or control
 *	bytes other than tab, line ends, form feed, ESC (ISO-2022-JP)
 *	and a final ^Z, and a clean decode (no byte replaced) as UTF-8,
 *	CP932, EUC-JP, ISO-2022-JP or another charset om_charset_decode()
 *	finds; or UTF-16 with a byte-order mark and no control
 *	characters. At most the first OM_SNIFF_DECODE_MAX bytes are
 *	decoded (the control check covers all of them). With prefix
 *	set the bytes are the start of a longer file: the decode stops
 *	at the last line end, so a character cut in two does not count.
 *
 *	om_sniff_text_whole() is om_sniff_text() with every byte checked:
 *	0 for a buffer longer than OM_SNIFF_DECODE_MAX, which is decoded
 *	only in part. Well-formed UTF-8 with no control bytes is text
 *	without a trial decode.
 *
 *	om_sniff_weak_magic() says whether a libmagic answer names a
 *	format with no signature of its own, which a clean text decode
 *	therefore beats: every answer except text types and formats that
 *	are themselves text (JSON, XML, PDF, RTF, PostScript, mail ...).
 *	libmagic has been seen to call Japanese CSV and text files
 *	application/x-dosexec (a DOS .COM file has no header), and
 *	UTF-16 or half-width kana text application/zlib, x-cpio,
 *	x-ibm-dsk, x-ibm-rom, x-dzip, vnd.hp-HPGL, octet-stream,
 *	audio/vnd.dolby.dd-raw or gzip.
 * DIAGNOSTICS
 *	1 yes, 0 no.
 *--*/
#ifndef OM_SNIFF_H
#define OM_SNIFF_H

#include <stddef.h>

#define OM_SNIFF_DECODE_MAX	((size_t) 256 << 10)

int	om_sniff_text(const unsigned char *data, size_t len, int prefix);
int	om_sniff_text_whole(const unsigned char *data, size_t len);
int	om_sniff_utf16(const unsigned char *data, size_t len);
int	om_sniff_weak_magic(const char *type);

#endif
