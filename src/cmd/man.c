/*
 * man.c: `qingfeng man` (hidden) writes the manual page qingfeng(1) in
 * roff to standard output.  Nothing in it is written twice: the commands
 * and their one-line descriptions come from main.c's table, and each
 * command's usage and options come from the very option table its --help
 * prints, because the command is run with --help while cmd_parse prints
 * help as roff (man_active()).  A new option therefore shows up in the
 * manual without anyone editing it; tests/http/t64_man.sh checks that
 * every option of every --help is in the page and that groff renders it
 * without warnings.  Text is escaped for roff: '\' and '-' always, a
 * leading '.' or '\'', and non-ASCII characters as \[uXXXX] so that the
 * page renders the same under any groff input encoding.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/version.h"

static int roff_mode;

int man_active(void)
{
	return roff_mode;
}

/* Decodes one UTF-8 sequence at s (len bytes left); the code point, or
 * U+FFFD for a malformed one.  *n is the bytes used. */
static unsigned utf8_next(const unsigned char *s, size_t len, size_t *n)
{
	unsigned cp;
	size_t need, i;

	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if ((s[0] & 0xe0) == 0xc0) { cp = s[0] & 0x1f; need = 1; }
	else if ((s[0] & 0xf0) == 0xe0) { cp = s[0] & 0x0f; need = 2; }
	else if ((s[0] & 0xf8) == 0xf0) { cp = s[0] & 0x07; need = 3; }
	else { *n = 1; return 0xfffd; }
	for (i = 1; i <= need; i++) {
		if (i >= len || (s[i] & 0xc0) != 0x80) {
			*n = i;
			return 0xfffd;
		}
		cp = cp << 6 | (s[i] & 0x3f);
	}
	*n = need + 1;
	return cp;
}

/* Writes len bytes of text as roff text on the current line. */
static void roff_text(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, n;

	if (len && (s[0] == '.' || s[0] == '\''))
		fputs("\\&", stdout);
	while (i < len) {
		unsigned cp = utf8_next(s + i, len - i, &n);

		if (cp == '\\')
			fputs("\\e", stdout);
		else if (cp == '-')
			fputs("\\-", stdout);
		else if (cp >= 0x80)
			printf("\\[u%04X]", cp);
		else
			putchar((int)cp);
		i += n;
	}
}

static void roff_line(const char *text)
{
	roff_text(text, strlen(text));
	putchar('\n');
}

void man_usage(const char *usage, const struct option_spec *specs)
{
	const char *p = usage, *nl;

	/* the usage lines as they are, one per line */
	fputs(".PP\n.nf\n", stdout);
	for (;;) {
		nl = strchr(p, '\n');
		roff_text(p, nl ? (size_t)(nl - p) : strlen(p));
		putchar('\n');
		if (!nl)
			break;
		p = nl + 1;
	}
	fputs(".fi\n", stdout);
	for (const struct option_spec *s = specs; s && s->name; s++) {
		fputs(s->flag ? ".TP\n.B " : ".TP\n.BI ", stdout);
		roff_text(s->name, strlen(s->name));
		fputs(s->flag ? "\n" : " \" value\"\n", stdout);
		roff_line(s->help);
	}
	man_item("--help", "show this help");
}

void man_item(const char *name, const char *help)
{
	fputs(".TP\n.B ", stdout);
	roff_line(name);
	roff_line(help);
}

static const char *const page_head[] = {
	".SH NAME",
	"qingfeng \\- the work platform of a county Commission for Discipline Inspection (\\[u6E05]\\[u98CE])",
	".SH SYNOPSIS",
	".B qingfeng",
	".I command",
	".RI [ options ]",
	".br",
	".B qingfeng \\-\\-help",
	".br",
	".B qingfeng \\-\\-version",
	".SH DESCRIPTION",
	"One program serves the web pages and the JSON API",
	".RB ( serve )",
	"and runs the command-line tools beside it.",
	"The data live in one SQLite file, or in a PostgreSQL database when",
	".B \\-\\-db",
	"is a",
	".B postgresql://",
	"URI.",
	"Every command opens the database and applies pending migrations first.",
	".SH COMMANDS",
	NULL
};

static const char *const page_tail[] = {
	".SH ENVIRONMENT",
	".TP",
	".B QINGFENG_DB",
	"the database when",
	".B \\-\\-db",
	"is not given (default var/qingfeng.db); a postgresql:// URI selects PostgreSQL.",
	".TP",
	".B QINGFENG_KEY",
	"the key file when",
	".B \\-\\-key",
	"is not given (default <db>.key beside a SQLite file; required with PostgreSQL).",
	".TP",
	".B NOTIFY_SOCKET",
	"set by systemd for Type=notify:",
	".B serve",
	"sends READY=1 once it listens and the database answered, STOPPING=1 when it stops.",
	".SH FILES",
	".TP",
	".I <db>.key",
	"the key file (mode 0600): field encryption key and audit MAC key.",
	"It is never in the database nor in a backup; keep it apart from the backups.",
	".SH EXIT STATUS",
	"0 success, 1 failure, 2 usage error.",
	".SH SEE ALSO",
	"docs/operations.md, docs/security.md and docs/user-guide.md in the source tree.",
	NULL
};

int cmd_man(const struct cmd_entry *cmds, size_t n)
{
	printf(".TH QINGFENG 1 \"\" \"qingfeng %s\" \"qingfeng manual\"\n", QF_VERSION);
	for (const char *const *l = page_head; *l; l++)
		puts(*l);
	roff_mode = 1;
	for (size_t i = 0; i < n; i++) {
		char *argv[] = { (char *)cmds[i].name, "--help", NULL };

		if (!cmds[i].help)
			continue;       /* hidden: for the tests, not for people */
		printf(".SS %s\n", cmds[i].name);
		roff_line(cmds[i].help);
		fflush(stdout);
		if (cmds[i].fn(2, argv) != 0) {
			roff_mode = 0;
			return 1;
		}
	}
	roff_mode = 0;
	for (const char *const *l = page_tail; *l; l++)
		puts(*l);
	return fflush(stdout) == 0 ? 0 : 1;
}
