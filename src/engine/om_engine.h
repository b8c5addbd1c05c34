/*++
 * NAME
 *	om_engine 3h
 * SUMMARY
 *	the engine: raw message in, verdict out
 * SYNOPSIS
 *	#include "om_engine.h"
 * DESCRIPTION
 *	parse -> expand -> detect -> decide -> act. The engine knows nothing of
 *	libmilter: the daemon, "omamori scan", the tests and the benchmarks
 *	all call om_engine_scan() the same way.
 *
 *	om_engine_global_init() once per process before any thread starts;
 *	om_engine_scan() is then safe to call from many threads at once
 *	with a shared configuration snapshot.
 *
 *	The result (om_result.h) owns everything it points to;
 *	om_result_free() releases it.
 *--*/
#ifndef OM_ENGINE_H
#define OM_ENGINE_H

#include <stddef.h>

#include "om_result.h"
#include "om_snap.h"

void	om_engine_global_init(void);
void	om_engine_global_shutdown(void);
om_result *om_engine_scan(const om_snap *snap, const om_envelope *env,
			  const char *raw, size_t len);
om_result *om_engine_scan_fd(const om_snap *snap, const om_envelope *env, int fd);
om_result *om_engine_error(const om_snap *snap, const om_envelope *env,
			   const char *raw, size_t len, int fd, const char *why);

#endif
