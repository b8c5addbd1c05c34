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

#include "om_buf.h"

/* assert_buf_eq - buffer holds exactly this C string */
#define assert_buf_eq(b, s) do { \
	assert_int_equal((b)->len, strlen(s)); \
	assert_memory_equal((b)->data, (s), strlen(s)); \
} while (0)

#endif
