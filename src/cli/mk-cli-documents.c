/* mk-cli-documents.c: "doc new|post|cancel|delete|show|check|list", stock
 * documents, distributions and service deliveries.
 *
 *   makhzan-cli doc new KIND [--FIELD VALUE…] [--line SPEC…] [--lines FILE.csv]
 *                            [--female-0-4 N … --total N] [--households-file FILE.csv]
 *                            [--post]
 *
 * The header's fields are the options of "doc new KIND", as the fields of a
 * record are those of "add KIND". A line is ITEM=QUANTITY followed by
 * :key=value details, or a row of a CSV file. A distribution or a service
 * counts the people it reached by sex and age; a distribution may instead
 * list what each household received, one CSV row per household and item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-output.h"
#include "mk-cli.h"
#include "mk-distributions.h"

/* A value longer than this is shown cut in messages. */
#define SHOWN_MAX_CHARS 60

/* Sentences and values --------------------------------------------------- */

/* @text as a message shows it: on one line and not too long. */
static char *
shown_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString         *shown = g_string_new (NULL);
  guint            n = 0;

  for (const char *p = valid; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == SHOWN_MAX_CHARS)
        {
          g_string_append (shown, "…");
          break;
        }
      g_string_append_unichar (shown, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
  return g_string_free (shown, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Kinds and statuses: translated for people, as stored for programs. */
static const char *
kind_cell (MkCli         *cli,
           MkDocumentKind kind)
{
  return cli->format == MK_CLI_FORMAT_TABLE ? mk_document_kind_get_label (kind)
                                            : mk_document_kind_to_name (kind);
}

static const char *
status_cell (MkCli           *cli,
             MkDocumentStatus status)
{
  gboolean posted = status == MK_DOCUMENT_POSTED;

  if (cli->format != MK_CLI_FORMAT_TABLE)
    return posted ? "posted" : "draft";
  /* Translators: the status of a stock document in a table. */
  return posted ? C_ ("document", "posted") : C_ ("document", "draft");
}

static char *
kind_names (void)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < MK_DOCUMENT_N_KINDS; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", mk_document_kind_to_name (i));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
lookup_document_kind (const char     *text,
                      MkDocumentKind *kind,
                      GError        **error)
{
  g_autofree char *names = NULL;

  if (text != NULL && mk_document_kind_from_text (text, kind))
    return TRUE;
  names = kind_names ();
  if (text == NULL)
    mk_cli_set_usage_error (error, _ ("Name the kind of document: %s."), names);
  else
    mk_cli_set_usage_error (error,
                            _ ("There is no kind of document called “%s”; use one of: %s."),
                            text, names);
  return FALSE;
}

/* A document by its number (BEN-WB-2026-00017) or, when @text is a whole
 * number, by its id: drafts have no number. */
static MkDocument *
get_document (MkDatabase *db,
              const char *text,
              GError    **error)
{
  gint64 id = 0;

  if (mk_text_parse_int (text, &id, NULL))
    return mk_documents_get (db, id, error);
  return mk_documents_get_by_number (db, text, error);
}

/* The short record "doc new", "doc post" and "doc cancel" give programs. */
static void
write_result (MkCli      *cli,
              MkDocument *doc)
{
  g_autoptr (MkCliTable) table = mk_cli_table_new ();

  mk_cli_table_add_column (table, "id", _ ("Id"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "number", _ ("Number"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "kind", _ ("Kind"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "status", _ ("Status"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "date", _ ("Date"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_row (table);
  mk_cli_table_set_int (table, 0, mk_document_get_id (doc));
  mk_cli_table_set (table, 1, mk_document_get_number (doc));
  mk_cli_table_set (table, 2, kind_cell (cli, mk_document_get_kind (doc)));
  mk_cli_table_set (table, 3, status_cell (cli, mk_document_get_status (doc)));
  mk_cli_table_take (table, 4, mk_record_get_text (mk_document_get_header (doc), "date"));
  mk_cli_table_write_record (table, cli->format, NULL, NULL, NULL, NULL);
}

static void
print_saved (MkCli      *cli,
             MkDocument *doc)
{
  g_autofree char *id = NULL;

  if (cli->format != MK_CLI_FORMAT_TABLE)
    {
      write_result (cli, doc);
      return;
    }
  if (mk_document_get_status (doc) == MK_DOCUMENT_POSTED)
    {
      /* Translators: %s is a document number, BEN-WB-2026-00017. */
      mk_cli_print_line (_ ("Posted %s."), mk_document_get_number (doc));
      return;
    }
  id = id_text (mk_document_get_id (doc));
  /* Translators: both %s are the draft's id; do not translate the command. */
  mk_cli_print_line (_ ("Saved draft %s; post it with “makhzan-cli doc post %s”."), id, id);
}

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
  if (key != LINE_QUANTITY && is_blank (value))
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
  g_autofree char *shown = shown_text (spec);

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
static MkDocumentLine *
parse_line_spec (const char *spec,
                 GError    **error)
{
  g_autoptr (MkDocumentLine) line = mk_document_line_new (NULL, 0);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *shown = shown_text (spec);
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
              g_autofree char *shown_name = shown_text (name);
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
              g_autofree char *shown_name = shown_text (name);
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
  g_autofree char *shown = shown_text (header);

  g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
               /* Translators: “lines.csv, line 3, column 2 (“quantity”): …”. */
               _ ("%s, line %u, column %u (“%s”): %s"), display, line, column, shown, message);
}

/* The lines of a CSV file: a header naming the columns item and quantity,
 * and optionally lot, expiry, grant, damaged, short, to_grant and remarks. */
static gboolean
read_lines_file (MkDocument *doc,
                 const char *path,
                 GArray     *file_lines,
                 GError    **error)
{
  g_autoptr (MkCsvReader) reader = NULL;
  g_autoptr (GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char   *display = g_filename_display_basename (path);
  g_autofree gint   *columns = NULL;
  gint               column_of[N_LINE_KEYS];
  const char *const *fields = NULL;
  guint              n_fields = 0;
  guint              n_lines = 0;
  gboolean           at_end = FALSE;

  reader = mk_csv_reader_new_from_file (path, error);
  if (reader == NULL)
    return FALSE;
  if (!mk_csv_reader_next (reader, &fields, &n_fields, &at_end, error))
    {
      if (at_end)
        g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                     _ ("“%s” is empty; the first line must name the columns, such as "
                        "item,quantity,lot,expiry,grant."),
                     display);
      return FALSE;
    }

  for (guint k = 0; k < N_LINE_KEYS; k++)
    column_of[k] = -1;
  columns = g_new (gint, n_fields);
  for (guint c = 0; c < n_fields; c++)
    {
      g_ptr_array_add (headers, g_strstrip (g_strdup (fields[c])));
      columns[c] = -1;
      /* An empty header: a spreadsheet's spare column. */
      if (*fields[c] == '\0' || is_blank (fields[c]))
        continue;
      columns[c] = lookup_line_key (fields[c]);
      if (columns[c] < 0)
        {
          set_csv_error (error, path, 1, c + 1, g_ptr_array_index (headers, c),
                         /* Translators: do not translate the column names. */
                         _ ("this column is not a value of a line; the columns are item, "
                            "quantity, lot, expiry, grant, damaged, short, to_grant and remarks."));
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
  for (guint k = LINE_ITEM; k <= LINE_QUANTITY; k++)
    if (column_of[k] < 0)
      {
        g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                     /* Translators: the second %s is a column name, item or quantity. */
                     _ ("%s: the column “%s” is missing; a lines file has the columns item and "
                        "quantity, and may have lot, expiry, grant, damaged, short, to_grant "
                        "and remarks."),
                     display, line_keys[k].name);
        return FALSE;
      }

  while (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, error))
    {
      g_autoptr (MkDocumentLine) line = mk_document_line_new (NULL, 0);
      guint    line_no = mk_csv_reader_get_line (reader);
      gboolean blank = TRUE;

      for (guint c = 0; c < n_fields; c++)
        blank &= is_blank (fields[c]);
      if (blank)
        continue;
      for (guint c = headers->len; c < n_fields; c++)
        if (!is_blank (fields[c]))
          {
            g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                         _ ("%s, line %u: the line has %u values but the header names %u "
                            "columns."),
                         display, line_no, n_fields, headers->len);
            return FALSE;
          }
      for (guint c = 0; c < headers->len; c++)
        {
          g_autoptr (GError) local_error = NULL;

          if (columns[c] < 0)
            continue;
          if (!set_line_value (line, columns[c], c < n_fields ? fields[c] : "", &local_error))
            {
              set_csv_error (error, path, line_no, c + 1, g_ptr_array_index (headers, c),
                             local_error->message);
              return FALSE;
            }
        }
      mk_document_add_line (doc, g_steal_pointer (&line));
      g_array_append_val (file_lines, line_no);
      n_lines++;
    }
  if (!at_end)
    return FALSE;
  if (n_lines == 0)
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   _ ("“%s” has no lines below its header."), display);
      return FALSE;
    }
  return TRUE;
}

/* A line as "doc new --line" takes it, for TSV. */
static char *
line_spec_text (const MkDocumentLine *line)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s=%" G_GINT64_FORMAT, line->item_code ? line->item_code : "",
                          line->quantity);
  if (line->lot_number != NULL)
    g_string_append_printf (text, ":lot=%s", line->lot_number);
  if (line->expiry_date != NULL)
    g_string_append_printf (text, ":expiry=%s", line->expiry_date);
  if (line->grant_code != NULL)
    g_string_append_printf (text, ":grant=%s", line->grant_code);
  if (line->damaged != 0)
    g_string_append_printf (text, ":damaged=%" G_GINT64_FORMAT, line->damaged);
  if (line->short_quantity != 0)
    g_string_append_printf (text, ":short=%" G_GINT64_FORMAT, line->short_quantity);
  if (line->to_grant_code != NULL)
    g_string_append_printf (text, ":to_grant=%s", line->to_grant_code);
  if (line->remarks != NULL && *line->remarks != '\0')
    g_string_append_printf (text, ":remarks=%s", line->remarks);
  return g_string_free (text, FALSE);
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

/* What each household received, from a CSV file: a header naming the
 * columns household, item and quantity, and optionally override_reason;
 * one row per household and item. @file_lines gets each receipt's line. */
static gboolean
read_receipts_file (MkDocument *doc,
                    const char *path,
                    GArray     *file_lines,
                    GError    **error)
{
  g_autoptr (MkCsvReader) reader = NULL;
  g_autoptr (GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char   *display = g_filename_display_basename (path);
  g_autofree gint   *columns = NULL;
  gint               column_of[N_RECEIPT_KEYS];
  const char *const *fields = NULL;
  guint              n_fields = 0;
  guint              n_receipts = 0;
  gboolean           at_end = FALSE;

  reader = mk_csv_reader_new_from_file (path, error);
  if (reader == NULL)
    return FALSE;
  if (!mk_csv_reader_next (reader, &fields, &n_fields, &at_end, error))
    {
      if (at_end)
        g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                     /* Translators: do not translate the column names. */
                     _ ("“%s” is empty; the first line must name the columns, such as "
                        "household,item,quantity,override_reason."),
                     display);
      return FALSE;
    }

  for (guint k = 0; k < N_RECEIPT_KEYS; k++)
    column_of[k] = -1;
  columns = g_new (gint, n_fields);
  for (guint c = 0; c < n_fields; c++)
    {
      g_ptr_array_add (headers, g_strstrip (g_strdup (fields[c])));
      columns[c] = -1;
      /* An empty header: a spreadsheet's spare column. */
      if (is_blank (fields[c]))
        continue;
      columns[c] = lookup_receipt_key (fields[c]);
      if (columns[c] < 0)
        {
          set_csv_error (error, path, 1, c + 1, g_ptr_array_index (headers, c),
                         /* Translators: do not translate the column names. */
                         _ ("this column is not a value of a household list; the columns are "
                            "household, item, quantity and override_reason."));
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
  for (guint k = RECEIPT_HOUSEHOLD; k <= RECEIPT_QUANTITY; k++)
    if (column_of[k] < 0)
      {
        g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                     /* Translators: the second %s is a column name, household, item or
                      * quantity. */
                     _ ("%s: the column “%s” is missing; a household list has the columns "
                        "household, item and quantity, and may have override_reason."),
                     display, receipt_keys[k].name);
        return FALSE;
      }

  while (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, error))
    {
      g_autoptr (MkHouseholdReceipt) receipt = mk_household_receipt_new (NULL, NULL, 0);
      guint    line_no = mk_csv_reader_get_line (reader);
      gboolean blank = TRUE;

      for (guint c = 0; c < n_fields; c++)
        blank &= is_blank (fields[c]);
      if (blank)
        continue;
      for (guint c = headers->len; c < n_fields; c++)
        if (!is_blank (fields[c]))
          {
            g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                         _ ("%s, line %u: the line has %u values but the header names %u "
                            "columns."),
                         display, line_no, n_fields, headers->len);
            return FALSE;
          }
      for (guint c = 0; c < headers->len; c++)
        {
          g_autoptr (GError) local_error = NULL;

          if (columns[c] < 0)
            continue;
          if (!set_receipt_value (receipt, columns[c], c < n_fields ? fields[c] : "",
                                  &local_error))
            {
              set_csv_error (error, path, line_no, c + 1, g_ptr_array_index (headers, c),
                             local_error->message);
              return FALSE;
            }
        }
      mk_document_add_receipt (doc, g_steal_pointer (&receipt));
      g_array_append_val (file_lines, line_no);
      n_receipts++;
    }
  if (!at_end)
    return FALSE;
  if (n_receipts == 0)
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   _ ("“%s” has no households below its header."), display);
      return FALSE;
    }
  return TRUE;
}

/* A receipt as one word of TSV: HOUSEHOLD:ITEM=QUANTITY, then the earlier
 * receipt's date and the override's reason (last: it may hold colons). */
static char *
receipt_text (const MkHouseholdReceipt *receipt)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s:%s=%" G_GINT64_FORMAT,
                          receipt->household_code ? receipt->household_code : "",
                          receipt->item_code ? receipt->item_code : "", receipt->quantity);
  if (receipt->previous_date != NULL)
    g_string_append_printf (text, ":previous_date=%s", receipt->previous_date);
  if (receipt->override_reason != NULL && *receipt->override_reason != '\0')
    g_string_append_printf (text, ":override_reason=%s", receipt->override_reason);
  return g_string_free (text, FALSE);
}

static char *
receipts_text (MkDocument *doc)
{
  GPtrArray *receipts = mk_document_get_receipts (doc);
  GString   *text = g_string_new (NULL);

  for (guint i = 0; receipts != NULL && i < receipts->len; i++)
    {
      g_autofree char *word = receipt_text (g_ptr_array_index (receipts, i));
      g_string_append_printf (text, "%s%s", i ? " " : "", word);
    }
  return g_string_free (text, FALSE);
}

/* The receipts as rows; @flags adds whether each breaks an entitlement. */
static MkCliTable *
receipts_table (MkDocument *doc,
                gboolean    flags)
{
  MkCliTable *table = mk_cli_table_new ();
  GPtrArray  *receipts = mk_document_get_receipts (doc);

  mk_cli_table_add_column (table, "household", _ ("Household"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "item", _ ("Item"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "quantity", _ ("Quantity"), MK_CLI_VALUE_NUMBER);
  /* Translators: the date a household last received the item, when that
   * breaks an entitlement rule. */
  mk_cli_table_add_column (table, "previous_date", _ ("Received before on"), MK_CLI_VALUE_TEXT);
  /* Translators: why a household receives more than its entitlement. */
  mk_cli_table_add_column (table, "override_reason", _ ("Override reason"), MK_CLI_VALUE_TEXT);
  if (flags)
    /* Translators: a column: whether a receipt breaks an entitlement rule. */
    mk_cli_table_add_column (table, "flagged", _ ("Breaks an entitlement"), MK_CLI_VALUE_BOOL);
  for (guint i = 0; receipts != NULL && i < receipts->len; i++)
    {
      const MkHouseholdReceipt *receipt = g_ptr_array_index (receipts, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set (table, 0, receipt->household_code);
      mk_cli_table_set (table, 1, receipt->item_code);
      mk_cli_table_set_int (table, 2, receipt->quantity);
      mk_cli_table_set (table, 3, receipt->previous_date);
      mk_cli_table_set (table, 4, receipt->override_reason);
      if (flags)
        mk_cli_table_set (table, 5, receipt->previous_date != NULL ? "yes" : "no");
    }
  return table;
}

/* Whether documents of @kind count the people they reached. */
static gboolean
kind_counts_people (MkDocumentKind kind)
{
  return kind == MK_DOCUMENT_DISTRIBUTION || kind == MK_DOCUMENT_SERVICE;
}

/* doc new ------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *names; /* header fields given, in their order */
  GPtrArray *values;
  GPtrArray *specs; /* --line */
  char      *lines_file;
  GPtrArray *count_names; /* --female-0-4 … --total, in their order */
  GPtrArray *count_values;
  char      *households_file;
  gboolean   post;
} NewOptions;

static gboolean
header_option_cb (const char *option_name,
                  const char *value,
                  gpointer    data,
                  GError    **error)
{
  NewOptions *options = data;

  return mk_cli_take_field_option (options->names, options->values, option_name, value, error);
}

static gboolean
line_option_cb (const char *option_name,
                const char *value,
                gpointer    data,
                GError    **error)
{
  NewOptions *options = data;
  char       *text = mk_cli_argument_to_utf8 (value, error);

  if (text == NULL)
    return FALSE;
  g_ptr_array_add (options->specs, text);
  return TRUE;
}

static gboolean
count_option_cb (const char *option_name,
                 const char *value,
                 gpointer    data,
                 GError    **error)
{
  NewOptions *options = data;

  /* --female-0-4 is female_0_4. */
  return mk_cli_take_field_option (options->count_names, options->count_values, option_name,
                                   value, error);
}

/* The argument of --FIELD in --help as "add" shows it, except that a
 * choice shows its choices: "quarantine|loss". */
static const char *
field_argument (const MkField *field)
{
  if (field->type == MK_FIELD_CHOICE)
    return field->vocab;
  return mk_cli_field_argument (field);
}

/* Whether "doc new" takes @field: the number is given at posting. */
static gboolean
is_header_option (const MkField *field)
{
  return !g_str_equal (field->name, "number");
}

/* The options of "doc new KIND": one per header field (and a hidden one
 * with hyphens), the people reached by a distribution or a service, then
 * the lines and --post. */
static GOptionEntry *
new_entries_new (MkDocumentKind kind,
                 const MkKind  *header,
                 NewOptions    *options,
                 GPtrArray     *strings)
{
  GArray            *entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  const GOptionEntry common[] = {
    { "line", 'l', G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer) line_option_cb,
      N_ ("A line: ITEM=QUANTITY, optionally followed by :lot=L:expiry=YYYY-MM-DD:grant=G:"
          "damaged=N:short=N:to_grant=G:remarks=TEXT (remarks last); repeat for more lines"),
      N_ ("SPEC") },
    { "lines", 0, 0, G_OPTION_ARG_FILENAME, &options->lines_file,
      N_ ("Lines from a CSV file with the columns item and quantity, and optionally lot, "
          "expiry, grant, damaged, short, to_grant and remarks"),
      N_ ("FILE.csv") },
    { "post", 'p', 0, G_OPTION_ARG_NONE, &options->post,
      N_ ("Post the document at once instead of saving a draft"), NULL },
  };

  for (guint i = 0; header != NULL && i < header->n_fields; i++)
    {
      const MkField *field = &header->fields[i];
      GOptionEntry   entry = { field->name,
                               0,
                               G_OPTION_FLAG_FILENAME,
                               G_OPTION_ARG_CALLBACK,
                               (gpointer) header_option_cb,
                               field->label,
                               field_argument (field) };

      if (!is_header_option (field))
        continue;
      mk_cli_append_option_entry (entries, &entry, strings);
    }
  if (header != NULL && kind_counts_people (kind))
    {
      const char *const *names = mk_people_counts_field_names ();

      for (guint i = 0; names[i] != NULL; i++)
        {
          char        *label = mk_cli_people_count_label (names[i]);
          GOptionEntry entry = { names[i],
                                 0,
                                 G_OPTION_FLAG_FILENAME,
                                 G_OPTION_ARG_CALLBACK,
                                 (gpointer) count_option_cb,
                                 label,
                                 N_ ("NUMBER") };

          /* A header field of the same name keeps its option. */
          if (mk_kind_find_field (header, names[i]) != NULL)
            {
              g_free (label);
              continue;
            }
          g_ptr_array_add (strings, label);
          mk_cli_append_option_entry (entries, &entry, strings);
        }
    }
  if (kind == MK_DOCUMENT_DISTRIBUTION)
    {
      const GOptionEntry entry = {
        "households-file", 0, 0, G_OPTION_ARG_FILENAME, &options->households_file,
        N_ ("What each household received, from a CSV file with the columns household, item "
            "and quantity, and optionally override_reason; instead of the counts"),
        N_ ("FILE.csv")
      };
      g_array_append_val (entries, entry);
    }
  g_array_append_vals (entries, common, G_N_ELEMENTS (common));
  return (GOptionEntry *) g_array_free (entries, FALSE);
}

/* Names the line of the household list whose receipt a refused save or
 * posting names, as for the lines of a lines file. */
static void
prefix_receipt_line (MkDocument *doc,
                     GError    **error,
                     const char *path,
                     GArray     *receipt_lines)
{
  guint refused = mk_document_get_invalid_receipt (doc);

  if (refused > 0 && refused <= receipt_lines->len)
    {
      g_autofree char *display = g_filename_display_basename (path);
      guint            file_line = g_array_index (receipt_lines, guint, refused - 1);

      g_prefix_error (error, _ ("%s, line %u: "), display, file_line);
    }
}

static char *
required_fields (const MkKind *header)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < header->n_fields; i++)
    if (is_header_option (&header->fields[i]) &&
        (header->fields[i].flags & MK_FIELD_REQUIRED) && header->fields[i].default_text == NULL)
      g_string_append_printf (names, "%s--%s", names->len ? ", " : "", header->fields[i].name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
doc_new (MkCli   *cli,
         char  ***args,
         GError **error)
{
  NewOptions options = { g_ptr_array_new_with_free_func (g_free),
                         g_ptr_array_new_with_free_func (g_free),
                         g_ptr_array_new_with_free_func (g_free),
                         NULL,
                         g_ptr_array_new_with_free_func (g_free),
                         g_ptr_array_new_with_free_func (g_free),
                         NULL,
                         FALSE };
  /* Freed after the context, whose entries point at them. */
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkDocument) doc = NULL;
  g_autoptr (GArray) file_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) receipt_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree GOptionEntry *entries = NULL;
  g_autofree char         *description = NULL;
  g_autofree char         *names = kind_names ();
  const MkKind            *header = NULL;
  MkDocumentKind           kind = MK_DOCUMENT_GRN;
  const char              *first = (*args)[0] != NULL ? (*args)[1] : NULL;
  gboolean                 ok = FALSE;

  /* The kind comes first, for its fields are the options. */
  if (first != NULL && *first != '-')
    {
      if (!lookup_document_kind (first, &kind, error))
        goto out;
      header = mk_document_kind_get_header (kind);
      g_free ((*args)[1]);
      memmove (*args + 1, *args + 2, g_strv_length (*args + 1) * sizeof (char *));
    }
  entries = new_entries_new (kind, header, &options, strings);

  context = mk_cli_option_context_new (
      cli, N_ ("KIND --FIELD VALUE… --line SPEC…"),
      N_ ("Creates a stock document and saves it as a draft, or posts it with --post. "
          "“makhzan-cli doc new KIND --help” lists the fields of a kind."),
      entries, &options);
  if (header != NULL)
    {
      g_autofree char *required = required_fields (header);
      /* Translators: %s lists options, such as “--date, --warehouse”. */
      description = g_strdup_printf (_ ("Required fields: %s."), required);
    }
  else
    /* Translators: %s lists the kinds: grn, waybill … */
    description = g_strdup_printf (_ ("Kinds: %s."), names);
  g_option_context_set_description (context, description);

  if (!mk_cli_parse (cli, context, args, error))
    goto out;
  if (header == NULL)
    {
      lookup_document_kind (NULL, &kind, error);
      goto out;
    }
  if (!mk_cli_check_arguments (cli, *args, 0, 0, error))
    goto out;
  if (options.households_file != NULL && options.count_names->len > 0)
    {
      mk_cli_set_usage_error (error,
                              /* Translators: do not translate the options. */
                              _ ("A household list counts its households’ members: give either "
                                 "--households-file or the counts such as --female-18-59, not "
                                 "both."));
      goto out;
    }

  doc = mk_document_new (kind);
  for (guint i = 0; i < options.names->len; i++)
    if (!mk_record_set_text (mk_document_get_header (doc), g_ptr_array_index (options.names, i),
                             g_ptr_array_index (options.values, i), error))
      goto out;
  for (guint i = 0; i < options.specs->len; i++)
    {
      MkDocumentLine *line = parse_line_spec (g_ptr_array_index (options.specs, i), error);
      if (line == NULL)
        goto out;
      mk_document_add_line (doc, line);
    }
  if (options.lines_file != NULL && !read_lines_file (doc, options.lines_file, file_lines, error))
    goto out;
  /* The core's message names the count. */
  for (guint i = 0; i < options.count_names->len; i++)
    if (!mk_people_counts_set_text (mk_document_get_counts (doc),
                                    g_ptr_array_index (options.count_names, i),
                                    g_ptr_array_index (options.count_values, i), error))
      goto out;
  if (options.households_file != NULL &&
      !read_receipts_file (doc, options.households_file, receipt_lines, error))
    goto out;

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL)
    goto out;
  /* Posting saves the document in its own transaction: a refused posting
   * leaves no draft behind. */
  if (options.post ? !mk_documents_post (db, doc, error)
                   : !mk_documents_save_draft (db, doc, error))
    {
      /* A refused line that came from the file is named by its line there. */
      guint refused = mk_document_get_invalid_line (doc);

      if (refused > options.specs->len && refused - options.specs->len <= file_lines->len)
        {
          g_autofree char *display = g_filename_display_basename (options.lines_file);
          guint            file_line = g_array_index (file_lines, guint, refused - options.specs->len - 1);
          /* Translators: “lines.csv, line 3: ” before the document's message. */
          g_prefix_error (error, _ ("%s, line %u: "), display, file_line);
        }
      else if (options.households_file != NULL)
        prefix_receipt_line (doc, error, options.households_file, receipt_lines);
      goto out;
    }
  print_saved (cli, doc);
  ok = TRUE;

out:
  g_ptr_array_unref (options.names);
  g_ptr_array_unref (options.values);
  g_ptr_array_unref (options.specs);
  g_free (options.lines_file);
  g_ptr_array_unref (options.count_names);
  g_ptr_array_unref (options.count_values);
  g_free (options.households_file);
  return ok;
}

/* doc post and doc delete -------------------------------------------------------- */

static gboolean
doc_post (MkCli   *cli,
          char  ***args,
          GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkDocument) doc = NULL;

  context = mk_cli_option_context_new (
      cli, N_ ("ID"),
      N_ ("Posts a saved draft: checks it, gives it its number and changes the stock."), NULL,
      NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, 1, error))
    return FALSE;

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL)
    return FALSE;
  doc = get_document (db, (*args)[1], error);
  if (doc == NULL || !mk_documents_post (db, doc, error))
    return FALSE;
  print_saved (cli, doc);
  return TRUE;
}

static gboolean
doc_delete (MkCli   *cli,
            char  ***args,
            GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkDocument) doc = NULL;
  g_autofree char *id = NULL;

  context = mk_cli_option_context_new (
      cli, N_ ("ID"),
      N_ ("Deletes a draft. A posted document is never deleted: cancel it instead."), NULL, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, 1, error))
    return FALSE;

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL)
    return FALSE;
  doc = get_document (db, (*args)[1], error);
  if (doc == NULL || !mk_documents_delete_draft (db, mk_document_get_id (doc), error))
    return FALSE;
  id = id_text (mk_document_get_id (doc));
  /* Translators: %s is the draft's id. */
  mk_cli_print_line (_ ("Deleted draft %s."), id);
  return TRUE;
}

/* doc cancel ---------------------------------------------------------------- */

static gboolean
doc_cancel (MkCli   *cli,
            char  ***args,
            GError **error)
{
  char              *date = NULL;
  char              *reason = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date,
      N_ ("The date of the cancellation (default: the original’s date)"), N_ ("YYYY-MM-DD") },
    { "reason", 'r', 0, G_OPTION_ARG_FILENAME, &reason, N_ ("Why the document is cancelled"),
      N_ ("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkDocument) original = NULL;
  g_autoptr (MkDocument) cancellation = NULL;
  gboolean ok = FALSE;

  context = mk_cli_option_context_new (
      cli, N_ ("NUMBER --reason TEXT"),
      N_ ("Cancels a posted document with a cancellation whose movements reverse it. A "
          "received waybill is cancelled by cancelling its reception first."),
      entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, 1, error) ||
      !mk_cli_utf8_in_place (&reason, error) ||
      !mk_cli_parse_date_option ("--date", &date, error))
    goto out;
  if (reason == NULL || is_blank (reason))
    {
      mk_cli_set_usage_error (error, _ ("Say why the document is cancelled, with --reason TEXT."));
      goto out;
    }

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL)
    goto out;
  original = mk_documents_get_by_number (db, (*args)[1], error);
  if (original == NULL)
    goto out;
  cancellation = mk_documents_cancel (db, mk_document_get_number (original), date, reason, error);
  if (cancellation == NULL)
    goto out;
  if (cli->format == MK_CLI_FORMAT_TABLE)
    /* Translators: “Cancelled BEN-GRN-2026-00002 with BEN-CAN-2026-00001.” */
    mk_cli_print_line (_ ("Cancelled %s with %s."), mk_document_get_number (original),
                       mk_document_get_number (cancellation));
  else
    write_result (cli, cancellation);
  ok = TRUE;

out:
  g_free (date);
  g_free (reason);
  return ok;
}

/* doc show ------------------------------------------------------------------- */

static MkCliTable *
lines_table (MkDocument *doc)
{
  MkCliTable *table = mk_cli_table_new ();
  GPtrArray  *lines = mk_document_get_lines (doc);
  gboolean    counted = mk_document_get_kind (doc) == MK_DOCUMENT_COUNT &&
                     mk_document_get_status (doc) == MK_DOCUMENT_POSTED;

  mk_cli_table_add_column (table, "line", _ ("Line"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "item", _ ("Item"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "lot", _ ("Lot"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "expiry", _ ("Expiry"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "grant", _ ("Grant"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "quantity", _ ("Quantity"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "damaged", _ ("Damaged"), MK_CLI_VALUE_NUMBER);
  /* Translators: a quantity that did not arrive. */
  mk_cli_table_add_column (table, "short", _ ("Short"), MK_CLI_VALUE_NUMBER);
  /* Translators: of a stock count: the quantity the books held. */
  mk_cli_table_add_column (table, "expected", _ ("Expected"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "to_grant", _ ("To grant"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "remarks", _ ("Remarks"), MK_CLI_VALUE_TEXT);
  for (guint i = 0; i < lines->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (lines, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set_int (table, 0, i + 1);
      mk_cli_table_set (table, 1, line->item_code);
      mk_cli_table_set (table, 2, line->lot_number);
      mk_cli_table_set (table, 3, line->expiry_date);
      mk_cli_table_set (table, 4, line->grant_code);
      mk_cli_table_set_int (table, 5, line->quantity);
      mk_cli_table_set_int (table, 6, line->damaged);
      mk_cli_table_set_int (table, 7, line->short_quantity);
      if (counted)
        mk_cli_table_set_int (table, 8, line->expected);
      mk_cli_table_set (table, 9, line->to_grant_code);
      mk_cli_table_set (table, 10, line->remarks);
    }
  return table;
}

static char *
lines_text (MkDocument *doc)
{
  GPtrArray *lines = mk_document_get_lines (doc);
  GString   *text = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *spec = line_spec_text (g_ptr_array_index (lines, i));
      g_string_append_printf (text, "%s%s", i ? " " : "", spec);
    }
  return g_string_free (text, FALSE);
}

static gboolean
doc_show (MkCli   *cli,
          char  ***args,
          GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkDocument) doc = NULL;
  g_autoptr (MkCliTable) table = NULL;
  g_autoptr (MkCliTable) child = NULL;
  g_autoptr (MkCliTable) receipts = NULL;
  g_autofree char *child_tsv = NULL;
  g_autofree char *receipts_tsv = NULL;
  MkCliChild       children[2];
  guint            n_children = 0;
  MkRecord        *header;
  const MkKind    *kind;
  MkPeopleCounts  *counts;
  guint            column;

  context = mk_cli_option_context_new (
      cli, N_ ("NUMBER|ID"),
      N_ ("Shows a document: its header, its lines and its totals of units, weight and volume; "
          "for a distribution or a service, the people it reached and what each household "
          "received."),
      NULL, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, 1, error))
    return FALSE;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    return FALSE;
  doc = get_document (db, (*args)[1], error);
  if (doc == NULL)
    return FALSE;
  header = mk_document_get_header (doc);
  kind = mk_record_get_kind (header);
  counts = mk_document_get_counts (doc);

  table = mk_cli_table_new ();
  mk_cli_table_add_column (table, "id", _ ("Id"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "kind", _ ("Kind"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "status", _ ("Status"), MK_CLI_VALUE_TEXT);
  column = 3;
  mk_cli_table_add_kind_columns (table, kind);
  mk_cli_table_add_column (table, "total_units", _ ("Total units"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "total_weight_kg", _ ("Total weight (kg)"),
                           MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "total_volume_m3", _ ("Total volume (m³)"),
                           MK_CLI_VALUE_NUMBER);
  if (counts != NULL)
    mk_cli_people_add_count_columns (table);

  mk_cli_table_add_row (table);
  mk_cli_table_set_int (table, 0, mk_document_get_id (doc));
  mk_cli_table_set (table, 1, kind_cell (cli, mk_document_get_kind (doc)));
  mk_cli_table_set (table, 2, status_cell (cli, mk_document_get_status (doc)));
  for (guint i = 0; i < kind->n_fields; i++)
    mk_cli_table_take (table, column + i, mk_record_get_text (header, kind->fields[i].name));
  column += kind->n_fields;
  mk_cli_table_set_int (table, column, mk_document_get_total_units (doc));
  mk_cli_table_take (table, column + 1,
                     mk_text_format_decimal (mk_document_get_total_weight_g (doc), 1000));
  mk_cli_table_take (table, column + 2,
                     mk_text_format_decimal (mk_document_get_total_volume_cm3 (doc), 1000000));
  if (counts != NULL)
    mk_cli_people_set_counts (table, column + 3, counts);

  child = lines_table (doc);
  child_tsv = lines_text (doc);
  children[n_children++] = (MkCliChild){ "lines", _ ("Lines"), child, child_tsv };
  if (mk_document_get_kind (doc) == MK_DOCUMENT_DISTRIBUTION)
    {
      receipts = receipts_table (doc, FALSE);
      receipts_tsv = receipts_text (doc);
      /* Translators: what each household received, one row per household and item. */
      children[n_children++] = (MkCliChild){ "receipts", _ ("Household list"), receipts,
                                             receipts_tsv };
    }
  mk_cli_table_write_record_children (table, cli->format, children, n_children);
  return TRUE;
}

/* doc check ------------------------------------------------------------------ */

static gboolean
doc_check (MkCli   *cli,
           char  ***args,
           GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkDocument) doc = NULL;
  g_autoptr (MkCliTable) table = NULL;
  guint n_flagged = 0;

  context = mk_cli_option_context_new (
      cli, N_ ("NUMBER|ID"),
      N_ ("Checks a household-list distribution against the entitlement rules without posting "
          "it: each household and item, and the date of the earlier receipt that a second one "
          "would break a rule with."),
      NULL, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, 1, error))
    return FALSE;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    return FALSE;
  doc = get_document (db, (*args)[1], error);
  if (doc == NULL)
    return FALSE;
  if (mk_document_get_kind (doc) != MK_DOCUMENT_DISTRIBUTION ||
      mk_document_get_receipts (doc)->len == 0)
    {
      g_autofree char *shown = shown_text ((*args)[1]);
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   /* Translators: %s is a document number or id. */
                   _ ("%s is not a household list: only a distribution that says what each "
                      "household received has entitlements to check."),
                   shown);
      return FALSE;
    }
  if (!mk_distributions_check_entitlements (db, doc, &n_flagged, error))
    return FALSE;

  table = receipts_table (doc, TRUE);
  mk_cli_table_write (table, cli->format);
  if (cli->format == MK_CLI_FORMAT_TABLE)
    {
      if (n_flagged == 0)
        mk_cli_print_line (_ ("No household receives more than its entitlement."));
      else
        mk_cli_print_line (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: %u is a number of receipts. */
                                        "%u receipt breaks an entitlement rule; give it an "
                                        "override_reason to distribute it all the same.",
                                        "%u receipts break an entitlement rule; give them an "
                                        "override_reason to distribute them all the same.",
                                        n_flagged),
                           n_flagged);
    }
  return TRUE;
}

/* doc list ------------------------------------------------------------------- */

static gboolean
doc_list (MkCli   *cli,
          char  ***args,
          GError **error)
{
  char              *kind_text = NULL;
  char              *from = NULL;
  char              *to = NULL;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_FILENAME, &kind_text,
      N_ ("Only documents of this kind: grn, waybill, reception, kitting, dekitting, count, "
          "adjustment, cancellation, distribution or service"),
      N_ ("KIND") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_ ("Only documents dated on or after this day"),
      N_ ("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_ ("Only documents dated on or before this day"),
      N_ ("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GPtrArray) summaries = NULL;
  g_autoptr (MkCliTable) table = NULL;
  MkDocumentKind kind = MK_DOCUMENT_GRN;
  gboolean       ok = FALSE;

  context = mk_cli_option_context_new (cli, "",
                                       N_ ("Lists documents, drafts included, newest first."),
                                       entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error) ||
      !mk_cli_utf8_in_place (&kind_text, error) ||
      !mk_cli_parse_date_option ("--from", &from, error) ||
      !mk_cli_parse_date_option ("--to", &to, error))
    goto out;
  if (kind_text != NULL && !lookup_document_kind (kind_text, &kind, error))
    goto out;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    goto out;
  summaries = mk_documents_list (db, kind_text != NULL ? (gint) kind : -1, from, to, error);
  if (summaries == NULL)
    goto out;

  table = mk_cli_table_new ();
  mk_cli_table_add_column (table, "id", _ ("Id"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "number", _ ("Number"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "kind", _ ("Kind"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "status", _ ("Status"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "date", _ ("Date"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "warehouse", _ ("Warehouse"), MK_CLI_VALUE_TEXT);
  /* Translators: where a document's goods come from or go to. */
  mk_cli_table_add_column (table, "counterpart", _ ("From or to"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "lines", _ ("Lines"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "units", _ ("Units"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "cancelled", _ ("Cancelled"), MK_CLI_VALUE_BOOL);
  for (guint i = 0; i < summaries->len; i++)
    {
      const MkDocumentSummary *summary = g_ptr_array_index (summaries, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set_int (table, 0, summary->id);
      mk_cli_table_set (table, 1, summary->number);
      mk_cli_table_set (table, 2, kind_cell (cli, summary->kind));
      mk_cli_table_set (table, 3, status_cell (cli, summary->status));
      mk_cli_table_set (table, 4, summary->date);
      mk_cli_table_set (table, 5, summary->warehouse_code);
      mk_cli_table_set (table, 6, summary->counterpart);
      mk_cli_table_set_int (table, 7, summary->n_lines);
      mk_cli_table_set_int (table, 8, summary->total_units);
      mk_cli_table_set (table, 9, summary->cancelled ? "yes" : "no");
    }
  mk_cli_table_write (table, cli->format);
  ok = TRUE;

out:
  g_free (kind_text);
  g_free (from);
  g_free (to);
  return ok;
}

/* doc ------------------------------------------------------------------------ */

typedef struct
{
  const char      *name;
  const char      *command; /* for messages and help: "doc new" */
  MkCliCommandFunc func;
  const char      *summary; /* N_() */
} Action;

static const Action actions[] = {
  { "new", "doc new", doc_new, N_ ("Create a document: a draft, or posted with --post") },
  { "post", "doc post", doc_post, N_ ("Post a saved draft") },
  { "cancel", "doc cancel", doc_cancel, N_ ("Cancel a posted document") },
  { "delete", "doc delete", doc_delete, N_ ("Delete a draft") },
  { "show", "doc show", doc_show, N_ ("Show a document with its lines and totals") },
  { "check", "doc check", doc_check,
    N_ ("Check a household list against the entitlement rules") },
  { "list", "doc list", doc_list, N_ ("List documents") },
};

static char *
actions_description (void)
{
  GString         *text = g_string_new (_ ("Actions:"));
  g_autofree char *names = kind_names ();

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_string_append_printf (text, "\n  %-6s  %s", actions[i].name, _ (actions[i].summary));
  g_string_append (text, "\n\n");
  g_string_append_printf (text, _ ("Kinds: %s."), names);
  return g_string_free (text, FALSE);
}

gboolean
mk_cli_command_doc (MkCli   *cli,
                    char  ***args,
                    GError **error)
{
  const Action *action = NULL;
  const char   *command = cli->command;
  gboolean      ok;

  if ((*args)[1] == NULL || *(*args)[1] == '-')
    {
      /* Global options and --help before the action. */
      g_autoptr (GOptionContext) context = NULL;
      g_autofree char *description = actions_description ();
      guint            raw_from = cli->raw_arguments_from;

      context = mk_cli_option_context_new (
          cli, N_ ("ACTION ARGUMENTS…"),
          N_ ("Creates, posts, cancels and shows stock documents: goods received notes, waybills "
              "and their receptions, kitting, stock counts, adjustments, distributions and "
              "service deliveries. "
              "“makhzan-cli doc ACTION --help” shows the options of an action."),
          NULL, NULL);
      g_option_context_set_description (context, description);
      g_option_context_set_strict_posix (context, TRUE);
      /* The action converts its own arguments: some are file names. */
      cli->raw_arguments_from = 1;
      ok = mk_cli_parse (cli, context, args, error);
      cli->raw_arguments_from = raw_from;
      if (!ok)
        return FALSE;
      if ((*args)[1] == NULL)
        {
          /* Translators: do not translate the actions. */
          mk_cli_set_usage_error (error, _ ("Name an action: doc new, doc post, doc cancel, "
                                            "doc delete, doc show, doc check or doc list."));
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (actions[i].name, (*args)[1]))
      action = &actions[i];
  if (action == NULL)
    {
      mk_cli_set_usage_error (error,
                              /* Translators: do not translate the actions. */
                              _ ("“doc %s” is unknown; use doc new, doc post, doc cancel, "
                                 "doc delete, doc show, doc check or doc list."),
                              (*args)[1]);
      return FALSE;
    }

  /* The action's arguments, with the action in place of the command. */
  g_free ((*args)[1]);
  memmove (*args + 1, *args + 2, g_strv_length (*args + 1) * sizeof (char *));
  cli->command = action->command;
  {
    g_autofree char *prgname = g_strdup_printf ("makhzan-cli %s", action->command);
    g_set_prgname (prgname);
    ok = action->func (cli, args, error);
  }
  cli->command = command;
  return ok;
}
