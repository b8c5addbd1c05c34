/*++
 * NAME
 *	om_category 3h
 * SUMMARY
 *	the finding categories and their words for people
 * DESCRIPTION
 *	One table of every category named in DESIGN.md, with what it
 *	means and how to fix it, in Japanese first and English after.
 *	Sender notices, the weekly report and the SMTP reply (English
 *	only: replies stay ASCII) all read their words from here.
 *--*/
#ifndef OM_CATEGORY_H
#define OM_CATEGORY_H

typedef struct om_category {
	const char *name;		/* "body.pii" */
	const char *ja;			/* what was found, Japanese */
	const char *en;			/* what was found, English (ASCII) */
	const char *fix_ja;		/* what to do, Japanese */
	const char *fix_en;		/* what to do, English (ASCII) */
} om_category;

const om_category *om_category_get(const char *name);
const om_category *om_category_all(unsigned *n);

#endif
