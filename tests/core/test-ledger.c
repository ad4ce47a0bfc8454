/* test-ledger.c: balances now and as of a date, stock per grant, the stock
 * card and its pages, lots first-expiry-first-out, transit, expiry and
 * reorder lists, bulk posting, and the check that proves the ledger.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mk-test-ledger.h"

static void
post_adjustment (MkFixture  *fixture,
                 const char *date,
                 const char *warehouse,
                 const char *reason,
                 const char *item,
                 gint64      quantity)
{
  g_autoptr (MkDocument) adj = mk_test_document_new (MK_DOCUMENT_ADJUSTMENT, "date", date,
                                                     "warehouse", warehouse, "reason", reason,
                                                     NULL);
  mk_test_add_line (adj, item, quantity, NULL);
  mk_test_post (fixture, adj);
}

static void
post_waybill (MkFixture  *fixture,
              const char *date,
              const char *from,
              const char *to,
              const char *item,
              const char *lot,
              gint64      quantity)
{
  g_autoptr (MkDocument) waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", date,
                                                         "warehouse", from, "to_warehouse", to,
                                                         "expected_date", date, NULL);
  mk_test_add_line (waybill, item, quantity, "lot", lot, NULL);
  mk_test_post (fixture, waybill);
}

/* Balances --------------------------------------------------------------- */

static void
test_balance_as_of (MkFixture    *fixture,
                    gconstpointer data)
{
  static const struct
  {
    const char *as_of;
    gint64      main;
    gint64      field;
  } expected[] = {
    { "2025-12-31", 0, 0 },
    { "2026-01-09", 0, 0 },
    { "2026-01-10", 100, 0 }, /* the day itself counts */
    { "2026-01-31", 100, 0 }, /* January's total */
    { "2026-02-09", 100, 0 },
    { "2026-02-10", 150, 0 },
    { "2026-02-20", 130, 0 }, /* 20 in transit: in neither warehouse */
    { "2026-02-28", 130, 20 },
    { "2026-03-10", 155, 20 },
    { "2026-03-15", 152, 20 },
    { "2027-06-30", 152, 20 },
  };
  g_autoptr (MkDocument) jan = NULL, feb = NULL, mar = NULL;
  g_autoptr (MkDocument) reception = NULL;

  jan = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 100, NULL, NULL, NULL);
  mar = mk_test_receive (fixture, "2026-03-10", "BEN-MAIN", "SOAP", 25, NULL, NULL, NULL);
  /* Posted after March's, dated before: the date decides. */
  feb = mk_test_receive (fixture, "2026-02-10", "BEN-MAIN", "SOAP", 50, NULL, NULL, NULL);
  post_waybill (fixture, "2026-02-20", "BEN-MAIN", "BEN-FIELD", "SOAP", NULL, 20);
  reception = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", "2026-02-28",
                                    "waybill", "BEN-WB-2026-00001", NULL);
  mk_test_add_line (reception, "SOAP", 20, NULL);
  mk_test_post (fixture, reception);
  post_adjustment (fixture, "2026-03-15", "BEN-MAIN", "damaged", "SOAP", -3);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("as of %s", expected[i].as_of);
      g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, expected[i].as_of),
                       ==, expected[i].main);
      g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "SOAP", NULL, NULL, expected[i].as_of),
                       ==, expected[i].field);
    }
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 152);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "SOAP", NULL, NULL, NULL), ==, 20);
  /* Other items, other warehouses: nothing. */
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BUCKET", NULL, NULL, NULL), ==, 0);
}

static void
test_balance_refusals (MkFixture    *fixture,
                       gconstpointer data)
{
  static const MkStockFilter bad[] = {
    { "NOWHERE", FALSE, "SOAP", NULL, NULL, NULL },
    { "BEN-MAIN", FALSE, "UNICORN", NULL, NULL, NULL },
    { "BEN-MAIN", FALSE, "SOAP", NULL, "NOBODY-2026", NULL },
    { "BEN-MAIN", FALSE, "SOAP", NULL, NULL, "2026-02-30" },
    { "BEN-MAIN", FALSE, "SOAP", NULL, NULL, "yesterday" },
  };
  static const char *mentions[] = {
    "NOWHERE",
    "UNICORN",
    "NOBODY-2026",
    "2026-02-30",
    "yesterday",
  };

  g_autoptr (MkDocument) grn = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 100,
                                                NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 quantity = -7;

      g_assert_false (mk_ledger_get_balance (fixture->db, &bad[i], &quantity, &error));
      g_assert_nonnull (error);
      if (mentions[i] != NULL)
        mk_test_assert_mentions (error, mentions[i], NULL);
    }
}

static void
test_stock_per_grant (MkFixture    *fixture,
                      gconstpointer data)
{
  g_autoptr (MkDocument) echo = NULL, bha = NULL, none = NULL, field = NULL;
  g_autoptr (GPtrArray) bha_rows = NULL;
  g_autoptr (GPtrArray) unearmarked = NULL;
  g_autoptr (GPtrArray) soap_rows = NULL;
  g_autoptr (GPtrArray) main_rows = NULL;
  g_autoptr (GError) error = NULL;
  MkStockFilter by_bha = { NULL, FALSE, NULL, NULL, "BHA-2026", NULL };
  MkStockFilter by_none = { NULL, FALSE, NULL, NULL, "", NULL };
  MkStockFilter by_soap = { NULL, FALSE, "SOAP", NULL, NULL, NULL };
  MkStockFilter by_main = { "BEN-MAIN", FALSE, NULL, NULL, NULL, NULL };
  MkStockRow   *row;

  echo = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 100, NULL, NULL, "ECHO-2026");
  bha = mk_test_receive (fixture, "2026-01-11", "BEN-MAIN", "SOAP", 40, NULL, NULL, "BHA-2026");
  none = mk_test_receive (fixture, "2026-01-12", "BEN-MAIN", "SOAP", 10, NULL, NULL, NULL);
  field = mk_test_receive (fixture, "2026-01-12", "BEN-FIELD", "BLANKET", 7, NULL, NULL, "BHA-2026");

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, "ECHO-2026", NULL), ==, 100);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, "BHA-2026", NULL), ==, 40);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, "", NULL), ==, 10);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 150);
  /* A grant's stock as of before it arrived. */
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, "BHA-2026", "2026-01-10"),
                   ==, 0);

  bha_rows = mk_ledger_list_stock (fixture->db, &by_bha, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bha_rows->len, ==, 2);
  for (guint i = 0; i < bha_rows->len; i++)
    {
      row = g_ptr_array_index (bha_rows, i);
      g_assert_cmpstr (row->grant_code, ==, "BHA-2026");
      if (g_str_equal (row->warehouse_code, "BEN-FIELD"))
        {
          g_assert_cmpstr (row->item_code, ==, "BLANKET");
          g_assert_cmpint (row->quantity, ==, 7);
          continue;
        }
      g_assert_cmpstr (row->warehouse_code, ==, "BEN-MAIN");
      g_assert_cmpstr (row->item_code, ==, "SOAP");
      g_assert_cmpstr (row->item_name_en, ==, "Bathing soap 250 g");
      g_assert_cmpstr (row->item_name_ar, ==, "صابون استحمام");
      g_assert_cmpstr (row->unit, ==, "bar");
      g_assert_false (row->quarantine);
      g_assert_null (row->lot_number);
      g_assert_null (row->expiry_date);
      g_assert_cmpint (row->quantity, ==, 40);
    }

  unearmarked = mk_ledger_list_stock (fixture->db, &by_none, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unearmarked->len, ==, 1);
  row = g_ptr_array_index (unearmarked, 0);
  g_assert_null (row->grant_code);
  g_assert_cmpint (row->quantity, ==, 10);

  soap_rows = mk_ledger_list_stock (fixture->db, &by_soap, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soap_rows->len, ==, 3);
  main_rows = mk_ledger_list_stock (fixture->db, &by_main, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (main_rows->len, ==, 3);
}

/* The stock card --------------------------------------------------------- */

/* 250 movements of SOAP in BEN-MAIN over 125 days: 200 receipts of i units
 * and, every fifth document, a loss of 3. */
static void
post_250_movements (MkFixture *fixture,
                    gint64    *running)
{
  g_autoptr (GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  gint64 balance = 0;

  for (guint i = 0; i < 250; i++)
    {
      char text[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      if (i % 5 == 4)
        {
          post_adjustment (fixture, text, "BEN-MAIN", "lost", "SOAP", -3);
          balance -= 3;
        }
      else
        {
          g_autoptr (MkDocument) grn = mk_test_receive (fixture, text, "BEN-MAIN", "SOAP", i + 1,
                                                        NULL, NULL, NULL);
          balance += i + 1;
        }
      running[i] = balance;
      if (i % 2 == 1)
        g_date_add_days (date, 1);
    }
}

static void
test_stock_card_pages (MkFixture    *fixture,
                       gconstpointer data)
{
  gint64 running[250];
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) beyond = NULL;
  g_autoptr (GPtrArray) march = NULL;
  g_autoptr (GError) error = NULL;
  guint64         total = 0;
  MkStockCardRow *row;

  post_250_movements (fixture, running);

  page = mk_ledger_stock_card (fixture->db, "BEN-MAIN", "SOAP", NULL, NULL, 200, 100, &total,
                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 250);
  g_assert_cmpuint (page->len, ==, 50);
  for (guint j = 0; j < page->len; j++)
    {
      guint i = 200 + j;
      row = g_ptr_array_index (page, j);
      g_assert_cmpint (row->balance, ==, running[i]);
      if (i % 5 == 4)
        {
          g_assert_cmpstr (row->kind_code, ==, "ADJ");
          g_assert_cmpint (row->quantity_in, ==, 0);
          g_assert_cmpint (row->quantity_out, ==, 3);
        }
      else
        {
          g_assert_cmpstr (row->kind_code, ==, "GRN");
          g_assert_cmpint (row->quantity_in, ==, i + 1);
          g_assert_cmpint (row->quantity_out, ==, 0);
          g_assert_true (g_str_has_prefix (row->document_number, "BEN-GRN-2026-"));
        }
      g_assert_cmpint (row->movement_id, !=, 0);
    }
  g_assert_cmpint (((MkStockCardRow *) g_ptr_array_index (page, 49))->balance, ==,
                   mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL));

  first = mk_ledger_stock_card (fixture->db, "BEN-MAIN", "SOAP", NULL, NULL, 0, 100, &total,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 100);
  g_assert_cmpuint (total, ==, 250);
  row = g_ptr_array_index (first, 0);
  g_assert_cmpstr (row->document_number, ==, "BEN-GRN-2026-00001");
  g_assert_cmpstr (row->date, ==, "2026-01-01");
  g_assert_cmpint (row->balance, ==, 1);
  g_assert_cmpint (((MkStockCardRow *) g_ptr_array_index (first, 99))->balance, ==, running[99]);

  beyond = mk_ledger_stock_card (fixture->db, "BEN-MAIN", "SOAP", NULL, NULL, 300, 100, &total,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (beyond->len, ==, 0);
  g_assert_cmpuint (total, ==, 250);

  /* A period: rows 118 … 175 are dated 2026-03-01 … 2026-03-29 (two a day
   * from 1 January); the running balance still counts what came before. */
  march = mk_ledger_stock_card (fixture->db, "BEN-MAIN", "SOAP", "2026-03-01", "2026-03-31",
                                0, 1000, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 62);
  g_assert_cmpuint (march->len, ==, 62);
  row = g_ptr_array_index (march, 0);
  g_assert_cmpstr (row->date, ==, "2026-03-01");
  g_assert_cmpint (row->balance, ==, running[118]);
  row = g_ptr_array_index (march, 61);
  g_assert_cmpstr (row->date, ==, "2026-03-31");
  g_assert_cmpint (row->balance, ==, running[179]);
}

/* First expiry first out ------------------------------------------------- */

static void
stock_toothpaste (MkFixture *fixture)
{
  g_autoptr (MkDocument) grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-01-10",
                                                     "warehouse", "BEN-MAIN",
                                                     "source", "donation", NULL);

  /* Entered out of expiry order on purpose. */
  mk_test_add_line (grn, "TOOTHPASTE", 20, "lot", "TP-A", "expiry", "2026-09-30", NULL);
  mk_test_add_line (grn, "TOOTHPASTE", 10, "lot", "TP-OLD", "expiry", "2026-03-31", NULL);
  mk_test_add_line (grn, "TOOTHPASTE", 8, "lot", "TP-B", "expiry", "2026-06-30", NULL);
  mk_test_add_line (grn, "TOOTHPASTE", 5, "lot", "TP-C", "expiry", "2026-06-30", "grant", "BHA-2026", NULL);
  mk_test_post (fixture, grn);
}

static void
assert_suggestion (GPtrArray  *lots,
                   guint       index,
                   const char *lot,
                   gint64      quantity)
{
  MkStockRow *row;

  g_assert_cmpuint (index, <, lots->len);
  row = g_ptr_array_index (lots, index);
  g_assert_cmpstr (row->lot_number, ==, lot);
  g_assert_cmpint (row->quantity, ==, quantity);
  g_assert_cmpstr (row->item_code, ==, "TOOTHPASTE");
  g_assert_cmpstr (row->warehouse_code, ==, "BEN-MAIN");
}

static void
test_fefo (MkFixture    *fixture,
           gconstpointer data)
{
  g_autoptr (GPtrArray) april = NULL;
  g_autoptr (GPtrArray) march_last = NULL;
  g_autoptr (GPtrArray) unearmarked = NULL;
  g_autoptr (GPtrArray) too_many = NULL;
  g_autoptr (MkDocument) waybill = NULL;
  g_autoptr (MkDocument) greedy = NULL;
  g_autoptr (GError) error = NULL;
  gint64 taken = 0;

  stock_toothpaste (fixture);

  /* On 15 April TP-OLD has expired: June's lots, then September's. */
  april = mk_ledger_suggest_lots (fixture->db, "BEN-MAIN", "TOOTHPASTE", NULL, 16,
                                  "2026-04-15", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < april->len; i++)
    {
      MkStockRow *row = g_ptr_array_index (april, i);
      g_assert_cmpstr (row->lot_number, !=, "TP-OLD");
      g_assert_cmpstr (row->expiry_date, >=, "2026-04-15");
      if (i > 0)
        g_assert_cmpstr (((MkStockRow *) g_ptr_array_index (april, i - 1))->expiry_date, <=,
                         row->expiry_date);
      taken += row->quantity;
    }
  g_assert_cmpint (taken, ==, 16);
  g_assert_cmpuint (april->len, ==, 3);
  g_assert_cmpstr (((MkStockRow *) g_ptr_array_index (april, 2))->lot_number, ==, "TP-A");
  g_assert_cmpint (((MkStockRow *) g_ptr_array_index (april, 2))->quantity, ==, 3);

  /* Only unearmarked stock: TP-C (BHA) is left out. */
  unearmarked = mk_ledger_suggest_lots (fixture->db, "BEN-MAIN", "TOOTHPASTE", "", 16,
                                        "2026-04-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unearmarked->len, ==, 2);
  assert_suggestion (unearmarked, 0, "TP-B", 8);
  assert_suggestion (unearmarked, 1, "TP-A", 8);

  /* On its expiry day a lot has not yet expired. */
  march_last = mk_ledger_suggest_lots (fixture->db, "BEN-MAIN", "TOOTHPASTE", "", 12,
                                       "2026-03-31", &error);
  g_assert_no_error (error);
  assert_suggestion (march_last, 0, "TP-OLD", 10);
  assert_suggestion (march_last, 1, "TP-B", 2);

  /* 43 in the warehouse, but 10 have expired: 45 is 12 short of the 33. */
  too_many = mk_ledger_suggest_lots (fixture->db, "BEN-MAIN", "TOOTHPASTE", NULL, 45,
                                     "2026-04-15", &error);
  g_assert_null (too_many);
  g_assert_nonnull (error);
  mk_test_assert_mentions (error, "TOOTHPASTE|Toothpaste", "12|33", NULL);
  g_clear_error (&error);

  /* A waybill that names no lot takes the suggestion. */
  waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-04-15",
                                  "warehouse", "BEN-MAIN", "to_warehouse", "BEN-FIELD", NULL);
  mk_test_add_line (waybill, "TOOTHPASTE", 12, NULL);
  mk_test_post (fixture, waybill);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-OLD", NULL, NULL), ==, 10);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-A", NULL, NULL), ==, 20 - (12 - 8));
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-B", NULL, NULL), ==, 0);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-C", NULL, NULL), ==, 5);
  {
    GPtrArray *lines = mk_document_get_lines (waybill);
    gint64     sum = 0;
    for (guint i = 0; i < lines->len; i++)
      {
        MkDocumentLine *line = g_ptr_array_index (lines, i);
        g_assert_nonnull (line->lot_number);
        g_assert_cmpstr (line->lot_number, !=, "TP-OLD");
        sum += line->quantity;
      }
    g_assert_cmpint (sum, ==, 12);
  }

  /* Asking for more than the unexpired lots hold is refused, although the
   * expired lot would make up the difference. */
  greedy = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-04-16",
                                 "warehouse", "BEN-MAIN", "to_warehouse", "BEN-FIELD", NULL);
  mk_test_add_line (greedy, "TOOTHPASTE", 25, NULL);
  error = mk_test_post_fails (fixture, greedy);
  g_assert_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_SHORT);
  mk_test_assert_mentions (error, "TOOTHPASTE|Toothpaste", "BEN-MAIN|Benghazi main warehouse", NULL);
}

static void
test_expiring (MkFixture    *fixture,
               gconstpointer data)
{
  g_autoptr (GPtrArray) three = NULL;
  g_autoptr (GPtrArray) twelve = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MkDocument) soap = NULL;
  MkStockRow *row;

  stock_toothpaste (fixture);
  soap = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 100, NULL, NULL, NULL);
  /* A lot with no stock left is not listed. */
  {
    g_autoptr (MkDocument) gone = mk_test_receive (fixture, "2026-01-10", "BEN-FIELD", "TOOTHPASTE",
                                                   3, "TP-GONE", "2026-05-31", NULL);
    g_autoptr (MkDocument) adj = mk_test_document_new (MK_DOCUMENT_ADJUSTMENT, "date", "2026-01-20",
                                                       "warehouse", "BEN-FIELD", "reason", "theft",
                                                       NULL);
    mk_test_add_line (adj, "TOOTHPASTE", -3, "lot", "TP-GONE", NULL);
    mk_test_post (fixture, adj);
  }

  /* Within 3 months of 15 April (15 July): the expired lot, then June's. */
  three = mk_ledger_list_expiring (fixture->db, 3, "2026-04-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (three->len, ==, 3);
  row = g_ptr_array_index (three, 0);
  g_assert_cmpstr (row->lot_number, ==, "TP-OLD");
  g_assert_cmpstr (row->expiry_date, ==, "2026-03-31");
  g_assert_cmpint (row->quantity, ==, 10);
  for (guint i = 1; i < 3; i++)
    {
      row = g_ptr_array_index (three, i);
      g_assert_cmpstr (row->expiry_date, ==, "2026-06-30");
      g_assert_true (g_str_equal (row->lot_number, "TP-B") || g_str_equal (row->lot_number, "TP-C"));
    }

  twelve = mk_ledger_list_expiring (fixture->db, 12, "2026-04-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (twelve->len, ==, 4);
  row = g_ptr_array_index (twelve, 3);
  g_assert_cmpstr (row->lot_number, ==, "TP-A");
  g_assert_cmpint (row->quantity, ==, 20);
}

/* Transit ---------------------------------------------------------------- */

static void
test_in_transit (MkFixture    *fixture,
                 gconstpointer data)
{
  g_autoptr (MkDocument) grn = NULL;
  g_autoptr (MkDocument) part = NULL;
  g_autoptr (GPtrArray) transit = NULL;
  g_autoptr (GError) error = NULL;
  MkTransitRow *row;

  grn = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "BLANKET", 500, NULL, NULL, NULL);
  /* Posted newest first; listed oldest first. */
  post_waybill (fixture, "2026-02-05", "BEN-MAIN", "BEN-FIELD", "BLANKET", NULL, 70);
  post_waybill (fixture, "2026-02-01", "BEN-MAIN", "BEN-FIELD", "BLANKET", NULL, 100);

  part = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", "2026-02-06",
                               "waybill", "BEN-WB-2026-00002", NULL);
  mk_test_add_line (part, "BLANKET", 60, NULL);
  mk_test_post (fixture, part);

  transit = mk_ledger_list_in_transit (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transit->len, ==, 2);
  row = g_ptr_array_index (transit, 0);
  g_assert_cmpstr (row->waybill_number, ==, "BEN-WB-2026-00002");
  g_assert_cmpstr (row->date, ==, "2026-02-01");
  g_assert_cmpint (row->quantity, ==, 40);
  g_assert_null (row->grant_code);
  g_assert_null (row->lot_number);
  g_assert_cmpstr (row->from_warehouse_code, ==, "BEN-MAIN");
  g_assert_cmpstr (row->destination, ==, "BEN-FIELD");
  row = g_ptr_array_index (transit, 1);
  g_assert_cmpstr (row->waybill_number, ==, "BEN-WB-2026-00001");
  g_assert_cmpint (row->quantity, ==, 70);

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, NULL, NULL), ==, 330);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "BLANKET", NULL, NULL, NULL), ==, 60);
}

/* Reorder ---------------------------------------------------------------- */

static MkReorderRow *
find_reorder (GPtrArray  *rows,
              const char *warehouse,
              const char *item)
{
  for (guint i = 0; i < rows->len; i++)
    {
      MkReorderRow *row = g_ptr_array_index (rows, i);
      if (g_str_equal (row->warehouse_code, warehouse) && g_str_equal (row->item_code, item))
        return row;
    }
  return NULL;
}

static void
test_below_reorder (MkFixture    *fixture,
                    gconstpointer data)
{
  g_autoptr (MkDocument) blankets = NULL;
  g_autoptr (MkDocument) more = NULL;
  g_autoptr (MkDocument) one_more = NULL;
  g_autoptr (MkDocument) soap = NULL;
  g_autoptr (MkRecord) mats = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) at_level = NULL;
  g_autoptr (GPtrArray) above = NULL;
  g_autoptr (GError) error = NULL;
  MkReorderRow *row;

  mats = mk_fixture_add (fixture, "item", "code", "MAT", "name_en", "Sleeping mat",
                         "category", "nfi", "unit", "piece", "reorder_level", "10",
                         "active", "no", NULL);
  blankets = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "BLANKET", 80, NULL, NULL, NULL);
  soap = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 3, NULL, NULL, NULL);

  rows = mk_ledger_list_below_reorder (fixture->db, &error);
  g_assert_no_error (error);
  row = find_reorder (rows, "BEN-MAIN", "BLANKET");
  g_assert_nonnull (row);
  g_assert_cmpint (row->quantity, ==, 80);
  g_assert_cmpint (row->reorder_level, ==, 100);
  g_assert_cmpstr (row->item_name_en, ==, "Blanket, high thermal");
  g_assert_cmpstr (row->item_name_ar, ==, "بطانية حرارية");
  /* An empty active warehouse is below too; an inactive one is not watched. */
  row = find_reorder (rows, "BEN-FIELD", "BLANKET");
  g_assert_nonnull (row);
  g_assert_cmpint (row->quantity, ==, 0);
  g_assert_null (find_reorder (rows, "OLD-STORE", "BLANKET"));
  /* Items without a reorder level, and inactive items, are not watched. */
  g_assert_null (find_reorder (rows, "BEN-MAIN", "SOAP"));
  g_assert_null (find_reorder (rows, "BEN-MAIN", "MAT"));
  g_assert_cmpuint (rows->len, ==, 2);

  /* At the level is still listed; above it is not. */
  more = mk_test_receive (fixture, "2026-01-11", "BEN-MAIN", "BLANKET", 20, NULL, NULL, NULL);
  at_level = mk_ledger_list_below_reorder (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_reorder (at_level, "BEN-MAIN", "BLANKET"));
  one_more = mk_test_receive (fixture, "2026-01-12", "BEN-MAIN", "BLANKET", 1, NULL, NULL, NULL);
  above = mk_ledger_list_below_reorder (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_null (find_reorder (above, "BEN-MAIN", "BLANKET"));
  g_assert_nonnull (find_reorder (above, "BEN-FIELD", "BLANKET"));
}

/* Bulk posting ----------------------------------------------------------- */

static void
test_bulk (MkFixture    *fixture,
           gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MkDocument) short_waybill = NULL;
  g_autofree char *before = NULL;

  mk_ledger_bulk_begin (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr (MkDocument) grn = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "BUCKET", 2,
                                                    NULL, NULL, NULL);
    }
  /* The same rules apply in bulk. */
  short_waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-01-11",
                                        "warehouse", "BEN-MAIN", "to_warehouse", "BEN-FIELD",
                                        NULL);
  mk_test_add_line (short_waybill, "BUCKET", 201, NULL);
  g_assert_false (mk_documents_post (fixture->db, short_waybill, &error));
  g_assert_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_SHORT);
  g_clear_error (&error);
  /* What bulk posting remembers of the balances follows what was written
   * and what a refusal rolled back. */
  post_waybill (fixture, "2026-01-11", "BEN-MAIN", "BEN-FIELD", "BUCKET", NULL, 150);
  {
    g_autoptr (MkDocument) too_many = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-01-12",
                                                            "warehouse", "BEN-MAIN", "to_warehouse",
                                                            "BEN-FIELD", NULL);
    g_autoptr (MkDocument) twice = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-01-12",
                                                         "warehouse", "BEN-MAIN", "to_warehouse",
                                                         "BEN-FIELD", NULL);

    mk_test_add_line (too_many, "BUCKET", 51, NULL);
    g_assert_false (mk_documents_post (fixture->db, too_many, &error));
    g_assert_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_SHORT);
    g_clear_error (&error);
    /* Two lines that fit alone but not together. */
    mk_test_add_line (twice, "BUCKET", 30, NULL);
    mk_test_add_line (twice, "BUCKET", 30, NULL);
    g_assert_false (mk_documents_post (fixture->db, twice, &error));
    g_assert_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_SHORT);
    g_clear_error (&error);
  }
  post_waybill (fixture, "2026-01-12", "BEN-MAIN", "BEN-FIELD", "BUCKET", NULL, 50);
  /* An item made inactive during a bulk load is refused from then on: what
   * bulk posting remembers of the catalogue follows it. */
  {
    g_autoptr (MkRecord) bucket = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "BUCKET", &error);
    g_autoptr (MkDocument) grn = NULL;

    g_assert_no_error (error);
    mk_record_set_text (bucket, "active", "no", &error);
    g_assert_no_error (error);
    mk_master_data_update (fixture->db, bucket, &error);
    g_assert_no_error (error);
    grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-01-13", "warehouse", "BEN-MAIN",
                                "source", "purchase", NULL);
    mk_test_add_line (grn, "BUCKET", 5, NULL);
    g_assert_false (mk_documents_post (fixture->db, grn, &error));
    g_assert_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "inactive"));
    g_clear_error (&error);
  }
  mk_ledger_bulk_end (fixture->db, &error);
  g_assert_no_error (error);

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BUCKET", NULL, NULL, NULL), ==, 0);
  mk_test_assert_ledger_ok (fixture);

  /* Aborted: nothing stays. */
  before = mk_fixture_dump (fixture);
  mk_ledger_bulk_begin (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr (MkDocument) grn = mk_test_receive (fixture, "2026-01-12", "BEN-MAIN", "SOAP", 5,
                                                    NULL, NULL, NULL);
    }
  mk_ledger_bulk_abort (fixture->db);
  mk_fixture_assert_unchanged (fixture, before);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 0);
  {
    g_autoptr (MkDocument) next = mk_test_receive (fixture, "2026-01-12", "BEN-MAIN", "SOAP", 5,
                                                   NULL, NULL, NULL);
    g_assert_cmpstr (mk_document_get_number (next), ==, "BEN-GRN-2026-00101");
  }
}

/* The check, and a file changed behind the core's back ------------------- */

static void
post_some_of_everything (MkFixture *fixture)
{
  g_autoptr (MkDocument) grn = NULL;
  g_autoptr (MkDocument) reception = NULL;

  grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-01-10", "warehouse", "BEN-MAIN",
                              "source", "purchase", "damaged_handling", "quarantine", NULL);
  mk_test_add_line (grn, "SOAP", 100, "damaged", "4", "grant", "ECHO-2026", NULL);
  mk_test_add_line (grn, "TOOTHPASTE", 30, "lot", "TP-A", "expiry", "2026-09-30", NULL);
  mk_test_add_line (grn, "BUCKET", 20, NULL);
  mk_test_post (fixture, grn);
  post_waybill (fixture, "2026-02-01", "BEN-MAIN", "BEN-FIELD", "BUCKET", NULL, 5);
  post_waybill (fixture, "2026-02-02", "BEN-MAIN", "BEN-FIELD", "BUCKET", NULL, 6);
  reception = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", "2026-02-04",
                                    "waybill", "BEN-WB-2026-00001", NULL);
  mk_test_add_line (reception, "BUCKET", 5, NULL);
  mk_test_post (fixture, reception);
  post_adjustment (fixture, "2026-02-10", "BEN-MAIN", "lost", "BUCKET", -2);
  mk_test_assert_ledger_ok (fixture);
}

typedef struct
{
  const char *name;
  const char *sql;
  const char *mentions[3];
} Corruption;

#define MAIN_LOCATION                                                        \
  "(SELECT l.id FROM locations l JOIN warehouses w ON w.id = l.warehouse_id" \
  " WHERE l.kind = 'warehouse' AND w.code = 'BEN-MAIN')"
#define SOAP_ID "(SELECT id FROM items WHERE code = 'SOAP')"
#define BUCKET_ID "(SELECT id FROM items WHERE code = 'BUCKET')"

static const Corruption corruptions[] = {
  { "balance-raised",
    "UPDATE balances SET quantity = quantity + 1"
    " WHERE location_id = " MAIN_LOCATION " AND item_id = " SOAP_ID,
    { "SOAP|Bathing soap", "BEN-MAIN|Benghazi main warehouse" } },
  { "balance-deleted",
    "DELETE FROM balances WHERE location_id = " MAIN_LOCATION " AND item_id = " BUCKET_ID,
    { "BUCKET|Bucket", "BEN-MAIN|Benghazi main warehouse" } },
  { "balance-invented",
    "INSERT INTO balances (location_id, item_id, lot_id, grant_id, quantity)"
    " VALUES (" MAIN_LOCATION ", (SELECT id FROM items WHERE code = 'BLANKET'), 0, 0, 9)",
    { "BLANKET|Blanket", "BEN-MAIN|Benghazi main warehouse" } },
  { "quarantine-raised",
    "UPDATE balances SET quantity = quantity + 1 WHERE location_id ="
    " (SELECT id FROM locations WHERE kind = 'quarantine')",
    { "SOAP|Bathing soap", NULL } },
  { "transit-lowered",
    "UPDATE balances SET quantity = quantity - 1 WHERE quantity > 0 AND location_id IN"
    " (SELECT id FROM locations WHERE kind = 'transit')",
    { "BUCKET|Bucket", "BEN-WB-2026-00002|transit" } },
  { "month-total-changed",
    "UPDATE stock_month_totals SET quantity = quantity + 5"
    " WHERE location_id = " MAIN_LOCATION " AND item_id = " SOAP_ID " AND month = 202601",
    { "SOAP|Bathing soap", NULL } },
  { "movement-without-a-balance",
    "INSERT INTO movements (document_id, date, location_id, item_id, lot_id, grant_id, quantity,"
    " category) SELECT document_id, date, location_id, item_id, lot_id, grant_id, -1, category"
    " FROM movements WHERE document_id ="
    " (SELECT id FROM documents WHERE number = 'BEN-ADJ-2026-00001')",
    { "BUCKET|Bucket", NULL } },
  { "number-missing",
    "INSERT INTO documents (kind, status, number, year, sequence, date, warehouse_id, created_at)"
    " VALUES ('WB', 'posted', 'BEN-WB-2026-00004', 2026, 4, '2026-02-03',"
    " (SELECT id FROM warehouses WHERE code = 'BEN-MAIN'), '2026-02-03T10:00:00Z');"
    "UPDATE document_numbers SET last = 4 WHERE kind = 'WB' AND year = 2026",
    { "WB", "2026", "gap|missing" } },
  /* A reception of one bucket of BEN-WB-2026-00002 dated before the waybill,
   * with balances and monthly totals made to agree. */
  { "received-before-the-waybill-left",
    "BEGIN;"
    "INSERT INTO documents (kind, status, number, year, sequence, date, warehouse_id, reference_id,"
    " created_at) VALUES ('RCV', 'posted', 'BEN-RCV-2026-00002', 2026, 2, '2026-01-15',"
    " (SELECT id FROM warehouses WHERE code = 'BEN-FIELD'),"
    " (SELECT id FROM documents WHERE number = 'BEN-WB-2026-00002'), '2026-02-03T10:00:00Z');"
    "UPDATE document_numbers SET last = 2 WHERE kind = 'RCV' AND year = 2026;"
    "CREATE TEMP TABLE forged AS"
    " SELECT (SELECT id FROM documents WHERE number = 'BEN-RCV-2026-00002') AS document_id,"
    " '2026-01-15' AS date, m.location_id AS location_id, m.item_id AS item_id,"
    " m.lot_id AS lot_id, m.grant_id AS grant_id,"
    " CASE WHEN m.quantity < 0 THEN -1 ELSE 1 END AS quantity, m.category AS category,"
    " CASE WHEN l.kind = 'transit'"
    "  THEN (SELECT id FROM locations WHERE waybill_id ="
    "        (SELECT id FROM documents WHERE number = 'BEN-WB-2026-00002'))"
    "  ELSE m.location_id END AS target"
    " FROM movements m JOIN locations l ON l.id = m.location_id"
    " WHERE m.document_id = (SELECT id FROM documents WHERE number = 'BEN-RCV-2026-00001');"
    "INSERT INTO movements (document_id, date, location_id, item_id, lot_id, grant_id, quantity,"
    " category) SELECT document_id, date, target, item_id, lot_id, grant_id, quantity, category"
    " FROM forged;"
    "UPDATE balances SET quantity = quantity + (SELECT f.quantity FROM forged f"
    " WHERE f.target = balances.location_id AND f.item_id = balances.item_id"
    " AND f.lot_id = balances.lot_id AND f.grant_id = balances.grant_id)"
    " WHERE EXISTS (SELECT 1 FROM forged f WHERE f.target = balances.location_id"
    " AND f.item_id = balances.item_id AND f.lot_id = balances.lot_id"
    " AND f.grant_id = balances.grant_id);"
    "INSERT INTO stock_month_totals (location_id, item_id, lot_id, grant_id, month, category,"
    " quantity) SELECT target, item_id, lot_id, grant_id, 202601, category, quantity FROM forged"
    " WHERE true ON CONFLICT (location_id, item_id, lot_id, grant_id, month, category)"
    " DO UPDATE SET quantity = quantity + excluded.quantity;"
    "DROP TABLE forged;"
    "COMMIT;",
    { "BEN-RCV-2026-00002|BEN-WB-2026-00002", NULL } },
};

static void
test_check_finds (MkFixture    *fixture,
                  gconstpointer data)
{
  const Corruption *corruption = data;
  g_autoptr (GError) error = NULL;
  sqlite3 *raw;

  post_some_of_everything (fixture);
  raw = mk_test_raw_open (fixture);
  mk_test_raw_exec (raw, corruption->sql);
  sqlite3_close (raw);

  g_assert_false (mk_ledger_check (fixture->db, &error));
  g_assert_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_CHECK_FAILED);
  g_test_message ("check: %s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (corruption->mentions) && corruption->mentions[i]; i++)
    mk_test_assert_mentions (error, corruption->mentions[i], NULL);
}

/* A movement of a draft document, with its balance and monthly total made
 * to agree: only the rule "every movement belongs to a posted document"
 * can find it. */
static void
test_check_finds_movement_of_draft (MkFixture    *fixture,
                                    gconstpointer data)
{
  g_autoptr (MkDocument) draft = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3         *raw;

  post_some_of_everything (fixture);
  draft = mk_test_document_new (MK_DOCUMENT_ADJUSTMENT, "date", "2026-02-11",
                                "warehouse", "BEN-MAIN", "reason", "found", NULL);
  mk_test_add_line (draft, "BUCKET", 5, NULL);
  mk_documents_save_draft (fixture->db, draft, &error);
  g_assert_no_error (error);
  mk_test_assert_ledger_ok (fixture);

  raw = mk_test_raw_open (fixture);
  sql = g_strdup_printf (
      "BEGIN;"
      "INSERT INTO movements (document_id, date, location_id, item_id, lot_id, grant_id, quantity,"
      " category) VALUES (%" G_GINT64_FORMAT ", '2026-02-11', " MAIN_LOCATION ", " BUCKET_ID
      ", 0, 0, 5, 'found');"
      "UPDATE balances SET quantity = quantity + 5"
      " WHERE location_id = " MAIN_LOCATION " AND item_id = " BUCKET_ID
      " AND lot_id = 0 AND grant_id = 0;"
      "INSERT INTO stock_month_totals (location_id, item_id, lot_id, grant_id, month, category,"
      " quantity) VALUES (" MAIN_LOCATION ", " BUCKET_ID ", 0, 0, 202602, 'found', 5)"
      " ON CONFLICT (location_id, item_id, lot_id, grant_id, month, category)"
      " DO UPDATE SET quantity = quantity + 5;"
      "COMMIT;",
      mk_document_get_id (draft));
  mk_test_raw_exec (raw, sql);
  sqlite3_close (raw);

  g_assert_false (mk_ledger_check (fixture->db, &error));
  g_assert_error (error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_CHECK_FAILED);
  g_test_message ("check: %s", error->message);
  mk_test_assert_mentions (error, "draft|posted", NULL);
}

/* The schema itself keeps posted history: the core is not the only guard. */
static void
test_history_is_immutable (MkFixture    *fixture,
                           gconstpointer data)
{
  static const char *forbidden[] = {
    "UPDATE movements SET quantity = quantity + 1",
    "DELETE FROM movements",
    "UPDATE documents SET date = '2026-01-01' WHERE status = 'posted'",
    "DELETE FROM documents WHERE status = 'posted'",
    "UPDATE document_lines SET quantity = 1",
    "DELETE FROM document_lines",
  };
  g_autofree char *before = NULL;
  sqlite3         *raw;

  post_some_of_everything (fixture);
  before = mk_fixture_dump (fixture);
  raw = mk_test_raw_open (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    g_assert_cmpint (sqlite3_exec (raw, forbidden[i], NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (raw);
  mk_fixture_assert_unchanged (fixture, before);
}

/* Stock is never negative at any date: a document dated before the stock
 * arrived is refused, even though the stock is there today, and so is one
 * that would leave a later document short. */
static void
test_never_negative_in_the_past (MkFixture    *fixture,
                                 gconstpointer data)
{
  g_autoptr (MkDocument) grn = NULL;
  g_autoptr (MkDocument) early = NULL;
  g_autoptr (MkDocument) on_time = NULL;
  g_autoptr (MkDocument) later_loss = NULL;
  g_autoptr (GError) refusal = NULL;

  grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-03-10", "warehouse", "BEN-MAIN",
                              "source", "purchase", NULL);
  mk_test_add_line (grn, "SOAP", 100, NULL);
  mk_test_post (fixture, grn);

  early = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-03-05", "warehouse", "BEN-MAIN",
                                "to_warehouse", "BEN-FIELD", NULL);
  mk_test_add_line (early, "SOAP", 10, NULL);
  refusal = mk_test_post_fails (fixture, early);
  g_assert_error (refusal, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_SHORT);
  mk_test_assert_mentions (refusal, "SOAP", "2026-03-05", NULL);
  g_clear_error (&refusal);

  on_time = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-03-12", "warehouse", "BEN-MAIN",
                                  "to_warehouse", "BEN-FIELD", NULL);
  mk_test_add_line (on_time, "SOAP", 100, NULL);
  mk_test_post (fixture, on_time);

  /* 100 are there on 11 March, but all of them leave on the 12th: a loss
   * dated the 11th would make the 12th's waybill short. */
  later_loss = mk_test_document_new (MK_DOCUMENT_ADJUSTMENT, "date", "2026-03-11",
                                     "warehouse", "BEN-MAIN", "reason", "lost", NULL);
  mk_test_add_line (later_loss, "SOAP", -10, NULL);
  refusal = mk_test_post_fails (fixture, later_loss);
  g_assert_true (refusal->domain == MK_DOCUMENTS_ERROR);
  g_assert_true (refusal->code == MK_DOCUMENTS_ERROR_SHORT);
  mk_test_assert_mentions (refusal, "SOAP", NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add (name, MkFixture, data, mk_ledger_fixture_set_up, func, mk_ledger_fixture_tear_down)
#define ADD_UNCHECKED(name, data, func) \
  g_test_add (name, MkFixture, data, mk_ledger_fixture_set_up, func, mk_fixture_tear_down)

  ADD ("/ledger/balance/as-of", NULL, test_balance_as_of);
  ADD ("/ledger/balance/refusals", NULL, test_balance_refusals);
  ADD ("/ledger/stock-per-grant", NULL, test_stock_per_grant);
  ADD ("/ledger/stock-card/pages", NULL, test_stock_card_pages);
  ADD ("/ledger/lots/first-expiry-first-out", NULL, test_fefo);
  ADD ("/ledger/lots/expiring", NULL, test_expiring);
  ADD ("/ledger/in-transit", NULL, test_in_transit);
  ADD ("/ledger/below-reorder", NULL, test_below_reorder);
  ADD ("/ledger/bulk", NULL, test_bulk);
  ADD ("/ledger/never-negative-in-the-past", NULL, test_never_negative_in_the_past);
  ADD ("/ledger/check/history-is-immutable", NULL, test_history_is_immutable);
  for (guint i = 0; i < G_N_ELEMENTS (corruptions); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ledger/check/finds/%s", corruptions[i].name);
      ADD_UNCHECKED (name, &corruptions[i], test_check_finds);
    }
  ADD_UNCHECKED ("/ledger/check/finds/movement-of-a-draft", NULL, test_check_finds_movement_of_draft);

  return g_test_run ();
}
