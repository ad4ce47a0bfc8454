/* mk-cli-bench.h: the benchmark's two sides.
 *
 *   mk-cli-bench.c      the command: builds the demo mission, times the
 *                       core's API, prints the table of budgets
 *   mk-cli-bench-raw.c  the raw floor: the same SQL run directly through
 *                       sqlite3 on a connection of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "mk-cli-demo.h"

G_BEGIN_DECLS

/* One timed operation: wall-clock and CPU microseconds. */
typedef struct
{
  double wall_us;
  double cpu_us; /* < 0: unknown */
} MkBenchTime;

/* A clock started with mk_bench_start() and read with mk_bench_stop(). */
typedef struct
{
  gint64 wall;
  gint64 cpu;
} MkBenchClock;

void         mk_bench_start  (MkBenchClock *clock);
MkBenchTime  mk_bench_stop   (const MkBenchClock *clock,
                              guint               n_operations);
/* The median of @times (sorted in place). */
MkBenchTime  mk_bench_median (GArray *times);

/* One stock key of the waybill both sides post. */
typedef struct
{
  char  *item_code;
  char  *lot_number;  /* NULL: no lot */
  char  *grant_code;  /* NULL: unearmarked */
  gint64 item_id;
  gint64 lot_id;
  gint64 grant_id;
} MkBenchLine;

typedef struct _MkBenchRaw MkBenchRaw;

/* A connection of its own to @path, set up as the core sets up its own
 * (WAL, synchronous=FULL, foreign keys, the same cache), with a one-row
 * table beside it in @scratch_dir to time a durable commit alone. */
MkBenchRaw *mk_bench_raw_open   (const char  *path,
                                 const char  *scratch_dir,
                                 const char  *office_code,
                                 gint64       office_number,
                                 GError     **error);
void        mk_bench_raw_close  (MkBenchRaw  *raw);

/* Resolves the codes of @lines (an array of MkBenchLine) and of the
 * warehouses; prepares the statements of a 20-line waybill. */
gboolean    mk_bench_raw_prepare_waybill (MkBenchRaw  *raw,
                                          GArray      *lines,
                                          const char  *from_code,
                                          const char  *to_code,
                                          const char  *date,
                                          GError     **error);
/* Writes one waybill of one unit per line, posted, as the core writes it:
 * number, document, transit location, lines, two movements per line with
 * their balances and monthly totals, audit entry, in one transaction.
 * @commit receives the time of its COMMIT alone: the durable write. */
gboolean    mk_bench_raw_post_waybill    (MkBenchRaw  *raw,
                                          MkBenchTime *time,
                                          MkBenchTime *commit,
                                          GError     **error);
/* A one-row durable commit in the scratch file: the cost of the fsync. */
gboolean    mk_bench_raw_commit_one      (MkBenchRaw  *raw,
                                          MkBenchTime *time,
                                          GError     **error);

gboolean    mk_bench_raw_location   (MkBenchRaw  *raw,
                                     const char  *warehouse_code,
                                     gint64      *location_id,
                                     GError     **error);
gboolean    mk_bench_raw_item       (MkBenchRaw  *raw,
                                     const char  *item_code,
                                     gint64      *item_id,
                                     GError     **error);
/* The item with the most movements at @location_id: the longest card. */
gboolean    mk_bench_raw_busiest_item (MkBenchRaw  *raw,
                                       gint64       location_id,
                                       char       **item_code,
                                       GError     **error);

/* Direct reads, @n times over @keys (pairs of location and item ids):
 * the balance, the balance as of @date over the covering index, the first
 * 100 rows of the stock card with its count. Each returns the time of one
 * read. */
gboolean    mk_bench_raw_balances   (MkBenchRaw  *raw,
                                     const gint64 *keys,
                                     guint        n_keys,
                                     guint        n,
                                     const char  *date,
                                     MkBenchTime *time,
                                     GError     **error);
gboolean    mk_bench_raw_stock_card (MkBenchRaw  *raw,
                                     gint64       location_id,
                                     gint64       item_id,
                                     MkBenchTime *time,
                                     GError     **error);
/* The monthly report's SQL as the core runs it, from the monthly totals;
 * or, @from_history, the same numbers from every movement. */
gboolean    mk_bench_raw_month_report (MkBenchRaw  *raw,
                                       const char  *month,
                                       gboolean     from_history,
                                       MkBenchTime *time,
                                       GError     **error);
/* The floor of generating: @n movements of the ledger replayed into a
 * scratch copy of the movements and balances tables, each an insert and a
 * balance upsert, in one transaction. Returns movements a second. */
gboolean    mk_bench_raw_insert_rate  (MkBenchRaw  *raw,
                                       gint64       n,
                                       double      *per_second,
                                       GError     **error);

/* mk-cli-bench-print.c: a 20-line waybill (the newest posted) and a
 * distribution list of 1,000 households (registered in @db as needed)
 * written as PDF files into @dir, each the median of @rounds runs. */
typedef struct
{
  MkBenchTime waybill;
  MkBenchTime list;
  guint       waybill_pages;
  guint       list_pages;
  guint       households;
} MkBenchPrint;

gboolean    mk_bench_print (MkDatabase   *db,
                            const char   *dir,
                            const char   *date,
                            guint         rounds,
                            MkBenchPrint *result,
                            GError      **error);

/* mk-cli-bench-reports.c: the distribution report of every distribution
 * line and the donor workbook of the grant with the most lines, each the
 * median of @rounds runs beside the raw floor (the same lines streamed from
 * one SQL query straight into libxlsxwriter), and the peak memory of each
 * written by "makhzan-cli report" in a process of its own. */
typedef struct
{
  MkBenchTime api;
  MkBenchTime raw;
  guint64     lines;    /* distribution lines in the workbook */
  gint64      peak_kib; /* < 0: unknown */
} MkBenchReport;

typedef struct
{
  MkBenchReport distributions;
  MkBenchReport donor;
  char         *grant; /* the donor workbook's */
} MkBenchReports;

gboolean    mk_bench_reports (MkDatabase     *db,
                              const char     *dir,
                              guint           rounds,
                              MkBenchReports *result,
                              GError        **error);

/* mk-cli-bench-backup.c: a backup, its verification and its restoration
 * (with its checks, and until the file is written) beside SQLite's backup API writing
 * the same database uncompressed, each the median of @rounds runs; then
 * @n_households households (0: none) written to a workbook with
 * libxlsxwriter and imported into a new database. */
typedef struct
{
  MkBenchTime sqlite_backup;
  MkBenchTime backup;
  MkBenchTime verify;
  MkBenchTime restore;         /* the restoration, its checks included */
  MkBenchTime restore_written; /* until the file was written, before its checks */
  guint64     database_size;
  guint64     backup_size;
  MkBenchTime write_households;
  MkBenchTime import_households;
  guint       n_households;
} MkBenchBackup;

gboolean    mk_bench_backup (MkDatabase    *db,
                             const char    *dir,
                             guint          rounds,
                             guint          n_households,
                             MkBenchBackup *result,
                             GError       **error);

G_END_DECLS
