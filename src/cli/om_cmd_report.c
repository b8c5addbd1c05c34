/*++
 * NAME
 *	om_cmd_report 3
 *--*/
#include "config.h"

#include "om_cmd.h"

/* om_cmd_report - placeholder */
int
om_cmd_report(int argc, char **argv)
{
	return (2);
}
