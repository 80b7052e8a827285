/*
 * log.c: one line per event on stderr (see log.h).
 *
 * Guarantees: each event is written with a single write(2) of at most
 * LOG_LINE_MAX bytes (no more than PIPE_BUF, so lines from different
 * threads or processes sharing a pipe never interleave); a message never
 * spans lines, because control characters in it (a newline from a client's
 * input, an escape sequence aimed at a terminal) are written as \n, \r, \t
 * or \xHH; a message too long is cut and ends in "...".  Timestamps are in
 * CST from date.c, whatever TZ says.  Nothing here allocates, so logging
 * works when memory has run out.
 */
#include "core/log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/date.h"

#define LOG_LINE_MAX 4096

static atomic_int log_level = LOG_INFO;

void log_set_level(enum log_level lvl)
{
	atomic_store_explicit(&log_level, (int)lvl, memory_order_relaxed);
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
	char line[LOG_LINE_MAX], prefix[64], ts[26];
	va_list ap;
	size_t len;

	if ((int)lvl < atomic_load_explicit(&log_level, memory_order_relaxed))
		return;
	snprintf(prefix, sizeof(prefix), "%s %s ", time_format_cst(time_now(), ts),
		 level_name(lvl));
	va_start(ap, fmt);
	len = format_line(line, prefix, fmt, ap);
	va_end(ap);
	write_all(line, len);
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
