/*++
 * NAME
 *	om_snap 3h
 * SUMMARY
 *	one running configuration: settings and what is compiled from them
 * SYNOPSIS
 *	#include "om_snap.h"
 * DESCRIPTION
 *	An om_snap is what a message is judged with: the parsed settings
 *	(om_conf) and, each as a typed member, what the engine and the
 *	daemon build from them: the rule set, the free-mail and manager
 *	maps, the brand list, the sender-notice key, the audit log and
 *	the state store kept across messages (om_state.h).
 *	om_snap_build() is the one function that makes one; the caller
 *	says which members it needs (a tool that only reads the audit
 *	log needs no rules, and must not fail because rules_dir is gone).
 *	A member that was not asked for is NULL (or, for the notice key,
 *	absent), and the code that would use it must not be reached.
 *
 *	A built snapshot never changes. It is reference counted so that
 *	the daemon can swap in a new one on reload while messages in
 *	flight keep the one they started with.
 * DIAGNOSTICS
 *	om_snap_build() and om_snap_load() return NULL with err filled
 *	in ("file:line: text", or the member that could not be loaded).
 *--*/
#ifndef OM_SNAP_H
#define OM_SNAP_H

#include "om_conf.h"

#define OM_SNAP_RULES	(1 << 0)	/* rules_dir's rule set */
#define OM_SNAP_MAPS	(1 << 1)	/* free-mail domains, manager_map, insurers */
#define OM_SNAP_BRANDS	(1 << 2)	/* brands.txt, attack_brands */
#define OM_SNAP_NOTICE	(1 << 3)	/* the notice key, if configured and readable */
#define OM_SNAP_NOTICE_CREATE (1 << 4)	/* ... made when missing; unreadable fails */
#define OM_SNAP_AUDIT	(1 << 5)	/* audit_log opened, if one is set */
#define OM_SNAP_STATE	(1 << 6)	/* the state store, if one is set */
#define OM_SNAP_STATE_RO (1 << 7)	/* ... opened read-only (never written) */

/* What judging a message needs. */
#define OM_SNAP_SCAN	(OM_SNAP_RULES | OM_SNAP_MAPS | OM_SNAP_BRANDS)

#define OM_SNAP_KEY_LEN	32

struct om_ruleset;
struct om_map;
struct om_brands;
struct om_insurers;
struct om_audit;
struct om_state;

typedef struct om_snap {
	om_conf *conf;			/* the settings (always) */
	struct om_ruleset *rules;	/* OM_SNAP_RULES */
	struct om_map *freemail;	/* OM_SNAP_MAPS */
	struct om_map *manager;		/* OM_SNAP_MAPS, when manager_map is set */
	struct om_map *deputy;		/* OM_SNAP_MAPS, when deputy_map is set */
	struct om_brands *brands;	/* OM_SNAP_BRANDS */
	struct om_insurers *insurers;	/* OM_SNAP_MAPS */
	struct om_audit *audit;		/* OM_SNAP_AUDIT, when audit_log is set */
	struct om_state *state;		/* OM_SNAP_STATE, when state is set */
	int	has_notice_key;		/* OM_SNAP_NOTICE found or made a key */
	unsigned char notice_key[OM_SNAP_KEY_LEN];
	unsigned what;			/* the OM_SNAP_* it was built with */
	int	refcount;
} om_snap;

om_snap *om_snap_build(om_conf *conf, unsigned what, om_conf_err *err);
om_snap *om_snap_load(const char *path, unsigned what, om_conf_err *err);
om_snap *om_snap_ref(om_snap *snap);
void	om_snap_unref(om_snap *snap);

#endif
