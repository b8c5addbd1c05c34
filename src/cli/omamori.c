/*++
 * NAME
 *	omamori 1
 * SUMMARY
 *	omamori administration tool
 * SYNOPSIS
 *	omamori scan [-c CONFIG] [--from ADDR] [--rcpt ADDR]... [--auth USER]
 *		[--client IP] [--queue-id ID] [--log] [-v] FILE|-
 *	omamori log verify|search|rotate|prune ...
 *	omamori review list|show|release|discard ...
 *	omamori report --week | --from DATE --to DATE [-o DIR]
 *	omamori domains list|add|remove|import ...
 *	omamori config check [-c CONFIG]
 *	omamori config dump [-c CONFIG] [-d]
 *	omamori rules check [-c CONFIG] [-d DIR]
 *	omamori rules test [-c CONFIG] [-d DIR] RULE-ID FILE
 * DESCRIPTION
 *	The command-line side of omamori. "scan" runs the same engine as
 *	the milter over one message, offline, and prints the verdict as
 *	one JSON object. "config" validates or prints a configuration.
 *
 *	Direction in "scan" (om_scan.c): --client IP is the SMTP client
 *	the daemon would have seen (trusted_networks, inbound_relays);
 *	--auth USER a SASL login. With neither, the client is taken to be
 *	the firm's own when the sender's domain is internal and an outside
 *	one otherwise, so saved mail keeps its direction.
 *
 *	Every command and subcommand answers -h and --help with its usage
 *	on stdout (exit 0), before reading any configuration.
 * DIAGNOSTICS
 *	Exit 0 when the work was done (whatever the verdict), 1 when the
 *	input could not be read, 2 on bad usage or configuration.
 *--*/
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "om_audit.h"
#include "om_buf.h"
#include "om_cli.h"
#include "om_cmd.h"
#include "om_conf.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_msg.h"
#include "om_notice.h"
#include "om_pool.h"
#include "om_rules.h"

#ifndef OM_SYSCONFDIR
#define OM_SYSCONFDIR "/etc"
#endif

#define DEFAULT_CONFIG OM_SYSCONFDIR "/omamori/omamori.conf"

/* om_cli_is_help - is this argument a request for the usage */
int
om_cli_is_help(const char *arg)
{
	return (arg != NULL && (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0));
}

/* om_cli_usage - usage text: stdout and exit 0 when asked for, else stderr and exit 2 */
void
om_cli_usage(const char *text, int asked)
{
	fputs(text, asked ? stdout : stderr);
	exit(asked ? 0 : 2);
}

/* usage - the commands and their options */
static void __attribute__((noreturn))
usage(int asked)
{
	om_cli_usage(
		"usage: omamori scan [-c CONFIG] [--from ADDR] [--rcpt ADDR]... [--auth USER]\n"
		"                    [--client IP] [--queue-id ID] [--log] [-v] FILE|-\n"
		"       omamori log verify|search|rotate|prune ...\n"
		"       omamori review list|show|release|discard ...\n"
		"       omamori report (--week | --from DATE --to DATE) [-o DIR] ...\n"
		"       omamori domains list|add|remove|import ...\n"
		"       omamori config check [-c CONFIG]\n"
		"       omamori config dump [-c CONFIG] [-d]\n"
		"       omamori rules check [-c CONFIG] [-d DIR]\n"
		"       omamori rules test [-c CONFIG] [-d DIR] RULE-ID FILE\n"
		"       omamori --version\n"
		"       omamori COMMAND [VERB] --help\n"
		"See omamori(1).\n", asked);
}

/* scan_usage - omamori scan's options */
static void __attribute__((noreturn))
scan_usage(int asked)
{
	om_cli_usage(
		"usage: omamori scan [-c CONFIG] [--from ADDR] [--rcpt ADDR]... [--auth USER]\n"
		"                    [--client IP] [--queue-id ID] [--log] [-v] FILE|-\n"
		"Judge one message (FILE, or - for stdin) and print the verdict as JSON.\n"
		"  -c, --config CONFIG  configuration (default " DEFAULT_CONFIG ")\n"
		"  --from ADDR          envelope sender (default: the From: address)\n"
		"  --rcpt ADDR          envelope recipient, repeatable (default: To, Cc, Bcc)\n"
		"  --auth USER          the sender authenticated (SASL) as USER\n"
		"  --client IP          the SMTP client's address\n"
		"  --queue-id ID        queue id for the audit record\n"
		"  --ref TOKEN          the X-Omamori-Ref token, as the daemon sets it\n"
		"  --log                write the decision to the audit log\n"
		"  -v, --verbose        describe the parse on stderr\n"
		"See omamori(1).\n", asked);
}

/* config_usage - omamori config's verbs */
static void __attribute__((noreturn))
config_usage(int asked)
{
	om_cli_usage(
		"usage: omamori config check [-c CONFIG]\n"
		"       omamori config dump [-c CONFIG] [-d]\n"
		"check validates the configuration; dump prints the effective settings,\n"
		"or with -d the built-in defaults. See omamori(1), omamori.conf(5).\n", asked);
}

/* om_cli_load_conf - the settings of the named config, the default one, or built-ins */
om_conf *
om_cli_load_conf(const char *path)
{
	om_conf_err err;
	om_conf *conf;

	if (path == NULL && access(DEFAULT_CONFIG, F_OK) == 0)
		path = DEFAULT_CONFIG;
	conf = path ? om_conf_load(path, &err) : om_conf_defaults(&err);
	if (conf == NULL) {
		if (err.count > 1)
			fprintf(stderr, "omamori: %s (and %d more problems above)\n", err.text, err.count - 1);
		else
			fprintf(stderr, "omamori: %s\n", err.text);
		exit(2);
	}
	return (conf);
}

/* om_cli_load_snap - the settings and what a command needs of them; exit 2 on error */
om_snap *
om_cli_load_snap(const char *path, unsigned what)
{
	om_conf *conf = om_cli_load_conf(path);
	om_conf_err err;
	om_snap *snap = om_snap_build(conf, what, &err);

	om_conf_unref(conf);
	if (snap == NULL) {
		if (err.count > 1)
			fprintf(stderr, "omamori: %s (and %d more problems above)\n", err.text, err.count - 1);
		else
			fprintf(stderr, "omamori: %s\n", err.text);
		exit(2);
	}
	return (snap);
}

/* om_cli_read_input - whole file or stdin, at most limit+1 bytes */
int
om_cli_read_input(const char *path, size_t limit, om_buf *out)
{
	int     fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	char    chunk[65536];
	ssize_t n;

	if (fd < 0) {
		fprintf(stderr, "omamori: %s: %s\n", path, strerror(errno));
		return (-1);
	}
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "omamori: %s: %s\n", path, strerror(errno));
			if (fd)
				close(fd);
			return (-1);
		}
		if (out->len + (size_t) n > limit + 1)
			n = (ssize_t) (limit + 1 - out->len);
		om_buf_append(out, chunk, (size_t) n);
		if (out->len > limit)
			break;
	}
	if (fd)
		close(fd);
	return (0);
}

/* scan_describe - the parse, for -v, on stderr */
static void
scan_describe(const om_result *res)
{
	const om_msg *msg = res->msg;

	if (msg == NULL)
		return;
	fprintf(stderr, "sender: %s\n", res->sender);
	for (size_t i = 0; i < res->nrcpts; i++)
		fprintf(stderr, "recipient: %s\n", res->rcpts[i]);
	for (size_t i = 0; i < msg->nparts; i++) {
		const om_part *p = msg->parts + i;

		fprintf(stderr, "part %zu:%*s %s%s%s size=%zu magic=%s%s%s%s%s\n", i, p->depth * 2, "",
			p->content_type, p->filename ? " name=" : "", p->filename ? p->filename : "",
			p->size, p->magic_type ? p->magic_type : "-",
			p->charset_used ? " charset=" : "", p->charset_used ? p->charset_used : "",
			(p->flags & OM_PART_ATTACHMENT) ? " attachment" : "",
			(p->flags & OM_PART_LENIENT) ? " (read past a broken transfer encoding)" : "");
	}
	for (size_t i = 0; i < msg->ntexts; i++)
		fprintf(stderr, "text %zu: %s %s, %zu bytes\n", i, om_scope_name(msg->texts[i].scope),
			msg->texts[i].where, msg->texts[i].len);
	for (size_t i = 0; i < msg->nlinks; i++)
		fprintf(stderr, "link %zu: %s\n", i, msg->links[i].href);
}

/* client_ok - an IPv4 or IPv6 address (also "[a.b.c.d]", "IPv6:x::y") */
static int
client_ok(const char *s)
{
	unsigned char a[16];
	char    host[INET6_ADDRSTRLEN + 1];
	size_t  n;

	if (*s == '[')
		s++;
	if (strncasecmp(s, "ipv6:", 5) == 0)
		s += 5;
	n = strcspn(s, "]");
	if (n == 0 || n >= sizeof(host) || (s[n] == ']' && s[n + 1] != 0))
		return (0);
	memcpy(host, s, n);
	host[n] = 0;
	return (inet_pton(AF_INET, host, a) == 1 || inet_pton(AF_INET6, host, a) == 1);
}

/* cmd_scan - omamori scan */
static int
cmd_scan(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"from", required_argument, NULL, 'f'},
		{"rcpt", required_argument, NULL, 'r'},
		{"auth", required_argument, NULL, 'a'},
		{"client", required_argument, NULL, 'i'},
		{"verbose", no_argument, NULL, 'v'},
		{"queue-id", required_argument, NULL, 'q'},
		{"ref", required_argument, NULL, 'R'},
		{"log", no_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *config = NULL;
	int	audit_log = 0;
	const char **rcpts = NULL;
	size_t  nrcpt = 0;
	om_envelope env;
	om_snap *snap;
	om_buf  raw, json;
	om_result *res;
	int     c, verbose = 0, ret = 0;

	memset(&env, 0, sizeof(env));
	while ((c = getopt_long(argc, argv, "c:vh", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'f':
			env.from = optarg;
			break;
		case 'r':
			rcpts = realloc(rcpts, (nrcpt + 1) * sizeof(char *));
			if (rcpts == NULL)
				om_fatal("out of memory");
			rcpts[nrcpt++] = optarg;
			break;
		case 'a':
			env.auth = optarg;
			break;
		case 'i':
			if (!client_ok(optarg)) {
				fprintf(stderr, "omamori: --client: \"%s\" is not an IP address\n", optarg);
				free(rcpts);
				return (2);
			}
			env.client_addr = optarg;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'q':
			env.queue_id = optarg;
			break;
		case 'R':
			env.ref = optarg;
			break;
		case 'l':
			audit_log = 1;
			break;
		case 'h':
			free(rcpts);
			scan_usage(1);
		default:
			free(rcpts);
			scan_usage(0);
		}
	}
	if (optind != argc - 1) {
		free(rcpts);
		scan_usage(0);
	}
	env.rcpt = rcpts;
	env.nrcpt = nrcpt;
	/* Notices verify with the daemon's key when it can be read. */
	/* The state store is read, never written: scanning learns nothing. */
	snap = om_cli_load_snap(config, OM_SNAP_SCAN | OM_SNAP_NOTICE | OM_SNAP_STATE | OM_SNAP_STATE_RO
				| (audit_log ? OM_SNAP_AUDIT : 0));
	om_buf_init(&raw, 0);
	if (om_cli_read_input(argv[optind], snap->conf->conf_message_size_limit, &raw) < 0) {
		om_buf_free(&raw);
		om_snap_unref(snap);
		free(rcpts);
		return (1);
	}
	om_engine_global_init();
	res = om_engine_scan(snap, &env, raw.data ? raw.data : "", raw.len);
	/* Asked to record and could not: the run did not do its job. */
	if (snap->audit && om_audit_record(snap->audit, res, &env) < 0) {
		fprintf(stderr, "omamori: audit log: %s\n", om_audit_error());
		ret = 3;
	}
	/* Places hold file names and forwarded subjects: masked as in the log. */
	for (size_t i = 0; i < res->nfindings; i++) {
		om_buf  w;

		if (res->findings[i].where == NULL)
			continue;
		om_buf_init(&w, 0);
		om_audit_mask_text(snap->rules, res->findings[i].where, &w);
		res->findings[i].where = om_pool_strdup(res->pool, w.data ? w.data : "");
		om_buf_free(&w);
	}
	if (verbose)
		scan_describe(res);
	om_buf_init(&json, 0);
	om_result_json(res, &json);
	printf("%s\n", json.data);
	om_buf_free(&json);
	om_result_free(res);
	om_buf_free(&raw);
	om_snap_unref(snap);
	om_engine_global_shutdown();
	free(rcpts);
	return (ret);
}

/* cmd_config - omamori config check|dump */
static int
cmd_config(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *config = NULL;
	int     c, defaults = 0;
	om_conf *conf;

	if (argc < 2)
		config_usage(0);
	if (om_cli_is_help(argv[1]))
		config_usage(1);
	optind = 2;
	while ((c = getopt_long(argc, argv, "c:dh", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'd':
			defaults = 1;
			break;
		case 'h':
			config_usage(1);
		default:
			config_usage(0);
		}
	}
	if (optind != argc)
		config_usage(0);
	if (strcmp(argv[1], "check") == 0) {
		/* Everything a scan would load must load. */
		om_snap *snap = om_cli_load_snap(config, OM_SNAP_SCAN);

		printf("%s: ok\n", snap->conf->conf_path ? snap->conf->conf_path : "(built-in defaults)");
		om_snap_unref(snap);
		return (0);
	}
	if (strcmp(argv[1], "dump") == 0) {
		conf = om_cli_load_conf(config);
		om_conf_dump(conf, stdout, defaults);
		om_conf_unref(conf);
		return (0);
	}
	config_usage(0);
}

int
main(int argc, char **argv)
{
	om_log_open("omamori", OM_LOG_STDERR, 0);
	if (argc < 2)
		usage(0);
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("omamori %s\n", PACKAGE_VERSION);
		return (0);
	}
	/* "omamori --help", "omamori help"; each command answers its own. */
	if (om_cli_is_help(argv[1]) || strcmp(argv[1], "help") == 0)
		usage(1);
	if (strcmp(argv[1], "scan") == 0)
		return (cmd_scan(argc - 1, argv + 1));
	if (strcmp(argv[1], "config") == 0)
		return (cmd_config(argc - 1, argv + 1));
	if (strcmp(argv[1], "log") == 0)
		return (om_cmd_log(argc - 1, argv + 1));
	if (strcmp(argv[1], "review") == 0)
		return (om_cmd_review(argc - 1, argv + 1));
	if (strcmp(argv[1], "report") == 0)
		return (om_cmd_report(argc - 1, argv + 1));
	if (strcmp(argv[1], "domains") == 0)
		return (om_cmd_domains(argc - 1, argv + 1));
	if (strcmp(argv[1], "rules") == 0)
		return (om_cmd_rules(argc - 1, argv + 1));
	fprintf(stderr, "omamori: unknown command \"%s\"\n", argv[1]);
	usage(0);
}
