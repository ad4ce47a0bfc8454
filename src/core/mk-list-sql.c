/* mk-list-sql.c: the list model's queries, built from its source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-list-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-database-private.h"
#include "mk-list-model-private.h"
#include "mk-text.h"

const MkListColumn *
mk_list_source_find_column (const MkListSource *source,
                            const char         *key)
{
  g_return_val_if_fail (source != NULL, NULL);

  for (guint i = 0; i < source->n_columns; i++)
    if (g_str_equal (source->columns[i].key, key))
      return &source->columns[i];
  return NULL;
}

gboolean
mk_list_source_has_filter (const MkListSource *source,
                           const char         *key)
{
  g_return_val_if_fail (source != NULL, FALSE);

  for (guint i = 0; i < source->n_filters; i++)
    if (g_str_equal (source->filters[i].key, key))
      return TRUE;
  return FALSE;
}

static gboolean
is_date_filter (const char *key)
{
  return g_str_equal (key, "from") || g_str_equal (key, "to") || g_str_equal (key, "as-of");
}

gboolean
_mk_list_check_filter_value (const char *key,
                             const char *value,
                             char      **checked,
                             GError    **error)
{
  if (is_date_filter (key))
    {
      g_autoptr (GError) date_error = NULL;

      *checked = mk_text_parse_date (value, &date_error);
      if (*checked == NULL)
        {
          g_autofree char *isolated = mk_text_isolate_ltr (value);

          g_set_error (error, MK_LIST_MODEL_ERROR, MK_LIST_MODEL_ERROR_BAD_FILTER,
                       /* Translators: %1$s is what was typed, %2$s why it is refused. */
                       _ ("The date %1$s cannot be used: %2$s"), isolated, date_error->message);
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_equal (key, "expiring-months"))
    {
      gint64 months;

      if (!mk_text_parse_int (value, &months, NULL) || months < 0 || months > 600)
        {
          g_autofree char *isolated = mk_text_isolate_ltr (value);

          g_set_error (error, MK_LIST_MODEL_ERROR, MK_LIST_MODEL_ERROR_BAD_FILTER,
                       _ ("%s is not a number of months."), isolated);
          return FALSE;
        }
      *checked = g_strdup_printf ("%" G_GINT64_FORMAT, months);
      return TRUE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, MK_LIST_MODEL_ERROR, MK_LIST_MODEL_ERROR_BAD_FILTER,
                           _ ("The text to look for is not valid UTF-8."));
      return FALSE;
    }
  *checked = g_strstrip (g_strdup (value));
  return TRUE;
}

/* "a.x, b.y" → "a.x = ?1 AND b.y = ?2" */
static void
append_key_match (GString    *sql,
                  const char *key_sql)
{
  g_auto (GStrv) parts = g_strsplit (key_sql, ",", 0);

  for (guint i = 0; parts[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s = ?%u", i > 0 ? " AND " : "", g_strstrip (parts[i]),
                            i + 1);
}

const char *
_mk_list_key_sql (const MkListSource *source,
                  GHashTable         *filters,
                  const char         *sort_key,
                  gboolean            descending,
                  gboolean            arabic)
{
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  gboolean first_condition = TRUE;

  g_string_append (sql, source->key_sql);
  if (source->running_sql != NULL)
    g_string_append_printf (sql, ", %s", source->running_sql);
  g_string_append_printf (sql, " FROM %s", source->from_sql);

  if (source->where_sql != NULL)
    {
      g_string_append_printf (sql, " WHERE (%s)", source->where_sql);
      first_condition = FALSE;
    }
  for (guint i = 0; i < source->n_filters; i++)
    {
      const MkListFilter *filter = &source->filters[i];

      if (!g_hash_table_contains (filters, filter->key))
        {
          if (filter->required)
            return NULL;
          continue;
        }
      g_string_append_printf (sql, " %s (%s)", first_condition ? "WHERE" : "AND", filter->sql);
      first_condition = FALSE;
    }

  g_string_append (sql, " ORDER BY ");
  if (sort_key != NULL)
    {
      const MkListColumn *column = mk_list_source_find_column (source, sort_key);

      if (column != NULL && column->sort_sql != NULL)
        {
          const char *expression = arabic && column->sort_sql_ar != NULL ? column->sort_sql_ar
                                                                         : column->sort_sql;

          g_string_append_printf (sql, "%s %s, ", expression, descending ? "DESC" : "ASC");
        }
    }
  g_string_append (sql, source->default_order);

  return g_intern_string (sql->str);
}

static gboolean
bind_filters (sqlite3_stmt *stmt,
              GHashTable   *filters)
{
  GHashTableIter iter;
  gpointer       key, value;

  g_hash_table_iter_init (&iter, filters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *name = g_strdup_printf (":%s", (const char *) key);
      int              index;

      /* "expiring-months" is written :expiring_months in SQL. */
      g_strdelimit (name, "-", '_');
      index = sqlite3_bind_parameter_index (stmt, name);
      if (index == 0)
        continue;
      if (g_str_equal (key, "text"))
        {
          g_autofree char *pattern = _mk_database_like_pattern (value);

          if (sqlite3_bind_text (stmt, index, pattern, -1, SQLITE_TRANSIENT) != SQLITE_OK)
            return FALSE;
        }
      else if (sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT) != SQLITE_OK)
        return FALSE;
    }
  return TRUE;
}

gboolean
_mk_list_run_key_query (MkDatabase         *db,
                        const MkListSource *source,
                        const char         *sql,
                        GHashTable         *filters,
                        GArray             *keys,
                        GArray             *running,
                        GCancellable       *cancellable,
                        GError            **error)
{
  sqlite3_stmt *stmt = _mk_database_statement (db, sql, error);
  gboolean      has_row = TRUE;
  guint         n = 0;

  if (stmt == NULL)
    return FALSE;
  if (!bind_filters (stmt, filters))
    {
      _mk_database_set_error (db, error, _ ("The list could not be read."));
      return FALSE;
    }

  while (TRUE)
    {
      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      for (guint i = 0; i < source->n_keys; i++)
        {
          gint64 key = sqlite3_column_int64 (stmt, (int) i);

          g_array_append_val (keys, key);
        }
      if (source->running_sql != NULL)
        {
          gint64 value = sqlite3_column_int64 (stmt, (int) source->n_keys);

          g_array_append_val (running, value);
        }
      /* A new query makes this one useless: stop early. */
      if ((++n & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
row_sql (const MkListSource *source)
{
  /* One per source, for the life of the process: the statement cache is
   * keyed by the SQL's address. */
  static GHashTable *cache;
  static GMutex      lock;
  const char        *sql;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  sql = g_hash_table_lookup (cache, source);
  if (sql == NULL)
    {
      g_autoptr (GString) text = g_string_new ("SELECT ");
      gboolean first = TRUE;

      for (guint i = 0; i < source->n_columns; i++)
        {
          if (source->columns[i].value_sql == NULL)
            continue;
          g_string_append_printf (text, "%s%s", first ? "" : ", ", source->columns[i].value_sql);
          first = FALSE;
        }
      g_string_append_printf (text, " FROM %s WHERE ",
                              source->row_from_sql != NULL ? source->row_from_sql
                                                           : source->from_sql);
      append_key_match (text, source->row_key_sql != NULL ? source->row_key_sql : source->key_sql);
      sql = g_intern_string (text->str);
      g_hash_table_insert (cache, (gpointer) source, (gpointer) sql);
    }
  g_mutex_unlock (&lock);
  return sql;
}

char **
_mk_list_read_row (MkDatabase         *db,
                   const MkListSource *source,
                   const gint64       *keys,
                   GError            **error)
{
  sqlite3_stmt *stmt = _mk_database_statement (db, row_sql (source), error);
  gboolean      has_row;
  GPtrArray    *values;
  int           n_values;

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < source->n_keys; i++)
    sqlite3_bind_int64 (stmt, (int) i + 1, keys[i]);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error_literal (error, MK_LIST_MODEL_ERROR, MK_LIST_MODEL_ERROR_FAILED,
                           _ ("The row is no longer in the database."));
      return NULL;
    }

  n_values = sqlite3_column_count (stmt);
  values = g_ptr_array_new_full ((guint) n_values + 1, NULL);
  for (int i = 0; i < n_values; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, i);

      g_ptr_array_add (values, text != NULL ? g_strdup (text) : NULL);
    }
  g_ptr_array_add (values, NULL);
  sqlite3_reset (stmt);
  /* NULL values are kept as holes: the array's length is known from the
   * source, so g_strfreev's stop at the first NULL would leak. Replace
   * them with empty strings. */
  for (int i = 0; i < n_values; i++)
    if (g_ptr_array_index (values, i) == NULL)
      g_ptr_array_index (values, i) = g_strdup ("");
  return (char **) g_ptr_array_free (values, FALSE);
}
