/* mk-import.h: loading a catalogue from CSV files, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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
} MkImportError;

GQuark mk_import_error_quark (void);

/* Imports @path into @what: "items", "kits" (kit_code, component_code,
 * quantity), "warehouses", "sites", "donors", "grants", "partners". Headers
 * are field names (code, name_en …). A row whose code exists updates that
 * record. Nothing is written unless every row is good; the error names the
 * line, the column and the field of the first bad value. */
gboolean mk_import_csv (MkDatabase *db,
                        const char *what,
                        const char *path,
                        guint      *n_rows,
                        GError    **error);

G_END_DECLS
