/*++
 * NAME
 *	om_result 3
 * SUMMARY
 *	a scan's result: release it, print it
 *--*/
#include "config.h"

#include <string.h>

#include "om_json.h"
#include "om_mask.h"
#include "om_msg.h"
#include "om_pool.h"
#include "om_result.h"

/* om_act_kind_name - a step's name, as "omamori scan" prints it */
const char *
om_act_kind_name(om_act_kind kind)
{
	switch (kind) {
	case OM_DO_DELETE_HEADER:
		return ("delete-header");
	case OM_DO_CHANGE_HEADER:
		return ("change-header");
	case OM_DO_ADD_HEADER:
		return ("add-header");
	case OM_DO_ADD_RCPT:
		return ("add-recipient");
	case OM_DO_QUARANTINE:
		return ("quarantine");
	case OM_DO_NOTICE:
		return ("notice");
	case OM_DO_REGISTER_DOMAIN:
		return ("register-domain");
	case OM_DO_REMEMBER:
		return ("remember");
	case OM_DO_DELAY:
		return ("delay");
	}
	return ("?");
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
	om_buf_puts(out, "],\"actions\":[");
	for (size_t i = 0; i < res->nacts; i++) {
		const om_act *a = res->acts + i;

		om_buf_puts(out, i ? ",{\"do\":" : "{\"do\":");
		om_json_str(out, om_act_kind_name(a->kind));
		if (a->name) {
			om_buf_puts(out, ",\"name\":");
			om_json_str(out, a->name);
		}
		if (a->index)
			om_buf_printf(out, ",\"index\":%u", a->index);
		if (a->value) {
			om_buf_puts(out, ",\"value\":");
			om_json_str(out, a->value);
		}
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
