/*
 * log.c: one line per event on stderr (see log.h).
 *
 * Guarantees: each event is written with a single write(2) of at most
 * LOG_LINE_MAX bytes (no more than PIPE_BUF, so lines from different
 * threads or processes sharing a pipe never interleave); a message never
 * spans lines, because control characters in it (a newline from a client's
 * input, an escape sequence aimed at a terminal) are written as \n, \r, \t
 * or \xHH; a message too long is cut and ends in "...".  Timestamps are in
 * CST from date.c, whatever TZ says, with milliseconds, so that lines sort
 * as text.  Every line carries the current request id of its thread ("-"
 * outside a request; see log_set_request), so an operator finds every line
 * of one request with grep.  Nothing here allocates, so logging works when
 * memory has run out.
 */
#include "core/log.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>

#include "core/date.h"

#define LOG_LINE_MAX 4096

#define RID_MASK ((UINT64_C(1) << 48) - 1)

static atomic_int log_level = LOG_INFO;
/* The request the thread is handling ("" for none): see log_set_request. */
static _Thread_local char cur_rid[LOG_RID_LEN + 1];
static atomic_uint_fast64_t rid_counter;
static uint64_t rid_start;
static pthread_once_t rid_once = PTHREAD_ONCE_INIT;

void log_set_level(enum log_level lvl)
{
	atomic_store_explicit(&log_level, (int)lvl, memory_order_relaxed);
}

int log_parse_level(const char *name, enum log_level *lvl)
{
	static const char *const names[] = { "debug", "info", "warn", "error" };

	for (size_t i = 0; i < QF_ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i])) {
			*lvl = (enum log_level)i;
			return 0;
		}
	return -1;
}

int log_enabled(enum log_level lvl)
{
	return (int)lvl >= atomic_load_explicit(&log_level, memory_order_relaxed);
}

static void rid_init(void)
{
	uint64_t seed = 0;

	if (getrandom(&seed, sizeof(seed), 0) != (ssize_t)sizeof(seed)) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		seed = ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)ts.tv_sec ^ ((uint64_t)getpid() << 40);
	}
	rid_start = seed;
}

/* A bijection of 48-bit numbers (xor-shifts and odd multipliers, each
 * invertible modulo 2^48): distinct counters give distinct ids. */
static uint64_t rid_mix(uint64_t x)
{
	x &= RID_MASK;
	x ^= x >> 25;
	x = (x * UINT64_C(0x9e3779b97f4b)) & RID_MASK;
	x ^= x >> 23;
	x = (x * UINT64_C(0xc2b2ae3d27d5)) & RID_MASK;
	x ^= x >> 24;
	return x;
}

void log_new_request_id(char out[LOG_RID_LEN + 1])
{
	uint64_t n;

	pthread_once(&rid_once, rid_init);
	n = atomic_fetch_add_explicit(&rid_counter, 1, memory_order_relaxed);
	snprintf(out, LOG_RID_LEN + 1, "%012llx", (unsigned long long)rid_mix(rid_start + n));
}

void log_set_request(const char *id)
{
	size_t n = id ? strnlen(id, LOG_RID_LEN) : 0;

	memcpy(cur_rid, id ? id : "", n);
	cur_rid[n] = '\0';
}

/* "2022-03-01T09:30:00.123+08:00" into ts[30]. */
static void log_time(char *ts)
{
	struct timespec now;
	long ms;

	clock_gettime(CLOCK_REALTIME, &now);
	time_format_cst((int64_t)now.tv_sec, ts);
	if (strlen(ts) != 25) {                  /* outside years 1..9999 */
		strcpy(ts, "-");
		return;
	}
	ms = now.tv_nsec / 1000000;
	memmove(ts + 23, ts + 19, 7);            /* "+08:00" and its NUL */
	ts[19] = '.';
	ts[20] = (char)('0' + ms / 100);
	ts[21] = (char)('0' + ms / 10 % 10);
	ts[22] = (char)('0' + ms % 10);
}

/* Writes all of buf with one write(2), retrying only on EINTR or a short
 * write (which a regular file or a pipe under PIPE_BUF does not do). */
static void write_all(const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(STDERR_FILENO, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		buf += n;
		len -= (size_t)n;
	}
}

/*
 * Formats "prefix" + message + "\n" into line[LOG_LINE_MAX], the message
 * with control characters made visible.  Returns the length.
 */
static size_t format_line(char *line, const char *prefix, const char *fmt, va_list ap)
	QF_PRINTF(3, 0);
static size_t format_line(char *line, const char *prefix, const char *fmt, va_list ap)
{
	char msg[LOG_LINE_MAX];
	size_t len, i, room = LOG_LINE_MAX - 4;     /* keep "...\n" */
	int n, cut = 0;

	len = strlen(prefix);
	memcpy(line, prefix, len);
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof(msg))
		cut = 1;
	for (i = 0; msg[i] && i < (size_t)n; i++) {
		unsigned char c = (unsigned char)msg[i];
		char esc[5];
		size_t elen;

		if (c >= 0x20 && c != 0x7f) {
			esc[0] = (char)c;
			elen = 1;
		} else if (c == '\n' || c == '\r' || c == '\t') {
			esc[0] = '\\';
			esc[1] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
			elen = 2;
		} else {
			snprintf(esc, sizeof(esc), "\\x%02x", c);
			elen = 4;
		}
		if (len + elen > room) {
			cut = 1;
			break;
		}
		memcpy(line + len, esc, elen);
		len += elen;
	}
	if (cut) {
		memcpy(line + len, "...", 3);
		len += 3;
	}
	line[len++] = '\n';
	return len;
}

static const char *level_name(enum log_level lvl)
{
	switch (lvl) {
	case LOG_DEBUG: return "DEBUG";
	case LOG_INFO: return "INFO";
	case LOG_WARN: return "WARN";
	case LOG_ERROR: return "ERROR";
	}
	return "?";
}

void log_msg(enum log_level lvl, const char *fmt, ...)
{
	char line[LOG_LINE_MAX], prefix[64], ts[30];
	va_list ap;
	size_t len;

	if (!log_enabled(lvl))
		return;
	log_time(ts);
	snprintf(prefix, sizeof(prefix), "%s %s %s ", ts, level_name(lvl),
		 cur_rid[0] ? cur_rid : "-");
	va_start(ap, fmt);
	len = format_line(line, prefix, fmt, ap);
	va_end(ap);
	write_all(line, len);
}

void log_library(const char *who, const char *fmt, va_list ap)
{
	char buf[512];
	size_t n;

	vsnprintf(buf, sizeof(buf), fmt, ap);
	n = strlen(buf);
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	log_warn("%s: %s", who, buf);
}

static void report(const char *prefix, const char *fmt, va_list ap) QF_PRINTF(2, 0);
static void report(const char *prefix, const char *fmt, va_list ap)
{
	char line[LOG_LINE_MAX];
	size_t len = format_line(line, prefix, fmt, ap);

	write_all(line, len);
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("error: ", fmt, ap);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("warning: ", fmt, ap);
	va_end(ap);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("fatal: ", fmt, ap);
	va_end(ap);
	exit(1);
}
