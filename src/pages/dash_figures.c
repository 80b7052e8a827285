/*
 * dash_figures.c: the key figures of the dashboard, this year against
 * last year (issue 11).  Waits for the metrics module (branch metrics:
 * metrics_compute); until it is merged the dashboard shows its
 * breakdowns only.
 */
#include "pages/home.h"

void dash_figures(struct req *r, struct strbuf *sb, int year)
{
	(void)r;
	(void)sb;
	(void)year;
}
