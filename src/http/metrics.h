#ifndef QF_METRICS_H
#define QF_METRICS_H
/*
 * metrics: request counters for the operator, in the Prometheus text
 * exposition format, served on a listener of their own (never on the
 * public one).
 *
 * Counters are per row of the route table (plus one row for requests no
 * route matched), so their number is fixed by the code, not by clients:
 * requests by status code, and a latency histogram with fixed buckets.
 * metrics_observe() is lock-free (relaxed atomics) and may run on every
 * pool thread at once.
 *
 * Ownership: metrics_new() allocates, metrics_free() frees (after
 * metrics_stop()).  metrics_render() appends to the caller's strbuf.
 */
#include <stdint.h>
#include <sys/socket.h>

#include "core/strbuf.h"

struct app;
struct route;
struct store;
struct MHD_Daemon;

struct metrics *metrics_new(void);
void metrics_free(struct metrics *m);

/* A request has started (in-flight gauge); metrics_observe() ends it. */
void metrics_begin(struct metrics *m);
/* A finished request: its route row (NULL when none matched), the status
 * it was answered with (0: none, e.g. the client went away first), its
 * latency, and whether the connection ended before the answer was sent. */
void metrics_observe(struct metrics *m, const struct route *rt, int status, int64_t us,
		     int aborted);

/* What the render adds beside the counters; db may be NULL (no database
 * reading: the audit length is left out and qingfeng_db_up is 0). */
struct metrics_env {
	const char *version;
	struct MHD_Daemon *daemon;      /* the public listener, for its connections */
	struct store *db;
};
/* Appends every metric, with # HELP and # TYPE lines, to out. */
void metrics_render(struct metrics *m, const struct metrics_env *env, struct strbuf *out);

/* Starts the metrics listener on sa for app->metrics (the public
 * daemon's connections are read from public_daemon); it has one thread and
 * one database connection of its own, opened at the first scrape.  0, or
 * -1 with a message printed. */
int metrics_start(struct app *app, const struct sockaddr *sa, struct MHD_Daemon *public_daemon);
/* Stops it (no-op when it was not started). */
void metrics_stop(struct app *app);

#endif
