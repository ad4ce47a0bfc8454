/* test-import.c: catalogue imports from CSV, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mk-test-fixture.h"

static void
test_items (MkFixture    *fixture,
            gconstpointer data)
{
  /* What a spreadsheet saved as CSV looks like: a byte-order mark, Windows
   * line ends, semicolons, labels as headers, a quoted name with the
   * separator in it, trailing empty lines. */
  const char *csv =
      "\xEF\xBB\xBF"
      "Code;Name (English);name_ar;category;unit;weight_kg;volume_m3;tracks_lots;reorder_level\r\n"
      "BLK-HT;\"Blanket; high thermal\";بطانية حرارية;nfi;piece;2;0.008;no;500\r\n"
      "SOAP;Bathing soap 250 g;صابون استحمام;wash;bar;0.25;;yes;2000\r\n"
      "JC-20;Jerrycan 20 L, foldable;جركن مياه;wash;piece;0.27;;;\r\n"
      ";;;;;;;;\r\n"
      "\r\n";
  g_autofree char *path = mk_fixture_write_file (fixture, "items.csv", csv, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkRecord) blanket = NULL;
  g_autoptr (MkRecord) soap = NULL;
  guint n_rows = 0;

  mk_import_csv (fixture->db, "items", path, &n_rows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 3);

  blanket = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "BLK-HT", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_string (blanket, "name_en"), ==, "Blanket; high thermal");
  g_assert_cmpint (mk_record_get_int (blanket, "volume_m3"), ==, 8000);
  g_assert_cmpint (mk_record_get_int (blanket, "reorder_level"), ==, 500);
  soap = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "soap", &error);
  g_assert_true (mk_record_get_bool (soap, "tracks_lots"));
}

static void
test_same_file_twice_updates (MkFixture    *fixture,
                              gconstpointer data)
{
  const char      *first = "code,name_en,type,baladiya\nTRP-MAIN,Tripoli main,main,LY021104\n";
  const char      *second = "code,name_en,type,baladiya,manager\ntrp-main,Tripoli main warehouse,main,LY021104,Khaled\n";
  g_autofree char *first_path = mk_fixture_write_file (fixture, "w1.csv", first, -1);
  g_autofree char *second_path = mk_fixture_write_file (fixture, "w2.csv", second, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (MkRecord) warehouse = NULL;

  mk_import_csv (fixture->db, "warehouses", first_path, NULL, &error);
  g_assert_no_error (error);
  mk_import_csv (fixture->db, "warehouses", first_path, NULL, &error);
  g_assert_no_error (error);
  mk_import_csv (fixture->db, "warehouses", second_path, NULL, &error);
  g_assert_no_error (error);

  all = mk_master_data_list (fixture->db, mk_kind_lookup ("warehouse"), NULL, &error);
  g_assert_cmpuint (all->len, ==, 1);
  warehouse = g_object_ref (g_ptr_array_index (all, 0));
  g_assert_cmpstr (mk_record_get_string (warehouse, "name_en"), ==, "Tripoli main warehouse");
  g_assert_cmpstr (mk_record_get_string (warehouse, "manager"), ==, "Khaled");
}

/* The audit entry of the newest @action on the record of @code. */
static const MkAuditEntry *
find_entry (GPtrArray  *entries,
            const char *action,
            const char *code)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const MkAuditEntry *entry = g_ptr_array_index (entries, i);
      if (g_str_equal (entry->action, action) && g_strcmp0 (entry->code, code) == 0)
        return entry;
    }
  return NULL;
}

/* How many entries of the items table say @action. */
static guint
count_item_entries (GPtrArray  *entries,
                    const char *action)
{
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const MkAuditEntry *entry = g_ptr_array_index (entries, i);
      n += g_str_equal (entry->action, action) && g_str_equal (entry->table_name, "items");
    }
  return n;
}

/* An import checks, resolves and audits every record as adding it by hand
 * does, though it does so in bulk: the same details in the audit log, one
 * entry per record, the same unit found by its name in either language on
 * every row, and a code already stored updating its record. */
static void
test_audited_as_by_hand (MkFixture    *fixture,
                         gconstpointer data)
{
  const MkKind    *items = mk_kind_lookup ("item");
  const char      *csv = "code,name_en,category,unit,weight_kg\n"
                         "B,\"Soap \"\"big\"\" \\ 250 g\",nfi,Piece,0.25\n"
                         "C,Jerrycan,nfi,قطعة,\n"
                         "D,Bucket,nfi,PIECE,\n"
                         "A,Renamed,,,\n";
  g_autofree char *path = mk_fixture_write_file (fixture, "items.csv", csv, -1);
  g_autoptr (MkRecord) by_hand = mk_record_new (items);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (MkRecord) renamed = NULL;
  g_autofree char    *expected = NULL;
  const MkAuditEntry *added, *imported, *updated;
  guint               n_rows = 0;

  g_assert_true (mk_record_set_text (by_hand, "code", "A", &error));
  g_assert_true (mk_record_set_text (by_hand, "name_en", "Soap \"big\" \\ 250 g", &error));
  g_assert_true (mk_record_set_text (by_hand, "category", "nfi", &error));
  g_assert_true (mk_record_set_text (by_hand, "unit", "piece", &error));
  g_assert_true (mk_record_set_text (by_hand, "weight_kg", "0.25", &error));
  g_assert_true (mk_master_data_add (fixture->db, by_hand, &error));
  g_assert_no_error (error);

  mk_import_csv (fixture->db, "items", path, &n_rows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 4);

  entries = mk_audit_list (fixture->db, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_item_entries (entries, "create"), ==, 4);
  g_assert_cmpuint (count_item_entries (entries, "update"), ==, 1);
  added = find_entry (entries, "create", "A");
  imported = find_entry (entries, "create", "B");
  g_assert_nonnull (added);
  g_assert_nonnull (imported);
  g_assert_cmpstr (imported->table_name, ==, "items");
  g_assert_cmpstr (imported->user_name, ==, added->user_name);
  /* The details by hand with the other code: {"code": "A", … } */
  g_assert_true (g_str_has_prefix (added->details, "{\"code\": \"A\", "));
  expected = g_strconcat ("{\"code\": \"B\", ", added->details + strlen ("{\"code\": \"A\", "), NULL);
  g_assert_cmpstr (imported->details, ==, expected);
  updated = find_entry (entries, "update", "A");
  g_assert_nonnull (updated);
  g_assert_nonnull (strstr (updated->details, "\"name_en\": \"Renamed\""));
  g_assert_null (strstr (updated->details, "unit"));

  all = mk_master_data_list (fixture->db, items, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (mk_record_get_string (g_ptr_array_index (all, i), "unit"), ==, "piece");
  renamed = mk_master_data_get (fixture->db, items, "A", &error);
  g_assert_cmpstr (mk_record_get_string (renamed, "name_en"), ==, "Renamed");
  g_assert_cmpint (mk_record_get_int (renamed, "weight_kg"), ==, mk_record_get_int (by_hand, "weight_kg"));
}

static void
test_kits (MkFixture    *fixture,
           gconstpointer data)
{
  const char *csv =
      "kit_code,component_code,quantity\n"
      "HK,SOAP,5\n"
      "HK,TOOTHPASTE,2\n"
      "HK,BRUSH,5\n"
      "HK,BUCKET,1\n";
  g_autofree char *path = mk_fixture_write_file (fixture, "kits.csv", csv, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) bill = NULL;
  guint n_rows = 0;

  mk_fixture_add_catalogue (fixture);
  mk_import_csv (fixture->db, "kits", path, &n_rows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 4);
  bill = mk_kit_get_components (fixture->db, "HK", &error);
  g_assert_cmpuint (bill->len, ==, 4);
}

static void
test_sites_and_funding (MkFixture    *fixture,
                        gconstpointer data)
{
  const char      *sites = "code,name_en,name_ar,type,baladiya,sensitive,capacity\n"
                           "TRP-DP,Tripoli port,ميناء طرابلس,disembarkation_point,LY021104,yes,\n"
                           "MSR-URB,Misrata urban,مصراتة,urban_community,مصراته,no,5000\n";
  const char      *donors = "code,name_en\nBHA,USAID Bureau for Humanitarian Assistance\n";
  const char      *grants = "code,donor,name_en,start_date,end_date,sector\n"
                            "BHA-26,BHA,WASH response,01/03/2026,28/02/2027,WSH\n";
  const char      *partners = "code,name_en,phone\nLRC,Libyan Red Crescent,+218 91 000 0000\n";
  g_autofree char *p1 = mk_fixture_write_file (fixture, "sites.csv", sites, -1);
  g_autofree char *p2 = mk_fixture_write_file (fixture, "donors.csv", donors, -1);
  g_autofree char *p3 = mk_fixture_write_file (fixture, "grants.csv", grants, -1);
  g_autofree char *p4 = mk_fixture_write_file (fixture, "partners.csv", partners, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkRecord) grant = NULL;
  g_autoptr (MkRecord) site = NULL;

  mk_import_csv (fixture->db, "sites", p1, NULL, &error);
  g_assert_no_error (error);
  mk_import_csv (fixture->db, "donors", p2, NULL, &error);
  g_assert_no_error (error);
  mk_import_csv (fixture->db, "grants", p3, NULL, &error);
  g_assert_no_error (error);
  mk_import_csv (fixture->db, "partners", p4, NULL, &error);
  g_assert_no_error (error);

  grant = mk_master_data_get (fixture->db, mk_kind_lookup ("grant"), "BHA-26", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_string (grant, "start_date"), ==, "2026-03-01");
  g_assert_cmpstr (mk_record_get_string (grant, "donor"), ==, "BHA");
  site = mk_master_data_get (fixture->db, mk_kind_lookup ("site"), "MSR-URB", &error);
  g_assert_cmpstr (mk_record_get_string (site, "baladiya"), ==, "LY021401");
  g_assert_false (mk_record_get_bool (site, "sensitive"));
}

/* Bad files ------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *what;
  const char *csv;  /* NULL: the file does not exist */
  gint        code; /* MK_IMPORT_ERROR_*, or -1 for another domain */
  const char *mentions[3];
} BadFile;

static const BadFile bad_files[] = {
  { "missing-file", "items", NULL, -1, { "bad.csv", NULL, NULL } },
  { "unknown-kind", "unicorns", "code\nX\n", MK_IMPORT_ERROR_UNKNOWN_KIND, { "unicorns", NULL, NULL } },
  { "empty-file", "items", "", MK_IMPORT_ERROR_EMPTY, { "bad.csv", NULL, NULL } },
  { "header-only", "items", "code,name_en,category,unit\n", MK_IMPORT_ERROR_EMPTY, { "bad.csv", NULL, NULL } },
  { "missing-column", "items", "code,name_en,category\nX,X,nfi\n", MK_IMPORT_ERROR_MISSING_COLUMN, { "unit", NULL, NULL } },
  { "unknown-column", "items", "code,name_en,category,unit,colour\nX,X,nfi,piece,red\n", MK_IMPORT_ERROR_UNKNOWN_COLUMN, { "column 5", "colour", NULL } },
  { "text-in-number", "items", "code,name_en,category,unit,weight_kg\nA,A,nfi,piece,1\nB,B,nfi,piece,heavy\n", MK_IMPORT_ERROR_BAD_VALUE, { "line 3", "column 5", "heavy" } },
  { "negative-weight", "items", "code,name_en,category,unit,weight_kg\nA,A,nfi,piece,-1\n", MK_IMPORT_ERROR_BAD_VALUE, { "line 2", "column 5", "Unit weight" } },
  { "unknown-unit", "items", "code,name_en,category,unit\nA,A,nfi,piece\nB,B,nfi,furlong\n", MK_IMPORT_ERROR_BAD_VALUE, { "line 3, column 4", "furlong", NULL } },
  { "code-twice-in-file", "items", "code,name_en,category,unit\nA,A,nfi,piece\nB,B,nfi,piece\na,A2,nfi,piece\n", MK_IMPORT_ERROR_BAD_VALUE, { "line 4", "column 1", "line 2" } },
  { "unknown-baladiya", "warehouses", "code,name_en,type,baladiya\nW,W,main,Narnia\n", MK_IMPORT_ERROR_BAD_VALUE, { "line 2, column 4", "Narnia", NULL } },
  { "empty-name", "sites", "code,name_en,type,baladiya\nS,,school,LY010304\n", MK_IMPORT_ERROR_BAD_VALUE, { "line 2", "column 2", "Name (English)" } },
  { "too-many-values", "donors", "code,name_en\nD,Donor,extra\n", MK_IMPORT_ERROR_BAD_VALUE, { "line 2", NULL, NULL } },
  { "unterminated-quote", "donors", "code,name_en\nD,\"Donor\n", -1, { "2", NULL, NULL } },
  { "kit-contains-itself", "kits", "kit_code,component_code,quantity\nHK,SOAP,1\nHK,HK,1\n", MK_IMPORT_ERROR_BAD_VALUE, { "line 2", "HK", NULL } },
  { "kit-of-non-kit", "kits", "kit_code,component_code,quantity\nSOAP,BRUSH,1\n", MK_IMPORT_ERROR_BAD_VALUE, { "line 2", "column 1", "SOAP" } },
  { "kit-bad-quantity", "kits", "kit_code,component_code,quantity\nHK,SOAP,lots\n", MK_IMPORT_ERROR_BAD_VALUE, { "line 2", "column 3", "lots" } },
  { "kit-missing-column", "kits", "kit_code,component_code\nHK,SOAP\n", MK_IMPORT_ERROR_MISSING_COLUMN, { "quantity", NULL, NULL } },
};

static void
test_bad_file (MkFixture    *fixture,
               gconstpointer data)
{
  const BadFile   *bad = data;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;
  guint n_rows = 12345;

  mk_fixture_add_catalogue (fixture);
  if (bad->csv != NULL)
    path = mk_fixture_write_file (fixture, "bad.csv", bad->csv, -1);
  else
    path = g_build_filename (fixture->dir, "bad.csv", NULL);
  before = mk_fixture_dump (fixture);

  g_assert_false (mk_import_csv (fixture->db, bad->what, path, &n_rows, &error));
  g_assert_nonnull (error);
  if (bad->code >= 0)
    g_assert_error (error, MK_IMPORT_ERROR, bad->code);
  for (guint i = 0; i < G_N_ELEMENTS (bad->mentions) && bad->mentions[i]; i++)
    if (strstr (error->message, bad->mentions[i]) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, bad->mentions[i]);
  g_assert_cmpuint (n_rows, ==, 12345);
  mk_fixture_assert_unchanged (fixture, before);
}

static void
test_long_name_in_file (MkFixture    *fixture,
                        gconstpointer data)
{
  g_autofree char *name = g_strnfill (10000, 'n');
  g_autofree char *csv = g_strdup_printf ("code,name_en\nD,%s\n", name);
  g_autofree char *path = mk_fixture_write_file (fixture, "long.csv", csv, -1);
  g_autofree char *before = mk_fixture_dump (fixture);
  g_autoptr (GError) error = NULL;

  g_assert_false (mk_import_csv (fixture->db, "donors", path, NULL, &error));
  g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_cmpuint (strlen (error->message), <, 500);
  mk_fixture_assert_unchanged (fixture, before);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add (name, MkFixture, data, mk_fixture_set_up, func, mk_fixture_tear_down)

  ADD ("/import/items", NULL, test_items);
  ADD ("/import/same-file-twice-updates", NULL, test_same_file_twice_updates);
  ADD ("/import/audited-as-by-hand", NULL, test_audited_as_by_hand);
  ADD ("/import/kits", NULL, test_kits);
  ADD ("/import/sites-and-funding", NULL, test_sites_and_funding);
  ADD ("/import/refuses/long-name", NULL, test_long_name_in_file);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import/refuses/%s", bad_files[i].name);
      ADD (name, &bad_files[i], test_bad_file);
    }

  return g_test_run ();
}
