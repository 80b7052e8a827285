/*
 * clue_flow.c: the transition table of clue disposition and the approval
 * rule.  One table says which method may follow which state; nothing else
 * decides it.
 */
#include "domain/clue_flow.h"

#include <string.h>

#include "domain/labels.h"

/* the codes of its fields and their Chinese names (labels.h): registered,
 * then the state of the approved disposition's method */
const struct label clue_states[] = {
	{ "registered", "待处置" },
	{ "talk_inquiry", "谈话函询中" },
	{ "preliminary_verification", "初步核实中" },
	{ "shelved", "暂存待查" },
	{ "closed", "已了结" },
	{ "filed", "已立案" },
	{ "transferred", "已移交" },
	{ NULL, NULL }
};

const struct disposition_method disposition_methods[] = {
	{ "talk_inquiry", "谈话函询", "talk_inquiry" },
	{ "preliminary_verification", "初步核实", "preliminary_verification" },
	{ "shelve", "暂存待查", "shelved" },
	{ "close", "予以了结", "closed" },
	{ "file_case", "立案审查调查", "filed" },
	{ "transfer", "移交其他机关", "transferred" },
	{ NULL, NULL, NULL }
};

const struct label transfer_directions[] = {
	{ "upward", "移交上级纪检监察机关" },
	{ "downward", "移交下级纪检监察机关" },
	{ "org_dept", "移交组织部门" },
	{ NULL, NULL }
};

/* from state -> methods allowed, space-separated (监督执纪工作规则 2019,
 * art. 21: the four methods; art. 38: filing (after a preliminary
 * verification that found facts needing liability), so file_case only from
 * preliminary_verification; a second talk/letter inquiry, an inquiry then
 * a verification and a shelved clue taken up again are allowed; after an
 * inquiry the matter is closed or verified, not shelved (art. 29-30 name
 * only those); transfer to another organ (移交) from any open state) */
static const struct {
	const char *state;
	const char *methods;
} transitions[] = {
	{ CLUE_REGISTERED, "talk_inquiry preliminary_verification shelve close transfer" },
	{ "talk_inquiry", "talk_inquiry preliminary_verification close transfer" },
	{ "preliminary_verification", "talk_inquiry shelve close file_case transfer" },
	{ "shelved", "talk_inquiry preliminary_verification close transfer" },
	{ "closed", "" },
	{ "filed", "" },
	{ "transferred", "" },
};

const struct disposition_method *disposition_method_find(const char *code)
{
	if (!code)
		return NULL;
	for (const struct disposition_method *m = disposition_methods; m->code; m++)
		if (!strcmp(m->code, code))
			return m;
	return NULL;
}

const char *clue_state_label(const char *state)
{
	const char *l = label_of(clue_states, state);
	return l ? l : "未知状态";
}

/* 1 when word is one of the space-separated words of list. */
static int in_list(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; *p;) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && !strncmp(p, word, n))
			return 1;
		p += len + (e != NULL);
	}
	return 0;
}

int clue_transition_allowed(const char *state, const char *method)
{
	if (!state || !method || !*method || !disposition_method_find(method))
		return 0;
	for (size_t i = 0; i < sizeof(transitions) / sizeof(transitions[0]); i++)
		if (!strcmp(transitions[i].state, state))
			return in_list(transitions[i].methods, method);
	return 0;
}

int disposition_needs_principal(const char *method, const char *direction)
{
	if (!method)
		return 0;
	return !strcmp(method, "file_case") ||
	       (!strcmp(method, "transfer") && direction && !strcmp(direction, "upward"));
}

int disposition_approval_allowed(const char *role, int principal, int needs_principal)
{
	if (!role || strcmp(role, "leader"))
		return 0;
	return !needs_principal || principal;
}
