#ifndef QF_PAGES_RULES_H
#define QF_PAGES_RULES_H
/* rules.h: the handlers of pages/rules.c (the form table, 四种形态口径). */
struct req;

int page_form_rules(struct req *r);
int page_form_rule_add(struct req *r);

#endif
