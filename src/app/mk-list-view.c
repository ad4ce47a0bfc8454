/* mk-list-view.c: a GtkColumnView over an MkListModel, with its filter bar.
 *
 * The model sorts and filters in SQL. GTK 4.8 has no public getter of the
 * column a header click chose, so each column gets a sorter that never
 * sorts anything but answers which column it is: comparing two rows
 * through the column view's sorter calls the primary column's sorter
 * first, and the result's sign says the direction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-ui-resources.h"

#include "mk-list-view.h"
#include "mk-text.h"

/* Database changes are gathered for this long before the list reloads. */
#define RELOAD_DELAY_MS 150

struct _MkListView
{
  GtkWidget parent_instance;

  MkDatabase         *database;
  const MkListSource *source;
  MkListModel        *model;
  GtkSelectionModel  *selection;     /* over model; the view's while shown */
  GHashTable         *fixed_filters; /* key → value, not shown */
  char               *warehouse;
  gboolean            dirty; /* reload when next mapped */
  guint               reload_source;
  int                 sorted_column; /* set by the column sorters */

  /* Template children */
  GtkWidget      *filter_bar;
  GtkSearchEntry *search_entry;
  GtkEntry       *item_entry;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkEntry       *as_of_entry;
  GtkEntry       *grant_entry;
  GtkDropDown    *status_dropdown;
  GtkSpinner     *spinner;
  GtkLabel       *count_label;
  GtkLabel       *error_label;
  GtkWidget      *scroller;
  GtkColumnView  *column_view;
  GtkLabel       *empty_label;
};

G_DEFINE_FINAL_TYPE (MkListView, mk_list_view, GTK_TYPE_WIDGET)

/* The document statuses the filter offers, in the dropdown's order. */
static const struct
{
  const char *code;
  const char *label;
} statuses[] = {
  /* Translators: a choice of the status filter of document lists. */
  { "", N_ ("Any Status") },
  { "draft", N_ ("Drafts") },
  { "posted", N_ ("Posted") },
  { "in-transit", N_ ("In Transit") },
  { "overdue", N_ ("Overdue") },
  { "cancelled", N_ ("Cancelled") },
};

static gboolean
is_numeric (MkListColumnType type)
{
  return type == MK_LIST_COLUMN_QUANTITY || type == MK_LIST_COLUMN_SIGNED || type == MK_LIST_COLUMN_WEIGHT || type == MK_LIST_COLUMN_VOLUME || type == MK_LIST_COLUMN_UNIT_WEIGHT || type == MK_LIST_COLUMN_UNIT_VOLUME || type == MK_LIST_COLUMN_RUNNING;
}

static gboolean
is_left_to_right (MkListColumnType type)
{
  return is_numeric (type) || type == MK_LIST_COLUMN_CODE || type == MK_LIST_COLUMN_DATE;
}

/* Cells ------------------------------------------------------------------ */

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MkListView               *self)
{
  guint               column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "mk-column"));
  const MkListColumn *spec = &self->source->columns[column];
  GtkWidget          *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), spec->width_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (is_numeric (spec->type))
    {
      /* Numbers line up at the end of their column, in either direction. */
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
    }
  if (is_left_to_right (spec->type))
    gtk_widget_add_css_class (cell, "mk-code");
  gtk_list_item_set_child (item, cell);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MkListView               *self)
{
  guint               column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "mk-column"));
  const MkListColumn *spec = &self->source->columns[column];
  MkListRow          *row = gtk_list_item_get_item (item);
  GtkWidget          *cell = gtk_list_item_get_child (item);
  const char         *text = mk_list_row_get_text (row, column);
  g_autofree char    *isolated = NULL;
  g_autofree char    *display = NULL;

  /* A waybill past its estimated arrival stands out, as on the dashboard. */
  if (spec->type == MK_LIST_COLUMN_STATUS && g_strcmp0 (mk_list_row_get_raw (row, column), "overdue") == 0)
    gtk_widget_add_css_class (cell, "mk-overdue");
  else
    gtk_widget_remove_css_class (cell, "mk-overdue");

  if (text == NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), NULL);
      return;
    }

  /* A cell starts at its column's start whatever the script of its text:
   * a mark of the interface's direction sets the direction of the line, and
   * the isolated value keeps its own order inside it (reference/arabic.md). */
  isolated = is_left_to_right (spec->type) ? mk_text_isolate_ltr (text) : mk_text_isolate (text);
  display = g_strconcat (gtk_widget_get_direction (cell) == GTK_TEXT_DIR_RTL ? "\u200F" : "\u200E",
                         isolated, NULL);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), display);
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             MkListView               *self)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), NULL);
}

/* Sorting ---------------------------------------------------------------- */

static int
column_sorter_compare (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  MkListView          *self = g_object_get_data (G_OBJECT (column), "mk-list-view");

  self->sorted_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "mk-column"));
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed (GtkSorter      *sorter,
                   GtkSorterChange change,
                   MkListView     *self)
{
  g_autoptr (GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  self->sorted_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (self->sorted_column < 0 || order == GTK_ORDERING_EQUAL)
    mk_list_model_set_sort (self->model, NULL, FALSE);
  else
    mk_list_model_set_sort (self->model, self->source->columns[self->sorted_column].key,
                            order == GTK_ORDERING_LARGER);
  mk_list_view_reload (self);
}

static void
add_columns (MkListView *self)
{
  for (guint i = 0; i < self->source->n_columns; i++)
    {
      const MkListColumn *spec = &self->source->columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "mk-column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), self);

      column = gtk_column_view_column_new (_ (spec->title), factory);
      gtk_column_view_column_set_expand (column, spec->expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (spec->sort_sql != NULL)
        {
          g_autoptr (GtkSorter) sorter = NULL;

          g_object_set_data (G_OBJECT (column), "mk-column", GINT_TO_POINTER ((int) i));
          g_object_set_data (G_OBJECT (column), "mk-list-view", self);
          sorter = GTK_SORTER (gtk_custom_sorter_new (column_sorter_compare, column, NULL));
          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_append_column (self->column_view, column);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, 0);
}

/* Loading ---------------------------------------------------------------- */

static void
update_state (MkListView *self)
{
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean         loading = mk_list_model_get_loading (self->model);
  const GError    *error = mk_list_model_get_error (self->model);
  g_autofree char *count = NULL;
  g_autofree char *number = g_strdup_printf ("%u", n);
  g_autofree char *isolated = mk_text_isolate_ltr (number);

  gtk_spinner_set_spinning (self->spinner, loading);
  /* Translators: how many rows a list shows; %s is the number. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", n), isolated);
  gtk_label_set_text (self->count_label, count);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0 && !loading && error == NULL);
  gtk_widget_set_visible (self->scroller, n > 0 || loading || error != NULL);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
on_reloaded (MkListModel *model,
             MkListView  *self)
{
  update_state (self);
}

static void
on_loading_changed (MkListModel *model,
                    GParamSpec  *pspec,
                    MkListView  *self)
{
  update_state (self);
}

void
mk_list_view_reload (MkListView *self)
{
  g_return_if_fail (MK_IS_LIST_VIEW (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  mk_list_model_reload (self->model);
}

static gboolean
reload_later_cb (gpointer user_data)
{
  MkListView *self = user_data;

  self->reload_source = 0;
  mk_list_view_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_database_changed (MkDatabase *db,
                     const char *table,
                     MkListView *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_later_cb, self);
}

static void
mk_list_view_map (GtkWidget *widget)
{
  MkListView *self = MK_LIST_VIEW (widget);

  /* The rows' widgets come back with the model (see unmap). */
  if (gtk_column_view_get_model (self->column_view) == NULL)
    gtk_column_view_set_model (self->column_view, self->selection);
  GTK_WIDGET_CLASS (mk_list_view_parent_class)->map (widget);
  if (self->dirty)
    mk_list_view_reload (self);
}

/* A list out of sight lets go of its rows' widgets (a column view keeps a
 * few hundred, thousands of cells): with every page opened the window then
 * holds the cells of the one list shown. Its model, filters and sort stay. */
static void
mk_list_view_unmap (GtkWidget *widget)
{
  MkListView *self = MK_LIST_VIEW (widget);

  GTK_WIDGET_CLASS (mk_list_view_parent_class)->unmap (widget);
  gtk_column_view_set_model (self->column_view, NULL);
}

/* Filters ---------------------------------------------------------------- */

static void
show_filter_error (MkListView   *self,
                   GtkWidget    *field,
                   const GError *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (field != NULL)
    gtk_widget_add_css_class (field, "error");
}

static void
clear_filter_errors (MkListView *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->item_entry), GTK_WIDGET (self->from_entry),
                          GTK_WIDGET (self->to_entry), GTK_WIDGET (self->as_of_entry),
                          GTK_WIDGET (self->grant_entry) };

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (fields[i], "error");
}

/* Reads the filter bar into the model; FALSE (and the error shown beside
 * the bar) when a value is refused. */
static gboolean
read_filter_bar (MkListView *self)
{
  const struct
  {
    const char *key;
    GtkWidget  *widget;
    const char *text;
  } fields[] = {
    { "text", GTK_WIDGET (self->search_entry), gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) },
    { "item", GTK_WIDGET (self->item_entry), gtk_editable_get_text (GTK_EDITABLE (self->item_entry)) },
    { "from", GTK_WIDGET (self->from_entry), gtk_editable_get_text (GTK_EDITABLE (self->from_entry)) },
    { "to", GTK_WIDGET (self->to_entry), gtk_editable_get_text (GTK_EDITABLE (self->to_entry)) },
    { "as-of", GTK_WIDGET (self->as_of_entry), gtk_editable_get_text (GTK_EDITABLE (self->as_of_entry)) },
    { "grant", GTK_WIDGET (self->grant_entry), gtk_editable_get_text (GTK_EDITABLE (self->grant_entry)) },
  };
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  clear_filter_errors (self);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr (GError) error = NULL;

      if (!gtk_widget_get_visible (fields[i].widget))
        continue;
      if (!mk_list_model_set_filter (self->model, fields[i].key, fields[i].text, &error))
        {
          show_filter_error (self, fields[i].widget, error);
          return FALSE;
        }
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->status_dropdown)) && status < G_N_ELEMENTS (statuses))
    mk_list_model_set_filter (self->model, "status", statuses[status].code, NULL);
  return TRUE;
}

static void
on_search_changed (MkListView *self)
{
  if (read_filter_bar (self))
    mk_list_view_reload (self);
}

static void
on_filter_entry_activate (MkListView *self)
{
  if (read_filter_bar (self))
    mk_list_view_reload (self);
}

static void
on_status_selected (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    MkListView  *self)
{
  if (read_filter_bar (self))
    mk_list_view_reload (self);
}

void
mk_list_view_set_fixed_filter (MkListView *self,
                               const char *key,
                               const char *value)
{
  g_return_if_fail (MK_IS_LIST_VIEW (self));

  if (value != NULL)
    g_hash_table_replace (self->fixed_filters, g_strdup (key), g_strdup (value));
  else
    g_hash_table_remove (self->fixed_filters, key);
  if (!mk_list_model_set_filter (self->model, key, value, NULL))
    g_debug ("The list %s has no filter %s", self->source->name, key);
  mk_list_view_reload (self);
}

void
mk_list_view_set_warehouse (MkListView *self,
                            const char *warehouse_code)
{
  g_return_if_fail (MK_IS_LIST_VIEW (self));

  if (g_strcmp0 (self->warehouse, warehouse_code) == 0)
    return;
  g_free (self->warehouse);
  self->warehouse = g_strdup (warehouse_code);
  if (mk_list_source_has_filter (self->source, "warehouse"))
    {
      mk_list_model_set_filter (self->model, "warehouse", warehouse_code, NULL);
      mk_list_view_reload (self);
    }
}

gboolean
mk_list_view_apply_filters (MkListView *self,
                            GHashTable *filters,
                            GError    **error)
{
  GHashTableIter iter;
  gpointer       key, value;
  const char    *status;

  g_return_val_if_fail (MK_IS_LIST_VIEW (self), FALSE);

  /* A link replaces what the user had typed. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->item_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->grant_entry), "");
  mk_list_model_clear_filters (self->model);
  g_hash_table_iter_init (&iter, self->fixed_filters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mk_list_model_set_filter (self->model, key, value, NULL);
  if (self->warehouse != NULL && mk_list_source_has_filter (self->source, "warehouse"))
    mk_list_model_set_filter (self->model, "warehouse", self->warehouse, NULL);

  g_hash_table_iter_init (&iter, filters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!mk_list_model_set_filter (self->model, key, value, error))
        return FALSE;
    }

  /* The filter bar shows what it can, so that the user sees why the list
   * is short and can undo it. */
  if (g_hash_table_contains (filters, "text"))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), g_hash_table_lookup (filters, "text"));
  if (g_hash_table_contains (filters, "item"))
    gtk_editable_set_text (GTK_EDITABLE (self->item_entry), g_hash_table_lookup (filters, "item"));
  if (g_hash_table_contains (filters, "from"))
    gtk_editable_set_text (GTK_EDITABLE (self->from_entry), mk_list_model_get_filter (self->model, "from"));
  if (g_hash_table_contains (filters, "to"))
    gtk_editable_set_text (GTK_EDITABLE (self->to_entry), mk_list_model_get_filter (self->model, "to"));
  if (g_hash_table_contains (filters, "as-of"))
    gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), mk_list_model_get_filter (self->model, "as-of"));
  if (g_hash_table_contains (filters, "grant"))
    gtk_editable_set_text (GTK_EDITABLE (self->grant_entry), g_hash_table_lookup (filters, "grant"));
  status = g_hash_table_lookup (filters, "status");
  g_signal_handlers_block_by_func (self->status_dropdown, on_status_selected, self);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (statuses[i].code, status))
      gtk_drop_down_set_selected (self->status_dropdown, i);
  g_signal_handlers_unblock_by_func (self->status_dropdown, on_status_selected, self);

  clear_filter_errors (self);
  mk_list_view_reload (self);
  return TRUE;
}

/* Activation ------------------------------------------------------------- */

static void
on_activate (MkListView *self,
             guint       position)
{
  g_autoptr (MkListRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (row == NULL)
    return;

  switch (self->source->opens)
    {
    case MK_LIST_OPENS_DOCUMENT:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-document", "x",
                                  mk_list_row_get_id (row));
      break;
    case MK_LIST_OPENS_RECORD:
      {
        g_autofree char *target = g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                                                   self->source->record_kind,
                                                   mk_list_row_get_id (row));

        gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", target);
      }
      break;
    case MK_LIST_OPENS_STOCK_CARD:
      {
        const MkListColumn *warehouse = mk_list_source_find_column (self->source, "warehouse");
        const MkListColumn *item = mk_list_source_find_column (self->source, "item");
        g_autofree char    *target = NULL;
        g_autofree char    *warehouse_code = NULL;
        g_autofree char    *item_code = NULL;

        if (warehouse == NULL || item == NULL)
          return;
        warehouse_code = g_uri_escape_string (
            mk_list_row_get_raw (row, (guint) (warehouse - self->source->columns)), NULL, FALSE);
        item_code = g_uri_escape_string (
            mk_list_row_get_raw (row, (guint) (item - self->source->columns)), NULL, FALSE);
        target = g_strdup_printf ("stock-card?warehouse=%s&item=%s", warehouse_code, item_code);
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-list", "s", target);
      }
      break;
    case MK_LIST_OPENS_NOTHING:
    default:
      break;
    }
}

/* Life ------------------------------------------------------------------- */

/* In GTK 4 an entry's direction does not reach the text inside it. */
static void
set_left_to_right (GtkWidget *widget)
{
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_LTR);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    set_left_to_right (child);
}

static void
set_up_filter_bar (MkListView *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  gboolean has_dates = mk_list_source_has_filter (self->source, "from");

  gtk_widget_set_visible (GTK_WIDGET (self->search_entry),
                          mk_list_source_has_filter (self->source, "text"));
  /* The stock card needs its item; the stock list finds items by text. */
  gtk_widget_set_visible (GTK_WIDGET (self->item_entry),
                          g_str_equal (self->source->name, "stock-card"));
  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), has_dates);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), has_dates);
  gtk_widget_set_visible (GTK_WIDGET (self->as_of_entry), mk_list_source_has_filter (self->source, "as-of"));
  gtk_widget_set_visible (GTK_WIDGET (self->grant_entry),
                          mk_list_source_has_filter (self->source, "grant"));

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (labels, _ (statuses[i].label));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (labels));
  gtk_widget_set_visible (GTK_WIDGET (self->status_dropdown),
                          mk_list_source_has_filter (self->source, "status"));
  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (on_status_selected), self, 0);

  /* Codes and dates are typed left to right in either language. */
  set_left_to_right (GTK_WIDGET (self->item_entry));
  set_left_to_right (GTK_WIDGET (self->from_entry));
  set_left_to_right (GTK_WIDGET (self->to_entry));
  set_left_to_right (GTK_WIDGET (self->as_of_entry));
  set_left_to_right (GTK_WIDGET (self->grant_entry));
}

GtkWidget *
mk_list_view_new (MkDatabase         *db,
                  const MkListSource *source)
{
  MkListView *self;
  g_autoptr (GtkNoSelection) selection = NULL;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  self = g_object_new (MK_TYPE_LIST_VIEW, NULL);
  self->database = g_object_ref (db);
  self->source = source;
  self->model = mk_list_model_new (db, source);
  self->dirty = TRUE;

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  self->selection = GTK_SELECTION_MODEL (g_object_ref (selection));
  gtk_column_view_set_model (self->column_view, self->selection);
  add_columns (self);
  set_up_filter_bar (self);

  g_signal_connect_object (self->model, "reloaded", G_CALLBACK (on_reloaded), self, 0);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (on_loading_changed), self, 0);
  g_signal_connect_object (db, "changed", G_CALLBACK (on_database_changed), self, 0);
  update_state (self);
  return GTK_WIDGET (self);
}

MkListModel *
mk_list_view_get_model (MkListView *self)
{
  g_return_val_if_fail (MK_IS_LIST_VIEW (self), NULL);
  return self->model;
}

GtkColumnView *
mk_list_view_get_column_view (MkListView *self)
{
  g_return_val_if_fail (MK_IS_LIST_VIEW (self), NULL);
  return self->column_view;
}

static void
mk_list_view_dispose (GObject *object)
{
  MkListView *self = MK_LIST_VIEW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_LIST_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (mk_list_view_parent_class)->dispose (object);
}

static void
mk_list_view_finalize (GObject *object)
{
  MkListView *self = MK_LIST_VIEW (object);

  g_hash_table_unref (self->fixed_filters);
  g_free (self->warehouse);
  G_OBJECT_CLASS (mk_list_view_parent_class)->finalize (object);
}

static void
mk_list_view_class_init (MkListViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_list_view_dispose;
  object_class->finalize = mk_list_view_finalize;
  widget_class->map = mk_list_view_map;
  widget_class->unmap = mk_list_view_unmap;

  /* The resource registers itself only if the linker keeps its object file. */
  (void) mk_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/makhzan/Makhzan/mk-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MkListView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, MkListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MkListView, item_entry);
  gtk_widget_class_bind_template_child (widget_class, MkListView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, MkListView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, MkListView, as_of_entry);
  gtk_widget_class_bind_template_child (widget_class, MkListView, grant_entry);
  gtk_widget_class_bind_template_child (widget_class, MkListView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkListView, spinner);
  gtk_widget_class_bind_template_child (widget_class, MkListView, count_label);
  gtk_widget_class_bind_template_child (widget_class, MkListView, error_label);
  gtk_widget_class_bind_template_child (widget_class, MkListView, scroller);
  gtk_widget_class_bind_template_child (widget_class, MkListView, column_view);
  gtk_widget_class_bind_template_child (widget_class, MkListView, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mk-list-view");
}

static void
mk_list_view_init (MkListView *self)
{
  self->fixed_filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sorted_column = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}
