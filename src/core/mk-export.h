/* mk-export.h: the lists that import reads, as tables to write back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"

G_BEGIN_DECLS

#define MK_EXPORT_ERROR (mk_export_error_quark ())

typedef enum
{
  MK_EXPORT_ERROR_UNKNOWN_KIND,
  MK_EXPORT_ERROR_WRITE,
} MkExportError;

GQuark mk_export_error_quark (void);

/* A list as text: the header names fields, each cell is the text that
 * import reads back into the same value. */
typedef struct
{
  GPtrArray *headers; /* char * */
  GPtrArray *rows;    /* GPtrArray of char *, one per header */
  GArray    *numeric; /* gboolean per column: whole or decimal numbers */
} MkExportTable;

void mk_export_table_free (MkExportTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkExportTable, mk_export_table_free)

/* Every record of @what (one of mk_import_get_kinds()), ordered by code;
 * "kits" is every kit's bill of materials. Fields marked personal (names,
 * phone numbers) never leave the database and are left out. */
MkExportTable *mk_export_table (MkDatabase *db,
                                const char *what,
                                GError    **error);

/* Writes @table as CSV (UTF-8 with a byte-order mark so that spreadsheets
 * read Arabic, commas, CRLF), under a temporary name then renamed. */
gboolean mk_export_write_csv (const MkExportTable *table,
                              const char          *path,
                              GError             **error);

G_END_DECLS
