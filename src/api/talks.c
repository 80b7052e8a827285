/*
 * api/talks.c: talks and personal matter reports as JSON (api/talks.h), the
 * same filter specs and domain calls as the pages; optional members null.
 */
#include "api/common.h"
#include "api/talks.h"
#include "domain/matter_report.h"
#include "domain/result.h"
#include "domain/talk.h"
#include "http/filter.h"
#include "http/http.h"

static json_t *talk_json(const struct talk *t, int with_note)
{
	return json_pack("{s:I, s:s, s:s, s:o?, s:s, s:I, s:s, s:I, s:b, s:s, s:s?, s:o?}", "id", (json_int_t)t->id,
			 "kind", t->kind, "day", t->day, "person_id", api_opt_int(t->person_id), "person_name",
			 t->person_name, "unit_id", (json_int_t)t->unit_id, "unit_name", t->unit_name, "persons",
			 (json_int_t)t->persons, "unit_led", t->unit_led, "talker", t->talker_name, "note",
			 with_note ? t->note : NULL, "outcome_id", api_opt_int(t->outcome_id));
}

int api_talks(struct req *r)
{
	struct talk_filter f;
	struct talk *v;
	int64_t total;
	int n;
	json_t *items;

	req_filter(r, &talk_filter_spec, &f, 100);
	n = talk_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "talk list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, talk_json(&v[i], 0));
	return api_reply_list(r, items, total, req_page(r));
}

int api_talk(struct req *r)
{
	struct talk t;
	int rc = talk_get(&r->c, r->id, &t);

	if (rc != RES_DONE)
		return res_error(r, rc, "talk");
	return reply_json(r, 200, talk_json(&t, 1));
}

static int64_t member_int(json_t *j, const char *key)
{
	json_t *v = json_object_get(j, key);

	return json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
}

int api_talk_create(struct req *r)
{
	json_t *j = api_body(r), *ids, *one;
	struct talk t = { 0 };
	struct fielderr fe = { 0 };
	int64_t pids[TALK_BATCH_MAX], made[TALK_BATCH_MAX];
	size_t i;
	int n = 0, rc;
	json_t *out;

	if (!j)
		return MHD_YES;
	api_str(r, j, "kind", &t.kind);
	api_str(r, j, "day", &t.day);
	api_str(r, j, "talker_name", &t.talker_name);
	api_str(r, j, "note", &t.note);
	if (!t.talker_name || !*t.talker_name)
		t.talker_id = r->c.who.id;
	t.unit_led = json_is_true(json_object_get(j, "unit_led"));
	t.unit_id = member_int(j, "unit_id");
	t.persons = member_int(j, "persons");
	ids = json_object_get(j, "person_ids");
	json_array_foreach(ids, i, one) {
		if (n >= TALK_BATCH_MAX || !json_is_integer(one)) {
			fielderr_add(&fe, "person_ids", "谈话对象应为人员编号的列表，一次最多200人");
			break;
		}
		pids[n++] = (int64_t)json_integer_value(one);
	}
	if (!fe.n)
		rc = talk_add(&r->c, &t, pids, n, made, &fe);
	else
		rc = RES_INVALID;
	json_decref(j);
	if (rc <= 0)
		return api_result(r, rc, &fe, "talk", 1);
	out = json_array();
	for (int k = 0; k < rc; k++)
		json_array_append_new(out, json_integer(made[k]));
	return reply_json(r, 201, json_pack("{s:o, s:i}", "ids", out, "count", rc));
}

/* A member given in a correction's body replaces the record's value; an
 * absent (or null) one keeps it.  -1 when present with the wrong type. */
static int opt_str(struct req *r, json_t *j, const char *key, const char **v, struct fielderr *fe)
{
	json_t *m = json_object_get(j, key);

	if (!m || json_is_null(m))
		return 0;
	if (api_str(r, j, key, v) < 0) {
		fielderr_add(fe, key, "应为文本");
		return -1;
	}
	return 0;
}

static void opt_int(json_t *j, const char *key, int64_t *v, struct fielderr *fe)
{
	json_t *m = json_object_get(j, key);

	if (!m || json_is_null(m))
		return;
	if (!json_is_integer(m))
		fielderr_add(fe, key, "应为整数");
	else
		*v = (int64_t)json_integer_value(m);
}

static void opt_bool(json_t *j, const char *key, int *v, struct fielderr *fe)
{
	json_t *m = json_object_get(j, key);

	if (!m || json_is_null(m))
		return;
	if (!json_is_boolean(m))
		fielderr_add(fe, key, "应为true或false");
	else
		*v = json_is_true(m);
}

/* PUT /api/talks/{id}: {reason, kind?, day?, person_id?, persons?, talker?, note?} */
int api_talk_update(struct req *r)
{
	json_t *j = api_body(r);
	struct fielderr fe = { 0 };
	const char *reason = "";
	struct talk t;
	int rc;

	if (!j)
		return MHD_YES;
	rc = talk_get(&r->c, r->id, &t);
	if (rc != RES_DONE) {
		json_decref(j);
		return res_error(r, rc, "talk");
	}
	api_str(r, j, "reason", &reason);
	opt_str(r, j, "kind", &t.kind, &fe);
	opt_str(r, j, "day", &t.day, &fe);
	opt_str(r, j, "talker", &t.talker_name, &fe);
	opt_str(r, j, "note", &t.note, &fe);
	opt_int(j, "person_id", &t.person_id, &fe);
	opt_int(j, "persons", &t.persons, &fe);
	json_decref(j);
	if (!fe.n)
		rc = talk_edit(&r->c, &t, reason, &fe);
	if (fe.n)
		return reply_fields(r, &fe);
	if (rc != RES_DONE)
		return res_error(r, rc, "talk");
	return api_talk(r);
}

int api_talk_outcome(struct req *r)
{
	json_t *j = api_body(r);
	const char *measure = "";
	struct fielderr fe = { 0 };
	int64_t id;

	if (!j)
		return MHD_YES;
	api_str(r, j, "measure", &measure);
	id = talk_outcome(&r->c, r->id, measure, &fe);
	json_decref(j);
	return api_result(r, id, &fe, "talk", 1);
}

/* ---- personal matter reports ----------------------------------------------------- */

static json_t *report_json(const struct matter_report *m)
{
	return json_pack("{s:I, s:I, s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:b, s:I, s:I, s:b, s:b, s:s, s:s, s:s?}",
			 "id", (json_int_t)m->id, "person_id", (json_int_t)m->person_id, "person_name", m->person_name,
			 "unit_id", (json_int_t)m->unit_id, "unit_name", m->unit_name, "kind", m->kind, "event_day",
			 m->event_day, "reported", m->reported, "due", m->due, "late", m->late, "guests",
			 (json_int_t)m->guests, "tables", (json_int_t)m->tables, "public_funds", m->public_funds,
			 "public_vehicles", m->public_vehicles, "note", m->note, "state", m->state, "checked_on",
			 m->checked_on);
}

int api_matter_reports(struct req *r)
{
	struct matter_report_filter f;
	struct matter_report *v;
	int64_t total;
	int n;
	json_t *items;

	req_filter(r, &matter_report_filter_spec, &f, 100);
	n = matter_report_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "matter report list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, report_json(&v[i]));
	return api_reply_list(r, items, total, req_page(r));
}

int api_matter_report(struct req *r)
{
	struct matter_report m;
	int rc = matter_report_get(&r->c, r->id, &m);

	if (rc != RES_DONE)
		return res_error(r, rc, "matter_report");
	return reply_json(r, 200, report_json(&m));
}

int api_matter_report_create(struct req *r)
{
	json_t *j = api_body(r);
	struct matter_report m = { 0 };
	struct fielderr fe = { 0 };
	int64_t id;

	if (!j)
		return MHD_YES;
	m.person_id = member_int(j, "person_id");
	api_str(r, j, "kind", &m.kind);
	api_str(r, j, "event_day", &m.event_day);
	api_str(r, j, "reported", &m.reported);
	api_str(r, j, "note", &m.note);
	m.guests = member_int(j, "guests");
	m.tables = member_int(j, "tables");
	m.public_funds = json_is_true(json_object_get(j, "public_funds"));
	m.public_vehicles = json_is_true(json_object_get(j, "public_vehicles"));
	id = matter_report_add(&r->c, &m, &fe);
	json_decref(j);
	return api_result(r, id, &fe, "matter_report", 1);
}

/* PUT /api/matter-reports/{id}: {reason, kind?, event_day?, reported?,
 * guests?, tables?, public_funds?, public_vehicles?, note?}; the answer is
 * the report with its clock recomputed */
int api_matter_report_update(struct req *r)
{
	json_t *j = api_body(r);
	struct fielderr fe = { 0 };
	const char *reason = "";
	struct matter_report m;
	int rc;

	if (!j)
		return MHD_YES;
	rc = matter_report_get(&r->c, r->id, &m);
	if (rc != RES_DONE) {
		json_decref(j);
		return res_error(r, rc, "matter_report");
	}
	api_str(r, j, "reason", &reason);
	opt_str(r, j, "kind", &m.kind, &fe);
	opt_str(r, j, "event_day", &m.event_day, &fe);
	opt_str(r, j, "reported", &m.reported, &fe);
	opt_str(r, j, "note", &m.note, &fe);
	opt_int(j, "guests", &m.guests, &fe);
	opt_int(j, "tables", &m.tables, &fe);
	opt_bool(j, "public_funds", &m.public_funds, &fe);
	opt_bool(j, "public_vehicles", &m.public_vehicles, &fe);
	json_decref(j);
	if (!fe.n)
		rc = matter_report_edit(&r->c, &m, reason, &fe);
	if (fe.n)
		return reply_fields(r, &fe);
	if (rc != RES_DONE)
		return res_error(r, rc, "matter_report");
	return api_matter_report(r);
}

int api_matter_report_check(struct req *r)
{
	json_t *j = api_body(r);
	struct fielderr fe = { 0 };
	int concern;

	if (!j)
		return MHD_YES;
	concern = json_is_true(json_object_get(j, "concern"));
	json_decref(j);
	return api_result(r, matter_report_check(&r->c, r->id, concern, &fe), &fe, "matter_report", 0);
}
