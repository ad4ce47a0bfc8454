/* test-document-editors.c: the document editors on a real database, under
 * Xvfb — driven through their actions and cells as a person would, with the
 * stock checked through the core afterwards.
 *
 * Run twice by meson: in English, and with LANGUAGE=ar for right to left.
 * Screenshots of each editor go to $MAKHZAN_BUILD_ROOT/screenshots as
 * editor-KIND-LANG.png, at 1280×720.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-test-editors"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "makhzan-core.h"
#include "mk-ui-test.h"
#include "mk-document-editor.h"
#include "mk-test-ledger.h"

/* Helpers ------------------------------------------------------------------ */

/* Runs the main loop until nothing is pending (idles, bindings). */
static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
show (GtkWidget *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  mk_ui_test_wait_for_frames (window, 2);
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_named (GtkWidget    *widget,
          gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0 && gtk_widget_get_mapped (widget);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  g_autofree char *plain = mk_ui_test_strip_bidi (text);

  if (strstr (plain, part) == NULL)
    g_error ("“%s” does not contain “%s”", plain, part);
}

/* The message dialog open on @parent, or NULL. */
static GtkWidget *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* The secondary text of the confirmation on @editor, answered @response. */
static char *
answer_dialog (GtkWidget *editor,
               int        response)
{
  GtkWidget *dialog = find_dialog (GTK_WINDOW (editor));
  char      *text = NULL;

  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &text, NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), response);
  settle ();
  return text;
}

static MkEditorLine *
line_at (GtkWidget *editor,
         guint      position)
{
  GListModel   *lines = mk_document_editor_get_lines (MK_DOCUMENT_EDITOR (editor));
  MkEditorLine *line;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (lines));
  line = g_list_model_get_item (lines, position);
  g_object_unref (line); /* the model keeps it */
  return line;
}

/* Sets values of line @position from value, text pairs. */
static void
set_line (GtkWidget *editor,
          guint      position,
          ...)
{
  MkEditorLine *line;
  va_list       args;
  int           value;

  while (position >= g_list_model_get_n_items (mk_document_editor_get_lines (MK_DOCUMENT_EDITOR (editor))))
    gtk_widget_activate_action (editor, "editor.add-line", NULL);
  line = line_at (editor, position);
  va_start (args, position);
  while ((value = va_arg (args, int)) != 0)
    mk_editor_line_set (line, value, va_arg (args, const char *));
  va_end (args);
}

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

/* Posts through the action and the confirmation; returns the confirmation's
 * text. */
static char *
post (GtkWidget *editor)
{
  char *text;

  gtk_widget_activate_action (editor, "editor.post", NULL);
  settle ();
  if (find_dialog (GTK_WINDOW (editor)) == NULL)
    g_error ("no confirmation: %s", mk_document_editor_get_message (MK_DOCUMENT_EDITOR (editor)));
  text = answer_dialog (editor, GTK_RESPONSE_ACCEPT);
  if (mk_document_get_status (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (editor))) != MK_DOCUMENT_POSTED)
    g_error ("not posted: %s", mk_document_editor_get_message (MK_DOCUMENT_EDITOR (editor)));
  return text;
}

/* Posting is refused before any confirmation, and nothing changes. */
static void
assert_post_refused (MkFixture  *fixture,
                     GtkWidget  *editor,
                     const char *dump_before)
{
  gtk_widget_activate_action (editor, "editor.post", NULL);
  settle ();
  g_assert_null (find_dialog (GTK_WINDOW (editor)));
  g_assert_nonnull (mk_document_editor_get_message (MK_DOCUMENT_EDITOR (editor)));
  g_assert_cmpint (mk_document_get_status (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (editor))), ==,
                   MK_DOCUMENT_DRAFT);
  mk_fixture_assert_unchanged (fixture, dump_before);
}

static GtkWidget *
new_editor (MkFixture     *fixture,
            MkDocumentKind kind)
{
  GtkWidget *editor = mk_document_editor_new (NULL, fixture->db, kind, 0, 0);

  show (editor);
  return editor;
}

/* Other editors (a reception opened from a waybill, a duplicate). */
static GtkWidget *
find_other_editor (GtkWidget     *editor,
                   MkDocumentKind kind)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (MK_IS_DOCUMENT_EDITOR (window) && GTK_WIDGET (window) != editor && mk_document_get_kind (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (window))) == kind)
        return GTK_WIDGET (window);
    }
  return NULL;
}

static void
destroy_all_editors (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (MK_IS_DOCUMENT_EDITOR (window))
        gtk_window_destroy (window);
    }
  settle ();
}

static void
set_up (MkFixture    *fixture,
        gconstpointer data)
{
  mk_ledger_fixture_set_up (fixture, data);
  mk_test_add_people_catalogue (fixture);
  mk_test_compose_hk (fixture);
}

static void
tear_down (MkFixture    *fixture,
           gconstpointer data)
{
  destroy_all_editors ();
  mk_ledger_fixture_tear_down (fixture, data);
}

static const char *
today (void)
{
  static char *date;

  if (date == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      date = g_date_time_format (now, "%Y-%m-%d");
    }
  return date;
}

/* The flow of the issue: receive, kit, dispatch, receive with damage,
 * distribute ------------------------------------------------------------- */

static void
test_flow (MkFixture    *fixture,
           gconstpointer data)
{
  GtkWidget       *editor, *reception;
  GtkWidget       *item_cell, *quantity_cell;
  g_autofree char *grn_text = NULL;
  g_autofree char *kit_text = NULL;
  g_autofree char *waybill_text = NULL;
  g_autofree char *reception_text = NULL;
  g_autofree char *distribution_text = NULL;
  g_autoptr (GError) error = NULL;
  MkDocument *document;

  /* A purchase received: lines typed in the grid's cells, one with
   * Arabic-Indic digits, two pasted from a spreadsheet. */
  editor = new_editor (fixture, MK_DOCUMENT_GRN);
  set_fields (editor, "warehouse", "BEN-MAIN", "source", "purchase", "supplier", "Benghazi Traders",
              "reference", "PO-2026-118", NULL);
  item_cell = find_widget (editor, is_named, "line-item");
  quantity_cell = find_widget (editor, is_named, "line-quantity");
  g_assert_nonnull (item_cell);
  g_assert_nonnull (quantity_cell);
  g_assert_cmpint (gtk_widget_get_direction (item_cell), ==, GTK_TEXT_DIR_LTR);
  gtk_editable_set_text (GTK_EDITABLE (item_cell), "SOAP");
  /* Tab goes from the item to the quantity: the description between them
   * is shown, not typed. */
  gtk_widget_grab_focus (item_cell);
  g_assert_true (gtk_widget_child_focus (editor, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), quantity_cell) || gtk_root_get_focus (GTK_ROOT (editor)) == quantity_cell);
  gtk_editable_set_text (GTK_EDITABLE (quantity_cell), "400");
  g_assert_cmpstr (mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_QUANTITY), ==, "400");
  /* Enter in the last line adds one. */
  g_signal_emit_by_name (quantity_cell, "activate");
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (mk_document_editor_get_lines (MK_DOCUMENT_EDITOR (editor))), ==, 2);
  set_line (editor, 1, MK_EDITOR_LINE_ITEM, "TOOTHPASTE", MK_EDITOR_LINE_QUANTITY, "١٠٠",
            MK_EDITOR_LINE_LOT, "TP-2611", MK_EDITOR_LINE_EXPIRY, "30/06/2028", 0);
  /* Rows copied from a spreadsheet and pasted into a cell become lines;
   * the cell keeps what it had. */
  {
    int position = 0;

    gtk_editable_insert_text (GTK_EDITABLE (item_cell), "BRUSH\t500\r\nBUCKET\t100\n", -1, &position);
    settle ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (item_cell)), ==, "SOAP");
  }
  g_assert_cmpuint (g_list_model_get_n_items (mk_document_editor_get_lines (MK_DOCUMENT_EDITOR (editor))), ==, 4);
  g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  /* Units and weight from the catalogue: 400 × 0.25 + 100 × 0.1 + 500 × 0.02 + 100 × 0.78 = 198 kg. */
  if (!mk_ui_test_is_arabic_run ())
    {
      assert_contains (mk_document_editor_get_totals (MK_DOCUMENT_EDITOR (editor)), "1100 units");
      assert_contains (mk_document_editor_get_totals (MK_DOCUMENT_EDITOR (editor)), "198 kg");
    }
  g_assert_nonnull (mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_DESCRIPTION));
  mk_ui_test_screenshot (editor, "editor-grn");
  mk_ui_test_assert_no_unknown_glyphs (editor);
  grn_text = post (editor);
  assert_contains (grn_text, mk_ui_test_is_arabic_run () ? "مستودع بنغازي الرئيسي" : "Benghazi main warehouse");
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 400);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-2611", NULL, NULL), ==, 100);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BUCKET", NULL, NULL, NULL), ==, 100);
  /* Posted: read only, its cells are labels. */
  mk_ui_test_wait_for_frames (editor, 1);
  g_assert_null (find_widget (editor, is_named, "line-item"));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_widget (editor, is_named, "supplier"))));
  mk_ui_test_screenshot (editor, "editor-grn-posted");
  mk_ui_test_assert_no_unknown_glyphs (editor);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* 60 family hygiene kits made: the bill of materials shows the lots. */
  editor = new_editor (fixture, MK_DOCUMENT_KITTING);
  set_fields (editor, "warehouse", "BEN-MAIN", "kit", "HK", "kit_quantity", "60", NULL);
  g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  mk_ui_test_wait_for_frames (editor, 1);
  g_assert_nonnull (find_widget (editor, mk_ui_test_is_label_containing, "TP-2611"));
  mk_ui_test_screenshot (editor, "editor-kitting");
  mk_ui_test_assert_no_unknown_glyphs (editor);
  kit_text = post (editor);
  assert_contains (kit_text, "60");
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HK", NULL, NULL, NULL), ==, 60);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 400 - 4 * 60);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-2611", NULL, NULL), ==, 40);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* The kits leave on a waybill to Ganfouda. */
  editor = new_editor (fixture, MK_DOCUMENT_WAYBILL);
  set_fields (editor, "warehouse", "BEN-MAIN", "to_site", "GAN-DC", "transport_mode", "road",
              "transporter", "Al-Jabal Transport", "vehicle", "Isuzu NPR", "plate", "5-123456",
              "driver", "Mabrouk Saleh", "driver_phone", "+218 91 234 5678", "expected_date", today (), NULL);
  g_assert_cmpint (gtk_widget_get_direction (find_widget (editor, is_named, "plate")), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (find_widget (editor, is_named, "driver_phone")), ==,
                   GTK_TEXT_DIR_LTR);
  set_line (editor, 0, MK_EDITOR_LINE_ITEM, "HK", MK_EDITOR_LINE_QUANTITY, "60", 0);
  g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  mk_ui_test_screenshot (editor, "editor-waybill");
  mk_ui_test_assert_no_unknown_glyphs (editor);
  waybill_text = post (editor);
  if (!mk_ui_test_is_arabic_run ())
    {
      assert_contains (waybill_text, "60 × Family hygiene kit leave Benghazi main warehouse");
      assert_contains (waybill_text, "in transit to Ganfouda detention centre");
    }
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HK", NULL, NULL, NULL), ==, 0);

  /* The posted waybill prints: through a print operation's pages, and
   * saved as PDF by the print module. */
  {
    g_autofree char *printed = g_build_filename (fixture->dir, "waybill-printed.pdf", NULL);
    g_autofree char *saved = g_build_filename (fixture->dir, "waybill.pdf", NULL);
    g_autofree char *contents = NULL;
    gsize            length = 0;

    g_assert_true (mk_document_editor_print_to_file (MK_DOCUMENT_EDITOR (editor), printed, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (printed, &contents, &length, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_clear_pointer (&contents, g_free);

    g_assert_true (mk_document_editor_save_pdf (MK_DOCUMENT_EDITOR (editor), saved, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (saved, &contents, &length, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
  }

  /* Received from the waybill: its lines come filled; three damaged, two short. */
  gtk_widget_activate_action (editor, "editor.receive", NULL);
  settle ();
  reception = find_other_editor (editor, MK_DOCUMENT_RECEPTION);
  g_assert_nonnull (reception);
  show (reception);
  g_assert_cmpuint (g_list_model_get_n_items (mk_document_editor_get_lines (MK_DOCUMENT_EDITOR (reception))), ==,
                    1);
  g_assert_cmpstr (mk_editor_line_get (line_at (reception, 0), MK_EDITOR_LINE_ITEM), ==, "HK");
  g_assert_cmpstr (mk_editor_line_get (line_at (reception, 0), MK_EDITOR_LINE_SENT), ==, "60");
  set_line (reception, 0, MK_EDITOR_LINE_QUANTITY, "55", MK_EDITOR_LINE_DAMAGED, "3", MK_EDITOR_LINE_SHORT, "2",
            MK_EDITOR_LINE_REMARKS, "Cartons torn in the rain", 0);
  g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (reception)));
  mk_ui_test_screenshot (reception, "editor-reception");
  mk_ui_test_assert_no_unknown_glyphs (reception);
  reception_text = post (reception);
  assert_contains (reception_text, "55");
  g_assert_cmpint (mk_test_site_balance (fixture, "GAN-DC", "HK"), ==, 55);
  gtk_window_destroy (GTK_WINDOW (reception));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Distributed at the site from its own stock, people counted by sex and
   * age: a total that does not match the sum is marked first. */
  editor = new_editor (fixture, MK_DOCUMENT_DISTRIBUTION);
  set_fields (editor, "site", "GAN-DC", "population_group", "migrants", "indicator", "",
              "female_0_4", "5", "female_18_59", "20", "male_18_59", "25", "households", "12", "total", "60",
              NULL);
  set_line (editor, 0, MK_EDITOR_LINE_ITEM, "HK", MK_EDITOR_LINE_QUANTITY, "50", 0);
  g_assert_false (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  g_assert_nonnull (mk_document_editor_get_field_error (MK_DOCUMENT_EDITOR (editor), "total"));
  assert_contains (mk_document_editor_get_field_error (MK_DOCUMENT_EDITOR (editor), "total"), "50");
  set_fields (editor, "total", "50", NULL);
  g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  g_assert_null (mk_document_editor_get_field_error (MK_DOCUMENT_EDITOR (editor), "total"));
  mk_ui_test_screenshot (editor, "editor-distribution");
  mk_ui_test_assert_no_unknown_glyphs (editor);
  distribution_text = post (editor);
  assert_contains (distribution_text, "50");
  g_assert_cmpint (mk_test_site_balance (fixture, "GAN-DC", "HK"), ==, 5);
  document = mk_document_editor_get_document (MK_DOCUMENT_EDITOR (editor));
  g_assert_cmpint (mk_document_get_counts (document)->total, ==, 50);
  g_assert_cmpint (mk_document_get_counts (document)->male[MK_AGE_18_59], ==, 25);
}

/* Bad input ------------------------------------------------------------------ */

static void
test_bad_input (MkFixture    *fixture,
                gconstpointer data)
{
  g_autoptr (MkDocument) received = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *long_note = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget  *editor;
  GtkWidget  *quantity_cell;
  const char *message;

  received = mk_test_receive (fixture, today (), "BEN-MAIN", "SOAP", 300, NULL, NULL, NULL);
  dump = mk_fixture_dump (fixture);

  /* A date that does not exist, letters in a quantity. */
  editor = new_editor (fixture, MK_DOCUMENT_GRN);
  {
    g_autofree char *path = g_build_filename (fixture->dir, "draft.pdf", NULL);

    /* A draft receipt has no printed form yet, and no file is left. */
    g_assert_false (mk_document_editor_save_pdf (MK_DOCUMENT_EDITOR (editor), path, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  set_fields (editor, "warehouse", "BEN-MAIN", "date", "31/02/2026", NULL);
  quantity_cell = find_widget (editor, is_named, "line-quantity");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (editor, is_named, "line-item")), "SOAP");
  gtk_editable_set_text (GTK_EDITABLE (quantity_cell), "12abc");
  g_assert_false (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  g_assert_nonnull (mk_document_editor_get_field_error (MK_DOCUMENT_EDITOR (editor), "date"));
  g_assert_nonnull (mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_ERROR));
  settle ();
  g_assert_true (gtk_widget_has_css_class (quantity_cell, "error"));
  g_assert_true (gtk_widget_has_css_class (find_widget (editor, is_named, "date"), "error"));
  mk_ui_test_screenshot (editor, "editor-bad-input");
  mk_ui_test_assert_no_unknown_glyphs (editor);
  assert_post_refused (fixture, editor, dump);

  /* Corrected, the marks go; a date typed with Arabic-Indic digits is a date. */
  {
    GString *arabic = g_string_new (NULL);

    for (const char *p = today (); *p != '\0'; p++)
      if (g_ascii_isdigit (*p))
        g_string_append_unichar (arabic, 0x0660 + (*p - '0'));
      else
        g_string_append_c (arabic, *p);
    set_fields (editor, "date", arabic->str, NULL);
    g_string_free (arabic, TRUE);
  }
  mk_document_editor_check (MK_DOCUMENT_EDITOR (editor));
  g_assert_null (mk_document_editor_get_field_error (MK_DOCUMENT_EDITOR (editor), "date"));
  set_fields (editor, "date", today (), NULL);
  gtk_editable_set_text (GTK_EDITABLE (quantity_cell), "12");
  g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  g_assert_null (mk_document_editor_get_field_error (MK_DOCUMENT_EDITOR (editor), "date"));
  g_assert_false (gtk_widget_has_css_class (quantity_cell, "error"));

  /* A 10,000-character note is refused beside the field, with its length. */
  long_note = g_strnfill (10000, 'x');
  set_fields (editor, "notes", long_note, NULL);
  g_assert_false (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  assert_contains (mk_document_editor_get_field_error (MK_DOCUMENT_EDITOR (editor), "notes"), "10000");
  assert_post_refused (fixture, editor, dump);
  set_fields (editor, "notes", "Delivered by the supplier's truck", NULL);

  /* Pasted text that is not lines: refused whole, nothing added. */
  g_assert_false (mk_document_editor_paste_lines (MK_DOCUMENT_EDITOR (editor), "BRUSH\t20\nSOAP\tmany\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  assert_contains (error->message, "2");
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (mk_document_editor_get_lines (MK_DOCUMENT_EDITOR (editor))), ==, 1);

  /* A fault only the core finds (an unknown grant on line 2) is marked on
   * that line, and the draft stays as it was. */
  set_line (editor, 1, MK_EDITOR_LINE_ITEM, "BRUSH", MK_EDITOR_LINE_QUANTITY, "10", MK_EDITOR_LINE_GRANT,
            "NO-SUCH-GRANT", 0);
  g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  gtk_widget_activate_action (editor, "editor.post", NULL);
  settle ();
  g_free (answer_dialog (editor, GTK_RESPONSE_ACCEPT));
  g_assert_cmpint (mk_document_get_status (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (editor))), ==,
                   MK_DOCUMENT_DRAFT);
  g_assert_cmpint (mk_document_get_id (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (editor))), ==, 0);
  g_assert_null (mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_ERROR));
  g_assert_nonnull (mk_editor_line_get (line_at (editor, 1), MK_EDITOR_LINE_ERROR));
  assert_contains (mk_editor_line_get (line_at (editor, 1), MK_EDITOR_LINE_ERROR), "NO-SUCH-GRANT");
  g_assert_nonnull (mk_document_editor_get_message (MK_DOCUMENT_EDITOR (editor)));
  g_assert_cmpstr (mk_editor_line_get (line_at (editor, 1), MK_EDITOR_LINE_GRANT), ==, "NO-SUCH-GRANT");
  mk_fixture_assert_unchanged (fixture, dump);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Stock short on a waybill: the line says what there is. A warehouse
   * mistyped is marked beside its field first. */
  editor = new_editor (fixture, MK_DOCUMENT_WAYBILL);
  set_fields (editor, "warehouse", "BEN-MAN", NULL);
  set_line (editor, 0, MK_EDITOR_LINE_ITEM, "SOAP", MK_EDITOR_LINE_QUANTITY, "5", 0);
  g_assert_false (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  assert_contains (mk_document_editor_get_field_error (MK_DOCUMENT_EDITOR (editor), "warehouse"), "BEN-MAN");
  g_assert_null (mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_ERROR));
  assert_post_refused (fixture, editor, dump);
  set_fields (editor, "warehouse", "BEN-MAIN", "to_warehouse", "BEN-FIELD", NULL);
  set_line (editor, 0, MK_EDITOR_LINE_ITEM, "SOAP", MK_EDITOR_LINE_QUANTITY, "500", 0);
  g_assert_false (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  message = mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_ERROR);
  g_assert_nonnull (message);
  assert_contains (message, "300");
  assert_contains (message, "500");
  mk_ui_test_wait_for_frames (editor, 1);
  g_assert_nonnull (find_widget (editor, mk_ui_test_is_label_containing, message));
  mk_ui_test_screenshot (editor, "editor-stock-short");
  mk_ui_test_assert_no_unknown_glyphs (editor);
  assert_post_refused (fixture, editor, dump);

  /* Letters in the quantity, typed in the cell. */
  gtk_editable_set_text (GTK_EDITABLE (find_widget (editor, is_named, "line-quantity")), "ten");
  g_assert_false (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  assert_post_refused (fixture, editor, dump);

  /* A whole-document fault found by the core (no destination) goes to the
   * top, and nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (find_widget (editor, is_named, "line-quantity")), "30");
  set_fields (editor, "to_warehouse", "", NULL);
  g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  gtk_widget_activate_action (editor, "editor.post", NULL);
  settle ();
  g_free (answer_dialog (editor, GTK_RESPONSE_ACCEPT));
  g_assert_nonnull (mk_document_editor_get_message (MK_DOCUMENT_EDITOR (editor)));
  g_assert_cmpint (mk_document_get_status (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (editor))), ==,
                   MK_DOCUMENT_DRAFT);
  mk_fixture_assert_unchanged (fixture, dump);

  /* Backing out of the confirmation changes nothing either. */
  set_fields (editor, "to_warehouse", "BEN-FIELD", NULL);
  gtk_widget_activate_action (editor, "editor.post", NULL);
  settle ();
  g_free (answer_dialog (editor, GTK_RESPONSE_CANCEL));
  mk_fixture_assert_unchanged (fixture, dump);
}

/* Drafts, cancellation, duplicates --------------------------------------------- */

static void
test_draft_cancel_duplicate (MkFixture    *fixture,
                             gconstpointer data)
{
  g_autoptr (MkDocument) received = NULL;
  g_autoptr (MkDocument) reread = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *editor, *reopened, *copy, *cancellation_editor;
  GtkWidget *dialog;
  gint64     id;

  /* A draft saved, reopened with its lines, then discarded. */
  editor = new_editor (fixture, MK_DOCUMENT_ADJUSTMENT);
  set_fields (editor, "warehouse", "BEN-MAIN", "reason", "found", NULL);
  set_line (editor, 0, MK_EDITOR_LINE_ITEM, "BUCKET", MK_EDITOR_LINE_QUANTITY, "+7", 0);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  settle ();
  id = mk_document_get_id (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (editor)));
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BUCKET", NULL, NULL, NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));

  reopened = mk_document_editor_new (NULL, fixture->db, MK_DOCUMENT_GRN, id, 0);
  show (reopened);
  g_assert_cmpint (mk_document_get_kind (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (reopened))), ==,
                   MK_DOCUMENT_ADJUSTMENT);
  g_assert_cmpstr (mk_editor_line_get (line_at (reopened, 0), MK_EDITOR_LINE_ITEM), ==, "BUCKET");
  g_assert_cmpstr (mk_editor_line_get (line_at (reopened, 0), MK_EDITOR_LINE_QUANTITY), ==, "7");
  mk_ui_test_screenshot (reopened, "editor-adjustment");
  mk_ui_test_assert_no_unknown_glyphs (reopened);
  gtk_widget_activate_action (reopened, "editor.discard", NULL);
  settle ();
  g_object_add_weak_pointer (G_OBJECT (reopened), (gpointer *) &reopened);
  g_free (answer_dialog (reopened, GTK_RESPONSE_ACCEPT));
  g_assert_null (reopened);
  reread = mk_documents_get (fixture->db, id, &error);
  g_assert_null (reread);
  g_assert_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A posted receipt: duplicated into a new draft, then cancelled. */
  received = mk_test_receive (fixture, today (), "BEN-MAIN", "BLANKET", 80, NULL, NULL, "ECHO-2026");
  editor = mk_document_editor_new (NULL, fixture->db, MK_DOCUMENT_GRN, mk_document_get_id (received), 0);
  show (editor);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_widget (editor, is_named, "warehouse"))));

  gtk_widget_activate_action (editor, "editor.duplicate", NULL);
  settle ();
  copy = find_other_editor (editor, MK_DOCUMENT_GRN);
  g_assert_nonnull (copy);
  show (copy);
  g_assert_cmpint (mk_document_get_id (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (copy))), ==, 0);
  g_assert_cmpstr (mk_editor_line_get (line_at (copy, 0), MK_EDITOR_LINE_ITEM), ==, "BLANKET");
  g_assert_cmpstr (mk_editor_line_get (line_at (copy, 0), MK_EDITOR_LINE_QUANTITY), ==, "80");
  g_assert_cmpstr (mk_editor_line_get (line_at (copy, 0), MK_EDITOR_LINE_GRANT), ==, "ECHO-2026");
  g_object_add_weak_pointer (G_OBJECT (copy), (gpointer *) &copy);
  /* Closing a changed draft asks first. */
  gtk_window_close (GTK_WINDOW (copy));
  settle ();
  g_assert_nonnull (copy);
  g_free (answer_dialog (copy, GTK_RESPONSE_CLOSE));
  g_assert_null (copy);

  gtk_widget_activate_action (editor, "editor.cancel-document", NULL);
  settle ();
  dialog = find_dialog (GTK_WINDOW (editor));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "mk-reason-entry")),
                         "Received twice by mistake");
  g_free (answer_dialog (editor, GTK_RESPONSE_ACCEPT));
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, NULL, NULL), ==, 0);
  /* Cancelled once: cancelling again is not offered. */
  gtk_widget_activate_action (editor, "editor.cancel-document", NULL);
  settle ();
  g_assert_null (find_dialog (GTK_WINDOW (editor)));
  g_assert_nonnull (mk_document_editor_get_message (MK_DOCUMENT_EDITOR (editor)));
  assert_contains (mk_document_editor_get_message (MK_DOCUMENT_EDITOR (editor)), "-CAN-");

  /* The cancellation opens read only. */
  {
    g_autoptr (GPtrArray) cancellations = mk_documents_list (fixture->db, MK_DOCUMENT_CANCELLATION, NULL, NULL,
                                                             &error);
    MkDocumentSummary *summary;

    g_assert_no_error (error);
    g_assert_cmpuint (cancellations->len, ==, 1);
    summary = g_ptr_array_index (cancellations, 0);
    cancellation_editor = mk_document_editor_new (NULL, fixture->db, MK_DOCUMENT_GRN, summary->id, 0);
    show (cancellation_editor);
    g_assert_cmpuint (g_list_model_get_n_items (mk_document_editor_get_lines (MK_DOCUMENT_EDITOR (cancellation_editor))), >, 0);
    mk_ui_test_screenshot (cancellation_editor, "editor-cancellation");
    mk_ui_test_assert_no_unknown_glyphs (cancellation_editor);
  }

  /* A document that does not exist opens with the reason, never a crash. */
  {
    GtkWidget *missing = mk_document_editor_new (NULL, fixture->db, MK_DOCUMENT_WAYBILL, 999999, 0);

    show (missing);
    g_assert_nonnull (mk_document_editor_get_message (MK_DOCUMENT_EDITOR (missing)));
    gtk_window_destroy (GTK_WINDOW (missing));
  }
}

/* A waybill received in two parts --------------------------------------------- */

static void
test_reception_in_parts (MkFixture    *fixture,
                         gconstpointer data)
{
  g_autoptr (MkDocument) soap = mk_test_receive (fixture, today (), "BEN-MAIN", "SOAP", 100, NULL, NULL, NULL);
  g_autoptr (MkDocument) buckets = mk_test_receive (fixture, today (), "BEN-MAIN", "BUCKET", 50, NULL, NULL, NULL);
  g_autoptr (MkDocument) waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", today (), "warehouse",
                                                         "BEN-MAIN", "to_warehouse", "BEN-FIELD", NULL);
  g_autofree char *dump = NULL;
  GtkWidget       *editor;
  guint            soap_line, bucket_line;

  mk_test_add_line (waybill, "SOAP", 100, NULL);
  mk_test_add_line (waybill, "BUCKET", 50, NULL);
  mk_test_post (fixture, waybill);

  /* First part: the soap arrived, the buckets not yet. */
  editor = mk_document_editor_new (NULL, fixture->db, MK_DOCUMENT_RECEPTION, 0, mk_document_get_id (waybill));
  show (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (editor, is_named, "waybill"))), ==,
                   mk_document_get_number (waybill));
  g_assert_cmpuint (g_list_model_get_n_items (mk_document_editor_get_lines (MK_DOCUMENT_EDITOR (editor))), ==, 2);
  soap_line = g_strcmp0 (mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_ITEM), "SOAP") == 0 ? 0 : 1;
  bucket_line = 1 - soap_line;

  /* Nothing at all received is not a reception (no lines would take in
   * everything the waybill carries). */
  dump = mk_fixture_dump (fixture);
  set_line (editor, soap_line, MK_EDITOR_LINE_QUANTITY, "0", 0);
  set_line (editor, bucket_line, MK_EDITOR_LINE_QUANTITY, "0", 0);
  assert_post_refused (fixture, editor, dump);
  g_assert_nonnull (mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_ERROR));

  /* More than the waybill carries is marked before posting. */
  set_line (editor, soap_line, MK_EDITOR_LINE_QUANTITY, "90", MK_EDITOR_LINE_SHORT, "20", 0);
  g_assert_false (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
  assert_contains (mk_editor_line_get (line_at (editor, soap_line), MK_EDITOR_LINE_ERROR), "100");

  set_line (editor, soap_line, MK_EDITOR_LINE_QUANTITY, "100", MK_EDITOR_LINE_SHORT, "", 0);
  g_free (post (editor));
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "SOAP", NULL, NULL, NULL), ==, 100);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "BUCKET", NULL, NULL, NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Second part: only the buckets are still carried. */
  editor = mk_document_editor_new (NULL, fixture->db, MK_DOCUMENT_RECEPTION, 0, mk_document_get_id (waybill));
  show (editor);
  g_assert_cmpuint (g_list_model_get_n_items (mk_document_editor_get_lines (MK_DOCUMENT_EDITOR (editor))), ==, 1);
  g_assert_cmpstr (mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_ITEM), ==, "BUCKET");
  g_assert_cmpstr (mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_SENT), ==, "50");
  g_free (post (editor));
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "BUCKET", NULL, NULL, NULL), ==, 50);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Received in full: a third reception says so. */
  editor = mk_document_editor_new (NULL, fixture->db, MK_DOCUMENT_RECEPTION, 0, mk_document_get_id (waybill));
  show (editor);
  g_assert_nonnull (mk_document_editor_get_message (MK_DOCUMENT_EDITOR (editor)));
  assert_contains (mk_document_editor_get_message (MK_DOCUMENT_EDITOR (editor)), mk_document_get_number (waybill));
}

/* Every kind ------------------------------------------------------------------- */

static void
test_every_kind (MkFixture    *fixture,
                 gconstpointer data)
{
  g_autoptr (MkDocument) received = NULL;
  g_autoptr (MkDocument) toothpaste = NULL;
  g_autoptr (MkDocument) kits = NULL;

  received = mk_test_receive (fixture, today (), "BEN-MAIN", "SOAP", 300, NULL, NULL, "ECHO-2026");
  toothpaste = mk_test_receive (fixture, today (), "BEN-MAIN", "TOOTHPASTE", 90, "TP-2703", "2027-03-31", NULL);
  kits = mk_test_receive (fixture, today (), "BEN-MAIN", "HYG-KIT", 120, NULL, NULL, NULL);

  for (MkDocumentKind kind = 0; kind < MK_DOCUMENT_N_KINDS; kind++)
    {
      GtkWidget       *editor;
      g_autofree char *name = NULL;

      if (kind == MK_DOCUMENT_CANCELLATION)
        continue; /* made by cancelling, opened read only: see above */
      editor = new_editor (fixture, kind);
      g_assert_true (MK_IS_DOCUMENT_EDITOR (editor));
      g_assert_cmpint (mk_document_get_kind (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (editor))), ==,
                       kind);
      /* Every editor has a date, and today's. */
      g_assert_nonnull (find_widget (editor, is_named, "date"));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (editor, is_named, "date"))), ==,
                       today ());
      g_assert_true (gtk_widget_get_direction (find_widget (editor, is_named, "date")) == GTK_TEXT_DIR_LTR);

      switch (kind)
        {
        case MK_DOCUMENT_DEKITTING:
          set_fields (editor, "warehouse", "BEN-MAIN", "kit", "HK", "kit_quantity", "10", NULL);
          /* No HK in stock: the bill of materials says so. */
          mk_document_editor_check (MK_DOCUMENT_EDITOR (editor));
          break;
        case MK_DOCUMENT_COUNT:
          set_fields (editor, "warehouse", "BEN-MAIN", NULL);
          gtk_widget_activate_action (editor, "editor.fill-count", NULL);
          settle ();
          /* Soap, hygiene kits and two lots of toothpaste, one expired. */
          g_assert_cmpuint (g_list_model_get_n_items (mk_document_editor_get_lines (MK_DOCUMENT_EDITOR (editor))), ==,
                            4);
          {
            guint found = 0;

            /* Counted SOAP shows its book quantity and the difference;
             * the lines not counted are left out, not refused. */
            g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
            for (guint i = 0; i < 4; i++)
              if (g_strcmp0 (mk_editor_line_get (line_at (editor, i), MK_EDITOR_LINE_ITEM), "SOAP") == 0)
                {
                  set_line (editor, i, MK_EDITOR_LINE_QUANTITY, "٢٩٨", 0);
                  g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
                  g_assert_cmpstr (mk_editor_line_get (line_at (editor, i), MK_EDITOR_LINE_BOOK), ==, "300");
                  g_assert_cmpstr (mk_editor_line_get (line_at (editor, i), MK_EDITOR_LINE_DIFFERENCE), ==, "-2");
                  found++;
                }
              else
                g_assert_nonnull (mk_editor_line_get (line_at (editor, i), MK_EDITOR_LINE_BOOK));
            g_assert_cmpuint (found, ==, 1);
          }
          break;
        case MK_DOCUMENT_SERVICE:
          set_fields (editor, "site", "KUF-UC", "population_group", "migrants", "activity", "hygiene_promotion",
                      "quantity", "6", "warehouse", "BEN-MAIN", "female_18_59", "14", "male_18_59", "11",
                      "total", "25", NULL);
          set_line (editor, 0, MK_EDITOR_LINE_ITEM, "SOAP", MK_EDITOR_LINE_QUANTITY, "25", 0);
          /* All the soap belongs to ECHO-2026: without the grant, none is free. */
          g_assert_false (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
          assert_contains (mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_ERROR), "SOAP");
          set_fields (editor, "grant", "ECHO-2026", NULL);
          g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
          break;
        case MK_DOCUMENT_DISTRIBUTION:
          {
            g_autoptr (MkRecord) household = mk_test_add_household (fixture, "HH-0001", "KUF-UC", NULL,
                                                                    "2026-01-10", "female_18_59", "1",
                                                                    "male_18_59", "1", "female_5_11", "2", NULL);

            set_fields (editor, "site", "KUF-UC", "warehouse", "BEN-MAIN", "population_group", "migrants",
                        NULL);
            mk_document_editor_set_household_list (MK_DOCUMENT_EDITOR (editor), TRUE);
            settle ();
            g_assert_cmpuint (g_list_model_get_n_items (mk_document_editor_get_receipts (MK_DOCUMENT_EDITOR (editor))),
                              ==, 1);
            {
              MkEditorLine *receipt = g_list_model_get_item (mk_document_editor_get_receipts (MK_DOCUMENT_EDITOR (editor)), 0);

              mk_editor_line_set (receipt, MK_EDITOR_LINE_HOUSEHOLD, "HH-0001");
              mk_editor_line_set (receipt, MK_EDITOR_LINE_ITEM, "HYG-KIT");
              mk_editor_line_set (receipt, MK_EDITOR_LINE_QUANTITY, "1");
              g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
              g_assert_null (mk_editor_line_get (receipt, MK_EDITOR_LINE_ERROR));

              /* One kit per household in 30 days, and it had one today:
               * flagged before posting, accepted with a reason. */
              {
                g_autoptr (MkRecord) rule = mk_fixture_add (fixture, "entitlement", "code", "HYG-30", "item",
                                                            "HYG-KIT", "per", "household", "quantity", "1",
                                                            "interval_days", "30", NULL);
                g_autoptr (MkDocument) earlier = mk_test_document_new (
                    MK_DOCUMENT_DISTRIBUTION, "date", today (), "site", "KUF-UC", "warehouse", "BEN-MAIN",
                    "population_group", "migrants", NULL);

                mk_test_add_receipt (earlier, "HH-0001", "HYG-KIT", 1, NULL);
                mk_test_post (fixture, earlier);
              }
              g_assert_false (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
              g_assert_nonnull (mk_editor_line_get (receipt, MK_EDITOR_LINE_ERROR));
              assert_contains (mk_editor_line_get (receipt, MK_EDITOR_LINE_ERROR), today ());
              mk_editor_line_set (receipt, MK_EDITOR_LINE_OVERRIDE_REASON, "Kit lost in a fire at the shelter");
              g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
              g_assert_null (mk_editor_line_get (receipt, MK_EDITOR_LINE_ERROR));
              g_assert_nonnull (mk_editor_line_get (receipt, MK_EDITOR_LINE_HINT));
              g_object_unref (receipt);
            }
          }
          break;
        case MK_DOCUMENT_WAYBILL:
          {
            g_autoptr (MkDocument) expired = mk_test_receive (fixture, "2026-01-05", "BEN-MAIN", "TOOTHPASTE", 10,
                                                              "TP-2601", "2026-01-31", NULL);
            const char *hint;

            /* Lots first expiry first out, never an expired one. */
            set_fields (editor, "warehouse", "BEN-MAIN", "to_warehouse", "BEN-FIELD", NULL);
            set_line (editor, 0, MK_EDITOR_LINE_ITEM, "TOOTHPASTE", MK_EDITOR_LINE_QUANTITY, "20", 0);
            g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
            hint = mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_HINT);
            g_assert_nonnull (hint);
            assert_contains (hint, "TP-2703");
            g_assert_null (strstr (hint, "TP-2601"));
            /* 100 in stock, 10 expired: 95 is short, with what there is. */
            set_line (editor, 0, MK_EDITOR_LINE_QUANTITY, "95", 0);
            g_assert_false (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
            assert_contains (mk_editor_line_get (line_at (editor, 0), MK_EDITOR_LINE_ERROR), "90");
            set_line (editor, 0, MK_EDITOR_LINE_QUANTITY, "20", 0);
            g_assert_true (mk_document_editor_check (MK_DOCUMENT_EDITOR (editor)));
          }
          break;
        case MK_DOCUMENT_RECEPTION:
        case MK_DOCUMENT_GRN:
        case MK_DOCUMENT_KITTING:
        case MK_DOCUMENT_ADJUSTMENT:
        case MK_DOCUMENT_CANCELLATION:
        case MK_DOCUMENT_N_KINDS:
        default:
          break;
        }
      name = g_strdup_printf ("editor-%s%s", mk_document_kind_to_name (kind),
                              kind == MK_DOCUMENT_GRN || kind == MK_DOCUMENT_WAYBILL || kind == MK_DOCUMENT_RECEPTION || kind == MK_DOCUMENT_KITTING || kind == MK_DOCUMENT_ADJUSTMENT || kind == MK_DOCUMENT_DISTRIBUTION
                                  ? "-new"
                                  : "");
      mk_ui_test_screenshot (editor, name);
      mk_ui_test_assert_no_unknown_glyphs (editor);
      /* A service with materials: people counted, soap issued. */
      if (kind == MK_DOCUMENT_SERVICE)
        {
          g_free (post (editor));
          g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 300 - 25);
          g_assert_cmpint (mk_document_get_counts (mk_document_editor_get_document (MK_DOCUMENT_EDITOR (editor)))->total,
                           ==, 25);
        }
      gtk_window_destroy (GTK_WINDOW (editor));
      settle ();
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("MAKHZAN_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  /* Under Xvfb, GL is Mesa's software rasteriser, which spent most of this
   * test's time drawing 1280×720 frames; Cairo draws them as well, faster. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();

  g_test_add ("/ui/editors/flow", MkFixture, NULL, set_up, test_flow, tear_down);
  g_test_add ("/ui/editors/bad-input", MkFixture, NULL, set_up, test_bad_input, tear_down);
  g_test_add ("/ui/editors/draft-cancel-duplicate", MkFixture, NULL, set_up, test_draft_cancel_duplicate,
              tear_down);
  g_test_add ("/ui/editors/reception-in-parts", MkFixture, NULL, set_up, test_reception_in_parts, tear_down);
  g_test_add ("/ui/editors/every-kind", MkFixture, NULL, set_up, test_every_kind, tear_down);

  return g_test_run ();
}
