/*
 * groupw.c: the group-committing writer (groupw.h).
 *
 * Guarantees: a job's done is called exactly once, after its group's
 * COMMIT returned (with apply's result) or failed (with the failure);
 * one job's failing apply is undone to its savepoint (a plain job's
 * STORE_CONSTRAINT wrote nothing) and leaves the group's other jobs as
 * they were; the queue is a FIFO, so jobs are
 * applied in the order they were submitted.
 */
#include "store/groupw.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"
#include "core/xalloc.h"

#define GROUPW_HOOKS 4
#define BEGIN_TRIES 50          /* a busy write lock: 50 tries 20 ms apart */

/* SQLite: the writer's connection checkpoints the WAL every GROUPW_CKPT
 * pages instead of SQLite's 1,000 (at most about 40 MiB of WAL).  A group
 * rewrites the same few pages (public_submissions' right edge: domain/
 * rating_key.h; the inbox's), and a checkpoint copies each page once
 * however many groups wrote it, so fewer checkpoints copy fewer pages. */
#define GROUPW_CKPT "10000"
static const struct store_sql Q_CKPT = { "PRAGMA wal_autocheckpoint = " GROUPW_CKPT, "SELECT 1" };

struct groupw {
	struct store *s;
	pthread_t thread;
	int started;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct groupw_job *head, *tail;
	int stopping;
	struct groupw_hook hooks[GROUPW_HOOKS];
	int n_hooks;
	atomic_uint_fast64_t groups, jobs;
};

struct groupw *groupw_new(const char *uri, char *err, size_t errlen)
{
	struct groupw *w = xcalloc(1, sizeof(*w));

	w->s = store_open(uri, 0, err, errlen);
	if (!w->s) {
		free(w);
		return NULL;
	}
	if (store_backend(w->s) == STORE_SQLITE) {
		struct store_stmt *st = store_prepare(w->s, &Q_CKPT);
		int rc = st ? store_step(st) : STORE_ERR;

		if (st)
			store_reset(st);
		if (rc != STORE_ROW)
			log_warn("group writer: wal_autocheckpoint not set: %s", store_errmsg(w->s));
	}
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, NULL);
	return w;
}

int groupw_add_hook(struct groupw *w, const struct groupw_hook *h)
{
	if (w->n_hooks >= GROUPW_HOOKS || w->started)
		return -1;
	w->hooks[w->n_hooks++] = *h;
	return 0;
}

void groupw_submit(struct groupw *w, struct groupw_job *job)
{
	int refused;

	job->next = NULL;
	job->rc = 0;
	pthread_mutex_lock(&w->lock);
	refused = w->stopping || !w->started;
	if (!refused) {
		if (w->tail)
			w->tail->next = job;
		else
			w->head = job;
		w->tail = job;
		pthread_cond_signal(&w->wake);
	}
	pthread_mutex_unlock(&w->lock);
	if (refused)
		job->done(job, STORE_BUSY);     /* stopping: the caller may try again later */
}

/* Takes at most GROUPW_MAX jobs off the queue, waiting for one; NULL
 * when stopping and nothing is left. */
static struct groupw_job *take(struct groupw *w, int *n)
{
	struct groupw_job *first, *last;

	pthread_mutex_lock(&w->lock);
	while (!w->head && !w->stopping)
		pthread_cond_wait(&w->wake, &w->lock);
	first = last = w->head;
	*n = first ? 1 : 0;
	while (last && last->next && *n < GROUPW_MAX) {
		last = last->next;
		(*n)++;
	}
	if (last) {
		w->head = last->next;
		if (!w->head)
			w->tail = NULL;
		last->next = NULL;
	}
	pthread_mutex_unlock(&w->lock);
	return first;
}

static int begin(struct groupw *w)
{
	struct timespec ts = { 0, 20 * 1000000L };
	int rc = STORE_ERR;

	for (int i = 0; i < BEGIN_TRIES; i++) {
		rc = store_begin(w->s, 1);
		if (rc != STORE_BUSY)
			break;
		nanosleep(&ts, NULL);
	}
	return rc;
}

/* One group: 0 committed, < 0 the failure every job gets. */
static int run_group(struct groupw *w, struct groupw_job *jobs)
{
	int rc = begin(w), i;

	if (rc < 0)
		return rc;
	for (i = 0; i < w->n_hooks; i++)
		if (w->hooks[i].begin)
			w->hooks[i].begin(w->hooks[i].cls);
	for (struct groupw_job *j = jobs; j && rc >= 0; j = j->next) {
		if (j->plain) {
			j->rc = j->apply(w->s, j);
			if (j->rc < 0 && j->rc != STORE_CONSTRAINT)
				rc = j->rc;     /* the whole group fails */
			continue;
		}
		if ((rc = store_savepoint(w->s)) < 0)
			break;
		j->rc = j->apply(w->s, j);
		rc = j->rc < 0 ? store_savepoint_undo(w->s) : store_savepoint_release(w->s);
	}
	if (rc < 0)
		log_error("group writer: a job failed the group: %s", store_errmsg(w->s));
	for (i = 0; i < w->n_hooks && rc >= 0; i++)
		if (w->hooks[i].end && (rc = w->hooks[i].end(w->s, w->hooks[i].cls)) < 0)
			log_error("group writer: the group's hook %d refused it", i);
	if (rc >= 0 && (rc = store_commit(w->s)) < 0)
		log_error("group writer: the commit failed: %s", store_errmsg(w->s));
	if (rc < 0)
		store_rollback(w->s);
	for (i = 0; i < w->n_hooks; i++)
		if (w->hooks[i].after)
			w->hooks[i].after(w->hooks[i].cls, rc >= 0);
	return rc < 0 ? rc : 0;
}

static void *writer_main(void *arg)
{
	struct groupw *w = arg;
	struct groupw_job *jobs, *next;
	int n, rc;

	while ((jobs = take(w, &n))) {
		rc = run_group(w, jobs);
		if (rc == 0)
			atomic_fetch_add(&w->groups, 1);
		atomic_fetch_add(&w->jobs, (uint_fast64_t)n);
		for (; jobs; jobs = next) {
			next = jobs->next;      /* done may free the job */
			jobs->done(jobs, rc < 0 ? rc : jobs->rc);
		}
	}
	return NULL;
}

struct store *groupw_store(struct groupw *w)
{
	return w->started ? NULL : w->s;
}

int groupw_start(struct groupw *w)
{
	pthread_mutex_lock(&w->lock);
	w->started = pthread_create(&w->thread, NULL, writer_main, w) == 0;
	pthread_mutex_unlock(&w->lock);
	return w->started ? 0 : -1;
}

void groupw_stop(struct groupw *w)
{
	int joined;

	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	joined = w->stopping || !w->started;
	w->stopping = 1;
	pthread_cond_broadcast(&w->wake);
	pthread_mutex_unlock(&w->lock);
	if (!joined)
		pthread_join(w->thread, NULL);
}

void groupw_free(struct groupw *w)
{
	if (!w)
		return;
	groupw_stop(w);
	store_close(w->s);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	free(w);
}

void groupw_counts(struct groupw *w, uint64_t *groups, uint64_t *jobs)
{
	*groups = atomic_load(&w->groups);
	*jobs = atomic_load(&w->jobs);
}
