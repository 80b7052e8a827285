/*
 * demo_opinions.c: the integrity opinion replies of the demo year (issue
 * 15): the 2022 report's “向组织部门出具1809名干部党风廉政意见回复57份” as 57
 * requests of the city's organisation department, replied through the
 * year (青纪函〔2022〕1号 .. 57号), covering 1,809 cadres (42 letters of 32
 * and 15 of 31 before pairs of letters trade a few lines, so the sizes
 * vary and the sum stays).  The cadres are demo persons that are the
 * subject of no report, clue, case or outcome (every matter is drawn
 * before this generator runs), so the proposal the platform would make,
 * 未发现问题, is the true one and every line is confirmed as proposed; a
 * cadre may be asked about in several letters, never twice in one.
 * Appended after the problems, so the earlier bytes and figures do not
 * move.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/demo.h"
#include "core/arena.h"

#define LETTERS 57
#define CADRES 1809

static const char *const purposes[] = { "promotion", "promotion", "promotion", "appointment", "award",
	"candidate" };

/* the unused persons (no matter), as indexes: their count */
static int clean_persons(struct demo *d, int *out)
{
	int n = 0;

	for (int i = 0; i < d->n_persons; i++)
		if (!d->persons[i].used)
			out[n++] = i;
	return n;
}

static void letter(struct demo *d, int k, int size, const int *pool, int npool, char *taken, qf_day received)
{
	char id[16], no[48], num[48];
	qf_day reply = demo_later(d, received, 3, 8, 0);
	json_t *o;

	snprintf(no, sizeof(no), "青组干函〔2022〕%d号", 10 + k * 3 + demo_rand(d, 3));
	snprintf(num, sizeof(num), "青纪函〔2022〕%d号", k + 1);
	demo_id(d, 'H', id);
	o = json_pack("{s:s, s:s, s:s, s:s, s:o, s:s, s:o, s:s, s:o, s:s, s:o}", "type", "opinion", "id", id,
		      "letter_no", no, "requester", "中共" DEMO_CITY "委组织部", "received", demo_date(received),
		      "purpose", DEMO_PICK(d, purposes), "due", demo_date(demo_later(d, received, 10, 10, 0)),
		      "state", "replied", "reply_day", demo_date(reply), "number", num, "replied", demo_date(reply));
	demo_emit(d, o);
	memset(taken, 0, (size_t)npool);
	for (int i = 0; i < size; i++) {
		int j = demo_rand(d, npool);
		const struct demo_person *p;
		while (taken[j])
			j = (j + 1) % npool;
		taken[j] = 1;
		p = &d->persons[pool[j]];
		o = json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:s}", "type", "opinion_line",
			      "opinion", id, "line_no", i + 1, "name", p->name, "unit", d->units[p->unit].name,
			      "position", p->position ? p->position : "", "person", p->id, "matched", "name",
			      "candidates", 1, "proposed", "none_found", "reason", "未发现问题线索、在办案件和处分处理记录",
			      "opinion_code", "none_found");
		demo_emit(d, o);
	}
}

int demo_opinions(struct demo *d)
{
	int size[LETTERS], *pool = arena_zalloc(d->a, sizeof(int) * (size_t)(d->n_persons + 1));
	char *taken = arena_zalloc(d->a, (size_t)d->n_persons + 1);
	int npool = clean_persons(d, pool);
	qf_day day = demo_day(d, 0, 1, 4);

	if (npool < 64)
		return -1;
	for (int k = 0; k < LETTERS; k++)
		size[k] = CADRES / LETTERS + (k < CADRES % LETTERS);
	for (int k = 0; k + 1 < LETTERS; k += 2) {
		int t = demo_rand(d, 24);
		size[k] += t;
		size[k + 1] -= t;
	}
	/* about one a week, from January to mid-December */
	for (int k = 0; k < LETTERS; k++)
		letter(d, k, size[k], pool, npool, taken, demo_weekday(day + k * 6 + demo_rand(d, 3)));
	return d->failed ? -1 : 0;
}
