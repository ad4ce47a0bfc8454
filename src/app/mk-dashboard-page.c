/* mk-dashboard-page.c: the dashboard.
 *
 * The figures come from mk_dashboard_load() run in a GTask thread on a
 * connection of the page's own (mk_database_open on the same file; WAL lets
 * it read while the window writes). A newer load cancels the older one, and
 * a burst of MkDatabase::changed signals (one per table of a commit) makes
 * one reload. Every figure is a GtkActionable: a tile (GtkButton) or a row
 * (GtkListBoxRow) whose action is "win.show-list" with the figure's filter,
 * or "win.open-document" with a waybill's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-chart.h"
#include "mk-dashboard-page.h"
#include "mk-dashboard.h"
#include "mk-text.h"
#include "mk-ui-resources.h"

/* A burst of changes makes one reload after this quiet time. */
#define RELOAD_DELAY_MS 150
/* Waybills listed; the tile counts them all. */
#define MAX_WAYBILLS_SHOWN 8

struct _MkDashboardPage
{
  GtkWidget parent_instance;

  MkDatabase   *database;
  gint64        warehouse_id;
  char         *today;
  GCancellable *cancellable; /* of the load under way */
  MkDatabase   *reader;      /* the loads' own connection, between loads */
  guint         generation;  /* counts the databases shown */
  gboolean      running;     /* a load is under way */
  gboolean      reload_pending;
  guint         reload_source;
  gboolean      stale; /* changed while hidden: reload when shown */

  GtkWidget  *scroller;
  GtkLabel   *as_of_label;
  GtkSpinner *spinner;
  GtkLabel   *error_label;
  GtkFlowBox *tiles;
  MkChart    *stock_chart;
  MkChart    *distributions_chart;
  GtkListBox *stock_list;
  GtkListBox *transit_list;
  GtkListBox *reached_list;

  /* The lists behind each month of the charts. */
  GStrv stock_month_filters;
  GStrv distributions_month_filters;
};

G_DEFINE_FINAL_TYPE (MkDashboardPage, mk_dashboard_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DATABASE,
  PROP_WAREHOUSE_ID,
  PROP_TODAY,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Numbers ----------------------------------------------------------------- */

static char *
format_count (gint64 value)
{
  /* Grouped by the locale's thousands separator. */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

static char *
format_weight (gint64 weight_g)
{
  g_autofree char *number = NULL;

  if (weight_g >= 1000000)
    {
      number = g_strdup_printf ("%'.1f", weight_g / 1e6);
      /* Translators: a weight in tonnes; %s is the number. */
      return g_strdup_printf (_ ("%s t"), number);
    }
  number = g_strdup_printf ("%'.0f", weight_g / 1e3);
  /* Translators: a weight in kilograms; %s is the number. */
  return g_strdup_printf (_ ("%s kg"), number);
}

/* Building the figures ---------------------------------------------------- */

/* gtk_list_box_remove_all() and gtk_flow_box_remove_all() are 4.12. */
static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
remove_tiles (GtkFlowBox *tiles)
{
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (tiles, 0)) != NULL)
    gtk_flow_box_remove (tiles, GTK_WIDGET (child));
}

/* Points @actionable at "win.show-list" with @filter. */
static void
set_show_list (GtkWidget  *actionable,
               const char *filter)
{
  /* The target first: a name without its target would be checked against
   * the action's parameter type, and refused. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (actionable), g_variant_new_string (filter));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (actionable), "win.show-list");
}

/* A tile: a caption, the figure in large type and a line under it. */
static GtkWidget *
add_tile (MkDashboardPage *self,
          const char      *caption,
          const char      *value,
          const char      *detail,
          const char      *filter,
          gboolean         warning)
{
  GtkWidget       *button = gtk_button_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget       *caption_label = gtk_label_new (caption);
  GtkWidget       *value_label = gtk_label_new (value);
  GtkWidget       *detail_label = gtk_label_new (detail);
  g_autofree char *tooltip = NULL;

  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_widget_add_css_class (caption_label, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_widget_add_css_class (value_label, "title-2");
  gtk_widget_add_css_class (value_label, "mk-code");
  gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
  gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
  gtk_widget_add_css_class (detail_label, "dim-label");
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), detail_label);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "mk-dashboard-tile");
  if (warning)
    gtk_widget_add_css_class (button, "warning");
  set_show_list (button, filter);
  /* Translators: the tooltip of a figure of the dashboard. */
  tooltip = g_strdup_printf (_ ("Show the list behind “%s”"), caption);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_flow_box_append (self->tiles, button);
  return button;
}

/* A row of a list: a name at the start, figures at the end. */
static GtkWidget *
add_row (GtkListBox *list,
         const char *name,
         const char *detail,
         const char *figures)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *figures_label = gtk_label_new (figures);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text), name_label);
  if (detail != NULL)
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (detail_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_box_append (GTK_BOX (text), detail_label);
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (figures_label), 1);
  gtk_widget_add_css_class (figures_label, "mk-code");
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), figures_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (list, row);
  return row;
}

static void
add_placeholder_row (GtkListBox *list,
                     const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_set_placeholder (list, label);
}

static void
fill_tiles (MkDashboardPage   *self,
            const MkDashboard *dashboard)
{
  g_autofree char *stock_units = format_count (dashboard->stock_units);
  g_autofree char *stock_weight = format_weight (dashboard->stock_weight_g);
  g_autofree char *n_transit = format_count (dashboard->in_transit->len);
  g_autofree char *transit_units = format_count (dashboard->transit_units);
  g_autofree char *transit_detail = NULL;
  g_autofree char *n_overdue = format_count (dashboard->n_overdue);
  g_autofree char *n_below = format_count (dashboard->below_reorder->len);
  g_autofree char *n_distributions = format_count (dashboard->n_distributions);
  g_autofree char *people = format_count (dashboard->people_reached);
  g_autofree char *people_detail = NULL;
  g_autofree char *stock_detail = NULL;

  remove_tiles (self->tiles);

  /* Translators: under the units in stock: their weight, such as "12.5 t". */
  stock_detail = g_strdup_printf (_ ("%s in all"), stock_weight);
  add_tile (self, _ ("Units in Stock"), stock_units, stock_detail, dashboard->stock_filter, FALSE);

  transit_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unit on the road", "%s units on the road",
                                                 (gulong) dashboard->transit_units),
                                    transit_units);
  add_tile (self, _ ("Waybills in Transit"), n_transit, transit_detail, dashboard->transit_filter, FALSE);
  add_tile (self, _ ("Overdue Waybills"), n_overdue, _ ("Past their estimated arrival"),
            dashboard->overdue_filter, dashboard->n_overdue > 0);

  for (guint i = 0; i < G_N_ELEMENTS (dashboard->expiring); i++)
    {
      const MkDashboardExpiry *expiry = &dashboard->expiring[i];
      g_autofree char         *caption = NULL;
      g_autofree char         *n_lots = format_count (expiry->n_lots);
      g_autofree char         *units = format_count (expiry->units);
      g_autofree char         *expired = format_count (expiry->n_expired);
      g_autofree char         *detail = NULL;

      caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Lots Expiring within %u Month",
                                              "Lots Expiring within %u Months", expiry->months),
                                 expiry->months);
      if (expiry->n_expired > 0)
        /* Translators: under the number of lots expiring soon: "1,200 units; 2 expired already". */
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s units; %s expired already",
                                               "%s units; %s expired already", expiry->n_expired),
                                  units, expired);
      else
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unit", "%s units", (gulong) expiry->units),
                                  units);
      add_tile (self, caption, n_lots, detail, expiry->filter, expiry->n_expired > 0);
    }

  add_tile (self, _ ("Below Reorder Level"), n_below, _ ("Items per warehouse"),
            dashboard->below_reorder_filter, dashboard->below_reorder->len > 0);

  people_detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person reached", "%s people reached",
                                                (gulong) dashboard->people_reached),
                                   people);
  add_tile (self, _ ("Distributions This Month"), n_distributions, people_detail,
            dashboard->distributions_filter, FALSE);
}

static void
fill_stock (MkDashboardPage   *self,
            const MkDashboard *dashboard)
{
  remove_rows (self->stock_list);
  for (guint i = 0; i < dashboard->stock->len; i++)
    {
      const MkDashboardStock *stock = g_ptr_array_index (dashboard->stock, i);
      const char             *warehouse = mk_text_pick_name (stock->warehouse_name_en, stock->warehouse_name_ar);
      const char             *category = mk_text_pick_name (stock->category_name_en, stock->category_name_ar);
      g_autofree char        *units = format_count (stock->units);
      g_autofree char        *weight = format_weight (stock->weight_g);
      g_autofree char        *figures = NULL;
      GtkWidget              *row;

      /* Translators: units and weight of a category in a warehouse: "1,200 · 3.5 t". */
      figures = g_strdup_printf (_ ("%s · %s"), units, weight);
      row = add_row (self->stock_list, category, warehouse, figures);
      set_show_list (row, stock->filter);
    }
}

static void
fill_transit (MkDashboardPage   *self,
              const MkDashboard *dashboard)
{
  remove_rows (self->transit_list);
  for (guint i = 0; i < dashboard->in_transit->len && i < MAX_WAYBILLS_SHOWN; i++)
    {
      const MkDashboardWaybill *waybill = g_ptr_array_index (dashboard->in_transit, i);
      g_autofree char          *from = mk_text_isolate_ltr (waybill->from_warehouse_code);
      g_autofree char          *to = mk_text_isolate_ltr (waybill->destination_code);
      g_autofree char          *units = format_count (waybill->units);
      g_autofree char          *detail = NULL;
      GtkWidget                *row;

      if (waybill->expected_date != NULL)
        {
          g_autofree char *expected = mk_text_isolate_ltr (waybill->expected_date);

          /* Translators: a waybill on the road: from a warehouse to a place, and when it should arrive. */
          detail = g_strdup_printf (_ ("%s to %s, expected %s"), from, to, expected);
        }
      else
        /* Translators: a waybill on the road, from a warehouse to a place. */
        detail = g_strdup_printf (_ ("%s to %s"), from, to);
      row = add_row (self->transit_list, waybill->number, detail, units);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (waybill->document_id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-document");
      if (waybill->overdue)
        {
          gtk_widget_add_css_class (row, "warning");
          gtk_widget_set_tooltip_text (row, _ ("Overdue: past its estimated arrival"));
        }
    }
  if (dashboard->in_transit->len > MAX_WAYBILLS_SHOWN)
    {
      guint            more = dashboard->in_transit->len - MAX_WAYBILLS_SHOWN;
      g_autofree char *count = format_count (more);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s more waybill",
                                                            "%s more waybills", more),
                                               count);
      GtkWidget       *row = add_row (self->transit_list, text, NULL, "");

      set_show_list (row, dashboard->transit_filter);
    }
}

static void
fill_reached (MkDashboardPage   *self,
              const MkDashboard *dashboard)
{
  remove_rows (self->reached_list);
  for (guint i = 0; i < dashboard->reached->len; i++)
    {
      const MkDashboardReached *reached = g_ptr_array_index (dashboard->reached, i);
      g_autofree char          *people = format_count (reached->people);
      g_autofree char          *n = format_count (reached->n_distributions);
      g_autofree char          *units = format_count (reached->units);
      g_autofree char          *detail = NULL;
      g_autofree char          *figures = NULL;
      GtkWidget                *row;

      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s distribution, %s units",
                                             "%s distributions, %s units", reached->n_distributions),
                                n, units);
      figures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", (gulong) reached->people),
                                 people);
      row = add_row (self->reached_list, mk_text_pick_name (reached->name_en, reached->name_ar), detail, figures);
      set_show_list (row, reached->filter);
    }
}

static void
fill_charts (MkDashboardPage   *self,
             const MkDashboard *dashboard)
{
  const char *months[MK_DASHBOARD_N_MONTHS];
  double      weight_t[MK_DASHBOARD_N_MONTHS];
  double      distributed[MK_DASHBOARD_N_MONTHS];
  double      people[MK_DASHBOARD_N_MONTHS];

  for (guint i = 0; i < MK_DASHBOARD_N_MONTHS; i++)
    {
      months[i] = dashboard->months[i].month;
      weight_t[i] = dashboard->months[i].stock_weight_g / 1e6;
      distributed[i] = (double) dashboard->months[i].distributed_units;
      people[i] = (double) dashboard->months[i].people_reached;
    }
  g_strfreev (self->stock_month_filters);
  g_strfreev (self->distributions_month_filters);
  self->stock_month_filters = g_new0 (char *, MK_DASHBOARD_N_MONTHS + 1);
  self->distributions_month_filters = g_new0 (char *, MK_DASHBOARD_N_MONTHS + 1);
  for (guint i = 0; i < MK_DASHBOARD_N_MONTHS; i++)
    {
      self->stock_month_filters[i] = g_strdup (dashboard->months[i].stock_filter);
      self->distributions_month_filters[i] = g_strdup (dashboard->months[i].distributions_filter);
    }

  mk_chart_set_months (self->stock_chart, months, MK_DASHBOARD_N_MONTHS);
  /* Translators: a series of the stock chart; "t" is tonnes. */
  mk_chart_add_series (self->stock_chart, _ ("Weight in stock (t)"), _ ("t"), MK_CHART_BARS, weight_t,
                       MK_DASHBOARD_N_MONTHS);
  mk_chart_set_months (self->distributions_chart, months, MK_DASHBOARD_N_MONTHS);
  mk_chart_add_series (self->distributions_chart, _ ("Units distributed"), NULL, MK_CHART_BARS, distributed,
                       MK_DASHBOARD_N_MONTHS);
  mk_chart_add_series (self->distributions_chart, _ ("People reached"), NULL, MK_CHART_LINE, people,
                       MK_DASHBOARD_N_MONTHS);
}

static void
fill (MkDashboardPage   *self,
      const MkDashboard *dashboard)
{
  g_autofree char *today = mk_text_isolate_ltr (dashboard->today);
  g_autofree char *as_of = NULL;

  if (dashboard->warehouse_code != NULL)
    {
      g_autofree char *warehouse = mk_text_isolate_ltr (dashboard->warehouse_code);

      /* Translators: beside the dashboard's title: a warehouse code and a date. */
      as_of = g_strdup_printf (_ ("%s on %s"), warehouse, today);
    }
  else
    /* Translators: beside the dashboard's title: every warehouse, on a date. */
    as_of = g_strdup_printf (_ ("All warehouses on %s"), today);
  gtk_label_set_text (self->as_of_label, as_of);

  fill_tiles (self, dashboard);
  fill_stock (self, dashboard);
  fill_transit (self, dashboard);
  fill_reached (self, dashboard);
  fill_charts (self, dashboard);
}

/* A month of a chart opens the list behind it: the stock at the month's
 * end, the month's distributions. */
static void
month_activated (MkDashboardPage *self,
                 guint            month,
                 MkChart         *chart)
{
  GStrv filters = chart == self->stock_chart ? self->stock_month_filters : self->distributions_month_filters;

  if (filters != NULL && month < g_strv_length (filters))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-list", "s", filters[month]);
}

/* Loading ------------------------------------------------------------------ */

/* One load runs at a time, on a connection the page keeps between loads
 * (its page cache stays warm: a fresh connection reads the balances from
 * the disk again, several times slower). */
typedef struct
{
  char       *path;
  gint64      warehouse_id;
  char       *today;
  MkDatabase *reader;     /* NULL: the thread opens it */
  guint       generation; /* of the page's database when it started */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->today);
  g_clear_object (&data->reader);
  g_free (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData    *data = task_data;
  MkDashboard *dashboard;
  GError      *error = NULL;

  if (data->reader == NULL)
    {
      data->reader = mk_database_open (data->path, &error);
      if (data->reader == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  dashboard = mk_dashboard_load (data->reader, data->warehouse_id, data->today, &error);
  if (dashboard == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dashboard, (GDestroyNotify) mk_dashboard_free);
}

static void
set_loading (MkDashboardPage *self,
             gboolean         loading)
{
  if (loading == gtk_spinner_get_spinning (self->spinner))
    return;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void start_load (MkDashboardPage *self);

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  MkDashboardPage *self = MK_DASHBOARD_PAGE (source);
  LoadData        *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (MkDashboard) dashboard = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  dashboard = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->tiles == NULL)
    return; /* disposed */
  self->running = FALSE;
  /* The connection serves the next load, unless the database changed. */
  if (data->generation == self->generation && self->reader == NULL && data->reader != NULL)
    self->reader = g_object_ref (data->reader);

  /* Something changed while it ran: read again, show the newer figures. */
  if (self->reload_pending)
    {
      start_load (self);
      return;
    }
  g_clear_object (&self->cancellable);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), dashboard == NULL);
  if (dashboard == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("The figures could not be read: %s"), error->message);
      gtk_label_set_text (self->error_label, message);
      /* A connection that failed is not kept. */
      g_clear_object (&self->reader);
    }
  else
    {
      start = g_get_monotonic_time ();
      fill (self, dashboard);
      g_debug ("figures shown in %.2f ms", (g_get_monotonic_time () - start) / 1000.0);
    }
  set_loading (self, FALSE);
}

static void
start_load (MkDashboardPage *self)
{
  g_autoptr (GTask) task = NULL;
  LoadData *data;

  self->reload_pending = FALSE;
  g_clear_object (&self->cancellable);
  if (self->database == NULL)
    {
      set_loading (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->path = g_strdup (mk_database_get_path (self->database));
  data->warehouse_id = self->warehouse_id;
  data->today = g_strdup (self->today);
  /* The thread has the connection to itself until it is done. */
  data->reader = g_steal_pointer (&self->reader);
  data->generation = self->generation;

  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  self->running = TRUE;
  set_loading (self, TRUE);
  g_task_run_in_thread (task, load_in_thread);
}

void
mk_dashboard_page_reload (MkDashboardPage *self)
{
  g_return_if_fail (MK_IS_DASHBOARD_PAGE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->stale = FALSE;
  if (self->running)
    {
      /* The connection is busy: read again once the load under way ends. */
      self->reload_pending = TRUE;
      set_loading (self, TRUE);
      return;
    }
  start_load (self);
}

gboolean
mk_dashboard_page_get_loading (MkDashboardPage *self)
{
  g_return_val_if_fail (MK_IS_DASHBOARD_PAGE (self), FALSE);
  return gtk_spinner_get_spinning (self->spinner);
}

static gboolean
reload_after_changes (gpointer user_data)
{
  MkDashboardPage *self = user_data;

  self->reload_source = 0;
  mk_dashboard_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
database_changed (MkDashboardPage *self,
                  const char      *table)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_after_changes, self);
}

static void
mk_dashboard_page_map (GtkWidget *widget)
{
  MkDashboardPage *self = MK_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (mk_dashboard_page_parent_class)->map (widget);
  if (self->stale)
    mk_dashboard_page_reload (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  mk_dashboard_page_reload (MK_DASHBOARD_PAGE (widget));
}

/* Properties --------------------------------------------------------------- */

MkDatabase *
mk_dashboard_page_get_database (MkDashboardPage *self)
{
  g_return_val_if_fail (MK_IS_DASHBOARD_PAGE (self), NULL);
  return self->database;
}

void
mk_dashboard_page_set_database (MkDashboardPage *self,
                                MkDatabase      *database)
{
  g_return_if_fail (MK_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (database == NULL || MK_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, database_changed, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
  /* Another file: the loads' connection goes with the old one. */
  self->generation++;
  g_clear_object (&self->reader);
  mk_dashboard_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gint64
mk_dashboard_page_get_warehouse_id (MkDashboardPage *self)
{
  g_return_val_if_fail (MK_IS_DASHBOARD_PAGE (self), 0);
  return self->warehouse_id;
}

void
mk_dashboard_page_set_warehouse_id (MkDashboardPage *self,
                                    gint64           warehouse_id)
{
  g_return_if_fail (MK_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (warehouse_id >= 0);

  if (self->warehouse_id == warehouse_id)
    return;
  self->warehouse_id = warehouse_id;
  mk_dashboard_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAREHOUSE_ID]);
}

const char *
mk_dashboard_page_get_today (MkDashboardPage *self)
{
  g_return_val_if_fail (MK_IS_DASHBOARD_PAGE (self), NULL);
  return self->today;
}

void
mk_dashboard_page_set_today (MkDashboardPage *self,
                             const char      *today)
{
  g_return_if_fail (MK_IS_DASHBOARD_PAGE (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  mk_dashboard_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

static void
mk_dashboard_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MkDashboardPage *self = MK_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_WAREHOUSE_ID:
      g_value_set_int64 (value, self->warehouse_id);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, mk_dashboard_page_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_dashboard_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MkDashboardPage *self = MK_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      mk_dashboard_page_set_database (self, g_value_get_object (value));
      break;
    case PROP_WAREHOUSE_ID:
      mk_dashboard_page_set_warehouse_id (self, g_value_get_int64 (value));
      break;
    case PROP_TODAY:
      mk_dashboard_page_set_today (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_dashboard_page_dispose (GObject *object)
{
  MkDashboardPage *self = MK_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->reader);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_DASHBOARD_PAGE);
  G_OBJECT_CLASS (mk_dashboard_page_parent_class)->dispose (object);
}

static void
mk_dashboard_page_finalize (GObject *object)
{
  MkDashboardPage *self = MK_DASHBOARD_PAGE (object);

  g_free (self->today);
  g_strfreev (self->stock_month_filters);
  g_strfreev (self->distributions_month_filters);
  G_OBJECT_CLASS (mk_dashboard_page_parent_class)->finalize (object);
}

static void
mk_dashboard_page_class_init (MkDashboardPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mk_dashboard_page_get_property;
  object_class->set_property = mk_dashboard_page_set_property;
  object_class->dispose = mk_dashboard_page_dispose;
  object_class->finalize = mk_dashboard_page_finalize;
  widget_class->map = mk_dashboard_page_map;

  properties[PROP_DATABASE] = g_param_spec_object ("database", NULL, NULL, MK_TYPE_DATABASE,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WAREHOUSE_ID] = g_param_spec_int64 ("warehouse-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] = g_param_spec_string ("today", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "dashboard.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "dashboard.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "dashboard.reload", NULL);

  /* Keeps the resource's object file linked (it registers itself). */
  (void) mk_ui_get_resource ();
  g_type_ensure (MK_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/makhzan/Makhzan/mk-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MkDashboardPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MkDashboardPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, MkDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MkDashboardPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, MkDashboardPage, tiles);
  gtk_widget_class_bind_template_child (widget_class, MkDashboardPage, stock_chart);
  gtk_widget_class_bind_template_child (widget_class, MkDashboardPage, distributions_chart);
  gtk_widget_class_bind_template_child (widget_class, MkDashboardPage, stock_list);
  gtk_widget_class_bind_template_child (widget_class, MkDashboardPage, transit_list);
  gtk_widget_class_bind_template_child (widget_class, MkDashboardPage, reached_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dashboard");
}

static void
mk_dashboard_page_init (MkDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->stock_chart, "month-activated", G_CALLBACK (month_activated), self);
  g_signal_connect_swapped (self->distributions_chart, "month-activated", G_CALLBACK (month_activated), self);
  add_placeholder_row (self->stock_list, _ ("Nothing in stock"));
  add_placeholder_row (self->transit_list, _ ("Nothing on the road"));
  add_placeholder_row (self->reached_list, _ ("No distribution this month"));
}

GtkWidget *
mk_dashboard_page_new (void)
{
  return g_object_new (MK_TYPE_DASHBOARD_PAGE, NULL);
}
