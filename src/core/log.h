#ifndef QF_LOG_H
#define QF_LOG_H
/*
 * log: one line per event on stderr, "2022-03-01T09:30:00+08:00 LEVEL msg".
 * Thread-safe (one write(2) per line).  Never logs secrets: callers pass
 * no passwords, tokens or keys.
 */
#include "core/compat.h"

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

void log_set_level(enum log_level lvl);
void log_msg(enum log_level lvl, const char *fmt, ...) QF_PRINTF(2, 3);
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)

/* CLI helpers in git's style: "error: ..." on stderr, return -1;
 * die() exits 1 and is for CLI start-up only, never inside a request. */
int error(const char *fmt, ...) QF_PRINTF(1, 2);
void warning(const char *fmt, ...) QF_PRINTF(1, 2);
__attribute__((noreturn)) void die(const char *fmt, ...) QF_PRINTF(1, 2);

#endif
