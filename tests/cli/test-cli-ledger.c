/* test-cli-ledger.c: stock documents and the ledger through makhzan-cli.
 *
 * Each test runs the program (MAKHZAN_CLI) with g_spawn_sync in a temporary
 * folder, from "init" and a small catalogue: goods received, sent, received,
 * kitted, counted, adjusted and cancelled, with the balances, the stock
 * card, transit, expiry and reorder lists read back in every format. After
 * every refused command the database must be exactly as it was: the test
 * compares "dump", the document list and the audit log before and after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "mk-cli-test.h"

#define USER "Test Storekeeper"
#define FUNCTION "Storekeeper"

/* Checking what programs read --------------------------------------------------- */

/* The line of the output that contains @needle. */
static char *
line_with (MkCliTest  *fixture,
           const char *needle)
{
  g_auto (GStrv) lines = g_strsplit (fixture->out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return g_strdup (lines[i]);
  g_test_message ("no line with “%s” in:\n%s", needle, fixture->out);
  g_assert_not_reached ();
  return NULL;
}

static void
assert_line_ends (MkCliTest  *fixture,
                  const char *needle,
                  const char *end)
{
  g_autofree char *line = line_with (fixture, needle);

  if (!g_str_has_suffix (line, end))
    {
      g_test_message ("expected the line with “%s” to end with “%s”: %s", needle, end, line);
      g_assert_not_reached ();
    }
}

/* Fixtures ---------------------------------------------------------------- */

static void
fixture_set_up (MkCliTest    *fixture,
                gconstpointer data)
{
  mk_cli_test_set_up (fixture, "makhzan-cli-ledger-XXXXXX", USER, FUNCTION);
  mk_cli_test_add_snapshot_list (fixture, "doc", "list", "--format", "tsv", NULL);
  mk_cli_test_add_snapshot_list (fixture, "stock", "--format", "tsv", NULL);

  mk_cli_test_run (fixture, "init", "--code", "BEN", "--number", "2", "--name", "Benghazi office",
                   NULL);
  mk_cli_test_assert_ok (fixture, "BEN");
}

/* Two warehouses and a closed one, soap and toothpaste with lots, brushes
 * without, a hygiene kit (with lots, as its soap has), a kit with no
 * components, a donor and a grant. */
static void
add_catalogue (MkCliTest *fixture)
{
  mk_cli_test_run (fixture, "add", "warehouse", "--code", "BEN-MAIN", "--name_en",
                   "Benghazi main warehouse", "--type", "main", "--baladiya", "LY010304", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "warehouse", "--code", "TRP-MAIN", "--name_en",
                   "Tripoli main warehouse", "--type", "main", "--baladiya", "LY021104", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "warehouse", "--code", "BEN-OLD", "--name_en",
                   "Old Benghazi store", "--type", "field", "--baladiya", "LY010304", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "edit", "warehouse", "BEN-OLD", "--active", "no", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "item", "--code", "SOAP", "--name_en", "Bathing soap, 250 g",
                   "--name_ar", "صابون استحمام", "--category", "wash", "--unit", "bar",
                   "--weight_kg", "0.25", "--volume_m3", "0.0003", "--tracks_lots", "yes",
                   "--reorder_level", "1000", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "item", "--code", "TP", "--name_en", "Toothpaste", "--category",
                   "wash", "--unit", "tube", "--weight_kg", "0.1", "--tracks_lots", "yes", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "item", "--code", "BRUSH", "--name_en", "Toothbrush",
                   "--category", "wash", "--unit", "piece", "--weight_kg", "0.02", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "item", "--code", "HK", "--name_en", "Hygiene kit", "--name_ar",
                   "حقيبة نظافة", "--category", "wash", "--unit", "kit", "--is_kit", "yes",
                   "--tracks_lots", "yes", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "kit", "set", "HK", "SOAP=4", "BRUSH=5", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "item", "--code", "HK-EMPTY", "--name_en",
                   "Kit still to be defined", "--category", "wash", "--unit", "kit", "--is_kit",
                   "yes", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "donor", "--code", "ECHO", "--name_en", "ECHO", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "grant", "--code", "ECHO-2026", "--donor", "ECHO", "--name_en",
                   "ECHO 2026", "--start_date", "2026-01-01", "--end_date", "2026-12-31",
                   "--sector", "WSH", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
}

/* 400 + 200 soap in two lots and 1000 brushes into BEN-MAIN on 1 March. */
static void
post_first_grn (MkCliTest *fixture)
{
  mk_cli_test_run (fixture, "doc", "new", "grn", "--date", "2026-03-01", "--warehouse", "BEN-MAIN",
                   "--source", "purchase", "--supplier", "Benghazi Trading", "--reference",
                   "PO-2026-004", "--line", "SOAP=400:lot=SB-1:expiry=2027-06-30:grant=ECHO-2026",
                   "--line", "SOAP=200:lot=SB-2:expiry=2026-12-31:grant=ECHO-2026", "--line",
                   "BRUSH=1,000:grant=ECHO-2026:remarks=cartons of 50: 20", "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-GRN-2026-00001.\n");
}

/* Help and usage ------------------------------------------------------------ */

static void
test_help (MkCliTest    *fixture,
           gconstpointer data)
{
  mk_cli_test_run (fixture, "--help", NULL);
  mk_cli_test_assert_ok (fixture, "stock-card");
  mk_cli_test_assert_out_has (fixture, "below-reorder");
  mk_cli_test_assert_out_has (fixture, "doc ");

  mk_cli_test_run (fixture, "doc", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "Actions:");
  mk_cli_test_assert_out_has (fixture, "cancel");
  mk_cli_test_assert_out_has (fixture, "reception");
  mk_cli_test_run (fixture, "help", "doc", NULL);
  mk_cli_test_assert_ok (fixture, "Actions:");

  /* A kind's header fields are the options of "doc new KIND". */
  mk_cli_test_run (fixture, "doc", "new", "grn", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--warehouse");
  mk_cli_test_assert_out_has (fixture, "--supplier");
  mk_cli_test_assert_out_has (fixture, "purchase|donation|return");
  mk_cli_test_assert_out_has (fixture, "--line");
  mk_cli_test_assert_out_has (fixture, "--lines");
  mk_cli_test_assert_out_has (fixture, "Required fields: --date, --warehouse.");
  mk_cli_test_assert_out_lacks (fixture, "--number");
  mk_cli_test_run (fixture, "doc", "new", "waybill", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--to_warehouse");
  mk_cli_test_assert_out_has (fixture, "--driver_phone");
  mk_cli_test_run (fixture, "doc", "new", "kitting", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--kit_quantity");
  mk_cli_test_run (fixture, "doc", "new", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "Kinds: grn, waybill, reception");
  mk_cli_test_run (fixture, "balance", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--as-of");
  mk_cli_test_assert_out_has (fixture, "-a, --all");
  mk_cli_test_run (fixture, "stock", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--quarantine");
  mk_cli_test_assert_out_lacks (fixture, "-a, --all");
  mk_cli_test_run (fixture, "stock-card", "--help", NULL);
  mk_cli_test_assert_ok (fixture, "--limit");

  /* Usage errors exit with 2. */
  mk_cli_test_run (fixture, "doc", NULL);
  mk_cli_test_assert_fails (fixture, 2, "doc new", NULL);
  mk_cli_test_run (fixture, "doc", "frobnicate", NULL);
  mk_cli_test_assert_fails (fixture, 2, "frobnicate", NULL);
  mk_cli_test_run (fixture, "doc", "new", NULL);
  mk_cli_test_assert_fails (fixture, 2, "grn", "waybill", NULL);
  mk_cli_test_run (fixture, "doc", "new", "parcel", NULL);
  mk_cli_test_assert_fails (fixture, 2, "parcel", "grn", NULL);
  mk_cli_test_run (fixture, "doc", "new", "grn", "--colour", "red", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--colour", NULL);
  mk_cli_test_run (fixture, "doc", "new", "grn", "extra", NULL);
  mk_cli_test_assert_fails (fixture, 2, "extra", NULL);
  mk_cli_test_run (fixture, "doc", "new", "grn", "--line", "SOAP", NULL);
  mk_cli_test_assert_fails (fixture, 2, "SOAP", "ITEM=QUANTITY", NULL);
  mk_cli_test_run (fixture, "doc", "new", "grn", "--line", "SOAP=1:colour=red", NULL);
  mk_cli_test_assert_fails (fixture, 2, "colour", "lot", NULL);
  mk_cli_test_run (fixture, "doc", "new", "grn", "--line", "SOAP=1:lot=A:lot=B", NULL);
  mk_cli_test_assert_fails (fixture, 2, "lot", NULL);
  mk_cli_test_run (fixture, "doc", "show", NULL);
  mk_cli_test_assert_fails (fixture, 2, "doc show", NULL);
  mk_cli_test_run (fixture, "doc", "cancel", "BEN-GRN-2026-00001", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--reason", NULL);
  mk_cli_test_run (fixture, "stock-card", "--item", "SOAP", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--warehouse", NULL);
  mk_cli_test_run (fixture, "stock-card", "--warehouse", "BEN-MAIN", "--item", "SOAP", "--limit",
                   "0", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--limit", NULL);
  mk_cli_test_run (fixture, "suggest-lots", "--warehouse", "BEN-MAIN", "--item", "SOAP", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--quantity", NULL);
  mk_cli_test_run (fixture, "expiring", "--months", "many", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--months", NULL);
  mk_cli_test_run (fixture, "in-transit", "extra", NULL);
  mk_cli_test_assert_fails (fixture, 2, "extra", NULL);
}

/* The whole flow ---------------------------------------------------------------- */

static void
test_flow (MkCliTest    *fixture,
           gconstpointer data)
{
  g_autofree char *line = NULL;

  add_catalogue (fixture);

  /* Goods received, with lots and expiry. */
  post_first_grn (fixture);
  g_assert_cmpint (mk_cli_test_balance (fixture, "--warehouse", "BEN-MAIN", "--item", "SOAP", NULL),
                   ==, 600);
  g_assert_cmpint (mk_cli_test_balance (fixture, "--warehouse", "ben-main", "--item", "soap",
                                        "--lot", "SB-1", NULL),
                   ==, 400);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--grant",
                                        "ECHO-2026", NULL),
                   ==, 600);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--grant", "",
                                        NULL),
                   ==, 0);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--as-of",
                                        "2026-02-28", NULL),
                   ==, 0);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--as-of",
                                        "01/03/2026", NULL),
                   ==, 600);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 1000);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "TRP-MAIN", "-i", "SOAP", NULL), ==, 0);

  mk_cli_test_run (fixture, "balance", "-w", "BEN-MAIN", "-i", "SOAP", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"quantity\": 600");
  mk_cli_test_assert_json (fixture->out, '{');
  mk_cli_test_run (fixture, "balance", "-w", "BEN-MAIN", "-i", "SOAP", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "warehouse\tquarantine\titem\tlot\tgrant\tas_of\tquantity\n");
  mk_cli_test_assert_out_has (fixture, "BEN-MAIN\tno\tSOAP\t\t\t\t600\n");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "warehouse\t"), ==, 1);

  /* The stock by lot, in the three formats; --all lists one item's lots. */
  mk_cli_test_run (fixture, "stock", "--warehouse", "BEN-MAIN", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture,
                         "warehouse\tquarantine\titem\tname_en\tname_ar\tunit\tlot\texpiry\tgrant\t"
                         "quantity\n");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "warehouse\t"), ==, 3);
  mk_cli_test_assert_out_has (fixture,
                              "BEN-MAIN\tno\tSOAP\tBathing soap, 250 g\tصابون استحمام\tbar\tSB-2\t"
                              "2026-12-31\tECHO-2026\t200\n");
  mk_cli_test_assert_out_has (fixture,
                              "BEN-MAIN\tno\tBRUSH\tToothbrush\t\tpiece\t\t\tECHO-2026\t1000\n");
  /* Soonest expiry first. */
  g_assert_true (strstr (fixture->out, "SB-2") < strstr (fixture->out, "SB-1"));
  mk_cli_test_run (fixture, "balance", "-w", "BEN-MAIN", "-i", "SOAP", "--all", "--format", "json",
                   NULL);
  mk_cli_test_assert_ok (fixture, "\"lot\": \"SB-1\"");
  mk_cli_test_assert_json (fixture->out, '[');
  mk_cli_test_assert_out_lacks (fixture, "BRUSH");
  mk_cli_test_run (fixture, "stock", "--item", "SOAP", NULL);
  mk_cli_test_assert_ok (fixture, "Quantity");
  mk_cli_test_assert_out_has (fixture, "SB-1");

  /* The document with its lines and totals: 600 × 0.25 + 1000 × 0.02 kg. */
  mk_cli_test_run (fixture, "doc", "show", "ben-grn-2026-00001", NULL);
  mk_cli_test_assert_ok (fixture, "Goods received note");
  mk_cli_test_assert_out_has (fixture, "Benghazi Trading");
  mk_cli_test_assert_out_has (fixture, "Lines:");
  mk_cli_test_assert_out_has (fixture, "cartons of 50: 20");
  mk_cli_test_run (fixture, "doc", "show", "BEN-GRN-2026-00001", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"total_units\": 1600");
  mk_cli_test_assert_out_has (fixture, "\"total_weight_kg\": 170");
  mk_cli_test_assert_out_has (fixture, "\"total_volume_m3\": 0.18");
  mk_cli_test_assert_out_has (fixture, "\"kind\": \"grn\"");
  mk_cli_test_assert_out_has (fixture, "\"status\": \"posted\"");
  mk_cli_test_assert_out_has (fixture, "\"lines\": [");
  mk_cli_test_assert_json (fixture->out, '{');
  mk_cli_test_run (fixture, "doc", "show", "BEN-GRN-2026-00001", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "SOAP=400:lot=SB-1:expiry=2027-06-30:grant=ECHO-2026 "
                                  "SOAP=200:lot=SB-2:expiry=2026-12-31:grant=ECHO-2026 "
                                  "BRUSH=1000:grant=ECHO-2026:remarks=cartons of 50: 20\n");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "id\tkind\tstatus\tnumber\tdate\t"), ==,
                    1);

  /* Suggested lots: first expiry first out. */
  mk_cli_test_run (fixture, "suggest-lots", "-w", "BEN-MAIN", "-i", "SOAP", "--quantity", "250",
                   "--date", "2026-03-02", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "warehouse\t"), ==, 2);
  assert_line_ends (fixture, "SB-2", "\t200");
  assert_line_ends (fixture, "SB-1", "\t50");

  /* A waybill to Tripoli: out of Benghazi, in transit. */
  mk_cli_test_run (fixture, "doc", "new", "waybill", "--date", "2026-03-05", "--warehouse",
                   "BEN-MAIN", "--to-warehouse", "TRP-MAIN", "--transporter", "Al-Waha Transport",
                   "--plate", "5-12345", "--driver", "Salem", "--expected-date", "2026-03-07",
                   "--line", "SOAP=100:lot=SB-2:grant=ECHO-2026", "--line",
                   "BRUSH=300:grant=ECHO-2026", "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-WB-2026-00001.\n");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 500);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 700);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "TRP-MAIN", "-i", "SOAP", NULL), ==, 0);
  mk_cli_test_run (fixture, "in-transit", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture,
                         "waybill\tdate\texpected_date\tfrom\tto\titem\tlot\tgrant\tquantity\n");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "waybill\t"), ==, 2);
  mk_cli_test_assert_out_has (fixture,
                              "BEN-WB-2026-00001\t2026-03-05\t2026-03-07\tBEN-MAIN\tTRP-MAIN\t"
                              "SOAP\tSB-2\tECHO-2026\t100\n");
  mk_cli_test_assert_out_has (fixture, "\tBRUSH\t\tECHO-2026\t300\n");
  mk_cli_test_run (fixture, "in-transit", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"waybill\": \"BEN-WB-2026-00001\"");
  mk_cli_test_assert_json (fixture->out, '[');
  mk_cli_test_run (fixture, "in-transit", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-WB-2026-00001");
  mk_cli_test_run (fixture, "doc", "show", "BEN-WB-2026-00001", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"to_warehouse\": \"TRP-MAIN\"");
  mk_cli_test_assert_out_has (fixture, "\"total_weight_kg\": 31");
  mk_cli_test_assert_json (fixture->out, '{');

  /* Its reception: 10 bars damaged, kept in quarantine; 10 brushes short. */
  mk_cli_test_run (fixture, "doc", "new", "reception", "--date", "2026-03-07", "--waybill",
                   "BEN-WB-2026-00001", "--damaged-handling", "quarantine", "--line",
                   "SOAP=90:lot=SB-2:grant=ECHO-2026:damaged=10", "--line",
                   "BRUSH=290:grant=ECHO-2026:short=10", "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-RCV-2026-00001.\n");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "TRP-MAIN", "-i", "SOAP", NULL), ==, 90);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "TRP-MAIN", "-i", "SOAP", "--quarantine",
                                        NULL),
                   ==, 10);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "TRP-MAIN", "-i", "BRUSH", NULL), ==, 290);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "TRP-MAIN", "-i", "BRUSH", "--quarantine",
                                        NULL),
                   ==, 0);
  mk_cli_test_run (fixture, "in-transit", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "waybill\t"), ==, 0);
  mk_cli_test_run (fixture, "in-transit", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "[]\n");
  mk_cli_test_run (fixture, "stock", "--warehouse", "TRP-MAIN", "--quarantine", "--format", "tsv",
                   NULL);
  mk_cli_test_assert_ok (fixture, "TRP-MAIN\tyes\tSOAP\t");
  mk_cli_test_run (fixture, "doc", "show", "BEN-RCV-2026-00001", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "\tSOAP=90:lot=SB-2:expiry=2026-12-31:grant=ECHO-2026:damaged=10 "
                                  "BRUSH=290:grant=ECHO-2026:short=10\n");

  /* A second waybill, damaged goods written off (the default). */
  mk_cli_test_run (fixture, "doc", "new", "waybill", "--date", "2026-03-08", "--warehouse",
                   "BEN-MAIN", "--to_warehouse", "TRP-MAIN", "--line", "BRUSH=50:grant=ECHO-2026",
                   "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-WB-2026-00002");
  mk_cli_test_run (fixture, "doc", "new", "reception", "--date", "2026-03-09", "--waybill",
                   "BEN-WB-2026-00002", "--line", "BRUSH=45:grant=ECHO-2026:damaged=5", "--post",
                   NULL);
  mk_cli_test_assert_ok (fixture, "BEN-RCV-2026-00002");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "TRP-MAIN", "-i", "BRUSH", NULL), ==, 335);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "TRP-MAIN", "-i", "BRUSH", "--quarantine",
                                        NULL),
                   ==, 0);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 650);

  /* Kitting 30 hygiene kits takes 120 bars, the 100 of SB-2 first. */
  mk_cli_test_run (fixture, "doc", "new", "kitting", "--date", "2026-03-10", "--warehouse",
                   "BEN-MAIN", "--kit", "HK", "--kit-quantity", "30", "--grant", "ECHO-2026",
                   "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-KIT-2026-00001.\n");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 30);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--lot", "SB-2",
                                        NULL),
                   ==, 0);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--lot", "SB-1",
                                        NULL),
                   ==, 380);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 500);
  mk_cli_test_run (fixture, "doc", "show", "BEN-KIT-2026-00001", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"kit\": \"HK\"");
  mk_cli_test_assert_out_has (fixture, "\"lot\": \"SB-2\"");
  mk_cli_test_assert_json (fixture->out, '{');

  /* A count finds 370 bars of SB-1 where the books say 380. */
  mk_cli_test_run (fixture, "doc", "new", "count", "--date", "2026-03-15", "--warehouse",
                   "BEN-MAIN", "--line", "SOAP=٣٧٠:lot=SB-1:grant=ECHO-2026", "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-CNT-2026-00001.\n");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 370);
  mk_cli_test_run (fixture, "doc", "show", "BEN-CNT-2026-00001", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"expected\": 380");
  mk_cli_test_assert_out_has (fixture, "\"quantity\": 370");
  mk_cli_test_assert_json (fixture->out, '{');

  /* 20 expired bars written off. */
  mk_cli_test_run (fixture, "doc", "new", "adjustment", "--date", "2026-03-20", "--warehouse",
                   "BEN-MAIN", "--reason", "expired", "--notes", "Loss report 3", "--line",
                   "SOAP=-20:lot=SB-1:grant=ECHO-2026", "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-ADJ-2026-00001.\n");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 350);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--as-of",
                                        "2026-03-19", NULL),
                   ==, 370);

  /* A receipt entered twice is cancelled; its cancellation cannot be. */
  mk_cli_test_run (fixture, "doc", "new", "grn", "--date", "2026-03-21", "--warehouse", "BEN-MAIN",
                   "--source", "donation", "--line", "BRUSH=500:grant=ECHO-2026", "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-GRN-2026-00002");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 1000);
  mk_cli_test_run (fixture, "doc", "cancel", "ben-grn-2026-00002", "--reason", "Entered twice",
                   NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Cancelled BEN-GRN-2026-00002 with BEN-CAN-2026-00001.\n");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 500);
  {
    g_autofree char *before = mk_cli_test_snapshot (fixture);

    mk_cli_test_run (fixture, "doc", "cancel", "BEN-CAN-2026-00001", "--reason", "Undo", NULL);
    mk_cli_test_assert_fails (fixture, 1, "BEN-CAN-2026-00001", NULL);
    mk_cli_test_assert_unchanged (fixture, before);
    mk_cli_test_run (fixture, "doc", "cancel", "BEN-GRN-2026-00002", "--reason", "Again", NULL);
    mk_cli_test_assert_fails (fixture, 1, "BEN-GRN-2026-00002", NULL);
    mk_cli_test_assert_unchanged (fixture, before);
  }
  mk_cli_test_run (fixture, "doc", "show", "BEN-CAN-2026-00001", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"cancels\": \"BEN-GRN-2026-00002\"");
  mk_cli_test_assert_out_has (fixture, "\"reason\": \"Entered twice\"");
  mk_cli_test_assert_json (fixture->out, '{');

  /* The documents, newest first. */
  mk_cli_test_run (fixture, "doc", "list", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture,
                         "id\tnumber\tkind\tstatus\tdate\twarehouse\tcounterpart\tlines\tunits\t"
                         "cancelled\n");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "id\t"), ==, 10);
  line = line_with (fixture, "\tBEN-GRN-2026-00002\tgrn\tposted\t2026-03-21\tBEN-MAIN\t");
  g_assert_true (g_str_has_suffix (line, "\tyes"));
  g_clear_pointer (&line, g_free);
  line = line_with (fixture, "\tBEN-CAN-2026-00001\tcancellation\t");
  g_assert_true (g_str_has_suffix (line, "\tBEN-GRN-2026-00002\t1\t500\tno"));
  g_clear_pointer (&line, g_free);
  line = line_with (fixture, "\tBEN-GRN-2026-00001\tgrn\t");
  g_assert_true (g_str_has_suffix (line, "\tno"));
  mk_cli_test_run (fixture, "doc", "list", "--kind", "GRN", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"number\": \"BEN-GRN-2026-00002\"");
  mk_cli_test_assert_out_lacks (fixture, "BEN-WB-");
  mk_cli_test_assert_json (fixture->out, '[');
  mk_cli_test_run (fixture, "doc", "list", "--from", "2026-03-10", "--to", "2026-03-15", "--format",
                   "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-KIT-2026-00001");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "id\t"), ==, 2);
  mk_cli_test_run (fixture, "doc", "list", NULL);
  mk_cli_test_assert_ok (fixture, "Waybill reception");
  mk_cli_test_assert_out_has (fixture, "Cancelled");

  /* The stock card: every movement with its running balance. */
  mk_cli_test_run (fixture, "stock-card", "-w", "BEN-MAIN", "-i", "SOAP", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture,
                         "date\tdocument\tkind\tcounterpart\tlot\tgrant\tin\tout\tbalance\n");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "date\t"), ==, 7);
  assert_line_ends (fixture, "BEN-WB-2026-00001", "\tSB-2\tECHO-2026\t0\t100\t500");
  assert_line_ends (fixture, "BEN-CNT-2026-00001", "\tSB-1\tECHO-2026\t0\t10\t370");
  assert_line_ends (fixture, "BEN-ADJ-2026-00001", "\tSB-1\tECHO-2026\t0\t20\t350");
  mk_cli_test_assert_out_has (fixture, "\tBEN-KIT-2026-00001\tKIT\t");
  mk_cli_test_run (fixture, "stock-card", "-w", "BEN-MAIN", "-i", "SOAP", NULL);
  mk_cli_test_assert_ok (fixture, "Showing 1 to 7 of 7 movements.\n");
  mk_cli_test_assert_out_has (fixture, "Balance");
  mk_cli_test_run (fixture, "stock-card", "-w", "BEN-MAIN", "-i", "SOAP", "--offset", "2",
                   "--limit", "1", NULL);
  mk_cli_test_assert_ok (fixture, "Showing 3 to 3 of 7 movements.\n");
  mk_cli_test_assert_out_has (fixture, "BEN-WB-2026-00001");
  mk_cli_test_run (fixture, "stock-card", "-w", "BEN-MAIN", "-i", "SOAP", "--from", "2026-03-15",
                   "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "date\t"), ==, 2);
  assert_line_ends (fixture, "BEN-CNT-2026-00001", "\t370");
  mk_cli_test_run (fixture, "stock-card", "-w", "BEN-MAIN", "-i", "SOAP", "--to", "2026-03-01",
                   "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"total\": 2");
  mk_cli_test_assert_out_has (fixture, "\"movements\": [");
  mk_cli_test_assert_out_has (fixture, "\"balance\": 600");
  mk_cli_test_assert_json (fixture->out, '{');
  mk_cli_test_run (fixture, "stock-card", "-w", "TRP-MAIN", "-i", "HK", NULL);
  mk_cli_test_assert_ok (fixture, "No movements in this period.\n");

  /* Lots that expire within 18 months of 1 March 2026, and within 1. */
  mk_cli_test_run (fixture, "expiring", "--months", "18", "--today", "2026-03-01", "--format",
                   "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_assert_out_has (fixture,
                              "BEN-MAIN\tno\tSOAP\tBathing soap, 250 g\tصابون استحمام\tbar\tSB-1\t"
                              "2027-06-30\tECHO-2026\t350\n");
  mk_cli_test_assert_out_has (fixture, "TRP-MAIN\tno\tSOAP\t");
  g_assert_true (strstr (fixture->out, "SB-2") < strstr (fixture->out, "SB-1"));
  mk_cli_test_run (fixture, "expiring", "--months", "1", "--today", "2026-03-01", "--format",
                   "json", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "[]\n");
  mk_cli_test_run (fixture, "expiring", "--months", "0", "--today", "2027-07-01", NULL);
  mk_cli_test_assert_ok (fixture, "SB-1");

  /* Soap below its reorder level of 1000, in both warehouses. */
  mk_cli_test_run (fixture, "below-reorder", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "warehouse\titem\tname_en\tname_ar\tquantity\treorder_level\n");
  mk_cli_test_assert_out_has (fixture,
                              "BEN-MAIN\tSOAP\tBathing soap, 250 g\tصابون استحمام\t350\t1000\n");
  mk_cli_test_assert_out_has (fixture, "TRP-MAIN\tSOAP\t");
  mk_cli_test_assert_out_lacks (fixture, "BEN-OLD");
  mk_cli_test_assert_out_lacks (fixture, "BRUSH");
  mk_cli_test_run (fixture, "below-reorder", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"reorder_level\": 1000");
  mk_cli_test_assert_json (fixture->out, '[');

  /* The ledger proves itself. */
  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_ok (fixture, "sound");
}

/* Drafts ------------------------------------------------------------------------ */

/* The id in the TSV record that "doc new --format tsv" prints. */
static char *
draft_id (MkCliTest *fixture)
{
  g_auto (GStrv) lines = g_strsplit (fixture->out, "\n", -1);
  g_auto (GStrv) cells = NULL;

  g_assert_cmpstr (lines[0], ==, "id\tnumber\tkind\tstatus\tdate");
  cells = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (cells), ==, 5);
  g_assert_cmpstr (cells[1], ==, "");
  g_assert_cmpstr (cells[3], ==, "draft");
  return g_strdup (cells[0]);
}

static void
test_drafts (MkCliTest    *fixture,
             gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autofree char *other = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *before = NULL;
  const char      *sentence = "Saved draft ";
  char            *end = NULL;

  add_catalogue (fixture);

  /* A draft has no number and no effect. */
  mk_cli_test_run (fixture, "doc", "new", "grn", "--date", "2026-03-01", "--warehouse", "BEN-MAIN",
                   "--line", "BRUSH=10", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  id = draft_id (fixture);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 0);
  mk_cli_test_run (fixture, "doc", "new", "grn", "--date", "2026-03-02", "--warehouse", "BEN-MAIN",
                   "--line", "BRUSH=20", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_true (g_str_has_prefix (fixture->out, sentence));
  g_ascii_strtoll (fixture->out + strlen (sentence), &end, 10);
  other = g_strndup (fixture->out + strlen (sentence), end - fixture->out - strlen (sentence));
  g_assert_cmpuint (strlen (other), >, 0);
  g_assert_cmpstr (other, !=, id);
  mk_cli_test_assert_out_has (fixture, "makhzan-cli doc post ");
  mk_cli_test_run (fixture, "doc", "new", "grn", "--date", "2026-03-03", "--warehouse", "BEN-MAIN",
                   "--line", "BRUSH=30", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"status\": \"draft\"");
  mk_cli_test_assert_out_has (fixture, "\"number\": null");
  mk_cli_test_assert_json (fixture->out, '{');
  mk_cli_test_run (fixture, "doc", "list", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "\tgrn\tdraft\t2026-03-02\tBEN-MAIN\t");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "id\t"), ==, 3);
  mk_cli_test_run (fixture, "doc", "show", id, NULL);
  mk_cli_test_assert_ok (fixture, "draft");
  mk_cli_test_run (fixture, "doc", "show", id, "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"status\": \"draft\"");
  mk_cli_test_assert_json (fixture->out, '{');

  /* Posted by its id, once. */
  mk_cli_test_run (fixture, "doc", "post", id, NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-GRN-2026-00001.\n");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 10);
  before = mk_cli_test_snapshot (fixture);
  mk_cli_test_run (fixture, "doc", "post", id, NULL);
  mk_cli_test_assert_fails (fixture, 1, "BEN-GRN-2026-00001", "posted", NULL);
  mk_cli_test_assert_unchanged (fixture, before);
  mk_cli_test_run (fixture, "doc", "delete", id, NULL);
  mk_cli_test_assert_fails (fixture, 1, "BEN-GRN-2026-00001", NULL);
  mk_cli_test_assert_unchanged (fixture, before);

  /* A draft can be deleted; then it is gone. */
  mk_cli_test_run (fixture, "doc", "delete", other, NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  deleted = g_strdup_printf ("Deleted draft %s.\n", other);
  g_assert_cmpstr (fixture->out, ==, deleted);
  mk_cli_test_run (fixture, "doc", "show", other, NULL);
  mk_cli_test_assert_fails (fixture, 1, other, NULL);
  mk_cli_test_run (fixture, "doc", "list", "--format", "tsv", NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "id\t"), ==, 2);

  /* Posting the one left gives the next number. */
  saved = line_with (fixture, "\tdraft\t");
  *strchr (saved, '\t') = '\0';
  mk_cli_test_run (fixture, "doc", "post", saved, "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"number\": \"BEN-GRN-2026-00002\"");
  mk_cli_test_assert_out_has (fixture, "\"status\": \"posted\"");
  mk_cli_test_assert_json (fixture->out, '{');
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 40);

  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
}

/* Lines from a CSV file ---------------------------------------------------------- */

static void
test_lines_file (MkCliTest    *fixture,
                 gconstpointer data)
{
  /* As a spreadsheet writes it: a byte-order mark, semicolons, Windows line
   * ends, headers as people write them, Arabic-Indic digits, day/month/year,
   * a thousands separator, an empty line and a spare column. */
  g_autofree char *path =
      mk_cli_test_write_file (fixture, "lines.csv",
                              "\xEF\xBB\xBF"
                              "Item;Quantity;Lot;Expiry date;Grant;;Remarks\r\n"
                              "SOAP;٤٠٠;SB-1;30/06/2027;ECHO-2026;;\"first; best\"\r\n"
                              "BRUSH;1,000;;;ECHO-2026;;\r\n"
                              ";;;;;;\r\n");

  add_catalogue (fixture);
  mk_cli_test_run (fixture, "doc", "new", "grn", "--date", "2026-03-01", "--warehouse", "BEN-MAIN",
                   "--lines", path, "--line", "TP=50:lot=TP-1:expiry=2027-01-31", "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-GRN-2026-00001.\n");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 400);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 1000);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "TP", "--grant", "", NULL),
                   ==, 50);
  mk_cli_test_run (fixture, "doc", "show", "BEN-GRN-2026-00001", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture,
                         "\tTP=50:lot=TP-1:expiry=2027-01-31 "
                         "SOAP=400:lot=SB-1:expiry=2027-06-30:grant=ECHO-2026:remarks=first; best "
                         "BRUSH=1000:grant=ECHO-2026\n");
  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
}

/* Dekitting and ownership transfers ------------------------------------------------ */

static void
test_kits_and_grants (MkCliTest    *fixture,
                      gconstpointer data)
{
  add_catalogue (fixture);
  post_first_grn (fixture);
  mk_cli_test_run (fixture, "add", "item", "--code", "BK", "--name_en", "Brush pack", "--category",
                   "wash", "--unit", "pack", "--is_kit", "yes", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "kit", "set", "BK", "BRUSH=10", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "grant", "--code", "BHA-2026", "--donor", "ECHO", "--name_en",
                   "BHA 2026", "--start_date", "2026-01-01", "--end_date", "2026-12-31", "--sector",
                   "WSH", NULL);
  mk_cli_test_assert_ok (fixture, NULL);

  /* Ten packs made, four taken apart again. */
  mk_cli_test_run (fixture, "doc", "new", "kitting", "--date", "2026-03-02", "--warehouse",
                   "BEN-MAIN", "--kit", "BK", "--kit_quantity", "10", "--grant", "ECHO-2026",
                   "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-KIT-2026-00001");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 900);
  mk_cli_test_run (fixture, "doc", "new", "dekitting", "--date", "2026-03-03", "--warehouse",
                   "BEN-MAIN", "--kit", "BK", "--kit-quantity", "4", "--grant", "ECHO-2026",
                   "--post", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-DKT-2026-00001.\n");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BK", NULL), ==, 6);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 940);
  mk_cli_test_run (fixture, "doc", "show", "BEN-DKT-2026-00001", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"kind\": \"dekitting\"");
  mk_cli_test_assert_out_has (fixture, "\"item\": \"BRUSH\"");
  mk_cli_test_assert_json (fixture->out, '{');

  /* 40 brushes pass from one grant to another. */
  mk_cli_test_run (fixture, "doc", "new", "adjustment", "--date", "2026-03-04", "--warehouse",
                   "BEN-MAIN", "--reason", "ownership_transfer", "--line",
                   "BRUSH=40:grant=ECHO-2026:to_grant=BHA-2026", "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-ADJ-2026-00001");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", "-g", "BHA-2026",
                                        NULL),
                   ==, 40);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", "-g", "ECHO-2026",
                                        NULL),
                   ==, 900);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 940);
  mk_cli_test_run (fixture, "doc", "show", "BEN-ADJ-2026-00001", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "\tBRUSH=40:grant=ECHO-2026:to_grant=BHA-2026\n");
  mk_cli_test_run (fixture, "stock", "-w", "BEN-MAIN", "-i", "BRUSH", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "\tBHA-2026\t40\n");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "warehouse\t"), ==, 2);

  /* Cancelling the dekitting puts the packs back together. */
  mk_cli_test_run (fixture, "doc", "cancel", "BEN-DKT-2026-00001", "--reason", "Packs still needed",
                   "--date", "2026-03-05", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"number\": \"BEN-CAN-2026-00001\"");
  mk_cli_test_assert_out_has (fixture, "\"date\": \"2026-03-05\"");
  mk_cli_test_assert_json (fixture->out, '{');
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BK", NULL), ==, 10);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", "-g", "ECHO-2026",
                                        NULL),
                   ==, 860);

  /* Hygiene kits made of soap with lots are a lot of their own, named
   * after the kitting; taken apart, they give the soap back. */
  mk_cli_test_run (fixture, "doc", "new", "kitting", "--date", "2026-03-06", "--warehouse",
                   "BEN-MAIN", "--kit", "HK", "--kit-quantity", "2", "--grant", "ECHO-2026",
                   "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-KIT-2026-00002");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 592);
  mk_cli_test_run (fixture, "stock", "-w", "BEN-MAIN", "-i", "HK", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "\tBEN-KIT-2026-00002\t2026-12-31\tECHO-2026\t2\n");
  mk_cli_test_run (fixture, "doc", "new", "dekitting", "--date", "2026-03-07", "--warehouse",
                   "BEN-MAIN", "--kit", "HK", "--kit-quantity", "2", "--grant", "ECHO-2026",
                   "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-DKT-2026-00002");
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 0);
  g_assert_cmpint (mk_cli_test_balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 600);

  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_ok (fixture, "sound");
}

/* check --------------------------------------------------------------------- */

/* "check" names the first fault of a ledger changed behind its back. */
static void
test_check_fault (MkCliTest    *fixture,
                  gconstpointer data)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autoptr (GError) error = NULL;
  const char *tamper[] = { sqlite3, fixture->db,
                           "UPDATE balances SET quantity = quantity + 5 WHERE quantity = 400;",
                           NULL };
  int         wait_status = 0;

  if (sqlite3 == NULL)
    {
      g_test_skip ("sqlite3 is not installed");
      return;
    }
  add_catalogue (fixture);
  post_first_grn (fixture);
  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_ok (fixture, "sound");

  g_spawn_sync (fixture->dir, (char **) tamper, fixture->env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                NULL, NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);

  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_fails (fixture, 1, "SOAP", "BEN-MAIN", "405", "400", NULL);
}

/* Bad input: one message, exit status 1, nothing changed ----------------------------- */

typedef struct
{
  const char *name;
  const char *args[24]; /* after --db; "@" is replaced by the path of lines.csv */
  const char *file;     /* contents of lines.csv, or NULL */
  int         status;
  const char *texts[5]; /* in the message */
} BadCase;

#define GRN_HEAD "doc", "new", "grn", "--date", "2026-03-02", "--warehouse", "BEN-MAIN"
#define WAYBILL_HEAD                                                                            \
  "doc", "new", "waybill", "--date", "2026-03-06", "--warehouse", "BEN-MAIN", "--to-warehouse", \
      "TRP-MAIN"

/* clang-format off */
static const BadCase bad_cases[] = {
  { "grn-zero", { GRN_HEAD, "--line", "BRUSH=0", "--post", NULL }, NULL, 1,
    { "line 1", NULL } },
  { "grn-negative", { GRN_HEAD, "--line", "BRUSH=-5", "--post", NULL }, NULL, 1,
    { "line 1", NULL } },
  { "grn-absurd", { GRN_HEAD, "--line", "BRUSH=9007199254740993", "--post", NULL }, NULL, 1,
    { "line 1", NULL } },
  { "grn-absurd-damaged",
    { GRN_HEAD, "--line", "BRUSH=1:damaged=9007199254740993", "--post", NULL }, NULL, 1,
    { "line 1", NULL } },
  { "grn-beyond-64-bits", { GRN_HEAD, "--line", "BRUSH=99999999999999999999", "--post", NULL },
    NULL, 1, { "--line", "BRUSH", "99999999999999999999", NULL } },
  { "grn-text-quantity", { GRN_HEAD, "--line", "BRUSH=ten", "--post", NULL }, NULL, 1,
    { "--line", "ten", NULL } },
  { "unknown-item", { GRN_HEAD, "--line", "BRUSH=5", "--line", "TENT=5", "--post", NULL }, NULL,
    1, { "TENT", NULL } },
  { "unknown-warehouse", { "doc", "new", "grn", "--date", "2026-03-02", "--warehouse", "NOWHERE",
    "--line", "BRUSH=5", "--post", NULL }, NULL, 1, { "NOWHERE", NULL } },
  { "lot-of-another-item", { WAYBILL_HEAD, "--line", "TP=5:lot=SB-1", "--post", NULL }, NULL, 1,
    { "SB-1", NULL } },
  { "expiry-before-receipt",
    { GRN_HEAD, "--line", "SOAP=10:lot=SB-9:expiry=2026-03-01:grant=ECHO-2026", "--post", NULL },
    NULL, 1, { "2026-03-01", NULL } },
  { "waybill-to-itself",
    { "doc", "new", "waybill", "--date", "2026-03-06", "--warehouse", "BEN-MAIN",
      "--to-warehouse", "BEN-MAIN", "--line", "BRUSH=5:grant=ECHO-2026", "--post", NULL },
    NULL, 1, { "Waybill", "leaves from", NULL } },
  { "waybill-short-stock",
    { WAYBILL_HEAD, "--line", "SOAP=10000:lot=SB-1:grant=ECHO-2026", "--post", NULL }, NULL, 1,
    { "SOAP", "SB-1", "BEN-MAIN", NULL } },
  { "receive-more-than-sent",
    { "doc", "new", "reception", "--date", "2026-03-07", "--waybill", "BEN-WB-2026-00002",
      "--line", "BRUSH=150:grant=ECHO-2026", "--post", NULL }, NULL, 1, { "BRUSH", NULL } },
  { "receive-twice",
    { "doc", "new", "reception", "--date", "2026-03-07", "--waybill", "BEN-WB-2026-00001",
      "--line", "SOAP=100:lot=SB-2:grant=ECHO-2026", "--post", NULL }, NULL, 1,
    { "BEN-WB-2026-00001", NULL } },
  { "receive-unknown-waybill",
    { "doc", "new", "reception", "--date", "2026-03-07", "--waybill", "BEN-WB-2026-00099",
      "--post", NULL }, NULL, 1, { "BEN-WB-2026-00099", NULL } },
  { "count-inactive-warehouse",
    { "doc", "new", "count", "--date", "2026-03-15", "--warehouse", "BEN-OLD", "--line",
      "SOAP=0:lot=SB-1:grant=ECHO-2026", "--post", NULL }, NULL, 1, { "BEN-OLD", NULL } },
  { "post-twice", { "doc", "post", "BEN-GRN-2026-00001", NULL }, NULL, 1,
    { "BEN-GRN-2026-00001", "posted", NULL } },
  { "delete-posted", { "doc", "delete", "BEN-GRN-2026-00001", NULL }, NULL, 1,
    { "BEN-GRN-2026-00001", NULL } },
  { "cancel-a-cancellation",
    { "doc", "cancel", "BEN-CAN-2026-00001", "--reason", "Undo it", NULL }, NULL, 1,
    { "BEN-CAN-2026-00001", NULL } },
  { "cancel-twice", { "doc", "cancel", "BEN-GRN-2026-00003", "--reason", "Again", NULL }, NULL, 1,
    { "BEN-GRN-2026-00003", NULL } },
  { "cancel-received-waybill",
    { "doc", "cancel", "BEN-WB-2026-00001", "--reason", "Wrong truck", NULL }, NULL, 1,
    { "BEN-WB-2026-00001", NULL } },
  { "cancel-unknown", { "doc", "cancel", "BEN-GRN-2026-00099", "--reason", "Gone", NULL }, NULL,
    1, { "BEN-GRN-2026-00099", NULL } },
  { "cancel-bad-date",
    { "doc", "cancel", "BEN-WB-2026-00002", "--reason", "Wrong", "--date", "2026-02-30", NULL },
    NULL, 1, { "--date", "2026-02-30", NULL } },
  { "kit-without-components",
    { "doc", "new", "kitting", "--date", "2026-03-10", "--warehouse", "BEN-MAIN", "--kit",
      "HK-EMPTY", "--kit-quantity", "1", "--post", NULL }, NULL, 1, { "HK-EMPTY", NULL } },
  { "kit-not-enough-components",
    { "doc", "new", "kitting", "--date", "2026-03-10", "--warehouse", "BEN-MAIN", "--kit", "HK",
      "--kit-quantity", "1000", "--grant", "ECHO-2026", "--post", NULL }, NULL, 1,
    { "BEN-MAIN", NULL } },
  { "adjustment-without-reason",
    { "doc", "new", "adjustment", "--date", "2026-03-20", "--warehouse", "BEN-MAIN", "--line",
      "SOAP=-1:lot=SB-1:grant=ECHO-2026", "--post", NULL }, NULL, 1, { "Reason", NULL } },
  { "adjustment-unknown-reason",
    { "doc", "new", "adjustment", "--date", "2026-03-20", "--warehouse", "BEN-MAIN", "--reason",
      "borrowed", "--line", "SOAP=-1:lot=SB-1:grant=ECHO-2026", "--post", NULL }, NULL, 1,
    { "borrowed", NULL } },
  { "bad-date", { "doc", "new", "grn", "--date", "2026-02-30", "--warehouse", "BEN-MAIN",
    "--line", "BRUSH=5", "--post", NULL }, NULL, 1, { "Date", "2026-02-30", NULL } },
  { "bad-date-as-of", { "balance", "-w", "BEN-MAIN", "-i", "SOAP", "--as-of", "2026-02-30",
    NULL }, NULL, 1, { "--as-of", "2026-02-30", NULL } },
  { "bad-date-stock-card", { "stock-card", "-w", "BEN-MAIN", "-i", "SOAP", "--from",
    "2026-02-30", NULL }, NULL, 1, { "--from", "2026-02-30", NULL } },
  { "bad-expiry-in-line",
    { GRN_HEAD, "--line", "SOAP=5:lot=SB-5:expiry=2026-02-30:grant=ECHO-2026", "--post", NULL },
    NULL, 1, { "--line", "2026-02-30", NULL } },
  { "bad-choice", { GRN_HEAD, "--source", "theft", "--line", "BRUSH=5", "--post", NULL }, NULL, 1,
    { "theft", "purchase", NULL } },
  { "csv-bad-quantity", { GRN_HEAD, "--lines", "@", "--post", NULL },
    "item,quantity,lot,expiry,grant\n"
    "SOAP,10,SB-5,2027-01-01,ECHO-2026\n"
    "SOAP,ten,SB-6,2027-01-01,ECHO-2026\n",
    1, { "lines.csv", "line 3", "column 2", "ten", NULL } },
  { "csv-bad-expiry", { GRN_HEAD, "--lines", "@", "--post", NULL },
    "item,quantity,lot,expiry\nSOAP,10,SB-5,2026-02-30\n", 1,
    { "lines.csv", "line 2", "column 4", "2026-02-30", NULL } },
  { "csv-no-item", { GRN_HEAD, "--lines", "@", "--post", NULL },
    "item,quantity\nBRUSH,10\n,5\n", 1, { "lines.csv", "line 3", "column 1", NULL } },
  { "csv-unknown-column", { GRN_HEAD, "--lines", "@", "--post", NULL },
    "item,quantity,colour\nBRUSH,10,red\n", 1,
    { "lines.csv", "line 1", "column 3", "colour", NULL } },
  { "csv-missing-column", { GRN_HEAD, "--lines", "@", "--post", NULL },
    "item,lot\nBRUSH,X\n", 1, { "lines.csv", "quantity", NULL } },
  { "csv-too-many-values", { GRN_HEAD, "--lines", "@", "--post", NULL },
    "item,quantity\nBRUSH,10,extra\n", 1, { "lines.csv", "line 2", NULL } },
  { "csv-header-only", { GRN_HEAD, "--lines", "@", "--post", NULL }, "item,quantity\n", 1,
    { "lines.csv", NULL } },
  { "csv-empty", { GRN_HEAD, "--lines", "@", "--post", NULL }, "", 1, { "lines.csv", NULL } },
  { "csv-unknown-item", { GRN_HEAD, "--lines", "@", "--post", NULL },
    "item,quantity\nBRUSH,10\nTENT,5\n", 1, { "TENT", NULL } },
  { "csv-missing-file", { GRN_HEAD, "--lines", "no-such-file.csv", "--post", NULL }, NULL, 1,
    { "no-such-file.csv", NULL } },
  { "show-unknown", { "doc", "show", "BEN-GRN-2026-00099", NULL }, NULL, 1,
    { "BEN-GRN-2026-00099", NULL } },
  { "balance-unknown-item", { "balance", "-w", "BEN-MAIN", "-i", "TENT", NULL }, NULL, 1,
    { "TENT", NULL } },
  { "suggest-too-many",
    { "suggest-lots", "-w", "BEN-MAIN", "-i", "SOAP", "--quantity", "100000", "--date",
      "2026-03-02", NULL }, NULL, 1, { "SOAP", NULL } },
};
/* clang-format on */

/* A catalogue and a little history: two receipts, a waybill received in
 * full, one still in transit, and a receipt cancelled. */
static void
prepare_history (MkCliTest *fixture)
{
  add_catalogue (fixture);
  post_first_grn (fixture);
  mk_cli_test_run (fixture, "doc", "new", "grn", "--date", "2026-03-01", "--warehouse", "BEN-MAIN",
                   "--line", "TP=50:lot=TP-1:expiry=2027-01-31", "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-GRN-2026-00002");
  mk_cli_test_run (fixture, "doc", "new", "waybill", "--date", "2026-03-05", "--warehouse",
                   "BEN-MAIN", "--to-warehouse", "TRP-MAIN", "--line",
                   "SOAP=100:lot=SB-2:grant=ECHO-2026", "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-WB-2026-00001");
  mk_cli_test_run (fixture, "doc", "new", "reception", "--date", "2026-03-06", "--waybill",
                   "BEN-WB-2026-00001", "--line", "SOAP=100:lot=SB-2:grant=ECHO-2026", "--post",
                   NULL);
  mk_cli_test_assert_ok (fixture, "BEN-RCV-2026-00001");
  mk_cli_test_run (fixture, "doc", "new", "waybill", "--date", "2026-03-05", "--warehouse",
                   "BEN-MAIN", "--to-warehouse", "TRP-MAIN", "--line", "BRUSH=100:grant=ECHO-2026",
                   "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-WB-2026-00002");
  mk_cli_test_run (fixture, "doc", "new", "grn", "--date", "2026-03-05", "--warehouse", "BEN-MAIN",
                   "--line", "BRUSH=10", "--post", NULL);
  mk_cli_test_assert_ok (fixture, "BEN-GRN-2026-00003");
  mk_cli_test_run (fixture, "doc", "cancel", "BEN-GRN-2026-00003", "--reason", "Entered twice",
                   NULL);
  mk_cli_test_assert_ok (fixture, "BEN-CAN-2026-00001");
}

static void
test_bad_input (MkCliTest    *fixture,
                gconstpointer data)
{
  const BadCase *bc = data;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;

  prepare_history (fixture);
  if (bc->file != NULL)
    path = mk_cli_test_write_file (fixture, "lines.csv", bc->file);
  for (guint i = 0; bc->args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) (g_str_equal (bc->args[i], "@") ? path : bc->args[i]));
  g_ptr_array_add (args, NULL);

  before = mk_cli_test_snapshot (fixture);
  mk_cli_test_run_args (fixture, (const char *const *) args->pdata);
  g_test_message ("%s: %s", bc->name, fixture->err);
  mk_cli_test_assert_fails (fixture, bc->status, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bc->texts) && bc->texts[i] != NULL; i++)
    if (strstr (fixture->err, bc->texts[i]) == NULL)
      g_error ("%s: expected “%s” in: %s", bc->name, bc->texts[i], fixture->err);
  g_assert_cmpuint (strlen (fixture->err), <, 1000);
  mk_cli_test_assert_unchanged (fixture, before);

  /* The refusal left the ledger sound. */
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

  ADD ("/cli/ledger/help", test_help, NULL);
  ADD ("/cli/ledger/flow", test_flow, NULL);
  ADD ("/cli/ledger/drafts", test_drafts, NULL);
  ADD ("/cli/ledger/lines-file", test_lines_file, NULL);
  ADD ("/cli/ledger/kits-and-grants", test_kits_and_grants, NULL);
  ADD ("/cli/ledger/check-fault", test_check_fault, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/ledger/bad/%s", bad_cases[i].name);
      ADD (path, test_bad_input, &bad_cases[i]);
    }

  return g_test_run ();
}
