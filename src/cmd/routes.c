/*
 * routes.c: `qingfeng routes`, a hidden subcommand for the tests: the
 * route table and the role table as compiled into this binary, one JSON
 * object a line, so that the authorization scan (tests/http/t42_route_scan)
 * is generated from what the server really dispatches and never parses C.
 *
 *   {"kind":"route","methods":["GET","HEAD"],"pattern":"/units/{id}",
 *    "perms":["unit_read"],"flags":["api"]}
 *   {"kind":"role","code":"township","perms":[...],"admin":false,"scoped":true}
 *
 * A permission without a name in domain/perm.c is printed as "bit<N>", so
 * a new PERM_* still shows (and a test that does not know it fails).  The
 * command opens no database and needs no key.
 */
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "cmd/cmd.h"
#include "core/log.h"
#include "domain/role.h"
#include "http/http.h"

static const struct {
	int bit;
	const char *name;
} method_names[] = {
	{ HM_GET, "GET" }, { HM_POST, "POST" }, { HM_PUT, "PUT" },
	{ HM_DELETE, "DELETE" }, { HM_HEAD, "HEAD" }, { HM_OTHER, "OTHER" },
};

static const struct {
	int bit;
	const char *name;
} flag_names[] = {
	{ R_PUBLIC, "public" }, { R_PARTIAL, "partial" }, { R_API, "api" },
	{ R_NOCSRF, "nocsrf" }, { R_STATIC, "static" }, { R_ACCOUNT, "account" }, { R_CITIZEN, "citizen" },
	{ R_UPLOAD, "upload" },
};

/* The names of the permissions in set, in index order. */
static json_t *perms_json(struct perms set)
{
	json_t *a = json_array();

	for (unsigned i = PERM_NONE + 1; i < PERM_COUNT; i++) {
		const char *name = perm_name((enum perm)i);
		char buf[16];

		if (!perm_has(set, (enum perm)i))
			continue;
		if (!name) {
			snprintf(buf, sizeof buf, "bit%u", i);
			name = buf;
		}
		json_array_append_new(a, json_string(name));
	}
	return a;
}

/* The set of a route's one permission (empty for PERM_NONE). */
static struct perms route_perms(const struct route *r)
{
	struct perms set = { { 0 } };

	perms_add(&set, r->perm);
	return set;
}

/* Prints one object as a line; 0 or -1. */
static int print_line(json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	int rc = s && printf("%s\n", s) > 0 ? 0 : -1;

	free(s);
	json_decref(o);
	return rc;
}

int cmd_routes(int argc, char **argv)
{
	const struct option_spec specs[] = { { NULL, NULL, NULL, NULL } };
	const char *pos[1];
	int n = cmd_parse(argc, argv, specs, pos, 0,
			  "qingfeng routes   (the route and role tables as JSON lines, for tests)");
	int rc = 0;

	if (n == -2)
		return 0;
	if (n != 0)
		return EXIT_USAGE;
	for (const struct route *r = route_table; r->pattern; r++) {
		json_t *m = json_array(), *f = json_array();
		for (size_t i = 0; i < QF_ARRAY_SIZE(method_names); i++)
			if (r->methods & method_names[i].bit)
				json_array_append_new(m, json_string(method_names[i].name));
		for (size_t i = 0; i < QF_ARRAY_SIZE(flag_names); i++)
			if (r->flags & flag_names[i].bit)
				json_array_append_new(f, json_string(flag_names[i].name));
		if (print_line(json_pack("{s:s, s:o, s:s, s:o, s:o}", "kind", "route", "methods", m,
					 "pattern", r->pattern, "perms", perms_json(route_perms(r)),
					 "flags", f)) < 0)
			rc = -1;
	}
	for (const struct role *ro = role_table; ro->code; ro++)
		if (print_line(json_pack("{s:s, s:s, s:o, s:b, s:b}", "kind", "role", "code", ro->code,
					 "perms", perms_json(role_perms(ro)), "admin", ro->admin,
					 "scoped", ro->scoped)) < 0)
			rc = -1;
	if (rc < 0 || fflush(stdout) != 0) {
		error("cannot write the route table");
		return 1;
	}
	return 0;
}
