/*
 * import.c: `qingfeng import FILE` loads JSON Lines (INTERCHANGE.md) in
 * one transaction, all or nothing (domain/interchange.c).  On a terminal
 * a progress bar on stderr, redrawn at most ten times a second.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "core/date.h"
#include "core/log.h"
#include "domain/interchange.h"

#define BAR_WIDTH 30
#define REDRAW_US 100000

struct bar {
	int64_t size, start, last;
	int drawn;
};

static void bar_draw(struct bar *b, int64_t bytes, int64_t records, int64_t now)
{
	int pct = b->size > 0 ? (int)(bytes * 100 / b->size) : 0;
	double secs = (double)(now - b->start) / 1e6;
	char fill[BAR_WIDTH + 1];

	memset(fill, ' ', BAR_WIDTH);
	memset(fill, '#', (size_t)(pct * BAR_WIDTH / 100));
	fill[BAR_WIDTH] = '\0';
	fprintf(stderr, "\rimport [%s] %3d%%  %" PRId64 " records  %.0f/s ", fill, pct, records,
		secs > 0 ? (double)records / secs : 0.0);
	b->drawn = 1;
	b->last = now;
}

static void progress(void *arg, int64_t bytes, int64_t records)
{
	struct bar *b = arg;
	int64_t now;

	if (records % 64)
		return;         /* the clock is read every 64 records only */
	now = time_mono_us();
	if (now - b->last >= REDRAW_US)
		bar_draw(b, bytes, records, now);
}

int cmd_import(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *pos[1];
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file (default <db>.key; required with PostgreSQL)" },
		{ NULL, NULL, NULL, NULL }
	};
	struct strbuf err = STRBUF_INIT, detail = STRBUF_INIT;
	struct ix_counts counts;
	struct cmd_env env;
	struct bar bar = { 0 };
	struct stat st;
	int n = cmd_parse(argc, argv, specs, pos, 1, "qingfeng import FILE  (JSON Lines, INTERCHANGE.md)");
	int tty = isatty(STDERR_FILENO), rc;
	FILE *f;

	if (n == -2)
		return 0;
	if (n != 1) {
		if (n >= 0)
			error("usage: qingfeng import FILE");
		return EXIT_USAGE;
	}
	f = fopen(pos[0], "rb");
	if (!f)
		return error("cannot open '%s'", pos[0]), 1;
	if (cmd_open(&env, cmd_db_path(db), key) < 0) {
		fclose(f);
		return 1;
	}
	bar.size = fstat(fileno(f), &st) == 0 ? (int64_t)st.st_size : 0;
	bar.start = time_mono_us();
	rc = ix_import(&env.c, f, &counts, tty ? progress : NULL, &bar, &err);
	if (tty && bar.drawn) {
		bar_draw(&bar, bar.size, counts.total, time_mono_us());
		fputc('\n', stderr);
	}
	if (rc < 0) {
		error("import: %s (nothing was imported)", err.buf);
	} else {
		for (int i = 0; ix_types[i].type; i++)
			if (counts.n[i])
				strbuf_addf(&detail, " %s %" PRId64, ix_types[i].type, counts.n[i]);
		printf("qingfeng: imported %" PRId64 " records from %s:%s\n", counts.total, pos[0],
		       detail.len ? detail.buf : " none");
		cmd_analyze_after(&env, &counts);
	}
	strbuf_release(&err);
	strbuf_release(&detail);
	fclose(f);
	cmd_close(&env);
	return rc < 0 ? 1 : 0;
}
