#ifndef QF_PULL_LOOP_H
#define QF_PULL_LOOP_H
/*
 * pull_loop: `serve --pull URL`, the ferry pull run by the intranet's
 * server itself (issue 13, docs/operations.md "Pull over HTTPS"), for a
 * deployment that wants no cron job or timer.  One background thread
 * with its own database connection: it pulls (domain/ferry_pull.h) every
 * `every` seconds; a failure is logged and retried after a delay that
 * doubles from `every` up to an hour.  It never touches a request thread.
 * pull_loop_stop wakes it, aborts a transfer under way (the public side
 * keeps what it did not get a reply for) and joins it.
 */
#include "domain/ferry_pull.h"

struct app;
struct pull_loop;

/* Starts the thread (o's strings must outlive it).  NULL with a message. */
struct pull_loop *pull_loop_start(struct app *app, const struct ferry_pull_opts *o,
				  unsigned every);
void pull_loop_stop(struct pull_loop *l);

#endif
