/* mk-report.h: the Excel workbooks — stock report, stock card, distribution
 * report, donor workbook, 5W sheet, waybill and loss registers.
 *
 * mk_report_write() runs on the calling thread and may take seconds: the
 * application calls it from g_task_run_in_thread() on a connection of its
 * own (mk_database_open() of the same file; WAL lets it read while the UI
 * writes). The workbook is written under a temporary name in the folder of
 * @path and renamed at the end; on any failure or cancellation nothing is
 * left under either name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "makhzan-core.h"

G_BEGIN_DECLS

#define MK_REPORT_ERROR (mk_report_error_quark ())

typedef enum
{
  MK_REPORT_ERROR_INVALID,   /* options that do not make sense */
  MK_REPORT_ERROR_NOT_FOUND, /* a warehouse, grant or item that does not exist */
  MK_REPORT_ERROR_WRITE,     /* the file cannot be written (folder, rights, disk) */
  MK_REPORT_ERROR_CANCELLED, /* the person stopped it */
} MkReportError;

GQuark mk_report_error_quark (void);

typedef enum
{
  MK_REPORT_STOCK,         /* monthly stock report, per warehouse (and grant) */
  MK_REPORT_STOCK_CARD,    /* one item in one warehouse */
  MK_REPORT_DISTRIBUTIONS, /* items and people by month, place, group */
  MK_REPORT_DONOR,         /* everything one grant paid for and reached */
  MK_REPORT_5W,            /* the sector's 5W sheet with its HXL row */
  MK_REPORT_WAYBILLS,      /* waybill register */
  MK_REPORT_LOSSES,        /* loss register */
  MK_N_REPORT_KINDS,
} MkReportKind;

/* What a kind needs in its options. */
typedef enum
{
  MK_REPORT_NEEDS_NOTHING = 0,
  MK_REPORT_NEEDS_WAREHOUSE = 1 << 0,
  MK_REPORT_NEEDS_GRANT = 1 << 1,
  MK_REPORT_NEEDS_ITEM = 1 << 2,
} MkReportNeeds;

/* The name used on the command line ("stock", "stock-card", "distributions",
 * "donor", "5w", "waybills", "losses"), the translated title, a translated
 * sentence saying what it holds, and what it needs. */
const char   *mk_report_kind_get_name (MkReportKind kind);
const char   *mk_report_kind_get_title (MkReportKind kind);
const char   *mk_report_kind_get_description (MkReportKind kind);
MkReportNeeds mk_report_kind_get_needs (MkReportKind kind);
/* The kind of a command-line name; FALSE when there is none. */
gboolean mk_report_kind_from_name (const char   *name,
                                   MkReportKind *kind);

typedef struct
{
  MkReportKind kind;
  const char  *warehouse_code; /* NULL: every warehouse (stock, registers) */
  const char  *grant_code;     /* NULL: every grant; required by the donor workbook */
  const char  *item_code;      /* the stock card's item */
  const char  *from;           /* YYYY-MM-DD; NULL: see mk_report_options_resolve() */
  const char  *to;
  const char  *language; /* "en" or "ar"; NULL: the interface's */
  const char  *today;    /* YYYY-MM-DD for expiry marks; NULL: today (tests set it) */
  const char  *author;   /* who produced it, for the ReadMe; NULL: the connection's user */
} MkReportOptions;

/* Checks @options against the database and fills what is left open: the
 * period defaults to the last whole month (the stock report), the grant's
 * start and end (the donor workbook), or the last twelve months. Errors
 * name the field: a period that ends before it starts, a warehouse, grant
 * or item that does not exist, a kind that needs what was not given.
 * *from and *to receive the period (free them). */
gboolean mk_report_options_resolve (MkDatabase            *db,
                                    const MkReportOptions *options,
                                    char                 **from,
                                    char                 **to,
                                    GError               **error);

/* Called from the thread that writes, with 0.0 … 1.0; the application
 * moves it to its main loop (g_main_context_invoke) before touching GTK. */
typedef void (*MkReportProgressFunc) (double   fraction,
                                      gpointer data);

/* Writes the workbook of @options to @path (an .xlsx file, replaced when it
 * exists). @progress and @cancellable may be NULL. */
gboolean mk_report_write (MkDatabase            *db,
                          const MkReportOptions *options,
                          const char            *path,
                          MkReportProgressFunc   progress,
                          gpointer               progress_data,
                          GCancellable          *cancellable,
                          GError               **error);

G_END_DECLS
