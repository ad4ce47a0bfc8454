/* test-cli.c: makhzan-cli as scripts and people use it.
 *
 * Each test runs the program (MAKHZAN_CLI) with g_spawn_sync in a temporary
 * folder and checks its exit status, its output and its one-line error
 * messages. After every refused command, the database must be exactly as it
 * was: the test compares "dump", every list and the audit log before and after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mk-cli-test.h"

#define USER "Test Storekeeper"
#define FUNCTION "Storekeeper"

static const char *const kind_names[] = {
  "office", "warehouse", "site", "item", "donor", "grant", "partner"
};

/* Checking what programs read --------------------------------------------------- */

/* The terminal column at which @needle starts in @line. */
static glong
column_of (const char *line,
           const char *needle)
{
  const char *found = strstr (line, needle);

  g_assert_nonnull (found);
  return g_utf8_strlen (line, found - line);
}

/* Fixtures ---------------------------------------------------------------- */

static void
fixture_set_up_empty (MkCliTest    *fixture,
                      gconstpointer data)
{
  mk_cli_test_set_up (fixture, "makhzan-cli-test-XXXXXX", USER, FUNCTION);
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    mk_cli_test_add_snapshot_list (fixture, "list", kind_names[i], "--format", "tsv", NULL);
}

static void
fixture_set_up (MkCliTest    *fixture,
                gconstpointer data)
{
  fixture_set_up_empty (fixture, data);
  mk_cli_test_run (fixture, "init", "--code", "BEN", "--number", "2", "--name", "Benghazi office",
                   "--name-ar", "مكتب بنغازي", NULL);
  mk_cli_test_assert_ok (fixture, "BEN");
}

/* A small catalogue: a warehouse, items, a kit, a donor and a grant. */
static void
add_catalogue (MkCliTest *fixture)
{
  mk_cli_test_run (fixture, "add", "warehouse", "--code", "BEN-MAIN", "--name_en",
                   "Benghazi main warehouse", "--type", "main", "--baladiya", "LY010304", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "item", "--code", "SOAP", "--name_en", "Bathing soap, 250 g",
                   "--name_ar", "صابون استحمام", "--category", "wash", "--unit", "bar",
                   "--weight_kg", "0.25", "--tracks_lots", "yes", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "item", "--code", "BRUSH", "--name_en", "Toothbrush",
                   "--category", "wash", "--unit", "piece", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "item", "--code", "HK", "--name_en", "Hygiene kit", "--name_ar",
                   "حقيبة نظافة", "--category", "wash", "--unit", "kit", "--is_kit", "yes", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "item", "--code", "HK-BIG", "--name_en", "Family hygiene kit",
                   "--category", "wash", "--unit", "kit", "--is-kit", "yes", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "kit", "set", "HK", "SOAP=4", "BRUSH=٥", NULL);
  mk_cli_test_assert_ok (fixture, "2");
  mk_cli_test_run (fixture, "add", "donor", "--code", "ECHO", "--name_en", "ECHO", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "add", "grant", "--code", "ECHO-2026", "--donor", "echo", "--name_en",
                   "ECHO 2026", "--start_date", "2026-01-01", "--end_date", "2026-12-31",
                   "--sector", "SHL", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
}

/* Help and usage ------------------------------------------------------------ */

static void
test_help (MkCliTest    *fixture,
           gconstpointer data)
{
  const char *help[] = { "--help", NULL };
  const char *nothing[] = { NULL };
  const char *add_help[] = { "add", "item", "--help", NULL };
  const char *help_list[] = { "help", "list", NULL };

  mk_cli_test_run_argv (fixture, help);
  mk_cli_test_assert_ok (fixture, "Commands:");
  g_assert_nonnull (strstr (fixture->out, "import"));
  g_assert_nonnull (strstr (fixture->out, "--format"));

  mk_cli_test_run_argv (fixture, add_help);
  mk_cli_test_assert_ok (fixture, "--name_en");
  g_assert_nonnull (strstr (fixture->out, "Unit weight (kg)"));
  g_assert_nonnull (strstr (fixture->out,
                            "Required fields: --code, --name_en, --category, --unit."));

  mk_cli_test_run_argv (fixture, help_list);
  mk_cli_test_assert_ok (fixture, "--search");

  /* Usage errors exit with 2. */
  mk_cli_test_run_argv (fixture, nothing);
  mk_cli_test_assert_fails (fixture, 2, "command", NULL);
  mk_cli_test_run (fixture, "frobnicate", NULL);
  mk_cli_test_assert_fails (fixture, 2, "frobnicate", NULL);
  mk_cli_test_run (fixture, "--format", "xml", "list", "items", NULL);
  mk_cli_test_assert_fails (fixture, 2, "xml", NULL);
  mk_cli_test_run (fixture, "list", NULL);
  mk_cli_test_assert_fails (fixture, 2, "list", NULL);
  mk_cli_test_run (fixture, "list", "items", "extra", NULL);
  mk_cli_test_assert_fails (fixture, 2, "extra", NULL);
  mk_cli_test_run (fixture, "list", "gadgets", NULL);
  mk_cli_test_assert_fails (fixture, 2, "gadgets", "item", NULL);
  mk_cli_test_run (fixture, "add", "item", "--colour", "red", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--colour", NULL);
  mk_cli_test_run (fixture, "add", NULL);
  mk_cli_test_assert_fails (fixture, 2, "warehouse", NULL);
  mk_cli_test_run (fixture, "add", "item", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--code", NULL);
  mk_cli_test_run (fixture, "edit", "item", "SOAP", NULL);
  mk_cli_test_assert_fails (fixture, 2, NULL);
  mk_cli_test_run (fixture, "kit", "set", "HK", "SOAP", NULL);
  mk_cli_test_assert_fails (fixture, 2, "COMPONENT=QUANTITY", NULL);
  mk_cli_test_run (fixture, "kit", "dismantle", "HK", NULL);
  mk_cli_test_assert_fails (fixture, 2, "dismantle", NULL);
  mk_cli_test_run (fixture, "init", "--code", "BEN", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--number", NULL);
  mk_cli_test_run (fixture, "list", "audit", "--limit", "many", NULL);
  mk_cli_test_assert_fails (fixture, 2, "--limit", NULL);

  /* None of that created a file. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

/* init ------------------------------------------------------------------------- */

static void
test_init (MkCliTest    *fixture,
           gconstpointer data)
{
  g_autofree char *before = NULL;

  mk_cli_test_run (fixture, "init", "--code", "ben", "--number", "٢", "--name", "Benghazi office",
                   "--name-ar", "مكتب بنغازي", NULL);
  mk_cli_test_assert_ok (fixture, "BEN");
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));

  mk_cli_test_run (fixture, "list", "offices", NULL);
  mk_cli_test_assert_ok (fixture, "Benghazi office");
  g_assert_nonnull (strstr (fixture->out, "مكتب بنغازي"));
  mk_cli_test_run (fixture, "show", "office", "BEN", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"number\": 2,");
  mk_cli_test_assert_json (fixture->out, '{');
  mk_cli_test_run (fixture, "list", "audit", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "create\toffices");

  /* Never over an existing file, and the file stays as it was. */
  before = mk_cli_test_snapshot (fixture);
  mk_cli_test_run (fixture, "init", "--code", "TRP", "--number", "1", "--name", "Tripoli", NULL);
  mk_cli_test_assert_fails (fixture, 1, "already exists", NULL);
  mk_cli_test_assert_unchanged (fixture, before);

  /* Refused office values. */
  {
    g_autofree char *other = g_build_filename (fixture->dir, "other.makhzan", NULL);
    const char      *bad_code[] = { "--db", other, "init", "--code", "B", "--number", "3", "--name",
                                    "X", NULL };
    const char      *bad_number[] = { "--db", other, "init", "--code", "MIS", "--number", "70000",
                                      "--name", "X", NULL };
    const char      *text_number[] = { "--db", other, "init", "--code", "MIS", "--number", "three",
                                       "--name", "X", NULL };

    mk_cli_test_run_argv (fixture, bad_code);
    mk_cli_test_assert_fails (fixture, 1, "code", NULL);
    mk_cli_test_run_argv (fixture, bad_number);
    mk_cli_test_assert_fails (fixture, 1, "65535", NULL);
    mk_cli_test_run_argv (fixture, text_number);
    mk_cli_test_assert_fails (fixture, 1, "65535", NULL);
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

/* Every kind: add, show, edit, list ---------------------------------------------- */

typedef struct
{
  const char *kind;
  const char *code;
  const char *fields[24]; /* "--field", "value" … for add */
  const char *edit_field; /* one field to change */
  const char *edit_value;
  const char *tsv_row;     /* the row "list --format tsv" shows afterwards */
  const char *json_member; /* a member of its JSON object */
} KindCase;

/* clang-format off */
static const KindCase kind_cases[] = {
  { "office", "MIS",
    { "--code", "MIS", "--number", "3", "--name_en", "Misrata office", "--name-ar",
      "مكتب مصراتة", NULL },
    "--active", "no",
    "MIS\t3\tMisrata office\tمكتب مصراتة\tno\n", "\"active\": false" },
  { "warehouse", "BEN-MAIN",
    { "--code", "BEN-MAIN", "--name_en", "Benghazi main warehouse", "--name_ar",
      "مستودع بنغازي الرئيسي", "--type", "Main warehouse", "--baladiya", "بنغازي", "--phone",
      "+218 91 555 0102", NULL },
    "--manager", "Salma Al-Obeidi",
    "BEN-MAIN\tBenghazi main warehouse\tمستودع بنغازي الرئيسي\tmain\tLY010304\t"
    "Salma Al-Obeidi\t+218 91 555 0102\tyes\n",
    "\"baladiya\": \"LY010304\"" },
  { "site", "DC-AINZARA",
    { "--code", "DC-AINZARA", "--name_en", "Ain Zara detention centre", "--type",
      "detention_centre", "--baladiya", "LY021103", "--sensitive", "نعم", "--capacity", "600",
      NULL },
    "--capacity", "650",
    "DC-AINZARA\tAin Zara detention centre\t\tdetention_centre\tLY021103\tyes\t650\tyes\n",
    "\"capacity\": 650" },
  { "item", "BLK-HT",
    { "--code", "BLK-HT", "--name_en", "Blanket, high thermal", "--name_ar", "بطانية حرارية",
      "--category", "nfi", "--unit", "piece", "--weight_kg", "2", "--volume-m3", "0.008",
      "--pack_size", "10", "--reorder_level", "500", "--unit-value", "9.50", "--currency", "lyd", NULL },
    "--weight-kg", "1.75",
    "BLK-HT\tBlanket, high thermal\tبطانية حرارية\tnfi\tpiece\t1.75\t0.008\t10\tno\tno\t500\t9.5\tLYD\tyes\n",
    "\"weight_kg\": 1.75" },
  { "donor", "ECHO",
    { "--code", "ECHO", "--name_en", "ECHO", "--name_ar", "المفوضية الأوروبية", NULL },
    "--name_en", "European Civil Protection and Humanitarian Aid Operations",
    "ECHO\tEuropean Civil Protection and Humanitarian Aid Operations\tالمفوضية الأوروبية\tyes\n",
    "\"name_ar\": \"المفوضية الأوروبية\"" },
  { "grant", "ECHO-2026",
    { "--code", "ECHO-2026", "--donor", "ECHO", "--name_en", "ECHO 2026", "--start_date",
      "2026-01-01", "--end_date", "31/12/2026", "--sector", "SHL", NULL },
    "--end_date", "2027-03-31",
    "ECHO-2026\tECHO\tECHO 2026\t\t2026-01-01\t2027-03-31\tSHL\tyes\n",
    "\"end_date\": \"2027-03-31\"" },
  { "partner", "LRC",
    { "--code", "LRC", "--name_en", "Libyan Red Crescent", "--name_ar", "الهلال الأحمر الليبي",
      "--contact", "Logistics focal point", NULL },
    "--phone", "+218 21 555 0201",
    "LRC\tLibyan Red Crescent\tالهلال الأحمر الليبي\tLogistics focal point\t"
    "+218 21 555 0201\tyes\n",
    "\"phone\": \"+218 21 555 0201\"" },
};
/* clang-format on */

static void
test_kind (MkCliTest    *fixture,
           gconstpointer data)
{
  const KindCase *kc = data;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *added = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *plural = g_strconcat (kc->kind, "s", NULL);

  if (g_str_equal (kc->kind, "grant"))
    {
      mk_cli_test_run (fixture, "add", "donor", "--code", "ECHO", "--name_en", "ECHO", NULL);
      mk_cli_test_assert_ok (fixture, NULL);
    }

  g_ptr_array_add (args, (gpointer) "add");
  g_ptr_array_add (args, (gpointer) kc->kind);
  for (guint i = 0; kc->fields[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) kc->fields[i]);
  g_ptr_array_add (args, NULL);
  mk_cli_test_run_args (fixture, (const char *const *) args->pdata);
  added = g_strdup_printf ("Added %s %s.\n", kc->kind, kc->code);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, added);

  /* show, for people and programs. */
  mk_cli_test_run (fixture, "show", kc->kind, kc->code, NULL);
  mk_cli_test_assert_ok (fixture, "Code:");
  g_assert_nonnull (strstr (fixture->out, kc->code));
  mk_cli_test_run (fixture, "show", kc->kind, kc->code, "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"code\": ");
  mk_cli_test_assert_json (fixture->out, '{');
  mk_cli_test_run (fixture, "show", kc->kind, kc->code, "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 1);

  /* edit, with the field written --field=value. */
  {
    g_autofree char *option = g_strdup_printf ("%s=%s", kc->edit_field, kc->edit_value);
    mk_cli_test_run (fixture, "edit", kc->kind, kc->code, option, NULL);
  }
  updated = g_strdup_printf ("Updated %s %s.\n", kc->kind, kc->code);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, updated);

  /* list in the three formats, by singular and plural. */
  mk_cli_test_run (fixture, "list", plural, "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, kc->tsv_row);
  mk_cli_test_assert_tsv (fixture->out, "code\t");
  mk_cli_test_run (fixture, "--format", "json", "list", kc->kind, NULL);
  mk_cli_test_assert_ok (fixture, kc->json_member);
  mk_cli_test_assert_json (fixture->out, '[');
  mk_cli_test_run (fixture, "list", kc->kind, NULL);
  mk_cli_test_assert_ok (fixture, "Code");
  g_assert_nonnull (strstr (fixture->out, kc->edit_value));

  /* Both changes are in the audit log, under the user's name. */
  mk_cli_test_run (fixture, "list", "audit", "--limit", "2", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "\t" USER "\t" FUNCTION "\tupdate\t");
  g_assert_nonnull (strstr (fixture->out, "\tcreate\t"));
  g_assert_nonnull (strstr (fixture->out, kc->code));
}

static void
test_list_formats (MkCliTest    *fixture,
                   gconstpointer data)
{
  g_auto (GStrv) lines = NULL;

  add_catalogue (fixture);

  /* A table for people: aligned columns, translated headers and values. */
  mk_cli_test_run (fixture, "list", "items", NULL);
  mk_cli_test_assert_ok (fixture, "Unit weight (kg)");
  lines = g_strsplit (fixture->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[0], "Code    Name (English)"));
  /* Columns line up whatever the script: an Arabic name takes as many
   * columns as it has letters. */
  for (guint i = 1; i <= 4; i++)
    g_assert_cmpint (column_of (lines[i], "wash"), ==, column_of (lines[0], "Category"));

  /* TSV and JSON with typed values. */
  mk_cli_test_run (fixture, "list", "items", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture,
                         "code\tname_en\tname_ar\tcategory\tunit\tweight_kg\tvolume_m3\tpack_size\t"
                         "tracks_lots\tis_kit\treorder_level\tunit_value\tcurrency\tactive\n");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 4);
  mk_cli_test_run (fixture, "list", "items", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"weight_kg\": 0.25");
  g_assert_nonnull (strstr (fixture->out, "\"tracks_lots\": true"));
  g_assert_nonnull (strstr (fixture->out, "\"is_kit\": false"));
  g_assert_nonnull (strstr (fixture->out, "\"pack_size\": 1,"));
  mk_cli_test_assert_json (fixture->out, '[');

  /* An empty list is still a list. */
  mk_cli_test_run (fixture, "list", "partners", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "[]\n");
  mk_cli_test_run (fixture, "list", "partners", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "code\tname_en\tname_ar\tcontact\tphone\tactive\n");

  /* Vocabularies and places. */
  mk_cli_test_run (fixture, "list", "vocab", "units", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "bar\tbar\t");
  mk_cli_test_run (fixture, "list", "site-types", NULL);
  mk_cli_test_assert_ok (fixture, "detention_centre");
  mk_cli_test_run (fixture, "list", "vocab", "colours", NULL);
  mk_cli_test_assert_fails (fixture, 2, "colours", "units", NULL);
  mk_cli_test_run (fixture, "list", "places", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"pcode\": \"LY021104\"");
  mk_cli_test_assert_json (fixture->out, '[');
  mk_cli_test_run (fixture, "list", "places", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "pcode\t"), ==, 100);
}

static void
test_show_kit (MkCliTest    *fixture,
               gconstpointer data)
{
  add_catalogue (fixture);

  mk_cli_test_run (fixture, "show", "item", "hk", NULL);
  mk_cli_test_assert_ok (fixture, "Components:");
  g_assert_nonnull (strstr (fixture->out, "SOAP"));
  g_assert_nonnull (strstr (fixture->out, "BRUSH"));
  mk_cli_test_run (fixture, "show", "item", "HK", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"components\": [");
  g_assert_nonnull (strstr (fixture->out, "{\"code\": \"SOAP\", \"quantity\": 4,"));
  mk_cli_test_assert_json (fixture->out, '{');
  mk_cli_test_run (fixture, "show", "item", "HK", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "\tcomponents\n");
  g_assert_nonnull (strstr (fixture->out, "\tBRUSH=5 SOAP=4\n"));
  mk_cli_test_assert_tsv (fixture->out, "code\t");

  mk_cli_test_run (fixture, "kit", "show", "HK", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "code\tquantity\tunit\tname_en\tname_ar\n");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 2);
  g_assert_nonnull (strstr (fixture->out, "SOAP\t4\tbar\tBathing soap, 250 g\tصابون استحمام\n"));

  /* A kit inside a kit. */
  mk_cli_test_run (fixture, "kit", "set", "HK-BIG", "HK=2", "SOAP=10", NULL);
  mk_cli_test_assert_ok (fixture, "HK-BIG");
  mk_cli_test_run (fixture, "show", "item", "HK-BIG", NULL);
  mk_cli_test_assert_ok (fixture, "HK");
  mk_cli_test_run (fixture, "kit", "clear", "HK-BIG", NULL);
  mk_cli_test_assert_ok (fixture, "HK-BIG");
  mk_cli_test_run (fixture, "show", "item", "HK-BIG", NULL);
  mk_cli_test_assert_ok (fixture, "Components: none");

  /* A plain item has no components to show. */
  mk_cli_test_run (fixture, "kit", "show", "SOAP", NULL);
  mk_cli_test_assert_fails (fixture, 1, "SOAP", "not a kit", NULL);
}

/* Search -------------------------------------------------------------------- */

static void
test_search_places (MkCliTest    *fixture,
                    gconstpointer data)
{
  /* Derna is درنة (the baladiya) and درنه (the mantika); either spelling
   * finds it, with ta marbuta and ha folded. */
  const char *spellings[] = { "درنه", "درنة", "derna", "LY010102" };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      mk_cli_test_run (fixture, "list", "places", "--search", spellings[i], "--format", "tsv",
                       NULL);
      mk_cli_test_assert_ok (fixture,
                             "LY010102\tDerna\tدرنة\tLY0101\tDerna\tدرنه\tLY01\tEast\tالشرق\n");
      g_assert_null (strstr (fixture->out, "LY021104"));
    }

  mk_cli_test_run (fixture, "list", "places", "--search", "طرابلس", NULL);
  mk_cli_test_assert_ok (fixture, "LY021104");
  g_assert_null (strstr (fixture->out, "LY010102"));

  mk_cli_test_run (fixture, "list", "places", "--search", "Atlantis", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "pcode\t"), ==, 0);
}

static void
test_search_items (MkCliTest    *fixture,
                   gconstpointer data)
{
  add_catalogue (fixture);
  mk_cli_test_run (fixture, "add", "item", "--code", "BLK", "--name_en", "Blanket", "--name_ar",
                   "بطانية", "--category", "nfi", "--unit", "piece", NULL);
  mk_cli_test_assert_ok (fixture, NULL);

  /* بطانيه with ha finds بطانية with ta marbuta; the search is case-blind. */
  mk_cli_test_run (fixture, "list", "items", "--search", "بطانيه", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "BLK\tBlanket\tبطانية\t");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 1);
  mk_cli_test_run (fixture, "list", "items", "--search", "BLANK", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "BLK\t");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 1);

  /* Names in either language, codes, and nothing. */
  mk_cli_test_run (fixture, "list", "items", "--search", "hygiene", "--format", "tsv", NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 2);
  mk_cli_test_run (fixture, "list", "items", "--search", "صابون", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "SOAP\t");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 1);
  mk_cli_test_run (fixture, "list", "items", "--search", "hk-", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "HK-BIG\t");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 1);
  mk_cli_test_run (fixture, "list", "items", "--search", "tent", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "[]\n");
}

/* Import -------------------------------------------------------------------------- */

typedef struct
{
  const char *what;
  const char *csv;
  guint       n_rows;
  const char *kind;     /* listed afterwards */
  const char *expected; /* in the TSV list */
} ImportCase;

/* clang-format off */
static const ImportCase import_cases[] = {
  { "items",
    "\xEF\xBB\xBF" "code;Name (English);name_ar;category;unit;weight_kg;volume_m3;tracks_lots\r\n"
    "BLK-HT;\"Blanket; high \"\"thermal\"\"\";بطانية حرارية;nfi;piece;2;0.008;no\r\n"
    "TP;Toothpaste;معجون أسنان;wash;tube;0.1;;yes\r\n",
    2, "items", "BLK-HT\tBlanket; high \"thermal\"\tبطانية حرارية\tnfi\tpiece\t2\t0.008\t1\tno\t" },
  { "kits", "kit_code,component_code,quantity\nHK,SOAP,4\nHK,BRUSH,5\n", 2, NULL, NULL },
  { "warehouses", "code,name_en,type,baladiya\nTRP-MAIN,Tripoli main,main,LY021104\n"
                  "SEB-FIELD,Sabha field store,field,سبها\n",
    2, "warehouses", "SEB-FIELD\tSabha field store\t\tfield\tLY031901\t" },
  { "sites", "code,name_en,type,baladiya,sensitive,capacity\n"
             "DP-ZWARA,Zwara disembarkation point,disembarkation_point,Zwara,yes,150\n",
    1, "sites",
    "DP-ZWARA\tZwara disembarkation point\t\tdisembarkation_point\tLY021503\tyes\t150\tyes\n" },
  { "donors", "code,name_en,name_ar\nBHA,USAID BHA,\nGFFO,German Federal Foreign Office,"
              "وزارة الخارجية الألمانية\n",
    2, "donors", "GFFO\tGerman Federal Foreign Office\tوزارة الخارجية الألمانية\tyes\n" },
  { "grants", "code,donor,name_en,start_date,end_date,sector\n"
              "ECHO-2027,ECHO,ECHO 2027,2027-01-01,2027-12-31,WSH\n",
    1, "grants", "ECHO-2027\tECHO\tECHO 2027\t\t2027-01-01\t2027-12-31\tWSH\tyes\n" },
  { "partners", "code,name_en,contact,phone\nDRC,Danish Refugee Council,Shelter coordinator,"
                "+218 92 555 0203\n",
    1, "partners", "DRC\tDanish Refugee Council\t\tShelter coordinator\t+218 92 555 0203\tyes\n" },
};
/* clang-format on */

static void
test_import (MkCliTest    *fixture,
             gconstpointer data)
{
  const ImportCase *ic = data;
  g_autofree char  *name = g_strconcat (ic->what, ".csv", NULL);
  g_autofree char  *path = mk_cli_test_write_file (fixture, name, ic->csv);
  g_autofree char  *message = g_strdup_printf ("Imported %u row%s from %s.\n", ic->n_rows,
                                              ic->n_rows == 1 ? "" : "s", name);

  add_catalogue (fixture);
  if (g_str_equal (ic->what, "kits"))
    {
      mk_cli_test_run (fixture, "kit", "clear", "HK", NULL);
      mk_cli_test_assert_ok (fixture, NULL);
    }

  mk_cli_test_run (fixture, "import", ic->what, path, NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, message);

  if (ic->kind != NULL)
    {
      mk_cli_test_run (fixture, "list", ic->kind, "--format", "tsv", NULL);
      mk_cli_test_assert_ok (fixture, ic->expected);
    }
  else
    {
      mk_cli_test_run (fixture, "kit", "show", "HK", "--format", "tsv", NULL);
      mk_cli_test_assert_ok (fixture, "BRUSH\t5\t");
      g_assert_nonnull (strstr (fixture->out, "SOAP\t4\t"));
    }

  /* The same file again updates the same records. */
  mk_cli_test_run (fixture, "import", ic->what, name, NULL);
  mk_cli_test_assert_ok (fixture, "Imported");
}

/* Bad input: one message, exit status 1, nothing changed ----------------------------- */

typedef struct
{
  const char *name;
  const char *args[24]; /* after --db; "@" is replaced by the path of the file below */
  const char *file;     /* contents of bad.csv, or NULL */
  int         status;
  const char *texts[4];   /* in the message */
  gboolean    has_column; /* a CSV message that should name the line and the column */
} BadCase;

#define LONG_NAME_MARK "LONG-NAME"

/* clang-format off */
static const BadCase bad_cases[] = {
  { "duplicate-code",
    { "add", "item", "--code", "soap", "--name_en", "Soap", "--category", "wash", "--unit", "bar",
      NULL },
    NULL, 1, { "soap", "already", NULL } },
  { "unknown-unit",
    { "add", "item", "--code", "X1", "--name_en", "X", "--category", "wash", "--unit", "barrel",
      NULL },
    NULL, 1, { "barrel", "piece", NULL } },
  { "unknown-unit-csv", { "import", "items", "@", NULL },
    "code,name_en,category,unit\nX1,X,wash,piece\nX2,Y,wash,barrel\n", 1,
    { "bad.csv", "line 3", "barrel", NULL }, TRUE },
  { "unknown-baladiya",
    { "add", "warehouse", "--code", "W1", "--name_en", "W", "--type", "main", "--baladiya",
      "Atlantis", NULL },
    NULL, 1, { "Atlantis", "P-code", NULL } },
  { "unknown-baladiya-csv", { "import", "sites", "@", NULL },
    "code,name_en,type,baladiya\nS1,Site,other,Atlantis\n", 1,
    { "bad.csv", "line 2", "Atlantis", NULL }, TRUE },
  { "unknown-donor",
    { "add", "grant", "--code", "G1", "--donor", "NOBODY", "--name_en", "G", "--start_date",
      "2026-01-01", "--end_date", "2026-02-01", "--sector", "SHL", NULL },
    NULL, 1, { "NOBODY", NULL } },
  { "grant-ends-before-it-starts",
    { "add", "grant", "--code", "G1", "--donor", "ECHO", "--name_en", "G", "--start_date",
      "2026-03-01", "--end_date", "2026-02-01", "--sector", "SHL", NULL },
    NULL, 1, { "2026-03-01", NULL } },
  { "bad-date",
    { "add", "grant", "--code", "G1", "--donor", "ECHO", "--name_en", "G", "--start_date",
      "2026-02-30", "--end_date", "2026-12-01", "--sector", "SHL", NULL },
    NULL, 1, { "Start date", NULL } },
  { "kit-contains-itself", { "kit", "set", "HK", "HK=1", NULL }, NULL, 1,
    { "HK", "itself", NULL } },
  { "kit-contains-itself-through-another", { "kit", "set", "HK", "SOAP=1", "HK-BIG=1", NULL },
    NULL, 1, { "HK-BIG", "itself", NULL } },
  { "kit-contains-itself-csv", { "import", "kits", "@", NULL },
    "kit_code,component_code,quantity\nHK,HK-BIG,1\n", 1, { "bad.csv", "itself", NULL } },
  { "kit-unknown-component", { "kit", "set", "HK", "SOAP=4", "TENT=1", NULL }, NULL, 1,
    { "TENT", NULL } },
  { "kit-zero-quantity", { "kit", "set", "HK", "SOAP=0", NULL }, NULL, 1, { "SOAP", NULL } },
  { "kit-text-quantity", { "kit", "set", "HK", "SOAP=four", NULL }, NULL, 1,
    { "SOAP", "four", NULL } },
  { "kit-not-a-kit", { "kit", "set", "SOAP", "BRUSH=1", NULL }, NULL, 1,
    { "SOAP", "not a kit", NULL } },
  { "kit-stops-being-a-kit", { "edit", "item", "HK", "--is_kit", "no", NULL }, NULL, 1,
    { "HK", NULL } },
  { "empty-name",
    { "add", "item", "--code", "X1", "--name_en", "  ", "--category", "wash", "--unit", "bar",
      NULL },
    NULL, 1, { "Name (English)", NULL } },
  { "empty-name-edit", { "edit", "item", "SOAP", "--name-en=", NULL }, NULL, 1,
    { "Name (English)", NULL } },
  { "empty-name-csv", { "import", "donors", "@", NULL }, "code,name_en\nD1,Donor one\nD2,\n", 1,
    { "bad.csv", "line 3", "column 2", NULL }, TRUE },
  { "negative-weight",
    { "add", "item", "--code", "X1", "--name_en", "X", "--category", "wash", "--unit", "bar",
      "--weight_kg", "-2", NULL },
    NULL, 1, { "Unit weight (kg)", NULL } },
  { "negative-weight-csv", { "import", "items", "@", NULL },
    "code,name_en,category,unit,weight_kg\nX1,X,wash,bar,-0.5\n", 1,
    { "bad.csv", "line 2", "column 5", NULL }, TRUE },
  { "text-in-number-column", { "import", "items", "@", NULL },
    "code,name_en,category,unit,weight_kg\nX1,X,wash,bar,1\nX2,Y,wash,bar,heavy\n", 1,
    { "bad.csv", "line 3", "column 5", "heavy" }, TRUE },
  { "text-in-number-option",
    { "add", "site", "--code", "S1", "--name_en", "S", "--type", "other", "--baladiya",
      "LY021104", "--capacity", "many", NULL },
    NULL, 1, { "many", NULL } },
  { "missing-column", { "import", "items", "@", NULL }, "code,name_en,category\nX1,X,wash\n", 1,
    { "bad.csv", "unit", NULL } },
  { "unknown-column", { "import", "items", "@", NULL },
    "code,name_en,category,unit,colour\nX1,X,wash,bar,red\n", 1,
    { "bad.csv", "column 5", "colour", NULL }, TRUE },
  { "too-many-values", { "import", "donors", "@", NULL }, "code,name_en\nD1,Donor,extra\n", 1,
    { "bad.csv", "line 2", NULL } },
  { "empty-file", { "import", "donors", "@", NULL }, "", 1, { "bad.csv", NULL } },
  { "header-only", { "import", "donors", "@", NULL }, "code,name_en\n", 1, { "bad.csv", NULL } },
  { "bad-code",
    { "add", "item", "--code", "HK 01", "--name_en", "X", "--category", "wash", "--unit", "bar",
      NULL },
    NULL, 1, { "HK 01", NULL } },
  { "long-name",
    { "add", "item", "--code", "X1", "--name_en", LONG_NAME_MARK, "--category", "wash", "--unit",
      "bar", NULL },
    NULL, 1, { "10000", NULL } },
  { "long-name-csv", { "import", "items", "@", NULL }, "code,name_en,category,unit\n"
    "X1," LONG_NAME_MARK ",wash,bar\n", 1, { "bad.csv", "line 2", "column 2", "10000" }, TRUE },
  { "line-break-in-name-csv", { "import", "donors", "@", NULL },
    "code,name_en\nD1,\"two\nlines\"\n", 1, { "bad.csv", "line 2", "column 2", NULL }, TRUE },
  { "unknown-field-edit", { "edit", "item", "SOAP", "--colour", "red", NULL }, NULL, 2,
    { "--colour", NULL } },
  { "edit-unknown-record", { "edit", "item", "TENT", "--name_en", "Tent", NULL }, NULL, 1,
    { "TENT", NULL } },
  { "show-unknown-record", { "show", "grant", "NONE-2026", NULL }, NULL, 1, { "NONE-2026", NULL } },
  { "office-number-fixed", { "edit", "office", "BEN", "--number", "9", NULL }, NULL, 1,
    { "Office number", NULL } },
  { "import-missing-file", { "import", "items", "no-such-file.csv", NULL }, NULL, 1,
    { "no-such-file.csv", NULL } },
  { "import-directory", { "import", "items", ".", NULL }, NULL, 1, { NULL } },
  { "empty-user", { "--user", "", "add", "donor", "--code", "D9", "--name_en", "D", NULL }, NULL,
    2, { "--user", NULL } },
};
/* clang-format on */

static void
test_bad_input (MkCliTest    *fixture,
                gconstpointer data)
{
  const BadCase *bc = data;
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *long_name = g_strnfill (10000, 'n');
  g_autofree char *message = NULL;

  add_catalogue (fixture);
  mk_cli_test_run (fixture, "kit", "set", "HK-BIG", "HK=1", "SOAP=2", NULL);
  mk_cli_test_assert_ok (fixture, NULL);

  if (bc->file != NULL)
    {
      g_autofree char *contents = NULL;
      const char      *mark = strstr (bc->file, LONG_NAME_MARK);

      if (mark != NULL)
        contents = g_strdup_printf ("%.*s%s%s", (int) (mark - bc->file), bc->file, long_name,
                                    mark + strlen (LONG_NAME_MARK));
      path = mk_cli_test_write_file (fixture, "bad.csv", contents != NULL ? contents : bc->file);
    }

  for (guint i = 0; bc->args[i] != NULL; i++)
    {
      const char *arg = bc->args[i];
      if (g_str_equal (arg, "@"))
        arg = path;
      else if (g_str_equal (arg, LONG_NAME_MARK))
        arg = long_name;
      g_ptr_array_add (args, g_strdup (arg));
    }
  g_ptr_array_add (args, NULL);

  before = mk_cli_test_snapshot (fixture);
  mk_cli_test_run_args (fixture, (const char *const *) args->pdata);
  g_test_message ("%s: %s", bc->name, fixture->err);
  mk_cli_test_assert_fails (fixture, bc->status, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bc->texts) && bc->texts[i] != NULL; i++)
    if (strstr (fixture->err, bc->texts[i]) == NULL)
      {
        g_error ("expected “%s” in: %s", bc->texts[i], fixture->err);
      }
  /* A 10,000-character value is not echoed back whole. */
  g_assert_cmpuint (strlen (fixture->err), <, 1000);
  message = g_strdup (fixture->err);
  mk_cli_test_assert_unchanged (fixture, before);

  /* Where a CSV value is refused, the message names its line and its column. */
  if (bc->has_column && strstr (message, "column") == NULL)
    g_error ("“%s” does not name the column", message);
}

/* Names with quotes and semicolons, on the command line and in CSV, come
 * back exactly. */
static void
test_quotes (MkCliTest    *fixture,
             gconstpointer data)
{
  const char      *name = "Soap \"Lux\"; 250 g; ‘scented’ \\ 50%";
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;

  mk_cli_test_run (fixture, "add", "item", "--code", "SOAP-LUX", "--name_en", name, "--name_ar",
                   "صابون \"لوكس\"؛ 250 غ", "--category", "wash", "--unit", "bar", NULL);
  mk_cli_test_assert_ok (fixture, "SOAP-LUX");
  mk_cli_test_run (fixture, "show", "item", "SOAP-LUX", NULL);
  mk_cli_test_assert_ok (fixture, name);
  mk_cli_test_run (fixture, "show", "item", "SOAP-LUX", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture,
                         "SOAP-LUX\tSoap \"Lux\"; 250 g; ‘scented’ \\\\ 50%\t"
                         "صابون \"لوكس\"؛ 250 غ\t");
  mk_cli_test_run (fixture, "show", "item", "SOAP-LUX", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"name_en\": \"Soap \\\"Lux\\\"; 250 g; ‘scented’ \\\\ 50%\"");
  mk_cli_test_assert_json (fixture->out, '{');

  /* The same through a semicolon-separated CSV file. */
  csv = g_strdup ("code;name_en;category;unit\n"
                  "SOAP-CSV;\"Soap \"\"Lux\"\"; 250 g; ‘scented’ \\ 50%\";wash;bar\n");
  path = mk_cli_test_write_file (fixture, "quotes.csv", csv);
  mk_cli_test_run (fixture, "import", "items", path, NULL);
  mk_cli_test_assert_ok (fixture, "Imported 1 row");
  mk_cli_test_run (fixture, "list", "items", "--search", "lux", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "SOAP-CSV\tSoap \"Lux\"; 250 g; ‘scented’ \\\\ 50%\t");
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 2);

  /* A search for a LIKE wildcard finds only the names that have it. */
  mk_cli_test_run (fixture, "list", "items", "--search", "%", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 2);
}

/* Databases that are not there or not databases ------------------------------------ */

static void
test_bad_database (MkCliTest    *fixture,
                   gconstpointer data)
{
  g_autofree char *text = mk_cli_test_write_file (fixture, "notes.txt",
                                                  "Stock on 1 March: 40 blankets\n");
  g_autofree char *folder = g_build_filename (fixture->dir, "a folder", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.makhzan", NULL);
  g_autofree char *contents = NULL;
  const char      *on_text[] = { "--db", text, "list", "items", NULL };
  const char      *on_text_add[] = { "--db", text, "add", "donor", "--code", "D", "--name_en", "D",
                                     NULL };
  const char      *on_folder[] = { "--db", folder, "list", "items", NULL };
  const char      *on_missing[] = { "--db", missing, "list", "items", NULL };
  const char      *import_folder[] = { "--db", missing, "import", "items", folder, NULL };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  mk_cli_test_run_argv (fixture, on_text);
  mk_cli_test_assert_fails (fixture, 1, "notes.txt", "not a Makhzan database", NULL);
  mk_cli_test_run_argv (fixture, on_text_add);
  mk_cli_test_assert_fails (fixture, 1, "notes.txt", "not a Makhzan database", NULL);
  g_file_get_contents (text, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "Stock on 1 March: 40 blankets\n");

  mk_cli_test_run_argv (fixture, on_folder);
  mk_cli_test_assert_fails (fixture, 1, "a folder", NULL);

  mk_cli_test_run_argv (fixture, on_missing);
  mk_cli_test_assert_fails (fixture, 1, "missing.makhzan", NULL);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  mk_cli_test_run_argv (fixture, import_folder);
  mk_cli_test_assert_fails (fixture, 1, NULL);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* $MAKHZAN_DB names the database when --db does not. */
  {
    g_auto (GStrv) saved = g_strdupv (fixture->env);
    const char *list[] = { "list", "offices", "--format", "tsv", NULL };

    mk_cli_test_run (fixture, "init", "--code", "BEN", "--number", "2", "--name", "Benghazi office",
                     NULL);
    mk_cli_test_assert_ok (fixture, NULL);
    fixture->env = g_environ_setenv (fixture->env, "MAKHZAN_DB", fixture->db, TRUE);
    mk_cli_test_run_argv (fixture, list);
    mk_cli_test_assert_ok (fixture, "BEN\t2\tBenghazi office");
    g_strfreev (fixture->env);
    fixture->env = g_steal_pointer (&saved);
  }
}

/* Without --db or $MAKHZAN_DB, the database is makhzan/makhzan.db in the
 * user data folder, which init creates. */
static void
test_default_path (MkCliTest    *fixture,
                   gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "makhzan", "makhzan.db", NULL);
  const char      *init[] = { "init", "--code", "TRP", "--number", "1", "--name", "Tripoli", NULL };
  const char      *list[] = { "list", "offices", "--format", "tsv", NULL };

#ifdef G_OS_WIN32
  /* The user data folder does not follow XDG_DATA_HOME there. */
  g_test_skip ("the user data folder cannot be redirected on Windows");
  return;
#endif
  mk_cli_test_run_argv (fixture, list);
  mk_cli_test_assert_fails (fixture, 1, "makhzan.db", NULL);
  mk_cli_test_run_argv (fixture, init);
  mk_cli_test_assert_ok (fixture, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  mk_cli_test_run_argv (fixture, list);
  mk_cli_test_assert_ok (fixture, "TRP\t1\tTripoli\t");
}

/* Arabic file names work as any other. */
static void
test_arabic_path (MkCliTest    *fixture,
                  gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "مكتب بنغازي.makhzan", NULL);
  g_autofree char *csv = mk_cli_test_write_file (fixture, "أصناف.csv",
                                                 "code,name_en,category,unit\n"
                                                 "BLK,Blanket,nfi,piece\n");
  const char      *init[] = { "--db", path, "init", "--code", "BEN", "--number", "2", "--name",
                              "Benghazi office", NULL };
  const char      *import[] = { "--db", path, "import", "items", csv, NULL };

  mk_cli_test_run_argv (fixture, init);
  mk_cli_test_assert_ok (fixture, "مكتب بنغازي.makhzan");
  mk_cli_test_run_argv (fixture, import);
  mk_cli_test_assert_ok (fixture, "أصناف.csv");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Scripts often run without a locale (LANG=C): Arabic arguments and
 * output are UTF-8 all the same; text that is not is refused. */
static void
test_c_locale (MkCliTest    *fixture,
               gconstpointer data)
{
  fixture->env = g_environ_setenv (fixture->env, "LANG", "C", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "LC_ALL", "C", TRUE);

  mk_cli_test_run (fixture, "--user", "سالم", "add", "donor", "--code", "LHF", "--name_en",
                   "Libya Humanitarian Fund", "--name_ar", "صندوق ليبيا الإنساني", NULL);
  mk_cli_test_assert_ok (fixture, "LHF");
  mk_cli_test_run (fixture, "list", "donors", "--search", "صندوق", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "LHF\tLibya Humanitarian Fund\tصندوق ليبيا الإنساني\tyes\n");
  mk_cli_test_run (fixture, "list", "audit", "--limit", "1", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "\tسالم\t");

  mk_cli_test_run (fixture, "add", "donor", "--code", "BAD", "--name_en", "Caf\xe9", NULL);
  mk_cli_test_assert_fails (fixture, 2, "Caf", NULL);
  g_assert_true (g_utf8_validate (fixture->err, -1, NULL));
  mk_cli_test_run (fixture, "show", "donor", "\xff\xfe", NULL);
  mk_cli_test_assert_fails (fixture, 2, NULL);
  g_assert_true (g_utf8_validate (fixture->err, -1, NULL));
}

/* The user ----------------------------------------------------------------------------- */

static void
test_user (MkCliTest    *fixture,
           gconstpointer data)
{
  g_autofree char *before = NULL;

  mk_cli_test_run (fixture, "--user", "Amal", "--function", "Logistics officer", "add", "donor",
                   "--code", "LHF", "--name_en", "Libya Humanitarian Fund", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  /* Global options may follow the command too. */
  mk_cli_test_run (fixture, "edit", "donor", "LHF", "--name_ar", "صندوق ليبيا الإنساني", "--user",
                   "سالم", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "list", "audit", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "\tAmal\tLogistics officer\tcreate\tdonors\t");
  g_assert_nonnull (strstr (fixture->out, "\tسالم\t" FUNCTION "\tupdate\tdonors\t"));

  /* Reading records no one: the database does not change. */
  before = mk_cli_test_snapshot (fixture);
  mk_cli_test_run (fixture, "--user", "Somebody new", "list", "donors", NULL);
  mk_cli_test_assert_ok (fixture, "LHF");
  mk_cli_test_run (fixture, "--user", "Somebody new", "show", "donor", "LHF", NULL);
  mk_cli_test_assert_ok (fixture, "LHF");
  mk_cli_test_assert_unchanged (fixture, before);
}

/* Arabic interface --------------------------------------------------------------- */

static void
test_arabic_interface (MkCliTest    *fixture,
                       gconstpointer data)
{
  const char *help[] = { "--help", NULL };

  add_catalogue (fixture);
  fixture->env = g_environ_setenv (fixture->env, "LANGUAGE", "ar", TRUE);

  mk_cli_test_run (fixture, "list", "items", NULL);
  mk_cli_test_assert_ok (fixture, "حقيبة نظافة");
  mk_cli_test_run (fixture, "show", "item", "HK", NULL);
  mk_cli_test_assert_ok (fixture, "SOAP");
  /* Machine formats do not depend on the language. */
  mk_cli_test_run (fixture, "list", "items", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "code\tname_en\t");
  g_assert_nonnull (strstr (fixture->out, "\tyes\t"));
  mk_cli_test_run (fixture, "list", "items", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"is_kit\": true");
  mk_cli_test_run_argv (fixture, help);
  mk_cli_test_assert_ok (fixture, NULL);
  mk_cli_test_run (fixture, "show", "item", "NOTHING", NULL);
  mk_cli_test_assert_fails (fixture, 1, "NOTHING", NULL);
}

/* The demo --------------------------------------------------------------------------------- */

static void
test_demo (MkCliTest    *fixture,
           gconstpointer data)
{
  static const char *const kits[] = {
    "HK-PERS", "HK-FAM", "DIGNITY-KIT", "KITCHEN-B", "BEDDING-SET", "SHELTER-KIT", "WINTER-KIT"
  };
  g_autofree char *second = g_build_filename (fixture->dir, "second.makhzan", NULL);
  g_autofree char *before = NULL;
  g_autoptr (GString) first_lists = g_string_new (NULL);
  g_autoptr (GString) second_lists = g_string_new (NULL);
  const char *demo_out[] = { "--db", fixture->db, "demo", "--out", second, NULL };

#ifndef MK_DEMO_DATA
  g_test_skip ("makhzan-cli was built without the demo (-Ddemo_data=false)");
  return;
#endif

  mk_cli_test_run (fixture, "demo", NULL);
  mk_cli_test_assert_ok (fixture, "demo");

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      mk_cli_test_run (fixture, "list", kind_names[i], "--format", "tsv", NULL);
      mk_cli_test_assert_ok (fixture, NULL);
      g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), >, 0);
      g_string_append (first_lists, fixture->out);
    }
  mk_cli_test_run (fixture, "show", "office", "TRP", NULL);
  mk_cli_test_assert_ok (fixture, "Tripoli country office");
  g_assert_nonnull (strstr (fixture->out, "المكتب القطري في طرابلس"));

  mk_cli_test_run (fixture, "list", "warehouses", "--format", "tsv", NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), ==, 4);
  g_assert_nonnull (strstr (fixture->out, "\tmain\tLY021104\t"));
  mk_cli_test_run (fixture, "list", "sites", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"type\": \"detention_centre\"");
  g_assert_nonnull (strstr (fixture->out, "\"type\": \"disembarkation_point\""));
  g_assert_nonnull (strstr (fixture->out, "\"type\": \"urban_community\""));
  g_assert_nonnull (strstr (fixture->out, "\"type\": \"collective_shelter\""));
  mk_cli_test_run (fixture, "list", "sites", "--format", "tsv", NULL);
  g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), >=, 12);
  mk_cli_test_run (fixture, "show", "item", "SOAP-BATH", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"tracks_lots\": true");
  g_assert_nonnull (strstr (fixture->out, "\"weight_kg\": 0.25"));
  g_assert_nonnull (strstr (fixture->out, "صابون"));

  for (guint i = 0; i < G_N_ELEMENTS (kits); i++)
    {
      mk_cli_test_run (fixture, "kit", "show", kits[i], "--format", "tsv", NULL);
      mk_cli_test_assert_ok (fixture, NULL);
      g_assert_cmpuint (mk_cli_test_assert_tsv (fixture->out, "code\t"), >, 0);
      mk_cli_test_run (fixture, "show", "item", kits[i], "--format", "json", NULL);
      mk_cli_test_assert_ok (fixture, "\"is_kit\": true");
      /* A kit weighs what its components weigh. */
      g_assert_null (strstr (fixture->out, "\"weight_kg\": 0,"));
    }
  mk_cli_test_run (fixture, "kit", "show", "HK-FAM", "--format", "tsv", NULL);
  mk_cli_test_assert_ok (fixture, "SOAP-BATH\t5\tbar\t");
  mk_cli_test_run (fixture, "show", "item", "HK-FAM", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, "\"weight_kg\": 5.81");
  mk_cli_test_run (fixture, "check", NULL);
  mk_cli_test_assert_ok (fixture, NULL);

  /* Never over an existing database. */
  before = mk_cli_test_snapshot (fixture);
  mk_cli_test_run (fixture, "demo", NULL);
  mk_cli_test_assert_fails (fixture, 1, "already exists", NULL);
  mk_cli_test_assert_unchanged (fixture, before);

  /* The same demo every time. */
  mk_cli_test_run_argv (fixture, demo_out);
  mk_cli_test_assert_ok (fixture, "second.makhzan");
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      const char *list[] = { "--db", second, "list", kind_names[i], "--format", "tsv", NULL };
      mk_cli_test_run_argv (fixture, list);
      mk_cli_test_assert_ok (fixture, NULL);
      g_string_append (second_lists, fixture->out);
    }
  g_assert_cmpstr (first_lists->str, ==, second_lists->str);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, setup, func, data) \
  g_test_add (path, MkCliTest, data, setup, func, mk_cli_test_tear_down)

  ADD ("/cli/help", fixture_set_up_empty, test_help, NULL);
  ADD ("/cli/init", fixture_set_up_empty, test_init, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kind_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/kind/%s", kind_cases[i].kind);
      ADD (path, fixture_set_up, test_kind, &kind_cases[i]);
    }
  ADD ("/cli/list/formats", fixture_set_up, test_list_formats, NULL);
  ADD ("/cli/show/kit", fixture_set_up, test_show_kit, NULL);
  ADD ("/cli/search/places", fixture_set_up, test_search_places, NULL);
  ADD ("/cli/search/items", fixture_set_up, test_search_items, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (import_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/import/%s", import_cases[i].what);
      ADD (path, fixture_set_up, test_import, &import_cases[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/bad/%s", bad_cases[i].name);
      ADD (path, fixture_set_up, test_bad_input, &bad_cases[i]);
    }
  ADD ("/cli/quotes", fixture_set_up, test_quotes, NULL);
  ADD ("/cli/bad-database", fixture_set_up_empty, test_bad_database, NULL);
  ADD ("/cli/default-path", fixture_set_up_empty, test_default_path, NULL);
  ADD ("/cli/arabic/path", fixture_set_up_empty, test_arabic_path, NULL);
  ADD ("/cli/arabic/interface", fixture_set_up, test_arabic_interface, NULL);
  ADD ("/cli/arabic/c-locale", fixture_set_up, test_c_locale, NULL);
  ADD ("/cli/user", fixture_set_up, test_user, NULL);
  ADD ("/cli/demo", fixture_set_up_empty, test_demo, NULL);

  return g_test_run ();
}
