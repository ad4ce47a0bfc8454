/* mk-database.c: one connection to a Makhzan database file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-database"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mk-audit-private.h"
#include "mk-database-private.h"
#include "mk-migrations-private.h"
#include "mk-text.h"

/* PRAGMA application_id of every Makhzan file: "MKZN". A file with
 * another id is somebody else's database. */
#define MK_APPLICATION_ID 0x4D4B5A4E

/* How long a writer waits for another process's transaction. */
#define MK_BUSY_TIMEOUT_MS 10000

struct _MkDatabase
{
  GObject parent_instance;

  sqlite3    *handle;
  char       *path;
  GHashTable *statements; /* const char *sql → sqlite3_stmt * */
  guint       depth;      /* nesting of _mk_database_begin */
  guint       office_number;
  char       *office_code;
  gint64      user_id;
  char       *user_name;
  GPtrArray  *pending_changes; /* tables changed in the open transaction */
  guint       rollbacks;       /* rollbacks so far, to savepoints or not */
  GHashTable *held_ids;        /* interned table → last id given, or NULL */
};

G_DEFINE_TYPE (MkDatabase, mk_database, G_TYPE_OBJECT)

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-database-error-quark, mk_database_error)
/* clang-format on */

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
mk_database_finalize (GObject *object)
{
  MkDatabase *self = MK_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    {
      /* close_v2 defers the close until every statement is finalised,
       * which the table above has just done. */
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  g_clear_pointer (&self->pending_changes, g_ptr_array_unref);
  g_clear_pointer (&self->held_ids, g_hash_table_unref);
  g_free (self->path);
  g_free (self->office_code);
  g_free (self->user_name);

  G_OBJECT_CLASS (mk_database_parent_class)->finalize (object);
}

static void
mk_database_class_init (MkDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_database_finalize;

  /**
   * MkDatabase::changed:
   * @table: the table that changed, such as "items" or "warehouses"
   *
   * Emitted once per table after a transaction that changed it commits.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   G_TYPE_STRING);
}

static void
mk_database_init (MkDatabase *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            finalize_statement);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
}

guint
mk_database_schema_version (void)
{
  return _mk_migrations_latest_version ();
}

/* Errors ----------------------------------------------------------------- */

static MkDatabaseError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return MK_DATABASE_ERROR_NOT_MAKHZAN;
    case SQLITE_CORRUPT:
      return MK_DATABASE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return MK_DATABASE_ERROR_BUSY;
    case SQLITE_FULL:
      return MK_DATABASE_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return MK_DATABASE_ERROR_READ_ONLY;
    case SQLITE_CONSTRAINT:
      return MK_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_CANTOPEN:
      return MK_DATABASE_ERROR_OPEN;
    default:
      return MK_DATABASE_ERROR_FAILED;
    }
}

/* A sentence for the person, for the errors that have a fix they can make. */
static const char *
explain_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return _ ("The file is not a Makhzan database.");
    case SQLITE_CORRUPT:
      return _ ("The database file is damaged; restore it from a backup.");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _ ("Another program is writing to the database; try again in a moment.");
    case SQLITE_FULL:
      return _ ("The disk is full; free some space and try again.");
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return _ ("The database file or its folder cannot be written.");
    case SQLITE_IOERR:
      return _ ("The disk could not be read or written.");
    default:
      return NULL;
    }
}

void
_mk_database_set_error (MkDatabase *self,
                        GError    **error,
                        const char *context)
{
  int         rc = sqlite3_extended_errcode (self->handle);
  const char *explanation = explain_sqlite (rc);

  if (explanation != NULL)
    g_set_error (error, MK_DATABASE_ERROR, error_code_from_sqlite (rc),
                 "%s %s", context, explanation);
  else
    g_set_error (error, MK_DATABASE_ERROR, error_code_from_sqlite (rc),
                 "%s (%s)", context, sqlite3_errmsg (self->handle));
}

/* Statements ------------------------------------------------------------- */

sqlite3 *
_mk_database_get_handle (MkDatabase *self)
{
  return self->handle;
}

sqlite3_stmt *
_mk_database_statement (MkDatabase *self,
                        const char *sql,
                        GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->handle, sql, -1,
                                   SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          /* A statement that does not prepare is a bug of ours or a
           * damaged schema; say which statement for the log. */
          g_debug ("Could not prepare: %s", sql);
          _mk_database_set_error (self, error,
                                  _ ("The database could not be read."));
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  return stmt;
}

gboolean
_mk_database_step (MkDatabase   *self,
                   sqlite3_stmt *stmt,
                   gboolean     *has_row,
                   GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *has_row = TRUE;
      return TRUE;
    }

  *has_row = FALSE;
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  _mk_database_set_error (self, error, _ ("The database refused the operation."));
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
_mk_database_exec_stmt (MkDatabase   *self,
                        sqlite3_stmt *stmt,
                        GError      **error)
{
  gboolean has_row;

  if (!_mk_database_step (self, stmt, &has_row, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_mk_database_exec (MkDatabase *self,
                   const char *sql,
                   GError    **error)
{
  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _mk_database_set_error (self, error,
                              _ ("The database refused the operation."));
      return FALSE;
    }
  return TRUE;
}

/* Transactions ----------------------------------------------------------- */

/* Runs a savepoint command ("SAVEPOINT mk_2", "RELEASE mk_2" …) through the
 * statement cache: a bulk load nests one per document, and parsing each
 * again would cost more than the work it protects. */
static gboolean
savepoint_exec (MkDatabase *self,
                const char *verb,
                guint       depth,
                GError    **error)
{
  g_autofree char *text = g_strdup_printf ("%s mk_%u", verb, depth);
  sqlite3_stmt    *stmt = _mk_database_statement (self, g_intern_string (text), error);

  return stmt != NULL && _mk_database_exec_stmt (self, stmt, error);
}

gboolean
_mk_database_begin (MkDatabase *self,
                    GError    **error)
{
  if (self->depth == 0)
    {
      /* IMMEDIATE takes the write lock now, so that two processes posting
       * at once wait for each other instead of failing at commit. */
      if (!_mk_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      g_ptr_array_set_size (self->pending_changes, 0);
    }
  else if (!savepoint_exec (self, "SAVEPOINT", self->depth, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

static void
emit_pending_changes (MkDatabase *self)
{
  g_autoptr (GPtrArray) changes = g_steal_pointer (&self->pending_changes);

  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < changes->len; i++)
    {
      const char *table = g_ptr_array_index (changes, i);
      g_signal_emit (self, signals[CHANGED], g_quark_from_string (table),
                     table);
    }
}

gboolean
_mk_database_commit (MkDatabase *self,
                     GError    **error)
{
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      if (!_mk_database_exec (self, "COMMIT", error))
        return FALSE;
      self->depth = 0;
      emit_pending_changes (self);
      return TRUE;
    }

  if (!savepoint_exec (self, "RELEASE", self->depth - 1, error))
    return FALSE;
  self->depth--;
  return TRUE;
}

void
_mk_database_rollback (MkDatabase *self)
{
  g_return_if_fail (self->depth > 0);

  self->rollbacks++;
  self->depth--;
  if (self->depth == 0)
    {
      /* SQLite may already have rolled back (after SQLITE_FULL, say). */
      if (!sqlite3_get_autocommit (self->handle) && sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
        g_warning ("Rollback failed: %s", sqlite3_errmsg (self->handle));
      g_ptr_array_set_size (self->pending_changes, 0);
      return;
    }

  if (!savepoint_exec (self, "ROLLBACK TO", self->depth, NULL) || !savepoint_exec (self, "RELEASE", self->depth, NULL))
    g_warning ("Rollback to a savepoint failed: %s", sqlite3_errmsg (self->handle));
}

void
_mk_database_emit_changed (MkDatabase *self,
                           const char *table,
                           gint64      row_id)
{
  if (self->depth == 0)
    {
      g_signal_emit (self, signals[CHANGED], g_quark_from_string (table),
                     table);
      return;
    }

  for (guint i = 0; i < self->pending_changes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->pending_changes, i), table))
      return;
  g_ptr_array_add (self->pending_changes, g_strdup (table));
}

gboolean
_mk_database_set_cache_size (MkDatabase *self,
                             guint       kib,
                             GError    **error)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = -%u", kib);
  return _mk_database_exec (self, pragma, error);
}

gboolean
mk_database_set_cache_kib (MkDatabase *self,
                           guint       kib,
                           GError    **error)
{
  g_return_val_if_fail (MK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (kib > 0, FALSE);

  return _mk_database_set_cache_size (self, kib, error);
}

char *
_mk_database_like_pattern (const char *search)
{
  g_autofree char *folded = mk_text_fold (search);
  g_autoptr (GString) pattern = g_string_new ("%");

  for (const char *p = folded; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (g_steal_pointer (&pattern), FALSE);
}

/* Ids -------------------------------------------------------------------- */

guint
_mk_database_get_rollbacks (MkDatabase *self)
{
  return self->rollbacks;
}

/* The highest id @table has given, from its counter and its rows. */
static gboolean
last_id (MkDatabase *self,
         const char *table,
         gint64      base,
         gint64      last,
         gint64     *highest,
         GError    **error)
{
  /* The table name comes from the core's own descriptors, never from
   * input, so it may be pasted into the SQL. The counter remembers ids
   * whose rows were deleted since (drafts), so none is given twice. */
  g_autofree char *text = g_strdup_printf (
      "SELECT max (coalesce ((SELECT last FROM id_counters WHERE table_name = ?3), 0),"
      " coalesce ((SELECT max (id) FROM \"%s\" WHERE id BETWEEN ?1 AND ?2), 0))",
      table);
  /* Interned, the text has one address per table: the statement cache,
   * keyed by address, then prepares it once. */
  const char   *sql = g_intern_string (text);
  sqlite3_stmt *stmt;
  gboolean      has_row;

  stmt = _mk_database_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, base);
  sqlite3_bind_int64 (stmt, 2, last);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
  if (!_mk_database_step (self, stmt, &has_row, error))
    return FALSE;
  *highest = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
write_counter (MkDatabase *self,
               const char *table,
               gint64      value,
               GError    **error)
{
  sqlite3_stmt *stmt = _mk_database_statement (
      self,
      "INSERT INTO id_counters (table_name, last) VALUES (?1, ?2)"
      " ON CONFLICT DO UPDATE SET last = excluded.last",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, value);
  return _mk_database_exec_stmt (self, stmt, error);
}

gboolean
_mk_database_next_ids (MkDatabase *self,
                       const char *table,
                       guint       count,
                       gint64     *first,
                       GError    **error)
{
  const gint64 base = (gint64) self->office_number << 40;
  const gint64 last = base + ((gint64) 1 << 40) - 1;
  gint64       next = base + 1;
  gint64       highest;
  gpointer     held = NULL;

  g_return_val_if_fail (count > 0, FALSE);

  /* Held (bulk posting), the counter lives in memory from its first use
   * and is written once at the end. */
  if (self->held_ids != NULL)
    {
      table = g_intern_string (table);
      if (g_hash_table_lookup_extended (self->held_ids, table, NULL, &held))
        highest = *(gint64 *) held;
      else if (!last_id (self, table, base, last, &highest, error))
        return FALSE;
    }
  else if (!last_id (self, table, base, last, &highest, error))
    return FALSE;
  if (highest >= base + 1)
    next = highest + 1;

  if (next > last - (count - 1))
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_FAILED,
                   _ ("The office has used every number for new records of this kind."));
      return FALSE;
    }

  if (self->held_ids != NULL)
    {
      if (held == NULL)
        {
          held = g_new (gint64, 1);
          g_hash_table_insert (self->held_ids, (gpointer) table, held);
        }
      *(gint64 *) held = next + count - 1;
    }
  else if (!write_counter (self, table, next, error))
    return FALSE;

  *first = next;
  return TRUE;
}

gboolean
_mk_database_next_id (MkDatabase *self,
                      const char *table,
                      gint64     *id,
                      GError    **error)
{
  return _mk_database_next_ids (self, table, 1, id, error);
}

void
_mk_database_hold_ids (MkDatabase *self)
{
  g_return_if_fail (self->held_ids == NULL);
  self->held_ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

gboolean
_mk_database_release_ids (MkDatabase *self,
                          gboolean    write,
                          GError    **error)
{
  g_autoptr (GHashTable) held = g_steal_pointer (&self->held_ids);
  GHashTableIter iter;
  gpointer       table, value;

  if (held == NULL || !write)
    return TRUE;
  g_hash_table_iter_init (&iter, held);
  while (g_hash_table_iter_next (&iter, &table, &value))
    if (!write_counter (self, table, *(gint64 *) value, error))
      return FALSE;
  return TRUE;
}

/* Opening ---------------------------------------------------------------- */

static gboolean
query_int (MkDatabase *self,
           const char *sql,
           gint64     *value,
           GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _mk_database_set_error (self, error, _ ("The file could not be read as a database."));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _mk_database_set_error (self, error, _ ("The file could not be read as a database."));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
configure_connection (MkDatabase *self,
                      GError    **error)
{
  sqlite3_busy_timeout (self->handle, MK_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->handle, 1);

  /* WAL lets reports read while the UI writes; synchronous=FULL makes
   * every commit durable with one fsync: a posted waybill survives a
   * power cut. */
  return _mk_database_exec (self,
                            "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA temp_store = MEMORY;",
                            error) &&
         _mk_database_set_cache_size (self, MK_DATABASE_CACHE_KIB, error);
}

static void
fold_function (sqlite3_context *context,
               int              argc,
               sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, mk_text_fold (text), -1, g_free);
}

/* "COLLATE mk_names": names in the order a reader expects, in Arabic and
 * in English, without depending on the process's LC_COLLATE. */
static int
collate_names (void       *data,
               int         a_length,
               const void *a,
               int         b_length,
               const void *b)
{
  return mk_text_collate (a, a_length, b, b_length);
}

/* Whether SQLite's global settings have been made (see below). */
static gsize sqlite_configured = 0;

MkDatabase *
_mk_database_open_raw (const char *path,
                       GError    **error)
{
  g_autoptr (MkDatabase) self = g_object_new (MK_TYPE_DATABASE, NULL);
  g_autofree char *display = NULL;
  int              rc;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  display = g_filename_display_name (path);

  /* SQLite counts its memory under a global mutex on every allocation;
   * Makhzan never reads those counts. Only possible before SQLite starts. */
  if (g_once_init_enter (&sqlite_configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&sqlite_configured, 1);
    }

  /* SQLite takes UTF-8 file names on every platform, Arabic included. */
  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_OPEN,
                   _ ("The database “%s” could not be opened: %s"), display,
                   self->handle ? sqlite3_errmsg (self->handle)
                                : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_create_function_v2 (self->handle, "mk_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, fold_function, NULL, NULL, NULL);
  sqlite3_create_collation_v2 (self->handle, "mk_names", SQLITE_UTF8, NULL, collate_names, NULL);

  return g_steal_pointer (&self);
}

static gboolean
load_office (MkDatabase *self,
             GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;

  stmt = _mk_database_statement (
      self,
      "SELECT o.number, o.code FROM offices o"
      " JOIN settings s ON s.key = 'office_number'"
      " AND o.number = CAST (s.value AS INTEGER)",
      error);
  if (stmt == NULL || !_mk_database_step (self, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_NOT_MAKHZAN,
                   _ ("The database does not say which office it belongs to."));
      return FALSE;
    }
  self->office_number = sqlite3_column_int (stmt, 0);
  g_free (self->office_code);
  self->office_code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return TRUE;
}

MkDatabase *
mk_database_open (const char *path,
                  GError    **error)
{
  g_autoptr (MkDatabase) self = NULL;
  g_autofree char *display = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 application_id = 0;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  /* Opening must never create: a mistyped path is an error, not a new
   * empty database. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_OPEN,
                   _ ("There is no database at “%s”."), display);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_OPEN,
                   _ ("“%s” is a folder, not a database file."), display);
      return NULL;
    }

  self = _mk_database_open_raw (path, error);
  if (self == NULL)
    return NULL;

  if (!query_int (self, "PRAGMA application_id", &application_id, &local_error))
    {
      if (g_error_matches (local_error, MK_DATABASE_ERROR,
                           MK_DATABASE_ERROR_NOT_MAKHZAN))
        g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_NOT_MAKHZAN,
                     _ ("“%s” is not a Makhzan database."), display);
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                    _ ("“%s” could not be opened: "), display);
      return NULL;
    }
  if (application_id != MK_APPLICATION_ID)
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_NOT_MAKHZAN,
                   _ ("“%s” is not a Makhzan database."), display);
      return NULL;
    }
  if (!query_int (self, "PRAGMA user_version", &version, error))
    return NULL;
  if (version > mk_database_schema_version ())
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_TOO_NEW,
                   _ ("“%s” was written by a newer version of Makhzan "
                      "(database version %u; this version reads up to %u). "
                      "Install the newer Makhzan to open it."),
                   display, (guint) version, mk_database_schema_version ());
      return NULL;
    }

  if (!configure_connection (self, &local_error) || !_mk_database_migrate_to (self, mk_database_schema_version (), &local_error) || !load_office (self, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _ ("“%s” could not be opened: "), display);
      return NULL;
    }

  return g_steal_pointer (&self);
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

static gboolean
check_office (const char *code,
              guint       number,
              const char *name_en,
              GError    **error)
{
  gsize length = code ? strlen (code) : 0;

  if (length < 2 || length > 8)
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CONSTRAINT,
                   _ ("The office code must have 2 to 8 letters or digits, such as BEN."));
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (code[i]))
      {
        g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CONSTRAINT,
                     _ ("The office code must have 2 to 8 letters or digits, such as BEN."));
        return FALSE;
      }
  if (number < 1 || number > 65535)
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CONSTRAINT,
                   _ ("The office number must be between 1 and 65535."));
      return FALSE;
    }
  if (name_en == NULL || *name_en == '\0')
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CONSTRAINT,
                   _ ("The office needs a name."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_own_office (MkDatabase *self,
                   const char *code,
                   guint       number,
                   const char *name_en,
                   const char *name_ar,
                   GError    **error)
{
  g_autofree char *upper = g_ascii_strup (code, -1);
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *details = NULL;
  sqlite3_stmt    *stmt;
  gint64           id;

  self->office_number = number;
  if (!_mk_database_next_id (self, "offices", &id, error))
    return FALSE;

  stmt = _mk_database_statement (
      self,
      "INSERT INTO offices (id, code, number, name_en, name_ar)"
      " VALUES (?1, ?2, ?3, ?4, ?5)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, upper, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, number);
  sqlite3_bind_text (stmt, 4, name_en, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, name_ar ? name_ar : "", -1, SQLITE_TRANSIENT);
  if (!_mk_database_exec_stmt (self, stmt, error))
    return FALSE;

  stmt = _mk_database_statement (
      self, "INSERT INTO settings (key, value) VALUES ('office_number', ?1)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number_text, -1, SQLITE_TRANSIENT);
  if (!_mk_database_exec_stmt (self, stmt, error))
    return FALSE;

  g_free (self->office_code);
  self->office_code = g_steal_pointer (&upper);

  /* The first audit entry names whoever created the file: the account's
   * owner, until the application or the CLI says who is working. */
  if (self->user_id == 0 && !mk_database_set_user (self, g_get_real_name (), "", error))
    return FALSE;

  details = g_strdup_printf ("{\"number\": %u}", number);
  return _mk_audit_record (self, "create", "offices", id, self->office_code,
                           details, error);
}

MkDatabase *
mk_database_create (const char *path,
                    const char *office_code,
                    guint       office_number,
                    const char *office_name_en,
                    const char *office_name_ar,
                    GError    **error)
{
  g_autoptr (MkDatabase) self = NULL;
  g_autofree char *display = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *pragma = NULL;
  GStatBuf         st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (!check_office (office_code, office_number, office_name_en, error))
    return NULL;

  /* Never overwrite: an existing file may be another office's ledger. */
  if (g_stat (path, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_EXISTS,
                   _ ("“%s” already exists; choose another file name for the new database."),
                   display);
      return NULL;
    }

  self = _mk_database_open_raw (path, &local_error);
  if (self == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  pragma = g_strdup_printf ("PRAGMA application_id = %d", MK_APPLICATION_ID);
  if (!_mk_database_exec (self, pragma, &local_error) || !configure_connection (self, &local_error) || !_mk_database_begin (self, &local_error) || !_mk_migrations_apply (self, 0, mk_database_schema_version (), &local_error) || !insert_own_office (self, office_code, office_number, office_name_en, office_name_ar, &local_error) || !_mk_database_commit (self, &local_error))
    {
      if (self->depth > 0)
        _mk_database_rollback (self);
      g_clear_object (&self);
      remove_database_files (path);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _ ("The database “%s” could not be created: "),
                                  display);
      return NULL;
    }

  return g_steal_pointer (&self);
}

gboolean
_mk_database_migrate_to (MkDatabase *self,
                         guint       version,
                         GError    **error)
{
  gint64 current = 0;

  if (!query_int (self, "PRAGMA user_version", &current, error))
    return FALSE;
  if (current >= version)
    return TRUE;

  if (!_mk_database_begin (self, error))
    return FALSE;
  if (!_mk_migrations_apply (self, (guint) current, version, error))
    {
      _mk_database_rollback (self);
      return FALSE;
    }
  return _mk_database_commit (self, error);
}

/* Accessors -------------------------------------------------------------- */

const char *
mk_database_get_path (MkDatabase *self)
{
  g_return_val_if_fail (MK_IS_DATABASE (self), NULL);
  return self->path;
}

guint
mk_database_get_office_number (MkDatabase *self)
{
  g_return_val_if_fail (MK_IS_DATABASE (self), 0);
  return self->office_number;
}

const char *
mk_database_get_office_code (MkDatabase *self)
{
  g_return_val_if_fail (MK_IS_DATABASE (self), NULL);
  return self->office_code;
}

gboolean
mk_database_set_user (MkDatabase *self,
                      const char *name,
                      const char *function,
                      GError    **error)
{
  gint64 user_id;

  g_return_val_if_fail (MK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!_mk_audit_ensure_user (self, name, function ? function : "", &user_id,
                              error))
    return FALSE;

  self->user_id = user_id;
  g_free (self->user_name);
  self->user_name = g_strdup (name);
  return TRUE;
}

gint64
mk_database_get_user_id (MkDatabase *self)
{
  g_return_val_if_fail (MK_IS_DATABASE (self), 0);
  return self->user_id;
}

const char *
mk_database_get_user_name (MkDatabase *self)
{
  g_return_val_if_fail (MK_IS_DATABASE (self), NULL);
  return self->user_name;
}

/* Checks ----------------------------------------------------------------- */

static gboolean
dump_table (MkDatabase *self,
            const char *table,
            GString    *out,
            GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", table);
  sqlite3_stmt    *stmt = NULL;
  int              rc;

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _mk_database_set_error (self, error, _ ("The database could not be read."));
      return FALSE;
    }

  g_string_append_printf (out, "== %s\n", table);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n = sqlite3_column_count (stmt);
      for (int i = 0; i < n; i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);
          g_string_append (out, i ? "|" : "");
          g_string_append (out, value ? value : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _mk_database_set_error (self, error, _ ("The database could not be read."));
      return FALSE;
    }
  return TRUE;
}

char *
mk_database_dump (MkDatabase *self,
                  GError    **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gint64        version = 0;

  g_return_val_if_fail (MK_IS_DATABASE (self), NULL);

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return NULL;
  g_string_append_printf (out, "user_version %" G_GINT64_FORMAT "\n", version);

  if (sqlite3_prepare_v2 (self->handle,
                          "SELECT name FROM sqlite_schema WHERE type = 'table'"
                          " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _mk_database_set_error (self, error, _ ("The database could not be read."));
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    if (!dump_table (self, g_ptr_array_index (tables, i), out, error))
      return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
mk_database_check_integrity (MkDatabase *self,
                             GError    **error)
{
  sqlite3_stmt    *stmt = NULL;
  g_autofree char *result = NULL;
  gboolean         fk_fault;

  g_return_val_if_fail (MK_IS_DATABASE (self), FALSE);

  if (sqlite3_prepare_v2 (self->handle, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    {
      _mk_database_set_error (self, error, _ ("The database could not be checked."));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CORRUPT,
                   _ ("The database file is damaged (%s); restore it from a backup."),
                   result);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (self->handle, "PRAGMA foreign_key_check", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      _mk_database_set_error (self, error, _ ("The database could not be checked."));
      return FALSE;
    }
  fk_fault = sqlite3_step (stmt) == SQLITE_ROW;
  if (fk_fault)
    g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CORRUPT,
                 _ ("A row of table “%s” points at a record that does not exist."),
                 (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return !fk_fault;
}
