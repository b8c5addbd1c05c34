/*++
 * NAME
 *	om_ole 3h
 * SUMMARY
 *	OLE2 compound files (Office 97-2003 documents), read in memory
 * DESCRIPTION
 *	om_ole_open() checks a compound file's header and loads its
 *	allocation tables (FAT through the DIFAT, mini FAT), directory
 *	and mini stream. om_ole_find() names a stream that is a direct
 *	child of the root storage (case-insensitive ASCII name);
 *	om_ole_read() copies a whole stream into a buffer.
 *
 *	Every sector number is checked against the file, every chain is
 *	walked at most once per sector (a loop is damage), and every size
 *	against what the file can hold; nothing is read past the input.
 * DIAGNOSTICS
 *	om_ole_open() and om_ole_read() return 0, or -1 for a damaged
 *	file; om_ole_find() returns the entry number or -1.
 *--*/
#ifndef OM_OLE_H
#define OM_OLE_H

#include <stddef.h>
#include <stdint.h>

#include "om_buf.h"

typedef struct om_ole {
	const unsigned char *data;
	size_t	len;
	size_t	ssz;			/* sector size */
	size_t	nsect;			/* sectors the file holds */
	uint32_t *fat;
	size_t	nfat;
	uint32_t *minifat;
	size_t	nminifat;
	unsigned char *dir;		/* directory stream */
	size_t	ndir;			/* entries */
	unsigned char *mini;		/* mini stream */
	size_t	mini_len;
	size_t	cutoff;			/* streams below this are in the mini stream */
} om_ole;

int	om_ole_open(om_ole *ole, const unsigned char *data, size_t len);
void	om_ole_close(om_ole *ole);
int	om_ole_find(const om_ole *ole, const char *name);
int	om_ole_read(const om_ole *ole, int entry, om_buf *out);
size_t	om_ole_size(const om_ole *ole, int entry);

#endif
