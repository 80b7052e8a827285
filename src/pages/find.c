/*
 * find.c: the picker component (field_pick, pick_resolve) and the search
 * page GET /search, the box in the top bar (issue 12).
 *
 * The picker works without JavaScript: a text box whose typed name the
 * server resolves when the form is sent (pick_resolve), and when several
 * records match, the form comes back with them as radio buttons named as
 * the id field.  assets/pick.js only adds the suggestions as one types.
 *
 * The search page lists, per kind the viewer's role may read, the
 * matches domain/find.c allows (jurisdiction, need-to-know), each a link
 * to its page; the overview shows the first few of each kind and links
 * to the kind's own paged list.  Nothing the viewer may not open is
 * listed or counted.
 */
#include "pages/find.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/find.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/unit.h"
#include "http/form.h"
#include "http/http.h"
#include "pages/page.h"

/* choices listed in a form sent without JavaScript */
#define PICK_CHOICES 20
/* hits of each kind on the search overview */
#define SEARCH_PREVIEW 10

static const char *const pick_hint[FIND_KINDS] = {
	[FIND_PERSON] = "输入姓名、单位名称或身份证号码后4位，从列表中选择",
	[FIND_UNIT] = "输入单位名称的一部分，从列表中选择",
	[FIND_CASE] = "输入案件编号或被调查人姓名，从列表中选择",
};

/* The fields a picker was sent in: a POST form's body, a GET form's
 * query (a list's filter bar, the statistics page). */
static struct form *sent(struct req *r)
{
	return r->method == HM_POST ? &r->form : &r->query;
}

/* The text typed beside field `name` ("" when none). */
static const char *sent_text(struct req *r, const char *qname)
{
	return form_get_trim(sent(r), qname);
}

/* The id a form field holds: > 0, else 0. */
static int64_t form_id_of(struct req *r, const char *name)
{
	long long v = 0;

	return form_get_int(sent(r), name, &v) >= 0 && v > 0 ? v : 0;
}

/* The opening of a picker's field: its box (the script's hook, around
 * the kit's field) and label; pick_input closes both. */
static void pick_open(struct strbuf *sb, enum find_kind k, const char *name, const char *label, int required,
		      const char *err, int multi)
{
	strbuf_addstr(sb, "<div class=\"pick\" data-pick=\"/api/pick/");
	html_attr(sb, find_kind_name(k));
	strbuf_addstr(sb, multi ? "\" data-multi=\"1\">" : "\">");
	field_open(sb, name, label, required, err);
}

/* The text box (the text typed, or `text` when not NULL), its hint and, when the typed text named several records
 * (err set, nothing chosen), those records as radio buttons named as the
 * id field; the field's end. */
static void pick_input(struct req *r, struct strbuf *sb, enum find_kind k, const char *name, const char *text,
		       int required, const char *err, const char *hint, const struct find_hit *v, int n,
		       int64_t total)
{
	const char *qname = arena_printf(r->arena, "%s_q", name);

	strbuf_addstr(sb, "<input type=\"text\" autocomplete=\"off\" maxlength=\"50\" id=\"f-");
	html_attr(sb, name);
	strbuf_addstr(sb, "\" name=\"");
	html_attr(sb, qname);
	strbuf_addstr(sb, "\" value=\"");
	html_attr(sb, text ? text : sent_text(r, qname));
	strbuf_addstr(sb, required ? "\" required aria-describedby=\"h-" : "\" aria-describedby=\"h-");
	html_attr(sb, name);
	if (err) {
		strbuf_addstr(sb, " e-");
		html_attr(sb, name);
		strbuf_addstr(sb, "\" aria-invalid=\"true");
	}
	strbuf_addstr(sb, "\"><p class=\"hint\" id=\"h-");
	html_attr(sb, name);
	strbuf_addstr(sb, "\">");
	html_txt(sb, hint);
	strbuf_addstr(sb, "</p>");
	if (n > 0) {
		strbuf_addstr(sb, "<fieldset class=\"pick-choices\"><legend>请选择</legend>");
		for (int i = 0; i < n; i++) {
			strbuf_addstr(sb, "<label class=\"check\"><input type=\"radio\" name=\"");
			html_attr(sb, name);
			strbuf_addf(sb, "\" value=\"%" PRId64 "\"> ", v[i].id);
			html_txt(sb, find_hit_label(&r->c, k, &v[i]));
			strbuf_addstr(sb, "</label>");
		}
		if (total > n)  /* a POST form is saved, a GET form (a filter) sent again */
			strbuf_addf(sb, "<p class=\"hint\">共 %s 项，以上为前 %d 项；"
				    "请在上面的输入框中多输入几个字，再%s，以缩小范围。</p>",
				    list_count_text(r->arena, total), n, r->method == HM_POST ? "保存" : "查询");
		strbuf_addstr(sb, "</fieldset>");
	}
	field_close(sb, name, err);
	strbuf_addstr(sb, "</div>");
}

/* The matches of a typed text the server could not take, to choose from. */
static int pick_choices(struct req *r, enum find_kind k, const char *name, const char *err,
			struct find_hit **v, int64_t *total)
{
	const char *text = sent_text(r, arena_printf(r->arena, "%s_q", name));

	*v = NULL;
	*total = 0;
	return err && *text ? find_run(&r->c, k, text, 0, 0, PICK_CHOICES, v, total) : 0;
}

void field_pick_at(struct req *r, struct strbuf *sb, enum find_kind k, const char *name, const char *label,
		   int64_t id, const char *text, int required, const char *err)
{
	const char *qname = arena_printf(r->arena, "%s_q", name);
	struct find_hit *v;
	int64_t total;
	int n;

	/* a form sent back shows what was sent; a new one the record's value */
	if (form_get(sent(r), qname)) {
		id = form_id_of(r, name);
		text = NULL;
	}
	n = id ? 0 : pick_choices(r, k, name, err, &v, &total);
	pick_open(sb, k, name, label, required, err, 0);
	if (n <= 0) {   /* with choices listed, the radio buttons carry the id */
		strbuf_addstr(sb, "<input type=\"hidden\" name=\"");
		html_attr(sb, name);
		strbuf_addstr(sb, id ? "\" value=\"" : "\" value=\"\">");
		if (id)
			strbuf_addf(sb, "%" PRId64 "\">", id);
	}
	pick_input(r, sb, k, name, text, required, err, pick_hint[k] ? pick_hint[k] : "", v, n, total);
}

void field_pick(struct req *r, struct strbuf *sb, enum find_kind k, const char *name, const char *label,
		int required, const char *err)
{
	field_pick_at(r, sb, k, name, label, 0, NULL, required, err);
}

void field_pick_persons(struct req *r, struct strbuf *sb, const char *name, const char *label,
			const int64_t *ids, int n_ids, int required, const char *err)
{
	struct find_hit *v;
	int64_t total;
	int n = pick_choices(r, FIND_PERSON, name, err, &v, &total);

	pick_open(sb, FIND_PERSON, name, label, required, err, 1);
	strbuf_addstr(sb, "<ul class=\"pick-chosen\">");
	for (int i = 0; i < n_ids; i++) {
		struct person p;
		if (person_pick(&r->c, ids[i], &p) != RES_DONE)
			continue;       /* the domain refuses it again, beside the field */
		strbuf_addstr(sb, "<li><label class=\"check\"><input type=\"checkbox\" checked name=\"");
		html_attr(sb, name);
		strbuf_addf(sb, "\" value=\"%" PRId64 "\"> ", p.id);
		html_txt(sb, find_hit_label(&r->c, FIND_PERSON, &(struct find_hit){ .id = p.id, .title = p.name,
			.unit_name = p.unit_name, .extra = p.position ? p.position : "" }));
		strbuf_addstr(sb, "</label></li>");
	}
	strbuf_addstr(sb, "</ul>");
	pick_input(r, sb, FIND_PERSON, name, NULL, 0, err,
		   "输入姓名、单位名称或身份证号码后4位，从列表中选择；可选多人，取消勾选即去掉。"
		   "名录中没有的人员，请先在“监督对象”中新增。", v, n, total);
}

/* The record the text typed in field `name` names: its id; 0 with a
 * message in fe when none or several match; RES_STORE. */
static int64_t resolve_text(struct req *r, enum find_kind k, const char *name, const char *text,
			    struct fielderr *fe)
{
	struct find_hit *v;
	int64_t total;
	int n = find_run(&r->c, k, text, 0, 0, 1, &v, &total);

	if (n < 0)
		return RES_STORE;
	if (total == 1)
		return v[0].id;
	if (total == 0)
		fielderr_add(fe, name, arena_printf(r->arena, "没有找到与“%s”相符的%s，请检查后重新输入", text,
						    find_kind_label(k)));
	else
		fielderr_add(fe, name, arena_printf(r->arena, "与“%s”相符的%s有 %s 个，请在下面选择一个",
						    text, find_kind_label(k), list_count_text(r->arena, total)));
	return 0;
}

int64_t pick_resolve(struct req *r, enum find_kind k, const char *name, struct fielderr *fe)
{
	const char *text = sent_text(r, arena_printf(r->arena, "%s_q", name));
	int64_t id = form_id_of(r, name);

	return id || !*text ? id : resolve_text(r, k, name, text, fe);
}

int pick_add(struct req *r, enum find_kind k, const char *name, int64_t *ids, int n, int max,
	     struct fielderr *fe)
{
	const char *text = sent_text(r, arena_printf(r->arena, "%s_q", name));
	int64_t id;

	if (!*text)
		return n;
	id = resolve_text(r, k, name, text, fe);
	if (id < 0) {
		fielderr_add(fe, name, "暂时无法查找，请稍后再试");
		return n;
	}
	for (int i = 0; id && i < n; i++)
		if (ids[i] == id)
			return n;
	if (id && n == max) {
		fielderr_add(fe, name, arena_printf(r->arena, "最多选择 %d 项", max));
		return n;
	}
	if (id)
		ids[n++] = id;
	return n;
}

/* ---- a unit in a GET filter form ---------------------------------------------------- */

/* A unit's name as the picker shows it (find_hit_label's): name（parent）;
 * NULL when the viewer may not see the unit or it is gone.  *name: the
 * unit's own name. */
static const char *unit_label(struct req *r, int64_t id, const char **name)
{
	struct unit u;

	if (id <= 0 || unit_get(&r->c, id, &u) != 1)
		return NULL;
	if (name)
		*name = u.name;
	return find_hit_label(&r->c, FIND_UNIT, &(struct find_hit){ .id = u.id, .title = u.name,
		.unit_name = "", .extra = u.parent_name ? u.parent_name : "" });
}

int64_t pick_filter_unit(struct req *r, const char *name, int64_t id)
{
	const char *qname = arena_printf(r->arena, "%s_q", name), *text = req_arg(r, qname), *label, *own = "";
	struct fielderr fe = { 0 };

	if (!form_get(&r->query, qname))
		return id;              /* a link's unit_id, the API, a page of the list */
	if (!*text)
		return 0;               /* the text emptied: all units */
	/* the id sent (by the page, pick.js or a choice listed below the
	 * field) while the text still names it: its label or a part of its
	 * name; a text changed without JavaScript (the id stays) is resolved */
	if (id > 0 && (label = unit_label(r, id, &own)) && (!strcmp(label, text) || strstr(own, text)))
		return id;
	id = resolve_text(r, FIND_UNIT, name, text, &fe);
	return id > 0 ? id : PICK_UNRESOLVED;
}

const char *pick_filter_unit_error(struct req *r, const char *name)
{
	struct fielderr fe = { 0 };
	const char *text = req_arg(r, arena_printf(r->arena, "%s_q", name));

	if (resolve_text(r, FIND_UNIT, name, text, &fe) < 0)
		return "暂时无法查找，请稍后再试";
	return fielderr_get(&fe, name) ? fielderr_get(&fe, name) : "请重新选择单位";
}

void field_pick_filter_unit(struct req *r, struct strbuf *sb, const char *name, const char *label, int64_t id,
			    const char *err)
{
	const char *qname = arena_printf(r->arena, "%s_q", name), *text = NULL;
	struct find_hit *v = NULL;
	int64_t total = 0;
	int n = 0;

	if (id == PICK_UNRESOLVED) {
		if (!err)
			err = pick_filter_unit_error(r, name);
		n = pick_choices(r, FIND_UNIT, name, err, &v, &total);
		id = 0;
	} else if (id > 0) {
		text = unit_label(r, id, NULL);
	}
	if (n < 0)
		n = 0;
	pick_open(sb, FIND_UNIT, name, label, 0, err, 0);
	if (!n) {
		strbuf_addstr(sb, "<input type=\"hidden\" name=\"");
		html_attr(sb, name);
		strbuf_addstr(sb, "\" value=\"");
		if (id && text)
			strbuf_addf(sb, "%" PRId64, id);
		strbuf_addstr(sb, "\">");
	}
	pick_input(r, sb, FIND_UNIT, name, text ? text : req_arg(r, qname), 0, err,
		   "输入单位名称的一部分，从列表中选择；清空即为全部单位", v, n, total);
}

/* ---- the search page ------------------------------------------------------------- */

static const char *record_href(struct req *r, enum find_kind k, int64_t id)
{
	return arena_printf(r->arena, "/%s/%" PRId64, find_kind_name(k), id);
}

/* One kind's section: its hits as links; the overview links on to the
 * kind's own list, the kind's own list pages. */
static int search_section(struct req *r, struct strbuf *sb, enum find_kind k, const char *q, int only)
{
	int page = only ? req_page(r) : 1, per = only ? PAGE_SIZE : SEARCH_PREVIEW;
	struct find_hit *v;
	int64_t total;
	int n = find_run(&r->c, k, q, 0, (page - 1) * per, per, &v, &total);

	if (n < 0)
		return -1;
	strbuf_addstr(sb, "<section class=\"search-kind\"><h2>");
	html_txt(sb, find_kind_label(k));
	strbuf_addf(sb, "<span class=\"count\">（%s）</span></h2>", list_count_text(r->arena, total));
	if (!n) {
		strbuf_addstr(sb, "<p class=\"empty\">没有找到</p></section>");
		return 0;
	}
	strbuf_addstr(sb, "<ul class=\"search-hits\">");
	for (int i = 0; i < n; i++)
		html_li_link(sb, record_href(r, k, v[i].id), find_hit_label(&r->c, k, &v[i]),
			     *v[i].extra && k != FIND_PERSON ? v[i].extra : NULL);
	strbuf_addstr(sb, "</ul>");
	if (only) {
		struct strbuf base = STRBUF_INIT;
		strbuf_addstr(&base, "/search?");
		url_param(&base, "q", q);
		url_param(&base, "kind", find_kind_name(k));
		page_pager_rows(sb, base.buf, page, total, per, n);
		strbuf_release(&base);
	} else if (total > n) {
		struct strbuf href = STRBUF_INIT;
		strbuf_addstr(&href, "/search?");
		url_param(&href, "q", q);
		url_param(&href, "kind", find_kind_name(k));
		strbuf_setlen(&href, href.len - 1);
		strbuf_addstr(sb, "<p class=\"more\">");
		html_link(sb, href.buf, arena_printf(r->arena, "查看全部 %s 条%s", list_count_text(r->arena, total),
						     find_kind_label(k)));
		strbuf_addstr(sb, "</p>");
		strbuf_release(&href);
	}
	strbuf_addstr(sb, "</section>");
	return 0;
}

int page_search(struct req *r)
{
	static const char *const crumbs[] = { "工作台", "/", "搜索", NULL, NULL };
	static const enum find_kind shown[] = { FIND_CASE, FIND_CLUE, FIND_REPORT, FIND_PERSON, FIND_DOCUMENT };
	struct strbuf sb = STRBUF_INIT;
	const char *q = req_arg(r, "q");
	int only = find_kind_parse(req_arg(r, "kind")), any = 0;

	page_begin(r, &sb, "搜索", crumbs);
	filter_open(&sb, "/search");
	field_text(&sb, "q", "编号或姓名", q, 0, NULL, "type=\"search\" maxlength=\"50\"");
	if (only >= 0)
		form_hidden(&sb, "kind", find_kind_name(only));
	filter_close(&sb, "搜索", NULL);
	strbuf_addstr(&sb, "<p class=\"hint\">按编号、外部编号或被反映人、被调查人、人员的姓名查找；"
		      "人员也可按单位名称或身份证号码后4位查找。只列出您有权查看的记录。</p>");
	for (size_t i = 0; *q && i < QF_ARRAY_SIZE(shown); i++) {
		if (!find_allowed(&r->c, shown[i]) || (only >= 0 && (int)shown[i] != only))
			continue;
		any = 1;
		if (search_section(r, &sb, shown[i], q, only >= 0) < 0) {
			strbuf_release(&sb);
			return res_error(r, RES_STORE, "search");
		}
	}
	if (*q && !any)
		strbuf_addstr(&sb, "<p class=\"empty\">您的角色不能查看信访举报、线索、案件或人员。</p>");
	return page_finish(r, &sb, 200);
}
