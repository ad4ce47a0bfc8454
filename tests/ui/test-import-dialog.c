/* test-import-dialog.c: importing a catalogue kept in a spreadsheet, through
 * the dialog: headers that are not the field names, a bad row found before
 * anything is written, then the import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-test-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "makhzan-core.h"
#include "mk-import-dialog.h"
#include "mk-test-fixture.h"
#include "mk-ui-test.h"

static gboolean
is_idle (gpointer data)
{
  return !mk_import_dialog_is_busy (data);
}

/* Picks the file's column @header for @field, as a user would. */
static void
choose_column (MkImportDialog *dialog,
               const char     *field,
               const char     *header)
{
  GtkDropDown *chooser = mk_import_dialog_get_chooser (dialog, field);
  GListModel  *headers;

  g_assert_nonnull (chooser);
  headers = gtk_drop_down_get_model (chooser);
  for (guint i = 0; i < g_list_model_get_n_items (headers); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (headers), i), header))
        {
          gtk_drop_down_set_selected (chooser, i);
          return;
        }
    }
  g_error ("no column %s", header);
}

static MkImportDialog *
open_dialog (MkFixture  *fixture,
             const char *path)
{
  MkImportDialog *dialog = MK_IMPORT_DIALOG (mk_import_dialog_new (NULL, fixture->db));

  mk_ui_test_show (GTK_WINDOW (dialog));
  g_assert_true (mk_import_dialog_set_kind (dialog, "items"));
  mk_import_dialog_set_file (dialog, path);
  mk_ui_test_wait_for (is_idle, dialog);
  return dialog;
}

static gboolean
is_button_labelled (GtkWidget    *widget,
                    gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
press (MkImportDialog *dialog,
       const char     *label)
{
  GtkWidget *button = mk_ui_test_find (GTK_WIDGET (dialog), is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  mk_ui_test_wait_for (is_idle, dialog);
}

static const char *const good_rows =
    "Item code;Description;Description (Arabic);Type;UoM;Kg\r\n"
    "TARP-4X6;Tarpaulin 4 x 6 m;مشمع ٤×٦ م;shelter;piece;4.5\r\n"
    "JERRY-20;Jerrycan 20 l;جالون ٢٠ لتر;wash;piece;1.2\r\n";

static void
map_columns (MkImportDialog *dialog)
{
  choose_column (dialog, "code", "Item code");
  choose_column (dialog, "name_en", "Description");
  choose_column (dialog, "name_ar", "Description (Arabic)");
  choose_column (dialog, "category", "Type");
  choose_column (dialog, "unit", "UoM");
  choose_column (dialog, "weight_kg", "Kg");
}

static void
test_csv (MkFixture    *fixture,
          gconstpointer data)
{
  g_autofree char *bad = g_strconcat (good_rows, "BROKEN-1;Bad weight;;wash;piece;heavy\r\n", NULL);
  g_autofree char *path = mk_fixture_write_file (fixture, "catalogue.csv", bad, -1);
  g_autofree char *before = mk_fixture_dump (fixture);
  MkImportDialog  *dialog = open_dialog (fixture, path);
  g_autoptr (MkRecord) tarp = NULL;
  g_autoptr (GError) error = NULL;

  map_columns (dialog);
  /* The check finds the bad row and writes nothing. */
  press (dialog, _ ("C_heck"));
  g_assert_cmpuint (mk_import_dialog_get_n_problems (dialog), ==, 1);
  g_assert_nonnull (mk_ui_test_find (GTK_WIDGET (dialog), mk_ui_test_is_label_containing, "heavy"));
  mk_fixture_assert_unchanged (fixture, before);
  mk_ui_test_screenshot (GTK_WIDGET (dialog), "import-dialog");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (dialog));
  mk_ui_test_assert_translated (GTK_WIDGET (dialog));

  /* The corrected file checks clean and imports. */
  g_free (mk_fixture_write_file (fixture, "catalogue.csv", good_rows, -1));
  mk_import_dialog_set_file (dialog, path);
  mk_ui_test_wait_for (is_idle, dialog);
  map_columns (dialog);
  press (dialog, _ ("C_heck"));
  g_assert_cmpuint (mk_import_dialog_get_n_problems (dialog), ==, 0);
  press (dialog, _ ("_Import"));
  tarp = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "TARP-4X6", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_string (tarp, "name_ar"), ==, "مشمع ٤×٦ م");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_xlsx (MkFixture    *fixture,
           gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "catalogue.xlsx", NULL);
  lxw_workbook    *workbook = workbook_new (path);
  lxw_worksheet   *sheet = workbook_add_worksheet (workbook, "Catalogue");
  const char      *rows[][6] = {
         { "Item code", "Description", "Description (Arabic)", "Type", "UoM", "Kg" },
         { "TARP-4X6", "Tarpaulin 4 x 6 m", "مشمع", "shelter", "piece", NULL },
  };
  MkImportDialog *dialog;
  g_autoptr (MkRecord) tarp = NULL;
  g_autoptr (GError) error = NULL;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint c = 0; c < 6; c++)
      if (rows[r][c] != NULL)
        worksheet_write_string (sheet, (lxw_row_t) r, (lxw_col_t) c, rows[r][c], NULL);
  /* A weight as a number, as Excel keeps it. */
  worksheet_write_number (sheet, 1, 5, 4.5, NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  dialog = open_dialog (fixture, path);
  map_columns (dialog);
  press (dialog, _ ("C_heck"));
  g_assert_cmpuint (mk_import_dialog_get_n_problems (dialog), ==, 0);
  press (dialog, _ ("_Import"));
  tarp = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "TARP-4X6", &error);
  g_assert_no_error (error);
  g_assert_nonnull (tarp);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  mk_ui_test_init (&argc, &argv);

  g_test_add ("/ui/import-dialog/csv", MkFixture, NULL, mk_fixture_set_up, test_csv, mk_fixture_tear_down);
  g_test_add ("/ui/import-dialog/xlsx", MkFixture, NULL, mk_fixture_set_up, test_xlsx, mk_fixture_tear_down);
  return g_test_run ();
}
