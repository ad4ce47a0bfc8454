/* test-people-bad-input.c: every refused distribution, service, household
 * or entitlement rule says what is wrong, naming the field or the row, and
 * leaves the database exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mk-distributions.h"
#include "mk-test-ledger.h"

/* What exists before the refused action ---------------------------------- */

/* The people catalogue;
 *   2025-09-01 into BEN-MAIN: 300 HYG-KIT, 100 CLOTHES, 200 BLANKET;
 *   households HH-001 (3) and HH-002 (5) at GAN-DC, registered 2025-09-15;
 *   rule HYG-30: one HYG-KIT per person every 30 days;
 *   2026-02-01 waybill of 60 BLANKET to GAN-DC, received on 2026-02-03;
 *   2026-03-01 distribution of 5 HYG-KIT to HH-002. */
static void
people_set_up (MkFixture    *fixture,
               gconstpointer data)
{
  g_autoptr (MkDocument) grn = NULL;
  g_autoptr (MkDocument) first = NULL;
  g_autoptr (MkRecord) one = NULL, two = NULL, rule = NULL;
  g_autofree char *waybill = NULL;

  mk_ledger_fixture_set_up (fixture, data);
  mk_test_add_people_catalogue (fixture);

  grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2025-09-01", "warehouse", "BEN-MAIN",
                              "source", "donation", NULL);
  mk_test_add_line (grn, "HYG-KIT", 300, NULL);
  mk_test_add_line (grn, "CLOTHES", 100, NULL);
  mk_test_add_line (grn, "BLANKET", 200, NULL);
  mk_test_post (fixture, grn);

  one = mk_test_add_household (fixture, "HH-001", "GAN-DC", "migrants", "2025-09-15",
                               "female_18_59", "1", "male_18_59", "1", "female_0_4", "1", NULL);
  two = mk_test_add_household (fixture, "HH-002", "GAN-DC", "migrants", "2025-09-15",
                               "female_18_59", "1", "male_18_59", "1", "female_5_11", "2",
                               "male_0_4", "1", NULL);
  rule = mk_fixture_add (fixture, "entitlement", "code", "HYG-30", "item", "HYG-KIT",
                         "per", "person", "quantity", "1", "interval_days", "30", NULL);

  waybill = mk_test_deliver_to_site (fixture, "2026-02-01", "BEN-MAIN", "GAN-DC", "BLANKET", 60,
                                     NULL, "2026-02-03", 0);

  first = mk_test_document_new (MK_DOCUMENT_DISTRIBUTION, "date", "2026-03-01", "site", "GAN-DC",
                                "warehouse", "BEN-MAIN", "population_group", "migrants",
                                "activity", "hygiene_distribution", NULL);
  mk_test_add_receipt (first, "HH-002", "HYG-KIT", 5, NULL);
  mk_test_post (fixture, first);
}

/* And a site of office 7 (Tripoli), as a merge would bring it. */
static void
setup_other_office_site (MkFixture *fixture)
{
  sqlite3 *handle = mk_test_raw_open (fixture);

  mk_test_raw_exec (handle,
                    "INSERT INTO sites (id, code, name_en, name_ar, type, baladiya)"
                    " VALUES ((7 << 40) + 1, 'TRP-DC', 'Tripoli Tariq al-Sikka centre', '',"
                    " 'detention_centre', 'LY010304')");
  g_assert_cmpint (mk_test_raw_int (handle, "SELECT id >> 40 FROM sites WHERE code = 'TRP-DC'"), ==, 7);
  sqlite3_close (handle);
}

/* The refused actions ---------------------------------------------------- */

static char *
today_plus (gint days)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* A distribution of 10 BLANKET from BEN-MAIN at GAN-DC. */
static MkDocument *
counted (const char *date)
{
  MkDocument *distribution = mk_test_document_new (MK_DOCUMENT_DISTRIBUTION, "date", date,
                                                   "site", "GAN-DC", "warehouse", "BEN-MAIN",
                                                   "population_group", "migrants", NULL);

  mk_test_add_line (distribution, "BLANKET", 10, NULL);
  return distribution;
}

static GError *
counts_do_not_sum (MkFixture *fixture)
{
  g_autoptr (MkDocument) distribution = counted ("2026-03-05");

  mk_test_set_counts (distribution, "female_18_59", "10", "male_18_59", "8", "total", "20", NULL);
  return mk_test_post_fails (fixture, distribution);
}

static GError *
counts_total_missing (MkFixture *fixture)
{
  g_autoptr (MkDocument) distribution = counted ("2026-03-05");

  mk_test_set_counts (distribution, "female_18_59", "10", "male_18_59", "8", NULL);
  return mk_test_post_fails (fixture, distribution);
}

static GError *
more_households_than_people (MkFixture *fixture)
{
  g_autoptr (MkDocument) distribution = counted ("2026-03-05");

  mk_test_set_counts (distribution, "female_18_59", "2", "male_18_59", "1", "households", "4",
                      "total", "3", NULL);
  return mk_test_post_fails (fixture, distribution);
}

static GError *
more_disabled_than_people (MkFixture *fixture)
{
  g_autoptr (MkDocument) distribution = counted ("2026-03-05");

  mk_test_set_counts (distribution, "female_18_59", "2", "male_18_59", "1", "disabled", "5",
                      "total", "3", NULL);
  return mk_test_post_fails (fixture, distribution);
}

static GError *
service_counts_do_not_sum (MkFixture *fixture)
{
  g_autoptr (MkDocument) service = mk_test_document_new (
      MK_DOCUMENT_SERVICE, "date", "2026-03-05", "site", "GAN-DC", "activity", "water_trucking",
      "quantity", "20000", "population_group", "migrants", NULL);

  mk_test_set_counts (service, "female_18_59", "5", "total", "6", NULL);
  return mk_test_post_fails (fixture, service);
}

static GError *
service_with_a_distribution_activity (MkFixture *fixture)
{
  g_autoptr (MkDocument) service = mk_test_document_new (
      MK_DOCUMENT_SERVICE, "date", "2026-03-05", "site", "GAN-DC", "activity", "nfi_distribution",
      "quantity", "1", "population_group", "migrants", NULL);

  mk_test_set_counts (service, "female_18_59", "5", "total", "5", NULL);
  return mk_test_post_fails (fixture, service);
}

static GError *
site_of_another_office (MkFixture *fixture)
{
  g_autoptr (MkDocument) distribution = NULL;

  distribution = mk_test_document_new (MK_DOCUMENT_DISTRIBUTION, "date", "2026-03-05",
                                       "site", "TRP-DC", "warehouse", "BEN-MAIN",
                                       "population_group", "migrants", NULL);
  mk_test_add_line (distribution, "BLANKET", 10, NULL);
  mk_test_set_counts (distribution, "female_18_59", "10", "total", "10", NULL);
  return mk_test_post_fails (fixture, distribution);
}

static GError *
dated_in_the_future (MkFixture *fixture)
{
  g_autofree char *date = today_plus (3);
  g_autoptr (MkDocument) distribution = counted (date);

  mk_test_set_counts (distribution, "female_18_59", "10", "total", "10", NULL);
  return mk_test_post_fails (fixture, distribution);
}

/* The site's blankets arrived on 3 February. */
static GError *
before_stock_arrived_at_site (MkFixture *fixture)
{
  g_autoptr (MkDocument) distribution = mk_test_document_new (
      MK_DOCUMENT_DISTRIBUTION, "date", "2026-02-02", "site", "GAN-DC",
      "population_group", "migrants", NULL);

  mk_test_add_line (distribution, "BLANKET", 10, NULL);
  mk_test_set_counts (distribution, "female_18_59", "10", "total", "10", NULL);
  return mk_test_post_fails (fixture, distribution);
}

/* BEN-MAIN's stock arrived on 1 September 2025. */
static GError *
before_stock_arrived_in_warehouse (MkFixture *fixture)
{
  g_autoptr (MkDocument) distribution = counted ("2025-08-20");

  mk_test_set_counts (distribution, "female_18_59", "10", "total", "10", NULL);
  return mk_test_post_fails (fixture, distribution);
}

/* HH-002 received 5 HYG-KIT on 1 March. */
static GError *
override (MkFixture  *fixture,
          const char *reason)
{
  g_autoptr (MkDocument) distribution = mk_test_document_new (
      MK_DOCUMENT_DISTRIBUTION, "date", "2026-03-10", "site", "GAN-DC", "warehouse", "BEN-MAIN",
      "population_group", "migrants", NULL);

  mk_test_add_receipt (distribution, "HH-002", "HYG-KIT", 1, reason);
  return mk_test_post_fails (fixture, distribution);
}

static GError *
entitlement_no_override (MkFixture *fixture)
{
  return override (fixture, NULL);
}

static GError *
entitlement_empty_reason (MkFixture *fixture)
{
  return override (fixture, "");
}

static GError *
entitlement_blank_reason (MkFixture *fixture)
{
  return override (fixture, "   ");
}

static GError *
receipt (MkFixture  *fixture,
         const char *household,
         const char *item,
         gint64      quantity)
{
  g_autoptr (MkDocument) distribution = mk_test_document_new (
      MK_DOCUMENT_DISTRIBUTION, "date", "2026-03-10", "site", "GAN-DC", "warehouse", "BEN-MAIN",
      "population_group", "migrants", NULL);

  /* A good first row: the refused one is the second. */
  mk_test_add_receipt (distribution, "HH-001", "CLOTHES", 1, NULL);
  mk_test_add_receipt (distribution, household, item, quantity, NULL);
  return mk_test_post_fails (fixture, distribution);
}

static GError *
receipt_unknown_household (MkFixture *fixture)
{
  return receipt (fixture, "HH-999", "CLOTHES", 1);
}

static GError *
receipt_zero (MkFixture *fixture)
{
  return receipt (fixture, "HH-002", "CLOTHES", 0);
}

static GError *
receipt_negative (MkFixture *fixture)
{
  return receipt (fixture, "HH-002", "CLOTHES", -2);
}

static GError *
receipt_unknown_item (MkFixture *fixture)
{
  return receipt (fixture, "HH-002", "UNICORN", 1);
}

/* No buckets anywhere. */
static GError *
receipts_short (MkFixture *fixture)
{
  return receipt (fixture, "HH-002", "BUCKET", 2);
}

static GError *
nothing_given (MkFixture *fixture)
{
  g_autoptr (MkDocument) distribution = mk_test_document_new (
      MK_DOCUMENT_DISTRIBUTION, "date", "2026-03-10", "site", "GAN-DC", "warehouse", "BEN-MAIN",
      "population_group", "migrants", NULL);

  mk_test_set_counts (distribution, "female_18_59", "10", "total", "10", NULL);
  return mk_test_post_fails (fixture, distribution);
}

static GError *
household_size_differs (MkFixture *fixture)
{
  return mk_fixture_add_fails (fixture, "household", "code", "HH-050", "site", "GAN-DC",
                               "population_group", "migrants", "size", "4",
                               "female_18_59", "1", "male_18_59", "1", "female_0_4", "1",
                               "registered_on", "2026-03-01", NULL);
}

static GError *
household_twice (MkFixture *fixture)
{
  return mk_fixture_add_fails (fixture, "household", "code", "HH-001", "site", "GAN-DC",
                               "population_group", "migrants", "size", "1",
                               "female_18_59", "1", "registered_on", "2026-03-01", NULL);
}

static GError *
household_twice_other_case (MkFixture *fixture)
{
  return mk_fixture_add_fails (fixture, "household", "code", "hh-002", "site", "KUF-UC",
                               "population_group", "idps", "size", "1",
                               "male_60", "1", "registered_on", "2026-03-01", NULL);
}

static GError *
household_name_off (MkFixture *fixture)
{
  return mk_fixture_add_fails (fixture, "household", "code", "HH-051", "site", "GAN-DC",
                               "population_group", "migrants", "size", "1",
                               "female_18_59", "1", "head_name", "Mariam Yusuf",
                               "registered_on", "2026-03-01", NULL);
}

static GError *
household_phone_off (MkFixture *fixture)
{
  return mk_fixture_add_fails (fixture, "household", "code", "HH-052", "site", "GAN-DC",
                               "population_group", "migrants", "size", "1",
                               "female_18_59", "1", "phone", "+218 92 765 4321",
                               "registered_on", "2026-03-01", NULL);
}

static GError *
household_more_disabled_than_members (MkFixture *fixture)
{
  return mk_fixture_add_fails (fixture, "household", "code", "HH-053", "site", "GAN-DC",
                               "population_group", "migrants", "size", "2",
                               "female_18_59", "1", "male_18_59", "1", "disabled", "3",
                               "registered_on", "2026-03-01", NULL);
}

static GError *
entitlement_two_intervals (MkFixture *fixture)
{
  return mk_fixture_add_fails (fixture, "entitlement", "code", "BLANKET-RULE", "item", "BLANKET",
                               "per", "household", "quantity", "2", "interval_days", "90",
                               "season_start", "10-01", NULL);
}

static GError *
entitlement_no_interval (MkFixture *fixture)
{
  return mk_fixture_add_fails (fixture, "entitlement", "code", "BLANKET-RULE", "item", "BLANKET",
                               "per", "household", "quantity", "2", NULL);
}

static GError *
entitlement_bad_season (MkFixture *fixture)
{
  return mk_fixture_add_fails (fixture, "entitlement", "code", "BLANKET-RULE", "item", "BLANKET",
                               "per", "household", "quantity", "2", "season_start", "13-45",
                               NULL);
}

/* The table ------------------------------------------------------------- */

typedef struct
{
  const char *name;
  void (*setup) (MkFixture *fixture);
  GError *(*act) (MkFixture *fixture);
  GQuark (*domain) (void);
  gint        code;
  const char *mentions[4]; /* each "A|B": A or B, without case */
} BadCase;

#define DOCS mk_documents_error_quark
#define MASTER mk_master_data_error_quark
#define INVALID MK_DOCUMENTS_ERROR_INVALID
#define SHORT MK_DOCUMENTS_ERROR_SHORT
#define ENTITLEMENT MK_DOCUMENTS_ERROR_ENTITLEMENT
#define BLANKET_ "BLANKET|Blanket"

static const BadCase bad_cases[] = {
  /* People counted. */
  { "counts/cells-do-not-sum-to-the-total", NULL, counts_do_not_sum, DOCS, INVALID, { "total", "18", "20" } },
  { "counts/no-total", NULL, counts_total_missing, DOCS, INVALID, { "total" } },
  { "counts/more-households-than-individuals", NULL, more_households_than_people, DOCS, INVALID, { "household", "4" } },
  { "counts/more-persons-with-disability-than-individuals", NULL, more_disabled_than_people, DOCS, INVALID, { "disab" } },
  { "service/counts-do-not-sum-to-the-total", NULL, service_counts_do_not_sum, DOCS, INVALID, { "total", "5", "6" } },
  { "service/activity-is-a-distribution", NULL, service_with_a_distribution_activity, DOCS, INVALID, { "nfi_distribution|Distribution of non-food items" } },

  /* Where and when. */
  { "distribution/site-of-another-office", setup_other_office_site, site_of_another_office, DOCS, INVALID, { "TRP-DC|Tripoli", "office" } },
  { "distribution/dated-in-the-future", NULL, dated_in_the_future, DOCS, INVALID, { "future|today|date" } },
  { "distribution/before-the-stock-arrived-at-the-site", NULL, before_stock_arrived_at_site, DOCS, SHORT, { BLANKET_, "GAN-DC|Ganfouda", "2026-02-02" } },
  { "distribution/before-the-stock-arrived-in-the-warehouse", NULL, before_stock_arrived_in_warehouse, DOCS, SHORT, { BLANKET_, "BEN-MAIN|Benghazi main warehouse", "2025-08-20" } },
  { "distribution/nothing-given", NULL, nothing_given, DOCS, INVALID, { NULL } },

  /* Entitlements: HH-002 had its 5 kits on 1 March. */
  { "entitlement/no-override", NULL, entitlement_no_override, DOCS, ENTITLEMENT, { "HH-002", "2026-03-01", "HYG-KIT|hygiene kit" } },
  { "entitlement/override-with-an-empty-reason", NULL, entitlement_empty_reason, DOCS, ENTITLEMENT, { "HH-002", "2026-03-01" } },
  { "entitlement/override-with-a-blank-reason", NULL, entitlement_blank_reason, DOCS, ENTITLEMENT, { "HH-002", "2026-03-01" } },

  /* Receipts: the second row is wrong. */
  { "receipt/unknown-household", NULL, receipt_unknown_household, DOCS, INVALID, { "HH-999" } },
  { "receipt/zero-quantity", NULL, receipt_zero, DOCS, INVALID, { "HH-002|receipt 2|row 2", "quantit" } },
  { "receipt/negative-quantity", NULL, receipt_negative, DOCS, INVALID, { "HH-002|receipt 2|row 2", "quantit" } },
  { "receipt/unknown-item", NULL, receipt_unknown_item, DOCS, INVALID, { "UNICORN" } },
  { "receipt/short", NULL, receipts_short, DOCS, SHORT, { "BUCKET|Bucket", "BEN-MAIN|Benghazi main warehouse" } },

  /* The registry. */
  { "household/size-differs-from-its-members", NULL, household_size_differs, MASTER, MK_MASTER_DATA_ERROR_INVALID, { "size|Household size", "3", "4" } },
  { "household/registered-twice", NULL, household_twice, MASTER, MK_MASTER_DATA_ERROR_DUPLICATE, { "HH-001" } },
  { "household/registered-twice-other-case", NULL, household_twice_other_case, MASTER, MK_MASTER_DATA_ERROR_DUPLICATE, { "HH-002" } },
  { "household/name-while-personal-data-is-off", NULL, household_name_off, MASTER, MK_MASTER_DATA_ERROR_INVALID, { "name|Head of household", "names and phone|personal" } },
  { "household/phone-while-personal-data-is-off", NULL, household_phone_off, MASTER, MK_MASTER_DATA_ERROR_INVALID, { "phone", "names and phone|personal" } },
  { "household/more-disabled-than-members", NULL, household_more_disabled_than_members, MASTER, MK_MASTER_DATA_ERROR_INVALID, { "disab" } },

  /* Entitlement rules. */
  { "entitlement-rule/two-intervals", NULL, entitlement_two_intervals, MASTER, MK_MASTER_DATA_ERROR_INVALID, { "interval|season|every" } },
  { "entitlement-rule/no-interval", NULL, entitlement_no_interval, MASTER, MK_MASTER_DATA_ERROR_INVALID, { "interval|season|every|stay" } },
  { "entitlement-rule/season-13-45", NULL, entitlement_bad_season, MASTER, MK_MASTER_DATA_ERROR_INVALID, { "13-45" } },
};

static void
test_refused (MkFixture    *fixture,
              gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;

  if (bad->setup != NULL)
    bad->setup (fixture);
  before = mk_fixture_dump (fixture);

  error = bad->act (fixture);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_error (error, bad->domain (), bad->code);
  for (guint i = 0; i < G_N_ELEMENTS (bad->mentions) && bad->mentions[i] != NULL; i++)
    mk_test_assert_mentions (error, bad->mentions[i], NULL);
  /* A message that speaks to a person, not a dump of the statement. */
  g_assert_cmpuint (strlen (error->message), <, 400);
  g_assert_null (strstr (error->message, "SQL"));
  g_assert_null (strstr (error->message, "constraint"));
  g_assert_null (strstr (error->message, "CHECK"));
  mk_fixture_assert_unchanged (fixture, before);
}

/* The other office's site gets no stock location and no document. */
static void
test_other_office_site_untouched (MkFixture    *fixture,
                                  gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *handle;

  setup_other_office_site (fixture);
  error = site_of_another_office (fixture);
  g_assert_nonnull (error);
  handle = mk_test_raw_open (fixture);
  g_assert_cmpint (mk_test_raw_int (handle, "SELECT count (*) FROM locations l JOIN sites s"
                                            " ON s.id = l.site_id WHERE s.code = 'TRP-DC'"),
                   ==, 0);
  g_assert_cmpint (mk_test_raw_int (handle, "SELECT count (*) FROM documents"
                                            " WHERE site_id = (7 << 40) + 1"),
                   ==, 0);
  sqlite3_close (handle);
}

/* Turning personal data on lets names in, and only then. */
static void
test_personal_data_on (MkFixture    *fixture,
                       gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) refusal = household_name_off (fixture);

  g_assert_nonnull (refusal);
  g_assert_true (mk_office_set_keeps_personal_data (fixture->db, TRUE, &error));
  g_assert_no_error (error);
  g_clear_error (&refusal);
  {
    g_autoptr (MkRecord) named = mk_test_add_household (fixture, "HH-051", "GAN-DC", NULL,
                                                        "2026-03-01", "female_18_59", "1",
                                                        "head_name", "Mariam Yusuf",
                                                        "phone", "+218 92 765 4321", NULL);
    g_assert_cmpstr (mk_record_get_string (named, "head_name"), ==, "Mariam Yusuf");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add (name, MkFixture, data, people_set_up, func, mk_ledger_fixture_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/people/refuses/%s", bad_cases[i].name);
      ADD (name, &bad_cases[i], test_refused);
    }
  ADD ("/people/other-office-site-untouched", NULL, test_other_office_site_untouched);
  ADD ("/people/personal-data-on", NULL, test_personal_data_on);

  return g_test_run ();
}
