/* test-database.c: creating, opening and refusing database files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mk-test-fixture.h"

static void
test_create_seeds_reference_data (MkFixture    *fixture,
                                  gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MkOffice) office = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) site_types = NULL;
  g_autoptr (GPtrArray) reasons = NULL;
  guint regions, mantikas, baladiyas;

  mk_places_count (fixture->db, &regions, &mantikas, &baladiyas, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions, ==, 3);
  g_assert_cmpuint (mantikas, ==, 22);
  g_assert_cmpuint (baladiyas, ==, 100);

  office = mk_office_get_own (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (office->code, ==, "BEN");
  g_assert_cmpuint (office->number, ==, 2);
  g_assert_cmpstr (office->name_ar, ==, "مكتب بنغازي");
  g_assert_cmpstr (mk_database_get_office_code (fixture->db), ==, "BEN");

  units = mk_master_data_list_vocabulary (fixture->db, "units", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, >=, 10);
  groups = mk_master_data_list_vocabulary (fixture->db, "population_groups", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 5);
  site_types = mk_master_data_list_vocabulary (fixture->db, "site_types", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (site_types->len, ==, 7);
  reasons = mk_master_data_list_vocabulary (fixture->db, "adjustment_reasons", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reasons->len, >=, 7);
  g_assert_null (mk_master_data_list_vocabulary (fixture->db, "sqlite_schema", &error));
  g_assert_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_NOT_FOUND);

  g_assert_true (mk_database_check_integrity (fixture->db, NULL));
}

static void
test_reopen (MkFixture    *fixture,
             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MkDatabase) again = NULL;
  g_autoptr (MkRecord) item = NULL;
  g_autoptr (MkRecord) found = NULL;

  mk_fixture_add_catalogue (fixture);
  g_assert_finalize_object (g_steal_pointer (&fixture->db));

  again = mk_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mk_database_get_office_number (again), ==, 2);
  found = mk_master_data_get (again, mk_kind_lookup ("item"), "soap", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_code (found), ==, "SOAP");
  g_assert_cmpint (mk_record_get_int (found, "weight_kg"), ==, 250);
}

static void
test_ids_carry_the_office_number (MkFixture    *fixture,
                                  gconstpointer data)
{
  g_autoptr (MkRecord) first = NULL;
  g_autoptr (MkRecord) second = NULL;

  first = mk_fixture_add (fixture, "donor", "code", "BHA", "name_en", "USAID BHA", NULL);
  second = mk_fixture_add (fixture, "donor", "code", "ECHO", "name_en", "ECHO", NULL);
  g_assert_cmpint (mk_record_get_id (first) >> 40, ==, 2);
  g_assert_cmpint (mk_record_get_id (second), ==, mk_record_get_id (first) + 1);
}

static void
test_arabic_path (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("makhzan-مخزن-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (MkDatabase) db = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "مكتب بنغازي.makhzan", NULL);
  db = mk_database_create (path, "BEN", 2, "Benghazi", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_finalize_object (g_steal_pointer (&db));

  db = mk_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_database_get_path (db), ==, path);
  g_assert_finalize_object (g_steal_pointer (&db));
  mk_test_remove_tree (dir);
}

static void
test_open_refuses (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("makhzan-test-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "missing.makhzan", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.makhzan", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.makhzan", NULL);
  g_autofree char *pragma = NULL;
  sqlite3         *handle;
  MkDatabase      *db;

  /* A missing file is not created by opening. */
  db = mk_database_open (missing, &error);
  g_assert_null (db);
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "missing.makhzan"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder. */
  db = mk_database_open (dir, &error);
  g_assert_null (db);
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_OPEN);
  g_clear_error (&error);

  /* A text file. */
  g_file_set_contents (text, "This is a shopping list, not a database.\n", -1, NULL);
  db = mk_database_open (text, &error);
  g_assert_null (db);
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_NOT_MAKHZAN);
  g_assert_nonnull (strstr (error->message, "notes.txt"));
  g_clear_error (&error);

  /* An empty file. */
  g_file_set_contents (empty, "", 0, NULL);
  db = mk_database_open (empty, &error);
  g_assert_null (db);
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_NOT_MAKHZAN);
  g_clear_error (&error);

  /* Another application's SQLite database. */
  g_assert_cmpint (sqlite3_open (other, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE contacts (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  db = mk_database_open (other, &error);
  g_assert_null (db);
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_NOT_MAKHZAN);
  g_clear_error (&error);

  /* A database written by a newer Makhzan. */
  db = mk_database_create (newer, "BEN", 2, "Benghazi", NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);
  g_assert_cmpint (sqlite3_open (newer, &handle), ==, SQLITE_OK);
  pragma = g_strdup_printf ("PRAGMA user_version = %u", mk_database_schema_version () + 1);
  g_assert_cmpint (sqlite3_exec (handle, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  db = mk_database_open (newer, &error);
  g_assert_null (db);
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_clear_error (&error);

  mk_test_remove_tree (dir);
}

static void
test_corrupt_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("makhzan-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "corrupt.makhzan", NULL);
  g_autofree char *contents = NULL;
  gsize            length;
  MkDatabase      *db;

  db = mk_database_create (path, "BEN", 2, "Benghazi", NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  /* Keep SQLite's header and application id, scramble every page after the
   * first: the file claims to be ours but its tables are garbage. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8192);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (i * 7 + 13);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  db = mk_database_open (path, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_true (error->domain == MK_DATABASE_ERROR);
  g_assert_true (error->code == MK_DATABASE_ERROR_CORRUPT || error->code == MK_DATABASE_ERROR_NOT_MAKHZAN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "corrupt.makhzan"));
  mk_test_remove_tree (dir);
}

static void
test_create_refuses (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("makhzan-test-XXXXXX", &error);
  g_autofree char *existing = g_build_filename (dir, "existing.txt", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.makhzan", NULL);
  g_autofree char *in_missing_dir = g_build_filename (dir, "no", "such", "dir.makhzan", NULL);
  g_autofree char *contents = NULL;
  MkDatabase      *db;

  /* Never overwrite a file that holds something. */
  g_file_set_contents (existing, "keep me", -1, NULL);
  db = mk_database_create (existing, "BEN", 2, "Benghazi", NULL, &error);
  g_assert_null (db);
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_EXISTS);
  g_clear_error (&error);
  g_file_get_contents (existing, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "keep me");

  /* Bad office details leave no file behind. */
  db = mk_database_create (fresh, "B", 2, "Benghazi", NULL, &error);
  g_assert_null (db);
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  db = mk_database_create (fresh, "BEN", 0, "Benghazi", NULL, &error);
  g_assert_null (db);
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  db = mk_database_create (fresh, "BEN", 70000, "Benghazi", NULL, &error);
  g_assert_null (db);
  g_clear_error (&error);
  db = mk_database_create (fresh, "B N", 2, "Benghazi", NULL, &error);
  g_assert_null (db);
  g_clear_error (&error);
  db = mk_database_create (fresh, "BEN", 2, "", NULL, &error);
  g_assert_null (db);
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  db = mk_database_create (in_missing_dir, "BEN", 2, "Benghazi", NULL, &error);
  g_assert_null (db);
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_OPEN);
  g_clear_error (&error);

  mk_test_remove_tree (dir);
}

static void
on_changed (MkDatabase *db,
            const char *table,
            gpointer    user_data)
{
  GPtrArray *seen = user_data;
  g_ptr_array_add (seen, g_strdup (table));
}

static void
test_changed_signal (MkFixture    *fixture,
                     gconstpointer data)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (MkRecord) donor = NULL;
  g_autoptr (GError) error = NULL;

  g_signal_connect (fixture->db, "changed::donors", G_CALLBACK (on_changed), seen);
  donor = mk_fixture_add (fixture, "donor", "code", "BHA", "name_en", "USAID BHA", NULL);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "donors");

  /* A refused change says nothing. */
  error = mk_fixture_add_fails (fixture, "donor", "code", "bha", "name_en", "Again", NULL);
  g_assert_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_DUPLICATE);
  g_assert_cmpuint (seen->len, ==, 1);

  /* Items do not match the "donors" detail. */
  g_autoptr (MkRecord) item = mk_fixture_add (fixture, "item", "code", "X", "name_en", "X",
                                              "category", "nfi", "unit", "piece", NULL);
  g_assert_cmpuint (seen->len, ==, 1);
  g_signal_handlers_disconnect_by_data (fixture->db, seen);
}

static void
test_audit_names_the_user (MkFixture    *fixture,
                           gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (MkRecord) donor = NULL;
  MkAuditEntry *entry;

  donor = mk_fixture_add (fixture, "donor", "code", "BHA", "name_en", "USAID BHA", NULL);
  entries = mk_audit_list (fixture->db, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >=, 2); /* the office, then the donor */
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_cmpstr (entry->table_name, ==, "donors");
  g_assert_cmpstr (entry->code, ==, "BHA");
  g_assert_cmpstr (entry->user_name, ==, "Test Storekeeper");
  g_assert_cmpstr (entry->user_function, ==, "Storekeeper");
  g_assert_nonnull (strstr (entry->details, "\"name_en\": \"USAID BHA\""));
  g_assert_true (g_str_has_suffix (entry->at, "Z"));
  /* The time is written as GLib writes ISO 8601 in UTC, and it is now. */
  {
    g_autoptr (GDateTime) at = g_date_time_new_from_iso8601 (entry->at, NULL);
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *again = NULL;

    g_assert_nonnull (at);
    again = g_date_time_format_iso8601 (at);
    g_assert_cmpstr (again, ==, entry->at);
    g_assert_cmpint (g_date_time_difference (now, at), >=, 0);
    g_assert_cmpint (g_date_time_difference (now, at), <, 60 * G_TIME_SPAN_SECOND);
  }
}

static void
test_audit_is_append_only (MkFixture    *fixture,
                           gconstpointer data)
{
  g_autofree char *before = mk_fixture_dump (fixture);
  sqlite3         *handle;
  char            *message = NULL;

  /* Even a second program with the file open cannot rewrite history. */
  g_assert_cmpint (sqlite3_open (fixture->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE audit_log SET action = 'forged'", NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM audit_log", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (handle);
  mk_fixture_assert_unchanged (fixture, before);
}

static void
test_user_profile (MkFixture    *fixture,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *long_name = g_strnfill (500, 'a');
  gint64           first;

  first = mk_database_get_user_id (fixture->db);
  g_assert_cmpint (first, !=, 0);
  /* The same person again is the same profile. */
  mk_database_set_user (fixture->db, "Test Storekeeper", "Storekeeper", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_database_get_user_id (fixture->db), ==, first);
  mk_database_set_user (fixture->db, "أمينة", "Programme officer", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_database_get_user_id (fixture->db), !=, first);
  g_assert_cmpstr (mk_database_get_user_name (fixture->db), ==, "أمينة");

  g_assert_false (mk_database_set_user (fixture->db, "", "", &error));
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (mk_database_set_user (fixture->db, long_name, "", &error));
  g_assert_error (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CONSTRAINT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, MkFixture, NULL, mk_fixture_set_up, func, mk_fixture_tear_down)

  ADD ("/database/create-seeds-reference-data", test_create_seeds_reference_data);
  ADD ("/database/reopen", test_reopen);
  ADD ("/database/ids-carry-the-office-number", test_ids_carry_the_office_number);
  ADD ("/database/changed-signal", test_changed_signal);
  ADD ("/database/audit-names-the-user", test_audit_names_the_user);
  ADD ("/database/audit-is-append-only", test_audit_is_append_only);
  ADD ("/database/user-profile", test_user_profile);
  g_test_add_func ("/database/arabic-path", test_arabic_path);
  g_test_add_func ("/database/open-refuses", test_open_refuses);
  g_test_add_func ("/database/corrupt-file", test_corrupt_file);
  g_test_add_func ("/database/create-refuses", test_create_refuses);

  return g_test_run ();
}
