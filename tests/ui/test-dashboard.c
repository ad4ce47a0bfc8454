/* test-dashboard.c: the dashboard page on a mission with known figures,
 * under Xvfb, in English and (LANGUAGE=ar) right to left.
 *
 * The page sits in a window whose content carries a test "win" action
 * group, so that activating a figure is seen as the window would see it.
 * Screenshots go to $MAKHZAN_BUILD_ROOT/screenshots/dashboard-LANG.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-test-dashboard"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "mk-chart.h"
#include "mk-dashboard-page.h"
#include "mk-ui-test.h"
#include "mk-test-dashboard.h"

typedef struct
{
  MkFixture  fixture;
  GtkWidget *window;
  GtkWidget *page;
  char      *shown_list;      /* the last "win.show-list" parameter */
  gint64     opened_document; /* the last "win.open-document" parameter */
} Fixture;

static void
show_list (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       data)
{
  Fixture *f = data;

  g_free (f->shown_list);
  f->shown_list = g_variant_dup_string (parameter, NULL);
}

static void
open_document (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  Fixture *f = data;

  f->opened_document = g_variant_get_int64 (parameter);
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the page has shown its figures. */
static void
wait_loaded (Fixture *f)
{
  gboolean timed_out = FALSE;
  guint    timeout = g_timeout_add_seconds (20, set_flag, &timed_out);

  /* A reload may be pending after a change: let it start first. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  while (mk_dashboard_page_get_loading (MK_DASHBOARD_PAGE (f->page)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_list (Fixture *f)
{
  gboolean timed_out = FALSE;
  guint    timeout = g_timeout_add_seconds (5, set_flag, &timed_out);

  while (f->shown_list == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  static const GActionEntry actions[] = {
    { "show-list", show_list, "s", NULL, NULL },
    { "open-document", open_document, "x", NULL, NULL },
  };
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWidget *host;

  mk_ledger_fixture_set_up (&f->fixture, data);
  mk_test_add_dashboard_mission (&f->fixture);

  /* The application's style sheet, as MkApplication loads it. */
  gtk_css_provider_load_from_resource (provider, "/org/makhzan/Makhzan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), f);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  host = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_insert_action_group (host, "win", G_ACTION_GROUP (group));
  gtk_window_set_child (GTK_WINDOW (f->window), host);

  f->page = mk_dashboard_page_new ();
  gtk_widget_set_vexpand (f->page, TRUE);
  gtk_box_append (GTK_BOX (host), f->page);
  mk_dashboard_page_set_today (MK_DASHBOARD_PAGE (f->page), MK_TEST_DASHBOARD_TODAY);
  mk_dashboard_page_set_database (MK_DASHBOARD_PAGE (f->page), f->fixture.db);

  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (f->page))
    g_main_context_iteration (NULL, TRUE);
  wait_loaded (f);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (f->page != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_free (f->shown_list);
  mk_ledger_fixture_tear_down (&f->fixture, data);
}

static char *
count_text (gint64 value)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

/* Depth-first search for a widget whose action target is @filter. */
static GtkWidget *
find_figure (GtkWidget  *root,
             const char *filter)
{
  if (GTK_IS_ACTIONABLE (root))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) && g_str_equal (g_variant_get_string (target, NULL), filter))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_figure (child, filter);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The figure of @filter is shown with the count @value. */
static GtkWidget *
assert_figure (Fixture    *f,
               const char *filter,
               gint64      value)
{
  GtkWidget       *figure = find_figure (f->page, filter);
  g_autofree char *text = count_text (value);

  if (figure == NULL)
    g_error ("no figure opens %s", filter);
  if (!has_label (figure, text))
    g_error ("the figure that opens %s does not show %s", filter, text);
  return figure;
}

static guint
count_rows (GtkWidget *root,
            gboolean (*match) (GtkWidget *row))
{
  guint n = GTK_IS_LIST_BOX_ROW (root) && match (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, match);
  return n;
}

static gboolean
opens_document (GtkWidget *row)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), "win.open-document") == 0;
}

static gboolean
opens_document_overdue (GtkWidget *row)
{
  return opens_document (row) && gtk_widget_has_css_class (row, "warning");
}

/* The first list row in the page that @match accepts. */
static GtkWidget *
find_row (GtkWidget *root,
          gboolean (*match) (GtkWidget *row))
{
  if (GTK_IS_LIST_BOX_ROW (root) && match (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static MkDashboard *
core_dashboard (Fixture *f,
                gint64   warehouse_id)
{
  g_autoptr (GError) error = NULL;
  MkDashboard *dashboard = mk_dashboard_load (f->fixture.db, warehouse_id, MK_TEST_DASHBOARD_TODAY, &error);

  g_assert_no_error (error);
  return dashboard;
}

/* The figures ------------------------------------------------------------- */

static void
test_figures (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (MkDashboard) dashboard = core_dashboard (f, 0);
  GtkWidget *overdue;

  g_assert_cmpint (gtk_widget_get_direction (f->page), ==, (mk_ui_test_is_arabic_run () ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR));

  /* The tiles show the core's numbers. */
  assert_figure (f, dashboard->stock_filter, dashboard->stock_units);
  g_assert_cmpint (dashboard->stock_units, ==, 1050);
  assert_figure (f, dashboard->transit_filter, dashboard->in_transit->len);
  overdue = assert_figure (f, dashboard->overdue_filter, dashboard->n_overdue);
  g_assert_cmpuint (dashboard->n_overdue, ==, 1);
  g_assert_true (gtk_widget_has_css_class (overdue, "warning"));
  assert_figure (f, dashboard->expiring[0].filter, dashboard->expiring[0].n_lots);
  assert_figure (f, dashboard->expiring[1].filter, dashboard->expiring[1].n_lots);
  assert_figure (f, dashboard->below_reorder_filter, dashboard->below_reorder->len);
  assert_figure (f, dashboard->distributions_filter, dashboard->n_distributions);

  /* A row per warehouse and category, per population group. */
  for (guint i = 0; i < dashboard->stock->len; i++)
    {
      MkDashboardStock *stock = g_ptr_array_index (dashboard->stock, i);
      GtkWidget        *row = find_figure (f->page, stock->filter);

      g_assert_true (GTK_IS_LIST_BOX_ROW (row));
    }
  for (guint i = 0; i < dashboard->reached->len; i++)
    {
      MkDashboardReached *reached = g_ptr_array_index (dashboard->reached, i);
      GtkWidget          *row = find_figure (f->page, reached->filter);

      g_assert_true (GTK_IS_LIST_BOX_ROW (row));
    }

  /* Both waybills in transit are listed; the overdue one stands out. */
  g_assert_cmpuint (count_rows (f->page, opens_document), ==, 2);
  g_assert_cmpuint (count_rows (f->page, opens_document_overdue), ==, 1);

  mk_ui_test_screenshot (f->window, "dashboard");
  mk_ui_test_assert_no_unknown_glyphs (f->window);
}

/* Activating a figure asks the window for its list. */
static void
test_activate (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (MkDashboard) dashboard = core_dashboard (f, 0);
  const char *filters[] = {
    dashboard->stock_filter,
    dashboard->overdue_filter,
    dashboard->expiring[0].filter,
    dashboard->below_reorder_filter,
    ((MkDashboardStock *) g_ptr_array_index (dashboard->stock, 0))->filter,
    ((MkDashboardReached *) g_ptr_array_index (dashboard->reached, 1))->filter,
  };
  MkDashboardWaybill *waybill = g_ptr_array_index (dashboard->in_transit, 0);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      GtkWidget *figure = find_figure (f->page, filters[i]);

      g_clear_pointer (&f->shown_list, g_free);
      g_assert_nonnull (figure);
      g_assert_true (gtk_widget_activate (figure));
      /* A button shows itself pressed for a moment before it clicks. */
      wait_for_list (f);
      g_assert_cmpstr (f->shown_list, ==, filters[i]);
    }
  g_assert_cmpstr (filters[5], ==, "distributions?from=2026-11-01&to=2026-11-30&population-group=refugees");

  /* A waybill's row opens the waybill. */
  f->opened_document = 0;
  g_assert_true (gtk_widget_activate (find_row (f->page, opens_document)));
  g_assert_cmpint (f->opened_document, ==, waybill->document_id);
}

/* One warehouse: the window's filter set on the page. */
static void
test_warehouse (Fixture      *f,
                gconstpointer data)
{
  gint64 field = mk_test_warehouse_id (&f->fixture, "BEN-FIELD");
  g_autoptr (MkDashboard) dashboard = core_dashboard (f, field);

  g_object_set (f->page, "warehouse-id", field, NULL);
  wait_loaded (f);
  assert_figure (f, "stock?warehouse=BEN-FIELD", 100);
  assert_figure (f, dashboard->transit_filter, 2);
  assert_figure (f, dashboard->distributions_filter, 0);
  g_assert_null (find_figure (f->page, "stock"));

  g_object_set (f->page, "warehouse-id", (gint64) 0, NULL);
  wait_loaded (f);
  assert_figure (f, "stock", 1050);
}

/* A posting elsewhere in the window: the page follows the database's
 * change signal. */
static void
test_follows_changes (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr (MkDocument) grn = NULL;
  gboolean timed_out = FALSE;
  guint    timeout;

  grn = mk_test_receive (&f->fixture, "2026-11-12", "BEN-MAIN", "BUCKET", 40, NULL, NULL, NULL);
  timeout = g_timeout_add_seconds (20, set_flag, &timed_out);
  while (find_figure (f->page, "stock") != NULL && !has_label (find_figure (f->page, "stock"), "1090") && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  assert_figure (f, "stock", 1090);

  /* And the explicit reload gives the same, as does its shortcut's action. */
  mk_dashboard_page_reload (MK_DASHBOARD_PAGE (f->page));
  g_assert_true (mk_dashboard_page_get_loading (MK_DASHBOARD_PAGE (f->page)));
  wait_loaded (f);
  assert_figure (f, "stock", 1090);
  g_assert_true (gtk_widget_activate_action (f->page, "dashboard.reload", NULL));
  g_assert_true (mk_dashboard_page_get_loading (MK_DASHBOARD_PAGE (f->page)));
  wait_loaded (f);
  assert_figure (f, "stock", 1090);
}

/* The charts --------------------------------------------------------------- */

static gboolean
is_series_blue (const guchar *pixel)
{
  /* ARGB32 in memory: B, G, R, A. */
  return pixel[3] > 128 && pixel[0] > 150 && pixel[2] < 110 && pixel[1] > 70 && pixel[1] < 160;
}

static void
find_charts (GtkWidget *root,
             GPtrArray *charts)
{
  if (MK_IS_CHART (root))
    g_ptr_array_add (charts, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    find_charts (child, charts);
}

static void
test_charts (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (GPtrArray) charts = g_ptr_array_new ();
  gboolean rtl = mk_ui_test_is_arabic_run ();

  find_charts (f->page, charts);
  g_assert_cmpuint (charts->len, ==, 2);
  wait_ms (50);

  for (guint c = 0; c < charts->len; c++)
    {
      GtkWidget *chart = g_ptr_array_index (charts, c);
      g_autoptr (GdkTexture) texture = mk_ui_test_render (chart);
      int                width = gdk_texture_get_width (texture);
      int                height = gdk_texture_get_height (texture);
      gsize              stride = (gsize) width * 4;
      g_autofree guchar *pixels = g_malloc (stride * height);
      guint64            legend_x = 0, n_legend = 0, n_start = 0, n_end = 0, n_blue = 0;

      g_assert_cmpuint (mk_chart_get_n_series (MK_CHART (chart)), >=, 1);
      gdk_texture_download (texture, pixels, stride);
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            if (!is_series_blue (pixels + y * stride + x * 4))
              continue;
            n_blue++;
            if (y < 28)
              {
                legend_x += x;
                n_legend++;
              }
            else if (x < width * 2 / 5)
              n_start++;
            else if (x > width * 3 / 5)
              n_end++;
          }
      /* Not blank: the first series is drawn, with its legend on the
       * start side. */
      g_assert_cmpuint (n_blue, >, 200);
      g_assert_cmpuint (n_legend, >, 10);
      if (rtl)
        g_assert_cmpuint (legend_x / n_legend, >, (guint64) width / 2);
      else
        g_assert_cmpuint (legend_x / n_legend, <, (guint64) width / 2);
      /* Time runs left to right in both languages: the later months hold
       * more stock and more distributions, and they are on the right. */
      g_assert_cmpuint (n_end, >, n_start);
    }
}

/* A month of a chart opens its list; months run left to right. */
static void
test_chart_months (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (MkDashboard) dashboard = core_dashboard (f, 0);
  g_autoptr (GPtrArray) charts = g_ptr_array_new ();
  MkChart *stock, *distributions;
  int      previous = -1, width;

  find_charts (f->page, charts);
  g_assert_cmpuint (charts->len, ==, 2);
  stock = g_ptr_array_index (charts, 0);
  distributions = g_ptr_array_index (charts, 1);

  /* Every month is somewhere on the chart, the oldest at the left. */
  width = gtk_widget_get_width (GTK_WIDGET (stock));
  for (int x = 0; x < width; x++)
    {
      int month = mk_chart_get_month_at (stock, x);

      if (month < 0)
        continue;
      g_assert_cmpint (month, >=, previous);
      g_assert_cmpint (month, <=, previous + 1);
      previous = month;
    }
  g_assert_cmpint (previous, ==, MK_DASHBOARD_N_MONTHS - 1);

  g_signal_emit_by_name (distributions, "month-activated", 10);
  g_assert_cmpstr (f->shown_list, ==, dashboard->months[10].distributions_filter);
  g_assert_cmpstr (f->shown_list, ==, "distributions?from=2026-10-01&to=2026-10-31");
  g_signal_emit_by_name (stock, "month-activated", 1);
  g_assert_cmpstr (f->shown_list, ==, "stock?as-of=2026-01-31");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("MAKHZAN_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  /* Not gtk_test_init(): in GTK 4.8 it forces the C locale, which turns
   * translations and right to left off. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();

  g_test_add ("/ui/dashboard/figures", Fixture, NULL, fixture_setup, test_figures, fixture_teardown);
  g_test_add ("/ui/dashboard/activate", Fixture, NULL, fixture_setup, test_activate, fixture_teardown);
  g_test_add ("/ui/dashboard/warehouse", Fixture, NULL, fixture_setup, test_warehouse, fixture_teardown);
  g_test_add ("/ui/dashboard/follows-changes", Fixture, NULL, fixture_setup, test_follows_changes,
              fixture_teardown);
  g_test_add ("/ui/dashboard/charts", Fixture, NULL, fixture_setup, test_charts, fixture_teardown);
  g_test_add ("/ui/dashboard/chart-months", Fixture, NULL, fixture_setup, test_chart_months, fixture_teardown);
  return g_test_run ();
}
