#ifndef QF_MODEL_INSPECTION_H
#define QF_MODEL_INSPECTION_H
/*
 * model/inspection.h: the inspections' records (巡察, issue 14; migration
 * 0055): a round, an inspection of one organisation by one group in a
 * round, and the group's members.  Text in the caller's arena; days are
 * "YYYY-MM-DD" (China Standard Time), NULL for a day not yet known.
 */
#include <stdint.h>

struct inspection_round {
	int64_t id;
	int year;
	int number;                 /* 第N轮, within the year */
	const char *name;
	const char *starts;
	const char *ends;           /* NULL: not closed */
	const char *ext_id;         /* interchange id, NULL none */
	const char *extra;          /* interchange unknown fields, NULL none */
};

struct inspection {
	int64_t id;
	int64_t round_id;
	const char *round_name;
	int64_t unit_id;            /* the organisation inspected */
	const char *unit_name;
	const char *kind;           /* inspection_kinds code: regular, special, elevated, mobile, village */
	const char *group_name;     /* 巡察组: 第一巡察组 ... */
	int64_t leader_id;          /* 组长, 0 none yet */
	const char *leader_name;
	const char *entered;        /* 进驻 */
	const char *left_on;        /* 撤离 */
	const char *feedback;       /* 反馈: the rectification report's clock starts */
	const char *report_due;     /* computed from feedback (clock inspection_report) */
	const char *reported;       /* 整改情况报告 received */
	const char *note;
	const char *ext_id;
	const char *extra;
};

struct inspection_member {
	int64_t inspection_id;
	int64_t user_id;
	const char *name;           /* the user's display name */
	const char *home_office;    /* a lent member's office, "" own staff */
	int64_t override_by;        /* the leader who let a member with an `other`
				       recusal ground join, 0 none */
	const char *override_reason;    /* his reason, "" none */
};

/* A clue transferred (移交问题线索) and what became of it. */
struct inspection_clue {
	int64_t id;
	const char *clue_no;        /* NULL on a clue without a number */
	const char *received;
	const char *state;          /* the clue's state code */
	const char *method;         /* the latest approved disposition's method, NULL none */
};

/* A round's figures (the annual report's): organisations inspected,
 * problems found, of them top-leader ones, clues transferred, staff lent
 * (distinct users with a home office on the round's groups), groups (巡察组
 * other than a special inspection's: a special group is named apart). */
struct inspection_figures {
	int64_t organisations, problems, top_leader, clues, lent, groups;
};

#endif
