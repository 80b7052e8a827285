#ifndef QF_Q_SCOPE_H
#define QF_Q_SCOPE_H
/*
 * q_scope: the jurisdiction rule, written once.  Private to the q_*.c
 * query files; every statement that scopes by jurisdiction is composed
 * from these fragments at compile time (string literals concatenated
 * into its `static const struct store_sql`), so changing the rule is an
 * edit here and nowhere else.  tests/unit/test_scope.c runs the rule on a
 * unit tree and fails when src/ holds a copy of it outside this file.
 *
 * The rule: a scoped user (township commission, resident group: the
 * roles marked `scoped`) sees the units in user_scopes and all their
 * descendants, and the records whose unit is one of them; an unscoped
 * user sees every unit and every record, one without a unit included.
 *
 * Binding convention: each fragment holds exactly one `?`, the scope
 * user (authz_scope_user(): the user's id when scoped, 0 when not),
 * bound with store_bind_int in its place in the statement's parameter
 * order like any other `?`.  A statement opens with Q_SCOPE_WITH once
 * (or "WITH RECURSIVE " Q_SCOPE_CTE ", " its own CTEs), then writes one
 * Q_IN_SCOPE(column) per scoped condition; both bind the same value.
 * The CTE is named `vis` (one column, id); a statement may also read it
 * directly ("SELECT count(*) FROM vis WHERE id = ?").  The text is
 * plain SQL both backends run (PostgreSQL gets `?` rewritten to `$n`).
 * Two shortcuts in C skip the SQL for the unscoped user, relying on "0
 * sees everything": store_unit_visible (q_units.c) and the unfiltered
 * person list (q_persons.c); a rule that changes that changes them too.
 */

/* NAME(id): the ids of the units SEED selects and all their descendants
 * (a recursive CTE's body, to follow WITH RECURSIVE). */
#define Q_SUBTREE(NAME, SEED) NAME "(id) AS (" SEED " " \
	"UNION SELECT c.id FROM units c JOIN " NAME " ON c.parent_id = " NAME ".id)"

/* vis(id): the units visible to the scope user `?` (none for 0). */
#define Q_SCOPE_CTE Q_SUBTREE("vis", "SELECT unit_id FROM user_scopes WHERE user_id = ?")

/* Opens a scoped statement with the CTE vis. */
#define Q_SCOPE_WITH "WITH RECURSIVE " Q_SCOPE_CTE " "

/* The unit column COL is visible: true for the unscoped user (`?` = 0). */
#define Q_IN_SCOPE(COL) "(? = 0 OR " COL " IN (SELECT id FROM vis))"

#endif
