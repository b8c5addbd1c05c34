/*++
 * NAME
 *	om_cli 3h
 * SUMMARY
 *	helpers shared by the omamori subcommands
 *--*/
#ifndef OM_CLI_H
#define OM_CLI_H

#include "om_buf.h"
#include "om_conf.h"
#include "om_snap.h"

om_conf *om_cli_load_conf(const char *path);
om_snap *om_cli_load_snap(const char *path, unsigned what);
int	om_cli_read_input(const char *path, size_t limit, om_buf *out);
int	om_cli_is_help(const char *arg);
void	om_cli_usage(const char *text, int asked) __attribute__((noreturn));
int	om_cmd_rules(int argc, char **argv);
int	om_cmd_domains(int argc, char **argv);

#endif
