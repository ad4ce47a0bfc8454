/* test-dashboard.c: the dashboard's figures on a mission with known numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mk-test-dashboard.h"

static void
set_up (MkFixture    *fixture,
        gconstpointer data)
{
  mk_ledger_fixture_set_up (fixture, data);
  mk_test_add_dashboard_mission (fixture);
}

static MkDashboard *
load (MkFixture  *fixture,
      const char *warehouse)
{
  g_autoptr (GError) error = NULL;
  MkDashboard *dashboard;

  dashboard = mk_dashboard_load (fixture->db,
                                 warehouse != NULL ? mk_test_warehouse_id (fixture, warehouse) : 0,
                                 MK_TEST_DASHBOARD_TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dashboard);
  g_assert_cmpstr (dashboard->today, ==, MK_TEST_DASHBOARD_TODAY);
  return dashboard;
}

static const MkDashboardStock *
stock_of (MkDashboard *dashboard,
          const char  *warehouse,
          const char  *category)
{
  for (guint i = 0; i < dashboard->stock->len; i++)
    {
      const MkDashboardStock *stock = g_ptr_array_index (dashboard->stock, i);

      if (g_str_equal (stock->warehouse_code, warehouse) && g_str_equal (stock->category, category))
        return stock;
    }
  g_error ("no stock of %s in %s", category, warehouse);
}

static void
test_all_warehouses (MkFixture    *fixture,
                     gconstpointer data)
{
  g_autoptr (MkDashboard) dashboard = load (fixture, NULL);
  const MkDashboardStock   *stock;
  const MkDashboardWaybill *waybill;
  const MkDashboardReached *reached;
  const MkReorderRow       *reorder;

  /* Stock: BEN-MAIN holds 550 soap and 350 toothpaste (wash), 50 blankets
   * (nfi); BEN-FIELD the 100 soap it received. */
  g_assert_cmpuint (dashboard->stock->len, ==, 3);
  stock = stock_of (dashboard, "BEN-MAIN", "wash");
  g_assert_cmpint (stock->units, ==, 900);
  g_assert_cmpint (stock->weight_g, ==, 550 * 250 + 350 * 100);
  g_assert_cmpstr (stock->warehouse_name_en, ==, "Benghazi main warehouse");
  g_assert_cmpstr (stock->category_name_en, ==, "WASH");
  g_assert_cmpstr (stock->filter, ==, "stock?warehouse=BEN-MAIN&category=wash");
  stock = stock_of (dashboard, "BEN-MAIN", "nfi");
  g_assert_cmpint (stock->units, ==, 50);
  g_assert_cmpint (stock->weight_g, ==, 50 * 2000);
  /* By warehouse code, then in the vocabulary's order: non-food items
   * before WASH. */
  g_assert_true (g_ptr_array_index (dashboard->stock, 1) == stock);
  stock = stock_of (dashboard, "BEN-FIELD", "wash");
  g_assert_cmpint (stock->units, ==, 100);
  g_assert_cmpstr (stock->filter, ==, "stock?warehouse=BEN-FIELD&category=wash");
  g_assert_cmpint (dashboard->stock_units, ==, 1050);
  g_assert_cmpint (dashboard->stock_weight_g, ==, 297500);
  g_assert_cmpstr (dashboard->stock_filter, ==, "stock");

  /* In transit: the October waybill is overdue and comes first; the one
   * received in September is not in transit. */
  g_assert_cmpuint (dashboard->in_transit->len, ==, 2);
  g_assert_cmpuint (dashboard->n_overdue, ==, 1);
  waybill = g_ptr_array_index (dashboard->in_transit, 0);
  g_assert_cmpstr (waybill->number, ==, "BEN-WB-2026-00002");
  g_assert_true (waybill->overdue);
  g_assert_cmpstr (waybill->expected_date, ==, "2026-10-05");
  g_assert_cmpstr (waybill->from_warehouse_code, ==, "BEN-MAIN");
  g_assert_cmpstr (waybill->destination_code, ==, "BEN-FIELD");
  g_assert_cmpint (waybill->units, ==, 200);
  g_assert_cmpint (waybill->weight_g, ==, 200 * 250);
  g_assert_cmpint (waybill->document_id, >, 0);
  waybill = g_ptr_array_index (dashboard->in_transit, 1);
  g_assert_cmpstr (waybill->number, ==, "BEN-WB-2026-00003");
  g_assert_false (waybill->overdue);
  g_assert_cmpint (waybill->units, ==, 100);
  g_assert_cmpint (dashboard->transit_units, ==, 300);
  g_assert_cmpint (dashboard->transit_weight_g, ==, 200 * 250 + 100 * 2000);
  g_assert_cmpstr (dashboard->transit_filter, ==, "waybills?status=in-transit");
  g_assert_cmpstr (dashboard->overdue_filter, ==, "waybills?status=in-transit&overdue=1");

  /* Expiry: by 2027-02-15 lots TP-A and TP-OLD (expired); by 2027-08-15
   * TP-B too. */
  g_assert_cmpuint (dashboard->expiring[0].months, ==, 3);
  g_assert_cmpuint (dashboard->expiring[0].n_lots, ==, 2);
  g_assert_cmpuint (dashboard->expiring[0].n_expired, ==, 1);
  g_assert_cmpint (dashboard->expiring[0].units, ==, 250);
  g_assert_cmpstr (dashboard->expiring[0].filter, ==, "stock?expiring-months=3");
  g_assert_cmpuint (dashboard->expiring[1].months, ==, 9);
  g_assert_cmpuint (dashboard->expiring[1].n_lots, ==, 3);
  g_assert_cmpuint (dashboard->expiring[1].n_expired, ==, 1);
  g_assert_cmpint (dashboard->expiring[1].units, ==, 350);
  g_assert_cmpstr (dashboard->expiring[1].filter, ==, "stock?expiring-months=9");

  /* Blankets (reorder level 100) in both active warehouses. */
  g_assert_cmpuint (dashboard->below_reorder->len, ==, 2);
  reorder = g_ptr_array_index (dashboard->below_reorder, 0);
  g_assert_cmpstr (reorder->warehouse_code, ==, "BEN-FIELD");
  g_assert_cmpint (reorder->quantity, ==, 0);
  reorder = g_ptr_array_index (dashboard->below_reorder, 1);
  g_assert_cmpstr (reorder->warehouse_code, ==, "BEN-MAIN");
  g_assert_cmpstr (reorder->item_code, ==, "BLANKET");
  g_assert_cmpint (reorder->quantity, ==, 50);
  g_assert_cmpstr (dashboard->below_reorder_filter, ==, "stock?below-reorder=1");

  /* November: the cancelled distribution does not count. */
  g_assert_cmpstr (dashboard->month_first_day, ==, "2026-11-01");
  g_assert_cmpstr (dashboard->month_last_day, ==, "2026-11-30");
  g_assert_cmpuint (dashboard->reached->len, ==, 2);
  reached = g_ptr_array_index (dashboard->reached, 0);
  g_assert_cmpstr (reached->population_group, ==, "migrants");
  g_assert_cmpstr (reached->name_en, ==, "Migrants");
  g_assert_cmpuint (reached->n_distributions, ==, 1);
  g_assert_cmpint (reached->people, ==, 30);
  g_assert_cmpint (reached->units, ==, 350);
  g_assert_cmpstr (reached->filter, ==, "distributions?from=2026-11-01&to=2026-11-30&population-group=migrants");
  reached = g_ptr_array_index (dashboard->reached, 1);
  g_assert_cmpstr (reached->population_group, ==, "refugees");
  g_assert_cmpuint (reached->n_distributions, ==, 1);
  g_assert_cmpint (reached->people, ==, 20);
  g_assert_cmpint (reached->units, ==, 100);
  g_assert_cmpuint (dashboard->n_distributions, ==, 2);
  g_assert_cmpint (dashboard->people_reached, ==, 50);
  g_assert_cmpint (dashboard->distributed_units, ==, 450);
  g_assert_cmpstr (dashboard->distributions_filter, ==, "distributions?from=2026-11-01&to=2026-11-30");
}

/* Usable stock at each month's end and each month's distributions. */
static void
test_months (MkFixture    *fixture,
             gconstpointer data)
{
  static const struct
  {
    const char *month;
    gint64      stock_units;
    gint64      stock_weight_g;
    guint       n_distributions;
    gint64      distributed;
    gint64      people;
  } expected[MK_DASHBOARD_N_MONTHS] = {
    { "2025-12", 0, 0, 0, 0, 0 },
    { "2026-01", 1000, 250000, 0, 0, 0 },
    { "2026-02", 1000, 250000, 0, 0, 0 },
    { "2026-03", 1000, 250000, 0, 0, 0 },
    { "2026-04", 1000, 250000, 0, 0, 0 },
    { "2026-05", 1000, 250000, 0, 0, 0 },
    { "2026-06", 1850, 1285000, 0, 0, 0 },
    { "2026-07", 1850, 1285000, 0, 0, 0 },
    { "2026-08", 1850, 1285000, 0, 0, 0 },
    /* The September waybill was received the same month. */
    { "2026-09", 1850, 1285000, 0, 0, 0 },
    /* 200 soap on the road, 50 given out. */
    { "2026-10", 1600, 1222500, 1, 50, 10 },
    { "2026-11", 1050, 297500, 2, 450, 50 },
  };
  g_autoptr (MkDashboard) dashboard = load (fixture, NULL);
  g_autoptr (MkDashboard) past = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < MK_DASHBOARD_N_MONTHS; i++)
    {
      const MkDashboardMonth *month = &dashboard->months[i];

      g_assert_cmpstr (month->month, ==, expected[i].month);
      g_assert_cmpint (month->stock_units, ==, expected[i].stock_units);
      g_assert_cmpint (month->stock_weight_g, ==, expected[i].stock_weight_g);
      g_assert_cmpuint (month->n_distributions, ==, expected[i].n_distributions);
      g_assert_cmpint (month->distributed_units, ==, expected[i].distributed);
      g_assert_cmpint (month->people_reached, ==, expected[i].people);
    }
  g_assert_cmpstr (dashboard->months[1].last_day, ==, "2026-01-31");
  g_assert_cmpstr (dashboard->months[1].stock_filter, ==, "stock?as-of=2026-01-31");
  g_assert_cmpstr (dashboard->months[10].distributions_filter, ==, "distributions?from=2026-10-01&to=2026-10-31");

  /* Read in the past, the later months still count against month ends,
   * and February has its 28 days. */
  past = mk_dashboard_load (fixture->db, 0, "2026-02-10", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (past->months[MK_DASHBOARD_N_MONTHS - 1].month, ==, "2026-02");
  g_assert_cmpstr (past->months[MK_DASHBOARD_N_MONTHS - 1].last_day, ==, "2026-02-28");
  g_assert_cmpstr (past->months[0].month, ==, "2025-03");
  g_assert_cmpint (past->months[MK_DASHBOARD_N_MONTHS - 1].stock_units, ==, 1000);
  g_assert_cmpint (past->months[MK_DASHBOARD_N_MONTHS - 2].stock_units, ==, 1000);
  g_assert_cmpint (past->months[MK_DASHBOARD_N_MONTHS - 3].stock_units, ==, 0);
  g_assert_cmpuint (past->n_distributions, ==, 0);
  g_assert_cmpuint (past->reached->len, ==, 0);
}

/* One warehouse: its stock, the waybills to or from it, its
 * distributions, its lots, and its filters name it. */
static void
test_one_warehouse (MkFixture    *fixture,
                    gconstpointer data)
{
  g_autoptr (MkDashboard) field = load (fixture, "BEN-FIELD");
  g_autoptr (MkDashboard) main = load (fixture, "BEN-MAIN");

  g_assert_cmpstr (field->warehouse_code, ==, "BEN-FIELD");
  g_assert_cmpuint (field->stock->len, ==, 1);
  g_assert_cmpint (field->stock_units, ==, 100);
  g_assert_cmpstr (field->stock_filter, ==, "stock?warehouse=BEN-FIELD");
  g_assert_cmpuint (field->in_transit->len, ==, 2);
  g_assert_cmpstr (field->transit_filter, ==, "waybills?status=in-transit&warehouse=BEN-FIELD");
  g_assert_cmpuint (field->expiring[1].n_lots, ==, 0);
  g_assert_cmpint (field->expiring[1].units, ==, 0);
  g_assert_cmpstr (field->expiring[0].filter, ==, "stock?expiring-months=3&warehouse=BEN-FIELD");
  g_assert_cmpuint (field->below_reorder->len, ==, 1);
  g_assert_cmpuint (field->n_distributions, ==, 0);
  g_assert_cmpint (field->months[8].stock_units, ==, 0);   /* 2026-08 */
  g_assert_cmpint (field->months[9].stock_units, ==, 100); /* 2026-09 */
  g_assert_cmpint (field->months[11].distributed_units, ==, 0);

  g_assert_cmpint (main->stock_units, ==, 950);
  g_assert_cmpuint (main->in_transit->len, ==, 2);
  g_assert_cmpuint (main->expiring[1].n_lots, ==, 3);
  g_assert_cmpuint (main->below_reorder->len, ==, 1);
  g_assert_cmpint (main->people_reached, ==, 50);
  g_assert_cmpint (main->months[9].stock_units, ==, 1750);
  g_assert_cmpstr (main->distributions_filter, ==,
                   "distributions?from=2026-11-01&to=2026-11-30&warehouse=BEN-MAIN");
}

static void
test_refusals (MkFixture    *fixture,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  MkDashboard *dashboard;

  dashboard = mk_dashboard_load (fixture->db, 999999, MK_TEST_DASHBOARD_TODAY, &error);
  g_assert_null (dashboard);
  g_assert_error (error, MK_DASHBOARD_ERROR, MK_DASHBOARD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  dashboard = mk_dashboard_load (fixture->db, 0, "2026-02-31", &error);
  g_assert_null (dashboard);
  g_assert_error (error, MK_DASHBOARD_ERROR, MK_DASHBOARD_ERROR_INVALID);
}

/* An empty office: every figure is zero, the months are still there. */
static void
test_empty (MkFixture    *fixture,
            gconstpointer data)
{
  g_autoptr (MkDashboard) dashboard = NULL;
  g_autoptr (GError) error = NULL;

  dashboard = mk_dashboard_load (fixture->db, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dashboard->stock->len, ==, 0);
  g_assert_cmpuint (dashboard->in_transit->len, ==, 0);
  g_assert_cmpuint (dashboard->reached->len, ==, 0);
  g_assert_cmpuint (dashboard->expiring[0].n_lots, ==, 0);
  for (guint i = 0; i < MK_DASHBOARD_N_MONTHS; i++)
    g_assert_cmpint (dashboard->months[i].stock_units, ==, 0);
  g_assert_cmpuint (strlen (dashboard->months[0].month), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dashboard/all-warehouses", MkFixture, NULL, set_up, test_all_warehouses,
              mk_ledger_fixture_tear_down);
  g_test_add ("/dashboard/months", MkFixture, NULL, set_up, test_months, mk_ledger_fixture_tear_down);
  g_test_add ("/dashboard/one-warehouse", MkFixture, NULL, set_up, test_one_warehouse,
              mk_ledger_fixture_tear_down);
  g_test_add ("/dashboard/refusals", MkFixture, NULL, set_up, test_refusals, mk_ledger_fixture_tear_down);
  g_test_add ("/dashboard/empty", MkFixture, NULL, mk_ledger_fixture_set_up, test_empty,
              mk_ledger_fixture_tear_down);
  return g_test_run ();
}
