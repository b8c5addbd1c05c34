/*
 * corpus_scan - scan many messages in one process, for the corpus test
 * and quick measurements.
 *
 * usage: corpus_scan [-c CONFIG] [-t SECONDS] [-q] [-r RCPT] [-v|-f] FILE...
 *        corpus_scan [-c CONFIG] [-t SECONDS] [-q] [-r RCPT] [-v|-f] -l LISTFILE
 *
 * Every message goes through om_engine_scan(). A message that takes
 * longer than the per-message alarm (default 20 s) stops the run with
 * its name: a hang is a failure. At the end one summary line:
 * messages, bytes, time, verdict counts, limits hit. Exit 1 when a
 * message could not be read or the engine reported an internal error on one.
 *
 * -r RCPT gives every message that envelope recipient (the sender comes
 * from the headers), so that, with RCPT in internal_domains, the corpus
 * is judged as inbound mail; -v prints a line for every message not
 * accepted: action, file, the categories found; -f prints every
 * message's file and whole result ("omamori scan" JSON: each finding
 * with rule, place and count), so that two builds can be diffed.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "om_buf.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_msg.h"

static const char *volatile current = "";

static void
on_alarm(int sig)
{
	static const char msg[] = "corpus_scan: TIMEOUT scanning ";

	(void) sig;
	(void) !write(2, msg, sizeof(msg) - 1);
	(void) !write(2, current, strlen(current));
	(void) !write(2, "\n", 1);
	_exit(3);
}

static int
read_file(const char *path, om_buf *b)
{
	FILE   *fp = fopen(path, "rb");
	char    chunk[65536];
	size_t  n;

	if (fp == NULL)
		return (-1);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		om_buf_append(b, chunk, n);
	fclose(fp);
	return (0);
}

int
main(int argc, char **argv)
{
	const char *config = NULL, *list = NULL, *rcpt = NULL;
	unsigned timeout = 20;
	int     c, quiet = 0, verbose = 0, full = 0;
	om_snap *snap;
	om_conf_err err;
	size_t  nmsg = 0, bytes = 0, unreadable = 0, limited = 0, errors = 0, actions[OM_ACT_COUNT] = {0};
	struct timespec t0, t1;
	char  **files = NULL;
	size_t  nfiles = 0;

	while ((c = getopt(argc, argv, "c:t:l:qr:vf")) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 't':
			timeout = (unsigned) atoi(optarg);
			break;
		case 'l':
			list = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'r':
			rcpt = optarg;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'f':
			full = 1;
			break;
		default:
			fprintf(stderr, "usage: corpus_scan [-c CONFIG] [-t SECONDS] [-q] [-r RCPT] [-v|-f] [-l LIST] FILE...\n");
			return (2);
		}
	}
	om_log_open("corpus_scan", quiet ? 0 : OM_LOG_STDERR, 0);
	snap = config ? om_snap_load(config, OM_SNAP_SCAN, &err) : om_snap_load(NULL, OM_SNAP_SCAN, &err);
	if (snap == NULL) {
		fprintf(stderr, "corpus_scan: %s\n", err.text);
		return (2);
	}
	if (list) {
		FILE   *fp = fopen(list, "r");
		char   *line = NULL;
		size_t  cap = 0;
		ssize_t n;

		if (fp == NULL) {
			fprintf(stderr, "corpus_scan: %s: %s\n", list, strerror(errno));
			return (2);
		}
		while ((n = getline(&line, &cap, fp)) > 0) {
			while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
				line[--n] = 0;
			if (n == 0)
				continue;
			files = realloc(files, (nfiles + 1) * sizeof(char *));
			files[nfiles++] = strdup(line);
		}
		free(line);
		fclose(fp);
	} else {
		for (int i = optind; i < argc; i++) {
			files = realloc(files, (nfiles + 1) * sizeof(char *));
			files[nfiles++] = strdup(argv[i]);
		}
	}
	signal(SIGALRM, on_alarm);
	om_engine_global_init();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t i = 0; i < nfiles; i++) {
		om_buf  raw;
		om_result *res;

		om_buf_init(&raw, 0);
		current = files[i];
		if (read_file(files[i], &raw) < 0) {
			fprintf(stderr, "corpus_scan: %s: %s\n", files[i], strerror(errno));
			unreadable++;
			om_buf_free(&raw);
			continue;
		}
		alarm(timeout);
		{
			om_envelope env = {0};

			env.rcpt = &rcpt;
			env.nrcpt = 1;
			res = om_engine_scan(snap, rcpt ? &env : NULL, raw.data ? raw.data : "", raw.len);
		}
		alarm(0);
		if (full) {
			om_buf  js;

			om_buf_init(&js, 0);
			om_result_json(res, &js);
			printf("%s %.*s\n", files[i], (int) js.len, js.data ? js.data : "");
			om_buf_free(&js);
		} else if (verbose && res->action != OM_ACT_ACCEPT) {
			printf("%s %s", om_action_name(res->action), files[i]);
			for (size_t k = 0; k < res->nfindings; k++) {
				size_t  j;

				for (j = 0; j < k && strcmp(res->findings[j].category, res->findings[k].category); j++)
					;
				if (j == k)
					printf(" %s", res->findings[k].category);
			}
			printf("\n");
		}
		nmsg++;
		bytes += raw.len;
		actions[res->action]++;
		if (res->msg && res->msg->limits)
			limited++;
		if (res->internal_error) {
			fprintf(stderr, "corpus_scan: internal error on %s\n", files[i]);
			errors++;
		}
		om_result_free(res);
		om_buf_free(&raw);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	{
		double  secs = (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;

		printf("scanned %zu messages, %.1f MB in %.2f s (%.1f msg/s, %.1f MB/s); unreadable %zu; "
		       "internal errors %zu; limits hit %zu; verdicts:", nmsg, (double) bytes / 1e6, secs,
		       secs > 0 ? (double) nmsg / secs : 0.0, secs > 0 ? (double) bytes / 1e6 / secs : 0.0,
		       unreadable, errors, limited);
		for (int a = 0; a < OM_ACT_COUNT; a++)
			printf(" %s=%zu", om_action_name((om_action) a), actions[a]);
		printf("\n");
	}
	for (size_t i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	om_snap_unref(snap);
	om_engine_global_shutdown();
	return (unreadable || errors ? 1 : 0);
}
