#ifndef QF_API_RULES_H
#define QF_API_RULES_H
/* rules.h: the handlers of api/rules.c (/api/rules/..., the rule tables;
 * the table is the path's last segment). */
struct req;

int api_rule_table(struct req *r);
int api_rule_add(struct req *r);

#endif
