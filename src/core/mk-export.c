/* mk-export.c: the lists that import reads, as tables to write back.
 *
 * Each cell is the record's own text for the field (mk_record_get_text),
 * the form mk_record_set_text reads, so a list exported and imported again
 * is unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-export"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-export.h"
#include "mk-import.h"
#include "mk-kit.h"
#include "mk-master-data.h"

/* clang-format off */
G_DEFINE_QUARK (mk-export-error-quark, mk_export_error)
/* clang-format on */

void
mk_export_table_free (MkExportTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->headers);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->numeric);
  g_free (table);
}

static MkExportTable *
table_new (void)
{
  MkExportTable *table = g_new0 (MkExportTable, 1);

  table->headers = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  table->numeric = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return table;
}

static void
add_header (MkExportTable *table,
            const char    *name,
            gboolean       numeric)
{
  g_ptr_array_add (table->headers, g_strdup (name));
  g_array_append_val (table->numeric, numeric);
}

static gboolean
export_kits (MkDatabase    *db,
             MkExportTable *table,
             GError       **error)
{
  g_autoptr (GPtrArray) items = mk_master_data_list (db, mk_kind_lookup ("item"), NULL, error);

  if (items == NULL)
    return FALSE;
  add_header (table, "kit_code", FALSE);
  add_header (table, "component_code", FALSE);
  add_header (table, "quantity", TRUE);
  for (guint i = 0; i < items->len; i++)
    {
      MkRecord *item = g_ptr_array_index (items, i);
      g_autoptr (GPtrArray) components = NULL;

      if (!mk_record_get_bool (item, "is_kit"))
        continue;
      components = mk_kit_get_components (db, mk_record_get_code (item), error);
      if (components == NULL)
        return FALSE;
      for (guint c = 0; c < components->len; c++)
        {
          const MkKitComponent *component = g_ptr_array_index (components, c);
          GPtrArray            *row = g_ptr_array_new_with_free_func (g_free);

          g_ptr_array_add (row, g_strdup (mk_record_get_code (item)));
          g_ptr_array_add (row, g_strdup (component->code));
          g_ptr_array_add (row, g_strdup_printf ("%" G_GINT64_FORMAT, component->quantity));
          g_ptr_array_add (table->rows, row);
        }
    }
  return TRUE;
}

MkExportTable *
mk_export_table (MkDatabase *db,
                 const char *what,
                 GError    **error)
{
  g_autoptr (MkExportTable) table = table_new ();
  g_autoptr (GPtrArray) records = NULL;
  const char *const *kinds = mk_import_get_kinds ();
  const MkKind      *kind = NULL;
  gboolean           known = FALSE;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (what != NULL, NULL);

  for (guint i = 0; kinds[i]; i++)
    known |= g_str_equal (kinds[i], what);
  if (known && g_str_equal (what, "kits"))
    return export_kits (db, table, error) ? g_steal_pointer (&table) : NULL;
  if (known)
    kind = mk_kind_lookup (what);
  if (kind == NULL)
    {
      g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_UNKNOWN_KIND,
                   _ ("Makhzan cannot export “%s”; it exports items, kits, warehouses, sites, "
                      "donors, grants, partners, households and entitlements."),
                   what);
      return NULL;
    }

  for (guint f = 0; f < kind->n_fields; f++)
    if (!(kind->fields[f].flags & MK_FIELD_PERSONAL))
      add_header (table, kind->fields[f].name,
                  kind->fields[f].type == MK_FIELD_INT || kind->fields[f].type == MK_FIELD_DECIMAL);
  records = mk_master_data_list (db, kind, NULL, error);
  if (records == NULL)
    return NULL;
  for (guint i = 0; i < records->len; i++)
    {
      MkRecord  *record = g_ptr_array_index (records, i);
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (guint f = 0; f < kind->n_fields; f++)
        if (!(kind->fields[f].flags & MK_FIELD_PERSONAL))
          {
            char *text = mk_record_get_text (record, kind->fields[f].name);
            g_ptr_array_add (row, text ? text : g_strdup (""));
          }
      g_ptr_array_add (table->rows, row);
    }
  return g_steal_pointer (&table);
}

static void
append_csv_value (GString    *out,
                  const char *value)
{
  gboolean quote = *value == ' ' || (*value && g_str_has_suffix (value, " "));

  for (const char *p = value; *p && !quote; p++)
    quote = *p == ',' || *p == ';' || *p == '"' || *p == '\n' || *p == '\r';
  if (!quote)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_row (GString   *out,
                GPtrArray *values)
{
  for (guint i = 0; i < values->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_csv_value (out, g_ptr_array_index (values, i));
    }
  g_string_append (out, "\r\n");
}

gboolean
mk_export_write_csv (const MkExportTable *table,
                     const char          *path,
                     GError             **error)
{
  g_autoptr (GString) out = g_string_new ("\xEF\xBB\xBF");
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  append_csv_row (out, table->headers);
  for (guint i = 0; i < table->rows->len; i++)
    append_csv_row (out, g_ptr_array_index (table->rows, i));
  /* g_file_set_contents writes a temporary file and renames it. */
  if (!g_file_set_contents (path, out->str, (gssize) out->len, &local_error))
    {
      g_autofree char *display = g_filename_display_basename (path);
      g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE, _ ("“%s” cannot be written: %s"),
                   display, local_error->message);
      return FALSE;
    }
  return TRUE;
}
