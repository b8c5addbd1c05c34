/*++
 * NAME
 *	om_ole 3
 * SUMMARY
 *	OLE2 compound file reader
 * DESCRIPTION
 *	See om_ole.h. Layout ([MS-CFB]): a 512-byte header, then sectors
 *	of 512 (version 3) or 4096 (version 4) bytes; sector n starts at
 *	(n + 1) * size. The FAT chains regular sectors; the sectors that
 *	hold the FAT are listed in the header (109) and then in a chain
 *	of DIFAT sectors. Streams under the cutoff (4096 bytes) live in
 *	64-byte mini sectors inside the root entry's stream, chained by
 *	the mini FAT. Directory entries are 128 bytes: UTF-16LE name,
 *	its byte length at 64, type at 66 (1 storage, 2 stream, 5 root),
 *	left, right and child entry numbers at 68, 72, 76, start sector
 *	at 116 and size at 120.
 *--*/
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "om_bytes.h"
#include "om_ole.h"

#define ENDOFCHAIN	0xfffffffeu
#define MAXREGSECT	0xfffffffau
#define DIR_ENTRY	128
#define MINI_SHIFT	6

/* sector - start of regular sector n, or NULL if the file does not hold it */
static const unsigned char *
sector(const om_ole *o, uint32_t n)
{
	if (n > MAXREGSECT || (size_t) n >= o->nsect)
		return (NULL);
	return (o->data + ((size_t) n + 1) * o->ssz);
}

/*
 * chain_read - a chain of regular sectors from start into out: at most
 * want bytes, or (want == SIZE_MAX) up to the end of the chain. Each
 * sector is visited once; -1 on a loop, a bad sector or a short chain.
 */
static int
chain_read(const om_ole *o, uint32_t start, size_t want, om_buf *out)
{
	unsigned char *seen;
	uint32_t s = start;
	size_t  got = 0;
	int     ret = -1;

	if ((seen = calloc(o->nsect / 8 + 1, 1)) == NULL)
		return (-1);
	for (;;) {
		const unsigned char *p;
		size_t  n;

		if (got >= want) {
			ret = 0;
			break;
		}
		if (s == ENDOFCHAIN) {
			ret = want == SIZE_MAX ? 0 : -1;
			break;
		}
		if ((p = sector(o, s)) == NULL || (size_t) s >= o->nfat || (seen[s / 8] & (1u << (s % 8))))
			break;
		seen[s / 8] |= (unsigned char) (1u << (s % 8));
		n = want - got < o->ssz ? want - got : o->ssz;
		if (om_buf_append(out, p, n) < 0)
			break;
		got += n;
		s = o->fat[s];
	}
	free(seen);
	return (ret);
}

/* mini_read - a chain of mini sectors into out, want bytes; -1 damaged */
static int
mini_read(const om_ole *o, uint32_t start, size_t want, om_buf *out)
{
	unsigned char *seen;
	uint32_t s = start;
	size_t  got = 0, nmini = o->mini_len >> MINI_SHIFT;
	int     ret = -1;

	if ((seen = calloc(nmini / 8 + 1, 1)) == NULL)
		return (-1);
	for (;;) {
		size_t  n;

		if (got >= want) {
			ret = 0;
			break;
		}
		if ((size_t) s >= nmini || (size_t) s >= o->nminifat || (seen[s / 8] & (1u << (s % 8))))
			break;
		seen[s / 8] |= (unsigned char) (1u << (s % 8));
		n = want - got < ((size_t) 1 << MINI_SHIFT) ? want - got : ((size_t) 1 << MINI_SHIFT);
		if (om_buf_append(out, o->mini + ((size_t) s << MINI_SHIFT), n) < 0)
			break;
		got += n;
		s = o->minifat[s];
	}
	free(seen);
	return (ret);
}

/* load_table - a chain of sectors read as an array of sector numbers */
static int
load_table(const om_ole *o, uint32_t start, uint32_t **tab, size_t *n)
{
	om_buf  b;

	om_buf_init(&b, o->len);
	if (chain_read(o, start, SIZE_MAX, &b) < 0) {
		om_buf_free(&b);
		return (-1);
	}
	*n = b.len / 4;
	if ((*tab = malloc((*n ? *n : 1) * sizeof(uint32_t))) == NULL) {
		om_buf_free(&b);
		return (-1);
	}
	for (size_t i = 0; i < *n; i++)
		(*tab)[i] = om_le32((const unsigned char *) b.data + 4 * i);
	om_buf_free(&b);
	return (0);
}

/* load_fat - the FAT, from the header's DIFAT and the DIFAT chain */
static int
load_fat(om_ole *o)
{
	const unsigned char *h = o->data;
	size_t  nfs = om_le32(h + 0x2c), per = o->ssz / 4, k = 0;
	uint32_t difat = om_le32(h + 0x44);
	size_t  ndifat = om_le32(h + 0x48);

	if (nfs == 0 || nfs > o->nsect || ndifat > o->nsect)
		return (-1);
	if ((o->fat = malloc(nfs * per * sizeof(uint32_t))) == NULL)
		return (-1);
	o->nfat = nfs * per;
	/* k counts FAT sectors placed; the DIFAT lists them in order. */
	for (size_t i = 0; i < 109 && k < nfs; i++, k++) {
		const unsigned char *p = sector(o, om_le32(h + 0x4c + 4 * i));

		if (p == NULL)
			return (-1);
		for (size_t j = 0; j < per; j++)
			o->fat[k * per + j] = om_le32(p + 4 * j);
	}
	for (size_t d = 0; k < nfs; d++) {
		const unsigned char *ds = sector(o, difat);

		if (ds == NULL || d >= ndifat)
			return (-1);
		for (size_t i = 0; i + 1 < per && k < nfs; i++, k++) {
			const unsigned char *p = sector(o, om_le32(ds + 4 * i));

			if (p == NULL)
				return (-1);
			for (size_t j = 0; j < per; j++)
				o->fat[k * per + j] = om_le32(p + 4 * j);
		}
		difat = om_le32(ds + 4 * (per - 1));
	}
	return (0);
}

/* entry - directory entry i, or NULL */
static const unsigned char *
entry(const om_ole *o, int i)
{
	if (i < 0 || (size_t) i >= o->ndir)
		return (NULL);
	return (o->dir + (size_t) i * DIR_ENTRY);
}

/* om_ole_size - a stream's size, bounded by what the file can hold */
size_t
om_ole_size(const om_ole *o, int i)
{
	const unsigned char *e = entry(o, i);
	uint64_t sz;

	if (e == NULL)
		return (0);
	sz = om_le32(e + 120);
	if (o->ssz == 4096)
		sz |= (uint64_t) om_le32(e + 124) << 32;
	return (sz > o->len ? o->len + 1 : (size_t) sz);
}

/* om_ole_open - see om_ole.h */
int
om_ole_open(om_ole *o, const unsigned char *d, size_t len)
{
	unsigned shift;
	om_buf  b;
	const unsigned char *root;

	memset(o, 0, sizeof(*o));
	o->data = d;
	o->len = len;
	if (len < 512 || memcmp(d, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) != 0 || om_le16(d + 0x1c) != 0xfffe)
		return (-1);
	shift = om_le16(d + 0x1e);
	if ((shift != 9 && shift != 12) || om_le16(d + 0x20) != MINI_SHIFT)
		return (-1);
	o->ssz = (size_t) 1 << shift;
	/* Whole sectors only: a chain never reads past the input. */
	o->nsect = len > o->ssz ? (len - o->ssz) / o->ssz : 0;
	o->cutoff = om_le32(d + 0x38);
	if (o->cutoff != 4096 || load_fat(o) < 0)
		goto bad;
	/* Directory. */
	om_buf_init(&b, len);
	if (chain_read(o, om_le32(d + 0x30), SIZE_MAX, &b) < 0 || b.len < DIR_ENTRY) {
		om_buf_free(&b);
		goto bad;
	}
	o->ndir = b.len / DIR_ENTRY;
	o->dir = (unsigned char *) om_buf_steal(&b, NULL);
	root = entry(o, 0);
	if (root == NULL || root[66] != 5)
		goto bad;
	/* Mini FAT and mini stream, if any. */
	if (om_le32(d + 0x3c) != ENDOFCHAIN && om_le32(d + 0x40) != 0) {
		size_t  ms = om_ole_size(o, 0);

		if (load_table(o, om_le32(d + 0x3c), &o->minifat, &o->nminifat) < 0 || ms > len)
			goto bad;
		om_buf_init(&b, len);
		if (chain_read(o, om_le32(root + 116), ms, &b) < 0) {
			om_buf_free(&b);
			goto bad;
		}
		o->mini_len = b.len;
		o->mini = (unsigned char *) om_buf_steal(&b, NULL);
	}
	return (0);
bad:
	om_ole_close(o);
	return (-1);
}

/* om_ole_close - free what om_ole_open() loaded */
void
om_ole_close(om_ole *o)
{
	free(o->fat);
	free(o->minifat);
	free(o->dir);
	free(o->mini);
	o->fat = o->minifat = NULL;
	o->dir = o->mini = NULL;
	o->nfat = o->nminifat = o->ndir = o->mini_len = 0;
}

/* name_is - an entry's UTF-16LE name equals an ASCII name, any case */
static int
name_is(const unsigned char *e, const char *name)
{
	size_t  nl = strlen(name), bl = om_le16(e + 64);

	if (nl >= 32 || bl != (nl + 1) * 2)
		return (0);
	for (size_t i = 0; i < nl; i++) {
		unsigned c = om_le16(e + 2 * i), n = (unsigned char) name[i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (n >= 'A' && n <= 'Z')
			n += 32;
		if (c != n)
			return (0);
	}
	return (1);
}

/*
 * om_ole_find - a stream among the root's children: the children are
 * a tree through left and right, walked with an explicit stack, each
 * entry at most once.
 */
int
om_ole_find(const om_ole *o, const char *name)
{
	unsigned char *seen;
	int    *stack, top = 0, found = -1;
	const unsigned char *root = entry(o, 0);

	if (root == NULL || o->ndir > 1000000)
		return (-1);
	seen = calloc(o->ndir / 8 + 1, 1);
	stack = malloc(o->ndir * sizeof(int));
	if (seen == NULL || stack == NULL) {
		free(seen);
		free(stack);
		return (-1);
	}
	stack[top++] = (int) om_le32(root + 76);
	while (top > 0 && found < 0) {
		int     i = stack[--top];
		const unsigned char *e = entry(o, i);

		if (e == NULL || (seen[i / 8] & (1u << (i % 8))))
			continue;
		seen[i / 8] |= (unsigned char) (1u << (i % 8));
		if (e[66] == 2 && name_is(e, name))
			found = i;
		if ((size_t) top + 2 <= o->ndir) {
			stack[top++] = (int) om_le32(e + 68);
			stack[top++] = (int) om_le32(e + 72);
		}
	}
	free(seen);
	free(stack);
	return (found);
}

/* om_ole_read - see om_ole.h */
int
om_ole_read(const om_ole *o, int i, om_buf *out)
{
	const unsigned char *e = entry(o, i);
	size_t  sz = om_ole_size(o, i);

	if (e == NULL || e[66] != 2 || sz > o->len)
		return (-1);
	if (sz < o->cutoff)
		return (mini_read(o, om_le32(e + 116), sz, out));
	return (chain_read(o, om_le32(e + 116), sz, out));
}
