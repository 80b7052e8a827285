/*
 * test_rules.c: the rules of DOMAIN.md sections 2-4 that later records
 * build on: the form of every measure combination by the form table read
 * from the migrated database (effective-dated), influence periods from
 * their table (诫勉 and the organisational measures included, each sanction
 * from its own decision date, no 48-month "remainder plus new" rule), the
 * lawfulness of an outcome's measures (one party and one government
 * sanction, party members, village managers, the stated period of several
 * violations), the
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
#include "domain/fielderr.h"
#include "domain/measures.h"
#include "domain/outcome.h"
#include "domain/sanction.h"
#include "store/store.h"
#include "tmpdb.h"

/* The measures by form, typed again from DOMAIN.md section 3 (not taken
 * from measure_table), so the table is checked against the text. */
static const char *const form_codes[4][10] = {
	{ "talk_reminder", "criticism", "self_examination", "admonishment", "notified_criticism",
	  "public_apology", "inquiry_closed", "verification_closed" },
	{ "party_warning", "party_serious_warning", "gov_warning", "gov_demerit", "gov_major_demerit",
	  "gov_demotion", "suspension", "post_adjustment", "ordered_resignation", "post_removal" },
	{ "party_post_removal", "party_probation", "party_expulsion", "gov_removal", "gov_dismissal",
	  "rank_demotion" },
	{ "criminal_transfer" },
};

static const char *all[32];
static int all_form[32];
static int n_all;

static struct store *db;
static struct arena *arena;
static struct period_table periods;
static struct form_table forms;
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
	if (!(db = tmpdb_open("rules")))
		return -1;
	arena = arena_new(4096);
	if (period_table_load(db, arena, &periods) < 0 || clock_table_load(db, arena, &clocks) < 0 ||
	    form_table_load(db, arena, &forms) < 0)
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
	calendar_free(cal);
	arena_free(arena);
	return tmpdb_close(db);
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
		assert_int_equal(form_of_measure(&forms, all[i], D("2022-06-01")), all_form[i]);
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
	assert_int_equal(outcome_form(&forms, codes, n, D("2022-06-01")), expected_form(mask));
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
	assert_true(checked > 15000);
}

static void test_form_rejects_bad_outcomes(void **state)
{
	const char *unknown[] = { "talk_reminder", "hanging" };
	const char *twice[] = { "gov_warning", "gov_warning" };
	const char *none[1];

	assert_int_equal(outcome_form(&forms, unknown, 2, D("2022-06-01")), -1);
	assert_int_equal(outcome_form(&forms, twice, 2, D("2022-06-01")), -1);
	assert_int_equal(outcome_form(&forms, none, 0, D("2022-06-01")), 0);      /* cleared: no form */
}

/* The form table is effective-dated: a row added from a date applies to
 * outcomes first decided on or after it, never to one decided before
 * (DOMAIN.md section 3: "a past period's figures never move"). */
static void test_form_table_is_effective_dated(void **state)
{
	static const struct store_sql ins = {
		"INSERT INTO form_rules(measure, valid_from, form, source) "
		"VALUES ('gov_demotion', '2030-01-01', 3, 'test')", NULL };
	const char *codes[] = { "gov_demotion", "talk_reminder" };
	struct form_table t;

	assert_true(store_exec(store_prepare(db, &ins)) >= 0);
	assert_int_equal(form_table_load(db, arena, &t), 0);
	assert_int_equal(form_of_measure(&t, "gov_demotion", D("2029-12-31")), 2);
	assert_int_equal(form_of_measure(&t, "gov_demotion", D("2030-01-01")), 3);
	assert_int_equal(outcome_form(&t, codes, 2, D("2029-12-31")), 2);
	assert_int_equal(outcome_form(&t, codes, 2, D("2030-06-01")), 3);
	/* before the first row nothing is in force: the outcome is refused */
	assert_int_equal(form_of_measure(&t, "gov_demotion", D("1999-12-31")), 0);
	assert_int_equal(outcome_form(&t, codes, 2, D("1999-12-31")), -1);
}

/* --- influence periods ---------------------------------------------------- */

static struct influence influence_of(const char *const *codes, int n, const char *decided, int stated)
{
	struct measure_decision v[8];
	struct influence in;

	for (int i = 0; i < n; i++)
		v[i] = (struct measure_decision){ codes[i], D(decided), stated, 1 };
	assert_int_equal(outcome_influence(&periods, v, n, &in), 1);
	return in;
}

/* 政务处分法 art. 8 (6/12/18/24 months), 纪律处分条例 (2023) (12/18/24), the
 * rows' sources. */
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

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *codes[] = { cases[i].m };
		struct influence in = influence_of(codes, 1, cases[i].from, 0);
		assert_int_equal(in.end, D(cases[i].to));
		assert_false(in.permanent);
		assert_true(influence_running(&in, D(cases[i].from)));
		assert_true(influence_running(&in, in.end - 1));
		assert_false(influence_running(&in, in.end));
		assert_false(influence_running(&in, in.start - 1));
	}
	for (int i = 0; i < periods.n; i++)
		assert_true(strlen(periods.rules[i].source) > 0);       /* every row names its source */
}

static void test_probation_and_permanent(void **state)
{
	const char *prob[] = { "party_probation" };
	const char *expel[] = { "party_expulsion", "gov_dismissal" };
	struct measure_decision bad = { "party_probation", D("2022-01-10"), 18, 1 };
	struct influence in;

	/* 24 months of probation, then 24 more barred from promotion */
	in = influence_of(prob, 1, "2022-01-10", 24);
	assert_int_equal(in.end, D("2026-01-10"));
	in = influence_of(prob, 1, "2022-01-10", 12);
	assert_int_equal(in.end, D("2025-01-10"));
	assert_int_equal(outcome_influence(&periods, &bad, 1, &in), -1);
	bad.months = 0;
	assert_int_equal(outcome_influence(&periods, &bad, 1, &in), -1);

	in = influence_of(expel, 2, "2022-05-01", 0);
	assert_true(in.permanent);
	assert_int_equal(in.end, QF_DAY_NONE);
	assert_true(influence_running(&in, D("2060-01-01")));
	assert_false(influence_running(&in, D("2022-04-30")));
}

/* 诫勉 bars promotion for 6 months (关于对党员领导干部进行诫勉的规定, 2019),
 * 调整职务/免职/责令辞职 12 and 降职 24 (推进领导干部能上能下规定, 2022);
 * talk reminders and criticism carry none.  Issue 10: this test asserted
 * "no period" for 诫勉 and 调整职务, which was the defect. */
static void test_periods_of_admonishment_and_organisational_measures(void **state)
{
	static const struct { const char *m, *to; } cases[] = {
		{ "admonishment", "2022-11-01" },
		{ "post_adjustment", "2023-05-01" },
		{ "post_removal", "2023-05-01" },
		{ "ordered_resignation", "2023-05-01" },
		{ "rank_demotion", "2024-05-01" },
	};
	const char *first[] = { "talk_reminder", "criticism", "inquiry_closed" };
	struct measure_decision v[3];
	struct influence in;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *codes[] = { cases[i].m };
		assert_int_equal(influence_of(codes, 1, "2022-05-01", 0).end, D(cases[i].to));
	}
	for (int i = 0; i < 3; i++)
		v[i] = (struct measure_decision){ first[i], D("2022-05-01"), 0, 1 };
	assert_int_equal(outcome_influence(&periods, v, 3, &in), 0);
	assert_false(influence_running(&in, D("2022-05-02")));
}

/* Each measure from its own decision date (a party sanction from its
 * approval, a government one from its decision): the latest end wins. */
static void test_each_measure_from_its_own_date(void **state)
{
	struct measure_decision v[] = { { "party_warning", D("2022-06-01"), 0, 1 },
					{ "gov_demerit", D("2022-09-01"), 0, 1 } };
	struct influence in;

	assert_int_equal(outcome_influence(&periods, v, 2, &in), 1);
	assert_int_equal(in.start, D("2022-06-01"));
	assert_int_equal(in.end, D("2023-09-01"));      /* 记过 from 09-01, later than 警告's 2023-06-01 */
	v[1].decided = D("2022-06-02");
	assert_int_equal(outcome_influence(&periods, v, 2, &in), 1);
	assert_int_equal(in.end, D("2023-06-02"));
}

/* A sanction decided inside another's running period runs its own: no
 * "remainder plus new, at most 48 months" (that rule is for appointing
 * bodies, not 政务处分; DOMAIN.md section 3).  The person is barred until
 * the later end (outcome_influence_on over the person's outcomes). */
static void test_sanction_inside_running_period_runs_its_own(void **state)
{
	const char *demerit[] = { "gov_demerit" }, *removal[] = { "gov_removal" };
	struct outcome v[2] = { { .effective = "2022-06-01", .bar_until = "2023-06-01" },
				{ .effective = "2023-01-01", .bar_until = "2025-01-01" } };

	assert_int_equal(influence_of(demerit, 1, "2022-06-01", 0).end, D("2023-06-01"));
	/* the old rule gave 5 months left + 24 = 2025-06-01 */
	assert_int_equal(influence_of(removal, 1, "2023-01-01", 0).end, D("2025-01-01"));
	assert_string_equal(outcome_influence_on(v, 2, "2023-03-01"), "2025-01-01");
	assert_string_equal(outcome_influence_on(v, 2, "2022-07-01"), "2023-06-01");
	assert_null(outcome_influence_on(v, 2, "2025-01-01"));
}

/* --- lawfulness of the measures ----------------------------------------- */

static int rules_errors(const struct measure_decision *v, int n, const char *rank, int member,
			const char *field, const char *needle)
{
	struct sanction_subject who = { rank, member };
	struct fielderr fe = { 0 };

	sanction_rules_check(arena, &periods, v, n, &who, &fe);
	if (field && fe.n)
		assert_string_equal(fe.field[0], field);
	if (needle && fe.n)
		assert_non_null(strstr(fe.msg[0], needle));
	return fe.n;
}

/* At most one party and one government sanction per outcome: several
 * violations decided together get one, the heaviest (纪律处分条例 2023;
 * 政务处分法, DOMAIN.md: art. 15).  警告+严重警告 was accepted before. */
static void test_one_sanction_of_each_kind(void **state)
{
	struct measure_decision two_party[] = { { "party_warning", D("2022-06-01"), 0, 1 },
						{ "party_serious_warning", D("2022-06-01"), 0, 1 } };
	struct measure_decision two_gov[] = { { "gov_warning", D("2022-06-01"), 0, 1 },
					      { "gov_demerit", D("2022-06-01"), 0, 1 } };
	struct measure_decision both[] = { { "party_serious_warning", D("2022-06-01"), 0, 1 },
					   { "gov_demerit", D("2022-06-01"), 0, 1 },
					   { "admonishment", D("2022-06-01"), 0, 1 } };

	assert_int_equal(rules_errors(two_party, 2, "section", 1, "measures", "严重警告"), 1);
	assert_int_equal(rules_errors(two_gov, 2, "section", 1, "measures", "记过"), 1);
	assert_int_equal(rules_errors(both, 3, "section", 1, NULL, NULL), 0);
}

/* Party sanctions only for party members (纪律处分条例 2023: 党员); village
 * managers only 政务警告、记过、记大过 (政务处分法, as DOMAIN.md section 3
 * states it). */
static void test_lawfulness_of_the_subject(void **state)
{
	struct measure_decision party[] = { { "party_warning", D("2022-06-01"), 0, 1 } };
	struct measure_decision demotion[] = { { "gov_demotion", D("2022-06-01"), 0, 1 } };
	struct measure_decision major[] = { { "gov_major_demerit", D("2022-06-01"), 0, 1 } };

	assert_int_equal(rules_errors(party, 1, "staff", 0, "measures", "警告"), 1);
	assert_int_equal(rules_errors(party, 1, "staff", 1, NULL, NULL), 0);
	assert_int_equal(rules_errors(demotion, 1, "village", 1, "measures", "降级"), 1);
	assert_int_equal(rules_errors(major, 1, "village", 0, NULL, NULL), 0);
	assert_int_equal(rules_errors(demotion, 1, "staff", 0, NULL, NULL), 0);
}

/* Several violations of one kind (撤职 or lighter): the decision states a
 * period between one period and the sum, at most 48 months (政务处分法,
 * DOMAIN.md: art. 15); the stated period is the influence period. */
static void test_stated_period_of_several_violations(void **state)
{
	struct measure_decision d = { "gov_demerit", D("2022-06-01"), 24, 2 };
	struct influence in;

	assert_int_equal(rules_errors(&d, 1, "staff", 0, NULL, NULL), 0);      /* 12..24 */
	assert_int_equal(outcome_influence(&periods, &d, 1, &in), 1);
	assert_int_equal(in.end, D("2024-06-01"));
	d.months = 25;
	assert_int_equal(rules_errors(&d, 1, "staff", 0, "gov_months", "12个月至24个月"), 1);
	d.months = 11;
	assert_int_equal(rules_errors(&d, 1, "staff", 0, "gov_months", NULL), 1);
	d = (struct measure_decision){ "gov_major_demerit", D("2022-06-01"), 48, 5 };   /* 18..48, not 90 */
	assert_int_equal(rules_errors(&d, 1, "staff", 0, NULL, NULL), 0);
	d.months = 49;
	assert_int_equal(rules_errors(&d, 1, "staff", 0, "gov_months", "最长四十八个月"), 1);
	d = (struct measure_decision){ "gov_demerit", D("2022-06-01"), 18, 1 };         /* one: its own 12 */
	assert_int_equal(rules_errors(&d, 1, "staff", 0, "gov_months", NULL), 1);
	d = (struct measure_decision){ "gov_dismissal", D("2022-06-01"), 24, 3 };       /* no period to state */
	assert_int_equal(rules_errors(&d, 1, "staff", 0, "gov_months", NULL), 1);
}

/* --- clue flow ----------------------------------------------------------- */

static void test_transition_table(void **state)
{
	static const char *const states[] = { CLUE_REGISTERED, "talk_inquiry",
		"preliminary_verification", "shelved", "closed", "filed", "transferred" };
	static const char *const methods[] = { "talk_inquiry", "preliminary_verification", "shelve",
		"close", "file_case", "transfer" };
	/* allowed[state][method], from DOMAIN.md section 2 (issue 10): filing
	 * only after a preliminary verification (监督执纪工作规则 2019 art. 38);
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
 * 2019 art. 38; 检举控告工作规则 2020 art. 15); other dispositions any leader */
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
		cmocka_unit_test(test_form_table_is_effective_dated),
		cmocka_unit_test(test_periods_from_the_table),
		cmocka_unit_test(test_probation_and_permanent),
		cmocka_unit_test(test_periods_of_admonishment_and_organisational_measures),
		cmocka_unit_test(test_each_measure_from_its_own_date),
		cmocka_unit_test(test_sanction_inside_running_period_runs_its_own),
		cmocka_unit_test(test_one_sanction_of_each_kind),
		cmocka_unit_test(test_lawfulness_of_the_subject),
		cmocka_unit_test(test_stated_period_of_several_violations),
		cmocka_unit_test(test_transition_table),
		cmocka_unit_test(test_approval_rule),
		cmocka_unit_test(test_clock_limits_are_data),
		cmocka_unit_test(test_clocks_across_national_day_2022),
		cmocka_unit_test(test_clock_states),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
