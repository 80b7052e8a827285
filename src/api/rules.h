#ifndef QF_API_RULES_H
#define QF_API_RULES_H
/* rules.h: the handlers of api/rules.c (/api/rules/forms). */
struct req;

int api_form_rules(struct req *r);
int api_form_rule_add(struct req *r);

#endif
