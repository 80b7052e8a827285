/*
 * test_rules.c: the rules of DOMAIN.md sections 2-4 that later records
 * build on: the form of every measure combination, sanction influence
 * periods (the 48-month cap included) read from the migrated database, the
 * clue transition table, the approval rule, and the clocks across the 2022
 * National Day holiday and its make-up days.
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
#include "core/calendar.h"
#include "core/date.h"
#include "core/strbuf.h"
#include "domain/clocks.h"
#include "domain/clue_flow.h"
#include "domain/measures.h"
#include "domain/sanction.h"
#include "store/store.h"

/* The measures by form, typed again from DOMAIN.md section 3 (not taken
 * from measure_table), so the table is checked against the text. */
static const char *const form_codes[4][10] = {
	{ "talk_reminder", "criticism", "self_examination", "admonishment" },
	{ "party_warning", "party_serious_warning", "gov_warning", "gov_demerit", "gov_major_demerit",
	  "suspension", "post_adjustment", "ordered_resignation", "post_removal", "rank_demotion" },
	{ "party_post_removal", "party_probation", "party_expulsion", "gov_demotion", "gov_removal",
	  "gov_dismissal" },
	{ "criminal_transfer" },
};

static const char *all[32];
static int all_form[32];
static int n_all;

static char tmpdir[64];
static struct store *db;
static struct arena *arena;
static struct period_table periods;
static struct clock_table clocks;
static struct calendar *cal;

static qf_day D(const char *s)
{
	qf_day d = date_parse(s);
	assert_int_not_equal(d, QF_DAY_NONE);
	return d;
}

static int setup(void **state)
{
	char path[128], err[256];
	struct strbuf e = STRBUF_INIT;
	FILE *f;
	char *text;
	long len;

	n_all = 0;
	for (int form = 0; form < 4; form++)
		for (int i = 0; i < 10 && form_codes[form][i]; i++) {
			all[n_all] = form_codes[form][i];
			all_form[n_all++] = form + 1;
		}
	strcpy(tmpdir, "/tmp/qf-rules.XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(path, sizeof(path), "%s/r.db", tmpdir);
	db = store_open(path, 1, err, sizeof(err));
	if (!db || store_migrate(db) < 0)
		return -1;
	arena = arena_new(4096);
	if (period_table_load(db, arena, &periods) < 0 || clock_table_load(db, arena, &clocks) < 0)
		return -1;
	/* the shipped calendar, read from the file (tests run at the root) */
	f = fopen("data/cn-holidays.csv", "rb");
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = malloc((size_t)len);
	if (fread(text, 1, (size_t)len, f) != (size_t)len)
		return -1;
	fclose(f);
	cal = calendar_new();
	if (calendar_parse_csv(cal, text, (size_t)len, &e) < 0)
		return -1;
	free(text);
	strbuf_release(&e);
	return 0;
}

static int teardown(void **state)
{
	char cmd[160];

	calendar_free(cal);
	arena_free(arena);
	store_close(db);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* --- measures and forms ------------------------------------------------ */

static void test_measure_table_matches_domain(void **state)
{
	int n = 0;

	for (const struct measure *m = measure_table; m->code; m++)
		n++;
	assert_int_equal(n, n_all);
	for (int i = 0; i < n_all; i++) {
		const struct measure *m = measure_find(all[i]);
		assert_non_null(m);
		assert_int_equal(m->form, all_form[i]);
		assert_true(strlen(m->label) > 0);
		assert_int_equal(m->kind == MEASURE_PARTY, !strncmp(all[i], "party_", 6));
		assert_int_equal(m->kind == MEASURE_GOV, !strncmp(all[i], "gov_", 4));
	}
	assert_null(measure_find("warning"));
	assert_null(measure_find(NULL));
}

/* expected form of a subset given as a bit mask over all[] */
static int expected_form(uint32_t mask)
{
	int f = 0;

	for (int i = 0; i < n_all; i++)
		if ((mask & (1u << i)) && all_form[i] > f)
			f = all_form[i];
	return f;
}

static int expected_sanction(uint32_t mask)
{
	for (int i = 0; i < n_all; i++)
		if ((mask & (1u << i)) && (!strncmp(all[i], "party_", 6) || !strncmp(all[i], "gov_", 4)))
			return 1;
	return 0;
}

static void check_mask(uint32_t mask)
{
	const char *codes[32];
	int n = 0;

	for (int i = 0; i < n_all; i++)
		if (mask & (1u << i))
			codes[n++] = all[i];
	assert_int_equal(outcome_form(codes, n), expected_form(mask));
	assert_int_equal(outcome_has_sanction(codes, n), expected_sanction(mask));
}

/* Every combination of up to four measures, and a fixed sample of larger
 * ones (the form depends only on the forms present, which these cover). */
static void test_form_of_every_combination(void **state)
{
	uint32_t seed = 12345;
	int checked = 0;

	for (uint32_t mask = 0; mask < (1u << n_all); mask++) {
		if (__builtin_popcount(mask) > 4)
			continue;
		check_mask(mask);
		checked++;
	}
	for (int k = 0; k < 3000; k++) {
		seed = seed * 1103515245u + 12345u;
		check_mask(seed & ((1u << n_all) - 1));
	}
	check_mask((1u << n_all) - 1);           /* all of them: form 4 */
	assert_int_equal(expected_form((1u << n_all) - 1), 4);
	assert_true(checked > 7000);
}

static void test_form_rejects_bad_outcomes(void **state)
{
	const char *unknown[] = { "talk_reminder", "hanging" };
	const char *twice[] = { "gov_warning", "gov_warning" };
	const char *none[1];

	assert_int_equal(outcome_form(unknown, 2), -1);
	assert_int_equal(outcome_form(twice, 2), -1);
	assert_int_equal(outcome_form(none, 0), 0);      /* cleared: no form */
}

/* --- sanction periods ---------------------------------------------------- */

static struct influence influence_of(const char *const *codes, int n, const char *effective,
				     int stated, const char *running)
{
	struct influence in;
	int rc = outcome_influence(&periods, codes, n, D(effective), stated,
				   running ? D(running) : QF_DAY_NONE, &in);
	assert_int_equal(rc, 1);
	return in;
}

static void test_periods_from_the_table(void **state)
{
	static const struct { const char *m, *from, *to; } cases[] = {
		{ "gov_warning", "2022-03-15", "2022-09-15" },
		{ "gov_demerit", "2022-03-15", "2023-03-15" },
		{ "gov_major_demerit", "2022-03-15", "2023-09-15" },
		{ "gov_demotion", "2022-03-15", "2024-03-15" },
		{ "gov_removal", "2022-03-15", "2024-03-15" },
		{ "party_warning", "2022-03-15", "2023-03-15" },
		{ "party_serious_warning", "2022-03-15", "2023-09-15" },
		{ "party_post_removal", "2022-03-15", "2024-03-15" },
		{ "gov_warning", "2022-08-31", "2023-02-28" },   /* month's end clamps */
	};

	assert_int_equal(periods.gov_cap_months, 48);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *codes[] = { cases[i].m };
		struct influence in = influence_of(codes, 1, cases[i].from, 0, NULL);
		assert_int_equal(in.end, D(cases[i].to));
		assert_false(in.permanent);
		assert_true(influence_running(&in, D(cases[i].from)));
		assert_true(influence_running(&in, in.end - 1));
		assert_false(influence_running(&in, in.end));
		assert_false(influence_running(&in, in.start - 1));
	}
}

static void test_probation_and_permanent(void **state)
{
	const char *prob[] = { "party_probation" };
	const char *expel[] = { "party_expulsion", "gov_dismissal" };
	struct influence in;

	/* 24 months of probation, then 24 more barred from promotion */
	in = influence_of(prob, 1, "2022-01-10", 24, NULL);
	assert_int_equal(in.end, D("2026-01-10"));
	in = influence_of(prob, 1, "2022-01-10", 12, NULL);
	assert_int_equal(in.end, D("2025-01-10"));
	assert_int_equal(outcome_influence(&periods, prob, 1, D("2022-01-10"), 18, QF_DAY_NONE, &in), -1);
	assert_int_equal(outcome_influence(&periods, prob, 1, D("2022-01-10"), 0, QF_DAY_NONE, &in), -1);

	in = influence_of(expel, 2, "2022-05-01", 0, NULL);
	assert_true(in.permanent);
	assert_int_equal(in.end, QF_DAY_NONE);
	assert_true(influence_running(&in, D("2060-01-01")));
	assert_false(influence_running(&in, D("2022-04-30")));
}

static void test_no_period_for_first_form(void **state)
{
	const char *first[] = { "talk_reminder", "admonishment", "post_adjustment" };
	struct influence in;

	assert_int_equal(outcome_influence(&periods, first, 3, D("2022-05-01"), 0, QF_DAY_NONE, &in), 0);
	assert_false(influence_running(&in, D("2022-05-02")));
}

static void test_longest_measure_wins(void **state)
{
	const char *both[] = { "party_warning", "gov_major_demerit" };
	struct influence in = influence_of(both, 2, "2022-06-01", 0, NULL);

	assert_int_equal(in.end, D("2023-12-01"));
	assert_int_equal(in.gov_end, D("2023-12-01"));
}

/* A new government sanction inside a running government-sanction period:
 * the remainder plus the new period, capped at 48 months. */
static void test_running_government_sanction_and_cap(void **state)
{
	const char *demerit[] = { "gov_demerit" };
	const char *removal[] = { "gov_removal" };
	const char *party[] = { "party_warning" };
	struct influence in;

	/* running until 2022-12-01: 6 months remain, plus 12 */
	in = influence_of(demerit, 1, "2022-06-01", 0, "2022-12-01");
	assert_int_equal(in.end, D("2023-12-01"));
	assert_int_equal(in.gov_end, D("2023-12-01"));
	/* the running period already ended: the new one alone */
	in = influence_of(demerit, 1, "2022-06-01", 0, "2022-05-01");
	assert_int_equal(in.end, D("2023-06-01"));
	/* remainder 36 months + 24 = 60 > 48: capped at 48 from the decision */
	in = influence_of(removal, 1, "2022-06-01", 0, "2025-06-01");
	assert_int_equal(in.end, D("2026-06-01"));
	/* exactly at the cap: 24 remaining + 24 = 48 */
	in = influence_of(removal, 1, "2022-06-01", 0, "2024-06-01");
	assert_int_equal(in.end, D("2026-06-01"));
	/* the rule is for government sanctions: a party one is not extended */
	in = influence_of(party, 1, "2022-06-01", 0, "2025-06-01");
	assert_int_equal(in.end, D("2023-06-01"));
	assert_int_equal(in.gov_end, QF_DAY_NONE);
}

/* --- clue flow ----------------------------------------------------------- */

static void test_transition_table(void **state)
{
	static const char *const states[] = { CLUE_REGISTERED, "talk_inquiry",
		"preliminary_verification", "shelved", "closed", "filed", "transferred" };
	static const char *const methods[] = { "talk_inquiry", "preliminary_verification", "shelve",
		"close", "file_case", "transfer" };
	/* allowed[state][method], from DOMAIN.md section 2 (issue 10): filing
	 * only after a preliminary verification (监督执纪工作规则 2019 art. 40);
	 * a second inquiry, an inquiry then a verification, a shelved clue
	 * taken up again; transfer (移交) from every open state */
	static const int allowed[7][6] = {
		{ 1, 1, 1, 1, 0, 1 },
		{ 1, 1, 0, 1, 0, 1 },
		{ 1, 0, 1, 1, 1, 1 },
		{ 1, 1, 0, 1, 0, 1 },
		{ 0, 0, 0, 0, 0, 0 },
		{ 0, 0, 0, 0, 0, 0 },
		{ 0, 0, 0, 0, 0, 0 },
	};

	for (int s = 0; s < 7; s++)
		for (int m = 0; m < 6; m++)
			assert_int_equal(clue_transition_allowed(states[s], methods[m]), allowed[s][m]);
	assert_false(clue_transition_allowed(CLUE_REGISTERED, "arrest"));
	assert_false(clue_transition_allowed("nonsense", "close"));
	assert_false(clue_transition_allowed(NULL, "close"));
	assert_false(clue_transition_allowed(CLUE_REGISTERED, ""));
	for (int m = 0; m < 6; m++) {
		const struct disposition_method *d = disposition_method_find(methods[m]);
		assert_non_null(d);
		assert_string_not_equal(clue_state_label(d->state), "未知状态");
	}
	assert_string_equal(clue_state_label("filed"), "已立案");
}

/* filing and a transfer upward need the principal leader (监督执纪工作规则
 * 2019 art. 40; 检举控告工作规则 2020 art. 15); other dispositions any leader */
static void test_approval_rule(void **state)
{
	assert_true(disposition_approval_allowed("leader", 0, 0));
	assert_true(disposition_approval_allowed("leader", 1, 1));
	assert_false(disposition_approval_allowed("leader", 0, 1));
	assert_false(disposition_approval_allowed("case_manager", 1, 0));
	assert_false(disposition_approval_allowed("supervisor", 0, 0));
	assert_false(disposition_approval_allowed(NULL, 1, 0));
	assert_true(disposition_needs_principal("file_case", NULL));
	assert_true(disposition_needs_principal("transfer", "upward"));
	assert_false(disposition_needs_principal("transfer", "downward"));
	assert_false(disposition_needs_principal("talk_inquiry", NULL));
	assert_false(disposition_needs_principal(NULL, NULL));
}

/* --- clocks -------------------------------------------------------------- */

static qf_day due_of(const char *clock, const char *start)
{
	const struct clock_limit *l = clock_find(&clocks, clock);
	assert_non_null(l);
	return clock_due(cal, l, D(start));
}

static void test_clock_limits_are_data(void **state)
{
	const struct clock_limit *l = clock_find(&clocks, "preliminary_verification");

	assert_non_null(l);
	assert_int_equal(l->amount, 15);
	assert_int_equal(l->unit, CLOCK_WORKDAYS);
	assert_non_null(clock_find(&clocks, "detention"));
	assert_null(clock_find(&clocks, "no_such_clock"));
	assert_true(clocks.n >= 15);
}

static void test_clocks_across_national_day_2022(void **state)
{
	/* 5 working days from Thu 2022-09-29: 09-30, (10-01..07 off),
	 * 10-08 Sat and 10-09 Sun worked, 10-10, 10-11 */
	assert_int_equal(due_of("report_transfer", "2022-09-29"), D("2022-10-11"));
	/* 15 working days from 2022-09-20 */
	assert_int_equal(due_of("preliminary_verification", "2022-09-20"), D("2022-10-14"));
	/* a clock started on the holiday itself */
	assert_int_equal(due_of("bad_rating_callback", "2022-10-03"), D("2022-10-08"));
	/* calendar days and months ignore holidays */
	assert_int_equal(due_of("petition_accept", "2022-09-29"), D("2022-10-14"));
	assert_int_equal(due_of("trial_review", "2022-01-31"), D("2022-02-28"));
	assert_int_equal(due_of("detention", "2022-05-01"), D("2022-08-01"));
	/* Spring Festival 2022: 01-29 (Sat) and 01-30 (Sun) were working days */
	assert_int_equal(due_of("bad_rating_callback", "2022-01-28"), D("2022-01-29"));
}

static void test_clock_states(void **state)
{
	qf_day due = D("2022-10-11");

	/* on 10-06 (a holiday) four working days remain: 10-08 10-09 10-10 10-11 */
	assert_int_equal(clock_state(cal, due, QF_DAY_NONE, D("2022-10-06")), CLOCK_RUNNING);
	assert_int_equal(clock_state(cal, due, QF_DAY_NONE, D("2022-10-08")), CLOCK_DUE_SOON);
	assert_int_equal(clock_state(cal, due, QF_DAY_NONE, D("2022-10-11")), CLOCK_DUE_SOON);
	assert_int_equal(clock_state(cal, due, QF_DAY_NONE, D("2022-10-12")), CLOCK_OVERDUE);
	assert_int_equal(clock_state(cal, due, D("2022-10-11"), D("2022-12-01")), CLOCK_DONE);
	assert_int_equal(clock_state(cal, due, D("2022-10-12"), D("2022-12-01")), CLOCK_DONE_LATE);
	assert_string_equal(clock_state_label(CLOCK_OVERDUE), "逾期");
	assert_string_equal(clock_state_label(CLOCK_DUE_SOON), "临期");
	assert_string_equal(clock_state_label(CLOCK_DONE), "已办结");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_measure_table_matches_domain),
		cmocka_unit_test(test_form_of_every_combination),
		cmocka_unit_test(test_form_rejects_bad_outcomes),
		cmocka_unit_test(test_periods_from_the_table),
		cmocka_unit_test(test_probation_and_permanent),
		cmocka_unit_test(test_no_period_for_first_form),
		cmocka_unit_test(test_longest_measure_wins),
		cmocka_unit_test(test_running_government_sanction_and_cap),
		cmocka_unit_test(test_transition_table),
		cmocka_unit_test(test_approval_rule),
		cmocka_unit_test(test_clock_limits_are_data),
		cmocka_unit_test(test_clocks_across_national_day_2022),
		cmocka_unit_test(test_clock_states),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
