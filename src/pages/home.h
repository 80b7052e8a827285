#ifndef QF_PAGES_HOME_H
#define QF_PAGES_HOME_H
/*
 * pages/home: the home page with the user's to-dos (home.c) and, for the
 * leaders and the case manager, the dashboard (dash.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_home(struct req *r);

/* The dashboard (dash.c): the section of the home page for the roles of
 * dash_shown (domain/dash.h); dash_figures the key figures of `year`
 * against the year before (dash_figures.c). */
struct strbuf;
struct dash_data;
#define DASH_NARROW 360         /* the viewBox width of a chart in a grid cell (~320 px) */
void dash_section(struct req *r, struct strbuf *sb);
void dash_figures(struct req *r, struct strbuf *sb, int year, const struct dash_data *dd);
/* The to-dos of pg's first k offices by office, overdue and due soon (the
 * exact counts), as a chart whose bars link to the offices' tables
 * (#todo-1 ... in the order of pg's offices).  The dashboard shows at most
 * DASH_OFFICES of them, the most urgent first: a national case manager's
 * items fall under hundreds of offices (a chart 13,000 px tall and 416 KB
 * of tables at 10M records, bench/README.md "Every family at 10M"); the
 * rest are summed in a line that links to /notices. */
struct todo_page;
#define DASH_OFFICES 8
void dash_offices(struct req *r, struct strbuf *sb, const struct todo_page *pg, int k);
/* A figure as a table cell <td class="num">: its display, linked to the
 * list of its records for period p and scope s when the user may open it
 * (dash_figures.c; the statistics page too). */
struct metric_value;
struct metric_period;
struct metric_scope;
void dash_figure_cell(struct req *r, struct strbuf *sb, const struct metric_value *v,
		      const struct metric_period *p, const struct metric_scope *s);
/* The dashboard's year: the query argument year, or this year. */
int dash_year(struct req *r);

#endif
