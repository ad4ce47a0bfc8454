/* mk-ledger-check.c: proving the ledger from its movements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-ledger"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-ledger-private.h"
#include "mk-text.h"

static gboolean
step_once (MkDatabase    *db,
           const char    *sql,
           sqlite3_stmt **out,
           gboolean      *has_row,
           GError       **error)
{
  if (sqlite3_prepare_v2 (_mk_database_get_handle (db), sql, -1, out, NULL) != SQLITE_OK)
    {
      _mk_database_set_error (db, error, _ ("The ledger could not be checked."));
      return FALSE;
    }
  switch (sqlite3_step (*out))
    {
    case SQLITE_ROW:
      *has_row = TRUE;
      return TRUE;
    case SQLITE_DONE:
      *has_row = FALSE;
      return TRUE;
    default:
      _mk_database_set_error (db, error, _ ("The ledger could not be checked."));
      return FALSE;
    }
}

static char *
item_code (MkDatabase *db,
           gint64      item)
{
  sqlite3_stmt *stmt = _mk_database_statement (db, "SELECT code FROM items WHERE id = ?1", NULL);
  gboolean      has_row = FALSE;
  char         *code = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, item);
      if (_mk_database_step (db, stmt, &has_row, NULL) && has_row)
        {
          code = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 0));
          sqlite3_reset (stmt);
        }
    }
  return code ? code : g_strdup ("?");
}

/* Each check is one query that returns the first fault, or nothing. */
static gboolean
check_balances (MkDatabase *db,
                GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      has_row;
  gboolean      ok;

  ok = step_once (db,
                  "SELECT location_id, item_id, sum (b), sum (m) FROM ("
                  "  SELECT location_id, item_id, lot_id, grant_id, quantity AS b, 0 AS m FROM balances"
                  "  UNION ALL"
                  "  SELECT location_id, item_id, lot_id, grant_id, 0, quantity FROM movements)"
                  " GROUP BY location_id, item_id, lot_id, grant_id HAVING sum (b) <> sum (m)"
                  " LIMIT 1",
                  &stmt, &has_row, error);
  if (ok && has_row)
    {
      g_autofree char *place = _mk_ledger_describe_location (db, sqlite3_column_int64 (stmt, 0));
      g_autofree char *item = item_code (db, sqlite3_column_int64 (stmt, 1));
      g_autofree char *balance = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 2));
      g_autofree char *sum = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 3));
      g_autofree char *balance_iso = mk_text_isolate_ltr (balance);
      g_autofree char *sum_iso = mk_text_isolate_ltr (sum);
      g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_CHECK_FAILED,
                   _ ("The balance of %s in %s is %s, but its movements add up to %s."),
                   item, place, balance_iso, sum_iso);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
check_month_totals (MkDatabase *db,
                    GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      has_row;
  gboolean      ok;

  ok = step_once (db,
                  "SELECT location_id, item_id, month FROM ("
                  "  SELECT location_id, item_id, lot_id, grant_id, month, category,"
                  "   quantity AS t, 0 AS m FROM stock_month_totals"
                  "  UNION ALL"
                  "  SELECT location_id, item_id, lot_id, grant_id,"
                  "   CAST (substr (date, 1, 4) AS INTEGER) * 100 + CAST (substr (date, 6, 2) AS INTEGER),"
                  "   category, 0, quantity FROM movements)"
                  " GROUP BY location_id, item_id, lot_id, grant_id, month, category"
                  " HAVING sum (t) <> sum (m) LIMIT 1",
                  &stmt, &has_row, error);
  if (ok && has_row)
    {
      g_autofree char *place = _mk_ledger_describe_location (db, sqlite3_column_int64 (stmt, 0));
      g_autofree char *item = item_code (db, sqlite3_column_int64 (stmt, 1));
      g_autofree char *month = g_strdup_printf ("%04d-%02d", sqlite3_column_int (stmt, 2) / 100,
                                                sqlite3_column_int (stmt, 2) % 100);
      g_autofree char *month_iso = mk_text_isolate_ltr (month);
      g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_CHECK_FAILED,
                   _ ("The monthly total of %s in %s for %s does not equal its movements."),
                   item, place, month_iso);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
check_numbers (MkDatabase *db,
               GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      has_row;
  gboolean      ok;

  /* Per kind and year, the sequences are 1 … n with none missing, and the
   * counter says n. */
  ok = step_once (db,
                  "SELECT d.kind, d.year, count (*), max (d.sequence), n.last"
                  " FROM documents d LEFT JOIN document_numbers n"
                  "  ON n.kind = d.kind AND n.year = d.year"
                  " WHERE d.status = 'posted'"
                  " GROUP BY d.kind, d.year"
                  " HAVING count (*) <> max (d.sequence) OR min (d.sequence) <> 1"
                  "  OR n.last IS NULL OR n.last <> max (d.sequence)"
                  " LIMIT 1",
                  &stmt, &has_row, error);
  if (ok && has_row)
    {
      g_autofree char *kind = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 0));
      g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_CHECK_FAILED,
                   _ ("The numbers of the %s documents of %d have a gap: %d documents, the highest number is %d."),
                   kind, sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2),
                   sqlite3_column_int (stmt, 3));
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
check_transit_dates (MkDatabase *db,
                     GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      has_row;
  gboolean      ok;

  ok = step_once (db,
                  "SELECT w.number, m.date, w.date FROM movements m"
                  " JOIN locations l ON l.id = m.location_id AND l.kind = 'transit'"
                  " JOIN documents w ON w.id = l.waybill_id"
                  " WHERE m.date < w.date LIMIT 1",
                  &stmt, &has_row, error);
  if (ok && has_row)
    {
      g_autofree char *number = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 0));
      g_autofree char *moved = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 1));
      g_autofree char *left = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 2));
      g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_CHECK_FAILED,
                   _ ("Stock in transit on waybill %s moved on %s, before the waybill left on %s."),
                   number, moved, left);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
check_movements_posted (MkDatabase *db,
                        GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      has_row;
  gboolean      ok;

  ok = step_once (db,
                  "SELECT m.id FROM movements m LEFT JOIN documents d ON d.id = m.document_id"
                  " WHERE d.id IS NULL OR d.status <> 'posted' LIMIT 1",
                  &stmt, &has_row, error);
  if (ok && has_row)
    {
      g_set_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_CHECK_FAILED,
                   _ ("Movement %" G_GINT64_FORMAT " does not belong to a posted document."),
                   (gint64) sqlite3_column_int64 (stmt, 0));
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
mk_ledger_check (MkDatabase *db,
                 GError    **error)
{
  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  /* Bulk posting writes balances late: this reads the table. */
  if (_mk_ledger_in_bulk (db) && !_mk_ledger_bulk_write_balances (db, error))
    return FALSE;

  return check_movements_posted (db, error) && check_balances (db, error) && check_month_totals (db, error) && check_numbers (db, error) && check_transit_dates (db, error);
}
