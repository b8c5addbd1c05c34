/*
 * test_state - om_state, the same cases against SQLite (a temporary
 * directory) and against a real redis-server started here on a free
 * loopback port; then what only one of them has (file modes, WAL, a
 * locked database, a server that goes away and comes back).
 */
#include "config.h"

#include <pthread.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "om_test.h"
#include "om_test_redis.h"
#include "om_state.h"

typedef struct backend {
	const char *name;
	int	redis;
	char	spec[600];
	om_state *st;
} backend;

static char dir[] = "/tmp/om_test_state.XXXXXX";
static om_test_redis server;
static int have_redis;
static int nfile;

static backend be_sqlite = {"sqlite", 0};
static backend be_redis = {"redis", 1};

/* ms_since - milliseconds since t0 */
static long
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return ((t.tv_sec - t0->tv_sec) * 1000L + (t.tv_nsec - t0->tv_nsec) / 1000000L);
}

static int
group_setup(void **state)
{
	(void) state;
	om_log_open("test_state", 0, 0);
	if (mkdtemp(dir) == NULL)
		return (-1);
	if (!om_test_redis_installed()) {
		fprintf(stderr, "redis-server is not installed: the Redis cases are skipped "
			"(contrib/debian-setup.sh installs it)\n");
		return (0);
	}
	if (om_test_redis_start(&server, 0) < 0) {
		fprintf(stderr, "redis-server is installed but did not start\n");
		return (-1);
	}
	have_redis = 1;
	return (0);
}

static int
group_teardown(void **state)
{
	char    cmd[600];

	(void) state;
	om_test_redis_stop(&server);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

/* fresh - an empty store of the case's kind */
static int
fresh(void **state)
{
	backend *b = *state;
	char    err[400];

	if (b->redis) {
		if (!have_redis)
			return (0);
		if (om_test_redis_flush(&server) < 0)
			return (-1);
		snprintf(b->spec, sizeof(b->spec), "%s", server.spec);
	} else
		snprintf(b->spec, sizeof(b->spec), "sqlite:%s/db%d/state.db", dir, ++nfile);
	if ((b->st = om_state_open(b->spec, 0, 1000, err, sizeof(err))) == NULL) {
		fprintf(stderr, "%s\n", err);
		return (-1);
	}
	return (0);
}

static int
done(void **state)
{
	backend *b = *state;

	om_state_close(b->st);
	b->st = NULL;
	return (0);
}

#define NEED(b) do { \
	if ((b)->redis && !have_redis) { \
		print_message("redis-server is not installed: skipped\n"); \
		skip(); \
	} \
} while (0)

/* Add, look up, remove. */
static void
test_domains_basic(void **state)
{
	backend *b = *state;

	NEED(b);
	assert_int_equal(om_state_domain_known(b->st, "kokyaku.example"), 0);
	assert_int_equal(om_state_domain_add(b->st, "kokyaku.example", OM_DOMAIN_LEARNED, 1000), 0);
	assert_int_equal(om_state_domain_known(b->st, "kokyaku.example"), 1);
	assert_int_equal(om_state_domain_known(b->st, "KOKYAKU.Example."), 1);
	assert_int_equal(om_state_domain_known(b->st, "@kokyaku.example"), 1);
	assert_int_equal(om_state_domain_known(b->st, "other.example"), 0);
	assert_int_equal(om_state_domain_remove(b->st, "kokyaku.example"), 1);
	assert_int_equal(om_state_domain_remove(b->st, "kokyaku.example"), 0);
	assert_int_equal(om_state_domain_known(b->st, "kokyaku.example"), 0);
}

/* A registered domain covers its subdomains, not its parent, not its neighbours. */
static void
test_domains_cover(void **state)
{
	backend *b = *state;

	NEED(b);
	assert_int_equal(om_state_domain_add(b->st, "example.co.jp", OM_DOMAIN_ADMIN, 1000), 0);
	assert_int_equal(om_state_domain_known(b->st, "mail.example.co.jp"), 1);
	assert_int_equal(om_state_domain_known(b->st, "a.b.mail.example.co.jp"), 1);
	assert_int_equal(om_state_domain_known(b->st, "xexample.co.jp"), 0);
	assert_int_equal(om_state_domain_known(b->st, "other.co.jp"), 0);
	assert_int_equal(om_state_domain_add(b->st, "mail.shiten.example", OM_DOMAIN_ADMIN, 1000), 0);
	assert_int_equal(om_state_domain_known(b->st, "shiten.example"), 0);
	assert_int_equal(om_state_domain_known(b->st, "mail.shiten.example"), 1);
}

/* Public suffixes and non-names are refused; IDN is stored as its A-label. */
static void
test_domains_names(void **state)
{
	backend *b = *state;
	char    d[OM_STATE_DOMAIN_MAX + 1];

	NEED(b);
	assert_int_equal(om_state_domain_add(b->st, "co.jp", OM_DOMAIN_ADMIN, 1000), -1);
	assert_int_equal(om_state_domain_add(b->st, "com", OM_DOMAIN_ADMIN, 1000), -1);
	assert_int_equal(om_state_domain_add(b->st, "bad_name.example", OM_DOMAIN_ADMIN, 1000), -1);
	assert_int_equal(om_state_domain_add(b->st, "-x.example", OM_DOMAIN_ADMIN, 1000), -1);
	assert_int_equal(om_state_domain_add(b->st, "a..example", OM_DOMAIN_ADMIN, 1000), -1);
	assert_int_equal(om_state_domain_add(b->st, "", OM_DOMAIN_ADMIN, 1000), -1);
	assert_int_equal(om_state_domain_known(b->st, "[192.0.2.1]"), -1);
	assert_int_equal(om_state_domain_norm("お客様.example", d, sizeof(d)), 0);
	assert_string_equal(d, "xn--t8jy81k35i.example");
	assert_int_equal(om_state_domain_add(b->st, "お客様.example", OM_DOMAIN_ADMIN, 1000), 0);
	assert_int_equal(om_state_domain_known(b->st, "xn--t8jy81k35i.example"), 1);
	assert_int_equal(om_state_domain_known(b->st, "shiten.お客様.example"), 1);
	assert_int_equal(om_state_domain_registrable("example.co.jp"), 1);
	assert_int_equal(om_state_domain_registrable("co.jp"), 0);
	assert_int_equal(om_state_domain_registrable("localhost"), 0);
}

typedef struct seen {
	char	domain[8][64];
	om_domain_source source[8];
	time_t	added[8];
	int	n;
} seen;

/* collect - list callback */
static int
collect(const char *domain, om_domain_source source, time_t added, void *ctx)
{
	seen   *s = ctx;

	if (s->n < 8) {
		snprintf(s->domain[s->n], sizeof(s->domain[0]), "%s", domain);
		s->source[s->n] = source;
		s->added[s->n] = added;
	}
	s->n++;
	return (0);
}

/* find - index of domain in what was listed, or -1 */
static int
find(const seen *s, const char *domain)
{
	for (int i = 0; i < s->n && i < 8; i++)
		if (strcmp(s->domain[i], domain) == 0)
			return (i);
	return (-1);
}

/* Learned never overwrites; admin does. Listing shows source and time. */
static void
test_domains_source_list(void **state)
{
	backend *b = *state;
	seen    s;
	int     i;

	NEED(b);
	assert_int_equal(om_state_domain_add(b->st, "a.example", OM_DOMAIN_LEARNED, 1000), 0);
	assert_int_equal(om_state_domain_add(b->st, "a.example", OM_DOMAIN_LEARNED, 2000), 0);
	assert_int_equal(om_state_domain_add(b->st, "b.example", OM_DOMAIN_ADMIN, 3000), 0);
	assert_int_equal(om_state_domain_add(b->st, "b.example", OM_DOMAIN_LEARNED, 4000), 0);
	assert_int_equal(om_state_domain_add(b->st, "c.example", OM_DOMAIN_LEARNED, 5000), 0);
	assert_int_equal(om_state_domain_add(b->st, "c.example", OM_DOMAIN_ADMIN, 6000), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(om_state_domain_list(b->st, collect, &s), 3);
	assert_int_equal(s.n, 3);
	assert_true((i = find(&s, "a.example")) >= 0);
	assert_int_equal(s.source[i], OM_DOMAIN_LEARNED);
	assert_int_equal(s.added[i], 1000);
	assert_true((i = find(&s, "b.example")) >= 0);
	assert_int_equal(s.source[i], OM_DOMAIN_ADMIN);
	assert_int_equal(s.added[i], 3000);
	assert_true((i = find(&s, "c.example")) >= 0);
	assert_int_equal(s.source[i], OM_DOMAIN_ADMIN);
	assert_int_equal(s.added[i], 6000);
}

/* Import: comments, blank lines, "@"; a bad line imports nothing. */
static void
test_import(void **state)
{
	backend *b = *state;
	char    path[600], err[700];
	seen    s;

	NEED(b);
	assert_int_equal(om_test_write(dir, "good.txt",
				       "# customers\n"
				       "kokyaku.example\n"
				       "\n"
				       "  @Dairiten.Example   # agent\n"
				       "example.co.jp\r\n"), 0);
	snprintf(path, sizeof(path), "%s/good.txt", dir);
	assert_int_equal(om_state_domain_import(b->st, path, OM_DOMAIN_ADMIN, 1000, err, sizeof(err)), 3);
	assert_int_equal(om_state_domain_known(b->st, "dairiten.example"), 1);
	assert_int_equal(om_state_domain_known(b->st, "mail.example.co.jp"), 1);

	assert_int_equal(om_test_write(dir, "bad.txt", "new.example\nco.jp\nnot a domain\n"), 0);
	snprintf(path, sizeof(path), "%s/bad.txt", dir);
	assert_int_equal(om_state_domain_import(b->st, path, OM_DOMAIN_ADMIN, 1000, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "bad.txt:2:"));
	assert_non_null(strstr(err, "1 more"));
	assert_int_equal(om_state_domain_known(b->st, "new.example"), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(om_state_domain_list(b->st, collect, &s), 3);

	snprintf(path, sizeof(path), "%s/missing.txt", dir);
	assert_int_equal(om_state_domain_import(b->st, path, OM_DOMAIN_ADMIN, 1000, err, sizeof(err)), -1);
}

/* Records: put, get, replace, delete; namespaces kept apart. */
static void
test_records(void **state)
{
	backend *b = *state;
	om_buf  v;
	time_t  due = -1;
	static const char bin[] = {'a', 0, 'b', '\n', (char) 0xff};

	NEED(b);
	om_buf_init(&v, 0);
	assert_int_equal(om_state_get(b->st, "hold", "Q1", &v, &due), 0);
	assert_int_equal(om_state_put(b->st, "hold", "Q1", "first", 5, 0, 0), 0);
	assert_int_equal(om_state_get(b->st, "hold", "Q1", &v, &due), 1);
	assert_buf_eq(&v, "first");
	assert_int_equal(due, 0);
	assert_int_equal(om_state_put(b->st, "hold", "Q1", bin, sizeof(bin), 12345, 0), 0);
	om_buf_reset(&v);
	assert_int_equal(om_state_get(b->st, "hold", "Q1", &v, &due), 1);
	assert_int_equal(v.len, sizeof(bin));
	assert_memory_equal(v.data, bin, sizeof(bin));
	assert_int_equal(due, 12345);
	assert_int_equal(om_state_get(b->st, "ppap", "Q1", NULL, NULL), 0);
	assert_int_equal(om_state_put(b->st, "ppap", "Q1", "", 0, 0, 0), 0);
	assert_int_equal(om_state_get(b->st, "ppap", "Q1", NULL, NULL), 1);
	assert_int_equal(om_state_del(b->st, "hold", "Q1"), 1);
	assert_int_equal(om_state_del(b->st, "hold", "Q1"), 0);
	assert_int_equal(om_state_get(b->st, "hold", "Q1", NULL, NULL), 0);
	assert_int_equal(om_state_get(b->st, "ppap", "Q1", NULL, NULL), 1);
	/* Keys may hold what a namespace may not. */
	assert_int_equal(om_state_put(b->st, "ppap", "a b:c@d", "x", 1, 0, 0), 0);
	assert_int_equal(om_state_get(b->st, "ppap", "a b:c@d", NULL, NULL), 1);
	assert_int_equal(om_state_put(b->st, "Bad NS", "k", "x", 1, 0, 0), -1);
	assert_int_equal(om_state_put(b->st, "ns", "", "x", 1, 0, 0), -1);
	om_buf_free(&v);
}

/* An expired record is gone. */
static void
test_expiry(void **state)
{
	backend *b = *state;
	time_t  now = time(NULL);

	NEED(b);
	assert_int_equal(om_state_put(b->st, "ppap", "old", "x", 1, 0, now - 5), 0);
	assert_int_equal(om_state_put(b->st, "ppap", "new", "x", 1, 0, now + 3600), 0);
	assert_int_equal(om_state_get(b->st, "ppap", "old", NULL, NULL), 0);
	assert_int_equal(om_state_get(b->st, "ppap", "new", NULL, NULL), 1);
}

typedef struct dues {
	char	key[8][32];
	time_t	due[8];
	int	n;
} dues;

/* collect_due - due-list callback */
static int
collect_due(const char *key, const void *value, size_t len, time_t due, void *ctx)
{
	dues   *d = ctx;

	assert_int_equal(len, 1);
	assert_memory_equal(value, "v", 1);
	if (d->n < 8) {
		snprintf(d->key[d->n], sizeof(d->key[0]), "%s", key);
		d->due[d->n] = due;
	}
	d->n++;
	return (0);
}

/* Due listing: at or before T, soonest first, at most max; none-due and expired left out. */
static void
test_due(void **state)
{
	backend *b = *state;
	time_t  now = time(NULL);
	dues    d;

	NEED(b);
	assert_int_equal(om_state_put(b->st, "delay", "c", "v", 1, 3000, 0), 0);
	assert_int_equal(om_state_put(b->st, "delay", "a", "v", 1, 1000, 0), 0);
	assert_int_equal(om_state_put(b->st, "delay", "b", "v", 1, 2000, 0), 0);
	assert_int_equal(om_state_put(b->st, "delay", "later", "v", 1, 9000, 0), 0);
	assert_int_equal(om_state_put(b->st, "delay", "never", "v", 1, 0, 0), 0);
	assert_int_equal(om_state_put(b->st, "delay", "gone", "v", 1, 1500, now - 1), 0);
	assert_int_equal(om_state_put(b->st, "other", "x", "v", 1, 1000, 0), 0);
	memset(&d, 0, sizeof(d));
	assert_int_equal(om_state_due(b->st, "delay", 3000, 100, collect_due, &d), 3);
	assert_string_equal(d.key[0], "a");
	assert_string_equal(d.key[1], "b");
	assert_string_equal(d.key[2], "c");
	assert_int_equal(d.due[1], 2000);
	memset(&d, 0, sizeof(d));
	assert_int_equal(om_state_due(b->st, "delay", 3000, 2, collect_due, &d), 2);
	assert_string_equal(d.key[1], "b");
	/* A record put again without a due time is no longer due. */
	assert_int_equal(om_state_put(b->st, "delay", "a", "v", 1, 0, 0), 0);
	assert_int_equal(om_state_del(b->st, "delay", "b"), 1);
	memset(&d, 0, sizeof(d));
	assert_int_equal(om_state_due(b->st, "delay", 3000, 100, collect_due, &d), 1);
	assert_string_equal(d.key[0], "c");
}

/* Read-only: reads work, every write is refused. */
static void
test_readonly(void **state)
{
	backend *b = *state;
	char    err[400];
	om_state *ro;

	NEED(b);
	assert_int_equal(om_state_domain_add(b->st, "kokyaku.example", OM_DOMAIN_ADMIN, 1000), 0);
	assert_int_equal(om_state_put(b->st, "ns", "k", "v", 1, 0, 0), 0);
	assert_non_null(ro = om_state_open(b->spec, OM_STATE_READONLY, 1000, err, sizeof(err)));
	assert_int_equal(om_state_domain_known(ro, "kokyaku.example"), 1);
	assert_int_equal(om_state_get(ro, "ns", "k", NULL, NULL), 1);
	assert_int_equal(om_state_domain_add(ro, "new.example", OM_DOMAIN_LEARNED, 1000), -1);
	assert_non_null(strstr(om_state_error(), "read-only"));
	assert_int_equal(om_state_domain_remove(ro, "kokyaku.example"), -1);
	assert_int_equal(om_state_put(ro, "ns", "k", "w", 1, 0, 0), -1);
	assert_int_equal(om_state_del(ro, "ns", "k"), -1);
	om_state_close(ro);
	assert_int_equal(om_state_domain_known(b->st, "new.example"), 0);
}

/* Two processes on one store see each other's domains. */
static void
test_two_processes(void **state)
{
	backend *b = *state;
	pid_t   pid;
	int     status;

	NEED(b);
	assert_int_equal(om_state_domain_add(b->st, "parent.example", OM_DOMAIN_LEARNED, 1000), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char    err[400];
		om_state *other = om_state_open(b->spec, 0, 1000, err, sizeof(err));

		if (other == NULL || om_state_domain_known(other, "parent.example") != 1
		    || om_state_domain_add(other, "child.example", OM_DOMAIN_LEARNED, 2000) != 0)
			_exit(1);
		om_state_close(other);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(om_state_domain_known(b->st, "child.example"), 1);
}

#define NTHREADS 4
#define NOPS 100

/* worker - adds and looks up its own domains */
static void *
worker(void *arg)
{
	om_state *st = *(om_state **) ((void **) arg)[0];
	long    id = (long) ((void **) arg)[1];
	long    bad = 0;

	for (int i = 0; i < NOPS; i++) {
		char    d[64];

		snprintf(d, sizeof(d), "t%ld-%d.example", id, i);
		if (om_state_domain_add(st, d, OM_DOMAIN_LEARNED, 1000) != 0
		    || om_state_domain_known(st, d) != 1)
			bad++;
	}
	return ((void *) bad);
}

/* Many threads on one handle: each gets a connection of its own. */
static void
test_threads(void **state)
{
	backend *b = *state;
	pthread_t tid[NTHREADS];
	void   *args[NTHREADS][2];
	seen    s;

	NEED(b);
	for (long i = 0; i < NTHREADS; i++) {
		args[i][0] = &b->st;
		args[i][1] = (void *) i;
		assert_int_equal(pthread_create(&tid[i], NULL, worker, args[i]), 0);
	}
	for (int i = 0; i < NTHREADS; i++) {
		void   *bad;

		assert_int_equal(pthread_join(tid[i], &bad), 0);
		assert_int_equal((long) bad, 0);
	}
	memset(&s, 0, sizeof(s));
	assert_int_equal(om_state_domain_list(b->st, collect, &s), NTHREADS * NOPS);
}

/* Store names the configuration accepts. */
static void
test_spec(void **state)
{
	char    why[300];

	(void) state;
	assert_int_equal(om_state_spec_check("sqlite:/var/lib/omamori/state.db", why, sizeof(why)), 0);
	assert_int_equal(om_state_spec_check("redis:127.0.0.1:6379", why, sizeof(why)), 0);
	assert_int_equal(om_state_spec_check("redis:[::1]:6379", why, sizeof(why)), 0);
	assert_int_equal(om_state_spec_check("redis:cache.example:6379", why, sizeof(why)), 0);
	assert_int_equal(om_state_spec_check("sqlite:relative.db", why, sizeof(why)), -1);
	assert_int_equal(om_state_spec_check("redis:host", why, sizeof(why)), -1);
	assert_int_equal(om_state_spec_check("redis:host:0", why, sizeof(why)), -1);
	assert_int_equal(om_state_spec_check("redis:host:70000", why, sizeof(why)), -1);
	assert_int_equal(om_state_spec_check("redis::6379", why, sizeof(why)), -1);
	assert_int_equal(om_state_spec_check("memcache:host:1", why, sizeof(why)), -1);
	assert_non_null(strstr(why, "sqlite:PATH or redis:HOST:PORT"));
}

/* SQLite: the file 0600, a new directory 0700, WAL mode. */
static void
test_sqlite_files(void **state)
{
	backend *b = *state;
	char    path[700], *slash;
	struct stat sb;
	sqlite3 *db;
	sqlite3_stmt *s;

	assert_int_equal(om_state_domain_add(b->st, "kokyaku.example", OM_DOMAIN_LEARNED, 1000), 0);
	snprintf(path, sizeof(path), "%s", b->spec + 7);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	slash = strrchr(path, '/');
	*slash = 0;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	*slash = '/';
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *) sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* SQLite: expired records do not pile up. */
static void
test_sqlite_purge(void **state)
{
	backend *b = *state;
	time_t  now = time(NULL);
	sqlite3 *db;
	sqlite3_stmt *s;
	int     rows;

	for (int i = 0; i < 150; i++) {
		char    key[32];

		snprintf(key, sizeof(key), "k%d", i);
		assert_int_equal(om_state_put(b->st, "ppap", key, "x", 1, 0, i < 100 ? now - 10 : 0), 0);
	}
	assert_int_equal(sqlite3_open_v2(b->spec + 7, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM records", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	rows = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	/* 50 live; of the 100 expired, the two purges took those written before them. */
	assert_true(rows >= 50 && rows <= 50 + 150 - 2 * 64);
}

/* SQLite read-only on a database not made yet: empty, and still not made. */
static void
test_sqlite_missing(void **state)
{
	char    spec[600], err[400];
	om_state *ro;
	seen    s;

	(void) state;
	snprintf(spec, sizeof(spec), "sqlite:%s/never/state.db", dir);
	assert_non_null(ro = om_state_open(spec, OM_STATE_READONLY, 1000, err, sizeof(err)));
	assert_int_equal(om_state_domain_known(ro, "kokyaku.example"), 0);
	assert_int_equal(om_state_get(ro, "ns", "k", NULL, NULL), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(om_state_domain_list(ro, collect, &s), 0);
	assert_int_equal(om_state_domain_add(ro, "kokyaku.example", OM_DOMAIN_LEARNED, 1), -1);
	om_state_close(ro);
	assert_int_equal(access(spec + 7, F_OK), -1);
	/* A directory that cannot be made stops the open. */
	snprintf(spec, sizeof(spec), "sqlite:%s/no/such/dir/state.db", dir);
	assert_null(om_state_open(spec, 0, 1000, err, sizeof(err)));
	assert_non_null(strstr(err, "directory"));
}

/* SQLite: a writer held up past the timeout fails in bounded time; readers do not wait. */
static void
test_sqlite_locked(void **state)
{
	backend *b = *state;
	char    err[400];
	om_state *st;
	sqlite3 *db;
	struct timespec t0;
	long    ms;

	assert_int_equal(om_state_domain_add(b->st, "kokyaku.example", OM_DOMAIN_LEARNED, 1000), 0);
	assert_non_null(st = om_state_open(b->spec, 0, 200, err, sizeof(err)));
	assert_int_equal(sqlite3_open(b->spec + 7, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE; INSERT INTO domains VALUES ('x.example', 'admin', 1)",
				      NULL, NULL, NULL), SQLITE_OK);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(om_state_domain_add(st, "new.example", OM_DOMAIN_LEARNED, 1000), -1);
	ms = ms_since(&t0);
	assert_true(ms >= 150 && ms < 1500);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(om_state_domain_known(st, "kokyaku.example"), 1);
	assert_true(ms_since(&t0) < 100);
	assert_int_equal(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(om_state_domain_add(st, "new.example", OM_DOMAIN_LEARNED, 1000), 0);
	om_state_close(st);
}

/* Redis: down is -1 in bounded time; back on the same port, the next call works. */
static void
test_redis_down(void **state)
{
	backend *b = *state;
	char    err[400];
	om_state *st;
	struct timespec t0;

	NEED(b);
	assert_non_null(st = om_state_open(b->spec, 0, 300, err, sizeof(err)));
	assert_int_equal(om_state_domain_add(st, "kokyaku.example", OM_DOMAIN_LEARNED, 1000), 0);
	assert_int_equal(om_state_domain_known(st, "kokyaku.example"), 1);
	om_test_redis_stop(&server);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(om_state_domain_known(st, "kokyaku.example"), -1);
	assert_int_equal(om_state_domain_add(st, "new.example", OM_DOMAIN_LEARNED, 1000), -1);
	assert_int_equal(om_state_get(st, "ns", "k", NULL, NULL), -1);
	assert_true(ms_since(&t0) < 2000);
	/* Nothing was saved: the new server is empty, but it answers. */
	assert_int_equal(om_test_redis_start(&server, server.port), 0);
	assert_int_equal(om_state_domain_known(st, "kokyaku.example"), 0);
	assert_int_equal(om_state_domain_add(st, "kokyaku.example", OM_DOMAIN_LEARNED, 1000), 0);
	/* A restart between two calls: the pooled connection is stale, the call is not lost. */
	om_test_redis_stop(&server);
	assert_int_equal(om_test_redis_start(&server, server.port), 0);
	assert_int_equal(om_state_domain_known(st, "kokyaku.example"), 0);
	om_state_close(st);
}

/* Redis: a server that accepts but never answers is a timeout, not a hang. */
static void
test_redis_silent(void **state)
{
	backend *b = *state;
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int     fd = socket(AF_INET, SOCK_STREAM, 0);
	char    spec[64], err[400];
	om_state *st;
	struct timespec t0;

	NEED(b);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *) &sin, sizeof(sin)), 0);
	assert_int_equal(listen(fd, 8), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *) &sin, &len), 0);
	snprintf(spec, sizeof(spec), "redis:127.0.0.1:%d", ntohs(sin.sin_port));
	assert_non_null(st = om_state_open(spec, 0, 200, err, sizeof(err)));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(om_state_domain_known(st, "kokyaku.example"), -1);
	assert_true(ms_since(&t0) < 1500);
	om_state_close(st);
	close(fd);
}

#define BOTH(f) \
	cmocka_unit_test_prestate_setup_teardown(f, fresh, done, &be_sqlite), \
	cmocka_unit_test_prestate_setup_teardown(f, fresh, done, &be_redis)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		BOTH(test_domains_basic),
		BOTH(test_domains_cover),
		BOTH(test_domains_names),
		BOTH(test_domains_source_list),
		BOTH(test_import),
		BOTH(test_records),
		BOTH(test_expiry),
		BOTH(test_due),
		BOTH(test_readonly),
		BOTH(test_two_processes),
		BOTH(test_threads),
		cmocka_unit_test(test_spec),
		cmocka_unit_test_prestate_setup_teardown(test_sqlite_files, fresh, done, &be_sqlite),
		cmocka_unit_test_prestate_setup_teardown(test_sqlite_purge, fresh, done, &be_sqlite),
		cmocka_unit_test(test_sqlite_missing),
		cmocka_unit_test_prestate_setup_teardown(test_sqlite_locked, fresh, done, &be_sqlite),
		cmocka_unit_test_prestate_setup_teardown(test_redis_down, fresh, done, &be_redis),
		cmocka_unit_test_prestate_setup_teardown(test_redis_silent, fresh, done, &be_redis),
	};

	return (cmocka_run_group_tests(tests, group_setup, group_teardown));
}
