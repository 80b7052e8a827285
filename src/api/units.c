/* units.c: /api/units — list, read, create, update. */
#include "api/units.h"

#include <string.h>

#include "api/common.h"
#include "domain/unit.h"
#include "http/filter.h"
#include "http/http.h"

static json_t *unit_json(const struct unit *u)
{
	return json_pack("{s:I, s:s, s:s, s:o?, s:s, s:I, s:I}", "id", (json_int_t)u->id,
			 "name", u->name, "kind", u->kind, "parent_id", api_opt_int(u->parent_id),
			 "parent_name", u->parent_name ? u->parent_name : "",
			 "persons", (json_int_t)u->n_persons, "children", (json_int_t)u->n_children);
}

int api_units(struct req *r)
{
	struct unit_filter f;
	struct unit *v = NULL;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &unit_filter_spec, &f, 100);
	n = unit_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "unit list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, unit_json(&v[i]));
	return api_reply_list(r, items, total, page);
}

int api_unit_show(struct req *r)
{
	struct unit u;
	int rc = unit_get(&r->c, r->id, &u);

	if (rc <= 0)
		return res_error(r, rc, "unit");
	return reply_json(r, 200, unit_json(&u));
}

static int save(struct req *r, int64_t id)
{
	json_t *j = api_body(r), *parent;
	struct unit u = { .id = id };
	struct fielderr fe = { 0 };
	int64_t nid;

	if (!j)
		return MHD_YES;
	if (api_str(r, j, "name", &u.name) < 0)
		fielderr_add(&fe, "name", "单位名称应为文本");
	if (api_str(r, j, "kind", &u.kind) < 0)
		fielderr_add(&fe, "kind", "类别应为文本");
	parent = json_object_get(j, "parent_id");
	if (parent && !json_is_null(parent) && !json_is_integer(parent))
		fielderr_add(&fe, "parent_id", "上级单位应为编号");
	u.parent_id = json_is_integer(parent) ? json_integer_value(parent) : 0;
	json_decref(j);
	if (fe.n)
		return reply_fields(r, &fe);
	nid = unit_save(&r->c, &u, &fe);
	if (!res_ok(nid))
		return api_result(r, nid, &fe, "unit", 0);
	if (unit_get(&r->c, nid, &u) != 1)
		return reply_error(r, E_STORE, "unit reread");
	return reply_json(r, id ? 200 : 201, unit_json(&u));
}

int api_unit_create(struct req *r)
{
	return save(r, 0);
}

int api_unit_update(struct req *r)
{
	return save(r, r->id);
}
