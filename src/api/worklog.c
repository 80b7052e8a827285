/*
 * api/worklog.c: the work log's and the register's JSON twin
 * (api/worklog.h), the same filter specs and domain calls as the pages;
 * optional members null; a withheld title null with "hidden": true.
 */
#include "api/common.h"
#include "api/worklog.h"
#include "domain/regdoc.h"
#include "domain/result.h"
#include "domain/worklog.h"
#include "http/filter.h"
#include "http/http.h"

static json_t *activity_json(const struct activity *v)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:I, s:I, s:o?, s:s, s:s, s:s, s:o?, s:s?}", "id", (json_int_t)v->id,
			 "kind", v->kind, "kind_name", v->kind_name, "date", v->day, "count", (json_int_t)v->count,
			 "participants", (json_int_t)v->participants, "unit_id", api_opt_int(v->unit_id), "office",
			 v->office, "title", v->title, "note", v->note, "campaign_id", api_opt_int(v->campaign_id),
			 "category", v->category);
}

int api_worklog(struct req *r)
{
	struct activity_filter f;
	struct activity *v;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &activity_filter_spec, &f, 100);
	n = activity_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "activity list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, activity_json(&v[i]));
	return api_reply_list(r, items, total, page);
}

int api_activity(struct req *r)
{
	struct activity v;
	int rc = activity_get(&r->c, r->id, &v);

	if (rc != RES_DONE)
		return res_error(r, rc, "activity");
	return reply_json(r, 200, activity_json(&v));
}

static int64_t member_int(json_t *j, const char *key, int64_t dflt)
{
	json_t *v = json_object_get(j, key);

	return json_is_integer(v) ? (int64_t)json_integer_value(v) : v && !json_is_null(v) ? -1 : dflt;
}

/* one entry from an object; -1 when a member is not a string */
static int read_activity(struct req *r, json_t *j, struct activity *v)
{
	const char *cat = "";

	*v = (struct activity){ 0 };
	v->count = member_int(j, "count", 1);
	v->participants = member_int(j, "participants", 0);
	v->unit_id = member_int(j, "unit_id", 0);
	v->campaign_id = member_int(j, "campaign_id", 0);
	if (api_str(r, j, "kind", &v->kind) < 0 || api_str(r, j, "date", &v->day) < 0 ||
	    api_str(r, j, "title", &v->title) < 0 || api_str(r, j, "note", &v->note) < 0 ||
	    api_str(r, j, "category", &cat) < 0)
		return -1;
	v->category = cat;
	return 0;
}

int api_worklog_create(struct req *r)
{
	json_t *j = api_body(r);
	struct activity v;
	struct fielderr fe = { 0 };
	int64_t id;

	if (!j)
		return MHD_YES;
	if (read_activity(r, j, &v) < 0) {
		json_decref(j);
		return reply_error(r, E_BAD_REQUEST, "a member is not a string");
	}
	json_decref(j);
	id = activity_add(&r->c, &v, &fe);
	return api_result(r, id, &fe, "activity", 1);
}

int api_worklog_batch(struct req *r)
{
	json_t *j = api_body(r), *rows, *row;
	struct activity v[ACTIVITY_BATCH_MAX];
	struct fielderr fe = { 0 };
	size_t i;
	int n = 0;

	if (!j)
		return MHD_YES;
	rows = json_object_get(j, "rows");
	if (!json_is_array(rows) || json_array_size(rows) > ACTIVITY_BATCH_MAX) {
		json_decref(j);
		return reply_error(r, E_BAD_REQUEST, "rows: an array of at most 50 objects");
	}
	json_array_foreach(rows, i, row) {
		if (!json_is_object(row) || read_activity(r, row, &v[n]) < 0) {
			json_decref(j);
			return reply_error(r, E_BAD_REQUEST, "rows: objects with string members");
		}
		n++;
	}
	json_decref(j);
	return api_result(r, activity_add_batch(&r->c, v, n, NULL, &fe), &fe, "activity", 0);
}

int api_worklog_kinds(struct req *r)
{
	struct activity_kind *k;
	int n = activity_kinds(&r->c, &k);
	json_t *items;

	if (n < 0)
		return reply_error(r, E_STORE, "activity kinds");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:b, s:b, s:i}", "code", k[i].code, "name",
						       k[i].name, "unit", k[i].unit, "participants", k[i].participants,
						       "active", k[i].active, "seq", k[i].seq));
	return api_reply_list(r, items, n, 1);
}

int api_worklog_kind_put(struct req *r)
{
	json_t *j = api_body(r);
	struct activity_kind k = { 0 };
	struct fielderr fe = { 0 };
	json_t *active;

	if (!j)
		return MHD_YES;
	api_str(r, j, "code", &k.code);
	api_str(r, j, "name", &k.name);
	api_str(r, j, "unit", &k.unit);
	k.participants = json_is_true(json_object_get(j, "participants"));
	active = json_object_get(j, "active");
	k.active = !active || json_is_true(active);
	k.seq = (int)member_int(j, "seq", 0);
	json_decref(j);
	return api_result(r, activity_kind_put(&r->c, &k, &fe), &fe, "activity kind", 0);
}

/* ---- the register ---------------------------------------------------------------- */

static json_t *regdoc_json(const struct regdoc *d)
{
	return json_pack("{s:I, s:s, s:s, s:s?, s:b, s:s, s:s, s:s, s:s, s:s, s:s?, s:s}", "id", (json_int_t)d->id,
			 "direction", d->direction, "number", d->number, "title", d->hidden ? NULL : d->title,
			 "hidden", d->hidden, "secrecy", d->secrecy, "date", d->day, "counterpart", d->counterpart,
			 "state", d->state, "handler", d->handler, "due", d->due, "office", d->office);
}

int api_regdocs(struct req *r)
{
	struct regdoc_filter f;
	struct regdoc *v;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &regdoc_filter_spec, &f, 100);
	n = regdoc_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "regdoc list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, regdoc_json(&v[i]));
	return api_reply_list(r, items, total, page);
}

int api_regdoc(struct req *r)
{
	struct regdoc d;
	int rc = regdoc_get(&r->c, r->id, &d);

	if (rc != RES_DONE)
		return res_error(r, rc, "regdoc");
	return reply_json(r, 200, regdoc_json(&d));
}

int api_regdoc_create(struct req *r)
{
	json_t *j = api_body(r);
	struct regdoc d = { 0 };
	struct fielderr fe = { 0 };
	int64_t id;

	if (!j)
		return MHD_YES;
	api_str(r, j, "direction", &d.direction);
	api_str(r, j, "number", &d.number);
	api_str(r, j, "title", &d.title);
	api_str(r, j, "secrecy", &d.secrecy);
	api_str(r, j, "date", &d.day);
	api_str(r, j, "counterpart", &d.counterpart);
	api_str(r, j, "state", &d.state);
	api_str(r, j, "handler", &d.handler);
	api_str(r, j, "due", &d.due);
	json_decref(j);
	id = regdoc_add(&r->c, &d, &fe);
	return api_result(r, id, &fe, "regdoc", 1);
}

int api_regdoc_state(struct req *r)
{
	json_t *j = api_body(r);
	const char *state = "";
	struct fielderr fe = { 0 };
	int rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "state", &state);
	json_decref(j);
	rc = regdoc_set_state(&r->c, r->id, state);
	if (rc == RES_INVALID)
		fielderr_add(&fe, "state", "办理状态无效");
	return api_result(r, rc, &fe, "regdoc", 0);
}
