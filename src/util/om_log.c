/*++
 * NAME
 *	om_log 3
 * SUMMARY
 *	diagnostics to stderr and/or syslog
 * DESCRIPTION
 *	See om_log.h. Messages are formatted once into a bounded buffer;
 *	an over-long message is truncated, never overflowed.
 *--*/
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "om_log.h"

static const char *log_progname = "omamori";
static int log_where = OM_LOG_STDERR;
static int log_verbose;

/* om_log_open - choose destinations */
void
om_log_open(const char *progname, int where, int verbose)
{
	log_progname = progname;
	log_where = where;
	log_verbose = verbose;
	if (where & OM_LOG_SYSLOG)
		openlog(progname, LOG_PID | LOG_NDELAY, LOG_MAIL);
}

/* om_log_set_verbose - change the verbosity level */
void
om_log_set_verbose(int verbose)
{
	log_verbose = verbose;
}

/* om_log_verbose - current verbosity level */
int
om_log_verbose(void)
{
	return log_verbose;
}

/* log_emit - format and send one line */
static void __attribute__((format(printf, 3, 0)))
log_emit(int prio, const char *tag, const char *fmt, va_list ap)
{
	char line[2048];

	vsnprintf(line, sizeof(line), fmt, ap);
	if (log_where & OM_LOG_STDERR)
		fprintf(stderr, "%s: %s%s\n", log_progname, tag, line);
	if (log_where & OM_LOG_SYSLOG)
		syslog(prio, "%s%s", tag, line);
}

/* om_info - ordinary progress */
void
om_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit(LOG_INFO, "", fmt, ap);
	va_end(ap);
}

/* om_debug - detail, only when verbose */
void
om_debug(const char *fmt, ...)
{
	va_list ap;

	if (log_verbose < 1)
		return;
	va_start(ap, fmt);
	log_emit(LOG_DEBUG, "debug: ", fmt, ap);
	va_end(ap);
}

/* om_warn - recoverable trouble */
void
om_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit(LOG_WARNING, "warning: ", fmt, ap);
	va_end(ap);
}

/* om_fatal - environment or configuration trouble: exit */
void
om_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit(LOG_ERR, "fatal: ", fmt, ap);
	va_end(ap);
	exit(2);
}

/* om_panic - a bug in omamori: abort for a core file */
void
om_panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit(LOG_CRIT, "panic: ", fmt, ap);
	va_end(ap);
	abort();
}
