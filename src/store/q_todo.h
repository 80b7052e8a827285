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

#endif
