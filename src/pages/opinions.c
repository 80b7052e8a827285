/*
 * opinions.c: the integrity opinion replies' pages (pages/opinions.h): the
 * requests' list, the form that takes the cadres (pasted or a CSV file),
 * and a request's page, whose table of cadres shows what its state asks
 * for: the match to resolve (draft), the proposal to confirm or change
 * (checked), the letter to make (confirmed) or download (replied).  A
 * line that found nobody may be made a person with the person form's own
 * fields (persons.c), prefilled from the line.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/opinion.h"
#include "http/filter.h"
#include "http/form.h"
#include "http/http.h"
#include "office/docx.h"
#include "pages/find.h"
#include "pages/list.h"
#include "pages/opinions.h"
#include "pages/page.h"
#include "pages/persons.h"

static const char *const list_args[] = { "state", "received_from", "received_to", "replied_from", "replied_to",
	NULL };
static const struct list_col cols[] = { { "编号", "num", 0, 0 }, { "收函日期", NULL, 0, 0 },
	{ "来函文号", NULL, 0, 0 }, { "来函单位", NULL, 0, 0 }, { "事由", NULL, 0, 0 }, { "人数", "num", 0, 0 },
	{ "状态", NULL, 0, 0 }, { "回复函文号", NULL, 0, 0 }, { "回复日期", NULL, 0, 0 } };
static const struct list_def list_def = LIST_DEF("党风廉政意见回复", "opinions", "opinion", cols);

static const char *today(struct req *r)
{
	char buf[16];

	return arena_strdup(r->arena, date_format(date_from_unix_cst(r->c.now), buf));
}

int page_opinions(struct req *r)
{
	static const char *const crumbs[] = { "工作台", "/", "党风廉政意见回复", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	struct opinion_filter f;
	struct opinion_request *v;
	struct listw w;
	int64_t total;
	int n;

	list_filter(r, &opinion_filter_spec, &f, list_per_page(r));
	n = opinion_list(&r->c, &f, &v, &total);
	if (n < 0)
		return res_error(r, RES_STORE, "opinions");
	if (!list_wants_xlsx(r)) {
		page_begin(r, &sb, "党风廉政意见回复", crumbs);
		if (authz_has(&r->c.who, PERM_OPINION_WRITE))
			toolbar(&sb, "/opinions/new", "登记征求意见函", 1);
		filter_open(&sb, "/opinions");
		field_select(&sb, "state", "状态", opinion_states, req_arg(r, "state"), 0, NULL, "全部");
		field_text(&sb, "received_from", "收函日期自", req_arg(r, "received_from"), 0, NULL, "type=\"date\"");
		field_text(&sb, "received_to", "至", req_arg(r, "received_to"), 0, NULL, "type=\"date\"");
		field_text(&sb, "replied_from", "回复日期自", req_arg(r, "replied_from"), 0, NULL, "type=\"date\"");
		field_text(&sb, "replied_to", "至", req_arg(r, "replied_to"), 0, NULL, "type=\"date\"");
		filter_close(&sb, NULL, "/opinions");
	}
	list_open(&w, r, &sb, &list_def);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/opinions", v[i].id);
		list_day(&w, v[i].received);
		list_text(&w, v[i].letter_no);
		list_text(&w, v[i].requester);
		list_text(&w, label_of(opinion_purposes, v[i].purpose));
		list_int(&w, v[i].n_lines);
		list_text(&w, label_of(opinion_states, v[i].state));
		list_text(&w, v[i].number);
		list_day(&w, v[i].replied);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &opinion_filter_spec, &f, total);
	list_close(&w, "没有符合条件的征求意见函");
	list_pager(&w, list_args_base(r, "/opinions", list_args), req_page(r), total, list_per_page(r));
	return page_finish(r, &sb, 200);
}

/* ---- the new request -------------------------------------------------------------- */

static int form_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "党风廉政意见回复", "/opinions", "登记征求意见函",
		NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	const char *lines = fielderr_get(fe, "lines");

	page_begin(r, &sb, "登记征求意见函", crumbs);
	field_errors_summary(&sb, fe);
	if (lines) {
		strbuf_addstr(&sb, "<div class=\"notice error\" role=\"alert\" id=\"lines-errors\"><p>名单有误，未保存任何内容：</p><pre>");
		html_txt(&sb, lines);
		strbuf_addstr(&sb, "</pre></div>");
	}
	form_open_ex(r, &sb, "/opinions", "record-form", NULL, 1);
	field_text(&sb, "letter_no", "来函文号", req_field(r, "letter_no"), 1, fielderr_get(fe, "letter_no"), NULL);
	field_text(&sb, "requester", "来函单位", *req_field(r, "requester") ? req_field(r, "requester") : "",
		   1, fielderr_get(fe, "requester"), "placeholder=\"如：中共某某县委组织部\"");
	field_text(&sb, "received", "收函日期", *req_field(r, "received") ? req_field(r, "received") : today(r), 1,
		   fielderr_get(fe, "received"), "type=\"date\"");
	field_select(&sb, "purpose", "征求意见事由", opinion_purposes, req_field(r, "purpose"), 1,
		     fielderr_get(fe, "purpose"), "请选择");
	field_text(&sb, "due", "回复期限", req_field(r, "due"), 0, fielderr_get(fe, "due"), "type=\"date\"");
	strbuf_addstr(&sb, "<p class=\"hint\">干部名单：每行一人，依次为姓名、单位、身份证号码（可选）、职务（可选），"
		      "以逗号或制表符分隔（可从表格中直接复制粘贴）；第一行可为表头。也可上传 Excel 文件（.xlsx，读取第一个工作表）"
		      "或 CSV 文件（UTF-8）。名单有任何一行错误则全部不保存。</p>");
	field_textarea(&sb, "text", "粘贴名单", req_field(r, "text"), 0, NULL, 10, 0, NULL);
	field_text(&sb, "file", "或上传 Excel / CSV 文件", "", 0, NULL,
		   "type=\"file\" accept=\".xlsx,.csv,.txt,text/csv,text/plain,"
		   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"");
	form_close(&sb, "保存并匹配人员", "/opinions");
	return page_finish(r, &sb, status);
}

int page_opinion_new(struct req *r)
{
	struct fielderr fe = { 0 };

	return form_page(r, &fe, 200);
}

int page_opinion_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct opinion_request q = { 0 };
	const struct form_field *file = form_file(&r->form, "file");
	const char *text = req_field(r, "text");
	size_t len = strlen(text);
	int64_t id;

	if (file && file->len) {
		text = file->value;
		len = file->len;
	}
	q.letter_no = req_field(r, "letter_no");
	q.requester = req_field(r, "requester");
	q.received = req_field(r, "received");
	q.purpose = req_field(r, "purpose");
	q.due = req_field(r, "due");
	id = opinion_create(&r->c, &q, text, len, &fe);
	if (id == -1)
		return form_page(r, &fe, 422);
	if (id < 0)
		return res_error(r, RES_STORE, "opinion");
	return page_result(r, RES_DONE, "opinion", arena_printf(r->arena, "/opinions/%" PRId64 "?ok=created", id));
}

/* ---- a request's page --------------------------------------------------------------- */

static const char *line_action(struct req *r, const char *what)
{
	return arena_printf(r->arena, "/opinions/%" PRId64 "/%s", r->id, what);
}

/* the link to the person form of a line that found nobody */
static void create_link(struct req *r, struct strbuf *sb, const struct opinion_request *q,
			const struct opinion_line *l)
{
	if (!authz_has(&r->c.who, PERM_OPINION_WRITE) || !authz_has(&r->c.who, PERM_PERSON_WRITE) ||
	    !opinion_line_may_create(q, l))
		return;
	strbuf_addstr(sb, " ");
	button_link(sb, arena_printf(r->arena, "/opinions/%" PRId64 "/person?line_id=%" PRId64, q->id, l->id),
		    "新建人员", 0);
}

/* the match cell of a line in draft: the person, or the choice to make */
static void match_cell(struct req *r, struct strbuf *sb, const struct opinion_request *q,
		       const struct opinion_line *l, int write)
{
	struct person *p;
	int n;

	if (strcmp(l->matched, "none") && strcmp(l->matched, "ambiguous")) {
		html_txt(sb, label_of(opinion_matches, l->matched));
		if (l->person_id) {
			strbuf_addstr(sb, "：");
			html_link(sb, arena_printf(r->arena, "/persons/%" PRId64, l->person_id),
				  arena_printf(r->arena, "%s（%s）", l->person_name, l->person_unit));
		}
		create_link(r, sb, q, l);       /* answered as no record: may still be made */
		return;
	}
	html_state(sb, "warn", label_of(opinion_matches, l->matched));
	if (!write)
		return;
	form_open(r, sb, line_action(r, "resolve"), "inline-form");
	form_hidden_id(sb, "line_id", l->id);
	n = opinion_candidates(&r->c, l, &p);
	for (int i = 0; i < n; i++)
		radio_option(sb, "person_id", arena_printf(r->arena, "%" PRId64, p[i].id),
			     arena_printf(r->arena, "%s，%s，%s（编号%" PRId64 "）", p[i].name, p[i].unit_name,
					  *p[i].position ? p[i].position : "职务未填", p[i].id), 0);
	if (n <= 0)
		field_text(sb, "person_id", "人员编号", "", 0, NULL, "inputmode=\"numeric\"");
	form_button(sb, "确认为此人", "do", "choose", "small");
	form_button(sb, "按无记录回复", "do", "no_record", "small");
	form_end(sb);
	create_link(r, sb, q, l);
}

/* the opinion cell of a checked line: the proposal and the confirm form */
static void opinion_cell(struct req *r, struct strbuf *sb, const struct opinion_line *l, int write, int open)
{
	if (l->opinion) {
		html_txt(sb, label_of(opinion_codes, l->opinion));
		if (l->proposed && strcmp(l->opinion, l->proposed)) {
			strbuf_addstr(sb, "<br><small>建议：");
			html_txt(sb, label_of(opinion_codes, l->proposed));
			strbuf_addstr(sb, "；改动理由：");
			html_txt(sb, l->note);
			strbuf_addstr(sb, "</small>");
		}
		return;
	}
	if (!l->proposed)
		return;
	strbuf_addstr(sb, "建议：");
	html_txt(sb, label_of(opinion_codes, l->proposed));
	if (!write || !open)
		return;
	form_open(r, sb, line_action(r, "confirm"), "inline-form");
	form_hidden_id(sb, "line_id", l->id);
	field_select(sb, "opinion", "回复意见", opinion_codes, l->proposed, 1, NULL, NULL);
	field_text(sb, "note", "改动理由", "", 0, NULL, "placeholder=\"与建议不同时必填\"");
	form_button(sb, "确认", NULL, NULL, "small");
	form_end(sb);
}

static void lines_table(struct req *r, struct strbuf *sb, const struct opinion_request *q,
			const struct opinion_line *l, int n)
{
	static const struct column c[] = { { "序号", "num" }, { "姓名", NULL }, { "单位", NULL }, { "职务", NULL },
		{ "身份证号码", NULL }, { "人员匹配", NULL }, { "核查情况", NULL }, { "回复意见", NULL } };
	int write = authz_has(&r->c.who, PERM_OPINION_WRITE);
	int draft = !strcmp(q->state, "draft"), checked = !strcmp(q->state, "checked");

	table_open(sb, "list opinion-lines", "干部名单", c, 8);
	for (int i = 0; i < n; i++) {
		strbuf_addf(sb, "<tr id=\"line-%d\" data-match=\"%s\"><td class=\"num\">%d</td>", l[i].line_no,
			    l[i].matched, l[i].line_no);
		html_td(sb, l[i].name);
		html_td(sb, l[i].unit_name);
		html_td(sb, *l[i].position ? l[i].position : l[i].person_position);
		html_td(sb, l[i].id_mac ? "已提供" : "");
		strbuf_addstr(sb, "<td>");
		match_cell(r, sb, q, &l[i], write && draft);
		strbuf_addstr(sb, "</td>");
		html_td(sb, l[i].proposed ? l[i].reason : "");
		strbuf_addf(sb, "<td data-opinion=\"%s\">", l[i].opinion ? l[i].opinion : "");
		opinion_cell(r, sb, &l[i], write, checked);
		strbuf_addstr(sb, "</td></tr>\n");
	}
	table_close(sb, n, 8, "名单为空");
}

static void actions(struct req *r, struct strbuf *sb, const struct opinion_request *q, const struct fielderr *fe)
{
	if (!strcmp(q->state, "replied")) {
		toolbar(sb, line_action(r, "letter.docx"), "下载回复函（Word）", 1);
		return;
	}
	if (!authz_has(&r->c.who, PERM_OPINION_WRITE))
		return;
	if (!strcmp(q->state, "draft") || !strcmp(q->state, "checked")) {
		strbuf_addstr(sb, "<h2>核查并提出意见</h2>");
		if (q->n_pending && !strcmp(q->state, "draft"))
			html_notice(sb, "warn", arena_printf(r->arena, "还有%" PRId64 "人未找到或待确认，请先在下表中逐一处理。",
							      q->n_pending));
		form_open(r, sb, line_action(r, "check"), "record-form");
		field_text(sb, "day", "核查日期（回复日期）", q->reply_day ? q->reply_day : today(r), 1,
			   fielderr_get(fe, "day"), "type=\"date\"");
		form_close(sb, !strcmp(q->state, "checked") ? "重新核查" : "核查", NULL);
	}
	if (!strcmp(q->state, "checked") && q->n_pending) {
		form_open(r, sb, line_action(r, "confirm_all"), "record-form");
		form_close(sb, arena_printf(r->arena, "其余%" PRId64 "人全部按建议确认", q->n_pending), NULL);
	}
	if (!strcmp(q->state, "confirmed")) {
		form_open(r, sb, line_action(r, "reply"), "record-form");
		form_close(sb, "出具回复函", NULL);
	}
}

static int opinion_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct opinion_request q;
	struct opinion_line *l;
	const char *title;
	int n, rc = opinion_get(&r->c, r->id, &q);

	if (rc != RES_DONE)
		return res_error(r, rc, "opinion");
	if ((n = opinion_lines(&r->c, q.id, &l)) < 0)
		return res_error(r, RES_STORE, "opinion lines");
	title = arena_printf(r->arena, "征求意见函 %s", q.letter_no);
	{
		const char *crumbs[] = { "工作台", "/", "党风廉政意见回复", "/opinions", title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	field_errors_summary(&sb, fe);
	record_head(&sb, label_of(opinion_states, q.state));
	record_open(&sb);
	record_item(&sb, "来函文号", q.letter_no);
	record_item(&sb, "来函单位", q.requester);
	record_item(&sb, "收函日期", q.received);
	record_item(&sb, "征求意见事由", label_of(opinion_purposes, q.purpose));
	record_item(&sb, "回复期限", q.due);
	record_item(&sb, "干部人数", arena_printf(r->arena, "%" PRId64, q.n_lines));
	record_item(&sb, "核查日期", q.reply_day);
	record_item(&sb, "回复函文号", q.number);
	record_item(&sb, "回复日期", q.replied);
	record_close(&sb);
	actions(r, &sb, &q, fe);
	lines_table(r, &sb, &q, l, n);
	return page_finish(r, &sb, status);
}

int page_opinion(struct req *r)
{
	struct fielderr fe = { 0 };

	return opinion_page(r, &fe, 200);
}

static int done(struct req *r, int rc, struct fielderr *fe)
{
	if (rc == RES_INVALID)
		return opinion_page(r, fe, 422);
	return page_result(r, rc, "opinion", arena_printf(r->arena, "/opinions/%" PRId64 "?ok=done", r->id));
}

static int64_t line_id(struct req *r)
{
	return strtoll(req_field(r, "line_id"), NULL, 10);
}

int page_opinion_resolve(struct req *r)
{
	struct fielderr fe = { 0 };
	int64_t person = 0;

	if (!strcmp(req_field(r, "do"), "choose")) {
		person = strtoll(req_field(r, "person_id"), NULL, 10);
		if (person <= 0) {
			fielderr_add(&fe, "person_id", "请选择或填写人员");
			return opinion_page(r, &fe, 422);
		}
	}
	return done(r, opinion_resolve(&r->c, r->id, line_id(r), person, &fe), &fe);
}

/* ---- a person made from a line ------------------------------------------------------ */

static int person_page(struct req *r, const struct opinion_request *q, const struct opinion_line *l,
		       const struct person *p, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	const char *back = arena_printf(r->arena, "/opinions/%" PRId64 "#line-%d", q->id, l->line_no);
	const char *crumbs[] = { "工作台", "/", "党风廉政意见回复", "/opinions",
		arena_printf(r->arena, "征求意见函 %s", q->letter_no), arena_printf(r->arena, "/opinions/%" PRId64, q->id),
		"新建人员", NULL, NULL };

	page_begin(r, &sb, "按名单新建人员", crumbs);
	field_errors_summary(&sb, fe);
	record_open(&sb);
	record_item(&sb, "名单第几行", arena_printf(r->arena, "第%d行", l->line_no));
	record_item(&sb, "姓名", l->name);
	record_item(&sb, "单位", l->unit_name);
	record_item(&sb, "职务", l->position);
	record_item(&sb, "身份证号码", l->id_mac ? "名单已提供（只保存了核对用的密文，请照来函填写）" : "名单未提供");
	record_item(&sb, "人员匹配", label_of(opinion_matches, l->matched));
	record_close(&sb);
	strbuf_addstr(&sb, "<p class=\"hint\">保存后新建该人员，本行即匹配为此人");
	if (!strcmp(q->state, "checked"))
		strbuf_addstr(&sb, "，并按核查日期重新核查本行、提出建议意见");
	strbuf_addstr(&sb, "。</p>");
	form_open(r, &sb, arena_printf(r->arena, "/opinions/%" PRId64 "/person", q->id), "record-form");
	form_hidden_id(&sb, "line_id", l->id);
	person_fields(r, &sb, p, req_field(r, "id_number"), fe);
	form_close(&sb, "新建并匹配", back);
	return page_finish(r, &sb, status);
}

int page_opinion_person_new(struct req *r)
{
	struct fielderr fe = { 0 };
	struct opinion_request q;
	struct opinion_line l;
	long long line = 0;
	int rc;

	form_get_int(&r->query, "line_id", &line);
	rc = opinion_person_line(&r->c, r->id, line, &q, &l, &fe);
	if (rc == RES_INVALID)
		return opinion_page(r, &fe, 422);
	if (rc != RES_DONE)
		return res_error(r, rc, "opinion line");
	/* the line's values; the unit by its name through the picker (the
	 * one unit of that name is taken when the form is sent) */
	return person_page(r, &q, &l, &(struct person){ .name = l.name, .unit_name = l.unit_name, .position = l.position,
		.rank = "", .gender = "", .ethnicity = "" }, &fe, 200);
}

int page_opinion_person_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct opinion_request q;
	struct opinion_line l;
	struct person p = { 0 };
	const char *idnum = person_read_form(r, &p, &fe);
	int64_t id;

	if (p.unit_id < 0)
		return res_error(r, RES_STORE, "pick");
	id = opinion_create_person(&r->c, r->id, line_id(r), &p, idnum, &fe);
	if (id > 0)
		return page_result(r, RES_DONE, "opinion",
				   arena_printf(r->arena, "/opinions/%" PRId64 "?ok=created", r->id));
	if (id != RES_INVALID)
		return res_error(r, (int)id, "opinion person");
	/* the form again, unless the line itself may no longer be made a person */
	if (fielderr_get(&fe, "line_id") || opinion_person_line(&r->c, r->id, line_id(r), &q, &l, &fe) != RES_DONE)
		return opinion_page(r, &fe, 422);
	p.unit_name = NULL;     /* the picker shows what was sent */
	return person_page(r, &q, &l, &p, &fe, 422);
}

int page_opinion_check(struct req *r)
{
	struct fielderr fe = { 0 };

	return done(r, opinion_check(&r->c, r->id, req_field(r, "day"), &fe), &fe);
}

int page_opinion_confirm(struct req *r)
{
	struct fielderr fe = { 0 };

	return done(r, opinion_confirm(&r->c, r->id, line_id(r), req_field(r, "opinion"), req_field(r, "note"), &fe),
		    &fe);
}

int page_opinion_confirm_all(struct req *r)
{
	struct fielderr fe = { 0 };

	return done(r, opinion_confirm_all(&r->c, r->id, &fe), &fe);
}

int page_opinion_reply(struct req *r)
{
	struct fielderr fe = { 0 };

	return done(r, opinion_reply(&r->c, r->id, &fe), &fe);
}

int page_opinion_letter(struct req *r)
{
	struct strbuf out = STRBUF_INIT;
	int rc = opinion_letter(&r->c, r->id, &out);

	if (rc != RES_DONE) {
		strbuf_release(&out);
		if (rc == RES_INVALID)
			return reply_error(r, E_VALIDATION, "opinion not replied yet");
		return res_error(r, rc, "opinion");
	}
	return reply_download(r, DOCX_MIME, arena_printf(r->arena, "opinion-reply-%" PRId64 ".docx", r->id),
			      arena_printf(r->arena, "党风廉政意见回复函-%" PRId64 ".docx", r->id), &out);
}
