/*++
 * NAME
 *	om_state 3h
 * SUMMARY
 *	what is kept from one message to the next
 * SYNOPSIS
 *	#include "om_state.h"
 * DESCRIPTION
 *	One small interface over two stores: a SQLite database in WAL
 *	mode on the gateway itself ("sqlite:PATH", the default) and a
 *	Redis server that several gateways share ("redis:HOST:PORT").
 *	The caller never knows which one it talks to.
 *
 *	It keeps two things. Registered domains: the external domains
 *	the firm has written to (learned from delivered mail) or that an
 *	administrator entered; a registered domain covers its subdomains.
 *	Records: short values under a namespace and a key, each with an
 *	optional due time (om_state_due() lists those that are due, for
 *	held mail to be released) and an optional expiry (after it the
 *	record is gone, for short-lived pairs).
 *
 *	Every call is bounded by the configured timeout (state_timeout)
 *	and returns -1 when the store cannot answer; the caller then
 *	acts as on any internal error (error_action, never "clean").
 *	An om_state may be used by many threads at once: each call takes
 *	a connection of its own from a small pool.
 * DIAGNOSTICS
 *	om_state_error() is the last failure of the calling thread.
 *--*/
#ifndef OM_STATE_H
#define OM_STATE_H

#include <stddef.h>
#include <time.h>

#include "om_buf.h"

typedef struct om_state om_state;

#define OM_STATE_READONLY	(1 << 0)	/* never write (omamori scan) */

#define OM_STATE_DOMAIN_MAX	253		/* longest domain name */
#define OM_STATE_KEY_MAX	512		/* longest record key */
#define OM_STATE_VALUE_MAX	(64 * 1024)	/* largest record value */

typedef enum om_domain_source {
	OM_DOMAIN_LEARNED,		/* delivered outbound mail went there */
	OM_DOMAIN_ADMIN,		/* an administrator registered it */
} om_domain_source;

/* One registered domain, as om_state_domain_list() reports it. */
typedef int (*om_state_domain_fn) (const char *domain, om_domain_source source,
				   time_t added, void *ctx);

/* One record, as om_state_due() reports it. */
typedef int (*om_state_record_fn) (const char *key, const void *value, size_t len,
				   time_t due, void *ctx);

int	om_state_spec_check(const char *spec, char *why, size_t whylen);
om_state *om_state_open(const char *spec, unsigned flags, unsigned timeout_ms,
			char *err, size_t errlen);
void	om_state_close(om_state *st);
const char *om_state_name(const om_state *st);
const char *om_state_error(void);

/* Domains: 1 yes / 0 no / -1 trouble, unless said otherwise. */
int	om_state_domain_norm(const char *in, char *out, size_t outsize);
int	om_state_domain_registrable(const char *domain);
int	om_state_domain_known(om_state *st, const char *domain);
int	om_state_domain_add(om_state *st, const char *domain, om_domain_source source,
			    time_t when);
int	om_state_domain_remove(om_state *st, const char *domain);
long	om_state_domain_list(om_state *st, om_state_domain_fn fn, void *ctx);
long	om_state_domain_import(om_state *st, const char *path, om_domain_source source,
			       time_t when, char *err, size_t errlen);
const char *om_domain_source_name(om_domain_source source);

/* Records: namespaced keys with a due time and an expiry (0: none). */
int	om_state_put(om_state *st, const char *ns, const char *key, const void *value,
		     size_t len, time_t due, time_t expires);
int	om_state_get(om_state *st, const char *ns, const char *key, om_buf *value,
		     time_t *due);
int	om_state_del(om_state *st, const char *ns, const char *key);
long	om_state_due(om_state *st, const char *ns, time_t before, size_t max,
		     om_state_record_fn fn, void *ctx);

#endif
