/* mk-cli-document-lines.c: the lines and household lists "doc new" reads:
 * line specs (ITEM=QUANTITY:key=value…), CSV files of lines, and CSV files
 * of what each household received.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-documents-private.h"
#include "mk-cli-output.h"
#include "mk-cli.h"
#include "mk-distributions.h"

/* Lines -------------------------------------------------------------------- */

typedef enum
{
  LINE_ITEM,
  LINE_QUANTITY,
  LINE_LOT,
  LINE_EXPIRY,
  LINE_GRANT,
  LINE_DAMAGED,
  LINE_SHORT,
  LINE_TO_GRANT,
  LINE_REMARKS,
  N_LINE_KEYS
} LineKey;

/* The names of a line's values, in line specs and CSV headers; the first
 * of each is the one shown. */
static const struct
{
  const char *name;
  LineKey     key;
} line_keys[] = {
  { "item", LINE_ITEM },
  { "quantity", LINE_QUANTITY },
  { "lot", LINE_LOT },
  { "expiry", LINE_EXPIRY },
  { "grant", LINE_GRANT },
  { "damaged", LINE_DAMAGED },
  { "short", LINE_SHORT },
  { "to_grant", LINE_TO_GRANT },
  { "remarks", LINE_REMARKS },
  { "item_code", LINE_ITEM },
  { "qty", LINE_QUANTITY },
  { "lot_number", LINE_LOT },
  { "expiry_date", LINE_EXPIRY },
  { "grant_code", LINE_GRANT },
  { "short_quantity", LINE_SHORT },
  { "to_grant_code", LINE_TO_GRANT },
};

/* "Expiry date", "expiry-date" and "EXPIRY_DATE" name the same value. */
static gint
lookup_line_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *key = g_strdelimit (g_ascii_strdown (stripped, -1), "- ", '_');

  for (guint i = 0; i < G_N_ELEMENTS (line_keys); i++)
    if (g_str_equal (line_keys[i].name, key))
      return line_keys[i].key;
  return -1;
}

static char *
optional_text (const char *value)
{
  char *text = g_strstrip (g_strdup (value));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Sets one value of @line from what a person wrote; the error says what is
 * wrong without saying where, which the caller adds. */
static gboolean
set_line_value (MkDocumentLine *line,
                LineKey         key,
                const char     *value,
                GError        **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 *number = NULL;

  switch (key)
    {
    case LINE_ITEM:
      g_free (line->item_code);
      line->item_code = optional_text (value);
      if (line->item_code == NULL)
        {
          g_set_error_literal (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                               _ ("The item code is missing."));
          return FALSE;
        }
      return TRUE;
    case LINE_LOT:
      g_free (line->lot_number);
      line->lot_number = optional_text (value);
      return TRUE;
    case LINE_GRANT:
      g_free (line->grant_code);
      line->grant_code = optional_text (value);
      return TRUE;
    case LINE_TO_GRANT:
      g_free (line->to_grant_code);
      line->to_grant_code = optional_text (value);
      return TRUE;
    case LINE_REMARKS:
      g_free (line->remarks);
      line->remarks = optional_text (value);
      return TRUE;
    case LINE_EXPIRY:
      {
        g_autofree char *text = optional_text (value);

        g_clear_pointer (&line->expiry_date, g_free);
        if (text == NULL)
          return TRUE;
        line->expiry_date = mk_text_parse_date (text, &local_error);
        if (line->expiry_date == NULL)
          {
            g_set_error_literal (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, local_error->message);
            return FALSE;
          }
        return TRUE;
      }
    case LINE_QUANTITY:
      number = &line->quantity;
      break;
    case LINE_DAMAGED:
      number = &line->damaged;
      break;
    case LINE_SHORT:
      number = &line->short_quantity;
      break;
    case N_LINE_KEYS:
    default:
      g_assert_not_reached ();
    }

  /* Damaged and short may be left empty; the quantity may not. */
  if (key != LINE_QUANTITY && mk_cli_doc_is_blank (value))
    {
      *number = 0;
      return TRUE;
    }
  if (!mk_text_parse_int (value, number, &local_error))
    {
      g_set_error_literal (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
set_spec_usage_error (GError    **error,
                      const char *spec)
{
  g_autofree char *shown = mk_cli_doc_shown_text (spec);

  mk_cli_set_usage_error (error,
                          /* Translators: do not translate ITEM=QUANTITY and the
                           * names after the colons. */
                          _ ("“%s” is not a line; write ITEM=QUANTITY, optionally followed by "
                             ":lot=L:expiry=YYYY-MM-DD:grant=G:damaged=N:short=N:to_grant=G:"
                             "remarks=TEXT."),
                          shown);
}

/* "SOAP=400:lot=SB-2611:expiry=2028-06-30:grant=ECHO-2026" as a line. The
 * remarks run to the end, so that they may contain colons. */
MkDocumentLine *
mk_cli_doc_parse_line_spec (const char *spec,
                            GError    **error)
{
  g_autoptr (MkDocumentLine) line = mk_document_line_new (NULL, 0);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *shown = mk_cli_doc_shown_text (spec);
  gboolean         given[N_LINE_KEYS] = { FALSE };
  const char      *p = spec;
  gboolean         first = TRUE;

  while (p != NULL)
    {
      const char      *colon = strchr (p, ':');
      const char      *equals;
      g_autofree char *segment = NULL;
      g_autofree char *name = NULL;
      gint             key;

      segment = colon != NULL ? g_strndup (p, colon - p) : g_strdup (p);
      equals = strchr (segment, '=');
      if (equals == NULL)
        {
          set_spec_usage_error (error, spec);
          return NULL;
        }
      name = g_strndup (segment, equals - segment);
      if (first)
        key = LINE_ITEM;
      else
        {
          key = lookup_line_key (name);
          if (key < 0 || key == LINE_ITEM || key == LINE_QUANTITY)
            {
              g_autofree char *shown_name = mk_cli_doc_shown_text (name);
              mk_cli_set_usage_error (error,
                                      /* Translators: do not translate the names
                                       * after “use”. */
                                      _ ("--line %s: “%s” is not a detail of a line; use lot, "
                                         "expiry, grant, damaged, short, to_grant or remarks."),
                                      shown, shown_name);
              return NULL;
            }
          if (given[key])
            {
              g_autofree char *shown_name = mk_cli_doc_shown_text (name);
              mk_cli_set_usage_error (error, _ ("--line %s gives the %s twice."), shown,
                                      shown_name);
              return NULL;
            }
        }
      given[key] = TRUE;

      if (key == LINE_REMARKS)
        {
          /* The rest of the spec, colons included. */
          const char *start = strchr (p, '=') + 1;
          if (!set_line_value (line, LINE_REMARKS, start, &local_error))
            goto fail;
          break;
        }
      if (!set_line_value (line, key, first ? name : equals + 1, &local_error))
        goto fail;
      if (first && !set_line_value (line, LINE_QUANTITY, equals + 1, &local_error))
        goto fail;
      first = FALSE;
      p = colon != NULL ? colon + 1 : NULL;
    }
  return g_steal_pointer (&line);

fail:
  /* Translators: “--line SOAP=four: “four” is not a number …”. */
  g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, _ ("--line %s: %s"), shown,
               local_error->message);
  return NULL;
}

static void
set_csv_error (GError    **error,
               const char *path,
               guint       line,
               guint       column,
               const char *header,
               const char *message)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *shown = mk_cli_doc_shown_text (header);

  g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
               /* Translators: “lines.csv, line 3, column 2 (“quantity”): …”. */
               _ ("%s, line %u, column %u (“%s”): %s"), display, line, column, shown, message);
}

/* CSV files of rows --------------------------------------------------------- */

/* What a CSV file read into a document looks like: how its headers name
 * keys (the first @n_required keys must have a column), how a row is made,
 * filled and added, and what its refusals say. Messages are built by
 * callbacks so that their format strings stay literal and translatable. */
typedef struct
{
  guint n_keys;
  guint n_required;
  gint (*lookup) (const char *header);
  const char *(*key_name) (guint key);
  gpointer (*row_new) (void);
  GDestroyNotify row_free;
  gboolean (*row_set) (gpointer row, gint key, const char *text, GError **error);
  void (*row_add) (MkDocument *doc, gpointer row);
  char *(*empty_message) (const char *display);
  const char *(*unknown_column_message) (void);
  char *(*missing_message) (const char *display, const char *column);
  char *(*no_rows_message) (const char *display);
} CsvRows;

/* Reads @path into @doc row by row as @shape says; @file_lines gets the
 * file's line of each row added. The first refusal names the file, the
 * line and the column. */
static gboolean
read_csv_rows (MkDocument    *doc,
               const char    *path,
               const CsvRows *shape,
               GArray        *file_lines,
               GError       **error)
{
  g_autoptr (MkCsvReader) reader = NULL;
  g_autoptr (GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char   *display = g_filename_display_basename (path);
  g_autofree gint   *columns = NULL;
  g_autofree gint   *column_of = g_new (gint, shape->n_keys);
  const char *const *fields = NULL;
  guint              n_fields = 0;
  guint              n_rows = 0;
  gboolean           at_end = FALSE;

  reader = mk_csv_reader_new_from_file (path, error);
  if (reader == NULL)
    return FALSE;
  if (!mk_csv_reader_next (reader, &fields, &n_fields, &at_end, error))
    {
      if (at_end)
        {
          g_autofree char *message = shape->empty_message (display);
          g_set_error_literal (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, message);
        }
      return FALSE;
    }

  for (guint k = 0; k < shape->n_keys; k++)
    column_of[k] = -1;
  columns = g_new (gint, n_fields);
  for (guint c = 0; c < n_fields; c++)
    {
      g_ptr_array_add (headers, g_strstrip (g_strdup (fields[c])));
      columns[c] = -1;
      /* An empty header: a spreadsheet's spare column. */
      if (mk_cli_doc_is_blank (fields[c]))
        continue;
      columns[c] = shape->lookup (fields[c]);
      if (columns[c] < 0)
        {
          set_csv_error (error, path, 1, c + 1, g_ptr_array_index (headers, c),
                         shape->unknown_column_message ());
          return FALSE;
        }
      if (column_of[columns[c]] >= 0)
        {
          set_csv_error (error, path, 1, c + 1, g_ptr_array_index (headers, c),
                         _ ("this column repeats an earlier one."));
          return FALSE;
        }
      column_of[columns[c]] = (gint) c;
    }
  for (guint k = 0; k < shape->n_required; k++)
    if (column_of[k] < 0)
      {
        g_autofree char *message = shape->missing_message (display, shape->key_name (k));
        g_set_error_literal (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, message);
        return FALSE;
      }

  while (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, error))
    {
      gpointer row;
      guint    line_no = mk_csv_reader_get_line (reader);
      gboolean blank = TRUE;

      for (guint c = 0; c < n_fields; c++)
        blank &= mk_cli_doc_is_blank (fields[c]);
      if (blank)
        continue;
      for (guint c = headers->len; c < n_fields; c++)
        if (!mk_cli_doc_is_blank (fields[c]))
          {
            g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                         _ ("%s, line %u: the line has %u values but the header names %u "
                            "columns."),
                         display, line_no, n_fields, headers->len);
            return FALSE;
          }
      row = shape->row_new ();
      for (guint c = 0; c < headers->len; c++)
        {
          g_autoptr (GError) local_error = NULL;

          if (columns[c] < 0)
            continue;
          if (!shape->row_set (row, columns[c], c < n_fields ? fields[c] : "", &local_error))
            {
              set_csv_error (error, path, line_no, c + 1, g_ptr_array_index (headers, c),
                             local_error->message);
              shape->row_free (row);
              return FALSE;
            }
        }
      shape->row_add (doc, row);
      g_array_append_val (file_lines, line_no);
      n_rows++;
    }
  if (!at_end)
    return FALSE;
  if (n_rows == 0)
    {
      g_autofree char *message = shape->no_rows_message (display);
      g_set_error_literal (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, message);
      return FALSE;
    }
  return TRUE;
}

/* Files of lines ------------------------------------------------------------ */

static const char *
line_key_name (guint key)
{
  for (guint i = 0; i < G_N_ELEMENTS (line_keys); i++)
    if (line_keys[i].key == (LineKey) key)
      return line_keys[i].name;
  return "";
}

static gpointer
line_row_new (void)
{
  return mk_document_line_new (NULL, 0);
}

static gboolean
line_row_set (gpointer    row,
              gint        key,
              const char *text,
              GError    **error)
{
  return set_line_value (row, (LineKey) key, text, error);
}

static void
line_row_add (MkDocument *doc,
              gpointer    row)
{
  mk_document_add_line (doc, row);
}

static char *
lines_empty_message (const char *display)
{
  return g_strdup_printf (_ ("“%s” is empty; the first line must name the columns, such as "
                             "item,quantity,lot,expiry,grant."),
                          display);
}

static const char *
lines_unknown_column_message (void)
{
  /* Translators: do not translate the column names. */
  return _ ("this column is not a value of a line; the columns are item, "
            "quantity, lot, expiry, grant, damaged, short, to_grant and remarks.");
}

static char *
lines_missing_message (const char *display,
                       const char *column)
{
  /* Translators: the second %s is a column name, item or quantity. */
  return g_strdup_printf (_ ("%s: the column “%s” is missing; a lines file has the columns item and "
                             "quantity, and may have lot, expiry, grant, damaged, short, to_grant "
                             "and remarks."),
                          display, column);
}

static char *
lines_no_rows_message (const char *display)
{
  return g_strdup_printf (_ ("“%s” has no lines below its header."), display);
}

/* The lines of a CSV file: a header naming the columns item and quantity,
 * and optionally lot, expiry, grant, damaged, short, to_grant and remarks.
 * @file_lines gets each line's line in the file. */
gboolean
mk_cli_doc_read_lines_file (MkDocument *doc,
                            const char *path,
                            GArray     *file_lines,
                            GError    **error)
{
  static const CsvRows shape = {
    N_LINE_KEYS,
    LINE_QUANTITY + 1,
    lookup_line_key,
    line_key_name,
    line_row_new,
    (GDestroyNotify) mk_document_line_free,
    line_row_set,
    line_row_add,
    lines_empty_message,
    lines_unknown_column_message,
    lines_missing_message,
    lines_no_rows_message,
  };

  return read_csv_rows (doc, path, &shape, file_lines, error);
}

/* Household lists ---------------------------------------------------------- */

typedef enum
{
  RECEIPT_HOUSEHOLD,
  RECEIPT_ITEM,
  RECEIPT_QUANTITY,
  RECEIPT_OVERRIDE,
  N_RECEIPT_KEYS
} ReceiptKey;

/* The columns of a household list; the first of each is the one shown. */
static const struct
{
  const char *name;
  ReceiptKey  key;
} receipt_keys[] = {
  { "household", RECEIPT_HOUSEHOLD },
  { "item", RECEIPT_ITEM },
  { "quantity", RECEIPT_QUANTITY },
  { "override_reason", RECEIPT_OVERRIDE },
  { "household_code", RECEIPT_HOUSEHOLD },
  { "item_code", RECEIPT_ITEM },
  { "qty", RECEIPT_QUANTITY },
  { "override", RECEIPT_OVERRIDE },
};

static gint
lookup_receipt_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *key = g_strdelimit (g_ascii_strdown (stripped, -1), "- ", '_');

  for (guint i = 0; i < G_N_ELEMENTS (receipt_keys); i++)
    if (g_str_equal (receipt_keys[i].name, key))
      return receipt_keys[i].key;
  return -1;
}

/* Sets one value of @receipt; the error says what is wrong without saying
 * where, which the caller adds. */
static gboolean
set_receipt_value (MkHouseholdReceipt *receipt,
                   ReceiptKey          key,
                   const char         *value,
                   GError            **error)
{
  g_autoptr (GError) local_error = NULL;

  switch (key)
    {
    case RECEIPT_HOUSEHOLD:
      g_free (receipt->household_code);
      receipt->household_code = optional_text (value);
      if (receipt->household_code == NULL)
        {
          g_set_error_literal (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                               _ ("The household code is missing."));
          return FALSE;
        }
      return TRUE;
    case RECEIPT_ITEM:
      g_free (receipt->item_code);
      receipt->item_code = optional_text (value);
      if (receipt->item_code == NULL)
        {
          g_set_error_literal (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                               _ ("The item code is missing."));
          return FALSE;
        }
      return TRUE;
    case RECEIPT_OVERRIDE:
      g_free (receipt->override_reason);
      receipt->override_reason = optional_text (value);
      return TRUE;
    case RECEIPT_QUANTITY:
      if (!mk_text_parse_int (value, &receipt->quantity, &local_error))
        {
          g_set_error_literal (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, local_error->message);
          return FALSE;
        }
      if (receipt->quantity <= 0)
        {
          g_set_error_literal (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                               _ ("A household receives a quantity of at least 1."));
          return FALSE;
        }
      return TRUE;
    case N_RECEIPT_KEYS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static const char *
receipt_key_name (guint key)
{
  for (guint i = 0; i < G_N_ELEMENTS (receipt_keys); i++)
    if (receipt_keys[i].key == (ReceiptKey) key)
      return receipt_keys[i].name;
  return "";
}

static gpointer
receipt_row_new (void)
{
  return mk_household_receipt_new (NULL, NULL, 0);
}

static gboolean
receipt_row_set (gpointer    row,
                 gint        key,
                 const char *text,
                 GError    **error)
{
  return set_receipt_value (row, (ReceiptKey) key, text, error);
}

static void
receipt_row_add (MkDocument *doc,
                 gpointer    row)
{
  mk_document_add_receipt (doc, row);
}

static char *
receipts_empty_message (const char *display)
{
  /* Translators: do not translate the column names. */
  return g_strdup_printf (_ ("“%s” is empty; the first line must name the columns, such as "
                             "household,item,quantity,override_reason."),
                          display);
}

static const char *
receipts_unknown_column_message (void)
{
  /* Translators: do not translate the column names. */
  return _ ("this column is not a value of a household list; the columns are "
            "household, item, quantity and override_reason.");
}

static char *
receipts_missing_message (const char *display,
                          const char *column)
{
  /* Translators: the second %s is a column name, household, item or
   * quantity. */
  return g_strdup_printf (_ ("%s: the column “%s” is missing; a household list has the columns "
                             "household, item and quantity, and may have override_reason."),
                          display, column);
}

static char *
receipts_no_rows_message (const char *display)
{
  return g_strdup_printf (_ ("“%s” has no households below its header."), display);
}

/* What each household received, from a CSV file: a header naming the
 * columns household, item and quantity, and optionally override_reason;
 * one row per household and item. @file_lines gets each receipt's line. */
gboolean
mk_cli_doc_read_receipts_file (MkDocument *doc,
                               const char *path,
                               GArray     *file_lines,
                               GError    **error)
{
  static const CsvRows shape = {
    N_RECEIPT_KEYS,
    RECEIPT_QUANTITY + 1,
    lookup_receipt_key,
    receipt_key_name,
    receipt_row_new,
    (GDestroyNotify) mk_household_receipt_free,
    receipt_row_set,
    receipt_row_add,
    receipts_empty_message,
    receipts_unknown_column_message,
    receipts_missing_message,
    receipts_no_rows_message,
  };

  return read_csv_rows (doc, path, &shape, file_lines, error);
}
