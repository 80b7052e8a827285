#ifndef QF_OUTCOME_H
#define QF_OUTCOME_H
/*
 * outcome: what one person receives for one matter (a case or a clue; a
 * daily-supervision record: a talk, domain/talk.h) (DOMAIN.md section 3): at most
 * one per person and matter.  Its measures each have their own decision
 * date (a party sanction its approval date, a government sanction its
 * decision date); `day` is the first decision, in whose period it counts.
 * The form (四种形态) comes from the form table in force on that day
 * (measures.c) and `sanctioned` from the measures, never typed; the end
 * of the influence period (bar_until) from the influence periods, each
 * measure from its own date (sanction.c).  The rules of sanction.c
 * (one party and one government sanction, party members, village
 * managers, the stated period of several violations) are checked here for
 * the pages and the API and in ix_outcome.c for import.
 *
 * Access: recording needs the matter: a case through need-to-know
 * (case_access: its team, or the case manager and leaders), a clue
 * through its jurisdiction.  Every write lands on the matter's timeline
 * and in the audit log (the step only: no names, no measures) in the same
 * transaction.
 *
 * Writes and lookups answer a result (domain/result.h): an id or RES_DONE,
 * RES_NOT_FOUND, RES_INVALID with the messages in fe, RES_STORE.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/fielderr.h"
#include "model/case.h"
#include "model/clue.h"
#include "model/outcome.h"
#include "model/person.h"

struct ctx;
struct arena;
struct store;

#define OUTCOME_MAX_MEASURES 24
#define OUTCOME_PERMANENT "9999-12-31"

struct outcome_input {
	int64_t person_id;
	int64_t case_id;                 /* exactly one of case_id, clue_id, supervision_id */
	int64_t clue_id;
	int64_t supervision_id;          /* a talk (domain/talk.h): exactly one of the three */
	const char *day;                 /* YYYY-MM-DD: the first decision */
	const char *effective;           /* "" or NULL: the day (default of the two below) */
	const char *party_decided;       /* the party sanction's approval date ("": effective) */
	const char *gov_decided;         /* the government sanction's decision date ("": effective) */
	int gov_violations;              /* violations of one kind it sanctions (0: 1) */
	int gov_months;                  /* the stated period when several (0: not stated) */
	const char *measures[OUTCOME_MAX_MEASURES];
	int n_measures;
	int probation_months;            /* party_probation: 12 or 24 */
	int64_t existing_id;             /* out: the outcome already recorded (refused) */
};

struct measure_decision;
/* The measures of in with their decision dates and periods (unparsable
 * dates as QF_DAY_NONE): their count. */
int outcome_input_decisions(const struct outcome_input *in, struct measure_decision *out);

/*
 * Moves the clue's outcomes to the case filed on it, inside the filing's
 * transaction (case_file calls it), with a timeline entry on the case.
 * 0 or -1.
 */
int outcome_move_to_case(struct ctx *c, struct store *s, int64_t clue_id, int64_t case_id);

/* The matter an outcome or a clarification is recorded on, once the actor
 * is known to may work on it. */
struct outcome_matter {
	int64_t case_id, clue_id;
	int64_t campaign_id;
	const char *object;              /* "case/N" or "clue/N" */
	struct person *subjects;
	int n_subjects;
};

/*
 * Opens the matter for writing: 1 with m filled; 0 when it does not exist
 * or the actor may not see it (a refusal is audited: answer 404); -1 with
 * fe (neither or both given, a clue not yet disposed); RES_STORE.
 */
int outcome_matter_open(struct ctx *c, int64_t case_id, int64_t clue_id, struct outcome_matter *m,
			struct fielderr *fe);

/* The person among the matter's subjects, or NULL. */
const struct person *outcome_matter_subject(const struct outcome_matter *m, int64_t person_id);

/* Records an outcome: its id; RES_INVALID with fe; 0 when the matter is not
 * visible; RES_STORE. */
int64_t outcome_record(struct ctx *c, const struct outcome_input *in, struct fielderr *fe);

/* RES_DONE found and visible (the read audited), RES_NOT_FOUND absent or denied, RES_STORE.
 * Visible: to those who may see its matter, and for a sanction to the
 * execution roles (PERM_EXECUTION) within its unit. */
int outcome_get(struct ctx *c, int64_t id, struct outcome *o);
/* 1 when the actor may work on the outcome's matter (a refusal audited). */
int outcome_matter_access(struct ctx *c, const struct outcome *o);
/* The outcomes of a case (case_id) or else of a clue, by day, when the
 * actor may see that matter: their count (0 too when it may not, the
 * refusal audited), < 0 on error. */
int outcome_list_of_matter(struct ctx *c, int64_t case_id, int64_t clue_id, struct outcome **out);

/* The measures of the outcome (ended ones too) by decision date: their
 * count, < 0 on error.  The caller has read the outcome (outcome_get). */
int outcome_measures_of(struct ctx *c, int64_t outcome_id, struct outcome_measure **out);

/* Once after migration 0018 (settings outcome_periods_filled = 0): the
 * influence period of every outcome computed again under the periods in
 * force (诫勉 and the organisational measures, each sanction from its own
 * date, no chain rule); sets it to 1.  0 or -1. */
int outcome_periods_fill(struct ctx *c);

/* "第二种形态" */
const char *outcome_form_label(int form);
/* The Chinese names of measures ("警告、诫勉", in the order of the measure
 * table) from codes joined by ','. */
void outcome_measures_text(struct strbuf *sb, const char *codes);

/* Splits codes joined by ',' (an arena copy) into out: their count. */
int outcome_codes(struct arena *a, const char *codes, const char **out, int max);

/* The influence period running on `day` among these outcomes: NULL when
 * none, OUTCOME_PERMANENT, or the latest bar_until of a running one. */
const char *outcome_influence_on(const struct outcome *v, int n, const char *day);

#endif
