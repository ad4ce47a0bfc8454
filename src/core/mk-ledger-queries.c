/* mk-ledger-queries.c: reading the stock ledger — balances, stock cards,
 * transit, expiry and reorder lists, lot suggestions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-ledger"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-ledger-private.h"
#include "mk-record-private.h"
#include "mk-text.h"

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
mk_stock_row_free (MkStockRow *row)
{
  if (row == NULL)
    return;
  g_free (row->warehouse_code);
  g_free (row->item_code);
  g_free (row->item_name_en);
  g_free (row->item_name_ar);
  g_free (row->unit);
  g_free (row->lot_number);
  g_free (row->expiry_date);
  g_free (row->grant_code);
  g_free (row);
}

void
mk_stock_card_row_free (MkStockCardRow *row)
{
  if (row == NULL)
    return;
  g_free (row->date);
  g_free (row->document_number);
  g_free (row->kind_code);
  g_free (row->counterpart);
  g_free (row->lot_number);
  g_free (row->grant_code);
  g_free (row);
}

void
mk_transit_row_free (MkTransitRow *row)
{
  if (row == NULL)
    return;
  g_free (row->waybill_number);
  g_free (row->date);
  g_free (row->expected_date);
  g_free (row->from_warehouse_code);
  g_free (row->destination);
  g_free (row->item_code);
  g_free (row->lot_number);
  g_free (row->grant_code);
  g_free (row);
}

void
mk_reorder_row_free (MkReorderRow *row)
{
  if (row == NULL)
    return;
  g_free (row->warehouse_code);
  g_free (row->item_code);
  g_free (row->item_name_en);
  g_free (row->item_name_ar);
  g_free (row);
}

/* Codes to ids ----------------------------------------------------------- */

static gboolean
id_for_code (MkDatabase *db,
             const char *sql,
             const char *code,
             const char *kind_label,
             gint64     *id,
             GError    **error)
{
  sqlite3_stmt *stmt = _mk_database_statement (db, sql, error);
  gboolean      has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_autofree char *quoted = _mk_record_quote_value (code);
      /* Translators: “There is no Warehouse with the code BEN-X.” */
      g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_NOT_FOUND,
                   _ ("There is no %s with the code %s."), kind_label, quoted);
      return FALSE;
    }
  *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
warehouse_id (MkDatabase *db, const char *code, gint64 *id, GError **error)
{
  return id_for_code (db, "SELECT id FROM warehouses WHERE code = ?1", code, _ ("Warehouse"), id, error);
}

static gboolean
item_id (MkDatabase *db, const char *code, gint64 *id, GError **error)
{
  return id_for_code (db, "SELECT id FROM items WHERE code = ?1", code, _ ("Item"), id, error);
}

/* "" is unearmarked stock (id 0). */
static gboolean
grant_id (MkDatabase *db, const char *code, gint64 *id, GError **error)
{
  if (*code == '\0')
    {
      *id = 0;
      return TRUE;
    }
  return id_for_code (db, "SELECT id FROM grants WHERE code = ?1", code, _ ("Grant"), id, error);
}

static gboolean
lot_id (MkDatabase *db, gint64 item, const char *number, gint64 *id, GError **error)
{
  if (!_mk_ledger_find_lot (db, item, number, id, NULL, error))
    return FALSE;
  if (*id == 0)
    {
      g_autofree char *quoted = _mk_record_quote_value (number);
      g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_NOT_FOUND,
                   _ ("The item has no lot %s."), quoted);
      return FALSE;
    }
  return TRUE;
}

/* Balances --------------------------------------------------------------- */

static gboolean
sum_since (MkDatabase *db,
           gint64      location,
           gint64      item,
           gint64      lot,
           gint64      grant,
           const char *as_of,
           gint64     *after,
           GError    **error)
{
  /* What moved after @as_of: whole months from the monthly totals, the
   * rest of as_of's month from the movements. Both read few rows. */
  gint             month = (gint) g_ascii_strtoll (as_of, NULL, 10) * 100 + (gint) g_ascii_strtoll (as_of + 5, NULL, 10);
  g_autofree char *month_end = g_strdup_printf ("%.7s-99", as_of);
  sqlite3_stmt    *stmt;
  gboolean         has_row;
  gint64           total;

  stmt = _mk_database_statement (
      db,
      "SELECT coalesce (sum (quantity), 0) FROM stock_month_totals"
      " WHERE location_id = ?1 AND item_id = ?2 AND month > ?3"
      " AND (?4 < 0 OR lot_id = ?4) AND (?5 < 0 OR grant_id = ?5)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, location);
  sqlite3_bind_int64 (stmt, 2, item);
  sqlite3_bind_int (stmt, 3, month);
  sqlite3_bind_int64 (stmt, 4, lot);
  sqlite3_bind_int64 (stmt, 5, grant);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  total = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = _mk_database_statement (
      db,
      "SELECT coalesce (sum (quantity), 0) FROM movements"
      " WHERE location_id = ?1 AND item_id = ?2 AND date > ?3 AND date <= ?4"
      " AND (?5 < 0 OR lot_id = ?5) AND (?6 < 0 OR grant_id = ?6)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, location);
  sqlite3_bind_int64 (stmt, 2, item);
  sqlite3_bind_text (stmt, 3, as_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, month_end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, lot);
  sqlite3_bind_int64 (stmt, 6, grant);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  *after = total + sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
mk_ledger_get_balance (MkDatabase          *db,
                       const MkStockFilter *filter,
                       gint64              *quantity,
                       GError             **error)
{
  gint64           warehouse = 0, item = 0, lot = -1, grant = -1, location = 0, after = 0;
  g_autofree char *as_of = NULL;
  sqlite3_stmt    *stmt;
  gboolean         has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  /* Bulk posting writes balances late: this reads the table. */
  if (_mk_ledger_in_bulk (db) && !_mk_ledger_bulk_write_balances (db, error))
    return FALSE;
  g_return_val_if_fail (filter != NULL && filter->warehouse_code && filter->item_code, FALSE);

  if (filter->as_of != NULL)
    {
      as_of = mk_text_parse_date (filter->as_of, error);
      if (as_of == NULL)
        return FALSE;
    }

  /* The common question, how many of an item in a warehouse now, is one
   * statement: the codes are resolved inside it. */
  if (filter->lot_number == NULL && filter->grant_code == NULL && as_of == NULL)
    {
      stmt = _mk_database_statement (
          db,
          "SELECT w.id, i.id, (SELECT coalesce (sum (b.quantity), 0)"
          "  FROM locations l JOIN balances b ON b.location_id = l.id"
          "  WHERE l.warehouse_id = w.id AND l.kind = ?3 AND b.item_id = i.id)"
          " FROM (SELECT 1) LEFT JOIN warehouses w ON w.code = ?1"
          " LEFT JOIN items i ON i.code = ?2",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, filter->warehouse_code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, filter->item_code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, filter->quarantine ? "quarantine" : "warehouse", -1, SQLITE_STATIC);
      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          *quantity = sqlite3_column_int64 (stmt, 2);
          sqlite3_reset (stmt);
          return TRUE;
        }
      sqlite3_reset (stmt);
      /* Fall through to name the unknown code. */
    }

  if (!warehouse_id (db, filter->warehouse_code, &warehouse, error) || !item_id (db, filter->item_code, &item, error) || (filter->grant_code && !grant_id (db, filter->grant_code, &grant, error)) || (filter->lot_number && !lot_id (db, item, filter->lot_number, &lot, error)) || !_mk_ledger_location (db, filter->quarantine ? MK_LOCATION_QUARANTINE : MK_LOCATION_WAREHOUSE, warehouse, FALSE, &location, error))
    return FALSE;
  if (location == 0)
    {
      *quantity = 0;
      return TRUE;
    }
  if (!_mk_ledger_quantity (db, location, item, lot, grant, quantity, error))
    return FALSE;
  if (as_of != NULL)
    {
      if (!sum_since (db, location, item, lot, grant, as_of, &after, error))
        return FALSE;
      *quantity -= after;
    }
  return TRUE;
}

GPtrArray *
mk_ledger_list_stock (MkDatabase          *db,
                      const MkStockFilter *filter,
                      GError             **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_stock_row_free);
  MkStockFilter none = { 0 };
  sqlite3_stmt *stmt;
  gboolean      has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  /* Bulk posting writes balances late: this reads the table. */
  if (_mk_ledger_in_bulk (db) && !_mk_ledger_bulk_write_balances (db, error))
    return NULL;
  if (filter == NULL)
    filter = &none;

  stmt = _mk_database_statement (
      db,
      "SELECT w.code, l.kind = 'quarantine', i.code, i.name_en, i.name_ar, i.unit,"
      " lot.number, lot.expiry_date, g.code, b.quantity"
      " FROM balances b JOIN locations l ON l.id = b.location_id"
      " JOIN warehouses w ON w.id = l.warehouse_id"
      " JOIN items i ON i.id = b.item_id"
      " LEFT JOIN lots lot ON lot.id = b.lot_id"
      " LEFT JOIN grants g ON g.id = b.grant_id"
      " WHERE b.quantity <> 0"
      " AND (?1 IS NULL OR w.code = ?1) AND (?2 IS NULL OR i.code = ?2)"
      " AND (?3 IS NULL OR lot.number = ?3)"
      " AND (?4 IS NULL OR coalesce (g.code, '') = ?4 COLLATE NOCASE)"
      " ORDER BY w.code, l.kind, i.code, lot.expiry_date IS NULL, lot.expiry_date, lot.number, g.code",
      error);
  if (stmt == NULL)
    return NULL;
  if (filter->warehouse_code)
    sqlite3_bind_text (stmt, 1, filter->warehouse_code, -1, SQLITE_TRANSIENT);
  if (filter->item_code)
    sqlite3_bind_text (stmt, 2, filter->item_code, -1, SQLITE_TRANSIENT);
  if (filter->lot_number)
    sqlite3_bind_text (stmt, 3, filter->lot_number, -1, SQLITE_TRANSIENT);
  if (filter->grant_code)
    sqlite3_bind_text (stmt, 4, filter->grant_code, -1, SQLITE_TRANSIENT);

  while (TRUE)
    {
      MkStockRow *row;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row = g_new0 (MkStockRow, 1);
      row->warehouse_code = column_dup (stmt, 0);
      row->quarantine = sqlite3_column_int (stmt, 1);
      row->item_code = column_dup (stmt, 2);
      row->item_name_en = column_dup (stmt, 3);
      row->item_name_ar = column_dup (stmt, 4);
      row->unit = column_dup (stmt, 5);
      row->lot_number = column_dup (stmt, 6);
      row->expiry_date = column_dup (stmt, 7);
      row->grant_code = column_dup (stmt, 8);
      row->quantity = sqlite3_column_int64 (stmt, 9);
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

static char *
lot_number_of (MkDatabase *db,
               gint64      lot)
{
  sqlite3_stmt *stmt = _mk_database_statement (db, "SELECT number FROM lots WHERE id = ?1", NULL);
  gboolean      has_row = FALSE;
  char         *number = NULL;

  if (stmt == NULL || lot == 0)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, lot);
  if (_mk_database_step (db, stmt, &has_row, NULL) && has_row)
    {
      number = column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  return number;
}

static char *
grant_code_of (MkDatabase *db,
               gint64      grant)
{
  sqlite3_stmt *stmt = _mk_database_statement (db, "SELECT code FROM grants WHERE id = ?1", NULL);
  gboolean      has_row = FALSE;
  char         *code = NULL;

  if (stmt == NULL || grant == 0)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, grant);
  if (_mk_database_step (db, stmt, &has_row, NULL) && has_row)
    {
      code = column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  return code;
}

GPtrArray *
mk_ledger_suggest_lots (MkDatabase *db,
                        const char *warehouse_code,
                        const char *item_code,
                        const char *grant_code,
                        gint64      quantity,
                        const char *date,
                        GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_stock_row_free);
  g_autoptr (GArray) stock = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *day = NULL;
  gint64           warehouse, item, grant = -1, location;
  gint64           remaining = quantity;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (warehouse_code != NULL && item_code != NULL, NULL);

  if (date != NULL)
    day = mk_text_parse_date (date, error);
  else
    {
      now = g_date_time_new_now_local ();
      day = g_date_time_format (now, "%Y-%m-%d");
    }
  if (day == NULL)
    return NULL;
  if (quantity <= 0)
    {
      g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_INVALID,
                   _ ("The quantity must be 1 or more."));
      return NULL;
    }
  if (!warehouse_id (db, warehouse_code, &warehouse, error) || !item_id (db, item_code, &item, error) || (grant_code && !grant_id (db, grant_code, &grant, error)) || !_mk_ledger_location (db, MK_LOCATION_WAREHOUSE, warehouse, FALSE, &location, error))
    return NULL;

  stock = location ? _mk_ledger_stock_by_lot (db, location, item, grant, day, error)
                   : g_array_new (FALSE, TRUE, sizeof (MkLotStock));
  if (stock == NULL)
    return NULL;

  for (guint i = 0; i < stock->len && remaining > 0; i++)
    {
      const MkLotStock *entry = &g_array_index (stock, MkLotStock, i);
      MkStockRow       *row = g_new0 (MkStockRow, 1);

      row->warehouse_code = g_strdup (warehouse_code);
      row->item_code = g_strdup (item_code);
      row->lot_number = lot_number_of (db, entry->lot_id);
      row->expiry_date = *entry->expiry ? g_strdup (entry->expiry) : NULL;
      row->grant_code = grant_code_of (db, entry->grant_id);
      row->quantity = MIN (entry->quantity, remaining);
      remaining -= row->quantity;
      g_ptr_array_add (rows, row);
    }

  if (remaining > 0)
    {
      g_autofree char *item_iso = mk_text_isolate_ltr (item_code);
      g_autofree char *place = mk_text_isolate_ltr (warehouse_code);
      g_autofree char *have = g_strdup_printf ("%" G_GINT64_FORMAT, quantity - remaining);
      g_autofree char *need = g_strdup_printf ("%" G_GINT64_FORMAT, quantity);
      g_autofree char *have_iso = mk_text_isolate_ltr (have);
      g_autofree char *need_iso = mk_text_isolate_ltr (need);
      g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_INVALID,
                   _ ("Not enough %s in %s that has not expired: %s in stock, %s needed."),
                   item_iso, place, have_iso, need_iso);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The stock card --------------------------------------------------------- */

/* What a movement's document says of where the stock came from or went. */
#define COUNTERPART_SQL                                                                   \
  "CASE d.kind"                                                                           \
  " WHEN 'GRN' THEN CASE WHEN d.supplier <> '' THEN d.supplier ELSE d.source END"         \
  " WHEN 'WB' THEN coalesce ((SELECT code FROM warehouses WHERE id = d.to_warehouse_id)," \
  "   (SELECT code FROM sites WHERE id = d.to_site_id),"                                  \
  "   (SELECT code FROM partners WHERE id = d.to_partner_id))"                            \
  " WHEN 'RCV' THEN (SELECT number FROM documents WHERE id = d.reference_id)"             \
  " WHEN 'CAN' THEN (SELECT number FROM documents WHERE id = d.reference_id)"             \
  " WHEN 'ADJ' THEN d.reason"                                                             \
  " WHEN 'KIT' THEN (SELECT code FROM items WHERE id = d.kit_item_id)"                    \
  " WHEN 'DKT' THEN (SELECT code FROM items WHERE id = d.kit_item_id)"                    \
  " ELSE '' END"

GPtrArray *
mk_ledger_stock_card (MkDatabase *db,
                      const char *warehouse_code,
                      const char *item_code,
                      const char *from,
                      const char *to,
                      guint       offset,
                      guint       limit,
                      guint64    *total,
                      GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_stock_card_row_free);
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  gint64           warehouse, item, location, balance;
  sqlite3_stmt    *stmt;
  gboolean         has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (warehouse_code != NULL && item_code != NULL, NULL);

  if ((from != NULL && (from_iso = mk_text_parse_date (from, error)) == NULL) || (to != NULL && (to_iso = mk_text_parse_date (to, error)) == NULL))
    return NULL;
  if (from_iso && to_iso && strcmp (to_iso, from_iso) < 0)
    {
      g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_INVALID,
                   _ ("The period ends before it starts."));
      return NULL;
    }
  if (!warehouse_id (db, warehouse_code, &warehouse, error) || !item_id (db, item_code, &item, error) || !_mk_ledger_location (db, MK_LOCATION_WAREHOUSE, warehouse, FALSE, &location, error))
    return NULL;
  if (total != NULL)
    *total = 0;
  if (location == 0)
    return g_steal_pointer (&rows);

  /* The balance before the page: everything before the period, and the
   * period's rows before @offset. Both are read from the covering index. */
  stmt = _mk_database_statement (
      db,
      "SELECT coalesce (sum (quantity), 0) FROM movements"
      " WHERE location_id = ?1 AND item_id = ?2 AND date < ?3",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, location);
  sqlite3_bind_int64 (stmt, 2, item);
  sqlite3_bind_text (stmt, 3, from_iso ? from_iso : "0000-00-00", -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return NULL;
  balance = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = _mk_database_statement (
      db,
      "SELECT coalesce (sum (quantity), 0), count (*) FROM ("
      " SELECT quantity FROM movements"
      " WHERE location_id = ?1 AND item_id = ?2 AND date >= ?3 AND date <= ?4"
      " ORDER BY date, id LIMIT ?5)",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, location);
  sqlite3_bind_int64 (stmt, 2, item);
  sqlite3_bind_text (stmt, 3, from_iso ? from_iso : "0000-00-00", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, to_iso ? to_iso : "9999-99-99", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, offset);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return NULL;
  balance += sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (total != NULL)
    {
      stmt = _mk_database_statement (
          db,
          "SELECT count (*) FROM movements"
          " WHERE location_id = ?1 AND item_id = ?2 AND date >= ?3 AND date <= ?4",
          error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, location);
      sqlite3_bind_int64 (stmt, 2, item);
      sqlite3_bind_text (stmt, 3, from_iso ? from_iso : "0000-00-00", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, to_iso ? to_iso : "9999-99-99", -1, SQLITE_TRANSIENT);
      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      *total = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  stmt = _mk_database_statement (
      db,
      "SELECT m.id, m.date, d.number, d.kind, " COUNTERPART_SQL ","
      " (SELECT number FROM lots WHERE id = m.lot_id),"
      " (SELECT code FROM grants WHERE id = m.grant_id), m.quantity"
      " FROM movements m JOIN documents d ON d.id = m.document_id"
      " WHERE m.location_id = ?1 AND m.item_id = ?2 AND m.date >= ?3 AND m.date <= ?4"
      " ORDER BY m.date, m.id LIMIT ?5 OFFSET ?6",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, location);
  sqlite3_bind_int64 (stmt, 2, item);
  sqlite3_bind_text (stmt, 3, from_iso ? from_iso : "0000-00-00", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, to_iso ? to_iso : "9999-99-99", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, limit);
  sqlite3_bind_int64 (stmt, 6, offset);

  while (TRUE)
    {
      MkStockCardRow *row;
      gint64          quantity;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row = g_new0 (MkStockCardRow, 1);
      row->movement_id = sqlite3_column_int64 (stmt, 0);
      row->date = column_dup (stmt, 1);
      row->document_number = column_dup (stmt, 2);
      row->kind_code = column_dup (stmt, 3);
      row->counterpart = column_dup (stmt, 4);
      row->lot_number = column_dup (stmt, 5);
      row->grant_code = column_dup (stmt, 6);
      quantity = sqlite3_column_int64 (stmt, 7);
      row->quantity_in = quantity > 0 ? quantity : 0;
      row->quantity_out = quantity < 0 ? -quantity : 0;
      balance += quantity;
      row->balance = balance;
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

/* Lists ------------------------------------------------------------------ */

GPtrArray *
mk_ledger_list_in_transit (MkDatabase *db,
                           GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_transit_row_free);
  sqlite3_stmt *stmt;
  gboolean      has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  /* Bulk posting writes balances late: this reads the table. */
  if (_mk_ledger_in_bulk (db) && !_mk_ledger_bulk_write_balances (db, error))
    return NULL;

  stmt = _mk_database_statement (
      db,
      "SELECT d.number, d.date, d.expected_date, w.code,"
      " coalesce ((SELECT code FROM warehouses WHERE id = d.to_warehouse_id),"
      "   (SELECT code FROM sites WHERE id = d.to_site_id),"
      "   (SELECT code FROM partners WHERE id = d.to_partner_id)),"
      " i.code, lot.number, g.code, b.quantity"
      " FROM balances b JOIN locations l ON l.id = b.location_id AND l.kind = 'transit'"
      " JOIN documents d ON d.id = l.waybill_id"
      " JOIN warehouses w ON w.id = d.warehouse_id"
      " JOIN items i ON i.id = b.item_id"
      " LEFT JOIN lots lot ON lot.id = b.lot_id"
      " LEFT JOIN grants g ON g.id = b.grant_id"
      " WHERE b.quantity > 0"
      " ORDER BY d.date, d.number, i.code, lot.number, g.code",
      error);
  if (stmt == NULL)
    return NULL;

  while (TRUE)
    {
      MkTransitRow *row;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row = g_new0 (MkTransitRow, 1);
      row->waybill_number = column_dup (stmt, 0);
      row->date = column_dup (stmt, 1);
      row->expected_date = column_dup (stmt, 2);
      row->from_warehouse_code = column_dup (stmt, 3);
      row->destination = column_dup (stmt, 4);
      row->item_code = column_dup (stmt, 5);
      row->lot_number = column_dup (stmt, 6);
      row->grant_code = column_dup (stmt, 7);
      row->quantity = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
mk_ledger_list_expiring (MkDatabase *db,
                         guint       months,
                         const char *today,
                         GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_stock_row_free);
  g_autofree char *day = NULL;
  g_autofree char *modifier = g_strdup_printf ("+%u months", months);
  sqlite3_stmt    *stmt;
  gboolean         has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  /* Bulk posting writes balances late: this reads the table. */
  if (_mk_ledger_in_bulk (db) && !_mk_ledger_bulk_write_balances (db, error))
    return NULL;

  if (today != NULL)
    day = mk_text_parse_date (today, error);
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      day = g_date_time_format (now, "%Y-%m-%d");
    }
  if (day == NULL)
    return NULL;

  stmt = _mk_database_statement (
      db,
      "SELECT w.code, l.kind = 'quarantine', i.code, i.name_en, i.name_ar, i.unit,"
      " lot.number, lot.expiry_date, g.code, b.quantity"
      " FROM balances b JOIN lots lot ON lot.id = b.lot_id"
      " JOIN locations l ON l.id = b.location_id AND l.kind IN ('warehouse', 'quarantine')"
      " JOIN warehouses w ON w.id = l.warehouse_id"
      " JOIN items i ON i.id = b.item_id"
      " LEFT JOIN grants g ON g.id = b.grant_id"
      " WHERE b.quantity > 0 AND lot.expiry_date IS NOT NULL"
      " AND lot.expiry_date <= date (?1, ?2)"
      " ORDER BY lot.expiry_date, w.code, i.code, lot.number",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, modifier, -1, SQLITE_TRANSIENT);

  while (TRUE)
    {
      MkStockRow *row;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row = g_new0 (MkStockRow, 1);
      row->warehouse_code = column_dup (stmt, 0);
      row->quarantine = sqlite3_column_int (stmt, 1);
      row->item_code = column_dup (stmt, 2);
      row->item_name_en = column_dup (stmt, 3);
      row->item_name_ar = column_dup (stmt, 4);
      row->unit = column_dup (stmt, 5);
      row->lot_number = column_dup (stmt, 6);
      row->expiry_date = column_dup (stmt, 7);
      row->grant_code = column_dup (stmt, 8);
      row->quantity = sqlite3_column_int64 (stmt, 9);
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
mk_ledger_list_below_reorder (MkDatabase *db,
                              GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_reorder_row_free);
  sqlite3_stmt *stmt;
  gboolean      has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  /* Bulk posting writes balances late: this reads the table. */
  if (_mk_ledger_in_bulk (db) && !_mk_ledger_bulk_write_balances (db, error))
    return NULL;

  stmt = _mk_database_statement (
      db,
      "SELECT w.code, i.code, i.name_en, i.name_ar,"
      " coalesce ((SELECT sum (b.quantity) FROM locations l JOIN balances b ON b.location_id = l.id"
      "   WHERE l.warehouse_id = w.id AND l.kind = 'warehouse' AND b.item_id = i.id), 0) AS quantity,"
      " i.reorder_level"
      " FROM warehouses w CROSS JOIN items i"
      " WHERE w.active AND i.active AND i.reorder_level > 0 AND quantity <= i.reorder_level"
      " ORDER BY w.code, i.code",
      error);
  if (stmt == NULL)
    return NULL;

  while (TRUE)
    {
      MkReorderRow *row;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row = g_new0 (MkReorderRow, 1);
      row->warehouse_code = column_dup (stmt, 0);
      row->item_code = column_dup (stmt, 1);
      row->item_name_en = column_dup (stmt, 2);
      row->item_name_ar = column_dup (stmt, 3);
      row->quantity = sqlite3_column_int64 (stmt, 4);
      row->reorder_level = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}
