/* test-workflow.c: a warehouse's first days, through the main window's
 * actions, as a user would do them: create the office's database, add an
 * item and a kit, receive goods, make kits, send them on a waybill, receive
 * it with damaged cartons, distribute at a site with sex and age counts,
 * and find the right numbers in the stock list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-test-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "makhzan-core.h"
#include "mk-application.h"
#include "mk-document-editor.h"
#include "mk-kit-bill.h"
#include "mk-list-page.h"
#include "mk-new-office-dialog.h"
#include "mk-record-chooser.h"
#include "mk-record-editor.h"
#include "mk-test-fixture.h"
#include "mk-ui-test.h"
#include "mk-window.h"

typedef struct
{
  char          *dir;
  MkApplication *app;
  MkWindow      *window;
} Fixture;

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The newest toplevel window of @type, after an action opened it. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget  *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = GTK_WIDGET (window);
    }
  g_assert_nonnull (found);
  return found;
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  GtkEditable *editable = MK_IS_RECORD_CHOOSER (widget) ? mk_record_chooser_get_editable (MK_RECORD_CHOOSER (widget))
                                                        : GTK_EDITABLE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_set_text (editable, text);
  settle ();
}

/* Types @text into a record chooser and picks the match whose code is @code. */
static void
choose_record (GtkWidget  *widget,
               const char *text,
               const char *code)
{
  MkRecordChooser *chooser = MK_RECORD_CHOOSER (widget);

  type_into (widget, text);
  for (guint i = 0; i < mk_record_chooser_get_n_matches (chooser); i++)
    {
      g_autofree char *chosen = NULL;

      mk_record_chooser_choose_match (chooser, i);
      chosen = mk_record_chooser_get_text (chooser);
      if (g_str_equal (chosen, code))
        return;
      type_into (widget, text);
    }
  g_error ("typing “%s” does not offer %s", text, code);
}

static void
choose_first (GtkWidget *dropdown)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  settle ();
}

/* Chooses the entry of a vocabulary drop-down whose code is @code. */
static void
choose_vocab (MkDatabase *db,
              GtkWidget  *dropdown,
              const char *vocab,
              const char *code)
{
  g_autoptr (GPtrArray) entries = mk_master_data_list_vocabulary (db, vocab, NULL);
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  for (guint e = 0; entries != NULL && e < entries->len; e++)
    {
      const MkVocabEntry *entry = g_ptr_array_index (entries, e);

      if (!g_str_equal (entry->code, code))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                         mk_vocab_entry_get_display_name (entry)))
          {
            gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
            settle ();
            return;
          }
    }
  g_error ("no %s in %s", code, vocab);
}

static void
set_fields (GtkWidget *editor,
            ...) G_GNUC_NULL_TERMINATED;

static void
set_fields (GtkWidget *editor,
            ...)
{
  va_list     args;
  const char *name;

  va_start (args, editor);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);

      if (!mk_document_editor_set_field (MK_DOCUMENT_EDITOR (editor), name, text))
        g_error ("the editor has no field %s or no choice %s", name, text);
    }
  va_end (args);
}

/* Sets values of line @position from value, text pairs ending with 0. */
static void
set_line (GtkWidget *editor,
          guint      position,
          ...)
{
  GListModel   *lines = mk_document_editor_get_lines (MK_DOCUMENT_EDITOR (editor));
  MkEditorLine *line;
  va_list       args;
  int           value;

  while (position >= g_list_model_get_n_items (lines))
    gtk_widget_activate_action (editor, "editor.add-line", NULL);
  line = g_list_model_get_item (lines, position);
  g_object_unref (line); /* the model keeps it */
  va_start (args, position);
  while ((value = va_arg (args, int)) != 0)
    mk_editor_line_set (line, value, va_arg (args, const char *));
  va_end (args);
}

/* Posts through the editor's action and answers its confirmation. */
static void
post (GtkWidget *editor)
{
  GtkWidget *confirmation;

  gtk_widget_activate_action (editor, "editor.post", NULL);
  settle ();
  confirmation = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (confirmation)) == GTK_WINDOW (editor));
  gtk_dialog_response (GTK_DIALOG (confirmation), GTK_RESPONSE_ACCEPT);
  settle ();
  if (mk_document_get_status (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (editor))) != MK_DOCUMENT_POSTED)
    g_error ("not posted: %s", mk_document_editor_get_message (MK_DOCUMENT_EDITOR (editor)));
}

static GtkWidget *
new_document (Fixture    *f,
              const char *kind)
{
  GtkWidget *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-document", "s", kind));
  editor = find_toplevel (MK_TYPE_DOCUMENT_EDITOR);
  mk_ui_test_show (GTK_WINDOW (editor));
  return editor;
}

static gint64
balance (MkDatabase *db,
         const char *warehouse,
         const char *item)
{
  MkStockFilter query = { .warehouse_code = warehouse, .item_code = item };
  gint64        quantity = -1;
  g_autoptr (GError) error = NULL;

  g_assert_true (mk_ledger_get_balance (db, &query, &quantity, &error));
  g_assert_no_error (error);
  return quantity;
}

static gboolean
list_loaded (gpointer data)
{
  MkListView *view = data;

  return gtk_widget_get_mapped (GTK_WIDGET (view)) && !mk_list_model_get_loading (mk_list_view_get_model (view));
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("makhzan-workflow-XXXXXX", &error);
  g_assert_no_error (error);
  f->app = mk_application_new ();
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  f->window = mk_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
  mk_ui_test_show (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  MkWindow *window = f->window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (f->window != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (f->app);
  mk_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
create_office (Fixture *f)
{
  g_autofree char   *path = g_build_filename (f->dir, "tobruk", NULL);
  MkNewOfficeDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-database", NULL));
  dialog = MK_NEW_OFFICE_DIALOG (find_toplevel (MK_TYPE_NEW_OFFICE_DIALOG));
  mk_ui_test_show (GTK_WINDOW (dialog));
  type_into (mk_new_office_dialog_get_field_widget (dialog, "office.code"), "TOB");
  type_into (mk_new_office_dialog_get_field_widget (dialog, "office.number"), "7");
  type_into (mk_new_office_dialog_get_field_widget (dialog, "office.name_en"), "Tobruk office");
  type_into (mk_new_office_dialog_get_field_widget (dialog, "office.name_ar"), "مكتب طبرق");
  type_into (mk_new_office_dialog_get_field_widget (dialog, "warehouse.code"), "TOB-MAIN");
  type_into (mk_new_office_dialog_get_field_widget (dialog, "warehouse.name_en"), "Tobruk main warehouse");
  choose_first (mk_new_office_dialog_get_field_widget (dialog, "warehouse.type"));
  choose_record (mk_new_office_dialog_get_field_widget (dialog, "warehouse.baladiya"), "Tobruk", "LY010403");
  mk_new_office_dialog_set_path (dialog, path);
  g_assert_true (mk_new_office_dialog_create (dialog));
  settle ();
  /* The window opened the new office's database. */
  g_assert_nonnull (mk_window_get_database (f->window));
  g_assert_cmpstr (mk_database_get_office_code (mk_window_get_database (f->window)), ==, "TOB");
}

static MkRecordEditor *
open_record (Fixture    *f,
             const char *target)
{
  MkRecordEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-record", "s", target));
  editor = MK_RECORD_EDITOR (find_toplevel (MK_TYPE_RECORD_EDITOR));
  mk_ui_test_show (GTK_WINDOW (editor));
  return editor;
}

static void
add_item (Fixture    *f,
          const char *code,
          const char *name,
          const char *weight,
          gboolean    is_kit,
          const char *component,
          const char *per_kit)
{
  MkDatabase     *db = mk_window_get_database (f->window);
  MkRecordEditor *editor = open_record (f, "item:0");

  type_into (mk_record_editor_get_field_widget (editor, "code"), code);
  type_into (mk_record_editor_get_field_widget (editor, "name_en"), name);
  choose_vocab (db, mk_record_editor_get_field_widget (editor, "category"), "item_categories", is_kit ? "nfi" : "wash");
  choose_vocab (db, mk_record_editor_get_field_widget (editor, "unit"), "units", is_kit ? "kit" : "bar");
  type_into (mk_record_editor_get_field_widget (editor, "weight_kg"), weight);
  if (is_kit)
    {
      MkKitBill *bill = MK_KIT_BILL (mk_record_editor_get_kit_bill (editor));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (mk_record_editor_get_field_widget (editor, "is_kit")), TRUE);
      settle ();
      mk_kit_bill_add_row (bill, component, per_kit);
      mk_ui_test_screenshot (GTK_WIDGET (editor), "workflow-kit");
      mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));
    }
  g_assert_true (mk_record_editor_save (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_first_days (Fixture      *f,
                 gconstpointer data)
{
  MkDatabase *db;
  GtkWidget  *editor;
  GtkWidget  *reception;
  MkListView *view;
  GtkWidget  *slot;
  g_autoptr (MkRecord) site = NULL;
  g_autoptr (GError) error = NULL;

  create_office (f);
  db = mk_window_get_database (f->window);
  add_item (f, "SOAP", "Bathing soap 250 g", "0.25", FALSE, NULL, NULL);
  add_item (f, "HK", "Family hygiene kit", "1.2", TRUE, "SOAP", "4");

  /* A site to distribute at, added through the core: the record editor is
   * driven by the item above. */
  site = mk_record_new (mk_kind_lookup ("site"));
  g_assert_true (mk_record_set_text (site, "code", "TOB-DC", &error));
  g_assert_true (mk_record_set_text (site, "name_en", "Tobruk detention centre", &error));
  g_assert_true (mk_record_set_text (site, "type", "detention_centre", &error));
  g_assert_true (mk_record_set_text (site, "baladiya", "LY010403", &error));
  g_assert_true (mk_master_data_add (db, site, &error));
  g_assert_no_error (error);

  /* 1,000 bars of soap received. */
  editor = new_document (f, "GRN");
  set_fields (editor, "warehouse", "TOB-MAIN", "source", "purchase", "supplier", "Benghazi Trading", NULL);
  set_line (editor, 0, MK_EDITOR_LINE_ITEM, "SOAP", MK_EDITOR_LINE_QUANTITY, "1000", 0);
  post (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_cmpint (balance (db, "TOB-MAIN", "SOAP"), ==, 1000);

  /* 100 hygiene kits made of 400 bars. */
  editor = new_document (f, "KIT");
  set_fields (editor, "warehouse", "TOB-MAIN", "kit", "HK", "kit_quantity", "100", NULL);
  post (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_cmpint (balance (db, "TOB-MAIN", "HK"), ==, 100);
  g_assert_cmpint (balance (db, "TOB-MAIN", "SOAP"), ==, 600);

  /* 60 kits to the detention centre, received with 3 damaged and 2 short. */
  editor = new_document (f, "WB");
  set_fields (editor, "warehouse", "TOB-MAIN", "to_site", "TOB-DC", "plate", "5-123456", "driver", "Mabrouk Saleh",
              NULL);
  set_line (editor, 0, MK_EDITOR_LINE_ITEM, "HK", MK_EDITOR_LINE_QUANTITY, "60", 0);
  post (editor);
  g_assert_cmpint (balance (db, "TOB-MAIN", "HK"), ==, 40);
  gtk_widget_activate_action (editor, "editor.receive", NULL);
  settle ();
  reception = find_toplevel (MK_TYPE_DOCUMENT_EDITOR);
  g_assert_true (reception != editor);
  mk_ui_test_show (GTK_WINDOW (reception));
  set_line (reception, 0, MK_EDITOR_LINE_QUANTITY, "55", MK_EDITOR_LINE_DAMAGED, "3", MK_EDITOR_LINE_SHORT, "2",
            MK_EDITOR_LINE_REMARKS, "Cartons torn in the rain", 0);
  post (reception);
  gtk_window_destroy (GTK_WINDOW (reception));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* 50 kits distributed at the site, to people counted by sex and age. */
  editor = new_document (f, "DIS");
  set_fields (editor, "site", "TOB-DC", "population_group", "migrants", "female_18_59", "20", "male_18_59", "25",
              "female_0_4", "5", "total", "50", NULL);
  set_line (editor, 0, MK_EDITOR_LINE_ITEM, "HK", MK_EDITOR_LINE_QUANTITY, "50", 0);
  post (editor);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* The stock list shows what is left in the warehouse: 600 bars, 40 kits. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-list", "s", "stock"));
  slot = gtk_stack_get_visible_child (gtk_stack_sidebar_get_stack (GTK_STACK_SIDEBAR (mk_ui_test_find (
      GTK_WIDGET (f->window), mk_ui_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_STACK_SIDEBAR)))));
  view = mk_list_page_get_visible_list (MK_LIST_PAGE (gtk_widget_get_first_child (slot)));
  mk_list_view_reload (view);
  mk_ui_test_wait_for_frames (GTK_WIDGET (f->window), 1);
  mk_ui_test_wait_for (list_loaded, view);
  mk_ui_test_wait_for_frames (GTK_WIDGET (f->window), 2);
  g_assert_nonnull (mk_ui_test_find (GTK_WIDGET (view), mk_ui_test_is_inscription_with, "600"));
  g_assert_nonnull (mk_ui_test_find (GTK_WIDGET (view), mk_ui_test_is_inscription_with, "40"));
  mk_ui_test_screenshot (GTK_WIDGET (f->window), "workflow-stock");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (f->window));
  g_assert_cmpint (balance (db, "TOB-MAIN", "HK"), ==, 40);
}

int
main (int   argc,
      char *argv[])
{
  mk_ui_test_init (&argc, &argv);
  g_test_add ("/ui/workflow/first-days", Fixture, NULL, fixture_setup, test_first_days, fixture_teardown);
  return g_test_run ();
}
