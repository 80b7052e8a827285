/*
 * persons.c: the pages of the cadres under supervision: list with search,
 * filters and paging, detail (the read is audited), create and edit.
 * The ID number is shown in full only to roles allowed to see it, and a
 * form never echoes a stored ID number back into the page.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/labels.h"
#include "domain/integrity.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/role.h"
#include "domain/unit.h"
#include "http/filter.h"
#include "http/http.h"
#include "pages/list.h"
#include "pages/list_kept.h"
#include "pages/find.h"

#include "pages/page.h"
#include "pages/persons.h"

static const struct list_col person_cols[] = { { "姓名", NULL, 0, 0 }, { "单位", NULL, 0, 0 },
	{ "职务", NULL, 0, 0 }, { "职级", NULL, 0, 0 }, { "一把手", "flag", 0, 0 },
	{ "班子成员", "flag", 0, 0 }, { "党员", "flag", 0, 0 } };
static const struct list_def person_list_def = LIST_DEF("监督对象", "persons", "person", person_cols);

int page_persons(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "监督对象", NULL, NULL };
	struct person_filter lq;
	struct person *v = NULL;
	struct listw w;
	int64_t total = 0;
	int page = req_page(r), per = list_per_page(r), n;
	struct list_kept k;

	if (list_kept_serve(r, &k, "监督对象", crumbs))
		return k.rc;
	list_filter(r, &person_filter_spec, &lq, per);
	n = person_list(&r->c, &lq, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "person list");

	list_kept_begin(r, &k, &sb, "监督对象", crumbs);
	filter_open(&sb, "/persons");
	field_text(&sb, "q", "姓名或职务", lq.q, 0, NULL, "type=\"search\" maxlength=\"50\"");
	unit_select(r, &sb, "unit_id", "单位（含下级）", lq.unit_id, 0, NULL, "全部单位");
	field_select(&sb, "rank", "职级", person_ranks, lq.rank, 0, NULL, "全部");
	filter_close(&sb, NULL, "/persons");
	if (authz_has(&r->c.who, PERM_PERSON_WRITE))
		toolbar(&sb, "/persons/new", "新增监督对象", 1);
	list_open(&w, r, &sb, &person_list_def);
	for (int i = 0; i < n; i++) {
		list_link_id(&w, "/persons", v[i].id, v[i].name);
		list_text(&w, v[i].unit_name);
		list_text(&w, v[i].position);
		list_text(&w, label_of(person_ranks, v[i].rank));
		list_text(&w, v[i].top_leader ? "是" : NULL);
		list_text(&w, v[i].leadership ? "是" : NULL);
		list_text(&w, v[i].party_member ? "是" : NULL);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &person_filter_spec, &lq, total);
	list_close(&w, "没有符合条件的监督对象");
	strbuf_addstr(&base, "/persons?");
	url_param(&base, "q", lq.q);
	url_param(&base, "rank", lq.rank);
	list_unit_url(r, &base, lq.unit_id);
	list_pager(&w, base.buf, page, total, per);
	strbuf_release(&base);
	return list_kept_finish(r, &k, &sb);
}

/* The personnel record's fields (0034) and the day a new unit or post
 * takes effect. */
static void person_record_fields(struct strbuf *sb, const struct person *p, const struct fielderr *fe)
{
	field_select(sb, "gender", "性别", person_genders, p->gender, 0, fielderr_get(fe, "gender"), "未填");
	field_text(sb, "birth_date", "出生日期", p->birth_date, 0, fielderr_get(fe, "birth_date"), "type=\"date\"");
	field_select(sb, "ethnicity", "民族", person_ethnicities, p->ethnicity, 0, fielderr_get(fe, "ethnicity"),
		     "未填");
	field_text(sb, "party_joined", "入党时间", p->party_joined, 0, fielderr_get(fe, "party_joined"),
		   "type=\"date\"");
	field_text(sb, "post_from", p->id ? "单位或职务变动日期（变动时填写，默认今天）" : "任现职日期",
		   p->post_from, 0, fielderr_get(fe, "post_from"), "type=\"date\"");
	if (p->id)
		strbuf_addstr(sb, "<p class=\"hint\">修改所在单位或职务即记为一次任职变动：原任职务于变动日期结束，"
			      "新职务自该日起，任职经历保留。已有线索、案件记载的被反映人信息不随之改变。</p>");
}

/* The name of the person's unit for the picker: the record's, or for a
 * new person the unit the link named (?unit_id=) when the user may see
 * it; "" otherwise. */
static const char *unit_label(struct req *r, const struct person *p)
{
	struct unit u;

	if (p->unit_name)
		return p->unit_name;
	return p->unit_id && unit_get(&r->c, p->unit_id, &u) == RES_DONE ? u.name : "";
}

void person_fields(struct req *r, struct strbuf *sb, const struct person *p, const char *idnum,
		   const struct fielderr *fe)
{
	field_text(sb, "name", "姓名", p->name, 1, fielderr_get(fe, "name"), "maxlength=\"50\"");
	field_pick_at(r, sb, FIND_UNIT, "unit_id", "所在单位", p->unit_id, unit_label(r, p), 1,
		      fielderr_get(fe, "unit_id"));
	field_text(sb, "position", "职务", p->position, 0, fielderr_get(fe, "position"), "maxlength=\"100\"");
	field_select(sb, "rank", "职级", person_ranks, p->rank, 1, fielderr_get(fe, "rank"), "请选择");
	strbuf_addstr(sb, "<fieldset><legend>身份</legend>");
	field_checkbox(sb, "top_leader", "一把手", p->top_leader);
	field_checkbox(sb, "leadership", "领导班子成员", p->leadership);
	field_checkbox(sb, "party_member", "中共党员", p->party_member);
	field_checkbox(sb, "npc_deputy", "人大代表", p->npc_deputy);
	field_checkbox(sb, "cppcc_member", "政协委员", p->cppcc_member);
	strbuf_addstr(sb, "</fieldset>");
	person_record_fields(sb, p, fe);
	field_text(sb, "id_number", p->id ? "身份证号码（不修改请留空）" : "身份证号码", idnum, 0,
		   fielderr_get(fe, "id_number"),
		   "maxlength=\"18\" autocomplete=\"off\" spellcheck=\"false\"");
	if (p->id && p->id_number_enc)
		field_checkbox(sb, "clear_id_number", "清除已登记的身份证号码", 0);
	strbuf_addstr(sb, "<p class=\"hint\">身份证号码加密保存，仅授权角色可查看。</p>");
}

static int person_form(struct req *r, const struct person *p, const char *idnum,
		       const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	const char *title = p->id ? "编辑监督对象" : "新增监督对象";
	const char *crumbs[] = { "工作台", "/", "监督对象", "/persons", title, NULL, NULL };
	const char *back = p->id ? arena_printf(r->arena, "/persons/%" PRId64, p->id) : "/persons";

	page_begin(r, &sb, title, crumbs);
	field_errors_summary(&sb, fe);
	form_open(r, &sb, back, "record-form");
	person_fields(r, &sb, p, idnum, fe);
	form_close(&sb, "保存", back);
	return page_finish(r, &sb, status);
}

int page_person_new(struct req *r)
{
	struct person p = { .name = "", .position = "", .rank = "", .gender = "", .ethnicity = "" };
	struct fielderr fe = { 0 };
	long long unit = 0;

	form_get_int(&r->query, "unit_id", &unit);
	p.unit_id = unit;
	return person_form(r, &p, "", &fe, 200);
}

const char *person_read_form(struct req *r, struct person *p, struct fielderr *fe)
{
	const char *idnum = req_field(r, "id_number");

	p->name = req_field(r, "name");
	p->position = req_field(r, "position");
	p->rank = req_field(r, "rank");
	p->unit_id = pick_resolve(r, FIND_UNIT, "unit_id", fe);
	p->top_leader = form_get_bool(&r->form, "top_leader");
	p->leadership = form_get_bool(&r->form, "leadership");
	p->party_member = form_get_bool(&r->form, "party_member");
	p->npc_deputy = form_get_bool(&r->form, "npc_deputy");
	p->cppcc_member = form_get_bool(&r->form, "cppcc_member");
	p->gender = req_field(r, "gender");
	p->birth_date = req_field(r, "birth_date");
	p->ethnicity = req_field(r, "ethnicity");
	p->party_joined = req_field(r, "party_joined");
	p->post_from = req_field(r, "post_from");
	if (*idnum && form_get_bool(&r->form, "clear_id_number")) {
		fielderr_add(fe, "id_number", "不能同时填写新号码和清除已登记的号码");
		return NULL;
	}
	if (form_get_bool(&r->form, "clear_id_number"))
		return "";
	return *idnum || !p->id ? idnum : NULL;
}

static int person_save_page(struct req *r, struct person *p)
{
	struct fielderr fe = { 0 };
	const char *keep = person_read_form(r, p, &fe);
	int64_t id;

	if (p->unit_id < 0)
		return res_error(r, RES_STORE, "pick");
	/* the domain checks the record first (404 outside the jurisdiction),
	 * then adds its own messages to the ones above */
	id = person_save(&r->c, p, keep, &fe);
	if (id == RES_INVALID)
		return person_form(r, p, req_field(r, "id_number"), &fe, 422);
	return page_result(r, id, "person",
			   arena_printf(r->arena, "/persons/%" PRId64 "?ok=saved", id));
}

int page_person_create(struct req *r)
{
	struct person p = { 0 };
	return person_save_page(r, &p);
}

int page_person_update(struct req *r)
{
	struct person p = { .id = r->id };
	return person_save_page(r, &p);
}

int page_person_edit(struct req *r)
{
	struct person p;
	struct fielderr fe = { 0 };
	int rc = person_get(&r->c, r->id, &p);

	if (rc <= 0)
		return res_error(r, rc, "person");
	return person_form(r, &p, "", &fe, 200);
}

/* 任职经历: the posts, the open one last. */
static void post_history(struct req *r, struct strbuf *sb, const struct person *p)
{
	struct person_post *t;
	int n = person_posts(&r->c, p, &t);
	static const struct column cols[] = { { "单位", NULL }, { "职务", NULL }, { "起始日期", NULL },
					      { "终止日期", NULL } };

	strbuf_addstr(sb, "<h2 id=\"posts\">任职经历</h2>");
	if (n < 0) {
		html_notice(sb, "error", "任职经历暂时无法读取。");
		return;
	}
	table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < n; i++) {
		strbuf_addstr(sb, "<tr>");
		html_td_link(sb, page_href(r, arena_printf(r->arena, "/units/%" PRId64, t[i].unit_id)), t[i].unit_name);
		html_td(sb, t[i].post);
		html_td(sb, t[i].start_day ? t[i].start_day : "不详");
		html_td(sb, t[i].end_day ? t[i].end_day : "至今");
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, n, 4, "尚无任职经历");
}

int page_person_show(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, id = STRBUF_INIT;
	struct person p;
	int rc = person_get(&r->c, r->id, &p);

	if (rc <= 0)
		return res_error(r, rc, "person");
	{
		const char *crumbs[] = { "工作台", "/", "监督对象", "/persons", p.name, NULL, NULL };
		page_begin(r, &sb, p.name, crumbs);
	}
	record_open(&sb);
	record_link(&sb, "所在单位", page_href(r, arena_printf(r->arena, "/units/%" PRId64, p.unit_id)), p.unit_name);
	record_item(&sb, "职务", p.position);
	record_item(&sb, "职级", label_of(person_ranks, p.rank));
	record_item(&sb, "一把手", p.top_leader ? "是" : "否");
	record_item(&sb, "领导班子成员", p.leadership ? "是" : "否");
	record_item(&sb, "中共党员", p.party_member ? "是" : "否");
	record_item(&sb, "性别", *p.gender ? label_of(person_genders, p.gender) : "未填");
	record_item(&sb, "出生日期", p.birth_date ? p.birth_date : "未填");
	record_item(&sb, "民族", *p.ethnicity ? label_of(person_ethnicities, p.ethnicity) : "未填");
	record_item(&sb, "入党时间", p.party_joined ? p.party_joined : p.party_member ? "未填" : "—");
	record_item(&sb, "人大代表", p.npc_deputy ? "是" : "否");
	record_item(&sb, "政协委员", p.cppcc_member ? "是" : "否");
	record_value_open(&sb, "身份证号码", NULL);
	rc = person_id_number(&r->c, &p, &id);
	if (rc == 1)
		html_txt(&sb, id.buf);
	else if (rc < 0)
		strbuf_addstr(&sb, "<span class=\"bad\">无法解密（密钥不匹配）</span>");
	else if (p.id_number_enc)
		strbuf_addstr(&sb, "已登记（仅授权角色可查看）");
	else
		strbuf_addstr(&sb, "未登记");
	strbuf_release(&id);
	record_value_close(&sb);
	record_time(&sb, "更新时间", p.updated_at);
	record_close(&sb);
	if (authz_has(&r->c.who, PERM_PERSON_WRITE))
		toolbar(&sb, arena_printf(r->arena, "/persons/%" PRId64 "/edit", p.id), "编辑", 0);
	/* the integrity file (廉政档案, domain/integrity.h) of a cadre of section rank and up */
	if (authz_has(&r->c.who, PERM_SUPERVISION_READ) && integrity_rank(p.rank))
		toolbar(&sb, arena_printf(r->arena, "/persons/%" PRId64 "/integrity", p.id), "廉政档案", 0);
	post_history(r, &sb, &p);
	page_person_record(r, &sb, &p);
	return page_finish(r, &sb, 200);
}
