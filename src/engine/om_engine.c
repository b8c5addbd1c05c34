/*++
 * NAME
 *	om_engine 3
 * SUMMARY
 *	the scan pipeline
 * DESCRIPTION
 *	om_engine_scan() parses the message, settles the envelope and the
 *	direction, runs every detector in the table below, and lets the
 *	policy decide. A detector that fails makes the verdict
 *	error_action; nothing here ever turns trouble into "accept".
 *--*/
#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "om_act.h"
#include "om_attach.h"
#include "om_engine.h"
#include "om_mask.h"
#include "om_json.h"
#include "om_log.h"
#include "om_mime.h"
#include "om_msg.h"
#include "om_policy.h"
#include "om_scan.h"

static const struct {
	const char *name;
	om_detector_fn fn;
} detectors[] = {
	{"limits", om_detect_limits},
	{"pii", om_detect_pii},
	{"attach", om_detect_attach},
	{"attach_pii", om_detect_attach_pii},
	{"ppap", om_detect_ppap},
	{"recipients", om_detect_recipients},
	{"insurers", om_detect_insurers},
	{"attack", om_detect_attack},
};

/* om_engine_global_init - once per process, before threads */
void
om_engine_global_init(void)
{
	om_msg_global_init();
}

/* om_engine_global_shutdown - once per process, at exit */
void
om_engine_global_shutdown(void)
{
	om_msg_global_shutdown();
}

/* engine_expand - second step of reading: inside the attachments the parse found */
static om_msg *
engine_expand(const om_conf *conf, om_msg *msg)
{
	if (msg != NULL)
		om_attach_expand(conf, msg);
	return (msg);
}

/* result_new - an empty result with its pool */
static om_result *
result_new(om_msg *msg)
{
	om_pool *pool = om_pool_new();
	om_result *res = om_pool_zalloc(pool, sizeof(*res));

	res->pool = pool;
	res->msg = msg;
	return (res);
}

/* engine_run - parse, expand, detect, decide, plan the steps */
static om_result *
engine_run(const om_snap *snap, const om_envelope *env, const char *raw, size_t len)
{
	om_msg *msg = engine_expand(snap->conf, om_mime_parse(snap->conf, raw, len));
	om_result *res = result_new(msg);
	om_scan scan;
	int     failed = 0;

	memset(&scan, 0, sizeof(scan));
	scan.snap = snap;
	scan.conf = snap->conf;
	scan.msg = msg;
	scan.pool = res->pool;
	if (msg == NULL) {
		failed = 1;
		om_warn("%s: message could not be read", env && env->queue_id ? env->queue_id : "-");
		scan.direction = OM_DIR_INBOUND;
		scan.sender = "";
	} else {
		om_scan_direction(&scan, env);
		for (size_t i = 0; i < sizeof(detectors) / sizeof(detectors[0]); i++) {
			if (detectors[i].fn(&scan) < 0) {
				om_warn("%s: detector %s failed", scan.queue_id ? scan.queue_id : "-",
					detectors[i].name);
				failed = 1;
			}
		}
	}
	res->direction = scan.direction;
	res->sender = scan.sender;
	res->rcpts = scan.rcpts;
	res->nrcpts = scan.nrcpts;
	res->findings = scan.findings;
	res->nfindings = scan.nfindings;
	res->add_cc = scan.add_cc;
	res->ppap_key = scan.ppap_key;
	res->attack_score = scan.attack_score;
	res->attack_words = scan.attack_words;
	om_policy_decide(&scan, res, failed);
	om_act_plan(snap, res, env ? env->ref : NULL, raw, len);
	return (res);
}


/* om_engine_scan - judge one message held in memory */
om_result *
om_engine_scan(const om_snap *snap, const om_envelope *env, const char *raw, size_t len)
{
	return (engine_run(snap, env, raw, len));
}

/* map_fd - the file's bytes, read-only; *len 0 and "" for an empty file, NULL on error */
static const char *
map_fd(int fd, size_t *len)
{
	struct stat st;
	void   *map;

	*len = 0;
	if (fstat(fd, &st) < 0 || st.st_size < 0)
		return (NULL);
	if (st.st_size == 0)
		return ("");
	map = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		return (NULL);
	*len = (size_t) st.st_size;
	return (map);
}

/* om_engine_scan_fd - judge one message held in a file */
om_result *
om_engine_scan_fd(const om_snap *snap, const om_envelope *env, int fd)
{
	size_t  len;
	const char *raw = map_fd(fd, &len);
	om_result *res;

	if (raw == NULL)
		return (NULL);
	res = engine_run(snap, env, raw, len);
	if (len)
		munmap((void *) raw, len);
	return (res);
}

/*
 * om_engine_error - the verdict for a message that could not be judged
 * (the daemon could not keep it, or could not record the decision):
 * error_action, with its steps. raw (or, when raw is NULL, the file fd
 * if not -1) is what was kept, so that our own headers that came in
 * are still replaced.
 */
om_result *
om_engine_error(const om_snap *snap, const om_envelope *env, const char *raw, size_t len,
		int fd, const char *why)
{
	om_result *res = result_new(NULL);
	const om_conf *conf = snap->conf;
	size_t  maplen = 0;

	res->direction = OM_DIR_INBOUND;
	res->sender = env && env->from ? env->from : "";
	res->internal_error = 1;
	res->action = conf->conf_error_action;
	res->reason = om_pool_strdup(res->pool, why ? why : "internal error");
	if (res->action == OM_ACT_REJECT)
		res->reply = om_pool_printf(res->pool, "%s Message refused by mail policy: message could not be checked",
					    conf->conf_reject_reply_code);
	if (raw == NULL && fd >= 0 && (raw = map_fd(fd, &maplen)) != NULL)
		len = maplen;
	om_act_plan(snap, res, env ? env->ref : NULL, raw, len);
	if (maplen)
		munmap((void *) raw, maplen);
	return (res);
}
