/*
 * audit_ckpt.c: the audit checkpoint, the log's length and newest MAC
 * kept outside the database, so that deleting the newest entries (or all
 * of them, or dropping the table) is noticed by `audit verify`.
 *
 * The file holds one line, "qingfeng-audit-checkpoint 1 <count> <mac hex>".
 * It is replaced atomically (a temporary file in the same folder, fsync,
 * rename, fsync of the folder), mode 0600, under an exclusive flock(2) of
 * the folder, so two processes sharing the file (two servers on one
 * database and one key file, or a server and a CLI command) take turns.
 * Guarantees: the checkpoint only moves forward, and only to a head the
 * checkpointed entry chains to (every MAC after it checked): a log that
 * was truncated or rewritten behind the server's back is refused, not
 * adopted, and the refusal is logged.  Each move is also one line in the
 * system log (LOG_AUTHPRIV), to be shipped off the machine: the file
 * alone is no defence against root, who can rewrite it too.  The reset
 * after a deliberate restore is itself an audit entry.
 */
#include "domain/audit.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <syslog.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/fsutil.h"
#include "domain/ctx.h"
#include "store/q_audit.h"
#include "store/store.h"

#define CKPT_MAGIC "qingfeng-audit-checkpoint 1"

int audit_ckpt_read(const char *path, struct audit_ckpt *ck, struct strbuf *msg)
{
	char line[256], mac[80] = "";
	long long count;
	FILE *f = fopen(path, "r");
	int ok;

	ck->count = 0;
	ck->mac[0] = '\0';
	if (!f) {
		if (errno == ENOENT)
			return 0;
		strbuf_addf(msg, "cannot read the checkpoint '%s': %s", path, strerror(errno));
		return -1;
	}
	ok = fgets(line, sizeof(line), f) && !strncmp(line, CKPT_MAGIC " ", strlen(CKPT_MAGIC) + 1) &&
	     sscanf(line + strlen(CKPT_MAGIC), " %lld %79s", &count, mac) >= 1 && count >= 0 &&
	     strlen(mac) == (count ? 64u : 0u) && strspn(mac, "0123456789abcdef") == strlen(mac);
	fclose(f);
	if (!ok) {
		strbuf_addf(msg, "the checkpoint '%s' is malformed", path);
		return -1;
	}
	ck->count = count;
	memcpy(ck->mac, mac, strlen(mac) + 1);
	return 1;
}

/* The folder of path, opened (for the lock and its fsync); -1 with msg. */
static int dir_open(const char *path, struct strbuf *msg)
{
	char dir[4096];
	int fd = fsutil_dir_open(path, dir, sizeof(dir));

	if (fd < 0)
		strbuf_addf(msg, "cannot open the folder '%s': %s", dir, strerror(errno));
	return fd;
}

/* Replaces the file with ck: temp, fsync, rename, fsync of the folder. */
static int ckpt_write(const char *path, int dirfd, const struct audit_ckpt *ck, struct strbuf *msg)
{
	char tmp[4200], line[160];
	int fd, n, rc = -1;

	snprintf(tmp, sizeof(tmp), "%s.tmp%ld", path, (long)getpid());
	n = snprintf(line, sizeof(line), CKPT_MAGIC " %" PRId64 " %s\n", ck->count, ck->mac);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		strbuf_addf(msg, "cannot create '%s': %s", tmp, strerror(errno));
		return -1;
	}
	if (write(fd, line, (size_t)n) != n || fsync(fd) < 0)
		strbuf_addf(msg, "cannot write '%s': %s", tmp, strerror(errno));
	else if (close(fd) < 0 || (fd = -1, rename(tmp, path) < 0))
		strbuf_addf(msg, "cannot replace '%s': %s", path, strerror(errno));
	else if (fsync(dirfd) < 0)
		strbuf_addf(msg, "cannot sync the folder of '%s': %s", path, strerror(errno));
	else
		rc = 0;
	if (fd >= 0)
		close(fd);
	if (rc < 0)
		unlink(tmp);
	return rc;
}

/*
 * Where the log stands against ck: 0 with *head the new checkpoint (the
 * same as ck when nothing was added), 1 with msg when the log does not
 * extend ck, -1 on a store error.
 */
static int extend(struct store *s, const struct qf_keys *k, const struct audit_ckpt *ck,
		  struct audit_ckpt *head, struct strbuf *msg)
{
	struct arena *a = arena_new(256);
	struct audit_walk w = { .k = k, .prev_id = ck->count, .msg = msg };
	const char *mac;
	int64_t last;
	int rc;

	rc = store_audit_last(s, a, &last, &mac) < 0 ? -1 : 0;
	if (rc == 0 && last < ck->count) {
		strbuf_addf(msg, "the log ends at entry %" PRId64 " but the checkpoint has %" PRId64
			    " entries: entries %" PRId64 " to %" PRId64 " are missing (deleted)",
			    last, ck->count, last + 1, ck->count);
		rc = 1;
	} else if (rc == 0 && last == ck->count && strcmp(mac, ck->mac)) {
		strbuf_addf(msg, "audit entry %" PRId64 ": differs from the checkpoint (the log "
			    "was rewritten up to this entry)", last);
		rc = 1;
	}
	arena_free(a);
	*head = *ck;
	if (rc || last == ck->count)
		return rc;
	/* entries after the checkpoint: the first must chain from its MAC */
	memcpy(w.prev, ck->mac, sizeof(w.prev));
	rc = audit_walk(s, &w);
	if (rc == 0) {
		head->count = w.prev_id;
		memcpy(head->mac, w.prev, sizeof(head->mac));
	}
	return rc;
}

int audit_checkpoint(struct store *s, const struct qf_keys *k, const char *path, int force,
		     struct audit_ckpt *now, struct strbuf *msg)
{
	struct audit_ckpt ck = { 0 }, head = { 0 };
	int dirfd = dir_open(path, msg), rc;

	if (dirfd < 0)
		return -1;
	if (flock(dirfd, LOCK_EX) < 0) {
		strbuf_addf(msg, "cannot lock the folder of '%s': %s", path, strerror(errno));
		close(dirfd);
		return -1;
	}
	rc = audit_ckpt_read(path, &ck, msg) < 0 ? -1 : 0;
	/* only durable entries: one that a crash or a failover could still
	 * take away would make the checkpoint claim entries were deleted */
	if (rc == 0 && store_durable(s) < 0) {
		strbuf_addf(msg, "cannot read the audit log: %s", store_errmsg(s));
		rc = -1;
	}
	if (rc == 0 && force) {
		struct arena *a = arena_new(256);
		const char *mac;
		if (store_audit_last(s, a, &head.count, &mac) < 0) {
			strbuf_addf(msg, "cannot read the audit log: %s", store_errmsg(s));
			rc = -1;
		} else {
			snprintf(head.mac, sizeof(head.mac), "%s", mac);
		}
		arena_free(a);
	} else if (rc == 0) {
		rc = extend(s, k, &ck, &head, msg);
		if (rc < 0)
			strbuf_addf(msg, "cannot read the audit log: %s", store_errmsg(s));
		else if (rc > 0)
			syslog(LOG_AUTHPRIV | LOG_ALERT, "qingfeng audit log does not extend the "
			       "checkpoint %s: %s", path, msg->buf);
		rc = rc ? -1 : 0;
	}
	if (rc == 0 && (force || head.count > ck.count)) {
		rc = ckpt_write(path, dirfd, &head, msg);
		if (rc == 0) {
			syslog(LOG_AUTHPRIV | LOG_INFO, "qingfeng audit checkpoint: %" PRId64
			       " entries, head %s%s", head.count, head.mac[0] ? head.mac : "-",
			       force ? " (reset)" : "");
			rc = 1;
		}
	}
	if (now)
		*now = rc >= 0 ? head : ck;
	flock(dirfd, LOCK_UN);
	close(dirfd);
	return rc;
}

struct reset_arg {
	struct ctx *c;
	const char *detail;
};

static int reset_tx(struct store *s, void *arg)
{
	struct reset_arg *ra = arg;
	(void)s;
	return audit_append(ra->c, AEV_AUDIT_CHECKPOINT_RESET, "audit", 1, ra->detail);
}

int audit_checkpoint_reset(struct ctx *c, const char *path, struct audit_ckpt *now,
			   struct strbuf *msg)
{
	struct reset_arg ra = { c, NULL };
	struct strbuf why = STRBUF_INIT;
	struct audit_ckpt old;
	int64_t bad = 0, count = 0;

	if (audit_ckpt_read(path, &old, msg) < 0) {
		old.count = 0;  /* a malformed file is what the reset replaces */
		strbuf_reset(msg);
	}
	if (audit_verify(c->db, c->keys, NULL, &bad, &count, &why) != 0) {
		strbuf_addf(msg, "the chain does not hold: %s",
			    why.len ? why.buf : "cannot read the audit log");
		strbuf_release(&why);
		return -1;
	}
	strbuf_release(&why);
	ra.detail = arena_printf(c->a, "checkpoint %" PRId64 " -> %" PRId64 " entries", old.count,
				 count + 1);
	if (store_tx(c->db, reset_tx, &ra) < 0) {
		strbuf_addf(msg, "cannot write the audit entry: %s", store_errmsg(c->db));
		return -1;
	}
	return audit_checkpoint(c->db, c->keys, path, 1, now, msg) < 0 ? -1 : 1;
}
