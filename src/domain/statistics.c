/*
 * statistics.c: the audit entry of an export of the figures (issue 11,
 * the statistics page's downloads): the format, the period and the scope
 * in the detail, so the log says who took which figures out of the
 * system; and the period as typed, checked alike for the command, the
 * page and the API.  The figures themselves are domain/metrics.c's.
 */
#include "domain/statistics.h"

#include <errno.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/fielderr.h"
#include "domain/metrics.h"

QF_AUDIT_EVENT(STATS_EXPORT, "stats_export", "导出统计数据");
QF_AUDIT_OBJECT(statistics, "统计数据");

int stats_export_record(struct ctx *c, const char *format, const struct metric_period *p,
			const char *scope_words)
{
	return audit_record(c, AEV_STATS_EXPORT, "statistics", 1,
			    arena_printf(c->a, "%s %s..%s%s", format, p->from, p->to, scope_words)) < 0 ? -1 : 0;
}

/* a positive whole number; 0 when absent, -1 when it is not one */
static long long number_of(const char *s)
{
	char *end;
	long long v;

	if (!s)
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v <= 0 || *s == '+' || *s == ' ')
		return -1;
	return v;
}

static const char *given(const char *s)
{
	return s && *s ? s : NULL;
}

const char *stats_period_of(struct arena *a, const char *year, const char *quarter, const char *month,
			    const char *from, const char *to, struct metric_period *p, const char **field)
{
	long long y, q, m;

	year = given(year), quarter = given(quarter), month = given(month), from = given(from), to = given(to);
	y = number_of(year), q = number_of(quarter), m = number_of(month);
	*field = "year";
	if (year && (from || to))
		return "统计期间只能按年份（可加季度或月份）或按起止日期之一指定";
	if ((quarter || month) && !year)
		return *field = quarter ? "quarter" : "month", "季度和月份需要与年份一起使用";
	if (quarter && month)
		return *field = "month", "季度和月份只能指定其一";
	if (year) {
		if (y < 1 || y > 9999)
			return arena_printf(a, "年份应为四位数字，如 2022，而不是“%s”", year);
		if (quarter && (q < 1 || q > 4))
			return *field = "quarter", arena_printf(a, "季度应为 1 至 4，而不是“%s”", quarter);
		if (month && (m < 1 || m > 12))
			return *field = "month", arena_printf(a, "月份应为 1 至 12，而不是“%s”", month);
		*p = quarter ? metric_quarter(a, (int)y, (int)q)
		     : month ? metric_month(a, (int)y, (int)m) : metric_year(a, (int)y);
		return NULL;
	}
	if (!from || !to) {
		*field = from ? "to" : to ? "from" : "year";
		return from || to ? "起止日期需要同时填写" : "请指定统计期间：年份（可加季度或月份），或起止日期";
	}
	if (date_parse(from) == QF_DAY_NONE)
		return *field = "from",
		       fielderr_date_msg(from, arena_printf(a, "起始日期应为 YYYY-MM-DD，而不是“%s”", from));
	if (date_parse(to) == QF_DAY_NONE)
		return *field = "to",
		       fielderr_date_msg(to, arena_printf(a, "截止日期应为 YYYY-MM-DD，而不是“%s”", to));
	if (date_parse(from) > date_parse(to))
		return *field = "to", arena_printf(a, "起始日期 %s 晚于截止日期 %s", from, to);
	*p = (struct metric_period){ arena_strdup(a, from), arena_strdup(a, to) };
	return NULL;
}
