/*
 * q_persons.c: the cadres under supervision.  The ID number is stored
 * only encrypted (id_number_enc) plus a keyed MAC for exact lookup
 * (id_number_mac); this file never sees it in clear.
 */
#include "store/q_persons.h"
#include "store/q_scope.h"
#include "store/q_util.h"

/* the jurisdiction, then sub: the unit filter's unit and its descendants */
#define PERSON_CTE "WITH RECURSIVE " Q_SCOPE_CTE ", " Q_SUBTREE("sub", "SELECT CAST(? AS BIGINT)") " "
#define PERSON_COLS "p.id, p.unit_id, u.name, p.region, p.name, p.position, p.rank, p.top_leader, " \
	"p.leadership, p.party_member, p.id_number_enc, p.id_number_mac, p.created_at, p.updated_at, " \
	"p.gender, p.birth_date, p.ethnicity, p.party_joined, p.npc_deputy, p.cppcc_member " \
	"FROM persons p JOIN units u ON u.id = p.unit_id "
/* after "WHERE " or Q_SCOPE_LEAD (Q_SCOPE_PAIR) */
#define PERSON_WHERE Q_IN_SCOPE("p.unit_id") " " \
	"AND (? = '' OR p.name LIKE ? ESCAPE '\\' OR p.position LIKE ? ESCAPE '\\') " \
	"AND (? = '' OR p.rank = ?) AND (? = 0 OR p.unit_id IN (SELECT id FROM sub)) "

static const struct store_sql Q_GET = { "SELECT " PERSON_COLS "WHERE p.id = ?", NULL };
static const struct store_sql Q_INSERT = {
	"INSERT INTO persons(region, unit_id, name, position, rank, top_leader, leadership, "
	"party_member, id_number_enc, id_number_mac, gender, birth_date, ethnicity, party_joined, "
	"npc_deputy, cppcc_member, created_at, updated_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
static const struct store_sql Q_UPDATE = {
	"UPDATE persons SET unit_id = ?, name = ?, position = ?, rank = ?, top_leader = ?, "
	"leadership = ?, party_member = ?, id_number_enc = ?, id_number_mac = ?, gender = ?, "
	"birth_date = ?, ethnicity = ?, party_joined = ?, npc_deputy = ?, cppcc_member = ?, updated_at = ? "
	"WHERE id = ?", NULL };
#define PERSON_LIST(LEAD) { PERSON_CTE "SELECT " PERSON_COLS LEAD PERSON_WHERE \
	"ORDER BY p.id DESC LIMIT ? OFFSET ?", NULL }
#define PERSON_COUNT(LEAD) { PERSON_CTE Q_CAPPED_COUNT("FROM persons p " LEAD PERSON_WHERE), NULL }
static const struct store_sql Q_LIST[] = Q_SCOPE_PAIR(PERSON_LIST, "p.unit_id");
static const struct store_sql Q_COUNT[] = Q_SCOPE_PAIR(PERSON_COUNT, "p.unit_id");
static const struct store_sql Q_SET_IDNUM = {
	"UPDATE persons SET id_number_enc = ?, id_number_mac = ? WHERE id = ?", NULL };
/* The unfiltered list of an unscoped user, the most common page: plain
 * statements SQLite can answer from the table and its index directly. */
static const struct store_sql Q_LIST_ALL = {
	"SELECT " PERSON_COLS "ORDER BY p.id DESC LIMIT ? OFFSET ?", NULL };
static const struct store_sql Q_COUNT_ALL = { Q_CAPPED_COUNT("FROM persons"), NULL };
static const struct store_sql Q_BY_MAC = {
	"SELECT id FROM persons WHERE id_number_mac = ? AND id <> ? LIMIT 1", NULL };

static void fill_person(struct arena *a, struct store_stmt *st, void *row)
{
	struct person *p = row;

	p->id = store_col_int(st, 0);
	p->unit_id = store_col_int(st, 1);
	p->unit_name = q_text(a, st, 2);
	p->region = q_text(a, st, 3);
	p->name = q_text(a, st, 4);
	p->position = q_text(a, st, 5);
	p->rank = q_text(a, st, 6);
	p->top_leader = (int)store_col_int(st, 7);
	p->leadership = (int)store_col_int(st, 8);
	p->party_member = (int)store_col_int(st, 9);
	p->id_number_enc = q_text_or_null(a, st, 10);
	p->id_number_mac = q_text_or_null(a, st, 11);
	p->created_at = store_col_int(st, 12);
	p->updated_at = store_col_int(st, 13);
	p->gender = q_text(a, st, 14);
	p->birth_date = q_text_or_null(a, st, 15);
	p->ethnicity = q_text(a, st, 16);
	p->party_joined = q_text_or_null(a, st, 17);
	p->npc_deputy = (int)store_col_int(st, 18);
	p->cppcc_member = (int)store_col_int(st, 19);
	p->post_from = NULL;        /* an input of person_save only */
}

int store_person_get(struct store *s, struct arena *a, int64_t id, struct person *p)
{
	return q_get_by_id(store_prepare(s, &Q_GET), a, id, fill_person, p);
}

/* Binds the fields shared by insert and update from index i on. */
static int bind_fields(struct store_stmt *st, int i, const struct person *p)
{
	store_bind_int(st, i++, p->unit_id);
	store_bind_text(st, i++, p->name);
	store_bind_text(st, i++, p->position ? p->position : "");
	store_bind_text(st, i++, p->rank);
	store_bind_int(st, i++, p->top_leader);
	store_bind_int(st, i++, p->leadership);
	store_bind_int(st, i++, p->party_member);
	store_bind_text(st, i++, p->id_number_enc);
	store_bind_text(st, i++, p->id_number_mac);
	store_bind_text(st, i++, p->gender ? p->gender : "");
	store_bind_text(st, i++, p->birth_date && *p->birth_date ? p->birth_date : NULL);
	store_bind_text(st, i++, p->ethnicity ? p->ethnicity : "");
	store_bind_text(st, i++, p->party_joined && *p->party_joined ? p->party_joined : NULL);
	store_bind_int(st, i++, p->npc_deputy);
	store_bind_int(st, i++, p->cppcc_member);
	return i;
}

int64_t store_person_insert(struct store *s, const struct person *p, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_INSERT);
	int i;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, p->region);
	i = bind_fields(st, 2, p);
	store_bind_int(st, i++, now);
	store_bind_int(st, i, now);
	return q_scalar(st);
}

int store_person_update(struct store *s, const struct person *p, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_UPDATE);
	int i;

	if (!st)
		return STORE_ERR;
	i = bind_fields(st, 1, p);
	store_bind_int(st, i++, now);
	store_bind_int(st, i, p->id);
	return store_exec(st);
}

static int bind_filters(struct store_stmt *st, struct arena *a, const void *filter)
{
	const struct person_filter *lq = filter;
	const char *q = lq->q ? lq->q : "";
	const char *rank = lq->rank ? lq->rank : "";
	const char *like = q_like_pattern(a, q);

	store_bind_int(st, 1, lq->scope_user);
	store_bind_int(st, 2, lq->unit_id);
	store_bind_int(st, 3, lq->scope_user);
	store_bind_text(st, 4, q);
	store_bind_text(st, 5, like);
	store_bind_text(st, 6, like);
	store_bind_text(st, 7, rank);
	store_bind_text(st, 8, rank);
	store_bind_int(st, 9, lq->unit_id);
	return 10;
}

static int unfiltered(const struct person_filter *lq)
{
	return !lq->scope_user && !lq->unit_id && (!lq->q || !*lq->q) && (!lq->rank || !*lq->rank);
}

static int bind_none(struct store_stmt *st, struct arena *a, const void *filter)
{
	return 1;
}

int store_person_list(struct store *s, struct arena *a, const struct person_filter *lq,
		      struct person **out)
{
	if (unfiltered(lq))
		return q_list(store_prepare(s, &Q_LIST_ALL), a, &lq->page, lq, bind_none, fill_person,
			      sizeof(**out), out);
	return q_list(store_prepare(s, &Q_LIST[Q_SCOPE_VARIANT(lq->scope_user)]), a, &lq->page, lq,
		      bind_filters, fill_person, sizeof(**out), out);
}

int64_t store_person_count(struct store *s, const struct person_filter *lq)
{
	if (unfiltered(lq))
		return q_scalar(store_prepare(s, &Q_COUNT_ALL));
	return q_count(store_prepare(s, &Q_COUNT[Q_SCOPE_VARIANT(lq->scope_user)]), bind_filters, lq);
}

int64_t store_person_by_idmac(struct store *s, const char *mac, int64_t except_id)
{
	struct store_stmt *st = store_prepare(s, &Q_BY_MAC);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, mac);
	store_bind_int(st, 2, except_id);
	return q_scalar(st);
}

int store_person_set_idnum(struct store *s, int64_t id, const char *enc, const char *mac)
{
	struct store_stmt *st = store_prepare(s, &Q_SET_IDNUM);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, enc);
	store_bind_text(st, 2, mac);
	store_bind_int(st, 3, id);
	return store_exec(st);
}

/* ---- the post history (0034) ------------------------------------------------ */

static const struct store_sql Q_POSTS = {
	"SELECT t.id, t.person_id, t.unit_id, u.name, t.post, t.start_day, t.end_day FROM person_posts t "
	"JOIN units u ON u.id = t.unit_id WHERE t.person_id = ? "
	"ORDER BY CASE WHEN t.end_day IS NULL THEN 1 ELSE 0 END, t.end_day, t.id", NULL };
/* SQLite: no RETURNING (q_insert_id) */
static const struct store_sql Q_POST_INSERT = {
	"INSERT INTO person_posts(person_id, unit_id, post, start_day, end_day, created_at) "
	"VALUES (?, ?, ?, ?, NULL, ?)",
	"INSERT INTO person_posts(person_id, unit_id, post, start_day, end_day, created_at) "
	"VALUES (?, ?, ?, ?, NULL, ?) RETURNING id" };
static const struct store_sql Q_POST_END = {
	"UPDATE person_posts SET end_day = ? WHERE person_id = ? AND end_day IS NULL", NULL };
static const struct store_sql Q_POST_OPEN = {
	"SELECT count(*) FROM person_posts WHERE person_id = ? AND end_day IS NULL", NULL };

static void fill_post(struct arena *a, struct store_stmt *st, void *row)
{
	struct person_post *t = row;

	t->id = store_col_int(st, 0);
	t->person_id = store_col_int(st, 1);
	t->unit_id = store_col_int(st, 2);
	t->unit_name = q_text(a, st, 3);
	t->post = q_text(a, st, 4);
	t->start_day = q_text_or_null(a, st, 5);
	t->end_day = q_text_or_null(a, st, 6);
}

int store_person_posts(struct store *s, struct arena *a, int64_t person_id, struct person_post **out)
{
	return q_list_by_id(store_prepare(s, &Q_POSTS), a, person_id, fill_post, sizeof(**out), out);
}

int64_t store_person_post_start(struct store *s, int64_t person_id, int64_t unit_id, const char *post,
				const char *start_day, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_POST_INSERT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, person_id);
	store_bind_int(st, 2, unit_id);
	store_bind_text(st, 3, post ? post : "");
	store_bind_text(st, 4, start_day && *start_day ? start_day : NULL);
	store_bind_int(st, 5, now);
	return q_insert_id(s, st);
}

int store_person_post_end(struct store *s, int64_t person_id, const char *end_day)
{
	struct store_stmt *st = store_prepare(s, &Q_POST_END);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, end_day);
	store_bind_int(st, 2, person_id);
	return store_exec(st);
}

int64_t store_person_post_open(struct store *s, int64_t person_id)
{
	struct store_stmt *st = store_prepare(s, &Q_POST_OPEN);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, person_id);
	return q_scalar(st);
}
