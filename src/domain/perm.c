/*
 * perm.c: the names of the permissions and the set operations that are
 * not inline (see perm.h).  Every index from PERM_LOGIN to PERM_COUNT - 1
 * has a name here; the `routes` command prints a missing one as "bit<N>"
 * and the route scan (tests/http/t42_route_scan) then fails.
 */
#include "domain/perm.h"

#include <stddef.h>

static const char *const perm_names[PERM_COUNT] = {
	[PERM_LOGIN] = "login",
	[PERM_UNIT_READ] = "unit_read",
	[PERM_UNIT_WRITE] = "unit_write",
	[PERM_PERSON_READ] = "person_read",
	[PERM_PERSON_WRITE] = "person_write",
	[PERM_PERSON_IDNUM] = "person_idnum",
	[PERM_USER_ADMIN] = "user_admin",
	[PERM_USER_SECURITY] = "user_security",
	[PERM_AUDIT_READ] = "audit_read",
	[PERM_CALENDAR] = "calendar",
	[PERM_USER_VIEW] = "user_view",
	[PERM_CLUE_READ] = "clue_read",
	[PERM_CLUE_REGISTER] = "clue_register",
	[PERM_CLUE_PROPOSE] = "clue_propose",
	[PERM_CLUE_APPROVE] = "clue_approve",
	[PERM_REPORT_READ] = "report_read",
	[PERM_REPORT_WRITE] = "report_write",
	[PERM_REPORTER] = "reporter",
	[PERM_CASE_READ] = "case_read",
	[PERM_CASE_ASSIGN] = "case_assign",
	[PERM_CASE_WORK] = "case_work",
	[PERM_CASE_OVERRIDE] = "case_override",
	[PERM_OUTCOME_WRITE] = "outcome_write",
	[PERM_EXECUTION] = "execution",
	[PERM_ACCOUNTABILITY] = "accountability",
	[PERM_CATALOG] = "catalog",
	[PERM_RULES_EDIT] = "rules_edit",
	[PERM_ANNUAL_REPORT] = "annual_report",
	[PERM_STATS] = "stats",
	[PERM_DOC_TEMPLATES] = "doc_templates",
	[PERM_CLUE_ASSIGN] = "clue_assign",
	[PERM_RATING_READ] = "rating_read",
	[PERM_RATING_WORK] = "rating_work",
	[PERM_TARGET_READ] = "target_read",
	[PERM_TARGET_MANAGE] = "target_manage",
	[PERM_TARGET_PUBLISH] = "target_publish",
	[PERM_PROBLEM_READ] = "problem_read",
	[PERM_PROBLEM_WRITE] = "problem_write",
	[PERM_PROBLEM_RECTIFY] = "problem_rectify",
	[PERM_CAMPAIGN_WRITE] = "campaign_write",
	[PERM_INSPECTION_READ] = "inspection_read",
	[PERM_INSPECTION_WRITE] = "inspection_write",
	[PERM_SUPERVISION_READ] = "supervision_read",
	[PERM_SUPERVISION_WRITE] = "supervision_write",
	[PERM_WORKLOG] = "worklog",
	[PERM_WORKLOG_KINDS] = "worklog_kinds",
	[PERM_REGDOC_SECRET] = "regdoc_secret",
	[PERM_OPINION_READ] = "opinion_read",
	[PERM_OPINION_WRITE] = "opinion_write",

};

struct perms perms_of(const enum perm *list)
{
	struct perms set = { { 0 } };

	for (; *list != PERM_NONE; list++)
		perms_add(&set, *list);
	return set;
}

struct perms perms_all(void)
{
	struct perms set = { { 0 } };

	for (unsigned i = PERM_NONE + 1; i < PERM_COUNT; i++)
		perms_add(&set, (enum perm)i);
	return set;
}

const char *perm_name(enum perm p)
{
	return (unsigned)p < PERM_COUNT ? perm_names[p] : NULL;
}
