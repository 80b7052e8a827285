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
#include "core/arena.h"
#include "core/date.h"
#include "core/log.h"
#include "domain/case.h"
#include "model/user.h"
#include "domain/role.h"
#include "domain/user.h"
#include "office/table.h"

#define USAGE "qingfeng user add NAME --role ROLE --password-stdin [--display NAME] [--unit ID] [--office TEXT] [--principal]\n" \
	"   or: qingfeng user list | disable NAME | enable NAME | unlock NAME\n" \
	"   or: qingfeng user passwd NAME --password-stdin\n" \
	"   or: qingfeng user scope NAME --unit ID   (add a unit to a scoped user's jurisdiction)"

/* The accounts as an aligned table: Chinese names and offices take two
 * cells a character (office_text_table), so the columns line up. */
static int list_users(struct cmd_env *env)
{
	static const struct office_col cols[] = { { "name", 0, NULL }, { "role", 0, NULL },
		{ "state", 0, NULL }, { "office", 0, NULL }, { "principal", 0, NULL },
		{ "password", 0, NULL }, { "display name", 0, NULL } };
	enum { NC = sizeof(cols) / sizeof(cols[0]) };
	struct strbuf sb = STRBUF_INIT;
	struct office_table t = { .ncols = NC, .cols = cols };
	struct office_cell *cells;
	struct user *v;
	int n = user_list(&env->c, &v);

	if (n < 0)
		return error("cannot list users");
	cells = arena_alloc(env->c.a, (size_t)(n ? n : 1) * NC * sizeof(*cells));
	for (int i = 0; i < n; i++) {
		int64_t until;
		struct office_cell *row = cells + (size_t)i * NC;
		const char *state = v[i].disabled ? "disabled"
				  : user_locked(&env->c, v[i].name, &until) == 1 ? "locked" : "active";
		row[0] = office_text(v[i].name);
		row[1] = office_text(v[i].role);
		row[2] = office_text(state);
		row[3] = office_text(user_office(&env->c, v[i].id));
		row[4] = office_text(v[i].principal ? "yes" : "");
		/* set by an administrator: changed at the next login */
		row[5] = office_text(v[i].must_change_pw ? "to-change" : "");
		row[6] = office_text(v[i].display_name);
	}
	t.nrows = (size_t)n;
	t.cells = cells;
	office_text_table(&sb, &t);
	fputs(sb.buf, stdout);
	strbuf_release(&sb);
	return 0;
}

int cmd_user(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *role = NULL, *display = NULL, *unit = NULL, *office = NULL, *pos[2];
	int pw_stdin = 0, principal = 0;
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file (default <db>.key; required with PostgreSQL)" },
		{ "--role", &role, NULL, "role code (intake, case_manager, supervisor, investigator, trial, inspection, resident_group, township, leader, rectifier, sysadmin, secadmin, auditadmin)" },
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
		/* one lifecycle with the web page: pending until the security
		 * admin enables it, the password chosen by the operator changed
		 * at the first login */
		int64_t id = user_create(&env.c, pos[1], role, display, unit_id, pw,
					 USER_DISABLED | USER_MUST_CHANGE_PW, &err);
		if (id > 0 && principal && user_set_principal(&env.c, pos[1], 1, &err) < 0)
			id = -1;
		if (id > 0 && office && user_office_set(&env.c, pos[1], office, &err) < 0)
			id = -1;
		if (id > 0) {
			printf("qingfeng: user '%s' created (%s), pending: the security admin enables it "
			       "(qingfeng user enable %s, or the users page); the password is changed at the first login\n",
			       pos[1], role_label(role), pos[1]);
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
