/* test-master-data.c: adding, editing, finding and refusing master data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mk-test-fixture.h"

/* Bad input ------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *kind;
  const char *pairs[24]; /* field, value, …, NULL */
  GQuark (*domain) (void);
  gint        code;
  const char *mentions[3]; /* the message names the record and the field */
} BadCase;

static const BadCase bad_cases[] = {
  { "duplicate-code", "item", { "code", "soap", "name_en", "Another soap", "category", "wash", "unit", "bar", NULL }, mk_master_data_error_quark, MK_MASTER_DATA_ERROR_DUPLICATE, { "soap", "Code", NULL } },
  { "unknown-unit", "item", { "code", "TARP", "name_en", "Tarpaulin", "category", "shelter", "unit", "furlong", NULL }, mk_master_data_error_quark, MK_MASTER_DATA_ERROR_UNKNOWN_REFERENCE, { "TARP", "Unit", "furlong" } },
  { "unknown-category", "item", { "code", "TARP", "name_en", "Tarpaulin", "category", "toys", "unit", "piece", NULL }, mk_master_data_error_quark, MK_MASTER_DATA_ERROR_UNKNOWN_REFERENCE, { "TARP", "Category", "toys" } },
  { "unknown-baladiya", "warehouse", { "code", "ATL", "name_en", "Atlantis store", "type", "field", "baladiya", "Atlantis", NULL }, mk_master_data_error_quark, MK_MASTER_DATA_ERROR_UNKNOWN_REFERENCE, { "ATL", "Baladiya", "Atlantis" } },
  { "unknown-pcode", "site", { "code", "S1", "name_en", "Somewhere", "type", "school", "baladiya", "LY999999", NULL }, mk_master_data_error_quark, MK_MASTER_DATA_ERROR_UNKNOWN_REFERENCE, { "S1", "Baladiya", NULL } },
  { "empty-name", "item", { "code", "TARP", "name_en", "   ", NULL }, mk_record_error_quark, MK_RECORD_ERROR_REQUIRED, { "TARP", "Name (English)", NULL } },
  { "missing-name", "donor", { "code", "BHA", NULL }, mk_master_data_error_quark, MK_MASTER_DATA_ERROR_INVALID, { "BHA", "Name (English)", NULL } },
  { "missing-code", "donor", { "name_en", "Nobody", NULL }, mk_master_data_error_quark, MK_MASTER_DATA_ERROR_INVALID, { "Code", NULL, NULL } },
  { "negative-weight", "item", { "code", "TARP", "name_en", "Tarpaulin", "category", "shelter", "unit", "piece", "weight_kg", "-2", NULL }, mk_record_error_quark, MK_RECORD_ERROR_OUT_OF_RANGE, { "TARP", "Unit weight (kg)", NULL } },
  { "text-in-number", "item", { "code", "TARP", "name_en", "Tarpaulin", "category", "shelter", "unit", "piece", "reorder_level", "twelve", NULL }, mk_record_error_quark, MK_RECORD_ERROR_NOT_A_NUMBER, { "TARP", "Reorder level", "twelve" } },
  { "too-many-decimals", "item", { "code", "TARP", "name_en", "Tarpaulin", "category", "shelter", "unit", "piece", "weight_kg", "0.0001", NULL }, mk_record_error_quark, MK_RECORD_ERROR_NOT_A_NUMBER, { "TARP", "Unit weight (kg)", NULL } },
  { "absurd-weight", "item", { "code", "TARP", "name_en", "Tarpaulin", "category", "shelter", "unit", "piece", "weight_kg", "99999999999", NULL }, mk_record_error_quark, MK_RECORD_ERROR_OUT_OF_RANGE, { "TARP", "Unit weight (kg)", NULL } },
  { "zero-pack-size", "item", { "code", "TARP", "name_en", "Tarpaulin", "category", "shelter", "unit", "piece", "pack_size", "0", NULL }, mk_record_error_quark, MK_RECORD_ERROR_OUT_OF_RANGE, { "TARP", "Units per carton", NULL } },
  { "multi-line-name", "item", { "code", "TARP", "name_en", "Tarpaulin\n4 x 6 m", NULL }, mk_record_error_quark, MK_RECORD_ERROR_BAD_TEXT, { "TARP", "Name (English)", NULL } },
  { "code-with-space", "item", { "code", "TARP 4X6", NULL }, mk_record_error_quark, MK_RECORD_ERROR_BAD_CODE, { "Code", NULL, NULL } },
  { "code-with-semicolon", "donor", { "code", "X;DROP TABLE donors", NULL }, mk_record_error_quark, MK_RECORD_ERROR_BAD_CODE, { "Code", NULL, NULL } },
  { "bad-boolean", "site", { "code", "S1", "name_en", "Somewhere", "type", "school", "baladiya", "LY010304", "sensitive", "perhaps", NULL }, mk_record_error_quark, MK_RECORD_ERROR_BAD_BOOL, { "S1", "Sensitive", "perhaps" } },
  { "negative-capacity", "site", { "code", "S1", "name_en", "Somewhere", "type", "school", "baladiya", "LY010304", "capacity", "-5", NULL }, mk_record_error_quark, MK_RECORD_ERROR_OUT_OF_RANGE, { "S1", "Capacity (people)", NULL } },
  { "date-that-does-not-exist", "grant", { "code", "G1", "donor", "ECHO", "name_en", "G", "start_date", "2026-02-30", NULL }, mk_record_error_quark, MK_RECORD_ERROR_BAD_DATE, { "G1", "Start date", NULL } },
  { "grant-ends-before-it-starts", "grant", { "code", "G1", "donor", "ECHO", "name_en", "G", "start_date", "2026-06-01", "end_date", "2026-05-31", "sector", "SHL", NULL }, mk_master_data_error_quark, MK_MASTER_DATA_ERROR_INVALID, { "G1", "End date", NULL } },
  { "unknown-donor", "grant", { "code", "G1", "donor", "NOBODY", "name_en", "G", "start_date", "2026-01-01", "end_date", "2026-12-31", "sector", "SHL", NULL }, mk_master_data_error_quark, MK_MASTER_DATA_ERROR_UNKNOWN_REFERENCE, { "G1", "Donor", "NOBODY" } },
  { "duplicate-office-number", "office", { "code", "TRP", "number", "2", "name_en", "Tripoli", NULL }, mk_master_data_error_quark, MK_MASTER_DATA_ERROR_DUPLICATE, { "TRP", "Office number", NULL } },
  { "unknown-field", "item", { "colour", "red", NULL }, mk_record_error_quark, MK_RECORD_ERROR_UNKNOWN_FIELD, { "colour", NULL, NULL } },
};

static void
test_bad_input (MkFixture    *fixture,
                gconstpointer data)
{
  const BadCase   *bad = data;
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MkRecord) record = NULL;
  gboolean parsed = TRUE;

  mk_fixture_add_catalogue (fixture);
  before = mk_fixture_dump (fixture);

  record = mk_record_new (mk_kind_lookup (bad->kind));
  for (guint i = 0; bad->pairs[i] != NULL && parsed; i += 2)
    parsed = mk_record_set_text (record, bad->pairs[i], bad->pairs[i + 1], &error);
  if (parsed)
    g_assert_false (mk_master_data_add (fixture->db, record, &error));

  g_assert_error (error, bad->domain (), bad->code);
  for (guint i = 0; i < G_N_ELEMENTS (bad->mentions) && bad->mentions[i]; i++)
    if (strstr (error->message, bad->mentions[i]) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, bad->mentions[i]);
  g_assert_cmpint (mk_record_get_id (record), ==, 0);
  mk_fixture_assert_unchanged (fixture, before);
}

static void
test_ten_thousand_character_name (MkFixture    *fixture,
                                  gconstpointer data)
{
  g_autofree char *name = g_strnfill (10000, 'x');
  g_autofree char *before = mk_fixture_dump (fixture);
  g_autoptr (MkRecord) record = mk_record_new (mk_kind_lookup ("item"));
  g_autoptr (GError) error = NULL;

  mk_record_set_text (record, "code", "LONG", &error);
  g_assert_no_error (error);
  g_assert_false (mk_record_set_text (record, "name_en", name, &error));
  g_assert_error (error, MK_RECORD_ERROR, MK_RECORD_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "10000"));
  /* The message does not repeat the whole name. */
  g_assert_cmpuint (strlen (error->message), <, 400);
  mk_fixture_assert_unchanged (fixture, before);
}

/* Adding and reading back ----------------------------------------------- */

static void
test_quotes_and_semicolons_survive (MkFixture    *fixture,
                                    gconstpointer data)
{
  const char *name = "Soap \"Dove\"; 250 g, O'Brien's 'best' -- DROP TABLE items;";
  g_autoptr (MkRecord) added = NULL;
  g_autoptr (MkRecord) found = NULL;
  g_autoptr (GError) error = NULL;

  added = mk_fixture_add (fixture, "item", "code", "SOAP-Q", "name_en", name,
                          "name_ar", "صابون \"دوف\"؛ ٢٥٠ غ", "category", "wash",
                          "unit", "bar", NULL);
  found = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "SOAP-Q", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_string (found, "name_en"), ==, name);
  g_assert_cmpstr (mk_record_get_string (found, "name_ar"), ==, "صابون \"دوف\"؛ ٢٥٠ غ");
}

static void
test_item_fields (MkFixture    *fixture,
                  gconstpointer data)
{
  g_autoptr (MkRecord) blanket = NULL;
  g_autoptr (MkRecord) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *weight = NULL;
  g_autofree char *volume = NULL;
  g_autofree char *active = NULL;

  /* Arabic-Indic digits, names of vocabulary entries instead of codes. */
  blanket = mk_fixture_add (fixture, "item", "code", "BLK-HT", "name_en",
                            "Blanket, high thermal", "name_ar", "بطانية حرارية",
                            "category", "Non-food items", "unit", "قطعة",
                            "weight_kg", "٢.٠", "volume_m3", "0.008",
                            "pack_size", "١٠", "reorder_level", "1,500",
                            "tracks_lots", "no", NULL);
  found = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "blk-ht", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_string (found, "category"), ==, "nfi");
  g_assert_cmpstr (mk_record_get_string (found, "unit"), ==, "piece");
  g_assert_cmpint (mk_record_get_int (found, "weight_kg"), ==, 2000);
  g_assert_cmpint (mk_record_get_int (found, "volume_m3"), ==, 8000);
  g_assert_cmpint (mk_record_get_int (found, "pack_size"), ==, 10);
  g_assert_cmpint (mk_record_get_int (found, "reorder_level"), ==, 1500);
  g_assert_true (mk_record_get_bool (found, "active"));
  g_assert_false (mk_record_get_bool (found, "is_kit"));
  weight = mk_record_get_text (found, "weight_kg");
  volume = mk_record_get_text (found, "volume_m3");
  active = mk_record_get_text (found, "active");
  g_assert_cmpstr (weight, ==, "2");
  g_assert_cmpstr (volume, ==, "0.008");
  g_assert_cmpstr (active, ==, "yes");
}

static void
test_places_by_name (MkFixture    *fixture,
                     gconstpointer data)
{
  g_autoptr (MkRecord) derna = NULL;
  g_autoptr (MkRecord) ubari = NULL;

  /* The reference list spells Derna درنة; people type درنه as well. */
  derna = mk_fixture_add (fixture, "warehouse", "code", "DER", "name_en", "Derna store",
                          "type", "field", "baladiya", "درنه", NULL);
  g_assert_cmpstr (mk_record_get_string (derna, "baladiya"), ==, "LY010102");
  ubari = mk_fixture_add (fixture, "site", "code", "UBR", "name_en", "Ubari school",
                          "type", "school", "baladiya", "ly032003", NULL);
  g_assert_cmpstr (mk_record_get_string (ubari, "baladiya"), ==, "LY032003");
}

static void
test_edit (MkFixture    *fixture,
           gconstpointer data)
{
  const MkKind *items = mk_kind_lookup ("item");
  g_autoptr (MkRecord) soap = NULL;
  g_autoptr (MkRecord) again = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  MkAuditEntry    *entry;

  mk_fixture_add_catalogue (fixture);
  soap = mk_master_data_get (fixture->db, items, "SOAP", &error);
  g_assert_no_error (error);
  mk_record_set_text (soap, "reorder_level", "200", &error);
  g_assert_no_error (error);
  mk_record_set_text (soap, "name_ar", "صابون استحمام ٢٥٠ غ", &error);
  g_assert_no_error (error);
  mk_master_data_update (fixture->db, soap, &error);
  g_assert_no_error (error);

  again = mk_master_data_get (fixture->db, items, "SOAP", &error);
  g_assert_cmpint (mk_record_get_int (again, "reorder_level"), ==, 200);
  g_assert_cmpstr (mk_record_get_string (again, "name_ar"), ==, "صابون استحمام ٢٥٠ غ");
  g_assert_cmpint (mk_record_get_int (again, "weight_kg"), ==, 250);

  audit = mk_audit_list (fixture->db, 1, &error);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->code, ==, "SOAP");
  g_assert_nonnull (strstr (entry->details, "\"reorder_level\": \"200\""));
  g_assert_null (strstr (entry->details, "weight_kg"));

  /* A refused edit changes nothing, not even the fields that were fine. */
  before = mk_fixture_dump (fixture);
  mk_record_set_text (again, "reorder_level", "300", &error);
  g_assert_no_error (error);
  mk_record_set_text (again, "code", "BUCKET", &error);
  g_assert_no_error (error);
  g_assert_false (mk_master_data_update (fixture->db, again, &error));
  g_assert_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_DUPLICATE);
  mk_fixture_assert_unchanged (fixture, before);
}

static void
test_office_number_is_fixed (MkFixture    *fixture,
                             gconstpointer data)
{
  g_autoptr (MkRecord) office = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;

  office = mk_master_data_get (fixture->db, mk_kind_lookup ("office"), "BEN", &error);
  g_assert_no_error (error);
  before = mk_fixture_dump (fixture);
  mk_record_set_text (office, "number", "9", &error);
  g_assert_no_error (error);
  g_assert_false (mk_master_data_update (fixture->db, office, &error));
  g_assert_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Office number"));
  mk_fixture_assert_unchanged (fixture, before);
}

static void
test_search (MkFixture    *fixture,
             gconstpointer data)
{
  const MkKind *items = mk_kind_lookup ("item");
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) by_arabic = NULL;
  g_autoptr (GPtrArray) by_variant = NULL;
  g_autoptr (GPtrArray) by_code = NULL;
  g_autoptr (GPtrArray) wildcard = NULL;
  g_autoptr (GPtrArray) places = NULL;
  g_autoptr (GError) error = NULL;

  mk_fixture_add_catalogue (fixture);
  all = mk_master_data_list (fixture->db, items, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  /* Ordered by code. */
  g_assert_cmpstr (mk_record_get_code (g_ptr_array_index (all, 0)), ==, "BRUSH");

  /* "حقيبة النظافة" written with ه for ة, and with a diacritic. */
  by_variant = mk_master_data_list (fixture->db, items, "حقيبه النَّظافة", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_variant->len, ==, 1);
  g_assert_cmpstr (mk_record_get_code (g_ptr_array_index (by_variant, 0)), ==, "HK");

  /* "اسنان" without hamza finds both أسنان items. */
  by_arabic = mk_master_data_list (fixture->db, items, "اسنان", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_arabic->len, ==, 2);

  by_code = mk_master_data_list (fixture->db, items, "tooth", &error);
  g_assert_cmpuint (by_code->len, ==, 2);

  /* LIKE's wildcards are searched for literally. */
  wildcard = mk_master_data_list (fixture->db, items, "%", &error);
  g_assert_cmpuint (wildcard->len, ==, 0);

  places = mk_places_search (fixture->db, "مصراته", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, >=, 1);
}

/* Every kind has a name to show, the code when it has no names. */
static void
test_display_name (MkFixture    *fixture,
                   gconstpointer data)
{
  g_autoptr (MkRecord) rule = mk_record_new (mk_kind_lookup ("entitlement"));
  g_autoptr (MkRecord) donor = mk_record_new (mk_kind_lookup ("donor"));
  g_autoptr (GError) error = NULL;

  mk_record_set_text (rule, "code", "HYG-30", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_display_name (rule), ==, "HYG-30");

  mk_record_set_text (donor, "code", "ECHO", &error);
  g_assert_no_error (error);
  mk_record_set_text (donor, "name_ar", "المفوضية الأوروبية", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_display_name (donor), ==, "المفوضية الأوروبية");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add (name, MkFixture, data, mk_fixture_set_up, func, mk_fixture_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/master-data/refuses/%s", bad_cases[i].name);
      ADD (name, &bad_cases[i], test_bad_input);
    }
  ADD ("/master-data/refuses/ten-thousand-character-name", NULL, test_ten_thousand_character_name);
  ADD ("/master-data/quotes-and-semicolons-survive", NULL, test_quotes_and_semicolons_survive);
  ADD ("/master-data/item-fields", NULL, test_item_fields);
  ADD ("/master-data/places-by-name", NULL, test_places_by_name);
  ADD ("/master-data/edit", NULL, test_edit);
  ADD ("/master-data/office-number-is-fixed", NULL, test_office_number_is_fixed);
  ADD ("/master-data/search", NULL, test_search);
  ADD ("/master-data/display-name", NULL, test_display_name);

  return g_test_run ();
}
