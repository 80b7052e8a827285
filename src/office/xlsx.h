#ifndef QF_OFFICE_XLSX_H
#define QF_OFFICE_XLSX_H
/*
 * office/xlsx: an Excel workbook of sheets, each one titled table
 * (office/table.h), in the ledger conventions of DOCUMENTS.md: row 1 the
 * title merged across the columns, row 2 the subtitle (unit, period, when
 * made), row 3 the header, bold with borders, frozen, repeated on printed
 * pages and carrying the autofilter (rows 3 and 4 when columns are
 * grouped: office_col.group); 宋体 11 pt; columns sized to their
 * content, long text wrapped; counts as numbers, fen as yuan with two
 * decimals (#,##0.00), dates as dates (yyyy-mm-dd), ratios as
 * percentages (0.00%), text as text: a cell never holds a formula, so
 * "=1+1" or "@SUM(A1)" typed by a user stays a string.  Printed on A4,
 * landscape when wide, fit to the page width, page numbers in the footer.
 * Written with libxlsxwriter.
 *
 *   struct xlsx *x = xlsx_new();
 *   xlsx_sheet(x, "线索", &table);
 *   if (xlsx_to_buf(x, &sb) < 0) ... xlsx_error(x) ...
 *   xlsx_free(x);
 *
 * Sheet names: forbidden characters []:*?/\ become "_", a name is cut to
 * 31 characters, and a repeated name gets " (2)", " (3)" ...; NULL or ""
 * is "Sheet1" ... in order.
 *
 * Errors as in docx.h: the first failure sticks, later calls do nothing,
 * xlsx_error() says what in English.  The workbook is finished by the
 * first xlsx_to_buf/xlsx_save (libxlsxwriter writes it once); later calls
 * give the same bytes again, and xlsx_sheet then fails.
 *
 * libxlsxwriter writes to a file: the workbook is assembled in a private
 * temporary file (mkstemp in $TMPDIR or /tmp, mode 0600, removed by
 * xlsx_free), and its own temporary files go to the same folder.  The
 * output does not depend on the clock (a fixed creation time).
 *
 * Ownership: the caller frees the workbook with xlsx_free(); tables are
 * read during xlsx_sheet only.
 */
#include "core/compat.h"
#include "core/strbuf.h"
#include "office/table.h"

struct xlsx;

/* NULL when no temporary file could be created (errno says why). */
struct xlsx *xlsx_new(void);
/* The same for long tables (list exports): libxlsxwriter's constant_memory
 * mode, each row written to the temporary file as the next begins, so the
 * writer holds one row, not the sheet.  Its limits: no merged cells (the
 * title and subtitle are centred across the columns instead), no grouped
 * headers (xlsx_sheet fails), strings inline rather than shared. */
struct xlsx *xlsx_new_streaming(void);
void xlsx_free(struct xlsx *x);

/* Adds a sheet holding t.  0, or -1 (xlsx_error says why). */
int xlsx_sheet(struct xlsx *x, const char *name, const struct office_table *t);

/* The first error, "" when none. */
const char *xlsx_error(const struct xlsx *x);

/* Appends the .xlsx file to out.  0 or -1. */
int xlsx_to_buf(struct xlsx *x, struct strbuf *out) QF_WUR;
/* Writes it to path.  0 or -1. */
int xlsx_save(struct xlsx *x, const char *path) QF_WUR;

#endif
