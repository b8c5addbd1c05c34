/*++
 * NAME
 *	om_milter 3
 * SUMMARY
 *	libmilter callbacks: collect one message, judge it, apply the verdict
 * DESCRIPTION
 *	This is the only file that includes <libmilter/mfapi.h>.
 *
 *	Negotiation asks for what the verdicts need (add and change
 *	headers, add recipients, quarantine) and switches off the steps
 *	we do not use (HELO, DATA, unknown commands, end of headers).
 *	Where the MTA offers it, connect, MAIL, RCPT, header and body
 *	steps get no reply at all (SMFIP_NR_*): trouble found while
 *	collecting is remembered and answered at end of message.
 *
 *	Per connection: a conn (smfi_setpriv) made at negotiation or
 *	connect and freed at close; every callback copes with its absence.
 *	Per message: a msg made at MAIL FROM and released by msg_reset()
 *	from end of message, abort and close alike. It holds a reference
 *	to the configuration snapshot current at MAIL FROM, so a reload
 *	never changes the rules under a message in flight.
 *
 *	The message is kept as the MTA sends it (headers, empty line,
 *	body, CRLF line ends): in memory up to body_memory_limit, then in
 *	an unlinked 0600 file in the daemon's private directory. At most
 *	message_size_limit + 1 bytes are kept; the engine then reports
 *	attach.unscannable.
 *
 *	apply_verdict() is the one place that turns an om_action into
 *	milter calls. Any internal trouble (no memory for the state, a
 *	spill file that cannot be written, a failed milter call that a
 *	verdict depends on) becomes error_action (default tempfail).
 *	Once a message is let through, the domains its register steps
 *	name are written to the state store (om_act_register()); a store
 *	that fails then is logged and changes nothing.
 *
 *	Our own sender notices pass unscanned only when they prove it:
 *	the null sender, a client of the firm (trusted_networks and not
 *	inbound_relays, or SASL), and an X-Omamori-Notice header whose
 *	MAC, age and recipients om_notice_verify() accepts. A notice header
 *	that fails is logged and the message is scanned like any other
 *	(the engine reports notice.forged).
 *
 *	The client address goes to the engine as the MTA gave it, or as
 *	"unknown" (an outside client) when it gave none: an empty address
 *	never makes mail the firm's.
 *
 *	Send delay and approval (om_pending.h): a verdict with a delay
 *	step gets its pending record before the quarantine (a record that
 *	cannot be kept is internal trouble), the sender a notice with the
 *	reply addresses, and, for approval, the manager and the deputy an
 *	approval request. A mail to one of the reply addresses is an answer:
 *	judged by control_answer(), never scanned and never delivered.
 *
 *	Every decision is recorded in the audit log of the message's
 *	snapshot (om_audit_record(), or an "error" event when there was
 *	nothing to judge) before the MTA hears the verdict; a record that
 *	cannot be written is internal trouble like any other.
 *--*/
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libmilter/mfapi.h>

#include "om_act.h"
#include "om_audit.h"
#include "om_buf.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_milter.h"
#include "om_notice.h"
#include "om_pending.h"
#include "om_pool.h"

#define RCPT_MAX	100000		/* envelope recipients per message */
#define REPLY_MAX	400		/* SMTP reply text we pass on */

/* One message, MAIL FROM to its end. */
typedef struct msg {
	om_snap *snap;			/* snapshot at MAIL FROM */
	char   *from;
	char   *auth;
	char  **rcpt;
	size_t	nrcpt;
	size_t	rcap;
	om_buf	raw;			/* the message, while in memory */
	int	fd;			/* spill file, or -1 */
	size_t	size;			/* bytes kept so far */
	int	body_started;
	int	failed;			/* internal trouble: error_action */
	const char *fail_why;
	char   *notice;			/* first X-Omamori-Notice value, or NULL */
	int	control;		/* a recipient is one of our reply addresses */
	om_pending_verb verb;		/* ... what the first one asks */
	char	token[OM_PENDING_TOKEN_MAX + 1];
	char   *subject;		/* ... the answer's Subject: an approver's words */
} msg;

/* One milter connection (one SMTP session). */
typedef struct conn {
	char	addr[INET6_ADDRSTRLEN + 8];
	unsigned long pf1;		/* negotiated protocol flags */
	msg    *m;
	unsigned long nmsgs;
} conn;

static pthread_mutex_t conf_lock = PTHREAD_MUTEX_INITIALIZER;
static om_snap *snap_cur;

/*
 * Scans at once: libmilter gives every connection its own thread, but
 * more scans than CPUs only share the CPUs, each holding its decoded
 * message the while. A message waits here until one of ncpu slots is
 * free (a scan lasts milliseconds).
 */
static pthread_mutex_t scan_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t scan_cond = PTHREAD_COND_INITIALIZER;
static int scan_running;
static int scan_slots;
static unsigned inflight;
static unsigned long ref_counter;
static char spill_dir[PATH_MAX];

/* om_milter_set_snap - swap in a new snapshot; the old one lives on in messages */
void
om_milter_set_snap(om_snap *snap)
{
	om_snap *old;

	pthread_mutex_lock(&conf_lock);
	old = snap_cur;
	snap_cur = snap;
	pthread_mutex_unlock(&conf_lock);
	om_snap_unref(old);
}

/* snap_get - a reference to the current snapshot */
static om_snap *
snap_get(void)
{
	om_snap *s;

	pthread_mutex_lock(&conf_lock);
	s = snap_cur ? om_snap_ref(snap_cur) : NULL;
	pthread_mutex_unlock(&conf_lock);
	return (s);
}

/* om_milter_inflight - messages between MAIL FROM and their end */
unsigned
om_milter_inflight(void)
{
	return (__atomic_load_n(&inflight, __ATOMIC_ACQUIRE));
}

/* msg_reset - release everything of the current message; the one cleanup path */
static void
msg_reset(conn *c)
{
	msg    *m;

	if (c == NULL || (m = c->m) == NULL)
		return;
	c->m = NULL;
	for (size_t i = 0; i < m->nrcpt; i++)
		free(m->rcpt[i]);
	free(m->rcpt);
	free(m->from);
	free(m->auth);
	free(m->notice);
	free(m->subject);
	om_buf_free(&m->raw);
	if (m->fd >= 0)
		close(m->fd);
	om_snap_unref(m->snap);
	free(m);
	__atomic_sub_fetch(&inflight, 1, __ATOMIC_ACQ_REL);
}

/* msg_fail - remember internal trouble; answered at end of message */
static void
msg_fail(msg *m, const char *why)
{
	if (!m->failed) {
		m->failed = 1;
		m->fail_why = why;
	}
}

/* reply_ok - the return code for a step that may have "no reply" */
static sfsistat
reply_ok(const conn *c, unsigned long nr)
{
	return ((c && (c->pf1 & nr)) ? SMFIS_NOREPLY : SMFIS_CONTINUE);
}

/*
 * step_fail - trouble in a step that may have "no reply": a reply the MTA
 * does not expect would desynchronise the protocol, so say nothing and
 * let end of message (which finds no message state) answer tempfail.
 */
static sfsistat
step_fail(const conn *c, unsigned long nr)
{
	return ((c && (c->pf1 & nr)) ? SMFIS_NOREPLY : SMFIS_TEMPFAIL);
}

/* spill - move the message from memory into a private unlinked file */
static int
spill(msg *m)
{
	char    path[PATH_MAX];
	size_t  off = 0;

	if (snprintf(path, sizeof(path), "%s/msg.XXXXXX", spill_dir) >= (int) sizeof(path))
		return (-1);
	if ((m->fd = mkostemp(path, O_CLOEXEC)) < 0) {
		om_warn("spill file in %s: %s", spill_dir, strerror(errno));
		return (-1);
	}
	(void) unlink(path);
	(void) fchmod(m->fd, 0600);
	while (off < m->raw.len) {
		ssize_t w = write(m->fd, m->raw.data + off, m->raw.len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			om_warn("spill file: %s", strerror(errno));
			return (-1);
		}
		off += (size_t) w;
	}
	om_buf_free(&m->raw);
	om_buf_init(&m->raw, 0);
	return (0);
}

/* keep - append message bytes, spilling or capping as configured */
static void
keep(msg *m, const void *p, size_t n)
{
	const om_conf *conf = m->snap->conf;
	size_t  cap = conf->conf_message_size_limit + 1;

	if (m->failed)
		return;
	if (m->size >= cap)
		return;
	if (n > cap - m->size)
		n = cap - m->size;
	if (m->fd < 0 && m->size + n > conf->conf_body_memory_limit && spill(m) < 0) {
		msg_fail(m, "cannot write spill file");
		return;
	}
	if (m->fd >= 0) {
		const char *b = p;
		size_t  off = 0;

		while (off < n) {
			ssize_t w = write(m->fd, b + off, n - off);

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				om_warn("spill file: %s", strerror(errno));
				msg_fail(m, "cannot write spill file");
				return;
			}
			off += (size_t) w;
		}
	} else if (om_buf_append(&m->raw, p, n) < 0) {
		msg_fail(m, "cannot keep message");
		return;
	}
	m->size += n;
}

/* conn_get - the connection state, created on first use */
static conn *
conn_get(SMFICTX *ctx)
{
	conn   *c = smfi_getpriv(ctx);

	if (c == NULL && (c = calloc(1, sizeof(*c))) != NULL) {
		strcpy(c->addr, "");
		if (smfi_setpriv(ctx, c) != MI_SUCCESS) {
			free(c);
			c = NULL;
		}
	}
	return (c);
}

/* cb_negotiate - ask for the actions we use, skip the steps we do not */
static sfsistat
cb_negotiate(SMFICTX *ctx, unsigned long f0, unsigned long f1, unsigned long f2, unsigned long f3,
	     unsigned long *pf0, unsigned long *pf1, unsigned long *pf2, unsigned long *pf3)
{
	unsigned long want0 = SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_ADDRCPT | SMFIF_QUARANTINE;
	unsigned long skip = SMFIP_NOHELO | SMFIP_NOUNKNOWN | SMFIP_NODATA | SMFIP_NOEOH;
	unsigned long noreply = SMFIP_NR_CONN | SMFIP_NR_MAIL | SMFIP_NR_RCPT | SMFIP_NR_HDR | SMFIP_NR_BODY;
	conn   *c = conn_get(ctx);

	if ((f0 & want0) != want0) {
		om_warn("the MTA does not offer the milter actions omamori needs (0x%lx of 0x%lx)", f0, want0);
		return (SMFIS_REJECT);
	}
	*pf0 = want0;
	/* Without a conn to remember them in, no "no reply" steps. */
	*pf1 = (c ? skip | noreply : skip) & f1;
	*pf2 = 0;
	*pf3 = 0;
	if (c)
		c->pf1 = *pf1;
	(void) smfi_setsymlist(ctx, SMFIM_ENVFROM, "{auth_authen} i");
	(void) smfi_setsymlist(ctx, SMFIM_EOM, "i");
	return (SMFIS_CONTINUE);
}

/* cb_connect - remember the client address */
static sfsistat
cb_connect(SMFICTX *ctx, char *host, _SOCK_ADDR *sa)
{
	conn   *c = conn_get(ctx);

	if (c && sa) {
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((struct sockaddr_in *) (void *) sa)->sin_addr, c->addr, sizeof(c->addr));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *) (void *) sa)->sin6_addr, c->addr, sizeof(c->addr));
	}
	return (reply_ok(c, SMFIP_NR_CONN));
}

/* cb_envfrom - a new message */
static sfsistat
cb_envfrom(SMFICTX *ctx, char **argv)
{
	conn   *c = conn_get(ctx);
	const char *auth;
	msg    *m;

	if (c == NULL)
		return (SMFIS_TEMPFAIL);
	msg_reset(c);
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return (step_fail(c, SMFIP_NR_MAIL));
	__atomic_add_fetch(&inflight, 1, __ATOMIC_ACQ_REL);
	c->m = m;
	c->nmsgs++;
	m->fd = -1;
	om_buf_init(&m->raw, 0);
	if ((m->snap = snap_get()) == NULL) {
		msg_reset(c);
		return (step_fail(c, SMFIP_NR_MAIL));
	}
	m->from = strdup(argv && argv[0] ? argv[0] : "<>");
	if ((auth = smfi_getsymval(ctx, "{auth_authen}")) != NULL && *auth)
		m->auth = strdup(auth);
	if (m->from == NULL)
		msg_fail(m, "out of memory");
	return (reply_ok(c, SMFIP_NR_MAIL));
}

/* cb_envrcpt - one more recipient */
static sfsistat
cb_envrcpt(SMFICTX *ctx, char **argv)
{
	conn   *c = smfi_getpriv(ctx);
	msg    *m = c ? c->m : NULL;

	if (m == NULL)
		return (step_fail(c, SMFIP_NR_RCPT));
	if (m->nrcpt >= RCPT_MAX) {
		msg_fail(m, "too many recipients");
		return (reply_ok(c, SMFIP_NR_RCPT));
	}
	if (m->nrcpt == m->rcap) {
		size_t  n = m->rcap ? m->rcap * 2 : 8;
		char  **v = realloc(m->rcpt, n * sizeof(char *));

		if (v == NULL) {
			msg_fail(m, "out of memory");
			return (reply_ok(c, SMFIP_NR_RCPT));
		}
		m->rcpt = v;
		m->rcap = n;
	}
	if ((m->rcpt[m->nrcpt] = strdup(argv && argv[0] ? argv[0] : "")) == NULL)
		msg_fail(m, "out of memory");
	else
		m->nrcpt++;
	/* An answer to a delayed or waiting message: handled whole at end of message. */
	if (!m->control && argv && argv[0]
	    && om_pending_control(m->snap->conf, argv[0], &m->verb, m->token, sizeof(m->token)))
		m->control = 1;
	return (reply_ok(c, SMFIP_NR_RCPT));
}

/* cb_header - one header field */
static sfsistat
cb_header(SMFICTX *ctx, char *name, char *value)
{
	conn   *c = smfi_getpriv(ctx);
	msg    *m = c ? c->m : NULL;

	if (m == NULL)
		return (step_fail(c, SMFIP_NR_HDR));
	if (strcasecmp(name, OM_NOTICE_HEADER) == 0 && m->notice == NULL
		 && (m->notice = strdup(value)) == NULL)
		msg_fail(m, "out of memory");
	if (m->control && strcasecmp(name, "Subject") == 0 && m->subject == NULL
	    && (m->subject = strndup(value, 2000)) == NULL)
		msg_fail(m, "out of memory");
	keep(m, name, strlen(name));
	keep(m, ": ", 2);
	keep(m, value, strlen(value));
	keep(m, "\r\n", 2);
	return (reply_ok(c, SMFIP_NR_HDR));
}

/* cb_body - one body chunk */
static sfsistat
cb_body(SMFICTX *ctx, unsigned char *chunk, size_t len)
{
	conn   *c = smfi_getpriv(ctx);
	msg    *m = c ? c->m : NULL;

	if (m == NULL)
		return (step_fail(c, SMFIP_NR_BODY));
	if (!m->body_started) {
		keep(m, "\r\n", 2);
		m->body_started = 1;
	}
	keep(m, chunk, len);
	return (reply_ok(c, SMFIP_NR_BODY));
}

/* clean_text - printable ASCII, '%' doubled, for replies and quarantine reasons */
static void
clean_text(const char *in, char *out, size_t outsize)
{
	size_t  o = 0;

	for (const unsigned char *p = (const unsigned char *) in; p && *p && o + 3 < outsize; p++) {
		if (*p == '%') {
			out[o++] = '%';
			out[o++] = '%';
		} else
			out[o++] = (*p >= 0x20 && *p < 0x7f) ? (char) *p : '?';
	}
	out[o] = 0;
}

/* set_reply - "550 5.7.1 text" into smfi_setreply */
static void
set_reply(SMFICTX *ctx, const char *reply, const char *def_code, const char *def_x, const char *def_text)
{
	char    code[4], xcode[16], text[REPLY_MAX + 1];

	if (reply && strlen(reply) > 10 && reply[3] == ' ' && (reply[0] == '4' || reply[0] == '5')) {
		const char *x = reply + 4, *sp = strchr(x, ' ');
		size_t  xl = sp ? (size_t) (sp - x) : 0;

		memcpy(code, reply, 3);
		code[3] = 0;
		if (xl > 0 && xl < sizeof(xcode) && x[0] == reply[0]) {
			memcpy(xcode, x, xl);
			xcode[xl] = 0;
			clean_text(sp + 1, text, sizeof(text));
		} else {
			snprintf(xcode, sizeof(xcode), "%s", def_x);
			clean_text(x, text, sizeof(text));
		}
	} else {
		snprintf(code, sizeof(code), "%s", def_code);
		snprintf(xcode, sizeof(xcode), "%s", def_x);
		clean_text(def_text, text, sizeof(text));
	}
	if (smfi_setreply(ctx, code, xcode, text) != MI_SUCCESS)
		om_warn("smfi_setreply failed");
}

/* header_step - one header change; 0 or -1 */
static int
header_step(SMFICTX *ctx, const om_act *a)
{
	int     rc;

	switch (a->kind) {
	case OM_DO_DELETE_HEADER:
		rc = smfi_chgheader(ctx, (char *) a->name, (int) a->index, NULL);
		break;
	case OM_DO_CHANGE_HEADER:
		rc = smfi_chgheader(ctx, (char *) a->name, (int) a->index, (char *) a->value);
		break;
	default:
		rc = smfi_addheader(ctx, (char *) a->name, (char *) a->value);
		break;
	}
	return (rc == MI_SUCCESS ? 0 : -1);
}

/*
 * trouble_verdict - a required step failed: the result's on_trouble
 * (error_action). What was already done stays done; mail that should
 * wait never slips through, and nothing is added twice.
 */
static sfsistat
trouble_verdict(SMFICTX *ctx, om_action act, const char *ref)
{
	switch (act) {
	case OM_ACT_REJECT:
		set_reply(ctx, NULL, "550", "5.7.1", "Message refused by mail policy");
		return (SMFIS_REJECT);
	case OM_ACT_HOLD:
		if (smfi_quarantine(ctx, "omamori: a verdict step failed") == MI_SUCCESS)
			return (SMFIS_CONTINUE);
		om_warn("%s: smfi_quarantine failed; tempfail", ref);
		/* FALLTHROUGH */
	case OM_ACT_TEMPFAIL:
		set_reply(ctx, NULL, "451", "4.7.1", "Message could not be checked now; try again later");
		return (SMFIS_TEMPFAIL);
	default:
		return (SMFIS_CONTINUE);
	}
}

/*
 * apply_verdict - the one place that turns a verdict into milter calls:
 * the reply of a reject or tempfail, else the result's steps in order.
 * *notice is set when the steps ask for a sender notice.
 */
static sfsistat
apply_verdict(SMFICTX *ctx, const om_result *res, const char *ref, int *notice)
{
	int     trouble = 0;
	char    why[256];

	*notice = 0;
	for (size_t i = 0; i < res->nacts; i++)
		if (res->acts[i].kind == OM_DO_NOTICE)
			*notice = 1;
	switch (res->action) {
	case OM_ACT_REJECT:
		set_reply(ctx, res->reply, "550", "5.7.1", "Message refused by mail policy");
		return (SMFIS_REJECT);
	case OM_ACT_TEMPFAIL:
		set_reply(ctx, res->reply, "451", "4.7.1", "Message could not be checked now; try again later");
		return (SMFIS_TEMPFAIL);
	default:
		break;
	}
	for (size_t i = 0; i < res->nacts; i++) {
		const om_act *a = res->acts + i;
		int     rc = 0;

		switch (a->kind) {
		case OM_DO_DELETE_HEADER:
		case OM_DO_CHANGE_HEADER:
		case OM_DO_ADD_HEADER:
			rc = header_step(ctx, a);
			break;
		case OM_DO_ADD_RCPT:
			rc = smfi_addrcpt(ctx, (char *) a->value) == MI_SUCCESS ? 0 : -1;
			break;
		case OM_DO_QUARANTINE:
			clean_text(a->value, why, sizeof(why));
			if (smfi_quarantine(ctx, why) != MI_SUCCESS) {
				/* Never let mail that should wait slip through. */
				om_warn("%s: smfi_quarantine failed; tempfail", ref);
				*notice = 0;
				set_reply(ctx, NULL, "451", "4.7.1", "Message could not be held now; try again later");
				return (SMFIS_TEMPFAIL);
			}
			break;
		case OM_DO_NOTICE:
		case OM_DO_REGISTER_DOMAIN:	/* after acceptance, by cb_eom */
		case OM_DO_REMEMBER:
		case OM_DO_DELAY:		/* the record, by cb_eom before */
			break;
		}
		if (rc < 0 && a->required) {
			om_warn("%s: %s %s failed; %s", ref, om_act_kind_name(a->kind), a->name ? a->name : "",
				om_action_name(res->on_trouble));
			*notice = 0;
			return (trouble_verdict(ctx, res->on_trouble, ref));
		}
		if (rc < 0)
			trouble = 1;
	}
	if (trouble)
		om_warn("%s: could not change all headers", ref);
	return (SMFIS_CONTINUE);
}

/* notice_why - why a message with a notice header is scanned, or NULL */
static const char *
notice_why(const msg *m, const conn *c)
{
	const om_conf *conf = m->snap->conf;
	int     st;

	if (strcmp(m->from, "<>") != 0 && *m->from != 0)
		return ("sender is not null");
	if (m->auth == NULL && (!om_conf_client_trusted(conf, c->addr)
				|| om_conf_client_relay(conf, c->addr)))
		return ("client is not the firm's");
	st = om_notice_verify(m->snap, m->notice, (const char *const *) m->rcpt, m->nrcpt, (long) time(NULL));
	return (st == OM_NOTICE_VALID ? NULL : om_notice_status(st));
}

/* scan_enter - wait for a scan slot */
static void
scan_enter(void)
{
	pthread_mutex_lock(&scan_lock);
	if (scan_slots == 0) {
		long    ncpu = sysconf(_SC_NPROCESSORS_ONLN);

		scan_slots = ncpu < 1 ? 1 : ncpu > 1024 ? 1024 : (int) ncpu;
	}
	while (scan_running >= scan_slots)
		pthread_cond_wait(&scan_cond, &scan_lock);
	scan_running++;
	pthread_mutex_unlock(&scan_lock);
}

/* scan_leave - give the slot back */
static void
scan_leave(void)
{
	pthread_mutex_lock(&scan_lock);
	scan_running--;
	pthread_cond_signal(&scan_cond);
	pthread_mutex_unlock(&scan_lock);
}

/* judge - the engine's verdict, recorded; NULL only when no memory is left */
static om_result *
judge(msg *m, const om_envelope *env, const char *ref)
{
	om_audit *audit = m->snap->audit;
	om_result *res = NULL;

	if (!m->failed) {
		scan_enter();
		if (m->fd >= 0)
			res = om_engine_scan_fd(m->snap, env, m->fd);
		else
			res = om_engine_scan(m->snap, env, m->raw.data ? m->raw.data : "", m->raw.len);
		scan_leave();
		if (res == NULL)
			msg_fail(m, "scan failed");
		else if (audit && om_audit_record(audit, res, env) < 0) {
			/* Unrecorded means undecided: error_action, not the verdict. */
			om_warn("%s: audit log: %s", ref, om_audit_error());
			msg_fail(m, "audit log not written");
			om_result_free(res);
			res = NULL;
		}
	}
	if (!m->failed)
		return (res);
	if (audit && om_audit_event(audit, "error", "queue_id", env->queue_id, "ref", ref,
				    "reason", m->fail_why, "action",
				    om_action_name(m->snap->conf->conf_error_action), (char *) NULL) < 0)
		om_warn("%s: audit log: %s", ref, om_audit_error());
	res = om_engine_error(m->snap, env, m->raw.data, m->raw.len, m->fd, m->fail_why);
	om_warn("%s: %s; action=%s", ref, m->fail_why, om_action_name(res->action));
	return (res);
}

/*
 * control_answer - a mail to one of our reply addresses: the sender of
 * a delayed message cancels it or sends it now, or an approver approves
 * or rejects one that waits (the Subject is the reason). Honoured only from a
 * client of the firm (SASL, or trusted_networks and not inbound_relays)
 * and when om_pending_answer() agrees; recorded in the audit log, then
 * the mail is discarded: it is never delivered anywhere. An answer
 * that also goes to other recipients, and anything else, is refused with
 * a 550 that says why; store trouble is a 451.
 */
static sfsistat
control_answer(SMFICTX *ctx, msg *m, const conn *c, const char *qid, const char *ref)
{
	const om_conf *conf = m->snap->conf;
	const char *verb = om_pending_verb_name(m->verb);
	om_pending p;
	char    text[REPLY_MAX], reason[256];
	int     st;

	memset(&p, 0, sizeof(p));
	if (m->failed) {
		set_reply(ctx, NULL, "451", "4.7.1", "Answer could not be read now; try again later");
		return (SMFIS_TEMPFAIL);
	}
	/*
	 * An answer goes to the reply address alone: a message that also
	 * goes to others would be discarded for them too, unseen. Refused,
	 * so that the sender sends the two apart.
	 */
	if (m->nrcpt != 1) {
		om_info("%s: answer %s with %zu recipients refused", ref, verb, m->nrcpt);
		set_reply(ctx, NULL, "550", "5.7.1",
			  "omamori: send an answer to the reply address alone, not with other recipients");
		return (SMFIS_REJECT);
	}
	om_pending_reason(m->subject, reason, sizeof(reason));
	if (m->auth == NULL && (!om_conf_client_trusted(conf, c->addr) || om_conf_client_relay(conf, c->addr)))
		st = OM_PENDING_NOT_SENDER;
	else
		st = om_pending_answer(m->snap, m->verb, m->token, m->from, reason, (long) time(NULL), &p);
	om_info("%s: answer %s to %s: %s%s%s", ref, verb, *p.qid ? p.qid : "-", om_pending_status(st),
		*p.ref ? " ref=" : "", p.ref);
	if (m->snap->audit && om_audit_event(m->snap->audit, "pending_answer", "queue_id", qid, "ref", ref,
					     "answer", verb, "status", om_pending_status(st),
					     "held_queue_id", *p.qid ? p.qid : NULL, "held_ref", *p.ref ? p.ref : NULL,
					     "by", m->from, "reason", *p.reason ? p.reason : NULL, (char *) NULL) < 0) {
		om_warn("%s: audit log: %s", ref, om_audit_error());
		set_reply(ctx, NULL, "451", "4.7.1", "Answer could not be recorded now; try again later");
		return (SMFIS_TEMPFAIL);
	}
	if (st == OM_PENDING_OK)
		return (SMFIS_DISCARD);
	if (st == OM_PENDING_TROUBLE) {
		set_reply(ctx, NULL, "451", "4.7.1", "Answer could not be handled now; try again later");
		return (SMFIS_TEMPFAIL);
	}
	snprintf(text, sizeof(text), "550 5.7.1 omamori: this %s address is not valid (%s); nothing was changed",
		 verb, om_pending_status(st));
	set_reply(ctx, text, "550", "5.7.1", text);
	return (SMFIS_REJECT);
}

/* approval_requests - one approval request to each approver (a failure only logs) */
static void
approval_requests(const om_snap *snap, const om_result *res, const char *ref)
{
	char    list[2 * OM_PENDING_ADDR_MAX + 2], *save = NULL;

	snprintf(list, sizeof(list), "%s", res->pending_approvers);
	for (char *a = strtok_r(list, " ", &save); a; a = strtok_r(NULL, " ", &save))
		if (om_notice_send_approval(snap, res, ref, a) < 0)
			om_warn("%s: approval request to %s not sent", ref, a);
}

/* cb_eom - judge the message and act */
static sfsistat
cb_eom(SMFICTX *ctx)
{
	conn   *c = smfi_getpriv(ctx);
	msg    *m = c ? c->m : NULL;
	const char *qid, *why = NULL;
	char    ref[80];
	om_result *res;
	om_envelope env = {0};
	int     notice;
	sfsistat rc;

	if (m == NULL)
		return (SMFIS_TEMPFAIL);
	if (!m->body_started)
		keep(m, "\r\n", 2);
	qid = smfi_getsymval(ctx, "i");
	if (qid == NULL)
		qid = smfi_getsymval(ctx, "{i}");
	snprintf(ref, sizeof(ref), "%s.%lx%lx", qid && *qid ? qid : "NOQUEUE", (unsigned long) time(NULL) & 0xfffff,
		 __atomic_add_fetch(&ref_counter, 1, __ATOMIC_RELAXED));
	env.from = m->from;
	env.rcpt = (const char *const *) m->rcpt;
	env.nrcpt = m->nrcpt;
	env.auth = m->auth;
	env.client_addr = *c->addr ? c->addr : "unknown";
	env.queue_id = qid;
	env.ref = ref;

	/* An answer to a delayed or waiting message is never delivered. */
	if (m->control) {
		rc = control_answer(ctx, m, c, qid, ref);
		msg_reset(c);
		return (rc);
	}

	/* Our own notices: null sender, a client of the firm, a valid MAC. */
	if (m->notice && !m->failed && (why = notice_why(m, c)) == NULL) {
		om_info("%s: notice %s verified; passed unscanned", ref, m->notice);
		if (m->snap->audit && om_audit_event(m->snap->audit, "notice", "queue_id", qid, "ref", ref,
						     "action", "accept", (char *) NULL) < 0) {
			om_warn("%s: audit log: %s", ref, om_audit_error());
			msg_fail(m, "audit log not written");
		} else {
			msg_reset(c);
			return (SMFIS_ACCEPT);
		}
	}
	if (why != NULL)
		om_warn("%s: X-Omamori-Notice header not verified (%s); scanned", ref, why);
	if ((res = judge(m, &env, ref)) == NULL) {
		msg_reset(c);
		return (SMFIS_TEMPFAIL);
	}
	if (!res->internal_error || !m->failed)
		om_info("%s: direction=%s action=%s categories=%s size=%zu rcpts=%zu%s", ref,
			om_direction_name(res->direction), om_action_name(res->action), om_act_categories(res),
			m->size, m->nrcpt, res->internal_error ? " (internal error)" : "");
	/* Delayed: the pending record is kept before the hold (om_pending.h). */
	if (res->delay && res->action != OM_ACT_REJECT && res->action != OM_ACT_TEMPFAIL) {
		if (om_pending_hold(m->snap, res, qid, ref) < 0
		    || (m->snap->audit && om_audit_event(m->snap->audit,
							 res->action == OM_ACT_APPROVE ? "approve_wait" : "delay",
							 "queue_id", qid, "ref", ref, "approvers",
							 res->action == OM_ACT_APPROVE ? res->pending_approvers : NULL,
							 "pending", om_pool_printf(res->pool, "%.*s",
										   (int) strcspn(res->pending_token, "."),
										   res->pending_token), "due",
							 om_pool_printf(res->pool, "%ld", res->pending_due),
							 (char *) NULL) < 0)) {
			om_warn("%s: send delay not recorded; %s", ref, om_action_name(res->on_trouble));
			rc = trouble_verdict(ctx, res->on_trouble, ref);
			om_result_free(res);
			msg_reset(c);
			return (rc);
		}
		om_info("%s: delayed %us, due %ld", ref, res->delay, res->pending_due);
	}
	rc = apply_verdict(ctx, res, ref, &notice);
	/* Delivered: its new domains are known from now on (a failure only logs). */
	if (rc == SMFIS_CONTINUE)
		(void) om_act_register(m->snap, res, ref);
	if (notice && om_notice_send(m->snap, res, ref) < 0)
		om_warn("%s: sender notice not sent", ref);
	/* Waiting for approval: the manager and the deputy are asked. */
	if (rc == SMFIS_CONTINUE && res->action == OM_ACT_APPROVE && res->pending_approvers)
		approval_requests(m->snap, res, ref);
	om_result_free(res);
	msg_reset(c);
	return (rc);
}

/* cb_abort - the MTA gave up on this message */
static sfsistat
cb_abort(SMFICTX *ctx)
{
	msg_reset(smfi_getpriv(ctx));
	return (SMFIS_CONTINUE);
}

/* cb_close - the connection is gone */
static sfsistat
cb_close(SMFICTX *ctx)
{
	conn   *c = smfi_getpriv(ctx);

	if (c) {
		msg_reset(c);
		free(c);
		(void) smfi_setpriv(ctx, NULL);
	}
	return (SMFIS_CONTINUE);
}

static struct smfiDesc omamori_desc = {
	.xxfi_name = "omamori",
	.xxfi_version = SMFI_VERSION,
	.xxfi_flags = SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_ADDRCPT | SMFIF_QUARANTINE,
	.xxfi_connect = cb_connect,
	.xxfi_envfrom = cb_envfrom,
	.xxfi_envrcpt = cb_envrcpt,
	.xxfi_header = cb_header,
	.xxfi_body = cb_body,
	.xxfi_eom = cb_eom,
	.xxfi_abort = cb_abort,
	.xxfi_close = cb_close,
	.xxfi_negotiate = cb_negotiate,
};

/* socket_path - the file of a unix socket spec, or NULL */
static const char *
socket_path(const char *spec)
{
	if (strncmp(spec, "unix:", 5) == 0)
		return (spec + 5);
	if (strncmp(spec, "local:", 6) == 0)
		return (spec + 6);
	if (spec[0] == '/')
		return (spec);
	return (NULL);
}

/* om_milter_open - register and open the socket (before the privilege drop) */
int
om_milter_open(const om_conf *conf, uid_t uid, gid_t gid)
{
	const char *path = socket_path(conf->conf_socket);

	if (smfi_register(omamori_desc) != MI_SUCCESS) {
		om_warn("smfi_register failed");
		return (-1);
	}
	if (smfi_setconn(conf->conf_socket) != MI_SUCCESS) {
		om_warn("smfi_setconn %s failed", conf->conf_socket);
		return (-1);
	}
	(void) smfi_settimeout(300);
	(void) smfi_setbacklog(128);
	if (smfi_opensocket(1) != MI_SUCCESS) {
		om_warn("cannot open milter socket %s", conf->conf_socket);
		return (-1);
	}
	if (path) {
		mode_t  mode = (mode_t) strtoul(conf->conf_socket_mode, NULL, 8);

		if (chown(path, uid, gid) < 0 && geteuid() == 0)
			om_warn("chown %s: %s", path, strerror(errno));
		if (chmod(path, mode) < 0) {
			om_warn("chmod %s: %s", path, strerror(errno));
			return (-1);
		}
	}
	return (0);
}

/* om_milter_spill_init - our private directory for large messages */
int
om_milter_spill_init(const om_conf *conf)
{
	if (snprintf(spill_dir, sizeof(spill_dir), "%s/omamori-milter.XXXXXX", conf->conf_temp_dir)
	    >= (int) sizeof(spill_dir))
		return (-1);
	if (mkdtemp(spill_dir) == NULL) {
		om_warn("cannot create a directory in %s: %s", conf->conf_temp_dir, strerror(errno));
		spill_dir[0] = 0;
		return (-1);
	}
	return (chmod(spill_dir, 0700));
}

/* om_milter_spill_cleanup - remove the private directory (files are unlinked) */
void
om_milter_spill_cleanup(void)
{
	if (spill_dir[0] && rmdir(spill_dir) < 0)
		om_warn("rmdir %s: %s", spill_dir, strerror(errno));
}

/* om_milter_run - serve until om_milter_stop() */
int
om_milter_run(void)
{
	return (smfi_main() == MI_SUCCESS ? 0 : -1);
}

/* om_milter_stop - stop accepting connections */
void
om_milter_stop(void)
{
	(void) smfi_stop();
}
