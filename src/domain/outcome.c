/*
 * outcome.c: recording outcomes (处理结果) on a case or a clue, reading
 * them (a person's record is person_record.c).
 *
 * Guarantees: the form and `sanctioned` come from the measures alone; the
 * influence period from the sanction_periods table, a new government
 * sanction inside a running government-sanction period running for the
 * remainder plus its own period, at most 48 months (the person's earlier
 * outcomes are replayed in the same transaction as the insert); the
 * person is a subject of the matter; the timeline and the audit entry are
 * written with the outcome.
 */
#include "domain/outcome.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/case_access.h"
#include "domain/clue.h"
#include "domain/ctx.h"
#include "domain/measures.h"
#include "domain/role.h"
#include "domain/sanction.h"
#include "domain/result.h"
#include "store/q_cases.h"
#include "store/q_clues.h"
#include "store/q_outcomes.h"
#include "store/q_persons.h"
#include "store/q_units.h"

/* the type of the objects its audit entries name (audit_events.h) */
QF_AUDIT_OBJECT(outcome, "处理结果");

static const char *const form_labels[] = { "无", "第一种形态", "第二种形态", "第三种形态", "第四种形态" };

const char *outcome_form_label(int form)
{
	return form >= 0 && form <= 4 ? form_labels[form] : "";
}

/* 1 when code is one of the ','-separated codes. */
static int has_code(const char *codes, const char *code)
{
	size_t n = strlen(code);

	for (const char *p = codes; p && *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && !strncmp(p, code, n))
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

void outcome_measures_text(struct strbuf *sb, const char *codes)
{
	int first = 1;

	for (const struct measure *m = measure_table; m->code; m++)
		if (has_code(codes, m->code)) {
			strbuf_addstr(sb, first ? "" : "、");
			strbuf_addstr(sb, m->label);
			first = 0;
		}
}

int outcome_codes(struct arena *a, const char *codes, const char **out, int max)
{
	char *copy = arena_strdup(a, codes ? codes : "");
	int n = 0;

	for (char *p = copy; p && *p && n < max;) {
		char *e = strchr(p, ',');
		if (e)
			*e = '\0';
		out[n++] = p;
		p = e ? e + 1 : NULL;
	}
	return n;
}

const char *outcome_influence_on(const struct outcome *v, int n, const char *day)
{
	const char *until = NULL;

	for (int i = 0; i < n; i++) {
		if (!v[i].bar_until || strcmp(v[i].effective, day) > 0 || strcmp(day, v[i].bar_until) >= 0)
			continue;
		if (!until || strcmp(v[i].bar_until, until) > 0)
			until = v[i].bar_until;
	}
	return until;
}

/* ---- the matter ------------------------------------------------------------ */

/* 1 when the actor may see the clue (jurisdiction; a refusal audited),
 * with *k filled; 0 not; < 0 error. */
static int clue_visible(struct ctx *c, int64_t clue_id, struct clue *k)
{
	int rc = store_clue_get(c->db, c->a, clue_id, k);

	return rc <= 0 ? rc : authz_unit(c, k->unit_id, clue_object(c, clue_id));
}

int outcome_matter_open(struct ctx *c, int64_t case_id, int64_t clue_id, struct outcome_matter *m,
			struct fielderr *fe)
{
	struct clue k;
	int rc;

	memset(m, 0, sizeof(*m));
	if ((case_id != 0) == (clue_id != 0)) {
		fielderr_add(fe, "matter", "请选择一个案件或一条线索（二者选一）");
		return -1;
	}
	m->case_id = case_id;
	m->clue_id = clue_id;
	if (case_id) {
		rc = case_access(c, case_id);
		if (rc <= 0)
			return rc < 0 ? -2 : 0;
		if (store_outcome_case_campaign(c->db, case_id, &m->campaign_id) != STORE_ROW)
			return -2;
		m->object = case_obj(c, case_id);
		m->n_subjects = store_case_subjects(c->db, c->a, case_id, &m->subjects);
		return m->n_subjects < 0 ? -2 : 1;
	}
	rc = clue_visible(c, clue_id, &k);
	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	if (!strcmp(k.state, "registered")) {
		fielderr_add(fe, "clue_id", "该线索尚未处置，不能记录处理结果");
		return -1;
	}
	m->campaign_id = k.campaign_id;
	m->object = clue_object(c, clue_id);
	m->n_subjects = store_clue_subjects(c->db, c->a, clue_id, &m->subjects);
	return m->n_subjects < 0 ? -2 : 1;
}

int outcome_matter_access(struct ctx *c, const struct outcome *o)
{
	struct clue k;

	if (o->case_id)
		return case_access(c, o->case_id);
	return clue_visible(c, o->clue_id, &k);
}

int outcome_list_of_matter(struct ctx *c, int64_t case_id, int64_t clue_id, struct outcome **out)
{
	struct outcome m = { .case_id = case_id, .clue_id = case_id ? 0 : clue_id };
	int rc = outcome_matter_access(c, &m);

	*out = NULL;
	if (rc <= 0)
		return rc;
	return store_outcomes_of_matter(c->db, c->a, case_id, clue_id, out);
}

/* ---- recording ------------------------------------------------------------ */

const struct person *outcome_matter_subject(const struct outcome_matter *m, int64_t person_id)
{
	for (int i = 0; i < m->n_subjects; i++)
		if (m->subjects[i].id == person_id)
			return &m->subjects[i];
	return NULL;
}

static void validate(struct ctx *c, const struct outcome_input *in, const struct outcome_matter *m,
		     struct fielderr *fe)
{
	qf_day day = date_parse(in->day ? in->day : "");
	const char *eff = in->effective && *in->effective ? in->effective : in->day;
	int probation = 0;

	if (!outcome_matter_subject(m, in->person_id))
		fielderr_add(fe, "person_id", m->case_id ? "所选人员不是该案件的被审查调查人"
							 : "所选人员不是该线索的被反映人");
	if (day == QF_DAY_NONE)
		fielderr_add(fe, "day", "请填写处理日期（YYYY-MM-DD）");
	else if (day > date_today())
		fielderr_add(fe, "day", "处理日期不能晚于今天");
	else if (date_parse(eff) == QF_DAY_NONE || strcmp(eff, in->day) < 0)
		fielderr_add(fe, "effective", "生效日期格式应为 YYYY-MM-DD，且不能早于处理日期");
	if (in->n_measures <= 0)
		fielderr_add(fe, "measures", "请至少选择一项处理措施");
	for (int i = 0; i < in->n_measures; i++) {
		if (!measure_find(in->measures[i])) {
			fielderr_add(fe, "measures", arena_printf(c->a, "未知的处理措施“%s”", in->measures[i]));
			return;
		}
		for (int j = 0; j < i; j++)
			if (!strcmp(in->measures[j], in->measures[i])) {
				fielderr_add(fe, "measures", "处理措施重复");
				return;
			}
		probation |= !strcmp(in->measures[i], "party_probation");
	}
	if (probation && in->probation_months != 12 && in->probation_months != 24)
		fielderr_add(fe, "probation_months", "留党察看须注明期限：12个月或24个月");
	else if (!probation && in->probation_months)
		fielderr_add(fe, "probation_months", "只有留党察看需要填写期限");
}

static qf_day later(qf_day a, qf_day b)
{
	return a == QF_DAY_NONE || (b != QF_DAY_NONE && b > a) ? b : a;
}

/* The end of the person's government-sanction period running on `on`,
 * replaying the earlier outcomes in order (each may itself have been
 * extended by the one before); QF_DAY_NONE when none. */
static qf_day running_gov_end(struct ctx *c, const struct period_table *t,
			      const struct outcome *v, int n, qf_day on)
{
	qf_day run = QF_DAY_NONE;

	for (int i = 0; i < n; i++) {
		const char *codes[OUTCOME_MAX_MEASURES];
		struct influence inf;
		qf_day eff = date_parse(v[i].effective);
		int k = outcome_codes(c->a, v[i].measures, codes, OUTCOME_MAX_MEASURES);

		if (eff == QF_DAY_NONE || eff > on)
			continue;
		if (outcome_influence(t, codes, k, eff, v[i].probation_months, run, &inf) == 1)
			run = later(run, inf.gov_end);
	}
	return run;
}

struct record_arg {
	struct ctx *c;
	const struct outcome_input *in;
	const struct outcome_matter *m;
	struct outcome o;
	int64_t id;
};

static int record_tx(struct store *s, void *arg)
{
	struct record_arg *ra = arg;
	struct ctx *c = ra->c;
	struct period_table t;
	struct outcome *prior;
	struct influence inf;
	struct strbuf what = STRBUF_INIT;
	qf_day eff = date_parse(ra->o.effective);
	char buf[11];
	int n, rc;

	/* the influence period, against the earlier outcomes as they are now */
	n = store_outcomes_of_person(s, c->a, ra->o.person_id, &prior);
	if (n < 0 || period_table_load(s, c->a, &t) < 0)
		return -1;
	rc = outcome_influence(&t, ra->in->measures, ra->in->n_measures, eff, ra->in->probation_months,
			       running_gov_end(c, &t, prior, n, eff), &inf);
	if (rc < 0)
		return -1;
	ra->o.bar_until = rc == 0 ? NULL : inf.permanent ? OUTCOME_PERMANENT
					: arena_strdup(c->a, date_format(inf.end, buf));
	ra->id = store_outcome_insert(s, c->cfg->region, &ra->o, c->who.id, c->now);
	if (ra->id < 0)
		return -1;
	for (int i = 0; i < ra->in->n_measures; i++)
		if (store_outcome_add_measure(s, ra->id, ra->in->measures[i]) < 0)
			return -1;
	/* the timeline (read by those who see the matter) names the person
	 * and the measures; the audit log records the step only */
	strbuf_addstr(&what, outcome_matter_subject(ra->m, ra->o.person_id)->name);
	strbuf_addstr(&what, "：");
	for (int i = 0; i < ra->in->n_measures; i++) {
		strbuf_addstr(&what, i ? "、" : "");
		strbuf_addstr(&what, measure_find(ra->in->measures[i])->label);
	}
	strbuf_addf(&what, "（%s）", outcome_form_label(ra->o.form));
	rc = store_timeline_add(s, c->cfg->region, ra->m->object, c->now, c->who.id, c->who.name,
				"记录处理结果", what.buf);
	strbuf_release(&what);
	if (rc < 0)
		return -1;
	return audit_append(c, AEV_CREATE, arena_printf(c->a, "outcome/%" PRId64, ra->id), 1, "记录处理结果");
}

int64_t outcome_record(struct ctx *c, const struct outcome_input *in, struct fielderr *fe)
{
	struct outcome_matter m;
	struct record_arg ra = { .c = c, .in = in, .m = &m };
	struct person p;
	int rc = outcome_matter_open(c, in->case_id, in->clue_id, &m, fe);

	if (rc != 1)
		return rc;
	validate(c, in, &m, fe);
	if (fe->n)
		return -1;
	if (store_person_get(c->db, c->a, in->person_id, &p) != 1)
		return -2;
	ra.o.person_id = in->person_id;
	ra.o.case_id = in->case_id;
	ra.o.clue_id = in->clue_id;
	ra.o.day = in->day;
	ra.o.effective = in->effective && *in->effective ? in->effective : in->day;
	ra.o.form = outcome_form(in->measures, in->n_measures);
	ra.o.sanctioned = outcome_has_sanction(in->measures, in->n_measures);
	ra.o.probation_months = in->probation_months;
	ra.o.campaign_id = m.campaign_id;
	ra.o.unit_id = p.unit_id;
	if (store_tx(c->db, record_tx, &ra) < 0)
		return -2;
	return ra.id;
}

/* ---- reading ------------------------------------------------------------- */

int outcome_get(struct ctx *c, int64_t id, struct outcome *o)
{
	int rc = store_outcome_get(c->db, c->a, id, o);

	if (rc <= 0)
		return res_from_store(rc);
	/* the execution roles see a sanction of their units without its matter */
	if (!(o->sanctioned && authz_has(&c->who, PERM_EXECUTION) &&
	      store_unit_visible(c->db, authz_scope_user(c), o->unit_id) == 1)) {
		rc = outcome_matter_access(c, o);
		if (rc <= 0)
			return res_from_store(rc);
	}
	return audit_record(c, AEV_READ, arena_printf(c->a, "outcome/%" PRId64, id), 1, "") < 0 ? RES_STORE : 1;
}
