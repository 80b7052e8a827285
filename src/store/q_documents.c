/* q_documents.c: documents (文书, migration 0030): template versions and
 * the issued documents with their bytes (their numbers: domain/numbering.h). */
#include "store/q_documents.h"

#include <string.h>

#include "core/arena.h"
#include "store/q_util.h"

static const struct store_sql Q_TMPL = {
	"SELECT kind, version, body, author, created_at FROM doc_templates "
	"WHERE kind = ? AND (? = 0 OR version = ?) ORDER BY version DESC LIMIT 1", NULL };
static const struct store_sql Q_TMPL_MAX = {
	"SELECT COALESCE(MAX(version), 0) FROM doc_templates WHERE kind = ?", NULL };
static const struct store_sql Q_TMPL_PUT = {
	"INSERT INTO doc_templates(kind, version, body, author_id, author, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?)", NULL };
/* the next document id as a negative seq: the documents numbered by their
 * record's own number (the filing decision) take no counter, and UNIQUE
 * (kind, year, seq) must still hold (the write lock serialises makers) */
static const struct store_sql Q_FIXED_SEQ = { "SELECT -(COALESCE(MAX(id), 0) + 1) FROM documents", NULL };
static const struct store_sql Q_DOC_PUT = {
	"INSERT INTO documents(region, kind, record_id, page, number, year, seq, day, template_version, "
	"author_id, author, created_at, sha256, size, content) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", NULL };
#define DOC_COLS "SELECT id, kind, record_id, page, number, year, seq, day, template_version, author_id, " \
		 "author, created_at, sha256, size"
static const struct store_sql Q_DOC_GET = { DOC_COLS ", content FROM documents WHERE id = ?", NULL };
static const struct store_sql Q_DOC_META = { DOC_COLS " FROM documents WHERE id = ?", NULL };
static const struct store_sql Q_DOC_PAGE = { DOC_COLS " FROM documents WHERE page = ? ORDER BY id DESC", NULL };
static const struct store_sql Q_DOC_AFTER = {
	DOC_COLS ", content FROM documents WHERE id > ? ORDER BY id LIMIT ?", NULL };
static const struct store_sql Q_DOC_SEAL = { "UPDATE documents SET content = ? WHERE id = ?", NULL };

static const struct {
	const char *table;
	struct store_sql q;
} exists_q[] = {
	{ "reports", { "SELECT count(*) FROM reports WHERE id = ?", NULL } },
	{ "dispositions", { "SELECT count(*) FROM dispositions WHERE id = ?", NULL } },
	{ "cases", { "SELECT count(*) FROM cases WHERE id = ?", NULL } },
	{ "detentions", { "SELECT count(*) FROM detentions WHERE id = ?", NULL } },
	{ "outcomes", { "SELECT count(*) FROM outcomes WHERE id = ?", NULL } },
	{ "clarifications", { "SELECT count(*) FROM clarifications WHERE id = ?", NULL } },
};

int store_doc_record_exists(struct store *s, const char *table, int64_t id)
{
	for (size_t i = 0; i < sizeof(exists_q) / sizeof(exists_q[0]); i++)
		if (table && !strcmp(exists_q[i].table, table)) {
			struct store_stmt *st = store_prepare(s, &exists_q[i].q);
			int64_t n;

			if (!st)
				return STORE_ERR;
			store_bind_int(st, 1, id);
			n = q_scalar(st);
			return n < 0 ? (int)n : n > 0;
		}
	return 0;
}

int store_doc_template(struct store *s, struct arena *a, const char *kind, int64_t version,
		       struct doc_template *t)
{
	struct store_stmt *st = store_prepare(s, &Q_TMPL);
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, kind);
	store_bind_int(st, 2, version);
	store_bind_int(st, 3, version);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*t = (struct doc_template){ q_text(a, st, 0), store_col_int(st, 1), q_text(a, st, 2),
					    q_text(a, st, 3), store_col_int(st, 4) };
	store_reset(st);
	return rc;
}

int64_t store_doc_template_put(struct store *s, const char *kind, const char *body, int64_t author_id,
			       const char *author, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_TMPL_MAX);
	int64_t max;
	int rc;

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, kind);
	if ((max = q_scalar(st)) < 0 || !(st = store_prepare(s, &Q_TMPL_PUT)))
		return STORE_ERR;
	store_bind_text(st, 1, kind);
	store_bind_int(st, 2, max + 1);
	store_bind_text(st, 3, body);
	store_bind_int(st, 4, author_id);
	store_bind_text(st, 5, author);
	store_bind_int(st, 6, now);
	rc = store_exec(st);
	return rc < 0 ? rc : max + 1;
}

int store_document_fixed_seq(struct store *s, int64_t *seq)
{
	struct store_stmt *st = store_prepare(s, &Q_FIXED_SEQ);
	int rc;

	if (!st)
		return STORE_ERR;
	rc = store_step(st);
	if (rc == STORE_ROW)
		*seq = store_col_int(st, 0);
	store_reset(st);
	return rc == STORE_ROW ? 0 : rc < 0 ? rc : STORE_ERR;
}

int64_t store_document_insert(struct store *s, const char *region, const struct document *d)
{
	struct store_stmt *st = store_prepare(s, &Q_DOC_PUT);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, region);
	store_bind_text(st, 2, d->kind);
	store_bind_int(st, 3, d->record_id);
	store_bind_text(st, 4, d->page);
	store_bind_text(st, 5, d->number);
	store_bind_int(st, 6, d->year);
	store_bind_int(st, 7, d->seq);
	store_bind_text(st, 8, d->day);
	store_bind_int(st, 9, d->template_version);
	store_bind_int(st, 10, d->author_id);
	store_bind_text(st, 11, d->author);
	store_bind_int(st, 12, d->created_at);
	store_bind_text(st, 13, d->sha256);
	store_bind_int(st, 14, d->size);
	store_bind_blob(st, 15, d->sealed, d->sealed_len);
	return q_scalar(st);
}

static void fill_doc(struct arena *a, struct store_stmt *st, void *row)
{
	*(struct document *)row = (struct document){
		store_col_int(st, 0), q_text(a, st, 1), store_col_int(st, 2), q_text(a, st, 3), q_text(a, st, 4),
		(int)store_col_int(st, 5), store_col_int(st, 6), q_text(a, st, 7), store_col_int(st, 8),
		store_col_int(st, 9), q_text(a, st, 10), store_col_int(st, 11), q_text(a, st, 12),
		store_col_int(st, 13), NULL, NULL, 0 };
}

/* The column as stored, NUL-terminated (binary for a row not yet sealed). */
static void fill_doc_content(struct arena *a, struct store_stmt *st, void *row)
{
	struct document *d = row;
	size_t len = 0;
	const void *b;
	char *c;

	fill_doc(a, st, row);
	b = store_col_blob(st, 14, &len);
	c = arena_alloc(a, len + 1);
	if (b && len)
		memcpy(c, b, len);
	else
		len = 0;
	c[len] = '\0';
	d->sealed = c;
	d->sealed_len = len;
}

int store_document_get(struct store *s, struct arena *a, int64_t id, int content, struct document *d)
{
	return q_get_by_id(store_prepare(s, content ? &Q_DOC_GET : &Q_DOC_META), a, id,
			   content ? fill_doc_content : fill_doc, d);
}

int store_documents_of_page(struct store *s, struct arena *a, const char *page, struct document **out)
{
	struct store_stmt *st = store_prepare(s, &Q_DOC_PAGE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, page);
	return q_collect(st, a, fill_doc, sizeof(**out), out);
}

int store_documents_after(struct store *s, struct arena *a, int64_t after, int limit, struct document **out)
{
	struct store_stmt *st = store_prepare(s, &Q_DOC_AFTER);

	if (!st)
		return STORE_ERR;
	store_bind_int(st, 1, after);
	store_bind_int(st, 2, limit);
	return q_collect(st, a, fill_doc_content, sizeof(**out), out);
}

int store_document_seal(struct store *s, int64_t id, const char *sealed, size_t len)
{
	struct store_stmt *st = store_prepare(s, &Q_DOC_SEAL);

	if (!st)
		return STORE_ERR;
	store_bind_blob(st, 1, sealed, len);
	store_bind_int(st, 2, id);
	return store_exec(st);
}
