#ifndef QF_OFFICE_XLSX_READ_H
#define QF_OFFICE_XLSX_READ_H
/*
 * xlsx_read: the first worksheet of an .xlsx workbook as tab-separated
 * text, one line per row (empty rows kept, so a line's number is the
 * sheet's row number), for a feature that takes lists (the opinion
 * requests' cadres) and parses text.  Shared strings, inline strings and
 * numbers are read as text; a cell's tabs and line breaks become spaces;
 * formulas give their cached value; dates stay serial numbers (a list of
 * names needs none).  The sheet is the workbook's first (xl/worksheets/
 * sheet1.xml, the one Excel and WPS write first).  Nothing else of the
 * workbook is read.
 */
#include <stddef.h>

#include "core/strbuf.h"

/* 1 when data looks like a zip (an .xlsx) rather than text */
int xlsx_is_zip(const void *data, size_t len);
/* 0 with the rows in out; -1 with a reason (English, for the log) in err */
int xlsx_read_tsv(const void *data, size_t len, struct strbuf *out, char *err, size_t n);

#endif
