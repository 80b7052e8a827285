/*
 * ix_export.c: `export`, every record of ix_types[] in that order (the
 * dependency order) as JSON Lines.  A record's id is the one it was
 * imported with (ext_id), else its type's letter and its row id; its
 * references are written the same way, so an export imports into an empty
 * database and exports again to the same lines.  The fields of a type
 * come in the order of its table, then the unknown fields it was imported
 * with (extra).  Encrypted text only with_sensitive, decrypted.
 *
 * Per-row memory comes from an arena of the export's own (out.rec),
 * cleared at each row: the caller's arena holds what outlives the rows
 * (the actor's name that the audit entry at the end records).
 */
#include "domain/interchange.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "store/q_interchange.h"

struct out {
	struct ctx *c;
	FILE *f;
	int sensitive, ti;
	const struct store_sql *list[IX_MAX_FIELDS];
	struct strbuf *err;
	int64_t count;
	struct arena *rec;              /* one row's memory, cleared per row */
};

#define FOR_FIELDS(t, i) for (int i = 0; (t)->fields[i].name || (t)->fields[i].kind; i++)

static int selected(const struct ix_field *f)
{
	return f->name && f->column && f->kind != IX_REFS && f->kind != IX_CODES;
}

static int rules(const struct ix_type *t)
{
	return t->flags & IX_T_RULES;
}

static char *ref_expr(const char *type, const char *idexpr)
{
	const struct ix_type *r = &ix_types[ix_type_index(type)];

	return store_ix_export_id(r->table, r->prefix, idexpr);
}

/* SELECT t.id, <selected fields>, ext_id, extra, in the type's order. */
static const struct store_sql *select_sql(struct arena *a, const struct ix_type *t, int sensitive,
					 int *ncols)
{
	struct strbuf sb = STRBUF_INIT;
	const struct store_sql *q;

	strbuf_addf(&sb, "%sSELECT %s", t->with ? t->with : "", rules(t) ? "0" : "t.id");
	*ncols = 3;
	FOR_FIELDS(t, i) {
		const struct ix_field *f = &t->fields[i];
		char *e;
		if (!selected(f))
			continue;
		(*ncols)++;
		if (f->flags & IX_VIRT) {
			strbuf_addf(&sb, ", (%s)", f->column);
		} else if (f->kind == IX_REF) {
			e = ref_expr(f->arg, arena_printf(a, "t.%s", f->column));
			strbuf_addf(&sb, ", %s", e);
			free(e);
		} else if (f->kind == IX_SECRET && !sensitive) {
			strbuf_addstr(&sb, ", NULL");
		} else {
			strbuf_addf(&sb, ", t.%s", f->column);
		}
	}
	strbuf_addf(&sb, ", %s, %s FROM %s t %s%s%s ORDER BY %s", t->prefix ? "t.ext_id" : "NULL",
		    rules(t) ? "NULL" : "t.extra", t->table, t->join ? t->join : "", t->where ? " WHERE " : "",
		    t->where ? t->where : "", t->order);
	q = store_ix_sql(sb.buf);
	strbuf_release(&sb);
	return q;
}

/* The members of a list field, in their order. */
static const struct store_sql *list_sql(struct arena *a, const struct ix_field *f)
{
	char tbl[64], owner[64], member[64], *e = NULL, *at;
	struct strbuf sb = STRBUF_INIT;
	const struct store_sql *q;
	const char *where = "", *order;
	int end = 0;

	sscanf(f->link, "%63s %63s %63s%n", tbl, owner, member, &end);
	/* "column@order": a list aligned with another one (filing_nos with subjects) */
	if ((at = strchr(member, '@')))
		*at = '\0';
	order = at ? at + 1 : member;
	if (end && f->link[end])
		where = f->link + end + 1;
	if (f->kind == IX_REFS)
		e = ref_expr(f->arg, arena_printf(a, "l.%s", member));
	strbuf_addf(&sb, "SELECT %s FROM %s l WHERE l.%s = ?%s%s%s ORDER BY l.%s",
		    e ? e : arena_printf(a, "l.%s", member), tbl, owner, *where ? " AND (" : "", where,
		    *where ? ")" : "", order);
	free(e);
	q = store_ix_sql(sb.buf);
	strbuf_release(&sb);
	return q;
}

static int add_member(void *arg, int ncols, const char *const *col)
{
	return json_array_append_new(arg, json_string(col[0] ? col[0] : ""));
}

static json_t *list_of(struct out *o, int field, int64_t id)
{
	struct store_ix_value v = { 1, id, NULL };
	json_t *a = json_array();

	if (store_ix_rows(o->c->db, o->list[field], &v, 1, 1, add_member, a) < 0) {
		json_decref(a);
		return NULL;
	}
	return a;
}

static json_t *secret(struct out *o, const struct ix_field *f, int64_t id, const char *ct)
{
	struct strbuf pt = STRBUF_INIT;
	json_t *j = NULL;

	if (field_decrypt(o->c->keys, arena_printf(o->rec, "%s/%" PRId64, f->arg, id), ct, &pt) == 0)
		j = json_stringn(pt.buf, pt.len);
	else
		strbuf_addf(o->err, "%s/%" PRId64 " does not decrypt", f->arg, id);
	strbuf_release(&pt);
	return j;
}

static json_t *value_of(struct out *o, const struct ix_field *f, int64_t id, const char *col)
{
	switch (f->kind) {
	case IX_BOOL:
		return json_boolean(col && atoi(col));
	case IX_INT:
		return col ? json_integer(strtoll(col, NULL, 10)) : json_null();
	case IX_MONEY: {
		int64_t fen = col ? strtoll(col, NULL, 10) : 0;
		return col ? json_sprintf("%" PRId64 ".%02" PRId64, fen / 100, fen % 100) : json_null();
	}
	case IX_SECRET:
		/* an optional one (write_row leaves an IX_EXT one out) */
		if (col && !*col && (f->flags & IX_EMPTY) && !(f->flags & IX_REQ))
			return json_string("");
		return col ? secret(o, f, id, col) : json_null();
	default:
		return col ? json_string(col) : json_null();
	}
}

static int write_row(void *arg, int ncols, const char *const *col)
{
	struct out *o = arg;
	const struct ix_type *t = &ix_types[o->ti];
	int64_t id = strtoll(col[0], NULL, 10);
	json_t *rec = json_object(), *extra, *val;
	const char *key;
	int k = 1, rc;

	arena_clear(o->rec);
	json_object_set_new(rec, "type", json_string(t->type));
	if (t->prefix)
		json_object_set_new(rec, "id", col[ncols - 2] ? json_string(col[ncols - 2])
							      : json_sprintf("%s%" PRId64, t->prefix, id));
	FOR_FIELDS(t, i) {
		const struct ix_field *f = &t->fields[i];
		const char *c = selected(f) ? col[k++] : NULL;
		/* a secret of a NOT NULL column stored as '' was never
		 * encrypted (a letter without a contact): an optional one is
		 * left out as when absent, another is "" (value_of), never a
		 * text that does not decrypt */
		if (c && !*c && f->kind == IX_SECRET && (f->flags & IX_EMPTY) && (f->flags & IX_EXT))
			c = NULL;
		if (!f->name || f->kind == IX_DERIVED || (f->kind == IX_SECRET && !o->sensitive) ||
		    ((f->flags & IX_EXT) && !c && f->kind != IX_REFS))
			continue;
		val = f->link ? list_of(o, i, id) : value_of(o, f, id, c);
		if (!val) {
			json_decref(rec);
			return -1;
		}
		json_object_set_new(rec, f->name, val);
	}
	extra = col[ncols - 1] ? json_loads(col[ncols - 1], 0, NULL) : NULL;
	json_object_foreach(extra, key, val)
		if (!json_object_get(rec, key))
			json_object_set(rec, key, val);
	json_decref(extra);
	rc = json_dumpf(rec, o->f, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(rec);
	if (rc < 0 || fputc('\n', o->f) == EOF) {
		strbuf_addstr(o->err, "write error");
		return -1;
	}
	o->count++;
	return 0;
}

int ix_export(struct ctx *c, FILE *f, int with_sensitive, struct ix_counts *counts,
	      struct strbuf *err)
{
	struct out o = { .c = c, .f = f, .sensitive = with_sensitive, .err = err,
			 .rec = arena_new(1024) };
	struct strbuf detail = STRBUF_INIT;
	int rc = 0;

	memset(counts, 0, sizeof(*counts));
	for (o.ti = 0; rc == 0 && ix_types[o.ti].type; o.ti++) {
		const struct ix_type *t = &ix_types[o.ti];
		int ncols;
		const struct store_sql *q = select_sql(c->a, t, with_sensitive, &ncols);
		FOR_FIELDS(t, i)
			if (t->fields[i].link)
				o.list[i] = list_sql(c->a, &t->fields[i]);
		o.count = 0;
		rc = store_ix_rows(c->db, q, NULL, 0, ncols, write_row, &o);
		counts->n[o.ti] = o.count;
		counts->total += o.count;
		if (o.count)
			strbuf_addf(&detail, "%s=%" PRId64 " ", t->type, o.count);
	}
	if (rc < 0 && !err->len)
		strbuf_addf(err, "the database refused the export: %s", store_errmsg(c->db));
	strbuf_addstr(&detail, with_sensitive ? "with sensitive fields" : "without sensitive fields");
	/* who took what out, never the content */
	if (audit_record(c, AEV_EXPORT, "interchange", rc == 0, detail.buf) < 0 && rc == 0) {
		strbuf_addstr(err, "the audit entry could not be written");
		rc = -1;
	}
	strbuf_release(&detail);
	arena_free(o.rec);
	return rc < 0 ? -1 : 0;
}
