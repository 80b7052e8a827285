#ifndef QF_OFFICE_TABLE_H
#define QF_OFFICE_TABLE_H
/*
 * office/table: the table both writers take (docx.h puts it in a document,
 * xlsx.h makes it a sheet), so a feature builds its rows once and offers
 * them as a Word document, an Excel workbook or both.
 *
 * A table is a title, an optional second line (the unit, the period, when
 * it was made), columns and rows of typed cells.  The office layer knows
 * no records: a caller turns its records into cells.
 *
 * Ownership: nothing here is copied or freed by the writers beyond the
 * call that takes the table; the caller keeps the strings and the arrays
 * (usually in its request arena) until docx_table()/xlsx_sheet() returns.
 */
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/strbuf.h"

enum office_kind {
	OFFICE_EMPTY = 0,   /* a blank cell: a zeroed cell is blank */
	OFFICE_TEXT,        /* .text, written as text, never as a formula */
	OFFICE_INT,         /* .n, a count */
	OFFICE_FEN,         /* .n fen, shown as yuan with two decimals */
	OFFICE_DATE,        /* .n, a qf_day, shown 2022-12-31 */
	OFFICE_RATIO,       /* .n / .d as a percentage with two decimals (0/0: blank) */
};

struct office_cell {
	enum office_kind kind;
	const char *text;
	int64_t n, d;
};

static inline struct office_cell office_text(const char *s)
{
	return (struct office_cell){ .kind = s ? OFFICE_TEXT : OFFICE_EMPTY, .text = s };
}
static inline struct office_cell office_int(int64_t n)
{
	return (struct office_cell){ .kind = OFFICE_INT, .n = n };
}
static inline struct office_cell office_fen(int64_t fen)
{
	return (struct office_cell){ .kind = OFFICE_FEN, .n = fen };
}
static inline struct office_cell office_date(qf_day day)
{
	return (struct office_cell){ .kind = day == QF_DAY_NONE ? OFFICE_EMPTY : OFFICE_DATE, .n = day };
}
static inline struct office_cell office_ratio(int64_t num, int64_t den)
{
	return (struct office_cell){ .kind = OFFICE_RATIO, .n = num, .d = den };
}

struct office_col {
	const char *head;   /* the header cell */
	int width;          /* in characters (a Chinese character is 2); 0: from the content */
	/* NULL, or the header over this column and its neighbours of the same
	 * group (e.g. "处分" over "党纪处分" and "政务处分"): the header then
	 * takes two rows, a column without a group spanning both */
	const char *group;
};

struct office_table {
	const char *title;          /* NULL: none (a sheet then starts at its header) */
	const char *subtitle;       /* NULL: none; e.g. "某某县纪委监委  2022年  制表：2023-01-05 09:30" */
	size_t ncols, nrows;
	const struct office_col *cols;      /* ncols */
	const struct office_cell *cells;    /* nrows * ncols, row after row */
};

#define OFFICE_ERR_MAX 160

/*
 * Checks text for a document: valid UTF-8, no NUL, no controls other than
 * tab, LF and CR, no bidirectional controls, no noncharacters (the input
 * rule of core/text.h; XML 1.0 cannot carry most controls at all).  0, or
 * -1 with an English message naming `what` and the character in err.
 */
int office_text_check(const char *s, const char *what, char *err, size_t n);

/* The width of s in character cells: 2 for CJK and other wide characters,
 * 1 for the rest (used to size columns from their content). */
size_t office_text_width(const char *s);

/* Appends the cell as a person reads it: 1234, 1,234.56, 2022-12-31,
 * 93.48% (rounded half up from the exact ratio), "" for a blank. */
void office_cell_format(struct strbuf *sb, const struct office_cell *c);

/* The ratio n/d in hundredths of a per cent, rounded half up (9348 for
 * 172/184); 0 when d is 0. */
int64_t office_ratio_bp(int64_t n, int64_t d);

/* The width in character cells of column `col`: its width, or the widest
 * of its cells as formatted (and of its header, with_head). */
size_t office_col_width(const struct office_table *t, size_t col, int with_head);

/* Appends t as plain text for a terminal: the header, then a line per
 * row, each column padded to its display width (a Chinese character is 2
 * cells, office_text_width) and two spaces apart, the last unpadded; no
 * title.  Used by the command line's listings (`user list`). */
void office_text_table(struct strbuf *sb, const struct office_table *t);

/* 1 when a column of t has a group (the header takes two rows). */
int office_has_groups(const struct office_table *t);
/* The number of columns from col on that share col's group (1 for a
 * column without one); 0 when col continues the group of col - 1. */
size_t office_group_span(const struct office_table *t, size_t col);

/* 0 when the table is usable: ncols > 0, cols and (when nrows > 0) cells
 * given, every text checked; else -1 with a message in err. */
int office_table_check(const struct office_table *t, char *err, size_t n);

/* Writes len bytes to path (created or truncated).  0, or -1 with the
 * reason in err (the docx and xlsx writers' _save). */
int office_write_file(const char *path, const void *data, size_t len, char *err, size_t n);

#endif
