/*
 * categories.c: /api/categories: the violation category catalog (违纪违法
 * 类别) read by anyone signed in (the codes a filing approval names), and
 * edited by the case manager through the same domain calls as the page
 * (case_filing.h): add, retire from a day or take back; never delete.
 */
#include "api/categories.h"

#include "api/common.h"
#include "core/arena.h"
#include "domain/case_filing.h"
#include "domain/result.h"
#include "http/http.h"

int api_categories(struct req *r)
{
	struct violation_category *v;
	int n = category_list(&r->c, &v);
	json_t *items;

	if (n < 0)
		return res_error(r, RES_STORE, "category");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:s, s:s?, s:i}", "code", v[i].code,
						       "label", v[i].label, "source", v[i].source,
						       "valid_from", v[i].valid_from, "retired", v[i].retired,
						       "cases", v[i].used));
	return reply_json(r, 200, json_pack("{s:o}", "items", items));
}

int api_category_create(struct req *r)
{
	json_t *j = api_body(r);
	struct violation_category v = { 0 };
	struct fielderr fe = { 0 };
	int rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "code", &v.code);
	api_str(r, j, "label", &v.label);
	api_str(r, j, "source", &v.source);
	api_str(r, j, "valid_from", &v.valid_from);
	json_decref(j);
	rc = category_add(&r->c, &v, &fe);
	if (!res_ok(rc))
		return api_result(r, rc, &fe, "category", 1);
	return reply_json(r, 201, json_pack("{s:s}", "code", v.code));
}

/* {"code", "retired": "YYYY-MM-DD" or null (take it back)} */
int api_category_retire(struct req *r)
{
	json_t *j = api_body(r);
	const char *code = "", *day = "";
	struct fielderr fe = { 0 };
	int rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "code", &code);
	api_str(r, j, "retired", &day);
	json_decref(j);
	rc = category_retire(&r->c, code, day, &fe);
	return api_result(r, rc, &fe, "category", 0);
}
