/*
 * api/targets.c: GET /api/targets (the task list, the page's filters),
 * GET /api/targets/{id} (a task with its notes), POST /api/targets,
 * POST /api/targets/{id}/progress, GET /api/reminders (the actor's, or
 * all for the issuing office), POST /api/reminders/{id}/ack and
 * GET /api/scores?year=&quarter= (a period's sheet as the actor may see
 * it).  Optional members are null.
 */
#include <stdlib.h>

#include "api/common.h"
#include "api/targets.h"
#include "domain/reminder.h"
#include "domain/score.h"
#include "domain/target.h"
#include "http/filter.h"
#include "http/http.h"

static json_t *task_json(const struct target_task *t, const char *today)
{
	return json_pack("{s:I, s:I, s:s, s:i, s:s, s:s, s:o?, s:s, s:s, s:s, s:s?, s:s?, s:s}",
			 "id", (json_int_t)t->id, "ledger_id", (json_int_t)t->ledger_id, "ledger", t->ledger_name,
			 "year", t->ledger_year, "aspect", t->aspect, "title", t->title,
			 "leader_id", api_opt_int(t->leader_id), "leader", t->leader_name, "office", t->office,
			 "deadline", t->deadline, "started", t->started, "done", t->done,
			 "state", target_state_code(target_state(t, today)));
}

int api_targets(struct req *r)
{
	struct target_filter f;
	struct target_task *v;
	int64_t total;
	int page = req_page(r), n;
	const char *today = target_today(&r->c);
	json_t *items;

	req_filter(r, &target_filter_spec, &f, 100);
	n = target_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "target list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, task_json(&v[i], today));
	return api_reply_list(r, items, total, page);
}

int api_target(struct req *r)
{
	struct target_task t;
	struct target_note *notes;
	int rc = target_get(&r->c, r->id, &t), n;
	json_t *o, *a;

	if (rc != RES_DONE)
		return api_result(r, rc, NULL, "target", 0);
	n = target_notes(&r->c, t.id, &notes);
	if (n < 0)
		return reply_error(r, E_STORE, "target notes");
	o = task_json(&t, target_today(&r->c));
	a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "day", notes[i].day, "by", notes[i].user_name,
						   "text", notes[i].text));
	json_object_set_new(o, "notes", a);
	return reply_json(r, 200, o);
}

/* {"ledger_id", "aspect", "title", "leader_id"?, "office"?, "deadline"} */
int api_target_create(struct req *r)
{
	json_t *j = api_body(r);
	struct target_task t = { .aspect = "", .title = "", .office = "", .deadline = "" };
	struct fielderr fe = { 0 };
	int64_t id;

	if (!j)
		return MHD_YES;
	t.ledger_id = json_integer_value(json_object_get(j, "ledger_id"));
	t.leader_id = json_integer_value(json_object_get(j, "leader_id"));
	api_str(r, j, "aspect", &t.aspect);
	api_str(r, j, "title", &t.title);
	api_str(r, j, "office", &t.office);
	api_str(r, j, "deadline", &t.deadline);
	id = target_create(&r->c, &t, &fe);
	json_decref(j);
	if (!res_ok(id))
		return api_result(r, id, &fe, "target", 1);
	return reply_json(r, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

/* {"text", "day"?, "done"?} */
int api_target_progress(struct req *r)
{
	json_t *j;
	struct target_task t;
	struct fielderr fe = { 0 };
	const char *text = "", *day = "";
	int rc = target_get(&r->c, r->id, &t);

	if (rc != RES_DONE)
		return api_result(r, rc, NULL, "target", 0);
	if (!target_may_write(&r->c, &t))
		return reply_error(r, E_FORBIDDEN, NULL);
	if (!(j = api_body(r)))
		return MHD_YES;
	api_str(r, j, "text", &text);
	api_str(r, j, "day", &day);
	rc = target_progress(&r->c, r->id, day, text, json_is_true(json_object_get(j, "done")), &fe);
	json_decref(j);
	return api_result(r, rc, &fe, "target", 0);
}

int api_reminders(struct req *r)
{
	struct reminder_filter f;
	struct reminder *v;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &reminder_filter_spec, &f, 100);
	n = reminder_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "reminder list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:o?}",
			"id", (json_int_t)v[i].id, "kind", v[i].kind, "number", v[i].number, "title", v[i].title,
			"text", v[i].body, "issued", v[i].issued, "recipients", (json_int_t)v[i].recipients,
			"acked", (json_int_t)v[i].acked,
			"acked_at", v[i].acked_at > 0 ? json_integer(v[i].acked_at) : NULL));
	return api_reply_list(r, items, total, page);
}

int api_reminder_ack(struct req *r)
{
	int rc = reminder_ack(&r->c, r->id);

	if (rc == RES_INVALID)
		return reply_error(r, E_FORBIDDEN, NULL);
	return api_result(r, rc, NULL, "reminder", 0);
}

int api_scores(struct req *r)
{
	struct score_board b;
	const char *y = req_arg(r, "year"), *q = req_arg(r, "quarter");
	int rc = score_board(&r->c, *y ? atoi(y) : atoi(target_today(&r->c)), *q ? atoi(q) : 1, &b);
	json_t *crit, *rows;

	if (rc != RES_DONE)
		return api_result(r, rc, NULL, "scores", 0);
	crit = json_array();
	for (int j = 0; j < b.ncrit; j++)
		json_array_append_new(crit, json_pack("{s:I, s:s, s:i}", "id", (json_int_t)b.crit[j].id,
						      "name", b.crit[j].name, "max_tenths", b.crit[j].max_tenths));
	rows = json_array();
	for (int i = 0; i < b.nrows; i++) {
		json_t *t = json_array();
		for (int j = 0; j < b.ncrit; j++)
			json_array_append_new(t, b.rows[i].tenths[j] >= 0 ? json_integer(b.rows[i].tenths[j]) : json_null());
		json_array_append_new(rows, json_pack("{s:s, s:s, s:b, s:o, s:i, s:i}", "subject", b.rows[i].subject,
			"name", b.rows[i].label, "township", b.rows[i].township, "tenths", t,
			"total_tenths", b.rows[i].total, "rank", b.rows[i].rank));
	}
	return reply_json(r, 200, json_pack("{s:i, s:i, s:b, s:o, s:o}", "year", b.period.year,
					    "quarter", b.period.quarter, "published", b.period.published_at != 0,
					    "criteria", crit, "rows", rows));
}
