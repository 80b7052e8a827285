/*
 * report_annual.c: `qingfeng report --annual`, the annual report from the
 * template kept in the database (domain/annual.h, docs/statistics.md "The
 * annual report template").
 *
 *   qingfeng report --annual --year 2022 --format text|html|docx [--out FILE]
 *       renders the newest template with the year's figures and keeps the
 *       rendering (its id on standard error);
 *   qingfeng report --annual --rendering ID [--format F] [--out FILE]
 *       writes a kept rendering again from its template version and figures;
 *   qingfeng report --annual --template FILE
 *       checks FILE and saves it as the next template version.
 *
 * Errors name the line and the placeholder; exit 1 (2 for usage).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/log.h"
#include "core/strbuf.h"
#include "domain/annual.h"
#include "domain/result.h"
#include "store/store.h"

static int read_all(const char *path, struct strbuf *sb)
{
	FILE *f = fopen(path, "rb");
	char buf[8192];
	size_t n;

	if (!f)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(sb, buf, n);
	fclose(f);
	return 0;
}

static int write_out(const char *out, const struct strbuf *sb)
{
	FILE *f = out ? fopen(out, "wb") : stdout;
	int rc = 0;

	if (!f)
		return error("cannot create '%s'", out);
	if (sb->len && fwrite(sb->buf, 1, sb->len, f) != sb->len)
		rc = -1;
	if ((f == stdout ? fflush(f) : fclose(f)) != 0)
		rc = -1;
	return rc < 0 ? error("cannot write the report") : 0;
}

static void template_error(const struct tmpl_error *e)
{
	error("年度报告模板有误 [%s] 第%d行 %s: %s", e->code, e->line, e->placeholder, e->message);
}

int cmd_report_annual(const char *db, const char *key, const char *year, const char *format,
		      const char *out, const char *tmpl, const char *rendering)
{
	struct strbuf sb = STRBUF_INIT;
	struct tmpl_error e;
	struct cmd_env env;
	int64_t y = year ? strtoll(year, NULL, 10) : 0, id = rendering ? strtoll(rendering, NULL, 10) : 0;
	int rc = -1;

	if (format && strcmp(format, "text") && strcmp(format, "html") && strcmp(format, "docx"))
		return error("--annual 的 --format 应为 text、html 或 docx，而不是“%s”", format), EXIT_USAGE;
	if (!tmpl && !rendering && (y < 1 || y > 9999))
		return error("--annual 需要 --year YYYY（或 --rendering ID、--template FILE）"), EXIT_USAGE;
	if (rendering && id <= 0)
		return error("--rendering 应为生成记录编号，而不是“%s”", rendering), EXIT_USAGE;
	if (tmpl && read_all(tmpl, &sb) < 0)
		return error("cannot read '%s'", tmpl), 1;
	if (cmd_open(&env, cmd_db_path(db), key) < 0) {
		strbuf_release(&sb);
		return 1;
	}
	if (tmpl) {
		int64_t version;
		int r = annual_save(&env.c, sb.buf ? sb.buf : "", &version, &e);

		if (r == RES_DONE) {
			fprintf(stderr, "qingfeng: 年度报告模板已保存为第%" PRId64 "版\n", version);
			rc = 0;
		} else if (r == RES_INVALID)
			template_error(&e);
		else
			error("cannot save the template: %s", store_errmsg(env.db));
	} else if (rendering) {
		struct annual_rendering r;
		int res = annual_reproduce(&env.c, id, format, &sb, &r);

		if (res == RES_DONE)
			rc = write_out(out, &sb);
		else if (res == RES_NOT_FOUND)
			error("没有编号为 %" PRId64 " 的年度报告生成记录", id);
		else
			error("cannot reproduce rendering %" PRId64 ": %s", id, store_errmsg(env.db));
	} else {
		int res = annual_render(&env.c, (int)y, format ? format : "text", &sb, &id, &e);

		if (res == RES_DONE) {
			rc = write_out(out, &sb);
			fprintf(stderr, "qingfeng: 年度报告已生成并留存，编号 %" PRId64 "\n", id);
		} else if (res == RES_INVALID)
			template_error(&e);
		else
			error("cannot render the annual report: %s", store_errmsg(env.db));
	}
	strbuf_release(&sb);
	cmd_close(&env);
	return rc < 0 ? 1 : 0;
}
