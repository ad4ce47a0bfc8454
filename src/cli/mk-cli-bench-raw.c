/* mk-cli-bench-raw.c: the benchmark's raw floor — the SQL that the core's
 * operations run, run directly through sqlite3 on a connection of its own,
 * with prepared statements and the same transaction shape.
 *
 * This file reads and writes the ledger's tables behind the core's back,
 * which nothing else outside src/core may do: it exists to measure what
 * the core adds. Its waybill writes what posting writes, so that the
 * ledger still checks out afterwards; its statements are copies of the
 * core's, and must follow them when they change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mk-cli-bench.h"

enum
{
  RAW_BEGIN,
  RAW_COMMIT,
  RAW_NUMBER,
  RAW_DOCUMENT,
  RAW_LOCATION,
  RAW_LINE,
  RAW_MOVEMENT,
  RAW_BALANCE_IN,
  RAW_BALANCE_OUT,
  RAW_MONTH_TOTAL,
  RAW_AUDIT,
  RAW_BALANCE,
  RAW_BALANCE_AS_OF,
  RAW_CARD_PAGE,
  RAW_CARD_COUNT,
  RAW_MONTH_REPORT,
  RAW_MONTH_HISTORY,
  RAW_N_STATEMENTS
};

/* The core's monthly report (mk-ledger-report.c), word for word. */
#define MONTH_REPORT_SQL \
    "WITH places AS (" \
    "  SELECT l.id, w.code FROM locations l JOIN warehouses w ON w.id = l.warehouse_id" \
    "  WHERE l.kind = 'warehouse' AND (?2 IS NULL OR w.code = ?2))," \
    " keyed AS (" \
    "  SELECT b.location_id, b.item_id, b.grant_id, '~closing' AS category, sum (b.quantity) AS q" \
    "  FROM balances b JOIN places p ON p.id = b.location_id GROUP BY 1, 2, 3" \
    "  UNION ALL" \
    "  SELECT t.location_id, t.item_id, t.grant_id, '~closing', -sum (t.quantity)" \
    "  FROM stock_month_totals t JOIN places p ON p.id = t.location_id" \
    "  WHERE t.month > ?1 GROUP BY 1, 2, 3" \
    "  UNION ALL" \
    "  SELECT t.location_id, t.item_id, t.grant_id, t.category, sum (t.quantity)" \
    "  FROM stock_month_totals t JOIN places p ON p.id = t.location_id" \
    "  WHERE t.month = ?1 GROUP BY 1, 2, 3, 4)" \
    " SELECT p.code, i.code, g.code, k.category, sum (k.q)" \
    " FROM keyed k JOIN places p ON p.id = k.location_id JOIN items i ON i.id = k.item_id" \
    " LEFT JOIN grants g ON g.id = k.grant_id" \
    " GROUP BY k.location_id, k.item_id, k.grant_id, k.category" \
    " ORDER BY p.code, i.code, g.code, k.category"

/* The same numbers without the monthly totals: every movement up to the
 * month's end, per key and category, with the month's own apart. */
#define MONTH_HISTORY_SQL \
    "SELECT w.code, i.code, g.code, m.category," \
    " sum (CASE WHEN m.date >= ?1 THEN m.quantity ELSE 0 END), sum (m.quantity)" \
    " FROM movements m JOIN locations l ON l.id = m.location_id AND l.kind = 'warehouse'" \
    " JOIN warehouses w ON w.id = l.warehouse_id JOIN items i ON i.id = m.item_id" \
    " LEFT JOIN grants g ON g.id = m.grant_id" \
    " WHERE m.date <= ?2" \
    " GROUP BY m.location_id, m.item_id, m.grant_id, m.category" \
    " ORDER BY w.code, i.code, g.code, m.category"

static const char *const raw_sql[RAW_N_STATEMENTS] = {
  [RAW_BEGIN] = "BEGIN IMMEDIATE",
  [RAW_COMMIT] = "COMMIT",
  [RAW_NUMBER] = "INSERT INTO document_numbers (kind, year, last) VALUES ('WB', ?1, 1)"
                 " ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last",
  [RAW_DOCUMENT] = "INSERT INTO documents (id, kind, status, number, year, sequence, date,"
                   " warehouse_id, to_warehouse_id, transport_mode, transporter, vehicle, plate,"
                   " driver, driver_phone, expected_date, parcels, notes, created_at, created_by,"
                   " posted_at, posted_by) VALUES (?1, 'WB', 'posted', ?2, ?3, ?4, ?5, ?6, ?7,"
                   " 'road', 'Al-Wafa Transport', 'Truck 10 t', '5-482913', 'Abdelhakim Ezzedine',"
                   " '+218 91 555 0301', ?5, 20, '', ?8, ?9, ?8, ?9)",
  [RAW_LOCATION] = "INSERT INTO locations (id, kind, waybill_id) VALUES (?1, 'transit', ?2)",
  [RAW_LINE] = "INSERT INTO document_lines (id, document_id, line_no, item_id, lot_number,"
               " expiry_date, lot_id, grant_id, quantity, damaged, short, expected, to_grant_id,"
               " remarks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
  [RAW_MOVEMENT] = "INSERT INTO movements (id, document_id, date, location_id, item_id, lot_id,"
                   " grant_id, quantity, category) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [RAW_BALANCE_IN] = "INSERT INTO balances (location_id, item_id, lot_id, grant_id, quantity)"
                     " VALUES (?1, ?2, ?3, ?4, ?5)"
                     " ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity",
  [RAW_BALANCE_OUT] = "UPDATE balances SET quantity = quantity + ?5"
                      " WHERE location_id = ?1 AND item_id = ?2 AND lot_id = ?3 AND grant_id = ?4",
  [RAW_MONTH_TOTAL] = "INSERT INTO stock_month_totals (location_id, item_id, lot_id, grant_id, month,"
                      " category, quantity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                      " ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity",
  [RAW_AUDIT] = "INSERT INTO audit_log (id, at, user_id, action, table_name, row_id, code, details)"
                " VALUES (?1, ?2, ?3, 'post', 'documents', ?4, ?5, ?6)",
  [RAW_BALANCE] = "SELECT sum (quantity) FROM balances WHERE location_id = ?1 AND item_id = ?2",
  [RAW_BALANCE_AS_OF] = "SELECT sum (quantity) FROM movements"
                        " WHERE location_id = ?1 AND item_id = ?2 AND date <= ?3",
  [RAW_CARD_PAGE] = "SELECT m.id, m.date, d.number, d.kind, m.quantity,"
                    " (SELECT number FROM lots WHERE id = m.lot_id),"
                    " (SELECT code FROM grants WHERE id = m.grant_id)"
                    " FROM movements m JOIN documents d ON d.id = m.document_id"
                    " WHERE m.location_id = ?1 AND m.item_id = ?2 ORDER BY m.date, m.id LIMIT 100",
  [RAW_CARD_COUNT] = "SELECT count (*) FROM movements WHERE location_id = ?1 AND item_id = ?2",
  [RAW_MONTH_REPORT] = MONTH_REPORT_SQL,
  [RAW_MONTH_HISTORY] = MONTH_HISTORY_SQL,
};

struct _MkBenchRaw
{
  sqlite3      *db;
  sqlite3      *scratch;
  char         *path;
  char         *scratch_dir;
  char         *scratch_path;
  char         *office_code;
  gint64        office_base;
  sqlite3_stmt *stmts[RAW_N_STATEMENTS];
  sqlite3_stmt *scratch_insert;
  guint         scratch_rows;

  /* The waybill. */
  GArray       *lines;  /* MkBenchLine, the caller's */
  GPtrArray    *lot_numbers;
  GPtrArray    *expiries;
  gint64        from_warehouse, to_warehouse, from_location, user_id;
  char          date[11];
  gint          year, month;
};

static gboolean
fail (sqlite3    *db,
      GError    **error,
      const char *what)
{
  g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
               /* Translators: the benchmark's direct SQL failed; %s: what it
                * did, then SQLite's message. */
               _ ("Benchmark: %s: %s"), what, db != NULL ? sqlite3_errmsg (db) : "");
  return FALSE;
}

static gboolean
exec (sqlite3    *db,
      const char *sql,
      GError    **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail (db, error, sql);
  return TRUE;
}

/* The core's settings (mk-database.c, configure_connection). */
static const char connection_sql[] =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;"
    "PRAGMA foreign_keys = ON;"
    "PRAGMA cache_size = -32768;"
    "PRAGMA temp_store = MEMORY;";

MkBenchRaw *
mk_bench_raw_open (const char  *path,
                   const char  *scratch_dir,
                   const char  *office_code,
                   gint64       office_number,
                   GError     **error)
{
  MkBenchRaw *raw = g_new0 (MkBenchRaw, 1);

  raw->path = g_strdup (path);
  raw->scratch_dir = g_strdup (scratch_dir);
  raw->scratch_path = g_build_filename (scratch_dir, "fsync.sqlite", NULL);
  raw->office_code = g_strdup (office_code);
  raw->office_base = office_number << 40;
  raw->lot_numbers = g_ptr_array_new_with_free_func (g_free);
  raw->expiries = g_ptr_array_new_with_free_func (g_free);

  if (sqlite3_open_v2 (path, &raw->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK
      || sqlite3_open_v2 (raw->scratch_path, &raw->scratch,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL)
             != SQLITE_OK)
    {
      fail (raw->db != NULL && sqlite3_errcode (raw->db) != SQLITE_OK ? raw->db : raw->scratch, error,
            _ ("opening the database"));
      mk_bench_raw_close (raw);
      return NULL;
    }
  sqlite3_busy_timeout (raw->db, 5000);
  if (!exec (raw->db, connection_sql, error) || !exec (raw->scratch, connection_sql, error)
      || !exec (raw->scratch, "CREATE TABLE one (x INTEGER)", error))
    {
      mk_bench_raw_close (raw);
      return NULL;
    }
  for (guint i = 0; i < RAW_N_STATEMENTS; i++)
    if (sqlite3_prepare_v3 (raw->db, raw_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &raw->stmts[i], NULL)
        != SQLITE_OK)
      {
        fail (raw->db, error, raw_sql[i]);
        mk_bench_raw_close (raw);
        return NULL;
      }
  if (sqlite3_prepare_v2 (raw->scratch, "INSERT INTO one (x) VALUES (?1)", -1, &raw->scratch_insert, NULL)
      != SQLITE_OK)
    {
      fail (raw->scratch, error, "INSERT");
      mk_bench_raw_close (raw);
      return NULL;
    }
  return raw;
}

static void
remove_sqlite_file (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

void
mk_bench_raw_close (MkBenchRaw *raw)
{
  if (raw == NULL)
    return;
  for (guint i = 0; i < RAW_N_STATEMENTS; i++)
    sqlite3_finalize (raw->stmts[i]);
  sqlite3_finalize (raw->scratch_insert);
  sqlite3_close (raw->db);
  sqlite3_close (raw->scratch);
  remove_sqlite_file (raw->scratch_path);
  g_ptr_array_unref (raw->lot_numbers);
  g_ptr_array_unref (raw->expiries);
  g_free (raw->path);
  g_free (raw->scratch_dir);
  g_free (raw->scratch_path);
  g_free (raw->office_code);
  g_free (raw);
}

/* One-off reads, outside the timings ------------------------------------- */

static gboolean
query_id (MkBenchRaw  *raw,
          const char  *sql,
          const char  *text,
          gint64       number,
          gint64      *id,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (sqlite3_prepare_v2 (raw->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (raw->db, error, sql);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  sqlite3_bind_int64 (stmt, 2, raw->office_base);
  sqlite3_bind_int64 (stmt, 3, raw->office_base + (G_GINT64_CONSTANT (1) << 40) - 1);
  rc = sqlite3_step (stmt);
  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return fail (raw->db, error, sql);
  return TRUE;
}

gboolean
mk_bench_raw_location (MkBenchRaw  *raw,
                       const char  *warehouse_code,
                       gint64      *location_id,
                       GError     **error)
{
  return query_id (raw,
                   "SELECT l.id FROM locations l JOIN warehouses w ON w.id = l.warehouse_id"
                   " WHERE w.code = ?1 AND l.kind = 'warehouse'",
                   warehouse_code, 0, location_id, error);
}

gboolean
mk_bench_raw_item (MkBenchRaw  *raw,
                   const char  *item_code,
                   gint64      *item_id,
                   GError     **error)
{
  return query_id (raw, "SELECT id FROM items WHERE code = ?1", item_code, 0, item_id, error);
}

gboolean
mk_bench_raw_busiest_item (MkBenchRaw  *raw,
                           gint64       location_id,
                           char       **item_code,
                           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  const char   *sql = "SELECT i.code FROM movements m JOIN items i ON i.id = m.item_id"
                      " WHERE m.location_id = ?1 GROUP BY m.item_id ORDER BY count (*) DESC LIMIT 1";

  if (sqlite3_prepare_v2 (raw->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail (raw->db, error, sql);
  sqlite3_bind_int64 (stmt, 1, location_id);
  *item_code = sqlite3_step (stmt) == SQLITE_ROW
                   ? g_strdup ((const char *) sqlite3_column_text (stmt, 0))
                   : NULL;
  sqlite3_finalize (stmt);
  if (*item_code == NULL)
    return fail (raw->db, error, sql);
  return TRUE;
}

/* The next id of @table, as the core gives ids: office × 2^40 + counter. */
static gboolean
next_id (MkBenchRaw  *raw,
         const char  *table,
         gint64      *id,
         GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max (id) FROM %s WHERE ?1 IS NOT NULL"
                                          " AND id BETWEEN ?2 AND ?3",
                                          table);
  gint64 max = 0;

  if (!query_id (raw, sql, NULL, 1, &max, error))
    return FALSE;
  *id = MAX (max, raw->office_base) + 1;
  return TRUE;
}

/* The waybill --------------------------------------------------------------- */

gboolean
mk_bench_raw_prepare_waybill (MkBenchRaw  *raw,
                              GArray      *lines,
                              const char  *from_code,
                              const char  *to_code,
                              const char  *date,
                              GError     **error)
{
  raw->lines = lines;
  g_strlcpy (raw->date, date, sizeof raw->date);
  raw->year = (gint) g_ascii_strtoll (date, NULL, 10);
  raw->month = raw->year * 100 + (gint) g_ascii_strtoll (date + 5, NULL, 10);
  if (!query_id (raw, "SELECT id FROM warehouses WHERE code = ?1", from_code, 0, &raw->from_warehouse, error)
      || !query_id (raw, "SELECT id FROM warehouses WHERE code = ?1", to_code, 0, &raw->to_warehouse, error)
      || !mk_bench_raw_location (raw, from_code, &raw->from_location, error)
      || !query_id (raw, "SELECT max (id) FROM user_profiles WHERE ?1 IS NOT NULL", NULL, 1,
                    &raw->user_id, error))
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      MkBenchLine  *line = &g_array_index (lines, MkBenchLine, i);
      sqlite3_stmt *stmt = NULL;

      if (!mk_bench_raw_item (raw, line->item_code, &line->item_id, error)
          || (line->grant_code != NULL
              && !query_id (raw, "SELECT id FROM grants WHERE code = ?1", line->grant_code, 0,
                            &line->grant_id, error)))
        return FALSE;
      line->lot_id = 0;
      if (sqlite3_prepare_v2 (raw->db, "SELECT id, number, expiry_date FROM lots WHERE item_id = ?1 AND number = ?2",
                              -1, &stmt, NULL) != SQLITE_OK)
        return fail (raw->db, error, "lots");
      sqlite3_bind_int64 (stmt, 1, line->item_id);
      sqlite3_bind_text (stmt, 2, line->lot_number ? line->lot_number : "", -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          line->lot_id = sqlite3_column_int64 (stmt, 0);
          g_ptr_array_add (raw->lot_numbers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
          g_ptr_array_add (raw->expiries, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
        }
      else
        {
          g_ptr_array_add (raw->lot_numbers, NULL);
          g_ptr_array_add (raw->expiries, NULL);
        }
      sqlite3_finalize (stmt);
    }
  return TRUE;
}

static gboolean
run (MkBenchRaw   *raw,
     sqlite3_stmt *stmt,
     GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return fail (raw->db, error, sqlite3_sql (stmt));
  return TRUE;
}

static void
bind_key (sqlite3_stmt      *stmt,
          gint64             location,
          const MkBenchLine *line,
          gint64             quantity)
{
  sqlite3_bind_int64 (stmt, 1, location);
  sqlite3_bind_int64 (stmt, 2, line->item_id);
  sqlite3_bind_int64 (stmt, 3, line->lot_id);
  sqlite3_bind_int64 (stmt, 4, line->grant_id);
  sqlite3_bind_int64 (stmt, 5, quantity);
}

static gboolean
write_movement (MkBenchRaw        *raw,
                gint64             id,
                gint64             document,
                gint64             location,
                const MkBenchLine *line,
                gint64             quantity,
                const char        *category,
                GError           **error)
{
  sqlite3_stmt *stmt = raw->stmts[RAW_MOVEMENT];

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, document);
  sqlite3_bind_text (stmt, 3, raw->date, 10, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, location);
  sqlite3_bind_int64 (stmt, 5, line->item_id);
  sqlite3_bind_int64 (stmt, 6, line->lot_id);
  sqlite3_bind_int64 (stmt, 7, line->grant_id);
  sqlite3_bind_int64 (stmt, 8, quantity);
  sqlite3_bind_text (stmt, 9, category, -1, SQLITE_STATIC);
  if (!run (raw, stmt, error))
    return FALSE;

  stmt = raw->stmts[quantity > 0 ? RAW_BALANCE_IN : RAW_BALANCE_OUT];
  bind_key (stmt, location, line, quantity);
  if (!run (raw, stmt, error))
    return FALSE;

  stmt = raw->stmts[RAW_MONTH_TOTAL];
  bind_key (stmt, location, line, 0);
  sqlite3_bind_int (stmt, 5, raw->month);
  sqlite3_bind_text (stmt, 6, category, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, quantity);
  return run (raw, stmt, error);
}

gboolean
mk_bench_raw_post_waybill (MkBenchRaw  *raw,
                           MkBenchTime *time,
                           MkBenchTime *commit,
                           GError     **error)
{
  g_autofree char *at = NULL;
  g_autofree char *number = NULL;
  g_autofree char *details = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gint64       document, location, line_id, movement, audit, sequence;
  sqlite3_stmt *stmt;
  MkBenchClock clock, commit_clock;

  /* Ids as the core gives them, read before the clock starts: nothing
   * else writes meanwhile. */
  if (!next_id (raw, "documents", &document, error) || !next_id (raw, "locations", &location, error)
      || !next_id (raw, "document_lines", &line_id, error)
      || !next_id (raw, "movements", &movement, error) || !next_id (raw, "audit_log", &audit, error))
    return FALSE;
  at = g_date_time_format_iso8601 (now);
  details = g_strdup_printf ("{\"kind\": \"WB\", \"date\": \"%s\", \"lines\": %u}", raw->date,
                             raw->lines->len);

  mk_bench_start (&clock);
  if (!run (raw, raw->stmts[RAW_BEGIN], error))
    return FALSE;

  stmt = raw->stmts[RAW_NUMBER];
  sqlite3_bind_int (stmt, 1, raw->year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    goto failed;
  sequence = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  number = g_strdup_printf ("%s-WB-%04d-%05" G_GINT64_FORMAT, raw->office_code, raw->year, sequence);

  stmt = raw->stmts[RAW_DOCUMENT];
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, raw->year);
  sqlite3_bind_int64 (stmt, 4, sequence);
  sqlite3_bind_text (stmt, 5, raw->date, 10, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, raw->from_warehouse);
  sqlite3_bind_int64 (stmt, 7, raw->to_warehouse);
  sqlite3_bind_text (stmt, 8, at, -1, SQLITE_STATIC);
  if (raw->user_id != 0)
    sqlite3_bind_int64 (stmt, 9, raw->user_id);
  if (!run (raw, stmt, error))
    goto failed;

  stmt = raw->stmts[RAW_LOCATION];
  sqlite3_bind_int64 (stmt, 1, location);
  sqlite3_bind_int64 (stmt, 2, document);
  if (!run (raw, stmt, error))
    goto failed;

  for (guint i = 0; i < raw->lines->len; i++)
    {
      const MkBenchLine *line = &g_array_index (raw->lines, MkBenchLine, i);
      const char        *lot = g_ptr_array_index (raw->lot_numbers, i);
      const char        *expiry = g_ptr_array_index (raw->expiries, i);

      stmt = raw->stmts[RAW_LINE];
      sqlite3_bind_int64 (stmt, 1, line_id++);
      sqlite3_bind_int64 (stmt, 2, document);
      sqlite3_bind_int (stmt, 3, (int) i + 1);
      sqlite3_bind_int64 (stmt, 4, line->item_id);
      if (lot != NULL)
        sqlite3_bind_text (stmt, 5, lot, -1, SQLITE_STATIC);
      if (expiry != NULL)
        sqlite3_bind_text (stmt, 6, expiry, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, line->lot_id);
      sqlite3_bind_int64 (stmt, 8, line->grant_id);
      sqlite3_bind_int64 (stmt, 9, 1);
      sqlite3_bind_int64 (stmt, 10, 0);
      sqlite3_bind_int64 (stmt, 11, 0);
      sqlite3_bind_int64 (stmt, 12, 0);
      sqlite3_bind_text (stmt, 14, "", 0, SQLITE_STATIC);
      if (!run (raw, stmt, error))
        goto failed;
    }
  for (guint i = 0; i < raw->lines->len; i++)
    {
      const MkBenchLine *line = &g_array_index (raw->lines, MkBenchLine, i);

      if (!write_movement (raw, movement++, document, raw->from_location, line, -1, "dispatched", error)
          || !write_movement (raw, movement++, document, location, line, 1, "in_transit", error))
        goto failed;
    }

  stmt = raw->stmts[RAW_AUDIT];
  sqlite3_bind_int64 (stmt, 1, audit);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  if (raw->user_id != 0)
    sqlite3_bind_int64 (stmt, 3, raw->user_id);
  sqlite3_bind_int64 (stmt, 4, document);
  sqlite3_bind_text (stmt, 5, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, details, -1, SQLITE_STATIC);
  if (!run (raw, stmt, error))
    goto failed;
  mk_bench_start (&commit_clock);
  if (!run (raw, raw->stmts[RAW_COMMIT], error))
    goto failed;
  *commit = mk_bench_stop (&commit_clock, 1);
  *time = mk_bench_stop (&clock, 1);
  return TRUE;

failed:
  if (error != NULL && *error == NULL)
    fail (raw->db, error, _ ("the waybill"));
  sqlite3_exec (raw->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
mk_bench_raw_commit_one (MkBenchRaw  *raw,
                         MkBenchTime *time,
                         GError     **error)
{
  MkBenchClock clock;

  mk_bench_start (&clock);
  if (!exec (raw->scratch, "BEGIN IMMEDIATE", error))
    return FALSE;
  sqlite3_bind_int (raw->scratch_insert, 1, (int) ++raw->scratch_rows);
  if (sqlite3_step (raw->scratch_insert) != SQLITE_DONE)
    {
      sqlite3_reset (raw->scratch_insert);
      sqlite3_exec (raw->scratch, "ROLLBACK", NULL, NULL, NULL);
      return fail (raw->scratch, error, "INSERT");
    }
  sqlite3_reset (raw->scratch_insert);
  if (!exec (raw->scratch, "COMMIT", error))
    return FALSE;
  *time = mk_bench_stop (&clock, 1);
  return TRUE;
}

/* Reads ------------------------------------------------------------------------ */

gboolean
mk_bench_raw_balances (MkBenchRaw   *raw,
                       const gint64 *keys,
                       guint         n_keys,
                       guint         n,
                       const char   *date,
                       MkBenchTime  *time,
                       GError      **error)
{
  sqlite3_stmt *stmt = raw->stmts[date != NULL ? RAW_BALANCE_AS_OF : RAW_BALANCE];
  volatile gint64 sink = 0;
  MkBenchClock  clock;

  mk_bench_start (&clock);
  for (guint i = 0; i < n; i++)
    {
      guint k = i % n_keys;

      sqlite3_bind_int64 (stmt, 1, keys[2 * k]);
      sqlite3_bind_int64 (stmt, 2, keys[2 * k + 1]);
      if (date != NULL)
        sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          return fail (raw->db, error, sqlite3_sql (stmt));
        }
      sink += sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  *time = mk_bench_stop (&clock, n);
  (void) sink;
  return TRUE;
}

/* Steps every row, reading each column as the core reads it. */
static gboolean
read_rows (MkBenchRaw   *raw,
           sqlite3_stmt *stmt,
           GError      **error)
{
  volatile gsize sink = 0;
  int            rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      {
        const unsigned char *text = sqlite3_column_text (stmt, c);
        sink += text != NULL ? text[0] : 0;
      }
  sqlite3_reset (stmt);
  (void) sink;
  if (rc != SQLITE_DONE)
    return fail (raw->db, error, sqlite3_sql (stmt));
  return TRUE;
}

gboolean
mk_bench_raw_stock_card (MkBenchRaw  *raw,
                         gint64       location_id,
                         gint64       item_id,
                         MkBenchTime *time,
                         GError     **error)
{
  MkBenchClock clock;

  mk_bench_start (&clock);
  for (guint s = RAW_CARD_PAGE; s <= RAW_CARD_COUNT; s++)
    {
      sqlite3_bind_int64 (raw->stmts[s], 1, location_id);
      sqlite3_bind_int64 (raw->stmts[s], 2, item_id);
      if (!read_rows (raw, raw->stmts[s], error))
        return FALSE;
    }
  *time = mk_bench_stop (&clock, 1);
  return TRUE;
}

gboolean
mk_bench_raw_month_report (MkBenchRaw  *raw,
                           const char  *month,
                           gboolean     from_history,
                           MkBenchTime *time,
                           GError     **error)
{
  sqlite3_stmt    *stmt = raw->stmts[from_history ? RAW_MONTH_HISTORY : RAW_MONTH_REPORT];
  g_autofree char *first = g_strdup_printf ("%s-01", month);
  g_autofree char *last = g_strdup_printf ("%s-31", month);
  MkBenchClock     clock;

  mk_bench_start (&clock);
  if (from_history)
    {
      sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
    }
  else
    sqlite3_bind_int (stmt, 1, (int) (g_ascii_strtoll (month, NULL, 10) * 100
                                      + g_ascii_strtoll (month + 5, NULL, 10)));
  if (!read_rows (raw, stmt, error))
    return FALSE;
  sqlite3_clear_bindings (stmt);
  *time = mk_bench_stop (&clock, 1);
  return TRUE;
}

/* Generating ------------------------------------------------------------------- */

gboolean
mk_bench_raw_insert_rate (MkBenchRaw  *raw,
                          gint64       n,
                          double      *per_second,
                          GError     **error)
{
  g_autofree char *path = g_build_filename (raw->scratch_dir, "insert.sqlite", NULL);
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 7);
  g_autoptr (GStringChunk) strings = g_string_chunk_new (1024);
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  sqlite3      *copy = NULL;
  sqlite3_stmt *read = NULL, *insert = NULL, *balance_in = NULL, *balance_out = NULL;
  MkBenchClock  clock;
  MkBenchTime   time;
  gboolean      ok = FALSE;

  /* The movements, read first: the floor only writes. */
  if (sqlite3_prepare_v2 (raw->db,
                          "SELECT id, document_id, location_id, item_id, lot_id, grant_id, quantity,"
                          " date, category FROM movements ORDER BY id LIMIT ?1",
                          -1, &read, NULL) != SQLITE_OK)
    return fail (raw->db, error, "movements");
  sqlite3_bind_int64 (read, 1, n);
  while (sqlite3_step (read) == SQLITE_ROW)
    {
      gint64 row[7];

      for (int c = 0; c < 7; c++)
        row[c] = sqlite3_column_int64 (read, c);
      g_array_append_vals (rows, row, 1);
      g_ptr_array_add (texts, g_string_chunk_insert_const (strings, (const char *) sqlite3_column_text (read, 7)));
      g_ptr_array_add (texts, g_string_chunk_insert_const (strings, (const char *) sqlite3_column_text (read, 8)));
    }
  sqlite3_finalize (read);

  /* A copy of the two tables, without the stock-card index (as in bulk
   * posting) and without foreign keys, whose parents it does not have. */
  if (sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL)
          != SQLITE_OK
      || !exec (copy, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -32768;"
                      "CREATE TABLE movements (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL,"
                      " date TEXT NOT NULL, location_id INTEGER NOT NULL, item_id INTEGER NOT NULL,"
                      " lot_id INTEGER NOT NULL, grant_id INTEGER NOT NULL,"
                      " quantity INTEGER NOT NULL CHECK (quantity <> 0), category TEXT NOT NULL);"
                      "CREATE TABLE balances (location_id INTEGER NOT NULL, item_id INTEGER NOT NULL,"
                      " lot_id INTEGER NOT NULL, grant_id INTEGER NOT NULL,"
                      " quantity INTEGER NOT NULL CHECK (quantity >= 0),"
                      " PRIMARY KEY (location_id, item_id, lot_id, grant_id)) WITHOUT ROWID;",
                error)
      || sqlite3_prepare_v2 (copy, raw_sql[RAW_MOVEMENT], -1, &insert, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (copy, raw_sql[RAW_BALANCE_IN], -1, &balance_in, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (copy, raw_sql[RAW_BALANCE_OUT], -1, &balance_out, NULL) != SQLITE_OK)
    {
      if (error == NULL || *error == NULL)
        fail (copy, error, _ ("the copy of the ledger"));
      goto out;
    }

  mk_bench_start (&clock);
  if (!exec (copy, "BEGIN IMMEDIATE", error))
    goto out;
  for (guint i = 0; i < rows->len; i++)
    {
      const gint64 *row = (const gint64 *) (void *) (rows->data + (gsize) i * sizeof (gint64) * 7);
      sqlite3_stmt *balance = row[6] > 0 ? balance_in : balance_out;

      sqlite3_bind_int64 (insert, 1, row[0]);
      sqlite3_bind_int64 (insert, 2, row[1]);
      sqlite3_bind_text (insert, 3, g_ptr_array_index (texts, 2 * i), 10, SQLITE_STATIC);
      for (int c = 2; c < 7; c++)
        sqlite3_bind_int64 (insert, c + 2, row[c]);
      sqlite3_bind_text (insert, 9, g_ptr_array_index (texts, 2 * i + 1), -1, SQLITE_STATIC);
      for (int c = 2; c < 7; c++)
        sqlite3_bind_int64 (balance, c - 1, row[c]);
      if (sqlite3_step (insert) != SQLITE_DONE || sqlite3_step (balance) != SQLITE_DONE)
        {
          fail (copy, error, _ ("the copy of the ledger"));
          goto out;
        }
      sqlite3_reset (insert);
      sqlite3_reset (balance);
    }
  if (!exec (copy, "COMMIT", error))
    goto out;
  time = mk_bench_stop (&clock, 1);
  *per_second = time.wall_us > 0 ? rows->len * 1e6 / time.wall_us : 0;
  ok = TRUE;

out:
  sqlite3_finalize (insert);
  sqlite3_finalize (balance_in);
  sqlite3_finalize (balance_out);
  sqlite3_close (copy);
  remove_sqlite_file (path);
  return ok;
}
