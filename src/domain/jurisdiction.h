#ifndef QF_JURISDICTION_H
#define QF_JURISDICTION_H
/*
 * jurisdiction: which reports and clues this commission disposes and
 * which it forwards one level up (管辖, DOMAIN.md section 2).  A subject
 * belongs to the level above when the jurisdiction_rules (data,
 * effective-dated, with their source) say his rank goes up at this
 * deployment's level (the `level` setting: county, prefecture, province;
 * county when unset), or when he is the commission's own principal leader
 * (the `principal_person` setting: his person id).  Such a report or clue
 * is forwarded within report_transfer (5 working days), not disposed here;
 * of such a report only the forwarding record is kept.
 */
#include "model/caserules.h"
#include "model/person.h"

struct ctx;

/* The deployment's levels, in order (county first: the default). */
extern const char *const jurisdiction_levels[];

/* Pure: 1 when, by `rules` (n rows), a subject of `rank` at a deployment
 * of `level` is managed one level up on `day` (YYYY-MM-DD): the row of
 * that level and rank with the latest valid_from on or before day
 * decides; 0 when none does. */
int jurisdiction_rank_up(const struct jurisdiction_rule *rules, int n, const char *level,
			 const char *rank, const char *day);

/* The deployment's level: the setting, else "county". */
const char *jurisdiction_level(struct ctx *c);

/* 1 when a subject of v (n persons) belongs to the level above on `day`,
 * with *why set to the reason in Chinese (it names the person); 0 when all
 * are ours; -1 on a store error. */
int jurisdiction_other_level(struct ctx *c, const struct person *v, int n, const char *day,
			     const char **why);

#endif
