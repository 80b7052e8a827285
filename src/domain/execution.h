#ifndef QF_EXECUTION_H
#define QF_EXECUTION_H
/*
 * execution: carrying out a sanction (处分决定执行).  For each outcome with
 * a party or government sanction the unit's execution roles (PERM_EXECUTION,
 * within the person's unit) check off the items of execution_items one by
 * one with the day each was done; the list of sanctions not fully carried
 * out is their work queue.  Follow-up visits (回访) of anyone who received an
 * outcome or was cleared, and clarifications (澄清正名) of a cleared one, are
 * recorded here too, by those who may work on the matter.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/labels.h"
#include "model/outcome.h"

struct arena;
struct ctx;

/* the number of execution_items (below) */
#define EXECUTION_N_ITEMS 5

/* Checks off one item: 1 done; 0 when the outcome is not visible (404);
 * RES_INVALID with fe (no sanction, an unknown item, one already checked, a bad
 * day); RES_STORE. */
int execution_check(struct ctx *c, int64_t outcome_id, const char *item, const char *done,
		    const char *note, struct fielderr *fe);
/* The checked items of an outcome (call after outcome_get). */
int execution_items_of(struct ctx *c, int64_t outcome_id, struct execution_item **out);
/* Sanctions not fully carried out within the actor's units, a page of
 * them (lq offset, limit) and their count. */
int execution_pending(struct ctx *c, struct execution_filter *f, struct outcome **out, int64_t *total);

/* Records a follow-up visit (回访) of a person who received an outcome
 * (first-form treatment included; DOMAIN.md section 2): its id; 0 not
 * visible; RES_INVALID with fe; RES_STORE. */
int64_t followup_record(struct ctx *c, int64_t outcome_id, const char *day, const char *note,
			struct fielderr *fe);
/* The same for a cleared person, on their clarification. */
int64_t followup_record_cleared(struct ctx *c, int64_t clarification_id, const char *day, const char *note,
				struct fielderr *fe);
/* The person a clarification clears: > 0, RES_NOT_FOUND, RES_STORE (call
 * after followup_record_cleared, which checked the access). */
int64_t clarification_person(struct ctx *c, int64_t clarification_id);
int followups_of(struct ctx *c, int64_t outcome_id, struct followup **out);

/* Records a clarification (person, one of case_id / clue_id, day, manner,
 * note): its id; 0 matter not visible; RES_INVALID with fe; RES_STORE. */
int64_t clarification_record(struct ctx *c, const struct clarification *k, struct fielderr *fe);

/* The rules of a visit (its day from `since`, the outcome's or the
 * clarification's day, to today; the note's length) and of a
 * clarification (subject: the person among the matter's subjects, NULL
 * when not one; day, manner, note): 1, or 0 with fe.  The pages and import
 * call them (no access check, no write). */
struct person;
int followup_valid(struct arena *a, const struct followup *f, const char *since, struct fielderr *fe);
int clarification_valid(struct arena *a, const struct clarification *k, const struct person *subject,
			struct fielderr *fe);

/* the audit events of execution (execution.c) */
QF_AUDIT_EVENT_DECL(EXECUTION);

/* code tables (labels.h), defined in execution.c */
/* delivered 决定送达, appraisal 年度考核, pay_grade 工资档次, bonus 奖金,
 * promotion_bar 晋升限制 (EXECUTION_N_ITEMS) */
extern const struct label execution_items[];
extern const struct label clarification_manners[]; /* 召开澄清会 ... */

#endif
