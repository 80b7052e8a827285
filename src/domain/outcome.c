/*
 * outcome.c: recording outcomes (处理结果) on a case or a clue, reading
 * them (a person's record is person_record.c).
 *
 * Guarantees: one outcome per person and matter (checked in the write
 * transaction, and by the unique indexes of 0018: a second is refused
 * naming the first); the form from the form table in force on the first
 * decision and `sanctioned` from the measures alone; each measure's
 * decision date and period stored with it; the influence period from the
 * influence_periods table, each measure from its own date (no "remainder
 * plus new" rule: that is for appointing bodies); the subject's rank,
 * flags and unit copied; the person is a subject of the matter; the
 * timeline and the audit entry are written with the outcome.
 */
#include "domain/outcome.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/case.h"
#include "domain/case_access.h"
#include "domain/clue.h"
#include "domain/ctx.h"
#include "domain/measures.h"
#include "domain/role.h"
#include "domain/sanction.h"
#include "domain/talk.h"
#include "domain/result.h"
#include "store/q_cases.h"
#include "store/q_clues.h"
#include "store/q_outcomes.h"
#include "store/q_persons.h"
#include "store/q_settings.h"
#include "store/q_units.h"
#include "domain/metrics.h"
#include "store/q_metrics.h"

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
	if (!strcmp(k.state, "filed")) {        /* its outcomes are the case's (DOMAIN.md section 3) */
		fielderr_add(fe, "clue_id", "该线索已立案，处理结果应记录在案件上");
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
	if (o->supervision_id) {
		struct talk t;
		int rc = talk_get(c, o->supervision_id, &t);
		return rc == RES_STORE ? -1 : rc;
	}
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

/* The decision date of a measure of kind k in `in` (text, or NULL). */
static const char *decided_text(const struct outcome_input *in, enum measure_kind k)
{
	const char *eff = in->effective && *in->effective ? in->effective : in->day;

	if (k == MEASURE_PARTY && in->party_decided && *in->party_decided)
		return in->party_decided;
	if (k == MEASURE_GOV && in->gov_decided && *in->gov_decided)
		return in->gov_decided;
	return k == MEASURE_PARTY || k == MEASURE_GOV ? eff : in->day;
}

int outcome_input_decisions(const struct outcome_input *in, struct measure_decision *out)
{
	for (int i = 0; i < in->n_measures; i++) {
		const struct measure *m = measure_find(in->measures[i]);
		enum measure_kind k = m ? m->kind : MEASURE_OTHER;
		const char *d = decided_text(in, k);

		out[i].code = in->measures[i];
		out[i].decided = date_parse(d ? d : "");
		out[i].months = !strcmp(in->measures[i], "party_probation") ? in->probation_months
				: k == MEASURE_GOV ? in->gov_months : 0;
		out[i].violations = k == MEASURE_GOV && in->gov_violations > 0 ? in->gov_violations : 1;
	}
	return in->n_measures;
}

/* A decision date of a sanction: a date from the outcome's day to today. */
static void check_decided(const char *text, const char *field, const char *what, qf_day day,
			  struct fielderr *fe)
{
	qf_day d;

	if (!text || !*text)
		return;
	d = date_parse(text);
	if (d == QF_DAY_NONE || d > date_today() || (day != QF_DAY_NONE && d < day))
		fielderr_add(fe, field, fielderr_date_msg(text, what));
}

static void validate(struct ctx *c, const struct outcome_input *in, const struct outcome_matter *m,
		     const struct person *p, const struct period_table *pt, const struct form_table *ft,
		     struct fielderr *fe)
{
	qf_day day = date_parse(in->day ? in->day : "");
	struct measure_decision dec[OUTCOME_MAX_MEASURES];
	struct sanction_subject who = { .rank = p->rank, .party_member = p->party_member };
	int probation = 0;

	if (!outcome_matter_subject(m, in->person_id))
		fielderr_add(fe, "person_id", m->case_id ? "所选人员不是该案件的被审查调查人"
							 : "所选人员不是该线索的被反映人");
	if (day == QF_DAY_NONE)
		fielderr_add(fe, "day", fielderr_date_msg(in->day, "请填写处理日期（首次决定日期，YYYY-MM-DD）"));
	else if (day > date_today())
		fielderr_add(fe, "day", "处理日期不能晚于今天");
	check_decided(in->effective, "effective", "生效日期格式应为 YYYY-MM-DD，不早于处理日期、不晚于今天",
		      day, fe);
	check_decided(in->party_decided, "party_decided",
		      "党纪处分的批准日期格式应为 YYYY-MM-DD，不早于处理日期、不晚于今天", day, fe);
	check_decided(in->gov_decided, "gov_decided",
		      "政务处分的决定日期格式应为 YYYY-MM-DD，不早于处理日期、不晚于今天", day, fe);
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
		if (day != QF_DAY_NONE && form_of_measure(ft, in->measures[i], day) < 1)
			fielderr_add(fe, "measures", arena_printf(c->a, "“%s”在处理日期没有适用的四种形态口径",
								  measure_find(in->measures[i])->label));
	}
	if (probation && in->probation_months != 12 && in->probation_months != 24)
		fielderr_add(fe, "probation_months", "留党察看须注明期限：12个月或24个月");
	else if (!probation && in->probation_months)
		fielderr_add(fe, "probation_months", "只有留党察看需要填写期限");
	outcome_input_decisions(in, dec);
	sanction_rules_check(c->a, pt, dec, in->n_measures, &who, fe);
}

struct record_arg {
	struct ctx *c;
	const struct outcome_input *in;
	const struct outcome_matter *m;
	const struct period_table *pt;
	struct outcome o;
	int64_t id;
	int64_t existing;
};

/* The timeline's words for the measures: "赵某：警告、诫勉（第二种形态）". */
static const char *measures_words(struct ctx *c, const char *name, const char *const *codes, int n,
				  int form)
{
	struct strbuf what = STRBUF_INIT;
	const char *out;

	strbuf_addstr(&what, name);
	strbuf_addstr(&what, "：");
	for (int i = 0; i < n; i++) {
		strbuf_addstr(&what, i ? "、" : "");
		strbuf_addstr(&what, measure_find(codes[i])->label);
	}
	strbuf_addf(&what, "（%s）", outcome_form_label(form));
	out = arena_strdup(c->a, what.buf);
	strbuf_release(&what);
	return out;
}

/* bar_until of the influence: NULL none, OUTCOME_PERMANENT, or the end. */
static const char *bar_text(struct ctx *c, int rc, const struct influence *inf)
{
	char buf[11];

	if (rc <= 0)
		return NULL;
	return inf->permanent ? OUTCOME_PERMANENT : arena_strdup(c->a, date_format(inf->end, buf));
}

static int record_tx(struct store *s, void *arg)
{
	struct record_arg *ra = arg;
	struct ctx *c = ra->c;
	const struct outcome_input *in = ra->in;
	struct measure_decision dec[OUTCOME_MAX_MEASURES];
	struct influence inf;
	int n = outcome_input_decisions(in, dec), rc;
	char buf[11];

	/* one person, one matter: checked again under the write lock (the
	 * unique indexes of 0018 are the last word) */
	rc = store_outcome_find(s, ra->o.person_id, ra->o.case_id, ra->o.clue_id, ra->o.supervision_id,
				&ra->existing);
	if (rc != 0)
		return -1;
	rc = outcome_influence(ra->pt, dec, n, &inf);
	if (rc < 0)
		return -1;
	ra->o.bar_until = bar_text(c, rc, &inf);
	ra->o.effective = rc == 1 ? arena_strdup(c->a, date_format(inf.start, buf)) : in->day;
	for (int i = 0; i < n; i++) {
		struct outcome_measure om = { .measure = dec[i].code, .months = dec[i].months,
					      .violations = dec[i].violations };
		om.decided = arena_strdup(c->a, date_format(dec[i].decided, buf));
		switch (measure_find(dec[i].code)->kind) {
		case MEASURE_PARTY:
			ra->o.party_decided = om.decided;
			break;
		case MEASURE_GOV:
			ra->o.gov_decided = om.decided;
			ra->o.gov_violations = dec[i].violations > 1 ? dec[i].violations : 0;
			ra->o.gov_months = dec[i].months;
			break;
		default:
			break;
		}
	}
	ra->id = store_outcome_insert(s, c->cfg->region, &ra->o, c->who.id, c->now);
	if (ra->id < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		struct outcome_measure om = { .measure = dec[i].code, .months = dec[i].months,
					      .violations = dec[i].violations };
		om.decided = arena_strdup(c->a, date_format(dec[i].decided, buf));
		if (store_outcome_add_measure(s, ra->id, &om) < 0)
			return -1;
	}
	/* the timeline (read by those who see the matter) names the person
	 * and the measures; the audit log records the step only */
	if (store_timeline_add(s, c->cfg->region, ra->m->object, c->now, c->who.id, c->who.name, "记录处理结果",
			       measures_words(c, outcome_matter_subject(ra->m, ra->o.person_id)->name,
					      in->measures, n, ra->o.form)) < 0)
		return -1;
	return audit_append(c, AEV_CREATE, arena_printf(c->a, "outcome/%" PRId64, ra->id), 1, "记录处理结果");
}

int64_t outcome_record(struct ctx *c, const struct outcome_input *in, struct fielderr *fe)
{
	struct outcome_matter m;
	struct record_arg ra = { .c = c, .in = in, .m = &m };
	struct period_table pt;
	struct form_table ft;
	struct person p = { .rank = "" };
	struct outcome_input *out = (struct outcome_input *)in;
	int rc;

	out->existing_id = 0;
	if (in->supervision_id && (in->case_id || in->clue_id)) {
		fielderr_add(fe, "matter", "请选择一个案件、一条线索或一次谈话（三者选一）");
		return RES_INVALID;
	}
	/* a daily-supervision record (a talk: migration 0059) is the matter
	 * itself (DOMAIN.md section 3) */
	rc = in->supervision_id ? talk_matter_open(c, in->supervision_id, &m, fe)
				: outcome_matter_open(c, in->case_id, in->clue_id, &m, fe);
	if (rc != 1)
		return rc;
	/* a closed case takes no outcome decided after its closure: the
	 * decision precedes closure (one decided before it may still be
	 * entered); after closure only appeals and execution (issue 12) */
	if (in->case_id) {
		struct case_rec k;

		if (store_case_get(c->db, c->a, in->case_id, &k) != 1)
			return RES_STORE;
		if (k.closed && in->day && strcmp(in->day, k.closed) > 0 && case_closed_refuse(c, &k, fe))
			return RES_INVALID;
	}
	if (store_person_get(c->db, c->a, in->person_id, &p) < 0 || period_table_load(c->db, c->a, &pt) < 0 ||
	    form_table_load(c->db, c->a, &ft) < 0)
		return RES_STORE;
	validate(c, in, &m, &p, &pt, &ft, fe);
	if (fe->n)
		return RES_INVALID;
	ra.pt = &pt;
	ra.o.person_id = in->person_id;
	ra.o.case_id = in->case_id;
	ra.o.clue_id = in->clue_id;
	ra.o.supervision_id = in->supervision_id;
	ra.o.day = in->day;
	ra.o.form = outcome_form(&ft, in->measures, in->n_measures, date_parse(in->day));
	if (in->supervision_id && ra.o.form != 1) {
		fielderr_add(fe, "measures", "日常监督记录只能记录第一种形态的处理");
		return RES_INVALID;
	}
	ra.o.sanctioned = outcome_has_sanction(in->measures, in->n_measures);
	ra.o.probation_months = in->probation_months;
	ra.o.campaign_id = m.campaign_id;
	/* the subject as they are today, copied (DOMAIN.md section 2) */
	ra.o.unit_id = p.unit_id;
	ra.o.subject_rank = p.rank;
	ra.o.subject_top_leader = p.top_leader;
	ra.o.subject_leadership = p.leadership;
	ra.o.subject_party_member = p.party_member;
	if (store_tx(c->db, record_tx, &ra) < 0) {
		if (!ra.existing)
			return RES_STORE;
		out->existing_id = ra.existing;
		fielderr_add(fe, "person_id", arena_printf(c->a, "该人员在本事项已有处理结果（处理结果 %" PRId64
						   "，/outcomes/%" PRId64 "）：一人一事只能有一个处理结果，"
						   "其全部处理措施应记录在同一处理结果中", ra.existing, ra.existing));
		return RES_INVALID;
	}
	return ra.id;
}

int outcome_move_to_case(struct ctx *c, struct store *s, int64_t clue_id, int64_t case_id)
{
	int rc = store_outcomes_move_to_case(s, clue_id, case_id);

	if (rc < 0)
		return -1;
	return store_timeline_add(s, c->cfg->region, case_obj(c, case_id), c->now, c->who.id, c->who.name,
				  "处理结果转入案件",
				  arena_printf(c->a, "线索 %" PRId64 " 的处理结果随立案转入本案", clue_id)) < 0 ? -1 : 0;
}

int outcome_measures_of(struct ctx *c, int64_t outcome_id, struct outcome_measure **out)
{
	return store_outcome_measures(c->db, c->a, outcome_id, out);
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

/* ---- after migration 0018 ---------------------------------------------------- */

#define FILLED_KEY "outcome_periods_filled"

/* 1 while the fill after the migration is still to be done, 0, or -1. */
static int fill_pending(struct store *s, struct arena *a)
{
	return store_setting_is(s, a, FILLED_KEY, "0");
}

static int fill_tx(struct store *s, void *arg)
{
	struct ctx *c = arg;
	struct period_table pt;
	int64_t *ids;
	int n, rc = fill_pending(s, c->a);

	if (rc <= 0)
		return rc;      /* 0: another process filled them meanwhile */
	n = store_outcome_ids(s, c->a, &ids);
	if (n < 0 || period_table_load(s, c->a, &pt) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		struct measure_decision dec[OUTCOME_MAX_MEASURES];
		struct outcome_measure *v;
		struct influence inf;
		int k = 0, m = store_outcome_measures(s, c->a, ids[i], &v);

		if (m < 0)
			return -1;
		for (int j = 0; j < m && k < OUTCOME_MAX_MEASURES; j++)
			if (!v[j].ended && measure_find(v[j].measure))
				dec[k++] = (struct measure_decision){ v[j].measure, date_parse(v[j].decided),
								      v[j].months, v[j].violations };
		rc = outcome_influence(&pt, dec, k, &inf);
		if (rc >= 0 && store_outcome_set_bar(s, ids[i], bar_text(c, rc, &inf)) < 0)
			return -1;      /* rc < 0 (a record the rules cannot read): left as it was */
	}
	return store_setting_set(s, FILLED_KEY, "1") < 0 ? -1 : 0;
}

int outcome_periods_fill(struct ctx *c)
{
	int rc = fill_pending(c->db, c->a);

	return rc <= 0 ? rc : store_tx(c->db, fill_tx, c);
}

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---- */

static const struct metric_def metric_sanctioned = {
	.key = "sanctioned",
	.zh = "党纪政务处分",
	.en = "outcomes whose first decision falls in the period with at least one party or government sanction (a person with both counts once)",
	.kind = METRIC_COUNT,
	.order = 60,
	.scopes = Q_METRIC_OUTCOME_SCOPES,
	.compute = store_metric_sanctioned,
	.list = "/outcomes?&sanctioned=1" };
QF_METRIC(&metric_sanctioned);
static const struct metric_def metric_forms_total = {
	.key = "forms_total",
	.zh = "四种形态",
	.en = "outcomes whose first decision falls in the period (one person, one matter, once)",
	.kind = METRIC_COUNT,
	.order = 90,
	.scopes = Q_METRIC_OUTCOME_SCOPES,
	.compute = store_metric_forms_total,
	.list = "/outcomes?" };
QF_METRIC(&metric_forms_total);
static const struct metric_def metric_form1 = {
	.key = "form1",
	.zh = "第一种形态",
	.en = "outcomes of the period whose heaviest measure is of form 1 (the form stored by the table in force on the outcome date)",
	.kind = METRIC_COUNT,
	.order = 91,
	.scopes = Q_METRIC_OUTCOME_SCOPES,
	.compute = store_metric_form1,
	.list = "/outcomes?&form=1" };
QF_METRIC(&metric_form1);
static const struct metric_def metric_form2 = {
	.key = "form2",
	.zh = "第二种形态",
	.en = "outcomes of the period whose heaviest measure is of form 2 (the form stored by the table in force on the outcome date)",
	.kind = METRIC_COUNT,
	.order = 92,
	.scopes = Q_METRIC_OUTCOME_SCOPES,
	.compute = store_metric_form2,
	.list = "/outcomes?&form=2" };
QF_METRIC(&metric_form2);
static const struct metric_def metric_form3 = {
	.key = "form3",
	.zh = "第三种形态",
	.en = "outcomes of the period whose heaviest measure is of form 3 (the form stored by the table in force on the outcome date)",
	.kind = METRIC_COUNT,
	.order = 93,
	.scopes = Q_METRIC_OUTCOME_SCOPES,
	.compute = store_metric_form3,
	.list = "/outcomes?&form=3" };
QF_METRIC(&metric_form3);
static const struct metric_def metric_form4 = {
	.key = "form4",
	.zh = "第四种形态",
	.en = "outcomes of the period whose heaviest measure is of form 4 (the form stored by the table in force on the outcome date)",
	.kind = METRIC_COUNT,
	.order = 94,
	.scopes = Q_METRIC_OUTCOME_SCOPES,
	.compute = store_metric_form4,
	.list = "/outcomes?&form=4" };
QF_METRIC(&metric_form4);
static const struct metric_def metric_form1_share = {
	.key = "form1_share",
	.zh = "第一种形态占比",
	.en = "form1 / forms_total, 1 decimal",
	.kind = METRIC_RATE,
	.order = 95,
	.scopes = Q_METRIC_OUTCOME_SCOPES,
	.num_key = "form1",
	.den_key = "forms_total",
	.decimals = 1 };
QF_METRIC(&metric_form1_share);
