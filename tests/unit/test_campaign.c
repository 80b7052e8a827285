/*
 * test_campaign.c: special campaigns' rules (domain/campaign.h,
 * domain/accountability.h; migration 0056) on a migrated SQLite database:
 * the state computed from the days (both ends inclusive, a missing day open
 * on its side); what campaign_create refuses; a group's members are active
 * accounts, each once; accountability measure types are codes of the table,
 * each once, stored and counted per campaign by accountability_<measure>
 * (《中国共产党问责条例》第八条).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/crypto.h"
#include "domain/accountability.h"
#include "domain/campaign.h"
#include "domain/ctx.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "domain/role.h"
#include "model/unit.h"
#include "store/q_units.h"
#include "unitdb.h"

static void state_from_days(void **state)
{
	struct campaign k = { .start_day = "2022-04-01", .end_day = "2022-12-31" };

	(void)state;
	assert_int_equal(campaign_state(&k, "2022-03-31"), CAMPAIGN_PLANNED);
	assert_int_equal(campaign_state(&k, "2022-04-01"), CAMPAIGN_RUNNING);
	assert_int_equal(campaign_state(&k, "2022-12-31"), CAMPAIGN_RUNNING);
	assert_int_equal(campaign_state(&k, "2023-01-01"), CAMPAIGN_ENDED);
	k.start_day = NULL;
	assert_int_equal(campaign_state(&k, "1999-01-01"), CAMPAIGN_RUNNING);
	k.end_day = NULL;
	assert_int_equal(campaign_state(&k, "2099-01-01"), CAMPAIGN_RUNNING);
	assert_string_equal(campaign_states[CAMPAIGN_ENDED].label, "已结束");
}

static void refusals_and_groups(void **state)
{
	struct arena *a = arena_new(1 << 14);
	struct ctx cm = unitdb_as(a, "case_manager");
	struct fielderr fe = { 0 };
	struct campaign k = { .name = "种植补贴专项整治", .start_day = "2022-04-01", .end_day = "2022-03-01" };
	struct campaign_group g = { .name = "第一专项工作组" };
	int64_t id;

	(void)state;
	assert_int_equal(campaign_create(&cm, &k, &fe), RES_INVALID);
	assert_non_null(fielderr_get(&fe, "end"));
	fe.n = 0;
	k.end_day = "2022-12-31";
	id = campaign_create(&cm, &k, &fe);
	assert_true(id > 0);
	g.campaign_id = id;
	assert_int_equal(campaign_group_add(&cm, &g, "nobody", &fe), RES_INVALID);
	assert_non_null(fielderr_get(&fe, "members"));
	fe.n = 0;
	g.campaign_id = id + 100;
	assert_int_equal(campaign_group_add(&cm, &g, "", &fe), RES_NOT_FOUND);
	g.campaign_id = id;
	assert_true(campaign_group_add(&cm, &g, " ，、 ", &fe) > 0);   /* separators only: no member */
	arena_free(a);
}

static void measures_counted(void **state)
{
	struct arena *a = arena_new(1 << 14);
	struct ctx cm = unitdb_as(a, "case_manager");
	struct fielderr fe = { 0 };
	struct campaign k = { .name = "问责专项" };
	struct accountability q = { .started = "2022-06-01", .summary = "" };
	struct metric_period p = { "2022-01-01", "2022-12-31" };
	struct metric_scope s = { 0 };
	static const char *const wanted[] = { "accountability_notice", "accountability_check", "accountabilities" };
	struct metric_value *v;
	int n;

	(void)state;
	q.unit_id = unitdb_unit;
	q.campaign_id = s.campaign_id = campaign_create(&cm, &k, &fe);
	assert_true(q.campaign_id > 0);
	q.measures = "notice,dismissal";
	assert_int_equal(accountability_create(&cm, &q, &fe), RES_INVALID);
	fe.n = 0;
	q.measures = "notice,notice";
	assert_int_equal(accountability_create(&cm, &q, &fe), RES_INVALID);
	fe.n = 0;
	q.measures = "check,notice";
	assert_true(accountability_create(&cm, &q, &fe) > 0);
	q.measures = "notice";
	assert_true(accountability_create(&cm, &q, &fe) > 0);
	q.measures = "";
	assert_true(accountability_create(&cm, &q, &fe) > 0);
	assert_int_equal(metrics_compute_keys(db, a, &p, &s, wanted, 3, &v, &n), RES_DONE);
	for (int i = 0; i < n; i++) {
		if (!strcmp(v[i].key, "accountability_notice"))
			assert_int_equal(v[i].value, 2);
		if (!strcmp(v[i].key, "accountability_check"))
			assert_int_equal(v[i].value, 1);
		if (!strcmp(v[i].key, "accountabilities"))
			assert_int_equal(v[i].value, 3);
	}
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(state_from_days),
		cmocka_unit_test(refusals_and_groups),
		cmocka_unit_test(measures_counted),
	};
	return cmocka_run_group_tests(tests, unitdb_setup, unitdb_teardown);
}
