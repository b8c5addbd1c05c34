/*++
 * NAME
 *	om_state 3
 * SUMMARY
 *	registered domains and timed records, in SQLite or Redis
 * DESCRIPTION
 *	The store is named by the "state" setting:
 *
 *	sqlite:PATH
 *		A database file in WAL mode, so that readers (every
 *		message) never wait for the writer (delivered mail being
 *		learned, the admin tool). The file is made 0600, and its
 *		directory 0700 when it does not exist yet; made by root, it
 *		is given to the directory's owner (the service user). Opened read-only
 *		(omamori scan), a database that does not exist yet is an
 *		empty store: nothing is registered.
 *
 *	redis:HOST:PORT
 *		A Redis server shared by several gateways. Domains are one
 *		hash (omamori:domains, domain -> "SOURCE TIME"); a record is
 *		a hash omamori:rec:NS:KEY (v value, d due) with Redis's own
 *		expiry, and each namespace has a sorted set omamori:due:NS
 *		of the keys that have a due time.
 *
 *	Connections are not shared between threads: a call takes one
 *	from a small pool (or opens one) and gives it back. A Redis
 *	connection that broke is dropped; a call that failed on a pooled
 *	connection is tried once more on a new one, so that a restarted
 *	server costs no message a tempfail.
 *
 *	Expired records are dropped by Redis itself, and from SQLite a
 *	batch at a time every PURGE_EVERY writes of a connection.
 *
 *	Bounds: SQLite waits at most the timeout for a lock and a
 *	statement is interrupted when the timeout is spent; a Redis
 *	connect, each read and each write time out. Imports and listings
 *	are capped (IMPORT_MAX, LIST_MAX).
 *
 *	A registered domain covers its subdomains: example.co.jp covers
 *	mail.example.co.jp, never the other way round. Lookups stop at the
 *	public suffix (co.jp is never looked up), and a public suffix is
 *	never registered.
 *--*/
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <hiredis/hiredis.h>
#include <idn2.h>
#include <libpsl.h>
#include <sqlite3.h>

#include "om_log.h"
#include "om_state.h"

#define POOL_IDLE_MAX	16		/* idle connections kept */
#define LEVELS_MAX	16		/* parent domains looked up */
#define IMPORT_MAX	1000000		/* domains in one import file */
#define IMPORT_LINE_MAX	1024		/* longest line of an import file */
#define LIST_MAX	10000000L	/* domains or records listed */
#define SCAN_ROUNDS_MAX	100000		/* HSCAN round trips */
#define NS_MAX		64		/* longest namespace */
#define PURGE_EVERY	64		/* SQLite: puts between two purges */
#define ERR_MAX		300

#define RDS_DOMAINS	"omamori:domains"
#define RDS_REC		"omamori:rec:"
#define RDS_DUE		"omamori:due:"

typedef enum st_kind {
	ST_SQLITE,
	ST_REDIS,
} st_kind;

/* The SQL a connection keeps prepared. */
enum {
	Q_KNOWN, Q_ADD_LEARNED, Q_ADD_ADMIN, Q_REMOVE, Q_LIST,
	Q_PUT, Q_GET, Q_DEL, Q_DUE, Q_PURGE, Q_BEGIN, Q_COMMIT, Q_ROLLBACK, Q_COUNT
};

static const char *const sql_text[Q_COUNT] = {
	[Q_KNOWN] = "SELECT 1 FROM domains WHERE domain = ?1",
	[Q_ADD_LEARNED] = "INSERT OR IGNORE INTO domains (domain, source, added) VALUES (?1, ?2, ?3)",
	[Q_ADD_ADMIN] = "INSERT INTO domains (domain, source, added) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (domain) DO UPDATE SET source = excluded.source, added = excluded.added",
	[Q_REMOVE] = "DELETE FROM domains WHERE domain = ?1",
	[Q_LIST] = "SELECT domain, source, added FROM domains ORDER BY domain",
	[Q_PUT] = "INSERT INTO records (ns, key, value, due, expires) VALUES (?1, ?2, ?3, ?4, ?5) "
	"ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, due = excluded.due, "
	"expires = excluded.expires",
	[Q_GET] = "SELECT value, due, expires FROM records WHERE ns = ?1 AND key = ?2",
	[Q_DEL] = "DELETE FROM records WHERE ns = ?1 AND key = ?2",
	[Q_DUE] = "SELECT key, value, due FROM records WHERE ns = ?1 AND due > 0 AND due <= ?2 "
	"AND (expires = 0 OR expires > ?3) ORDER BY due, key LIMIT ?4",
	[Q_PURGE] = "DELETE FROM records WHERE rowid IN (SELECT rowid FROM records "
	"WHERE expires > 0 AND expires <= ?1 LIMIT 200)",
	[Q_BEGIN] = "BEGIN IMMEDIATE",
	[Q_COMMIT] = "COMMIT",
	[Q_ROLLBACK] = "ROLLBACK",
};

static const char schema[] =
"CREATE TABLE IF NOT EXISTS domains ("
"  domain TEXT PRIMARY KEY NOT NULL,"
"  source TEXT NOT NULL,"
"  added INTEGER NOT NULL);"
"CREATE TABLE IF NOT EXISTS records ("
"  ns TEXT NOT NULL,"
"  key TEXT NOT NULL,"
"  value BLOB NOT NULL,"
"  due INTEGER NOT NULL DEFAULT 0,"
"  expires INTEGER NOT NULL DEFAULT 0,"
"  PRIMARY KEY (ns, key));"
"CREATE INDEX IF NOT EXISTS records_due ON records (ns, due);"
"CREATE INDEX IF NOT EXISTS records_expires ON records (expires) WHERE expires > 0;";

typedef struct st_conn {
	struct st_conn *next;
	sqlite3 *db;
	sqlite3_stmt *q[Q_COUNT];
	redisContext *rc;
	int	broken;			/* drop it, do not pool it */
	unsigned puts;			/* SQLite: records written */
	struct timespec deadline;	/* of the statement running */
} st_conn;

struct om_state {
	st_kind kind;
	char   *name;			/* the spec, for messages */
	char   *path;			/* sqlite */
	char   *host;			/* redis */
	int	port;
	unsigned flags;
	unsigned timeout_ms;
	int	missing;		/* read-only, no database yet: empty */
	pthread_mutex_t lock;
	st_conn *idle;
	unsigned nidle;
};

static __thread char st_err[ERR_MAX];

/* st_error - the calling thread's last failure */
static void __attribute__((format(printf, 1, 2)))
st_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(st_err, sizeof(st_err), fmt, ap);
	va_end(ap);
}

/* om_state_error - what went wrong last in this thread */
const char *
om_state_error(void)
{
	return (st_err[0] ? st_err : "no error");
}

/* om_domain_source_name - "learned" or "admin" */
const char *
om_domain_source_name(om_domain_source source)
{
	return (source == OM_DOMAIN_ADMIN ? "admin" : "learned");
}

/* source_parse - the word back to the source */
static om_domain_source
source_parse(const char *s, size_t n)
{
	return (n == 5 && strncmp(s, "admin", 5) == 0 ? OM_DOMAIN_ADMIN : OM_DOMAIN_LEARNED);
}

/* ---------------------------------------------------------------- names */

static pthread_once_t psl_once = PTHREAD_ONCE_INIT;
static const psl_ctx_t *psl;

/* psl_init - the system's Public Suffix List, else libpsl's own */
static void
psl_init(void)
{
	psl = psl_latest(NULL);
	if (psl == NULL)
		psl = psl_builtin();
}

/* public_suffix - co.jp, com, a single label: nobody's domain */
static int
public_suffix(const char *d)
{
	pthread_once(&psl_once, psl_init);
	if (strchr(d, '.') == NULL)
		return (1);
	return (psl ? psl_is_public_suffix(psl, d) : 0);
}

/* om_state_domain_norm - lower-case A-label form of a domain; -1 if it is none */
int
om_state_domain_norm(const char *in, char *out, size_t outsize)
{
	char   *ace = NULL;
	const char *s = in;
	size_t  n, label = 0;

	if (in == NULL)
		return (-1);
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '@')
		s++;
	for (const char *p = s; *p; p++)
		if ((unsigned char) *p >= 0x80) {
			if (idn2_to_ascii_8z(s, &ace, IDN2_NONTRANSITIONAL) != IDN2_OK
			    && idn2_to_ascii_8z(s, &ace, IDN2_TRANSITIONAL) != IDN2_OK)
				return (-1);
			s = ace;
			break;
		}
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n > OM_STATE_DOMAIN_MAX || n >= outsize) {
		idn2_free(ace);
		return (-1);
	}
	for (size_t i = 0; i < n; i++) {
		int     c = tolower((unsigned char) s[i]);

		if (c == '.') {
			if (label == 0 || out[i - 1] == '-') {
				idn2_free(ace);
				return (-1);
			}
			label = 0;
		} else if (isalnum(c) || c == '-') {
			if ((label == 0 && c == '-') || ++label > 63) {
				idn2_free(ace);
				return (-1);
			}
		} else {
			idn2_free(ace);
			return (-1);
		}
		out[i] = (char) c;
	}
	out[n] = 0;
	idn2_free(ace);
	if (out[n - 1] == '-' || strchr(out, '.') == NULL)
		return (-1);
	return (0);
}

/* levels - the domain and its parents above the public suffix; how many */
static size_t
levels(const char *d, const char **v, size_t max)
{
	size_t  n = 0;

	while (d && *d && n < max && !public_suffix(d)) {
		v[n++] = d;
		d = strchr(d, '.');
		if (d)
			d++;
	}
	return (n);
}

/* norm_arg - a domain argument, normalised, or -1 with the reason */
static int
norm_arg(const char *in, char *out, size_t outsize)
{
	if (om_state_domain_norm(in, out, outsize) < 0) {
		st_error("\"%.100s\" is not a domain name", in ? in : "");
		return (-1);
	}
	return (0);
}

/* ns_ok - a namespace: [a-z0-9_.-], short */
static int
ns_ok(const char *ns)
{
	size_t  n = ns ? strlen(ns) : 0;

	if (n == 0 || n > NS_MAX || strspn(ns, "abcdefghijklmnopqrstuvwxyz0123456789_.-") != n) {
		st_error("\"%.80s\" is not a record namespace", ns ? ns : "");
		return (0);
	}
	return (1);
}

/* key_ok - a record key: not empty, not too long */
static int
key_ok(const char *key)
{
	size_t  n = key ? strlen(key) : 0;

	if (n == 0 || n > OM_STATE_KEY_MAX) {
		st_error("record key is empty or longer than %d bytes", OM_STATE_KEY_MAX);
		return (0);
	}
	return (1);
}

/* ---------------------------------------------------------------- spec */

/* spec_parse - "sqlite:PATH" or "redis:HOST:PORT" into st; -1 with why */
static int
spec_parse(const char *spec, om_state *st, char *why, size_t whylen)
{
	if (strncmp(spec, "sqlite:", 7) == 0) {
		if (spec[7] != '/') {
			snprintf(why, whylen, "\"%s\": sqlite: needs an absolute path", spec);
			return (-1);
		}
		if (st) {
			st->kind = ST_SQLITE;
			st->path = om_xstrdup(spec + 7);
		}
		return (0);
	}
	if (strncmp(spec, "redis:", 6) == 0) {
		const char *h = spec + 6, *he, *colon;
		char   *end;
		long    port;

		if (*h == '[') {
			if ((he = strchr(h, ']')) == NULL || he[1] != ':')
				goto bad_redis;
			colon = he + 1;
			h++;
		} else {
			if ((colon = strrchr(h, ':')) == NULL)
				goto bad_redis;
			he = colon;
		}
		if (he == h || (size_t) (he - h) > 255)
			goto bad_redis;
		errno = 0;
		port = strtol(colon + 1, &end, 10);
		if (errno || *end || end == colon + 1 || port < 1 || port > 65535)
			goto bad_redis;
		if (st) {
			st->kind = ST_REDIS;
			st->host = strndup(h, (size_t) (he - h));
			if (st->host == NULL)
				om_panic("out of memory");
			st->port = (int) port;
		}
		return (0);
bad_redis:
		snprintf(why, whylen, "\"%s\" is not redis:HOST:PORT", spec);
		return (-1);
	}
	snprintf(why, whylen, "\"%s\" is not sqlite:PATH or redis:HOST:PORT", spec);
	return (-1);
}

/* om_state_spec_check - is spec a store name (the configuration's question) */
int
om_state_spec_check(const char *spec, char *why, size_t whylen)
{
	return (spec_parse(spec, NULL, why, whylen));
}

/* ---------------------------------------------------------------- connections */

/* deadline_set - the current statement's end */
static void
deadline_set(const om_state *st, st_conn *c)
{
	clock_gettime(CLOCK_MONOTONIC, &c->deadline);
	c->deadline.tv_sec += st->timeout_ms / 1000;
	c->deadline.tv_nsec += (long) (st->timeout_ms % 1000) * 1000000L;
	if (c->deadline.tv_nsec >= 1000000000L) {
		c->deadline.tv_sec++;
		c->deadline.tv_nsec -= 1000000000L;
	}
}

/* sql_progress - interrupt a statement that has run past its deadline */
static int
sql_progress(void *arg)
{
	const st_conn *c = arg;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec > c->deadline.tv_sec
		|| (now.tv_sec == c->deadline.tv_sec && now.tv_nsec > c->deadline.tv_nsec));
}

/* conn_free - close one connection */
static void
conn_free(st_conn *c)
{
	if (c == NULL)
		return;
	for (int i = 0; i < Q_COUNT; i++)
		if (c->q[i])
			sqlite3_finalize(c->q[i]);
	if (c->db)
		sqlite3_close_v2(c->db);
	if (c->rc)
		redisFree(c->rc);
	free(c);
}

/* sql_fail - record a SQLite error; -1 */
static int
sql_fail(const om_state *st, st_conn *c, const char *what)
{
	st_error("%s: %s: %s", st->name, what, c->db ? sqlite3_errmsg(c->db) : "no connection");
	return (-1);
}

/* make_dir - the database's directory, 0700, when it does not exist */
static int
make_dir(const char *path)
{
	char    dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat sb;

	if (slash == NULL || slash == path)
		return (0);
	if ((size_t) (slash - path) >= sizeof(dir))
		return (-1);
	memcpy(dir, path, (size_t) (slash - path));
	dir[slash - path] = 0;
	if (stat(dir, &sb) == 0)
		return (0);
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		st_error("cannot make directory %s: %s", dir, strerror(errno));
		return (-1);
	}
	return (0);
}

/*
 * give_to_dir_owner - root (omamori domains add) makes the database for
 * the daemon: a new file belongs to the owner of its directory, so that
 * the service user can still write it. SQLite itself gives the -wal and
 * -shm files the database file's owner when it runs as root.
 */
static void
give_to_dir_owner(const char *path, int fd)
{
	char    dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat dsb, fsb;

	if (geteuid() != 0 || slash == NULL || (size_t) (slash - path) >= sizeof(dir))
		return;
	memcpy(dir, path, (size_t) (slash - path));
	dir[slash > path ? slash - path : 1] = 0;
	if (slash == path)
		dir[0] = '/';
	if (stat(dir, &dsb) < 0 || fstat(fd, &fsb) < 0 || fsb.st_size != 0)
		return;
	if ((fsb.st_uid != dsb.st_uid || fsb.st_gid != dsb.st_gid)
	    && fchown(fd, dsb.st_uid, dsb.st_gid) < 0)
		om_warn("%s: cannot give it to the owner of %s: %s", path, dir, strerror(errno));
}

/* sql_connect - open the database (made on first use unless read-only) */
static st_conn *
sql_connect(om_state *st, int first)
{
	st_conn *c = calloc(1, sizeof(*c));
	int     ro = (st->flags & OM_STATE_READONLY) != 0;
	int     fl = (ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
	char   *msg = NULL;

	if (c == NULL)
		om_panic("out of memory");
	if (!ro && first) {
		int     fd;

		/* Made here, so that it is 0600 (SQLite's -wal and -shm copy its mode). */
		if (make_dir(st->path) < 0)
			goto fail_early;
		if ((fd = open(st->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)) < 0) {
			st_error("cannot open %s: %s", st->path, strerror(errno));
			goto fail_early;
		}
		give_to_dir_owner(st->path, fd);
		(void) close(fd);
	}
	if (sqlite3_open_v2(st->path, &c->db, fl, NULL) != SQLITE_OK) {
		(void) sql_fail(st, c, "open");
		goto fail;
	}
	sqlite3_busy_timeout(c->db, (int) st->timeout_ms);
	sqlite3_progress_handler(c->db, 1000, sql_progress, c);
	deadline_set(st, c);
	if (!ro && first) {
		if (sqlite3_exec(c->db, "PRAGMA journal_mode = WAL", NULL, NULL, &msg) != SQLITE_OK
		    || sqlite3_exec(c->db, schema, NULL, NULL, &msg) != SQLITE_OK) {
			st_error("%s: %s", st->name, msg ? msg : sqlite3_errmsg(c->db));
			sqlite3_free(msg);
			goto fail;
		}
	}
	if (!ro && sqlite3_exec(c->db, "PRAGMA synchronous = NORMAL", NULL, NULL, &msg) != SQLITE_OK) {
		st_error("%s: %s", st->name, msg ? msg : sqlite3_errmsg(c->db));
		sqlite3_free(msg);
		goto fail;
	}
	return (c);

fail_early:
fail:
	conn_free(c);
	return (NULL);
}

/* rds_connect - connect to Redis with both timeouts set */
static st_conn *
rds_connect(om_state *st)
{
	st_conn *c = calloc(1, sizeof(*c));
	struct timeval tv;

	if (c == NULL)
		om_panic("out of memory");
	tv.tv_sec = st->timeout_ms / 1000;
	tv.tv_usec = (suseconds_t) (st->timeout_ms % 1000) * 1000;
	c->rc = redisConnectWithTimeout(st->host, st->port, tv);
	if (c->rc == NULL || c->rc->err) {
		st_error("%s: cannot connect: %s", st->name, c->rc ? c->rc->errstr : "out of memory");
		conn_free(c);
		return (NULL);
	}
	if (redisSetTimeout(c->rc, tv) != REDIS_OK) {
		st_error("%s: cannot set the timeout", st->name);
		conn_free(c);
		return (NULL);
	}
	return (c);
}

/* conn_get - a connection of our own; *reused when it came from the pool */
static st_conn *
conn_get(om_state *st, int *reused)
{
	st_conn *c;

	pthread_mutex_lock(&st->lock);
	if ((c = st->idle) != NULL) {
		st->idle = c->next;
		st->nidle--;
	}
	pthread_mutex_unlock(&st->lock);
	*reused = (c != NULL);
	if (c == NULL)
		c = st->kind == ST_SQLITE ? sql_connect(st, 0) : rds_connect(st);
	if (c) {
		c->next = NULL;
		c->broken = 0;
		deadline_set(st, c);
	}
	return (c);
}

/* conn_put - back to the pool, or closed when broken or the pool is full */
static void
conn_put(om_state *st, st_conn *c)
{
	if (c->broken || (c->rc && c->rc->err)) {
		conn_free(c);
		return;
	}
	pthread_mutex_lock(&st->lock);
	if (st->nidle < POOL_IDLE_MAX) {
		c->next = st->idle;
		st->idle = c;
		st->nidle++;
		c = NULL;
	}
	pthread_mutex_unlock(&st->lock);
	conn_free(c);
}

/* stmt - a prepared statement of c, reset and unbound */
static sqlite3_stmt *
stmt(const om_state *st, st_conn *c, int q)
{
	if (c->q[q] == NULL) {
		if (sqlite3_prepare_v2(c->db, sql_text[q], -1, &c->q[q], NULL) != SQLITE_OK) {
			(void) sql_fail(st, c, "prepare");
			c->q[q] = NULL;
			return (NULL);
		}
	}
	sqlite3_reset(c->q[q]);
	sqlite3_clear_bindings(c->q[q]);
	return (c->q[q]);
}

/* sql_done - step a statement that returns no rows; -1 on error */
static int
sql_done(const om_state *st, st_conn *c, sqlite3_stmt *s, const char *what)
{
	int     rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return (sql_fail(st, c, what));
	return (0);
}

/* rds_reply - one command's reply, or NULL (error recorded, c marked broken on I/O) */
static redisReply *
rds_reply(const om_state *st, st_conn *c, redisReply *r, const char *what)
{
	if (r == NULL) {
		st_error("%s: %s: %s", st->name, what, c->rc->errstr[0] ? c->rc->errstr : "no answer");
		c->broken = 1;
		return (NULL);
	}
	if (r->type == REDIS_REPLY_ERROR) {
		st_error("%s: %s: %.*s", st->name, what, (int) r->len, r->str);
		freeReplyObject(r);
		return (NULL);
	}
	return (r);
}

/* rds_argv - one command from an argument vector */
static redisReply *
rds_argv(const om_state *st, st_conn *c, const char *what, int argc, const char **argv,
	 const size_t *lens)
{
	return (rds_reply(st, c, redisCommandArgv(c->rc, argc, argv, lens), what));
}

/* rds_pipeline - read n queued replies; -1 if any failed (all are read or the link is dropped) */
static int
rds_pipeline(const om_state *st, st_conn *c, int n, redisReply **out, const char *what)
{
	int     bad = 0;

	for (int i = 0; i < n; i++) {
		void   *r = NULL;

		if (redisGetReply(c->rc, &r) != REDIS_OK) {
			st_error("%s: %s: %s", st->name, what, c->rc->errstr[0] ? c->rc->errstr : "no answer");
			c->broken = 1;
			return (-1);
		}
		if (rds_reply(st, c, r, what) == NULL)
			bad = 1;
		else if (out)
			out[i] = r;
		else
			freeReplyObject(r);
	}
	return (bad ? -1 : 0);
}

/*
 * One operation: a SQLite and a Redis half, run on a connection of our
 * own; tried once more on a new connection when a pooled one broke.
 */
typedef long (*st_op) (om_state *st, st_conn *c, void *arg);

/* run - an operation with bounded retry */
static long
run(om_state *st, st_op sql, st_op rds, void *arg)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		int     reused;
		st_conn *c = conn_get(st, &reused);
		long    rv;
		int     broken;

		if (c == NULL)
			return (-1);
		rv = st->kind == ST_SQLITE ? sql(st, c, arg) : rds(st, c, arg);
		broken = c->broken || (c->rc && c->rc->err);
		conn_put(st, c);
		if (rv >= 0 || !broken || !reused)
			return (rv);
	}
	return (-1);
}

/* ---------------------------------------------------------------- open, close */

/* om_state_open - a handle on the store named by spec; NULL with err */
om_state *
om_state_open(const char *spec, unsigned flags, unsigned timeout_ms, char *err, size_t errlen)
{
	om_state *st = calloc(1, sizeof(*st));
	st_conn *c = NULL;

	if (st == NULL)
		om_panic("out of memory");
	st->name = om_xstrdup(spec);
	st->flags = flags;
	st->timeout_ms = timeout_ms ? timeout_ms : 1000;
	pthread_mutex_init(&st->lock, NULL);
	if (spec_parse(spec, st, err, errlen) < 0) {
		om_state_close(st);
		return (NULL);
	}
	if (st->kind == ST_SQLITE) {
		if ((flags & OM_STATE_READONLY) && access(st->path, F_OK) < 0 && errno == ENOENT) {
			st->missing = 1;
			return (st);
		}
		/* Made and checked now: a bad path stops a start, not a message. */
		if ((c = sql_connect(st, 1)) == NULL) {
			snprintf(err, errlen, "state %s", om_state_error());
			om_state_close(st);
			return (NULL);
		}
		conn_put(st, c);
		return (st);
	}

	/*
	 * A shared server that is down now may be back for the next
	 * message; until then each lookup fails and error_action applies.
	 */
	if ((c = rds_connect(st)) == NULL)
		om_warn("state %s; mail to outside domains gets error_action until it answers",
			om_state_error());
	else
		conn_put(st, c);
	return (st);
}

/* om_state_close - close every connection and free the handle */
void
om_state_close(om_state *st)
{
	if (st == NULL)
		return;
	while (st->idle) {
		st_conn *c = st->idle;

		st->idle = c->next;
		conn_free(c);
	}
	pthread_mutex_destroy(&st->lock);
	free(st->name);
	free(st->path);
	free(st->host);
	free(st);
}

/* om_state_name - the store as configured */
const char *
om_state_name(const om_state *st)
{
	return (st->name);
}

/* writable - a write is allowed; -1 with the reason otherwise */
static int
writable(const om_state *st)
{
	if (st->flags & OM_STATE_READONLY) {
		st_error("%s: opened read-only", st->name);
		return (-1);
	}
	return (0);
}

/* ---------------------------------------------------------------- domains */

typedef struct dom_arg {
	const char *v[LEVELS_MAX];
	size_t	n;
	const char *domain;
	om_domain_source source;
	time_t	when;
	om_state_domain_fn fn;
	void   *ctx;
	/* import */
	char  **list;
	size_t	nlist;
} dom_arg;

/* sql_known - any of the levels registered */
static long
sql_known(om_state *st, st_conn *c, void *arg)
{
	dom_arg *a = arg;

	for (size_t i = 0; i < a->n; i++) {
		sqlite3_stmt *s = stmt(st, c, Q_KNOWN);
		int     rc;

		if (s == NULL)
			return (-1);
		sqlite3_bind_text(s, 1, a->v[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc == SQLITE_ROW)
			return (1);
		if (rc != SQLITE_DONE)
			return (sql_fail(st, c, "lookup"));
	}
	return (0);
}

/* rds_known - HMGET of every level at once */
static long
rds_known(om_state *st, st_conn *c, void *arg)
{
	dom_arg *a = arg;
	const char *argv[LEVELS_MAX + 2];
	redisReply *r;
	long    found = 0;

	argv[0] = "HMGET";
	argv[1] = RDS_DOMAINS;
	for (size_t i = 0; i < a->n; i++)
		argv[i + 2] = a->v[i];
	if ((r = rds_argv(st, c, "lookup", (int) a->n + 2, argv, NULL)) == NULL)
		return (-1);
	if (r->type != REDIS_REPLY_ARRAY) {
		freeReplyObject(r);
		st_error("%s: lookup: unexpected reply", st->name);
		return (-1);
	}
	for (size_t i = 0; i < r->elements; i++)
		if (r->element[i]->type == REDIS_REPLY_STRING)
			found = 1;
	freeReplyObject(r);
	return (found);
}

/* om_state_domain_known - domain or a parent of it is registered */
int
om_state_domain_known(om_state *st, const char *domain)
{
	char    d[OM_STATE_DOMAIN_MAX + 1];
	dom_arg a;

	if (norm_arg(domain, d, sizeof(d)) < 0)
		return (-1);
	memset(&a, 0, sizeof(a));
	a.n = levels(d, a.v, LEVELS_MAX);
	if (a.n == 0 || st->missing)
		return (0);
	return ((int) run(st, sql_known, rds_known, &a));
}

/* sql_add - insert one (learned: only when absent) */
static long
sql_add(om_state *st, st_conn *c, void *arg)
{
	dom_arg *a = arg;
	sqlite3_stmt *s = stmt(st, c, a->source == OM_DOMAIN_ADMIN ? Q_ADD_ADMIN : Q_ADD_LEARNED);

	if (s == NULL)
		return (-1);
	sqlite3_bind_text(s, 1, a->domain, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, om_domain_source_name(a->source), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64) a->when);
	return (sql_done(st, c, s, "add"));
}

/* rds_add - HSETNX for learned, HSET for admin */
static long
rds_add(om_state *st, st_conn *c, void *arg)
{
	dom_arg *a = arg;
	redisReply *r;
	char    val[40];

	snprintf(val, sizeof(val), "%s %lld", om_domain_source_name(a->source), (long long) a->when);
	r = redisCommand(c->rc, "%s " RDS_DOMAINS " %s %s",
			 a->source == OM_DOMAIN_ADMIN ? "HSET" : "HSETNX", a->domain, val);
	if ((r = rds_reply(st, c, r, "add")) == NULL)
		return (-1);
	freeReplyObject(r);
	return (0);
}

/* registrable - a normalised domain that is no public suffix; -1 otherwise */
static int
registrable(const char *in, char *d, size_t dsize)
{
	if (norm_arg(in, d, dsize) < 0)
		return (-1);
	if (public_suffix(d)) {
		st_error("%s is a public suffix, not one organisation's domain", d);
		return (-1);
	}
	return (0);
}

/* om_state_domain_registrable - could this be registered at all */
int
om_state_domain_registrable(const char *domain)
{
	char    d[OM_STATE_DOMAIN_MAX + 1];

	return (registrable(domain, d, sizeof(d)) == 0);
}

/* om_state_domain_add - register a domain (learned: first sight kept; admin: set) */
int
om_state_domain_add(om_state *st, const char *domain, om_domain_source source, time_t when)
{
	char    d[OM_STATE_DOMAIN_MAX + 1];
	dom_arg a;

	if (writable(st) < 0 || registrable(domain, d, sizeof(d)) < 0)
		return (-1);
	memset(&a, 0, sizeof(a));
	a.domain = d;
	a.source = source;
	a.when = when;
	return ((int) run(st, sql_add, rds_add, &a));
}

/* sql_remove - delete one; 1 if it was there */
static long
sql_remove(om_state *st, st_conn *c, void *arg)
{
	dom_arg *a = arg;
	sqlite3_stmt *s = stmt(st, c, Q_REMOVE);

	if (s == NULL)
		return (-1);
	sqlite3_bind_text(s, 1, a->domain, -1, SQLITE_STATIC);
	if (sql_done(st, c, s, "remove") < 0)
		return (-1);
	return (sqlite3_changes(c->db) > 0);
}

/* rds_remove - HDEL */
static long
rds_remove(om_state *st, st_conn *c, void *arg)
{
	dom_arg *a = arg;
	redisReply *r = redisCommand(c->rc, "HDEL " RDS_DOMAINS " %s", a->domain);
	long    n;

	if ((r = rds_reply(st, c, r, "remove")) == NULL)
		return (-1);
	n = r->type == REDIS_REPLY_INTEGER && r->integer > 0;
	freeReplyObject(r);
	return (n);
}

/* om_state_domain_remove - forget a domain (exactly that name); 1 if it was registered */
int
om_state_domain_remove(om_state *st, const char *domain)
{
	char    d[OM_STATE_DOMAIN_MAX + 1];
	dom_arg a;

	if (writable(st) < 0 || norm_arg(domain, d, sizeof(d)) < 0)
		return (-1);
	memset(&a, 0, sizeof(a));
	a.domain = d;
	return ((int) run(st, sql_remove, rds_remove, &a));
}

/* sql_list - every registered domain, sorted */
static long
sql_list(om_state *st, st_conn *c, void *arg)
{
	dom_arg *a = arg;
	sqlite3_stmt *s = stmt(st, c, Q_LIST);
	long    n = 0;
	int     rc = SQLITE_DONE;

	if (s == NULL)
		return (-1);
	while (n < LIST_MAX && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *d = (const char *) sqlite3_column_text(s, 0);
		const char *src = (const char *) sqlite3_column_text(s, 1);

		n++;
		if (d && a->fn(d, source_parse(src ? src : "", src ? strlen(src) : 0),
			       (time_t) sqlite3_column_int64(s, 2), a->ctx) < 0)
			break;
	}
	if (n < LIST_MAX && rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_reset(s);
		return (sql_fail(st, c, "list"));
	}
	sqlite3_reset(s);
	return (n);
}

/* rds_list - HSCAN through the hash (unordered) */
static long
rds_list(om_state *st, st_conn *c, void *arg)
{
	dom_arg *a = arg;
	char    cursor[32] = "0";
	long    n = 0;

	for (int round = 0; round < SCAN_ROUNDS_MAX; round++) {
		redisReply *r = redisCommand(c->rc, "HSCAN " RDS_DOMAINS " %s COUNT 1000", cursor);
		redisReply *items;

		if ((r = rds_reply(st, c, r, "list")) == NULL)
			return (-1);
		if (r->type != REDIS_REPLY_ARRAY || r->elements != 2
		    || r->element[0]->type != REDIS_REPLY_STRING || r->element[1]->type != REDIS_REPLY_ARRAY) {
			freeReplyObject(r);
			st_error("%s: list: unexpected reply", st->name);
			return (-1);
		}
		snprintf(cursor, sizeof(cursor), "%.*s", (int) r->element[0]->len, r->element[0]->str);
		items = r->element[1];
		for (size_t i = 0; i + 1 < items->elements && n < LIST_MAX; i += 2) {
			const redisReply *k = items->element[i], *v = items->element[i + 1];
			char    d[OM_STATE_DOMAIN_MAX + 1];
			const char *sp;

			if (k->type != REDIS_REPLY_STRING || v->type != REDIS_REPLY_STRING
			    || k->len >= sizeof(d))
				continue;
			memcpy(d, k->str, k->len);
			d[k->len] = 0;
			sp = memchr(v->str, ' ', v->len);
			n++;
			if (a->fn(d, source_parse(v->str, sp ? (size_t) (sp - v->str) : v->len),
				  sp ? (time_t) strtoll(sp + 1, NULL, 10) : 0, a->ctx) < 0) {
				freeReplyObject(r);
				return (n);
			}
		}
		freeReplyObject(r);
		if (strcmp(cursor, "0") == 0)
			return (n);
	}
	st_error("%s: list: too many rounds", st->name);
	return (-1);
}

/* om_state_domain_list - call fn for every registered domain; how many, or -1 */
long
om_state_domain_list(om_state *st, om_state_domain_fn fn, void *ctx)
{
	dom_arg a;

	if (st->missing)
		return (0);
	memset(&a, 0, sizeof(a));
	a.fn = fn;
	a.ctx = ctx;
	return (run(st, sql_list, rds_list, &a));
}

/* sql_import - all in one transaction */
static long
sql_import(om_state *st, st_conn *c, void *arg)
{
	dom_arg *a = arg;
	sqlite3_stmt *s;

	if ((s = stmt(st, c, Q_BEGIN)) == NULL || sql_done(st, c, s, "begin") < 0)
		return (-1);
	for (size_t i = 0; i < a->nlist; i++) {
		a->domain = a->list[i];
		/* A big file may take longer than one statement's bound. */
		deadline_set(st, c);
		if (sql_add(st, c, a) < 0) {
			if ((s = stmt(st, c, Q_ROLLBACK)) != NULL)
				(void) sql_done(st, c, s, "rollback");
			return (-1);
		}
	}
	if ((s = stmt(st, c, Q_COMMIT)) == NULL || sql_done(st, c, s, "commit") < 0) {
		if ((s = stmt(st, c, Q_ROLLBACK)) != NULL)
			(void) sql_done(st, c, s, "rollback");
		return (-1);
	}
	return ((long) a->nlist);
}

/* rds_import - pipelined, in batches */
static long
rds_import(om_state *st, st_conn *c, void *arg)
{
	dom_arg *a = arg;
	const char *cmd = a->source == OM_DOMAIN_ADMIN ? "HSET" : "HSETNX";
	char    val[40];

	snprintf(val, sizeof(val), "%s %lld", om_domain_source_name(a->source), (long long) a->when);
	for (size_t i = 0; i < a->nlist; i += 1000) {
		size_t  n = a->nlist - i < 1000 ? a->nlist - i : 1000;

		for (size_t j = 0; j < n; j++)
			if (redisAppendCommand(c->rc, "%s " RDS_DOMAINS " %s %s", cmd, a->list[i + j],
					       val) != REDIS_OK) {
				c->broken = 1;
				st_error("%s: import: out of memory", st->name);
				return (-1);
			}
		if (rds_pipeline(st, c, (int) n, NULL, "import") < 0)
			return (-1);
	}
	return ((long) a->nlist);
}

/*
 * om_state_domain_import - register every domain of a file (one a line,
 * "#" comments); all or nothing: a bad line imports none. How many, or -1.
 */
long
om_state_domain_import(om_state *st, const char *path, om_domain_source source, time_t when,
		       char *err, size_t errlen)
{
	FILE   *fp;
	char   *line = NULL;
	size_t  size = 0;
	ssize_t len;
	dom_arg a;
	long    rv = -1;
	int     lineno = 0, bad = 0;

	if (writable(st) < 0) {
		snprintf(err, errlen, "%s", om_state_error());
		return (-1);
	}
	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return (-1);
	}
	memset(&a, 0, sizeof(a));
	a.source = source;
	a.when = when;
	err[0] = 0;
	while ((len = getline(&line, &size, fp)) >= 0) {
		char    d[OM_STATE_DOMAIN_MAX + 1];
		char   *p = line, *hash;

		lineno++;
		if ((size_t) len > IMPORT_LINE_MAX) {
			if (!bad++)
				snprintf(err, errlen, "%s:%d: line too long", path, lineno);
			continue;
		}
		if ((hash = strchr(p, '#')) != NULL)
			*hash = 0;
		p[strcspn(p, "\r\n")] = 0;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == 0)
			continue;
		if (registrable(p, d, sizeof(d)) < 0) {
			if (!bad++)
				snprintf(err, errlen, "%s:%d: %s", path, lineno, om_state_error());
			continue;
		}
		if (a.nlist >= IMPORT_MAX) {
			snprintf(err, errlen, "%s: more than %d domains", path, IMPORT_MAX);
			bad++;
			break;
		}
		if ((a.nlist & (a.nlist - 1)) == 0 || a.nlist == 0) {
			char  **v = realloc(a.list, (a.nlist ? a.nlist * 2 : 64) * sizeof(*v));

			if (v == NULL)
				om_panic("out of memory");
			a.list = v;
		}
		a.list[a.nlist++] = om_xstrdup(d);
	}
	if (ferror(fp) && !bad++)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	fclose(fp);
	free(line);
	if (!bad) {
		rv = a.nlist ? run(st, sql_import, rds_import, &a) : 0;
		if (rv < 0)
			snprintf(err, errlen, "%s", om_state_error());
	} else if (bad > 1) {
		size_t  n = strlen(err);

		snprintf(err + n, errlen - n, " (and %d more bad lines)", bad - 1);
	}
	for (size_t i = 0; i < a.nlist; i++)
		free(a.list[i]);
	free(a.list);
	return (rv);
}

/* ---------------------------------------------------------------- records */

typedef struct rec_arg {
	const char *ns;
	const char *key;
	const void *value;
	size_t	len;
	time_t	due;
	time_t	expires;
	time_t	now;
	om_buf *out;
	time_t *due_out;
	size_t	max;
	om_state_record_fn fn;
	void   *ctx;
} rec_arg;

/* sql_put - insert or replace */
static long
sql_put(om_state *st, st_conn *c, void *arg)
{
	rec_arg *a = arg;
	sqlite3_stmt *s = stmt(st, c, Q_PUT);

	if (s == NULL)
		return (-1);
	sqlite3_bind_text(s, 1, a->ns, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, a->key, -1, SQLITE_STATIC);
	sqlite3_bind_blob(s, 3, a->len ? a->value : "", (int) a->len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64) a->due);
	sqlite3_bind_int64(s, 5, (sqlite3_int64) a->expires);
	if (sql_done(st, c, s, "put") < 0)
		return (-1);

	/*
	 * Redis drops expired records itself; here every so many writes
	 * drop a bounded batch. A purge that fails is not the put's failure.
	 */
	if (++c->puts % PURGE_EVERY == 0 && (s = stmt(st, c, Q_PURGE)) != NULL) {
		sqlite3_bind_int64(s, 1, (sqlite3_int64) time(NULL));
		if (sql_done(st, c, s, "purge") < 0)
			om_debug("%s", om_state_error());
	}
	return (0);
}

/* rds_put - the hash, its expiry and its place among the due ones, at once */
static long
rds_put(om_state *st, st_conn *c, void *arg)
{
	rec_arg *a = arg;
	int     n = 0;
	int     ok = 1;

	ok &= redisAppendCommand(c->rc, "MULTI") == REDIS_OK, n++;
	ok &= redisAppendCommand(c->rc, "DEL " RDS_REC "%s:%s", a->ns, a->key) == REDIS_OK, n++;
	ok &= redisAppendCommand(c->rc, "HSET " RDS_REC "%s:%s v %b d %lld", a->ns, a->key,
				 a->len ? a->value : "", a->len, (long long) a->due) == REDIS_OK, n++;
	if (a->expires) {
		ok &= redisAppendCommand(c->rc, "EXPIREAT " RDS_REC "%s:%s %lld", a->ns, a->key,
					 (long long) a->expires) == REDIS_OK;
		n++;
	}
	if (a->due)
		ok &= redisAppendCommand(c->rc, "ZADD " RDS_DUE "%s %lld %s", a->ns,
					 (long long) a->due, a->key) == REDIS_OK;
	else
		ok &= redisAppendCommand(c->rc, "ZREM " RDS_DUE "%s %s", a->ns, a->key) == REDIS_OK;
	n++;
	ok &= redisAppendCommand(c->rc, "EXEC") == REDIS_OK, n++;
	if (!ok) {
		c->broken = 1;
		st_error("%s: put: out of memory", st->name);
		return (-1);
	}
	return (rds_pipeline(st, c, n, NULL, "put"));
}

/* om_state_put - keep value under ns/key, replacing what was there */
int
om_state_put(om_state *st, const char *ns, const char *key, const void *value, size_t len,
	     time_t due, time_t expires)
{
	rec_arg a = {.ns = ns, .key = key, .value = value, .len = len, .due = due, .expires = expires};

	if (writable(st) < 0 || !ns_ok(ns) || !key_ok(key))
		return (-1);
	if (len > OM_STATE_VALUE_MAX) {
		st_error("record value longer than %d bytes", OM_STATE_VALUE_MAX);
		return (-1);
	}
	return ((int) run(st, sql_put, rds_put, &a));
}

/* sql_get - one record, unless expired */
static long
sql_get(om_state *st, st_conn *c, void *arg)
{
	rec_arg *a = arg;
	sqlite3_stmt *s = stmt(st, c, Q_GET);
	int     rc;
	long    found = 0;

	if (s == NULL)
		return (-1);
	sqlite3_bind_text(s, 1, a->ns, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, a->key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		time_t  exp = (time_t) sqlite3_column_int64(s, 2);

		if (exp == 0 || exp > a->now) {
			found = 1;
			if (a->out && om_buf_append(a->out, sqlite3_column_blob(s, 0),
						    (size_t) sqlite3_column_bytes(s, 0)) < 0)
				found = -1, st_error("%s: get: value too long", st->name);
			if (a->due_out)
				*a->due_out = (time_t) sqlite3_column_int64(s, 1);
		}
	} else if (rc != SQLITE_DONE) {
		sqlite3_reset(s);
		return (sql_fail(st, c, "get"));
	}
	sqlite3_reset(s);
	return (found);
}

/* rds_get - HMGET v d */
static long
rds_get(om_state *st, st_conn *c, void *arg)
{
	rec_arg *a = arg;
	redisReply *r = redisCommand(c->rc, "HMGET " RDS_REC "%s:%s v d", a->ns, a->key);
	long    found = 0;

	if ((r = rds_reply(st, c, r, "get")) == NULL)
		return (-1);
	if (r->type == REDIS_REPLY_ARRAY && r->elements == 2
	    && r->element[0]->type == REDIS_REPLY_STRING) {
		found = 1;
		if (a->out && om_buf_append(a->out, r->element[0]->str, r->element[0]->len) < 0)
			found = -1, st_error("%s: get: value too long", st->name);
		if (a->due_out)
			*a->due_out = r->element[1]->type == REDIS_REPLY_STRING
				? (time_t) strtoll(r->element[1]->str, NULL, 10) : 0;
	}
	freeReplyObject(r);
	return (found);
}

/* om_state_get - the record's value appended to value (may be NULL) and its due time */
int
om_state_get(om_state *st, const char *ns, const char *key, om_buf *value, time_t *due)
{
	rec_arg a = {.ns = ns, .key = key, .out = value, .due_out = due, .now = time(NULL)};

	if (!ns_ok(ns) || !key_ok(key))
		return (-1);
	if (st->missing)
		return (0);
	return ((int) run(st, sql_get, rds_get, &a));
}

/* sql_del - delete one; 1 if it was there */
static long
sql_del(om_state *st, st_conn *c, void *arg)
{
	rec_arg *a = arg;
	sqlite3_stmt *s = stmt(st, c, Q_DEL);

	if (s == NULL)
		return (-1);
	sqlite3_bind_text(s, 1, a->ns, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, a->key, -1, SQLITE_STATIC);
	if (sql_done(st, c, s, "delete") < 0)
		return (-1);
	return (sqlite3_changes(c->db) > 0);
}

/* rds_del - the hash and its due entry */
static long
rds_del(om_state *st, st_conn *c, void *arg)
{
	rec_arg *a = arg;
	redisReply *r[2] = {NULL, NULL};
	long    n;

	if (redisAppendCommand(c->rc, "DEL " RDS_REC "%s:%s", a->ns, a->key) != REDIS_OK
	    || redisAppendCommand(c->rc, "ZREM " RDS_DUE "%s %s", a->ns, a->key) != REDIS_OK) {
		c->broken = 1;
		st_error("%s: delete: out of memory", st->name);
		return (-1);
	}
	if (rds_pipeline(st, c, 2, r, "delete") < 0) {
		for (int i = 0; i < 2; i++)
			if (r[i])
				freeReplyObject(r[i]);
		return (-1);
	}
	n = r[0]->type == REDIS_REPLY_INTEGER && r[0]->integer > 0;
	freeReplyObject(r[0]);
	freeReplyObject(r[1]);
	return (n);
}

/* om_state_del - forget a record; 1 if it was there */
int
om_state_del(om_state *st, const char *ns, const char *key)
{
	rec_arg a = {.ns = ns, .key = key};

	if (writable(st) < 0 || !ns_ok(ns) || !key_ok(key))
		return (-1);
	return ((int) run(st, sql_del, rds_del, &a));
}

/* sql_due - records due at or before the time, soonest first */
static long
sql_due(om_state *st, st_conn *c, void *arg)
{
	rec_arg *a = arg;
	sqlite3_stmt *s = stmt(st, c, Q_DUE);
	long    n = 0;
	int     rc;

	if (s == NULL)
		return (-1);
	sqlite3_bind_text(s, 1, a->ns, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, (sqlite3_int64) a->due);
	sqlite3_bind_int64(s, 3, (sqlite3_int64) a->now);
	sqlite3_bind_int64(s, 4, (sqlite3_int64) a->max);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *k = (const char *) sqlite3_column_text(s, 0);

		n++;
		if (k && a->fn(k, sqlite3_column_blob(s, 1), (size_t) sqlite3_column_bytes(s, 1),
			       (time_t) sqlite3_column_int64(s, 2), a->ctx) < 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_reset(s);
		return (sql_fail(st, c, "due"));
	}
	sqlite3_reset(s);
	return (n);
}

/* rds_due_page - one page of the due set; records Redis has expired are dropped from it */
static long
rds_due_page(om_state *st, st_conn *c, rec_arg *a, size_t *offset, size_t want, long *n, int *stop)
{
	redisReply *keys, **recs;
	size_t  got, dead = 0;
	long    rv = 0;

	keys = redisCommand(c->rc, "ZRANGEBYSCORE " RDS_DUE "%s 1 %lld WITHSCORES LIMIT %lld %lld",
			    a->ns, (long long) a->due, (long long) *offset, (long long) want);
	if ((keys = rds_reply(st, c, keys, "due")) == NULL)
		return (-1);
	if (keys->type != REDIS_REPLY_ARRAY || keys->elements % 2) {
		freeReplyObject(keys);
		st_error("%s: due: unexpected reply", st->name);
		return (-1);
	}
	if ((got = keys->elements / 2) == 0) {
		freeReplyObject(keys);
		return (0);
	}
	if ((recs = calloc(got, sizeof(*recs))) == NULL)
		om_panic("out of memory");
	for (size_t i = 0; i < got; i++)
		if (redisAppendCommand(c->rc, "HGET " RDS_REC "%s:%b v", a->ns,
				       keys->element[2 * i]->str, keys->element[2 * i]->len) != REDIS_OK)
			c->broken = 1;
	if (c->broken || rds_pipeline(st, c, (int) got, recs, "due") < 0) {
		rv = -1;
		goto out;
	}
	for (size_t i = 0; i < got; i++) {
		const redisReply *k = keys->element[2 * i];
		char    key[OM_STATE_KEY_MAX + 1];

		if (recs[i]->type != REDIS_REPLY_STRING) {
			/* Expired: Redis dropped the record; drop its place too. */
			if (!(st->flags & OM_STATE_READONLY)) {
				redisReply *r = redisCommand(c->rc, "ZREM " RDS_DUE "%s %b", a->ns, k->str, k->len);

				if ((r = rds_reply(st, c, r, "due")) == NULL) {
					rv = -1;
					goto out;
				}
				freeReplyObject(r);
				dead++;
			}
			continue;
		}
		if (*stop || k->len > OM_STATE_KEY_MAX)
			continue;
		memcpy(key, k->str, k->len);
		key[k->len] = 0;
		(*n)++;
		*stop = a->fn(key, recs[i]->str, recs[i]->len,
			      (time_t) strtoll(keys->element[2 * i + 1]->str, NULL, 10), a->ctx) < 0
			|| (size_t) *n >= a->max;
	}
	*offset += got - dead;
	rv = (long) got;
out:
	for (size_t i = 0; i < got; i++)
		if (recs[i])
			freeReplyObject(recs[i]);
	free(recs);
	freeReplyObject(keys);
	return (rv);
}

/* rds_due - page through the due set until max live records are seen */
static long
rds_due(om_state *st, st_conn *c, void *arg)
{
	rec_arg *a = arg;
	size_t  offset = 0;
	long    n = 0;
	int     stop = 0;

	for (int round = 0; round < SCAN_ROUNDS_MAX && !stop; round++) {
		size_t  want = a->max - (size_t) n < 1000 ? a->max - (size_t) n : 1000;
		long    got = rds_due_page(st, c, a, &offset, want, &n, &stop);

		if (got < 0)
			return (-1);
		if ((size_t) got < want)
			break;
	}
	return (n);
}

/* om_state_due - call fn for at most max records of ns due at or before the time */
long
om_state_due(om_state *st, const char *ns, time_t before, size_t max,
	     om_state_record_fn fn, void *ctx)
{
	rec_arg a = {.ns = ns, .due = before, .max = max, .fn = fn, .ctx = ctx, .now = time(NULL)};

	if (!ns_ok(ns))
		return (-1);
	if (st->missing || max == 0)
		return (0);
	return (run(st, sql_due, rds_due, &a));
}
