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
 *  - the violation category catalog: a violation_category line that
 *    writes it calls txmemo_categories_changed;
 *  - the number counters and, for a bulk load, the numbers taken (below);
 *  - the persons it wrote (their name and rank);
 *  - per clue: its state and day of receipt (a disposition's state is
 *    written through txmemo_clue_state_set where it is stored) and whether
 *    it belongs to the level above (its subjects are fixed at its insert,
 *    and an import never changes a stored person), and the committee's
 *    approval of its file_case decision when the import wrote it.
 * txmemo_clear forgets everything: at the start of each run of the
 * import's transaction (store_tx may run it again) and after a rollback
 * the memo is freed with the import.
 */
#include <stddef.h>
#include <stdint.h>

#include "model/caserules.h"

struct clue;
struct person;
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
/* store_category_offered through the memo (the catalog read once):
 * 1, 0, < 0.  An import line that writes the catalog (ix_rules.c) calls
 * txmemo_categories_changed. */
int txmemo_category_offered(struct ctx *c, const char *code, const char *day);
void txmemo_categories_changed(struct ctx *c);
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
	/* the filing committee's approval of its file_case decision, when
	 * the import wrote that decision (committee: 1) */
	int committee;
	const char *committee_by, *committee_day;
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
/* A person the import wrote, by id (name and rank: what the jurisdiction
 * rule reads of a clue's subjects): 0, or -1 out of memory; nothing
 * without a memo.  txmemo_person: the one noted, or NULL. */
int txmemo_person_note(struct ctx *c, int64_t id, const char *name, const char *rank);
const struct person *txmemo_person(struct ctx *c, int64_t id);

/* The number counters (numbering.c) in the memo: a counter of kind and
 * year is read once (store_number_last), drawn and raised in memory and
 * written back by txmemo_flush, which the import calls before it
 * commits; the numbers come out as store_number_next would give them, as
 * the import holds the write lock every writer takes.  Without a memo:
 * store_number_next and store_number_raise. */
int64_t txmemo_number_next(struct ctx *c, struct store *s, const char *kind, int year);
int txmemo_number_raise(struct ctx *c, struct store *s, const char *kind, int year, int64_t n);
int txmemo_flush(struct ctx *c, struct store *s);
/* A bulk load (as many lines as the database has records, or more):
 * 线索编号 and 立案编号 are then checked against the sets of both read
 * once (store_numbers_given) and kept with the numbers the import gives
 * (txmemo_number_take); otherwise each is a query (store_number_taken).
 * expect: about how many numbers the import may give (its lines), room
 * made for them with the sets when they are read. */
void txmemo_numbers_whole(struct ctx *c, size_t expect);
int txmemo_number_taken(struct ctx *c, struct store *s, const char *kind, const char *no);
int txmemo_number_take(struct ctx *c, const char *kind, const char *no);
/* Copies text into the memo's arena (an entry's strings). */
const char *txmemo_keep(struct ctx *c, const char *text);

#endif
