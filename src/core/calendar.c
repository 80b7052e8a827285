/*
 * calendar.c: the working-day calendar (see calendar.h).
 *
 * The exceptions to "Monday-Friday work, Saturday-Sunday off" are kept in
 * one array sorted by day number, so a lookup is a binary search and the
 * exceptions of a period are a contiguous slice.  Guarantees:
 *  - reading (is_workday, add_workdays, workdays_between, ...) never
 *    allocates and never writes, so a loaded calendar can be shared by all
 *    request threads;
 *  - calendar_parse_csv is all or nothing: on -1 the calendar is as it was
 *    and err names the line at fault;
 *  - workdays_between does not walk day by day: it counts weekdays with
 *    arithmetic and corrects by the exceptions in the period, so it costs
 *    a binary search plus the holidays in between, whatever the distance.
 */
#include "core/calendar.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/escape.h"
#include "core/xalloc.h"

struct holiday {
	qf_day day;
	int off_day;
	char *name;             /* owned; NULL when none */
};

struct calendar {
	struct holiday *ex;     /* sorted by day, no two equal */
	size_t n, alloc;
};

struct calendar *calendar_new(void)
{
	struct calendar *cal = xmalloc(sizeof(*cal));

	cal->ex = NULL;
	cal->n = cal->alloc = 0;
	return cal;
}

void calendar_free(struct calendar *cal)
{
	size_t i;

	if (!cal)
		return;
	for (i = 0; i < cal->n; i++)
		free(cal->ex[i].name);
	free(cal->ex);
	free(cal);
}

/* Index of the first exception on or after day (cal->n when none). */
static size_t lower_bound(const struct calendar *cal, qf_day day)
{
	size_t lo = 0, hi = cal->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->ex[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct holiday *find(const struct calendar *cal, qf_day day)
{
	size_t i = lower_bound(cal, day);

	return i < cal->n && cal->ex[i].day == day ? &cal->ex[i] : NULL;
}

void calendar_set(struct calendar *cal, qf_day day, int off_day, const char *name)
{
	size_t i = lower_bound(cal, day);
	struct holiday *h;

	if (i < cal->n && cal->ex[i].day == day) {
		h = &cal->ex[i];
		free(h->name);
	} else {
		if (cal->n == cal->alloc) {
			cal->alloc = cal->alloc ? cal->alloc * 2 : 64;
			cal->ex = xrealloc(cal->ex, cal->alloc * sizeof(*cal->ex));
		}
		memmove(cal->ex + i + 1, cal->ex + i, (cal->n - i) * sizeof(*cal->ex));
		cal->n++;
		h = &cal->ex[i];
		h->day = day;
	}
	h->off_day = off_day ? 1 : 0;
	h->name = name ? xstrdup(name) : NULL;
}

/* One parsed row, before the calendar is touched. */
struct row {
	qf_day day;
	int off_day;
	int line;
	char *name;
};

static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Appends a field's text to a message, quoted and cut at 40 bytes. */
static void quote_value(struct strbuf *err, const char *s, size_t len)
{
	(void)strbuf_addf(err, "\"%.*s%s\"", (int)(len > 40 ? 40 : len), s,
			  len > 40 ? "..." : "");
}

/*
 * Splits the fields of one line (without its newline) at commas.  The
 * last of `max` fields may be in double quotes (RFC 4180, "" for a quote),
 * so that a name holding a comma can be written.  Returns the number of fields
 * (at most `max`), or -1 for a quote that is not closed, text after a
 * closing quote, or more than `max` fields.  The quoted field is
 * unquoted in a copy owned by `tmp`.
 */
static int split_fields(const char *line, size_t len, const char **f, size_t *flen, int max,
			struct strbuf *tmp)
{
	int n = 0;
	size_t i = 0;

	for (;;) {
		size_t start = i;

		if (n == max)
			return -1;
		if (n == max - 1 && i < len && line[i] == '"') {
			strbuf_reset(tmp);
			for (i++; ; i++) {
				if (i >= len)
					return -1;
				if (line[i] == '"') {
					if (i + 1 < len && line[i + 1] == '"')
						i++;
					else
						break;
				}
				(void)strbuf_addch(tmp, line[i]);
			}
			i++;            /* the closing quote */
			if (i < len && line[i] != ',')
				return -1;
			f[n] = tmp->buf;
			flen[n] = tmp->len;
		} else {
			while (i < len && line[i] != ',')
				i++;
			f[n] = line + start;
			flen[n] = i - start;
		}
		n++;
		if (i >= len)
			return n;
		i++;                    /* the comma */
	}
}

static int field_is(const char *f, size_t len, const char *s)
{
	return len == strlen(s) && !memcmp(f, s, len);
}

#define NAME_MAX_BYTES 200

/*
 * Parses one data line into r.  Returns 0, or -1 with the reason in err
 * (the caller has already written "line N: ").
 */
static int parse_row(const char *line, size_t len, struct row *r, struct strbuf *tmp,
		     struct strbuf *err)
{
	const char *f[3];
	size_t flen[3];
	char date[11];
	int n = split_fields(line, len, f, flen, 3, tmp);

	if (n < 2) {
		(void)strbuf_addstr(err, "expected \"date,off_day,name\", got ");
		quote_value(err, line, len);
		return -1;
	}
	if (flen[0] != 10) {
		(void)strbuf_addstr(err, "bad date ");
		quote_value(err, f[0], flen[0]);
		return -1;
	}
	memcpy(date, f[0], 10);
	date[10] = '\0';
	r->day = date_parse(date);
	if (r->day == QF_DAY_NONE) {
		(void)strbuf_addstr(err, "bad date ");
		quote_value(err, f[0], flen[0]);
		return -1;
	}
	if (field_is(f[1], flen[1], "0") || field_is(f[1], flen[1], "1")) {
		r->off_day = f[1][0] == '1';
	} else {
		(void)strbuf_addstr(err, "bad off_day ");
		quote_value(err, f[1], flen[1]);
		(void)strbuf_addstr(err, " (0 or 1)");
		return -1;
	}
	r->name = NULL;
	if (n == 3 && flen[2]) {
		if (flen[2] > NAME_MAX_BYTES || !utf8_valid(f[2], flen[2])) {
			(void)strbuf_addstr(err, flen[2] > NAME_MAX_BYTES ?
					    "name too long" : "name is not valid UTF-8");
			return -1;
		}
		r->name = xmalloc(flen[2] + 1);
		memcpy(r->name, f[2], flen[2]);
		r->name[flen[2]] = '\0';
	}
	return 0;
}

static int is_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/*
 * Rows are parsed into a list first, checked (each date once), and only
 * then set, so that a bad file changes nothing.  Lines end in LF or CRLF;
 * blank lines and lines starting with '#' are skipped; the header may
 * come first (before any data line) and nowhere else.
 */
int calendar_parse_csv(struct calendar *cal, const char *text, size_t len, struct strbuf *err)
{
	struct strbuf tmp = STRBUF_INIT, noerr = STRBUF_INIT;
	struct row *rows = NULL;
	size_t nrows = 0, alloc = 0, pos = 0, i, errlen;
	int lineno = 0, seen_data = 0, ret = -1;

	if (!err)
		err = &noerr;
	errlen = err->len;

	if (len && memchr(text, '\0', len)) {
		(void)strbuf_addstr(err, "NUL byte in calendar data");
		goto out;
	}
	while (pos < len) {
		const char *line = text + pos, *nl = memchr(line, '\n', len - pos);
		size_t llen = nl ? (size_t)(nl - line) : len - pos;

		pos += llen + (nl ? 1 : 0);
		lineno++;
		if (llen && line[llen - 1] == '\r')
			llen--;
		if (is_blank(line, llen) || line[0] == '#')
			continue;
		if (!seen_data && field_is(line, llen, "date,off_day,name")) {
			seen_data = 1;
			continue;
		}
		seen_data = 1;
		if (nrows == alloc) {
			alloc = alloc ? alloc * 2 : 256;
			rows = xrealloc(rows, alloc * sizeof(*rows));
		}
		(void)strbuf_addf(err, "line %d: ", lineno);
		if (parse_row(line, llen, &rows[nrows], &tmp, err) < 0)
			goto out;
		strbuf_setlen(err, errlen);
		rows[nrows].line = lineno;
		nrows++;
	}
	if (nrows > 1)
		qsort(rows, nrows, sizeof(*rows), row_cmp);
	for (i = 1; i < nrows; i++) {
		if (rows[i].day == rows[i - 1].day) {
			char d[11];
			(void)strbuf_addf(err, "line %d: date \"%s\" already given on line %d",
				    rows[i].line, date_format(rows[i].day, d), rows[i - 1].line);
			goto out;
		}
	}
	for (i = 0; i < nrows; i++)
		calendar_set(cal, rows[i].day, rows[i].off_day, rows[i].name);
	ret = (int)nrows;
out:
	for (i = 0; i < nrows; i++)
		free(rows[i].name);
	free(rows);
	strbuf_release(&tmp);
	strbuf_release(&noerr);
	return ret;
}

int calendar_first_year(const struct calendar *cal)
{
	int y, m, d;

	if (!cal->n)
		return 0;
	date_to_ymd(cal->ex[0].day, &y, &m, &d);
	return y;
}

int calendar_last_year(const struct calendar *cal)
{
	int y, m, d;

	if (!cal->n)
		return 0;
	date_to_ymd(cal->ex[cal->n - 1].day, &y, &m, &d);
	return y;
}

static int plain_workday(qf_day day)
{
	return date_weekday(day) < 5;
}

int calendar_is_workday(const struct calendar *cal, qf_day day)
{
	const struct holiday *h = find(cal, day);

	return h ? !h->off_day : plain_workday(day);
}

const char *calendar_holiday_name(const struct calendar *cal, qf_day day)
{
	const struct holiday *h = find(cal, day);

	return h ? h->name : NULL;
}

/* 0001-01-01 and 9999-12-31: the walk stops there with QF_DAY_NONE, so
 * even an absurd n ends after a few million steps. */
#define FIRST_DAY (-719162)
#define LAST_DAY 2932896

/*
 * Walks day by day, with a cursor into the exceptions instead of a
 * search per day.  Limits are a few dozen working days, so the walk is
 * short; even a year of working days is 365 steps.
 */
qf_day calendar_add_workdays(const struct calendar *cal, qf_day from, int n)
{
	qf_day day = from;
	size_t i;

	if (from == QF_DAY_NONE || n == 0)
		return from;
	if (n > 0) {
		i = lower_bound(cal, from + 1);
		while (n > 0) {
			if (day >= LAST_DAY)
				return QF_DAY_NONE;
			day++;
			while (i < cal->n && cal->ex[i].day < day)
				i++;
			if (i < cal->n && cal->ex[i].day == day ? !cal->ex[i].off_day
								  : plain_workday(day))
				n--;
		}
	} else {
		/* i - 1 is the last exception before the current day */
		i = lower_bound(cal, from);
		while (n < 0) {
			if (day <= FIRST_DAY)
				return QF_DAY_NONE;
			day--;
			while (i > 0 && cal->ex[i - 1].day > day)
				i--;
			if (i > 0 && cal->ex[i - 1].day == day ? !cal->ex[i - 1].off_day
								: plain_workday(day))
				n++;
		}
	}
	return day;
}

/* Monday-to-Friday days in [day 0 of the week count, x]: a running count
 * such that plain workdays in (a, b] = weekdays_upto(b) - weekdays_upto(a). */
static int64_t weekdays_upto(qf_day x)
{
	int64_t y = (int64_t)x + 3 + 1;   /* days since Monday 1969-12-29, +1 */
	int64_t w = y / 7, r = y % 7;

	if (r < 0) {
		r += 7;
		w--;
	}
	return 5 * w + (r < 5 ? r : 5);
}

/* Working days in (a, b], a <= b. */
static int64_t workdays_in(const struct calendar *cal, qf_day a, qf_day b)
{
	int64_t count = weekdays_upto(b) - weekdays_upto(a);
	size_t i;

	for (i = lower_bound(cal, a + 1); i < cal->n && cal->ex[i].day <= b; i++)
		count += !cal->ex[i].off_day - plain_workday(cal->ex[i].day);
	return count;
}

/*
 * Counts the days strictly after `from` up to and including `to`; when
 * to < from the same rule seen backwards: the days from `to` included up
 * to `from` excluded, negated.  So for every from and n,
 * workdays_between(from, calendar_add_workdays(from, n)) == n.
 */
int calendar_workdays_between(const struct calendar *cal, qf_day from, qf_day to)
{
	int64_t c;

	if (from == QF_DAY_NONE || to == QF_DAY_NONE || from == to)
		return 0;
	if (to > from)
		c = workdays_in(cal, from, to);
	else
		c = -workdays_in(cal, to - 1, from - 1);
	return (int)c;
}

void calendar_each(const struct calendar *cal,
		   void (*fn)(void *arg, qf_day day, int off_day, const char *name), void *arg)
{
	size_t i;

	for (i = 0; i < cal->n; i++)
		fn(arg, cal->ex[i].day, cal->ex[i].off_day, cal->ex[i].name);
}
