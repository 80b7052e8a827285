#ifndef QF_MODEL_OPINION_H
#define QF_MODEL_OPINION_H
/*
 * model/opinion.h: integrity opinion replies (党风廉政意见回复, issue 15):
 * the organisation department's request, its cadres (lines), the facts the
 * check finds for a line, and the list's filter.  Text in the caller's
 * arena; days are "YYYY-MM-DD" (China Standard Time).
 */
#include <stdint.h>

#include "model/filter.h"

struct opinion_request {
	int64_t id;
	const char *letter_no;      /* the organisation department's letter number (来函文号) */
	const char *requester;      /* who asks: the addressee of the reply (中共XX县委组织部) */
	const char *received;       /* the day the request arrived */
	const char *purpose;        /* opinion_purposes code: promotion, award, ... */
	const char *due;            /* the reply's due day, NULL none */
	const char *reply_day;      /* the day the check ran on (the reply's date), NULL before */
	const char *state;          /* draft, checked, confirmed, replied */
	const char *number;         /* the reply letter's number, NULL before it is replied */
	const char *replied;        /* the day it was replied, NULL before */
	int64_t created_by;
	int64_t n_lines;            /* computed: the cadres */
	int64_t n_pending;          /* computed: lines not matched (draft) or not confirmed (checked) */
	const char *ext_id;
	const char *extra;
};

struct opinion_line {
	int64_t id;
	int64_t request_id;
	int line_no;
	const char *name;           /* as the request gave them */
	const char *unit_name;
	const char *position;
	const char *id_mac;         /* the keyed MAC of the ID number given, NULL none */
	int64_t person_id;          /* 0: not matched */
	const char *person_name;    /* the matched person's, "" none */
	const char *person_unit;
	const char *person_position;
	const char *matched;        /* id, name, chosen, created, none, ambiguous, no_record */
	int candidates;             /* persons of that name in a unit of that name */
	const char *proposed;       /* opinion_codes code, NULL before the check */
	const char *reason;         /* the facts behind the proposal */
	const char *opinion;        /* the confirmed opinion, NULL not yet */
	const char *note;           /* the staff's reason when it differs from the proposal */
	int64_t confirmed_by;
};

/* a line as uploaded or pasted, before it is stored */
struct opinion_in {
	int line_no;                /* in the text, for the messages */
	const char *name;
	const char *unit_name;
	const char *position;
	const char *id_number;      /* "" none; only its MAC is kept */
	const char *id_mac;         /* set by the domain */
};

/* one fact the check found for a line (the whole request in one statement) */
enum opinion_fact_kind { OPF_CASE = 1, OPF_CLUE = 2, OPF_REPORT = 3, OPF_OUTCOME = 4 };
struct opinion_fact {
	int64_t line_id;
	int kind;                   /* enum opinion_fact_kind */
	int64_t ref;                /* the case, clue, report or outcome */
	const char *day;            /* filed, received, or the outcome's effective day */
	const char *until;          /* an outcome's bar_until ("" none) */
	int sanctioned;             /* an outcome with a party or government sanction */
	const char *measure;        /* an outcome's measure code (a row per measure) */
};

/* a line's proposal, written back for the whole request at once */
struct opinion_proposal {
	int64_t line_id;
	const char *code;
	const char *reason;
};

struct opinion_filter {
	struct page_req page;
	int state;                  /* 0 any, else 1 + index in opinion_states */
	const char *received_from, *received_to;
	const char *replied_from, *replied_to;  /* the day replied (the statistics' list) */
	const char *state_code;     /* set by the domain, "" any */
};
extern const struct filter_spec opinion_filter_spec;

#endif
