/* mk-window-search.c: the global search in the header bar.
 *
 * Items, documents by number, households by code and sites, each a list
 * model with a text filter, so that the search runs in threads of their
 * own and never holds up typing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-list-model.h"
#include "mk-text.h"
#include "mk-window-private.h"

/* Typing pauses this long before the search runs. */
#define SEARCH_DELAY_MS 200
/* Results shown per kind: the search narrows as one types. */
#define RESULTS_PER_KIND 6

static const struct
{
  const char *source;
  const char *heading; /* N_() */
  const char *code_column;
  const char *name_column; /* NULL: none */
} search_kinds[] = {
  /* Translators: headings of the global search's results. */
  { "items", N_ ("Items"), "code", "name" },
  { "documents", N_ ("Documents"), "number", "kind" },
  { "households", N_ ("Households"), "code", "site" },
  { "sites", N_ ("Sites"), "code", "name" },
};

static guint
column_of (const MkListSource *source,
           const char         *key)
{
  const MkListColumn *column = mk_list_source_find_column (source, key);

  return (guint) (column - source->columns);
}

static GtkWidget *
result_row (MkListModel *model,
            MkListRow   *row,
            guint        kind)
{
  const MkListSource *source = mk_list_model_get_source (model);
  const char         *code = mk_list_row_get_text (row, column_of (source, search_kinds[kind].code_column));
  const char         *name = mk_list_row_get_text (row, column_of (source, search_kinds[kind].name_column));
  g_autofree char    *isolated_code = mk_text_isolate_ltr (code != NULL ? code : _ ("Draft"));
  g_autofree char    *isolated_name = mk_text_isolate (name != NULL ? name : "");
  /* Translators: a result of the global search: a code, then a name. */
  g_autofree char *text = g_strdup_printf (_ ("%1$s — %2$s"), isolated_code, isolated_name);
  GtkWidget       *label = gtk_label_new (text);
  GtkWidget       *list_row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), label);

  if (source->opens == MK_LIST_OPENS_DOCUMENT)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (list_row), "win.open-document");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (list_row), "x", mk_list_row_get_id (row));
    }
  else
    {
      g_autofree char *target = g_strdup_printf ("%s:%" G_GINT64_FORMAT, source->record_kind,
                                                 mk_list_row_get_id (row));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (list_row), "win.open-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (list_row), "s", target);
    }
  return list_row;
}

static void
show_results (MkWindow *self)
{
  GtkWidget *child;
  guint      n_results = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_results))) != NULL)
    gtk_list_box_remove (self->search_results, child);

  for (guint k = 0; self->search_models != NULL && k < self->search_models->len; k++)
    {
      MkListModel *model = g_ptr_array_index (self->search_models, k);
      guint        n = MIN (g_list_model_get_n_items (G_LIST_MODEL (model)), RESULTS_PER_KIND);
      GtkWidget   *heading;

      if (n == 0)
        continue;
      heading = gtk_label_new (_ (search_kinds[k].heading));
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_start (heading, 6);
      gtk_widget_set_margin_top (heading, 6);
      gtk_list_box_append (self->search_results, heading);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (heading)), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (heading)), FALSE);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (MkListRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

          gtk_list_box_append (self->search_results, result_row (model, row, k));
          n_results++;
        }
    }

  if (n_results == 0)
    {
      GtkWidget *none = gtk_label_new (_ ("Nothing found"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_list_box_append (self->search_results, none);
    }
  g_debug ("%u search results", n_results);
  gtk_popover_popup (self->search_popover);
}

static void
on_search_reloaded (MkListModel *model,
                    MkWindow    *self)
{
  show_results (self);
}

static void
ensure_models (MkWindow *self)
{
  if (self->search_models != NULL && self->search_models->len > 0 &&
      mk_list_model_get_database (g_ptr_array_index (self->search_models, 0)) == self->database)
    return;

  g_clear_pointer (&self->search_models, g_ptr_array_unref);
  self->search_models = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint k = 0; k < G_N_ELEMENTS (search_kinds); k++)
    {
      MkListModel *model = mk_list_model_new (self->database, mk_list_source_lookup (search_kinds[k].source));

      g_signal_connect_object (model, "reloaded", G_CALLBACK (on_search_reloaded), self, 0);
      g_ptr_array_add (self->search_models, model);
    }
}

static gboolean
run_search (gpointer user_data)
{
  MkWindow   *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  self->search_source = 0;
  g_debug ("Searching for “%s”", text);
  if (self->database == NULL || *text == '\0')
    {
      gtk_popover_popdown (self->search_popover);
      return G_SOURCE_REMOVE;
    }

  ensure_models (self);
  for (guint k = 0; k < self->search_models->len; k++)
    {
      MkListModel *model = g_ptr_array_index (self->search_models, k);

      mk_list_model_set_filter (model, "text", text, NULL);
      mk_list_model_reload (model);
    }
  return G_SOURCE_REMOVE;
}

static void
on_search_changed (MkWindow *self)
{
  g_clear_handle_id (&self->search_source, g_source_remove);
  self->search_source = g_timeout_add (SEARCH_DELAY_MS, run_search, self);
}

/* Enter opens the first result. */
static void
on_search_activate (MkWindow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->search_results)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)) &&
          gtk_actionable_get_action_name (GTK_ACTIONABLE (row)) != NULL)
        {
          g_signal_emit_by_name (row, "activate");
          break;
        }
    }
}

static void
on_search_stop (MkWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_popover_popdown (self->search_popover);
}

static void
on_search_result_activated (MkWindow      *self,
                            GtkListBoxRow *row)
{
  gtk_popover_popdown (self->search_popover);
}

void
_mk_window_search_dispose (MkWindow *self)
{
  g_clear_handle_id (&self->search_source, g_source_remove);
  g_clear_pointer (&self->search_models, g_ptr_array_unref);
  if (self->search_popover != NULL && gtk_widget_get_parent (GTK_WIDGET (self->search_popover)) != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->search_popover));
}

void
_mk_window_class_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_result_activated);
}

void
_mk_window_init_search (MkWindow *self)
{
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_search_stop), self);
}
