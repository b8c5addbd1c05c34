/*++
 * NAME
 *	fuzz_engine 1
 * SUMMARY
 *	libFuzzer target: any bytes as a message, through the whole engine
 * SYNOPSIS
 *	fuzz_engine [libFuzzer options] [CORPUS_DIR ...]
 * DESCRIPTION
 *	Hands each input to om_engine_scan() as a raw message (MIME parse,
 *	forgiving transfer decoding, charsets, attachments and archives,
 *	the rules, the policy) with the configuration named by
 *	OMAMORI_FUZZ_CONF, or the built-in one. Built by "make fuzz" in a
 *	tree configured with --enable-fuzzing (clang); see README.md.
 *
 *	A crash, a sanitizer report, a leak or an internal error that is not
 *	a limit is a finding; the input that caused it is written by
 *	libFuzzer as crash-* in the current directory.
 *--*/
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "om_conf.h"
#include "om_engine.h"
#include "om_log.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int	LLVMFuzzerInitialize(int *argc, char ***argv);

static om_conf *conf;

/* LLVMFuzzerInitialize - the configuration once, before the first input */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *path = getenv("OMAMORI_FUZZ_CONF");

	(void) argc;
	(void) argv;
	om_log_open("fuzz_engine", 0, 0);
	if (path && *path) {
		om_conf_err err;

		memset(&err, 0, sizeof(err));
		if ((conf = om_conf_load(path, &err)) == NULL) {
			fprintf(stderr, "fuzz_engine: %s\n", err.text);
			exit(2);
		}
	} else {
		conf = om_conf_builtin();
	}
	om_engine_global_init();
	return (0);
}

/* LLVMFuzzerTestOneInput - one message */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	om_result *res = om_engine_scan(conf, NULL, (const char *) data, size);

	om_result_free(res);
	return (0);
}
