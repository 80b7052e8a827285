/*
 * attach_kinds.c: the four families that take attachments in issue 12
 * (reports, clues, cases, outcomes), each with the visibility check its
 * own pages use and who may add to a record (docs/security.md
 * "Attachments"):
 *   report   seen as report_get; added by those who work reports
 *            (PERM_REPORT_WRITE: 信访室);
 *   clue     seen as clue_get; added by those who register clues or
 *            propose their disposition (PERM_CLUE_REGISTER/_PROPOSE);
 *   case     seen as case_get (need-to-know); added by the case's team
 *            (PERM_CASE_WORK and on case_team);
 *   outcome  seen as outcome_get; added by those who record outcomes
 *            (PERM_OUTCOME_WRITE) and may work on its matter.
 * A later family registers its own kind in its own file the same way.
 */
#include "domain/attach.h"

#include "domain/authz.h"
#include "domain/case.h"
#include "domain/case_access.h"
#include "domain/clue.h"
#include "domain/ctx.h"
#include "domain/outcome.h"
#include "domain/report.h"
#include "domain/result.h"

static int seen_report(struct ctx *c, int64_t id)
{
	struct report k;
	return report_get(c, id, &k);
}

static int work_report(struct ctx *c, int64_t id)
{
	(void)id;
	return authz_has(&c->who, PERM_REPORT_WRITE);
}

static int seen_clue(struct ctx *c, int64_t id)
{
	struct clue k;
	return clue_get(c, id, &k);
}

static int work_clue(struct ctx *c, int64_t id)
{
	(void)id;
	return authz_has(&c->who, PERM_CLUE_REGISTER) || authz_has(&c->who, PERM_CLUE_PROPOSE);
}

static int seen_case(struct ctx *c, int64_t id)
{
	struct case_rec k;
	return case_get(c, id, &k);
}

static int work_case(struct ctx *c, int64_t id)
{
	return authz_has(&c->who, PERM_CASE_WORK) ? case_on_team(c, id) : 0;
}

static int seen_outcome(struct ctx *c, int64_t id)
{
	struct outcome o;
	return outcome_get(c, id, &o);
}

static int work_outcome(struct ctx *c, int64_t id)
{
	struct outcome o;
	int rc;

	if (!authz_has(&c->who, PERM_OUTCOME_WRITE))
		return 0;
	rc = outcome_get(c, id, &o);
	if (rc <= 0)
		return rc == RES_NOT_FOUND ? 0 : -1;
	return outcome_matter_access(c, &o);
}

static const struct attach_kind kinds[] = {
	{ "report", "reports", "信访举报", PERM_REPORT_READ, seen_report, work_report },
	{ "clue", "clues", "问题线索", PERM_CLUE_READ, seen_clue, work_clue },
	{ "case", "cases", "案件", PERM_CASE_READ, seen_case, work_case },
	{ "outcome", "outcomes", "处理结果", PERM_PERSON_READ, seen_outcome, work_outcome },
};
QF_REGISTER(attach_kinds, &kinds[0]);
QF_REGISTER(attach_kinds, &kinds[1]);
QF_REGISTER(attach_kinds, &kinds[2]);
QF_REGISTER(attach_kinds, &kinds[3]);
