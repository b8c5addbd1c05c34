/*++
 * NAME
 *	om_notice 3
 * SUMMARY
 *	compose and send sender notices
 * DESCRIPTION
 *	Template syntax: the file is a message; its header lines up to the
 *	first empty line are copied (a non-ASCII Subject: is encoded as
 *	RFC 2047 UTF-8), and these words are replaced everywhere:
 *
 *	  {SENDER}       the sender's address
 *	  {REF}          the log reference (X-Omamori-Ref)
 *	  {FINDINGS_JA}  one line per category: words, count, sample, rule
 *	  {FINDINGS_EN}  the same in English
 *	  {FIX_JA}       what to do, one line per category
 *	  {FIX_EN}       the same in English
 *	  {REVIEWER}     the sender's manager, else notice_from
 *
 *	A missing or unreadable template makes om_notice_send() use a
 *	short built-in one, so a notice is never lost to a typo.
 *--*/
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "om_category.h"
#include "om_log.h"
#include "om_map.h"
#include "om_notice.h"

extern char **environ;

#define TEMPLATE_MAX	(64 * 1024)
#define ARGV_MAX	32

static const char builtin_template[] =
"Subject: [omamori] メールを送信できませんでした / Your message was stopped\n"
"\n"
"{SENDER} さま\n\nお送りのメールは社内規程により止められました。\n\n"
"見つかったもの:\n{FINDINGS_JA}\n対処:\n{FIX_JA}\n確認者: {REVIEWER}\n参照番号: {REF}\n\n"
"----\n\nYour message was stopped by the firm's mail policy.\n\n"
"Found:\n{FINDINGS_EN}\nWhat to do:\n{FIX_EN}\nReviewed by: {REVIEWER}\nReference: {REF}\n";

/* om_notice_wanted - should this verdict produce a notice? */
int
om_notice_wanted(const om_conf *conf, const om_result *res)
{
	if (conf->conf_notice_command == NULL || *conf->conf_notice_command == 0)
		return (0);
	if (res->action != OM_ACT_REJECT && res->action != OM_ACT_HOLD)
		return (0);
	if (res->sender == NULL || *res->sender == 0)
		return (0);
	return (om_conf_addr_internal(conf, res->sender));
}

/* put_findings - one line per distinct category */
static void
put_findings(const om_result *res, om_buf *b, int ja, int fix)
{
	size_t  lines = 0;

	for (size_t i = 0; i < res->nfindings && lines < 50; i++) {
		const om_finding *f = res->findings + i;
		const om_category *c = om_category_get(f->category);
		unsigned total = 0;
		int     dup = 0;

		if (f->action < OM_ACT_HOLD && !fix)
			continue;
		for (size_t j = 0; j < i; j++)
			if (strcmp(res->findings[j].category, f->category) == 0)
				dup = 1;
		if (dup)
			continue;
		for (size_t j = i; j < res->nfindings; j++)
			if (strcmp(res->findings[j].category, f->category) == 0)
				total += res->findings[j].count;
		lines++;
		if (fix) {
			const char *t = c ? (ja ? c->fix_ja : c->fix_en) : "";

			if (f->action >= OM_ACT_HOLD && t && *t)
				om_buf_printf(b, "- %s: %s\n", f->category, t);
			continue;
		}
		om_buf_printf(b, "- %s (%s): %u%s", c ? (ja ? c->ja : c->en) : f->category,
			      f->category, total, ja ? " 件" : (total == 1 ? " item" : " items"));
		if (f->sample)
			om_buf_printf(b, ja ? "、例 %s" : ", e.g. %s", f->sample);
		om_buf_printf(b, ja ? "（規則 %s）\n" : " (rule %s)\n", f->rule);
	}
	if (b->len == 0 || b->data[b->len - 1] != '\n')
		om_buf_putc(b, '\n');
}

/* put_encoded - RFC 2047 B-encoding of a UTF-8 phrase, in pieces */
static void
put_encoded(om_buf *b, const char *s)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t  n = strlen(s), i = 0;

	while (i < n) {
		size_t  take = 0;

		/* At most 45 bytes per word, never splitting a UTF-8 character. */
		while (i + take < n && take < 45) {
			size_t  clen = 1;
			unsigned char c = (unsigned char) s[i + take];

			if (c >= 0xf0) clen = 4;
			else if (c >= 0xe0) clen = 3;
			else if (c >= 0xc0) clen = 2;
			if (take + clen > 45)
				break;
			take += clen;
		}
		if (take == 0)
			take = 1;
		om_buf_puts(b, i ? "\n =?UTF-8?B?" : "=?UTF-8?B?");
		for (size_t k = 0; k < take; k += 3) {
			unsigned v = (unsigned char) s[i + k] << 16;
			size_t  left = take - k;

			if (left > 1) v |= (unsigned char) s[i + k + 1] << 8;
			if (left > 2) v |= (unsigned char) s[i + k + 2];
			om_buf_putc(b, tab[(v >> 18) & 63]);
			om_buf_putc(b, tab[(v >> 12) & 63]);
			om_buf_putc(b, left > 1 ? tab[(v >> 6) & 63] : '=');
			om_buf_putc(b, left > 2 ? tab[v & 63] : '=');
		}
		om_buf_puts(b, "?=");
		i += take;
	}
}

/* expand - replace {WORD}s of the template text into out */
static void
expand(const om_conf *conf, const om_result *res, const char *ref, const char *t, size_t n, om_buf *out)
{
	const om_map *mm = om_conf_lookup(conf, OM_MAP_MANAGER);
	const char *mgr = om_map_lookup_addr(mm, res->sender);
	const char *end = t + n;

	while (t < end) {
		const char *brace = memchr(t, '{', (size_t) (end - t));
		const char *close;
		size_t  wl;

		if (brace == NULL) {
			om_buf_append(out, t, (size_t) (end - t));
			break;
		}
		om_buf_append(out, t, (size_t) (brace - t));
		close = memchr(brace, '}', (size_t) (end - brace));
		wl = close ? (size_t) (close - brace - 1) : 0;
#define IS(w) (wl == sizeof(w) - 1 && memcmp(brace + 1, w, wl) == 0)
		if (close == NULL) {
			om_buf_append(out, brace, (size_t) (end - brace));
			break;
		} else if (IS("SENDER"))
			om_buf_puts(out, res->sender);
		else if (IS("REF"))
			om_buf_puts(out, ref ? ref : "-");
		else if (IS("REVIEWER"))
			om_buf_puts(out, mgr ? mgr : conf->conf_notice_from);
		else if (IS("FINDINGS_JA"))
			put_findings(res, out, 1, 0);
		else if (IS("FINDINGS_EN"))
			put_findings(res, out, 0, 0);
		else if (IS("FIX_JA"))
			put_findings(res, out, 1, 1);
		else if (IS("FIX_EN"))
			put_findings(res, out, 0, 1);
		else {
			om_buf_append(out, brace, (size_t) (close - brace + 1));
		}
#undef IS
		t = close + 1;
	}
}

/* om_notice_compose - the whole notice message */
int
om_notice_compose(const om_conf *conf, const om_result *res, const char *ref,
		  const char *tmpl, om_buf *out)
{
	const char *body = strstr(tmpl, "\n\n");
	const char *line = tmpl;
	char    date[64];
	time_t  now = time(NULL);
	struct tm tm;

	if (body == NULL)
		return (-1);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S %z", localtime_r(&now, &tm));
	om_buf_printf(out, "From: %s\nTo: %s\nDate: %s\n%s: %s\n", conf->conf_notice_from,
		      res->sender, date, OM_NOTICE_HEADER, ref ? ref : "-");
	om_buf_puts(out, "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
		    "Content-Transfer-Encoding: 8bit\nAuto-Submitted: auto-replied\n");
	/* Template headers: copy, encoding a non-ASCII Subject. */
	while (line <= body) {
		const char *nl = strchr(line, '\n');
		size_t  len = (size_t) (nl - line);
		int     ascii = 1;

		for (size_t i = 0; i < len; i++)
			if ((unsigned char) line[i] >= 0x80)
				ascii = 0;
		if (!ascii && len > 8 && strncasecmp(line, "Subject:", 8) == 0) {
			om_buf    subj;
			const char *v = line + 8;

			while (*v == ' ')
				v++;
			om_buf_init(&subj, 0);
			expand(conf, res, ref, v, (size_t) (nl - v), &subj);
			om_buf_puts(out, "Subject: ");
			put_encoded(out, subj.data ? subj.data : "");
			om_buf_putc(out, '\n');
			om_buf_free(&subj);
		} else if (len > 0) {
			expand(conf, res, ref, line, len, out);
			om_buf_putc(out, '\n');
		}
		line = nl + 1;
	}
	om_buf_putc(out, '\n');
	expand(conf, res, ref, body + 2, strlen(body + 2), out);
	return (0);
}

/* read_template - template file for this action, or NULL */
static char *
read_template(const om_conf *conf, om_action act)
{
	char    path[4096];
	FILE   *fp;
	char   *text;
	size_t  n;

	if (conf->conf_rules_dir == NULL)
		return (NULL);
	snprintf(path, sizeof(path), "%s/notice-%s.ja-en.txt", conf->conf_rules_dir,
		 act == OM_ACT_HOLD ? "hold" : "reject");
	if ((fp = fopen(path, "r")) == NULL)
		return (NULL);
	if ((text = malloc(TEMPLATE_MAX + 1)) == NULL)
		om_panic("out of memory");
	n = fread(text, 1, TEMPLATE_MAX, fp);
	fclose(fp);
	text[n] = 0;
	return (text);
}

/* om_notice_send - compose and hand the notice to notice_command */
int
om_notice_send(const om_conf *conf, const om_result *res, const char *ref)
{
	char   *tmpl = read_template(conf, res->action);
	char   *cmd, *argv[ARGV_MAX + 2], *save = NULL;
	int     argc = 0, pipefd[2], status, rc = -1;
	om_buf  msg;
	pid_t   pid;
	posix_spawn_file_actions_t fa;
	size_t  off = 0;

	om_buf_init(&msg, 0);
	if (om_notice_compose(conf, res, ref, tmpl ? tmpl : builtin_template, &msg) < 0
	    && om_notice_compose(conf, res, ref, builtin_template, &msg) < 0) {
		free(tmpl);
		om_buf_free(&msg);
		return (-1);
	}
	free(tmpl);
	if ((cmd = strdup(conf->conf_notice_command)) == NULL)
		om_panic("out of memory");
	for (char *w = strtok_r(cmd, " \t", &save); w && argc < ARGV_MAX; w = strtok_r(NULL, " \t", &save))
		argv[argc++] = w;
	argv[argc++] = (char *) res->sender;
	argv[argc] = NULL;
	if (argc < 2 || pipe2(pipefd, O_CLOEXEC) < 0) {
		free(cmd);
		om_buf_free(&msg);
		return (-1);
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pipefd[0], 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
		om_warn("notice: cannot run %s: %s", argv[0], strerror(errno));
		pid = -1;
	}
	posix_spawn_file_actions_destroy(&fa);
	close(pipefd[0]);
	/* The child may die early; a write error is then just an error. */
	while (pid > 0 && off < msg.len) {
		ssize_t w = write(pipefd[1], msg.data + off, msg.len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t) w;
	}
	close(pipefd[1]);
	if (pid > 0) {
		for (int waited = 0; ; waited++) {
			pid_t   r = waitpid(pid, &status, WNOHANG);

			if (r == pid) {
				rc = (WIFEXITED(status) && WEXITSTATUS(status) == 0 && off == msg.len) ? 0 : -1;
				if (rc < 0)
					om_warn("notice: %s failed (status 0x%x)", argv[0], status);
				break;
			}
			if (r < 0 && errno != EINTR)
				break;
			if (waited >= OM_NOTICE_TIMEOUT * 20) {
				om_warn("notice: %s took over %ds; killed", argv[0], OM_NOTICE_TIMEOUT);
				kill(pid, SIGKILL);
				(void) waitpid(pid, &status, 0);
				break;
			}
			usleep(50000);
		}
	}
	free(cmd);
	om_buf_free(&msg);
	return (rc);
}
