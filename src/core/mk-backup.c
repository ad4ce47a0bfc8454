/* mk-backup.c: writing, verifying and restoring backups.
 *
 * The snapshot is SQLite's own serialisation of the database, read through
 * a connection of its own inside one read transaction: with WAL, writers go
 * on while it is taken, and it holds exactly what was committed when the
 * transaction began. It is cut into blocks compressed on every processor
 * (mk-backup-format.c), so that a backup costs little more than SQLite's
 * backup API writing the same database uncompressed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "mk-backup-private.h"
#include "mk-ledger.h"

/* clang-format off */
G_DEFINE_QUARK (mk-backup-error-quark, mk_backup_error)
/* clang-format on */

/* PRAGMA application_id of a Makhzan database ("MKZN", as mk-database.c
 * writes it): the snapshot inside a backup must carry it. */
#define MAKHZAN_APPLICATION_ID 0x4D4B5A4Eu

#define BACKUP_SUFFIX ".mkbackup"

void
mk_backup_info_free (MkBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->office_code);
  g_free (info);
}

static void
report (MkBackupProgressFunc progress,
        gpointer             progress_data,
        double               fraction)
{
  if (progress != NULL)
    progress (CLAMP (fraction, 0.0, 1.0), progress_data);
}

/* Files ------------------------------------------------------------------- */

static void
set_write_error (GError    **error,
                 int         saved_errno,
                 const char *display_name)
{
  if (saved_errno == ENOSPC || saved_errno == EFBIG
#ifdef EDQUOT
      || saved_errno == EDQUOT
#endif
  )
    g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_NO_SPACE,
                 _ ("There is not enough space on the disk to write “%s”; nothing was written."),
                 display_name);
  else
    g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE,
                 _ ("“%s” cannot be written: %s."), display_name, g_strerror (saved_errno));
}

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

/* Creates a temporary file in @path's folder, so that the final rename
 * stays on one disk and the folder's own permissions are tested first. */
static FILE *
open_temporary (const char *path,
                const char *infix,
                char      **temporary_path,
                GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display_dir = g_filename_display_name (dir);
  g_autofree char *name = g_strdup_printf (".%s.%s-XXXXXX", base, infix);
  g_autofree char *temporary = g_build_filename (dir, name, NULL);
  FILE            *file;
  int              fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE,
                   _ ("The folder “%s” does not exist."), display_dir);
      return NULL;
    }
  fd = g_mkstemp_full (temporary, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOSPC || saved_errno == EFBIG)
        set_write_error (error, saved_errno, display_dir);
      else
        g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE,
                     _ ("The folder “%s” cannot be written: %s."), display_dir,
                     g_strerror (saved_errno));
      return NULL;
    }
  file = fdopen (fd, "w+b");
  if (file == NULL)
    {
      int              saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_close (fd, NULL);
      g_remove (temporary);
      set_write_error (error, saved_errno, display);
      return NULL;
    }
  *temporary_path = g_steal_pointer (&temporary);
  return file;
}

static gboolean
write_all (FILE       *file,
           const void *data,
           gsize       length,
           const char *display_name,
           GError    **error)
{
  if (length > 0 && fwrite (data, 1, length, file) != length)
    {
      set_write_error (error, errno, display_name);
      return FALSE;
    }
  return TRUE;
}

/* Flushes, makes durable and closes @file; *file is NULL afterwards. */
static gboolean
finish_file (FILE      **file,
             const char *display_name,
             GError    **error)
{
  gboolean ok = fflush (*file) == 0 && g_fsync (fileno (*file)) == 0;
  int      saved_errno = errno;

  ok = (fclose (*file) == 0) && ok;
  if (!ok && saved_errno == 0)
    saved_errno = errno;
  *file = NULL;
  if (!ok)
    set_write_error (error, saved_errno, display_name);
  return ok;
}

/* The snapshot ------------------------------------------------------------ */

static gboolean
query_count (sqlite3    *handle,
             const char *sql,
             gint64     *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean      ok;

  ok = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return ok;
}

static void
set_snapshot_error (GError    **error,
                    sqlite3    *handle,
                    int         rc,
                    const char *display_name)
{
  int code = handle != NULL ? sqlite3_errcode (handle) : rc;

  if (code == SQLITE_FULL)
    set_write_error (error, ENOSPC, display_name);
  else
    g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_READ,
                 _ ("The database “%s” could not be read for the backup: %s"), display_name,
                 handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
}

/* Reads the database at @path as one consistent image. The counts come
 * from the same read transaction as the image. */
static guchar *
take_snapshot (const char   *path,
               MkBackupInfo *info,
               GError      **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3         *handle = NULL;
  sqlite3_int64    size = 0;
  guchar          *image = NULL;
  gint64           version = 0;
  gint64           tables = 0;
  int              rc;

  /* Read and write, though it never writes: a reader of a WAL database
   * may need to create the shared-memory file. */
  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_snapshot_error (error, handle, rc, display);
      sqlite3_close (handle);
      return NULL;
    }
  sqlite3_busy_timeout (handle, 10000);
  if (sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL) != SQLITE_OK || !query_count (handle, "PRAGMA user_version", &version) || !query_count (handle, "SELECT count (*) FROM sqlite_schema"
                                                                                                                                                       " WHERE type = 'table' AND name IN ('documents', 'movements')",
                                                                                                                                               &tables) ||
      (tables == 2 && (!query_count (handle, "SELECT count (*) FROM documents", &info->n_documents) || !query_count (handle, "SELECT count (*) FROM movements", &info->n_movements))))
    {
      set_snapshot_error (error, handle, SQLITE_ERROR, display);
      sqlite3_close (handle);
      return NULL;
    }
  info->schema_version = (guint) version;
  /* Inside the transaction begun by the counts: the same snapshot. */
  image = sqlite3_serialize (handle, "main", &size, 0);
  if (image == NULL || size <= 0)
    {
      set_snapshot_error (error, handle, SQLITE_NOMEM, display);
      sqlite3_free (image);
      sqlite3_close (handle);
      return NULL;
    }
  sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (handle);
  info->database_size = (guint64) size;
  return image;
}

/* Writing ------------------------------------------------------------------ */

static gboolean
write_blocks (FILE                *file,
              const guchar        *image,
              MkBackupHeader      *header,
              const char          *display_name,
              MkBackupProgressFunc progress,
              gpointer             progress_data,
              GCancellable        *cancellable,
              GError             **error)
{
  MkBackupPipeline *pipeline = _mk_backup_pipeline_new (FALSE);
  guint64           size = header->info.database_size;
  guint64           offset = 0;
  guint             index = 0;
  uLong             crc = crc32 (0, NULL, 0);
  gboolean          ok = TRUE;

  for (;;)
    {
      MkBackupBlock *block;

      while (ok && offset < size && !_mk_backup_pipeline_is_full (pipeline))
        {
          block = g_new0 (MkBackupBlock, 1);
          block->input = image + offset;
          block->input_length = (gsize) MIN (size - offset, header->block_size);
          block->index = index++;
          offset += block->input_length;
          _mk_backup_pipeline_push (pipeline, block);
        }
      block = _mk_backup_pipeline_pop (pipeline);
      if (block == NULL)
        break;
      if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      if (ok && block->failed)
        {
          g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE,
                       _ ("“%s” cannot be written: zlib could not compress the database."),
                       display_name);
          ok = FALSE;
        }
      if (ok)
        {
          guchar  block_header[MK_BACKUP_BLOCK_HEADER];
          guint32 values[4] = { (guint32) block->output_length, (guint32) block->input_length,
                                block->crc, block->packed_crc };

          for (guint v = 0; v < 4; v++)
            for (guint b = 0; b < 4; b++)
              block_header[v * 4 + b] = (guchar) (values[v] >> (8 * b));
          crc = crc32_combine (crc, block->crc, (z_off_t) block->input_length);
          ok = write_all (file, block_header, sizeof block_header, display_name, error) && write_all (file, block->output, block->output_length, display_name, error);
          report (progress, progress_data, 0.1 + 0.85 * (double) (block->index + 1) / MAX (index, 1));
        }
      block->input = NULL; /* borrowed from the image */
      _mk_backup_block_free (block);
    }
  _mk_backup_pipeline_free (pipeline);
  header->n_blocks = index;
  header->info.content_crc = (guint32) crc;
  return ok;
}

gboolean
mk_backup_write (MkDatabase          *db,
                 const char          *path,
                 MkBackupProgressFunc progress,
                 gpointer             progress_data,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autofree char *display = NULL;
  g_autofree char *temporary = NULL;
  MkBackupHeader   header = { { 0 } };
  guchar           header_bytes[MK_BACKUP_HEADER_SIZE];
  guchar          *image = NULL;
  FILE            *file;
  gboolean         ok;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE,
                   _ ("“%s” is a folder; name the backup file."), display);
      return FALSE;
    }
  if (g_strcmp0 (path, mk_database_get_path (db)) == 0)
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE,
                   _ ("“%s” is the open database; a backup must go to another file."), display);
      return FALSE;
    }
  report (progress, progress_data, 0);
  file = open_temporary (path, "part", &temporary, error);
  if (file == NULL)
    return FALSE;

  header.info.format_version = MK_BACKUP_FORMAT_VERSION;
  header.info.office_code = (char *) (mk_database_get_office_code (db) ? mk_database_get_office_code (db) : "");
  header.info.office_number = mk_database_get_office_number (db);
  header.info.created = g_get_real_time () / G_USEC_PER_SEC;
  header.block_size = MK_BACKUP_BLOCK_SIZE;

  /* The header's place is kept; it is written last, with the checksums. */
  memset (header_bytes, 0, sizeof header_bytes);
  ok = write_all (file, header_bytes, sizeof header_bytes, display, error);
  ok = ok && (image = take_snapshot (mk_database_get_path (db), &header.info, error)) != NULL;
  report (progress, progress_data, 0.1);
  ok = ok && write_blocks (file, image, &header, display, progress, progress_data, cancellable, error);
  sqlite3_free (image);
  if (ok)
    {
      _mk_backup_header_encode (&header, header_bytes);
      if (fseek (file, 0, SEEK_SET) != 0)
        {
          set_write_error (error, errno, display);
          ok = FALSE;
        }
      ok = ok && write_all (file, header_bytes, sizeof header_bytes, display, error);
    }
  if (ok)
    ok = finish_file (&file, display, error);
  else
    fclose (file);

#ifdef G_OS_WIN32
  /* Windows' rename does not replace a file. */
  if (ok)
    g_remove (path);
#endif
  if (ok && g_rename (temporary, path) != 0)
    {
      set_write_error (error, errno, display);
      ok = FALSE;
    }
  if (!ok)
    g_remove (temporary);
  else
    report (progress, progress_data, 1);
  return ok;
}

/* Reading ------------------------------------------------------------------ */

typedef struct
{
  FILE          *file;
  const char    *display;
  MkBackupHeader header;
  guint          next_block;
  guint64        expected_left; /* bytes of database still to come */
} Reader;

static void
set_truncated (GError **error,
               Reader  *reader)
{
  g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_DAMAGED,
               _ ("The backup “%s” is truncated: it ends in block %u of %u."), reader->display,
               reader->next_block + 1, reader->header.n_blocks);
}

static void
set_block_damaged (GError **error,
                   Reader  *reader,
                   guint    index)
{
  g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_DAMAGED,
               _ ("The backup “%s” is damaged: block %u of %u does not match its checksum."),
               reader->display, index + 1, reader->header.n_blocks);
}

/* Reads the next block's header and compressed bytes. */
static MkBackupBlock *
read_block (Reader  *reader,
            GError **error)
{
  guchar         head[MK_BACKUP_BLOCK_HEADER];
  guint32        values[4] = { 0, 0, 0, 0 };
  gsize          expected = (gsize) MIN (reader->expected_left, reader->header.block_size);
  MkBackupBlock *block;
  guchar        *input;

  if (fread (head, 1, sizeof head, reader->file) != sizeof head)
    {
      set_truncated (error, reader);
      return NULL;
    }
  for (guint v = 0; v < 4; v++)
    for (guint b = 0; b < 4; b++)
      values[v] |= (guint32) head[v * 4 + b] << (8 * b);
  if (values[1] != expected || values[0] == 0 || values[0] > _mk_backup_compressed_bound (reader->header.block_size))
    {
      set_block_damaged (error, reader, reader->next_block);
      return NULL;
    }
  input = g_malloc (values[0]);
  if (fread (input, 1, values[0], reader->file) != values[0])
    {
      g_free (input);
      set_truncated (error, reader);
      return NULL;
    }
  block = g_new0 (MkBackupBlock, 1);
  block->input = input;
  block->input_length = values[0];
  block->output_length = values[1];
  block->crc = values[2];
  block->packed_crc = values[3];
  block->index = reader->next_block++;
  reader->expected_left -= expected;
  return block;
}

static guint32
get_be32 (const guchar *data)
{
  return (guint32) data[0] << 24 | (guint32) data[1] << 16 | (guint32) data[2] << 8 | data[3];
}

/* The first page must be a Makhzan database of the version the header
 * names: a backup of someone else's SQLite file is refused. */
static gboolean
check_first_page (const MkBackupBlock *block,
                  Reader              *reader,
                  GError             **error)
{
  const guchar *page = block->output;

  if (block->output_length < 100 || memcmp (page, "SQLite format 3", 16) != 0 || get_be32 (page + 68) != MAKHZAN_APPLICATION_ID)
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_NOT_BACKUP,
                   _ ("The backup “%s” does not hold a Makhzan database."), reader->display);
      return FALSE;
    }
  if (get_be32 (page + 60) != reader->header.info.schema_version)
    {
      set_block_damaged (error, reader, 0);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_backup (const char *path,
             Reader     *reader,
             GError    **error)
{
  guchar head[MK_BACKUP_HEADER_SIZE];
  gsize  length;

  reader->file = g_fopen (path, "rb");
  if (reader->file == NULL)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_READ,
                     _ ("There is no backup at “%s”."), reader->display);
      else
        g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_READ,
                     _ ("The backup “%s” cannot be read: %s."), reader->display,
                     g_strerror (saved_errno));
      return FALSE;
    }
  length = fread (head, 1, sizeof head, reader->file);
  if (length == 0 && ferror (reader->file))
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_READ,
                   _ ("The backup “%s” cannot be read: %s."), reader->display, g_strerror (errno));
      return FALSE;
    }
  if (!_mk_backup_header_decode (head, length, reader->display, &reader->header, error))
    return FALSE;
  reader->expected_left = reader->header.info.database_size;
  return TRUE;
}

/* Expands every block, checking each, and writes the database to @out
 * when it is not NULL. */
static gboolean
expand_blocks (Reader              *reader,
               FILE                *out,
               const char          *out_display,
               MkBackupProgressFunc progress,
               gpointer             progress_data,
               double               progress_share,
               GCancellable        *cancellable,
               GError             **error)
{
  MkBackupPipeline *pipeline = _mk_backup_pipeline_new (TRUE);
  uLong             crc = crc32 (0, NULL, 0);
  guint64           total = 0;
  gboolean          ok = TRUE;

  for (;;)
    {
      MkBackupBlock *block;

      while (ok && reader->next_block < reader->header.n_blocks && !_mk_backup_pipeline_is_full (pipeline))
        {
          block = read_block (reader, error);
          if (block == NULL)
            ok = FALSE;
          else
            _mk_backup_pipeline_push (pipeline, block);
        }
      block = _mk_backup_pipeline_pop (pipeline);
      if (block == NULL)
        break;
      if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      if (ok && block->failed)
        {
          set_block_damaged (error, reader, block->index);
          ok = FALSE;
        }
      if (ok && block->index == 0)
        ok = check_first_page (block, reader, error);
      if (ok)
        {
          crc = crc32_combine (crc, block->crc, (z_off_t) block->output_length);
          total += block->output_length;
          if (out != NULL)
            ok = write_all (out, block->output, block->output_length, out_display, error);
          report (progress, progress_data,
                  progress_share * (block->index + 1) / MAX (reader->header.n_blocks, 1));
        }
      _mk_backup_block_free (block);
    }
  _mk_backup_pipeline_free (pipeline);
  if (!ok)
    return FALSE;

  if (fgetc (reader->file) != EOF)
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_DAMAGED,
                   _ ("The backup “%s” is damaged: it goes on after its last block."),
                   reader->display);
      return FALSE;
    }
  if (total != reader->header.info.database_size || (guint32) crc != reader->header.info.content_crc)
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_DAMAGED,
                   _ ("The backup “%s” is damaged: its content does not match its checksum."),
                   reader->display);
      return FALSE;
    }
  return TRUE;
}

static MkBackupInfo *
copy_info (const Reader *reader)
{
  MkBackupInfo *info = g_new (MkBackupInfo, 1);

  *info = reader->header.info;
  info->office_code = g_strdup (reader->header.info.office_code);
  if (fseek (reader->file, 0, SEEK_END) == 0)
    info->file_size = (guint64) ftell (reader->file);
  return info;
}

static void
reader_clear (Reader *reader)
{
  if (reader->file != NULL)
    fclose (reader->file);
  g_free (reader->header.info.office_code);
}

gboolean
mk_backup_verify (const char          *path,
                  MkBackupInfo       **info,
                  MkBackupProgressFunc progress,
                  gpointer             progress_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autofree char *display = NULL;
  Reader           reader = { 0 };
  gboolean         ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  reader.display = display;
  ok = open_backup (path, &reader, error) && expand_blocks (&reader, NULL, NULL, progress, progress_data, 1.0, cancellable, error);
  if (ok && info != NULL)
    *info = copy_info (&reader);
  reader_clear (&reader);
  return ok;
}

/* Restoring ----------------------------------------------------------------- */

static gboolean
check_restored (const char *path,
                const char *target_display,
                GError    **error)
{
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GError) local_error = NULL;

  /* Opening brings an older schema up to date. */
  db = mk_database_open (path, &local_error);
  if (db == NULL || !mk_database_check_integrity (db, &local_error) || !mk_ledger_check (db, &local_error))
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_CHECK,
                   _ ("The database restored from the backup fails its checks, so “%s” was not "
                      "created: %s"),
                   target_display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mk_backup_restore (const char          *path,
                   const char          *target_path,
                   MkBackupInfo       **info,
                   MkBackupProgressFunc progress,
                   gpointer             progress_data,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autofree char *display = NULL;
  g_autofree char *target_display = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *wal = NULL;
  Reader           reader = { 0 };
  FILE            *out = NULL;
  gboolean         ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (target_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  target_display = g_filename_display_name (target_path);
  reader.display = display;

  /* Never over a file: not the open database, not an older copy. */
  if (g_file_test (target_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_EXISTS,
                   _ ("“%s” already exists; a backup is restored into a new file."), target_display);
      return FALSE;
    }
  report (progress, progress_data, 0);
  if (!open_backup (path, &reader, error))
    {
      reader_clear (&reader);
      return FALSE;
    }
  out = open_temporary (target_path, "restoring", &temporary, error);
  ok = out != NULL && expand_blocks (&reader, out, target_display, progress, progress_data, 0.6, cancellable,
                                     error);
  if (out != NULL)
    {
      if (ok)
        ok = finish_file (&out, target_display, error);
      else
        fclose (out);
    }
  /* The file is whole and durable: what is left is proving it. */
  if (ok)
    report (progress, progress_data, MK_BACKUP_RESTORE_WRITTEN);
  ok = ok && check_restored (temporary, target_display, error);
  report (progress, progress_data, 0.95);

  /* Closing the last connection folds the WAL back into the file; a WAL
   * still there would be lost by the rename. */
  wal = temporary ? g_strconcat (temporary, "-wal", NULL) : NULL;
  if (ok && g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE,
                   _ ("“%s” cannot be written: the restored database is still in use."),
                   target_display);
      ok = FALSE;
    }
  if (ok && g_file_test (target_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_EXISTS,
                   _ ("“%s” already exists; a backup is restored into a new file."), target_display);
      ok = FALSE;
    }
  if (ok && g_rename (temporary, target_path) != 0)
    {
      set_write_error (error, errno, target_display);
      ok = FALSE;
    }
  if (!ok && temporary != NULL)
    remove_database_files (temporary);
  if (ok && info != NULL)
    *info = copy_info (&reader);
  reader_clear (&reader);
  if (ok)
    report (progress, progress_data, 1);
  return ok;
}

/* Automatic backups --------------------------------------------------------- */

static gboolean
is_scheduled_name (const char *name,
                   const char *prefix)
{
  /* PREFIX-YYYY-MM-DD-HHMMSS-mmm.mkbackup */
  static const char pattern[] = "dddd-dd-dd-dddddd-ddd";
  gsize             prefix_length = strlen (prefix);
  const char       *p;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return FALSE;
  p = name + prefix_length;
  if (strlen (p) != strlen (pattern) + strlen (BACKUP_SUFFIX))
    return FALSE;
  for (guint i = 0; pattern[i]; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (p[i]) : p[i] != pattern[i])
      return FALSE;
  return TRUE;
}

static char *
scheduled_prefix (const char *office_code)
{
  return g_strdup_printf ("%s-", office_code && *office_code ? office_code : "makhzan");
}

static gint
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
mk_backup_list_scheduled (const char *folder,
                          const char *office_code,
                          GError    **error)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *prefix = scheduled_prefix (office_code);
  const char      *name;

  g_return_val_if_fail (folder != NULL, NULL);

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_autofree char *display = g_filename_display_name (folder);
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_READ,
                   _ ("The folder “%s” cannot be read: %s"), display, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_scheduled_name (name, prefix))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  /* The names hold the time, so their order is the time's. */
  g_ptr_array_sort (paths, compare_names_newest_first);
  return g_steal_pointer (&paths);
}

gboolean
mk_backup_run_scheduled (MkDatabase   *db,
                         const char   *folder,
                         guint         keep_last,
                         char        **written_path,
                         GCancellable *cancellable,
                         GError      **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) existing = NULL;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int              saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_WRITE,
                   _ ("The folder “%s” cannot be created: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }
  prefix = scheduled_prefix (mk_database_get_office_code (db));
  /* A name per millisecond; two backups in the same one wait for the next. */
  do
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("%s%s-%03d%s", prefix, stamp,
                                               g_date_time_get_microsecond (now) / 1000,
                                               BACKUP_SUFFIX);
      g_free (path);
      path = g_build_filename (folder, name, NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_usleep (1000);
    }
  while (g_file_test (path, G_FILE_TEST_EXISTS));

  if (!mk_backup_write (db, path, NULL, NULL, cancellable, error))
    return FALSE;

  existing = mk_backup_list_scheduled (folder, mk_database_get_office_code (db), NULL);
  for (guint i = MAX (keep_last, 1); existing != NULL && i < existing->len; i++)
    if (g_remove (g_ptr_array_index (existing, i)) != 0)
      g_message ("An old backup could not be removed: %s", g_strerror (errno));

  if (written_path != NULL)
    *written_path = g_steal_pointer (&path);
  return TRUE;
}
