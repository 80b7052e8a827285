/* q_public.c: the public channel's tables (migration 0040): the sealed
 * inbox and the reporters' status on the public side, the imported items
 * on the intranet. */
#include "store/q_public.h"

#include "store/q_util.h"

static const struct store_sql Q_INBOX_PUT = {
	"INSERT INTO public_inbox (id, region, kind, day, sealed) VALUES (?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_INBOX_PAGE = {
	"SELECT id, kind, day, sealed, seq FROM public_inbox WHERE seq > ? ORDER BY seq LIMIT ?", NULL };
static const struct store_sql Q_INBOX_DEL = { "DELETE FROM public_inbox WHERE id = ?", NULL };
static const struct store_sql Q_PST_PUT = {
	"INSERT INTO public_status (item_id, region, bucket, code_hash, day) VALUES (?, ?, ?, ?, ?)",
	NULL };
static const struct store_sql Q_PST_BUCKET = {
	"SELECT item_id, code_hash, status, answer, day, kind, detail FROM public_status WHERE bucket = ?",
	NULL };
static const struct store_sql Q_PST_PUT_AS = {
	"INSERT INTO public_status (item_id, region, bucket, code_hash, day, kind, detail, status) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?)", NULL };
static const struct store_sql Q_PST_DETAIL = {
	"UPDATE public_status SET detail = ? WHERE item_id = ? AND detail <> ?", NULL };
static const struct store_sql Q_PPOINT_CLEAR = { "DELETE FROM public_points", NULL };
static const struct store_sql Q_PPOINT_PUT = {
	"INSERT INTO public_points (token, region, unit_name) VALUES (?, ?, ?)", NULL };
static const struct store_sql Q_PPOINT_GET = {
	"SELECT unit_name FROM public_points WHERE token = ?", NULL };
static const struct store_sql Q_PSUB_GET = {
	"SELECT item_id, letter_item, review, day FROM public_submissions WHERE key_hash = ?", NULL };
static const struct store_sql Q_PSUB_PUT = {
	"INSERT INTO public_submissions (key_hash, region, item_id, letter_item, review, day) "
	"VALUES (?, ?, ?, ?, ?, ?)",
	NULL };
/* the group writer's: a twin is told by the row count, not an error, so
 * the job needs no savepoint (store/groupw.h) */
static const struct store_sql Q_PSUB_ADD = {
	"INSERT INTO public_submissions (key_hash, region, item_id, letter_item, review, day) "
	"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key_hash) DO NOTHING",
	NULL };
/* 0057: appended, never looked up by value (store/q_public.h) */
static const struct store_sql Q_PRKEY_ADD = {
	"INSERT INTO public_rating_keys (digest, day) VALUES (?, ?)", NULL };
static const struct store_sql Q_PRKEY_SINCE = {
	"SELECT digest FROM public_rating_keys WHERE day >= ?", NULL };
static const struct store_sql Q_PRKEY_OLD = {
	"SELECT count(*) FROM public_rating_keys WHERE day < ?", NULL };
static const struct store_sql Q_PRKEY_PURGE = {
	"DELETE FROM public_rating_keys WHERE id IN "
	"(SELECT id FROM public_rating_keys WHERE day < ? ORDER BY id LIMIT ?)", NULL };
static const struct store_sql Q_PST_SET = {
	"UPDATE public_status SET status = ?, answer = ?, day = ? "
	"WHERE item_id = ? AND (status <> ? OR answer <> ?)", NULL };
/* the statuses after which nothing changes for the citizen any more
 * (domain/public_report.c public_statuses) */
#define PST_FINAL "('concluded', 'not_accepted', 'transferred', 'fixed')"
static const struct store_sql Q_PSUB_OLD = {
	"SELECT count(*) FROM public_submissions WHERE day < ?", NULL };
static const struct store_sql Q_PSUB_PURGE = {
	"DELETE FROM public_submissions WHERE key_hash IN "
	"(SELECT key_hash FROM public_submissions WHERE day < ? LIMIT ?)", NULL };
static const struct store_sql Q_PST_OLD = {
	"SELECT count(*) FROM public_status WHERE status IN " PST_FINAL " AND day < ?", NULL };
static const struct store_sql Q_PST_PURGE = {
	"DELETE FROM public_status WHERE item_id IN "
	"(SELECT item_id FROM public_status WHERE status IN " PST_FINAL " AND day < ? LIMIT ?)", NULL };
static const struct store_sql Q_PST_OPEN = {
	"SELECT item_id FROM public_status WHERE status NOT IN " PST_FINAL " AND item_id > ? "
	"ORDER BY item_id LIMIT ?", NULL };
static const struct store_sql Q_PITEM_SEEN = {
	"SELECT count(*) FROM public_items WHERE item_id = ?", NULL };
static const struct store_sql Q_PITEM_PUT = {
	"INSERT INTO public_items (item_id, region, kind, day, report_id, imported_day) "
	"VALUES (?, ?, ?, ?, ?, ?)", NULL };
#define PITEM_COLS "SELECT item_id, kind, day, report_id FROM public_items "
static const struct store_sql Q_PITEM_GET = { PITEM_COLS "WHERE item_id = ?", NULL };
static const struct store_sql Q_PITEM_REPORT = { PITEM_COLS "WHERE report_id = ?", NULL };
static const struct store_sql Q_PITEM_ALL = { PITEM_COLS "ORDER BY day, item_id", NULL };
static const struct store_sql Q_PMSG_PUT = {
	"INSERT INTO public_messages (region, report_id, direction, item_id, day, body) "
	"VALUES (?, ?, ?, ?, ?, ?)",
	NULL };
static const struct store_sql Q_PMSG_REPORT = {
	"SELECT direction, item_id, day, body FROM public_messages WHERE report_id = ? ORDER BY id",
	NULL };

int store_inbox_put(struct store *s, const char *region, const struct inbox_item *it)
{
	struct store_stmt *st = store_prepare(s, &Q_INBOX_PUT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, it->id);
	store_bind_text(st, 2, region);
	store_bind_text(st, 3, it->kind);
	store_bind_text(st, 4, it->day);
	store_bind_text(st, 5, it->sealed);
	return store_exec(st);
}

static void fill_inbox(struct arena *a, struct store_stmt *st, void *row)
{
	struct inbox_item *it = row;

	it->id = q_text(a, st, 0);
	it->kind = q_text(a, st, 1);
	it->day = q_text(a, st, 2);
	it->sealed = q_text(a, st, 3);
	it->seq = store_col_int(st, 4);
}

int store_inbox_page(struct store *s, struct arena *a, int64_t after, int limit, struct inbox_item **out)
{
	struct store_stmt *st = store_prepare(s, &Q_INBOX_PAGE);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, after);
	store_bind_int(st, 2, limit);
	return q_collect(st, a, fill_inbox, sizeof(**out), out);
}

int store_inbox_delete(struct store *s, const char *id)
{
	struct store_stmt *st = store_prepare(s, &Q_INBOX_DEL);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, id);
	return store_exec(st);
}

int store_pstatus_put(struct store *s, const char *region, const char *item_id, int bucket,
		      const char *code_hash, const char *day)
{
	struct store_stmt *st = store_prepare(s, &Q_PST_PUT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, item_id);
	store_bind_text(st, 2, region);
	store_bind_int(st, 3, bucket);
	store_bind_text(st, 4, code_hash);
	store_bind_text(st, 5, day);
	return store_exec(st);
}

static void fill_status(struct arena *a, struct store_stmt *st, void *row)
{
	struct public_status *p = row;

	p->item_id = q_text(a, st, 0);
	p->code_hash = q_text(a, st, 1);
	p->status = q_text(a, st, 2);
	p->answer = q_text(a, st, 3);
	p->day = q_text(a, st, 4);
	p->kind = q_text(a, st, 5);
	p->detail = q_text(a, st, 6);
}

int store_pstatus_bucket(struct store *s, struct arena *a, int bucket, struct public_status **out)
{
	struct store_stmt *st = store_prepare(s, &Q_PST_BUCKET);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, bucket);
	return q_collect(st, a, fill_status, sizeof(**out), out);
}

int store_pstatus_set(struct store *s, const char *item_id, const char *status,
		      const char *answer, const char *day)
{
	struct store_stmt *st = store_prepare(s, &Q_PST_SET);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, status);
	store_bind_text(st, 2, answer);
	store_bind_text(st, 3, day);
	store_bind_text(st, 4, item_id);
	store_bind_text(st, 5, status);
	store_bind_text(st, 6, answer);
	rc = store_exec(st);
	return rc < 0 ? rc : store_changes(s) > 0;
}

int store_pitem_seen(struct store *s, const char *item_id)
{
	struct store_stmt *st = store_prepare(s, &Q_PITEM_SEEN);
	int64_t n;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, item_id);
	n = q_scalar(st);
	return n < 0 ? (int)n : n > 0;
}

int store_pitem_put(struct store *s, const char *region, const struct public_item *it,
		    const char *imported_day)
{
	struct store_stmt *st = store_prepare(s, &Q_PITEM_PUT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, it->item_id);
	store_bind_text(st, 2, region);
	store_bind_text(st, 3, it->kind);
	store_bind_text(st, 4, it->day);
	q_bind_id(st, 5, it->report_id);
	store_bind_text(st, 6, imported_day);
	return store_exec(st);
}

static void fill_item(struct arena *a, struct store_stmt *st, void *row)
{
	struct public_item *it = row;

	it->item_id = q_text(a, st, 0);
	it->kind = q_text(a, st, 1);
	it->day = q_text(a, st, 2);
	it->report_id = store_col_int(st, 3);
}

/* The first row of a bound statement into it: 1, 0 or < 0. */
static int one_item(struct store_stmt *st, struct arena *a, struct public_item *it)
{
	struct public_item *rows;
	int n = q_collect(st, a, fill_item, sizeof(*rows), &rows);

	if (n > 0)
		*it = rows[0];
	return n < 0 ? n : n > 0;
}

int store_pitem_get(struct store *s, struct arena *a, const char *item_id, struct public_item *it)
{
	struct store_stmt *st = store_prepare(s, &Q_PITEM_GET);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, item_id);
	return one_item(st, a, it);
}

int store_pitem_of_report(struct store *s, struct arena *a, int64_t report_id,
			  struct public_item *it)
{
	struct store_stmt *st = store_prepare(s, &Q_PITEM_REPORT);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, report_id);
	return one_item(st, a, it);
}

int store_pitem_all(struct store *s, struct arena *a, struct public_item **out)
{
	return q_collect(store_prepare(s, &Q_PITEM_ALL), a, fill_item, sizeof(**out), out);
}

int store_pmsg_put(struct store *s, const char *region, const struct public_message *m)
{
	struct store_stmt *st = store_prepare(s, &Q_PMSG_PUT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_int(st, 2, m->report_id);
	store_bind_text(st, 3, m->direction);
	store_bind_text(st, 4, m->item_id);
	store_bind_text(st, 5, m->day);
	store_bind_text(st, 6, m->body);
	return store_exec(st);
}

static void fill_msg(struct arena *a, struct store_stmt *st, void *row)
{
	struct public_message *m = row;

	m->direction = q_text(a, st, 0);
	m->item_id = q_text(a, st, 1);
	m->day = q_text(a, st, 2);
	m->body = q_text(a, st, 3);
}

int store_pmsg_of_report(struct store *s, struct arena *a, int64_t report_id,
			 struct public_message **out)
{
	int n = q_list_by_id(store_prepare(s, &Q_PMSG_REPORT), a, report_id, fill_msg, sizeof(**out), out);

	for (int i = 0; i < n; i++)
		(*out)[i].report_id = report_id;
	return n;
}

int store_pstatus_put_as(struct store *s, const char *region, const struct public_status *p, int bucket)
{
	struct store_stmt *st = store_prepare(s, &Q_PST_PUT_AS);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, p->item_id);
	store_bind_text(st, 2, region);
	store_bind_int(st, 3, bucket);
	store_bind_text(st, 4, p->code_hash);
	store_bind_text(st, 5, p->day);
	store_bind_text(st, 6, p->kind);
	store_bind_text(st, 7, p->detail ? p->detail : "");
	store_bind_text(st, 8, p->status);
	return store_exec(st);
}

int store_pstatus_detail(struct store *s, const char *item_id, const char *detail)
{
	struct store_stmt *st = store_prepare(s, &Q_PST_DETAIL);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, detail);
	store_bind_text(st, 2, item_id);
	store_bind_text(st, 3, detail);
	rc = store_exec(st);
	return rc < 0 ? rc : store_changes(s) > 0;
}

int store_ppoint_clear(struct store *s)
{
	struct store_stmt *st = store_prepare(s, &Q_PPOINT_CLEAR);

	return st ? store_exec(st) : STORE_ERR;
}

int store_ppoint_put(struct store *s, const char *region, const char *token, const char *unit_name)
{
	struct store_stmt *st = store_prepare(s, &Q_PPOINT_PUT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, token);
	store_bind_text(st, 2, region);
	store_bind_text(st, 3, unit_name);
	return store_exec(st);
}

int store_ppoint_get(struct store *s, struct arena *a, const char *token, const char **unit_name)
{
	struct store_stmt *st = store_prepare(s, &Q_PPOINT_GET);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, token);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*unit_name = q_text(a, st, 0);
	store_reset(st);
	return rc;
}

int store_psub_get(struct store *s, struct arena *a, const char *key_hash, struct public_submission *out)
{
	struct store_stmt *st = store_prepare(s, &Q_PSUB_GET);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, key_hash);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		out->item_id = q_text(a, st, 0);
		out->letter_item = q_text(a, st, 1);
		out->review = (int)store_col_int(st, 2);
		out->day = q_text(a, st, 3);
	}
	store_reset(st);
	return rc;
}

static int psub_exec(struct store *s, const struct store_sql *q, const char *region, const char *key_hash,
		     const struct public_submission *p)
{
	struct store_stmt *st = store_prepare(s, q);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, key_hash);
	store_bind_text(st, 2, region);
	store_bind_text(st, 3, p->item_id);
	store_bind_text(st, 4, p->letter_item ? p->letter_item : "");
	store_bind_int(st, 5, p->review);
	store_bind_text(st, 6, p->day);
	return store_exec(st);
}

int store_psub_put(struct store *s, const char *region, const char *key_hash,
		   const struct public_submission *p)
{
	return psub_exec(s, &Q_PSUB_PUT, region, key_hash, p);
}

int store_psub_add(struct store *s, const char *region, const char *key_hash,
		   const struct public_submission *p)
{
	int rc = psub_exec(s, &Q_PSUB_ADD, region, key_hash, p);

	return rc < 0 ? rc : store_changes(s) > 0;
}

/* count (dry) or delete at most limit rows of st's table older than
 * before: the rows, or < 0 */
static int64_t old_rows(struct store *s, const struct store_sql *count, const struct store_sql *del,
			const char *before, int limit)
{
	struct store_stmt *st = store_prepare(s, limit ? del : count);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, before);
	if (!limit)
		return q_scalar(st);
	store_bind_int(st, 2, limit);
	rc = store_exec(st);
	return rc < 0 ? rc : store_changes(s);
}

int64_t store_psub_purge(struct store *s, const char *before, int limit)
{
	return old_rows(s, &Q_PSUB_OLD, &Q_PSUB_PURGE, before, limit);
}

int store_prkey_add(struct store *s, const char *digest, const char *day)
{
	struct store_stmt *st = store_prepare(s, &Q_PRKEY_ADD);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, digest);
	store_bind_text(st, 2, day);
	return store_exec(st);
}

int64_t store_prkey_since(struct store *s, const char *day, void (*each)(const char *digest, void *arg),
			  void *arg)
{
	struct store_stmt *st = store_prepare(s, &Q_PRKEY_SINCE);
	int64_t n = 0;
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, day);
	while ((rc = store_step(st)) == STORE_ROW) {
		each(store_col_text(st, 0), arg);
		n++;
	}
	store_reset(st);
	return rc < 0 ? rc : n;
}

int64_t store_prkey_purge(struct store *s, const char *before, int limit)
{
	return old_rows(s, &Q_PRKEY_OLD, &Q_PRKEY_PURGE, before, limit);
}

int64_t store_pstatus_purge(struct store *s, const char *before, int limit)
{
	return old_rows(s, &Q_PST_OLD, &Q_PST_PURGE, before, limit);
}

static void fill_id(struct arena *a, struct store_stmt *st, void *row)
{
	*(const char **)row = q_text(a, st, 0);
}

int store_pstatus_open(struct store *s, struct arena *a, const char *after, int limit, const char ***out)
{
	struct store_stmt *st = store_prepare(s, &Q_PST_OPEN);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, after);
	store_bind_int(st, 2, limit);
	return q_collect(st, a, fill_id, sizeof(**out), out);
}
