/*
 * backup.c: `qingfeng backup FILE` copies the database with SQLite's
 * online backup API: consistent while the server writes.  The key file is
 * not copied: keep it apart from the backups.  The attachments folder is
 * copied after the database to FILE.attachments (attach_copy.c).
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/log.h"
#include "domain/audit.h"
#include "store/store.h"

int cmd_backup(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *attach = NULL, *pos[1];
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file (default <db>.key; required with PostgreSQL)" },
		{ "--attachments", &attach, NULL, "attachments folder, copied to FILE.attachments (default: as serve)" },
		{ NULL, NULL, NULL, NULL }
	};
	struct cmd_env env;
	char err[512];
	int n = cmd_parse(argc, argv, specs, pos, 1, "qingfeng backup FILE   (SQLite: a consistent copy; PostgreSQL: pg_dump custom format)"), rc = 1;

	if (n == -2)
		return 0;
	if (n != 1) {
		if (n == 0)
			error("usage: qingfeng backup FILE");
		return EXIT_USAGE;
	}
	if (cmd_open(&env, cmd_db_path(db), key) < 0)
		return 1;
	if (store_backup(env.db, pos[0], err, sizeof(err)) < 0) {
		error("backup failed: %s", err);
		audit_record(&env.c, AEV_BACKUP, pos[0], 0, err);
	} else {
		char *dir = cmd_attach_dir(attach, cmd_db_path(db), key);
		const char *to = arena_printf(env.a, "%s.attachments", pos[0]);
		int copied = 0;

		if (dir && cmd_attach_copy(dir, to, &copied) == 0) {
			audit_record(&env.c, AEV_BACKUP, pos[0], 1,
				     arena_printf(env.a, "附件 %d 个文件", copied));
			printf("qingfeng: backup written to %s (attachments: %d files in %s)\n", pos[0],
			       copied, to);
			rc = 0;
		} else {
			audit_record(&env.c, AEV_BACKUP, pos[0], 0, "attachments not copied");
		}
		free(dir);
	}
	cmd_close(&env);
	return rc;
}
