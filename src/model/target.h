#ifndef QF_MODEL_TARGET_H
#define QF_MODEL_TARGET_H
/*
 * model/target.h: the records of the target tasks family (issue 14, the
 * four systems 四个体系): ledgers (台账), tasks with their progress notes,
 * work reminders (工作提示) with their recipients, and the scoring periods,
 * criteria and scores (季度和年终考核, 晾晒).  Plain records, no functions:
 * strings point into the arena the caller passed to the store function
 * that filled them; ids are 0 when absent; days are YYYY-MM-DD.
 */
#include <stdint.h>

#include "model/filter.h"

/* A ledger (台账) of a year. */
struct target_ledger {
	int64_t id;
	int year;
	const char *name;
	int64_t tasks;          /* how many tasks it holds (lists only) */
};

/* An entry of an editable code table (aspects, reminder kinds). */
struct target_code {
	const char *code, *label;
	int seq;
};

/* A task.  The state is derived (domain/target.h target_state). */
struct target_task {
	int64_t id;
	int64_t ledger_id;
	const char *ledger_name;
	int ledger_year;
	const char *aspect;         /* target_aspects.code */
	const char *aspect_label;
	const char *title;
	int64_t leader_id;          /* 0 none */
	const char *leader_name;    /* "" none */
	const char *office;         /* "" none */
	const char *deadline;
	const char *started, *done; /* NULL: not yet */
};

/* A dated progress note. */
struct target_note {
	int64_t id;
	int64_t task_id;
	const char *day;
	const char *user_name;
	const char *text;
	int64_t at;
};

/* The task list: ledger, aspect, office, state (1 未开始, 2 推进中,
 * 3 已完成, 4 逾期), overdue (a flag: state 4), today (set by the domain:
 * the day the state is computed on), leader (the to-do: tasks of that
 * leader or of `mine_office`), due_before (the to-do: not done, deadline
 * at most that day). */
struct target_filter {
	struct page_req page;
	int64_t ledger;
	const char *aspect;
	const char *office;
	int state;
	int overdue;
	const char *year_text;      /* the query's year, as typed */
	int year;                   /* 0 any; set by the domain from year_text */
	const char *today;
	int64_t mine_leader;
	const char *mine_office;
	const char *due_before;
};
extern const struct filter_spec target_filter_spec;

/* A work reminder (工作提示). */
struct reminder {
	int64_t id;
	const char *kind;
	const char *kind_label;
	int year;
	int64_t seq;
	const char *number;         /* 〔2022〕第3期 */
	const char *title, *body;
	const char *issued;
	const char *issuer_name;
	int64_t recipients, acked;  /* counts */
	int64_t acked_at;           /* the reader's own ack (0 not yet, -1 not a recipient) */
};

/* One recipient of a reminder and whether they acknowledged. */
struct reminder_recipient {
	int64_t user_id;
	const char *name, *display, *office;
	int64_t acked_at;           /* 0 not yet */
};

/* The reminder list: kind, year; mine (only those issued to the user
 * `mine`, 0 all) and unacked (only those the user has not acknowledged). */
struct reminder_filter {
	struct page_req page;
	const char *kind;
	const char *year_text;      /* the query's year, as typed */
	int year;                   /* 0 any; set by the domain from year_text */
	int64_t mine;
	int unacked;
};
extern const struct filter_spec reminder_filter_spec;

/* A scoring period: quarter 1-4, or 0 the year end. */
struct score_period {
	int64_t id;
	int year, quarter;
	int64_t published_at;       /* 0 not yet */
	const char *publisher_name;
};

struct score_criterion {
	int64_t id;
	int64_t period_id;
	const char *name;
	int max_tenths;
	int seq;
};

/* One entered score: a subject's points on a criterion, in tenths. */
struct score_entry {
	int64_t criterion_id;
	const char *subject;        /* office:<name> or unit:<id> */
	int tenths;
};

#endif
