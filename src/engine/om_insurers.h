/*++
 * NAME
 *	om_insurers 3h
 * SUMMARY
 *	the insurers an agency works for: their mail domains and names
 * SYNOPSIS
 *	#include "om_insurers.h"
 * DESCRIPTION
 *	om_insurers_load() reads rules_dir/insurers.txt and the admin's
 *	insurers_file for a snapshot; om_insurers_of_domain() says which
 *	insurer a mail domain (or a parent domain) belongs to;
 *	om_insurers_named() finds another insurer's name in a text.
 *	om_detect_insurers() (om_scan.h) is the detector built on them.
 *--*/
#ifndef OM_INSURERS_H
#define OM_INSURERS_H

#include <stddef.h>

#include "om_conf.h"

typedef struct om_insurers om_insurers;

om_insurers *om_insurers_load(const om_conf *conf, om_conf_err *err);
void	om_insurers_free(om_insurers *ins);
size_t	om_insurers_count(const om_insurers *ins);
const char *om_insurers_of_domain(const om_insurers *ins, const char *domain);
const char *om_insurers_named(const om_insurers *ins, const char *text, const char *not_key);

#endif
