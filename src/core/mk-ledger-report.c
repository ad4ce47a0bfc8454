/* mk-ledger-report.c: the monthly stock report's numbers.
 *
 * Closing = what a warehouse holds now minus what moved after the month;
 * each column is the month's total of its categories; opening = closing
 * minus the month. All from balances and stock_month_totals, whose size
 * grows with items and months, not with movements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-ledger"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-ledger-private.h"
#include "mk-text.h"

void
mk_month_row_free (MkMonthRow *row)
{
  if (row == NULL)
    return;
  g_free (row->warehouse_code);
  g_free (row->item_code);
  g_free (row->grant_code);
  g_free (row);
}

/* Which column a movement category counts in, and with which sign. */
static gint64 *
column_of (MkMonthRow *row,
           const char *category,
           gint       *sign)
{
  *sign = 1;
  if (g_str_equal (category, "received_purchase"))
    return &row->received_purchase;
  if (g_str_equal (category, "received_donation"))
    return &row->received_donation;
  if (g_str_equal (category, "received_return"))
    return &row->received_return;
  if (g_str_equal (category, "received_transfer"))
    return &row->received_transfer;
  *sign = -1;
  if (g_str_equal (category, "dispatched"))
    return &row->dispatched;
  if (g_str_equal (category, "distributed") || g_str_equal (category, "service_materials"))
    return &row->distributed;
  if (g_str_has_prefix (category, "loss_"))
    return &row->losses;
  *sign = 1;
  if (g_str_has_prefix (category, "kit_"))
    return &row->kitting;
  return &row->adjustments;
}

GPtrArray *
mk_ledger_month_report (MkDatabase *db,
                        const char *month,
                        const char *warehouse_code,
                        GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_month_row_free);
  g_autofree char *first_day = NULL;
  g_autofree char *iso = NULL;
  MkMonthRow      *row = NULL;
  sqlite3_stmt    *stmt;
  gboolean         has_row;
  gint             yyyymm;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  /* Bulk posting writes balances late: this reads the table. */
  if (_mk_ledger_in_bulk (db) && !_mk_ledger_bulk_write_balances (db, error))
    return NULL;
  g_return_val_if_fail (month != NULL, NULL);

  first_day = g_strdup_printf ("%s-01", month);
  iso = mk_text_parse_date (first_day, error);
  if (iso == NULL || strlen (month) != 7)
    {
      g_autofree char *quoted = mk_text_isolate_ltr (month);
      g_clear_error (error);
      g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_INVALID,
                   _ ("%s is not a month; write it as YYYY-MM, such as 2026-03."), quoted);
      return NULL;
    }
  yyyymm = (gint) g_ascii_strtoll (iso, NULL, 10) * 100 + (gint) g_ascii_strtoll (iso + 5, NULL, 10);

  /* One row per (warehouse, item, grant, category): the month's totals,
   * plus a 'closing' pseudo-category. Sorted so that each key's rows
   * come together. */
  stmt = _mk_database_statement (
      db,
      "WITH places AS ("
      "  SELECT l.id, w.code FROM locations l JOIN warehouses w ON w.id = l.warehouse_id"
      "  WHERE l.kind = 'warehouse' AND (?2 IS NULL OR w.code = ?2)),"
      " keyed AS ("
      "  SELECT b.location_id, b.item_id, b.grant_id, '~closing' AS category, sum (b.quantity) AS q"
      "  FROM balances b JOIN places p ON p.id = b.location_id GROUP BY 1, 2, 3"
      "  UNION ALL"
      "  SELECT t.location_id, t.item_id, t.grant_id, '~closing', -sum (t.quantity)"
      "  FROM stock_month_totals t JOIN places p ON p.id = t.location_id"
      "  WHERE t.month > ?1 GROUP BY 1, 2, 3"
      "  UNION ALL"
      "  SELECT t.location_id, t.item_id, t.grant_id, t.category, sum (t.quantity)"
      "  FROM stock_month_totals t JOIN places p ON p.id = t.location_id"
      "  WHERE t.month = ?1 GROUP BY 1, 2, 3, 4)"
      " SELECT p.code, i.code, g.code, k.category, sum (k.q)"
      " FROM keyed k JOIN places p ON p.id = k.location_id JOIN items i ON i.id = k.item_id"
      " LEFT JOIN grants g ON g.id = k.grant_id"
      " GROUP BY k.location_id, k.item_id, k.grant_id, k.category"
      " ORDER BY p.code, i.code, g.code, k.category",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, yyyymm);
  if (warehouse_code != NULL)
    sqlite3_bind_text (stmt, 2, warehouse_code, -1, SQLITE_TRANSIENT);

  while (TRUE)
    {
      const char *warehouse, *item, *grant, *category;
      gint64      quantity;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      warehouse = (const char *) sqlite3_column_text (stmt, 0);
      item = (const char *) sqlite3_column_text (stmt, 1);
      grant = (const char *) sqlite3_column_text (stmt, 2);
      category = (const char *) sqlite3_column_text (stmt, 3);
      quantity = sqlite3_column_int64 (stmt, 4);

      if (row == NULL || g_strcmp0 (row->warehouse_code, warehouse) != 0 || g_strcmp0 (row->item_code, item) != 0 || g_strcmp0 (row->grant_code, grant) != 0)
        {
          row = g_new0 (MkMonthRow, 1);
          row->warehouse_code = g_strdup (warehouse);
          row->item_code = g_strdup (item);
          row->grant_code = g_strdup (grant);
          g_ptr_array_add (rows, row);
        }
      if (g_str_equal (category, "~closing"))
        row->closing = quantity;
      else
        {
          gint    sign;
          gint64 *column = column_of (row, category, &sign);
          *column += sign * quantity;
        }
    }

  /* Opening = closing − what the month added; drop keys with nothing. */
  for (guint i = rows->len; i-- > 0;)
    {
      MkMonthRow *r = g_ptr_array_index (rows, i);

      r->opening = r->closing - r->received_purchase - r->received_donation - r->received_return - r->received_transfer + r->dispatched + r->distributed - r->kitting + r->losses - r->adjustments;
      if (r->opening == 0 && r->closing == 0 && r->received_purchase == 0 && r->received_donation == 0 && r->received_return == 0 && r->received_transfer == 0 && r->dispatched == 0 && r->distributed == 0 && r->kitting == 0 && r->losses == 0 && r->adjustments == 0)
        g_ptr_array_remove_index (rows, i);
    }
  return g_steal_pointer (&rows);
}
