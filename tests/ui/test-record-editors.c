/* test-record-editors.c: the editors of master data and the new-office
 * form, filled through their widgets on a real database, under Xvfb.
 *
 * Run twice by meson: in English, and with LANGUAGE=ar for right to left.
 * Screenshots go to $MAKHZAN_BUILD_ROOT/screenshots/record-KIND-LANG.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-test-record-editors"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include <gtk/gtk.h>

#include "makhzan-core.h"
#include "mk-ui-test.h"
#include "mk-kit-bill.h"
#include "mk-new-office-dialog.h"
#include "mk-record-chooser.h"
#include "mk-record-editor.h"
#include "mk-test-ledger.h"

/* Running the main loop ------------------------------------------------- */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
show (GtkWidget *window)
{
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  mk_ui_test_wait_for_frames (window, 2);
}

static void
destroy_and_wait (GtkWidget *window)
{
  GtkWidget *watched = window;

  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *) &watched);
  gtk_window_destroy (GTK_WINDOW (window));
  while (watched != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Filling the form through its widgets ---------------------------------- */

typedef struct
{
  MkFixture       fixture;
  MkRecordEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  mk_ledger_fixture_set_up (&f->fixture, data);
  mk_test_add_people_catalogue (&f->fixture);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  if (f->editor != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
      /* Closed without asking: the test is over. */
      destroy_and_wait (GTK_WIDGET (f->editor));
    }
  mk_ledger_fixture_tear_down (&f->fixture, data);
}

static MkRecordEditor *
open_editor (Fixture    *f,
             const char *kind,
             gint64      id)
{
  GtkWidget *editor = mk_record_editor_new (NULL, f->fixture.db, kind, id);

  g_assert_true (MK_IS_RECORD_EDITOR (editor));
  f->editor = MK_RECORD_EDITOR (editor);
  gtk_window_set_default_size (GTK_WINDOW (editor), 900, 760);
  show (editor);
  return f->editor;
}

static void
close_editor (Fixture *f)
{
  destroy_and_wait (GTK_WIDGET (f->editor));
  f->editor = NULL;
}

static GtkWidget *
field (MkRecordEditor *editor,
       const char     *name)
{
  GtkWidget *widget = mk_record_editor_get_field_widget (editor, name);

  if (widget == NULL)
    g_error ("The editor has no field %s", name);
  /* The widget is named after its field, for the accessibility tree. */
  g_assert_cmpstr (gtk_widget_get_name (widget), ==, name);
  return widget;
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  GtkEditable *editable = MK_IS_RECORD_CHOOSER (widget)
                              ? mk_record_chooser_get_editable (MK_RECORD_CHOOSER (widget))
                              : GTK_EDITABLE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_set_text (editable, text);
  iterate ();
}

/* Chooses the vocabulary entry @code by the name the drop-down shows. */
static void
choose_vocab (Fixture    *f,
              GtkWidget  *widget,
              const char *vocab,
              const char *code)
{
  g_autoptr (GPtrArray) entries = mk_master_data_list_vocabulary (f->fixture.db, vocab, NULL);
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
  const char *name = NULL;

  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const MkVocabEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->code, code))
        name = mk_vocab_entry_get_display_name (entry);
    }
  g_assert_nonnull (name);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), i);
        return;
      }
  g_error ("The drop-down does not show %s", name);
}

/* Types @text into a chooser and picks the match whose code is @code. */
static void
choose_record (GtkWidget  *widget,
               const char *text,
               const char *code)
{
  MkRecordChooser *chooser = MK_RECORD_CHOOSER (widget);
  guint            n;

  type_into (widget, text);
  n = mk_record_chooser_get_n_matches (chooser);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *chosen = NULL;

      mk_record_chooser_choose_match (chooser, i);
      chosen = mk_record_chooser_get_text (chooser);
      if (g_str_equal (chosen, code))
        return;
      type_into (widget, text);
    }
  g_error ("Typing “%s” does not offer %s", text, code);
}

static void
save (MkRecordEditor *editor)
{
  gint64 before = mk_record_editor_get_record_id (editor);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
  if (mk_record_editor_get_banner (editor) != NULL)
    g_error ("Saving was refused: %s", mk_record_editor_get_banner (editor));
  g_assert_cmpint (mk_record_editor_get_record_id (editor), !=, 0);
  if (before != 0)
    g_assert_cmpint (mk_record_editor_get_record_id (editor), ==, before);
  g_assert_false (mk_record_editor_is_modified (editor));
}

static MkRecord *
stored (Fixture    *f,
        const char *kind,
        const char *code)
{
  g_autoptr (GError) error = NULL;
  MkRecord *record = mk_master_data_get (f->fixture.db, mk_kind_lookup (kind), code, &error);

  g_assert_no_error (error);
  return record;
}

static void
assert_text (MkRecord   *record,
             const char *field_name,
             const char *expected)
{
  g_autofree char *text = mk_record_get_text (record, field_name);

  g_assert_cmpstr (text, ==, expected);
}

static gboolean
label_has_text (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A visible label showing @text, depth first. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (label_has_text (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Each kind ----------------------------------------------------------------- */

static void
test_warehouse (Fixture      *f,
                gconstpointer data)
{
  MkRecordEditor *editor = open_editor (f, "warehouse", 0);
  g_autoptr (MkRecord) record = NULL;

  /* Codes are typed left to right whatever the interface; the Arabic name
   * right to left. */
  g_assert_cmpint (gtk_widget_get_direction (field (editor, "code")), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (field (editor, "phone")), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (field (editor, "name_ar")), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (field (editor, "name_en")), ==, GTK_TEXT_DIR_LTR);
  /* The text inside the entry too: GTK does not pass it on. */
  g_assert_cmpint (gtk_widget_get_direction (gtk_widget_get_first_child (field (editor, "code"))),
                   ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (
      gtk_widget_get_direction (gtk_widget_get_first_child (field (editor, "name_ar"))), ==,
      GTK_TEXT_DIR_RTL);

  type_into (field (editor, "code"), "TOB-MAIN");
  type_into (field (editor, "name_en"), "Tobruk warehouse");
  type_into (field (editor, "name_ar"), "مستودع طبرق");
  choose_vocab (f, field (editor, "type"), "warehouse_types", "main");
  /* The baladiya found by its Arabic name. */
  choose_record (field (editor, "baladiya"), "طبرق", "LY010403");
  type_into (field (editor, "manager"), "Salma Idris");
  type_into (field (editor, "phone"), "+218 91 234 5678");
  g_assert_true (mk_record_editor_is_modified (editor));
  save (editor);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-warehouse");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));

  record = stored (f, "warehouse", "TOB-MAIN");
  assert_text (record, "name_ar", "مستودع طبرق");
  assert_text (record, "type", "main");
  assert_text (record, "baladiya", "LY010403");
  assert_text (record, "phone", "+218 91 234 5678");
  assert_text (record, "active", "yes");
}

static void
test_site (Fixture      *f,
           gconstpointer data)
{
  MkRecordEditor *editor = open_editor (f, "site", 0);
  g_autoptr (MkRecord) record = NULL;

  type_into (field (editor, "code"), "TOB-DP");
  type_into (field (editor, "name_en"), "Tobruk disembarkation point");
  type_into (field (editor, "name_ar"), "نقطة إنزال طبرق");
  choose_vocab (f, field (editor, "type"), "site_types", "urban_community");
  /* By P-code. */
  choose_record (field (editor, "baladiya"), "LY010403", "LY010403");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (editor, "sensitive")), TRUE);
  /* Arabic-Indic digits are digits. */
  type_into (field (editor, "capacity"), "١٢٠");
  g_assert_null (mk_record_editor_get_field_error (editor, "capacity"));
  save (editor);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-site");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));

  record = stored (f, "site", "TOB-DP");
  assert_text (record, "capacity", "120");
  assert_text (record, "sensitive", "yes");
  assert_text (record, "type", "urban_community");
}

static void
test_item (Fixture      *f,
           gconstpointer data)
{
  MkRecordEditor *editor = open_editor (f, "item", 0);
  g_autoptr (MkRecord) record = NULL;

  type_into (field (editor, "code"), "JERRYCAN");
  type_into (field (editor, "name_en"), "Jerrycan, 20 litres");
  type_into (field (editor, "name_ar"), "جركن ٢٠ لتر");
  choose_vocab (f, field (editor, "category"), "item_categories", "wash");
  choose_vocab (f, field (editor, "unit"), "units", "piece");
  type_into (field (editor, "weight_kg"), "٠٫٨٥");
  type_into (field (editor, "volume_m3"), "0.027");
  type_into (field (editor, "pack_size"), "10");
  type_into (field (editor, "reorder_level"), "٢٠٠");
  /* Not a kit: no bill of materials. */
  g_assert_false (gtk_widget_get_visible (mk_record_editor_get_kit_bill (editor)));
  save (editor);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-item");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));

  record = stored (f, "item", "JERRYCAN");
  g_assert_cmpint (mk_record_get_int (record, "weight_kg"), ==, 850);
  g_assert_cmpint (mk_record_get_int (record, "volume_m3"), ==, 27000);
  assert_text (record, "reorder_level", "200");
  assert_text (record, "pack_size", "10");
  assert_text (record, "name_ar", "جركن ٢٠ لتر");

  /* Edited again: only the changed field is written. */
  type_into (field (editor, "reorder_level"), "250");
  save (editor);
  g_clear_object (&record);
  record = stored (f, "item", "JERRYCAN");
  assert_text (record, "reorder_level", "250");
  g_assert_cmpint (mk_record_get_int (record, "weight_kg"), ==, 850);
}

static void
test_donor_and_grant (Fixture      *f,
                      gconstpointer data)
{
  MkRecordEditor *editor = open_editor (f, "donor", 0);
  g_autoptr (MkRecord) grant = NULL;

  type_into (field (editor, "code"), "SDC");
  type_into (field (editor, "name_en"), "Swiss Agency for Development and Cooperation");
  type_into (field (editor, "name_ar"), "الوكالة السويسرية للتنمية والتعاون");
  save (editor);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-donor");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));
  close_editor (f);

  editor = open_editor (f, "grant", 0);
  type_into (field (editor, "code"), "SDC-2026");
  /* The donor found by its name. */
  choose_record (field (editor, "donor"), "Swiss", "SDC");
  type_into (field (editor, "name_en"), "Winterisation 2026");
  type_into (field (editor, "start_date"), "2026-01-01");
  type_into (field (editor, "end_date"), "31/12/2026");
  choose_vocab (f, field (editor, "sector"), "sectors", "SHL");
  save (editor);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-grant");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));

  grant = stored (f, "grant", "SDC-2026");
  assert_text (grant, "donor", "SDC");
  assert_text (grant, "end_date", "2026-12-31");
  assert_text (grant, "sector", "SHL");
}

static void
test_partner (Fixture      *f,
              gconstpointer data)
{
  MkRecordEditor *editor = open_editor (f, "partner", 0);
  g_autoptr (MkRecord) record = NULL;

  type_into (field (editor, "code"), "STACO");
  type_into (field (editor, "name_en"), "STACO");
  type_into (field (editor, "name_ar"), "ستاكو");
  type_into (field (editor, "contact"), "Ahmed Ali");
  type_into (field (editor, "phone"), "٠٩١٢٣٤٥٦٧٨");
  save (editor);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-partner");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));

  record = stored (f, "partner", "STACO");
  assert_text (record, "contact", "Ahmed Ali");
  g_assert_nonnull (mk_record_get_string (record, "phone"));
}

static void
test_entitlement (Fixture      *f,
                  gconstpointer data)
{
  MkRecordEditor *editor = open_editor (f, "entitlement", 0);
  GtkWidget      *per;
  g_autoptr (MkRecord) record = NULL;

  type_into (field (editor, "code"), "HYG-30");
  choose_record (field (editor, "item"), "HYG", "HYG-KIT");
  per = field (editor, "per");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (per), 0);
  type_into (field (editor, "quantity"), "1");
  type_into (field (editor, "interval_days"), "30");
  save (editor);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-entitlement");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));

  record = stored (f, "entitlement", "HYG-30");
  assert_text (record, "item", "HYG-KIT");
  assert_text (record, "per", "person");
  assert_text (record, "interval_days", "30");
}

/* Households ----------------------------------------------------------------- */

static void
test_household (Fixture      *f,
                gconstpointer data)
{
  MkRecordEditor *editor = open_editor (f, "household", 0);
  g_autoptr (MkRecord) record = NULL;
  g_autoptr (MkDocument) grn = NULL;
  g_autoptr (MkDocument) distribution = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  gint64           id;

  /* This office does not keep names and phone numbers: the fields are
   * marked and cannot be filled. */
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (field (editor, "head_name"))));

  type_into (field (editor, "code"), "HH-100");
  choose_record (field (editor, "site"), "GAN", "GAN-DC");
  choose_vocab (f, field (editor, "population_group"), "population_groups", "migrants");
  type_into (field (editor, "size"), "4");
  type_into (field (editor, "female_18_59"), "1");
  type_into (field (editor, "male_18_59"), "1");
  type_into (field (editor, "female_0_4"), "١");
  type_into (field (editor, "registered_on"), "2026-03-01");

  /* Three members for a household of four: refused beside the size, and
   * nothing is stored. */
  before = mk_fixture_dump (&f->fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (mk_record_editor_get_field_error (editor, "size"));
  g_assert_cmpint (mk_record_editor_get_record_id (editor), ==, 0);
  mk_fixture_assert_unchanged (&f->fixture, before);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-household-refused");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));

  type_into (field (editor, "size"), "3");
  save (editor);
  g_assert_null (mk_record_editor_get_field_error (editor, "size"));
  id = mk_record_editor_get_record_id (editor);
  record = stored (f, "household", "HH-100");
  g_assert_cmpint (mk_record_get_id (record), ==, id);
  assert_text (record, "female_0_4", "1");
  assert_text (record, "site", "GAN-DC");
  g_assert_nonnull (find_label (GTK_WIDGET (editor), _ ("The household has received nothing yet.")));

  /* It receives hygiene kits; the open editor lists them. */
  grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-02-01", "warehouse", "BEN-MAIN",
                              "source", "donation", NULL);
  mk_test_add_line (grn, "HYG-KIT", 50, NULL);
  mk_test_post (&f->fixture, grn);
  distribution = mk_test_document_new (MK_DOCUMENT_DISTRIBUTION, "date", "2026-03-05", "site",
                                       "GAN-DC", "warehouse", "BEN-MAIN", "population_group",
                                       "migrants", "activity", "hygiene_distribution",
                                       "indicator", "people_hygiene", "partner", "LRC", NULL);
  mk_test_add_receipt (distribution, "HH-100", "HYG-KIT", 3, NULL);
  mk_test_post (&f->fixture, distribution);
  iterate ();
  g_assert_nonnull (find_label (GTK_WIDGET (editor), mk_document_get_number (distribution)));
  g_assert_null (find_label (GTK_WIDGET (editor), _ ("The household has received nothing yet.")));
  close_editor (f);

  /* Now the office keeps names: the head of household can be written. */
  g_assert_true (mk_office_set_keeps_personal_data (f->fixture.db, TRUE, &error));
  g_assert_no_error (error);
  editor = open_editor (f, "household", id);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (field (editor, "head_name"))));
  type_into (field (editor, "head_name"), "Fatima Omar");
  save (editor);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-household");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));
  g_clear_object (&record);
  record = stored (f, "household", "HH-100");
  assert_text (record, "head_name", "Fatima Omar");
}

/* Kits ---------------------------------------------------------------------- */

static void
test_kit (Fixture      *f,
          gconstpointer data)
{
  MkRecordEditor *editor = open_editor (f, "item", 0);
  MkKitBill      *bill = MK_KIT_BILL (mk_record_editor_get_kit_bill (editor));
  g_autoptr (GPtrArray) components = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  MkKitComponent  *first;
  guint            row;

  type_into (field (editor, "code"), "DIGNITY");
  type_into (field (editor, "name_en"), "Dignity kit");
  choose_vocab (f, field (editor, "category"), "item_categories", "nfi");
  choose_vocab (f, field (editor, "unit"), "units", "kit");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (editor, "is_kit")), TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bill)));

  row = mk_kit_bill_add_row (bill, NULL, NULL);
  choose_record (mk_kit_bill_get_item_chooser (bill, row), "soap", "SOAP");
  type_into (mk_kit_bill_get_quantity_entry (bill, row), "٤");
  row = mk_kit_bill_add_row (bill, NULL, NULL);
  choose_record (mk_kit_bill_get_item_chooser (bill, row), "BRUSH", "BRUSH");
  type_into (mk_kit_bill_get_quantity_entry (bill, row), "2");
  save (editor);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-kit");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));

  components = mk_kit_get_components (f->fixture.db, "DIGNITY", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (components->len, ==, 2);
  first = g_ptr_array_index (components, 0);
  g_assert_cmpstr (first->code, ==, "BRUSH");
  g_assert_cmpint (first->quantity, ==, 2);

  /* A kit that contains itself: refused beside the bill, nothing stored. */
  before = mk_fixture_dump (&f->fixture);
  row = mk_kit_bill_add_row (bill, NULL, NULL);
  choose_record (mk_kit_bill_get_item_chooser (bill, row), "DIGNITY", "DIGNITY");
  type_into (mk_kit_bill_get_quantity_entry (bill, row), "1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (mk_kit_bill_get_error (bill));
  g_assert_nonnull (strstr (mk_kit_bill_get_error (bill), "DIGNITY"));
  mk_fixture_assert_unchanged (&f->fixture, before);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-kit-refused");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));

  /* Letters in a quantity: refused beside the bill, naming the row. */
  type_into (mk_kit_bill_get_quantity_entry (bill, row), "one");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (strstr (mk_kit_bill_get_error (bill), "one"));
  mk_fixture_assert_unchanged (&f->fixture, before);
}

/* The keyboard ---------------------------------------------------------------- */

static gboolean
focus_is_in (MkRecordEditor *editor,
             GtkWidget      *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tab goes through the fields in the order of the form. */
static void
test_tab_order (Fixture      *f,
                gconstpointer data)
{
  MkRecordEditor   *editor = open_editor (f, "item", 0);
  const char *const order[] = { "code", "name_en", "name_ar", "category",
                                "unit", "weight_kg", "volume_m3", "pack_size",
                                "tracks_lots", "is_kit", "reorder_level", "unit_value",
                                "currency", "active" };

  /* Tab follows the laid-out positions: let the layout settle, and the
   * window take the keyboard (under Xvfb that comes later). */
  mk_ui_test_wait_for_frames (GTK_WIDGET (editor), 2);
  for (guint n = 0; n < 100 && !gtk_window_is_active (GTK_WINDOW (editor)); n++)
    mk_ui_test_wait_for_frames (GTK_WIDGET (editor), 1);
  iterate ();
  /* The editor opens on the first field. */
  g_assert_true (focus_is_in (editor, field (editor, "code")));
  /* Moved there again as a click would, now that the window has the
   * keyboard: GTK follows the focus from there. */
  gtk_widget_grab_focus (field (editor, "active"));
  gtk_widget_grab_focus (field (editor, "code"));
  iterate ();
  for (guint i = 1; i < G_N_ELEMENTS (order); i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD));
      if (!focus_is_in (editor, field (editor, order[i])))
        g_error ("Tab after %s does not go to %s but to a %s", order[i - 1], order[i],
                 G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (editor))));
    }
}

/* In a chooser, Enter takes the first match. */
static void
test_chooser_keyboard (Fixture      *f,
                       gconstpointer data)
{
  MkRecordEditor  *editor = open_editor (f, "grant", 0);
  GtkWidget       *donor = field (editor, "donor");
  GtkEditable     *entry = mk_record_chooser_get_editable (MK_RECORD_CHOOSER (donor));
  g_autofree char *chosen = NULL;

  type_into (donor, "ech");
  g_assert_cmpuint (mk_record_chooser_get_n_matches (MK_RECORD_CHOOSER (donor)), ==, 1);
  g_signal_emit_by_name (entry, "activate");
  chosen = mk_record_chooser_get_text (MK_RECORD_CHOOSER (donor));
  g_assert_cmpstr (chosen, ==, "ECHO");
  g_assert_nonnull (strstr (gtk_editable_get_text (entry), "ECHO"));
  g_assert_true (focus_is_in (editor, donor));
}

/* Bad input ------------------------------------------------------------------ */

static void
test_bad_input (Fixture      *f,
                gconstpointer data)
{
  MkRecordEditor  *editor = open_editor (f, "item", 0);
  g_autofree char *before = mk_fixture_dump (&f->fixture);
  const char      *message;

  type_into (field (editor, "code"), "LAMP");
  type_into (field (editor, "name_en"), "Solar lamp");
  choose_vocab (f, field (editor, "category"), "item_categories", "nfi");
  choose_vocab (f, field (editor, "unit"), "units", "piece");

  /* Letters in a weight: pointed out as they are typed, and on saving. */
  type_into (field (editor, "weight_kg"), "12kg");
  message = mk_record_editor_get_field_error (editor, "weight_kg");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "12kg"));
  g_assert_true (gtk_widget_has_css_class (field (editor, "weight_kg"), "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (mk_record_editor_get_field_error (editor, "weight_kg"));
  g_assert_cmpint (mk_record_editor_get_record_id (editor), ==, 0);
  mk_fixture_assert_unchanged (&f->fixture, before);
  mk_ui_test_screenshot (GTK_WIDGET (editor), "record-item-refused");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (editor));

  /* A code that exists, in other letters' case: refused beside the code. */
  type_into (field (editor, "weight_kg"), "1.2");
  g_assert_null (mk_record_editor_get_field_error (editor, "weight_kg"));
  type_into (field (editor, "code"), "soap");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (mk_record_editor_get_field_error (editor, "code"));
  g_assert_null (mk_record_editor_get_field_error (editor, "weight_kg"));
  mk_fixture_assert_unchanged (&f->fixture, before);
  close_editor (f);

  /* A date that does not exist, and a required field left empty. */
  editor = open_editor (f, "grant", 0);
  type_into (field (editor, "code"), "ECHO-2027");
  choose_record (field (editor, "donor"), "ECHO", "ECHO");
  type_into (field (editor, "name_en"), "Protection 2027");
  type_into (field (editor, "start_date"), "2026-02-30");
  g_assert_nonnull (mk_record_editor_get_field_error (editor, "start_date"));
  type_into (field (editor, "end_date"), "2027-12-31");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (mk_record_editor_get_field_error (editor, "start_date"));
  mk_fixture_assert_unchanged (&f->fixture, before);

  type_into (field (editor, "start_date"), "2027-01-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  /* The sector was never chosen. */
  g_assert_nonnull (mk_record_editor_get_field_error (editor, "sector"));
  g_assert_null (mk_record_editor_get_field_error (editor, "start_date"));
  mk_fixture_assert_unchanged (&f->fixture, before);
}

/* Pasted text: several lines, or a page where a name goes. */
static void
test_pasted_text (Fixture      *f,
                  gconstpointer data)
{
  MkRecordEditor  *editor = open_editor (f, "partner", 0);
  g_autofree char *before = mk_fixture_dump (&f->fixture);
  g_autofree char *page = g_strnfill (10000, 'x');

  type_into (field (editor, "code"), "IRC");
  type_into (field (editor, "name_en"), "International Rescue Committee");
  type_into (field (editor, "contact"), "Ahmed Ali\nHead of logistics");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (mk_record_editor_get_field_error (editor, "contact"));
  mk_fixture_assert_unchanged (&f->fixture, before);

  type_into (field (editor, "contact"), "Ahmed Ali");
  type_into (field (editor, "name_en"), page);
  /* Not cut short behind the person's back: refused, saying why. */
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (field (editor, "name_en")))), ==,
                    10000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (mk_record_editor_get_field_error (editor, "name_en"));
  g_assert_null (mk_record_editor_get_field_error (editor, "contact"));
  mk_fixture_assert_unchanged (&f->fixture, before);
}

/* A code, once saved, stays: the office number is fixed. */
static void
test_fixed_field (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (MkRecord) office = NULL;
  MkRecordEditor *editor;

  office = mk_fixture_add (&f->fixture, "office", "code", "TRP", "number", "3", "name_en",
                           "Tripoli office", NULL);
  editor = open_editor (f, "office", mk_record_get_id (office));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (field (editor, "number"))));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (field (editor, "name_en"))));
}

/* Closing with changes asks first. */
static GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
test_discard (Fixture      *f,
              gconstpointer data)
{
  MkRecordEditor *editor = open_editor (f, "donor", 0);
  GtkWindow      *question;

  /* Nothing typed: Escape closes at once. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &f->editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  iterate ();
  g_assert_null (find_message_dialog ());
  g_assert_null (f->editor);

  editor = open_editor (f, "donor", 0);
  type_into (field (editor, "code"), "UNHCR");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  iterate ();
  question = find_message_dialog ();
  g_assert_nonnull (question);
  mk_ui_test_wait_for_frames (GTK_WIDGET (question), 1);
  mk_ui_test_screenshot (GTK_WIDGET (question), "record-discard");
  mk_ui_test_assert_no_unknown_glyphs (GTK_WIDGET (question));
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (editor, "code"))), ==, "UNHCR");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  iterate ();
  question = find_message_dialog ();
  g_assert_nonnull (question);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &f->editor);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_REJECT);
  while (f->editor != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (mk_master_data_get (f->fixture.db, mk_kind_lookup ("donor"), "UNHCR", NULL));
}

/* The new-office form ------------------------------------------------------- */

static void
on_created (GtkWidget  *dialog,
            const char *path,
            char      **created)
{
  *created = g_strdup (path);
}

static GtkWidget *
office_field (MkNewOfficeDialog *dialog,
              const char        *name)
{
  GtkWidget *widget = mk_new_office_dialog_get_field_widget (dialog, name);

  g_assert_nonnull (widget);
  g_assert_cmpstr (gtk_widget_get_name (widget), ==, name);
  return widget;
}

static void
test_new_office (Fixture      *f,
                 gconstpointer data)
{
  GtkWidget         *widget = mk_new_office_dialog_new (NULL);
  MkNewOfficeDialog *dialog = MK_NEW_OFFICE_DIALOG (widget);
  g_autofree char   *path = g_build_filename (f->fixture.dir, "tobruk", NULL);
  g_autofree char   *expected = g_build_filename (f->fixture.dir, "tobruk.makhzan", NULL);
  g_autofree char   *created = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkOffice) office = NULL;
  g_autoptr (MkRecord) warehouse = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  GtkWidget  *type;
  const char *name;
  guint       n_files = 0;

  g_signal_connect (dialog, "created", G_CALLBACK (on_created), &created);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 760, 720);
  show (widget);

  type_into (office_field (dialog, "office.code"), "TOB");
  type_into (office_field (dialog, "office.number"), "70000");
  type_into (office_field (dialog, "office.name_en"), "Tobruk office");
  type_into (office_field (dialog, "office.name_ar"), "مكتب طبرق");
  type_into (office_field (dialog, "warehouse.code"), "TOB-MAIN");
  type_into (office_field (dialog, "warehouse.name_en"), "Tobruk main warehouse");
  type = office_field (dialog, "warehouse.type");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type), 0);
  choose_record (office_field (dialog, "warehouse.baladiya"), "Tobruk", "LY010403");

  /* A number out of range, beside the number; no file chosen yet. */
  g_assert_false (mk_new_office_dialog_create (dialog));
  g_assert_nonnull (mk_new_office_dialog_get_field_error (dialog, "office.number"));
  type_into (office_field (dialog, "office.number"), "٧");
  g_assert_false (mk_new_office_dialog_create (dialog));
  g_assert_null (mk_new_office_dialog_get_field_error (dialog, "office.number"));
  g_assert_nonnull (mk_new_office_dialog_get_field_error (dialog, "file"));

  /* The core's rule for office codes, beside the code. */
  mk_new_office_dialog_set_path (dialog, path);
  g_assert_cmpstr (mk_new_office_dialog_get_path (dialog), ==, expected);
  type_into (office_field (dialog, "office.code"), "TOBRUK-EAST");
  g_assert_false (mk_new_office_dialog_create (dialog));
  g_assert_nonnull (mk_new_office_dialog_get_field_error (dialog, "office.code"));
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));
  mk_ui_test_screenshot (widget, "new-office-refused");
  mk_ui_test_assert_no_unknown_glyphs (widget);

  /* A refused warehouse leaves no file behind. */
  type_into (office_field (dialog, "office.code"), "TOB");
  type_into (office_field (dialog, "warehouse.code"), "TOB MAIN!");
  g_assert_false (mk_new_office_dialog_create (dialog));
  g_assert_nonnull (mk_new_office_dialog_get_field_error (dialog, "warehouse.code"));
  g_assert_null (mk_new_office_dialog_get_field_error (dialog, "office.code"));
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));

  type_into (office_field (dialog, "warehouse.code"), "TOB-MAIN");
  mk_ui_test_screenshot (widget, "new-office");
  mk_ui_test_assert_no_unknown_glyphs (widget);
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  g_assert_true (gtk_widget_activate_action (widget, "office.create", NULL));
  while (widget != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (created, ==, expected);

  /* Only the new database is left in the folder (besides the fixture's). */
  dir = g_dir_open (f->fixture.dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "tobruk") || g_str_has_prefix (name, ".tobruk"))
      {
        g_assert_cmpstr (name, ==, "tobruk.makhzan");
        n_files++;
      }
  g_assert_cmpuint (n_files, ==, 1);

  db = mk_database_open (created, &error);
  g_assert_no_error (error);
  office = mk_office_get_own (db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (office->code, ==, "TOB");
  g_assert_cmpuint (office->number, ==, 7);
  g_assert_cmpstr (office->name_ar, ==, "مكتب طبرق");
  warehouse = mk_master_data_get (db, mk_kind_lookup ("warehouse"), "TOB-MAIN", &error);
  g_assert_no_error (error);
  assert_text (warehouse, "baladiya", "LY010403");
  g_assert_true (mk_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("MAKHZAN_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  /* Not gtk_test_init(): in GTK 4.8 it forces the C locale. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  /* A blinking cursor redraws on its own: screenshots wait for quiet. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/record-editor/warehouse", test_warehouse);
  ADD ("/ui/record-editor/site", test_site);
  ADD ("/ui/record-editor/item", test_item);
  ADD ("/ui/record-editor/donor-and-grant", test_donor_and_grant);
  ADD ("/ui/record-editor/partner", test_partner);
  ADD ("/ui/record-editor/entitlement", test_entitlement);
  ADD ("/ui/record-editor/household", test_household);
  ADD ("/ui/record-editor/kit", test_kit);
  ADD ("/ui/record-editor/bad-input", test_bad_input);
  ADD ("/ui/record-editor/pasted-text", test_pasted_text);
  ADD ("/ui/record-editor/fixed-field", test_fixed_field);
  ADD ("/ui/record-editor/discard", test_discard);
  ADD ("/ui/record-editor/tab-order", test_tab_order);
  ADD ("/ui/record-editor/chooser-keyboard", test_chooser_keyboard);
  ADD ("/ui/new-office", test_new_office);

  return g_test_run ();
}
