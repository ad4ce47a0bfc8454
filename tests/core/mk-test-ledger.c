/* mk-test-ledger.c: documents built and posted in one call, balances read in
 * one call, and the ledger's invariant checked after every test that posts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mk-test-ledger.h"

void
mk_test_add_ledger_catalogue (MkFixture *fixture)
{
  g_autoptr (MkRecord) field = NULL, old = NULL, blanket = NULL, bha = NULL, grant = NULL;
  g_autoptr (MkRecord) toothpaste = NULL;
  g_autoptr (GError) error = NULL;

  mk_fixture_add_catalogue (fixture);
  field = mk_fixture_add (fixture, "warehouse", "code", "BEN-FIELD",
                          "name_en", "Benghazi field store", "name_ar", "مخزن بنغازي الميداني",
                          "type", "field", "baladiya", "LY010304", NULL);
  old = mk_fixture_add (fixture, "warehouse", "code", "OLD-STORE",
                        "name_en", "Old Benina store", "type", "field",
                        "baladiya", "LY010304", "active", "no", NULL);
  blanket = mk_fixture_add (fixture, "item", "code", "BLANKET",
                            "name_en", "Blanket, high thermal", "name_ar", "بطانية حرارية",
                            "category", "nfi", "unit", "piece", "weight_kg", "2",
                            "volume_m3", "0.008", "reorder_level", "100", NULL);
  bha = mk_fixture_add (fixture, "donor", "code", "BHA",
                        "name_en", "Bureau for Humanitarian Assistance", NULL);
  grant = mk_fixture_add (fixture, "grant", "code", "BHA-2026", "donor", "BHA",
                          "name_en", "WASH and NFI 2026", "start_date", "2026-01-01",
                          "end_date", "2026-12-31", "sector", "WSH", NULL);

  toothpaste = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "TOOTHPASTE", &error);
  g_assert_no_error (error);
  mk_record_set_text (toothpaste, "tracks_lots", "yes", &error);
  g_assert_no_error (error);
  mk_master_data_update (fixture->db, toothpaste, &error);
  g_assert_no_error (error);
}

void
mk_test_compose_hk (MkFixture *fixture)
{
  g_autoptr (GPtrArray) bill = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_kit_component_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkRecord) kit = NULL;

  g_ptr_array_add (bill, mk_kit_component_new ("SOAP", 4));
  g_ptr_array_add (bill, mk_kit_component_new ("TOOTHPASTE", 1));
  g_ptr_array_add (bill, mk_kit_component_new ("BRUSH", 5));
  g_ptr_array_add (bill, mk_kit_component_new ("BUCKET", 1));
  mk_kit_set_components (fixture->db, "HK", bill, &error);
  g_assert_no_error (error);

  /* TOOTHPASTE tracks lots, so the kit that holds it does too. */
  kit = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "HK", &error);
  g_assert_no_error (error);
  mk_record_set_text (kit, "tracks_lots", "yes", &error);
  g_assert_no_error (error);
  mk_master_data_update (fixture->db, kit, &error);
  g_assert_no_error (error);
}

void
mk_ledger_fixture_set_up (MkFixture    *fixture,
                          gconstpointer data)
{
  mk_fixture_set_up (fixture, data);
  mk_test_add_ledger_catalogue (fixture);
}

void
mk_ledger_fixture_tear_down (MkFixture    *fixture,
                             gconstpointer data)
{
  if (fixture->db != NULL)
    {
      g_autoptr (GError) error = NULL;

      mk_ledger_check (fixture->db, &error);
      g_assert_no_error (error);
      mk_database_check_integrity (fixture->db, &error);
      g_assert_no_error (error);
    }
  mk_fixture_tear_down (fixture, data);
}

MkDocument *
mk_test_document_new (MkDocumentKind kind,
                      ...)
{
  MkDocument *document = mk_document_new (kind);
  MkRecord   *header = mk_document_get_header (document);
  const char *field;
  va_list     args;

  g_assert_nonnull (header);
  va_start (args, kind);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_autoptr (GError) error = NULL;

      mk_record_set_text (header, field, value, &error);
      if (error != NULL)
        g_error ("setting %s to “%s”: %s", field, value, error->message);
    }
  va_end (args);
  return document;
}

static void
set_str (char      **target,
         const char *value)
{
  g_free (*target);
  *target = g_strdup (value);
}

static MkDocumentLine *
line_new_valist (const char *item_code,
                 gint64      quantity,
                 va_list     args)
{
  MkDocumentLine *line = mk_document_line_new (item_code, quantity);
  const char     *name;

  g_assert_nonnull (line);
  g_assert_cmpstr (line->item_code, ==, item_code);
  g_assert_cmpint (line->quantity, ==, quantity);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (g_str_equal (name, "lot"))
        set_str (&line->lot_number, value);
      else if (g_str_equal (name, "expiry"))
        set_str (&line->expiry_date, value);
      else if (g_str_equal (name, "grant"))
        set_str (&line->grant_code, value);
      else if (g_str_equal (name, "to_grant"))
        set_str (&line->to_grant_code, value);
      else if (g_str_equal (name, "remarks"))
        set_str (&line->remarks, value);
      else if (g_str_equal (name, "damaged"))
        line->damaged = g_ascii_strtoll (value, NULL, 10);
      else if (g_str_equal (name, "short"))
        line->short_quantity = g_ascii_strtoll (value, NULL, 10);
      else if (g_str_equal (name, "expected"))
        line->expected = g_ascii_strtoll (value, NULL, 10);
      else
        g_error ("unknown line field %s", name);
    }
  return line;
}

MkDocumentLine *
mk_test_line_new (const char *item_code,
                  gint64      quantity,
                  ...)
{
  MkDocumentLine *line;
  va_list         args;

  va_start (args, quantity);
  line = line_new_valist (item_code, quantity, args);
  va_end (args);
  return line;
}

void
mk_test_add_line (MkDocument *document,
                  const char *item_code,
                  gint64      quantity,
                  ...)
{
  MkDocumentLine *line;
  va_list         args;

  va_start (args, quantity);
  line = line_new_valist (item_code, quantity, args);
  va_end (args);
  mk_document_add_line (document, line);
}

const char *
mk_test_post (MkFixture  *fixture,
              MkDocument *document)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autofree char *pattern = NULL;
  const char      *number;
  const char      *date;
  MkAuditEntry    *entry;

  if (!mk_documents_post (fixture->db, document, &error))
    g_error ("posting a %s was refused: %s",
             mk_document_kind_to_name (mk_document_get_kind (document)),
             error != NULL ? error->message : "(no error set)");
  g_assert_no_error (error);
  g_assert_cmpint (mk_document_get_status (document), ==, MK_DOCUMENT_POSTED);
  g_assert_cmpint (mk_document_get_id (document), !=, 0);
  number = mk_document_get_number (document);
  g_assert_nonnull (number);

  /* BEN-WB-2026-00017: office, kind, the year of the document's date. */
  date = mk_document_get_field (document, "date");
  g_assert_nonnull (date);
  pattern = g_strdup_printf ("^BEN-%s-%.4s-[0-9]{5}$",
                             mk_document_kind_to_code (mk_document_get_kind (document)), date);
  if (!g_regex_match_simple (pattern, number, 0, 0))
    g_error ("number “%s” does not match %s", number, pattern);

  /* Every posting writes an audit entry. */
  audit = mk_audit_list (fixture->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "post");
  g_assert_cmpstr (entry->code, ==, number);
  return number;
}

GError *
mk_test_post_fails (MkFixture  *fixture,
                    MkDocument *document)
{
  g_autofree char *before = mk_fixture_dump (fixture);
  gint64           id_before = mk_document_get_id (document);
  GError          *error = NULL;

  g_assert_false (mk_documents_post (fixture->db, document, &error));
  g_assert_nonnull (error);
  mk_fixture_assert_unchanged (fixture, before);
  g_assert_cmpint (mk_document_get_status (document), ==, MK_DOCUMENT_DRAFT);
  g_assert_null (mk_document_get_number (document));
  g_assert_cmpint (mk_document_get_id (document), ==, id_before);
  return error;
}

MkDocument *
mk_test_receive (MkFixture  *fixture,
                 const char *date,
                 const char *warehouse,
                 const char *item,
                 gint64      quantity,
                 const char *lot,
                 const char *expiry,
                 const char *grant)
{
  MkDocument     *grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", date,
                                              "warehouse", warehouse, "source", "purchase",
                                              "supplier", "Tibesti Trading", NULL);
  MkDocumentLine *line = mk_document_line_new (item, quantity);

  line->lot_number = g_strdup (lot);
  line->expiry_date = g_strdup (expiry);
  line->grant_code = g_strdup (grant);
  mk_document_add_line (grn, line);
  mk_test_post (fixture, grn);
  return grn;
}

gint64
mk_test_balance (MkFixture  *fixture,
                 const char *warehouse,
                 const char *item,
                 const char *lot,
                 const char *grant,
                 const char *as_of)
{
  MkStockFilter filter = { warehouse, FALSE, item, lot, grant, as_of };
  g_autoptr (GError) error = NULL;
  gint64 quantity = -1;

  mk_ledger_get_balance (fixture->db, &filter, &quantity, &error);
  g_assert_no_error (error);
  return quantity;
}

gint64
mk_test_quarantine (MkFixture  *fixture,
                    const char *warehouse,
                    const char *item)
{
  MkStockFilter filter = { warehouse, TRUE, item, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  gint64 quantity = -1;

  mk_ledger_get_balance (fixture->db, &filter, &quantity, &error);
  g_assert_no_error (error);
  return quantity;
}

void
mk_test_assert_mentions (const GError *error,
                         ...)
{
  g_autofree char *message = NULL;
  const char      *mention;
  va_list          args;

  g_assert_nonnull (error);
  message = g_utf8_casefold (error->message, -1);
  va_start (args, error);
  while ((mention = va_arg (args, const char *)) != NULL)
    {
      g_auto (GStrv) alternatives = g_strsplit (mention, "|", -1);
      gboolean found = FALSE;

      for (guint i = 0; alternatives[i] != NULL && !found; i++)
        {
          g_autofree char *folded = g_utf8_casefold (alternatives[i], -1);
          found = strstr (message, folded) != NULL;
        }
      if (!found)
        g_error ("“%s” does not mention “%s”", error->message, mention);
    }
  va_end (args);
}

void
mk_test_assert_ledger_ok (MkFixture *fixture)
{
  g_autoptr (GError) error = NULL;

  mk_ledger_check (fixture->db, &error);
  g_assert_no_error (error);
}

sqlite3 *
mk_test_raw_open (MkFixture *fixture)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  return handle;
}

void
mk_test_raw_exec (sqlite3    *handle,
                  const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
mk_test_raw_int (sqlite3    *handle,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64        value;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (handle));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s returned no row", sql);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* People reached --------------------------------------------------------- */

void
mk_test_add_people_catalogue (MkFixture *fixture)
{
  g_autoptr (MkRecord) site = NULL, kit = NULL, winter = NULL, clothes = NULL;

  site = mk_fixture_add (fixture, "site", "code", "KUF-UC",
                         "name_en", "Kuwaifiya urban community", "name_ar", "مجتمع الكويفية",
                         "type", "urban_community", "baladiya", "LY010304", NULL);
  kit = mk_fixture_add (fixture, "item", "code", "HYG-KIT", "name_en", "Individual hygiene kit",
                        "name_ar", "حقيبة النظافة الشخصية", "category", "wash", "unit", "kit",
                        "is_kit", "yes", "weight_kg", "1.5", NULL);
  winter = mk_fixture_add (fixture, "item", "code", "WINTER-KIT", "name_en", "Winter kit",
                           "name_ar", "حقيبة الشتاء", "category", "nfi", "unit", "kit",
                           "is_kit", "yes", NULL);
  clothes = mk_fixture_add (fixture, "item", "code", "CLOTHES", "name_en", "Clothing set",
                            "name_ar", "طقم ملابس", "category", "nfi", "unit", "set", NULL);
}

MkRecord *
mk_test_add_household (MkFixture  *fixture,
                       const char *code,
                       const char *site,
                       const char *population_group,
                       const char *registered_on,
                       ...)
{
  g_autoptr (MkRecord) record = mk_record_new (mk_kind_lookup ("household"));
  g_autoptr (GError) error = NULL;
  g_autofree char *size_text = NULL;
  const char      *field;
  gint64           size = 0;
  va_list          args;

  mk_record_set_text (record, "code", code, &error);
  g_assert_no_error (error);
  if (site != NULL)
    {
      mk_record_set_text (record, "site", site, &error);
      g_assert_no_error (error);
    }
  mk_record_set_text (record, "population_group",
                      population_group != NULL ? population_group : "migrants", &error);
  g_assert_no_error (error);
  mk_record_set_text (record, "registered_on", registered_on, &error);
  g_assert_no_error (error);

  va_start (args, registered_on);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (!mk_record_set_text (record, field, value, &error))
        g_error ("household %s: setting %s to “%s”: %s", code, field, value, error->message);
      if (g_str_has_prefix (field, "female_") || g_str_has_prefix (field, "male_"))
        size += g_ascii_strtoll (value, NULL, 10);
    }
  va_end (args);

  size_text = g_strdup_printf ("%" G_GINT64_FORMAT, size);
  mk_record_set_text (record, "size", size_text, &error);
  g_assert_no_error (error);
  if (!mk_master_data_add (fixture->db, record, &error))
    g_error ("registering household %s was refused: %s", code, error->message);
  g_assert_cmpint (mk_record_get_id (record), !=, 0);
  return g_steal_pointer (&record);
}

void
mk_test_set_counts (MkDocument *document,
                    ...)
{
  MkPeopleCounts *counts = mk_document_get_counts (document);
  const char     *field;
  va_list         args;

  g_assert_nonnull (counts);
  va_start (args, document);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_autoptr (GError) error = NULL;

      if (!mk_people_counts_set_text (counts, field, value, &error))
        g_error ("setting the count %s to “%s”: %s", field, value,
                 error != NULL ? error->message : "(no error set)");
      g_assert_no_error (error);
      g_assert_cmpint (mk_people_counts_get (counts, field), ==, g_ascii_strtoll (value, NULL, 10));
    }
  va_end (args);
}

void
mk_test_add_receipt (MkDocument *document,
                     const char *household,
                     const char *item,
                     gint64      quantity,
                     const char *override_reason)
{
  MkHouseholdReceipt *receipt = mk_household_receipt_new (household, item, quantity);

  g_assert_nonnull (receipt);
  g_assert_cmpstr (receipt->household_code, ==, household);
  g_assert_cmpstr (receipt->item_code, ==, item);
  g_assert_cmpint (receipt->quantity, ==, quantity);
  receipt->override_reason = g_strdup (override_reason);
  mk_document_add_receipt (document, receipt);
}

char *
mk_test_deliver_to_site (MkFixture  *fixture,
                         const char *date,
                         const char *warehouse,
                         const char *site,
                         const char *item,
                         gint64      quantity,
                         const char *grant,
                         const char *received_on,
                         gint64      short_quantity)
{
  g_autoptr (MkDocument) waybill = NULL;
  g_autoptr (MkDocument) reception = NULL;
  MkDocumentLine *line;
  char           *number;

  waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", date, "warehouse", warehouse,
                                  "to_site", site, "transporter", "Al Khair Transport", NULL);
  line = mk_document_line_new (item, quantity);
  line->grant_code = g_strdup (grant);
  mk_document_add_line (waybill, line);
  number = g_strdup (mk_test_post (fixture, waybill));
  if (received_on == NULL)
    return number;

  reception = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", received_on,
                                    "waybill", number, NULL);
  line = mk_document_line_new (item, quantity - short_quantity);
  line->short_quantity = short_quantity;
  line->grant_code = g_strdup (grant);
  mk_document_add_line (reception, line);
  mk_test_post (fixture, reception);
  return number;
}

gint64
mk_test_site_balance (MkFixture  *fixture,
                      const char *site,
                      const char *item)
{
  sqlite3 *handle = mk_test_raw_open (fixture);
  char    *sql = sqlite3_mprintf (
         "SELECT coalesce (sum (b.quantity), 0) FROM balances b"
            " JOIN locations l ON l.id = b.location_id AND l.kind = 'site'"
            " JOIN sites s ON s.id = l.site_id JOIN items i ON i.id = b.item_id"
            " WHERE s.code = %Q AND i.code = %Q",
         site, item);
  gint64 quantity = mk_test_raw_int (handle, sql);

  sqlite3_free (sql);
  sqlite3_close (handle);
  return quantity;
}

gint64
mk_test_lines_total (MkDocument *document,
                     const char *item)
{
  GPtrArray *lines = mk_document_get_lines (document);
  gint64     total = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      MkDocumentLine *line = g_ptr_array_index (lines, i);
      if (g_ascii_strcasecmp (line->item_code, item) == 0)
        total += line->quantity;
    }
  return total;
}
