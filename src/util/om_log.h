/*++
 * NAME
 *	om_log 3h
 * SUMMARY
 *	one logger, three kinds of trouble
 * SYNOPSIS
 *	#include "om_log.h"
 * DESCRIPTION
 *	om_log owns where diagnostics go (stderr, syslog, or both) and what
 *	each level means:
 *	om_info/om_debug  ordinary progress;
 *	om_warn           bad input or a recoverable problem: carry on;
 *	om_fatal          environment or configuration: exit(2);
 *	om_panic          our own bug: abort().
 *	Callers never log personal data: a rule id, a masked sample or a
 *	keyed hash instead.
 *--*/
#ifndef OM_LOG_H
#define OM_LOG_H

#include <stdarg.h>

#define OM_LOG_STDERR	1
#define OM_LOG_SYSLOG	2

#define OM_PRINTF(f, a)	__attribute__((format(printf, f, a)))

void	om_log_open(const char *progname, int where, int verbose);
void	om_log_set_verbose(int verbose);
int	om_log_verbose(void);
void	om_info(const char *fmt, ...) OM_PRINTF(1, 2);
void	om_debug(const char *fmt, ...) OM_PRINTF(1, 2);
void	om_warn(const char *fmt, ...) OM_PRINTF(1, 2);
void	om_fatal(const char *fmt, ...) OM_PRINTF(1, 2) __attribute__((noreturn));
void	om_panic(const char *fmt, ...) OM_PRINTF(1, 2) __attribute__((noreturn));

#endif
