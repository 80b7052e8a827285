/*
 * test_result.c: issue 9, "one result type for domain operations": what a
 * failed store call leaves for the reply to choose 503 or 500
 * (store_failure: busy or unreachable, or anything else), that a failed
 * bind fails its statement instead of running it with a NULL parameter
 * (a session lookup that read "no such session", a 401, when SQLite ran
 * out of memory), and the values of domain/result.h.  Does not compile on
 * the code before (no store_failure, no result.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/auth.h"
#include "domain/result.h"
#include "store/store.h"
#include "store/store_impl.h"

static char path[64];

static int setup(void **state)
{
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/qf-test-result-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(path);
	return 0;
}

static int teardown(void **state)
{
	char p[96];

	(void)state;
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
	return 0;
}

static struct store *open_db(void)
{
	char err[256] = "";
	struct store *s = store_open(path, 1, err, sizeof(err));

	if (!s)
		fail_msg("store_open: %s", err);
	return s;
}

static const struct store_sql q_missing = { "SELECT x FROM no_such_table", NULL };
static const struct store_sql q_param = { "SELECT ?1", NULL };
static const struct store_sql q_short_wait = { "PRAGMA busy_timeout = 1", NULL };

static void test_error_is_not_busy(void **state)
{
	struct store *s = open_db();

	(void)state;
	assert_int_equal(store_failure(s), STORE_OK);
	assert_null(store_prepare(s, &q_missing));
	assert_int_equal(store_failure(s), STORE_ERR);
	assert_non_null(store_last_error(s));
	store_clear_error(s);
	assert_int_equal(store_failure(s), STORE_OK);
	assert_null(store_last_error(s));
	store_close(s);
}

static void test_busy_is_busy(void **state)
{
	struct store *a = open_db(), *b = open_db();

	(void)state;
	assert_int_equal(store_exec(store_prepare(b, &q_short_wait)), STORE_OK);
	assert_int_equal(store_begin(a, 1), STORE_OK);
	assert_int_equal(store_begin(b, 1), STORE_BUSY);   /* a holds the write lock */
	assert_int_equal(store_failure(b), STORE_BUSY);
	/* the last failure counts: a later error that is not busy is 500 */
	assert_null(store_prepare(b, &q_missing));
	assert_int_equal(store_failure(b), STORE_ERR);
	store_rollback(a);
	store_close(a);
	store_close(b);
}

static void test_unreachable_is_busy(void **state)
{
	struct store *s = open_db();

	(void)state;
	s->unreachable = 1;         /* what store_pg.c sets on a lost connection */
	assert_int_equal(store_noted(s, STORE_ERR), STORE_ERR);
	assert_int_equal(store_failure(s), STORE_BUSY);
	s->unreachable = 0;
	store_noted(s, STORE_ERR);
	assert_int_equal(store_failure(s), STORE_ERR);
	store_close(s);
}

static void test_failed_bind_fails_step(void **state)
{
	struct store *s = open_db();
	struct store_stmt *st = store_prepare(s, &q_param);

	(void)state;
	assert_non_null(st);
	assert_true(store_bind_int(st, 5, 1) < 0);   /* no parameter 5 */
	assert_int_equal(store_step(st), STORE_ERR);  /* not a row with ?1 NULL */
	assert_int_equal(store_failure(s), STORE_ERR);
	store_reset(st);
	assert_int_equal(store_bind_int(st, 1, 7), STORE_OK);
	assert_int_equal(store_step(st), STORE_ROW);
	assert_int_equal(store_col_int(st, 0), 7);
	store_reset(st);
	store_close(s);
}

static void test_result_values(void **state)
{
	(void)state;
	/* the values the code used before they had names */
	assert_int_equal(RES_DONE, 1);
	assert_int_equal(RES_NOT_FOUND, 0);
	assert_int_equal(RES_INVALID, -1);
	assert_int_equal(RES_STORE, -2);
	assert_int_equal(RES_CONFIRM, -3);
	assert_int_equal(AUTH_STORE, RES_STORE);
	assert_int_equal(res_from_store(STORE_ERR), RES_STORE);
	assert_int_equal(res_from_store(STORE_BUSY), RES_STORE);
	assert_int_equal(res_from_store(STORE_CONSTRAINT), RES_STORE);
	assert_int_equal(res_from_store(0), RES_NOT_FOUND);
	assert_int_equal(res_from_store(1), RES_DONE);
	assert_true(res_ok(42));
	assert_false(res_ok(RES_NOT_FOUND));
	assert_false(res_ok(RES_STORE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_error_is_not_busy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy_is_busy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unreachable_is_busy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_bind_fails_step, setup, teardown),
		cmocka_unit_test(test_result_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
