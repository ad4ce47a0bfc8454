/* test-window.c: the main window on a real database, under Xvfb.
 *
 * Run twice by meson: in English, and with LANGUAGE=ar for right to left.
 * With MAKHZAN_SCREENSHOT_DIR set, the warehouse test saves the window as
 * window-LANG.png there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-test-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "makhzan-core.h"
#include "mk-application.h"
#include "mk-window.h"

typedef struct
{
  char          *dir;
  char          *path;
  MkApplication *app;
  MkWindow      *window;
} Fixture;

static gboolean
is_arabic_run (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "ar");
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_no_errno (g_remove (path));
    }
  g_assert_no_errno (g_rmdir (dir));
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
count_frame (guint *n_frames)
{
  (*n_frames)++;
}

/* Waits until the window has painted @n frames more, so that the list's
 * rows are laid out and bound. */
static void
wait_for_frames (GtkWidget *widget,
                 guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint          n_frames = 0;
  gboolean       done = FALSE;
  gulong         handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_frame), &n_frames);
  while (n_frames < n)
    {
      guint before = n_frames;

      gtk_widget_queue_draw (widget);
      done = FALSE;
      while (n_frames == before && !done)
        {
          guint timeout = g_timeout_add (5000, set_flag, &done);

          g_main_context_iteration (NULL, TRUE);
          if (!done)
            g_source_remove (timeout);
        }
      g_assert_cmpuint (n_frames, >, before);
    }
  g_signal_handler_disconnect (clock, handler);
}

static void
show_window (Fixture *f)
{
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frames (GTK_WIDGET (f->window), 2);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("MAKHZAN_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot     *snapshot;
  GskRenderer     *renderer;
  int              width, height;

  if (dir == NULL || *dir == '\0')
    return;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strdup_printf ("%s-%s.png", name, is_arabic_run () ? "ar" : "en");
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Depth-first search of the widget tree. */
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
is_of_type (GtkWidget    *widget,
            gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
is_label_containing (GtkWidget    *widget,
                     gconstpointer data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

/* @text without the direction marks (U+200E, U+200F) and isolates
 * (U+2066…U+2069) that the window adds around values. */
static char *
strip_bidi_controls (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0x200E && c != 0x200F && !(c >= 0x2066 && c <= 0x2069))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static gboolean
is_inscription_with (GtkWidget    *widget,
                     gconstpointer data)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_INSCRIPTION (widget))
    return FALSE;
  text = strip_bidi_controls (gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  return g_strcmp0 (text, data) == 0;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("makhzan-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "office.makhzan", NULL);

  f->app = mk_application_new ();
  /* One process per test run, no D-Bus name to own. */
  g_application_set_flags (G_APPLICATION (f->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);

  f->window = mk_window_new (f->app);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  MkWindow   *window = f->window;
  MkDatabase *database = mk_window_get_database (window);

  /* The window and the database it showed go with it. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &f->window);
  if (database != NULL)
    g_object_add_weak_pointer (G_OBJECT (database), (gpointer *) &database);
  gtk_window_destroy (GTK_WINDOW (window));
  while (f->window != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (database);

  g_object_unref (f->app);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
create_office (Fixture *f)
{
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkRecord) record = NULL;
  g_autoptr (GError) error = NULL;

  db = mk_database_create (f->path, "BEN", 2, "Benghazi office", "مكتب بنغازي", &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  record = mk_record_new (mk_kind_lookup ("warehouse"));
  mk_record_set_text (record, "code", "BEN-MAIN", &error);
  g_assert_no_error (error);
  mk_record_set_text (record, "name_en", "Benghazi main warehouse", &error);
  g_assert_no_error (error);
  mk_record_set_text (record, "name_ar", "مستودع بنغازي الرئيسي", &error);
  g_assert_no_error (error);
  mk_record_set_text (record, "type", "main", &error);
  g_assert_no_error (error);
  mk_record_set_text (record, "baladiya", "LY010304", &error);
  g_assert_no_error (error);
  mk_record_set_text (record, "manager", "Salma Idris", &error);
  g_assert_no_error (error);
  mk_master_data_add (db, record, &error);
  g_assert_no_error (error);
}

static void
test_window_warehouses (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (GFile) file = g_file_new_for_path (f->path);
  GtkWidget  *title_bar;
  GtkWidget  *view;
  GtkWidget  *stack;
  GtkWidget  *cell;
  GListModel *model;
  g_autoptr (MkRecord) record = NULL;
  g_autoptr (MkPlace) place = NULL;
  g_autoptr (GError) error = NULL;

  create_office (f);
  mk_window_open (f->window, file);
  g_assert_nonnull (mk_window_get_database (f->window));
  show_window (f);

  /* The header names the office. */
  title_bar = gtk_window_get_titlebar (GTK_WINDOW (f->window));
  g_assert_nonnull (title_bar);
  g_assert_nonnull (find_widget (title_bar, is_label_containing, "BEN"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "BEN"));

  stack = find_widget (GTK_WIDGET (f->window), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_STACK));
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "warehouses");

  /* The list holds the warehouse, and its row is bound. */
  view = find_widget (GTK_WIDGET (f->window), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (view);
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  record = g_list_model_get_item (model, 0);
  g_assert_true (MK_IS_RECORD (record));
  g_assert_cmpstr (mk_record_get_code (record), ==, "BEN-MAIN");
  g_assert_nonnull (find_widget (view, is_inscription_with, "BEN-MAIN"));
  g_assert_nonnull (find_widget (view, is_inscription_with, "Salma Idris"));

  /* The baladiya and the type are shown by name, not by code. */
  place = mk_places_find_baladiya (mk_window_get_database (f->window), "LY010304", &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_widget (view, is_inscription_with, mk_place_get_display_name (place)));
  g_assert_null (find_widget (view, is_inscription_with, "LY010304"));
  g_assert_null (find_widget (view, is_inscription_with, "main"));

  /* Cells start at the column's start: their text opens with a mark of the
   * interface's direction. */
  cell = find_widget (view, is_inscription_with, "BEN-MAIN");
  g_assert_cmpuint (g_utf8_get_char (gtk_inscription_get_text (GTK_INSCRIPTION (cell))), ==,
                    is_arabic_run () ? 0x200F : 0x200E);

  save_screenshot (GTK_WIDGET (f->window), "window");
}

static void
test_window_not_a_database (Fixture      *f,
                            gconstpointer data)
{
  g_autofree char *text_path = g_build_filename (f->dir, "notes.makhzan", NULL);
  g_autofree char *missing_path = g_build_filename (f->dir, "no-such-folder", "office.makhzan", NULL);
  const char      *paths[] = { text_path, missing_path };
  g_autoptr (GError) error = NULL;

  g_file_set_contents (text_path, "Blankets: 500\nSoap: 2000\n", -1, &error);
  g_assert_no_error (error);
  show_window (f);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr (MkDatabase) db = NULL;
      g_autoptr (GError) open_error = NULL;
      GtkWidget *stack;

      /* The window shows the core's own message. */
      db = mk_database_open (paths[i], &open_error);
      g_assert_null (db);
      g_assert_nonnull (open_error);

      mk_window_open (f->window, file);
      wait_for_frames (GTK_WIDGET (f->window), 1);

      g_assert_null (mk_window_get_database (f->window));
      stack = find_widget (GTK_WIDGET (f->window), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_STACK));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "status");
      g_assert_nonnull (find_widget (stack, is_label_containing, open_error->message));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
    }

  save_screenshot (GTK_WIDGET (f->window), "window-error");
}

static void
test_window_empty (Fixture      *f,
                   gconstpointer data)
{
  GtkWidget *stack;

  show_window (f);
  g_assert_null (mk_window_get_database (f->window));
  stack = find_widget (GTK_WIDGET (f->window), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "status");
  g_assert_nonnull (find_widget (stack, is_label_containing, _ ("No Database Is Open")));
}

static void
test_about (Fixture      *f,
            gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */
  GtkWindow  *about = NULL;

  show_window (f);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && about == NULL; i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_ABOUT_DIALOG (window))
        about = window;
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (gtk_about_dialog_get_version (GTK_ABOUT_DIALOG (about)), ==, PACKAGE_VERSION);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (f->window));
  wait_for_frames (GTK_WIDGET (about), 2);
  save_screenshot (GTK_WIDGET (about), "about");
  /* gtk_show_about_dialog() keeps the dialog on its parent and hides it on
   * close; the parent's destruction destroys it. */
  gtk_window_close (about);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (about)));
}

static void
test_direction (void)
{
  GtkTextDirection expected = is_arabic_run () ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;

  g_assert_cmpint (gtk_widget_get_default_direction (), ==, expected);

  /* Our own catalogue is found in the build tree. */
  if (is_arabic_run ())
    g_assert_cmpstr (_ ("Warehouses"), !=, "Warehouses");
  else
    g_assert_cmpstr (_ ("Warehouses"), ==, "Warehouses");
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

  g_test_add_func ("/ui/direction", test_direction);
  g_test_add ("/ui/window/empty", Fixture, NULL, fixture_setup, test_window_empty,
              fixture_teardown);
  g_test_add ("/ui/window/about", Fixture, NULL, fixture_setup, test_about,
              fixture_teardown);
  g_test_add ("/ui/window/warehouses", Fixture, NULL, fixture_setup, test_window_warehouses,
              fixture_teardown);
  g_test_add ("/ui/window/not-a-database", Fixture, NULL, fixture_setup,
              test_window_not_a_database, fixture_teardown);

  return g_test_run ();
}
