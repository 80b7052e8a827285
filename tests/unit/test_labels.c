/*
 * test_labels.c: the code tables (issue 9: code lists lived in two or
 * three places, and the audit page showed raw codes such as `case_close`
 * because the event labels lacked every event of the clue and case work).
 * audit_append takes a registered event (audit_events.h), so every event
 * written is one the registry holds; this walks the registry and checks
 * each event has a Chinese label and a unique code the page finds again,
 * that no code stored before is missing, that every object type and every
 * family's code table is well formed, that the interchange's enumerated
 * fields read those tables, and that every state a disposition leads to
 * has its label.  Issue 9, second part: the events, object types and code
 * tables moved to their families' files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "domain/accountability.h"
#include "domain/campaign.h"
#include "domain/audit.h"
#include "domain/case.h"
#include "domain/clue.h"
#include "domain/clue_flow.h"
#include "domain/detention.h"
#include "domain/recusal.h"
#include "domain/execution.h"
#include "domain/interchange.h"
#include "domain/labels.h"
#include "domain/person.h"
#include "domain/matter_report.h"
#include "domain/opinion.h"
#include "domain/problem.h"
#include "domain/report.h"
#include "domain/unit.h"

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

/* Every code audit_log.event has stored: the chain's MAC covers them, so
 * none may be renamed or dropped (a log written before must still show
 * its labels).  These are the codes when the events moved to their
 * families (issue 9); a new event need not be listed here. */
static const char *const stored_codes[] = {
	"login",
	"login_failed",
	"login_locked",
	"login_throttled",
	"logout",
	"totp_enrol",
	"totp_failed",
	"totp_secret",
	"csrf_rejected",
	"access_denied",
	"read",
	"create",
	"update",
	"user_create",
	"user_disable",
	"user_enable",
	"user_passwd",
	"user_passwd_request",
	"user_passwd_approve",
	"user_passwd_refuse",
	"user_unlock",
	"user_totp_reset",
	"user_scope",
	"user_principal",
	"user_office",
	"config",
	"report_accept",
	"report_not_accept",
	"report_transfer",
	"report_conclude",
	"report_notify",
	"report_extend",
	"report_to_clue",
	"dispose_propose",
	"dispose_approve",
	"dispose_reject",
	"conflict_declare",
	"team_add",
	"team_remove",
	"team_override",
	"team_refused",
	"case_note",
	"case_transfer",
	"case_trial",
	"case_close",
	"detention_start",
	"detention_extend",
	"detention_end",
	"detention_notice",
	"recusal_declare",
	"recusal_decide",
	"recusal_refused",
	"execution",
	"calendar_import",
	"export",
	"import",
	"backup",
	"restore",
	"audit_checkpoint_reset",
	"init",
};

static void test_every_event_labelled(void **state)
{
	struct arena *a = arena_new(4096);
	const struct audit_event *const *v;
	int n = 0, nv;

	(void)state;
	QF_FOREACH(audit_events, const struct audit_event, e) {
		const char *code = (*e)->code;
		if (!code_ok(code) || !chinese((*e)->label))
			fail_msg("audit event %d (%s) has a bad code or no Chinese label", n,
				 code ? code : "NULL");
		/* the page shows the label of the code the log stores */
		assert_ptr_equal(audit_event_label(code), (*e)->label);
		n++;
	}
	assert_int_equal(n, QF_COUNT(audit_events));
	for (size_t i = 0; i < sizeof(stored_codes) / sizeof(stored_codes[0]); i++)
		if (audit_event_label(stored_codes[i]) == stored_codes[i])
			fail_msg("audit event %s: stored in logs, no longer registered", stored_codes[i]);
	/* the filter's list: every event once, sorted by code */
	nv = audit_event_list(a, &v);
	assert_int_equal(nv, n);
	for (int i = 1; i < nv; i++)
		assert_true(strcmp(v[i - 1]->code, v[i]->code) < 0);
	/* the events of issue 9's finding, by name */
	assert_string_equal(audit_event_label("case_close"), AEV_CASE_CLOSE->label);
	assert_string_equal(audit_event_label("case_close"), "结案");
	assert_string_equal(audit_event_label("report_accept"), "受理信访举报");
	assert_true(chinese(audit_event_label("detention_extend")));
	/* an unknown code shows as it is */
	assert_string_equal(audit_event_label("nonesuch"), "nonesuch");
	arena_free(a);
}

/* No two registered events share a code (two families registering the
 * same code would make the page and the filter ambiguous). */
static void test_event_codes_unique(void **state)
{
	(void)state;
	QF_FOREACH(audit_events, const struct audit_event, e)
		for (const struct audit_event *const *f = __start_qf_audit_events; f != e; f++)
			if (!strcmp((*f)->code, (*e)->code))
				fail_msg("audit event code %s registered twice", (*e)->code);
}

static void test_object_types(void **state)
{
	struct arena *a = arena_new(1024);
	int n = 0;

	(void)state;
	QF_FOREACH(audit_objects, const struct label, l) {
		if (!code_ok((*l)->code) || !chinese((*l)->label))
			fail_msg("audit object type %s: bad code or label", (*l)->code);
		for (const struct label *const *m = __start_qf_audit_objects; m != l; m++)
			if (!strcmp((*m)->code, (*l)->code))
				fail_msg("audit object type %s registered twice", (*l)->code);
		assert_ptr_equal(audit_object_label(a, (*l)->code), (*l)->label);
		n++;
	}
	assert_true(n >= 19);
	assert_string_equal(audit_object_label(a, "report/12"), "信访举报");
	assert_string_equal(audit_object_label(a, "case/3"), "案件");
	assert_string_equal(audit_object_label(a, "recovery/4"), "追缴挽损");
	assert_string_equal(audit_object_label(a, "interchange"), "数据交换");
	assert_null(audit_object_label(a, "alice"));
	assert_null(audit_object_label(a, "/login"));
	assert_null(audit_object_label(a, ""));
	assert_null(audit_object_label(a, NULL));
	arena_free(a);
}

/* The reasons the code stores in English read in Chinese on the audit
 * page (issue 12); others as stored. */
static void test_audit_reasons(void **state)
{
	struct arena *a = arena_new(1024);

	(void)state;
	assert_string_equal(audit_reason_label(a, "role lacks permission"), "角色无此权限");
	assert_string_equal(audit_reason_label(a, "outside jurisdiction"), "超出管辖范围");
	assert_string_equal(audit_reason_label(a, "wrong password"), "密码错误");
	assert_string_equal(audit_reason_label(a, "from 2022-01-01"), "自2022-01-01起启用");
	assert_string_equal(audit_reason_label(a, "retired from 2023-05-01"), "自2023-05-01起停用");
	assert_string_equal(audit_reason_label(a, "case_manager, awaiting approval"), "角色案件监督管理室，待审批");
	assert_string_equal(audit_reason_label(a, "受理信访举报"), "受理信访举报");
	assert_string_equal(audit_reason_label(a, ""), "");
	assert_null(audit_reason_label(a, NULL));
	arena_free(a);
}

static void test_code_tables(void **state)
{
	static const struct { const struct label *t; const char *name; } tables[] = {
		{ unit_kinds, "unit_kinds" }, { person_ranks, "person_ranks" },
		{ report_channels, "report_channels" }, { report_categories, "report_categories" },
		{ report_states, "report_states" }, { report_kinds, "report_kinds" }, { clue_sources, "clue_sources" },
		{ clue_states, "clue_states" }, { case_states, "case_states" },
		{ case_team_roles, "case_team_roles" }, { detention_ext_kinds, "detention_ext_kinds" },
		{ detention_parties, "detention_parties" }, { commission_levels, "commission_levels" },
		{ recusal_grounds, "recusal_grounds" }, { recusal_decisions, "recusal_decisions" },
		{ execution_items, "execution_items" },
		{ clarification_manners, "clarification_manners" },
		{ recovery_kinds, "recovery_kinds" },
		{ accountability_measure_kinds, "accountability_measure_kinds" }, { campaign_states, "campaign_states" },
		{ problem_sources, "problem_sources" }, { problem_states, "problem_states" },
		{ problem_step_labels, "problem_step_labels" }, { problem_natures, "problem_natures" },
		{ matter_report_states, "matter_report_states" },
		{ opinion_purposes, "opinion_purposes" }, { opinion_codes, "opinion_codes" },
		{ opinion_states, "opinion_states" }, { opinion_matches, "opinion_matches" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		check_table(tables[i].t, tables[i].name);
}

/* The choices of spec's field arg are the codes of t in order, valued
 * from 1: the domain or the store maps the value to the code by its index. */
static void check_choices(const struct filter_spec *spec, const char *arg, const struct label *t)
{
	const struct filter_choice *ch = NULL;
	int i = 0;

	for (const struct filter_field *f = spec->fields; f->arg; f++)
		if (!strcmp(f->arg, arg))
			ch = f->choices;
	assert_non_null(ch);
	for (; t[i].code; i++) {
		assert_non_null(ch[i].arg);
		assert_string_equal(ch[i].arg, t[i].code);
		assert_int_equal(ch[i].value, i + 1);
	}
	assert_null(ch[i].arg);
}

/* The ledger's filter choices (model/problem.c) are problem_sources and
 * (0062) problem_natures in order. */
static void test_problem_source_choices(void **state)
{
	(void)state;
	assert_string_equal(problem_filter_spec.fields[0].arg, "source");
	check_choices(&problem_filter_spec, "source", problem_sources);
	check_choices(&problem_filter_spec, "nature", problem_natures);
}

/* The report list's state choices (model/talk.c) are matter_report_states
 * in order. */
static void test_matter_report_state_choices(void **state)
{
	(void)state;
	check_choices(&matter_report_filter_spec, "state", matter_report_states);
}

/* The opinion requests' state choices (model/opinion.c) are
 * opinion_states in order: the domain maps the value by its index. */
static void test_opinion_state_choices(void **state)
{
	(void)state;
	assert_string_equal(opinion_filter_spec.fields[0].arg, "state");
	check_choices(&opinion_filter_spec, "state", opinion_states);
}

/* Every interchange type's id letter is its own (the made-up ids of an
 * export, "X12", name one type; two families of one session both took X,
 * and two took Y), and the table fits IX_MAX_TYPES. */
static void test_interchange_prefixes(void **state)
{
	int n = 0;

	(void)state;
	for (const struct ix_type *t = ix_types; t->type; t++, n++)
		for (const struct ix_type *u = t + 1; t->prefix && u->type; u++)
			if (u->prefix && !strcmp(t->prefix, u->prefix))
				fail_msg("%s and %s share the id letter %s", t->type, u->type, t->prefix);
	assert_true(n <= IX_MAX_TYPES);
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
	/* issue 10: part D's report kind; part B's disposition transfer_direction,
	 * case case_type and organ_kind; ix10's detention_notice party,
	 * detention_step kind, clarification manner, appeal kind and result;
	 * issue 12's person gender and ethnicity (notice12); issue 14's problem
	 * source and inspection kind (insp14); issue 15's personal matter report
	 * state (talk15), register_document direction, secrecy and state (log15),
	 * opinion purpose and state, its line's match, proposal and opinion (opin15);
	 * the problem's nature (fig15, 0062) */
	assert_int_equal(enums, 29);
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
		cmocka_unit_test(test_event_codes_unique),
		cmocka_unit_test(test_object_types),
		cmocka_unit_test(test_audit_reasons),
		cmocka_unit_test(test_code_tables),
		cmocka_unit_test(test_problem_source_choices),
		cmocka_unit_test(test_matter_report_state_choices),
		cmocka_unit_test(test_opinion_state_choices),
		cmocka_unit_test(test_interchange_reads_tables),
		cmocka_unit_test(test_interchange_prefixes),
		cmocka_unit_test(test_clue_states),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
