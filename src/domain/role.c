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

/* A role's grants: a list of PERM_* (and of the groups below). */
#define GRANTS(...) ((const enum perm[]){ __VA_ARGS__, PERM_NONE })

/* every staff role: target tasks are not secret (domain/target.h); any
   staff member may sit on an inspection group, whose content is
   need-to-know (domain/inspection.h), so every staff role may read; the
   work log and the document register are every office's to keep (secret
   entries' titles apart: domain/regdoc.h) */
#define STAFF_READ PERM_LOGIN, PERM_UNIT_READ, PERM_PERSON_READ, PERM_TARGET_READ, PERM_INSPECTION_READ, \
		   PERM_WORKLOG
/* register clues, read the registry, propose dispositions */
#define CLUE_WORK PERM_CLUE_READ, PERM_CLUE_REGISTER, PERM_CLUE_PROPOSE
/* the "码上问效" ratings: read, and work (letters, bad reviews, QR posters) */
#define RATING_WORK PERM_RATING_READ, PERM_RATING_WORK
/* the rectification ledger: read, and the supervising office's work
   (add, edit, confirm, return) with the unit's steps for units that have
   no account of their own */
#define PROBLEM_WORK PERM_PROBLEM_READ, PERM_PROBLEM_WRITE, PERM_PROBLEM_RECTIFY
/* daily supervision (personal matter reports, talks): read and record */
#define SUPERVISION_WORK PERM_SUPERVISION_READ, PERM_SUPERVISION_WRITE
/* integrity opinion replies: the supervision office (党风政风监督室's work,
   done here by 监督检查室) reads and writes; leaders read */
#define OPINION_WORK PERM_OPINION_READ, PERM_OPINION_WRITE
/* the case list and work on the cases whose team one is on */
#define CASE_WORK PERM_CASE_READ, PERM_CASE_WORK

const struct role role_table[] = {
	{ .code = "intake", .label = "信访室",
	  .grants = GRANTS(STAFF_READ, PERM_PERSON_WRITE, PERM_CLUE_REGISTER, PERM_REPORT_READ,
			   PERM_REPORT_WRITE, PERM_REPORTER, RATING_WORK) },
	{ .code = "case_manager", .label = "案件监督管理室",
	  .grants = GRANTS(STAFF_READ, PERM_UNIT_WRITE, PERM_PERSON_WRITE, PERM_PERSON_IDNUM, CLUE_WORK,
			   PERM_REPORT_READ, PERM_CASE_READ, PERM_CASE_ASSIGN, PERM_OUTCOME_WRITE,
			   PERM_EXECUTION, PERM_ACCOUNTABILITY, PERM_CATALOG, PERM_RULES_EDIT,
			   PERM_ANNUAL_REPORT,
			   PERM_STATS, PERM_DOC_TEMPLATES, PERM_CLUE_ASSIGN, RATING_WORK, PERM_TARGET_MANAGE,
			   PROBLEM_WORK, PERM_CAMPAIGN_WRITE,
			   SUPERVISION_WORK, PERM_WORKLOG_KINDS) },
	/* no PERM_CASE_WORK: the supervision office investigates no case and
	   sits on no trial, so it joins no case team (审查调查与审理分离,
	   issue 10); the case list, to declare conflicts (回避) like leaders */
	{ .code = "supervisor", .label = "监督检查室",
	  .grants = GRANTS(STAFF_READ, PERM_PERSON_WRITE, CLUE_WORK, PERM_CASE_READ, PERM_OUTCOME_WRITE,
			   PERM_ACCOUNTABILITY, RATING_WORK, PROBLEM_WORK, PERM_CAMPAIGN_WRITE,
			   SUPERVISION_WORK, OPINION_WORK) },
	{ .code = "investigator", .label = "审查调查室",
	  .grants = GRANTS(STAFF_READ, PERM_PERSON_IDNUM, PERM_CLUE_READ, PERM_CLUE_PROPOSE, CASE_WORK) },
	{ .code = "trial", .label = "案件审理室",
	  .grants = GRANTS(STAFF_READ, CASE_WORK, PERM_OUTCOME_WRITE) },
	{ .code = "inspection", .label = "巡察办",
	  .grants = GRANTS(STAFF_READ, PERM_CLUE_REGISTER, PROBLEM_WORK, PERM_INSPECTION_WRITE) },
	{ .code = "resident_group", .label = "派驻纪检监察组", .scoped = 1,
	  .grants = GRANTS(STAFF_READ, PERM_PERSON_WRITE, CLUE_WORK, PERM_REPORT_READ, CASE_WORK,
			   PERM_OUTCOME_WRITE, PERM_EXECUTION, RATING_WORK, PROBLEM_WORK, SUPERVISION_WORK) },
	{ .code = "township", .label = "乡镇纪委", .scoped = 1,
	  .grants = GRANTS(STAFF_READ, PERM_PERSON_WRITE, CLUE_WORK, PERM_REPORT_READ, CASE_WORK,
			   PERM_OUTCOME_WRITE, PERM_EXECUTION, RATING_WORK, PROBLEM_WORK, SUPERVISION_WORK) },
	{ .code = "leader", .label = "委领导",
	  .grants = GRANTS(STAFF_READ, PERM_PERSON_IDNUM, PERM_CLUE_READ, PERM_CLUE_APPROVE,
			   PERM_REPORT_READ, PERM_REPORTER, PERM_CASE_READ, PERM_CASE_ASSIGN,
			   PERM_CASE_OVERRIDE, PERM_ANNUAL_REPORT,
			   PERM_STATS, PERM_RATING_READ, PERM_TARGET_PUBLISH, PERM_PROBLEM_READ,
			   PERM_SUPERVISION_READ, PERM_REGDOC_SECRET, PERM_OPINION_READ) },
	/* a unit's rectification staff (整改联络员, issue 14): scoped to its
	   unit (its jurisdiction), the unit's problems and their evidence, nothing
	   else of the platform (no units, persons, clues, cases) */
	{ .code = "rectifier", .label = "整改联络员", .scoped = 1,
	  .grants = GRANTS(PERM_LOGIN, PERM_PROBLEM_READ, PERM_PROBLEM_RECTIFY) },
	{ .code = "sysadmin", .label = "系统管理员", .admin = 1,
	  .grants = GRANTS(PERM_LOGIN, PERM_USER_VIEW, PERM_USER_ADMIN, PERM_UNIT_READ, PERM_CALENDAR) },
	{ .code = "secadmin", .label = "安全管理员", .admin = 1,
	  .grants = GRANTS(PERM_LOGIN, PERM_USER_VIEW, PERM_USER_SECURITY) },
	{ .code = "auditadmin", .label = "审计管理员", .admin = 1,
	  .grants = GRANTS(PERM_LOGIN, PERM_AUDIT_READ) },
	{ .code = NULL }
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

struct perms role_perms(const struct role *r)
{
	static const enum perm none[] = { PERM_NONE };

	return perms_of(r ? r->grants : none);
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
