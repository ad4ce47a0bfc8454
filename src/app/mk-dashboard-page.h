/* mk-dashboard-page.h: the dashboard — what is where, in transit, expiring
 * and below its reorder level, this month's distributions, and twelve
 * months of stock and distributions. Every figure opens the list behind it
 * through the window's "win.show-list" action (and a waybill its editor
 * through "win.open-document").
 *
 * The figures are read in a thread on a connection of the page's own, so
 * the window never waits for them; the page reloads when the database
 * says it changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-database.h"

G_BEGIN_DECLS

#define MK_TYPE_DASHBOARD_PAGE (mk_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (MkDashboardPage, mk_dashboard_page, MK, DASHBOARD_PAGE, GtkWidget)

GtkWidget *mk_dashboard_page_new (void);

MkDatabase *mk_dashboard_page_get_database (MkDashboardPage *self);
void        mk_dashboard_page_set_database (MkDashboardPage *self,
                                            MkDatabase      *database);
/* 0: every warehouse. The window binds its warehouse filter to it. */
gint64 mk_dashboard_page_get_warehouse_id (MkDashboardPage *self);
void   mk_dashboard_page_set_warehouse_id (MkDashboardPage *self,
                                           gint64           warehouse_id);
/* The day the figures are read on, YYYY-MM-DD; NULL (the default): the
 * local date when they are read. Tests fix it. */
const char *mk_dashboard_page_get_today (MkDashboardPage *self);
void        mk_dashboard_page_set_today (MkDashboardPage *self,
                                         const char      *today);

/* Reads the figures again, in a thread; "loading" is TRUE until they are
 * shown. */
void     mk_dashboard_page_reload (MkDashboardPage *self);
gboolean mk_dashboard_page_get_loading (MkDashboardPage *self);

G_END_DECLS
