/* test-window.c: the main window on a real database, under Xvfb.
 *
 * Run twice by meson: in English, and with LANGUAGE=ar for right to left.
 * Every page is shown and saved as a screenshot (page-NAME-LANG.png).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-test-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "makhzan-core.h"
#include "mk-application.h"
#include "mk-list-page.h"
#include "mk-test-ledger.h"
#include "mk-ui-test.h"
#include "mk-window.h"

typedef struct
{
  MkFixture      ledger; /* a database in a directory of its own */
  MkApplication *app;
  MkWindow      *window;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  mk_ledger_fixture_set_up (&f->ledger, data);
  f->app = mk_application_new ();
  /* One process per test run, no D-Bus name to own. */
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  f->window = mk_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  MkWindow *window = f->window;

  /* The window goes, and every list model and connection it held. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (f->window != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (f->app);
  mk_ledger_fixture_tear_down (&f->ledger, data);
}

static GtkStack *
main_stack (Fixture *f)
{
  return GTK_STACK (gtk_window_get_child (GTK_WINDOW (f->window)));
}

static GtkStack *
pages (Fixture *f)
{
  GtkWidget *sidebar = mk_ui_test_find (GTK_WIDGET (f->window), mk_ui_test_is_of_type,
                                        GSIZE_TO_POINTER (GTK_TYPE_STACK_SIDEBAR));

  g_assert_nonnull (sidebar);
  return gtk_stack_sidebar_get_stack (GTK_STACK_SIDEBAR (sidebar));
}

static gboolean
list_loaded (gpointer data)
{
  MkListView *view = data;

  return gtk_widget_get_mapped (GTK_WIDGET (view)) && !mk_list_model_get_loading (mk_list_view_get_model (view));
}

/* The list the page shows, once its rows are read. */
static MkListView *
visible_list (Fixture *f)
{
  /* Each page sits in a slot of the stack, built when first shown. */
  GtkWidget  *page = gtk_widget_get_first_child (gtk_stack_get_visible_child (pages (f)));
  MkListView *view;

  if (!MK_IS_LIST_PAGE (page))
    return NULL;
  view = mk_list_page_get_visible_list (MK_LIST_PAGE (page));
  mk_ui_test_wait_for_frames (GTK_WIDGET (f->window), 1);
  mk_ui_test_wait_for (list_loaded, view);
  mk_ui_test_wait_for_frames (GTK_WIDGET (f->window), 2);
  return view;
}

static guint
n_rows (MkListView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (mk_list_view_get_model (view)));
}

static void
post_waybill (Fixture    *f,
              const char *date,
              const char *item,
              gint64      quantity)
{
  g_autoptr (MkDocument) waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", date, "warehouse", "BEN-MAIN",
                                                         "to_warehouse", "BEN-FIELD", "expected_date", date, NULL);

  mk_test_add_line (waybill, item, quantity, "grant", "ECHO-2026", NULL);
  mk_test_post (&f->ledger, waybill);
}

/* A mission with a little of everything the pages show. */
static void
add_history (Fixture *f)
{
  g_autoptr (MkDocument) soap = NULL;
  g_autoptr (MkDocument) paste = NULL;
  g_autoptr (MkDocument) blankets = NULL;

  soap = mk_test_receive (&f->ledger, "2026-01-10", "BEN-MAIN", "SOAP", 1200, NULL, NULL, "ECHO-2026");
  paste = mk_test_receive (&f->ledger, "2026-01-11", "BEN-MAIN", "TOOTHPASTE", 300, "TP-01", "2026-12-31", NULL);
  blankets = mk_test_receive (&f->ledger, "2026-02-01", "BEN-FIELD", "BLANKET", 80, NULL, NULL, "BHA-2026");
  post_waybill (f, "2026-02-20", "SOAP", 200);
}

static gboolean
is_button_for (GtkWidget    *widget,
               gconstpointer action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static const char *const welcome_actions[] = { "win.new-database", "win.open", "win.demo" };

static void
test_welcome (Fixture      *f,
              gconstpointer data)
{
  mk_ui_test_show (GTK_WINDOW (f->window));
  g_assert_null (mk_window_get_database (f->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (f)), ==, "welcome");
  /* The three ways in. */
  g_assert_nonnull (mk_ui_test_find (GTK_WIDGET (f->window), mk_ui_test_is_label_containing,
                                     _ ("Welcome to Makhzan")));
  for (guint i = 0; i < G_N_ELEMENTS (welcome_actions); i++)
    {
      GtkWidget *button = mk_ui_test_find (GTK_WIDGET (main_stack (f)), is_button_for, welcome_actions[i]);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_is_sensitive (button));
    }
  mk_ui_test_screenshot (GTK_WIDGET (f->window), "welcome");
  mk_ui_test_assert_translated (GTK_WIDGET (f->window));
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (f->window));
}

static void
test_not_a_database (Fixture      *f,
                     gconstpointer data)
{
  g_autofree char *text_path = g_build_filename (f->ledger.dir, "notes.makhzan", NULL);
  g_autofree char *newer_path = g_build_filename (f->ledger.dir, "newer.makhzan", NULL);
  g_autofree char *missing_path = g_build_filename (f->ledger.dir, "no-such-folder", "office.makhzan", NULL);
  const char      *paths[] = { text_path, newer_path, missing_path };
  g_autoptr (GError) error = NULL;

  g_file_set_contents (text_path, "Blankets: 500\nSoap: 2000\n", -1, &error);
  g_assert_no_error (error);
  {
    /* A database from a newer Makhzan: a schema version beyond this one. */
    g_autoptr (MkDatabase) newer = mk_database_create (newer_path, "BEN", 2, "Benghazi", "بنغازي", &error);
    g_autofree char *command = NULL;

    g_assert_no_error (error);
    g_clear_object (&newer);
    command = g_strdup_printf ("sqlite3 '%s' 'PRAGMA user_version = 999'", newer_path);
    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  mk_ui_test_show (GTK_WINDOW (f->window));

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr (MkDatabase) db = NULL;
      g_autoptr (GError) open_error = NULL;

      /* The window shows the core's own message, and stays up. */
      db = mk_database_open (paths[i], &open_error);
      g_assert_null (db);
      g_assert_nonnull (open_error);

      mk_window_open (f->window, file);
      mk_ui_test_wait_for_frames (GTK_WIDGET (f->window), 1);
      g_assert_null (mk_window_get_database (f->window));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (f)), ==, "welcome");
      g_assert_nonnull (mk_ui_test_find (GTK_WIDGET (main_stack (f)), mk_ui_test_is_label_containing,
                                         open_error->message));
    }
  mk_ui_test_screenshot (GTK_WIDGET (f->window), "welcome-error");
}

static const char *const page_names[] = {
  "dashboard",
  "stock",
  "receipts",
  "waybills",
  "distributions",
  "services",
  "kitting",
  "counts",
  "households",
  "catalogue",
  "places",
  "funding",
};

/* Every page opens, its list reads, and a picture is taken. */
static void
test_every_page (Fixture      *f,
                 gconstpointer data)
{
  add_history (f);
  mk_window_set_database (f->window, f->ledger.db);
  mk_ui_test_show (GTK_WINDOW (f->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (f)), ==, "main");

  /* The header names the office. */
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "BEN"));

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autofree char *shot = g_strdup_printf ("page-%s", page_names[i]);
      MkListView      *view;

      g_test_message ("page %s", page_names[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", page_names[i]));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (pages (f)), ==, page_names[i]);
      view = visible_list (f);
      if (view != NULL)
        g_assert_null (mk_list_model_get_error (mk_list_view_get_model (view)));
      else
        mk_ui_test_wait_for_frames (GTK_WIDGET (f->window), 3);
      mk_ui_test_screenshot (GTK_WIDGET (f->window), shot);
      mk_ui_test_assert_translated (GTK_WIDGET (f->window));
      mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (f->window));
    }

  /* The stock page: three lots in the main warehouse and one in the field. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "stock");
  g_assert_cmpuint (n_rows (visible_list (f)), ==, 3);
  g_assert_nonnull (mk_ui_test_find (GTK_WIDGET (visible_list (f)), mk_ui_test_is_inscription_with, "1,000"));
}

/* Links from the dashboard open the list behind a figure. */
static void
test_links (Fixture      *f,
            gconstpointer data)
{
  MkListView *view;

  add_history (f);
  mk_window_set_database (f->window, f->ledger.db);
  mk_ui_test_show (GTK_WINDOW (f->window));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-list", "s", "stock-card?warehouse=BEN-MAIN&item=SOAP");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages (f)), ==, "stock");
  view = visible_list (f);
  g_assert_cmpstr (mk_list_model_get_source (mk_list_view_get_model (view))->name, ==, "stock-card");
  g_assert_cmpuint (n_rows (view), ==, 2);
  /* The running balance after the waybill. */
  g_assert_nonnull (mk_ui_test_find (GTK_WIDGET (view), mk_ui_test_is_inscription_with, "1,000"));
  mk_ui_test_screenshot (GTK_WIDGET (f->window), "page-stock-card");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-list", "s", "waybills?status=overdue");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages (f)), ==, "waybills");
  g_assert_cmpuint (n_rows (visible_list (f)), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-list", "s", "stock?expiring-months=12");
  g_assert_cmpuint (n_rows (visible_list (f)), ==, 1);

  /* The header's warehouse filter narrows every list. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-list", "s", "stock?warehouse=BEN-FIELD");
  g_assert_cmpuint (n_rows (visible_list (f)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "receipts");
  g_assert_cmpuint (n_rows (visible_list (f)), ==, 1);
}

/* A click on a column header sorts in SQL. */
static void
test_sort (Fixture      *f,
           gconstpointer data)
{
  MkListView    *view;
  GtkColumnView *columns;
  g_autoptr (GtkColumnViewColumn) quantity = NULL;
  g_autoptr (MkListRow) first = NULL;
  GListModel *list;

  add_history (f);
  mk_window_set_database (f->window, f->ledger.db);
  mk_ui_test_show (GTK_WINDOW (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "stock");
  view = visible_list (f);
  columns = mk_list_view_get_column_view (view);
  list = gtk_column_view_get_columns (columns);
  for (guint i = 0; i < g_list_model_get_n_items (list) && quantity == NULL; i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (list, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), _ ("Quantity")))
        quantity = g_steal_pointer (&column);
    }
  g_assert_nonnull (quantity);

  gtk_column_view_sort_by_column (columns, quantity, GTK_SORT_DESCENDING);
  view = visible_list (f);
  first = g_list_model_get_item (G_LIST_MODEL (mk_list_view_get_model (view)), 0);
  g_assert_cmpint (mk_list_row_get_integer (first, 8), ==, 1000);
}

static gboolean
search_has_results (gpointer data)
{
  Fixture *f = data;

  return mk_ui_test_find (GTK_WIDGET (f->window), mk_ui_test_is_label_containing, "BLANKET") != NULL;
}

static gboolean
popover_has_label (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_POPOVER (widget) && mk_ui_test_find (widget, mk_ui_test_is_label_containing, data) != NULL;
}

static gboolean
is_shown_search_entry (GtkWidget    *widget,
                       gconstpointer data)
{
  return GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_get_mapped (widget);
}

static void
test_search (Fixture      *f,
             gconstpointer data)
{
  GtkWidget *entry;

  add_history (f);
  mk_window_set_database (f->window, f->ledger.db);
  mk_ui_test_show (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  /* The header's own entry, not the one inside the warehouse dropdown's popover. */
  entry = mk_ui_test_find (gtk_window_get_titlebar (GTK_WINDOW (f->window)), is_shown_search_entry, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "blank");
  mk_ui_test_wait_for (search_has_results, f);
  g_assert_nonnull (mk_ui_test_find (entry, popover_has_label, "BLANKET"));
  mk_ui_test_wait_for_frames (GTK_WIDGET (f->window), 2);
  mk_ui_test_screenshot (GTK_WIDGET (f->window), "search");
}

static gboolean
shows_welcome (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (main_stack (f)), "welcome") == 0;
}

/* A database file deleted from under the window: it lets go and says so. */
static void
test_file_deleted (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *moved = g_build_filename (f->ledger.dir, "moved.makhzan", NULL);

  mk_window_set_database (f->window, f->ledger.db);
  mk_ui_test_show (GTK_WINDOW (f->window));
  g_assert_no_errno (g_rename (f->ledger.path, moved));
  mk_ui_test_wait_for (shows_welcome, f);
  g_assert_null (mk_window_get_database (f->window));
  {
    /* The message names the file, in either language. */
    g_autofree char *name = g_path_get_basename (f->ledger.path);

    g_assert_nonnull (mk_ui_test_find (GTK_WIDGET (f->window), mk_ui_test_is_label_containing, name));
  }
  g_assert_no_errno (g_rename (moved, f->ledger.path));
}

static MkWindow *
only_window (Fixture *f)
{
  MkWindow *found = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l != NULL; l = l->next)
    if (MK_IS_WINDOW (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }
  g_assert_nonnull (found);
  return found;
}

/* The language of the preferences takes effect at once: the window is built
 * again, right to left, in Arabic, on the same database. */
static void
test_language_switch (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *english = g_strdup ("Dashboard");

  mk_window_set_database (f->window, f->ledger.db);
  mk_ui_test_show (GTK_WINDOW (f->window));

  mk_application_set_language (f->app, "ar");
  f->window = only_window (f);
  mk_ui_test_show (GTK_WINDOW (f->window));
  g_assert_true (mk_window_get_database (f->window) == f->ledger.db);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (f->window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (_ (english), !=, english);
  g_assert_nonnull (mk_ui_test_find (GTK_WIDGET (f->window), mk_ui_test_is_label_containing, _ (english)));
  mk_ui_test_screenshot (GTK_WIDGET (f->window), "language-switched-to-arabic");

  mk_application_set_language (f->app, "en");
  f->window = only_window (f);
  mk_ui_test_show (GTK_WINDOW (f->window));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (f->window)), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpstr (_ (english), ==, english);

  /* Back to what the run started with, for the tests after this one. */
  mk_application_set_language (f->app, "");
  f->window = only_window (f);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (f->window)), ==,
                   mk_ui_test_is_arabic_run () ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  /* The windows replaced go before the database is checked. */
  mk_ui_test_show (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_about (Fixture      *f,
            gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */
  GtkWindow  *about = NULL;

  mk_ui_test_show (GTK_WINDOW (f->window));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && about == NULL; i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_ABOUT_DIALOG (window))
        about = window;
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (gtk_about_dialog_get_version (GTK_ABOUT_DIALOG (about)), ==, PACKAGE_VERSION);
  gtk_window_close (about);

  /* The shortcuts window is every window's, from the menu or Ctrl+?. It is
   * not shown here: GTK 4.8's GtkShortcutsWindow warns about one of its own
   * labels' sizes, and warnings are fatal in tests. */
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window))));
}

static void
test_direction (void)
{
  GtkTextDirection expected = mk_ui_test_is_arabic_run () ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;

  g_assert_cmpint (gtk_widget_get_default_direction (), ==, expected);
  /* Our own catalogue is found in the build tree. */
  if (mk_ui_test_is_arabic_run ())
    g_assert_cmpstr (_ ("Warehouses"), !=, "Warehouses");
  else
    g_assert_cmpstr (_ ("Warehouses"), ==, "Warehouses");
}

int
main (int   argc,
      char *argv[])
{
  mk_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/direction", test_direction);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/window/welcome", test_welcome);
  ADD ("/ui/window/not-a-database", test_not_a_database);
  ADD ("/ui/window/every-page", test_every_page);
  ADD ("/ui/window/links", test_links);
  ADD ("/ui/window/sort", test_sort);
  ADD ("/ui/window/search", test_search);
  ADD ("/ui/window/about", test_about);
  ADD ("/ui/window/file-deleted", test_file_deleted);
  ADD ("/ui/window/language-switch", test_language_switch);
#undef ADD

  return g_test_run ();
}
