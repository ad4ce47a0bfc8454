/* test-cli-people.c: people reached through makhzan-cli.
 *
 * Each test runs the program (MAKHZAN_CLI) with g_spawn_sync in a temporary
 * folder, from "init" and a small catalogue: households registered and
 * refused, the office's rule on personal data, distributions with counts
 * and with household lists, entitlement rules broken and overridden,
 * service deliveries, the unique people reached and a site's
 * reconciliation. After every refused command the database must be exactly
 * as it was: the test compares "dump", the document list, the stock and the
 * audit log before and after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "mk-cli-test.h"

#define USER "Test Programme Officer"
#define FUNCTION "Programme officer"

/* Fixtures ---------------------------------------------------------------- */

static void
fixture_set_up (MkCliTest    *fixture,
                gconstpointer data)
{
  mk_cli_test_set_up (fixture, "makhzan-cli-people-XXXXXX", USER, FUNCTION);
  mk_cli_test_add_snapshot_list (fixture, "doc", "list", "--format", "tsv", NULL);
  mk_cli_test_add_snapshot_list (fixture, "stock", "--format", "tsv", NULL);

  mk_cli_test_run (fixture, "init", "--code", "BEN", "--number", "2", "--name", "Benghazi office",
                   NULL);
  mk_cli_test_assert_ok (fixture, "BEN");
}

/* A warehouse and a site in Benghazi, hygiene kits and blankets received
 * under a grant, and a second site elsewhere. */
static void
add_catalogue (MkCliTest *fixture)
{
  mk_cli_test_run (fixture, "add", "warehouse", "--code", "BEN-MAIN", "--name_en",
                   "Benghazi main warehouse", "--type", "main", "--baladiya", "LY010304", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "site", "--code", "GAN", "--name_en", "Ganfouda", "--type",
                   "detention_centre", "--baladiya", "LY010304", "--sensitive", "yes", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "site", "--code", "BEN-URB", "--name_en",
                   "Benghazi urban community", "--type", "urban_community", "--baladiya",
                   "LY010304", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "item", "--code", "HK", "--name_en", "Hygiene kit", "--name_ar",
                   "حقيبة نظافة", "--category", "wash", "--unit", "kit", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "item", "--code", "BLK", "--name_en", "Blanket", "--category",
                   "nfi", "--unit", "piece", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "donor", "--code", "ECHO", "--name_en", "ECHO", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "grant", "--code", "ECHO-2026", "--donor", "ECHO", "--name_en",
                   "ECHO 2026", "--start_date", "2026-01-01", "--end_date", "2026-12-31",
                   "--sector", "WSH", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "doc", "new", "grn", "--date", "2026-03-01", "--warehouse", "BEN-MAIN",
                   "--source", "donation", "--line", "HK=500:grant=ECHO-2026", "--line",
                   "BLK=300:grant=ECHO-2026", "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-GRN-2026-00001.\n");
}

/* Three households of the urban community, with the members' sex and age:
 * HH-001 five people, HH-002 three, HH-003 two. */
static void
add_households (MkCliTest *fixture)
{
  mk_cli_test_run (fixture, "add", "household", "--code", "HH-001", "--site", "BEN-URB",
                   "--population-group", "idps", "--size", "5", "--female-18-59", "1",
                   "--male_18_59", "1", "--female-0-4", "1", "--male-5-11", "2", "--disabled", "1",
                   "--registered-on", "2026-02-01", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Added household HH-001.\n");
  mk_cli_test_run (fixture, "add", "household", "--code", "HH-002", "--site", "BEN-URB",
                   "--population-group", "idps", "--size", "3", "--female-18-59", "1",
                   "--female-60", "1", "--male-12-17", "1", "--registered-on", "2026-02-01", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "household", "--code", "HH-003", "--site", "BEN-URB",
                   "--population-group", "returnees", "--size", "2", "--male-18-59", "1",
                   "--male-60", "1", "--registered-on", "2026-02-20", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
}

/* The number in the TSV record's column @name. */
static gint64
tsv_value (MkCliTest  *fixture,
           const char *name)
{
  g_auto (GStrv) lines = g_strsplit (fixture->out, "\n", -1);
  g_auto (GStrv) header = NULL;
  g_auto (GStrv) values = NULL;

  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  header = g_strsplit (lines[0], "\t", -1);
  values = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (header), ==, g_strv_length (values));
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return g_ascii_strtoll (values[i], NULL, 10);
  g_test_message ("no column “%s” in:\n%s", name, fixture->out);
  g_assert_not_reached ();
  return 0;
}

/* "reached --from 2026-01-01 --to 2026-12-31 --format tsv", for @grant and
 * @indicator if not NULL. */
static void
reached (MkCliTest  *fixture,
         const char *grant,
         const char *indicator)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "reached");
  g_ptr_array_add (args, (gpointer) "--from");
  g_ptr_array_add (args, (gpointer) "2026-01-01");
  g_ptr_array_add (args, (gpointer) "--to");
  g_ptr_array_add (args, (gpointer) "2026-12-31");
  if (grant != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--grant");
      g_ptr_array_add (args, (gpointer) grant);
    }
  if (indicator != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--indicator");
      g_ptr_array_add (args, (gpointer) indicator);
    }
  g_ptr_array_add (args, (gpointer) "--format");
  g_ptr_array_add (args, (gpointer) "tsv");
  g_ptr_array_add (args, NULL);
  mk_cli_test_run_args (fixture, (const char *const *) args->pdata);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out,
                                            "grant\tindicator\tfrom\tto\tfemale_0_4\t"),
                    ==, 1);
}

/* Runs the NULL-terminated command, which must fail with @status naming
 * @text, and leave the database as it was. */
static void G_GNUC_NULL_TERMINATED
assert_refused (MkCliTest  *fixture,
                int         status,
                const char *text,
                ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *before = mk_cli_test_snapshot (fixture);
  const char      *arg;
  va_list          ap;

  va_start (ap, text);
  for (arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  mk_cli_test_run_args (fixture, (const char *const *) args->pdata);
  g_test_message ("%s: %s", (const char *) args->pdata[0], fixture->err);
  mk_cli_test_assert_fails (fixture, status, text, NULL);
  mk_cli_test_assert_unchanged (fixture, before);
}

#define DISTRIBUTION_HEAD(date)                                                             \
  "doc", "new", "distribution", "--date", date, "--site", "GAN", "--warehouse", "BEN-MAIN", \
      "--population-group", "migrants", "--grant", "ECHO-2026"
#define HOUSEHOLD_LIST_HEAD(date)                                                               \
  "doc", "new", "distribution", "--date", date, "--site", "BEN-URB", "--warehouse", "BEN-MAIN", \
      "--population-group", "idps", "--grant", "ECHO-2026", "--indicator", "people_hygiene"

/* Help and usage ------------------------------------------------------------ */

static void
test_help (MkCliTest    *fixture,
           gconstpointer data)
{
  mk_cli_test_run (fixture, "--help", NULL);
  mk_cli_test_assert_ok (fixture, "reached");
  mk_cli_test_assert_out_has (fixture, "reconcile");
  mk_cli_test_assert_out_has (fixture, "households");
  mk_cli_test_assert_out_has (fixture, "office");

  mk_cli_test_run (fixture, "doc", "new", "distribution", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--female_0_4");
  mk_cli_test_assert_out_has (fixture, "--male_60");
  mk_cli_test_assert_out_has (fixture, "--unaccompanied");
  mk_cli_test_assert_out_has (fixture, "--total");
  mk_cli_test_assert_out_has (fixture, "--households-file");
  mk_cli_test_assert_out_has (fixture, "--site");
  mk_cli_test_assert_out_has (fixture, "--population_group");
  mk_cli_test_run (fixture, "doc", "new", "service", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--female_18_59");
  mk_cli_test_assert_out_has (fixture, "--activity");
  mk_cli_test_assert_out_lacks (fixture, "--households-file");
  mk_cli_test_run (fixture, "doc", "new", "grn", "--help", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_assert_out_lacks (fixture, "--female_0_4");
  mk_cli_test_run (fixture, "doc", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "check");
  mk_cli_test_assert_out_has (fixture, "distribution");
  mk_cli_test_run (fixture, "add", "household", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--registered_on");
  mk_cli_test_run (fixture, "add", "entitlement", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--interval_days");
  mk_cli_test_run (fixture, "reached", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--indicator");
  mk_cli_test_run (fixture, "reconcile", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--site");

  /* Usage errors exit with 2. */
  mk_cli_test_run (fixture, "reached", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--from", "--to", NULL);
  mk_cli_test_run (fixture, "reached", "--from", "2026-01-01", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--to", NULL);
  mk_cli_test_run (fixture, "reached", "--from", "2026-01-01", "--to", "2026-12-31", "extra", NULL);
  mk_cli_test_assert_fails (fixture, 2, "extra", NULL);
  mk_cli_test_run (fixture, "reconcile", "--from", "2026-01-01", "--to", "2026-12-31", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--site", NULL);
  mk_cli_test_run (fixture, "households", NULL);
  mk_cli_test_assert_fails (fixture, 2, "households", NULL);
  mk_cli_test_run (fixture, "households", "merge", NULL);
  mk_cli_test_assert_fails (fixture, 2, "merge", "duplicates", NULL);
  mk_cli_test_run (fixture, "office", "colour", NULL);
  mk_cli_test_assert_fails (fixture, 2, "colour", "personal-data", NULL);
  mk_cli_test_run (fixture, "office", "personal-data", "maybe", NULL);
  mk_cli_test_assert_fails (fixture, 2, "maybe", NULL);
  mk_cli_test_run (fixture, "doc", "check", NULL);
  mk_cli_test_assert_fails (fixture, 2, "doc check", NULL);
  mk_cli_test_run (fixture, "doc", "new", "distribution", "--households-file", "hh.csv",
                   "--female-0-4", "1", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--households-file", NULL);
  mk_cli_test_run (fixture, "doc", "new", "grn", "--female-0-4", "1", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--female-0-4", NULL);

  /* A date that is not one is not a usage error but a bad value. */
  mk_cli_test_run (fixture, "reached", "--from", "2026-02-30", "--to", "2026-12-31", NULL);
  mk_cli_test_assert_fails (fixture, 1, "--from", NULL);
}

/* Households and personal data ------------------------------------------------ */

static void
test_households (MkCliTest    *fixture,
                 gconstpointer data)
{
  add_catalogue (fixture);
  add_households (fixture);

  mk_cli_test_run (fixture, "list", "household", NULL);
  mk_cli_test_assert_ok (fixture, "HH-001");
  mk_cli_test_assert_out_has (fixture, "HH-003");
  mk_cli_test_run (fixture, "list", "households", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "code\tsite\tpopulation_group\tsize\tfemale_0_4\t");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 3);
  mk_cli_test_run (fixture, "show", "household", "hh-002", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"size\": 3");
  mk_cli_test_assert_out_has (fixture, "\"female_60\": 1");
  mk_cli_test_assert_json (fixture->out, '{');

  /* A size that is not the sum of the members; a code registered twice. */
  assert_refused (fixture, 1, "HH-004", "add", "household", "--code", "HH-004", "--site",
                  "BEN-URB", "--population-group", "idps", "--size", "5", "--female-18-59", "1",
                  "--male-18-59", "1", "--registered-on", "2026-03-01", NULL);
  assert_refused (fixture, 1, "hh-001", "add", "household", "--code", "hh-001", "--site",
                  "BEN-URB", "--population-group", "idps", "--size", "1", "--female-18-59", "1",
                  "--registered-on", "2026-03-01", NULL);
  assert_refused (fixture, 1, "HH-002", "edit", "household", "HH-002", "--size", "4", NULL);

  /* Names and phone numbers only when the office keeps them. */
  mk_cli_test_run (fixture, "office", "personal-data", "status", NULL);
  mk_cli_test_assert_ok (fixture, "does not keep");
  mk_cli_test_run (fixture, "office", "personal-data", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"keeps_personal_data\": false");
  mk_cli_test_assert_json (fixture->out, '{');
  assert_refused (fixture, 1, "HH-004", "add", "household", "--code", "HH-004", "--site",
                  "BEN-URB", "--population-group", "idps", "--size", "1", "--female-18-59", "1",
                  "--head-name", "Fatima", "--registered-on", "2026-03-01", NULL);
  assert_refused (fixture, 1, "HH-001", "edit", "household", "HH-001", "--phone",
                  "+218 91 000 0000", NULL);
  mk_cli_test_run (fixture, "office", "personal-data", "on", NULL);
  mk_cli_test_assert_ok (fixture, "keeps");
  mk_cli_test_run (fixture, "office", "personal-data", "status", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "keeps_personal_data\nyes\n");
  mk_cli_test_run (fixture, "add", "household", "--code", "HH-004", "--site", "BEN-URB",
                   "--population-group", "idps", "--size", "1", "--female-18-59", "1",
                   "--head-name", "فاطمة", "--registered-on", "2026-03-01", NULL);
  mk_cli_test_assert_ok (fixture, "HH-004");
  mk_cli_test_run (fixture, "list", "household", "--search", "فاطمة", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "HH-004");
  /* Names and phones never leave in a list or in TSV and JSON: only one
   * household shown as a table, to the person at the screen, has them. */
  mk_cli_test_assert_out_lacks (fixture, "فاطمة");
  mk_cli_test_assert_out_lacks (fixture, "head_name");
  mk_cli_test_run (fixture, "list", "household", "--format", "json", NULL);
  mk_cli_test_assert_out_lacks (fixture, "فاطمة");
  mk_cli_test_run (fixture, "list", "household", NULL);
  mk_cli_test_assert_out_lacks (fixture, "فاطمة");
  mk_cli_test_run (fixture, "show", "household", "HH-004", "--format", "json", NULL);
  mk_cli_test_assert_out_lacks (fixture, "فاطمة");
  mk_cli_test_run (fixture, "show", "household", "HH-004", NULL);
  mk_cli_test_assert_ok (fixture, "فاطمة");
  /* The change of rule is audited. */
  mk_cli_test_run (fixture, "list", "audit", "--limit", "3", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "personal_data");
  mk_cli_test_run (fixture, "office", "personal-data", "off", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"keeps_personal_data\": false");

  /* Households and entitlement rules from CSV files, all rows or none. */
  {
    g_autofree char *good =
        mk_cli_test_write_file (fixture, "households.csv",
                                "code,site,population_group,size,female_18_59,male_0_4,"
                                "registered_on\n"
                                "HH-101,BEN-URB,idps,2,1,1,2026-03-02\n"
                                "HH-102,BEN-URB,idps,1,1,0,2026-03-20\n");
    g_autofree char *bad = mk_cli_test_write_file (fixture, "bad-households.csv",
                                                   "code,site,population_group,size,female_18_59,"
                                                   "registered_on\n"
                                                   "HH-201,BEN-URB,idps,1,1,2026-03-02\n"
                                                   "HH-202,BEN-URB,idps,4,1,2026-03-02\n");
    g_autofree char *rules = mk_cli_test_write_file (fixture, "entitlements.csv",
                                                     "code,item,per,quantity,interval_days\n"
                                                     "HK-30,HK,person,1,30\n"
                                                     "BLK-90,BLK,household,2,90\n");

    mk_cli_test_run (fixture, "import", "households", good, NULL);
    mk_cli_test_assert_ok (fixture, "Imported 2 rows");
    assert_refused (fixture, 1, "line 3", "import", "households", bad, NULL);
    mk_cli_test_run (fixture, "import", "entitlement", rules, NULL);
    mk_cli_test_assert_ok (fixture, "Imported 2 rows");
    mk_cli_test_run (fixture, "list", "entitlement", "--format", "tsv", NULL);
    mk_cli_test_assert_ok (fixture, "BLK-90\tBLK\thousehold\t2\t90\t");
    mk_cli_test_run (fixture, "edit", "household", "HH-102", "--active", "no", NULL);
    mk_cli_test_assert_ok (fixture, "Updated household HH-102.");
  }

  /* Registered twice: the same members at the same site within a week. */
  mk_cli_test_run (fixture, "households", "duplicates", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "household\tlikely_same_as\n");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "household\t"), ==, 0);
  mk_cli_test_run (fixture, "add", "household", "--code", "HH-005", "--site", "BEN-URB",
                   "--population-group", "idps", "--size", "3", "--female-18-59", "1",
                   "--female-60", "1", "--male-12-17", "1", "--registered-on", "2026-02-05", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "households", "duplicates", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "household\t"), ==, 1);
  mk_cli_test_assert_out_has (fixture, "HH-002");
  mk_cli_test_assert_out_has (fixture, "HH-005");
  mk_cli_test_run (fixture, "households", "duplicates", NULL);
  mk_cli_test_assert_ok (fixture, "HH-005");
  mk_cli_test_run (fixture, "households", "duplicates", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"likely_same_as\"");
  mk_cli_test_assert_json (fixture->out, '[');
}

/* Distributions with counts --------------------------------------------------- */

static void
test_aggregate (MkCliTest    *fixture,
                gconstpointer data)
{
  add_catalogue (fixture);

  /* 35 people at a detention centre: 5 girls under 5, 10 women, 20 men. */
  mk_cli_test_run (fixture, DISTRIBUTION_HEAD ("2026-03-10"), "--activity", "hygiene_distribution",
                   "--indicator", "people_hygiene", "--female-0-4", "5", "--female_18_59", "10",
                   "--male-18-59", "20", "--disabled", "2", "--unaccompanied", "1", "--households",
                   "8", "--total", "35", "--line", "HK=35", "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-DIS-2026-00001.\n");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 465);

  mk_cli_test_run (fixture, "doc", "show", "BEN-DIS-2026-00001", NULL);
  mk_cli_test_assert_ok (fixture, "Distribution");
  mk_cli_test_assert_out_has (fixture, "Female 18–59:");
  mk_cli_test_assert_out_has (fixture, "Total people:");
  mk_cli_test_assert_out_has (fixture, "Household list: none");
  mk_cli_test_run (fixture, "doc", "show", "BEN-DIS-2026-00001", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"kind\": \"distribution\"");
  mk_cli_test_assert_out_has (fixture, "\"site\": \"GAN\"");
  mk_cli_test_assert_out_has (fixture, "\"female_0_4\": 5");
  mk_cli_test_assert_out_has (fixture, "\"male_18_59\": 20");
  mk_cli_test_assert_out_has (fixture, "\"households\": 8");
  mk_cli_test_assert_out_has (fixture, "\"total\": 35");
  mk_cli_test_assert_out_has (fixture, "\"receipts\": []");
  mk_cli_test_assert_json (fixture->out, '{');
  mk_cli_test_run (fixture, "doc", "check", "BEN-DIS-2026-00001", NULL);
  mk_cli_test_assert_fails (fixture, 1, "BEN-DIS-2026-00001", "household list", NULL);
  mk_cli_test_run (fixture, "doc", "check", "BEN-GRN-2026-00001", NULL);
  mk_cli_test_assert_fails (fixture, 1, "BEN-GRN-2026-00001", NULL);
  mk_cli_test_run (fixture, "doc", "show", "BEN-DIS-2026-00001", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "\ttotal\tlines\treceipts\n");
  g_assert_cmpint (tsv_value (fixture, "female_18_59"), ==, 10);
  g_assert_cmpint (tsv_value (fixture, "unaccompanied"), ==, 1);
  mk_cli_test_run (fixture, "doc", "list", "--kind", "distribution", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-DIS-2026-00001\tdistribution\tposted\t2026-03-10\t");

  reached (fixture, NULL, NULL);
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 35);
  g_assert_cmpint (tsv_value (fixture, "female_0_4"), ==, 5);
  g_assert_cmpint (tsv_value (fixture, "disabled"), ==, 2);
  mk_cli_test_run (fixture, "reached", "--from", "2026-03-01", "--to", "2026-03-31", NULL);
  mk_cli_test_assert_ok (fixture, "Female");
  mk_cli_test_assert_out_has (fixture, "18–59");
  mk_cli_test_assert_out_has (fixture, "60+");
  mk_cli_test_assert_out_has (fixture, "Persons with disability:");
  mk_cli_test_assert_out_has (fixture, "Households:");
  mk_cli_test_assert_out_has (fixture, "Total people:");
  mk_cli_test_run (fixture, "reached", "--from", "2026-03-01", "--to", "2026-03-31", "--format",
                   "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"total\": 35");
  mk_cli_test_assert_json (fixture->out, '{');
  /* Outside the period, and under another indicator. */
  mk_cli_test_run (fixture, "reached", "--from", "2026-04-01", "--to", "2026-04-30", "--format",
                   "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 0);
  reached (fixture, NULL, "people_water");
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 0);
  reached (fixture, "ECHO-2026", "people_hygiene");
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 35);

  /* Counts that do not add up, more households than people, no people,
   * a date in the future, a count that is not a number. */
  assert_refused (fixture, 1, "36", DISTRIBUTION_HEAD ("2026-03-11"), "--female-18-59", "10",
                  "--male-18-59", "20", "--total", "36", "--line", "HK=30", "--post", NULL);
  assert_refused (fixture, 1, "households", DISTRIBUTION_HEAD ("2026-03-11"), "--female-18-59",
                  "1", "--male-18-59", "1", "--households", "3", "--total", "2", "--line", "HK=2",
                  "--post", NULL);
  assert_refused (fixture, 1, "people", DISTRIBUTION_HEAD ("2026-03-11"), "--line", "HK=2",
                  "--post", NULL);
  assert_refused (fixture, 1, "2099-01-10", DISTRIBUTION_HEAD ("2099-01-10"), "--female-18-59",
                  "1", "--total", "1", "--line", "HK=1", "--post", NULL);
  assert_refused (fixture, 1, "female_18_59", DISTRIBUTION_HEAD ("2026-03-11"), "--female-18-59",
                  "ten", "--total", "10", "--line", "HK=10", "--post", NULL);
  assert_refused (fixture, 1, "female_0_4", DISTRIBUTION_HEAD ("2026-03-11"), "--female-0-4",
                  "-1", "--total", "1", "--line", "HK=1", "--post", NULL);
  /* More than the warehouse holds. */
  assert_refused (fixture, 1, "HK", DISTRIBUTION_HEAD ("2026-03-11"), "--female-18-59", "1",
                  "--total", "1", "--line", "HK=1000", "--post", NULL);
  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
}

/* Household lists and entitlements --------------------------------------------- */

static void
test_household_list (MkCliTest    *fixture,
                     gconstpointer data)
{
  g_autofree char *first = mk_cli_test_write_file (fixture, "first.csv",
                                                   "household,item,quantity\n"
                                                   "HH-001,HK,5\n"
                                                   "HH-002,HK,3\n"
                                                   "HH-001,BLK,2\n");
  g_autofree char *second = mk_cli_test_write_file (fixture, "second.csv",
                                                    "Household code;Item;Qty;Override reason\r\n"
                                                    "HH-002;BLK;1;\r\n"
                                                    "HH-003;BLK;2;\r\n"
                                                    ";;;\r\n");

  add_catalogue (fixture);
  add_households (fixture);

  mk_cli_test_run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-05"), "--households-file", first,
                   "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-DIS-2026-00001.\n");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 492);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BLK", NULL), ==, 298);

  mk_cli_test_run (fixture, "doc", "show", "BEN-DIS-2026-00001", NULL);
  mk_cli_test_assert_ok (fixture, "Household list:");
  mk_cli_test_assert_out_has (fixture, "HH-002");
  mk_cli_test_run (fixture, "doc", "show", "BEN-DIS-2026-00001", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"receipts\": [");
  mk_cli_test_assert_out_has (fixture, "\"household\": \"HH-001\"");
  mk_cli_test_assert_out_has (fixture, "\"quantity\": 5");
  /* Its people are its households' members. */
  mk_cli_test_assert_out_has (fixture, "\"households\": 2");
  mk_cli_test_assert_out_has (fixture, "\"total\": 8");
  mk_cli_test_assert_json (fixture->out, '{');
  mk_cli_test_run (fixture, "doc", "show", "BEN-DIS-2026-00001", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "HH-001:HK=5");
  mk_cli_test_assert_out_has (fixture, "HH-002:HK=3");

  reached (fixture, NULL, NULL);
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 8);
  g_assert_cmpint (tsv_value (fixture, "households"), ==, 2);
  g_assert_cmpint (tsv_value (fixture, "female_60"), ==, 1);
  g_assert_cmpint (tsv_value (fixture, "disabled"), ==, 1);

  /* A second distribution to HH-002 and HH-003: HH-002 counts once. */
  mk_cli_test_run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-12"), "--households-file", second,
                   "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-DIS-2026-00002");
  reached (fixture, NULL, NULL);
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 10);
  g_assert_cmpint (tsv_value (fixture, "households"), ==, 3);
  g_assert_cmpint (tsv_value (fixture, "male_60"), ==, 1);
  reached (fixture, "ECHO-2026", "people_hygiene");
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 10);

  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
}

static void
test_entitlements (MkCliTest    *fixture,
                   gconstpointer data)
{
  g_autofree char *first = mk_cli_test_write_file (fixture, "first.csv",
                                                   "household,item,quantity\n"
                                                   "HH-001,HK,5\n"
                                                   "HH-002,HK,3\n");
  g_autofree char *again = mk_cli_test_write_file (fixture, "again.csv",
                                                   "household,item,quantity\n"
                                                   "HH-003,HK,2\n"
                                                   "HH-002,HK,3\n");
  g_autofree char *overridden =
      mk_cli_test_write_file (fixture, "overridden.csv",
                              "household,item,quantity,override_reason\n"
                              "HH-003,HK,2,\n"
                              "HH-002,HK,3,Kits lost in the flood of 10 March\n");
  g_autofree char *due = mk_cli_test_write_file (fixture, "due.csv",
                                                 "household,item,quantity\n"
                                                 "HH-001,HK,5\n");
  g_autofree char *before = NULL;

  add_catalogue (fixture);
  add_households (fixture);
  mk_cli_test_run (fixture, "add", "entitlement", "--code", "HK-30", "--item", "HK", "--per",
                   "person", "--quantity", "1", "--interval-days", "30", NULL);
  mk_cli_test_assert_ok (fixture, "HK-30");
  mk_cli_test_run (fixture, "list", "entitlement", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "HK-30\tHK\tperson\t1\t30\t");

  mk_cli_test_run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-01"), "--households-file", first,
                   "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-DIS-2026-00001");

  /* HH-002 received on 1 March: again within 30 days is refused, naming
   * the household, the earlier date and the line of the file. */
  before = mk_cli_test_snapshot (fixture);
  mk_cli_test_run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-20"), "--households-file", again,
                   "--post", NULL);
  mk_cli_test_assert_fails (fixture, 1, "HH-002", "2026-03-01", "again.csv, line 3", NULL);
  mk_cli_test_assert_unchanged (fixture, before);
  g_clear_pointer (&before, g_free);

  /* A draft can be checked before posting. */
  mk_cli_test_run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-20"), "--households-file", again, NULL);
  mk_cli_test_assert_ok (fixture, "Saved draft");
  {
    g_auto (GStrv) words = g_strsplit (fixture->out, " ", -1);
    g_autofree char *id = NULL;

    /* "Saved draft ID; post it …" */
    g_assert_cmpuint (g_strv_length (words), >=, 3);
    id = g_strdup (words[2]);
    id[strlen (id) - 1] = '\0';
    before = mk_cli_test_snapshot (fixture);
    mk_cli_test_run (fixture, "doc", "check", id, NULL);
    mk_cli_test_assert_ok (fixture, "HH-002");
    mk_cli_test_assert_out_has (fixture, "1 receipt breaks");
    mk_cli_test_run (fixture, "doc", "check", id, "--format", "tsv", NULL);
    mk_cli_test_assert_ok (fixture,
                           "household\titem\tquantity\tprevious_date\toverride_reason\tflagged\n");
    mk_cli_test_assert_out_has (fixture, "HH-002\tHK\t3\t2026-03-01\t\tyes\n");
    mk_cli_test_assert_out_has (fixture, "HH-003\tHK\t2\t\t\tno\n");
    /* Checking changes nothing. */
    mk_cli_test_assert_unchanged (fixture, before);
    mk_cli_test_run (fixture, "doc", "delete", id, NULL);
    mk_cli_test_assert_ok (fixture, NULL);
  }

  /* With a reason, it is distributed, and the log says why. */
  mk_cli_test_run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-20"), "--households-file", overridden,
                   "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-DIS-2026-00002");
  mk_cli_test_run (fixture, "doc", "show", "BEN-DIS-2026-00002", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "HH-002:HK=3:previous_date=2026-03-01:"
                                  "override_reason=Kits lost in the flood");
  mk_cli_test_run (fixture, "list", "audit", "--limit", "5", NULL);
  mk_cli_test_assert_ok (fixture, "Kits lost in the flood of 10 March");

  /* On 1 April HH-001 is due again, 31 days on; HH-002, given kits on 20
   * March, is not. */
  assert_refused (fixture, 1, "2026-03-20", HOUSEHOLD_LIST_HEAD ("2026-04-01"), "--households-file",
                  first, "--post", NULL);
  mk_cli_test_run (fixture, HOUSEHOLD_LIST_HEAD ("2026-04-01"), "--households-file", due, "--post",
                   NULL);
  mk_cli_test_assert_ok (fixture, "BEN-DIS-2026-00003");
  /* A household list and lines of its own do not go together. */
  assert_refused (fixture, 1, "lines", HOUSEHOLD_LIST_HEAD ("2026-04-02"), "--line", "HK=1",
                  "--households-file", again, "--post", NULL);

  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
}

/* Services ------------------------------------------------------------------- */

static void
test_service (MkCliTest    *fixture,
              gconstpointer data)
{
  add_catalogue (fixture);

  mk_cli_test_run (fixture, "doc", "new", "service", "--date", "2026-03-15", "--site", "GAN",
                   "--activity", "water_trucking", "--quantity", "20,000", "--population-group",
                   "migrants", "--grant", "ECHO-2026", "--indicator", "people_water",
                   "--female-18-59", "40", "--male-18-59", "150", "--male-12-17", "10", "--total",
                   "200", "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-SRV-2026-00001.\n");
  mk_cli_test_run (fixture, "doc", "show", "BEN-SRV-2026-00001", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"quantity\": 20000");
  mk_cli_test_assert_out_has (fixture, "\"activity\": \"water_trucking\"");
  mk_cli_test_assert_out_has (fixture, "\"total\": 200");
  mk_cli_test_assert_out_lacks (fixture, "\"receipts\"");
  mk_cli_test_assert_json (fixture->out, '{');
  /* No stock moved. */
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 500);

  mk_cli_test_run (fixture, DISTRIBUTION_HEAD ("2026-03-16"), "--indicator", "people_hygiene",
                   "--female-18-59", "5", "--total", "5", "--line", "HK=5", "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);

  reached (fixture, NULL, NULL);
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 205);
  g_assert_cmpint (tsv_value (fixture, "male_12_17"), ==, 10);
  reached (fixture, NULL, "people_water");
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 200);
  g_assert_cmpint (tsv_value (fixture, "female_18_59"), ==, 40);

  assert_refused (fixture, 1, "201", "doc", "new", "service", "--date", "2026-03-17", "--site",
                  "GAN", "--activity", "water_trucking", "--quantity", "5000",
                  "--population-group", "migrants", "--male-18-59", "200", "--total", "201",
                  "--post", NULL);
  assert_refused (fixture, 1, "2099-03-17", "doc", "new", "service", "--date", "2099-03-17",
                  "--site", "GAN", "--activity", "water_trucking", "--quantity", "5000",
                  "--population-group", "migrants", "--male-18-59", "200", "--total", "200",
                  "--post", NULL);
}

/* A site's reconciliation -------------------------------------------------------- */

static void
test_reconcile (MkCliTest    *fixture,
                gconstpointer data)
{
  add_catalogue (fixture);

  /* 100 kits sent to the site and received there; 60 given out from its
   * own stock. */
  mk_cli_test_run (fixture, "doc", "new", "waybill", "--date", "2026-03-02", "--warehouse",
                   "BEN-MAIN", "--to-site", "GAN", "--line", "HK=100:grant=ECHO-2026", "--post",
                   NULL);
  mk_cli_test_assert_ok (fixture, "BEN-WB-2026-00001");
  mk_cli_test_run (fixture, "reconcile", "--site", "GAN", "--from", "2026-03-01", "--to",
                   "2026-03-31", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture,
                         "item\topening\tdispatched\treceived\tdistributed\treturned\tlost\t"
                         "in_transit\tremaining\tdifference\n");
  mk_cli_test_assert_out_has (fixture, "HK\t0\t100\t0\t0\t0\t0\t100\t0\t0\n");
  mk_cli_test_run (fixture, "doc", "new", "reception", "--date", "2026-03-03", "--waybill",
                   "BEN-WB-2026-00001", "--line", "HK=100:grant=ECHO-2026", "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-RCV-2026-00001");
  mk_cli_test_run (fixture, "doc", "new", "distribution", "--date", "2026-03-10", "--site", "GAN",
                   "--population-group", "migrants", "--grant", "ECHO-2026", "--male-18-59", "60",
                   "--total", "60", "--line", "HK=60", "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-DIS-2026-00001");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 400);

  mk_cli_test_run (fixture, "reconcile", "--site", "GAN", "--from", "2026-03-01", "--to",
                   "2026-03-31", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "item\t"), ==, 1);
  mk_cli_test_assert_out_has (fixture, "HK\t0\t100\t100\t60\t0\t0\t0\t40\t0\n");
  mk_cli_test_run (fixture, "reconcile", "--site", "GAN", "--from", "2026-03-01", "--to",
                   "2026-03-31", NULL);
  mk_cli_test_assert_ok (fixture, "Dispatched");
  mk_cli_test_assert_out_has (fixture, "Difference");
  mk_cli_test_run (fixture, "reconcile", "--site", "GAN", "--from", "2026-03-01", "--to",
                   "2026-03-31", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"remaining\": 40");
  mk_cli_test_assert_json (fixture->out, '[');
  /* The next month opens with what remained. */
  mk_cli_test_run (fixture, "reconcile", "--site", "GAN", "--from", "2026-04-01", "--to",
                   "2026-04-30", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "HK\t40\t0\t0\t0\t0\t0\t0\t40\t0\n");

  /* More than the site holds. */
  assert_refused (fixture, 1, "HK", "doc", "new", "distribution", "--date", "2026-03-11",
                  "--site", "GAN", "--population-group", "migrants", "--grant", "ECHO-2026",
                  "--male-18-59", "41", "--total", "41", "--line", "HK=41", "--post", NULL);
  mk_cli_test_run (fixture, "reconcile", "--site", "NOWHERE", "--from", "2026-03-01", "--to",
                   "2026-03-31", NULL);
  mk_cli_test_assert_fails (fixture, 1, "NOWHERE", NULL);

  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
}

/* Bad household lists: one message, exit status 1, nothing changed ------------------ */

typedef struct
{
  const char *name;
  const char *file;     /* contents of households.csv */
  const char *texts[4]; /* in the message */
} BadList;

/* clang-format off */
static const BadList bad_lists[] = {
  { "text-quantity", "household,item,quantity\nHH-001,HK,5\nHH-002,HK,three\n",
    { "households.csv, line 3, column 3", "quantity", "three", NULL } },
  { "zero-quantity", "household,item,quantity\nHH-001,HK,0\n",
    { "households.csv, line 2, column 3", NULL } },
  { "no-household", "household,item,quantity\nHH-001,HK,1\n,HK,1\n",
    { "households.csv, line 3, column 1", NULL } },
  { "no-item", "item,household,quantity\nHK,HH-001,1\n ,HH-002,1\n",
    { "households.csv, line 3, column 1", NULL } },
  { "unknown-column", "household,item,quantity,colour\nHH-001,HK,1,red\n",
    { "households.csv, line 1, column 4", "colour", NULL } },
  { "repeated-column", "household,item,quantity,qty\nHH-001,HK,1,1\n",
    { "households.csv, line 1, column 4", NULL } },
  { "missing-column", "household,quantity\nHH-001,1\n", { "item", NULL } },
  { "too-many-values", "household,item,quantity\nHH-001,HK,1,extra\n", { "line 2", NULL } },
  { "empty", "", { "households.csv", NULL } },
  { "header-only", "household,item,quantity\n", { "households.csv", NULL } },
  { "unknown-household", "household,item,quantity\nHH-001,HK,1\nHH-999,HK,1\n",
    { "HH-999", NULL } },
  { "unknown-item", "household,item,quantity\nHH-001,TENT,1\n", { "TENT", NULL } },
  { "too-much", "household,item,quantity\nHH-001,HK,400\nHH-002,HK,200\n", { "HK", NULL } },
  { "bad-quote", "household,item,quantity\n\"HH-001,HK,1\n", { "households.csv", NULL } },
};
/* clang-format on */

static void
test_bad_list (MkCliTest    *fixture,
               gconstpointer data)
{
  const BadList   *bl = data;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;

  add_catalogue (fixture);
  add_households (fixture);
  path = mk_cli_test_write_file (fixture, "households.csv", bl->file);

  before = mk_cli_test_snapshot (fixture);
  mk_cli_test_run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-05"), "--households-file", path, "--post",
                   NULL);
  g_test_message ("%s: %s", bl->name, fixture->err);
  mk_cli_test_assert_fails (fixture, 1, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bl->texts) && bl->texts[i] != NULL; i++)
    if (strstr (fixture->err, bl->texts[i]) == NULL)
      g_error ("%s: expected “%s” in: %s", bl->name, bl->texts[i], fixture->err);
  g_assert_cmpuint (strlen (fixture->err), <, 1000);
  mk_cli_test_assert_unchanged (fixture, before);

  /* Nor does a draft of it get saved. */
  mk_cli_test_run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-05"), "--households-file", path, NULL);
  if (fixture->status == 0)
    g_assert_nonnull (strstr (bl->name, "too-much"));
  else
    mk_cli_test_assert_unchanged (fixture, before);

  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, MkCliTest, data, fixture_set_up, func, mk_cli_test_tear_down)

  ADD ("/cli/people/help", test_help, NULL);
  ADD ("/cli/people/households", test_households, NULL);
  ADD ("/cli/people/aggregate", test_aggregate, NULL);
  ADD ("/cli/people/household-list", test_household_list, NULL);
  ADD ("/cli/people/entitlements", test_entitlements, NULL);
  ADD ("/cli/people/service", test_service, NULL);
  ADD ("/cli/people/reconcile", test_reconcile, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_lists); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/people/bad-list/%s", bad_lists[i].name);
      ADD (path, test_bad_list, &bad_lists[i]);
    }

  return g_test_run ();
}
