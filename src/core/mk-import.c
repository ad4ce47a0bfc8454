/* mk-import.c: loading lists from CSV files and Excel workbooks, all or
 * nothing.
 *
 * Every row goes through the same validation as a record typed by hand;
 * the whole file is one transaction, so a bad row leaves the database as
 * it was. Every row is checked even after a bad one, so that the person
 * sees all the problems of the file at once, by line and column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-import"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mk-csv.h"
#include "mk-database-private.h"
#include "mk-documents.h"
#include "mk-import.h"
#include "mk-kit.h"
#include "mk-master-data-private.h"
#include "mk-record-private.h"
#include "mk-text.h"
#include "mk-xlsx-reader.h"

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-import-error-quark, mk_import_error)
/* clang-format on */

/* Beyond this many, a file is plainly the wrong one: stop listing. */
#define MAX_PROBLEMS 1000
/* Title rows above the header are skipped, but not forever. */
#define MAX_TITLE_ROWS 10

static const char *const importable_kinds[] = {
  "items",
  "kits",
  "warehouses",
  "sites",
  "donors",
  "grants",
  "partners",
  "households",
  "entitlements",
  "household-members",
  "opening-stock",
  NULL,
};

const char *const *
mk_import_get_kinds (void)
{
  return importable_kinds;
}

void
mk_import_problem_free (MkImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->header);
  g_free (problem->message);
  g_free (problem);
}

/* Where the rows come from ------------------------------------------------- */

typedef struct
{
  MkCsvReader  *csv;
  MkXlsxReader *sheet;
} Source;

static gboolean
source_next (Source             *source,
             const char *const **fields,
             guint              *n_fields,
             gboolean           *at_end,
             GError            **error)
{
  if (source->sheet != NULL)
    return mk_xlsx_reader_next (source->sheet, fields, n_fields, at_end, error);
  return mk_csv_reader_next (source->csv, fields, n_fields, at_end, error);
}

static guint
source_line (Source *source)
{
  if (source->sheet != NULL)
    return mk_xlsx_reader_get_row (source->sheet);
  return mk_csv_reader_get_line (source->csv);
}

static gboolean
is_workbook (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  char             magic[4] = { 0 };
  FILE            *file;
  gboolean         zip = FALSE;

  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm"))
    return TRUE;
  file = g_fopen (path, "rb");
  if (file != NULL)
    {
      zip = fread (magic, 1, 4, file) == 4 && memcmp (magic, "PK\3\4", 4) == 0;
      fclose (file);
    }
  return zip;
}

/* The run ------------------------------------------------------------------------ */

typedef struct
{
  MkDatabase            *db;
  Source                 source;
  const char            *path;
  char                  *display; /* the file's base name */
  const MkImportOptions *options;
  GPtrArray             *problems;
  guint                  n_rows;
  guint                  n_read; /* data rows read, for progress */
  GPtrArray             *headers;
  guint                  header_line;
  gint                  *columns; /* header index → field index, -1: none */
  MkMasterDataBulk      *bulk;    /* records added and updated in bulk */
} Import;

/* The next data row, telling the caller how far the import has come and
 * stopping when it is cancelled. */
static gboolean
next_row (Import             *import,
          const char *const **fields,
          guint              *n_fields,
          gboolean           *at_end,
          GError            **error)
{
  const MkImportOptions *options = import->options;

  if (++import->n_read % 1024 == 0)
    {
      if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
        {
          *at_end = FALSE;
          return FALSE;
        }
      if (options->progress != NULL)
        options->progress (import->n_read, options->progress_data);
    }
  return source_next (&import->source, fields, n_fields, at_end, error);
}

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

/* The field the mapping gives this header, if any. */
static const char *
mapped_field (Import     *import,
              const char *header)
{
  GHashTableIter   iter;
  gpointer         field, column;
  g_autofree char *key = NULL;

  if (import->options->mapping == NULL)
    return NULL;
  key = header_key (header);
  g_hash_table_iter_init (&iter, import->options->mapping);
  while (g_hash_table_iter_next (&iter, &field, &column))
    {
      g_autofree char *column_key = header_key (column);
      if (g_str_equal (key, column_key))
        return field;
    }
  return NULL;
}

static gint
match_header (Import       *import,
              const MkKind *kind,
              const char   *header)
{
  const char      *mapped = mapped_field (import, header);
  g_autofree char *key = NULL;

  if (mapped != NULL)
    return mk_kind_field_index (kind, mapped);
  key = header_key (header);
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

/* "C" for column 3 of a sheet. */
static char *
column_letters (guint column)
{
  char  buffer[8];
  guint i = sizeof buffer - 1;

  buffer[i] = '\0';
  for (; column > 0 && i > 0; column = (column - 1) / 26)
    buffer[--i] = (char) ('A' + (column - 1) % 26);
  return g_strdup (buffer + i);
}

static char *
describe_place (Import     *import,
                guint       line,
                guint       column,
                const char *header)
{
  g_autofree char *header_quoted = header ? _mk_record_quote_value (header) : NULL;

  if (import->source.sheet != NULL)
    {
      g_autofree char *letters = column_letters (column);

      if (column == 0)
        /* Translators: “households.xlsx, sheet “List”, row 12”. */
        return g_strdup_printf (_ ("%s, sheet “%s”, row %u"), import->display,
                                mk_xlsx_reader_get_sheet_name (import->source.sheet), line);
      /* Translators: “households.xlsx, sheet “List”, row 12, column C (size)”. */
      return g_strdup_printf (_ ("%s, sheet “%s”, row %u, column %s (%s)"), import->display,
                              mk_xlsx_reader_get_sheet_name (import->source.sheet), line, letters,
                              header_quoted);
    }
  if (column == 0)
    /* Translators: “items.csv, line 12”. */
    return g_strdup_printf (_ ("%s, line %u"), import->display, line);
  /* Translators: “items.csv, line 12, column 3 (unit)”. */
  return g_strdup_printf (_ ("%s, line %u, column %u (%s)"), import->display, line, column,
                          header_quoted);
}

static void
set_place_error (Import     *import,
                 GError    **error,
                 gint        code,
                 guint       line,
                 guint       column,
                 const char *header,
                 const char *message)
{
  g_autofree char *place = describe_place (import, line, column, header);
  g_set_error (error, MK_IMPORT_ERROR, code, "%s: %s", place, message);
}

/* Records a problem of a row; FALSE once there are too many to go on. */
static gboolean
add_problem (Import     *import,
             guint       line,
             guint       column,
             const char *header,
             const char *message)
{
  MkImportProblem *problem = g_new0 (MkImportProblem, 1);
  g_autofree char *place = describe_place (import, line, column, column ? header : NULL);

  problem->line = line;
  problem->column = column;
  problem->header = column ? g_strdup (header) : NULL;
  problem->message = g_strdup_printf ("%s: %s", place, message);
  g_ptr_array_add (import->problems, problem);
  return import->problems->len < MAX_PROBLEMS;
}

static const char *
header_at (Import *import,
           guint   column)
{
  return g_ptr_array_index (import->headers, column);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
row_is_blank (const char *const *fields,
              guint              n_fields)
{
  for (guint c = 0; c < n_fields; c++)
    if (!is_blank (fields[c]))
      return FALSE;
  return TRUE;
}

/* A line with more values than the header has columns. */
static gboolean
check_width (Import            *import,
             guint              line,
             const char *const *fields,
             guint              n_fields)
{
  g_autofree char *message = NULL;

  for (guint i = import->headers->len; i < n_fields; i++)
    if (!is_blank (fields[i]))
      {
        message = g_strdup_printf (_ ("the line has %u values but the header names %u columns."),
                                   n_fields, import->headers->len);
        add_problem (import, line, 0, NULL, message);
        return FALSE;
      }
  return TRUE;
}

/* The header ------------------------------------------------------------------ */

/* Reads rows until the header: the first row with a cell that names a
 * field (rows above it are titles), or else the first row, whose columns
 * the caller then refuses by name. @matches says whether a cell names a
 * field. */
static gboolean
read_header (Import *import,
             gboolean (*matches) (Import *import, gconstpointer data, const char *header),
             gconstpointer data,
             GError      **error)
{
  g_autoptr (GPtrArray) first = NULL;
  const char *const *fields;
  guint              n_fields;
  gboolean           at_end = FALSE;
  guint              first_line = 0;

  for (guint rows = 0; rows < MAX_TITLE_ROWS;)
    {
      g_autoptr (GPtrArray) headers = NULL;
      gboolean found = FALSE;

      if (!source_next (&import->source, &fields, &n_fields, &at_end, error))
        {
          if (!at_end)
            return FALSE;
          if (first != NULL)
            break;
          g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_EMPTY,
                       _ ("“%s” is empty; the first line must name the columns."), import->display);
          return FALSE;
        }
      if (row_is_blank (fields, n_fields))
        continue;
      rows++;
      headers = g_ptr_array_new_with_free_func (g_free);
      for (guint c = 0; c < n_fields; c++)
        {
          /* A merged header cell names its first column only. */
          gboolean copy = import->source.sheet != NULL && mk_xlsx_reader_is_merged_copy (import->source.sheet, c);
          g_ptr_array_add (headers, g_strstrip (g_strdup (copy ? "" : fields[c])));
        }
      for (guint c = 0; c < headers->len && !found; c++)
        found = *(const char *) g_ptr_array_index (headers, c) != '\0' && matches (import, data, g_ptr_array_index (headers, c));
      if (found)
        {
          import->headers = g_steal_pointer (&headers);
          import->header_line = source_line (&import->source);
          return TRUE;
        }
      if (first == NULL)
        {
          first = g_steal_pointer (&headers);
          first_line = source_line (&import->source);
        }
    }
  import->headers = g_steal_pointer (&first);
  import->header_line = first_line;
  return TRUE;
}

static gboolean
names_field (Import       *import,
             gconstpointer data,
             const char   *header)
{
  return match_header (import, data, header) >= 0;
}

static gboolean
check_mapping (Import            *import,
               const MkKind      *kind,
               const char *const *extra_names,
               GError           **error)
{
  GHashTableIter iter;
  gpointer       field;

  if (import->options->mapping == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, import->options->mapping);
  while (g_hash_table_iter_next (&iter, &field, NULL))
    {
      gboolean known = kind != NULL && mk_kind_field_index (kind, field) >= 0;

      for (guint i = 0; extra_names != NULL && extra_names[i] && !known; i++)
        known = g_str_equal (field, extra_names[i]);
      if (!known)
        {
          g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MAPPING,
                       _ ("The column mapping names “%s”, which is not a field of %s."),
                       (const char *) field, kind ? _ (kind->title) : _ ("a kit file"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Records ----------------------------------------------------------------------------- */

static gboolean
map_record_columns (Import       *import,
                    const MkKind *kind,
                    gint         *code_column,
                    GError      **error)
{
  import->columns = g_new (gint, MAX (import->headers->len, 1));
  for (guint c = 0; c < import->headers->len; c++)
    {
      const char *header = header_at (import, c);

      if (*header == '\0')
        {
          import->columns[c] = -1; /* an empty header: a spreadsheet's spare column */
          continue;
        }
      import->columns[c] = match_header (import, kind, header);
      if (import->columns[c] < 0)
        {
          g_autoptr (GString) known = g_string_new (NULL);
          g_autofree char *message = NULL;

          for (guint i = 0; i < kind->n_fields; i++)
            g_string_append_printf (known, "%s%s", i ? ", " : "", kind->fields[i].name);
          message = g_strdup_printf (_ ("this column is not a field of %s; the fields are: %s."),
                                     _ (kind->title), known->str);
          set_place_error (import, error, MK_IMPORT_ERROR_UNKNOWN_COLUMN, import->header_line, c + 1, header, message);
          return FALSE;
        }
      for (guint d = 0; d < c; d++)
        if (import->columns[d] == import->columns[c])
          {
            set_place_error (import, error, MK_IMPORT_ERROR_UNKNOWN_COLUMN, import->header_line, c + 1, header,
                             _ ("this column repeats an earlier one."));
            return FALSE;
          }
      if (import->columns[c] == MK_KIND_FIELD_CODE)
        *code_column = (gint) c;
    }

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const MkField *field = &kind->fields[i];
      gboolean       present = FALSE;

      if (!(field->flags & MK_FIELD_REQUIRED) || field->default_text != NULL)
        continue;
      for (guint c = 0; c < import->headers->len; c++)
        present |= import->columns[c] == (gint) i;
      if (!present)
        {
          g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MISSING_COLUMN,
                       _ ("%s: the column “%s” (%s) is missing; it is required."), import->display,
                       field->name, _ (field->label));
          return FALSE;
        }
    }
  g_assert (*code_column >= 0);
  return TRUE;
}

/* One row: FALSE if it has a problem (recorded) or on a database error
 * (set in @error). */
static gboolean
import_record_row (Import            *import,
                   const MkKind      *kind,
                   gint               code_column,
                   GHashTable        *seen_codes,
                   guint              line,
                   const char *const *fields,
                   guint              n_fields,
                   GError           **error)
{
  g_autoptr (MkRecord) record = NULL;
  g_autoptr (GError) local_error = NULL;
  const char      *code = (guint) code_column < n_fields ? fields[code_column] : "";
  g_autofree char *stripped = g_strstrip (g_strdup (code));
  g_autofree char *key = g_ascii_strup (stripped, -1);
  guint            earlier = GPOINTER_TO_UINT (g_hash_table_lookup (seen_codes, key));
  gboolean         is_new;
  gboolean         ok = TRUE;

  if (earlier != 0)
    {
      g_autofree char *quoted = _mk_record_quote_value (stripped);
      g_autofree char *message = g_strdup_printf (
          _ ("the code %s is already on line %u; a file gives each record once."), quoted, earlier);
      add_problem (import, line, code_column + 1, header_at (import, code_column), message);
      return FALSE;
    }
  if (*key != '\0')
    g_hash_table_insert (seen_codes, g_steal_pointer (&key), GUINT_TO_POINTER (line));
  record = *stripped ? _mk_master_data_bulk_find (import->bulk, kind, stripped, &local_error) : NULL;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  is_new = record == NULL;
  if (is_new)
    record = mk_record_new (kind);

  for (guint c = 0; c < import->headers->len; c++)
    {
      const char    *value = c < n_fields ? fields[c] : "";
      const MkField *field;

      if (import->columns[c] < 0)
        continue;
      field = &kind->fields[import->columns[c]];
      /* An empty cell leaves an existing record's value alone. */
      if (is_blank (value) && (!is_new || field->default_text != NULL))
        continue;
      if (!_mk_record_set_text_at (record, (guint) import->columns[c], value, &local_error))
        {
          add_problem (import, line, c + 1, header_at (import, c), local_error->message);
          g_clear_error (&local_error);
          ok = FALSE;
        }
    }
  if (!ok)
    return FALSE;

  if (!(is_new ? _mk_master_data_bulk_add (import->bulk, record, &local_error)
               : _mk_master_data_bulk_update (import->bulk, record, &local_error)))
    {
      const char *field = mk_record_get_invalid_field (record);
      gint        field_index = field ? mk_kind_field_index (kind, field) : -1;

      for (guint c = 0; c < import->headers->len && field_index >= 0; c++)
        if (import->columns[c] == field_index)
          {
            add_problem (import, line, c + 1, header_at (import, c), local_error->message);
            return FALSE;
          }
      add_problem (import, line, 0, NULL, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_records (Import       *import,
                const MkKind *kind,
                GError      **error)
{
  g_autoptr (GHashTable) seen_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *const *fields;
  guint              n_fields;
  gboolean           at_end = FALSE;
  gint               code_column = -1;

  if (!check_mapping (import, kind, NULL, error) || !read_header (import, names_field, kind, error) || !map_record_columns (import, kind, &code_column, error))
    return FALSE;
  import->bulk = _mk_master_data_bulk_new (import->db);

  while (next_row (import, &fields, &n_fields, &at_end, error))
    {
      guint line = source_line (&import->source);
      g_autoptr (GError) local_error = NULL;

      if (row_is_blank (fields, n_fields))
        continue; /* spreadsheets leave empty lines at the end */
      if (!check_width (import, line, fields, n_fields))
        ;
      else if (import_record_row (import, kind, code_column, seen_codes, line, fields, n_fields,
                                  &local_error))
        import->n_rows++;
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (import->problems->len >= MAX_PROBLEMS)
        return TRUE;
    }
  return at_end;
}

/* Kits ------------------------------------------------------------------------------- */

static const char *const kit_columns[] = { "kit_code", "component_code", "quantity", NULL };

static gint
match_kit_header (Import     *import,
                  const char *header)
{
  const char      *mapped = mapped_field (import, header);
  g_autofree char *key = header_key (mapped ? mapped : header);

  for (guint w = 0; kit_columns[w]; w++)
    {
      g_autofree char *wanted_key = header_key (kit_columns[w]);
      if (g_str_equal (key, wanted_key))
        return (gint) w;
    }
  return -1;
}

static gboolean
names_kit_column (Import       *import,
                  gconstpointer data,
                  const char   *header)
{
  return match_kit_header (import, header) >= 0;
}

/* kits: kit_code, component_code, quantity; one line per component. Each
 * kit named in the file gets exactly the components the file lists. */
static gboolean
import_kits (Import  *import,
             GError **error)
{
  g_autoptr (GHashTable) kits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) first_line = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  const MkKind      *items = mk_kind_lookup ("item");
  gint               columns[3] = { -1, -1, -1 };
  const char *const *fields;
  guint              n_fields;
  gboolean           at_end = FALSE;

  if (!check_mapping (import, NULL, kit_columns, error) || !read_header (import, names_kit_column, NULL, error))
    return FALSE;
  for (guint c = 0; c < import->headers->len; c++)
    {
      const char *header = header_at (import, c);
      gint        w = *header ? match_kit_header (import, header) : -1;

      if (w >= 0)
        columns[w] = (gint) c;
      else if (*header != '\0')
        {
          set_place_error (import, error, MK_IMPORT_ERROR_UNKNOWN_COLUMN, import->header_line, c + 1, header,
                           _ ("a kit file has the columns kit_code, component_code and quantity."));
          return FALSE;
        }
    }
  for (guint w = 0; w < 3; w++)
    if (columns[w] < 0)
      {
        g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MISSING_COLUMN,
                     _ ("%s: the column “%s” is missing; a kit file has the columns kit_code, component_code and quantity."),
                     import->display, kit_columns[w]);
        return FALSE;
      }

  while (next_row (import, &fields, &n_fields, &at_end, error))
    {
      guint       line = source_line (&import->source);
      const char *values[3];
      g_autoptr (MkRecord) kit = NULL;
      g_autoptr (MkRecord) component = NULL;
      g_autoptr (GError) local_error = NULL;
      GPtrArray *list;
      gint64     quantity;

      if (import->problems->len >= MAX_PROBLEMS)
        return TRUE;
      if (row_is_blank (fields, n_fields) || !check_width (import, line, fields, n_fields))
        continue;
      for (guint w = 0; w < 3; w++)
        values[w] = (guint) columns[w] < n_fields ? fields[columns[w]] : "";

      kit = mk_master_data_get (import->db, items, values[0], &local_error);
      if (kit == NULL || !mk_record_get_bool (kit, "is_kit"))
        {
          g_autofree char *quoted = _mk_record_quote_value (values[0]);
          g_autofree char *message = kit == NULL ? g_strdup (local_error->message)
                                                 : g_strdup_printf (_ ("item %s is not marked as a kit."), quoted);
          add_problem (import, line, columns[0] + 1, kit_columns[0], message);
          continue;
        }
      component = mk_master_data_get (import->db, items, values[1], &local_error);
      if (component == NULL)
        {
          add_problem (import, line, columns[1] + 1, kit_columns[1], local_error->message);
          continue;
        }
      if (!mk_text_parse_int (values[2], &quantity, &local_error) || quantity <= 0)
        {
          add_problem (import, line, columns[2] + 1, kit_columns[2],
                       local_error ? local_error->message : _ ("the quantity must be 1 or more."));
          continue;
        }

      list = g_hash_table_lookup (kits, mk_record_get_code (kit));
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_kit_component_free);
          g_hash_table_insert (kits, g_strdup (mk_record_get_code (kit)), list);
          g_hash_table_insert (first_line, g_strdup (mk_record_get_code (kit)), GUINT_TO_POINTER (line));
          g_ptr_array_add (order, g_strdup (mk_record_get_code (kit)));
        }
      g_ptr_array_add (list, mk_kit_component_new (mk_record_get_code (component), quantity));
      import->n_rows++;
    }
  if (!at_end)
    return FALSE;

  for (guint i = 0; i < order->len && import->problems->len == 0; i++)
    {
      const char *code = g_ptr_array_index (order, i);
      g_autoptr (GError) local_error = NULL;

      if (!mk_kit_set_components (import->db, code, g_hash_table_lookup (kits, code), &local_error))
        add_problem (import, GPOINTER_TO_UINT (g_hash_table_lookup (first_line, code)), 0, NULL,
                     local_error->message);
    }
  return TRUE;
}

/* Opening stock ----------------------------------------------------------------------- */

/* The columns of an opening-stock file; the first four are required. */
static const char *const opening_columns[] = {
  "date",
  "warehouse",
  "item",
  "quantity",
  "lot",
  "expiry",
  "grant",
  NULL,
};

static gint
match_opening_header (Import     *import,
                      const char *header)
{
  static const char *const aliases[][2] = {
    { "item_code", "item" },
    { "lot_number", "lot" },
    { "expiry_date", "expiry" },
    { "grant_code", "grant" },
    { "warehouse_code", "warehouse" },
  };
  const char      *mapped = mapped_field (import, header);
  g_autofree char *key = header_key (mapped ? mapped : header);

  for (guint w = 0; opening_columns[w]; w++)
    {
      g_autofree char *wanted = header_key (opening_columns[w]);
      if (g_str_equal (key, wanted))
        return (gint) w;
    }
  for (guint a = 0; a < G_N_ELEMENTS (aliases); a++)
    {
      g_autofree char *alias = header_key (aliases[a][0]);
      if (g_str_equal (key, alias))
        return match_opening_header (import, aliases[a][1]);
    }
  return -1;
}

static gboolean
names_opening_column (Import       *import,
                      gconstpointer data,
                      const char   *header)
{
  return match_opening_header (import, header) >= 0;
}

/* One warehouse's opening balance: a goods received note whose source is
 * "opening", and the file's row of each of its lines. */
typedef struct
{
  char       *warehouse;
  char       *date;
  guint       date_line;
  MkDocument *document;
  GArray     *rows; /* guint: the file's row of each line */
} Opening;

static void
opening_free (Opening *opening)
{
  g_free (opening->warehouse);
  g_free (opening->date);
  g_clear_object (&opening->document);
  g_array_unref (opening->rows);
  g_free (opening);
}

/* Whether @warehouse already has an opening balance standing. */
static gboolean
find_opening (Import     *import,
              const char *warehouse,
              char      **number,
              GError    **error)
{
  g_autoptr (GPtrArray) receipts = mk_documents_list (import->db, MK_DOCUMENT_GRN, NULL, NULL, error);

  if (receipts == NULL)
    return FALSE;
  for (guint i = 0; i < receipts->len; i++)
    {
      const MkDocumentSummary *summary = g_ptr_array_index (receipts, i);

      if (summary->number != NULL && !summary->cancelled && g_strcmp0 (summary->counterpart, "opening") == 0 && g_ascii_strcasecmp (summary->warehouse_code, warehouse) == 0)
        {
          *number = g_strdup (summary->number);
          return TRUE;
        }
    }
  return TRUE;
}

/* opening-stock: date, warehouse, item, quantity, and lot, expiry, grant
 * where they apply; one line per lot and grant. Posted as one goods
 * received note of source "opening" per warehouse, all or none; a
 * warehouse that already has one is refused, so a file imported twice
 * counts nothing twice. */
static gboolean
import_opening_stock (Import  *import,
                      GError **error)
{
  g_autoptr (GHashTable) by_warehouse = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) openings = g_ptr_array_new_with_free_func ((GDestroyNotify) opening_free);
  gint               columns[7] = { -1, -1, -1, -1, -1, -1, -1 };
  const char *const *fields;
  guint              n_fields;
  gboolean           at_end = FALSE;

  if (!check_mapping (import, NULL, opening_columns, error) || !read_header (import, names_opening_column, NULL, error))
    return FALSE;
  for (guint c = 0; c < import->headers->len; c++)
    {
      const char *header = header_at (import, c);
      gint        w = *header ? match_opening_header (import, header) : -1;

      if (w >= 0)
        columns[w] = (gint) c;
      else if (*header != '\0')
        {
          set_place_error (import, error, MK_IMPORT_ERROR_UNKNOWN_COLUMN, import->header_line, c + 1, header,
                           _ ("an opening-stock file has the columns date, warehouse, item, quantity, lot, expiry and grant."));
          return FALSE;
        }
    }
  for (guint w = 0; w < 4; w++)
    if (columns[w] < 0)
      {
        g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MISSING_COLUMN,
                     _ ("%s: the column “%s” is missing; an opening-stock file has the columns date, warehouse, item, quantity, lot, expiry and grant."),
                     import->display, opening_columns[w]);
        return FALSE;
      }

  while (next_row (import, &fields, &n_fields, &at_end, error))
    {
      guint       line = source_line (&import->source);
      const char *values[7];
      g_autoptr (GError) local_error = NULL;
      g_autofree char *date = NULL;
      g_autofree char *warehouse_text = NULL;
      g_autofree char *warehouse = NULL;
      g_autofree char *item = NULL;
      Opening         *opening;
      MkDocumentLine  *document_line;
      gint64           quantity = 0;

      if (import->problems->len >= MAX_PROBLEMS)
        return TRUE;
      if (row_is_blank (fields, n_fields) || !check_width (import, line, fields, n_fields))
        continue;
      for (guint w = 0; w < 7; w++)
        values[w] = columns[w] >= 0 && (guint) columns[w] < n_fields ? fields[columns[w]] : "";

      date = mk_text_parse_date (values[0], &local_error);
      if (date == NULL)
        {
          add_problem (import, line, columns[0] + 1, header_at (import, columns[0]), local_error->message);
          continue;
        }
      warehouse_text = g_strstrip (g_strdup (values[1]));
      warehouse = g_ascii_strup (warehouse_text, -1);
      if (*warehouse == '\0')
        {
          add_problem (import, line, columns[1] + 1, header_at (import, columns[1]), _ ("the warehouse is missing."));
          continue;
        }
      if (!mk_text_parse_int (values[3], &quantity, &local_error) || quantity <= 0)
        {
          add_problem (import, line, columns[3] + 1, header_at (import, columns[3]),
                       local_error ? local_error->message : _ ("the quantity must be 1 or more."));
          continue;
        }

      opening = g_hash_table_lookup (by_warehouse, warehouse);
      if (opening == NULL)
        {
          g_autofree char *existing = NULL;
          MkRecord        *header;

          if (!find_opening (import, warehouse, &existing, error))
            return FALSE;
          if (existing != NULL)
            {
              g_autofree char *message = g_strdup_printf (
                  _ ("the warehouse already has its opening balance, %s; cancel it to post another, or count the stock instead."),
                  existing);
              add_problem (import, line, columns[1] + 1, header_at (import, columns[1]), message);
            }
          opening = g_new0 (Opening, 1);
          opening->warehouse = g_strdup (warehouse);
          opening->date = g_strdup (date);
          opening->date_line = line;
          opening->rows = g_array_new (FALSE, FALSE, sizeof (guint));
          opening->document = mk_document_new (MK_DOCUMENT_GRN);
          header = mk_document_get_header (opening->document);
          if (!mk_record_set_text (header, "date", date, &local_error) || !mk_record_set_text (header, "warehouse", warehouse, &local_error) || !mk_record_set_text (header, "source", "opening", &local_error))
            add_problem (import, line, 0, NULL, local_error->message);
          g_ptr_array_add (openings, opening);
          g_hash_table_insert (by_warehouse, opening->warehouse, opening);
        }
      else if (!g_str_equal (opening->date, date))
        {
          g_autofree char *message = g_strdup_printf (
              _ ("the warehouse’s opening balance is dated %s on line %u; give every line of a warehouse the same date."),
              opening->date, opening->date_line);
          add_problem (import, line, columns[0] + 1, header_at (import, columns[0]), message);
          continue;
        }

      item = g_strstrip (g_strdup (values[2]));
      document_line = mk_document_line_new (item, quantity);
      if (*values[4] != '\0')
        document_line->lot_number = g_strstrip (g_strdup (values[4]));
      if (*values[5] != '\0')
        {
          document_line->expiry_date = mk_text_parse_date (values[5], &local_error);
          if (document_line->expiry_date == NULL)
            {
              add_problem (import, line, columns[5] + 1, header_at (import, columns[5]), local_error->message);
              mk_document_line_free (document_line);
              continue;
            }
        }
      if (*values[6] != '\0')
        document_line->grant_code = g_strstrip (g_strdup (values[6]));
      mk_document_add_line (opening->document, document_line);
      g_array_append_val (opening->rows, line);
    }
  if (!at_end)
    return FALSE;

  /* Posting checks every line as a goods received note would be. */
  for (guint i = 0; i < openings->len && import->problems->len == 0; i++)
    {
      Opening *opening = g_ptr_array_index (openings, i);
      g_autoptr (GError) local_error = NULL;

      if (!mk_documents_post (import->db, opening->document, &local_error))
        {
          guint bad = mk_document_get_invalid_line (opening->document);
          guint line = bad > 0 && bad <= opening->rows->len ? g_array_index (opening->rows, guint, bad - 1)
                                                            : opening->date_line;

          if (local_error->domain != MK_DOCUMENTS_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          add_problem (import, line, 0, NULL, local_error->message);
        }
      else
        import->n_rows += opening->rows->len;
    }
  return TRUE;
}

/* Household members ----------------------------------------------------------------------- */

static const char *const member_columns[] = { "household", "sex", "age", NULL };

static gint
match_member_header (Import     *import,
                     const char *header)
{
  static const char *const aliases[][2] = { { "household_code", "household" }, { "code", "household" } };
  const char              *mapped = mapped_field (import, header);
  g_autofree char         *key = header_key (mapped ? mapped : header);

  for (guint w = 0; member_columns[w]; w++)
    {
      g_autofree char *wanted = header_key (member_columns[w]);
      if (g_str_equal (key, wanted))
        return (gint) w;
    }
  for (guint a = 0; a < G_N_ELEMENTS (aliases); a++)
    {
      g_autofree char *alias = header_key (aliases[a][0]);
      if (g_str_equal (key, alias))
        return match_member_header (import, aliases[a][1]);
    }
  return -1;
}

static gboolean
names_member_column (Import       *import,
                     gconstpointer data,
                     const char   *header)
{
  return match_member_header (import, header) >= 0;
}

/* The member counts of a household, women's then men's, by age band. */
static const char *const member_count_fields[] = {
  "female_0_4",
  "female_5_11",
  "female_12_17",
  "female_18_59",
  "female_60",
  "male_0_4",
  "male_5_11",
  "male_12_17",
  "male_18_59",
  "male_60",
};

/* "female_18_59" for a woman of 30 (a string of member_count_fields);
 * NULL with a message and the column at fault (1: sex, 2: age). */
static const char *
member_field (const char *sex,
              const char *age,
              char      **problem,
              guint      *bad_column)
{
  static const char *const female[] = { "f", "female", "woman", "girl", "أنثى", "انثى" };
  static const char *const male[] = { "m", "male", "man", "boy", "ذكر" };
  g_autofree char         *folded = mk_text_fold (sex);
  g_autofree char         *stripped = g_strstrip (g_strdup (folded));
  gint64                   years = -1;
  gint                     is_female = -1;
  guint                    band;

  /* Words compared folded, as the person's text is: أنثى as انثى. */
  for (guint i = 0; i < G_N_ELEMENTS (female) && is_female < 0; i++)
    {
      g_autofree char *word = mk_text_fold (female[i]);
      if (g_str_equal (stripped, word))
        is_female = 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (male) && is_female < 0; i++)
    {
      g_autofree char *word = mk_text_fold (male[i]);
      if (g_str_equal (stripped, word))
        is_female = 0;
    }
  if (is_female < 0)
    {
      *problem = g_strdup (_ ("write the sex as female or male (F or M)."));
      *bad_column = 1;
      return NULL;
    }
  if (!mk_text_parse_int (age, &years, NULL) || years < 0 || years > 130)
    {
      *problem = g_strdup (_ ("write the age in whole years, such as 34, or 0 for a baby."));
      *bad_column = 2;
      return NULL;
    }
  band = years < 5 ? 0 : years < 12 ? 1
                     : years < 18   ? 2
                     : years < 60   ? 3
                                    : 4;
  return member_count_fields[(is_female ? 0 : 5) + band];
}

typedef struct
{
  char       *code;
  guint       first_line;
  guint       n_members;
  GHashTable *counts; /* interned field → count */
} MemberList;

static void
member_list_free (MemberList *list)
{
  g_free (list->code);
  g_hash_table_unref (list->counts);
  g_free (list);
}

/* household-members: household, sex, age; one row per person. Each
 * household named gets its members by sex and age from the file; their
 * number must be the household's size. */
static gboolean
import_household_members (Import  *import,
                          GError **error)
{
  const MkKind *households = mk_kind_lookup ("household");
  g_autoptr (GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) member_list_free);
  gint               columns[3] = { -1, -1, -1 };
  const char *const *row;
  guint              n_fields;
  gboolean           at_end = FALSE;

  if (!check_mapping (import, NULL, member_columns, error) || !read_header (import, names_member_column, NULL, error))
    return FALSE;
  for (guint c = 0; c < import->headers->len; c++)
    {
      const char *header = header_at (import, c);
      gint        w = *header ? match_member_header (import, header) : -1;

      if (w >= 0)
        columns[w] = (gint) c;
      else if (*header != '\0')
        {
          set_place_error (import, error, MK_IMPORT_ERROR_UNKNOWN_COLUMN, import->header_line, c + 1, header,
                           _ ("a file of household members has the columns household, sex and age."));
          return FALSE;
        }
    }
  for (guint w = 0; w < 3; w++)
    if (columns[w] < 0)
      {
        g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MISSING_COLUMN,
                     _ ("%s: the column “%s” is missing; a file of household members has the columns household, sex and age."),
                     import->display, member_columns[w]);
        return FALSE;
      }

  while (next_row (import, &row, &n_fields, &at_end, error))
    {
      guint            line = source_line (&import->source);
      const char      *values[3];
      g_autofree char *code = NULL;
      g_autofree char *problem = NULL;
      const char      *field;
      guint            bad_column = 0;
      MemberList      *list;

      if (import->problems->len >= MAX_PROBLEMS)
        return TRUE;
      if (row_is_blank (row, n_fields) || !check_width (import, line, row, n_fields))
        continue;
      for (guint w = 0; w < 3; w++)
        values[w] = (guint) columns[w] < n_fields ? row[columns[w]] : "";
      code = g_ascii_strup (values[0], -1);
      g_strstrip (code);
      if (*code == '\0')
        {
          add_problem (import, line, columns[0] + 1, header_at (import, columns[0]), _ ("the household’s code is missing."));
          continue;
        }
      field = member_field (values[1], values[2], &problem, &bad_column);
      if (field == NULL)
        {
          add_problem (import, line, columns[bad_column] + 1, header_at (import, columns[bad_column]), problem);
          continue;
        }
      list = g_hash_table_lookup (by_code, code);
      if (list == NULL)
        {
          list = g_new0 (MemberList, 1);
          list->code = g_strdup (code);
          list->first_line = line;
          list->counts = g_hash_table_new (NULL, NULL);
          g_ptr_array_add (lists, list);
          g_hash_table_insert (by_code, list->code, list);
        }
      g_hash_table_insert (list->counts, (gpointer) field,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (list->counts, field)) + 1));
      list->n_members++;
      import->n_rows++;
    }
  if (!at_end)
    return FALSE;

  for (guint i = 0; i < lists->len && import->problems->len < MAX_PROBLEMS; i++)
    {
      MemberList *list = g_ptr_array_index (lists, i);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (MkRecord) household = mk_master_data_get (import->db, households, list->code, &local_error);
      gboolean ok = TRUE;

      if (household == NULL)
        {
          add_problem (import, list->first_line, columns[0] + 1, header_at (import, columns[0]), local_error->message);
          continue;
        }
      if (mk_record_get_int (household, "size") != (gint64) list->n_members)
        {
          g_autofree char *size = mk_record_get_text (household, "size");
          g_autofree char *message = g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE,
                           "household %s has %s people, but the file lists %u member for it.",
                           "household %s has %s people, but the file lists %u members for it.",
                           list->n_members),
              list->code, size, list->n_members);
          add_problem (import, list->first_line, columns[0] + 1, header_at (import, columns[0]), message);
          continue;
        }
      for (guint f = 0; f < G_N_ELEMENTS (member_count_fields) && ok; f++)
        {
          const char      *name = member_count_fields[f];
          g_autofree char *count = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (list->counts, name)));

          ok = mk_record_set_text (household, name, count, &local_error);
        }
      if (!ok || !mk_master_data_update (import->db, household, &local_error))
        {
          if (local_error->domain != MK_MASTER_DATA_ERROR && local_error->domain != MK_RECORD_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          add_problem (import, list->first_line, 0, NULL, local_error->message);
        }
    }
  return TRUE;
}

/* The entry points ---------------------------------------------------------------------- */

static gboolean
open_source (Import  *import,
             GError **error)
{
  if (is_workbook (import->path))
    {
      import->source.sheet = mk_xlsx_reader_new (import->path, import->options->sheet, error);
      return import->source.sheet != NULL;
    }
  import->source.csv = mk_csv_reader_new_from_file (import->path, error);
  return import->source.csv != NULL;
}

static void
set_problems_error (Import  *import,
                    GError **error)
{
  const MkImportProblem *first = g_ptr_array_index (import->problems, 0);
  guint                  more = import->problems->len - 1;

  if (more == 0)
    g_set_error_literal (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE, first->message);
  else
    g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE,
                 g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem; nothing was imported)",
                              "%s (and %u more problems; nothing was imported)", more),
                 first->message, more);
}

gboolean
mk_import_file (MkDatabase            *db,
                const char            *what,
                const char            *path,
                const MkImportOptions *options,
                guint                 *n_rows,
                GPtrArray            **problems,
                GError               **error)
{
  static const MkImportOptions defaults = { NULL, NULL, FALSE };
  g_autofree char             *base = NULL;
  const MkKind                *kind = NULL;
  Import                       import = { 0 };
  gboolean                     known = FALSE;
  gboolean                     ok;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; importable_kinds[i]; i++)
    known |= g_str_equal (what, importable_kinds[i]);
  if (known && !g_str_equal (what, "kits") && !g_str_equal (what, "opening-stock") && !g_str_equal (what, "household-members"))
    kind = mk_kind_lookup (what);
  if (!known)
    {
      g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_UNKNOWN_KIND,
                   _ ("Makhzan cannot import “%s”; it imports items, kits, warehouses, sites, donors, grants, partners, households, household-members, entitlements and opening-stock."),
                   what);
      return FALSE;
    }

  base = g_path_get_basename (path);
  import.db = db;
  import.path = path;
  import.display = g_filename_display_name (base);
  import.options = options ? options : &defaults;
  import.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_import_problem_free);

  ok = open_source (&import, error) && _mk_database_begin (db, error);
  if (ok)
    {
      /* Ids are counted in memory, as bulk posting counts them, and the
       * counters written once at the end: not looked up for every row. */
      _mk_database_hold_ids (db);
      if (kind != NULL)
        ok = import_records (&import, kind, error);
      else if (g_str_equal (what, "kits"))
        ok = import_kits (&import, error);
      else if (g_str_equal (what, "household-members"))
        ok = import_household_members (&import, error);
      else
        ok = import_opening_stock (&import, error);
      if (ok && import.problems->len > 0)
        {
          set_problems_error (&import, error);
          ok = FALSE;
        }
      if (ok && import.n_rows == 0)
        {
          g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_EMPTY,
                       _ ("“%s” names its columns but has no rows to import."), import.display);
          ok = FALSE;
        }
      /* A preview writes nothing, whatever it found. */
      if (!ok || import.options->dry_run)
        {
          _mk_database_release_ids (db, FALSE, NULL);
          _mk_database_rollback (db);
        }
      else if (!_mk_database_release_ids (db, TRUE, error) || !_mk_database_commit (db, error))
        {
          _mk_database_rollback (db);
          ok = FALSE;
        }
    }

  if (ok && n_rows != NULL)
    *n_rows = import.n_rows;
  if (problems != NULL)
    *problems = g_steal_pointer (&import.problems);
  g_clear_pointer (&import.problems, g_ptr_array_unref);
  g_clear_pointer (&import.headers, g_ptr_array_unref);
  g_free (import.columns);
  g_clear_pointer (&import.bulk, _mk_master_data_bulk_free);
  g_free (import.display);
  g_clear_pointer (&import.source.csv, mk_csv_reader_free);
  g_clear_pointer (&import.source.sheet, mk_xlsx_reader_free);
  return ok;
}

gboolean
mk_import_csv (MkDatabase *db,
               const char *what,
               const char *path,
               guint      *n_rows,
               GError    **error)
{
  return mk_import_file (db, what, path, NULL, n_rows, NULL, error);
}

GHashTable *
mk_import_load_mapping (const char *path,
                        GError    **error)
{
  g_autoptr (GHashTable) mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = g_filename_display_basename (path);
  g_auto (GStrv) lines = NULL;
  const char *text;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MAPPING,
                   _ ("The column mapping “%s” cannot be read: %s"), display, local_error->message);
      return NULL;
    }
  text = contents;
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MAPPING,
                   _ ("The column mapping “%s” is not UTF-8 text."), display);
      return NULL;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *equals;

      if (*line == '\0' || *line == '#')
        continue;
      equals = strchr (line, '=');
      if (equals == NULL || equals == line || equals[1] == '\0')
        {
          g_set_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MAPPING,
                       _ ("%s, line %u: write “field=Column header”, such as “name_en=Item "
                          "description”."),
                       display, i + 1);
          return NULL;
        }
      *equals = '\0';
      g_hash_table_insert (mapping, g_strdup (g_strstrip (line)), g_strdup (g_strstrip (equals + 1)));
    }
  return g_steal_pointer (&mapping);
}
