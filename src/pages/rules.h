#ifndef QF_PAGES_RULES_H
#define QF_PAGES_RULES_H
/* rules.h: the handlers of pages/rules.c (/rules, the rule tables). */
struct req;

int page_rules_index(struct req *r);
/* /rules/{forms,periods,clocks,detention,jurisdiction}: the table is the
 * path's last segment */
int page_rule_table(struct req *r);
int page_rule_add(struct req *r);

#endif
