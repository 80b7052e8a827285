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

/*
 * A scoped user's list (issue 16, exec16).  Q_IN_SCOPE is an OR no index
 * can drive: a township's user with few rows in a large table scans the
 * table to find them.  So a list has a statement per kind of user: STMT(LEAD)
 * is the list's statement with its WHERE opened by LEAD; Q_SCOPE_PAIR
 * makes [0] for every user (LEAD "WHERE ") and [1] for a scoped user, led
 * by the rule as an index condition on COL (the units of vis, then an
 * index whose first column is COL).  The lead has no parameter and the
 * WHERE keeps its Q_IN_SCOPE, so both statements bind the same values in
 * the same order; the variant is Q_SCOPE_VARIANT(scope user).  A count
 * gains whatever the jurisdiction's size; a page in an order another index
 * gives may not (it stops at its end, where the lead sorts all the
 * jurisdiction's rows): bench/README.md "exec16".  The same
 * shape as the clues' statements per filter (q_clues.c); Q_LEAD_PAIR for
 * another lead (a case handler's team: q_cases.c).
 */
#define Q_SCOPE_LEAD(COL) "WHERE " COL " IN (SELECT id FROM vis) AND "
#define Q_LEAD_PAIR(STMT, LEAD) { STMT("WHERE "), STMT(LEAD) }
#define Q_SCOPE_PAIR(STMT, COL) Q_LEAD_PAIR(STMT, Q_SCOPE_LEAD(COL))
#define Q_SCOPE_VARIANT(scope_user) ((scope_user) != 0)

/*
 * A scoped user's page (sparse16): led by the jurisdiction it reads the
 * jurisdiction's rows and sorts those that match; in the order of another
 * index it reads rows until it has a page of its own, the whole table
 * when the jurisdiction holds fewer.  The count just taken (capped, the
 * same filter, led) says which: below Q_SCOPE_PAGE_LEAD_BELOW matching rows
 * the led page (at most that many rows sorted), else the walk in order
 * (a jurisdiction that dense finds a page within a few hundred rows of
 * the table per row shown).  The constant: bench/README.md "sparse16".
 * count < 0: not taken (the walk).
 */
#define Q_SCOPE_PAGE_LEAD_BELOW 10000
#define Q_SCOPE_PAGE_VARIANT(scope_user, count) \
	((scope_user) != 0 && (count) >= 0 && (count) < Q_SCOPE_PAGE_LEAD_BELOW)

/*
 * The led page's keys first (sparse16b).  Sorting the jurisdiction's rows
 * with their columns (a subject's names, the joins) cost about 0.03 ms a
 * row; Q_PAGE_KEYS picks the page's KEYs in an inner statement that reads
 * FROM_WHERE's index alone (the lead's index holds the sort column and
 * the id: clues_unit_received, problems_unit_found; the filters that are
 * off read no row), sorted by ORDER and cut by LIMIT ? OFFSET ?, and the
 * outer statement reads the columns of those rows only, in ORDER again.
 * The parameters stay in the list's order (its columns', its WHERE's,
 * LIMIT, OFFSET).  PICK is the inner statement's ORDER BY: ORDER, or its
 * sort column as an expression ("k.received || ''") where SQLite would
 * otherwise walk another index in that order for the LIMIT (the clues: 7.8
 * s for a township of 100 at 1M, bench/README.md "sparse16b").
 */
#define Q_PAGE_KEYS(KEY, FROM_WHERE, PICK, ORDER) \
	KEY " IN (SELECT " KEY " " FROM_WHERE PICK "LIMIT ? OFFSET ?) " ORDER

/*
 * PostgreSQL's lead (pgplan16f).  PostgreSQL estimates the recursive vis
 * at 1,001 units whatever user_scopes holds (1 + 10 x 100), so behind
 * `COL IN (SELECT id FROM vis)` it expects half a national table and
 * reads all of it (a sequential scan, a hash join): 110-330 ms at 1M for a
 * township of 100.  `COL = ANY (ARRAY(SELECT id FROM vis))` is an index
 * condition it answers from the lead's index (8 ms; the clues' capped count
 * 111 -> 3 ms): bench/README.md "pgplan16f".  The same rows (a NULL COL
 * matches neither); SQLite keeps Q_SCOPE_LEAD (it has no arrays).  Not
 * always the better: where the IN form already gets a nested loop over
 * vis (the problems' counts, problems_unit) the array's bitmap scan was
 * slower; measure per statement.  Used by the clues' scoped count and led
 * page and the problems' led page.
 */
#define Q_SCOPE_LEAD_PG(COL) "WHERE " COL " = ANY (ARRAY(SELECT id FROM vis)) AND "

/*
 * PostgreSQL's text for the unscoped user (pgplan16j).  Q_IN_SCOPE is an
 * optional filter: its generic plan costs the subplan over vis though the
 * unscoped user (`?` = 0) never runs it, so PostgreSQL plans such a
 * statement anew on every execution.  Q_IN_SCOPE_ALL keeps the `?` as a
 * one-time test and drops the subplan (vis then unreferenced, not planned):
 * the same rows for `?` = 0, the same parameters.  STMT(IN) is the statement
 * with IN(COL) in place of Q_IN_SCOPE(COL); Q_SCOPE_PG_PAIR makes [0] for
 * the unscoped user (PostgreSQL's own text) and [1] for a scoped one, indexed
 * by Q_SCOPE_VARIANT(scope user).  SQLite runs Q_IN_SCOPE in both.
 */
#define Q_IN_SCOPE_ALL(COL) "(? = 0)"
#define Q_SCOPE_PG_PAIR(STMT) { { STMT(Q_IN_SCOPE), STMT(Q_IN_SCOPE_ALL) }, { STMT(Q_IN_SCOPE), NULL } }

#endif
