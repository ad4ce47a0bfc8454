/* mk-reports-page.h: the reports — Excel workbooks (stock report, stock
 * card, distributions, donor workbook, 5W, registers) and printed reports
 * saved as PDF (stock card, monthly stock report), each with the
 * parameters it needs, written in a thread with progress and Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-database.h"

G_BEGIN_DECLS

#define MK_TYPE_REPORTS_PAGE (mk_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (MkReportsPage, mk_reports_page, MK, REPORTS_PAGE, GtkWidget)

GtkWidget *mk_reports_page_new (void);

MkDatabase *mk_reports_page_get_database (MkReportsPage *self);
void        mk_reports_page_set_database (MkReportsPage *self,
                                          MkDatabase    *database);

/* Chooses the report by its name: an Excel kind's command-line name
 * ("stock", "stock-card", "distributions", "donor", "5w", "waybills",
 * "losses") or a printed one ("stock-card-pdf", "stock-report-pdf").
 * Returns FALSE when there is no such report. */
gboolean    mk_reports_page_select (MkReportsPage *self,
                                    const char    *name);
const char *mk_reports_page_get_selected (MkReportsPage *self);

/* Checks the parameters (a wrong one is named beside its field) and, when
 * they are right, writes the chosen report to @file in a thread: what
 * "Save As…" does once the file is chosen. Returns FALSE when a parameter
 * was refused. "busy" is TRUE while the report is written. */
gboolean mk_reports_page_save_to (MkReportsPage *self,
                                  GFile         *file);
gboolean mk_reports_page_get_busy (MkReportsPage *self);
/* The file last written, or NULL. */
GFile *mk_reports_page_get_last_file (MkReportsPage *self);

G_END_DECLS
