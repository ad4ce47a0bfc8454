/* test-cli-report.c: "makhzan-cli report" on a demo mission — every kind
 * writes a workbook that opens as a zip archive, and bad input fails with
 * one line naming the problem and leaves no file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "mk-cli-test.h"

static void
set_up (MkCliTest    *fixture,
        gconstpointer data)
{
  mk_cli_test_set_up (fixture, "makhzan-cli-report-XXXXXX", "Amal Tarhuni", "Programme officer");
  /* A small mission: distributions, services, waybills and losses. */
  mk_cli_test_run (fixture, "demo", "--movements", "5000", NULL);
  g_assert_cmpint (fixture->status, ==, 0);
}

/* A file that starts as an xlsx (zip) archive does. */
static void
assert_workbook (const char *path)
{
  g_autofree char *contents = NULL;
  gsize            length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (contents[0] == 'P' && contents[1] == 'K');
}

static void
test_every_kind (MkCliTest    *fixture,
                 gconstpointer data)
{
  const char *kinds[][4] = {
    { "stock", NULL, NULL, NULL },
    { "stock-card", "--warehouse=TRP-MAIN", "--item=HK-FAM", NULL },
    { "distributions", NULL, NULL, NULL },
    { "donor", "--grant=ECHO-2025-LY-01", NULL, NULL },
    { "5w", "--lang=ar", NULL, NULL },
    { "waybills", "--warehouse=TRP-MAIN", NULL, NULL },
    { "losses", NULL, NULL, NULL },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *name = g_strdup_printf ("%s.xlsx", kinds[k][0]);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *out = g_strdup_printf ("--out=%s", path);
      const char      *args[8] = { "report", kinds[k][0], out, "--from=2024-01-01", "--to=2026-12-31", NULL };
      guint            n = 5;

      for (guint a = 1; a < 4 && kinds[k][a] != NULL; a++)
        args[n++] = kinds[k][a];
      args[n] = NULL;
      mk_cli_test_run_args (fixture, args);
      mk_cli_test_assert_ok (fixture, name);
      assert_workbook (path);
    }
}

static void
test_bad_input (MkCliTest    *fixture,
                gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.xlsx", NULL);
  g_autofree char *out = g_strdup_printf ("--out=%s", path);
  g_autofree char *missing = g_strdup_printf ("--out=%s/no-such-folder/out.xlsx", fixture->dir);

  mk_cli_test_run (fixture, "report", "distributions", "--from=2026-03-31", "--to=2026-03-01", out, NULL);
  mk_cli_test_assert_fails (fixture, 1, "2026-03-01", "2026-03-31", NULL);
  mk_cli_test_run (fixture, "report", "donor", "--grant=NOPE-2026", out, NULL);
  mk_cli_test_assert_fails (fixture, 1, "NOPE-2026", NULL);
  mk_cli_test_run (fixture, "report", "stock", "--warehouse=NOWHERE", out, NULL);
  mk_cli_test_assert_fails (fixture, 1, "NOWHERE", NULL);
  mk_cli_test_run (fixture, "report", "donor", out, NULL);
  mk_cli_test_assert_fails (fixture, 1, "grant", NULL);
  mk_cli_test_run (fixture, "report", "losses", missing, NULL);
  mk_cli_test_assert_fails (fixture, 1, "no-such-folder", NULL);
  mk_cli_test_run (fixture, "report", "everything", out, NULL);
  mk_cli_test_assert_fails (fixture, 2, "everything", "5w", NULL);
  mk_cli_test_run (fixture, "report", "losses", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--out", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-report/every-kind", MkCliTest, NULL, set_up, test_every_kind, mk_cli_test_tear_down);
  g_test_add ("/cli-report/bad-input", MkCliTest, NULL, set_up, test_bad_input, mk_cli_test_tear_down);
  return g_test_run ();
}
