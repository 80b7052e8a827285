/*
 * ix_outcome.c: the rules an imported outcome keeps, the same as the
 * pages' (outcome.c, sanction.c): one outcome per person and matter, known
 * measures given once, at most one party and one government sanction,
 * party sanctions for party members only, village managers only the three
 * lighter government sanctions, the stated period of several violations;
 * and what it computes instead of reading: its form by the form table in
 * force on its date, `sanctioned`, its influence period's end (each
 * sanction from its own decision date), the subject's snapshot, and each
 * measure's decision date in outcome_measures (ix_outcome_after).
 *
 * Records made under the old rules: an outcome on a clue that was since
 * filed as a case is converted exactly (it belongs to the case); a
 * 留党察看 without its months gets 12 (the old default); a second outcome
 * of one person on one matter, or two sanctions of one kind, is refused
 * with the rule's message (which of them is right is a decision, not a
 * conversion).
 */
#include "domain/interchange.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/appeal.h"
#include "domain/ctx.h"
#include "domain/execution.h"
#include "domain/measures.h"
#include "domain/outcome.h"
#include "domain/sanction.h"
#include "domain/txmemo.h"
#include "store/q_interchange.h"
#include "model/clue.h"
#include "model/person.h"
#include "store/q_cases.h"
#include "store/q_clues.h"
#include "store/q_outcomes.h"
#include "store/q_persons.h"

#define PROBATION_DEFAULT 12    /* 留党察看 without stated months: one year */

static void set(struct ix_val *v, int64_t i, const char *s)
{
	v->set = 1;
	v->i = i;
	v->s = s;
}

/* The case filed on the clue: > 0, 0 none, < 0 error. */
static int64_t case_of_clue(struct ix *ix, int64_t clue)
{
	struct store_ix_value b = { 1, clue, NULL };

	return store_ix_run(ix_ctx(ix)->db, store_ix_sql("SELECT COALESCE(min(id), 0) FROM cases WHERE clue_id = ?"),
			    &b, 1);
}

/* The outcome input of the record, for the shared rules. */
static void input_of(struct ix *ix, struct ix_val *v, struct outcome_input *in)
{
	struct ix_val *measures = &v[ix_field(ix, "measures")];

	memset(in, 0, sizeof(*in));
	in->day = v[ix_field(ix, "date")].s;
	in->party_decided = v[ix_field(ix, "party_decided")].s;
	in->gov_decided = v[ix_field(ix, "gov_decided")].s;
	in->gov_violations = v[ix_field(ix, "gov_violations")].set ? (int)v[ix_field(ix, "gov_violations")].i : 0;
	in->gov_months = v[ix_field(ix, "gov_months")].set ? (int)v[ix_field(ix, "gov_months")].i : 0;
	in->probation_months = v[ix_field(ix, "probation_months")].set ? (int)v[ix_field(ix, "probation_months")].i : 0;
	for (int i = 0; i < measures->n && i < OUTCOME_MAX_MEASURES; i++)
		in->measures[in->n_measures++] = measures->codes[i];
}

/* A decision date, if given: from the outcome's date on. */
static int check_decided(struct ix *ix, struct ix_val *v, const char *field)
{
	const char *d = v[ix_field(ix, field)].s;

	if (v[ix_field(ix, field)].set && d && strcmp(d, v[ix_field(ix, "date")].s) < 0)
		return ix_fail(ix, field, "%s is before the outcome's date (its first decision)", field);
	return 0;
}

int ix_outcome_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct ix_val *measures = &v[ix_field(ix, "measures")], *months = &v[ix_field(ix, "probation_months")];
	struct ix_val *kase = &v[ix_field(ix, "case")], *clue = &v[ix_field(ix, "clue")];
	struct ix_val *talk = &v[ix_field(ix, "talk")];
	const char *day = v[ix_field(ix, "date")].s;
	int64_t person = v[ix_field(ix, "person")].i, unit, existing;
	const struct form_table *ft = ix_forms(ix);
	const struct period_table *pt = ix_periods(ix);
	struct measure_decision dec[OUTCOME_MAX_MEASURES];
	struct outcome_input in;
	struct fielderr fe = { 0 };
	struct person p;
	struct influence inf;
	int probation = 0, form, rc, n;
	char buf[11];

	if (!ft || !pt)
		return -1;
	if (kase->set + clue->set + talk->set != 1)
		return ix_fail(ix, "case", "exactly one of case, clue and talk is required");
	if (clue->set) {        /* old rule: a clue's outcome once filed belongs to the case */
		int64_t k = case_of_clue(ix, clue->i);
		if (k < 0)
			return -1;
		if (k > 0) {
			set(kase, k, NULL);
			clue->set = 0;
		}
	}
	if (measures->n > OUTCOME_MAX_MEASURES)
		return ix_fail(ix, "measures", "more than %d measures", OUTCOME_MAX_MEASURES);
	for (int i = 0; i < measures->n; i++) {
		if (!measure_find(measures->codes[i]))
			return ix_fail(ix, "measures", "\"%s\" is not a measure (DOMAIN.md section 3)",
				       measures->codes[i]);
		probation |= !strcmp(measures->codes[i], "party_probation");
	}
	form = outcome_form(ft, measures->codes, measures->n, date_parse(day));
	if (form < 1)
		return ix_fail(ix, "measures", "a measure is given twice or has no form in force on %s", day);
	if (!probation)
		months->set = 0;
	else if (!months->set)
		set(months, PROBATION_DEFAULT, NULL);
	else if (months->i != 12 && months->i != 24)
		return ix_fail(ix, "probation_months", "party_probation lasts 12 or 24 months");
	if (check_decided(ix, v, "party_decided") < 0 || check_decided(ix, v, "gov_decided") < 0)
		return -1;
	rc = store_person_get(c->db, c->a, person, &p);
	if (rc <= 0)
		return rc < 0 ? -1 : ix_fail(ix, "person", "no such person");
	input_of(ix, v, &in);
	n = outcome_input_decisions(&in, dec);
	sanction_rules_check(c->a, pt, dec, n, &(struct sanction_subject){ p.rank, p.party_member }, &fe);
	if (fe.n)
		return ix_refuse(ix, &fe, NULL);
	if (talk->set && form != 1)
		return ix_fail(ix, "measures", "an outcome on a talk is first-form treatment (DOMAIN.md section 3)");
	rc = store_outcome_find(c->db, person, kase->set ? kase->i : 0, clue->set ? clue->i : 0,
				talk->set ? talk->i : 0, &existing);
	if (rc < 0)
		return -1;
	if (rc > 0)
		return ix_fail(ix, "person", "the person has an outcome on this matter already (outcome %" PRId64
			       "): one person, one matter, one outcome", existing);
	for (int i = 0; i < n; i++) {      /* the decision dates stored, as the pages store them */
		enum measure_kind k = measure_find(dec[i].code)->kind;
		struct ix_val *d = &v[ix_field(ix, k == MEASURE_PARTY ? "party_decided" : "gov_decided")];
		if ((k == MEASURE_PARTY || k == MEASURE_GOV) && !d->set)
			set(d, 0, day);
	}
	rc = outcome_influence(pt, dec, n, &inf);
	if (rc < 0)
		return ix_fail(ix, "measures", "no influence period can be computed for these measures");
	if (rc == 1 && inf.permanent)
		set(&v[ix_field(ix, "bar_until")], 0, OUTCOME_PERMANENT);
	else if (rc == 1 && inf.end != QF_DAY_NONE)
		set(&v[ix_field(ix, "bar_until")], 0, arena_strdup(c->a, date_format(inf.end, buf)));
	set(&v[ix_field(ix, "form")], form, NULL);
	set(&v[ix_field(ix, "sanctioned")], outcome_has_sanction(measures->codes, measures->n), NULL);
	set(&v[ix_field(ix, "effective")], 0,
	    rc == 1 ? arena_strdup(c->a, date_format(inf.start, buf)) : day);
	unit = ix_person_unit(ix, person);
	if (unit < 0)
		return -1;
	set(&v[ix_field(ix, "unit_id")], unit, NULL);
	set(&v[ix_field(ix, "subject_rank")], 0, p.rank);
	set(&v[ix_field(ix, "subject_top_leader")], p.top_leader, NULL);
	set(&v[ix_field(ix, "subject_leadership")], p.leadership, NULL);
	set(&v[ix_field(ix, "subject_party_member")], p.party_member, NULL);
	return 0;
}

/* Each measure's decision date and period, as outcome_input_decisions
 * gives them (the link rows were written without). */
int ix_outcome_after(struct ix *ix, struct ix_val *v, int64_t id)
{
	struct ctx *c = ix_ctx(ix);
	struct measure_decision dec[OUTCOME_MAX_MEASURES];
	struct outcome_input in;
	int n;
	char buf[11];

	input_of(ix, v, &in);
	n = outcome_input_decisions(&in, dec);
	for (int i = 0; i < n; i++) {
		struct store_ix_value b[5] = { { 2, 0, arena_strdup(c->a, date_format(dec[i].decided, buf)) },
					       { dec[i].months ? 1 : 0, dec[i].months, NULL },
					       { 1, dec[i].violations, NULL }, { 1, id, NULL },
					       { 2, 0, dec[i].code } };
		if (store_ix_run(c->db, store_ix_sql("UPDATE outcome_measures SET decided = ?, months = ?, "
						     "violations = ? WHERE outcome_id = ? AND measure = ?"),
				 b, 5) < 0)
			return -1;
	}
	return 0;
}

/* ---- clarification, follow-up visit, appeal (issue 10) ------------------------------- */

#define V(name) (&v[ix_field(ix, name)])

const struct ix_field ix_clarification_fields[] = {
	{ "person", IX_REF, "person_id", "person", NULL, IX_REQ, NULL },
	{ "case", IX_REF, "case_id", "case", NULL, 0, NULL },
	{ "clue", IX_REF, "clue_id", "clue", NULL, 0, NULL },
	{ "date", IX_DATE, "day", NULL, NULL, IX_REQ, NULL },
	{ "manner", IX_ENUM, "manner", NULL, NULL, IX_REQ, clarification_manners },
	{ "note", IX_TEXT, "note", NULL, NULL, IX_EMPTY, NULL },
	{ 0 }
};

const struct ix_field ix_followup_fields[] = {
	{ "outcome", IX_REF, "outcome_id", "outcome", NULL, 0, NULL },
	{ "clarification", IX_REF, "clarification_id", "clarification", NULL, 0, NULL },
	{ "date", IX_DATE, "day", NULL, NULL, IX_REQ, NULL },
	{ "note", IX_TEXT, "note", NULL, NULL, IX_EMPTY, NULL },
	{ 0 }
};

const struct ix_field ix_appeal_fields[] = {
	{ "outcome", IX_REF, "outcome_id", "outcome", NULL, IX_REQ, NULL },
	{ "kind", IX_ENUM, "kind", NULL, NULL, IX_REQ, appeal_kinds },
	{ "measure", IX_TEXT, "measure", NULL, NULL, IX_REQ, NULL },
	{ "filed", IX_DATE, "filed", NULL, NULL, IX_REQ, NULL },
	{ "decided", IX_DATE, "decided", NULL, NULL, IX_REQ, NULL },
	{ "result", IX_ENUM, "result", NULL, NULL, IX_REQ, appeal_results },
	{ "new_measure", IX_TEXT, "new_measure", NULL, NULL, 0, NULL },
	{ "new_months", IX_INT, "new_months", NULL, NULL, 0, NULL },
	{ "note", IX_TEXT, "note", NULL, NULL, IX_EMPTY, NULL },
	{ 0 }
};

/* the pages' fields as the file's */
static const char *const page_fields[] = { "person_id", "person", "day", "date", "matter", "case",
					   "clue_id", "clue", NULL };

static int refuse(struct ix *ix, const struct fielderr *fe)
{
	return ix_refuse(ix, fe, page_fields);
}

/* A clarification clears a subject of its matter (DOMAIN.md section 2): the
 * rules of clarification_valid.  Its matter as an outcome's: exactly one of
 * case and clue; a clue filed since is converted to its case (exact, as
 * for outcomes), a clue not yet disposed is refused. */
int ix_clarification_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct ix_val *kase = V("case"), *clue = V("clue");
	struct clarification k = { .person_id = V("person")->i, .day = V("date")->s, .manner = V("manner")->s,
				   .note = V("note")->s };
	struct outcome_matter m = { 0 };
	struct fielderr fe = { 0 };

	if (kase->set == clue->set)
		return ix_fail(ix, "case", "exactly one of case and clue is required");
	if (clue->set) {
		struct clue ck;
		int64_t filed = case_of_clue(ix, clue->i);
		if (filed < 0 || txmemo_clue_state(c, clue->i, &ck) != 1)
			return -1;
		if (filed > 0) {
			set(kase, filed, NULL);
			clue->set = 0;
		} else if (!strcmp(ck.state, "registered")) {
			return ix_fail(ix, "clue", "该线索尚未处置，不能澄清正名");
		}
	}
	m.n_subjects = kase->set ? store_case_subjects(c->db, c->a, kase->i, &m.subjects)
				 : store_clue_subjects(c->db, c->a, clue->i, &m.subjects);
	if (m.n_subjects < 0)
		return -1;
	if (!clarification_valid(c->a, &k, outcome_matter_subject(&m, k.person_id), &fe))
		return refuse(ix, &fe);
	return 0;
}

/* A follow-up visit of anyone who received an outcome (first-form
 * treatment included) or was cleared: the rules of followup_valid, from
 * the outcome's or the clarification's date. */
int ix_followup_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct followup f = { .outcome_id = V("outcome")->i, .clarification_id = V("clarification")->i,
			      .day = V("date")->s, .note = V("note")->s };
	struct fielderr fe = { 0 };
	const char *since;
	int rc;

	if (V("outcome")->set == V("clarification")->set)
		return ix_fail(ix, "outcome", "exactly one of outcome and clarification is required");
	if (f.outcome_id) {
		struct outcome o = { 0 };
		rc = store_outcome_get(c->db, c->a, f.outcome_id, &o);
		since = o.day;
	} else {
		struct clarification k = { 0 };
		rc = store_clarification_get(c->db, c->a, f.clarification_id, &k);
		since = k.day;
	}
	if (rc != 1)
		return -1;
	if (!followup_valid(c->a, &f, since, &fe))
		return refuse(ix, &fe);
	return 0;
}

/* An appeal (申诉) or review (复审复核) of one sanction of an outcome, as the
 * outcome page records it (appeal_validate); appeal_apply then ends a
 * changed or revoked sanction, adds the new one and computes the influence
 * period again.  Appeals apply in file order. */
static int appeal_of(struct ix *ix, struct ix_val *v, struct appeal *p, struct outcome *o,
		     struct outcome_measure **ms, int *n)
{
	struct ctx *c = ix_ctx(ix);

	*p = (struct appeal){ .outcome_id = V("outcome")->i, .kind = V("kind")->s, .measure = V("measure")->s,
			      .filed = V("filed")->s, .decided = V("decided")->s, .result = V("result")->s,
			      .new_measure = V("new_measure")->s, .new_months = (int)V("new_months")->i,
			      .note = V("note")->s };
	if (store_outcome_get(c->db, c->a, p->outcome_id, o) != 1)
		return -1;
	*n = store_outcome_measures(c->db, c->a, p->outcome_id, ms);
	return *n < 0 ? -1 : 0;
}

int ix_appeal_prepare(struct ix *ix, struct ix_val *v)
{
	const struct period_table *pt = ix_periods(ix);
	struct outcome_measure *ms;
	struct fielderr fe = { 0 };
	struct outcome o;
	struct appeal p;
	int n;

	if (!pt || appeal_of(ix, v, &p, &o, &ms, &n) < 0)
		return -1;
	appeal_validate(ix_ctx(ix), &o, ms, n, pt, &p, &fe);
	if (fe.n)
		return refuse(ix, &fe);
	V("new_measure")->set = p.new_measure != NULL;    /* cleared unless changed */
	V("new_months")->set = p.new_months != 0;
	return 0;
}

int ix_appeal_after(struct ix *ix, struct ix_val *v, int64_t id)
{
	const struct period_table *pt = ix_periods(ix);
	struct outcome_measure *ms;
	struct outcome o;
	struct appeal p;
	int n;

	if (!pt || appeal_of(ix, v, &p, &o, &ms, &n) < 0)
		return -1;
	if (!V("new_measure")->set) {
		p.new_measure = NULL;
		p.new_months = 0;
	}
	return appeal_apply(ix_ctx(ix), ix_ctx(ix)->db, &p, id, ms, n, pt);
}
