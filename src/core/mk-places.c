/* mk-places.c: Libya's regions, mantikas and baladiyas.
 *
 * Owns the regions, mantikas and baladiyas tables (seeded, read-only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-places"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-database-private.h"
#include "mk-places.h"
#include "mk-record-private.h"
#include "mk-text.h"

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-places-error-quark, mk_places_error)
/* clang-format on */

#define PLACE_COLUMNS                                                    \
  "SELECT b.pcode, b.name_en, b.name_ar, m.pcode, m.name_en, m.name_ar," \
  " r.pcode, r.name_en, r.name_ar"                                       \
  " FROM baladiyas b JOIN mantikas m ON m.pcode = b.mantika_pcode"       \
  " JOIN regions r ON r.pcode = m.region_pcode "

void
mk_place_free (MkPlace *place)
{
  if (place == NULL)
    return;
  g_free (place->pcode);
  g_free (place->name_en);
  g_free (place->name_ar);
  g_free (place->mantika_pcode);
  g_free (place->mantika_en);
  g_free (place->mantika_ar);
  g_free (place->region_pcode);
  g_free (place->region_en);
  g_free (place->region_ar);
  g_free (place);
}

const char *
mk_place_get_display_name (const MkPlace *place)
{
  return mk_text_pick_name (place->name_en, place->name_ar);
}

static MkPlace *
place_from_row (sqlite3_stmt *stmt)
{
  MkPlace *place = g_new0 (MkPlace, 1);
  char   **fields[] = {
      &place->pcode,
      &place->name_en,
      &place->name_ar,
      &place->mantika_pcode,
      &place->mantika_en,
      &place->mantika_ar,
      &place->region_pcode,
      &place->region_en,
      &place->region_ar,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = g_strdup ((const char *) sqlite3_column_text (stmt, (int) i));
  return place;
}

static GPtrArray *
collect (MkDatabase   *db,
         sqlite3_stmt *stmt,
         GError      **error)
{
  g_autoptr (GPtrArray) places = g_ptr_array_new_with_free_func (
      (GDestroyNotify) mk_place_free);
  gboolean has_row;

  while (TRUE)
    {
      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (places, place_from_row (stmt));
    }
  return g_steal_pointer (&places);
}

MkPlace *
mk_places_find_baladiya (MkDatabase *db,
                         const char *text,
                         GError    **error)
{
  g_autoptr (GPtrArray) places = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *quoted = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  stripped = mk_text_normalize_number (text);
  stmt = _mk_database_statement (
      db,
      PLACE_COLUMNS
      "WHERE b.pcode = ?1 COLLATE NOCASE"
      " OR (NOT EXISTS (SELECT 1 FROM baladiyas WHERE pcode = ?1 COLLATE NOCASE)"
      "     AND (mk_fold (b.name_en) = mk_fold (?1) OR mk_fold (b.name_ar) = mk_fold (?1)))"
      " ORDER BY b.pcode",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  places = collect (db, stmt, error);
  if (places == NULL)
    return NULL;

  quoted = _mk_record_quote_value (stripped);
  if (places->len == 0)
    {
      g_set_error (error, MK_PLACES_ERROR, MK_PLACES_ERROR_NOT_FOUND,
                   _ ("%s is not a baladiya of Libya; give its P-code, such as LY010304 for Benghazi."),
                   quoted);
      return NULL;
    }
  if (places->len > 1)
    {
      g_autoptr (GString) codes = g_string_new (NULL);
      for (guint i = 0; i < places->len; i++)
        {
          MkPlace *place = g_ptr_array_index (places, i);
          g_string_append_printf (codes, "%s%s", i ? ", " : "", place->pcode);
        }
      g_set_error (error, MK_PLACES_ERROR, MK_PLACES_ERROR_AMBIGUOUS,
                   _ ("%s names more than one baladiya; give the P-code (%s)."),
                   quoted, codes->str);
      return NULL;
    }

  return g_ptr_array_steal_index (places, 0);
}

GPtrArray *
mk_places_search (MkDatabase *db,
                  const char *search,
                  GError    **error)
{
  g_autofree char *pattern = NULL;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);

  stmt = _mk_database_statement (
      db,
      PLACE_COLUMNS
      "WHERE ?1 IS NULL OR mk_fold (b.pcode) LIKE ?1 ESCAPE '\\'"
      " OR mk_fold (b.name_en) LIKE ?1 ESCAPE '\\'"
      " OR mk_fold (b.name_ar) LIKE ?1 ESCAPE '\\'"
      " OR mk_fold (m.name_en) LIKE ?1 ESCAPE '\\'"
      " OR mk_fold (m.name_ar) LIKE ?1 ESCAPE '\\'"
      " ORDER BY b.pcode",
      error);
  if (stmt == NULL)
    return NULL;

  if (search != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (search));
      if (*trimmed != '\0')
        {
          pattern = _mk_database_like_pattern (trimmed);
          sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
        }
    }

  return collect (db, stmt, error);
}

gboolean
mk_places_count (MkDatabase *db,
                 guint      *n_regions,
                 guint      *n_mantikas,
                 guint      *n_baladiyas,
                 GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);

  stmt = _mk_database_statement (
      db,
      "SELECT (SELECT count(*) FROM regions), (SELECT count(*) FROM mantikas),"
      " (SELECT count(*) FROM baladiyas)",
      error);
  if (stmt == NULL || !_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  *n_regions = sqlite3_column_int (stmt, 0);
  *n_mantikas = sqlite3_column_int (stmt, 1);
  *n_baladiyas = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);
  return TRUE;
}
