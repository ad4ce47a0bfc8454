/* mk-cli-document-show.c: "doc show", "doc check" and "doc list": a document
 * with its lines, people and household list; a household list against the
 * entitlement rules; the documents, filtered.
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

/* Lines and household lists, as text ---------------------------------------- */

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

gboolean
mk_cli_doc_show (MkCli   *cli,
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
  doc = mk_cli_doc_get (db, (*args)[1], error);
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
  mk_cli_table_set (table, 1, mk_cli_doc_kind_cell (cli, mk_document_get_kind (doc)));
  mk_cli_table_set (table, 2, mk_cli_doc_status_cell (cli, mk_document_get_status (doc)));
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

gboolean
mk_cli_doc_check (MkCli   *cli,
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
  doc = mk_cli_doc_get (db, (*args)[1], error);
  if (doc == NULL)
    return FALSE;
  if (mk_document_get_kind (doc) != MK_DOCUMENT_DISTRIBUTION ||
      mk_document_get_receipts (doc)->len == 0)
    {
      g_autofree char *shown = mk_cli_doc_shown_text ((*args)[1]);
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

gboolean
mk_cli_doc_list (MkCli   *cli,
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
  if (kind_text != NULL && !mk_cli_doc_lookup_kind (kind_text, &kind, error))
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
      mk_cli_table_set (table, 2, mk_cli_doc_kind_cell (cli, summary->kind));
      mk_cli_table_set (table, 3, mk_cli_doc_status_cell (cli, summary->status));
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
