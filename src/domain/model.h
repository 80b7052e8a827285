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
	int offset, limit;
	/* need-to-know: 0 sees all units; else only the units in the scope
	 * of this user id and their descendants */
	int64_t scope_user;
};

/* ---- reports ---- */


/* ---- cases ---- */


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
