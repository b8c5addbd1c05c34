/*++
 * NAME
 *	om_milter 3h
 * SUMMARY
 *	the libmilter glue, seen from the daemon's main()
 * SYNOPSIS
 *	#include "om_milter.h"
 * DESCRIPTION
 *	om_milter_open() registers the callbacks and opens the listening
 *	socket named by the snapshot's "socket" key (with socket_mode and
 *	socket_group for a unix socket). It runs before the privilege drop.
 *
 *	om_milter_spill_init() creates the private directory (0700) where
 *	message bodies larger than body_memory_limit go; after the drop.
 *
 *	om_milter_run() is smfi_main(): it returns after om_milter_stop().
 *
 *	om_milter_set_conf() swaps in a new configuration snapshot; every
 *	message keeps a reference to the snapshot current at MAIL FROM.
 *	om_milter_inflight() counts messages between MAIL FROM and their
 *	end, for a shutdown that lets them finish.
 *--*/
#ifndef OM_MILTER_H
#define OM_MILTER_H

#include <sys/types.h>

#include "om_conf.h"
#include "om_snap.h"

int	om_milter_open(const om_conf *conf, uid_t uid, gid_t gid);
int	om_milter_spill_init(const om_conf *conf);
void	om_milter_spill_cleanup(void);
int	om_milter_run(void);
void	om_milter_stop(void);
void	om_milter_set_snap(om_snap *snap);
unsigned om_milter_inflight(void);

#endif
