/*
 * doc_outcome.c: the documents of the outcome family (文书,
 * domain/document.h): the sanction decision (处分决定书) of an outcome and
 * the clarification notice (澄清正名通知书) of a clarification.  An
 * outcome's document is visible to whoever may read the outcome
 * (outcome_get); a clarification's to whoever may read its case or clue.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/case.h"
#include "domain/clue.h"
#include "domain/document.h"
#include "domain/execution.h"
#include "domain/labels.h"
#include "domain/outcome.h"
#include "domain/person.h"
#include "domain/result.h"
#include "model/case.h"
#include "model/clue.h"
#include "model/outcome.h"
#include "store/q_outcomes.h"

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* "警告、诫勉" from "a,b" (outcome_measures_text) */
static const char *measure_names(struct arena *a, const char *codes)
{
	struct strbuf sb = STRBUF_INIT;
	const char *r;

	outcome_measures_text(&sb, codes ? codes : "");
	r = arena_strdup(a, sb.buf ? sb.buf : "");
	strbuf_release(&sb);
	return r;
}

static const char *const sanction_fields[] = { "受处分人", "所在单位", "职级", "处分", "决定日期",
					       "党纪处分批准日期", "政务处分决定日期", "案件编号", NULL };

static int outcome_load(struct ctx *c, int64_t id, struct doc_values *v, const char **page)
{
	struct outcome o;
	int rc = outcome_get(c, id, &o);

	if (rc != RES_DONE)
		return res_from_store(rc);
	doc_set(v, "受处分人", or_empty(o.person_name));
	doc_set(v, "所在单位", or_empty(o.unit_name));
	doc_set(v, "职级", or_empty(label_of(person_ranks, o.subject_rank)));
	doc_set(v, "处分", measure_names(c->a, o.measures));
	doc_set(v, "决定日期", doc_cn_date(c->a, o.day));
	doc_set(v, "党纪处分批准日期", doc_cn_date(c->a, o.party_decided));
	doc_set(v, "政务处分决定日期", doc_cn_date(c->a, o.gov_decided));
	doc_set(v, "案件编号", o.case_id ? arena_printf(c->a, "%" PRId64, o.case_id) : "");
	*page = arena_printf(c->a, "/outcomes/%" PRId64, id);
	return RES_DONE;
}

static const struct doc_kind sanction_decision = {
	.code = "sanction_decision", .name = "处分决定书", .order = 80, .record = "处理结果", .table = "outcomes",
	.perm = PERM_OUTCOME_WRITE, .fields = sanction_fields, .load = outcome_load,
};
QF_DOCUMENT(sanction_decision);

static const char *const clarification_fields[] = { "被澄清人", "澄清日期", "澄清方式", "说明", "案件编号",
						    "线索编号", NULL };

static int clarification_load(struct ctx *c, int64_t id, struct doc_values *v, const char **page)
{
	struct clarification k;
	struct case_rec cs;
	struct clue cl;
	int rc = store_clarification_get(c->db, c->a, id, &k);

	if (rc <= 0)
		return res_from_store(rc);
	rc = k.case_id ? case_get(c, k.case_id, &cs) : clue_get(c, k.clue_id, &cl);
	if (rc != RES_DONE)
		return res_from_store(rc);
	doc_set(v, "被澄清人", or_empty(k.person_name));
	doc_set(v, "澄清日期", doc_cn_date(c->a, k.day));
	doc_set(v, "澄清方式", label_of(clarification_manners, k.manner));
	doc_set(v, "说明", or_empty(k.note));
	doc_set(v, "案件编号", k.case_id ? arena_printf(c->a, "%" PRId64, k.case_id) : "");
	doc_set(v, "线索编号", k.clue_id ? arena_printf(c->a, "%" PRId64, k.clue_id) : "");
	*page = k.case_id ? arena_printf(c->a, "/cases/%" PRId64, k.case_id)
			  : arena_printf(c->a, "/clues/%" PRId64, k.clue_id);
	return RES_DONE;
}

static const struct doc_kind clarification_notice = {
	.code = "clarification_notice", .name = "澄清正名通知书", .order = 90, .record = "澄清正名", .table = "clarifications",
	.perm = PERM_OUTCOME_WRITE, .fields = clarification_fields, .load = clarification_load,
};
QF_DOCUMENT(clarification_notice);

int doc_options_outcome(struct ctx *c, int64_t outcome_id, int sanctioned, struct doc_options *o)
{
	if (sanctioned)
		doc_option_add(c, o, "sanction_decision", outcome_id, 0, NULL);
	return RES_DONE;
}

int doc_options_clarifications(struct ctx *c, int64_t case_id, int64_t clue_id, struct doc_options *o)
{
	struct clarification *k;
	int n = store_clarifications_of_matter(c->db, c->a, case_id, clue_id, &k);

	if (n < 0)
		return RES_STORE;
	for (int i = 0; i < n; i++)
		doc_option_add(c, o, "clarification_notice", k[i].id, 0, k[i].person_name);
	return RES_DONE;
}
