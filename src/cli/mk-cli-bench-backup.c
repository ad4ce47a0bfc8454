/* mk-cli-bench-backup.c: backup, verify and restore beside SQLite's backup
 * API writing the same database uncompressed, and an import of households
 * from a workbook written here with libxlsxwriter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "mk-cli-bench.h"

static void
remove_database_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

/* The floor: SQLite's online backup API copying the database to a plain
 * file, in one step, as a program without Makhzan would. */
static gboolean
sqlite_backup (const char  *source_path,
               const char  *target_path,
               MkBenchTime *time,
               GError     **error)
{
  sqlite3        *source = NULL;
  sqlite3        *target = NULL;
  sqlite3_backup *backup;
  MkBenchClock    clock;
  int             rc;

  remove_database_files (target_path);
  mk_bench_start (&clock);
  rc = sqlite3_open_v2 (source_path, &source, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (target_path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", source, "main");
      rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (target);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  if (rc != SQLITE_OK)
    g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, _ ("SQLite’s backup failed: %s"),
                 sqlite3_errstr (rc));
  sqlite3_close (target);
  sqlite3_close (source);
  *time = mk_bench_stop (&clock, 1);
  remove_database_files (target_path);
  return rc == SQLITE_OK;
}

/* Households ----------------------------------------------------------------------- */

static gboolean
write_households (const char *path,
                  guint       n_households,
                  GError    **error)
{
  static const char *const headers[] = {
    "code",
    "population_group",
    "size",
    "female_0_4",
    "female_18_59",
    "male_5_11",
    "male_18_59",
    "vulnerabilities",
    "registered_on",
  };
  static const char *const groups[] = { "migrants", "refugees", "idps", "host" };
  lxw_workbook_options     options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  g_autofree char         *dir = g_path_get_dirname (path);
  lxw_workbook            *workbook;
  lxw_worksheet           *sheet;
  lxw_format              *date_format;
  GRand                   *rand = g_rand_new_with_seed (20240101);
  lxw_error                status;

  options.tmpdir = dir;
  workbook = workbook_new_opt (path, &options);
  if (workbook == NULL)
    {
      g_rand_free (rand);
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, _ ("The workbook could not be written."));
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, "Households");
  date_format = workbook_add_format (workbook);
  format_set_num_format (date_format, "dd/mm/yyyy");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, (lxw_col_t) c, headers[c], NULL);
  for (guint i = 0; i < n_households; i++)
    {
      char         code[32];
      guint        members[4];
      guint        size = 0;
      lxw_datetime registered = { 2024 + (int) (i % 3), 1 + (int) (i % 12), 1 + (int) (i % 28), 0, 0, 0 };

      for (guint m = 0; m < 4; m++)
        size += members[m] = (guint) g_rand_int_range (rand, m == 1 || m == 3 ? 1 : 0, 4);
      g_snprintf (code, sizeof code, "BEN-HH-%06u", i + 1);
      worksheet_write_string (sheet, i + 1, 0, code, NULL);
      worksheet_write_string (sheet, i + 1, 1, groups[i % G_N_ELEMENTS (groups)], NULL);
      worksheet_write_number (sheet, i + 1, 2, size, NULL);
      for (guint m = 0; m < 4; m++)
        worksheet_write_number (sheet, i + 1, (lxw_col_t) (3 + m), members[m], NULL);
      if (i % 10 == 0)
        worksheet_write_string (sheet, i + 1, 7, "أرملة مع أطفال", NULL);
      worksheet_write_datetime (sheet, i + 1, 8, &registered, date_format);
    }
  g_rand_free (rand);
  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, _ ("The workbook could not be written: %s"),
                   lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
bench_import (const char    *dir,
              guint          n_households,
              MkBenchBackup *result,
              GError       **error)
{
  g_autofree char *workbook = g_build_filename (dir, "households.xlsx", NULL);
  g_autofree char *path = g_build_filename (dir, "import.makhzan", NULL);
  g_autoptr (MkDatabase) db = NULL;
  MkBenchClock clock;
  guint        n_rows = 0;
  gboolean     ok;

  mk_bench_start (&clock);
  if (!write_households (workbook, n_households, error))
    return FALSE;
  result->write_households = mk_bench_stop (&clock, 1);

  db = mk_database_create (path, "BEN", 2, "Benghazi office", "مكتب بنغازي", error);
  if (db == NULL || !mk_database_set_user (db, "Benchmark", NULL, error))
    return FALSE;
  mk_bench_start (&clock);
  ok = mk_import_file (db, "households", workbook, NULL, &n_rows, NULL, error);
  result->import_households = mk_bench_stop (&clock, 1);
  result->n_households = n_rows;
  g_clear_object (&db);
  remove_database_files (path);
  g_remove (workbook);
  return ok;
}

/* Backups ---------------------------------------------------------------------------- */

typedef struct
{
  MkBenchClock clock;
  MkBenchTime  written; /* when the file was whole, before the checks */
} RestoreClock;

static void
restore_progress (double   fraction,
                  gpointer user_data)
{
  RestoreClock *restore = user_data;

  if (fraction >= MK_BACKUP_RESTORE_WRITTEN && restore->written.wall_us < 0)
    restore->written = mk_bench_stop (&restore->clock, 1);
}

gboolean
mk_bench_backup (MkDatabase    *db,
                 const char    *dir,
                 guint          rounds,
                 guint          n_households,
                 MkBenchBackup *result,
                 GError       **error)
{
  g_autofree char *plain = g_build_filename (dir, "sqlite-backup.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "mission.mkbackup", NULL);
  g_autofree char *restored = g_build_filename (dir, "restored.makhzan", NULL);
  g_autoptr (GArray) floors = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  g_autoptr (GArray) backups = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  g_autoptr (GArray) verifies = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  g_autoptr (MkBackupInfo) info = NULL;
  MkBenchClock clock;
  MkBenchTime  time;

  memset (result, 0, sizeof *result);
  /* Alternated, so that both see the same state of the disk's cache. */
  for (guint r = 0; r < MAX (rounds, 1); r++)
    {
      if (!sqlite_backup (mk_database_get_path (db), plain, &time, error))
        return FALSE;
      g_array_append_val (floors, time);
      mk_bench_start (&clock);
      if (!mk_backup_write (db, backup, NULL, NULL, NULL, error))
        return FALSE;
      time = mk_bench_stop (&clock, 1);
      g_array_append_val (backups, time);
      mk_bench_start (&clock);
      g_clear_pointer (&info, mk_backup_info_free);
      if (!mk_backup_verify (backup, &info, NULL, NULL, NULL, error))
        return FALSE;
      time = mk_bench_stop (&clock, 1);
      g_array_append_val (verifies, time);
    }
  result->sqlite_backup = mk_bench_median (floors);
  result->backup = mk_bench_median (backups);
  result->verify = mk_bench_median (verifies);
  result->database_size = info->database_size;
  result->backup_size = info->file_size;

  /* Restoring once: its checks read the whole ledger. The progress it
   * reports marks the end of the writing. */
  remove_database_files (restored);
  {
    RestoreClock restore = { { 0 }, { -1, -1 } };

    mk_bench_start (&restore.clock);
    if (!mk_backup_restore (backup, restored, NULL, restore_progress, &restore, NULL, error))
      return FALSE;
    result->restore = mk_bench_stop (&restore.clock, 1);
    result->restore_written = restore.written;
  }
  remove_database_files (restored);
  g_remove (backup);

  return n_households == 0 || bench_import (dir, n_households, result, error);
}
