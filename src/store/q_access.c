/* q_access.c: the queries behind need-to-know on cases. */
#include "store/q_access.h"
#include "store/q_util.h"

static const struct store_sql Q_CASE_EXISTS = {
	"SELECT count(*) FROM cases WHERE id = ?", NULL };
static const struct store_sql Q_TEAM_HAS = {
	"SELECT count(*) FROM case_team WHERE case_id = ? AND user_id = ?", NULL };

int store_case_exists(struct store *s, int64_t case_id)
{
	struct store_stmt *st = store_prepare(s, &Q_CASE_EXISTS);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, case_id);
	int64_t n = q_scalar(st);
	return n < 0 ? (int)n : n > 0;
}

int store_case_team_has(struct store *s, int64_t case_id, int64_t user_id)
{
	struct store_stmt *st = store_prepare(s, &Q_TEAM_HAS);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, case_id);
	store_bind_int(st, 2, user_id);
	int64_t n = q_scalar(st);
	return n < 0 ? (int)n : n > 0;
}
