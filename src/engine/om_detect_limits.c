/*++
 * NAME
 *	om_detect_limits 3
 * SUMMARY
 *	limits that cut the parse short become attach.unscannable
 * DESCRIPTION
 *	A message that could not be read in full is never taken as clean:
 *	each limit hit is a finding, and the policy for attach.unscannable
 *	decides (hold outbound by default).
 *--*/
#include "config.h"

#include "om_scan.h"

static const struct {
	unsigned bit;
	const char *rule;
} limit_rules[] = {
	{OM_LIMIT_SIZE, "limit.message_size"},
	{OM_LIMIT_DEPTH, "limit.mime_depth"},
	{OM_LIMIT_PARTS, "limit.mime_parts"},
	{OM_LIMIT_TEXT, "limit.text_size"},
	{OM_LIMIT_PARSE, "limit.parse_failed"},
	{OM_LIMIT_ADDRS, "limit.addresses"},
};

/* om_detect_limits - one finding per limit hit */
int
om_detect_limits(om_scan *scan)
{
	for (size_t i = 0; i < sizeof(limit_rules) / sizeof(limit_rules[0]); i++)
		if (scan->msg->limits & limit_rules[i].bit)
			om_scan_add(scan, "attach.unscannable", limit_rules[i].rule, "message", NULL, 1.0);
	return (0);
}
