/*
 * txmemo.c: the reads one import transaction keeps (txmemo.h).  Settings
 * and pattern kinds are a handful, kept in short lists; clues and persons
 * in tables by id (core/idtab.h) of pointers into the arena.  Everything
 * lives in the memo's arena and its tables and goes with txmemo_clear.
 */
#include "domain/txmemo.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/idtab.h"
#include "domain/ctx.h"
#include "domain/ix_map.h"
#include "model/person.h"
#include "model/clue.h"
#include "model/number.h"
#include "store/q_caserules.h"
#include "store/q_clues.h"
#include "store/q_numbers.h"
#include "store/q_settings.h"
#include "store/q_trial.h"
#include "store/store.h"

#define MEMO_SETTINGS 16
#define MEMO_KINDS 16

/* a counter of kind and year: its last number given in the transaction */
struct memo_counter {
	const char *kind;
	int year;
	int64_t last;
	int dirty;                      /* drawn or raised: written back at txmemo_flush */
};

struct memo_setting {
	const char *key, *value;
	int rc;
};

struct txmemo {
	struct arena *a;
	struct memo_setting set[MEMO_SETTINGS];
	int nset;
	struct jurisdiction_rule *rules;
	int nrules;                     /* -1: not read */
	struct violation_category *cats;
	int ncats;                      /* -1: not read */
	struct { const char *kind; struct number_pattern *p; int n; } pat[MEMO_KINDS];
	int npat;
	struct idtab clues, persons;    /* struct txmemo_clue *, struct person * by id */
	struct memo_counter *counter;   /* the number counters drawn (kind, year) */
	int ncounter, capcounter;
	int whole;                      /* numbers checked against the sets below */
	size_t expect;                  /* the numbers the import may give (taken's room) */
	struct ix_map *taken;           /* type 0: 线索编号, 1: 立案编号; NULL: not read */
};

struct txmemo *txmemo_new(void)
{
	struct txmemo *m = calloc(1, sizeof(*m));

	if (m && !(m->a = arena_new(65536))) {
		free(m);
		return NULL;
	}
	if (m) {
		m->nrules = m->ncats = -1;
		idtab_init(&m->clues, sizeof(struct txmemo_clue *));
		idtab_init(&m->persons, sizeof(struct person *));
	}
	return m;
}

void txmemo_clear(struct txmemo *m)
{
	arena_clear(m->a);
	m->nset = m->npat = 0;
	m->rules = NULL;
	m->nrules = m->ncats = -1;
	m->cats = NULL;
	idtab_release(&m->clues);
	idtab_release(&m->persons);
	free(m->counter);
	m->counter = NULL;
	m->ncounter = m->capcounter = 0;
	ix_map_free(m->taken);
	m->taken = NULL;
	m->whole = 0;
}

void txmemo_free(struct txmemo *m)
{
	if (!m)
		return;
	txmemo_clear(m);
	arena_free(m->a);
	free(m);
}

const char *txmemo_keep(struct ctx *c, const char *text)
{
	return c->memo ? arena_strdup(c->memo->a, text) : text;
}

int txmemo_setting(struct ctx *c, const char *key, const char **value)
{
	struct txmemo *m = c->memo;
	int rc;

	for (int i = 0; m && i < m->nset; i++)
		if (!strcmp(m->set[i].key, key)) {
			if (m->set[i].rc == STORE_ROW)
				*value = m->set[i].value;
			return m->set[i].rc;
		}
	rc = store_setting_get(c->db, m ? m->a : c->a, key, value);
	if (m && rc >= 0 && m->nset < MEMO_SETTINGS)
		m->set[m->nset++] = (struct memo_setting){ arena_strdup(m->a, key),
							  rc == STORE_ROW ? *value : NULL, rc };
	return rc;
}

int txmemo_jurisdiction_rules(struct ctx *c, struct jurisdiction_rule **out)
{
	struct txmemo *m = c->memo;

	if (!m)
		return store_jurisdiction_rules(c->db, c->a, out);
	if (m->nrules < 0) {
		int n = store_jurisdiction_rules(c->db, m->a, &m->rules);
		if (n < 0)
			return n;
		m->nrules = n;
	}
	*out = m->rules;
	return m->nrules;
}

int txmemo_category_offered(struct ctx *c, const char *code, const char *day)
{
	struct txmemo *m = c->memo;

	if (!m)
		return store_category_offered(c->db, code, day);
	if (m->ncats < 0 && (m->ncats = store_category_spans(c->db, m->a, &m->cats)) < 0)
		return m->ncats;
	/* as Q_CATEGORY_OFFERED: valid_from <= day < retired (days compare as text) */
	for (int i = 0; i < m->ncats; i++)
		if (!strcmp(m->cats[i].code, code) && strcmp(m->cats[i].valid_from, day) <= 0 &&
		    (!m->cats[i].retired || strcmp(day, m->cats[i].retired) < 0))
			return 1;
	return 0;
}

void txmemo_categories_changed(struct ctx *c)
{
	if (c->memo)
		c->memo->ncats = -1;
}

int txmemo_number_pattern(struct ctx *c, struct store *s, const char *kind, const char *day,
			  const char **pattern)
{
	struct txmemo *m = c->memo;
	int k;

	if (!m)
		return store_number_pattern(s, c->a, kind, day, pattern);
	for (k = 0; k < m->npat && strcmp(m->pat[k].kind, kind); k++)
		;
	if (k == m->npat) {
		if (k == MEMO_KINDS)
			return store_number_pattern(s, c->a, kind, day, pattern);
		m->pat[k].kind = arena_strdup(m->a, kind);
		if ((m->pat[k].n = store_number_patterns(s, m->a, kind, &m->pat[k].p)) < 0)
			return m->pat[k].n;
		m->npat++;
	}
	/* newest first, as store_number_pattern's ORDER BY ... DESC LIMIT 1 */
	for (int i = 0; i < m->pat[k].n; i++)
		if (strcmp(m->pat[k].p[i].effective_from, day) <= 0) {
			*pattern = m->pat[k].p[i].pattern;
			return 1;
		}
	return 0;
}

/* NULL (no memo: the caller reads the database) out of memory, and for
 * an id <= 0, which names no clue */
struct txmemo_clue *txmemo_clue(struct ctx *c, int64_t clue_id)
{
	struct txmemo *m = c->memo;
	int fresh;
	struct txmemo_clue **v = m ? idtab_slot(&m->clues, clue_id, &fresh) : NULL;

	if (v && fresh) {
		struct txmemo_clue *k = arena_zalloc(m->a, sizeof(*k));
		*k = (struct txmemo_clue){ .id = clue_id, .level = -1 };
		*v = k;
	}
	return v ? *v : NULL;
}

int txmemo_clue_state(struct ctx *c, int64_t clue_id, struct clue *k)
{
	struct txmemo_clue *m = txmemo_clue(c, clue_id);
	int rc;

	if (m && m->state) {
		*k = (struct clue){ .id = clue_id, .state = m->state, .received = m->received };
		return 1;
	}
	rc = store_clue_state(c->db, c->a, clue_id, k);
	if (m && rc == 1) {
		m->state = txmemo_keep(c, k->state);
		m->received = txmemo_keep(c, k->received);
	}
	return rc;
}

void txmemo_clue_state_set(struct ctx *c, int64_t clue_id, const char *state)
{
	struct txmemo_clue *m = txmemo_clue(c, clue_id);

	if (m && m->state)
		m->state = state;
}

/* ---- persons an import wrote ---------------------------------------------- */

/* a person's row id is > 0: nothing is noted for another (txmemo_person
 * finds none, the caller reads the database) */
int txmemo_person_note(struct ctx *c, int64_t id, const char *name, const char *rank)
{
	struct txmemo *m = c->memo;
	struct person *p, **v;

	if (!m || id <= 0)
		return 0;
	if (!(v = idtab_slot(&m->persons, id, NULL)))
		return -1;
	p = arena_zalloc(m->a, sizeof(*p));
	p->id = id;
	p->name = arena_strdup(m->a, name);
	p->rank = arena_strdup(m->a, rank);
	*v = p;
	return 0;
}

const struct person *txmemo_person(struct ctx *c, int64_t id)
{
	struct person **p = c->memo ? idtab_get(&c->memo->persons, id) : NULL;

	return p ? *p : NULL;
}

/* ---- number counters and the numbers taken -------------------------------- */

static struct memo_counter *counter_of(struct ctx *c, struct store *s, const char *kind, int year)
{
	struct txmemo *m = c->memo;
	struct memo_counter *k;
	int64_t last;

	for (int i = 0; i < m->ncounter; i++)
		if (m->counter[i].year == year && !strcmp(m->counter[i].kind, kind))
			return &m->counter[i];
	if ((last = store_number_last(s, kind, year)) < 0)
		return NULL;
	if (m->ncounter == m->capcounter) {
		int cap = m->capcounter ? 2 * m->capcounter : 16;
		struct memo_counter *v = realloc(m->counter, (size_t)cap * sizeof(*v));
		if (!v)
			return NULL;
		m->counter = v;
		m->capcounter = cap;
	}
	k = &m->counter[m->ncounter++];
	*k = (struct memo_counter){ arena_strdup(m->a, kind), year, last, 0 };
	return k;
}

int64_t txmemo_number_next(struct ctx *c, struct store *s, const char *kind, int year)
{
	struct memo_counter *k;

	if (!c->memo)
		return store_number_next(s, kind, year);
	if (!(k = counter_of(c, s, kind, year)))
		return STORE_ERR;
	k->dirty = 1;
	return ++k->last;
}

int txmemo_number_raise(struct ctx *c, struct store *s, const char *kind, int year, int64_t n)
{
	struct memo_counter *k;

	if (!c->memo)
		return store_number_raise(s, kind, year, n);
	if (!(k = counter_of(c, s, kind, year)))
		return STORE_ERR;
	if (n > k->last) {
		k->last = n;
		k->dirty = 1;
	}
	return 0;
}

int txmemo_flush(struct ctx *c, struct store *s)
{
	struct txmemo *m = c->memo;

	for (int i = 0; m && i < m->ncounter; i++)
		if (m->counter[i].dirty) {
			if (store_number_raise(s, m->counter[i].kind, m->counter[i].year, m->counter[i].last) < 0)
				return STORE_ERR;
			m->counter[i].dirty = 0;
		}
	return 0;
}

void txmemo_numbers_whole(struct ctx *c, size_t expect)
{
	if (c->memo) {
		c->memo->whole = 1;
		c->memo->expect = expect;
	}
}

static int taken_type(const char *kind)
{
	return !strcmp(kind, "clue") ? 0 : 1;
}

/* the numbers of both kinds, read once, in a set with room for those
 * the import will give (never rehashed while it fills) */
static int taken_load(struct ctx *c, struct store *s)
{
	struct txmemo *m = c->memo;
	static const char *const kinds[] = { "clue", "case_filing" };
	const char **no[2];
	int n[2];

	if (m->taken)
		return 0;
	for (int k = 0; k < 2; k++)
		if ((n[k] = store_numbers_given(s, m->a, kinds[k], &no[k])) < 0)
			return n[k];
	if (!(m->taken = ix_map_new()))
		return STORE_ERR;
	/* a hint: refused, the set grows as it fills */
	(void)ix_map_reserve(m->taken, (size_t)n[0] + (size_t)n[1] + m->expect);
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < n[k]; i++)
			if (ix_map_put(m->taken, k, no[k][i], 1) < 0)
				return STORE_ERR;
	return 0;
}

int txmemo_number_taken(struct ctx *c, struct store *s, const char *kind, const char *no)
{
	struct txmemo *m = c->memo;

	if (!m || !m->whole)
		return store_number_taken(s, kind, no);
	if (taken_load(c, s) < 0)
		return STORE_ERR;
	return ix_map_get(m->taken, taken_type(kind), no) != 0;
}

int txmemo_number_take(struct ctx *c, const char *kind, const char *no)
{
	struct txmemo *m = c->memo;

	if (!m || !m->taken)
		return 0;
	return ix_map_put(m->taken, taken_type(kind), no, 1) < 0 ? STORE_ERR : 0;
}
