/* mk-cli-ledger.c: balance, stock, stock-card, suggest-lots, in-transit,
 * expiring and below-reorder, what the ledger says.
 *
 * Every command here only reads the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-output.h"
#include "mk-cli.h"

#define DEFAULT_CARD_LIMIT 100
#define MAX_CARD_LIMIT 1000000
#define DEFAULT_EXPIRY_MONTHS 3
#define MAX_EXPIRY_MONTHS 1200

/* Option values ----------------------------------------------------------- */

gboolean
mk_cli_parse_date_option (const char *option,
                          char      **value,
                          GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  char *date;

  if (*value == NULL)
    return TRUE;
  if (!mk_cli_utf8_in_place (value, error))
    return FALSE;
  date = mk_text_parse_date (*value, &local_error);
  if (date == NULL)
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   /* Translators: an option, such as --as-of, then what is wrong
                    * with its value. */
                   _ ("%s: %s"), option, local_error->message);
      return FALSE;
    }
  g_free (*value);
  *value = date;
  return TRUE;
}

/* A count such as --limit: a usage error outside [@min, @max]. */
static gboolean
parse_count_option (const char *option,
                    const char *text,
                    gint64      min,
                    gint64      max,
                    gint64     *value,
                    GError    **error)
{
  g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
  g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

  if (text == NULL)
    return TRUE;
  if (!mk_text_parse_int (text, value, NULL) || *value < min || *value > max)
    {
      /* Translators: “--limit takes a number from 1 to 1000000.” */
      mk_cli_set_usage_error (error, _ ("%s takes a number from %s to %s."), option, min_text,
                              max_text);
      return FALSE;
    }
  return TRUE;
}

/* Tables -------------------------------------------------------------------- */

static MkCliTable *
stock_table_new (void)
{
  MkCliTable *table = mk_cli_table_new ();

  mk_cli_table_add_column (table, "warehouse", _ ("Warehouse"), MK_CLI_VALUE_TEXT);
  /* Translators: damaged goods kept apart in a warehouse. */
  mk_cli_table_add_column (table, "quarantine", _ ("Quarantine"), MK_CLI_VALUE_BOOL);
  mk_cli_table_add_column (table, "item", _ ("Item"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "name_en", _ ("Name (English)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "name_ar", _ ("Name (Arabic)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "unit", _ ("Unit"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "lot", _ ("Lot"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "expiry", _ ("Expiry"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "grant", _ ("Grant"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "quantity", _ ("Quantity"), MK_CLI_VALUE_NUMBER);
  return table;
}

static void
stock_table_add_rows (MkCliTable *table,
                      GPtrArray  *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const MkStockRow *row = g_ptr_array_index (rows, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set (table, 0, row->warehouse_code);
      mk_cli_table_set (table, 1, row->quarantine ? "yes" : "no");
      mk_cli_table_set (table, 2, row->item_code);
      mk_cli_table_set (table, 3, row->item_name_en);
      mk_cli_table_set (table, 4, row->item_name_ar);
      mk_cli_table_set (table, 5, row->unit);
      mk_cli_table_set (table, 6, row->lot_number);
      mk_cli_table_set (table, 7, row->expiry_date);
      mk_cli_table_set (table, 8, row->grant_code);
      mk_cli_table_set_int (table, 9, row->quantity);
    }
}

static void
write_stock_rows (MkCli     *cli,
                  GPtrArray *rows)
{
  g_autoptr (MkCliTable) table = stock_table_new ();

  stock_table_add_rows (table, rows);
  mk_cli_table_write (table, cli->format);
}

/* balance and stock ------------------------------------------------------------ */

typedef struct
{
  char    *warehouse;
  char    *item;
  char    *grant;
  char    *lot;
  char    *as_of;
  gboolean quarantine;
  gboolean all;
} StockOptions;

static void
stock_options_clear (StockOptions *options)
{
  g_free (options->warehouse);
  g_free (options->item);
  g_free (options->grant);
  g_free (options->lot);
  g_free (options->as_of);
}

static gboolean
stock_options_to_utf8 (StockOptions *options,
                       GError      **error)
{
  return mk_cli_utf8_in_place (&options->warehouse, error) &&
         mk_cli_utf8_in_place (&options->item, error) &&
         mk_cli_utf8_in_place (&options->grant, error) &&
         mk_cli_utf8_in_place (&options->lot, error) &&
         mk_cli_parse_date_option ("--as-of", &options->as_of, error);
}

static void
stock_filter_init (MkStockFilter      *filter,
                   const StockOptions *options)
{
  filter->warehouse_code = options->warehouse;
  filter->quarantine = options->quarantine;
  filter->item_code = options->item;
  filter->lot_number = options->lot;
  filter->grant_code = options->grant;
  filter->as_of = options->as_of;
}

static gboolean
list_stock (MkCli              *cli,
            const StockOptions *options,
            GError            **error)
{
  g_autoptr (MkDatabase) db = mk_cli_open_database (cli, FALSE, error);
  g_autoptr (GPtrArray) rows = NULL;
  MkStockFilter filter;

  if (db == NULL)
    return FALSE;
  stock_filter_init (&filter, options);
  rows = mk_ledger_list_stock (db, &filter, error);
  if (rows == NULL)
    return FALSE;
  write_stock_rows (cli, rows);
  return TRUE;
}

static gboolean
stock_command (MkCli   *cli,
               char  ***args,
               gboolean balance,
               GError **error)
{
  StockOptions options = { NULL, NULL, NULL, NULL, NULL, FALSE, FALSE };
  GOptionEntry entries[] = {
    { "warehouse", 'w', 0, G_OPTION_ARG_FILENAME, &options.warehouse,
      N_ ("Only this warehouse"), N_ ("CODE") },
    { "item", 'i', 0, G_OPTION_ARG_FILENAME, &options.item, N_ ("Only this item"), N_ ("CODE") },
    { "grant", 'g', 0, G_OPTION_ARG_FILENAME, &options.grant,
      N_ ("Only stock of this grant; an empty value means unearmarked stock only"),
      N_ ("CODE") },
    { "lot", 0, 0, G_OPTION_ARG_FILENAME, &options.lot, N_ ("Only this lot"), N_ ("LOT") },
    { "as-of", 0, 0, G_OPTION_ARG_FILENAME, &options.as_of,
      N_ ("The stock at the end of this day (default: now)"), N_ ("YYYY-MM-DD") },
    { "as_of", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &options.as_of, NULL, NULL },
    { "quarantine", 'q', 0, G_OPTION_ARG_NONE, &options.quarantine,
      N_ ("Damaged goods kept apart instead of usable stock"), NULL },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &options.all,
      N_ ("Every lot and grant as rows, even for one item in one warehouse"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  gboolean ok = FALSE;

  /* --all is the last option, and belongs to balance. */
  if (!balance)
    memset (&entries[G_N_ELEMENTS (entries) - 2], 0, sizeof (GOptionEntry));

  if (balance)
    context = mk_cli_option_context_new (
        cli, N_ ("--warehouse CODE --item CODE"),
        N_ ("Prints the quantity of one item in one warehouse, optionally of one lot or grant and "
            "as of a day. Without --item, or with --all, lists the stock as “stock” does."),
        entries, NULL);
  else
    context = mk_cli_option_context_new (
        cli, "",
        N_ ("Lists the stock by warehouse, item, lot and grant; each option narrows the list."),
        entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error) ||
      !stock_options_to_utf8 (&options, error))
    goto out;

  if (!balance || options.all || options.item == NULL || options.warehouse == NULL)
    {
      ok = list_stock (cli, &options, error);
      goto out;
    }

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    goto out;
  {
    g_autoptr (MkCliTable) table = NULL;
    MkStockFilter filter;
    gint64        quantity = 0;

    stock_filter_init (&filter, &options);
    if (!mk_ledger_get_balance (db, &filter, &quantity, error))
      goto out;
    if (cli->format == MK_CLI_FORMAT_TABLE)
      {
        /* One number, for people and for shell scripts alike. */
        mk_cli_print_line ("%" G_GINT64_FORMAT, quantity);
        ok = TRUE;
        goto out;
      }
    table = mk_cli_table_new ();
    mk_cli_table_add_column (table, "warehouse", _ ("Warehouse"), MK_CLI_VALUE_TEXT);
    mk_cli_table_add_column (table, "quarantine", _ ("Quarantine"), MK_CLI_VALUE_BOOL);
    mk_cli_table_add_column (table, "item", _ ("Item"), MK_CLI_VALUE_TEXT);
    mk_cli_table_add_column (table, "lot", _ ("Lot"), MK_CLI_VALUE_TEXT);
    mk_cli_table_add_column (table, "grant", _ ("Grant"), MK_CLI_VALUE_TEXT);
    mk_cli_table_add_column (table, "as_of", _ ("As of"), MK_CLI_VALUE_TEXT);
    mk_cli_table_add_column (table, "quantity", _ ("Quantity"), MK_CLI_VALUE_NUMBER);
    mk_cli_table_add_row (table);
    mk_cli_table_set (table, 0, options.warehouse);
    mk_cli_table_set (table, 1, options.quarantine ? "yes" : "no");
    mk_cli_table_set (table, 2, options.item);
    mk_cli_table_set (table, 3, options.lot);
    mk_cli_table_set (table, 4, options.grant);
    mk_cli_table_set (table, 5, options.as_of);
    mk_cli_table_set_int (table, 6, quantity);
    mk_cli_table_write_record (table, cli->format, NULL, NULL, NULL, NULL);
    ok = TRUE;
  }

out:
  stock_options_clear (&options);
  return ok;
}

gboolean
mk_cli_command_balance (MkCli   *cli,
                        char  ***args,
                        GError **error)
{
  return stock_command (cli, args, TRUE, error);
}

gboolean
mk_cli_command_stock (MkCli   *cli,
                      char  ***args,
                      GError **error)
{
  return stock_command (cli, args, FALSE, error);
}

/* stock-card ------------------------------------------------------------------ */

gboolean
mk_cli_command_stock_card (MkCli   *cli,
                           char  ***args,
                           GError **error)
{
  char              *warehouse = NULL;
  char              *item = NULL;
  char              *from = NULL;
  char              *to = NULL;
  char              *offset_text = NULL;
  char              *limit_text = NULL;
  const GOptionEntry entries[] = {
    { "warehouse", 'w', 0, G_OPTION_ARG_FILENAME, &warehouse, N_ ("The warehouse"), N_ ("CODE") },
    { "item", 'i', 0, G_OPTION_ARG_FILENAME, &item, N_ ("The item"), N_ ("CODE") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from,
      N_ ("Movements from this day; the balance still counts those before it"),
      N_ ("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_ ("Movements up to this day"), N_ ("YYYY-MM-DD") },
    { "offset", 0, 0, G_OPTION_ARG_FILENAME, &offset_text,
      N_ ("Skip the first N movements of the period (default: 0)"), N_ ("N") },
    { "limit", 'n', 0, G_OPTION_ARG_FILENAME, &limit_text,
      N_ ("Show at most N movements (default: 100)"), N_ ("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (MkCliTable) table = NULL;
  gint64   offset = 0;
  gint64   limit = DEFAULT_CARD_LIMIT;
  guint64  total = 0;
  gboolean ok = FALSE;

  context = mk_cli_option_context_new (
      cli, N_ ("--warehouse CODE --item CODE"),
      N_ ("Shows the stock card of one item in one warehouse: every movement, oldest first, "
          "with the balance after it."),
      entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error) ||
      !mk_cli_utf8_in_place (&warehouse, error) || !mk_cli_utf8_in_place (&item, error) ||
      !mk_cli_utf8_in_place (&offset_text, error) ||
      !mk_cli_utf8_in_place (&limit_text, error) ||
      !parse_count_option ("--offset", offset_text, 0, G_MAXUINT, &offset, error) ||
      !parse_count_option ("--limit", limit_text, 1, MAX_CARD_LIMIT, &limit, error) ||
      !mk_cli_parse_date_option ("--from", &from, error) ||
      !mk_cli_parse_date_option ("--to", &to, error))
    goto out;
  if (warehouse == NULL || item == NULL)
    {
      mk_cli_set_usage_error (error, _ ("“stock-card” needs --warehouse and --item."));
      goto out;
    }

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    goto out;
  rows = mk_ledger_stock_card (db, warehouse, item, from, to, (guint) offset, (guint) limit,
                               &total, error);
  if (rows == NULL)
    goto out;

  table = mk_cli_table_new ();
  mk_cli_table_add_column (table, "date", _ ("Date"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "document", _ ("Document"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "kind", _ ("Kind"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "counterpart", _ ("From or to"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "lot", _ ("Lot"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "grant", _ ("Grant"), MK_CLI_VALUE_TEXT);
  /* Translators: quantities received and issued, in a stock card. */
  mk_cli_table_add_column (table, "in", C_ ("stock card", "In"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "out", C_ ("stock card", "Out"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "balance", _ ("Balance"), MK_CLI_VALUE_NUMBER);
  for (guint i = 0; i < rows->len; i++)
    {
      const MkStockCardRow *row = g_ptr_array_index (rows, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set (table, 0, row->date);
      mk_cli_table_set (table, 1, row->document_number);
      mk_cli_table_set (table, 2, row->kind_code);
      mk_cli_table_set (table, 3, row->counterpart);
      mk_cli_table_set (table, 4, row->lot_number);
      mk_cli_table_set (table, 5, row->grant_code);
      mk_cli_table_set_int (table, 6, row->quantity_in);
      mk_cli_table_set_int (table, 7, row->quantity_out);
      mk_cli_table_set_int (table, 8, row->balance);
    }

  switch (cli->format)
    {
    case MK_CLI_FORMAT_JSON:
      {
        /* The page inside an object that says how many there are. */
        g_autoptr (MkCliTable) card = mk_cli_table_new ();

        mk_cli_table_add_column (card, "warehouse", _ ("Warehouse"), MK_CLI_VALUE_TEXT);
        mk_cli_table_add_column (card, "item", _ ("Item"), MK_CLI_VALUE_TEXT);
        mk_cli_table_add_column (card, "from", _ ("From"), MK_CLI_VALUE_TEXT);
        mk_cli_table_add_column (card, "to", _ ("To"), MK_CLI_VALUE_TEXT);
        mk_cli_table_add_column (card, "offset", _ ("Offset"), MK_CLI_VALUE_NUMBER);
        mk_cli_table_add_column (card, "total", _ ("Total"), MK_CLI_VALUE_NUMBER);
        mk_cli_table_add_row (card);
        mk_cli_table_set (card, 0, warehouse);
        mk_cli_table_set (card, 1, item);
        mk_cli_table_set (card, 2, from);
        mk_cli_table_set (card, 3, to);
        mk_cli_table_set_int (card, 4, offset);
        mk_cli_table_take (card, 5, g_strdup_printf ("%" G_GUINT64_FORMAT, total));
        mk_cli_table_write_record (card, cli->format, "movements", _ ("Movements"), table, NULL);
      }
      break;
    case MK_CLI_FORMAT_TSV:
      /* Rows only: a program pages until a page is short. */
      mk_cli_table_write (table, cli->format);
      break;
    case MK_CLI_FORMAT_TABLE:
    default:
      mk_cli_table_write (table, cli->format);
      if (total == 0)
        mk_cli_print_line ("%s", _ ("No movements in this period."));
      else
        {
          gint64           shown_first = rows->len > 0 ? offset + 1 : 0;
          g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, shown_first);
          g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, offset + rows->len);
          g_autofree char *all = g_strdup_printf ("%" G_GUINT64_FORMAT, total);

          mk_cli_print_line (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: “Showing 1 to 100 of 250
                                           * movements.” */
                                          "Showing %s to %s of %s movement.",
                                          "Showing %s to %s of %s movements.", (gulong) total),
                             first, last, all);
        }
      break;
    }
  ok = TRUE;

out:
  g_free (warehouse);
  g_free (item);
  g_free (from);
  g_free (to);
  g_free (offset_text);
  g_free (limit_text);
  return ok;
}

/* suggest-lots ------------------------------------------------------------------ */

gboolean
mk_cli_command_suggest_lots (MkCli   *cli,
                             char  ***args,
                             GError **error)
{
  char              *warehouse = NULL;
  char              *item = NULL;
  char              *grant = NULL;
  char              *quantity_text = NULL;
  char              *date = NULL;
  const GOptionEntry entries[] = {
    { "warehouse", 'w', 0, G_OPTION_ARG_FILENAME, &warehouse, N_ ("The warehouse"), N_ ("CODE") },
    { "item", 'i', 0, G_OPTION_ARG_FILENAME, &item, N_ ("The item"), N_ ("CODE") },
    { "quantity", 0, 0, G_OPTION_ARG_FILENAME, &quantity_text, N_ ("How many to take"),
      N_ ("NUMBER") },
    { "grant", 'g', 0, G_OPTION_ARG_FILENAME, &grant,
      N_ ("Only stock of this grant; an empty value means unearmarked stock only"),
      N_ ("CODE") },
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date,
      N_ ("The day of the issue: lots expired by then are left (default: today)"),
      N_ ("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64   quantity = 0;
  gboolean ok = FALSE;

  context = mk_cli_option_context_new (
      cli, N_ ("--warehouse CODE --item CODE --quantity NUMBER"),
      N_ ("Lists the lots to take a quantity from, first expiry first out, never an expired lot."),
      entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error) ||
      !mk_cli_utf8_in_place (&warehouse, error) || !mk_cli_utf8_in_place (&item, error) ||
      !mk_cli_utf8_in_place (&grant, error) || !mk_cli_utf8_in_place (&quantity_text, error) ||
      !mk_cli_parse_date_option ("--date", &date, error))
    goto out;
  if (warehouse == NULL || item == NULL || quantity_text == NULL)
    {
      mk_cli_set_usage_error (error,
                              _ ("“suggest-lots” needs --warehouse, --item and --quantity."));
      goto out;
    }
  if (!mk_text_parse_int (quantity_text, &quantity, &local_error))
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, _ ("%s: %s"), "--quantity",
                   local_error->message);
      goto out;
    }

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    goto out;
  rows = mk_ledger_suggest_lots (db, warehouse, item, grant, quantity, date, error);
  if (rows == NULL)
    goto out;
  write_stock_rows (cli, rows);
  ok = TRUE;

out:
  g_free (warehouse);
  g_free (item);
  g_free (grant);
  g_free (quantity_text);
  g_free (date);
  return ok;
}

/* in-transit, expiring, below-reorder ----------------------------------------------- */

gboolean
mk_cli_command_in_transit (MkCli   *cli,
                           char  ***args,
                           GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (MkCliTable) table = NULL;

  context = mk_cli_option_context_new (
      cli, "", N_ ("Lists what waybills still carry: sent and not yet received, oldest first."),
      NULL, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error))
    return FALSE;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    return FALSE;
  rows = mk_ledger_list_in_transit (db, error);
  if (rows == NULL)
    return FALSE;

  table = mk_cli_table_new ();
  mk_cli_table_add_column (table, "waybill", _ ("Waybill"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "date", _ ("Date"), MK_CLI_VALUE_TEXT);
  /* Translators: the day a waybill is expected to arrive. */
  mk_cli_table_add_column (table, "expected_date", _ ("Expected"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "from", _ ("From"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "to", _ ("To"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "item", _ ("Item"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "lot", _ ("Lot"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "grant", _ ("Grant"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "quantity", _ ("Quantity"), MK_CLI_VALUE_NUMBER);
  for (guint i = 0; i < rows->len; i++)
    {
      const MkTransitRow *row = g_ptr_array_index (rows, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set (table, 0, row->waybill_number);
      mk_cli_table_set (table, 1, row->date);
      mk_cli_table_set (table, 2, row->expected_date);
      mk_cli_table_set (table, 3, row->from_warehouse_code);
      mk_cli_table_set (table, 4, row->destination);
      mk_cli_table_set (table, 5, row->item_code);
      mk_cli_table_set (table, 6, row->lot_number);
      mk_cli_table_set (table, 7, row->grant_code);
      mk_cli_table_set_int (table, 8, row->quantity);
    }
  mk_cli_table_write (table, cli->format);
  return TRUE;
}

gboolean
mk_cli_command_expiring (MkCli   *cli,
                         char  ***args,
                         GError **error)
{
  char              *months_text = NULL;
  char              *today = NULL;
  const GOptionEntry entries[] = {
    { "months", 'm', 0, G_OPTION_ARG_FILENAME, &months_text,
      N_ ("Lots that expire within N months (default: 3)"), N_ ("N") },
    { "today", 0, 0, G_OPTION_ARG_FILENAME, &today, N_ ("Count from this day (default: today)"),
      N_ ("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64   months = DEFAULT_EXPIRY_MONTHS;
  gboolean ok = FALSE;

  context = mk_cli_option_context_new (
      cli, "",
      N_ ("Lists the lots in stock that expire within some months, expired ones included, "
          "soonest first."),
      entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error) ||
      !mk_cli_utf8_in_place (&months_text, error) ||
      !parse_count_option ("--months", months_text, 0, MAX_EXPIRY_MONTHS, &months, error) ||
      !mk_cli_parse_date_option ("--today", &today, error))
    goto out;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    goto out;
  rows = mk_ledger_list_expiring (db, (guint) months, today, error);
  if (rows == NULL)
    goto out;
  write_stock_rows (cli, rows);
  ok = TRUE;

out:
  g_free (months_text);
  g_free (today);
  return ok;
}

gboolean
mk_cli_command_below_reorder (MkCli   *cli,
                              char  ***args,
                              GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (MkCliTable) table = NULL;

  context = mk_cli_option_context_new (
      cli, "",
      N_ ("Lists the items at or below their reorder level in each active warehouse."), NULL,
      NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error))
    return FALSE;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    return FALSE;
  rows = mk_ledger_list_below_reorder (db, error);
  if (rows == NULL)
    return FALSE;

  table = mk_cli_table_new ();
  mk_cli_table_add_column (table, "warehouse", _ ("Warehouse"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "item", _ ("Item"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "name_en", _ ("Name (English)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "name_ar", _ ("Name (Arabic)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "quantity", _ ("Quantity"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "reorder_level", _ ("Reorder level"), MK_CLI_VALUE_NUMBER);
  for (guint i = 0; i < rows->len; i++)
    {
      const MkReorderRow *row = g_ptr_array_index (rows, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set (table, 0, row->warehouse_code);
      mk_cli_table_set (table, 1, row->item_code);
      mk_cli_table_set (table, 2, row->item_name_en);
      mk_cli_table_set (table, 3, row->item_name_ar);
      mk_cli_table_set_int (table, 4, row->quantity);
      mk_cli_table_set_int (table, 5, row->reorder_level);
    }
  mk_cli_table_write (table, cli->format);
  return TRUE;
}
