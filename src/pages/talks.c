/*
 * talks.c: the talks' pages and the editable kinds (pages/talks.h).  The
 * list reads one filter (model/talk.c) through the domain, so it holds the
 * user's jurisdiction only; quick entry names several persons at once
 * (the person picker) and writes them all or none.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/changes.h"
#include "domain/ctx.h"
#include "domain/labels.h"
#include "domain/result.h"
#include "domain/talk.h"
#include "http/filter.h"
#include "http/form.h"
#include "http/http.h"
#include "pages/clues.h"
#include "pages/figlist.h"
#include "pages/find.h"
#include "pages/list.h"
#include "pages/page.h"
#include "pages/talks.h"
#include "pages/list_kept.h"

static const char *const list_args[] = { "within", "person_id", "kind", "unit_led", "day_from", "day_to", NULL };

static const struct list_col cols[] = { { "编号", "num", 0, 0 }, { "谈话日期", NULL, 0, 0 },
	{ "谈话类别", NULL, 0, 0 }, { "谈话对象", NULL, 0, 0 }, { "单位", NULL, 0, 0 }, { "人次", "num", 0, 0 },
	{ "谈话人", NULL, 0, 0 }, { "处理结果", NULL, 0, 0 } };
static const struct list_def list_def = LIST_DEF("谈话记录", "talks", "talk", cols);

const struct label *sup_kind_labels(struct req *r, const char *family)
{
	struct sup_kind *v;
	int n = sup_kinds(&r->c, family, &v);
	struct label *out = arena_alloc(r->arena, (size_t)(n > 0 ? n + 1 : 1) * sizeof(*out));

	for (int i = 0; i < n; i++)
		out[i] = (struct label){ v[i].code, v[i].label };
	out[n > 0 ? n : 0] = (struct label){ NULL, NULL };
	return out;
}

static const char *list_base(struct req *r, const struct talk_filter *f)
{
	struct strbuf b = STRBUF_INIT;
	const char *out;

	strbuf_addstr(&b, "/talks?");
	figlist_url(&b, &talk_filter_spec, f, list_args);
	out = arena_strdup(r->arena, b.buf);
	strbuf_release(&b);
	return out;
}

int page_talks(struct req *r)
{
	static const char *const crumbs[] = { "工作台", "/", "谈话记录", NULL, NULL };
	const struct label *kinds = sup_kind_labels(r, "talk");
	struct strbuf sb = STRBUF_INIT;
	struct talk_filter f;
	struct talk *v;
	struct listw w;
	int64_t total;
	int n;
	struct list_kept k;

	if (list_kept_serve(r, &k, "谈话记录", crumbs))
		return k.rc;
	list_filter(r, &talk_filter_spec, &f, list_per_page(r));
	n = talk_list(&r->c, &f, &v, &total);
	if (n < 0)
		return res_error(r, RES_STORE, "talks");
	if (!list_wants_xlsx(r)) {
		list_kept_begin(r, &k, &sb, "谈话记录", crumbs);
		if (authz_has(&r->c.who, PERM_SUPERVISION_WRITE)) {
			toolbar_open(&sb);
			button_link(&sb, "/talks/new", "登记谈话", 1);
			button_link(&sb, "/talks/kinds", "谈话和报告类别", 0);
			toolbar_close(&sb);
		}
		filter_open(&sb, "/talks");
		field_select(&sb, "kind", "谈话类别", kinds, req_arg(r, "kind"), 0, NULL, "全部");
		unit_select(r, &sb, "within", "单位（含下级）", f.within, 0, NULL, "全部");
		field_text(&sb, "day_from", "谈话日期自", req_arg(r, "day_from"), 0, NULL, "type=\"date\"");
		field_text(&sb, "day_to", "至", req_arg(r, "day_to"), 0, NULL, "type=\"date\"");
		field_checkbox(&sb, "unit_led", "只看单位负责人开展的谈话", f.unit_led);
		filter_close(&sb, NULL, "/talks");
	}
	list_open(&w, r, &sb, &list_def);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/talks", v[i].id);
		list_day(&w, v[i].day);
		list_text(&w, label_of(kinds, v[i].kind) ? label_of(kinds, v[i].kind) : v[i].kind);
		list_text(&w, v[i].person_id ? v[i].person_name : "（单位自行开展）");
		list_text(&w, v[i].unit_name);
		list_int(&w, v[i].persons);
		list_text(&w, v[i].talker_name);
		list_text(&w, v[i].outcome_id ? "第一种形态" : "");
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &talk_filter_spec, &f, total);
	list_close(&w, "没有符合条件的谈话");
	list_pager(&w, list_base(r, &f), req_page(r), total, list_per_page(r));
	return list_kept_finish(r, &k, &sb);
}

/* ---- quick entry ---------------------------------------------------------------- */

static int talk_form(struct req *r, const int64_t *ids, int n_ids, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "谈话记录", "/talks", "登记谈话", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	long long unit = 0;

	page_begin(r, &sb, "登记谈话", crumbs);
	field_errors_summary(&sb, fe);
	strbuf_addstr(&sb, "<p class=\"hint\">同一类别、同一日期的谈话可一次登记多人，每人一条记录，"
		      "全部保存或全部不保存。单位负责人自行开展的谈话可不列姓名，只填单位和人次。</p>");
	form_open(r, &sb, "/talks", "record-form");
	field_select(&sb, "kind", "谈话类别", sup_kind_labels(r, "talk"), req_field(r, "kind"), 1,
		     fielderr_get(fe, "kind"), "请选择");
	field_text(&sb, "day", "谈话日期", req_field(r, "day"), 1, fielderr_get(fe, "day"), "type=\"date\"");
	field_pick_persons(r, &sb, "person_ids", "谈话对象（可多选）", ids, n_ids, 0, fielderr_get(fe, "person_ids"));
	field_text(&sb, "talker_name", "谈话人（空：本人）", req_field(r, "talker_name"), 0,
		   fielderr_get(fe, "talker_name"), NULL);
	field_checkbox(&sb, "unit_led", "单位负责人开展的谈话（督促各单位负责人谈话）", *req_field(r, "unit_led") != 0);
	form_get_int(&r->form, "unit_id", &unit);
	unit_select_post(r, &sb, "unit_id", "开展谈话的单位（不列姓名时）", unit, 0, fielderr_get(fe, "unit_id"),
			 "请选择");
	field_text(&sb, "persons", "人次（不列姓名时）", req_field(r, "persons"), 0, fielderr_get(fe, "persons"),
		   "inputmode=\"numeric\"");
	field_textarea(&sb, "note", "谈话情况", req_field(r, "note"), 0, fielderr_get(fe, "note"), 4, TALK_NOTE_MAX,
		       NULL);
	form_close(&sb, "保存", "/talks");
	return page_finish(r, &sb, status);
}

int page_talk_new(struct req *r)
{
	struct fielderr fe = { 0 };

	return talk_form(r, NULL, 0, &fe, 200);
}

int page_talk_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct talk t = { 0 };
	int64_t ids[TALK_BATCH_MAX + 1], made[TALK_BATCH_MAX + 1];
	long long persons = 0;
	int n = form_ids(r, "person_ids", ids, TALK_BATCH_MAX), rc;

	if (n < 0) {
		n = 0;
		fielderr_add(&fe, "person_ids", "所选谈话对象不存在或超过200人");
	} else {
		n = pick_add(r, FIND_PERSON, "person_ids", ids, n, TALK_BATCH_MAX, &fe);
	}
	t.kind = req_field(r, "kind");
	t.day = req_field(r, "day");
	t.talker_name = req_field(r, "talker_name");
	if (!*t.talker_name)
		t.talker_id = r->c.who.id;
	t.unit_led = *req_field(r, "unit_led") != 0;
	t.note = req_field(r, "note");
	if (!n) {
		t.unit_id = pick_resolve(r, FIND_UNIT, "unit_id", &fe);
		if (t.unit_id < 0)
			return res_error(r, RES_STORE, "pick");
		if (*req_field(r, "persons") && form_get_int(&r->form, "persons", &persons) < 0)
			fielderr_add(&fe, "persons", "人次应为数字");
		t.persons = persons;
	}
	if (fe.n)
		return talk_form(r, ids, n, &fe, 422);
	rc = talk_add(&r->c, &t, ids, n, made, &fe);
	if (rc == RES_INVALID)
		return talk_form(r, ids, n, &fe, 422);
	if (rc == 1)
		return page_result(r, RES_DONE, "talk", arena_printf(r->arena, "/talks/%" PRId64 "?ok=created", made[0]));
	return page_result(r, rc > 0 ? RES_DONE : rc, "talk", "/talks?ok=created");
}

/* ---- a talk's page ---------------------------------------------------------------- */

static int talk_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	static const struct label measures[] = { { "talk_reminder", "谈话提醒" }, { "admonishment", "诫勉" },
						 { NULL, NULL } };
	struct strbuf sb = STRBUF_INIT;
	struct talk t;
	const char *title;
	int rc = talk_get(&r->c, r->id, &t);

	if (rc != RES_DONE)
		return res_error(r, rc, "talk");
	title = arena_printf(r->arena, "谈话 %" PRId64, t.id);
	{
		const char *crumbs[] = { "工作台", "/", "谈话记录", "/talks", title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	field_errors_summary(&sb, fe);
	record_open(&sb);
	record_item(&sb, "谈话类别", sup_kind_label(&r->c, "talk", t.kind));
	record_item(&sb, "谈话日期", t.day);
	if (t.person_id)
		record_link(&sb, "谈话对象", page_href(r, arena_printf(r->arena, "/persons/%" PRId64, t.person_id)),
			    t.person_name);
	else
		record_item(&sb, "谈话对象", "（单位自行开展，未列姓名）");
	record_item(&sb, "单位", t.unit_name);
	record_item(&sb, "人次", arena_printf(r->arena, "%" PRId64, t.persons));
	record_item(&sb, "单位负责人开展", t.unit_led ? "是" : "否");
	record_item(&sb, "谈话人", t.talker_name);
	record_item(&sb, "谈话情况", t.note);
	if (t.outcome_id)
		record_link(&sb, "处理结果", arena_printf(r->arena, "/outcomes/%" PRId64, t.outcome_id),
			    arena_printf(r->arena, "处理结果 %" PRId64 "（第一种形态）", t.outcome_id));
	record_close(&sb);
	if (authz_has(&r->c.who, PERM_SUPERVISION_WRITE))
		toolbar(&sb, arena_printf(r->arena, "/talks/%" PRId64 "/edit", t.id), "编辑", 0);
	if (!t.outcome_id && t.person_id && (!strcmp(t.kind, "reminder") || !strcmp(t.kind, "warning")) &&
	    authz_has(&r->c.who, PERM_OUTCOME_WRITE)) {
		strbuf_addstr(&sb, "<h2>记录为第一种形态处理</h2>");
		form_open(r, &sb, arena_printf(r->arena, "/talks/%" PRId64 "/outcome", t.id), "record-form");
		field_select(&sb, "measure", "处理措施", measures,
			     *req_field(r, "measure") ? req_field(r, "measure")
						      : !strcmp(t.kind, "warning") ? "admonishment" : "talk_reminder",
			     1, fielderr_get(fe, "measure"), NULL);
		form_close(&sb, "记录处理结果", NULL);
	}
	{
		struct timeline_entry *tl;
		int n = talk_timeline(&r->c, t.id, &tl);
		if (n > 0)
			page_timeline(&sb, tl, n);
	}
	return page_finish(r, &sb, status);
}

int page_talk(struct req *r)
{
	struct fielderr fe = { 0 };

	return talk_page(r, &fe, 200);
}

int page_talk_outcome(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t id = talk_outcome(&r->c, r->id, req_field(r, "measure"), &fe);

	if (id == RES_INVALID)
		return talk_page(r, &fe, 422);
	return page_result(r, id > 0 ? RES_DONE : id, "talk",
			   arena_printf(r->arena, "/talks/%" PRId64 "?ok=done", r->id));
}

/* ---- correcting a talk ---------------------------------------------------------------- */

/* the form's value: what was sent, or the talk's */
static const char *val(struct req *r, const char *key, const char *current)
{
	return r->form.n > 0 ? req_field(r, key) : current ? current : "";
}

static int edit_form(struct req *r, const struct talk *t, const struct fielderr *fe, unsigned status)
{
	const char *title = arena_printf(r->arena, "修改谈话 %" PRId64, t->id);
	const char *back = arena_printf(r->arena, "/talks/%" PRId64, t->id);
	const char *crumbs[] = { "工作台", "/", "谈话记录", "/talks", arena_printf(r->arena, "谈话 %" PRId64, t->id),
				 back, "修改", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;

	page_begin(r, &sb, title, crumbs);
	field_errors_summary(&sb, fe);
	if (t->outcome_id)
		strbuf_addstr(&sb, "<p class=\"hint\">该谈话已记录第一种形态处理结果：谈话对象和谈话日期不能修改，"
			      "谈话类别只能是提醒谈话或诫勉谈话。</p>");
	form_open(r, &sb, arena_printf(r->arena, "/talks/%" PRId64 "/edit", t->id), "record-form");
	field_select(&sb, "kind", "谈话类别", sup_kind_labels(r, "talk"), val(r, "kind", t->kind), 1,
		     fielderr_get(fe, "kind"), "请选择");
	field_text(&sb, "day", "谈话日期", val(r, "day", t->day), 1, fielderr_get(fe, "day"), "type=\"date\"");
	if (t->person_id)
		field_pick_at(r, &sb, FIND_PERSON, "person_id", "谈话对象", t->person_id, t->person_name, 1,
			      fielderr_get(fe, "person_id"));
	else
		field_text(&sb, "persons", "人次（单位自行开展，未列姓名）",
			   val(r, "persons", arena_printf(r->arena, "%" PRId64, t->persons)), 1,
			   fielderr_get(fe, "persons"), "inputmode=\"numeric\"");
	field_text(&sb, "talker_name", "谈话人", val(r, "talker_name", t->talker_name), 1,
		   fielderr_get(fe, "talker_name"), NULL);
	field_textarea(&sb, "note", "谈话情况", val(r, "note", t->note), 0, fielderr_get(fe, "note"), 4,
		       TALK_NOTE_MAX, NULL);
	field_textarea(&sb, "reason", "修改原因", req_field(r, "reason"), 1, fielderr_get(fe, "reason"), 2,
		       CHANGE_REASON_MAX, "修改原因和修改前后的内容记入审计日志和谈话的处理过程（谈话情况只记“已修改”）。");
	form_close(&sb, "保存修改", back);
	return page_finish(r, &sb, status);
}

int page_talk_edit_form(struct req *r)
{
	struct fielderr fe = { 0 };
	struct talk t;
	int rc = talk_get(&r->c, r->id, &t);

	if (rc != RES_DONE)
		return res_error(r, rc, "talk");
	return edit_form(r, &t, &fe, 200);
}

int page_talk_edit(struct req *r)
{
	struct fielderr fe = { 0 };
	struct talk old, t;
	long long persons = 0;
	int rc = talk_get(&r->c, r->id, &old);

	if (rc != RES_DONE)
		return res_error(r, rc, "talk");
	t = old;
	t.kind = req_field(r, "kind");
	t.day = req_field(r, "day");
	t.talker_name = req_field(r, "talker_name");
	t.note = req_field(r, "note");
	if (old.person_id) {
		t.person_id = pick_resolve(r, FIND_PERSON, "person_id", &fe);
		if (t.person_id < 0)
			return res_error(r, RES_STORE, "pick");
	} else {
		if (form_get_int(&r->form, "persons", &persons) < 0)
			fielderr_add(&fe, "persons", "人次应为数字");
		t.persons = persons;
	}
	if (!fe.n)
		rc = talk_edit(&r->c, &t, req_field(r, "reason"), &fe);
	if (fe.n)
		return edit_form(r, &old, &fe, 422);
	return page_result(r, rc, "talk", arena_printf(r->arena, "/talks/%" PRId64 "?ok=saved", r->id));
}

/* ---- the kinds ---------------------------------------------------------------------- */

static int kinds_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "谈话记录", "/talks", "谈话和报告类别", NULL, NULL };
	static const struct label families[] = { { "talk", "谈话类别" }, { "matter_report", "重大事项类别" },
						 { NULL, NULL } };
	struct strbuf sb = STRBUF_INIT;

	page_begin(r, &sb, "谈话和报告类别", crumbs);
	field_errors_summary(&sb, fe);
	for (int f = 0; families[f].code; f++) {
		struct sup_kind *v;
		int n = sup_kinds(&r->c, families[f].code, &v);

		strbuf_addf(&sb, "<h2>%s</h2><ul>", families[f].label);
		for (int i = 0; i < n; i++) {
			strbuf_addstr(&sb, "<li>");
			html_txt(&sb, v[i].label);
			strbuf_addstr(&sb, "（");
			html_txt(&sb, v[i].code);
			strbuf_addstr(&sb, v[i].builtin ? "，内置）</li>" : "）</li>");
		}
		strbuf_addstr(&sb, "</ul>");
	}
	if (authz_has(&r->c.who, PERM_SUPERVISION_WRITE)) {
		strbuf_addstr(&sb, "<h2>新增类别</h2>");
		form_open(r, &sb, "/talks/kinds", "record-form");
		field_select(&sb, "family", "类别表", families, req_field(r, "family"), 1, fielderr_get(fe, "family"),
			     NULL);
		field_text(&sb, "code", "代码（小写字母、数字、下划线）", req_field(r, "code"), 1, fielderr_get(fe, "code"),
			   NULL);
		field_text(&sb, "label", "名称", req_field(r, "label"), 1, fielderr_get(fe, "label"), NULL);
		form_close(&sb, "新增", NULL);
	}
	return page_finish(r, &sb, status);
}

int page_sup_kinds(struct req *r)
{
	struct fielderr fe = { 0 };

	return kinds_page(r, &fe, 200);
}

int page_sup_kind_add(struct req *r)
{
	struct fielderr fe = { 0 };
	int rc = sup_kind_add(&r->c, req_field(r, "family"), req_field(r, "code"), req_field(r, "label"), &fe);

	if (rc == RES_INVALID)
		return kinds_page(r, &fe, 422);
	return page_result(r, rc, "kind", "/talks/kinds?ok=created");
}
