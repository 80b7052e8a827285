/*
 * clue_assign.c: the handling office (承办部门) of clues on the pages
 * (issue 12, domain/clue_assign.c): the office choice, the form on a
 * clue's page (itself the confirmation: one clue, named on its page), the
 * checkboxes of the clue list and the confirmation page of a bulk
 * assignment (POST /clues/assign without confirm=1 lists the clues chosen
 * and asks for the office; with confirm=1 it assigns them all or none).
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/clue.h"
#include "domain/clue_flow.h"
#include "domain/labels.h"
#include "http/http.h"
#include "pages/clues.h"
#include "pages/notices.h"
#include "pages/page.h"

/* A <select name="office"> of the offices a clue may be assigned to. */
void office_select(struct req *r, struct strbuf *sb, const char *label, const char *value,
		   int required, const char *err, const char *none_label)
{
	const char **v;
	int n = clue_offices(&r->c, &v);
	struct label *opts = arena_zalloc(r->arena, (size_t)(n > 0 ? n + 1 : 1) * sizeof(*opts));

	for (int i = 0; i < n; i++)
		opts[i] = (struct label){ v[i], v[i] };
	field_select(sb, "office", label, opts, value, required, err, none_label);
}

void page_clue_assign_form(struct req *r, struct strbuf *sb, const struct clue *k, const struct fielderr *fe)
{
	if (!authz_has(&r->c.who, PERM_CLUE_ASSIGN) || !strcmp(k->state, "closed") ||
	    !strcmp(k->state, "filed") || !strcmp(k->state, "transferred"))
		return;
	strbuf_addstr(sb, "<h2>承办部门</h2>");
	form_open(r, sb, "/clues/assign", "record-form");
	form_hidden_id(sb, "ids", k->id);
	form_hidden(sb, "confirm", "1");
	office_select(r, sb, "承办部门（室、组）", k->assigned_office, 1, fielderr_get(fe, "office"), "请选择");
	strbuf_addstr(sb, "<p class=\"hint\">分配后，该室（组）人员在“待办通知”中看到此线索，直至提出处置意见。</p>");
	form_close(sb, *k->assigned_office ? "改派承办部门" : "分配承办部门", NULL);
}

/* The confirmation of a bulk assignment: the clues chosen, the office. */
static int assign_confirm(struct req *r, const int64_t *ids, int n, const struct fielderr *fe,
			  unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "问题线索", "/clues", "确认分配承办部门", NULL,
					      NULL };

	page_begin(r, &sb, "确认分配承办部门", crumbs);
	field_errors_summary(&sb, fe);
	strbuf_addf(&sb, "<p>将以下%d条问题线索分配给同一承办部门。其中任何一条不能分配时，全部不予分配。</p>", n);
	form_open(r, &sb, "/clues/assign", "record-form");
	{
		static const struct column cols[] = { { "编号", "num" }, { "被反映人", NULL }, { "单位", NULL },
						      { "状态", NULL }, { "现承办部门", NULL } };
		table_open(&sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	}
	for (int i = 0; i < n; i++) {
		struct clue k;
		int rc = clue_get(&r->c, ids[i], &k);
		if (rc < 0) {
			strbuf_release(&sb);
			return reply_error(r, E_STORE, "clue");
		}
		strbuf_addstr(&sb, "<tr>");
		form_hidden_id(&sb, "ids", ids[i]);
		if (rc == 0) {
			strbuf_addf(&sb, "<td class=\"num\">%" PRId64 "</td><td colspan=\"4\">不存在或您无权查看</td></tr>",
				    ids[i]);
			continue;
		}
		html_td_id(&sb, "/clues", k.id);
		{
			const char *cells[] = { k.subject_names, k.unit_name, clue_state_label(k.state),
						*k.assigned_office ? k.assigned_office : "未分配" };
			html_cells(&sb, cells, QF_ARRAY_SIZE(cells));
		}
		strbuf_addstr(&sb, "</tr>");
	}
	table_close(&sb, 0, 0, NULL);
	form_hidden(&sb, "confirm", "1");
	office_select(r, &sb, "承办部门（室、组）", req_field(r, "office"), 1, fielderr_get(fe, "office"), "请选择");
	form_close(&sb, arena_printf(r->arena, "确认分配%d条", n), "/clues");
	return page_finish(r, &sb, status);
}

int page_clues_assign(struct req *r)
{
	int64_t ids[CLUE_BULK_MAX];
	struct fielderr fe = { 0 };
	int n = form_ids(r, "ids", ids, CLUE_BULK_MAX), rc;

	if (n < 0)
		return reply_error(r, E_BAD_REQUEST, "ids");
	if (n == 0) {
		fielderr_add(&fe, "ids", "请至少选择一条线索");
		return assign_confirm(r, ids, 0, &fe, 422);
	}
	if (!form_get_bool(&r->form, "confirm"))
		return assign_confirm(r, ids, n, &fe, 200);
	rc = clue_assign(&r->c, ids, n, req_field(r, "office"), &fe);
	if (rc == RES_INVALID)
		return assign_confirm(r, ids, n, &fe, 422);
	return page_result(r, rc, "clue", n == 1 ? arena_printf(r->arena, "/clues/%" PRId64 "?ok=saved", ids[0])
						 : "/clues?ok=done");
}
