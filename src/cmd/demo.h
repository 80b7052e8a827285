#ifndef QF_CMD_DEMO_H
#define QF_CMD_DEMO_H

/* the fictional county-level city of the demo year */
#define DEMO_CITY "青枫市"
/*
 * demo: the generator of `qingfeng demo --year 2022` (demo.c the command,
 * demo_org.c the fictional city's units, persons and campaigns,
 * demo_matters.c the reports, clues, cases and outcomes).  What the
 * generator shares: its own PRNG (no time or random source: the same
 * bytes every run), the persons it draws subjects from, and the writer of
 * JSON Lines (docs/interchange.md).  Everything is owned by struct demo
 * and freed by demo_release.
 */
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "core/date.h"

struct arena;

/* subject pools: who a group of matters draws its subjects from */
enum demo_pool {
	POOL_KEY,       /* section rank, or a unit's top leader or leadership member */
	POOL_PLAIN,     /* staff rank, no leading post (departments and townships) */
	POOL_PARTY,     /* as POOL_PLAIN, party members only */
	POOL_VILLAGE,   /* village committee members without a leading post */
	POOL_MIXED,     /* POOL_PLAIN or POOL_VILLAGE */
};

struct demo_person {
	char id[16];            /* file id */
	int unit;               /* index into demo.units */
	const char *name, *position, *rank;
	int top, lead, party;
	int used;               /* already a subject of a matter */
};

struct demo_unit {
	char id[16];
	const char *name, *kind, *tag;  /* tag: the campaign a unit is the field of */
	int parent;                     /* index, -1 for the city */
	int township;                   /* index of the township (villages, itself), else -1 */
};

/* a first-round inspection of the demo year (demo_inspections.c) */
struct demo_insp {
	int unit;
	char id[16];
};

/* a work log entry of the demo year (demo_worklog.c), for the problems it
 * found (demo_found_problems) */
struct demo_act {
	const char *kind, *campaign, *category;
	char id[16];
	qf_day day;
};

/* The file id letters with a sequence of their own (demo_id); a family's
 * generator that adds a letter adds it here, and seq grows with it. */
#define DEMO_ID_LETTERS "UPKRCAQOLWXITYVNH"

struct demo {
	FILE *out;
	struct arena *a;        /* every allocation of the run */
	uint64_t rng;
	int year;
	struct demo_unit *units;
	int n_units;
	struct demo_person *persons;
	int n_persons;
	int seq[sizeof DEMO_ID_LETTERS];  /* per id letter (the last: any other): last number used */
	char campaigns[8][24];  /* file ids of demo_campaigns[] */
	const char *principal;  /* the commission's principal leader (approves filings) */
	const char *secretary;  /* the city party committee's principal leader */
	char rounds[2][16];     /* the inspection rounds' file ids */
	struct demo_insp insp1[40];     /* the first round's inspections */
	int n_insp1;
	struct demo_act *acts;  /* the work log's entries, in file order */
	int n_acts;
	/* problems made in their place but written after the work log, which
	 * they name (demo_found_problems): the line, the entry kind, the day */
	struct { json_t *o; const char *kind; qf_day found; } held[128];
	int n_held;
	int failed;             /* a write failed */
};

/* The PRNG (splitmix64): a number in [0, n), in [lo, hi]. */
uint64_t demo_next(struct demo *d);
int demo_rand(struct demo *d, int n);
int demo_between(struct demo *d, int lo, int hi);
/* One of the n strings of list. */
const char *demo_pick(struct demo *d, const char *const *list, int n);
#define DEMO_PICK(d, list) demo_pick(d, list, (int)(sizeof(list) / sizeof(list[0])))

/* A new file id "D22-C0012" for letter (U P K R C A Q O L W X I T Y V N) into buf[16]. */
const char *demo_id(struct demo *d, char letter, char *buf);
/* A day of the demo year (offset 0) or the year before (-1). */
qf_day demo_day(struct demo *d, int year_offset, int month, int mday);
/* The next working day (Monday to Friday) from day on. */
qf_day demo_weekday(qf_day day);
/* day, or the last working day before Dec 31 of the year when later;
 * a working day drawn from m1-d1 to m2-d2 of the year; a working day
 * lo to hi days after day, capped so. */
qf_day demo_cap(struct demo *d, qf_day day, int year_offset);
qf_day demo_within(struct demo *d, int year_offset, int m1, int d1, int m2, int d2);
qf_day demo_later(struct demo *d, qf_day day, int lo, int hi, int year_offset);
/* "YYYY-MM-DD" as a JSON string. */
json_t *demo_date(qf_day day);
/* Writes obj as one line (compact, keys in insertion order) and frees it;
 * type first, as docs/interchange.md. */
void demo_emit(struct demo *d, json_t *obj);

/* A person of the pool not yet used, whose unit has tag (NULL: any);
 * marks it used.  -1 when none is left. */
int demo_subject(struct demo *d, enum demo_pool pool, const char *tag);
/* A person of the pool in unit not yet used (marked used), or -1. */
int demo_subject_near(struct demo *d, enum demo_pool pool, int unit);

/* demo_org.c: the units, persons and campaigns. */
int demo_org(struct demo *d);
/* One person's line (as demo_org writes them). */
void demo_emit_person(struct demo *d, int i);
/* A section-level person more (科级, no leading post) in unit, after the
 * chart (demo_talks.c's cadres): its index, or -1 when full. */
int demo_add_cadre(struct demo *d, int unit, const char *position);
/* The file id of campaign code ("grain", ...); NULL for code NULL. */
const char *demo_campaign(struct demo *d, const char *code);
/* demo_matters.c: everything else. */
int demo_matters(struct demo *d);
/* demo_ratings.c: the ratings, bad reviews and letters of 码上问效. */
int demo_ratings(struct demo *d);
/* demo_targets.c: the target tasks, work reminders and scores (issue 14). */
int demo_targets(struct demo *d);
/* demo_problems.c: the rectification ledger's problems. */
int demo_problems(struct demo *d);
/* demo_inspections.c: the two rounds (before the clues, which name the
 * first round's inspections), the first round's inspection of a unit
 * (emitted the first time; NULL past the round's 35), the rest of the
 * inspections and the findings (last); after the import, the staff lent
 * as members (accounts: no file carries them). */
int demo_rounds(struct demo *d);
const char *demo_inspection_of(struct demo *d, int unit);
int demo_inspections(struct demo *d);
struct cmd_env;
int demo_inspection_staff(struct cmd_env *env, int year);
/* demo_talks.c: the talks and personal matter reports (issue 15). */
int demo_talks(struct demo *d);
/* demo_worklog.c: the work log's activities and the document register (issue 15). */
int demo_worklog(struct demo *d);
/* demo_problems.c: the problems the work log's checks found (0061), after
 * every other line (they name activities; no earlier byte moves). */
int demo_found_problems(struct demo *d);
/* demo_opinions.c: the integrity opinion replies (issue 15). */
int demo_opinions(struct demo *d);

void demo_release(struct demo *d);

#endif
