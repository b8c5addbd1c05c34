/*++
 * NAME
 *	om_audit 3
 * SUMMARY
 *	chained, keyed audit log writer and verifier
 * DESCRIPTION
 *	Writing: a record is built in memory, then, under the process
 *	mutex and an flock(2) on "LOG.lock", the writer makes sure it knows
 *	the last MAC in the file (another process may have appended or
 *	rotated since), adds "prev", computes "mac" and appends the whole
 *	line with one write(2) on an O_APPEND descriptor, then rewrites
 *	the state file. A write that fails or comes up short is undone
 *	with ftruncate(2) to the offset before it, still under the lock,
 *	and counted in the state file; the next record that can be written
 *	is preceded by a "write_failed" record. A record cut short by a
 *	crash is removed the same way by the next writer.
 *
 *	Verifying: each line's MAC is recomputed over its bytes up to
 *	",\"mac\":"; then the "seq" and "prev" fields are followed from
 *	record to record and file to file. The first break is classified
 *	(edited, deleted, inserted, reordered, truncated) by looking at
 *	its neighbours. See omamori-log(5).
 * DIAGNOSTICS
 *	Errors are returned as -1 with a text for om_audit_error().
 *--*/
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json-glib/json-glib.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "om_audit.h"
#include "om_rules.h"
#include "om_buf.h"
#include "om_charset.h"
#include "om_mask.h"
#include "om_norm.h"
#include "om_json.h"
#include "om_log.h"
#include "om_msg.h"

#define AUDIT_TAIL_MAX	(16u * 1024 * 1024)	/* longest record we look back over */
#define AUDIT_LINE_MAX	(16u * 1024 * 1024)	/* longest record we verify */
#define AUDIT_ARCHIVES	100000			/* files pruned in one run */
#define AUDIT_ZERO_MAC	"0000000000000000000000000000000000000000000000000000000000000000"
#define AUDIT_MAC_TAG	",\"mac\":\""

#define PSEUDO_NO	0
#define PSEUDO_LOCAL	1
#define PSEUDO_ALL	2

struct om_audit {
	pthread_mutex_t lock;
	char   *path;
	char   *lock_path;
	int	fd;
	int	lock_fd;
	ino_t	ino;
	off_t	known_end;		/* file size after our last write */
	unsigned long seq;		/* seq of the last record */
	char	last_mac[OM_AUDIT_MAC_HEX + 1];
	unsigned char key[OM_AUDIT_KEY_LEN];
	unsigned char pkey[OM_AUDIT_KEY_LEN];	/* for pseudonyms */
	int	pseudo;
	int	fsync_each;
	char   *rules_version;
	char   *state_path;		/* last (seq, MAC), outside the log */
	int	state_fd;
	unsigned long failed;		/* writes that failed since the last record */
	int	failed_errno;
	off_t	fragment;		/* bytes of a cut record removed, to record */
	unsigned long gap_seq;		/* the state said this seq; the log ended before */
	unsigned long gap_found;	/* ... at this seq */
	const char *gap_why;		/* NULL: no gap to record */
	const struct om_ruleset *rules;	/* to mask free text; may be NULL */
	/* The group fsync (audit_fsync = always); see audit_flush(). */
	unsigned long wgen;		/* under lock: records written that want an fsync */
	unsigned long epoch;		/* under lock: log files opened (rotation) */
	pthread_mutex_t sync_lock;
	pthread_cond_t sync_cond;
	unsigned long pub_epoch, pub_gen;	/* under sync_lock: the last record written */
	unsigned long done_epoch, done_gen;	/* under sync_lock: on disk up to here */
	int	syncing;		/* under sync_lock: an fsync is running */
};

static __thread char audit_err[512];

/* audit_fail - set the error text, return -1 */
static int __attribute__((format(printf, 1, 2)))
audit_fail(const char *fmt,...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(audit_err, sizeof(audit_err), fmt, ap);
	va_end(ap);
	return (-1);
}

/* om_audit_error - text of the last failure in this thread */
const char *
om_audit_error(void)
{
	return (audit_err);
}

/* hex_encode - bytes to lower-case hex */
static void
hex_encode(const unsigned char *p, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 15];
	}
	out[2 * n] = 0;
}

/* hex_decode - exactly 2n hex digits to n bytes; -1 if not */
static int
hex_decode(const char *s, unsigned char *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int     v = 0;

		for (int k = 0; k < 2; k++) {
			int     c = (unsigned char) s[2 * i + k];

			if (!isxdigit(c))
				return (-1);
			v = v * 16 + (isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
		}
		out[i] = (unsigned char) v;
	}
	return (0);
}

/* audit_mac - HMAC-SHA-256 of data as hex */
static void
audit_mac(const unsigned char *key, const void *data, size_t len, char out[OM_AUDIT_MAC_HEX + 1])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;

	if (HMAC(EVP_sha256(), key, OM_AUDIT_KEY_LEN, data, len, md, &mdlen) == NULL || mdlen != 32)
		om_panic("HMAC-SHA-256 failed");
	hex_encode(md, 32, out);
}

/* om_audit_load_key - read (or first create) the 0600 key file */
int
om_audit_load_key(const char *path, int create, unsigned char key[OM_AUDIT_KEY_LEN])
{
	char    text[2 * OM_AUDIT_KEY_LEN + 2];
	struct stat st;
	ssize_t n;
	int     fd;

	if (path == NULL)
		return (audit_fail("audit_key_file is not set"));
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && create) {
		unsigned char fresh[OM_AUDIT_KEY_LEN];

		if (RAND_bytes(fresh, sizeof(fresh)) != 1)
			return (audit_fail("%s: no random bytes for a new key", path));
		hex_encode(fresh, sizeof(fresh), text);
		OPENSSL_cleanse(fresh, sizeof(fresh));
		strcat(text, "\n");
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0)
			return (audit_fail("%s: cannot create key file: %s", path, strerror(errno)));
		if (write(fd, text, strlen(text)) != (ssize_t) strlen(text) || fsync(fd) < 0) {
			int     saved = errno;

			close(fd);
			unlink(path);
			return (audit_fail("%s: cannot write key file: %s", path, strerror(saved)));
		}
		close(fd);
		OPENSSL_cleanse(text, sizeof(text));
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	}
	if (fd < 0)
		return (audit_fail("%s: cannot open key file: %s", path, strerror(errno)));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return (audit_fail("%s: key file is not a regular file", path));
	}
	if (st.st_mode & 077) {
		close(fd);
		return (audit_fail("%s: key file has mode %04o; it must be 0600 or stricter (chmod 600 %s)",
				   path, (unsigned) (st.st_mode & 07777), path));
	}
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n < 2 * OM_AUDIT_KEY_LEN || hex_decode(text, key, OM_AUDIT_KEY_LEN) < 0) {
		OPENSSL_cleanse(text, sizeof(text));
		return (audit_fail("%s: key file does not hold %d hex digits", path, 2 * OM_AUDIT_KEY_LEN));
	}
	OPENSSL_cleanse(text, sizeof(text));
	return (0);
}

/* derive_pkey - the pseudonym key, kept apart from the chain key */
static void
derive_pkey(const unsigned char key[OM_AUDIT_KEY_LEN], unsigned char pkey[OM_AUDIT_KEY_LEN])
{
	static const char label[] = "omamori audit pseudonym v1";
	unsigned int len = 0;

	if (HMAC(EVP_sha256(), key, OM_AUDIT_KEY_LEN, (const unsigned char *) label, sizeof(label) - 1,
		 pkey, &len) == NULL || len != OM_AUDIT_KEY_LEN)
		om_panic("HMAC-SHA-256 failed");
}

/* om_audit_pseudonym - "p-HEX16" for an address, keyed by the audit key */
void
om_audit_pseudonym(const unsigned char key[OM_AUDIT_KEY_LEN], const char *addr, char *out, size_t outlen)
{
	unsigned char pkey[OM_AUDIT_KEY_LEN];
	char    mac[OM_AUDIT_MAC_HEX + 1];
	char    lower[1024];
	size_t  n = 0;

	derive_pkey(key, pkey);
	for (; addr[n] && n < sizeof(lower) - 1; n++)
		lower[n] = (char) tolower((unsigned char) addr[n]);
	lower[n] = 0;
	audit_mac(pkey, lower, n, mac);
	OPENSSL_cleanse(pkey, sizeof(pkey));
	snprintf(out, outlen, "p-%.16s", mac);
}

/* audit_addr - an address as the log writes it */
static void
audit_addr(const om_audit *a, om_buf *b, const char *addr)
{
	char    pseudo[32];
	const char *at;

	if (addr == NULL || a->pseudo == PSEUDO_NO) {
		om_json_str(b, addr);
		return;
	}
	at = strrchr(addr, '@');
	if (a->pseudo == PSEUDO_LOCAL && at != NULL) {
		char   *local = strndup(addr, (size_t) (at - addr));
		om_buf  tmp;

		if (local == NULL)
			om_panic("out of memory");
		om_audit_pseudonym(a->key, local, pseudo, sizeof(pseudo));
		free(local);
		om_buf_init(&tmp, 0);
		om_buf_printf(&tmp, "%s%s", pseudo, at);
		om_json_str(b, tmp.data);
		om_buf_free(&tmp);
		return;
	}
	om_audit_pseudonym(a->key, addr, pseudo, sizeof(pseudo));
	om_json_str(b, pseudo);
}

/* om_audit_parse_duration - "3y", "400d", "12h", "2w", "6mo" to seconds */
int
om_audit_parse_duration(const char *s, unsigned long *seconds)
{
	char   *end;
	unsigned long v, mul;

	if (s == NULL || !isdigit((unsigned char) *s))
		return (-1);
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno)
		return (-1);
	if (strcmp(end, "s") == 0)
		mul = 1;
	else if (strcmp(end, "h") == 0)
		mul = 3600;
	else if (strcmp(end, "d") == 0)
		mul = 86400;
	else if (strcmp(end, "w") == 0)
		mul = 7 * 86400;
	else if (strcmp(end, "mo") == 0)
		mul = 30 * 86400;
	else if (strcmp(end, "y") == 0)
		mul = 365 * 86400;
	else
		return (-1);
	if (v > ULONG_MAX / mul)
		return (-1);
	*seconds = v * mul;
	return (0);
}

/*
 * read_tail - seq and MAC of the last complete line, and the offset just
 * after it in *good_end; 0 none, 1 found, -1 error. *partial says that
 * bytes follow the last complete line (a record cut short).
 */
static int
read_tail(int fd, off_t size, unsigned long *seq, char mac[OM_AUDIT_MAC_HEX + 1], int *partial,
	  off_t *good_end)
{
	size_t  want = 65536;
	char   *buf = NULL;

	*partial = 0;
	*good_end = 0;
	if (size == 0)
		return (0);
	for (;;) {
		size_t  n = (size_t) size < want ? (size_t) size : want;
		off_t   from = size - (off_t) n;
		char   *end, *start, *p;
		ssize_t got;

		buf = realloc(buf, n + 1);
		if (buf == NULL)
			om_panic("out of memory");
		got = pread(fd, buf, n, from);
		if (got != (ssize_t) n) {
			free(buf);
			return (audit_fail("cannot read the end of the log: %s", got < 0 ? strerror(errno) : "short read"));
		}
		buf[n] = 0;
		end = buf + n;
		if (end[-1] != '\n') {
			*partial = 1;
			while (end > buf && end[-1] != '\n')
				end--;
		}
		if (end > buf) {
			*good_end = from + (off_t) (end - buf);
			end[-1] = 0;
			start = memrchr(buf, '\n', (size_t) (end - 1 - buf));
			if (start != NULL || from == 0) {
				start = start ? start + 1 : buf;
				if (strncmp(start, "{\"v\":1,\"seq\":", 13) != 0
				    || (p = strstr(start, AUDIT_MAC_TAG)) == NULL
				    || strlen(p + strlen(AUDIT_MAC_TAG)) < OM_AUDIT_MAC_HEX) {
					free(buf);
					return (audit_fail("the last record of the log is not an omamori record"));
				}
				*seq = strtoul(start + 13, NULL, 10);
				memcpy(mac, p + strlen(AUDIT_MAC_TAG), OM_AUDIT_MAC_HEX);
				mac[OM_AUDIT_MAC_HEX] = 0;
				free(buf);
				return (1);
			}
		} else if (from == 0) {
			free(buf);
			return (0);
		}
		if ((size_t) size <= want || want >= AUDIT_TAIL_MAX) {
			free(buf);
			return (audit_fail("the last record of the log is longer than %u bytes", AUDIT_TAIL_MAX));
		}
		want *= 4;
	}
}

/* now_iso - current UTC time with milliseconds */
static void
now_iso(char *out, size_t len)
{
	struct timespec ts;
	struct tm tm;
	char    tmp[32];

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(tmp, sizeof(tmp), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, len, "%.20s.%03dZ", tmp, (int) (ts.tv_nsec / 1000000) % 1000);
}

/*
 * The state file holds the last (seq, MAC) of the chain and the number of
 * writes that failed since, in one fixed-size line rewritten in place
 * with pwrite(2) under the log lock, with its own MAC:
 * "omamori-audit-state v1 seq=N failed=N errno=N mac=HEX smac=HEX\n".
 */
#define STATE_FMT	"omamori-audit-state v1 seq=%020lu failed=%010lu errno=%05d mac=%.64s"
#define STATE_SMAC	" smac="
#define STATE_LEN	(23 + 24 + 18 + 12 + 69 + 70 + 1)

typedef struct audit_state {
	unsigned long seq;
	unsigned long failed;
	int	err;
	char	mac[OM_AUDIT_MAC_HEX + 1];
} audit_state;

/* om_audit_state_path - LOGNAME.state beside the key file */
char   *
om_audit_state_path(const char *log_path, const char *key_path)
{
	const char *lb = strrchr(log_path, '/'), *ks = strrchr(key_path, '/');
	char   *s;

	lb = lb ? lb + 1 : log_path;
	if (asprintf(&s, "%.*s%s.state", ks ? (int) (ks - key_path + 1) : 0, key_path, lb) < 0)
		om_panic("out of memory");
	return (s);
}

/* state_format - the line for this state, STATE_LEN bytes */
static void
state_format(const unsigned char *key, const audit_state *st, char out[STATE_LEN + 1])
{
	char    smac[OM_AUDIT_MAC_HEX + 1];
	int     n;

	n = snprintf(out, STATE_LEN + 1, STATE_FMT, st->seq, st->failed, st->err % 100000, st->mac);
	audit_mac(key, out, (size_t) n, smac);
	snprintf(out + n, (size_t) (STATE_LEN + 1 - n), STATE_SMAC "%s\n", smac);
}

/* state_parse - 1 a state of ours, 0 empty, -1 not ours (edited, cut, foreign) */
static int
state_parse(const unsigned char *key, const char *buf, size_t len, audit_state *st)
{
	char    want[STATE_LEN + 1];

	if (len == 0)
		return (0);
	if (len != STATE_LEN || sscanf(buf, "omamori-audit-state v1 seq=%20lu failed=%10lu errno=%5d mac=%64[0-9a-f]",
				       &st->seq, &st->failed, &st->err, st->mac) != 4 || strlen(st->mac) != OM_AUDIT_MAC_HEX)
		return (-1);
	state_format(key, st, want);
	return (CRYPTO_memcmp(want, buf, STATE_LEN) == 0 ? 1 : -1);
}

/* state_read - from an open state file; as state_parse, or -1 with an error */
static int
state_read(int fd, const unsigned char *key, audit_state *st)
{
	char    buf[STATE_LEN + 2];
	ssize_t n = pread(fd, buf, sizeof(buf), 0);

	if (n < 0)
		return (audit_fail("cannot read the audit state file: %s", strerror(errno)));
	buf[n] = 0;
	return (state_parse(key, buf, (size_t) n, st));
}

/* state_write - under the lock: the chain's end as this handle knows it */
static int
state_write(om_audit *a)
{
	audit_state st;
	char    line[STATE_LEN + 1];

	st.seq = a->seq;
	st.failed = a->failed;
	st.err = a->failed_errno;
	memcpy(st.mac, a->last_mac, sizeof(st.mac));
	state_format(a->key, &st, line);
	if (pwrite(a->state_fd, line, STATE_LEN, 0) != STATE_LEN)
		return (audit_fail("%s: %s", a->state_path, strerror(errno ? errno : EIO)));
	return (0);
}

/*
 * audit_sync - under the lock: follow rotation and appends by others.
 * When the log's end had to be read again, it is compared with the state
 * file: a log that ends before the state (records removed at the end,
 * the file emptied or replaced) is noted for a "gap" record. A record
 * cut short (a crash in the middle of a write) is removed and noted for a
 * "write_failed" record. Returns 1 for an empty log, 0 otherwise, -1.
 */
static int
audit_sync(om_audit *a)
{
	struct stat st, pst;
	audit_state ss;
	off_t   good_end;
	int     partial = 0, r, sr;

	if (stat(a->path, &pst) < 0 || pst.st_ino != a->ino) {
		int     fd = open(a->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);

		if (fd < 0)
			return (audit_fail("%s: %s", a->path, strerror(errno)));
		if (a->fd >= 0)
			close(a->fd);
		a->fd = fd;
		a->known_end = -1;
		a->epoch++;
	}
	if (fstat(a->fd, &st) < 0)
		return (audit_fail("%s: %s", a->path, strerror(errno)));
	a->ino = st.st_ino;
	if ((sr = state_read(a->state_fd, a->key, &ss)) == 1 && ss.failed > a->failed) {
		/* Another process failed to write; the next record says so. */
		a->failed = ss.failed;
		a->failed_errno = ss.err;
	}
	if (st.st_size == a->known_end)
		return (0);
	{
		int     rfd = open(a->path, O_RDONLY | O_CLOEXEC);

		if (rfd < 0)
			return (audit_fail("%s: %s", a->path, strerror(errno)));
		r = read_tail(rfd, st.st_size, &a->seq, a->last_mac, &partial, &good_end);
		close(rfd);
	}
	if (r < 0)
		return (-1);
	if (r == 0) {
		a->seq = 0;
		memcpy(a->last_mac, AUDIT_ZERO_MAC, sizeof(a->last_mac));
	}
	if (partial) {
		/* A record cut short: remove it, so that ours starts a line. */
		if (ftruncate(a->fd, good_end) < 0)
			return (audit_fail("%s: ftruncate: %s", a->path, strerror(errno)));
		om_warn("%s: the last record was incomplete (%lld bytes); it was removed",
			a->path, (long long) (st.st_size - good_end));
		a->fragment += st.st_size - good_end;
		st.st_size = good_end;
	}
	a->known_end = st.st_size;
	if (sr < 0 && a->gap_why == NULL) {
		a->gap_why = "the state file is not ours (edited, cut short or replaced)";
		a->gap_seq = 0;
		a->gap_found = a->seq;
	} else if (sr == 0 && st.st_size > 0 && a->gap_why == NULL) {
		a->gap_why = "the state file was empty or missing";
		a->gap_seq = 0;
		a->gap_found = a->seq;
	} else if (sr == 1 && a->gap_why == NULL
		   && (ss.seq > a->seq || (ss.seq == a->seq && strcmp(ss.mac, a->last_mac) != 0))) {
		a->gap_why = "the log ends before the record the state file names";
		a->gap_seq = ss.seq;
		a->gap_found = a->seq;
	}
	return (st.st_size == 0 && a->gap_why == NULL ? 1 : 0);
}

/*
 * audit_write_locked - prefix, fields, chain, MAC, one write; with flush,
 * also the fsync (audit_fsync = always). The record is part of the chain
 * once written, whether or not the fsync then succeeds. A write that
 * fails or comes up short (disk full, file size limit) is undone with
 * ftruncate(2) to the end of the record before it, so that no fragment
 * stays behind; the failure is counted in the state file and recorded
 * by the next record that can be written.
 */
static int
audit_write_locked(om_audit *a, const char *type, const char *fields, int flush)
{
	char    ts[40], mac[OM_AUDIT_MAC_HEX + 1];
	om_buf  line;
	ssize_t n;
	struct stat st;
	off_t   before = a->known_end;

	now_iso(ts, sizeof(ts));
	om_buf_init(&line, 0);
	om_buf_printf(&line, "{\"v\":1,\"seq\":%lu,\"time\":\"%s\",\"type\":", a->seq + 1, ts);
	om_json_str(&line, type);
	om_buf_puts(&line, fields);
	om_buf_printf(&line, ",\"prev\":\"%s\"", a->last_mac);
	audit_mac(a->key, line.data, line.len, mac);
	om_buf_printf(&line, AUDIT_MAC_TAG "%s\"}\n", mac);
	/* A short write is continued once; the second one says why it stopped. */
	n = write(a->fd, line.data, line.len);
	if (n >= 0 && n < (ssize_t) line.len) {
		ssize_t more = write(a->fd, line.data + n, line.len - (size_t) n);

		n = more < 0 ? -1 : n + more;
	}
	if (n != (ssize_t) line.len) {
		int     saved = n < 0 ? errno : EIO;

		om_buf_free(&line);
		if (before < 0 || ftruncate(a->fd, before) < 0)
			a->known_end = -1;
		a->failed++;
		a->failed_errno = saved;
		(void) state_write(a);
		return (audit_fail("%s: write: %s", a->path, n < 0 ? strerror(saved) : "short write"));
	}
	om_buf_free(&line);
	a->seq++;
	memcpy(a->last_mac, mac, sizeof(mac));
	if (fstat(a->fd, &st) == 0)
		a->known_end = st.st_size;
	if (state_write(a) < 0)
		return (-1);
	if (flush && a->fsync_each && fsync(a->fd) < 0)
		return (audit_fail("%s: fsync: %s", a->path, strerror(errno)));
	return (0);
}

/*
 * audit_notes_locked - what the writer found before this record: records
 * missing at the end ("gap"), writes that failed ("write_failed").
 */
static int
audit_notes_locked(om_audit *a)
{
	om_buf  f;
	int     r = 0;

	if (a->gap_why != NULL) {
		om_buf_init(&f, 0);
		om_buf_printf(&f, ",\"state_seq\":%lu,\"found_seq\":%lu,\"reason\":", a->gap_seq, a->gap_found);
		om_json_str(&f, a->gap_why);
		r = audit_write_locked(a, "gap", f.data, 0);
		om_buf_free(&f);
		if (r < 0)
			return (-1);
		om_warn("%s: %s (state seq %lu, log seq %lu); recorded as a gap", a->path, a->gap_why,
			a->gap_seq, a->gap_found);
		a->gap_why = NULL;
	}
	if (a->failed > 0 || a->fragment > 0) {
		unsigned long failed = a->failed;

		om_buf_init(&f, 0);
		om_buf_printf(&f, ",\"failed\":%lu,\"removed_bytes\":%lld,\"error\":", a->failed,
			      (long long) a->fragment);
		om_json_str(&f, a->failed ? strerror(a->failed_errno) : "incomplete record removed");
		a->failed = 0;		/* the state this record writes */
		r = audit_write_locked(a, "write_failed", f.data, 0);
		om_buf_free(&f);
		if (r < 0) {
			a->failed += failed;
			return (-1);
		}
		a->fragment = 0;
	}
	return (0);
}

/* audit_lock - mutex, then the file lock */
static int
audit_lock(om_audit *a)
{
	pthread_mutex_lock(&a->lock);
	while (flock(a->lock_fd, LOCK_EX) < 0) {
		if (errno != EINTR) {
			pthread_mutex_unlock(&a->lock);
			return (audit_fail("%s: flock: %s", a->lock_path, strerror(errno)));
		}
	}
	return (0);
}

/* audit_unlock - release both */
static void
audit_unlock(om_audit *a)
{
	(void) flock(a->lock_fd, LOCK_UN);
	pthread_mutex_unlock(&a->lock);
}

/*
 * audit_flush - make record "gen" of log file "epoch" durable through
 * "fd", a duplicate of that file's descriptor; 0 or -1. A group commit:
 * one fsync covers every record written to the file before it starts,
 * so a thread whose record an fsync that began after its write has
 * covered returns without one of its own, and while one fsync runs the
 * others wait for it rather than start theirs. A record in a file that
 * has been rotated away is flushed by its own writer. When the fsync
 * fails, those who waited for it try their own.
 */
static int
audit_flush(om_audit *a, int fd, unsigned long epoch, unsigned long gen)
{
	int     rc = 0, err = 0;

	pthread_mutex_lock(&a->sync_lock);
	if (epoch > a->pub_epoch || (epoch == a->pub_epoch && gen > a->pub_gen)) {
		a->pub_epoch = epoch;
		a->pub_gen = gen;
	}
	for (;;) {
		unsigned long target;

		if (a->done_epoch == epoch && a->done_gen >= gen)
			break;
		if (a->syncing) {
			pthread_cond_wait(&a->sync_cond, &a->sync_lock);
			continue;
		}
		/* Every record up to the last one written to this file is in it now. */
		target = a->pub_epoch == epoch ? a->pub_gen : gen;
		a->syncing = 1;
		pthread_mutex_unlock(&a->sync_lock);
		if ((rc = fsync(fd)) < 0)
			err = errno;
		pthread_mutex_lock(&a->sync_lock);
		a->syncing = 0;
		if (rc == 0 && (epoch > a->done_epoch || (epoch == a->done_epoch && target > a->done_gen))) {
			a->done_epoch = epoch;
			a->done_gen = target;
		}
		pthread_cond_broadcast(&a->sync_cond);
		break;
	}
	pthread_mutex_unlock(&a->sync_lock);
	return (rc < 0 ? audit_fail("%s: fsync: %s", a->path, strerror(err)) : 0);
}

/*
 * audit_append - one record of this type with these fields. The fsync
 * runs after the locks are released, on a duplicate of the descriptor:
 * the record's place in the chain is fixed by the write, and the milter's
 * threads would otherwise queue behind one another's disk flushes (several
 * milliseconds each). Records written meanwhile share one fsync
 * (audit_flush()); each caller still returns only once its own record is
 * on disk.
 */
static int
audit_append(om_audit *a, const char *type, const char *fields)
{
	int     r, fresh, sync_fd = -1;
	unsigned long gen = 0, epoch = 0;

	if (audit_lock(a) < 0)
		return (-1);
	if ((fresh = audit_sync(a)) < 0) {
		audit_unlock(a);
		return (-1);
	}
	r = 0;
	if (fresh && strcmp(type, "start") != 0 && strcmp(type, "rotate") != 0)
		r = audit_write_locked(a, "start", ",\"engine\":\"omamori " PACKAGE_VERSION "\"", 0);
	if (r == 0)
		r = audit_notes_locked(a);
	if (r == 0)
		r = audit_write_locked(a, type, fields, 0);
	if (r == 0 && a->fsync_each) {
		if ((sync_fd = dup(a->fd)) < 0)
			r = audit_fail("%s: dup: %s", a->path, strerror(errno));
		gen = ++a->wgen;
		epoch = a->epoch;
	}
	audit_unlock(a);
	if (sync_fd >= 0) {
		if (audit_flush(a, sync_fd, epoch, gen) < 0)
			r = -1;
		close(sync_fd);
	}
	return (r);
}

/* om_audit_open_path - the log without a configuration */
om_audit *
om_audit_open_path(const char *log_path, const char *key_path, int pseudonymise, int fsync_each)
{
	om_audit *a;
	int     r;

	if (log_path == NULL || *log_path == 0) {
		audit_fail("audit_log is not set");
		return (NULL);
	}
	if ((a = calloc(1, sizeof(*a))) == NULL)
		om_panic("out of memory");
	pthread_mutex_init(&a->lock, NULL);
	pthread_mutex_init(&a->sync_lock, NULL);
	pthread_cond_init(&a->sync_cond, NULL);
	a->fd = a->lock_fd = a->state_fd = -1;
	a->known_end = -1;
	a->pseudo = pseudonymise;
	a->fsync_each = fsync_each;
	if ((a->path = strdup(log_path)) == NULL || asprintf(&a->lock_path, "%s.lock", log_path) < 0)
		om_panic("out of memory");
	if (om_audit_load_key(key_path, 1, a->key) < 0)
		goto fail;
	derive_pkey(a->key, a->pkey);
	a->lock_fd = open(a->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0640);
	if (a->lock_fd < 0) {
		audit_fail("%s: %s", a->lock_path, strerror(errno));
		goto fail;
	}
	a->state_path = om_audit_state_path(log_path, key_path);
	a->state_fd = open(a->state_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (a->state_fd < 0) {
		audit_fail("%s: %s", a->state_path, strerror(errno));
		goto fail;
	}
	{
		struct stat sst, kst;

		/*
		 * Made by root (omamori log rotate on a new installation): the
		 * state file belongs with the key, the lock file with the log.
		 */
		if (geteuid() == 0 && fstat(a->state_fd, &sst) == 0 && sst.st_size == 0
		    && stat(key_path, &kst) == 0 && (sst.st_uid != kst.st_uid || sst.st_gid != kst.st_gid))
			(void) fchown(a->state_fd, kst.st_uid, kst.st_gid);
		if (geteuid() == 0 && fstat(a->lock_fd, &sst) == 0 && stat(log_path, &kst) == 0
		    && sst.st_uid == 0 && kst.st_uid != 0)
			(void) fchown(a->lock_fd, kst.st_uid, kst.st_gid);
	}
	{
		struct sigaction sa;

		/* A file size limit must fail a write, not kill the process. */
		if (sigaction(SIGXFSZ, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL)
			(void) signal(SIGXFSZ, SIG_IGN);
	}
	if (audit_lock(a) < 0)
		goto fail;
	r = audit_sync(a);
	if (r == 1 && audit_write_locked(a, "start", ",\"engine\":\"omamori " PACKAGE_VERSION "\"", 1) < 0) {
		audit_unlock(a);
		goto fail;
	}
	if (a->fd < 0 || (r >= 0 && audit_notes_locked(a) < 0)) {
		audit_unlock(a);
		goto fail;
	}
	audit_unlock(a);
	return (a);
fail:
	om_audit_close(a);
	return (NULL);
}

/* om_audit_open - the log named by the configuration */
om_audit *
om_audit_open(const om_conf *conf)
{
	const char *ps = conf->conf_audit_pseudonymise ? conf->conf_audit_pseudonymise : "no";
	const char *fs = conf->conf_audit_fsync ? conf->conf_audit_fsync : "always";
	unsigned long retention;
	int     pseudo, fsync_each;

	if (conf->conf_audit_retention && om_audit_parse_duration(conf->conf_audit_retention, &retention) < 0) {
		audit_fail("audit_retention: \"%s\" is not a duration (3y, 400d, 12w)", conf->conf_audit_retention);
		return (NULL);
	}
	if (strcmp(ps, "no") == 0)
		pseudo = PSEUDO_NO;
	else if (strcmp(ps, "local") == 0)
		pseudo = PSEUDO_LOCAL;
	else if (strcmp(ps, "yes") == 0)
		pseudo = PSEUDO_ALL;
	else {
		audit_fail("audit_pseudonymise: \"%s\" is not no, local or yes", ps);
		return (NULL);
	}
	if (strcmp(fs, "always") == 0)
		fsync_each = 1;
	else if (strcmp(fs, "never") == 0)
		fsync_each = 0;
	else {
		audit_fail("audit_fsync: \"%s\" is not always or never", fs);
		return (NULL);
	}
	return (om_audit_open_path(conf->conf_audit_log, conf->conf_audit_key_file, pseudo, fsync_each));
}

/* om_audit_set_rules - the rules free text is masked with (the snapshot's, which outlives a) */
void
om_audit_set_rules(om_audit *a, const struct om_ruleset *rules)
{
	pthread_mutex_lock(&a->lock);
	a->rules = rules;
	pthread_mutex_unlock(&a->lock);
}

/* om_audit_set_rules_version - what "rules" says in decision records */
void
om_audit_set_rules_version(om_audit *a, const char *version)
{
	pthread_mutex_lock(&a->lock);
	free(a->rules_version);
	a->rules_version = version ? strdup(version) : NULL;
	pthread_mutex_unlock(&a->lock);
}

/* om_audit_path - the current file */
const char *
om_audit_path(const om_audit *a)
{
	return (a->path);
}

/* Matches of personal-data rules in one free-text field. */
#define AUDIT_MASK_HITS	64

typedef struct mask_hits {
	size_t	n;
	int	overflow;
	struct {
		size_t	start, end;
		om_mask_kind kind;
	}	v[AUDIT_MASK_HITS];
} mask_hits;

/* mask_hit - keep each candidate of a personal-data rule */
static int
mask_hit(const om_rule_hit *h, void *arg)
{
	mask_hits *m = arg;

	if (h->rule->mask == OM_MASK_WORD || strncmp(h->rule->category, "pii.", 4) != 0 || h->end <= h->start)
		return (0);
	if (m->n == AUDIT_MASK_HITS) {
		m->overflow = 1;
		return (0);
	}
	m->v[m->n].start = h->start;
	m->v[m->n].end = h->end;
	m->v[m->n].kind = h->rule->mask;
	m->n++;
	return (0);
}

/* hit_order - by start, the longer first */
static int
hit_order(const void *x, const void *y)
{
	const size_t *a = x, *b = y;	/* start, end */

	if (a[0] != b[0])
		return (a[0] < b[0] ? -1 : 1);
	return (a[1] > b[1] ? -1 : a[1] < b[1]);
}

/*
 * om_audit_mask_text - free text as the log keeps it (file name, place,
 * Message-ID, reason). Such text is kept because it is business data,
 * but personal data typed into it must not reach the log: the text is
 * normalised, every candidate match of a personal-data rule of the set
 * is masked as its samples are (a name keeps two characters, a number
 * its last four digits), then every run of 6 or more digits in any
 * spelling (om_mask_text). A text the rules cannot scan becomes "**".
 */
void
om_audit_mask_text(const struct om_ruleset *rules, const char *s, om_buf *out)
{
	om_buf  masked, plain;
	mask_hits hits;
	size_t  at = 0;

	om_buf_init(&masked, 0);
	hits.n = 0;
	hits.overflow = 0;
	if (rules != NULL) {
		/* Normalised, digits and all: validators need them. */
		om_buf_init(&plain, 0);
		if (om_norm_text(s, strlen(s), &plain) < 0 || !om_utf8_valid_nul(plain.data ? plain.data : "", plain.len)
		    || om_rules_scan(rules, plain.data ? plain.data : "", plain.len,
				     OM_SCOPE_ALL | OM_RULES_EVERY_CANDIDATE | OM_RULES_UTF8_CHECKED, NULL, mask_hit, &hits) < 0
		    || hits.overflow) {
			om_buf_free(&plain);
			om_buf_free(&masked);
			om_buf_puts(out, "**");
			return;
		}
		qsort(hits.v, hits.n, sizeof(hits.v[0]), hit_order);
		for (size_t i = 0; i < hits.n; i++) {
			char    m[OM_MASK_MAX];
			size_t  start = hits.v[i].start, end = hits.v[i].end;

			if (end <= at)
				continue;
			if (start < at)
				start = at;
			om_buf_append(&masked, plain.data + at, start - at);
			om_mask(hits.v[i].kind, plain.data + start, end - start, m);
			om_buf_puts(&masked, m);
			at = end;
		}
		om_buf_append(&masked, plain.data + at, plain.len - at);
		om_buf_free(&plain);
	} else
		om_buf_append(&masked, s, strlen(s));
	om_mask_text(masked.data ? masked.data : "", masked.len, out);
	om_buf_free(&masked);
}

/* audit_text - a free-text field as JSON, masked */
static void
audit_text(const om_audit *a, om_buf *b, const char *s)
{
	om_buf  out;

	if (s == NULL) {
		om_json_str(b, NULL);
		return;
	}
	om_buf_init(&out, 0);
	om_audit_mask_text(a->rules, s, &out);
	om_json_str(b, out.data ? out.data : "");
	om_buf_free(&out);
}

/* audit_reply - the SMTP reply: its codes as they are, the text masked */
static void
audit_reply(const om_audit *a, om_buf *b, const char *reply)
{
	size_t  n = 0;
	om_buf  t;

	if (reply == NULL) {
		om_json_str(b, NULL);
		return;
	}
	/* "550 5.7.1 " */
	if (strlen(reply) > 4 && isdigit((unsigned char) reply[0]) && isdigit((unsigned char) reply[1])
	    && isdigit((unsigned char) reply[2]) && reply[3] == ' ') {
		n = 4;
		if (isdigit((unsigned char) reply[4]) && reply[5] == '.') {
			n = strcspn(reply + 4, " ") + 4;
			n += reply[n] == ' ';
		}
	}
	om_buf_init(&t, 0);
	audit_text(a, &t, reply + n);
	/* t holds "TEXT" as JSON: put the codes inside the quotes. */
	if (t.len >= 2 && t.data[0] == '"') {
		om_buf_putc(b, '"');
		om_buf_append(b, reply, n);	/* digits, dots and spaces */
		om_buf_append(b, t.data + 1, t.len - 1);
	} else
		om_buf_append(b, t.data, t.len);
	om_buf_free(&t);
}

/*
 * attachment_encryption - what the parts say about attachment i: "weak"
 * when it or anything inside it (an archive's members, at any depth) is
 * under a weak cipher, else "yes" when any of them needs a key, else "no".
 */
static const char *
attachment_encryption(const om_msg *msg, size_t i)
{
	int     weak = 0, enc = 0;

	for (size_t k = i; k < msg->nparts; k++) {
		int     in = (k == i);

		/* Is part k inside part i? Follow its parents (bounded). */
		for (int p = msg->parts[k].parent, hops = 0; !in && p >= 0 && hops < (int) msg->nparts; hops++) {
			if ((size_t) p == i)
				in = 1;
			else
				p = msg->parts[p].parent;
		}
		if (!in)
			continue;
		weak |= (msg->parts[k].flags & OM_PART_ENC_WEAK) != 0;
		enc |= (msg->parts[k].flags & OM_PART_ENCRYPTED) != 0;
	}
	return (weak ? "weak" : enc ? "yes" : "no");
}

/* audit_sample - a finding's sample (made by om_mask()) as JSON */
static void
audit_sample(om_buf *b, const char *s)
{
	om_buf  out;

	if (s == NULL) {
		om_json_str(b, NULL);
		return;
	}
	om_buf_init(&out, 0);
	om_mask_text(s, strlen(s), &out);
	om_json_str(b, out.data ? out.data : "");
	om_buf_free(&out);
}

/* om_audit_record - one message decision */
int
om_audit_record(om_audit *a, const om_result *res, const om_envelope *env)
{
	unsigned char rnd[8];
	char    id[17];
	om_buf  b, where_json;
	const char *prev_where = NULL;
	int     r, first;

	if (RAND_bytes(rnd, sizeof(rnd)) != 1)
		return (audit_fail("no random bytes for a record id"));
	hex_encode(rnd, sizeof(rnd), id);
	om_buf_init(&b, 0);
	om_buf_printf(&b, ",\"id\":\"%s\",\"queue_id\":", id);
	om_json_str(&b, env ? env->queue_id : NULL);
	/* The token the daemon put in X-Omamori-Ref: joins held mail to this. */
	om_buf_puts(&b, ",\"ref\":");
	om_json_str(&b, env ? env->ref : NULL);
	om_buf_puts(&b, ",\"message_id\":");
	audit_text(a, &b, res->msg ? res->msg->message_id : NULL);
	om_buf_puts(&b, ",\"direction\":");
	om_json_str(&b, om_direction_name(res->direction));
	om_buf_puts(&b, ",\"sender\":");
	audit_addr(a, &b, res->sender ? res->sender : env ? env->from : NULL);
	om_buf_puts(&b, ",\"auth\":");
	audit_addr(a, &b, env ? env->auth : NULL);
	om_buf_puts(&b, ",\"recipients\":[");
	for (size_t i = 0; i < res->nrcpts; i++) {
		if (i)
			om_buf_putc(&b, ',');
		audit_addr(a, &b, res->rcpts[i]);
	}
	om_buf_puts(&b, "],\"attachments\":[");
	first = 1;
	for (size_t i = 0; res->msg && i < res->msg->nparts; i++) {
		const om_part *p = res->msg->parts + i;

		if (!(p->flags & OM_PART_ATTACHMENT) || (p->flags & OM_PART_CONTAINER))
			continue;
		om_buf_puts(&b, first ? "{\"name\":" : ",{\"name\":");
		first = 0;
		audit_text(a, &b, p->filename);
		om_buf_puts(&b, ",\"type\":");
		audit_text(a, &b, p->content_type);
		om_buf_puts(&b, ",\"magic\":");
		om_json_str(&b, p->magic_type);
		om_buf_printf(&b, ",\"size\":%zu,\"encrypted\":", p->size);
		om_json_str(&b, attachment_encryption(res->msg, i));
		om_buf_putc(&b, '}');
	}
	om_buf_puts(&b, "],\"findings\":[");
	om_buf_init(&where_json, 0);
	for (size_t i = 0; i < res->nfindings; i++) {
		const om_finding *f = res->findings + i;

		om_buf_puts(&b, i ? ",{\"category\":" : "{\"category\":");
		om_json_str(&b, f->category);
		om_buf_puts(&b, ",\"rule\":");
		om_json_str(&b, f->rule);
		om_buf_puts(&b, ",\"where\":");
		/* Findings of one place come together: mask the place once. */
		if (f->where && prev_where && strcmp(f->where, prev_where) == 0) {
			om_buf_append(&b, where_json.data, where_json.len);
		} else {
			size_t  at = b.len;

			audit_text(a, &b, f->where);
			om_buf_reset(&where_json);
			om_buf_append(&where_json, b.data + at, b.len - at);
			prev_where = f->where;
		}
		/* Samples come from the same masker: only digit runs remain to check. */
		om_buf_printf(&b, ",\"count\":%u,\"sample\":", f->count);
		audit_sample(&b, f->sample);
		om_buf_puts(&b, ",\"action\":");
		om_json_str(&b, om_action_name(f->action));
		om_buf_putc(&b, '}');
	}
	om_buf_free(&where_json);
	om_buf_puts(&b, "],\"action\":");
	om_json_str(&b, om_action_name(res->action));
	om_buf_puts(&b, ",\"reply\":");
	audit_reply(a, &b, res->reply);
	/* Present only when true, so that older records read the same. */
	if (res->to_bcc)
		om_buf_puts(&b, ",\"to_bcc\":true");
	/* A send delay (approval says so by its action). */
	if (res->delay > 0 && res->action != OM_ACT_APPROVE)
		om_buf_printf(&b, ",\"delay\":%u", res->delay);
	om_buf_printf(&b, ",\"internal_error\":%s,\"rules\":", res->internal_error ? "true" : "false");
	pthread_mutex_lock(&a->lock);
	om_json_str(&b, a->rules_version ? a->rules_version : "omamori " PACKAGE_VERSION);
	pthread_mutex_unlock(&a->lock);
	r = audit_append(a, "decision", b.data);
	om_buf_free(&b);
	return (r);
}

/*
 * event_identifier - fields of events that name things rather than say
 * them (ids made by the MTA or by us, login names, action words); every
 * other field is free text and masked.
 */
static int
event_identifier(const char *name)
{
	static const char *ids[] = {"queue_id", "record", "ref", "id", "by", "action", "selected_by", NULL};

	for (int i = 0; ids[i]; i++)
		if (strcmp(ids[i], name) == 0)
			return (1);
	return (0);
}

/* audit_event_v - fields from name, value pairs */
static int
audit_event_v(om_audit *a, const char *kind, va_list ap)
{
	const char *name;
	om_buf  b;
	int     r, n = 0;

	om_buf_init(&b, 0);
	while ((name = va_arg(ap, const char *)) != NULL && n++ < 64) {
		const char *value = va_arg(ap, const char *);

		om_buf_putc(&b, ',');
		om_json_str(&b, name);
		om_buf_putc(&b, ':');
		if (event_identifier(name))
			om_json_str(&b, value);
		else
			audit_text(a, &b, value);
	}
	r = audit_append(a, kind, b.data ? b.data : "");
	om_buf_free(&b);
	return (r);
}

/* om_audit_event - any other record: release, discard, reveal, prune */
int
om_audit_event(om_audit *a, const char *kind,...)
{
	va_list ap;
	int     r;

	if (strcmp(kind, "decision") == 0 || strcmp(kind, "start") == 0 || strcmp(kind, "rotate") == 0
	    || strcmp(kind, "gap") == 0 || strcmp(kind, "write_failed") == 0)
		return (audit_fail("\"%s\" records are written by omamori itself", kind));
	va_start(ap, kind);
	r = audit_event_v(a, kind, ap);
	va_end(ap);
	return (r);
}

/* om_audit_rotate - archive the file as LOG.YYYYmmddTHHMMSSZ, chain on */
int
om_audit_rotate(om_audit *a, time_t now)
{
	char    stamp[32], *archive = NULL;
	struct stat old;
	struct tm tm;
	om_buf  f;
	int     fd, r;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	if (audit_lock(a) < 0)
		return (-1);
	if (audit_sync(a) < 0 || audit_notes_locked(a) < 0) {
		audit_unlock(a);
		return (-1);
	}
	for (int i = 0; i < 100; i++) {
		free(archive);
		if ((i ? asprintf(&archive, "%s.%s-%d", a->path, stamp, i) : asprintf(&archive, "%s.%s", a->path, stamp)) < 0)
			om_panic("out of memory");
		if (access(archive, F_OK) < 0)
			break;
	}
	if (fstat(a->fd, &old) < 0) {
		r = audit_fail("%s: %s", a->path, strerror(errno));
		free(archive);
		audit_unlock(a);
		return (r);
	}
	if (rename(a->path, archive) < 0) {
		r = audit_fail("rename %s %s: %s", a->path, archive, strerror(errno));
		free(archive);
		audit_unlock(a);
		return (r);
	}
	fd = open(a->path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	/*
	 * The new file is the old one's in all but content: root running
	 * "omamori log rotate" must not leave a file the milter cannot write.
	 */
	if (fd >= 0 && (fchmod(fd, old.st_mode & 07777) < 0
			|| (geteuid() == 0 && fchown(fd, old.st_uid, old.st_gid) < 0))) {
		r = audit_fail("%s: cannot give the new file the owner and mode of the old one: %s",
			       a->path, strerror(errno));
		close(fd);
		if (unlink(a->path) < 0 || rename(archive, a->path) < 0)
			om_warn("%s: could not undo the rotation: %s", a->path, strerror(errno));
		free(archive);
		audit_unlock(a);
		return (r);
	}
	if (fd < 0) {
		r = audit_fail("%s: %s", a->path, strerror(errno));
		free(archive);
		audit_unlock(a);
		return (r);
	}
	close(a->fd);
	a->fd = fd;
	a->ino = 0;
	a->known_end = 0;
	{
		struct stat st;

		if (fstat(fd, &st) == 0)
			a->ino = st.st_ino;
	}
	om_buf_init(&f, 0);
	om_buf_puts(&f, ",\"prev_file\":");
	om_json_str(&f, strrchr(archive, '/') ? strrchr(archive, '/') + 1 : archive);
	r = audit_write_locked(a, "rotate", f.data, 1);
	om_buf_free(&f);
	free(archive);
	audit_unlock(a);
	return (r);
}

/* archive_time - the rotation time in an archive's name, or -1 */
static time_t
archive_time(const char *base, const char *name)
{
	size_t  bl = strlen(base);
	struct tm tm;
	const char *s;
	char   *end;

	if (strncmp(name, base, bl) != 0 || name[bl] != '.')
		return (-1);
	s = name + bl + 1;
	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y%m%dT%H%M%SZ", &tm);
	if (end == NULL || (*end != 0 && *end != '-'))
		return (-1);
	return (timegm(&tm));
}

/* om_audit_prune - remove archives older than the retention; log it */
int
om_audit_prune(om_audit *a, time_t now, unsigned long retention_s)
{
	char   *dir, *base, *slash;
	om_buf  removed, f;
	DIR    *dp;
	struct dirent *de;
	int     n = 0, scanned = 0, r = 0;

	if ((dir = strdup(a->path)) == NULL)
		om_panic("out of memory");
	slash = strrchr(dir, '/');
	if (slash == NULL) {
		base = a->path;
		free(dir);
		dir = strdup(".");
		if (dir == NULL)
			om_panic("out of memory");
	} else {
		*slash = 0;
		base = strrchr(a->path, '/') + 1;
		if (*dir == 0) {
			free(dir);
			dir = strdup("/");
		}
	}
	if ((dp = opendir(dir)) == NULL) {
		r = audit_fail("%s: %s", dir, strerror(errno));
		free(dir);
		return (r);
	}
	om_buf_init(&removed, 0);
	while ((de = readdir(dp)) != NULL && scanned++ < AUDIT_ARCHIVES) {
		time_t  t = archive_time(base, de->d_name);
		char   *full;

		if (t < 0 || (unsigned long) (now - t) <= retention_s || now < t)
			continue;
		if (asprintf(&full, "%s/%s", dir, de->d_name) < 0)
			om_panic("out of memory");
		if (unlink(full) == 0) {
			if (n++)
				om_buf_putc(&removed, ',');
			om_json_str(&removed, de->d_name);
		} else
			om_warn("%s: %s", full, strerror(errno));
		free(full);
	}
	closedir(dp);
	free(dir);
	if (n > 0) {
		om_buf_init(&f, 0);
		om_buf_printf(&f, ",\"retention_seconds\":%lu,\"removed\":[%s]", retention_s, removed.data);
		r = audit_append(a, "prune", f.data);
		om_buf_free(&f);
	}
	om_buf_free(&removed);
	return (r < 0 ? -1 : n);
}

/* om_audit_close - release everything */
void
om_audit_close(om_audit *a)
{
	if (a == NULL)
		return;
	if (a->fd >= 0) {
		if (a->fsync_each)
			(void) fsync(a->fd);
		close(a->fd);
	}
	if (a->lock_fd >= 0)
		close(a->lock_fd);
	if (a->state_fd >= 0)
		close(a->state_fd);
	free(a->state_path);
	OPENSSL_cleanse(a->key, sizeof(a->key));
	OPENSSL_cleanse(a->pkey, sizeof(a->pkey));
	pthread_mutex_destroy(&a->lock);
	pthread_mutex_destroy(&a->sync_lock);
	pthread_cond_destroy(&a->sync_cond);
	free(a->path);
	free(a->lock_path);
	free(a->rules_version);
	free(a);
}

/* om_audit_tamper_name - word for a problem kind */
const char *
om_audit_tamper_name(om_audit_tamper kind)
{
	static const char *names[] = {"ok", "edited", "deleted", "inserted", "reordered",
	"truncated", "malformed", "broken-link", "state"};

	return ((unsigned) kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "?");
}

/* What verification carries from record to record and file to file. */
typedef struct vctx {
	const unsigned char *key;
	char	prev[OM_AUDIT_MAC_HEX + 1];
	unsigned long seq;
	int	begun;			/* the first record has been checked */
	char	pred[256];		/* the first file continues this archive */
	const char *pred_file;		/* ... said in this file */
	int	pred_pruned;		/* a prune record names it */
	int	have_state;
	unsigned long state_seq;
	char	state_mac[OM_AUDIT_MAC_HEX + 1];
	int	state_match;		/* 1 record state_seq has its MAC, -1 not */
	const char *last_file;
	unsigned long last_line;
} vctx;

/* One line of a file under verification. */
typedef struct vrec {
	unsigned long line;
	unsigned long seq;
	int	macok;
	int	parsed;
	int	is_rotate;
	int	is_start;
	int	is_gap;
	char   *pruned;			/* prune: "/NAME//NAME/" */
	char	prev_file[256];		/* rotate */
	char	gap[200];		/* gap: what the writer found */
	char	prev[OM_AUDIT_MAC_HEX + 1];
	char	mac[OM_AUDIT_MAC_HEX + 1];
} vrec;

/* vrec_types - what the type of a record tells verification */
static void
vrec_types(JsonObject *o, const char *type, vrec *v)
{
	JsonNode *n;

	v->is_rotate = strcmp(type, "rotate") == 0;
	v->is_start = strcmp(type, "start") == 0;
	v->is_gap = strcmp(type, "gap") == 0;
	if (v->is_rotate && (n = json_object_get_member(o, "prev_file")) != NULL && JSON_NODE_HOLDS_VALUE(n)
	    && json_node_get_value_type(n) == G_TYPE_STRING)
		snprintf(v->prev_file, sizeof(v->prev_file), "%s", json_node_get_string(n));
	if (v->is_gap) {
		const char *why = json_object_has_member(o, "reason") ? json_object_get_string_member(o, "reason") : NULL;

		snprintf(v->gap, sizeof(v->gap), "the writer found records missing: %s (state file: record %ld; log: record %ld)",
			 why ? why : "?",
			 json_object_has_member(o, "state_seq") ? (long) json_object_get_int_member(o, "state_seq") : -1L,
			 json_object_has_member(o, "found_seq") ? (long) json_object_get_int_member(o, "found_seq") : -1L);
	}
	if (strcmp(type, "prune") == 0 && (n = json_object_get_member(o, "removed")) != NULL
	    && JSON_NODE_HOLDS_ARRAY(n)) {
		JsonArray *arr = json_node_get_array(n);
		om_buf  names;

		om_buf_init(&names, 0);
		for (unsigned i = 0; i < json_array_get_length(arr) && i < AUDIT_ARCHIVES; i++) {
			JsonNode *e = json_array_get_element(arr, i);

			if (JSON_NODE_HOLDS_VALUE(e) && json_node_get_value_type(e) == G_TYPE_STRING)
				om_buf_printf(&names, "/%s/", json_node_get_string(e));
		}
		if (names.data && (v->pruned = strdup(names.data)) == NULL)
			om_panic("out of memory");
		om_buf_free(&names);
	}
}

/* vrec_load - parse and MAC-check one line */
static void
vrec_load(const vctx *cx, char *line, size_t len, vrec *v)
{
	JsonParser *jp;
	JsonNode *root;
	JsonObject *o;
	char   *tag, mac[OM_AUDIT_MAC_HEX + 1];
	const char *s;

	v->parsed = v->macok = 0;
	jp = json_parser_new();
	if (!json_parser_load_from_data(jp, line, (gssize) len, NULL)
	    || (root = json_parser_get_root(jp)) == NULL || !JSON_NODE_HOLDS_OBJECT(root)) {
		g_object_unref(jp);
		return;
	}
	o = json_node_get_object(root);
	if (!json_object_has_member(o, "seq") || !json_object_has_member(o, "prev")
	    || !json_object_has_member(o, "mac") || !json_object_has_member(o, "type")
	    || (s = json_object_get_string_member(o, "prev")) == NULL || strlen(s) != OM_AUDIT_MAC_HEX) {
		g_object_unref(jp);
		return;
	}
	v->seq = (unsigned long) json_object_get_int_member(o, "seq");
	memcpy(v->prev, s, sizeof(v->prev));
	s = json_object_get_string_member(o, "mac");
	if (s == NULL || strlen(s) != OM_AUDIT_MAC_HEX) {
		g_object_unref(jp);
		return;
	}
	memcpy(v->mac, s, sizeof(v->mac));
	s = json_object_get_string_member(o, "type");
	vrec_types(o, s ? s : "", v);
	v->parsed = 1;
	g_object_unref(jp);
	/* The MAC covers the bytes before the last ",\"mac\":\"". */
	for (tag = NULL, s = line; (s = strstr(s, AUDIT_MAC_TAG)) != NULL; s++)
		tag = (char *) s;
	if (tag == NULL || strcmp(tag + strlen(AUDIT_MAC_TAG) + OM_AUDIT_MAC_HEX, "\"}") != 0)
		return;
	audit_mac(cx->key, line, (size_t) (tag - line), mac);
	v->macok = CRYPTO_memcmp(mac, v->mac, OM_AUDIT_MAC_HEX) == 0;
}

/* verify_fail - fill in the problem */
static int __attribute__((format(printf, 5, 6)))
verify_fail(om_audit_problem *p, om_audit_tamper kind, const char *file, unsigned long line, const char *fmt,...)
{
	va_list ap;

	p->kind = kind;
	snprintf(p->file, sizeof(p->file), "%s", file);
	p->line = line;
	va_start(ap, fmt);
	vsnprintf(p->text, sizeof(p->text), fmt, ap);
	va_end(ap);
	return (1);
}

/*
 * verify_begin - the first record of all: the log's own start record, or
 * a rotate record whose archive before it is accounted for (checked at
 * the end: a prune record must name it).
 */
static int
verify_begin(vctx *cx, const char *file, const vrec *c, om_audit_problem *p)
{
	cx->begun = 1;
	if (c->is_gap)
		return (verify_fail(p, OM_AUDIT_DELETED, file, c->line, "%s", c->gap));
	if (c->is_start) {
		if (c->seq != 1 || strcmp(c->prev, AUDIT_ZERO_MAC) != 0)
			return (verify_fail(p, OM_AUDIT_DELETED, file, c->line,
					    "a start record with seq %lu: the log before it is missing", c->seq));
		return (0);
	}
	if (c->is_rotate && c->prev_file[0]) {
		snprintf(cx->pred, sizeof(cx->pred), "%s", c->prev_file);
		cx->pred_file = file;
		return (0);
	}
	return (verify_fail(p, OM_AUDIT_DELETED, file, c->line,
			    "the log does not begin with its start record: record %lu is the first, the ones before it are missing", c->seq));
}

/* verify_file - the records of one file, following the chain in *cx */
static int
verify_file(vctx *cx, const char *file, int first_file, om_audit_problem *p)
{
	FILE   *fp = fopen(file, "r");
	vrec   *v = NULL;
	size_t  nv = 0, cap = 0;
	char   *line = NULL;
	size_t  lcap = 0;
	ssize_t n;
	unsigned long lineno = 0;
	int     r = 0, last_partial = 0;

	if (fp == NULL && errno == ENOENT)
		return (verify_fail(p, OM_AUDIT_DELETED, file, 0, "the file is missing"));
	if (fp == NULL)
		return (audit_fail("%s: %s", file, strerror(errno)));
	while ((n = getline(&line, &lcap, fp)) >= 0) {
		int     complete = n > 0 && line[n - 1] == '\n';

		lineno++;
		if ((size_t) n > AUDIT_LINE_MAX) {
			r = verify_fail(p, OM_AUDIT_MALFORMED, file, lineno, "record longer than %u bytes", AUDIT_LINE_MAX);
			goto done;
		}
		if (complete)
			line[--n] = 0;
		else
			last_partial = 1;
		if (nv == cap) {
			cap = cap ? 2 * cap : 256;
			if ((v = realloc(v, cap * sizeof(*v))) == NULL)
				om_panic("out of memory");
		}
		memset(v + nv, 0, sizeof(*v));
		v[nv].line = lineno;
		vrec_load(cx, line, (size_t) n, v + nv);
		nv++;
		if (!complete)
			break;
	}
	cx->last_file = file;
	cx->last_line = lineno;
	if (nv == 0 && !first_file) {
		r = verify_fail(p, OM_AUDIT_DELETED, file, 1, "the file is empty: a file started by rotation begins with a rotate record");
		goto done;
	}
	for (size_t i = 0; i < nv; i++) {
		vrec   *c = v + i;

		if (i == nv - 1 && (!c->parsed || last_partial)) {
			r = verify_fail(p, OM_AUDIT_TRUNCATED, file, c->line, "the last record is cut short");
			goto done;
		}
		if (!c->parsed) {
			r = verify_fail(p, OM_AUDIT_MALFORMED, file, c->line, "not an omamori record");
			goto done;
		}
		if (!c->macok) {
			/* A forged line whose successor still follows the chain was inserted. */
			if (i + 1 < nv && v[i + 1].macok && cx->begun && strcmp(v[i + 1].prev, cx->prev) == 0)
				r = verify_fail(p, OM_AUDIT_INSERTED, file, c->line, "record inserted (its MAC is not ours; the next record follows the one before it)");
			else
				r = verify_fail(p, OM_AUDIT_EDITED, file, c->line, "record edited (MAC does not match)");
			goto done;
		}
		if (!cx->begun) {
			if ((r = verify_begin(cx, file, c, p)) != 0)
				goto done;
		} else if (i == 0 && !first_file && (!c->is_rotate || strcmp(c->prev, cx->prev) != 0)) {
			r = verify_fail(p, OM_AUDIT_BROKEN_LINK, file, c->line, "this file does not continue the file before it");
			goto done;
		} else if (c->seq == cx->seq + 1 && strcmp(c->prev, cx->prev) == 0) {
			/* in order */
		} else if (c->seq <= cx->seq) {
			size_t  j;

			for (j = 0; j < i && strcmp(v[j].mac, c->mac) != 0; j++)
				continue;
			if (j < i)
				r = verify_fail(p, OM_AUDIT_INSERTED, file, c->line, "record inserted (a copy of line %lu)", v[j].line);
			else
				r = verify_fail(p, OM_AUDIT_REORDERED, file, c->line, "record %lu is out of order (expected %lu)", c->seq, cx->seq + 1);
			goto done;
		} else {
			size_t  j;

			for (j = i + 1; j < nv && v[j].seq != cx->seq + 1; j++)
				continue;
			if (j < nv)
				r = verify_fail(p, OM_AUDIT_REORDERED, file, c->line, "record %lu is out of order (record %lu comes later, at line %lu)", c->seq, cx->seq + 1, v[j].line);
			else
				r = verify_fail(p, OM_AUDIT_DELETED, file, c->line, "%lu record(s) deleted before this one", c->seq - cx->seq - 1);
			goto done;
		}
		if (c->is_gap) {
			r = verify_fail(p, OM_AUDIT_DELETED, file, c->line, "%s", c->gap);
			goto done;
		}
		if (c->pruned && cx->pred[0]) {
			char    want[sizeof(cx->pred) + 2];

			snprintf(want, sizeof(want), "/%s/", cx->pred);
			cx->pred_pruned |= strstr(c->pruned, want) != NULL;
		}
		if (cx->have_state && c->seq == cx->state_seq)
			cx->state_match = strcmp(c->mac, cx->state_mac) == 0 ? 1 : -1;
		cx->seq = c->seq;
		memcpy(cx->prev, c->mac, OM_AUDIT_MAC_HEX + 1);
		p->records++;
	}
done:
	for (size_t i = 0; i < nv; i++)
		free(v[i].pruned);
	free(line);
	free(v);
	fclose(fp);
	return (r);
}

/* verify_load_state - 0 loaded, 1 problem (see p), -1 error */
static int
verify_load_state(vctx *cx, const char *state_path, om_audit_problem *p)
{
	audit_state st;
	int     fd = open(state_path, O_RDONLY | O_CLOEXEC), r;

	if (fd < 0 && errno == ENOENT)
		return (verify_fail(p, OM_AUDIT_STATE, state_path, 0,
				    "no state file: records removed at the end of the log could not be seen"));
	if (fd < 0)
		return (audit_fail("%s: %s", state_path, strerror(errno)));
	r = state_read(fd, cx->key, &st);
	close(fd);
	if (r == 0)
		return (verify_fail(p, OM_AUDIT_STATE, state_path, 0,
				    "the state file is empty: records removed at the end of the log could not be seen"));
	if (r < 0)
		return (verify_fail(p, OM_AUDIT_STATE, state_path, 0, "the state file is not ours (edited, cut short or made with another key)"));
	cx->have_state = 1;
	cx->state_seq = st.seq;
	memcpy(cx->state_mac, st.mac, sizeof(cx->state_mac));
	return (0);
}

/* verify_end - what can only be judged once every file was read */
static int
verify_end(vctx *cx, om_audit_problem *p)
{
	if (cx->pred[0] && !cx->pred_pruned)
		return (verify_fail(p, OM_AUDIT_DELETED, cx->pred_file, 1,
				    "this file continues %s, which is neither verified before it nor named by a prune record", cx->pred));
	if (!cx->have_state)
		return (0);
	if (cx->state_seq > cx->seq)
		return (verify_fail(p, OM_AUDIT_DELETED, cx->last_file ? cx->last_file : "?", cx->last_line + 1,
				    "%lu record(s) missing at the end: the state file names record %lu, the log ends at %lu",
				    cx->state_seq - cx->seq, cx->state_seq, cx->seq));
	if (cx->state_match < 0)
		return (verify_fail(p, OM_AUDIT_STATE, cx->last_file ? cx->last_file : "?", 0,
				    "record %lu is not the one the state file names: the log was replaced", cx->state_seq));
	if (cx->state_match == 0)
		return (verify_fail(p, OM_AUDIT_STATE, cx->last_file ? cx->last_file : "?", 0,
				    "the state file names record %lu, which is not in the files verified", cx->state_seq));
	return (0);
}

/* om_audit_verify_state - 0 intact, 1 tampered (see prob), -1 error */
int
om_audit_verify_state(const char *const *files, size_t nfiles, const char *key_path, const char *state_path,
		      om_audit_problem *prob)
{
	unsigned char key[OM_AUDIT_KEY_LEN];
	vctx    cx;
	int     r = 0;

	memset(prob, 0, sizeof(*prob));
	memset(&cx, 0, sizeof(cx));
	memcpy(cx.prev, AUDIT_ZERO_MAC, sizeof(cx.prev));
	if (om_audit_load_key(key_path, 0, key) < 0)
		return (-1);
	cx.key = key;
	if (state_path != NULL)
		r = verify_load_state(&cx, state_path, prob);
	for (size_t i = 0; i < nfiles && r == 0; i++)
		r = verify_file(&cx, files[i], i == 0, prob);
	if (r == 0)
		r = verify_end(&cx, prob);
	OPENSSL_cleanse(key, sizeof(key));
	return (r);
}

/* om_audit_verify - the chain alone, without the state file */
int
om_audit_verify(const char *const *files, size_t nfiles, const char *key_path, om_audit_problem *prob)
{
	return (om_audit_verify_state(files, nfiles, key_path, NULL, prob));
}
