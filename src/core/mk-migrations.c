/* mk-migrations.c: the numbered schema migrations and the reference data.
 *
 * Each migration is an SQL resource, optionally followed by a function that
 * seeds reference rows from data/seed. All of them run inside the caller's
 * transaction: a database is at one version or the next, never between.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-migrations"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-core-resources.h"
#include "mk-csv.h"
#include "mk-database-private.h"
#include "mk-migrations-private.h"

typedef gboolean (*SeedFunc) (MkDatabase *db, GError **error);

typedef struct
{
  const char *resource;
  SeedFunc    seed;
} Migration;

static gboolean seed_reference (MkDatabase *db, GError **error);
static gboolean seed_activities (MkDatabase *db, GError **error);

static const Migration migrations[] = {
  { "/org/makhzan/core/migrations/0001-reference.sql", seed_reference },
  { "/org/makhzan/core/migrations/0002-master-data.sql", NULL },
  { "/org/makhzan/core/migrations/0003-ledger.sql", NULL },
  { "/org/makhzan/core/migrations/0004-distributions.sql", seed_activities },
  { "/org/makhzan/core/migrations/0005-id-counters.sql", NULL },
  { "/org/makhzan/core/migrations/0006-item-values.sql", NULL },
};

guint
_mk_migrations_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static GBytes *
load_resource (const char *path,
               GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  /* Looked up in the core's own bundle, not the global registry: in a
   * static library nothing else guarantees the bundle is linked in. */
  GBytes *bytes = g_resource_lookup_data (mk_core_get_resource (), path,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE,
                                          &local_error);

  if (bytes == NULL)
    g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_FAILED,
                 _ ("This copy of Makhzan is incomplete: %s is missing."), path);
  return bytes;
}

/* Seeding ---------------------------------------------------------------- */

/* Reads a seed CSV and calls @row for each line after the header, with the
 * fields in the order of the header. */
typedef gboolean (*SeedRowFunc) (MkDatabase        *db,
                                 sqlite3_stmt      *stmt,
                                 const char *const *fields,
                                 guint              n_fields,
                                 guint              line,
                                 GError           **error);

static gboolean
seed_table (MkDatabase *db,
            const char *resource,
            const char *sql,
            guint       n_columns,
            GError    **error)
{
  g_autoptr (GBytes) bytes = load_resource (resource, error);
  g_autoptr (MkCsvReader) reader = NULL;
  const char *const *fields;
  guint              n_fields;
  gboolean           at_end = FALSE;
  gboolean           header = TRUE;
  sqlite3_stmt      *stmt;
  gint               sort_order = 0;
  gsize              size;
  const char        *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  reader = mk_csv_reader_new_from_data (data, size, error);
  if (reader == NULL)
    return FALSE;

  stmt = _mk_database_statement (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  while (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, error))
    {
      if (header)
        {
          header = FALSE;
          continue;
        }
      if (n_fields < n_columns)
        {
          g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_FAILED,
                       _ ("This copy of Makhzan is damaged: line %u of %s is short."),
                       mk_csv_reader_get_line (reader), resource);
          return FALSE;
        }
      sqlite3_reset (stmt);
      for (guint i = 0; i < n_columns; i++)
        sqlite3_bind_text (stmt, i + 1, fields[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, n_columns + 1, ++sort_order);
      if (!_mk_database_exec_stmt (db, stmt, error))
        return FALSE;
    }

  return at_end;
}

static gboolean
seed_places (MkDatabase *db,
             GError    **error)
{
  /* libya-baladiyas.csv: region_pcode, region_en, region_ar, mantika_pcode,
   * mantika_en, mantika_ar, baladiya_pcode, baladiya_en, baladiya_ar, lat, lon.
   * Regions and mantikas repeat on every line; INSERT OR IGNORE keeps one. */
  static const char *const statements[] = {
    "INSERT OR IGNORE INTO regions (pcode, name_en, name_ar) VALUES (?1, ?2, ?3)",
    "INSERT OR IGNORE INTO mantikas (pcode, region_pcode, name_en, name_ar)"
    " VALUES (?4, ?1, ?5, ?6)",
    "INSERT INTO baladiyas (pcode, mantika_pcode, name_en, name_ar, latitude, longitude)"
    " VALUES (?7, ?4, ?8, ?9, CAST (?10 AS REAL), CAST (?11 AS REAL))",
  };
  g_autoptr (GBytes) bytes = load_resource ("/org/makhzan/core/seed/libya-baladiyas.csv", error);
  g_autoptr (MkCsvReader) reader = NULL;
  const char *const *fields;
  guint              n_fields;
  gboolean           at_end = FALSE;
  gboolean           header = TRUE;
  gsize              size;
  const char        *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  reader = mk_csv_reader_new_from_data (data, size, error);
  if (reader == NULL)
    return FALSE;

  while (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, error))
    {
      if (header)
        {
          header = FALSE;
          continue;
        }
      if (n_fields < 11)
        {
          g_set_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_FAILED,
                       _ ("This copy of Makhzan is damaged: line %u of the list of places is short."),
                       mk_csv_reader_get_line (reader));
          return FALSE;
        }
      for (guint s = 0; s < G_N_ELEMENTS (statements); s++)
        {
          sqlite3_stmt *stmt = _mk_database_statement (db, statements[s], error);
          if (stmt == NULL)
            return FALSE;
          for (guint i = 0; i < 11; i++)
            sqlite3_bind_text (stmt, i + 1, fields[i], -1, SQLITE_TRANSIENT);
          if (!_mk_database_exec_stmt (db, stmt, error))
            return FALSE;
        }
    }

  return at_end;
}

static gboolean
seed_reference (MkDatabase *db,
                GError    **error)
{
  static const struct
  {
    const char *resource;
    const char *sql;
    guint       n_columns;
  } vocabularies[] = {
    { "/org/makhzan/core/seed/units.csv",
      "INSERT INTO units (code, name_en, name_ar, sort_order) VALUES (?1, ?2, ?3, ?4)", 3 },
    { "/org/makhzan/core/seed/item-categories.csv",
      "INSERT INTO item_categories (code, name_en, name_ar, sort_order) VALUES (?1, ?2, ?3, ?4)", 3 },
    { "/org/makhzan/core/seed/population-groups.csv",
      "INSERT INTO population_groups (code, name_en, name_ar, sort_order) VALUES (?1, ?2, ?3, ?4)", 3 },
    { "/org/makhzan/core/seed/site-types.csv",
      "INSERT INTO site_types (code, name_en, name_ar, sort_order) VALUES (?1, ?2, ?3, ?4)", 3 },
    { "/org/makhzan/core/seed/warehouse-types.csv",
      "INSERT INTO warehouse_types (code, name_en, name_ar, sort_order) VALUES (?1, ?2, ?3, ?4)", 3 },
    { "/org/makhzan/core/seed/sectors.csv",
      "INSERT INTO sectors (code, name_en, name_ar, sort_order) VALUES (?1, ?2, ?3, ?4)", 3 },
    { "/org/makhzan/core/seed/adjustment-reasons.csv",
      "INSERT INTO adjustment_reasons (code, direction, name_en, name_ar, sort_order)"
      " VALUES (?1, CAST (?2 AS INTEGER), ?3, ?4, ?5)",
      4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (vocabularies); i++)
    if (!seed_table (db, vocabularies[i].resource, vocabularies[i].sql,
                     vocabularies[i].n_columns, error))
      return FALSE;

  return seed_places (db, error);
}

static gboolean
seed_activities (MkDatabase *db,
                 GError    **error)
{
  return seed_table (db, "/org/makhzan/core/seed/activities.csv",
                     "INSERT INTO activities (code, kind, sector, unit_en, unit_ar, name_en, name_ar,"
                     " sort_order) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                     7, error) &&
         seed_table (db, "/org/makhzan/core/seed/indicators.csv",
                     "INSERT INTO indicators (code, sector, name_en, name_ar, sort_order)"
                     " VALUES (?1, ?2, ?3, ?4, ?5)",
                     4, error);
}

/* Applying --------------------------------------------------------------- */

gboolean
_mk_migrations_apply (MkDatabase *db,
                      guint       from,
                      guint       to,
                      GError    **error)
{
  g_autofree char *pragma = NULL;

  g_return_val_if_fail (to <= G_N_ELEMENTS (migrations), FALSE);

  for (guint version = from + 1; version <= to; version++)
    {
      const Migration *migration = &migrations[version - 1];
      g_autoptr (GBytes) sql = load_resource (migration->resource, error);
      g_autofree char *text = NULL;

      if (sql == NULL)
        return FALSE;
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      if (!_mk_database_exec (db, text, error))
        {
          g_prefix_error (error, _ ("Updating the database to version %u failed: "),
                          version);
          return FALSE;
        }
      if (migration->seed != NULL && !migration->seed (db, error))
        return FALSE;
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %u", to);
  return _mk_database_exec (db, pragma, error);
}
