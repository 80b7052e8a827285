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
 *   qingfeng ferry key pull-secret --out FILE   a new shared key for the
 *                                      pull, stored here and written to
 *                                      FILE (mode 0600) for the other side
 *   qingfeng ferry key pull-secret FILE|-    the other side's, stored here
 *   qingfeng ferry pull URL [--ca FILE]      intranet: one pull over HTTPS
 *                                      (domain/ferry_pull.h)
 *
 * Which side a process is comes from its key file: the intranet's holds
 * the sealing secret (made by init), a public instance's does not (init
 * --public).  A batch file is written whole and synced before the command
 * reports success.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "cmd/cmd.h"
#include "core/crypto.h"
#include "core/httpc.h"
#include "core/log.h"
#include "domain/ferry.h"
#include "domain/ferry_pull.h"
#include "domain/public_purge.h"
#include "domain/rating_key.h"
#include "store/store.h"

#define USAGE "qingfeng ferry export --out FILE | ferry import FILE... | ferry pull URL [--ca FILE] [--allow-http] | ferry purge [--dry-run] | ferry key export [--out FILE] | ferry key import FILE | ferry key pull-secret (--out FILE | FILE | -)"
#define FILES_MAX 64
#define FERRY_MAX (512u * 1024 * 1024)

/* Reads a whole file into sb.  0 or -1 (printed). */
static int read_whole(const char *path, struct strbuf *sb)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char buf[65536];
	size_t n;

	if (!f)
		return error("cannot open '%s': %s", path, strerror(errno));
	strbuf_setmax(sb, FERRY_MAX);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (strbuf_add(sb, buf, n) < 0) {
			if (f != stdin)
				fclose(f);
			return error("'%s' is too large for a ferry file", path);
		}
	if (ferror(f)) {
		if (f != stdin)
			fclose(f);
		return error("cannot read '%s'", path);
	}
	if (f != stdin)
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

/* `ferry key pull-secret`: a new shared key written to out (a new file,
 * mode 0600), or the other side's read from file ("-": standard input);
 * stored in the key file either way.  Never on the command line. */
static int pull_secret(const char *keypath, const char *file, const char *out)
{
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;
	char hex[2 * QF_KEY_BYTES + 1];
	int fd = -1, rc = -1;

	if (!!file == !!out) {
		error("usage: qingfeng ferry key pull-secret --out FILE (a new key) | FILE | - (the other side's)");
		return -1;
	}
	if (out && (fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
		return error("cannot create '%s': %s (it must not exist yet)", out, strerror(errno));
	if (file && read_whole(file, &sb) < 0)
		goto done;
	if (ferrykey_pull_secret(keypath, file ? sb.buf : NULL, hex, &err) < 0) {
		error("%s", err.buf);
		goto done;
	}
	if (out) {
		char line[sizeof(hex) + 1];
		snprintf(line, sizeof(line), "%s\n", hex);
		if (write(fd, line, strlen(line)) != (ssize_t)strlen(line) || fsync(fd) < 0) {
			error("cannot write '%s': %s", out, strerror(errno));
			sodium_memzero(line, sizeof(line));
			goto done;
		}
		sodium_memzero(line, sizeof(line));
		fprintf(stderr, "qingfeng: stored a new pull secret in %s and wrote it to %s: carry it "
			"to the other side ('ferry key pull-secret %s' there), then delete it\n",
			keypath, out, out);
	} else {
		fprintf(stderr, "qingfeng: stored the pull secret in %s\n", keypath);
	}
	rc = 0;
done:
	if (fd >= 0) {
		close(fd);
		if (rc < 0)
			unlink(out);
	}
	sodium_memzero(hex, sizeof(hex));
	if (sb.buf)
		sodium_memzero(sb.buf, sb.len);
	strbuf_release(&sb);
	strbuf_release(&err);
	return rc;
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
	if (!strcmp(sub, "pull-secret"))
		return crypto_setup() < 0 ? error("cannot set up the crypto library")
					  : pull_secret(keypath, file, out);
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
	       dry_run ? " would go" : " purged");
	if (!dry_run)
		printf(" (%" PRId64 " statuses brought up to date)", n.refreshed);
	printf("; %" PRId64 " recent rating keys older than %d days\n", n.recent, RATING_KEY_DAYS);
	return 0;
}

/* pull: one pull over HTTPS from the public instance at url (intranet) */
static int pull(struct cmd_env *env, const char *url, const char *ca, int allow_http,
		const char *attach, const char *db, const char *key)
{
	struct ferry_pull_opts po = { url, ca, allow_http, NULL };
	struct ferry_counts in, back;
	struct strbuf err = STRBUF_INIT;
	int rc = -1;

	if (!(env->cfg.attach_dir = cmd_attach_dir(attach, db, key)))
		;       /* said why */
	else if (httpc_setup() < 0)
		error("cannot set up the HTTP client");
	else if (ferry_pull(&env->c, &po, &in, &back, &err) < 0)
		error("ferry pull from '%s' failed: %s", url, err.buf);
	else {
		printf("qingfeng: ferry pull: inbox %d items, %d applied, %d skipped; replies %d "
		       "items, %d applied, %d skipped\n", in.items, in.applied, in.skipped,
		       back.items, back.applied, back.skipped);
		rc = 0;
	}
	strbuf_release(&err);
	return rc;
}

int cmd_ferry(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *out = NULL, *attach = NULL, *ca = NULL, *pos[FILES_MAX + 1] = { 0 };
	int allow_http = 0, dry_run = 0;
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database (default var/qingfeng.db or $QINGFENG_DB)" },
		{ "--key", &key, NULL, "key file (default: beside the database)" },
		{ "--out", &out, NULL, "file to write (export; an inbox past 256 MiB goes on in FILE.2, FILE.3 ...)" },
		{ "--attachments", &attach, NULL, "attachments folder the reports' files go to (import on the "
						  "intranet; default as serve's)" },
		{ "--ca", &ca, NULL, "pull: PEM CA file that verifies the public instance's certificate "
				     "(default: the system's trust store)" },
		{ "--allow-http", NULL, &allow_http, "pull: allow a plain http:// URL (for tests: the "
						   "traffic is then readable on the network)" },
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
	    (!strcmp(pos[1], "export") || !strcmp(pos[1], "import") || !strcmp(pos[1], "pull-secret")))
		return key_command(pos[1], pos[2], out, db, key) < 0 ? 1 : 0;
	if (!(!strcmp(pos[0], "export") && np == 1 && out) &&
	    !(!strcmp(pos[0], "import") && np >= 2) && !(!strcmp(pos[0], "purge") && np == 1) &&
	    !(!strcmp(pos[0], "pull") && np == 2)) {
		error("usage: %s", USAGE);
		return EXIT_USAGE;
	}
	if (cmd_open(&env, db, key) < 0)
		return 1;
	if (!strcmp(pos[0], "pull"))
		rc = pull(&env, pos[1], ca, allow_http, attach, db, key) < 0;
	else if (!strcmp(pos[0], "export"))
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
