/*
 * test_audit_ckpt.c: unit tests of the audit checkpoint (audit_ckpt.c) on
 * a SQLite file in a temporary directory (issue 8, failure 5): reading a
 * missing or malformed file, the first move, mode 0600, nothing to do
 * when nothing is new, never backwards, refusing a log that was truncated
 * and refilled behind its back (the file left as it was), the forced
 * reset, and audit_verify against the checkpoint.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "store/q_audit.h"
#include "store/store.h"
#include "tmpdb.h"

static char dbpath[128], keypath[128], ckpath[128];

struct fixture {
	struct store *db;
	struct arena *a;
	struct config cfg;
	struct qf_keys keys;
	struct ctx c;
};

static int setup(void **state)
{
	static struct fixture f;
	struct strbuf err = STRBUF_INIT;

	if (crypto_setup() < 0 || !(f.db = tmpdb_open("ckpt")))
		return -1;
	snprintf(dbpath, sizeof(dbpath), "%s/qf.db", tmpdb_dir);
	snprintf(keypath, sizeof(keypath), "%s/qf.key", tmpdb_dir);
	snprintf(ckpath, sizeof(ckpath), "%s/qf.key.audit", tmpdb_dir);
	if (keyfile_create(keypath, 0, &err) < 0 || keyfile_load(keypath, &f.keys, &err) < 0)
		return -1;
	strbuf_release(&err);
	config_defaults(&f.cfg);
	f.a = arena_new(4096);
	f.c = (struct ctx){ .db = f.db, .a = f.a, .cfg = &f.cfg, .keys = &f.keys, .now = 1700000000 };
	f.c.who.name = "cli:test";
	f.c.who.role = "cli";
	f.c.who.ip = "local";
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	arena_free(f->a);
	keys_wipe(&f->keys);
	return tmpdb_close(f->db);
}

static void append(struct fixture *f, int n)
{
	for (int i = 0; i < n; i++)
		assert_int_equal(audit_record(&f->c, AEV_UPDATE, "unit/1", 1, "修改单位"), 0);
}

static void write_file(const char *text)
{
	FILE *fp = fopen(ckpath, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static char *file_text(void)
{
	static char buf[256];
	FILE *fp = fopen(ckpath, "r");

	buf[0] = '\0';
	if (fp) {
		if (!fgets(buf, sizeof(buf), fp))
			buf[0] = '\0';
		fclose(fp);
	}
	return buf;
}

/* The newest entry's MAC, as the store has it (its id must be id). */
static const char *head_mac(struct fixture *f, int64_t id)
{
	const char *mac;
	int64_t last;

	assert_true(store_audit_last(f->db, f->a, &last, &mac) >= 0);
	assert_int_equal(last, id);
	return mac;
}

/* Runs SQL text on the test's database (sqlite3 shell, as an attacker). */
static void shell(const char *sql)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "sqlite3 '%s' \"%s\"", dbpath, sql);
	assert_int_equal(system(cmd), 0);
}

static void test_read(void **state)
{
	struct audit_ckpt ck;
	struct strbuf msg = STRBUF_INIT;

	(void)state;
	unlink(ckpath);
	assert_int_equal(audit_ckpt_read(ckpath, &ck, &msg), 0);
	assert_int_equal(ck.count, 0);
	write_file("qingfeng-audit-checkpoint 1 3 abc\n");          /* short MAC */
	assert_int_equal(audit_ckpt_read(ckpath, &ck, &msg), -1);
	assert_non_null(strstr(msg.buf, "malformed"));
	write_file("something else 1 3\n");
	assert_int_equal(audit_ckpt_read(ckpath, &ck, &msg), -1);
	write_file("qingfeng-audit-checkpoint 1 0\n");               /* an empty log */
	assert_int_equal(audit_ckpt_read(ckpath, &ck, &msg), 1);
	assert_int_equal(ck.count, 0);
	assert_string_equal(ck.mac, "");
	unlink(ckpath);
	strbuf_release(&msg);
}

static void test_moves_forward_only(void **state)
{
	struct fixture *f = *state;
	struct strbuf msg = STRBUF_INIT;
	struct audit_ckpt ck;
	struct stat st;
	char want[160], ahead[160];

	unlink(ckpath);
	append(f, 3);
	assert_int_equal(audit_checkpoint(f->db, &f->keys, ckpath, 0, &ck, &msg), 1);
	assert_int_equal(ck.count, 3);
	snprintf(want, sizeof(want), "qingfeng-audit-checkpoint 1 3 %s\n", head_mac(f, 3));
	assert_string_equal(file_text(), want);
	assert_int_equal(stat(ckpath, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	/* nothing new: nothing written */
	assert_int_equal(audit_checkpoint(f->db, &f->keys, ckpath, 0, &ck, &msg), 0);
	assert_int_equal(ck.count, 3);

	/* two more entries: moved, every MAC after the checkpoint checked */
	append(f, 2);
	assert_int_equal(audit_checkpoint(f->db, &f->keys, ckpath, 0, &ck, &msg), 1);
	assert_int_equal(ck.count, 5);

	/* a checkpoint ahead of the log (written by someone who saw more, or
	 * the log lost entries): never moved back, the file left alone */
	snprintf(ahead, sizeof(ahead), "qingfeng-audit-checkpoint 1 9 %064d\n", 0);
	write_file(ahead);
	assert_int_equal(audit_checkpoint(f->db, &f->keys, ckpath, 0, &ck, &msg), -1);
	assert_non_null(strstr(msg.buf, "entries 6 to 9 are missing"));
	assert_string_equal(file_text(), ahead);
	assert_int_equal(ck.count, 9);
	strbuf_release(&msg);
}

static void test_refuses_refilled_log(void **state)
{
	struct fixture *f = *state;
	struct strbuf msg = STRBUF_INIT;
	struct audit_ckpt ck;
	int64_t bad, count;
	char before[160];

	/* the checkpoint at the head (5 entries), then entries 4 and 5
	 * deleted and new ones appended in their place and beyond */
	assert_true(audit_checkpoint(f->db, &f->keys, ckpath, 1, &ck, &msg) > 0);
	assert_int_equal(ck.count, 5);
	snprintf(before, sizeof(before), "%s", file_text());
	shell("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id > 3");
	f->c.now++;             /* other entries than the deleted ones */
	append(f, 4);
	strbuf_reset(&msg);
	assert_int_equal(audit_checkpoint(f->db, &f->keys, ckpath, 0, &ck, &msg), -1);
	assert_non_null(strstr(msg.buf, "audit entry 6: does not follow"));
	assert_string_equal(file_text(), before);

	/* verify against it names the entry that differs */
	assert_int_equal(audit_ckpt_read(ckpath, &ck, &msg), 1);
	strbuf_reset(&msg);
	assert_int_equal(audit_verify(f->db, &f->keys, &ck, &bad, &count, &msg), 1);
	assert_int_equal(bad, 5);
	assert_non_null(strstr(msg.buf, "differs from the checkpoint"));
	/* the chain alone holds */
	strbuf_reset(&msg);
	assert_int_equal(audit_verify(f->db, &f->keys, NULL, &bad, &count, &msg), 0);
	assert_int_equal(count, 7);

	/* forced (a deliberate restore): the log as it is */
	assert_int_equal(audit_checkpoint(f->db, &f->keys, ckpath, 1, &ck, &msg), 1);
	assert_int_equal(ck.count, 7);
	strbuf_reset(&msg);
	assert_int_equal(audit_verify(f->db, &f->keys, &ck, &bad, &count, &msg), 0);
	strbuf_release(&msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_moves_forward_only),
		cmocka_unit_test(test_refuses_refilled_log),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
