/*
 * q_attach.c: the attachments table (see q_attach.h).
 */
#include "store/q_attach.h"

#include "store/q_util.h"

#define COLS "SELECT id, obj_type, obj_id, name, ftype, size, sha256, file, thumb, thumb_size, " \
	"width, height, created_by, creator, created_at, withdrawn_at, withdrawn_by, withdraw_reason " \
	"FROM attachments "
static const struct store_sql Q_PUT = {
	"INSERT INTO attachments(obj_type, obj_id, name, ftype, size, sha256, file, thumb, thumb_size, "
	"width, height, created_by, creator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	"RETURNING id", NULL };
static const struct store_sql Q_GET = { COLS "WHERE id = ?", NULL };
static const struct store_sql Q_LIST = { COLS "WHERE obj_type = ? AND obj_id = ? ORDER BY id", NULL };
static const struct store_sql Q_WITHDRAW = {
	"UPDATE attachments SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ? "
	"WHERE id = ? AND withdrawn_at IS NULL", NULL };

int64_t store_attach_put(struct store *s, const struct attachment *a)
{
	struct store_stmt *st = store_prepare(s, &Q_PUT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, a->obj_type);
	store_bind_int(st, 2, a->obj_id);
	store_bind_text(st, 3, a->name);
	store_bind_text(st, 4, a->ftype);
	store_bind_int(st, 5, a->size);
	store_bind_text(st, 6, a->sha256);
	store_bind_text(st, 7, a->file);
	store_bind_text(st, 8, a->thumb);
	store_bind_int(st, 9, a->thumb_size);
	store_bind_int(st, 10, a->width);
	store_bind_int(st, 11, a->height);
	store_bind_int(st, 12, a->created_by);
	store_bind_text(st, 13, a->creator);
	store_bind_int(st, 14, a->created_at);
	return q_scalar(st);
}

static void fill(struct arena *a, struct store_stmt *st, void *row)
{
	struct attachment *x = row;

	*x = (struct attachment){
		.id = store_col_int(st, 0), .obj_type = q_text(a, st, 1), .obj_id = store_col_int(st, 2),
		.name = q_text(a, st, 3), .ftype = q_text(a, st, 4), .size = store_col_int(st, 5),
		.sha256 = q_text(a, st, 6), .file = q_text(a, st, 7), .thumb = q_text_or_null(a, st, 8),
		.thumb_size = store_col_int(st, 9), .width = (int)store_col_int(st, 10),
		.height = (int)store_col_int(st, 11), .created_by = store_col_int(st, 12),
		.creator = q_text(a, st, 13), .created_at = store_col_int(st, 14),
		.withdrawn_at = store_col_int(st, 15), .withdrawn_by = q_text(a, st, 16),
		.withdraw_reason = q_text(a, st, 17),
	};
}

int store_attach_get(struct store *s, struct arena *a, int64_t id, struct attachment *out)
{
	return q_get_by_id(store_prepare(s, &Q_GET), a, id, fill, out);
}

int store_attach_list(struct store *s, struct arena *a, const char *obj_type, int64_t obj_id,
		      struct attachment **out)
{
	struct store_stmt *st = store_prepare(s, &Q_LIST);

	if (st) {
		store_bind_text(st, 1, obj_type);
		store_bind_int(st, 2, obj_id);
	}
	return q_collect(st, a, fill, sizeof(**out), out);
}

int store_attach_withdraw(struct store *s, int64_t id, int64_t now, const char *who,
			  const char *reason)
{
	struct store_stmt *st = store_prepare(s, &Q_WITHDRAW);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, now);
	store_bind_text(st, 2, who);
	store_bind_text(st, 3, reason);
	store_bind_int(st, 4, id);
	rc = store_exec(st);
	return rc < 0 ? rc : (int)store_changes(s);
}
