/*
 * audit.c: `qingfeng audit verify` walks the MAC chain of the audit log
 * and compares it with the checkpoint kept outside the database (the file
 * beside the key, or --checkpoint FILE, e.g. a copy taken from the log
 * server): exit 0 when both hold, 1 naming the first entry that does not
 * or the entries missing.  `qingfeng audit checkpoint` moves the
 * checkpoint forward (as the server does); `--reset` makes it the log as
 * it is now, after a verified chain, for a database restored from a
 * backup: the reset is itself an audit entry and a syslog line.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/log.h"
#include "domain/audit.h"

#define AUDIT_USAGE "qingfeng audit verify [--checkpoint FILE | --no-checkpoint] | " \
	"qingfeng audit checkpoint [--reset]"

/* verify: the chain, then the checkpoint (a missing default file is a
 * warning: a database copied elsewhere without it still verifies);
 * chain_only for a copy such as a backup, which is behind the live
 * database's checkpoint by design. */
static int audit_cmd_verify(struct cmd_env *env, const char *ckpt_opt, int chain_only)
{
	struct strbuf msg = STRBUF_INIT;
	struct audit_ckpt ck;
	int64_t bad = 0, count = 0;
	const char *path = ckpt_opt ? ckpt_opt : env->ckpt;
	int have = chain_only ? 0 : audit_ckpt_read(path, &ck, &msg), rc;

	if (have < 0 || (have == 0 && ckpt_opt)) {
		if (have < 0)
			error("%s", msg.buf);
		else
			error("no checkpoint '%s'", path);
		strbuf_release(&msg);
		return 1;
	}
	if (have == 0 && !chain_only)
		warning("no audit checkpoint '%s': deleted newest entries cannot be detected", path);
	rc = audit_verify(env->db, &env->keys, have ? &ck : NULL, &bad, &count, &msg);
	/* the line scripts match: the same with or without a checkpoint */
	if (rc == 0)
		printf("qingfeng: audit chain ok (%" PRId64 " entries)\n", count);
	else if (rc == 1 && have && bad > count)
		error("%s\n(a backup or an older copy is behind the checkpoint by design: verify it with "
		      "--no-checkpoint; after a deliberate restore run 'qingfeng audit checkpoint --reset')",
		      msg.buf);
	else if (rc == 1)
		error("%s", msg.buf);
	else
		error("cannot read the audit log");
	strbuf_release(&msg);
	return rc == 0 ? 0 : 1;
}

/* checkpoint [--reset]: forward only, or (reset) to the verified log as
 * it is, recorded as an entry of its own first */
static int audit_cmd_checkpoint(struct cmd_env *env, int reset)
{
	struct strbuf msg = STRBUF_INIT;
	struct audit_ckpt now;
	int rc;

	if (reset)
		rc = audit_checkpoint_reset(&env->c, env->ckpt, &now, &msg);
	else
		rc = audit_checkpoint(env->db, &env->keys, env->ckpt, 0, &now, &msg);
	if (rc < 0)
		error("audit checkpoint not %s: %s", reset ? "reset" : "moved", msg.buf);
	else
		printf("qingfeng: audit checkpoint %s: %" PRId64 " entries\n",
		       rc ? (reset ? "reset" : "moved") : "unchanged", now.count);
	strbuf_release(&msg);
	return rc < 0 ? 1 : 0;
}

int cmd_audit(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *ckpt = NULL, *pos[1];
	int reset = 0, chain_only = 0;
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file (holds the audit MAC key)" },
		{ "--checkpoint", &ckpt, NULL, "verify: the checkpoint file to compare with "
		  "(default: <key file>.audit or $QINGFENG_AUDIT_CHECKPOINT)" },
		{ "--no-checkpoint", NULL, &chain_only, "verify: the chain only (a backup or another copy)" },
		{ "--reset", NULL, &reset,
		  "checkpoint: take the log as it is now (after a restore; audited)" },
		{ NULL, NULL, NULL, NULL }
	};
	struct cmd_env env;
	int n = cmd_parse(argc, argv, specs, pos, 1, AUDIT_USAGE), rc;
	int verify = n == 1 && !strcmp(pos[0], "verify");
	int checkpoint = n == 1 && !strcmp(pos[0], "checkpoint");

	if (n == -2)
		return 0;
	if ((!verify && !checkpoint) || (verify && reset) || (checkpoint && (ckpt || chain_only)) ||
	    (ckpt && chain_only)) {
		if (n >= 0)
			error("usage: " AUDIT_USAGE);
		return EXIT_USAGE;
	}
	if (cmd_open(&env, cmd_db_path(db), key) < 0)
		return 1;
	rc = verify ? audit_cmd_verify(&env, ckpt, chain_only) : audit_cmd_checkpoint(&env, reset);
	cmd_close(&env);
	return rc;
}
