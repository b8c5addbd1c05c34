/*++
 * NAME
 *	om_cmd_review 3
 * SUMMARY
 *	omamori review: the manager's look at held messages
 * SYNOPSIS
 *	omamori review list [-c CONFIG] [--json]
 *	omamori review show [-c CONFIG] [--reveal] QUEUE_ID
 *	omamori review release|discard [-c CONFIG] [--reason TEXT] [--dry-run]
 *		(QUEUE_ID... | --rule RULE | --category CAT)
 *	omamori review approve|reject [-c CONFIG] [--reason TEXT] [--dry-run] QUEUE_ID...
 *	omamori review due [-c CONFIG] [--dry-run]
 * DESCRIPTION
 *	list reads Postfix's hold queue ("postqueue -j", with "-c DIR"
 *	when review_postfix_dir is set) and joins each held message with
 *	its decision record in the audit log by queue id: when it came,
 *	who sent it to whom, why it was held (category words in Japanese
 *	and English), size and age. Oldest first; those held longer than
 *	review_old_age are marked "!".
 *
 *	show prints the decision record: masked samples only. --reveal
 *	also prints the message itself (postcat) and records in the audit
 *	log who looked and when (L5).
 *
 *	release ("postsuper -H") and discard ("postsuper -d ID hold") act
 *	on the queue ids given, or on every held message whose record has a
 *	finding of --rule or --category. A reason is required: --reason or
 *	typed at the prompt. Each action is recorded in the audit log with
 *	who, when, why and the decision record it answers. --dry-run says
 *	what would be done and does nothing.
 *
 *	due settles the send delay (om_pending.h): every pending record
 *	of this gateway that is due, or that its sender answered, is
 *	matched to the held message by queue id and X-Omamori-Ref; the
 *	message is released (postsuper -H, then postqueue -i) and its new
 *	domains registered, or discarded when the sender cancelled it;
 *	each is recorded in the audit log first, then the record goes.
 *	release and discard by hand settle a delayed message's record too,
 *	and a release registers the message's new domains. Mail that waits
 *	for approval (the action "approve") is settled the same way: due
 *	releases what an approver approved, discards what one rejected,
 *	and after approve_timeout does approve_timeout_action; approve and
 *	reject are release and discard by hand, recorded under their own
 *	names with who and why.
 *
 *	With review_mta = sendmail the same is done on Sendmail's
 *	quarantine, where omamori-milter's holds go (smfi_quarantine: the
 *	qf file becomes an hf file with a "q" line). list reads
 *	"sendmail -bp -qQ -v" (mailq of the quarantined items, with
 *	"-C review_sendmail_cf" when set), show --reveal prints the hf
 *	file's headers and the df file, release is "sendmail -qQ -qI<id>
 *	-Q" (unquarantine) and then "sendmail -qI<id>" (deliver now), and
 *	discard removes the hf and df files under the queue directory mailq
 *	names, while holding the lock Sendmail takes on them. The output
 *	and the audit records are the same as on Postfix.
 * DIAGNOSTICS
 *	Exit 0 done, 1 nothing matched or a queue action failed, 2 usage,
 *	configuration or audit log trouble. Nothing is released or
 *	discarded unless the audit log can record it first.
 *--*/
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "om_audit.h"
#include "om_buf.h"
#include "om_category.h"
#include "om_cli.h"
#include "om_cmd.h"
#include "om_json.h"
#include "om_log.h"
#include "om_pending.h"
#include "om_state.h"

#define REV_OUTPUT_MAX	(64u * 1024 * 1024)	/* postqueue/postcat output */
#define REV_HELD_MAX	100000			/* held messages considered */
#define REV_ARGS	16

typedef struct held {
	char   *qid;
	char   *sender;
	char   *rcpt;			/* first recipient */
	unsigned nrcpt;
	long long arrival;
	long long size;
	char   *record;			/* the decision line, or NULL */
	char   *qdir;			/* Sendmail: its queue directory */
	char   *ref;			/* its X-Omamori-Ref token, or NULL */
	int	pending;		/* 1 + its pending record's kind, or 0 */
} held;

typedef struct review {
	held   *v;
	size_t	n;
} review;

/* rev_usage - synopsis: stdout, exit 0 when asked for; else stderr, exit 2 */
static void __attribute__((noreturn))
rev_usage(int asked)
{
	om_cli_usage(
		"usage: omamori review list [-c CONFIG] [--json]\n"
		"       omamori review show [-c CONFIG] [--reveal] QUEUE_ID\n"
		"       omamori review release [-c CONFIG] [--reason TEXT] [--dry-run]\n"
		"                      (QUEUE_ID... | --rule RULE | --category CAT)\n"
		"       omamori review discard [-c CONFIG] [--reason TEXT] [--dry-run]\n"
		"                      (QUEUE_ID... | --rule RULE | --category CAT)\n"
		"       omamori review approve|reject [-c CONFIG] [--reason TEXT] [--dry-run] QUEUE_ID...\n"
		"       omamori review due [-c CONFIG] [--dry-run]\n"
		"list the held messages with why they were held; show one (--reveal: the\n"
		"message itself, recorded in the audit log); release or discard them, with\n"
		"a reason, recorded first; due: release or discard the delayed messages\n"
		"whose time is up or whose sender answered. See omamori(1).\n", asked);
}

/*
 * Run as root (by sudo, or by root itself), review executes commands
 * that the configuration names: a configuration file anyone else could
 * write, or a command looked up through the caller's PATH, would let
 * them run what they like as root. So as root the file must belong to
 * root and be writable by root alone (its directory too), and a command
 * is an absolute path with the same property, or a bare name found in
 * TRUSTED_PATH, never in $PATH.
 */
#define TRUSTED_PATH	"/usr/sbin:/usr/bin:/sbin:/bin"

/* root_only - path is root's and only root may change it */
static int
root_only(const char *path, const char **why)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		*why = strerror(errno);
		return (0);
	}
	if (st.st_uid != 0) {
		*why = "not owned by root";
		return (0);
	}
	if (st.st_mode & 022) {
		*why = "writable by others than root";
		return (0);
	}
	return (1);
}

/* trusted_conf - as root, the configuration file and its directory are root's alone */
static int
trusted_conf(const om_conf *conf)
{
	const char *why = NULL;
	char   *dir, *slash;
	int     ok;

	if (geteuid() != 0 || conf->conf_path == NULL)
		return (1);
	if (!root_only(conf->conf_path, &why)) {
		fprintf(stderr, "omamori: %s: %s; as root, review reads only a configuration "
			"that root alone can change\n", conf->conf_path, why);
		return (0);
	}
	dir = om_xstrdup(conf->conf_path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*(slash == dir ? slash + 1 : slash) = 0;
	else
		strcpy(dir, ".");
	ok = root_only(dir, &why);
	if (!ok)
		fprintf(stderr, "omamori: %s: %s; as root, review reads only a configuration "
			"that root alone can change\n", dir, why);
	free(dir);
	return (ok);
}

/* root_command - as root, the file a command name runs, or NULL (said why) */
static char *
root_command(const char *name)
{
	const char *why = NULL;
	char    path[PATH_MAX];

	if (strchr(name, '/') != NULL) {
		if (name[0] != '/') {
			fprintf(stderr, "omamori: %s: as root, a command must be an absolute path\n", name);
			return (NULL);
		}
		if (!root_only(name, &why)) {
			fprintf(stderr, "omamori: %s: %s; not run as root\n", name, why);
			return (NULL);
		}
		return (om_xstrdup(name));
	}
	for (const char *d = TRUSTED_PATH; *d;) {
		size_t  n = strcspn(d, ":");

		snprintf(path, sizeof(path), "%.*s/%s", (int) n, d, name);
		if (access(path, X_OK) == 0 && root_only(path, &why))
			return (om_xstrdup(path));
		d += n + (d[n] == ':');
	}
	fprintf(stderr, "omamori: %s: not found in " TRUSTED_PATH " (as root, $PATH is not used)\n", name);
	return (NULL);
}

/* run_cmd - run argv without a shell; stdout into out (if given); exit status */
static int
run_cmd(char *const *argv, om_buf *out)
{
	int     fds[2], status;
	pid_t   pid;
	char    chunk[8192];
	ssize_t n;
	char   *file = geteuid() == 0 ? root_command(argv[0]) : NULL;

	if (geteuid() == 0 && file == NULL)
		return (126);
	if (pipe(fds) < 0)
		om_fatal("pipe: %s", strerror(errno));
	if ((pid = fork()) < 0)
		om_fatal("fork: %s", strerror(errno));
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		if (file)
			execv(file, argv);
		else
			execvp(argv[0], argv);
		fprintf(stderr, "omamori: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	free(file);
	close(fds[1]);
	while ((n = read(fds[0], chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (out && out->len + (size_t) n <= REV_OUTPUT_MAX)
			om_buf_append(out, chunk, (size_t) n);
		else if (out == NULL)
			fwrite(chunk, 1, (size_t) n, stdout);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return (-1);
	return (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* mta_argv - "CMD [OPT VALUE] ARGS...", at most four ARGS, NULL-terminated */
static void
mta_argv(char **argv, const char *cmd, const char *opt, const char *value,
	 const char *a1, const char *a2, const char *a3, const char *a4)
{
	const char *args[4] = {a1, a2, a3, a4};
	int     i = 0;

	argv[i++] = (char *) cmd;
	if (value) {
		argv[i++] = (char *) opt;
		argv[i++] = (char *) value;
	}
	for (int k = 0; k < 4; k++)
		if (args[k])
			argv[i++] = (char *) args[k];
	argv[i] = NULL;
}

/* postfix_argv - "CMD [-c DIR] ARGS..." */
static void
postfix_argv(const om_conf *conf, const char *cmd, char **argv, const char *a1, const char *a2, const char *a3)
{
	mta_argv(argv, cmd, "-c", conf->conf_review_postfix_dir, a1, a2, a3, NULL);
}

/* mta_sendmail - 1 for review_mta = sendmail, 0 for postfix; exit 2 else */
static int
mta_sendmail(const om_conf *conf)
{
	const char *m = conf->conf_review_mta ? conf->conf_review_mta : "postfix";

	if (strcmp(m, "postfix") == 0)
		return (0);
	if (strcmp(m, "sendmail") == 0)
		return (1);
	fprintf(stderr, "omamori: review_mta: \"%s\" is not postfix or sendmail\n", m);
	exit(2);
}

/* sendmail_argv - "SENDMAIL [-C CF] ARGS..." */
static void
sendmail_argv(const om_conf *conf, char **argv, const char *a1, const char *a2, const char *a3, const char *a4)
{
	mta_argv(argv, conf->conf_review_sendmail, "-C", conf->conf_review_sendmail_cf, a1, a2, a3, a4);
}

/* held_add - a new, empty entry at the end of the list */
static held *
held_add(review *r)
{
	r->v = realloc(r->v, (r->n + 1) * sizeof(held));
	if (r->v == NULL)
		om_fatal("out of memory");
	memset(r->v + r->n, 0, sizeof(held));
	return (r->v + r->n++);
}

/* mailq_time - "Dec  7 18:30" (local time, no year) to seconds: this
 *	year, or last year when that would be more than a day ahead */
static long long
mailq_time(const char *mon, int day, int hh, int mm)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	const char *p = strstr(months, mon);
	time_t  now = time(NULL), t;
	struct tm tm;

	if (p == NULL || strlen(mon) != 3 || (p - months) % 3 != 0)
		return (0);
	localtime_r(&now, &tm);
	tm.tm_mon = (int) (p - months) / 3;
	tm.tm_mday = day;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) > now + 86400) {
		tm.tm_year--;
		tm.tm_isdst = -1;
		t = mktime(&tm);
	}
	return ((long long) t);
}

/* xstrndup - copy of the first len bytes of s */
static char *
xstrndup(const char *s, size_t len)
{
	char   *d = strndup(s, len);

	if (d == NULL)
		om_fatal("out of memory");
	return (d);
}

/* angle_addr - the address inside "<...>" (copy), "" for "<>" */
static char *
angle_addr(const char *p)
{
	const char *e;

	if (*p == '<')
		p++;
	e = strchr(p, '>');
	return (e ? xstrndup(p, (size_t) (e - p)) : om_xstrdup(p));
}

/* parse_mailq - the quarantined items in "sendmail -bp -qQ -v" output:
 *
 *		/var/spool/mqueue (1 request)
 *	-----Q-ID----- --Size-- -Priority- ---Q-Time--- --------Sender/Recipient--------
 *	6B7ISFwX016760        6      60101 Dec  7 18:28 <a@example>
 *	     QUARANTINE: recipient.freemail (...)
 *						<b@example>
 *			Total requests: 1
 *
 *	The id may carry a mark (* being worked on, X too large, - in the
 *	making); verbose mode prints addresses whole. */
static void
parse_mailq(char *text, review *r)
{
	char   *line, *save = NULL, *qdir = NULL;
	held   *h = NULL;

	for (line = strtok_r(text, "\n", &save); line && r->n < REV_HELD_MAX; line = strtok_r(NULL, "\n", &save)) {
		char   *p = line + strspn(line, " \t"), *e;
		char    id[64], mon[4];
		long long size, prio;
		int     day, hh, mm, off = 0;

		if (*p == '/') {
			/* "/dir (N requests)" or "/dir is empty" */
			if ((e = strstr(p, " (")) == NULL && (e = strstr(p, " is empty")) == NULL)
				e = p + strlen(p);
			free(qdir);
			qdir = xstrndup(p, (size_t) (e - p));
			h = NULL;
			continue;
		}
		if (p != line) {
			if (h && *p == '<' && h->nrcpt++ == 0) {
				free(h->rcpt);
				h->rcpt = angle_addr(p);
			}
			continue;
		}
		if (sscanf(line, "%63s %lld %lld %3s %d %d:%d %n", id, &size, &prio, mon, &day, &hh, &mm, &off) != 7
		    || off == 0) {
			h = NULL;
			continue;
		}
		if ((e = id + strlen(id)) > id && (e[-1] == '*' || e[-1] == 'X' || e[-1] == '-'))
			e[-1] = 0;
		h = held_add(r);
		h->qid = om_xstrdup(id);
		h->sender = angle_addr(line + off);
		h->rcpt = om_xstrdup("");
		h->size = size;
		h->arrival = mailq_time(mon, day, hh, mm);
		h->qdir = qdir ? om_xstrdup(qdir) : NULL;
	}
	free(qdir);
}

/*
 * ref_in - the last X-Omamori-Ref value of a header block (or a Sendmail
 * qf's H lines), malloc'ed, or NULL. The last: the daemon deletes copies
 * that came in and adds its own after them, so a sender's forged one,
 * should a deletion have failed, never wins.
 */
static char *
ref_in(const char *text)
{
	static const char name[] = "X-Omamori-Ref:";
	char   *last = NULL;

	for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		const char *q = p;
		size_t  n;

		if (*q == '\n')
			break;			/* end of the header block */
		/* Sendmail's queue file: "H" and optional "?flags?" before the name. */
		if (*q == 'H' && q[1] != 0 && strncasecmp(q, name, sizeof(name) - 1) != 0) {
			q++;
			if (*q == '?' && strchr(q + 1, '?'))
				q = strchr(q + 1, '?') + 1;
		}
		if (strncasecmp(q, name, sizeof(name) - 1) != 0)
			continue;
		q += sizeof(name) - 1;
		while (*q == ' ' || *q == '\t')
			q++;
		n = strcspn(q, "\r\n");
		while (n > 0 && (q[n - 1] == ' ' || q[n - 1] == '\t'))
			n--;
		if (n > 0 && n < 200) {
			free(last);
			last = strndup(q, n);
		}
	}
	return (last);
}

/* postcat_cmd - postcat beside review_postsuper (or by name), malloc'ed */
static char *
postcat_cmd(const om_conf *conf)
{
	const char *slash = strrchr(conf->conf_review_postsuper, '/');
	char   *postcat;

	if (slash == NULL)
		return (om_xstrdup("postcat"));
	if (asprintf(&postcat, "%.*s/postcat", (int) (slash - conf->conf_review_postsuper),
		     conf->conf_review_postsuper) < 0)
		om_fatal("out of memory");
	return (postcat);
}

/* held_by_record - attach decision lines by queue id (last one wins) */
static int
held_by_record(JsonObject *rec, const char *line, void *ctx)
{
	review *r = ctx;
	const char *type = om_cmd_str(rec, "type");
	const char *qid = om_cmd_str(rec, "queue_id");
	const char *ref = om_cmd_str(rec, "ref");

	if (type == NULL || strcmp(type, "decision") != 0 || qid == NULL)
		return (0);
	for (size_t i = 0; i < r->n; i++) {
		/*
		 * A held message that carries our token is joined by it alone:
		 * a short queue id may have been another message's before.
		 * Mail held before records had the token is joined by queue id.
		 */
		if (r->v[i].ref ? (ref == NULL || strcmp(r->v[i].ref, ref) != 0) : strcmp(r->v[i].qid, qid) != 0)
			continue;
		free(r->v[i].record);
		r->v[i].record = om_xstrdup(line);
	}
	return (0);
}

/* cmp_held - oldest first */
static int
cmp_held(const void *a, const void *b)
{
	const held *x = a, *y = b;

	return (x->arrival < y->arrival ? -1 : x->arrival > y->arrival);
}

/* parse_postqueue - the hold queue in "postqueue -j" output */
static void
parse_postqueue(char *text, review *r)
{
	char   *line, *save = NULL;

	for (line = strtok_r(text, "\n", &save); line && r->n < REV_HELD_MAX; line = strtok_r(NULL, "\n", &save)) {
		JsonParser *jp = json_parser_new();
		JsonNode *root;
		JsonObject *o;
		JsonArray *rc;
		const char *q;
		held   *h;

		if (!json_parser_load_from_data(jp, line, -1, NULL) || (root = json_parser_get_root(jp)) == NULL
		    || !JSON_NODE_HOLDS_OBJECT(root)) {
			g_object_unref(jp);
			continue;
		}
		o = json_node_get_object(root);
		q = om_cmd_str(o, "queue_name");
		if (q == NULL || strcmp(q, "hold") != 0 || om_cmd_str(o, "queue_id") == NULL) {
			g_object_unref(jp);
			continue;
		}
		h = held_add(r);
		h->qid = om_xstrdup(om_cmd_str(o, "queue_id"));
		h->sender = om_xstrdup(om_cmd_str(o, "sender"));
		h->arrival = json_object_has_member(o, "arrival_time") ? json_object_get_int_member(o, "arrival_time") : 0;
		h->size = json_object_has_member(o, "message_size") ? json_object_get_int_member(o, "message_size") : 0;
		rc = json_object_has_member(o, "recipients") ? json_object_get_array_member(o, "recipients") : NULL;
		h->nrcpt = rc ? json_array_get_length(rc) : 0;
		h->rcpt = om_xstrdup(h->nrcpt ? om_cmd_str(json_array_get_object_element(rc, 0), "address") : "");
		g_object_unref(jp);
	}
}

static char *queue_file(const held *, const char *);

/* held_refs - each held message's X-Omamori-Ref, read from the queue (bounded) */
static void
held_refs(const om_conf *conf, review *r, int sm)
{
	char   *postcat = sm ? NULL : postcat_cmd(conf);

	for (size_t i = 0; i < r->n; i++) {
		held   *h = r->v + i;
		om_buf  out;

		om_buf_init(&out, 1024 * 1024);
		if (sm) {
			char   *hf = queue_file(h, "hf");
			FILE   *fp = hf ? fopen(hf, "r") : NULL;
			char    chunk[8192];
			size_t  n;

			while (fp && (n = fread(chunk, 1, sizeof(chunk), fp)) > 0 && om_buf_append(&out, chunk, n) == 0)
				;
			if (fp)
				fclose(fp);
			free(hf);
		} else {
			char   *argv[REV_ARGS];

			postfix_argv(conf, postcat, argv, "-h", "-q", h->qid);
			if (run_cmd(argv, &out) != 0)
				out.len = 0;
		}
		om_buf_putc(&out, 0);
		h->ref = out.len > 1 ? ref_in(out.data) : NULL;
		om_buf_free(&out);
	}
	free(postcat);
}

/* load_held - the held messages joined with the audit log */
static int
load_held(const om_conf *conf, review *r)
{
	char   *argv[REV_ARGS];
	om_buf  out;
	char  **files;
	size_t  nf;
	int     st, sm = mta_sendmail(conf);

	memset(r, 0, sizeof(*r));
	if (sm)
		sendmail_argv(conf, argv, "-bp", "-qQ", "-v", NULL);
	else
		postfix_argv(conf, conf->conf_review_postqueue, argv, "-j", NULL, NULL);
	om_buf_init(&out, 0);
	if ((st = run_cmd(argv, &out)) != 0) {
		fprintf(stderr, "omamori: %s %s exited %d\n", argv[0], sm ? "-bp -qQ" : "-j", st);
		om_buf_free(&out);
		return (-1);
	}
	if (sm)
		parse_mailq(out.data ? out.data : (char *) "", r);
	else
		parse_postqueue(out.data ? out.data : (char *) "", r);
	om_buf_free(&out);
	held_refs(conf, r, sm);
	files = om_cmd_log_files(conf, &nf);
	if (nf)
		(void) om_cmd_log_each(files, nf, held_by_record, r);
	om_cmd_free_files(files, nf);
	if (r->n)
		qsort(r->v, r->n, sizeof(held), cmp_held);
	return (0);
}

/* free_held - release the list */
static void
free_held(review *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].qid);
		free(r->v[i].sender);
		free(r->v[i].rcpt);
		free(r->v[i].record);
		free(r->v[i].ref);
		free(r->v[i].qdir);
	}
	free(r->v);
}

/* with_record - parse a held message's decision, call fn */
static JsonParser *
record_parse(const held *h, JsonObject **o)
{
	JsonParser *jp;
	JsonNode *root;

	*o = NULL;
	if (h->record == NULL)
		return (NULL);
	jp = json_parser_new();
	if (json_parser_load_from_data(jp, h->record, -1, NULL) && (root = json_parser_get_root(jp)) != NULL
	    && JSON_NODE_HOLDS_OBJECT(root))
		*o = json_node_get_object(root);
	return (jp);
}

/* why_words - categories of a decision in plain words */
static void
why_words(JsonObject *o, om_buf *b, int english)
{
	JsonArray *f = o && json_object_has_member(o, "findings") ? json_object_get_array_member(o, "findings") : NULL;
	unsigned n = f ? json_array_get_length(f) : 0;

	for (unsigned i = 0; i < n && i < 100; i++) {
		const char *cat = om_cmd_str(json_array_get_object_element(f, i), "category");
		const om_category *c = om_category_get(cat ? cat : "");

		if (i)
			om_buf_puts(b, ", ");
		om_buf_puts(b, c ? (english ? c->en : c->ja) : cat ? cat : "?");
	}
	if (o == NULL)
		om_buf_puts(b, english ? "(no audit record)" : "（監査記録なし）");
	else if (n == 0)
		om_buf_puts(b, english ? "(no findings: held by the MTA)" : "（検出なし：MTA による保留）");
}

/* has_finding - does the decision name this rule or category */
static int
has_finding(JsonObject *o, const char *field, const char *want)
{
	JsonArray *f = o && json_object_has_member(o, "findings") ? json_object_get_array_member(o, "findings") : NULL;
	unsigned n = f ? json_array_get_length(f) : 0;

	for (unsigned i = 0; i < n && i < 10000; i++) {
		const char *v = om_cmd_str(json_array_get_object_element(f, i), field);

		if (v && strcmp(v, want) == 0)
			return (1);
	}
	return (0);
}

/* fmt_age - "3d 4h", "25m" */
static void
fmt_age(long long s, char *out, size_t len)
{
	if (s < 0)
		s = 0;
	if (s >= 86400)
		snprintf(out, len, "%lldd %lldh", s / 86400, s % 86400 / 3600);
	else if (s >= 3600)
		snprintf(out, len, "%lldh %lldm", s / 3600, s % 3600 / 60);
	else
		snprintf(out, len, "%lldm", s / 60);
}

static void pend_mark(const om_conf *, review *);

/* rev_list - omamori review list */
static int
rev_list(const om_conf *conf, int json)
{
	unsigned long old_age = 86400;
	time_t  now = time(NULL);
	review  r;

	if (om_audit_parse_duration(conf->conf_review_old_age, &old_age) < 0) {
		fprintf(stderr, "omamori: review_old_age: \"%s\" is not a duration (1d, 12h)\n", conf->conf_review_old_age);
		return (2);
	}
	if (load_held(conf, &r) < 0)
		return (2);
	pend_mark(conf, &r);
	if (json)
		printf("[");
	else
		printf("   %-12s %-9s %-16s %-30s %-30s %9s  %s\n", "queue id", "age", "arrived", "from", "to", "size",
		       "理由 / why");
	for (size_t i = 0; i < r.n; i++) {
		held   *h = r.v + i;
		JsonObject *o;
		JsonParser *jp = record_parse(h, &o);
		char    age[32], when[32];
		time_t  at = (time_t) h->arrival;
		struct tm tm;
		om_buf  ja, en;

		fmt_age((long long) (now - at), age, sizeof(age));
		localtime_r(&at, &tm);
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
		om_buf_init(&ja, 0);
		om_buf_init(&en, 0);
		why_words(o, &ja, 0);
		why_words(o, &en, 1);
		if (h->pending) {
			om_buf_puts(&ja, h->pending == OM_PENDING_APPROVE + 1 ? "（承認待ち）" : "（送信遅延）");
			om_buf_puts(&en, h->pending == OM_PENDING_APPROVE + 1 ? " (waiting for approval)" : " (send delay)");
		}
		if (json) {
			om_buf  j;

			om_buf_init(&j, 0);
			om_buf_puts(&j, i ? ",\n{\"queue_id\":" : "\n{\"queue_id\":");
			om_json_str(&j, h->qid);
			om_buf_printf(&j, ",\"arrival_time\":%lld,\"age_seconds\":%lld,\"overdue\":%s,\"size\":%lld,\"sender\":",
				      h->arrival, (long long) (now - at), (unsigned long) (now - at) > old_age ? "true" : "false", h->size);
			om_json_str(&j, h->sender);
			om_buf_puts(&j, ",\"recipient\":");
			om_json_str(&j, h->rcpt);
			om_buf_printf(&j, ",\"recipients\":%u,\"record\":", h->nrcpt);
			om_json_str(&j, o ? om_cmd_str(o, "id") : NULL);
			om_buf_puts(&j, ",\"why_ja\":");
			om_json_str(&j, ja.data);
			om_buf_puts(&j, ",\"why_en\":");
			om_json_str(&j, en.data);
			om_buf_puts(&j, "}");
			fputs(j.data, stdout);
			om_buf_free(&j);
		} else {
			printf("%s  %-12s %-9s %-16s %-30s %-30s%s %9lld  %s / %s\n",
			       (unsigned long) (now - at) > old_age ? "!" : " ", h->qid, age, when, h->sender,
			       h->rcpt, h->nrcpt > 1 ? "+" : " ", h->size, ja.data, en.data);
		}
		om_buf_free(&ja);
		om_buf_free(&en);
		if (jp)
			g_object_unref(jp);
	}
	if (json)
		printf("%s]\n", r.n ? "\n" : "");
	else
		printf("%zu held message(s); \"!\" = held longer than %s\n", r.n, conf->conf_review_old_age);
	free_held(&r);
	return (0);
}

/* open_audit - the audit log, or exit 2: no unrecorded actions */
static om_audit *
open_audit(const om_conf *conf)
{
	om_audit *a = om_audit_open(conf);

	if (a == NULL) {
		fprintf(stderr, "omamori: audit log: %s (nothing was done)\n", om_audit_error());
		exit(2);
	}
	return (a);
}

/* queue_file - Sendmail's hf or df file of h: in the queue directory
 *	or in its qf/ or df/ subdirectory; NULL when there is none */
static char *
queue_file(const held *h, const char *type)
{
	const char *sub = strcmp(type, "df") == 0 ? "df" : "qf";
	char   *path;

	if (h->qdir == NULL)
		return (NULL);
	if (asprintf(&path, "%s/%s/%s%s", h->qdir, sub, type, h->qid) < 0)
		om_fatal("out of memory");
	if (access(path, F_OK) == 0)
		return (path);
	free(path);
	if (asprintf(&path, "%s/%s%s", h->qdir, type, h->qid) < 0)
		om_fatal("out of memory");
	if (access(path, F_OK) == 0)
		return (path);
	free(path);
	return (NULL);
}

/* print_sendmail_message - the headers of the hf file ("H?flags?Name:
 *	value" lines and their continuations; not Return-Path, which holds
 *	Sendmail macros), an empty line, then the df file: the message */
static int
print_sendmail_message(const held *h)
{
	char   *hf = queue_file(h, "hf"), *df = queue_file(h, "df");
	char   *line = NULL;
	size_t  cap = 0;
	ssize_t len;
	FILE   *fp;
	int     in_header = 0, rc = 0;

	if (hf == NULL || (fp = fopen(hf, "r")) == NULL) {
		fprintf(stderr, "omamori: %s: no quarantined queue file to read\n", h->qid);
		free(hf);
		free(df);
		return (-1);
	}
	while ((len = getline(&line, &cap, fp)) > 0) {
		char   *p = line + 1, *q;

		if (line[0] == 'H') {
			if (*p == '?' && (q = strchr(p + 1, '?')) != NULL)
				p = q + 1;
			in_header = strncasecmp(p, "Return-Path:", 12) != 0;
			if (in_header)
				fputs(p, stdout);
		} else if ((line[0] == ' ' || line[0] == '\t') && in_header)
			fputs(line, stdout);
		else
			in_header = 0;
	}
	fclose(fp);
	free(line);
	putchar('\n');
	fflush(stdout);
	if (df == NULL || (fp = fopen(df, "r")) == NULL) {
		fprintf(stderr, "omamori: %s: no data file to read\n", h->qid);
		rc = -1;
	} else {
		char    chunk[8192];
		size_t  n;

		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			fwrite(chunk, 1, n, stdout);
		fclose(fp);
	}
	free(hf);
	free(df);
	return (rc);
}

/* sendmail_discard - remove a quarantined message: its hf file, under
 *	the lock Sendmail takes on it, then its df file */
static int
sendmail_discard(const held *h)
{
	char   *hf = queue_file(h, "hf"), *df = queue_file(h, "df");
	int     fd, rc = -1;

	if (hf == NULL || (fd = open(hf, O_RDWR | O_CLOEXEC)) < 0)
		fprintf(stderr, "omamori: %s: no quarantined queue file\n", h->qid);
	else {
		if (flock(fd, LOCK_EX | LOCK_NB) < 0)
			fprintf(stderr, "omamori: %s: Sendmail is working on it; try again\n", h->qid);
		else if (unlink(hf) < 0)
			fprintf(stderr, "omamori: %s: %s\n", hf, strerror(errno));
		else {
			if (df && unlink(df) < 0)
				fprintf(stderr, "omamori: %s: %s (left behind)\n", df, strerror(errno));
			rc = 0;
		}
		close(fd);
	}
	free(hf);
	free(df);
	return (rc);
}

/* act_one - release or discard one held message; 0 when done */
static int
act_one(const om_conf *conf, const held *h, int discard)
{
	char   *argv[REV_ARGS], idarg[128];
	int     st;

	if (!mta_sendmail(conf)) {
		if (discard)
			postfix_argv(conf, conf->conf_review_postsuper, argv, "-d", h->qid, "hold");
		else
			postfix_argv(conf, conf->conf_review_postsuper, argv, "-H", h->qid, NULL);
		if ((st = run_cmd(argv, NULL)) != 0) {
			fprintf(stderr, "omamori: %s exited %d for %s\n", argv[0], st, h->qid);
			return (-1);
		}
		/* Released mail goes to the deferred queue: deliver it now. */
		if (!discard) {
			postfix_argv(conf, conf->conf_review_postqueue, argv, "-i", h->qid, NULL);
			if ((st = run_cmd(argv, NULL)) != 0)
				fprintf(stderr, "omamori: %s -i %s exited %d; the next queue run delivers it\n",
					argv[0], h->qid, st);
		}
		return (0);
	}
	if (discard)
		return (sendmail_discard(h));
	/* -Q without a reason with -qQ: take the item out of quarantine. */
	snprintf(idarg, sizeof(idarg), "-qI%s", h->qid);
	sendmail_argv(conf, argv, "-qQ", idarg, "-Q", NULL);
	if ((st = run_cmd(argv, NULL)) != 0) {
		fprintf(stderr, "omamori: %s -qQ %s -Q exited %d\n", argv[0], idarg, st);
		return (-1);
	}
	/* Deliver it now; if this fails, the next queue run will. */
	sendmail_argv(conf, argv, idarg, NULL, NULL, NULL);
	if ((st = run_cmd(argv, NULL)) != 0)
		fprintf(stderr, "omamori: %s %s exited %d; the next queue run delivers it\n", argv[0], idarg, st);
	return (0);
}

/* rev_show - omamori review show [--reveal] QID */
static int
rev_show(const om_conf *conf, const char *qid, int reveal)
{
	review  r;
	held   *h = NULL;
	JsonObject *o = NULL;
	JsonParser *jp = NULL;
	int     rc = 0;

	if (load_held(conf, &r) < 0)
		return (2);
	for (size_t i = 0; i < r.n; i++)
		if (strcmp(r.v[i].qid, qid) == 0)
			h = r.v + i;
	if (h == NULL) {
		fprintf(stderr, "omamori: %s is not in the hold queue\n", qid);
		free_held(&r);
		return (1);
	}
	printf("%-12s %s\n%-12s %s\n%-12s %s%s\n%-12s %lld bytes\n", "queue id", h->qid, "from", h->sender, "to", h->rcpt,
	       h->nrcpt > 1 ? " (and more)" : "", "size", h->size);
	jp = record_parse(h, &o);
	if (o) {
		JsonArray *f = json_object_has_member(o, "findings") ? json_object_get_array_member(o, "findings") : NULL;
		JsonArray *at = json_object_has_member(o, "attachments") ? json_object_get_array_member(o, "attachments") : NULL;

		printf("%-12s %s\n%-12s %s\n%-12s %s\n", "record", om_cmd_str(o, "id") ? om_cmd_str(o, "id") : "-",
		       "decided", om_cmd_str(o, "time") ? om_cmd_str(o, "time") : "-",
		       "action", om_cmd_str(o, "action") ? om_cmd_str(o, "action") : "-");
		for (unsigned i = 0; f && i < json_array_get_length(f) && i < 1000; i++) {
			JsonObject *x = json_array_get_object_element(f, i);
			const om_category *c = om_category_get(om_cmd_str(x, "category") ? om_cmd_str(x, "category") : "");

			printf("%-12s %s / %s (%s, %s, %ld item(s)%s%s)\n", i ? "" : "why",
			       c ? c->ja : om_cmd_str(x, "category"), c ? c->en : "",
			       om_cmd_str(x, "rule") ? om_cmd_str(x, "rule") : "?",
			       om_cmd_str(x, "where") ? om_cmd_str(x, "where") : "?",
			       (long) json_object_get_int_member(x, "count"),
			       om_cmd_str(x, "sample") ? ", e.g. " : "", om_cmd_str(x, "sample") ? om_cmd_str(x, "sample") : "");
		}
		for (unsigned i = 0; at && i < json_array_get_length(at) && i < 1000; i++) {
			JsonObject *x = json_array_get_object_element(at, i);

			printf("%-12s %s (%s, %ld bytes, encrypted: %s)\n", i ? "" : "attachments",
			       om_cmd_str(x, "name") ? om_cmd_str(x, "name") : "(no name)",
			       om_cmd_str(x, "type") ? om_cmd_str(x, "type") : "?",
			       (long) json_object_get_int_member(x, "size"),
			       om_cmd_str(x, "encrypted") ? om_cmd_str(x, "encrypted") : "?");
		}
	} else
		printf("%-12s（監査記録なし / no audit record for this queue id）\n", "record");
	if (reveal) {
		om_audit *a = open_audit(conf);
		char   *argv[REV_ARGS], *postcat;

		if (om_audit_event(a, "reveal", "queue_id", h->qid, "record", o ? om_cmd_str(o, "id") : NULL,
				   "by", om_cmd_user(), NULL) < 0) {
			fprintf(stderr, "omamori: audit log: %s (not revealed)\n", om_audit_error());
			om_audit_close(a);
			rc = 2;
			goto out;
		}
		om_audit_close(a);
		if (mta_sendmail(conf)) {
			printf("---- message (this reading is recorded in the audit log) ----\n");
			fflush(stdout);
			if (print_sendmail_message(h) < 0)
				rc = 1;
			goto out;
		}
		postcat = postcat_cmd(conf);
		postfix_argv(conf, postcat, argv, "-bh", "-q", h->qid);
		printf("---- message (this reading is recorded in the audit log) ----\n");
		fflush(stdout);
		if (run_cmd(argv, NULL) != 0)
			rc = 1;
		free(postcat);
	} else
		printf("(personal data masked; --reveal shows the message and records that you read it)\n");
out:
	if (jp)
		g_object_unref(jp);
	free_held(&r);
	return (rc);
}

/* ask_reason - the reason from the terminal */
static char *
ask_reason(const char *verb)
{
	char    buf[512];

	if (!isatty(0)) {
		fprintf(stderr, "omamori: give the reason to %s with --reason\n", verb);
		return (NULL);
	}
	fprintf(stderr, "理由 / reason to %s: ", verb);
	if (fgets(buf, sizeof(buf), stdin) == NULL)
		return (NULL);
	buf[strcspn(buf, "\r\n")] = 0;
	return (*buf ? om_xstrdup(buf) : NULL);
}

/* A list of pending records read from the store. */
typedef struct pend_list {
	om_pending *v;
	size_t	n;
	const char *host;		/* only this gateway's */
} pend_list;

#define REV_PENDING_MAX	10000		/* pending records settled per run */

/* pend_keep - om_state_due() callback: keep this gateway's records */
static int
pend_keep(const char *key, const void *value, size_t len, time_t due, void *ctx)
{
	pend_list *l = ctx;
	om_pending p;

	(void) due;
	if (om_pending_decode(value, len, &p) < 0) {
		fprintf(stderr, "omamori: pending record %s cannot be read; left alone\n", key);
		return (0);
	}
	if (strcmp(p.host, l->host) != 0 || strcmp(p.key, key) != 0)
		return (0);
	l->v = realloc(l->v, (l->n + 1) * sizeof(*l->v));
	if (l->v == NULL)
		om_fatal("out of memory");
	l->v[l->n++] = p;
	return (0);
}

/* pend_open - the state store, or NULL (said why; *none when none is configured) */
static om_state *
pend_open(const om_conf *conf, int *none)
{
	char    err[400];
	om_state *st;

	*none = conf->conf_state == NULL || *conf->conf_state == 0;
	/* No database yet: nothing pending, and none is made here. */
	if (!*none && strncmp(conf->conf_state, "sqlite:", 7) == 0 && access(conf->conf_state + 7, F_OK) != 0)
		*none = 1;
	if (*none)
		return (NULL);
	if ((st = om_state_open(conf->conf_state, 0, (unsigned) conf->conf_state_timeout, err, sizeof(err))) == NULL)
		fprintf(stderr, "omamori: state %s: %s\n", conf->conf_state, err);
	return (st);
}

/* pend_load - this gateway's records due at or before the time */
static int
pend_load(const om_conf *conf, om_state *st, time_t before, pend_list *l, char *host, size_t hostsize)
{
	memset(l, 0, sizeof(*l));
	l->host = om_pending_host(conf, host, hostsize);
	if (om_state_due(st, OM_PENDING_NS, before, REV_PENDING_MAX, pend_keep, l) < 0) {
		fprintf(stderr, "omamori: state: %s\n", om_state_error());
		return (-1);
	}
	return (0);
}

/* pend_mark - mark held messages that have a pending record (send delay, approval) */
static void
pend_mark(const om_conf *conf, review *r)
{
	char    host[OM_PENDING_HOST_MAX + 1];
	pend_list l;
	int     none;
	om_state *st = pend_open(conf, &none);

	if (st == NULL)
		return;
	if (pend_load(conf, st, (time_t) LONG_MAX, &l, host, sizeof(host)) == 0)
		for (size_t i = 0; i < l.n; i++)
			for (size_t k = 0; k < r->n; k++)
				if (strcmp(r->v[k].qid, l.v[i].qid) == 0 && r->v[k].ref
				    && strcmp(r->v[k].ref, l.v[i].ref) == 0)
					r->v[k].pending = 1 + (int) l.v[i].kind;
	free(l.v);
	om_state_close(st);
}

/* register_domains - the new domains of released mail, space separated */
static void
register_domains(om_state *st, const char *domains)
{
	char   *copy = om_xstrdup(domains), *save = NULL;

	for (char *d = strtok_r(copy, " ", &save); d; d = strtok_r(NULL, " ", &save))
		if (om_state_domain_registrable(d) && om_state_domain_add(st, d, OM_DOMAIN_LEARNED, time(NULL)) < 0)
			fprintf(stderr, "omamori: domain %s not registered: %s\n", d, om_state_error());
	free(copy);
}

/* record_domains - "a b" of the recipient.new_domain samples of a decision */
static void
record_domains(JsonObject *o, om_buf *out)
{
	JsonArray *f = o && json_object_has_member(o, "findings") ? json_object_get_array_member(o, "findings") : NULL;
	unsigned n = f ? json_array_get_length(f) : 0;

	for (unsigned i = 0; i < n && i < 1000; i++) {
		JsonObject *x = json_array_get_object_element(f, i);
		const char *cat = om_cmd_str(x, "category"), *d = om_cmd_str(x, "sample");

		if (cat && d && strcmp(cat, "recipient.new_domain") == 0 && !strchr(d, ' ')) {
			if (out->len)
				om_buf_putc(out, ' ');
			om_buf_puts(out, d);
		}
	}
}

/*
 * settle_pending - a held message was released or discarded by hand:
 * its pending record (same queue id and X-Omamori-Ref, this gateway)
 * goes, and released mail registers its new domains (those of the
 * record, else those of the decision).
 */
static void
settle_pending(const om_conf *conf, const held *h, JsonObject *o, int discard)
{
	char    host[OM_PENDING_HOST_MAX + 1];
	pend_list l;
	om_buf  doms;
	int     none, found = 0;
	om_state *st = pend_open(conf, &none);

	if (st == NULL)
		return;
	om_buf_init(&doms, 64 * 1024);
	if (pend_load(conf, st, (time_t) LONG_MAX, &l, host, sizeof(host)) == 0) {
		for (size_t i = 0; i < l.n; i++) {
			if (strcmp(l.v[i].qid, h->qid) != 0 || (h->ref && strcmp(l.v[i].ref, h->ref) != 0))
				continue;
			if (!found++)
				om_buf_puts(&doms, l.v[i].domains);
			if (om_state_del(st, OM_PENDING_NS, l.v[i].key) < 0)
				fprintf(stderr, "omamori: pending record of %s not deleted: %s\n", h->qid, om_state_error());
		}
	}
	if (!found)
		record_domains(o, &doms);
	if (!discard && doms.len)
		register_domains(st, doms.data);
	om_buf_free(&doms);
	free(l.v);
	om_state_close(st);
}

/*
 * due_one - settle one pending record: 1 acted (or would), 0 nothing
 * to do but forget it, -1 failed (the record stays), -2 stop (the audit
 * log cannot record).
 */
static int
due_one(const om_conf *conf, om_state *st, om_audit *a, const review *r, om_pending *p, int dry_run)
{
	int     approval, discard, fresh;
	const char *verb, *why;
	const held *h = NULL;
	JsonObject *o;
	JsonParser *jp;
	char    key[sizeof(p->key)];

	/* Read again: an answer may have come since the listing. */
	snprintf(key, sizeof(key), "%s", p->key);
	if ((fresh = om_pending_get(st, key, p)) <= 0)
		return (fresh < 0 ? -1 : 0);
	approval = p->kind == OM_PENDING_APPROVE;
	discard = p->state == OM_PENDING_CANCEL
		|| (approval && p->state == OM_PENDING_WAITING
		    && strcmp(conf->conf_approve_timeout_action, "discard") == 0);
	if (approval) {
		verb = p->state == OM_PENDING_RELEASE ? "approve" : p->state == OM_PENDING_CANCEL ? "reject"
			: discard ? "discard" : "release";
		why = p->state == OM_PENDING_RELEASE ? "approved" : p->state == OM_PENDING_CANCEL ? "rejected"
			: "no answer within approve_timeout";
	} else {
		verb = discard ? "discard" : "release";
		why = p->state == OM_PENDING_CANCEL ? "cancelled by the sender"
			: p->state == OM_PENDING_RELEASE ? "sent now by the sender" : "send delay over";
	}
	for (size_t k = 0; k < r->n && h == NULL; k++)
		if (strcmp(r->v[k].qid, p->qid) == 0)
			h = r->v + k;
	/* Joined by the token: a queue id alone may be another message's now. */
	if (h == NULL || h->ref == NULL || strcmp(h->ref, p->ref) != 0) {
		if (dry_run) {
			printf("would forget %s (%s is no longer held)\n", p->key, p->qid);
			return (0);
		}
		if (om_audit_event(a, "pending_gone", "queue_id", p->qid, "ref", p->ref, "pending", p->key,
				   "reason", h ? "another message holds that queue id" : "not in the hold queue",
				   "by", "omamori review due", NULL) < 0) {
			fprintf(stderr, "omamori: audit log: %s (nothing done)\n", om_audit_error());
			return (-2);
		}
		(void) om_state_del(st, OM_PENDING_NS, p->key);
		printf("forgot %s: %s is no longer held\n", p->key, p->qid);
		return (0);
	}
	if (dry_run) {
		printf("would %s %s from %s (%s)\n", verb, p->qid, p->sender, why);
		return (1);
	}
	jp = record_parse(h, &o);
	if (om_audit_event(a, verb, "queue_id", h->qid, "record", o ? om_cmd_str(o, "id") : NULL,
			   "ref", p->ref, "pending", p->key, "kind", om_pending_kind_name(p->kind),
			   "by", *p->by ? p->by : "omamori review due", "reason", why,
			   "approver_reason", approval && *p->reason ? p->reason : NULL,
			   "selected_by", "due", "selector", p->key, NULL) < 0) {
		fprintf(stderr, "omamori: audit log: %s (%s: nothing done)\n", om_audit_error(), h->qid);
		if (jp)
			g_object_unref(jp);
		return (-2);
	}
	if (jp)
		g_object_unref(jp);
	if (act_one(conf, h, discard) < 0) {
		/* The record stays: the next run tries again. */
		(void) om_audit_event(a, "review_error", "queue_id", h->qid, "action", verb,
				      "by", "omamori review due", NULL);
		return (-1);
	}
	if (!discard && *p->domains)
		register_domains(st, p->domains);
	if (om_state_del(st, OM_PENDING_NS, p->key) < 0)
		fprintf(stderr, "omamori: pending record %s not deleted: %s\n", p->key, om_state_error());
	printf("%s %s (%s)\n", discard ? "discarded" : "released", h->qid, why);
	return (1);
}

/*
 * rev_due - omamori review due: every pending record of this gateway
 * that is due (its time is up, or the sender or an approver answered)
 * is settled by due_one(): the held message with that queue id and
 * X-Omamori-Ref is released (and its new domains registered) or
 * discarded, each recorded in the audit log first, and the record
 * goes. A record whose message is no longer held just goes.
 */
static int
rev_due(const om_conf *conf, int dry_run)
{
	char    host[OM_PENDING_HOST_MAX + 1];
	time_t  now = time(NULL);
	om_audit *a = NULL;
	pend_list l;
	review  r;
	int     none, failed = 0, done = 0;
	om_state *st = pend_open(conf, &none);

	if (st == NULL) {
		if (none)
			printf("no state store (state is empty, or no database yet): nothing is pending\n");
		return (none ? 0 : 2);
	}
	if (pend_load(conf, st, now, &l, host, sizeof(host)) < 0) {
		om_state_close(st);
		return (2);
	}
	if (l.n == 0) {
		printf("nothing due on %s\n", host);
		free(l.v);
		om_state_close(st);
		return (0);
	}
	if (load_held(conf, &r) < 0) {
		free(l.v);
		om_state_close(st);
		return (2);
	}
	if (!dry_run)
		a = open_audit(conf);
	for (size_t i = 0; i < l.n; i++) {
		int     rc = due_one(conf, st, a, &r, l.v + i, dry_run);

		if (rc == 1)
			done++;
		else if (rc < 0)
			failed++;
		if (rc == -2)
			break;
	}
	if (dry_run)
		printf("%d message(s) would be settled (dry run: nothing done)\n", done);
	om_audit_close(a);
	free_held(&r);
	free(l.v);
	om_state_close(st);
	return (failed ? 1 : 0);
}

/* rev_act - release or discard (verb: "release", "discard", "approve", "reject") */
static int
rev_act(const om_conf *conf, const char *verb, char **ids, int nids, const char *rule,
	const char *category, const char *reason_opt, int dry_run)
{
	int     discard = strcmp(verb, "discard") == 0 || strcmp(verb, "reject") == 0;
	char   *reason = NULL;
	om_audit *a = NULL;
	review  r;
	int     acted = 0, failed = 0;

	if ((nids > 0) + (rule != NULL) + (category != NULL) != 1)
		rev_usage(0);
	if (load_held(conf, &r) < 0)
		return (2);
	if (!dry_run) {
		reason = reason_opt ? om_xstrdup(reason_opt) : ask_reason(verb);
		if (reason == NULL) {
			free_held(&r);
			fprintf(stderr, "omamori: no reason given; nothing was done\n");
			return (2);
		}
		a = open_audit(conf);
	}
	for (int k = 0; k < nids; k++) {
		size_t  i;

		for (i = 0; i < r.n && strcmp(r.v[i].qid, ids[k]) != 0; i++)
			continue;
		if (i == r.n) {
			fprintf(stderr, "omamori: %s is not in the hold queue\n", ids[k]);
			failed++;
		}
	}
	for (size_t i = 0; i < r.n; i++) {
		held   *h = r.v + i;
		JsonObject *o;
		JsonParser *jp = record_parse(h, &o);
		int     want = 0;

		for (int k = 0; k < nids; k++)
			want |= strcmp(ids[k], h->qid) == 0;
		if (rule)
			want = has_finding(o, "rule", rule);
		if (category)
			want = has_finding(o, "category", category);
		if (!want) {
			if (jp)
				g_object_unref(jp);
			continue;
		}
		if (dry_run) {
			om_buf  ja;

			om_buf_init(&ja, 0);
			why_words(o, &ja, 1);
			printf("would %s %s from %s to %s (%s)\n", verb, h->qid, h->sender, h->rcpt, ja.data);
			om_buf_free(&ja);
			acted++;
			if (jp)
				g_object_unref(jp);
			continue;
		}
		/* Record first: an action the log cannot hold is not taken. */
		if (om_audit_event(a, verb, "queue_id", h->qid, "record", o ? om_cmd_str(o, "id") : NULL,
				   "by", om_cmd_user(), "reason", reason,
				   "selected_by", rule ? "rule" : category ? "category" : "queue_id",
				   "selector", rule ? rule : category ? category : h->qid, NULL) < 0) {
			fprintf(stderr, "omamori: audit log: %s (%s: nothing done)\n", om_audit_error(), h->qid);
			if (jp)
				g_object_unref(jp);
			failed++;
			break;
		}
		if (act_one(conf, h, discard) < 0) {
			(void) om_audit_event(a, "review_error", "queue_id", h->qid, "action", verb, "by", om_cmd_user(), NULL);
			failed++;
		} else {
			printf("%s %s\n", discard ? "discarded" : "released", h->qid);
			settle_pending(conf, h, o, discard);
			acted++;
		}
		if (jp)
			g_object_unref(jp);
	}
	if (dry_run)
		printf("%d message(s) would be %s (dry run: nothing done)\n", acted, discard ? "discarded" : "released");
	om_audit_close(a);
	free(reason);
	free_held(&r);
	return (failed ? 1 : acted ? 0 : 1);
}

/* om_cmd_review - omamori review ... */
int
om_cmd_review(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"json", no_argument, NULL, 'j'},
		{"reveal", no_argument, NULL, 'R'},
		{"reason", required_argument, NULL, 'r'},
		{"dry-run", no_argument, NULL, 'n'},
		{"rule", required_argument, NULL, 'u'},
		{"category", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *config = NULL, *reason = NULL, *rule = NULL, *category = NULL, *sub;
	int     c, json = 0, reveal = 0, dry = 0, rc;
	om_conf *conf;

	if (argc < 2)
		rev_usage(0);
	sub = argv[1];
	if (om_cli_is_help(sub))
		rev_usage(1);
	argc--, argv++;
	while ((c = getopt_long(argc, argv, "c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'j':
			json = 1;
			break;
		case 'R':
			reveal = 1;
			break;
		case 'r':
			reason = optarg;
			break;
		case 'n':
			dry = 1;
			break;
		case 'u':
			rule = optarg;
			break;
		case 'C':
			category = optarg;
			break;
		case 'h':
			rev_usage(1);
		default:
			rev_usage(0);
		}
	}
	if (strcmp(sub, "list") != 0 && strcmp(sub, "show") != 0 && strcmp(sub, "release") != 0
	    && strcmp(sub, "discard") != 0 && strcmp(sub, "due") != 0 && strcmp(sub, "approve") != 0
	    && strcmp(sub, "reject") != 0)
		rev_usage(0);
	conf = om_cli_load_conf(config);
	if (!trusted_conf(conf)) {
		om_conf_unref(conf);
		return (2);
	}
	if (strcmp(sub, "list") == 0 && optind == argc)
		rc = rev_list(conf, json);
	else if (strcmp(sub, "show") == 0 && optind == argc - 1)
		rc = rev_show(conf, argv[optind], reveal);
	else if (strcmp(sub, "due") == 0 && optind == argc)
		rc = rev_due(conf, dry);
	else if (strcmp(sub, "release") == 0 || strcmp(sub, "discard") == 0 || strcmp(sub, "approve") == 0
		 || strcmp(sub, "reject") == 0)
		rc = rev_act(conf, sub, argv + optind, argc - optind, rule, category, reason, dry);
	else {
		om_conf_unref(conf);
		rev_usage(0);
	}
	om_conf_unref(conf);
	return (rc);
}
