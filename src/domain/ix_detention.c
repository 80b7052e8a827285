/*
 * ix_detention.c: the interchange types of a detention's later steps
 * (issue 10): the notices to the family and the unit (detention_notice)
 * and the extension, the national extension and the recalculation
 * (detention_step).  Each is checked by the same functions the case page
 * calls (detention_notice_valid, detention_step_input_valid,
 * detention_step_valid: the approver, the day from the clock's base to
 * its due day, the levels, the national extension after the extension,
 * the recalculation once), and a step moves the detention's due day as
 * the page does.  A notice after its 24 hours is stored as it was made:
 * the page then shows it late (detention_notice_state), nothing is
 * refused for being late.  Timeline entries are not written (an import
 * writes none).
 */
#include "domain/interchange.h"

#include <string.h>

#include "core/arena.h"
#include "domain/ctx.h"
#include "domain/detention.h"
#include "model/case.h"
#include "store/q_cases.h"
#include "store/q_interchange.h"

#define V(name) ix_value(ix, v, name)

const struct ix_field ix_detention_notice_fields[] = {
	{ "detention", IX_REF, "detention_id", "detention", NULL, IX_REQ, NULL },
	{ "party", IX_ENUM, "party", NULL, NULL, IX_REQ, detention_parties },
	{ "at", IX_TEXT, "notified_at", NULL, NULL, IX_REQ, NULL },
	{ "note", IX_TEXT, "note", NULL, NULL, IX_EMPTY, NULL },
	{ 0 }
};

const struct ix_field ix_detention_step_fields[] = {
	{ "detention", IX_REF, "detention_id", "detention", NULL, IX_REQ, NULL },
	{ "kind", IX_ENUM, "kind", NULL, NULL, IX_REQ, detention_ext_kinds },
	{ "approved", IX_DATE, "approved", NULL, NULL, IX_REQ, NULL },
	{ "approver", IX_TEXT, "approver", NULL, NULL, IX_EMPTY, NULL },
	{ "ten_years", IX_BOOL, "ten_years", NULL, NULL, 0, NULL },
	{ "note", IX_TEXT, "note", NULL, NULL, IX_EMPTY, NULL },
	{ NULL, IX_DERIVED, "months", NULL, NULL, 0, NULL },
	{ 0 }
};

/* the page's fields as the file's: the detention's own state is its line's `detention` */
static const char *const page_fields[] = { "state", "detention", NULL };

static int refuse(struct ix *ix, const struct fielderr *fe)
{
	return ix_refuse(ix, fe, page_fields);
}

static int detention_of(struct ix *ix, struct ix_val *v, struct detention *d)
{
	struct ctx *c = ix_ctx(ix);

	return store_detention_get(c->db, c->a, V("detention")->i, d) == 1 ? 0 : -1;
}

int ix_detention_notice_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct fielderr fe = { 0 };
	struct detention d;
	struct store_ix_value b[2] = { { 1, V("detention")->i, NULL }, { 2, 0, V("party")->s } };
	int64_t n;

	if (detention_of(ix, v, &d) < 0)
		return -1;
	if (!detention_notice_valid(c, &d, V("party")->s, V("at")->s, V("note")->s, &fe))
		return refuse(ix, &fe);
	/* one notice each to the family and the unit, as the page */
	n = store_ix_run(c->db, store_ix_sql("SELECT count(*) FROM detention_notices WHERE detention_id = ? "
					     "AND party = ?"), b, 2);
	if (n < 0)
		return -1;
	if (n > 0)
		return ix_fail(ix, "party", "the %s was notified already (one notice each to the family and "
			       "the unit)", V("party")->s);
	return 0;
}

int ix_detention_step_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct fielderr fe = { 0 };
	struct detention d;
	struct detention_ext *prior, e = { .detention_id = V("detention")->i, .kind = V("kind")->s,
					   .approved = V("approved")->s, .approver = V("approver")->s,
					   .note = V("note")->s, .ten_years = (int)V("ten_years")->i };
	struct detention_step in = { .kind = e.kind, .approved = e.approved, .approver = e.approver,
				     .note = e.note, .ten_years = e.ten_years };
	int n, rc;

	if (!detention_step_input_valid(c->a, &in, &fe))
		return refuse(ix, &fe);
	if (detention_of(ix, v, &d) < 0)
		return -1;
	n = store_detention_exts(c->db, c->a, 0, d.id, &prior);
	if (n < 0)
		return -1;
	rc = detention_step_valid(c, c->db, &d, prior, n, &e, &fe);
	if (rc <= 0)
		return rc < 0 ? -1 : refuse(ix, &fe);
	V("months")->set = 1;
	V("months")->i = e.months;
	return 0;
}

/* The detention's due day, moved by the step as on the case page. */
int ix_detention_step_after(struct ix *ix, struct ix_val *v, int64_t id)
{
	struct ctx *c = ix_ctx(ix);
	struct detention d;
	struct detention_ext e = { .kind = V("kind")->s, .approved = V("approved")->s,
				   .months = (int)V("months")->i };

	(void)id;
	if (detention_of(ix, v, &d) < 0)
		return -1;
	return store_detention_set(c->db, d.id, detention_step_due(c, &d, &e), NULL) < 0 ? -1 : 0;
}
