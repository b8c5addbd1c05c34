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
 *	  {DUE}          when a delayed message goes (send delay notices)
 *	  {DELAY}        how long it waits
 *	  {CANCEL_ADDR}  the address that cancels it (also the Reply-To)
 *	  {SEND_ADDR}    the address that sends it now
 *	  {APPROVERS}    approval: the manager and the deputy
 *	  {APPROVER}     approval request: the one it is for
 *	  {APPROVE_ADDR} {REJECT_ADDR}  approval request: the answers
 *	  {TIMEOUT_ACTION}  what happens without an answer by {DUE}
 *	  {SUBJECT}      the message's Subject; {RCPTS} its recipients
 *
 *	A missing or unreadable template makes om_notice_send() use a
 *	short built-in one, so a notice is never lost to a typo.
 *
 *	The MAC of X-Omamori-Notice is HMAC-SHA-256 over
 *	"omamori-notice\nREF\nTIME\nRECIPIENT" (the recipient in lower
 *	case), as 64 lower-case hex digits. A key derived from the audit
 *	key is HMAC-SHA-256(audit key, "omamori notice v1"), so a notice
 *	MAC never tells anything about the audit chain's key.
 *--*/
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "om_audit.h"
#include "om_category.h"
#include "om_log.h"
#include "om_map.h"
#include "om_msg.h"
#include "om_notice.h"
#include "om_pending.h"
#include "om_rfc2047.h"

extern char **environ;

#define TEMPLATE_MAX	(64 * 1024)
#define ARGV_MAX	32
#define KEY_LEN		OM_AUDIT_KEY_LEN
#define MAC_HEX		64
#define ADDR_MAX	1024		/* longest recipient judged */

static unsigned char proc_key[KEY_LEN];
static pthread_once_t proc_once = PTHREAD_ONCE_INIT;

static const char builtin_template[] =
"Subject: [omamori] メールを送信できませんでした / Your message was stopped\n"
"\n"
"{SENDER} さま\n\nお送りのメールは社内規程により止められました。\n\n"
"見つかったもの:\n{FINDINGS_JA}\n対処:\n{FIX_JA}\n確認者: {REVIEWER}\n参照番号: {REF}\n\n"
"----\n\nYour message was stopped by the firm's mail policy.\n\n"
"Found:\n{FINDINGS_EN}\nWhat to do:\n{FIX_EN}\nReviewed by: {REVIEWER}\nReference: {REF}\n";

static const char builtin_delay_template[] =
"Subject: [omamori] 送信を {DUE} まで保留しています / Your message goes out at {DUE}\n"
"\n"
"{SENDER} さま\n\nお送りのメールは {DUE} に送信されます。\n"
"取り消すには次のアドレスへ空のメールを送ってください: {CANCEL_ADDR}\n"
"すぐに送るには: {SEND_ADDR}\n参照番号: {REF}\n\n"
"----\n\nYour message will be sent at {DUE}.\n"
"To cancel it, send an empty mail to: {CANCEL_ADDR}\n"
"To send it now: {SEND_ADDR}\nReference: {REF}\n";

static const char builtin_approve_template[] =
"Subject: [omamori] 上長の承認を待っています / Your message waits for approval\n"
"\n"
"{SENDER} さま\n\nお送りのメールは承認が必要なため保留しました。承認者: {APPROVERS}\n"
"{DUE} までに承認されない場合は {TIMEOUT_ACTION} となります。\n\n見つかったもの:\n{FINDINGS_JA}\n参照番号: {REF}\n\n"
"----\n\nYour message waits for approval by: {APPROVERS}\n"
"Without an answer by {DUE} it is: {TIMEOUT_ACTION}.\n\nFound:\n{FINDINGS_EN}\nReference: {REF}\n";

static const char builtin_request_template[] =
"Subject: [omamori] 送信の承認をお願いします / Approval requested: {SENDER}\n"
"\n"
"{APPROVER} さま\n\n{SENDER} さんの社外宛メールが承認待ちです。\n"
"件名: {SUBJECT}\n宛先: {RCPTS}\n\n見つかったもの:\n{FINDINGS_JA}\n"
"承認する: {APPROVE_ADDR}\n却下する: {REJECT_ADDR}\n"
"（件名に理由を書いて送ってください。）\n{DUE} までに回答がなければ {TIMEOUT_ACTION} となります。\n参照番号: {REF}\n\n"
"----\n\nA message from {SENDER} waits for your approval.\nSubject: {SUBJECT}\nTo: {RCPTS}\n\n"
"Found:\n{FINDINGS_EN}\nApprove: {APPROVE_ADDR}\nReject: {REJECT_ADDR}\n"
"(Put your reason in the Subject.) Without an answer by {DUE}: {TIMEOUT_ACTION}.\nReference: {REF}\n";

static const char builtin_bcc_template[] =
"Subject: [omamori] 社外の宛先を Bcc に移して送信しました / External recipients were moved to Bcc\n"
"\n"
"{SENDER} さま\n\n社外の宛先が To/Cc に多数見えていたため、To/Cc から外して送信しました。\n"
"宛先の方々には届いています。To にはあなたのアドレスが入っています。\n\n"
"見つかったもの:\n{FINDINGS_JA}\n参照番号: {REF}\n\n"
"----\n\nMany external addresses were visible in To/Cc; they were taken out of To/Cc\n"
"and the message was sent. Every recipient still gets it; To holds your address.\n\n"
"Found:\n{FINDINGS_EN}\nReference: {REF}\n";

/* proc_key_init - this process's own random key */
static void
proc_key_init(void)
{
	if (RAND_bytes(proc_key, sizeof(proc_key)) != 1)
		om_panic("no random bytes for the notice key");
}

/* notice_key - the snapshot's key, else this process's own */
static const unsigned char *
notice_key(const om_snap *snap)
{
	if (snap->has_notice_key)
		return (snap->notice_key);
	pthread_once(&proc_once, proc_key_init);
	return (proc_key);
}


/* notice_mac - the hex MAC of one notice */
static void
notice_mac(const om_snap *snap, const char *ref, size_t reflen, long when, const char *rcpt,
	   char out[MAC_HEX + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	om_buf  data;

	om_buf_init(&data, 0);
	om_buf_puts(&data, "omamori-notice\n");
	om_buf_append(&data, ref, reflen);
	om_buf_printf(&data, "\n%ld\n", when);
	for (const char *p = rcpt; *p; p++)
		om_buf_putc(&data, (char) tolower((unsigned char) *p));
	if (HMAC(EVP_sha256(), notice_key(snap), KEY_LEN, (const unsigned char *) (data.data ? data.data : ""),
		 data.len, md, &mdlen) == NULL || mdlen != 32)
		om_panic("HMAC-SHA-256 failed");
	om_buf_free(&data);
	for (unsigned i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[MAC_HEX] = 0;
}

/* ref_ok - a reference we put into a header: [A-Za-z0-9._-] only */
static int
ref_ok(const char *ref, size_t len)
{
	if (len == 0 || len > 200)
		return (0);
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char) ref[i]) && ref[i] != '.' && ref[i] != '_' && ref[i] != '-')
			return (0);
	return (1);
}

/* om_notice_stamp - "REF; t=TIME; mac=HEX" for a notice to rcpt */
int
om_notice_stamp(const om_snap *snap, const char *ref, long when, const char *rcpt, om_buf *out)
{
	char    mac[MAC_HEX + 1];

	if (ref == NULL || !ref_ok(ref, strlen(ref)))
		ref = "-";
	notice_mac(snap, ref, strlen(ref), when, rcpt, mac);
	return (om_buf_printf(out, "%s; t=%ld; mac=%s", ref, when, mac));
}

/* bare_addr - "<a@b>" or "a@b" into buf; -1 when it does not fit */
static int
bare_addr(const char *a, char *buf, size_t size)
{
	size_t  n = strlen(a);

	if (n >= 2 && a[0] == '<' && a[n - 1] == '>')
		a++, n -= 2;
	if (n >= size)
		return (-1);
	memcpy(buf, a, n);
	buf[n] = 0;
	return (0);
}

/* om_notice_verify - is this X-Omamori-Notice value ours, now, for these recipients? */
int
om_notice_verify(const om_snap *snap, const char *value, const char *const *rcpts, size_t nrcpts, long now)
{
	const om_conf *conf = snap->conf;
	const char *p = value, *ref, *mac;
	char    first[ADDR_MAX], other[ADDR_MAX], want[MAC_HEX + 1], got[MAC_HEX + 1];
	size_t  reflen;
	long    when = 0;
	int     digits = 0;

	/* "REF; t=TIME; mac=HEX", white space (and folding) around the parts. */
	if (value == NULL)
		return (OM_NOTICE_MALFORMED);
	while (isspace((unsigned char) *p))
		p++;
	ref = p;
	reflen = strcspn(p, "; \t\r\n");
	if (!ref_ok(ref, reflen) && !(reflen == 1 && *ref == '-'))
		return (OM_NOTICE_MALFORMED);
	p += reflen;
	while (isspace((unsigned char) *p))
		p++;
	if (*p++ != ';')
		return (OM_NOTICE_MALFORMED);
	while (isspace((unsigned char) *p))
		p++;
	if (strncmp(p, "t=", 2) != 0)
		return (OM_NOTICE_MALFORMED);
	for (p += 2; isdigit((unsigned char) *p) && digits < 12; p++, digits++)
		when = when * 10 + (*p - '0');
	if (digits == 0 || isdigit((unsigned char) *p))
		return (OM_NOTICE_MALFORMED);
	while (isspace((unsigned char) *p))
		p++;
	if (*p++ != ';')
		return (OM_NOTICE_MALFORMED);
	while (isspace((unsigned char) *p))
		p++;
	if (strncmp(p, "mac=", 4) != 0)
		return (OM_NOTICE_MALFORMED);
	mac = p + 4;
	for (p = mac; isxdigit((unsigned char) *p) && p - mac <= MAC_HEX; p++)
		;
	if (p - mac != MAC_HEX)
		return (OM_NOTICE_MALFORMED);
	while (isspace((unsigned char) *p))
		p++;
	if (*p != 0)
		return (OM_NOTICE_MALFORMED);
	for (int i = 0; i < MAC_HEX; i++)
		got[i] = (char) tolower((unsigned char) mac[i]);
	got[MAC_HEX] = 0;

	/* Every recipient is the one internal address it was written for. */
	if (rcpts == NULL || nrcpts == 0 || bare_addr(rcpts[0], first, sizeof(first)) < 0
	    || !om_conf_addr_internal(conf, first))
		return (OM_NOTICE_RCPT);
	for (size_t i = 1; i < nrcpts; i++)
		if (bare_addr(rcpts[i], other, sizeof(other)) < 0 || strcasecmp(first, other) != 0)
			return (OM_NOTICE_RCPT);

	notice_mac(snap, ref, reflen, when, first, want);
	if (CRYPTO_memcmp(want, got, MAC_HEX) != 0)
		return (OM_NOTICE_BAD_MAC);
	if (when > now + OM_NOTICE_SKEW || now - when > (long) conf->conf_notice_max_age)
		return (OM_NOTICE_EXPIRED);
	return (OM_NOTICE_VALID);
}

/* om_notice_status - a verify result in words */
const char *
om_notice_status(int status)
{
	switch (status) {
	case OM_NOTICE_VALID:
		return ("valid");
	case OM_NOTICE_MALFORMED:
		return ("malformed");
	case OM_NOTICE_BAD_MAC:
		return ("bad_mac");
	case OM_NOTICE_EXPIRED:
		return ("expired");
	case OM_NOTICE_RCPT:
		return ("recipients");
	default:
		return ("unknown");
	}
}

/* om_notice_wanted - should this verdict produce a notice? */
int
om_notice_wanted(const om_snap *snap, const om_result *res)
{
	const om_conf *conf = snap->conf;
	if (conf->conf_notice_command == NULL || *conf->conf_notice_command == 0)
		return (0);
	if (res->action != OM_ACT_REJECT && res->action != OM_ACT_HOLD && res->action != OM_ACT_APPROVE
	    && !res->to_bcc && !res->delay)
		return (0);
	if (res->sender == NULL || *res->sender == 0)
		return (0);
	/* Mail from outside: its internal sender address may be forged. */
	if (res->direction == OM_DIR_INBOUND)
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

		if (f->action < OM_ACT_APPROVE && !fix)
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

			if (f->action >= OM_ACT_APPROVE && t && *t)
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

/* expand - replace {WORD}s of the template text into out (rcpt: whom it is for) */
static void
expand(const om_snap *snap, const om_result *res, const char *ref, const char *rcpt, const char *t, size_t n,
       om_buf *out)
{
	const om_conf *conf = snap->conf;
	const om_map *mm = snap->manager;
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
		else if (IS("DUE")) {
			time_t  due = (time_t) res->pending_due;
			struct tm tm;
			char    when[64];

			strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S %z", localtime_r(&due, &tm));
			om_buf_puts(out, when);
		} else if (IS("DELAY")) {
			if (res->delay % 60 == 0)
				om_buf_printf(out, "%u min", res->delay / 60);
			else
				om_buf_printf(out, "%u s", res->delay);
		} else if (IS("APPROVE_ADDR") && res->pending_token)
			om_pending_address(conf, "approve", res->pending_token, out);
		else if (IS("REJECT_ADDR") && res->pending_token)
			om_pending_address(conf, "reject", res->pending_token, out);
		else if (IS("APPROVERS"))
			om_buf_puts(out, res->pending_approvers && *res->pending_approvers ? res->pending_approvers
				    : conf->conf_notice_from);
		else if (IS("APPROVER"))
			om_buf_puts(out, rcpt);
		else if (IS("TIMEOUT_ACTION"))
			om_buf_puts(out, strcmp(conf->conf_approve_timeout_action, "release") == 0
				    ? "送信 / sent" : "破棄 / discarded");
		else if (IS("SUBJECT"))
			om_buf_puts(out, res->msg && res->msg->subject ? res->msg->subject : "");
		else if (IS("RCPTS")) {
			for (size_t i = 0; i < res->nrcpts && i < 20; i++)
				om_buf_printf(out, "%s%s", i ? ", " : "", res->rcpts[i]);
			if (res->nrcpts > 20)
				om_buf_printf(out, " (+%zu)", res->nrcpts - 20);
		} else if (IS("CANCEL_ADDR") && res->pending_token)
			om_pending_address(conf, "cancel", res->pending_token, out);
		else if (IS("SEND_ADDR") && res->pending_token)
			om_pending_address(conf, "send", res->pending_token, out);
		else {
			om_buf_append(out, brace, (size_t) (close - brace + 1));
		}
#undef IS
		t = close + 1;
	}
}

/* compose_for - the whole notice message, to rcpt */
static int
compose_for(const om_snap *snap, const om_result *res, const char *ref, const char *tmpl,
	    const char *rcpt, om_buf *out)
{
	const om_conf *conf = snap->conf;
	const char *body = strstr(tmpl, "\n\n");
	const char *line = tmpl;
	char    date[64];
	time_t  now = time(NULL);
	struct tm tm;

	if (body == NULL)
		return (-1);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S %z", localtime_r(&now, &tm));
	om_buf_printf(out, "From: %s\nTo: %s\nDate: %s\n%s: ", conf->conf_notice_from,
		      rcpt, date, OM_NOTICE_HEADER);
	om_notice_stamp(snap, ref, (long) now, rcpt, out);
	om_buf_putc(out, '\n');
	om_buf_puts(out, "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
		    "Content-Transfer-Encoding: 8bit\nAuto-Submitted: auto-replied\n");
	/* A delay notice: replying to it cancels (the safe answer). */
	if (res->delay && res->pending_token && res->action != OM_ACT_APPROVE) {
		om_buf_puts(out, "Reply-To: ");
		om_pending_address(conf, "cancel", res->pending_token, out);
		om_buf_putc(out, '\n');
	}
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
			expand(snap, res, ref, rcpt, v, (size_t) (nl - v), &subj);
			om_buf_puts(out, "Subject: ");
			(void) om_rfc2047_encode(out, subj.data ? subj.data : "", strlen(subj.data ? subj.data : ""),
						 "\n ", OM_RFC2047_ALWAYS);
			om_buf_putc(out, '\n');
			om_buf_free(&subj);
		} else if (len > 0) {
			expand(snap, res, ref, rcpt, line, len, out);
			om_buf_putc(out, '\n');
		}
		line = nl + 1;
	}
	om_buf_putc(out, '\n');
	expand(snap, res, ref, rcpt, body + 2, strlen(body + 2), out);
	return (0);
}

/* om_notice_compose - the whole notice message, to the sender */
int
om_notice_compose(const om_snap *snap, const om_result *res, const char *ref,
		  const char *tmpl, om_buf *out)
{
	return (compose_for(snap, res, ref, tmpl, res->sender, out));
}

/* template_name - which notice the sender gets for this verdict */
static const char *
template_name(const om_result *res)
{
	switch (res->action) {
	case OM_ACT_HOLD:
		return ("hold");
	case OM_ACT_REJECT:
		return ("reject");
	case OM_ACT_APPROVE:
		return ("approve");
	default:
		return (res->delay ? "delay" : "bcc");
	}
}

/* read_template - rules_dir/notice-NAME.ja-en.txt, or NULL */
static char *
read_template(const om_snap *snap, const char *name)
{
	const om_conf *conf = snap->conf;
	char    path[4096];
	FILE   *fp;
	char   *text;
	size_t  n;

	if (conf->conf_rules_dir == NULL)
		return (NULL);
	snprintf(path, sizeof(path), "%s/notice-%s.ja-en.txt", conf->conf_rules_dir, name);
	if ((fp = fopen(path, "r")) == NULL)
		return (NULL);
	if ((text = malloc(TEMPLATE_MAX + 1)) == NULL)
		om_panic("out of memory");
	n = fread(text, 1, TEMPLATE_MAX, fp);
	fclose(fp);
	text[n] = 0;
	return (text);
}

/* send_to - compose a notice from template NAME (else builtin) for rcpt and hand it to notice_command */
static int
send_to(const om_snap *snap, const om_result *res, const char *ref, const char *name,
	const char *builtin, const char *rcpt)
{
	const om_conf *conf = snap->conf;
	char   *tmpl = read_template(snap, name);
	char   *cmd, *argv[ARGV_MAX + 2], *save = NULL;
	int     argc = 0, pipefd[2], status, rc = -1;
	om_buf  msg;
	pid_t   pid;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none, dfl;
	size_t  off = 0;

	om_buf_init(&msg, 0);
	if (compose_for(snap, res, ref, tmpl ? tmpl : builtin, rcpt, &msg) < 0
	    && compose_for(snap, res, ref, builtin, rcpt, &msg) < 0) {
		free(tmpl);
		om_buf_free(&msg);
		return (-1);
	}
	free(tmpl);
	if ((cmd = strdup(conf->conf_notice_command)) == NULL)
		om_panic("out of memory");
	for (char *w = strtok_r(cmd, " \t", &save); w && argc < ARGV_MAX; w = strtok_r(NULL, " \t", &save))
		argv[argc++] = w;
	argv[argc++] = (char *) rcpt;
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
	/*
	 * The child starts as any program would: no signal blocked (the
	 * daemon's threads block some), none ignored (the daemon ignores
	 * SIGPIPE; a shell may have started it with SIGINT and SIGQUIT
	 * ignored), so that it can be stopped and sees a broken pipe.
	 */
	sigemptyset(&none);
	sigfillset(&dfl);
	sigdelset(&dfl, SIGKILL);
	sigdelset(&dfl, SIGSTOP);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &dfl);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	/* posix_spawn() returns its error; errno is not set. */
	if ((rc = posix_spawn(&pid, argv[0], &fa, &attr, argv, environ)) != 0) {
		om_warn("notice: cannot run %s: %s", argv[0], strerror(rc));
		pid = -1;
	}
	rc = -1;
	posix_spawnattr_destroy(&attr);
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

/* om_notice_send - compose the sender's notice and hand it to notice_command */
int
om_notice_send(const om_snap *snap, const om_result *res, const char *ref)
{
	const char *name = template_name(res);
	const char *builtin = builtin_template;

	if (strcmp(name, "delay") == 0)
		builtin = builtin_delay_template;
	else if (strcmp(name, "approve") == 0)
		builtin = builtin_approve_template;
	else if (strcmp(name, "bcc") == 0)
		builtin = builtin_bcc_template;
	return (send_to(snap, res, ref, name, builtin, res->sender));
}

/*
 * om_notice_send_approval - ask one approver (the sender's manager or
 * that manager's deputy) to approve or reject a message that waits:
 * rules_dir/notice-approval-request.ja-en.txt with its reply addresses.
 */
int
om_notice_send_approval(const om_snap *snap, const om_result *res, const char *ref, const char *approver)
{
	return (send_to(snap, res, ref, "approval-request", builtin_request_template, approver));
}
