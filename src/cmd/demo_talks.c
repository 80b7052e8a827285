/*
 * demo_talks.c: daily supervision's talks and personal matter reports of the
 * demo year (issue 15), the 2022 report's figures as records
 * (docs/statistics.md "Talks and personal matter reports"):
 *   开展任前廉政谈话31人次              31 pre-appointment talks, one named
 *                                     section-level cadre each, by the
 *                                     commission's principal leader
 *   督促各单位负责人廉政谈话54人次        9 units' own 廉政谈话, 6 persons each
 *                                     (unit-led, counted without names)
 *   督促领导干部开展谈心谈话600余人次     18 units' own 谈心谈话, 34 persons each:
 *                                     612, the count itself (no 余)
 *   受理科级干部婚丧喜庆事宜报告20人次    20 reports of section-level cadres
 *                                     (12 weddings, 5 funerals, 3 other
 *                                     celebrations), each on time, checked
 *   更新科级领导干部廉政档案872份        the 263 cadres of section rank and up of
 *                                     the chart and 609 more (一级、二级主任科员 of
 *                                     the departments and townships, after
 *                                     every other record), each file updated
 *                                     once in the year (integrity_update)
 * No reminder talk with a first-form outcome: the demo's 404 first-form
 * outcomes already come from clues (demo_matters.c) and the four forms'
 * 583 must not move (t162, t174); moving some onto talks would change
 * the clue counts the report also gives.
 */
#include <string.h>

#include "cmd/demo.h"

static const char *const notes[] = { "重申廉洁纪律要求，提醒严守纪律规矩", "围绕岗位廉政风险点开展谈话",
	"结合新任职务提出廉洁从政要求", "了解思想动态，提醒守住底线" };

/* a section-level person (科级), drawn at random */
static const struct demo_person *section_person(struct demo *d)
{
	for (;;) {
		const struct demo_person *p = &d->persons[demo_rand(d, d->n_persons)];
		if (!strcmp(p->rank, "section"))
			return p;
	}
}

/* the units that hold their own talks: departments and townships, in order */
static int nth_unit(struct demo *d, int n)
{
	for (int i = 0; i < d->n_units; i++)
		if ((!strcmp(d->units[i].kind, "department") || !strcmp(d->units[i].kind, "township")) && n-- == 0)
			return i;
	return 0;
}

static void named_talk(struct demo *d)
{
	const struct demo_person *p = section_person(d);
	char id[16];

	demo_emit(d, json_pack("{s:s, s:s, s:s, s:o, s:s, s:s, s:s, s:s}", "type", "talk", "id", demo_id(d, 'T', id),
			       "kind", "pre_appointment", "date", demo_date(demo_within(d, 0, 1, 10, 12, 20)),
			       "person", p->id, "unit", d->units[p->unit].id, "talker", d->principal, "note",
			       DEMO_PICK(d, notes)));
}

static void unit_talks(struct demo *d, const char *kind, int unit, int persons)
{
	const struct demo_unit *u = &d->units[unit];
	char id[16], talker[96];

	snprintf(talker, sizeof(talker), "%s主要负责人", u->name);
	demo_emit(d, json_pack("{s:s, s:s, s:s, s:o, s:s, s:i, s:b, s:s}", "type", "talk", "id", demo_id(d, 'T', id),
			       "kind", kind, "date", demo_date(demo_within(d, 0, 3, 1, 11, 30)), "unit", u->id,
			       "persons", persons, "unit_led", 1, "talker", talker));
}

static void matter_report(struct demo *d, const char *kind)
{
	const struct demo_person *p = section_person(d);
	qf_day event = demo_within(d, 0, 1, 5, 11, 20);
	qf_day reported = demo_later(d, event - 20, 1, 40, 0);     /* before the event (事前) or within 30 days */
	char id[16];

	if (reported > event + 25)
		reported = event + 25;
	demo_emit(d, json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:i, s:i, s:s, s:o}", "type", "matter_report", "id",
			       demo_id(d, 'Y', id), "person", p->id, "kind", kind, "event_date", demo_date(event),
			       "reported", demo_date(reported), "guests", demo_between(d, 30, 150), "tables",
			       demo_between(d, 3, 15), "state", "checked", "checked",
			       demo_date(demo_later(d, reported, 1, 5, 0))));
}

#define DEMO_INTEGRITY_FILES 872

/* the cadres who keep an integrity file, to 872, and each file's update */
static int integrity_files(struct demo *d)
{
	int have = 0, units = 0;

	for (int i = 0; i < d->n_persons; i++)
		have += !strcmp(d->persons[i].rank, "section") || !strcmp(d->persons[i].rank, "county");
	while (nth_unit(d, units) || units == 0)
		units++;
	for (int i = 0; have < DEMO_INTEGRITY_FILES; i++, have++) {
		int k = demo_add_cadre(d, nth_unit(d, i % units), i % 2 ? "二级主任科员" : "一级主任科员");
		if (k < 0)
			return -1;
		demo_emit_person(d, k);
	}
	for (int i = 0; i < d->n_persons; i++)
		if (!strcmp(d->persons[i].rank, "section") || !strcmp(d->persons[i].rank, "county"))
			demo_emit(d, json_pack("{s:s, s:s, s:o}", "type", "integrity_update", "person", d->persons[i].id,
					       "date", demo_date(demo_within(d, 0, 11, 1, 12, 20))));
	return 0;
}

int demo_talks(struct demo *d)
{
	for (int i = 0; i < 31; i++)
		named_talk(d);
	for (int i = 0; i < 9; i++)
		unit_talks(d, "integrity", nth_unit(d, i), 6);
	for (int i = 0; i < 18; i++)
		unit_talks(d, "heart", nth_unit(d, i), 34);
	for (int i = 0; i < 20; i++)
		matter_report(d, i < 12 ? "wedding" : i < 17 ? "funeral" : "celebration");
	if (integrity_files(d) < 0)
		return -1;
	return d->failed ? -1 : 0;
}
