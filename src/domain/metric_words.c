/*
 * metric_words.c: a statistic's scope in words, for the titles and the
 * "统计范围" line of the statistics page, the report command and the
 * documents they write: units, campaigns, categories and users by their
 * names, codes by their labels.  A name that cannot be read (a store
 * error, a record gone) falls back to its number or code, so a title is
 * never empty and never wrong about which record it names.
 */
#include "domain/metrics.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/case_filing.h"
#include "domain/clue.h"
#include "domain/labels.h"
#include "domain/person.h"
#include "domain/worklog.h"
#include "model/caserules.h"
#include "model/clue.h"
#include "model/unit.h"
#include "model/user.h"
#include "store/q_caserules.h"
#include "store/q_clues.h"
#include "store/q_inspections.h"
#include "store/q_units.h"
#include "store/q_users.h"

static const char *unit_name(struct store *db, struct arena *a, int64_t id)
{
	struct unit u;

	return store_unit_get(db, a, id, &u) > 0 && u.name ? u.name : arena_printf(a, "单位%" PRId64, id);
}

static const char *campaign_name(struct store *db, struct arena *a, int64_t id)
{
	struct campaign g;

	return store_campaign_get(db, a, id, &g) > 0 && g.name ? g.name : arena_printf(a, "专项工作%" PRId64, id);
}

static const char *round_name(struct store *db, struct arena *a, int64_t id)
{
	struct inspection_round r;

	return store_round_get(db, a, id, &r) > 0 && r.name ? r.name : arena_printf(a, "巡察轮次%" PRId64, id);
}

static const char *category_name(struct store *db, struct arena *a, const char *code)
{
	struct violation_category v;

	return store_category_get(db, a, code, &v) > 0 && v.label ? v.label : code;
}

static const char *user_name(struct store *db, struct arena *a, int64_t id)
{
	struct user u;

	if (store_user_by_id(db, a, id, &u) <= 0)
		return arena_printf(a, "用户%" PRId64, id);
	return u.display_name && *u.display_name ? u.display_name : u.name;
}

/* the label of code in table, else the code itself */
static const char *label_or_code(const struct label *table, const char *code)
{
	const char *l = label_of(table, code);

	return l && *l ? l : code;
}

static int set(const char *code)
{
	return code && *code;
}

int metric_scope_whole(const struct metric_scope *s)
{
	return !s->unit_id && !s->scope_user && !s->campaign_id && !s->round_id && !set(s->category) &&
	       !set(s->source) && !set(s->organ_kind) && !set(s->rank) && !set(s->activity_kind) &&
	       !s->top_leader && !s->leadership && !s->key_persons;
}

const char *metric_scope_words(struct store *db, struct arena *a, const struct metric_scope *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *r;

	if (s->unit_id)
		strbuf_addf(&sb, " %s及下属单位", unit_name(db, a, s->unit_id));
	if (s->scope_user)
		strbuf_addf(&sb, " %s的管辖范围", user_name(db, a, s->scope_user));
	if (s->campaign_id)
		strbuf_addf(&sb, " 专项工作“%s”", campaign_name(db, a, s->campaign_id));
	if (s->round_id)
		strbuf_addf(&sb, " 巡察“%s”", round_name(db, a, s->round_id));
	if (s->category && *s->category)
		strbuf_addf(&sb, " %s类", category_name(db, a, s->category));
	if (s->source && *s->source)
		strbuf_addf(&sb, " 线索来源：%s", label_or_code(clue_sources, s->source));
	if (s->organ_kind && *s->organ_kind)
		strbuf_addf(&sb, " 承办机关：%s", label_or_code(case_organs, s->organ_kind));
	if (s->rank && *s->rank)
		strbuf_addf(&sb, " 职级：%s", label_or_code(person_ranks, s->rank));
	if (s->activity_kind && *s->activity_kind)
		strbuf_addf(&sb, " 工作台账类别：%s", activity_kind_words(db, a, s->activity_kind));
	if (s->top_leader)
		strbuf_addstr(&sb, " 一把手");
	if (s->leadership)
		strbuf_addstr(&sb, " 领导班子成员");
	if (s->key_persons)
		strbuf_addstr(&sb, " 一把手和领导班子及科级干部");
	if (!sb.len) /* metric_scope_whole */
		strbuf_addstr(&sb, " 全委");
	r = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return r;
}
