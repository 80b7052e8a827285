/*
 * pull_loop.c: the periodic ferry pull inside `serve` (pull_loop.h).
 */
#include "cmd/pull_loop.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/log.h"
#include "domain/perm.h"
#include "http/http.h"
#include "store/store.h"

#define BACKOFF_MAX 3600        /* seconds */

struct pull_loop {
	struct app *app;
	struct ferry_pull_opts o;
	unsigned every;
	atomic_int stop;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t th;
};

/* One pull with a fresh arena and context.  0 or -1 (logged). */
static int pull_once(struct pull_loop *l, struct store *s)
{
	struct strbuf err = STRBUF_INIT;
	struct ferry_counts in, back;
	struct ctx c;
	int rc;

	memset(&c, 0, sizeof(c));
	c.db = s;
	c.a = arena_new(8192);
	c.cfg = &l->app->cfg;
	c.keys = &l->app->keys;
	c.cal = atomic_load(&l->app->cal);
	c.who.name = "ferry-pull";
	c.who.role = "system";
	c.who.ip = "local";
	c.who.perms = perms_all();
	c.now = time_now();
	store_clear_error(s);
	rc = ferry_pull(&c, &l->o, &in, &back, &err);
	if (rc < 0 && !atomic_load(&l->stop))
		log_warn("ferry pull from %s failed: %s", l->o.base, err.buf);
	else if (rc == 0 && (in.applied || back.applied))
		log_info("ferry pull from %s: inbox %d items (%d new), replies %d items (%d applied)",
			 l->o.base, in.items, in.applied, back.items, back.applied);
	strbuf_release(&err);
	arena_free(c.a);
	return rc;
}

static void *run(void *arg)
{
	struct pull_loop *l = arg;
	struct store *s = NULL;
	char err[256];
	unsigned delay = 0, failures = 0;

	while (!atomic_load(&l->stop)) {
		struct timespec ts;
		if (!s && !(s = store_open(l->app->db_uri, 0, err, sizeof(err))))
			log_warn("ferry pull: cannot open the database: %s", err);
		if (s && pull_once(l, s) == 0) {
			failures = 0;
			delay = l->every;
		} else {
			unsigned cap = l->every > BACKOFF_MAX ? l->every : BACKOFF_MAX;
			delay = l->every;
			for (unsigned i = 0; i < failures && delay < cap; i++)
				delay = delay > cap / 2 ? cap : delay * 2;
			failures++;
			if (!atomic_load(&l->stop))
				log_info("ferry pull: next try in %u s", delay);
		}
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_sec += delay;
		pthread_mutex_lock(&l->mu);
		while (!atomic_load(&l->stop) && pthread_cond_timedwait(&l->cv, &l->mu, &ts) == 0)
			;
		pthread_mutex_unlock(&l->mu);
	}
	if (s)
		store_close(s);
	return NULL;
}

struct pull_loop *pull_loop_start(struct app *app, const struct ferry_pull_opts *o,
				  unsigned every)
{
	struct pull_loop *l = calloc(1, sizeof(*l));
	pthread_condattr_t ca;
	sigset_t all, old;
	int rc;

	if (!l) {
		error("out of memory");
		return NULL;
	}
	l->app = app;
	l->o = *o;
	l->o.stop = &l->stop;
	l->every = every;
	atomic_init(&l->stop, 0);
	pthread_mutex_init(&l->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&l->cv, &ca);
	pthread_condattr_destroy(&ca);
	/* the signals stay with the main thread (http_serve waits for them) */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	rc = pthread_create(&l->th, NULL, run, l);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		pthread_cond_destroy(&l->cv);
		pthread_mutex_destroy(&l->mu);
		free(l);
		error("cannot start the ferry pull's thread");
		return NULL;
	}
	log_info("ferry pull from %s every %u s", o->base, every);
	return l;
}

void pull_loop_stop(struct pull_loop *l)
{
	if (!l)
		return;
	pthread_mutex_lock(&l->mu);
	atomic_store(&l->stop, 1);
	pthread_cond_signal(&l->cv);
	pthread_mutex_unlock(&l->mu);
	pthread_join(l->th, NULL);
	pthread_cond_destroy(&l->cv);
	pthread_mutex_destroy(&l->mu);
	free(l);
}
