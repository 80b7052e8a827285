/*
 * test_labels.c: the code tables (issue 9: code lists lived in two or
 * three places, and the audit page showed raw codes such as `case_close`
 * because the event labels lacked every event of the clue and case work).
 * audit_append takes an enum audit_ev, so every event written is one of
 * audit_events.h; this checks each has a Chinese label and a unique code
 * the page finds again, that every table of labels.h is well formed, that
 * the interchange's enumerated fields read those tables, and that every
 * state a disposition leads to has its label.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "domain/audit.h"
#include "domain/clue_flow.h"
#include "domain/interchange.h"
#include "domain/labels.h"

/* A label shown to users: not empty, and Chinese (a byte outside ASCII). */
static int chinese(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* a stored code: lower-case letters, digits and underscores */
static int code_ok(const char *s)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

static void check_table(const struct label *t, const char *name)
{
	int n = 0;

	for (const struct label *l = t; l->code; l++, n++) {
		if (!code_ok(l->code) || !chinese(l->label))
			fail_msg("%s: entry %d (%s) has a bad code or a label that is not Chinese", name,
				 n, l->code);
		for (const struct label *m = t; m != l; m++)
			if (!strcmp(m->code, l->code))
				fail_msg("%s: code %s twice", name, l->code);
		assert_ptr_equal(label_of(t, l->code), l->label);
	}
	if (!n)
		fail_msg("%s is empty", name);
	assert_null(label_of(t, "no_such_code"));
	assert_null(label_of(t, NULL));
}

static void test_every_event_labelled(void **state)
{
	(void)state;
	for (int ev = 0; ev < AEV_N; ev++) {
		const char *code = audit_event_code((enum audit_ev)ev);
		if (!code_ok(code) || !chinese(audit_event_labels[ev].label))
			fail_msg("audit event %d (%s) has no Chinese label", ev, code ? code : "NULL");
		/* the page shows the label of the code the log stores */
		assert_string_equal(audit_event_label(code), audit_event_labels[ev].label);
	}
	assert_null(audit_event_labels[AEV_N].code);
	check_table(audit_event_labels, "audit_event_labels");
	/* the events of issue 9's finding, by name */
	assert_string_equal(audit_event_label("case_close"), audit_event_labels[AEV_CASE_CLOSE].label);
	assert_true(chinese(audit_event_label("case_close")));
	assert_true(chinese(audit_event_label("report_accept")));
	assert_true(chinese(audit_event_label("detention_extend")));
	/* an unknown code shows as it is */
	assert_string_equal(audit_event_label("nonesuch"), "nonesuch");
}

static void test_object_types(void **state)
{
	struct arena *a = arena_new(1024);

	(void)state;
	check_table(audit_object_types, "audit_object_types");
	assert_string_equal(audit_object_label(a, "report/12"), "信访举报");
	assert_string_equal(audit_object_label(a, "case/3"), "案件");
	assert_string_equal(audit_object_label(a, "interchange"), "数据交换");
	assert_null(audit_object_label(a, "alice"));
	assert_null(audit_object_label(a, "/login"));
	assert_null(audit_object_label(a, ""));
	arena_free(a);
}

static void test_code_tables(void **state)
{
	static const struct { const struct label *t; const char *name; } tables[] = {
		{ unit_kinds, "unit_kinds" }, { person_ranks, "person_ranks" },
		{ report_channels, "report_channels" }, { report_categories, "report_categories" },
		{ report_states, "report_states" }, { clue_sources, "clue_sources" },
		{ clue_states, "clue_states" }, { case_states, "case_states" },
		{ case_team_roles, "case_team_roles" }, { detention_ext_kinds, "detention_ext_kinds" },
		{ execution_items, "execution_items" },
		{ clarification_manners, "clarification_manners" },
		{ recovery_kinds, "recovery_kinds" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		check_table(tables[i].t, tables[i].name);
}

/* Every enumerated interchange field checks against a labels.h table. */
static void test_interchange_reads_tables(void **state)
{
	int enums = 0;

	(void)state;
	for (const struct ix_type *t = ix_types; t->type; t++)
		for (const struct ix_field *f = t->fields; f->kind || f->name || f->column; f++)
			if (f->kind == IX_ENUM) {
				if (!f->codes)
					fail_msg("%s.%s: IX_ENUM without a code table", t->type, f->name);
				enums++;
			} else {
				assert_null(f->codes);
			}
	assert_int_equal(enums, 6);
}

/* The clue states: registered and the state each method leads to. */
static void test_clue_states(void **state)
{
	int n = 1;

	(void)state;
	assert_non_null(label_of(clue_states, CLUE_REGISTERED));
	for (const struct disposition_method *m = disposition_methods; m->code; m++, n++) {
		assert_true(chinese(m->label));
		assert_ptr_equal(clue_state_label(m->state), label_of(clue_states, m->state));
		assert_non_null(label_of(clue_states, m->state));
	}
	for (const struct label *l = clue_states; l->code; l++)
		n--;
	assert_int_equal(n, 0);         /* no state that nothing leads to */
	assert_string_equal(clue_state_label("nonesuch"), "未知状态");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_event_labelled),
		cmocka_unit_test(test_object_types),
		cmocka_unit_test(test_code_tables),
		cmocka_unit_test(test_interchange_reads_tables),
		cmocka_unit_test(test_clue_states),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
