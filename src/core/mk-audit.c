/* mk-audit.c: the audit log and the local user profiles it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-audit"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-audit-private.h"
#include "mk-database-private.h"

void
mk_audit_entry_free (MkAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->user_name);
  g_free (entry->user_function);
  g_free (entry->action);
  g_free (entry->table_name);
  g_free (entry->code);
  g_free (entry->details);
  g_free (entry);
}

/* @value in @width decimal digits, zeros first, at *@p, which it advances. */
static void
put_digits (char **p,
            gint64 value,
            guint  width)
{
  for (guint i = width; i > 0; i--)
    {
      (*p)[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
  *p += width;
}

void
_mk_audit_format_time (gint64 unix_us,
                       char   out[MK_AUDIT_TIME_SIZE])
{
  /* What g_date_time_format_iso8601() writes for UTC, without building a
   * GDateTime and parsing a format for every posting of a bulk load. The
   * civil date of a day number is Howard Hinnant's days-to-civil. */
  gint64 seconds = unix_us / G_USEC_PER_SEC;
  gint64 usec = unix_us % G_USEC_PER_SEC;
  gint64 days, secs_of_day, era, doe, yoe, doy, mp, year, month, day;

  if (usec < 0)
    {
      usec += G_USEC_PER_SEC;
      seconds--;
    }
  days = seconds / 86400;
  secs_of_day = seconds % 86400;
  if (secs_of_day < 0)
    {
      secs_of_day += 86400;
      days--;
    }
  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = days - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = yoe + era * 400 + (month <= 2);

  if (year >= 0 && year <= 9999)
    {
      /* The same text without printf: an import writes one per record. */
      gint64 fields[] = { year, month, day, secs_of_day / 3600, secs_of_day / 60 % 60, secs_of_day % 60 };
      char  *p = out;

      put_digits (&p, fields[0], 4);
      for (guint i = 1; i < G_N_ELEMENTS (fields); i++)
        {
          *p++ = "--T::"[i - 1];
          put_digits (&p, fields[i], 2);
        }
      if (usec != 0)
        {
          *p++ = '.';
          put_digits (&p, usec, 6);
        }
      *p++ = 'Z';
      *p = '\0';
    }
  else if (usec != 0)
    g_snprintf (out, MK_AUDIT_TIME_SIZE, "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", (int) year, (int) month,
                (int) day, (int) (secs_of_day / 3600), (int) (secs_of_day / 60 % 60), (int) (secs_of_day % 60),
                (int) usec);
  else
    g_snprintf (out, MK_AUDIT_TIME_SIZE, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int) year, (int) month, (int) day,
                (int) (secs_of_day / 3600), (int) (secs_of_day / 60 % 60), (int) (secs_of_day % 60));
}

void
_mk_audit_now (char out[MK_AUDIT_TIME_SIZE])
{
  _mk_audit_format_time (g_get_real_time (), out);
}

static char *
now_utc (void)
{
  char at[MK_AUDIT_TIME_SIZE];

  _mk_audit_now (at);
  return g_strdup (at);
}

gboolean
_mk_audit_ensure_user (MkDatabase *db,
                       const char *name,
                       const char *function,
                       gint64     *user_id,
                       GError    **error)
{
  g_autofree char *at = NULL;
  sqlite3_stmt    *stmt;
  gboolean         has_row;
  gint64           id;

  if (name == NULL || *name == '\0' || g_utf8_strlen (name, -1) > 200 || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CONSTRAINT,
                   _ ("The user’s name must have 1 to 200 characters."));
      return FALSE;
    }

  stmt = _mk_database_statement (
      db, "SELECT id FROM user_profiles WHERE name = ?1 AND function = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, function, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      *user_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }

  if (!_mk_database_begin (db, error))
    return FALSE;
  at = now_utc ();
  stmt = _mk_database_statement (
      db,
      "INSERT INTO user_profiles (id, name, function, created_at)"
      " VALUES (?1, ?2, ?3, ?4)",
      error);
  if (stmt == NULL || !_mk_database_next_id (db, "user_profiles", &id, error))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, function, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, at, -1, SQLITE_TRANSIENT);
  if (!_mk_database_exec_stmt (db, stmt, error))
    goto fail;
  if (!_mk_database_commit (db, error))
    goto fail;

  *user_id = id;
  return TRUE;

fail:
  _mk_database_rollback (db);
  return FALSE;
}

gboolean
_mk_audit_record (MkDatabase *db,
                  const char *action,
                  const char *table_name,
                  gint64      row_id,
                  const char *code,
                  const char *details,
                  GError    **error)
{
  gint64        user_id = mk_database_get_user_id (db);
  sqlite3_stmt *stmt;
  gint64        id;
  char          at[MK_AUDIT_TIME_SIZE];

  _mk_audit_now (at);
  if (!_mk_database_next_id (db, "audit_log", &id, error))
    return FALSE;

  stmt = _mk_database_statement (
      db,
      "INSERT INTO audit_log (id, at, user_id, action, table_name, row_id, code, details)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  if (user_id != 0)
    sqlite3_bind_int64 (stmt, 3, user_id);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, table_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, row_id);
  sqlite3_bind_text (stmt, 7, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, details, -1, SQLITE_TRANSIENT);
  return _mk_database_exec_stmt (db, stmt, error);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
mk_audit_list (MkDatabase *db,
               guint       limit,
               GError    **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (
      (GDestroyNotify) mk_audit_entry_free);
  sqlite3_stmt *stmt;
  gboolean      has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);

  stmt = _mk_database_statement (
      db,
      "SELECT a.id, a.at, u.name, u.function, a.action, a.table_name,"
      " a.row_id, a.code, a.details"
      " FROM audit_log a LEFT JOIN user_profiles u ON u.id = a.user_id"
      " ORDER BY a.at DESC, a.id DESC LIMIT ?1",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);

  while (TRUE)
    {
      MkAuditEntry *entry;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      entry = g_new0 (MkAuditEntry, 1);
      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = column_dup (stmt, 1);
      entry->user_name = column_dup (stmt, 2);
      entry->user_function = column_dup (stmt, 3);
      entry->action = column_dup (stmt, 4);
      entry->table_name = column_dup (stmt, 5);
      entry->row_id = sqlite3_column_int64 (stmt, 6);
      entry->code = column_dup (stmt, 7);
      entry->details = column_dup (stmt, 8);
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}
