/*++
 * NAME
 *	om_bytes 3h
 * SUMMARY
 *	fixed-width integers read from file formats
 * DESCRIPTION
 *	om_le16() and om_le32() read little-endian numbers (OLE, BIFF, TNEF,
 *	zip, rar); the caller has checked that the bytes are there.
 *	om_hex_value() and om_b64_value() give the value of one hex digit
 *	or base64 letter, -1 for any other byte.
 *--*/
#ifndef OM_BYTES_H
#define OM_BYTES_H

#include <stdint.h>

/* om_le16 - two bytes, least significant first */
static inline unsigned
om_le16(const unsigned char *p)
{
	return ((unsigned) p[0] | (unsigned) p[1] << 8);
}

/* om_le32 - four bytes, least significant first */
static inline uint32_t
om_le32(const unsigned char *p)
{
	return ((uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24);
}

/* om_hex_value - value of one hex digit, or -1 */
static inline int
om_hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* om_b64_value - value of a base64 letter, or -1 */
static inline int
om_b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return (c - 'A');
	if (c >= 'a' && c <= 'z')
		return (c - 'a' + 26);
	if (c >= '0' && c <= '9')
		return (c - '0' + 52);
	return (c == '+' ? 62 : c == '/' ? 63 : -1);
}

#endif
