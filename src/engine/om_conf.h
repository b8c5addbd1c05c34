/*++
 * NAME
 *	om_conf 3h
 * SUMMARY
 *	the settings: parsed once, validated whole, then immutable
 * SYNOPSIS
 *	#include "om_conf.h"
 * DESCRIPTION
 *	om_conf_load() reads a Postfix main.cf style file ("key = value",
 *	"#" comments, continuation lines that start with white space) into
 *	one om_conf. Every key is declared in a table in om_conf.c with its
 *	type and default; an unknown key or a bad value is an error that
 *	names file:line. A successfully loaded snapshot never changes; it
 *	is reference counted; om_snap (om_snap.h) holds one together with
 *	what is compiled from it (rules, maps, keys, the audit log).
 *	This file only parses and validates keys: it reads no other file.
 *--*/
#ifndef OM_CONF_H
#define OM_CONF_H

#include <stddef.h>
#include <stdio.h>

#include "om_types.h"

typedef struct om_strlist {
	char  **v;
	size_t	n;
} om_strlist;

typedef struct om_cidr {
	int	family;			/* AF_INET or AF_INET6 */
	unsigned char addr[16];
	unsigned bits;
} om_cidr;

/* One "category pattern = action" entry of a direction's policy. */
typedef struct om_policy_entry {
	char   *pattern;		/* "body.pii", "attack.*", "*" */
	om_action action;
} om_policy_entry;

typedef struct om_policy {
	om_policy_entry *v;
	size_t	n;
} om_policy;

typedef struct om_conf {
	/* Where it came from. */
	char   *conf_path;		/* file, or NULL for built-in defaults */
	char   *conf_dir;		/* its directory, for relative paths */

	/* Who is inside. */
	om_strlist conf_internal_domains;
	om_strlist conf_trusted_networks_text;
	om_cidr *conf_trusted_networks;
	size_t	conf_n_trusted_networks;
	om_strlist conf_inbound_relays_text;	/* front relays: outside clients */
	om_cidr *conf_inbound_relays;
	size_t	conf_n_inbound_relays;
	char   *conf_manager_map;	/* absolute path or NULL */

	/* Daemon. */
	char   *conf_socket;
	char   *conf_user;
	char   *conf_pid_file;

	/* Rules. */
	char   *conf_rules_dir;		/* absolute path */

	/* Personal data: body.pii scoring and the firm's own details. */
	size_t	conf_pii_body_threshold;	/* score that makes body.pii */
	size_t	conf_pii_body_min_kinds;	/* distinct pii.* kinds that do */
	size_t	conf_pii_body_many;		/* weak items that do */
	size_t	conf_pii_signature_lines;	/* longest signature block */
	om_strlist conf_pii_own_phones;
	om_strlist conf_pii_own_postal_codes;
	om_strlist conf_pii_own_addresses;
	om_strlist conf_pii_own_names;

	/* Limits: hitting one is an attach.unscannable finding. */
	size_t	conf_message_size_limit;
	size_t	conf_mime_depth_limit;
	size_t	conf_mime_part_limit;
	size_t	conf_text_size_limit;
	size_t	conf_archive_depth_limit;	/* archives inside archives */
	size_t	conf_archive_member_limit;	/* members per message */
	size_t	conf_archive_expanded_limit;	/* bytes expanded per message */
	size_t	conf_archive_ratio_limit;	/* expanded / packed */
	size_t	conf_attach_time_limit;		/* seconds per message */

	/* Policy. */
	om_policy conf_policy[OM_DIR_COUNT];
	om_action conf_error_action;
	char   *conf_subject_tag;
	char   *conf_reject_reply_code;	/* e.g. "550 5.7.1" */

	/* Audit log, review and report (om_audit, omamori log/review/report). */
	char   *conf_audit_log;		/* absolute path, or NULL: no log */
	char   *conf_audit_key_file;	/* absolute path */
	char   *conf_audit_retention;	/* "3y", "400d" */
	char   *conf_audit_pseudonymise;	/* no, local, yes */
	char   *conf_audit_fsync;	/* always, never */
	size_t	conf_report_sample_size;
	char   *conf_review_postqueue;	/* command */
	char   *conf_review_postsuper;	/* command */
	char   *conf_review_postfix_dir;	/* postqueue/postsuper -c, or NULL */
	char   *conf_review_old_age;	/* "1d": listed first when older */
	char   *conf_review_mta;	/* "postfix" or "sendmail" */
	char   *conf_review_sendmail;	/* command: mailq (-bp), -qI, -Q */
	char   *conf_review_sendmail_cf;	/* sendmail -C, or NULL */
	/* Recipient rules and the daemon's message handling. */
	char   *conf_freemail_domains;	/* admin's extra free-mail list, or NULL */
	char   *conf_state;		/* sqlite:PATH, redis:HOST:PORT, or "": none */
	size_t	conf_state_timeout;	/* milliseconds a store call may take */
	size_t	conf_mass_visible_limit;	/* external To/Cc addresses allowed */
	char   *conf_mass_visible_action;	/* "policy", or "bcc": hide them instead */
	char   *conf_insurers_file;	/* admin's extra insurer list, or NULL */
	size_t	conf_ppap_window;	/* seconds a password mail pairs with its archive */
	size_t	conf_body_memory_limit;	/* bytes kept in memory per message */
	char   *conf_temp_dir;		/* where the private spill directory goes */
	char   *conf_socket_mode;	/* octal, for a unix socket */
	char   *conf_socket_group;	/* group of a unix socket, or "" */
	char   *conf_notice_command;	/* sendmail command for notices, or "" */
	char   *conf_notice_from;	/* From: of notices */
	char   *conf_notice_key_file;	/* MAC key of notices, or NULL */
	size_t	conf_notice_max_age;	/* seconds a notice's MAC is good */
	size_t	conf_shutdown_timeout;	/* seconds SIGTERM waits for messages */
	/* Send delay and approval (om_pending.h): */
	size_t	conf_delay_outbound;	/* seconds outbound mail waits; 0: off */
	om_strlist conf_delay_categories;	/* "category=duration" words */
	char   *conf_control_local_part;	/* "omamori": omamori-cancel+TOKEN@... */
	char   *conf_control_domain;	/* domain of the reply addresses, or "" */
	char   *conf_gateway_name;	/* host part of tokens, or "": hostname */
	char   *conf_deputy_map;	/* "manager deputy" lines, or NULL */
	size_t	conf_approve_timeout;	/* seconds an approval may take */
	char   *conf_approve_timeout_action;	/* "release" or "discard" */
	/* Inbound attack indicators (om_detect_attack.c): */
	char   *conf_attack_brands;	/* admin's extra brand list, or NULL */
	char   *conf_attack_partners;	/* partner domains, one a line, or NULL */
	size_t	conf_attack_tag_score;	/* summed weight that tags */
	size_t	conf_attack_hold_score;	/* summed weight that holds */
	size_t	conf_attack_weight[9];	/* per indicator, OM_ATTACK_W_* order */
	size_t	conf_attack_kanji_min;	/* distinct non-Japanese hanzi */
	size_t	conf_attack_kana_min;	/* kana that make text Japanese */
	om_strlist conf_attack_freemail_exclude;	/* carriers: not anonymous */

	int	conf_refcount;
} om_conf;

/* Error detail for load failures: "file:line: text". */
typedef struct om_conf_err {
	char	text[512];
	int	count;
} om_conf_err;

om_conf *om_conf_load(const char *path, om_conf_err *err);
om_conf *om_conf_defaults(om_conf_err *err);
om_conf *om_conf_ref(om_conf *conf);
void	om_conf_unref(om_conf *conf);
void	om_conf_dump(const om_conf *conf, FILE *fp, int defaults_only);

/* Questions asked of a snapshot. */
int	om_conf_domain_internal(const om_conf *conf, const char *domain);
int	om_conf_addr_internal(const om_conf *conf, const char *addr);
int	om_conf_client_trusted(const om_conf *conf, const char *addr);
int	om_conf_client_relay(const om_conf *conf, const char *addr);
om_action om_conf_policy_action(const om_conf *conf, om_direction dir, const char *category);
int	om_conf_parse_duration(const char *s, size_t *seconds);
size_t	om_conf_delay(const om_conf *conf, const char *category);
const char *om_conf_control_domain(const om_conf *conf);

#endif
