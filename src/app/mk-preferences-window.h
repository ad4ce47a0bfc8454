/* mk-preferences-window.h: the application's preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-application.h"

G_BEGIN_DECLS

#define MK_TYPE_PREFERENCES_WINDOW (mk_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (MkPreferencesWindow, mk_preferences_window, MK, PREFERENCES_WINDOW, GtkWindow)

GtkWidget *mk_preferences_window_new (MkApplication *application,
                                      GtkWindow     *parent);

G_END_DECLS
