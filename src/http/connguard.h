#ifndef QF_CONNGUARD_H
#define QF_CONNGUARD_H
/*
 * connguard: what keeps slow and idle clients from taking the server's
 * connections: a limit per client address (checked when a connection is
 * accepted), and deadlines (a request's headers within header_timeout
 * seconds of the connection being ready for them, a body at an average
 * of at least body_min_rate bytes/s after a grace of header_timeout),
 * enforced by a thread that shuts down the sockets of connections past
 * them.  libmicrohttpd's own timeout is an idle timeout that each byte
 * resets, so a client sending one byte a while would hold a connection
 * for ever without this.
 *
 * Lifetime: connguard_new before MHD_start_daemon (the callbacks get the
 * guard as their closure), connguard_start after it, connguard_stop
 * before MHD_stop_daemon and connguard_free after it.  A struct
 * guard_conn lives from libmicrohttpd's STARTED to its CLOSED
 * notification; the request hooks may be passed NULL (no guard).
 */
#include <stddef.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "core/netaddr.h"

struct connguard;
struct guard_conn;

struct conn_limits {
	unsigned max_conns;        /* all connections; 0: from the descriptor limit */
	unsigned max_per_addr;     /* connections from one address; 0: no limit */
	unsigned header_timeout;   /* seconds to send a request's headers */
	unsigned body_min_rate;    /* bytes/s a body averages after the grace */
};

/* Raises the soft descriptor limit to the hard one and returns how many
 * connections fit beside `reserved` other descriptors (at most 65536);
 * 0 when the limit leaves no room. */
unsigned connguard_fd_budget(unsigned reserved);

/* A guard for these limits (copied); trusted proxies (not copied: it must
 * outlive the guard) are not held to the per-address limit.  NULL when
 * out of memory. */
struct connguard *connguard_new(const struct conn_limits *lim, const struct netaddr_list *trusted);
/* Starts the thread enforcing the deadlines.  0 or -1. */
int connguard_start(struct connguard *g);
/* Stops and joins it (a no-op when it was not started). */
void connguard_stop(struct connguard *g);
void connguard_free(struct connguard *g);

/* libmicrohttpd's accept policy and connection notification callbacks,
 * with the guard as their closure. */
enum MHD_Result connguard_accept(void *cls, const struct sockaddr *addr, socklen_t addrlen);
void connguard_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
		      enum MHD_ConnectionNotificationCode toe);

/* The guard's record of a connection (NULL when there is none). */
struct guard_conn *connguard_of(struct MHD_Connection *conn);
/* A request's progress, from the connection's own thread: its headers are
 * complete (the body deadline starts), `total` body bytes have arrived,
 * the whole request has arrived (no deadline while it is answered), the
 * answer has been sent (the next request's header deadline starts). */
void connguard_headers_done(struct guard_conn *gc);
void connguard_body_progress(struct guard_conn *gc, size_t total);
void connguard_request_read(struct guard_conn *gc);
void connguard_request_done(struct guard_conn *gc);

#endif
