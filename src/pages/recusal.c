/*
 * recusal.c: the recusal section of the case and the clue pages
 * (Supervision Law 2018 art. 58; domain/recusal.c has the rules): the
 * declarations of the matter with their grounds and decisions, a leader's
 * decision form under each undecided `other` declaration of someone else,
 * and the form to declare one's own.  A refused clue form answers 422
 * with the messages and a link back to the clue (the case page shows them
 * beside the fields, pages/cases.c).
 */
#include "pages/recusal.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/recusal.h"
#include "domain/result.h"
#include "http/http.h"
#include "pages/page.h"

static const char *err_in(const struct fielderr *fe, const char *sent, const char *form, const char *field)
{
	return fe && sent && !strcmp(sent, form) ? fielderr_get(fe, field) : NULL;
}

static const char *val_in(struct req *r, const struct fielderr *fe, const char *sent, const char *form,
			  const char *field)
{
	return fe && sent && !strcmp(sent, form) ? req_field(r, field) : "";
}

static const char *decision_text(struct req *r, const struct recusal *v)
{
	if (recusal_statutory(v->ground))
		return "法定回避情形，应当回避";
	if (!v->decision)
		return "待委领导决定";
	return arena_printf(r->arena, "%s：%s（%s）", v->decided_by_name, label_of(recusal_decisions, v->decision),
			    v->reason);
}

/* A leader's decision form under an undecided `other` declaration. */
static void decide_form(struct req *r, struct strbuf *sb, const struct recusal *v, const struct fielderr *fe,
			const char *sent)
{
	const char *f = arena_printf(r->arena, "rec%" PRId64, v->id);
	const char *dn = arena_printf(r->arena, "%s_decision", f), *rn = arena_printf(r->arena, "%s_reason", f);

	strbuf_addstr(sb, "<h3>");
	html_txt(sb, arena_printf(r->arena, "决定是否回避：%s", v->user_name));
	strbuf_addstr(sb, "</h3>");
	form_open(r, sb, arena_printf(r->arena, "/recusals/%" PRId64 "/decision", v->id), "record-form");
	field_select(sb, dn, "决定", recusal_decisions, val_in(r, fe, sent, f, dn), 1, err_in(fe, sent, f, dn),
		     "请选择");
	field_text(sb, rn, "理由", val_in(r, fe, sent, f, rn), 1, err_in(fe, sent, f, rn), "maxlength=\"500\"");
	form_close(sb, "保存", NULL);
}

void page_recusals(struct req *r, struct strbuf *sb, int64_t case_id, int64_t clue_id,
		   const struct fielderr *fe, const char *form)
{
	static const struct column cols[] = { { "人员", NULL }, { "事由", NULL }, { "说明", NULL },
					      { "决定", NULL } };
	struct recusal *v;
	int n = recusal_list(&r->c, case_id, clue_id, &v), lead = authz_has(&r->c.who, PERM_CASE_OVERRIDE);

	fold_open(sb, "回避");
	table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < n; i++) {
		const char *cells[] = { v[i].user_name, label_of(recusal_grounds, v[i].ground), v[i].note,
					decision_text(r, &v[i]) };
		strbuf_addstr(sb, "<tr>");
		html_cells(sb, cells, QF_ARRAY_SIZE(cells));
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, n < 0 ? 0 : n, 4, "无回避申报");
	for (int i = 0; lead && i < n; i++)
		if (!recusal_statutory(v[i].ground) && !v[i].decision && v[i].user_id != r->c.who.id)
			decide_form(r, sb, &v[i], fe, form);
	strbuf_addstr(sb, "<h3>申报回避</h3>");
	form_open(r, sb, case_id ? arena_printf(r->arena, "/cases/%" PRId64 "/recusals", case_id)
				 : arena_printf(r->arena, "/clues/%" PRId64 "/recusals", clue_id), "record-form");
	field_select(sb, "ground", "事由", recusal_grounds, val_in(r, fe, form, "recusal", "ground"), 1,
		     err_in(fe, form, "recusal", "ground"), "请选择");
	field_text(sb, "note", "说明", val_in(r, fe, form, "recusal", "note"), 0, err_in(fe, form, "recusal", "note"),
		   "maxlength=\"500\"");
	form_close(sb, "申报", NULL);
	fold_close(sb);
}

/* The answer of a clue's recusal form: 422 with the messages and a link
 * back to the clue; the rest as page_result (back to the clue when done). */
static int clue_answer(struct req *r, int64_t clue_id, int64_t rc, const struct fielderr *fe)
{
	static const char *const crumbs[] = { "工作台", "/", "问题线索", "/clues", "回避", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;

	if (rc != RES_INVALID)
		return page_result(r, rc, "recusal", arena_printf(r->arena, "/clues/%" PRId64 "?ok=saved", clue_id));
	page_begin(r, &sb, "回避", crumbs);
	field_errors_summary(&sb, fe);
	strbuf_addstr(&sb, "<p>");
	html_link(&sb, arena_printf(r->arena, "/clues/%" PRId64, clue_id),
		  arena_printf(r->arena, "返回问题线索 %" PRId64, clue_id));
	strbuf_addstr(&sb, "</p>");
	return page_finish(r, &sb, 422);
}

int page_clue_recusal_create(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t rc = recusal_declare(&r->c, 0, 0, r->id, req_field(r, "ground"), req_field(r, "note"), &fe);

	return clue_answer(r, r->id, rc, &fe);
}

int page_clue_recusal_decide(struct req *r, int64_t clue_id)
{
	struct fielderr fe = { 0 };
	const char *f = arena_printf(r->arena, "rec%" PRId64, r->id);
	int rc = recusal_decide(&r->c, r->id, req_field(r, arena_printf(r->arena, "%s_decision", f)),
				req_field(r, arena_printf(r->arena, "%s_reason", f)), &fe);

	return clue_answer(r, clue_id, rc, &fe);
}
