#ifndef QF_MODEL_H
#define QF_MODEL_H
/*
 * model: the plain records that the store fills and the domain checks.
 * No functions here.  Strings point into the arena the caller passed to
 * the store function that filled the record; ids are 0 when absent.
 */
#include <stdint.h>

struct user {
	int64_t id;
	const char *region;
	const char *name;
	const char *display_name;
	const char *role;
	int64_t unit_id;
	const char *unit_name;
	const char *pwhash;
	int disabled;
	const char *totp_secret_enc;
	int totp_enabled;
	int must_change_pw;     /* an administrator set the password */
	int principal;          /* the commission's principal leader (主要负责人) */
	int64_t created_at;
	/* a password reset the system admin asked for, awaiting the security
	 * admin (三员分立): who asked and when; NULL/0 when none */
	const char *pw_pending_by;
	int64_t pw_pending_at;
	/* the last reset of the password by someone else, shown to the user
	 * until they choose their own: who set it (and who approved it, NULL
	 * from the command line) and when; NULL/0 when none */
	const char *pw_reset_by;
	const char *pw_reset_approver;
	int64_t pw_reset_at;
};

struct session {
	const char *token_hash;
	int64_t user_id;
	const char *csrf;
	int stage;              /* SESSION_* */
	int64_t created_at;
	int64_t last_seen;
};

enum { SESSION_OK = 0, SESSION_NEED_TOTP = 1, SESSION_NEED_ENROL = 2 };

struct unit {
	int64_t id;
	int64_t parent_id;
	const char *parent_name;
	const char *region;
	const char *name;
	const char *kind;
	int64_t n_persons;
	int64_t n_children;
	int64_t created_at;
	int64_t updated_at;
};

struct person {
	int64_t id;
	int64_t unit_id;
	const char *unit_name;
	const char *region;
	const char *name;
	const char *position;
	const char *rank;
	int top_leader;
	int leadership;
	int party_member;
	const char *id_number_enc;   /* ciphertext text form, or NULL */
	const char *id_number_mac;   /* keyed hash for exact lookup, or NULL */
	int64_t created_at;
	int64_t updated_at;
};

struct audit_entry {
	int64_t id;
	const char *region;
	int64_t at;
	int64_t user_id;
	const char *user_name;
	const char *role;
	const char *event;
	const char *object;
	int success;
	const char *detail;
	const char *ip;
	const char *prev_mac;
	const char *mac;
	int malformed;          /* stored bytes the fields above cannot show:
				 * a NUL inside a text, a number stored as text */
};

struct campaign {
	int64_t id;
	const char *name;
	const char *start_day, *end_day;   /* YYYY-MM-DD or NULL */
	int64_t created_at;
};

struct clue {
	int64_t id;
	const char *region;
	const char *received;       /* YYYY-MM-DD */
	const char *source;
	const char *source_ref;
	int64_t campaign_id;
	const char *campaign_name;
	int64_t unit_id;            /* the first subject's unit */
	const char *unit_name;
	const char *summary_enc;
	const char *state;
	const char *first_disposed; /* YYYY-MM-DD or NULL */
	const char *subject_names;  /* "张三、李四" (lists) */
	const char *clock_start;    /* the running preliminary verification's start, or NULL */
	const char *handler_office; /* home page: the office that proposed it ("" unknown) */
	int64_t created_by;
	int64_t created_at;
	int64_t updated_at;
};

struct disposition {
	int64_t id;
	int64_t clue_id;
	const char *method;
	const char *reason;
	const char *state;          /* proposed, approved, rejected */
	int64_t proposed_by;
	const char *proposed_by_name;
	int64_t proposed_at;
	const char *decided;        /* YYYY-MM-DD or NULL */
	int64_t decided_by;
	const char *decided_by_name;
	int64_t decided_at;
	const char *decision_note;
};

struct timeline_entry {
	int64_t id;
	int64_t at;
	const char *user_name;
	const char *action;
	const char *detail;
};

/* The filters and page of a list request. */
struct list_query {
	const char *q;          /* free text, "" for none */
	int64_t unit_id;        /* 0 for any */
	const char *kind;       /* unit kind / rank filter, "" for any */
	const char *event;      /* audit: event filter */
	const char *user;       /* audit: user name filter */
	int success;            /* audit: -1 any, 0 failures, 1 successes */
	int64_t from, to;       /* audit: time range, 0 for open */
	const char *state;      /* clues: state, "" for any */
	const char *source;     /* clues: source, "" for any */
	int64_t campaign_id;    /* clues: 0 for any */
	const char *day_from, *day_to;   /* clues: received range, "" for open */
	int overdue;            /* clues: only those with an overdue clock */
	const char *clock_before;  /* set from `overdue`: clocks started on or before it are overdue */
	int offset, limit;
	/* need-to-know: 0 sees all units; else only the units in the scope
	 * of this user id and their descendants */
	int64_t scope_user;
};

/* ---- reports ---- */
/* A report (信访举报).  `accepted` is the day of the acceptance decision,
 * whether it was accepted or not (state says which). */
struct report {
	int64_t id;
	const char *region;
	const char *received;       /* YYYY-MM-DD */
	const char *channel;        /* letter, visit, phone, online, qr, transfer */
	int real_name;
	const char *category;       /* accusation, appeal, suggestion, other */
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

/* The filters of the report registry: lq's state, unit_id, day_from/to,
 * paging and scope, plus these ("" / 0 for any). */
struct report_query {
	struct list_query lq;       /* first: the store casts back to it */
	const char *channel;
	const char *category;
	int overdue;                /* only reports with an overdue clock */
	const char *due_before;     /* set from `overdue`: today (a running clock due before it) */
};


/* ---- cases ---- */

/* A case (立案); dates YYYY-MM-DD or NULL. */
struct case_rec {
	int64_t id;
	const char *region;
	int64_t clue_id, disposition_id, unit_id, campaign_id;
	const char *unit_name, *campaign_name;
	const char *filed, *state;          /* investigating, trial, closed */
	const char *transferred, *trial_accepted, *trial_due, *closed;
	const char *subject_names;          /* "张三、李四" */
	const char *lead_name;              /* "" when nobody leads it yet */
	int64_t created_by, created_at, updated_at;
};

/* A member of a case's handling team (role lead, member, trial). */
struct case_member {
	int64_t user_id;
	const char *name, *role, *office;
	const char *assigned_by_name;
	int64_t assigned_at;
	int64_t override_by;                /* a leader allowed a conflict */
	const char *override_by_name, *override_reason;
};

struct case_note {
	int64_t id, case_id, at;
	const char *user_name;
	const char *text_enc;
};

/* A detention (留置) of one subject; due_day with the extensions. */
struct detention {
	int64_t id, case_id, person_id;
	const char *person_name;
	const char *start_day, *end_day, *due_day;
};

struct detention_ext {
	int64_t id, detention_id;
	const char *kind;                   /* extension, national, recalc */
	int months;
	const char *approved, *approver, *note, *user_name;
	int64_t at;
};

/* A conflict a handler declared: a person or a unit (recusal). */
struct conflict {
	int64_t id, user_id, person_id, unit_id;
	const char *person_name, *unit_name, *note;
	int64_t declared_at;
};

/* The case list's filters: lq's state, unit_id, campaign_id, day_from and
 * day_to (filed), page; team_user: 0 sees every case, else only the cases
 * whose team includes that user; overdue_on: "" off, else the cases with
 * a running detention or trial clock due before that day. */
struct case_query {
	struct list_query lq;
	int64_t team_user;
	const char *overdue_on;
};

/* A running clock of a case, for the home page (kind detention, trial). */
struct case_clock {
	int64_t case_id;
	const char *kind, *start, *due, *unit_name, *person_name, *office;
};


/* ---- outcomes ---- */
/* One person's outcome on one matter (a case or a clue).  measures: the
 * codes joined by ','; bar_until: the first day free of the influence
 * period, "9999-12-31" permanent, NULL none. */
struct outcome {
	int64_t id;
	int64_t person_id;
	const char *person_name;
	int64_t case_id, clue_id;       /* exactly one is set */
	const char *day;
	int form;
	int sanctioned;
	int probation_months;           /* 0: not stated */
	const char *effective;
	const char *bar_until;
	int64_t campaign_id;
	int64_t unit_id;
	const char *unit_name;
	const char *measures;
	int n_executed;                 /* execution items checked off */
	int64_t created_at;
};

/* One checked item of a sanction's execution. */
struct execution_item {
	const char *item;
	const char *done;
	const char *note;
	const char *user_name;
	int64_t at;
};

struct clarification {
	int64_t id;
	int64_t person_id;
	const char *person_name;
	int64_t case_id, clue_id;
	const char *day, *manner, *note;
};

struct followup {
	int64_t id;
	int64_t outcome_id;
	const char *day, *note;
	const char *user_name;
};

struct accountability {
	int64_t id;
	const char *started;
	int64_t unit_id, person_id, campaign_id;
	const char *unit_name, *person_name, *campaign_name;
	const char *summary;
};

struct recovery {
	int64_t id;
	const char *day;
	int64_t amount_fen;
	const char *kind;               /* recovered | returned */
	int64_t campaign_id, case_id;
	const char *campaign_name;
};

/* A case as a person's record lists it. */
struct case_brief {
	int64_t id;
	const char *filed, *state, *closed;
};


#endif
