/*
 * om_test_redis.h - a private redis-server for a test: 127.0.0.1, a free
 * port, nothing saved, killed at the end. Tests that need one skip with
 * a message only when redis-server is not installed.
 */
#ifndef OM_TEST_REDIS_H
#define OM_TEST_REDIS_H

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <hiredis/hiredis.h>

typedef struct om_test_redis {
	pid_t	pid;
	int	port;
	char	spec[64];		/* "redis:127.0.0.1:PORT" */
} om_test_redis;

/* om_test_redis_installed - redis-server on PATH (or in /usr/bin, /usr/sbin) */
static inline int
om_test_redis_installed(void)
{
	const char *path = getenv("PATH");
	char    dirs[4096], file[4200];

	snprintf(dirs, sizeof(dirs), "%s:/usr/bin:/usr/sbin", path ? path : "");
	for (char *save = NULL, *d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
		snprintf(file, sizeof(file), "%s/redis-server", d);
		if (access(file, X_OK) == 0)
			return (1);
	}
	return (0);
}

/* om_test_free_port - a loopback TCP port nobody listens on right now */
static inline int
om_test_free_port(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int     fd = socket(AF_INET, SOCK_STREAM, 0), port = -1;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && bind(fd, (struct sockaddr *) &sin, sizeof(sin)) == 0
	    && getsockname(fd, (struct sockaddr *) &sin, &len) == 0)
		port = ntohs(sin.sin_port);
	if (fd >= 0)
		close(fd);
	return (port);
}

/* om_test_redis_ping - the server answers PING */
static inline int
om_test_redis_ping(int port)
{
	struct timeval tv = {0, 200000};
	redisContext *c = redisConnectWithTimeout("127.0.0.1", port, tv);
	redisReply *r;
	int     ok = 0;

	if (c && !c->err && (r = redisCommand(c, "PING")) != NULL) {
		ok = r->type == REDIS_REPLY_STATUS;
		freeReplyObject(r);
	}
	if (c)
		redisFree(c);
	return (ok);
}

/* om_test_redis_start - start a server (port 0: a free one); 0, or -1 */
static inline int
om_test_redis_start(om_test_redis *rs, int port)
{
	char    portarg[16];

	rs->port = port ? port : om_test_free_port();
	if (rs->port <= 0)
		return (-1);
	snprintf(portarg, sizeof(portarg), "%d", rs->port);
	snprintf(rs->spec, sizeof(rs->spec), "redis:127.0.0.1:%d", rs->port);
	if ((rs->pid = fork()) < 0)
		return (-1);
	if (rs->pid == 0) {
		int     null = open("/dev/null", O_RDWR);

		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execlp("redis-server", "redis-server", "--port", portarg, "--bind", "127.0.0.1",
		       "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", "/tmp",
		       (char *) NULL);
		_exit(127);
	}
	/* Ready when it answers; at most 5 s. */
	for (int i = 0; i < 250; i++) {
		struct timespec ts = {0, 20 * 1000 * 1000};
		int     status;

		if (om_test_redis_ping(rs->port))
			return (0);
		if (waitpid(rs->pid, &status, WNOHANG) == rs->pid) {
			rs->pid = 0;
			return (-1);
		}
		nanosleep(&ts, NULL);
	}
	return (-1);
}

/* om_test_redis_stop - kill it and wait */
static inline void
om_test_redis_stop(om_test_redis *rs)
{
	if (rs->pid > 0) {
		kill(rs->pid, SIGKILL);
		waitpid(rs->pid, NULL, 0);
		rs->pid = 0;
	}
}

/* om_test_redis_flush - an empty server for the next case */
static inline int
om_test_redis_flush(const om_test_redis *rs)
{
	struct timeval tv = {1, 0};
	redisContext *c = redisConnectWithTimeout("127.0.0.1", rs->port, tv);
	redisReply *r = NULL;
	int     ok = 0;

	if (c && !c->err && (r = redisCommand(c, "FLUSHALL")) != NULL)
		ok = r->type == REDIS_REPLY_STATUS;
	if (r)
		freeReplyObject(r);
	if (c)
		redisFree(c);
	return (ok ? 0 : -1);
}

#endif
