/*
 * user.c: `qingfeng user add|list|disable|enable|passwd|unlock`: account
 * administration from the shell, through the same domain calls (and the
 * same audit entries) as the web pages.  Passwords come from standard
 * input only, never from the command line where `ps` would show them.
 *
 * `passwd` sets the password at once, unlike the system admin's web
 * reset, which waits for the security admin: the CLI runs as the machine's
 * operator with the key file, who can read every field anyway, and it is
 * the way to set up the first accounts and to recover when no security
 * admin can sign in (docs/security.md).  The user is told of it at the
 * next login.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cmd/cmd.h"
#include "core/date.h"
#include "core/log.h"
#include "domain/model.h"
#include "domain/role.h"
#include "domain/user.h"

#define USAGE "qingfeng user add NAME --role ROLE --password-stdin [--display NAME] [--unit ID] [--office TEXT] [--principal]\n" \
	"   or: qingfeng user list | disable NAME | enable NAME | unlock NAME\n" \
	"   or: qingfeng user passwd NAME --password-stdin\n" \
	"   or: qingfeng user scope NAME --unit ID   (add a unit to a scoped user's jurisdiction)"

static int list_users(struct cmd_env *env)
{
	struct user *v;
	int n = user_list(&env->c, &v);

	if (n < 0)
		return error("cannot list users");
	printf("%-20s %-16s %-10s %-16s %s\n", "name", "role", "state", "office", "display name");
	for (int i = 0; i < n; i++) {
		int64_t until;
		const char *state = v[i].disabled ? "disabled"
				  : user_locked(&env->c, v[i].name, &until) == 1 ? "locked" : "active";
		printf("%-20s %-16s %-10s %-16s %s\n", v[i].name, v[i].role, state,
		       user_office(&env->c, v[i].id), v[i].display_name);
	}
	return 0;
}

int cmd_user(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *role = NULL, *display = NULL, *unit = NULL, *office = NULL, *pos[2];
	int pw_stdin = 0, principal = 0;
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file (default <db>.key; required with PostgreSQL)" },
		{ "--role", &role, NULL, "role code (intake, case_manager, supervisor, investigator, trial, inspection, resident_group, township, leader, sysadmin, secadmin, auditadmin)" },
		{ "--display", &display, NULL, "the person's name as shown in the pages" },
		{ "--unit", &unit, NULL, "unit id (the jurisdiction of township and resident-group users)" },
		{ "--office", &office, NULL, "(add) the office (科室) the user works in" },
		{ "--password-stdin", NULL, &pw_stdin, "read the password from standard input" },
		{ "--principal", NULL, &principal, "(add, leader role) the commission's principal leader" },
		{ NULL, NULL, NULL, NULL }
	};
	struct strbuf err = STRBUF_INIT;
	struct cmd_env env;
	char pw[1100];
	int n = cmd_parse(argc, argv, specs, pos, 2, USAGE), rc = 1;
	const char *sub;
	int64_t unit_id = 0;
	int consumed = 0;

	if (n == -2)
		return 0;
	if (n < 1) {
		if (n == 0)
			error("usage: %s", USAGE);
		return EXIT_USAGE;
	}
	sub = pos[0];
	if (strcmp(sub, "list") && n != 2) {
		error("usage: %s", USAGE);
		return EXIT_USAGE;
	}
	if ((!strcmp(sub, "add") || !strcmp(sub, "passwd")) && !pw_stdin) {
		error("'%s' needs --password-stdin", sub);
		return EXIT_USAGE;
	}
	if (unit && (sscanf(unit, "%" SCNd64 "%n", &unit_id, &consumed) != 1 ||
		     unit[consumed] || unit_id <= 0)) {
		error("--unit takes a unit id (a positive whole number), not '%s'", unit);
		return EXIT_USAGE;
	}
	if (!strcmp(sub, "scope") && !unit) {
		error("'scope' needs --unit");
		return EXIT_USAGE;
	}
	if (!strcmp(sub, "add") && !role) {
		error("'add' needs --role");
		return EXIT_USAGE;
	}
	if (strcmp(sub, "add") && strcmp(sub, "list") && strcmp(sub, "disable") &&
	    strcmp(sub, "enable") && strcmp(sub, "passwd") && strcmp(sub, "unlock") &&
	    strcmp(sub, "scope")) {
		error("unknown user command '%s'", sub);
		return EXIT_USAGE;
	}
	if (pw_stdin && cmd_read_password(pw, sizeof(pw)) < 0)
		return 1;
	if (cmd_open(&env, cmd_db_path(db), key) < 0)
		return 1;
	if (!strcmp(sub, "list")) {
		rc = list_users(&env) < 0;
	} else if (!strcmp(sub, "add")) {
		int64_t id = user_create(&env.c, pos[1], role, display, unit_id, pw, 0, &err);
		if (id > 0 && principal && user_set_principal(&env.c, pos[1], 1, &err) < 0)
			id = -1;
		if (id > 0 && office && user_office_set(&env.c, pos[1], office, &err) < 0)
			id = -1;
		if (id > 0) {
			printf("qingfeng: user '%s' created (%s)\n", pos[1], role_label(role));
			rc = 0;
		}
	} else if (!strcmp(sub, "scope")) {
		rc = user_scope_add(&env.c, pos[1], unit_id, &err) < 0;
	} else if (!strcmp(sub, "passwd")) {
		rc = user_set_password(&env.c, pos[1], pw, 0, &err) < 0;
	} else if (!strcmp(sub, "unlock")) {
		rc = user_unlock(&env.c, pos[1], &err) < 0;
	} else {
		rc = user_set_disabled(&env.c, pos[1], !strcmp(sub, "disable"), &err) < 0;
	}
	if (rc && err.len)
		error("%s", err.buf);
	sodium_memzero(pw, sizeof(pw));
	strbuf_release(&err);
	cmd_close(&env);
	return rc;
}
