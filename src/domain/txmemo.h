#ifndef QF_TXMEMO_H
#define QF_TXMEMO_H
/*
 * txmemo: what one write transaction read back, kept for its later steps
 * (issue 16: an import reads the same settings, rules and clue facts for
 * every record).  ctx->memo points to one while `qingfeng import` runs
 * (domain/interchange.c) and is NULL everywhere else: every function here
 * then reads the database as before.
 *
 * What it holds and who keeps it true (the import's transaction holds the
 * write lock, so only its own writes can change these rows):
 *  - settings (level, principal_person, doc_organ_abbr): nothing in an
 *    import writes settings;
 *  - the jurisdiction rules: an import's jurisdiction_rule line writes
 *    nothing (ix_rules.c accepts only rows the table has);
 *  - the number patterns by kind: an import writes none;
 *  - per clue: its state and day of receipt (a disposition's state is
 *    written through txmemo_clue_state_set where it is stored) and whether
 *    it belongs to the level above (its subjects are fixed at its insert,
 *    and an import never changes a stored person).
 * txmemo_clear forgets everything: at the start of each run of the
 * import's transaction (store_tx may run it again) and after a rollback
 * the memo is freed with the import.
 */
#include <stdint.h>

#include "model/caserules.h"

struct clue;
struct ctx;
struct store;
struct txmemo;

struct txmemo *txmemo_new(void);
void txmemo_free(struct txmemo *m);
void txmemo_clear(struct txmemo *m);

/* store_setting_get through the memo: STORE_ROW (*value set), STORE_DONE
 * (no such setting) or < 0.  Values live as long as the memo (or c->a). */
int txmemo_setting(struct ctx *c, const char *key, const char **value);
/* store_jurisdiction_rules through the memo: the count or < 0. */
int txmemo_jurisdiction_rules(struct ctx *c, struct jurisdiction_rule **out);
/* store_number_pattern through the memo: 1 (*pattern set), 0 none, < 0. */
int txmemo_number_pattern(struct ctx *c, struct store *s, const char *kind, const char *day,
			  const char **pattern);

/* A clue's facts as the transaction knows them; level: -1 not known yet,
 * 0 this level, 1 the level above (why: the reason). */
struct txmemo_clue {
	int64_t id;
	const char *state, *received;   /* NULL: not known */
	int level;
	const char *why;
};
/* The clue's entry (made empty on first use), or NULL without a memo (or
 * out of memory). */
struct txmemo_clue *txmemo_clue(struct ctx *c, int64_t clue_id);
/* store_clue_state through the memo (k->state and k->received): 1, 0 no
 * such clue, < 0. */
int txmemo_clue_state(struct ctx *c, int64_t clue_id, struct clue *k);
/* The clue's new state, after the statement that stored it (a static
 * string: a disposition method's state). */
void txmemo_clue_state_set(struct ctx *c, int64_t clue_id, const char *state);
/* Copies text into the memo's arena (an entry's strings). */
const char *txmemo_keep(struct ctx *c, const char *text);

#endif
