/*
 * test_statistics.c: the metrics module of issue 11 (domain/metrics.h)
 * below the records: periods in China Standard Time (DOMAIN.md section 6:
 * "a rating made at 2022-12-31T16:30:00Z belongs to 2023"), rates from
 * exact counts rounded half up for display only (93.478..% -> 93.48%),
 * the registry of keys, the list link behind each figure as the dash
 * pages read it, "not applicable" for a scope a key cannot honour, and
 * the jurisdiction of a scoped user (docs/security.md: a township user
 * sees his units' records only), only the keys asked computed and the
 * outcome keys' one rollup row.
 * The definitions on records are tests/http/t160_statistics.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "store/store.h"
#include "tmpdb.h"

static struct store *db;
static struct arena *arena;

static int setup(void **state)
{

	(void)state;
	if (!(db = tmpdb_open("stat")))
		return -1;
	arena = arena_new(4096);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(arena);
	return tmpdb_close(db);
}

static void test_periods(void **state)
{
	struct metric_period p;

	(void)state;
	p = metric_year(arena, 2022);
	assert_string_equal(p.from, "2022-01-01");
	assert_string_equal(p.to, "2022-12-31");
	p = metric_quarter(arena, 2024, 1);
	assert_string_equal(p.to, "2024-03-31");
	p = metric_quarter(arena, 2022, 4);
	assert_string_equal(p.from, "2022-10-01");
	assert_string_equal(p.to, "2022-12-31");
	p = metric_month(arena, 2024, 2);
	assert_string_equal(p.to, "2024-02-29");
	p = metric_month(arena, 2023, 2);
	assert_string_equal(p.to, "2023-02-28");
	assert_null(metric_quarter(arena, 2022, 5).from);
	assert_null(metric_month(arena, 2022, 13).from);
}

/* DOMAIN.md section 6: a moment at 2022-12-31T16:30:00Z is 2023-01-01
 * 00:30 in CST, outside the year 2022 and inside 2023 */
static void test_cst_moment_belongs_to_2023(void **state)
{
	qf_day d = date_from_unix_cst(1672504200);   /* 2022-12-31T16:30:00Z */
	struct metric_period y22 = metric_year(arena, 2022), y23 = metric_year(arena, 2023);

	(void)state;
	assert_int_equal(d, date_parse("2023-01-01"));
	assert_true(d > date_parse(y22.to));
	assert_true(d >= date_parse(y23.from) && d <= date_parse(y23.to));
	assert_int_equal(date_from_unix_cst(1672504199 - 1800), date_parse("2022-12-31"));  /* 15:59:59Z */
}

static void test_rate_rounding(void **state)
{
	(void)state;
	assert_string_equal(metric_rate_display(arena, 172, 184, 2), "93.48%");   /* 93.478.. */
	assert_string_equal(metric_rate_display(arena, 43, 46, 2), "93.48%");
	assert_string_equal(metric_rate_display(arena, 404, 583, 1), "69.3%");    /* 69.296.. */
	assert_string_equal(metric_rate_display(arena, 4875, 4950, 1), "98.5%");  /* 98.484.. */
	assert_string_equal(metric_rate_display(arena, 1, 8, 0), "13%");          /* 12.5: half up */
	assert_string_equal(metric_rate_display(arena, 1, 8, 1), "12.5%");
	assert_string_equal(metric_rate_display(arena, 2, 3, 2), "66.67%");
	assert_string_equal(metric_rate_display(arena, 1, 3, 2), "33.33%");
	assert_string_equal(metric_rate_display(arena, 1, 200, 2), "0.50%");
	assert_string_equal(metric_rate_display(arena, 5, 5, 2), "100.00%");
	assert_string_equal(metric_rate_display(arena, 0, 0, 2), "—");
}

static void test_registry(void **state)
{
	static const char *const keys[] = { "clues_received", "clues_disposed", "cases_filed", "cases_closed",
		"closure_rate", "sanctioned", "detained", "transferred", "forms_total", "form1", "form2", "form3",
		"form4", "form1_share", "accountabilities", "recovered", "returned", "followups", "clarifications" };
	const struct metric_def *d;

	(void)state;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		assert_non_null(metric_find(keys[i]));
	/* issue 13's keys, registered by the ratings family */
	assert_non_null(metric_find("ratings"));
	assert_non_null(metric_find("letters_concluded"));
	d = metric_find("good_rate");
	assert_int_equal(d->kind, METRIC_RATE);
	assert_string_equal(d->num_key, "ratings_5star");
	assert_string_equal(d->den_key, "ratings");
	assert_int_equal(d->decimals, 1);
	d = metric_find("closure_rate");
	assert_int_equal(d->kind, METRIC_RATE);
	assert_null(d->compute);
	assert_string_equal(d->num_key, "cases_closed");
	assert_string_equal(d->den_key, "cases_filed");
	assert_int_equal(d->decimals, 2);
	assert_int_equal(metric_find("form1_share")->decimals, 1);
	assert_int_equal(metric_find("recovered")->kind, METRIC_MONEY);
}

static void test_list_urls(void **state)
{
	struct metric_period p = metric_year(arena, 2022);
	struct metric_scope s = { .unit_id = 7, .key_persons = 1 };
	struct metric_scope c = { .campaign_id = 3, .category = "eight_rules", .source = "judicial",
				  .organ_kind = "office", .rank = "section", .top_leader = 1, .leadership = 1 };
	struct metric_scope none = { 0 };

	(void)state;
	assert_string_equal(metrics_list_url(arena, metric_find("clues_disposed"), &p, &s),
			    "/clues?disposed_from=2022-01-01&disposed_to=2022-12-31&within=7&key_persons=1");
	assert_string_equal(metrics_list_url(arena, metric_find("clues_received"), &p, &none),
			    "/clues?received_from=2022-01-01&received_to=2022-12-31");
	assert_string_equal(metrics_list_url(arena, metric_find("cases_filed"), &p, &c),
			    "/cases?filed_from=2022-01-01&filed_to=2022-12-31&campaign_id=3&category=eight_rules"
			    "&source=judicial&organ_kind=office&rank=section&top_leader=1&leadership=1");
	assert_string_equal(metrics_list_url(arena, metric_find("cases_closed"), &p, &none),
			    "/cases?closed_from=2022-01-01&closed_to=2022-12-31");
	assert_string_equal(metrics_list_url(arena, metric_find("transferred"), &p, &none),
			    "/cases?transferred_from=2022-01-01&transferred_to=2022-12-31");
	assert_string_equal(metrics_list_url(arena, metric_find("detained"), &p, &s),
			    "/detentions?from=2022-01-01&to=2022-12-31&within=7&key_persons=1");
	assert_string_equal(metrics_list_url(arena, metric_find("forms_total"), &p, &none),
			    "/outcomes?from=2022-01-01&to=2022-12-31");
	assert_string_equal(metrics_list_url(arena, metric_find("form2"), &p, &s),
			    "/outcomes?from=2022-01-01&to=2022-12-31&form=2&within=7&key_persons=1");
	assert_string_equal(metrics_list_url(arena, metric_find("sanctioned"), &p, &none),
			    "/outcomes?from=2022-01-01&to=2022-12-31&sanctioned=1");
	assert_string_equal(metrics_list_url(arena, metric_find("accountabilities"), &p, &none),
			    "/accountability?from=2022-01-01&to=2022-12-31");
	assert_string_equal(metrics_list_url(arena, metric_find("recovered"), &p, &none),
			    "/accountability?recovered_from=2022-01-01&recovered_to=2022-12-31&recovery_kind=recovered");
	assert_string_equal(metrics_list_url(arena, metric_find("returned"), &p, &none),
			    "/accountability?recovered_from=2022-01-01&recovered_to=2022-12-31&recovery_kind=returned");
	assert_null(metrics_list_url(arena, metric_find("closure_rate"), &p, &none));
	assert_null(metrics_list_url(arena, metric_find("followups"), &p, &none));
}

static const struct metric_value *value(const struct metric_value *v, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(v[i].key, key))
			return &v[i];
	fail_msg("no key %s", key);
	return NULL;
}

static void test_compute_empty_and_not_applicable(void **state)
{
	struct metric_period p = metric_year(arena, 2022), bad = { "2022-12-31", "2022-01-01" };
	struct metric_scope s = { 0 }, organ = { .organ_kind = "office" };
	struct metric_value *v;
	int n;

	(void)state;
	assert_int_equal(metrics_compute(db, arena, &bad, &s, &v, &n), RES_INVALID);
	assert_int_equal(metrics_compute(db, arena, &p, &s, &v, &n), RES_DONE);
	assert_int_equal(n, QF_COUNT(metrics));
	assert_string_equal(v[0].key, "clues_received");     /* in order */
	assert_string_equal(value(v, n, "cases_filed")->display, "0");
	assert_string_equal(value(v, n, "closure_rate")->display, "—");
	assert_string_equal(value(v, n, "recovered")->display, "0.00元");
	assert_int_equal(metrics_compute(db, arena, &p, &organ, &v, &n), RES_DONE);
	assert_int_equal(value(v, n, "clues_received")->applicable, 0);
	assert_string_equal(value(v, n, "clues_received")->display, "不适用");
	assert_int_equal(value(v, n, "cases_filed")->applicable, 1);
	assert_int_equal(value(v, n, "accountabilities")->applicable, 0);
	/* a rate is applicable only when both its counts are */
	assert_int_equal(value(v, n, "closure_rate")->applicable, 1);
	assert_int_equal(value(v, n, "form1_share")->applicable, 1);
}

/* metrics_compute_keys computes the keys named and the counts a named
 * rate divides, nothing else; the six outcome keys read one row of the
 * rollup, each its own column, and the next computation reads again. */
static void test_compute_keys_and_one_read(void **state)
{
	static const struct store_sql row = {
		"INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc) "
		"VALUES ('outcome', '', '', '2024-03-01', 9, 4, 2, 1, 1, 3)", NULL };
	static const struct store_sql more = {
		"UPDATE metric_days SET n = 10, f4 = 2 WHERE stat = 'outcome' AND day = '2024-03-01'", NULL };
	static const char *const keys[] = { "closure_rate", "form1", "form1" };
	struct metric_period p = metric_year(arena, 2024);
	struct metric_scope s = { 0 };
	struct metric_value *v;
	int n;

	(void)state;
	assert_int_equal(store_exec(store_prepare(db, &row)), STORE_OK);
	assert_int_equal(metrics_compute_keys(db, arena, &p, &s, keys, 3, &v, &n), RES_DONE);
	assert_int_equal(n, QF_COUNT(metrics));
	assert_string_equal(value(v, n, "closure_rate")->display, "—");
	assert_string_equal(value(v, n, "cases_filed")->display, "0");     /* its denominator */
	assert_string_equal(value(v, n, "cases_closed")->display, "0");    /* its numerator */
	assert_string_equal(value(v, n, "form1")->display, "4");
	assert_null(value(v, n, "clues_received")->display);                /* not asked */
	assert_int_equal(value(v, n, "clues_received")->applicable, 0);
	assert_null(value(v, n, "detained")->display);
	assert_int_equal(metrics_compute(db, arena, &p, &s, &v, &n), RES_DONE);
	assert_int_equal(value(v, n, "forms_total")->value, 9);
	assert_int_equal(value(v, n, "form1")->value, 4);
	assert_int_equal(value(v, n, "form2")->value, 2);
	assert_int_equal(value(v, n, "form3")->value, 1);
	assert_int_equal(value(v, n, "form4")->value, 1);
	assert_int_equal(value(v, n, "sanctioned")->value, 3);
	assert_string_equal(value(v, n, "form1_share")->display, "44.4%");
	assert_int_equal(store_exec(store_prepare(db, &more)), STORE_OK);
	assert_int_equal(metrics_compute(db, arena, &p, &s, &v, &n), RES_DONE);
	assert_int_equal(value(v, n, "forms_total")->value, 10);
	assert_int_equal(value(v, n, "form4")->value, 2);
}

/* A township user sees the figures of his units and those below only
 * (store/q_scope.h), read from the same unit column as the unit scope. */
/* metric_scope_whole: the whole commission only when no member is set
 * (report --year Y --format docx writes the year's report then); an
 * empty code is no member. */
static void test_scope_whole(void **state)
{
	struct metric_scope s = { 0 };

	(void)state;
	assert_int_equal(metric_scope_whole(&s), 1);
	s.category = "";
	s.activity_kind = "";
	assert_int_equal(metric_scope_whole(&s), 1);
#define PART(member, value) do { struct metric_scope t = { 0 }; t.member = value; \
		assert_int_equal(metric_scope_whole(&t), 0); } while (0)
	PART(unit_id, 7);
	PART(scope_user, 3);
	PART(campaign_id, 1);
	PART(round_id, 2);
	PART(category, "eight_rules");
	PART(source, "judicial");
	PART(organ_kind, "township");
	PART(rank, "section");
	PART(activity_kind, "spot_check");
	PART(top_leader, 1);
	PART(leadership, 1);
	PART(key_persons, 1);
#undef PART
}

static void test_jurisdiction_of_the_user(void **state)
{
	static const struct store_sql setup_sql[] = {
		{ "INSERT INTO units (id, region, parent_id, name, kind, created_at, updated_at) VALUES "
		  "(101, 'r', NULL, '东镇', 'township', 0, 0), (102, 'r', 101, '东村', 'village', 0, 0), "
		  "(103, 'r', NULL, '西镇', 'township', 0, 0)", NULL },
		{ "INSERT INTO users (id, region, name, role, pwhash, created_at, pw_changed_at) VALUES "
		  "(101, 'r', 'town', 'township', 'x', 0, 0)", NULL },
		{ "INSERT INTO user_scopes (user_id, unit_id) VALUES (101, 101)", NULL },
		{ "INSERT INTO clues (region, received, source, unit_id, created_at, updated_at) VALUES "
		  "('r', '2022-05-01', 'report', 102, 0, 0), ('r', '2022-05-02', 'report', 103, 0, 0)", NULL },
	};
	struct metric_period p = metric_year(arena, 2022);
	struct metric_scope all = { 0 }, town = { .scope_user = 101 }, west = { .scope_user = 101, .unit_id = 103 };
	struct metric_value *v;
	int n;

	(void)state;
	for (size_t i = 0; i < sizeof(setup_sql) / sizeof(setup_sql[0]); i++)
		assert_int_equal(store_exec(store_prepare(db, &setup_sql[i])), STORE_OK);
	assert_int_equal(metrics_compute(db, arena, &p, &all, &v, &n), RES_DONE);
	assert_int_equal(value(v, n, "clues_received")->value, 2);
	assert_int_equal(metrics_compute(db, arena, &p, &town, &v, &n), RES_DONE);
	assert_int_equal(value(v, n, "clues_received")->value, 1);       /* 东村, below 东镇 */
	assert_int_equal(value(v, n, "accountabilities")->applicable, 0);  /* no unit column */
	assert_int_equal(metrics_compute(db, arena, &p, &west, &v, &n), RES_DONE);
	assert_int_equal(value(v, n, "clues_received")->value, 0);       /* 西镇: outside */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_cst_moment_belongs_to_2023),
		cmocka_unit_test(test_rate_rounding),
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_list_urls),
		cmocka_unit_test(test_compute_empty_and_not_applicable),
		cmocka_unit_test(test_scope_whole),
		cmocka_unit_test(test_jurisdiction_of_the_user),
		cmocka_unit_test(test_compute_keys_and_one_read),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
