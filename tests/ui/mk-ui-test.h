/* mk-ui-test.h: what the UI tests share: set-up, waiting for frames and
 * for work in threads, finding widgets, screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* g_test_init, the locale and our catalogue, gtk_init. Not gtk_test_init():
 * in GTK 4.8 it forces the C locale, which turns translations and right to
 * left off. */
void     mk_ui_test_init (int    *argc,
                          char ***argv);
gboolean mk_ui_test_is_arabic_run (void);

/* Runs the main loop until @widget has painted @n more frames. */
void mk_ui_test_wait_for_frames (GtkWidget *widget,
                                 guint      n);
/* Presents @window and waits until it is mapped and painted. */
void mk_ui_test_show (GtkWindow *window);
/* Runs the main loop until @done (*@flag or the predicate) holds; fails the
 * test after 20 seconds. */
void mk_ui_test_wait_for (gboolean (*done) (gpointer data),
                          gpointer data);

/* @widget drawn into a texture, after its pending frames. */
GdkTexture *mk_ui_test_render (GtkWidget *widget);
/* Saves @widget as NAME-en.png or NAME-ar.png in $MAKHZAN_SCREENSHOT_DIR,
 * or $MAKHZAN_BUILD_ROOT/screenshots. */
void mk_ui_test_screenshot (GtkWidget  *widget,
                            const char *name);

/* Depth-first search of the widget tree. */
typedef gboolean (*MkUiMatch) (GtkWidget    *widget,
                               gconstpointer data);
GtkWidget *mk_ui_test_find (GtkWidget    *root,
                            MkUiMatch     match,
                            gconstpointer data);
gboolean   mk_ui_test_is_of_type (GtkWidget    *widget,
                                  gconstpointer type);
gboolean   mk_ui_test_is_label_containing (GtkWidget    *widget,
                                           gconstpointer text);
/* An inscription whose text, without bidi marks and isolates, is @text. */
gboolean   mk_ui_test_is_inscription_with (GtkWidget    *widget,
                                           gconstpointer text);
/* @text without the direction marks and isolates the UI adds around values. */
char      *mk_ui_test_strip_bidi (const char *text);

/* In the Arabic run, fails when a shown label is still one of the msgids
 * of po/ar.po: English text that was not translated. Data (codes, names of
 * records) is never a msgid. */
void mk_ui_test_assert_translated (GtkWidget *root);

/* How many glyphs of the shown labels and inscriptions under @root Pango
 * could not find in any font (drawn as boxes); their texts are appended to
 * @found when it is not NULL. */
guint mk_ui_test_count_unknown_glyphs (GtkWidget *root,
                                       GString   *found);
/* Fails when a shown label or inscription has a glyph no font has: shaped
 * Arabic drawn as boxes because a font is missing. Both runs. */
void  mk_ui_test_assert_no_unknown_glyphs (GtkWidget *root);

G_END_DECLS
