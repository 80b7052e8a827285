#ifndef QF_CMD_DEMO_MATTER_H
#define QF_CMD_DEMO_MATTER_H
/*
 * demo_matter.h: what the two halves of the demo year's matters share:
 * demo_matters.c (the groups of matters, reports, clues, the paths that
 * end without a case) and demo_cases.c (cases, detentions, outcomes,
 * recoveries).  A group is a row of demo_matters.c's groups[]; a matter
 * is one clue of it being written.  Private to src/cmd/demo*.c.
 */
#include "cmd/demo.h"

#define OPEN 9                  /* closed: still open at the end of the year */
#define G_DETAIN   1            /* the first case's first subject is detained */
#define G_TRANSFER 2            /* the first case is transferred to prosecution */
#define G_TRIAL    4            /* open cases: every other one is in trial review */

enum path {
	P_CASE,         /* [talk_inquiry ->] preliminary_verification -> file_case: a case */
	P_SUPERVISION,  /* daily supervision finding, closed; first-form treatment of each subject */
	P_INQUIRY,      /* talk_inquiry [-> talk_inquiry] -> close: inquiry_closed */
	P_VERIFIED,     /* [talk_inquiry ->] preliminary_verification -> close: verification_closed */
	P_CLOSE,        /* close: no ground, no outcome */
	P_SHELVE,       /* shelve pending */
	P_UNFOUNDED,    /* preliminary_verification -> close, found untrue: no outcome */
	P_RUNNING,      /* [talk_inquiry ->] preliminary_verification still running at year end */
};

enum result {
	R_NONE,         /* no outcome (a case dropped: the subject cleared) */
	R_SANCTION,     /* a party or government sanction, or both, as the subject allows */
	R_PARTY,        /* a party sanction */
	R_SEVERE,       /* judicial transfers: expulsion and criminal liability, or probation */
	R_FORM2,        /* an organisational measure of the second form, no sanction */
	R_FORM1,        /* filed, then exempted from sanction with first-form treatment */
};

/* A kind of matter: how many clues take which path, with what. */
struct group {
	const char *what;
	int n;                  /* clues */
	enum path path;
	const char *campaign;   /* demo_org.c code */
	const char *source;     /* NULL: drawn (report mostly) */
	const char *category;   /* NULL: drawn (never eight_rules) */
	enum demo_pool pool;
	const char *tag;        /* subjects from units of this campaign field, NULL: any */
	const char *subjects;   /* subjects per clue, cycled */
	int disposed, filed, closed, decided;   /* year offsets; closed OPEN */
	enum result result;
	int twice;              /* every twice-th clue is disposed twice (a talk first); 0 never */
	int flags;
	const char *recover_kind;       /* recoveries spread over the first cases */
	int64_t recover_fen;
	int recover_rows;
	int followups;          /* the first subject of the first so many matters is visited */
	int clarified;          /* the first subject of the first so many is cleared (澄清正名) */
};

/* the draw of sources: clues still to draw, inspection transfers still to place */
struct draws {
	int left, inspection;
};

/* One clue of a group being written, with its days. */
struct matter {
	const struct group *g;
	struct draws *draws;
	int index;                      /* within the group */
	int subj[4], n_subj;
	const char *category, *source;
	char clue[16], kase[16];
	qf_day received, talk, pv, first, filed, decided, closed, transferred, trial, detained;
	qf_day final;                   /* the day the matter ended in the year, or 0 */
};

/* demo_matters.c: the subjects as a JSON list of file ids; an approved
 * disposition; the clue (with its report when it comes from one) */
json_t *demo_subject_list(struct demo *d, const struct matter *m);
void demo_disposition(struct demo *d, const char *clue, qf_day day, const char *method);
void demo_clue(struct demo *d, struct matter *m);

/* demo_cases.c: a clue that becomes a case, with its decisions, detention,
 * outcomes and its share of the group's recoveries (left, weights: the
 * group's running split); one outcome (its file id into id, returned);
 * first-form measures of daily supervision. */
void demo_case(struct demo *d, struct matter *m, int twice, int64_t *left, int64_t *weights);
const char *demo_outcome(struct demo *d, const struct matter *m, int person, qf_day day, const char *measures,
			 char id[16]);
/* The follow-up visit (回访) of the matter's first subject's outcome, and
 * the clarification (澄清正名) of its first subject, when the group has
 * them for this matter (demo_matters.c). */
void demo_followup(struct demo *d, const struct matter *m, const char *outcome, qf_day decided);
void demo_clarification(struct demo *d, const struct matter *m);
const char *demo_first_form(struct demo *d);

#endif
