/*
 * find.c: the pickers' search endpoints (issue 12).
 *
 *   GET /api/pick/persons?q=...&page=N[&unit_id=U]
 *   GET /api/pick/units?q=...&page=N
 *   GET /api/pick/cases?q=...&page=N
 *
 * Each answers one page of matches, {"total", "page", "items"}, an item
 * {"id", "label", "name", "unit_id", "unit_name", "extra"}; the picker
 * (assets/pick.js) asks for the next page while total says there is
 * more, so no picker stops at a fixed number of rows.  What matches and
 * what is withheld is domain/find.c's.
 */
#include "api/find.h"

#include <jansson.h>

#include "api/common.h"
#include "domain/find.h"
#include "http/form.h"
#include "http/http.h"

/* the page size of a picker: a screenful of suggestions on a phone */
#define PICK_PAGE 20

static int pick(struct req *r, enum find_kind k)
{
	struct find_hit *v;
	int64_t total;
	long long unit = 0;
	int page = req_page(r), n;
	json_t *items;

	form_get_int(&r->query, "unit_id", &unit);
	n = find_run(&r->c, k, req_arg(r, "q"), unit > 0 ? unit : 0, (page - 1) * PICK_PAGE, PICK_PAGE, &v,
		     &total);
	if (n < 0)
		return reply_error(r, E_STORE, "pick");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:s, s:s, s:I, s:s, s:s}", "id", (json_int_t)v[i].id,
						       "label", find_hit_label(&r->c, k, &v[i]), "name",
						       v[i].title, "unit_id", (json_int_t)v[i].unit_id,
						       "unit_name", v[i].unit_name, "extra", v[i].extra));
	return api_reply_list(r, items, total, page);
}

int api_pick_persons(struct req *r)
{
	return pick(r, FIND_PERSON);
}

int api_pick_units(struct req *r)
{
	return pick(r, FIND_UNIT);
}

int api_pick_cases(struct req *r)
{
	return pick(r, FIND_CASE);
}
