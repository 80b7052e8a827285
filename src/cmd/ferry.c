/*
 * ferry.c: `qingfeng ferry`, the public channel's ferry between the public
 * instance and the intranet (issue 13, docs/operations.md "The public
 * channel").
 *
 *   qingfeng ferry export --out FILE   public side: the sealed inbox;
 *                                      intranet: the replies (status,
 *                                      answers, what was collected)
 *   qingfeng ferry import FILE         the other side's batch, checked
 *                                      against its verify key, one
 *                                      transaction, idempotent
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
#include "store/store.h"

#define USAGE "qingfeng ferry export --out FILE | ferry import FILE | ferry pull URL [--ca FILE] [--allow-http] | ferry key export [--out FILE] | ferry key import FILE | ferry key pull-secret (--out FILE | FILE | -)"
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

int cmd_ferry(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *out = NULL, *attach = NULL, *ca = NULL, *pos[3] = { 0 };
	int allow_http = 0;
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database (default var/qingfeng.db or $QINGFENG_DB)" },
		{ "--key", &key, NULL, "key file (default: beside the database)" },
		{ "--out", &out, NULL, "file to write (export)" },
		{ "--attachments", &attach, NULL, "attachments folder the reports' files go to (import on the "
						  "intranet; default as serve's)" },
		{ "--ca", &ca, NULL, "pull: PEM CA file that verifies the public instance's certificate "
				     "(default: the system's trust store)" },
		{ "--allow-http", NULL, &allow_http, "pull: allow a plain http:// URL (for tests: the "
						   "traffic is then readable on the network)" },
		{ NULL, NULL, NULL, NULL }
	};
	struct strbuf sb = STRBUF_INIT, err = STRBUF_INIT;
	struct ferry_counts n;
	struct cmd_env env;
	int np = cmd_parse(argc, argv, specs, pos, 3, USAGE), rc = 1;

	if (np == -2)
		return 0;
	if (np < 1) {
		if (np == 0)
			error("usage: %s", USAGE);
		return EXIT_USAGE;
	}
	db = cmd_db_path(db);
	if (!strcmp(pos[0], "key") && np >= 2 &&
	    (!strcmp(pos[1], "export") || !strcmp(pos[1], "import") || !strcmp(pos[1], "pull-secret")))
		return key_command(pos[1], pos[2], out, db, key) < 0 ? 1 : 0;
	if (!(!strcmp(pos[0], "export") && np == 1 && out) &&
	    !(!strcmp(pos[0], "import") && np == 2) && !(!strcmp(pos[0], "pull") && np == 2)) {
		error("usage: %s", USAGE);
		return EXIT_USAGE;
	}
	if (!strcmp(pos[0], "import") && read_whole(pos[1], &sb) < 0)
		return 1;
	if (cmd_open(&env, db, key) < 0) {
		strbuf_release(&sb);
		return 1;
	}
	if (!strcmp(pos[0], "pull")) {
		struct ferry_pull_opts po = { pos[1], ca, allow_http, NULL };
		struct ferry_counts back;
		if (!(env.cfg.attach_dir = cmd_attach_dir(attach, db, key)))
			;       /* said why */
		else if (httpc_setup() < 0)
			error("cannot set up the HTTP client");
		else if (ferry_pull(&env.c, &po, &n, &back, &err) < 0)
			error("ferry pull from '%s' failed: %s", pos[1], err.buf);
		else {
			printf("qingfeng: ferry pull: inbox %d items, %d applied, %d skipped; replies %d "
			       "items, %d applied, %d skipped\n", n.items, n.applied, n.skipped,
			       back.items, back.applied, back.skipped);
			rc = 0;
		}
	} else if (!strcmp(pos[0], "export")) {
		int r = env.keys.has_seal_sk ? ferry_export_replies(&env.c, &sb, &err)
					     : ferry_export_inbox(&env.c, &sb, &err);
		if (r < 0)
			error("%s", err.buf);
		else if (write_whole(out, &sb) == 0) {
			fprintf(stderr, "qingfeng: wrote %s batch %s\n",
				env.keys.has_seal_sk ? "a reply" : "an inbox", out);
			rc = 0;
		}
	} else if (env.keys.has_seal_sk &&
		   !(env.cfg.attach_dir = cmd_attach_dir(attach, db, key))) {
		;       /* said why */
	} else if (ferry_import(&env.c, sb.buf, sb.len, &n, &err) < 0) {
		error("ferry import '%s' refused: %s", pos[1], err.buf);
	} else {
		printf("qingfeng: ferry import: %d items, %d applied, %d skipped (seen before or unknown)\n",
		       n.items, n.applied, n.skipped);
		rc = 0;
	}
	free((char *)env.cfg.attach_dir);
	cmd_close(&env);
	strbuf_release(&sb);
	strbuf_release(&err);
	return rc;
}
