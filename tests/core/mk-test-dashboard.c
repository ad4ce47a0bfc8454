/* mk-test-dashboard.c: a small mission with known dashboard figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mk-test-dashboard.h"

static void
post_waybill (MkFixture  *fixture,
              const char *date,
              const char *expected_date,
              const char *item,
              gint64      quantity,
              const char *received_on)
{
  g_autoptr (MkDocument) waybill = NULL;

  waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", date, "warehouse", "BEN-MAIN",
                                  "to_warehouse", "BEN-FIELD", "expected_date", expected_date, NULL);
  mk_test_add_line (waybill, item, quantity, NULL);
  mk_test_post (fixture, waybill);

  if (received_on != NULL)
    {
      g_autoptr (MkDocument) reception = NULL;

      reception = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", received_on,
                                        "waybill", mk_document_get_number (waybill), NULL);
      mk_test_post (fixture, reception);
    }
}

static MkDocument *
post_distribution (MkFixture  *fixture,
                   const char *date,
                   const char *population_group,
                   const char *item,
                   gint64      quantity,
                   gint64      women,
                   gint64      men)
{
  g_autofree char *women_text = g_strdup_printf ("%" G_GINT64_FORMAT, women);
  g_autofree char *men_text = g_strdup_printf ("%" G_GINT64_FORMAT, men);
  g_autofree char *total_text = g_strdup_printf ("%" G_GINT64_FORMAT, women + men);
  MkDocument      *distribution;

  distribution = mk_test_document_new (MK_DOCUMENT_DISTRIBUTION, "date", date, "site", "GAN-DC",
                                       "warehouse", "BEN-MAIN",
                                       "population_group", population_group, NULL);
  mk_test_add_line (distribution, item, quantity, NULL);
  mk_test_set_counts (distribution, "female_18_59", women_text, "male_18_59", men_text,
                      "total", total_text, NULL);
  mk_test_post (fixture, distribution);
  return distribution;
}

void
mk_test_add_dashboard_mission (MkFixture *fixture)
{
  g_autoptr (MkDocument) soap = NULL, cancelled = NULL, cancellation = NULL;
  g_autoptr (MkDocument) toothpaste = NULL;
  g_autoptr (MkDocument) d1 = NULL, d2 = NULL, d3 = NULL;
  g_autoptr (GError) error = NULL;

  mk_test_add_people_catalogue (fixture);

  soap = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 1000, NULL, NULL, NULL);
  g_clear_object (&soap);
  soap = mk_test_receive (fixture, "2026-06-05", "BEN-MAIN", "BLANKET", 500, NULL, NULL, NULL);

  toothpaste = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-06-05", "warehouse", "BEN-MAIN",
                                     "source", "purchase", NULL);
  mk_test_add_line (toothpaste, "TOOTHPASTE", 200, "lot", "TP-A", "expiry", "2026-12-31", NULL);
  mk_test_add_line (toothpaste, "TOOTHPASTE", 100, "lot", "TP-B", "expiry", "2027-06-30", NULL);
  mk_test_add_line (toothpaste, "TOOTHPASTE", 50, "lot", "TP-OLD", "expiry", "2026-10-31", NULL);
  mk_test_post (fixture, toothpaste);

  post_waybill (fixture, "2026-09-01", "2026-09-03", "SOAP", 100, "2026-09-03");
  post_waybill (fixture, "2026-10-01", "2026-10-05", "SOAP", 200, NULL);

  d1 = post_distribution (fixture, "2026-10-20", "migrants", "SOAP", 50, 6, 4);
  d2 = post_distribution (fixture, "2026-11-05", "migrants", "BLANKET", 350, 18, 12);
  d3 = post_distribution (fixture, "2026-11-06", "refugees", "SOAP", 100, 11, 9);
  cancelled = post_distribution (fixture, "2026-11-07", "migrants", "SOAP", 10, 3, 2);
  cancellation = mk_documents_cancel (fixture->db, mk_document_get_number (cancelled),
                                      "2026-11-08", "Entered twice", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cancellation);

  post_waybill (fixture, "2026-11-10", "2026-11-20", "BLANKET", 100, NULL);
}

gint64
mk_test_warehouse_id (MkFixture  *fixture,
                      const char *code)
{
  g_autoptr (MkRecord) record = NULL;
  g_autoptr (GError) error = NULL;

  record = mk_master_data_get (fixture->db, mk_kind_lookup ("warehouse"), code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  return mk_record_get_id (record);
}
