/*
 * test_audit.c - the audit log chain: every kind of tampering is named
 *
 * Each case writes a fresh log, damages it in one way, and checks that
 * om_audit_verify() names the right kind at the right line.
 */
#include "config.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "om_test.h"
#include "om_audit.h"
#include "om_engine.h"
#include "om_mask.h"

#define MAX_LINES 64

typedef struct fixture {
	char	dir[64];
	char	log[128];
	char	key[128];
} fixture;

static int
setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));

	strcpy(f->dir, "/tmp/om_audit_XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->log, sizeof(f->log), "%s/audit.log", f->dir);
	snprintf(f->key, sizeof(f->key), "%s/audit.key", f->dir);
	*state = f;
	return (0);
}

static int
teardown(void **state)
{
	fixture *f = *state;
	char    cmd[200];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return (0);
}

/* reset - no log: the file and the state that follows its end */
static void
reset(fixture *f)
{
	char    state[200];

	snprintf(state, sizeof(state), "%s.state", f->log);
	unlink(f->log);
	unlink(state);
}

/* write_events - a log with a start record and n events */
static void
write_events(fixture *f, int n)
{
	om_audit *a = om_audit_open_path(f->log, f->key, 0, 0);
	char    num[16];

	assert_non_null(a);
	for (int i = 0; i < n; i++) {
		snprintf(num, sizeof(num), "%d", i);
		assert_int_equal(om_audit_event(a, "test", "n", num, NULL), 0);
	}
	om_audit_close(a);
}

/* read_lines - file into lines (each keeps its newline) */
static int
read_lines(const char *path, char **lines)
{
	FILE   *fp = fopen(path, "r");
	char   *line = NULL;
	size_t  cap = 0;
	int     n = 0;

	assert_non_null(fp);
	while (n < MAX_LINES && getline(&line, &cap, fp) > 0)
		lines[n++] = strdup(line);
	free(line);
	fclose(fp);
	return (n);
}

/* write_lines - lines back to the file, then free them */
static void
write_lines(const char *path, char **lines, int n)
{
	FILE   *fp = fopen(path, "w");

	assert_non_null(fp);
	for (int i = 0; i < n; i++) {
		fputs(lines[i], fp);
		free(lines[i]);
	}
	fclose(fp);
}

/* verify_one - verify a single file */
static int
verify_one(fixture *f, om_audit_problem *p)
{
	const char *files[] = {f->log};

	return (om_audit_verify(files, 1, f->key, p));
}

static void
test_intact(void **state)
{
	fixture *f = *state;
	om_audit_problem p;

	write_events(f, 5);
	write_events(f, 2);		/* reopening continues the chain */
	assert_int_equal(verify_one(f, &p), 0);
	assert_int_equal(p.records, 8);
}

/* One kind of damage per table row. */
typedef enum { EDIT, DELETE, INSERT_COPY, INSERT_FORGED, REORDER, TRUNCATE, TRUNCATE_NL } damage;

static const struct {
	damage	how;
	om_audit_tamper want;
	unsigned long line;
} damages[] = {
	{EDIT, OM_AUDIT_EDITED, 3},
	{DELETE, OM_AUDIT_DELETED, 3},
	{INSERT_COPY, OM_AUDIT_INSERTED, 5},
	{INSERT_FORGED, OM_AUDIT_INSERTED, 3},
	{REORDER, OM_AUDIT_REORDERED, 3},
	{TRUNCATE, OM_AUDIT_TRUNCATED, 6},
	{TRUNCATE_NL, OM_AUDIT_TRUNCATED, 6},
};

static void
test_tamper(void **state)
{
	fixture *f = *state;

	for (size_t k = 0; k < sizeof(damages) / sizeof(damages[0]); k++) {
		char   *lines[MAX_LINES + 1], *p;
		om_audit_problem prob;
		int     n;

		reset(f);
		write_events(f, 5);	/* 6 lines: start + 5 */
		n = read_lines(f->log, lines);
		assert_int_equal(n, 6);
		switch (damages[k].how) {
		case EDIT:
			p = strstr(lines[2], "\"n\":\"1\"");
			assert_non_null(p);
			p[5] = '7';
			break;
		case DELETE:
			free(lines[2]);
			memmove(lines + 2, lines + 3, (size_t) (n - 3) * sizeof(char *));
			n--;
			break;
		case INSERT_COPY:
			memmove(lines + 5, lines + 4, (size_t) (n - 4) * sizeof(char *));
			lines[4] = strdup(lines[1]);
			n++;
			break;
		case INSERT_FORGED:
			memmove(lines + 3, lines + 2, (size_t) (n - 2) * sizeof(char *));
			lines[2] = strdup("{\"v\":1,\"seq\":3,\"time\":\"2026-01-01T00:00:00.000Z\",\"type\":\"test\",\"n\":\"x\",\"prev\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"mac\":\"1111111111111111111111111111111111111111111111111111111111111111\"}\n");
			n++;
			break;
		case REORDER:
			p = lines[2];
			lines[2] = lines[3];
			lines[3] = p;
			break;
		case TRUNCATE:
			lines[5][strlen(lines[5]) / 2] = 0;
			break;
		case TRUNCATE_NL:
			strcpy(lines[5] + strlen(lines[5]) / 2, "\n");
			break;
		}
		write_lines(f->log, lines, n);
		assert_int_equal(verify_one(f, &prob), 1);
		if (prob.kind != damages[k].want || prob.line != damages[k].line)
			fail_msg("case %zu: got %s at line %lu (%s), want %s at line %lu", k,
				 om_audit_tamper_name(prob.kind), prob.line, prob.text,
				 om_audit_tamper_name(damages[k].want), damages[k].line);
	}
}

static void
test_rotation(void **state)
{
	fixture *f = *state;
	om_audit_problem p;
	om_audit *a;
	char    arch1[200], arch2[200];
	const char *all[3], *gap[2];
	time_t  t0 = 1700000000;

	write_events(f, 3);
	a = om_audit_open_path(f->log, f->key, 0, 0);
	assert_non_null(a);
	assert_int_equal(om_audit_rotate(a, t0), 0);
	assert_int_equal(om_audit_event(a, "test", "n", "after", NULL), 0);
	assert_int_equal(om_audit_rotate(a, t0 + 60), 0);
	assert_int_equal(om_audit_event(a, "test", "n", "later", NULL), 0);
	om_audit_close(a);
	snprintf(arch1, sizeof(arch1), "%s.20231114T221320Z", f->log);
	snprintf(arch2, sizeof(arch2), "%s.20231114T221420Z", f->log);
	assert_int_equal(access(arch1, F_OK), 0);
	assert_int_equal(access(arch2, F_OK), 0);
	all[0] = arch1, all[1] = arch2, all[2] = f->log;
	assert_int_equal(om_audit_verify(all, 3, f->key, &p), 0);
	assert_int_equal(p.records, 8);
	/* A missing middle file breaks the link. */
	gap[0] = arch1, gap[1] = f->log;
	assert_int_equal(om_audit_verify(gap, 2, f->key, &p), 1);
	assert_int_equal(p.kind, OM_AUDIT_BROKEN_LINK);
	assert_int_equal(p.line, 1);

	/* Pruning removes old archives and says so in the log. */
	a = om_audit_open_path(f->log, f->key, 0, 0);
	assert_non_null(a);
	assert_int_equal(om_audit_prune(a, t0 + 100 * 86400, 30 * 86400), 2);
	om_audit_close(a);
	assert_int_not_equal(access(arch1, F_OK), 0);
	{
		char   *lines[MAX_LINES + 1];
		int     n = read_lines(f->log, lines);

		assert_non_null(strstr(lines[n - 1], "\"type\":\"prune\""));
		assert_non_null(strstr(lines[n - 1], "audit.log.20231114T221320Z"));
		for (int i = 0; i < n; i++)
			free(lines[i]);
	}
	assert_int_equal(verify_one(f, &p), 0);
}

static void
test_key_file(void **state)
{
	fixture *f = *state;
	unsigned char key[OM_AUDIT_KEY_LEN];
	struct stat st;
	om_audit_problem p;

	assert_int_equal(om_audit_load_key(f->key, 0, key), -1);	/* absent, no create */
	write_events(f, 1);
	assert_int_equal(stat(f->key, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(om_audit_load_key(f->key, 0, key), 0);
	assert_int_equal(chmod(f->key, 0640), 0);
	assert_int_equal(om_audit_load_key(f->key, 0, key), -1);
	assert_non_null(strstr(om_audit_error(), "0600"));
	assert_null(om_audit_open_path(f->log, f->key, 0, 0));
	assert_int_equal(verify_one(f, &p), -1);
	assert_int_equal(chmod(f->key, 0400), 0);
	assert_int_equal(verify_one(f, &p), 0);
}

static void
test_pseudonymise(void **state)
{
	fixture *f = *state;
	const char *rcpts[] = {"yamada@kokyaku.example"};
	om_finding fnd = {"pii.phone", "jp.phone.mobile", "body", 2, "090-****-5678", 1.0, OM_ACT_REJECT};
	om_result res;
	om_envelope env;
	unsigned char key[OM_AUDIT_KEY_LEN];
	char    want[64], *lines[MAX_LINES + 1];
	int     n;

	for (int mode = 0; mode < 3; mode++) {
		om_audit *a;

		reset(f);
		a = om_audit_open_path(f->log, f->key, mode, 1);
		assert_non_null(a);
		memset(&res, 0, sizeof(res));
		memset(&env, 0, sizeof(env));
		res.direction = OM_DIR_OUTBOUND;
		res.action = OM_ACT_REJECT;
		res.reply = "550 5.7.1 personal data";
		res.sender = "tanaka@sakura-hoken.example";
		res.rcpts = rcpts;
		res.nrcpts = 1;
		res.findings = &fnd;
		res.nfindings = 1;
		env.queue_id = "4XyZ1";
		assert_int_equal(om_audit_record(a, &res, &env), 0);
		om_audit_close(a);
		assert_int_equal(om_audit_load_key(f->key, 0, key), 0);
		n = read_lines(f->log, lines);
		assert_int_equal(n, 2);
		assert_non_null(strstr(lines[1], "\"sample\":\"090-****-5678\""));
		assert_non_null(strstr(lines[1], "\"queue_id\":\"4XyZ1\""));
		switch (mode) {
		case 0:
			assert_non_null(strstr(lines[1], "\"yamada@kokyaku.example\""));
			break;
		case 1:
			assert_null(strstr(lines[1], "yamada"));
			om_audit_pseudonym(key, "yamada", want, sizeof(want));
			strcat(want, "@kokyaku.example");
			assert_non_null(strstr(lines[1], want));
			break;
		case 2:
			assert_null(strstr(lines[1], "yamada"));
			assert_null(strstr(lines[1], "kokyaku"));
			assert_null(strstr(lines[1], "tanaka"));
			om_audit_pseudonym(key, "YAMADA@kokyaku.example", want, sizeof(want));
			assert_non_null(strstr(lines[1], want));
			break;
		}
		for (int i = 0; i < n; i++)
			free(lines[i]);
	}
}

/* writer - one thread's share of events */
static void *
writer(void *arg)
{
	om_audit *a = arg;

	for (int i = 0; i < 50; i++)
		if (om_audit_event(a, "test", "n", "t", NULL) < 0)
			return ((void *) 1);
	return (NULL);
}

static void
test_threads(void **state)
{
	fixture *f = *state;
	om_audit *a = om_audit_open_path(f->log, f->key, 0, 0);
	om_audit *b = om_audit_open_path(f->log, f->key, 0, 0);	/* a second process, in effect */
	pthread_t t[4];
	om_audit_problem p;
	void   *r;

	assert_non_null(a);
	assert_non_null(b);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(t + i, NULL, writer, i % 2 ? b : a), 0);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], &r), 0);
		assert_null(r);
	}
	om_audit_close(a);
	om_audit_close(b);
	assert_int_equal(verify_one(f, &p), 0);
	assert_int_equal(p.records, 201);
}

/*
 * fsync - counted and slowed down while fsync_count_on is set, so that
 * the writers of test_group_fsync overlap as on a busy disk. The
 * library's calls land here: the test program defines the symbol.
 */
static int fsync_count_on;
static unsigned long fsync_calls;

int
fsync(int fd)
{
	if (__atomic_load_n(&fsync_count_on, __ATOMIC_ACQUIRE)) {
		struct timespec ts = {0, 3 * 1000 * 1000};

		__atomic_add_fetch(&fsync_calls, 1, __ATOMIC_RELAXED);
		nanosleep(&ts, NULL);
	}
	return (fdatasync(fd));
}

/*
 * audit_fsync = always with eight writers at once: records written
 * while an fsync runs share the next one instead of each taking its
 * own, and the chain stays whole.
 */
static void
test_group_fsync(void **state)
{
	fixture *f = *state;
	om_audit *a = om_audit_open_path(f->log, f->key, 0, 1);
	pthread_t t[8];
	om_audit_problem p;
	void   *r;

	assert_non_null(a);
	assert_int_equal(om_audit_event(a, "test", "n", "first", NULL), 0);
	__atomic_store_n(&fsync_calls, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&fsync_count_on, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < 8; i++)
		assert_int_equal(pthread_create(t + i, NULL, writer, a), 0);
	for (int i = 0; i < 8; i++) {
		assert_int_equal(pthread_join(t[i], &r), 0);
		assert_null(r);
	}
	__atomic_store_n(&fsync_count_on, 0, __ATOMIC_RELEASE);
	om_audit_close(a);
	assert_int_equal(verify_one(f, &p), 0);
	assert_int_equal(p.records, 402);
	/* One each would be 400. */
	if (fsync_calls == 0 || fsync_calls > 200)
		fail_msg("%lu fsyncs for 400 records", fsync_calls);
}

/*
 * A write cut short by a file size limit leaves no fragment: the writer
 * truncates back to the last whole record, and the next record written
 * says that a write failed. The chain stays verifiable.
 */
static void
test_short_write(void **state)
{
	fixture *f = *state;
	struct stat st;
	om_audit_problem p;
	char    big[600], *lines[MAX_LINES + 1];
	off_t   before;
	pid_t   pid;
	int     status, n, seen = 0;

	write_events(f, 2);
	assert_int_equal(stat(f->log, &st), 0);
	before = st.st_size;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = {(rlim_t) before + 100, (rlim_t) before + 100};
		om_audit *a;
		int     r;

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl) < 0 || (a = om_audit_open_path(f->log, f->key, 0, 0)) == NULL)
			_exit(2);
		r = om_audit_event(a, "test", "n", big, NULL);
		om_audit_close(a);
		_exit(r < 0 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);	/* the write failed */
	assert_int_equal(stat(f->log, &st), 0);
	assert_int_equal(st.st_size, before);		/* and left nothing behind */
	write_events(f, 1);
	assert_int_equal(verify_one(f, &p), 0);
	n = read_lines(f->log, lines);
	for (int i = 0; i < n; i++) {
		if (strstr(lines[i], "\"type\":\"write_failed\"") && strstr(lines[i], "\"failed\":1"))
			seen = i;
		free(lines[i]);
	}
	assert_int_equal(seen, 3);	/* start, 2 events, then the note */
}

/*
 * Rotation keeps the owner and mode of the file it replaces: root running
 * "omamori log rotate" must not leave a root:root 0640 file that the
 * milter's user cannot append to. (The owner part needs root.)
 */
static void
test_rotate_owner(void **state)
{
	fixture *f = *state;
	struct stat st;
	om_audit *a;
	uid_t   uid = geteuid() == 0 ? 65534 : geteuid();
	gid_t   gid = geteuid() == 0 ? 65534 : getegid();

	write_events(f, 1);
	assert_int_equal(chown(f->log, uid, gid), 0);
	assert_int_equal(chmod(f->log, 0660), 0);
	a = om_audit_open_path(f->log, f->key, 0, 0);
	assert_non_null(a);
	assert_int_equal(om_audit_rotate(a, 1700000000), 0);
	assert_int_equal(om_audit_event(a, "test", "n", "after", NULL), 0);
	om_audit_close(a);
	assert_int_equal(stat(f->log, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0660);
	assert_int_equal(st.st_uid, uid);
	assert_int_equal(st.st_gid, gid);
}

/* The state file: kept with every record, and checked by its own MAC. */
static void
test_state(void **state)
{
	fixture *f = *state;
	om_audit_problem p;
	const char *files[1];
	char    st[200];
	FILE   *fp;
	int     c;

	files[0] = f->log;
	snprintf(st, sizeof(st), "%s.state", f->log);
	write_events(f, 3);
	assert_int_equal(om_audit_verify_state(files, 1, f->key, st, &p), 0);
	assert_int_equal(p.records, 4);
	/* One digit of the seq changed: the state file is not ours. */
	fp = fopen(st, "r+");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 46, SEEK_SET), 0);
	c = fgetc(fp);
	assert_true(c >= '0' && c <= '9');
	assert_int_equal(fseek(fp, 46, SEEK_SET), 0);
	fputc(c == '9' ? '8' : c + 1, fp);
	fclose(fp);
	assert_int_equal(om_audit_verify_state(files, 1, f->key, st, &p), 1);
	assert_int_equal(p.kind, OM_AUDIT_STATE);
	/* The next writer records that it found the state file so. */
	write_events(f, 1);
	assert_int_equal(om_audit_verify(files, 1, f->key, &p), 1);
	assert_int_equal(p.kind, OM_AUDIT_DELETED);
	assert_int_equal(p.line, 5);
	assert_non_null(strstr(p.text, "not ours"));
}

/* Free text: every long digit run, in any spelling, keeps 4 digits. */
static void
test_mask_text(void **state)
{
	static const char *cases[][2] = {
		{"4111.1111.1111.1111", "****.****.****.1111"},
		{"1234_5678_9018", "**********9018"},
		{"\xef\xbc\x94\xef\xbc\x91\xef\xbc\x91\xef\xbc\x91\xef\xbc\x91\xef\xbc\x91\xef\xbc\x91\xef\xbc\x91", "****1111"},
		{"090\xe3\x83\xbb" "3141\xe3\x83\xbb" "5926", "***\xe3\x83\xbb" "****\xe3\x83\xbb" "5926"},
		{"report_v2_2026.pdf", "report_v2_2026.pdf"},
		{"12345.pdf", "12345.pdf"},
		{"a\xff" "b", "a\xef\xbf\xbd" "b"},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		om_buf  b;

		om_buf_init(&b, 0);
		om_mask_text(cases[i][0], strlen(cases[i][0]), &b);
		if (strcmp(b.data ? b.data : "", cases[i][1]) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, b.data ? b.data : "", cases[i][1]);
		om_buf_free(&b);
	}
}

static void
test_duration(void **state)
{
	unsigned long s;

	assert_int_equal(om_audit_parse_duration("3y", &s), 0);
	assert_int_equal(s, 3UL * 365 * 86400);
	assert_int_equal(om_audit_parse_duration("400d", &s), 0);
	assert_int_equal(s, 400UL * 86400);
	assert_int_equal(om_audit_parse_duration("3", &s), -1);
	assert_int_equal(om_audit_parse_duration("y", &s), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_intact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tamper, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rotation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_key_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pseudonymise, setup, teardown),
		cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_group_fsync, setup, teardown),
		cmocka_unit_test_setup_teardown(test_short_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rotate_owner, setup, teardown),
		cmocka_unit_test_setup_teardown(test_state, setup, teardown),
		cmocka_unit_test(test_mask_text),
		cmocka_unit_test(test_duration),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
