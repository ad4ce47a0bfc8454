/* mk-import.c: loading a catalogue from CSV files, all or nothing.
 *
 * Every row goes through the same validation as a record typed by hand;
 * the whole file is one transaction, so a bad row leaves the database as
 * it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-import"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-csv.h"
#include "mk-database-private.h"
#include "mk-import.h"
#include "mk-kit.h"
#include "mk-master-data.h"
#include "mk-record-private.h"
#include "mk-text.h"

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-import-error-quark, mk_import_error)
/* clang-format on */

/* A header matches a field by its name ("name_en") or by its English or
 * translated label ("Name (English)"), ignoring case and spaces. */
static char *
header_key (const char *text)
{
  g_autofree char *folded = mk_text_fold (text);
  g_autoptr (GString) key = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gint
match_header (const MkKind *kind,
              const char   *header)
{
  g_autofree char *key = header_key (header);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const MkField   *field = &kind->fields[i];
      g_autofree char *name_key = header_key (field->name);
      g_autofree char *label_key = header_key (field->label);
      g_autofree char *translated_key = header_key (_ (field->label));

      if (g_str_equal (key, name_key) || g_str_equal (key, label_key) || g_str_equal (key, translated_key))
        return (gint) i;
    }
  return -1;
}

/* Files are named by their base name in messages: the folder is noise. */
static char *
display_file (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  return g_filename_display_name (name);
}

static char *
describe_place (const char *path,
                guint       line,
                guint       column,
                const char *header)
{
  g_autofree char *display = display_file (path);
  g_autofree char *header_quoted = _mk_record_quote_value (header);

  /* Translators: “items.csv, line 12, column 3 (unit)”. */
  return g_strdup_printf (_ ("%s, line %u, column %u (%s)"), display, line, column,
                          header_quoted);
}

static void
set_place_error (GError    **error,
                 gint        code,
                 const char *path,
                 guint       line,
                 guint       column,
                 const char *header,
                 const char *message)
{
  g_autofree char *place = describe_place (path, line, column, header);
  g_set_error (error, MK_IMPORT_ERROR, code, "%s: %s", place, message);
}

static gboolean
read_header (MkCsvReader *reader,
             const char  *path,
             GPtrArray   *headers,
             GError     **error)
{
  const char *const *fields;
  guint              n_fields;
  gboolean           at_end = FALSE;

  if (!mk_csv_reader_next (reader, &fields, &n_fields, &at_end, error))
    {
      if (at_end)
        {
          g_autofree char *display = display_file (path);
          g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_EMPTY,
                       _ ("“%s” is empty; the first line must name the columns."),
                       display);
        }
      return FALSE;
    }
  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (headers, g_strstrip (g_strdup (fields[i])));
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Checks that each line has as many values as the header. */
static gboolean
check_width (const char        *path,
             guint              line,
             GPtrArray         *headers,
             const char *const *fields,
             guint              n_fields,
             GError           **error)
{
  g_autofree char *display = NULL;

  if (n_fields <= headers->len)
    return TRUE;
  for (guint i = headers->len; i < n_fields; i++)
    if (*fields[i] != '\0')
      {
        display = display_file (path);
        g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE,
                     _ ("%s, line %u: the line has %u values but the header names %u columns."),
                     display, line, n_fields, headers->len);
        return FALSE;
      }
  return TRUE;
}

static gboolean
import_records (MkDatabase   *db,
                const MkKind *kind,
                MkCsvReader  *reader,
                const char   *path,
                guint        *n_rows,
                GError      **error)
{
  g_autoptr (GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint *columns = NULL; /* header index → field index */
  g_autoptr (GHashTable) seen_codes = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                             g_free, NULL);
  const char *const *fields;
  guint              n_fields;
  gboolean           at_end = FALSE;
  gint               code_column = -1;

  if (!read_header (reader, path, headers, error))
    return FALSE;

  columns = g_new (gint, headers->len);
  for (guint c = 0; c < headers->len; c++)
    {
      const char *header = g_ptr_array_index (headers, c);

      if (*header == '\0')
        {
          columns[c] = -1; /* an empty header: a spreadsheet's spare column */
          continue;
        }
      columns[c] = match_header (kind, header);
      if (columns[c] < 0)
        {
          g_autoptr (GString) known = g_string_new (NULL);
          g_autofree char *message = NULL;
          for (guint i = 0; i < kind->n_fields; i++)
            g_string_append_printf (known, "%s%s", i ? ", " : "", kind->fields[i].name);
          message = g_strdup_printf (_ ("this column is not a field of %s; the fields are: %s."),
                                     _ (kind->title), known->str);
          set_place_error (error, MK_IMPORT_ERROR_UNKNOWN_COLUMN, path, 1, c + 1,
                           header, message);
          return FALSE;
        }
      for (guint d = 0; d < c; d++)
        if (columns[d] == columns[c])
          {
            set_place_error (error, MK_IMPORT_ERROR_UNKNOWN_COLUMN, path, 1, c + 1,
                             header, _ ("this column repeats an earlier one."));
            return FALSE;
          }
      if (columns[c] == MK_KIND_FIELD_CODE)
        code_column = (gint) c;
    }

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const MkField *field = &kind->fields[i];
      gboolean       present = FALSE;

      if (!(field->flags & MK_FIELD_REQUIRED) || field->default_text != NULL)
        continue;
      for (guint c = 0; c < headers->len; c++)
        present |= columns[c] == (gint) i;
      if (!present)
        {
          g_autofree char *display = display_file (path);
          g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MISSING_COLUMN,
                       _ ("%s: the column “%s” (%s) is missing; it is required."),
                       display, field->name, _ (field->label));
          return FALSE;
        }
    }
  g_assert (code_column >= 0);

  while (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, error))
    {
      guint line = mk_csv_reader_get_line (reader);
      g_autoptr (MkRecord) record = NULL;
      g_autoptr (GError) local_error = NULL;
      gboolean blank = TRUE;
      gboolean is_new;

      for (guint c = 0; c < n_fields; c++)
        blank &= is_blank (fields[c]);
      if (blank)
        continue; /* spreadsheets leave empty lines at the end */
      if (!check_width (path, line, headers, fields, n_fields, error))
        return FALSE;

      {
        const char      *code = (guint) code_column < n_fields ? fields[code_column] : "";
        g_autofree char *stripped = g_strstrip (g_strdup (code));
        g_autofree char *key = g_ascii_strup (stripped, -1);
        guint            earlier = GPOINTER_TO_UINT (g_hash_table_lookup (seen_codes, key));

        if (earlier != 0)
          {
            g_autofree char *quoted = _mk_record_quote_value (stripped);
            g_autofree char *message = g_strdup_printf (
                _ ("the code %s is already on line %u; a file gives each record once."),
                quoted, earlier);
            set_place_error (error, MK_IMPORT_ERROR_BAD_VALUE, path, line, code_column + 1,
                             g_ptr_array_index (headers, code_column), message);
            return FALSE;
          }
        if (*key != '\0')
          g_hash_table_insert (seen_codes, g_steal_pointer (&key), GUINT_TO_POINTER (line));
        record = *code ? mk_master_data_get (db, kind, code, &local_error) : NULL;
        if (record == NULL && local_error != NULL && !g_error_matches (local_error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_NOT_FOUND))
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
        g_clear_error (&local_error);
      }
      is_new = record == NULL;
      if (is_new)
        record = mk_record_new (kind);

      for (guint c = 0; c < headers->len; c++)
        {
          const char    *value = c < n_fields ? fields[c] : "";
          const MkField *field;

          if (columns[c] < 0)
            continue;
          field = &kind->fields[columns[c]];
          /* An empty cell leaves an existing record's value alone. */
          if (is_blank (value) && (!is_new || field->default_text != NULL))
            continue;
          if (!mk_record_set_text (record, field->name, value, &local_error))
            {
              set_place_error (error, MK_IMPORT_ERROR_BAD_VALUE, path, line, c + 1,
                               g_ptr_array_index (headers, c), local_error->message);
              return FALSE;
            }
        }

      if (!(is_new ? mk_master_data_add (db, record, &local_error)
                   : mk_master_data_update (db, record, &local_error)))
        {
          const char *field = mk_record_get_invalid_field (record);
          gint        field_index = field ? mk_kind_field_index (kind, field) : -1;

          for (guint c = 0; c < headers->len && field_index >= 0; c++)
            if (columns[c] == field_index)
              {
                set_place_error (error, MK_IMPORT_ERROR_BAD_VALUE, path, line, c + 1,
                                 g_ptr_array_index (headers, c), local_error->message);
                return FALSE;
              }
          {
            g_autofree char *display = display_file (path);
            g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE,
                         _ ("%s, line %u: %s"), display, line, local_error->message);
          }
          return FALSE;
        }
      (*n_rows)++;
    }

  return at_end;
}

/* kits.csv: kit_code, component_code, quantity; one line per component.
 * Each kit named in the file gets exactly the components the file lists. */
static gboolean
import_kits (MkDatabase  *db,
             MkCsvReader *reader,
             const char  *path,
             guint       *n_rows,
             GError     **error)
{
  static const char *const wanted[] = { "kit_code", "component_code", "quantity" };
  g_autoptr (GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) kits = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) first_line = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                             g_free, NULL);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  const MkKind      *items = mk_kind_lookup ("item");
  gint               columns[G_N_ELEMENTS (wanted)] = { -1, -1, -1 };
  const char *const *fields;
  guint              n_fields;
  gboolean           at_end = FALSE;

  if (!read_header (reader, path, headers, error))
    return FALSE;
  for (guint c = 0; c < headers->len; c++)
    {
      g_autofree char *key = header_key (g_ptr_array_index (headers, c));
      gboolean         known = *key == '\0';

      for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
        {
          g_autofree char *wanted_key = header_key (wanted[w]);
          if (g_str_equal (key, wanted_key))
            {
              columns[w] = (gint) c;
              known = TRUE;
            }
        }
      if (!known)
        {
          set_place_error (error, MK_IMPORT_ERROR_UNKNOWN_COLUMN, path, 1, c + 1,
                           g_ptr_array_index (headers, c),
                           _ ("a kit file has the columns kit_code, component_code and quantity."));
          return FALSE;
        }
    }
  for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
    if (columns[w] < 0)
      {
        g_autofree char *display = display_file (path);
        g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MISSING_COLUMN,
                     _ ("%s: the column “%s” is missing; a kit file has the columns kit_code, component_code and quantity."),
                     display, wanted[w]);
        return FALSE;
      }

  while (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, error))
    {
      guint       line = mk_csv_reader_get_line (reader);
      const char *values[G_N_ELEMENTS (wanted)];
      g_autoptr (MkRecord) kit = NULL;
      g_autoptr (MkRecord) component = NULL;
      g_autoptr (GError) local_error = NULL;
      gboolean   blank = TRUE;
      GPtrArray *list;
      gint64     quantity;

      for (guint c = 0; c < n_fields; c++)
        blank &= is_blank (fields[c]);
      if (blank)
        continue;
      if (!check_width (path, line, headers, fields, n_fields, error))
        return FALSE;
      for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
        values[w] = (guint) columns[w] < n_fields ? fields[columns[w]] : "";

      kit = mk_master_data_get (db, items, values[0], &local_error);
      if (kit == NULL || !mk_record_get_bool (kit, "is_kit"))
        {
          g_autofree char *quoted = _mk_record_quote_value (values[0]);
          g_autofree char *message = kit == NULL
                                         ? g_strdup (local_error->message)
                                         : g_strdup_printf (_ ("item %s is not marked as a kit."), quoted);
          set_place_error (error, MK_IMPORT_ERROR_BAD_VALUE, path, line,
                           columns[0] + 1, wanted[0], message);
          return FALSE;
        }
      component = mk_master_data_get (db, items, values[1], &local_error);
      if (component == NULL)
        {
          set_place_error (error, MK_IMPORT_ERROR_BAD_VALUE, path, line,
                           columns[1] + 1, wanted[1], local_error->message);
          return FALSE;
        }
      if (!mk_text_parse_int (values[2], &quantity, &local_error) || quantity <= 0)
        {
          set_place_error (error, MK_IMPORT_ERROR_BAD_VALUE, path, line,
                           columns[2] + 1, wanted[2],
                           local_error ? local_error->message
                                       : _ ("the quantity must be 1 or more."));
          return FALSE;
        }

      list = g_hash_table_lookup (kits, mk_record_get_code (kit));
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_kit_component_free);
          g_hash_table_insert (kits, g_strdup (mk_record_get_code (kit)), list);
          g_hash_table_insert (first_line, g_strdup (mk_record_get_code (kit)),
                               GUINT_TO_POINTER (line));
          g_ptr_array_add (order, g_strdup (mk_record_get_code (kit)));
        }
      g_ptr_array_add (list, mk_kit_component_new (mk_record_get_code (component),
                                                   quantity));
      (*n_rows)++;
    }
  if (!at_end)
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      const char *code = g_ptr_array_index (order, i);
      g_autoptr (GError) local_error = NULL;

      if (!mk_kit_set_components (db, code, g_hash_table_lookup (kits, code),
                                  &local_error))
        {
          g_autofree char *display = display_file (path);
          g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE,
                       _ ("%s, line %u: %s"), display,
                       GPOINTER_TO_UINT (g_hash_table_lookup (first_line, code)),
                       local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
mk_import_csv (MkDatabase *db,
               const char *what,
               const char *path,
               guint      *n_rows,
               GError    **error)
{
  static const char *const kinds[] = {
    "items",
    "warehouses",
    "sites",
    "donors",
    "grants",
    "partners",
    "households",
    "entitlements",
  };
  g_autoptr (MkCsvReader) reader = NULL;
  const MkKind *kind = NULL;
  guint         rows = 0;
  gboolean      ok;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_str_equal (what, "kits"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (g_str_equal (what, kinds[i]))
          kind = mk_kind_lookup (what);
      if (kind == NULL)
        {
          g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_UNKNOWN_KIND,
                       _ ("Makhzan cannot import “%s”; it imports items, kits, warehouses, sites, donors, grants, partners, households and entitlements."),
                       what);
          return FALSE;
        }
    }

  reader = mk_csv_reader_new_from_file (path, error);
  if (reader == NULL)
    return FALSE;

  if (!_mk_database_begin (db, error))
    return FALSE;
  ok = kind != NULL ? import_records (db, kind, reader, path, &rows, error)
                    : import_kits (db, reader, path, &rows, error);
  if (ok && rows == 0)
    {
      g_autofree char *display = display_file (path);
      g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_EMPTY,
                   _ ("“%s” names its columns but has no rows to import."), display);
      ok = FALSE;
    }
  if (!ok || !_mk_database_commit (db, error))
    {
      _mk_database_rollback (db);
      return FALSE;
    }

  if (n_rows != NULL)
    *n_rows = rows;
  return TRUE;
}
