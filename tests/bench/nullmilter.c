/*
 * NAME
 *    nullmilter 1
 * SUMMARY
 *    do-nothing libmilter milter, the yardstick for milter overhead
 * SYNOPSIS
 *    nullmilter -p socket [-t timeout] [-b backlog]
 * DESCRIPTION
 *    nullmilter registers every callback that a content filter
 *    needs (connect, helo, envfrom, envrcpt, header, eoh, body,
 *    eom, abort, close), so that the MTA sends it the whole
 *    SMTP conversation and the whole message, and then does
 *    nothing with any of it: it keeps no state, allocates nothing
 *    per connection, and lets every message through (SMFIS_CONTINUE
 *    everywhere, SMFIS_ACCEPT at end of message).
 *
 *    What remains is the cost every milter pays: the protocol
 *    round trips, the copy of the message body to the milter, and
 *    libmilter's thread per connection. The throughput benchmark
 *    (tests/bench/postfix-bench.sh) uses it as the upper limit for
 *    any real milter.
 *
 *    It runs in the foreground until SIGINT or SIGTERM.
 *
 *    Options:
 *  -p socket
 *    Where to listen, in the form smfi_setconn(3) takes:
 *    unix:/path/to/socket (or local:/path) or inet:port@127.0.0.1.
 *    A stale UNIX-domain socket is removed first.
 *  -t timeout
 *    libmilter I/O timeout in seconds (default: 30).
 *  -b backlog
 *    listen(2) backlog (default: 128).
 * BUILD
 *    cc -O2 -o nullmilter nullmilter.c -lmilter -pthread
 * DIAGNOSTICS
 *    Exit status 0 after a clean shutdown, 1 when libmilter could
 *    not be set up, 2 on bad usage. Errors go to stderr.
 * SEE ALSO
 *    tests/bench/postfix-bench.sh, the benchmark that runs it
 */

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <libmilter/mfapi.h>

/* nm_connect - connect: nothing to remember */

static sfsistat nm_connect(SMFICTX *ctx, char *host, _SOCK_ADDR *addr)
{
    (void) ctx;
    (void) host;
    (void) addr;
    return (SMFIS_CONTINUE);
}

/* nm_helo - HELO/EHLO: ignored */

static sfsistat nm_helo(SMFICTX *ctx, char *name)
{
    (void) ctx;
    (void) name;
    return (SMFIS_CONTINUE);
}

/* nm_envfrom - MAIL FROM: ignored */

static sfsistat nm_envfrom(SMFICTX *ctx, char **argv)
{
    (void) ctx;
    (void) argv;
    return (SMFIS_CONTINUE);
}

/* nm_envrcpt - RCPT TO: ignored */

static sfsistat nm_envrcpt(SMFICTX *ctx, char **argv)
{
    (void) ctx;
    (void) argv;
    return (SMFIS_CONTINUE);
}

/* nm_header - one header field: ignored */

static sfsistat nm_header(SMFICTX *ctx, char *name, char *value)
{
    (void) ctx;
    (void) name;
    (void) value;
    return (SMFIS_CONTINUE);
}

/* nm_eoh - end of headers: ignored */

static sfsistat nm_eoh(SMFICTX *ctx)
{
    (void) ctx;
    return (SMFIS_CONTINUE);
}

/* nm_body - one body chunk: received and dropped */

static sfsistat nm_body(SMFICTX *ctx, unsigned char *chunk, size_t len)
{
    (void) ctx;
    (void) chunk;
    (void) len;
    return (SMFIS_CONTINUE);
}

/* nm_eom - end of message: let it through unchanged */

static sfsistat nm_eom(SMFICTX *ctx)
{
    (void) ctx;
    return (SMFIS_ACCEPT);
}

/* nm_abort - message aborted: nothing to free */

static sfsistat nm_abort(SMFICTX *ctx)
{
    (void) ctx;
    return (SMFIS_CONTINUE);
}

/* nm_close - connection closed: nothing to free */

static sfsistat nm_close(SMFICTX *ctx)
{
    (void) ctx;
    return (SMFIS_CONTINUE);
}

static struct smfiDesc nm_desc = {
    "nullmilter",			/* filter name */
    SMFI_VERSION,			/* version code */
    0,					/* flags: we change nothing */
    nm_connect,				/* connection info */
    nm_helo,				/* SMTP HELO */
    nm_envfrom,				/* envelope sender */
    nm_envrcpt,				/* envelope recipient */
    nm_header,				/* header field */
    nm_eoh,				/* end of header */
    nm_body,				/* body block */
    nm_eom,				/* end of message */
    nm_abort,				/* message aborted */
    nm_close,				/* connection closed */
    NULL,				/* unknown SMTP command */
    NULL,				/* DATA command */
    NULL,				/* option negotiation: take the default */
};

/* usage - complain and exit */

static void usage(const char *myname)
{
    fprintf(stderr, "usage: %s -p socket [-t timeout] [-b backlog]\n", myname);
    exit(2);
}

/* main - parse options, hand over to libmilter */

int     main(int argc, char **argv)
{
    char   *conn = NULL;
    int     timeout = 30;
    int     backlog = 128;
    int     ch;

    while ((ch = getopt(argc, argv, "p:t:b:")) != -1) {
	switch (ch) {
	case 'p':
	    conn = optarg;
	    break;
	case 't':
	    timeout = atoi(optarg);
	    if (timeout <= 0)
		usage(argv[0]);
	    break;
	case 'b':
	    backlog = atoi(optarg);
	    if (backlog <= 0)
		usage(argv[0]);
	    break;
	default:
	    usage(argv[0]);
	}
    }
    if (conn == NULL || optind != argc)
	usage(argv[0]);

    if (smfi_setconn(conn) == MI_FAILURE) {
	fprintf(stderr, "%s: smfi_setconn(%s) failed\n", argv[0], conn);
	return (1);
    }
    if (smfi_settimeout(timeout) == MI_FAILURE
	|| smfi_setbacklog(backlog) == MI_FAILURE) {
	fprintf(stderr, "%s: bad timeout or backlog\n", argv[0]);
	return (1);
    }
    if (smfi_register(nm_desc) == MI_FAILURE) {
	fprintf(stderr, "%s: smfi_register failed\n", argv[0]);
	return (1);
    }
    /* Remove a stale socket left by an earlier run. */
    if (smfi_opensocket(1) == MI_FAILURE) {
	fprintf(stderr, "%s: cannot open milter socket %s\n", argv[0], conn);
	return (1);
    }
    return (smfi_main() == MI_SUCCESS ? 0 : 1);
}
