/*
 * user.c: account administration.  Names are ASCII login names; the
 * password policy is the deployment's (config); passwords are hashed with
 * Argon2id before they reach the store and never logged.
 *
 * 三员分立: no admin role alone can sign in as someone else.  The system
 * admin's reset of a password is only a request (user_request_password);
 * it takes effect when the security admin approves it, who cannot set
 * passwords.  A reset by anyone but the user is shown to the user until
 * they choose their own password.  Neither touches a bound second factor.
 */
#include "domain/user.h"

#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/role.h"
#include "domain/result.h"
#include "store/q_sessions.h"
#include "store/q_units.h"
#include "store/q_users.h"

/* the audit events this file writes (audit_events.h), and its objects' types */
QF_AUDIT_EVENT(USER_CREATE, "user_create", "新增用户");
QF_AUDIT_EVENT(USER_DISABLE, "user_disable", "停用用户");
QF_AUDIT_EVENT(USER_ENABLE, "user_enable", "启用用户");
QF_AUDIT_EVENT(USER_PASSWD, "user_passwd", "重置密码");
QF_AUDIT_EVENT(USER_PASSWD_REQUEST, "user_passwd_request", "申请重置密码");
QF_AUDIT_EVENT(USER_PASSWD_APPROVE, "user_passwd_approve", "批准重置密码");
QF_AUDIT_EVENT(USER_PASSWD_REFUSE, "user_passwd_refuse", "驳回重置密码申请");
QF_AUDIT_EVENT(USER_UNLOCK, "user_unlock", "解除锁定");
QF_AUDIT_EVENT(USER_TOTP_RESET, "user_totp_reset", "重置动态口令");
QF_AUDIT_EVENT(USER_SCOPE, "user_scope", "设置管辖范围");
QF_AUDIT_EVENT(USER_PRINCIPAL, "user_principal", "设为主要负责人");
QF_AUDIT_EVENT(USER_OFFICE, "user_office", "设置所属室（组）");
QF_AUDIT_OBJECT(user, "用户");

static int valid_login_name(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 2 || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '.' && s[i] != '-')
			return 0;
	return 1;
}

struct create_arg {
	struct ctx *c;
	struct user u;
	const char *pwhash;
	int64_t id;
};

static int create_tx(struct store *s, void *arg)
{
	struct create_arg *ca = arg;

	const struct role *ro = role_find(ca->u.role);

	ca->id = store_user_insert(s, &ca->u, ca->pwhash, ca->c->now);
	if (ca->id < 0)
		return (int)ca->id;
	/* a scoped role's unit is its jurisdiction, given with the account */
	if (ro->scoped && store_scope_add(s, ca->id, ca->u.unit_id) < 0)
		return -1;
	return audit_append(ca->c, AEV_USER_CREATE, ca->u.name, 1,
			    ca->u.disabled ? arena_printf(ca->c->a, "%s, awaiting approval", ca->u.role)
					   : ca->u.role);
}

int64_t user_create(struct ctx *c, const char *name, const char *role, const char *display,
		    int64_t unit_id, const char *password, unsigned flags, struct strbuf *err)
{
	struct create_arg ca = { .c = c };
	char hash[QF_PWHASH_MAX];
	int rc;

	if (!valid_login_name(name)) {
		strbuf_addstr(err, "用户名须为2至32个字母、数字、下划线、点或连字符");
		return -1;
	}
	if (!role_find(role)) {
		strbuf_addf(err, "未知角色“%s”", role ? role : "");
		return -1;
	}
	if (role_find(role)->scoped && unit_id <= 0) {
		strbuf_addstr(err, "乡镇纪委、派驻纪检监察组用户须指定所属单位（即其管辖范围）");
		return -1;
	}
	if (unit_id) {
		struct unit u;
		int rc0 = store_unit_get(c->db, c->a, unit_id, &u);
		if (rc0 <= 0) {
			strbuf_addstr(err, rc0 < 0 ? "保存失败，请稍后再试" : "所属单位不存在");
			return -1;
		}
	}
	if (password_policy_check(password, c->cfg->pw_min_len, c->cfg->pw_classes, err) < 0)
		return -1;
	if (password_hash(password, hash) < 0) {
		strbuf_addstr(err, "密码处理失败");
		return -1;
	}
	ca.u.region = c->cfg->region;
	ca.u.name = name;
	ca.u.role = role;
	ca.u.display_name = display ? display : "";
	ca.u.unit_id = unit_id;
	ca.u.disabled = (flags & USER_DISABLED) != 0;
	ca.u.must_change_pw = (flags & USER_MUST_CHANGE_PW) != 0;
	ca.pwhash = hash;
	rc = store_tx(c->db, create_tx, &ca);
	sodium_memzero(hash, sizeof(hash));
	if (rc == STORE_CONSTRAINT) {
		strbuf_addf(err, "用户名“%s”已存在", name);
		return -1;
	}
	if (rc < 0) {
		strbuf_addstr(err, "保存失败，请稍后再试");
		return -1;
	}
	return ca.id;
}

/* The shared shape of the one-user changes below: find the user by name,
 * apply `op` and audit `event`, all in one transaction. */
struct change_arg {
	struct ctx *c;
	const char *name;
	const struct audit_event *event;
	int (*op)(struct store *s, struct change_arg *ca, const struct user *u);
	int flag;
	const char *pwhash;
	int64_t unit_id;
	int found;
	const char *refusal;     /* set by op with a Chinese reason when it refuses */
};

static int change_tx(struct store *s, void *arg)
{
	struct change_arg *ca = arg;
	struct user u;
	int rc = store_user_by_name(s, ca->c->a, ca->name, &u);

	ca->found = rc == STORE_ROW;
	if (rc <= 0)
		return rc < 0 ? rc : -1;
	if ((rc = ca->op(s, ca, &u)) < 0)
		return rc;
	return audit_append(ca->c, ca->event, ca->name, 1, "");
}

static int user_change(struct ctx *c, struct change_arg *ca, struct strbuf *err)
{
	ca->c = c;
	if (store_tx(c->db, change_tx, ca) < 0) {
		if (ca->refusal)
			strbuf_addstr(err, ca->refusal);
		else if (!ca->found)
			strbuf_addf(err, "用户“%s”不存在", ca->name);
		else
			strbuf_addstr(err, "保存失败，请稍后再试");
		return -1;
	}
	return 0;
}

static int op_disable(struct store *s, struct change_arg *ca, const struct user *u)
{
	if (ca->flag && u->id == ca->c->who.id) {
		ca->refusal = "不能停用自己的账户";
		return -1;
	}
	if (ca->flag && !u->disabled && !strcmp(u->role, "sysadmin") &&
	    store_user_count_active(s, "sysadmin") <= 1) {
		ca->refusal = "不能停用最后一个系统管理员";
		return -1;
	}
	if (store_user_set_disabled(s, u->id, ca->flag) < 0)
		return -1;
	return ca->flag ? store_session_delete_user(s, u->id) : 0;
}

int user_set_disabled(struct ctx *c, const char *name, int disabled, struct strbuf *err)
{
	struct change_arg ca = { .name = name, .op = op_disable, .flag = disabled,
				 .event = disabled ? AEV_USER_DISABLE : AEV_USER_ENABLE };
	return user_change(c, &ca, err);
}

/* The user's own change, or the operator's (CLI) which the user is told
 * of at the next login. */
static int op_passwd(struct store *s, struct change_arg *ca, const struct user *u)
{
	if (store_user_set_password(s, u->id, ca->pwhash, ca->c->now, ca->flag) < 0)
		return -1;
	if (u->id != ca->c->who.id &&
	    store_user_pw_notice(s, u->id, ca->c->who.name, NULL, ca->c->now) < 0)
		return -1;
	return store_session_delete_user(s, u->id);
}

/* Checks and hashes a new password, then runs the change `ca` with it. */
static int password_change(struct ctx *c, struct change_arg *ca, const char *password,
			   struct strbuf *err)
{
	char hash[QF_PWHASH_MAX];
	int rc;

	if (password_policy_check(password, c->cfg->pw_min_len, c->cfg->pw_classes, err) < 0)
		return -1;
	if (password_hash(password, hash) < 0) {
		strbuf_addstr(err, "密码处理失败");
		return -1;
	}
	ca->pwhash = hash;
	rc = user_change(c, ca, err);
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

int user_set_password(struct ctx *c, const char *name, const char *password, int must_change,
		      struct strbuf *err)
{
	struct change_arg ca = { .name = name, .op = op_passwd, .event = AEV_USER_PASSWD,
				 .flag = must_change };
	return password_change(c, &ca, password, err);
}

static int op_pw_request(struct store *s, struct change_arg *ca, const struct user *u)
{
	if (u->id == ca->c->who.id) {
		ca->refusal = "请在“账户安全”中修改自己的密码";
		return -1;
	}
	return store_user_pw_request(s, u->id, ca->pwhash, ca->c->who.name, ca->c->now);
}

int user_request_password(struct ctx *c, const char *name, const char *password,
			  struct strbuf *err)
{
	struct change_arg ca = { .name = name, .op = op_pw_request, .event = AEV_USER_PASSWD_REQUEST };
	return password_change(c, &ca, password, err);
}

static int op_pw_decide(struct store *s, struct change_arg *ca, const struct user *u)
{
	int rc;

	if (u->id == ca->c->who.id) {
		ca->refusal = "不能审批自己账户的密码重置";
		return -1;
	}
	rc = store_user_pw_decide(s, u->id, ca->flag ? ca->c->who.name : NULL, ca->c->now);
	if (rc <= 0) {
		if (rc == 0)
			ca->refusal = "该用户没有待审批的密码重置";
		return -1;
	}
	/* approved: whoever was signed in with the old password is out */
	return ca->flag ? store_session_delete_user(s, u->id) : 0;
}

int user_decide_password(struct ctx *c, const char *name, int approve, struct strbuf *err)
{
	struct change_arg ca = { .name = name, .op = op_pw_decide, .flag = approve,
				 .event = approve ? AEV_USER_PASSWD_APPROVE : AEV_USER_PASSWD_REFUSE };
	return user_change(c, &ca, err);
}

static int op_unlock(struct store *s, struct change_arg *ca, const struct user *u)
{
	if (store_throttle_clear(s, arena_printf(ca->c->a, "totp:%s", u->name), NULL) < 0)
		return -1;
	return store_throttle_clear(s, u->name, NULL);
}

int user_unlock(struct ctx *c, const char *name, struct strbuf *err)
{
	struct change_arg ca = { .name = name, .op = op_unlock, .event = AEV_USER_UNLOCK };
	return user_change(c, &ca, err);
}

static int op_totp_reset(struct store *s, struct change_arg *ca, const struct user *u)
{
	if (store_user_set_totp(s, u->id, NULL, 0) < 0)
		return -1;
	return store_session_delete_user(s, u->id);
}

int user_totp_reset(struct ctx *c, const char *name, struct strbuf *err)
{
	struct change_arg ca = { .name = name, .op = op_totp_reset, .event = AEV_USER_TOTP_RESET };
	return user_change(c, &ca, err);
}

static int op_scope(struct store *s, struct change_arg *ca, const struct user *u)
{
	const struct role *ro = role_find(u->role);
	struct unit unit;

	if (!ro || !ro->scoped) {
		ca->refusal = "只有乡镇纪委、派驻纪检监察组用户有管辖范围";
		return -1;
	}
	if (store_unit_get(s, ca->c->a, ca->unit_id, &unit) <= 0) {
		ca->refusal = "单位不存在";
		return -1;
	}
	return store_scope_add(s, u->id, ca->unit_id);
}

int user_scope_add(struct ctx *c, const char *name, int64_t unit_id, struct strbuf *err)
{
	struct change_arg ca = { .name = name, .op = op_scope, .event = AEV_USER_SCOPE, .unit_id = unit_id };
	return user_change(c, &ca, err);
}

int user_get(struct ctx *c, int64_t id, struct user *u)
{
	return res_from_store(store_user_by_id(c->db, c->a, id, u));
}

int user_list(struct ctx *c, struct user **out)
{
	return store_user_list(c->db, c->a, out);
}

int user_locked(struct ctx *c, const char *name, int64_t *until)
{
	int failures;

	if (store_throttle_get(c->db, name, NULL, &failures, until) < 0)
		return -1;
	return *until > c->now;
}

static int op_principal(struct store *s, struct change_arg *ca, const struct user *u)
{
	if (ca->flag && strcmp(u->role, "leader")) {
		ca->refusal = "只有委领导可设为主要负责人";
		return -1;
	}
	return store_user_set_principal(s, u->id, ca->flag);
}

int user_set_principal(struct ctx *c, const char *name, int principal, struct strbuf *err)
{
	struct change_arg ca = { .name = name, .op = op_principal, .event = AEV_USER_PRINCIPAL,
				 .flag = principal };
	return user_change(c, &ca, err);
}

/* ---- offices ------------------------------------------------------------- */

const char *user_office(struct ctx *c, int64_t user_id)
{
	const char *office = "";

	store_user_office(c->db, c->a, user_id, &office);
	return office;
}

struct office_arg {
	struct ctx *c;
	struct user u;
	const char *office;
};

static int office_tx(struct store *s, void *arg)
{
	struct office_arg *oa = arg;

	if (store_user_set_office(s, oa->u.id, oa->office) < 0)
		return -1;
	return audit_append(oa->c, AEV_USER_OFFICE, arena_printf(oa->c->a, "user/%" PRId64, oa->u.id), 1,
			    oa->office);
}

int user_office_set(struct ctx *c, const char *name, const char *office, struct strbuf *err)
{
	struct office_arg oa = { .c = c, .office = office };

	if (store_user_by_name(c->db, c->a, name, &oa.u) != 1) {
		strbuf_addf(err, "用户“%s”不存在", name);
		return -1;
	}
	if (!office)
		oa.office = office = "";
	if (utf8_len(office) > 50) {
		strbuf_addstr(err, "所属室（组）名称不能超过50个字");
		return -1;
	}
	if (store_tx(c->db, office_tx, &oa) < 0) {
		strbuf_addstr(err, "保存失败，请稍后再试");
		return -1;
	}
	return 0;
}
