/*++
 * NAME
 *	om_charset 3
 * SUMMARY
 *	charset decoding with Japanese-aware detection
 * DESCRIPTION
 *	See om_charset.h. All conversions go through iconv(3); the only
 *	transcoding done by hand is ISO-2022-JP to EUC-JP-MS, which is pure
 *	arithmetic on the JIS code points and lets the vendor extensions
 *	that glibc's strict ISO-2022-JP refuses (NEC row 13, IBM rows,
 *	half-width katakana) decode through glibc's EUC-JP-MS table.
 *--*/
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <glib.h>
#include <uchardet.h>

#include "om_charset.h"
#include "om_log.h"
#include "om_utf8.h"

typedef enum {
	CS_NONE, CS_ASCII, CS_UTF8, CS_CP932, CS_EUCJP, CS_JIS, CS_LATIN, CS_OTHER
} cs_kind;

static const struct {
	const char *label;
	cs_kind kind;
	const char *iconv_name;
} cs_aliases[] = {
	{"utf-8", CS_UTF8, "UTF-8"},
	{"utf8", CS_UTF8, "UTF-8"},
	{"unicode-1-1-utf-8", CS_UTF8, "UTF-8"},
	{"us-ascii", CS_ASCII, "ASCII"},
	{"ascii", CS_ASCII, "ASCII"},
	{"ansi_x3.4-1968", CS_ASCII, "ASCII"},
	{"shift_jis", CS_CP932, "CP932"},
	{"shift-jis", CS_CP932, "CP932"},
	{"sjis", CS_CP932, "CP932"},
	{"x-sjis", CS_CP932, "CP932"},
	{"ms_kanji", CS_CP932, "CP932"},
	{"csshiftjis", CS_CP932, "CP932"},
	{"windows-31j", CS_CP932, "CP932"},
	{"cp932", CS_CP932, "CP932"},
	{"ms932", CS_CP932, "CP932"},
	{"x-ms-cp932", CS_CP932, "CP932"},
	{"shift_jisx0213", CS_CP932, "CP932"},
	{"euc-jp", CS_EUCJP, "EUC-JP-MS"},
	{"eucjp", CS_EUCJP, "EUC-JP-MS"},
	{"x-euc-jp", CS_EUCJP, "EUC-JP-MS"},
	{"euc-jp-ms", CS_EUCJP, "EUC-JP-MS"},
	{"eucjp-ms", CS_EUCJP, "EUC-JP-MS"},
	{"cp51932", CS_EUCJP, "EUC-JP-MS"},
	{"cseucpkdfmtjapanese", CS_EUCJP, "EUC-JP-MS"},
	{"iso-2022-jp", CS_JIS, NULL},
	{"iso-2022-jp-1", CS_JIS, NULL},
	{"iso-2022-jp-2", CS_JIS, NULL},
	{"iso-2022-jp-3", CS_JIS, NULL},
	{"iso-2022-jp-2004", CS_JIS, NULL},
	{"iso-2022-jp-ms", CS_JIS, NULL},
	{"csiso2022jp", CS_JIS, NULL},
	{"csiso2022jp2", CS_JIS, NULL},
	{"cp50220", CS_JIS, NULL},
	{"cp50221", CS_JIS, NULL},
	{"cp50222", CS_JIS, NULL},
	{"jis", CS_JIS, NULL},
	{"iso-8859-1", CS_LATIN, "ISO-8859-1"},
	{"iso8859-1", CS_LATIN, "ISO-8859-1"},
	{"latin1", CS_LATIN, "ISO-8859-1"},
	{"windows-1252", CS_LATIN, "CP1252"},
	{"cp1252", CS_LATIN, "CP1252"},
	{"ks_c_5601-1987", CS_OTHER, "CP949"},
	{"x-gbk", CS_OTHER, "GBK"},
	{"gb2312", CS_OTHER, "GB18030"},
	{"gbk", CS_OTHER, "GB18030"},
};

/* cs_lookup - classify a label; *iconv_name gets the name to use */
static cs_kind
cs_lookup(const char *label, const char **iconv_name)
{
	*iconv_name = NULL;
	if (label == NULL || *label == 0)
		return (CS_NONE);
	for (size_t i = 0; i < sizeof(cs_aliases) / sizeof(cs_aliases[0]); i++) {
		if (strcasecmp(label, cs_aliases[i].label) == 0) {
			*iconv_name = cs_aliases[i].iconv_name;
			return (cs_aliases[i].kind);
		}
	}
	*iconv_name = label;
	return (CS_OTHER);
}

/*
 * utf8_check - well-formed UTF-8? The same answer as GLib's
 * g_utf8_validate_len() (no overlong forms, no surrogates, nothing above
 * U+10FFFF; a NUL byte only when allowed). ASCII is skipped eight bytes
 * at a time, and three-byte characters (nearly all Japanese text) are
 * checked without leaving their own loop: every text the engine reads
 * passes through here at least once.
 */
static int
utf8_check(const char *s, size_t len, int allow_nul)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;

	while (p < end) {
		unsigned c = *p, c1, c2;

		if (c < 0x80) {
			if (c == 0 && !allow_nul)
				return (0);
			p++;
			while (end - p >= 8) {
				uint64_t v;

				memcpy(&v, p, 8);
				if ((v & high) != 0 || (!allow_nul && ((v - ones) & ~v & high) != 0))
					break;
				p += 8;
			}
			continue;
		}
		/* Three bytes first: nearly all Japanese text is here. */
		while ((c & 0xf0) == 0xe0) {
			if (end - p < 3)
				return (0);
			c1 = p[1];
			c2 = p[2];
			if (((c1 ^ 0x80) | (c2 ^ 0x80)) >= 0x40)
				return (0);		/* not both 0x80..0xbf */
			if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 > 0x9f))
				return (0);		/* overlong; surrogate */
			p += 3;
			if (p == end)
				return (1);
			c = *p;
		}
		if (c < 0x80)
			continue;
		if (c >= 0xc2 && c <= 0xdf) {
			if (end - p < 2 || (p[1] & 0xc0) != 0x80)
				return (0);
			p += 2;
		} else if (c >= 0xf0 && c <= 0xf4) {
			if (end - p < 4 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80
			    || (p[3] & 0xc0) != 0x80)
				return (0);
			if ((c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
				return (0);		/* overlong; above U+10FFFF */
			p += 4;
		} else
			return (0);
	}
	return (1);
}

/* om_utf8_valid - well-formed UTF-8 without NUL bytes */
int
om_utf8_valid(const char *s, size_t len)
{
	return (utf8_check(s, len, 0));
}

/* om_utf8_valid_nul - well-formed UTF-8, NUL bytes allowed */
int
om_utf8_valid_nul(const char *s, size_t len)
{
	return (utf8_check(s, len, 1));
}

/* has_8bit - any byte >= 0x80? */
static int
has_8bit(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t  i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080ULL)
			return (1);
	}
	for (; i < len; i++)
		if (p[i] & 0x80)
			return (1);
	return (0);
}

/* count_8bit - how many bytes >= 0x80 */
static size_t
count_8bit(const char *s, size_t len)
{
	size_t  n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char) s[i]) >> 7;
	return (n);
}

/* has_jis_escape - ISO-2022-JP designation sequences present? */
static int
has_jis_escape(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while ((p = memchr(p, 0x1b, (size_t) (end - p))) != NULL && p + 2 < end) {
		if ((p[1] == '$' && (p[2] == 'B' || p[2] == '@' || p[2] == '('))
		    || (p[1] == '(' && (p[2] == 'I' || p[2] == 'J')))
			return (1);
		p++;
	}
	return (0);
}

/* iconv_run - convert with iconv; returns bad sequences, or -1 if unknown charset */
static int
iconv_run(const char *from, const char *in, size_t len, om_buf *out, int strict, int *flags)
{
	iconv_t cd;
	char    obuf[8192];
	char   *ip = (char *) in;
	size_t  inleft = len;
	int     bad = 0;
	size_t  mark = out->len;

	if ((cd = iconv_open("UTF-8", from)) == (iconv_t) - 1)
		return (-1);
	while (inleft > 0) {
		char   *op = obuf;
		size_t  outleft = sizeof(obuf);
		size_t  r = iconv(cd, &ip, &inleft, &op, &outleft);
		int     e = errno;

		if (om_buf_append(out, obuf, (size_t) (op - obuf)) < 0) {
			*flags |= OM_CHARSET_TRUNCATED;
			break;
		}
		if (r != (size_t) - 1)
			continue;
		if (e == E2BIG)
			continue;
		bad++;
		if (strict)
			break;
		/* Invalid or incomplete: one replacement character, skip one byte. */
		if (om_buf_append(out, "\xef\xbf\xbd", 3) < 0) {
			*flags |= OM_CHARSET_TRUNCATED;
			break;
		}
		ip++;
		inleft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	if (!(strict && bad)) {
		char   *op = obuf;
		size_t  outleft = sizeof(obuf);

		iconv(cd, NULL, NULL, &op, &outleft);
		if (om_buf_append(out, obuf, (size_t) (op - obuf)) < 0)
			*flags |= OM_CHARSET_TRUNCATED;
	}
	iconv_close(cd);
	if (strict && bad) {
		out->len = mark;
		if (out->data)
			out->data[mark] = 0;
	}
	return (bad);
}

/*
 * jis_to_euc - ISO-2022-JP (and the CP50220 family) to EUC-JP-MS bytes.
 * Returns 0, or -1 at an escape we do not know. Line ends return to
 * ASCII, which is what correct ISO-2022-JP does anyway and what saves
 * the next line when a sender forgot the trailing ESC ( B.
 */
static int
jis_to_euc(const char *in, size_t len, om_buf *out)
{
	enum {
		J_ASCII, J_KANJI, J_KANA, J_X0212
	}       mode = J_ASCII, saved = J_ASCII;
	const unsigned char *p = (const unsigned char *) in;
	const unsigned char *end = p + len;

	while (p < end) {
		unsigned char c = *p;

		if (c == 0x1b) {
			size_t  left = (size_t) (end - p);

			if (left >= 3 && p[1] == '(' && (p[2] == 'B' || p[2] == 'J' || p[2] == 'H'))
				mode = J_ASCII, p += 3;
			else if (left >= 3 && p[1] == '(' && p[2] == 'I')
				mode = J_KANA, p += 3;
			else if (left >= 3 && p[1] == '$' && (p[2] == 'B' || p[2] == '@'))
				mode = J_KANJI, p += 3;
			else if (left >= 6 && memcmp(p + 1, "&@\x1b$B", 5) == 0)
				mode = J_KANJI, p += 6;
			else if (left >= 4 && p[1] == '$' && p[2] == '(' && (p[3] == 'B' || p[3] == 'O' || p[3] == 'Q'))
				mode = J_KANJI, p += 4;
			else if (left >= 4 && p[1] == '$' && p[2] == '(' && p[3] == 'D')
				mode = J_X0212, p += 4;
			else
				return (-1);
			continue;
		}
		if (c == 0x0e) {		/* SO: half-width katakana */
			saved = mode;
			mode = J_KANA;
			p++;
			continue;
		}
		if (c == 0x0f) {		/* SI */
			mode = saved == J_KANA ? J_ASCII : saved;
			p++;
			continue;
		}
		if (c == '\n' || c == '\r') {
			mode = J_ASCII;
			if (om_buf_putc(out, c) < 0)
				return (0);
			p++;
			continue;
		}
		if (c >= 0x80) {
			/* Stray 8-bit byte: keep it, iconv will flag it. */
			if (om_buf_putc(out, c) < 0)
				return (0);
			p++;
			continue;
		}
		switch (mode) {
		case J_ASCII:
			if (om_buf_putc(out, c) < 0)
				return (0);
			p++;
			break;
		case J_KANA:
			if (c >= 0x21 && c <= 0x5f) {
				unsigned char k[2] = {0x8e, (unsigned char) (c | 0x80)};

				if (om_buf_append(out, k, 2) < 0)
					return (0);
			} else if (om_buf_putc(out, c) < 0)
				return (0);
			p++;
			break;
		case J_KANJI:
		case J_X0212:
			if (c < 0x21 || c > 0x7e || p + 1 >= end || p[1] < 0x21 || p[1] > 0x7e) {
				if (om_buf_putc(out, c) < 0)
					return (0);
				p++;
				break;
			} else {
				unsigned char k[3];
				size_t  n = 0;

				if (mode == J_X0212)
					k[n++] = 0x8f;
				k[n++] = (unsigned char) (c | 0x80);
				k[n++] = (unsigned char) (p[1] | 0x80);
				if (om_buf_append(out, k, n) < 0)
					return (0);
				p += 2;
			}
			break;
		}
	}
	return (0);
}

/* decode_jis - ISO-2022-JP family; returns bad count */
static int
decode_jis(const char *in, size_t len, om_buf *out, int strict, int *flags)
{
	om_buf  euc;
	int     bad;

	om_buf_init(&euc, 0);
	if (jis_to_euc(in, len, &euc) < 0) {
		om_buf_free(&euc);
		/* An escape outside our table: let glibc try its wider decoders. */
		if ((bad = iconv_run("ISO-2022-JP-2", in, len, out, 1, flags)) == 0)
			return (0);
		if ((bad = iconv_run("ISO-2022-JP-3", in, len, out, 1, flags)) == 0)
			return (0);
		return (iconv_run("ISO-2022-JP-2", in, len, out, strict, flags));
	}
	bad = iconv_run("EUC-JP-MS", euc.data ? euc.data : "", euc.len, out, strict, flags);
	om_buf_free(&euc);
	return (bad);
}

/* kana_score - share of kana among the non-ASCII characters of UTF-8 text, x1000 */
static int
kana_score(const char *s, size_t len, size_t *nkana, size_t *nwide)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t  kana = 0, wide = 0;

	for (size_t i = 0; i < len; i++) {
		if (p[i] < 0x80 || om_utf8_is_cont(p[i]))
			continue;
		wide++;
		/* U+3040..U+30FF is E3 81 80 .. E3 83 BF */
		if (p[i] == 0xe3 && i + 1 < len && p[i + 1] >= 0x81 && p[i + 1] <= 0x83)
			kana++;
	}
	*nkana = kana;
	*nwide = wide;
	return (wide ? (int) (kana * 1000 / wide) : 0);
}

/*
 * try_japanese - CP932 vs EUC-JP-MS: the one with the fewest bad
 * sequences (at most max_bad), then the most kana; it must have at
 * least min_wide non-ASCII characters. 0 if one was taken.
 */
static int
try_japanese(const char *in, size_t len, om_buf *out, int min_score, int max_bad,
	     size_t min_wide, const char **used, int *flags)
{
	static const char *const names[2] = {"CP932", "EUC-JP-MS"};
	int     best = -1, best_score = -1, best_bad = 0;
	size_t  mark = out->len;

	for (int i = 0; i < 2; i++) {
		size_t  nkana, nwide;
		int     score, bad;

		bad = iconv_run(names[i], in, len, out, max_bad == 0, flags);
		if (bad < 0 || bad > max_bad) {
			out->len = mark;
			if (out->data)
				out->data[mark] = 0;
			continue;
		}
		score = kana_score(out->data + mark, out->len - mark, &nkana, &nwide);
		out->len = mark;
		out->data[mark] = 0;
		if (nkana < 2 && (min_score > 0 || max_bad > 0))
			continue;
		if (nwide < min_wide)
			continue;
		if (best < 0 || bad < best_bad || (bad == best_bad && score > best_score))
			best = i, best_score = score, best_bad = bad;
	}
	if (best < 0 || best_score < min_score)
		return (-1);
	if (iconv_run(names[best], in, len, out, 0, flags) > 0)
		*flags |= OM_CHARSET_LOSSY;
	*used = names[best];
	return (0);
}

/* try_uchardet - ask uchardet, then decode strictly in its answer */
static int
try_uchardet(const char *in, size_t len, om_buf *out, const char **used, int *flags)
{
	static __thread char name[64];
	uchardet_t ud = uchardet_new();
	const char *guess;
	int     ret = -1;

	if (ud == NULL)
		return (-1);
	if (uchardet_handle_data(ud, in, len > 65536 ? 65536 : len) == 0) {
		uchardet_data_end(ud);
		guess = uchardet_get_charset(ud);
		if (guess && *guess && strcasecmp(guess, "ASCII") != 0) {
			const char *iname;
			cs_kind kind = cs_lookup(guess, &iname);

			snprintf(name, sizeof(name), "%s", iname ? iname : guess);
			if (kind == CS_JIS) {
				if (decode_jis(in, len, out, 1, flags) == 0)
					*used = "ISO-2022-JP", ret = 0;
			} else if (iconv_run(name, in, len, out, 1, flags) == 0) {
				*used = name;
				ret = 0;
			}
		}
	}
	uchardet_delete(ud);
	return (ret);
}

/* copy_utf8 - take valid UTF-8 as it is */
static void
copy_utf8(const char *in, size_t len, om_buf *out, int *flags)
{
	if (om_buf_append(out, in, len) < 0) {
		/* Keep what fits, cut at a character boundary. */
		size_t  room = out->cap > out->len ? out->cap - out->len : 0;

		while (room > 0 && om_utf8_is_cont((unsigned char) in[room]))
			room--;
		om_buf_append(out, in, room);
		*flags |= OM_CHARSET_TRUNCATED;
	}
}

/* om_charset_decode - see om_charset.h; returns OM_CHARSET_* flags */
int
om_charset_decode(const char *in, size_t len, const char *declared, om_buf *out, const char **used)
{
	const char *iname;
	cs_kind kind = cs_lookup(declared, &iname);
	int     eight = has_8bit(in, len);
	int     flags = 0;

	/* The label first, unless the bytes plainly contradict it. */
	switch (kind) {
	case CS_UTF8:
		if (om_utf8_valid(in, len)) {
			copy_utf8(in, len, out, &flags);
			*used = "UTF-8";
			return (flags);
		}
		break;
	case CS_ASCII:
		if (!eight && !has_jis_escape(in, len)) {
			copy_utf8(in, len, out, &flags);
			*used = "US-ASCII";
			return (flags);
		}
		break;
	case CS_JIS:
		if (!eight && decode_jis(in, len, out, 1, &flags) == 0) {
			*used = "ISO-2022-JP";
			return (flags);
		}
		break;
	case CS_CP932:
	case CS_EUCJP:
	case CS_LATIN:
	case CS_OTHER:
		if (eight && om_utf8_valid(in, len))
			break;			/* UTF-8 mislabelled: detect below */
		if (kind == CS_LATIN && eight) {
			/* Japanese text is often sent with a Latin label. */
			if (try_japanese(in, len, out, 300, 0, 0, used, &flags) == 0)
				return (flags | OM_CHARSET_GUESSED);
		}
		if (!eight && has_jis_escape(in, len))
			break;
		if (iconv_run(iname, in, len, out, 1, &flags) == 0) {
			*used = iname;
			return (flags);
		}
		break;
	case CS_NONE:
		break;
	}

	/* Detection. */
	flags |= kind == CS_NONE ? 0 : OM_CHARSET_GUESSED;
	if (len >= 2 && (((unsigned char) in[0] == 0xff && (unsigned char) in[1] == 0xfe)
			 || ((unsigned char) in[0] == 0xfe && (unsigned char) in[1] == 0xff))
	    && iconv_run("UTF-16", in, len, out, 1, &flags) == 0) {
		/* A byte-order mark: Excel's "Unicode text", Notepad's "Unicode". */
		*used = "UTF-16";
		return (flags);
	}
	if (!eight && has_jis_escape(in, len)) {
		if (decode_jis(in, len, out, 0, &flags) > 0)
			flags |= OM_CHARSET_LOSSY;
		*used = "ISO-2022-JP";
		return (flags);
	}
	if (!eight) {
		copy_utf8(in, len, out, &flags);
		*used = "US-ASCII";
		return (flags);
	}
	if (om_utf8_valid(in, len)) {
		copy_utf8(in, len, out, &flags);
		*used = "UTF-8";
		return (flags);
	}
	/*
	 * Japanese with kana is unmistakable, even with a few corrupt bytes
	 * (a cut line, a stray byte): decode it with replacements rather than
	 * let a byte-frequency guess make Latin mojibake of it. Without kana,
	 * uchardet is asked when there is enough to go on; a few high bytes
	 * among ASCII (a Latin-1 name) would often read as valid Shift_JIS
	 * kanji, so a kanji-only reading needs at least two characters.
	 */
	if (try_japanese(in, len, out, 1, 0, 0, used, &flags) == 0)
		return (flags);
	if (try_japanese(in, len, out, 1, (int) (len / 100) + 2, 0, used, &flags) == 0)
		return (flags);
	if (count_8bit(in, len) >= 16 && try_uchardet(in, len, out, used, &flags) == 0)
		return (flags);
	if (try_japanese(in, len, out, 0, 0, 2, used, &flags) == 0)
		return (flags);

	/*
	 * Last resort, never failing: the label if iconv knows it, else
	 * Windows-1252; bytes that do not decode become U+FFFD.
	 */
	if (kind == CS_JIS) {
		if (decode_jis(in, len, out, 0, &flags) > 0)
			flags |= OM_CHARSET_LOSSY;
		*used = "ISO-2022-JP";
		return (flags);
	}
	if (iname) {
		int     bad = iconv_run(iname, in, len, out, 0, &flags);

		if (bad >= 0) {
			if (bad > 0)
				flags |= OM_CHARSET_LOSSY;
			*used = iname;
			return (flags);
		}
	}
	if (iconv_run("CP1252", in, len, out, 0, &flags) > 0)
		flags |= OM_CHARSET_LOSSY;
	*used = "CP1252";
	return (flags);
}
