/*
 * q_trial.c: the trial stage's opinions and returns, the step limits, and
 * the official numbers kept on cases and clues (migration 0032); the
 * patterns and counters are store/q_numbers.c.
 */
#include "store/q_trial.h"
#include "store/q_util.h"

#include <string.h>

#define USER_NAME(t) "COALESCE(NULLIF(" t ".display_name, ''), " t ".name, '')"

/* ---- opinions ------------------------------------------------------------------ */

static const struct store_sql Q_OPINION_INSERT = {
	"INSERT INTO case_trial_opinions(region, case_id, day, text_enc, created_by, created_at) "
	"VALUES (?, ?, ?, '', ?, ?) RETURNING id", NULL };
static const struct store_sql Q_OPINION_SET = {
	"UPDATE case_trial_opinions SET text_enc = ? WHERE id = ?", NULL };
static const struct store_sql Q_OPINIONS = {
	"SELECT o.id, o.case_id, COALESCE(o.created_by, 0), o.created_at, o.day, o.text_enc, "
	USER_NAME("u") " FROM case_trial_opinions o LEFT JOIN users u ON u.id = o.created_by "
	"WHERE o.case_id = ? ORDER BY o.id DESC", NULL };

int64_t store_trial_opinion_insert(struct store *s, const char *region, int64_t case_id, const char *day,
				   int64_t user_id, int64_t at)
{
	struct store_stmt *st = store_prepare(s, &Q_OPINION_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, case_id);
	store_bind_text(st, 3, day);
	q_bind_id(st, 4, user_id);
	store_bind_int(st, 5, at);
	return q_scalar(st);
}

/* UPDATE text = ? WHERE id = ? */
static int set_text(struct store *s, const struct store_sql *q, int64_t id, const char *text)
{
	struct store_stmt *st = store_prepare(s, q);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, text);
	store_bind_int(st, 2, id);
	return store_exec(st);
}

int store_trial_opinion_set(struct store *s, int64_t id, const char *text_enc)
{
	return set_text(s, &Q_OPINION_SET, id, text_enc);
}

static void fill_opinion(struct arena *a, struct store_stmt *st, void *row)
{
	struct trial_opinion *o = row;

	o->id = store_col_int(st, 0);
	o->case_id = store_col_int(st, 1);
	o->created_by = store_col_int(st, 2);
	o->created_at = store_col_int(st, 3);
	o->day = q_text(a, st, 4);
	o->text_enc = q_text(a, st, 5);
	o->user_name = q_text(a, st, 6);
}

int store_trial_opinions(struct store *s, struct arena *a, int64_t case_id, struct trial_opinion **out)
{
	return q_list_by_id(store_prepare(s, &Q_OPINIONS), a, case_id, fill_opinion, sizeof(**out), out);
}

/* ---- returns -------------------------------------------------------------------- */

static const struct store_sql Q_RETURN_INSERT = {
	"INSERT INTO case_trial_returns(region, case_id, seq, sent_day, due_day, reason_enc, created_by, "
	"created_at) VALUES (?, ?, ?, ?, ?, '', ?, ?) RETURNING id", NULL };
static const struct store_sql Q_RETURN_SET = {
	"UPDATE case_trial_returns SET reason_enc = ? WHERE id = ?", NULL };
static const struct store_sql Q_RETURN_CLOSE = {
	"UPDATE case_trial_returns SET back_day = ? WHERE case_id = ? AND back_day IS NULL", NULL };
static const struct store_sql Q_RETURNS = {
	"SELECT r.id, r.case_id, COALESCE(r.created_by, 0), r.created_at, r.seq, r.sent_day, r.due_day, "
	"r.back_day, r.reason_enc, " USER_NAME("u") " FROM case_trial_returns r "
	"LEFT JOIN users u ON u.id = r.created_by WHERE r.case_id = ? ORDER BY r.seq", NULL };

int64_t store_trial_return_insert(struct store *s, const char *region, int64_t case_id, int seq,
				  const char *sent_day, const char *due_day, int64_t user_id, int64_t at)
{
	struct store_stmt *st = store_prepare(s, &Q_RETURN_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, case_id);
	store_bind_int(st, 3, seq);
	store_bind_text(st, 4, sent_day);
	store_bind_text(st, 5, due_day);
	q_bind_id(st, 6, user_id);
	store_bind_int(st, 7, at);
	return q_scalar(st);
}

int store_trial_return_set(struct store *s, int64_t id, const char *reason_enc)
{
	return set_text(s, &Q_RETURN_SET, id, reason_enc);
}

int store_trial_return_close(struct store *s, int64_t case_id, const char *back_day)
{
	struct store_stmt *st = store_prepare(s, &Q_RETURN_CLOSE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, back_day);
	store_bind_int(st, 2, case_id);
	if (store_exec(st) < 0)
		return STORE_ERR;
	return (int)store_changes(s);
}

static void fill_return(struct arena *a, struct store_stmt *st, void *row)
{
	struct trial_return *r = row;

	r->id = store_col_int(st, 0);
	r->case_id = store_col_int(st, 1);
	r->created_by = store_col_int(st, 2);
	r->created_at = store_col_int(st, 3);
	r->seq = (int)store_col_int(st, 4);
	r->sent_day = q_text(a, st, 5);
	r->due_day = q_text(a, st, 6);
	r->back_day = q_text_or_null(a, st, 7);
	r->reason_enc = q_text(a, st, 8);
	r->user_name = q_text(a, st, 9);
}

int store_trial_returns(struct store *s, struct arena *a, int64_t case_id, struct trial_return **out)
{
	return q_list_by_id(store_prepare(s, &Q_RETURNS), a, case_id, fill_return, sizeof(**out), out);
}

/* ---- step limits -------------------------------------------------------------------- */

static const struct store_sql Q_STEP_LIMIT = {
	"SELECT max_count, source FROM step_limits WHERE step = ? AND effective_from <= ? "
	"ORDER BY effective_from DESC LIMIT 1", NULL };

int store_step_limit(struct store *s, struct arena *a, const char *step, const char *day, int *max,
		     const char **source)
{
	struct store_stmt *st = store_prepare(s, &Q_STEP_LIMIT);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, step);
	store_bind_text(st, 2, day);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		*max = (int)store_col_int(st, 0);
		*source = q_text(a, st, 1);
	}
	store_reset(st);
	return rc == STORE_ROW ? 1 : rc < 0 ? rc : 0;
}

/* ---- numbers -------------------------------------------------------------------------- */

static const struct store_sql Q_SUBJECT_NO = {
	"UPDATE case_subjects SET filing_no = ? WHERE case_id = ? AND person_id = ?", NULL };
static const struct store_sql Q_CLUE_NO = { "UPDATE clues SET clue_no = ? WHERE id = ?", NULL };
static const struct store_sql Q_TAKEN_FILING = {
	"SELECT count(*) FROM case_subjects WHERE filing_no = ?", NULL };
static const struct store_sql Q_TAKEN_CLUE = { "SELECT count(*) FROM clues WHERE clue_no = ?", NULL };
static const struct store_sql Q_GIVEN_FILING = {
	"SELECT filing_no FROM case_subjects WHERE filing_no IS NOT NULL", NULL };
static const struct store_sql Q_GIVEN_CLUE = { "SELECT clue_no FROM clues WHERE clue_no IS NOT NULL", NULL };
static const struct store_sql Q_NUMBERS = {
	"SELECT cs.person_id, p.name, cs.filing_no FROM case_subjects cs JOIN persons p ON p.id = cs.person_id "
	"WHERE cs.case_id = ? ORDER BY cs.filing_no IS NULL, cs.filing_no, cs.person_id", NULL };

int store_case_subject_set_no(struct store *s, int64_t case_id, int64_t person_id, const char *no)
{
	struct store_stmt *st = store_prepare(s, &Q_SUBJECT_NO);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, no);
	store_bind_int(st, 2, case_id);
	store_bind_int(st, 3, person_id);
	return store_exec(st);
}

int store_clue_set_no(struct store *s, int64_t clue_id, const char *no)
{
	return set_text(s, &Q_CLUE_NO, clue_id, no);
}

int store_number_taken(struct store *s, const char *kind, const char *no)
{
	struct store_stmt *st = store_prepare(s, !strcmp(kind, "clue") ? &Q_TAKEN_CLUE : &Q_TAKEN_FILING);
	int64_t n;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, no);
	n = q_scalar(st);
	return n < 0 ? (int)n : n > 0;
}

int store_numbers_given(struct store *s, struct arena *a, const char *kind, const char ***out)
{
	struct store_stmt *st = store_prepare(s, !strcmp(kind, "clue") ? &Q_GIVEN_CLUE : &Q_GIVEN_FILING);

	return st ? q_collect(st, a, q_fill_text, sizeof(**out), out) : STORE_ERR;
}

static void fill_number(struct arena *a, struct store_stmt *st, void *row)
{
	struct case_number *n = row;

	n->person_id = store_col_int(st, 0);
	n->person_name = q_text(a, st, 1);
	n->filing_no = q_text_or_null(a, st, 2);
}

int store_case_numbers(struct store *s, struct arena *a, int64_t case_id, struct case_number **out)
{
	return q_list_by_id(store_prepare(s, &Q_NUMBERS), a, case_id, fill_number, sizeof(**out), out);
}
