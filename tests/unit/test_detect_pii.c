/*
 * test_detect_pii - personal data in message texts and the body.pii
 * decision (om_detect_pii.c), through om_engine_scan on small invented
 * messages: what counts as an item, what is not customer data (the
 * firm's own phone, signatures, quoted signatures), alternatives counted
 * once, the thresholds pii_body_threshold, pii_body_min_kinds and
 * pii_body_many, and body.pii only for mail to external recipients.
 * All personal data here is invented (valid check digits, made-up names).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "om_test.h"
#include "om_snap.h"
#include "om_engine.h"
#include "om_log.h"
#include "om_scan.h"

#define DOMAIN	"sakura-hoken.example"
#define SENDER	"tanaka@" DOMAIN
#define CUSTOMER "kyaku@partner-shoji.example"
#define COLLEAGUE "suzuki@" DOMAIN

/* Invented: a My Number with a valid check digit, phones, a birth date. */
#define MYNUMBER	"123456789018"
#define MOBILE		"090-1234-5678"
#define MOBILE2		"080-2345-6789"
#define MOBILE3		"070-3456-7890"
#define OWN_PHONE	"03-1234-5678"
#define BIRTH		"昭和60年3月12日"
/* A birth date by an age after it: a weak item (a labelled one is high-risk). */
#define BIRTH_AGE	"1985年3月12日(40歳)"

static char dir[] = "/tmp/om_test_pii.XXXXXX";
static om_snap *snap;			/* pii_own_phones set */
static om_snap *plain_snap;		/* the built-in thresholds, no own phones */

/* load - DIR/NAME/omamori.conf with the test's settings and these */
static om_snap *
load(const char *name, const char *settings)
{
	char    sub[sizeof(dir) + 16], path[sizeof(sub) + 16], text[1024];
	om_conf_err err;
	om_snap *c;

	snprintf(sub, sizeof(sub), "%s/%s", dir, name);
	snprintf(path, sizeof(path), "%s/omamori.conf", sub);
	snprintf(text, sizeof(text), "internal_domains = " DOMAIN "\nrules_dir = " OM_RULES_SRCDIR "\n%s\n",
		 settings);
	if ((mkdir(sub, 0700) < 0 && errno != EEXIST) || om_test_write(sub, "omamori.conf", text) < 0)
		return (NULL);
	memset(&err, 0, sizeof(err));
	if ((c = om_snap_load(path, OM_SNAP_SCAN, &err)) == NULL)
		fprintf(stderr, "%s\n", err.text);
	return (c);
}

static int
setup(void **state)
{
	(void) state;
	om_log_open("test_detect_pii", 0, 0);
	if (mkdtemp(dir) == NULL)
		return (-1);
	om_engine_global_init();
	snap = load("own", "pii_own_phones = " OWN_PHONE ", 0120-000-000");
	plain_snap = load("plain", "");
	return (snap && plain_snap ? 0 : -1);
}

static int
teardown(void **state)
{
	(void) state;
	om_snap_unref(plain_snap);
	return (om_test_done(snap, dir));
}

/* with - a configuration with these settings over the test's own */
static om_snap *
with(const char *settings)
{
	om_snap *c = load("with", settings);

	assert_non_null(c);
	return (c);
}

/* scan_as - a message from SENDER (from the firm) to RCPT */
static om_result *
scan_as(const om_snap *c, const char *from, const char *rcpt, const char *client, const char *raw)
{
	om_envelope env;
	const char *rcpts[1];

	memset(&env, 0, sizeof(env));
	rcpts[0] = rcpt;
	env.from = from;
	env.rcpt = rcpts;
	env.nrcpt = 1;
	env.client_addr = client;
	return (om_engine_scan(c, &env, raw, strlen(raw)));
}

/* mail - a plain text message with this body */
static char *
mail(const char *body)
{
	om_buf  b;

	om_buf_init(&b, 0);
	om_buf_printf(&b, "From: Tanaka <" SENDER ">\nTo: <" CUSTOMER ">\nSubject: ご連絡\n"
		      "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
		      "Content-Transfer-Encoding: 8bit\n\n%s\n", body);
	return (om_buf_steal(&b, NULL));
}

/* out - a plain text message from the firm to a customer */
static om_result *
out(const om_snap *c, const char *body)
{
	char   *raw = mail(body);
	om_result *res = scan_as(c, SENDER, CUSTOMER, "127.0.0.1", raw);

	free(raw);
	return (res);
}

/* count - summed count of a category's findings */
static unsigned
count(const om_result *res, const char *category)
{
	unsigned n = 0;

	for (size_t i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].category, category) == 0)
			n += res->findings[i].count;
	return (n);
}

/* findings - the findings in one line, for failure messages */
static const char *
findings(const om_result *res)
{
	static char line[2048];
	size_t  len = 0;

	line[0] = 0;
	for (size_t i = 0; i < res->nfindings && len < sizeof(line) - 200; i++)
		len += (size_t) snprintf(line + len, sizeof(line) - len, "%s%s/%s@%s x%u", i ? ", " : "",
					 res->findings[i].category, res->findings[i].rule,
					 res->findings[i].where, res->findings[i].count);
	return (line);
}

#define want(res, cat, n) do { if (count((res), (cat)) != (n)) \
	fail_msg("line %d: %s x%u, want %u: %s", __LINE__, (cat), count((res), (cat)), (unsigned) (n), \
		 findings(res)); } while (0)

/* One labelled high-risk item: found, masked, and body.pii on its own. */
static void
test_single_item(void **state)
{
	om_result *res;

	(void) state;
	res = out(snap, "山田様の個人番号は " MYNUMBER " です。");
	want(res, "pii.mynumber", 1);
	want(res, "body.pii", 1);
	assert_int_equal(res->action, OM_ACT_REJECT);
	for (size_t i = 0; i < res->nfindings; i++)
		if (res->findings[i].sample && strstr(res->findings[i].sample, "56789018"))
			fail_msg("sample not masked: %s", res->findings[i].sample);
	om_result_free(res);

	/* The same number failing its check digit is no My Number. */
	res = out(snap, "山田様の個人番号は 123456789012 です。");
	want(res, "pii.mynumber", 0);
	want(res, "body.pii", 0);
	om_result_free(res);

	/* One weaker item is reported but is not customer data on its own. */
	res = out(snap, "ご連絡先 携帯 " MOBILE " までお願いします。");
	want(res, "pii.phone", 1);
	want(res, "body.pii", 0);
	assert_int_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
}

/*
 * One item under a label that says it is a customer's is customer data on
 * its own; the same item without such a label, a customer desk's number
 * and a greeting are not.
 */
static void
test_customer_label(void **state)
{
	static const struct {
		const char *body;
		int	body_pii;
	} c[] = {
		{"お客様の電話番号：" MOBILE, 1},
		{"契約者氏名：山田 太郎", 1},
		{"ご連絡先メール：taro.yamada@example.net", 1},
		{"被保険者の生年月日：" BIRTH, 1},
		{"お客様（山田様）の携帯番号は\n" MOBILE " です。", 1},
		{"お客様ご住所\n〒150-0001 東京都渋谷区神宮前9-8-7", 1},
		{"Policyholder's phone: " MOBILE, 1},
		{"携帯 " MOBILE " までご連絡ください。", 0},
		{"氏名：山田 太郎", 0},
		{"お客様相談室 電話 " MOBILE, 0},
		{"山田 太郎 様\n\nお世話になっております。", 0},
		{"お客様の電話番号は、お申込書に記載のとおりです。" MOBILE, 0},
	};
	om_result *res;

	(void) state;
	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		res = out(snap, c[i].body);
		if ((count(res, "body.pii") > 0) != c[i].body_pii)
			fail_msg("\"%s\": body.pii %s, want %s", c[i].body,
				 c[i].body_pii ? "missing" : "given", c[i].body_pii ? "it" : "none");
		om_result_free(res);
	}
}

/*
 * The firm's own phone (pii_own_phones) is not customer data, wherever
 * it stands; with the built-in empty list the same number counts.
 */
static void
test_own_phone(void **state)
{
	static const char body[] =
		"お問い合わせは 電話 " OWN_PHONE " まで。\n"
		"ご本人 " BIRTH_AGE " を確認しました。";
	om_result *res;

	(void) state;
	res = out(snap, body);
	want(res, "pii.phone", 0);
	want(res, "pii.birthdate", 1);
	want(res, "body.pii", 0);
	om_result_free(res);

	res = out(plain_snap, body);
	want(res, "pii.phone", 1);
	want(res, "pii.birthdate", 1);
	want(res, "body.pii", 1);
	om_result_free(res);

	/* Written without separators: still the firm's. */
	res = out(snap, "お問い合わせは 電話 0312345678 まで。\n" BIRTH_AGE);
	want(res, "pii.phone", 0);
	want(res, "body.pii", 0);
	om_result_free(res);
}

/* The sender's signature is not customer data, with or without the list. */
static void
test_signature(void **state)
{
	static const char body[] =
		"山田様\n\nいつもお世話になっております。資料をお送りします。\n\n"
		"-- \n田中 一郎\n株式会社さくら保険 営業部\nTEL " OWN_PHONE "\n携帯 " MOBILE2 "\n"
		"〒100-0001 東京都千代田区千代田1-1\n";
	om_result *res;

	(void) state;
	res = out(plain_snap, body);
	want(res, "pii.phone", 0);
	want(res, "pii.postal_code", 0);
	want(res, "pii.address", 0);
	want(res, "body.pii", 0);
	om_result_free(res);

	/* After "-- ", no company needed: a few lines are the signature. */
	res = out(plain_snap, "よろしくお願いします。\n-- \nたなか いちろう\n携帯 " MOBILE2 "\n");
	want(res, "pii.phone", 0);
	om_result_free(res);

	/* A company and contact block that names a customer is no signature. */
	res = out(plain_snap, "下記のとおりです。\n\n株式会社パートナー商事 契約者 山田 花子\n"
		  "携帯 " MOBILE "\n生年月日 " BIRTH "\n");
	want(res, "pii.phone", 1);
	want(res, "pii.birthdate", 1);
	want(res, "body.pii", 1);
	om_result_free(res);

	/* The signer's mobile, told again in the text, is the signer's too. */
	res = out(plain_snap, "山田様\n\n急ぎの際は携帯 080 2345 6789 までお電話ください。\n\n"
		  "-- \n田中 一郎\n株式会社さくら保険 営業部\nTEL " OWN_PHONE "\n携帯 " MOBILE2 "\n");
	want(res, "pii.phone", 0);
	om_result_free(res);
}

/*
 * Quoted lines ("> ") are judged at their own quote level: a quoted
 * signature is not customer data, but customer data quoted under the
 * sender's signature is (the "-- " block ends where the quoting
 * changes), and so is customer data in a quoted message.
 */
static void
test_quoted(void **state)
{
	om_result *res;

	(void) state;
	res = out(plain_snap, "承知しました。\n\n"
		  "2026年12月1日 山田 花子 <hanako@partner-shoji.example>:\n"
		  "> ご担当者様\n> よろしくお願いします。\n> \n"
		  "> -- \n> 山田 花子\n> 株式会社パートナー商事 総務部\n> TEL 06-1234-5678\n> 携帯 " MOBILE3 "\n");
	want(res, "pii.phone", 0);
	want(res, "body.pii", 0);
	om_result_free(res);

	res = out(plain_snap, "承知しました。\n"
		  "-- \n田中 一郎\n株式会社さくら保険 営業部\nTEL " OWN_PHONE "\n"
		  "> お客様 携帯 " MOBILE "\n> 生年月日 " BIRTH "\n");
	want(res, "pii.phone", 1);
	want(res, "pii.birthdate", 1);
	want(res, "body.pii", 1);
	om_result_free(res);

	res = out(plain_snap, "転送します。\n\n> 契約者 山田 花子 様\n> 携帯 " MOBILE "\n> 生年月日 " BIRTH "\n");
	want(res, "pii.phone", 1);
	want(res, "pii.birthdate", 1);
	want(res, "body.pii", 1);
	om_result_free(res);
}

/* mail_alt - a multipart/alternative message, text and HTML */
static char *
mail_alt(const char *text, const char *html)
{
	om_buf  b;

	om_buf_init(&b, 0);
	om_buf_printf(&b, "From: Tanaka <" SENDER ">\nTo: <" CUSTOMER ">\nSubject: ご連絡\n"
		      "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"alt\"\n\n"
		      "--alt\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n%s\n"
		      "--alt\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
		      "<html><body>%s</body></html>\n--alt--\n", text, html);
	return (om_buf_steal(&b, NULL));
}

/* out_alt - the same, scanned from the firm to a customer */
static om_result *
out_alt(const om_snap *c, const char *text, const char *html)
{
	char   *raw = mail_alt(text, html);
	om_result *res = scan_as(c, SENDER, CUSTOMER, "127.0.0.1", raw);

	free(raw);
	return (res);
}

/*
 * The alternatives of a multipart/alternative are one text told twice:
 * each finding at its greatest count in any one alternative, not the
 * sum, and values told in both are one value each.
 */
static void
test_alternative(void **state)
{
	om_result *res;

	(void) state;
	res = out_alt(plain_snap, "携帯 " MOBILE "\n携帯 " MOBILE2,
		      "<p>携帯 " MOBILE "</p><p>携帯 " MOBILE2 "</p>");
	want(res, "pii.phone", 2);
	/* Two values, not four: under pii_body_many (3). */
	want(res, "body.pii", 0);
	om_result_free(res);

	/* The greater of the two: 1 in the text, 3 in the HTML. */
	res = out_alt(plain_snap, "携帯 " MOBILE,
		      "<p>携帯 " MOBILE "</p><p>携帯 " MOBILE2 "</p><p>携帯 " MOBILE3 "</p>");
	want(res, "pii.phone", 3);
	want(res, "body.pii", 1);
	om_result_free(res);

	/*
	 * The evidence too: the weight of body.pii is one alternative's,
	 * as for the same number in a single text.
	 */
	{
		om_result *one = out(plain_snap, "マイナンバー " MYNUMBER);
		const om_finding *a = NULL, *b = NULL;

		res = out_alt(plain_snap, "マイナンバー " MYNUMBER, "<p>マイナンバー " MYNUMBER "</p>");
		want(res, "pii.mynumber", 1);
		for (size_t i = 0; i < res->nfindings; i++)
			if (strcmp(res->findings[i].category, "body.pii") == 0)
				a = res->findings + i;
		for (size_t i = 0; i < one->nfindings; i++)
			if (strcmp(one->findings[i].category, "body.pii") == 0)
				b = one->findings + i;
		assert_non_null(a);
		assert_non_null(b);
		assert_true(b->score >= 10.0);
		if (a->score != b->score)
			fail_msg("body.pii weighs %g in two alternatives, %g in one text", a->score, b->score);
		om_result_free(one);
		om_result_free(res);
	}

	/* Different kinds in different alternatives still describe a person. */
	res = out_alt(plain_snap, "携帯 " MOBILE, "<p>生年月日 " BIRTH "</p>");
	want(res, "pii.phone", 1);
	want(res, "pii.birthdate", 1);
	want(res, "body.pii", 1);
	om_result_free(res);

	/* A part outside the alternative adds to it. */
	{
		static const char raw[] =
			"From: Tanaka <" SENDER ">\nTo: <" CUSTOMER ">\nSubject: ご連絡\n"
			"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"mix\"\n\n"
			"--mix\nContent-Type: multipart/alternative; boundary=\"alt\"\n\n"
			"--alt\nContent-Type: text/plain; charset=UTF-8\n\n携帯 " MOBILE "\n"
			"--alt\nContent-Type: text/html; charset=UTF-8\n\n<p>携帯 " MOBILE "</p>\n--alt--\n"
			"--mix\nContent-Type: text/plain; charset=UTF-8\n\n追記: 携帯 " MOBILE "\n--mix--\n";

		res = scan_as(plain_snap, SENDER, CUSTOMER, "127.0.0.1", raw);
		want(res, "pii.phone", 2);
		om_result_free(res);
	}
}

/*
 * The thresholds: pii_body_min_kinds different kinds, pii_body_many
 * distinct values of one kind, or one item at pii_body_threshold.
 */
static void
test_thresholds(void **state)
{
	static const char two_kinds[] = "携帯 " MOBILE "\n" BIRTH_AGE;
	static const char three_phones[] = "携帯 " MOBILE "\n携帯 " MOBILE2 "\n携帯 " MOBILE3;
	static const char one_phone_thrice[] = "携帯 " MOBILE "\n携帯 " MOBILE "\n携帯 090 1234 5678";
	static const char two_phones[] = "携帯 " MOBILE "\n携帯 " MOBILE2;
	static const char mynumber[] = "マイナンバー " MYNUMBER;
	om_snap *c;
	om_result *res;

	(void) state;
	/* Built in: 2 kinds, 3 values, weight 10. */
	res = out(plain_snap, two_kinds);
	want(res, "body.pii", 1);
	om_result_free(res);
	res = out(plain_snap, three_phones);
	want(res, "pii.phone", 3);
	want(res, "body.pii", 1);
	om_result_free(res);
	res = out(plain_snap, two_phones);
	want(res, "body.pii", 0);
	om_result_free(res);
	/* One value three times is one value. */
	res = out(plain_snap, one_phone_thrice);
	want(res, "pii.phone", 3);
	want(res, "body.pii", 0);
	om_result_free(res);

	c = with("pii_body_min_kinds = 3");
	res = out(c, two_kinds);
	want(res, "body.pii", 0);
	om_result_free(res);
	res = out(c, "携帯 " MOBILE "\n" BIRTH_AGE "\nメール hanako.yamada@example.net");
	want(res, "pii.email", 1);
	want(res, "body.pii", 1);
	om_result_free(res);
	om_snap_unref(c);

	c = with("pii_body_many = 4");
	res = out(c, three_phones);
	want(res, "body.pii", 0);
	om_result_free(res);
	res = out(c, "携帯 " MOBILE "\n携帯 " MOBILE2 "\n携帯 " MOBILE3 "\n携帯 090-9876-5432");
	want(res, "body.pii", 1);
	om_result_free(res);
	om_snap_unref(c);

	c = with("pii_body_many = 2");
	res = out(c, two_phones);
	want(res, "body.pii", 1);
	om_result_free(res);
	om_snap_unref(c);

	/* My Number weighs 10, 11 with its label: not alone at 12. */
	res = out(plain_snap, mynumber);
	want(res, "body.pii", 1);
	om_result_free(res);
	c = with("pii_body_threshold = 12");
	res = out(c, mynumber);
	want(res, "pii.mynumber", 1);
	want(res, "body.pii", 0);
	om_result_free(res);
	/* ... but it is still a kind of its own. */
	res = out(c, "マイナンバー " MYNUMBER "\n携帯 " MOBILE);
	want(res, "body.pii", 1);
	om_result_free(res);
	om_snap_unref(c);

	/* A phone (weight 3) counts alone at threshold 3, not at 4. */
	c = with("pii_body_threshold = 3");
	res = out(c, "携帯 " MOBILE);
	want(res, "body.pii", 1);
	om_result_free(res);
	om_snap_unref(c);
	c = with("pii_body_threshold = 4");
	res = out(c, "携帯 " MOBILE);
	want(res, "body.pii", 0);
	om_result_free(res);
	om_snap_unref(c);
}

/*
 * om_pii_says_pii on its own: each threshold at its edge. The counts
 * come from om_pii_score_text; kinds are bits, values per kind.
 */
static void
test_says_pii(void **state)
{
	om_pii_score s;

	(void) state;
	memset(&s, 0, sizeof(s));
	assert_int_equal(om_pii_says_pii(plain_snap->conf, &s), 0);
	s.kinds = 1u << 1;
	s.nvalues[1] = 2;
	assert_int_equal(om_pii_says_pii(plain_snap->conf, &s), 0);
	s.nvalues[1] = 3;
	assert_int_equal(om_pii_says_pii(plain_snap->conf, &s), 1);
	s.nvalues[1] = 2;
	s.kinds |= 1u << 4;
	assert_int_equal(om_pii_says_pii(plain_snap->conf, &s), 1);
	memset(&s, 0, sizeof(s));
	s.high = 1;
	assert_int_equal(om_pii_says_pii(plain_snap->conf, &s), 1);
	memset(&s, 0, sizeof(s));
	s.kinds = 1u << 14;
	s.nvalues[OM_PII_KINDS - 1] = 3;
	assert_int_equal(om_pii_says_pii(plain_snap->conf, &s), 1);
}

/* text_score - om_pii_score_text of one body text, outbound */
static void
text_score(const char *body, om_pii_score *sc, size_t *nfindings)
{
	om_scan scan;
	om_text t;
	const char *rcpts[1] = {CUSTOMER};
	unsigned char ext[1] = {1};

	memset(&scan, 0, sizeof(scan));
	scan.snap = snap;
	scan.conf = snap->conf;
	scan.pool = om_pool_new();
	scan.direction = OM_DIR_OUTBOUND;
	scan.sender = SENDER;
	scan.rcpts = rcpts;
	scan.nrcpts = 1;
	scan.rcpt_external = ext;
	scan.n_external = 1;
	scan.outbound_checks = 1;
	memset(&t, 0, sizeof(t));
	t.scope = OM_SCOPE_BODY;
	t.where = "body";
	t.text = body;
	t.len = strlen(body);
	t.part = 0;
	memset(sc, 0, sizeof(*sc));
	assert_int_equal(om_pii_score_text(&scan, &t, sc), 0);
	*nfindings = scan.nfindings;
	om_pool_free(scan.pool);
}

/* The evidence of one text: items, weights, kinds, distinct values. */
static void
test_score_text(void **state)
{
	om_pii_score sc;
	size_t  nf;

	(void) state;
	text_score("携帯 " MOBILE "\n携帯 " MOBILE "\n携帯 " MOBILE2 "\n" BIRTH_AGE, &sc, &nf);
	assert_int_equal(sc.items, 4);
	assert_true(sc.total >= 12.0);
	assert_int_equal(sc.high, 0);
	assert_int_equal(sc.kinds, (1u << 1) | (1u << 4));
	assert_int_equal(sc.nvalues[1], 2);
	assert_int_equal(sc.nvalues[4], 1);
	assert_int_equal(nf, 2);

	text_score("個人番号 " MYNUMBER, &sc, &nf);
	assert_int_equal(sc.items, 1);
	assert_int_equal(sc.high, 1);
	/* A high item is no "kind": it already counts on its own. */
	assert_int_equal(sc.kinds, 0);

	/* The firm's own phone and a URL add nothing. */
	text_score("電話 " OWN_PHONE "\nhttps://example.jp/a/09012345678/b", &sc, &nf);
	assert_int_equal(sc.items, 0);
	assert_int_equal(nf, 0);

	text_score("", &sc, &nf);
	assert_int_equal(sc.items, 0);
}

/*
 * Guard: a text with many matches (a customer list) resolves overlapping
 * matches as one with few does: each category counts the same per line,
 * whether the line is alone or one of a hundred. (Past a number of
 * matches the overlaps are found another way; both must agree.)
 */
static void
test_many_matches(void **state)
{
	static const char *const cats[] = {"pii.name", "pii.phone", "pii.birthdate", "pii.postal_code",
	"pii.address", "pii.mynumber", NULL};
	static const char line[] = "契約者 山田 花子 様 携帯 " MOBILE " 生年月日 " BIRTH
	    " 〒150-0001 東京都渋谷区神宮前1-2-3 個人番号 " MYNUMBER "\n";
	om_buf  body;
	om_result *one, *many;
	char   *b1;

	(void) state;
	om_buf_init(&body, 0);
	for (int i = 0; i < 100; i++)
		om_buf_puts(&body, line);
	om_buf_putc(&body, 0);
	b1 = strdup(line);
	one = out(plain_snap, b1);
	many = out(plain_snap, body.data);
	for (int c = 0; cats[c]; c++)
		if (count(many, cats[c]) != 100 * count(one, cats[c]))
			fail_msg("%s: %u in 100 lines, %u in one: %s", cats[c], count(many, cats[c]),
				 count(one, cats[c]), findings(one));
	assert_true(count(one, "pii.phone") == 1);
	om_result_free(one);
	om_result_free(many);
	free(b1);
	om_buf_free(&body);
}

/*
 * body.pii is for mail to an external recipient only; the pii.*
 * findings themselves are reported in every direction.
 */
static void
test_direction(void **state)
{
	char   *raw = mail("契約者 山田 花子 様\n携帯 " MOBILE "\n生年月日 " BIRTH);
	om_result *res;

	(void) state;
	res = scan_as(snap, SENDER, CUSTOMER, "127.0.0.1", raw);
	assert_int_equal(res->direction, OM_DIR_OUTBOUND);
	want(res, "body.pii", 1);
	assert_int_equal(res->action, OM_ACT_REJECT);
	om_result_free(res);

	res = scan_as(snap, SENDER, COLLEAGUE, "127.0.0.1", raw);
	assert_int_equal(res->direction, OM_DIR_INTERNAL);
	want(res, "pii.phone", 1);
	want(res, "pii.birthdate", 1);
	want(res, "body.pii", 0);
	om_result_free(res);

	free(raw);
	raw = mail("契約者 山田 花子 様\n携帯 " MOBILE "\n生年月日 " BIRTH);
	memcpy(strstr(raw, SENDER), "kyaku@partner-shoji", 19);
	res = scan_as(snap, CUSTOMER, COLLEAGUE, "198.51.100.7", raw);
	assert_int_equal(res->direction, OM_DIR_INBOUND);
	want(res, "pii.phone", 1);
	want(res, "body.pii", 0);
	assert_int_equal(res->action, OM_ACT_ACCEPT);
	om_result_free(res);
	free(raw);
}

/* One case: a body, a category and how many findings of it to want. */
typedef struct {
	const char *body;
	const char *category;
	unsigned want;
} pii_case;

/* run_cases - each body scanned on its own, without pii_own_phones; all told */
static void
run_cases(const pii_case *c, size_t n)
{
	int     failed = 0;

	for (size_t i = 0; i < n; i++) {
		om_result *res = out(plain_snap, c[i].body);

		if (count(res, c[i].category) != c[i].want) {
			print_error("\"%s\": %s x%u, want %u: %s\n", c[i].body, c[i].category,
				    count(res, c[i].category), c[i].want, findings(res));
			failed++;
		}
		om_result_free(res);
	}
	if (failed)
		fail_msg("%d of %zu cases", failed, n);
}

/*
 * Roles and honorifics (被保険者様, 受取人, 法定相続人) and company names
 * with 様 are not a person's name; a name under the same labels is.
 */
static void
test_roles_not_names(void **state)
{
	static const pii_case c[] = {
		{"保険金の受取人は被保険者様となります。\n被保険者様のご署名をお願いします。", "pii.name", 0},
		{"ご確認ください。\n受取人 被保険者様\n", "pii.name", 0},
		{"先日、北村商事様より見積依頼がありました。", "pii.name", 0},
		{"ご確認ください。\n受取人：法定相続人\n契約者：北村商事株式会社\n", "pii.name", 0},
		{"書類の欄は 契約者 被保険者 受取人 の順です。", "pii.name", 0},
		/* Guards: names under the same labels. */
		{"ご確認ください。\n受取人：山田 花子\n契約者：山田 太郎\n", "pii.name", 2},
		{"先日、長谷川 由美子 様より見積依頼がありました。", "pii.name", 1},
	};

	(void) state;
	run_cases(c, sizeof(c) / sizeof(c[0]));
}

/*
 * A business's landline and postal code (代表, 支店, FAX, a company on
 * the line or the line above) are not a customer's; a mobile, a home
 * phone and a customer's postal code are.
 */
static void
test_business_contacts(void **state)
{
	static const pii_case c[] = {
		{"弊社代表番号 03-5211-4321 までご連絡ください。", "pii.phone", 0},
		{"ご不明な点は当社 大阪支店（電話 06-6345-1111）へお問い合わせください。", "pii.phone", 0},
		{"窓口は北村商事の鈴木様です。電話 03-5211-4321（代表）", "pii.phone", 0},
		{"株式会社みなと物流様（〒455-0001）に発送しました。お電話は 052-654-3210 です。",
		 "pii.phone", 0},
		{"株式会社みなと物流様（〒455-0001）に発送しました。お電話は 052-654-3210 です。",
		 "pii.postal_code", 0},
		{"請求書の送付先は下記のとおりです。\n〒530-0001 大阪府大阪市北区梅田1-1-1\n"
		 "北村商事株式会社 経理部 御中\n", "pii.postal_code", 0},
		{"取引先の情報です。\n会社名：北村商事\n電話：03-5211-4321\n", "pii.phone", 0},
		/* Guards: a person's phone and a customer's postal code stay. */
		{"本件は株式会社みなと物流の鈴木様のご担当です。\n鈴木様の携帯 " MOBILE " にお電話ください。",
		 "pii.phone", 1},
		{"勤務先は北村商事株式会社の大阪工場で、平日は不在がちです。\n自宅 03-3456-7890\n",
		 "pii.phone", 1},
		{"お客様のご住所は\n〒150-0001 東京都渋谷区神宮前9-8-7\nです。", "pii.postal_code", 1},
		/*
		 * Guard: the signer's mobile told in the text is the signer's
		 * even when the signature's Fax line vetoes it there.
		 */
		{"明日は外出します。急ぎの際は私の携帯（" MOBILE2 "）までご連絡ください。\n\n"
		 "━━━━━━━━━━━━━━━━━━━━\n株式会社さくら保険サービス\n高田 健\n"
		 "Tel.03-6228-4410  Fax.03-6228-4411\n携帯：" MOBILE2 "\n"
		 "━━━━━━━━━━━━━━━━━━━━\n", "pii.phone", 0},
	};

	(void) state;
	run_cases(c, sizeof(c) / sizeof(c[0]));
}

/*
 * Notices, seminars and product texts about illness or crime victims
 * concern nobody in particular; a statement about a person does, in
 * the words of illness, treatment and criminal proceedings.
 */
static void
test_general_notices(void **state)
{
	static const pii_case c[] = {
		{"がん保険のご案内\n\nがんと診断されたときに一時金をお支払いします。"
		 "治療中の方もご相談ください。", "sensitive", 0},
		{"犯罪被害者等給付金制度について\n\n犯罪被害者やご家族の方を支援する制度です。", "sensitive", 0},
		{"セミナーのご案内: 認知症と介護、糖尿病の予防について専門医が講演します。"
		 "皆様のご参加をお待ちしております。", "sensitive", 0},
		{"新商品: 持病がある方でも入りやすい医療保険です。", "sensitive", 0},
		{"虐待防止研修のお知らせ\n被害届の出し方について説明します。", "sensitive", 0},
		{"がん保険のご案内\n\nがんと診断されたときに一時金をお支払いします。"
		 "治療中の方もご相談ください。", "body.pii", 0},
		/* Guards: statements about a person. */
		{"山田様は現在治療中です。", "sensitive", 1},
		{"息子さんが虐待を受けていたとのことです。", "sensitive", 1},
		{"山田様は昨年、詐欺の被害に遭われ、警察に相談中です。", "sensitive", 1},
		{"山田様は適応障害のため、先月から病気休職されています。", "sensitive", 2},
		{"ご子息が書類送検されたと伺いました。", "sensitive", 1},
	};

	(void) state;
	run_cases(c, sizeof(c) / sizeof(c[0]));
}

/* Birth dates as forms write them: the western year beside the era, an age. */
static void
test_birthdate_forms(void **state)
{
	static const pii_case c[] = {
		{"被保険者の生年月日：昭和60年(1985年)3月12日", "pii.birthdate", 1},
		{"生年月日 1985年（昭和60年）3月12日", "pii.birthdate", 1},
		{"ご家族: 山田 一郎 平成22年5月1日（満15歳）", "pii.birthdate", 1},
		{"事故日 2024年4月1日（40歳）", "pii.birthdate", 0},
	};

	(void) state;
	run_cases(c, sizeof(c) / sizeof(c[0]));
}

/*
 * An address on a header line of a quoted or forwarded mail (From:,
 * 差出人:) is the insurer's or partner's mailbox, routing; a free-mail
 * address there is still a customer's, and so is a labelled one.
 */
static void
test_quoted_headers(void **state)
{
	static const pii_case c[] = {
		{"ご確認ください。\n\n> -----Original Message-----\n"
		 "> From: Yamada Taro <t.yamada@aozora-sonpo.example>\n"
		 "> Sent: Monday, March 3, 2025 10:00 AM\n> Subject: RE: 見積\n", "pii.email", 0},
		{"ご確認ください。\n\n> 差出人: 山田 太郎 <t.yamada@aozora-sonpo.example>\n"
		 "> 送信日時: 2025年3月3日 10:00\n> 件名: 見積\n", "pii.email", 0},
		/* Guards: a customer's free mail in a forwarded header, a labelled address. */
		{"転送します。\n-----Original Message-----\nFrom: 山田 <yamada.taro88@gmail.com>\n"
		 "Subject: 質問\n", "pii.email", 1},
		{"お客様の連絡先: t.yamada@aozora-sonpo.example", "pii.email", 1},
	};

	(void) state;
	run_cases(c, sizeof(c) / sizeof(c[0]));
}

/*
 * The phone of an event's organiser or venue (主催, 事務局, 会場, or a
 * contact label in a seminar notice) is a business's; a home phone
 * under it and the participants' phones are not.
 */
static void
test_event_contacts(void **state)
{
	static const pii_case c[] = {
		{"セミナーのご案内\n日時: 2025年4月10日 14:00-16:00\n会場: 東京国際フォーラム\n"
		 "お問い合わせ: 03-5211-4321（事務局 佐藤）\n", "pii.phone", 0},
		{"【説明会のお知らせ】\n場所: 大阪市北区梅田1-1-1\n主催: 北村商事\n"
		 "連絡先: 06-6345-1234\n", "pii.phone", 0},
		{"セミナーのご案内\n日時: 2025年4月10日\n会場: 八重洲ホール\n定員: 50名\n"
		 "問合せ: 03-5211-4321（担当 佐藤）\n", "pii.phone", 0},
		/* Guard: a customer's home phone is a person's whatever is above it. */
		{"主催: 北村商事\nお客様の自宅電話: 06-6345-1234\n", "pii.phone", 1},
		/* Guards: participants of an event, with 様 or without a contact label. */
		{"説明会の参加者です。\n日時: 4月10日\n山田 太郎様 03-1234-5678\n"
		 "佐藤 花子様 06-2345-6789\n", "pii.phone", 2},
		{"説明会の参加者です。\n日時: 4月10日\n山田 太郎 03-1234-5678\n"
		 "佐藤 花子 06-2345-6789\n", "pii.phone", 2},
	};

	(void) state;
	run_cases(c, sizeof(c) / sizeof(c[0]));
}

/*
 * The firm's signature in the plain text covers the same values in the
 * HTML alternative and in an attached letter, where no signature block
 * is recognised (one line, no frame).
 */
static void
test_signature_other_texts(void **state)
{
	static const char text[] =
		"山田様\n\n資料をお送りします。\n\n"
		"-- \n田中 一郎\n株式会社さくら保険 営業部\nTEL 03-6228-4410\n"
		"〒104-0061 東京都中央区銀座9-8-7\n";
	static const char html[] =
		"<p>山田様</p><p>資料をお送りします。</p>"
		"<p>田中 一郎　TEL 03-6228-4410　〒104-0061 東京都中央区銀座9-8-7</p>";
	static const char raw[] =
		"From: Tanaka <" SENDER ">\nTo: <" CUSTOMER ">\nSubject: ご連絡\n"
		"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"mix\"\n\n"
		"--mix\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
		"山田様\n\n送付状を添付します。\n\n"
		"-- \n田中 一郎\n株式会社さくら保険 営業部\nTEL 03-6228-4410\n"
		"〒104-0061 東京都中央区銀座9-8-7\n"
		"--mix\nContent-Type: text/plain; charset=UTF-8; name=\"letter.txt\"\n"
		"Content-Disposition: attachment; filename=\"letter.txt\"\n"
		"Content-Transfer-Encoding: 8bit\n\n"
		"送付状\n山田様\n担当 田中 連絡先 TEL 03-6228-4410 〒104-0061 東京都中央区銀座9-8-7\n"
		"--mix--\n";
	om_result *res;

	(void) state;
	res = out_alt(plain_snap, text, html);
	want(res, "pii.phone", 0);
	want(res, "pii.postal_code", 0);
	want(res, "pii.address", 0);
	om_result_free(res);

	res = scan_as(plain_snap, SENDER, CUSTOMER, "127.0.0.1", raw);
	want(res, "pii.phone", 0);
	want(res, "pii.postal_code", 0);
	want(res, "pii.address", 0);
	om_result_free(res);

	/* Guard: another phone in the HTML is still found. */
	res = out_alt(plain_snap, text, "<p>お客様の携帯 " MOBILE "</p><p>田中 一郎　TEL 03-6228-4410</p>");
	want(res, "pii.phone", 1);
	om_result_free(res);
}

/*
 * Birth dates in kanji numerals and English ordinals, names with さん
 * or a title near a customer word, and statements of illness or
 * arrest in English.
 */
static void
test_more_forms(void **state)
{
	static const pii_case c[] = {
		{"被保険者：山田 太郎 様\n生年月日：昭和六十年三月十二日", "pii.birthdate", 1},
		{"被保険者：山田 太郎 様\n生年月日：昭和六十年三月十二日", "body.pii", 1},
		{"令和二年五月一日生まれのお子様です。", "pii.birthdate", 1},
		{"He was born on the 3rd of May 1979.", "pii.birthdate", 1},
		{"Mr Taro Yamada (born 12 March 1985)", "pii.name", 1},
		{"YAMADA Taro, born 3 May 1979", "pii.name", 1},
		{"契約者の山田さんから住所変更の連絡がありました。", "pii.name", 1},
		{"The insured was admitted to hospital on 3 May.", "sensitive", 1},
		{"佐藤様は血圧の薬を服用中です。", "sensitive", 1},
		{"昭和六十年三月十二日生の被保険者です。", "pii.birthdate", 1},
		{"Birthday: March 12, 1985", "pii.birthdate", 1},
		{"山田さん（契約者）から電話がありました。", "pii.name", 1},
		{"お客さまの山田さんから電話がありました。", "pii.name", 1},
		{"お父様は透析を受けておられます。", "sensitive", 1},
		/* Guards: a greeting with さん, a name label with a form word, a date of a meeting. */
		{"田中さん、お疲れ様です。\n明日の会議の件です。", "pii.name", 0},
		{"氏名 個人 登録", "pii.name", 0},
		{"令和二年五月一日に開催します。", "pii.birthdate", 0},
		{"令和二年五月一日生命保険に加入しました。", "pii.birthdate", 0},
		{"人工透析の費用について、保険の対象か教えてください。", "sensitive", 0},
		{"Dear Mr John Smith, please find the passport form attached.", "pii.name", 0},
	};

	(void) state;
	run_cases(c, sizeof(c) / sizeof(c[0]));
}

/*
 * One customer's item under a heading or a label on the lines above, a
 * phone after a name with 様, a birth date by its label alone; lists of
 * sensitive categories in a policy's wording name nobody.
 */
static void
test_blocks_and_lists(void **state)
{
	static const pii_case c[] = {
		{"申込者\nご住所\n東京都世田谷区北沢2-3-4", "body.pii", 1},
		{"契約者\n自宅TEL\n03-3456-7890", "body.pii", 1},
		{"【被保険者】\n携帯：" MOBILE, "body.pii", 1},
		{"山田様の携帯は " MOBILE " です。", "body.pii", 1},
		{"阿部様の携帯は " MOBILE " です。", "body.pii", 1},
		{"総務部様の電話は " MOBILE " です。", "body.pii", 0},
		{"生年月日 平成元年一月八日", "body.pii", 1},
		{"平成元年一月八日生まれ", "body.pii", 1},
		{"DOB: 12 Mar 1985", "body.pii", 1},
		{"お客様氏名（フリガナ）\nサトウ ハナコ", "body.pii", 1},
		{"当社は、人種、信条、宗教、労働組合への加入、病歴、犯罪歴などの要配慮個人情報を取得しません。",
		 "sensitive", 0},
		{"人種、信条、性別、宗教、社会的身分、門地を理由とする差別を禁止します。", "sensitive", 0},
		{"We do not ask for the medical history of applicants.", "sensitive", 0},
		{"【契約者】\n自宅TEL：03-3456-7890", "pii.name", 0},
		/* Guards: a company with 様, a role line the blank line parts, statements. */
		{"北村商事様の電話は " MOBILE " です。", "body.pii", 0},
		{"お客様\n\n電話：03-3456-7890", "body.pii", 0},
		{"既往歴：高血圧", "sensitive", 1},
		{"The applicant has a criminal record.", "sensitive", 1},
	};

	(void) state;
	run_cases(c, sizeof(c) / sizeof(c[0]));
}

/*
 * A company's account for payment and a partner's number after its
 * name are a business's; surgery and a religion stated of one person
 * are sensitive, a product open to people after surgery is not.
 */
static void
test_business_accounts(void **state)
{
	static const pii_case c[] = {
		{"お支払い先口座：みどり銀行 中央支店 当座 7654321（名義：北村商事株式会社）",
		 "pii.bank_account", 0},
		{"【お振込先】\nゆうちょ銀行 記号 10120 番号 12345671\n口座名義 株式会社北村商事",
		 "pii.bank_account", 0},
		{"請求書を添付します。\nゆうちょ銀行 12345-12345671\n口座名義 株式会社北村商事",
		 "pii.bank_account", 0},
		{"北村商事（06-6345-1111）の佐藤様にもご連絡ください。", "pii.phone", 0},
		{"ニュースレター お問い合わせ: +81-3-5211-4321", "pii.phone", 0},
		{"被保険者は先月、都内の総合病院にて腹腔鏡による胆のう摘出手術を受けられました。", "sensitive", 1},
		{"The applicant's religion is Islam.", "sensitive", 1},
		{"山田様は、勤務先の労働組合の組合員でいらっしゃいます。", "pii.name", 1},
		/* Twelve digits that also pass the My Number check: the nearer label decides. */
		{"運転免許証番号（12桁）\n3012 3456 7896", "pii.drivers_license", 1},
		{"運転免許証番号（12桁）\n3012 3456 7896", "pii.mynumber", 0},
		{"運転免許証のコピーは不要です。\nマイナンバー（個人番号）\n3012 3456 7896", "pii.mynumber", 1},
		/* Guards: a customer's account for a claim, a mobile near a company, a product. */
		{"保険金のお振込先\nはるか銀行 駅前支店 普通 1234567\n口座名義 ヤマダ タロウ",
		 "pii.bank_account", 1},
		{"お客様（北村商事にお勤め）の携帯 " MOBILE, "pii.phone", 1},
		{"過去に手術を受けた方もお申込みいただけます。", "sensitive", 0},
		{"北村商事様は労働組合向けの団体保険に加入しています。", "pii.name", 0},
	};

	(void) state;
	run_cases(c, sizeof(c) / sizeof(c[0]));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_item),
		cmocka_unit_test(test_own_phone),
		cmocka_unit_test(test_customer_label),
		cmocka_unit_test(test_signature),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_alternative),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_says_pii),
		cmocka_unit_test(test_score_text),
		cmocka_unit_test(test_direction),
		cmocka_unit_test(test_many_matches),
		cmocka_unit_test(test_roles_not_names),
		cmocka_unit_test(test_business_contacts),
		cmocka_unit_test(test_general_notices),
		cmocka_unit_test(test_birthdate_forms),
		cmocka_unit_test(test_quoted_headers),
		cmocka_unit_test(test_event_contacts),
		cmocka_unit_test(test_signature_other_texts),
		cmocka_unit_test(test_more_forms),
		cmocka_unit_test(test_blocks_and_lists),
		cmocka_unit_test(test_business_accounts),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
