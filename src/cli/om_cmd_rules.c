/*++
 * NAME
 *	om_cmd_rules 3
 * SUMMARY
 *	omamori rules check | rules test
 * SYNOPSIS
 *	omamori rules check [-c CONFIG] [-d DIR]
 *	omamori rules test [-c CONFIG] [-d DIR] RULE-ID FILE
 * DESCRIPTION
 *	"check" compiles every rule of the configuration's rules_dir (or
 *	DIR) and runs every embedded example, printing "FILE, line N:
 *	text" for each problem: all of them, the same with -c as with -d
 *	(the configuration is read without its rules, which are then
 *	loaded here, keeping going past each bad one).
 *
 *	"test" shows what one rule finds in one message and why: every
 *	candidate match with a masked sample, the validator's and the
 *	context's verdict, the score, and whether the match is dropped as
 *	a URL, a signature block or one of the firm's own details.
 * DIAGNOSTICS
 *	Exit 0 when all is well; 1 when a rule is bad, an example fails,
 *	the rules cannot be read, or the message cannot be read; 2 on bad
 *	usage or a configuration that cannot be read or is not valid.
 *--*/
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "om_attach.h"
#include "om_buf.h"
#include "om_cli.h"
#include "om_conf.h"
#include "om_mask.h"
#include "om_mime.h"
#include "om_msg.h"
#include "om_pool.h"
#include "om_rules.h"
#include "om_scan.h"

#ifndef OM_SYSCONFDIR
#define OM_SYSCONFDIR "/etc"
#endif

/* rules_usage - synopsis: stdout, exit 0 when asked for; else stderr, exit 2 */
static void __attribute__((noreturn))
rules_usage(int asked)
{
	om_cli_usage("usage: omamori rules check [-c CONFIG] [-d DIR]\n"
		"       omamori rules test [-c CONFIG] [-d DIR] RULE-ID FILE\n"
		"check compiles the rules of rules_dir (or DIR) and runs their examples;\n"
		"test shows what one rule finds in one message (FILE, or - for stdin).\n"
		"See omamori(1), omamori-rules(5).\n", asked);
}

/* rules_check - compile and run the examples */
static int
rules_check(const char *dir)
{
	om_rules_err err = {.count = 0, .report = stdout};
	om_ruleset *set = om_rules_load_dir(dir, OM_RULES_KEEP_GOING, &err);
	size_t  nex = 0, npre = 0;

	if (set == NULL)
		return (1);
	om_rules_check_examples(set, &err);
	for (size_t i = 0; i < om_rules_count(set); i++) {
		nex += om_rule_examples(om_rules_get(set, i));
		npre += (size_t) om_rule_prefiltered(om_rules_get(set, i));
	}
	printf("%s: %zu rules (%zu prefiltered), %zu examples, %d problem%s; %s\n", dir,
	       om_rules_count(set), npre, nex, err.count, err.count == 1 ? "" : "s",
	       om_rules_version(set));
	om_rules_free(set);
	return (err.count ? 1 : 0);
}

typedef struct test_ctx {
	om_scan *scan;
	const om_text *text;
	unsigned found;
} test_ctx;

/* test_cb - print one candidate */
static int
test_cb(const om_rule_hit *h, void *arg)
{
	test_ctx *tc = arg;
	char    sample[OM_MASK_MAX];
	const char *drop = NULL;

	om_mask(h->rule->mask, tc->text->text + h->start, h->end - h->start, sample);
	if (h->status == OM_HIT_ACCEPTED)
		drop = om_pii_filter_reason(tc->scan, tc->text, h->rule->category, h->start, h->end);
	printf("%s: offset %zu: \"%s\": match", tc->text->where, h->start, sample);
	if (h->rule->validator_name)
		printf(", validator %s %s", h->rule->validator_name,
		       h->status == OM_HIT_INVALID ? "failed" : "passed");
	if (om_rule_context_words(h->rule))
		printf(", context %s", h->context ? "found" : "not found");
	printf(": %s", om_rules_hit_status(h->status));
	if (h->status == OM_HIT_ACCEPTED) {
		if (drop)
			printf(", but dropped: %s", drop);
		else
			printf(", score %.1f", h->score);
	}
	printf("\n");
	if (h->status == OM_HIT_ACCEPTED && drop == NULL)
		tc->found++;
	return (0);
}

/* rules_test - one rule over one message */
static int
rules_test(const om_snap *snap, const om_ruleset *set, const char *id, const char *file)
{
	const om_conf *conf = snap->conf;
	const om_rule *r = om_rules_find(set, id);
	om_buf  raw;
	om_msg *msg;
	om_scan scan;
	test_ctx tc;
	int     ret = 0;

	if (r == NULL) {
		fprintf(stderr, "omamori: no rule \"%s\"\n", id);
		return (2);
	}
	om_buf_init(&raw, 0);
	if (om_cli_read_input(file, conf->conf_message_size_limit, &raw) < 0) {
		om_buf_free(&raw);
		return (1);
	}
	om_msg_global_init();
	msg = om_mime_parse(conf, raw.data ? raw.data : "", raw.len);
	if (msg == NULL) {
		fprintf(stderr, "omamori: %s: not a message\n", file);
		om_buf_free(&raw);
		return (1);
	}
	om_attach_expand(conf, msg);
	printf("rule %s (%s, line %d): category %s, weight %.1f%s%s\n", r->id, r->file, r->line,
	       r->category, r->weight, r->validator_name ? ", validator " : "",
	       r->validator_name ? r->validator_name : "");
	memset(&scan, 0, sizeof(scan));
	scan.snap = snap;
	scan.conf = conf;
	scan.msg = msg;
	scan.pool = om_pool_new();
	om_scan_direction(&scan, NULL);
	memset(&tc, 0, sizeof(tc));
	tc.scan = &scan;
	for (size_t i = 0; i < msg->ntexts; i++) {
		tc.text = msg->texts + i;
		if (!(r->scopes & msg->texts[i].scope))
			continue;
		if (om_rules_scan(set, tc.text->text, tc.text->len,
				  tc.text->scope | OM_RULES_EVERY_CANDIDATE, r, test_cb, &tc) < 0) {
			printf("%s: matching stopped by a limit or an error\n", tc.text->where);
			ret = 1;
		}
	}
	printf("%u accepted as personal data\n", tc.found);
	om_pool_free(scan.pool);
	om_msg_free(msg);
	om_msg_global_shutdown();
	om_buf_free(&raw);
	return (ret);
}

/* om_cmd_rules - omamori rules ... */
int
om_cmd_rules(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *config = NULL, *dir = NULL;
	om_conf *conf;
	om_snap *snap;
	om_ruleset *set;
	om_rules_err err = {.count = 0, .report = stderr};
	int     c, ret;

	if (argc < 2)
		rules_usage(0);
	if (om_cli_is_help(argv[1]))
		rules_usage(1);
	optind = 2;
	while ((c = getopt_long(argc, argv, "c:d:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'd':
			dir = optarg;
			break;
		case 'h':
			rules_usage(1);
		default:
			rules_usage(0);
		}
	}
	if (strcmp(argv[1], "check") != 0 && strcmp(argv[1], "test") != 0)
		rules_usage(0);
	/* Only the settings: the rules are loaded and reported on here. */
	conf = om_cli_load_conf(config);
	if (dir == NULL)
		dir = conf->conf_rules_dir;
	if (strcmp(argv[1], "check") == 0) {
		if (optind != argc)
			rules_usage(0);
		ret = rules_check(dir);
		om_conf_unref(conf);
		return (ret);
	}
	if (strcmp(argv[1], "test") == 0) {
		if (optind != argc - 2)
			rules_usage(0);
		if ((set = om_rules_load_dir(dir, 0, &err)) == NULL) {
			om_conf_unref(conf);
			return (1);
		}
		/* A snapshot of the settings and this set (it owns the set). */
		snap = om_snap_build(conf, 0, NULL);
		snap->rules = set;
		ret = rules_test(snap, set, argv[optind], argv[optind + 1]);
		om_snap_unref(snap);
		om_conf_unref(conf);
		return (ret);
	}
	rules_usage(0);
}
