/* mk-window-pages.c: the sidebar's pages, links to lists, the warehouse filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-dashboard-page.h"
#include "mk-kind.h"
#include "mk-list-page.h"
#include "mk-master-data.h"
#include "mk-record.h"
#include "mk-reports-page.h"
#include "mk-text.h"
#include "mk-window-private.h"

/* A list on a page: its source, and the kinds of document it keeps to. */
typedef struct
{
  const char *name;   /* the list's name in links: "stock-card" */
  const char *source; /* an MkListSource */
  const char *title;  /* N_(); NULL: the source's title */
  const char *kinds;  /* the fixed "kinds" filter of a document list */
} PageList;

/* A button in the page's header. */
typedef struct
{
  const char *label; /* N_(), with a mnemonic */
  const char *action;
  const char *target;
} PageButton;

typedef struct
{
  const char *name;
  const char *title; /* N_() */
  PageList    lists[3];
  PageButton  buttons[3];
} PageSpec;

/* The sidebar, in the order of a day's work (DESIGN.md). The dashboard and
 * the reports are pages of their own; every other page shows lists. */
static const PageSpec page_specs[] = {
  { "dashboard", N_ ("Dashboard"), { { NULL } }, { { NULL } } },
  { "stock",
    N_ ("Stock"),
    { { "stock", "stock", NULL, NULL },
      { "stock-as-of", "stock-as-of", NULL, NULL },
      { "stock-card", "stock-card", NULL, NULL } },
    { { NULL } } },
  { "receipts",
    N_ ("Receipts"),
    { { "documents", "documents", NULL, "GRN,RCV" } },
    { { N_ ("_New Goods Received Note"), "win.new-document", "GRN" } } },
  { "waybills",
    N_ ("Waybills"),
    { { "documents", "documents", NULL, "WB" } },
    { { N_ ("_New Waybill"), "win.new-document", "WB" } } },
  { "distributions",
    N_ ("Distributions"),
    { { "documents", "documents", NULL, "DIS" } },
    { { N_ ("_New Distribution"), "win.new-document", "DIS" } } },
  { "services",
    N_ ("Services"),
    { { "documents", "documents", NULL, "SRV" } },
    { { N_ ("_New Service Delivery"), "win.new-document", "SRV" } } },
  { "kitting",
    N_ ("Kitting"),
    { { "documents", "documents", NULL, "KIT,DKT" } },
    { { N_ ("New _Kitting"), "win.new-document", "KIT" },
      { N_ ("New _Dekitting"), "win.new-document", "DKT" } } },
  { "counts",
    N_ ("Counts and Losses"),
    { { "documents", "documents", NULL, "CNT,ADJ,CAN" } },
    { { N_ ("New _Count"), "win.new-document", "CNT" },
      { N_ ("New _Adjustment or Loss"), "win.new-document", "ADJ" } } },
  { "households",
    N_ ("Households"),
    { { "households", "households", NULL, NULL } },
    { { N_ ("_New Household"), "win.open-record", "household:0" } } },
  { "catalogue",
    N_ ("Catalogue"),
    { { "items", "items", NULL, NULL } },
    { { N_ ("_New Item or Kit"), "win.open-record", "item:0" } } },
  { "places",
    N_ ("Places"),
    { { "sites", "sites", NULL, NULL },
      { "warehouses", "warehouses", NULL, NULL },
      { "baladiyas", "baladiyas", NULL, NULL } },
    { { N_ ("New _Site"), "win.open-record", "site:0" },
      { N_ ("New _Warehouse"), "win.open-record", "warehouse:0" } } },
  { "funding",
    N_ ("Funding"),
    { { "grants", "grants", NULL, NULL },
      { "donors", "donors", NULL, NULL },
      { "partners", "partners", NULL, NULL } },
    { { N_ ("New _Grant"), "win.open-record", "grant:0" },
      { N_ ("New _Donor"), "win.open-record", "donor:0" },
      { N_ ("New _Partner"), "win.open-record", "partner:0" } } },
  { "reports", N_ ("Reports"), { { NULL } }, { { NULL } } },
};

static GtkWidget *
build_page (MkWindow       *self,
            const PageSpec *spec)
{
  GtkWidget *page;

  if (g_str_equal (spec->name, "dashboard"))
    {
      page = mk_dashboard_page_new ();
      mk_dashboard_page_set_database (MK_DASHBOARD_PAGE (page), self->database);
      return page;
    }
  if (g_str_equal (spec->name, "reports"))
    {
      page = mk_reports_page_new ();
      mk_reports_page_set_database (MK_REPORTS_PAGE (page), self->database);
      return page;
    }

  page = mk_list_page_new (_ (spec->title));
  for (guint i = 0; i < G_N_ELEMENTS (spec->lists) && spec->lists[i].name != NULL; i++)
    {
      const PageList     *list = &spec->lists[i];
      const MkListSource *source = mk_list_source_lookup (list->source);

      g_assert (source != NULL);
      mk_list_page_add_list (MK_LIST_PAGE (page), self->database, source, list->name,
                             list->title != NULL ? _ (list->title) : _ (source->title),
                             list->kinds != NULL ? "kinds" : NULL, list->kinds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (spec->buttons) && spec->buttons[i].label != NULL; i++)
    mk_list_page_add_button (MK_LIST_PAGE (page), _ (spec->buttons[i].label),
                             spec->buttons[i].action, spec->buttons[i].target);
  return page;
}

static void apply_warehouse (MkWindow *self);

/* A page is built when it is first shown: the window's first frame then
 * costs one page, not thirteen, and a list that is never looked at never
 * reads the database. The sidebar lists every page from the start. */
static GtkWidget *
ensure_page (MkWindow   *self,
             const char *name)
{
  GtkWidget *slot = gtk_stack_get_child_by_name (self->pages, name);
  GtkWidget *page;

  if (slot == NULL)
    return NULL;
  page = gtk_widget_get_first_child (slot);
  if (page != NULL)
    return page;

  for (guint i = 0; i < G_N_ELEMENTS (page_specs); i++)
    if (g_str_equal (page_specs[i].name, name))
      {
        page = build_page (self, &page_specs[i]);
        gtk_widget_set_hexpand (page, TRUE);
        gtk_widget_set_vexpand (page, TRUE);
        gtk_box_append (GTK_BOX (slot), page);
        apply_warehouse (self);
        return page;
      }
  return NULL;
}

static void
on_visible_page_changed (GtkStack   *pages,
                         GParamSpec *pspec,
                         MkWindow   *self)
{
  GSettings  *settings = _mk_window_get_settings (self);
  const char *name = gtk_stack_get_visible_child_name (pages);

  if (name != NULL)
    ensure_page (self, name);
  if (settings != NULL && name != NULL && self->database != NULL)
    g_settings_set_string (settings, "last-page", name);
  _mk_window_update_actions (self);
}

void
_mk_window_build_pages (MkWindow *self)
{
  GSettings       *settings = _mk_window_get_settings (self);
  g_autofree char *last = settings != NULL ? g_settings_get_string (settings, "last-page") : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (page_specs); i++)
    gtk_stack_add_titled (self->pages, gtk_box_new (GTK_ORIENTATION_VERTICAL, 0), page_specs[i].name,
                          _ (page_specs[i].title));

  if (last == NULL || gtk_stack_get_child_by_name (self->pages, last) == NULL)
    {
      g_free (last);
      last = g_strdup ("dashboard");
    }
  ensure_page (self, last);
  gtk_stack_set_visible_child_name (self->pages, last);
  gtk_stack_sidebar_set_stack (self->sidebar, self->pages);
  g_signal_connect_object (self->pages, "notify::visible-child", G_CALLBACK (on_visible_page_changed),
                           self, 0);
}

void
_mk_window_clear_pages (MkWindow *self)
{
  GtkWidget *child;

  g_signal_handlers_disconnect_by_func (self->pages, on_visible_page_changed, self);
  /* GTK 4.8's sidebar trips over pages removed under it: it lets go of
   * the stack first and takes it again when the pages are rebuilt. */
  gtk_stack_sidebar_set_stack (self->sidebar, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages))) != NULL)
    gtk_stack_remove (self->pages, child);
}

void
_mk_window_show_page (MkWindow   *self,
                      const char *name)
{
  if (ensure_page (self, name) == NULL)
    {
      g_debug ("No page named %s", name);
      return;
    }
  gtk_stack_set_visible_child_name (self->pages, name);
}

const char *
_mk_window_get_page_new_kind (MkWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->pages);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (page_specs); i++)
    if (g_str_equal (page_specs[i].name, name) && page_specs[i].buttons[0].label != NULL)
      return page_specs[i].buttons[0].target;
  return NULL;
}

/* Links ------------------------------------------------------------------ */

/* "stock?expiring-months=3&warehouse=BEN-MAIN" → "stock" and the filters. */
static char *
parse_link (const char *link,
            GHashTable *filters)
{
  const char *query = strchr (link, '?');
  g_auto (GStrv) pairs = NULL;

  if (query == NULL)
    return g_strdup (link);

  pairs = g_strsplit (query + 1, "&", 0);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strchr (pairs[i], '=');

      if (equals == NULL)
        continue;
      *equals = '\0';
      g_hash_table_insert (filters, g_uri_unescape_string (pairs[i], NULL),
                           g_uri_unescape_string (equals + 1, NULL));
    }
  return g_strndup (link, (gsize) (query - link));
}

/* A list's name in a link may name the page ("waybills") or the list
 * ("stock-card", "warehouses"). */
static gboolean
find_list (const char  *name,
           const char **page_name,
           const char **list_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_specs); i++)
    {
      if (g_str_equal (page_specs[i].name, name))
        {
          *page_name = page_specs[i].name;
          *list_name = page_specs[i].lists[0].name;
          return TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (page_specs); i++)
    for (guint j = 0; j < G_N_ELEMENTS (page_specs[i].lists) && page_specs[i].lists[j].name != NULL; j++)
      if (g_str_equal (page_specs[i].lists[j].name, name))
        {
          *page_name = page_specs[i].name;
          *list_name = page_specs[i].lists[j].name;
          return TRUE;
        }
  return FALSE;
}

static void select_warehouse (MkWindow   *self,
                              const char *code);

void
_mk_window_show_list (MkWindow   *self,
                      const char *link)
{
  g_autoptr (GHashTable) filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *name = parse_link (link, filters);
  const char      *page_name = NULL;
  const char      *list_name = NULL;
  const char      *warehouse;
  GtkWidget       *page;
  MkListView      *view;
  g_autoptr (GError) error = NULL;

  /* The stock of a past month-end is a list of its own. */
  if (g_str_equal (name, "stock") && g_hash_table_contains (filters, "as-of"))
    {
      g_free (name);
      name = g_strdup ("stock-as-of");
    }
  if (!find_list (name, &page_name, &list_name))
    {
      g_debug ("No list named %s", name);
      return;
    }
  _mk_window_show_page (self, page_name);
  page = ensure_page (self, page_name);
  if (!MK_IS_LIST_PAGE (page))
    return;

  /* The stock card's warehouse is its own; another list's warehouse is the
   * header bar's filter, so that every page agrees. */
  warehouse = g_hash_table_lookup (filters, "warehouse");
  if (warehouse != NULL && !g_str_equal (list_name, "stock-card"))
    {
      select_warehouse (self, warehouse);
      g_hash_table_remove (filters, "warehouse");
    }

  view = mk_list_page_show_list (MK_LIST_PAGE (page), list_name);
  if (view != NULL && !mk_list_view_apply_filters (view, filters, &error))
    g_warning ("A link to %s has a bad filter: %s", link, error->message);
}

/* The warehouse filter --------------------------------------------------- */

static void
apply_warehouse (MkWindow *self)
{
  guint  selected = gtk_drop_down_get_selected (self->warehouse_dropdown);
  gint64 id = 0;

  g_clear_pointer (&self->warehouse, g_free);
  if (self->warehouse_codes != NULL && selected > 0 && selected < self->warehouse_codes->len)
    {
      MkRecord *record = g_ptr_array_index (self->warehouse_codes, selected);

      self->warehouse = g_strdup (mk_record_get_code (record));
      id = mk_record_get_id (record);
    }

  for (GtkWidget *slot = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); slot != NULL;
       slot = gtk_widget_get_next_sibling (slot))
    {
      GtkWidget *page = gtk_widget_get_first_child (slot);

      if (page == NULL)
        continue;
      if (MK_IS_LIST_PAGE (page))
        mk_list_page_set_warehouse (MK_LIST_PAGE (page), self->warehouse);
      else if (MK_IS_DASHBOARD_PAGE (page))
        mk_dashboard_page_set_warehouse_id (MK_DASHBOARD_PAGE (page), id);
    }
}

static void
on_warehouse_selected (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       MkWindow    *self)
{
  apply_warehouse (self);
}

static void
select_warehouse (MkWindow   *self,
                  const char *code)
{
  for (guint i = 1; self->warehouse_codes != NULL && i < self->warehouse_codes->len; i++)
    if (g_ascii_strcasecmp (mk_record_get_code (g_ptr_array_index (self->warehouse_codes, i)), code) == 0)
      {
        gtk_drop_down_set_selected (self->warehouse_dropdown, i);
        return;
      }
}

static void
unref_record (gpointer record)
{
  if (record != NULL)
    g_object_unref (record);
}

void
_mk_window_fill_warehouses (MkWindow *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *previous = g_strdup (self->warehouse);

  g_signal_handlers_disconnect_by_func (self->warehouse_dropdown, on_warehouse_selected, self);
  g_clear_pointer (&self->warehouse_codes, g_ptr_array_unref);

  records = mk_master_data_list (self->database, mk_kind_lookup ("warehouse"), NULL, &error);
  if (records == NULL)
    {
      g_warning ("The warehouses cannot be listed: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->warehouse_dropdown), FALSE);
      return;
    }

  /* Row 0, "All Warehouses", has no record. */
  self->warehouse_codes = g_ptr_array_new_with_free_func (unref_record);
  g_ptr_array_add (self->warehouse_codes, NULL);
  /* Translators: the first choice of the header bar's warehouse filter. */
  gtk_string_list_append (labels, _ ("All Warehouses"));
  for (guint i = 0; i < records->len; i++)
    {
      MkRecord        *record = g_ptr_array_index (records, i);
      g_autofree char *code = mk_text_isolate_ltr (mk_record_get_code (record));
      g_autofree char *name = mk_text_isolate (mk_record_get_display_name (record));
      /* Translators: a warehouse in the header bar's filter: its code, then its name. */
      g_autofree char *label = g_strdup_printf (_ ("%1$s — %2$s"), code, name);

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->warehouse_codes, g_object_ref (record));
    }

  gtk_drop_down_set_model (self->warehouse_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->warehouse_dropdown, 0);
  if (previous != NULL)
    select_warehouse (self, previous);
  gtk_widget_set_visible (GTK_WIDGET (self->warehouse_dropdown), TRUE);
  g_signal_connect (self->warehouse_dropdown, "notify::selected", G_CALLBACK (on_warehouse_selected), self);
  apply_warehouse (self);
}
