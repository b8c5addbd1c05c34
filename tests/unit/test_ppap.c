/*
 * test_ppap - an encrypted archive, then its password by mail to the
 * same people within ppap_window: attach.ppap, then attach.ppap_password.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "om_test.h"
#include "om_act.h"
#include "om_engine.h"
#include "om_snap.h"

static char dir[] = "/tmp/om_test_ppap.XXXXXX";
static om_snap *snap;
static om_buf zipmsg;			/* an outbound message with a ZipCrypto zip */

#define FROM	"tanaka@sakura-hoken.example"

/* judge - outbound from the firm to these recipients */
static om_result *
judge(const char *raw, const char **rcpt, size_t n)
{
	om_envelope env = {.from = FROM, .rcpt = rcpt, .nrcpt = n, .client_addr = "192.0.2.10", .ref = "P1"};

	return (om_engine_scan(snap, &env, raw, strlen(raw)));
}

/* has - a finding of this category */
static int
has(const om_result *res, const char *category)
{
	for (size_t i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].category, category) == 0)
			return (1);
	return (0);
}

/* password_mail - the second mail of the pair */
static const char *
password_mail(void)
{
	return ("From: " FROM "\r\nTo: yamada@kokyaku.example\r\nSubject: パスワード\r\n"
		"Content-Type: text/plain; charset=UTF-8\r\n\r\n"
		"先ほどお送りしたファイルのパスワードです。\r\nパスワード: Kq7#mP2x\r\n");
}

static int
setup(void **state)
{
	char    conf[1200], path[600], cmd[1200];
	om_conf_err err;
	FILE   *fp;
	unsigned char zip[65536];
	size_t  n;

	(void) state;
	om_log_open("test_ppap", 0, 0);
	if (mkdtemp(dir) == NULL)
		return (-1);
	snprintf(cmd, sizeof(cmd), "cd '%s' && printf '見積書です。\\n' > mitsumori.txt && "
		 "zip -q -X -e -P Kq7mP2x mitsumori.zip mitsumori.txt", dir);
	if (system(cmd) != 0)
		return (-1);
	snprintf(path, sizeof(path), "%s/mitsumori.zip", dir);
	if ((fp = fopen(path, "rb")) == NULL)
		return (-1);
	n = fread(zip, 1, sizeof(zip), fp);
	fclose(fp);
	om_buf_init(&zipmsg, 0);
	om_buf_puts(&zipmsg, "From: " FROM "\r\nTo: yamada@kokyaku.example\r\nSubject: お見積り\r\n"
		    "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
		    "Content-Type: text/plain; charset=UTF-8\r\n\r\nお見積りをお送りします。\r\n--b\r\n"
		    "Content-Type: application/zip; name=mitsumori.zip\r\n"
		    "Content-Disposition: attachment; filename=mitsumori.zip\r\n"
		    "Content-Transfer-Encoding: base64\r\n\r\n");
	om_test_b64(zip, n, &zipmsg);
	om_buf_puts(&zipmsg, "--b--\r\n");
	snprintf(conf, sizeof(conf), "internal_domains = sakura-hoken.example\ntrusted_networks = 192.0.2.0/24\n"
		 "rules_dir = " OM_RULES_SRCDIR "\naudit_log =\nstate = sqlite:%s/state.db\n", dir);
	if (om_test_write(dir, "omamori.conf", conf) < 0)
		return (-1);
	snprintf(path, sizeof(path), "%s/omamori.conf", dir);
	om_engine_global_init();
	snap = om_snap_load(path, OM_SNAP_SCAN | OM_SNAP_STATE, &err);
	if (snap == NULL)
		fprintf(stderr, "%s\n", err.text);
	return (snap ? 0 : -1);
}

static int
teardown(void **state)
{
	(void) state;
	om_buf_free(&zipmsg);
	return (om_test_done(snap, dir));
}

/* The archive, accepted, then the password to the same person: held. */
static void
test_pair(void **state)
{
	const char *r1[] = {"yamada@kokyaku.example"};
	const char *r2[] = {"suzuki@kokyaku.example"};
	om_result *res;
	int     remember = 0;

	(void) state;
	/* Before any archive: a password mail alone is nothing. */
	res = judge(password_mail(), r1, 1);
	assert_false(has(res, "attach.ppap_password"));
	om_result_free(res);

	res = judge(zipmsg.data, r1, 1);
	assert_true(has(res, "attach.ppap"));
	assert_true(has(res, "attach.encrypted_weak"));
	for (size_t i = 0; i < res->nacts; i++)
		if (res->acts[i].kind == OM_DO_REMEMBER) {
			remember++;
			assert_string_equal(res->acts[i].name, "ppap");
			assert_int_equal(res->acts[i].index, 900);
		}
	assert_int_equal(remember, 1);
	assert_int_equal(om_act_register(snap, res, "P1"), 0);
	om_result_free(res);

	res = judge(password_mail(), r1, 1);
	assert_true(has(res, "attach.ppap_password"));
	assert_int_equal(res->action, OM_ACT_HOLD);
	om_result_free(res);

	/*
	 * The password mail as Outlook sends it, the signature's logo inline
	 * (multipart/related, image001.png): still the pair. The same with
	 * the image as an attachment is an attachment mail, not a password mail.
	 */
	{
		static const unsigned char png[] = {
			0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R',
			0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
			0, 0, 0, 0x0d, 'I', 'D', 'A', 'T', 0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1,
			0x0d, 0x0a, 0x2d, 0xb4, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
		};
		const char *disp[] = {"inline", "attachment"};

		for (int k = 0; k < 2; k++) {
			om_buf  b;

			om_buf_init(&b, 0);
			om_buf_printf(&b, "From: " FROM "\r\nTo: yamada@kokyaku.example\r\nSubject: パスワード\r\n"
				      "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=r\r\n\r\n--r\r\n"
				      "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
				      "パスワード: Kq7#mP2x\r\n--r\r\nContent-Type: image/png; name=image001.png\r\n"
				      "Content-ID: <image001.png@01DA>\r\n"
				      "Content-Disposition: %s; filename=image001.png\r\n"
				      "Content-Transfer-Encoding: base64\r\n\r\n", disp[k]);
			om_test_b64(png, sizeof(png), &b);
			om_buf_puts(&b, "--r--\r\n");
			res = judge(b.data, r1, 1);
			if (k == 0)
				assert_true(has(res, "attach.ppap_password"));
			else
				assert_false(has(res, "attach.ppap_password"));
			om_result_free(res);
			om_buf_free(&b);
		}
	}

	/* Another recipient: not the pair. */
	res = judge(password_mail(), r2, 1);
	assert_false(has(res, "attach.ppap_password"));
	om_result_free(res);

	/* A long mail that mentions a password in passing: not a password mail. */
	{
		om_buf  b;

		om_buf_init(&b, 0);
		om_buf_puts(&b, "From: " FROM "\r\nTo: yamada@kokyaku.example\r\nSubject: ご案内\r\n"
			    "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
		for (int i = 0; i < 20; i++)
			om_buf_puts(&b, "来月のシステム更新では、ログイン画面のパスワード変更手順が新しくなります。\r\n");
		res = judge(b.data, r1, 1);
		assert_false(has(res, "attach.ppap_password"));
		om_result_free(res);
		om_buf_free(&b);
	}
}

/* Outside the window the password mail is on its own again. */
static void
test_window(void **state)
{
	const char *r[] = {"sato@kokyaku2.example"};
	char    raw[600];
	om_result *res;

	(void) state;
	res = judge(zipmsg.data, r, 1);
	for (size_t i = 0; i < res->nacts; i++)
		if (res->acts[i].kind == OM_DO_REMEMBER)
			res->acts[i].index = 1;		/* a one-second window */
	assert_int_equal(om_act_register(snap, res, "P2"), 0);
	om_result_free(res);
	sleep(2);
	snprintf(raw, sizeof(raw), "From: " FROM "\r\nTo: sato@kokyaku2.example\r\nSubject: pw\r\n\r\n"
		 "Password: Kq7mP2x\r\n");
	res = judge(raw, r, 1);
	assert_false(has(res, "attach.ppap_password"));
	om_result_free(res);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pair),
		cmocka_unit_test(test_window),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
