/*
 * campaign.c: special campaigns (专项整治), the tags that clues, cases,
 * outcomes, accountability and recoveries carry for the statistics.
 *
 * Guarantees: a name of at most 100 characters, optional well-formed
 * start and end days with the end not before the start; each creation is
 * audited in its transaction.
 */
#include "domain/campaign.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "store/q_clues.h"

/* the type of the objects its audit entries name (audit_events.h) */
QF_AUDIT_OBJECT(campaign, "专项工作");

struct campaign_arg {
	struct ctx *c;
	struct campaign k;
	int64_t id;
};

static int campaign_tx(struct store *s, void *arg)
{
	struct campaign_arg *ka = arg;

	ka->id = store_campaign_insert(s, ka->c->cfg->region, &ka->k, ka->c->now);
	if (ka->id < 0)
		return -1;
	return audit_append(ka->c, AEV_CREATE, arena_printf(ka->c->a, "campaign/%" PRId64, ka->id), 1,
			    ka->k.name);
}

int64_t campaign_create(struct ctx *c, const char *name, const char *start, const char *end,
			struct fielderr *fe)
{
	struct campaign_arg ka = { .c = c };

	if (!name || !*name || utf8_len(name) > 100)
		fielderr_add(fe, "name", "请填写专项整治名称（不超过100字）");
	if (start && *start && date_parse(start) == QF_DAY_NONE)
		fielderr_add(fe, "start", fielderr_date_msg(start, "开始日期格式应为 YYYY-MM-DD"));
	if (end && *end && date_parse(end) == QF_DAY_NONE)
		fielderr_add(fe, "end", fielderr_date_msg(end, "结束日期格式应为 YYYY-MM-DD"));
	if (!fe->n && start && *start && end && *end && strcmp(end, start) < 0)
		fielderr_add(fe, "end", "结束日期不能早于开始日期");
	if (fe->n)
		return -1;
	ka.k.name = name;
	ka.k.start_day = start && *start ? start : NULL;
	ka.k.end_day = end && *end ? end : NULL;
	return store_tx(c->db, campaign_tx, &ka) < 0 ? -2 : ka.id;
}

int campaign_list(struct ctx *c, struct campaign **out)
{
	return store_campaign_list(c->db, c->a, out);
}
