/*
 * om_test.h - what every cmocka test file needs
 */
#ifndef OM_TEST_H
#define OM_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "om_attach.h"
#include "om_buf.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_mime.h"

/* assert_buf_eq - buffer holds exactly this C string */
#define assert_buf_eq(b, s) do { \
	assert_int_equal((b)->len, strlen(s)); \
	assert_memory_equal((b)->data, (s), strlen(s)); \
} while (0)

/* om_test_parse - a message read as the engine reads it: parse, then expand */
static inline om_msg *
om_test_parse(const om_conf *conf, const char *raw, size_t len)
{
	om_msg *m = om_mime_parse(conf, raw, len);

	if (m != NULL)
		om_attach_expand(conf, m);
	return (m);
}

/* om_test_b64 - base64 in lines of 76, as a mail client writes it */
static inline void
om_test_b64(const unsigned char *d, size_t n, om_buf *out)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned) d[i] << 16 | (i + 1 < n ? (unsigned) d[i + 1] << 8 : 0)
		| (i + 2 < n ? d[i + 2] : 0);

		om_buf_putc(out, tab[v >> 18 & 63]);
		om_buf_putc(out, tab[v >> 12 & 63]);
		om_buf_putc(out, i + 1 < n ? tab[v >> 6 & 63] : '=');
		om_buf_putc(out, i + 2 < n ? tab[v & 63] : '=');
		if (i % 57 == 54)
			om_buf_putc(out, '\n');
	}
	om_buf_putc(out, '\n');
}

/* om_test_write - DIR/NAME with TEXT; -1 when it cannot be written */
static inline int
om_test_write(const char *dir, const char *name, const char *text)
{
	char    path[512];
	FILE   *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL)
		return (-1);
	fputs(text, fp);
	return (fclose(fp) == 0 ? 0 : -1);
}

/*
 * om_test_conf - write DIR/omamori.conf with TEXT, load it and start the
 * engine; NULL (the error printed) when that fails
 */
static inline om_snap *
om_test_conf(const char *dir, const char *text)
{
	char    path[512];
	om_conf_err err;
	om_snap *snap;

	if (om_test_write(dir, "omamori.conf", text) < 0)
		return (NULL);
	snprintf(path, sizeof(path), "%s/omamori.conf", dir);
	memset(&err, 0, sizeof(err));
	if ((snap = om_snap_load(path, OM_SNAP_SCAN, &err)) == NULL) {
		fprintf(stderr, "%s\n", err.text);
		return (NULL);
	}
	om_engine_global_init();
	return (snap);
}

/* om_test_builtin - log as NAME, the built-in configuration, engine started */
static inline om_snap *
om_test_builtin(const char *name)
{
	om_conf *c;
	om_snap *snap;

	om_log_open(name, 0, 0);
	c = om_conf_defaults(NULL);
	snap = om_snap_build(c, 0, NULL);	/* the settings only: no rules */
	om_conf_unref(c);
	om_engine_global_init();
	return (snap);
}

/* om_test_stop - release a configuration and stop the engine */
static inline int
om_test_stop(om_snap *snap)
{
	om_snap_unref(snap);
	om_engine_global_shutdown();
	return (0);
}

/* om_test_done - release what om_test_conf() made, and remove DIR */
static inline int
om_test_done(om_snap *snap, const char *dir)
{
	char    cmd[600];

	om_test_stop(snap);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

#endif
