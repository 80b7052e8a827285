#ifndef QF_USER_H
#define QF_USER_H
/*
 * user: account administration (系统管理员 and 安全管理员), shared by
 * the CLI and the web pages.  Every change is audited in its transaction.
 * Return 0 or the new id on success, -1 with a Chinese message in err.
 *
 * user_create: unit_id is the user's unit (0 for none); for the scoped
 * roles (township commission, resident group) it is required and is also
 * their jurisdiction, stored in the same transaction as the account.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/audit_events.h"

struct ctx;

enum { USER_DISABLED = 1, USER_MUST_CHANGE_PW = 2 };
/* flags: USER_DISABLED (awaits the security admin's approval),
 * USER_MUST_CHANGE_PW (the password was chosen by an administrator). */
int64_t user_create(struct ctx *c, const char *name, const char *role, const char *display,
		    int64_t unit_id, const char *password, unsigned flags, struct strbuf *err);
/* Refuses to disable the actor's own account or the last active system
 * administrator. */
int user_set_disabled(struct ctx *c, const char *name, int disabled, struct strbuf *err);
/* Sets a new password and ends the user's sessions; must_change makes the
 * user choose a new one at the next login (an administrator set it). */
int user_set_password(struct ctx *c, const char *name, const char *password, int must_change,
		      struct strbuf *err);
/* The system admin's reset of someone else's password (三员分立): only
 * requested; the password stays as it was until the security admin
 * approves.  Returns 0 or -1 with err. */
int user_request_password(struct ctx *c, const char *name, const char *password,
			  struct strbuf *err);
/* The security admin's decision on a pending reset: approve makes the
 * requested password the account's (to be changed at the next login, the
 * user told who set it and when), refuse drops it.  A security admin
 * cannot approve a reset of their own account. */
int user_decide_password(struct ctx *c, const char *name, int approve, struct strbuf *err);
int user_unlock(struct ctx *c, const char *name, struct strbuf *err);
int user_totp_reset(struct ctx *c, const char *name, struct strbuf *err);
/* Marks a leader as the commission's principal leader (主要负责人), who
 * approves dispositions concerning county-rank cadres. */
int user_set_principal(struct ctx *c, const char *name, int principal, struct strbuf *err);
/* Adds a unit to a scoped user's jurisdiction (scoped roles only). */
int user_scope_add(struct ctx *c, const char *name, int64_t unit_id, struct strbuf *err);

/* Reads an account for the admin pages: 1 found, 0 not, < 0 error. */
struct user;
int user_get(struct ctx *c, int64_t id, struct user *u);
int user_list(struct ctx *c, struct user **out);
/* Lock state of a login name: 1 locked now (until *until), 0 not. */
int user_locked(struct ctx *c, const char *name, int64_t *until);

/* the audit events of user (user.c) */
QF_AUDIT_EVENT_DECL(USER_CREATE);
QF_AUDIT_EVENT_DECL(USER_DISABLE);
QF_AUDIT_EVENT_DECL(USER_ENABLE);
QF_AUDIT_EVENT_DECL(USER_PASSWD);
QF_AUDIT_EVENT_DECL(USER_PASSWD_REQUEST);
QF_AUDIT_EVENT_DECL(USER_PASSWD_APPROVE);
QF_AUDIT_EVENT_DECL(USER_PASSWD_REFUSE);
QF_AUDIT_EVENT_DECL(USER_UNLOCK);
QF_AUDIT_EVENT_DECL(USER_TOTP_RESET);
QF_AUDIT_EVENT_DECL(USER_SCOPE);
QF_AUDIT_EVENT_DECL(USER_PRINCIPAL);
QF_AUDIT_EVENT_DECL(USER_OFFICE);
/* The office (科室) of a user ("" none; the case manager's home page
 * groups the case clocks by it) and setting it (the CLI): 0 or -1 with
 * err. */
const char *user_office(struct ctx *c, int64_t user_id);
int user_office_set(struct ctx *c, const char *name, const char *office, struct strbuf *err);

#endif
