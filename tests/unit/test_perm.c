/*
 * test_perm.c: unit tests of domain/perm.c and role_perms.
 *
 * Issue 9: permissions were bits of an `unsigned`, 25 of its 32 in use, so
 * the next families would have run out.  They are now indices into a set
 * of 64 * PERM_WORDS (128): adding and testing touch the one index asked
 * for and refuse PERM_NONE and indices out of range, every permission has
 * a name for the `routes` command, PERM_NONE is in no set yet every actor
 * passes it, and each role's set is exactly the list it grants.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <string.h>

#include "domain/authz.h"
#include "domain/case.h"
#include "domain/ctx.h"
#include "domain/role.h"

static void test_names(void **state)
{
	assert_null(perm_name(PERM_NONE));
	assert_null(perm_name(PERM_COUNT));
	for (unsigned i = PERM_NONE + 1; i < PERM_COUNT; i++) {
		const char *name = perm_name((enum perm)i);

		assert_non_null(name);
		for (unsigned j = PERM_NONE + 1; j < i; j++)
			assert_string_not_equal(name, perm_name((enum perm)j));
	}
	assert_string_equal(perm_name(PERM_LOGIN), "login");
	assert_string_equal(perm_name(PERM_ACCOUNTABILITY), "accountability");
}

/* The set has room for 128 (the enum for 4 times what there is today). */
static void test_room(void **state)
{
	assert_true(sizeof(struct perms) * CHAR_BIT >= 128);
	assert_true(PERM_COUNT <= sizeof(struct perms) * CHAR_BIT);
}

static void test_add_has(void **state)
{
	struct perms set = { { 0 } };

	assert_false(perm_has(set, PERM_LOGIN));
	perms_add(&set, PERM_NONE);
	assert_int_equal(set.w[0] | set.w[1], 0);
	perms_add(&set, PERM_COUNT);                    /* out of range: nothing */
	assert_int_equal(set.w[0] | set.w[1], 0);
	perms_add(&set, PERM_CASE_WORK);
	assert_true(perm_has(set, PERM_CASE_WORK));
	for (unsigned i = PERM_NONE; i < PERM_COUNT; i++)
		if (i != PERM_CASE_WORK)
			assert_false(perm_has(set, (enum perm)i));
}

static void test_all_and_none(void **state)
{
	struct perms all = perms_all();
	struct actor who = { .perms = { { 0 } } };

	for (unsigned i = PERM_NONE + 1; i < PERM_COUNT; i++)
		assert_true(perm_has(all, (enum perm)i));
	assert_false(perm_has(all, PERM_NONE));
	assert_true(authz_has(&who, PERM_NONE));
	assert_false(authz_has(&who, PERM_LOGIN));
	who.perms = all;
	assert_true(authz_has(&who, PERM_ACCOUNTABILITY));
}

/* A role's set holds what it grants and nothing else; every role signs in. */
static void test_roles(void **state)
{
	struct perms none = role_perms(NULL), audit;

	assert_int_equal(none.w[0] | none.w[1], 0);
	for (const struct role *r = role_table; r->code; r++) {
		struct perms set = role_perms(r), listed = { { 0 } };

		assert_true(perm_has(set, PERM_LOGIN));
		for (const enum perm *p = r->grants; *p != PERM_NONE; p++) {
			assert_true(*p > PERM_NONE && *p < PERM_COUNT);
			perms_add(&listed, *p);
		}
		assert_memory_equal(&set, &listed, sizeof(set));
	}
	audit = role_perms(role_find("auditadmin"));
	for (unsigned i = PERM_NONE + 1; i < PERM_COUNT; i++)
		assert_int_equal(perm_has(audit, (enum perm)i), i == PERM_LOGIN || i == PERM_AUDIT_READ);
	assert_true(perm_has(role_perms(role_find("township")), PERM_EXECUTION));
	assert_false(perm_has(role_perms(role_find("leader")), PERM_CASE_WORK));
	/* the statistics page (issue 11): the leaders and the case manager only */
	for (const struct role *r = role_table; r->code; r++)
		assert_int_equal(perm_has(role_perms(r), PERM_STATS),
				 !strcmp(r->code, "leader") || !strcmp(r->code, "case_manager"));
	assert_string_equal(perm_name(PERM_STATS), "stats");
}

/* Issue 10 (审查调查与审理分离, Supervision Law 2018 art. 36): team roles
 * follow the office, so a role granted PERM_CASE_WORK must have a team
 * role open to it, else the permission is dead and a route scan or a
 * reader of role.c takes it for work the role can do.  The supervision
 * office (监督检查室) had it and could join no team (ui10 removed it). */
static void test_case_work_has_a_team_role(void **state)
{
	static const char *const team_roles[] = { "lead", "member", "trial", NULL };

	for (const struct role *r = role_table; r->code; r++) {
		int open = 0;

		for (int i = 0; team_roles[i]; i++)
			open |= case_team_role_open(r->code, team_roles[i]);
		if (perm_has(role_perms(r), PERM_CASE_WORK) && !open)
			fail_msg("role %s has case_work but no case team role", r->code);
	}
	assert_false(perm_has(role_perms(role_find("supervisor")), PERM_CASE_WORK));
	assert_true(perm_has(role_perms(role_find("supervisor")), PERM_CASE_READ));
	assert_false(case_team_role_open("supervisor", "member"));
	assert_false(case_team_role_open("investigator", "trial"));
	assert_false(case_team_role_open("trial", "lead"));
	assert_true(case_team_role_open("trial", "trial"));
	assert_true(case_team_role_open("township", "member"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_room),
		cmocka_unit_test(test_add_has),
		cmocka_unit_test(test_all_and_none),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_case_work_has_a_team_role),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
