/*
 * export.c: `qingfeng export [--out FILE] [--with-sensitive]` writes every
 * record as JSON Lines (INTERCHANGE.md) to FILE or standard output.
 * Narrative text and reporter identity only with --with-sensitive.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cmd/cmd.h"
#include "core/log.h"
#include "domain/interchange.h"

int cmd_export(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *out = NULL, *pos[1];
	int sensitive = 0;
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file (default <db>.key; required with PostgreSQL)" },
		{ "--out", &out, NULL, "write to FILE (default: standard output)" },
		{ "--with-sensitive", NULL, &sensitive,
		  "include summaries and reporter identity, decrypted (audited)" },
		{ NULL, NULL, NULL, NULL }
	};
	struct strbuf err = STRBUF_INIT;
	struct ix_counts counts;
	struct cmd_env env;
	int n = cmd_parse(argc, argv, specs, pos, 0,
			  "qingfeng export [--out FILE] [--with-sensitive]");
	FILE *f = stdout;
	int rc;

	if (n == -2)
		return 0;
	if (n != 0)
		return EXIT_USAGE;
	if (cmd_open(&env, cmd_db_path(db), key) < 0)
		return 1;
	if (out && !(f = fopen(out, "wb"))) {
		cmd_close(&env);
		return error("cannot create '%s'", out), 1;
	}
	rc = ix_export(&env.c, f, sensitive, &counts, &err);
	if (f != stdout && fclose(f) != 0 && rc == 0) {
		strbuf_addf(&err, "cannot write '%s'", out);
		rc = -1;
	} else if (f == stdout && fflush(f) != 0 && rc == 0) {
		strbuf_addstr(&err, "cannot write to standard output");
		rc = -1;
	}
	if (rc < 0)
		error("export: %s", err.buf);
	else if (out)
		printf("qingfeng: exported %" PRId64 " records to %s\n", counts.total, out);
	strbuf_release(&err);
	cmd_close(&env);
	return rc < 0 ? 1 : 0;
}
