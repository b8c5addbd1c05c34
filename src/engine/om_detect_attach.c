/*++
 * NAME
 *	om_detect_attach 3
 * SUMMARY
 *	attachment findings: encrypted, unscannable, disguised, personal data
 * DESCRIPTION
 *	om_detect_attach() judges every attachment and archive member
 *	(om_attach.h did the looking): attach.encrypted and
 *	attach.encrypted_weak from the encryption state, attach.unscannable
 *	with a rule per limit, and the disguise checks on the decoded name
 *	and the content: attach.executable (PE, ELF, Mach-O by their
 *	headers, or a dangerous extension), attach.shortcut,
 *	attach.double_extension, attach.spaces_before_ext, attach.rlo,
 *	attach.type_mismatch (libmagic type against a table of what each
 *	extension may be; an extension not in the table, or a type
 *	libmagic cannot name, is never a mismatch).
 *
 *	om_detect_attach_pii() is the policy-level attach.pii_unencrypted
 *	check: om_attach_pii_judge() (om_attach.h) with a scorer that
 *	weighs each attachment text the way body.pii weighs the body
 *	(om_pii_score_text, om_pii_says_pii). The name of every attachment
 *	and archive member is judged the same way, encrypted or not: a
 *	name is never encrypted, so personal data in it is unencrypted
 *	personal data (a My Number in the name of an AES zip leaks).
 *--*/
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "om_attach.h"
#include "om_scan.h"

#define EXT_MAX		16
#define BLANKS_MIN	3		/* "many" blanks before an extension */

static const char *exe_ext[] = {
	"exe", "scr", "cpl", "com", "pif", "bat", "cmd", "vbs", "vbe", "js", "jse", "wsf",
	"wsh", "hta", "msi", "msp", "ps1", "jar", "reg", NULL,
};

static const char *shortcut_ext[] = {"lnk", "url", "scf", NULL};

/* Extensions a lure pretends to have before the real one. */
static const char *doc_ext[] = {
	"pdf", "doc", "docx", "docm", "xls", "xlsx", "xlsm", "ppt", "pptx", "txt", "csv", "rtf",
	"jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "zip", "lzh", "rar", "7z", "htm",
	"html", "mp3", "mp4", "wav", "avi", "mov", "odt", "ods", "hwp", "jtd", "xml", NULL,
};

/*
 * What each extension may be, by libmagic MIME type prefix. Extensions
 * not listed are not judged. application/octet-stream and empty files
 * never mismatch: libmagic could not tell.
 */
static const struct {
	const char *ext;
	const char *ok[10];
} type_table[] = {
	{"pdf", {"application/pdf"}},
	{"jpg", {"image/"}}, {"jpeg", {"image/"}}, {"jpe", {"image/"}},
	{"png", {"image/"}}, {"gif", {"image/"}}, {"bmp", {"image/"}},
	{"tif", {"image/"}}, {"tiff", {"image/"}},
	{"zip", {"application/zip", "application/x-zip"}},
	{"docx", {"application/zip", "application/vnd.openxmlformats", "application/vnd.ms-", "application/x-ole-storage", "application/CDFV2", "application/encrypted", "application/msword"}},
	{"xlsx", {"application/zip", "application/vnd.openxmlformats", "application/vnd.ms-", "application/x-ole-storage", "application/CDFV2", "application/encrypted", "application/msword"}},
	{"pptx", {"application/zip", "application/vnd.openxmlformats", "application/vnd.ms-", "application/x-ole-storage", "application/CDFV2", "application/encrypted", "application/msword"}},
	{"odt", {"application/zip", "application/vnd.oasis"}},
	{"ods", {"application/zip", "application/vnd.oasis"}},
	{"txt", {"text/", "application/csv", "application/json", "application/xml", "message/", "application/pgp", "application/x-wine-extension-ini"}},
	{"csv", {"text/", "application/csv", "application/json", "application/xml", "application/vnd.ms-excel"}},
	{"doc", {"application/msword", "application/vnd.ms-", "application/x-ole-storage", "application/CDFV2", "text/", "application/xml", "application/vnd.openxmlformats", "application/encrypted"}},
	{"xls", {"application/msword", "application/vnd.ms-", "application/x-ole-storage", "application/CDFV2", "text/", "application/xml", "application/encrypted"}},
	{"7z", {"application/x-7z-compressed"}},
	{"gz", {"application/gzip", "application/x-gzip"}},
	{"rar", {"application/x-rar", "application/vnd.rar"}},
};

/* ext_in - word in a NULL-terminated list */
static int
ext_in(const char *ext, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(ext, list[i]) == 0)
			return (1);
	return (0);
}

/*
 * blank_before - length of a code point ending at s[i-1] that shows as
 * blank (ASCII blanks and controls that render as such, U+00A0,
 * U+1680, U+180E, U+2000-200B, U+2028/2029, U+202F, U+205F/2060,
 * U+2800, U+3000, U+3164, U+FEFF, U+FFA0), or 0
 */
static size_t
blank_before(const unsigned char *s, size_t i)
{
	if (i >= 1 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\v' || s[i - 1] == '\f'
		       || s[i - 1] == '\r' || s[i - 1] == '\n'))
		return (1);
	if (i >= 2 && s[i - 2] == 0xc2 && s[i - 1] == 0xa0)
		return (2);
	if (i >= 3 && s[i - 3] == 0xe3 && s[i - 2] == 0x80 && s[i - 1] == 0x80)
		return (3);		/* U+3000 */
	if (i >= 3 && s[i - 3] == 0xe2 && s[i - 2] == 0x80 && s[i - 1] >= 0x80 && s[i - 1] <= 0x8b)
		return (3);		/* U+2000-200B */
	if (i >= 3 && s[i - 3] == 0xe2 && s[i - 2] == 0x80 && (s[i - 1] == 0xa8 || s[i - 1] == 0xa9 || s[i - 1] == 0xaf))
		return (3);		/* U+2028, U+2029, U+202F */
	if (i >= 3 && s[i - 3] == 0xe2 && s[i - 2] == 0x81 && s[i - 1] >= 0x9f && s[i - 1] <= 0xa0)
		return (3);		/* U+205F, U+2060 */
	if (i >= 3 && s[i - 3] == 0xe1 && s[i - 2] == 0x9a && s[i - 1] == 0x80)
		return (3);		/* U+1680 */
	if (i >= 3 && s[i - 3] == 0xe1 && s[i - 2] == 0xa0 && s[i - 1] == 0x8e)
		return (3);		/* U+180E */
	if (i >= 3 && s[i - 3] == 0xe3 && s[i - 2] == 0x85 && s[i - 1] == 0xa4)
		return (3);		/* U+3164 Hangul filler */
	if (i >= 3 && s[i - 3] == 0xef && s[i - 2] == 0xbe && s[i - 1] == 0xa0)
		return (3);		/* U+FFA0 */
	if (i >= 3 && s[i - 3] == 0xe2 && s[i - 2] == 0xa0 && s[i - 1] == 0x80)
		return (3);		/* U+2800 Braille blank */
	if (i >= 3 && s[i - 3] == 0xef && s[i - 2] == 0xbb && s[i - 1] == 0xbf)
		return (3);		/* U+FEFF */
	return (0);
}

/* ext_at - lower-cased extension after the dot at s[dot], blanks trimmed */
static void
ext_at(const char *s, size_t dot, size_t end, char *ext)
{
	size_t  n = 0;

	while (end > dot + 1 && blank_before((const unsigned char *) s, end))
		end -= blank_before((const unsigned char *) s, end);
	for (size_t i = dot + 1; i < end && n < EXT_MAX - 1; i++)
		ext[n++] = (char) tolower((unsigned char) s[i]);
	ext[n] = 0;
}

typedef struct name_info {
	char	ext[EXT_MAX];		/* last extension */
	char	prev[EXT_MAX];		/* the one before, or "" */
	size_t	blanks;			/* blank code points before the last dot */
	int	bidi;			/* a bidi control is in the name */
} name_info;

/* name_parse - what the name says */
static void
name_parse(const char *name, name_info *ni)
{
	const unsigned char *s = (const unsigned char *) name;
	size_t  len = strlen(name), end = len, dot, i;

	memset(ni, 0, sizeof(*ni));
	for (i = 0; i + 2 < len; i++)
		if (s[i] == 0xe2 && ((s[i + 1] == 0x80 && s[i + 2] >= 0xaa && s[i + 2] <= 0xae)
				     || (s[i + 1] == 0x81 && s[i + 2] >= 0xa6 && s[i + 2] <= 0xa9)))
			ni->bidi = 1;
	/* Windows drops trailing dots and blanks. */
	while (end > 0 && (s[end - 1] == '.' || blank_before(s, end)))
		end -= s[end - 1] == '.' ? 1 : blank_before(s, end);
	for (dot = end; dot > 0 && s[dot - 1] != '.' && s[dot - 1] != '/'; dot--)
		;
	if (dot == 0 || s[dot - 1] != '.')
		return;
	dot--;
	ext_at(name, dot, end, ni->ext);
	i = dot;
	for (size_t b; (b = blank_before(s, i)) != 0 && ni->blanks < 1000;) {
		i -= b;
		ni->blanks++;
	}
	{
		size_t  pd = i;

		while (pd > 0 && s[pd - 1] != '.' && s[pd - 1] != '/' && i - pd < EXT_MAX)
			pd--;
		if (pd > 1 && s[pd - 1] == '.')
			ext_at(name, pd - 1, i, ni->prev);
	}
}

/* magic_is_exe - executable by content */
static int
magic_is_exe(const om_part *p)
{
	const unsigned char *d = p->data;
	size_t  n = p->size;
	const char *m = p->magic_type ? p->magic_type : "";

	if (n >= 64 && d[0] == 'M' && d[1] == 'Z') {
		size_t  pe = (size_t) d[0x3c] | (size_t) d[0x3d] << 8 | (size_t) d[0x3e] << 16 | (size_t) d[0x3f] << 24;

		if (pe + 4 <= n && memcmp(d + pe, "PE\0\0", 4) == 0)
			return (1);
	}
	if (n >= 4 && memcmp(d, "\x7f" "ELF", 4) == 0)
		return (1);
	if (n >= 4 && (memcmp(d, "\xfe\xed\xfa\xce", 4) == 0 || memcmp(d, "\xfe\xed\xfa\xcf", 4) == 0
		       || memcmp(d, "\xce\xfa\xed\xfe", 4) == 0 || memcmp(d, "\xcf\xfa\xed\xfe", 4) == 0))
		return (1);
	return (strcmp(m, "application/x-dosexec") == 0 || strcmp(m, "application/x-executable") == 0
		|| strcmp(m, "application/x-sharedlib") == 0 || strcmp(m, "application/x-pie-executable") == 0
		|| strcmp(m, "application/x-mach-binary") == 0
		|| strcmp(m, "application/vnd.microsoft.portable-executable") == 0);
}

/* magic_is_shortcut - Windows shell link, Internet shortcut, shell command file */
static int
magic_is_shortcut(const om_part *p)
{
	const unsigned char *d = p->data;
	size_t  n = p->size;

	if (n >= 20 && memcmp(d, "\x4c\0\0\0\x01\x14\x02\0\0\0\0\0\xc0\0\0\0\0\0\0\x46", 20) == 0)
		return (1);
	if (n >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0)
		d += 3, n -= 3;
	return ((n >= 18 && strncasecmp((const char *) d, "[InternetShortcut]", 18) == 0)
		|| (n >= 7 && strncasecmp((const char *) d, "[Shell]", 7) == 0));
}

/* type_mismatch - libmagic type not acceptable for the extension */
static int
type_mismatch(const char *ext, const char *magic)
{
	/*
	 * Conservative: text (mostly a broken transfer encoding in real
	 * mail), binhex and images (inert content) are never a mismatch.
	 */
	if (magic == NULL || strcmp(magic, "application/octet-stream") == 0
	    || strcmp(magic, "application/x-empty") == 0 || strcmp(magic, "inode/x-empty") == 0
	    || strncmp(magic, "text/", 5) == 0 || strncmp(magic, "image/", 6) == 0
	    || strcmp(magic, "application/mac-binhex40") == 0)
		return (0);
	for (size_t i = 0; i < sizeof(type_table) / sizeof(type_table[0]); i++) {
		if (strcmp(type_table[i].ext, ext) != 0)
			continue;
		for (int k = 0; k < 10 && type_table[i].ok[k]; k++)
			if (strncmp(magic, type_table[i].ok[k], strlen(type_table[i].ok[k])) == 0)
				return (0);
		return (1);
	}
	return (0);
}

static const struct {
	unsigned bit;
	const char *rule;
} unscan_rules[] = {
	{OM_UNSCAN_DEPTH, "limit.archive_depth"},
	{OM_UNSCAN_MEMBERS, "limit.archive_members"},
	{OM_UNSCAN_BYTES, "limit.archive_expanded"},
	{OM_UNSCAN_RATIO, "limit.archive_ratio"},
	{OM_UNSCAN_TIME, "limit.attach_time"},
	{OM_UNSCAN_CORRUPT, "attach.corrupt"},
	{OM_UNSCAN_UNDECODABLE, "attach.undecodable"},
	{OM_UNSCAN_PARTIAL, "attach.partial"},
};

/* part_where - "attachment:PATH" (or "body" for inline body parts) */
static const char *
part_where(om_scan *scan, const om_part *p)
{
	if (!(p->flags & (OM_PART_ATTACHMENT | OM_PART_MEMBER)) && p->filename == NULL)
		return (strcmp(p->content_type, "multipart/encrypted") == 0
			|| strncmp(p->content_type, "application/", 12) == 0 ? "message" : "body");
	return (om_pool_printf(scan->pool, "attachment:%s",
			       p->path ? p->path : p->filename ? p->filename : p->content_type));
}

/* om_detect_attach - encryption, limits and disguise of every file */
int
om_detect_attach(om_scan *scan)
{
	const om_msg *msg = scan->msg;

	for (size_t i = 0; i < msg->nparts; i++) {
		const om_part *p = msg->parts + i;
		const char *where = NULL;
		name_info ni;

		if (p->flags & OM_PART_ENCRYPTED) {
			where = part_where(scan, p);
			om_scan_add(scan, "attach.encrypted",
				    om_pool_printf(scan->pool, "enc.%s", p->enc_kind ? p->enc_kind : "unknown"),
				    where, NULL, 1.0);
			if (p->flags & OM_PART_ENC_WEAK)
				om_scan_add(scan, "attach.encrypted_weak", "enc.zip.zipcrypto", where, NULL, 1.0);
		}
		for (size_t k = 0; k < sizeof(unscan_rules) / sizeof(unscan_rules[0]); k++)
			if (p->unscannable & unscan_rules[k].bit)
				om_scan_add(scan, "attach.unscannable", unscan_rules[k].rule,
					    where ? where : (where = part_where(scan, p)), NULL, 1.0);
		if ((p->flags & OM_PART_CONTAINER) || !(p->flags & (OM_PART_ATTACHMENT | OM_PART_MEMBER)))
			continue;
		if (where == NULL)
			where = part_where(scan, p);
		if (p->data && magic_is_exe(p))
			om_scan_add(scan, "attach.executable", "content.executable", where, NULL, 1.0);
		if (p->data && magic_is_shortcut(p))
			om_scan_add(scan, "attach.shortcut", "shortcut", where, NULL, 1.0);
		/* Both names when Content-Type name= differs from the filename: either may be shown. */
		for (int k = 0; k < 2; k++) {
			const char *name = k == 0 ? p->filename : p->alt_name;

			if (name == NULL)
				continue;
			name_parse(name, &ni);
			if (ni.bidi)
				om_scan_add(scan, "attach.rlo", "name.bidi_control", where, NULL, 1.0);
			if (ni.ext[0] && ext_in(ni.ext, exe_ext) && !(p->data && magic_is_exe(p)))
				om_scan_add(scan, "attach.executable", "name.executable_extension", where, NULL, 1.0);
			if (ni.ext[0] && ext_in(ni.ext, shortcut_ext) && !(p->data && magic_is_shortcut(p)))
				om_scan_add(scan, "attach.shortcut", "shortcut", where, NULL, 1.0);
			if (ni.ext[0] && ni.prev[0] && ext_in(ni.prev, doc_ext)
			    && (ext_in(ni.ext, exe_ext) || ext_in(ni.ext, shortcut_ext)))
				om_scan_add(scan, "attach.double_extension", "name.double_extension", where, NULL, 1.0);
			if (ni.ext[0] && ni.blanks >= BLANKS_MIN)
				om_scan_add(scan, "attach.spaces_before_ext", "name.blanks_before_extension", where,
					    NULL, 1.0);
			if (ni.ext[0] && p->size && !(p->flags & OM_PART_ENCRYPTED)
			    && type_mismatch(ni.ext, p->magic_type))
				om_scan_add(scan, "attach.type_mismatch", "magic.extension_mismatch", where,
					    p->magic_type, 1.0);
		}
	}
	return (0);
}

/*
 * pii_score - the body.pii judgement applied to one attachment text.
 * om_detect_pii() has already reported the text's pii.* findings, so
 * the scoring runs on a scratch copy of the scan whose findings are
 * dropped: counts are not doubled.
 */
static int
pii_score(om_scan *scan, const om_text *text, void *ctx)
{
	om_scan scratch = *scan;
	om_pii_score score;

	(void) ctx;
	/* Scored already by om_detect_pii(), as it read the text. */
	if (scan->attach_pii != NULL && text >= scan->msg->texts
	    && text < scan->msg->texts + scan->msg->ntexts && scan->attach_pii[text - scan->msg->texts])
		return (scan->attach_pii[text - scan->msg->texts] - 1);
	scratch.findings = NULL;
	scratch.nfindings = 0;
	scratch.findings_cap = 0;
	memset(&score, 0, sizeof(score));
	if (om_pii_score_text(&scratch, text, &score) < 0)
		return (-1);
	return (score.items > 0 && om_pii_says_pii(scan->conf, &score));
}

/* part_encrypted - the part or an archive above it needs a key */
static int
part_encrypted(const om_msg *msg, int idx)
{
	for (int n = 0; idx >= 0 && (size_t) idx < msg->nparts && n < 1000; n++) {
		if (msg->parts[idx].flags & OM_PART_ENCRYPTED)
			return (1);
		idx = msg->parts[idx].parent;
	}
	return (0);
}

/* om_attach_pii_judge - see om_attach.h */
int
om_attach_pii_judge(om_scan *scan, om_attach_pii_fn fn, void *ctx)
{
	const om_msg *msg = scan->msg;
	int     failed = 0;

	if (fn == NULL || !scan->outbound_checks)
		return (0);
	for (size_t i = 0; i < msg->ntexts; i++) {
		const om_text *t = msg->texts + i;
		const char *where = t->where;
		int     r;

		/*
		 * A file's name is never encrypted, not even in an encrypted
		 * archive or an encrypted document: personal data in it goes
		 * out in clear, and counts as unencrypted personal data of
		 * that attachment.
		 */
		if (t->scope == OM_SCOPE_FILENAME && t->part >= 0 && (size_t) t->part < msg->nparts) {
			const om_part *p = msg->parts + t->part;

			where = om_pool_printf(scan->pool, "attachment:%s", p->path ? p->path : p->filename);
		} else if (t->scope != OM_SCOPE_ATTACHMENT || part_encrypted(msg, t->part))
			continue;
		if ((r = fn(scan, t, ctx)) < 0)
			failed = 1;
		else if (r > 0)
			om_scan_add(scan, "attach.pii_unencrypted", "policy.attach_pii", where, NULL, 1.0);
	}
	return (failed ? -1 : 0);
}

/* om_detect_attach_pii - attach.pii_unencrypted, scored like body.pii */
int
om_detect_attach_pii(om_scan *scan)
{
	return (om_attach_pii_judge(scan, pii_score, NULL));
}
