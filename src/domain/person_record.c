/*
 * person_record.c: a person's record (DOMAIN.md section 1): the clues
 * within the actor's jurisdiction, the cases the actor may see, every
 * outcome with whether its matter is visible, the clarifications (澄清正名)
 * with their follow-up visits, and the influence period running today.
 *
 * Guarantees: the cases are filtered in SQL (need-to-know), so listing
 * never audits a denial; an outcome of a hidden matter is listed as the
 * sanction without its matter (matter_visible 0); roles that do not read
 * records get nothing.
 */
#include "domain/person_record.h"

#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/authz.h"
#include "domain/case_access.h"
#include "domain/ctx.h"
#include "domain/outcome.h"
#include "domain/role.h"
#include "store/q_outcomes.h"

int person_record_get(struct ctx *c, const struct person *p, struct person_record *rec)
{
	char today[11];

	memset(rec, 0, sizeof(*rec));
	if (!case_sees_all(c) && !authz_has(&c->who, PERM_CLUE_READ))
		return 0;
	rec->n_clues = store_clues_of_person(c->db, c->a, p->id, authz_scope_user(c), &rec->clues);
	rec->n_cases = store_cases_of_person(c->db, c->a, p->id, case_sees_all(c), c->who.id, &rec->cases);
	rec->n_outcomes = store_outcomes_of_person(c->db, c->a, p->id, &rec->outcomes);
	if (rec->n_clues < 0 || rec->n_cases < 0 || rec->n_outcomes < 0)
		return -1;
	rec->matter_visible = arena_zalloc(c->a, sizeof(int) * (size_t)(rec->n_outcomes + 1));
	for (int i = 0; i < rec->n_outcomes; i++) {
		const struct outcome *o = &rec->outcomes[i];
		for (int j = 0; o->case_id && j < rec->n_cases; j++)
			rec->matter_visible[i] |= rec->cases[j].id == o->case_id;
		for (int j = 0; o->clue_id && j < rec->n_clues; j++)
			rec->matter_visible[i] |= rec->clues[j].id == o->clue_id;
		/* a talk (0059): its unit is the person's jurisdiction, which the
		 * record's reader has; the talk itself needs the supervision reading */
		if (o->supervision_id)
			rec->matter_visible[i] = authz_has(&c->who, PERM_SUPERVISION_READ);
	}
	/* while a case is open promotion is barred (DOMAIN.md section 3): a
	 * fact of the person, shown without the case to those who may not see it */
	rec->open_case = store_person_open_cases(c->db, p->id) > 0;
	rec->n_clars = store_clarifications_of_person(c->db, c->a, p->id, &rec->clars);
	if (rec->n_clars < 0)
		return -1;
	rec->clar_visits = arena_zalloc(c->a, sizeof(*rec->clar_visits) * (size_t)(rec->n_clars + 1));
	rec->n_clar_visits = arena_zalloc(c->a, sizeof(int) * (size_t)(rec->n_clars + 1));
	for (int i = 0; i < rec->n_clars; i++) {
		rec->n_clar_visits[i] = store_followups_of_clarification(c->db, c->a, rec->clars[i].id,
									 &rec->clar_visits[i]);
		if (rec->n_clar_visits[i] < 0)
			return -1;
	}
	rec->influence = outcome_influence_on(rec->outcomes, rec->n_outcomes,
					      date_format(date_today(), today));
	if (rec->influence)
		rec->influence = arena_strdup(c->a, rec->influence);
	return 1;
}
