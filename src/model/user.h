#ifndef QF_MODEL_USER_H
#define QF_MODEL_USER_H
/*
 * model/user.h: the records of accounts and sessions.
 * Plain records, no functions: strings point into the arena the caller
 * passed to the store function that filled them; ids are 0 when absent.
 */
#include <stdint.h>

struct user {
	int64_t id;
	const char *region;
	const char *name;
	const char *display_name;
	const char *role;
	int64_t unit_id;
	const char *unit_name;
	const char *pwhash;
	int disabled;
	const char *totp_secret_enc;
	int totp_enabled;
	int must_change_pw;     /* an administrator set the password */
	int principal;          /* the commission's principal leader (主要负责人) */
	int64_t created_at;
	/* a password reset the system admin asked for, awaiting the security
	 * admin (三员分立): who asked and when; NULL/0 when none */
	const char *pw_pending_by;
	int64_t pw_pending_at;
	/* the last reset of the password by someone else, shown to the user
	 * until they choose their own: who set it (and who approved it, NULL
	 * from the command line) and when; NULL/0 when none */
	const char *pw_reset_by;
	const char *pw_reset_approver;
	int64_t pw_reset_at;
};

struct session {
	const char *token_hash;
	int64_t user_id;
	const char *csrf;
	int stage;              /* SESSION_* */
	int64_t created_at;
	int64_t last_seen;
};

enum { SESSION_OK = 0, SESSION_NEED_TOTP = 1, SESSION_NEED_ENROL = 2 };

#endif
