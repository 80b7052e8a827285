#ifndef QF_TEST_UNITDB_H
#define QF_TEST_UNITDB_H
/*
 * unitdb.h: the fixture of the domain unit tests that act as a role on a
 * migrated database with one unit (test_problem.c, test_campaign.c, test_talk.c): the
 * database (tmpdb.h), a calendar, default settings, the unit 甲局
 * (unitdb_unit), and a context acting as a role (unitdb_as).
 */
#include <stdint.h>
#include <time.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/crypto.h"
#include "domain/ctx.h"
#include "domain/role.h"
#include "model/unit.h"
#include "store/q_units.h"
#include "tmpdb.h"

static struct store *db;
static struct calendar *cal;
static struct qf_keys keys;
static struct config cfg;
static int64_t unitdb_unit;

/* cmocka's group setup and teardown */
static int unitdb_setup(void **state)
{
	struct unit u = { .region = "230100", .name = "甲局", .kind = "department" };

	(void)state;
	if (crypto_setup() < 0)
		return -1;
	config_defaults(&cfg);
	cal = calendar_new();
	if (!(db = tmpdb_open("unitdb")) || !cal)
		return -1;
	unitdb_unit = store_unit_insert(db, &u, time(NULL));
	return unitdb_unit > 0 ? 0 : -1;
}

static int unitdb_teardown(void **state)
{
	(void)state;
	calendar_free(cal);
	return tmpdb_close(db);
}

/* a context acting as a user of role, allocating from a */
static struct ctx unitdb_as(struct arena *a, const char *role)
{
	struct ctx c = { .db = db, .a = a, .cal = cal, .keys = &keys, .cfg = &cfg, .now = time(NULL) };

	c.who.id = 0;
	c.who.name = role;
	c.who.role = role;
	c.who.perms = role_perms(role_find(role));
	return c;
}

#endif
