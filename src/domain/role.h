#ifndef QF_ROLE_H
#define QF_ROLE_H
/*
 * role: the roles of DOMAIN.md section 1 and what each may do.  The table
 * is the single place permissions are granted; routes name a PERM_* and
 * the HTTP layer checks it through authz (domain/authz.h).
 */
enum perm {
	PERM_LOGIN        = 1u << 0,   /* any signed-in user */
	PERM_UNIT_READ    = 1u << 1,
	PERM_UNIT_WRITE   = 1u << 2,
	PERM_PERSON_READ  = 1u << 3,
	PERM_PERSON_WRITE = 1u << 4,
	PERM_PERSON_IDNUM = 1u << 5,   /* see a person's ID number */
	PERM_USER_ADMIN   = 1u << 6,   /* accounts: create, disable, reset */
	PERM_USER_SECURITY = 1u << 7,  /* security admin: unlock, reset TOTP */
	PERM_AUDIT_READ   = 1u << 8,
	PERM_CALENDAR     = 1u << 9,
	PERM_USER_VIEW    = 1u << 10,  /* see the account list */
	PERM_CLUE_READ    = 1u << 11,  /* the clue registry (within jurisdiction) */
	PERM_CLUE_REGISTER = 1u << 12, /* register a problem clue */
	PERM_CLUE_PROPOSE = 1u << 13,  /* propose a disposition */
	PERM_CLUE_APPROVE = 1u << 14,  /* approve or reject a disposition */
	PERM_REPORT_READ  = 1u << 15,  /* the report (信访举报) registry */
	PERM_REPORT_WRITE = 1u << 16,  /* register, accept, transfer, conclude, notify */
	PERM_REPORTER     = 1u << 17,  /* see a reporter's identity and contact */
	PERM_CASE_READ    = 1u << 18,  /* the case list; a case itself only on need-to-know */
	PERM_CASE_ASSIGN  = 1u << 19,  /* assign a case's handling team */
	PERM_CASE_WORK    = 1u << 20,  /* notes, detention, transfer, trial, closure (team only) */
	PERM_CASE_OVERRIDE = 1u << 21, /* assign despite a declared conflict (audited) */
	PERM_OUTCOME_WRITE = 1u << 22, /* record outcomes, clarifications, follow-up visits */
	PERM_EXECUTION    = 1u << 23,  /* check off a sanction's execution in the unit */
	PERM_ACCOUNTABILITY = 1u << 24, /* accountability and recovered-money records */
};

struct role {
	const char *code;
	const char *label;      /* Chinese name, as users see it */
	unsigned perms;
	int admin;              /* one of the three separated admin roles: TOTP required */
	int scoped;             /* sees only the units of its scope */
};

extern const struct role role_table[];
struct label;
/* The roles as a code -> label table (for choices in forms). */
const struct label *role_labels(void);
/* NULL when unknown. */
const struct role *role_find(const char *code);
const char *role_label(const char *code);

#endif
