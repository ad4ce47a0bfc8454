/* mk-test-fixture.c: a fresh database per test, and dump comparisons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "mk-test-fixture.h"

void
mk_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        mk_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

void
mk_fixture_set_up (MkFixture    *fixture,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("makhzan-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.makhzan", NULL);
  fixture->db = mk_database_create (fixture->path, "BEN", 2, "Benghazi office",
                                    "مكتب بنغازي", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
  mk_database_set_user (fixture->db, "Test Storekeeper", "Storekeeper", &error);
  g_assert_no_error (error);
}

void
mk_fixture_tear_down (MkFixture    *fixture,
                      gconstpointer data)
{
  if (fixture->db != NULL)
    g_assert_finalize_object (fixture->db);
  mk_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static MkRecord *
record_from_pairs (const char *kind_name,
                   va_list     args,
                   GError    **error)
{
  const MkKind *kind = mk_kind_lookup (kind_name);
  g_autoptr (MkRecord) record = NULL;
  const char *field;

  g_assert_nonnull (kind);
  record = mk_record_new (kind);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      if (!mk_record_set_text (record, field, value, error))
        return NULL;
    }
  return g_steal_pointer (&record);
}

MkRecord *
mk_fixture_add (MkFixture  *fixture,
                const char *kind,
                ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MkRecord) record = NULL;
  va_list args;

  va_start (args, kind);
  record = record_from_pairs (kind, args, &error);
  va_end (args);
  g_assert_no_error (error);
  mk_master_data_add (fixture->db, record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_record_get_id (record), !=, 0);
  return g_steal_pointer (&record);
}

GError *
mk_fixture_add_fails (MkFixture  *fixture,
                      const char *kind,
                      ...)
{
  GError *error = NULL;
  g_autoptr (MkRecord) record = NULL;
  va_list args;

  va_start (args, kind);
  record = record_from_pairs (kind, args, &error);
  va_end (args);
  if (record == NULL)
    return error;
  g_assert_false (mk_master_data_add (fixture->db, record, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (mk_record_get_id (record), ==, 0);
  return error;
}

void
mk_fixture_add_catalogue (MkFixture *fixture)
{
  g_autoptr (MkRecord) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL;
  g_autoptr (MkRecord) r6 = NULL, r7 = NULL, r8 = NULL, r9 = NULL, r10 = NULL;

  r1 = mk_fixture_add (fixture, "warehouse", "code", "BEN-MAIN",
                       "name_en", "Benghazi main warehouse",
                       "name_ar", "مستودع بنغازي الرئيسي", "type", "main",
                       "baladiya", "LY010304", "manager", "Salem", NULL);
  r2 = mk_fixture_add (fixture, "site", "code", "GAN-DC",
                       "name_en", "Ganfouda detention centre",
                       "name_ar", "مركز احتجاز قنفودة", "type", "detention_centre",
                       "baladiya", "Benghazi", "sensitive", "yes",
                       "capacity", "600", NULL);
  r3 = mk_fixture_add (fixture, "item", "code", "SOAP", "name_en", "Bathing soap 250 g",
                       "name_ar", "صابون استحمام", "category", "wash",
                       "unit", "bar", "weight_kg", "0.25", NULL);
  r4 = mk_fixture_add (fixture, "item", "code", "TOOTHPASTE", "name_en", "Toothpaste",
                       "name_ar", "معجون أسنان", "category", "wash",
                       "unit", "tube", "weight_kg", "0.1", NULL);
  r5 = mk_fixture_add (fixture, "item", "code", "BRUSH", "name_en", "Toothbrush",
                       "name_ar", "فرشاة أسنان", "category", "wash",
                       "unit", "piece", "weight_kg", "0.02", NULL);
  r6 = mk_fixture_add (fixture, "item", "code", "BUCKET", "name_en", "Bucket 14 L with lid",
                       "name_ar", "دلو ١٤ لتر", "category", "wash",
                       "unit", "piece", "weight_kg", "0.78", NULL);
  r7 = mk_fixture_add (fixture, "item", "code", "HK", "name_en", "Family hygiene kit",
                       "name_ar", "حقيبة النظافة العائلية", "category", "wash",
                       "unit", "kit", "is_kit", "yes", NULL);
  r8 = mk_fixture_add (fixture, "donor", "code", "ECHO",
                       "name_en", "European Civil Protection and Humanitarian Aid",
                       NULL);
  r9 = mk_fixture_add (fixture, "grant", "code", "ECHO-2026", "donor", "ECHO",
                       "name_en", "Emergency NFI response 2026",
                       "start_date", "2026-01-01", "end_date", "2026-12-31",
                       "sector", "SHL", NULL);
  r10 = mk_fixture_add (fixture, "partner", "code", "LRC",
                        "name_en", "Libyan Red Crescent", "name_ar", "الهلال الأحمر الليبي",
                        NULL);
}

char *
mk_fixture_write_file (MkFixture  *fixture,
                       const char *name,
                       const char *contents,
                       gssize      length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
mk_fixture_dump (MkFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  char *dump = mk_database_dump (fixture->db, &error);

  g_assert_no_error (error);
  return dump;
}

void
mk_fixture_assert_unchanged (MkFixture  *fixture,
                             const char *dump_before)
{
  g_autofree char *after = mk_fixture_dump (fixture);
  g_assert_cmpstr (after, ==, dump_before);
}
