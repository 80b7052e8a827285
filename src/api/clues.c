/*
 * clues.c: /api/clues and /api/dispositions: the clue
 * registry and its disposition flow as JSON, through the same domain calls
 * and checks as the pages.
 */
#include "api/clues.h"

#include <inttypes.h>
#include <string.h>

#include "api/common.h"
#include "core/arena.h"
#include "domain/inspection.h"
#include "domain/campaign.h"
#include "domain/clue.h"
#include "domain/clue_flow.h"
#include "http/filter.h"
#include "domain/disposition.h"
#include "http/http.h"

static json_t *clue_json(const struct clue *k)
{
	json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:o?, s:s, s:I, s:s, s:s, s:s, s:s?, s:s, s:s?}",
			 "id", (json_int_t)k->id, "received", k->received, "source", k->source,
			 "source_ref", k->source_ref, "campaign_id", api_opt_int(k->campaign_id),
			 "campaign_name", k->campaign_name, "unit_id", (json_int_t)k->unit_id,
			 "unit_name", k->unit_name, "state", k->state,
			 "state_label", clue_state_label(k->state), "first_disposed", k->first_disposed,
			 "subjects_text", k->subject_names, "office", k->assigned_office);

	/* 线索编号 (issue 12) */
	if (j)
		json_object_set_new(j, "clue_no", k->clue_no ? json_string(k->clue_no) : json_null());
	return j;
}

static json_t *disposition_json(const struct disposition *d)
{
	const struct disposition_method *m = disposition_method_find(d->method);

	json_t *j = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s?, s:s, s:s}",
			      "id", (json_int_t)d->id, "clue_id", (json_int_t)d->clue_id,
			      "method", d->method, "method_label", m ? m->label : "", "reason", d->reason,
			      "state", d->state, "proposed_by", d->proposed_by_name,
			      "decided", d->decided,
			      "decided_by", d->decided_by_name, "decision_note", d->decision_note);

	if (d->transfer_direction)
		json_object_set_new(j, "transfer", json_pack("{s:s, s:s, s:s}", "direction", d->transfer_direction,
							     "to", d->transfer_to, "ref", d->transfer_ref));
	return j;
}

static json_t *approvals_json(struct req *r, int64_t disposition_id)
{
	struct approval *v;
	int n = disposition_approvals(&r->c, disposition_id, &v);
	json_t *a = json_array();

	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:o?, s:s, s:s, s:s}", "kind", v[i].kind,
						   "decision", v[i].decision, "user_id", api_opt_int(v[i].user_id),
						   "approver", v[i].approver, "day", v[i].day, "reason", v[i].reason));
	return a;
}

int api_clues(struct req *r)
{
	struct clue_filter f;
	struct clue *v = NULL;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &clue_filter_spec, &f, 100);
	n = clue_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "clue list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, clue_json(&v[i]));
	return api_reply_list(r, items, total, page);
}

/* "categories": a list of violation category codes, at most
 * CASE_MAX_CATEGORIES (absent: none) */
static void read_categories(struct req *r, json_t *o, const char **codes, int *n, struct fielderr *fe)
{
	json_t *v = json_object_get(o, "categories");

	if (!v || json_is_null(v))
		return;
	if (!json_is_array(v) || json_array_size(v) > CASE_MAX_CATEGORIES) {
		fielderr_add(fe, "categories", "违纪违法类别应为类别代码的列表");
		return;
	}
	for (size_t i = 0; i < json_array_size(v); i++) {
		json_t *m = json_array_get(v, i);
		if (!json_is_string(m)) {
			fielderr_add(fe, "categories", "违纪违法类别应为类别代码");
			return;
		}
		codes[(*n)++] = arena_strdup(r->arena, json_string_value(m));
	}
}

static json_t *api_codes(const char *const *codes, int n)
{
	json_t *a = json_array();

	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_string(codes[i]));
	return a;
}

int api_clue_show(struct req *r)
{
	struct clue k;
	struct clue_detail d;
	struct strbuf summary = STRBUF_INIT;
	json_t *j, *subjects, *disps, *timeline;
	int rc = clue_get(&r->c, r->id, &k);

	if (rc <= 0)
		return res_error(r, rc, "clue");
	if (clue_detail(&r->c, &k, &d) < 0 || clue_summary(&r->c, &k, &summary) < 0) {
		strbuf_release(&summary);
		return reply_error(r, E_STORE, "clue detail");
	}
	j = clue_json(&k);
	json_object_set_new(j, "summary", json_string(summary.buf));
	/* an inspection's 移交线索: the inspection it came from, null none */
	json_object_set_new(j, "inspection_id", api_opt_int(k.source && !strcmp(k.source, "inspection")
							    ? inspection_of_clue(&r->c, k.id) : 0));
	strbuf_release(&summary);
	subjects = json_array();
	for (int i = 0; i < d.n_subjects; i++)
		json_array_append_new(subjects, json_pack("{s:I, s:s, s:s, s:s, s:s}",
			"id", (json_int_t)d.subjects[i].id, "name", d.subjects[i].name,
			"rank", d.subjects[i].rank, "position", d.subjects[i].position,
			"unit_name", d.subjects[i].unit_name));
	disps = json_array();
	for (int i = 0; i < d.n_dispositions; i++) {
		json_t *x = disposition_json(&d.dispositions[i]);
		json_object_set_new(x, "approvals", approvals_json(r, d.dispositions[i].id));
		json_array_append_new(disps, x);
	}
	timeline = json_array();
	for (int i = 0; i < d.n_timeline; i++)
		json_array_append_new(timeline, json_pack("{s:I, s:s, s:s, s:s}",
			"at", (json_int_t)d.timeline[i].at, "user", d.timeline[i].user_name,
			"action", d.timeline[i].action, "detail", d.timeline[i].detail));
	json_object_set_new(j, "subjects", subjects);
	json_object_set_new(j, "categories", api_codes(d.categories, d.n_categories));
	json_object_set_new(j, "dispositions", disps);
	json_object_set_new(j, "timeline", timeline);
	return reply_json(r, 200, j);
}

int api_reply_dups(struct req *r, const struct clue_dup *dups, int n_dups)
{
	json_t *list = json_array();

	for (int i = 0; i < n_dups; i++)
		json_array_append_new(list, json_pack("{s:I, s:s, s:I}", "person_id",
			(json_int_t)dups[i].person_id, "name", dups[i].name,
			"open_clues", (json_int_t)dups[i].open));
	return reply_json(r, 409, json_pack("{s:i, s:s, s:o}", "code", (int)E_VALIDATION,
		"hint", "被反映人已有未办结的线索，确认后再登记（confirm: true）", "duplicates", list));
}

void api_clue_input(struct req *r, json_t *j, struct clue_input *in, struct fielderr *fe)
{
	json_t *subj, *camp;

	if (api_str(r, j, "received", &in->received) < 0)
		fielderr_add(fe, "received", "受理日期应为文本");
	if (api_str(r, j, "source", &in->source) < 0)
		fielderr_add(fe, "source", "线索来源应为文本");
	if (api_str(r, j, "source_ref", &in->source_ref) < 0)
		fielderr_add(fe, "source_ref", "来源编号应为文本");
	if (api_str(r, j, "summary", &in->summary) < 0)
		fielderr_add(fe, "summary", "主要问题应为文本");
	camp = json_object_get(j, "campaign_id");
	if (camp && !json_is_null(camp) && !json_is_integer(camp))
		fielderr_add(fe, "campaign_id", "专项整治应为编号");
	in->campaign_id = json_is_integer(camp) ? json_integer_value(camp) : 0;
	subj = json_object_get(j, "subjects");
	if (!json_is_array(subj) || json_array_size(subj) > CLUE_MAX_SUBJECTS) {
		fielderr_add(fe, "subjects", "被反映人应为人员编号的列表（至多16人）");
	} else {
		for (size_t i = 0; i < json_array_size(subj); i++) {
			json_t *v = json_array_get(subj, i);
			if (!json_is_integer(v)) {
				fielderr_add(fe, "subjects", "被反映人应为人员编号");
				break;
			}
			in->subjects[in->n_subjects++] = json_integer_value(v);
		}
	}
	read_categories(r, j, in->categories, &in->n_categories, fe);
	in->confirm = json_is_true(json_object_get(j, "confirm"));
}

int api_clue_registered(struct req *r, int64_t id, const struct fielderr *fe, const struct clue_dup *dups,
			int n_dups)
{
	if (id == RES_CONFIRM)
		return api_reply_dups(r, dups, n_dups);
	if (!res_ok(id))
		return api_result(r, id, fe, "clue", 0);
	return reply_json(r, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

int api_clue_create(struct req *r)
{
	json_t *j = api_body(r);
	struct clue_input in = { 0 };
	struct fielderr fe = { 0 };
	struct clue_dup *dups;
	int n_dups;
	int64_t id;

	if (!j)
		return MHD_YES;
	api_clue_input(r, j, &in, &fe);
	if (fe.n) {
		json_decref(j);
		return reply_fields(r, &fe);
	}
	id = clue_register(&r->c, &in, &fe, &dups, &n_dups);
	json_decref(j);
	return api_clue_registered(r, id, &fe, dups, n_dups);
}

int api_disposition_create(struct req *r)
{
	json_t *j = api_body(r), *t;
	struct disposition_input in = { 0 };
	struct fielderr fe = { 0 };
	int64_t id;

	if (!j)
		return MHD_YES;
	api_str(r, j, "method", &in.method);
	api_str(r, j, "reason", &in.reason);
	/* "transfer": {"direction", "to", "ref"} */
	t = json_object_get(j, "transfer");
	api_str(r, t, "direction", &in.transfer_direction);
	api_str(r, t, "to", &in.transfer_to);
	api_str(r, t, "ref", &in.transfer_ref);
	json_decref(j);
	id = disposition_propose(&r->c, r->id, &in, &fe);
	return api_result(r, id, &fe, "clue", 1);
}

void api_read_filing(struct req *r, json_t *o, struct case_filing *f, struct fielderr *fe)
{
	api_str(r, o, "case_type", &f->case_type);
	api_str(r, o, "organ_kind", &f->organ_kind);
	api_str(r, o, "organ_name", &f->organ_name);
	api_str(r, o, "committee_by", &f->committee_by);
	api_str(r, o, "committee_day", &f->committee_day);
	read_categories(r, o, f->categories, &f->n_categories, fe);
}

/* POST /api/clues/{id}/categories {"categories": [...]}: while the clue
 * is not disposed (issue 11) */
int api_clue_categories(struct req *r)
{
	json_t *j = api_body(r);
	const char *codes[CASE_MAX_CATEGORIES];
	struct fielderr fe = { 0 };
	int n = 0;

	if (!j)
		return MHD_YES;
	if (!json_is_array(json_object_get(j, "categories")))
		fielderr_add(&fe, "categories", "违纪违法类别应为类别代码的列表（可为空列表）");
	else
		read_categories(r, j, codes, &n, &fe);
	json_decref(j);
	if (fe.n)
		return reply_fields(r, &fe);
	return api_result(r, clue_set_categories(&r->c, r->id, codes, n, &fe), &fe, "clue", 0);
}

int api_disposition_decide(struct req *r)
{
	json_t *j = api_body(r), *approve;
	struct disposition_decision dd = { 0 };
	struct fielderr fe = { 0 };
	int rc;

	if (!j)
		return MHD_YES;
	approve = json_object_get(j, "approve");
	api_str(r, j, "day", &dd.day);
	api_str(r, j, "note", &dd.note);
	dd.approve = json_is_true(approve);
	if (!json_is_boolean(approve)) {
		json_decref(j);
		fielderr_add(&fe, "approve", "请选择批准（true）或退回（false）");
		return reply_fields(r, &fe);
	}
	api_read_filing(r, json_object_get(j, "filing"), &dd.filing, &fe);
	json_decref(j);
	if (fe.n)
		return reply_fields(r, &fe);
	rc = disposition_decide(&r->c, r->id, &dd, &fe);
	return api_result(r, rc, &fe, "disposition", 0);
}
