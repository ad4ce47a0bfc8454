/* mk-window.h: the main window of one database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-application.h"
#include "mk-database.h"

G_BEGIN_DECLS

#define MK_TYPE_WINDOW (mk_window_get_type ())
G_DECLARE_FINAL_TYPE (MkWindow, mk_window, MK, WINDOW, GtkApplicationWindow)

MkWindow *mk_window_new (MkApplication *application);
/* Opens @file in this window; when it cannot be opened, the window says why. */
void mk_window_open (MkWindow *self,
                     GFile    *file);
/* Shows @database (may be NULL: the window then offers to open one). */
void        mk_window_set_database (MkWindow   *self,
                                    MkDatabase *database);
MkDatabase *mk_window_get_database (MkWindow *self);

G_END_DECLS
