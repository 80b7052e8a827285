#ifndef QF_PERM_H
#define QF_PERM_H
/*
 * perm: what a user may do, as a set of permissions that does not run out.
 *
 * A permission is an index (enum perm); a role grants a set of them
 * (struct perms, role.c), an actor carries its role's set (ctx.h), and a
 * route or a page names the one it needs (http.h, authz_has).  Adding one:
 * a line in the enum, its name in perm.c (the `routes` command and the
 * route scan print it), the roles that get it in role.c.  The set holds
 * 64 * PERM_WORDS of them; the build fails before the enum outgrows it.
 *
 * Sets are plain values (two words): copy them, no ownership.
 */
#include <stdint.h>

enum perm {
	PERM_NONE = 0,          /* a route that needs none; never in a set */
	PERM_LOGIN,             /* any signed-in user */
	PERM_UNIT_READ,
	PERM_UNIT_WRITE,
	PERM_PERSON_READ,
	PERM_PERSON_WRITE,
	PERM_PERSON_IDNUM,      /* see a person's ID number */
	PERM_USER_ADMIN,        /* accounts: create, disable, reset */
	PERM_USER_SECURITY,     /* security admin: unlock, reset TOTP */
	PERM_AUDIT_READ,
	PERM_CALENDAR,
	PERM_USER_VIEW,         /* see the account list */
	PERM_CLUE_READ,         /* the clue registry (within jurisdiction) */
	PERM_CLUE_REGISTER,     /* register a problem clue */
	PERM_CLUE_PROPOSE,      /* propose a disposition */
	PERM_CLUE_APPROVE,      /* approve or reject a disposition */
	PERM_REPORT_READ,       /* the report (信访举报) registry */
	PERM_REPORT_WRITE,      /* register, accept, transfer, conclude, notify */
	PERM_REPORTER,          /* see a reporter's identity and contact */
	PERM_CASE_READ,         /* the case list; a case itself only on need-to-know */
	PERM_CASE_ASSIGN,       /* assign a case's handling team */
	PERM_CASE_WORK,         /* notes, detention, transfer, trial, closure (team only) */
	PERM_CASE_OVERRIDE,     /* assign despite a declared conflict (audited) */
	PERM_OUTCOME_WRITE,     /* record outcomes, clarifications, follow-up visits */
	PERM_EXECUTION,         /* check off a sanction's execution in the unit */
	PERM_ACCOUNTABILITY,    /* accountability and recovered-money records */
	PERM_CATALOG,           /* edit the violation category catalog (case manager) */
	PERM_RULES_EDIT,        /* the form table (四种形态口径): the case manager */
	PERM_ANNUAL_REPORT,     /* edit the annual report template, render it: case manager, leaders */
	PERM_STATS,             /* the statistics page, its API and downloads: leaders, case manager */
	PERM_DOC_TEMPLATES,     /* the documents' templates (文书) and the number patterns (编号规则): case manager */
	PERM_CLUE_ASSIGN,       /* assign clues to a handling office (承办部门): the case manager */
	PERM_RATING_READ,       /* ratings, letters and bad reviews of one's units (码上问效) */
	PERM_RATING_WORK,       /* accept and conclude letters, call back and fix bad reviews; the QR poster */
	PERM_TARGET_READ,       /* target tasks, reminders issued to one, the published scoreboard: all staff */
	PERM_TARGET_MANAGE,     /* ledgers, tasks, reminders, criteria and scores: the case manager */
	PERM_TARGET_PUBLISH,    /* publish a period's scoreboard (晾晒): leaders */
	PERM_PROBLEM_READ,      /* the rectification ledger (问题整改台账) of one's units */
	PERM_PROBLEM_WRITE,     /* add and edit problems, confirm or return their rectification: the supervising offices */
	PERM_PROBLEM_RECTIFY,   /* the unit's steps on a problem and its evidence (整改中, 申请销号) */
	PERM_CAMPAIGN_WRITE,    /* special campaigns: create, edit, groups, plan documents (0056) */
	PERM_INSPECTION_READ,   /* inspections (巡察): the content is need-to-know (domain/inspection.h) */
	PERM_INSPECTION_WRITE,  /* rounds, inspections, members, findings, clues transferred: the inspection office */
	PERM_SUPERVISION_READ,  /* daily supervision: personal matter reports and talks of one's units */
	PERM_SUPERVISION_WRITE, /* record them, check reports, add their kinds: the supervising offices */
	PERM_WORKLOG,           /* the work log and the document register: read and record (all staff) */
	PERM_WORKLOG_KINDS,     /* the work log's catalog of kinds: the case manager */
	PERM_REGDOC_SECRET,     /* every secret (秘密, 机密) register entry's title: leaders */
	PERM_OPINION_READ,      /* integrity opinion replies (党风廉政意见回复): the requests, the cadres' facts, the letters */
	PERM_OPINION_WRITE,     /* register requests, resolve matches, check, confirm and reply: the supervision office */

	PERM_COUNT              /* not a permission: the number of indices */
};

#define PERM_WORDS 2

struct perms {
	uint64_t w[PERM_WORDS];
};

_Static_assert(PERM_COUNT <= 64 * PERM_WORDS, "enum perm outgrew struct perms: raise PERM_WORDS");

/* 1 when set holds p; never for PERM_NONE or an index out of range. */
static inline int perm_has(struct perms set, enum perm p)
{
	unsigned i = (unsigned)p;

	return i > PERM_NONE && i < PERM_COUNT && (set.w[i / 64] >> (i % 64) & 1);
}

/* Adds p to *set (PERM_NONE and indices out of range add nothing). */
static inline void perms_add(struct perms *set, enum perm p)
{
	unsigned i = (unsigned)p;

	if (i > PERM_NONE && i < PERM_COUNT)
		set->w[i / 64] |= UINT64_C(1) << (i % 64);
}

/* The set of a list ending with PERM_NONE. */
struct perms perms_of(const enum perm *list);
/* Every permission (the command line acts with it). */
struct perms perms_all(void);
/* The permission's name for tests and tools ("unit_read"); NULL for
 * PERM_NONE and indices out of range. */
const char *perm_name(enum perm p);

#endif
