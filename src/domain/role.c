/*
 * role.c: the role table.  The three admin roles (三员分立) have no
 * permission on units' people or case content; only the audit admin reads
 * the audit log.  Jurisdiction-scoped roles read only their units.
 */
#include "domain/role.h"

#include <pthread.h>
#include <string.h>

#include "core/compat.h"
#include "domain/labels.h"

#define STAFF_READ (PERM_LOGIN | PERM_UNIT_READ | PERM_PERSON_READ)
/* register clues, read the registry, propose dispositions */
#define CLUE_WORK (PERM_CLUE_READ | PERM_CLUE_REGISTER | PERM_CLUE_PROPOSE)
/* the case list and work on the cases whose team one is on */
#define CASE_WORK (PERM_CASE_READ | PERM_CASE_WORK)

const struct role role_table[] = {
	{ "intake",         "信访室",           STAFF_READ | PERM_PERSON_WRITE | PERM_CLUE_REGISTER | PERM_REPORT_READ | PERM_REPORT_WRITE | PERM_REPORTER, 0, 0 },
	{ "case_manager",   "案件监督管理室",   STAFF_READ | PERM_UNIT_WRITE | PERM_PERSON_WRITE | PERM_PERSON_IDNUM | CLUE_WORK | PERM_REPORT_READ | PERM_CASE_READ | PERM_CASE_ASSIGN | PERM_OUTCOME_WRITE | PERM_EXECUTION | PERM_ACCOUNTABILITY, 0, 0 },
	{ "supervisor",     "监督检查室",       STAFF_READ | PERM_PERSON_WRITE | CLUE_WORK | CASE_WORK | PERM_OUTCOME_WRITE | PERM_ACCOUNTABILITY, 0, 0 },
	{ "investigator",   "审查调查室",       STAFF_READ | PERM_PERSON_IDNUM | PERM_CLUE_READ | PERM_CLUE_PROPOSE | CASE_WORK, 0, 0 },
	{ "trial",          "案件审理室",       STAFF_READ | CASE_WORK | PERM_OUTCOME_WRITE, 0, 0 },
	{ "inspection",     "巡察办",           STAFF_READ | PERM_CLUE_REGISTER, 0, 0 },
	{ "resident_group", "派驻纪检监察组",   STAFF_READ | PERM_PERSON_WRITE | CLUE_WORK | PERM_REPORT_READ | CASE_WORK | PERM_OUTCOME_WRITE | PERM_EXECUTION, 0, 1 },
	{ "township",       "乡镇纪委",         STAFF_READ | PERM_PERSON_WRITE | CLUE_WORK | PERM_REPORT_READ | CASE_WORK | PERM_OUTCOME_WRITE | PERM_EXECUTION, 0, 1 },
	{ "leader",         "委领导",           STAFF_READ | PERM_PERSON_IDNUM | PERM_CLUE_READ | PERM_CLUE_APPROVE | PERM_REPORT_READ | PERM_REPORTER | PERM_CASE_READ | PERM_CASE_ASSIGN | PERM_CASE_OVERRIDE, 0, 0 },
	{ "sysadmin",       "系统管理员",       PERM_LOGIN | PERM_USER_VIEW | PERM_USER_ADMIN | PERM_UNIT_READ | PERM_CALENDAR, 1, 0 },
	{ "secadmin",       "安全管理员",       PERM_LOGIN | PERM_USER_VIEW | PERM_USER_SECURITY, 1, 0 },
	{ "auditadmin",     "审计管理员",       PERM_LOGIN | PERM_AUDIT_READ, 1, 0 },
	{ NULL, NULL, 0, 0, 0 }
};

const struct role *role_find(const char *code)
{
	if (!code)
		return NULL;
	for (const struct role *r = role_table; r->code; r++)
		if (!strcmp(r->code, code))
			return r;
	return NULL;
}

const char *role_label(const char *code)
{
	const struct role *r = role_find(code);
	return r ? r->label : "未知角色";
}

static struct label role_label_table[QF_ARRAY_SIZE(role_table)];
static pthread_once_t role_label_once = PTHREAD_ONCE_INIT;

static void role_labels_build(void)
{
	for (size_t i = 0; i < QF_ARRAY_SIZE(role_table); i++) {
		role_label_table[i].code = role_table[i].code;
		role_label_table[i].label = role_table[i].label;
	}
}

const struct label *role_labels(void)
{
	pthread_once(&role_label_once, role_labels_build);
	return role_label_table;
}
