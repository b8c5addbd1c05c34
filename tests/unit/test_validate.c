/*
 * test_validate - validators and masks, table-driven.
 */
#include "config.h"

#include "om_test.h"
#include "om_mask.h"
#include "om_validate.h"

static const struct {
	const char *validator;
	const char *in;
	int	want;
} vcases[] = {
	{"mynumber", "123456789018", 1},
	{"mynumber", "1234 5678 9018", 1},
	{"mynumber", "123456789012", 0},
	{"mynumber", "111111111111", 0},
	{"mynumber", "12345678901", 0},
	{"card", "4111 1111 1111 1111", 1},
	{"card", "4111-1111-1111-1112", 0},
	{"card", "5555555555554444", 1},
	{"card", "378282246310005", 1},
	{"card", "3530111333300000", 1},
	{"card", "30569309025904", 1},
	{"card", "1234567812345670", 0},	/* Luhn ok, no issuer */
	{"luhn", "1234567812345670", 1},
	{"phone_jp", "090-1234-5678", 1},
	{"phone_jp", "03-1234-5678", 1},
	{"phone_jp", "(0466)12-3456", 1},
	{"phone_jp", "+81-90-1234-5678", 1},
	{"phone_jp", "+81 3 1234 5678", 1},
	{"phone_jp", "0120-123-456", 0},
	{"phone_jp", "0570-000-111", 0},
	{"phone_jp", "090-1234-567", 0},
	{"phone_jp", "03-1234-56789", 0},
	{"postal", "150-0001", 1},
	{"postal", "000-0000", 0},
	{"postal", "150-001", 0},
	{"birthdate", "1985年3月12日", 1},
	{"birthdate", "1985/02/29", 0},
	{"birthdate", "2000/02/29", 1},
	{"birthdate", "昭和60年3月12日", 1},
	{"birthdate", "平成元年1月8日", 1},
	{"birthdate", "H2.4.1", 1},
	{"birthdate", "昭和65年1月1日", 0},
	{"birthdate", "昭和六十年三月十二日", 1},
	{"birthdate", "平成元年一月八日", 1},
	{"birthdate", "一九八五年十二月三十一日", 1},
	{"birthdate", "令和二年二月二十九日", 1},
	{"birthdate", "令和三年二月二十九日", 0},
	{"birthdate", "昭和六十五年一月一日", 0},
	{"birthdate", "昭和六十年十三月一日", 0},
	{"birthdate", "昭和六十年(一九八五年)三月十二日", 1},
	{"birthdate", "昭和六十一年(一九八五年)三月十二日", 0},
	{"birthdate", "1850-01-01", 0},
	{"birthdate", "2999-01-01", 0},
	{"birthdate", "昭和60年(1985年)3月12日", 1},
	{"birthdate", "1985年(昭和60年)3月12日", 1},
	{"birthdate", "平成元年(1989年)1月8日", 1},
	{"birthdate", "昭和61年(1985年)3月12日", 0},
	{"birthdate", "1985年(平成60年)3月12日", 0},
	{"birthdate", "1985年3月12日13", 0},
	{"pension", "1234-567890", 1},
	{"pension", "1234-56789", 0},
	{"birthdate_en", "12 Mar 1985", 1},
	{"birthdate_en", "12MAR1985", 1},
	{"birthdate_en", "March 12, 1985", 1},
	{"birthdate_en", "Sept. 3 1990", 1},
	{"birthdate_en", "03/12/1985", 1},
	{"birthdate_en", "25/12/1985", 1},	/* day first */
	{"birthdate_en", "12/25/1985", 1},	/* month first */
	{"birthdate_en", "1985-03-12", 1},
	{"birthdate_en", "31 Feb 1985", 0},
	{"birthdate_en", "13/13/1985", 0},
	{"birthdate_en", "12 Mar 2999", 0},
	{"birthdate_en", "12 Foo 1985", 0},
	{"birthdate_en", "12 Mar", 0},
	/* ICAO 9303 specimen: document, birth and expiry check digits */
	{"mrz", "L898902C36UTO7408122F1204159ZE184226B<<<<<10", 1},
	{"mrz", "L898902C35UTO7408122F1204159ZE184226B<<<<<10", 0},
	{"mrz", "L898902C36UTO7408121F1204159ZE184226B<<<<<10", 0},
	{"mrz", "L898902C36UTO7408122F120415", 0},
};

static void
test_validators(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(vcases) / sizeof(vcases[0]); i++) {
		om_validate_fn fn = om_validate_lookup(vcases[i].validator);

		assert_non_null(fn);
		if (fn(vcases[i].in, strlen(vcases[i].in)) != vcases[i].want)
			fail_msg("%s(%s) != %d", vcases[i].validator, vcases[i].in, vcases[i].want);
	}
	assert_null(om_validate_lookup("nosuch"));
}

static const struct {
	om_mask_kind kind;
	const char *in, *want;
} mcases[] = {
	{OM_MASK_PHONE, "090-1234-5678", "090-****-5678"},
	{OM_MASK_PHONE, "03-1234-5678", "03-****-5678"},
	{OM_MASK_DIGITS, "4111 1111 1111 1234", "**** **** **** 1234"},
	{OM_MASK_DIGITS, "123456789012", "********9012"},
	{OM_MASK_DIGITS, "1234", "****"},
	{OM_MASK_DIGITS, "TK1234567", "*****4567"},
	{OM_MASK_NAME, "山田 太郎", "山田 **"},
	{OM_MASK_NAME, "山田太郎", "山田 **"},
	{OM_MASK_ADDRESS, "東京都世田谷区北沢2-3-4", "東京都世 **"},
	{OM_MASK_EMAIL, "yamada.taro@gmail.com", "***@gmail.com"},
	{OM_MASK_DATE, "1985年3月12日", "****年*月**日"},
	{OM_MASK_DATE, "昭和六十年三月十二日", "昭和**年*月**日"},
};

static void
test_masks(void **state)
{
	char    out[OM_MASK_MAX];

	(void) state;
	for (size_t i = 0; i < sizeof(mcases) / sizeof(mcases[0]); i++) {
		om_mask(mcases[i].kind, mcases[i].in, strlen(mcases[i].in), out);
		if (strcmp(out, mcases[i].want) != 0)
			fail_msg("mask(%s) = %s, want %s", mcases[i].in, out, mcases[i].want);
	}
}

/* A long value never overflows and never shows more than 4 digits. */
static void
test_mask_bounds(void **state)
{
	char    in[1000], out[OM_MASK_MAX];
	size_t  digits = 0;

	(void) state;
	memset(in, '7', sizeof(in) - 1);
	in[sizeof(in) - 1] = 0;
	om_mask(OM_MASK_DIGITS, in, strlen(in), out);
	assert_true(strlen(out) < OM_MASK_MAX);
	for (char *p = out; *p; p++)
		digits += *p == '7';
	assert_true(digits <= 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validators),
		cmocka_unit_test(test_masks),
		cmocka_unit_test(test_mask_bounds),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
