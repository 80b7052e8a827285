/* q_util.c: helpers shared by the typed query files. */
#include "store/q_util.h"
#include "store/q_todo.h"
#include "model/filter.h"
#include "model/person.h"

#include <string.h>

const char *q_like_pattern(struct arena *a, const char *text)
{
	size_t n = strlen(text), j = 0;
	char *p = arena_alloc(a, 2 * n + 3);

	p[j++] = '%';
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '%' || text[i] == '_' || text[i] == '\\')
			p[j++] = '\\';
		p[j++] = text[i];
	}
	p[j++] = '%';
	p[j] = '\0';
	return p;
}

int64_t q_scalar(struct store_stmt *st)
{
	int rc = store_step(st);
	int64_t v;

	if (rc == STORE_ROW)
		v = store_col_int(st, 0);
	else
		v = rc < 0 ? rc : 0;
	store_reset(st);
	return v;
}

int64_t q_insert_id(struct store *s, struct store_stmt *st)
{
	int rc;

	if (store_backend(s) != STORE_SQLITE)
		return q_scalar(st);
	rc = store_exec(st);
	return rc < 0 ? rc : store_last_id(s);
}

void q_fill_due_count(struct arena *a, struct store_stmt *st, void *row)
{
	struct store_due_count *d = row;

	d->office = q_text(a, st, 0);
	d->overdue = store_col_int(st, 1);
	d->soon = store_col_int(st, 2) - d->overdue;
}

int64_t q_count(struct store_stmt *st, q_bind_fn bind, const void *f)
{
	struct arena *a;
	int64_t n;

	if (!st)
		return STORE_ERR;
	a = arena_new(512);
	bind(st, a, f);
	n = q_scalar(st);
	arena_free(a);
	return n;
}

struct store_stmt *q_whole_or(struct store *s, int whole, const struct store_sql *all,
			      const struct store_sql *filtered, struct arena *a, q_bind_fn bind, const void *f)
{
	struct store_stmt *st = store_prepare(s, whole ? all : filtered);

	if (st && !whole)
		bind(st, a, f);
	return st;
}

int64_t q_count_whole(struct store *s, int whole, const struct store_sql *all, const struct store_sql *filtered,
		      q_bind_fn bind, const void *f)
{
	struct store_stmt *st;

	if (!whole)
		return q_count(store_prepare(s, filtered), bind, f);
	st = store_prepare(s, all);
	return st ? q_scalar(st) : STORE_ERR;
}

static int text_unset(const char *v)
{
	return !v || !*v;
}

int q_scope_unset(const struct metric_scope *sc)
{
	return !sc->unit_id && !sc->campaign_id && text_unset(sc->category) && text_unset(sc->source) &&
	       text_unset(sc->organ_kind) && text_unset(sc->rank) && !sc->top_leader && !sc->leadership &&
	       !sc->key_persons && text_unset(sc->activity_kind) && !sc->scope_user && !sc->round_id;
}

int q_collect(struct store_stmt *st, struct arena *a, q_fill_fn fill, size_t size, void *out)
{
	void *v = NULL;
	int rc, n = 0, cap = 0;

	*(void **)out = NULL;
	if (!st)
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW)
		fill(a, st, arena_push(a, &v, &cap, n++, size));
	store_reset(st);
	*(void **)out = v;
	return rc < 0 ? rc : n;
}

int q_list_by_id(struct store_stmt *st, struct arena *a, int64_t id, q_fill_fn fill, size_t size,
		 void *out)
{
	if (st)
		store_bind_int(st, 1, id);
	return q_collect(st, a, fill, size, out);
}

int q_list(struct store_stmt *st, struct arena *a, const struct page_req *pg, const void *f,
	   q_bind_fn bind, q_fill_fn fill, size_t size, void *out)
{
	if (st) {
		int i = bind(st, a, f);
		store_bind_int(st, i, pg->limit);
		store_bind_int(st, i + 1, pg->offset);
	}
	return q_collect(st, a, fill, size, out);
}

void q_fill_subject(struct arena *a, struct store_stmt *st, void *row)
{
	struct person *p = row;

	p->id = store_col_int(st, 0);
	p->name = q_text(a, st, 1);
	p->rank = q_text(a, st, 2);
	p->position = q_text(a, st, 3);
	p->unit_id = store_col_int(st, 4);
	p->unit_name = q_text(a, st, 5);
}

/* the first row of a bound statement into row: 1, 0, < 0 */
static int get_row(struct store_stmt *st, struct arena *a, q_fill_fn fill, void *row)
{
	int rc = store_step(st);

	if (rc == STORE_ROW)
		fill(a, st, row);
	store_reset(st);
	return rc;
}

int q_get_by_id(struct store_stmt *st, struct arena *a, int64_t id, q_fill_fn fill, void *row)
{
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, id);
	return get_row(st, a, fill, row);
}

int q_get_scoped(struct store_stmt *st, struct arena *a, int64_t id, int64_t scope_user, q_fill_fn fill,
		 void *row)
{
	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, scope_user);
	store_bind_int(st, 2, id);
	store_bind_int(st, 3, scope_user);
	return get_row(st, a, fill, row);
}

int q_get_by_text(struct store_stmt *st, struct arena *a, const char *key, q_fill_fn fill, void *row)
{
	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, key);
	return get_row(st, a, fill, row);
}

void q_fill_text(struct arena *a, struct store_stmt *st, void *row)
{
	*(const char **)row = q_text(a, st, 0);
}
