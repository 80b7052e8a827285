/*
 * rules.c: /api/rules/forms, the form table (四种形态口径): every row, and
 * the case manager's new row, through the same domain call as the page.
 */
#include "api/rules.h"

#include "api/common.h"
#include "domain/measures.h"
#include "http/http.h"

int api_form_rules(struct req *r)
{
	struct form_table ft;
	json_t *items;

	if (form_table_read(&r->c, &ft) < 0)
		return reply_error(r, E_STORE, "form table");
	items = json_array();
	for (int i = 0; i < ft.n; i++)
		json_array_append_new(items, json_pack("{s:s, s:s, s:i, s:s, s:s}", "measure", ft.rules[i].measure,
			"valid_from", ft.rules[i].valid_from, "form", ft.rules[i].form,
			"source", ft.rules[i].source, "by", ft.rules[i].user_name));
	return reply_json(r, 200, json_pack("{s:o}", "items", items));
}

int api_form_rule_add(struct req *r)
{
	json_t *j = api_body(r), *form;
	const char *measure = "", *from = "", *source = "";
	struct fielderr fe = { 0 };
	int rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "measure", &measure);
	api_str(r, j, "valid_from", &from);
	api_str(r, j, "source", &source);
	form = json_object_get(j, "form");
	rc = form_rule_add(&r->c, measure, json_is_integer(form) ? (int)json_integer_value(form) : 0, from,
			   source, &fe);
	json_decref(j);
	return api_result(r, rc, &fe, "form rule", 0);
}
