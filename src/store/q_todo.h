#ifndef QF_Q_TODO_H
#define QF_Q_TODO_H
/*
 * q_todo.h: the row of the statements that count a family's clocks for
 * the to-do list (domain/todo.h): per office, how many clocks are overdue
 * and how many are due within 3 working days.  Each statement takes the
 * two thresholds (the last overdue day, the last due-soon day: due days,
 * or start days where the due day is not stored) and groups by office.
 */
#include <stdint.h>

struct store_due_count {
	const char *office;      /* "" none known */
	int64_t overdue, soon;
};

/* For the store's statements: EXPR of the lead `lu` (users) of the case
 * whose id is K, NULL when it has none; Q_LEAD_OFFICE his office, ''
 * none.  The lead's row first, then its user by id: written as a join,
 * SQLite scanned users and probed case_team once a user for each case
 * (at 10M the 30,192 running trial reviews counted for the badge after
 * each write: 28 -> 13 ms; bench/README.md "outc16i"). */
#define Q_LEAD_USER(EXPR, K) "(SELECT (SELECT " EXPR " FROM users lu WHERE lu.id = t.user_id) " \
	"FROM case_team t WHERE t.case_id = " K " AND t.role = 'lead')"
#define Q_LEAD_OFFICE(K) "COALESCE(" Q_LEAD_USER("lu.office", K) ", '')"

#endif
