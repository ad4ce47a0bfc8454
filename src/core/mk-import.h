/* mk-import.h: loading lists from CSV files and Excel workbooks, all or
 * nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mk-database.h"

G_BEGIN_DECLS

#define MK_IMPORT_ERROR (mk_import_error_quark ())

typedef enum
{
  MK_IMPORT_ERROR_UNKNOWN_KIND,
  MK_IMPORT_ERROR_MISSING_COLUMN,
  MK_IMPORT_ERROR_UNKNOWN_COLUMN,
  MK_IMPORT_ERROR_BAD_VALUE,
  MK_IMPORT_ERROR_EMPTY,
  MK_IMPORT_ERROR_MAPPING, /* the column mapping itself is wrong */
} MkImportError;

GQuark mk_import_error_quark (void);

/* What can be imported: "items", "kits" (kit_code, component_code,
 * quantity: a kit's bill of materials), "warehouses", "sites", "donors",
 * "grants", "partners", "households" (with their members by sex and age
 * as columns), "household-members" (household, sex, age: one row per
 * person, the counts by sex and age of each household named, their number
 * its size), "entitlements", "opening-stock" (date, warehouse, item,
 * quantity, and lot, expiry, grant: a new office's stock, posted as one
 * goods received note of source "opening" per warehouse). NULL-terminated. */
const char *const *mk_import_get_kinds (void);

/* Called in the importing thread every 1024 rows read. */
typedef void (*MkImportProgressFunc) (guint    rows_read,
                                      gpointer user_data);

typedef struct
{
  const char *sheet;   /* a workbook's sheet by name; NULL: the first */
  GHashTable *mapping; /* field name → the column's header in the file; NULL: none */
  gboolean    dry_run; /* check every row, write nothing */
  /* May be NULL. A cancelled import fails with G_IO_ERROR_CANCELLED and
   * writes nothing. */
  MkImportProgressFunc progress;
  gpointer             progress_data;
  GCancellable        *cancellable;
} MkImportOptions;

/* One bad row or cell. */
typedef struct
{
  guint line;    /* the CSV file's line, or the sheet's row */
  guint column;  /* 1-based; 0: the row as a whole */
  char *header;  /* the column's header; NULL with column 0 */
  char *message; /* the whole sentence, naming file, line, column and field */
} MkImportProblem;

void mk_import_problem_free (MkImportProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkImportProblem, mk_import_problem_free)

/* Imports @path, a CSV file or an .xlsx workbook (told apart by content),
 * into @what. The header row names fields (code, name_en …) or their
 * labels, or the columns @options->mapping gives for them; rows before it
 * that name no field (titles) are skipped. A row whose code exists updates
 * that record, so the same file imported twice creates nothing twice.
 *
 * Every row is checked, and every problem found is listed in @problems
 * (an array of MkImportProblem, may be NULL); if there is any, nothing is
 * written and the error is the first problem's, saying how many more there
 * are. With @options->dry_run nothing is written either way. @n_rows
 * receives the rows imported (or that would be). */
gboolean mk_import_file (MkDatabase            *db,
                         const char            *what,
                         const char            *path,
                         const MkImportOptions *options,
                         guint                 *n_rows,
                         GPtrArray            **problems,
                         GError               **error);

/* The same for a CSV file or workbook with default options. */
gboolean mk_import_csv (MkDatabase *db,
                        const char *what,
                        const char *path,
                        guint      *n_rows,
                        GError    **error);

/* Reads a column mapping: one "field=Column header" a line; empty lines
 * and lines starting with '#' are skipped. Returns field → header. */
GHashTable *mk_import_load_mapping (const char *path,
                                    GError    **error);

G_END_DECLS
