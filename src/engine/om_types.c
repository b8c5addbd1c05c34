/*++
 * NAME
 *	om_types 3
 * SUMMARY
 *	names of directions, actions and scopes
 *--*/
#include "config.h"

#include <string.h>

#include "om_types.h"

static const char *const dir_names[OM_DIR_COUNT] = {
	"internal", "outbound", "inbound",
};

static const char *const act_names[OM_ACT_COUNT] = {
	"accept", "tag", "add-cc", "approve", "hold", "reject", "tempfail",
};

static const struct {
	om_scope scope;
	const char *name;
} scope_names[] = {
	{OM_SCOPE_BODY, "body"},
	{OM_SCOPE_SUBJECT, "subject"},
	{OM_SCOPE_HEADER, "header"},
	{OM_SCOPE_ATTACHMENT, "attachment"},
	{OM_SCOPE_FILENAME, "filename"},
};

/* om_direction_name - printable direction */
const char *
om_direction_name(om_direction d)
{
	return ((unsigned) d < OM_DIR_COUNT ? dir_names[d] : "unknown");
}

/* om_action_name - printable action */
const char *
om_action_name(om_action a)
{
	return ((unsigned) a < OM_ACT_COUNT ? act_names[a] : "unknown");
}

/* om_action_parse - action word to value; -1 if unknown */
int
om_action_parse(const char *s, om_action *a)
{
	for (int i = 0; i < OM_ACT_COUNT; i++) {
		if (strcmp(s, act_names[i]) == 0) {
			*a = (om_action) i;
			return (0);
		}
	}
	return (-1);
}

/* om_scope_name - printable scope */
const char *
om_scope_name(om_scope s)
{
	for (size_t i = 0; i < sizeof(scope_names) / sizeof(scope_names[0]); i++)
		if (scope_names[i].scope == s)
			return (scope_names[i].name);
	return ("unknown");
}

/* om_scope_parse - scope word to value; -1 if unknown */
int
om_scope_parse(const char *s, om_scope *sc)
{
	for (size_t i = 0; i < sizeof(scope_names) / sizeof(scope_names[0]); i++) {
		if (strcmp(s, scope_names[i].name) == 0) {
			*sc = scope_names[i].scope;
			return (0);
		}
	}
	return (-1);
}
