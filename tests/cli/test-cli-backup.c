/* test-cli-backup.c: backup, verify, restore, import from workbooks with a
 * preview and a mapping, export, through makhzan-cli.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mk-cli-test.h"

#define USER "Amal Storekeeper"
#define FUNCTION "Storekeeper"

static void
fixture_set_up (MkCliTest    *fixture,
                gconstpointer data)
{
  const char *donors = "code,name_en,name_ar\nECHO,European Civil Protection,المفوضية الأوروبية\n"
                       "BHA,USAID BHA,\n";

  mk_cli_test_set_up (fixture, "makhzan-cli-backup-XXXXXX", USER, FUNCTION);
  mk_cli_test_add_snapshot_list (fixture, "list", "donors", "--format", "tsv", NULL);
  mk_cli_test_add_snapshot_list (fixture, "list", "households", "--format", "tsv", NULL);
  mk_cli_test_run (fixture, "init", "--code", "BEN", "--number", "2", "--name", "Benghazi office", NULL);
  mk_cli_test_assert_ok (fixture, "BEN");
  g_free (mk_cli_test_write_file (fixture, "donors.csv", donors));
  mk_cli_test_run (fixture, "import", "donors", "donors.csv", NULL);
  mk_cli_test_assert_ok (fixture, "Imported 2 rows");
}

static char *
dump_of (MkCliTest  *fixture,
         const char *path)
{
  const char *args[] = { "--db", path, "dump", NULL };

  mk_cli_test_run_argv (fixture, args);
  mk_cli_test_assert_ok (fixture, NULL);
  return g_strdup (fixture->out);
}

static void
test_backup_verify_restore (MkCliTest    *fixture,
                            gconstpointer data)
{
  g_autofree char *restored = g_build_filename (fixture->dir, "restored.makhzan", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *snapshot = NULL;
  const char      *verify_json[] = { "--format", "json", "verify", "ben.mkbackup", NULL };

  before = dump_of (fixture, fixture->db);
  mk_cli_test_run (fixture, "backup", "--out", "ben.mkbackup", NULL);
  mk_cli_test_assert_ok (fixture, "Backed up 0 documents and 0 movements to ben.mkbackup.");

  mk_cli_test_run (fixture, "verify", "ben.mkbackup", NULL);
  mk_cli_test_assert_ok (fixture, "The backup is sound.");
  mk_cli_test_assert_out_has (fixture, "BEN");
  mk_cli_test_run_argv (fixture, verify_json);
  mk_cli_test_assert_ok (fixture, "\"office_code\": \"BEN\"");
  mk_cli_test_assert_json (fixture->out, '{');

  mk_cli_test_run (fixture, "restore", "ben.mkbackup", "--to", restored, NULL);
  mk_cli_test_assert_ok (fixture, "restored.makhzan; the database and its ledger check out.");
  after = dump_of (fixture, restored);
  g_assert_cmpstr (after, ==, before);

  /* Never over a file, least of all the database in use. */
  snapshot = mk_cli_test_snapshot (fixture);
  mk_cli_test_run (fixture, "restore", "ben.mkbackup", "--to", fixture->db, NULL);
  mk_cli_test_assert_fails (fixture, 1, "already exists", NULL);
  mk_cli_test_assert_unchanged (fixture, snapshot);
}

static void
test_refusals (MkCliTest    *fixture,
               gconstpointer data)
{
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *restored = g_build_filename (fixture->dir, "restored.makhzan", NULL);
  gsize            length;

  mk_cli_test_run (fixture, "backup", "--out", "ben.mkbackup", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  backup = g_build_filename (fixture->dir, "ben.mkbackup", NULL);
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  contents[length / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (backup, contents, length, NULL));
  snapshot = mk_cli_test_snapshot (fixture);

  mk_cli_test_run (fixture, "verify", "ben.mkbackup", NULL);
  mk_cli_test_assert_fails (fixture, 1, "ben.mkbackup", "damaged", NULL);
  mk_cli_test_run (fixture, "restore", "ben.mkbackup", "--to", restored, NULL);
  mk_cli_test_assert_fails (fixture, 1, "damaged", NULL);
  g_assert_false (g_file_test (restored, G_FILE_TEST_EXISTS));

  mk_cli_test_run (fixture, "verify", "donors.csv", NULL);
  mk_cli_test_assert_fails (fixture, 1, "not a Makhzan backup", NULL);
  mk_cli_test_run (fixture, "restore", fixture->db, "--to", restored, NULL);
  mk_cli_test_assert_fails (fixture, 1, "database file, not a backup", NULL);

  mk_cli_test_run (fixture, "backup", "--out", "no-such-folder/ben.mkbackup", NULL);
  mk_cli_test_assert_fails (fixture, 1, "no-such-folder", "does not exist", NULL);

  /* Command lines. */
  mk_cli_test_run (fixture, "backup", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--out", NULL);
  mk_cli_test_run (fixture, "restore", "ben.mkbackup", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--to", NULL);
  mk_cli_test_run (fixture, "backup", "--out", "x.mkbackup", "--keep", "3", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--keep", NULL);
  mk_cli_test_assert_unchanged (fixture, snapshot);
}

static void
test_scheduled (MkCliTest    *fixture,
                gconstpointer data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "usb", NULL);
  g_autoptr (GDir) dir = NULL;
  guint count = 0;

  for (guint i = 0; i < 3; i++)
    {
      mk_cli_test_run (fixture, "backup", "--folder", folder, "--keep", "2", NULL);
      mk_cli_test_assert_ok (fixture, "BEN-");
    }
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;
  g_assert_cmpuint (count, ==, 2);
}

/* Import and export -------------------------------------------------------------------- */

static void
test_export_import_round_trip (MkCliTest    *fixture,
                               gconstpointer data)
{
  const char      *households = "code,population_group,size,female_18_59,male_0_4,vulnerabilities,registered_on,"
                                "head_name\r\n"
                                "BEN-1,migrants,2,1,1,أرملة،طفل,2026-03-01,Fatima\r\n"
                                "BEN-2,refugees,1,1,0,,2026-03-02,\r\n";
  g_autofree char *other = g_build_filename (fixture->dir, "other.makhzan", NULL);
  g_autofree char *first_csv = NULL;
  g_autofree char *second_csv = NULL;
  const char      *init_other[] = { "--db", other, "init", "--code", "TRP", "--number", "1", "--name", "Tripoli", NULL };
  const char      *import_other[] = { "--db", other, "import", "households", "households.xlsx", NULL };
  const char      *export_other[] = { "--db", other, "export", "households", "--out", "again.csv", NULL };

  g_free (mk_cli_test_write_file (fixture, "households.csv", households));
  mk_cli_test_run (fixture, "office", "personal-data", "on", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "import", "households", "households.csv", NULL);
  mk_cli_test_assert_ok (fixture, "Imported 2 rows");

  mk_cli_test_run (fixture, "export", "households", "--out", "households.xlsx", NULL);
  mk_cli_test_assert_ok (fixture, "Exported 2 rows to households.xlsx.");
  mk_cli_test_run (fixture, "export", "households", "--out", "households-out.csv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);

  mk_cli_test_run_argv (fixture, init_other);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run_argv (fixture, import_other);
  mk_cli_test_assert_ok (fixture, "Imported 2 rows from households.xlsx.");
  mk_cli_test_run_argv (fixture, export_other);
  mk_cli_test_assert_ok (fixture, NULL);

  {
    g_autofree char *first_path = g_build_filename (fixture->dir, "households-out.csv", NULL);
    g_autofree char *second_path = g_build_filename (fixture->dir, "again.csv", NULL);

    g_assert_true (g_file_get_contents (first_path, &first_csv, NULL, NULL));
    g_assert_true (g_file_get_contents (second_path, &second_csv, NULL, NULL));
  }
  g_assert_cmpstr (first_csv, ==, second_csv);
  /* Names of people never leave. */
  g_assert_null (strstr (first_csv, "Fatima"));
  g_assert_nonnull (strstr (first_csv, "أرملة،طفل"));

  mk_cli_test_run (fixture, "export", "households", "--out", "list.txt", NULL);
  mk_cli_test_assert_fails (fixture, 2, ".csv", ".xlsx", NULL);
}

static void
test_preview_and_mapping (MkCliTest    *fixture,
                          gconstpointer data)
{
  const char      *bad = "Card;Group;People;Women;Date\r\n"
                         "C-1;migrants;3;1;01/03/2026\r\n"
                         "C-2;martians;1;1;01/03/2026\r\n"
                         "C-3;migrants;1;1;31/02/2026\r\n";
  const char      *good = "Card;Group;People;Women;Date\r\nC-1;migrants;1;1;01/03/2026\r\n";
  const char      *map = "code=Card\npopulation_group=Group\nsize=People\nfemale_18_59=Women\nregistered_on=Date\n";
  g_autofree char *snapshot = NULL;

  g_free (mk_cli_test_write_file (fixture, "bad.csv", bad));
  g_free (mk_cli_test_write_file (fixture, "good.csv", good));
  g_free (mk_cli_test_write_file (fixture, "map.txt", map));
  snapshot = mk_cli_test_snapshot (fixture);

  /* Without the mapping the columns are unknown. */
  mk_cli_test_run (fixture, "import", "households", "good.csv", "--dry-run", NULL);
  mk_cli_test_assert_fails (fixture, 1, "Card", NULL);

  /* The preview lists every problem by line and column, writes nothing. */
  mk_cli_test_run (fixture, "import", "households", "bad.csv", "--map", "map.txt", "--dry-run", NULL);
  g_assert_cmpint (fixture->status, ==, 1);
  mk_cli_test_assert_out_has (fixture, "bad.csv, line 2, column 3");
  mk_cli_test_assert_out_has (fixture, "bad.csv, line 3, column 2");
  mk_cli_test_assert_out_has (fixture, "bad.csv, line 4, column 5");
  g_assert_nonnull (strstr (fixture->err, "2 more problems"));
  mk_cli_test_assert_unchanged (fixture, snapshot);

  mk_cli_test_run (fixture, "import", "households", "good.csv", "--map", "map.txt", "--dry-run", NULL);
  mk_cli_test_assert_ok (fixture, "good.csv: 1 row can be imported, with no problem; nothing was written.");
  mk_cli_test_assert_unchanged (fixture, snapshot);

  mk_cli_test_run (fixture, "import", "households", "good.csv", "--map", "map.txt", NULL);
  mk_cli_test_assert_ok (fixture, "Imported 1 row from good.csv.");
  mk_cli_test_run (fixture, "show", "household", "C-1", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "2026-03-01");

  mk_cli_test_run (fixture, "import", "households", "good.csv", "--map", "missing-map.txt", NULL);
  mk_cli_test_assert_fails (fixture, 1, "missing-map.txt", NULL);
  mk_cli_test_run (fixture, "import", "households", "good.csv", "--sheet", "List", NULL);
  mk_cli_test_assert_fails (fixture, 1, "Card", NULL);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, MkCliTest, NULL, fixture_set_up, func, mk_cli_test_tear_down)
  ADD ("/cli/backup/backup-verify-restore", test_backup_verify_restore);
  ADD ("/cli/backup/refusals", test_refusals);
  ADD ("/cli/backup/scheduled", test_scheduled);
  ADD ("/cli/import/export-import-round-trip", test_export_import_round_trip);
  ADD ("/cli/import/preview-and-mapping", test_preview_and_mapping);
#undef ADD

  return g_test_run ();
}
