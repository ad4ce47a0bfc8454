/* mk-import-preview.c: what an import will read, before it reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "mk-csv.h"
#include "mk-import-preview.h"
#include "mk-kind.h"
#include "mk-xlsx-reader.h"

void
mk_import_preview_free (MkImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_strfreev (preview->sheets);
  g_free (preview->sheet);
  g_strfreev (preview->headers);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}

/* A workbook is a zip archive whatever its name says, as the import decides. */
static gboolean
is_workbook (const char *path)
{
  FILE         *file = fopen (path, "rb");
  unsigned char magic[4] = { 0 };
  gboolean      zip;

  if (file == NULL)
    return FALSE;
  zip = fread (magic, 1, sizeof magic, file) == sizeof magic && memcmp (magic, "PK\x03\x04", 4) == 0;
  fclose (file);
  return zip;
}

static gboolean
is_blank (const char *const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    for (const char *p = fields[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

MkImportPreview *
mk_import_preview_read (const char *path,
                        const char *sheet,
                        guint       max_rows,
                        GError    **error)
{
  g_autoptr (MkImportPreview) preview = g_new0 (MkImportPreview, 1);
  g_autoptr (MkXlsxReader) workbook = NULL;
  g_autoptr (MkCsvReader) csv = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (is_workbook (path))
    {
      workbook = mk_xlsx_reader_new (path, sheet, error);
      if (workbook == NULL)
        return NULL;
      preview->sheets = g_strdupv ((char **) mk_xlsx_reader_get_sheet_names (workbook));
      preview->sheet = g_strdup (mk_xlsx_reader_get_sheet_name (workbook));
    }
  else if ((csv = mk_csv_reader_new_from_file (path, error)) == NULL)
    return NULL;

  while (preview->rows->len < max_rows)
    {
      const char *const *fields = NULL;
      guint              n_fields = 0;
      gboolean           at_end = FALSE;
      gboolean           ok;

      ok = workbook != NULL ? mk_xlsx_reader_next (workbook, &fields, &n_fields, &at_end, error)
                            : mk_csv_reader_next (csv, &fields, &n_fields, &at_end, error);
      /* Both readers return FALSE at the end too; at_end tells which. */
      if (!ok && at_end)
        break;
      if (!ok)
        return NULL;
      if (is_blank (fields))
        continue;
      if (preview->headers == NULL)
        preview->headers = g_strdupv ((char **) fields);
      else
        g_ptr_array_add (preview->rows, g_strdupv ((char **) fields));
    }

  if (preview->headers == NULL)
    preview->headers = g_new0 (char *, 1);
  return g_steal_pointer (&preview);
}

/* Kits and opening stock are not records of one kind: their columns are
 * those mk-import.c reads. */
static const struct
{
  const char *what;
  const char *name;
  const char *label; /* N_() */
  gboolean    required;
} fixed_fields[] = {
  /* Translators: columns of a file of kits' bills of materials. */
  { "kits", "kit_code", N_ ("Kit code"), TRUE },
  { "kits", "component_code", N_ ("Component code"), TRUE },
  { "kits", "quantity", N_ ("Quantity in one kit"), TRUE },
  /* Translators: columns of a file of a new office's opening stock. */
  { "opening-stock", "date", N_ ("Date"), TRUE },
  { "opening-stock", "warehouse", N_ ("Warehouse"), TRUE },
  { "opening-stock", "item", N_ ("Item"), TRUE },
  { "opening-stock", "quantity", N_ ("Quantity"), TRUE },
  { "opening-stock", "lot", N_ ("Lot"), FALSE },
  { "opening-stock", "expiry", N_ ("Expiry date"), FALSE },
  { "opening-stock", "grant", N_ ("Grant"), FALSE },
  /* Translators: columns of a file of household members, one row a person. */
  { "household-members", "household", N_ ("Household code"), TRUE },
  { "household-members", "sex", N_ ("Sex (female or male)"), TRUE },
  { "household-members", "age", N_ ("Age in years"), TRUE },
};

GArray *
mk_import_get_fields (const char *what)
{
  GArray       *fields = g_array_new (FALSE, FALSE, sizeof (MkImportField));
  const MkKind *kind;

  g_return_val_if_fail (what != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_fields); i++)
    if (g_str_equal (fixed_fields[i].what, what))
      {
        MkImportField field = { fixed_fields[i].name, _ (fixed_fields[i].label), fixed_fields[i].required };

        g_array_append_val (fields, field);
      }
  if (fields->len > 0)
    return fields;

  kind = mk_kind_lookup (what);
  if (kind == NULL)
    {
      g_array_unref (fields);
      return NULL;
    }
  for (guint i = 0; i < kind->n_fields; i++)
    {
      MkImportField field = { kind->fields[i].name, _ (kind->fields[i].label),
                              (kind->fields[i].flags & MK_FIELD_REQUIRED) != 0 };

      g_array_append_val (fields, field);
    }
  return fields;
}
