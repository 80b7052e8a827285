/*
 * ix_clue_state.c: a clue's imported decisions written in one statement,
 * or with its row (ix_clue_state.h).
 */
#include "domain/ix_clue_state.h"

#include <string.h>

#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/interchange.h"
#include "domain/ix_line.h"
#include "store/q_clues.h"

/* day into d (of size n), cut as snprintf(d, n, "%s", day) would cut it,
 * without printf (a disposition's two days, 1.3 M times at 1M records) */
static void copy_day(char *d, size_t n, const char *day)
{
	size_t len = strnlen(day, n - 1);

	memcpy(d, day, len);
	d[len] = '\0';
}

#define PV "preliminary_verification"

/* The text of a line's member, NULL when absent or not a string. */
static const char *member(const struct ix_line *l, const char *key)
{
	const struct ix_jval *v = ix_line_get(l, key);

	return v && v->kind == IX_J_STR ? v->s : NULL;
}

int ix_clue_state_guess(struct ix *ix, const struct ix_clue_guess **out)
{
	struct ix_clue_guess *g = &ix_clue_pending(ix)->guess;
	const char *ext = ix_ext(ix);
	char needle[80];
	int k, n;

	g->armed = 0;
	/* the text a line of the clue's decision holds, as export and the
	 * generators write it; a line written otherwise ends the run read
	 * ahead (the guess is then checked and mended as any wrong one) */
	if (!ext || (n = (int)strlen(ext)) > (int)sizeof(needle) - 10)
		return 0;
	memcpy(needle, "\"clue\":\"", 8);
	memcpy(needle + 8, ext, (size_t)n);
	needle[8 + n] = '"';
	n += 9;
	for (k = 1;; k++) {
		const struct ix_line *l;
		const struct ix_jval *vo;
		const struct disposition_method *m;
		const char *line, *type, *clue, *method, *day;
		size_t len, dl;
		int rc;

		if (k > IX_AHEAD)
			break;          /* past the window: the run's rest checked and mended */
		if ((rc = ix_peek(ix, k, &line, &len)) < 0)
			return 0;       /* a read error: no guess */
		if (rc == 0)
			break;          /* the file ends */
		/* most lines that end the run (the next clue, a case) are told
		 * by their text, without reading them twice */
		if (!memmem(line, len, needle, (size_t)n) || !memmem(line, len, "\"disposition\"", 13))
			break;
		if (ix_peek_read(ix, k, &l) < 0)
			return 0;
		type = member(l, "type");
		clue = member(l, "clue");
		if (!type || strcmp(type, "disposition") || !clue || strcmp(clue, ext))
			break;          /* the run of the clue's decisions ends */
		/* a line its own import would refuse, or a value the guess cannot
		 * tell: none (the import refuses it, or the note writes it) */
		if (!(method = member(l, "method")) || !(m = disposition_method_find(method)) ||
		    !(day = member(l, "decided")) || (dl = strlen(day)) >= sizeof(g->first))
			return 0;
		vo = ix_line_get(l, "verification_office");
		if (vo && vo->kind != IX_J_NULL && vo->kind != IX_J_STR)
			return 0;
		if (k == 1)
			memcpy(g->first, day, dl + 1);
		memcpy(g->last, day, dl + 1);
		g->state = m->state;
		strbuf_reset(&g->office);
		strbuf_addstr(&g->office, vo && vo->kind == IX_J_STR ? vo->s : "");
	}
	if (k == 1)
		return 0;       /* no decision follows */
	g->armed = 1;
	*out = g;
	return 1;
}

void ix_clue_state_guessed(struct ix *ix, int64_t clue_id)
{
	struct ix_clue_guess *g = &ix_clue_pending(ix)->guess;

	if (g->armed)
		g->clue_id = clue_id;
	g->armed = 0;
}

/* The guessed clue's run of decisions has ended: its row checked against
 * the note (the note of that clue consumed), and written as the
 * statements would have left it when they differ.  0 or -1. */
static int guess_check(struct ix *ix)
{
	struct ix_clue_state *p = ix_clue_pending(ix);
	struct ix_clue_guess *g = &p->guess;
	struct ctx *c = ix_ctx(ix);
	int64_t id = g->clue_id;
	int pv;

	if (!id)
		return 0;
	g->clue_id = 0;
	if (p->clue_id != id)   /* none of its decisions came: a new clue's row */
		return store_clue_state_put(c->db, id, CLUE_REGISTERED, NULL, NULL, NULL, c->now) < 0 ? -1 : 0;
	p->clue_id = 0;
	pv = !strcmp(p->state, PV);
	if (!strcmp(p->state, g->state) && !strcmp(p->first, g->first) &&
	    (!pv || (!strcmp(p->last, g->last) && !strcmp(p->office.buf, g->office.buf))))
		return 0;       /* the row holds it */
	/* the insert wrote the guess: first_disposed replaced, not kept (the
	 * row's first_disposed was NULL for the note's statement) */
	return store_clue_state_put(c->db, id, p->state, p->first, pv ? p->last : NULL,
				    pv ? p->office.buf : NULL, c->now) < 0 ? -1 : 0;
}

/* The note written (nothing when none): 0 or -1. */
static int note_write(struct ix *ix)
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

int ix_clue_state_note(struct ix *ix, int64_t clue_id, const char *state, const char *day,
		       const char *office)
{
	struct ix_clue_state *p = ix_clue_pending(ix);

	if (p->guess.clue_id && p->guess.clue_id != clue_id && guess_check(ix) < 0)
		return -1;
	if (p->clue_id != clue_id && note_write(ix) < 0)
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
	return guess_check(ix) < 0 ? -1 : note_write(ix);
}

void ix_clue_state_release(struct ix_clue_state *p)
{
	strbuf_release(&p->office);
	strbuf_release(&p->guess.office);
	p->clue_id = 0;
	p->guess.clue_id = p->guess.armed = 0;
}
