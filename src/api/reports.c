/*
 * reports.c: /api/reports: the report (信访举报) registry, registration,
 * a report with its clocks and timeline, its dated steps and its turning
 * into a problem clue, through the same domain calls and checks as the
 * pages.  The reporter's identity is null for the roles that may not see
 * it (reporter_hidden: true).
 */
#include "api/reports.h"

#include <inttypes.h>
#include <string.h>

#include "api/clues.h"
#include "api/common.h"
#include "core/arena.h"
#include "domain/clue.h"
#include "domain/report.h"
#include "http/filter.h"
#include "http/http.h"

static json_t *report_json(const struct report *k)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:b, s:s, s:s, s:o?, s:s, s:s, s:s, s:b, "
			 "s:s?, s:s, s:s?, s:s, s:s?, s:s?, s:s?, s:s?, s:o?, s:s}",
		"id", (json_int_t)k->id, "received", k->received, "channel", k->channel,
		"channel_label", label_of(report_channels, k->channel), "real_name", k->real_name,
		"category", k->category, "category_label", label_of(report_categories, k->category),
		"unit_id", api_opt_int(k->unit_id), "unit_name", k->unit_name,
		"state", k->state, "state_label", label_of(report_states, k->state),
		"other_level", k->other_level,
		"accepted", k->accepted, "accept_note", k->accept_note,
		"transferred", k->transferred, "transfer_to", k->transfer_to,
		"concluded", k->concluded, "extended", k->extended,
		"notified_accept", k->notified_accept, "notified_outcome", k->notified_outcome,
		"clue_id", api_opt_int(k->clue_id), "accused_text", k->accused_names);

	if (o && json_object_update_new(o, json_pack("{s:s, s:s, s:b}", "kind", k->kind, "kind_label",
						     label_of(report_kinds, k->kind), "repeated", k->repeated)) < 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

int api_reports(struct req *r)
{
	struct report_filter f;
	struct report *v = NULL;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &report_filter_spec, &f, 100);
	n = report_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "report list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, report_json(&v[i]));
	return api_reply_list(r, items, total, page);
}

static json_t *clocks_json(const struct report_detail *d)
{
	json_t *v = json_array();
	char b1[11], b2[11], b3[11];

	for (int i = 0; i < d->n_clocks; i++) {
		const struct report_clock *k = &d->clocks[i];
		json_array_append_new(v, json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s, s:s}", "clock", k->clock,
			"label", k->label, "start", date_format(k->start, b1), "due", date_format(k->due, b2),
			"done", k->done == QF_DAY_NONE ? NULL : date_format(k->done, b3),
			"state", clock_state_label(k->state), "source", k->source));
	}
	return v;
}

int api_report_show(struct req *r)
{
	struct report k;
	struct report_detail d;
	json_t *j, *accused, *timeline;
	int rc = report_get(&r->c, r->id, &k);

	if (rc <= 0)
		return res_error(r, rc, "report");
	if (report_detail(&r->c, &k, &d) < 0)
		return reply_error(r, E_STORE, "report detail");
	accused = json_array();
	for (int i = 0; i < d.n_accused; i++)
		json_array_append_new(accused, json_pack("{s:I, s:s, s:s, s:s, s:s}",
			"id", (json_int_t)d.accused[i].id, "name", d.accused[i].name,
			"rank", d.accused[i].rank, "position", d.accused[i].position,
			"unit_name", d.accused[i].unit_name));
	timeline = json_array();
	for (int i = 0; i < d.n_timeline; i++)
		json_array_append_new(timeline, json_pack("{s:I, s:s, s:s, s:s}",
			"at", (json_int_t)d.timeline[i].at, "user", d.timeline[i].user_name,
			"action", d.timeline[i].action, "detail", d.timeline[i].detail));
	j = report_json(&k);
	json_object_update_new(j, json_pack("{s:s, s:s?, s:s?, s:b, s:o, s:o, s:o}",
		"summary", d.summary, "reporter", d.reporter, "contact", d.contact,
		"reporter_hidden", d.identity_hidden, "accused", accused, "clocks", clocks_json(&d),
		"timeline", timeline));
	return reply_json(r, 200, j);
}

/* A boolean member: 1 true, 0 false or absent; -1 when not a boolean. */
static int api_bool(json_t *o, const char *key, int *out)
{
	json_t *v = json_object_get(o, key);

	*out = json_is_true(v);
	return !v || json_is_null(v) || json_is_boolean(v) ? 0 : -1;
}

int api_report_create(struct req *r)
{
	static const struct {
		const char *key, *msg;
	} texts[] = {
		{ "received", "收到日期应为文本" }, { "channel", "举报渠道应为文本" },
		{ "category", "举报类别应为文本" }, { "kind", "办理依据应为文本" },
		{ "reporter", "举报人姓名应为文本" },
		{ "contact", "联系方式应为文本" }, { "summary", "主要问题应为文本" },
	};
	json_t *j = api_body(r), *acc;
	struct report_input in = { 0 };
	const char **dst[] = { &in.received, &in.channel, &in.category, &in.kind, &in.reporter,
			       &in.contact, &in.summary };
	struct fielderr fe = { 0 };
	int64_t id;

	if (!j)
		return MHD_YES;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (api_str(r, j, texts[i].key, dst[i]) < 0)
			fielderr_add(&fe, texts[i].key, texts[i].msg);
	if (api_bool(j, "real_name", &in.real_name) < 0)
		fielderr_add(&fe, "real_name", "是否实名应为 true 或 false");
	if (api_bool(j, "other_level", &in.other_level) < 0)
		fielderr_add(&fe, "other_level", "是否属其他层级应为 true 或 false");
	if (api_bool(j, "repeated", &in.repeated) < 0)
		fielderr_add(&fe, "repeated", "是否重复举报应为 true 或 false");
	acc = json_object_get(j, "accused");
	if (acc && !json_is_null(acc) && (!json_is_array(acc) || json_array_size(acc) > REPORT_MAX_ACCUSED)) {
		fielderr_add(&fe, "accused", "被反映人应为人员编号的列表（至多16人）");
	} else {
		for (size_t i = 0; i < json_array_size(acc); i++) {
			json_t *v = json_array_get(acc, i);
			if (!json_is_integer(v)) {
				fielderr_add(&fe, "accused", "被反映人应为人员编号");
				break;
			}
			in.accused[in.n_accused++] = json_integer_value(v);
		}
	}
	json_decref(j);
	if (fe.n)
		return reply_fields(r, &fe);
	id = report_register(&r->c, &in, &fe);
	return api_result(r, id, &fe, "report", 1);
}

/* Takes one step and answers 200 {"ok": true}, 422, 404 or 503. */
static int step_reply(struct req *r, enum report_step step, const char *day, const char *text)
{
	struct fielderr fe = { 0 };
	int rc = report_step(&r->c, r->id, step, day, text, &fe);

	return api_result(r, rc, &fe, "report", 0);
}

/* The body's "day" and one more text member (key may be NULL). */
static json_t *step_body(struct req *r, const char **day, const char *key, const char **text)
{
	json_t *j = api_body(r);

	*day = *text = "";
	if (j) {
		api_str(r, j, "day", day);
		if (key)
			api_str(r, j, key, text);
	}
	return j;
}

int api_report_acceptance(struct req *r)
{
	const char *day, *note;
	json_t *j = step_body(r, &day, "note", &note);
	json_t *accept;
	int yes;

	if (!j)
		return MHD_YES;
	accept = json_object_get(j, "accept");
	yes = json_is_true(accept);
	if (!json_is_boolean(accept)) {
		struct fielderr fe = { 0 };
		json_decref(j);
		fielderr_add(&fe, "accept", "请选择受理（true）或不予受理（false）");
		return reply_fields(r, &fe);
	}
	json_decref(j);
	return step_reply(r, yes ? REPORT_ACCEPT : REPORT_NOT_ACCEPT, day, note);
}

int api_report_transfer(struct req *r)
{
	const char *day, *to, *ref;
	json_t *j = step_body(r, &day, "transfer_to", &to);
	struct fielderr fe = { 0 };
	int rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "transfer_ref", &ref);
	json_decref(j);
	rc = report_forward(&r->c, r->id, day, to, ref, &fe);
	return api_result(r, rc, &fe, "report", 0);
}

int api_report_conclusion(struct req *r)
{
	const char *day, *none;
	json_t *j = step_body(r, &day, NULL, &none);

	if (!j)
		return MHD_YES;
	json_decref(j);
	return step_reply(r, REPORT_CONCLUDE, day, "");
}

int api_report_extension(struct req *r)
{
	const char *day, *note;
	json_t *j = step_body(r, &day, "note", &note);

	if (!j)
		return MHD_YES;
	json_decref(j);
	return step_reply(r, REPORT_EXTEND, day, note);
}

int api_report_notice(struct req *r)
{
	const char *day, *kind;
	json_t *j = step_body(r, &day, "kind", &kind);

	if (!j)
		return MHD_YES;
	json_decref(j);
	if (strcmp(kind, "accept") && strcmp(kind, "outcome")) {
		struct fielderr fe = { 0 };
		fielderr_add(&fe, "kind", "请选择告知类别：accept（受理告知）或 outcome（结果反馈）");
		return reply_fields(r, &fe);
	}
	return step_reply(r, !strcmp(kind, "accept") ? REPORT_NOTIFY_ACCEPT : REPORT_NOTIFY_OUTCOME,
			  day, "");
}

int api_report_clue(struct req *r)
{
	const char *day, *none;
	json_t *j = step_body(r, &day, NULL, &none);
	struct fielderr fe = { 0 };
	struct clue_dup *dups;
	int n_dups, confirm;
	int64_t id;

	if (!j)
		return MHD_YES;
	confirm = json_is_true(json_object_get(j, "confirm"));
	json_decref(j);
	id = report_to_clue(&r->c, r->id, day, confirm, &fe, &dups, &n_dups);
	if (id == RES_CONFIRM)
		return api_reply_dups(r, dups, n_dups);
	if (!res_ok(id))
		return api_result(r, id, &fe, "report", 0);
	return reply_json(r, 201, json_pack("{s:I}", "clue_id", (json_int_t)id));
}

/* {"kind", "category", "repeated"}: each may be left out (unchanged) */
int api_report_kind(struct req *r)
{
	json_t *j = api_body(r);
	const char *kind = "", *category = "";
	struct fielderr fe = { 0 };
	int repeated = -1, rc;

	if (!j)
		return MHD_YES;
	if (api_str(r, j, "kind", &kind) < 0)
		fielderr_add(&fe, "kind", "办理类型应为文本");
	if (api_str(r, j, "category", &category) < 0)
		fielderr_add(&fe, "category", "举报类别应为文本");
	if (json_object_get(j, "repeated") && api_bool(j, "repeated", &repeated) < 0)
		fielderr_add(&fe, "repeated", "是否重复举报应为 true 或 false");
	json_decref(j);
	if (fe.n)
		return api_result(r, RES_INVALID, &fe, "report", 0);
	rc = report_correct_kind(&r->c, r->id, kind, repeated, category, &fe);
	return api_result(r, rc, &fe, "report", 0);
}
