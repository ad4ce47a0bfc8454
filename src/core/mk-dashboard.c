/* mk-dashboard.c: the dashboard's figures.
 *
 * Every query reads what the ledger keeps so that reading is cheap: the
 * balances (per location, so a warehouse's stock is a range of the primary
 * key), the monthly totals (month-end stock = stock now minus what moved
 * after the month) and the documents of the months shown (through the
 * documents_by_kind index). None reads the movements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-dashboard.h"
#include "mk-database-private.h"
#include "mk-text.h"

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-dashboard-error-quark, mk_dashboard_error)
/* clang-format on */

/* The distributions that count: posted and not cancelled. */
#define NOT_CANCELLED                                                                       \
  " AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.kind = 'CAN' AND c.status = 'posted'" \
  "   AND c.reference_id = d.id)"

/* The warehouses' usable-stock locations, through the partial index. */
#define WAREHOUSE_LOCATIONS                                 \
  "SELECT id FROM locations WHERE warehouse_id IS NOT NULL" \
  " AND kind = 'warehouse' AND (?1 = 0 OR warehouse_id = ?1)"

static void
stock_free (MkDashboardStock *stock)
{
  g_free (stock->warehouse_code);
  g_free (stock->warehouse_name_en);
  g_free (stock->warehouse_name_ar);
  g_free (stock->category);
  g_free (stock->category_name_en);
  g_free (stock->category_name_ar);
  g_free (stock->filter);
  g_free (stock);
}

static void
waybill_free (MkDashboardWaybill *waybill)
{
  g_free (waybill->number);
  g_free (waybill->date);
  g_free (waybill->expected_date);
  g_free (waybill->from_warehouse_code);
  g_free (waybill->destination_code);
  g_free (waybill);
}

static void
reached_free (MkDashboardReached *reached)
{
  g_free (reached->population_group);
  g_free (reached->name_en);
  g_free (reached->name_ar);
  g_free (reached->filter);
  g_free (reached);
}

void
mk_dashboard_free (MkDashboard *dashboard)
{
  if (dashboard == NULL)
    return;
  g_free (dashboard->today);
  g_free (dashboard->warehouse_code);
  g_clear_pointer (&dashboard->stock, g_ptr_array_unref);
  g_free (dashboard->stock_filter);
  g_clear_pointer (&dashboard->in_transit, g_ptr_array_unref);
  g_free (dashboard->transit_filter);
  g_free (dashboard->overdue_filter);
  for (guint i = 0; i < G_N_ELEMENTS (dashboard->expiring); i++)
    g_free (dashboard->expiring[i].filter);
  g_clear_pointer (&dashboard->below_reorder, g_ptr_array_unref);
  g_free (dashboard->below_reorder_filter);
  g_free (dashboard->month_first_day);
  g_free (dashboard->month_last_day);
  g_clear_pointer (&dashboard->reached, g_ptr_array_unref);
  g_free (dashboard->distributions_filter);
  for (guint i = 0; i < MK_DASHBOARD_N_MONTHS; i++)
    {
      g_free (dashboard->months[i].stock_filter);
      g_free (dashboard->months[i].distributions_filter);
    }
  g_free (dashboard);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* "PAGE?key=value&…" from NULL-terminated key, value pairs (a NULL value
 * skips its key), then the dashboard's warehouse when it has one. Values
 * are escaped, so a code with '&' or '=' cannot break the filter. */
static char *
make_filter (MkDashboard *dashboard,
             const char  *page,
             ...)
{
  GString    *filter = g_string_new (page);
  const char *key;
  char        separator = '?';
  va_list     args;

  va_start (args, page);
  while ((key = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value == NULL)
        continue;
      g_string_append_printf (filter, "%c%s=", separator, key);
      g_string_append_uri_escaped (filter, value, NULL, TRUE);
      separator = '&';
    }
  va_end (args);
  if (dashboard->warehouse_code != NULL)
    {
      g_string_append_printf (filter, "%cwarehouse=", separator);
      g_string_append_uri_escaped (filter, dashboard->warehouse_code, NULL, TRUE);
    }
  return g_string_free (filter, FALSE);
}

/* Stock by warehouse and category ---------------------------------------- */

/* The row's own warehouse, whether or not the dashboard has one. */
static char *
stock_filter (const MkDashboardStock *stock)
{
  GString *filter = g_string_new ("stock?warehouse=");

  g_string_append_uri_escaped (filter, stock->warehouse_code, NULL, TRUE);
  g_string_append (filter, "&category=");
  g_string_append_uri_escaped (filter, stock->category, NULL, TRUE);
  return g_string_free (filter, FALSE);
}

static gboolean
load_stock (MkDatabase  *db,
            MkDashboard *dashboard,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;

  stmt = _mk_database_statement (
      db,
      "SELECT w.id, w.code, w.name_en, w.name_ar, c.code, c.name_en, c.name_ar,"
      " sum (b.quantity), sum (b.quantity * i.weight_g)"
      " FROM locations l JOIN warehouses w ON w.id = l.warehouse_id"
      " JOIN balances b ON b.location_id = l.id"
      " JOIN items i ON i.id = b.item_id"
      " JOIN item_categories c ON c.code = i.category"
      " WHERE l.warehouse_id IS NOT NULL AND l.kind = 'warehouse'"
      " AND (?1 = 0 OR l.warehouse_id = ?1) AND b.quantity > 0"
      " GROUP BY w.id, c.code ORDER BY w.code, c.sort_order",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dashboard->warehouse_id);

  dashboard->stock = g_ptr_array_new_with_free_func ((GDestroyNotify) stock_free);
  while (TRUE)
    {
      MkDashboardStock *stock;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      stock = g_new0 (MkDashboardStock, 1);
      stock->warehouse_id = sqlite3_column_int64 (stmt, 0);
      stock->warehouse_code = column_dup (stmt, 1);
      stock->warehouse_name_en = column_dup (stmt, 2);
      stock->warehouse_name_ar = column_dup (stmt, 3);
      stock->category = column_dup (stmt, 4);
      stock->category_name_en = column_dup (stmt, 5);
      stock->category_name_ar = column_dup (stmt, 6);
      stock->units = sqlite3_column_int64 (stmt, 7);
      stock->weight_g = sqlite3_column_int64 (stmt, 8);
      stock->filter = stock_filter (stock);
      dashboard->stock_units += stock->units;
      dashboard->stock_weight_g += stock->weight_g;
      g_ptr_array_add (dashboard->stock, stock);
    }
  dashboard->stock_filter = make_filter (dashboard, "stock", NULL);
  return TRUE;
}

/* In transit -------------------------------------------------------------- */

static gboolean
load_in_transit (MkDatabase  *db,
                 MkDashboard *dashboard,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;

  /* Only 3 % of the balances are not zero: the scan of the balances
   * tests the quantity first and looks up the few locations left. CROSS
   * JOIN keeps SQLite to that order (left to itself it starts from the
   * items and builds an index of the locations on every run). */
  stmt = _mk_database_statement (
      db,
      "SELECT d.id, d.number, d.date, d.expected_date, w.code,"
      " coalesce ((SELECT code FROM warehouses WHERE id = d.to_warehouse_id),"
      "   (SELECT code FROM sites WHERE id = d.to_site_id),"
      "   (SELECT code FROM partners WHERE id = d.to_partner_id)),"
      " sum (b.quantity), sum (b.quantity * i.weight_g),"
      " d.expected_date IS NOT NULL AND d.expected_date < ?2 AS overdue"
      " FROM balances b CROSS JOIN locations l ON l.id = b.location_id"
      " CROSS JOIN documents d ON d.id = l.waybill_id"
      " CROSS JOIN warehouses w ON w.id = d.warehouse_id"
      " CROSS JOIN items i ON i.id = b.item_id"
      " WHERE b.quantity > 0 AND l.kind = 'transit'"
      " AND (?1 = 0 OR d.warehouse_id = ?1 OR d.to_warehouse_id = ?1)"
      " GROUP BY d.id"
      " ORDER BY overdue DESC, coalesce (d.expected_date, d.date), d.number",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dashboard->warehouse_id);
  sqlite3_bind_text (stmt, 2, dashboard->today, -1, SQLITE_TRANSIENT);

  dashboard->in_transit = g_ptr_array_new_with_free_func ((GDestroyNotify) waybill_free);
  while (TRUE)
    {
      MkDashboardWaybill *waybill;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      waybill = g_new0 (MkDashboardWaybill, 1);
      waybill->document_id = sqlite3_column_int64 (stmt, 0);
      waybill->number = column_dup (stmt, 1);
      waybill->date = column_dup (stmt, 2);
      waybill->expected_date = column_dup (stmt, 3);
      waybill->from_warehouse_code = column_dup (stmt, 4);
      waybill->destination_code = column_dup (stmt, 5);
      waybill->units = sqlite3_column_int64 (stmt, 6);
      waybill->weight_g = sqlite3_column_int64 (stmt, 7);
      waybill->overdue = sqlite3_column_int (stmt, 8);
      dashboard->n_overdue += waybill->overdue;
      dashboard->transit_units += waybill->units;
      dashboard->transit_weight_g += waybill->weight_g;
      g_ptr_array_add (dashboard->in_transit, waybill);
    }
  dashboard->transit_filter = make_filter (dashboard, "waybills", "status", "in-transit", NULL);
  dashboard->overdue_filter = make_filter (dashboard, "waybills", "status", "in-transit",
                                           "overdue", "1", NULL);
  return TRUE;
}

/* Expiry ------------------------------------------------------------------ */

static gboolean
load_expiring (MkDatabase  *db,
               MkDashboard *dashboard,
               GError     **error)
{
  static const guint months[] = { 3, 9 };
  sqlite3_stmt      *stmt;
  gboolean           has_row;

  G_STATIC_ASSERT (G_N_ELEMENTS (months) == G_N_ELEMENTS (dashboard->expiring));

  /* Both horizons in one pass over the lots within the longer one. */
  stmt = _mk_database_statement (
      db,
      "SELECT count (DISTINCT CASE WHEN lot.expiry_date <= date (?2, '+3 months') THEN b.lot_id END),"
      " count (DISTINCT CASE WHEN lot.expiry_date < ?2 THEN b.lot_id END),"
      " coalesce (sum (CASE WHEN lot.expiry_date <= date (?2, '+3 months') THEN b.quantity END), 0),"
      " count (DISTINCT b.lot_id), coalesce (sum (b.quantity), 0)"
      " FROM locations l JOIN balances b ON b.location_id = l.id"
      " JOIN lots lot ON lot.id = b.lot_id"
      " WHERE l.warehouse_id IS NOT NULL AND l.kind IN ('warehouse', 'quarantine')"
      " AND (?1 = 0 OR l.warehouse_id = ?1) AND b.quantity > 0"
      " AND lot.expiry_date IS NOT NULL AND lot.expiry_date <= date (?2, '+9 months')",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dashboard->warehouse_id);
  sqlite3_bind_text (stmt, 2, dashboard->today, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      MkDashboardExpiry *expiry = &dashboard->expiring[i];
      g_autofree char   *n = g_strdup_printf ("%u", months[i]);

      expiry->months = months[i];
      /* Expired lots are within either horizon. */
      expiry->n_expired = (guint) sqlite3_column_int64 (stmt, 1);
      expiry->n_lots = (guint) sqlite3_column_int64 (stmt, i == 0 ? 0 : 3);
      expiry->units = sqlite3_column_int64 (stmt, i == 0 ? 2 : 4);
      expiry->filter = make_filter (dashboard, "stock", "expiring-months", n, NULL);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Below reorder level ----------------------------------------------------- */

static gboolean
load_below_reorder (MkDatabase  *db,
                    MkDashboard *dashboard,
                    GError     **error)
{
  dashboard->below_reorder = mk_ledger_list_below_reorder (db, error);
  if (dashboard->below_reorder == NULL)
    return FALSE;
  if (dashboard->warehouse_code != NULL)
    for (guint i = dashboard->below_reorder->len; i-- > 0;)
      {
        MkReorderRow *row = g_ptr_array_index (dashboard->below_reorder, i);

        if (g_ascii_strcasecmp (row->warehouse_code, dashboard->warehouse_code) != 0)
          g_ptr_array_remove_index (dashboard->below_reorder, i);
      }
  dashboard->below_reorder_filter = make_filter (dashboard, "stock", "below-reorder", "1", NULL);
  return TRUE;
}

/* This month's distributions ---------------------------------------------- */

static gboolean
load_reached (MkDatabase  *db,
              MkDashboard *dashboard,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;

  stmt = _mk_database_statement (
      db,
      "SELECT g.code, g.name_en, g.name_ar, count (*), coalesce (sum (p.total), 0),"
      " coalesce (sum ((SELECT sum (quantity) FROM document_lines WHERE document_id = d.id)), 0)"
      " FROM documents d JOIN population_groups g ON g.code = d.population_group"
      " LEFT JOIN people_reached p ON p.document_id = d.id"
      " WHERE d.kind = 'DIS' AND d.status = 'posted' AND d.date >= ?2 AND d.date <= ?3"
      " AND (?1 = 0 OR d.warehouse_id = ?1)" NOT_CANCELLED
      " GROUP BY g.code ORDER BY g.sort_order",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dashboard->warehouse_id);
  sqlite3_bind_text (stmt, 2, dashboard->month_first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, dashboard->month_last_day, -1, SQLITE_TRANSIENT);

  dashboard->reached = g_ptr_array_new_with_free_func ((GDestroyNotify) reached_free);
  while (TRUE)
    {
      MkDashboardReached *reached;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      reached = g_new0 (MkDashboardReached, 1);
      reached->population_group = column_dup (stmt, 0);
      reached->name_en = column_dup (stmt, 1);
      reached->name_ar = column_dup (stmt, 2);
      reached->n_distributions = (guint) sqlite3_column_int64 (stmt, 3);
      reached->people = sqlite3_column_int64 (stmt, 4);
      reached->units = sqlite3_column_int64 (stmt, 5);
      reached->filter = make_filter (dashboard, "distributions", "from", dashboard->month_first_day,
                                     "to", dashboard->month_last_day,
                                     "population-group", reached->population_group, NULL);
      dashboard->n_distributions += reached->n_distributions;
      dashboard->people_reached += reached->people;
      dashboard->distributed_units += reached->units;
      g_ptr_array_add (dashboard->reached, reached);
    }
  dashboard->distributions_filter = make_filter (dashboard, "distributions", "from", dashboard->month_first_day,
                                                 "to", dashboard->month_last_day, NULL);
  return TRUE;
}

/* Twelve months ------------------------------------------------------------ */

static gint
month_key (const MkDashboardMonth *month)
{
  return (gint) g_ascii_strtoll (month->month, NULL, 10) * 100 + (gint) g_ascii_strtoll (month->month + 5, NULL, 10);
}

/* Usable stock at each month's end and the units distributed each month,
 * from the monthly totals. */
static gboolean
load_month_totals (MkDatabase  *db,
                   MkDashboard *dashboard,
                   GError     **error)
{
  gint64        units_after[MK_DASHBOARD_N_MONTHS] = { 0 };
  gint64        weight_after[MK_DASHBOARD_N_MONTHS] = { 0 };
  gint64        units_now, weight_now;
  gint          first = month_key (&dashboard->months[0]);
  sqlite3_stmt *stmt;
  gboolean      has_row;

  stmt = _mk_database_statement (
      db,
      "SELECT coalesce (sum (b.quantity), 0), coalesce (sum (b.quantity * i.weight_g), 0)"
      " FROM balances b JOIN items i ON i.id = b.item_id"
      " WHERE b.location_id IN (" WAREHOUSE_LOCATIONS ")",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dashboard->warehouse_id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  units_now = sqlite3_column_int64 (stmt, 0);
  weight_now = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  /* What moved in each month from the first on: the end of month m is
   * now minus every later month. Sites count only for what they gave
   * out (a site's own stock is not the warehouses'). "+t.month" keeps
   * SQLite on the primary key, a range per location read in order,
   * instead of the month index, which would look every row up. */
  stmt = _mk_database_statement (
      db,
      "SELECT t.month, l.kind = 'warehouse', sum (t.quantity), sum (t.quantity * i.weight_g),"
      " sum (CASE WHEN t.category = 'distributed' THEN -t.quantity ELSE 0 END)"
      " FROM locations l CROSS JOIN stock_month_totals t ON t.location_id = l.id"
      " CROSS JOIN items i ON i.id = t.item_id"
      " WHERE l.id IN (" WAREHOUSE_LOCATIONS
      "   UNION ALL SELECT id FROM locations WHERE site_id IS NOT NULL AND ?1 = 0)"
      " AND +t.month >= ?2"
      " GROUP BY t.month, 2",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dashboard->warehouse_id);
  sqlite3_bind_int (stmt, 2, first);
  while (TRUE)
    {
      gint     month;
      gboolean in_warehouse;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      month = sqlite3_column_int (stmt, 0);
      in_warehouse = sqlite3_column_int (stmt, 1);
      for (guint i = 0; i < MK_DASHBOARD_N_MONTHS; i++)
        {
          gint key = month_key (&dashboard->months[i]);

          /* Counts against the end of every chart month before it. */
          if (in_warehouse && key < month)
            {
              units_after[i] += sqlite3_column_int64 (stmt, 2);
              weight_after[i] += sqlite3_column_int64 (stmt, 3);
            }
          if (key == month)
            dashboard->months[i].distributed_units += sqlite3_column_int64 (stmt, 4);
        }
    }

  for (guint i = 0; i < MK_DASHBOARD_N_MONTHS; i++)
    {
      dashboard->months[i].stock_units = units_now - units_after[i];
      dashboard->months[i].stock_weight_g = weight_now - weight_after[i];
    }
  return TRUE;
}

static MkDashboardMonth *
find_month (MkDashboard *dashboard,
            const char  *month)
{
  for (guint i = 0; i < MK_DASHBOARD_N_MONTHS; i++)
    if (g_strcmp0 (dashboard->months[i].month, month) == 0)
      return &dashboard->months[i];
  return NULL;
}

/* Each month's distributions and people reached, from the documents (the
 * index on kind, status and date). The monthly totals still count a
 * cancelled distribution as distributed in its month, its reversal as an
 * adjustment when it was cancelled: its units are taken back here, so
 * that a month's figures are those of the distributions that count. */
static gboolean
load_month_distributions (MkDatabase  *db,
                          MkDashboard *dashboard,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;

  stmt = _mk_database_statement (
      db,
      "SELECT substr (d.date, 1, 7), count (*), coalesce (sum (p.total), 0)"
      " FROM documents d LEFT JOIN people_reached p ON p.document_id = d.id"
      " WHERE d.kind = 'DIS' AND d.status = 'posted' AND d.date >= ?2 AND d.date <= ?3"
      " AND (?1 = 0 OR d.warehouse_id = ?1)" NOT_CANCELLED
      " GROUP BY 1",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dashboard->warehouse_id);
  sqlite3_bind_text (stmt, 2, dashboard->months[0].month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, dashboard->months[MK_DASHBOARD_N_MONTHS - 1].last_day, -1, SQLITE_TRANSIENT);
  while (TRUE)
    {
      MkDashboardMonth *month;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      month = find_month (dashboard, (const char *) sqlite3_column_text (stmt, 0));
      if (month == NULL)
        continue;
      month->n_distributions = (guint) sqlite3_column_int64 (stmt, 1);
      month->people_reached = sqlite3_column_int64 (stmt, 2);
    }

  stmt = _mk_database_statement (
      db,
      "SELECT substr (d.date, 1, 7), sum (dl.quantity)"
      " FROM documents c CROSS JOIN documents d ON d.id = c.reference_id"
      " CROSS JOIN document_lines dl ON dl.document_id = d.id"
      " WHERE c.kind = 'CAN' AND c.status = 'posted' AND d.kind = 'DIS'"
      " AND d.date >= ?2 AND d.date <= ?3 AND (?1 = 0 OR d.warehouse_id = ?1)"
      " GROUP BY 1",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dashboard->warehouse_id);
  sqlite3_bind_text (stmt, 2, dashboard->months[0].month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, dashboard->months[MK_DASHBOARD_N_MONTHS - 1].last_day, -1, SQLITE_TRANSIENT);
  while (TRUE)
    {
      MkDashboardMonth *month;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      month = find_month (dashboard, (const char *) sqlite3_column_text (stmt, 0));
      if (month != NULL)
        month->distributed_units -= sqlite3_column_int64 (stmt, 1);
    }
  return TRUE;
}

/* The twelve months ending with @today's, and this month's first and last
 * days. */
static void
set_months (MkDashboard *dashboard)
{
  guint year = (guint) g_ascii_strtoull (dashboard->today, NULL, 10);
  guint month = (guint) g_ascii_strtoull (dashboard->today + 5, NULL, 10);

  for (guint i = MK_DASHBOARD_N_MONTHS; i-- > 0;)
    {
      MkDashboardMonth *m = &dashboard->months[i];
      guint             last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
      char              first_day[11];

      g_snprintf (m->month, sizeof m->month, "%04u-%02u", year, month);
      g_snprintf (m->last_day, sizeof m->last_day, "%04u-%02u-%02u", year, month, last);
      g_snprintf (first_day, sizeof first_day, "%s-01", m->month);
      m->stock_filter = make_filter (dashboard, "stock", "as-of", m->last_day, NULL);
      m->distributions_filter = make_filter (dashboard, "distributions", "from", first_day,
                                             "to", m->last_day, NULL);
      if (i == MK_DASHBOARD_N_MONTHS - 1)
        {
          dashboard->month_first_day = g_strdup (first_day);
          dashboard->month_last_day = g_strdup (m->last_day);
        }
      if (--month == 0)
        {
          month = 12;
          year--;
        }
    }
}

static gboolean
find_warehouse (MkDatabase  *db,
                MkDashboard *dashboard,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;

  stmt = _mk_database_statement (db, "SELECT code FROM warehouses WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dashboard->warehouse_id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, MK_DASHBOARD_ERROR, MK_DASHBOARD_ERROR_NOT_FOUND,
                   _ ("The warehouse shown no longer exists; choose another."));
      return FALSE;
    }
  dashboard->warehouse_code = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

typedef gboolean (*LoadFunc) (MkDatabase  *db,
                              MkDashboard *dashboard,
                              GError     **error);

MkDashboard *
mk_dashboard_load (MkDatabase *db,
                   gint64      warehouse_id,
                   const char *today,
                   GError    **error)
{
  static const struct
  {
    const char *name;
    LoadFunc    load;
  } parts[] = {
    { "stock", load_stock },
    { "in transit", load_in_transit },
    { "expiring", load_expiring },
    { "below reorder", load_below_reorder },
    { "this month", load_reached },
    { "monthly totals", load_month_totals },
    { "monthly distributions", load_month_distributions },
  };
  g_autoptr (MkDashboard) dashboard = g_new0 (MkDashboard, 1);
  gboolean own_transaction;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (warehouse_id >= 0, NULL);

  if (today != NULL)
    {
      g_autoptr (GError) date_error = NULL;

      dashboard->today = mk_text_parse_date (today, &date_error);
      if (dashboard->today == NULL)
        {
          g_set_error (error, MK_DASHBOARD_ERROR, MK_DASHBOARD_ERROR_INVALID, "%s", date_error->message);
          return NULL;
        }
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      dashboard->today = g_date_time_format (now, "%Y-%m-%d");
    }

  dashboard->warehouse_id = warehouse_id;
  if (warehouse_id != 0 && !find_warehouse (db, dashboard, error))
    return NULL;
  set_months (dashboard);

  /* One read transaction, so that the figures agree with each other even
   * while another connection posts (unless the caller has one open). */
  own_transaction = sqlite3_get_autocommit (_mk_database_get_handle (db));
  if (own_transaction && !_mk_database_exec (db, "BEGIN DEFERRED", error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!parts[i].load (db, dashboard, error))
        {
          if (own_transaction)
            _mk_database_exec (db, "ROLLBACK", NULL);
          return NULL;
        }
      g_debug ("%s: %.2f ms", parts[i].name, (g_get_monotonic_time () - start) / 1000.0);
    }
  if (own_transaction && !_mk_database_exec (db, "COMMIT", error))
    return NULL;
  return g_steal_pointer (&dashboard);
}
