/*++
 * NAME
 *	om_attack 3h
 * SUMMARY
 *	inbound targeted-attack indicators: brands, domains, hanzi
 * DESCRIPTION
 *	om_brands_load() loads the brand list (rules_dir/brands.txt and
 *	the admin's attack_brands file) for a snapshot (om_snap).
 *	The other functions are the pieces om_detect_attack() is made of,
 *	public so that tests can check them one by one.
 *--*/
#ifndef OM_ATTACK_H
#define OM_ATTACK_H

#include <stddef.h>

#include "om_conf.h"

#define OM_ATTACK_HOST_MAX	256	/* longest host name judged */

/* Indicator weights, in conf_attack_weight[] order. */
#define OM_ATTACK_W_FREEMAIL	0
#define OM_ATTACK_W_SIGNATURE	1
#define OM_ATTACK_W_URL		2
#define OM_ATTACK_W_LOOKALIKE	3
#define OM_ATTACK_W_KANJI	4
#define OM_ATTACK_W_CREDENTIAL	5
#define OM_ATTACK_W_THEME	6
#define OM_ATTACK_W_ATTACH	7
#define OM_ATTACK_W_SPOOFED	8

typedef struct om_brands om_brands;

om_brands *om_brands_load(const om_conf *conf, om_conf_err *err);
om_brands *om_brands_parse(const char *text, size_t len, const char *name, om_conf_err *err);
void	om_brands_free(void *brands);
size_t	om_brands_count(const om_brands *b);

/* Host checks; hosts are lower-case ASCII or UTF-8. */
int	om_attack_registrable(const char *host, char *out, size_t outsize);
int	om_attack_same_org(const char *host_a, const char *host_b);
const char *om_attack_lookalike(const om_brands *b, const char *host);
int	om_attack_url_host(const char *url, char *host, size_t hostsize);
int	om_attack_text_host(const char *text, char *host, size_t hostsize);

/*
 * The firm's own domains and its partners': an index built once
 * (om_domidx_done() after the last om_domidx_add()), then read only.
 */
#define OM_ATTACK_OWN_INTERNAL	1	/* internal_domains */
#define OM_ATTACK_OWN_PARTNER	2	/* attack_partners, registered domains */
#define OM_ATTACK_OWN_NAME_MIN	5	/* shorter names are not compared */
#define OM_ATTACK_OWN_TLD_MIN	5	/* nor looked for under another suffix */
#define OM_ATTACK_OWN_TYPO2_MIN	9	/* names this long: two letters changed */

typedef struct om_domidx om_domidx;

om_domidx *om_domidx_new(void);
int	om_domidx_add(om_domidx *x, const char *domain, int kind);
void	om_domidx_done(om_domidx *x);
void	om_domidx_free(om_domidx *x);
size_t	om_domidx_count(const om_domidx *x);
int	om_domidx_has(const om_domidx *x, const char *host);
const char *om_domidx_lookalike(const om_domidx *x, const char *host, int *kind,
				const char **target);

/* Hanzi outside JIS X 0208/0213 and CP932 (1), inside (0). */
int	om_attack_hanzi_foreign(unsigned cp);

#endif
