#ifndef QF_Q_TARGETS_H
#define QF_Q_TARGETS_H
/*
 * q_targets: the typed queries of the target tasks family (issue 14):
 * the code tables (aspects, reminder kinds), ledgers, tasks and their
 * notes, reminders with their tasks and recipients, scoring periods,
 * criteria and scores.  Conventions of every q_*.h (docs/architecture.md):
 * lookups 1 / 0 / < 0, inserts the new id or < 0 (STORE_CONSTRAINT on a
 * duplicate key), lists the row count with an arena array, strings copied
 * into the arena; none opens a transaction.  Nothing here is bounded by
 * jurisdiction: tasks are not secret (domain/target.h).
 */
#include <stdint.h>

#include "model/metrics.h"
#include "model/target.h"

struct arena;
struct store;

/* the code tables: table 0 aspects, 1 reminder kinds; by seq */
int store_target_codes(struct store *s, struct arena *a, int table, struct target_code **out);
/* adds a code or renames it (its label, its seq): 0 or < 0 */
int store_target_code_put(struct store *s, int table, const char *code, const char *label, int seq);

/* the ledgers of a year (0: every year) with their task counts */
int store_target_ledgers(struct store *s, struct arena *a, int year, struct target_ledger **out);
int64_t store_target_ledger_insert(struct store *s, int year, const char *name);
int store_target_ledger_get(struct store *s, struct arena *a, int64_t id, struct target_ledger *out);

int64_t store_target_insert(struct store *s, const struct target_task *t, int64_t by, int64_t now);
/* ledger, aspect, title, leader, office, deadline: the rows changed */
int store_target_update(struct store *s, const struct target_task *t);
int store_target_get(struct store *s, struct arena *a, int64_t id, struct target_task *out);
int64_t store_target_count(struct store *s, const struct target_filter *f);
int store_target_list(struct store *s, struct arena *a, const struct target_filter *f,
		      struct target_task **out);
/* The to-do list's tasks (domain/target.c): not done, due on or before
 * due_by, led by `leader` or of `office` (not ""), of the office `only`
 * alone unless NULL: the first `limit` by deadline (then id), and their
 * count per office (q_todo.h: due on or before overdue_by as overdue). */
struct store_todo_tasks {
	int64_t leader;
	const char *due_by, *office, *only;
};
struct store_due_count;
int store_target_todo(struct store *s, struct arena *a, const struct store_todo_tasks *f, int limit,
		      struct target_task **out);
int store_target_todo_count(struct store *s, struct arena *a, const struct store_todo_tasks *f,
			    const char *overdue_by, struct store_due_count **out);
/* a progress note; the task's started day when not yet set; done when
 * done_day (NULL: not done): 0 or < 0 */
int64_t store_target_note_insert(struct store *s, int64_t task_id, const char *day, int64_t user_id,
				 const char *text, int64_t now);
int store_target_progress(struct store *s, int64_t task_id, const char *day, const char *done_day);
int store_target_notes(struct store *s, struct arena *a, int64_t task_id, struct target_note **out);

/* the active users of an office (the recipients of a reminder) */
int store_office_users(struct store *s, struct arena *a, const char *office, int64_t **out);
/* the active staff (no admin role), leaders first: code the id, label the name (office) */
int store_target_staff(struct store *s, struct arena *a, struct target_code **out);
/* 1 when the user exists and is active */
int store_target_user_active(struct store *s, int64_t user_id);

int64_t store_reminder_insert(struct store *s, const struct reminder *v, int64_t by);
int store_reminder_task_add(struct store *s, int64_t reminder_id, int64_t task_id);
int store_reminder_recipient_add(struct store *s, int64_t reminder_id, int64_t user_id);
int64_t store_reminder_recipient_count(struct store *s, int64_t reminder_id);
/* the number pattern of a new reminder kind (reminder_<code>), unless it has one */
int store_reminder_kind_pattern(struct store *s, const char *code);
/* the reminder as `reader` sees it (acked_at: -1 not a recipient) */
int store_reminder_get(struct store *s, struct arena *a, int64_t id, int64_t reader, struct reminder *out);
int64_t store_reminder_count(struct store *s, const struct reminder_filter *f);
int store_reminder_list(struct store *s, struct arena *a, const struct reminder_filter *f, int64_t reader,
			struct reminder **out);
int store_reminder_recipients(struct store *s, struct arena *a, int64_t id, struct reminder_recipient **out);
int store_reminder_tasks(struct store *s, struct arena *a, int64_t id, struct target_task **out);
/* the reader's ack: the rows changed (0: not a recipient or acked before) */
int store_reminder_ack(struct store *s, int64_t id, int64_t user_id, int64_t now);

/* scoring */
int store_score_period_get(struct store *s, struct arena *a, int year, int quarter, struct score_period *out);
int64_t store_score_period_insert(struct store *s, int year, int quarter);
int store_score_periods(struct store *s, struct arena *a, int year, struct score_period **out);
int store_score_publish(struct store *s, int64_t period_id, int64_t by, int64_t now);
int store_score_criteria(struct store *s, struct arena *a, int64_t period_id, struct score_criterion **out);
int64_t store_score_criterion_insert(struct store *s, int64_t period_id, const char *name, int max_tenths,
				     int seq);
int store_score_criterion_get(struct store *s, struct arena *a, int64_t id, struct score_criterion *out);
/* sets (or with tenths < 0 removes) one score */
int store_score_put(struct store *s, int64_t criterion_id, const char *subject, int tenths);
int store_score_entries(struct store *s, struct arena *a, int64_t period_id, struct score_entry **out);
/* the township commissions: units of kind township (id, name) */
int store_township_units(struct store *s, struct arena *a, int64_t **ids, const char ***names);

/* the statistics (store_metric_fn of q_metrics.h): no scope */
#define Q_METRIC_TARGET_SCOPES 0
int store_metric_target_tasks(struct store *db, const struct metric_period *p, const struct metric_scope *sc,
			      int64_t *out);
int store_metric_target_ledgers(struct store *db, const struct metric_period *p,
				const struct metric_scope *sc, int64_t *out);
int store_metric_reminders(struct store *db, const struct metric_period *p, const struct metric_scope *sc,
			   const char *kind, int64_t *out);

#endif
