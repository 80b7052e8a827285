/*
 * calendar.c: the working-day calendar page.  Everyone signed in sees a
 * year's arrangement (holidays and the weekend days made working days),
 * the working days of each month, and a calculator for deadlines counted
 * in working days; the system admin imports the State Council's
 * arrangement for a new year (CSV, as data/cn-holidays.csv).  The clock
 * limits (DOMAIN.md section 4) are listed below it with their versions,
 * sources and whether the rest-day rule moves them (issue 10).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/clocks.h"
#include "domain/holidays.h"
#include "domain/role.h"
#include "http/http.h"
#include "pages/calendar.h"
#include "pages/page.h"

static const char *const weekdays[] = { "一", "二", "三", "四", "五", "六", "日" };

struct year_rows {
	struct strbuf *sb;
	int year;
	int n;
};

static void exception_row(void *arg, qf_day day, int off_day, const char *name)
{
	struct year_rows *yr = arg;
	int y, m, d;
	char buf[11];

	date_to_ymd(day, &y, &m, &d);
	if (y != yr->year)
		return;
	yr->n++;
	strbuf_addstr(yr->sb, "<tr>");
	html_td(yr->sb, date_format(day, buf));
	strbuf_addf(yr->sb, "<td>星期%s</td><td>", weekdays[date_weekday(day)]);
	html_state(yr->sb, off_day ? "ok" : "warn", off_day ? "休" : "班");
	strbuf_addstr(yr->sb, "</td>");
	html_td(yr->sb, name);
	strbuf_addstr(yr->sb, "</tr>");
}

static void months_table(struct strbuf *sb, const struct calendar *cal, int year)
{
	int total = 0;

	{
		static const struct column cols[] = { { "月份", NULL }, { "工作日", "num" },
				{ "休息日", "num" } };
		table_open(sb, NULL, "各月工作日", cols, QF_ARRAY_SIZE(cols));
	}
	for (int m = 1; m <= 12; m++) {
		qf_day first = date_from_ymd(year, m, 1);
		qf_day next = m == 12 ? date_from_ymd(year + 1, 1, 1) : date_from_ymd(year, m + 1, 1);
		int work = calendar_workdays_between(cal, first - 1, next - 1);
		total += work;
		strbuf_addf(sb, "<tr><td>%d月</td><td class=\"num\">%d</td><td class=\"num\">%d</td></tr>",
			    m, work, (int)(next - first) - work);
	}
	table_rows_end(sb, 12, 3, NULL);
	strbuf_addf(sb, "<tfoot><tr><th scope=\"row\">全年</th><td class=\"num\">%d</td>"
		    "<td class=\"num\">%d</td></tr></tfoot>",
		    total, (int)(date_from_ymd(year + 1, 1, 1) - date_from_ymd(year, 1, 1)) - total);
	table_end(sb);
}

/* The deadline calculator: from + n working days, and working days
 * between two dates, with the answer in words. */
static void calculator(struct req *r, struct strbuf *sb, const struct calendar *cal)
{
	const char *from_s = req_arg(r, "from"), *n_s = req_arg(r, "n"), *to_s = req_arg(r, "to");
	qf_day from = date_parse(from_s), to = date_parse(to_s);
	long long n = 0;
	char buf[11];
	int has_n = *n_s && form_get_int(&r->query, "n", &n) == 0 && n >= -366 && n <= 366;

	strbuf_addstr(sb, "<h2>期限计算</h2>");
	filter_open_as(sb, "/calendar", NULL);
	field_text(sb, "from", "起始日期", from_s, 0,
		   *from_s && from == QF_DAY_NONE ? fielderr_date_msg(from_s, "日期格式应为 YYYY-MM-DD") : NULL, "type=\"date\"");
	field_text(sb, "n", "工作日数", n_s, 0, *n_s && !has_n ? "请填写 -366 至 366 的整数" : NULL,
		   "inputmode=\"numeric\" maxlength=\"4\"");
	field_text(sb, "to", "截止日期（计算间隔）", to_s, 0,
		   *to_s && to == QF_DAY_NONE ? fielderr_date_msg(to_s, "日期格式应为 YYYY-MM-DD") : NULL, "type=\"date\"");
	filter_close(sb, "计算", NULL);
	if (from == QF_DAY_NONE)
		return;
	if (has_n) {
		qf_day due = calendar_add_workdays(cal, from, (int)n);
		if (due != QF_DAY_NONE) {
			strbuf_addf(sb, "<p class=\"notice ok\" role=\"status\">%s 起 %lld 个工作日后为 <strong>",
				    date_format(from, buf), n);
			strbuf_addf(sb, "%s</strong>（星期%s）。起始日当天不计。</p>", date_format(due, buf),
				    weekdays[date_weekday(due)]);
		}
	}
	if (to != QF_DAY_NONE) {
		char b2[11];
		strbuf_addf(sb, "<p class=\"notice ok\" role=\"status\">%s 之后至 %s（含）共 <strong>%d</strong> 个工作日。</p>",
			    date_format(from, buf), date_format(to, b2),
			    calendar_workdays_between(cal, from, to));
	}
}

/* "15 个工作日", "60 日", "1 个月" */
static const char *limit_text(struct req *r, const struct clock_version *v)
{
	static const char *const units[] = { [CLOCK_WORKDAYS] = "个工作日", [CLOCK_DAYS] = "日",
					     [CLOCK_MONTHS] = "个月" };

	return arena_printf(r->arena, "%d %s", v->amount, units[v->unit]);
}

/* The clock limits: one row per version, with its source. */
static void limits_table(struct req *r, struct strbuf *sb)
{
	static const struct column cols[] = { { "时限", NULL }, { "期限", NULL },
			{ "休息日顺延", NULL }, { "适用于起算日", NULL }, { "依据", NULL } };
	struct clock_table t;
	char buf[11];
	int n = 0;

	if (clock_table_load(r->c.db, r->arena, &t) < 0)
		return;
	table_open(sb, NULL, "办理时限及其依据", cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < t.n; i++)
		for (int j = 0; j < t.limits[i].n_versions; j++) {
			const struct clock_limit *l = &t.limits[i];
			const struct clock_version *v = &l->versions[j];
			/* the undated limit is shown only when no version replaces it */
			if (v->from == QF_DAY_NONE && l->n_versions > 1)
				continue;
			n++;
			strbuf_addstr(sb, "<tr>");
			html_td(sb, l->label);
			html_td(sb, limit_text(r, v));
			html_td(sb, v->unit == CLOCK_WORKDAYS ? "—" : l->rest_day_moves ? "是" : "否");
			html_td(sb, v->from == QF_DAY_NONE ? "（一直）"
				    : arena_printf(r->arena, "%s 起", date_format(v->from, buf)));
			html_td(sb, v->source);
			strbuf_addstr(sb, "</tr>");
		}
	table_close(sb, n, 5, "无");
	strbuf_addstr(sb, "<p class=\"hint\">以日、月计算的期限最后一日是休息日的，以休息日结束后的第一个工作日为"
		      "最后一日（《民法典》第二百零三条），留置除外。期限调整只适用于生效日及以后起算的时限。</p>");
	if (authz_has(&r->c.who, PERM_RULES_EDIT)) {
		strbuf_addstr(sb, "<p>");
		html_link(sb, "/rules/clocks", "修改办理时限");
		strbuf_addstr(sb, "</p>");
	}
}

static int calendar_page(struct req *r, const char *msg, int ok, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "工作日历", NULL, NULL };
	const struct calendar *cal = r->c.cal;
	long long year;
	int today_y, m, d;
	struct year_rows yr = { &sb, 0, 0 };

	date_to_ymd(date_today(), &today_y, &m, &d);
	if (form_get_int(&r->query, "year", &year) < 0 || year < 1990 || year > 2100)
		year = today_y;
	yr.year = (int)year;
	page_begin(r, &sb, "工作日历", crumbs);
	html_notice(&sb, ok ? "ok" : "error", msg);
	strbuf_addf(&sb, "<nav class=\"pager\" aria-label=\"年份\"><a rel=\"prev\" href=\"/calendar?year=%lld\">"
		    "%lld年</a><span class=\"count\"><strong>%lld年</strong></span>"
		    "<a rel=\"next\" href=\"/calendar?year=%lld\">%lld年</a></nav>",
		    year - 1, year - 1, year, year + 1, year + 1);
	if (year < calendar_first_year(cal) || year > calendar_last_year(cal))
		html_notice(&sb, "warn", "尚未导入该年度的国务院节假日安排，以下按周一至周五工作计算，期限可能不准确。");
	calculator(r, &sb, cal);
	months_table(&sb, cal, (int)year);
	{
		static const struct column cols[] = { { "日期", NULL }, { "星期", NULL },
				{ "安排", NULL }, { "节日", NULL } };
		table_open(&sb, NULL, "节假日与调休", cols, QF_ARRAY_SIZE(cols));
	}
	calendar_each(cal, exception_row, &yr);
	table_close(&sb, yr.n, 4, "无");
	limits_table(r, &sb);
	if (authz_has(&r->c.who, PERM_CALENDAR)) {
		strbuf_addstr(&sb, "<h2>导入节假日安排</h2><p class=\"hint\">CSV 格式同平台自带的 cn-holidays.csv："
			      "每行“日期,off_day,节日名称”，off_day 为 1 表示放假，0 表示周末调为工作日。"
			      "已有日期将被替换；文件有任何错误则全部不导入。</p>");
		form_open_ex(r, &sb, "/calendar/import", "record-form", NULL, 1);
		field_text(&sb, "file", "CSV 文件", "", 1, NULL, "type=\"file\" accept=\".csv,text/csv\"");
		form_close(&sb, "导入", NULL);
	}
	return page_finish(r, &sb, status);
}

int page_calendar(struct req *r)
{
	return calendar_page(r, NULL, 0, 200);
}

int page_calendar_import(struct req *r)
{
	struct strbuf err = STRBUF_INIT;
	struct holidays_result res;
	const struct form_field *file = NULL;
	struct calendar *cal;
	int rc;

	for (int i = 0; i < r->form.n; i++)
		if (!strcmp(r->form.fields[i].key, "file"))
			file = &r->form.fields[i];
	if (!file || !file->len)
		return calendar_page(r, "请选择要导入的 CSV 文件", 0, 422);
	if (holidays_import(&r->c, file->value, file->len, file->filename ? file->filename : "upload",
			    &res, &err) < 0) {
		const char *msg = arena_printf(r->arena, "导入失败，未作任何修改：%s", err.buf);
		strbuf_release(&err);
		return calendar_page(r, msg, 0, 422);
	}
	strbuf_release(&err);
	cal = holidays_load(r->c.db);
	if (!cal)
		return reply_error(r, E_STORE, "calendar reload");
	app_calendar_replace(r->app, cal);
	r->c.cal = cal;
	rc = calendar_page(r, arena_printf(r->arena, "已导入 %d 天（%d—%d 年）。", res.days,
					  res.first_year, res.last_year), 1, 200);
	return rc;
}
