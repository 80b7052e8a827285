#ifndef QF_CTX_H
#define QF_CTX_H
/*
 * ctx: what every domain call needs to know: the connection, the arena for
 * results, the deployment's settings and keys, and who is acting.  The
 * HTTP layer builds one per request, the CLI one per command.  Nothing in
 * it is global; the config, keys and calendar are read-only and shared.
 */
#include <stdint.h>

#include "core/crypto.h"
#include "domain/perm.h"

struct store;
struct arena;
struct calendar;
struct login_limits;
struct todo;
struct txmemo;

struct config {
	char region[16];          /* 行政区划代码 of this commission */
	char commission[128];     /* shown in the top bar */
	int session_idle;         /* seconds, default 30 min */
	int session_absolute;     /* seconds, default 12 h */
	int lock_failures;        /* failed logins before lock-out, default 5 */
	int lock_seconds;         /* default 15 min */
	int pw_min_len;           /* default 10 */
	int pw_classes;           /* default 3 */
	int secure_cookies;       /* TLS: Secure and the __Host- prefix */
	int totp_required_all;    /* 1: every user needs the second factor */
	int login_addr_burst;     /* failed logins an address may make at once, default 30 */
	int login_addr_seconds;   /* ... and then one more every N seconds, default 10 */
	int pow_bits;             /* public forms' proof of work: leading zero bits, default 16 */
	int public_file_max;      /* bytes of one file on the public report form, default 4 MiB */
	int public_key_days;      /* days a rating's idempotency key is kept where the page runs, default 7 */
	int public_status_days;   /* days a concluded item's status stays queryable, default 180 */
	const char *attach_dir;   /* the attachments folder (domain/attach.h); NULL:
				   * none configured, uploads refused */
};

void config_defaults(struct config *cfg);

/* Who is acting; id 0 with name "-" for the public and for the system. */
struct actor {
	int64_t id;
	const char *name;
	const char *role;       /* role code */
	const char *ip;
	struct perms perms;     /* what the role may do (perm.h) */
	int scoped;             /* sees only its units (township, resident group) */
	int principal;          /* the commission's principal leader */
};

struct ctx {
	struct store *db;
	struct arena *a;
	const struct config *cfg;
	const struct qf_keys *keys;
	const struct calendar *cal;
	struct actor who;
	int64_t now;            /* Unix time of the request */
	/* the server's in-memory login limits (auth.h); NULL in the CLI */
	struct login_limits *limits;
	/* what the running import's transaction read back (txmemo.h); NULL
	 * everywhere else */
	struct txmemo *memo;
};

#endif
