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

#include "om_engine.h"
#include "om_mask.h"
#include "om_json.h"
#include "om_log.h"
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
	{"recipients", om_detect_recipients},
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

/* engine_run - detectors and decision over a parsed message */
static om_result *
engine_run(const om_conf *conf, const om_envelope *env, om_msg *msg)
{
	om_pool *pool = om_pool_new();
	om_result *res = om_pool_zalloc(pool, sizeof(*res));
	om_scan scan;
	int     failed = 0;

	res->pool = pool;
	res->msg = msg;
	memset(&scan, 0, sizeof(scan));
	scan.conf = conf;
	scan.msg = msg;
	scan.pool = pool;
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
	res->attack_score = scan.attack_score;
	res->attack_words = scan.attack_words;
	om_policy_decide(&scan, res, failed);
	return (res);
}

/* om_engine_scan - judge one message held in memory */
om_result *
om_engine_scan(const om_conf *conf, const om_envelope *env, const char *raw, size_t len)
{
	return (engine_run(conf, env, om_msg_parse(conf, raw, len)));
}

/* om_engine_scan_fd - judge one message held in a file */
om_result *
om_engine_scan_fd(const om_conf *conf, const om_envelope *env, int fd)
{
	return (engine_run(conf, env, om_msg_parse_fd(conf, fd)));
}

/* om_result_free - verdict, message and all */
void
om_result_free(om_result *res)
{
	if (res == NULL)
		return;
	om_msg_free(res->msg);
	om_pool_free(res->pool);
}

/* om_result_json - the "omamori scan" object, one line */
void
om_result_json(const om_result *res, om_buf *out)
{
	om_buf_puts(out, "{\"direction\":");
	om_json_str(out, om_direction_name(res->direction));
	om_buf_puts(out, ",\"action\":");
	om_json_str(out, om_action_name(res->action));
	om_buf_puts(out, ",\"findings\":[");
	for (size_t i = 0; i < res->nfindings; i++) {
		const om_finding *f = res->findings + i;

		om_buf_puts(out, i ? ",{" : "{");
		om_buf_puts(out, "\"category\":");
		om_json_str(out, f->category);
		om_buf_puts(out, ",\"rule\":");
		om_json_str(out, f->rule);
		om_buf_puts(out, ",\"where\":");
		if (f->where) {
			om_buf  w;

			/* A file name may hold a number: masked as in the audit log. */
			om_buf_init(&w, 0);
			om_mask_text(f->where, strlen(f->where), &w);
			om_json_str(out, w.data ? w.data : "");
			om_buf_free(&w);
		} else
			om_json_str(out, NULL);
		om_buf_printf(out, ",\"count\":%u", f->count);
		if (f->sample) {
			om_buf_puts(out, ",\"sample\":");
			om_json_str(out, f->sample);
		}
		om_buf_puts(out, ",\"action\":");
		om_json_str(out, om_action_name(f->action));
		om_buf_putc(out, '}');
	}
	om_buf_puts(out, "],\"reply\":");
	om_json_str(out, res->reply);
	if (res->reason) {
		om_buf_puts(out, ",\"reason\":");
		om_json_str(out, res->reason);
	}
	om_buf_puts(out, "}");
}
