/*++
 * NAME
 *	om_map 3h
 * SUMMARY
 *	small key -> value lookup tables read from files
 * SYNOPSIS
 *	#include "om_map.h"
 * DESCRIPTION
 *	An om_map holds "key value" lines from a file: one pair per line,
 *	"#" starts a comment, blank lines are skipped, keys are compared
 *	without regard to case. om_map_lookup_addr() answers for a mail
 *	address: the full address first, then "@domain", then "@parent"
 *	domains.
 *
 *	A map is loaded once with the configuration and never changes;
 *	the snapshot (om_snap) that uses it owns it.
 *
 *	om_map_set_load() reads a word list (one key per line, no value):
 *	the free-mail domain list.
 *
 *	om_maps_load() loads the manager map and the free-mail domain
 *	lists a configuration names, for om_snap_build().
 *--*/
#ifndef OM_MAP_H
#define OM_MAP_H

#include <stddef.h>

#include "om_conf.h"


#define OM_MAP_LINE_MAX	1024		/* longest line accepted */
#define OM_MAP_ENTRIES_MAX 1000000	/* entries per file */

typedef struct om_map om_map;

om_map *om_map_new(void);
int	om_map_load(om_map *map, const char *path, int with_value, om_conf_err *err);
const char *om_map_lookup(const om_map *map, const char *key);
const char *om_map_lookup_addr(const om_map *map, const char *addr);
int	om_map_has_domain(const om_map *map, const char *domain);
size_t	om_map_count(const om_map *map);
void	om_map_free(void *map);

int	om_maps_load(const om_conf *conf, om_map **freemail, om_map **manager,
		     om_conf_err *err);

#endif
