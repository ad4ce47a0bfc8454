/* mk-xlsx-writer.h: a workbook written safely, and sheets of typed rows.
 *
 * The workbook streams (libxlsxwriter's constant-memory mode: each row goes
 * to disk when the next one starts) to a temporary name in the folder of
 * its final path and is renamed there only when complete. Sheets of typed
 * rows get a frozen, filtered header row, number and date formats, column
 * widths that fit what was written, and a totals row whose SUM formulas
 * carry their computed values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "mk-report-table.h"

G_BEGIN_DECLS

typedef struct _MkXlsx  MkXlsx;
typedef struct _MkSheet MkSheet;

typedef enum
{
  MK_XLSX_FORMAT_HEADER,
  MK_XLSX_FORMAT_HXL,
  MK_XLSX_FORMAT_TITLE,
  MK_XLSX_FORMAT_LABEL,
  MK_XLSX_FORMAT_WRAP,
  MK_XLSX_FORMAT_QUANTITY,
  MK_XLSX_FORMAT_WEIGHT,
  MK_XLSX_FORMAT_VOLUME,
  MK_XLSX_FORMAT_MONEY,
  MK_XLSX_FORMAT_DATE,
  MK_XLSX_FORMAT_PERCENT,
  MK_XLSX_FORMAT_TOTAL_LABEL,
  MK_XLSX_FORMAT_TOTAL_QUANTITY,
  MK_XLSX_FORMAT_TOTAL_WEIGHT,
  MK_XLSX_FORMAT_TOTAL_VOLUME,
  MK_XLSX_FORMAT_TOTAL_MONEY,
  MK_XLSX_FORMAT_TOTAL_PERCENT,
  MK_XLSX_N_FORMATS,
} MkXlsxFormat;

/* Opens a workbook that will become @path. Fails with a translated
 * MK_REPORT_ERROR_WRITE naming the folder when it cannot be written there.
 * @language ("ar") makes every sheet right to left. */
MkXlsx *_mk_xlsx_new (const char   *path,
                      const char   *language,
                      GCancellable *cancellable,
                      GError      **error);
/* Writes the file, then gives it its final name; on failure nothing is
 * left under either name. Frees @xlsx either way. */
gboolean _mk_xlsx_close (MkXlsx  *xlsx,
                         GError **error);
/* Frees @xlsx and removes what it wrote. */
void _mk_xlsx_abort (MkXlsx *xlsx);

lxw_workbook *_mk_xlsx_get_workbook (MkXlsx *xlsx);
lxw_format   *_mk_xlsx_get_format (MkXlsx      *xlsx,
                                   MkXlsxFormat format);
const char   *_mk_xlsx_get_language (MkXlsx *xlsx);
/* FALSE with an MK_REPORT_ERROR_CANCELLED error once cancelled. */
gboolean _mk_xlsx_check_cancelled (MkXlsx  *xlsx,
                                   GError **error);

/* A worksheet named @name (made valid and unique), right to left when the
 * workbook's language is. */
lxw_worksheet *_mk_xlsx_add_worksheet (MkXlsx     *xlsx,
                                       const char *name,
                                       char      **final_name);

/* A sheet of typed rows: row 1 the headers, row 2 the HXL hashtags when
 * @hxl, then the data. */
MkSheet *_mk_sheet_new (MkXlsx         *xlsx,
                        const char     *name,
                        const MkColumn *columns,
                        guint           n_columns,
                        gboolean        hxl);
gboolean _mk_sheet_write_row (MkSheet      *sheet,
                              const MkCell *cells,
                              GError      **error);
/* An MkRowFunc that writes to the MkSheet in @data. */
gboolean _mk_sheet_row_func (const MkCell *cells,
                             gpointer      data,
                             GError      **error);
/* Writes the totals row (when @totals and there are rows), the filter,
 * the frozen header and the widths; frees @sheet. */
gboolean    _mk_sheet_finish (MkSheet *sheet,
                              gboolean totals,
                              GError **error);
guint       _mk_sheet_get_n_rows (MkSheet *sheet);
const char *_mk_sheet_get_name (MkSheet *sheet);
/* The sum written so far in column @id (in the column's stored unit). */
gint64 _mk_sheet_get_total (MkSheet    *sheet,
                            const char *id);

/* One currency's total of a money column. */
typedef struct
{
  char  *currency;
  gint64 total; /* thousandths */
} MkValueTotal;

void _mk_value_total_free (MkValueTotal *total);
/* The money column @id's totals so far, one MkValueTotal per currency in
 * the order first met (empty when the sheet has no currency column). */
GPtrArray *_mk_sheet_get_value_totals (MkSheet    *sheet,
                                       const char *id);

/* Excel's serial number of a YYYY-MM-DD date; FALSE if it is not one. */
gboolean _mk_xlsx_date_serial (const char *iso,
                               double     *serial);

G_END_DECLS
