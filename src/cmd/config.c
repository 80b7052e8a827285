/*
 * config.c: `qingfeng config show` and `qingfeng config set KEY VALUE`:
 * the deployment's settings (region code, commission name, session and
 * lock-out limits, password policy), kept in the settings table, checked
 * against their allowed ranges, audited.  `serve` reads them at start.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/log.h"
#include "domain/audit.h"
#include "core/netaddr.h"
#include "store/q_settings.h"
#include "store/store.h"

static const struct {
	const char *key;
	long min, max;           /* integer settings; both 0 for text */
	const char *help;
} keys[] = {
	{ "region", 0, 0, "administrative region code (行政区划代码), 6 digits" },
	{ "commission", 0, 0, "the commission's name, shown in the top bar" },
	{ "level", 0, 0, "the commission's level: county, prefecture or province (default county); "
			 "decides which detention steps it may take (detention_limits.min_level) and, with "
			 "jurisdiction_rules, which subjects' reports and clues go one level up" },
	{ "session_idle", 60, 86400, "seconds of inactivity before a session ends (default 1800)" },
	{ "session_absolute", 600, 7 * 86400, "seconds after login a session ends anyway (default 43200)" },
	{ "lock_failures", 3, 20, "failed logins before the name is locked (default 5)" },
	{ "lock_seconds", 60, 86400, "seconds a locked name stays locked (default 900)" },
	{ "pw_min_len", 8, 64, "minimum password length in characters (default 10)" },
	{ "pw_classes", 2, 4, "character classes a password needs (default 3)" },
	{ "totp_required_all", 0, 1, "1: every user needs a second factor (TOTP), not only the admins (default 0)" },
	{ "login_addr_burst", 5, 1000, "failed logins one client address may make at once (default 30)" },
	{ "login_addr_seconds", 1, 3600, "then one more failed login per this many seconds (default 10)" },
	{ "principal_person", 1, 2147483647, "the person id (persons) of the commission's principal leader: "
					      "reports and clues about him are forwarded one level up" },
	{ "public_base_url", 0, 0, "the address citizens reach the public pages at, e.g. https://pj.example.gov.cn: "
				   "the units' rating QR codes encode it + /p/rate/TOKEN (issue 13)" },
	{ "pow_bits", 1, 30, "leading zero bits of the public forms' proof of work (default 16: about a second "
			     "on an old phone; each bit doubles it; docs/security.md \"Proof of work\")" },
	{ "public_file_max", 1024, 20971520, "largest file in bytes on the public report form (default 4194304: "
					      "4 MB; at most 5 files, together within serve --max-upload)" },
	{ "public_key_days", 1, 3650, "days a public rating page's idempotency key (its hash) is kept to answer "
				       "a retry (default 7; docs/operations.md \"Purging the public side\")" },
	{ "public_status_days", 1, 3650, "days a concluded report's, letter's or bad review's status stays "
					  "queryable with its code after it concluded (default 180)" },
	{ "trusted_proxy", 0, 0, "reverse proxies whose X-Forwarded-For names the client: addresses or "
				 "CIDR ranges, comma-separated; \"\" for none (serve --trusted-proxy overrides)" },
};

struct set_arg {
	struct cmd_env *env;
	const char *key, *value;
};

static int set_tx(struct store *s, void *arg)
{
	struct set_arg *sa = arg;
	char detail[300];

	if (store_setting_set(s, sa->key, sa->value) < 0)
		return -1;
	snprintf(detail, sizeof(detail), "%s=%s", sa->key, sa->value);
	return audit_append(&sa->env->c, AEV_CONFIG, "settings", 1, detail);
}

static int valid(size_t k, const char *v)
{
	char *end;
	long n;

	if (!keys[k].max) {
		struct netaddr_list l;
		char err[160];
		if (!strcmp(keys[k].key, "trusted_proxy"))
			return strlen(v) < 1000 && netaddr_list_parse(&l, v, err, sizeof(err)) == 0;
		if (!strcmp(keys[k].key, "level"))
			return !strcmp(v, "county") || !strcmp(v, "prefecture") || !strcmp(v, "province");
		if (!strcmp(keys[k].key, "public_base_url"))
			return (!strncmp(v, "https://", 8) || !strncmp(v, "http://", 7)) && strlen(v) < 120 &&
			       !strpbrk(v, " \"'<>?#");
		if (!strcmp(keys[k].key, "region"))
			return strlen(v) == 6 && strspn(v, "0123456789") == 6;
		return *v && strlen(v) < 120;
	}
	n = strtol(v, &end, 10);
	return *v && !*end && n >= keys[k].min && n <= keys[k].max;
}

int cmd_config(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *pos[3];
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file (default <db>.key; required with PostgreSQL)" },
		{ NULL, NULL, NULL, NULL }
	};
	struct cmd_env env;
	int n = cmd_parse(argc, argv, specs, pos, 3, "qingfeng config show | qingfeng config set KEY VALUE");
	size_t k;
	int rc = 1;

	if (n == -2) {
		for (k = 0; k < QF_ARRAY_SIZE(keys); k++)
			cmd_help_item(keys[k].key, keys[k].help);
		return 0;
	}
	if (n < 1 || !((n == 1 && !strcmp(pos[0], "show")) || (n == 3 && !strcmp(pos[0], "set")))) {
		if (n >= 0)
			error("usage: qingfeng config show | qingfeng config set KEY VALUE");
		return EXIT_USAGE;
	}
	if (n == 3) {
		for (k = 0; k < QF_ARRAY_SIZE(keys); k++)
			if (!strcmp(keys[k].key, pos[1]))
				break;
		if (k == QF_ARRAY_SIZE(keys)) {
			error("unknown setting '%s' (see 'qingfeng config --help')", pos[1]);
			return EXIT_USAGE;
		}
		if (!valid(k, pos[2])) {
			if (keys[k].max)
				error("'%s' must be a whole number from %ld to %ld", pos[1], keys[k].min, keys[k].max);
			else
				error("bad value for '%s': %s", pos[1], keys[k].help);
			return 1;
		}
	}
	if (cmd_open(&env, cmd_db_path(db), key) < 0)
		return 1;
	if (n == 1) {
		/* the settings read where they are used, shown as stored ("" unset)
		 * or with the default the code applies */
		static const struct { const char *key, *dflt; } stored[] = {
			{ "level", "county" }, { "principal_person", "" }, { "trusted_proxy", "" },
			{ "public_base_url", "" },
		};
		const struct config *c = &env.cfg;
		printf("region %s\ncommission %s\nsession_idle %d\nsession_absolute %d\n"
		       "lock_failures %d\nlock_seconds %d\npw_min_len %d\npw_classes %d\n"
		       "totp_required_all %d\nlogin_addr_burst %d\nlogin_addr_seconds %d\n"
		       "pow_bits %d\npublic_file_max %d\npublic_key_days %d\npublic_status_days %d\n",
		       c->region, c->commission, c->session_idle, c->session_absolute,
		       c->lock_failures, c->lock_seconds, c->pw_min_len, c->pw_classes,
		       c->totp_required_all, c->login_addr_burst, c->login_addr_seconds,
		       c->pow_bits, c->public_file_max, c->public_key_days, c->public_status_days);
		for (k = 0; k < QF_ARRAY_SIZE(stored); k++) {
			const char *v;
			if (store_setting_get(env.db, env.a, stored[k].key, &v) != STORE_ROW || !*v)
				v = stored[k].dflt;
			printf("%s %s\n", stored[k].key, v);
		}
		rc = 0;
	} else {
		struct set_arg sa = { &env, pos[1], pos[2] };
		if (store_tx(env.db, set_tx, &sa) < 0)
			error("cannot store the setting: %s", store_errmsg(env.db));
		else
			rc = 0;
	}
	cmd_close(&env);
	return rc;
}
