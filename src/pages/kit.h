#ifndef QF_KIT_H
#define QF_KIT_H
/*
 * kit: the builders every page is made of (issue 9): form fields with
 * their label and their error beside them, selects, textareas, the clock
 * badge, record rows, forms with their CSRF field and buttons, the filter
 * bar of a list, the pager.  Pages never write these by hand: a page that
 * needs one that is not here adds it here.
 *
 * Every value goes through core/escape.h (tests/unit/test_kit.c feeds each
 * builder <>&"'); the only raw text is the extra_attrs of field_text and
 * field_textarea, which must be literals of the page code.  Everything is
 * appended to the caller's strbuf; nothing is allocated but in it.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/fielderr.h"

struct req;
struct label;
enum clock_state;

#define PAGE_SIZE 50

/* ---- forms ------------------------------------------------------------------- */

/* <form method="post" action="ACTION" class="CLS"> and the session's CSRF
 * field.  cls may be NULL. */
void form_open(struct req *r, struct strbuf *sb, const char *action, const char *cls);
/* As form_open; confirm (may be NULL): the question app.js asks before
 * sending (data-confirm); upload: multipart/form-data for a file field. */
void form_open_ex(struct req *r, struct strbuf *sb, const char *action, const char *cls,
		  const char *confirm, int upload);
/* As form_open with the given CSRF token instead of the session's (the
 * login form, before there is a session: a double-submit token); a NULL
 * token writes none (the public pages: no session at all). */
void form_open_token(struct strbuf *sb, const char *action, const char *cls, const char *token);
/* The buttons row and the end of the form: one primary button and, when
 * cancel_href is not NULL, a 取消 link to it. */
void form_close(struct strbuf *sb, const char *button, const char *cancel_href);
/* For forms with other buttons: <div class="form-actions">, any number of
 * form_button, then form_actions_close (which closes the form too). */
void form_actions_open(struct strbuf *sb);
void form_actions_close(struct strbuf *sb);
/* <button type="submit">: name/value may be NULL; cls ("primary", "small",
 * "link") may be NULL. */
void form_button(struct strbuf *sb, const char *text, const char *name, const char *value,
		 const char *cls);
/* </form> after a form without a buttons row (inline forms). */
void form_end(struct strbuf *sb);
/* The session's CSRF field alone (nothing without a session), for a form
 * not opened by form_open. */
void page_csrf(struct req *r, struct strbuf *sb);
/* <input type="hidden">. */
void form_hidden(struct strbuf *sb, const char *name, const char *value);
void form_hidden_id(struct strbuf *sb, const char *name, int64_t value);
/* A message in a box: kind "ok" (role status), "warn" or "error" (role
 * alert), e.g. a refusal of a form as a whole above its fields; nothing
 * when msg is NULL. */
void html_notice(struct strbuf *sb, const char *kind, const char *msg);

/* ---- the filter bar of a list ------------------------------------------------ */

/* <form class="filters" method="get" action="ACTION" role="search">;
 * filter_open_as: another role, or none (NULL), for a GET form that is
 * not a search (the deadline calculator). */
void filter_open(struct strbuf *sb, const char *action);
void filter_open_as(struct strbuf *sb, const char *action, const char *role);
/* The submit button (查询 when button is NULL) and, when reset_href is not
 * NULL, a 重置 link; closes the form. */
void filter_close(struct strbuf *sb, const char *button, const char *reset_href);
/* The overdue filter of every list, one label and one control everywhere:
 * a checkbox named overdue reading 只看逾期 (issue 12). */
void filter_overdue(struct strbuf *sb, int checked);

/* ---- fields -------------------------------------------------------------------- */

/* Form fields.  err may be NULL.  Every field has a label; required ones
 * are marked; an error stands beside its field, linked by aria-describedby. */
void field_text(struct strbuf *sb, const char *name, const char *label, const char *value,
		int required, const char *err, const char *extra_attrs);
/* A field of an inline form repeated on a page (a table row's action),
 * so without an id: <label>LABEL <input name=NAME ...></label>; with
 * hide_label the label is for screen readers only. */
void field_inline(struct strbuf *sb, const char *name, const char *label, int required, int hide_label,
		  const char *extra_attrs);
/* A <textarea rows=ROWS maxlength=MAX>; hint (may be NULL) under it. */
void field_textarea(struct strbuf *sb, const char *name, const char *label, const char *value,
		    int required, const char *err, int rows, int max, const char *hint);
/* none_label: the text of the empty choice ("请选择" in forms, "全部" in
 * filters). */
void field_select(struct strbuf *sb, const char *name, const char *label,
		  const struct label *options, const char *value, int required, const char *err,
		  const char *none_label);
/* The special campaigns as a select named campaign_id (none_label: the
 * empty choice). */
void campaign_select(struct req *r, struct strbuf *sb, int64_t selected, const char *err,
		     const char *none_label);
/* The same named otherwise: a second such select on one page (its id is
 * f-NAME) */
void campaign_select_named(struct req *r, struct strbuf *sb, const char *name, int64_t selected, const char *err,
			   const char *none_label);
void field_checkbox(struct strbuf *sb, const char *name, const char *label, int checked);
/* The catalog of violation categories as a label table for field_select
 * (retired ones too, marked: a past period counts under them), empty when
 * it cannot be read (the statistics page, the work log). */
const struct label *category_options(struct req *r);
/* A group of controls under one label (checkbox groups): a role=group
 * wrapper with id f-NAME (what the error summary links to), named by its
 * label and described by its error; the caller writes the controls between
 * open and close. */
void field_group_open(struct strbuf *sb, const char *name, const char *label, int required,
		      const char *err);
void field_group_close(struct strbuf *sb, const char *name, const char *err);
/* One box of a group of checkboxes sharing a name (inside a fieldset):
 * <label class="check"><input type="checkbox" name value> label</label>. */
void check_option(struct strbuf *sb, const char *name, const char *value, const char *label, int checked);
/* One choice of a group of radio buttons sharing a name (inside a
 * field_group): <label class="radio"><input type="radio" ...> label</label>
 * (the public rating page's stars). */
void radio_option(struct strbuf *sb, const char *name, const char *value, const char *label, int checked);
/* The pieces the builders above are made of, for fields built elsewhere
 * (unit_select): the wrapper and label; id, name, required and the
 * aria attributes linking the error; the error and the closing tag. */
void field_open(struct strbuf *sb, const char *name, const char *label, int required,
		const char *err);
void field_attrs(struct strbuf *sb, const char *name, int required, const char *err);
void field_close(struct strbuf *sb, const char *name, const char *err);
/* A <select> with its label and empty choice, for options written by the
 * caller between open and close (with select_option). */
void field_select_open(struct strbuf *sb, const char *name, const char *label, int required,
		       const char *err, const char *none_label);
void select_option(struct strbuf *sb, int64_t value, int selected, const char *text);
void field_select_close(struct strbuf *sb, const char *name, const char *err);
/* A summary of the errors above the form, for screen readers and phones. */
void field_errors_summary(struct strbuf *sb, const struct fielderr *fe);
/* The unit of a GET filter form (a list's filter bar, statistics): a
 * <select> of the units the user may see while they are UNIT_SELECT_MAX at
 * most, else the unit picker (field_pick_filter_unit, pages/find.h) whose
 * text the list's reading resolves (list_filter, pick_filter_unit);
 * selected may be PICK_UNRESOLVED (the picker then says why). */
#define UNIT_SELECT_MAX 2000
void unit_select(struct req *r, struct strbuf *sb, const char *name, const char *label,
		 int64_t selected, int required, const char *err, const char *none_label);
/* The same in a POST form: above the limit the picker pick_resolve reads. */
void unit_select_post(struct req *r, struct strbuf *sb, const char *name, const char *label,
		      int64_t selected, int required, const char *err, const char *none_label);

/* ---- clocks -------------------------------------------------------------------- */

/* A clock's state as a badge: <span class="clock overdue">逾期</span>
 * (running, due, overdue, done; done late is marked overdue). */
void html_clock(struct strbuf *sb, enum clock_state st);
/* The badge of a clock from its due day and the day it was done (YYYY-MM-DD
 * or NULL), on the working-day calendar, as of today. */
void clock_badge(struct req *r, struct strbuf *sb, const char *due, const char *done);

/* ---- records ------------------------------------------------------------------- */

/* A state as a badge: <span class="state TONE">text</span>; tone "ok",
 * "warn", "bad" or NULL (plain). */
void html_state(struct strbuf *sb, const char *tone, const char *text);
/* The head of a record: its state. */
void record_head(struct strbuf *sb, const char *state);
/* <dl class="record"> ... </dl> */
void record_open(struct strbuf *sb);
void record_close(struct strbuf *sb);
/* <dt>label</dt><dd>value</dd>, an empty or NULL value shown as —. */
void record_item(struct strbuf *sb, const char *label, const char *value);
/* <dt>label</dt><dd><a href="HREF">text</a></dd>; without href the text,
 * or — without either. */
void record_link(struct strbuf *sb, const char *label, const char *href, const char *text);
/* <dt>label</dt><dd class="CLS"> for a value the caller writes, then
 * record_value_close.  cls may be NULL. */
void record_value_open(struct strbuf *sb, const char *label, const char *cls);
void record_value_close(struct strbuf *sb);
/* <dt>label</dt><dd>date-time in CST</dd> */
void record_time(struct strbuf *sb, const char *label, int64_t t);
/* A page's actions as buttons: <p class="toolbar"> and links styled as
 * buttons (primary: the main one); toolbar: a toolbar of one. */
void toolbar_open(struct strbuf *sb);
void button_link(struct strbuf *sb, const char *href, const char *text, int primary);
void toolbar_close(struct strbuf *sb);
void toolbar(struct strbuf *sb, const char *href, const char *text, int primary);
/* An entry of a timeline (<ol class="timeline">): when, who, what (may be
 * NULL) and a paragraph (none when NULL or empty) of class detail_cls. */
void html_event(struct strbuf *sb, int64_t at, const char *who, const char *what, const char *detail,
		const char *detail_cls);
/* An item of a list of linked records: <li><a href="HREF">text</a>after</li>
 * (after may be NULL). */
void html_li_link(struct strbuf *sb, const char *href, const char *text, const char *after);
/* <a href="HREF">text</a>; the text alone when href is NULL (page_href
 * refused it). */
void html_link(struct strbuf *sb, const char *href, const char *text);
/* Links only to what the user may open (issue 12): url when the route it
 * names (its path, the query and fragment aside) is one the user's role may GET,
 * else NULL, so html_link, html_td_link, html_li_link and record_link
 * write the text without a link.  Every link from one family's page to
 * another's, and every link on the start page, goes through it.  (The
 * route's permission only: a record outside the user's jurisdiction or
 * case team still answers 404 when opened.) */
const char *page_href(struct req *r, const char *url);
/* A table cell <td>text</td>, NULL as empty; html_cells: n of them. */
void html_td(struct strbuf *sb, const char *text);
void html_cells(struct strbuf *sb, const char *const *cells, int n);
/* <td><a href="HREF">text</a></td> */
void html_td_link(struct strbuf *sb, const char *href, const char *text);
/* The number cell of a list row linking to its record:
 * <td class="num"><a href="BASE/ID">ID</a></td> (base: "/clues"). */
void html_td_id(struct strbuf *sb, const char *base, int64_t id);

/* ---- sections that fold ------------------------------------------------------ */

/* A section of a long record page (issue 12) that folds without script:
 * <details class="fold" open><summary><h2>TITLE</h2></summary> ... then
 * fold_close.  Open at first; printing unfolds every one (style.css). */
void fold_open(struct strbuf *sb, const char *title);
void fold_close(struct strbuf *sb);

/* ---- tables ------------------------------------------------------------------ */

/* A column of a list table: its heading and an optional class ("num",
 * "flag"). */
struct column {
	const char *label;
	const char *cls;
};
/* <div class="table-wrap"><table class="CLS"> (cls NULL: "list"), the
 * caption when not NULL, the headings, <tbody>. */
void table_open(struct strbuf *sb, const char *cls, const char *caption, const struct column *cols, int n);
/* The "empty" row when rows <= 0 (a sentence across ncols columns; none
 * when empty is NULL), then </tbody>; table_end closes the table (a <tfoot> may stand between);
 * table_close is both. */
void table_rows_end(struct strbuf *sb, int rows, int ncols, const char *empty);
void table_end(struct strbuf *sb);
void table_close(struct strbuf *sb, int rows, int ncols, const char *empty);

/* ---- lists --------------------------------------------------------------------- */

/* "共 N 条" and the page links; base is the list URL with its filters
 * already escaped for a URL (ending in '?' or '&'). */
void page_pager(struct strbuf *sb, const char *base, int page, int64_t total, int per_page);
/* The pager of a list whose count stopped at the cap (total >
 * LIST_COUNT_CAP, model/filter.h, issue 16): 「共1万余条，第 P 页」 and the
 * page links, 下一页 when `more` (the page was full). */
void page_pager_capped(struct strbuf *sb, const char *base, int page, int more);
/* page_pager, or page_pager_capped past the cap: `rows` the rows this
 * page shows (a full page has a next one).  Every pager of a capped count
 * goes through here (list_pager, the search, the accountability ledger). */
void page_pager_rows(struct strbuf *sb, const char *base, int page, int64_t total, int per_page, int rows);
/* A count as a page shows it: the number, or 「1万余」 past LIST_COUNT_CAP
 * (the store stopped counting; 「共1万余条」, 「（1万余）」). */
const char *list_count_text(struct arena *a, int64_t total);
/* Appends "key=value&" with value URL-encoded, when value is not empty. */
void url_param(struct strbuf *sb, const char *key, const char *value);

/* A date-time in CST for display: 2022-03-01 09:30 */
void html_time(struct strbuf *sb, int64_t t);

#endif
