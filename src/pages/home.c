/*
 * home.c: the user's start page: who they are and, for each part of the
 * platform their role may use, how many records it holds for them; the
 * leaders and the case manager get the dashboard (dash.c) above their
 * to-dos, grouped by office.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/dash.h"
#include "domain/kept.h"
#include "domain/person.h"
#include "domain/role.h"
#include "domain/todo.h"
#include "domain/unit.h"
#include "http/http.h"
#include "pages/home.h"
#include "pages/list_kept.h"
#include "pages/page.h"

static void card(struct strbuf *sb, const char *href, const char *label, const char *n, const char *unit)
{
	strbuf_addstr(sb, "<a class=\"card\" href=\"");
	html_attr(sb, href);
	strbuf_addstr(sb, "\"><span class=\"card-label\">");
	html_txt(sb, label);
	strbuf_addf(sb, "</span><span class=\"card-num\">%s</span><span class=\"card-unit\">", n);
	html_txt(sb, unit);
	strbuf_addstr(sb, "</span></a>");
}

/* The items on the home page: the first TODO_SHOWN of the user's (or of
 * each office's among the first TODO_HOME, for the dashboard's overview),
 * the most urgent; the rest on the notices page. */
#define TODO_SHOWN 50
#define TODO_HOME 200

/* The items of `office` (NULL: all) among v as a table: the first
 * TODO_SHOWN, then how many more of its `total` and where they all are
 * (the notices page, of the office). */
static void todo_table(struct req *r, struct strbuf *sb, const struct todo *v, int n, const char *office,
		       int total)
{
	char buf[11];
	int shown = 0;

	{
		static const struct column cols[] = { { "事项", NULL }, { "对象", NULL },
				{ "开始", NULL }, { "期限", NULL }, { "状态", NULL } };
		table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	}
	for (int i = 0; i < n && shown < TODO_SHOWN; i++) {
		if (office && strcmp(v[i].office, office))
			continue;
		shown++;
		strbuf_addstr(sb, "<tr>");
		html_td(sb, v[i].what);
		html_td_link(sb, page_href(r, v[i].href), v[i].object);
		html_td(sb, date_format(v[i].start, buf));
		html_td(sb, v[i].due != QF_DAY_NONE ? date_format(v[i].due, buf) : "");
		strbuf_addstr(sb, "<td>");
		if (v[i].state == CLOCK_OVERDUE || v[i].state == CLOCK_DUE_SOON)
			html_clock(sb, v[i].state);
		else if (v[i].status)
			html_txt(sb, v[i].status);
		else
			strbuf_addstr(sb, v[i].kind == TODO_RETURN ? "已退回"
					  : v[i].kind == TODO_ASSIGNED ? "待提出处置意见" : "待审批");
		strbuf_addstr(sb, "</td></tr>");
	}
	if (total > shown) {
		struct strbuf href = STRBUF_INIT;
		strbuf_addstr(&href, "/notices");
		if (office && *office) {
			strbuf_addstr(&href, "?office=");
			url_arg(&href, office);
		}
		strbuf_addf(sb, "<tr class=\"more\"><td colspan=\"5\">另有%d项，按紧急程度排在后面，"
			    "全部见<a href=\"", total - shown);
		html_attr(sb, href.buf);
		strbuf_addstr(sb, "\">待办通知</a>。</td></tr>");
		strbuf_release(&href);
	}
	table_close(sb, 0, 0, NULL);
}

/* How many of v are office's. */
static int office_n(const struct todo *v, int n, const char *office)
{
	int have = 0;

	for (int i = 0; i < n; i++)
		have += !strcmp(v[i].office, office);
	return have;
}

/* The items of the first `shown` offices for their tables; from[g] the
 * page office g's come from: the first TODO_HOME of all offices (pg)
 * when its items there are all of its or TODO_SHOWN; else every item that
 * read read (*read: the families read in full and counted in C have all
 * theirs there) when all of its are among them; else one read of all
 * such offices (*own; the query's offices: each provider that filters by
 * office in SQL reads its first TODO_SHOWN of each, the families read in
 * full once, the counts kept).  At national scale the most urgent office
 * takes all of the first TODO_HOME, so the others need their own
 * (bench/README.md "The to-do providers at 10M"; since dash16j "each
 * office's items").  0, or -1 when the read fails. */
static int offices_items(struct ctx *c, const struct todo_page *pg, int shown, struct todo_page *read,
			 struct todo_page *own, const struct todo_page **from)
{
	const char *need[DASH_OFFICES];
	struct todo_query q = { .limit = TODO_SHOWN, .offices = need };

	*read = (struct todo_page){ .v = pg->all, .n = pg->nall };
	for (int g = 0; g < shown; g++) {
		const struct todo_office *o = &pg->offices[g];
		int have = office_n(pg->v, pg->n, o->office);

		if (have >= TODO_SHOWN || have >= o->total)
			from[g] = pg;
		else if (office_n(read->v, read->n, o->office) >= o->total)
			from[g] = read;
		else {
			from[g] = own;
			need[q.noffices++] = o->office;
		}
	}
	return q.noffices ? todo_list(c, &q, own) : 0;
}

/* The user's items for the to-do section (todo_list reads at most
 * TODO_HOME, or TODO_SHOWN without the dashboard's overview): 0, or -1 on
 * error.  Read before the frame, so the badge reads the counts this
 * read keeps and the items come with the count (todo_list counts and
 * reads in one run of the providers; a count alone first would read the
 * families counted in C once more). */
static int todo_read(struct ctx *c, struct todo_page *pg)
{
	struct todo_query q = { .limit = dash_shown(c) ? TODO_HOME : TODO_SHOWN };

	memset(pg, 0, sizeof(*pg));
	return todo_shown(c) ? todo_list(c, &q, pg) : 0;
}

/* 待办事项: what the providers of todo.h add (overdue and due-soon
 * clocks, approvals waiting), for a user some provider serves; the
 * counts exact, the items bounded (pg, rc: todo_read's). */
static void todo_section(struct req *r, struct strbuf *sb, const struct todo_page *pgp, int rc)
{
	int overview = dash_shown(&r->c);
	struct todo_page pg = *pgp, read, own;
	const struct todo_page *from[DASH_OFFICES];
	int shown, own_rc;

	if (!todo_shown(&r->c))
		return;
	strbuf_addstr(sb, "<h2>待办事项</h2>");
	if (rc < 0) {
		html_notice(sb, "error", "待办事项暂时无法读取。");
		return;
	}
	if (!pg.total) {
		strbuf_addstr(sb, "<p class=\"empty\">没有逾期或三个工作日内到期的事项。</p>");
		return;
	}
	/* the dashboard's overview: a heading and a table per office, in the
	 * order of dash.c's chart, which links to them as #todo-N */
	if (!overview) {
		todo_table(r, sb, pg.v, pg.n, NULL, pg.total);
		return;
	}
	shown = pg.noffices < DASH_OFFICES ? pg.noffices : DASH_OFFICES;
	dash_offices(r, sb, &pg, shown);
	own_rc = offices_items(&r->c, &pg, shown, &read, &own, from);
	for (int g = 0; g < shown; g++) {
		const struct todo_office *o = &pg.offices[g];

		strbuf_addf(sb, "<div class=\"todo-office\" id=\"todo-%d\"><h3>", g + 1);
		html_txt(sb, *o->office ? o->office : "未分配科室");
		strbuf_addstr(sb, "</h3>");
		if (from[g] == &own && own_rc < 0)
			html_notice(sb, "error", "待办事项暂时无法读取。");
		else
			todo_table(r, sb, from[g]->v, from[g]->n, o->office, o->total);
		strbuf_addstr(sb, "</div>");
	}
	if (shown < pg.noffices) {
		int rest = 0;
		for (int g = shown; g < pg.noffices; g++)
			rest += pg.offices[g].total;
		strbuf_addf(sb, "<p class=\"more\">另有%d个科室的%d项待办事项，全部见"
			    "<a href=\"/notices\">待办通知</a>（可按科室筛选）。</p>", pg.noffices - shown, rest);
	}
}

/* The cards' totals: the count of every unit / person the user may see,
 * kept by the rule of domain/kept.h for the unscoped roles (a count of a
 * whole table on every view would be a scan at scale). */
static int64_t count_units(struct ctx *c)
{
	struct unit_filter uf = { .page.limit = 0 };
	struct unit *u;
	int64_t total;

	return unit_list(c, &uf, &u, &total) < 0 ? -1 : total;
}

static int64_t count_persons(struct ctx *c)
{
	struct person_filter pf = { .page.limit = 0 };
	struct person *p;
	int64_t total;

	return person_list(c, &pf, &p, &total) < 0 ? -1 : total;
}

/* The page below the frame is kept under the data's version like a list
 * (pages/list_kept.h): the session, the query (year) and the day in its
 * key; the cards, the dashboard and the to-dos are read from the data
 * alone.  A view while nothing is written costs the frame; the first
 * after a write renders (bench/README.md "The dashboards at 10M").  The
 * cards' totals, the dashboard's data and the to-do counts are kept by
 * the rule of domain/kept.h, which sees another process's write only
 * after KEPT_SECS: the page is served for KEPT_SECS after its rendering
 * at most, so such a write shows within twice that, as it did within
 * KEPT_SECS before. */
int page_home(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	struct list_kept k;
	struct todo_page pg;
	int64_t total;
	int todo_rc;

	if (list_kept_serve(r, &k, "工作台", NULL))
		return k.rc;
	/* the to-dos and their counts by office before the frame's badge
	 * (todo_count), which would count the total alone first; an error
	 * shows below */
	todo_rc = todo_read(&r->c, &pg);
	list_kept_begin(r, &k, &sb, "工作台", NULL);
	strbuf_addstr(&sb, "<p class=\"lead\">");
	html_txt(&sb, *r->user.display_name ? r->user.display_name : r->user.name);
	strbuf_addstr(&sb, "，您好。您的角色是");
	html_txt(&sb, role_label(r->user.role));
	strbuf_addstr(&sb, "。</p><div class=\"cards\">");
	if (authz_has(&r->c.who, PERM_UNIT_READ) && (total = kept_total(&r->c, KEPT_UNITS, count_units)) >= 0)
		card(&sb, "/units", "单位", list_count_text(r->arena, total), "个");
	if (authz_has(&r->c.who, PERM_PERSON_READ) &&
	    (total = kept_total(&r->c, KEPT_PERSONS, count_persons)) >= 0)
		card(&sb, "/persons", "监督对象", list_count_text(r->arena, total), "人");
	strbuf_addstr(&sb, "</div>");
	if (dash_shown(&r->c))
		dash_section(r, &sb);
	todo_section(r, &sb, &pg, todo_rc);
	if (role_find(r->user.role) && role_find(r->user.role)->admin)
		strbuf_addstr(&sb, "<p class=\"hint\">三员分立：系统管理员、安全管理员、审计管理员均不查阅案件内容；"
			      "审计日志仅审计管理员可查阅。</p>");
	k.until = r->c.now + KEPT_SECS;
	return list_kept_finish(r, &k, &sb);
}
