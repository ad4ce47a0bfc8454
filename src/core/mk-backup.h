/* mk-backup.h: backups of a database that restore exactly.
 *
 * A backup is a consistent snapshot of the database taken while it is in
 * use, compressed with zlib, behind a small header that says what it holds
 * (office, schema version, time, numbers of documents and movements) and
 * checksums that prove it was not damaged. Restoring writes a new file and
 * proves its ledger before it succeeds; it never replaces a file in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"

G_BEGIN_DECLS

#define MK_BACKUP_ERROR (mk_backup_error_quark ())

typedef enum
{
  MK_BACKUP_ERROR_NOT_BACKUP, /* not a Makhzan backup: another application's file */
  MK_BACKUP_ERROR_TOO_NEW,    /* a newer format or schema than this Makhzan reads */
  MK_BACKUP_ERROR_DAMAGED,    /* truncated, altered or otherwise corrupt */
  MK_BACKUP_ERROR_EXISTS,     /* restore: the target file already exists */
  MK_BACKUP_ERROR_WRITE,      /* the file or its folder cannot be written */
  MK_BACKUP_ERROR_NO_SPACE,   /* the disk filled while writing */
  MK_BACKUP_ERROR_READ,       /* the file cannot be read */
  MK_BACKUP_ERROR_CHECK,      /* the restored database fails its checks */
} MkBackupError;

GQuark mk_backup_error_quark (void);

/* The version of the backup format this build writes and reads. */
#define MK_BACKUP_FORMAT_VERSION 1

/* What a backup's header says. */
typedef struct
{
  guint   format_version;
  guint   schema_version;
  char   *office_code; /* "" when the database had no office yet */
  guint   office_number;
  gint64  created; /* seconds since 1970, UTC */
  gint64  n_documents;
  gint64  n_movements;
  guint64 database_size; /* bytes of the database file it restores */
  guint32 content_crc;   /* CRC-32 of the database file */
  guint64 file_size;     /* bytes of the backup file */
} MkBackupInfo;

void mk_backup_info_free (MkBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkBackupInfo, mk_backup_info_free)

/* Called in the calling thread with the fraction done, 0 … 1. A cancelled
 * operation fails with G_IO_ERROR_CANCELLED and leaves nothing behind. */
typedef void (*MkBackupProgressFunc) (double   fraction,
                                      gpointer user_data);

/* Writes a backup of @db to @path, which is replaced if it exists. The
 * snapshot is taken through a connection of its own, so @db may go on
 * posting while it runs (in another thread or process): the backup holds
 * every transaction committed before it began. The file is written under a
 * temporary name in the same folder and renamed at the end; on any failure
 * no file is left behind. Safe to call from a worker thread. */
gboolean mk_backup_write (MkDatabase          *db,
                          const char          *path,
                          MkBackupProgressFunc progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GError             **error);

/* Reads the whole backup at @path and checks its header, every block's
 * checksum and the checksum of the content, without restoring. @info
 * (may be NULL) receives the header. */
gboolean mk_backup_verify (const char          *path,
                           MkBackupInfo       **info,
                           MkBackupProgressFunc progress,
                           gpointer             progress_data,
                           GCancellable        *cancellable,
                           GError             **error);

/* The fraction mk_backup_restore() reports once the database file is
 * written and durable, before its checks. */
#define MK_BACKUP_RESTORE_WRITTEN 0.65

/* Restores the backup at @path into the new file @target_path: refuses a
 * target that exists, checks every checksum while writing, brings an older
 * schema up to date, and runs SQLite's integrity check and the ledger check
 * on the result. Only then is the file named @target_path; on any failure
 * nothing is left there. @info (may be NULL) receives the header. */
gboolean mk_backup_restore (const char          *path,
                            const char          *target_path,
                            MkBackupInfo       **info,
                            MkBackupProgressFunc progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GError             **error);

/* An automatic backup: writes "<office>-YYYY-MM-DD-HHMMSS.mkbackup" into
 * @folder (created if missing), then deletes the oldest automatic backups
 * of this office in @folder beyond the newest @keep_last (at least 1).
 * Other files in the folder are left alone. @written_path (may be NULL)
 * receives the new file's path. */
gboolean mk_backup_run_scheduled (MkDatabase   *db,
                                  const char   *folder,
                                  guint         keep_last,
                                  char        **written_path,
                                  GCancellable *cancellable,
                                  GError      **error);

/* The automatic backups of @office_code in @folder, newest first (paths). */
GPtrArray *mk_backup_list_scheduled (const char *folder,
                                     const char *office_code,
                                     GError    **error);

G_END_DECLS
