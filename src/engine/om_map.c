/*++
 * NAME
 *	om_map 3
 * SUMMARY
 *	key -> value map files (manager map, domain lists)
 * DESCRIPTION
 *	Open addressing with linear probing over lower-cased keys; the
 *	table is at most half full. Loading reports every bad line as
 *	"file:line: text" and fails the whole load, like om_conf.
 *--*/
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "om_log.h"
#include "om_map.h"

typedef struct map_slot {
	char   *key;
	char   *value;
} map_slot;

struct om_map {
	map_slot *slots;
	size_t	size;			/* power of two */
	size_t	count;
};

/* map_hash - FNV-1a over the lower-cased key */
static uint64_t
map_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char) tolower((unsigned char) *s);
		h *= 1099511628211ULL;
	}
	return (h);
}

/* om_map_new - an empty map */
om_map *
om_map_new(void)
{
	om_map *m = calloc(1, sizeof(*m));

	if (m == NULL)
		om_panic("out of memory");
	m->size = 64;
	m->slots = calloc(m->size, sizeof(map_slot));
	if (m->slots == NULL)
		om_panic("out of memory");
	return (m);
}

/* map_find - slot of key, or the empty slot where it would go */
static map_slot *
map_find(const om_map *m, const char *key)
{
	size_t  i = (size_t) map_hash(key) & (m->size - 1);

	for (size_t n = 0; n < m->size; n++, i = (i + 1) & (m->size - 1))
		if (m->slots[i].key == NULL || strcasecmp(m->slots[i].key, key) == 0)
			return (m->slots + i);
	om_panic("om_map: table full");
}

/* map_grow - double the table */
static void
map_grow(om_map *m)
{
	map_slot *old = m->slots;
	size_t  oldsize = m->size;

	m->size *= 2;
	m->slots = calloc(m->size, sizeof(map_slot));
	if (m->slots == NULL)
		om_panic("out of memory");
	for (size_t i = 0; i < oldsize; i++)
		if (old[i].key)
			*map_find(m, old[i].key) = old[i];
	free(old);
}

/* map_put - insert or replace (the last line wins) */
static void
map_put(om_map *m, const char *key, const char *value)
{
	map_slot *s;

	if ((m->count + 1) * 2 > m->size)
		map_grow(m);
	s = map_find(m, key);
	if (s->key == NULL) {
		if ((s->key = strdup(key)) == NULL)
			om_panic("out of memory");
		for (char *p = s->key; *p; p++)
			*p = (char) tolower((unsigned char) *p);
		m->count++;
	}
	free(s->value);
	s->value = NULL;
	if (value && (s->value = strdup(value)) == NULL)
		om_panic("out of memory");
}

/* map_error - record one problem */
static void
map_error(om_conf_err *err, const char *path, int line, const char *text)
{
	if (err) {
		if (err->count == 0)
			snprintf(err->text, sizeof(err->text), "%s:%d: %s", path, line, text);
		err->count++;
	}
	om_warn("%s:%d: %s", path, line, text);
}

/* key_ok - a mail address, "@domain" or a bare domain */
static int
key_ok(const char *k)
{
	size_t  n = strlen(k);

	if (n == 0 || n > 320)
		return (0);
	for (const unsigned char *p = (const unsigned char *) k; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == ',' || *p == '<' || *p == '>')
			return (0);
	return (strchr(k, '@') == NULL || strchr(k, '@') == strrchr(k, '@'));
}

/* om_map_load - add "key value" (or "key") lines from a file */
int
om_map_load(om_map *map, const char *path, int with_value, om_conf_err *err)
{
	FILE   *fp;
	char    line[OM_MAP_LINE_MAX + 2];
	int     lineno = 0, bad = 0;
	size_t  entries = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		map_error(err, path, 0, strerror(errno));
		return (-1);
	}
	while (fgets(line, sizeof(line), fp)) {
		char   *p, *key, *value, *rest;
		size_t  n = strlen(line);

		lineno++;
		if (n > 0 && line[n - 1] != '\n' && !feof(fp)) {
			map_error(err, path, lineno, "line too long");
			bad = 1;
			while (fgets(line, sizeof(line), fp) && line[strlen(line) - 1] != '\n')
				 /* skip the rest */ ;
			continue;
		}
		if ((p = strchr(line, '#')) != NULL)
			*p = 0;
		key = strtok_r(line, " \t\r\n", &rest);
		if (key == NULL)
			continue;
		value = strtok_r(NULL, " \t\r\n", &rest);
		if (!key_ok(key)) {
			map_error(err, path, lineno, "bad key (an address, @domain or domain)");
			bad = 1;
			continue;
		}
		if (with_value && (value == NULL || !key_ok(value) || strchr(value, '@') == NULL)) {
			map_error(err, path, lineno, "expected \"sender manager-address\"");
			bad = 1;
			continue;
		}
		if (!with_value && value != NULL) {
			map_error(err, path, lineno, "expected one domain per line");
			bad = 1;
			continue;
		}
		if (strtok_r(NULL, " \t\r\n", &rest) != NULL) {
			map_error(err, path, lineno, "extra words after the value");
			bad = 1;
			continue;
		}
		if (++entries > OM_MAP_ENTRIES_MAX) {
			map_error(err, path, lineno, "too many entries");
			bad = 1;
			break;
		}
		if (!with_value && key[0] == '@')
			key++;
		map_put(map, key, with_value ? value : "");
	}
	if (ferror(fp)) {
		map_error(err, path, lineno, "read error");
		bad = 1;
	}
	fclose(fp);
	return (bad ? -1 : 0);
}

/* om_map_lookup - exact key, any case */
const char *
om_map_lookup(const om_map *map, const char *key)
{
	const map_slot *s;

	if (map == NULL || key == NULL || *key == 0)
		return (NULL);
	s = map_find(map, key);
	return (s->key ? s->value : NULL);
}

/* om_map_lookup_addr - address, then @domain, then @parent domains */
const char *
om_map_lookup_addr(const om_map *map, const char *addr)
{
	const char *v, *d;
	char    key[330];

	if (map == NULL || addr == NULL)
		return (NULL);
	if ((v = om_map_lookup(map, addr)) != NULL)
		return (v);
	if ((d = strrchr(addr, '@')) == NULL)
		return (NULL);
	for (d++; *d; ) {
		if (snprintf(key, sizeof(key), "@%s", d) >= (int) sizeof(key))
			return (NULL);
		if ((v = om_map_lookup(map, key)) != NULL)
			return (v);
		if ((d = strchr(d, '.')) == NULL)
			break;
		d++;
	}
	return (NULL);
}

/* om_map_has_domain - domain or one of its parents is a key */
int
om_map_has_domain(const om_map *map, const char *domain)
{
	const char *d = domain;

	if (map == NULL || domain == NULL)
		return (0);
	for (int labels = 0; d && *d && labels < 127; labels++) {
		if (om_map_lookup(map, d) != NULL)
			return (1);
		if ((d = strchr(d, '.')) != NULL)
			d++;
	}
	return (0);
}

/* om_map_count - number of keys */
size_t
om_map_count(const om_map *map)
{
	return (map ? map->count : 0);
}

/* om_map_free - release a map */
void
om_map_free(void *arg)
{
	om_map *m = arg;

	if (m == NULL)
		return;
	for (size_t i = 0; i < m->size; i++) {
		free(m->slots[i].key);
		free(m->slots[i].value);
	}
	free(m->slots);
	free(m);
}

/*
 * The free-mail domains REQUIREMENTS.md R7 names. They are built in, so
 * that a missing rules directory can weaken the list but never empty it.
 */
static const char *const freemail_builtin[] = {
	"yahoo.co.jp", "gmail.com", "icloud.com", "outlook.jp", "outlook.com",
	"hotmail.co.jp", "msn.com",
};

/*
 * om_maps_load - the maps a snapshot's recipient rules use: the free-mail
 * domains (built in, rules_dir/freemail.txt, freemail_domains) and the
 * manager_map (NULL when none is set). -1 when a file is unreadable or
 * bad; both maps are then NULL.
 */
int
om_maps_load(const om_conf *conf, om_map **freemail, om_map **manager, om_conf_err *err)
{
	om_map *fm = om_map_new(), *mm = NULL;
	int     bad = 0;
	char   *shipped = NULL;

	for (size_t i = 0; i < sizeof(freemail_builtin) / sizeof(freemail_builtin[0]); i++)
		map_put(fm, freemail_builtin[i], "");
	if (conf->conf_rules_dir
	    && asprintf(&shipped, "%s/freemail.txt", conf->conf_rules_dir) < 0)
		om_panic("out of memory");
	if (shipped && access(shipped, F_OK) == 0) {
		if (om_map_load(fm, shipped, 0, err) < 0)
			bad = 1;
	} else if (shipped)
		om_debug("%s: not found; using the built-in free-mail domains", shipped);
	free(shipped);
	if (conf->conf_freemail_domains && om_map_load(fm, conf->conf_freemail_domains, 0, err) < 0)
		bad = 1;
	if (conf->conf_manager_map) {
		mm = om_map_new();
		if (om_map_load(mm, conf->conf_manager_map, 1, err) < 0)
			bad = 1;
	}
	if (bad) {
		om_map_free(fm);
		om_map_free(mm);
		fm = mm = NULL;
	}
	*freemail = fm;
	*manager = mm;
	return (bad ? -1 : 0);
}
