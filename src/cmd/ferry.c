/*
 * ferry.c: `qingfeng ferry`, the public channel's ferry between the public
 * instance and the intranet (issue 13, docs/operations.md "The public
 * channel").
 *
 *   qingfeng ferry export --out FILE   public side: the sealed inbox
 *                                      (FILE, then FILE.2, FILE.3 ...
 *                                      when it is past 256 MiB);
 *                                      intranet: the replies (status,
 *                                      answers, what was collected)
 *   qingfeng ferry import FILE...      the other side's batches, each
 *                                      checked against its verify key,
 *                                      one transaction, idempotent
 *   qingfeng ferry purge [--dry-run]   either side: the idempotency keys
 *                                      and concluded statuses past their
 *                                      settings (domain/public_purge.h)
 *   qingfeng ferry key export [--out FILE]   this side's public keys
 *   qingfeng ferry key import FILE           the other side's public keys
 *
 * Which side a process is comes from its key file: the intranet's holds
 * the sealing secret (made by init), a public instance's does not (init
 * --public).  A batch file is written whole and synced before the command
 * reports success.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "core/crypto.h"
#include "core/log.h"
#include "domain/ferry.h"
#include "domain/public_purge.h"
#include "store/store.h"

#define USAGE "qingfeng ferry export --out FILE | ferry import FILE... | ferry purge [--dry-run] | ferry key export [--out FILE] | ferry key import FILE"
#define FILES_MAX 64
#define FERRY_MAX (512u * 1024 * 1024)

/* Reads a whole file into sb.  0 or -1 (printed). */
static int read_whole(const char *path, struct strbuf *sb)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;

	if (!f)
		return error("cannot open '%s': %s", path, strerror(errno));
	strbuf_setmax(sb, FERRY_MAX);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (strbuf_add(sb, buf, n) < 0) {
			fclose(f);
			return error("'%s' is too large for a ferry file", path);
		}
	if (ferror(f)) {
		fclose(f);
		return error("cannot read '%s'", path);
	}
	fclose(f);
	return 0;
}

/* Writes sb to path (or standard output for NULL), synced.  0 or -1. */
static int write_whole(const char *path, const struct strbuf *sb)
{
	FILE *f = path ? fopen(path, "wb") : stdout;

	if (!f)
		return error("cannot create '%s': %s", path, strerror(errno));
	if (fwrite(sb->buf, 1, sb->len, f) != sb->len || fflush(f) ||
	    (path && (fsync(fileno(f)) < 0 || fclose(f)))) {
		if (path)
			unlink(path);
		return error("cannot write '%s': %s", path ? path : "stdout", strerror(errno));
	}
	return 0;
}

static int key_command(const char *sub, const char *file, const char *out, const char *db,
		       const char *key)
{
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;
	const char *keypath = cmd_key_path(key, db);
	struct qf_keys k;
	int rc = -1, public;

	if (!keypath)
		return error("with a PostgreSQL database, name the key file with --key");
	if (crypto_setup() < 0 || keyfile_load(keypath, &k, &err) < 0) {
		error("%s", err.buf);
		goto out;
	}
	public = !k.has_seal_sk;
	keys_wipe(&k);
	if (!strcmp(sub, "export")) {
		/* a key file from before issue 13 gets its keys now */
		if (ferrykey_ensure(keypath, public, &err) < 0 || keyfile_load(keypath, &k, &err) < 0) {
			error("%s", err.buf);
			goto out;
		}
		rc = ferrykey_export(&k, public, &sb);
		keys_wipe(&k);
		if (rc == 0)
			rc = write_whole(out, &sb);
	} else {
		if (!file) {
			error("usage: %s", USAGE);
			goto out;
		}
		if (read_whole(file, &sb) < 0)
			goto out;
		if (ferrykey_import(keypath, public, sb.buf, &err) < 0) {
			error("%s", err.buf);
			goto out;
		}
		fprintf(stderr, "qingfeng: stored the %s side's keys in %s\n",
			public ? "intranet" : "public", keypath);
		rc = 0;
	}
out:
	strbuf_release(&sb);
	strbuf_release(&err);
	return rc;
}

/* export: the reply batch, or the inbox as FILE, FILE.2 ... (each a whole
 * signed batch of at most 256 MiB of sealed items, domain/ferry.h) */
static int export_batches(struct cmd_env *env, const char *out)
{
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;
	int64_t after = 0;
	int more = 1, rc = 0;

	for (int i = 1; more > 0 && rc == 0; i++) {
		char path[4096];

		if (i == 1)
			snprintf(path, sizeof(path), "%s", out);
		else
			snprintf(path, sizeof(path), "%s.%d", out, i);
		strbuf_reset(&sb);
		more = env->keys.has_seal_sk ? ferry_export_replies(&env->c, &sb, &err)
					     : ferry_export_inbox(&env->c, &after, &sb, &err);
		if (more < 0)
			rc = error("%s", err.buf);
		else if (write_whole(path, &sb) < 0)
			rc = -1;
		else
			fprintf(stderr, "qingfeng: wrote %s batch %s\n",
				env->keys.has_seal_sk ? "a reply" : "an inbox", path);
	}
	strbuf_release(&sb);
	strbuf_release(&err);
	return rc;
}

/* import: each file in turn, each one transaction; stops at the first
 * that is refused (the ones before it stay imported: each is whole) */
static int import_batches(struct cmd_env *env, const char **files, int n)
{
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;
	struct ferry_counts fc;
	int rc = 0;

	for (int i = 0; i < n && rc == 0; i++) {
		strbuf_reset(&sb);
		strbuf_reset(&err);
		if (read_whole(files[i], &sb) < 0)
			rc = -1;
		else if (ferry_import(&env->c, sb.buf, sb.len, &fc, &err) < 0)
			rc = error("ferry import '%s' refused: %s", files[i], err.buf);
		else
			printf("qingfeng: ferry import: %d items, %d applied, %d skipped (seen before or unknown)\n",
			       fc.items, fc.applied, fc.skipped);
		strbuf_release(&sb);     /* the next file is not read into this one's memory */
	}
	strbuf_release(&sb);
	strbuf_release(&err);
	return rc;
}

/* purge: the counts, then (not dry) what went */
static int purge(struct cmd_env *env, int dry_run)
{
	struct public_purge_counts n;

	if (public_purge(&env->c, dry_run, &n) < 0)
		return error("ferry purge failed: %s", store_errmsg(env->db));
	printf("qingfeng: ferry purge%s: %" PRId64 " idempotency keys older than %d days, %" PRId64
	       " concluded statuses older than %d days%s", dry_run ? " --dry-run" : "", n.keys,
	       env->cfg.public_key_days, n.statuses, env->cfg.public_status_days,
	       dry_run ? " would go\n" : " purged");
	if (!dry_run)
		printf(" (%" PRId64 " statuses brought up to date)\n", n.refreshed);
	return 0;
}

int cmd_ferry(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *out = NULL, *attach = NULL, *pos[FILES_MAX + 1] = { 0 };
	int dry_run = 0;
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database (default var/qingfeng.db or $QINGFENG_DB)" },
		{ "--key", &key, NULL, "key file (default: beside the database)" },
		{ "--out", &out, NULL, "file to write (export; an inbox past 256 MiB goes on in FILE.2, FILE.3 ...)" },
		{ "--attachments", &attach, NULL, "attachments folder the reports' files go to (import on the "
						  "intranet; default as serve's)" },
		{ "--dry-run", NULL, &dry_run, "purge: count what would go, change nothing" },
		{ NULL, NULL, NULL, NULL }
	};
	struct cmd_env env;
	int np, rc = 1;

	np = cmd_parse(argc, argv, specs, pos, FILES_MAX + 1, USAGE);

	if (np == -2)
		return 0;
	if (np < 1) {
		if (np == 0)
			error("usage: %s", USAGE);
		return EXIT_USAGE;
	}
	db = cmd_db_path(db);
	if (!strcmp(pos[0], "key") && np >= 2 && np <= 3 &&
	    (!strcmp(pos[1], "export") || !strcmp(pos[1], "import")))
		return key_command(pos[1], pos[2], out, db, key) < 0 ? 1 : 0;
	if (!(!strcmp(pos[0], "export") && np == 1 && out) &&
	    !(!strcmp(pos[0], "import") && np >= 2) && !(!strcmp(pos[0], "purge") && np == 1)) {
		error("usage: %s", USAGE);
		return EXIT_USAGE;
	}
	if (cmd_open(&env, db, key) < 0)
		return 1;
	if (!strcmp(pos[0], "export"))
		rc = export_batches(&env, out) < 0;
	else if (!strcmp(pos[0], "purge"))
		rc = purge(&env, dry_run) < 0;
	else if (env.keys.has_seal_sk && !(env.cfg.attach_dir = cmd_attach_dir(attach, db, key)))
		;       /* said why */
	else
		rc = import_batches(&env, pos + 1, np - 1) < 0;
	free((char *)env.cfg.attach_dir);
	cmd_close(&env);
	return rc;
}
