/*++
 * NAME
 *	om_scan 3h
 * SUMMARY
 *	what a detector sees and how it reports
 * DESCRIPTION
 *	One om_scan exists per message scan. Detectors read the message,
 *	the envelope and the direction, and report with om_scan_add():
 *	findings with the same category, rule and place are merged into
 *	one with a count, keeping the first masked sample
 *	(om_scan_add_each() keeps each apart). A detector
 *	returns 0 when it ran, -1 when it could not judge (then the
 *	verdict is error_action: never read trouble as "clean").
 *
 *	Detectors are listed in one table in om_engine.c and run in order;
 *	the policy-level ones (body.pii, attach.pii_unencrypted) run after
 *	the ones whose findings they weigh.
 *--*/
#ifndef OM_SCAN_H
#define OM_SCAN_H

#include "om_conf.h"
#include "om_result.h"
#include "om_mask.h"
#include "om_msg.h"
#include "om_pool.h"
#include "om_rules.h"
#include "om_snap.h"

typedef struct om_scan {
	const om_snap *snap;		/* rules, maps, brands */
	const om_conf *conf;		/* snap->conf */
	const om_msg *msg;
	om_pool *pool;			/* the result's pool */
	om_direction direction;
	const char *sender;		/* envelope sender ("" for <>) */
	const char **rcpts;		/* envelope recipients */
	size_t	nrcpts;
	unsigned char *rcpt_external;	/* 1 where rcpts[i] is external */
	size_t	n_external;
	int	sender_internal;	/* from the firm (client trusted or SASL) */
	int	outbound_checks;	/* outbound rules apply (external rcpts) */
	int	spoofed_internal;	/* outside client, internal sender domain */
	const char *auth;
	const char *client_addr;
	const char *queue_id;
	om_finding *findings;
	size_t	nfindings;
	size_t	findings_cap;
	const char *add_cc;		/* manager to add (cc.manager_missing) */
	const char *ppap_key;		/* an encrypted archive went to these (om_detect_ppap) */
	unsigned attack_score;		/* summed indicator weights (inbound) */
	const char *attack_words;	/* indicators in plain words, or NULL */
	/*
	 * Inbound, the personal-data pass over the texts also sees the
	 * attack.* phrase rules' hits and keeps the first of each kind
	 * here (om_attack_phrase_hit), so the attack detector need not
	 * read the texts again.
	 */
	int	phrases_seen;
	const om_rule *phrase_rule[2];	/* OM_PHRASE_THEME, OM_PHRASE_CRED */
	const char *phrase_where[2];
	char	phrase_sample[2][OM_MASK_MAX];
	/*
	 * Outbound, the same pass scores each attachment and file name
	 * text as body.pii would (om_pii_score_text): per text of msg,
	 * 0 not scored, 1 not personal data, 2 personal data, so that
	 * attach.pii_unencrypted need not read the text again.
	 */
	unsigned char *attach_pii;
	/*
	 * The values the firm's signature showed in the texts read so
	 * far (om_detect_pii.c), so that the same value in a later text
	 * of the message (the HTML alternative, a quoted or attached
	 * part) is the firm's too.
	 */
	struct om_pii_sigvals *pii_sigvals;
} om_scan;

#define OM_PHRASE_THEME	0
#define OM_PHRASE_CRED	1

typedef int (*om_detector_fn) (om_scan *scan);

om_finding *om_scan_add(om_scan *scan, const char *category, const char *rule,
			const char *where, const char *sample, double score);
om_finding *om_scan_add_each(om_scan *scan, const char *category, const char *rule,
			     const char *where, const char *sample, double score);
om_finding *om_scan_find(const om_scan *scan, const char *category);
int	om_scan_direction(om_scan *scan, const om_envelope *env);

/* The built-in detectors (one file each). */
int	om_detect_limits(om_scan *scan);
int	om_detect_attach(om_scan *scan);
int	om_detect_attach_pii(om_scan *scan);
int	om_detect_recipients(om_scan *scan);
int	om_detect_insurers(om_scan *scan);
int	om_detect_ppap(om_scan *scan);
const char *om_ppap_key(om_scan *scan);
int	om_detect_pii(om_scan *scan);
int	om_detect_attack(om_scan *scan);
void	om_attack_phrase_hit(om_scan *scan, const om_text *text, const om_rule_hit *hit);

/*
 * Personal-data evidence of one or more texts (om_detect_pii.c): what
 * body.pii weighs, and what attachment detectors can weigh the same way.
 * om_pii_score_text() reports the text's pii.* and sensitive findings
 * and adds its evidence to *score (zero it first); om_pii_says_pii()
 * applies the configured thresholds. Both return -1 on internal error.
 */
#define OM_PII_KINDS	16
#define OM_PII_VALUES	8

typedef struct om_pii_score {
	double	total;			/* summed weights of accepted items */
	unsigned items;			/* accepted items */
	unsigned high;			/* items that count on their own */
	unsigned kinds;			/* bit per kind of weaker item seen */
	unsigned nvalues[OM_PII_KINDS];	/* distinct values per kind (capped) */
	unsigned long values[OM_PII_KINDS][OM_PII_VALUES];	/* their hashes */
} om_pii_score;

int	om_pii_score_text(om_scan *scan, const om_text *text, om_pii_score *score);
int	om_pii_says_pii(const om_conf *conf, const om_pii_score *score);
const char *om_pii_filter_reason(om_scan *scan, const om_text *text,
				 const char *category, size_t start, size_t end);

#endif
