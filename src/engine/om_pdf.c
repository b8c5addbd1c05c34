/*++
 * NAME
 *	om_pdf 3
 * SUMMARY
 *	PDF objects, encryption state and text
 * DESCRIPTION
 *	See om_pdf.h. One document handle (pdf_doc) per call owns an
 *	arena for parsed objects, the cross-reference index, the decoded
 *	object streams and the fonts; all of it goes at the end of the
 *	call. The lexer, the object parser and the content interpreter
 *	are bounded by their input; every decoded byte is charged to the
 *	limits, so a small file cannot make us decode or walk more than
 *	the configured budget.
 *
 *	The predefined CMaps and the Adobe-Japan1 CID-to-Unicode table
 *	are read from poppler-data (cMap/Adobe-Japan1, cidToUnicode) on
 *	first use, once per process, under a lock; a missing file means
 *	fonts that need it cannot be read (the part is unscannable).
 *--*/
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zlib.h>

#include "om_msg.h"
#include "om_pdf.h"

#define PDF_OBJ_MAX	(1u << 22)	/* object numbers we index */
#define PDF_NEST_MAX	64		/* arrays/dicts within each other */
#define PDF_XREF_MAX	512		/* cross-reference sections followed */
#define PDF_RESOLVE_MAX	32		/* nested object loads */
#define PDF_STREAM_MAX	((size_t) 64 << 20)	/* one decoded stream */
#define PDF_ARENA_MAX	((size_t) 96 << 20)	/* parsed objects */
#define PDF_FORM_DEPTH	12		/* Form XObjects within each other */
#define PDF_TREE_DEPTH	64		/* page tree depth */
#define PDF_PAGES_MAX	200000
#define PDF_FONTS_MAX	8192
#define PDF_OPS_MAX	64		/* operands kept for one operator */
#define RATIO_FLOOR	((size_t) 1 << 20)

#define DEF_EXPANDED	((size_t) 100 << 20)	/* omamori.conf defaults */
#define DEF_RATIO	100
#define DEF_SECONDS	10

/*
 * Objects.
 */
enum {
	T_NULL, T_BOOL, T_NUM, T_STR, T_NAME, T_ARR, T_DICT, T_REF, T_STREAM,
};

typedef struct pobj {
	int	t;
	double	v;			/* T_NUM, T_BOOL */
	unsigned num, gen;		/* T_REF; T_STREAM: its object */
	const unsigned char *s;		/* T_STR bytes, T_NAME (NUL-ended), T_STREAM data */
	size_t	n;
	struct pobj **a;		/* T_ARR items; T_DICT, T_STREAM: key, value */
	size_t	na;
} pobj;

typedef struct arena {
	struct arena *next;
	size_t	used, cap;
	unsigned char d[];
} arena;

typedef struct xent {
	unsigned char type;		/* 0 unknown, 1 at offset, 2 in object stream */
	unsigned gen;
	size_t	off;			/* type 1: offset; type 2: stream number */
	unsigned idx;			/* type 2: index in the stream */
} xent;

typedef struct objstm {
	unsigned num;
	unsigned char *d;
	size_t	len, first, n;
	size_t *nums, *offs;
} objstm;

/*
 * CMaps: codespace ranges and mappings from codes to Unicode strings
 * (ToUnicode) or to CIDs (predefined encodings).
 */
typedef struct cm_range {
	uint32_t lo, hi;
	uint32_t dst;			/* CID, first code point, or pool index */
	uint16_t ulen;			/* 0 CID; 1 code point; >1 pool string */
} cm_range;

typedef struct cm_space {
	int	nb;
	unsigned char lo[4], hi[4];
} cm_space;

typedef struct cmap {
	cm_range *r;
	size_t	n, cap;
	uint32_t *pool;
	size_t	np, pcap;
	cm_space cs[16];
	int	ncs;
	int	sorted;
} cmap;

#define CMAP_RANGES_MAX	500000
#define CMAP_POOL_MAX	1000000

typedef struct pfont {
	const pobj *dict;
	int	type0;			/* codes by codespace, not bytes */
	cmap   *tou;			/* ToUnicode, owned */
	const cmap *enc;		/* predefined code->CID (process cache) */
	int	identity;		/* code is the CID */
	int	ucs2;			/* codes are UTF-16BE */
	int	japan1;			/* CIDs of Adobe-Japan1 */
	int	nomap;			/* no way from codes to Unicode */
} pfont;

typedef struct pdf_doc {
	const unsigned char *d;
	size_t	len;
	om_pdf_limits *lim;
	size_t	decoded;		/* this file's decoded bytes */
	unsigned why;			/* OM_UNSCAN_* */
	arena  *ar;
	size_t	ar_total;
	xent   *x;
	pobj  **cache;
	size_t	nx;
	pobj   *trailers[PDF_XREF_MAX];	/* newest first */
	int	ntrailers;
	int	scanned;		/* the index was rebuilt by walking the file */
	int	depth;			/* nested loads */
	objstm *stm;
	size_t	nstm, stmcap;
	unsigned *stmlist;		/* object streams met while walking */
	size_t	nstmlist, stmlistcap;
	int	crypt;			/* 1: streams are encrypted */
	int	crypt_ready;		/* crypt is known */
	om_pdf_crypt pc;
	pfont  *fonts;
	size_t	nfonts, fontcap;
	unsigned tick;
	const unsigned char *es_from, *es_at;	/* last "endstream" search: from, found (NULL none) */
} pdf_doc;

/* ar_alloc - zeroed memory from the document's arena, or NULL */
static void *
ar_alloc(pdf_doc *doc, size_t n)
{
	arena  *a = doc->ar;
	void   *p;

	n = (n + 15) & ~(size_t) 15;
	if (a == NULL || a->cap - a->used < n) {
		size_t  cap = n > 65536 ? n : 65536;

		if (doc->ar_total + cap > PDF_ARENA_MAX || (a = calloc(1, sizeof(*a) + cap)) == NULL) {
			doc->why |= OM_UNSCAN_BYTES;
			return (NULL);
		}
		doc->ar_total += cap;
		a->cap = cap;
		a->next = doc->ar;
		doc->ar = a;
	}
	p = a->d + a->used;
	a->used += n;
	return (p);
}

/*
 * Limits.
 */

/* over_time - the deadline passed? */
static int
over_time(pdf_doc *doc)
{
	struct timespec now;

	if (doc->lim->deadline.tv_sec == 0)
		return (0);
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec > doc->lim->deadline.tv_sec
	    || (now.tv_sec == doc->lim->deadline.tv_sec && now.tv_nsec >= doc->lim->deadline.tv_nsec)) {
		doc->why |= OM_UNSCAN_TIME;
		return (1);
	}
	return (0);
}

/* charge - n more decoded bytes; -1 when a limit is reached */
static int
charge(pdf_doc *doc, size_t n)
{
	doc->lim->expanded += n;
	doc->decoded += n;
	if (doc->lim->expanded > doc->lim->expanded_limit) {
		doc->why |= OM_UNSCAN_BYTES;
		return (-1);
	}
	if (doc->decoded > RATIO_FLOOR && doc->decoded / (doc->len ? doc->len : 1) > doc->lim->ratio_limit) {
		doc->why |= OM_UNSCAN_RATIO;
		return (-1);
	}
	return (over_time(doc) ? -1 : 0);
}

/* stopped - a limit has ended the reading */
static int
stopped(pdf_doc *doc)
{
	if ((doc->tick++ & 255) == 0)
		(void) over_time(doc);
	return ((doc->why & (OM_UNSCAN_BYTES | OM_UNSCAN_RATIO | OM_UNSCAN_TIME)) != 0);
}

/* timed_out - the deadline has ended the reading (decoded data may still be read) */
static int
timed_out(pdf_doc *doc)
{
	if ((doc->tick++ & 255) == 0)
		(void) over_time(doc);
	return ((doc->why & OM_UNSCAN_TIME) != 0);
}

/*
 * Lexer: PDF, content-stream and CMap syntax are the same tokens.
 */
enum {
	K_END, K_NUM, K_STR, K_HEX, K_NAME, K_KW, K_AOPEN, K_ACLOSE, K_DOPEN, K_DCLOSE, K_BRACE,
};

typedef struct ptok {
	int	k;
	const unsigned char *s;		/* raw text (strings: inside the delimiters) */
	size_t	n;
	double	v;
	int	integer;
} ptok;

#define IS_WS(c)	((c) == ' ' || (c) == '\t' || (c) == '\r' || (c) == '\n' || (c) == '\f' || (c) == 0)
#define IS_DELIM(c)	((c) == '(' || (c) == ')' || (c) == '<' || (c) == '>' || (c) == '[' || (c) == ']' \
			 || (c) == '{' || (c) == '}' || (c) == '/' || (c) == '%')

/* skip_ws - white space and comments */
static const unsigned char *
skip_ws(const unsigned char *p, const unsigned char *end)
{
	while (p < end) {
		if (IS_WS(*p))
			p++;
		else if (*p == '%') {
			while (p < end && *p != '\n' && *p != '\r')
				p++;
		} else
			break;
	}
	return (p);
}

/* lex - the next token at *pp */
static void
lex(const unsigned char **pp, const unsigned char *end, ptok *t)
{
	const unsigned char *p = skip_ws(*pp, end), *q;

	memset(t, 0, sizeof(*t));
	if (p >= end) {
		t->k = K_END;
		*pp = end;
		return;
	}
	t->s = p;
	switch (*p) {
	case '(':
		{
			int     depth = 1;

			for (q = p + 1; q < end; q++) {
				if (*q == '\\')
					q++;
				else if (*q == '(')
					depth++;
				else if (*q == ')' && --depth == 0)
					break;
			}
			if (q > end)
				q = end;
			t->k = K_STR;
			t->s = p + 1;
			t->n = (size_t) (q - p - 1);
			*pp = q < end ? q + 1 : end;
			return;
		}
	case '<':
		if (p + 1 < end && p[1] == '<') {
			t->k = K_DOPEN;
			*pp = p + 2;
			return;
		}
		q = memchr(p, '>', (size_t) (end - p));
		if (q == NULL)
			q = end;
		t->k = K_HEX;
		t->s = p + 1;
		t->n = (size_t) (q - p - 1);
		*pp = q < end ? q + 1 : end;
		return;
	case '>':
		t->k = (p + 1 < end && p[1] == '>') ? K_DCLOSE : K_KW;
		t->n = t->k == K_DCLOSE ? 2 : 1;
		*pp = p + t->n;
		return;
	case '[':
		t->k = K_AOPEN;
		*pp = p + 1;
		return;
	case ']':
		t->k = K_ACLOSE;
		*pp = p + 1;
		return;
	case '{':
	case '}':
		t->k = K_BRACE;
		*pp = p + 1;
		return;
	case '/':
		for (q = p + 1; q < end && !IS_WS(*q) && !IS_DELIM(*q); q++)
			;
		t->k = K_NAME;
		t->s = p + 1;
		t->n = (size_t) (q - p - 1);
		*pp = q;
		return;
	}
	if ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.') {
		double  v = 0, scale = 0;
		int     neg = 0, digits = 0;

		q = p;
		if (*q == '-' || *q == '+')
			neg = *q++ == '-';
		for (; q < end; q++) {
			if (*q >= '0' && *q <= '9') {
				digits++;
				if (scale == 0)
					v = v * 10 + (*q - '0');
				else {
					v += (*q - '0') * scale;
					scale /= 10;
				}
			} else if (*q == '.' && scale == 0)
				scale = 0.1;
			else
				break;
		}
		if (digits) {
			t->k = K_NUM;
			t->v = neg ? -v : v;
			t->integer = scale == 0;
			t->n = (size_t) (q - p);
			*pp = q;
			return;
		}
	}
	for (q = p; q < end && !IS_WS(*q) && !IS_DELIM(*q); q++)
		;
	if (q == p)
		q++;				/* a stray ")" */
	t->k = K_KW;
	t->n = (size_t) (q - p);
	*pp = q;
}

/* kw_is - is the token the keyword w */
static int
kw_is(const ptok *t, const char *w)
{
	size_t  n = strlen(w);

	return (t->k == K_KW && t->n == n && memcmp(t->s, w, n) == 0);
}

/* hexv - value of a hex digit, or -1 */
static int
hexv(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	return (-1);
}

/* str_bytes - bytes of a string token into buf; count */
static size_t
str_bytes(const ptok *t, unsigned char *buf, size_t cap)
{
	const unsigned char *p = t->s, *end = t->s + t->n;
	size_t  n = 0;

	if (t->k == K_HEX) {
		int     hi = -1;

		for (; p < end && n < cap; p++) {
			int     v = hexv(*p);

			if (v < 0)
				continue;
			if (hi < 0)
				hi = v;
			else {
				buf[n++] = (unsigned char) (hi << 4 | v);
				hi = -1;
			}
		}
		if (hi >= 0 && n < cap)
			buf[n++] = (unsigned char) (hi << 4);
		return (n);
	}
	for (; p < end && n < cap; p++) {
		unsigned c = *p;

		if (c == '\\' && p + 1 < end) {
			c = *++p;
			switch (c) {
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case '\r':
				if (p + 1 < end && p[1] == '\n')
					p++;
				continue;
			case '\n':
				continue;
			default:
				if (c >= '0' && c <= '7') {
					unsigned v = c - '0';

					for (int k = 0; k < 2 && p + 1 < end && p[1] >= '0' && p[1] <= '7'; k++)
						v = v * 8 + (unsigned) (*++p - '0');
					c = v & 0xff;
				}
			}
		} else if (c == '\r') {
			if (p + 1 < end && p[1] == '\n')
				p++;
			c = '\n';
		}
		buf[n++] = (unsigned char) c;
	}
	return (n);
}

/*
 * Object parser.
 */
static pobj *parse_obj(pdf_doc *doc, const unsigned char **pp, const unsigned char *end, int nest);

/* mk - a new object of type t */
static pobj *
mk(pdf_doc *doc, int t)
{
	pobj   *o = ar_alloc(doc, sizeof(*o));

	if (o)
		o->t = t;
	return (o);
}

/* mk_bytes - an arena copy of decoded bytes, NUL-ended */
static unsigned char *
mk_bytes(pdf_doc *doc, size_t n)
{
	return (ar_alloc(doc, n + 1));
}

/* tok_obj - the object for a simple token */
static pobj *
tok_obj(pdf_doc *doc, const ptok *t)
{
	pobj   *o;
	unsigned char *b;

	switch (t->k) {
	case K_NUM:
		if ((o = mk(doc, T_NUM)) != NULL)
			o->v = t->v;
		return (o);
	case K_STR:
	case K_HEX:
		if ((o = mk(doc, T_STR)) == NULL || (b = mk_bytes(doc, t->n)) == NULL)
			return (NULL);
		o->n = str_bytes(t, b, t->n);
		o->s = b;
		return (o);
	case K_NAME:
		if ((o = mk(doc, T_NAME)) == NULL || (b = mk_bytes(doc, t->n)) == NULL)
			return (NULL);
		for (size_t i = 0; i < t->n; i++) {
			if (t->s[i] == '#' && i + 2 < t->n && hexv(t->s[i + 1]) >= 0 && hexv(t->s[i + 2]) >= 0) {
				b[o->n++] = (unsigned char) (hexv(t->s[i + 1]) << 4 | hexv(t->s[i + 2]));
				i += 2;
			} else
				b[o->n++] = t->s[i];
		}
		o->s = b;
		return (o);
	case K_KW:
		if (kw_is(t, "true") || kw_is(t, "false")) {
			if ((o = mk(doc, T_BOOL)) != NULL)
				o->v = kw_is(t, "true");
			return (o);
		}
		return (mk(doc, T_NULL));
	}
	return (NULL);
}

/* parse_items - items of an array or dictionary up to close */
static pobj *
parse_items(pdf_doc *doc, const unsigned char **pp, const unsigned char *end, int nest, int type)
{
	pobj  **v = NULL, *o;
	size_t  n = 0, cap = 0;
	int     close = type == T_ARR ? K_ACLOSE : K_DCLOSE;

	for (;;) {
		const unsigned char *save = *pp;
		ptok    t;

		lex(pp, end, &t);
		if (t.k == close)
			break;
		if (t.k == K_END || (t.k == K_KW && (kw_is(&t, "endobj") || kw_is(&t, "stream")
						      || kw_is(&t, "obj") || t.n == 1)) || t.k == K_ACLOSE
		    || t.k == K_DCLOSE || t.k == K_BRACE) {
			/* Unclosed: end here (the keyword is for the caller). */
			*pp = save;
			break;
		}
		*pp = save;
		if ((o = parse_obj(doc, pp, end, nest + 1)) == NULL)
			break;
		if (n == cap) {
			pobj  **nv;

			cap = cap ? cap * 2 : 16;
			if (cap > ((size_t) 1 << 24) || (nv = realloc(v, cap * sizeof(*v))) == NULL)
				break;
			v = nv;
		}
		v[n++] = o;
	}
	if ((o = mk(doc, type)) == NULL || (n && (o->a = ar_alloc(doc, n * sizeof(*v))) == NULL)) {
		free(v);
		return (NULL);
	}
	if (type == T_DICT)
		n &= ~(size_t) 1;
	if (n)
		memcpy(o->a, v, n * sizeof(*v));
	o->na = n;
	free(v);
	return (o);
}

/* parse_obj - one object at *pp (an "N G R" is a reference) */
static pobj *
parse_obj(pdf_doc *doc, const unsigned char **pp, const unsigned char *end, int nest)
{
	ptok    t;

	if (nest > PDF_NEST_MAX)
		return (NULL);
	lex(pp, end, &t);
	switch (t.k) {
	case K_END:
		return (NULL);
	case K_AOPEN:
		return (parse_items(doc, pp, end, nest, T_ARR));
	case K_DOPEN:
		return (parse_items(doc, pp, end, nest, T_DICT));
	case K_NUM:
		if (t.integer && t.v >= 0) {
			const unsigned char *q = *pp;
			ptok    t2, t3;

			lex(&q, end, &t2);
			if (t2.k == K_NUM && t2.integer && t2.v >= 0) {
				lex(&q, end, &t3);
				if (kw_is(&t3, "R")) {
					pobj   *o = mk(doc, T_REF);

					if (o) {
						o->num = t.v < 4e9 ? (unsigned) t.v : 0;
						o->gen = t2.v < 65536 ? (unsigned) t2.v : 0;
					}
					*pp = q;
					return (o);
				}
			}
		}
		return (tok_obj(doc, &t));
	default:
		return (tok_obj(doc, &t));
	}
}

/* dget - value of key in a dictionary or stream, unresolved; NULL if none */
static pobj *
dget(const pobj *d, const char *key)
{
	if (d == NULL || (d->t != T_DICT && d->t != T_STREAM))
		return (NULL);
	for (size_t i = 0; i + 1 < d->na; i += 2)
		if (d->a[i]->t == T_NAME && strcmp((const char *) d->a[i]->s, key) == 0)
			return (d->a[i + 1]);
	return (NULL);
}

/* name_is - is o the name n */
static int
name_is(const pobj *o, const char *n)
{
	return (o && o->t == T_NAME && strcmp((const char *) o->s, n) == 0);
}

/*
 * Indirect objects and the cross-reference index.
 */
static pobj *resolve(pdf_doc *doc, pobj *o);

/* xset - index entry for num, unless a newer one is there (force: override) */
static void
xset(pdf_doc *doc, size_t num, int type, size_t off, unsigned gen, unsigned idx, int force)
{
	if (num >= PDF_OBJ_MAX)
		return;
	if (num >= doc->nx) {
		size_t  nn = doc->nx ? doc->nx : 1024;
		xent   *nx;
		pobj  **nc;

		while (nn <= num)
			nn *= 2;
		if ((nx = realloc(doc->x, nn * sizeof(*nx))) == NULL)
			return;
		doc->x = nx;
		if ((nc = realloc(doc->cache, nn * sizeof(*nc))) == NULL)
			return;
		doc->cache = nc;
		memset(doc->x + doc->nx, 0, (nn - doc->nx) * sizeof(*nx));
		memset(doc->cache + doc->nx, 0, (nn - doc->nx) * sizeof(*nc));
		doc->nx = nn;
	}
	if (doc->x[num].type && !force)
		return;
	doc->x[num].type = (unsigned char) type;
	doc->x[num].off = off;
	doc->x[num].gen = gen;
	doc->x[num].idx = idx;
	doc->cache[num] = NULL;
}

/* int_of - an integer object's value (resolved), or def */
static long
int_of(pdf_doc *doc, pobj *o, long def)
{
	o = resolve(doc, o);
	if (o == NULL || o->t != T_NUM)
		return (def);
	return ((long) o->v);
}

/* stream_tail - data and length of the stream whose keyword ends at p */
static int
stream_tail(pdf_doc *doc, pobj *dict, const unsigned char *p, pobj *st, int resolve_len)
{
	const unsigned char *end = doc->d + doc->len, *ds, *se;
	long    L = -1;
	pobj   *lo = dget(dict, "Length");

	if (p < end && *p == '\r')
		p++;
	if (p < end && *p == '\n')
		p++;
	ds = p;
	if (lo && lo->t == T_NUM)
		L = (long) lo->v;
	else if (lo && lo->t == T_REF && resolve_len)
		L = int_of(doc, lo, -1);
	if (L >= 0 && (size_t) L <= (size_t) (end - ds)) {
		const unsigned char *q = skip_ws(ds + L, end);

		if ((size_t) (end - q) < 9 || memcmp(q, "endstream", 9) != 0)
			L = -1;
	} else
		L = -1;
	if (L < 0) {
		/* Searches from inside the last one's span have its answer: linear in all. */
		if (doc->es_from && ds >= doc->es_from && (doc->es_at == NULL || ds <= doc->es_at))
			se = doc->es_at;
		else
			se = memmem(ds, (size_t) (end - ds), "endstream", 9);
		doc->es_from = ds;
		doc->es_at = se;
		if (se == NULL)
			se = end;
		L = se - ds;
		if (L > 0 && ds[L - 1] == '\n')
			L--;
		if (L > 0 && ds[L - 1] == '\r')
			L--;
	}
	st->t = T_STREAM;
	st->a = dict->a;
	st->na = dict->na;
	st->s = ds;
	st->n = (size_t) L;
	return (0);
}

/*
 * load_at - the indirect object "num gen obj" at off; want_num < 0
 * takes any number. *end_at is where parsing stopped.
 */
static pobj *
load_at(pdf_doc *doc, size_t off, long want_num, unsigned *num_out, const unsigned char **end_at)
{
	const unsigned char *p = doc->d + off, *end = doc->d + doc->len, *q;
	ptok    a, b, c;
	pobj   *o, *st;

	if (off >= doc->len)
		return (NULL);
	lex(&p, end, &a);
	lex(&p, end, &b);
	lex(&p, end, &c);
	if (a.k != K_NUM || !a.integer || a.v < 0 || b.k != K_NUM || !b.integer || !kw_is(&c, "obj"))
		return (NULL);
	if (want_num >= 0 && (long) a.v != want_num)
		return (NULL);
	if (num_out)
		*num_out = (unsigned) a.v;
	if ((o = parse_obj(doc, &p, end, 0)) == NULL)
		return (NULL);
	q = p;
	lex(&q, end, &c);
	if (o->t == T_DICT && kw_is(&c, "stream")) {
		if ((st = mk(doc, T_STREAM)) == NULL)
			return (NULL);
		st->num = (unsigned) a.v;
		st->gen = (unsigned) b.v;
		(void) stream_tail(doc, o, q, st, end_at == NULL);
		p = st->s + st->n;
		o = st;
	}
	if (end_at)
		*end_at = p;
	return (o);
}

/* stm_get - object stream num, decoded and indexed (cached) */
static int decode_stream(pdf_doc *doc, pobj *st, om_buf *out, int *und);

static objstm *
stm_get(pdf_doc *doc, unsigned num)
{
	pobj   *st;
	objstm *s;
	om_buf  buf;
	int     und = 0;
	const unsigned char *p, *end;
	long    n, first;

	for (size_t i = 0; i < doc->nstm; i++)
		if (doc->stm[i].num == num)
			return (doc->stm[i].d ? doc->stm + i : NULL);
	if (doc->nstm == doc->stmcap) {
		objstm *ns;
		size_t  nc = doc->stmcap ? doc->stmcap * 2 : 16;

		if (nc > 100000 || (ns = realloc(doc->stm, nc * sizeof(*ns))) == NULL)
			return (NULL);
		doc->stm = ns;
		doc->stmcap = nc;
	}
	s = doc->stm + doc->nstm++;
	memset(s, 0, sizeof(*s));
	s->num = num;
	{
		pobj    r;

		memset(&r, 0, sizeof(r));
		r.t = T_REF;
		r.num = num;
		st = resolve(doc, &r);
	}
	s = NULL;
	if (st == NULL || st->t != T_STREAM) {
		if (!stopped(doc))
			doc->why |= OM_UNSCAN_CORRUPT;
		return (NULL);
	}
	om_buf_init(&buf, PDF_STREAM_MAX);
	if (decode_stream(doc, st, &buf, &und) < 0) {
		doc->why |= und ? OM_UNSCAN_UNDECODABLE : stopped(doc) ? 0 : OM_UNSCAN_CORRUPT;
		om_buf_free(&buf);
		return (NULL);
	}
	n = int_of(doc, dget(st, "N"), -1);
	first = int_of(doc, dget(st, "First"), -1);
	for (size_t i = 0; i < doc->nstm; i++)
		if (doc->stm[i].num == num)
			s = doc->stm + i;
	if (s == NULL || n < 0 || n > 1000000 || first < 0 || (size_t) first > buf.len) {
		doc->why |= OM_UNSCAN_CORRUPT;
		om_buf_free(&buf);
		return (NULL);
	}
	s->nums = calloc((size_t) n + 1, sizeof(size_t));
	s->offs = calloc((size_t) n + 1, sizeof(size_t));
	if (s->nums == NULL || s->offs == NULL) {
		om_buf_free(&buf);
		return (NULL);
	}
	p = (const unsigned char *) buf.data;
	end = p + first;
	for (long i = 0; i < n; i++) {
		ptok    a, b;

		lex(&p, end, &a);
		lex(&p, end, &b);
		if (a.k != K_NUM || b.k != K_NUM || a.v < 0 || b.v < 0)
			break;
		s->nums[s->n] = (size_t) a.v;
		s->offs[s->n] = (size_t) b.v;
		s->n++;
	}
	s->d = (unsigned char *) buf.data;	/* ownership moves to the cache */
	s->len = buf.len;
	s->first = (size_t) first;
	return (s);
}

/* get_obj - object num (cached), or NULL */
static void rebuild(pdf_doc *doc);
static void register_stms(pdf_doc *doc);

static pobj *
get_obj(pdf_doc *doc, unsigned num)
{
	xent   *x;
	pobj   *o = NULL;

	if (num >= doc->nx || stopped(doc))
		return (NULL);
	if (doc->cache[num])
		return (doc->cache[num]);
	if (doc->depth >= PDF_RESOLVE_MAX)
		return (NULL);
	doc->depth++;
	x = doc->x + num;
	if (x->type == 1) {
		o = load_at(doc, x->off, num, NULL, NULL);
		if (o == NULL && !doc->scanned) {
			/* The index points elsewhere: rebuild it from the file. */
			rebuild(doc);
			if (num < doc->nx && doc->x[num].type == 1)
				o = load_at(doc, doc->x[num].off, num, NULL, NULL);
		}
	} else if (x->type == 2) {
		unsigned sn = (unsigned) x->off, idx = x->idx;
		objstm *s = stm_get(doc, sn);

		if (s) {
			size_t  k = idx < s->n && s->nums[idx] == num ? idx : s->n;

			for (size_t i = 0; k == s->n && i < s->n; i++)
				if (s->nums[i] == num)
					k = i;
			if (k < s->n && s->first + s->offs[k] < s->len) {
				const unsigned char *p = s->d + s->first + s->offs[k];

				o = parse_obj(doc, &p, s->d + s->len, 0);
			}
		}
	}
	doc->depth--;
	if (num < doc->nx)
		doc->cache[num] = o;
	return (o);
}

/* resolve - follow references */
static pobj *
resolve(pdf_doc *doc, pobj *o)
{
	for (int i = 0; o && o->t == T_REF && i < 16; i++)
		o = get_obj(doc, o->num);
	return (o && o->t == T_REF ? NULL : o);
}

/* rget - resolved value of key */
static pobj *
rget(pdf_doc *doc, const pobj *d, const char *key)
{
	return (resolve(doc, dget(d, key)));
}

/* xref_stream - entries of a cross-reference stream */
static int
xref_stream(pdf_doc *doc, pobj *st)
{
	pobj   *w = rget(doc, st, "W"), *index = rget(doc, st, "Index");
	int     wv[3];
	size_t  rec, pos = 0;
	om_buf  buf;
	int     und = 0;
	long    size = int_of(doc, dget(st, "Size"), 0);

	if (w == NULL || w->t != T_ARR || w->na < 3)
		return (-1);
	for (int i = 0; i < 3; i++) {
		wv[i] = (int) int_of(doc, w->a[i], -1);
		if (wv[i] < 0 || wv[i] > 8)
			return (-1);
	}
	rec = (size_t) (wv[0] + wv[1] + wv[2]);
	if (rec == 0)
		return (-1);
	om_buf_init(&buf, PDF_STREAM_MAX);
	if (decode_stream(doc, st, &buf, &und) < 0) {
		om_buf_free(&buf);
		return (-1);
	}
	for (size_t sec = 0;; sec++) {
		long    start, count;

		if (index && index->t == T_ARR) {
			if (2 * sec + 1 >= index->na)
				break;
			start = int_of(doc, index->a[2 * sec], -1);
			count = int_of(doc, index->a[2 * sec + 1], -1);
		} else {
			if (sec > 0)
				break;
			start = 0;
			count = size;
		}
		if (start < 0 || count < 0 || count > (long) PDF_OBJ_MAX)
			break;
		for (long i = 0; i < count && pos + rec <= buf.len; i++, pos += rec) {
			const unsigned char *r = (const unsigned char *) buf.data + pos;
			uint64_t f[3];

			for (int k = 0, o = 0; k < 3; o += wv[k], k++) {
				f[k] = 0;
				for (int j = 0; j < wv[k]; j++)
					f[k] = f[k] << 8 | r[o + j];
			}
			if (wv[0] == 0)
				f[0] = 1;
			if (f[0] == 1 && f[1] < doc->len)
				xset(doc, (size_t) (start + i), 1, (size_t) f[1], (unsigned) f[2], 0, 0);
			else if (f[0] == 2)
				xset(doc, (size_t) (start + i), 2, (size_t) f[1], 0, (unsigned) f[2], 0);
			else if (f[0] == 0)
				xset(doc, (size_t) (start + i), 3, 0, 0, 0, 0);	/* free: hides older */
		}
	}
	om_buf_free(&buf);
	return (0);
}

/* xref_table - a classic "xref" section at p; its trailer */
static pobj *
xref_table(pdf_doc *doc, const unsigned char *p)
{
	const unsigned char *end = doc->d + doc->len;

	for (int sec = 0; sec < 100000; sec++) {
		ptok    st, cnt;

		lex(&p, end, &st);
		if (kw_is(&st, "trailer")) {
			pobj   *tr = parse_obj(doc, &p, end, 0);

			return (tr && tr->t == T_DICT ? tr : NULL);
		}
		lex(&p, end, &cnt);
		if (st.k != K_NUM || cnt.k != K_NUM || st.v < 0 || cnt.v < 0 || st.v + cnt.v > PDF_OBJ_MAX)
			return (NULL);
		for (size_t i = 0; i < (size_t) cnt.v; i++) {
			ptok    off, gen, k;

			lex(&p, end, &off);
			lex(&p, end, &gen);
			lex(&p, end, &k);
			if (off.k != K_NUM || gen.k != K_NUM || k.k != K_KW)
				return (NULL);
			/* A free entry sets nothing: hybrid files list compressed objects so. */
			if (kw_is(&k, "n") && off.v > 0 && (size_t) off.v < doc->len)
				xset(doc, (size_t) st.v + i, 1, (size_t) off.v, (unsigned) gen.v, 0, 0);
		}
	}
	return (NULL);
}

/* register_stms - objects inside the object streams met by rebuild() */
static void
register_stms(pdf_doc *doc)
{
	for (size_t i = 0; i < doc->nstmlist; i++) {
		objstm *s = stm_get(doc, doc->stmlist[i]);

		/* Where no object of their own is. */
		for (size_t k = 0; s && k < s->n; k++)
			if (s->nums[k] >= doc->nx || doc->x[s->nums[k]].type != 1)
				xset(doc, s->nums[k], 2, doc->stmlist[i], 0, (unsigned) k, 1);
	}
	doc->nstmlist = 0;
}

/* rebuild - index every "N G obj" of the file, walking it in order */
static void
rebuild(pdf_doc *doc)
{
	const unsigned char *p = doc->d, *end = doc->d + doc->len;
	int     ntr = 0;
	pobj   *tr[PDF_XREF_MAX];

	doc->scanned = 1;
	doc->nstmlist = 0;
	while (p < end && !stopped(doc)) {
		const unsigned char *at = skip_ws(p, end), *q = at;
		ptok    t;

		lex(&q, end, &t);
		if (t.k == K_END)
			break;
		if (t.k == K_NUM && t.integer) {
			const unsigned char *after;
			unsigned num;
			pobj   *o = load_at(doc, (size_t) (at - doc->d), -1, &num, &after);

			if (o) {
				xset(doc, num, 1, (size_t) (at - doc->d), 0, 0, 1);
				if (num < doc->nx)
					doc->cache[num] = o;
				if (o->t == T_STREAM && name_is(dget(o, "Type"), "ObjStm")) {
					if (doc->nstmlist == doc->stmlistcap) {
						size_t  nc = doc->stmlistcap ? doc->stmlistcap * 2 : 16;
						unsigned *nl;

						if (nc <= 100000 && (nl = realloc(doc->stmlist, nc * sizeof(*nl))) != NULL) {
							doc->stmlist = nl;
							doc->stmlistcap = nc;
						}
					}
					if (doc->nstmlist < doc->stmlistcap)
						doc->stmlist[doc->nstmlist++] = num;
				}
				if (o->t == T_STREAM && name_is(dget(o, "Type"), "XRef") && ntr < PDF_XREF_MAX)
					tr[ntr++] = o;
				p = after;
				continue;
			}
		} else if (kw_is(&t, "trailer")) {
			pobj   *o = parse_obj(doc, &q, end, 0);

			if (o && o->t == T_DICT && ntr < PDF_XREF_MAX)
				tr[ntr++] = o;
			p = q;
			continue;
		} else if (t.k == K_STR || t.k == K_HEX || t.k == K_DOPEN || t.k == K_AOPEN) {
			q = at;
			(void) parse_obj(doc, &q, end, 0);
			p = q > at ? q : at + 1;
			continue;
		}
		p = q > at ? q : at + 1;
	}
	if (doc->crypt_ready)
		register_stms(doc);
	/* The trailers met last are the newest. */
	if (ntr) {
		doc->ntrailers = 0;
		for (int i = ntr - 1; i >= 0; i--)
			doc->trailers[doc->ntrailers++] = tr[i];
	}
}

/*
 * Stream filters. Each writes into out through emit(), which charges
 * the budget; -1 is damage or a limit (doc->why says which).
 */

/* emit - decoded bytes out, charged */
static int
emit(pdf_doc *doc, om_buf *out, const void *p, size_t n)
{
	if (charge(doc, n) < 0)
		return (-1);
	if (om_buf_append(out, p, n) < 0 || out->len >= PDF_STREAM_MAX) {
		doc->why |= OM_UNSCAN_BYTES;
		return (-1);
	}
	return (0);
}

/* f_flate - zlib (FlateDecode) */
static int
f_flate(pdf_doc *doc, const unsigned char *in, size_t n, om_buf *out)
{
	z_stream z;
	unsigned char chunk[65536];
	int     ret, rc = 0;

	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return (-1);
	z.next_in = (unsigned char *) in;
	z.avail_in = (uInt) (n > UINT32_MAX ? UINT32_MAX : n);
	for (;;) {
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		ret = inflate(&z, Z_NO_FLUSH);
		if (sizeof(chunk) - z.avail_out && emit(doc, out, chunk, sizeof(chunk) - z.avail_out) < 0) {
			rc = -1;
			break;
		}
		if (ret == Z_STREAM_END)
			break;
		if (ret == Z_DATA_ERROR && z.msg && strstr(z.msg, "incorrect data check"))
			break;			/* all data out, only the checksum is wrong */
		if (ret == Z_BUF_ERROR || (ret == Z_OK && z.avail_in == 0 && z.avail_out != 0)) {
			/* Input ended without the end marker: short by the checksum at most. */
			if (out->len == 0)
				rc = -1;
			break;
		}
		if (ret != Z_OK) {
			doc->why |= OM_UNSCAN_CORRUPT;
			rc = -1;
			break;
		}
	}
	inflateEnd(&z);
	return (rc);
}

/* f_lzw - LZWDecode, 9-12 bit codes, EarlyChange ec */
static int
f_lzw(pdf_doc *doc, const unsigned char *in, size_t n, int ec, om_buf *out)
{
	uint16_t prefix[4096];
	unsigned char suffix[4096], first[4096], stack[4096], chunk[65536];
	size_t  cl = 0;
	uint32_t bits = 0;
	int     nbits = 0, width = 9, next = 258, prev = -1, rc = 0;

	for (int i = 0; i < 256; i++)
		suffix[i] = first[i] = (unsigned char) i, prefix[i] = 0xffff;
	for (size_t i = 0;;) {
		int     code, sp = 0, c;

		while (nbits < width && i < n)
			bits = bits << 8 | in[i++], nbits += 8;
		if (nbits < width)
			break;
		code = (int) ((bits >> (nbits - width)) & ((1u << width) - 1));
		nbits -= width;
		if (code == 256) {
			next = 258, width = 9, prev = -1;
			continue;
		}
		if (code == 257)
			break;
		if (prev < 0) {
			if (code > 255) {
				rc = -1;
				break;
			}
			stack[sp++] = (unsigned char) code;
		} else {
			if (code > next || next > 4096) {
				rc = -1;
				break;
			}
			c = code == next ? prev : code;
			if (code == next)
				stack[sp++] = first[prev];
			while (c > 255 && sp < 4095) {
				stack[sp++] = suffix[c];
				c = prefix[c];
			}
			stack[sp++] = (unsigned char) c;
			if (next < 4096) {
				prefix[next] = (uint16_t) prev;
				suffix[next] = (unsigned char) c;
				first[next] = first[prev];
				next++;
			}
		}
		while (sp > 0) {
			chunk[cl++] = stack[--sp];
			if (cl == sizeof(chunk)) {
				if (emit(doc, out, chunk, cl) < 0)
					return (-1);
				cl = 0;
			}
		}
		prev = code;
		if (next + ec >= (1 << width) && width < 12)
			width++;
	}
	if (cl && emit(doc, out, chunk, cl) < 0)
		return (-1);
	if (rc < 0)
		doc->why |= OM_UNSCAN_CORRUPT;
	return (rc);
}

/* f_a85 - ASCII85Decode */
static int
f_a85(pdf_doc *doc, const unsigned char *in, size_t n, om_buf *out)
{
	unsigned char chunk[65536];
	size_t  cl = 0;
	uint32_t v = 0;
	int     k = 0;
	const unsigned char *p = in, *end = in + n;

	if (n >= 2 && p[0] == '<' && p[1] == '~')
		p += 2;
	for (; p < end; p++) {
		unsigned c = *p;

		if (IS_WS(c))
			continue;
		if (c == '~')
			break;
		if (cl + 4 >= sizeof(chunk)) {
			if (emit(doc, out, chunk, cl) < 0)
				return (-1);
			cl = 0;
		}
		if (c == 'z' && k == 0) {
			memset(chunk + cl, 0, 4);
			cl += 4;
			continue;
		}
		if (c < '!' || c > 'u') {
			doc->why |= OM_UNSCAN_CORRUPT;
			return (-1);
		}
		v = v * 85 + (c - '!');
		if (++k == 5) {
			chunk[cl++] = (unsigned char) (v >> 24);
			chunk[cl++] = (unsigned char) (v >> 16);
			chunk[cl++] = (unsigned char) (v >> 8);
			chunk[cl++] = (unsigned char) v;
			v = 0, k = 0;
		}
	}
	if (k == 1) {
		doc->why |= OM_UNSCAN_CORRUPT;
		return (-1);
	}
	if (k > 1) {
		for (int i = k; i < 5; i++)
			v = v * 85 + 84;
		for (int i = 0; i < k - 1; i++)
			chunk[cl++] = (unsigned char) (v >> (24 - 8 * i));
	}
	return (cl ? emit(doc, out, chunk, cl) : 0);
}

/* f_ahx - ASCIIHexDecode */
static int
f_ahx(pdf_doc *doc, const unsigned char *in, size_t n, om_buf *out)
{
	unsigned char chunk[65536];
	size_t  cl = 0;
	int     hi = -1;

	for (size_t i = 0; i < n && in[i] != '>'; i++) {
		int     v = hexv(in[i]);

		if (v < 0) {
			if (IS_WS(in[i]))
				continue;
			doc->why |= OM_UNSCAN_CORRUPT;
			return (-1);
		}
		if (hi < 0) {
			hi = v;
			continue;
		}
		chunk[cl++] = (unsigned char) (hi << 4 | v);
		hi = -1;
		if (cl == sizeof(chunk)) {
			if (emit(doc, out, chunk, cl) < 0)
				return (-1);
			cl = 0;
		}
	}
	if (hi >= 0)
		chunk[cl++] = (unsigned char) (hi << 4);
	return (cl ? emit(doc, out, chunk, cl) : 0);
}

/* f_rl - RunLengthDecode */
static int
f_rl(pdf_doc *doc, const unsigned char *in, size_t n, om_buf *out)
{
	unsigned char run[128];

	for (size_t i = 0; i < n;) {
		unsigned L = in[i++];

		if (L == 128)
			break;
		if (L < 128) {
			size_t  k = L + 1;

			if (k > n - i) {
				doc->why |= OM_UNSCAN_CORRUPT;
				return (-1);
			}
			if (emit(doc, out, in + i, k) < 0)
				return (-1);
			i += k;
		} else {
			if (i >= n) {
				doc->why |= OM_UNSCAN_CORRUPT;
				return (-1);
			}
			memset(run, in[i++], sizeof(run));
			if (emit(doc, out, run, 257 - L) < 0)
				return (-1);
		}
	}
	return (0);
}

/* predict - undo a PNG (10-15) or TIFF (2) predictor in place into out */
static int
predict(pdf_doc *doc, pobj *parms, const unsigned char *in, size_t n, om_buf *out)
{
	long    pred = int_of(doc, dget(parms, "Predictor"), 1);
	long    colors = int_of(doc, dget(parms, "Colors"), 1);
	long    bpc = int_of(doc, dget(parms, "BitsPerComponent"), 8);
	long    cols = int_of(doc, dget(parms, "Columns"), 1);
	size_t  bpp, row;
	unsigned char *prev, *cur;
	int     rc = 0;

	if (colors < 1 || colors > 32 || (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16)
	    || cols < 1 || cols > 1000000)
		return (-1);
	bpp = (size_t) ((colors * bpc + 7) / 8);
	row = (size_t) ((colors * bpc * cols + 7) / 8);
	if ((prev = calloc(2, row + 1)) == NULL)
		return (-1);
	cur = prev + row + 1;
	if (pred == 2) {
		if (bpc != 8) {
			free(prev);
			return (-1);
		}
		for (size_t off = 0; off < n && rc == 0; off += row) {
			size_t  k = n - off < row ? n - off : row;

			memcpy(cur, in + off, k);
			for (size_t i = bpp; i < k; i++)
				cur[i] = (unsigned char) (cur[i] + cur[i - bpp]);
			rc = emit(doc, out, cur, k);
		}
		free(prev);
		return (rc);
	}
	for (size_t off = 0; off < n && rc == 0; off += row + 1) {
		unsigned type = in[off];
		size_t  k = n - off - 1 < row ? n - off - 1 : row;

		memcpy(cur, in + off + 1, k);
		for (size_t i = 0; i < k; i++) {
			unsigned a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;

			switch (type) {
			case 0:
				break;
			case 1:
				cur[i] = (unsigned char) (cur[i] + a);
				break;
			case 2:
				cur[i] = (unsigned char) (cur[i] + b);
				break;
			case 3:
				cur[i] = (unsigned char) (cur[i] + ((a + b) >> 1));
				break;
			case 4:
				{
					int     p = (int) a + (int) b - (int) c;
					int     pa = abs(p - (int) a), pb = abs(p - (int) b), pc = abs(p - (int) c);

					cur[i] = (unsigned char) (cur[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c));
				}
				break;
			default:
				free(prev);
				doc->why |= OM_UNSCAN_CORRUPT;
				return (-1);
			}
		}
		rc = emit(doc, out, cur, k);
		memcpy(prev, cur, row);
	}
	free(prev);
	return (rc);
}

/* filter_name - canonical filter name, or NULL if we cannot decode it */
static const char *
filter_name(const pobj *f)
{
	static const char *const names[][2] = {
		{"FlateDecode", "Fl"}, {"LZWDecode", "LZW"}, {"ASCII85Decode", "A85"},
		{"ASCIIHexDecode", "AHx"}, {"RunLengthDecode", "RL"}, {"Crypt", "Crypt"},
	};

	if (f == NULL || f->t != T_NAME)
		return (NULL);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp((const char *) f->s, names[i][0]) == 0 || strcmp((const char *) f->s, names[i][1]) == 0)
			return (names[i][0]);
	return (NULL);
}

/*
 * decode_stream - the stream's data decrypted and through its filters
 * into out; -1 on damage, limits, or (*und set) a filter we lack.
 */
static int
decode_stream(pdf_doc *doc, pobj *st, om_buf *out, int *und)
{
	pobj   *f = rget(doc, st, "Filter"), *dp = rget(doc, st, "DecodeParms");
	pobj   *fl[8], *pa[8];
	int     nf = 0;
	const unsigned char *src = st->s;
	size_t  n = st->n;
	om_buf  a, b;
	int     skip_crypt = 0;

	int     rc = -1;

	*und = 0;
	if (f && f->t == T_NAME) {
		fl[0] = f;
		pa[0] = dp && dp->t == T_DICT ? dp : NULL;
		nf = 1;
	} else if (f && f->t == T_ARR) {
		for (size_t i = 0; i < f->na; i++) {
			pobj   *p = dp && dp->t == T_ARR && i < dp->na ? resolve(doc, dp->a[i]) : NULL;

			if (nf == 8) {
				*und = 1;
				return (-1);
			}
			fl[nf] = resolve(doc, f->a[i]);
			pa[nf++] = p && p->t == T_DICT ? p : NULL;
		}
	} else if (f && f->t != T_NULL) {
		doc->why |= OM_UNSCAN_CORRUPT;
		return (-1);
	}
	for (int i = 0; i < nf; i++)
		if (filter_name(fl[i]) == NULL) {
			*und = 1;
			return (-1);
		}
	if (nf && strcmp(filter_name(fl[0]), "Crypt") == 0) {
		pobj   *nm = dget(pa[0], "Name");

		skip_crypt = nm == NULL || name_is(nm, "Identity");
	}
	om_buf_init(&a, PDF_STREAM_MAX + 65536);
	om_buf_init(&b, PDF_STREAM_MAX + 65536);
	if (doc->crypt && !skip_crypt && !name_is(dget(st, "Type"), "XRef")) {
		if (om_pdf_crypt_stream(&doc->pc, st->num, st->gen, src, n, &a) < 0) {
			doc->why |= OM_UNSCAN_CORRUPT;
			goto done;
		}
		src = (const unsigned char *) (a.data ? a.data : "");
		n = a.len;
	}
	for (int i = 0; i < nf; i++) {
		const char *name = filter_name(fl[i]);
		om_buf *dst = (src == (const unsigned char *) a.data) ? &b : &a;
		int     r = 0;

		if (strcmp(name, "Crypt") == 0)
			continue;
		om_buf_reset(dst);
		if (strcmp(name, "FlateDecode") == 0)
			r = f_flate(doc, src, n, dst);
		else if (strcmp(name, "LZWDecode") == 0)
			r = f_lzw(doc, src, n, (int) int_of(doc, dget(pa[i], "EarlyChange"), 1) ? 1 : 0, dst);
		else if (strcmp(name, "ASCII85Decode") == 0)
			r = f_a85(doc, src, n, dst);
		else if (strcmp(name, "ASCIIHexDecode") == 0)
			r = f_ahx(doc, src, n, dst);
		else
			r = f_rl(doc, src, n, dst);
		if (r < 0)
			goto done;
		if ((strcmp(name, "FlateDecode") == 0 || strcmp(name, "LZWDecode") == 0)
		    && int_of(doc, dget(pa[i], "Predictor"), 1) > 1) {
			om_buf *pd = dst == &a ? &b : &a;
			long    pred = int_of(doc, dget(pa[i], "Predictor"), 1);

			if (pred != 2 && (pred < 10 || pred > 15)) {
				*und = 1;
				goto done;
			}
			om_buf_reset(pd);
			if (predict(doc, pa[i], (const unsigned char *) (dst->data ? dst->data : ""), dst->len, pd) < 0) {
				doc->why |= OM_UNSCAN_CORRUPT;
				goto done;
			}
			dst = pd;
		}
		src = (const unsigned char *) (dst->data ? dst->data : "");
		n = dst->len;
	}
	if (om_buf_append(out, src, n) < 0) {
		doc->why |= OM_UNSCAN_BYTES;
		goto done;
	}
	rc = 0;
done:
	om_buf_free(&a);
	om_buf_free(&b);
	return (rc);
}

/*
 * Encryption: from the trailers' /Encrypt only.
 */

/* str_of - a string object's bytes (resolved), or NULL */
static const unsigned char *
str_of(pdf_doc *doc, pobj *o, size_t *n)
{
	o = resolve(doc, o);
	if (o == NULL || o->t != T_STR)
		return (NULL);
	*n = o->n;
	return (o->s);
}

/* crypt_setup - OM_PDF_CLEAR, _OPEN (key in doc->pc), _LOCKED or _BROKEN */
static int
crypt_setup(pdf_doc *doc)
{
	pobj   *enc = NULL, *id = NULL, *o;
	om_pdf_sec sec;
	int     none = 0, r;

	for (int i = 0; i < doc->ntrailers; i++) {
		if (enc == NULL)
			enc = dget(doc->trailers[i], "Encrypt");
		if (id == NULL)
			id = dget(doc->trailers[i], "ID");
	}
	doc->crypt_ready = 1;
	if (enc == NULL || enc->t == T_NULL)
		return (OM_PDF_CLEAR);
	enc = resolve(doc, enc);
	if (enc == NULL || enc->t != T_DICT)
		return (OM_PDF_BROKEN);
	if (!name_is(rget(doc, enc, "Filter"), "Standard"))
		return (OM_PDF_LOCKED);
	memset(&sec, 0, sizeof(sec));
	sec.V = int_of(doc, dget(enc, "V"), 0);
	sec.R = int_of(doc, dget(enc, "R"), 0);
	sec.P = int_of(doc, dget(enc, "P"), 0);
	sec.Length = int_of(doc, dget(enc, "Length"), 40);
	o = rget(doc, enc, "EncryptMetadata");
	sec.encmeta = !(o && o->t == T_BOOL && o->v == 0);
	sec.O = str_of(doc, dget(enc, "O"), &sec.olen);
	sec.U = str_of(doc, dget(enc, "U"), &sec.ulen);
	sec.UE = str_of(doc, dget(enc, "UE"), &sec.uelen);
	if ((id = resolve(doc, id)) != NULL && id->t == T_ARR && id->na > 0)
		sec.ID = str_of(doc, id->a[0], &sec.idlen);
	if (sec.V == 4) {
		pobj   *stmf = rget(doc, enc, "StmF"), *cf = rget(doc, enc, "CF"), *filt, *cfm;

		if (stmf == NULL || name_is(stmf, "Identity"))
			none = 1;
		else if (stmf->t == T_NAME && (filt = rget(doc, cf, (const char *) stmf->s)) != NULL) {
			cfm = rget(doc, filt, "CFM");
			sec.aesv2 = name_is(cfm, "AESV2");
			none = name_is(cfm, "None");
		}
	}
	r = om_pdf_crypt_key(&sec, &doc->pc);
	if (r == OM_PDF_OPEN)
		doc->crypt = !none;
	return (r);
}

/*
 * CMaps.
 */

/* cm_add - one range; -1 when full */
static int
cm_add(cmap *cm, uint32_t lo, uint32_t hi, uint32_t dst, unsigned ulen)
{
	if (hi < lo)
		return (0);
	if (cm->n == cm->cap) {
		cm_range *nr;
		size_t  nc = cm->cap ? cm->cap * 2 : 64;

		if (nc > CMAP_RANGES_MAX || (nr = realloc(cm->r, nc * sizeof(*nr))) == NULL)
			return (-1);
		cm->r = nr;
		cm->cap = nc;
	}
	cm->r[cm->n].lo = lo;
	cm->r[cm->n].hi = hi;
	cm->r[cm->n].dst = dst;
	cm->r[cm->n].ulen = (uint16_t) ulen;
	cm->n++;
	cm->sorted = 0;
	return (0);
}

/* cm_str - a Unicode string into the pool; its index, or -1 */
static long
cm_str(cmap *cm, const uint32_t *u, size_t n)
{
	long    at = (long) cm->np;

	if (cm->np + n > cm->pcap) {
		uint32_t *np;
		size_t  nc = cm->pcap ? cm->pcap * 2 : 256;

		while (nc < cm->np + n)
			nc *= 2;
		if (nc > CMAP_POOL_MAX || (np = realloc(cm->pool, nc * sizeof(*np))) == NULL)
			return (-1);
		cm->pool = np;
		cm->pcap = nc;
	}
	memcpy(cm->pool + cm->np, u, n * sizeof(*u));
	cm->np += n;
	return (at);
}

/* cm_cmp - order of ranges by first code */
static int
cm_cmp(const void *a, const void *b)
{
	const cm_range *x = a, *y = b;

	return (x->lo < y->lo ? -1 : x->lo > y->lo);
}

/* cm_find - the range holding code, or NULL */
static const cm_range *
cm_find(const cmap *cm, uint32_t code)
{
	size_t  lo = 0, hi;

	if (cm == NULL || cm->n == 0)
		return (NULL);
	hi = cm->n;
	while (lo < hi) {
		size_t  mid = (lo + hi) / 2;

		if (cm->r[mid].lo <= code)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* lo - 1 is the last range starting at or before code. */
	for (size_t i = lo, k = 0; i > 0 && k < 16; i--, k++)
		if (cm->r[i - 1].hi >= code)
			return (cm->r + i - 1);
	return (NULL);
}

/* cm_free - a CMap's memory */
static void
cm_free(cmap *cm)
{
	if (cm) {
		free(cm->r);
		free(cm->pool);
		free(cm);
	}
}

/* utf16_dec - UTF-16BE bytes to code points; count */
static size_t
utf16_dec(const unsigned char *b, size_t n, uint32_t *u, size_t cap)
{
	size_t  k = 0;

	for (size_t i = 0; i + 1 < n && k < cap; i += 2) {
		uint32_t c = (uint32_t) (b[i] << 8 | b[i + 1]);

		if (c >= 0xd800 && c <= 0xdbff && i + 3 < n) {
			uint32_t lo = (uint32_t) (b[i + 2] << 8 | b[i + 3]);

			if (lo >= 0xdc00 && lo <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				i += 2;
			}
		}
		u[k++] = c;
	}
	if (n == 1 && k < cap)
		u[k++] = b[0];
	return (k);
}

/* code_of - a hex token as a code: value and byte count */
static uint32_t
code_of(const ptok *t, int *nb)
{
	unsigned char b[8];
	size_t  n = str_bytes(t, b, sizeof(b));
	uint32_t v = 0;

	if (n > 4)
		n = 4;
	for (size_t i = 0; i < n; i++)
		v = v << 8 | b[i];
	*nb = (int) n;
	return (v);
}

static const cmap *predef_locked(const char *name, int depth);

/* cm_merge - add base's ranges and codespaces to cm (usecmap) */
static void
cm_merge(cmap *cm, const cmap *base)
{
	for (size_t i = 0; base && i < base->n; i++) {
		cm_range r = base->r[i];

		if (r.ulen > 1) {
			long    at = cm_str(cm, base->pool + r.dst, r.ulen);

			if (at < 0)
				continue;
			r.dst = (uint32_t) at;
		}
		if (cm_add(cm, r.lo, r.hi, r.dst, r.ulen) < 0)
			break;
	}
	for (int i = 0; base && i < base->ncs && cm->ncs < 16; i++)
		cm->cs[cm->ncs++] = base->cs[i];
}

/*
 * cm_parse - codespacerange, bfchar, bfrange (both forms), cidchar and
 * cidrange sections; usecmap of a predefined CMap when depth allows.
 */
static void
cm_parse(cmap *cm, const unsigned char *s, size_t len, int depth)
{
	const unsigned char *p = s, *end = s + len;
	enum { M_NONE, M_CS, M_BFCHAR, M_BFRANGE, M_CIDCHAR, M_CIDRANGE, M_SKIP } mode = M_NONE;
	ptok    op[3], t, last;
	int     nop = 0;

	memset(&last, 0, sizeof(last));
	for (size_t guard = 0; guard < 4 * len + 16; guard++) {
		lex(&p, end, &t);
		if (t.k == K_END)
			break;
		if (t.k == K_KW) {
			nop = 0;
			if (kw_is(&t, "begincodespacerange"))
				mode = M_CS;
			else if (kw_is(&t, "beginbfchar"))
				mode = M_BFCHAR;
			else if (kw_is(&t, "beginbfrange"))
				mode = M_BFRANGE;
			else if (kw_is(&t, "begincidchar"))
				mode = M_CIDCHAR;
			else if (kw_is(&t, "begincidrange"))
				mode = M_CIDRANGE;
			else if (kw_is(&t, "beginnotdefchar") || kw_is(&t, "beginnotdefrange"))
				mode = M_SKIP;
			else if (t.n > 3 && memcmp(t.s, "end", 3) == 0)
				mode = M_NONE;
			else if (kw_is(&t, "usecmap") && last.k == K_NAME && depth < 4 && last.n < 64) {
				char    nm[64];

				memcpy(nm, last.s, last.n);
				nm[last.n] = 0;
				cm_merge(cm, predef_locked(nm, depth + 1));
			}
			last = t;
			continue;
		}
		last = t;
		if (mode == M_NONE || mode == M_SKIP)
			continue;
		if (mode == M_BFRANGE && t.k == K_AOPEN && nop == 2) {
			int     nb;
			uint32_t lo = code_of(&op[0], &nb), hi = code_of(&op[1], &nb);

			for (uint32_t c = lo; p < end; c++) {
				unsigned char b[64];
				uint32_t u[32];
				size_t  n, k;

				lex(&p, end, &t);
				if (t.k != K_HEX && t.k != K_STR)
					break;
				if (c > hi)
					continue;
				n = str_bytes(&t, b, sizeof(b));
				k = utf16_dec(b, n, u, 32);
				if (k == 1)
					(void) cm_add(cm, c, c, u[0], 1);
				else if (k > 1) {
					long    at = cm_str(cm, u, k);

					if (at >= 0)
						(void) cm_add(cm, c, c, (uint32_t) at, (unsigned) k);
				}
			}
			nop = 0;
			continue;
		}
		if (nop < 3)
			op[nop++] = t;
		if (mode == M_CS && nop == 2) {
			int     nb1, nb2;
			unsigned char lo[8], hi[8];
			size_t  n1 = str_bytes(&op[0], lo, sizeof(lo)), n2 = str_bytes(&op[1], hi, sizeof(hi));

			(void) code_of(&op[0], &nb1);
			(void) code_of(&op[1], &nb2);
			if (op[0].k == K_HEX && n1 == n2 && n1 >= 1 && n1 <= 4 && cm->ncs < 16) {
				cm->cs[cm->ncs].nb = (int) n1;
				memcpy(cm->cs[cm->ncs].lo, lo, n1);
				memcpy(cm->cs[cm->ncs].hi, hi, n1);
				cm->ncs++;
			}
			nop = 0;
		} else if ((mode == M_BFCHAR || mode == M_CIDCHAR) && nop == 2) {
			int     nb;
			uint32_t code = code_of(&op[0], &nb);

			if (mode == M_CIDCHAR && op[1].k == K_NUM && op[1].v >= 0)
				(void) cm_add(cm, code, code, (uint32_t) op[1].v, 0);
			else if (mode == M_BFCHAR && (op[1].k == K_HEX || op[1].k == K_STR)) {
				unsigned char b[64];
				uint32_t u[32];
				size_t  n = str_bytes(&op[1], b, sizeof(b)), k = utf16_dec(b, n, u, 32);

				if (k == 1)
					(void) cm_add(cm, code, code, u[0], 1);
				else if (k > 1) {
					long    at = cm_str(cm, u, k);

					if (at >= 0)
						(void) cm_add(cm, code, code, (uint32_t) at, (unsigned) k);
				}
			}
			nop = 0;
		} else if ((mode == M_BFRANGE || mode == M_CIDRANGE) && nop == 3) {
			int     nb;
			uint32_t lo = code_of(&op[0], &nb), hi = code_of(&op[1], &nb);

			if (mode == M_CIDRANGE && op[2].k == K_NUM && op[2].v >= 0)
				(void) cm_add(cm, lo, hi, (uint32_t) op[2].v, 0);
			else if (mode == M_BFRANGE && (op[2].k == K_HEX || op[2].k == K_STR)) {
				unsigned char b[64];
				uint32_t u[32];
				size_t  n = str_bytes(&op[2], b, sizeof(b)), k = utf16_dec(b, n, u, 32);

				if (k == 1)
					(void) cm_add(cm, lo, hi, u[0], 1);
				else if (k > 1) {
					long    at = cm_str(cm, u, k);

					if (at >= 0)
						(void) cm_add(cm, lo, hi, (uint32_t) at, (unsigned) k);
				}
			}
			nop = 0;
		}
	}
	if (cm->n)
		qsort(cm->r, cm->n, sizeof(*cm->r), cm_cmp);
	cm->sorted = 1;
}

/* next_code - length of the code at b by the codespace (def without one) */
static size_t
next_code(const cm_space *cs, int ncs, const unsigned char *b, size_t n, size_t def, uint32_t *code)
{
	size_t  nb = 0;

	for (int len = 1; len <= 4 && nb == 0 && (size_t) len <= n; len++)
		for (int i = 0; i < ncs && nb == 0; i++) {
			int     ok = cs[i].nb == len;

			for (int k = 0; ok && k < len; k++)
				ok = b[k] >= cs[i].lo[k] && b[k] <= cs[i].hi[k];
			if (ok)
				nb = (size_t) len;
		}
	if (nb == 0) {
		nb = def;
		for (int i = 0; i < ncs; i++)
			if ((size_t) cs[i].nb < nb || i == 0)
				nb = (size_t) cs[i].nb;
	}
	if (nb > n)
		nb = n;
	*code = 0;
	for (size_t k = 0; k < nb; k++)
		*code = *code << 8 | b[k];
	return (nb ? nb : 1);
}

/*
 * Predefined CMaps and the Adobe-Japan1 CID-to-Unicode table, from
 * poppler-data; process-wide, read once, never changed after.
 */
static const char *const data_dirs[] = {
	"/usr/share/poppler", "/usr/local/share/poppler", "/opt/homebrew/share/poppler",
	"/opt/local/share/poppler", "/usr/pkg/share/poppler", NULL,
};

#define PREDEF_MAX	128
#define DATA_FILE_MAX	((size_t) 8 << 20)

static pthread_mutex_t predef_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	char	name[64];
	cmap   *cm;
}       predef[PREDEF_MAX];
static int npredef;

static pthread_once_t cid_once = PTHREAD_ONCE_INIT;
static uint32_t *cid_uni;
static size_t ncid_uni;

/* data_read - a poppler-data file (relative path) into memory, or NULL */
static unsigned char *
data_read(const char *rel, size_t *len)
{
	for (int i = 0; data_dirs[i]; i++) {
		char    path[512];
		FILE   *fp;
		unsigned char *b;
		size_t  n;

		snprintf(path, sizeof(path), "%s/%s", data_dirs[i], rel);
		if ((fp = fopen(path, "rb")) == NULL)
			continue;
		if ((b = malloc(DATA_FILE_MAX + 1)) == NULL) {
			fclose(fp);
			return (NULL);
		}
		n = fread(b, 1, DATA_FILE_MAX, fp);
		fclose(fp);
		b[n] = 0;
		*len = n;
		return (b);
	}
	return (NULL);
}

/* cid_init - read cidToUnicode/Adobe-Japan1: one code point per CID line */
static void
cid_init(void)
{
	size_t  len, n = 0;
	unsigned char *b = data_read("cidToUnicode/Adobe-Japan1", &len);
	const unsigned char *p, *end;

	if (b == NULL)
		return;
	if ((cid_uni = calloc(65536, sizeof(*cid_uni))) == NULL) {
		free(b);
		return;
	}
	for (p = b, end = b + len; p < end && n < 65536; n++) {
		uint32_t v = 0;

		for (; p < end && hexv(*p) >= 0; p++)
			v = v << 4 | (uint32_t) hexv(*p);
		cid_uni[n] = v;
		while (p < end && *p != '\n')
			p++;
		p++;
	}
	ncid_uni = n;
	free(b);
}

/* cid_to_uni - Adobe-Japan1 CID to Unicode, 0 if none */
static uint32_t
cid_to_uni(uint32_t cid)
{
	(void) pthread_once(&cid_once, cid_init);
	return (cid < ncid_uni ? cid_uni[cid] : 0);
}

/* have_cid_table - is the Adobe-Japan1 table there */
static int
have_cid_table(void)
{
	(void) pthread_once(&cid_once, cid_init);
	return (ncid_uni > 0);
}

/* predef_locked - predefined CMap by name, loaded once (lock held) */
static const cmap *
predef_locked(const char *name, int depth)
{
	char    rel[128];
	unsigned char *b;
	size_t  len;
	cmap   *cm = NULL;

	if (name[0] == '.' || strlen(name) >= 64 || name[strspn(name,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")] != 0)
		return (NULL);
	for (int i = 0; i < npredef; i++)
		if (strcmp(predef[i].name, name) == 0)
			return (predef[i].cm);
	if (npredef >= PREDEF_MAX)
		return (NULL);
	snprintf(rel, sizeof(rel), "cMap/Adobe-Japan1/%s", name);
	if ((b = data_read(rel, &len)) != NULL) {
		if ((cm = calloc(1, sizeof(*cm))) != NULL)
			cm_parse(cm, b, len, depth);
		free(b);
	}
	snprintf(predef[npredef].name, sizeof(predef[npredef].name), "%s", name);
	predef[npredef++].cm = cm;
	return (cm);
}

/* predef_get - predefined CMap by name, or NULL */
static const cmap *
predef_get(const char *name)
{
	const cmap *cm;

	pthread_mutex_lock(&predef_lock);
	cm = predef_locked(name, 0);
	pthread_mutex_unlock(&predef_lock);
	return (cm);
}

/*
 * Fonts.
 */
typedef struct pwidth {
	uint32_t lo, hi;
	float	w;
} pwidth;

typedef struct pfont_x {
	pfont	f;
	cmap   *encown;			/* embedded code->CID CMap */
	pwidth *w;
	size_t	nw;
	float	dw;			/* default width, 1/1000 em */
	float	scale;			/* Type3 FontMatrix to 1/1000 em */
} pfont_x;

/* font_widths - /W of a CID font, or /FirstChar + /Widths */
static void
font_widths(pdf_doc *doc, pfont_x *fx, pobj *font, pobj *desc)
{
	pobj   *w;
	size_t  cap = 0;

	fx->dw = 1000;
	fx->scale = 1;
	if (desc) {
		fx->dw = (float) int_of(doc, dget(desc, "DW"), 1000);
		if ((w = rget(doc, desc, "W")) == NULL || w->t != T_ARR)
			return;
		for (size_t i = 0; i + 1 < w->na && fx->nw < 100000;) {
			long    c = int_of(doc, w->a[i], -1);
			pobj   *nx = resolve(doc, w->a[i + 1]);

			if (c < 0)
				break;
			if (nx && nx->t == T_ARR) {
				for (size_t k = 0; k < nx->na && fx->nw < 100000; k++) {
					if (fx->nw == cap) {
						pwidth *nw;

						cap = cap ? cap * 2 : 64;
						if ((nw = realloc(fx->w, cap * sizeof(*nw))) == NULL)
							return;
						fx->w = nw;
					}
					fx->w[fx->nw].lo = fx->w[fx->nw].hi = (uint32_t) c + (uint32_t) k;
					fx->w[fx->nw++].w = (float) int_of(doc, nx->a[k], 1000);
				}
				i += 2;
			} else if (i + 2 < w->na) {
				if (fx->nw == cap) {
					pwidth *nw;

					cap = cap ? cap * 2 : 64;
					if ((nw = realloc(fx->w, cap * sizeof(*nw))) == NULL)
						return;
					fx->w = nw;
				}
				fx->w[fx->nw].lo = (uint32_t) c;
				fx->w[fx->nw].hi = (uint32_t) int_of(doc, w->a[i + 1], c);
				fx->w[fx->nw++].w = (float) int_of(doc, w->a[i + 2], 1000);
				i += 3;
			} else
				break;
		}
		return;
	}
	{
		long    fc = int_of(doc, dget(font, "FirstChar"), 0);
		pobj   *m = rget(doc, font, "FontMatrix");

		fx->dw = 500;
		if (m && m->t == T_ARR && m->na == 6) {
			pobj   *a = resolve(doc, m->a[0]);

			if (a && a->t == T_NUM && a->v > 0)
				fx->scale = (float) (a->v * 1000);
		}
		if ((w = rget(doc, font, "Widths")) == NULL || w->t != T_ARR || w->na == 0 || w->na > 65536)
			return;
		if ((fx->w = calloc(w->na, sizeof(*fx->w))) == NULL)
			return;
		for (size_t k = 0; k < w->na; k++) {
			pobj   *v = resolve(doc, w->a[k]);

			fx->w[k].lo = fx->w[k].hi = (uint32_t) fc + (uint32_t) k;
			fx->w[k].w = v && v->t == T_NUM ? (float) v->v : 0;
		}
		fx->nw = w->na;
	}
}

/* w_cmp - order of width ranges */
static int
w_cmp(const void *a, const void *b)
{
	const pwidth *x = a, *y = b;

	return (x->lo < y->lo ? -1 : x->lo > y->lo);
}

/* font_width - advance of one code, 1/1000 em (widths sorted) */
static float
font_width(const pfont_x *fx, uint32_t cid)
{
	size_t  lo = 0, hi = fx->nw;

	while (lo < hi) {
		size_t  mid = (lo + hi) / 2;

		if (fx->w[mid].lo <= cid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && cid <= fx->w[lo - 1].hi)
		return (fx->w[lo - 1].w * fx->scale);
	return (fx->dw * (fx->f.type0 ? 1 : fx->scale));
}

/* font_get - the decoder of a font dictionary (cached per document) */
static pfont_x *
font_get(pdf_doc *doc, pobj *font)
{
	pfont_x *fx;
	pobj   *tu, *enc, *desc = NULL;

	for (size_t i = 0; i < doc->nfonts; i++)
		if (((pfont_x *) doc->fonts)[i].f.dict == font)
			return ((pfont_x *) doc->fonts + i);
	if (doc->nfonts == doc->fontcap) {
		void   *nf;
		size_t  nc = doc->fontcap ? doc->fontcap * 2 : 16;

		if (nc > PDF_FONTS_MAX || (nf = realloc(doc->fonts, nc * sizeof(pfont_x))) == NULL)
			return (NULL);
		doc->fonts = nf;
		doc->fontcap = nc;
	}
	fx = (pfont_x *) doc->fonts + doc->nfonts++;
	memset(fx, 0, sizeof(*fx));
	fx->f.dict = font;
	fx->f.type0 = name_is(rget(doc, font, "Subtype"), "Type0");
	if ((tu = rget(doc, font, "ToUnicode")) != NULL && tu->t == T_STREAM) {
		om_buf  b;
		int     und = 0;

		om_buf_init(&b, PDF_STREAM_MAX);
		if (decode_stream(doc, tu, &b, &und) == 0 && (fx->f.tou = calloc(1, sizeof(cmap))) != NULL) {
			cm_parse(fx->f.tou, (const unsigned char *) (b.data ? b.data : ""), b.len, 4);
			if (fx->f.tou->n == 0) {
				cm_free(fx->f.tou);
				fx->f.tou = NULL;
			}
		} else if (und)
			doc->why |= OM_UNSCAN_UNDECODABLE;
		om_buf_free(&b);
	}
	if (fx->f.type0) {
		pobj   *df = rget(doc, font, "DescendantFonts"), *csi, *ord;

		if (df && df->t == T_ARR && df->na > 0)
			desc = resolve(doc, df->a[0]);
		else if (df && df->t == T_DICT)
			desc = df;
		csi = rget(doc, desc, "CIDSystemInfo");
		ord = rget(doc, csi, "Ordering");
		fx->f.japan1 = ord && ord->t == T_STR && ord->n == 6 && memcmp(ord->s, "Japan1", 6) == 0;
		enc = rget(doc, font, "Encoding");
		if (enc && enc->t == T_NAME) {
			const char *n = (const char *) enc->s;

			if (strcmp(n, "Identity-H") == 0 || strcmp(n, "Identity-V") == 0)
				fx->f.identity = 1;
			else if (strncmp(n, "Uni", 3) == 0 && (strstr(n, "-UCS2-") || strstr(n, "-UTF16-")))
				fx->f.ucs2 = 1;
			else if ((fx->f.enc = predef_get(n)) != NULL)
				fx->f.japan1 = 1;	/* read from the Adobe-Japan1 directory */
		} else if (enc && enc->t == T_STREAM) {
			om_buf  b;
			int     und = 0;

			om_buf_init(&b, PDF_STREAM_MAX);
			if (decode_stream(doc, enc, &b, &und) == 0 && (fx->encown = calloc(1, sizeof(cmap))) != NULL) {
				pobj   *use = rget(doc, enc, "UseCMap");

				if (use && use->t == T_NAME) {
					pthread_mutex_lock(&predef_lock);
					cm_merge(fx->encown, predef_locked((const char *) use->s, 1));
					pthread_mutex_unlock(&predef_lock);
				}
				cm_parse(fx->encown, (const unsigned char *) (b.data ? b.data : ""), b.len, 4);
				fx->f.enc = fx->encown;
			}
			om_buf_free(&b);
		}
		fx->f.nomap = fx->f.tou == NULL && !fx->f.ucs2
			&& !((fx->f.identity || fx->f.enc) && fx->f.japan1 && have_cid_table());
	}
	font_widths(doc, fx, font, desc);
	if (fx->nw)
		qsort(fx->w, fx->nw, sizeof(*fx->w), w_cmp);
	return (fx);
}

/* font_free - every font of the document */
static void
font_free(pdf_doc *doc)
{
	for (size_t i = 0; i < doc->nfonts; i++) {
		pfont_x *fx = (pfont_x *) doc->fonts + i;

		cm_free(fx->f.tou);
		cm_free(fx->encown);
		free(fx->w);
	}
	free(doc->fonts);
}

/*
 * Content streams.
 */
typedef struct interp {
	pdf_doc *doc;
	om_buf *out;
	pfont_x *font;
	double	fs;			/* font size */
	double	lx, ly;			/* start of the current line (text space) */
	double	x;			/* where the next glyph would go */
	double	ex, ey;			/* where the last text shown ended */
	int	pending;		/* 0 nothing, 1 space, 2 newline */
	double	gap;			/* of a pending space from a move, in em; 0 other */
	uint32_t last;			/* last code point written */
	int	started;
	int	forms;			/* Form XObjects run */
} interp;

/*
 * put_sep - flush the pending separator before code point next. A gap
 * of less than 0.3 em next to Japanese text is the spacing layout puts
 * between Japanese and Latin runs (a quarter em), not a word space.
 */
static void
put_sep(interp *ip, uint32_t next)
{
	if (ip->pending == 1 && ip->gap > 0 && ip->gap < 0.3 && (ip->last >= 0x2e80 || next >= 0x2e80))
		ip->pending = 0;
	if (ip->pending && ip->started)
		(void) om_buf_putc(ip->out, ip->pending == 2 ? '\n' : ' ');
	ip->pending = 0;
	ip->gap = 0;
}

/* put_cp - one code point of text */
static void
put_cp(interp *ip, uint32_t c)
{
	if (c < 0x20 && c != '\t') {
		if (c == '\n' || c == '\r')
			ip->pending = 2;
		return;
	}
	put_sep(ip, c);
	ip->started = 1;
	ip->last = c;
	om_buf_put_utf8(ip->out, c);
}

/* show_bytes - the codes of one string through the current font */
static void
show_bytes(interp *ip, const unsigned char *buf, size_t n)
{
	pfont_x *fx = ip->font;
	double  adv = 0;

	if (fx == NULL) {
		/* No font selected: read the bytes as Latin-1. */
		for (size_t i = 0; i < n; i++)
			put_cp(ip, buf[i]);
		ip->x += 0.5 * ip->fs * (double) n;
		return;
	}
	if (fx->f.nomap && n) {
		ip->doc->why |= OM_UNSCAN_UNDECODABLE;
		return;
	}
	for (size_t i = 0; i < n;) {
		uint32_t code, cid;
		size_t  nb;
		const cm_range *r;

		if (fx->f.type0) {
			const cmap *sp = fx->f.enc ? fx->f.enc : fx->f.tou;

			nb = next_code(sp ? sp->cs : NULL, sp ? sp->ncs : 0, buf + i, n - i, 2, &code);
		} else
			code = buf[i], nb = 1;
		i += nb;
		cid = code;
		if (fx->f.enc && (r = cm_find(fx->f.enc, code)) != NULL && r->ulen == 0)
			cid = r->dst + (code - r->lo);
		adv += font_width(fx, fx->f.type0 ? cid : code) / 1000.0 * ip->fs;
		if ((r = cm_find(fx->f.tou, code)) != NULL) {
			if (r->ulen == 1)
				put_cp(ip, r->dst + (code - r->lo));
			else if (r->ulen > 1) {
				for (unsigned k = 0; k + 1 < r->ulen; k++)
					put_cp(ip, fx->f.tou->pool[r->dst + k]);
				put_cp(ip, fx->f.tou->pool[r->dst + r->ulen - 1] + (code - r->lo));
			}
			continue;
		}
		if (!fx->f.type0) {
			if (fx->f.tou == NULL || code >= 0x20)
				put_cp(ip, code);
			continue;
		}
		if (fx->f.ucs2) {
			if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
				uint32_t lo = (uint32_t) (buf[i] << 8 | buf[i + 1]);

				if (lo >= 0xdc00 && lo <= 0xdfff) {
					code = 0x10000 + ((code - 0xd800) << 10) + (lo - 0xdc00);
					i += 2;
				}
			}
			put_cp(ip, code);
			continue;
		}
		if (fx->f.japan1 && (fx->f.identity || fx->f.enc)) {
			uint32_t u = cid_to_uni(cid);

			if (u)
				put_cp(ip, u);
			else if (fx->f.tou == NULL && cid != 0)
				ip->doc->why |= OM_UNSCAN_UNDECODABLE;
		}
	}
	ip->x += adv;
	ip->ex = ip->x;
	ip->ey = ip->ly;
}

/* show - one string shown with the current font */
static void
show(interp *ip, const ptok *t)
{
	unsigned char sbuf[8192], *buf = sbuf;

	/* A string is never longer than its source text. */
	if (t->n > sizeof(sbuf) && (buf = malloc(t->n)) == NULL) {
		ip->doc->why |= OM_UNSCAN_BYTES;
		return;
	}
	show_bytes(ip, buf, str_bytes(t, buf, buf == sbuf ? sizeof(sbuf) : t->n));
	if (buf != sbuf)
		free(buf);
}

/* move_to - the text position changes to (x, y) */
static void
move_to(interp *ip, double x, double y)
{
	double  fs = ip->fs > 0 ? ip->fs : 10;

	if (ip->started) {
		/* Against where the last text ended: BT resets the matrix, not the page. */
		if (y - ip->ey > 0.5 * fs || ip->ey - y > 0.5 * fs)
			ip->pending = 2;
		else if (x - ip->ex > 0.15 * fs || ip->ex - x > 2 * fs) {
			if (ip->pending < 1) {
				ip->pending = 1;
				ip->gap = x > ip->ex ? (x - ip->ex) / fs : 1;
			}
		}
	}
	ip->lx = ip->x = x;
	ip->ly = y;
}

static void run_content(interp *ip, const unsigned char *s, size_t len, pobj *res, int depth);

/* name_dec - a name token (#xx escapes decoded) into buf; -1 if too long */
static int
name_dec(const ptok *t, char *buf, size_t cap)
{
	size_t  n = 0;

	for (size_t i = 0; i < t->n; i++) {
		if (n + 1 >= cap)
			return (-1);
		if (t->s[i] == '#' && i + 2 < t->n && hexv(t->s[i + 1]) >= 0 && hexv(t->s[i + 2]) >= 0) {
			buf[n++] = (char) (hexv(t->s[i + 1]) << 4 | hexv(t->s[i + 2]));
			i += 2;
		} else
			buf[n++] = (char) t->s[i];
	}
	buf[n] = 0;
	return (0);
}

/* run_form - a Form XObject's content with its own resources */
static void
run_form(interp *ip, pobj *xo, pobj *res, int depth)
{
	om_buf  b;
	int     und = 0;
	pobj   *fres;

	if (depth >= PDF_FORM_DEPTH || ++ip->forms > 100000) {
		ip->doc->why |= OM_UNSCAN_CORRUPT;
		return;
	}
	om_buf_init(&b, PDF_STREAM_MAX);
	if (decode_stream(ip->doc, xo, &b, &und) < 0) {
		ip->doc->why |= und ? OM_UNSCAN_UNDECODABLE : stopped(ip->doc) ? 0 : OM_UNSCAN_CORRUPT;
		om_buf_free(&b);
		return;
	}
	fres = rget(ip->doc, xo, "Resources");
	run_content(ip, (const unsigned char *) (b.data ? b.data : ""), b.len, fres ? fres : res, depth + 1);
	om_buf_free(&b);
}

/* skip_inline_image - past "ID <data> EI" */
static const unsigned char *
skip_inline_image(const unsigned char *p, const unsigned char *end)
{
	ptok    t;

	for (;;) {
		lex(&p, end, &t);
		if (t.k == K_END)
			return (end);
		if (kw_is(&t, "ID"))
			break;
	}
	if (p < end)
		p++;
	for (; p + 1 < end; p++)
		if (p[0] == 'E' && p[1] == 'I' && IS_WS(p[-1]) && (p + 2 == end || IS_WS(p[2]) || IS_DELIM(p[2])))
			return (p + 2);
	return (end);
}

/* run_content - the text operators of one content stream */
static void
run_content(interp *ip, const unsigned char *s, size_t len, pobj *res, int depth)
{
	const unsigned char *p = s, *end = s + len;
	ptok    op[PDF_OPS_MAX];
	int     nop = 0;
	pdf_doc *doc = ip->doc;

	/* What was decoded before a size limit is still read: it is paid for. */
	while (!timed_out(doc)) {
		ptok    t;
		const unsigned char *at = p;

		lex(&p, end, &t);
		if (t.k == K_END)
			break;
		if (t.k == K_AOPEN || t.k == K_DOPEN) {
			/* Keep an array as one operand: its text, to the matching bracket. */
			int     lvl = 1;
			ptok    u;

			while (lvl > 0) {
				lex(&p, end, &u);
				if (u.k == K_END)
					break;
				if (u.k == K_AOPEN || u.k == K_DOPEN)
					lvl++;
				else if (u.k == K_ACLOSE || u.k == K_DCLOSE)
					lvl--;
			}
			t.s = at;
			t.n = (size_t) (p - at);
		}
		if (t.k != K_KW) {
			if (nop == PDF_OPS_MAX) {
				memmove(op, op + 1, sizeof(op[0]) * (PDF_OPS_MAX - 1));
				nop--;
			}
			op[nop++] = t;
			continue;
		}
#define OPN(i)	(nop > (i) && op[nop - 1 - (i)].k == K_NUM ? op[nop - 1 - (i)].v : 0)
		if (kw_is(&t, "Tj") && nop >= 1 && (op[nop - 1].k == K_STR || op[nop - 1].k == K_HEX))
			show(ip, &op[nop - 1]);
		else if ((kw_is(&t, "'") || kw_is(&t, "\"")) && nop >= 1
			 && (op[nop - 1].k == K_STR || op[nop - 1].k == K_HEX)) {
			ip->pending = 2;
			show(ip, &op[nop - 1]);
		} else if (kw_is(&t, "TJ") && nop >= 1 && op[nop - 1].k == K_AOPEN) {
			const unsigned char *q = op[nop - 1].s + 1, *qe = op[nop - 1].s + op[nop - 1].n;
			ptok    u;

			for (;;) {
				lex(&q, qe, &u);
				if (u.k == K_END || u.k == K_ACLOSE)
					break;
				if (u.k == K_STR || u.k == K_HEX)
					show(ip, &u);
				else if (u.k == K_NUM) {
					double  dx = -u.v / 1000.0 * ip->fs;

					if (dx > 0.2 * (ip->fs > 0 ? ip->fs : 10) && ip->pending < 1 && ip->started)
						ip->pending = 1;
					ip->x += dx;
				}
			}
		} else if (kw_is(&t, "Tf") && nop >= 2 && op[nop - 2].k == K_NAME) {
			pobj   *fonts = rget(doc, res, "Font");
			char    nm[256];
			pobj   *f;

			ip->fs = OPN(0) < 0 ? -OPN(0) : OPN(0);
			ip->font = NULL;
			if (name_dec(&op[nop - 2], nm, sizeof(nm)) == 0
			    && (f = rget(doc, fonts, nm)) != NULL && f->t == T_DICT)
				ip->font = font_get(doc, f);
		} else if (kw_is(&t, "Td") || kw_is(&t, "TD"))
			move_to(ip, ip->lx + OPN(1), ip->ly + OPN(0));
		else if (kw_is(&t, "Tm"))
			move_to(ip, OPN(1), OPN(0));
		else if (kw_is(&t, "T*"))
			ip->pending = 2;
		else if (kw_is(&t, "BT")) {
			ip->lx = ip->x = 0;
			ip->ly = 0;
		} else if (kw_is(&t, "BI"))
			p = skip_inline_image(p, end);
		else if (kw_is(&t, "Do") && nop >= 1 && op[nop - 1].k == K_NAME) {
			pobj   *xobjs = rget(doc, res, "XObject"), *xo;
			char    nm[256];

			if (name_dec(&op[nop - 1], nm, sizeof(nm)) == 0
			    && (xo = rget(doc, xobjs, nm)) != NULL && xo->t == T_STREAM
			    && name_is(rget(doc, xo, "Subtype"), "Form")) {
				ip->pending = 2;
				run_form(ip, xo, res, depth);
				ip->pending = 2;
			}
		}
#undef OPN
		nop = 0;
	}
}

/*
 * Pages.
 */

/* put_pdfstring - a text string (PDFDocEncoding or UTF-16BE) */
static void
put_pdfstring(interp *ip, const pobj *s)
{
	if (s == NULL || s->t != T_STR)
		return;
	ip->pending = 2;
	if (s->n >= 2 && s->s[0] == 0xfe && s->s[1] == 0xff) {
		uint32_t u[256];

		for (size_t i = 2; i < s->n; i += 512) {
			size_t  k = utf16_dec(s->s + i, s->n - i < 512 ? s->n - i : 512, u, 256);

			for (size_t j = 0; j < k; j++)
				put_cp(ip, u[j]);
		}
	} else
		for (size_t i = 0; i < s->n; i++)
			put_cp(ip, s->s[i]);
	ip->pending = 2;
}

/* run_page - contents and annotations of one page */
static void
run_page(interp *ip, pobj *page, pobj *res)
{
	pdf_doc *doc = ip->doc;
	pobj   *c = rget(doc, page, "Contents"), *annots;
	om_buf  all, one;
	int     und = 0;

	om_buf_init(&all, PDF_STREAM_MAX);
	om_buf_init(&one, PDF_STREAM_MAX);
	if (c && (c->t == T_STREAM || c->t == T_ARR)) {
		size_t  n = c->t == T_ARR ? c->na : 1;

		/* An array is one content stream cut in pieces: join them. */
		for (size_t i = 0; i < n && !stopped(doc); i++) {
			pobj   *s = c->t == T_ARR ? resolve(doc, c->a[i]) : c;

			if (s == NULL || s->t != T_STREAM) {
				doc->why |= OM_UNSCAN_CORRUPT;
				continue;
			}
			om_buf_reset(&one);
			if (decode_stream(doc, s, &one, &und) < 0) {
				doc->why |= und ? OM_UNSCAN_UNDECODABLE : stopped(doc) ? 0 : OM_UNSCAN_CORRUPT;
				continue;
			}
			if (om_buf_append(&all, one.data ? one.data : "", one.len) < 0 || om_buf_putc(&all, '\n') < 0)
				doc->why |= OM_UNSCAN_BYTES;
		}
		run_content(ip, (const unsigned char *) (all.data ? all.data : ""), all.len, res, 0);
	} else if (c && c->t != T_NULL)
		doc->why |= OM_UNSCAN_CORRUPT;
	om_buf_free(&all);
	om_buf_free(&one);
	ip->pending = 2;
	/* Annotations: their text and what their appearance shows. */
	if ((annots = rget(doc, page, "Annots")) != NULL && annots->t == T_ARR) {
		for (size_t i = 0; i < annots->na && i < 10000 && !stopped(doc); i++) {
			pobj   *a = resolve(doc, annots->a[i]), *ap, *n;

			if (a == NULL || a->t != T_DICT)
				continue;
			/* A file attached to the page: a file inside the file, not read here. */
			if (name_is(rget(doc, a, "Subtype"), "FileAttachment"))
				doc->why |= OM_UNSCAN_UNDECODABLE;
			if (!doc->crypt)	/* strings of encrypted files are not decrypted */
				put_pdfstring(ip, rget(doc, a, "Contents"));
			if ((ap = rget(doc, a, "AP")) == NULL || (n = rget(doc, ap, "N")) == NULL)
				continue;
			if (n->t == T_DICT) {
				pobj   *as = rget(doc, a, "AS");

				n = as && as->t == T_NAME ? rget(doc, n, (const char *) as->s) : NULL;
			}
			if (n && n->t == T_STREAM)
				run_form(ip, n, res, 1);
			ip->pending = 2;
		}
	}
}

/* walk_pages - the page tree under node, resources inherited */
static void
walk_pages(interp *ip, pobj *node, pobj *res, int depth, size_t *visits)
{
	pdf_doc *doc = ip->doc;
	pobj   *kids, *r;

	if (node == NULL || node->t != T_DICT || depth > PDF_TREE_DEPTH || ++*visits > PDF_PAGES_MAX) {
		doc->why |= OM_UNSCAN_CORRUPT;
		return;
	}
	if ((r = rget(doc, node, "Resources")) != NULL && r->t == T_DICT)
		res = r;
	kids = rget(doc, node, "Kids");
	if (kids && kids->t == T_ARR && !name_is(rget(doc, node, "Type"), "Page")) {
		for (size_t i = 0; i < kids->na && !stopped(doc); i++)
			walk_pages(ip, resolve(doc, kids->a[i]), res, depth + 1, visits);
		return;
	}
	run_page(ip, node, res);
}

/*
 * The document.
 */

/* doc_open - the cross-reference chain, or the file walked; encryption */
static int
doc_open(pdf_doc *doc, const unsigned char *d, size_t len, om_pdf_limits *lim)
{
	const unsigned char *sx = NULL, *p, *end = d + len;
	size_t  seen[PDF_XREF_MAX], off;
	int     nseen = 0, ok = 1;
	pobj   *root = NULL;

	memset(doc, 0, sizeof(*doc));
	doc->d = d;
	doc->len = len;
	doc->lim = lim;
	for (p = d + (len > 4096 ? len - 4096 : 0); p < end && (p = memmem(p, (size_t) (end - p), "startxref", 9)) != NULL; p += 9)
		sx = p;
	if (sx) {
		ptok    t;

		p = sx + 9;
		lex(&p, end, &t);
		off = t.k == K_NUM && t.v >= 0 && t.v < (double) len ? (size_t) t.v : len;
	} else
		off = len;
	while (ok && off < len && nseen < PDF_XREF_MAX) {
		const unsigned char *q = d + off;
		ptok    t;
		pobj   *tr = NULL, *prev;

		for (int i = 0; i < nseen; i++)
			if (seen[i] == off)
				off = len;
		if (off >= len)
			break;
		seen[nseen++] = off;
		lex(&q, end, &t);
		if (kw_is(&t, "xref")) {
			pobj   *xs;

			if ((tr = xref_table(doc, q)) == NULL) {
				ok = 0;
				break;
			}
			xs = dget(tr, "XRefStm");
			if (xs && xs->t == T_NUM && xs->v > 0 && xs->v < (double) len) {
				pobj   *o = load_at(doc, (size_t) xs->v, -1, NULL, NULL);

				if (o && o->t == T_STREAM && xref_stream(doc, o) < 0)
					ok = 0;
			}
		} else {
			tr = load_at(doc, off, -1, NULL, NULL);
			if (tr == NULL || tr->t != T_STREAM || !name_is(dget(tr, "Type"), "XRef")
			    || xref_stream(doc, tr) < 0) {
				ok = 0;
				break;
			}
		}
		doc->trailers[doc->ntrailers++] = tr;
		prev = dget(tr, "Prev");
		off = prev && prev->t == T_NUM && prev->v >= 0 ? (size_t) prev->v : len;
	}
	for (int i = 0; ok && i < doc->ntrailers && root == NULL; i++)
		root = resolve(doc, dget(doc->trailers[i], "Root"));
	if (!ok || root == NULL || root->t != T_DICT) {
		if (!doc->scanned)
			rebuild(doc);
	}
	return (crypt_setup(doc));
}

/* doc_close - everything the document holds */
static void
doc_close(pdf_doc *doc)
{
	arena  *a, *next;

	for (a = doc->ar; a; a = next) {
		next = a->next;
		free(a);
	}
	for (size_t i = 0; i < doc->nstm; i++) {
		free(doc->stm[i].d);
		free(doc->stm[i].nums);
		free(doc->stm[i].offs);
	}
	free(doc->stm);
	free(doc->stmlist);
	free(doc->x);
	free(doc->cache);
	font_free(doc);
}

/* default_limits - omamori.conf's defaults, for callers without a config */
static void
default_limits(om_pdf_limits *lim)
{
	memset(lim, 0, sizeof(*lim));
	lim->expanded_limit = DEF_EXPANDED;
	lim->ratio_limit = DEF_RATIO;
	clock_gettime(CLOCK_MONOTONIC, &lim->deadline);
	lim->deadline.tv_sec += DEF_SECONDS;
}

/*
 * om_pdf_is - "%PDF-" at the start, or (as readers accept) within the
 * first 1024 bytes of a file that also ends in "%%EOF"; a text merely
 * quoting a PDF header is not taken for one.
 */
int
om_pdf_is(const unsigned char *d, size_t len)
{
	size_t  n = len;

	if (len < 8)
		return (0);
	if (memcmp(d, "%PDF-", 5) == 0)
		return (1);
	while (n > 0 && IS_WS(d[n - 1]))
		n--;
	return (n >= 5 && memcmp(d + n - 5, "%%EOF", 5) == 0
		&& memmem(d, len < 1024 ? len : 1024, "%PDF-", 5) != NULL);
}

/* om_pdf_crypt_open - see om_pdf.h */
int
om_pdf_crypt_open(const unsigned char *d, size_t len, om_pdf_crypt *pc)
{
	pdf_doc doc;
	om_pdf_limits lim;
	int     st;

	default_limits(&lim);
	st = doc_open(&doc, d, len, &lim);
	*pc = doc.pc;
	doc_close(&doc);
	return (st);
}

/* om_pdf_crypt_state - see om_pdf.h */
int
om_pdf_crypt_state(const unsigned char *d, size_t len)
{
	om_pdf_crypt pc;

	return (om_pdf_crypt_open(d, len, &pc));
}

/* om_pdf_text - see om_pdf.h */
int
om_pdf_text(const unsigned char *d, size_t len, om_pdf_limits *lim, om_buf *out, unsigned *unscan)
{
	pdf_doc doc;
	om_pdf_limits deflim;
	interp  ip;
	int     st;
	pobj   *root = NULL, *pages;
	size_t  visits = 0;

	if (lim == NULL) {
		default_limits(&deflim);
		lim = &deflim;
	}
	st = doc_open(&doc, d, len, lim);
	if (doc.scanned && doc.nstmlist)
		register_stms(&doc);
	memset(&ip, 0, sizeof(ip));
	ip.doc = &doc;
	ip.out = out;
	if (st == OM_PDF_LOCKED || st == OM_PDF_BROKEN)
		doc.why |= OM_UNSCAN_CORRUPT;
	else {
		for (int i = 0; i < doc.ntrailers && root == NULL; i++)
			root = resolve(&doc, dget(doc.trailers[i], "Root"));
		pages = rget(&doc, root, "Pages");
		if (pages == NULL)
			doc.why |= OM_UNSCAN_CORRUPT;
		else
			walk_pages(&ip, pages, NULL, 0, &visits);
		/*
		 * Files embedded in the document (the EmbeddedFiles name tree,
		 * associated files, a portfolio) are files of their own that
		 * this reader does not take out: not read, so not clean.
		 */
		if (rget(&doc, rget(&doc, root, "Names"), "EmbeddedFiles") != NULL
		    || rget(&doc, root, "AF") != NULL || rget(&doc, root, "Collection") != NULL)
			doc.why |= OM_UNSCAN_UNDECODABLE;
	}
	if (out->cap && out->len + 8 >= out->cap)
		doc.why |= OM_UNSCAN_BYTES;	/* the text was cut at its cap */
	doc_close(&doc);
	if (unscan)
		*unscan = doc.why;
	return (doc.why ? -1 : 1);
}
