#ifndef QF_MODEL_TALK_H
#define QF_MODEL_TALK_H
/*
 * model/talk.h: daily supervision's first records (issue 15): personal
 * matter reports (重大事项报告), talks (谈话) and their editable kinds, and
 * the two lists' filters.  Text in the caller's arena; days "YYYY-MM-DD"
 * (China Standard Time).
 */
#include <stdint.h>

#include "model/filter.h"

/* a row of the editable kinds (supervision_kinds) */
struct sup_kind {
	const char *family;         /* matter_report, talk */
	const char *code;
	const char *label;
	int builtin;
};

struct matter_report {
	int64_t id;
	int64_t person_id;
	const char *person_name;
	int64_t unit_id;            /* the person's unit when recorded */
	const char *unit_name;
	const char *kind;           /* supervision_kinds of family matter_report */
	const char *event_day;      /* the wedding, funeral, celebration */
	const char *reported;       /* the day the report was received */
	int64_t guests, tables;     /* scale: guests, tables (桌数) */
	int public_funds;           /* public funds used (1) */
	int public_vehicles;        /* public vehicles used (1) */
	const char *note;
	const char *state;          /* received, checked, concern */
	const char *checked_on;     /* NULL: not checked */
	const char *due;            /* computed: the 30-day clock's due day */
	int late;                   /* computed: reported after due */
	const char *ext_id, *extra;
};

struct talk {
	int64_t id;
	const char *kind;           /* supervision_kinds of family talk */
	const char *day;
	int64_t person_id;          /* 0: a unit's own talk counted without names */
	const char *person_name;
	int64_t unit_id;
	const char *unit_name;
	int64_t persons;            /* 人次: 1 with a person */
	int unit_led;               /* the unit's leader talked (督促各单位负责人) */
	int64_t talker_id;          /* 0: talker_name */
	const char *talker_name;    /* the account's name, or the leader's typed name */
	const char *note;           /* clear text (decrypted for the reader), "" none */
	const char *note_enc;
	int64_t outcome_id;         /* the first-form outcome recorded on it, 0 none */
	const char *ext_id, *extra;
};

struct matter_report_filter {
	struct page_req page;
	int64_t scope_user;
	int64_t within;
	int64_t person_id;
	const char *kind;
	int state;                  /* 0 any, 1 received, 2 checked, 3 concern */
	const char *reported_from, *reported_to;
};
extern const struct filter_spec matter_report_filter_spec;

struct talk_filter {
	struct page_req page;
	int64_t scope_user;
	int64_t within;
	int64_t person_id;
	const char *kind;
	int unit_led;               /* 1: unit-led only */
	const char *day_from, *day_to;
};
extern const struct filter_spec talk_filter_spec;

#endif
