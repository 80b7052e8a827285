#ifndef QF_PERSON_RECORD_H
#define QF_PERSON_RECORD_H
/*
 * person_record: a person's matters as the person page and
 * /api/persons/{id} show them.  Every array is in the actor's arena (c->a).
 */
#include "model/case.h"
#include "model/clue.h"
#include "model/outcome.h"
#include "model/person.h"

struct ctx;

/* What the person page shows of a person's matters (DOMAIN.md section 1):
 * the clues within the jurisdiction, the cases the actor may see (the
 * others are left out, not refused), every outcome with whether its
 * matter is visible, and the influence period running today. */
struct person_record {
	struct clue *clues;
	int n_clues;
	struct case_brief *cases;
	int n_cases;
	struct outcome *outcomes;
	int n_outcomes;
	int *matter_visible;             /* one per outcome */
	const char *influence;           /* as outcome_influence_on, for today */
	int open_case;                   /* a case against the person is open: promotion barred too */
	struct clarification *clars;     /* 澄清正名, with their follow-up visits */
	int n_clars;
	struct followup **clar_visits;   /* one list per clarification */
	int *n_clar_visits;
};

/* 1 filled; 0 when the actor's role does not see a person's record (the
 * case manager, leaders and the clue-reading roles do); -1 on error.
 * Call after person_get (which checks the jurisdiction and audits). */
int person_record_get(struct ctx *c, const struct person *p, struct person_record *rec);

#endif
