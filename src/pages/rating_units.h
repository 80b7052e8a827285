#ifndef QF_PAGES_RATING_UNITS_H
#define QF_PAGES_RATING_UNITS_H
/*
 * pages/rating_units: the table of /ratings that gives each unit's
 * ratings and good rate for the period (issue 16, exec16).  At national
 * scale a period has ratings for a thousand units and more: the table
 * shows the RATING_UNITS_SHOWN units with the most ratings, then one row
 * 「其余N个单位」 with the sums of all the others, and the 合计 of every
 * unit, exact; any unit is found with the page's 单位（含下级） filter.
 * The figures' definitions are docs/statistics.md's (好评率 = 五星好评 ÷
 * 评价数).  Nothing here owns memory: the rows are the request's arena's.
 */
#include "model/rating.h"

struct req;
struct strbuf;

#define RATING_UNITS_SHOWN 50

/* Appends the table of rows u[0..n) (every unit of the period, in any
 * order; reordered in place) to sb. */
void rating_unit_table(struct req *r, struct strbuf *sb, struct rating_unit_row *u, int n);

#endif
