#ifndef QF_STORE_Q_CASERULES_H
#define QF_STORE_Q_CASERULES_H
/*
 * q_caserules.h: the typed store calls of q_caserules.c: approvals, the
 * jurisdiction rules, the violation category catalog, a case's filing
 * record (type, organ, categories) and a disposition's transfer.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers").
 */
#include <stdint.h>

#include "model/caserules.h"
#include "model/clue.h"
#include "model/person.h"
#include "store/store.h"

struct arena;

int64_t store_approval_insert(struct store *s, const char *region, const struct approval *ap);
int store_approvals_of(struct store *s, struct arena *a, const char *object, struct approval **out);

int store_jurisdiction_rules(struct store *s, struct arena *a, struct jurisdiction_rule **out);

/* the whole catalog, retired ones included, with how many cases use each */
int store_categories(struct store *s, struct arena *a, struct violation_category **out);
/* violation_categories.cases (0082) counted afresh from case_categories:
 * the end of a bulk import, whose rows the counting trigger skipped on
 * PostgreSQL (0090).  0 or < 0 */
int store_category_cases_recount(struct store *s);
/* the catalog's codes with valid_from and retired only (no label, source
 * nor usage count): the count or < 0 */
int store_category_spans(struct store *s, struct arena *a, struct violation_category **out);
/* 1 found (filled), 0 not */
int store_category_get(struct store *s, struct arena *a, const char *code, struct violation_category *v);
/* 1 when category code is offered on day (valid_from <= day < retired), 0
 * when not (or no such code); one row read, no usage count */
int store_category_offered(struct store *s, const char *code, const char *day);
int store_category_insert(struct store *s, const struct violation_category *v, int64_t now);
/* retired = NULL takes a retired category back; 1 changed, 0 no such code */
int store_category_retire(struct store *s, const char *code, const char *retired);

int store_case_set_filing(struct store *s, int64_t case_id, const struct case_filing *f);
int store_case_add_category(struct store *s, int64_t case_id, const char *code);
/* the codes of a case's categories, in code order */
int store_case_categories(struct store *s, struct arena *a, int64_t case_id, const char ***out);
/* the subjects as they were at filing: id, name, rank, top_leader,
 * leadership, unit_id, unit_name (person fields; the rest unset) */
int store_case_snapshots(struct store *s, struct arena *a, int64_t case_id, struct person **out);

int store_disposition_set_transfer(struct store *s, int64_t id, const char *direction,
				   const char *to, const char *ref);
/* clues of the level above not forwarded yet, due on or before due_by,
 * within the scope (0: all), the first `limit` by due day: id, unit_id,
 * unit_name, received, forward_due; and their count (q_todo.h: those due
 * on or before overdue_by as overdue) */
struct store_due_count;
int store_clues_to_forward_count(struct store *s, struct arena *a, int64_t scope_user, const char *overdue_by,
				 const char *due_by, struct store_due_count **out);
int store_clues_to_forward(struct store *s, struct arena *a, int64_t scope_user, const char *due_by, int limit,
			   struct clue **out);
/* a clue's forwarding due day (NULL clears it) */
int store_clue_set_forward_due(struct store *s, int64_t clue_id, const char *due);
/* the reference (文号) of a report's forwarding record */
int store_report_set_transfer_ref(struct store *s, int64_t report_id, const char *ref);

#endif
