/*
 * audit.c: `qingfeng audit verify` walks the MAC chain of the audit log:
 * exit 0 when it holds, 1 naming the first entry that does not.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/log.h"
#include "domain/audit.h"

int cmd_audit(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *pos[1];
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file (holds the audit MAC key)" },
		{ NULL, NULL, NULL, NULL }
	};
	struct strbuf msg = STRBUF_INIT;
	struct cmd_env env;
	int64_t bad = 0, count = 0;
	int n = cmd_parse(argc, argv, specs, pos, 1, "qingfeng audit verify"), rc;

	if (n == -2)
		return 0;
	if (n != 1 || strcmp(pos[0], "verify")) {
		if (n >= 0)
			error("usage: qingfeng audit verify");
		return EXIT_USAGE;
	}
	if (cmd_open(&env, cmd_db_path(db), key) < 0)
		return 1;
	rc = audit_verify(env.db, &env.keys, &bad, &count, &msg);
	if (rc == 0)
		printf("qingfeng: audit chain ok (%" PRId64 " entries)\n", count);
	else if (rc == 1)
		error("%s", msg.buf);
	else
		error("cannot read the audit log");
	strbuf_release(&msg);
	cmd_close(&env);
	return rc == 0 ? 0 : 1;
}
