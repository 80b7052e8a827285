/*
 * rules.c: /api/rules/{forms,periods,clocks,detention,jurisdiction}, the
 * rule tables (domain/rule_tables.h): every version with its source, who
 * added it and whether it is in force today, and a new version through
 * the same domain call as the page.  Integer columns are JSON integers,
 * flags booleans, the date is "valid_from" in every table.
 */
#include "api/rules.h"

#include <stdlib.h>
#include <string.h>

#include "api/common.h"
#include "core/arena.h"
#include "domain/fielderr.h"
#include "domain/rule_tables.h"
#include "http/http.h"

static const struct rule_table *table_of(struct req *r)
{
	const char *s = strrchr(r->url, '/');
	return rule_table_find(s ? s + 1 : "");
}

/* a code of digits (the forms 1-4) is a JSON integer */
static int numeric(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

int api_rule_table(struct req *r)
{
	const struct rule_table *t = table_of(r);
	struct rule_view v;
	json_t *items;

	if (!t)
		return reply_error(r, E_NOT_FOUND, "rule table");
	if (rule_table_read(&r->c, t, &v) < 0)
		return reply_error(r, E_STORE, "rule table");
	items = json_array();
	for (int k = 0; k < v.n; k++) {
		const struct rule_row *x = &v.rows[k];
		json_t *o = json_pack("{s:s, s:s, s:s, s:b}", "valid_from", x->valid_from, "source", x->source,
				      "by", x->user_name, "in_force", v.in_force[k]);

		for (int i = 0; i < t->ncols; i++) {
			const char *s = x->v[i];
			json_object_set_new(o, t->cols[i].name,
					    t->cols[i].kind == RULE_FLAG ? json_boolean(!strcmp(s, "1")) :
					    t->cols[i].kind == RULE_INT || numeric(s) ? json_integer(strtoll(s, NULL, 10))
										       : json_string(s));
		}
		json_array_append_new(items, o);
	}
	return reply_json(r, 200, json_pack("{s:o}", "items", items));
}

/* a column as sent: a string as it is, an integer in decimal, a boolean
 * as 1 or 0; anything else as "" (refused by the checks) */
static const char *json_text(struct req *r, json_t *x)
{
	if (json_is_string(x))
		return json_string_value(x);
	if (json_is_integer(x))
		return arena_printf(r->arena, "%lld", (long long)json_integer_value(x));
	if (json_is_boolean(x))
		return json_is_true(x) ? "1" : "0";
	return "";
}

int api_rule_add(struct req *r)
{
	const struct rule_table *t = table_of(r);
	const char *v[RULE_COLS_MAX] = { 0 };
	struct fielderr fe = { 0 };
	json_t *j;
	int rc;

	if (!t)
		return reply_error(r, E_NOT_FOUND, "rule table");
	if (!(j = api_body(r)))
		return MHD_YES;
	for (int i = 0; i < t->ncols; i++)
		v[i] = arena_strdup(r->arena, json_text(r, json_object_get(j, t->cols[i].name)));
	rc = rule_version_add(&r->c, t, v, arena_strdup(r->arena, json_text(r, json_object_get(j, "valid_from"))),
			      arena_strdup(r->arena, json_text(r, json_object_get(j, "source"))), &fe);
	json_decref(j);
	return api_result(r, rc, &fe, "rule table", 0);
}
