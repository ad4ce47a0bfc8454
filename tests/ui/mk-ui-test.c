/* mk-ui-test.c: what the UI tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "mk-ui-test.h"

void
mk_ui_test_init (int    *argc,
                 char ***argv)
{
  const char *localedir = g_getenv ("MAKHZAN_LOCALEDIR");

  g_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
}

gboolean
mk_ui_test_is_arabic_run (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "ar");
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

void
mk_ui_test_wait_for_frames (GtkWidget *widget,
                            guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint          n_frames = 0;
  gulong         handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_frame), &n_frames);
  while (n_frames < n)
    {
      guint    before = n_frames;
      gboolean timed_out = FALSE;

      gtk_widget_queue_draw (widget);
      while (n_frames == before && !timed_out)
        {
          guint timeout = g_timeout_add (5000, set_flag, &timed_out);

          g_main_context_iteration (NULL, TRUE);
          if (!timed_out)
            g_source_remove (timeout);
        }
      g_assert_cmpuint (n_frames, >, before);
    }
  g_signal_handler_disconnect (clock, handler);
}

void
mk_ui_test_show (GtkWindow *window)
{
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  mk_ui_test_wait_for_frames (GTK_WIDGET (window), 2);
}

void
mk_ui_test_wait_for (gboolean (*done) (gpointer data),
                     gpointer data)
{
  gboolean timed_out = FALSE;
  guint    timeout = g_timeout_add_seconds (20, set_flag, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
}

GdkTexture *
mk_ui_test_render (GtkWidget *widget)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  int          width, height;

  /* What changed since the last frame is laid out and drawn first. */
  if (gtk_widget_get_mapped (widget))
    mk_ui_test_wait_for_frames (widget, 2);
  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
mk_ui_test_screenshot (GtkWidget  *widget,
                       const char *name)
{
  const char *dir = g_getenv ("MAKHZAN_SCREENSHOT_DIR");
  const char *build_root = g_getenv ("MAKHZAN_BUILD_ROOT");
  g_autofree char *fallback = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    {
      if (build_root == NULL || *build_root == '\0')
        return;
      dir = fallback = g_build_filename (build_root, "screenshots", NULL);
    }

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  texture = mk_ui_test_render (widget);
  file_name = g_strdup_printf ("%s-%s.png", name, mk_ui_test_is_arabic_run () ? "ar" : "en");
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

GtkWidget *
mk_ui_test_find (GtkWidget    *root,
                 MkUiMatch     match,
                 gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mk_ui_test_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
mk_ui_test_is_of_type (GtkWidget    *widget,
                       gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
mk_ui_test_is_label_containing (GtkWidget    *widget,
                                gconstpointer text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

char *
mk_ui_test_strip_bidi (const char *text)
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

gboolean
mk_ui_test_is_inscription_with (GtkWidget    *widget,
                                gconstpointer text)
{
  g_autofree char *stripped = NULL;

  if (!GTK_IS_INSCRIPTION (widget))
    return FALSE;
  stripped = mk_ui_test_strip_bidi (gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  return g_strcmp0 (stripped, text) == 0;
}

/* The msgids of po/ar.po: every string the sources mark for translation. */
static GHashTable *
load_msgids (void)
{
  const char      *source_root = g_getenv ("MAKHZAN_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (source_root != NULL ? source_root : ".", "po", "ar.po", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  GHashTable *msgids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString    *current = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quoted = NULL;

      if (g_str_has_prefix (line, "msgid \""))
        {
          if (current != NULL)
            g_hash_table_add (msgids, g_string_free (current, FALSE));
          current = g_string_new (NULL);
          quoted = line + strlen ("msgid ");
        }
      else if (current != NULL && line[0] == '"')
        quoted = line;
      else if (current != NULL)
        {
          g_hash_table_add (msgids, g_string_free (current, FALSE));
          current = NULL;
        }
      if (quoted != NULL)
        {
          g_autofree char *inner = g_strndup (quoted + 1, strlen (quoted) - 2);
          g_autofree char *text = g_strcompress (inner);

          g_string_append (current, text);
        }
    }
  if (current != NULL)
    g_hash_table_add (msgids, g_string_free (current, FALSE));
  g_hash_table_remove (msgids, "");
  return msgids;
}

/* A label's text as its msgid would be: without the mnemonic's underscore. */
static char *
without_mnemonic (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '_')
        continue;
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static void
collect_english (GtkWidget  *widget,
                 GHashTable *msgids,
                 GString    *found)
{
  /* Data shown as it is, such as the headers of a file being imported. */
  if (!gtk_widget_get_mapped (widget) || gtk_widget_has_css_class (widget, "mk-data"))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char      *text = gtk_label_get_text (GTK_LABEL (widget));
      g_autofree char *label = without_mnemonic (gtk_label_get_label (GTK_LABEL (widget)));

      if (g_hash_table_contains (msgids, text) || g_hash_table_contains (msgids, label))
        g_string_append_printf (found, "“%s” ", text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_english (child, msgids, found);
}

void
mk_ui_test_assert_translated (GtkWidget *root)
{
  static GHashTable *msgids;
  g_autoptr (GString) found = g_string_new (NULL);

  if (!mk_ui_test_is_arabic_run ())
    return;
  if (msgids == NULL)
    msgids = load_msgids ();
  collect_english (root, msgids, found);
  if (found->len > 0)
    g_error ("Shown in English under LANGUAGE=ar: %s", found->str);
}

/* The layout a widget draws its text with: a label's own; an inscription
 * keeps its layout private, so one made with the same font and text. */
static PangoLayout *
widget_text_layout (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return g_object_ref (gtk_label_get_layout (GTK_LABEL (widget)));
  if (GTK_IS_INSCRIPTION (widget))
    {
      const char  *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

      pango_layout_set_attributes (layout, gtk_inscription_get_attributes (GTK_INSCRIPTION (widget)));
      return layout;
    }
  return NULL;
}

guint
mk_ui_test_count_unknown_glyphs (GtkWidget *root,
                                 GString   *found)
{
  g_autoptr (PangoLayout) layout = NULL;
  guint unknown = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  layout = widget_text_layout (root);
  if (layout != NULL)
    {
      int count = pango_layout_get_unknown_glyphs_count (layout);

      if (count > 0 && found != NULL)
        g_string_append_printf (found, "“%s” (%d) ", pango_layout_get_text (layout), count);
      unknown += (guint) MAX (count, 0);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    unknown += mk_ui_test_count_unknown_glyphs (child, found);
  return unknown;
}

void
mk_ui_test_assert_no_unknown_glyphs (GtkWidget *root)
{
  g_autoptr (GString) found = g_string_new (NULL);

  if (mk_ui_test_count_unknown_glyphs (root, found) > 0)
    g_error ("Glyphs missing from every font (drawn as boxes): %s", found->str);
}
