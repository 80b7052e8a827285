#ifndef QF_INTERCHANGE_H
#define QF_INTERCHANGE_H
/*
 * interchange: `qingfeng import` and `qingfeng export`, the JSON Lines
 * contract of INTERCHANGE.md (docs/interchange.md says what is stored how
 * and where this departs from the contract).
 *
 * Each record type is one entry of ix_types[] (ix_types.c): its table, the
 * letter of the ids export makes up, and its fields, each mapped to a
 * column with a kind that says how it is parsed, validated, bound and
 * written back.  What a type needs beyond that (a state that follows from
 * its dates, a form computed from measures, a clue's state moved by a
 * disposition) is its `prepare` hook, run before the row is inserted, and
 * its `after` hook, run once the row has its id.  Adding a type is one
 * entry in ix_types[] and, if it has rules of its own, one small hook.
 *
 * Import runs in one write transaction: all or nothing, one audit entry
 * with the counts per type, no timeline entries.
 */
#include <stdint.h>
#include <stdio.h>

#include "core/strbuf.h"

#include "domain/audit_events.h"
#include "domain/labels.h"

struct ctx;
struct ix;
struct period_table;

enum ix_kind {
	IX_TEXT,        /* a string */
	IX_DATE,        /* YYYY-MM-DD, a real calendar date */
	IX_BOOL,        /* true / false, stored 0 / 1; missing is false */
	IX_ENUM,        /* one of the codes of the table `codes` (a family's struct label table) */
	IX_INT,         /* an integer */
	IX_MONEY,       /* "117526.73" yuan, stored as integer fen */
	IX_REF,         /* the id of a record of type `arg` */
	IX_REFS,        /* ids of records of type `arg`, rows of the link table `link` */
	IX_CODES,       /* codes, rows of the link table `link` (validated by a hook) */
	IX_SECRET,      /* text encrypted at rest; `arg` is the associated-data prefix */
	IX_DERIVED,     /* a column the hook computes; not in the file */
};

/* field flags */
#define IX_REQ   1      /* must be present (and non-empty for lists) */
#define IX_EMPTY 2      /* missing text is stored as '' (NOT NULL DEFAULT ''); an IX_ENUM takes "" too */
#define IX_EXT   4      /* not in INTERCHANGE.md: export writes it only when set */
#define IX_KEY   16     /* a rule table's key column */
#define IX_SNAP  32     /* IX_REFS of persons: the link row keeps the person's rank, top_leader,
			 * leadership and unit_id as they are at import (the subjects) */
#define IX_VIRT  8      /* not a column of the type's table: read for the hooks, never
			 * inserted; export writes the SQL expression `column` (over the
			 * row `t`), or nothing when it is NULL.  An IX_CODES list whose
			 * link is "table owner column@member" is aligned with the list
			 * field of that table, owner and member: its codes go into
			 * that list's rows' column ("" NULL; a case's filing_nos) */

struct ix_field {
	const char *name;       /* JSON field; NULL for IX_DERIVED */
	enum ix_kind kind;
	const char *column;     /* column of the type's table (NULL for lists) */
	const char *arg;        /* target type or associated-data prefix */
	const char *link;       /* lists: "table owner_column member_column [SQL]": export
				 * writes only the rows `l` of the table the SQL holds for */
	int flags;
	const struct label *codes;      /* IX_ENUM: the codes allowed */
};

#define IX_MAX_FIELDS 24
#define IX_MAX_TYPES 64
#define IX_MAX_LIST 64

/* A field's value in the record being imported. */
struct ix_val {
	int set;                /* 0: NULL (or the field's default) */
	int64_t i;              /* BOOL, INT, MONEY, REF, DERIVED ints */
	const char *s;          /* TEXT, DATE, ENUM, SECRET, DERIVED text */
	int64_t ids[IX_MAX_LIST];       /* REFS */
	const char *codes[IX_MAX_LIST]; /* CODES */
	int n;                  /* list length */
};

struct ix_type {
	const char *type;       /* INTERCHANGE.md type */
	const char *table;
	const char *prefix;     /* letter of made-up ids; NULL: no id (no ext_id column) */
	const char *stamps;     /* time columns set to now, space-separated */
	const char *where;      /* export filter, or NULL */
	const char *with;       /* export: a "WITH ..." before the SELECT, or NULL */
	const char *join;       /* export: joined to the table `t`, or NULL */
	const char *order;      /* export ORDER BY */
	const struct ix_field *fields;
	int (*prepare)(struct ix *ix, struct ix_val *v);
	int (*after)(struct ix *ix, struct ix_val *v, int64_t id);
	int flags;              /* IX_T_* */
};

/* type flags: a rule table (form_rules, violation_categories) has no id,
 * region nor extra; its prepare hook stores the row itself and returns 1
 * (the engine then inserts nothing) */
#define IX_T_RULES 1
/* a table without a region column (a detention's notices and steps) */
#define IX_T_NOREGION 2
/* a disposition: its clue's state is noted (ix_clue_state.h), and a line
 * of any other type writes the note first */
#define IX_T_CLUE_STATE 4

extern const struct ix_type ix_types[];

/* For the hooks (ix_*.c). */
struct ctx *ix_ctx(struct ix *ix);
/* The clue state a disposition noted and not yet wrote (ix_clue_state.h). */
struct ix_clue_state;
struct ix_clue_state *ix_clue_pending(struct ix *ix);
/* The lines a hook may read before their turn (a clue's decisions,
 * ix_clue_state.h): at most IX_AHEAD after the current one. */
#define IX_AHEAD 8
struct ix_line;
/* The k-th line after the current one (k = 1 the next), read ahead from
 * the file and imported in its turn as any other: 1 with its text in
 * *line (without the newline and trailing blanks, *len bytes, not
 * NUL-terminated; valid until the current line's turn ends); 0 when the
 * file ends before it; -1 when it cannot be told (k past IX_AHEAD, a read
 * error: the import reports it in the line's turn). */
int ix_peek(struct ix *ix, int k, const char **line, size_t *len);
/* The k-th line after the current one (peeked first, ix_peek) read by
 * ix_line.h's reader into its ring slot's, once: its turn takes the
 * members read here without reading the line again.  0 with them in *out
 * (owned by the import, valid until that line's turn ends); -1 when it is
 * blank, not of the plain shape (its turn reads it with jansson), or not
 * peeked. */
int ix_peek_read(struct ix *ix, int k, const struct ix_line **out);
/* The current line's own id ("id"), NULL when it has none. */
const char *ix_ext(struct ix *ix);
/* 1 in a bulk load (interchange.c's bulk_load), else 0. */
int ix_bulk(struct ix *ix);
/* Records an error naming the current line and `field`; returns -1. */
int ix_fail(struct ix *ix, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The index of a field of the current type by name, column or (a derived
 * field without column) arg; aborts on a name the type does not have.
 * The answer is kept by the name's address: a name whose text never
 * changes (a literal), not a buffer. */
int ix_field(struct ix *ix, const char *name_or_column);
/* The index of a type in ix_types[], or -1. */
int ix_type_index(const char *type);
/* The unit of a person: its id, or -1 (store error recorded). */
int64_t ix_person_unit(struct ix *ix, int64_t person_id);
/* The unit of a person the import just wrote, kept for ix_person_unit: 0 or -1. */
int ix_person_unit_note(struct ix *ix, int64_t person_id, int64_t unit);
/* The row id of a record of `type` with file id `ext` (earlier in the
 * file or already in the database): > 0, 0 unknown, < 0 store error. */
int64_t ix_ref(struct ix *ix, const char *type, const char *ext);
/* The influence periods and the form table (each loaded on first use),
 * or NULL on a store error. */
const struct period_table *ix_periods(struct ix *ix);
struct form_table;
const struct form_table *ix_forms(struct ix *ix);
/* The form table changed (a form_rule line): ix_forms reads it again. */
void ix_forms_changed(struct ix *ix);

/* hooks with rules of their own (ix_outcome.c) */
int ix_outcome_prepare(struct ix *ix, struct ix_val *v);
int ix_outcome_after(struct ix *ix, struct ix_val *v, int64_t id);
/* the types of issue 10's records, each with its fields and hooks in its
 * family's file: follow-up visits, clarifications, appeals (ix_outcome.c),
 * detention notices and steps (ix_detention.c), the rule tables
 * (ix_rules.c) */
extern const struct ix_field ix_followup_fields[], ix_clarification_fields[], ix_appeal_fields[];
int ix_followup_prepare(struct ix *ix, struct ix_val *v);
int ix_clarification_prepare(struct ix *ix, struct ix_val *v);
int ix_appeal_prepare(struct ix *ix, struct ix_val *v);
int ix_appeal_after(struct ix *ix, struct ix_val *v, int64_t id);
extern const struct ix_field ix_detention_notice_fields[], ix_detention_step_fields[];
/* the trial stage's completed returns (ix_trial.c) */
extern const struct ix_field ix_trial_return_fields[];
int ix_trial_return_prepare(struct ix *ix, struct ix_val *v);
int ix_trial_return_after(struct ix *ix, struct ix_val *v, int64_t id);
int ix_detention_notice_prepare(struct ix *ix, struct ix_val *v);
int ix_detention_step_prepare(struct ix *ix, struct ix_val *v);
int ix_detention_step_after(struct ix *ix, struct ix_val *v, int64_t id);
extern const struct ix_field ix_form_rule_fields[], ix_category_fields[];
int ix_form_rule_prepare(struct ix *ix, struct ix_val *v);
int ix_category_prepare(struct ix *ix, struct ix_val *v);
extern const struct ix_field ix_period_fields[], ix_clock_fields[], ix_detention_limit_fields[],
	ix_jurisdiction_fields[];
int ix_rule_row_prepare(struct ix *ix, struct ix_val *v);
/* the "码上问效" ratings and letters (ix_rating.c) */
extern const struct ix_field ix_rating_fields[], ix_letter_fields[];
int ix_rating_prepare(struct ix *ix, struct ix_val *v);
int ix_rating_after(struct ix *ix, struct ix_val *v, int64_t id);
int ix_letter_prepare(struct ix *ix, struct ix_val *v);
/* the target tasks, their notes, work reminders and scores (ix_target.c) */
extern const struct ix_field ix_target_fields[], ix_target_note_fields[], ix_reminder_fields[], ix_score_fields[];
int ix_target_prepare(struct ix *ix, struct ix_val *v);
int ix_target_note_prepare(struct ix *ix, struct ix_val *v);
int ix_reminder_prepare(struct ix *ix, struct ix_val *v);
int ix_score_prepare(struct ix *ix, struct ix_val *v);
/* inspections' rounds and inspections (ix_inspection.c) */
extern const struct ix_field ix_round_fields[];
extern const struct ix_field ix_inspection_fields[];
int ix_inspection_prepare(struct ix *ix, struct ix_val *v);

/* the rectification ledger's problems (ix_problem.c) */
extern const struct ix_field ix_talk_fields[], ix_matter_report_fields[], ix_integrity_update_fields[];
int ix_talk_prepare(struct ix *ix, struct ix_val *v);
int ix_matter_report_prepare(struct ix *ix, struct ix_val *v);
extern const struct ix_field ix_problem_fields[];
int ix_problem_prepare(struct ix *ix, struct ix_val *v);
int ix_problem_after(struct ix *ix, struct ix_val *v, int64_t id);
/* the work log and the document register (ix_worklog.c) */
extern const struct ix_field ix_activity_kind_fields[];
int ix_activity_kind_prepare(struct ix *ix, struct ix_val *v);
extern const struct ix_field ix_activity_fields[];
int ix_activity_prepare(struct ix *ix, struct ix_val *v);
extern const struct ix_field ix_regdoc_fields[];
int ix_regdoc_prepare(struct ix *ix, struct ix_val *v);
/* the integrity opinion replies: requests and their lines (ix_opinion.c) */
extern const struct ix_field ix_opinion_fields[], ix_opinion_line_fields[];
int ix_opinion_prepare(struct ix *ix, struct ix_val *v);
int ix_opinion_line_prepare(struct ix *ix, struct ix_val *v);
/* The type of the record being imported (for the hooks). */
const struct ix_type *ix_current_type(struct ix *ix);
/* The first message of a page rule's fe as the refusal of the current
 * line (-1), its field renamed by names (page field, file field pairs,
 * NULL-terminated; NULL for none). */
struct fielderr;
int ix_refuse(struct ix *ix, const struct fielderr *fe, const char *const *names);
/* The value of field `name` of the current record (for the hooks). */
struct ix_val *ix_value(struct ix *ix, struct ix_val *v, const char *name);

struct ix_counts {
	int64_t n[IX_MAX_TYPES];        /* per ix_types[] entry */
	int64_t total;
	int bulk;                       /* a bulk load (interchange.c bulk_load): a new
					 * database or a move, not a daily import */
};

/* Called after each record with the bytes read and records so far. */
typedef void (*ix_progress_fn)(void *arg, int64_t bytes, int64_t records);

/* Imports the JSON Lines of f (named `what` in messages) in one
 * transaction.  0 with counts, or -1 with the message in err (nothing
 * stored). */
int ix_import(struct ctx *c, FILE *f, struct ix_counts *counts, ix_progress_fn progress,
	      void *progress_arg, struct strbuf *err);

/* Writes every record in dependency order; summaries and reporter
 * identity only with with_sensitive (decrypted).  0, or -1 with err. */
int ix_export(struct ctx *c, FILE *out, int with_sensitive, struct ix_counts *counts,
	      struct strbuf *err);

/* the audit events of interchange (interchange.c) */
QF_AUDIT_EVENT_DECL(EXPORT);
QF_AUDIT_EVENT_DECL(IMPORT);

#endif
