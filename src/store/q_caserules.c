/*
 * q_caserules.c: approvals, the jurisdiction rules, the violation category
 * catalog, a case's filing record and a disposition's transfer
 * (0019_case_rules.sql).
 */
#include "store/q_caserules.h"
#include "store/q_scope.h"
#include "store/q_todo.h"
#include "store/q_util.h"

/* SQLite: no RETURNING (a statement journal and a temporary table per
 * insert there, bench/README.md "The SQLite import"), the id read from
 * the connection; PostgreSQL: RETURNING (the import's bulk mode answers
 * it from reserved ids) */
static const struct store_sql Q_APPROVAL_INSERT = {
	"INSERT INTO approvals(region, object, kind, decision, user_id, approver, day, reason, at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	"INSERT INTO approvals(region, object, kind, decision, user_id, approver, day, reason, at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id" };
static const struct store_sql Q_APPROVALS_OF = {
	"SELECT id, object, kind, decision, COALESCE(user_id, 0), approver, day, reason, at "
	"FROM approvals WHERE object = ? ORDER BY id", NULL };
static const struct store_sql Q_JURISDICTION = {
	"SELECT level, rank, valid_from, up, source FROM jurisdiction_rules "
	"ORDER BY level, rank, valid_from", NULL };
/* cases: kept by 0082's triggers (a count per category read the whole
 * case_categories table on every page with a category field) */
#define CATEGORY_COLS "c.code, c.label, c.source, c.valid_from, c.retired, c.cases FROM violation_categories c "
static const struct store_sql Q_CATEGORIES = {
	"SELECT " CATEGORY_COLS "ORDER BY c.created_at, c.code", NULL };
/* offered on a day: from valid_from, until the day it is retired */
static const struct store_sql Q_CATEGORY_OFFERED = {
	"SELECT count(*) FROM violation_categories WHERE code = ? AND valid_from <= ? "
	"AND (retired IS NULL OR ? < retired)", NULL };
/* when each code is offered, for an import's memo (domain/txmemo.c) */
static const struct store_sql Q_CATEGORY_SPANS = {
	"SELECT c.code, '', '', c.valid_from, c.retired, 0 FROM violation_categories c", NULL };
/* as migration 0082 fills the column */
static const struct store_sql Q_CATEGORY_CASES_RECOUNT = {
	"UPDATE violation_categories SET cases = (SELECT count(*) FROM case_categories k "
	"WHERE k.category = violation_categories.code)", NULL };
static const struct store_sql Q_CATEGORY_GET = { "SELECT " CATEGORY_COLS "WHERE c.code = ?", NULL };
static const struct store_sql Q_CATEGORY_INSERT = {
	"INSERT INTO violation_categories(code, label, source, valid_from, created_at) "
	"VALUES (?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_CATEGORY_RETIRE = {
	"UPDATE violation_categories SET retired = ? WHERE code = ?", NULL };
static const struct store_sql Q_CASE_FILING = {
	"UPDATE cases SET case_type = ?, organ_kind = ?, organ_name = ? WHERE id = ?", NULL };
static const struct store_sql Q_CASE_CATEGORY_ADD = {
	"INSERT INTO case_categories(case_id, category) VALUES (?, ?)", NULL };
static const struct store_sql Q_CASE_CATEGORIES = {
	"SELECT category FROM case_categories WHERE case_id = ? ORDER BY category", NULL };
static const struct store_sql Q_DISP_TRANSFER_SET = {
	"UPDATE dispositions SET transfer_direction = ?, transfer_to = ?, transfer_ref = ? WHERE id = ?",
	NULL };
static const struct store_sql Q_CLUE_FORWARD_DUE = {
	"UPDATE clues SET forward_due = ? WHERE id = ?", NULL };

int64_t store_approval_insert(struct store *s, const char *region, const struct approval *ap)
{
	struct store_stmt *st = store_prepare(s, &Q_APPROVAL_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_text(st, 2, ap->object);
	store_bind_text(st, 3, ap->kind);
	store_bind_text(st, 4, ap->decision);
	q_bind_id(st, 5, ap->user_id);
	store_bind_text(st, 6, ap->approver ? ap->approver : "");
	store_bind_text(st, 7, ap->day);
	store_bind_text(st, 8, ap->reason ? ap->reason : "");
	store_bind_int(st, 9, ap->at);
	return q_insert_id(s, st);
}

static void fill_approval(struct arena *a, struct store_stmt *st, void *row)
{
	struct approval *ap = row;

	ap->id = store_col_int(st, 0);
	ap->object = q_text(a, st, 1);
	ap->kind = q_text(a, st, 2);
	ap->decision = q_text(a, st, 3);
	ap->user_id = store_col_int(st, 4);
	ap->approver = q_text(a, st, 5);
	ap->day = q_text(a, st, 6);
	ap->reason = q_text(a, st, 7);
	ap->at = store_col_int(st, 8);
}

int store_approvals_of(struct store *s, struct arena *a, const char *object, struct approval **out)
{
	struct store_stmt *st = store_prepare(s, &Q_APPROVALS_OF);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, object);
	return q_collect(st, a, fill_approval, sizeof(**out), out);
}

static void fill_rule(struct arena *a, struct store_stmt *st, void *row)
{
	struct jurisdiction_rule *r = row;

	r->level = q_text(a, st, 0);
	r->rank = q_text(a, st, 1);
	r->valid_from = q_text(a, st, 2);
	r->up = (int)store_col_int(st, 3);
	r->source = q_text(a, st, 4);
}

int store_jurisdiction_rules(struct store *s, struct arena *a, struct jurisdiction_rule **out)
{
	struct store_stmt *st = store_prepare(s, &Q_JURISDICTION);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	return q_collect(st, a, fill_rule, sizeof(**out), out);
}

static void fill_category(struct arena *a, struct store_stmt *st, void *row)
{
	struct violation_category *v = row;

	v->code = q_text(a, st, 0);
	v->label = q_text(a, st, 1);
	v->source = q_text(a, st, 2);
	v->valid_from = q_text(a, st, 3);
	v->retired = q_text_or_null(a, st, 4);
	v->used = (int)store_col_int(st, 5);
}

int store_categories(struct store *s, struct arena *a, struct violation_category **out)
{
	struct store_stmt *st = store_prepare(s, &Q_CATEGORIES);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	return q_collect(st, a, fill_category, sizeof(**out), out);
}

int store_category_spans(struct store *s, struct arena *a, struct violation_category **out)
{
	struct store_stmt *st = store_prepare(s, &Q_CATEGORY_SPANS);

	*out = NULL;
	return st ? q_collect(st, a, fill_category, sizeof(**out), out) : STORE_ERR;
}

int store_category_get(struct store *s, struct arena *a, const char *code, struct violation_category *v)
{
	return q_get_by_text(store_prepare(s, &Q_CATEGORY_GET), a, code, fill_category, v);
}

int store_category_cases_recount(struct store *s)
{
	return store_exec(store_prepare(s, &Q_CATEGORY_CASES_RECOUNT)) < 0 ? STORE_ERR : 0;
}

int store_category_insert(struct store *s, const struct violation_category *v, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_CATEGORY_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, v->code);
	store_bind_text(st, 2, v->label);
	store_bind_text(st, 3, v->source ? v->source : "");
	store_bind_text(st, 4, v->valid_from);
	store_bind_int(st, 5, now);
	return store_exec(st);
}

int store_category_retire(struct store *s, const char *code, const char *retired)
{
	struct store_stmt *st = store_prepare(s, &Q_CATEGORY_RETIRE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, retired);
	store_bind_text(st, 2, code);
	if (store_exec(st) < 0)
		return STORE_ERR;
	return store_changes(s) == 1 ? 1 : 0;
}

int store_case_set_filing(struct store *s, int64_t case_id, const struct case_filing *f)
{
	struct store_stmt *st = store_prepare(s, &Q_CASE_FILING);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, f->case_type);
	store_bind_text(st, 2, f->organ_kind);
	store_bind_text(st, 3, f->organ_name ? f->organ_name : "");
	store_bind_int(st, 4, case_id);
	return store_exec(st);
}

int store_case_add_category(struct store *s, int64_t case_id, const char *code)
{
	struct store_stmt *st = store_prepare(s, &Q_CASE_CATEGORY_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, case_id);
	store_bind_text(st, 2, code);
	return store_exec(st);
}

int store_case_categories(struct store *s, struct arena *a, int64_t case_id, const char ***out)
{
	*out = NULL;
	return q_list_by_id(store_prepare(s, &Q_CASE_CATEGORIES), a, case_id, q_fill_text, sizeof(**out), out);
}

int store_disposition_set_transfer(struct store *s, int64_t id, const char *direction,
				   const char *to, const char *ref)
{
	struct store_stmt *st = store_prepare(s, &Q_DISP_TRANSFER_SET);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, direction);
	store_bind_text(st, 2, to ? to : "");
	store_bind_text(st, 3, ref ? ref : "");
	store_bind_int(st, 4, id);
	return store_exec(st);
}

int store_clue_set_forward_due(struct store *s, int64_t clue_id, const char *due)
{
	struct store_stmt *st = store_prepare(s, &Q_CLUE_FORWARD_DUE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, due);
	store_bind_int(st, 2, clue_id);
	return store_exec(st);
}

/* Clues that belong to the level above and are not forwarded yet, their
 * forwarding due day on or before `due_by`, within the scope. */
#define TO_FORWARD_WHERE "WHERE k.forward_due IS NOT NULL AND k.forward_due <= ? " \
	"AND k.state <> 'transferred' AND " Q_IN_SCOPE("k.unit_id") " "
static const struct store_sql Q_TO_FORWARD = {
	Q_SCOPE_WITH "SELECT k.id, k.unit_id, u.name, k.received, k.forward_due FROM clues k "
	"JOIN units u ON u.id = k.unit_id " TO_FORWARD_WHERE "ORDER BY k.forward_due, k.id LIMIT ?", NULL };
/* the same counted: due on or before the first day (overdue), the second */
static const struct store_sql Q_TO_FORWARD_COUNT = {
	Q_SCOPE_WITH "SELECT '', SUM(CASE WHEN k.forward_due <= ? THEN 1 ELSE 0 END), count(*) FROM clues k "
	TO_FORWARD_WHERE, NULL };

static void fill_forward(struct arena *a, struct store_stmt *st, void *row)
{
	struct clue *k = row;

	k->id = store_col_int(st, 0);
	k->unit_id = store_col_int(st, 1);
	k->unit_name = q_text(a, st, 2);
	k->received = q_text(a, st, 3);
	k->forward_due = q_text(a, st, 4);
}

int store_clues_to_forward(struct store *s, struct arena *a, int64_t scope_user, const char *due_by, int limit,
			   struct clue **out)
{
	struct store_stmt *st = store_prepare(s, &Q_TO_FORWARD);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_text(st, 2, due_by);
	store_bind_int(st, 3, scope_user);
	store_bind_int(st, 4, limit);
	return q_collect(st, a, fill_forward, sizeof(**out), out);
}

int store_clues_to_forward_count(struct store *s, struct arena *a, int64_t scope_user, const char *overdue_by,
				 const char *due_by, struct store_due_count **out)
{
	struct store_stmt *st = store_prepare(s, &Q_TO_FORWARD_COUNT);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_text(st, 2, overdue_by);
	store_bind_text(st, 3, due_by);
	store_bind_int(st, 4, scope_user);
	return q_collect(st, a, q_fill_due_count, sizeof(**out), out);
}

static const struct store_sql Q_REPORT_TRANSFER_REF = {
	"UPDATE reports SET transfer_ref = ? WHERE id = ?", NULL };

int store_report_set_transfer_ref(struct store *s, int64_t report_id, const char *ref)
{
	struct store_stmt *st = store_prepare(s, &Q_REPORT_TRANSFER_REF);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, ref);
	store_bind_int(st, 2, report_id);
	return store_exec(st);
}

/* the filing snapshot of a case's subjects (person id, rank, flags, unit) */
static const struct store_sql Q_CASE_SNAPSHOTS = {
	"SELECT cs.person_id, p.name, COALESCE(cs.rank, p.rank), cs.top_leader, cs.leadership, "
	"COALESCE(cs.unit_id, p.unit_id), u.name FROM case_subjects cs JOIN persons p ON p.id = cs.person_id "
	"JOIN units u ON u.id = COALESCE(cs.unit_id, p.unit_id) WHERE cs.case_id = ? ORDER BY cs.person_id",
	NULL };

static void fill_snapshot(struct arena *a, struct store_stmt *st, void *row)
{
	struct person *p = row;

	p->id = store_col_int(st, 0);
	p->name = q_text(a, st, 1);
	p->rank = q_text(a, st, 2);
	p->top_leader = (int)store_col_int(st, 3);
	p->leadership = (int)store_col_int(st, 4);
	p->unit_id = store_col_int(st, 5);
	p->unit_name = q_text(a, st, 6);
}

int store_case_snapshots(struct store *s, struct arena *a, int64_t case_id, struct person **out)
{
	*out = NULL;
	return q_list_by_id(store_prepare(s, &Q_CASE_SNAPSHOTS), a, case_id, fill_snapshot, sizeof(**out), out);
}

int store_category_offered(struct store *s, const char *code, const char *day)
{
	struct store_stmt *st = store_prepare(s, &Q_CATEGORY_OFFERED);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, code);
	store_bind_text(st, 2, day);
	store_bind_text(st, 3, day);
	return (int)q_scalar(st);
}
