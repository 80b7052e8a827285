#ifndef QF_PAGES_NUMBERS_H
#define QF_PAGES_NUMBERS_H
/*
 * pages/numbers.h: the number patterns page (编号规则, issue 12; domain/
 * numbering.h): every kind of official number (线索编号, 立案编号, each
 * document's 文号) with the pattern in force, a preview of the next
 * number, the effective-dated history with sources, and the form adding a
 * pattern (PERM_DOC_TEMPLATES: the case management office).
 */
struct req;

int page_numbers(struct req *r);                /* GET /numbers[?kind=] */
int page_number_pattern_save(struct req *r);    /* POST /numbers */

#endif
