/* mk-window-private.h: what the files of MkWindow share.
 *
 *   mk-window.c          the type, its database, title, size and settings
 *   mk-window-pages.c    the sidebar's pages, links to lists, the warehouse filter
 *   mk-window-actions.c  the window's commands and their shortcuts
 *   mk-window-search.c   the global search in the header bar
 *   mk-window-work.c     long work off the UI thread: the demo mission
 *   mk-window-backup.c   Back Up… and Restore a Backup…
 *   mk-window-import.c   Import…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-window.h"

G_BEGIN_DECLS

struct _MkWindow
{
  GtkApplicationWindow parent_instance;

  MkDatabase           *database;
  GtkFileChooserNative *chooser;
  GPtrArray            *warehouse_codes; /* of the dropdown's rows; [0] NULL: all */
  char                 *warehouse;       /* the filter, or NULL */
  GCancellable         *work;            /* long work under way, or NULL */
  guint                 search_source;
  GFileMonitor         *file_monitor; /* the database file, to notice it going */
  GPtrArray            *search_models; /* MkListModel: items, documents, households, sites */

  /* Template children */
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  GtkDropDown     *warehouse_dropdown;
  GtkSearchEntry  *search_entry;
  GtkPopover      *search_popover;
  GtkListBox      *search_results;
  GtkStack        *stack; /* the window's child: welcome or main */
  GtkImage        *status_icon;
  GtkLabel        *status_title;
  GtkLabel        *status_description;
  GtkWidget       *welcome_buttons;
  GtkWidget       *new_database_button;
  GtkWidget       *progress_box;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  GtkRevealer     *work_revealer;
  GtkLabel        *work_label;
  GtkProgressBar  *work_progress;
  GtkWidget       *work_cancel;
  GtkStackSidebar *sidebar;
  GtkStack        *pages;
};

GSettings *_mk_window_get_settings (MkWindow *self);
/* The welcome view, with a message when something failed (NULL: none). */
void _mk_window_show_welcome (MkWindow     *self,
                              const char   *title,
                              const GError *error);
void _mk_window_open_path (MkWindow   *self,
                           const char *path);

/* mk-window-pages.c */
void _mk_window_build_pages (MkWindow *self);
void _mk_window_clear_pages (MkWindow *self);
void _mk_window_fill_warehouses (MkWindow *self);
/* "stock?expiring-months=3": shows the page and the list with these filters. */
void _mk_window_show_list (MkWindow   *self,
                           const char *link);
void _mk_window_show_page (MkWindow   *self,
                           const char *name);
/* The page shown, for commands that act on it ("New" on a document page). */
const char *_mk_window_get_page_new_kind (MkWindow *self);

/* mk-window-actions.c */
void _mk_window_class_init_actions (GtkWidgetClass *widget_class);
void _mk_window_update_actions (MkWindow *self);

/* mk-window-search.c */
void _mk_window_class_init_search (GtkWidgetClass *widget_class);
void _mk_window_init_search (MkWindow *self);
void _mk_window_search_dispose (MkWindow *self);

/* mk-window-work.c */
void _mk_window_create_demo (MkWindow *self);
void _mk_window_cancel_work (MkWindow *self);
/* The bar above the pages: a task under way (@fraction < 0: pulsing) or,
 * with @done, its outcome until closed. */
void _mk_window_show_work (MkWindow   *self,
                           const char *text,
                           double      fraction,
                           gboolean    done);
void _mk_window_class_init_work (GtkWidgetClass *widget_class);

/* mk-window-import.c */
void _mk_window_class_init_import (GtkWidgetClass *widget_class);

/* mk-window-backup.c */
void _mk_window_class_init_backup (GtkWidgetClass *widget_class);

G_END_DECLS
