#ifndef QF_MODEL_REPORT_H
#define QF_MODEL_REPORT_H
/*
 * model/report.h: the record of a report (信访举报) and its dated steps.
 * Plain records, no functions: strings point into the arena the caller
 * passed to the store function that filled them; ids are 0 when absent.
 */
#include <stdint.h>

#include "model/filter.h"

/* A report (信访举报).  `accepted` is the day of the acceptance decision,
 * whether it was accepted or not (state says which). */
struct report {
	int64_t id;
	const char *region;
	const char *received;       /* YYYY-MM-DD */
	const char *channel;        /* letter, visit, phone, online, qr, transfer */
	int real_name;
	const char *category;       /* accusation, appeal, suggestion, other */
	const char *kind;           /* accusation (检举控告), petition (信访), other: its clocks */
	int repeated;               /* a repeated accusation: no acceptance notice due */
	int64_t unit_id;            /* the first accused's unit, 0 when none */
	const char *unit_name;      /* "" when none */
	const char *reporter_enc, *contact_enc, *summary_enc;   /* or NULL */
	const char *state;          /* registered, accepted, not_accepted, transferred, concluded */
	int other_level;            /* belongs to another level: to be transferred */
	const char *accepted;       /* YYYY-MM-DD or NULL (each date below too) */
	const char *accept_note;
	const char *transferred;
	const char *transfer_to;
	const char *concluded;
	const char *notified_accept, *notified_outcome;
	const char *extended;       /* the day the conclusion deadline was extended, or NULL */
	/* the stored due days of its clocks (report_clock.c, migration 0017),
	 * NULL when the clock has not started (or before the fill) */
	const char *accept_due, *transfer_due, *accept_notice_due, *conclude_due,
		*outcome_notice_due;
	const char *forwarded_due;  /* report_forwarded_in (migration 0021) */
	const char *next_due;       /* the earliest due day of a running clock, or NULL */
	int64_t clue_id;            /* the clue made from it, 0 when none */
	const char *accused_names;  /* "张三、李四" */
	int64_t created_by;
	int64_t created_at;
	int64_t updated_at;
};

/* The dated steps of a report after its registration. */
enum report_step {
	REPORT_ACCEPT,              /* 受理 (from registered, own level) */
	REPORT_NOT_ACCEPT,          /* 不予受理 */
	REPORT_TRANSFER,            /* 转送 (from registered, other_level) */
	REPORT_CONCLUDE,            /* 办结 (from accepted) */
	REPORT_NOTIFY_ACCEPT,       /* 受理告知 given to a real-name reporter */
	REPORT_NOTIFY_OUTCOME,      /* 结果反馈 given (after conclusion) */
	REPORT_EXTEND,              /* 延期 of the conclusion deadline (accepted, once) */
	REPORT_N_STEPS
};

/* The report registry's filters (query arguments state, channel,
 * category, kind, unit_id, from, to, overdue). */
struct report_filter {
	struct page_req page;
	int64_t scope_user;         /* set by the domain: 0 all, else this user's units */
	const char *state, *channel, *category, *kind;
	int64_t unit_id;
	const char *day_from, *day_to;  /* received */
	int overdue;                /* only reports with an overdue clock */
	const char *due_before;     /* set by the domain from `overdue`: today */
};
extern const struct filter_spec report_filter_spec;

#endif
