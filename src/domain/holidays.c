/*
 * holidays.c: loading and importing the calendar's exceptions.  An import
 * parses the whole text first (nothing is stored when a line is bad), then
 * stores every day and the audit entry in one transaction; days already
 * stored are replaced, others kept.  In the same transaction the stored
 * due days of the running report clocks are computed again on the
 * calendar as it now is (report_dues_refill).
 */
#include "domain/holidays.h"

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/report.h"
#include "store/q_settings.h"

/* the audit events this file writes (audit_events.h), and its objects' types */
QF_AUDIT_EVENT(CALENDAR_IMPORT, "calendar_import", "导入节假日");
QF_AUDIT_OBJECT(calendar, "节假日");

static void holiday_add(void *arg, const char *day, int off_day, const char *name)
{
	qf_day d = date_parse(day);

	if (d != QF_DAY_NONE)
		calendar_set(arg, d, off_day, name);
}

struct calendar *holidays_load(struct store *s)
{
	struct calendar *cal = calendar_new();

	if (store_holiday_each(s, holiday_add, cal) < 0) {
		calendar_free(cal);
		return NULL;
	}
	return cal;
}

struct put_arg {
	struct store *s;
	int failed;
	int n;
};

static void put_one(void *arg, qf_day day, int off_day, const char *name)
{
	struct put_arg *pa = arg;
	char buf[11];

	if (!pa->failed && store_holiday_put(pa->s, date_format(day, buf), off_day, name) < 0)
		pa->failed = 1;
	pa->n++;
}

struct import_arg {
	struct ctx *c;
	struct calendar *cal;
	const char *what;
	int n;
};

static int import_tx(struct store *s, void *arg)
{
	struct import_arg *ia = arg;
	struct put_arg pa = { s, 0, 0 };
	struct calendar *cal;
	char detail[200];
	int rc;

	calendar_each(ia->cal, put_one, &pa);
	if (pa.failed)
		return -1;
	/* the stored due days of the running clocks follow the calendar as
	 * it now is (clock_fill.c) */
	cal = holidays_load(s);
	rc = cal ? clock_dues_refill(ia->c, s, cal) : -1;
	calendar_free(cal);
	if (rc < 0)
		return -1;
	ia->n = pa.n;
	snprintf(detail, sizeof(detail), "%s: %d days", ia->what, pa.n);
	return audit_append(ia->c, AEV_CALENDAR_IMPORT, "calendar", 1, detail);
}

int holidays_import(struct ctx *c, const char *text, size_t len, const char *what,
		    struct holidays_result *res, struct strbuf *err)
{
	struct import_arg ia = { c, calendar_new(), what, 0 };
	int rc = -1;

	/* a spreadsheet's UTF-8 export starts with a byte-order mark */
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		text += 3;
		len -= 3;
	}
	if (calendar_parse_csv(ia.cal, text, len, err) < 0)
		goto out;
	if (!calendar_first_year(ia.cal)) {
		strbuf_addstr(err, "no dates in the file");
		goto out;
	}
	if (store_tx(c->db, import_tx, &ia) < 0) {
		strbuf_addstr(err, "cannot store the calendar");
		goto out;
	}
	res->days = ia.n;
	res->first_year = calendar_first_year(ia.cal);
	res->last_year = calendar_last_year(ia.cal);
	rc = 0;
out:
	calendar_free(ia.cal);
	return rc;
}
