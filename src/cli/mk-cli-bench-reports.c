/* mk-cli-bench-reports.c: the benchmark of the Excel workbooks.
 *
 * The distribution report of every distribution line of the mission and
 * the donor workbook of the grant with the most lines, written through
 * mk_report_write(), beside the raw floor measured in the same run: the
 * same rows read through the same queries, then the same cells written
 * straight into libxlsxwriter (raw_workbook()). The ratio is what the
 * writer adds: widths, totals with their values, ReadMe and summary, the
 * streaming. Peak memory is the growth of this process's peak resident
 * memory while one workbook is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#ifdef __linux__
#include <sys/wait.h>
#include <unistd.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "makhzan-reports.h"
#include "mk-cli-bench.h"

/* The tables of each workbook, in its order (mk-report.c). */
static const MkTableId distribution_tables[] = { MK_TABLE_ITEMS_DISTRIBUTED, MK_TABLE_PEOPLE_REACHED,
                                                 MK_TABLE_DISTRIBUTION_LINES };
static const MkTableId donor_tables[] = { MK_TABLE_RECEIVED, MK_TABLE_ITEMS_DISTRIBUTED,
                                          MK_TABLE_DISTRIBUTION_LINES, MK_TABLE_PEOPLE_BY_INDICATOR,
                                          MK_TABLE_PEOPLE_BY_BALADIYA, MK_TABLE_SERVICES,
                                          MK_TABLE_STOCK_REMAINING, MK_TABLE_LOSSES };

static double
excel_date (const char *iso)
{
  GDate date, epoch;

  if (iso == NULL || strlen (iso) != 10)
    return -1;
  g_date_clear (&date, 1);
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  g_date_set_dmy (&date, (GDateDay) g_ascii_strtoll (iso + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoll (iso + 5, NULL, 10), (GDateYear) g_ascii_strtoll (iso, NULL, 10));
  return g_date_valid (&date) ? (double) (g_date_get_julian (&date) - g_date_get_julian (&epoch)) : -1;
}

/* The raw floor: the same rows, read through the same queries into memory,
 * then the same cells written straight into libxlsxwriter in
 * constant-memory mode: no widths, totals, ReadMe or summary. */
static gboolean
raw_workbook (MkDatabase            *db,
              const MkReportOptions *options,
              const MkTableId       *tables,
              guint                  n_tables,
              const char            *path,
              guint64               *n_lines,
              GError               **error)
{
  lxw_workbook_options lxw_options = { .constant_memory = LXW_TRUE };
  lxw_workbook        *workbook = workbook_new_opt (path, &lxw_options);
  lxw_format          *date_format, *number_format;

  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "libxlsxwriter could not create %s", path);
      return FALSE;
    }
  date_format = workbook_add_format (workbook);
  format_set_num_format (date_format, "yyyy-mm-dd");
  number_format = workbook_add_format (workbook);
  format_set_num_format (number_format, "#,##0");

  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr (MkRowSet) set = mk_row_set_collect (db, tables[t], options, error);
      lxw_worksheet  *sheet = workbook_add_worksheet (workbook, NULL);
      const MkColumn *columns;
      guint           n_columns, n_rows;

      if (set == NULL)
        {
          lxw_workbook_free (workbook);
          return FALSE;
        }
      columns = mk_row_set_get_columns (set, &n_columns);
      n_rows = mk_row_set_get_n_rows (set);
      if (tables[t] == MK_TABLE_DISTRIBUTION_LINES)
        *n_lines = n_rows;
      for (guint c = 0; c < n_columns; c++)
        worksheet_write_string (sheet, 0, (lxw_col_t) c, columns[c].title, NULL);
      for (guint r = 0; r < n_rows; r++)
        {
          const MkCell *cells = mk_row_set_get_row (set, r);

          for (guint c = 0; c < n_columns; c++)
            {
              double serial;

              switch (columns[c].type)
                {
                case MK_COLUMN_DATE:
                  if ((serial = excel_date (cells[c].text)) >= 0)
                    worksheet_write_number (sheet, r + 1, (lxw_col_t) c, serial, date_format);
                  break;
                case MK_COLUMN_TEXT:
                case MK_COLUMN_MONTH:
                  if (cells[c].text != NULL)
                    worksheet_write_string (sheet, r + 1, (lxw_col_t) c, cells[c].text, NULL);
                  break;
                case MK_COLUMN_QUANTITY:
                case MK_COLUMN_WEIGHT:
                case MK_COLUMN_VOLUME:
                case MK_COLUMN_MONEY:
                case MK_COLUMN_PERCENT:
                default:
                  if (!cells[c].blank)
                    worksheet_write_number (sheet, r + 1, (lxw_col_t) c, (double) cells[c].number, number_format);
                  break;
                }
            }
        }
    }
  if (workbook_close (workbook) != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "libxlsxwriter could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

#ifdef __linux__
/* A figure of /proc/self/status, in KiB; -1 when absent. */
static gint64
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}
#endif

/* The memory an export needs, in KiB; -1 where the system cannot say.
 * Measured in a forked child on a connection of its own: the pages it
 * shares with this process (the mission) are not its own, its peak is
 * reset on request (Linux clear_refs) and whatever it adds above that
 * while writing — page cache, libxlsxwriter's rows, the queries' tables —
 * is the export's. */
static gint64
peak_growth_kib (MkDatabase            *db,
                 const MkReportOptions *options,
                 const char            *out)
{
#ifdef __linux__
  int    fds[2];
  pid_t  pid;
  gint64 growth = -1;

  if (pipe (fds) != 0)
    return -1;
  pid = fork ();
  if (pid < 0)
    {
      close (fds[0]);
      close (fds[1]);
      return -1;
    }
  if (pid == 0)
    {
      g_autoptr (MkDatabase) own = NULL;
      FILE  *clear;
      gint64 before = -1, peak = -1, result = -1;

      close (fds[0]);
#ifdef __GLIBC__
      /* The heap this process freed is still resident: handed back, the
       * export's allocations there count as its own. */
      malloc_trim (0);
#endif
      clear = fopen ("/proc/self/clear_refs", "w");
      if (clear != NULL)
        {
          fputs ("5", clear);
          if (fclose (clear) == 0)
            before = status_kib ("VmRSS:");
        }
      own = mk_database_open (mk_database_get_path (db), NULL);
      if (before >= 0 && own != NULL && mk_report_write (own, options, out, NULL, NULL, NULL, NULL))
        peak = status_kib ("VmHWM:");
      if (peak >= before && before >= 0)
        result = peak - before;
      if (write (fds[1], &result, sizeof result) != sizeof result)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], &growth, sizeof growth) != sizeof growth)
    growth = -1;
  close (fds[0]);
  waitpid (pid, NULL, 0);
  return growth;
#else
  return -1;
#endif
}

/* The grant with the most distribution lines, and the mission's period. */
static gboolean
choose (sqlite3 *handle,
        char   **grant,
        char   **from,
        char   **to,
        GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      ok = FALSE;

  if (sqlite3_prepare_v2 (handle,
                          "SELECT (SELECT g.code FROM document_lines l JOIN documents d ON d.id = l.document_id"
                          "   JOIN grants g ON g.id = l.grant_id WHERE d.kind = 'DIS' AND d.status = 'posted'"
                          "   GROUP BY g.id ORDER BY count (*) DESC LIMIT 1),"
                          " (SELECT min (date) FROM documents WHERE kind = 'DIS' AND status = 'posted'),"
                          " (SELECT max (date) FROM documents WHERE kind = 'DIS' AND status = 'posted')",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *grant = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *from = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *to = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      ok = TRUE;
    }
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The mission has no distributions to report."));
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
mk_bench_reports (MkDatabase     *db,
                  const char     *dir,
                  guint           rounds,
                  MkBenchReports *result,
                  GError        **error)
{
  g_autofree char *grant = NULL, *from = NULL, *to = NULL, *grant_from = NULL, *grant_to = NULL;
  g_autofree char *out = g_build_filename (dir, "report.xlsx", NULL);
  g_autofree char *raw_out = g_build_filename (dir, "raw.xlsx", NULL);
  sqlite3         *handle = NULL;
  gboolean         ok = TRUE;

  memset (result, 0, sizeof *result);
  if (sqlite3_open_v2 (mk_database_get_path (db), &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (handle));
      sqlite3_close (handle);
      return FALSE;
    }
  if (!choose (handle, &grant, &from, &to, error))
    {
      sqlite3_close (handle);
      return FALSE;
    }
  /* The donor workbook covers the grant's whole life. */
  {
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_prepare_v2 (handle, "SELECT start_date, end_date FROM grants WHERE code = ?1", -1, &stmt, NULL) == SQLITE_OK)
      {
        sqlite3_bind_text (stmt, 1, grant, -1, SQLITE_STATIC);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          {
            grant_from = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
            grant_to = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          }
      }
    sqlite3_finalize (stmt);
  }
  result->grant = g_strdup (grant);

  for (guint kind = 0; ok && kind < 2; kind++)
    {
      MkReportOptions options = { kind == 0 ? MK_REPORT_DISTRIBUTIONS : MK_REPORT_DONOR,
                                  .grant_code = kind == 0 ? NULL : grant,
                                  .from = kind == 0 ? from : grant_from,
                                  .to = kind == 0 ? to : grant_to,
                                  .language = "en" };
      g_autoptr (GArray) api = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
      g_autoptr (GArray) raw = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
      MkBenchReport *report = kind == 0 ? &result->distributions : &result->donor;

      /* The report and the floor alternate, so that a noisy machine
       * slows both alike. */
      for (guint r = 0; ok && r < rounds; r++)
        {
          MkBenchClock clock;
          MkBenchTime  time;
          guint64      lines = 0;

          mk_bench_start (&clock);
          ok = mk_report_write (db, &options, out, NULL, NULL, NULL, error);
          time = mk_bench_stop (&clock, 1);
          g_array_append_val (api, time);
          mk_bench_start (&clock);
          ok = ok && raw_workbook (db, &options, kind == 0 ? distribution_tables : donor_tables,
                                   kind == 0 ? G_N_ELEMENTS (distribution_tables) : G_N_ELEMENTS (donor_tables),
                                   raw_out, &lines, error);
          time = mk_bench_stop (&clock, 1);
          g_array_append_val (raw, time);
          report->lines = lines;
        }
      if (!ok)
        break;
      report->api = mk_bench_median (api);
      report->raw = mk_bench_median (raw);
      report->peak_kib = peak_growth_kib (db, &options, out);
    }
  g_remove (out);
  g_remove (raw_out);
  sqlite3_close (handle);
  return ok;
}
