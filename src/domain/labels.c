/* labels.c: code -> Chinese label tables (INTERCHANGE.md codes), labels.h. */
#include "domain/labels.h"

#include <string.h>

const struct label unit_kinds[] = {
	{ "department", "市直部门" },
	{ "township", "乡镇（街道）" },
	{ "village", "村（社区）" },
	{ "enterprise", "国有企业" },
	{ "institution", "事业单位" },
	{ "other", "其他" },
	{ NULL, NULL }
};

const struct label person_ranks[] = {
	{ "county", "处级" },
	{ "section", "科级" },
	{ "staff", "一般干部" },
	{ "village", "村干部" },
	{ "other", "其他" },
	{ NULL, NULL }
};

const struct label report_channels[] = {
	{ "letter", "来信" },
	{ "visit", "来访" },
	{ "phone", "来电" },
	{ "online", "网络举报" },
	{ "qr", "扫码举报" },
	{ "transfer", "上级转办" },
	{ NULL, NULL }
};

const struct label report_categories[] = {
	{ "accusation", "检举控告" },
	{ "appeal", "申诉" },
	{ "suggestion", "批评建议" },
	{ "other", "其他" },
	{ NULL, NULL }
};

const struct label report_states[] = {
	{ "registered", "待受理" },
	{ "accepted", "已受理" },
	{ "not_accepted", "不予受理" },
	{ "transferred", "已转送" },
	{ "concluded", "已办结" },
	{ NULL, NULL }
};

const struct label clue_sources[] = {
	{ "report", "信访举报" },
	{ "inspection", "巡察移交" },
	{ "audit", "审计移交" },
	{ "judicial", "公检法机关移交" },
	{ "supervision", "监督检查发现" },
	{ "campaign", "专项整治发现" },
	{ "superior", "上级交办" },
	{ "other", "其他" },
	{ NULL, NULL }
};

const struct label recovery_kinds[] = {
	{ "recovered", "挽回经济损失" },
	{ "returned", "责令退回" },
	{ NULL, NULL }
};

/* registered, then the state of the approved disposition's method
 * (clue_flow.c) */
const struct label clue_states[] = {
	{ "registered", "待处置" },
	{ "talk_inquiry", "谈话函询中" },
	{ "preliminary_verification", "初步核实中" },
	{ "shelved", "暂存待查" },
	{ "closed", "已了结" },
	{ "filed", "已立案" },
	{ NULL, NULL }
};

const struct label case_states[] = {
	{ "investigating", "审查调查中" },
	{ "trial", "审理中" },
	{ "closed", "已结案" },
	{ NULL, NULL }
};

const struct label case_team_roles[] = {
	{ "lead", "主办" },
	{ "member", "协办" },
	{ "trial", "审理" },
	{ NULL, NULL }
};

const struct label execution_items[] = {
	{ "delivered", "决定送达" },
	{ "appraisal", "年度考核" },
	{ "pay_grade", "工资档次" },
	{ "bonus", "奖金" },
	{ "promotion_bar", "晋升限制" },
	{ NULL, NULL }
};

const struct label clarification_manners[] = {
	{ "meeting", "召开澄清会" },
	{ "written", "书面澄清" },
	{ "in_person", "当面澄清" },
	{ "notice", "通报澄清" },
	{ "other", "其他方式" },
	{ NULL, NULL }
};

const struct label detention_ext_kinds[] = {
	{ "extension", "延长（上一级批准）" },
	{ "national", "再延长（国家监委批准）" },
	{ "recalc", "重新计算" },
	{ NULL, NULL }
};

const char *label_of(const struct label *table, const char *code)
{
	if (!code)
		return NULL;
	for (; table->code; table++)
		if (!strcmp(table->code, code))
			return table->label;
	return NULL;
}
