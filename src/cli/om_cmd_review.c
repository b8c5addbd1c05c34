/*++
 * NAME
 *	om_cmd_review 3
 *--*/
#include "config.h"

#include "om_cmd.h"

/* om_cmd_review - placeholder */
int
om_cmd_review(int argc, char **argv)
{
	return (2);
}
