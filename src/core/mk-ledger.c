/* mk-ledger.c: writing the stock ledger — locations, lots, movements and
 * the balances kept with them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-ledger"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-ledger-private.h"
#include "mk-record-private.h"
#include "mk-text.h"

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-ledger-error-quark, mk_ledger_error)
/* clang-format on */

/* Locations -------------------------------------------------------------- */

gboolean
_mk_ledger_location (MkDatabase    *db,
                     MkLocationKind kind,
                     gint64         owner_id,
                     gboolean       create,
                     gint64        *location_id,
                     GError       **error)
{
  static const char *const find[] = {
    [MK_LOCATION_WAREHOUSE] = "SELECT id FROM locations WHERE warehouse_id = ?1 AND kind = 'warehouse'",
    [MK_LOCATION_QUARANTINE] = "SELECT id FROM locations WHERE warehouse_id = ?1 AND kind = 'quarantine'",
    [MK_LOCATION_TRANSIT] = "SELECT id FROM locations WHERE waybill_id = ?1",
    [MK_LOCATION_SITE] = "SELECT id FROM locations WHERE site_id = ?1",
    [MK_LOCATION_PARTNER] = "SELECT id FROM locations WHERE partner_id = ?1",
  };
  static const char *const insert[] = {
    [MK_LOCATION_WAREHOUSE] = "INSERT INTO locations (id, kind, warehouse_id) VALUES (?1, 'warehouse', ?2)",
    [MK_LOCATION_QUARANTINE] = "INSERT INTO locations (id, kind, warehouse_id) VALUES (?1, 'quarantine', ?2)",
    [MK_LOCATION_TRANSIT] = "INSERT INTO locations (id, kind, waybill_id) VALUES (?1, 'transit', ?2)",
    [MK_LOCATION_SITE] = "INSERT INTO locations (id, kind, site_id) VALUES (?1, 'site', ?2)",
    [MK_LOCATION_PARTNER] = "INSERT INTO locations (id, kind, partner_id) VALUES (?1, 'partner', ?2)",
  };
  gboolean      bulk = _mk_ledger_in_bulk (db);
  sqlite3_stmt *stmt;
  gboolean      has_row;
  gint64        id;

  if (bulk && _mk_ledger_bulk_known_location (db, kind, owner_id, location_id))
    return TRUE;
  stmt = _mk_database_statement (db, find[kind], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      *location_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (bulk)
        _mk_ledger_bulk_learn_location (db, kind, owner_id, *location_id);
      return TRUE;
    }
  *location_id = 0;
  if (!create)
    return TRUE;

  if (!_mk_database_next_id (db, "locations", &id, error))
    return FALSE;
  stmt = _mk_database_statement (db, insert[kind], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, owner_id);
  if (!_mk_database_exec_stmt (db, stmt, error))
    return FALSE;
  *location_id = id;
  if (bulk)
    _mk_ledger_bulk_learn_location (db, kind, owner_id, id);
  return TRUE;
}

char *
_mk_ledger_describe_location (MkDatabase *db,
                              gint64      location_id)
{
  sqlite3_stmt *stmt = _mk_database_statement (
      db,
      "SELECT l.kind, coalesce (w.code, d.number, s.code, p.code)"
      " FROM locations l"
      " LEFT JOIN warehouses w ON w.id = l.warehouse_id"
      " LEFT JOIN documents d ON d.id = l.waybill_id"
      " LEFT JOIN sites s ON s.id = l.site_id"
      " LEFT JOIN partners p ON p.id = l.partner_id"
      " WHERE l.id = ?1",
      NULL);
  g_autofree char *kind = NULL;
  g_autofree char *code = NULL;
  g_autofree char *quoted = NULL;
  gboolean         has_row = FALSE;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, location_id);
      if (_mk_database_step (db, stmt, &has_row, NULL) && has_row)
        {
          kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          sqlite3_reset (stmt);
        }
    }
  if (kind == NULL)
    return g_strdup (_ ("an unknown place"));

  quoted = mk_text_isolate_ltr (code ? code : "");
  if (g_str_equal (kind, "quarantine"))
    /* Translators: the quarantine of warehouse BEN-MAIN. */
    return g_strdup_printf (_ ("the quarantine of %s"), quoted);
  if (g_str_equal (kind, "transit"))
    /* Translators: stock in transit on waybill BEN-WB-2026-00001. */
    return g_strdup_printf (_ ("transit on %s"), quoted);
  return g_steal_pointer (&quoted);
}

/* Lots ------------------------------------------------------------------- */

gboolean
_mk_ledger_find_lot (MkDatabase *db,
                     gint64      item_id,
                     const char *number,
                     gint64     *lot_id,
                     char      **expiry,
                     GError    **error)
{
  gboolean      bulk = _mk_ledger_in_bulk (db);
  sqlite3_stmt *stmt;
  gboolean      has_row;
  const char   *known_expiry;

  if (bulk && _mk_ledger_bulk_known_lot (db, item_id, number, lot_id, &known_expiry))
    {
      if (expiry != NULL)
        *expiry = g_strdup (known_expiry);
      return TRUE;
    }
  stmt = _mk_database_statement (db, "SELECT id, expiry_date FROM lots WHERE item_id = ?1 AND number = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  *lot_id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  if (expiry != NULL)
    *expiry = has_row ? g_strdup ((const char *) sqlite3_column_text (stmt, 1)) : NULL;
  if (has_row)
    {
      /* A lot not found is not remembered: it may be made. */
      if (bulk)
        _mk_ledger_bulk_learn_lot (db, item_id, number, *lot_id, (const char *) sqlite3_column_text (stmt, 1));
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gboolean
_mk_ledger_ensure_lot (MkDatabase *db,
                       gint64      item_id,
                       const char *number,
                       const char *expiry,
                       gint64     *lot_id,
                       GError    **error)
{
  g_autofree char *known_expiry = NULL;
  sqlite3_stmt    *stmt;
  gint64           id;

  if (!_mk_ledger_find_lot (db, item_id, number, lot_id, &known_expiry, error))
    return FALSE;
  if (*lot_id != 0)
    {
      if (expiry != NULL && g_strcmp0 (expiry, known_expiry) != 0)
        {
          g_autofree char *lot = mk_text_isolate_ltr (number);
          g_autofree char *known = mk_text_isolate_ltr (known_expiry ? known_expiry : "—");
          g_autofree char *given = mk_text_isolate_ltr (expiry);
          g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_INVALID,
                       _ ("Lot %s was recorded with the expiry date %s, not %s; a lot has one expiry date."),
                       lot, known, given);
          return FALSE;
        }
      return TRUE;
    }

  if (!_mk_database_next_id (db, "lots", &id, error))
    return FALSE;
  stmt = _mk_database_statement (
      db, "INSERT INTO lots (id, item_id, number, expiry_date) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  sqlite3_bind_text (stmt, 3, number, -1, SQLITE_TRANSIENT);
  if (expiry != NULL)
    sqlite3_bind_text (stmt, 4, expiry, -1, SQLITE_TRANSIENT);
  if (!_mk_database_exec_stmt (db, stmt, error))
    return FALSE;
  *lot_id = id;
  if (_mk_ledger_in_bulk (db))
    _mk_ledger_bulk_learn_lot (db, item_id, number, id, expiry);
  return TRUE;
}

/* Reading balances ------------------------------------------------------- */

gboolean
_mk_ledger_quantity (MkDatabase *db,
                     gint64      location_id,
                     gint64      item_id,
                     gint64      lot_id,
                     gint64      grant_id,
                     gint64     *quantity,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;

  /* In bulk, memory keeps the balances it has read in step. */
  if (_mk_ledger_in_bulk (db))
    return _mk_ledger_bulk_quantity (db, location_id, item_id, lot_id, grant_id, quantity, error);
  stmt = _mk_database_statement (
      db,
      "SELECT coalesce (sum (quantity), 0) FROM balances"
      " WHERE location_id = ?1 AND item_id = ?2"
      " AND (?3 < 0 OR lot_id = ?3) AND (?4 < 0 OR grant_id = ?4)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, location_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  sqlite3_bind_int64 (stmt, 3, lot_id);
  sqlite3_bind_int64 (stmt, 4, grant_id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  *quantity = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

GArray *
_mk_ledger_stock_by_lot (MkDatabase *db,
                         gint64      location_id,
                         gint64      item_id,
                         gint64      grant_id,
                         const char *date,
                         GError    **error)
{
  g_autoptr (GArray) stock = NULL;
  sqlite3_stmt *stmt;
  gboolean      has_row;

  if (_mk_ledger_in_bulk (db))
    return _mk_ledger_bulk_stock_by_lot (db, location_id, item_id, grant_id, date, error);
  stock = g_array_new (FALSE, TRUE, sizeof (MkLotStock));
  /* First expiry first out: lots with a date by date, then stock without
   * a lot, then lots that never expire, each oldest lot first. */
  stmt = _mk_database_statement (
      db,
      "SELECT b.lot_id, b.grant_id, b.quantity, coalesce (l.expiry_date, '')"
      " FROM balances b LEFT JOIN lots l ON l.id = b.lot_id"
      " WHERE b.location_id = ?1 AND b.item_id = ?2 AND b.quantity > 0"
      " AND (?3 < 0 OR b.grant_id = ?3)"
      " AND (?4 IS NULL OR l.expiry_date IS NULL OR l.expiry_date >= ?4)"
      " ORDER BY l.expiry_date IS NULL, l.expiry_date, b.lot_id <> 0, b.lot_id, b.grant_id",
      error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, location_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  sqlite3_bind_int64 (stmt, 3, grant_id);
  if (date != NULL)
    sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);

  while (TRUE)
    {
      MkLotStock entry = { 0 };

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      entry.lot_id = sqlite3_column_int64 (stmt, 0);
      entry.grant_id = sqlite3_column_int64 (stmt, 1);
      entry.quantity = sqlite3_column_int64 (stmt, 2);
      g_strlcpy (entry.expiry, (const char *) sqlite3_column_text (stmt, 3), sizeof entry.expiry);
      g_array_append_val (stock, entry);
    }
  return g_steal_pointer (&stock);
}

/* Writing movements ------------------------------------------------------ */

char *
_mk_ledger_describe_stock (MkDatabase *db,
                           gint64      item_id,
                           gint64      lot_id,
                           gint64      grant_id)
{
  sqlite3_stmt *stmt = _mk_database_statement (
      db,
      "SELECT (SELECT code FROM items WHERE id = ?1), (SELECT number FROM lots WHERE id = ?2),"
      " (SELECT code FROM grants WHERE id = ?3)",
      NULL);
  g_autofree char *item = NULL;
  g_autofree char *lot = NULL;
  g_autofree char *grant = NULL;
  g_autoptr (GString) text = NULL;
  gboolean has_row = FALSE;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_int64 (stmt, 2, lot_id);
      sqlite3_bind_int64 (stmt, 3, grant_id);
      if (_mk_database_step (db, stmt, &has_row, NULL) && has_row)
        {
          if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
            item = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 0));
          if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
            lot = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 1));
          if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
            grant = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 2));
          sqlite3_reset (stmt);
        }
    }

  text = g_string_new (item ? item : "?");
  if (lot != NULL && lot_id > 0)
    /* Translators: appended to an item code: “HK-FAM, lot HK-22”. */
    g_string_append_printf (text, _ (", lot %s"), lot);
  if (grant != NULL && grant_id > 0)
    /* Translators: appended to an item code: “HK-FAM, grant ECHO-2026”. */
    g_string_append_printf (text, _ (", grant %s"), grant);
  else if (grant_id == 0)
    /* Translators: stock that belongs to no grant. */
    g_string_append (text, _ (", unearmarked"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_shortfall_error (MkDatabase       *db,
                     GError          **error,
                     const MkStockKey *key,
                     gint64            available,
                     gint64            needed)
{
  g_autofree char *place = _mk_ledger_describe_location (db, key->location_id);
  g_autofree char *what = _mk_ledger_describe_stock (db, key->item_id, key->lot_id, key->grant_id);
  g_autofree char *have = g_strdup_printf ("%" G_GINT64_FORMAT, available);
  g_autofree char *need = g_strdup_printf ("%" G_GINT64_FORMAT, needed);
  g_autofree char *missing = g_strdup_printf ("%" G_GINT64_FORMAT, needed - available);
  g_autofree char *have_iso = mk_text_isolate_ltr (have);
  g_autofree char *need_iso = mk_text_isolate_ltr (need);
  g_autofree char *missing_iso = mk_text_isolate_ltr (missing);

  /* Translators: “Not enough HK-FAM, lot HK-22, grant ECHO-2026 in
   * BEN-MAIN: 40 in stock, 60 needed, 20 short.” */
  g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_SHORT,
               _ ("Not enough %s in %s: %s in stock, %s needed, %s short."), what,
               place, have_iso, need_iso, missing_iso);
}

/* The lowest the balance of @key reaches from the end of day @date on,
 * given what it is now: a document dated in the past must not take away
 * stock that was only there later. *lowest is the current balance when
 * nothing moved after @date. */
static gboolean
lowest_since (MkDatabase       *db,
              const MkStockKey *key,
              const char       *date,
              gint64            now,
              gint64           *lowest,
              GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;
  gint64        after, running;

  *lowest = now;
  /* In bulk the stock-card index is gone and the question would cost a
   * scan: memory says whether this key moved after @date. */
  if (_mk_ledger_in_bulk (db) && !_mk_ledger_bulk_moved_after (db, key, date))
    return TRUE;

  stmt = _mk_database_statement (
      db,
      "SELECT coalesce (sum (quantity), 0), count (*) FROM movements"
      " WHERE location_id = ?1 AND item_id = ?2 AND lot_id = ?3 AND grant_id = ?4 AND date > ?5",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key->location_id);
  sqlite3_bind_int64 (stmt, 2, key->item_id);
  sqlite3_bind_int64 (stmt, 3, key->lot_id);
  sqlite3_bind_int64 (stmt, 4, key->grant_id);
  sqlite3_bind_text (stmt, 5, date, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  after = sqlite3_column_int64 (stmt, 0);
  has_row = sqlite3_column_int64 (stmt, 1) > 0;
  sqlite3_reset (stmt);
  if (!has_row)
    return TRUE;

  /* The balance at the end of @date, then each balance after it. */
  running = now - after;
  *lowest = running;
  stmt = _mk_database_statement (
      db,
      "SELECT quantity FROM movements"
      " WHERE location_id = ?1 AND item_id = ?2 AND lot_id = ?3 AND grant_id = ?4 AND date > ?5"
      " ORDER BY date, id",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key->location_id);
  sqlite3_bind_int64 (stmt, 2, key->item_id);
  sqlite3_bind_int64 (stmt, 3, key->lot_id);
  sqlite3_bind_int64 (stmt, 4, key->grant_id);
  sqlite3_bind_text (stmt, 5, date, -1, SQLITE_TRANSIENT);
  while (TRUE)
    {
      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      running += sqlite3_column_int64 (stmt, 0);
      *lowest = MIN (*lowest, running);
    }
  return TRUE;
}

/* Checks that no balance goes below zero, now or at any date since the
 * document's, summing a document's movements per key first: two lines
 * taking 30 each from a lot of 50 are refused. */
static gboolean
check_not_negative (MkDatabase *db,
                    const char *date,
                    GArray     *movements,
                    GError    **error)
{
  g_autoptr (GHashTable) net = g_hash_table_new_full (_mk_ledger_stock_key_hash, _mk_ledger_stock_key_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer       key_ptr, value_ptr;

  for (guint i = 0; i < movements->len; i++)
    {
      const MkMovement *movement = &g_array_index (movements, MkMovement, i);
      MkStockKey        key = { movement->location_id, movement->item_id, movement->lot_id, movement->grant_id };
      gint64           *sum = g_hash_table_lookup (net, &key);

      if (sum == NULL)
        {
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (net, g_memdup2 (&key, sizeof key), sum);
        }
      if (__builtin_add_overflow (*sum, movement->quantity, sum))
        {
          g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_INVALID,
                       _ ("The quantities of this document are too large to add up."));
          return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, net);
  while (g_hash_table_iter_next (&iter, &key_ptr, &value_ptr))
    {
      const MkStockKey *key = key_ptr;
      gint64            change = *(gint64 *) value_ptr;
      gint64            available, lowest;

      if (change >= 0)
        continue;
      if (!_mk_ledger_quantity (db, key->location_id, key->item_id, key->lot_id, key->grant_id,
                                &available, error) ||
          !lowest_since (db, key, date, available, &lowest, error))
        return FALSE;
      if (lowest + change < 0)
        {
          g_autoptr (GError) shortfall = NULL;

          set_shortfall_error (db, &shortfall, key, lowest, -change);
          if (lowest < available)
            {
              g_autofree char *date_iso = mk_text_isolate_ltr (date);
              /* Translators: the first %s is “Not enough … short.”; the
               * stock the document takes came only after its date. */
              g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_SHORT,
                           _ ("%s That is counting from %s: some of today’s stock arrived later than the document’s date."),
                           shortfall->message, date_iso);
            }
          else
            g_propagate_error (error, g_steal_pointer (&shortfall));
          return FALSE;
        }
    }
  return TRUE;
}

static gint
month_of (const char *date)
{
  /* YYYY-MM-DD, validated before posting. */
  return (gint) g_ascii_strtoll (date, NULL, 10) * 100 + (gint) g_ascii_strtoll (date + 5, NULL, 10);
}

gboolean
_mk_ledger_apply (MkDatabase *db,
                  gint64      document_id,
                  const char *date,
                  GArray     *movements,
                  GError    **error)
{
  gboolean      bulk = _mk_ledger_in_bulk (db);
  sqlite3_stmt *insert;
  sqlite3_stmt *balance;
  sqlite3_stmt *month_total = NULL;
  gint64        next_id;
  gint          month = month_of (date);

  if (!check_not_negative (db, date, movements, error))
    return FALSE;

  if (bulk)
    next_id = _mk_ledger_bulk_take_movement_ids (db, movements->len);
  else if (!_mk_database_next_ids (db, "movements", MAX (movements->len, 1), &next_id, error))
    return FALSE;

  for (guint i = 0; i < movements->len; i++)
    {
      const MkMovement *movement = &g_array_index (movements, MkMovement, i);

      insert = _mk_database_statement (
          db,
          "INSERT INTO movements (id, document_id, date, location_id, item_id, lot_id,"
          " grant_id, quantity, category) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
          error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, next_id++);
      sqlite3_bind_int64 (insert, 2, document_id);
      sqlite3_bind_text (insert, 3, date, 10, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 4, movement->location_id);
      sqlite3_bind_int64 (insert, 5, movement->item_id);
      sqlite3_bind_int64 (insert, 6, movement->lot_id);
      sqlite3_bind_int64 (insert, 7, movement->grant_id);
      sqlite3_bind_int64 (insert, 8, movement->quantity);
      sqlite3_bind_text (insert, 9, movement->category, -1, SQLITE_STATIC);
      if (!_mk_database_exec_stmt (db, insert, error))
        return FALSE;

      /* In bulk, balances and monthly totals are kept in memory and
       * written later, once per key. */
      if (bulk)
        continue;

      /* The CHECK (quantity >= 0) of balances is the last line of defence;
       * check_not_negative() has already said what is short. SQLite checks
       * an upsert's would-be row before the conflict, so stock going out is
       * an UPDATE of a row that must exist. */
      if (movement->quantity > 0)
        balance = _mk_database_statement (
            db,
            "INSERT INTO balances (location_id, item_id, lot_id, grant_id, quantity)"
            " VALUES (?1, ?2, ?3, ?4, ?5)"
            " ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity",
            error);
      else
        balance = _mk_database_statement (
            db,
            "UPDATE balances SET quantity = quantity + ?5"
            " WHERE location_id = ?1 AND item_id = ?2 AND lot_id = ?3 AND grant_id = ?4",
            error);
      if (balance == NULL)
        return FALSE;
      sqlite3_bind_int64 (balance, 1, movement->location_id);
      sqlite3_bind_int64 (balance, 2, movement->item_id);
      sqlite3_bind_int64 (balance, 3, movement->lot_id);
      sqlite3_bind_int64 (balance, 4, movement->grant_id);
      sqlite3_bind_int64 (balance, 5, movement->quantity);
      if (!_mk_database_exec_stmt (db, balance, error))
        return FALSE;
      if (movement->quantity < 0 && sqlite3_changes (_mk_database_get_handle (db)) != 1)
        {
          MkStockKey key = { movement->location_id, movement->item_id, movement->lot_id, movement->grant_id };
          set_shortfall_error (db, error, &key, 0, -movement->quantity);
          return FALSE;
        }

      month_total = _mk_database_statement (
          db,
          "INSERT INTO stock_month_totals (location_id, item_id, lot_id, grant_id, month,"
          " category, quantity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
          " ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity",
          error);
      if (month_total == NULL)
        return FALSE;
      sqlite3_bind_int64 (month_total, 1, movement->location_id);
      sqlite3_bind_int64 (month_total, 2, movement->item_id);
      sqlite3_bind_int64 (month_total, 3, movement->lot_id);
      sqlite3_bind_int64 (month_total, 4, movement->grant_id);
      sqlite3_bind_int (month_total, 5, month);
      sqlite3_bind_text (month_total, 6, movement->category, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (month_total, 7, movement->quantity);
      if (!_mk_database_exec_stmt (db, month_total, error))
        return FALSE;
    }

  /* Bulk posting learns the movements once the posting is committed. */
  if (bulk && !_mk_ledger_bulk_hold (db, date, movements, error))
    return FALSE;
  _mk_database_emit_changed (db, "movements", document_id);
  _mk_database_emit_changed (db, "balances", document_id);
  return TRUE;
}

GArray *
_mk_ledger_document_movements (MkDatabase *db,
                               gint64      document_id,
                               GError    **error)
{
  g_autoptr (GArray) movements = g_array_new (FALSE, TRUE, sizeof (MkMovement));
  sqlite3_stmt *stmt = _mk_database_statement (
      db,
      "SELECT location_id, item_id, lot_id, grant_id, quantity FROM movements"
      " WHERE document_id = ?1 ORDER BY id",
      error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while (TRUE)
    {
      MkMovement movement = { 0 };

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      movement.location_id = sqlite3_column_int64 (stmt, 0);
      movement.item_id = sqlite3_column_int64 (stmt, 1);
      movement.lot_id = sqlite3_column_int64 (stmt, 2);
      movement.grant_id = sqlite3_column_int64 (stmt, 3);
      movement.quantity = sqlite3_column_int64 (stmt, 4);
      movement.category = "cancellation";
      g_array_append_val (movements, movement);
    }
  return g_steal_pointer (&movements);
}
