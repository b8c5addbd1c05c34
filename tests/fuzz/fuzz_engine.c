/*++
 * NAME
 *	fuzz_engine 1
 * SUMMARY
 *	libFuzzer targets: any bytes as a message, or as an attachment,
 *	through the whole engine
 * SYNOPSIS
 *	fuzz_engine [libFuzzer options] [CORPUS_DIR ...]
 *	fuzz_attach [libFuzzer options] [CORPUS_DIR ...]
 * DESCRIPTION
 *	fuzz_engine hands each input to om_engine_scan() as a raw message (MIME parse,
 *	forgiving transfer decoding, charsets, attachments and archives,
 *	the rules, the policy) with the configuration named by
 *	OMAMORI_FUZZ_CONF, or the built-in one. fuzz_attach (this file
 *	built with FUZZ_ATTACHMENT) sends the input as the raw bytes of one
 *	attachment (Content-Transfer-Encoding: binary), so that mutations
 *	reach libarchive, the extractors and the encryption checks without
 *	going through base64 first. Built by "make fuzz" in a tree
 *	configured with --enable-fuzzing (clang); see README.md.
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

#include "om_snap.h"
#include "om_engine.h"
#include "om_log.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int	LLVMFuzzerInitialize(int *argc, char ***argv);

static om_snap *snap;

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
		if ((snap = om_snap_load(path, OM_SNAP_SCAN, &err)) == NULL) {
			fprintf(stderr, "fuzz_engine: %s\n", err.text);
			exit(2);
		}
	} else {
		snap = om_conf_builtin();
	}
	om_engine_global_init();
	return (0);
}

#ifdef FUZZ_ATTACHMENT
/* A boundary no mutation of a few bytes will write by chance. */
#define BOUNDARY "=_omamori_fuzz_7f3a9c2e51b84d06a1e5c0d9b2f4e813"

static const char head[] =
	"From: tanaka@sakura-hoken.example\r\nTo: yamamoto@partner.example\r\n"
	"Subject: fuzz\r\nMIME-Version: 1.0\r\n"
	"Content-Type: multipart/mixed; boundary=\"" BOUNDARY "\"\r\n\r\n"
	"--" BOUNDARY "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nsee attached\r\n"
	"--" BOUNDARY "\r\nContent-Type: application/octet-stream; name=\"file.bin\"\r\n"
	"Content-Disposition: attachment; filename=\"file.bin\"\r\n"
	"Content-Transfer-Encoding: binary\r\n\r\n";
static const char tail[] = "\r\n--" BOUNDARY "--\r\n";

/* LLVMFuzzerTestOneInput - one attachment */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t  n = sizeof(head) - 1 + size + sizeof(tail) - 1;
	char   *msg = malloc(n);
	om_result *res;

	if (msg == NULL)
		return (0);
	memcpy(msg, head, sizeof(head) - 1);
	if (size)
		memcpy(msg + sizeof(head) - 1, data, size);
	memcpy(msg + sizeof(head) - 1 + size, tail, sizeof(tail) - 1);
	res = om_engine_scan(snap, NULL, msg, n);
	om_result_free(res);
	free(msg);
	return (0);
}
#else
/* LLVMFuzzerTestOneInput - one message */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	om_result *res = om_engine_scan(snap, NULL, (const char *) data, size);

	om_result_free(res);
	return (0);
}
#endif
