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
 *	line with one write(2) on an O_APPEND descriptor.
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

/* read_tail - seq and MAC of the last complete line; 0 none, 1 found, -1 error */
static int
read_tail(int fd, off_t size, unsigned long *seq, char mac[OM_AUDIT_MAC_HEX + 1], int *partial)
{
	size_t  want = 65536;
	char   *buf = NULL;

	*partial = 0;
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

/* audit_sync - under the lock: follow rotation and appends by others */
static int
audit_sync(om_audit *a)
{
	struct stat st, pst;
	int     partial = 0, r;

	if (stat(a->path, &pst) < 0 || pst.st_ino != a->ino) {
		int     fd = open(a->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);

		if (fd < 0)
			return (audit_fail("%s: %s", a->path, strerror(errno)));
		if (a->fd >= 0)
			close(a->fd);
		a->fd = fd;
		a->known_end = -1;
	}
	if (fstat(a->fd, &st) < 0)
		return (audit_fail("%s: %s", a->path, strerror(errno)));
	a->ino = st.st_ino;
	if (st.st_size == a->known_end)
		return (0);
	{
		int     rfd = open(a->path, O_RDONLY | O_CLOEXEC);

		if (rfd < 0)
			return (audit_fail("%s: %s", a->path, strerror(errno)));
		r = read_tail(rfd, st.st_size, &a->seq, a->last_mac, &partial);
		close(rfd);
	}
	if (r < 0)
		return (-1);
	if (r == 0) {
		a->seq = 0;
		memcpy(a->last_mac, AUDIT_ZERO_MAC, sizeof(a->last_mac));
	}
	if (partial) {
		/* A record cut short by a crash: end it so ours starts a line. */
		if (write(a->fd, "\n", 1) != 1)
			return (audit_fail("%s: %s", a->path, strerror(errno)));
		om_warn("%s: the last record was incomplete; it was closed with a newline", a->path);
	}
	a->known_end = (off_t) st.st_size + partial;
	return (r == 0 && st.st_size == 0 ? 1 : 0);
}

/*
 * audit_write_locked - prefix, fields, chain, MAC, one write; with flush,
 * also the fsync (audit_fsync = always). The record is part of the chain
 * once written, whether or not the fsync then succeeds.
 */
static int
audit_write_locked(om_audit *a, const char *type, const char *fields, int flush)
{
	char    ts[40], mac[OM_AUDIT_MAC_HEX + 1];
	om_buf  line;
	ssize_t n;
	struct stat st;

	now_iso(ts, sizeof(ts));
	om_buf_init(&line, 0);
	om_buf_printf(&line, "{\"v\":1,\"seq\":%lu,\"time\":\"%s\",\"type\":", a->seq + 1, ts);
	om_json_str(&line, type);
	om_buf_puts(&line, fields);
	om_buf_printf(&line, ",\"prev\":\"%s\"", a->last_mac);
	audit_mac(a->key, line.data, line.len, mac);
	om_buf_printf(&line, AUDIT_MAC_TAG "%s\"}\n", mac);
	n = write(a->fd, line.data, line.len);
	if (n != (ssize_t) line.len) {
		int     saved = errno;

		om_buf_free(&line);
		a->known_end = -1;
		return (audit_fail("%s: write: %s", a->path, n < 0 ? strerror(saved) : "short write"));
	}
	om_buf_free(&line);
	a->seq++;
	memcpy(a->last_mac, mac, sizeof(mac));
	if (fstat(a->fd, &st) == 0)
		a->known_end = st.st_size;
	if (flush && a->fsync_each && fsync(a->fd) < 0)
		return (audit_fail("%s: fsync: %s", a->path, strerror(errno)));
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
 * audit_append - one record of this type with these fields. The fsync
 * runs after the locks are released, on a duplicate of the descriptor:
 * the record's place in the chain is fixed by the write, and the milter's
 * threads would otherwise queue behind one another's disk flushes (several
 * milliseconds each). Concurrent fsyncs of one file share journal commits;
 * each caller still returns only once its own record is on disk.
 */
static int
audit_append(om_audit *a, const char *type, const char *fields)
{
	int     r, fresh, sync_fd = -1;

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
		r = audit_write_locked(a, type, fields, 0);
	if (r == 0 && a->fsync_each && (sync_fd = dup(a->fd)) < 0)
		r = audit_fail("%s: dup: %s", a->path, strerror(errno));
	audit_unlock(a);
	if (sync_fd >= 0) {
		if (fsync(sync_fd) < 0)
			r = audit_fail("%s: fsync: %s", a->path, strerror(errno));
		close(sync_fd);
	}
	return (r);
}

/* om_audit_open_path - the log without a configuration */
om_audit *
om_audit_open_path(const char *log_path, const char *key_path, int pseudonymise, int fsync_each)
{
	om_audit *a;

	if (log_path == NULL || *log_path == 0) {
		audit_fail("audit_log is not set");
		return (NULL);
	}
	if ((a = calloc(1, sizeof(*a))) == NULL)
		om_panic("out of memory");
	pthread_mutex_init(&a->lock, NULL);
	a->fd = a->lock_fd = -1;
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
	if (audit_lock(a) < 0)
		goto fail;
	if (audit_sync(a) == 1 && audit_write_locked(a, "start", ",\"engine\":\"omamori " PACKAGE_VERSION "\"", 1) < 0) {
		audit_unlock(a);
		goto fail;
	}
	if (a->fd < 0) {
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

/*
 * json_masked - a file name or place as JSON, long digit runs masked.
 * File names are kept (they are business data), but a number someone
 * typed into one ("見積_123456789018.pdf") must not reach the log: in
 * every run of 6 or more digits (with - or space between them) all but
 * the last 4 digits become '*'.
 */
static void
json_masked(om_buf *b, const char *s)
{
	char   *m;
	size_t  n;

	if (s == NULL) {
		om_json_str(b, NULL);
		return;
	}
	n = strlen(s);
	if ((m = strdup(s)) == NULL)
		om_panic("out of memory");
	for (size_t i = 0; i < n;) {
		size_t  j = i, digits = 0, seen = 0;

		if (!isdigit((unsigned char) m[i])) {
			i++;
			continue;
		}
		while (j < n && (isdigit((unsigned char) m[j])
				 || ((m[j] == '-' || m[j] == ' ') && j + 1 < n && isdigit((unsigned char) m[j + 1])))) {
			digits += isdigit((unsigned char) m[j]) != 0;
			j++;
		}
		if (digits >= 6)
			for (size_t k = i; k < j; k++)
				if (isdigit((unsigned char) m[k]) && ++seen <= digits - 4)
					m[k] = '*';
		i = j;
	}
	om_json_str(b, m);
	free(m);
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

/* om_audit_record - one message decision */
int
om_audit_record(om_audit *a, const om_result *res, const om_envelope *env)
{
	unsigned char rnd[8];
	char    id[17];
	om_buf  b;
	int     r, first;

	if (RAND_bytes(rnd, sizeof(rnd)) != 1)
		return (audit_fail("no random bytes for a record id"));
	hex_encode(rnd, sizeof(rnd), id);
	om_buf_init(&b, 0);
	om_buf_printf(&b, ",\"id\":\"%s\",\"queue_id\":", id);
	om_json_str(&b, env ? env->queue_id : NULL);
	om_buf_puts(&b, ",\"message_id\":");
	om_json_str(&b, res->msg ? res->msg->message_id : NULL);
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
		json_masked(&b, p->filename);
		om_buf_puts(&b, ",\"type\":");
		om_json_str(&b, p->content_type);
		om_buf_puts(&b, ",\"magic\":");
		om_json_str(&b, p->magic_type);
		om_buf_printf(&b, ",\"size\":%zu,\"encrypted\":", p->size);
		om_json_str(&b, attachment_encryption(res->msg, i));
		om_buf_putc(&b, '}');
	}
	om_buf_puts(&b, "],\"findings\":[");
	for (size_t i = 0; i < res->nfindings; i++) {
		const om_finding *f = res->findings + i;

		om_buf_puts(&b, i ? ",{\"category\":" : "{\"category\":");
		om_json_str(&b, f->category);
		om_buf_puts(&b, ",\"rule\":");
		om_json_str(&b, f->rule);
		om_buf_puts(&b, ",\"where\":");
		json_masked(&b, f->where);
		om_buf_printf(&b, ",\"count\":%u,\"sample\":", f->count);
		om_json_str(&b, f->sample);
		om_buf_puts(&b, ",\"action\":");
		om_json_str(&b, om_action_name(f->action));
		om_buf_putc(&b, '}');
	}
	om_buf_puts(&b, "],\"action\":");
	om_json_str(&b, om_action_name(res->action));
	om_buf_puts(&b, ",\"reply\":");
	om_json_str(&b, res->reply);
	om_buf_printf(&b, ",\"internal_error\":%s,\"rules\":", res->internal_error ? "true" : "false");
	pthread_mutex_lock(&a->lock);
	om_json_str(&b, a->rules_version ? a->rules_version : "omamori " PACKAGE_VERSION);
	pthread_mutex_unlock(&a->lock);
	r = audit_append(a, "decision", b.data);
	om_buf_free(&b);
	return (r);
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
		om_json_str(&b, value);
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

	if (strcmp(kind, "decision") == 0 || strcmp(kind, "start") == 0 || strcmp(kind, "rotate") == 0)
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
	struct tm tm;
	om_buf  f;
	int     fd, r;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	if (audit_lock(a) < 0)
		return (-1);
	if (audit_sync(a) < 0) {
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
	if (rename(a->path, archive) < 0) {
		r = audit_fail("rename %s %s: %s", a->path, archive, strerror(errno));
		free(archive);
		audit_unlock(a);
		return (r);
	}
	fd = open(a->path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
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
	OPENSSL_cleanse(a->key, sizeof(a->key));
	OPENSSL_cleanse(a->pkey, sizeof(a->pkey));
	pthread_mutex_destroy(&a->lock);
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
	"truncated", "malformed", "broken-link"};

	return ((unsigned) kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "?");
}

/* One line of a file under verification. */
typedef struct vrec {
	unsigned long line;
	unsigned long seq;
	int	macok;
	int	parsed;
	int	is_rotate;
	char	prev[OM_AUDIT_MAC_HEX + 1];
	char	mac[OM_AUDIT_MAC_HEX + 1];
} vrec;

/* vrec_load - parse and MAC-check one line */
static void
vrec_load(const unsigned char *key, char *line, size_t len, vrec *v)
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
	v->is_rotate = s && strcmp(s, "rotate") == 0;
	v->parsed = 1;
	g_object_unref(jp);
	/* The MAC covers the bytes before the last ",\"mac\":\"". */
	for (tag = NULL, s = line; (s = strstr(s, AUDIT_MAC_TAG)) != NULL; s++)
		tag = (char *) s;
	if (tag == NULL || strcmp(tag + strlen(AUDIT_MAC_TAG) + OM_AUDIT_MAC_HEX, "\"}") != 0)
		return;
	audit_mac(key, line, (size_t) (tag - line), mac);
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

/* verify_file - the records of one file, following the chain from *prev */
static int
verify_file(const unsigned char *key, const char *file, int first_file, char prev[OM_AUDIT_MAC_HEX + 1],
	    unsigned long *seq, om_audit_problem *p)
{
	FILE   *fp = fopen(file, "r");
	vrec   *v = NULL;
	size_t  nv = 0, cap = 0;
	char   *line = NULL;
	size_t  lcap = 0;
	ssize_t n;
	unsigned long lineno = 0;
	int     r = 0, have_prev = !first_file, last_partial = 0;

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
		vrec_load(key, line, (size_t) n, v + nv);
		nv++;
		if (!complete)
			break;
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
			if (i + 1 < nv && v[i + 1].macok && have_prev && strcmp(v[i + 1].prev, prev) == 0)
				r = verify_fail(p, OM_AUDIT_INSERTED, file, c->line, "record inserted (its MAC is not ours; the next record follows the one before it)");
			else
				r = verify_fail(p, OM_AUDIT_EDITED, file, c->line, "record edited (MAC does not match)");
			goto done;
		}
		if (!have_prev) {
			have_prev = 1;
		} else if (i == 0 && !first_file && (!c->is_rotate || strcmp(c->prev, prev) != 0)) {
			r = verify_fail(p, OM_AUDIT_BROKEN_LINK, file, c->line, "this file does not continue the file before it");
			goto done;
		} else if (c->seq == *seq + 1 && strcmp(c->prev, prev) == 0) {
			/* in order */
		} else if (c->seq <= *seq) {
			size_t  j;

			for (j = 0; j < i && strcmp(v[j].mac, c->mac) != 0; j++)
				continue;
			if (j < i)
				r = verify_fail(p, OM_AUDIT_INSERTED, file, c->line, "record inserted (a copy of line %lu)", v[j].line);
			else
				r = verify_fail(p, OM_AUDIT_REORDERED, file, c->line, "record %lu is out of order (expected %lu)", c->seq, *seq + 1);
			goto done;
		} else {
			size_t  j;

			for (j = i + 1; j < nv && v[j].seq != *seq + 1; j++)
				continue;
			if (j < nv)
				r = verify_fail(p, OM_AUDIT_REORDERED, file, c->line, "record %lu is out of order (record %lu comes later, at line %lu)", c->seq, *seq + 1, v[j].line);
			else
				r = verify_fail(p, OM_AUDIT_DELETED, file, c->line, "%lu record(s) deleted before this one", c->seq - *seq - 1);
			goto done;
		}
		*seq = c->seq;
		memcpy(prev, c->mac, OM_AUDIT_MAC_HEX + 1);
		p->records++;
	}
done:
	free(line);
	free(v);
	fclose(fp);
	return (r);
}

/* om_audit_verify - 0 intact, 1 tampered (see prob), -1 error */
int
om_audit_verify(const char *const *files, size_t nfiles, const char *key_path, om_audit_problem *prob)
{
	unsigned char key[OM_AUDIT_KEY_LEN];
	char    prev[OM_AUDIT_MAC_HEX + 1] = AUDIT_ZERO_MAC;
	unsigned long seq = 0;
	int     r = 0;

	memset(prob, 0, sizeof(*prob));
	if (om_audit_load_key(key_path, 0, key) < 0)
		return (-1);
	for (size_t i = 0; i < nfiles && r == 0; i++)
		r = verify_file(key, files[i], i == 0, prev, &seq, prob);
	OPENSSL_cleanse(key, sizeof(key));
	return (r);
}
