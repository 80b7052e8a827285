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

struct ix_clue_state {
	int64_t clue_id;                /* 0: nothing pending */
	const char *state;              /* a disposition method's state (static) */
	char first[16], last[16];       /* the first and last decisions' days */
	struct strbuf office;           /* the last decision's verification office */
};

/* The state of the disposition on clue_id decided on `day`: 0 or -1
 * (a note of another clue written first). */
int ix_clue_state_note(struct ix *ix, int64_t clue_id, const char *state, const char *day,
		       const char *office);
/* The pending note written (nothing when none): 0 or -1. */
int ix_clue_state_flush(struct ix *ix);
/* The note forgotten and its memory freed. */
void ix_clue_state_release(struct ix_clue_state *p);

#endif
