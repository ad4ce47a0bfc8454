/* mk-xlsx-reader.h: reading the rows of an Excel workbook (.xlsx).
 *
 * The first sheet or a named one; shared and inline strings, numbers,
 * dates stored as numbers (ISO dates, from the cell's number format),
 * booleans ("yes"/"no"), empty cells, merged cells (each cell of a merged
 * range reads as its top-left cell). Rows with nothing in them are skipped.
 * Refuses what is not a workbook, entries that inflate past a sane size or
 * ratio (zip bombs) and XML that declares a document type (entity
 * expansion).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MK_XLSX_ERROR (mk_xlsx_error_quark ())

typedef enum
{
  MK_XLSX_ERROR_READ,         /* the file cannot be read */
  MK_XLSX_ERROR_NOT_WORKBOOK, /* not a zip, or a zip that is not a workbook */
  MK_XLSX_ERROR_NO_SHEET,     /* the named sheet is not in the workbook */
  MK_XLSX_ERROR_TOO_LARGE,    /* an entry inflates past the limits */
  MK_XLSX_ERROR_SYNTAX,       /* malformed XML or a cell that cannot be */
} MkXlsxError;

GQuark mk_xlsx_error_quark (void);

/* The most bytes an entry of the workbook may inflate to. */
#define MK_XLSX_MAX_ENTRY_SIZE (256 * 1024 * 1024)

typedef struct _MkXlsxReader MkXlsxReader;

/* Opens the sheet named @sheet_name of the workbook at @path, or the
 * first sheet if @sheet_name is NULL. */
MkXlsxReader *mk_xlsx_reader_new (const char *path,
                                  const char *sheet_name,
                                  GError    **error);
void          mk_xlsx_reader_free (MkXlsxReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkXlsxReader, mk_xlsx_reader_free)

/* The names of the workbook's sheets, in order (NULL-terminated). */
const char *const *mk_xlsx_reader_get_sheet_names (MkXlsxReader *reader);
/* The name of the sheet being read. */
const char *mk_xlsx_reader_get_sheet_name (MkXlsxReader *reader);

/* Reads the next row that has a value into @fields (NULL-terminated, owned
 * by the reader until the next call): one per column from A to the row's
 * last cell, "" for an empty cell. Returns FALSE at the end or on an
 * error; *at_end tells which. */
gboolean mk_xlsx_reader_next (MkXlsxReader       *reader,
                              const char *const **fields,
                              guint              *n_fields,
                              gboolean           *at_end,
                              GError            **error);
/* The sheet's row number (1-based) of the last row returned. */
guint mk_xlsx_reader_get_row (MkXlsxReader *reader);
/* Whether @column (0-based) of the last row returned holds a copy of a
 * merged range's value rather than a cell of its own. */
gboolean mk_xlsx_reader_is_merged_copy (MkXlsxReader *reader,
                                        guint         column);

/* "2026-03-15" for the serial day @serial of a workbook (@date1904: the
 * workbook counts from 1904, as old Mac Excel did). FALSE if out of range. */
gboolean mk_xlsx_serial_to_date (double   serial,
                                 gboolean date1904,
                                 char     out[11]);

G_END_DECLS
