/*
 * ix_rules.c: the rules kept as data, as interchange types (issue 10):
 * the form table (form_rule: a row of form_rules, a measure's form from
 * valid_from, with its source) and the catalog of violation categories
 * (violation_category).  They come first in a file, so that an export
 * imports into a fresh database and the outcomes and cases after them are
 * checked against the same table.
 *
 * A fresh database holds the seeded rows: a line equal to a row already
 * there is taken as it is (nothing written, counted); a line that differs
 * from a stored row of the same key is refused (which of the two is
 * right is the case manager's decision), except a category's retired day,
 * which the file sets (the catalog's state is the file's).  A new row is
 * checked by the rules of the pages (category_valid; rule_row_valid, the
 * rule table page's checks of a form row);
 * the page's "not before today" of a form row is, for a file carrying the
 * table's history, the rule it stands for: a new row must not move a
 * stored outcome's form, so one is refused while an outcome with that
 * measure is dated on or after its valid_from.
 *
 * The other rule tables (influence_period, clock_limit_version,
 * detention_limit, jurisdiction_rule) are exported whole; on import a line
 * equal to a stored row is taken, any other is refused: a new version
 * would need, besides rule_row_valid, its own check that it moves no
 * stored period, due day, limit or jurisdiction (not written yet), and an
 * outcome's period, a clock's due day or a detention's limit computed on
 * import from a table that silently lacked the source's version would
 * differ from the source's (docs/interchange.md).
 */
#include "domain/interchange.h"

#include <string.h>

#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/case_filing.h"
#include "domain/ctx.h"
#include "domain/measures.h"
#include "domain/rule_tables.h"
#include "domain/txmemo.h"
#include "model/caserules.h"
#include "model/rules.h"
#include "store/q_caserules.h"
#include "store/q_interchange.h"
#include "store/q_rules.h"

#define V(name) ix_value(ix, v, name)

const struct ix_field ix_form_rule_fields[] = {
	{ "measure", IX_TEXT, "measure", NULL, NULL, IX_REQ, NULL },
	{ "valid_from", IX_DATE, "valid_from", NULL, NULL, IX_REQ, NULL },
	{ "form", IX_INT, "form", NULL, NULL, IX_REQ, NULL },
	{ "source", IX_TEXT, "source", NULL, NULL, IX_REQ, NULL },
	{ 0 }
};

const struct ix_field ix_category_fields[] = {
	{ "code", IX_TEXT, "code", NULL, NULL, IX_REQ, NULL },
	{ "label", IX_TEXT, "label", NULL, NULL, IX_REQ, NULL },
	{ "source", IX_TEXT, "source", NULL, NULL, IX_EMPTY, NULL },
	{ "valid_from", IX_DATE, "valid_from", NULL, NULL, IX_REQ, NULL },
	{ "retired", IX_DATE, "retired", NULL, NULL, 0, NULL },
	{ 0 }
};

static int same(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

int ix_form_rule_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct form_rule r = { .measure = V("measure")->s, .valid_from = V("valid_from")->s,
			       .form = (int)V("form")->i, .source = V("source")->s };
	struct store_ix_value b[2] = { { 2, 0, r.measure }, { 2, 0, r.valid_from } };
	const struct form_table *ft = ix_forms(ix);
	int64_t n;
	const char *cols[] = { r.measure, arena_printf(c->a, "%d", r.form) };
	struct fielderr fe = { 0 };
	int rc;

	if (!ft)
		return -1;
	/* the rule table page's checks of a version (its definition's columns,
	 * the source), all but "from today on": the file carries the history */
	rc = rule_row_valid(c, &rule_tables[RULES_FORMS], cols, r.valid_from, 0, r.source, &fe);
	if (rc <= 0)
		return rc < 0 ? -1 : ix_refuse(ix, &fe, NULL);
	for (int i = 0; i < ft->n; i++) {
		const struct form_rule *o = &ft->rules[i];
		if (strcmp(o->measure, r.measure) || strcmp(o->valid_from, r.valid_from))
			continue;
		if (o->form == r.form && same(o->source, r.source))
			return 1;       /* the same row: nothing to write */
		return ix_fail(ix, "form", "%s counts in form %d from %s already (%s): a different row of "
			       "the same day is refused", r.measure, o->form, r.valid_from, o->source);
	}
	n = store_ix_run(c->db, store_ix_sql("SELECT count(*) FROM outcome_measures m JOIN outcomes o ON "
					     "o.id = m.outcome_id WHERE m.measure = ? AND o.day >= ?"), b, 2);
	if (n < 0)
		return -1;
	if (n > 0)
		return ix_fail(ix, "valid_from", "%d outcome(s) with %s dated on or after %s are stored: a row "
			       "from that day would move their form (a change never moves an outcome already "
			       "decided)", (int)n, r.measure, r.valid_from);
	/* stored as the rule table page stores a version (no user: the CLI) */
	if (store_rule_put(c->db, RULES_FORMS, &(struct rule_row){ .v = { cols[0], cols[1] },
				   .valid_from = r.valid_from, .source = r.source }, 0, c->now) < 0)
		return -1;
	ix_forms_changed(ix);
	return 1;
}

int ix_category_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct violation_category k = { .code = V("code")->s, .label = V("label")->s, .source = V("source")->s,
					.valid_from = V("valid_from")->s, .retired = V("retired")->s };
	struct violation_category old;
	struct fielderr fe = { 0 };

	if (!category_valid(c->a, &k, &fe))
		return ix_refuse(ix, &fe, NULL);
	txmemo_categories_changed(c);   /* the line may write the catalog */
	switch (store_category_get(c->db, c->a, k.code, &old)) {
	case 0:
		return store_category_insert(c->db, &k, c->now) < 0 ||
		       (k.retired && store_category_retire(c->db, k.code, k.retired) < 0) ? -1 : 1;
	case 1:
		break;
	default:
		return -1;
	}
	if (!same(old.label, k.label) || !same(old.valid_from, k.valid_from))
		return ix_fail(ix, "label", "category %s is in the catalog as \"%s\" from %s: a different "
			       "category of the same code is refused (a code is never reused)", k.code,
			       old.label, old.valid_from);
	if (same(old.retired, k.retired))
		return 1;
	return store_category_retire(c->db, k.code, k.retired) < 0 ? -1 : 1;
}

/* ---- the other rule tables: rows equal to the stored ones ---------------------------- */

/* a key column, a column of the row, the source (the rule tables' own) */
#define KEY(name, kind) { name, kind, name, NULL, NULL, IX_REQ | IX_KEY, NULL }
#define COL(name, kind) { name, kind, name, NULL, NULL, (kind) == IX_BOOL ? 0 : IX_REQ, NULL }
#define SOURCE { "source", IX_TEXT, "source", NULL, NULL, IX_EMPTY, NULL }

const struct ix_field ix_period_fields[] = {
	KEY("measure", IX_TEXT), KEY("valid_from", IX_DATE), COL("months", IX_INT), COL("stated", IX_BOOL),
	COL("extra_months", IX_INT), COL("permanent", IX_BOOL), SOURCE, { 0 }
};

const struct ix_field ix_clock_fields[] = {
	KEY("clock", IX_TEXT), KEY("effective_from", IX_DATE), COL("amount", IX_INT), COL("unit", IX_TEXT),
	SOURCE, { 0 }
};

const struct ix_field ix_detention_limit_fields[] = {
	KEY("step", IX_TEXT), KEY("effective_from", IX_DATE), COL("amount", IX_INT), COL("unit", IX_TEXT),
	COL("min_level", IX_TEXT), { "approver", IX_TEXT, "approver", NULL, NULL, IX_EMPTY, NULL }, SOURCE,
	{ 0 }
};

const struct ix_field ix_jurisdiction_fields[] = {
	KEY("level", IX_TEXT), KEY("rank", IX_TEXT), KEY("valid_from", IX_DATE), COL("up", IX_BOOL), SOURCE,
	{ 0 }
};

/* The stored rows of the current type equal to the line in its key
 * columns (keys_only) or in all: their count, < 0 on a store error. */
static int64_t rows_like(struct ix *ix, struct ix_val *v, int keys_only)
{
	const struct ix_type *t = ix_current_type(ix);
	struct store_ix_value b[IX_MAX_FIELDS];
	struct strbuf sb = STRBUF_INIT;
	const struct store_sql *q;
	int n = 0;

	strbuf_addf(&sb, "SELECT count(*) FROM %s WHERE 1 = 1", t->table);
	for (int i = 0; t->fields[i].name; i++) {
		const struct ix_field *f = &t->fields[i];
		if (keys_only && !(f->flags & IX_KEY))
			continue;
		strbuf_addf(&sb, " AND %s = ?", f->column);
		b[n++] = f->kind == IX_INT || f->kind == IX_BOOL ? (struct store_ix_value){ 1, v[i].i, NULL }
			 : (struct store_ix_value){ 2, 0, v[i].set ? v[i].s : "" };
	}
	q = store_ix_sql(sb.buf);
	strbuf_release(&sb);
	return store_ix_run(ix_ctx(ix)->db, q, b, n);
}

int ix_rule_row_prepare(struct ix *ix, struct ix_val *v)
{
	const struct ix_type *t = ix_current_type(ix);
	int64_t n = rows_like(ix, v, 0);

	if (n != 0)
		return n < 0 ? -1 : 1;  /* the same row: nothing to write */
	n = rows_like(ix, v, 1);
	if (n < 0)
		return -1;
	return ix_fail(ix, t->fields[0].name, "%s: %s", n ? "differs from the stored row of the same key (a "
		       "version in force is never replaced)" : "a version this database does not have",
		       "a new version is added on the rule table pages, from today on, not by import "
		       "(docs/interchange.md)");
}
