/*
 * q_opinions.c: the opinion replies' statements (q_opinions.h).  A
 * request's match and check are set-based: each statement covers every
 * line of the request through the indexes persons_id_mac,
 * persons_region_name, case_subjects_person, clue_subjects_person,
 * report_accused_person and outcomes_person.
 */
#include "store/q_opinions.h"

#include <string.h>

#include "model/person.h"
#include "store/q_listscope.h"
#include "store/q_metrics_sql.h"
#include "store/q_rollup.h"
#include "store/q_util.h"

#define R_COLS "q.id, q.letter_no, q.requester, q.received, q.purpose, q.due, q.reply_day, q.state, q.number, " \
	"q.replied, COALESCE(q.created_by, 0), " \
	"(SELECT count(*) FROM opinion_lines l WHERE l.request_id = q.id), " \
	"(SELECT count(*) FROM opinion_lines l WHERE l.request_id = q.id AND " \
	"CASE q.state WHEN 'draft' THEN l.matched IN ('none', 'ambiguous') " \
	"WHEN 'checked' THEN l.opinion IS NULL ELSE 1 = 0 END), q.ext_id, q.extra "

static void fill_request(struct arena *a, struct store_stmt *st, void *row)
{
	struct opinion_request *q = row;

	q->id = store_col_int(st, 0);
	q->letter_no = q_text(a, st, 1);
	q->requester = q_text(a, st, 2);
	q->received = q_text(a, st, 3);
	q->purpose = q_text(a, st, 4);
	q->due = q_text_or_null(a, st, 5);
	q->reply_day = q_text_or_null(a, st, 6);
	q->state = q_text(a, st, 7);
	q->number = q_text_or_null(a, st, 8);
	q->replied = q_text_or_null(a, st, 9);
	q->created_by = store_col_int(st, 10);
	q->n_lines = store_col_int(st, 11);
	q->n_pending = store_col_int(st, 12);
	q->ext_id = q_text_or_null(a, st, 13);
	q->extra = q_text_or_null(a, st, 14);
}

static const struct store_sql Q_INSERT = {
	"INSERT INTO opinion_requests(letter_no, requester, received, purpose, due, created_by, created_at, ext_id, "
	"extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };

int64_t store_opinion_insert(struct store *s, const struct opinion_request *q, int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, q->letter_no);
	store_bind_text(st, 2, q->requester);
	store_bind_text(st, 3, q->received);
	store_bind_text(st, 4, q->purpose);
	q_bind_opt_text(st, 5, q->due);
	q_bind_id(st, 6, user_id);
	store_bind_int(st, 7, now);
	q_bind_opt_text(st, 8, q->ext_id);
	q_bind_opt_text(st, 9, q->extra);
	return q_scalar(st);
}

static const struct store_sql Q_LINE_INSERT = {
	"INSERT INTO opinion_lines(request_id, line_no, name, unit_name, position, id_mac) VALUES (?, ?, ?, ?, ?, ?)",
	NULL };

int store_opinion_line_insert(struct store *s, int64_t request_id, const struct opinion_in *in)
{
	struct store_stmt *st = store_prepare(s, &Q_LINE_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, request_id);
	store_bind_int(st, 2, in->line_no);
	store_bind_text(st, 3, in->name);
	store_bind_text(st, 4, in->unit_name);
	store_bind_text(st, 5, in->position ? in->position : "");
	q_bind_opt_text(st, 6, in->id_mac);
	return store_exec(st);
}

static const struct store_sql Q_GET = { "SELECT " R_COLS "FROM opinion_requests q WHERE q.id = ?", NULL };

int store_opinion_get(struct store *s, struct arena *a, int64_t id, struct opinion_request *out)
{
	return q_get_by_id(store_prepare(s, &Q_GET), a, id, fill_request, out);
}

/* parameters: state x2, received x4, replied x4 */
#define R_WHERE "WHERE (? = '' OR q.state = ?) AND (? = '' OR q.received >= ?) AND (? = '' OR q.received <= ?) " \
	"AND (? = '' OR q.replied >= ?) AND (? = '' OR q.replied <= ?) "
static const struct store_sql Q_LIST = {
	"SELECT " R_COLS "FROM opinion_requests q " R_WHERE "ORDER BY q.received DESC, q.id DESC LIMIT ? OFFSET ?",
	NULL };
static const struct store_sql Q_COUNT = { Q_CAPPED_COUNT("FROM opinion_requests q " R_WHERE), NULL };

static int bind_list(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct opinion_filter *f = filter;
	int i = 1;

	(void)a;
	i = q_bind_text2(st, i, f->state_code);
	i = q_bind_text2(st, i, f->received_from);
	i = q_bind_text2(st, i, f->received_to);
	i = q_bind_text2(st, i, f->replied_from);
	return q_bind_text2(st, i, f->replied_to);
}

int64_t store_opinion_count(struct store *s, const struct opinion_filter *f)
{
	return q_count(store_prepare(s, &Q_COUNT), bind_list, f);
}

int store_opinion_list(struct store *s, struct arena *a, const struct opinion_filter *f,
		       struct opinion_request **out)
{
	return q_list(store_prepare(s, &Q_LIST), a, &f->page, f, bind_list, fill_request, sizeof(**out), out);
}

static const struct store_sql Q_SET_STATE = {
	"UPDATE opinion_requests SET state = ?, reply_day = COALESCE(?, reply_day), number = COALESCE(?, number), "
	"replied = COALESCE(?, replied) WHERE id = ? AND state = ?", NULL };

int store_opinion_set_state(struct store *s, int64_t id, const char *from, const char *to, const char *reply_day,
			    const char *number, const char *replied)
{
	struct store_stmt *st = store_prepare(s, &Q_SET_STATE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, to);
	store_bind_text(st, 2, reply_day);
	store_bind_text(st, 3, number);
	store_bind_text(st, 4, replied);
	store_bind_int(st, 5, id);
	store_bind_text(st, 6, from);
	return q_changed(s, st);
}

/* ---- the match: four statements for the whole request ----------------------- */

#define BY_MAC "FROM persons p WHERE p.id_number_mac = opinion_lines.id_mac"
#define BY_NAME "FROM persons p JOIN units u ON u.id = p.unit_id WHERE p.region = ? " \
	"AND p.name = opinion_lines.name AND u.name = opinion_lines.unit_name"
/* the lines the matcher still decides: no staff decision taken */
#define OPEN_LINES "WHERE request_id = ? AND matched IN ('none', 'ambiguous') "
static const struct store_sql Q_MATCH_MAC = {
	"UPDATE opinion_lines SET person_id = (SELECT min(p.id) " BY_MAC "), "
	"candidates = (SELECT count(*) " BY_MAC ") " OPEN_LINES "AND id_mac IS NOT NULL", NULL };
static const struct store_sql Q_MATCH_NAME = {
	"UPDATE opinion_lines SET candidates = (SELECT count(*) " BY_NAME ") " OPEN_LINES "AND id_mac IS NULL", NULL };
static const struct store_sql Q_MATCH_NAME_ONE = {
	"UPDATE opinion_lines SET person_id = CASE WHEN candidates = 1 THEN (SELECT min(p.id) " BY_NAME ") END "
	OPEN_LINES "AND id_mac IS NULL", NULL };
static const struct store_sql Q_MATCH_SET = {
	"UPDATE opinion_lines SET matched = CASE "
	"WHEN id_mac IS NOT NULL THEN CASE WHEN person_id IS NULL THEN 'none' ELSE 'id' END "
	"WHEN candidates = 1 THEN 'name' WHEN candidates = 0 THEN 'none' ELSE 'ambiguous' END " OPEN_LINES, NULL };

int store_opinion_match(struct store *s, int64_t request_id, const char *region)
{
	struct store_stmt *st;
	int rc;

	if (!(st = store_prepare(s, &Q_MATCH_MAC)))
		return STORE_ERR;
	store_bind_int(st, 1, request_id);
	if ((rc = store_exec(st)) < 0)
		return rc;
	if (!(st = store_prepare(s, &Q_MATCH_NAME)))
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, request_id);
	if ((rc = store_exec(st)) < 0)
		return rc;
	if (!(st = store_prepare(s, &Q_MATCH_NAME_ONE)))
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, request_id);
	if ((rc = store_exec(st)) < 0)
		return rc;
	if (!(st = store_prepare(s, &Q_MATCH_SET)))
		return STORE_ERR;
	store_bind_int(st, 1, request_id);
	return store_exec(st);
}

#define L_COLS "l.id, l.request_id, l.line_no, l.name, l.unit_name, l.position, l.id_mac, COALESCE(l.person_id, 0), " \
	"COALESCE(p.name, ''), COALESCE(u.name, ''), COALESCE(p.position, ''), l.matched, l.candidates, l.proposed, " \
	"l.reason, l.opinion, l.note, COALESCE(l.confirmed_by, 0) "
#define L_FROM "FROM opinion_lines l LEFT JOIN persons p ON p.id = l.person_id LEFT JOIN units u ON u.id = p.unit_id "

static void fill_line(struct arena *a, struct store_stmt *st, void *row)
{
	struct opinion_line *l = row;

	l->id = store_col_int(st, 0);
	l->request_id = store_col_int(st, 1);
	l->line_no = (int)store_col_int(st, 2);
	l->name = q_text(a, st, 3);
	l->unit_name = q_text(a, st, 4);
	l->position = q_text(a, st, 5);
	l->id_mac = q_text_or_null(a, st, 6);
	l->person_id = store_col_int(st, 7);
	l->person_name = q_text(a, st, 8);
	l->person_unit = q_text(a, st, 9);
	l->person_position = q_text(a, st, 10);
	l->matched = q_text(a, st, 11);
	l->candidates = (int)store_col_int(st, 12);
	l->proposed = q_text_or_null(a, st, 13);
	l->reason = q_text(a, st, 14);
	l->opinion = q_text_or_null(a, st, 15);
	l->note = q_text(a, st, 16);
	l->confirmed_by = store_col_int(st, 17);
}

static const struct store_sql Q_LINES = {
	"SELECT " L_COLS L_FROM "WHERE l.request_id = ? ORDER BY l.line_no", NULL };
static const struct store_sql Q_LINE = {
	"SELECT " L_COLS L_FROM "WHERE l.request_id = ? AND l.id = ?", NULL };

int store_opinion_lines(struct store *s, struct arena *a, int64_t request_id, struct opinion_line **out)
{
	return q_list_by_id(store_prepare(s, &Q_LINES), a, request_id, fill_line, sizeof(**out), out);
}

int store_opinion_line_get(struct store *s, struct arena *a, int64_t request_id, int64_t line_id,
			   struct opinion_line *out)
{
	struct store_stmt *st = store_prepare(s, &Q_LINE);
	struct opinion_line *v;
	int n;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, request_id);
	store_bind_int(st, 2, line_id);
	n = q_collect(st, a, fill_line, sizeof(*v), &v);
	if (n > 0)
		*out = v[0];
	return n < 0 ? n : n > 0;
}

static const struct store_sql Q_CANDIDATES = {
	"SELECT p.id, p.name, p.rank, p.position, p.unit_id, u.name FROM persons p JOIN units u ON u.id = p.unit_id "
	"WHERE p.region = ? AND p.name = ? AND u.name = ? ORDER BY p.id", NULL };

int store_opinion_candidates(struct store *s, struct arena *a, const char *region, const char *name,
			     const char *unit_name, struct person **out)
{
	struct store_stmt *st = store_prepare(s, &Q_CANDIDATES);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_text(st, 2, name);
	store_bind_text(st, 3, unit_name);
	return q_collect(st, a, q_fill_subject, sizeof(**out), out);
}

static const struct store_sql Q_RESOLVE = {
	"UPDATE opinion_lines SET person_id = ?, matched = ? WHERE id = ? AND opinion IS NULL", NULL };

int store_opinion_line_resolve(struct store *s, int64_t line_id, int64_t person_id, const char *matched)
{
	struct store_stmt *st = store_prepare(s, &Q_RESOLVE);

	if (!st)
		return STORE_ERR;
	q_bind_id(st, 1, person_id);
	store_bind_text(st, 2, matched);
	store_bind_int(st, 3, line_id);
	return q_changed(s, st);
}

/* the same rule as opinion_line_may_create (domain/opinion.c), as the
 * guard of the write: a line that found nobody, not confirmed, of a
 * request still being matched or checked */
static const struct store_sql Q_CREATED = {
	"UPDATE opinion_lines SET person_id = ?, matched = 'created' WHERE id = ? AND request_id = ? "
	"AND opinion IS NULL AND (matched = 'none' OR (matched = 'no_record' AND candidates = 0)) "
	"AND EXISTS (SELECT 1 FROM opinion_requests q WHERE q.id = opinion_lines.request_id "
	"AND q.state IN ('draft', 'checked'))", NULL };

int store_opinion_line_created(struct store *s, int64_t request_id, int64_t line_id, int64_t person_id)
{
	struct store_stmt *st = store_prepare(s, &Q_CREATED);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, person_id);
	store_bind_int(st, 2, line_id);
	store_bind_int(st, 3, request_id);
	return q_changed(s, st);
}

/* ---- the check: one statement for every fact of the request ----------------- */

/* parameters: request, day (cases: filed by then, not closed before it);
 * request, day (clues being handled, received by then); request, day
 * (reports accepted and not yet a clue); request, day (outcomes in effect
 * by then, one row per measure) */
static const struct store_sql Q_FACTS = {
	"SELECT l.id, 1, c.id, c.filed, '', 0, '' FROM opinion_lines l "
	"JOIN case_subjects cs ON cs.person_id = l.person_id JOIN cases c ON c.id = cs.case_id "
	"WHERE l.request_id = ? AND c.filed <= ? AND (c.closed IS NULL OR c.closed > ?) "
	"UNION ALL "
	"SELECT l.id, 2, k.id, k.received, '', 0, '' FROM opinion_lines l "
	"JOIN clue_subjects ks ON ks.person_id = l.person_id JOIN clues k ON k.id = ks.clue_id "
	"WHERE l.request_id = ? AND k.received <= ? "
	"AND k.state IN ('registered', 'talk_inquiry', 'preliminary_verification') "
	"UNION ALL "
	"SELECT l.id, 3, r.id, r.received, '', 0, '' FROM opinion_lines l "
	"JOIN report_accused ra ON ra.person_id = l.person_id JOIN reports r ON r.id = ra.report_id "
	"WHERE l.request_id = ? AND r.received <= ? AND r.state IN ('registered', 'accepted') AND r.clue_id IS NULL "
	"UNION ALL "
	"SELECT l.id, 4, o.id, COALESCE(o.effective, o.day), COALESCE(o.bar_until, ''), o.sanctioned, m.measure "
	"FROM opinion_lines l JOIN outcomes o ON o.person_id = l.person_id "
	"JOIN outcome_measures m ON m.outcome_id = o.id "
	"WHERE l.request_id = ? AND COALESCE(o.effective, o.day) <= ? "
	"ORDER BY 1, 2, 3, 7", NULL };

static void fill_fact(struct arena *a, struct store_stmt *st, void *row)
{
	struct opinion_fact *f = row;

	f->line_id = store_col_int(st, 0);
	f->kind = (int)store_col_int(st, 1);
	f->ref = store_col_int(st, 2);
	f->day = q_text(a, st, 3);
	f->until = q_text(a, st, 4);
	f->sanctioned = (int)store_col_int(st, 5);
	f->measure = q_text(a, st, 6);
}

int store_opinion_facts(struct store *s, struct arena *a, int64_t request_id, const char *day,
			struct opinion_fact **out)
{
	struct store_stmt *st = store_prepare(s, &Q_FACTS);
	int i = 1;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, i++, request_id);
	store_bind_text(st, i++, day);
	store_bind_text(st, i++, day);
	for (int k = 0; k < 3; k++) {
		store_bind_int(st, i++, request_id);
		store_bind_text(st, i++, day);
	}
	return q_collect(st, a, fill_fact, sizeof(**out), out);
}

static const struct store_sql Q_PROPOSE = {
	"UPDATE opinion_lines SET proposed = ?, reason = ?, opinion = NULL, note = '', confirmed_by = NULL "
	"WHERE id = ? AND request_id = ?", NULL };

int store_opinion_propose(struct store *s, int64_t request_id, const struct opinion_proposal *v, int n)
{
	for (int i = 0; i < n; i++) {
		struct store_stmt *st = store_prepare(s, &Q_PROPOSE);
		int rc;

		if (!st)
			return STORE_ERR;
		store_bind_text(st, 1, v[i].code);
		store_bind_text(st, 2, v[i].reason);
		store_bind_int(st, 3, v[i].line_id);
		store_bind_int(st, 4, request_id);
		if ((rc = store_exec(st)) < 0)
			return rc;
	}
	return 0;
}

static const struct store_sql Q_CONFIRM = {
	"UPDATE opinion_lines SET opinion = ?, note = ?, confirmed_by = ? "
	"WHERE request_id = ? AND id = ? AND proposed IS NOT NULL", NULL };

int store_opinion_line_confirm(struct store *s, int64_t request_id, int64_t line_id, const char *code,
			       const char *note, int64_t user_id)
{
	struct store_stmt *st = store_prepare(s, &Q_CONFIRM);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, code);
	store_bind_text(st, 2, note ? note : "");
	q_bind_id(st, 3, user_id);
	store_bind_int(st, 4, request_id);
	store_bind_int(st, 5, line_id);
	return q_changed(s, st);
}

static const struct store_sql Q_CONFIRM_ALL = {
	"UPDATE opinion_lines SET opinion = proposed, note = '', confirmed_by = ? "
	"WHERE request_id = ? AND opinion IS NULL AND proposed IS NOT NULL", NULL };

int store_opinion_confirm_all(struct store *s, int64_t request_id, int64_t user_id)
{
	struct store_stmt *st = store_prepare(s, &Q_CONFIRM_ALL);

	if (!st)
		return STORE_ERR;
	q_bind_id(st, 1, user_id);
	store_bind_int(st, 2, request_id);
	return q_changed(s, st);
}

static const struct store_sql Q_UNCONFIRMED = {
	"SELECT count(*) FROM opinion_lines WHERE request_id = ? AND opinion IS NULL", NULL };

int64_t store_opinion_unconfirmed(struct store *s, int64_t request_id)
{
	struct store_stmt *st = store_prepare(s, &Q_UNCONFIRMED);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, request_id);
	return q_scalar(st);
}

static const struct store_sql Q_DUE = {
	"SELECT " R_COLS "FROM opinion_requests q WHERE q.state <> 'replied' AND q.due IS NOT NULL AND q.due <= ? "
	"ORDER BY q.due, q.id LIMIT ?", NULL };

int store_opinions_due(struct store *s, struct arena *a, const char *last, int limit, struct opinion_request **out)
{
	struct store_stmt *st = store_prepare(s, &Q_DUE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, last);
	store_bind_int(st, 2, limit);
	return q_collect(st, a, fill_request, sizeof(**out), out);
}

static const struct store_sql Q_BY_EXT = { "SELECT id FROM opinion_requests WHERE ext_id = ?", NULL };

int64_t store_opinion_by_ext(struct store *s, const char *ext_id)
{
	struct store_stmt *st = store_prepare(s, &Q_BY_EXT);
	int64_t v;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, ext_id);
	v = q_scalar(st);
	return v;
}

/* ---- statistics ---------------------------------------------------------------- */

#define M_REPLIED(COLS) "SELECT " COLS " FROM opinion_requests q " \
	"WHERE q.state = 'replied' AND q.replied >= ? AND q.replied <= ?"
#define M_LINES "CAST(COALESCE(sum(q.lines), 0) AS BIGINT)"
static const struct store_sql Q_M_REPLIES = { M_REPLIED("count(*)"), NULL };
/* the definition: the lines of the requests replied in the period */
static const struct store_sql Q_M_CADRES = {
	"SELECT count(*) FROM opinion_lines l JOIN opinion_requests q ON q.id = l.request_id "
	"WHERE q.state = 'replied' AND q.replied >= ? AND q.replied <= ?", NULL };
/* the same from each request's lines kept by 0088's triggers (a request's
 * few rows, not its lines) */
static const struct store_sql Q_M_CADRES_KEPT = { M_REPLIED(M_LINES), NULL };
/* both in one row (in a batch, SQLite too, while the rollup reads:
 * q_metric_grouped): the replies, the kept lines */
static const struct store_sql Q_M_REPLIED_ALL = { M_REPLIED("count(*), " M_LINES), NULL };
static const struct q_metric_group G_REPLIED = { &Q_M_REPLIED_ALL, 0, 2, 1 };
static const struct metric_scope no_member;     /* the commission's own letters */

int store_metric_opinion_replies(struct store *db, const struct metric_period *p, const struct metric_scope *sc,
				 int64_t *out)
{
	int rc;

	(void)sc;
	if ((rc = q_metric_grouped(db, &G_REPLIED, 0, p, &no_member, out)) != 0)
		return rc < 0 ? rc : 0;
	return q_metric_between(db, &Q_M_REPLIES, p, NULL, out);
}

int store_metric_opinion_cadres(struct store *db, const struct metric_period *p, const struct metric_scope *sc,
				int64_t *out)
{
	int kept, rc;

	(void)sc;
	if ((rc = q_metric_grouped(db, &G_REPLIED, 1, p, &no_member, out)) != 0)
		return rc < 0 ? rc : 0;
	if ((kept = store_rollup_reads(db)) < 0)
		return kept;
	/* the statistics' switch (QF_METRICS_LIVE=1, a bulk load) counts the lines themselves */
	return q_metric_between(db, kept ? &Q_M_CADRES_KEPT : &Q_M_CADRES, p, NULL, out);
}
