#ifndef QF_MODEL_WORKLOG_H
#define QF_MODEL_WORKLOG_H
/*
 * model/worklog.h: the work log (工作台账) and the document register
 * (收发文登记), issue 15: the catalog's kinds, one activity, one
 * registered document, and the two lists' filters.  Text in the caller's
 * arena; days are "YYYY-MM-DD" (China Standard Time).
 */
#include <stdint.h>

#include "model/filter.h"

/* one kind of the editable catalog (activity_kinds) */
struct activity_kind {
	const char *code;           /* English: study_first_topic */
	const char *name;           /* Chinese: 第一议题学习 */
	const char *unit;           /* the unit of count: 次, 期, 份, 篇, 人次 ... */
	int participants;           /* 1: participants (人次) are recorded */
	int active;                 /* 0: no new entries of the kind */
	int seq;
};

struct activity {
	int64_t id;
	const char *kind;
	const char *kind_name;      /* from the catalog */
	const char *kind_unit;
	const char *day;
	int64_t count;              /* >= 1 */
	int64_t participants;       /* 人次, 0 not recorded */
	int64_t unit_id;            /* 0: the commission itself */
	const char *unit_name;      /* "" for 0 */
	const char *office;         /* the office that recorded it */
	const char *title;
	const char *note;
	int64_t campaign_id;        /* 0 none */
	const char *campaign_name;
	const char *category;       /* a violation category code, NULL none */
	const char *ext_id, *extra;
};

struct activity_filter {
	struct page_req page;
	const char *kind;           /* a catalog code, "" any */
	const char *from, *to;      /* the period of `day` */
	int64_t within;             /* the unit and those below it */
	int64_t campaign_id;
	const char *category;
	const char *q;              /* in the title */
	int64_t scope_user;         /* set by the domain: a scoped user sees the
				       commission's own entries and his units' */
};
extern const struct filter_spec activity_filter_spec;

/* a registered document */
struct regdoc {
	int64_t id;
	const char *direction;      /* in, out */
	const char *number;         /* 青纪发〔2022〕5号; "" none */
	const char *title;          /* NULL when the reader may not see it (secret) */
	const char *secrecy;        /* public, internal, secret, confidential */
	const char *day;
	const char *counterpart;    /* from whom (in), to whom (out) */
	const char *state;          /* registered, circulating, filed */
	const char *handler;
	const char *due;            /* NULL: no answer needed (received only) */
	const char *office;         /* the registering office */
	int hidden;                 /* 1: title withheld from this reader */
	const char *ext_id, *extra;
};

struct regdoc_filter {
	struct page_req page;
	int direction;              /* 0 any, 1 in, 2 out */
	int state;                  /* 0 any, 1 registered, 2 circulating, 3 filed */
	const char *from, *to;
	const char *q;              /* in the number, and the title where the reader may see it */
	/* set by the domain: who reads (secret titles) */
	int see_all;                /* a leader: every title */
	const char *office;         /* the reader's office: its own secret entries */
};
extern const struct filter_spec regdoc_filter_spec;

#endif
