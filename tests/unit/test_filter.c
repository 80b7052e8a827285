/*
 * test_filter.c: the one reader of list filters, http/filter.c (issue 9,
 * second part: list filters were parsed four ways, one struct list_query
 * served every list with `.kind` meaning three things and `.success = -1`
 * to remember).  Each field type with good, bad and absent values, the
 * defaults of a filter read from no arguments, the page, and the families'
 * tables: the query arguments keep their names and meanings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "http/filter.h"
#include "model/audit.h"
#include "model/case.h"
#include "model/clue.h"
#include "model/outcome.h"
#include "model/person.h"
#include "model/report.h"
#include "model/unit.h"

/* The query: name=value pairs ending with NULL. */
static const char *get(void *arg, const char *name)
{
	for (const char *const *kv = arg; *kv; kv += 2)
		if (!strcmp(kv[0], name))
			return kv[1];
	return "";
}

/* A filter of every type, with a page that is not its first member. */
enum colour { COLOUR_ANY, COLOUR_RED, COLOUR_BLUE };
struct test_filter {
	const char *text, *day;
	int64_t id;
	struct page_req page;
	int flag;
	enum colour colour;
};
static const struct filter_choice colours[] = {
	{ "red", COLOUR_RED }, { "blue", COLOUR_BLUE }, { NULL, COLOUR_ANY },
};
static const struct filter_field test_fields[] = {
	FILTER_TEXT_F("t", struct test_filter, text),
	FILTER_DAY_F("d", struct test_filter, day),
	FILTER_ID_F("i", struct test_filter, id),
	FILTER_FLAG_F("f", struct test_filter, flag),
	FILTER_ENUM_F("c", struct test_filter, colour, colours),
	{ NULL, 0, 0, NULL },
};
static const struct filter_spec test_spec = FILTER_SPEC(struct test_filter, test_fields);

static int parse(struct test_filter *f, const char *const *q, int page)
{
	memset(f, 0x5a, sizeof(*f));    /* whatever was there is reset */
	return filter_parse(&test_spec, f, get, (void *)q, page, 20);
}

static void test_defaults(void **state)
{
	static const char *const none[] = { NULL };
	struct test_filter f;

	assert_int_equal(parse(&f, none, 1), 0);
	assert_string_equal(f.text, "");
	assert_string_equal(f.day, "");
	assert_int_equal(f.id, 0);
	assert_int_equal(f.flag, 0);
	assert_int_equal(f.colour, COLOUR_ANY);
	assert_int_equal(f.page.offset, 0);
	assert_int_equal(f.page.limit, 20);
}

static void test_good_values(void **state)
{
	static const char *const q[] = { "t", "张三", "d", "2026-02-28", "i", "42", "f", "1",
					  "c", "blue", NULL };
	struct test_filter f;

	assert_int_equal(parse(&f, q, 3), 0);
	assert_string_equal(f.text, "张三");
	assert_string_equal(f.day, "2026-02-28");
	assert_int_equal(f.id, 42);
	assert_int_equal(f.flag, 1);
	assert_int_equal(f.colour, COLOUR_BLUE);
	assert_int_equal(f.page.offset, 40);
	assert_int_equal(f.page.limit, 20);
}

static void test_bad_values(void **state)
{
	static const char *const q[] = { "d", "2026-02-30", "i", "-3", "c", "green", NULL };
	static const char *const q2[] = { "d", "yesterday", "i", "12x", NULL };
	static const char *const q3[] = { "i", "99999999999999999999", "d", "2026-1-5", NULL };
	static const char *const q4[] = { "i", "0", NULL };
	struct test_filter f;

	assert_int_equal(parse(&f, q, 0), 3);   /* page 0 reads as the first */
	assert_string_equal(f.day, "");
	assert_int_equal(f.id, 0);
	assert_int_equal(f.colour, COLOUR_ANY);
	assert_int_equal(f.page.offset, 0);
	assert_int_equal(parse(&f, q2, 1), 2);
	assert_string_equal(f.day, "");
	assert_int_equal(f.id, 0);
	assert_int_equal(parse(&f, q3, 1), 2);  /* out of range; not zero-padded */
	assert_int_equal(f.id, 0);
	assert_string_equal(f.day, "");
	assert_int_equal(parse(&f, q4, 1), 1);  /* ids start at 1 */
	assert_int_equal(f.id, 0);
}

static void test_flag(void **state)
{
	static const char *const zero[] = { "f", "0", NULL };
	static const char *const on[] = { "f", "on", NULL };
	struct test_filter f;

	parse(&f, zero, 1);
	assert_int_equal(f.flag, 0);
	parse(&f, on, 1);
	assert_int_equal(f.flag, 1);
}

/* The families' arguments as the pages, the API, tests and bookmarks use them. */
static void test_families(void **state)
{
	static const char *const clue_q[] = { "subject", "李", "state", "registered",
		"source", "letter", "unit_id", "7", "campaign_id", "3", "from", "2026-01-01",
		"to", "2026-12-31", "overdue", "1", NULL };
	static const char *const report_q[] = { "state", "accepted", "channel", "visit",
		"category", "appeal", "unit_id", "9", "from", "2026-03-01", "overdue", "1", NULL };
	static const char *const case_q[] = { "state", "trial", "unit_id", "4", "campaign_id", "2",
		"to", "2026-05-01", "overdue", "1", NULL };
	static const char *const unit_q[] = { "q", "局", "kind", "township", "parent", "5", NULL };
	static const char *const person_q[] = { "q", "王", "rank", "county", "unit_id", "6", NULL };
	static const char *const audit_q[] = { "success", "0", "user", "admin", "event", "login",
		"from", "2026-01-02", "to", "2026-01-03", "q", "case/1", NULL };
	static const char *const rec_q[] = { "campaign_id", "8", "kind", "returned", NULL };
	struct clue_filter cf;
	struct report_filter rf;
	struct case_filter kf;
	struct unit_filter uf;
	struct person_filter pf;
	struct audit_filter af;
	struct recovery_filter mf;
	struct accountability_filter qf;

	assert_int_equal(filter_parse(&clue_filter_spec, &cf, get, (void *)clue_q, 2, 50), 0);
	assert_string_equal(cf.q, "李");
	assert_string_equal(cf.state, "registered");
	assert_string_equal(cf.source, "letter");
	assert_int_equal(cf.unit_id, 7);
	assert_int_equal(cf.campaign_id, 3);
	assert_string_equal(cf.day_from, "2026-01-01");
	assert_string_equal(cf.day_to, "2026-12-31");
	assert_int_equal(cf.overdue, 1);
	assert_null(cf.clock_before);   /* the domain's */
	assert_int_equal(cf.scope_user, 0);
	assert_int_equal(cf.page.offset, 50);

	filter_parse(&report_filter_spec, &rf, get, (void *)report_q, 1, 100);
	assert_string_equal(rf.state, "accepted");
	assert_string_equal(rf.channel, "visit");
	assert_string_equal(rf.category, "appeal");
	assert_int_equal(rf.unit_id, 9);
	assert_string_equal(rf.day_from, "2026-03-01");
	assert_string_equal(rf.day_to, "");
	assert_int_equal(rf.overdue, 1);
	assert_null(rf.due_before);

	filter_parse(&case_filter_spec, &kf, get, (void *)case_q, 1, 100);
	assert_string_equal(kf.state, "trial");
	assert_int_equal(kf.unit_id, 4);
	assert_int_equal(kf.campaign_id, 2);
	assert_string_equal(kf.day_to, "2026-05-01");
	assert_int_equal(kf.overdue, 1);
	assert_int_equal(kf.team_user, 0);

	filter_parse(&unit_filter_spec, &uf, get, (void *)unit_q, 1, 100);
	assert_string_equal(uf.q, "局");
	assert_string_equal(uf.kind, "township");
	assert_int_equal(uf.parent_id, 5);

	filter_parse(&person_filter_spec, &pf, get, (void *)person_q, 1, 100);
	assert_string_equal(pf.q, "王");
	assert_string_equal(pf.rank, "county");
	assert_int_equal(pf.unit_id, 6);

	filter_parse(&audit_filter_spec, &af, get, (void *)audit_q, 1, 100);
	assert_int_equal(af.result, AUDIT_FAILED);
	assert_string_equal(af.user, "admin");
	assert_string_equal(af.event, "login");
	assert_string_equal(af.day_from, "2026-01-02");
	assert_string_equal(af.day_to, "2026-01-03");
	assert_string_equal(af.q, "case/1");
	filter_parse(&audit_filter_spec, &af, get, (void *)(const char *const[]){ "success", "1", NULL },
		     1, 100);
	assert_int_equal(af.result, AUDIT_SUCCEEDED);
	filter_parse(&audit_filter_spec, &af, get, (void *)(const char *const[]){ "success", "", NULL },
		     1, 100);
	assert_int_equal(af.result, AUDIT_ANY);

	filter_parse(&recovery_filter_spec, &mf, get, (void *)rec_q, 1, 100);
	assert_int_equal(mf.campaign_id, 8);
	assert_string_equal(mf.kind, "returned");
	filter_parse(&accountability_filter_spec, &qf, get, (void *)rec_q, 1, 100);
	assert_int_equal(qf.campaign_id, 8);
	assert_int_equal(qf.page.limit, 100);
}

/* filter_unset (issue 16, first16h: the whole table's count): a parsed
 * query without arguments sets nothing; each argument alone sets the
 * filter, NULL text and a page do not */
static void test_unset(void **state)
{
	static const char *const none[] = { NULL };
	static const char *const one[][3] = {
		{ "t", "x", NULL }, { "d", "2026-02-28", NULL }, { "i", "7", NULL }, { "f", "1", NULL }, { "c", "blue", NULL },
	};
	struct test_filter f;

	(void)state;
	assert_int_equal(parse(&f, none, 3), 0);
	assert_int_equal(filter_unset(&test_spec, &f), 1);
	for (size_t i = 0; i < sizeof(one) / sizeof(*one); i++) {
		assert_int_equal(parse(&f, one[i], 1), 0);
		assert_int_equal(filter_unset(&test_spec, &f), 0);
	}
	memset(&f, 0, sizeof(f));
	f.page.offset = 40;
	assert_int_equal(filter_unset(&test_spec, &f), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_good_values),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_flag),
		cmocka_unit_test(test_families),
		cmocka_unit_test(test_unset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
