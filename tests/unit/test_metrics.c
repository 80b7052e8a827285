/*
 * test_metrics.c: unit tests of the observability pieces: request ids
 * (format, uniqueness), log level names, the store's busy counters
 * (retried and given up by store_tx), and the metrics rendering (series by
 * route row and code, cumulative buckets, the unmatched row, aborted and
 * in-flight requests, no audit length without a database).
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

#include "core/log.h"
#include "core/strbuf.h"
#include "http/http.h"
#include "http/metrics.h"
#include "store/store.h"

static int cmp_id(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void test_request_ids(void **state)
{
	enum { N = 20000 };
	char (*ids)[LOG_RID_LEN + 1] = calloc(N, sizeof(*ids));

	assert_non_null(ids);
	for (int i = 0; i < N; i++) {
		log_new_request_id(ids[i]);
		assert_int_equal(strlen(ids[i]), LOG_RID_LEN);
		assert_int_equal(strspn(ids[i], "0123456789abcdef"), LOG_RID_LEN);
	}
	/* consecutive ids do not look consecutive */
	assert_int_not_equal(strncmp(ids[0], ids[1], 8), 0);
	qsort(ids, N, sizeof(*ids), cmp_id);
	for (int i = 1; i < N; i++)
		assert_int_not_equal(strcmp(ids[i - 1], ids[i]), 0);
	free(ids);
}

static void test_levels(void **state)
{
	enum log_level l = LOG_ERROR;

	assert_int_equal(log_parse_level("debug", &l), 0);
	assert_int_equal(l, LOG_DEBUG);
	assert_int_equal(log_parse_level("warn", &l), 0);
	assert_int_equal(l, LOG_WARN);
	assert_int_equal(log_parse_level("WARN", &l), -1);
	assert_int_equal(log_parse_level("", &l), -1);
	log_set_level(LOG_WARN);
	assert_false(log_enabled(LOG_INFO));
	assert_true(log_enabled(LOG_ERROR));
	log_set_level(LOG_INFO);
	assert_true(log_enabled(LOG_INFO));
	assert_false(log_enabled(LOG_DEBUG));
}

static int busy_left;

/* STORE_BUSY while busy_left > 0, then success. */
static int busy_fn(struct store *s, void *arg)
{
	return busy_left-- > 0 ? STORE_BUSY : 0;
}

static void test_busy_counts(void **state)
{
	char path[] = "/tmp/qf-test-metrics-XXXXXX";
	char err[256];
	uint64_t r0, g0, r1, g1;
	struct store *s;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	s = store_open(path, 1, err, sizeof(err));
	assert_non_null(s);
	store_busy_counts(&r0, &g0);
	busy_left = 2;
	assert_int_equal(store_tx(s, busy_fn, NULL), 0);
	store_busy_counts(&r1, &g1);
	assert_int_equal(r1 - r0, 2);
	assert_int_equal(g1 - g0, 0);
	busy_left = 1000;
	assert_int_equal(store_tx(s, busy_fn, NULL), STORE_BUSY);
	store_busy_counts(&r0, &g0);
	assert_true(r0 - r1 >= 1);
	assert_int_equal(g0 - g1, 1);
	/* store_clear_error / store_last_error */
	store_clear_error(s);
	assert_null(store_last_error(s));
	store_close(s);
	unlink(path);
}

static int has_line(const char *text, const char *line)
{
	size_t n = strlen(line);

	for (const char *p = text; (p = strstr(p, line)); p++)
		if ((p == text || p[-1] == '\n') && p[n] == '\n')
			return 1;
	return 0;
}

static void test_render(void **state)
{
	struct metrics *m = metrics_new();
	struct metrics_env env = { "9.9.9", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	const struct route *hz = &route_table[0];
#define HZ "{route=\"/healthz\",method=\"GET\""
	static const char *const want[] = {
		"qingfeng_build_info{version=\"9.9.9\"} 1",
		"# TYPE qingfeng_http_requests_total counter",
		"qingfeng_http_requests_total" HZ ",code=\"200\"} 2",
		"qingfeng_http_requests_total" HZ ",code=\"other\"} 1",
		"qingfeng_http_requests_total{route=\"(none)\",method=\"any\",code=\"404\"} 1",
		"qingfeng_http_request_duration_seconds_bucket" HZ ",le=\"0.001\"} 0",
		"qingfeng_http_request_duration_seconds_bucket" HZ ",le=\"0.0025\"} 2",
		"qingfeng_http_request_duration_seconds_bucket" HZ ",le=\"10\"} 2",
		"qingfeng_http_request_duration_seconds_bucket" HZ ",le=\"+Inf\"} 3",
		"qingfeng_http_request_duration_seconds_sum" HZ "} 20.003000",
		"qingfeng_http_request_duration_seconds_count" HZ "} 3",
		"qingfeng_http_requests_aborted_total 1",
		"qingfeng_http_requests_in_flight 1",
		"qingfeng_db_up 0",
	};
#undef HZ

	assert_non_null(m);
	assert_string_equal(hz->pattern, "/healthz");
	for (int i = 0; i < 4; i++)
		metrics_begin(m);
	metrics_observe(m, hz, 200, 1500, 0);
	metrics_observe(m, hz, 200, 1500, 0);
	metrics_observe(m, hz, 599, 20 * 1000000, 0);     /* an odd code, past the buckets */
	metrics_observe(m, NULL, 404, 10, 0);
	metrics_begin(m);
	metrics_observe(m, NULL, 0, 10, 1);               /* no answer: aborted only */
	metrics_begin(m);                                 /* one still in flight */
	metrics_render(m, &env, &sb);

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (!has_line(sb.buf, want[i]))
			fail_msg("no line '%s' in:\n%s", want[i], sb.buf);
	assert_null(strstr(sb.buf, "qingfeng_audit_log_entries"));
	assert_null(strstr(sb.buf, "qingfeng_http_connections"));
	/* routes never requested have no series */
	assert_null(strstr(sb.buf, "route=\"/login\""));
	strbuf_release(&sb);
	metrics_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_request_ids),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_busy_counts),
		cmocka_unit_test(test_render),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
