/*
 * persons.c: /api/persons — list, read (audited), create, update.  The ID
 * number appears only for roles allowed to see it.
 */
#include "api/persons.h"

#include <string.h>

#include "api/common.h"
#include "api/outcomes.h"
#include "domain/authz.h"
#include "domain/person.h"
#include "domain/role.h"
#include "http/filter.h"
#include "http/http.h"

static json_t *person_json(struct req *r, const struct person *p, int detail)
{
	json_t *j = json_pack("{s:I, s:s, s:I, s:s, s:s, s:s, s:b, s:b, s:b}", "id", (json_int_t)p->id,
			      "name", p->name, "unit_id", (json_int_t)p->unit_id, "unit_name", p->unit_name,
			      "position", p->position, "rank", p->rank, "top_leader", p->top_leader,
			      "leadership", p->leadership, "party_member", p->party_member);
	json_object_update_new(j, json_pack("{s:s, s:s?, s:s, s:s?, s:b, s:b}", "gender", p->gender,
					    "birth_date", p->birth_date, "ethnicity", p->ethnicity,
					    "party_joined", p->party_joined, "npc_deputy", p->npc_deputy,
					    "cppcc_member", p->cppcc_member));
	if (detail) {
		struct person_post *t;
		int n = person_posts(&r->c, p, &t);
		json_t *posts = json_array();
		for (int i = 0; i < n; i++)
			json_array_append_new(posts, json_pack("{s:I, s:s, s:s, s:s?, s:s?}", "unit_id",
				(json_int_t)t[i].unit_id, "unit_name", t[i].unit_name, "post", t[i].post,
				"from", t[i].start_day, "to", t[i].end_day));
		json_object_set_new(j, "posts", posts);
	}
	if (detail) {
		struct strbuf id = STRBUF_INIT;
		int rc = person_id_number(&r->c, p, &id);
		json_object_update_new(j, json_pack("{s:s?, s:b}", "id_number", rc == 1 ? id.buf : NULL,
						    "id_number_recorded", p->id_number_enc != NULL));
		strbuf_release(&id);
	}
	return j;
}

int api_persons(struct req *r)
{
	struct person_filter f;
	struct person *v = NULL;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &person_filter_spec, &f, 100);
	n = person_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "person list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, person_json(r, &v[i], 0));
	return api_reply_list(r, items, total, page);
}

int api_person_show(struct req *r)
{
	struct person p;
	int rc = person_get(&r->c, r->id, &p);

	if (rc <= 0)
		return res_error(r, rc, "person");
	{
		json_t *j = person_json(r, &p, 1), *rec = api_person_record(r, &p);
		if (rec)
			json_object_set_new(j, "record", rec);
		return reply_json(r, 200, j);
	}
}

static int get_bool(json_t *j, const char *key, int *out, struct fielderr *fe)
{
	json_t *v = json_object_get(j, key);

	*out = 0;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_boolean(v)) {
		fielderr_add(fe, key, "应为 true 或 false");
		return -1;
	}
	*out = json_is_true(v);
	return 0;
}

const char *api_person_read(struct req *r, json_t *j, struct person *p, struct fielderr *fe)
{
	json_t *unit, *idn;
	const char *idnum = NULL;

	if (api_str(r, j, "name", &p->name) < 0)
		fielderr_add(fe, "name", "姓名应为文本");
	if (api_str(r, j, "position", &p->position) < 0)
		fielderr_add(fe, "position", "职务应为文本");
	if (api_str(r, j, "rank", &p->rank) < 0)
		fielderr_add(fe, "rank", "职级应为文本");
	unit = json_object_get(j, "unit_id");
	if (!json_is_integer(unit))
		fielderr_add(fe, "unit_id", "请选择所在单位");
	else
		p->unit_id = json_integer_value(unit);
	get_bool(j, "top_leader", &p->top_leader, fe);
	get_bool(j, "leadership", &p->leadership, fe);
	get_bool(j, "party_member", &p->party_member, fe);
	get_bool(j, "npc_deputy", &p->npc_deputy, fe);
	get_bool(j, "cppcc_member", &p->cppcc_member, fe);
	{
		/* the personnel record's fields (0034); post_from: the day a
		 * new unit or post takes effect (default today) */
		static const char *const keys[] = { "gender", "birth_date", "ethnicity", "party_joined",
						    "post_from" };
		const char **out[] = { &p->gender, &p->birth_date, &p->ethnicity, &p->party_joined, &p->post_from };
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (api_str(r, j, keys[i], out[i]) < 0)
				fielderr_add(fe, keys[i], "应为文本");
	}
	/* absent: keep (update) / none (create); null or "": clear */
	idn = json_object_get(j, "id_number");
	if (idn && !json_is_null(idn) && !json_is_string(idn))
		fielderr_add(fe, "id_number", "身份证号码应为文本");
	else if (idn)
		api_str(r, j, "id_number", &idnum);
	else if (!p->id)
		idnum = "";
	return idnum;
}

static int save(struct req *r, int64_t id)
{
	json_t *j = api_body(r);
	struct person p = { .id = id };
	struct fielderr fe = { 0 };
	const char *idnum;
	int64_t nid;

	if (!j)
		return MHD_YES;
	idnum = api_person_read(r, j, &p, &fe);
	json_decref(j);
	if (fe.n)
		return reply_fields(r, &fe);
	nid = person_save(&r->c, &p, idnum, &fe);
	if (!res_ok(nid))
		return api_result(r, nid, &fe, "person", 0);
	if (person_get(&r->c, nid, &p) != 1)
		return reply_error(r, E_STORE, "person reread");
	return reply_json(r, id ? 200 : 201, person_json(r, &p, 1));
}

int api_person_create(struct req *r)
{
	return save(r, 0);
}

int api_person_update(struct req *r)
{
	return save(r, r->id);
}
