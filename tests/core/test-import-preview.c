/* test-import-preview.c: the first rows of a file and the fields of a kind,
 * for the import dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mk-test-fixture.h"

static void
test_csv (MkFixture    *fixture,
          gconstpointer data)
{
  /* A spreadsheet's export: a BOM, semicolons, Windows line ends, a blank
   * line, Arabic text. */
  g_autofree char *path = mk_fixture_write_file (fixture, "list.csv",
                                                 "\xEF\xBB\xBF"
                                                 "Code;Name;Arabic\r\n"
                                                 "\r\n"
                                                 "SOAP;Soap;صابون\r\n"
                                                 "BLANKET;Blanket;بطانية\r\n"
                                                 "TARP;Tarpaulin;مشمع\r\n",
                                                 -1);
  g_autoptr (MkImportPreview) preview = NULL;
  g_autoptr (GError) error = NULL;

  preview = mk_import_preview_read (path, NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_null (preview->sheets);
  g_assert_cmpuint (g_strv_length (preview->headers), ==, 3);
  g_assert_cmpstr (preview->headers[0], ==, "Code");
  g_assert_cmpstr (preview->headers[2], ==, "Arabic");
  /* Two rows asked for, two given; the blank line skipped. */
  g_assert_cmpuint (preview->rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (preview->rows, 1))[2], ==, "بطانية");
}

static void
test_bad_files (MkFixture    *fixture,
                gconstpointer data)
{
  g_autofree char *zip = mk_fixture_write_file (fixture, "renamed.xlsx", "PK\x03\x04 not really a workbook", -1);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.csv", NULL);
  g_autoptr (MkImportPreview) preview = NULL;
  g_autoptr (GError) error = NULL;

  preview = mk_import_preview_read (zip, NULL, 5, &error);
  g_assert_null (preview);
  g_assert_nonnull (error);
  g_clear_error (&error);

  preview = mk_import_preview_read (missing, NULL, 5, &error);
  g_assert_null (preview);
  g_assert_nonnull (error);
}

static void
test_fields (void)
{
  g_autoptr (GArray) items = mk_import_get_fields ("items");
  g_autoptr (GArray) kits = mk_import_get_fields ("kits");
  g_autoptr (GArray) nothing = mk_import_get_fields ("spaceships");
  gboolean code_required = FALSE;

  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (g_array_index (items, MkImportField, i).name, "code"))
      code_required = g_array_index (items, MkImportField, i).required;
  g_assert_true (code_required);

  g_assert_cmpuint (kits->len, ==, 3);
  g_assert_cmpstr (g_array_index (kits, MkImportField, 0).name, ==, "kit_code");
  g_assert_null (nothing);

  /* Every kind the import takes has its fields. */
  for (const char *const *what = mk_import_get_kinds (); *what != NULL; what++)
    {
      g_autoptr (GArray) fields = mk_import_get_fields (*what);

      g_test_message ("kind %s", *what);
      g_assert_nonnull (fields);
      g_assert_cmpuint (fields->len, >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/import-preview/csv", MkFixture, NULL, mk_fixture_set_up, test_csv, mk_fixture_tear_down);
  g_test_add ("/import-preview/bad-files", MkFixture, NULL, mk_fixture_set_up, test_bad_files,
              mk_fixture_tear_down);
  g_test_add_func ("/import-preview/fields", test_fields);
  return g_test_run ();
}
