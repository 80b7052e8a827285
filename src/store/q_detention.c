/*
 * q_detention.c: the detention rules as effective-dated rows, the notices
 * of a detention to the family and the unit, and the recusals declared
 * for one matter (a case or a clue) with the leader's decision.
 */
#include "store/q_detention.h"
#include "store/q_todo.h"
#include "store/q_util.h"

#include "core/arena.h"

#define LIMIT_COLS "step, effective_from, amount, unit, min_level, approver, source FROM detention_limits "
static const struct store_sql Q_LIMIT = {
	"SELECT " LIMIT_COLS "WHERE step = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
	NULL };
static const struct store_sql Q_LIMITS = {
	"SELECT " LIMIT_COLS "ORDER BY step, effective_from", NULL };
static const struct store_sql Q_NOTICE_HAS = {
	"SELECT count(*) FROM detention_notices WHERE detention_id = ? AND party = ?", NULL };
static const struct store_sql Q_NOTICE_INSERT = {
	"INSERT INTO detention_notices(detention_id, party, notified_at, note, user_id, at) "
	"VALUES (?, ?, ?, ?, ?, ?)", NULL };

static void fill_limit(struct arena *a, struct store_stmt *st, void *row)
{
	struct detention_limit *l = row;

	l->step = q_text(a, st, 0);
	l->effective_from = q_text(a, st, 1);
	l->amount = (int)store_col_int(st, 2);
	l->unit = q_text(a, st, 3);
	l->min_level = q_text(a, st, 4);
	l->approver = q_text(a, st, 5);
	l->source = q_text(a, st, 6);
}

int store_detention_limit(struct store *s, struct arena *a, const char *step, const char *day,
			  struct detention_limit *out)
{
	struct store_stmt *st = store_prepare(s, &Q_LIMIT);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, step);
	store_bind_text(st, 2, day);
	rc = store_step(st);
	if (rc == STORE_ROW)
		fill_limit(a, st, out);
	store_reset(st);
	return rc == STORE_ROW ? 1 : rc < 0 ? rc : 0;
}

int store_detention_limits(struct store *s, struct arena *a, struct detention_limit **out)
{
	struct store_stmt *st = store_prepare(s, &Q_LIMITS);
	struct detention_limit *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW)
		fill_limit(a, st, arena_push(a, &v, &cap, n++, sizeof(*v)));
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

int store_detention_notice_insert(struct store *s, int64_t detention_id, const char *party,
				  const char *notified_at, const char *note, int64_t user_id, int64_t at)
{
	struct store_stmt *st = store_prepare(s, &Q_NOTICE_HAS);
	int64_t n;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, detention_id);
	store_bind_text(st, 2, party);
	n = q_scalar(st);
	if (n != 0)
		return n < 0 ? (int)n : 1;
	st = store_prepare(s, &Q_NOTICE_INSERT);
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, detention_id);
	store_bind_text(st, 2, party);
	store_bind_text(st, 3, notified_at);
	store_bind_text(st, 4, note ? note : "");
	q_bind_id(st, 5, user_id);
	store_bind_int(st, 6, at);
	return store_exec(st) < 0 ? STORE_ERR : 0;
}

#define DET_NOTICE(party) "(SELECT n.notified_at FROM detention_notices n WHERE n.detention_id = d.id " \
	"AND n.party = '" party "')"
static const struct store_sql Q_NOTICE_CLOCKS = {
	"SELECT d.id, d.case_id, d.person_id, p.name, d.start_day, d.announced_at, " DET_NOTICE("family") ", "
	DET_NOTICE("unit") ", " Q_LEAD_OFFICE("k.id") ", u.name "
	"FROM detentions d JOIN cases k ON k.id = d.case_id JOIN units u ON u.id = k.unit_id "
	"JOIN persons p ON p.id = d.person_id WHERE d.end_day IS NULL AND d.announced_at IS NOT NULL "
	"AND (SELECT count(*) FROM detention_notices n WHERE n.detention_id = d.id) < 2 "
	"AND (? = 0 OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = k.id AND t.user_id = ?)) "
	"ORDER BY d.id", NULL };

int store_notice_clocks(struct store *s, struct arena *a, int64_t team_user, struct detention **out,
			const char ***office, const char ***unit)
{
	struct store_stmt *st = store_prepare(s, &Q_NOTICE_CLOCKS);
	struct detention *v = NULL;
	const char **of = NULL, **un = NULL;
	int rc, n = 0, cap = 0, cap_o = 0, cap_u = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, team_user);
	store_bind_int(st, 2, team_user);
	while ((rc = store_step(st)) == STORE_ROW) {
		struct detention *d = arena_push(a, &v, &cap, n, sizeof(*v));
		const char **o = arena_push(a, &of, &cap_o, n, sizeof(*of));
		const char **u = arena_push(a, &un, &cap_u, n, sizeof(*un));
		n++;
		d->id = store_col_int(st, 0);
		d->case_id = store_col_int(st, 1);
		d->person_id = store_col_int(st, 2);
		d->person_name = q_text(a, st, 3);
		d->start_day = q_text(a, st, 4);
		d->announced_at = q_text_or_null(a, st, 5);
		d->family_notified = q_text_or_null(a, st, 6);
		d->unit_notified = q_text_or_null(a, st, 7);
		*o = q_text(a, st, 8);
		*u = q_text(a, st, 9);
	}
	store_reset(st);
	*out = v;
	*office = of;
	*unit = un;
	return rc < 0 ? rc : n;
}

/* ---- recusals per matter ------------------------------------------------------ */

#define USER_NAME(t) "COALESCE(NULLIF(" t ".display_name, ''), " t ".name, '')"
#define RECUSAL_COLS "r.id, r.user_id, COALESCE(r.case_id, 0), COALESCE(r.clue_id, 0), " \
	"COALESCE(r.decided_by, 0), " USER_NAME("u") ", r.ground, r.note, r.decision, r.reason, " \
	"COALESCE(" USER_NAME("d") ", ''), r.declared_at, COALESCE(r.decided_at, 0) FROM recusals r " \
	"JOIN users u ON u.id = r.user_id LEFT JOIN users d ON d.id = r.decided_by "
static const struct store_sql Q_RECUSAL_GET = { "SELECT " RECUSAL_COLS "WHERE r.id = ?", NULL };
static const struct store_sql Q_RECUSALS = {
	"SELECT " RECUSAL_COLS "WHERE (? = 0 OR r.user_id = ?) AND (? = 0 OR r.case_id = ? "
	"OR r.clue_id = (SELECT k.clue_id FROM cases k WHERE k.id = ?)) AND (? = 0 OR r.clue_id = ?) "
	"ORDER BY r.id", NULL };
static const struct store_sql Q_RECUSAL_INSERT = {
	"INSERT INTO recusals(region, user_id, case_id, clue_id, ground, note, declared_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_RECUSAL_DECIDE = {
	"UPDATE recusals SET decision = ?, decided_by = ?, decided_at = ?, reason = ? "
	"WHERE id = ? AND decision IS NULL", NULL };

static void fill_recusal(struct arena *a, struct store_stmt *st, void *row)
{
	struct recusal *r = row;

	r->id = store_col_int(st, 0);
	r->user_id = store_col_int(st, 1);
	r->case_id = store_col_int(st, 2);
	r->clue_id = store_col_int(st, 3);
	r->decided_by = store_col_int(st, 4);
	r->user_name = q_text(a, st, 5);
	r->ground = q_text(a, st, 6);
	r->note = q_text(a, st, 7);
	r->decision = q_text_or_null(a, st, 8);
	r->reason = q_text(a, st, 9);
	r->decided_by_name = q_text(a, st, 10);
	r->declared_at = store_col_int(st, 11);
	r->decided_at = store_col_int(st, 12);
}

int64_t store_recusal_insert(struct store *s, const char *region, const struct recusal *r, int64_t at)
{
	struct store_stmt *st = store_prepare(s, &Q_RECUSAL_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, r->user_id);
	q_bind_id(st, 3, r->case_id);
	q_bind_id(st, 4, r->clue_id);
	store_bind_text(st, 5, r->ground);
	store_bind_text(st, 6, r->note ? r->note : "");
	store_bind_int(st, 7, at);
	return q_scalar(st);
}

int store_recusal_get(struct store *s, struct arena *a, int64_t id, struct recusal *r)
{
	return q_get_by_id(store_prepare(s, &Q_RECUSAL_GET), a, id, fill_recusal, r);
}

int store_recusals(struct store *s, struct arena *a, int64_t user_id, int64_t case_id, int64_t clue_id,
		   struct recusal **out)
{
	struct store_stmt *st = store_prepare(s, &Q_RECUSALS);
	struct recusal *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, user_id);
	store_bind_int(st, 2, user_id);
	store_bind_int(st, 3, case_id);
	store_bind_int(st, 4, case_id);
	store_bind_int(st, 5, case_id);
	store_bind_int(st, 6, clue_id);
	store_bind_int(st, 7, clue_id);
	while ((rc = store_step(st)) == STORE_ROW)
		fill_recusal(a, st, arena_push(a, &v, &cap, n++, sizeof(*v)));
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

int store_recusal_decide(struct store *s, int64_t id, const char *decision, int64_t by, int64_t at,
			 const char *reason)
{
	struct store_stmt *st = store_prepare(s, &Q_RECUSAL_DECIDE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, decision);
	store_bind_int(st, 2, by);
	store_bind_int(st, 3, at);
	store_bind_text(st, 4, reason);
	store_bind_int(st, 5, id);
	if (store_exec(st) < 0)
		return STORE_ERR;
	return store_changes(s) > 0;
}
