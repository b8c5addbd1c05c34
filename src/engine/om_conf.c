/*++
 * NAME
 *	om_conf 3
 * SUMMARY
 *	configuration file parser and snapshot
 * DESCRIPTION
 *	The key table below is the single list of what omamori.conf may
 *	say. Defaults are written as the same text an administrator would
 *	write and go through the same parser, so a default can never be a
 *	value the parser would refuse. See omamori.conf(5).
 * DIAGNOSTICS
 *	Every problem is reported as "file:line: text"; loading continues
 *	to the end of the file so that all problems are reported at once,
 *	then fails.
 *--*/
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "om_conf.h"
#include "om_buf.h"
#include "om_log.h"
#include "om_str.h"
#include "om_state.h"

#ifndef OM_SYSCONFDIR
#define OM_SYSCONFDIR "/etc"
#endif

#define CONF_LINE_MAX	(64 * 1024)	/* one logical line */

typedef enum {
	KEY_STR,			/* free text */
	KEY_PATH,			/* file name; relative to the config file */
	KEY_LIST,			/* comma/space separated words */
	KEY_DOMAINS,			/* list of lower-cased domain names */
	KEY_CIDRS,			/* list of networks */
	KEY_SIZE,			/* bytes, with k/m/g suffix */
	KEY_COUNT,			/* unsigned integer */
	KEY_ACTION,			/* one action word */
	KEY_POLICY,			/* category=action list, merged over defaults */
	KEY_REPLY,			/* "5xx 5.x.x" */
	KEY_DURATION			/* seconds, with s/m/h/d suffix */
} key_type;

typedef struct conf_key {
	const char *name;
	key_type type;
	const char *def;		/* default, as the admin would write it */
	size_t	offset;			/* member of om_conf */
	size_t	min;
	size_t	max;
	int	dir;			/* for KEY_POLICY */
} conf_key;

#define OFF(m) offsetof(om_conf, m)

/*
 * The built-in policy follows the firm rules in REQUIREMENTS.md: personal
 * data in the body or in an unencrypted attachment of outbound mail is
 * rejected with a notice; doubtful mail is held for the manager.
 */
#define DEF_OUTBOUND \
	"body.pii=reject, attach.pii_unencrypted=reject, sensitive=hold, " \
	"recipient.freemail=hold, recipient.mass_visible=reject, " \
	"recipient.mixed_insurers=hold, attach.ppap_password=hold, " \
	"cc.manager_missing=add-cc, recipient.new_domain=tag, " \
	"attach.executable=reject, attach.shortcut=reject, attach.rlo=reject, " \
	"attach.double_extension=reject, attach.spaces_before_ext=reject, " \
	"attach.type_mismatch=hold, attach.encrypted_weak=tag, " \
	"attach.unscannable=hold, notice.forged=hold"
#define DEF_INBOUND \
	"attack.*=tag, attach.executable=hold, attach.shortcut=hold, " \
	"attach.rlo=hold, attach.double_extension=hold, " \
	"attach.spaces_before_ext=hold, attach.type_mismatch=tag, " \
	"attach.unscannable=tag, notice.forged=tag"
#define DEF_INTERNAL \
	"attach.executable=tag, attach.rlo=tag, attach.double_extension=tag, " \
	"attach.unscannable=tag, notice.forged=tag"

static const conf_key conf_keys[] = {
	{"internal_domains", KEY_DOMAINS, "", OFF(conf_internal_domains)},
	{"trusted_networks", KEY_CIDRS, "127.0.0.0/8, ::1/128", OFF(conf_trusted_networks_text)},
	{"inbound_relays", KEY_CIDRS, "", OFF(conf_inbound_relays_text)},
	{"manager_map", KEY_PATH, "", OFF(conf_manager_map)},
	{"socket", KEY_STR, "unix:/run/omamori/omamori.sock", OFF(conf_socket)},
	{"user", KEY_STR, "omamori", OFF(conf_user)},
	{"pid_file", KEY_PATH, "/run/omamori/omamori-milter.pid", OFF(conf_pid_file)},
	{"rules_dir", KEY_PATH, OM_SYSCONFDIR "/omamori/rules", OFF(conf_rules_dir)},
	{"pii_body_threshold", KEY_COUNT, "10", OFF(conf_pii_body_threshold), 1, 10000},
	{"pii_body_min_kinds", KEY_COUNT, "2", OFF(conf_pii_body_min_kinds), 1, 100},
	{"pii_body_many", KEY_COUNT, "3", OFF(conf_pii_body_many), 1, 100000},
	{"pii_signature_lines", KEY_COUNT, "12", OFF(conf_pii_signature_lines), 1, 100},
	{"pii_own_phones", KEY_LIST, "", OFF(conf_pii_own_phones)},
	{"pii_own_postal_codes", KEY_LIST, "", OFF(conf_pii_own_postal_codes)},
	{"pii_own_addresses", KEY_LIST, "", OFF(conf_pii_own_addresses)},
	{"pii_own_names", KEY_LIST, "", OFF(conf_pii_own_names)},
	{"message_size_limit", KEY_SIZE, "50m", OFF(conf_message_size_limit), 1024, (size_t) 1 << 34},
	{"mime_depth_limit", KEY_COUNT, "20", OFF(conf_mime_depth_limit), 1, 200},
	{"mime_part_limit", KEY_COUNT, "1000", OFF(conf_mime_part_limit), 1, 100000},
	{"text_size_limit", KEY_SIZE, "8m", OFF(conf_text_size_limit), 1024, (size_t) 1 << 32},
	{"archive_depth_limit", KEY_COUNT, "8", OFF(conf_archive_depth_limit), 1, 64},
	{"archive_member_limit", KEY_COUNT, "1000", OFF(conf_archive_member_limit), 1, 1000000},
	{"archive_expanded_limit", KEY_SIZE, "100m", OFF(conf_archive_expanded_limit), 1024, (size_t) 1 << 34},
	{"archive_ratio_limit", KEY_COUNT, "100", OFF(conf_archive_ratio_limit), 2, 1000000},
	{"attach_time_limit", KEY_COUNT, "10", OFF(conf_attach_time_limit), 1, 3600},
	{"outbound_actions", KEY_POLICY, DEF_OUTBOUND, OFF(conf_policy), 0, 0, OM_DIR_OUTBOUND},
	{"inbound_actions", KEY_POLICY, DEF_INBOUND, OFF(conf_policy), 0, 0, OM_DIR_INBOUND},
	{"internal_actions", KEY_POLICY, DEF_INTERNAL, OFF(conf_policy), 0, 0, OM_DIR_INTERNAL},
	{"error_action", KEY_ACTION, "tempfail", OFF(conf_error_action)},
	{"subject_tag", KEY_STR, "【要注意】", OFF(conf_subject_tag)},
	{"reject_reply_code", KEY_REPLY, "550 5.7.1", OFF(conf_reject_reply_code)},
	{"audit_log", KEY_PATH, "/var/log/omamori/audit.log", OFF(conf_audit_log)},
	{"audit_key_file", KEY_PATH, "/var/lib/omamori/audit.key", OFF(conf_audit_key_file)},
	{"audit_retention", KEY_STR, "3y", OFF(conf_audit_retention)},
	{"audit_pseudonymise", KEY_STR, "no", OFF(conf_audit_pseudonymise)},
	{"audit_fsync", KEY_STR, "always", OFF(conf_audit_fsync)},
	{"report_sample_size", KEY_COUNT, "20", OFF(conf_report_sample_size), 0, 100000},
	{"review_postqueue", KEY_STR, "postqueue", OFF(conf_review_postqueue)},
	{"review_postsuper", KEY_STR, "postsuper", OFF(conf_review_postsuper)},
	{"review_postfix_dir", KEY_PATH, "", OFF(conf_review_postfix_dir)},
	{"review_old_age", KEY_STR, "1d", OFF(conf_review_old_age)},
	{"review_mta", KEY_STR, "postfix", OFF(conf_review_mta)},
	{"review_sendmail", KEY_STR, "sendmail", OFF(conf_review_sendmail)},
	{"review_sendmail_cf", KEY_PATH, "", OFF(conf_review_sendmail_cf)},
	{"freemail_domains", KEY_PATH, "", OFF(conf_freemail_domains)},
	{"state", KEY_STR, "sqlite:/var/lib/omamori/state.db", OFF(conf_state)},
	{"state_timeout", KEY_COUNT, "1000", OFF(conf_state_timeout), 10, 60000},
	{"mass_visible_limit", KEY_COUNT, "10", OFF(conf_mass_visible_limit), 1, 100000},
	{"mass_visible_action", KEY_STR, "policy", OFF(conf_mass_visible_action)},
	{"insurers_file", KEY_PATH, "", OFF(conf_insurers_file)},
	{"ppap_window", KEY_COUNT, "900", OFF(conf_ppap_window), 60, 86400},
	{"body_memory_limit", KEY_SIZE, "1m", OFF(conf_body_memory_limit), 0, (size_t) 1 << 30},
	{"temp_dir", KEY_PATH, "/tmp", OFF(conf_temp_dir)},
	{"socket_mode", KEY_STR, "0660", OFF(conf_socket_mode)},
	{"socket_group", KEY_STR, "", OFF(conf_socket_group)},
	{"notice_command", KEY_STR, "/usr/sbin/sendmail -i -f <> --", OFF(conf_notice_command)},
	{"notice_from", KEY_STR, "postmaster", OFF(conf_notice_from)},
	{"notice_key_file", KEY_PATH, "", OFF(conf_notice_key_file)},
	{"notice_max_age", KEY_COUNT, "3600", OFF(conf_notice_max_age), 60, 7 * 86400},
	{"shutdown_timeout", KEY_COUNT, "120", OFF(conf_shutdown_timeout), 1, 3600},
	{"delay_outbound", KEY_DURATION, "0", OFF(conf_delay_outbound), 0, 7 * 86400},
	{"delay_categories", KEY_LIST, "", OFF(conf_delay_categories)},
	{"control_local_part", KEY_STR, "omamori", OFF(conf_control_local_part)},
	{"control_domain", KEY_STR, "", OFF(conf_control_domain)},
	{"gateway_name", KEY_STR, "", OFF(conf_gateway_name)},
	{"deputy_map", KEY_PATH, "", OFF(conf_deputy_map)},
	{"approve_timeout", KEY_DURATION, "1d", OFF(conf_approve_timeout), 1, 30 * 86400},
	{"approve_timeout_action", KEY_STR, "discard", OFF(conf_approve_timeout_action)},
	{"attack_brands", KEY_PATH, "", OFF(conf_attack_brands)},
	{"attack_partners", KEY_PATH, "", OFF(conf_attack_partners)},
	{"attack_tag_score", KEY_COUNT, "2", OFF(conf_attack_tag_score), 1, 1000},
	{"attack_hold_score", KEY_COUNT, "4", OFF(conf_attack_hold_score), 1, 1000},
	{"attack_weight_freemail_sender", KEY_COUNT, "1", OFF(conf_attack_weight[0]), 0, 100},
	{"attack_weight_signature_mismatch", KEY_COUNT, "1", OFF(conf_attack_weight[1]), 0, 100},
	{"attack_weight_url_mismatch", KEY_COUNT, "2", OFF(conf_attack_weight[2]), 0, 100},
	{"attack_weight_lookalike_url", KEY_COUNT, "2", OFF(conf_attack_weight[3]), 0, 100},
	{"attack_weight_non_japanese_kanji", KEY_COUNT, "2", OFF(conf_attack_weight[4]), 0, 100},
	{"attack_weight_credential_request", KEY_COUNT, "2", OFF(conf_attack_weight[5]), 0, 100},
	{"attack_weight_theme", KEY_COUNT, "1", OFF(conf_attack_weight[6]), 0, 100},
	{"attack_weight_attachment", KEY_COUNT, "2", OFF(conf_attack_weight[7]), 0, 100},
	{"attack_weight_spoofed_internal", KEY_COUNT, "2", OFF(conf_attack_weight[8]), 0, 100},
	{"attack_kanji_min", KEY_COUNT, "2", OFF(conf_attack_kanji_min), 1, 1000},
	{"attack_kana_min", KEY_COUNT, "10", OFF(conf_attack_kana_min), 0, 100000},
	{"attack_freemail_exclude", KEY_DOMAINS,
	 "docomo.ne.jp, ezweb.ne.jp, au.com, softbank.ne.jp, i.softbank.jp, disney.ne.jp",
	 OFF(conf_attack_freemail_exclude)},
};

#define N_KEYS (sizeof(conf_keys) / sizeof(conf_keys[0]))

/* Loading state. */
typedef struct conf_load {
	om_conf *conf;
	om_conf_err *err;
	const char *file;
	int	line;
	int	nerrors;
	unsigned char seen[N_KEYS];
} conf_load;

/* conf_error - record one problem, keep the first text */
static void __attribute__((format(printf, 2, 3)))
conf_error(conf_load *ld, const char *fmt, ...)
{
	char    text[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	ld->nerrors++;
	if (ld->err) {
		if (ld->err->count == 0)
			snprintf(ld->err->text, sizeof(ld->err->text), "%s:%d: %s",
				 ld->file, ld->line, text);
		ld->err->count++;
	}
	om_warn("%s:%d: %s", ld->file, ld->line, text);
}

/* strlist_free - release a word list */
static void
strlist_free(om_strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* split_words - comma/space separated words into a list */
static void
split_words(const char *value, om_strlist *out)
{
	const char *p = value;

	strlist_free(out);
	while (*p) {
		size_t  n;

		while (*p && (isspace((unsigned char) *p) || *p == ','))
			p++;
		if (*p == 0)
			break;
		n = strcspn(p, ", \t\r\n");
		out->v = realloc(out->v, (out->n + 1) * sizeof(char *));
		if (out->v == NULL)
			om_panic("out of memory");
		out->v[out->n] = strndup(p, n);
		if (out->v[out->n] == NULL)
			om_panic("out of memory");
		out->n++;
		p += n;
	}
}

/* resolve_path - absolute form of a path relative to the config dir */
static char *
resolve_path(const om_conf *conf, const char *value)
{
	char   *p;

	if (*value == 0)
		return (NULL);
	if (value[0] == '/' || conf->conf_dir == NULL)
		return (om_xstrdup(value));
	if (asprintf(&p, "%s/%s", conf->conf_dir, value) < 0)
		om_panic("out of memory");
	return (p);
}

/* parse_size - "10m" to bytes; -1 on error */
static int
parse_size(const char *s, size_t *out)
{
	char   *end;
	unsigned long long v;
	unsigned long long mul = 1;

	if (!isdigit((unsigned char) *s))
		return (-1);
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return (-1);
	switch (*end) {
	case 0:
		break;
	case 'k': case 'K':
		mul = 1024ULL, end++;
		break;
	case 'm': case 'M':
		mul = 1024ULL * 1024, end++;
		break;
	case 'g': case 'G':
		mul = 1024ULL * 1024 * 1024, end++;
		break;
	default:
		return (-1);
	}
	if (*end != 0 || v > SIZE_MAX / mul)
		return (-1);
	*out = (size_t) (v * mul);
	return (0);
}

/* om_conf_parse_duration - "90", "90s", "5m", "2h", "1d" to seconds; -1 on error */
int
om_conf_parse_duration(const char *s, size_t *seconds)
{
	char   *end;
	unsigned long long v, mul;

	if (s == NULL || !isdigit((unsigned char) *s))
		return (-1);
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return (-1);
	if (*end == 0 || strcmp(end, "s") == 0)
		mul = 1;
	else if (strcmp(end, "m") == 0)
		mul = 60;
	else if (strcmp(end, "h") == 0)
		mul = 3600;
	else if (strcmp(end, "d") == 0)
		mul = 86400;
	else
		return (-1);
	if (v > 10ULL * 365 * 86400 / mul)
		return (-1);
	*seconds = (size_t) (v * mul);
	return (0);
}

/* parse_cidr - "10.0.0.0/8" or "::1" into a network; -1 on error */
static int
parse_cidr(const char *s, om_cidr *c)
{
	char    host[INET6_ADDRSTRLEN + 1];
	const char *slash = strchr(s, '/');
	size_t  hl = slash ? (size_t) (slash - s) : strlen(s);
	unsigned maxbits;

	if (hl == 0 || hl >= sizeof(host))
		return (-1);
	memcpy(host, s, hl);
	host[hl] = 0;
	memset(c, 0, sizeof(*c));
	if (inet_pton(AF_INET, host, c->addr) == 1) {
		c->family = AF_INET;
		maxbits = 32;
	} else if (inet_pton(AF_INET6, host, c->addr) == 1) {
		c->family = AF_INET6;
		maxbits = 128;
	} else
		return (-1);
	c->bits = maxbits;
	if (slash) {
		char   *end;
		unsigned long b;

		if (!isdigit((unsigned char) slash[1]))
			return (-1);
		b = strtoul(slash + 1, &end, 10);
		if (*end || b > maxbits)
			return (-1);
		c->bits = (unsigned) b;
	}
	return (0);
}

/* valid_domain - plausible DNS name (letters, digits, hyphen, dot, IDN bytes) */
static int
valid_domain(const char *d)
{
	if (*d == 0 || *d == '.' || strlen(d) > 253)
		return (0);
	for (const unsigned char *p = (const unsigned char *) d; *p; p++)
		if (!(isalnum(*p) || *p == '-' || *p == '.' || *p >= 0x80))
			return (0);
	return (1);
}

/* policy_pattern_ok - "a.b", "a.*" or "*" */
static int
policy_pattern_ok(const char *p)
{
	size_t  n = strlen(p);

	if (strcmp(p, "*") == 0)
		return (1);
	if (n == 0)
		return (0);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char) p[i];

		if (c == '*' && !(i == n - 1 && i > 0 && p[i - 1] == '.'))
			return (0);
		if (!(islower(c) || isdigit(c) || c == '.' || c == '_' || c == '*'))
			return (0);
	}
	return (1);
}

/* parse_policy - append "pattern=action" words to a policy */
static int
parse_policy(conf_load *ld, const char *value, om_policy *pol)
{
	om_strlist words = {0};
	int     bad = 0;

	split_words(value, &words);
	for (size_t i = 0; i < words.n; i++) {
		char   *eq = strchr(words.v[i], '=');
		om_action act;

		if (eq == NULL) {
			conf_error(ld, "\"%s\": expected category=action", words.v[i]);
			bad = 1;
			continue;
		}
		*eq = 0;
		if (!policy_pattern_ok(words.v[i])) {
			conf_error(ld, "\"%s\": bad category pattern (use a name such as body.pii, a prefix such as attach.*, or *)", words.v[i]);
			bad = 1;
			continue;
		}
		if (om_action_parse(eq + 1, &act) < 0) {
			conf_error(ld, "\"%s\": unknown action (accept, tag, add-cc, approve, hold, reject, tempfail)", eq + 1);
			bad = 1;
			continue;
		}
		pol->v = realloc(pol->v, (pol->n + 1) * sizeof(*pol->v));
		if (pol->v == NULL)
			om_panic("out of memory");
		pol->v[pol->n].pattern = om_xstrdup(words.v[i]);
		pol->v[pol->n].action = act;
		pol->n++;
	}
	strlist_free(&words);
	return (bad ? -1 : 0);
}

/* set_key - parse one value into the snapshot */
static int
set_key(conf_load *ld, const conf_key *k, const char *value)
{
	om_conf *conf = ld->conf;
	void   *slot = (char *) conf + k->offset;

	switch (k->type) {
	case KEY_STR:
		free(*(char **) slot);
		*(char **) slot = om_xstrdup(value);
		return (0);
	case KEY_PATH:
		free(*(char **) slot);
		*(char **) slot = resolve_path(conf, value);
		return (0);
	case KEY_LIST:
		split_words(value, (om_strlist *) slot);
		return (0);
	case KEY_DOMAINS:{
			om_strlist *l = slot;

			split_words(value, l);
			for (size_t i = 0; i < l->n; i++) {
				char   *d = l->v[i];

				if (d[0] == '@')
					memmove(d, d + 1, strlen(d));
				for (char *p = d; *p; p++)
					*p = (char) tolower((unsigned char) *p);
				if (!valid_domain(d)) {
					conf_error(ld, "%s: \"%s\" is not a domain name", k->name, d);
					return (-1);
				}
			}
			return (0);
		}
	case KEY_CIDRS:{
			om_strlist *l = slot;
			om_cidr **nets;
			size_t *nnets;

			/* The parsed networks sit next to the text, per key. */
			if (k->offset == OFF(conf_inbound_relays_text))
				nets = &conf->conf_inbound_relays, nnets = &conf->conf_n_inbound_relays;
			else
				nets = &conf->conf_trusted_networks, nnets = &conf->conf_n_trusted_networks;
			split_words(value, l);
			free(*nets);
			*nets = calloc(l->n ? l->n : 1, sizeof(om_cidr));
			if (*nets == NULL)
				om_panic("out of memory");
			*nnets = l->n;
			for (size_t i = 0; i < l->n; i++) {
				if (parse_cidr(l->v[i], *nets + i) < 0) {
					conf_error(ld, "%s: \"%s\" is not an address or network (a.b.c.d/n, x::y/n)", k->name, l->v[i]);
					return (-1);
				}
			}
			return (0);
		}
	case KEY_SIZE:
	case KEY_COUNT:{
			size_t  v;

			if (k->type == KEY_SIZE ? parse_size(value, &v) < 0 :
			    (parse_size(value, &v) < 0 || !isdigit((unsigned char) value[strlen(value) - 1]))) {
				conf_error(ld, "%s: \"%s\" is not a %s", k->name, value,
					   k->type == KEY_SIZE ? "size (a number with an optional k, m or g)" : "whole number");
				return (-1);
			}
			if (v < k->min || v > k->max) {
				conf_error(ld, "%s: %zu is out of range (%zu to %zu)", k->name, v, k->min, k->max);
				return (-1);
			}
			*(size_t *) slot = v;
			return (0);
		}
	case KEY_DURATION:{
			size_t  v;

			if (om_conf_parse_duration(value, &v) < 0) {
				conf_error(ld, "%s: \"%s\" is not a duration (90s, 5m, 2h, 1d)", k->name, value);
				return (-1);
			}
			if (v < k->min || v > k->max) {
				conf_error(ld, "%s: %zu seconds is out of range (%zu to %zu)", k->name, v, k->min, k->max);
				return (-1);
			}
			*(size_t *) slot = v;
			return (0);
		}
	case KEY_ACTION:
		if (om_action_parse(value, (om_action *) slot) < 0) {
			conf_error(ld, "%s: \"%s\" is not an action (accept, tag, add-cc, approve, hold, reject, tempfail)", k->name, value);
			return (-1);
		}
		return (0);
	case KEY_POLICY:
		return (parse_policy(ld, value, &conf->conf_policy[k->dir]));
	case KEY_REPLY:
		if (strlen(value) != 9 || value[0] != '5' || !isdigit((unsigned char) value[1])
		    || !isdigit((unsigned char) value[2]) || value[3] != ' ' || value[4] != '5'
		    || value[5] != '.' || !isdigit((unsigned char) value[6]) || value[7] != '.'
		    || !isdigit((unsigned char) value[8])) {
			conf_error(ld, "%s: \"%s\" is not of the form \"5xx 5.x.x\"", k->name, value);
			return (-1);
		}
		free(*(char **) slot);
		*(char **) slot = om_xstrdup(value);
		return (0);
	}
	om_panic("set_key: bad key type %d", k->type);
}

/* find_key - table entry by name */
static const conf_key *
find_key(const char *name)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (strcmp(conf_keys[i].name, name) == 0)
			return (conf_keys + i);
	return (NULL);
}

/* conf_line - one logical "key = value" line */
static void
conf_line(conf_load *ld, char *text)
{
	char   *eq = strchr(text, '=');
	char   *name, *value;
	const conf_key *k;

	if (eq == NULL) {
		conf_error(ld, "expected \"name = value\"");
		return;
	}
	*eq = 0;
	name = om_trim(text);
	value = om_trim(eq + 1);
	if (*name == 0 || strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(name)) {
		conf_error(ld, "\"%s\" is not a parameter name", name);
		return;
	}
	if ((k = find_key(name)) == NULL) {
		conf_error(ld, "unknown parameter \"%s\" (see omamori.conf(5))", name);
		return;
	}
	/*
	 * The last setting of a key wins, as in main.cf. A policy is the
	 * exception: its entries are appended after the built-in ones, and
	 * the last matching entry decides.
	 */
	ld->seen[k - conf_keys] = 1;
	(void) set_key(ld, k, value);
}

/* conf_new - snapshot with every key at its default */
static om_conf *
conf_new(const char *path, om_conf_err *err)
{
	om_conf *conf = calloc(1, sizeof(*conf));
	conf_load ld = {.conf = conf, .err = err, .file = "(defaults)"};

	if (conf == NULL)
		om_panic("out of memory");
	conf->conf_refcount = 1;
	if (path) {
		const char *slash = strrchr(path, '/');

		conf->conf_path = om_xstrdup(path);
		if (slash == NULL)
			conf->conf_dir = om_xstrdup(".");
		else if (slash == path)
			conf->conf_dir = om_xstrdup("/");
		else
			conf->conf_dir = strndup(path, (size_t) (slash - path));
		if (conf->conf_dir == NULL)
			om_panic("out of memory");
	}
	for (size_t i = 0; i < N_KEYS; i++)
		if (set_key(&ld, conf_keys + i, conf_keys[i].def) < 0)
			om_panic("built-in default for %s does not parse", conf_keys[i].name);
	return (conf);
}

/* conf_check - cross-key validation after the whole file is read */
static void
conf_check(conf_load *ld)
{
	om_conf *conf = ld->conf;

	ld->line = 0;
	if (conf->conf_manager_map && access(conf->conf_manager_map, R_OK) != 0)
		conf_error(ld, "manager_map: cannot read %s: %s", conf->conf_manager_map, strerror(errno));
	if (strncmp(conf->conf_socket, "unix:", 5) != 0 && strncmp(conf->conf_socket, "local:", 6) != 0
	    && strncmp(conf->conf_socket, "inet:", 5) != 0 && strncmp(conf->conf_socket, "inet6:", 6) != 0
	    && conf->conf_socket[0] != '/')
		conf_error(ld, "socket: \"%s\" is not unix:/path, inet:PORT@HOST or inet6:PORT@HOST", conf->conf_socket);
	if (strlen(conf->conf_socket_mode) < 3 || strlen(conf->conf_socket_mode) > 4
	    || strspn(conf->conf_socket_mode, "01234567") != strlen(conf->conf_socket_mode))
		conf_error(ld, "socket_mode: \"%s\" is not an octal mode such as 0660", conf->conf_socket_mode);
	if (strcmp(conf->conf_mass_visible_action, "policy") != 0 && strcmp(conf->conf_mass_visible_action, "bcc") != 0)
		conf_error(ld, "mass_visible_action: \"%s\" is not policy or bcc", conf->conf_mass_visible_action);
	for (size_t i = 0; i < conf->conf_delay_categories.n; i++) {
		const char *w = conf->conf_delay_categories.v[i], *eq = strchr(w, '=');
		char   *pat = eq ? strndup(w, (size_t) (eq - w)) : NULL;
		size_t  secs;

		if (eq == NULL || pat == NULL || !policy_pattern_ok(pat)
		    || om_conf_parse_duration(eq + 1, &secs) < 0 || secs > 7 * 86400)
			conf_error(ld, "delay_categories: \"%s\" is not category=duration (recipient.new_domain=30m)", w);
		free(pat);
	}
	if (strspn(conf->conf_control_local_part, "abcdefghijklmnopqrstuvwxyz0123456789-_") != strlen(conf->conf_control_local_part)
	    || *conf->conf_control_local_part == 0 || strlen(conf->conf_control_local_part) > 20)
		conf_error(ld, "control_local_part: \"%s\" is not a short lower-case local part", conf->conf_control_local_part);
	if (*conf->conf_control_domain && !valid_domain(conf->conf_control_domain))
		conf_error(ld, "control_domain: \"%s\" is not a domain name", conf->conf_control_domain);
	if (strspn(conf->conf_gateway_name, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(conf->conf_gateway_name)
	    || strlen(conf->conf_gateway_name) > 10)
		conf_error(ld, "gateway_name: \"%s\" is not up to 10 of a-z, 0-9 and -", conf->conf_gateway_name);
	if (conf->conf_deputy_map && access(conf->conf_deputy_map, R_OK) != 0)
		conf_error(ld, "deputy_map: cannot read %s: %s", conf->conf_deputy_map, strerror(errno));
	if (strcmp(conf->conf_approve_timeout_action, "release") != 0
	    && strcmp(conf->conf_approve_timeout_action, "discard") != 0)
		conf_error(ld, "approve_timeout_action: \"%s\" is not release or discard", conf->conf_approve_timeout_action);
	if (conf->conf_error_action == OM_ACT_APPROVE)
		conf_error(ld, "error_action: approve needs a verdict to approve; use hold");
	if (conf->conf_state && *conf->conf_state) {
		char    why[300];

		/* A relative database path is relative to this file, like the other paths. */
		if (strncmp(conf->conf_state, "sqlite:", 7) == 0 && conf->conf_state[7] != '/'
		    && conf->conf_state[7] != 0) {
			char   *abs = resolve_path(conf, conf->conf_state + 7), *spec;
			char    cwd[PATH_MAX];

			/* A config file named without a directory: the current one. */
			if (abs[0] != '/' && getcwd(cwd, sizeof(cwd)) != NULL) {
				if (asprintf(&spec, "sqlite:%s/%s", cwd, abs) < 0)
					om_panic("out of memory");
			} else if (asprintf(&spec, "sqlite:%s", abs) < 0)
				om_panic("out of memory");
			free(abs);
			free(conf->conf_state);
			conf->conf_state = spec;
		}
		if (om_state_spec_check(conf->conf_state, why, sizeof(why)) < 0)
			conf_error(ld, "state: %s", why);
	}
}

/* om_conf_defaults - the built-in settings, nothing read from disk */
om_conf *
om_conf_defaults(om_conf_err *err)
{
	if (err)
		err->count = 0, err->text[0] = 0;
	return (conf_new(NULL, err));
}

/* om_conf_load - read and validate a configuration file */
om_conf *
om_conf_load(const char *path, om_conf_err *err)
{
	FILE   *fp;
	om_conf *conf;
	conf_load ld;
	char   *raw = NULL;
	size_t  rawsize = 0;
	ssize_t n;
	char   *logical = NULL;
	size_t  loglen = 0;
	int     logline = 0;

	if (err)
		err->count = 0, err->text[0] = 0;
	if ((fp = fopen(path, "r")) == NULL) {
		if (err) {
			snprintf(err->text, sizeof(err->text), "%s: %s", path, strerror(errno));
			err->count = 1;
		}
		return (NULL);
	}
	conf = conf_new(path, err);
	memset(&ld, 0, sizeof(ld));
	ld.conf = conf;
	ld.err = err;
	ld.file = path;

	/*
	 * Assemble logical lines: a line that starts with white space
	 * continues the previous one; comments and blank lines are skipped.
	 */
	for (int lineno = 1; (n = getline(&raw, &rawsize, fp)) >= 0; lineno++) {
		char   *p = raw;

		while (n > 0 && (raw[n - 1] == '\n' || raw[n - 1] == '\r'))
			raw[--n] = 0;
		if (memchr(raw, 0, (size_t) n)) {
			ld.line = lineno;
			conf_error(&ld, "NUL byte in line");
			continue;
		}
		while (isspace((unsigned char) *p))
			p++;
		if (*p == '#' || *p == 0)
			continue;
		if (p != raw) {
			if (logical == NULL) {
				ld.line = lineno;
				conf_error(&ld, "continuation line without a parameter before it");
				continue;
			}
			if (loglen + (size_t) n + 2 > CONF_LINE_MAX) {
				ld.line = lineno;
				conf_error(&ld, "logical line longer than %d bytes", CONF_LINE_MAX);
				continue;
			}
			logical = realloc(logical, loglen + (size_t) n + 2);
			if (logical == NULL)
				om_panic("out of memory");
			logical[loglen++] = ' ';
			memcpy(logical + loglen, p, strlen(p) + 1);
			loglen += strlen(p);
			continue;
		}
		if (logical) {
			ld.line = logline;
			conf_line(&ld, logical);
			free(logical);
		}
		logical = om_xstrdup(p);
		loglen = strlen(p);
		logline = lineno;
	}
	if (logical) {
		ld.line = logline;
		conf_line(&ld, logical);
		free(logical);
	}
	if (ferror(fp)) {
		ld.line = 0;
		conf_error(&ld, "read error: %s", strerror(errno));
	}
	free(raw);
	fclose(fp);
	conf_check(&ld);
	if (ld.nerrors > 0) {
		om_conf_unref(conf);
		return (NULL);
	}
	return (conf);
}

/* om_conf_ref - one more holder */
om_conf *
om_conf_ref(om_conf *conf)
{
	__atomic_add_fetch(&conf->conf_refcount, 1, __ATOMIC_ACQ_REL);
	return (conf);
}

/* om_conf_unref - one holder less; the last one frees */
void
om_conf_unref(om_conf *conf)
{
	if (conf == NULL || __atomic_sub_fetch(&conf->conf_refcount, 1, __ATOMIC_ACQ_REL) > 0)
		return;
	for (size_t i = 0; i < N_KEYS; i++) {
		void   *slot = (char *) conf + conf_keys[i].offset;

		switch (conf_keys[i].type) {
		case KEY_STR:
		case KEY_PATH:
		case KEY_REPLY:
			free(*(char **) slot);
			break;
		case KEY_LIST:
		case KEY_DOMAINS:
		case KEY_CIDRS:
			strlist_free((om_strlist *) slot);
			break;
		default:
			break;
		}
	}
	for (int d = 0; d < OM_DIR_COUNT; d++) {
		for (size_t i = 0; i < conf->conf_policy[d].n; i++)
			free(conf->conf_policy[d].v[i].pattern);
		free(conf->conf_policy[d].v);
	}
	free(conf->conf_trusted_networks);
	free(conf->conf_inbound_relays);
	free(conf->conf_path);
	free(conf->conf_dir);
	free(conf);
}

/* om_conf_domain_internal - is this domain (or a parent) internal? */
int
om_conf_domain_internal(const om_conf *conf, const char *domain)
{
	size_t  dl;

	if (domain == NULL || *domain == 0)
		return (0);
	dl = strlen(domain);
	while (dl > 0 && domain[dl - 1] == '.')
		dl--;
	for (size_t i = 0; i < conf->conf_internal_domains.n; i++) {
		const char *d = conf->conf_internal_domains.v[i];
		size_t  n = strlen(d);

		if (dl == n && strncasecmp(domain, d, n) == 0)
			return (1);
		if (dl > n && domain[dl - n - 1] == '.' && strncasecmp(domain + dl - n, d, n) == 0)
			return (1);
	}
	return (0);
}

/* om_conf_addr_internal - is this address in an internal domain? */
int
om_conf_addr_internal(const om_conf *conf, const char *addr)
{
	const char *at;

	if (addr == NULL || (at = strrchr(addr, '@')) == NULL)
		return (0);
	/*
	 * "user%gmail.example@ourfirm" and "gmail.example!user@ourfirm" are
	 * relayed onward by an MTA that honours the percent hack or bang
	 * paths: such a recipient is not taken to be one of ours.
	 */
	for (const char *p = addr; p < at; p++)
		if (*p == '%' || *p == '!')
			return (0);
	return (om_conf_domain_internal(conf, at + 1));
}

/* client_in - is this client address in one of the networks? */
static int
client_in(const om_cidr *nets, size_t nnets, const char *addr)
{
	unsigned char a[16];
	int     family;
	char    host[INET6_ADDRSTRLEN + 1];
	size_t  hl;

	if (addr == NULL || *addr == 0)
		return (0);
	/* Accept "[1.2.3.4]" and "IPv6:..." forms as well. */
	if (*addr == '[')
		addr++;
	if (strncasecmp(addr, "ipv6:", 5) == 0)
		addr += 5;
	hl = strcspn(addr, "]");
	if (hl >= sizeof(host))
		return (0);
	memcpy(host, addr, hl);
	host[hl] = 0;
	if (inet_pton(AF_INET, host, a) == 1)
		family = AF_INET;
	else if (inet_pton(AF_INET6, host, a) == 1)
		family = AF_INET6;
	else
		return (0);
	/* An IPv4-mapped IPv6 address is judged as IPv4. */
	if (family == AF_INET6 && memcmp(a, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0) {
		memmove(a, a + 12, 4);
		family = AF_INET;
	}
	for (size_t i = 0; i < nnets; i++) {
		const om_cidr *c = nets + i;
		unsigned full = c->bits / 8, rest = c->bits % 8;

		if (c->family != family)
			continue;
		if (memcmp(a, c->addr, full) != 0)
			continue;
		if (rest && ((a[full] ^ c->addr[full]) & (0xff << (8 - rest)) & 0xff))
			continue;
		return (1);
	}
	return (0);
}

/* om_conf_client_trusted - is this client address in trusted_networks? */
int
om_conf_client_trusted(const om_conf *conf, const char *addr)
{
	return (client_in(conf->conf_trusted_networks, conf->conf_n_trusted_networks, addr));
}

/* om_conf_client_relay - is this client address in inbound_relays? */
int
om_conf_client_relay(const om_conf *conf, const char *addr)
{
	return (client_in(conf->conf_inbound_relays, conf->conf_n_inbound_relays, addr));
}

/* policy_match - does a pattern cover a category? */
static int
policy_match(const char *pattern, const char *category)
{
	size_t  n = strlen(pattern);

	if (strcmp(pattern, "*") == 0)
		return (1);
	if (n >= 2 && pattern[n - 1] == '*')
		return (strncmp(pattern, category, n - 1) == 0);
	return (strcmp(pattern, category) == 0);
}

/* om_conf_policy_action - action for a category; later entries win */
om_action
om_conf_policy_action(const om_conf *conf, om_direction dir, const char *category)
{
	const om_policy *pol = &conf->conf_policy[dir];
	om_action act = OM_ACT_ACCEPT;

	for (size_t i = 0; i < pol->n; i++)
		if (policy_match(pol->v[i].pattern, category))
			act = pol->v[i].action;
	return (act);
}

/*
 * om_conf_delay - seconds that outbound mail with this category waits:
 * the longest delay_categories entry that covers it, else 0.
 */
size_t
om_conf_delay(const om_conf *conf, const char *category)
{
	size_t  best = 0;

	for (size_t i = 0; category && i < conf->conf_delay_categories.n; i++) {
		const char *w = conf->conf_delay_categories.v[i], *eq = strchr(w, '=');
		char    pat[128];
		size_t  secs;

		if (eq == NULL || (size_t) (eq - w) >= sizeof(pat))
			continue;
		memcpy(pat, w, (size_t) (eq - w));
		pat[eq - w] = 0;
		if (policy_match(pat, category) && om_conf_parse_duration(eq + 1, &secs) == 0 && secs > best)
			best = secs;
	}
	return (best);
}

/* om_conf_control_domain - the domain of the reply addresses, or NULL */
const char *
om_conf_control_domain(const om_conf *conf)
{
	if (*conf->conf_control_domain)
		return (conf->conf_control_domain);
	return (conf->conf_internal_domains.n ? conf->conf_internal_domains.v[0] : NULL);
}

/* om_conf_dump - print the effective settings, main.cf style */
void
om_conf_dump(const om_conf *conf, FILE *fp, int defaults_only)
{
	for (size_t i = 0; i < N_KEYS; i++) {
		const conf_key *k = conf_keys + i;
		const void *slot = (const char *) conf + k->offset;

		if (defaults_only) {
			fprintf(fp, "%s = %s\n", k->name, k->def);
			continue;
		}
		fprintf(fp, "%s =", k->name);
		switch (k->type) {
		case KEY_STR:
		case KEY_PATH:
		case KEY_REPLY:{
				const char *s = *(char *const *) slot;

				fprintf(fp, "%s%s", s ? " " : "", s ? s : "");
				break;
			}
		case KEY_LIST:
		case KEY_DOMAINS:
		case KEY_CIDRS:{
				const om_strlist *l = slot;

				for (size_t j = 0; j < l->n; j++)
					fprintf(fp, "%s%s", j ? ", " : " ", l->v[j]);
				break;
			}
		case KEY_SIZE:
		case KEY_COUNT:
			fprintf(fp, " %zu", *(const size_t *) slot);
			break;
		case KEY_DURATION:
			fprintf(fp, " %zus", *(const size_t *) slot);
			break;
		case KEY_ACTION:
			fprintf(fp, " %s", om_action_name(*(const om_action *) slot));
			break;
		case KEY_POLICY:{
				const om_policy *pol = &conf->conf_policy[k->dir];

				for (size_t j = 0; j < pol->n; j++)
					fprintf(fp, "%s%s=%s", j ? ",\n    " : " ", pol->v[j].pattern,
						om_action_name(pol->v[j].action));
				break;
			}
		}
		fputc('\n', fp);
	}
}
