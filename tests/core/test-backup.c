/* test-backup.c: backups restore exactly, while the database is in use, and
 * every damaged or foreign file is refused with nothing restored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <zlib.h>

#ifdef G_OS_UNIX
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

#include "mk-backup.h"
#include "mk-database-private.h"
#include "mk-test-ledger.h"

/* A database with some of everything: the ledger catalogue, received
 * goods, a waybill. */
static void
add_history (MkFixture *fixture)
{
  g_autoptr (MkDocument) soap = mk_test_receive (fixture, "2026-03-01", "BEN-MAIN", "SOAP", 500,
                                                 NULL, NULL, "ECHO-2026");
  g_autoptr (MkDocument) blankets = mk_test_receive (fixture, "2026-03-02", "BEN-MAIN", "BLANKET",
                                                     200, NULL, NULL, NULL);
  g_autoptr (MkDocument) waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-03-03",
                                                         "warehouse", "BEN-MAIN", "to_warehouse",
                                                         "BEN-FIELD", NULL);

  mk_test_add_line (waybill, "BLANKET", 50, NULL);
  mk_test_post (fixture, waybill);
}

static char *
folder_file (MkFixture  *fixture,
             const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The files in the fixture's folder, sorted, as one string. */
static char *
list_folder (MkFixture *fixture)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
write_backup (MkFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  char *path = folder_file (fixture, "ben.mkbackup");

  mk_backup_write (fixture->db, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_round_trip (MkFixture    *fixture,
                 gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MkBackupInfo) info = NULL;
  g_autoptr (MkBackupInfo) restored_info = NULL;
  g_autoptr (MkDatabase) restored = NULL;
  g_autofree char *path = NULL;
  g_autofree char *target = folder_file (fixture, "restored.makhzan");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  double           last = 0;

  add_history (fixture);
  before = mk_fixture_dump (fixture);
  path = folder_file (fixture, "ben.mkbackup");
  mk_backup_write (fixture->db, path, progress_cb, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);

  mk_backup_verify (path, &info, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->format_version, ==, MK_BACKUP_FORMAT_VERSION);
  g_assert_cmpuint (info->schema_version, ==, mk_database_schema_version ());
  g_assert_cmpstr (info->office_code, ==, "BEN");
  g_assert_cmpuint (info->office_number, ==, 2);
  g_assert_cmpint (info->n_documents, ==, 3);
  g_assert_cmpint (info->n_movements, ==, 4); /* two receipts; the waybill out and into transit */
  g_assert_cmpint (ABS (info->created - g_get_real_time () / G_USEC_PER_SEC), <, 60);
  g_assert_cmpuint (info->file_size, <, info->database_size);

  last = 0;
  mk_backup_restore (path, target, &restored_info, progress_cb, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpint (restored_info->n_documents, ==, 3);

  /* Every row comes back, and the database in use is untouched. */
  restored = mk_database_open (target, &error);
  g_assert_no_error (error);
  after = mk_database_dump (restored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
  mk_fixture_assert_unchanged (fixture, before);
  g_assert_true (mk_ledger_check (restored, NULL));
}

static void
test_restore_never_replaces (MkFixture    *fixture,
                             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_backup (fixture);
  g_autofree char *before = mk_fixture_dump (fixture);
  g_autofree char *other = folder_file (fixture, "other.makhzan");
  g_autofree char *contents = NULL;

  /* Not the open database… */
  g_assert_false (mk_backup_restore (path, fixture->path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "test.makhzan"));
  g_clear_error (&error);
  mk_fixture_assert_unchanged (fixture, before);

  /* …nor any other file. */
  g_assert_true (g_file_set_contents (other, "keep me", -1, NULL));
  g_assert_false (mk_backup_restore (path, other, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (other, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");

  /* A backup is never written over the database either. */
  g_clear_error (&error);
  g_assert_false (mk_backup_write (fixture->db, fixture->path, NULL, NULL, NULL, &error));
  g_assert_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE);
  mk_fixture_assert_unchanged (fixture, before);
}

/* Corruption ----------------------------------------------------------------- */

static void
rewrite_header_crc (guchar *data)
{
  guint32 crc = (guint32) crc32 (0, data, 124);

  for (guint i = 0; i < 4; i++)
    data[124 + i] = (guchar) (crc >> (8 * i));
}

static void
put_u32 (guchar *data,
         guint32 value)
{
  for (guint i = 0; i < 4; i++)
    data[i] = (guchar) (value >> (8 * i));
}

/* Asserts that verify and restore both refuse @data with @code and a
 * message naming the file and @mention, leaving no file behind. */
static void
assert_refused (MkFixture    *fixture,
                const guchar *data,
                gsize         length,
                gint          code,
                const char   *mention)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *bad = folder_file (fixture, "bad.mkbackup");
  g_autofree char *target = folder_file (fixture, "restored.makhzan");
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;

  g_assert_true (g_file_set_contents (bad, (const char *) data, length, NULL));
  files_before = list_folder (fixture);

  g_assert_false (mk_backup_verify (bad, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, MK_BACKUP_ERROR, code);
  g_assert_nonnull (strstr (error->message, "bad.mkbackup"));
  mk_test_assert_mentions (error, mention, NULL);
  g_clear_error (&error);

  g_assert_false (mk_backup_restore (bad, target, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, MK_BACKUP_ERROR, code);
  mk_test_assert_mentions (error, mention, NULL);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  files_after = list_folder (fixture);
  g_assert_cmpstr (files_after, ==, files_before);
  g_remove (bad);
}

static void
test_corruption_refused (MkFixture    *fixture,
                         gconstpointer data)
{
  g_autofree char   *path = NULL;
  g_autofree char   *before = NULL;
  g_autofree guchar *good = NULL;
  gsize              length;

  add_history (fixture);
  path = write_backup (fixture);
  before = mk_fixture_dump (fixture);
  g_assert_true (g_file_get_contents (path, (char **) &good, &length, NULL));
  g_assert_cmpuint (length, >, 200);

  /* A flipped byte anywhere: the header, the first block's header, inside
   * the compressed data, the very last byte. */
  {
    const gsize positions[] = { 3, 30, 70, 124, 130, 137, 141, 200, length / 2, length - 1 };

    for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
      {
        g_autofree guchar *copy = g_memdup2 (good, length);

        g_test_message ("flipping byte %" G_GSIZE_FORMAT, positions[i]);
        copy[positions[i]] ^= 0x10;
        assert_refused (fixture, copy, length,
                        positions[i] < 8 ? MK_BACKUP_ERROR_NOT_BACKUP : MK_BACKUP_ERROR_DAMAGED,
                        positions[i] < 8 ? "not a Makhzan backup" : "damaged");
      }
  }

  /* Truncated anywhere. */
  {
    const gsize lengths[] = { 0, 5, 12, 100, 128, 139, 500, length / 2, length - 1 };

    for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
      {
        g_test_message ("truncating to %" G_GSIZE_FORMAT " bytes", lengths[i]);
        assert_refused (fixture, good, lengths[i],
                        lengths[i] < 8 ? MK_BACKUP_ERROR_NOT_BACKUP : MK_BACKUP_ERROR_DAMAGED,
                        lengths[i] == 0 ? "empty" : lengths[i] < 8 ? "not a Makhzan backup"
                                                                   : "truncated");
      }
  }

  /* Something appended. */
  {
    g_autofree guchar *longer = g_malloc (length + 4);

    memcpy (longer, good, length);
    memcpy (longer + length, "more", 4);
    assert_refused (fixture, longer, length + 4, MK_BACKUP_ERROR_DAMAGED, "after its last block");
  }

  /* Other applications' files. */
  {
    g_autofree char *database = NULL;
    gsize            database_length;
    const guchar     gzip[] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4 };

    g_assert_true (g_file_get_contents (fixture->path, &database, &database_length, NULL));
    assert_refused (fixture, (guchar *) database, database_length, MK_BACKUP_ERROR_NOT_BACKUP,
                    "database file, not a backup");
    assert_refused (fixture, gzip, sizeof gzip, MK_BACKUP_ERROR_NOT_BACKUP, "gzip");
    assert_refused (fixture, (const guchar *) "PK\3\4 and then a zip", 20,
                    MK_BACKUP_ERROR_NOT_BACKUP, "zip");
    assert_refused (fixture, (const guchar *) "code,name\nSOAP,Soap\n", 20,
                    MK_BACKUP_ERROR_NOT_BACKUP, "not made by Makhzan");
  }

  /* Newer versions, with their header's checksum made right. */
  {
    g_autofree guchar *format = g_memdup2 (good, length);
    g_autofree guchar *schema = g_memdup2 (good, length);

    put_u32 (format + 8, MK_BACKUP_FORMAT_VERSION + 1);
    rewrite_header_crc (format);
    assert_refused (fixture, format, length, MK_BACKUP_ERROR_TOO_NEW, "newer version");
    put_u32 (schema + 16, mk_database_schema_version () + 1);
    rewrite_header_crc (schema);
    assert_refused (fixture, schema, length, MK_BACKUP_ERROR_TOO_NEW, "newer version");
  }

  /* A header that lies about the content, checksum made right: the
   * content's own checksum catches it. */
  {
    g_autofree guchar *lying = g_memdup2 (good, length);

    put_u32 (lying + 80, 0x12345678);
    rewrite_header_crc (lying);
    assert_refused (fixture, lying, length, MK_BACKUP_ERROR_DAMAGED, "checksum");
  }

  mk_fixture_assert_unchanged (fixture, before);
}

/* A backup of an SQLite file that is not a Makhzan database, dressed in a
 * good header, is refused by what it holds. */
static void
test_foreign_database_refused (MkFixture    *fixture,
                               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *foreign_path = folder_file (fixture, "foreign.db");
  g_autofree char *backup = folder_file (fixture, "foreign.mkbackup");
  g_autofree char *target = folder_file (fixture, "restored.makhzan");
  g_autoptr (MkDatabase) foreign = NULL;
  sqlite3 *handle;

  foreign = _mk_database_open_raw (foreign_path, &error);
  g_assert_no_error (error);
  handle = _mk_database_get_handle (foreign);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  mk_backup_write (foreign, backup, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (mk_backup_restore (backup, target, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_NOT_BACKUP);
  mk_test_assert_mentions (error, "does not hold a Makhzan database", NULL);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* An older version ------------------------------------------------------------ */

static void
test_older_schema_migrated (MkFixture    *fixture,
                            gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old_path = folder_file (fixture, "v3.makhzan");
  g_autofree char *backup = folder_file (fixture, "v3.mkbackup");
  g_autofree char *target = folder_file (fixture, "restored.makhzan");
  g_autoptr (MkBackupInfo) info = NULL;
  g_autoptr (MkDatabase) restored = NULL;
  g_autoptr (MkOffice) office = NULL;
  sqlite3 *handle;

  g_assert_cmpuint (mk_database_schema_version (), >, 3);
  {
    g_autoptr (MkDatabase) old = _mk_database_open_raw (old_path, &error);

    g_assert_no_error (error);
    handle = _mk_database_get_handle (old);
    g_assert_cmpint (sqlite3_exec (handle, "PRAGMA application_id = 1296783950", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    _mk_database_migrate_to (old, 3, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (handle,
                                   "INSERT INTO offices (id, code, number, name_en, name_ar)"
                                   " VALUES (7 << 40 | 1, 'SAB', 7, 'Sabha office', 'مكتب سبها');"
                                   "INSERT INTO settings VALUES ('office_number', '7');",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
    mk_backup_write (old, backup, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }

  mk_backup_restore (backup, target, &info, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->schema_version, ==, 3);
  restored = mk_database_open (target, &error);
  g_assert_no_error (error);
  office = mk_office_get_own (restored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (office->code, ==, "SAB");
  handle = _mk_database_get_handle (restored);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, mk_database_schema_version ());
    sqlite3_finalize (stmt);
  }
}

/* Folders and disks ---------------------------------------------------------- */

static void
test_unwritable_folder (MkFixture    *fixture,
                        gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = folder_file (fixture, "no-such-folder/ben.mkbackup");
  g_autofree char *plain = folder_file (fixture, "plain-file");
  g_autofree char *under_file = folder_file (fixture, "plain-file/ben.mkbackup");
  g_autofree char *before = mk_fixture_dump (fixture);

  g_assert_false (mk_backup_write (fixture->db, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE);
  mk_test_assert_mentions (error, "does not exist", NULL);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (plain, "x", -1, NULL));
  g_assert_false (mk_backup_write (fixture->db, under_file, NULL, NULL, NULL, &error));
  g_assert_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE);
  g_clear_error (&error);

#ifdef G_OS_UNIX
  /* A folder without write permission; root ignores permissions, and
   * /proc refuses new files even to root. */
  {
    g_autofree char *locked = folder_file (fixture, "locked");
    g_autofree char *inside = NULL;

    if (geteuid () == 0)
      inside = g_strdup ("/proc/ben.mkbackup");
    else
      {
        g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
        inside = g_build_filename (locked, "ben.mkbackup", NULL);
      }
    g_assert_false (mk_backup_write (fixture->db, inside, NULL, NULL, NULL, &error));
    g_assert_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE);
    mk_test_assert_mentions (error, "cannot be written", NULL);
    g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
    g_chmod (locked, 0700);
  }
#endif
  mk_fixture_assert_unchanged (fixture, before);
}

#ifdef G_OS_UNIX
/* A disk that fills: the process may not write files past a few KiB, so
 * the backup's writes fail part-way, as on a full USB stick. */
static void
limit_file_size (rlim_t bytes)
{
  /* Only the soft limit: the database is closed normally afterwards. */
  struct rlimit limit = { bytes, RLIM_INFINITY };

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = bytes;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

static void
test_disk_fills (MkFixture    *fixture,
                 gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *backup = folder_file (fixture, "ben.mkbackup");
      g_autofree char *good = folder_file (fixture, "good.mkbackup");
      g_autofree char *target = folder_file (fixture, "restored.makhzan");
      g_autofree char *before = NULL;
      g_autofree char *files_before = NULL;
      g_autofree char *files_after = NULL;
      g_autoptr (MkBackupInfo) info = NULL;

      add_history (fixture);
      mk_backup_write (fixture->db, good, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      mk_backup_verify (good, &info, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      before = mk_fixture_dump (fixture);
      files_before = list_folder (fixture);
      /* Room for part of the backup, and for less than the database. */
      g_assert_cmpuint (info->file_size, >, 8192);
      limit_file_size (8192);

      g_assert_false (mk_backup_write (fixture->db, backup, NULL, NULL, NULL, &error));
      g_assert_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_NO_SPACE);
      mk_test_assert_mentions (error, "not enough space", "ben.mkbackup", NULL);
      g_clear_error (&error);

      g_assert_false (mk_backup_restore (good, target, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_NO_SPACE);
      mk_test_assert_mentions (error, "not enough space", "restored.makhzan", NULL);

      limit_file_size (RLIM_INFINITY);
      files_after = list_folder (fixture);
      g_assert_cmpstr (files_after, ==, files_before);
      mk_fixture_assert_unchanged (fixture, before);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}
#endif

static void
test_cancelled (MkFixture    *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = folder_file (fixture, "ben.mkbackup");
  g_autofree char *files_before = list_folder (fixture);
  g_autofree char *files_after = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (mk_backup_write (fixture->db, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  files_after = list_folder (fixture);
  g_assert_cmpstr (files_after, ==, files_before);
}

static void
test_scheduled_keeps_the_newest (MkFixture    *fixture,
                                 gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = folder_file (fixture, "usb/backups");
  g_autofree char *unrelated = g_build_filename (folder, "notes.txt", NULL);
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) kept = NULL;

  for (guint i = 0; i < 4; i++)
    {
      char *path = NULL;

      mk_backup_run_scheduled (fixture->db, folder, 2, &path, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (path, folder));
      g_ptr_array_add (written, path);
      if (i == 0)
        g_assert_true (g_file_set_contents (unrelated, "mine", -1, NULL));
    }
  kept = mk_backup_list_scheduled (folder, "BEN", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (kept, 0), ==, g_ptr_array_index (written, 3));
  g_assert_cmpstr (g_ptr_array_index (kept, 1), ==, g_ptr_array_index (written, 2));
  g_assert_false (g_file_test (g_ptr_array_index (written, 0), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < kept->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (kept, i));
      g_assert_true (g_str_has_prefix (name, "BEN-"));
      g_assert_true (mk_backup_verify (g_ptr_array_index (kept, i), NULL, NULL, NULL, NULL, &error));
    }
}

/* While another connection posts ----------------------------------------------- */

typedef struct
{
  const char *path;
  gint        stop;
  GMutex      lock;
  GPtrArray  *numbers; /* of the documents committed, in order */
  char       *failure;
} Poster;

static gpointer
post_until_stopped (gpointer data)
{
  Poster *poster = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (MkDatabase) db = mk_database_open (poster->path, &error);

  if (db == NULL || !mk_database_set_user (db, "Second storekeeper", "Storekeeper", &error))
    {
      poster->failure = g_strdup (error->message);
      return NULL;
    }
  while (!g_atomic_int_get (&poster->stop))
    {
      g_autoptr (MkDocument) grn = mk_document_new (MK_DOCUMENT_GRN);
      MkRecord *header = mk_document_get_header (grn);

      if (!mk_record_set_text (header, "date", "2026-03-05", &error) || !mk_record_set_text (header, "warehouse", "BEN-MAIN", &error) || !mk_record_set_text (header, "source", "purchase", &error))
        break;
      mk_document_add_line (grn, mk_document_line_new ("BUCKET", 1));
      if (!mk_documents_post (db, grn, &error))
        break;
      g_mutex_lock (&poster->lock);
      g_ptr_array_add (poster->numbers, g_strdup (mk_document_get_number (grn)));
      g_mutex_unlock (&poster->lock);
    }
  if (error != NULL)
    poster->failure = g_strdup (error->message);
  return NULL;
}

static guint
n_committed (Poster *poster)
{
  guint n;

  g_mutex_lock (&poster->lock);
  n = poster->numbers->len;
  g_mutex_unlock (&poster->lock);
  return n;
}

static void
test_backup_while_posting (MkFixture    *fixture,
                           gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = folder_file (fixture, "busy.mkbackup");
  g_autofree char *target = folder_file (fixture, "restored.makhzan");
  g_autoptr (MkBackupInfo) info = NULL;
  Poster   poster = { fixture->path, 0 };
  GThread *thread;
  guint    before_backup, after_backup;
  sqlite3 *handle;

  add_history (fixture);
  g_mutex_init (&poster.lock);
  poster.numbers = g_ptr_array_new_with_free_func (g_free);
  thread = g_thread_new ("poster", post_until_stopped, &poster);
  while (n_committed (&poster) < 5 && poster.failure == NULL)
    g_usleep (1000);

  before_backup = n_committed (&poster);
  mk_backup_write (fixture->db, path, NULL, NULL, NULL, &error);
  after_backup = n_committed (&poster);
  /* The poster goes on a little after the backup, then stops. */
  while (n_committed (&poster) < after_backup + 3 && poster.failure == NULL)
    g_usleep (1000);
  g_atomic_int_set (&poster.stop, 1);
  g_thread_join (thread);
  g_assert_no_error (error);
  g_assert_null (poster.failure);
  g_test_message ("%u documents before the backup, %u when it ended, %u in all", before_backup,
                  after_backup, poster.numbers->len);

  /* The restore proves the ledger; every document committed before the
   * backup began is there, and nothing committed after it ended. */
  mk_backup_restore (path, target, &info, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->n_documents, >=, 3 + before_backup);
  g_assert_cmpint (info->n_documents, <=, 3 + after_backup);

  g_assert_cmpint (sqlite3_open (target, &handle), ==, SQLITE_OK);
  for (guint i = 0; i < poster.numbers->len; i++)
    {
      char  *sql = sqlite3_mprintf ("SELECT count (*) FROM documents WHERE number = %Q",
                                    (const char *) g_ptr_array_index (poster.numbers, i));
      gint64 found = mk_test_raw_int (handle, sql);

      sqlite3_free (sql);
      if (i < before_backup)
        g_assert_cmpint (found, ==, 1);
      else if (i >= after_backup)
        g_assert_cmpint (found, ==, 0);
    }
  g_assert_cmpint (mk_test_raw_int (handle, "SELECT count (*) FROM documents"), ==, info->n_documents);
  sqlite3_close (handle);

  g_ptr_array_unref (poster.numbers);
  g_mutex_clear (&poster.lock);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, MkFixture, NULL, mk_ledger_fixture_set_up, func, mk_ledger_fixture_tear_down)
  ADD ("/backup/round-trip", test_round_trip);
  ADD ("/backup/restore-never-replaces", test_restore_never_replaces);
  ADD ("/backup/corruption-refused", test_corruption_refused);
  ADD ("/backup/foreign-database-refused", test_foreign_database_refused);
  ADD ("/backup/older-schema-migrated", test_older_schema_migrated);
  ADD ("/backup/unwritable-folder", test_unwritable_folder);
#ifdef G_OS_UNIX
  ADD ("/backup/disk-fills", test_disk_fills);
#endif
  ADD ("/backup/cancelled", test_cancelled);
  ADD ("/backup/scheduled-keeps-the-newest", test_scheduled_keeps_the_newest);
  ADD ("/backup/while-posting", test_backup_while_posting);
#undef ADD

  return g_test_run ();
}
