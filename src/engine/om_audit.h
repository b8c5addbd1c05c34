/*++
 * NAME
 *	om_audit 3h
 * SUMMARY
 *	the audit log: one chained, keyed record per decision
 * SYNOPSIS
 *	#include "om_audit.h"
 * DESCRIPTION
 *	om_audit_open() prepares the log named by audit_log; it is a
 *	JSON Lines file, one record per line, written with one write(2)
 *	per record in O_APPEND mode under a lock, so that several threads
 *	of the milter and the omamori tool may append at the same time.
 *
 *	Every record carries "prev" (the MAC of the record before it, in
 *	this file or the previous one) and "mac": HMAC-SHA-256, keyed by
 *	the audit_key_file, over the bytes of the line up to ",\"mac\":".
 *	Rotation starts the new file with a "rotate" record that carries
 *	the last MAC of the old one. See omamori-log(5).
 *
 *	The last (seq, MAC) is also kept outside the log, in a state file
 *	beside the key (om_audit_state_path(): KEYDIR/LOGNAME.state),
 *	rewritten under the lock with every record; a writer that finds
 *	the log ending before the state writes a "gap" record, and a write
 *	that fails is undone and later recorded ("write_failed"). Opening
 *	a log sets SIGXFSZ to SIG_IGN when it is SIG_DFL, so that a file
 *	size limit fails a write instead of killing the process.
 *
 *	om_audit_record() writes one message decision; it never writes
 *	message content beyond the masked samples of the findings, and
 *	every free-text field (file names, places, the Message-ID, the
 *	free-text fields of events) goes through om_audit_mask_text(): the
 *	personal-data rules of the configuration, then the digit masker.
 *	om_audit_event() writes anything else (review actions, reveals,
 *	pruning) as string fields given in name, value pairs ending with
 *	NULL.
 *
 *	om_audit_verify() checks files in order and names the first
 *	problem as file:line with its kind; the chain must begin with the
 *	start record, or with a rotate record whose archive a prune record
 *	names. om_audit_verify_state() also compares the end of the chain
 *	with a state file.
 * DIAGNOSTICS
 *	Functions that can fail return -1 and leave a message for
 *	om_audit_error(); an audit log that cannot be written is an
 *	internal error for the caller, never a silent accept.
 *--*/
#ifndef OM_AUDIT_H
#define OM_AUDIT_H

#include <stddef.h>
#include <time.h>

#include "om_buf.h"
#include "om_conf.h"
#include "om_result.h"

#define OM_AUDIT_MAC_HEX	64
#define OM_AUDIT_KEY_LEN	32

typedef struct om_audit om_audit;

/* What om_audit_verify() found first. */
typedef enum om_audit_tamper {
	OM_AUDIT_OK = 0,
	OM_AUDIT_EDITED,		/* MAC does not match the content */
	OM_AUDIT_DELETED,		/* records missing before this one */
	OM_AUDIT_INSERTED,		/* a record that does not belong here */
	OM_AUDIT_REORDERED,		/* records out of order */
	OM_AUDIT_TRUNCATED,		/* last record cut short */
	OM_AUDIT_MALFORMED,		/* not a record at all */
	OM_AUDIT_BROKEN_LINK,		/* file does not follow the one before */
	OM_AUDIT_STATE			/* state file missing, forged or not matching */
} om_audit_tamper;

typedef struct om_audit_problem {
	om_audit_tamper kind;
	char	file[512];
	unsigned long line;
	char	text[256];
	unsigned long records;		/* records checked */
} om_audit_problem;

om_audit *om_audit_open(const om_conf *conf);
om_audit *om_audit_open_path(const char *log_path, const char *key_path,
			     int pseudonymise, int fsync_each);
const char *om_audit_error(void);
void	om_audit_set_rules_version(om_audit *audit, const char *version);
struct om_ruleset;
void	om_audit_set_rules(om_audit *audit, const struct om_ruleset *rules);
int	om_audit_record(om_audit *audit, const om_result *res, const om_envelope *env);
int	om_audit_event(om_audit *audit, const char *kind,...) __attribute__((sentinel));
int	om_audit_rotate(om_audit *audit, time_t now);
int	om_audit_prune(om_audit *audit, time_t now, unsigned long retention_s);
void	om_audit_close(om_audit *audit);
const char *om_audit_path(const om_audit *audit);

/* Helpers shared with the tool. */
void	om_audit_mask_text(const struct om_ruleset *rules, const char *text, om_buf *out);
int	om_audit_load_key(const char *path, int create, unsigned char key[OM_AUDIT_KEY_LEN]);
void	om_audit_pseudonym(const unsigned char key[OM_AUDIT_KEY_LEN], const char *addr,
			   char *out, size_t outlen);
int	om_audit_parse_duration(const char *s, unsigned long *seconds);
int	om_audit_verify(const char *const *files, size_t nfiles, const char *key_path,
			om_audit_problem *prob);
int	om_audit_verify_state(const char *const *files, size_t nfiles, const char *key_path,
			      const char *state_path, om_audit_problem *prob);
char   *om_audit_state_path(const char *log_path, const char *key_path);
const char *om_audit_tamper_name(om_audit_tamper kind);

#endif
