/* test-posting-bad-input.c: every refused posting says what is wrong and
 * leaves the database exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mk-test-ledger.h"

#define TWO_POW_53 (G_GINT64_CONSTANT (1) << 53)

/* What exists before the refused action ---------------------------------- */

/* BEN-GRN-2026-00001 dated 2026-01-10 into BEN-MAIN. */
static gpointer
setup_stock (MkFixture *fixture)
{
  g_autoptr (MkDocument) grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-01-10",
                                                     "warehouse", "BEN-MAIN",
                                                     "source", "purchase", NULL);

  mk_test_add_line (grn, "SOAP", 40, "grant", "ECHO-2026", NULL);
  mk_test_add_line (grn, "BUCKET", 20, NULL);
  mk_test_add_line (grn, "TOOTHPASTE", 37, "lot", "TP-A", "expiry", "2026-09-30", NULL);
  mk_test_add_line (grn, "BLANKET", 50, NULL);
  mk_test_post (fixture, grn);
  g_assert_cmpstr (mk_document_get_number (grn), ==, "BEN-GRN-2026-00001");
  return NULL;
}

/* And BEN-WB-2026-00001 dated 2026-02-01 to BEN-FIELD: 30 SOAP, 10 BUCKET. */
static gpointer
setup_waybill (MkFixture *fixture)
{
  g_autoptr (MkDocument) waybill = NULL;

  setup_stock (fixture);
  waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-02-01",
                                  "warehouse", "BEN-MAIN", "to_warehouse", "BEN-FIELD",
                                  "transporter", "Al Khair Transport", NULL);
  mk_test_add_line (waybill, "SOAP", 30, "grant", "ECHO-2026", NULL);
  mk_test_add_line (waybill, "BUCKET", 10, NULL);
  mk_test_post (fixture, waybill);
  g_assert_cmpstr (mk_document_get_number (waybill), ==, "BEN-WB-2026-00001");
  return NULL;
}

/* And BEN-RCV-2026-00001 receiving all of it on 2026-02-03. */
static gpointer
setup_received (MkFixture *fixture)
{
  g_autoptr (MkDocument) reception = NULL;

  setup_waybill (fixture);
  reception = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", "2026-02-03",
                                    "waybill", "BEN-WB-2026-00001", NULL);
  mk_test_add_line (reception, "SOAP", 30, "grant", "ECHO-2026", NULL);
  mk_test_add_line (reception, "BUCKET", 10, NULL);
  mk_test_post (fixture, reception);
  return NULL;
}

/* BEN-GRN-2026-00001 cancelled by BEN-CAN-2026-00001. */
static gpointer
setup_cancelled (MkFixture *fixture)
{
  g_autoptr (MkDocument) cancellation = NULL;
  g_autoptr (GError) error = NULL;

  setup_stock (fixture);
  cancellation = mk_documents_cancel (fixture->db, "BEN-GRN-2026-00001", "2026-01-11",
                                      "Entered against the wrong warehouse", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cancellation);
  g_assert_cmpstr (mk_document_get_number (cancellation), ==, "BEN-CAN-2026-00001");
  return NULL;
}

/* A posted GRN, handed to the action. */
static gpointer
setup_posted_grn (MkFixture *fixture)
{
  MkDocument *grn = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 40,
                                     NULL, NULL, NULL);
  return grn;
}

/* Items I01 … I20; 50 of each in BEN-MAIN, but only 37 of I20. */
static gpointer
setup_twenty_items (MkFixture *fixture)
{
  g_autoptr (MkDocument) grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-01-10",
                                                     "warehouse", "BEN-MAIN",
                                                     "source", "donation", NULL);

  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *code = g_strdup_printf ("I%02u", i);
      g_autofree char *name = g_strdup_printf ("Test item %u", i);
      g_autoptr (MkRecord) item = mk_fixture_add (fixture, "item", "code", code,
                                                  "name_en", name, "category", "nfi",
                                                  "unit", "piece", NULL);
      mk_test_add_line (grn, code, i == 20 ? 37 : 50, NULL);
    }
  mk_test_post (fixture, grn);
  return NULL;
}

static gpointer
setup_stock_and_kit (MkFixture *fixture)
{
  mk_test_compose_hk (fixture);
  return setup_stock (fixture);
}

/* The refused actions ---------------------------------------------------- */

static GError *
post_one_line (MkFixture      *fixture,
               MkDocument     *document,
               MkDocumentLine *line)
{
  mk_document_add_line (document, line);
  return mk_test_post_fails (fixture, document);
}

static MkDocument *
grn (const char *date)
{
  return mk_test_document_new (MK_DOCUMENT_GRN, "date", date, "warehouse", "BEN-MAIN",
                               "source", "purchase", NULL);
}

static MkDocument *
waybill_to_field (void)
{
  return mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-02-01",
                               "warehouse", "BEN-MAIN", "to_warehouse", "BEN-FIELD", NULL);
}

static MkDocument *
reception (const char *date)
{
  return mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", date,
                               "waybill", "BEN-WB-2026-00001", NULL);
}

static MkDocument *
adjustment (const char *reason)
{
  return mk_test_document_new (MK_DOCUMENT_ADJUSTMENT, "date", "2026-02-01",
                               "warehouse", "BEN-MAIN", "reason", reason, NULL);
}

#define POST_ONE(fn, doc, ...)                                                \
  static GError *fn (MkFixture *fixture, gpointer state)                      \
  {                                                                           \
    g_autoptr (MkDocument) document = doc;                                    \
    return post_one_line (fixture, document, mk_test_line_new (__VA_ARGS__)); \
  }

POST_ONE (grn_zero, grn ("2026-01-12"), "SOAP", 0, NULL)
POST_ONE (grn_negative, grn ("2026-01-12"), "SOAP", -5, NULL)
POST_ONE (grn_negative_damaged, grn ("2026-01-12"), "SOAP", 10, "damaged", "-2", NULL)
POST_ONE (grn_negative_short, grn ("2026-01-12"), "SOAP", 10, "short", "-2", NULL)
POST_ONE (grn_over_2_53, grn ("2026-01-12"), "SOAP", TWO_POW_53 + 1, NULL)
POST_ONE (grn_max_int64, grn ("2026-01-12"), "SOAP", G_MAXINT64, NULL)
POST_ONE (grn_damaged_max_int64, grn ("2026-01-12"), "SOAP", 10, "damaged", "9223372036854775807", NULL)
POST_ONE (grn_unknown_item, grn ("2026-01-12"), "UNICORN", 10, NULL)
POST_ONE (grn_unknown_grant, grn ("2026-01-12"), "SOAP", 10, "grant", "NOBODY-2026", NULL)
POST_ONE (grn_expiry_before_receipt, grn ("2026-03-01"), "TOOTHPASTE", 10, "lot", "TP-X", "expiry", "2026-02-01", NULL)
POST_ONE (grn_expiry_does_not_exist, grn ("2026-01-12"), "TOOTHPASTE", 10, "lot", "TP-X", "expiry", "2026-02-30", NULL)
POST_ONE (grn_expiry_not_leap, grn ("2025-01-12"), "TOOTHPASTE", 10, "lot", "TP-X", "expiry", "2025-02-29", NULL)
POST_ONE (grn_expiry_not_a_date, grn ("2026-01-12"), "TOOTHPASTE", 10, "lot", "TP-X", "expiry", "next spring", NULL)
POST_ONE (grn_lot_other_expiry, grn ("2026-01-12"), "TOOTHPASTE", 10, "lot", "TP-A", "expiry", "2027-12-31", NULL)
POST_ONE (waybill_zero, waybill_to_field (), "SOAP", 0, "grant", "ECHO-2026", NULL)
POST_ONE (waybill_negative, waybill_to_field (), "SOAP", -3, "grant", "ECHO-2026", NULL)
POST_ONE (waybill_over_2_53, waybill_to_field (), "SOAP", TWO_POW_53 + 1, "grant", "ECHO-2026", NULL)
POST_ONE (waybill_lot_of_other_item, waybill_to_field (), "SOAP", 5, "lot", "TP-A", NULL)
POST_ONE (waybill_short, waybill_to_field (), "SOAP", 65, "grant", "ECHO-2026", NULL)
POST_ONE (waybill_short_lot, waybill_to_field (), "TOOTHPASTE", 50, "lot", "TP-A", NULL)
POST_ONE (waybill_short_grant, waybill_to_field (), "SOAP", 5, "grant", "BHA-2026", NULL)
POST_ONE (waybill_unknown_item, waybill_to_field (), "UNICORN", 5, NULL)
POST_ONE (receive_more_than_sent, reception ("2026-02-03"), "SOAP", 31, "grant", "ECHO-2026", NULL)
POST_ONE (receive_more_with_damage, reception ("2026-02-03"), "SOAP", 25, "grant", "ECHO-2026", "damaged", "4", "short", "2", NULL)
POST_ONE (receive_twice, reception ("2026-02-04"), "SOAP", 1, "grant", "ECHO-2026", NULL)
POST_ONE (receive_before_waybill, reception ("2026-01-20"), "SOAP", 30, "grant", "ECHO-2026", NULL)
POST_ONE (receive_item_not_sent, reception ("2026-02-03"), "BLANKET", 1, NULL)
POST_ONE (adjustment_zero, adjustment ("lost"), "SOAP", 0, "grant", "ECHO-2026", NULL)
POST_ONE (adjustment_min_int64, adjustment ("lost"), "SOAP", G_MININT64, "grant", "ECHO-2026", NULL)
POST_ONE (adjustment_found_negative, adjustment ("found"), "SOAP", -3, "grant", "ECHO-2026", NULL)
POST_ONE (adjustment_theft_positive, adjustment ("theft"), "SOAP", 3, "grant", "ECHO-2026", NULL)
POST_ONE (adjustment_short, adjustment ("expired"), "TOOTHPASTE", -50, "lot", "TP-A", NULL)
POST_ONE (transfer_same_grant, adjustment ("ownership_transfer"), "SOAP", 5, "grant", "ECHO-2026", "to_grant", "ECHO-2026", NULL)
POST_ONE (transfer_too_much, adjustment ("ownership_transfer"), "SOAP", 65, "grant", "ECHO-2026", "to_grant", "BHA-2026", NULL)
POST_ONE (count_inactive_warehouse,
          mk_test_document_new (MK_DOCUMENT_COUNT, "date", "2026-01-31", "warehouse", "OLD-STORE", NULL),
          "SOAP",
          5,
          NULL)
POST_ONE (count_negative,
          mk_test_document_new (MK_DOCUMENT_COUNT, "date", "2026-01-31", "warehouse", "BEN-MAIN", NULL),
          "BUCKET",
          -1,
          NULL)
POST_ONE (waybill_to_own_warehouse,
          mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-02-01", "warehouse", "BEN-MAIN", "to_warehouse", "BEN-MAIN", NULL),
          "SOAP",
          5,
          "grant",
          "ECHO-2026",
          NULL)
POST_ONE (waybill_without_destination,
          mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-02-01", "warehouse", "BEN-MAIN", NULL),
          "SOAP",
          5,
          "grant",
          "ECHO-2026",
          NULL)
POST_ONE (waybill_two_destinations,
          mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-02-01", "warehouse", "BEN-MAIN", "to_warehouse", "BEN-FIELD", "to_site", "GAN-DC", NULL),
          "SOAP",
          5,
          "grant",
          "ECHO-2026",
          NULL)

/* Each line alone fits in the 40 in stock; together they do not. */
static GError *
two_lines_together_short (MkFixture *fixture,
                          gpointer   state)
{
  g_autoptr (MkDocument) document = waybill_to_field ();

  mk_test_add_line (document, "SOAP", 30, "grant", "ECHO-2026", NULL);
  mk_test_add_line (document, "SOAP", 30, "grant", "ECHO-2026", NULL);
  return mk_test_post_fails (fixture, document);
}

static GError *
empty_document (MkFixture *fixture,
                gpointer   state)
{
  g_autoptr (MkDocument) document = waybill_to_field ();
  return mk_test_post_fails (fixture, document);
}

static GError *
kitting (MkFixture  *fixture,
         const char *kit,
         const char *quantity)
{
  g_autoptr (MkDocument) document = mk_test_document_new (MK_DOCUMENT_KITTING,
                                                          "date", "2026-02-01",
                                                          "warehouse", "BEN-MAIN",
                                                          "kit", kit,
                                                          "kit_quantity", quantity, NULL);
  return mk_test_post_fails (fixture, document);
}

static GError *
kit_without_bill (MkFixture *fixture,
                  gpointer   state)
{
  return kitting (fixture, "HK", "1");
}

static GError *
kit_not_a_kit (MkFixture *fixture,
               gpointer   state)
{
  return kitting (fixture, "SOAP", "1");
}

/* 40 SOAP and 20 BUCKET but no BRUSH at all. */
static GError *
kit_short (MkFixture *fixture,
           gpointer   state)
{
  return kitting (fixture, "HK", "2");
}

static GError *
dekit_short (MkFixture *fixture,
             gpointer   state)
{
  g_autoptr (MkDocument) document = mk_test_document_new (MK_DOCUMENT_DEKITTING,
                                                          "date", "2026-02-01",
                                                          "warehouse", "BEN-MAIN",
                                                          "kit", "HK",
                                                          "kit_quantity", "3", NULL);
  return mk_test_post_fails (fixture, document);
}

/* Lines 1–19 are fine; line 20 is short: nothing of 1–19 may stay. */
static GError *
twenty_lines_last_short (MkFixture *fixture,
                         gpointer   state)
{
  g_autoptr (MkDocument) document = waybill_to_field ();

  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *code = g_strdup_printf ("I%02u", i);
      mk_test_add_line (document, code, 50, NULL);
    }
  return mk_test_post_fails (fixture, document);
}

static GError *
twenty_lines_last_lost_too_many (MkFixture *fixture,
                                 gpointer   state)
{
  g_autoptr (MkDocument) document = adjustment ("lost");

  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *code = g_strdup_printf ("I%02u", i);
      mk_test_add_line (document, code, -50, NULL);
    }
  return mk_test_post_fails (fixture, document);
}

static GError *
twenty_lines_last_unknown (MkFixture *fixture,
                           gpointer   state)
{
  g_autoptr (MkDocument) document = grn ("2026-01-12");

  for (guint i = 1; i <= 19; i++)
    {
      g_autofree char *code = g_strdup_printf ("I%02u", i);
      mk_test_add_line (document, code, 10, NULL);
    }
  mk_test_add_line (document, "NOPE", 10, NULL);
  return mk_test_post_fails (fixture, document);
}

/* Posting a posted document again: refused, and nothing changes, not even
 * the document in memory. */
static GError *
post_fails_posted (MkFixture  *fixture,
                   MkDocument *posted)
{
  g_autofree char *before = mk_fixture_dump (fixture);
  g_autofree char *number = g_strdup (mk_document_get_number (posted));
  gint64           id = mk_document_get_id (posted);
  GError          *error = NULL;

  g_assert_nonnull (number);
  g_assert_false (mk_documents_post (fixture->db, posted, &error));
  g_assert_nonnull (error);
  mk_fixture_assert_unchanged (fixture, before);
  g_assert_cmpint (mk_document_get_status (posted), ==, MK_DOCUMENT_POSTED);
  g_assert_cmpstr (mk_document_get_number (posted), ==, number);
  g_assert_cmpint (mk_document_get_id (posted), ==, id);
  return error;
}

static GError *
post_again (MkFixture *fixture,
            gpointer   state)
{
  MkDocument *posted = state;
  return post_fails_posted (fixture, posted);
}

static GError *
post_again_read_back (MkFixture *fixture,
                      gpointer   state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MkDocument) again = mk_documents_get_by_number (fixture->db,
                                                             "ben-grn-2026-00001", &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
  return post_fails_posted (fixture, again);
}

static GError *
post_again_changed (MkFixture *fixture,
                    gpointer   state)
{
  MkDocument *posted = state;

  mk_test_add_line (posted, "BUCKET", 7, NULL);
  return post_fails_posted (fixture, posted);
}

static GError *
save_posted_as_draft (MkFixture *fixture,
                      gpointer   state)
{
  MkDocument *posted = state;
  GError     *error = NULL;

  g_assert_false (mk_documents_save_draft (fixture->db, posted, &error));
  return error;
}

static GError *
delete_posted (MkFixture *fixture,
               gpointer   state)
{
  MkDocument *posted = state;
  GError     *error = NULL;

  g_assert_false (mk_documents_delete_draft (fixture->db, mk_document_get_id (posted), &error));
  return error;
}

static GError *
cancel (MkFixture  *fixture,
        const char *number)
{
  GError     *error = NULL;
  MkDocument *cancellation = mk_documents_cancel (fixture->db, number, NULL,
                                                  "Entered twice", &error);

  g_assert_null (cancellation);
  return error;
}

static GError *
cancel_twice (MkFixture *fixture, gpointer state)
{
  return cancel (fixture, "BEN-GRN-2026-00001");
}

static GError *
cancel_cancellation (MkFixture *fixture, gpointer state)
{
  return cancel (fixture, "BEN-CAN-2026-00001");
}

static GError *
cancel_unknown (MkFixture *fixture, gpointer state)
{
  return cancel (fixture, "BEN-GRN-2026-00042");
}

static GError *
cancel_received_waybill (MkFixture *fixture, gpointer state)
{
  return cancel (fixture, "BEN-WB-2026-00001");
}

/* 30 of the 40 SOAP received have left on the waybill. */
static GError *
cancel_dispatched_receipt (MkFixture *fixture, gpointer state)
{
  return cancel (fixture, "BEN-GRN-2026-00001");
}

static GError *
cancel_before_original (MkFixture *fixture, gpointer state)
{
  GError     *error = NULL;
  MkDocument *cancellation = mk_documents_cancel (fixture->db, "BEN-GRN-2026-00001",
                                                  "2026-01-09", "Wrong warehouse", &error);
  g_assert_null (cancellation);
  return error;
}

static GError *
cancel_on_impossible_date (MkFixture *fixture, gpointer state)
{
  GError     *error = NULL;
  MkDocument *cancellation = mk_documents_cancel (fixture->db, "BEN-GRN-2026-00001",
                                                  "2026-02-30", "Wrong warehouse", &error);
  g_assert_null (cancellation);
  return error;
}

static GError *
set_header (MkDocumentKind kind,
            const char    *field,
            const char    *text)
{
  g_autoptr (MkDocument) document = mk_document_new (kind);
  GError *error = NULL;

  g_assert_false (mk_record_set_text (mk_document_get_header (document), field, text, &error));
  return error;
}

static GError *
date_does_not_exist (MkFixture *fixture, gpointer state)
{
  return set_header (MK_DOCUMENT_GRN, "date", "2026-02-30");
}

static GError *
date_not_leap (MkFixture *fixture, gpointer state)
{
  return set_header (MK_DOCUMENT_WAYBILL, "date", "2025-02-29");
}

static GError *
expected_date_does_not_exist (MkFixture *fixture, gpointer state)
{
  return set_header (MK_DOCUMENT_WAYBILL, "expected_date", "2026-04-31");
}

/* The table ------------------------------------------------------------- */

typedef struct
{
  const char *name;
  gpointer (*setup) (MkFixture *fixture);
  GError *(*act) (MkFixture *fixture, gpointer state);
  GQuark (*domain) (void);
  gint        code;
  const char *mentions[5]; /* each "A|B": A or B, without case */
} BadCase;

#define DOCS mk_documents_error_quark
#define INVALID MK_DOCUMENTS_ERROR_INVALID
#define RECEIVED MK_DOCUMENTS_ERROR_RECEIVED
#define SHORT MK_DOCUMENTS_ERROR_SHORT
#define SOAP_ "SOAP|Bathing soap"
#define MAIN_ "BEN-MAIN|Benghazi main warehouse"
/* A refused line is named by its number or its item. */
#define LINE1_SOAP "line 1|SOAP|Bathing soap"

static const BadCase bad_cases[] = {
  /* Quantities. */
  { "grn/zero-quantity", NULL, grn_zero, DOCS, INVALID, { LINE1_SOAP, "quantit" } },
  { "grn/negative-quantity", NULL, grn_negative, DOCS, INVALID, { LINE1_SOAP, "quantit", "-5" } },
  { "grn/negative-damaged", NULL, grn_negative_damaged, DOCS, INVALID, { LINE1_SOAP, "damaged" } },
  { "grn/negative-short", NULL, grn_negative_short, DOCS, INVALID, { LINE1_SOAP, "short" } },
  { "grn/over-2-pow-53", NULL, grn_over_2_53, DOCS, INVALID, { LINE1_SOAP, "quantit" } },
  { "grn/max-int64", NULL, grn_max_int64, DOCS, INVALID, { LINE1_SOAP, "quantit" } },
  { "grn/damaged-max-int64", NULL, grn_damaged_max_int64, DOCS, INVALID, { LINE1_SOAP, "damaged" } },
  { "waybill/zero-quantity", setup_stock, waybill_zero, DOCS, INVALID, { LINE1_SOAP, "quantit" } },
  { "waybill/negative-quantity", setup_stock, waybill_negative, DOCS, INVALID, { LINE1_SOAP, "quantit" } },
  { "waybill/over-2-pow-53", setup_stock, waybill_over_2_53, DOCS, INVALID, { LINE1_SOAP, "quantit" } },
  { "adjustment/zero-quantity", setup_stock, adjustment_zero, DOCS, INVALID, { LINE1_SOAP, "quantit" } },
  { "adjustment/min-int64", setup_stock, adjustment_min_int64, DOCS, INVALID, { LINE1_SOAP, "quantit" } },
  { "count/negative", setup_stock, count_negative, DOCS, INVALID, { "line 1|BUCKET", "counted" } },
  { "waybill/no-lines", setup_stock, empty_document, DOCS, INVALID, { NULL } },

  /* Catalogue, lots and grants. */
  { "grn/item-not-in-catalogue", NULL, grn_unknown_item, DOCS, INVALID, { "UNICORN" } },
  { "grn/unknown-grant", NULL, grn_unknown_grant, DOCS, INVALID, { "NOBODY-2026" } },
  { "waybill/item-not-in-catalogue", setup_stock, waybill_unknown_item, DOCS, INVALID, { "UNICORN" } },
  { "waybill/lot-of-another-item", setup_stock, waybill_lot_of_other_item, DOCS, INVALID, { SOAP_, "TP-A" } },
  { "grn/expiry-before-receipt", NULL, grn_expiry_before_receipt, DOCS, INVALID, { "line 1|TP-X", "expiry", "2026-02-01" } },
  { "grn/expiry-date-does-not-exist", NULL, grn_expiry_does_not_exist, DOCS, INVALID, { "TP-X|2026-02-30" } },
  { "grn/expiry-29-february-2025", NULL, grn_expiry_not_leap, DOCS, INVALID, { "TP-X|2025-02-29" } },
  { "grn/expiry-not-a-date", NULL, grn_expiry_not_a_date, DOCS, INVALID, { "TP-X|next spring" } },
  { "grn/known-lot-with-another-expiry", setup_stock, grn_lot_other_expiry, DOCS, INVALID, { "TP-A", "2026-09-30|2027-12-31" } },

  /* Dates. */
  { "date/30-february", NULL, date_does_not_exist, mk_record_error_quark, MK_RECORD_ERROR_BAD_DATE, { "date", "2026-02-30" } },
  { "date/29-february-2025", NULL, date_not_leap, mk_record_error_quark, MK_RECORD_ERROR_BAD_DATE, { "date", "2025-02-29" } },
  { "date/31-april", NULL, expected_date_does_not_exist, mk_record_error_quark, MK_RECORD_ERROR_BAD_DATE, { "Expected", "2026-04-31" } },

  /* Stock that would go negative: item, lot, warehouse, by how much. */
  { "waybill/short", setup_stock, waybill_short, DOCS, SHORT, { SOAP_, MAIN_, "25|40" } },
  { "waybill/two-lines-together-short", setup_stock, two_lines_together_short, DOCS, SHORT, { SOAP_, MAIN_, "20|40" } },
  { "waybill/short-of-a-lot", setup_stock, waybill_short_lot, DOCS, SHORT, { "TOOTHPASTE|Toothpaste", "TP-A", MAIN_, "13|37" } },
  { "waybill/short-of-a-grant", setup_stock, waybill_short_grant, DOCS, SHORT, { SOAP_, MAIN_, "BHA" } },
  { "adjustment/short", setup_stock, adjustment_short, DOCS, SHORT, { "TOOTHPASTE|Toothpaste", "TP-A", MAIN_, "13|37" } },
  { "adjustment/transfer-more-than-the-grant-holds", setup_stock, transfer_too_much, DOCS, SHORT, { SOAP_, MAIN_, "25|40" } },
  { "kitting/components-short", setup_stock_and_kit, kit_short, DOCS, SHORT, { "BRUSH|Toothbrush", MAIN_ } },
  { "dekitting/no-kits", setup_stock_and_kit, dekit_short, DOCS, SHORT, { "HK|hygiene kit", MAIN_ } },

  /* Half-way failures leave nothing behind. */
  { "waybill/line-20-of-20-short", setup_twenty_items, twenty_lines_last_short, DOCS, SHORT, { "I20|Test item 20", MAIN_, "13|37" } },
  { "adjustment/line-20-of-20-short", setup_twenty_items, twenty_lines_last_lost_too_many, DOCS, SHORT, { "I20|Test item 20", MAIN_, "13|37" } },
  { "grn/line-20-of-20-unknown-item", setup_twenty_items, twenty_lines_last_unknown, DOCS, INVALID, { "NOPE" } },

  /* Adjustment reasons. */
  { "adjustment/found-negative", setup_stock, adjustment_found_negative, DOCS, INVALID, { LINE1_SOAP, "positive" } },
  { "adjustment/theft-positive", setup_stock, adjustment_theft_positive, DOCS, INVALID, { LINE1_SOAP, "negative" } },
  { "adjustment/transfer-to-the-same-grant", setup_stock, transfer_same_grant, DOCS, INVALID, { "line 1|ECHO-2026", "grant" } },

  /* Where goods go. */
  { "waybill/to-its-own-warehouse", setup_stock, waybill_to_own_warehouse, DOCS, INVALID, { "BEN-MAIN|Benghazi main warehouse|the warehouse it leaves from", "destination" } },
  { "waybill/without-destination", setup_stock, waybill_without_destination, DOCS, INVALID, { NULL } },
  { "waybill/two-destinations", setup_stock, waybill_two_destinations, DOCS, INVALID, { NULL } },
  { "count/inactive-warehouse", setup_stock, count_inactive_warehouse, DOCS, INVALID, { "OLD-STORE|Old Benina store" } },

  /* Receptions. */
  { "reception/more-than-sent", setup_waybill, receive_more_than_sent, DOCS, RECEIVED, { SOAP_, "30|31" } },
  { "reception/more-than-sent-with-damage-and-short", setup_waybill, receive_more_with_damage, DOCS, RECEIVED, { SOAP_, "30|31" } },
  { "reception/item-not-on-the-waybill", setup_waybill, receive_item_not_sent, DOCS, RECEIVED, { "BLANKET|Blanket", "BEN-WB-2026-00001" } },
  { "reception/before-the-waybill-left", setup_waybill, receive_before_waybill, DOCS, INVALID, { "BEN-WB-2026-00001|2026-02-01" } },
  { "reception/twice-in-full", setup_received, receive_twice, DOCS, MK_DOCUMENTS_ERROR_RECEIVED, { "BEN-WB-2026-00001" } },

  /* Kits. */
  { "kitting/kit-without-bill-of-materials", setup_stock, kit_without_bill, DOCS, INVALID, { "HK|hygiene kit" } },
  { "kitting/not-a-kit", setup_stock, kit_not_a_kit, DOCS, INVALID, { SOAP_ } },

  /* Posted is final. */
  { "posted/post-again", setup_posted_grn, post_again, DOCS, MK_DOCUMENTS_ERROR_ALREADY_POSTED, { "BEN-GRN-2026-00001" } },
  { "posted/post-again-read-back", setup_posted_grn, post_again_read_back, DOCS, MK_DOCUMENTS_ERROR_ALREADY_POSTED, { "BEN-GRN-2026-00001" } },
  { "posted/post-again-with-a-new-line", setup_posted_grn, post_again_changed, DOCS, MK_DOCUMENTS_ERROR_ALREADY_POSTED, { "BEN-GRN-2026-00001" } },
  { "posted/save-as-draft", setup_posted_grn, save_posted_as_draft, DOCS, MK_DOCUMENTS_ERROR_ALREADY_POSTED, { "BEN-GRN-2026-00001" } },
  { "posted/delete", setup_posted_grn, delete_posted, DOCS, MK_DOCUMENTS_ERROR_ALREADY_POSTED, { "BEN-GRN-2026-00001" } },

  /* Cancellations. */
  { "cancel/twice", setup_cancelled, cancel_twice, DOCS, MK_DOCUMENTS_ERROR_CANCELLED, { "BEN-GRN-2026-00001" } },
  { "cancel/a-cancellation", setup_cancelled, cancel_cancellation, DOCS, MK_DOCUMENTS_ERROR_CANCELLED, { "BEN-CAN-2026-00001" } },
  { "cancel/unknown-number", setup_stock, cancel_unknown, DOCS, MK_DOCUMENTS_ERROR_NOT_FOUND, { "BEN-GRN-2026-00042" } },
  { "cancel/received-waybill", setup_received, cancel_received_waybill, DOCS, MK_DOCUMENTS_ERROR_RECEIVED, { "BEN-WB-2026-00001" } },
  { "cancel/receipt-already-dispatched", setup_waybill, cancel_dispatched_receipt, DOCS, SHORT, { SOAP_, MAIN_ } },
  { "cancel/dated-before-the-original", setup_stock, cancel_before_original, DOCS, INVALID, { "2026-01-09|2026-01-10" } },
  { "cancel/date-does-not-exist", setup_stock, cancel_on_impossible_date, mk_record_error_quark, MK_RECORD_ERROR_BAD_DATE, { "2026-02-30" } },
};

static void
test_refused (MkFixture    *fixture,
              gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr (GObject) state = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;

  if (bad->setup != NULL)
    state = bad->setup (fixture);
  before = mk_fixture_dump (fixture);

  error = bad->act (fixture, state);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_error (error, bad->domain (), bad->code);
  for (guint i = 0; i < G_N_ELEMENTS (bad->mentions) && bad->mentions[i] != NULL; i++)
    mk_test_assert_mentions (error, bad->mentions[i], NULL);
  /* A message that speaks to a person, not a dump of the statement. */
  g_assert_cmpuint (strlen (error->message), <, 400);
  g_assert_null (strstr (error->message, "SQL"));
  g_assert_null (strstr (error->message, "constraint"));

  mk_fixture_assert_unchanged (fixture, before);
}

/* A draft saved first stays exactly as it was when its posting is refused. */
static void
test_saved_draft_survives_refusal (MkFixture    *fixture,
                                   gconstpointer data)
{
  g_autoptr (MkDocument) waybill = waybill_to_field ();
  g_autoptr (MkDocument) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) refusal = NULL;
  gint64 id;

  setup_stock (fixture);
  mk_test_add_line (waybill, "SOAP", 65, "grant", "ECHO-2026", NULL);
  mk_documents_save_draft (fixture->db, waybill, &error);
  g_assert_no_error (error);
  id = mk_document_get_id (waybill);
  g_assert_cmpint (id, !=, 0);

  refusal = mk_test_post_fails (fixture, waybill);
  g_assert_error (refusal, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_SHORT);

  again = mk_documents_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_document_get_status (again), ==, MK_DOCUMENT_DRAFT);
  g_assert_null (mk_document_get_number (again));
  g_assert_cmpuint (mk_document_get_lines (again)->len, ==, 1);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 40);
}

/* A refused posting gives away no number. */
static void
test_refusal_takes_no_number (MkFixture    *fixture,
                              gconstpointer data)
{
  g_autoptr (MkDocument) refused = waybill_to_field ();
  g_autoptr (MkDocument) accepted = waybill_to_field ();
  g_autoptr (MkDocument) second_grn = NULL;
  g_autoptr (GError) error = NULL;

  setup_stock (fixture);
  mk_test_add_line (refused, "SOAP", 65, "grant", "ECHO-2026", NULL);
  error = mk_test_post_fails (fixture, refused);
  mk_test_add_line (accepted, "SOAP", 40, "grant", "ECHO-2026", NULL);
  mk_test_post (fixture, accepted);
  g_assert_cmpstr (mk_document_get_number (accepted), ==, "BEN-WB-2026-00001");

  g_clear_error (&error);
  {
    g_autoptr (MkDocument) bad_grn = grn ("2026-01-12");
    mk_test_add_line (bad_grn, "UNICORN", 1, NULL);
    error = mk_test_post_fails (fixture, bad_grn);
  }
  second_grn = mk_test_receive (fixture, "2026-01-12", "BEN-MAIN", "SOAP", 1, NULL, NULL, NULL);
  g_assert_cmpstr (mk_document_get_number (second_grn), ==, "BEN-GRN-2026-00002");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add (name, MkFixture, data, mk_ledger_fixture_set_up, func, mk_ledger_fixture_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/posting/refuses/%s", bad_cases[i].name);
      ADD (name, &bad_cases[i], test_refused);
    }
  ADD ("/posting/saved-draft-survives-refusal", NULL, test_saved_draft_survives_refusal);
  ADD ("/posting/refusal-takes-no-number", NULL, test_refusal_takes_no_number);

  return g_test_run ();
}
