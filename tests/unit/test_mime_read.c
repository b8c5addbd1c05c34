/*
 * test_mime_read - nothing in a message goes unread: every alternative
 * of multipart/alternative, the Subject and attachment names judged
 * like the content they describe, nameless attachments, file names
 * with Unicode blanks before the extension, encryption decided by
 * parsed OpenPGP and CMS structure only (markers, truncated files and
 * multipart/encrypted wrappers around ordinary parts are read), and
 * costly inputs (tens of thousands of addresses, a million parts)
 * refused within bounded memory with a limit finding.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib.h>

#include "om_test.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_encrypt.h"
#include "om_log.h"
#include "om_msg.h"

#define OUT_HDR "From: sato@sakura-hoken.example\nTo: kyaku@partner-shoji.example\n" \
	"Subject: ご連絡\nMIME-Version: 1.0\n"

static char dir[] = "/tmp/om_test_mime_read.XXXXXX";
static om_snap *snap;

/* scan - a message from the firm (outbound to its external To:) */
static om_result *
scan(const char *raw)
{
	om_envelope env;
	om_result *res;

	memset(&env, 0, sizeof(env));
	res = om_engine_scan(snap, &env, raw, strlen(raw));
	assert_non_null(res);
	return (res);
}

/* find - finding with this category, rule and where (NULL: any) */
static const om_finding *
find(const om_result *res, const char *cat, const char *rule, const char *where)
{
	for (size_t i = 0; i < res->nfindings; i++) {
		const om_finding *f = res->findings + i;

		if (strcmp(f->category, cat) == 0 && (rule == NULL || strcmp(f->rule, rule) == 0)
		    && (where == NULL || strcmp(f->where, where) == 0))
			return (f);
	}
	return (NULL);
}

/* dump - the findings, when a test fails */
static void
dump(const om_result *res)
{
	for (size_t i = 0; i < res->nfindings; i++)
		fprintf(stderr, "  %s %s %s %u\n", res->findings[i].category, res->findings[i].rule,
			res->findings[i].where, res->findings[i].count);
}

#define want(res, cat, rule, where) do { \
	if (find((res), (cat), (rule), (where)) == NULL) { \
		dump(res); \
		fail_msg("no %s %s %s", (cat), (rule) ? (rule) : "*", (where) ? (where) : "*"); \
	} \
} while (0)

#define want_not(res, cat, rule, where) do { \
	if (find((res), (cat), (rule), (where)) != NULL) { \
		dump(res); \
		fail_msg("unexpected %s %s %s", (cat), (rule) ? (rule) : "*", (where) ? (where) : "*"); \
	} \
} while (0)

/* slurp - a whole file of the test directory, malloc'd */
static unsigned char *
slurp(const char *name, size_t *len)
{
	char    path[512];
	FILE   *fp;
	unsigned char *d;
	long    n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	d = malloc((size_t) n + 1);
	assert_non_null(d);
	assert_int_equal(fread(d, 1, (size_t) n, fp), (size_t) n);
	fclose(fp);
	*len = (size_t) n;
	return (d);
}

/* sh - run a shell command in the test directory; it must succeed */
static void
sh(const char *cmd)
{
	char    line[4096];

	snprintf(line, sizeof(line), "cd '%s' && (%s) >/dev/null 2>&1", dir, cmd);
	if (system(line) != 0)
		fail_msg("command failed: %s", cmd);
}

/* attach_scan - outbound mail with one base64 attachment of this type and name */
static om_result *
attach_scan(const char *ctype, const char *name, const unsigned char *d, size_t n)
{
	om_buf  m;
	om_result *res;

	om_buf_init(&m, 0);
	om_buf_puts(&m, OUT_HDR "Content-Type: multipart/mixed; boundary=\"BB\"\n\n--BB\n"
		    "Content-Type: text/plain; charset=us-ascii\n\nPlease find the file attached.\n--BB\n");
	om_buf_printf(&m, "Content-Type: %s\nContent-Transfer-Encoding: base64\n", ctype);
	if (name)
		om_buf_printf(&m, "Content-Disposition: attachment; filename=\"%s\"\n", name);
	om_buf_puts(&m, "\n");
	om_test_b64(d, n, &m);
	om_buf_puts(&m, "--BB--\n");
	res = scan(m.data);
	om_buf_free(&m);
	return (res);
}

/*
 * Peak memory bound for the costly inputs: 256 MB as the budget says;
 * AddressSanitizer's shadow memory and quarantine roughly triple what
 * a process holds, so its build gets a bound to match. The inputs cost
 * 1.4-1.6 GB before parsing was bounded: either bound catches that.
 */
#if defined(__SANITIZE_ADDRESS__)
#define RSS_BOUND_MB	1024
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RSS_BOUND_MB	1024
#endif
#endif
#ifndef RSS_BOUND_MB
#define RSS_BOUND_MB	256
#endif

/* maxrss_mb - peak resident size of this process so far */
static long
maxrss_mb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_maxrss / 1024);
}

/*
 * 10,000 To and 10,000 Cc addresses are kept, in memory and time that
 * grow linearly; one more than OM_ADDR_MAX in a list is a limit finding,
 * never a silent cut.
 */
static void
test_many_addresses(void **state)
{
	om_buf  m;
	om_result *res;
	om_msg *msg;

	(void) state;
	om_buf_init(&m, 0);
	om_buf_puts(&m, "From: sato@sakura-hoken.example\nTo: ");
	for (int i = 0; i < 10000; i++)
		om_buf_printf(&m, "%suser%05d@partner%d.example", i ? ",\n " : "", i, i % 50);
	om_buf_puts(&m, "\nCc: ");
	for (int i = 0; i < 10000; i++)
		om_buf_printf(&m, "%scc%05d@client%d.example", i ? ",\n " : "", i, i % 50);
	om_buf_puts(&m, "\nSubject: hello\n\nhello\n");
	msg = om_test_parse(snap->conf, m.data, m.len);
	assert_int_equal(msg->to.n, 10000);
	assert_int_equal(msg->cc.n, 10000);
	assert_int_equal(msg->limits & OM_LIMIT_ADDRS, 0);
	om_msg_free(msg);
	res = om_engine_scan(snap, NULL, m.data, m.len);
	assert_non_null(res);
	assert_int_equal(res->nrcpts, 20000);
	om_result_free(res);
	assert_true(maxrss_mb() < RSS_BOUND_MB);

	/* One more in To: the rest is not kept, and the scan says so. */
	m.len = 0;
	om_buf_puts(&m, "From: sato@sakura-hoken.example\nTo: ");
	for (int i = 0; i <= OM_ADDR_MAX; i++)
		om_buf_printf(&m, "%suser%05d@partner.example", i ? ",\n " : "", i);
	om_buf_puts(&m, "\nSubject: hello\n\nhello\n");
	res = om_engine_scan(snap, NULL, m.data, m.len);
	assert_non_null(res);
	want(res, "attach.unscannable", "limit.addresses", NULL);
	assert_int_not_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
	om_buf_free(&m);
}

/*
 * A million parts without a Content-Type header: boundaries make parts,
 * so the delimiter lines are counted before GMime builds anything.
 */
static void
test_million_parts(void **state)
{
	om_buf  m;
	om_result *res;
	om_msg *msg;

	(void) state;
	om_buf_init(&m, 0);
	om_buf_puts(&m, "From: a@partner-shoji.example\nTo: tanaka@sakura-hoken.example\nSubject: x\n"
		    "MIME-Version: 1.0\nContent-Type: multipart/mixed;\n boundary=\"b\"\n\n");
	for (int i = 0; i < 1000000; i++)
		om_buf_puts(&m, "--b\n\nx\n");
	om_buf_puts(&m, "--b--\n");
	msg = om_test_parse(snap->conf, m.data, m.len);
	assert_true(msg->limits & OM_LIMIT_PARTS);
	/* Refused before the tree was built: no part was made at all. */
	assert_int_equal(msg->nparts, 0);
	om_msg_free(msg);
	res = om_engine_scan(snap, NULL, m.data, m.len);
	assert_non_null(res);
	want(res, "attach.unscannable", "limit.mime_parts", "message");
	assert_int_not_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
	assert_true(maxrss_mb() < RSS_BOUND_MB);

	/* Just within the limit, with CRLF lines and blanks after the delimiter: parsed. */
	m.len = 0;
	om_buf_puts(&m, "From: a@partner-shoji.example\r\nTo: tanaka@sakura-hoken.example\r\nSubject: x\r\n"
		    "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b2\r\n\r\n");
	for (int i = 0; i < 999; i++)
		om_buf_puts(&m, "--b2 \r\n\r\nx\r\n");
	om_buf_puts(&m, "--b2--\r\n");
	msg = om_test_parse(snap->conf, m.data, m.len);
	assert_int_equal(msg->limits & OM_LIMIT_PARTS, 0);
	assert_int_equal(msg->nparts, 1000);
	om_msg_free(msg);
	/* One more part: refused. */
	m.len -= strlen("--b2--\r\n");
	om_buf_puts(&m, "--b2\r\n\r\nx\r\n--b2\r\n\r\nx\r\n--b2--\r\n");
	msg = om_test_parse(snap->conf, m.data, m.len);
	assert_true(msg->limits & OM_LIMIT_PARTS);
	om_msg_free(msg);
	om_buf_free(&m);
}

/*
 * The delimiter count finds the boundary however the header writes it:
 * blanks around "=", upper case, a value that contains "boundary=",
 * an RFC 2231 boundary*0= it does not read (every "--" line counts).
 * 1,001 delimiters without headers are refused in each form; the same
 * lines under another boundary are not delimiters.
 */
static void
test_boundary_forms(void **state)
{
	static const struct {
		const char *decl;
		const char *bnd;
		int	over;
	} forms[] = {
		{"boundary = \"q1\"", "q1", 1},
		{"BOUNDARY=q2", "q2", 1},
		{"boundary=\"xboundary=q3\"", "q3", 0},
		{"boundary=\"xboundary=q3\"", "xboundary=q3", 1},
		{"boundary*0=\"q4\"", "zz", 1},
		{"boundary=q5", "q6", 0},
	};

	(void) state;
	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		om_buf  m;
		om_msg *msg;

		om_buf_init(&m, 0);
		om_buf_printf(&m, "From: a@partner-shoji.example\nTo: tanaka@sakura-hoken.example\nSubject: x\n"
			      "MIME-Version: 1.0\nContent-Type: multipart/mixed;\n %s\n\n", forms[f].decl);
		for (int i = 0; i < 1001; i++)
			om_buf_printf(&m, "--%s\n\nx\n", forms[f].bnd);
		msg = om_test_parse(snap->conf, m.data, m.len);
		if (!!(msg->limits & OM_LIMIT_PARTS) != forms[f].over)
			fail_msg("%s with --%s: limit %s", forms[f].decl, forms[f].bnd, forms[f].over ? "not hit" : "hit");
		om_msg_free(msg);
		om_buf_free(&m);
	}
}

/*
 * Real OpenPGP messages made by gpg (binary and armored, a small one
 * and a streamed one with partial body lengths) are encrypted; every
 * truncation of them only claims to be.
 */
static void
test_pgp_real(void **state)
{
	static const char *files[] = {"s.gpg", "s.asc", "big.gpg", "big.asc"};

	(void) state;
	sh("{ [ ! -d g ] || GNUPGHOME=$PWD/g gpgconf --kill gpg-agent 2>/dev/null; true; } && rm -rf g && mkdir -m 700 g && printf 'secret data\\n' > s.txt"
	   " && export GNUPGHOME=$PWD/g"
	   " && gpg --batch --yes --pinentry-mode loopback --passphrase x --symmetric -o s.gpg s.txt"
	   " && gpg --batch --yes --pinentry-mode loopback --passphrase x --symmetric --armor -o s.asc s.txt"
	   " && head -c 200000 /dev/urandom | gpg --batch --yes --pinentry-mode loopback --passphrase x"
	   "    --symmetric --compress-algo none -o big.gpg"
	   " && head -c 200000 /dev/urandom | gpg --batch --yes --pinentry-mode loopback --passphrase x"
	   "    --symmetric --compress-algo none --armor -o big.asc");
	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		size_t  n;
		unsigned char *d = slurp(files[f], &n);
		const char *kind = NULL;
		om_result *res;
		/* Binary: into the second packet; armored: past the armor line. */
		size_t  cuts[] = {n - 2, n - 7, n / 2, 40, strstr(files[f], ".asc") ? 30 : 16};

		if (om_encrypt_blob(d, n, &kind) != OM_ENC_YES)
			fail_msg("%s: not judged encrypted", files[f]);
		assert_string_equal(kind, strstr(files[f], ".asc") ? "pgp.armored" : "pgp.binary");
		res = attach_scan("application/octet-stream", files[f], d, n);
		want(res, "attach.encrypted", NULL, NULL);
		want_not(res, "attach.unscannable", NULL, NULL);
		om_result_free(res);
		for (size_t c = 0; c < sizeof(cuts) / sizeof(cuts[0]); c++) {
			int     st = om_encrypt_blob(d, cuts[c], &kind);

			if (st != OM_ENC_BROKEN)
				fail_msg("%s cut at %zu of %zu: got %d", files[f], cuts[c], n, st);
			res = attach_scan("application/octet-stream", files[f], d, cuts[c]);
			want(res, "attach.unscannable", NULL, NULL);
			want_not(res, "attach.encrypted", NULL, NULL);
			om_result_free(res);
		}
		/* Customer records with a real armored block after them: the records are read. */
		if (strcmp(files[f], "s.asc") == 0) {
			om_buf  b;

			om_buf_init(&b, 0);
			om_buf_puts(&b, "氏名,マイナンバー\n山田花子,123456789018\n");
			om_buf_append(&b, (const char *) d, n);
			assert_int_equal(om_encrypt_blob((const unsigned char *) b.data, b.len, &kind), OM_ENC_YES);
			assert_string_equal(kind, "pgp.inline");
			res = attach_scan("text/csv; charset=utf-8", "list.csv", (const unsigned char *) b.data, b.len);
			want_not(res, "attach.encrypted", NULL, NULL);
			want(res, "attach.unscannable", NULL, NULL);
			want(res, "attach.pii_unencrypted", NULL, NULL);
			om_result_free(res);
			om_buf_free(&b);
		}
		/* One flipped bit in the armor: its CRC-24 no longer matches. */
		if (strstr(files[f], "s.asc")) {
			unsigned char *b = (unsigned char *) strstr((char *) d, "\n\n") + 5;

			*b = *b == 'A' ? 'B' : 'A';
			assert_int_equal(om_encrypt_blob(d, n, &kind), OM_ENC_BROKEN);
		}
		free(d);
	}
}

/* S/MIME enveloped data made by openssl cms -encrypt; truncated, unscannable. */
static void
test_cms_real(void **state)
{
	size_t  n;
	unsigned char *d;
	const char *kind = NULL;
	om_result *res;

	(void) state;
	sh("openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=test -days 2 -keyout k.pem -out c.pem"
	   " && printf 'secret data\\n' > s.txt"
	   " && openssl cms -encrypt -binary -aes256 -in s.txt -outform DER -out s.p7m c.pem");
	d = slurp("s.p7m", &n);
	assert_int_equal(om_encrypt_blob(d, n, &kind), OM_ENC_YES);
	assert_string_equal(kind, "smime.enveloped");
	res = attach_scan("application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m", "smime.p7m", d, n);
	want(res, "attach.encrypted", "enc.smime.enveloped", NULL);
	want_not(res, "attach.unscannable", NULL, NULL);
	om_result_free(res);
	for (size_t cut = n - 1; cut >= 16; cut = cut * 2 / 3) {
		assert_int_equal(om_encrypt_blob(d, cut, &kind), OM_ENC_BROKEN);
		res = attach_scan("application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m", "smime.p7m",
				  d, cut);
		want(res, "attach.unscannable", NULL, NULL);
		want_not(res, "attach.encrypted", NULL, NULL);
		om_result_free(res);
	}
	free(d);
}

/*
 * An opaque S/MIME signature (signed-data with its content inside) is
 * not encryption: the signed entity is read where the signature stands,
 * as an attachment and as the whole message alike.
 */
static void
test_smime_signed(void **state)
{
	size_t  n;
	unsigned char *d;
	const char *kind = NULL;
	om_result *res;
	om_buf  m;
	gchar  *b64;

	(void) state;
	sh("openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=test -days 2 -keyout sk.pem -out sc.pem"
	   " && printf 'Content-Type: text/plain; charset=utf-8\\n\\n"
	   "\\346\\260\\217\\345\\220\\215 \\345\\261\\261\\347\\224\\260\\350\\212\\261\\345\\255\\220 "
	   "\\343\\203\\236\\343\\202\\244\\343\\203\\212\\343\\203\\263\\343\\203\\220\\343\\203\\274 123456789018\\n"
	   "\\346\\220\\272\\345\\270\\257 090-1234-5678\\n' > signed.txt"
	   " && openssl smime -sign -nodetach -binary -in signed.txt -signer sc.pem -inkey sk.pem"
	   " -outform DER -out signed.p7m");
	d = slurp("signed.p7m", &n);
	assert_int_equal(om_encrypt_blob(d, n, &kind), OM_ENC_NO);
	res = attach_scan("application/pkcs7-mime; smime-type=signed-data; name=smime.p7m", "smime.p7m", d, n);
	want(res, "pii.mynumber", NULL, NULL);
	want_not(res, "attach.unscannable", NULL, NULL);
	want_not(res, "attach.encrypted", NULL, NULL);
	om_result_free(res);

	/* The way mail clients send it: the signature is the message body. */
	b64 = g_base64_encode(d, n);
	om_buf_init(&m, 0);
	om_buf_puts(&m, OUT_HDR "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\n"
		    "Content-Disposition: attachment; filename=smime.p7m\n"
		    "Content-Transfer-Encoding: base64\n\n");
	om_buf_puts(&m, b64);
	om_buf_puts(&m, "\n");
	res = om_engine_scan(snap, NULL, m.data, m.len);
	assert_non_null(res);
	want(res, "body.pii", NULL, NULL);
	want_not(res, "attach.unscannable", NULL, NULL);
	om_result_free(res);
	om_buf_free(&m);
	g_free(b64);

	/* Cut short: not a signature we can open, so not read in full. */
	res = attach_scan("application/pkcs7-mime; smime-type=signed-data; name=smime.p7m", "smime.p7m", d, n / 2);
	want(res, "attach.unscannable", NULL, NULL);
	om_result_free(res);
	free(d);

	/* Certificates only (.p7c): nothing inside to read, nothing unread. */
	sh("openssl crl2pkcs7 -nocrl -certfile sc.pem -outform DER -out certs.p7c");
	d = slurp("certs.p7c", &n);
	res = attach_scan("application/pkcs7-mime; smime-type=certs-only; name=certs.p7c", "certs.p7c", d, n);
	want_not(res, "attach.unscannable", NULL, NULL);
	om_result_free(res);
	free(d);
}

/* A CSV of customer records whose first line is an armor header is read. */
static void
test_fake_pgp_csv(void **state)
{
	static const char csv[] = "-----BEGIN PGP MESSAGE-----\n"
	    "氏名,マイナンバー,携帯\n"
	    "山田花子,123456789018,090-1234-5678\n"
	    "佐藤一郎,123456789018,080-2345-6789\n"
	    "-----END PGP MESSAGE-----\n";
	const char *kind = NULL;
	om_result *res;

	(void) state;
	assert_int_equal(om_encrypt_blob((const unsigned char *) csv, strlen(csv), &kind), OM_ENC_BROKEN);
	res = attach_scan("text/csv; charset=utf-8", "customers.csv", (const unsigned char *) csv, strlen(csv));
	want_not(res, "attach.encrypted", NULL, NULL);
	want(res, "attach.unscannable", NULL, "attachment:customers.csv");
	want(res, "pii.mynumber", NULL, "attachment:customers.csv");
	want(res, "attach.pii_unencrypted", NULL, "attachment:customers.csv");
	assert_int_not_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
}

/*
 * multipart/encrypted is only a wrapper: around a plain CSV it is read
 * (and the wrapper reported), around a real OpenPGP message encrypted.
 */
static void
test_multipart_encrypted(void **state)
{
	om_buf  m;
	om_result *res;
	size_t  n;
	unsigned char *d;

	(void) state;
	res = scan(OUT_HDR "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"E\"\n\n"
		   "--E\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n"
		   "--E\nContent-Type: text/csv; charset=utf-8\nContent-Disposition: attachment; filename=\"list.csv\"\n\n"
		   "氏名,マイナンバー\n山田花子,123456789018\n佐藤一郎,123456789018\n--E--\n");
	want_not(res, "attach.encrypted", NULL, NULL);
	want(res, "attach.unscannable", NULL, NULL);
	want(res, "pii.mynumber", NULL, "attachment:list.csv");
	want(res, "attach.pii_unencrypted", NULL, "attachment:list.csv");
	om_result_free(res);

	sh("{ [ ! -d g ] || GNUPGHOME=$PWD/g gpgconf --kill gpg-agent 2>/dev/null; true; } && rm -rf g && mkdir -m 700 g && printf 'secret data\\n' > s.txt && export GNUPGHOME=$PWD/g"
	   " && gpg --batch --yes --pinentry-mode loopback --passphrase x --symmetric --armor -o s.asc s.txt");
	d = slurp("s.asc", &n);
	om_buf_init(&m, 0);
	om_buf_puts(&m, OUT_HDR "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"E\"\n\n"
		    "--E\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n"
		    "--E\nContent-Type: application/octet-stream; name=\"encrypted.asc\"\n\n");
	om_buf_append(&m, (const char *) d, n);
	om_buf_puts(&m, "--E--\n");
	res = scan(m.data);
	want(res, "attach.encrypted", "enc.pgp.mime", NULL);
	want_not(res, "attach.unscannable", NULL, NULL);
	om_result_free(res);
	om_buf_free(&m);
	free(d);
}

static const char records_html[] =
	"<html><body><table>"
	"<tr><td>氏名</td><td>電話</td><td>住所</td></tr>"
	"<tr><td>山田 花子 様</td><td>携帯 090-1234-5678</td><td>東京都世田谷区北沢2-3-4</td></tr>"
	"<tr><td>佐藤 一郎 様</td><td>携帯 080-2345-6789</td><td>神奈川県横浜市港北区日吉本町一丁目5番12号</td></tr>"
	"<tr><td>鈴木 次郎 様</td><td>携帯 070-3456-7890</td><td>大阪府大阪市北区梅田3丁目1番</td></tr>"
	"<tr><td>高橋 三郎 様</td><td>携帯 090-4567-8901</td><td>住所 横浜市中区山下町3-4-5</td></tr>"
	"<tr><td>田中 四郎 様</td><td>携帯 080-5678-9012</td><td>東京都渋谷区神宮前1-2-3</td></tr>"
	"</table></body></html>\n";

/* alt_mail - outbound multipart/alternative: plain "Hello" and the records, in either order */
static om_result *
alt_mail(int html_first)
{
	om_buf  m;
	om_result *res;

	om_buf_init(&m, 0);
	om_buf_puts(&m, OUT_HDR "Content-Type: multipart/alternative; boundary=\"A\"\n\n");
	for (int k = 0; k < 2; k++) {
		if ((k == 0) == (html_first != 0))
			om_buf_printf(&m, "--A\nContent-Type: text/html; charset=utf-8\n\n%s", records_html);
		else
			om_buf_puts(&m, "--A\nContent-Type: text/plain; charset=utf-8\n\nHello\n");
	}
	om_buf_puts(&m, "--A--\n");
	res = scan(m.data);
	om_buf_free(&m);
	return (res);
}

/* Five customer records in the HTML alternative, before or after a plain "Hello". */
static void
test_alternative_differs(void **state)
{
	(void) state;
	for (int html_first = 0; html_first < 2; html_first++) {
		om_result *res = alt_mail(html_first);

		want(res, "pii.phone", NULL, "body");
		want(res, "body.pii", NULL, "body");
		assert_int_not_equal(res->action, OM_ACT_ACCEPT);
		om_result_free(res);
	}
}

/* same_findings - the two results have the same categories, rules, places and counts */
static void
same_findings(const om_result *a, const om_result *b)
{
	if (a->nfindings != b->nfindings)
		goto differ;
	for (size_t i = 0; i < a->nfindings; i++) {
		const om_finding *f = find(b, a->findings[i].category, a->findings[i].rule, a->findings[i].where);

		if (f == NULL || f->count != a->findings[i].count)
			goto differ;
	}
	assert_int_equal(a->action, b->action);
	return;
differ:
	fprintf(stderr, "first:\n");
	dump(a);
	fprintf(stderr, "second:\n");
	dump(b);
	fail_msg("findings differ");
}

/*
 * The same text in plain and in HTML counts as it counts once; nested
 * in multipart/related, and twice over (two alternatives blocks in one
 * mixed body), each block counts as one.
 */
static void
test_alternative_same_counts(void **state)
{
	static const char text[] = "山田 花子 様\n携帯 090-1234-5678\n東京都世田谷区北沢2-3-4\n";
	static const char html[] = "<p>山田 花子 様<br>携帯 090-1234-5678<br>東京都世田谷区北沢2-3-4</p>\n";
	static const char text2[] = "佐藤 一郎 様\n携帯 080-2345-6789\n";
	static const char html2[] = "<p>佐藤 一郎 様<br>携帯 080-2345-6789</p>\n";
	om_buf  m;
	om_result *one, *alt;

	(void) state;
	om_buf_init(&m, 0);
	om_buf_printf(&m, OUT_HDR "Content-Type: text/plain; charset=utf-8\n\n%s", text);
	one = scan(m.data);
	m.len = 0;
	om_buf_printf(&m, OUT_HDR "Content-Type: multipart/alternative; boundary=\"A\"\n\n"
		      "--A\nContent-Type: text/plain; charset=utf-8\n\n%s"
		      "--A\nContent-Type: multipart/related; boundary=\"R\"\n\n"
		      "--R\nContent-Type: text/html; charset=utf-8\n\n%s--R--\n--A--\n", text, html);
	alt = scan(m.data);
	want(one, "pii.phone", NULL, "body");
	same_findings(one, alt);
	om_result_free(one);
	om_result_free(alt);

	m.len = 0;
	om_buf_printf(&m, OUT_HDR "Content-Type: multipart/mixed; boundary=\"M\"\n\n"
		      "--M\nContent-Type: text/plain; charset=utf-8\n\n%s"
		      "--M\nContent-Type: text/plain; charset=utf-8\n\n%s--M--\n", text, text2);
	one = scan(m.data);
	m.len = 0;
	om_buf_printf(&m, OUT_HDR "Content-Type: multipart/mixed; boundary=\"M\"\n\n"
		      "--M\nContent-Type: multipart/alternative; boundary=\"A\"\n\n"
		      "--A\nContent-Type: text/plain; charset=utf-8\n\n%s"
		      "--A\nContent-Type: text/html; charset=utf-8\n\n%s--A--\n"
		      "--M\nContent-Type: multipart/alternative; boundary=\"A2\"\n\n"
		      "--A2\nContent-Type: text/html; charset=utf-8\n\n%s"
		      "--A2\nContent-Type: text/plain; charset=utf-8\n\n%s--A2--\n--M--\n", text, html, html2, text2);
	alt = scan(m.data);
	want(one, "pii.phone", NULL, "body");
	same_findings(one, alt);
	om_result_free(one);
	om_result_free(alt);
	om_buf_free(&m);
}

/* Attack detectors and links see every alternative. */
static void
test_alternative_attack(void **state)
{
	om_result *res;

	(void) state;
	res = scan("From: support@bank-secure.example\nTo: tanaka@sakura-hoken.example\n"
		   "Subject: ご確認\nMIME-Version: 1.0\n"
		   "Content-Type: multipart/alternative; boundary=\"A\"\n\n"
		   "--A\nContent-Type: text/html; charset=utf-8\n\n"
		   "<p>下記URLよりログインして本人確認を完了してください</p>"
		   "<p><a href=\"https://bank-secure.example.evil.example/login\">https://www.bank.example/</a></p>\n"
		   "--A\nContent-Type: text/plain; charset=utf-8\n\nHello\n--A--\n");
	want(res, "attack.credential_request", NULL, NULL);
	om_result_free(res);
}

/*
 * Personal data in the Subject of external mail is body.pii; in the
 * name of a file it is attach.pii_unencrypted, the name of an encrypted
 * file included (the name goes out in clear).
 */
static void
test_subject_and_names(void **state)
{
	static const char mynumber_name[] = "山田花子_マイナンバー123456789018";
	om_result *res;
	om_buf  name;
	size_t  n;
	unsigned char *d;

	(void) state;
	res = scan("From: sato@sakura-hoken.example\nTo: kyaku@partner-shoji.example\n"
		   "Subject: =?UTF-8?B?" "44Oe44Kk44OK44Oz44OQ44O8IDEyMzQ1Njc4OTAxOCDlsbHnlLDoirHlrZDmp5g=" "?=\n"
		   "MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\nPlease see the subject.\n");
	want(res, "pii.mynumber", NULL, "subject");
	want(res, "body.pii", NULL, NULL);
	assert_int_not_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);

	/* A plain text file: the name alone tells. */
	om_buf_init(&name, 0);
	om_buf_printf(&name, "%s.txt", mynumber_name);
	res = attach_scan("text/plain; charset=us-ascii", name.data, (const unsigned char *) "memo\n", 5);
	want(res, "pii.mynumber", NULL, NULL);
	want(res, "attach.pii_unencrypted", NULL, NULL);
	om_result_free(res);

	/* An encrypted file (real gpg) with that name: encrypted, and still a leak. */
	sh("{ [ ! -d g ] || GNUPGHOME=$PWD/g gpgconf --kill gpg-agent 2>/dev/null; true; } && rm -rf g && mkdir -m 700 g && printf 'secret data\\n' > s.txt && export GNUPGHOME=$PWD/g"
	   " && gpg --batch --yes --pinentry-mode loopback --passphrase x --symmetric -o s.gpg s.txt");
	d = slurp("s.gpg", &n);
	name.len = 0;
	om_buf_printf(&name, "%s.gpg", mynumber_name);
	res = attach_scan("application/octet-stream", name.data, d, n);
	want(res, "attach.encrypted", NULL, NULL);
	want(res, "attach.pii_unencrypted", NULL, NULL);
	om_result_free(res);
	free(d);

	/* The name of a member inside an archive too. */
	name.len = 0;
	om_buf_printf(&name, "rm -rf z && mkdir z && printf 'memo\\n' > 'z/%s.txt'"
		      " && (cd z && zip -q ../names.zip '%s.txt')", mynumber_name, mynumber_name);
	sh(name.data);
	d = slurp("names.zip", &n);
	res = attach_scan("application/zip", "list.zip", d, n);
	want(res, "attach.pii_unencrypted", NULL, "attachment:list.zip/" "山田花子_マイナンバー123456789018.txt");
	om_result_free(res);
	free(d);
	om_buf_free(&name);
}

/* Nameless parts that are files, and named inline parts, are attachments. */
static void
test_nameless_attachments(void **state)
{
	static const char csv[] = "氏名,マイナンバー\n山田花子,123456789018\n佐藤一郎,123456789018\n";
	om_result *res;
	size_t  n;
	unsigned char *d;

	(void) state;
	/* application/octet-stream and a spreadsheet type, neither named nor disposed. */
	res = attach_scan("application/octet-stream", NULL, (const unsigned char *) csv, strlen(csv));
	want(res, "pii.mynumber", NULL, "attachment:application/octet-stream");
	want(res, "attach.pii_unencrypted", NULL, "attachment:application/octet-stream");
	om_result_free(res);
	res = attach_scan("application/vnd.ms-excel", NULL, (const unsigned char *) csv, strlen(csv));
	want(res, "attach.pii_unencrypted", NULL, NULL);
	om_result_free(res);

	/* A nameless zip is looked into. */
	sh("rm -rf z && mkdir z && printf '氏名,マイナンバー\\n山田花子,123456789018\\n' > z/list.csv"
	   " && (cd z && zip -q ../nameless.zip list.csv)");
	d = slurp("nameless.zip", &n);
	res = attach_scan("application/zip", NULL, d, n);
	want(res, "attach.pii_unencrypted", NULL, "attachment:application/zip/list.csv");
	om_result_free(res);
	free(d);

	/* Disposition attachment without a name; inline with a name. */
	res = scan(OUT_HDR "Content-Type: multipart/mixed; boundary=\"M\"\n\n"
		   "--M\nContent-Type: text/plain; charset=us-ascii\n\nsee the file\n"
		   "--M\nContent-Type: text/csv; charset=utf-8\nContent-Disposition: attachment\n\n"
		   "氏名,マイナンバー\n山田花子,123456789018\n"
		   "--M\nContent-Type: application/octet-stream\n"
		   "Content-Disposition: inline; filename=\"invoice.pdf.exe\"\n\nMZ\n--M--\n");
	want(res, "attach.pii_unencrypted", NULL, "attachment:text/csv");
	want_not(res, "body.pii", NULL, NULL);
	want(res, "attach.double_extension", NULL, "attachment:invoice.pdf.exe");
	om_result_free(res);
}

/* pct - RFC 2231 percent-encoding of UTF-8 bytes */
static void
pct(const char *name, om_buf *out)
{
	for (const unsigned char *c = (const unsigned char *) name; *c; c++)
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '.')
			om_buf_putc(out, (char) *c);
		else
			om_buf_printf(out, "%%%02X", *c);
}

#define IDSP3	"\xe3\x80\x80\xe3\x80\x80\xe3\x80\x80"	/* U+3000 x 3 */

/*
 * An extension behind Unicode blanks, however the name was encoded,
 * and in either of two names that disagree, is attach.spaces_before_ext.
 */
static void
test_spaces_before_ext(void **state)
{
	static const struct {
		const char *what;
		const char *ctype_name;		/* Content-Type name*= (UTF-8), or NULL */
		const char *fn_2231;		/* filename*= (UTF-8), or NULL */
		const char *fn_raw;		/* filename= as written, or NULL */
		int	split;			/* fn_2231 as continuations */
		int	want;
	} cases[] = {
		{"U+3000, RFC 2231", NULL, "請求書" IDSP3 ".exe", NULL, 0, 1},
		{"U+3000, RFC 2231 continuations", NULL, "請求書" IDSP3 ".exe", NULL, 1, 1},
		{"U+3000, RFC 2047 ISO-2022-JP", NULL, NULL, "\"=?ISO-2022-JP?B?GyRCQEE1YT1xISEhISEhGyhCLmV4ZQ==?=\"", 0, 1},
		{"U+202F", NULL, "report\xe2\x80\xaf\xe2\x80\xaf\xe2\x80\xaf.exe", NULL, 0, 1},
		{"U+00A0 U+2003 U+202F U+205F U+3000", NULL,
		"report\xc2\xa0\xe2\x80\x83\xe2\x80\xaf\xe2\x81\x9f\xe3\x80\x80.exe", NULL, 0, 1},
		{"tabs", NULL, NULL, "\"report\t\t\t.exe\"", 0, 1},
		{"Content-Type name differs", "請求書" IDSP3 ".exe", NULL, "\"report.pdf\"", 0, 1},
		{"Content-Type name differs, split", "請求書" IDSP3 ".pdf", NULL, "\"report.pdf\"", 1, 1},
		{"one blank", NULL, "議事録 2024.pdf", NULL, 0, 0},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		om_buf  m, enc;
		om_result *res;
		const char *name = cases[i].fn_2231 ? cases[i].fn_2231 : cases[i].ctype_name;

		om_buf_init(&m, 0);
		om_buf_init(&enc, 0);
		if (name)
			pct(name, &enc);
		om_buf_puts(&m, "From: a@partner-shoji.example\nTo: tanaka@sakura-hoken.example\nSubject: x\n"
			    "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n"
			    "--B\nContent-Type: text/plain\n\nhi\n--B\nContent-Type: application/octet-stream");
		if (cases[i].ctype_name && !cases[i].split)
			om_buf_printf(&m, "; name*=UTF-8''%s", enc.data);
		else if (cases[i].ctype_name)
			/* Cut in the middle of a character's bytes: joined before decoding. */
			om_buf_printf(&m, ";\n name*0*=UTF-8''%.*s;\n name*1*=%s", (int) (enc.len / 2 / 3 * 3 + 3),
				      enc.data, enc.data + enc.len / 2 / 3 * 3 + 3);
		om_buf_puts(&m, "\nContent-Disposition: attachment");
		if (cases[i].fn_raw)
			om_buf_printf(&m, "; filename=%s", cases[i].fn_raw);
		else if (cases[i].fn_2231 && !cases[i].split)
			om_buf_printf(&m, "; filename*=UTF-8''%s", enc.data);
		else if (cases[i].fn_2231)
			om_buf_printf(&m, ";\n filename*0*=UTF-8''%.*s;\n filename*1*=%s", (int) (enc.len / 2 / 3 * 3 + 3),
				      enc.data, enc.data + enc.len / 2 / 3 * 3 + 3);
		om_buf_puts(&m, "\n\nhello\n--B--\n");
		res = om_engine_scan(snap, NULL, m.data, m.len);
		assert_non_null(res);
		if ((find(res, "attach.spaces_before_ext", NULL, NULL) != NULL) != cases[i].want) {
			dump(res);
			fail_msg("%s: attach.spaces_before_ext %s", cases[i].what, cases[i].want ? "missing" : "unexpected");
		}
		om_result_free(res);
		om_buf_free(&m);
		om_buf_free(&enc);
	}
}

/* setup - configuration: the demo rules, one internal domain */
static int
setup(void **state)
{
	(void) state;
	if (mkdtemp(dir) == NULL)
		return (-1);
	om_log_open("test_mime_read", 0, 0);
	snap = om_test_conf(dir, "internal_domains = sakura-hoken.example\n"
			    "rules_dir = " OM_RULES_SRCDIR "\n");
	return (snap ? 0 : -1);
}

/* teardown - remove the directory */
static int
teardown(void **state)
{
	(void) state;
	return (om_test_done(snap, dir));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_addresses),
		cmocka_unit_test(test_million_parts),
		cmocka_unit_test(test_boundary_forms),
		cmocka_unit_test(test_pgp_real),
		cmocka_unit_test(test_cms_real),
		cmocka_unit_test(test_smime_signed),
		cmocka_unit_test(test_fake_pgp_csv),
		cmocka_unit_test(test_multipart_encrypted),
		cmocka_unit_test(test_alternative_differs),
		cmocka_unit_test(test_alternative_same_counts),
		cmocka_unit_test(test_alternative_attack),
		cmocka_unit_test(test_subject_and_names),
		cmocka_unit_test(test_nameless_attachments),
		cmocka_unit_test(test_spaces_before_ext),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
