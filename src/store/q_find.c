/*
 * q_find.c: the statements behind the pickers and the search box (issue
 * 12).  Each kind is one WHERE shared by its page and its count, so a
 * count never includes a row the page would not show: persons, units,
 * clues and reports are bounded by the jurisdiction rule (q_scope.h),
 * cases by need-to-know (the handling team, as the case list), in SQL,
 * so nothing outside them is counted, paged or timed.
 *
 * Matching: a name contains the typed text (LIKE with its wildcards
 * escaped), or the text is the record's number or file id (ext_id), or
 * (persons) a keyed MAC of an ID number's tail or whole equals the one
 * the domain computed; the store never sees an ID number in clear.
 */
#include "store/q_find.h"
#include "store/q_scope.h"
#include "store/q_util.h"

/* SQLite 3.40 spells string_agg group_concat */
#define NAMES(AGG, TABLE, OWNER, COL) "COALESCE((SELECT " AGG "(p.name, '、') FROM " TABLE " x " \
	"JOIN persons p ON p.id = x.person_id WHERE x." OWNER " = " COL "), '')"
#define NAME_LIKE(TABLE, OWNER, COL) "EXISTS (SELECT 1 FROM " TABLE " x JOIN persons p " \
	"ON p.id = x.person_id WHERE x." OWNER " = " COL " AND p.name LIKE ? ESCAPE '\\')"
#define PAGE " LIMIT ? OFFSET ?"

/* persons: scope (2), like (2), tail4, tail6, unit (2); order: exact name */
#define P_FROM "FROM persons p JOIN units u ON u.id = p.unit_id WHERE " Q_IN_SCOPE("p.unit_id") \
	" AND (p.name LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\' OR p.id_tail4_mac = ? " \
	"OR p.id_tail6_mac = ?) AND (? = 0 OR p.unit_id = ?) "
static const struct store_sql Q_PERSONS = {
	Q_SCOPE_WITH "SELECT p.id, p.unit_id, p.name, u.name, p.position " P_FROM
	"ORDER BY CASE WHEN p.name = ? THEN 0 ELSE 1 END, p.id" PAGE, NULL };
static const struct store_sql Q_PERSONS_N = { Q_SCOPE_WITH Q_CAPPED_COUNT(P_FROM), NULL };

/* units: scope (3: the parent's name only when visible), like; order: exact name */
#define U_FROM "FROM units u LEFT JOIN units pu ON pu.id = u.parent_id AND " Q_IN_SCOPE("pu.id") \
	" WHERE " Q_IN_SCOPE("u.id") " AND u.name LIKE ? ESCAPE '\\' "
static const struct store_sql Q_UNITS = {
	Q_SCOPE_WITH "SELECT u.id, u.id, u.name, u.name, COALESCE(pu.name, '') " U_FROM
	"ORDER BY CASE WHEN u.name = ? THEN 0 ELSE 1 END, u.id" PAGE, NULL };
static const struct store_sql Q_UNITS_N = { Q_SCOPE_WITH Q_CAPPED_COUNT(U_FROM), NULL };

/* cases: team (2), number, exact (2: file id, a subject's 立案编号), like;
 * order: exact file id, newest */
#define C_FROM "FROM cases c JOIN units u ON u.id = c.unit_id WHERE (? = 0 OR EXISTS (SELECT 1 " \
	"FROM case_team t WHERE t.case_id = c.id AND t.user_id = ?)) AND (c.id = ? OR c.ext_id = ? " \
	"OR EXISTS (SELECT 1 FROM case_subjects s WHERE s.case_id = c.id AND s.filing_no = ?) " \
	"OR " NAME_LIKE("case_subjects", "case_id", "c.id") ") "
#define C_LIST(AGG) "SELECT c.id, c.unit_id, " NAMES(AGG, "case_subjects", "case_id", "c.id") \
	", u.name, c.filed " C_FROM "ORDER BY CASE WHEN c.ext_id = ? THEN 0 ELSE 1 END, c.id DESC" PAGE
static const struct store_sql Q_CASES = { C_LIST("group_concat"), C_LIST("string_agg") };
static const struct store_sql Q_CASES_N = { Q_CAPPED_COUNT(C_FROM), NULL };

/* clues: scope (2), number, exact (3: file id, source reference, 线索编号), like */
#define K_FROM "FROM clues k JOIN units u ON u.id = k.unit_id WHERE " Q_IN_SCOPE("k.unit_id") \
	" AND (k.id = ? OR k.ext_id = ? OR k.source_ref = ? OR k.clue_no = ? OR " \
	NAME_LIKE("clue_subjects", "clue_id", "k.id") ") "
#define K_LIST(AGG) Q_SCOPE_WITH "SELECT k.id, k.unit_id, " \
	NAMES(AGG, "clue_subjects", "clue_id", "k.id") ", u.name, k.received " K_FROM \
	"ORDER BY CASE WHEN k.ext_id = ? THEN 0 ELSE 1 END, k.id DESC" PAGE
static const struct store_sql Q_CLUES = { K_LIST("group_concat"), K_LIST("string_agg") };
static const struct store_sql Q_CLUES_N = { Q_SCOPE_WITH Q_CAPPED_COUNT(K_FROM), NULL };

/* reports: scope (2), number, exact, like (the accused) */
#define R_FROM "FROM reports r LEFT JOIN units u ON u.id = r.unit_id WHERE " Q_IN_SCOPE("r.unit_id") \
	" AND (r.id = ? OR r.ext_id = ? OR " NAME_LIKE("report_accused", "report_id", "r.id") ") "
#define R_LIST(AGG) Q_SCOPE_WITH "SELECT r.id, COALESCE(r.unit_id, 0), " \
	NAMES(AGG, "report_accused", "report_id", "r.id") ", COALESCE(u.name, ''), r.received " R_FROM \
	"ORDER BY CASE WHEN r.ext_id = ? THEN 0 ELSE 1 END, r.id DESC" PAGE
static const struct store_sql Q_REPORTS = { R_LIST("group_concat"), R_LIST("string_agg") };
static const struct store_sql Q_REPORTS_N = { Q_SCOPE_WITH Q_CAPPED_COUNT(R_FROM), NULL };

/* documents by their 文号, as visible as the record page that lists them
 * (domain/document.h): a case's by need-to-know, a clue's and a report's
 * by jurisdiction, an outcome's by its matter's (the case, else the clue);
 * each only with the read permission of that page (the flags).  Binds:
 * scope (1), number, case flag, team (2), clue flag, scope, report flag,
 * scope, case flag, team (2), clue flag, scope. */
#define D_TEAM(COL) "(? = 0 OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = " COL " AND t.user_id = ?))"
#define D_FROM "FROM documents d WHERE d.number = ? AND (" \
	"(? = 1 AND EXISTS (SELECT 1 FROM cases c WHERE d.page = '/cases/' || c.id AND " D_TEAM("c.id") ")) " \
	"OR (? = 1 AND EXISTS (SELECT 1 FROM clues k WHERE d.page = '/clues/' || k.id AND " \
	Q_IN_SCOPE("k.unit_id") ")) " \
	"OR (? = 1 AND EXISTS (SELECT 1 FROM reports r WHERE d.page = '/reports/' || r.id AND " \
	Q_IN_SCOPE("r.unit_id") ")) " \
	"OR EXISTS (SELECT 1 FROM outcomes o WHERE d.page = '/outcomes/' || o.id AND (" \
	"(o.case_id IS NOT NULL AND ? = 1 AND " D_TEAM("o.case_id") ") OR (o.case_id IS NULL AND ? = 1 AND " \
	"EXISTS (SELECT 1 FROM clues k WHERE k.id = o.clue_id AND " Q_IN_SCOPE("k.unit_id") "))))) "
static const struct store_sql Q_DOCUMENTS = {
	Q_SCOPE_WITH "SELECT d.id, 0, d.number, d.kind, d.day " D_FROM
	"ORDER BY CASE WHEN d.number = ? THEN 0 ELSE 1 END, d.id DESC" PAGE, NULL };
static const struct store_sql Q_DOCUMENTS_N = { Q_SCOPE_WITH Q_CAPPED_COUNT(D_FROM), NULL };

static const struct store_sql Q_TAILS_TODO = {
	"SELECT id, id_number_enc FROM persons WHERE id_number_enc IS NOT NULL "
	"AND id_tail4_mac IS NULL AND id > ? ORDER BY id LIMIT ?", NULL };
static const struct store_sql Q_SET_TAILS = {
	"UPDATE persons SET id_tail4_mac = ?, id_tail6_mac = ? WHERE id = ?", NULL };

/* the filter's text as a LIKE pattern, in `a` */
static const char *like_of(struct arena *a, const struct find_filter *f)
{
	return q_like_pattern(a, f->exact ? f->exact : "");
}

static int bind_scope(struct store_stmt *st, int i, int64_t scope_user, int times)
{
	while (times--)
		store_bind_int(st, i++, scope_user);
	return i;
}

static int bind_persons(struct store_stmt *st, const struct find_filter *f, const char *like)
{
	int i = bind_scope(st, 1, f->scope_user, 2);

	store_bind_text(st, i++, like);
	store_bind_text(st, i++, like);
	store_bind_text(st, i++, f->tail4);
	store_bind_text(st, i++, f->tail6);
	store_bind_int(st, i++, f->unit_id);
	store_bind_int(st, i++, f->unit_id);
	return i;
}

static int bind_units(struct store_stmt *st, const struct find_filter *f, const char *like)
{
	int i = bind_scope(st, 1, f->scope_user, 3);

	store_bind_text(st, i++, like);
	return i;
}

static int bind_cases(struct store_stmt *st, const struct find_filter *f, const char *like)
{
	int i = bind_scope(st, 1, f->team_user, 2);

	store_bind_int(st, i++, f->number);
	store_bind_text(st, i++, f->exact);
	store_bind_text(st, i++, f->exact);
	store_bind_text(st, i++, like);
	return i;
}

static int bind_clues(struct store_stmt *st, const struct find_filter *f, const char *like)
{
	int i = bind_scope(st, 1, f->scope_user, 2);

	store_bind_int(st, i++, f->number);
	store_bind_text(st, i++, f->exact);
	store_bind_text(st, i++, f->exact);
	store_bind_text(st, i++, f->exact);
	store_bind_text(st, i++, like);
	return i;
}

static int bind_reports(struct store_stmt *st, const struct find_filter *f, const char *like)
{
	int i = bind_scope(st, 1, f->scope_user, 2);

	store_bind_int(st, i++, f->number);
	store_bind_text(st, i++, f->exact);
	store_bind_text(st, i++, like);
	return i;
}

static int bind_documents(struct store_stmt *st, const struct find_filter *f, const char *like)
{
	int i = bind_scope(st, 1, f->scope_user, 1);

	(void)like;
	store_bind_text(st, i++, f->exact);
	store_bind_int(st, i++, f->may.cases);
	i = bind_scope(st, i, f->team_user, 2);
	store_bind_int(st, i++, f->may.clues);
	store_bind_int(st, i++, f->scope_user);
	store_bind_int(st, i++, f->may.reports);
	store_bind_int(st, i++, f->scope_user);
	store_bind_int(st, i++, f->may.cases);
	i = bind_scope(st, i, f->team_user, 2);
	store_bind_int(st, i++, f->may.clues);
	store_bind_int(st, i++, f->scope_user);
	return i;
}

/* in the order of enum find_kind */
static const struct {
	const struct store_sql *list, *count;
	int (*bind)(struct store_stmt *st, const struct find_filter *f, const char *like);
} kinds[FIND_KINDS] = {
	[FIND_REPORT] = { &Q_REPORTS, &Q_REPORTS_N, bind_reports },
	[FIND_CLUE] = { &Q_CLUES, &Q_CLUES_N, bind_clues },
	[FIND_CASE] = { &Q_CASES, &Q_CASES_N, bind_cases },
	[FIND_PERSON] = { &Q_PERSONS, &Q_PERSONS_N, bind_persons },
	[FIND_UNIT] = { &Q_UNITS, &Q_UNITS_N, bind_units },
	[FIND_DOCUMENT] = { &Q_DOCUMENTS, &Q_DOCUMENTS_N, bind_documents },
};

static void fill_hit(struct arena *a, struct store_stmt *st, void *row)
{
	struct find_hit *h = row;

	h->id = store_col_int(st, 0);
	h->unit_id = store_col_int(st, 1);
	h->title = q_text(a, st, 2);
	h->unit_name = q_text(a, st, 3);
	h->extra = q_text(a, st, 4);
}

int store_find(struct store *s, struct arena *a, enum find_kind k, const struct find_filter *f,
	       struct find_hit **out)
{
	struct store_stmt *st;
	int i;

	*out = NULL;
	if ((unsigned)k >= FIND_KINDS)
		return STORE_ERR;
	st = store_prepare(s, kinds[k].list);
	if (!st)
		return STORE_ERR;
	i = kinds[k].bind(st, f, like_of(a, f));
	store_bind_text(st, i++, f->exact);
	store_bind_int(st, i++, f->page.limit);
	store_bind_int(st, i, f->page.offset);
	return q_collect(st, a, fill_hit, sizeof(**out), out);
}

int64_t store_find_count(struct store *s, struct arena *a, enum find_kind k, const struct find_filter *f)
{
	struct store_stmt *st;

	if ((unsigned)k >= FIND_KINDS)
		return STORE_ERR;
	st = store_prepare(s, kinds[k].count);
	if (!st)
		return STORE_ERR;
	kinds[k].bind(st, f, like_of(a, f));
	return q_scalar(st);
}

static void fill_tail_row(struct arena *a, struct store_stmt *st, void *row)
{
	struct find_tail_row *t = row;

	t->id = store_col_int(st, 0);
	t->enc = q_text(a, st, 1);
}

int store_find_tails_todo(struct store *s, struct arena *a, int64_t after, int limit,
			  struct find_tail_row **out)
{
	struct store_stmt *st = store_prepare(s, &Q_TAILS_TODO);

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, after);
	store_bind_int(st, 2, limit);
	return q_collect(st, a, fill_tail_row, sizeof(**out), out);
}

int store_find_set_tails(struct store *s, int64_t person_id, const char *tail4, const char *tail6)
{
	struct store_stmt *st = store_prepare(s, &Q_SET_TAILS);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, tail4);
	store_bind_text(st, 2, tail6);
	store_bind_int(st, 3, person_id);
	return store_exec(st);
}
