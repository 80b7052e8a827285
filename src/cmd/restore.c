/*
 * restore.c: `qingfeng restore FILE` turns a backup made by `qingfeng
 * backup` into a working database, and refuses anything it cannot prove
 * to be one.  Guarantees:
 *
 *  - the backup file is never written (SQLite: it is copied first, and
 *    only the copy is opened and migrated);
 *  - the target is never half restored: SQLite builds the copy beside the
 *    target under a temporary name and renames it into place only after
 *    its audit chain verified with the key; PostgreSQL runs pg_restore as
 *    one transaction into a database that must hold no schema yet;
 *  - an existing SQLite database is replaced only with --force, and never
 *    while a process has it open (a running server);
 *  - the restored database's audit chain verifies under the key, and the
 *    restore itself is its newest entry.
 *
 * The key is not in the backup: name it with --key (or $QINGFENG_KEY), or
 * put it at the restored database's default place (<db>.key) first.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/fsutil.h"
#include "core/log.h"
#include "domain/audit.h"
#include "store/q_audit.h"
#include "store/store.h"

enum backup_kind { BK_UNKNOWN, BK_SQLITE, BK_PGDUMP };

/* What the file's first bytes say it is. */
static enum backup_kind backup_kind(const char *path)
{
	static const char sqlite_magic[16] = "SQLite format 3";   /* with its NUL */
	char head[16];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return BK_UNKNOWN;
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n == (ssize_t)sizeof(head) && !memcmp(head, sqlite_magic, sizeof(head)))
		return BK_SQLITE;
	if (n >= 5 && !memcmp(head, "PGDMP", 5))
		return BK_PGDUMP;
	return BK_UNKNOWN;
}

/*
 * 1 when another process has the SQLite database at path open.  Every
 * connection to a WAL database holds a read lock on the "DMS" byte of the
 * -shm file (offset 128) for as long as it is open, and a connection in
 * a transaction holds locks on the database file's lock bytes; F_GETLK
 * reports a lock of another process that a write lock would conflict
 * with.  0 when nobody holds either.
 */
static int sqlite_in_use(const char *path)
{
	static const struct { const char *suffix; off_t start, len; } probes[] = {
		{ "-shm", 128, 1 },                     /* WAL index: open connections */
		{ "", 0x40000000, 512 },                /* PENDING, RESERVED, SHARED bytes */
	};
	char file[4096];

	for (size_t i = 0; i < QF_ARRAY_SIZE(probes); i++) {
		struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
				    .l_start = probes[i].start, .l_len = probes[i].len };
		int fd;

		snprintf(file, sizeof(file), "%s%s", path, probes[i].suffix);
		fd = open(file, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
		if (fd < 0)
			continue;
		if (fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK) {
			close(fd);
			return 1;
		}
		close(fd);
	}
	return 0;
}

/* Copies src into the open file out and syncs it.  0 or -1 (message
 * printed). */
static int copy_file(const char *src, int out, const char *outname)
{
	char buf[1 << 16];
	ssize_t n;
	int in = open(src, O_RDONLY | O_CLOEXEC);

	if (in < 0)
		return error("cannot open '%s': %s", src, strerror(errno));
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));
			if (w < 0) {
				if (errno == EINTR)
					continue;
				close(in);
				return error("cannot write '%s': %s", outname, strerror(errno));
			}
			off += w;
		}
	}
	if (n < 0) {
		close(in);
		return error("cannot read '%s': %s", src, strerror(errno));
	}
	close(in);
	if (fsync(out) < 0)
		return error("cannot sync '%s': %s", outname, strerror(errno));
	return 0;
}


/*
 * ---- the audit checkpoint: restore's side -------------------------------
 * The audit module keeps a checkpoint of the chain (entry count and head
 * MAC) outside the database, beside the key file, so that `audit verify`
 * notices truncation.  A restore to an older point leaves that checkpoint
 * ahead of the restored chain, and verify would call the restore a
 * truncation.  After the restored chain has verified, this is the one
 * place where restore tells the audit module to start a fresh checkpoint
 * at the restored head (count, id, mac).
 *
 * The checkpoint belongs to the key file it sits beside, and a drill may
 * restore a copy with the live key: resetting then would move the live
 * database's checkpoint back to the copy's head (which ends with the
 * restore's own entry, never part of the live chain).  So the rule is:
 * reset only when the restore replaces a database (--force) or when no
 * checkpoint exists yet beside the key (a drill's own copy of the key, a
 * new machine); otherwise leave the file alone and say what to run once
 * this copy becomes the live database.
 *
 * verify_restored's audit_verify() gets no checkpoint: a backup is
 * behind the live checkpoint by design.
 */
static int restore_checkpoint_reset(struct cmd_env *env, int replaces, int64_t count,
				    int64_t head_id, const char *head_mac)
{
	printf("qingfeng: audit head after the restore: %" PRId64 " entries, #%" PRId64 " %.16s...\n",
	       count, head_id, head_mac);
	if (replaces || access(env->ckpt, F_OK) != 0) {
		env->ckpt_force = 1;    /* cmd_close writes the restored head */
	} else {
		printf("qingfeng: the audit checkpoint %s is left as it was: run "
		       "'qingfeng audit checkpoint --reset' once this copy is the live database\n",
		       env->ckpt);
		env->ckpt = NULL;       /* another database's checkpoint: untouched */
	}
	return 0;
}

/*
 * Verifies the restored database: it is a qingfeng database (cmd_open
 * refuses one without the schema, and applies the migrations a backup of
 * an older release lacks), its audit chain holds under the key, the
 * restore is audited in it, and the checkpoint starts at its head when
 * replaces (the restore replaces an existing database) or none exists.
 * 0 or -1 (message printed).
 */
static int verify_restored(const char *db, const char *key, const char *src, int replaces)
{
	struct strbuf msg = STRBUF_INIT;
	struct cmd_env env;
	int64_t bad = 0, count = 0, head_id;
	const char *head_mac;
	int rc = -1, v;

	if (cmd_open(&env, db, key) < 0)
		return error("'%s' is not a qingfeng backup usable with this key", src);
	v = audit_verify(env.db, &env.keys, NULL, &bad, &count, &msg);
	if (v == 1)
		error("the backup's audit chain does not verify: %s (a wrong key file, or an altered backup)",
		      msg.buf);
	else if (v < 0)
		error("cannot read the backup's audit log: %s", store_errmsg(env.db));
	else if (count == 0)
		error("'%s' has no audit log: not a qingfeng backup", src);
	else if (audit_record(&env.c, AEV_RESTORE, src, 1, "") < 0)
		error("cannot record the restore: %s", store_errmsg(env.db));
	else if (store_audit_last(env.db, env.a, &head_id, &head_mac) != STORE_ROW)
		error("cannot read the audit head: %s", store_errmsg(env.db));
	else {
		printf("qingfeng: audit chain of the backup ok (%" PRId64 " entries)\n", count);
		rc = restore_checkpoint_reset(&env, replaces, count + 1, head_id, head_mac);
	}
	strbuf_release(&msg);
	cmd_close(&env);
	return rc;
}

/* SQLite: copy the backup beside the target, verify the copy, rename it
 * into place.  0 or -1. */
static int restore_sqlite(const char *src, const char *db, const char *key, int force)
{
	char tmp[4096], side[4096];
	const char *sides[] = { "-wal", "-shm", "-journal" };
	struct stat st_src, st_db;
	int fd, exists = lstat(db, &st_db) == 0;

	if (exists && !force)
		return error("database '%s' already exists (restore into a new path, or "
			     "replace it with --force once no server uses it)", db);
	if (exists && !S_ISREG(st_db.st_mode))
		return error("'%s' is not a regular file", db);
	if (exists && stat(src, &st_src) == 0 && st_src.st_dev == st_db.st_dev &&
	    st_src.st_ino == st_db.st_ino)
		return error("'%s' is the backup itself", db);
	if (exists && sqlite_in_use(db))
		return error("database '%s' is in use (a running server?): stop it first", db);
	if (snprintf(tmp, sizeof(tmp), "%s.restore-XXXXXX", db) >= (int)sizeof(tmp))
		return error("path too long: '%s'", db);
	fd = mkstemp(tmp);      /* O_EXCL, mode 0600 */
	if (fd < 0)
		return error("cannot create '%s': %s", tmp, strerror(errno));
	if (copy_file(src, fd, tmp) < 0) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	/* the key of the target, whatever name the copy has meanwhile */
	if (verify_restored(tmp, cmd_key_path(key, db), src, exists) < 0) {
		for (size_t i = 0; i < QF_ARRAY_SIZE(sides); i++) {
			snprintf(side, sizeof(side), "%s%s", tmp, sides[i]);
			unlink(side);
		}
		unlink(tmp);
		return -1;
	}
	/* a WAL left by the old database would be replayed into the new one */
	if (exists) {
		if (sqlite_in_use(db)) {
			unlink(tmp);
			return error("database '%s' came into use during the restore: stop the server",
				     db);
		}
		for (size_t i = 0; i < QF_ARRAY_SIZE(sides); i++) {
			snprintf(side, sizeof(side), "%s%s", db, sides[i]);
			if (unlink(side) < 0 && errno != ENOENT) {
				unlink(tmp);
				return error("cannot remove '%s': %s", side, strerror(errno));
			}
		}
	}
	if (rename(tmp, db) < 0) {
		error("cannot rename '%s' to '%s': %s", tmp, db, strerror(errno));
		unlink(tmp);
		return -1;
	}
	(void)fsutil_sync_dir(db);      /* the rename is durable */
	return 0;
}

/* PostgreSQL: pg_restore into an empty database, then verify it there.
 * 0 or -1. */
static int restore_pg(const char *src, const char *db, const char *key, int force)
{
	char err[512];
	struct store *s;
	int v;

	if (force)
		return error("--force is for SQLite files; on PostgreSQL restore into a new, "
			     "empty database (createdb)");
	if (!cmd_key_path(key, db))
		return error("with a PostgreSQL database, name the key file with --key or QINGFENG_KEY");
	s = store_open(db, 0, err, sizeof(err));
	if (!s)
		return error("cannot open database '%s': %s", cmd_db_shown(db), err);
	v = store_schema_version(s);
	if (v != 0) {
		if (v < 0)
			error("cannot read database '%s': %s", cmd_db_shown(db), store_errmsg(s));
		else
			error("database '%s' is already initialised: restore into a new, empty "
			      "database (createdb)", cmd_db_shown(db));
		store_close(s);
		return -1;
	}
	if (store_restore(s, src, err, sizeof(err)) < 0) {
		store_close(s);
		return error("restore failed, the database is unchanged: %s", err);
	}
	store_close(s);
	if (verify_restored(db, key, src, 0) < 0)
		return error("database '%s' holds the unverified restore: drop it", cmd_db_shown(db));
	return 0;
}

/* The backup's attachment files (FILE.attachments, when it exists) into
 * the restored database's folder; 0 or -1. */
static int restore_attachments(const char *file, const char *db, const char *key, const char *opt)
{
	char from[4200], *dir;
	struct stat st;
	int copied = 0, rc;

	snprintf(from, sizeof(from), "%s.attachments", file);
	if (stat(from, &st) < 0) {
		printf("qingfeng: no attachments beside the backup (%s)\n", from);
		return 0;
	}
	dir = cmd_attach_dir(opt, db, key);
	if (!dir)
		return -1;
	rc = cmd_attach_copy(from, dir, &copied);
	if (rc == 0)
		printf("qingfeng: attachments: %d files copied into %s\n", copied, dir);
	free(dir);
	return rc;
}

int cmd_restore(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *attach = NULL, *pos[1];
	int force = 0;
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "the database to create (SQLite path, or an empty PostgreSQL database)" },
		{ "--attachments", &attach, NULL, "attachments folder to fill from FILE.attachments (default: as serve)" },
		{ "--key", &key, NULL, "key file of the backed-up database (default <db>.key; required with PostgreSQL)" },
		{ "--force", NULL, &force, "(SQLite) replace an existing database that no process has open" },
		{ NULL, NULL, NULL, NULL }
	};
	enum backup_kind kind;
	int n = cmd_parse(argc, argv, specs, pos, 1,
			  "qingfeng restore FILE [--db PATH|URI] [--key FILE] [--force]");
	int pg;

	if (n == -2)
		return 0;
	if (n != 1) {
		if (n == 0)
			error("usage: qingfeng restore FILE");
		return EXIT_USAGE;
	}
	db = cmd_db_path(db);
	pg = cmd_db_is_pg(db);
	kind = backup_kind(pos[0]);
	if (kind == BK_UNKNOWN) {
		if (access(pos[0], R_OK) < 0)
			error("cannot read '%s': %s", pos[0], strerror(errno));
		else
			error("'%s' is not a qingfeng backup (neither a SQLite database nor a pg_dump archive)",
			      pos[0]);
		return 1;
	}
	if (kind != (pg ? BK_PGDUMP : BK_SQLITE)) {
		error("'%s' is a %s backup: restore it into a %s database", pos[0],
		      kind == BK_PGDUMP ? "PostgreSQL" : "SQLite",
		      kind == BK_PGDUMP ? "PostgreSQL (--db postgresql://...)" : "SQLite (--db PATH)");
		return 1;
	}
	/* the key is never in a backup: say so before anything is copied */
	if (cmd_key_path(key, db) && access(cmd_key_path(key, db), R_OK) < 0) {
		error("cannot read the key file '%s': %s; a backup holds no key: name the key file "
		      "of the backed-up database with --key FILE (or copy it to '%s')",
		      cmd_key_path(key, db), strerror(errno), cmd_key_path(key, db));
		return 1;
	}
	if ((pg ? restore_pg : restore_sqlite)(pos[0], db, key, force) < 0)
		return 1;
	printf("qingfeng: restored %s into %s\n", pos[0], cmd_db_shown(db));
	return restore_attachments(pos[0], db, key, attach) < 0 ? 1 : 0;
}
