/* test-bidi.c: names that mix Arabic and Latin, as users type them, shown
 * in the lists in both directions: each value isolated so that a code in
 * it keeps its order and its place, whatever the line's direction.
 *
 * Screenshots: $MAKHZAN_BUILD_ROOT/screenshots/bidi-ITEMS|SITES-ltr|rtl-LANG.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-test-bidi"

#include "config.h"

#include "mk-list-view.h"
#include "mk-record-editor.h"
#include "mk-test-fixture.h"
#include "mk-ui-test.h"

#define LRM "\xe2\x80\x8e" /* U+200E */
#define RLM "\xe2\x80\x8f" /* U+200F */
#define FSI "\xe2\x81\xa8" /* U+2068 */
#define PDI "\xe2\x81\xa9" /* U+2069 */

/* What users type: an English name with a code and the Arabic after it,
 * and an Arabic name with a Latin code and a number inside. */
#define ITEM_EN "Hygiene kit HK-01 حقيبة نظافة"
#define ITEM_AR "حقيبة نظافة HK-01 للأسرة"
#define SITE_EN "Tawergha camp 2 مخيم تاورغاء"
#define SITE_AR "مخيم تاورغاء TWG-2 للنازحين"
/* Only an English name, shown in the Arabic list too. */
#define KIT_EN "Kitchen set KS-02 طقم مطبخ"

typedef struct
{
  MkFixture fixture;
  MkRecord *item; /* HK-01 */
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr (MkRecord) site = NULL;
  g_autoptr (MkRecord) kit = NULL;

  mk_fixture_set_up (&f->fixture, data);
  mk_fixture_add_catalogue (&f->fixture);
  f->item = mk_fixture_add (&f->fixture, "item", "code", "HK-01", "name_en", ITEM_EN, "name_ar", ITEM_AR,
                            "category", "wash", "unit", "kit", NULL);
  kit = mk_fixture_add (&f->fixture, "item", "code", "KS-02", "name_en", KIT_EN, "category", "wash", "unit",
                        "kit", NULL);
  site = mk_fixture_add (&f->fixture, "site", "code", "TWG-2", "name_en", SITE_EN, "name_ar", SITE_AR,
                         "type", "urban_community", "baladiya", "Benghazi", NULL);

  /* The application's style sheet (its fonts), as MkApplication loads it. */
  gtk_css_provider_load_from_resource (provider, "/org/makhzan/Makhzan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_widget_set_default_direction (mk_ui_test_is_arabic_run () ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  mk_text_set_language (NULL);
  g_clear_object (&f->item);
  mk_fixture_tear_down (&f->fixture, data);
}

/* An inscription whose text is @data once the bidi marks are taken out. */
static GtkWidget *
find_cell (GtkWidget  *root,
           const char *text)
{
  return mk_ui_test_find (root, mk_ui_test_is_inscription_with, text);
}

/* A value shown in a list, with a Latin code inside and the words on
 * either side of it in the order they were typed. */
typedef struct
{
  const char *value;
  const char *before;
  const char *code;
  const char *after;
} Shown;

/* The middle x of the character at byte @index of @layout. */
static int
x_at (PangoLayout *layout,
      gsize        index)
{
  PangoRectangle pos;

  pango_layout_index_to_pos (layout, (int) index, &pos);
  /* A right-to-left character's rectangle has a negative width. */
  return pos.x + pos.width / 2;
}

static int
x_of (PangoLayout *layout,
      const char  *text,
      const char  *needle)
{
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return x_at (layout, (gsize) (found - text));
}

/* Whether the first letter of @text is Arabic: the direction of a
 * first-strong isolate around it. */
static gboolean
starts_right_to_left (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return g_unichar_get_script (c) == G_UNICODE_SCRIPT_ARABIC;
    }
  return FALSE;
}

/* The cell shows the value isolated after the mark of the line's
 * direction; on screen the code keeps its order (H, K, -, 0, 1 from left
 * to right) and its place between the words typed around it: the
 * isolate's own direction, taken from its first letter, decides which
 * side, not the line's. */
static void
check_cell (GtkWidget       *view,
            const Shown     *shown,
            GtkTextDirection direction)
{
  GtkWidget       *cell = find_cell (view, shown->value);
  g_autofree char *expected = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  const char *text;
  const char *code;
  int         code_start, code_end, before, after;

  g_assert_nonnull (cell);
  text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));
  expected = g_strconcat (direction == GTK_TEXT_DIR_RTL ? RLM : LRM, FSI, shown->value, PDI, NULL);
  g_assert_cmpstr (text, ==, expected);

  layout = gtk_widget_create_pango_layout (cell, text);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  /* The line takes the interface's direction from its leading mark. */
  g_assert_cmpint (pango_layout_get_direction (layout, 0), ==,
                   direction == GTK_TEXT_DIR_RTL ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);

  code = strstr (text, shown->code);
  g_assert_nonnull (code);
  code_start = x_at (layout, (gsize) (code - text));
  code_end = x_at (layout, (gsize) (code - text) + strlen (shown->code) - 1);
  if (strlen (shown->code) > 1)
    g_assert_cmpint (code_start, <, code_end);
  before = x_of (layout, text, shown->before);
  after = x_of (layout, text, shown->after);
  if (starts_right_to_left (shown->value))
    {
      g_assert_cmpint (before, >, code_end);
      g_assert_cmpint (after, <, code_start);
    }
  else
    {
      g_assert_cmpint (before, <, code_start);
      g_assert_cmpint (after, >, code_end);
    }
}

static gboolean
list_loaded (gpointer data)
{
  MkListModel *model = mk_list_view_get_model (data);

  return !mk_list_model_get_loading (model) && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static void
show_list (Fixture         *f,
           const char      *source_name,
           GtkTextDirection direction,
           const Shown     *shown,
           gsize            n_shown)
{
  GtkWidget       *window;
  GtkWidget       *view;
  g_autofree char *shot = NULL;

  gtk_widget_set_default_direction (direction);
  mk_text_set_language (direction == GTK_TEXT_DIR_RTL ? "ar" : "en");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 300);
  view = mk_list_view_new (f->fixture.db, mk_list_source_lookup (source_name));
  gtk_window_set_child (GTK_WINDOW (window), view);
  mk_ui_test_show (GTK_WINDOW (window));
  mk_ui_test_wait_for (list_loaded, view);
  mk_ui_test_wait_for_frames (view, 3);

  for (gsize i = 0; i < n_shown; i++)
    check_cell (view, &shown[i], direction);
  mk_ui_test_assert_no_unknown_glyphs (window);
  mk_ui_test_assert_translated (window);

  shot = g_strdup_printf ("bidi-%s-%s", source_name, direction == GTK_TEXT_DIR_RTL ? "rtl" : "ltr");
  mk_ui_test_screenshot (window, shot);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_items (Fixture      *f,
            gconstpointer data)
{
  /* A name without Arabic shows its English in the Arabic list too. */
  static const Shown english[] = {
    { ITEM_EN, "kit", "HK-01", "حقيبة" },
    { KIT_EN, "set", "KS-02", "طقم" },
  };
  static const Shown arabic[] = {
    { ITEM_AR, "نظافة", "HK-01", "للأسرة" },
    { KIT_EN, "set", "KS-02", "طقم" },
  };

  show_list (f, "items", GTK_TEXT_DIR_LTR, english, G_N_ELEMENTS (english));
  show_list (f, "items", GTK_TEXT_DIR_RTL, arabic, G_N_ELEMENTS (arabic));
}

static void
test_sites (Fixture      *f,
            gconstpointer data)
{
  static const Shown english[] = {
    { SITE_EN, "camp", "2", "مخيم" },
  };
  static const Shown arabic[] = {
    { SITE_AR, "تاورغاء", "TWG-2", "للنازحين" },
  };

  show_list (f, "sites", GTK_TEXT_DIR_LTR, english, G_N_ELEMENTS (english));
  show_list (f, "sites", GTK_TEXT_DIR_RTL, arabic, G_N_ELEMENTS (arabic));
}

static gboolean
search_found_one (gpointer data)
{
  MkListModel *model = mk_list_view_get_model (data);

  return !mk_list_model_get_loading (model) && g_list_model_get_n_items (G_LIST_MODEL (model)) == 1;
}

/* A code typed in the list's search with Arabic-Indic digits, as an Arabic
 * keyboard gives them, finds the record written with Western digits. */
static void
test_search_digits (Fixture      *f,
                    gconstpointer data)
{
  GtkWidget *window;
  GtkWidget *view;
  GtkWidget *search;
  g_autoptr (MkListRow) row = NULL;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  mk_text_set_language ("ar");
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 300);
  view = mk_list_view_new (f->fixture.db, mk_list_source_lookup ("items"));
  gtk_window_set_child (GTK_WINDOW (window), view);
  mk_ui_test_show (GTK_WINDOW (window));
  mk_ui_test_wait_for (list_loaded, view);

  search = mk_ui_test_find (view, mk_ui_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "hk-٠١");
  mk_ui_test_wait_for (search_found_one, view);
  row = g_list_model_get_item (G_LIST_MODEL (mk_list_view_get_model (MK_LIST_VIEW (view))), 0);
  g_assert_cmpstr (mk_list_row_get_text (row, 0), ==, "HK-01");
  mk_ui_test_wait_for_frames (view, 3);
  mk_ui_test_screenshot (window, "bidi-search-digits");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
editor_loaded (gpointer data)
{
  GtkWidget *entry = mk_record_editor_get_field_widget (data, "name_en");

  return entry != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), ITEM_EN) == 0;
}

/* The item's editor shows both names as typed: the English one in a
 * left-to-right entry, the Arabic one in a right-to-left entry, whatever
 * the interface's direction, and its title is the name in the interface's
 * language. */
static void
show_editor (Fixture         *f,
             gint64           id,
             GtkTextDirection direction)
{
  GtkWidget       *editor;
  GtkWidget       *name_en;
  GtkWidget       *name_ar;
  g_autofree char *shot = NULL;

  gtk_widget_set_default_direction (direction);
  mk_text_set_language (direction == GTK_TEXT_DIR_RTL ? "ar" : "en");
  editor = mk_record_editor_new (NULL, f->fixture.db, "item", id);
  mk_ui_test_show (GTK_WINDOW (editor));
  mk_ui_test_wait_for (editor_loaded, editor);

  name_en = mk_record_editor_get_field_widget (MK_RECORD_EDITOR (editor), "name_en");
  name_ar = mk_record_editor_get_field_widget (MK_RECORD_EDITOR (editor), "name_ar");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_ar)), ==, ITEM_AR);
  g_assert_cmpint (gtk_widget_get_direction (name_en), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (name_ar), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==,
                   direction == GTK_TEXT_DIR_RTL ? ITEM_AR : ITEM_EN);
  g_assert_nonnull (mk_ui_test_find (editor, mk_ui_test_is_label_containing, "HK-01"));
  mk_ui_test_assert_no_unknown_glyphs (editor);

  shot = g_strdup_printf ("bidi-item-editor-%s", direction == GTK_TEXT_DIR_RTL ? "rtl" : "ltr");
  mk_ui_test_screenshot (editor, shot);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_editor (Fixture      *f,
             gconstpointer data)
{
  gint64 id = mk_record_get_id (f->item);

  show_editor (f, id, GTK_TEXT_DIR_LTR);
  show_editor (f, id, GTK_TEXT_DIR_RTL);
}

/* The glyph check sees boxes: a character no font has (plane 16's private
 * use) in a shown label. */
static void
test_unknown_glyphs_seen (Fixture      *f,
                          gconstpointer data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *missing = gtk_label_new ("HK-01 \xf4\x8f\xbf\xbd");
  g_autoptr (GString) found = g_string_new (NULL);

  gtk_box_append (GTK_BOX (box), gtk_label_new (ITEM_AR));
  gtk_box_append (GTK_BOX (box), missing);
  gtk_window_set_child (GTK_WINDOW (window), box);
  mk_ui_test_show (GTK_WINDOW (window));

  g_assert_cmpuint (mk_ui_test_count_unknown_glyphs (window, found), ==, 1);
  g_assert_nonnull (strstr (found->str, "HK-01"));
  gtk_widget_set_visible (missing, FALSE);
  mk_ui_test_assert_no_unknown_glyphs (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  mk_ui_test_init (&argc, &argv);

  g_test_add ("/ui/bidi/items", Fixture, NULL, fixture_setup, test_items, fixture_teardown);
  g_test_add ("/ui/bidi/editor", Fixture, NULL, fixture_setup, test_editor, fixture_teardown);
  g_test_add ("/ui/bidi/search-digits", Fixture, NULL, fixture_setup, test_search_digits, fixture_teardown);
  g_test_add ("/ui/bidi/sites", Fixture, NULL, fixture_setup, test_sites, fixture_teardown);
  g_test_add ("/ui/bidi/unknown-glyphs-seen", Fixture, NULL, fixture_setup, test_unknown_glyphs_seen,
              fixture_teardown);
  return g_test_run ();
}
