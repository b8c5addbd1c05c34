/*++
 * NAME
 *	om_snap 3
 * SUMMARY
 *	build and share a running configuration
 * DESCRIPTION
 *	om_snap_build() takes a parsed configuration and loads, in order,
 *	the members the caller asked for. The first that fails stops it:
 *	a snapshot is whole or it is not handed out, so a reload that
 *	fails keeps the old one and a start refuses to run unprotected.
 *--*/
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "om_attack.h"
#include "om_audit.h"
#include "om_insurers.h"
#include "om_log.h"
#include "om_map.h"
#include "om_rules.h"
#include "om_snap.h"
#include "om_state.h"

/*
 * notice_key_load - the notice key a configuration names: 1 and the
 * key in out, 0 when it names none (a per-process key is used), -1 on
 * error (om_audit_error()).
 */
static int
notice_key_load(const om_conf *conf, int create, unsigned char out[OM_SNAP_KEY_LEN])
{
	static const char label[] = "omamori notice v1";
	unsigned char akey[OM_AUDIT_KEY_LEN];
	unsigned int len = 0;

	if (conf->conf_notice_key_file && *conf->conf_notice_key_file)
		return (om_audit_load_key(conf->conf_notice_key_file, create, out) < 0 ? -1 : 1);
	if (conf->conf_audit_log && *conf->conf_audit_log && conf->conf_audit_key_file) {
		if (om_audit_load_key(conf->conf_audit_key_file, create, akey) < 0)
			return (-1);
		if (HMAC(EVP_sha256(), akey, sizeof(akey), (const unsigned char *) label, sizeof(label) - 1,
			 out, &len) == NULL || len != OM_SNAP_KEY_LEN)
			om_panic("HMAC-SHA-256 failed");
		OPENSSL_cleanse(akey, sizeof(akey));
		return (1);
	}
	return (0);
}

/* snap_error - record a member's failure in err */
static void
snap_error(om_conf_err *err, const char *text)
{
	if (err == NULL)
		return;
	if (err->count == 0)
		snprintf(err->text, sizeof(err->text), "%.*s", (int) sizeof(err->text) - 1, text);
	err->count++;
}

/* om_snap_build - a snapshot of conf (one reference is taken) with what's members */
om_snap *
om_snap_build(om_conf *conf, unsigned what, om_conf_err *err)
{
	om_snap *snap = calloc(1, sizeof(*snap));
	char    text[sizeof(err->text)];

	if (snap == NULL)
		om_panic("out of memory");
	/* The caller's err may be fresh from the stack: start it empty. */
	if (err != NULL)
		memset(err, 0, sizeof(*err));
	snap->conf = om_conf_ref(conf);
	snap->what = what;
	snap->refcount = 1;
	if (what & OM_SNAP_RULES) {
		om_rules_err rerr;

		memset(&rerr, 0, sizeof(rerr));
		if ((snap->rules = om_rules_load_conf(conf, &rerr)) == NULL) {
			snap_error(err, rerr.text[0] ? rerr.text : "rules could not be loaded");
			goto fail;
		}
	}
	if ((what & OM_SNAP_MAPS) && om_maps_load(conf, &snap->freemail, &snap->manager, err) < 0)
		goto fail;
	if ((what & OM_SNAP_MAPS) && conf->conf_deputy_map) {
		/* "manager deputy" lines, read like manager_map. */
		snap->deputy = om_map_new();
		if (om_map_load(snap->deputy, conf->conf_deputy_map, 1, err) < 0)
			goto fail;
	}
	if ((what & OM_SNAP_MAPS) && (snap->insurers = om_insurers_load(conf, err)) == NULL)
		goto fail;
	if ((what & OM_SNAP_BRANDS) && (snap->brands = om_brands_load(conf, err)) == NULL)
		goto fail;
	if (what & (OM_SNAP_NOTICE | OM_SNAP_NOTICE_CREATE)) {
		int     st = notice_key_load(conf, (what & OM_SNAP_NOTICE_CREATE) != 0, snap->notice_key);

		/* Only the daemon needs the key; a tool goes on without it. */
		if (st < 0 && !(what & OM_SNAP_NOTICE_CREATE))
			om_debug("notice key: %s; notices will not verify", om_audit_error());
		else if (st < 0) {
			snprintf(text, sizeof(text), "notice key: %s", om_audit_error());
			snap_error(err, text);
			goto fail;
		}
		snap->has_notice_key = (st == 1);
	}
	if ((what & OM_SNAP_AUDIT) && conf->conf_audit_log && *conf->conf_audit_log) {
		if ((snap->audit = om_audit_open(conf)) == NULL) {
			snprintf(text, sizeof(text), "audit log %s: %s", conf->conf_audit_log, om_audit_error());
			snap_error(err, text);
			goto fail;
		}
		/* Records say which rule files judged them, and mask with them. */
		if (snap->rules) {
			om_audit_set_rules_version(snap->audit, om_rules_version(snap->rules));
			om_audit_set_rules(snap->audit, snap->rules);
		}
	}
	if ((what & OM_SNAP_STATE) && conf->conf_state && *conf->conf_state) {
		snap->state = om_state_open(conf->conf_state, (what & OM_SNAP_STATE_RO) ? OM_STATE_READONLY : 0,
					    (unsigned) conf->conf_state_timeout, text, sizeof(text));
		if (snap->state == NULL) {
			snap_error(err, text);
			goto fail;
		}
	}
	return (snap);

fail:
	om_snap_unref(snap);
	return (NULL);
}

/* om_snap_load - parse a configuration file (NULL: built-in defaults) and build */
om_snap *
om_snap_load(const char *path, unsigned what, om_conf_err *err)
{
	om_conf *conf = path ? om_conf_load(path, err) : om_conf_defaults(err);
	om_snap *snap;

	if (conf == NULL)
		return (NULL);
	snap = om_snap_build(conf, what, err);
	om_conf_unref(conf);
	return (snap);
}

/* om_snap_ref - one more holder */
om_snap *
om_snap_ref(om_snap *snap)
{
	__atomic_add_fetch(&snap->refcount, 1, __ATOMIC_ACQ_REL);
	return (snap);
}

/* om_snap_unref - one holder less; the last one frees every member */
void
om_snap_unref(om_snap *snap)
{
	if (snap == NULL || __atomic_sub_fetch(&snap->refcount, 1, __ATOMIC_ACQ_REL) > 0)
		return;
	if (snap->audit)
		om_audit_close(snap->audit);
	om_state_close(snap->state);
	om_brands_free(snap->brands);
	om_insurers_free(snap->insurers);
	om_map_free(snap->manager);
	om_map_free(snap->deputy);
	om_map_free(snap->freemail);
	om_rules_free(snap->rules);
	OPENSSL_cleanse(snap->notice_key, sizeof(snap->notice_key));
	om_conf_unref(snap->conf);
	free(snap);
}
