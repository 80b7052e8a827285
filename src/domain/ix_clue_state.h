#ifndef QF_IX_CLUE_STATE_H
#define QF_IX_CLUE_STATE_H
/*
 * ix_clue_state: a clue's state written once for a run of its imported
 * decisions (issue 16).  A disposition line notes its clue's new state
 * here instead of updating the clue; the note is written, in one
 * statement (store_clue_settle), when a line of another clue or of
 * another type comes, and before the import commits.  The clues row then
 * ends as the statement of each decision would have left it: the state,
 * clock and office of the last, first_disposed of the first.  Nothing
 * between reads the clue's state from the database: a disposition reads
 * it through the memo (txmemo_clue_state), which is kept at each line.
 */
#include <stdint.h>

#include "core/strbuf.h"

struct ix;

/* A clue's row inserted with its decisions' state read ahead (ix_clue_state_guess). */
struct ix_clue_guess {
	int64_t clue_id;                /* the row's id (0: none to check) */
	int armed;                      /* guessed for the line being imported */
	const char *state;
	char first[16], last[16];
	struct strbuf office;
};

struct ix_clue_state {
	int64_t clue_id;                /* 0: nothing pending */
	const char *state;              /* a disposition method's state (static) */
	char first[16], last[16];       /* the first and last decisions' days */
	struct strbuf office;           /* the last decision's verification office */
	struct ix_clue_guess guess;
};

/*
 * A bulk load's clue written once (sqstm18): the clue's line reads the
 * decisions that follow it in the file (ix_peek: lines of type disposition
 * naming its id, up to the first that is not) and its row is inserted with
 * the state, first_disposed, clock_start and verification_office those
 * decisions will leave, so that no UPDATE follows for it.  The guess is
 * only that: each decision is still checked and noted at its own line, and
 * when the clue's run of decisions ends (the note flushed, or a note of
 * another clue) the note is compared with the guess; when they differ, or
 * no decision came, the row is written as the statements would have left
 * it (store_clue_state_put).  Nothing reads those columns of the clue from
 * the database in between (a decision reads the memo, txmemo_clue_state,
 * which starts at registered as before).
 *
 * ix_clue_state_guess: 1 with the guess in g (the row's four columns to
 * insert, clock and office NULL when the state is not a verification), 0
 * when nothing is guessed (no decision follows, or the lines cannot be
 * read ahead): the row is inserted as a new clue. */
int ix_clue_state_guess(struct ix *ix, const struct ix_clue_guess **g);
/* The guessed clue's row id, once inserted. */
void ix_clue_state_guessed(struct ix *ix, int64_t clue_id);

/* The state of the disposition on clue_id decided on `day`: 0 or -1
 * (a note of another clue written first). */
int ix_clue_state_note(struct ix *ix, int64_t clue_id, const char *state, const char *day,
		       const char *office);
/* The pending note written (nothing when none): 0 or -1. */
int ix_clue_state_flush(struct ix *ix);
/* The note forgotten and its memory freed. */
void ix_clue_state_release(struct ix_clue_state *p);

#endif
