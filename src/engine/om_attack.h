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

/* Hanzi outside JIS X 0208/0213 and CP932 (1), inside (0). */
int	om_attack_hanzi_foreign(unsigned cp);

#endif
