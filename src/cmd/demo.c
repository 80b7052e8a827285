/*
 * demo.c: `qingfeng demo --year 2022 [--out FILE] [--accounts] [--db ...]`
 * writes the demo year, a synthetic year of a fictional county-level city
 * whose records reproduce the figures of the 2022 report when computed by
 * the definitions of DOMAIN.md section 6, as JSON Lines of
 * docs/interchange.md; with --out to a file, else into the database
 * through the import engine of `qingfeng import` (all or nothing).
 *
 * Deterministic: the generator's only source of variety is its own PRNG
 * seeded from the year (no clock, no random device), so every run on
 * every machine writes the same bytes.  --accounts then creates one staff
 * account per business role, with passwords drawn from the system's
 * random source and shown once (`make run` on a new database).  An import
 * also gives every department and township its rating page (random
 * tokens, not part of the pinned bytes).
 */
#include "cmd/demo.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/log.h"
#include "domain/interchange.h"
#include "domain/rating.h"
#include "domain/role.h"
#include "domain/user.h"
#include "store/q_interchange.h"
#include "store/q_settings.h"

#define DEMO_SEED 0x5146c3a9e2d4b817ull /* "QF" and some bits: fixed forever */

/* the staff accounts of --accounts: one per business role; the scoped
 * roles get a unit of the demo city as their jurisdiction */
static const struct account {
	const char *name, *role, *display, *office;
	const char *unit;               /* the unit's name, NULL none */
	int principal;
} accounts[] = {
	{ "demo_intake", "intake", "信访室演示账户", "信访室", NULL, 0 },
	{ "demo_casemgr", "case_manager", "案管室演示账户", "案件监督管理室", NULL, 0 },
	{ "demo_supervisor", "supervisor", "监督检查室演示账户", "第一监督检查室", NULL, 0 },
	{ "demo_investigator", "investigator", "审查调查室演示账户", "第一审查调查室", NULL, 0 },
	{ "demo_trial", "trial", "案件审理室演示账户", "案件审理室", NULL, 0 },
	{ "demo_inspection", "inspection", "巡察办演示账户", "巡察办", NULL, 0 },
	{ "demo_resident", "resident_group", "派驻组演示账户", "派驻第一纪检监察组", "市教育局", 0 },
	{ "demo_township", "township", "乡镇纪委演示账户", "柳溪镇纪委", "柳溪镇", 0 },
	{ "demo_leader", "leader", "委领导演示账户（主要负责人）", "委领导", NULL, 1 },
	{ "demo_rectifier", "rectifier", "整改联络员演示账户", "市教育局", "市教育局", 0 },
};

uint64_t demo_next(struct demo *d)
{
	uint64_t z = (d->rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

int demo_rand(struct demo *d, int n)
{
	return n > 0 ? (int)(demo_next(d) % (uint64_t)n) : 0;
}

int demo_between(struct demo *d, int lo, int hi)
{
	return lo + demo_rand(d, hi - lo + 1);
}

const char *demo_pick(struct demo *d, const char *const *list, int n)
{
	return list[demo_rand(d, n)];
}

const char *demo_id(struct demo *d, char letter, char *buf)
{
	static const char letters[] = DEMO_ID_LETTERS;
	const char *at = strchr(letters, letter);
	int slot = at ? (int)(at - letters) : (int)sizeof(letters) - 1;

	snprintf(buf, 16, "D%02u-%c%04u", (unsigned)d->year % 100u, letter, (unsigned)++d->seq[slot] % 100000u);
	return buf;
}

qf_day demo_day(struct demo *d, int year_offset, int month, int mday)
{
	return date_from_ymd(d->year + year_offset, month, mday);
}

qf_day demo_weekday(qf_day day)
{
	while (date_weekday(day) >= 5)
		day++;
	return day;
}

qf_day demo_cap(struct demo *d, qf_day day, int year_offset)
{
	qf_day last = demo_day(d, year_offset, 12, 30);

	return demo_weekday(day > last ? last : day);
}

qf_day demo_within(struct demo *d, int year_offset, int m1, int d1, int m2, int d2)
{
	qf_day a = demo_day(d, year_offset, m1, d1), b = demo_day(d, year_offset, m2, d2);

	return demo_weekday(a + demo_rand(d, b - a + 1));
}

qf_day demo_later(struct demo *d, qf_day day, int lo, int hi, int year_offset)
{
	return demo_cap(d, day + demo_between(d, lo, hi), year_offset);
}

json_t *demo_date(qf_day day)
{
	char buf[11];

	return json_string(date_format(day, buf));
}

void demo_emit(struct demo *d, json_t *obj)
{
	char *line;

	if (!obj) {             /* a json_pack format error: a bug */
		d->failed = 1;
		return;
	}
	line = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (!line || fprintf(d->out, "%s\n", line) < 0)
		d->failed = 1;
	free(line);
	json_decref(obj);
}

static int in_pool(const struct demo_person *p, enum demo_pool pool)
{
	int plain = !strcmp(p->rank, "staff") && !p->top && !p->lead;
	int village = !strcmp(p->rank, "village") && !p->top && !p->lead;

	switch (pool) {
	case POOL_KEY:
		return strcmp(p->rank, "county") && strcmp(p->rank, "village") &&
		       (!strcmp(p->rank, "section") || p->top || p->lead);
	case POOL_PLAIN:
		return plain;
	case POOL_PARTY:
		return plain && p->party;
	case POOL_VILLAGE:
		return village;
	default:
		return plain || village;
	}
}

/* Draws from a random start, walking the persons in order. */
static int draw(struct demo *d, enum demo_pool pool, const char *tag)
{
	int start = demo_rand(d, d->n_persons);

	for (int k = 0; k < d->n_persons; k++) {
		struct demo_person *p = &d->persons[(start + k) % d->n_persons];
		const char *t = d->units[p->unit].tag;
		if (p->used || !in_pool(p, pool) || (tag && (!t || strcmp(t, tag))))
			continue;
		p->used = 1;
		return (int)(p - d->persons);
	}
	return -1;
}

int demo_subject(struct demo *d, enum demo_pool pool, const char *tag)
{
	int p;

	if (pool != POOL_MIXED)
		return draw(d, pool, tag);
	pool = demo_rand(d, 2) ? POOL_PLAIN : POOL_VILLAGE;
	p = draw(d, pool, tag);
	return p >= 0 ? p : draw(d, pool == POOL_PLAIN ? POOL_VILLAGE : POOL_PLAIN, tag);
}

int demo_subject_near(struct demo *d, enum demo_pool pool, int unit)
{
	for (int k = 0; k < d->n_persons; k++) {
		struct demo_person *p = &d->persons[k];
		if (p->unit != unit || p->used || !in_pool(p, pool == POOL_MIXED ? POOL_PLAIN : pool))
			continue;
		p->used = 1;
		return k;
	}
	return -1;
}

void demo_release(struct demo *d)
{
	for (int i = 0; i < d->n_held; i++)    /* held problems a failed run did not write */
		json_decref(d->held[i].o);
	arena_free(d->a);
}

/* The whole year into f. */
static int demo_write(int year, FILE *f)
{
	struct demo d = { .out = f, .rng = DEMO_SEED ^ (uint64_t)year, .year = year };
	int rc;

	d.a = arena_new(1 << 16);
	rc = demo_org(&d) < 0 || demo_rounds(&d) < 0 || demo_matters(&d) < 0 || demo_ratings(&d) < 0 ||
	     demo_targets(&d) < 0 || demo_problems(&d) < 0 || demo_inspections(&d) < 0 ||
	     demo_talks(&d) < 0 || demo_worklog(&d) < 0 ||
	     demo_opinions(&d) < 0 || demo_found_problems(&d) < 0 ? -1 : 0;
	demo_release(&d);
	return rc;
}

/* The id of the demo city's unit called name (imported: it has an ext_id). */
static int64_t unit_named(struct cmd_env *env, const char *name)
{
	struct store_ix_value b = { 2, 0, name };

	return store_ix_run(env->db, store_ix_sql("SELECT COALESCE(min(id), 0) FROM units WHERE name = ? "
						  "AND ext_id IS NOT NULL"), &b, 1);
}

/* One account per business role, passwords shown once. */
static int make_accounts(struct cmd_env *env)
{
	struct strbuf err = STRBUF_INIT;
	char pw[32];
	int rc = 0;

	printf("qingfeng: demo staff accounts (passwords shown once; change them on the account page):\n");
	for (size_t i = 0; i < sizeof(accounts) / sizeof(accounts[0]) && !rc; i++) {
		const struct account *a = &accounts[i];
		int64_t unit = a->unit ? unit_named(env, a->unit) : 0;
		cmd_random_password(pw);
		strbuf_reset(&err);
		if (unit < 0 || user_create(&env->c, a->name, a->role, a->display, unit, pw, 0, &err) < 0 ||
		    (a->principal && user_set_principal(&env->c, a->name, 1, &err) < 0) ||
		    user_office_set(&env->c, a->name, a->office, &err) < 0) {
			error("cannot create the demo account '%s': %s", a->name, err.buf);
			rc = -1;
		} else {
			printf("  %-18s %-26s %s\n", a->name, pw, role_label(a->role));
		}
	}
	if (!rc)
		printf("qingfeng: sign in as demo_casemgr or demo_leader to see the whole commission\n");
	sodium_memzero(pw, sizeof(pw));
	strbuf_release(&err);
	return rc;
}

/* The commission's name (the `commission` setting: the top bar, the titles
 * of the statistics and the annual report) becomes the demo city's, unless
 * the operator has named it (init --name, config set). */
static int name_commission(struct cmd_env *env)
{
	const char *v = NULL;

	if (store_setting_get(env->c.db, env->c.a, "commission", &v) < 0)
		return error("cannot read the commission setting");
	if (v && *v && strcmp(v, CMD_DEFAULT_COMMISSION))
		return 0;
	if (store_setting_set(env->c.db, "commission", DEMO_CITY "纪委监委") < 0)
		return error("cannot name the commission");
	return 0;
}

/* Every department's and township's rating page (码上问效), so the demo's
 * pages and posters open at once (issue 13).  The tokens are random, drawn
 * here after the import: the generated bytes (pinned by t162) hold none. */
static int make_tokens(struct cmd_env *env)
{
	int n = rating_tokens_all(&env->c);

	if (n < 0)
		return error("cannot make the units' rating pages");
	printf("qingfeng: rating pages (码上问效) made for %d units\n", n);
	return 0;
}

/* Generates into memory and imports it through the import engine. */
static int demo_import(struct cmd_env *env, int year, int with_accounts)
{
	struct strbuf err = STRBUF_INIT;
	struct ix_counts counts;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int64_t t0 = time_mono_us();
	int rc = -1;

	if (!f)
		return error("cannot generate: out of memory");
	if (demo_write(year, f) < 0 || fclose(f) != 0) {
		error("cannot generate the demo year");
		free(buf);
		return -1;
	}
	f = fmemopen(buf, len, "rb");
	if (!f) {
		free(buf);
		return error("cannot read the generated year");
	}
	if (ix_import(&env->c, f, &counts, NULL, NULL, &err) < 0) {
		error("demo: import: %s (nothing was imported)", err.buf);
	} else {
		printf("qingfeng: demo year %d imported: %" PRId64 " records in %.1f s\n", year, counts.total,
		       (double)(time_mono_us() - t0) / 1e6);
		cmd_analyze_after(env, &counts);
		rc = name_commission(env) < 0 || demo_inspection_staff(env, year) < 0 || make_tokens(env) < 0 ? -1
		     : with_accounts ? make_accounts(env) : 0;
	}
	fclose(f);
	free(buf);
	strbuf_release(&err);
	return rc;
}

int cmd_demo(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *year_s = NULL, *out = NULL, *pos[1];
	int with_accounts = 0;
	const struct option_spec specs[] = {
		{ "--year", &year_s, NULL, "the year to generate (2022: the year of the reference report)" },
		{ "--out", &out, NULL, "write the JSON Lines to FILE ('-' standard output) instead of importing" },
		{ "--accounts", NULL, &with_accounts, "after the import, create one staff account per role (passwords shown once)" },
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file (default <db>.key; required with PostgreSQL)" },
		{ NULL, NULL, NULL, NULL }
	};
	struct cmd_env env;
	int n = cmd_parse(argc, argv, specs, pos, 0, "qingfeng demo --year 2022 [--out FILE] [--accounts]");
	int rc;

	if (n == -2)
		return 0;
	if (n != 0)
		return EXIT_USAGE;
	if (!year_s || strcmp(year_s, "2022")) {
		error("demo: --year 2022 is the one demo year so far (the figures of the 2022 report)");
		return EXIT_USAGE;
	}
	if (out && with_accounts) {
		error("demo: --accounts needs the import (not --out)");
		return EXIT_USAGE;
	}
	if (out) {
		FILE *f = strcmp(out, "-") ? fopen(out, "wb") : stdout;
		if (!f)
			return error("cannot open '%s'", out), 1;
		rc = demo_write(2022, f);
		if ((f != stdout && fclose(f) != 0) || (f == stdout && fflush(f) != 0))
			rc = -1;
		if (rc < 0)
			error("demo: the year was not generated whole into '%s'", out);
		return rc < 0;
	}
	if (cmd_open(&env, cmd_db_path(db), key) < 0)
		return 1;
	rc = demo_import(&env, 2022, with_accounts);
	cmd_close(&env);
	return rc < 0;
}
