/*
 * txmemo.c: the reads one import transaction keeps (txmemo.h).  Settings
 * and pattern kinds are a handful, kept in short lists; clues in an open
 * addressing table by id that doubles when half full.  Everything lives in
 * the memo's arena and goes with txmemo_clear.
 */
#include "domain/txmemo.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/ctx.h"
#include "model/clue.h"
#include "model/number.h"
#include "store/q_caserules.h"
#include "store/q_clues.h"
#include "store/q_numbers.h"
#include "store/q_settings.h"
#include "store/store.h"

#define MEMO_SETTINGS 16
#define MEMO_KINDS 16

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
	struct { const char *kind; struct number_pattern *p; int n; } pat[MEMO_KINDS];
	int npat;
	struct txmemo_clue **clue;      /* cap slots, NULL: free */
	size_t cap, nclue;
};

struct txmemo *txmemo_new(void)
{
	struct txmemo *m = calloc(1, sizeof(*m));

	if (m && !(m->a = arena_new(65536))) {
		free(m);
		return NULL;
	}
	if (m)
		m->nrules = -1;
	return m;
}

void txmemo_clear(struct txmemo *m)
{
	arena_clear(m->a);
	m->nset = m->npat = 0;
	m->rules = NULL;
	m->nrules = -1;
	free(m->clue);
	m->clue = NULL;
	m->cap = m->nclue = 0;
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

static size_t slot_of(const struct txmemo *m, int64_t id)
{
	size_t h = (size_t)((uint64_t)id * 0x9E3779B97F4A7C15u) & (m->cap - 1);

	while (m->clue[h] && m->clue[h]->id != id)
		h = (h + 1) & (m->cap - 1);
	return h;
}

static int grow(struct txmemo *m)
{
	size_t old = m->cap;
	struct txmemo_clue **was = m->clue;

	m->cap = old ? old * 2 : 1024;
	if (!(m->clue = calloc(m->cap, sizeof(*m->clue)))) {
		m->clue = was;
		m->cap = old;
		return -1;
	}
	for (size_t i = 0; i < old; i++)
		if (was[i])
			m->clue[slot_of(m, was[i]->id)] = was[i];
	free(was);
	return 0;
}

struct txmemo_clue *txmemo_clue(struct ctx *c, int64_t clue_id)
{
	struct txmemo *m = c->memo;
	size_t h;

	if (!m || ((m->nclue + 1) * 2 > m->cap && grow(m) < 0))
		return NULL;
	h = slot_of(m, clue_id);
	if (!m->clue[h]) {
		m->clue[h] = arena_zalloc(m->a, sizeof(**m->clue));
		*m->clue[h] = (struct txmemo_clue){ .id = clue_id, .level = -1 };
		m->nclue++;
	}
	return m->clue[h];
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
