/*++
 * NAME
 *	omamori-milter 8
 * SUMMARY
 *	the omamori mail filter daemon
 * SYNOPSIS
 *	omamori-milter [-c FILE] [-f] [-v]
 * DESCRIPTION
 *	Loads and validates the configuration, opens the milter socket,
 *	writes the pid file, drops to the configured user, and serves
 *	until SIGTERM. See omamori-milter(8).
 *
 *	Signals: libmilter's own signal thread waits for SIGHUP, SIGTERM
 *	and SIGINT and stops the milter on any of them, and no thread of
 *	ours can keep a process-directed signal from reaching it: a burst
 *	of SIGHUPs would sooner or later stop the daemon. So the process
 *	the pid file names is a small supervisor that never runs libmilter:
 *	it takes SIGHUP, SIGTERM and SIGINT with sigwait() and passes them
 *	on to its one worker process as SIGUSR1 (reload) and SIGUSR2 (stop),
 *	which libmilter does not use. The worker serves mail; it dies with
 *	the supervisor (PR_SET_PDEATHSIG). A worker that ends without being
 *	asked to makes the supervisor exit non-zero, so that a service
 *	manager restarts it; so does a milter that stops by itself.
 *
 *	SIGHUP: load + validate a new snapshot (and its maps) and swap it
 *	in; messages keep the snapshot they started with; a broken file
 *	is logged and the old snapshot stays.
 *
 *	Audit log: each snapshot carries its own handle on audit_log
 *	(opened after the privilege drop, and again on every reload), so
 *	a message records its decision under the snapshot it ran with. A
 *	log that cannot be opened stops the start and fails a reload. The
 *	notice key is loaded the same way (om_snap_build()), made when
 *	notice_key_file names a file that does not exist yet. The state
 *	store too: an SQLite database is made (0600) by the service user.
 *	SIGTERM/SIGINT: stop accepting, let messages in flight finish (up
 *	to shutdown_timeout seconds), exit.
 *--*/
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <malloc.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "om_audit.h"
#include "om_conf.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_milter.h"
#include "om_notice.h"

#ifndef OM_SYSCONFDIR
#define OM_SYSCONFDIR "/etc"
#endif

static volatile sig_atomic_t got_hup;
static volatile sig_atomic_t got_term;
static volatile sig_atomic_t milter_done;
static size_t shutdown_timeout = 120;

/* on_signal - note it; the worker's main loop acts */
static void
on_signal(int sig)
{
	if (sig == SIGUSR1)
		got_hup = 1;
	else
		got_term = 1;
}

/*
 * supervise - fork the worker and return in it; the supervisor stays
 * here, passing signals on, until the worker ends, and exits with its
 * status (non-zero when the worker ended without being asked to).
 */
static void
supervise(om_conf *conf)
{
	sigset_t set, old;
	pid_t   parent = getpid(), worker;
	int     stopping = 0, sig, status;
	char   *pid_file;

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGCHLD);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	if ((worker = fork()) < 0)
		om_fatal("fork: %s", strerror(errno));
	if (worker == 0) {
		/* The worker goes with the supervisor, even on SIGKILL. */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != parent)
			_exit(1);
		/* A terminal's ^C reaches the supervisor only, which passes it on. */
		(void) setpgid(0, 0);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		return;
	}
	/* The supervisor needs nothing of the configuration but the pid file. */
	pid_file = conf->conf_pid_file ? om_xstrdup(conf->conf_pid_file) : NULL;
	om_conf_unref(conf);
	for (;;) {
		if (sigwait(&set, &sig) != 0)
			continue;
		switch (sig) {
		case SIGHUP:
			(void) kill(worker, SIGUSR1);
			break;
		case SIGTERM:
		case SIGINT:
			stopping = 1;
			(void) kill(worker, SIGUSR2);
			break;
		case SIGCHLD:
			if (waitpid(worker, &status, WNOHANG) != worker)
				break;
			if (pid_file && *pid_file)
				(void) unlink(pid_file);
			free(pid_file);
			if (stopping && WIFEXITED(status))
				exit(WEXITSTATUS(status));
			if (WIFSIGNALED(status))
				om_warn("worker killed by signal %d", WTERMSIG(status));
			else
				om_warn("worker exited with status %d without being asked to",
					WEXITSTATUS(status));
			exit(WIFEXITED(status) && WEXITSTATUS(status) ? WEXITSTATUS(status) : 1);
		}
	}
}

/* usage - how to call us: stdout, exit 0 when asked for; else stderr, exit 2 */
static void __attribute__((noreturn))
usage(int asked)
{
	fprintf(asked ? stdout : stderr,
		"usage: omamori-milter [-c FILE] [-f] [-v]\n"
		"  -c FILE  configuration (default " OM_SYSCONFDIR "/omamori/omamori.conf)\n"
		"  -f       stay in the foreground, log to stderr as well as syslog\n"
		"  -v       more logging (debug messages)\n"
		"See omamori-milter(8).\n");
	exit(asked ? 0 : 2);
}

/* daemonise - detach from the terminal */
static void
daemonise(void)
{
	pid_t   pid;
	int     fd;

	if ((pid = fork()) < 0)
		om_fatal("fork: %s", strerror(errno));
	if (pid > 0)
		_exit(0);
	if (setsid() < 0)
		om_fatal("setsid: %s", strerror(errno));
	if ((pid = fork()) < 0)
		om_fatal("fork: %s", strerror(errno));
	if (pid > 0)
		_exit(0);
	if (chdir("/") < 0)
		om_fatal("chdir /: %s", strerror(errno));
	if ((fd = open("/dev/null", O_RDWR)) >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
}

/* write_pid - the pid file, owned by the user we become */
static void
write_pid(const char *path, uid_t uid, gid_t gid)
{
	FILE   *fp;

	if (path == NULL || *path == 0)
		return;
	(void) unlink(path);
	if ((fp = fopen(path, "w")) == NULL)
		om_fatal("pid file %s: %s", path, strerror(errno));
	fprintf(fp, "%ld\n", (long) getpid());
	if (fclose(fp) != 0)
		om_fatal("pid file %s: %s", path, strerror(errno));
	if (geteuid() == 0 && chown(path, uid, gid) < 0)
		om_warn("chown %s: %s", path, strerror(errno));
}

/* drop_privileges - become the configured user for good */
static void
drop_privileges(const char *user, uid_t uid, gid_t gid)
{
	if (geteuid() != 0)
		return;
	if (user == NULL || *user == 0) {
		om_warn("no \"user\" configured: running as root");
		return;
	}
	/* The user's own groups stay (e.g. postdrop, for notices). */
	if (initgroups(user, gid) < 0 || setgid(gid) < 0 || setuid(uid) < 0)
		om_fatal("cannot become %s: %s", user, strerror(errno));
	if (setuid(0) == 0)
		om_fatal("privileges could not be dropped for good");
	om_info("running as %s", user);
}

/* milter_thread - smfi_main, with libmilter's signals blocked here */
static void *
milter_thread(void *arg)
{
	int    *rc = arg;

	*rc = om_milter_run();
	milter_done = 1;
	return (NULL);
}

/* What the daemon's snapshots hold: everything, the notice key made if missing. */
#define SNAP_DAEMON (OM_SNAP_SCAN | OM_SNAP_NOTICE_CREATE | OM_SNAP_AUDIT | OM_SNAP_STATE)
/* malloc arenas per CPU (mallopt M_ARENA_MAX; glibc's own: 8) */
#define OM_MILTER_ARENAS_PER_CPU	2
/* free memory an arena keeps for the next messages; blocks mapped on their own from this size */
#define OM_MILTER_KEEP_MB	16
#define OM_MILTER_MMAP_MB	4

/* reload - load and validate a new snapshot; keep the old one on error */
static void
reload(const char *path)
{
	om_conf_err err;
	om_snap *snap = om_snap_load(path, SNAP_DAEMON, &err);

	if (snap == NULL) {
		om_warn("reload failed, keeping the running configuration: %s (%d problem%s)",
			err.text, err.count, err.count == 1 ? "" : "s");
		return;
	}
	if (snap->audit == NULL)
		om_info("audit_log is empty: decisions are not recorded");
	shutdown_timeout = snap->conf->conf_shutdown_timeout;
	om_milter_set_snap(snap);
	om_info("configuration reloaded from %s", path);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *path = OM_SYSCONFDIR "/omamori/omamori.conf";
	int     foreground = 0, verbose = 0, ch, milter_rc = 0;
	om_conf_err err;
	om_conf *conf;
	om_snap *snap;
	uid_t   uid = getuid();
	gid_t   gid = getgid(), sock_gid;
	struct sigaction sa;
	sigset_t block;
	pthread_t tid;
	time_t  deadline;

	while ((ch = getopt_long(argc, argv, "c:fvh", opts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			path = optarg;
			break;
		case 'f':
			foreground = 1;
			break;
		case 'v':
			verbose++;
			break;
		case 'h':
			usage(1);
		default:
			usage(0);
		}
	}
	if (optind != argc)
		usage(0);
	om_log_open("omamori-milter", OM_LOG_SYSLOG | (foreground ? OM_LOG_STDERR : 0), verbose);
	if ((conf = om_conf_load(path, &err)) == NULL)
		om_fatal("%s (%d problem%s)", err.text, err.count, err.count == 1 ? "" : "s");
	/* Rules and maps checked while errors still reach the terminal. */
	if ((snap = om_snap_build(conf, OM_SNAP_SCAN, &err)) == NULL)
		om_fatal("%s (%d problem%s)", err.text, err.count, err.count == 1 ? "" : "s");
	om_snap_unref(snap);

	if (geteuid() == 0 && conf->conf_user && *conf->conf_user) {
		struct passwd *pw = getpwnam(conf->conf_user);

		if (pw == NULL)
			om_fatal("user \"%s\" does not exist", conf->conf_user);
		uid = pw->pw_uid;
		gid = pw->pw_gid;
	}
	sock_gid = gid;
	if (conf->conf_socket_group && *conf->conf_socket_group) {
		struct group *gr = getgrnam(conf->conf_socket_group);

		if (gr == NULL)
			om_fatal("socket_group \"%s\" does not exist", conf->conf_socket_group);
		sock_gid = gr->gr_gid;
	}
	if (!foreground)
		daemonise();
	if (om_milter_open(conf, uid, sock_gid) < 0)
		om_fatal("cannot listen on %s", conf->conf_socket);
	write_pid(conf->conf_pid_file, uid, gid);
	drop_privileges(conf->conf_user, uid, gid);
	supervise(conf);

	/*
	 * glibc gives each new thread its own malloc arena, up to eight per
	 * CPU, and an arena keeps what its messages freed for the next
	 * ones: with a thread per connection, tens of megabytes per arena
	 * at 100 sessions. Scans run at most one per CPU (om_milter.c), so
	 * two arenas per CPU are enough for them and the threads that only
	 * receive. (Mapping each large block instead, a fixed mmap
	 * threshold, kept less but cost a quarter more CPU per message in
	 * page faults.)
	 *
	 * What a message freed stays in its arena for the next one, up to
	 * OM_MILTER_KEEP_MB at the top of each: glibc's own threshold
	 * (128 KB, raised as large blocks come and go) gave the pages
	 * back after nearly every message, and the next one took a page
	 * fault for each page of its copy, pools and scratch again (a
	 * tenth of the daemon's CPU on a 290 KB message). Blocks below
	 * OM_MILTER_MMAP_MB come from the arenas, larger ones (a few MB
	 * messages) from mmap(2), so that what the arenas keep stays small.
	 */
	{
		long    ncpu = sysconf(_SC_NPROCESSORS_ONLN);

		mallopt(M_ARENA_MAX, ncpu < 1 ? OM_MILTER_ARENAS_PER_CPU
			: ncpu > 64 ? 64 * OM_MILTER_ARENAS_PER_CPU : (int) ncpu * OM_MILTER_ARENAS_PER_CPU);
		mallopt(M_TRIM_THRESHOLD, OM_MILTER_KEEP_MB * 1024 * 1024);
		mallopt(M_MMAP_THRESHOLD, OM_MILTER_MMAP_MB * 1024 * 1024);
	}
	if (om_milter_spill_init(conf) < 0)
		om_fatal("no private directory for large messages under %s", conf->conf_temp_dir);
	/*
	 * After the drop: the audit log, its lock file, a new notice key
	 * file and the state database belong to the service user.
	 */
	if ((snap = om_snap_build(conf, SNAP_DAEMON, &err)) == NULL)
		om_fatal("%s", err.text);
	if (snap->audit == NULL)
		om_info("audit_log is empty: decisions are not recorded");

	om_engine_global_init();
	shutdown_timeout = conf->conf_shutdown_timeout;
	om_milter_set_snap(snap);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	/* Sent to the worker directly (a whole process group): stop as asked. */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);

	/* The milter thread and its children start with these blocked. */
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &block, NULL);
	if (pthread_create(&tid, NULL, milter_thread, &milter_rc) != 0)
		om_fatal("cannot start the milter thread");
	pthread_sigmask(SIG_UNBLOCK, &block, NULL);
	om_info("ready on %s (config %s)", conf->conf_socket, path);
	om_conf_unref(conf);
	conf = NULL;

	while (!got_term && !milter_done) {
		struct timespec ts = {0, 100 * 1000 * 1000};

		nanosleep(&ts, NULL);
		if (got_hup) {
			got_hup = 0;
			reload(path);
		}
	}
	om_info("stopping: %u message%s in flight", om_milter_inflight(),
		om_milter_inflight() == 1 ? "" : "s");
	om_milter_stop();
	pthread_join(tid, NULL);

	/* Messages in flight finish; then we go. */
	deadline = time(NULL) + (time_t) shutdown_timeout;
	while (om_milter_inflight() > 0 && time(NULL) < deadline) {
		struct timespec ts = {0, 100 * 1000 * 1000};

		nanosleep(&ts, NULL);
	}
	if (om_milter_inflight() > 0)
		om_warn("exiting with %u message%s unfinished (the MTA tempfails them)",
			om_milter_inflight(), om_milter_inflight() == 1 ? "" : "s");
	om_milter_spill_cleanup();
	if (!got_term) {
		/* Nobody asked: a service manager should start us again. */
		om_warn("the milter stopped without being asked to (status %d)", milter_rc);
		return (1);
	}
	om_info("stopped");
	return (milter_rc == 0 ? 0 : 1);
}
