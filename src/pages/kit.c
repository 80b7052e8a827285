/*
 * kit.c: the page kit, the builders every page is made of (issue 9): forms
 * and their buttons, the filter bar, fields with their label and error,
 * selects (campaigns, units), textareas, the clock badge, record rows, the
 * pager.  page.c keeps the frame (head, navigation, notices).
 *
 * Guarantees: every value goes through core/escape.h in the context it
 * lands in (text, attribute, URL); raw text is only what the page code
 * writes as literals (extra_attrs).  A field with an error is marked
 * aria-invalid and names its error with aria-describedby; the error
 * stands beside the field with the id the summary links to.
 */
#include "pages/kit.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/campaign.h"
#include "domain/case_filing.h"
#include "domain/clocks.h"
#include "domain/clue.h"
#include "domain/labels.h"
#include "domain/unit.h"
#include "http/http.h"
#include "model/filter.h"
#include "pages/find.h"

/* A URL in a double-quoted attribute: html_attr on each piece between the
 * '=' of its query, which stay as they are (html_attr writes &#61; for
 * the unquoted case, which the kit never writes), so the links read as the
 * pages wrote them before the kit. */
static void attr_url(struct strbuf *sb, const char *url)
{
	const char *eq;

	while ((eq = strchr(url, '='))) {
		struct strbuf piece = STRBUF_INIT;
		strbuf_add(&piece, url, (size_t)(eq - url));
		html_attr(sb, piece.buf);
		strbuf_release(&piece);
		strbuf_addch(sb, '=');
		url = eq + 1;
	}
	html_attr(sb, url);
}

/* ---- forms ------------------------------------------------------------------- */


/* <form ...> and its CSRF field (none without a token). */
static void form_start(struct strbuf *sb, const char *action, const char *cls, const char *confirm,
		       int upload, const char *token)
{
	strbuf_addstr(sb, "<form method=\"post\" action=\"");
	attr_url(sb, action);
	strbuf_addstr(sb, "\"");
	if (upload)
		strbuf_addstr(sb, " enctype=\"multipart/form-data\"");
	if (cls) {
		strbuf_addstr(sb, " class=\"");
		html_attr(sb, cls);
		strbuf_addstr(sb, "\"");
	}
	if (confirm) {
		strbuf_addstr(sb, " data-confirm=\"");
		html_attr(sb, confirm);
		strbuf_addstr(sb, "\"");
	}
	strbuf_addstr(sb, ">");
	if (token)
		form_hidden(sb, "csrf", token);
}

void page_csrf(struct req *r, struct strbuf *sb)
{
	if (r->sess.csrf)
		form_hidden(sb, "csrf", r->sess.csrf);
}

void form_open_ex(struct req *r, struct strbuf *sb, const char *action, const char *cls,
		  const char *confirm, int upload)
{
	form_start(sb, action, cls, confirm, upload, r->sess.csrf);
}

void form_open_token(struct strbuf *sb, const char *action, const char *cls, const char *token)
{
	form_start(sb, action, cls, NULL, 0, token);
}

void form_open(struct req *r, struct strbuf *sb, const char *action, const char *cls)
{
	form_open_ex(r, sb, action, cls, NULL, 0);
}

void form_button(struct strbuf *sb, const char *text, const char *name, const char *value,
		 const char *cls)
{
	strbuf_addstr(sb, "<button type=\"submit\"");
	if (name) {
		strbuf_addstr(sb, " name=\"");
		html_attr(sb, name);
		strbuf_addstr(sb, "\" value=\"");
		html_attr(sb, value);
		strbuf_addstr(sb, "\"");
	}
	if (cls) {
		strbuf_addstr(sb, " class=\"");
		html_attr(sb, cls);
		strbuf_addstr(sb, "\"");
	}
	strbuf_addstr(sb, ">");
	html_txt(sb, text);
	strbuf_addstr(sb, "</button>");
}

void form_actions_open(struct strbuf *sb)
{
	strbuf_addstr(sb, "<div class=\"form-actions\">");
}

void form_actions_close(struct strbuf *sb)
{
	strbuf_addstr(sb, "</div></form>");
}

void form_end(struct strbuf *sb)
{
	strbuf_addstr(sb, "</form>");
}

void form_close(struct strbuf *sb, const char *button, const char *cancel_href)
{
	form_actions_open(sb);
	form_button(sb, button, NULL, NULL, "primary");
	if (cancel_href)
		html_link(sb, cancel_href, "取消");
	form_actions_close(sb);
}

void form_hidden(struct strbuf *sb, const char *name, const char *value)
{
	strbuf_addstr(sb, "<input type=\"hidden\" name=\"");
	html_attr(sb, name);
	strbuf_addstr(sb, "\" value=\"");
	html_attr(sb, value);
	strbuf_addstr(sb, "\">");
}

void form_hidden_id(struct strbuf *sb, const char *name, int64_t value)
{
	strbuf_addstr(sb, "<input type=\"hidden\" name=\"");
	html_attr(sb, name);
	strbuf_addf(sb, "\" value=\"%" PRId64 "\">", value);
}

void html_notice(struct strbuf *sb, const char *kind, const char *msg)
{
	if (!msg)
		return;
	strbuf_addstr(sb, "<p class=\"notice ");
	html_attr(sb, kind);
	strbuf_addstr(sb, strcmp(kind, "ok") ? "\" role=\"alert\">" : "\" role=\"status\">");
	html_txt(sb, msg);
	strbuf_addstr(sb, "</p>");
}

/* ---- the filter bar ------------------------------------------------------------ */

void filter_open_as(struct strbuf *sb, const char *action, const char *role)
{
	strbuf_addstr(sb, "<form class=\"filters\" method=\"get\" action=\"");
	html_attr(sb, action);
	if (role) {
		strbuf_addstr(sb, "\" role=\"");
		html_attr(sb, role);
	}
	strbuf_addstr(sb, "\">");
}

void filter_open(struct strbuf *sb, const char *action)
{
	filter_open_as(sb, action, "search");
}

void filter_close(struct strbuf *sb, const char *button, const char *reset_href)
{
	strbuf_addstr(sb, "<div class=\"field actions\">");
	form_button(sb, button ? button : "查询", NULL, NULL, NULL);
	if (reset_href)
		html_link(sb, reset_href, "重置");
	strbuf_addstr(sb, "</div></form>");
}

/* ---- fields -------------------------------------------------------------------- */

void field_open(struct strbuf *sb, const char *name, const char *label, int required,
		       const char *err)
{
	strbuf_addstr(sb, err ? "<div class=\"field has-error\">" : "<div class=\"field\">");
	strbuf_addstr(sb, "<label for=\"f-");
	html_attr(sb, name);
	strbuf_addstr(sb, "\">");
	html_txt(sb, label);
	if (required)
		strbuf_addstr(sb, "<span class=\"req\" aria-hidden=\"true\">*</span>");
	strbuf_addstr(sb, "</label>");
}

void field_close(struct strbuf *sb, const char *name, const char *err)
{
	if (err) {
		strbuf_addstr(sb, "<p class=\"field-error\" id=\"e-");
		html_attr(sb, name);
		strbuf_addstr(sb, "\">");
		html_txt(sb, err);
		strbuf_addstr(sb, "</p>");
	}
	strbuf_addstr(sb, "</div>");
}

void field_attrs(struct strbuf *sb, const char *name, int required, const char *err)
{
	strbuf_addstr(sb, " id=\"f-");
	html_attr(sb, name);
	strbuf_addstr(sb, "\" name=\"");
	html_attr(sb, name);
	strbuf_addstr(sb, "\"");
	if (required)
		strbuf_addstr(sb, " required");
	if (err) {
		strbuf_addstr(sb, " aria-invalid=\"true\" aria-describedby=\"e-");
		html_attr(sb, name);
		strbuf_addstr(sb, "\"");
	}
}

void field_text(struct strbuf *sb, const char *name, const char *label, const char *value,
		int required, const char *err, const char *extra_attrs)
{
	field_open(sb, name, label, required, err);
	strbuf_addstr(sb, "<input");
	field_attrs(sb, name, required, err);
	strbuf_addstr(sb, " value=\"");
	html_attr(sb, value);
	strbuf_addstr(sb, "\"");
	if (extra_attrs) {
		strbuf_addch(sb, ' ');
		strbuf_addstr(sb, extra_attrs);   /* literals from the page code only */
	}
	strbuf_addstr(sb, ">");
	field_close(sb, name, err);
}

void field_inline(struct strbuf *sb, const char *name, const char *label, int required, int hide_label,
		  const char *extra_attrs)
{
	strbuf_addstr(sb, hide_label ? "<label><span class=\"sr-only\">" : "<label>");
	html_txt(sb, label);
	strbuf_addstr(sb, hide_label ? "</span><input name=\"" : " <input name=\"");
	html_attr(sb, name);
	strbuf_addstr(sb, required ? "\" required" : "\"");
	if (extra_attrs) {
		strbuf_addch(sb, ' ');
		strbuf_addstr(sb, extra_attrs);   /* literals from the page code only */
	}
	strbuf_addstr(sb, "></label> ");
}

void field_textarea(struct strbuf *sb, const char *name, const char *label, const char *value,
		    int required, const char *err, int rows, int max, const char *hint)
{
	field_open(sb, name, label, required, err);
	strbuf_addf(sb, "<textarea rows=\"%d\" maxlength=\"%d\"", rows, max);
	field_attrs(sb, name, required, err);
	strbuf_addstr(sb, ">");
	html_txt(sb, value);
	strbuf_addstr(sb, "</textarea>");
	if (hint) {
		strbuf_addstr(sb, "<p class=\"hint\">");
		html_txt(sb, hint);
		strbuf_addstr(sb, "</p>");
	}
	field_close(sb, name, err);
}

void field_select_open(struct strbuf *sb, const char *name, const char *label, int required,
		       const char *err, const char *none_label)
{
	field_open(sb, name, label, required, err);
	strbuf_addstr(sb, "<select");
	field_attrs(sb, name, required, err);
	strbuf_addstr(sb, "><option value=\"\">");
	html_txt(sb, none_label);
	strbuf_addstr(sb, "</option>");
}

void field_select_close(struct strbuf *sb, const char *name, const char *err)
{
	strbuf_addstr(sb, "</select>");
	field_close(sb, name, err);
}

void field_select(struct strbuf *sb, const char *name, const char *label,
		  const struct label *options, const char *value, int required, const char *err,
		  const char *none_label)
{
	field_select_open(sb, name, label, required, err, none_label);
	for (const struct label *o = options; o->code; o++) {
		strbuf_addstr(sb, "<option value=\"");
		html_attr(sb, o->code);
		strbuf_addstr(sb, value && !strcmp(value, o->code) ? "\" selected>" : "\">");
		html_txt(sb, o->label);
		strbuf_addstr(sb, "</option>");
	}
	field_select_close(sb, name, err);
}

void select_option(struct strbuf *sb, int64_t value, int selected, const char *text)
{
	strbuf_addf(sb, "<option value=\"%" PRId64 "\"%s>", value, selected ? " selected" : "");
	html_txt(sb, text);
	strbuf_addstr(sb, "</option>");
}

/* The campaigns as a <select> named name (campaign_id). */
void campaign_select_named(struct req *r, struct strbuf *sb, const char *name, int64_t selected, const char *err,
			   const char *none_label)
{
	struct campaign *v;
	int n = campaign_list(&r->c, &v);

	field_select_open(sb, name, "专项整治", 0, err, none_label);
	for (int i = 0; i < n; i++)
		select_option(sb, v[i].id, v[i].id == selected, v[i].name);
	field_select_close(sb, name, err);
}

void campaign_select(struct req *r, struct strbuf *sb, int64_t selected, const char *err,
		     const char *none_label)
{
	campaign_select_named(r, sb, "campaign_id", selected, err, none_label);
}

/* A unit as its option reads: name（parent）. */
static const char *unit_choice_label(struct req *r, const struct unit *u)
{
	return *u->parent_name ? arena_printf(r->arena, "%s（%s）", u->name, u->parent_name) : u->name;
}

/* The units the user may see as a <select> up to UNIT_SELECT_MAX of them,
 * else the unit picker (pages/find.h): the current value is always
 * offered, so saving a form unchanged never drops it.  post: the field
 * of a POST form (pick_resolve reads it), else of a GET filter form
 * (list_filter, pick_filter_unit). */
static void unit_choice(struct req *r, struct strbuf *sb, const char *name, const char *label,
			int64_t selected, int required, const char *err, const char *none_label, int post)
{
	struct unit *v = NULL, cur;
	int n = unit_options(&r->c, UNIT_SELECT_MAX + 1, &v), seen = 0;

	if (n > UNIT_SELECT_MAX || selected == PICK_UNRESOLVED) {
		if (post)
			field_pick_at(r, sb, FIND_UNIT, name, label, selected, selected > 0 &&
				      unit_get(&r->c, selected, &cur) == 1 ? unit_choice_label(r, &cur) : NULL,
				      required, err);
		else
			field_pick_filter_unit(r, sb, name, label, selected, err);
		return;
	}
	field_select_open(sb, name, label, required, err, none_label);
	for (int i = 0; i <= n; i++) {
		const struct unit *u = i < n ? &v[i] : &cur;
		if (i == n && (!selected || seen || unit_get(&r->c, selected, &cur) != 1))
			break;
		seen |= u->id == selected;
		select_option(sb, u->id, u->id == selected, unit_choice_label(r, u));
	}
	field_select_close(sb, name, err);
}

void unit_select(struct req *r, struct strbuf *sb, const char *name, const char *label,
		 int64_t selected, int required, const char *err, const char *none_label)
{
	unit_choice(r, sb, name, label, selected, required, err, none_label, 0);
}

void unit_select_post(struct req *r, struct strbuf *sb, const char *name, const char *label,
		      int64_t selected, int required, const char *err, const char *none_label)
{
	unit_choice(r, sb, name, label, selected, required, err, none_label, 1);
}

void field_checkbox(struct strbuf *sb, const char *name, const char *label, int checked)
{
	strbuf_addstr(sb, "<div class=\"field check\"><label><input type=\"checkbox\" value=\"1\" name=\"");
	html_attr(sb, name);
	strbuf_addstr(sb, checked ? "\" checked> " : "\"> ");
	html_txt(sb, label);
	strbuf_addstr(sb, "</label></div>");
}

void filter_overdue(struct strbuf *sb, int checked)
{
	field_checkbox(sb, "overdue", "只看逾期", checked);
}

void field_group_open(struct strbuf *sb, const char *name, const char *label, int required,
		      const char *err)
{
	strbuf_addstr(sb, err ? "<div class=\"field has-error\" role=\"group\" id=\"f-"
			      : "<div class=\"field\" role=\"group\" id=\"f-");
	html_attr(sb, name);
	strbuf_addstr(sb, "\" aria-labelledby=\"l-");
	html_attr(sb, name);
	if (err) {
		strbuf_addstr(sb, "\" aria-describedby=\"e-");
		html_attr(sb, name);
	}
	strbuf_addstr(sb, "\"><label id=\"l-");
	html_attr(sb, name);
	strbuf_addstr(sb, "\">");
	html_txt(sb, label);
	if (required)
		strbuf_addstr(sb, "<span class=\"req\" aria-hidden=\"true\">*</span>");
	strbuf_addstr(sb, "</label>");
}

void field_group_close(struct strbuf *sb, const char *name, const char *err)
{
	field_close(sb, name, err);
}

/* <label class="CLS"><input type="TYPE" name value [checked]> label</label> */
static void choice_option(struct strbuf *sb, const char *cls, const char *type, const char *name,
			  const char *value, const char *label, int checked)
{
	strbuf_addf(sb, "<label class=\"%s\"><input type=\"%s\" name=\"", cls, type);
	html_attr(sb, name);
	strbuf_addstr(sb, "\" value=\"");
	html_attr(sb, value);
	strbuf_addstr(sb, checked ? "\" checked> " : "\"> ");
	html_txt(sb, label);
	strbuf_addstr(sb, "</label>");
}

void check_option(struct strbuf *sb, const char *name, const char *value, const char *label, int checked)
{
	choice_option(sb, "check", "checkbox", name, value, label, checked);
}

void radio_option(struct strbuf *sb, const char *name, const char *value, const char *label, int checked)
{
	choice_option(sb, "radio", "radio", name, value, label, checked);
}

void field_errors_summary(struct strbuf *sb, const struct fielderr *fe)
{
	if (!fe->n)
		return;
	strbuf_addf(sb, "<div class=\"notice error\" role=\"alert\"><p>有 %d 处填写需要修改：</p><ul>",
		    fe->n);
	for (int i = 0; i < fe->n; i++) {
		strbuf_addstr(sb, "<li><a href=\"#f-");
		html_attr(sb, fe->field[i]);
		strbuf_addstr(sb, "\">");
		html_txt(sb, fe->msg[i]);
		strbuf_addstr(sb, "</a></li>");
	}
	strbuf_addstr(sb, "</ul></div>");
}

/* ---- clocks -------------------------------------------------------------------- */

void html_clock(struct strbuf *sb, enum clock_state st)
{
	static const char *const cls[] = { [CLOCK_RUNNING] = "clock running", [CLOCK_DUE_SOON] = "clock due",
		[CLOCK_OVERDUE] = "clock overdue", [CLOCK_DONE] = "clock done",
		[CLOCK_DONE_LATE] = "clock overdue" };

	strbuf_addf(sb, "<span class=\"%s\">", cls[st]);
	html_txt(sb, clock_state_label(st));
	strbuf_addstr(sb, "</span>");
}

void clock_badge(struct req *r, struct strbuf *sb, const char *due, const char *done)
{
	html_clock(sb, clock_state(r->c.cal, date_parse(due ? due : ""), date_parse(done ? done : ""),
				   date_today()));
}

/* ---- records ------------------------------------------------------------------- */

void html_state(struct strbuf *sb, const char *tone, const char *text)
{
	strbuf_addstr(sb, "<span class=\"state");
	if (tone) {
		strbuf_addch(sb, ' ');
		html_attr(sb, tone);
	}
	strbuf_addstr(sb, "\">");
	html_txt(sb, text);
	strbuf_addstr(sb, "</span>");
}

void record_head(struct strbuf *sb, const char *state)
{
	strbuf_addstr(sb, "<div class=\"record-head\">");
	html_state(sb, NULL, state);
	strbuf_addstr(sb, "</div>");
}

void record_open(struct strbuf *sb)
{
	strbuf_addstr(sb, "<dl class=\"record\">");
}

void record_close(struct strbuf *sb)
{
	strbuf_addstr(sb, "</dl>");
}

void record_value_open(struct strbuf *sb, const char *label, const char *cls)
{
	strbuf_addstr(sb, "<dt>");
	html_txt(sb, label);
	if (cls) {
		strbuf_addstr(sb, "</dt><dd class=\"");
		html_attr(sb, cls);
		strbuf_addstr(sb, "\">");
	} else {
		strbuf_addstr(sb, "</dt><dd>");
	}
}

void record_value_close(struct strbuf *sb)
{
	strbuf_addstr(sb, "</dd>");
}

void record_item(struct strbuf *sb, const char *label, const char *value)
{
	record_value_open(sb, label, NULL);
	html_txt(sb, value && *value ? value : "—");
	record_value_close(sb);
}

void record_link(struct strbuf *sb, const char *label, const char *href, const char *text)
{
	record_value_open(sb, label, NULL);
	if (href)
		html_link(sb, href, text);
	else if (text && *text)
		html_txt(sb, text);
	else
		strbuf_addstr(sb, "—");
	record_value_close(sb);
}

void record_time(struct strbuf *sb, const char *label, int64_t t)
{
	record_value_open(sb, label, NULL);
	html_time(sb, t);
	record_value_close(sb);
}

void toolbar_open(struct strbuf *sb)
{
	strbuf_addstr(sb, "<p class=\"toolbar\">");
}

void toolbar_close(struct strbuf *sb)
{
	strbuf_addstr(sb, "</p>");
}

void button_link(struct strbuf *sb, const char *href, const char *text, int primary)
{
	strbuf_addstr(sb, primary ? "<a class=\"button primary\" href=\"" : "<a class=\"button\" href=\"");
	attr_url(sb, href);
	strbuf_addstr(sb, "\">");
	html_txt(sb, text);
	strbuf_addstr(sb, "</a>");
}

void toolbar(struct strbuf *sb, const char *href, const char *text, int primary)
{
	toolbar_open(sb);
	button_link(sb, href, text, primary);
	toolbar_close(sb);
}

void html_link(struct strbuf *sb, const char *href, const char *text)
{
	if (!href) {
		html_txt(sb, text);
		return;
	}
	strbuf_addstr(sb, "<a href=\"");
	attr_url(sb, href);
	strbuf_addstr(sb, "\">");
	html_txt(sb, text);
	strbuf_addstr(sb, "</a>");
}

void html_event(struct strbuf *sb, int64_t at, const char *who, const char *what, const char *detail,
		const char *detail_cls)
{
	strbuf_addstr(sb, "<li><span class=\"when\">");
	html_time(sb, at);
	strbuf_addstr(sb, "</span> <span class=\"who\">");
	html_txt(sb, who);
	strbuf_addstr(sb, "</span>");
	if (what) {
		strbuf_addstr(sb, " <span class=\"what\">");
		html_txt(sb, what);
		strbuf_addstr(sb, "</span>");
	}
	if (detail && *detail) {
		strbuf_addstr(sb, "<p class=\"");
		html_attr(sb, detail_cls);
		strbuf_addstr(sb, "\">");
		html_txt(sb, detail);
		strbuf_addstr(sb, "</p>");
	}
	strbuf_addstr(sb, "</li>");
}

void html_li_link(struct strbuf *sb, const char *href, const char *text, const char *after)
{
	strbuf_addstr(sb, "<li>");
	html_link(sb, href, text);
	html_txt(sb, after);
	strbuf_addstr(sb, "</li>");
}

void html_td(struct strbuf *sb, const char *text)
{
	strbuf_addstr(sb, "<td>");
	html_txt(sb, text ? text : "");
	strbuf_addstr(sb, "</td>");
}

void html_cells(struct strbuf *sb, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++)
		html_td(sb, cells[i]);
}

void html_td_link(struct strbuf *sb, const char *href, const char *text)
{
	strbuf_addstr(sb, "<td>");
	html_link(sb, href, text);
	strbuf_addstr(sb, "</td>");
}

void html_td_id(struct strbuf *sb, const char *base, int64_t id)
{
	strbuf_addstr(sb, "<td class=\"num\"><a href=\"");
	html_attr(sb, base);
	strbuf_addf(sb, "/%" PRId64 "\">%" PRId64 "</a></td>", id, id);
}

/* ---- tables ------------------------------------------------------------------ */

void table_open(struct strbuf *sb, const char *cls, const char *caption, const struct column *cols, int n)
{
	strbuf_addstr(sb, "<div class=\"table-wrap\"><table class=\"");
	html_attr(sb, cls ? cls : "list");
	strbuf_addstr(sb, "\">");
	if (caption) {
		strbuf_addstr(sb, "<caption>");
		html_txt(sb, caption);
		strbuf_addstr(sb, "</caption>");
	}
	strbuf_addstr(sb, "<thead><tr>");
	for (int i = 0; i < n; i++) {
		strbuf_addstr(sb, "<th scope=\"col\"");
		if (cols[i].cls) {
			strbuf_addstr(sb, " class=\"");
			html_attr(sb, cols[i].cls);
			strbuf_addstr(sb, "\"");
		}
		strbuf_addstr(sb, ">");
		html_txt(sb, cols[i].label);
		strbuf_addstr(sb, "</th>");
	}
	strbuf_addstr(sb, "</tr></thead><tbody>");
}

void table_rows_end(struct strbuf *sb, int rows, int ncols, const char *empty)
{
	if (rows <= 0 && empty) {
		strbuf_addf(sb, "<tr><td colspan=\"%d\" class=\"empty\">", ncols);
		html_txt(sb, empty);
		strbuf_addstr(sb, "</td></tr>");
	}
	strbuf_addstr(sb, "</tbody>");
}

void table_end(struct strbuf *sb)
{
	strbuf_addstr(sb, "</table></div>");
}

void table_close(struct strbuf *sb, int rows, int ncols, const char *empty)
{
	table_rows_end(sb, rows, ncols, empty);
	table_end(sb);
}

/* ---- lists --------------------------------------------------------------------- */

void fold_open(struct strbuf *sb, const char *title)
{
	strbuf_addstr(sb, "<details class=\"fold\" open><summary><h2>");
	html_txt(sb, title);
	strbuf_addstr(sb, "</h2></summary>");
}

void fold_close(struct strbuf *sb)
{
	strbuf_addstr(sb, "</details>");
}

const char *page_href(struct req *r, const char *url)
{
	const struct route *rt;
	size_t n;
	int64_t id;
	int state, allowed;

	if (!url)
		return NULL;
	n = strcspn(url, "?#");      /* the path alone names the route */
	rt = route_match(url[n] ? arena_strndup(r->arena, url, n) : url, HM_GET, &id, &state, &allowed);
	return rt && (rt->perm == PERM_NONE || authz_has(&r->c.who, rt->perm)) ? url : NULL;
}

void url_param(struct strbuf *sb, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	url_arg(sb, key);
	strbuf_addch(sb, '=');
	url_arg(sb, value);
	strbuf_addch(sb, '&');
}

/* 上一页 and 下一页 (when next) and the pager's end */
static void pager_links(struct strbuf *sb, const char *base, int page, int next)
{
	if (page > 1) {
		strbuf_addstr(sb, "<a rel=\"prev\" href=\"");
		html_attr(sb, base);
		strbuf_addf(sb, "page=%d\">上一页</a>", page - 1);
	}
	if (next) {
		strbuf_addstr(sb, "<a rel=\"next\" href=\"");
		html_attr(sb, base);
		strbuf_addf(sb, "page=%d\">下一页</a>", page + 1);
	}
	strbuf_addstr(sb, "</nav>");
}

void page_pager(struct strbuf *sb, const char *base, int page, int64_t total, int per_page)
{
	int64_t pages = (total + per_page - 1) / per_page;

	strbuf_addf(sb, "<nav class=\"pager\" aria-label=\"分页\"><span class=\"count\">共 %" PRId64
		    " 条", total);
	if (pages > 1)
		strbuf_addf(sb, "，第 %d / %" PRId64 " 页", page, pages);
	strbuf_addstr(sb, "</span>");
	pager_links(sb, base, page, page < pages);
}

void page_pager_capped(struct strbuf *sb, const char *base, int page, int more)
{
	strbuf_addf(sb, "<nav class=\"pager\" aria-label=\"分页\"><span class=\"count\" "
		    "title=\"超过一万条时不再逐条计数\">共1万余条，第 %d 页</span>", page);
	pager_links(sb, base, page, more);
}

void page_pager_rows(struct strbuf *sb, const char *base, int page, int64_t total, int per_page, int rows)
{
	if (total > LIST_COUNT_CAP)
		page_pager_capped(sb, base, page, rows >= per_page);
	else
		page_pager(sb, base, page, total, per_page);
}

const char *list_count_text(struct arena *a, int64_t total)
{
	return total > LIST_COUNT_CAP ? "1万余" : arena_printf(a, "%" PRId64, total);
}

void html_time(struct strbuf *sb, int64_t t)
{
	char buf[32];

	time_format_cst(t, buf);
	buf[16] = '\0';      /* YYYY-MM-DDTHH:MM */
	buf[10] = ' ';
	html_txt(sb, buf);
}

/* The catalog of violation categories as a label table (retired ones
 * too: a past period counts under them), empty when it cannot be read. */
const struct label *category_options(struct req *r)
{
	struct violation_category *v;
	int n = category_list(&r->c, &v);
	struct label *l;

	if (n < 0)
		n = 0;
	l = arena_alloc(r->arena, (size_t)(n + 1) * sizeof(*l));
	for (int i = 0; i < n; i++)
		l[i] = (struct label){ v[i].code, v[i].retired ? arena_printf(r->arena, "%s（已停用）", v[i].label) : v[i].label };
	l[n] = (struct label){ NULL, NULL };
	return l;
}
