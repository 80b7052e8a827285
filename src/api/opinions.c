/*
 * api/opinions.c: the integrity opinion replies' JSON twin
 * (api/opinions.h), the same filter spec and domain calls as the pages.
 * A request is created from {"letter_no", "requester", "received",
 * "purpose", "due"?, and "text" (the list as pasted or a CSV file) or
 * "lines": [{"name", "unit", "id_number"?, "position"?}]}; the lines are
 * written as CSV and parsed by the same parser, so both answer alike.
 */
#include <string.h>

#include "api/common.h"
#include "api/opinions.h"
#include "api/persons.h"
#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/opinion.h"
#include "domain/result.h"
#include "http/filter.h"
#include "http/http.h"

static json_t *request_json(const struct opinion_request *q)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s?, s:s?, s:s, s:s?, s:s?, s:I, s:I}", "id", (json_int_t)q->id,
			 "letter_no", q->letter_no, "requester", q->requester, "received", q->received, "purpose",
			 q->purpose, "due", q->due, "reply_day", q->reply_day, "state", q->state, "number", q->number,
			 "replied", q->replied, "cadres", (json_int_t)q->n_lines, "pending", (json_int_t)q->n_pending);
}

static json_t *line_json(const struct opinion_line *l)
{
	return json_pack("{s:I, s:i, s:s, s:s, s:s, s:b, s:o?, s:s, s:i, s:s?, s:s, s:s?, s:s}", "id",
			 (json_int_t)l->id, "line_no", l->line_no, "name", l->name, "unit", l->unit_name, "position",
			 l->position, "id_number_given", l->id_mac != NULL, "person_id", api_opt_int(l->person_id),
			 "matched", l->matched, "candidates", l->candidates, "proposed", l->proposed, "reason",
			 l->reason, "opinion", l->opinion, "note", l->note);
}

int api_opinions(struct req *r)
{
	struct opinion_filter f;
	struct opinion_request *v;
	int64_t total = 0;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &opinion_filter_spec, &f, 100);
	n = opinion_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "opinion list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, request_json(&v[i]));
	return api_reply_list(r, items, total, page);
}

int api_opinion(struct req *r)
{
	struct opinion_request q;
	struct opinion_line *l;
	json_t *o, *lines;
	int n, rc = opinion_get(&r->c, r->id, &q);

	if (rc != RES_DONE)
		return res_error(r, rc, "opinion");
	if ((n = opinion_lines(&r->c, q.id, &l)) < 0)
		return reply_error(r, E_STORE, "opinion lines");
	o = request_json(&q);
	lines = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(lines, line_json(&l[i]));
	json_object_set_new(o, "lines", lines);
	return reply_json(r, 200, o);
}

static void csv_field(struct strbuf *sb, const char *v)
{
	strbuf_addch(sb, '"');
	for (; v && *v; v++) {
		if (*v == '"')
			strbuf_addch(sb, '"');
		strbuf_addch(sb, *v);
	}
	strbuf_addch(sb, '"');
}

/* "lines" as CSV with a header, in the arena; NULL when not an array */
static const char *lines_csv(struct req *r, json_t *a)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const keys[] = { "name", "unit", "id_number", "position" };
	const char *out;
	size_t i;
	json_t *v;

	if (!json_is_array(a))
		return NULL;
	strbuf_addstr(&sb, "姓名,单位,身份证号码,职务\n");
	json_array_foreach(a, i, v) {
		for (int k = 0; k < 4; k++) {
			const char *s = "";
			if (k)
				strbuf_addch(&sb, ',');
			api_str(r, v, keys[k], &s);
			csv_field(&sb, s);
		}
		strbuf_addch(&sb, '\n');
	}
	out = arena_strdup(r->arena, sb.buf ? sb.buf : "");
	strbuf_release(&sb);
	return out;
}

int api_opinion_create(struct req *r)
{
	json_t *j = api_body(r);
	struct opinion_request q = { 0 };
	struct fielderr fe = { 0 };
	const char *text = "", *csv;
	int64_t id;

	if (!j)
		return MHD_YES;
	api_str(r, j, "letter_no", &q.letter_no);
	api_str(r, j, "requester", &q.requester);
	api_str(r, j, "received", &q.received);
	api_str(r, j, "purpose", &q.purpose);
	api_str(r, j, "due", &q.due);
	api_str(r, j, "text", &text);
	if ((csv = lines_csv(r, json_object_get(j, "lines"))))
		text = csv;
	json_decref(j);
	id = opinion_create(&r->c, &q, text, strlen(text), &fe);
	return api_result(r, id, &fe, "opinion", 1);
}

static int64_t member_id(json_t *j, const char *key)
{
	json_t *v = json_object_get(j, key);

	return json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
}

/* {"line_id", "person_id"}: the person chosen; no person_id: no record */
int api_opinion_resolve(struct req *r)
{
	json_t *j = api_body(r);
	struct fielderr fe = { 0 };
	int64_t line, person;

	if (!j)
		return MHD_YES;
	line = member_id(j, "line_id");
	person = member_id(j, "person_id");
	json_decref(j);
	return api_result(r, opinion_resolve(&r->c, r->id, line, person, &fe), &fe, "opinion", 0);
}

int api_opinion_person(struct req *r)
{
	json_t *j = api_body(r);
	struct fielderr fe = { 0 };
	struct person p = { 0 };
	const char *idnum;
	int64_t line;

	if (!j)
		return MHD_YES;
	line = member_id(j, "line_id");
	idnum = api_person_read(r, j, &p, &fe);
	json_decref(j);
	if (fe.n)
		return reply_fields(r, &fe);
	return api_result(r, opinion_create_person(&r->c, r->id, line, &p, idnum, &fe), &fe, "opinion line", 1);
}

int api_opinion_check(struct req *r)
{
	json_t *j = api_body(r);
	struct fielderr fe = { 0 };
	const char *day = "";

	if (!j)
		return MHD_YES;
	api_str(r, j, "day", &day);
	json_decref(j);
	return api_result(r, opinion_check(&r->c, r->id, day, &fe), &fe, "opinion", 0);
}

int api_opinion_confirm(struct req *r)
{
	json_t *j = api_body(r);
	struct fielderr fe = { 0 };
	const char *code = "", *note = "";
	int64_t line;

	if (!j)
		return MHD_YES;
	line = member_id(j, "line_id");
	api_str(r, j, "opinion", &code);
	api_str(r, j, "note", &note);
	json_decref(j);
	return api_result(r, opinion_confirm(&r->c, r->id, line, code, note, &fe), &fe, "opinion", 0);
}

int api_opinion_confirm_all(struct req *r)
{
	struct fielderr fe = { 0 };

	return api_result(r, opinion_confirm_all(&r->c, r->id, &fe), &fe, "opinion", 0);
}

int api_opinion_reply(struct req *r)
{
	struct fielderr fe = { 0 };

	return api_result(r, opinion_reply(&r->c, r->id, &fe), &fe, "opinion", 0);
}
