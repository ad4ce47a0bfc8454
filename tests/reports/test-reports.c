/* test-reports.c: the Excel workbooks, written from a small mission and read
 * back.
 *
 * The C side posts the mission through the core, writes every kind of
 * workbook through mk_report_write(), computes what they must say from the
 * core's own API (ledger balances, mk_distributions_reached) and hands both
 * to check-workbooks.py, which opens each workbook with openpyxl and every
 * entry of its archive as text. Row sets are checked here directly, and the
 * bad input: nothing may be left under the final name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "makhzan-reports.h"
#include "mk-test-ledger.h"

#define SENSITIVE_CODE "GAN-DC"
#define SENSITIVE_EN "Ganfouda"
#define SENSITIVE_AR "قنفودة"

/* The mission ----------------------------------------------------------- */

/* What the items are worth: dollars, and the hygiene kit bought in Libya,
 * in dinars, so that every report has two currencies to keep apart. */
static const struct
{
  const char *item;
  const char *unit_value;
  const char *currency;
  gint64      milli; /* the unit value in thousandths, as stored */
} item_values[] = {
  { "SOAP", "0.45", "USD", 450 },
  { "BLANKET", "9.50", "USD", 9500 },
  { "HYG-KIT", "12.750", "LYD", 12750 },
  { "TOOTHPASTE", "0.60", "USD", 600 },
};

static void
set_item_values (MkFixture *fixture)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (item_values); i++)
    {
      g_autoptr (MkRecord) item = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), item_values[i].item, &error);

      g_assert_no_error (error);
      mk_record_set_text (item, "unit_value", item_values[i].unit_value, &error);
      mk_record_set_text (item, "currency", item_values[i].currency, &error);
      g_assert_no_error (error);
      mk_master_data_update (fixture->db, item, &error);
      g_assert_no_error (error);
    }
}

static gint64
unit_value_of (const char  *item,
               const char **currency)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_values); i++)
    if (g_str_equal (item_values[i].item, item))
      {
        *currency = item_values[i].currency;
        return item_values[i].milli;
      }
  g_error ("no unit value for %s", item);
}

static void
post_mission (MkFixture *fixture)
{
  g_autoptr (MkRecord) one = NULL, two = NULL;
  g_autoptr (MkDocument) damaged = NULL, counted = NULL, listed = NULL, water = NULL;
  g_autofree char *to_site = NULL, *to_dc = NULL;

  mk_test_add_people_catalogue (fixture);
  set_item_values (fixture);
  g_object_unref (mk_test_receive (fixture, "2026-01-05", "BEN-MAIN", "SOAP", 1000, NULL, NULL, "ECHO-2026"));
  g_object_unref (mk_test_receive (fixture, "2026-01-05", "BEN-MAIN", "BLANKET", 500, NULL, NULL, "BHA-2026"));
  g_object_unref (mk_test_receive (fixture, "2026-01-06", "BEN-MAIN", "HYG-KIT", 200, NULL, NULL, "ECHO-2026"));
  g_object_unref (mk_test_receive (fixture, "2026-01-06", "BEN-MAIN", "TOOTHPASTE", 100, "TP-1", "2026-05-31", "ECHO-2026"));

  damaged = mk_test_document_new (MK_DOCUMENT_ADJUSTMENT, "date", "2026-02-10", "warehouse", "BEN-MAIN",
                                  "reason", "damaged", NULL);
  mk_test_add_line (damaged, "SOAP", -20, "grant", "ECHO-2026", NULL);
  mk_test_post (fixture, damaged);

  /* Waybills to an urban community and to the detention centre. */
  to_site = mk_test_deliver_to_site (fixture, "2026-02-12", "BEN-MAIN", "KUF-UC", "BLANKET", 50, "BHA-2026",
                                     "2026-02-13", 2);
  to_dc = mk_test_deliver_to_site (fixture, "2026-02-14", "BEN-MAIN", SENSITIVE_CODE, "SOAP", 100, "ECHO-2026",
                                   "2026-02-15", 0);

  /* People counted at the detention centre. */
  counted = mk_test_document_new (MK_DOCUMENT_DISTRIBUTION, "date", "2026-03-01", "site", SENSITIVE_CODE,
                                  "warehouse", "BEN-MAIN", "population_group", "migrants", "grant", "ECHO-2026",
                                  "activity", "nfi_distribution", "indicator", "people_nfi", "partner", "LRC",
                                  NULL);
  mk_test_add_line (counted, "BLANKET", 30, "grant", "BHA-2026", NULL);
  mk_test_add_line (counted, "HYG-KIT", 10, "grant", "ECHO-2026", NULL);
  mk_test_set_counts (counted, "female_18_59", "12", "male_18_59", "10", "female_0_4", "3", "male_5_11", "2",
                      "female_60", "1", "male_60", "2", "disabled", "2", "households", "9", "total", "30", NULL);
  mk_test_post (fixture, counted);

  /* A household list in the urban community. */
  one = mk_test_add_household (fixture, "HH-001", "KUF-UC", "idps", "2026-01-15", "female_18_59", "1",
                               "male_18_59", "1", "female_0_4", "1", NULL);
  two = mk_test_add_household (fixture, "HH-002", "KUF-UC", "idps", "2026-01-15", "female_18_59", "1",
                               "male_18_59", "1", "female_5_11", "2", "male_0_4", "1", "disabled", "1", NULL);
  listed = mk_test_document_new (MK_DOCUMENT_DISTRIBUTION, "date", "2026-03-15", "site", "KUF-UC",
                                 "warehouse", "BEN-MAIN", "population_group", "idps", "grant", "ECHO-2026",
                                 "activity", "hygiene_distribution", "indicator", "people_hygiene", NULL);
  mk_test_add_receipt (listed, "HH-001", "HYG-KIT", 3, NULL);
  mk_test_add_receipt (listed, "HH-002", "HYG-KIT", 5, NULL);
  mk_test_post (fixture, listed);

  water = mk_test_document_new (MK_DOCUMENT_SERVICE, "date", "2026-03-20", "end_date", "2026-03-25",
                                "site", "KUF-UC", "activity", "water_trucking", "quantity", "5000",
                                "population_group", "idps", "grant", "ECHO-2026", "indicator", "people_water",
                                NULL);
  mk_test_set_counts (water, "female_18_59", "6", "male_18_59", "6", "total", "12", NULL);
  mk_test_post (fixture, water);
}

static void
mission_set_up (MkFixture    *fixture,
                gconstpointer data)
{
  mk_ledger_fixture_set_up (fixture, data);
  post_mission (fixture);
}

/* Helpers ------------------------------------------------------------------ */

static char *
write_report (MkFixture             *fixture,
              const MkReportOptions *options,
              const char            *name)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (mk_report_write (fixture->db, options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* The folder holds nothing but the fixture's database (test.makhzan) and
 * what @keep names. */
static void
assert_no_leftovers (const char        *dir,
                     const char *const *keep)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      /* The database, its WAL and shared memory. */
      if (g_str_has_prefix (name, "test.makhzan"))
        continue;
      if (keep != NULL && g_strv_contains (keep, name))
        continue;
      g_error ("%s was left in the folder", name);
    }
}

/* Row sets -------------------------------------------------------------- */

static void
test_stock_rows_equal_ledger (MkFixture    *fixture,
                              gconstpointer data)
{
  MkReportOptions options = { MK_REPORT_STOCK, .warehouse_code = "BEN-MAIN", .from = "2026-01-01",
                              .to = "2026-03-31", .language = "en", .today = "2026-03-31" };
  g_autoptr (GError) error = NULL;
  g_autoptr (MkRowSet) set = mk_row_set_collect (fixture->db, MK_TABLE_STOCK_MONTH, &options, &error);
  gint  month, item, grant, opening, closing, expiring, currency, value;
  guint checked = 0;

  g_assert_no_error (error);
  month = mk_row_set_find_column (set, "month");
  item = mk_row_set_find_column (set, "item_code");
  grant = mk_row_set_find_column (set, "grant");
  opening = mk_row_set_find_column (set, "opening");
  closing = mk_row_set_find_column (set, "closing");
  expiring = mk_row_set_find_column (set, "expiring_3");
  currency = mk_row_set_find_column (set, "currency");
  value = mk_row_set_find_column (set, "value");
  g_assert_cmpint (month, >=, 0);
  g_assert_cmpint (value, >, currency);
  g_assert_cmpint (closing, >, opening);

  for (guint r = 0; r < mk_row_set_get_n_rows (set); r++)
    {
      const MkCell    *cells = mk_row_set_get_row (set, r);
      g_autofree char *first = g_strdup_printf ("%s-01", cells[month].text);
      g_autofree char *last = NULL;
      g_autofree char *before = NULL;
      GDate            day;

      /* The month's last day, and the day before it, from the ledger's
       * balances as of them. */
      g_date_clear (&day, 1);
      g_date_set_parse (&day, first);
      last = g_strdup_printf ("%s-%02u", cells[month].text,
                              g_date_get_days_in_month (g_date_get_month (&day), g_date_get_year (&day)));
      const char *item_currency = NULL;
      gint64      milli = unit_value_of (cells[item].text, &item_currency);

      g_date_subtract_days (&day, 1);
      before = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
      g_assert_cmpint (cells[opening].number, ==,
                       mk_test_balance (fixture, "BEN-MAIN", cells[item].text, NULL, cells[grant].text, before));
      g_assert_cmpint (cells[closing].number, ==,
                       mk_test_balance (fixture, "BEN-MAIN", cells[item].text, NULL, cells[grant].text, last));
      if (g_str_equal (cells[item].text, "TOOTHPASTE") && g_str_equal (cells[month].text, "2026-03"))
        g_assert_cmpint (cells[expiring].number, ==, 100); /* expires 2026-05-31 */
      /* The closing value is the closing balance times the unit value. */
      g_assert_cmpstr (cells[currency].text, ==, item_currency);
      g_assert_cmpint (cells[value].number, ==, cells[closing].number * milli);
      checked++;
    }
  /* SOAP, BLANKET, HYG-KIT and TOOTHPASTE, three months each. */
  g_assert_cmpuint (checked, ==, 12);
}

/* Workbooks, read back ------------------------------------------------------ */

static void
test_workbooks (MkFixture    *fixture,
                gconstpointer data)
{
  const char      *python = "/usr/bin/python3";
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-workbooks.py", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) expect = g_string_new (NULL);
  g_autofree char *out = NULL, *err = NULL;
  MkPeopleCounts   reached;
  int              status = 0;
  const char      *argv[4] = { python, script, NULL, NULL };
  struct
  {
    MkReportKind kind;
    const char  *language;
    const char  *grant;
    const char  *from;
    const char  *to;
    const char  *file;
  } runs[] = {
    { MK_REPORT_STOCK, "en", NULL, "2026-01-01", "2026-03-31", "stock.xlsx" },
    { MK_REPORT_STOCK_CARD, "en", NULL, "2026-01-01", "2026-03-31", "card.xlsx" },
    { MK_REPORT_DISTRIBUTIONS, "en", NULL, "2026-01-01", "2026-03-31", "distributions.xlsx" },
    { MK_REPORT_DONOR, "en", "ECHO-2026", NULL, NULL, "donor.xlsx" },
    { MK_REPORT_DONOR, "ar", "ECHO-2026", NULL, NULL, "donor-ar.xlsx" },
    { MK_REPORT_5W, "en", NULL, "2026-01-01", "2026-03-31", "5w.xlsx" },
    { MK_REPORT_5W, "ar", NULL, "2026-01-01", "2026-03-31", "5w-ar.xlsx" },
    { MK_REPORT_WAYBILLS, "en", NULL, "2026-01-01", "2026-03-31", "waybills.xlsx" },
    { MK_REPORT_LOSSES, "en", NULL, "2026-01-01", "2026-03-31", "losses.xlsx" },
    { MK_REPORT_DISTRIBUTIONS, "en", NULL, "2025-01-01", "2025-01-31", "empty.xlsx" },
  };

  if (!g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 with openpyxl is needed to read the workbooks back");
      return;
    }

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      MkReportOptions  options = { runs[r].kind, .grant_code = runs[r].grant, .from = runs[r].from,
                                   .to = runs[r].to, .language = runs[r].language, .today = "2026-03-31" };
      g_autofree char *path = NULL;

      if (runs[r].kind == MK_REPORT_STOCK_CARD)
        {
          options.warehouse_code = "BEN-MAIN";
          options.item_code = "SOAP";
        }
      path = write_report (fixture, &options, runs[r].file);
    }

  /* What the workbooks must say, from the core's own API. */
  g_assert_true (mk_distributions_reached (fixture->db, NULL, NULL, "2026-01-01", "2026-03-31", &reached, &error));
  g_assert_no_error (error);
  g_string_append_printf (expect, "{\"dir\": \"%s\", \"reached\": %" G_GINT64_FORMAT ",", fixture->dir,
                          mk_people_counts_sum (&reached));
  g_assert_true (mk_distributions_reached (fixture->db, "ECHO-2026", NULL, "2026-01-01", "2026-12-31", &reached, &error));
  g_string_append_printf (expect, " \"reached_echo\": %" G_GINT64_FORMAT ",", mk_people_counts_sum (&reached));
  g_string_append_printf (expect, " \"soap_closing_march\": %" G_GINT64_FORMAT ",",
                          mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, "ECHO-2026", "2026-03-31"));
  g_string_append (expect, " \"values\": {");
  for (guint i = 0; i < G_N_ELEMENTS (item_values); i++)
    g_string_append_printf (expect, "%s\"%s\": [%" G_GINT64_FORMAT ", \"%s\"]", i ? ", " : "", item_values[i].item,
                            item_values[i].milli, item_values[i].currency);
  g_string_append (expect, "},");
  g_string_append_printf (expect, " \"sensitive\": [\"%s\", \"%s\", \"%s\"], \"arabic_item\": \"%s\",",
                          SENSITIVE_CODE, SENSITIVE_EN, SENSITIVE_AR, "حقيبة النظافة الشخصية");
  /* The Arabic workbooks' words, from the build's catalogue. */
  g_string_append_printf (expect, " \"readme_ar\": \"%s\", \"total_ar\": \"%s\", \"header_ar\": \"%s\"}",
                          mk_report_text ("ar", "ReadMe"), mk_report_text ("ar", "Total"),
                          mk_report_text ("ar", "Individuals reached"));
  argv[2] = expect->str;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-workbooks.py failed:\n%s%s", out, err);
  g_test_message ("%s", out);
}

/* Bad input ---------------------------------------------------------------- */

static void
assert_refused (MkFixture             *fixture,
                const MkReportOptions *options,
                const char            *path,
                GQuark                 domain,
                gint                   code,
                const char            *mention)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (mk_report_write (fixture->db, options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, domain, code);
  if (mention != NULL)
    mk_test_assert_mentions (error, mention, NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_input (MkFixture    *fixture,
                gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.xlsx", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "out.xlsx", NULL);
  g_autofree char *locked_dir = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *locked = g_build_filename (locked_dir, "out.xlsx", NULL);
  MkReportOptions  backwards = { MK_REPORT_DISTRIBUTIONS, .from = "2026-03-31", .to = "2026-03-01" };
  MkReportOptions  no_grant = { MK_REPORT_DONOR, .grant_code = "NOPE-2026" };
  MkReportOptions  no_warehouse = { MK_REPORT_STOCK, .warehouse_code = "NOWHERE" };
  MkReportOptions  donor_alone = { MK_REPORT_DONOR };
  MkReportOptions  bad_date = { MK_REPORT_5W, .from = "2026-02-30" };
  MkReportOptions  bad_language = { MK_REPORT_5W, .language = "fr" };
  MkReportOptions  fine = { MK_REPORT_LOSSES, .from = "2026-01-01", .to = "2026-03-31" };
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  assert_refused (fixture, &backwards, path, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID, "before it starts");
  assert_refused (fixture, &no_grant, path, MK_REPORT_ERROR, MK_REPORT_ERROR_NOT_FOUND, "NOPE-2026");
  assert_refused (fixture, &no_warehouse, path, MK_REPORT_ERROR, MK_REPORT_ERROR_NOT_FOUND, "NOWHERE");
  assert_refused (fixture, &donor_alone, path, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID, "grant");
  assert_refused (fixture, &bad_date, path, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID, "2026-02-30");
  assert_refused (fixture, &bad_language, path, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID, "fr");
  assert_refused (fixture, &fine, missing, MK_REPORT_ERROR, MK_REPORT_ERROR_WRITE, "no-such-folder");

  /* A read-only folder (root ignores the rights: then there is nothing to
   * refuse). */
  g_assert_cmpint (g_mkdir (locked_dir, 0555), ==, 0);
  if (g_access (locked_dir, W_OK) != 0)
    assert_refused (fixture, &fine, locked, MK_REPORT_ERROR, MK_REPORT_ERROR_WRITE, "read-only");
  g_chmod (locked_dir, 0755);
  g_rmdir (locked_dir);

  /* Cancelled: no file, no temporary file. */
  g_cancellable_cancel (cancelled);
  g_assert_false (mk_report_write (fixture->db, &fine, path, NULL, NULL, cancelled, &error));
  g_assert_error (error, MK_REPORT_ERROR, MK_REPORT_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_leftovers (fixture->dir, NULL);
}

/* A disk that fills: the process may write only a few kilobytes more. */
static void
test_disk_full (MkFixture    *fixture,
                gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "full.xlsx", NULL);
  g_autofree char *existing = g_build_filename (fixture->dir, "kept.xlsx", NULL);

  if (g_test_subprocess ())
    {
      MkReportOptions options = { MK_REPORT_DISTRIBUTIONS, .from = "2026-01-01", .to = "2026-03-31" };
      g_autoptr (GError) error = NULL;
      struct rlimit limit = { 2048, 2048 };

      /* The workbook would replace a file that was there: it must stay. */
      g_assert_true (g_file_set_contents (existing, "before", -1, NULL));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (mk_report_write (fixture->db, &options, existing, NULL, NULL, NULL, &error));
      g_assert_error (error, MK_REPORT_ERROR, MK_REPORT_ERROR_WRITE);
      g_assert_false (mk_report_write (fixture->db, &options, path, NULL, NULL, NULL, NULL));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      {
        g_autofree char *contents = NULL;
        g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, "before");
      }
      {
        const char *keep[] = { "kept.xlsx", NULL };
        assert_no_leftovers (fixture->dir, keep);
      }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_kinds (void)
{
  MkReportKind kind;

  for (guint k = 0; k < MK_N_REPORT_KINDS; k++)
    {
      g_assert_true (mk_report_kind_from_name (mk_report_kind_get_name ((MkReportKind) k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_nonnull (mk_report_kind_get_title (kind));
      g_assert_nonnull (mk_report_kind_get_description (kind));
    }
  g_assert_false (mk_report_kind_from_name ("nonsense", &kind));
  g_assert_cmpint (mk_report_kind_get_needs (MK_REPORT_DONOR), ==, MK_REPORT_NEEDS_GRANT);
  g_assert_cmpstr (mk_report_text ("en", "Stock card"), ==, "Stock card");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* The build's catalogues, where the Arabic workbooks find their words. */
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reports/kinds", test_kinds);
  g_test_add ("/reports/stock-rows-equal-ledger", MkFixture, NULL, mission_set_up,
              test_stock_rows_equal_ledger, mk_ledger_fixture_tear_down);
  g_test_add ("/reports/workbooks", MkFixture, NULL, mission_set_up, test_workbooks,
              mk_ledger_fixture_tear_down);
  g_test_add ("/reports/bad-input", MkFixture, NULL, mission_set_up, test_bad_input,
              mk_ledger_fixture_tear_down);
  g_test_add ("/reports/disk-full", MkFixture, NULL, mission_set_up, test_disk_full,
              mk_ledger_fixture_tear_down);
  return g_test_run ();
}
