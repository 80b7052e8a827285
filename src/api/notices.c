/*
 * notices.c: /api/notices, POST /api/dispositions/approve and POST
 * /api/clues/assign (issue 12): the notices page and the bulk actions as
 * JSON, through the same domain calls as the pages.  A bulk action is all
 * or nothing; a refused approval answers 422 with its fields, the id of
 * the item refused in "failed_id".
 */
#include "api/notices.h"

#include <inttypes.h>
#include <string.h>

#include "api/common.h"
#include "core/arena.h"
#include "core/date.h"
#include "domain/clue.h"
#include "domain/disposition.h"
#include "domain/todo.h"
#include "http/http.h"

static const char *const kind_codes[] = {
	[TODO_CLOCK] = "clock", [TODO_APPROVAL] = "approval", [TODO_RETURN] = "returned",
	[TODO_ASSIGNED] = "assigned",
};

/* A page of API_PER_PAGE items (?page=, 1 on), in the order of the notices
 * page's groups; "count" all of them. */
#define API_PER_PAGE 100

int api_notices(struct req *r)
{
	int page = req_page(r);
	struct todo_query q = { .offset = (page - 1) * API_PER_PAGE, .limit = API_PER_PAGE,
				.order = TODO_BY_GROUP };
	struct todo_page pg;
	const struct todo *v;
	json_t *items;
	char start[11], due[11];

	if (todo_list(&r->c, &q, &pg) < 0)
		return reply_error(r, E_STORE, "notices");
	v = pg.v;
	items = json_array();
	for (int i = 0; i < pg.n; i++) {
		const char *state = v[i].state == CLOCK_OVERDUE ? "overdue"
				  : v[i].state == CLOCK_DUE_SOON ? "due_soon" : "waiting";
		json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s?, s:s, s:s, s:o?}",
			"kind", kind_codes[v[i].kind], "what", v[i].what, "object", v[i].object,
			"href", v[i].href, "start", date_format(v[i].start, start),
			"due", v[i].due != QF_DAY_NONE ? date_format(v[i].due, due) : NULL,
			"state", state, "office", v[i].office,
			"approval_id", api_opt_int(v[i].approval_id)));
	}
	return reply_json(r, 200, json_pack("{s:i, s:i, s:o}", "count", pg.total, "page", page, "items", items));
}

/* The "ids" array of positive ids into out (at most max): count, or -1
 * with the message in fe. */
static int json_ids(json_t *j, int64_t *out, int max, struct fielderr *fe)
{
	json_t *v = json_object_get(j, "ids");
	int n = 0;

	if (!json_is_array(v) || json_array_size(v) > (size_t)max) {
		fielderr_add(fe, "ids", "ids 须为不超过100个编号的数组");
		return -1;
	}
	for (size_t i = 0; i < json_array_size(v); i++) {
		json_t *e = json_array_get(v, i);
		if (!json_is_integer(e) || json_integer_value(e) <= 0) {
			fielderr_add(fe, "ids", "ids 须为正整数");
			return -1;
		}
		out[n++] = json_integer_value(e);
	}
	return n;
}

int api_dispositions_approve(struct req *r)
{
	json_t *j = api_body(r);
	int64_t ids[DISPOSITION_BULK_MAX];
	struct disposition_decision dd = { .approve = 1 };
	struct fielderr fe = { 0 };
	int n, failed = -1, rc;

	if (!j)
		return MHD_YES;
	n = json_ids(j, ids, DISPOSITION_BULK_MAX, &fe);
	api_str(r, j, "day", &dd.day);
	api_str(r, j, "note", &dd.note);
	json_decref(j);
	if (n < 0)
		return reply_fields(r, &fe);
	rc = disposition_decide_many(&r->c, ids, n, &dd, &fe, &failed);
	/* the item refused, by its id: nothing was decided */
	if (rc == RES_INVALID && failed >= 0)
		fielderr_add(&fe, "failed_id", arena_printf(r->arena, "%" PRId64, ids[failed]));
	return api_result(r, rc, &fe, "disposition", 0);
}

int api_clues_assign(struct req *r)
{
	json_t *j = api_body(r);
	int64_t ids[CLUE_BULK_MAX];
	const char *office = "";
	struct fielderr fe = { 0 };
	int n, rc;

	if (!j)
		return MHD_YES;
	n = json_ids(j, ids, CLUE_BULK_MAX, &fe);
	api_str(r, j, "office", &office);
	json_decref(j);
	if (n < 0)
		return reply_fields(r, &fe);
	rc = clue_assign(&r->c, ids, n, office, &fe);
	return api_result(r, rc, &fe, "clue", 0);
}
