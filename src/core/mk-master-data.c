/* mk-master-data.c: add, edit, find and list master-data records.
 *
 * The SQL of each kind is built once from its field descriptors (never from
 * input), so that the statement cache holds it like any literal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-master-data"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-audit-private.h"
#include "mk-distributions.h"
#include "mk-database-private.h"
#include "mk-json.h"
#include "mk-kit-private.h"
#include "mk-master-data-private.h"
#include "mk-places.h"
#include "mk-record-private.h"
#include "mk-text.h"

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-master-data-error-quark, mk_master_data_error)
/* clang-format on */

/* SQL per kind --------------------------------------------------------- */

typedef struct
{
  char *insert;
  char *update;
  char *id_by_code;
  char *select_by_code;
  char *select_by_id;
  char *select_all;
  char *select_search;
} KindSql;

static const char *
kind_table_of_ref (const MkField *field)
{
  const MkKind *ref = mk_kind_lookup (field->ref_kind);
  g_assert (ref != NULL);
  return ref->table;
}

static char *
build_select (const MkKind *kind,
              const char   *where)
{
  g_autoptr (GString) sql = g_string_new ("SELECT t.id");

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const MkField *field = &kind->fields[i];

      if (field->type == MK_FIELD_REF)
        g_string_append_printf (sql,
                                ", t.%s, (SELECT r.code FROM %s r WHERE r.id = t.%s)",
                                field->column, kind_table_of_ref (field),
                                field->column);
      else
        g_string_append_printf (sql, ", t.%s", field->column);
    }
  g_string_append_printf (sql, " FROM %s t %s", kind->table, where);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static KindSql *
build_kind_sql (const MkKind *kind)
{
  KindSql *sql = g_new0 (KindSql, 1);
  g_autoptr (GString) insert = g_string_new (NULL);
  g_autoptr (GString) values = g_string_new ("?1");
  g_autoptr (GString) update = g_string_new (NULL);

  g_string_printf (insert, "INSERT INTO %s (id", kind->table);
  g_string_printf (update, "UPDATE %s SET ", kind->table);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_string_append_printf (insert, ", %s", kind->fields[i].column);
      g_string_append_printf (values, ", ?%u", i + 2);
      g_string_append_printf (update, "%s%s = ?%u", i ? ", " : "",
                              kind->fields[i].column, i + 2);
    }
  g_string_append_printf (insert, ") VALUES (%s)", values->str);
  g_string_append (update, " WHERE id = ?1");

  sql->insert = g_string_free (g_steal_pointer (&insert), FALSE);
  sql->update = g_string_free (g_steal_pointer (&update), FALSE);
  sql->id_by_code = g_strdup_printf ("SELECT id, code FROM %s WHERE code = ?1", kind->table);
  sql->select_by_code = build_select (kind, "WHERE t.code = ?1");
  sql->select_by_id = build_select (kind, "WHERE t.id = ?1");
  sql->select_all = build_select (kind, "ORDER BY t.code");
  {
    /* Codes and whichever names the kind has. */
    g_autoptr (GString) where = g_string_new ("WHERE mk_fold (t.code) LIKE ?1 ESCAPE '\\'");
    static const char *const names[] = { "name_en", "name_ar", "head_name" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      if (mk_kind_find_field (kind, names[i]) != NULL)
        g_string_append_printf (where, " OR mk_fold (t.%s) LIKE ?1 ESCAPE '\\'", names[i]);
    g_string_append (where, " ORDER BY t.code");
    sql->select_search = build_select (kind, where->str);
  }
  return sql;
}

static const KindSql *
kind_sql (const MkKind *kind)
{
  static GHashTable *cache; /* const MkKind * → KindSql *, never freed */
  G_LOCK_DEFINE_STATIC (cache);
  KindSql *sql;

  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  sql = g_hash_table_lookup (cache, kind);
  if (sql == NULL)
    {
      sql = build_kind_sql (kind);
      g_hash_table_insert (cache, (gpointer) kind, sql);
    }
  G_UNLOCK (cache);

  return sql;
}

/* Reading -------------------------------------------------------------- */

static MkRecord *
record_from_row (const MkKind *kind,
                 sqlite3_stmt *stmt)
{
  MkRecord *record = mk_record_new (kind);
  int       column = 1;

  mk_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const MkField *field = &kind->fields[i];
      gboolean       is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

      switch (field->type)
        {
        case MK_FIELD_INT:
        case MK_FIELD_DECIMAL:
        case MK_FIELD_BOOL:
          if (!is_null)
            _mk_record_load_number (record, i, sqlite3_column_int64 (stmt, column));
          column++;
          break;
        case MK_FIELD_REF:
          _mk_record_load_ref (record, i, sqlite3_column_int64 (stmt, column),
                               (const char *) sqlite3_column_text (stmt, column + 1));
          column += 2;
          break;
        case MK_FIELD_CODE:
        case MK_FIELD_TEXT:
        case MK_FIELD_DATE:
        case MK_FIELD_VOCAB:
        case MK_FIELD_PLACE:
        case MK_FIELD_CHOICE:
          _mk_record_load_text (record, i,
                                (const char *) sqlite3_column_text (stmt, column));
          column++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return record;
}

static MkRecord *
select_one (MkDatabase   *db,
            const MkKind *kind,
            sqlite3_stmt *stmt,
            GError      **error)
{
  gboolean  has_row;
  MkRecord *record;

  if (!_mk_database_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    return NULL;
  record = record_from_row (kind, stmt);
  sqlite3_reset (stmt);
  return record;
}

MkRecord *
mk_master_data_get (MkDatabase   *db,
                    const MkKind *kind,
                    const char   *code,
                    GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *stripped = NULL;
  sqlite3_stmt    *stmt;
  MkRecord        *record;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stripped = mk_text_normalize_number (code);
  stmt = _mk_database_statement (db, kind_sql (kind)->select_by_code, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  record = select_one (db, kind, stmt, &local_error);
  if (record == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        {
          g_autofree char *quoted = _mk_record_quote_value (stripped);
          /* Translators: “There is no Item with the code HK-9.” */
          g_set_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_NOT_FOUND,
                       _ ("There is no %s with the code %s."), _ (kind->label),
                       quoted);
        }
    }
  return record;
}

MkRecord *
mk_master_data_get_by_id (MkDatabase   *db,
                          const MkKind *kind,
                          gint64        id,
                          GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  sqlite3_stmt *stmt;
  MkRecord     *record;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  stmt = _mk_database_statement (db, kind_sql (kind)->select_by_id, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  record = select_one (db, kind, stmt, &local_error);
  if (record == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_NOT_FOUND,
                     _ ("The %s you asked for no longer exists."), _ (kind->label));
    }
  return record;
}

GPtrArray *
mk_master_data_list (MkDatabase   *db,
                     const MkKind *kind,
                     const char   *search,
                     GError      **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *stripped = NULL;
  sqlite3_stmt    *stmt;
  gboolean         has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (search != NULL)
    stripped = g_strstrip (g_strdup (search));

  if (stripped != NULL && *stripped != '\0')
    {
      g_autofree char *pattern = _mk_database_like_pattern (stripped);
      stmt = _mk_database_statement (db, kind_sql (kind)->select_search, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = _mk_database_statement (db, kind_sql (kind)->select_all, error);
      if (stmt == NULL)
        return NULL;
    }

  while (TRUE)
    {
      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (records, record_from_row (kind, stmt));
    }

  return g_steal_pointer (&records);
}

/* Validating ------------------------------------------------------------ */

static gboolean
resolve_vocab (MkDatabase    *db,
               MkRecord      *record,
               const MkField *field,
               MkRecordValue *value,
               GError       **error)
{
  /* A vocabulary is matched by code or by either name, so that a file
   * can say "Piece", "piece" or "قطعة". */
  g_autofree char *sql = g_strdup_printf (
      "SELECT code FROM %s WHERE code = ?1 COLLATE NOCASE"
      " OR mk_fold (name_en) = mk_fold (?1) OR mk_fold (name_ar) = mk_fold (?1)"
      " ORDER BY code = ?1 COLLATE NOCASE DESC LIMIT 1",
      field->vocab);
  g_autofree char *exact = g_strdup_printf ("SELECT code FROM %s WHERE code = ?1", field->vocab);
  g_autoptr (GString) known = g_string_new (NULL);
  g_autofree char *quoted = NULL;
  g_autofree char *problem = NULL;
  sqlite3_stmt    *stmt = NULL;
  sqlite3         *handle = _mk_database_get_handle (db);
  gboolean         has_row;

  /* Most values are the code itself (every posting of a generator or an
   * import): its index answers that, where the names must be folded row
   * by row. The code itself is also what the query below puts first. */
  stmt = _mk_database_statement (db, g_intern_string (exact), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value->text, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  /* Interned, the text has one address per vocabulary, which the
   * statement cache keys on: prepared once per connection. */
  stmt = _mk_database_statement (db, g_intern_string (sql), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value->text, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      g_free (value->text);
      value->text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      return TRUE;
    }

  /* Name the choices: the person can pick one without a manual. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT code FROM %s ORDER BY sort_order", field->vocab);
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (known, "%s%s", known->len ? ", " : "",
                                (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }

  quoted = _mk_record_quote_value (value->text);
  problem = g_strdup_printf (_ ("%s is not known; use one of: %s."), quoted,
                             known->str);
  _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR,
                              MK_MASTER_DATA_ERROR_UNKNOWN_REFERENCE, field,
                              problem);
  return FALSE;
}

static gboolean
resolve_place (MkDatabase    *db,
               MkRecord      *record,
               const MkField *field,
               MkRecordValue *value,
               GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (MkPlace) place = mk_places_find_baladiya (db, value->text, &local_error);

  if (place == NULL)
    {
      _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR,
                                  MK_MASTER_DATA_ERROR_UNKNOWN_REFERENCE, field,
                                  local_error->message);
      return FALSE;
    }
  g_free (value->text);
  value->text = g_strdup (place->pcode);
  return TRUE;
}

gboolean
_mk_master_data_find_id (MkDatabase   *db,
                         const MkKind *kind,
                         const char   *code,
                         gint64       *id,
                         char        **canonical_code,
                         GError      **error)
{
  g_autofree char *stripped = mk_text_normalize_number (code);
  sqlite3_stmt    *stmt = _mk_database_statement (db, kind_sql (kind)->id_by_code, error);
  gboolean         has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_autofree char *quoted = _mk_record_quote_value (stripped);
      /* Translators: “There is no Item with the code HK-9.” */
      g_set_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_NOT_FOUND,
                   _ ("There is no %s with the code %s."), _ (kind->label), quoted);
      return FALSE;
    }
  *id = sqlite3_column_int64 (stmt, 0);
  if (canonical_code != NULL)
    *canonical_code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
resolve_ref (MkDatabase    *db,
             MkRecord      *record,
             const MkField *field,
             MkRecordValue *value,
             GError       **error)
{
  const MkKind *ref_kind = mk_kind_lookup (field->ref_kind);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *code = NULL;
  gint64           id;

  if (!_mk_master_data_find_id (db, ref_kind, value->text, &id, &code, &local_error))
    {
      gint error_code = g_error_matches (local_error, MK_MASTER_DATA_ERROR,
                                         MK_MASTER_DATA_ERROR_NOT_FOUND)
                            ? MK_MASTER_DATA_ERROR_UNKNOWN_REFERENCE
                            : MK_MASTER_DATA_ERROR_INVALID;
      _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR, error_code,
                                  field, local_error->message);
      return FALSE;
    }
  value->number = id;
  g_free (value->text);
  value->text = g_steal_pointer (&code);
  return TRUE;
}

static gboolean
check_unique (MkDatabase    *db,
              MkRecord      *record,
              const MkField *field,
              MkRecordValue *value,
              GError       **error)
{
  const MkKind    *kind = mk_record_get_kind (record);
  g_autofree char *sql = g_strdup_printf (
      "SELECT 1 FROM %s WHERE %s = ?1 AND id <> ?2", kind->table, field->column);
  sqlite3_stmt *stmt = NULL;
  int           rc;

  /* Interned, the text has one address per table and column, which the
   * statement cache keys on: prepared once per connection, not per row of
   * an import. */
  stmt = _mk_database_statement (db, g_intern_string (sql), error);
  if (stmt == NULL)
    return FALSE;
  if (field->type == MK_FIELD_INT)
    sqlite3_bind_int64 (stmt, 1, value->number);
  else
    sqlite3_bind_text (stmt, 1, value->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, mk_record_get_id (record));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      g_autofree char *shown = mk_record_get_text (record, field->name);
      g_autofree char *quoted = _mk_record_quote_value (shown);
      /* Translators: “another Item already has HK-001.” */
      g_autofree char *problem = g_strdup_printf (
          _ ("another %s already has %s."), _ (kind->label), quoted);
      _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR,
                                  MK_MASTER_DATA_ERROR_DUPLICATE, field, problem);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _mk_database_set_error (db, error, _ ("The database could not be read."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_range (MkRecord      *record,
             const MkField *field,
             MkRecordValue *value,
             GError       **error)
{
  g_autofree char *text = NULL;

  if (value->number >= field->min && value->number <= field->max)
    return TRUE;

  /* mk_record_set_text() already refused these; a caller that used
   * mk_record_set_int() learns here. Parse the text again for the message. */
  text = mk_record_get_text (record, field->name);
  return mk_record_set_text (record, field->name, text, error);
}

/* An item's unit value is kept in thousandths (migration 6) but a currency
 * with two decimals has no fraction of a cent: 4.505 USD is refused, with
 * the number of decimals the currency takes. */
static gboolean
check_unit_value (MkDatabase *db,
                  MkRecord   *record,
                  GError    **error)
{
  const char   *currency = mk_record_get_string (record, "currency");
  sqlite3_stmt *stmt;
  gboolean      has_row;
  gint64        decimals, milli_per_minor;

  if (currency == NULL || !mk_record_is_set (record, "unit_value"))
    return TRUE;
  stmt = _mk_database_statement (db, "SELECT decimals, milli_per_minor FROM currencies WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  /* The currency was resolved against the same table just before; were
   * it not there, the table's triggers would refuse the row anyway. */
  if (!has_row)
    return TRUE;
  decimals = sqlite3_column_int64 (stmt, 0);
  milli_per_minor = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  if (mk_record_get_int (record, "unit_value") % milli_per_minor != 0)
    {
      g_autofree char *value = mk_record_get_text (record, "unit_value");
      g_autofree char *quoted = _mk_record_quote_value (value);
      g_autofree char *code_iso = mk_text_isolate_ltr (currency);
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, decimals);
      g_autofree char *count_iso = mk_text_isolate_ltr (count);
      g_autofree char *problem = g_strdup_printf (
          /* Translators: “4.505 has more decimals than USD takes (2).” */
          g_dngettext (GETTEXT_PACKAGE, "%s has more decimals than %s takes (%s decimal).",
                       "%s has more decimals than %s takes (%s decimals).", (gulong) decimals),
          quoted, code_iso, count_iso);
      _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR,
                                  MK_MASTER_DATA_ERROR_INVALID,
                                  mk_kind_find_field (mk_record_get_kind (record), "unit_value"),
                                  problem);
      return FALSE;
    }
  return TRUE;
}

/* Rules that tie two fields or another table together. */
static gboolean
check_rules (MkDatabase *db,
             MkRecord   *record,
             MkRecord   *stored,
             GError    **error)
{
  const MkKind *kind = mk_record_get_kind (record);

  if (g_str_equal (kind->name, "grant"))
    {
      const char *start = mk_record_get_string (record, "start_date");
      const char *end = mk_record_get_string (record, "end_date");

      if (start != NULL && end != NULL && strcmp (end, start) < 0)
        {
          g_autofree char *start_iso = mk_text_isolate_ltr (start);
          g_autofree char *problem = g_strdup_printf (
              _ ("the grant ends before it starts (on %s)."), start_iso);
          _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR,
                                      MK_MASTER_DATA_ERROR_INVALID,
                                      mk_kind_find_field (kind, "end_date"),
                                      problem);
          return FALSE;
        }
    }

  if (g_str_equal (kind->name, "household"))
    {
      static const char *const members[] = {
        "female_0_4",
        "female_5_11",
        "female_12_17",
        "female_18_59",
        "female_60",
        "male_0_4",
        "male_5_11",
        "male_12_17",
        "male_18_59",
        "male_60",
      };
      static const char *const personal[] = { "head_name", "phone" };
      gint64                   sum = 0;

      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        sum += mk_record_get_int (record, members[i]);
      if (sum != mk_record_get_int (record, "size"))
        {
          g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, mk_record_get_int (record, "size"));
          g_autofree char *counted = g_strdup_printf ("%" G_GINT64_FORMAT, sum);
          g_autofree char *size_iso = mk_text_isolate_ltr (size);
          g_autofree char *counted_iso = mk_text_isolate_ltr (counted);
          g_autofree char *problem = g_strdup_printf (
              _ ("the household has %s members by sex and age, not %s."), counted_iso, size_iso);
          _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR,
                                      MK_MASTER_DATA_ERROR_INVALID,
                                      mk_kind_find_field (kind, "size"), problem);
          return FALSE;
        }
      if (mk_record_get_int (record, "disabled") > sum)
        {
          _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_INVALID,
                                      mk_kind_find_field (kind, "disabled"),
                                      _ ("more persons with disability than members."));
          return FALSE;
        }
      /* Names and phone numbers are kept only where the office said so. */
      for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
        {
          const char *value = mk_record_get_string (record, personal[i]);
          if (value != NULL && *value != '\0' && !mk_office_get_keeps_personal_data (db))
            {
              _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR,
                                          MK_MASTER_DATA_ERROR_INVALID,
                                          mk_kind_find_field (kind, personal[i]),
                                          _ ("this office does not keep names and phone numbers of households; an administrator can turn that on."));
              return FALSE;
            }
        }
    }

  if (g_str_equal (kind->name, "entitlement"))
    {
      const char *season = mk_record_get_string (record, "season_start");
      gboolean    by_days = mk_record_is_set (record, "interval_days");
      gboolean    by_season = season != NULL && *season != '\0';
      gboolean    once = mk_record_get_bool (record, "once_per_stay");

      if (by_days + by_season + once != 1)
        {
          _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_INVALID,
                                      mk_kind_find_field (kind, "interval_days"),
                                      _ ("give exactly one of: every so many days, a season start, or once per stay."));
          return FALSE;
        }
      if (by_season)
        {
          g_autofree char *date = g_strdup_printf ("2000-%s", season);
          g_autoptr (GError) local_error = NULL;
          g_autofree char *iso = strlen (season) == 5 ? mk_text_parse_date (date, &local_error) : NULL;

          if (iso == NULL)
            {
              g_autofree char *quoted = _mk_record_quote_value (season);
              g_autofree char *problem = g_strdup_printf (
                  _ ("%s is not a day of the year; write it as MM-DD, such as 10-01."), quoted);
              _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR,
                                          MK_MASTER_DATA_ERROR_INVALID,
                                          mk_kind_find_field (kind, "season_start"), problem);
              return FALSE;
            }
        }
    }

  if (g_str_equal (kind->name, "item") && !check_unit_value (db, record, error))
    return FALSE;

  if (g_str_equal (kind->name, "item") && stored != NULL && mk_record_get_bool (stored, "is_kit") && !mk_record_get_bool (record, "is_kit"))
    {
      gboolean as_kit, as_component;

      if (!_mk_kit_item_in_bill (db, mk_record_get_id (record), &as_kit,
                                 &as_component, error))
        return FALSE;
      if (as_kit)
        {
          _mk_record_set_field_error (
              record, error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_INVALID,
              mk_kind_find_field (kind, "is_kit"),
              _ ("the item has a bill of materials; empty it before the item stops being a kit."));
          return FALSE;
        }
    }

  return TRUE;
}

/* What vocabulary, place and reference values resolved to, kept for a bulk
 * import: a file names the same few groups, units and sites on every row.
 * Only values found are kept; records are added, never removed, during an
 * import, so what was found stays true until it ends. */
typedef struct
{
  char  *text;
  gint64 number;
} Resolved;

static void
resolved_free (Resolved *resolved)
{
  g_free (resolved->text);
  g_free (resolved);
}

/* The values of @field already resolved: text as given → Resolved. */
static GHashTable *
resolved_of_field (GHashTable    *cache,
                   const MkField *field)
{
  GHashTable *values = g_hash_table_lookup (cache, field);

  if (values == NULL)
    {
      values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) resolved_free);
      g_hash_table_insert (cache, (gpointer) field, values);
    }
  return values;
}

static gboolean
resolve_value (MkDatabase    *db,
               MkRecord      *record,
               const MkField *field,
               MkRecordValue *value,
               GHashTable    *cache,
               GError       **error)
{
  GHashTable      *values = cache ? resolved_of_field (cache, field) : NULL;
  Resolved        *resolved = values ? g_hash_table_lookup (values, value->text) : NULL;
  g_autofree char *given = NULL;
  gboolean         ok;

  if (resolved != NULL)
    {
      g_free (value->text);
      value->text = g_strdup (resolved->text);
      if (field->type == MK_FIELD_REF)
        value->number = resolved->number;
      return TRUE;
    }
  given = values ? g_strdup (value->text) : NULL;
  if (field->type == MK_FIELD_VOCAB)
    ok = resolve_vocab (db, record, field, value, error);
  else if (field->type == MK_FIELD_PLACE)
    ok = resolve_place (db, record, field, value, error);
  else
    ok = resolve_ref (db, record, field, value, error);
  if (ok && values != NULL)
    {
      resolved = g_new (Resolved, 1);
      resolved->text = g_strdup (value->text);
      resolved->number = field->type == MK_FIELD_REF ? value->number : 0;
      g_hash_table_insert (values, g_steal_pointer (&given), resolved);
    }
  return ok;
}

/* A field's default, parsed from its text once for a bulk import and
 * copied into every record that leaves the field empty: kept in @cache
 * (field → Resolved) when it is not NULL. */
static gboolean
apply_default (MkRecord      *record,
               guint          index,
               const MkField *field,
               GHashTable    *cache,
               GError       **error)
{
  MkRecordValue *value = _mk_record_value (record, index);
  Resolved      *parsed;

  if (cache == NULL)
    return _mk_record_set_text_at (record, index, field->default_text, error);
  parsed = g_hash_table_lookup (cache, field);
  if (parsed == NULL)
    {
      if (!_mk_record_set_text_at (record, index, field->default_text, error))
        return FALSE;
      parsed = g_new (Resolved, 1);
      parsed->text = g_strdup (value->text);
      parsed->number = value->number;
      g_hash_table_insert (cache, (gpointer) field, parsed);
      return TRUE;
    }
  g_free (value->text);
  value->text = g_strdup (parsed->text);
  value->number = parsed->number;
  value->set = TRUE;
  value->changed = TRUE;
  return TRUE;
}

/* _mk_master_data_validate(), with resolved values kept in @cache (field →
 * its values) and parsed defaults in @defaults (field → Resolved) when they
 * are not NULL; @code_is_free when the caller has just looked the record's
 * code up and found no record with it. */
static gboolean
validate_record (MkDatabase *db,
                 MkRecord   *record,
                 MkRecord   *stored,
                 GHashTable *cache,
                 GHashTable *defaults,
                 gboolean    code_is_free,
                 GError    **error)
{
  const MkKind *kind = mk_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const MkField *field = &kind->fields[i];
      MkRecordValue *value = _mk_record_value (record, i);
      gboolean       empty = !value->set || (value->text != NULL && *value->text == '\0' && field->type != MK_FIELD_INT);

      if (!value->set && stored == NULL && field->default_text != NULL)
        {
          if (!apply_default (record, i, field, defaults, error))
            return FALSE;
          empty = FALSE;
        }

      if (empty && (field->flags & MK_FIELD_REQUIRED))
        {
          _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR,
                                      MK_MASTER_DATA_ERROR_INVALID, field,
                                      _ ("this field must be filled in."));
          return FALSE;
        }
      if (!value->set)
        continue;

      if (stored != NULL && (field->flags & MK_FIELD_FIXED) && value->changed)
        {
          MkRecordValue *old = _mk_record_value (stored, i);
          if (old->number != value->number || g_strcmp0 (old->text, value->text) != 0)
            {
              _mk_record_set_field_error (record, error, MK_MASTER_DATA_ERROR,
                                          MK_MASTER_DATA_ERROR_INVALID, field,
                                          _ ("this field cannot change once the record exists."));
              return FALSE;
            }
        }

      switch (field->type)
        {
        case MK_FIELD_INT:
        case MK_FIELD_DECIMAL:
        case MK_FIELD_BOOL:
          if (!check_range (record, field, value, error))
            return FALSE;
          break;
        case MK_FIELD_VOCAB:
        case MK_FIELD_PLACE:
        case MK_FIELD_REF:
          if (!resolve_value (db, record, field, value, cache, error))
            return FALSE;
          break;
        case MK_FIELD_CODE:
        case MK_FIELD_TEXT:
        case MK_FIELD_DATE:
        case MK_FIELD_CHOICE:
          break;
        default:
          g_assert_not_reached ();
        }

      if ((field->flags & MK_FIELD_UNIQUE) && !(code_is_free && i == MK_KIND_FIELD_CODE) && !check_unique (db, record, field, value, error))
        return FALSE;
    }

  return check_rules (db, record, stored, error);
}

/* Checks and resolves every field; @stored is the record as it is in the
 * database (NULL when adding). */
gboolean
_mk_master_data_validate (MkDatabase *db,
                          MkRecord   *record,
                          MkRecord   *stored,
                          GError    **error)
{
  return validate_record (db, record, stored, NULL, NULL, FALSE, error);
}

/* Writing -------------------------------------------------------------- */

static void
bind_values (sqlite3_stmt *stmt,
             MkRecord     *record)
{
  const MkKind *kind = mk_record_get_kind (record);

  sqlite3_bind_int64 (stmt, 1, mk_record_get_id (record));
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const MkField *field = &kind->fields[i];
      MkRecordValue *value = _mk_record_value (record, i);
      int            index = (int) i + 2;

      switch (field->type)
        {
        case MK_FIELD_INT:
        case MK_FIELD_DECIMAL:
        case MK_FIELD_BOOL:
        case MK_FIELD_REF:
          if (value->set)
            sqlite3_bind_int64 (stmt, index, value->number);
          else
            sqlite3_bind_null (stmt, index);
          break;
        case MK_FIELD_TEXT:
          /* Optional text columns are NOT NULL DEFAULT '': store "". */
          sqlite3_bind_text (stmt, index, value->text ? value->text : "", -1,
                             SQLITE_STATIC);
          break;
        case MK_FIELD_CODE:
        case MK_FIELD_DATE:
        case MK_FIELD_VOCAB:
        case MK_FIELD_PLACE:
        case MK_FIELD_CHOICE:
          /* Static: the record outlives the statement's one step, and
           * write_record() clears the bindings after it. */
          if (value->set)
            sqlite3_bind_text (stmt, index, value->text, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, index);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* mk_json_append_string(), a whole run at a time when @text has nothing to
 * escape, as field names, numbers, codes and most names have not. */
static void
append_json_string (GString    *json,
                    const char *text)
{
  const unsigned char *p;

  if (text == NULL)
    {
      mk_json_append_string (json, NULL);
      return;
    }
  for (p = (const unsigned char *) text; *p >= 0x20 && *p != '"' && *p != '\\'; p++)
    ;
  if (*p != '\0')
    {
      mk_json_append_string (json, text);
      return;
    }
  g_string_append_c (json, '"');
  g_string_append_len (json, text, (gssize) (p - (const unsigned char *) text));
  g_string_append_c (json, '"');
}

/* The audit entry's details: every field written (all of them on create,
 * the changed ones on update). */
/* "%" G_GINT64_FORMAT into @out, without printf's parsing of a format for
 * each of a record's numbers; returns where the digits start. */
static const char *
format_int (gint64 number,
            char   out[24])
{
  guint64 magnitude = number < 0 ? (guint64) 0 - (guint64) number : (guint64) number;
  char   *p = out + 23;

  *p = '\0';
  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (number < 0)
    *--p = '-';
  return p;
}

static char *
describe_changes (MkRecord *record,
                  gboolean  all)
{
  const MkKind *kind = mk_record_get_kind (record);
  g_autoptr (GString) json = g_string_sized_new (512);
  gboolean first = TRUE;

  g_string_append_c (json, '{');
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const MkField   *field = &kind->fields[i];
      MkRecordValue   *value = _mk_record_value (record, i);
      g_autofree char *decimal = NULL;
      char             number[24];
      const char      *text = NULL;

      if (!all && !value->changed)
        continue;
      /* What mk_record_get_text() gives, without finding the field by its
       * name and copying the text: written for every record imported. */
      if (value->set)
        switch (field->type)
          {
          case MK_FIELD_INT:
            text = format_int (value->number, number);
            break;
          case MK_FIELD_DECIMAL:
            text = decimal = mk_text_format_decimal (value->number, field->scale);
            break;
          case MK_FIELD_BOOL:
            text = value->number ? "yes" : "no";
            break;
          case MK_FIELD_CODE:
          case MK_FIELD_TEXT:
          case MK_FIELD_DATE:
          case MK_FIELD_VOCAB:
          case MK_FIELD_PLACE:
          case MK_FIELD_REF:
          case MK_FIELD_CHOICE:
            text = value->text;
            break;
          default:
            g_assert_not_reached ();
          }
      if (!first)
        g_string_append_len (json, ", ", 2);
      first = FALSE;
      append_json_string (json, field->name);
      g_string_append_len (json, ": ", 2);
      append_json_string (json, text);
    }
  g_string_append_c (json, '}');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static gboolean
write_record (MkDatabase *db,
              MkRecord   *record,
              const char *sql,
              const char *action,
              gboolean    all_fields,
              GError    **error)
{
  const MkKind    *kind = mk_record_get_kind (record);
  g_autofree char *details = describe_changes (record, all_fields);
  sqlite3_stmt    *stmt = _mk_database_statement (db, sql, error);
  gboolean         ok;

  if (stmt == NULL)
    return FALSE;
  bind_values (stmt, record);
  ok = _mk_database_exec_stmt (db, stmt, error);
  /* The texts were bound without a copy: not left behind in the statement. */
  sqlite3_clear_bindings (stmt);
  if (!ok)
    {
      g_autofree char *record_text = _mk_record_describe (record);
      g_prefix_error (error, "%s: ", record_text);
      return FALSE;
    }
  if (!_mk_audit_record (db, action, kind->table, mk_record_get_id (record),
                         mk_record_get_code (record), details, error))
    return FALSE;
  _mk_database_emit_changed (db, kind->table, mk_record_get_id (record));
  return TRUE;
}

gboolean
mk_master_data_add (MkDatabase *db,
                    MkRecord   *record,
                    GError    **error)
{
  const MkKind *kind;
  gint64        id;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (MK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (mk_record_get_id (record) == 0, FALSE);

  kind = mk_record_get_kind (record);
  if (!_mk_database_begin (db, error))
    return FALSE;
  if (!_mk_master_data_validate (db, record, NULL, error) || !_mk_database_next_id (db, kind->table, &id, error))
    goto fail;
  mk_record_set_id (record, id);
  if (!write_record (db, record, kind_sql (kind)->insert, "create", TRUE, error))
    goto fail;
  if (!_mk_database_commit (db, error))
    goto fail;

  _mk_record_clear_changes (record);
  return TRUE;

fail:
  mk_record_set_id (record, 0);
  _mk_database_rollback (db);
  return FALSE;
}

gboolean
mk_master_data_update (MkDatabase *db,
                       MkRecord   *record,
                       GError    **error)
{
  g_autoptr (MkRecord) stored = NULL;
  const MkKind *kind;
  gboolean      changed = FALSE;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (MK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (mk_record_get_id (record) != 0, FALSE);

  kind = mk_record_get_kind (record);
  for (guint i = 0; i < kind->n_fields; i++)
    changed |= _mk_record_value (record, i)->changed;
  if (!changed)
    return TRUE;

  if (!_mk_database_begin (db, error))
    return FALSE;
  stored = mk_master_data_get_by_id (db, kind, mk_record_get_id (record), error);
  if (stored == NULL || !_mk_master_data_validate (db, record, stored, error) || !write_record (db, record, kind_sql (kind)->update, "update", FALSE, error) || !_mk_database_commit (db, error))
    {
      _mk_database_rollback (db);
      return FALSE;
    }

  _mk_record_clear_changes (record);
  return TRUE;
}

/* Bulk ------------------------------------------------------------------ */

struct _MkMasterDataBulk
{
  MkDatabase   *db;
  GHashTable   *resolved; /* const MkField * → its values resolved (see Resolved) */
  GHashTable   *defaults; /* const MkField * → its default parsed, a Resolved */
  const MkKind *absent_kind;
  char         *absent_code; /* the code the last find did not find */
  MkRecord     *found;       /* as stored, the record the last find found */

  /* A kind whose table was empty when the bulk first looked, and the
   * codes added to it since, upper case: a code not among them is absent
   * without a query. (SQLite's NOCASE folds ASCII letters only, as
   * g_ascii_strup() does; the transaction's snapshot keeps others out.) */
  const MkKind *empty_kind;
  const MkKind *checked_kind;
  GHashTable   *added_codes;
};

MkMasterDataBulk *
_mk_master_data_bulk_new (MkDatabase *db)
{
  MkMasterDataBulk *bulk = g_new0 (MkMasterDataBulk, 1);

  bulk->db = db;
  bulk->resolved = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  bulk->defaults = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) resolved_free);
  bulk->added_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return bulk;
}

void
_mk_master_data_bulk_free (MkMasterDataBulk *bulk)
{
  if (bulk == NULL)
    return;
  g_hash_table_unref (bulk->resolved);
  g_hash_table_unref (bulk->defaults);
  g_free (bulk->absent_code);
  g_clear_object (&bulk->found);
  g_hash_table_unref (bulk->added_codes);
  g_free (bulk);
}

/* Whether @kind's table was empty when this bulk first looked at it. */
static gboolean
table_was_empty (MkMasterDataBulk *bulk,
                 const MkKind     *kind,
                 GError          **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt    *stmt = NULL;
  int              rc;

  if (bulk->checked_kind == kind)
    return TRUE;
  sql = g_strdup_printf ("SELECT 1 FROM %s LIMIT 1", kind->table);
  if (sqlite3_prepare_v2 (_mk_database_get_handle (bulk->db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _mk_database_set_error (bulk->db, error, _ ("The database could not be read."));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _mk_database_set_error (bulk->db, error, _ ("The database could not be read."));
      return FALSE;
    }
  /* One kind at a time: an import loads one. */
  bulk->checked_kind = kind;
  bulk->empty_kind = rc == SQLITE_DONE ? kind : NULL;
  g_hash_table_remove_all (bulk->added_codes);
  return TRUE;
}

MkRecord *
_mk_master_data_bulk_find (MkMasterDataBulk *bulk,
                           const MkKind     *kind,
                           const char       *code,
                           GError          **error)
{
  g_autofree char *stripped = mk_text_normalize_number (code);
  sqlite3_stmt    *stmt = _mk_database_statement (bulk->db, kind_sql (kind)->select_by_code, error);
  g_autoptr (GError) local_error = NULL;
  MkRecord *record;

  g_clear_pointer (&bulk->absent_code, g_free);
  g_clear_object (&bulk->found);
  if (stmt == NULL || !table_was_empty (bulk, kind, error))
    return NULL;
  if (bulk->empty_kind == kind)
    {
      g_autofree char *key = g_ascii_strup (stripped, -1);

      if (!g_hash_table_contains (bulk->added_codes, key))
        {
          bulk->absent_kind = kind;
          bulk->absent_code = g_steal_pointer (&stripped);
          return NULL;
        }
    }
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  /* NULL without an error when there is none: no message is made for the
   * new records of an import. */
  record = select_one (bulk->db, kind, stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (record == NULL)
    {
      /* Adding a record of this code next need not ask the table again
       * whether another has it: the same query just said no. */
      bulk->absent_kind = kind;
      bulk->absent_code = g_steal_pointer (&stripped);
    }
  else
    /* Updating it next compares with this, not with a second read. */
    bulk->found = _mk_record_copy (record);
  return record;
}

gboolean
_mk_master_data_bulk_add (MkMasterDataBulk *bulk,
                          MkRecord         *record,
                          GError          **error)
{
  const MkKind *kind = mk_record_get_kind (record);
  gboolean      code_is_free;
  gint64        id;

  g_return_val_if_fail (mk_record_get_id (record) == 0, FALSE);

  /* Whether the record's code is, to the byte, the one just found absent;
   * once only: the record may be added now. */
  code_is_free = bulk->absent_code != NULL && bulk->absent_kind == kind && g_strcmp0 (mk_record_get_code (record), bulk->absent_code) == 0;
  g_clear_pointer (&bulk->absent_code, g_free);
  /* No savepoint: nothing is written before the record is valid, and a
   * statement that fails undoes itself. The caller's transaction holds the
   * rest, all or nothing. */
  if (!validate_record (bulk->db, record, NULL, bulk->resolved, bulk->defaults, code_is_free, error) || !_mk_database_next_id (bulk->db, kind->table, &id, error))
    return FALSE;
  mk_record_set_id (record, id);
  if (!write_record (bulk->db, record, kind_sql (kind)->insert, "create", TRUE, error))
    {
      mk_record_set_id (record, 0);
      return FALSE;
    }
  if (bulk->empty_kind == kind)
    g_hash_table_add (bulk->added_codes, g_ascii_strup (mk_record_get_code (record), -1));
  _mk_record_clear_changes (record);
  return TRUE;
}

gboolean
_mk_master_data_bulk_update (MkMasterDataBulk *bulk,
                             MkRecord         *record,
                             GError          **error)
{
  g_autoptr (MkRecord) stored = NULL;
  const MkKind *kind = mk_record_get_kind (record);
  gboolean      changed = FALSE;

  g_return_val_if_fail (mk_record_get_id (record) != 0, FALSE);

  for (guint i = 0; i < kind->n_fields; i++)
    changed |= _mk_record_value (record, i)->changed;
  if (!changed)
    return TRUE;
  /* The record as the last find read it, if this is that record: nothing
   * was written to it since, inside the caller's transaction. */
  if (bulk->found != NULL && mk_record_get_kind (bulk->found) == kind && mk_record_get_id (bulk->found) == mk_record_get_id (record))
    stored = g_steal_pointer (&bulk->found);
  else
    stored = mk_master_data_get_by_id (bulk->db, kind, mk_record_get_id (record), error);
  if (stored == NULL || !validate_record (bulk->db, record, stored, bulk->resolved, bulk->defaults, FALSE, error) || !write_record (bulk->db, record, kind_sql (kind)->update, "update", FALSE, error))
    return FALSE;
  _mk_record_clear_changes (record);
  return TRUE;
}

/* Vocabularies ---------------------------------------------------------- */

void
mk_vocab_entry_free (MkVocabEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->code);
  g_free (entry->name_en);
  g_free (entry->name_ar);
  g_free (entry);
}

const char *
mk_vocab_entry_get_display_name (const MkVocabEntry *entry)
{
  return mk_text_pick_name (entry->name_en, entry->name_ar);
}

static gboolean
is_vocabulary (const char *vocab)
{
  static const char *const names[] = {
    "units",
    "item_categories",
    "population_groups",
    "site_types",
    "warehouse_types",
    "sectors",
    "adjustment_reasons",
    "activities",
    "indicators",
    "currencies",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i], vocab))
      return TRUE;
  return FALSE;
}

GPtrArray *
mk_master_data_list_vocabulary (MkDatabase *db,
                                const char *vocab,
                                GError    **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (
      (GDestroyNotify) mk_vocab_entry_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt    *stmt = NULL;
  int              rc;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (vocab != NULL, NULL);

  if (!is_vocabulary (vocab))
    {
      g_set_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_NOT_FOUND,
                   _ ("There is no list called “%s”."), vocab);
      return NULL;
    }

  sql = g_strdup_printf ("SELECT code, name_en, name_ar FROM %s ORDER BY sort_order",
                         vocab);
  if (sqlite3_prepare_v2 (_mk_database_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _mk_database_set_error (db, error, _ ("The database could not be read."));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MkVocabEntry *entry = g_new0 (MkVocabEntry, 1);
      entry->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->name_en = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->name_ar = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _mk_database_set_error (db, error, _ ("The database could not be read."));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

gboolean
mk_master_data_get_currency_decimals (MkDatabase *db,
                                      const char *currency,
                                      guint      *decimals,
                                      GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (decimals != NULL, FALSE);

  stmt = _mk_database_statement (db, "SELECT decimals FROM currencies WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_autofree char *code_iso = mk_text_isolate_ltr (currency);
      g_set_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_NOT_FOUND,
                   _ ("There is no currency %s."), code_iso);
      return FALSE;
    }
  *decimals = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}
