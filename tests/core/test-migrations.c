/* test-migrations.c: a database of every earlier version opens and updates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "mk-database-private.h"
#include "mk-test-fixture.h"

/* Builds a database at @version the way that version of Makhzan did:
 * the migrations up to it, and its office. */
static char *
make_database_at (const char *dir,
                  guint       version)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("v%u.makhzan", version);
  char            *path = g_build_filename (dir, name, NULL);
  g_autoptr (MkDatabase) db = _mk_database_open_raw (path, &error);
  sqlite3 *handle;

  g_assert_no_error (error);
  handle = _mk_database_get_handle (db);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA application_id = 1296783950", NULL, NULL, NULL), ==, SQLITE_OK);
  _mk_database_migrate_to (db, version, &error);
  g_assert_no_error (error);
  /* Every version since 1 has the office and settings tables. */
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO offices (id, code, number, name_en, name_ar)"
                                 " VALUES (7 << 40 | 1, 'SAB', 7, 'Sabha office', 'مكتب سبها');"
                                 "INSERT INTO settings VALUES ('office_number', '7');",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  /* Since version 2, items: one from before they had values. */
  if (version >= 2)
    g_assert_cmpint (sqlite3_exec (handle,
                                   "INSERT INTO items (id, code, name_en, category, unit)"
                                   " VALUES (7 << 40 | 2, 'OLD-BLANKET', 'Blanket', 'nfi', 'piece');",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
  return path;
}

static void
test_every_earlier_version (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("makhzan-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mk_database_schema_version (), >=, 2);

  for (guint version = 1; version < mk_database_schema_version (); version++)
    {
      g_autofree char *path = make_database_at (dir, version);
      g_autoptr (MkDatabase) db = NULL;
      g_autoptr (MkOffice) office = NULL;
      g_autoptr (MkRecord) item = NULL;
      guint regions, mantikas, baladiyas;

      g_test_message ("opening a database of version %u", version);
      db = mk_database_open (path, &error);
      g_assert_no_error (error);

      /* What the old version held is still there… */
      office = mk_office_get_own (db, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (office->code, ==, "SAB");
      mk_places_count (db, &regions, &mantikas, &baladiyas, &error);
      g_assert_cmpuint (baladiyas, ==, 100);

      /* …and the newest tables work. */
      item = mk_record_new (mk_kind_lookup ("item"));
      mk_record_set_text (item, "code", "SOAP", &error);
      mk_record_set_text (item, "name_en", "Soap", &error);
      mk_record_set_text (item, "category", "wash", &error);
      mk_record_set_text (item, "unit", "bar", &error);
      g_assert_no_error (error);
      mk_master_data_add (db, item, &error);
      g_assert_no_error (error);
      g_assert_cmpint (mk_record_get_id (item) >> 40, ==, 7);

      /* An item of an older version is worth nothing, in dollars, until
       * someone says otherwise. */
      if (version >= 2)
        {
          g_autoptr (MkRecord) old = mk_master_data_get (db, mk_kind_lookup ("item"), "OLD-BLANKET", &error);
          g_autofree char *value = NULL;

          g_assert_no_error (error);
          value = mk_record_get_text (old, "unit_value");
          g_assert_cmpstr (value, ==, "0");
          g_assert_cmpstr (mk_record_get_string (old, "currency"), ==, "USD");
        }

      /* Values in minor units of their currency: cents, or dirhams. */
      g_assert_true (mk_record_set_text (item, "unit_value", "8.50", &error));
      g_assert_true (mk_master_data_update (db, item, &error));
      g_assert_no_error (error);
      g_assert_cmpint (mk_record_get_int (item, "unit_value"), ==, 8500);
      g_assert_true (mk_record_set_text (item, "unit_value", "8.505", &error));
      g_assert_false (mk_master_data_update (db, item, &error));
      g_assert_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Unit value"));
      g_assert_nonnull (strstr (error->message, "USD"));
      g_clear_error (&error);
      g_assert_true (mk_record_set_text (item, "currency", "LYD", &error));
      g_assert_true (mk_master_data_update (db, item, &error));
      g_assert_no_error (error);
      g_assert_cmpint (mk_record_get_int (item, "unit_value"), ==, 8505);
      /* The database refuses it too, whoever writes. */
      g_assert_cmpint (sqlite3_exec (_mk_database_get_handle (db),
                                     "UPDATE items SET currency = 'EUR' WHERE code = 'SOAP'", NULL, NULL, NULL) &
                           0xff,
                       ==, SQLITE_CONSTRAINT);
      g_assert_true (mk_database_check_integrity (db, NULL));
    }

  mk_test_remove_tree (dir);
}

static void
test_versions_match (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("makhzan-test-XXXXXX", &error);
  g_autofree char *created_path = g_build_filename (dir, "created.makhzan", NULL);
  g_autofree char *migrated_path = make_database_at (dir, 1);
  g_autoptr (MkDatabase) created = NULL;
  g_autoptr (MkDatabase) migrated = NULL;
  sqlite3_stmt *stmt;
  g_autoptr (GString) created_schema = g_string_new (NULL);
  g_autoptr (GString) migrated_schema = g_string_new (NULL);

  /* A database created new and one migrated from version 1 have the same
   * schema, table by table. */
  created = mk_database_create (created_path, "BEN", 2, "Benghazi", NULL, &error);
  g_assert_no_error (error);
  migrated = mk_database_open (migrated_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      MkDatabase *db = i ? migrated : created;
      GString    *out = i ? migrated_schema : created_schema;
      g_assert_cmpint (sqlite3_prepare_v2 (_mk_database_get_handle (db),
                                           "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name",
                                           -1, &stmt, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (out, "%s\n", sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  g_assert_cmpstr (created_schema->str, ==, migrated_schema->str);

  g_clear_object (&created);
  g_clear_object (&migrated);
  mk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/every-earlier-version", test_every_earlier_version);
  g_test_add_func ("/migrations/created-equals-migrated", test_versions_match);

  return g_test_run ();
}
