/*
 * ix_problem.c: the interchange type `problem` of the rectification ledger
 * (issue 14; docs/interchange.md "Problems").  The state follows from the
 * days and the measures: rectified when `rectified` is given, rectifying
 * when measures are, else open; `confirmed` (the office's 确认销号 day)
 * only on a rectified problem.  The checks of the page's rule apply (a
 * known source, the deadline not before the day found, a campaign problem
 * names its campaign).  The link to a bad review is not carried (ratings
 * have no interchange id); the confirmer's account is not either (a file
 * names no accounts), so an imported confirmation shows its day only.
 * `activity` names the work log entry that found the problem (0061; an
 * `activity` line, which export writes before the problems).  `nature`
 * (0062): common or individual, absent when not recorded.  Each
 * imported problem starts its timeline with an "import" step.
 */
#include <string.h>

#include "domain/ctx.h"
#include "domain/interchange.h"
#include "domain/problem.h"
#include "store/q_problems.h"

#define F(ix, name) ix_value(ix, v, name)

const struct ix_field ix_problem_fields[] = {
	{ "unit", IX_REF, "unit_id", "unit", NULL, IX_REQ, NULL },
	{ "source", IX_ENUM, "source", NULL, NULL, IX_REQ, problem_sources },
	{ "campaign", IX_REF, "campaign_id", "campaign", NULL, 0, NULL },
	{ "inspection", IX_REF, "inspection_id", "inspection", NULL, 0, NULL },
	{ "activity", IX_REF, "activity_id", "activity", NULL, 0, NULL },
	{ "summary", IX_TEXT, "summary", NULL, NULL, IX_REQ, NULL },
	{ "found", IX_DATE, "found", NULL, NULL, IX_REQ, NULL },
	{ "deadline", IX_DATE, "deadline", NULL, NULL, IX_REQ, NULL },
	{ "top_leader", IX_BOOL, "top_leader", NULL, NULL, 0, NULL },
	{ "nature", IX_ENUM, "nature", NULL, NULL, 0, problem_natures },
	{ "measures", IX_TEXT, "measures", NULL, NULL, IX_EMPTY, NULL },
	{ "rectified", IX_DATE, "rectified", NULL, NULL, 0, NULL },
	{ "confirmed", IX_DATE, "confirmed_on", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "state", NULL, NULL, 0, NULL },
	{ 0 }
};

int ix_problem_prepare(struct ix *ix, struct ix_val *v)
{
	const char *found = F(ix, "found")->s, *deadline = F(ix, "deadline")->s;
	struct ix_val *measures = F(ix, "measures"), *rect = F(ix, "rectified"), *conf = F(ix, "confirmed");
	struct ix_val *state = F(ix, "state");

	if (strcmp(deadline, found) < 0)
		return ix_fail(ix, "deadline", "the deadline is before the day found");
	if (F(ix, "inspection")->set && strcmp(F(ix, "source")->s, "inspection"))
		return ix_fail(ix, "inspection", "only a problem of source inspection names an inspection");
	if (!strcmp(F(ix, "source")->s, "campaign") && !F(ix, "campaign")->set)
		return ix_fail(ix, "campaign", "a problem of a special campaign names its campaign");
	if (rect->set && strcmp(rect->s, found) < 0)
		return ix_fail(ix, "rectified", "rectified before it was found");
	if (conf->set && (!rect->set || strcmp(conf->s, rect->s) < 0))
		return ix_fail(ix, "confirmed", "confirmed without, or before, its rectification");
	state->set = 1;
	state->s = rect->set ? "rectified" : measures->set && *measures->s ? "rectifying" : "open";
	return 0;
}

int ix_problem_after(struct ix *ix, struct ix_val *v, int64_t id)
{
	struct ctx *c = ix_ctx(ix);

	(void)v;
	return store_problem_step_add(c->db, id, c->now, c->who.id, c->who.name, "import", "") < 0 ? -1 : 0;
}
