/*
 * ix_inspection.c: the interchange types `inspection_round` and
 * `inspection` (issue 14; docs/interchange.md "Inspections").  An
 * inspection names its round and the inspected unit; its report's due day
 * is not carried but computed again from the feedback day by the clock
 * inspection_report (the receiving side's limits and calendar).  The
 * group's members and leader are not carried: they are user accounts,
 * which no file names (each side has its own staff).  Problems and clues
 * carry their inspection as a reference (`inspection`).
 */
#include <string.h>

#include "domain/ctx.h"
#include "domain/inspection.h"
#include "domain/interchange.h"

#define F(ix, name) ix_value(ix, v, name)

const struct ix_field ix_round_fields[] = {
	{ "year", IX_INT, "year", NULL, NULL, IX_REQ, NULL },
	{ "number", IX_INT, "number", NULL, NULL, IX_REQ, NULL },
	{ "name", IX_TEXT, "name", NULL, NULL, IX_REQ, NULL },
	{ "starts", IX_DATE, "starts", NULL, NULL, IX_REQ, NULL },
	{ "ends", IX_DATE, "ends", NULL, NULL, 0, NULL },
	{ 0 }
};

const struct ix_field ix_inspection_fields[] = {
	{ "round", IX_REF, "round_id", "inspection_round", NULL, IX_REQ, NULL },
	{ "unit", IX_REF, "unit_id", "unit", NULL, IX_REQ, NULL },
	{ "kind", IX_ENUM, "kind", NULL, NULL, IX_REQ, inspection_kinds },
	{ "group_name", IX_TEXT, "group_name", NULL, NULL, IX_REQ, NULL },
	{ "entered", IX_DATE, "entered", NULL, NULL, 0, NULL },
	{ "left_on", IX_DATE, "left_on", NULL, NULL, 0, NULL },
	{ "feedback", IX_DATE, "feedback", NULL, NULL, 0, NULL },
	{ "reported", IX_DATE, "reported", NULL, NULL, 0, NULL },
	{ "note", IX_TEXT, "note", NULL, NULL, IX_EMPTY, NULL },
	{ NULL, IX_DERIVED, "report_due", NULL, NULL, 0, NULL },
	{ 0 }
};

int ix_inspection_prepare(struct ix *ix, struct ix_val *v)
{
	struct ix_val *fb = F(ix, "feedback"), *rep = F(ix, "reported"), *due = F(ix, "report_due");

	if (rep->set && (!fb->set || strcmp(rep->s, fb->s) < 0))
		return ix_fail(ix, "reported", "a report without, or before, the feedback");
	if (F(ix, "entered")->set && F(ix, "left_on")->set && strcmp(F(ix, "left_on")->s, F(ix, "entered")->s) < 0)
		return ix_fail(ix, "left_on", "left before it entered");
	if (!fb->set)
		return 0;
	due->s = inspection_report_due(ix_ctx(ix), fb->s);
	if (!due->s)
		return -1;
	due->set = 1;
	return 0;
}
