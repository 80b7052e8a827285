/*
 * audit_reasons.c: the Chinese words of the reasons the audit log
 * stores (issue 12).  A reason is stored as it was written, in English for
 * the refusals and failures the code records (the chain's MAC covers it,
 * so an old entry is never rewritten); the audit page shows it through
 * this table.  A reason not in the table (the Chinese summaries most
 * writes record, an operator's text) is shown as stored.
 */
#include "domain/audit.h"

#include <string.h>

#include "core/arena.h"
#include "domain/role.h"

static const struct label reasons[] = {
	{ "outside jurisdiction", "超出管辖范围" },
	{ "role lacks permission", "角色无此权限" },
	{ "not on the case team", "不在该案件办理组" },
	{ "not an approver", "无审批权限" },
	{ "filing or transfer upward needs the principal leader", "立案、移交上级须由本委主要负责人审批" },
	{ "investigation form by a trial member", "审理人员不能办理审查调查环节" },
	{ "trial form by the investigation", "审查调查人员不能办理审理环节" },
	{ "ID number already held outside the jurisdiction", "身份证号码已登记在管辖范围以外的人员名下" },
	{ "recusal", "应当回避" },
	{ "recusal statutory", "法定回避情形" },
	{ "own recusal", "本人的回避事项不能由本人决定" },
	{ "own recusal override", "本人的回避例外不能由本人批准" },
	{ "recusal override needs a leader", "回避例外须由委领导批准" },
	{ "unknown user", "用户不存在" },
	{ "wrong password", "密码错误" },
	{ "wrong current password", "原密码错误" },
	{ "account disabled", "账户已停用" },
	{ "locked", "账户已锁定" },
	{ "second factor locked", "动态口令输错过多，已锁定" },
	{ "wrong second-factor code", "动态口令错误" },
	{ "code already used", "动态口令已使用过" },
	{ "too many failed logins from this address", "该地址登录失败次数过多" },
	{ "attachments not copied", "附件未复制" },
	{ "restored", "恢复启用" },
	{ "empty", "无内容" },
	{ NULL, NULL }
};

/* reasons with a value: the English prefix or suffix and the Chinese
 * words around the value */
static const struct {
	const char *pre, *post, *zh_pre, *zh_post;
} patterns[] = {
	{ "retired from ", "", "自", "起停用" },
	{ "from ", "", "自", "起启用" },
	{ "", ", awaiting approval", "角色", "，待审批" },
};

const char *audit_reason_label(struct arena *a, const char *detail)
{
	const char *zh = label_of(reasons, detail);
	size_t n;

	if (zh || !detail)
		return zh ? zh : detail;
	n = strlen(detail);
	for (size_t i = 0; i < sizeof(patterns) / sizeof(patterns[0]); i++) {
		size_t lp = strlen(patterns[i].pre), ls = strlen(patterns[i].post);

		if (n > lp + ls && !strncmp(detail, patterns[i].pre, lp) &&
		    !strcmp(detail + n - ls, patterns[i].post)) {
			const char *v = arena_strndup(a, detail + lp, n - lp - ls);
			/* the role the pending account asks for, in words */
			const char *role = *patterns[i].post ? label_of(role_labels(), v) : NULL;

			return arena_printf(a, "%s%s%s", patterns[i].zh_pre, role ? role : v, patterns[i].zh_post);
		}
	}
	return detail;
}
