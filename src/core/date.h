#ifndef QF_DATE_H
#define QF_DATE_H
/*
 * date: civil dates as day numbers, and time in China Standard Time.
 *
 * A `qf_day` is the count of days since 1970-01-01 (proleptic Gregorian),
 * so date arithmetic is integer arithmetic.  Periods are calendar days in
 * CST (UTC+8) whatever the machine's TZ says.
 */
#include <stdint.h>
#include <time.h>

typedef int32_t qf_day;

#define QF_DAY_NONE INT32_MIN

/* QF_DAY_NONE unless y-m-d is a real date of years 1..9999. */
qf_day date_from_ymd(int y, int m, int d);
void date_to_ymd(qf_day day, int *y, int *m, int *d);
/* Parses strict YYYY-MM-DD (a real calendar date); QF_DAY_NONE on error. */
qf_day date_parse(const char *s);
/* What is wrong with a date's text, for the message beside a field: none;
 * nothing typed; not YYYY-MM-DD; YYYY-MM-DD but no such day (2022-02-30,
 * 2022-13-01, year 0). */
enum date_check { DATE_OK, DATE_EMPTY, DATE_BAD_FORMAT, DATE_NO_SUCH_DAY };
enum date_check date_check(const char *s);
/* Writes YYYY-MM-DD into buf (at least 11 bytes); returns buf.  Writes ""
 * for QF_DAY_NONE or a day outside years 1..9999. */
char *date_format(qf_day day, char *buf);
/* 0 = Monday ... 6 = Sunday (ISO). */
int date_weekday(qf_day day);
/* Adds calendar months, clamping the day to the month's end
 * (2022-01-31 + 1 month = 2022-02-28).  QF_DAY_NONE outside 1..9999. */
qf_day date_add_months(qf_day day, int months);
/* The CST calendar day of a Unix time. */
qf_day date_from_unix_cst(int64_t t);
/* Today in CST. */
qf_day date_today(void);
/* Unix time now, seconds; and a monotonic clock in microseconds. */
int64_t time_now(void);
int64_t time_mono_us(void);
/* RFC 3339 in CST, e.g. 2022-03-01T09:30:00+08:00 (buf >= 26 bytes);
 * "" outside years 1..9999. */
char *time_format_cst(int64_t t, char *buf);

#endif
