/* mk-list-view.h: a GtkColumnView over an MkListModel, with its filter bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-list-model.h"

G_BEGIN_DECLS

#define MK_TYPE_LIST_VIEW (mk_list_view_get_type ())
G_DECLARE_FINAL_TYPE (MkListView, mk_list_view, MK, LIST_VIEW, GtkWidget)

GtkWidget     *mk_list_view_new (MkDatabase         *db,
                                 const MkListSource *source);
MkListModel   *mk_list_view_get_model (MkListView *self);
GtkColumnView *mk_list_view_get_column_view (MkListView *self);

/* A filter the page sets and the user does not see: the kinds of a
 * document page. */
void mk_list_view_set_fixed_filter (MkListView *self,
                                    const char *key,
                                    const char *value);
/* The warehouse chosen in the header bar; NULL for all. */
void mk_list_view_set_warehouse (MkListView *self,
                                 const char *warehouse_code);
/* Filters from a link ("stock?expiring-months=3"): the ones the filter bar
 * shows are written into it. Returns FALSE with @error for a bad value. */
gboolean mk_list_view_apply_filters (MkListView *self,
                                     GHashTable *filters,
                                     GError    **error);
/* Reloads now if the list is shown, or when it next is. */
void mk_list_view_reload (MkListView *self);

G_END_DECLS
