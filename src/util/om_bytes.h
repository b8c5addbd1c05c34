/*++
 * NAME
 *	om_bytes 3h
 * SUMMARY
 *	fixed-width integers read from file formats
 * DESCRIPTION
 *	om_le16() and om_le32() read little-endian numbers (OLE, BIFF, TNEF,
 *	zip, rar); the caller has checked that the bytes are there.
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

#endif
