/* test-distributions.c: people reached — distributions from a warehouse or
 * from a site's stock, household lists and their entitlements, the
 * registry, reconciliation per site, service deliveries and unique people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mk-distributions.h"
#include "mk-test-ledger.h"

/* Stock for everything below:
 *   2025-09-01 into BEN-MAIN, unearmarked: 300 HYG-KIT, 50 WINTER-KIT,
 *              100 CLOTHES, 200 BLANKET;
 *   2026-01-05 into BEN-MAIN: 300 BLANKET and 100 HYG-KIT of ECHO-2026,
 *              50 BLANKET of BHA-2026. */
static void
people_set_up (MkFixture    *fixture,
               gconstpointer data)
{
  g_autoptr (MkDocument) old = NULL;
  g_autoptr (MkDocument) granted = NULL;

  mk_ledger_fixture_set_up (fixture, data);
  mk_test_add_people_catalogue (fixture);

  old = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2025-09-01", "warehouse", "BEN-MAIN",
                              "source", "donation", NULL);
  mk_test_add_line (old, "HYG-KIT", 300, NULL);
  mk_test_add_line (old, "WINTER-KIT", 50, NULL);
  mk_test_add_line (old, "CLOTHES", 100, NULL);
  mk_test_add_line (old, "BLANKET", 200, NULL);
  mk_test_post (fixture, old);

  granted = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-01-05", "warehouse", "BEN-MAIN",
                                  "source", "purchase", NULL);
  mk_test_add_line (granted, "BLANKET", 300, "grant", "ECHO-2026", NULL);
  mk_test_add_line (granted, "HYG-KIT", 100, "grant", "ECHO-2026", NULL);
  mk_test_add_line (granted, "BLANKET", 50, "grant", "BHA-2026", NULL);
  mk_test_post (fixture, granted);
}

/* HH-001: a woman, a man and a girl under five (3).
 * HH-002: a woman, a man, two girls 5–11, a boy under five, one person
 * with a disability (5). Both at GAN-DC since 2025-09-15. */
static void
add_two_households (MkFixture *fixture)
{
  g_autoptr (MkRecord) one = NULL, two = NULL;

  one = mk_test_add_household (fixture, "HH-001", "GAN-DC", "migrants", "2025-09-15",
                               "female_18_59", "1", "male_18_59", "1", "female_0_4", "1", NULL);
  two = mk_test_add_household (fixture, "HH-002", "GAN-DC", "migrants", "2025-09-15",
                               "female_18_59", "1", "male_18_59", "1", "female_5_11", "2",
                               "male_0_4", "1", "disabled", "1", NULL);
  g_assert_cmpint (mk_record_get_int (one, "size"), ==, 3);
  g_assert_cmpint (mk_record_get_int (two, "size"), ==, 5);
}

static void
add_entitlement (MkFixture  *fixture,
                 const char *code,
                 const char *item,
                 const char *per,
                 const char *quantity,
                 const char *interval_field,
                 const char *interval_value)
{
  g_autoptr (MkRecord) rule = mk_fixture_add (fixture, "entitlement", "code", code, "item", item,
                                              "per", per, "quantity", quantity,
                                              interval_field, interval_value, NULL);
}

/* A household-list distribution from BEN-MAIN at GAN-DC. */
static MkDocument *
household_list (const char *date)
{
  return mk_test_document_new (MK_DOCUMENT_DISTRIBUTION, "date", date, "site", "GAN-DC",
                               "warehouse", "BEN-MAIN", "population_group", "migrants",
                               "activity", "hygiene_distribution",
                               "indicator", "people_hygiene", "partner", "LRC", NULL);
}

static MkHouseholdReceipt *
receipt_at (MkDocument *document,
            guint       index)
{
  GPtrArray *receipts = mk_document_get_receipts (document);

  g_assert_nonnull (receipts);
  g_assert_cmpuint (index, <, receipts->len);
  return g_ptr_array_index (receipts, index);
}

static guint
check_entitlements (MkFixture  *fixture,
                    MkDocument *document)
{
  g_autofree char *before = mk_fixture_dump (fixture);
  g_autoptr (GError) error = NULL;
  guint n_flagged = G_MAXUINT;

  g_assert_true (mk_distributions_check_entitlements (fixture->db, document, &n_flagged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_flagged, !=, G_MAXUINT);
  /* Checking writes nothing. */
  mk_fixture_assert_unchanged (fixture, before);
  g_assert_cmpint (mk_document_get_status (document), ==, MK_DOCUMENT_DRAFT);
  return n_flagged;
}

static MkAuditEntry *
newest_audit (MkFixture  *fixture,
              GPtrArray **keep)
{
  g_autoptr (GError) error = NULL;

  *keep = mk_audit_list (fixture->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*keep)->len, ==, 1);
  return g_ptr_array_index (*keep, 0);
}

static void
assert_counts_equal (const MkPeopleCounts *got,
                     const MkPeopleCounts *expected)
{
  const char *const *names = mk_people_counts_field_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (mk_people_counts_get (got, names[i]) != mk_people_counts_get (expected, names[i]))
      g_error ("%s: expected %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT, names[i],
               mk_people_counts_get (expected, names[i]), mk_people_counts_get (got, names[i]));
}

/* Counts ----------------------------------------------------------------- */

static void
test_counts_fields (void)
{
  const char *const *names = mk_people_counts_field_names ();
  MkPeopleCounts     counts = { 0 };
  g_autoptr (GError) error = NULL;
  guint n = 0;

  while (names[n] != NULL)
    n++;
  g_assert_cmpuint (n, ==, 14);
  g_assert_cmpstr (names[0], ==, "female_0_4");
  g_assert_true (g_strv_contains (names, "male_60"));
  g_assert_true (g_strv_contains (names, "disabled"));
  g_assert_true (g_strv_contains (names, "unaccompanied"));
  g_assert_true (g_strv_contains (names, "households"));
  g_assert_true (g_strv_contains (names, "total"));

  g_assert_cmpstr (mk_age_band_get_key (MK_AGE_0_4), ==, "0_4");
  g_assert_cmpstr (mk_age_band_get_key (MK_AGE_60_PLUS), ==, "60");
  g_assert_cmpstr (mk_age_band_get_label (MK_AGE_60_PLUS), ==, "60+");

  /* Arabic-Indic digits, as people type them. */
  g_assert_true (mk_people_counts_set_text (&counts, "female_60", "١٢", &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.female[MK_AGE_60_PLUS], ==, 12);
  g_assert_true (mk_people_counts_set_text (&counts, "male_12_17", "3", &error));
  g_assert_cmpint (counts.male[MK_AGE_12_17], ==, 3);
  g_assert_cmpint (mk_people_counts_sum (&counts), ==, 15);
  g_assert_cmpint (mk_people_counts_get (&counts, "male_12_17"), ==, 3);

  g_assert_false (mk_people_counts_set_text (&counts, "male_12_17", "-1", &error));
  g_assert_nonnull (error);
  mk_test_assert_mentions (error, "male_12_17", NULL);
  g_clear_error (&error);
  g_assert_false (mk_people_counts_set_text (&counts, "male_12_17", "a few", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (mk_people_counts_set_text (&counts, "martians", "1", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* Refusals leave the count as it was. */
  g_assert_cmpint (counts.male[MK_AGE_12_17], ==, 3);

  {
    g_autoptr (MkDocument) grn = mk_document_new (MK_DOCUMENT_GRN);
    g_autoptr (MkDocument) service = mk_document_new (MK_DOCUMENT_SERVICE);
    g_autoptr (MkDocument) distribution = mk_document_new (MK_DOCUMENT_DISTRIBUTION);

    g_assert_null (mk_document_get_counts (grn));
    g_assert_nonnull (mk_document_get_counts (service));
    g_assert_nonnull (mk_document_get_counts (distribution));
    g_assert_cmpint (mk_document_get_counts (distribution)->total, ==, 0);
    g_assert_cmpstr (mk_document_kind_to_code (MK_DOCUMENT_DISTRIBUTION), ==, "DIS");
    g_assert_cmpstr (mk_document_kind_to_code (MK_DOCUMENT_SERVICE), ==, "SRV");
  }
}

/* Distributions with counts ---------------------------------------------- */

static void
test_from_warehouse (MkFixture    *fixture,
                     gconstpointer data)
{
  g_autoptr (MkDocument) distribution = NULL;
  g_autoptr (MkDocument) again = NULL;
  g_autoptr (GPtrArray) month = NULL;
  g_autoptr (GError) error = NULL;
  MkPeopleCounts *counts, expected;
  MkMonthRow     *blanket_row = NULL;

  distribution = mk_test_document_new (MK_DOCUMENT_DISTRIBUTION, "date", "2026-03-01",
                                       "site", "GAN-DC", "warehouse", "BEN-MAIN",
                                       "population_group", "migrants", "grant", "ECHO-2026",
                                       "activity", "nfi_distribution", "indicator", "people_nfi",
                                       "partner", "LRC", NULL);
  mk_test_add_line (distribution, "BLANKET", 30, NULL);
  /* A kit goes out as it came in. */
  mk_test_add_line (distribution, "HYG-KIT", 10, NULL);
  mk_test_set_counts (distribution, "female_18_59", "12", "male_18_59", "10",
                      "female_0_4", "3", "male_5_11", "2", "female_60", "1", "male_60", "2",
                      "disabled", "2", "unaccompanied", "1", "households", "9",
                      "total", "30", NULL);
  expected = *mk_document_get_counts (distribution);
  g_assert_cmpint (mk_people_counts_sum (&expected), ==, 30);

  mk_test_post (fixture, distribution);
  g_assert_cmpstr (mk_document_get_number (distribution), ==, "BEN-DIS-2026-00001");

  /* Deducted from the grant's stock, the unearmarked stock untouched. */
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, "ECHO-2026", NULL), ==, 270);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HYG-KIT", NULL, "ECHO-2026", NULL), ==, 90);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, "", NULL), ==, 200);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HYG-KIT", NULL, "", NULL), ==, 300);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, NULL, "2026-02-28"), ==, 550);
  /* Given to people: nothing lands at the site. */
  g_assert_cmpint (mk_test_site_balance (fixture, "GAN-DC", "BLANKET"), ==, 0);

  /* The monthly report calls it distributed. */
  month = mk_ledger_month_report (fixture->db, "2026-03", "BEN-MAIN", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < month->len; i++)
    {
      MkMonthRow *row = g_ptr_array_index (month, i);
      if (g_str_equal (row->item_code, "BLANKET") && g_strcmp0 (row->grant_code, "ECHO-2026") == 0)
        blanket_row = row;
    }
  g_assert_nonnull (blanket_row);
  g_assert_cmpint (blanket_row->distributed, ==, 30);
  g_assert_cmpint (blanket_row->dispatched, ==, 0);
  g_assert_cmpint (blanket_row->closing, ==, 270);

  /* Read back as it was posted. */
  again = mk_documents_get_by_number (fixture->db, "ben-dis-2026-00001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_document_get_kind (again), ==, MK_DOCUMENT_DISTRIBUTION);
  g_assert_cmpint (mk_document_get_status (again), ==, MK_DOCUMENT_POSTED);
  g_assert_cmpstr (mk_document_get_field (again, "date"), ==, "2026-03-01");
  g_assert_cmpstr (mk_document_get_field (again, "site"), ==, "GAN-DC");
  g_assert_cmpstr (mk_document_get_field (again, "warehouse"), ==, "BEN-MAIN");
  g_assert_cmpstr (mk_document_get_field (again, "population_group"), ==, "migrants");
  g_assert_cmpstr (mk_document_get_field (again, "grant"), ==, "ECHO-2026");
  g_assert_cmpstr (mk_document_get_field (again, "activity"), ==, "nfi_distribution");
  g_assert_cmpstr (mk_document_get_field (again, "indicator"), ==, "people_nfi");
  g_assert_cmpstr (mk_document_get_field (again, "partner"), ==, "LRC");
  g_assert_cmpint (mk_test_lines_total (again, "BLANKET"), ==, 30);
  g_assert_cmpint (mk_test_lines_total (again, "HYG-KIT"), ==, 10);
  g_assert_cmpuint (mk_document_get_receipts (again)->len, ==, 0);
  counts = mk_document_get_counts (again);
  g_assert_nonnull (counts);
  assert_counts_equal (counts, &expected);
  g_assert_cmpint (counts->female[MK_AGE_18_59], ==, 12);
  g_assert_cmpint (counts->households, ==, 9);
  g_assert_cmpint (counts->total, ==, 30);
  /* 30 blankets of 2 kg; kits weigh 1.5 kg. */
  g_assert_cmpint (mk_document_get_total_units (again), ==, 40);
  g_assert_cmpint (mk_document_get_total_weight_g (again), ==, 75000);
}

static void
test_short_from_warehouse (MkFixture    *fixture,
                           gconstpointer data)
{
  g_autoptr (MkDocument) distribution = NULL;
  g_autoptr (GError) refusal = NULL;

  distribution = mk_test_document_new (MK_DOCUMENT_DISTRIBUTION, "date", "2026-03-01",
                                       "site", "GAN-DC", "warehouse", "BEN-MAIN",
                                       "population_group", "refugees", "grant", "ECHO-2026",
                                       NULL);
  mk_test_add_line (distribution, "BLANKET", 301, NULL);
  mk_test_set_counts (distribution, "male_18_59", "301", "total", "301", NULL);
  refusal = mk_test_post_fails (fixture, distribution);
  g_assert_error (refusal, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_SHORT);
  mk_test_assert_mentions (refusal, "BLANKET|Blanket", "BEN-MAIN|Benghazi main warehouse",
                           "300|301", NULL);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, "ECHO-2026", NULL), ==, 300);
}

static MkDocument *
from_site (const char *site,
           const char *date,
           const char *item,
           gint64      quantity)
{
  g_autofree char *people = g_strdup_printf ("%" G_GINT64_FORMAT, quantity);
  MkDocument      *distribution = mk_test_document_new (MK_DOCUMENT_DISTRIBUTION, "date", date,
                                                        "site", site, "population_group", "migrants",
                                                        "grant", "ECHO-2026", NULL);

  mk_test_add_line (distribution, item, quantity, NULL);
  mk_test_set_counts (distribution, "female_18_59", people, "total", people, NULL);
  return distribution;
}

static void
test_from_site_stock (MkFixture    *fixture,
                      gconstpointer data)
{
  g_autofree char *waybill = NULL;
  g_autofree char *not_arrived = NULL;
  g_autoptr (MkDocument) first = NULL;
  g_autoptr (MkDocument) too_many = NULL;
  g_autoptr (MkDocument) in_transit = NULL;
  g_autoptr (MkDocument) again = NULL;
  g_autoptr (GError) refusal = NULL;
  g_autoptr (GError) error = NULL;

  /* 60 sent, 55 arrive, 5 short. */
  waybill = mk_test_deliver_to_site (fixture, "2026-02-01", "BEN-MAIN", "GAN-DC", "BLANKET", 60,
                                     "ECHO-2026", "2026-02-03", 5);
  g_assert_cmpint (mk_test_site_balance (fixture, "GAN-DC", "BLANKET"), ==, 55);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, "ECHO-2026", NULL), ==, 240);

  first = from_site ("GAN-DC", "2026-02-10", "BLANKET", 50);
  mk_test_post (fixture, first);
  g_assert_cmpint (mk_test_site_balance (fixture, "GAN-DC", "BLANKET"), ==, 5);
  /* The warehouse gave nothing more. */
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, "ECHO-2026", NULL), ==, 240);

  again = mk_documents_get_by_number (fixture->db, mk_document_get_number (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_document_get_field (again, "site"), ==, "GAN-DC");
  g_assert_null (mk_document_get_field (again, "warehouse"));

  /* Refused the same way as a warehouse's: the site, the item, what is there. */
  too_many = from_site ("GAN-DC", "2026-02-11", "BLANKET", 6);
  refusal = mk_test_post_fails (fixture, too_many);
  g_assert_error (refusal, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_SHORT);
  mk_test_assert_mentions (refusal, "BLANKET|Blanket", "GAN-DC|Ganfouda", "5|6", NULL);
  g_clear_error (&refusal);

  /* Goods still on the road are not the site's yet. */
  not_arrived = mk_test_deliver_to_site (fixture, "2026-02-12", "BEN-MAIN", "KUF-UC", "BLANKET",
                                         20, "ECHO-2026", NULL, 0);
  in_transit = from_site ("KUF-UC", "2026-02-14", "BLANKET", 1);
  refusal = mk_test_post_fails (fixture, in_transit);
  g_assert_error (refusal, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_SHORT);
  mk_test_assert_mentions (refusal, "BLANKET|Blanket", "KUF-UC|Kuwaifiya", NULL);
  g_assert_cmpint (mk_test_site_balance (fixture, "GAN-DC", "BLANKET"), ==, 5);
}

/* Household lists -------------------------------------------------------- */

static void
test_household_list (MkFixture    *fixture,
                     gconstpointer data)
{
  g_autoptr (MkDocument) distribution = household_list ("2026-03-01");
  g_autoptr (MkDocument) again = NULL;
  g_autoptr (GError) error = NULL;
  MkHouseholdReceipt *receipt;

  add_two_households (fixture);
  add_entitlement (fixture, "HYG-30", "HYG-KIT", "person", "1", "interval_days", "30");

  mk_test_add_receipt (distribution, "HH-001", "HYG-KIT", 3, NULL);
  mk_test_add_receipt (distribution, "HH-002", "HYG-KIT", 5, NULL);
  mk_test_add_receipt (distribution, "hh-002", "CLOTHES", 1, NULL);
  g_assert_cmpuint (check_entitlements (fixture, distribution), ==, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_null (receipt_at (distribution, i)->previous_date);

  mk_test_post (fixture, distribution);
  /* Its lines are the receipts' totals. */
  g_assert_cmpint (mk_test_lines_total (distribution, "HYG-KIT"), ==, 8);
  g_assert_cmpint (mk_test_lines_total (distribution, "CLOTHES"), ==, 1);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HYG-KIT", NULL, "", NULL), ==, 292);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "CLOTHES", NULL, NULL, NULL), ==, 99);

  again = mk_documents_get (fixture->db, mk_document_get_id (distribution), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mk_document_get_receipts (again)->len, ==, 3);
  g_assert_cmpint (mk_test_lines_total (again, "HYG-KIT"), ==, 8);
  for (guint i = 0; i < 3; i++)
    {
      receipt = receipt_at (again, i);
      g_assert_cmpint (receipt->household_id, !=, 0);
      g_assert_cmpint (receipt->item_id, !=, 0);
      g_assert_null (receipt->override_reason);
      g_assert_null (receipt->previous_date);
      if (g_str_equal (receipt->item_code, "CLOTHES"))
        {
          g_assert_cmpstr (receipt->household_code, ==, "HH-002");
          g_assert_cmpint (receipt->quantity, ==, 1);
        }
      else if (g_str_equal (receipt->household_code, "HH-001"))
        g_assert_cmpint (receipt->quantity, ==, 3);
      else
        {
          g_assert_cmpstr (receipt->household_code, ==, "HH-002");
          g_assert_cmpstr (receipt->item_code, ==, "HYG-KIT");
          g_assert_cmpint (receipt->quantity, ==, 5);
        }
    }
}

/* The same household and item twice in one list is either refused, naming
 * the household, or taken as one receipt of the sum — never a crash or a
 * message about constraints. */
static void
test_same_receipt_twice (MkFixture    *fixture,
                         gconstpointer data)
{
  g_autoptr (MkDocument) distribution = household_list ("2026-03-01");
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;

  add_two_households (fixture);
  mk_test_add_receipt (distribution, "HH-001", "CLOTHES", 1, NULL);
  mk_test_add_receipt (distribution, "HH-001", "CLOTHES", 2, NULL);
  before = mk_fixture_dump (fixture);
  if (mk_documents_post (fixture->db, distribution, &error))
    {
      g_autoptr (MkDocument) again = mk_documents_get (fixture->db, mk_document_get_id (distribution),
                                                       &error);
      g_test_message ("two rows of HH-001 CLOTHES were taken as one receipt");
      g_assert_no_error (error);
      g_assert_cmpuint (mk_document_get_receipts (again)->len, ==, 1);
      g_assert_cmpint (receipt_at (again, 0)->quantity, ==, 3);
      g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "CLOTHES", NULL, NULL, NULL), ==, 97);
    }
  else
    {
      g_test_message ("refused: %s", error->message);
      g_assert_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_INVALID);
      mk_test_assert_mentions (error, "HH-001", NULL);
      g_assert_null (strstr (error->message, "constraint"));
      mk_fixture_assert_unchanged (fixture, before);
    }
}

/* Entitlements ----------------------------------------------------------- */

static MkDocument *
one_receipt (const char *date,
             const char *household,
             const char *item,
             gint64      quantity,
             const char *override_reason)
{
  MkDocument *distribution = household_list (date);

  mk_test_add_receipt (distribution, household, item, quantity, override_reason);
  return distribution;
}

/* Posts a one-receipt distribution, asserting nothing is flagged. */
static void
give (MkFixture  *fixture,
      const char *date,
      const char *household,
      const char *item,
      gint64      quantity)
{
  g_autoptr (MkDocument) distribution = one_receipt (date, household, item, quantity, NULL);

  if (check_entitlements (fixture, distribution) != 0)
    g_error ("%s receiving %" G_GINT64_FORMAT " %s on %s was flagged (earlier receipt: %s)",
             household, quantity, item, date,
             receipt_at (distribution, 0)->previous_date ?: "none");
  mk_test_post (fixture, distribution);
}

/* Refuses a one-receipt distribution for breaking an entitlement; the
 * receipt is flagged with @previous (NULL: no earlier receipt needed,
 * "A|B": either). */
static void
refuse (MkFixture  *fixture,
        const char *date,
        const char *household,
        const char *item,
        gint64      quantity,
        const char *previous)
{
  g_autoptr (MkDocument) distribution = one_receipt (date, household, item, quantity, NULL);
  g_autoptr (GError) refusal = NULL;
  MkHouseholdReceipt *receipt;

  g_assert_cmpuint (check_entitlements (fixture, distribution), ==, 1);
  receipt = receipt_at (distribution, 0);
  if (previous != NULL)
    {
      g_auto (GStrv) dates = g_strsplit (previous, "|", -1);
      if (receipt->previous_date == NULL || !g_strv_contains ((const char *const *) dates,
                                                              receipt->previous_date))
        g_error ("%s on %s: previous_date is %s, expected %s", household, date,
                 receipt->previous_date ?: "NULL", previous);
    }

  refusal = mk_test_post_fails (fixture, distribution);
  g_assert_error (refusal, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_ENTITLEMENT);
  mk_test_assert_mentions (refusal, household, NULL);
  if (previous != NULL)
    mk_test_assert_mentions (refusal, previous, NULL);
}

/* Per person: a household of 5 may get 5 hygiene kits per 30 days, not 6. */
static void
test_entitlement_per_person (MkFixture    *fixture,
                             gconstpointer data)
{
  g_autoptr (MkDocument) two_flagged = NULL;
  g_autoptr (MkDocument) overridden = NULL;
  g_autoptr (MkDocument) again = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autoptr (GError) refusal = NULL;
  g_autoptr (GError) error = NULL;
  MkAuditEntry *entry;
  const char   *previous;

  add_two_households (fixture);
  add_entitlement (fixture, "HYG-30", "HYG-KIT", "person", "1", "interval_days", "30");

  /* 3 then 2: five within 30 days is the household's due. */
  give (fixture, "2026-03-01", "HH-002", "HYG-KIT", 3);
  give (fixture, "2026-03-10", "HH-002", "HYG-KIT", 2);
  give (fixture, "2026-03-10", "HH-001", "HYG-KIT", 3);

  /* A sixth within 30 days is flagged with the earlier receipt; 29 days
   * after the 1 March receipt it still counts. */
  refuse (fixture, "2026-03-25", "HH-002", "HYG-KIT", 1, "2026-03-01|2026-03-10");
  refuse (fixture, "2026-03-30", "HH-002", "HYG-KIT", 1, "2026-03-01|2026-03-10");

  /* Each flagged receipt needs its own reason: HH-001's has none. */
  two_flagged = household_list ("2026-03-25");
  mk_test_add_receipt (two_flagged, "HH-002", "HYG-KIT", 1, "Kit lost in the fire of 20 March");
  mk_test_add_receipt (two_flagged, "HH-001", "HYG-KIT", 1, NULL);
  mk_test_add_receipt (two_flagged, "HH-001", "CLOTHES", 1, NULL);
  g_assert_cmpuint (check_entitlements (fixture, two_flagged), ==, 2);
  g_assert_nonnull (receipt_at (two_flagged, 0)->previous_date);
  g_assert_cmpstr (receipt_at (two_flagged, 1)->previous_date, ==, "2026-03-10");
  g_assert_null (receipt_at (two_flagged, 2)->previous_date);
  refusal = mk_test_post_fails (fixture, two_flagged);
  g_assert_error (refusal, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_ENTITLEMENT);
  mk_test_assert_mentions (refusal, "HH-001", "2026-03-10", NULL);
  g_clear_error (&refusal);

  /* With a reason, posted; the audit entry of the posting carries it. */
  overridden = one_receipt ("2026-03-25", "HH-002", "HYG-KIT", 1,
                            "Kit lost in the fire of 20 March");
  g_assert_cmpuint (check_entitlements (fixture, overridden), ==, 1);
  mk_test_post (fixture, overridden);
  entry = newest_audit (fixture, &audit);
  g_assert_cmpstr (entry->action, ==, "post");
  g_assert_cmpstr (entry->code, ==, mk_document_get_number (overridden));
  g_assert_nonnull (entry->details);
  if (strstr (entry->details, "Kit lost in the fire of 20 March") == NULL || strstr (entry->details, "HH-002") == NULL)
    g_error ("the audit entry of %s does not record the override: %s", entry->code, entry->details);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HYG-KIT", NULL, "", NULL), ==, 291);

  again = mk_documents_get (fixture->db, mk_document_get_id (overridden), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (receipt_at (again, 0)->override_reason, ==, "Kit lost in the fire of 20 March");
  previous = receipt_at (again, 0)->previous_date;
  g_assert_true (g_strcmp0 (previous, "2026-03-01") == 0 || g_strcmp0 (previous, "2026-03-10") == 0);

  /* 30 days after 1 March, that receipt no longer counts: 2 (10 March)
   * + 1 (25 March, overridden) + 1 ≤ 5. */
  give (fixture, "2026-03-31", "HH-002", "HYG-KIT", 1);

  /* HH-001 had 3 on 10 March: one more on 8 April (29 days) is too many,
   * on 9 April (30 days) it is due again. */
  refuse (fixture, "2026-04-08", "HH-001", "HYG-KIT", 1, "2026-03-10");
  give (fixture, "2026-04-09", "HH-001", "HYG-KIT", 3);

  /* Six at once for five people, long after anything else. */
  refuse (fixture, "2026-06-01", "HH-002", "HYG-KIT", 6, NULL);
  give (fixture, "2026-06-01", "HH-002", "HYG-KIT", 5);
}

/* Per household, once a season from 1 October. */
static void
test_entitlement_per_household_season (MkFixture    *fixture,
                                       gconstpointer data)
{
  add_two_households (fixture);
  add_entitlement (fixture, "WINTER", "WINTER-KIT", "household", "1", "season_start", "10-01");

  give (fixture, "2025-10-15", "HH-002", "WINTER-KIT", 1);
  /* One per household however large. */
  refuse (fixture, "2025-10-15", "HH-001", "WINTER-KIT", 2, NULL);
  give (fixture, "2025-10-20", "HH-001", "WINTER-KIT", 1);
  refuse (fixture, "2026-02-01", "HH-002", "WINTER-KIT", 1, "2025-10-15");
  refuse (fixture, "2026-09-30", "HH-002", "WINTER-KIT", 1, "2025-10-15");
  /* A new season. */
  give (fixture, "2026-10-01", "HH-002", "WINTER-KIT", 1);
  refuse (fixture, "2026-10-02", "HH-002", "WINTER-KIT", 1, "2026-10-01");
  give (fixture, "2026-10-02", "HH-001", "WINTER-KIT", 1);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "WINTER-KIT", NULL, NULL, NULL), ==, 46);
}

/* Once per stay, per person. */
static void
test_entitlement_once_per_stay (MkFixture    *fixture,
                                gconstpointer data)
{
  g_autoptr (MkDocument) both = NULL;
  g_autoptr (GError) refusal = NULL;

  add_two_households (fixture);
  add_entitlement (fixture, "CLOTHES-STAY", "CLOTHES", "person", "1", "once_per_stay", "yes");

  give (fixture, "2026-03-01", "HH-001", "CLOTHES", 3);
  refuse (fixture, "2026-09-01", "HH-001", "CLOTHES", 1, "2026-03-01");

  both = household_list ("2026-09-01");
  mk_test_add_receipt (both, "HH-002", "CLOTHES", 5, NULL);
  mk_test_add_receipt (both, "HH-001", "CLOTHES", 1, NULL);
  g_assert_cmpuint (check_entitlements (fixture, both), ==, 1);
  g_assert_null (receipt_at (both, 0)->previous_date);
  g_assert_cmpstr (receipt_at (both, 1)->previous_date, ==, "2026-03-01");
  refusal = mk_test_post_fails (fixture, both);
  g_assert_error (refusal, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_ENTITLEMENT);
  mk_test_assert_mentions (refusal, "HH-001", "2026-03-01", NULL);
  g_assert_null (strstr (refusal->message, "HH-002"));

  give (fixture, "2026-09-01", "HH-002", "CLOTHES", 5);
}

/* A cancelled distribution gave nothing: stock comes back, nobody was
 * reached, and the household is due again. */
static void
test_cancelled_distribution (MkFixture    *fixture,
                             gconstpointer data)
{
  g_autoptr (MkDocument) distribution = NULL;
  g_autoptr (MkDocument) cancellation = NULL;
  g_autoptr (GError) error = NULL;
  MkPeopleCounts people = { 0 };

  add_two_households (fixture);
  add_entitlement (fixture, "HYG-30", "HYG-KIT", "person", "1", "interval_days", "30");
  distribution = one_receipt ("2026-03-01", "HH-002", "HYG-KIT", 5, NULL);
  mk_test_post (fixture, distribution);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HYG-KIT", NULL, "", NULL), ==, 295);
  g_assert_true (mk_distributions_reached (fixture->db, NULL, NULL, "2026-03-01", "2026-03-31",
                                           &people, &error));
  g_assert_no_error (error);
  g_assert_cmpint (people.total, ==, 5);

  cancellation = mk_documents_cancel (fixture->db, mk_document_get_number (distribution),
                                      "2026-03-02", "Entered against the wrong site", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cancellation);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HYG-KIT", NULL, "", NULL), ==, 300);

  memset (&people, 0, sizeof people);
  g_assert_true (mk_distributions_reached (fixture->db, NULL, NULL, "2026-03-01", "2026-03-31",
                                           &people, &error));
  g_assert_no_error (error);
  g_assert_cmpint (people.total, ==, 0);
  g_assert_cmpint (people.households, ==, 0);

  give (fixture, "2026-03-05", "HH-002", "HYG-KIT", 5);
}

/* A household's own history: newest first, the cancelled receipt flagged,
 * other households' receipts left out. */
static void
test_household_history (MkFixture    *fixture,
                        gconstpointer data)
{
  g_autoptr (MkDocument) distribution = NULL;
  g_autoptr (MkDocument) cancellation = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  MkHouseholdHistoryRow *row;

  add_two_households (fixture);
  distribution = one_receipt ("2026-03-01", "HH-002", "HYG-KIT", 5, NULL);
  mk_test_post (fixture, distribution);
  cancellation = mk_documents_cancel (fixture->db, mk_document_get_number (distribution),
                                      "2026-03-02", "Entered against the wrong site", &error);
  g_assert_no_error (error);
  give (fixture, "2026-03-05", "HH-002", "HYG-KIT", 4);
  give (fixture, "2026-03-06", "HH-001", "CLOTHES", 1);

  history = mk_distributions_household_history (fixture->db, "hh-002", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  row = g_ptr_array_index (history, 0);
  g_assert_cmpstr (row->date, ==, "2026-03-05");
  g_assert_cmpstr (row->item_code, ==, "HYG-KIT");
  g_assert_cmpint (row->quantity, ==, 4);
  g_assert_false (row->cancelled);
  g_assert_nonnull (row->document_number);
  row = g_ptr_array_index (history, 1);
  g_assert_cmpstr (row->date, ==, "2026-03-01");
  g_assert_cmpstr (row->document_number, ==, mk_document_get_number (distribution));
  g_assert_cmpint (row->quantity, ==, 5);
  g_assert_true (row->cancelled);
  g_clear_pointer (&history, g_ptr_array_unref);

  history = mk_distributions_household_history (fixture->db, "HH-404", &error);
  g_assert_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_NOT_FOUND);
  g_assert_null (history);
}

/* The registry ------------------------------------------------------------ */

static void
test_registry (MkFixture    *fixture,
               gconstpointer data)
{
  g_autoptr (MkRecord) h10 = NULL, h11 = NULL, h12 = NULL, h13 = NULL, h14 = NULL, h15 = NULL;
  g_autoptr (MkRecord) read = NULL;
  g_autoptr (GPtrArray) pairs = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) refusal = NULL;
  const char *a, *b;

#define FAMILY "female_18_59", "1", "male_18_59", "1", "female_0_4", "1"
  h10 = mk_test_add_household (fixture, "HH-010", "GAN-DC", NULL, "2026-03-02", FAMILY, NULL);
  h11 = mk_test_add_household (fixture, "HH-011", "GAN-DC", NULL, "2026-03-05", FAMILY, NULL);
  /* The same family elsewhere, or three weeks later, is another family. */
  h12 = mk_test_add_household (fixture, "HH-012", "KUF-UC", NULL, "2026-03-03", FAMILY, NULL);
  h13 = mk_test_add_household (fixture, "HH-013", "GAN-DC", NULL, "2026-03-26", FAMILY, NULL);
  /* Same size, another composition. */
  h14 = mk_test_add_household (fixture, "HH-014", "GAN-DC", NULL, "2026-03-03",
                               "female_18_59", "1", "male_18_59", "1", "male_0_4", "1", NULL);
  h15 = mk_test_add_household (fixture, "HH-015", "GAN-DC", "refugees", "2026-03-04",
                               "female_18_59", "1", "female_60", "1", "disabled", "1",
                               "vulnerabilities", "female_headed,disability", NULL);
#undef FAMILY

  pairs = mk_distributions_likely_duplicates (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pairs);
  g_assert_cmpuint (pairs->len, ==, 2);
  a = g_ptr_array_index (pairs, 0);
  b = g_ptr_array_index (pairs, 1);
  g_assert_true ((g_strcmp0 (a, "HH-010") == 0 && g_strcmp0 (b, "HH-011") == 0) || (g_strcmp0 (a, "HH-011") == 0 && g_strcmp0 (b, "HH-010") == 0));

  /* Once per office, whatever the case. */
  refusal = mk_fixture_add_fails (fixture, "household", "code", "hh-010", "site", "KUF-UC",
                                  "population_group", "migrants", "size", "1",
                                  "male_18_59", "1", "registered_on", "2026-03-10", NULL);
  g_assert_error (refusal, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_DUPLICATE);
  mk_test_assert_mentions (refusal, "hh-010", NULL);

  /* Vulnerabilities are kept; no name or phone. */
  read = mk_master_data_get (fixture->db, mk_kind_lookup ("household"), "HH-015", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_record_get_int (read, "size"), ==, 2);
  g_assert_cmpint (mk_record_get_int (read, "disabled"), ==, 1);
  g_assert_cmpstr (mk_record_get_string (read, "vulnerabilities"), ==, "female_headed,disability");
  g_assert_cmpstr (mk_record_get_string (read, "population_group"), ==, "refugees");
  g_assert_true (mk_record_get_string (read, "head_name") == NULL || *mk_record_get_string (read, "head_name") == '\0');
}

static void
test_personal_data (MkFixture    *fixture,
                    gconstpointer data)
{
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (MkRecord) named = NULL;
  g_autoptr (MkRecord) read = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) refusal = NULL;

  /* Off until the office turns it on. */
  g_assert_false (mk_office_get_keeps_personal_data (fixture->db));
  refusal = mk_fixture_add_fails (fixture, "household", "code", "HH-020", "population_group",
                                  "idps", "size", "1", "female_18_59", "1",
                                  "head_name", "Fatima Ali", "registered_on", "2026-03-01", NULL);
  g_assert_nonnull (refusal);
  mk_test_assert_mentions (refusal, "name|personal", NULL);

  /* Turning it on is audited. */
  before = mk_audit_list (fixture->db, 1000, &error);
  g_assert_no_error (error);
  g_assert_true (mk_office_set_keeps_personal_data (fixture->db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (mk_office_get_keeps_personal_data (fixture->db));
  after = mk_audit_list (fixture->db, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 1);

  named = mk_test_add_household (fixture, "HH-020", "GAN-DC", "idps", "2026-03-01",
                                 "female_18_59", "1", "head_name", "Fatima Ali",
                                 "phone", "+218 91 234 5678", NULL);
  read = mk_master_data_get (fixture->db, mk_kind_lookup ("household"), "HH-020", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_string (read, "head_name"), ==, "Fatima Ali");
  g_assert_cmpstr (mk_record_get_string (read, "phone"), ==, "+218 91 234 5678");

  /* The setting is the office's, not the connection's. */
  g_assert_finalize_object (g_steal_pointer (&fixture->db));
  fixture->db = mk_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (mk_office_get_keeps_personal_data (fixture->db));
}

/* Reconciliation ---------------------------------------------------------- */

static MkReconcileRow *
find_reconcile (GPtrArray  *rows,
                const char *item)
{
  for (guint i = 0; i < rows->len; i++)
    {
      MkReconcileRow *row = g_ptr_array_index (rows, i);
      if (g_str_equal (row->item_code, item))
        return row;
    }
  g_error ("no reconciliation row for %s", item);
  return NULL;
}

static void
assert_reconcile (MkReconcileRow *row,
                  gint64          opening,
                  gint64          dispatched,
                  gint64          received,
                  gint64          distributed,
                  gint64          returned,
                  gint64          lost,
                  gint64          in_transit,
                  gint64          remaining)
{
  g_test_message ("%s: opening %" G_GINT64_FORMAT " dispatched %" G_GINT64_FORMAT
                  " received %" G_GINT64_FORMAT " distributed %" G_GINT64_FORMAT
                  " returned %" G_GINT64_FORMAT " lost %" G_GINT64_FORMAT
                  " in_transit %" G_GINT64_FORMAT " remaining %" G_GINT64_FORMAT
                  " difference %" G_GINT64_FORMAT,
                  row->item_code, row->opening, row->dispatched,
                  row->received, row->distributed, row->returned, row->lost, row->in_transit,
                  row->remaining, row->difference);
  g_assert_cmpint (row->opening, ==, opening);
  g_assert_cmpint (row->dispatched, ==, dispatched);
  g_assert_cmpint (row->received, ==, received);
  g_assert_cmpint (row->distributed, ==, distributed);
  g_assert_cmpint (row->returned, ==, returned);
  g_assert_cmpint (row->lost, ==, lost);
  g_assert_cmpint (row->in_transit, ==, in_transit);
  g_assert_cmpint (row->remaining, ==, remaining);
  g_assert_cmpint (row->difference, ==, 0);
  g_assert_cmpint (row->opening + row->dispatched, ==,
                   row->distributed + row->returned + row->lost + row->in_transit + row->remaining + row->difference);
}

static void
test_reconcile (MkFixture    *fixture,
                gconstpointer data)
{
  g_autofree char *wb1 = NULL, *wb2 = NULL, *wb3 = NULL, *wb_soap = NULL, *wb_other = NULL;
  g_autoptr (MkDocument) soap = NULL;
  g_autoptr (MkDocument) given = NULL;
  g_autoptr (MkDocument) given_later = NULL;
  g_autoptr (MkDocument) returned = NULL;
  g_autoptr (GPtrArray) february = NULL;
  g_autoptr (GPtrArray) march = NULL;
  g_autoptr (GError) error = NULL;

  soap = mk_test_receive (fixture, "2026-01-05", "BEN-MAIN", "SOAP", 100, NULL, NULL, NULL);

  /* January: 20 arrive at GAN-DC, all there on 1 February. */
  wb1 = mk_test_deliver_to_site (fixture, "2026-01-20", "BEN-MAIN", "GAN-DC", "BLANKET", 20,
                                 "ECHO-2026", "2026-01-22", 0);
  /* February: 60 sent, 55 arrive, 5 short on reception … */
  wb2 = mk_test_deliver_to_site (fixture, "2026-02-01", "BEN-MAIN", "GAN-DC", "BLANKET", 60,
                                 "ECHO-2026", "2026-02-03", 5);
  wb_soap = mk_test_deliver_to_site (fixture, "2026-02-02", "BEN-MAIN", "GAN-DC", "SOAP", 40,
                                     NULL, "2026-02-04", 0);
  /* … 10 more still on the road at the end of the month … */
  wb3 = mk_test_deliver_to_site (fixture, "2026-02-20", "BEN-MAIN", "GAN-DC", "BLANKET", 10,
                                 "ECHO-2026", NULL, 0);
  /* … and another site's delivery, which is not GAN-DC's business. */
  wb_other = mk_test_deliver_to_site (fixture, "2026-02-05", "BEN-MAIN", "KUF-UC", "BLANKET", 7,
                                      "ECHO-2026", "2026-02-06", 0);

  /* 50 given out from the site's stock. */
  given = from_site ("GAN-DC", "2026-02-10", "BLANKET", 50);
  mk_test_post (fixture, given);

  /* 8 given back to the warehouse. */
  returned = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-02-15", "warehouse", "BEN-MAIN",
                                   "source", "return", "from_site", "GAN-DC", NULL);
  mk_test_add_line (returned, "BLANKET", 8, "grant", "ECHO-2026", NULL);
  mk_test_post (fixture, returned);
  g_assert_cmpint (mk_test_site_balance (fixture, "GAN-DC", "BLANKET"), ==, 17);

  /* In March, 5 more given out. */
  given_later = from_site ("GAN-DC", "2026-03-05", "BLANKET", 5);
  mk_test_post (fixture, given_later);

  g_assert_cmpint (mk_test_site_balance (fixture, "GAN-DC", "BLANKET"), ==, 12);
  g_assert_cmpint (mk_test_site_balance (fixture, "GAN-DC", "SOAP"), ==, 40);
  g_assert_cmpint (mk_test_site_balance (fixture, "KUF-UC", "BLANKET"), ==, 7);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, "ECHO-2026", NULL), ==,
                   300 - 20 - 60 - 10 - 7 + 8);

  february = mk_distributions_reconcile (fixture->db, "GAN-DC", "2026-02-01", "2026-02-28", &error);
  g_assert_no_error (error);
  g_assert_nonnull (february);
  /*                                       open disp rcvd dist ret lost trans rem */
  assert_reconcile (find_reconcile (february, "BLANKET"), 20, 70, 55, 50, 8, 5, 10, 17);
  assert_reconcile (find_reconcile (february, "SOAP"), 0, 40, 40, 0, 0, 0, 0, 40);
  /* Nothing else moved at GAN-DC. */
  for (guint i = 0; i < february->len; i++)
    {
      MkReconcileRow *row = g_ptr_array_index (february, i);
      if (!g_str_equal (row->item_code, "BLANKET") && !g_str_equal (row->item_code, "SOAP"))
        g_assert_true (row->opening == 0 && row->dispatched == 0 && row->distributed == 0 && row->remaining == 0 && row->in_transit == 0 && row->difference == 0);
    }

  /* March opens with what February closed on, the road included. */
  march = mk_distributions_reconcile (fixture->db, "gan-dc", "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  assert_reconcile (find_reconcile (march, "BLANKET"), 27, 0, 0, 5, 0, 0, 10, 12);
  assert_reconcile (find_reconcile (march, "SOAP"), 40, 0, 0, 0, 0, 0, 0, 40);

  g_clear_pointer (&march, g_ptr_array_unref);
  march = mk_distributions_reconcile (fixture->db, "NO-SUCH-SITE", "2026-03-01", "2026-03-31",
                                      &error);
  g_assert_null (march);
  g_assert_error (error, MK_DISTRIBUTIONS_ERROR, MK_DISTRIBUTIONS_ERROR_NOT_FOUND);
  mk_test_assert_mentions (error, "NO-SUCH-SITE", NULL);
}

/* Services ---------------------------------------------------------------- */

static void
test_services (MkFixture    *fixture,
               gconstpointer data)
{
  g_autoptr (MkDocument) water = NULL;
  g_autoptr (MkDocument) repairs = NULL;
  g_autoptr (MkDocument) short_repairs = NULL;
  g_autoptr (MkDocument) again = NULL;
  g_autoptr (GError) refusal = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before_water = NULL;
  g_autofree char *after_water = NULL;
  MkPeopleCounts   expected;

  water = mk_test_document_new (MK_DOCUMENT_SERVICE, "date", "2026-03-01", "end_date", "2026-03-31",
                                "site", "GAN-DC", "activity", "water_trucking",
                                "quantity", "50000", "population_group", "migrants",
                                "grant", "BHA-2026", "indicator", "people_water",
                                "partner", "LRC", NULL);
  mk_test_set_counts (water, "male_18_59", "80", "female_18_59", "30", "male_12_17", "10",
                      "unaccompanied", "4", "total", "120", NULL);
  expected = *mk_document_get_counts (water);
  mk_test_post (fixture, water);
  g_assert_cmpstr (mk_document_get_number (water), ==, "BEN-SRV-2026-00001");
  /* No materials, no movements. */
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, "BHA-2026", NULL), ==, 50);

  again = mk_documents_get_by_number (fixture->db, "BEN-SRV-2026-00001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_document_get_kind (again), ==, MK_DOCUMENT_SERVICE);
  g_assert_cmpstr (mk_document_get_field (again, "activity"), ==, "water_trucking");
  g_assert_cmpint (mk_record_get_int (mk_document_get_header (again), "quantity"), ==, 50000);
  g_assert_cmpstr (mk_document_get_field (again, "end_date"), ==, "2026-03-31");
  g_assert_cmpstr (mk_document_get_field (again, "indicator"), ==, "people_water");
  g_assert_cmpstr (mk_document_get_field (again, "grant"), ==, "BHA-2026");
  g_assert_cmpuint (mk_document_get_lines (again)->len, ==, 0);
  assert_counts_equal (mk_document_get_counts (again), &expected);

  /* Light shelter repairs with materials from BEN-MAIN. */
  repairs = mk_test_document_new (MK_DOCUMENT_SERVICE, "date", "2026-03-05", "site", "KUF-UC",
                                  "activity", "shelter_repair_light", "quantity", "4",
                                  "population_group", "idps", "grant", "BHA-2026",
                                  "indicator", "people_shelter", "warehouse", "BEN-MAIN", NULL);
  mk_test_add_line (repairs, "BLANKET", 8, NULL);
  mk_test_set_counts (repairs, "female_18_59", "6", "male_18_59", "5", "female_5_11", "5",
                      "households", "4", "total", "16", NULL);
  mk_test_post (fixture, repairs);
  g_assert_cmpstr (mk_document_get_number (repairs), ==, "BEN-SRV-2026-00002");
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, "BHA-2026", NULL), ==, 42);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, "BHA-2026", "2026-03-04"), ==, 50);

  /* Materials are refused like any other stock. */
  short_repairs = mk_test_document_new (MK_DOCUMENT_SERVICE, "date", "2026-03-06", "site", "KUF-UC",
                                        "activity", "shelter_repair_light", "quantity", "5",
                                        "population_group", "idps", "grant", "BHA-2026",
                                        "warehouse", "BEN-MAIN", NULL);
  mk_test_add_line (short_repairs, "BLANKET", 43, NULL);
  mk_test_set_counts (short_repairs, "female_18_59", "20", "total", "20", NULL);
  refusal = mk_test_post_fails (fixture, short_repairs);
  g_assert_error (refusal, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_SHORT);
  mk_test_assert_mentions (refusal, "BLANKET|Blanket", "BEN-MAIN|Benghazi main warehouse",
                           "42|43", NULL);
}

/* Unique people reached --------------------------------------------------- */

static void
post_counted (MkFixture  *fixture,
              const char *date,
              const char *site,
              const char *grant,
              const char *indicator,
              gint64      blankets,
              ...)
{
  g_autoptr (MkDocument) distribution = mk_test_document_new (
      MK_DOCUMENT_DISTRIBUTION, "date", date, "site", site, "warehouse", "BEN-MAIN",
      "population_group", "migrants", "grant", grant, "activity", "nfi_distribution",
      "indicator", indicator, NULL);
  MkPeopleCounts *counts = mk_document_get_counts (distribution);
  const char     *field;
  va_list         args;

  mk_test_add_line (distribution, "BLANKET", blankets, NULL);
  va_start (args, blankets);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      g_autoptr (GError) error = NULL;
      mk_people_counts_set_text (counts, field, va_arg (args, const char *), &error);
      g_assert_no_error (error);
    }
  va_end (args);
  mk_test_post (fixture, distribution);
}

static void
post_listed (MkFixture  *fixture,
             const char *date,
             const char *grant,
             ...)
{
  g_autoptr (MkDocument) distribution = mk_test_document_new (
      MK_DOCUMENT_DISTRIBUTION, "date", date, "site", "GAN-DC", "warehouse", "BEN-MAIN",
      "population_group", "migrants", "grant", grant, "activity", "nfi_distribution",
      "indicator", "people_nfi", NULL);
  const char *household;
  va_list     args;

  va_start (args, grant);
  while ((household = va_arg (args, const char *)) != NULL)
    mk_test_add_receipt (distribution, household, "BLANKET", va_arg (args, gint64), NULL);
  va_end (args);
  mk_test_post (fixture, distribution);
}

static void
reached (MkFixture      *fixture,
         const char     *grant,
         const char     *indicator,
         const char     *from,
         const char     *to,
         MkPeopleCounts *counts)
{
  g_autofree char *before = mk_fixture_dump (fixture);
  g_autoptr (GError) error = NULL;

  memset (counts, 0xff, sizeof *counts);
  g_assert_true (mk_distributions_reached (fixture->db, grant, indicator, from, to, counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts->total, ==, mk_people_counts_sum (counts));
  mk_fixture_assert_unchanged (fixture, before);
}

static void
test_reached (MkFixture    *fixture,
              gconstpointer data)
{
  g_autoptr (MkDocument) shelter = NULL;
  MkPeopleCounts c;

  add_two_households (fixture);

  /* Counted: 20 people in 6 households, 2 with a disability, one
   * unaccompanied child. */
  post_counted (fixture, "2026-03-01", "GAN-DC", "ECHO-2026", "people_nfi", 20,
                "female_18_59", "10", "male_18_59", "8", "female_0_4", "2", "disabled", "2",
                "unaccompanied", "1", "households", "6", "total", "20", NULL);
  /* 5 people in 2 households. */
  post_counted (fixture, "2026-03-10", "KUF-UC", "ECHO-2026", "people_nfi", 5,
                "male_60", "1", "female_5_11", "4", "households", "2", "total", "5", NULL);
  /* HH-001 twice, HH-002 once: 8 people. */
  post_listed (fixture, "2026-03-05", "ECHO-2026", "HH-001", (gint64) 2, NULL);
  post_listed (fixture, "2026-03-20", "ECHO-2026", "HH-001", (gint64) 1, "HH-002", (gint64) 3, NULL);
  /* Another grant: 10 counted, and HH-001 again. */
  post_counted (fixture, "2026-03-12", "GAN-DC", "BHA-2026", "people_nfi", 10,
                "female_18_59", "10", "households", "3", "total", "10", NULL);
  post_listed (fixture, "2026-03-25", "BHA-2026", "HH-001", (gint64) 1, NULL);
  /* April. */
  post_counted (fixture, "2026-04-05", "GAN-DC", "ECHO-2026", "people_nfi", 4,
                "male_18_59", "4", "households", "1", "total", "4", NULL);
  /* A service under ECHO-2026, another indicator: 12 people. */
  shelter = mk_test_document_new (MK_DOCUMENT_SERVICE, "date", "2026-03-15", "site", "KUF-UC",
                                  "activity", "shelter_repair_light", "quantity", "2",
                                  "population_group", "migrants", "grant", "ECHO-2026",
                                  "indicator", "people_shelter", NULL);
  mk_test_set_counts (shelter, "female_18_59", "6", "male_18_59", "6", "households", "2",
                      "total", "12", NULL);
  mk_test_post (fixture, shelter);

  /* ECHO-2026, NFI, March: 20 + 5 + 8 (HH-001 once). */
  reached (fixture, "ECHO-2026", "people_nfi", "2026-03-01", "2026-03-31", &c);
  g_assert_cmpint (c.total, ==, 33);
  g_assert_cmpint (c.female[MK_AGE_18_59], ==, 12);
  g_assert_cmpint (c.male[MK_AGE_18_59], ==, 10);
  g_assert_cmpint (c.female[MK_AGE_0_4], ==, 3);
  g_assert_cmpint (c.female[MK_AGE_5_11], ==, 6);
  g_assert_cmpint (c.male[MK_AGE_0_4], ==, 1);
  g_assert_cmpint (c.male[MK_AGE_60_PLUS], ==, 1);
  g_assert_cmpint (c.female[MK_AGE_60_PLUS], ==, 0);
  g_assert_cmpint (c.male[MK_AGE_12_17], ==, 0);
  g_assert_cmpint (c.households, ==, 10);
  g_assert_cmpint (c.disabled, ==, 3);
  g_assert_cmpint (c.unaccompanied, ==, 1);

  /* Every indicator of the grant: the service's people add. */
  reached (fixture, "ECHO-2026", NULL, "2026-03-01", "2026-03-31", &c);
  g_assert_cmpint (c.total, ==, 45);
  g_assert_cmpint (c.households, ==, 12);
  g_assert_cmpint (c.female[MK_AGE_18_59], ==, 18);

  /* Every grant: BHA's 10 add, HH-001 still counts once. */
  reached (fixture, NULL, "people_nfi", "2026-03-01", "2026-03-31", &c);
  g_assert_cmpint (c.total, ==, 43);
  g_assert_cmpint (c.households, ==, 13);
  reached (fixture, NULL, NULL, "2026-03-01", "2026-03-31", &c);
  g_assert_cmpint (c.total, ==, 55);

  reached (fixture, "BHA-2026", "people_nfi", "2026-03-01", "2026-03-31", &c);
  g_assert_cmpint (c.total, ==, 13);
  g_assert_cmpint (c.households, ==, 4);
  g_assert_cmpint (c.female[MK_AGE_0_4], ==, 1);

  /* The period decides. */
  reached (fixture, "ECHO-2026", "people_nfi", "2026-03-01", "2026-04-30", &c);
  g_assert_cmpint (c.total, ==, 37);
  reached (fixture, "ECHO-2026", "people_nfi", "2026-03-06", "2026-03-31", &c);
  g_assert_cmpint (c.total, ==, 13);
  reached (fixture, "ECHO-2026", "people_nfi", "2026-03-05", "2026-03-05", &c);
  g_assert_cmpint (c.total, ==, 3);
  g_assert_cmpint (c.households, ==, 1);
  reached (fixture, "ECHO-2026", "people_nfi", "2026-05-01", "2026-05-31", &c);
  g_assert_cmpint (c.total, ==, 0);
  g_assert_cmpint (c.households, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, MkFixture, NULL, people_set_up, func, mk_ledger_fixture_tear_down)

  g_test_add_func ("/distributions/counts/fields", test_counts_fields);
  ADD ("/distributions/counted/from-a-warehouse", test_from_warehouse);
  ADD ("/distributions/counted/short-in-the-warehouse", test_short_from_warehouse);
  ADD ("/distributions/counted/from-the-site-stock", test_from_site_stock);
  ADD ("/distributions/household-list/posted", test_household_list);
  ADD ("/distributions/household-list/same-receipt-twice", test_same_receipt_twice);
  ADD ("/distributions/entitlements/per-person-every-30-days", test_entitlement_per_person);
  ADD ("/distributions/entitlements/per-household-once-a-season",
       test_entitlement_per_household_season);
  ADD ("/distributions/entitlements/once-per-stay", test_entitlement_once_per_stay);
  ADD ("/distributions/cancelled-gives-nothing", test_cancelled_distribution);
  ADD ("/distributions/household-history", test_household_history);
  ADD ("/distributions/registry", test_registry);
  ADD ("/distributions/personal-data", test_personal_data);
  ADD ("/distributions/reconcile", test_reconcile);
  ADD ("/distributions/services", test_services);
  ADD ("/distributions/reached", test_reached);

  return g_test_run ();
}
