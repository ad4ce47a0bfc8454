/* mk-list-page.h: a page of the main window that shows one or more lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-list-view.h"

G_BEGIN_DECLS

#define MK_TYPE_LIST_PAGE (mk_list_page_get_type ())
G_DECLARE_FINAL_TYPE (MkListPage, mk_list_page, MK, LIST_PAGE, GtkWidget)

GtkWidget *mk_list_page_new (const char *title);
/* Adds a list; the first one added is shown first. @fixed_key and
 * @fixed_value (may be NULL) restrict it for good, as a page's kinds. */
MkListView *mk_list_page_add_list (MkListPage         *self,
                                   MkDatabase         *db,
                                   const MkListSource *source,
                                   const char         *name,
                                   const char         *title,
                                   const char         *fixed_key,
                                   const char         *fixed_value);
/* A button in the page's header that activates @action_name with
 * @target (a string, may be NULL). */
void mk_list_page_add_button (MkListPage *self,
                              const char *label,
                              const char *action_name,
                              const char *target);
/* Shows the list named @name (NULL: the first) and returns it. */
MkListView *mk_list_page_show_list (MkListPage *self,
                                    const char *name);
MkListView *mk_list_page_get_visible_list (MkListPage *self);
void        mk_list_page_set_warehouse (MkListPage *self,
                                        const char *warehouse_code);

G_END_DECLS
