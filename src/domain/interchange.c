/*
 * interchange.c: `import`, the engine that reads JSON Lines along
 * ix_types[].  Each line is parsed (ix_line: the plain shape without a
 * tree, any other by jansson), each field checked by its
 * kind, references resolved to rows defined earlier in the file (ix_map)
 * or already in the database (ext_id), the row inserted with prepared
 * statements, lists and encrypted text added once it has its id, the
 * type's hooks run.  The whole file is one transaction: the first error
 * rolls everything back and names the line and the field.
 */
#include "domain/interchange.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/fnv.h"
#include "core/idtab.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/fielderr.h"
#include "domain/ix_clue_state.h"
#include "domain/ix_line.h"
#include "domain/ix_map.h"
#include "domain/measures.h"
#include "domain/sanction.h"
#include "domain/txmemo.h"
#include "store/q_caserules.h"
#include "store/q_dash.h"
#include "store/q_interchange.h"
#include "store/q_ixdefer.h"
#include "store/q_rollup.h"
#include "store/store.h"

/* ix_field's cache of field names: 1 << IX_NAMED_BITS slots */
#define IX_NAMED_BITS 10

/* the audit events this file writes (audit_events.h), and its objects' types */
QF_AUDIT_EVENT(EXPORT, "export", "导出数据");
QF_AUDIT_EVENT(IMPORT, "import", "导入数据");
QF_AUDIT_OBJECT(interchange, "数据交换");

/* the statements of one type, built on first use */
struct type_sql {
	const struct store_sql *insert, *find;
	const struct store_sql *field[IX_MAX_FIELDS];   /* link insert or secret update */
	int aligned[IX_MAX_FIELDS];     /* a link field's aligned list (aligned_field), -1 none */
	/* an IX_SNAP field's row with the person's columns bound, one member a
	 * statement (store_ix_link_rows: SQLite), NULL where field[] is used */
	const struct store_sql *row[IX_MAX_FIELDS];
};

/* The persons' snapshot columns (rank, top_leader, leadership, unit_id)
 * by person id, as read once (store_ix_person_snap) for SQLite's subject
 * rows: an import never changes those columns of a stored person (its
 * person lines insert the row; the id number's UPDATE and the posts touch
 * other columns and tables), so the row read once is the row each INSERT
 * ... SELECT read.  A table by id (core/idtab.h) of these, in the slot;
 * cleared with the run (import_tx). */
struct snap {
	int found;                      /* 0: no such person (the SELECT's no row) */
	struct store_ix_value v[4];
};

struct ix {
	struct ctx *c;
	struct arena *rec, *keep;       /* per record; for the run */
	struct ix_map *map;
	struct idtab units;             /* person row id -> its unit (int64_t), as looked up */
	struct idtab snaps;             /* person row id -> struct snap, as looked up */
	int ti;
	const struct ix_type *t;
	int64_t line, bytes;
	int64_t lines;                  /* the file's, counted before the transaction */
	struct strbuf *err;
	FILE *f;
	struct ix_counts *counts;
	ix_progress_fn progress;
	void *progress_arg;
	struct period_table periods;
	int periods_loaded;
	struct form_table forms;
	int forms_loaded;
	struct type_sql sql[IX_MAX_TYPES];
	/* 1 when rows of the type with an external id were in the database
	 * before the import: only then is an id not in the map looked up */
	char db_ext[IX_MAX_TYPES];
	struct store_ix_deferred deferred;      /* a bulk load's indexes, built at its end */
	struct ix_clue_state pending;           /* a clue's decisions not written yet */
	struct ix_line *rd;                     /* the line being imported: its slot's */
	/* the lines read after it (ix_peek), imported in their turn: a ring
	 * whose slot `at` holds the line being imported, `ahead` after it.
	 * Each slot has its reader (l): a line ix_peek_read read there is
	 * read once, its turn takes it as it is (read: RD_PLAIN), or goes
	 * to jansson at once (RD_OTHER) */
	struct {
		char *buf;
		size_t cap;
		ssize_t len;
		int read;
		struct ix_line l;
	} ring[IX_AHEAD + 1];
	int at, ahead;
	const char *ext;                        /* the line's own id, NULL none */
	/* ix_field's answers by the name's address (the hooks name fields
	 * with literals): a hit when the type and the address are the same */
	struct { const char *name; int ti, i; } named[1 << IX_NAMED_BITS];
	/* the types by their name's hash (type_of), filled on first use */
	struct { uint64_t h; int ti; } types[2 * IX_MAX_TYPES];
	int types_filled;
	/* per type, the field each member position of its last line was
	 * (field_values tries it first: a file's lines of a type usually
	 * list their keys in one order), -1 none */
	signed char pos[IX_MAX_TYPES][IX_MAX_FIELDS + 2];
};

struct ctx *ix_ctx(struct ix *ix)
{
	return ix->c;
}

struct ix_clue_state *ix_clue_pending(struct ix *ix)
{
	return &ix->pending;
}

const char *ix_ext(struct ix *ix)
{
	return ix->ext;
}

int ix_bulk(struct ix *ix)
{
	return ix->counts->bulk;
}

/* a ring slot's reader (ring[].read): its line not read yet, read there
 * (of ix_line.h's plain shape, its members in ring[].l), or declined by
 * ix_line_read (jansson reads it in its turn) */
enum { RD_NONE, RD_PLAIN, RD_OTHER };

/* The next line of the file into the ring (after `ahead` lines): its
 * length, or -1 at the end or on a read error (import_tx's ferror). */
static ssize_t ring_read(struct ix *ix)
{
	int k = (ix->at + ix->ahead + 1) % (IX_AHEAD + 1);
	ssize_t len = getline(&ix->ring[k].buf, &ix->ring[k].cap, ix->f);

	if (len >= 0) {
		ix->ring[k].len = len;
		ix->ring[k].read = RD_NONE;
		ix->ahead++;
	}
	return len;
}

/* A line's length without its newline and trailing blanks. */
static size_t trimmed(const char *line, size_t len)
{
	while (len && isspace((unsigned char)line[len - 1]))
		len--;
	return len;
}

/* The ring slot's line read by ix_line_read once (ring[].read, RD_NONE
 * before; a refusal for want of memory is not kept, the turn tries
 * again): its reader's answer, 0 read, 1 declined, -1 out of memory. */
static int slot_read(struct ix *ix, int at, size_t len)
{
	int rc;

	if (ix->ring[at].read != RD_NONE)
		return ix->ring[at].read == RD_PLAIN ? 0 : 1;
	rc = ix_line_read(&ix->ring[at].l, ix->ring[at].buf, len);
	if (rc >= 0)
		ix->ring[at].read = rc == 0 ? RD_PLAIN : RD_OTHER;
	return rc;
}

int ix_peek(struct ix *ix, int k, const char **line, size_t *len)
{
	int at = (ix->at + k) % (IX_AHEAD + 1);

	if (k < 1 || k > IX_AHEAD)
		return -1;
	while (ix->ahead < k)
		if (ring_read(ix) < 0)
			return ferror(ix->f) ? -1 : 0;
	*line = ix->ring[at].buf;
	*len = trimmed(*line, (size_t)ix->ring[at].len);
	return 1;
}

int ix_peek_read(struct ix *ix, int k, const struct ix_line **out)
{
	int at = (ix->at + k) % (IX_AHEAD + 1);
	size_t len;

	if (k < 1 || k > ix->ahead)
		return -1;      /* not peeked (ix_peek) */
	len = trimmed(ix->ring[at].buf, (size_t)ix->ring[at].len);
	/* a blank line or another shape: not read here (import_line reads it) */
	if (!len || slot_read(ix, at, len) != 0)
		return -1;
	*out = &ix->ring[at].l;
	return 0;
}

int ix_fail(struct ix *ix, const char *field, const char *fmt, ...)
{
	va_list ap;

	strbuf_reset(ix->err);
	strbuf_addf(ix->err, "line %" PRId64 ", field \"%s\": ", ix->line, field);
	va_start(ap, fmt);
	strbuf_vaddf(ix->err, fmt, ap);
	va_end(ap);
	return -1;
}

int ix_field(struct ix *ix, const char *name)
{
	/* the address and the type mixed by a multiply, its top bits the
	 * slot: where the linker puts the names no longer decides which share
	 * a slot (idhash19 saw a layout take ix_field's strcmps from 33,282
	 * to 119,618 at 8,810 records; callgrind of that import 1,252.8 ->
	 * 1,247.9 M) */
	size_t h = (size_t)((((uint64_t)(uintptr_t)name ^ (uint64_t)ix->ti << 48) *
			     0x9E3779B97F4A7C15u) >> (64 - IX_NAMED_BITS));

	if (ix->named[h].name == name && ix->named[h].ti == ix->ti)
		return ix->named[h].i;
	for (int i = 0; ix->t->fields[i].kind || ix->t->fields[i].name; i++) {
		const struct ix_field *f = &ix->t->fields[i];
		const char *key = f->name ? f->name : f->column ? f->column : f->arg;
		if (!strcmp(key, name) || (f->column && !strcmp(f->column, name))) {
			ix->named[h].name = name;
			ix->named[h].ti = ix->ti;
			ix->named[h].i = i;
			return i;
		}
	}
	abort();        /* a hook names a field its type lacks: a programming error */
}

int ix_refuse(struct ix *ix, const struct fielderr *fe, const char *const *names)
{
	const char *field = fe->field[0];

	for (int i = 0; names && names[i]; i += 2)
		if (!strcmp(field, names[i]))
			field = names[i + 1];
	return ix_fail(ix, field, "%s", fe->msg[0]);
}

const struct ix_type *ix_current_type(struct ix *ix)
{
	return ix->t;
}

struct ix_val *ix_value(struct ix *ix, struct ix_val *v, const char *name)
{
	return &v[ix_field(ix, name)];
}

int ix_type_index(const char *type)
{
	for (int i = 0; ix_types[i].type; i++)
		if (!strcmp(ix_types[i].type, type))
			return i;
	return -1;
}

/* a memo by row id could not grow: the import fails with that, not with
 * whatever message the store last left */
static int units_oom(struct ix *ix)
{
	ix_fail(ix, "id", "out of memory (the import's memo of persons' units)");
	return -1;
}

/* a person's row id is > 0: none other is kept (idtab.h) */
int ix_person_unit_note(struct ix *ix, int64_t person_id, int64_t unit)
{
	if (person_id <= 0)
		return 0;
	return idtab_put(&ix->units, person_id, &unit) ? 0 : units_oom(ix);
}

/* A unit of 0 noted reads as none noted (as the map's 0 did); no person
 * has an id <= 0: the database's answer for one is kept nowhere. */
int64_t ix_person_unit(struct ix *ix, int64_t person_id)
{
	const int64_t *u = idtab_get(&ix->units, person_id);
	int64_t unit;

	if (u && *u)
		return *u;
	unit = store_ix_person_unit(ix->c->db, person_id);
	if (unit > 0 && person_id > 0 && !idtab_put(&ix->units, person_id, &unit))
		return units_oom(ix);
	return unit > 0 ? unit : -1;
}

/* The person's snapshot, read on its first use: NULL on error (the
 * store's message recorded, nothing kept), else found 0 when there is no
 * such person (an id <= 0: none, not asked). */
static const struct snap *person_snap(struct ix *ix, int64_t person_id)
{
	static const struct snap none = { 0 };
	const struct snap *e = idtab_get(&ix->snaps, person_id);
	struct snap got = { 0 };
	int rc;

	if (e)
		return e;
	if (person_id <= 0)
		return &none;
	if ((rc = store_ix_person_snap(ix->c->db, ix->keep, person_id, got.v)) < 0)
		return NULL;
	got.found = rc;
	if (!(e = idtab_put(&ix->snaps, person_id, &got)))
		ix_fail(ix, "id", "out of memory (the import's memo of persons)");
	return e;
}

const struct form_table *ix_forms(struct ix *ix)
{
	if (!ix->forms_loaded && form_table_load(ix->c->db, ix->keep, &ix->forms) < 0)
		return NULL;
	ix->forms_loaded = 1;
	return &ix->forms;
}

void ix_forms_changed(struct ix *ix)
{
	ix->forms_loaded = 0;
}

const struct period_table *ix_periods(struct ix *ix)
{
	if (!ix->periods_loaded && period_table_load(ix->c->db, ix->keep, &ix->periods) < 0)
		return NULL;
	ix->periods_loaded = 1;
	return &ix->periods;
}

/* ix_type_index for the import's per-record lookups (a line's type, a
 * reference's): one hash and one strcmp, not a strcmp per type. */
static int type_of(struct ix *ix, const char *type)
{
	const size_t mask = 2 * IX_MAX_TYPES - 1;
	uint64_t h = fnv1a(FNV_OFFSET, type, strlen(type));

	if (!ix->types_filled) {
		for (int ti = 0; ix_types[ti].type; ti++) {
			uint64_t g = fnv1a(FNV_OFFSET, ix_types[ti].type, strlen(ix_types[ti].type));
			size_t i = g & mask;
			while (ix->types[i].ti)
				i = (i + 1) & mask;
			ix->types[i].h = g;
			ix->types[i].ti = ti + 1;
		}
		ix->types_filled = 1;
	}
	for (size_t i = h & mask; ix->types[i].ti; i = (i + 1) & mask)
		if (ix->types[i].h == h && !strcmp(ix_types[ix->types[i].ti - 1].type, type))
			return ix->types[i].ti - 1;
	return -1;
}

int64_t ix_ref(struct ix *ix, const char *type, const char *ext)
{
	int ti = type_of(ix, type);
	struct type_sql *q = &ix->sql[ti];
	struct store_ix_value v = { 2, 0, ext };
	int64_t id = ix_map_get(ix->map, ti, ext);

	if (id || !ix_types[ti].prefix || !ix->db_ext[ti])
		return id;
	if (!q->find) {
		char *text = store_ix_find_text(ix_types[ti].table);
		q->find = store_ix_sql(text);
		free(text);
	}
	id = store_ix_run(ix->c->db, q->find, &v, 1);
	if (id > 0 && ix_map_put(ix->map, ti, ext, id) < 0)
		return -1;
	return id;
}

/* ---- one field ------------------------------------------------------------- */

/* "a b c": the codes of table, for a message. */
static const char *codes_of(struct arena *a, const struct label *table)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	for (const struct label *l = table; l->code; l++)
		strbuf_addf(&sb, "%s%s", l == table ? "" : " ", l->code);
	out = arena_strdup(a, sb.buf ? sb.buf : "");
	strbuf_release(&sb);
	return out;
}

/* "117526.73" -> 11752673: digits, then at most two decimals; no floats. */
static int money_fen(const char *s, int64_t *out)
{
	int64_t yuan = 0, fen = 0;
	const char *p = s;

	for (; isdigit((unsigned char)*p); p++) {
		if (yuan > INT64_MAX / 1000)
			return -1;
		yuan = yuan * 10 + (*p - '0');
	}
	if (p == s)
		return -1;
	if (*p == '.') {
		if (!isdigit((unsigned char)p[1]))
			return -1;
		fen = (p[1] - '0') * 10;
		p += 2;
		if (isdigit((unsigned char)*p))
			fen += *p++ - '0';
	}
	if (*p)
		return -1;
	*out = yuan * 100 + fen;
	return 0;
}

/* A value's text, NULL when it is not a string (json_string_value). */
static const char *jstr(const struct ix_jval *j)
{
	return j && j->kind == IX_J_STR ? j->s : NULL;
}

static int parse_ref(struct ix *ix, const struct ix_field *f, const struct ix_jval *j, int64_t *id)
{
	const char *s = jstr(j);

	if (!s || !*s)
		return ix_fail(ix, f->name, "not an id (a string)");
	*id = ix_ref(ix, f->arg, s);
	if (*id < 0)
		return -1;
	if (!*id)
		return ix_fail(ix, f->name, "\"%s\" is not a %s defined earlier in the file or in the "
				   "database", s, f->arg);
	return 0;
}

static int parse_list(struct ix *ix, const struct ix_field *f, const struct ix_jval *j, struct ix_val *v)
{
	if (j->kind != IX_J_ARRAY)
		return ix_fail(ix, f->name, "not a list");
	if (j->n > IX_MAX_LIST)
		return ix_fail(ix, f->name, "more than %d entries", IX_MAX_LIST);
	for (size_t i = 0; i < (size_t)j->n; i++) {
		const struct ix_jval *e = &j->e[i];
		if (f->kind == IX_CODES) {
			if (e->kind != IX_J_STR)
				return ix_fail(ix, f->name, "entry %zu is not a string", i + 1);
			v->codes[v->n] = arena_strdup(ix->rec, e->s);
		} else if (parse_ref(ix, f, e, &v->ids[v->n]) < 0) {
			return -1;
		}
		/* "" is "none" in a list read for a hook (a subject without a 立案编号) */
		for (int k = 0; !(f->kind == IX_CODES && !*v->codes[v->n] && (f->flags & IX_VIRT)) && k < v->n; k++)
			if (f->kind == IX_CODES ? !strcmp(v->codes[k], v->codes[v->n])
						: v->ids[k] == v->ids[v->n])
				return ix_fail(ix, f->name, "entry %zu is given twice", i + 1);
		v->n++;
	}
	if (!v->n && (f->flags & IX_REQ))
		return ix_fail(ix, f->name, "at least one is required");
	return 0;
}

static int parse_field(struct ix *ix, const struct ix_field *f, const struct ix_jval *j, struct ix_val *v)
{
	const char *s = jstr(j);

	if (!j || j->kind == IX_J_NULL)
		return (f->flags & IX_REQ) ? ix_fail(ix, f->name, "required") : 0;
	switch (f->kind) {
	case IX_TEXT:
	case IX_SECRET:
		if (!s)
			return ix_fail(ix, f->name, "not a string");
		if (!*s && (f->flags & IX_REQ))
			return ix_fail(ix, f->name, "required");
		break;
	case IX_DATE:
		if (!s || date_parse(s) == QF_DAY_NONE)
			return ix_fail(ix, f->name, "not a date (YYYY-MM-DD)");
		break;
	case IX_ENUM:
		/* an IX_EMPTY code may be "" (not known), as it is exported */
		if (s && !*s && (f->flags & IX_EMPTY))
			break;
		if (!s || !label_of(f->codes, s))
			return ix_fail(ix, f->name, "not one of: %s", codes_of(ix->rec, f->codes));
		break;
	case IX_BOOL:
		if (j->kind != IX_J_TRUE && j->kind != IX_J_FALSE)
			return ix_fail(ix, f->name, "not true or false");
		v->i = j->kind == IX_J_TRUE;
		break;
	case IX_INT:
		if (j->kind != IX_J_INT)
			return ix_fail(ix, f->name, "not an integer");
		v->i = j->i;
		break;
	case IX_MONEY:
		if (!s || money_fen(s, &v->i) < 0)
			return ix_fail(ix, f->name, "not an amount of yuan with at most two decimals "
					   "(\"117526.73\")");
		break;
	case IX_REF:
		if (parse_ref(ix, f, j, &v->i) < 0)
			return -1;
		break;
	case IX_REFS:
	case IX_CODES:
		if (parse_list(ix, f, j, v) < 0)
			return -1;
		break;
	case IX_DERIVED:
		return 0;
	}
	if (s && f->kind != IX_MONEY && f->kind != IX_REF)
		v->s = arena_strdup(ix->rec, s);        /* text columns bind as text */
	v->set = 1;
	return 0;
}

/* ---- one record ---------------------------------------------------------- */

static int known(const struct ix_type *t, const char *key)
{
	if (!strcmp(key, "type") || (t->prefix && !strcmp(key, "id")))
		return 1;
	for (const struct ix_field *f = t->fields; f->name || f->kind; f++)
		if (f->name && !strcmp(f->name, key))
			return 1;
	return 0;
}

/* The unknown fields as a JSON object's text, or NULL when there are none. */
static const char *extra_of(struct ix *ix, json_t *rec)
{
	json_t *extra = json_object(), *val;
	const char *key, *res = NULL;
	char *text;

	json_object_foreach(rec, key, val)
		if (!known(ix->t, key))
			json_object_set(extra, key, val);
	if (json_object_size(extra) &&
	    (text = json_dumps(extra, JSON_COMPACT | JSON_PRESERVE_ORDER))) {
		res = arena_strdup(ix->rec, text);
		free(text);
	}
	json_decref(extra);
	return res;
}

static int inserted_column(const struct ix_field *f)
{
	/* a secret is written encrypted once the id is known; one flagged
	 * IX_EMPTY (a NOT NULL column) is inserted as '' first */
	return f->column && !(f->flags & IX_VIRT) && f->kind != IX_REFS && f->kind != IX_CODES &&
	       (f->kind != IX_SECRET || (f->flags & IX_EMPTY));
}

static const struct store_sql *built(char *text)
{
	const struct store_sql *q = store_ix_sql(text);

	free(text);
	return q;
}

/* The field of t aligned with the list field f, -1 none: an IX_VIRT list
 * of codes whose link is f's table and owner with "column@member" (a
 * case's filing_nos with its subjects); its column goes into f's rows. */
static int aligned_field(const struct ix_type *t, const struct ix_field *f, char *col, size_t len)
{
	char tbl[64], owner[64], member[64], t2[64], o2[64], m2[64], *at;

	if (sscanf(f->link, "%63s %63s %63s", tbl, owner, member) != 3)
		return -1;
	for (int i = 0; t->fields[i].name || t->fields[i].kind; i++) {
		const struct ix_field *g = &t->fields[i];
		if (g->kind != IX_CODES || !(g->flags & IX_VIRT) || !g->link ||
		    sscanf(g->link, "%63s %63s %63s", t2, o2, m2) != 3 || !(at = strchr(m2, '@')) ||
		    strcmp(tbl, t2) || strcmp(owner, o2) || strcmp(at + 1, member))
			continue;
		*at = '\0';
		snprintf(col, len, "%s", m2);
		return i;
	}
	return -1;
}

/* The INSERT of a list of n into its link table (IX_SNAP: with the
 * persons' snapshot; with the column of the list aligned with it). */
static const struct store_sql *link_sql(const struct ix_type *t, const struct ix_field *f, int n)
{
	char tbl[64], owner[64], member[64], col[64];
	int g = aligned_field(t, f, col, sizeof(col));

	sscanf(f->link, "%63s %63s %63s", tbl, owner, member);
	return built(store_ix_link_text(tbl, owner, member, n, !!(f->flags & IX_SNAP), g >= 0 ? col : NULL));
}

static void build_sql(struct ix *ix)
{
	struct type_sql *q = &ix->sql[ix->ti];
	const struct ix_type *t = ix->t;
	struct strbuf cols = STRBUF_INIT;

	if (!(t->flags & IX_T_NOREGION))
		strbuf_addstr(&cols, "region");
	for (int i = 0; t->fields[i].name || t->fields[i].kind; i++) {
		const struct ix_field *f = &t->fields[i];
		/* a key read twice, or the line's own: a programming error (field_values) */
		if (f->name && (!strcmp(f->name, "type") || (t->prefix && !strcmp(f->name, "id"))))
			abort();
		for (int k = 0; f->name && k < i; k++)
			if (t->fields[k].name && !strcmp(t->fields[k].name, f->name))
				abort();
		if (inserted_column(f))
			strbuf_addf(&cols, "%s%s", cols.len ? " " : "", f->column);
		if (inserted_column(f) && f->kind != IX_SECRET)
			continue;
		if (f->link && !(f->flags & IX_VIRT)) {
			char col[64];
			q->aligned[i] = aligned_field(t, f, col, sizeof(col));
			q->field[i] = link_sql(t, f, 1);        /* a list of one: the usual */
			if ((f->flags & IX_SNAP) && store_ix_link_rows(ix->c->db)) {
				char tbl[64], owner[64], member[64];
				sscanf(f->link, "%63s %63s %63s", tbl, owner, member);
				q->row[i] = built(store_ix_link_row_text(tbl, owner, member,
									 q->aligned[i] >= 0 ? col : NULL));
			}
		} else if (f->kind == IX_SECRET) {
			q->field[i] = built(store_ix_update_text(t->table, f->column));
		}
	}
	/* stamps "": a table without time columns (ratings and letters keep a day only) */
	strbuf_addf(&cols, "%s%s%s extra", *t->stamps ? " " : "", t->stamps, t->prefix ? " ext_id" : "");
	q->insert = store_ix_insert_sql(t->table, cols.buf);
	strbuf_release(&cols);
}

static int64_t insert_row(struct ix *ix, const struct ix_val *v, const char *ext, const char *extra)
{
	struct store_ix_value b[IX_MAX_FIELDS + 8];
	int n = 0;

	if (!(ix->t->flags & IX_T_NOREGION))
		b[n++] = (struct store_ix_value){ 2, 0, ix->c->cfg->region };
	for (int i = 0; ix->t->fields[i].name || ix->t->fields[i].kind; i++) {
		const struct ix_field *f = &ix->t->fields[i];
		if (!inserted_column(f))
			continue;
		if (f->kind == IX_SECRET)       /* never the clear text */
			b[n++] = (struct store_ix_value){ 2, 0, "" };
		else if (!v[i].set && f->kind == IX_BOOL)
			b[n++] = (struct store_ix_value){ 1, 0, NULL };
		else if (!v[i].set)
			b[n++] = (struct store_ix_value){ (f->flags & IX_EMPTY) ? 2 : 0, 0, "" };
		else
			b[n++] = (struct store_ix_value){ v[i].s ? 2 : 1, v[i].i, v[i].s };
	}
	for (const char *p = *ix->t->stamps ? ix->t->stamps : NULL; p; p = strchr(p + 1, ' '))
		b[n++] = (struct store_ix_value){ 1, ix->c->now, NULL };
	if (ix->t->prefix)
		b[n++] = (struct store_ix_value){ ext ? 2 : 0, 0, ext };
	b[n++] = (struct store_ix_value){ extra ? 2 : 0, 0, extra };
	return store_ix_insert(ix->c->db, ix->sql[ix->ti].insert, b, n);
}

/* A snapshot list's rows one a statement, in the list's order, each with
 * its person's columns from the memo (SQLite: store_ix_link_rows); a
 * person not found gets no row, as the INSERT ... SELECT inserted none.
 * g: the aligned list (a case's filing_nos), NULL none. */
static int snap_rows(struct ix *ix, const struct ix_val *m, const struct ix_val *g, const struct store_sql *q,
		     int64_t id)
{
	for (int k = 0; k < m->n; k++) {
		const struct snap *e = person_snap(ix, m->ids[k]);
		struct store_ix_value b[7];
		int n = 0;
		if (!e)
			return -1;
		if (!e->found)
			continue;
		b[n++] = (struct store_ix_value){ 1, id, NULL };
		if (g)          /* "" none */
			b[n++] = k < g->n && *g->codes[k] ? (struct store_ix_value){ 2, 0, g->codes[k] }
							  : (struct store_ix_value){ 0, 0, NULL };
		b[n++] = (struct store_ix_value){ 1, m->ids[k], NULL };
		for (int c = 0; c < 4; c++)
			b[n++] = e->v[c];
		if (store_ix_run(ix->c->db, q, b, n) < 0)
			return -1;
	}
	return 0;
}

/* Lists into their link tables, secrets encrypted bound to the row. */
static int after_insert(struct ix *ix, const struct ix_val *v, int64_t id)
{
	struct ctx *c = ix->c;

	for (int i = 0; ix->t->fields[i].name || ix->t->fields[i].kind; i++) {
		const struct ix_field *f = &ix->t->fields[i];
		const struct store_sql *q = ix->sql[ix->ti].field[i];
		if (ix->sql[ix->ti].row[i] && v[i].n) {                 /* one statement a member */
			if (snap_rows(ix, &v[i], ix->sql[ix->ti].aligned[i] >= 0 ? &v[ix->sql[ix->ti].aligned[i]] : NULL,
				      ix->sql[ix->ti].row[i], id) < 0)
				return -1;
		} else if (f->link && !(f->flags & IX_VIRT) && v[i].n) {        /* one statement a list */
			struct store_ix_value b[3 * IX_MAX_LIST];
			int g = ix->sql[ix->ti].aligned[i], w = g >= 0 ? 3 : 2, n = 0;
			for (int k = 0; k < v[i].n; k++) {
				b[n++] = (struct store_ix_value){ 1, id, NULL };
				if (g >= 0)     /* "" none */
					b[n++] = k < v[g].n && *v[g].codes[k] ? (struct store_ix_value){ 2, 0, v[g].codes[k] }
									       : (struct store_ix_value){ 0, 0, NULL };
				b[n++] = f->kind == IX_CODES ? (struct store_ix_value){ 2, 0, v[i].codes[k] }
							     : (struct store_ix_value){ 1, v[i].ids[k], NULL };
			}
			if (store_ix_run(c->db, v[i].n == 1 ? q : link_sql(ix->t, f, v[i].n), b, w * v[i].n) < 0)
				return -1;
		}
		if (f->kind == IX_SECRET && v[i].set) {
			struct strbuf enc = STRBUF_INIT;
			const char *ad = arena_printf(c->a, "%s/%" PRId64, f->arg, id);
			int rc = field_encrypt(c->keys, ad, v[i].s, strlen(v[i].s), &enc);
			struct store_ix_value b[2] = { { 2, 0, enc.buf }, { 1, id, NULL } };
			if (rc == 0)
				rc = store_ix_run(c->db, q, b, 2) < 0 ? -1 : 0;
			strbuf_release(&enc);
			if (rc < 0)
				return -1;
		}
	}
	return 0;
}

/* Each field's value in the line (fv, NULL when absent) and the id's, in
 * one pass over its members: 1 when a member is none of the type's keys
 * (the extra column is its jansson tree's text), else 0. */
static int field_values(struct ix *ix, const struct ix_jval **fv, const struct ix_jval **idv)
{
	const struct ix_type *t = ix->t;
	signed char *pos = ix->pos[ix->ti];
	int unknown = 0;

	for (int k = 0; k < ix->rd->n; k++) {
		const struct ix_jmember *m = &ix->rd->m[k];
		int p = k < IX_MAX_FIELDS + 2 ? pos[k] : -1, found = 0;
		/* the field this position was in the type's last line: no field
		 * is named "type" or "id" (build_sql), so a match is that field */
		if (p >= 0 && !strcmp(t->fields[p].name, m->key)) {
			fv[p] = &m->v;
			continue;
		}
		found = !strcmp(m->key, "type");
		if (t->prefix && !strcmp(m->key, "id"))
			*idv = &m->v, found = 1;
		for (int i = 0; !found && (t->fields[i].name || t->fields[i].kind); i++)
			if (t->fields[i].name && !strcmp(t->fields[i].name, m->key)) {
				fv[i] = &m->v, found = 1;       /* names are distinct (build_sql) */
				if (k < IX_MAX_FIELDS + 2)
					pos[k] = (signed char)i;
			}
		unknown |= !found;
	}
	return unknown;
}

/* One record of ix->rd; rec its jansson tree, NULL when ix_line read it:
 * then 1 (nothing done) when it has a key its type does not know. */
static int import_record(struct ix *ix, json_t *rec)
{
	const char *type = jstr(ix_line_get(ix->rd, "type")), *ext = NULL, *extra;
	const struct ix_jval *fv[IX_MAX_FIELDS] = { 0 }, *idv = NULL;
	struct ix_val v[IX_MAX_FIELDS];
	int64_t id = 0;
	int rc;

	if (!type)
		return ix_fail(ix, "type", "required");
	ix->ti = type_of(ix, type);
	if (ix->ti < 0)
		return ix_fail(ix, "type", "unknown type \"%s\"", type);
	ix->t = &ix_types[ix->ti];
	if (field_values(ix, fv, &idv) && !rec)
		return 1;
	/* a line of another type may read the clue a disposition changed */
	if (!(ix->t->flags & IX_T_CLUE_STATE) && ix_clue_state_flush(ix) < 0)
		return -1;
	if (!ix->sql[ix->ti].insert)
		build_sql(ix);
	ix->ext = NULL;
	if (idv && idv->kind != IX_J_NULL) {
		ext = jstr(idv);
		if (!ext || !*ext)
			return ix_fail(ix, "id", "not an id (a string)");
		ix->ext = ext;
		id = ix_ref(ix, type, ext);
		if (id)
			return id < 0 ? -1 : ix_fail(ix, "id", "\"%s\" is already defined", ext);
	}
	/* a field's lists are read up to its n only: the rest of v (25 KB)
	 * is not cleared per record */
	for (int i = 0; ix->t->fields[i].name || ix->t->fields[i].kind; i++)
		v[i].set = 0, v[i].i = 0, v[i].s = NULL, v[i].n = 0;
	for (int i = 0; ix->t->fields[i].name || ix->t->fields[i].kind; i++)
		if (ix->t->fields[i].name &&
		    parse_field(ix, &ix->t->fields[i], fv[i], &v[i]) < 0)
			return -1;
	extra = rec ? extra_of(ix, rec) : NULL;
	rc = ix->t->prepare ? ix->t->prepare(ix, v) : 0;
	if (rc < 0)
		return -1;
	if (rc == 0) {          /* 1: a rule table's hook stored the row */
		id = insert_row(ix, v, ext, extra);
		if (id <= 0 || after_insert(ix, v, id) < 0 || (ix->t->after && ix->t->after(ix, v, id) < 0))
			return -1;
	}
	if (ext && ix_map_put(ix->map, ix->ti, ext, id) < 0)
		return -1;
	ix->counts->n[ix->ti]++;
	ix->counts->total++;
	return 0;
}

/* The line of the ring's current slot (ix->at), read there once: by
 * ix_peek_read when a hook read it ahead (slot_read), else here. */
static int import_line(struct ix *ix)
{
	const char *line = ix->ring[ix->at].buf;
	size_t len = trimmed(line, (size_t)ix->ring[ix->at].len);
	json_error_t je;
	json_t *rec;
	int rc;

	if (!len)
		return 0;       /* blank lines are allowed */
	ix->rd = &ix->ring[ix->at].l;
	if (slot_read(ix, ix->at, len) == 0) {  /* the plain shape: no tree */
		strbuf_reset(ix->err);
		rc = import_record(ix, NULL);
		if (rc != 1)
			goto out;
	}
	rec = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
	if (!rec || !json_is_object(rec)) {
		json_decref(rec);
		strbuf_reset(ix->err);
		strbuf_addf(ix->err, "line %" PRId64 ": not a JSON object (%s)", ix->line,
			    rec ? "another JSON value" : je.text);
		return -1;
	}
	strbuf_reset(ix->err);
	ix->ring[ix->at].read = RD_NONE;        /* its members now jansson's, not ix_line's */
	rc = ix_line_from_json(ix->rd, rec, ix->rec) < 0 ? -1 : import_record(ix, rec);
	json_decref(rec);
out:
	if (rc < 0 && !ix->err->len)
		strbuf_addf(ix->err, "line %" PRId64 ": the database refused the record: %s", ix->line,
			    store_errmsg(ix->c->db));
	return rc;
}

/* Which types already have rows with external ids (ix->db_ext). */
static int probe_ext(struct ix *ix)
{
	for (int ti = 0; ix_types[ti].type; ti++) {
		char *text;
		int64_t id;
		if (!ix_types[ti].prefix)
			continue;
		text = store_ix_probe_text(ix_types[ti].table);
		id = store_ix_run(ix->c->db, store_ix_sql(text), NULL, 0);
		free(text);
		if (id < 0)
			return -1;
		ix->db_ext[ti] = id > 0;
	}
	return 0;
}

/* A bulk load: at least IX_BULK_LINES lines, and more lines in the file
 * than records (clues, cases, outcomes) in the database, as a new
 * database, the demo year or a move from another system.  Two costs of a
 * record are then moved to the end of the transaction, where they are
 * paid set-wise once:
 *  - the statistics rollup's triggers would cost about twice the import
 *    itself (docs/statistics.md, "Speed"); they are switched off for this
 *    transaction and the rollup recomputed at its end
 *    (store_rollup_refill), which costs about what the database holds, so
 *    at most about the file's own work;
 *  - the big tables' secondary indexes that no statement of the import
 *    reads, and the rollup's triggers (inert while it is off), are dropped
 *    and created again after the load (store/q_ixdefer.c): a sort per
 *    index instead of a B-tree insert per row and index, and statements
 *    that write their row only.
 * A small import into a large database keeps both.  1 bulk, 0 not, -1 on
 * error; the file is rewound. */
#define IX_BULK_LINES 1000    /* below, the triggers are cheap whatever the database */
static int bulk_load(struct ix *ix)
{
	int64_t records;

	if (ix->lines < 0)
		return -1;
	if (ix->lines < IX_BULK_LINES)
		return 0;
	if ((records = store_rollup_records(ix->c->db)) < 0)
		return -1;
	return ix->lines > records;
}

/* The file's lines, counted once before the import's transaction (read
 * by bulk_load, in it, and by ix_import for the journal); -1 when the
 * file could not be read.  The file is rewound. */
static int64_t count_lines(FILE *f)
{
	int64_t lines = 0;
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		for (const char *p = chunk; (p = memchr(p, '\n', (size_t)(chunk + n - p))); p++)
			lines++;
	if (ferror(f))
		return -1;
	rewind(f);
	return lines;
}

/* The ext_id indexes ("<table>_ext") of the types with an external id
 * that no row of the database had before the import (probe_ext): ix_ref
 * then looks such ids up in the map only, never through the index, so a
 * bulk load builds it at its end (ext17: the 1M scale file's clues,
 * cases and persons, random text keys inserted one by one).
 * NULL-terminated, in ix->keep. */
static const char *const *ext_unread(struct ix *ix)
{
	const char **names = arena_alloc(ix->keep, (IX_MAX_TYPES + 1) * sizeof(*names));
	int n = 0;

	if (!names)
		return NULL;
	for (int ti = 0; ix_types[ti].type && n < IX_MAX_TYPES; ti++)
		if (ix_types[ti].prefix && !ix->db_ext[ti])
			names[n++] = arena_printf(ix->keep, "%s_ext", ix_types[ti].table);
	names[n] = NULL;
	return names;
}

/* Off for a bulk load: the rollup (1 when it was on), then the deferred
 * indexes and triggers (ix->deferred).  0 or 1, -1 on error. */
static int bulk_off(struct ix *ix)
{
	struct store *s = ix->c->db;
	int bulk = bulk_load(ix), live;

	ix->counts->bulk = bulk > 0;
	if (bulk <= 0)
		return bulk;
	/* the numbers of the database are at most as many as the file's lines */
	txmemo_numbers_whole(ix->c, (size_t)ix->lines);
	if ((live = store_rollup_live(s)) < 0 || (live && store_rollup_off(s) < 0) ||
	    store_ix_defer(s, &ix->deferred, ext_unread(ix)) < 0)
		return -1;
	return live;
}

/* PostgreSQL sends writes ahead (store_ix_flush): one that failed is
 * reported with its own line, before any later line's error. */
static int flush_sent(struct ix *ix)
{
	int64_t bad;

	if (store_ix_flush(ix->c->db, &bad) == STORE_OK)
		return 0;
	if (bad > 0 && (bad < ix->line || !ix->err->len)) {
		strbuf_reset(ix->err);
		strbuf_addf(ix->err, "line %" PRId64 ": the database refused the record: %s", bad,
			    store_errmsg(ix->c->db));
	}
	return -1;
}

static int import_tx(struct store *s, void *arg)
{
	struct ix *ix = arg;
	struct strbuf detail = STRBUF_INIT;
	ssize_t len;
	int rc = 0, bulk;

	/* from the start: store_tx may run this again after a busy commit */
	rewind(ix->f);
	ix_map_free(ix->map);
	ix->map = ix_map_new();
	idtab_release(&ix->units);
	/* at most a file id a line: the map never grows (a rehash of a
	 * million keys) in the middle of a large import.  A hint: refused
	 * (no memory for all of it), the map grows as it fills */
	if (ix->map && ix->lines > 0)
		(void)ix_map_reserve(ix->map, (size_t)ix->lines);
	idtab_release(&ix->snaps);      /* what the run rolled back held */
	memset(ix->counts, 0, sizeof(*ix->counts));
	txmemo_clear(ix->c->memo);      /* nothing read by an earlier run holds */
	ix->pending.clue_id = 0;        /* nor anything it noted */
	ix->pending.guess.clue_id = ix->pending.guess.armed = 0;
	ix->ahead = 0;                  /* nor anything it read ahead */
	ix->line = ix->bytes = 0;
	if (!ix->map || probe_ext(ix) < 0 || (bulk = bulk_off(ix)) < 0)
		return -1;
	while (rc == 0 && (ix->ahead || ring_read(ix) >= 0)) {
		ix->at = (ix->at + 1) % (IX_AHEAD + 1);
		ix->ahead--;
		len = ix->ring[ix->at].len;
		ix->line++;
		ix->bytes += len;
		arena_clear(ix->rec);
		store_ix_line(s, ix->line);
		rc = import_line(ix);
		if (rc == 0 && ix->progress)
			ix->progress(ix->progress_arg, ix->bytes, ix->counts->total);
	}
	if (rc == 0 && ferror(ix->f)) {
		strbuf_addf(ix->err, "read error after line %" PRId64, ix->line);
		rc = -1;
	}
	/* the last clue's decisions (ix_clue_state.h) and the number
	 * counters drawn in memory (txmemo.h) written back */
	if (rc == 0 && (ix_clue_state_flush(ix) < 0 || txmemo_flush(ix->c, s) < 0))
		rc = -1;
	if (flush_sent(ix) < 0 || rc < 0)
		return -1;
	/* the indexes (the refill and the recounts read through some), the
	 * recounts, the refill, then the rollup's triggers: the refill's rows
	 * pass none of them */
	if (ix->deferred.n && store_ix_restore_indexes(s, &ix->deferred) < 0) {
		strbuf_addf(ix->err, "the indexes could not be created: %s", store_errmsg(s));
		return -1;
	}
	/* the catalog's case counts, whose trigger the switch-off skipped on
	 * PostgreSQL (0090: per row it updated the same few catalog rows
	 * again and again in one transaction, each update a new version) and
	 * SQLite's bulk load dropped (q_ixdefer.c) whether or not the rollup
	 * was on: counted after any bulk load (bulk is only whether the
	 * rollup was switched off; with it off before, `stats rebuild` to
	 * come, SQLite's catalog was left uncounted) */
	if (ix->counts->bulk && store_category_cases_recount(s) < 0) {
		strbuf_addf(ix->err, "the categories' case counts could not be recomputed: %s",
			    store_errmsg(s));
		return -1;
	}
	/* and 0095's persons of a year and cases' lead offices (0108's counts
	 * of them, 0109's running verifications), whose triggers the
	 * switch-off skipped on PostgreSQL (their tables batched).  These
	 * recounts come before the refill, while the rollup is still off:
	 * the refill switches it back on (qf.rollup_off), and after it each
	 * recount's rows would fire those same triggers one by one, only for
	 * the recount's own fill to overwrite what they kept */
	if (bulk && store_dash_kept_recount(s) < 0) {
		strbuf_addf(ix->err, "the persons of a year could not be recomputed: %s", store_errmsg(s));
		return -1;
	}
	if (bulk && store_rollup_refill(s) < 0) {
		strbuf_addf(ix->err, "the statistics could not be recomputed: %s", store_errmsg(s));
		return -1;
	}
	if (ix->deferred.n && store_ix_restore(s, &ix->deferred) < 0) {
		strbuf_addf(ix->err, "the triggers could not be created: %s", store_errmsg(s));
		return -1;
	}
	for (int i = 0; ix_types[i].type; i++)
		if (ix->counts->n[i])
			strbuf_addf(&detail, "%s%s=%" PRId64, detail.len ? " " : "", ix_types[i].type,
				    ix->counts->n[i]);
	rc = audit_append(ix->c, AEV_IMPORT, "interchange", 1, detail.len ? detail.buf : "empty");
	strbuf_release(&detail);
	if (rc < 0 && !ix->err->len)
		strbuf_addf(ix->err, "the audit entry could not be written: %s", store_errmsg(s));
	return rc;
}

int ix_import(struct ctx *c, FILE *f, struct ix_counts *counts, ix_progress_fn progress,
	      void *progress_arg, struct strbuf *err)
{
	struct ix *ix = calloc(1, sizeof(*ix));
	struct arena *saved = c->a;
	struct stat st;
	int rc;

	if (!ix)
		return -1;
	*ix = (struct ix){ .c = c, .rec = arena_new(16384), .keep = arena_new(4096), .err = err, .f = f,
			   .counts = counts, .progress = progress, .progress_arg = progress_arg,
			   .units = IDTAB_INIT(sizeof(int64_t)), .snaps = IDTAB_INIT(sizeof(struct snap)),
			   .pending = { .office = STRBUF_INIT, .guess = { .office = STRBUF_INIT } } };
	memset(ix->pos, -1, sizeof(ix->pos));
	c->a = ix->rec;         /* what the hooks and the audit allocate lives one record */
	c->memo = txmemo_new();
	ix->lines = count_lines(f);
	/* the file's size sizes SQLite's page cache for the import (0 when
	 * not known: the least); a load that will be bulk (bulk_load, asked
	 * again in the transaction) may take SQLite's rollback journal */
	rc = c->memo ? store_ix_bulk(c->db, fstat(fileno(f), &st) == 0 ? (int64_t)st.st_size : 0,
				     bulk_load(ix) > 0) : -1;
	if (rc == 0)
		rc = store_tx(c->db, import_tx, ix);
	/* PostgreSQL: a batch of rows of several lines was refused; the import
	 * again, one statement a row, names the record (all of it rolled back) */
	if (rc < 0 && store_ix_exact(c->db) == 1) {
		strbuf_reset(err);
		rc = store_tx(c->db, import_tx, ix);
	}
	store_ix_bulk_end(c->db);
	txmemo_free(c->memo);   /* with a rollback, what it held goes too */
	c->memo = NULL;
	c->a = saved;
	if (rc < 0 && !err->len)
		strbuf_addf(err, "the database refused the import: %s", store_errmsg(c->db));
	ix_map_free(ix->map);
	idtab_release(&ix->units);
	idtab_release(&ix->snaps);
	store_ix_deferred_free(&ix->deferred);
	ix_clue_state_release(&ix->pending);
	arena_free(ix->rec);
	arena_free(ix->keep);
	for (int k = 0; k <= IX_AHEAD; k++) {
		free(ix->ring[k].buf);
		ix_line_release(&ix->ring[k].l);
	}
	free(ix);
	return rc < 0 ? -1 : 0;
}
