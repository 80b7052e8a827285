/*
 * q_ratings.c: the SQL of the "码上问效" family (store/q_ratings.h).
 * Lists are bounded by jurisdiction through q_scope.h on the record's
 * unit; the statistics use the metrics fragments (q_metrics_sql.h) on the
 * record's CST day column, so a figure and its list count the same rows.
 */
#include "store/q_ratings.h"

#include <string.h>

#include "store/q_listscope.h"
#include "store/q_metrics.h"
#include "store/q_metrics_sql.h"
#include "store/q_util.h"

/* ---- tokens ---------------------------------------------------------------- */

static const struct store_sql Q_TOKEN_OF = { "SELECT token FROM rating_points WHERE unit_id = ?", NULL };
static const struct store_sql Q_TOKEN_INSERT = {
	"INSERT INTO rating_points(unit_id, token, created_at) VALUES (?, ?, ?)", NULL };
static const struct store_sql Q_TOKEN_UNIT = {
	"SELECT u.id, u.name FROM rating_points t JOIN units u ON u.id = t.unit_id WHERE t.token = ?", NULL };

/* the units a QR code is for (issue 13: city departments and townships) */
static const struct store_sql Q_TOKENLESS = {
	"SELECT id FROM units WHERE kind IN ('department', 'township') "
	"AND id NOT IN (SELECT unit_id FROM rating_points) ORDER BY id", NULL };

static void fill_unit_id(struct arena *a, struct store_stmt *st, void *row)
{
	(void)a;
	*(int64_t *)row = store_col_int(st, 0);
}

int store_rating_tokenless(struct store *s, struct arena *a, int64_t **ids)
{
	return q_collect(store_prepare(s, &Q_TOKENLESS), a, fill_unit_id, sizeof(**ids), ids);
}

int store_rating_token_of(struct store *s, struct arena *a, int64_t unit_id, const char **token)
{
	struct store_stmt *st = store_prepare(s, &Q_TOKEN_OF);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, unit_id);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*token = q_text(a, st, 0);
	store_reset(st);
	return rc;
}

int64_t store_rating_token_insert(struct store *s, int64_t unit_id, const char *token, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_TOKEN_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, unit_id);
	store_bind_text(st, 2, token);
	store_bind_int(st, 3, now);
	return store_exec(st) < 0 ? STORE_ERR : unit_id;
}

int store_rating_token_unit(struct store *s, struct arena *a, const char *token, int64_t *unit_id,
			    const char **unit_name)
{
	struct store_stmt *st = store_prepare(s, &Q_TOKEN_UNIT);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, token);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		*unit_id = store_col_int(st, 0);
		*unit_name = q_text(a, st, 1);
	}
	store_reset(st);
	return rc;
}

/* ---- submissions ----------------------------------------------------------- */

static const struct store_sql Q_BY_KEY = {
	"SELECT r.id, r.stars, COALESCE((SELECT l.id FROM letters l WHERE l.idem_key = r.idem_key), 0) "
	"FROM ratings r WHERE r.idem_key = ?", NULL };
static const struct store_sql Q_RATING_INSERT = {
	"INSERT INTO ratings(unit_id, stars, comment, day, idem_key) VALUES (?, ?, ?, ?, ?) RETURNING id",
	NULL };
static const struct store_sql Q_LETTER_INSERT = {
	"INSERT INTO letters(unit_id, body, contact, received, code_hash, idem_key) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_REVIEW_INSERT = {
	"INSERT INTO bad_reviews(rating_id, unit_id, opened, callback_due, fix_due, followup_hash) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id", NULL };

int store_rating_by_key(struct store *s, const char *idem_key, int64_t *id, int *stars, int64_t *letter_id)
{
	struct store_stmt *st = store_prepare(s, &Q_BY_KEY);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, idem_key);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		*id = store_col_int(st, 0);
		*stars = (int)store_col_int(st, 1);
		*letter_id = store_col_int(st, 2);
	}
	store_reset(st);
	return rc;
}

static const struct store_sql Q_LETTER_BY_KEY = { "SELECT id FROM letters WHERE idem_key = ?", NULL };

/* The id statement q finds for the text v, in *id: STORE_ROW found,
 * STORE_DONE none, < 0 error. */
static int id_by_text(struct store *s, const struct store_sql *q, const char *v, int64_t *id)
{
	struct store_stmt *st = store_prepare(s, q);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, v);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*id = store_col_int(st, 0);
	store_reset(st);
	return rc;
}

int store_letter_by_key(struct store *s, const char *idem_key, int64_t *id)
{
	return id_by_text(s, &Q_LETTER_BY_KEY, idem_key, id);
}

int64_t store_rating_insert(struct store *s, const struct rating *v, const char *idem_key)
{
	struct store_stmt *st = store_prepare(s, &Q_RATING_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, v->unit_id);
	store_bind_int(st, 2, v->stars);
	store_bind_text(st, 3, v->comment ? v->comment : "");
	store_bind_text(st, 4, v->day);
	store_bind_text(st, 5, idem_key);
	return q_scalar(st);
}

int64_t store_letter_insert(struct store *s, const struct letter *v, const char *code_hash,
			    const char *idem_key)
{
	struct store_stmt *st = store_prepare(s, &Q_LETTER_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, v->unit_id);
	store_bind_text(st, 2, v->body);
	store_bind_text(st, 3, v->contact ? v->contact : "");
	store_bind_text(st, 4, v->received);
	store_bind_text(st, 5, code_hash);
	store_bind_text(st, 6, idem_key);
	return q_scalar(st);
}

static const struct store_sql Q_LETTER_CONTACT = { "UPDATE letters SET contact = ? WHERE id = ?", NULL };

int store_letter_set_contact(struct store *s, int64_t id, const char *contact_enc)
{
	struct store_stmt *st = store_prepare(s, &Q_LETTER_CONTACT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, contact_enc);
	store_bind_int(st, 2, id);
	return store_exec(st) < 0 ? STORE_ERR : 0;
}

int64_t store_bad_review_insert(struct store *s, const struct bad_review *v, const char *followup_hash)
{
	struct store_stmt *st = store_prepare(s, &Q_REVIEW_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, v->rating_id);
	store_bind_int(st, 2, v->unit_id);
	store_bind_text(st, 3, v->opened);
	store_bind_text(st, 4, v->callback_due);
	store_bind_text(st, 5, v->fix_due);
	store_bind_text(st, 6, followup_hash);
	return q_scalar(st);
}

/* ---- records ---------------------------------------------------------------- */

#define LETTER_COLS "l.id, l.unit_id, u.name, l.body, l.contact, l.received, l.state, l.accepted, " \
	"l.concluded, l.answer, l.code_hash FROM letters l JOIN units u ON u.id = l.unit_id "
#define REVIEW_COLS "b.id, b.rating_id, b.unit_id, u.name, r.stars, r.comment, b.opened, " \
	"b.callback_due, b.fix_due, b.called_back, b.fixed, b.state, b.note, " \
	"COALESCE(b.followup_stars, 0), b.followup_day FROM bad_reviews b " \
	"JOIN ratings r ON r.id = b.rating_id JOIN units u ON u.id = b.unit_id "

static void fill_letter(struct arena *a, struct store_stmt *st, void *row)
{
	struct letter *v = row;

	v->id = store_col_int(st, 0);
	v->unit_id = store_col_int(st, 1);
	v->unit_name = q_text(a, st, 2);
	v->body = q_text(a, st, 3);
	v->contact = q_text(a, st, 4);
	v->received = q_text(a, st, 5);
	v->state = q_text(a, st, 6);
	v->accepted = q_text_or_null(a, st, 7);
	v->concluded = q_text_or_null(a, st, 8);
	v->answer = q_text(a, st, 9);
	v->code_hash = q_text(a, st, 10);
}

static void fill_review(struct arena *a, struct store_stmt *st, void *row)
{
	struct bad_review *v = row;

	v->id = store_col_int(st, 0);
	v->rating_id = store_col_int(st, 1);
	v->unit_id = store_col_int(st, 2);
	v->unit_name = q_text(a, st, 3);
	v->stars = (int)store_col_int(st, 4);
	v->comment = q_text(a, st, 5);
	v->opened = q_text(a, st, 6);
	v->callback_due = q_text(a, st, 7);
	v->fix_due = q_text(a, st, 8);
	v->called_back = q_text_or_null(a, st, 9);
	v->fixed = q_text_or_null(a, st, 10);
	v->state = q_text(a, st, 11);
	v->note = q_text(a, st, 12);
	v->followup_stars = (int)store_col_int(st, 13);
	v->followup_day = q_text_or_null(a, st, 14);
}

static void fill_rating(struct arena *a, struct store_stmt *st, void *row)
{
	struct rating *v = row;

	v->id = store_col_int(st, 0);
	v->unit_id = store_col_int(st, 1);
	v->unit_name = q_text(a, st, 2);
	v->stars = (int)store_col_int(st, 3);
	v->comment = q_text(a, st, 4);
	v->day = q_text(a, st, 5);
}

static const struct store_sql Q_LETTER_GET = {
	Q_SCOPE_WITH "SELECT " LETTER_COLS "WHERE l.id = ? AND " Q_IN_SCOPE("l.unit_id"), NULL };
static const struct store_sql Q_REVIEW_GET = {
	Q_SCOPE_WITH "SELECT " REVIEW_COLS "WHERE b.id = ? AND " Q_IN_SCOPE("b.unit_id"), NULL };
static const struct store_sql Q_LETTER_BY_CODE = {
	"SELECT " LETTER_COLS "WHERE l.code_hash = ?", NULL };
static const struct store_sql Q_REVIEW_BY_CODE = {
	"SELECT " REVIEW_COLS "WHERE b.followup_hash = ?", NULL };
static const struct store_sql Q_REVIEW_OF_RATING = {
	"SELECT " REVIEW_COLS "WHERE b.rating_id = ?", NULL };

static int get_by_text(struct store *s, struct arena *a, const struct store_sql *q, const char *v,
		       q_fill_fn fill, void *out)
{
	struct store_stmt *st = store_prepare(s, q);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, v);
	rc = store_step(st);
	if (rc == STORE_ROW)
		fill(a, st, out);
	store_reset(st);
	return rc;
}

int store_letter_get(struct store *s, struct arena *a, int64_t id, int64_t scope_user, struct letter *out)
{
	return q_get_scoped(store_prepare(s, &Q_LETTER_GET), a, id, scope_user, fill_letter, out);
}

int store_bad_review_get(struct store *s, struct arena *a, int64_t id, int64_t scope_user,
			 struct bad_review *out)
{
	return q_get_scoped(store_prepare(s, &Q_REVIEW_GET), a, id, scope_user, fill_review, out);
}

int store_letter_by_code(struct store *s, struct arena *a, const char *code_hash, struct letter *out)
{
	return get_by_text(s, a, &Q_LETTER_BY_CODE, code_hash, fill_letter, out);
}

int store_bad_review_by_code(struct store *s, struct arena *a, const char *code_hash,
			     struct bad_review *out)
{
	return get_by_text(s, a, &Q_REVIEW_BY_CODE, code_hash, fill_review, out);
}

int store_bad_review_of_rating(struct store *s, struct arena *a, int64_t rating_id, struct bad_review *out)
{
	return q_get_by_id(store_prepare(s, &Q_REVIEW_OF_RATING), a, rating_id, fill_review, out);
}

static const struct store_sql Q_REVIEWS_RUNNING = {
	"SELECT " REVIEW_COLS "WHERE b.state <> 'fixed' ORDER BY b.id", NULL };
static const struct store_sql Q_REVIEW_DUES = {
	"UPDATE bad_reviews SET callback_due = CASE WHEN state = 'open' THEN ? ELSE callback_due END, "
	"fix_due = ? WHERE id = ?", NULL };

int store_bad_reviews_running(struct store *s, struct arena *a, struct bad_review **out)
{
	struct store_stmt *st = store_prepare(s, &Q_REVIEWS_RUNNING);

	if (!st)
		return STORE_ERR;
	return q_collect(st, a, fill_review, sizeof(**out), out);
}

int store_bad_review_set_dues(struct store *s, int64_t id, const char *callback_due, const char *fix_due)
{
	struct store_stmt *st = store_prepare(s, &Q_REVIEW_DUES);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, callback_due);
	store_bind_text(st, 2, fix_due);
	store_bind_int(st, 3, id);
	return store_exec(st) < 0 ? STORE_ERR : 0;
}

/* ---- steps ------------------------------------------------------------------ */

static const struct store_sql Q_LETTER_ACCEPT = {
	"UPDATE letters SET state = ?, accepted = ?, handled_by = ? WHERE id = ? AND state = ?", NULL };
static const struct store_sql Q_LETTER_CONCLUDE = {
	"UPDATE letters SET state = ?, concluded = ?, answer = ?, handled_by = ? WHERE id = ? AND state = ?",
	NULL };
static const struct store_sql Q_REVIEW_CALLBACK = {
	"UPDATE bad_reviews SET state = ?, called_back = ?, note = ? WHERE id = ? AND state = ?", NULL };
static const struct store_sql Q_REVIEW_FIX = {
	"UPDATE bad_reviews SET state = ?, fixed = ?, note = ? WHERE id = ? AND state = ?", NULL };
static const struct store_sql Q_REVIEW_FOLLOWUP = {
	"UPDATE bad_reviews SET followup_stars = ?, followup_day = ? WHERE id = ? AND followup_stars IS NULL",
	NULL };

int store_letter_step(struct store *s, int64_t id, const char *from, const char *to, const char *day,
		      const char *answer, int64_t user_id)
{
	int concl = answer != NULL;
	struct store_stmt *st = store_prepare(s, concl ? &Q_LETTER_CONCLUDE : &Q_LETTER_ACCEPT);
	int i = 1;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, i++, to);
	store_bind_text(st, i++, day);
	if (concl)
		store_bind_text(st, i++, answer);
	q_bind_id(st, i++, user_id);
	store_bind_int(st, i++, id);
	store_bind_text(st, i++, from);
	return q_changed(s, st);
}

int store_bad_review_step(struct store *s, int64_t id, const char *from, const char *to, const char *day,
			  const char *note)
{
	struct store_stmt *st = store_prepare(s, strcmp(to, "fixed") ? &Q_REVIEW_CALLBACK : &Q_REVIEW_FIX);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, to);
	store_bind_text(st, 2, day);
	store_bind_text(st, 3, note ? note : "");
	store_bind_int(st, 4, id);
	store_bind_text(st, 5, from);
	return q_changed(s, st);
}

int store_bad_review_followup(struct store *s, int64_t id, int stars, const char *day)
{
	struct store_stmt *st = store_prepare(s, &Q_REVIEW_FOLLOWUP);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, stars);
	store_bind_text(st, 2, day);
	store_bind_int(st, 3, id);
	return q_changed(s, st);
}

/* ---- lists ------------------------------------------------------------------ */

#define RATING_WHERE "WHERE " Q_IN_SCOPE("r.unit_id") " AND (? = '' OR r.day >= ?) AND (? = '' OR r.day <= ?) " \
	"AND " QL_WITHIN("r.unit_id") "AND (? = 0 OR r.stars = ?) "
static const struct store_sql Q_RATING_LIST = {
	Q_SCOPE_WITH "SELECT r.id, r.unit_id, u.name, r.stars, r.comment, r.day FROM ratings r "
	"JOIN units u ON u.id = r.unit_id " RATING_WHERE "ORDER BY r.day DESC, r.id DESC LIMIT ? OFFSET ?", NULL };
static const struct store_sql Q_RATING_COUNT = {
	Q_SCOPE_WITH Q_CAPPED_COUNT("FROM ratings r " RATING_WHERE), NULL };
static const struct store_sql Q_RATING_UNITS = {
	Q_SCOPE_WITH "SELECT r.unit_id, u.name, count(*), sum(CASE WHEN r.stars = 5 THEN 1 ELSE 0 END) "
	"FROM ratings r JOIN units u ON u.id = r.unit_id " RATING_WHERE
	"GROUP BY r.unit_id, u.name ORDER BY u.name, r.unit_id", NULL };

static int bind_rating(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct rating_filter *f = filter;
	int i = 1;

	(void)a;
	store_bind_int(st, i++, f->scope_user);
	store_bind_int(st, i++, f->scope_user);
	i = q_bind_text2(st, i, f->day_from);
	i = q_bind_text2(st, i, f->day_to);
	i = q_bind_within(st, i, f->within);
	store_bind_int(st, i++, f->stars);
	store_bind_int(st, i++, f->stars);
	return i;
}

int64_t store_rating_count(struct store *s, const struct rating_filter *f)
{
	return q_count(store_prepare(s, &Q_RATING_COUNT), bind_rating, f);
}

int store_rating_list(struct store *s, struct arena *a, const struct rating_filter *f, struct rating **out)
{
	return q_list(store_prepare(s, &Q_RATING_LIST), a, &f->page, f, bind_rating, fill_rating,
		      sizeof(**out), out);
}

static void fill_unit_row(struct arena *a, struct store_stmt *st, void *row)
{
	struct rating_unit_row *v = row;

	v->unit_id = store_col_int(st, 0);
	v->unit_name = q_text(a, st, 1);
	v->ratings = store_col_int(st, 2);
	v->five_star = store_col_int(st, 3);
}

/* The units' figures (sparse16): from the rollup's stat `rating` by unit
 * (0069: n all, f1 five stars, the same rows the live GROUP BY counts)
 * through the statistics' path, q_metric_rollup_units; the live statement
 * only where the rollup does not answer (off during a bulk load, or forced
 * off by QF_METRICS_LIVE=1).  Rows in no order: the page sorts them. */
int store_rating_units(struct store *s, struct arena *a, const struct rating_filter *f,
		       struct rating_unit_row **out)
{
	struct rating_filter g = *f;
	struct metric_period p = q_metric_list_period(f->day_from, f->day_to);
	struct metric_scope ms = { .unit_id = f->within, .scope_user = f->scope_user };
	struct store_stmt *st;
	int n, rc = q_metric_rollup_units(s, a, "rating", &p, &ms, fill_unit_row, sizeof(**out), out, &n);

	if (rc)
		return rc < 0 ? rc : n;
	if (!(st = store_prepare(s, &Q_RATING_UNITS)))
		return STORE_ERR;
	g.stars = 0;
	bind_rating(st, a, &g);
	return q_collect(st, a, fill_unit_row, sizeof(**out), out);
}

static const char *const letter_state_codes[] = { "", "received", "accepted", "concluded" };

#define LETTER_WHERE "WHERE " Q_IN_SCOPE("l.unit_id") " AND (? = '' OR l.received >= ?) " \
	"AND (? = '' OR l.received <= ?) AND (? = '' OR l.concluded >= ?) AND (? = '' OR l.concluded <= ?) " \
	"AND " QL_WITHIN("l.unit_id") "AND (? = '' OR l.state = ?) "
static const struct store_sql Q_LETTER_LIST = {
	Q_SCOPE_WITH "SELECT " LETTER_COLS LETTER_WHERE "ORDER BY l.received DESC, l.id DESC LIMIT ? OFFSET ?",
	NULL };
static const struct store_sql Q_LETTER_COUNT = {
	Q_SCOPE_WITH Q_CAPPED_COUNT("FROM letters l " LETTER_WHERE), NULL };

static int bind_letter(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct letter_filter *f = filter;
	int i = 1;

	(void)a;
	store_bind_int(st, i++, f->scope_user);
	store_bind_int(st, i++, f->scope_user);
	i = q_bind_text2(st, i, f->day_from);
	i = q_bind_text2(st, i, f->day_to);
	i = q_bind_text2(st, i, f->concluded_from);
	i = q_bind_text2(st, i, f->concluded_to);
	i = q_bind_within(st, i, f->within);
	return q_bind_text2(st, i, f->state > 0 && f->state <= 3 ? letter_state_codes[f->state] : "");
}

int64_t store_letter_count(struct store *s, const struct letter_filter *f)
{
	return q_count(store_prepare(s, &Q_LETTER_COUNT), bind_letter, f);
}

int store_letter_list(struct store *s, struct arena *a, const struct letter_filter *f, struct letter **out)
{
	return q_list(store_prepare(s, &Q_LETTER_LIST), a, &f->page, f, bind_letter, fill_letter,
		      sizeof(**out), out);
}

static const char *const review_state_codes[] = { "", "open", "called_back", "fixed" };

/* due_before: a clock not done due before the day (the to-do) */
#define REVIEW_WHERE "WHERE " Q_IN_SCOPE("b.unit_id") " AND (? = '' OR b.opened >= ?) " \
	"AND (? = '' OR b.opened <= ?) AND " QL_WITHIN("b.unit_id") "AND (? = '' OR b.state = ?) " \
	"AND (? = '' OR (b.state = 'open' AND b.callback_due < ?) OR (b.state <> 'fixed' AND b.fix_due < ?)) "
static const struct store_sql Q_REVIEW_LIST = {
	Q_SCOPE_WITH "SELECT " REVIEW_COLS REVIEW_WHERE "ORDER BY b.opened DESC, b.id DESC LIMIT ? OFFSET ?",
	NULL };
static const struct store_sql Q_REVIEW_COUNT = {
	Q_SCOPE_WITH Q_CAPPED_COUNT("FROM bad_reviews b " REVIEW_WHERE), NULL };

static int bind_review(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct bad_review_filter *f = filter;
	const char *due = f->due_before ? f->due_before : "";
	int i = 1;

	(void)a;
	store_bind_int(st, i++, f->scope_user);
	store_bind_int(st, i++, f->scope_user);
	i = q_bind_text2(st, i, f->day_from);
	i = q_bind_text2(st, i, f->day_to);
	i = q_bind_within(st, i, f->within);
	i = q_bind_text2(st, i, f->state > 0 && f->state <= 3 ? review_state_codes[f->state] : "");
	i = q_bind_text2(st, i, due);
	store_bind_text(st, i++, due);
	return i;
}

int64_t store_bad_review_count(struct store *s, const struct bad_review_filter *f)
{
	return q_count(store_prepare(s, &Q_REVIEW_COUNT), bind_review, f);
}

int store_bad_review_list(struct store *s, struct arena *a, const struct bad_review_filter *f,
			  struct bad_review **out)
{
	return q_list(store_prepare(s, &Q_REVIEW_LIST), a, &f->page, f, bind_review, fill_review,
		      sizeof(**out), out);
}

/* ---- statistics --------------------------------------------------------------- */

static const struct store_sql Q_M_RATINGS = {
	M_WITH "SELECT count(*) FROM ratings r " M_PERIOD("r.day") M_UNIT("r.unit_id") "AND (? = 0 OR r.stars = ?)",
	NULL };
static const struct store_sql Q_M_RECEIVED = {
	M_WITH "SELECT count(*) FROM letters l " M_PERIOD("l.received") M_UNIT("l.unit_id"), NULL };
static const struct store_sql Q_M_CONCLUDED = {
	M_WITH "SELECT count(*) FROM letters l " M_PERIOD("l.concluded") M_UNIT("l.unit_id"), NULL };

/* CTEs, period, unit member, then `stars` twice when stars >= 0.  The
 * ratings (stars 0: all, 5: five stars) read the rollup's stat `rating`
 * when it answers (migration 0069: n all, f1 five stars); letters stay
 * live (a few a day). */
static int metric(struct store *db, const struct store_sql *q, const struct metric_period *p,
		  const struct metric_scope *s, int stars, int64_t *out)
{
	struct store_stmt *st;
	int i;

	if (q == &Q_M_RATINGS && (stars == 0 || stars == 5) && !(q_metric_scope_used(s) & ~METRIC_SCOPE_UNIT) &&
	    (i = q_metric_rollup(db, "rating", stars ? 1 : 0, p, s, out)) != 0)
		return i < 0 ? i : 0;
	if (!(st = store_prepare(db, q)))
		return STORE_ERR;
	i = q_metric_bind_all(st, p, s, METRIC_SCOPE_UNIT);
	if (stars >= 0) {
		store_bind_int(st, i++, stars);
		store_bind_int(st, i++, stars);
	}
	return q_scalar_out(st, out);
}

int store_metric_ratings(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			 int64_t *out)
{
	return metric(db, &Q_M_RATINGS, p, s, 0, out);
}

int store_metric_ratings_5star(struct store *db, const struct metric_period *p,
			       const struct metric_scope *s, int64_t *out)
{
	return metric(db, &Q_M_RATINGS, p, s, 5, out);
}

int store_metric_letters_received(struct store *db, const struct metric_period *p,
				  const struct metric_scope *s, int64_t *out)
{
	return metric(db, &Q_M_RECEIVED, p, s, -1, out);
}

int store_metric_letters_concluded(struct store *db, const struct metric_period *p,
				   const struct metric_scope *s, int64_t *out)
{
	return metric(db, &Q_M_CONCLUDED, p, s, -1, out);
}

/* ---- the inbox's links (migration 0042) ------------------------------------ */

static const struct store_sql Q_RATING_SET_ITEM = { "UPDATE ratings SET item_id = ? WHERE id = ?", NULL };
static const struct store_sql Q_LETTER_SET_ITEM = { "UPDATE letters SET item_id = ? WHERE id = ?", NULL };
static const struct store_sql Q_RATING_OF_ITEM = { "SELECT id FROM ratings WHERE item_id = ?", NULL };
static const struct store_sql Q_LETTER_OF_ITEM = { "SELECT " LETTER_COLS "WHERE l.item_id = ?", NULL };
static const struct store_sql Q_POINTS_ALL = {
	"SELECT t.token, u.name FROM rating_points t JOIN units u ON u.id = t.unit_id ORDER BY t.unit_id", NULL };

static int set_item(struct store *s, const struct store_sql *q, int64_t id, const char *item_id)
{
	struct store_stmt *st = store_prepare(s, q);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, item_id);
	store_bind_int(st, 2, id);
	return store_exec(st);
}

int store_rating_set_item(struct store *s, int64_t id, const char *item_id)
{
	return set_item(s, &Q_RATING_SET_ITEM, id, item_id);
}

int store_letter_set_item(struct store *s, int64_t id, const char *item_id)
{
	return set_item(s, &Q_LETTER_SET_ITEM, id, item_id);
}

int store_rating_of_item(struct store *s, const char *item_id, int64_t *id)
{
	return id_by_text(s, &Q_RATING_OF_ITEM, item_id, id);
}

int store_letter_of_item(struct store *s, struct arena *a, const char *item_id, struct letter *out)
{
	return get_by_text(s, a, &Q_LETTER_OF_ITEM, item_id, fill_letter, out);
}

static void fill_point(struct arena *a, struct store_stmt *st, void *row)
{
	struct rating_point *p = row;

	p->token = q_text(a, st, 0);
	p->unit_name = q_text(a, st, 1);
}

int store_rating_points_all(struct store *s, struct arena *a, struct rating_point **out)
{
	return q_collect(store_prepare(s, &Q_POINTS_ALL), a, fill_point, sizeof(**out), out);
}
