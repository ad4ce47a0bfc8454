/* test-reports-page.c: the reports page writes reports through the page,
 * refuses a wrong period beside its field, and stops when asked; under
 * Xvfb, in English and (LANGUAGE=ar) right to left. Screenshots go to
 * $MAKHZAN_BUILD_ROOT/screenshots/reports-LANG.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-test-reports-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "mk-reports-page.h"
#include "mk-ui-test.h"
#include "mk-test-dashboard.h"

typedef struct
{
  MkFixture  fixture;
  GtkWidget *window;
  GtkWidget *page;
} Fixture;

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_idle (Fixture *f)
{
  gboolean timed_out = FALSE;
  guint    timeout = g_timeout_add_seconds (60, set_flag, &timed_out);

  while (mk_reports_page_get_busy (MK_REPORTS_PAGE (f->page)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  mk_ledger_fixture_set_up (&f->fixture, data);
  mk_test_add_dashboard_mission (&f->fixture);

  gtk_css_provider_load_from_resource (provider, "/org/makhzan/Makhzan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 640);
  f->page = mk_reports_page_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  mk_reports_page_set_database (MK_REPORTS_PAGE (f->page), f->fixture.db);
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (f->page))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (f->page != NULL)
    g_main_context_iteration (NULL, TRUE);
  mk_ledger_fixture_tear_down (&f->fixture, data);
}

/* Widgets ------------------------------------------------------------------ */

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The field of the form labelled @mnemonic_label ("_From" …): the label's
 * mnemonic widget. */
static GtkWidget *
field (Fixture    *f,
       const char *mnemonic_label)
{
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, f->page);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), _ (mnemonic_label)) == 0)
        return gtk_label_get_mnemonic_widget (GTK_LABEL (widget));
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_error ("no field labelled %s", mnemonic_label);
}

/* The error label right under @widget in the form's grid. */
static GtkWidget *
error_under (GtkWidget *widget)
{
  GtkWidget *grid = gtk_widget_get_parent (widget);
  int        column, row, width, height;

  gtk_grid_query_child (GTK_GRID (grid), widget, &column, &row, &width, &height);
  return gtk_grid_get_child_at (GTK_GRID (grid), column, row + 1);
}

static void
choose (GtkWidget  *dropdown,
        const char *code)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) string = g_list_model_get_item (model, i);

      if (strstr (gtk_string_object_get_string (string), code) != NULL)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
          return;
        }
    }
  g_error ("no choice %s", code);
}

static void
wait_frames (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A file starts like a zip archive (an xlsx workbook) or a PDF. */
static void
assert_file_starts (const char *path,
                    const char *magic)
{
  g_autofree char *contents = NULL;
  gsize            length;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
}

/* Tests -------------------------------------------------------------------- */

/* The monthly stock report of October, through the page. */
static void
test_workbook (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->fixture.dir, "stock.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_true (mk_reports_page_select (MK_REPORTS_PAGE (f->page), "stock"));
  g_assert_cmpstr (mk_reports_page_get_selected (MK_REPORTS_PAGE (f->page)), ==, "stock");
  /* Dates are typed left to right, the text inside the entry too. */
  g_assert_cmpint (gtk_widget_get_direction (gtk_widget_get_first_child (field (f, "_From"))), ==, GTK_TEXT_DIR_LTR);
  choose (field (f, "_Warehouse"), "BEN-MAIN");
  gtk_editable_set_text (GTK_EDITABLE (field (f, "_From")), "2026-10-01");
  /* Arabic-Indic digits are dates too. */
  gtk_editable_set_text (GTK_EDITABLE (field (f, "_To")), "٢٠٢٦-١٠-٣١");
  g_assert_true (mk_reports_page_save_to (MK_REPORTS_PAGE (f->page), file));
  g_assert_true (mk_reports_page_get_busy (MK_REPORTS_PAGE (f->page)));
  wait_idle (f);

  g_assert_nonnull (mk_reports_page_get_last_file (MK_REPORTS_PAGE (f->page)));
  g_assert_true (g_file_equal (mk_reports_page_get_last_file (MK_REPORTS_PAGE (f->page)), file));
  assert_file_starts (path, "PK\x03\x04");
  g_assert_true (gtk_widget_is_visible (error_under (field (f, "_From"))) == FALSE);
  /* "Open the File" is offered. */
  g_assert_true (gtk_widget_get_visible (find_button (f->page, _ ("_Open the File"))));
  wait_frames (100);
  mk_ui_test_screenshot (f->window, "reports");
  mk_ui_test_assert_no_unknown_glyphs (f->window);
}

/* 31/02 is refused beside the field; nothing is written. */
static void
test_bad_period (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->fixture.dir, "never.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) expected = NULL;
  GtkWidget       *from, *to, *message;
  g_autofree char *iso = NULL;

  g_assert_true (mk_reports_page_select (MK_REPORTS_PAGE (f->page), "distributions"));
  from = field (f, "_From");
  to = field (f, "_To");
  gtk_editable_set_text (GTK_EDITABLE (from), "31/02/2026");
  g_assert_false (mk_reports_page_save_to (MK_REPORTS_PAGE (f->page), file));
  g_assert_false (mk_reports_page_get_busy (MK_REPORTS_PAGE (f->page)));
  message = error_under (from);
  g_assert_true (GTK_IS_LABEL (message));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_has_css_class (from, "error"));
  /* The core's own words for that date. */
  iso = mk_text_parse_date ("31/02/2026", &expected);
  g_assert_null (iso);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==, expected->message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  wait_frames (100);
  mk_ui_test_screenshot (f->window, "reports-bad-period");
  mk_ui_test_assert_no_unknown_glyphs (f->window);

  /* Typing again takes the message away; a period that ends before it
   * starts is named beside its end. */
  gtk_editable_set_text (GTK_EDITABLE (from), "2026-11-01");
  g_assert_false (gtk_widget_get_visible (message));
  gtk_editable_set_text (GTK_EDITABLE (to), "2026-10-01");
  g_assert_false (mk_reports_page_save_to (MK_REPORTS_PAGE (f->page), file));
  g_assert_true (gtk_widget_get_visible (error_under (to)));
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The stock card needs its item: named beside the field. Then the PDF. */
static void
test_stock_card_pdf (Fixture      *f,
                     gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->fixture.dir, "card.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkWidget *item;

  g_assert_true (mk_reports_page_select (MK_REPORTS_PAGE (f->page), "stock-card-pdf"));
  item = field (f, "_Item");
  g_assert_true (gtk_widget_get_visible (item));
  choose (field (f, "_Warehouse"), "BEN-MAIN");
  g_assert_false (mk_reports_page_save_to (MK_REPORTS_PAGE (f->page), file));
  g_assert_true (gtk_widget_get_visible (error_under (item)));

  choose (item, "SOAP");
  g_assert_true (mk_reports_page_save_to (MK_REPORTS_PAGE (f->page), file));
  wait_idle (f);
  assert_file_starts (path, "%PDF");
  g_assert_true (gtk_widget_get_visible (find_button (f->page, _ ("_Open the File"))));

  /* The monthly stock report takes a month, checked the same way. */
  g_assert_true (mk_reports_page_select (MK_REPORTS_PAGE (f->page), "stock-report-pdf"));
  gtk_editable_set_text (GTK_EDITABLE (field (f, "_Month")), "2026-13");
  g_assert_false (mk_reports_page_save_to (MK_REPORTS_PAGE (f->page), file));
  g_assert_true (gtk_widget_get_visible (error_under (field (f, "_Month"))));
}

/* Cancel stops the workbook: no file is left. */
static void
test_cancel (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->fixture.dir, "stopped.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_true (mk_reports_page_select (MK_REPORTS_PAGE (f->page), "waybills"));
  g_assert_true (mk_reports_page_save_to (MK_REPORTS_PAGE (f->page), file));
  gtk_widget_activate_action (f->page, "reports.cancel", NULL);
  wait_idle (f);
  /* Either it was stopped in time and nothing is there, or it was done
   * already: never a half-written file. */
  if (mk_reports_page_get_last_file (MK_REPORTS_PAGE (f->page)) == NULL)
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  else
    assert_file_starts (path, "PK\x03\x04");
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

  g_test_add ("/ui/reports/workbook", Fixture, NULL, fixture_setup, test_workbook, fixture_teardown);
  g_test_add ("/ui/reports/bad-period", Fixture, NULL, fixture_setup, test_bad_period, fixture_teardown);
  g_test_add ("/ui/reports/stock-card-pdf", Fixture, NULL, fixture_setup, test_stock_card_pdf, fixture_teardown);
  g_test_add ("/ui/reports/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  return g_test_run ();
}
