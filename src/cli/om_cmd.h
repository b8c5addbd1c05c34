/*++
 * NAME
 *	om_cmd 3h
 * SUMMARY
 *	the log, review and report subcommands, and what they share
 * DESCRIPTION
 *	om_cmd_log(), om_cmd_review() and om_cmd_report() are called from
 *	main() with argv[0] being the subcommand name. The helpers read
 *	audit log records (JSON Lines, parsed with json-glib) in file order.
 *--*/
#ifndef OM_CMD_H
#define OM_CMD_H

#include <stddef.h>
#include <time.h>

#include <json-glib/json-glib.h>

#include "om_conf.h"

int	om_cmd_log(int argc, char **argv);
int	om_cmd_review(int argc, char **argv);
int	om_cmd_report(int argc, char **argv);

/* Called for each record; non-zero stops the walk. */
typedef int (*om_cmd_rec_fn) (JsonObject *rec, const char *line, void *ctx);

char  **om_cmd_log_files(const om_conf *conf, size_t *n);
void	om_cmd_free_files(char **files, size_t n);
int	om_cmd_log_each(char *const *files, size_t n, om_cmd_rec_fn fn, void *ctx);
time_t	om_cmd_rec_time(JsonObject *rec);
int	om_cmd_parse_date(const char *s, int end_of_day, time_t *out);
const char *om_cmd_str(JsonObject *o, const char *name);
const char *om_cmd_user(void);

#endif
