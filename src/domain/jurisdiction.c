/*
 * jurisdiction.c: the jurisdiction rule (管辖): forward, not dispose, what
 * concerns a subject managed one level up.  The rule is data
 * (jurisdiction_rules, 0019) read on each decision, the level and the
 * principal leader's person are settings (`qingfeng config set level ...`,
 * `... principal_person ID`), so a change applies without a restart.
 *
 * Sources: the cadre management authority (县处级干部由上一级党委管理);
 * 《纪检监察机关处理检举控告工作规则》(2020) art. 15 (reports that belong
 * to the level above, and reports about the commission's own principal
 * leader, go up within 5 working days; their content is not entered into
 * the platform); 《监察法实施条例》 art. 169, 171 (5 working days).
 */
#include "domain/jurisdiction.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/ctx.h"
#include "domain/labels.h"
#include "domain/person.h"
#include "domain/txmemo.h"
#include "store/store.h"

const char *const jurisdiction_levels[] = { "county", "prefecture", "province", NULL };

int jurisdiction_rank_up(const struct jurisdiction_rule *rules, int n, const char *level,
			 const char *rank, const char *day)
{
	const struct jurisdiction_rule *best = NULL;

	if (!level || !rank || !day)
		return 0;
	for (int i = 0; i < n; i++) {
		const struct jurisdiction_rule *r = &rules[i];
		if (strcmp(r->level, level) || strcmp(r->rank, rank) || strcmp(r->valid_from, day) > 0)
			continue;
		if (!best || strcmp(r->valid_from, best->valid_from) > 0)
			best = r;
	}
	return best && best->up;
}

const char *jurisdiction_level(struct ctx *c)
{
	const char *v;

	if (txmemo_setting(c, "level", &v) == STORE_ROW)
		for (int i = 0; jurisdiction_levels[i]; i++)
			if (!strcmp(v, jurisdiction_levels[i]))
				return jurisdiction_levels[i];
	return "county";
}

int jurisdiction_other_level(struct ctx *c, const struct person *v, int n, const char *day,
			     const char **why)
{
	struct jurisdiction_rule *rules;
	const char *level = jurisdiction_level(c), *pp = NULL;
	int64_t principal = 0;
	int nr = txmemo_jurisdiction_rules(c, &rules);

	if (nr < 0)
		return -1;
	if (txmemo_setting(c, "principal_person", &pp) == STORE_ROW)
		principal = strtoll(pp, NULL, 10);
	for (int i = 0; i < n; i++) {
		if (principal && v[i].id == principal) {
			*why = arena_printf(c->a, "被反映人%s是本委主要负责人，应报送上一级纪委监委处理", v[i].name);
			return 1;
		}
		if (jurisdiction_rank_up(rules, nr, level, v[i].rank, day)) {
			*why = arena_printf(c->a, "被反映人%s为%s干部，由上一级党委管理，应报送上一级纪委监委处理",
					    v[i].name, label_of(person_ranks, v[i].rank));
			return 1;
		}
	}
	return 0;
}
