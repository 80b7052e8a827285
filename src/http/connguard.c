/*
 * connguard.c: per-address connection limits and request deadlines.
 *
 * Why it exists: with a fixed limit of 1,000 connections (500 per pool
 * thread) and only libmicrohttpd's idle timeout, which every byte resets,
 * 1,000 clients sending a header line every 20 s held every connection
 * slot and new clients waited in the listen backlog (issue 8, failure 4).
 * Now the global limit follows the descriptor limit (connguard_fd_budget),
 * one address may hold at most max_per_addr connections (trusted proxies
 * excepted: they carry many clients), and a connection that does not
 * finish its headers in time, or whose body falls below the minimum rate,
 * is cut.
 *
 * How: libmicrohttpd's accept policy callback refuses an address at its
 * limit before anything is allocated; the STARTED notification makes a
 * struct guard_conn (the connection's socket context) and counts it, and
 * CLOSED removes it.  The request hooks of server.c store the phase
 * (headers, body, answer) with the monotonic time it began, and the body
 * bytes, in atomics, so the request path takes no lock.  A thread wakes
 * twice a second, walks the connections and shuts down (shutdown(2), not
 * close) the socket of each one past its deadline; libmicrohttpd then
 * reads end-of-file and closes and frees it in its own thread as for any
 * client that went away.  libmicrohttpd calls CLOSED before it closes the
 * descriptor, and CLOSED waits on the connection's fd_lock, which the
 * thread holds around the shutdown: the descriptor shut down is always
 * still the connection's own.  The shutdowns run outside the guard's
 * lock (bench/README.md, "Slow and idle clients": holding it through
 * 10,000 of them stalled every pool thread for ~0.2 s).
 */
#include "http/connguard.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include "core/date.h"
#include "core/fnv.h"
#include "core/log.h"

enum { PH_HEADERS, PH_BODY, PH_REPLY };

#define ADDR_BUCKETS 4096
#define SWEEP_MS 500
#define SWEEP_BATCH 500
#define SWEEP_MAX 1000          /* cuts per sweep: 2,000/s, in steady portions */
#define REPORT_MS 60000

struct guard_conn {
	struct guard_conn *prev, *next;   /* the guard's list (under lock) */
	int fd;
	int counted;                      /* holds a place in its address's count */
	int shut;                         /* picked to be shut down (under lock) */
	struct netaddr addr;
	/* the sweep shuts sockets down outside the guard's lock: it holds a
	 * reference, and `fd_lock` keeps CLOSED (after which libmicrohttpd
	 * closes the descriptor) from passing a shutdown in progress */
	pthread_mutex_t fd_lock;
	int closed;                       /* CLOSED was notified (under fd_lock) */
	atomic_int refs;                  /* the connection's own, plus the sweep's */
	_Atomic uint64_t phase;           /* ms since the phase began << 2 | PH_* */
	_Atomic uint64_t body;            /* body bytes of the current request */
};

struct addr_count {
	struct addr_count *next;
	struct netaddr a;
	unsigned n;
};

struct connguard {
	struct conn_limits lim;
	const struct netaddr_list *trusted;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct guard_conn *head, *tail;   /* newest first */
	struct addr_count *bucket[ADDR_BUCKETS];
	unsigned long refused, header_cut, body_cut;   /* since the last report */
	pthread_t thread;
	int running, stopping;
};

static uint64_t now_ms(void)
{
	return (uint64_t)time_mono_us() / 1000;
}

static void set_phase(struct guard_conn *gc, int phase)
{
	atomic_store(&gc->phase, now_ms() << 2 | (uint64_t)phase);
}

unsigned connguard_fd_budget(unsigned reserved)
{
	struct rlimit rl;
	rlim_t n;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
		return 0;
	if (rl.rlim_cur < rl.rlim_max) {
		rlim_t want = rl.rlim_max;
		rl.rlim_cur = want;
		if (setrlimit(RLIMIT_NOFILE, &rl) < 0)
			log_warn("cannot raise the descriptor limit to %llu: %s",
				 (unsigned long long)want, strerror(errno));
		if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
			return 0;
	}
	n = rl.rlim_cur;
	if (n == RLIM_INFINITY || n > 65536 + (rlim_t)reserved)
		return 65536;
	return n > reserved ? (unsigned)(n - reserved) : 0;
}

struct connguard *connguard_new(const struct conn_limits *lim, const struct netaddr_list *trusted)
{
	struct connguard *g = calloc(1, sizeof(*g));
	pthread_condattr_t ca;

	if (!g)
		return NULL;
	g->lim = *lim;
	g->trusted = trusted;
	pthread_mutex_init(&g->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&g->wake, &ca);
	pthread_condattr_destroy(&ca);
	return g;
}

static unsigned addr_hash(const struct netaddr *a)
{
	return (unsigned)(fnv1a(FNV_OFFSET, a->b, sizeof(a->b)) % ADDR_BUCKETS);
}

/* The count of an address (under lock), added when `add`; NULL when
 * absent, or out of memory. */
static struct addr_count *addr_find(struct connguard *g, const struct netaddr *a, int add)
{
	struct addr_count **pp = &g->bucket[addr_hash(a)], *c;

	for (c = *pp; c; c = c->next)
		if (!memcmp(c->a.b, a->b, sizeof(a->b)))
			return c;
	if (!add || !(c = calloc(1, sizeof(*c))))
		return NULL;
	c->a = *a;
	c->next = *pp;
	*pp = c;
	return c;
}

static void addr_release(struct connguard *g, const struct netaddr *a)
{
	struct addr_count **pp = &g->bucket[addr_hash(a)], *c;

	for (; (c = *pp); pp = &c->next) {
		if (memcmp(c->a.b, a->b, sizeof(a->b)))
			continue;
		if (--c->n == 0) {
			*pp = c->next;
			free(c);
		}
		return;
	}
}

/* 1 when connections from a are counted against the per-address limit. */
static int limited(const struct connguard *g, const struct netaddr *a)
{
	return g->lim.max_per_addr && !netaddr_list_has(g->trusted, a);
}

enum MHD_Result connguard_accept(void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
	struct connguard *g = cls;
	struct netaddr a;
	struct addr_count *c;
	enum MHD_Result ok = MHD_YES;

	if (netaddr_from_sockaddr(addr, &a) < 0 || !limited(g, &a))
		return MHD_YES;
	pthread_mutex_lock(&g->lock);
	c = addr_find(g, &a, 0);
	if (c && c->n >= g->lim.max_per_addr) {
		g->refused++;
		ok = MHD_NO;
	}
	pthread_mutex_unlock(&g->lock);
	return ok;
}

static void conn_started(struct connguard *g, struct MHD_Connection *conn, void **socket_context)
{
	const union MHD_ConnectionInfo *fd =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
	const union MHD_ConnectionInfo *ca =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	struct guard_conn *gc;
	struct addr_count *c;
	int over = 0;

	if (!fd || !(gc = calloc(1, sizeof(*gc))))
		return;             /* not guarded; the request hooks accept NULL */
	gc->fd = fd->connect_fd;
	pthread_mutex_init(&gc->fd_lock, NULL);
	atomic_init(&gc->refs, 1);
	set_phase(gc, PH_HEADERS);
	pthread_mutex_lock(&g->lock);
	gc->next = g->head;
	if (g->head)
		g->head->prev = gc;
	else
		g->tail = gc;
	g->head = gc;
	if (ca && netaddr_from_sockaddr(ca->client_addr, &gc->addr) == 0 && limited(g, &gc->addr) &&
	    (c = addr_find(g, &gc->addr, 1))) {
		gc->counted = 1;
		/* two pool threads may both have let the same address in */
		if (++c->n > g->lim.max_per_addr) {
			g->refused++;
			gc->shut = over = 1;
		}
	}
	pthread_mutex_unlock(&g->lock);
	*socket_context = gc;
	if (over)       /* this thread owns the connection: the descriptor is its own */
		shutdown(gc->fd, SHUT_RDWR);
}

static void conn_unref(struct guard_conn *gc)
{
	if (atomic_fetch_sub(&gc->refs, 1) == 1) {
		pthread_mutex_destroy(&gc->fd_lock);
		free(gc);
	}
}

static void conn_closed(struct connguard *g, void **socket_context)
{
	struct guard_conn *gc = *socket_context;

	if (!gc)
		return;
	pthread_mutex_lock(&g->lock);
	if (gc->prev)
		gc->prev->next = gc->next;
	else
		g->head = gc->next;
	if (gc->next)
		gc->next->prev = gc->prev;
	else
		g->tail = gc->prev;
	if (gc->counted)
		addr_release(g, &gc->addr);
	pthread_mutex_unlock(&g->lock);
	/* waits for a shutdown in progress: the descriptor is closed next */
	pthread_mutex_lock(&gc->fd_lock);
	gc->closed = 1;
	pthread_mutex_unlock(&gc->fd_lock);
	*socket_context = NULL;
	conn_unref(gc);
}

void connguard_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
		      enum MHD_ConnectionNotificationCode toe)
{
	if (toe == MHD_CONNECTION_NOTIFY_STARTED)
		conn_started(cls, conn, socket_context);
	else if (toe == MHD_CONNECTION_NOTIFY_CLOSED)
		conn_closed(cls, socket_context);
}

struct guard_conn *connguard_of(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

void connguard_headers_done(struct guard_conn *gc)
{
	if (!gc)
		return;
	atomic_store(&gc->body, 0);
	set_phase(gc, PH_BODY);
}

void connguard_body_progress(struct guard_conn *gc, size_t total)
{
	if (gc)
		atomic_store(&gc->body, (uint64_t)total);
}

void connguard_request_read(struct guard_conn *gc)
{
	if (gc)
		set_phase(gc, PH_REPLY);
}

void connguard_request_done(struct guard_conn *gc)
{
	if (gc)
		set_phase(gc, PH_HEADERS);
}

/* Picks (under lock) up to SWEEP_BATCH connections past their deadlines,
 * the oldest first, each with a reference taken; returns how many. */
static size_t sweep_pick(struct connguard *g, uint64_t now, struct guard_conn **out)
{
	uint64_t grace = (uint64_t)g->lim.header_timeout * 1000;
	size_t n = 0;

	for (struct guard_conn *gc = g->tail; gc && n < SWEEP_BATCH; gc = gc->prev) {
		uint64_t st = atomic_load(&gc->phase), since = st >> 2, el;

		if (gc->shut)
			continue;
		el = now > since ? now - since : 0;
		if ((st & 3) == PH_HEADERS && grace && el > grace) {
			g->header_cut++;
		} else if ((st & 3) == PH_BODY && g->lim.body_min_rate && el > grace &&
			   atomic_load(&gc->body) * 1000 < (uint64_t)g->lim.body_min_rate * (el - grace)) {
			g->body_cut++;
		} else {
			continue;
		}
		gc->shut = 1;
		atomic_fetch_add(&gc->refs, 1);
		out[n++] = gc;
	}
	return n;
}

/* Shuts down the sockets of the connections past their deadlines, at
 * most SWEEP_MAX a time: 10,000 clients that connected together expire
 * together, and closing them (and accepting them again) in one go would
 * keep the pool threads from everybody else for a while; the rest wait
 * for the next sweeps.  The shutdowns (some 20 us each) run outside the
 * guard's lock, which the pool threads take for every connection they
 * accept or close.  Called with the lock held; returns with it held. */
static void sweep(struct connguard *g, uint64_t now)
{
	struct guard_conn *batch[SWEEP_BATCH];
	size_t n, done = 0;

	do {
		n = sweep_pick(g, now, batch);
		if (!n)
			break;
		pthread_mutex_unlock(&g->lock);
		for (size_t i = 0; i < n; i++) {
			pthread_mutex_lock(&batch[i]->fd_lock);
			if (!batch[i]->closed)
				shutdown(batch[i]->fd, SHUT_RDWR);
			pthread_mutex_unlock(&batch[i]->fd_lock);
			conn_unref(batch[i]);
		}
		pthread_mutex_lock(&g->lock);
		done += n;
	} while (n == SWEEP_BATCH && done < SWEEP_MAX && !g->stopping);
}

static void *guard_main(void *arg)
{
	struct connguard *g = arg;
	uint64_t next_report = now_ms() + REPORT_MS;

	pthread_mutex_lock(&g->lock);
	while (!g->stopping) {
		struct timespec ts;
		uint64_t now;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += SWEEP_MS * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&g->wake, &g->lock, &ts);
		if (g->stopping)
			break;
		now = now_ms();
		sweep(g, now);
		if (now >= next_report) {
			unsigned long h = g->header_cut, b = g->body_cut, r = g->refused;
			g->header_cut = g->body_cut = g->refused = 0;
			next_report = now + REPORT_MS;
			pthread_mutex_unlock(&g->lock);
			if (h || b || r)
				log_warn("slow clients in the last minute: %lu connections closed without "
					 "their headers in %u s, %lu with a body under %u bytes/s; %lu "
					 "refused over %u connections per address", h,
					 g->lim.header_timeout, b, g->lim.body_min_rate, r,
					 g->lim.max_per_addr);
			pthread_mutex_lock(&g->lock);
		}
	}
	pthread_mutex_unlock(&g->lock);
	return NULL;
}

int connguard_start(struct connguard *g)
{
	if (pthread_create(&g->thread, NULL, guard_main, g) != 0)
		return -1;
	g->running = 1;
	return 0;
}

void connguard_stop(struct connguard *g)
{
	if (!g || !g->running)
		return;
	pthread_mutex_lock(&g->lock);
	g->stopping = 1;
	pthread_cond_signal(&g->wake);
	pthread_mutex_unlock(&g->lock);
	pthread_join(g->thread, NULL);
	g->running = 0;
}

void connguard_free(struct connguard *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < ADDR_BUCKETS; i++)
		while (g->bucket[i]) {
			struct addr_count *next = g->bucket[i]->next;
			free(g->bucket[i]);
			g->bucket[i] = next;
		}
	pthread_cond_destroy(&g->wake);
	pthread_mutex_destroy(&g->lock);
	free(g);
}
