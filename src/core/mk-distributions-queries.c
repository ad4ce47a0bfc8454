/* mk-distributions-queries.c: people reached without double counting, what
 * a site received and gave out, households registered twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-distributions"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-database-private.h"
#include "mk-distributions.h"
#include "mk-ledger-private.h"
#include "mk-master-data-private.h"
#include "mk-text.h"

#define COUNT_SUMS                                                       \
  "coalesce (sum (female_0_4), 0), coalesce (sum (female_5_11), 0),"     \
  " coalesce (sum (female_12_17), 0), coalesce (sum (female_18_59), 0)," \
  " coalesce (sum (female_60), 0), coalesce (sum (male_0_4), 0),"        \
  " coalesce (sum (male_5_11), 0), coalesce (sum (male_12_17), 0),"      \
  " coalesce (sum (male_18_59), 0), coalesce (sum (male_60), 0), coalesce (sum (disabled), 0)"

/* The distributions and services that count: posted, not cancelled, in the
 * period, of the grant and indicator when given. */
#define COUNTED_DOCUMENTS                                                                   \
  "SELECT d.id FROM documents d"                                                            \
  " WHERE d.kind IN ('DIS', 'SRV') AND d.status = 'posted'"                                 \
  " AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.kind = 'CAN' AND c.status = 'posted'" \
  "   AND c.reference_id = d.id)"                                                           \
  " AND d.date >= ?1 AND d.date <= ?2"                                                      \
  " AND (?3 IS NULL OR d.grant_id = ?3) AND (?4 IS NULL OR d.indicator = ?4)"

static gboolean
parse_period (const char *from,
              const char *to,
              char      **from_iso,
              char      **to_iso,
              GError    **error)
{
  *from_iso = mk_text_parse_date (from, error);
  if (*from_iso == NULL)
    return FALSE;
  *to_iso = mk_text_parse_date (to, error);
  if (*to_iso == NULL)
    return FALSE;
  if (strcmp (*to_iso, *from_iso) < 0)
    {
      g_set_error (error, MK_DISTRIBUTIONS_ERROR, MK_DISTRIBUTIONS_ERROR_INVALID,
                   _ ("The period ends before it starts."));
      return FALSE;
    }
  return TRUE;
}

static void
add_counts (MkPeopleCounts *counts,
            sqlite3_stmt   *stmt)
{
  for (guint b = 0; b < MK_N_AGE_BANDS; b++)
    {
      counts->female[b] += sqlite3_column_int64 (stmt, (int) b);
      counts->male[b] += sqlite3_column_int64 (stmt, (int) b + 5);
    }
  counts->disabled += sqlite3_column_int64 (stmt, 10);
}

gboolean
mk_distributions_reached (MkDatabase     *db,
                          const char     *grant_code,
                          const char     *indicator,
                          const char     *from,
                          const char     *to,
                          MkPeopleCounts *reached,
                          GError        **error)
{
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  sqlite3_stmt    *stmt;
  gboolean         has_row;
  gint64           grant = 0;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL && reached != NULL, FALSE);

  memset (reached, 0, sizeof *reached);
  if (!parse_period (from, to, &from_iso, &to_iso, error))
    return FALSE;
  if (grant_code != NULL && !_mk_master_data_find_id (db, mk_kind_lookup ("grant"), grant_code, &grant, NULL, error))
    return FALSE;

  /* Counted people add up: nobody can tell one from another. */
  stmt = _mk_database_statement (
      db,
      "SELECT " COUNT_SUMS ", coalesce (sum (unaccompanied), 0), coalesce (sum (households), 0)"
      " FROM people_reached WHERE document_id IN (" COUNTED_DOCUMENTS ")"
      " AND document_id NOT IN (SELECT document_id FROM household_receipts)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_TRANSIENT);
  if (grant_code != NULL)
    sqlite3_bind_int64 (stmt, 3, grant);
  if (indicator != NULL)
    sqlite3_bind_text (stmt, 4, indicator, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  add_counts (reached, stmt);
  reached->unaccompanied += sqlite3_column_int64 (stmt, 11);
  reached->households += sqlite3_column_int64 (stmt, 12);
  sqlite3_reset (stmt);

  /* Registered households count once, however often they received. */
  stmt = _mk_database_statement (
      db,
      "SELECT " COUNT_SUMS ", count (*) FROM households"
      " WHERE id IN (SELECT household_id FROM household_receipts"
      "  WHERE document_id IN (" COUNTED_DOCUMENTS "))",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_TRANSIENT);
  if (grant_code != NULL)
    sqlite3_bind_int64 (stmt, 3, grant);
  if (indicator != NULL)
    sqlite3_bind_text (stmt, 4, indicator, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  add_counts (reached, stmt);
  reached->households += sqlite3_column_int64 (stmt, 11);
  sqlite3_reset (stmt);

  reached->total = mk_people_counts_sum (reached);
  return TRUE;
}

/* Reconciliation --------------------------------------------------------- */

void
mk_reconcile_row_free (MkReconcileRow *row)
{
  if (row == NULL)
    return;
  g_free (row->item_code);
  g_free (row);
}

static MkReconcileRow *
row_for (GPtrArray  *rows,
         const char *item_code)
{
  MkReconcileRow *row;

  for (guint i = 0; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      if (g_str_equal (row->item_code, item_code))
        return row;
    }
  row = g_new0 (MkReconcileRow, 1);
  row->item_code = g_strdup (item_code);
  g_ptr_array_add (rows, row);
  return row;
}

GPtrArray *
mk_distributions_reconcile (MkDatabase *db,
                            const char *site_code,
                            const char *from,
                            const char *to,
                            GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_reconcile_row_free);
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  sqlite3_stmt    *stmt;
  gboolean         has_row;
  gint64           site;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (site_code != NULL && from != NULL && to != NULL, NULL);

  if (!parse_period (from, to, &from_iso, &to_iso, error))
    return NULL;
  {
    g_autoptr (GError) local_error = NULL;

    if (!_mk_master_data_find_id (db, mk_kind_lookup ("site"), site_code, &site, NULL, &local_error))
      {
        g_set_error_literal (error, MK_DISTRIBUTIONS_ERROR,
                             g_error_matches (local_error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_NOT_FOUND)
                                 ? MK_DISTRIBUTIONS_ERROR_NOT_FOUND
                                 : MK_DISTRIBUTIONS_ERROR_INVALID,
                             local_error->message);
        return NULL;
      }
  }

  /* The site's stock and what waybills to it carry are one pool: every
   * movement in or out of it falls into one column, so that the columns
   * balance by construction and a difference means a category the
   * reconciliation does not know. */
  stmt = _mk_database_statement (
      db,
      "WITH pool AS ("
      "  SELECT l.id, l.kind FROM locations l"
      "  WHERE l.site_id = ?1"
      "  OR l.waybill_id IN (SELECT id FROM documents WHERE kind = 'WB' AND to_site_id = ?1))"
      " SELECT i.code, p.kind, m.category, m.date < ?2, sum (m.quantity)"
      " FROM movements m JOIN pool p ON p.id = m.location_id JOIN items i ON i.id = m.item_id"
      " WHERE m.date <= ?3"
      " GROUP BY i.code, p.kind, m.category, m.date < ?2"
      " ORDER BY i.code",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site);
  sqlite3_bind_text (stmt, 2, from_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_iso, -1, SQLITE_TRANSIENT);

  while (TRUE)
    {
      MkReconcileRow *row;
      const char     *kind, *category;
      gboolean        before;
      gint64          quantity;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row = row_for (rows, (const char *) sqlite3_column_text (stmt, 0));
      kind = (const char *) sqlite3_column_text (stmt, 1);
      category = (const char *) sqlite3_column_text (stmt, 2);
      before = sqlite3_column_int (stmt, 3);
      quantity = sqlite3_column_int64 (stmt, 4);

      /* What was there at the end: on the way, or at the site. */
      if (g_str_equal (kind, "transit"))
        row->in_transit += quantity;
      else
        row->remaining += quantity;

      if (before)
        {
          row->opening += quantity;
          continue;
        }
      if (g_str_equal (category, "in_transit") || g_str_equal (category, "cancellation"))
        row->dispatched += quantity; /* net of cancelled waybills and receptions */
      else if (g_str_equal (category, "received_transfer"))
        row->received += quantity;
      else if (g_str_equal (category, "distributed"))
        row->distributed -= quantity;
      else if (g_str_equal (category, "returned"))
        row->returned -= quantity;
      else if (g_str_has_prefix (category, "loss_"))
        row->lost -= quantity;
      /* "delivered" leaves the waybill as "received_transfer" enters the
       * site: inside the pool, it nets out. */
    }

  for (guint i = 0; i < rows->len; i++)
    {
      MkReconcileRow *row = g_ptr_array_index (rows, i);
      row->difference = row->opening + row->dispatched - row->distributed - row->returned - row->lost - row->in_transit - row->remaining;
    }
  return g_steal_pointer (&rows);
}

/* Households registered twice -------------------------------------------- */

GPtrArray *
mk_distributions_likely_duplicates (MkDatabase *db,
                                    GError    **error)
{
  g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean      has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);

  stmt = _mk_database_statement (
      db,
      "SELECT a.code, b.code FROM households a JOIN households b"
      " ON a.site_id = b.site_id AND a.id < b.id AND a.size = b.size"
      " AND a.female_0_4 = b.female_0_4 AND a.female_5_11 = b.female_5_11"
      " AND a.female_12_17 = b.female_12_17 AND a.female_18_59 = b.female_18_59"
      " AND a.female_60 = b.female_60 AND a.male_0_4 = b.male_0_4"
      " AND a.male_5_11 = b.male_5_11 AND a.male_12_17 = b.male_12_17"
      " AND a.male_18_59 = b.male_18_59 AND a.male_60 = b.male_60"
      " AND abs (julianday (a.registered_on) - julianday (b.registered_on)) < 7"
      " WHERE a.active AND b.active ORDER BY a.code, b.code",
      error);
  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (pairs, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (pairs, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  return g_steal_pointer (&pairs);
}

/* What one household received ------------------------------------------- */

void
mk_household_history_row_free (MkHouseholdHistoryRow *row)
{
  if (row == NULL)
    return;
  g_free (row->date);
  g_free (row->document_number);
  g_free (row->item_code);
  g_free (row->item_name_en);
  g_free (row->item_name_ar);
  g_free (row->override_reason);
  g_free (row);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

GPtrArray *
mk_distributions_household_history (MkDatabase *db,
                                    const char *household_code,
                                    GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_household_history_row_free);
  sqlite3_stmt *stmt;
  gint64        household_id;
  gboolean      has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (household_code != NULL, NULL);

  if (!_mk_master_data_find_id (db, mk_kind_lookup ("household"), household_code, &household_id,
                                NULL, error))
    return NULL;

  stmt = _mk_database_statement (
      db,
      "SELECT d.date, d.number, i.code, i.name_en, i.name_ar, r.quantity, r.override_reason,"
      " EXISTS (SELECT 1 FROM documents c WHERE c.kind = 'CAN' AND c.status = 'posted'"
      "   AND c.reference_id = d.id)"
      " FROM household_receipts r JOIN documents d ON d.id = r.document_id"
      " JOIN items i ON i.id = r.item_id"
      " WHERE r.household_id = ?1 AND d.status = 'posted'"
      " ORDER BY d.date DESC, d.number DESC, i.code",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  while (TRUE)
    {
      MkHouseholdHistoryRow *row;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row = g_new0 (MkHouseholdHistoryRow, 1);
      row->date = column_text (stmt, 0);
      row->document_number = column_text (stmt, 1);
      row->item_code = column_text (stmt, 2);
      row->item_name_en = column_text (stmt, 3);
      row->item_name_ar = column_text (stmt, 4);
      row->quantity = sqlite3_column_int64 (stmt, 5);
      row->override_reason = column_text (stmt, 6);
      row->cancelled = sqlite3_column_int (stmt, 7) != 0;
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}
