/* mk-import-preview.h: what an import will read, before it reads it.
 *
 * The import dialog shows a file's first rows and lets the user match its
 * columns to the fields of what is imported; these are the two things it
 * needs from the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     **sheets;  /* a workbook's sheets, NULL-terminated; NULL for CSV */
  char      *sheet;   /* the sheet read; NULL for CSV */
  char     **headers; /* the first row that has a value, NULL-terminated */
  GPtrArray *rows;    /* the rows after it (GStrv), at most the number asked */
} MkImportPreview;

/* Reads the header and the first @max_rows rows of a CSV file or of a
 * workbook's sheet (@sheet NULL: the first), with the same readers as the
 * import: BOMs, encodings, separators, shared strings, dates. */
MkImportPreview *mk_import_preview_read (const char *path,
                                         const char *sheet,
                                         guint       max_rows,
                                         GError    **error);
void             mk_import_preview_free (MkImportPreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkImportPreview, mk_import_preview_free)

typedef struct
{
  const char *name;  /* the field's name: what a mapping maps a column to */
  const char *label; /* translated */
  gboolean    required;
} MkImportField;

/* The fields an import of @what (one of mk_import_get_kinds()) reads, in
 * the order of the form; NULL for an unknown kind. An array of
 * MkImportField. */
GArray *mk_import_get_fields (const char *what);

G_END_DECLS
