/* mk-report-stock.c: the warehouse's tables — the monthly stock report,
 * the stock card, stock remaining and goods received.
 *
 * The monthly numbers and the stock card come from mk-ledger's API; the
 * losses by reason, counts and receptions are read-only SQL over tables
 * that mk-ledger (movements, stock_month_totals, balances, locations,
 * lots) and mk-documents (documents, document_lines) own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-reports"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mk-report-private.h"

typedef struct
{
  char  *name_en;
  char  *name_ar;
  char  *unit;
  gint64 weight_g;
  gint64 volume_cm3;
  gint64 reorder_level;
  gint64 unit_value_milli; /* thousandths of the currency's unit */
  char   currency[8];
} Item;

static void
item_free (Item *item)
{
  g_free (item->name_en);
  g_free (item->name_ar);
  g_free (item->unit);
  g_free (item);
}

/* Every item by code (items belong to mk-master-data). */
static GHashTable *
load_items (MkDatabase *db,
            const char *language,
            GError    **error)
{
  g_autoptr (GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) item_free);
  g_autoptr (sqlite3_stmt) stmt = _mk_report_prepare (db,
                                                      "SELECT i.code, i.name_en, i.name_ar, " MK_REPORT_UNIT_SQL ", i.weight_g, i.volume_cm3, i.reorder_level, i.unit_value_milli, i.currency FROM items i",
                                                      error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 9, g_strcmp0 (language, "ar") == 0);
  while (TRUE)
    {
      Item *item;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      item = g_new0 (Item, 1);
      item->name_en = g_strdup (_mk_report_column_text (stmt, 1));
      item->name_ar = g_strdup (_mk_report_column_text (stmt, 2));
      item->unit = g_strdup (_mk_report_column_text (stmt, 3));
      item->weight_g = sqlite3_column_int64 (stmt, 4);
      item->volume_cm3 = sqlite3_column_int64 (stmt, 5);
      item->reorder_level = sqlite3_column_int64 (stmt, 6);
      item->unit_value_milli = sqlite3_column_int64 (stmt, 7);
      g_strlcpy (item->currency, _mk_report_column_text (stmt, 8), sizeof item->currency);
      g_hash_table_insert (items, g_strdup (_mk_report_column_text (stmt, 0)), item);
    }
  return g_steal_pointer (&items);
}

static const char *
grant_label (const char *language,
             const char *grant_code)
{
  return grant_code != NULL ? grant_code : mk_report_text (language, N_ ("Unearmarked"));
}

static char *
key_of (const char *warehouse,
        const char *item,
        const char *grant)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s", warehouse, item, grant != NULL ? grant : "");
}

/* Monthly stock report ---------------------------------------------------- */

typedef struct
{
  gint64 damaged, expired, lost, theft;
} Losses;

typedef struct
{
  gint64 counted, expected;
} Count;

/* Losses by reason and the month's last counts, per warehouse, item and
 * grant: the monthly totals lump losses together. */
static gboolean
load_month_details (MkDatabase *db,
                    const char *month,
                    const char *warehouse_code,
                    GHashTable *losses,
                    GHashTable *counts,
                    GError    **error)
{
  g_autoptr (sqlite3_stmt) loss_stmt = NULL;
  g_autoptr (sqlite3_stmt) count_stmt = NULL;
  g_autofree char *first = g_strdup_printf ("%s-01", month);
  g_autofree char *last = g_strdup_printf ("%s-31", month);
  gint             yyyymm = (gint) g_ascii_strtoll (month, NULL, 10) * 100 + (gint) g_ascii_strtoll (month + 5, NULL, 10);
  gboolean         has_row;

  loss_stmt = _mk_report_prepare (
      db,
      "SELECT w.code, i.code, g.code, t.category, -sum (t.quantity)"
      " FROM stock_month_totals t JOIN locations l ON l.id = t.location_id AND l.kind = 'warehouse'"
      " JOIN warehouses w ON w.id = l.warehouse_id JOIN items i ON i.id = t.item_id"
      " LEFT JOIN grants g ON g.id = t.grant_id"
      " WHERE t.month = ?1 AND t.category LIKE 'loss\\_%' ESCAPE '\\'"
      " AND (?2 IS NULL OR w.code = ?2)"
      " GROUP BY 1, 2, 3, 4",
      error);
  if (loss_stmt == NULL)
    return FALSE;
  sqlite3_bind_int (loss_stmt, 1, yyyymm);
  if (warehouse_code != NULL)
    sqlite3_bind_text (loss_stmt, 2, warehouse_code, -1, SQLITE_TRANSIENT);
  while (TRUE)
    {
      const char *category;
      Losses     *row;
      char       *key;

      if (!_mk_report_step (db, loss_stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      key = key_of (_mk_report_column_text (loss_stmt, 0), _mk_report_column_text (loss_stmt, 1),
                    _mk_report_column_text (loss_stmt, 2));
      row = g_hash_table_lookup (losses, key);
      if (row == NULL)
        {
          row = g_new0 (Losses, 1);
          g_hash_table_insert (losses, key, row);
        }
      else
        g_free (key);
      category = _mk_report_column_text (loss_stmt, 3);
      if (g_str_equal (category, "loss_damaged"))
        row->damaged += sqlite3_column_int64 (loss_stmt, 4);
      else if (g_str_equal (category, "loss_expired"))
        row->expired += sqlite3_column_int64 (loss_stmt, 4);
      else if (g_str_equal (category, "loss_lost"))
        row->lost += sqlite3_column_int64 (loss_stmt, 4);
      else if (g_str_equal (category, "loss_theft"))
        row->theft += sqlite3_column_int64 (loss_stmt, 4);
    }

  /* The last count of each stock key in the month. */
  count_stmt = _mk_report_prepare (
      db,
      "SELECT w, i, g, sum (quantity), sum (expected) FROM ("
      " SELECT w.code AS w, i.code AS i, gr.code AS g, l.quantity, coalesce (l.expected, 0) AS expected,"
      "  row_number () OVER (PARTITION BY d.warehouse_id, l.item_id, l.lot_id, l.grant_id"
      "   ORDER BY d.date DESC, d.id DESC) AS n"
      " FROM documents d JOIN document_lines l ON l.document_id = d.id"
      " JOIN warehouses w ON w.id = d.warehouse_id JOIN items i ON i.id = l.item_id"
      " LEFT JOIN grants gr ON gr.id = l.grant_id"
      " WHERE d.kind = 'CNT' AND d.status = 'posted' AND d.date >= ?1 AND d.date <= ?2"
      " AND (?3 IS NULL OR w.code = ?3) AND" MK_REPORT_NOT_CANCELLED ("d") ")"
                                                                           " WHERE n = 1 GROUP BY 1, 2, 3",
      error);
  if (count_stmt == NULL)
    return FALSE;
  sqlite3_bind_text (count_stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (count_stmt, 2, last, -1, SQLITE_TRANSIENT);
  if (warehouse_code != NULL)
    sqlite3_bind_text (count_stmt, 3, warehouse_code, -1, SQLITE_TRANSIENT);
  while (TRUE)
    {
      Count *count;

      if (!_mk_report_step (db, count_stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      count = g_new0 (Count, 1);
      count->counted = sqlite3_column_int64 (count_stmt, 3);
      count->expected = sqlite3_column_int64 (count_stmt, 4);
      g_hash_table_insert (counts,
                           key_of (_mk_report_column_text (count_stmt, 0), _mk_report_column_text (count_stmt, 1),
                                   _mk_report_column_text (count_stmt, 2)),
                           count);
    }
  return TRUE;
}

/* Stock expiring within @months of @today, per warehouse, item and grant. */
static GHashTable *
load_expiring (MkDatabase *db,
               guint       months,
               const char *today,
               GError    **error)
{
  g_autoptr (GHashTable) expiring = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) rows = mk_ledger_list_expiring (db, months, today, error);

  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      MkStockRow *row = g_ptr_array_index (rows, i);
      char       *key;
      gint64     *quantity;

      if (row->quarantine)
        continue;
      key = key_of (row->warehouse_code, row->item_code, row->grant_code);
      quantity = g_hash_table_lookup (expiring, key);
      if (quantity == NULL)
        {
          quantity = g_new0 (gint64, 1);
          g_hash_table_insert (expiring, key, quantity);
        }
      else
        g_free (key);
      *quantity += row->quantity;
    }
  return g_steal_pointer (&expiring);
}

static MkCell
number (gint64 value)
{
  MkCell cell = { NULL, value, FALSE };
  return cell;
}

static MkCell
text (const char *value)
{
  MkCell cell = { value, 0, FALSE };
  return cell;
}

static MkCell
blank (void)
{
  MkCell cell = { NULL, 0, TRUE };
  return cell;
}

/* @quantity × the item's unit value, in thousandths of its currency; FALSE
 * (with the item named) past 2^63, which no real stock reaches: the unit
 * value is at most a million and a quantity at most 10^12. */
gboolean
_mk_report_value_of (const char *item_code,
                     gint64      quantity,
                     gint64      unit_value_milli,
                     gint64     *value,
                     GError    **error)
{
  g_autofree char *code_iso = NULL;

  if (!__builtin_mul_overflow (quantity, unit_value_milli, value))
    return TRUE;
  code_iso = mk_text_isolate_ltr (item_code);
  g_set_error (error, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID,
               _ ("The value of item %s is too large to add up; check its unit value and quantities."),
               code_iso);
  return FALSE;
}

gboolean
_mk_report_run_stock_month (MkDatabase            *db,
                            const MkReportOptions *options,
                            MkRowFunc              func,
                            gpointer               data,
                            GError               **error)
{
  const char *language = options->language;
  g_autoptr (GHashTable) items = load_items (db, language, error);
  g_autoptr (GHashTable) expiring_3 = NULL;
  g_autoptr (GHashTable) expiring_9 = NULL;
  g_autoptr (GHashTable) warehouses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GDate    month, last;
  gboolean has_row;

  if (items == NULL)
    return FALSE;
  expiring_3 = load_expiring (db, 3, options->today, error);
  if (expiring_3 == NULL)
    return FALSE;
  expiring_9 = load_expiring (db, 9, options->today, error);
  if (expiring_9 == NULL)
    return FALSE;

  stmt = _mk_report_prepare (db, "SELECT code, name_en, name_ar FROM warehouses", error);
  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      g_hash_table_insert (warehouses, g_strdup (_mk_report_column_text (stmt, 0)),
                           g_strdup (mk_report_pick_name (language, _mk_report_column_text (stmt, 1),
                                                          _mk_report_column_text (stmt, 2))));
    }

  g_date_clear (&month, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&month, 1, (GDateMonth) g_ascii_strtoll (options->from + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoll (options->from, NULL, 10));
  g_date_set_dmy (&last, 1, (GDateMonth) g_ascii_strtoll (options->to + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoll (options->to, NULL, 10));

  for (; g_date_compare (&month, &last) <= 0; g_date_add_months (&month, 1))
    {
      char month_text[8];
      g_autoptr (GPtrArray) rows = NULL;
      g_autoptr (GHashTable) losses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      g_snprintf (month_text, sizeof month_text, "%04u-%02u", g_date_get_year (&month), g_date_get_month (&month));
      rows = mk_ledger_month_report (db, month_text, options->warehouse_code, error);
      if (rows == NULL || !load_month_details (db, month_text, options->warehouse_code, losses, counts, error))
        return FALSE;

      for (guint r = 0; r < rows->len; r++)
        {
          MkMonthRow      *row = g_ptr_array_index (rows, r);
          Item            *item = g_hash_table_lookup (items, row->item_code);
          g_autofree char *key = key_of (row->warehouse_code, row->item_code, row->grant_code);
          Losses          *loss = g_hash_table_lookup (losses, key);
          Count           *count = g_hash_table_lookup (counts, key);
          gint64          *soon_3 = g_hash_table_lookup (expiring_3, key);
          gint64          *soon_9 = g_hash_table_lookup (expiring_9, key);
          Losses           none = { 0 };
          gboolean         watched;
          gint64           value = 0;
          MkCell           cells[31];
          guint            c = 0;

          if (options->grant_code != NULL && g_ascii_strcasecmp (row->grant_code != NULL ? row->grant_code : "", options->grant_code) != 0)
            continue;
          if (loss == NULL)
            loss = &none;
          watched = item != NULL && item->reorder_level > 0;

          cells[c++] = text (month_text);
          cells[c++] = text (g_hash_table_lookup (warehouses, row->warehouse_code));
          cells[c++] = text (row->item_code);
          cells[c++] = text (item ? mk_report_pick_name (language, item->name_en, item->name_ar) : NULL);
          cells[c++] = text (item ? item->unit : NULL);
          cells[c++] = text (grant_label (language, row->grant_code));
          cells[c++] = number (row->opening);
          cells[c++] = number (row->received_purchase);
          cells[c++] = number (row->received_donation);
          cells[c++] = number (row->received_transfer);
          cells[c++] = number (row->received_return);
          cells[c++] = number (row->dispatched);
          cells[c++] = number (row->distributed);
          cells[c++] = number (loss->damaged);
          cells[c++] = number (loss->expired);
          cells[c++] = number (loss->lost);
          cells[c++] = number (loss->theft);
          cells[c++] = number (row->losses - loss->damaged - loss->expired - loss->lost - loss->theft);
          cells[c++] = number (row->kitting);
          cells[c++] = number (row->adjustments);
          cells[c++] = number (row->closing);
          cells[c++] = count ? number (count->counted) : blank ();
          cells[c++] = count ? number (count->counted - count->expected) : blank ();
          cells[c++] = number (item ? row->closing * item->weight_g : 0);
          cells[c++] = number (item ? row->closing * item->volume_cm3 : 0);
          if (item != NULL && !_mk_report_value_of (row->item_code, row->closing, item->unit_value_milli, &value, error))
            return FALSE;
          cells[c++] = text (item ? item->currency : NULL);
          cells[c++] = number (value);
          cells[c++] = watched ? number (item->reorder_level) : blank ();
          cells[c++] = text (watched && row->closing <= item->reorder_level ? mk_report_text (language, N_ ("Yes")) : NULL);
          cells[c++] = soon_3 ? number (*soon_3) : blank ();
          cells[c++] = soon_9 ? number (*soon_9) : blank ();
          g_assert (c == G_N_ELEMENTS (cells));
          if (!func (cells, data, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Stock card ----------------------------------------------------------- */

gboolean
_mk_report_run_stock_card (MkDatabase            *db,
                           const MkReportOptions *options,
                           MkRowFunc              func,
                           gpointer               data,
                           GError               **error)
{
  g_autoptr (GHashTable) hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean    has_row;
  guint       offset = 0;
  const guint page = 2000;

  /* The card names the counterpart by code; a sensitive site's code says
   * where it is, so it is replaced. */
  stmt = _mk_report_prepare (db,
                             "SELECT s.code, t.name_en, t.name_ar FROM sites s JOIN site_types t ON t.code = s.type"
                             " WHERE s.sensitive",
                             error);
  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      g_hash_table_insert (hidden, g_utf8_casefold (_mk_report_column_text (stmt, 0), -1),
                           _mk_report_site_label (options->language, TRUE, NULL, NULL,
                                                  _mk_report_column_text (stmt, 1), _mk_report_column_text (stmt, 2)));
    }

  while (TRUE)
    {
      g_autoptr (GPtrArray) rows = mk_ledger_stock_card (db, options->warehouse_code, options->item_code,
                                                         options->from, options->to, offset, page, NULL, error);
      if (rows == NULL)
        return FALSE;
      for (guint r = 0; r < rows->len; r++)
        {
          MkStockCardRow  *row = g_ptr_array_index (rows, r);
          g_autofree char *folded = row->counterpart ? g_utf8_casefold (row->counterpart, -1) : NULL;
          const char      *counterpart = folded && g_hash_table_contains (hidden, folded)
                                             ? g_hash_table_lookup (hidden, folded)
                                             : row->counterpart;
          MkCell           cells[] = {
                      text (row->date),
                      text (row->document_number),
                      text (row->kind_code),
                      text (counterpart),
                      text (row->lot_number),
                      text (grant_label (options->language, row->grant_code)),
                      number (row->quantity_in),
                      number (row->quantity_out),
                      number (row->balance),
          };
          if (!func (cells, data, error))
            return FALSE;
        }
      if (rows->len < page)
        break;
      offset += page;
    }
  return TRUE;
}

/* Stock remaining ---------------------------------------------------------- */

gboolean
_mk_report_run_stock_remaining (MkDatabase            *db,
                                const MkReportOptions *options,
                                MkRowFunc              func,
                                gpointer               data,
                                GError               **error)
{
  const char *language = options->language;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *month_end = g_strdup_printf ("%.7s-31", options->to);
  gint64           grant = 0, warehouse = 0;
  gint             yyyymm = (gint) g_ascii_strtoll (options->to, NULL, 10) * 100 + (gint) g_ascii_strtoll (options->to + 5, NULL, 10);
  gboolean         has_row;

  if (!_mk_report_find_id (db, "grant", options->grant_code, &grant, error) || !_mk_report_find_id (db, "warehouse", options->warehouse_code, &warehouse, error))
    return FALSE;

  /* The usable stock as of the period's end: what is there now, minus the
   * months after, minus the end of the last month after the day. */
  stmt = _mk_report_prepare (
      db,
      "WITH places AS (SELECT id FROM locations WHERE kind = 'warehouse'"
      "  AND (?4 = 0 OR warehouse_id = ?4)),"
      " keyed AS ("
      "  SELECT location_id, item_id, lot_id, grant_id, quantity AS q FROM balances"
      "  WHERE location_id IN places AND (?1 = 0 OR grant_id = ?1)"
      "  UNION ALL"
      "  SELECT location_id, item_id, lot_id, grant_id, -quantity FROM stock_month_totals"
      "  WHERE month > ?2 AND location_id IN places AND (?1 = 0 OR grant_id = ?1)"
      "  UNION ALL"
      "  SELECT location_id, item_id, lot_id, grant_id, -quantity FROM movements"
      "  WHERE location_id IN places"
      "  AND item_id IN (SELECT item_id FROM stock_month_totals WHERE month = ?2)"
      "  AND date > ?3 AND date <= ?5 AND (?1 = 0 OR grant_id = ?1))"
      " SELECT w.name_en, w.name_ar, i.code, i.name_en, i.name_ar, " MK_REPORT_UNIT_SQL ", lot.number, lot.expiry_date,"
      "  g.code, sum (k.q), i.weight_g, i.volume_cm3, i.unit_value_milli, i.currency"
      " FROM keyed k JOIN locations l ON l.id = k.location_id JOIN warehouses w ON w.id = l.warehouse_id"
      " JOIN items i ON i.id = k.item_id LEFT JOIN lots lot ON lot.id = k.lot_id"
      " LEFT JOIN grants g ON g.id = k.grant_id"
      " GROUP BY k.location_id, k.item_id, k.lot_id, k.grant_id HAVING sum (k.q) <> 0"
      " ORDER BY w.code, i.code, lot.expiry_date IS NULL, lot.expiry_date, lot.number, g.code",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, grant);
  sqlite3_bind_int (stmt, 2, yyyymm);
  sqlite3_bind_text (stmt, 3, options->to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, warehouse);
  sqlite3_bind_int (stmt, 9, g_strcmp0 (language, "ar") == 0);
  sqlite3_bind_text (stmt, 5, month_end, -1, SQLITE_TRANSIENT);
  while (TRUE)
    {
      gint64 quantity, value;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      quantity = sqlite3_column_int64 (stmt, 9);
      if (!_mk_report_value_of (_mk_report_column_text (stmt, 2), quantity, sqlite3_column_int64 (stmt, 12), &value, error))
        return FALSE;
      {
        MkCell cells[] = {
          text (mk_report_pick_name (language, _mk_report_column_text (stmt, 0), _mk_report_column_text (stmt, 1))),
          text (_mk_report_column_text (stmt, 2)),
          text (mk_report_pick_name (language, _mk_report_column_text (stmt, 3), _mk_report_column_text (stmt, 4))),
          text (_mk_report_column_text (stmt, 5)),
          text (_mk_report_column_text (stmt, 6)),
          text (_mk_report_column_text (stmt, 7)),
          text (grant_label (language, _mk_report_column_text (stmt, 8))),
          number (quantity),
          number (quantity * sqlite3_column_int64 (stmt, 10)),
          number (quantity * sqlite3_column_int64 (stmt, 11)),
          text (_mk_report_column_text (stmt, 13)),
          number (value),
        };
        if (!func (cells, data, error))
          return FALSE;
      }
    }
  return TRUE;
}

/* Goods received ------------------------------------------------------------ */

gboolean
_mk_report_run_received (MkDatabase            *db,
                         const MkReportOptions *options,
                         MkRowFunc              func,
                         gpointer               data,
                         GError               **error)
{
  static const char *const sources[][2] = {
    { "received_purchase", N_ ("Purchase") },
    { "received_donation", N_ ("Donation in kind") },
    { "received_return", N_ ("Return") },
    { "received_transfer", N_ ("Transfer in") },
  };
  const char *language = options->language;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64   grant = 0, warehouse = 0;
  gboolean has_row;

  if (!_mk_report_find_id (db, "grant", options->grant_code, &grant, error) || !_mk_report_find_id (db, "warehouse", options->warehouse_code, &warehouse, error))
    return FALSE;

  stmt = _mk_report_prepare (
      db,
      "SELECT m.date, d.number, w.name_en, w.name_ar, m.category,"
      "  CASE WHEN d.kind = 'RCV' THEN (SELECT fw.name_en FROM documents wb"
      "    JOIN warehouses fw ON fw.id = wb.warehouse_id WHERE wb.id = d.reference_id)"
      "   ELSE d.supplier END,"
      "  i.code, i.name_en, i.name_ar, " MK_REPORT_UNIT_SQL ", lot.number, g.code, sum (m.quantity), i.weight_g, i.volume_cm3,"
      "  i.unit_value_milli, i.currency"
      " FROM movements m JOIN locations l ON l.id = m.location_id AND l.kind IN ('warehouse', 'quarantine')"
      " JOIN warehouses w ON w.id = l.warehouse_id JOIN documents d ON d.id = m.document_id"
      " JOIN items i ON i.id = m.item_id LEFT JOIN lots lot ON lot.id = m.lot_id"
      " LEFT JOIN grants g ON g.id = m.grant_id"
      " WHERE m.category IN ('received_purchase', 'received_donation', 'received_return', 'received_transfer')"
      " AND m.date >= ?1 AND m.date <= ?2 AND (?3 = 0 OR m.grant_id = ?3) AND (?4 = 0 OR w.id = ?4)"
      " AND" MK_REPORT_NOT_CANCELLED ("d") " GROUP BY m.document_id, m.location_id, m.item_id, m.lot_id, m.grant_id, m.category"
                                           " ORDER BY m.date, d.number, i.code",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, options->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, options->to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, grant);
  sqlite3_bind_int64 (stmt, 4, warehouse);
  sqlite3_bind_int (stmt, 9, g_strcmp0 (language, "ar") == 0);
  while (TRUE)
    {
      const char *category, *source = NULL;
      gint64      quantity, value;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      category = _mk_report_column_text (stmt, 4);
      for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
        if (g_str_equal (category, sources[s][0]))
          source = mk_report_text (language, sources[s][1]);
      quantity = sqlite3_column_int64 (stmt, 12);
      if (!_mk_report_value_of (_mk_report_column_text (stmt, 6), quantity, sqlite3_column_int64 (stmt, 15), &value, error))
        return FALSE;
      {
        MkCell cells[] = {
          text (_mk_report_column_text (stmt, 0)),
          text (_mk_report_column_text (stmt, 1)),
          text (mk_report_pick_name (language, _mk_report_column_text (stmt, 2), _mk_report_column_text (stmt, 3))),
          text (source),
          text (_mk_report_column_text (stmt, 5)),
          text (_mk_report_column_text (stmt, 6)),
          text (mk_report_pick_name (language, _mk_report_column_text (stmt, 7), _mk_report_column_text (stmt, 8))),
          text (_mk_report_column_text (stmt, 9)),
          text (_mk_report_column_text (stmt, 10)),
          text (grant_label (language, _mk_report_column_text (stmt, 11))),
          number (quantity),
          number (quantity * sqlite3_column_int64 (stmt, 13)),
          number (quantity * sqlite3_column_int64 (stmt, 14)),
          text (_mk_report_column_text (stmt, 16)),
          number (value),
        };
        if (!func (cells, data, error))
          return FALSE;
      }
    }
  return TRUE;
}
