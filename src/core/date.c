/*
 * date.c: civil dates as day numbers, and time in China Standard Time.
 *
 * Day numbers are counted from 1970-01-01 in the proleptic Gregorian
 * calendar with Howard Hinnant's days_from_civil / civil_from_days
 * algorithms (exact for every date, no tables, no loops).  China Standard
 * Time is UTC+8 all year (no daylight saving since 1991), so it is
 * computed by adding 8 hours: nothing here reads TZ or calls localtime(),
 * and the results are the same on every machine and thread.
 *
 * Guarantees: the functions accept only years 1..9999 (what YYYY-MM-DD can
 * write); outside that, or for an invalid date, they return QF_DAY_NONE and
 * format "" instead of overflowing a buffer or an integer.
 */
#include "core/date.h"

#include <string.h>

#define CST_OFFSET (8 * 3600)

/* Floor division, for days and seconds before 1970. */
static int64_t floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int64_t y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* Hinnant's days_from_civil for a valid date. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = floordiv(y, 400);
	yoe = y - era * 400;                                    /* [0, 399] */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  /* [0, 365] */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* [0, 146096] */
	return era * 146097 + doe - 719468;
}

qf_day date_from_ymd(int y, int m, int d)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return QF_DAY_NONE;
	return (qf_day)days_from_civil(y, m, d);
}

/* Hinnant's civil_from_days. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = floordiv(z, 146097);
	doe = z - era * 146097;                                         /* [0, 146096] */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;    /* [0, 399] */
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                  /* [0, 365] */
	mp = (5 * doy + 2) / 153;                                       /* [0, 11] */
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

void date_to_ymd(qf_day day, int *y, int *m, int *d)
{
	int64_t yy;

	civil_from_days(day, &yy, m, d);
	*y = (int)yy;
}

static int digits(const char *s, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* The fields of a YYYY-MM-DD text: 0, or -1 when it has another shape. */
static int ymd_fields(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, y) || digits(s + 5, 2, m) || digits(s + 8, 2, d))
		return -1;
	return 0;
}

qf_day date_parse(const char *s)
{
	int y, m, d;

	return ymd_fields(s, &y, &m, &d) ? QF_DAY_NONE : date_from_ymd(y, m, d);
}

enum date_check date_check(const char *s)
{
	int y, m, d;

	if (!s || !*s)
		return DATE_EMPTY;
	if (ymd_fields(s, &y, &m, &d))
		return DATE_BAD_FORMAT;
	return date_from_ymd(y, m, d) == QF_DAY_NONE ? DATE_NO_SUCH_DAY : DATE_OK;
}

static int day_in_range(qf_day day)
{
	return day != QF_DAY_NONE &&
	       day >= days_from_civil(1, 1, 1) && day <= days_from_civil(9999, 12, 31);
}

/* Writes v (0 <= v < 10^width) as `width` digits; returns the end. */
static char *put_digits(char *p, int v, int width)
{
	int i;

	for (i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

char *date_format(qf_day day, char *buf)
{
	int y, m, d;
	char *p;

	if (!day_in_range(day)) {
		buf[0] = '\0';
		return buf;
	}
	date_to_ymd(day, &y, &m, &d);
	p = put_digits(buf, y, 4);
	*p++ = '-';
	p = put_digits(p, m, 2);
	*p++ = '-';
	p = put_digits(p, d, 2);
	*p = '\0';
	return buf;
}

int date_weekday(qf_day day)
{
	/* 1970-01-01 was a Thursday (3) */
	return (int)(((int64_t)day + 3) - floordiv((int64_t)day + 3, 7) * 7);
}

qf_day date_add_months(qf_day day, int months)
{
	int y, m, d;
	int64_t t, ny;
	int nm;

	if (!day_in_range(day))
		return QF_DAY_NONE;
	date_to_ymd(day, &y, &m, &d);
	t = (int64_t)y * 12 + (m - 1) + months;
	ny = floordiv(t, 12);
	nm = (int)(t - ny * 12) + 1;
	if (ny < 1 || ny > 9999)
		return QF_DAY_NONE;
	if (d > days_in_month(ny, nm))
		d = days_in_month(ny, nm);
	return date_from_ymd((int)ny, nm, d);
}

qf_day date_from_unix_cst(int64_t t)
{
	/* beyond +-2^40 s (35000 years) there is no valid day */
	if (t > ((int64_t)1 << 40) || t < -((int64_t)1 << 40))
		return QF_DAY_NONE;
	return (qf_day)floordiv(t + CST_OFFSET, 86400);
}

int64_t time_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec;
}

int64_t time_mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

qf_day date_today(void)
{
	return date_from_unix_cst(time_now());
}

char *time_format_cst(int64_t t, char *buf)
{
	qf_day day = date_from_unix_cst(t);
	int64_t sec;
	char *p;

	if (!day_in_range(day)) {
		buf[0] = '\0';
		return buf;
	}
	sec = t + CST_OFFSET - (int64_t)day * 86400;    /* [0, 86399] */
	p = buf + strlen(date_format(day, buf));
	*p++ = 'T';
	p = put_digits(p, (int)(sec / 3600), 2);
	*p++ = ':';
	p = put_digits(p, (int)(sec / 60 % 60), 2);
	*p++ = ':';
	p = put_digits(p, (int)(sec % 60), 2);
	memcpy(p, "+08:00", 7);
	return buf;
}
