/* mk-print-stock.c: the stock card (one item in one warehouse over a
 * period, with its running balance) and the monthly stock report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-print"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mk-print-private.h"

static const MkLabel col_date = { "Date", "التاريخ" };
static const MkLabel col_document = { "Document", "المستند" };
static const MkLabel col_counterpart = { "From / to", "من / إلى" };
static const MkLabel col_lot = { "Lot", "الدفعة" };
static const MkLabel col_grant = { "Grant", "المنحة" };
static const MkLabel col_in = { "In", "الوارد" };
static const MkLabel col_out = { "Out", "المنصرف" };
static const MkLabel col_balance = { "Balance", "الرصيد" };
static const MkLabel col_remarks = { "Remarks", "ملاحظات" };
static const MkLabel col_initials = { "Initials", "التوقيع المختصر" };
static const MkLabel opening_label = { "Opening balance", "الرصيد الافتتاحي" };
static const MkLabel closing_label = { "Totals and closing balance", "الإجمالي والرصيد الختامي" };

static MkRecord *
require_record (MkPrintLookup *lookup,
                const char    *kind,
                const char    *code,
                GError       **error)
{
  MkRecord *record = code != NULL ? mk_print_lookup_record (lookup, kind, code) : NULL;

  if (record == NULL)
    {
      /* Translators: a kind of record (Warehouse, Item) and a code. */
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_NOT_FOUND, _ ("There is no %s “%s”."),
                   mk_kind_get_label (mk_kind_lookup (kind)), code != NULL ? code : "");
      return NULL;
    }
  return record;
}

static char *
period_text (const char *from,
             const char *to)
{
  g_autofree char *from_text = mk_print_format_date (from);
  g_autofree char *to_text = mk_print_format_date (to);

  return g_strdup_printf ("%s – %s", from_text != NULL ? from_text : "…", to_text != NULL ? to_text : "…");
}

/* The day before @date (YYYY-MM-DD). */
static char *
day_before (const char *date)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_ascii_strtoull (date + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (date + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (date, NULL, 10));
  if (!g_date_valid (&day))
    return NULL;
  g_date_subtract_days (&day, 1);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day));
}

static gboolean
check_date (const char *date,
            const char *which,
            GError    **error)
{
  g_autofree char *parsed = NULL;
  g_autoptr (GError) local_error = NULL;

  if (date == NULL)
    return TRUE;
  parsed = mk_text_parse_date (date, &local_error);
  if (parsed == NULL || !g_str_equal (parsed, date))
    {
      /* Translators: “The start of the period: …”, then what is wrong. */
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_INVALID, "%s: %s", which,
                   local_error != NULL ? local_error->message : _ ("write the date as YYYY-MM-DD."));
      return FALSE;
    }
  return TRUE;
}

MkPrintDoc *
mk_print_stock_card_build (MkPrintLookup *lookup,
                           const char    *warehouse_code,
                           const char    *item_code,
                           const char    *from,
                           const char    *to,
                           GError       **error)
{
  static const MkLabel title = { "STOCK CARD", "بطاقة الصنف" };
  static const MkLabel labels[] = {
    { "Item code", "رمز الصنف" },
    { "Description", "الوصف" },
    { "Unit", "وحدة القياس" },
    { "Minimum stock (reorder level)", "الحد الأدنى للمخزون" },
    { "Warehouse", "المستودع" },
    { "Period", "الفترة" },
    { "Movements", "عدد الحركات" },
    { "Lot tracking", "تتبع الدفعات" },
  };
  static const MkCellFlags    flags[] = { MK_CELL_CODE | MK_CELL_BOLD, 0, 0, MK_CELL_NUMBER, 0, MK_CELL_CODE,
                                          MK_CELL_NUMBER, 0 };
  static const MkLabel *const header[] = { &col_date, &col_document, &col_counterpart, &col_lot,
                                           &col_grant, &col_in, &col_out, &col_balance,
                                           &col_remarks, &col_initials };
  MkDatabase                 *db = mk_print_lookup_get_database (lookup);
  g_autoptr (MkPrintDoc) doc = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  MkRecord        *item, *warehouse;
  g_autofree char *unit = NULL;
  g_autofree char *reorder = NULL;
  g_autofree char *period = NULL;
  g_autofree char *count = NULL;
  g_autofree char *warehouse_text = NULL;
  const char      *values[G_N_ELEMENTS (labels)];
  MkPrintTable    *table;
  MkPrintRow      *row;
  guint64          total = 0;
  gint64           opening = 0, sum_in = 0, sum_out = 0, balance;
  gboolean         tracks;

  warehouse = require_record (lookup, "warehouse", warehouse_code, error);
  if (warehouse == NULL)
    return NULL;
  item = require_record (lookup, "item", item_code, error);
  if (item == NULL)
    return NULL;
  if (!check_date (from, _ ("The start of the period"), error) || !check_date (to, _ ("The end of the period"), error))
    return NULL;
  if (from != NULL && to != NULL && g_strcmp0 (from, to) > 0)
    {
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_INVALID,
                   _ ("The period starts on %s, after it ends on %s."), from, to);
      return NULL;
    }
  rows = mk_ledger_stock_card (db, warehouse_code, item_code, from, to, 0, G_MAXUINT, &total, error);
  if (rows == NULL)
    return NULL;
  if (from != NULL)
    {
      g_autofree char *before = day_before (from);
      MkStockFilter    filter = { warehouse_code, FALSE, item_code, NULL, NULL, before };

      if (!mk_ledger_get_balance (db, &filter, &opening, error))
        return NULL;
    }

  doc = mk_print_doc_new (MK_PRINT_STOCK_CARD, mk_print_lookup_is_arabic (lookup));
  mk_print_doc_set_title (doc, &title);
  doc->subtitle = g_strdup_printf ("%s · %s", item_code, warehouse_code);
  unit = mk_record_get_text (item, "unit");
  reorder = mk_print_format_count (mk_record_get_int (item, "reorder_level"));
  period = period_text (from, to);
  count = mk_print_format_count ((gint64) total);
  warehouse_text = mk_print_lookup_describe (lookup, "warehouse", warehouse_code);
  tracks = mk_record_get_bool (item, "tracks_lots");
  values[0] = item_code;
  values[1] = mk_print_lookup_name (lookup, "item", item_code);
  values[2] = mk_print_lookup_vocab (lookup, "units", unit);
  values[3] = reorder;
  values[4] = warehouse_text;
  values[5] = period;
  values[6] = count;
  values[7] = tracks ? (doc->rtl ? "نعم · Yes" : "Yes · نعم") : (doc->rtl ? "لا · No" : "No · لا");
  mk_print_doc_add_fields (doc, 4, labels, values, flags, G_N_ELEMENTS (labels));

  table = mk_print_doc_add_table (doc, 10, 9.0, 15.0, 13.0, 9.0, 12.0, 8.0, 8.0, 9.0, 10.0, 7.0);
  mk_print_table_set_header (table, doc, header);
  row = mk_print_table_add_row (table);
  mk_print_row_take (row, mk_print_doc_label (doc, &opening_label), MK_CELL_TOTAL)->span = 7;
  mk_print_row_add_number (row, opening, MK_CELL_TOTAL);
  mk_print_row_add (row, NULL, MK_CELL_TOTAL)->span = 2;
  balance = opening;
  for (guint i = 0; i < rows->len; i++)
    {
      const MkStockCardRow *card = g_ptr_array_index (rows, i);

      row = mk_print_table_add_row (table);
      mk_print_row_take (row, mk_print_format_date (card->date), MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add (row, card->document_number, MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add (row, card->counterpart, MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add (row, card->lot_number, MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add (row, card->grant_code, MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_take (row, card->quantity_in != 0 ? mk_print_format_count (card->quantity_in) : NULL,
                         MK_CELL_NUMBER);
      mk_print_row_take (row, card->quantity_out != 0 ? mk_print_format_count (card->quantity_out) : NULL,
                         MK_CELL_NUMBER);
      mk_print_row_add_number (row, card->balance, 0);
      mk_print_row_add (row, NULL, MK_CELL_BLANK);
      mk_print_row_add (row, NULL, MK_CELL_BLANK);
      sum_in += card->quantity_in;
      sum_out += card->quantity_out;
      balance = card->balance;
    }
  row = mk_print_table_add_row (table);
  mk_print_row_take (row, mk_print_doc_label (doc, &closing_label), MK_CELL_TOTAL)->span = 5;
  mk_print_row_add_number (row, sum_in, MK_CELL_TOTAL);
  mk_print_row_add_number (row, sum_out, MK_CELL_TOTAL);
  mk_print_row_add_number (row, balance, MK_CELL_TOTAL);
  mk_print_row_add (row, NULL, MK_CELL_TOTAL)->span = 2;
  return g_steal_pointer (&doc);
}

/* Monthly stock report ------------------------------------------------------------- */

static gboolean
check_month (const char *month,
             GError    **error)
{
  gboolean ok = month != NULL && strlen (month) == 7 && month[4] == '-';

  for (guint i = 0; ok && i < 7; i++)
    ok = i == 4 || g_ascii_isdigit (month[i]);
  if (ok)
    {
      guint m = (guint) g_ascii_strtoull (month + 5, NULL, 10);

      ok = m >= 1 && m <= 12;
    }
  if (!ok)
    {
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_INVALID,
                   _ ("“%s” is not a month; write it as YYYY-MM, such as 2026-03."),
                   month != NULL ? month : "");
      return FALSE;
    }
  return TRUE;
}

/* The closing balance times the item's unit value, in thousandths. */
static gboolean
closing_value (const MkMonthRow *month_row,
               MkRecord         *item,
               gint64           *value,
               GError          **error)
{
  g_autofree char *code_iso = NULL;

  if (!__builtin_mul_overflow (month_row->closing, mk_record_get_int (item, "unit_value"), value))
    return TRUE;
  code_iso = mk_text_isolate_ltr (month_row->item_code);
  g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_INVALID,
               _ ("The value of item %s is too large to add up; check its unit value and quantities."),
               code_iso);
  return FALSE;
}

/* “1,405.50 USD”: the amount with its currency's decimals, then the code. */
static char *
money_text (gint64      milli,
            guint       decimals,
            const char *currency)
{
  g_autofree char *amount = mk_print_format_money (milli, decimals);

  return g_strdup_printf ("%s %s", amount, currency);
}

MkPrintDoc *
mk_print_stock_report_build (MkPrintLookup *lookup,
                             const char    *warehouse_code,
                             const char    *month,
                             GError       **error)
{
  static const MkLabel title = { "MONTHLY STOCK REPORT", "تقرير المخزون الشهري" };
  static const MkLabel labels[] = {
    { "Warehouse", "المستودع" },
    { "Period", "الفترة" },
    { "Prepared by", "أعدّه" },
    { "Verified by", "راجعه" },
  };
  static const MkLabel        col_warehouse = { "Warehouse", "المستودع" };
  static const MkLabel        col_code = { "Item code", "رمز الصنف" };
  static const MkLabel        col_item = { "Item", "الصنف" };
  static const MkLabel        col_unit = { "Unit", "الوحدة" };
  static const MkLabel        col_opening = { "Opening", "الرصيد الافتتاحي" };
  static const MkLabel        col_purchase = { "Received: purchase", "الوارد: شراء" };
  static const MkLabel        col_donation = { "Received: donation", "الوارد: تبرع" };
  static const MkLabel        col_return = { "Received: return", "الوارد: إرجاع" };
  static const MkLabel        col_transfer = { "Received: transfer in", "الوارد: تحويل" };
  static const MkLabel        col_dispatched = { "Dispatched", "المنصرف بالشحن" };
  static const MkLabel        col_distributed = { "Distributed", "الموزَّع" };
  static const MkLabel        col_kitting = { "Kitting (net)", "التجميع (صافٍ)" };
  static const MkLabel        col_losses = { "Losses", "الفاقد" };
  static const MkLabel        col_adjustments = { "Adjustments (net)", "التسويات (صافٍ)" };
  static const MkLabel        col_closing = { "Closing", "الرصيد الختامي" };
  static const MkLabel        col_count = { "Physical count", "الجرد الفعلي" };
  static const MkLabel        col_value = { "Closing value", "قيمة الرصيد الختامي" };
  static const MkLabel        value_total = { "Total value", "إجمالي القيمة" };
  static const MkLabel *const header[] = { &col_warehouse, &col_code, &col_item, &col_unit,
                                           &col_grant, &col_opening, &col_purchase,
                                           &col_donation, &col_return, &col_transfer,
                                           &col_dispatched, &col_distributed, &col_kitting,
                                           &col_losses, &col_adjustments, &col_closing,
                                           &col_value, &col_count, &col_remarks };
  static const MkLabel        parties[] = {
           { "Prepared by", "أعدّه" },
           { "Verified by", "راجعه" },
  };
  MkDatabase *db = mk_print_lookup_get_database (lookup);
  g_autoptr (MkPrintDoc) doc = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *warehouse_text = NULL;
  const char      *values[G_N_ELEMENTS (labels)] = { NULL };
  MkPrintTable    *table;
  /* Currency code → its total in thousandths, in the order first met:
   * dollars and dinars are totalled apart, never together. */
  g_autoptr (GPtrArray) currencies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) totals = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr (GArray) decimals = g_array_new (FALSE, TRUE, sizeof (guint));

  if (!check_month (month, error))
    return NULL;
  if (warehouse_code != NULL && require_record (lookup, "warehouse", warehouse_code, error) == NULL)
    return NULL;
  rows = mk_ledger_month_report (db, month, warehouse_code, error);
  if (rows == NULL)
    return NULL;

  doc = mk_print_doc_new (MK_PRINT_STOCK_REPORT, mk_print_lookup_is_arabic (lookup));
  doc->landscape = TRUE;
  mk_print_doc_set_title (doc, &title);
  doc->subtitle = g_strconcat (month, warehouse_code != NULL ? " · " : NULL, warehouse_code, NULL);
  warehouse_text = warehouse_code != NULL ? mk_print_lookup_describe (lookup, "warehouse", warehouse_code)
                                          : g_strdup (doc->rtl ? "كل المستودعات · All warehouses"
                                                               : "All warehouses · كل المستودعات");
  values[0] = warehouse_text;
  values[1] = month;
  mk_print_doc_add_fields (doc, 4, labels, values, NULL, G_N_ELEMENTS (labels));

  table = mk_print_doc_add_table (doc, 19, 7.0, 7.5, 13.0, 5.0, 9.0, 6.0, 6.0, 6.0, 6.0, 6.0, 6.0,
                                  6.0, 6.0, 6.0, 6.0, 6.0, 9.0, 6.0, 8.0);
  mk_print_table_set_header (table, doc, header);
  for (guint i = 0; i < rows->len; i++)
    {
      const MkMonthRow *month_row = g_ptr_array_index (rows, i);
      MkRecord         *item = mk_print_lookup_record (lookup, "item", month_row->item_code);
      g_autofree char  *unit = item != NULL ? mk_record_get_text (item, "unit") : NULL;
      MkPrintRow       *row = mk_print_table_add_row (table);
      const gint64      numbers[] = { month_row->opening, month_row->received_purchase,
                                      month_row->received_donation, month_row->received_return,
                                      month_row->received_transfer, month_row->dispatched,
                                      month_row->distributed, month_row->kitting, month_row->losses,
                                      month_row->adjustments, month_row->closing };

      mk_print_row_add (row, month_row->warehouse_code, MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add (row, month_row->item_code, MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add (row, mk_print_lookup_name (lookup, "item", month_row->item_code), MK_CELL_SMALL);
      mk_print_row_add (row, mk_print_lookup_vocab (lookup, "units", unit), MK_CELL_SMALL);
      mk_print_row_add (row, month_row->grant_code, MK_CELL_CODE | MK_CELL_SMALL);
      for (guint c = 0; c < G_N_ELEMENTS (numbers); c++)
        mk_print_row_add_number (row, numbers[c],
                                 G_N_ELEMENTS (numbers) - 1 == c ? MK_CELL_BOLD | MK_CELL_SMALL : MK_CELL_SMALL);
      if (item != NULL)
        {
          const char *currency = mk_record_get_string (item, "currency");
          gint64      value;
          guint       n;

          if (!closing_value (month_row, item, &value, error))
            return NULL;
          for (n = 0; n < currencies->len && !g_str_equal (g_ptr_array_index (currencies, n), currency); n++)
            ;
          if (n == currencies->len)
            {
              guint places;

              if (!mk_master_data_get_currency_decimals (db, currency, &places, error))
                return NULL;
              g_ptr_array_add (currencies, g_strdup (currency));
              g_array_set_size (totals, n + 1);
              g_array_append_val (decimals, places);
            }
          if (__builtin_add_overflow (g_array_index (totals, gint64, n), value, &g_array_index (totals, gint64, n)))
            g_array_index (totals, gint64, n) = G_MAXINT64;
          mk_print_row_take (row, money_text (value, g_array_index (decimals, guint, n), currency),
                             MK_CELL_NUMBER | MK_CELL_SMALL);
        }
      else
        mk_print_row_add (row, NULL, MK_CELL_SMALL);
      mk_print_row_add (row, NULL, MK_CELL_BLANK);
      mk_print_row_add (row, NULL, MK_CELL_BLANK);
    }
  /* One totals row per currency, under the value column. */
  for (guint n = 0; n < currencies->len; n++)
    {
      MkPrintRow *row = mk_print_table_add_row (table);

      mk_print_row_take (row, mk_print_doc_label (doc, &value_total), MK_CELL_TOTAL)->span = 16;
      mk_print_row_take (row,
                         money_text (g_array_index (totals, gint64, n), g_array_index (decimals, guint, n),
                                     g_ptr_array_index (currencies, n)),
                         MK_CELL_TOTAL | MK_CELL_NUMBER | MK_CELL_SMALL);
      mk_print_row_add (row, NULL, MK_CELL_TOTAL);
      mk_print_row_add (row, NULL, MK_CELL_TOTAL);
    }
  mk_print_doc_add_signatures (doc, parties, G_N_ELEMENTS (parties), FALSE);
  return g_steal_pointer (&doc);
}
