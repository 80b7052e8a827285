#ifndef QF_CALENDAR_H
#define QF_CALENDAR_H
/*
 * calendar: the working-day calendar (State Council holiday arrangement).
 *
 * A calendar holds exceptions to the plain rule (Mon-Fri work, Sat-Sun
 * off): holidays that are off (off_day=1) and weekend days made working
 * days (调休, off_day=0).  It is filled from the CSV format of
 * data/cn-holidays.csv or from the database, then read-only and safe to
 * share between threads.  Owner frees with calendar_free().
 */
#include <stddef.h>

#include "core/date.h"
#include "core/strbuf.h"

struct calendar;

struct calendar *calendar_new(void);
void calendar_free(struct calendar *cal);
/* Sets one exception (later calls for the same day replace it). */
void calendar_set(struct calendar *cal, qf_day day, int off_day, const char *name);
/* Parses CSV text ("date,off_day,name", '#' comments, header line, blank
 * lines, LF or CRLF; the name may be "quoted").  Returns the number of
 * rows set, or -1 with a message naming the line appended to err (which
 * may be NULL).  All or nothing: on -1 the calendar is unchanged.  A date
 * given twice in one text is an error. */
int calendar_parse_csv(struct calendar *cal, const char *text, size_t len, struct strbuf *err);
/* First and last year with any exception, 0 when empty. */
int calendar_first_year(const struct calendar *cal);
int calendar_last_year(const struct calendar *cal);

int calendar_is_workday(const struct calendar *cal, qf_day day);
/* The name of the holiday a day belongs to, or NULL.  Weekend days made
 * working days (调休) belong to their holiday too. */
const char *calendar_holiday_name(const struct calendar *cal, qf_day day);
/* The n-th working day after `from` (n >= 1; `from` itself is not
 * counted), as deadlines count: received Friday, 5 working days -> the
 * Friday after.  n == 0 returns from; n < 0 counts backwards. */
qf_day calendar_add_workdays(const struct calendar *cal, qf_day from, int n);
/* Working days in (from, to]: the number of working days after `from` up to
 * and including `to`; negative when to < from, then counting the days of
 * [to, from) -- `to` counted, `from` not, as add_workdays counts
 * backwards -- so that workdays_between(f, add_workdays(f, n)) == n for
 * every n.  Costs a binary search plus the exceptions in between. */
int calendar_workdays_between(const struct calendar *cal, qf_day from, qf_day to);

/* Calls fn for each exception in date order (used to store/export). */
void calendar_each(const struct calendar *cal,
		   void (*fn)(void *arg, qf_day day, int off_day, const char *name), void *arg);

#endif
