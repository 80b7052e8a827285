#ifndef QF_LOG_H
#define QF_LOG_H
/*
 * log: one line per event on stderr,
 *   "2022-03-01T09:30:00.123+08:00 LEVEL REQUEST-ID msg"
 * where REQUEST-ID is the 12 hex digits of the request the calling thread
 * is handling, or "-" outside a request.  Thread-safe (one write(2) per
 * line).  Never logs secrets: callers pass no passwords, tokens, keys,
 * query strings, bodies or person names.
 */
#include <stdarg.h>

#include "core/compat.h"

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

void log_set_level(enum log_level lvl);
/* "debug", "info", "warn" or "error" into *lvl: 0, or -1 for another word. */
int log_parse_level(const char *name, enum log_level *lvl);
/* 1 when a line of that level would be written (skip costly formatting). */
int log_enabled(enum log_level lvl);
void log_msg(enum log_level lvl, const char *fmt, ...) QF_PRINTF(2, 3);
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)
/* A library's printf-style message (libmicrohttpd's logger) as a WARN line
 * "who: message", its trailing newlines dropped. */
void log_library(const char *who, const char *fmt, va_list ap) QF_PRINTF(2, 0);

/*
 * Request ids.  log_new_request_id() writes a fresh id of LOG_RID_LEN
 * lowercase hex digits (and a NUL) into out: unique within the process
 * for 2^48 requests (a counter from a random start, scrambled by a
 * bijection so that ids do not show the request volume), random across
 * processes.  log_set_request() makes id the calling thread's current
 * request (a thread-local copy, since logging is called from deep code
 * that has no request at hand); NULL clears it.  The HTTP layer sets it
 * on every entry into a request's handling and clears it on the way out.
 */
#define LOG_RID_LEN 12
void log_new_request_id(char out[LOG_RID_LEN + 1]);
void log_set_request(const char *id);

/* CLI helpers in git's style: "error: ..." on stderr, return -1;
 * die() exits 1 and is for CLI start-up only, never inside a request. */
int error(const char *fmt, ...) QF_PRINTF(1, 2);
void warning(const char *fmt, ...) QF_PRINTF(1, 2);
__attribute__((noreturn)) void die(const char *fmt, ...) QF_PRINTF(1, 2);

#endif
