#ifndef QF_AUDIT_EVENTS_H
#define QF_AUDIT_EVENTS_H
/*
 * audit_events: every event the audit log records, with its Chinese label
 * for the audit page, in one list.  audit_append takes an enum audit_ev,
 * so an event that is not in this list cannot be written, and none can be
 * written without a label (test_labels checks every label is Chinese).
 * The code is what the audit_log.event column stores and the chain's MAC
 * covers: never rename one.  A new event: one line here.
 */

/* X(enum name, code stored, label shown) */
#define AUDIT_EVENTS(X) \
	X(LOGIN, "login", "登录") \
	X(LOGIN_FAILED, "login_failed", "登录失败") \
	X(LOGIN_LOCKED, "login_locked", "账户锁定") \
	X(LOGIN_THROTTLED, "login_throttled", "登录受限（尝试过多）") \
	X(LOGOUT, "logout", "退出") \
	X(TOTP_ENROL, "totp_enrol", "绑定动态口令") \
	X(TOTP_FAILED, "totp_failed", "动态口令错误") \
	X(TOTP_SECRET, "totp_secret", "生成动态口令密钥") \
	X(CSRF_REJECTED, "csrf_rejected", "跨站请求被拒绝") \
	X(ACCESS_DENIED, "access_denied", "越权访问被拒绝") \
	X(READ, "read", "查阅") \
	X(CREATE, "create", "新增") \
	X(UPDATE, "update", "修改") \
	X(USER_CREATE, "user_create", "新增用户") \
	X(USER_DISABLE, "user_disable", "停用用户") \
	X(USER_ENABLE, "user_enable", "启用用户") \
	X(USER_PASSWD, "user_passwd", "重置密码") \
	X(USER_PASSWD_REQUEST, "user_passwd_request", "申请重置密码") \
	X(USER_PASSWD_APPROVE, "user_passwd_approve", "批准重置密码") \
	X(USER_PASSWD_REFUSE, "user_passwd_refuse", "驳回重置密码申请") \
	X(USER_UNLOCK, "user_unlock", "解除锁定") \
	X(USER_TOTP_RESET, "user_totp_reset", "重置动态口令") \
	X(USER_SCOPE, "user_scope", "设置管辖范围") \
	X(USER_PRINCIPAL, "user_principal", "设为主要负责人") \
	X(USER_OFFICE, "user_office", "设置所属室（组）") \
	X(CONFIG, "config", "修改系统设置") \
	X(REPORT_ACCEPT, "report_accept", "受理信访举报") \
	X(REPORT_NOT_ACCEPT, "report_not_accept", "不予受理信访举报") \
	X(REPORT_TRANSFER, "report_transfer", "转送信访举报") \
	X(REPORT_CONCLUDE, "report_conclude", "办结信访举报") \
	X(REPORT_NOTIFY, "report_notify", "告知或反馈举报人") \
	X(REPORT_EXTEND, "report_extend", "延期办理信访举报") \
	X(REPORT_TO_CLUE, "report_to_clue", "转为问题线索") \
	X(DISPOSE_PROPOSE, "dispose_propose", "提出处置意见") \
	X(DISPOSE_APPROVE, "dispose_approve", "批准处置") \
	X(DISPOSE_REJECT, "dispose_reject", "退回处置意见") \
	X(CONFLICT_DECLARE, "conflict_declare", "申报回避事项") \
	X(TEAM_ADD, "team_add", "加入办案组") \
	X(TEAM_REMOVE, "team_remove", "移出办案组") \
	X(TEAM_OVERRIDE, "team_override", "越过回避加入办案组") \
	X(TEAM_REFUSED, "team_refused", "因回避拒绝加入办案组") \
	X(CASE_NOTE, "case_note", "添加审查调查记录") \
	X(CASE_TRANSFER, "case_transfer", "移送司法机关") \
	X(CASE_TRIAL, "case_trial", "审理受理") \
	X(CASE_CLOSE, "case_close", "结案") \
	X(DETENTION_START, "detention_start", "留置") \
	X(DETENTION_EXTEND, "detention_extend", "延长留置") \
	X(DETENTION_END, "detention_end", "解除留置") \
	X(EXECUTION, "execution", "处分执行检查") \
	X(CALENDAR_IMPORT, "calendar_import", "导入节假日") \
	X(EXPORT, "export", "导出数据") \
	X(IMPORT, "import", "导入数据") \
	X(BACKUP, "backup", "备份") \
	X(RESTORE, "restore", "恢复") \
	X(AUDIT_CHECKPOINT_RESET, "audit_checkpoint_reset", "重置审计检查点") \
	X(INIT, "init", "初始化")

#define AUDIT_EV_ENUM(name, code, label) AEV_##name,
enum audit_ev { AUDIT_EVENTS(AUDIT_EV_ENUM) AEV_N };
#undef AUDIT_EV_ENUM

#endif
