/*
 * test_groupw.c: the group writer (store/groupw.h) on a SQLite file:
 * a job that fails in a group is undone to its savepoint and fails alone
 * (the group's other jobs commit); a plain job (no savepoint) whose key
 * is taken writes nothing and fails alone; a group whose hook fails commits
 * nothing and every job of it gets the failure; done comes after the
 * commit; a job submitted after the stop is refused at once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>

#include "store/groupw.h"
#include "tmpdb.h"

static const struct store_sql q_make = { "CREATE TABLE gw (k TEXT PRIMARY KEY)", NULL };
static const struct store_sql q_put = { "INSERT INTO gw (k) VALUES (?)", NULL };
static const struct store_sql q_add = { "INSERT INTO gw (k) VALUES (?) ON CONFLICT (k) DO NOTHING", NULL };
static const struct store_sql q_count = { "SELECT count(*) FROM gw", NULL };
static const struct store_sql q_has = { "SELECT count(*) FROM gw WHERE k = ?", NULL };

struct tjob {
	struct groupw_job gj;
	const char *key;
	int done, rc;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int gate_open, gate_entered, n_done, fail_end;

static int apply(struct store *s, struct groupw_job *gj)
{
	struct tjob *j = (struct tjob *)gj;
	struct store_stmt *st = store_prepare(s, &q_put);

	store_bind_text(st, 1, j->key);
	return store_exec(st);
}

/* a plain job's apply (store/groupw.h): a taken key writes nothing */
static int apply_plain(struct store *s, struct groupw_job *gj)
{
	struct tjob *j = (struct tjob *)gj;
	struct store_stmt *st = store_prepare(s, &q_add);
	int rc;

	store_bind_text(st, 1, j->key);
	rc = store_exec(st);
	return rc < 0 ? rc : store_changes(s) > 0 ? STORE_OK : STORE_CONSTRAINT;
}

/* the first job holds the writer until the test has queued the rest */
static int apply_gate(struct store *s, struct groupw_job *gj)
{
	pthread_mutex_lock(&lock);
	gate_entered = 1;
	pthread_cond_broadcast(&cond);
	while (!gate_open)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	return apply(s, gj);
}

static void done(struct groupw_job *gj, int rc)
{
	struct tjob *j = (struct tjob *)gj;

	pthread_mutex_lock(&lock);
	j->done = 1;
	j->rc = rc;
	n_done++;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
}

static int hook_end(struct store *s, void *cls)
{
	(void)s;
	(void)cls;
	return fail_end ? STORE_ERR : 0;
}

static void wait_done(int n)
{
	pthread_mutex_lock(&lock);
	while (n_done < n)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
}

static int64_t count(struct store *db, const char *key)
{
	struct store_stmt *st = store_prepare(db, key ? &q_has : &q_count);
	int64_t n;

	if (key)
		store_bind_text(st, 1, key);
	assert_int_equal(store_step(st), STORE_ROW);
	n = store_col_int(st, 0);
	store_reset(st);
	return n;
}

static void test_groups(void **state)
{
	struct store *db = tmpdb_open("groupw");
	char path[96], err[256];
	struct groupw *w;
	struct groupw_hook h = { NULL, hook_end, NULL, NULL };
	struct tjob j[10] = {
		{ .gj = { .apply = apply_gate, .done = done }, .key = "a" },
		{ .gj = { .apply = apply, .done = done }, .key = "b" },
		{ .gj = { .apply = apply, .done = done }, .key = "a" },   /* taken: fails alone */
		{ .gj = { .apply = apply, .done = done }, .key = "c" },
		{ .gj = { .apply = apply, .done = done }, .key = "d" },
		{ .gj = { .apply = apply_plain, .done = done, .plain = 1 }, .key = "b" },  /* taken */
		{ .gj = { .apply = apply_plain, .done = done, .plain = 1 }, .key = "h" },
		{ .gj = { .apply = apply, .done = done }, .key = "e" },   /* a group whose hook fails */
		{ .gj = { .apply = apply, .done = done }, .key = "f" },
		{ .gj = { .apply = apply, .done = done }, .key = "g" },   /* after the stop */
	};
	uint64_t groups, jobs;

	(void)state;
	assert_non_null(db);
	assert_int_equal(store_exec(store_prepare(db, &q_make)), STORE_OK);
	snprintf(path, sizeof(path), "%s/qf.db", tmpdb_dir);
	w = groupw_new(path, err, sizeof(err));
	assert_non_null(w);
	assert_int_equal(groupw_add_hook(w, &h), 0);
	assert_int_equal(groupw_start(w), 0);

	groupw_submit(w, &j[0].gj);
	pthread_mutex_lock(&lock);
	while (!gate_entered)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	for (int i = 1; i <= 6; i++)
		groupw_submit(w, &j[i].gj);     /* queued while the writer waits in j[0] */
	pthread_mutex_lock(&lock);
	gate_open = 1;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
	wait_done(7);
	assert_int_equal(j[0].rc, STORE_OK);
	assert_int_equal(j[1].rc, STORE_OK);
	assert_int_equal(j[2].rc, STORE_CONSTRAINT);
	assert_int_equal(j[3].rc, STORE_OK);
	assert_int_equal(j[4].rc, STORE_OK);
	assert_int_equal(j[5].rc, STORE_CONSTRAINT);
	assert_int_equal(j[6].rc, STORE_OK);
	/* done came after the commit: another connection sees them */
	assert_int_equal(count(db, NULL), 5);
	assert_int_equal(count(db, "c"), 1);
	assert_int_equal(count(db, "b"), 1);
	assert_int_equal(count(db, "h"), 1);
	groupw_counts(w, &groups, &jobs);
	assert_int_equal(groups, 2);    /* j[0] alone, then the six queued behind it */
	assert_int_equal(jobs, 7);

	fail_end = 1;
	groupw_submit(w, &j[7].gj);
	groupw_submit(w, &j[8].gj);
	wait_done(9);
	assert_true(j[7].rc < 0);
	assert_true(j[8].rc < 0);
	assert_int_equal(count(db, "e"), 0);
	assert_int_equal(count(db, "f"), 0);

	groupw_stop(w);
	groupw_submit(w, &j[9].gj);     /* refused at once, on this thread */
	assert_int_equal(j[9].done, 1);
	assert_int_equal(j[9].rc, STORE_BUSY);
	assert_int_equal(count(db, "g"), 0);
	groupw_free(w);
	assert_int_equal(tmpdb_close(db), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
