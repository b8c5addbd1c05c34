#ifndef OM_WORDS_H
#define OM_WORDS_H

/*++
 * NAME
 *	om_words 3h
 * SUMMARY
 *	fixed word lists, found line by line in one pass
 * SYNOPSIS
 *	#include "om_words.h"
 * DESCRIPTION
 *	A word set is up to 32 lists of literal words (ASCII letters
 *	matched without case), compiled once into one vectorscan
 *	database. om_words_lines() reads a text once and says, for each
 *	line, which lists have a word starting on it: bit k of bits[i]
 *	is set when line i holds a word of list k. Lines are given by
 *	their start offsets, ascending; a word belongs to the line its
 *	first byte is on.
 *
 *	Sets are immutable and may be shared by threads; each thread
 *	sizes its own scratch space once.
 *--*/
#include <stddef.h>
#include <stdint.h>

typedef struct om_words om_words;

om_words *om_words_new(const char *const *const *lists, size_t nlists);
void	om_words_free(om_words *ws);
int	om_words_lines(const om_words *ws, const char *text, size_t len,
		       const size_t *starts, size_t nlines, uint32_t *bits);

#endif
