/*
 * test_scope.c: the jurisdiction rule of src/store/q_scope.h, the one text
 * every scoped statement is composed from (issue 9: it was copied into
 * five query files).  Runs the fragments on a migrated SQLite database
 * with a unit tree (which units each user sees, the unscoped user, a user
 * without scopes, a record without a unit, the unit filter's subtree),
 * checks the binding convention (one `?` per fragment), and fails when a
 * file under src/ holds a copy of the rule outside q_scope.h.  Tests run
 * at the root of the tree (they read src/).  The same SQL runs on
 * PostgreSQL in the black-box tests (t40_authz, t42_route_scan).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/unit.h"
#include "model/user.h"
#include "store/q_scope.h"
#include "store/q_units.h"
#include "store/q_users.h"
#include "store/store.h"
#include "tmpdb.h"

static struct store *db;
/* users: a scoped to A, b to B1, ab to A1 and B, none to nothing */
static int64_t u_a, u_b, u_ab, u_none;
static int64_t unit_a;

static const struct store_sql Q_VISIBLE_NAMES = {
	Q_SCOPE_WITH "SELECT u.name FROM units u WHERE " Q_IN_SCOPE("u.id") " ORDER BY u.name", NULL };
static const struct store_sql Q_VIS_NAMES = {
	Q_SCOPE_WITH "SELECT u.name FROM vis JOIN units u ON u.id = vis.id ORDER BY u.name", NULL };
/* a record without a unit (a report naming nobody) */
static const struct store_sql Q_NO_UNIT = {
	Q_SCOPE_WITH "SELECT count(*) FROM (SELECT CAST(NULL AS BIGINT) AS unit_id) r "
	"WHERE " Q_IN_SCOPE("r.unit_id"), NULL };
static const struct store_sql Q_SUBTREE_NAMES = {
	"WITH RECURSIVE " Q_SUBTREE("sub", "SELECT CAST(? AS BIGINT)") " "
	"SELECT u.name FROM sub JOIN units u ON u.id = sub.id ORDER BY u.name", NULL };

static int64_t add_unit(const char *name, int64_t parent, const char *kind)
{
	struct unit u = { .parent_id = parent, .region = "331081", .name = name, .kind = kind };

	return store_unit_insert(db, &u, 1700000000);
}

static int64_t add_user(const char *name, const char *role)
{
	struct user u = { .region = "331081", .name = name, .display_name = name, .role = role };

	return store_user_insert(db, &u, "x", 1700000000);
}

static int group_setup(void **state)
{
	int64_t r, a1, b, b1;

	if (!(db = tmpdb_open("scope")))
		return -1;
	/* R > A > A1 > A1x, A > A2; R > B > B1; C alone */
	r = add_unit("R", 0, "department");
	unit_a = add_unit("A", r, "township");
	a1 = add_unit("A1", unit_a, "village");
	add_unit("A1x", a1, "other");
	add_unit("A2", unit_a, "village");
	b = add_unit("B", r, "township");
	b1 = add_unit("B1", b, "village");
	add_unit("C", 0, "enterprise");
	u_a = add_user("a", "township");
	u_b = add_user("b", "resident_group");
	u_ab = add_user("ab", "township");
	u_none = add_user("none", "township");
	if (r <= 0 || a1 <= 0 || b1 <= 0 || u_a <= 0 || u_b <= 0 || u_ab <= 0 || u_none <= 0)
		return -1;
	if (store_scope_add(db, u_a, unit_a) < 0 || store_scope_add(db, u_b, b1) < 0 ||
	    store_scope_add(db, u_ab, a1) < 0 || store_scope_add(db, u_ab, b) < 0)
		return -1;
	return 0;
}

static int group_teardown(void **state)
{
	return tmpdb_close(db);
}

/* The names a statement returns for parameter v (bound to every `?`),
 * joined by commas. */
static void names(const struct store_sql *q, int64_t v, int nparams, char *buf, size_t n)
{
	struct store_stmt *st = store_prepare(db, q);
	size_t len = 0;
	int rc;

	assert_non_null(st);
	for (int i = 1; i <= nparams; i++)
		store_bind_int(st, i, v);
	buf[0] = '\0';
	while ((rc = store_step(st)) == STORE_ROW)
		len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? "," : "", store_col_text(st, 0));
	store_reset(st);
	assert_int_equal(rc, STORE_DONE);
	assert_true(len < n);
}

static int64_t count(const struct store_sql *q, int64_t v)
{
	struct store_stmt *st = store_prepare(db, q);
	int64_t c;

	assert_non_null(st);
	store_bind_int(st, 1, v);
	store_bind_int(st, 2, v);
	assert_int_equal(store_step(st), STORE_ROW);
	c = store_col_int(st, 0);
	store_reset(st);
	return c;
}

/* Which units each user sees, through Q_IN_SCOPE and through vis alone. */
static void test_visible_units(void **state)
{
	static const struct {
		int64_t *user;
		const char *in_scope, *vis;
	} want[] = {
		{ &u_a, "A,A1,A1x,A2", "A,A1,A1x,A2" },
		{ &u_b, "B1", "B1" },
		{ &u_ab, "A1,A1x,B,B1", "A1,A1x,B,B1" },
		{ &u_none, "", "" },
	};
	char got[256];

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		names(&Q_VISIBLE_NAMES, *want[i].user, 2, got, sizeof(got));
		assert_string_equal(got, want[i].in_scope);
		names(&Q_VIS_NAMES, *want[i].user, 1, got, sizeof(got));
		assert_string_equal(got, want[i].vis);
	}
	/* the unscoped user (0) sees every unit; vis itself is empty */
	names(&Q_VISIBLE_NAMES, 0, 2, got, sizeof(got));
	assert_string_equal(got, "A,A1,A1x,A2,B,B1,C,R");
	names(&Q_VIS_NAMES, 0, 1, got, sizeof(got));
	assert_string_equal(got, "");
}

/* A record without a unit: only the unscoped user sees it. */
static void test_no_unit(void **state)
{
	assert_int_equal(count(&Q_NO_UNIT, 0), 1);
	assert_int_equal(count(&Q_NO_UNIT, u_a), 0);
	assert_int_equal(count(&Q_NO_UNIT, u_none), 0);
}

/* store_unit_visible, the check every detail and write goes through,
 * agrees with the lists. */
static void test_unit_visible(void **state)
{
	assert_int_equal(store_unit_visible(db, u_a, unit_a), 1);
	assert_int_equal(store_unit_visible(db, u_b, unit_a), 0);
	assert_int_equal(store_unit_visible(db, u_ab, unit_a), 0);
	assert_int_equal(store_unit_visible(db, u_none, unit_a), 0);
	assert_int_equal(store_unit_visible(db, 0, unit_a), 1);
}

/* The unit filter's subtree: the unit and its descendants. */
static void test_subtree(void **state)
{
	char got[256];

	names(&Q_SUBTREE_NAMES, unit_a, 1, got, sizeof(got));
	assert_string_equal(got, "A,A1,A1x,A2");
}

static int params(const char *sql)
{
	int n = 0;

	for (; *sql; sql++)
		n += *sql == '?';
	return n;
}

/* The binding convention: each fragment holds one `?`, the scope user.
 * A rule that needs more changes every binding site: this fails first. */
static void test_one_param(void **state)
{
	assert_int_equal(params(Q_SCOPE_CTE), 1);
	assert_int_equal(params(Q_SCOPE_WITH), 1);
	assert_int_equal(params(Q_IN_SCOPE("x.unit_id")), 1);
	assert_int_equal(params(Q_SUBTREE("t", "SELECT 1")), 0);
}

/* ---- one definition ------------------------------------------------------ */

/* Texts that only a definition of the rule holds, in the form norm()
 * gives them (lower case, no blanks, quotes or backslashes). */
static const char *const rule_marks[] = { "user_scopes", "vis(id)as(", "in(selectidfromvis)" };
/* The files that may hold them: the fragment (every mark) and the
 * queries that grant and list scopes (user_scopes only).  Only .c and .h
 * files are read: the schema (the .sql migrations) creates the table. */
static const char *const rule_owners[] = { "src/store/q_scope.h", "src/store/q_users.c" };
static char copies[4096];

static size_t norm(char *s)
{
	size_t j = 0;

	for (size_t i = 0; s[i]; i++)
		if (!isspace((unsigned char)s[i]) && s[i] != '"' && s[i] != '\\')
			s[j++] = (char)tolower((unsigned char)s[i]);
	s[j] = '\0';
	return j;
}

static int scan_file(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	size_t len = strlen(path), n;
	char *text;
	FILE *f;

	if (type != FTW_F || len < 2 || (strcmp(path + len - 2, ".c") && strcmp(path + len - 2, ".h")))
		return 0;
	f = fopen(path, "rb");
	if (!f)
		return -1;
	text = malloc((size_t)sb->st_size + 1);
	n = text ? fread(text, 1, (size_t)sb->st_size, f) : 0;
	fclose(f);
	if (!text)
		return -1;
	text[n] = '\0';
	norm(text);
	for (size_t i = 0; i < sizeof(rule_marks) / sizeof(rule_marks[0]); i++) {
		int owner = !strcmp(path, rule_owners[0]) || (i == 0 && !strcmp(path, rule_owners[1]));
		if (!owner && strstr(text, rule_marks[i])) {
			size_t used = strlen(copies);
			snprintf(copies + used, sizeof(copies) - used, "  %s: %s\n", path, rule_marks[i]);
		}
	}
	free(text);
	return 0;
}

/* Fails when a file under src/ holds the rule's text outside q_scope.h:
 * a statement must be composed from the fragment, not from a copy. */
static void test_one_definition(void **state)
{
	copies[0] = '\0';
	assert_int_equal(access("src/store/q_scope.h", R_OK), 0);
	assert_int_equal(nftw("src", scan_file, 16, FTW_PHYS), 0);
	if (copies[0])
		fail_msg("the jurisdiction rule is written outside src/store/q_scope.h "
			 "(use Q_SCOPE_WITH and Q_IN_SCOPE):\n%s", copies);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_visible_units),
		cmocka_unit_test(test_no_unit),
		cmocka_unit_test(test_unit_visible),
		cmocka_unit_test(test_subtree),
		cmocka_unit_test(test_one_param),
		cmocka_unit_test(test_one_definition),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
