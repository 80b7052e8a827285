/*
 * appeal.c: appeals (申诉) and reviews (复审复核) against a sanction, and
 * their effect on the outcome's measures.
 *
 * Guarantees: the appeal names a sanction in force on the outcome; the
 * dates run filed <= decided <= today and not before the sanction's own
 * decision; a change is to another sanction of the same kind, which with
 * the rest of the outcome keeps the rules of sanction.c; the measure is
 * ended, the new one added, the influence period recomputed, the timeline
 * and the audit entry written, all in one transaction.
 * Regulations: 纪律处分条例 (2023) and 党员权利保障条例 (appeal); 政务处分法,
 * the chapter on 复审、复核 (a changed or revoked decision).
 */
#include "domain/appeal.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/measures.h"
#include "domain/outcome.h"
#include "domain/result.h"
#include "domain/sanction.h"
#include "store/q_clues.h"
#include "store/q_outcomes.h"

QF_AUDIT_EVENT(APPEAL, "appeal", "记录申诉或复审复核");
QF_AUDIT_OBJECT(appeal, "申诉复审复核");

const struct label appeal_kinds[] = {
	{ "appeal", "申诉" },
	{ "review", "复审复核" },
	{ NULL, NULL }
};

const struct label appeal_results[] = {
	{ "upheld", "维持原处分" },
	{ "changed", "变更处分" },
	{ "revoked", "撤销处分" },
	{ NULL, NULL }
};

/* The measure in force named code, or NULL. */
static const struct outcome_measure *in_force(const struct outcome_measure *v, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (!v[i].ended && code && !strcmp(v[i].measure, code))
			return &v[i];
	return NULL;
}

/* The measures in force after the appeal, as decisions. */
static int after_appeal(const struct outcome_measure *v, int n, const struct appeal *p,
			struct measure_decision *out)
{
	int k = 0;

	for (int i = 0; i < n && k < OUTCOME_MAX_MEASURES; i++) {
		if (v[i].ended || (strcmp(p->result, "upheld") && !strcmp(v[i].measure, p->measure)))
			continue;
		out[k++] = (struct measure_decision){ v[i].measure, date_parse(v[i].decided), v[i].months,
						      v[i].violations };
	}
	if (!strcmp(p->result, "changed") && p->new_measure && k < OUTCOME_MAX_MEASURES)
		out[k++] = (struct measure_decision){ p->new_measure, date_parse(p->decided), p->new_months, 1 };
	return k;
}

void appeal_validate(struct ctx *c, const struct outcome *o, const struct outcome_measure *v, int n,
		     const struct period_table *pt, struct appeal *p, struct fielderr *fe)
{
	const struct outcome_measure *was = in_force(v, n, p->measure);
	const struct measure *m = measure_find(p->measure), *nm = measure_find(p->new_measure);
	qf_day filed = date_parse(p->filed ? p->filed : ""), decided = date_parse(p->decided ? p->decided : "");
	struct measure_decision dec[OUTCOME_MAX_MEASURES];
	struct sanction_subject who = { o->subject_rank, o->subject_party_member };

	if (!label_of(appeal_kinds, p->kind))
		fielderr_add(fe, "kind", "请选择申诉或复审复核");
	if (!was || !m || (m->kind != MEASURE_PARTY && m->kind != MEASURE_GOV))
		fielderr_add(fe, "measure", "请选择该处理结果中现行有效的一项党纪处分或政务处分");
	if (filed == QF_DAY_NONE || (was && filed < date_parse(was->decided)))
		fielderr_add(fe, "filed", fielderr_date_msg(p->filed, "请填写提出日期（不早于原处分决定日期）"));
	if (decided == QF_DAY_NONE || decided > date_today() || (filed != QF_DAY_NONE && decided < filed))
		fielderr_add(fe, "decided", fielderr_date_msg(p->decided, "请填写决定日期（不早于提出日期、不晚于今天）"));
	if (!label_of(appeal_results, p->result))
		fielderr_add(fe, "result", "请选择结果：维持、变更或撤销");
	else if (!strcmp(p->result, "changed")) {
		if (!nm || !m || nm->kind != m->kind || !strcmp(nm->code, m->code) ||
		    in_force(v, n, p->new_measure))
			fielderr_add(fe, "new_measure", "变更处分须选择与原处分同类（党纪或政务）的另一项处分");
		else if (!strcmp(nm->code, "party_probation") && p->new_months != 12 && p->new_months != 24)
			fielderr_add(fe, "new_months", "留党察看须注明期限：12个月或24个月");
	} else {
		p->new_measure = NULL;
		p->new_months = 0;
	}
	fielderr_len(c->a, fe, "note", "说明", p->note, 2000);
	if (fe->n)
		return;
	/* the outcome after the change keeps the rules (the subject as copied) */
	sanction_rules_check(c->a, pt, dec, after_appeal(v, n, p, dec), &who, fe);
}

struct appeal_arg {
	struct ctx *c;
	const struct outcome *o;
	struct appeal *p;
	const struct outcome_measure *v;
	int n;
	const struct period_table *pt;
	const char *object;
	int64_t id;
};

int appeal_apply(struct ctx *c, struct store *s, const struct appeal *p, int64_t id,
		 const struct outcome_measure *v, int n, const struct period_table *pt)
{
	struct measure_decision dec[OUTCOME_MAX_MEASURES];
	struct influence inf;
	const char *by, *bar;
	char buf[11];
	int k, rc;

	if (!strcmp(p->result, "upheld"))
		return 0;
	by = arena_printf(c->a, "appeal/%" PRId64, id);
	if (store_outcome_end_measure(s, p->outcome_id, p->measure, p->decided, by) < 0)
		return -1;
	if (p->new_measure) {
		struct outcome_measure om = { .measure = p->new_measure, .decided = p->decided,
					      .months = p->new_months, .violations = 1 };
		if (store_outcome_add_measure(s, p->outcome_id, &om) < 0)
			return -1;
	}
	k = after_appeal(v, n, p, dec);
	rc = outcome_influence(pt, dec, k, &inf);
	if (rc < 0)
		return -1;
	bar = rc == 0 ? NULL : inf.permanent ? OUTCOME_PERMANENT : arena_strdup(c->a, date_format(inf.end, buf));
	return store_outcome_set_bar(s, p->outcome_id, bar) < 0 ? -1 : 0;
}

static int appeal_tx(struct store *s, void *arg)
{
	struct appeal_arg *aa = arg;
	struct ctx *c = aa->c;
	struct appeal *p = aa->p;

	aa->id = store_appeal_insert(s, c->cfg->region, p, c->who.id, c->now);
	if (aa->id < 0)
		return -1;
	if (appeal_apply(c, s, p, aa->id, aa->v, aa->n, aa->pt) < 0)
		return -1;
	if (store_timeline_add(s, c->cfg->region, aa->object, c->now, c->who.id, c->who.name,
			       label_of(appeal_kinds, p->kind),
			       arena_printf(c->a, "%s：%s %s%s%s", aa->o->person_name,
					    measure_find(p->measure)->label, label_of(appeal_results, p->result),
					    p->new_measure ? " 为 " : "",
					    p->new_measure ? measure_find(p->new_measure)->label : "")) < 0)
		return -1;
	return audit_append(c, AEV_APPEAL, arena_printf(c->a, "appeal/%" PRId64, aa->id), 1,
			    label_of(appeal_kinds, p->kind));
}

int64_t appeal_record(struct ctx *c, int64_t outcome_id, struct appeal *p, struct fielderr *fe)
{
	struct outcome o;
	struct outcome_measure *v;
	struct period_table pt;
	struct appeal_arg aa = { .c = c, .o = &o, .p = p, .pt = &pt };
	int rc = store_outcome_get(c->db, c->a, outcome_id, &o);

	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	rc = outcome_matter_access(c, &o);
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	p->outcome_id = outcome_id;
	aa.n = store_outcome_measures(c->db, c->a, outcome_id, &v);
	if (aa.n < 0 || period_table_load(c->db, c->a, &pt) < 0)
		return RES_STORE;
	aa.v = v;
	appeal_validate(c, &o, v, aa.n, &pt, p, fe);
	if (fe->n)
		return RES_INVALID;
	aa.object = o.case_id ? arena_printf(c->a, "case/%" PRId64, o.case_id)
			      : arena_printf(c->a, "clue/%" PRId64, o.clue_id);
	return store_tx(c->db, appeal_tx, &aa) < 0 ? RES_STORE : aa.id;
}

int appeals_of(struct ctx *c, int64_t outcome_id, struct appeal **out)
{
	return store_appeals_of_outcome(c->db, c->a, outcome_id, out);
}
