/*
 * ix_clue_state.c: a clue's imported decisions written in one statement
 * (ix_clue_state.h).
 */
#include "domain/ix_clue_state.h"

#include <string.h>

#include "domain/ctx.h"
#include "domain/interchange.h"
#include "store/q_clues.h"

/* day into d (of size n), cut as snprintf(d, n, "%s", day) would cut it,
 * without printf (a disposition's two days, 1.3 M times at 1M records) */
static void copy_day(char *d, size_t n, const char *day)
{
	size_t len = strnlen(day, n - 1);

	memcpy(d, day, len);
	d[len] = '\0';
}

int ix_clue_state_note(struct ix *ix, int64_t clue_id, const char *state, const char *day,
		       const char *office)
{
	struct ix_clue_state *p = ix_clue_pending(ix);

	if (p->clue_id != clue_id && ix_clue_state_flush(ix) < 0)
		return -1;
	if (!p->clue_id)
		copy_day(p->first, sizeof(p->first), day);
	p->clue_id = clue_id;
	p->state = state;
	copy_day(p->last, sizeof(p->last), day);
	strbuf_reset(&p->office);
	strbuf_addstr(&p->office, office ? office : "");
	return 0;
}

int ix_clue_state_flush(struct ix *ix)
{
	struct ix_clue_state *p = ix_clue_pending(ix);
	struct ctx *c = ix_ctx(ix);

	if (!p->clue_id)
		return 0;
	if (store_clue_settle(c->db, p->clue_id, p->state, p->first, p->last, p->office.buf, c->now) < 0)
		return -1;
	p->clue_id = 0;
	return 0;
}

void ix_clue_state_release(struct ix_clue_state *p)
{
	strbuf_release(&p->office);
	p->clue_id = 0;
}
