#ifndef QF_STORE_GROUPW_H
#define QF_STORE_GROUPW_H
/*
 * groupw: the group-committing writer (issue 13: a rating is acknowledged
 * only once durable).  One per process, with its own database connection
 * and thread.  Producers (any thread) submit jobs; the writer takes every
 * job queued (at most GROUPW_MAX per group), and for the group:
 *
 *   BEGIN (write)
 *   each hook's begin
 *   for each job: SAVEPOINT, rc = apply(s, job); rc < 0: ROLLBACK TO it
 *   (a job that fails fails alone, the others go on), else RELEASE;
 *   a job marked plain runs without the savepoint: its apply writes
 *   nothing when it fails with STORE_CONSTRAINT (one INSERT ... ON
 *   CONFLICT DO NOTHING, a twin told by the row count) and the job fails
 *   alone; any other failure of a plain job fails the whole group (on
 *   PostgreSQL the transaction could not go on after it anyway)
 *   each hook's end (rc < 0: the whole group fails)
 *   COMMIT (durable: one fdatasync / WAL flush for the group)
 *   each hook's after, then every job's done(job, rc)
 *
 * done gets the job's apply result when the group committed, or the
 * failure (< 0) when it did not: a job is never reported done before its
 * group is durable.  done runs on the writer's thread, is the last use of
 * the job by the writer, and must be quick (wake the producer).
 *
 * groupw_stop stops taking jobs, drains what was queued (each still gets
 * its done) and joins the thread.  A job submitted after that gets
 * done(job, STORE_BUSY) at once, on the submitter's thread (a 503: the
 * server is stopping, the client may send it again).
 */
#include "store/store.h"

#define GROUPW_MAX 512          /* jobs in one transaction at most */

struct groupw;

struct groupw_job {
	int (*apply)(struct store *s, struct groupw_job *job);
	void (*done)(struct groupw_job *job, int rc);
	int plain;                      /* no savepoint: see above */
	struct groupw_job *next;        /* the writer's */
	int rc;                         /* the writer's */
};

/* Called once per group, on the writer's thread, in order of adding. */
struct groupw_hook {
	void (*begin)(void *cls);
	int (*end)(struct store *s, void *cls);     /* inside the transaction */
	void (*after)(void *cls, int committed);
	void *cls;
};

/* A writer on its own connection to uri; hooks (at most 4) are added
 * before groupw_start.  NULL with a message in err. */
struct groupw *groupw_new(const char *uri, char *err, size_t errlen);
int groupw_add_hook(struct groupw *w, const struct groupw_hook *h);
int groupw_start(struct groupw *w);
/* The writer's connection, for a hook's owner to read what it needs
 * before groupw_start (the writer's thread owns it after). */
struct store *groupw_store(struct groupw *w);
/* Queues job (its apply and done set); see above when stopped. */
void groupw_submit(struct groupw *w, struct groupw_job *job);
/* Drains, joins; then frees (NULL is ignored). */
void groupw_stop(struct groupw *w);
void groupw_free(struct groupw *w);
/* Groups committed and jobs done so far (for the log and the tests). */
void groupw_counts(struct groupw *w, uint64_t *groups, uint64_t *jobs);

#endif
