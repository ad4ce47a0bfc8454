/* mk-database.h: one connection to a Makhzan database file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MK_DATABASE_ERROR (mk_database_error_quark ())

typedef enum
{
  MK_DATABASE_ERROR_OPEN,        /* the file cannot be opened or created */
  MK_DATABASE_ERROR_NOT_MAKHZAN, /* a file that is not a Makhzan database */
  MK_DATABASE_ERROR_TOO_NEW,     /* written by a newer Makhzan */
  MK_DATABASE_ERROR_CORRUPT,     /* SQLite says the file is damaged */
  MK_DATABASE_ERROR_EXISTS,      /* create: the file already holds data */
  MK_DATABASE_ERROR_BUSY,        /* another process holds the lock too long */
  MK_DATABASE_ERROR_FULL,        /* the disk is full */
  MK_DATABASE_ERROR_READ_ONLY,   /* the file or its folder cannot be written */
  MK_DATABASE_ERROR_CONSTRAINT,  /* a rule of the schema refused the change */
  MK_DATABASE_ERROR_FAILED,      /* anything else SQLite reports */
} MkDatabaseError;

GQuark mk_database_error_quark (void);

#define MK_TYPE_DATABASE (mk_database_get_type ())
G_DECLARE_FINAL_TYPE (MkDatabase, mk_database, MK, DATABASE, GObject)

/* The schema version this build writes (PRAGMA user_version). */
guint mk_database_schema_version (void);

MkDatabase *mk_database_open (const char *path,
                              GError    **error);
MkDatabase *mk_database_create (const char *path,
                                const char *office_code,
                                guint       office_number,
                                const char *office_name_en,
                                const char *office_name_ar,
                                GError    **error);
const char *mk_database_get_path (MkDatabase *self);
guint       mk_database_get_office_number (MkDatabase *self);
const char *mk_database_get_office_code (MkDatabase *self);

/* The person recorded in the audit log for every change made through this
 * connection. Created in the user profiles on first use. */
gboolean    mk_database_set_user (MkDatabase *self,
                                  const char *name,
                                  const char *function,
                                  GError    **error);
gint64      mk_database_get_user_id (MkDatabase *self);
const char *mk_database_get_user_name (MkDatabase *self);

/* The most memory the connection's page cache may take, in KiB. The
 * application's window reads a few rows at a time and keeps little; tools
 * that read all history keep the default, MK_DATABASE_CACHE_KIB. */
gboolean mk_database_set_cache_kib (MkDatabase *self,
                                    guint       kib,
                                    GError    **error);

/* Every row of every table as text, in a stable order: tests compare a dump
 * taken before and after a refused operation. */
char *mk_database_dump (MkDatabase *self,
                        GError    **error);

/* Runs SQLite's integrity and foreign-key checks. */
gboolean mk_database_check_integrity (MkDatabase *self,
                                      GError    **error);

G_END_DECLS
