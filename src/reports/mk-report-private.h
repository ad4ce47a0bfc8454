/* mk-report-private.h: what the report files share.
 *
 * The queries here only read. The tables they read belong to core modules,
 * which remain their only writers: documents, document_lines (mk-documents),
 * movements, balances, stock_month_totals, locations, lots (mk-ledger),
 * people_reached, household_receipts (mk-distributions), items, sites,
 * warehouses, grants, donors, partners, households and the vocabularies
 * (mk-master-data), regions, mantikas, baladiyas (mk-places).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "mk-database-private.h"
#include "mk-report-table.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The documents a report counts: posted and not cancelled. */
#define MK_REPORT_NOT_CANCELLED(alias)                          \
  " NOT EXISTS (SELECT 1 FROM documents c WHERE c.kind = 'CAN'" \
  " AND c.status = 'posted' AND c.reference_id = " alias ".id)"

/* The name of the unit of item "i" in the language chosen by parameter ?9
 * (1: Arabic), falling back to English: for a SELECT list. */
#define MK_REPORT_UNIT_SQL                                                             \
  "(SELECT coalesce (nullif (CASE WHEN ?9 THEN u.name_ar END, ''), u.name_en, i.unit)" \
  " FROM units u WHERE u.code = i.unit)"

/* A statement of the report's own (its SQL may be built at run time),
 * finalized by the caller. */
sqlite3_stmt *_mk_report_prepare (MkDatabase *db,
                                  const char *sql,
                                  GError    **error);
/* Steps @stmt: FALSE with @error on an error, *has_row otherwise. */
gboolean _mk_report_step (MkDatabase   *db,
                          sqlite3_stmt *stmt,
                          gboolean     *has_row,
                          GError      **error);
/* A column as text, or NULL. */
const char *_mk_report_column_text (sqlite3_stmt *stmt,
                                    int           column);

/* The id of a grant, warehouse or item by code, 0 when @code is NULL. */
gboolean _mk_report_find_id (MkDatabase *db,
                             const char *kind_name,
                             const char *code,
                             gint64     *id,
                             GError    **error);

/* The place shown for a site: its name, or for a sensitive site a
 * sentence that names only its type ("Detention centre (not named)"). */
char *_mk_report_site_label (const char *language,
                             gboolean    sensitive,
                             const char *name_en,
                             const char *name_ar,
                             const char *type_en,
                             const char *type_ar);

/* @format (translated, from a catalogue) with its one "%s" replaced by
 * @value: the format is data, not a literal, so it is not given to printf. */
char *_mk_report_format (const char *format,
                         const char *value);

/* Table runners, one per table (mk-report-stock.c, mk-report-people.c,
 * mk-report-registers.c). */
typedef gboolean (*MkTableRunner) (MkDatabase            *db,
                                   const MkReportOptions *options,
                                   MkRowFunc              func,
                                   gpointer               data,
                                   GError               **error);

gboolean _mk_report_value_of (const char *item_code,
                              gint64      quantity,
                              gint64      unit_value_milli,
                              gint64     *value,
                              GError    **error);
gboolean _mk_report_run_stock_month (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_stock_card (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_stock_remaining (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_received (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_items_distributed (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_people_reached (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_distribution_lines (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_services (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_people_by_indicator (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_people_by_baladiya (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_5w (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_waybills (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);
gboolean _mk_report_run_losses (MkDatabase *, const MkReportOptions *, MkRowFunc, gpointer, GError **);

G_END_DECLS
