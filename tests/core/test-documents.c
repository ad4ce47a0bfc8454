/* test-documents.c: what each document does to stock, numbers, drafts and
 * cancellations. The ledger check runs after every test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mk-test-ledger.h"

static MkDocumentLine *
find_line (MkDocument *document,
           const char *item_code,
           const char *lot_number)
{
  GPtrArray *lines = mk_document_get_lines (document);

  for (guint i = 0; i < lines->len; i++)
    {
      MkDocumentLine *line = g_ptr_array_index (lines, i);
      if (g_ascii_strcasecmp (line->item_code, item_code) == 0 && (lot_number == NULL || g_strcmp0 (line->lot_number, lot_number) == 0))
        return line;
    }
  return NULL;
}

static gboolean
contains_any (const char *text,
              const char *alternatives)
{
  g_auto (GStrv) list = g_strsplit (alternatives, "|", -1);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; list[i] != NULL; i++)
    if (strstr (text, list[i]) != NULL)
      return TRUE;
  return FALSE;
}

static GPtrArray *
stock_card (MkFixture  *fixture,
            const char *warehouse,
            const char *item,
            guint64    *total)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *card = mk_ledger_stock_card (fixture->db, warehouse, item, NULL, NULL, 0, 1000,
                                          total, &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  return card;
}

static MkDocumentSummary *
find_summary (GPtrArray  *summaries,
              const char *number)
{
  for (guint i = 0; i < summaries->len; i++)
    {
      MkDocumentSummary *summary = g_ptr_array_index (summaries, i);
      if (g_strcmp0 (summary->number, number) == 0)
        return summary;
    }
  return NULL;
}

/* Kinds ------------------------------------------------------------------ */

static void
test_kinds (void)
{
  static const struct
  {
    MkDocumentKind kind;
    const char    *code;
    const char    *name;
  } kinds[] = {
    { MK_DOCUMENT_GRN, "GRN", "grn" },
    { MK_DOCUMENT_WAYBILL, "WB", "waybill" },
    { MK_DOCUMENT_RECEPTION, "RCV", "reception" },
    { MK_DOCUMENT_KITTING, "KIT", "kitting" },
    { MK_DOCUMENT_DEKITTING, "DKT", "dekitting" },
    { MK_DOCUMENT_COUNT, "CNT", "count" },
    { MK_DOCUMENT_ADJUSTMENT, "ADJ", "adjustment" },
    { MK_DOCUMENT_CANCELLATION, "CAN", "cancellation" },
    { MK_DOCUMENT_DISTRIBUTION, "DIS", "distribution" },
    { MK_DOCUMENT_SERVICE, "SRV", "service" },
  };
  MkDocumentKind kind;

  G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == MK_DOCUMENT_N_KINDS);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *upper = g_ascii_strup (kinds[i].name, -1);
      g_autofree char *lower = g_ascii_strdown (kinds[i].code, -1);
      const MkKind    *header = mk_document_kind_get_header (kinds[i].kind);

      g_assert_cmpstr (mk_document_kind_to_code (kinds[i].kind), ==, kinds[i].code);
      g_assert_cmpstr (mk_document_kind_to_name (kinds[i].kind), ==, kinds[i].name);
      g_assert_nonnull (mk_document_kind_get_label (kinds[i].kind));
      kind = MK_DOCUMENT_N_KINDS;
      g_assert_true (mk_document_kind_from_text (upper, &kind));
      g_assert_cmpint (kind, ==, kinds[i].kind);
      kind = MK_DOCUMENT_N_KINDS;
      g_assert_true (mk_document_kind_from_text (lower, &kind));
      g_assert_cmpint (kind, ==, kinds[i].kind);
      g_assert_nonnull (header);
      g_assert_cmpstr (header->fields[0].name, ==, "number");
      g_assert_nonnull (mk_kind_find_field (header, "date"));
      g_assert_nonnull (mk_kind_find_field (header, "notes"));
    }
  g_assert_false (mk_document_kind_from_text ("invoice", &kind));
  g_assert_false (mk_document_kind_from_text ("", &kind));
}

/* Drafts and numbers ----------------------------------------------------- */

static void
test_draft_has_no_effect (MkFixture    *fixture,
                          gconstpointer data)
{
  g_autoptr (MkDocument) draft = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-01-10",
                                                       "warehouse", "BEN-MAIN",
                                                       "source", "donation", NULL);
  g_autoptr (MkDocument) read = NULL;
  g_autoptr (MkDocument) gone = NULL;
  g_autoptr (MkDocument) other = NULL;
  g_autoptr (GPtrArray) stock = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GError) error = NULL;
  MkStockFilter   everything = { 0 };
  MkDocumentLine *line;
  gint64          id;

  mk_test_add_line (draft, "SOAP", 100, NULL);
  mk_documents_save_draft (fixture->db, draft, &error);
  g_assert_no_error (error);
  id = mk_document_get_id (draft);
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpint (mk_document_get_status (draft), ==, MK_DOCUMENT_DRAFT);
  g_assert_null (mk_document_get_number (draft));

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 0);
  stock = mk_ledger_list_stock (fixture->db, &everything, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stock->len, ==, 0);
  mk_test_assert_ledger_ok (fixture);

  drafts = mk_documents_list (fixture->db, MK_DOCUMENT_GRN, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpint (((MkDocumentSummary *) g_ptr_array_index (drafts, 0))->status, ==,
                   MK_DOCUMENT_DRAFT);
  g_assert_null (((MkDocumentSummary *) g_ptr_array_index (drafts, 0))->number);

  /* Edited freely: replaced, not added to. */
  read = mk_documents_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_document_get_field (read, "source"), ==, "donation");
  g_assert_cmpuint (mk_document_get_lines (read)->len, ==, 1);
  mk_document_clear_lines (read);
  mk_test_add_line (read, "BUCKET", 12, NULL);
  mk_test_add_line (read, "SOAP", 120, NULL);
  mk_documents_save_draft (fixture->db, read, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_document_get_id (read), ==, id);
  g_clear_object (&read);
  read = mk_documents_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mk_document_get_lines (read)->len, ==, 2);
  line = find_line (read, "SOAP", NULL);
  g_assert_nonnull (line);
  g_assert_cmpint (line->quantity, ==, 120);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 0);

  /* Posting the stored draft. */
  mk_test_post (fixture, read);
  g_assert_cmpstr (mk_document_get_number (read), ==, "BEN-GRN-2026-00001");
  g_assert_cmpint (mk_document_get_id (read), ==, id);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 120);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BUCKET", NULL, NULL, NULL), ==, 12);

  /* A draft deleted is gone; it never had a number. */
  other = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-01-11", "warehouse", "BEN-MAIN",
                                "source", "purchase", NULL);
  mk_test_add_line (other, "SOAP", 1, NULL);
  mk_documents_save_draft (fixture->db, other, &error);
  g_assert_no_error (error);
  mk_documents_delete_draft (fixture->db, mk_document_get_id (other), &error);
  g_assert_no_error (error);
  gone = mk_documents_get (fixture->db, mk_document_get_id (other), &error);
  g_assert_null (gone);
  g_assert_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_NOT_FOUND);
}

static void
test_numbers (MkFixture    *fixture,
              gconstpointer data)
{
  g_autoptr (MkDocument) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL;
  g_autoptr (MkDocument) found = NULL;
  g_autoptr (MkDocument) waybill = NULL;
  g_autoptr (GPtrArray) grns = NULL;
  g_autoptr (GPtrArray) february = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;

  a = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 10, NULL, NULL, NULL);
  b = mk_test_receive (fixture, "2026-02-10", "BEN-MAIN", "SOAP", 10, NULL, NULL, NULL);
  /* The year is the document's, not today's. */
  c = mk_test_receive (fixture, "2027-01-02", "BEN-MAIN", "SOAP", 10, NULL, NULL, NULL);
  d = mk_test_receive (fixture, "2025-12-31", "BEN-MAIN", "SOAP", 10, NULL, NULL, NULL);
  e = mk_test_receive (fixture, "2026-03-10", "BEN-FIELD", "SOAP", 10, NULL, NULL, NULL);
  g_assert_cmpstr (mk_document_get_number (a), ==, "BEN-GRN-2026-00001");
  g_assert_cmpstr (mk_document_get_number (b), ==, "BEN-GRN-2026-00002");
  g_assert_cmpstr (mk_document_get_number (c), ==, "BEN-GRN-2027-00001");
  g_assert_cmpstr (mk_document_get_number (d), ==, "BEN-GRN-2025-00001");
  g_assert_cmpstr (mk_document_get_number (e), ==, "BEN-GRN-2026-00003");

  /* Per kind. */
  waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-03-11",
                                  "warehouse", "BEN-MAIN", "to_site", "GAN-DC", NULL);
  mk_test_add_line (waybill, "SOAP", 5, NULL);
  mk_test_post (fixture, waybill);
  g_assert_cmpstr (mk_document_get_number (waybill), ==, "BEN-WB-2026-00001");

  /* Found without case. */
  found = mk_documents_get_by_number (fixture->db, "ben-grn-2026-00002", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_document_get_id (found), ==, mk_document_get_id (b));
  g_assert_cmpstr (mk_document_get_number (found), ==, "BEN-GRN-2026-00002");
  g_assert_cmpint (mk_document_get_status (found), ==, MK_DOCUMENT_POSTED);
  g_assert_cmpint (find_line (found, "SOAP", NULL)->quantity, ==, 10);
  g_clear_object (&found);
  found = mk_documents_get_by_number (fixture->db, "BEN-GRN-2026-00099", &error);
  g_assert_null (found);
  g_assert_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Newest first, by kind and period. */
  grns = mk_documents_list (fixture->db, MK_DOCUMENT_GRN, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grns->len, ==, 5);
  g_assert_cmpstr (((MkDocumentSummary *) g_ptr_array_index (grns, 0))->number, ==,
                   "BEN-GRN-2027-00001");
  g_assert_cmpstr (((MkDocumentSummary *) g_ptr_array_index (grns, 4))->number, ==,
                   "BEN-GRN-2025-00001");
  february = mk_documents_list (fixture->db, -1, "2026-02-01", "2026-03-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (february->len, ==, 2);
  g_assert_cmpstr (((MkDocumentSummary *) g_ptr_array_index (february, 0))->number, ==,
                   "BEN-GRN-2026-00003");
  g_assert_cmpstr (((MkDocumentSummary *) g_ptr_array_index (february, 0))->warehouse_code, ==,
                   "BEN-FIELD");
  g_assert_cmpint (((MkDocumentSummary *) g_ptr_array_index (february, 0))->total_units, ==, 10);
  all = mk_documents_list (fixture->db, -1, NULL, NULL, &error);
  g_assert_cmpuint (all->len, ==, 6);
}

/* Goods received --------------------------------------------------------- */

typedef struct
{
  const char *source;
  const char *damaged_handling; /* NULL: the default, loss */
  gint64      quarantined;
} GrnCase;

static const GrnCase grn_cases[] = {
  { "purchase", "quarantine", 5 },
  { "purchase", "loss", 0 },
  { "purchase", NULL, 0 },
  { "donation", "quarantine", 5 },
  { "donation", "loss", 0 },
  { "return", "quarantine", 5 },
  { "return", "loss", 0 },
};

static void
test_grn (MkFixture    *fixture,
          gconstpointer data)
{
  const GrnCase *grn_case = data;
  g_autoptr (MkDocument) grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-01-10",
                                                     "warehouse", "BEN-MAIN",
                                                     "source", grn_case->source,
                                                     "supplier", "Tibesti Trading",
                                                     "reference", "PO-2026-118", NULL);
  g_autoptr (MkDocument) read = NULL;
  g_autoptr (GPtrArray) card = NULL;
  g_autoptr (GError) error = NULL;
  MkDocumentLine *line;
  MkStockCardRow *last;
  guint64         total = 0;

  if (grn_case->damaged_handling != NULL)
    {
      mk_record_set_text (mk_document_get_header (grn), "damaged_handling",
                          grn_case->damaged_handling, &error);
      g_assert_no_error (error);
    }
  mk_test_add_line (grn, "SOAP", 100, "damaged", "5", "short", "3", "grant", "ECHO-2026", NULL);
  mk_test_add_line (grn, "BUCKET", 20, NULL);
  mk_test_post (fixture, grn);

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 100);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, "ECHO-2026", NULL), ==, 100);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, "", NULL), ==, 0);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BUCKET", NULL, "", NULL), ==, 20);
  g_assert_cmpint (mk_test_quarantine (fixture, "BEN-MAIN", "SOAP"), ==, grn_case->quarantined);
  g_assert_cmpint (mk_test_quarantine (fixture, "BEN-MAIN", "BUCKET"), ==, 0);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "SOAP", NULL, NULL, NULL), ==, 0);

  read = mk_documents_get_by_number (fixture->db, mk_document_get_number (grn), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_document_get_field (read, "source"), ==, grn_case->source);
  g_assert_cmpstr (mk_document_get_field (read, "warehouse"), ==, "BEN-MAIN");
  g_assert_cmpstr (mk_document_get_field (read, "supplier"), ==, "Tibesti Trading");
  g_assert_cmpstr (mk_document_get_field (read, "reference"), ==, "PO-2026-118");
  line = find_line (read, "SOAP", NULL);
  g_assert_nonnull (line);
  g_assert_cmpint (line->quantity, ==, 100);
  g_assert_cmpint (line->damaged, ==, 5);
  g_assert_cmpint (line->short_quantity, ==, 3);
  g_assert_cmpstr (line->grant_code, ==, "ECHO-2026");
  g_assert_cmpint (line->item_id, !=, 0);
  g_assert_cmpint (line->grant_id, !=, 0);

  /* The usable stock's card ends at 100 whatever happened to the damaged. */
  card = stock_card (fixture, "BEN-MAIN", "SOAP", &total);
  g_assert_cmpuint (card->len, >=, 1);
  g_assert_cmpuint (total, ==, card->len);
  last = g_ptr_array_index (card, card->len - 1);
  g_assert_cmpint (last->balance, ==, 100);
  g_assert_cmpstr (last->document_number, ==, mk_document_get_number (grn));
  g_assert_cmpstr (last->kind_code, ==, "GRN");
  g_assert_cmpstr (last->date, ==, "2026-01-10");
}

/* Waybills and receptions ------------------------------------------------ */

static void
stock_main (MkFixture *fixture)
{
  g_autoptr (MkDocument) grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-01-10",
                                                     "warehouse", "BEN-MAIN",
                                                     "source", "purchase", NULL);

  mk_test_add_line (grn, "SOAP", 100, "grant", "ECHO-2026", NULL);
  mk_test_add_line (grn, "BUCKET", 20, NULL);
  mk_test_add_line (grn, "BLANKET", 50, NULL);
  mk_test_post (fixture, grn);
}

static MkDocument *
post_waybill_to_field (MkFixture *fixture)
{
  MkDocument *waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-02-01",
                                              "warehouse", "BEN-MAIN",
                                              "to_warehouse", "BEN-FIELD",
                                              "transport_mode", "road",
                                              "transporter", "Al Khair Transport",
                                              "vehicle", "Mercedes Actros",
                                              "plate", "5-123456",
                                              "driver", "Abdelsalam Faraj",
                                              "driver_phone", "+218 91 234 5678",
                                              "expected_date", "2026-02-03",
                                              "parcels", "12", NULL);

  mk_test_add_line (waybill, "SOAP", 30, "grant", "ECHO-2026", NULL);
  mk_test_add_line (waybill, "BUCKET", 4, NULL);
  mk_test_add_line (waybill, "BLANKET", 10, NULL);
  mk_test_post (fixture, waybill);
  return waybill;
}

static void
test_waybill_and_reception (MkFixture    *fixture,
                            gconstpointer data)
{
  g_autoptr (MkDocument) waybill = NULL;
  g_autoptr (MkDocument) read = NULL;
  g_autoptr (MkDocument) reception = NULL;
  g_autoptr (GPtrArray) transit = NULL;
  g_autoptr (GPtrArray) transit_after = NULL;
  g_autoptr (GPtrArray) card = NULL;
  g_autoptr (GPtrArray) field_card = NULL;
  g_autoptr (GError) error = NULL;
  MkStockCardRow *row;
  MkTransitRow   *soap = NULL;
  guint64         total;

  stock_main (fixture);
  waybill = post_waybill_to_field (fixture);
  g_assert_cmpstr (mk_document_get_number (waybill), ==, "BEN-WB-2026-00001");

  /* Totals from the catalogue: 30 × 250 g + 4 × 780 g + 10 × 2 kg; 10 × 0.008 m³. */
  g_assert_cmpint (mk_document_get_total_units (waybill), ==, 44);
  g_assert_cmpint (mk_document_get_total_weight_g (waybill), ==, 7500 + 3120 + 20000);
  g_assert_cmpint (mk_document_get_total_volume_cm3 (waybill), ==, 80000);
  read = mk_documents_get_by_number (fixture->db, "BEN-WB-2026-00001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_document_get_total_units (read), ==, 44);
  g_assert_cmpint (mk_document_get_total_weight_g (read), ==, 30620);
  g_assert_cmpint (mk_document_get_total_volume_cm3 (read), ==, 80000);
  g_assert_cmpstr (mk_document_get_field (read, "transporter"), ==, "Al Khair Transport");
  g_assert_cmpstr (mk_document_get_field (read, "plate"), ==, "5-123456");
  g_assert_cmpstr (mk_document_get_field (read, "driver"), ==, "Abdelsalam Faraj");
  g_assert_cmpstr (mk_document_get_field (read, "driver_phone"), ==, "+218 91 234 5678");
  g_assert_cmpstr (mk_document_get_field (read, "expected_date"), ==, "2026-02-03");
  g_assert_cmpint (mk_record_get_int (mk_document_get_header (read), "parcels"), ==, 12);

  /* The stock left the origin and belongs to neither warehouse. */
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 70);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, NULL, NULL), ==, 40);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "SOAP", NULL, NULL, NULL), ==, 0);
  transit = mk_ledger_list_in_transit (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transit->len, ==, 3);
  for (guint i = 0; i < transit->len; i++)
    {
      MkTransitRow *t = g_ptr_array_index (transit, i);
      g_assert_cmpstr (t->waybill_number, ==, "BEN-WB-2026-00001");
      g_assert_cmpstr (t->from_warehouse_code, ==, "BEN-MAIN");
      g_assert_cmpstr (t->destination, ==, "BEN-FIELD");
      g_assert_cmpstr (t->date, ==, "2026-02-01");
      g_assert_cmpstr (t->expected_date, ==, "2026-02-03");
      if (g_str_equal (t->item_code, "SOAP"))
        soap = t;
    }
  g_assert_nonnull (soap);
  g_assert_cmpint (soap->quantity, ==, 30);
  g_assert_cmpstr (soap->grant_code, ==, "ECHO-2026");

  /* The stock card says where it went. */
  card = stock_card (fixture, "BEN-MAIN", "SOAP", &total);
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpuint (card->len, ==, 2);
  row = g_ptr_array_index (card, 1);
  g_assert_cmpstr (row->document_number, ==, "BEN-WB-2026-00001");
  g_assert_cmpstr (row->kind_code, ==, "WB");
  g_assert_cmpint (row->quantity_in, ==, 0);
  g_assert_cmpint (row->quantity_out, ==, 30);
  g_assert_cmpint (row->balance, ==, 70);
  g_assert_cmpstr (row->grant_code, ==, "ECHO-2026");
  if (!contains_any (row->counterpart, "BEN-FIELD|Benghazi field store"))
    g_error ("the waybill's row names “%s” as counterpart", row->counterpart);

  /* Received: 25 good, 3 damaged into quarantine, 2 short (lost in transit). */
  reception = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", "2026-02-03",
                                    "waybill", "ben-wb-2026-00001",
                                    "damaged_handling", "quarantine", NULL);
  mk_test_add_line (reception, "SOAP", 25, "grant", "ECHO-2026", "damaged", "3", "short", "2",
                    "remarks", "Two bars missing from a carton", NULL);
  mk_test_add_line (reception, "BUCKET", 4, NULL);
  mk_test_add_line (reception, "BLANKET", 9, "short", "1", NULL);
  mk_test_post (fixture, reception);
  g_assert_cmpstr (mk_document_get_number (reception), ==, "BEN-RCV-2026-00001");
  /* The destination defaults to the waybill's. */
  {
    g_autoptr (MkDocument) stored = mk_documents_get_by_number (fixture->db, "BEN-RCV-2026-00001",
                                                                &error);
    g_assert_no_error (error);
    g_assert_cmpstr (mk_document_get_field (stored, "warehouse"), ==, "BEN-FIELD");
    g_assert_cmpstr (mk_document_get_field (stored, "waybill"), ==, "BEN-WB-2026-00001");
  }

  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "SOAP", NULL, NULL, NULL), ==, 25);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "SOAP", NULL, "ECHO-2026", NULL), ==, 25);
  g_assert_cmpint (mk_test_quarantine (fixture, "BEN-FIELD", "SOAP"), ==, 3);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "BUCKET", NULL, NULL, NULL), ==, 4);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "BLANKET", NULL, NULL, NULL), ==, 9);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 70);
  transit_after = mk_ledger_list_in_transit (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transit_after->len, ==, 0);

  field_card = stock_card (fixture, "BEN-FIELD", "SOAP", &total);
  g_assert_cmpuint (total, ==, 1);
  row = g_ptr_array_index (field_card, 0);
  g_assert_cmpstr (row->kind_code, ==, "RCV");
  g_assert_cmpint (row->quantity_in, ==, 25);
  g_assert_cmpint (row->balance, ==, 25);
}

static void
test_received_in_parts (MkFixture    *fixture,
                        gconstpointer data)
{
  g_autoptr (MkDocument) waybill = NULL;
  g_autoptr (MkDocument) first = NULL;
  g_autoptr (MkDocument) second = NULL;
  g_autoptr (MkDocument) third = NULL;
  g_autoptr (GPtrArray) transit = NULL;
  g_autoptr (GPtrArray) empty = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) refusal = NULL;

  stock_main (fixture);
  waybill = post_waybill_to_field (fixture);

  /* The first truck: 10 SOAP and all the buckets. */
  first = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", "2026-02-02",
                                "waybill", "BEN-WB-2026-00001", NULL);
  mk_test_add_line (first, "SOAP", 10, "grant", "ECHO-2026", NULL);
  mk_test_add_line (first, "BUCKET", 4, NULL);
  mk_test_post (fixture, first);

  transit = mk_ledger_list_in_transit (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transit->len, ==, 2);
  for (guint i = 0; i < transit->len; i++)
    {
      MkTransitRow *t = g_ptr_array_index (transit, i);
      if (g_str_equal (t->item_code, "SOAP"))
        g_assert_cmpint (t->quantity, ==, 20);
      else
        {
          g_assert_cmpstr (t->item_code, ==, "BLANKET");
          g_assert_cmpint (t->quantity, ==, 10);
        }
    }
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "SOAP", NULL, NULL, NULL), ==, 10);

  /* Asking for more than is left of the line is refused. */
  second = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", "2026-02-04",
                                 "waybill", "BEN-WB-2026-00001", NULL);
  mk_test_add_line (second, "SOAP", 21, "grant", "ECHO-2026", NULL);
  refusal = mk_test_post_fails (fixture, second);
  g_assert_error (refusal, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_RECEIVED);
  mk_document_clear_lines (second);
  mk_test_add_line (second, "SOAP", 20, "grant", "ECHO-2026", NULL);
  mk_test_add_line (second, "BLANKET", 10, NULL);
  mk_test_post (fixture, second);
  g_assert_cmpstr (mk_document_get_number (second), ==, "BEN-RCV-2026-00002");

  empty = mk_ledger_list_in_transit (fixture->db, &error);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "SOAP", NULL, NULL, NULL), ==, 30);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "BLANKET", NULL, NULL, NULL), ==, 10);

  /* Nothing is left to receive. */
  g_clear_error (&refusal);
  third = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", "2026-02-05",
                                "waybill", "BEN-WB-2026-00001", NULL);
  mk_test_add_line (third, "BUCKET", 1, NULL);
  refusal = mk_test_post_fails (fixture, third);
  g_assert_error (refusal, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_RECEIVED);
}

typedef struct
{
  const char *field;
  const char *code;
} Destination;

static const Destination destinations[] = {
  { "to_site", "GAN-DC" },
  { "to_partner", "LRC" },
};

static void
test_waybill_destination (MkFixture    *fixture,
                          gconstpointer data)
{
  const Destination *destination = data;
  g_autoptr (MkDocument) waybill = NULL;
  g_autoptr (GPtrArray) transit = NULL;
  g_autoptr (GError) error = NULL;
  MkTransitRow *row;

  stock_main (fixture);
  waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-02-01",
                                  "warehouse", "BEN-MAIN", destination->field,
                                  destination->code, NULL);
  mk_test_add_line (waybill, "BLANKET", 15, NULL);
  mk_test_post (fixture, waybill);
  g_assert_cmpint (mk_document_get_total_weight_g (waybill), ==, 30000);

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, NULL, NULL), ==, 35);
  transit = mk_ledger_list_in_transit (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transit->len, ==, 1);
  row = g_ptr_array_index (transit, 0);
  g_assert_cmpstr (row->destination, ==, destination->code);
  g_assert_cmpstr (row->item_code, ==, "BLANKET");
  g_assert_cmpint (row->quantity, ==, 15);
  g_assert_null (row->grant_code);
}

/* Kits ------------------------------------------------------------------- */

/* 100 SOAP, TOOTHPASTE TP-A (Sep) 6 and TP-B (Jun) 8, 60 BRUSH, 12 BUCKET. */
static void
stock_components (MkFixture *fixture)
{
  g_autoptr (MkDocument) grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-01-10",
                                                     "warehouse", "BEN-MAIN",
                                                     "source", "donation", NULL);

  mk_test_compose_hk (fixture);
  mk_test_add_line (grn, "SOAP", 100, NULL);
  mk_test_add_line (grn, "TOOTHPASTE", 6, "lot", "TP-A", "expiry", "2026-09-30", NULL);
  mk_test_add_line (grn, "TOOTHPASTE", 8, "lot", "TP-B", "expiry", "2026-06-30", NULL);
  mk_test_add_line (grn, "BRUSH", 60, NULL);
  mk_test_add_line (grn, "BUCKET", 12, NULL);
  mk_test_post (fixture, grn);
}

static void
track_lots (MkFixture  *fixture,
            const char *item_code)
{
  g_autoptr (MkRecord) item = NULL;
  g_autoptr (GError) error = NULL;

  item = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), item_code, &error);
  g_assert_no_error (error);
  mk_record_set_text (item, "tracks_lots", "yes", &error);
  g_assert_no_error (error);
  mk_master_data_update (fixture->db, item, &error);
  g_assert_no_error (error);
}

static void
test_kitting (MkFixture    *fixture,
              gconstpointer data)
{
  g_autoptr (MkDocument) kitting = NULL;
  g_autoptr (MkDocument) read = NULL;
  g_autoptr (MkDocument) dekitting = NULL;
  MkDocumentLine *line;

  stock_components (fixture);
  /* The kits carry a lot, expiring with their first component, so that
   * taking them apart gives the toothpaste a lot. */
  track_lots (fixture, "HK");
  kitting = mk_test_document_new (MK_DOCUMENT_KITTING, "date", "2026-02-01",
                                  "warehouse", "BEN-MAIN", "kit", "HK",
                                  "kit_quantity", "10", "lot", "HK-2602",
                                  "expiry_date", "2026-06-30", NULL);
  mk_test_post (fixture, kitting);
  g_assert_cmpstr (mk_document_get_number (kitting), ==, "BEN-KIT-2026-00001");
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HK", "HK-2602", NULL, NULL), ==, 10);

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HK", NULL, NULL, NULL), ==, 10);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 60);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BRUSH", NULL, NULL, NULL), ==, 10);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BUCKET", NULL, NULL, NULL), ==, 2);
  /* First expiry first out: all of June's lot, then 2 of September's. */
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-B", NULL, NULL), ==, 0);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-A", NULL, NULL), ==, 4);

  /* The lines say what was consumed and produced, on the document and read back. */
  for (guint pass = 0; pass < 2; pass++)
    {
      MkDocument *doc = kitting;
      if (pass == 1)
        {
          g_autoptr (GError) error = NULL;
          read = mk_documents_get_by_number (fixture->db, "BEN-KIT-2026-00001", &error);
          g_assert_no_error (error);
          doc = read;
        }
      line = find_line (doc, "TOOTHPASTE", "TP-B");
      g_assert_nonnull (line);
      g_assert_cmpint (ABS (line->quantity), ==, 8);
      line = find_line (doc, "TOOTHPASTE", "TP-A");
      g_assert_nonnull (line);
      g_assert_cmpint (ABS (line->quantity), ==, 2);
      line = find_line (doc, "BRUSH", NULL);
      g_assert_nonnull (line);
      g_assert_cmpint (ABS (line->quantity), ==, 50);
      line = find_line (doc, "HK", NULL);
      g_assert_nonnull (line);
      g_assert_cmpint (ABS (line->quantity), ==, 10);
    }

  /* Taken apart again. */
  dekitting = mk_test_document_new (MK_DOCUMENT_DEKITTING, "date", "2026-02-02",
                                    "warehouse", "BEN-MAIN", "kit", "HK",
                                    "kit_quantity", "4", NULL);
  mk_test_post (fixture, dekitting);
  g_assert_cmpstr (mk_document_get_number (dekitting), ==, "BEN-DKT-2026-00001");
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HK", NULL, NULL, NULL), ==, 6);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 76);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BRUSH", NULL, NULL, NULL), ==, 30);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BUCKET", NULL, NULL, NULL), ==, 6);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", NULL, NULL, NULL), ==, 8);
  g_assert_nonnull (find_line (dekitting, "SOAP", NULL));
}

static void
test_kitting_named_lot (MkFixture    *fixture,
                        gconstpointer data)
{
  g_autoptr (MkDocument) kitting = NULL;

  stock_components (fixture);
  kitting = mk_test_document_new (MK_DOCUMENT_KITTING, "date", "2026-02-01",
                                  "warehouse", "BEN-MAIN", "kit", "HK",
                                  "kit_quantity", "5", NULL);
  /* September's lot named: June's, which expires first, is left alone. */
  mk_test_add_line (kitting, "TOOTHPASTE", 5, "lot", "TP-A", NULL);
  mk_test_post (fixture, kitting);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-A", NULL, NULL), ==, 1);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-B", NULL, NULL), ==, 8);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 80);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HK", NULL, NULL, NULL), ==, 5);
}

/* Counts and adjustments ------------------------------------------------- */

static void
test_count (MkFixture    *fixture,
            gconstpointer data)
{
  g_autoptr (MkDocument) count = NULL;
  g_autoptr (MkDocument) read = NULL;
  g_autoptr (GError) error = NULL;

  stock_components (fixture);
  count = mk_test_document_new (MK_DOCUMENT_COUNT, "date", "2026-01-31",
                                "warehouse", "BEN-MAIN", NULL);
  mk_test_add_line (count, "SOAP", 97, NULL);
  mk_test_add_line (count, "BUCKET", 13, NULL);
  mk_test_add_line (count, "BRUSH", 60, NULL);
  mk_test_add_line (count, "TOOTHPASTE", 0, "lot", "TP-B", NULL);
  mk_test_post (fixture, count);
  g_assert_cmpstr (mk_document_get_number (count), ==, "BEN-CNT-2026-00001");

  g_assert_cmpint (find_line (count, "SOAP", NULL)->expected, ==, 100);
  g_assert_cmpint (find_line (count, "BUCKET", NULL)->expected, ==, 12);
  g_assert_cmpint (find_line (count, "BRUSH", NULL)->expected, ==, 60);
  g_assert_cmpint (find_line (count, "TOOTHPASTE", "TP-B")->expected, ==, 8);
  read = mk_documents_get_by_number (fixture->db, "BEN-CNT-2026-00001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_line (read, "SOAP", NULL)->expected, ==, 100);
  g_assert_cmpint (find_line (read, "SOAP", NULL)->quantity, ==, 97);

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 97);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BUCKET", NULL, NULL, NULL), ==, 13);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BRUSH", NULL, NULL, NULL), ==, 60);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-B", NULL, NULL), ==, 0);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-A", NULL, NULL), ==, 6);
  /* As of the day before the count, the book quantity. */
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, "2026-01-30"), ==, 100);
}

typedef struct
{
  const char *reason;
  const char *item;
  const char *lot;
  gint64      quantity;
  gint64      balance_after;
} AdjustmentCase;

static const AdjustmentCase adjustment_cases[] = {
  { "damaged", "SOAP", NULL, -5, 95 },
  { "expired", "TOOTHPASTE", "TP-B", -8, 0 },
  { "lost", "BUCKET", NULL, -1, 11 },
  { "theft", "BRUSH", NULL, -12, 48 },
  { "found", "BUCKET", NULL, 3, 15 },
  { "count_difference", "SOAP", NULL, -2, 98 },
  { "count_difference", "SOAP", NULL, 2, 102 },
};

static void
test_adjustment (MkFixture    *fixture,
                 gconstpointer data)
{
  const AdjustmentCase *adj = data;
  g_autoptr (MkDocument) document = NULL;
  g_autoptr (GPtrArray) card = NULL;
  MkStockCardRow *row;
  guint64         total;

  stock_components (fixture);
  document = mk_test_document_new (MK_DOCUMENT_ADJUSTMENT, "date", "2026-02-01",
                                   "warehouse", "BEN-MAIN", "reason", adj->reason, NULL);
  mk_test_add_line (document, adj->item, adj->quantity, "lot", adj->lot,
                    "remarks", "Month-end check", NULL);
  mk_test_post (fixture, document);
  g_assert_cmpstr (mk_document_get_number (document), ==, "BEN-ADJ-2026-00001");
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", adj->item, adj->lot, NULL, NULL), ==,
                   adj->balance_after);

  card = stock_card (fixture, "BEN-MAIN", adj->item, &total);
  row = g_ptr_array_index (card, card->len - 1);
  g_assert_cmpstr (row->kind_code, ==, "ADJ");
  g_assert_cmpint (row->quantity_in, ==, MAX (adj->quantity, 0));
  g_assert_cmpint (row->quantity_out, ==, MAX (-adj->quantity, 0));
  g_assert_cmpint (row->balance, ==, mk_test_balance (fixture, "BEN-MAIN", adj->item, NULL, NULL, NULL));
}

static void
test_ownership_transfer (MkFixture    *fixture,
                         gconstpointer data)
{
  g_autoptr (MkDocument) transfer = NULL;

  stock_main (fixture);
  transfer = mk_test_document_new (MK_DOCUMENT_ADJUSTMENT, "date", "2026-02-01",
                                   "warehouse", "BEN-MAIN", "reason", "ownership_transfer",
                                   NULL);
  mk_test_add_line (transfer, "SOAP", 30, "grant", "ECHO-2026", "to_grant", "BHA-2026", NULL);
  /* From unearmarked to a grant. */
  mk_test_add_line (transfer, "BLANKET", 20, "to_grant", "BHA-2026", NULL);
  mk_test_post (fixture, transfer);

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, "ECHO-2026", NULL), ==, 70);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, "BHA-2026", NULL), ==, 30);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 100);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, "", NULL), ==, 30);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, "BHA-2026", NULL), ==, 20);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, NULL, NULL), ==, 50);
}

/* Cancellations ---------------------------------------------------------- */

static void
test_cancel_grn (MkFixture    *fixture,
                 gconstpointer data)
{
  g_autoptr (MkDocument) grn = NULL;
  g_autoptr (MkDocument) cancellation = NULL;
  g_autoptr (MkDocument) read = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autoptr (GError) error = NULL;
  MkDocumentSummary *summary;
  gboolean           audited = FALSE;

  grn = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "TOOTHPASTE", 40,
                         "TP-A", "2026-09-30", "ECHO-2026");
  cancellation = mk_documents_cancel (fixture->db, "ben-grn-2026-00001", NULL,
                                      "Received into the wrong warehouse", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cancellation);
  g_assert_cmpint (mk_document_get_kind (cancellation), ==, MK_DOCUMENT_CANCELLATION);
  g_assert_cmpint (mk_document_get_status (cancellation), ==, MK_DOCUMENT_POSTED);
  g_assert_cmpstr (mk_document_get_number (cancellation), ==, "BEN-CAN-2026-00001");
  /* It points at the original and takes its date when none is given. */
  g_assert_cmpstr (mk_document_get_field (cancellation, "cancels"), ==, "BEN-GRN-2026-00001");
  g_assert_cmpstr (mk_document_get_field (cancellation, "date"), ==, "2026-01-10");
  g_assert_cmpuint (mk_document_get_lines (cancellation)->len, >=, 1);

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-A", "ECHO-2026", NULL),
                   ==, 0);

  /* The original is still there, still posted, and known as cancelled. */
  read = mk_documents_get_by_number (fixture->db, "BEN-GRN-2026-00001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_document_get_status (read), ==, MK_DOCUMENT_POSTED);
  g_assert_cmpuint (mk_document_get_lines (read)->len, ==, 1);
  list = mk_documents_list (fixture->db, -1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  summary = find_summary (list, "BEN-GRN-2026-00001");
  g_assert_nonnull (summary);
  g_assert_true (summary->cancelled);
  summary = find_summary (list, "BEN-CAN-2026-00001");
  g_assert_nonnull (summary);
  g_assert_false (summary->cancelled);

  audit = mk_audit_list (fixture->db, 2, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      MkAuditEntry *entry = g_ptr_array_index (audit, i);
      if (g_strcmp0 (entry->code, "BEN-CAN-2026-00001") == 0)
        audited = TRUE;
    }
  g_assert_true (audited);
}

static void
test_cancel_waybill (MkFixture    *fixture,
                     gconstpointer data)
{
  g_autoptr (MkDocument) waybill = NULL;
  g_autoptr (MkDocument) cancellation = NULL;
  g_autoptr (MkDocument) reception = NULL;
  g_autoptr (GPtrArray) transit = NULL;
  g_autoptr (GError) error = NULL;

  stock_main (fixture);
  waybill = post_waybill_to_field (fixture);
  cancellation = mk_documents_cancel (fixture->db, "BEN-WB-2026-00001", "2026-02-02",
                                      "Truck broke down before leaving", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_document_get_field (cancellation, "date"), ==, "2026-02-02");

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, "ECHO-2026", NULL), ==, 100);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, NULL, NULL), ==, 50);
  /* …but on the day it left it was out. */
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, "2026-02-01"), ==, 70);
  transit = mk_ledger_list_in_transit (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transit->len, ==, 0);

  /* A cancelled waybill cannot be received. */
  reception = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", "2026-02-03",
                                    "waybill", "BEN-WB-2026-00001", NULL);
  mk_test_add_line (reception, "BUCKET", 4, NULL);
  g_clear_error (&error);
  error = mk_test_post_fails (fixture, reception);
  mk_test_assert_mentions (error, "BEN-WB-2026-00001", NULL);
}

static void
test_cancel_reception_then_waybill (MkFixture    *fixture,
                                    gconstpointer data)
{
  g_autoptr (MkDocument) waybill = NULL;
  g_autoptr (MkDocument) reception = NULL;
  g_autoptr (MkDocument) undo_reception = NULL;
  g_autoptr (MkDocument) undo_waybill = NULL;
  g_autoptr (GPtrArray) transit = NULL;
  g_autoptr (GError) error = NULL;

  stock_main (fixture);
  waybill = post_waybill_to_field (fixture);
  reception = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", "2026-02-03",
                                    "waybill", "BEN-WB-2026-00001",
                                    "damaged_handling", "quarantine", NULL);
  mk_test_add_line (reception, "SOAP", 28, "grant", "ECHO-2026", "damaged", "2", NULL);
  mk_test_add_line (reception, "BUCKET", 4, NULL);
  mk_test_add_line (reception, "BLANKET", 10, NULL);
  mk_test_post (fixture, reception);

  undo_reception = mk_documents_cancel (fixture->db, "BEN-RCV-2026-00001", NULL,
                                        "Counted against the wrong waybill", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "SOAP", NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (mk_test_quarantine (fixture, "BEN-FIELD", "SOAP"), ==, 0);
  transit = mk_ledger_list_in_transit (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transit->len, ==, 3);

  undo_waybill = mk_documents_cancel (fixture->db, "BEN-WB-2026-00001", "2026-02-04",
                                      "Sent back", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_document_get_number (undo_waybill), ==, "BEN-CAN-2026-00002");
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 100);
}

static void
test_cancel_kitting (MkFixture    *fixture,
                     gconstpointer data)
{
  g_autoptr (MkDocument) kitting = NULL;
  g_autoptr (MkDocument) cancellation = NULL;
  g_autoptr (GError) error = NULL;

  stock_components (fixture);
  kitting = mk_test_document_new (MK_DOCUMENT_KITTING, "date", "2026-02-01",
                                  "warehouse", "BEN-MAIN", "kit", "HK",
                                  "kit_quantity", "10", NULL);
  mk_test_post (fixture, kitting);
  cancellation = mk_documents_cancel (fixture->db, "BEN-KIT-2026-00001", NULL,
                                      "Kits were never assembled", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "HK", NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, 100);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-A", NULL, NULL), ==, 6);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-B", NULL, NULL), ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add (name, MkFixture, data, mk_ledger_fixture_set_up, func, mk_ledger_fixture_tear_down)

  g_test_add_func ("/documents/kinds", test_kinds);
  ADD ("/documents/draft-has-no-effect", NULL, test_draft_has_no_effect);
  ADD ("/documents/numbers", NULL, test_numbers);
  for (guint i = 0; i < G_N_ELEMENTS (grn_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/documents/grn/%s-damaged-to-%s",
                                               grn_cases[i].source,
                                               grn_cases[i].damaged_handling
                                                   ? grn_cases[i].damaged_handling
                                                   : "default");
      ADD (name, &grn_cases[i], test_grn);
    }
  ADD ("/documents/waybill/transfer-and-reception", NULL, test_waybill_and_reception);
  ADD ("/documents/waybill/received-in-parts", NULL, test_received_in_parts);
  for (guint i = 0; i < G_N_ELEMENTS (destinations); i++)
    {
      g_autofree char *name = g_strdup_printf ("/documents/waybill/%s", destinations[i].field);
      ADD (name, &destinations[i], test_waybill_destination);
    }
  ADD ("/documents/kitting/first-expiry-first-out", NULL, test_kitting);
  ADD ("/documents/kitting/named-lot", NULL, test_kitting_named_lot);
  ADD ("/documents/count", NULL, test_count);
  for (guint i = 0; i < G_N_ELEMENTS (adjustment_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/documents/adjustment/%s-%s%" G_GINT64_FORMAT,
                                               adjustment_cases[i].reason,
                                               adjustment_cases[i].quantity > 0 ? "plus-" : "minus-",
                                               ABS (adjustment_cases[i].quantity));
      ADD (name, &adjustment_cases[i], test_adjustment);
    }
  ADD ("/documents/adjustment/ownership-transfer", NULL, test_ownership_transfer);
  ADD ("/documents/cancel/grn", NULL, test_cancel_grn);
  ADD ("/documents/cancel/waybill-in-transit", NULL, test_cancel_waybill);
  ADD ("/documents/cancel/reception-then-waybill", NULL, test_cancel_reception_then_waybill);
  ADD ("/documents/cancel/kitting", NULL, test_cancel_kitting);

  return g_test_run ();
}
