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
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#define USER "Test Storekeeper"
#define FUNCTION "Storekeeper"

typedef struct
{
  char  *dir;
  char  *db; /* the database file */
  char **env;
  int    status; /* of the last run */
  char  *out;    /* its standard output */
  char  *err;    /* its standard error */
} Fixture;

/* Running the program -------------------------------------------------------- */

static const char *
cli_path (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *env = g_getenv ("MAKHZAN_CLI");
      if (env != NULL && *env != '\0')
        path = g_strdup (env);
      else
        path = g_build_filename (g_getenv ("MAKHZAN_BUILD_ROOT"), "src", "cli", "makhzan-cli",
                                 NULL);
    }
  return path;
}

/* Runs "makhzan-cli --db DB ARGS…". */
static int
run_args (Fixture           *fixture,
          const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);

  g_ptr_array_add (argv, (gpointer) cli_path ());
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fixture->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (fixture->dir, (char **) argv->pdata, fixture->env, G_SPAWN_DEFAULT, NULL, NULL,
                &fixture->out, &fixture->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    fixture->status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    fixture->status = error->code;
  else
    {
      /* Killed by a signal: a crash, an assertion or a fatal warning. */
      g_test_message ("makhzan-cli %s: %s\n%s", args[0] ? args[0] : "", error->message,
                      fixture->err);
      g_assert_not_reached ();
    }
  return fixture->status;
}

static int G_GNUC_NULL_TERMINATED
run (Fixture    *fixture,
     const char *first,
     ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list     ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_args (fixture, (const char *const *) args->pdata);
}

/* The last run succeeded, wrote nothing on standard error, and printed @text
 * (if not NULL) somewhere in its output. */
static void
assert_ok (Fixture    *fixture,
           const char *text)
{
  if (fixture->status != 0)
    g_test_message ("exit %d: %s", fixture->status, fixture->err);
  g_assert_cmpint (fixture->status, ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  if (text != NULL && strstr (fixture->out, text) == NULL)
    {
      g_test_message ("expected “%s” in:\n%s", text, fixture->out);
      g_assert_not_reached ();
    }
}

static void
assert_out_has (Fixture    *fixture,
                const char *text)
{
  if (strstr (fixture->out, text) == NULL)
    {
      g_test_message ("expected “%s” in:\n%s", text, fixture->out);
      g_assert_not_reached ();
    }
}

static void
assert_out_lacks (Fixture    *fixture,
                  const char *text)
{
  if (strstr (fixture->out, text) != NULL)
    {
      g_test_message ("did not expect “%s” in:\n%s", text, fixture->out);
      g_assert_not_reached ();
    }
}

/* The last run failed with @status and one line, "makhzan-cli: …", naming
 * every one of the NULL-terminated @texts. */
static void G_GNUC_NULL_TERMINATED
assert_fails (Fixture *fixture,
              int      status,
              ...)
{
  const char *newline;
  const char *text;
  va_list     ap;

  if (fixture->status != status)
    g_test_message ("expected exit %d, got %d: %s%s", status, fixture->status, fixture->out,
                    fixture->err);
  g_assert_cmpint (fixture->status, ==, status);
  g_assert_true (g_str_has_prefix (fixture->err, "makhzan-cli: "));
  newline = strchr (fixture->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpint (newline[1], ==, '\0');
  g_assert_cmpstr (fixture->out, ==, "");

  va_start (ap, status);
  while ((text = va_arg (ap, const char *)) != NULL)
    if (strstr (fixture->err, text) == NULL)
      {
        g_test_message ("expected “%s” in: %s", text, fixture->err);
        g_assert_not_reached ();
      }
  va_end (ap);
}

/* The whole database as the program shows it. */
static char *
snapshot (Fixture *fixture)
{
  GString *all = g_string_new (NULL);

  run (fixture, "dump", NULL);
  assert_ok (fixture, NULL);
  g_string_append (all, fixture->out);
  run (fixture, "doc", "list", "--format", "tsv", NULL);
  assert_ok (fixture, NULL);
  g_string_append (all, fixture->out);
  run (fixture, "stock", "--format", "tsv", NULL);
  assert_ok (fixture, NULL);
  g_string_append (all, fixture->out);
  run (fixture, "list", "audit", "--limit", "1000000", "--format", "json", NULL);
  assert_ok (fixture, NULL);
  g_string_append (all, fixture->out);
  return g_string_free (all, FALSE);
}

static void
assert_unchanged (Fixture    *fixture,
                  const char *before)
{
  g_autofree char *status_out = g_strdup (fixture->out);
  g_autofree char *status_err = g_strdup (fixture->err);
  g_autofree char *after = snapshot (fixture);

  if (g_strcmp0 (before, after) != 0)
    g_test_message ("the database changed after: %s%s", status_out, status_err);
  g_assert_cmpstr (before, ==, after);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* Checking what programs read --------------------------------------------------- */

/* A small JSON reader: enough to prove that the output is well formed. */
static gboolean parse_json_value (const char **p);

static void
skip_space (const char **p)
{
  while (**p == ' ' || **p == '\n' || **p == '\t' || **p == '\r')
    (*p)++;
}

static gboolean
parse_json_string (const char **p)
{
  if (**p != '"')
    return FALSE;
  for ((*p)++; **p != '"'; (*p)++)
    {
      if ((guchar) * *p < 0x20)
        return FALSE;
      if (**p == '\\')
        {
          (*p)++;
          if (**p == 'u')
            {
              for (int i = 1; i <= 4; i++)
                if (!g_ascii_isxdigit ((*p)[i]))
                  return FALSE;
              *p += 4;
            }
          else if (strchr ("\"\\/bfnrt", **p) == NULL || **p == '\0')
            return FALSE;
        }
    }
  (*p)++;
  return TRUE;
}

static gboolean
parse_json_value (const char **p)
{
  skip_space (p);
  switch (**p)
    {
    case '{':
    case '[':
      {
        char     close = **p == '{' ? '}' : ']';
        gboolean object = close == '}';

        (*p)++;
        skip_space (p);
        if (**p == close)
          {
            (*p)++;
            return TRUE;
          }
        while (TRUE)
          {
            skip_space (p);
            if (object)
              {
                if (!parse_json_string (p))
                  return FALSE;
                skip_space (p);
                if (**p != ':')
                  return FALSE;
                (*p)++;
              }
            if (!parse_json_value (p))
              return FALSE;
            skip_space (p);
            if (**p == ',')
              {
                (*p)++;
                continue;
              }
            if (**p != close)
              return FALSE;
            (*p)++;
            return TRUE;
          }
      }
    case '"':
      return parse_json_string (p);
    case 't':
      return g_str_has_prefix (*p, "true") ? (*p += 4, TRUE) : FALSE;
    case 'f':
      return g_str_has_prefix (*p, "false") ? (*p += 5, TRUE) : FALSE;
    case 'n':
      return g_str_has_prefix (*p, "null") ? (*p += 4, TRUE) : FALSE;
    default:
      {
        const char *start = *p;
        if (**p == '-')
          (*p)++;
        while (g_ascii_isdigit (**p) || **p == '.')
          (*p)++;
        return *p > start && g_ascii_isdigit ((*p)[-1]);
      }
    }
}

static void
assert_json (const char *text,
             char        first)
{
  const char *p = text;

  skip_space (&p);
  g_assert_cmpint (*p, ==, first);
  if (!parse_json_value (&p))
    {
      g_test_message ("not JSON at “%.40s”:\n%s", p, text);
      g_assert_not_reached ();
    }
  skip_space (&p);
  g_assert_cmpint (*p, ==, '\0');
}

/* Every line of a TSV output has as many cells as the header; returns the
 * number of rows after the header. */
static guint
assert_tsv (const char *text,
            const char *header_start)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);
  guint n_tabs = 0;

  g_assert_cmpuint (n_lines, >=, 2);
  g_assert_cmpstr (lines[n_lines - 1], ==, ""); /* ends with a newline */
  if (!g_str_has_prefix (lines[0], header_start))
    {
      g_test_message ("expected a header starting “%s”:\n%s", header_start, text);
      g_assert_not_reached ();
    }
  for (const char *c = lines[0]; *c; c++)
    n_tabs += *c == '\t';
  for (guint i = 1; i + 1 < n_lines; i++)
    {
      guint tabs = 0;
      for (const char *c = lines[i]; *c; c++)
        tabs += *c == '\t';
      g_assert_cmpuint (tabs, ==, n_tabs);
    }
  return n_lines - 2;
}

/* The line of the output that contains @needle. */
static char *
line_with (Fixture    *fixture,
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
assert_line_ends (Fixture    *fixture,
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

/* The balance that "balance ARGS…" prints: one number on one line. */
static gint64 G_GNUC_NULL_TERMINATED
balance (Fixture    *fixture,
         const char *first,
         ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  char       *end = NULL;
  gint64      value;
  va_list     ap;

  g_ptr_array_add (args, (gpointer) "balance");
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_args (fixture, (const char *const *) args->pdata);
  assert_ok (fixture, NULL);
  value = g_ascii_strtoll (fixture->out, &end, 10);
  g_assert_true (end != fixture->out);
  g_assert_cmpstr (end, ==, "\n");
  return value;
}

/* Fixtures ---------------------------------------------------------------- */

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char      *build_root = g_getenv ("MAKHZAN_BUILD_ROOT");
  g_autofree char *localedir = NULL;

  fixture->dir = g_dir_make_tmp ("makhzan-cli-ledger-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "office.makhzan", NULL);
  fixture->out = g_strdup ("");
  fixture->err = g_strdup ("");

  fixture->env = g_get_environ ();
  fixture->env = g_environ_setenv (fixture->env, "MAKHZAN_USER", USER, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "MAKHZAN_FUNCTION", FUNCTION, TRUE);
  fixture->env = g_environ_unsetenv (fixture->env, "MAKHZAN_DB");
  fixture->env = g_environ_unsetenv (fixture->env, "LANGUAGE");
  /* Nothing may touch the real user's data. */
  fixture->env = g_environ_setenv (fixture->env, "XDG_DATA_HOME", fixture->dir, TRUE);
  if (build_root != NULL)
    {
      localedir = g_build_filename (build_root, "po", "locale", NULL);
      fixture->env = g_environ_setenv (fixture->env, "MAKHZAN_LOCALEDIR", localedir, TRUE);
    }

  run (fixture, "init", "--code", "BEN", "--number", "2", "--name", "Benghazi office", NULL);
  assert_ok (fixture, "BEN");
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->out);
  g_free (fixture->err);
  g_strfreev (fixture->env);
}

/* Two warehouses and a closed one, soap and toothpaste with lots, brushes
 * without, a hygiene kit (with lots, as its soap has), a kit with no
 * components, a donor and a grant. */
static void
add_catalogue (Fixture *fixture)
{
  run (fixture, "add", "warehouse", "--code", "BEN-MAIN", "--name_en", "Benghazi main warehouse",
       "--type", "main", "--baladiya", "LY010304", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "warehouse", "--code", "TRP-MAIN", "--name_en", "Tripoli main warehouse",
       "--type", "main", "--baladiya", "LY021104", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "warehouse", "--code", "BEN-OLD", "--name_en", "Old Benghazi store",
       "--type", "field", "--baladiya", "LY010304", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "edit", "warehouse", "BEN-OLD", "--active", "no", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "item", "--code", "SOAP", "--name_en", "Bathing soap, 250 g", "--name_ar",
       "صابون استحمام", "--category", "wash", "--unit", "bar", "--weight_kg", "0.25",
       "--volume_m3", "0.0003", "--tracks_lots", "yes", "--reorder_level", "1000", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "item", "--code", "TP", "--name_en", "Toothpaste", "--category", "wash",
       "--unit", "tube", "--weight_kg", "0.1", "--tracks_lots", "yes", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "item", "--code", "BRUSH", "--name_en", "Toothbrush", "--category", "wash",
       "--unit", "piece", "--weight_kg", "0.02", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "item", "--code", "HK", "--name_en", "Hygiene kit", "--name_ar",
       "حقيبة نظافة", "--category", "wash", "--unit", "kit", "--is_kit", "yes", "--tracks_lots",
       "yes", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "kit", "set", "HK", "SOAP=4", "BRUSH=5", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "item", "--code", "HK-EMPTY", "--name_en", "Kit still to be defined",
       "--category", "wash", "--unit", "kit", "--is_kit", "yes", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "donor", "--code", "ECHO", "--name_en", "ECHO", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "grant", "--code", "ECHO-2026", "--donor", "ECHO", "--name_en",
       "ECHO 2026", "--start_date", "2026-01-01", "--end_date", "2026-12-31", "--sector", "WSH",
       NULL);
  assert_ok (fixture, NULL);
}

/* 400 + 200 soap in two lots and 1000 brushes into BEN-MAIN on 1 March. */
static void
post_first_grn (Fixture *fixture)
{
  run (fixture, "doc", "new", "grn", "--date", "2026-03-01", "--warehouse", "BEN-MAIN",
       "--source", "purchase", "--supplier", "Benghazi Trading", "--reference", "PO-2026-004",
       "--line", "SOAP=400:lot=SB-1:expiry=2027-06-30:grant=ECHO-2026", "--line",
       "SOAP=200:lot=SB-2:expiry=2026-12-31:grant=ECHO-2026", "--line",
       "BRUSH=1,000:grant=ECHO-2026:remarks=cartons of 50: 20", "--post", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-GRN-2026-00001.\n");
}

/* Help and usage ------------------------------------------------------------ */

static void
test_help (Fixture      *fixture,
           gconstpointer data)
{
  run (fixture, "--help", NULL);
  assert_ok (fixture, "stock-card");
  assert_out_has (fixture, "below-reorder");
  assert_out_has (fixture, "doc ");

  run (fixture, "doc", "--help", NULL);
  assert_ok (fixture, "Actions:");
  assert_out_has (fixture, "cancel");
  assert_out_has (fixture, "reception");
  run (fixture, "help", "doc", NULL);
  assert_ok (fixture, "Actions:");

  /* A kind's header fields are the options of "doc new KIND". */
  run (fixture, "doc", "new", "grn", "--help", NULL);
  assert_ok (fixture, "--warehouse");
  assert_out_has (fixture, "--supplier");
  assert_out_has (fixture, "purchase|donation|return");
  assert_out_has (fixture, "--line");
  assert_out_has (fixture, "--lines");
  assert_out_has (fixture, "Required fields: --date, --warehouse.");
  assert_out_lacks (fixture, "--number");
  run (fixture, "doc", "new", "waybill", "--help", NULL);
  assert_ok (fixture, "--to_warehouse");
  assert_out_has (fixture, "--driver_phone");
  run (fixture, "doc", "new", "kitting", "--help", NULL);
  assert_ok (fixture, "--kit_quantity");
  run (fixture, "doc", "new", "--help", NULL);
  assert_ok (fixture, "Kinds: grn, waybill, reception");
  run (fixture, "balance", "--help", NULL);
  assert_ok (fixture, "--as-of");
  assert_out_has (fixture, "-a, --all");
  run (fixture, "stock", "--help", NULL);
  assert_ok (fixture, "--quarantine");
  assert_out_lacks (fixture, "-a, --all");
  run (fixture, "stock-card", "--help", NULL);
  assert_ok (fixture, "--limit");

  /* Usage errors exit with 2. */
  run (fixture, "doc", NULL);
  assert_fails (fixture, 2, "doc new", NULL);
  run (fixture, "doc", "frobnicate", NULL);
  assert_fails (fixture, 2, "frobnicate", NULL);
  run (fixture, "doc", "new", NULL);
  assert_fails (fixture, 2, "grn", "waybill", NULL);
  run (fixture, "doc", "new", "parcel", NULL);
  assert_fails (fixture, 2, "parcel", "grn", NULL);
  run (fixture, "doc", "new", "grn", "--colour", "red", NULL);
  assert_fails (fixture, 2, "--colour", NULL);
  run (fixture, "doc", "new", "grn", "extra", NULL);
  assert_fails (fixture, 2, "extra", NULL);
  run (fixture, "doc", "new", "grn", "--line", "SOAP", NULL);
  assert_fails (fixture, 2, "SOAP", "ITEM=QUANTITY", NULL);
  run (fixture, "doc", "new", "grn", "--line", "SOAP=1:colour=red", NULL);
  assert_fails (fixture, 2, "colour", "lot", NULL);
  run (fixture, "doc", "new", "grn", "--line", "SOAP=1:lot=A:lot=B", NULL);
  assert_fails (fixture, 2, "lot", NULL);
  run (fixture, "doc", "show", NULL);
  assert_fails (fixture, 2, "doc show", NULL);
  run (fixture, "doc", "cancel", "BEN-GRN-2026-00001", NULL);
  assert_fails (fixture, 2, "--reason", NULL);
  run (fixture, "stock-card", "--item", "SOAP", NULL);
  assert_fails (fixture, 2, "--warehouse", NULL);
  run (fixture, "stock-card", "--warehouse", "BEN-MAIN", "--item", "SOAP", "--limit", "0", NULL);
  assert_fails (fixture, 2, "--limit", NULL);
  run (fixture, "suggest-lots", "--warehouse", "BEN-MAIN", "--item", "SOAP", NULL);
  assert_fails (fixture, 2, "--quantity", NULL);
  run (fixture, "expiring", "--months", "many", NULL);
  assert_fails (fixture, 2, "--months", NULL);
  run (fixture, "in-transit", "extra", NULL);
  assert_fails (fixture, 2, "extra", NULL);
}

/* The whole flow ---------------------------------------------------------------- */

static void
test_flow (Fixture      *fixture,
           gconstpointer data)
{
  g_autofree char *line = NULL;

  add_catalogue (fixture);

  /* Goods received, with lots and expiry. */
  post_first_grn (fixture);
  g_assert_cmpint (balance (fixture, "--warehouse", "BEN-MAIN", "--item", "SOAP", NULL), ==, 600);
  g_assert_cmpint (balance (fixture, "--warehouse", "ben-main", "--item", "soap", "--lot", "SB-1",
                            NULL),
                   ==, 400);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--grant", "ECHO-2026", NULL),
                   ==, 600);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--grant", "", NULL), ==, 0);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--as-of", "2026-02-28",
                            NULL),
                   ==, 0);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--as-of", "01/03/2026",
                            NULL),
                   ==, 600);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 1000);
  g_assert_cmpint (balance (fixture, "-w", "TRP-MAIN", "-i", "SOAP", NULL), ==, 0);

  run (fixture, "balance", "-w", "BEN-MAIN", "-i", "SOAP", "--format", "json", NULL);
  assert_ok (fixture, "\"quantity\": 600");
  assert_json (fixture->out, '{');
  run (fixture, "balance", "-w", "BEN-MAIN", "-i", "SOAP", "--format", "tsv", NULL);
  assert_ok (fixture, "warehouse\tquarantine\titem\tlot\tgrant\tas_of\tquantity\n");
  assert_out_has (fixture, "BEN-MAIN\tno\tSOAP\t\t\t\t600\n");
  g_assert_cmpuint (assert_tsv (fixture->out, "warehouse\t"), ==, 1);

  /* The stock by lot, in the three formats; --all lists one item's lots. */
  run (fixture, "stock", "--warehouse", "BEN-MAIN", "--format", "tsv", NULL);
  assert_ok (fixture, "warehouse\tquarantine\titem\tname_en\tname_ar\tunit\tlot\texpiry\tgrant\t"
                      "quantity\n");
  g_assert_cmpuint (assert_tsv (fixture->out, "warehouse\t"), ==, 3);
  assert_out_has (fixture, "BEN-MAIN\tno\tSOAP\tBathing soap, 250 g\tصابون استحمام\tbar\tSB-2\t"
                           "2026-12-31\tECHO-2026\t200\n");
  assert_out_has (fixture, "BEN-MAIN\tno\tBRUSH\tToothbrush\t\tpiece\t\t\tECHO-2026\t1000\n");
  /* Soonest expiry first. */
  g_assert_true (strstr (fixture->out, "SB-2") < strstr (fixture->out, "SB-1"));
  run (fixture, "balance", "-w", "BEN-MAIN", "-i", "SOAP", "--all", "--format", "json", NULL);
  assert_ok (fixture, "\"lot\": \"SB-1\"");
  assert_json (fixture->out, '[');
  assert_out_lacks (fixture, "BRUSH");
  run (fixture, "stock", "--item", "SOAP", NULL);
  assert_ok (fixture, "Quantity");
  assert_out_has (fixture, "SB-1");

  /* The document with its lines and totals: 600 × 0.25 + 1000 × 0.02 kg. */
  run (fixture, "doc", "show", "ben-grn-2026-00001", NULL);
  assert_ok (fixture, "Goods received note");
  assert_out_has (fixture, "Benghazi Trading");
  assert_out_has (fixture, "Lines:");
  assert_out_has (fixture, "cartons of 50: 20");
  run (fixture, "doc", "show", "BEN-GRN-2026-00001", "--format", "json", NULL);
  assert_ok (fixture, "\"total_units\": 1600");
  assert_out_has (fixture, "\"total_weight_kg\": 170");
  assert_out_has (fixture, "\"total_volume_m3\": 0.18");
  assert_out_has (fixture, "\"kind\": \"grn\"");
  assert_out_has (fixture, "\"status\": \"posted\"");
  assert_out_has (fixture, "\"lines\": [");
  assert_json (fixture->out, '{');
  run (fixture, "doc", "show", "BEN-GRN-2026-00001", "--format", "tsv", NULL);
  assert_ok (fixture, "SOAP=400:lot=SB-1:expiry=2027-06-30:grant=ECHO-2026 "
                      "SOAP=200:lot=SB-2:expiry=2026-12-31:grant=ECHO-2026 "
                      "BRUSH=1000:grant=ECHO-2026:remarks=cartons of 50: 20\n");
  g_assert_cmpuint (assert_tsv (fixture->out, "id\tkind\tstatus\tnumber\tdate\t"), ==, 1);

  /* Suggested lots: first expiry first out. */
  run (fixture, "suggest-lots", "-w", "BEN-MAIN", "-i", "SOAP", "--quantity", "250", "--date",
       "2026-03-02", "--format", "tsv", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpuint (assert_tsv (fixture->out, "warehouse\t"), ==, 2);
  assert_line_ends (fixture, "SB-2", "\t200");
  assert_line_ends (fixture, "SB-1", "\t50");

  /* A waybill to Tripoli: out of Benghazi, in transit. */
  run (fixture, "doc", "new", "waybill", "--date", "2026-03-05", "--warehouse", "BEN-MAIN",
       "--to-warehouse", "TRP-MAIN", "--transporter", "Al-Waha Transport", "--plate", "5-12345",
       "--driver", "Salem", "--expected-date", "2026-03-07", "--line",
       "SOAP=100:lot=SB-2:grant=ECHO-2026", "--line", "BRUSH=300:grant=ECHO-2026", "--post",
       NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-WB-2026-00001.\n");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 500);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 700);
  g_assert_cmpint (balance (fixture, "-w", "TRP-MAIN", "-i", "SOAP", NULL), ==, 0);
  run (fixture, "in-transit", "--format", "tsv", NULL);
  assert_ok (fixture, "waybill\tdate\texpected_date\tfrom\tto\titem\tlot\tgrant\tquantity\n");
  g_assert_cmpuint (assert_tsv (fixture->out, "waybill\t"), ==, 2);
  assert_out_has (fixture, "BEN-WB-2026-00001\t2026-03-05\t2026-03-07\tBEN-MAIN\tTRP-MAIN\tSOAP\t"
                           "SB-2\tECHO-2026\t100\n");
  assert_out_has (fixture, "\tBRUSH\t\tECHO-2026\t300\n");
  run (fixture, "in-transit", "--format", "json", NULL);
  assert_ok (fixture, "\"waybill\": \"BEN-WB-2026-00001\"");
  assert_json (fixture->out, '[');
  run (fixture, "in-transit", NULL);
  assert_ok (fixture, "BEN-WB-2026-00001");
  run (fixture, "doc", "show", "BEN-WB-2026-00001", "--format", "json", NULL);
  assert_ok (fixture, "\"to_warehouse\": \"TRP-MAIN\"");
  assert_out_has (fixture, "\"total_weight_kg\": 31");
  assert_json (fixture->out, '{');

  /* Its reception: 10 bars damaged, kept in quarantine; 10 brushes short. */
  run (fixture, "doc", "new", "reception", "--date", "2026-03-07", "--waybill",
       "BEN-WB-2026-00001", "--damaged-handling", "quarantine", "--line",
       "SOAP=90:lot=SB-2:grant=ECHO-2026:damaged=10", "--line", "BRUSH=290:grant=ECHO-2026:short=10",
       "--post", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-RCV-2026-00001.\n");
  g_assert_cmpint (balance (fixture, "-w", "TRP-MAIN", "-i", "SOAP", NULL), ==, 90);
  g_assert_cmpint (balance (fixture, "-w", "TRP-MAIN", "-i", "SOAP", "--quarantine", NULL), ==, 10);
  g_assert_cmpint (balance (fixture, "-w", "TRP-MAIN", "-i", "BRUSH", NULL), ==, 290);
  g_assert_cmpint (balance (fixture, "-w", "TRP-MAIN", "-i", "BRUSH", "--quarantine", NULL), ==, 0);
  run (fixture, "in-transit", "--format", "tsv", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpuint (assert_tsv (fixture->out, "waybill\t"), ==, 0);
  run (fixture, "in-transit", "--format", "json", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "[]\n");
  run (fixture, "stock", "--warehouse", "TRP-MAIN", "--quarantine", "--format", "tsv", NULL);
  assert_ok (fixture, "TRP-MAIN\tyes\tSOAP\t");
  run (fixture, "doc", "show", "BEN-RCV-2026-00001", "--format", "tsv", NULL);
  assert_ok (fixture, "\tSOAP=90:lot=SB-2:expiry=2026-12-31:grant=ECHO-2026:damaged=10 "
                      "BRUSH=290:grant=ECHO-2026:short=10\n");

  /* A second waybill, damaged goods written off (the default). */
  run (fixture, "doc", "new", "waybill", "--date", "2026-03-08", "--warehouse", "BEN-MAIN",
       "--to_warehouse", "TRP-MAIN", "--line", "BRUSH=50:grant=ECHO-2026", "--post", NULL);
  assert_ok (fixture, "BEN-WB-2026-00002");
  run (fixture, "doc", "new", "reception", "--date", "2026-03-09", "--waybill",
       "BEN-WB-2026-00002", "--line", "BRUSH=45:grant=ECHO-2026:damaged=5", "--post", NULL);
  assert_ok (fixture, "BEN-RCV-2026-00002");
  g_assert_cmpint (balance (fixture, "-w", "TRP-MAIN", "-i", "BRUSH", NULL), ==, 335);
  g_assert_cmpint (balance (fixture, "-w", "TRP-MAIN", "-i", "BRUSH", "--quarantine", NULL), ==, 0);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 650);

  /* Kitting 30 hygiene kits takes 120 bars, the 100 of SB-2 first. */
  run (fixture, "doc", "new", "kitting", "--date", "2026-03-10", "--warehouse", "BEN-MAIN",
       "--kit", "HK", "--kit-quantity", "30", "--grant", "ECHO-2026", "--post", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-KIT-2026-00001.\n");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 30);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--lot", "SB-2", NULL), ==, 0);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--lot", "SB-1", NULL), ==,
                   380);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 500);
  run (fixture, "doc", "show", "BEN-KIT-2026-00001", "--format", "json", NULL);
  assert_ok (fixture, "\"kit\": \"HK\"");
  assert_out_has (fixture, "\"lot\": \"SB-2\"");
  assert_json (fixture->out, '{');

  /* A count finds 370 bars of SB-1 where the books say 380. */
  run (fixture, "doc", "new", "count", "--date", "2026-03-15", "--warehouse", "BEN-MAIN",
       "--line", "SOAP=٣٧٠:lot=SB-1:grant=ECHO-2026", "--post", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-CNT-2026-00001.\n");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 370);
  run (fixture, "doc", "show", "BEN-CNT-2026-00001", "--format", "json", NULL);
  assert_ok (fixture, "\"expected\": 380");
  assert_out_has (fixture, "\"quantity\": 370");
  assert_json (fixture->out, '{');

  /* 20 expired bars written off. */
  run (fixture, "doc", "new", "adjustment", "--date", "2026-03-20", "--warehouse", "BEN-MAIN",
       "--reason", "expired", "--notes", "Loss report 3", "--line",
       "SOAP=-20:lot=SB-1:grant=ECHO-2026", "--post", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-ADJ-2026-00001.\n");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 350);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", "--as-of", "2026-03-19",
                            NULL),
                   ==, 370);

  /* A receipt entered twice is cancelled; its cancellation cannot be. */
  run (fixture, "doc", "new", "grn", "--date", "2026-03-21", "--warehouse", "BEN-MAIN",
       "--source", "donation", "--line", "BRUSH=500:grant=ECHO-2026", "--post", NULL);
  assert_ok (fixture, "BEN-GRN-2026-00002");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 1000);
  run (fixture, "doc", "cancel", "ben-grn-2026-00002", "--reason", "Entered twice", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Cancelled BEN-GRN-2026-00002 with BEN-CAN-2026-00001.\n");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 500);
  {
    g_autofree char *before = snapshot (fixture);

    run (fixture, "doc", "cancel", "BEN-CAN-2026-00001", "--reason", "Undo", NULL);
    assert_fails (fixture, 1, "BEN-CAN-2026-00001", NULL);
    assert_unchanged (fixture, before);
    run (fixture, "doc", "cancel", "BEN-GRN-2026-00002", "--reason", "Again", NULL);
    assert_fails (fixture, 1, "BEN-GRN-2026-00002", NULL);
    assert_unchanged (fixture, before);
  }
  run (fixture, "doc", "show", "BEN-CAN-2026-00001", "--format", "json", NULL);
  assert_ok (fixture, "\"cancels\": \"BEN-GRN-2026-00002\"");
  assert_out_has (fixture, "\"reason\": \"Entered twice\"");
  assert_json (fixture->out, '{');

  /* The documents, newest first. */
  run (fixture, "doc", "list", "--format", "tsv", NULL);
  assert_ok (fixture, "id\tnumber\tkind\tstatus\tdate\twarehouse\tcounterpart\tlines\tunits\t"
                      "cancelled\n");
  g_assert_cmpuint (assert_tsv (fixture->out, "id\t"), ==, 10);
  line = line_with (fixture, "\tBEN-GRN-2026-00002\tgrn\tposted\t2026-03-21\tBEN-MAIN\t");
  g_assert_true (g_str_has_suffix (line, "\tyes"));
  g_clear_pointer (&line, g_free);
  line = line_with (fixture, "\tBEN-CAN-2026-00001\tcancellation\t");
  g_assert_true (g_str_has_suffix (line, "\tBEN-GRN-2026-00002\t1\t500\tno"));
  g_clear_pointer (&line, g_free);
  line = line_with (fixture, "\tBEN-GRN-2026-00001\tgrn\t");
  g_assert_true (g_str_has_suffix (line, "\tno"));
  run (fixture, "doc", "list", "--kind", "GRN", "--format", "json", NULL);
  assert_ok (fixture, "\"number\": \"BEN-GRN-2026-00002\"");
  assert_out_lacks (fixture, "BEN-WB-");
  assert_json (fixture->out, '[');
  run (fixture, "doc", "list", "--from", "2026-03-10", "--to", "2026-03-15", "--format", "tsv",
       NULL);
  assert_ok (fixture, "BEN-KIT-2026-00001");
  g_assert_cmpuint (assert_tsv (fixture->out, "id\t"), ==, 2);
  run (fixture, "doc", "list", NULL);
  assert_ok (fixture, "Waybill reception");
  assert_out_has (fixture, "Cancelled");

  /* The stock card: every movement with its running balance. */
  run (fixture, "stock-card", "-w", "BEN-MAIN", "-i", "SOAP", "--format", "tsv", NULL);
  assert_ok (fixture, "date\tdocument\tkind\tcounterpart\tlot\tgrant\tin\tout\tbalance\n");
  g_assert_cmpuint (assert_tsv (fixture->out, "date\t"), ==, 7);
  assert_line_ends (fixture, "BEN-WB-2026-00001", "\tSB-2\tECHO-2026\t0\t100\t500");
  assert_line_ends (fixture, "BEN-CNT-2026-00001", "\tSB-1\tECHO-2026\t0\t10\t370");
  assert_line_ends (fixture, "BEN-ADJ-2026-00001", "\tSB-1\tECHO-2026\t0\t20\t350");
  assert_out_has (fixture, "\tBEN-KIT-2026-00001\tKIT\t");
  run (fixture, "stock-card", "-w", "BEN-MAIN", "-i", "SOAP", NULL);
  assert_ok (fixture, "Showing 1 to 7 of 7 movements.\n");
  assert_out_has (fixture, "Balance");
  run (fixture, "stock-card", "-w", "BEN-MAIN", "-i", "SOAP", "--offset", "2", "--limit", "1",
       NULL);
  assert_ok (fixture, "Showing 3 to 3 of 7 movements.\n");
  assert_out_has (fixture, "BEN-WB-2026-00001");
  run (fixture, "stock-card", "-w", "BEN-MAIN", "-i", "SOAP", "--from", "2026-03-15", "--format",
       "tsv", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpuint (assert_tsv (fixture->out, "date\t"), ==, 2);
  assert_line_ends (fixture, "BEN-CNT-2026-00001", "\t370");
  run (fixture, "stock-card", "-w", "BEN-MAIN", "-i", "SOAP", "--to", "2026-03-01", "--format",
       "json", NULL);
  assert_ok (fixture, "\"total\": 2");
  assert_out_has (fixture, "\"movements\": [");
  assert_out_has (fixture, "\"balance\": 600");
  assert_json (fixture->out, '{');
  run (fixture, "stock-card", "-w", "TRP-MAIN", "-i", "HK", NULL);
  assert_ok (fixture, "No movements in this period.\n");

  /* Lots that expire within 18 months of 1 March 2026, and within 1. */
  run (fixture, "expiring", "--months", "18", "--today", "2026-03-01", "--format", "tsv", NULL);
  assert_ok (fixture, NULL);
  assert_out_has (fixture, "BEN-MAIN\tno\tSOAP\tBathing soap, 250 g\tصابون استحمام\tbar\tSB-1\t"
                           "2027-06-30\tECHO-2026\t350\n");
  assert_out_has (fixture, "TRP-MAIN\tno\tSOAP\t");
  g_assert_true (strstr (fixture->out, "SB-2") < strstr (fixture->out, "SB-1"));
  run (fixture, "expiring", "--months", "1", "--today", "2026-03-01", "--format", "json", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "[]\n");
  run (fixture, "expiring", "--months", "0", "--today", "2027-07-01", NULL);
  assert_ok (fixture, "SB-1");

  /* Soap below its reorder level of 1000, in both warehouses. */
  run (fixture, "below-reorder", "--format", "tsv", NULL);
  assert_ok (fixture, "warehouse\titem\tname_en\tname_ar\tquantity\treorder_level\n");
  assert_out_has (fixture, "BEN-MAIN\tSOAP\tBathing soap, 250 g\tصابون استحمام\t350\t1000\n");
  assert_out_has (fixture, "TRP-MAIN\tSOAP\t");
  assert_out_lacks (fixture, "BEN-OLD");
  assert_out_lacks (fixture, "BRUSH");
  run (fixture, "below-reorder", "--format", "json", NULL);
  assert_ok (fixture, "\"reorder_level\": 1000");
  assert_json (fixture->out, '[');

  /* The ledger proves itself. */
  run (fixture, "check", NULL);
  assert_ok (fixture, "sound");
}

/* Drafts ------------------------------------------------------------------------ */

/* The id in the TSV record that "doc new --format tsv" prints. */
static char *
draft_id (Fixture *fixture)
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
test_drafts (Fixture      *fixture,
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
  run (fixture, "doc", "new", "grn", "--date", "2026-03-01", "--warehouse", "BEN-MAIN", "--line",
       "BRUSH=10", "--format", "tsv", NULL);
  assert_ok (fixture, NULL);
  id = draft_id (fixture);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 0);
  run (fixture, "doc", "new", "grn", "--date", "2026-03-02", "--warehouse", "BEN-MAIN", "--line",
       "BRUSH=20", NULL);
  assert_ok (fixture, NULL);
  g_assert_true (g_str_has_prefix (fixture->out, sentence));
  g_ascii_strtoll (fixture->out + strlen (sentence), &end, 10);
  other = g_strndup (fixture->out + strlen (sentence), end - fixture->out - strlen (sentence));
  g_assert_cmpuint (strlen (other), >, 0);
  g_assert_cmpstr (other, !=, id);
  assert_out_has (fixture, "makhzan-cli doc post ");
  run (fixture, "doc", "new", "grn", "--date", "2026-03-03", "--warehouse", "BEN-MAIN", "--line",
       "BRUSH=30", "--format", "json", NULL);
  assert_ok (fixture, "\"status\": \"draft\"");
  assert_out_has (fixture, "\"number\": null");
  assert_json (fixture->out, '{');
  run (fixture, "doc", "list", "--format", "tsv", NULL);
  assert_ok (fixture, "\tgrn\tdraft\t2026-03-02\tBEN-MAIN\t");
  g_assert_cmpuint (assert_tsv (fixture->out, "id\t"), ==, 3);
  run (fixture, "doc", "show", id, NULL);
  assert_ok (fixture, "draft");
  run (fixture, "doc", "show", id, "--format", "json", NULL);
  assert_ok (fixture, "\"status\": \"draft\"");
  assert_json (fixture->out, '{');

  /* Posted by its id, once. */
  run (fixture, "doc", "post", id, NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-GRN-2026-00001.\n");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 10);
  before = snapshot (fixture);
  run (fixture, "doc", "post", id, NULL);
  assert_fails (fixture, 1, "BEN-GRN-2026-00001", "posted", NULL);
  assert_unchanged (fixture, before);
  run (fixture, "doc", "delete", id, NULL);
  assert_fails (fixture, 1, "BEN-GRN-2026-00001", NULL);
  assert_unchanged (fixture, before);

  /* A draft can be deleted; then it is gone. */
  run (fixture, "doc", "delete", other, NULL);
  assert_ok (fixture, NULL);
  deleted = g_strdup_printf ("Deleted draft %s.\n", other);
  g_assert_cmpstr (fixture->out, ==, deleted);
  run (fixture, "doc", "show", other, NULL);
  assert_fails (fixture, 1, other, NULL);
  run (fixture, "doc", "list", "--format", "tsv", NULL);
  g_assert_cmpuint (assert_tsv (fixture->out, "id\t"), ==, 2);

  /* Posting the one left gives the next number. */
  saved = line_with (fixture, "\tdraft\t");
  *strchr (saved, '\t') = '\0';
  run (fixture, "doc", "post", saved, "--format", "json", NULL);
  assert_ok (fixture, "\"number\": \"BEN-GRN-2026-00002\"");
  assert_out_has (fixture, "\"status\": \"posted\"");
  assert_json (fixture->out, '{');
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 40);

  run (fixture, "check", NULL);
  assert_ok (fixture, NULL);
}

/* Lines from a CSV file ---------------------------------------------------------- */

static void
test_lines_file (Fixture      *fixture,
                 gconstpointer data)
{
  /* As a spreadsheet writes it: a byte-order mark, semicolons, Windows line
   * ends, headers as people write them, Arabic-Indic digits, day/month/year,
   * a thousands separator, an empty line and a spare column. */
  g_autofree char *path = write_file (fixture, "lines.csv",
                                      "\xEF\xBB\xBF"
                                      "Item;Quantity;Lot;Expiry date;Grant;;Remarks\r\n"
                                      "SOAP;٤٠٠;SB-1;30/06/2027;ECHO-2026;;\"first; best\"\r\n"
                                      "BRUSH;1,000;;;ECHO-2026;;\r\n"
                                      ";;;;;;\r\n");

  add_catalogue (fixture);
  run (fixture, "doc", "new", "grn", "--date", "2026-03-01", "--warehouse", "BEN-MAIN", "--lines",
       path, "--line", "TP=50:lot=TP-1:expiry=2027-01-31", "--post", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-GRN-2026-00001.\n");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 400);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 1000);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "TP", "--grant", "", NULL), ==, 50);
  run (fixture, "doc", "show", "BEN-GRN-2026-00001", "--format", "tsv", NULL);
  assert_ok (fixture, "\tTP=50:lot=TP-1:expiry=2027-01-31 "
                      "SOAP=400:lot=SB-1:expiry=2027-06-30:grant=ECHO-2026:remarks=first; best "
                      "BRUSH=1000:grant=ECHO-2026\n");
  run (fixture, "check", NULL);
  assert_ok (fixture, NULL);
}

/* Dekitting and ownership transfers ------------------------------------------------ */

static void
test_kits_and_grants (Fixture      *fixture,
                      gconstpointer data)
{
  add_catalogue (fixture);
  post_first_grn (fixture);
  run (fixture, "add", "item", "--code", "BK", "--name_en", "Brush pack", "--category", "wash",
       "--unit", "pack", "--is_kit", "yes", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "kit", "set", "BK", "BRUSH=10", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "grant", "--code", "BHA-2026", "--donor", "ECHO", "--name_en", "BHA 2026",
       "--start_date", "2026-01-01", "--end_date", "2026-12-31", "--sector", "WSH", NULL);
  assert_ok (fixture, NULL);

  /* Ten packs made, four taken apart again. */
  run (fixture, "doc", "new", "kitting", "--date", "2026-03-02", "--warehouse", "BEN-MAIN",
       "--kit", "BK", "--kit_quantity", "10", "--grant", "ECHO-2026", "--post", NULL);
  assert_ok (fixture, "BEN-KIT-2026-00001");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 900);
  run (fixture, "doc", "new", "dekitting", "--date", "2026-03-03", "--warehouse", "BEN-MAIN",
       "--kit", "BK", "--kit-quantity", "4", "--grant", "ECHO-2026", "--post", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-DKT-2026-00001.\n");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BK", NULL), ==, 6);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 940);
  run (fixture, "doc", "show", "BEN-DKT-2026-00001", "--format", "json", NULL);
  assert_ok (fixture, "\"kind\": \"dekitting\"");
  assert_out_has (fixture, "\"item\": \"BRUSH\"");
  assert_json (fixture->out, '{');

  /* 40 brushes pass from one grant to another. */
  run (fixture, "doc", "new", "adjustment", "--date", "2026-03-04", "--warehouse", "BEN-MAIN",
       "--reason", "ownership_transfer", "--line", "BRUSH=40:grant=ECHO-2026:to_grant=BHA-2026",
       "--post", NULL);
  assert_ok (fixture, "BEN-ADJ-2026-00001");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", "-g", "BHA-2026", NULL), ==,
                   40);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", "-g", "ECHO-2026", NULL),
                   ==, 900);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", NULL), ==, 940);
  run (fixture, "doc", "show", "BEN-ADJ-2026-00001", "--format", "tsv", NULL);
  assert_ok (fixture, "\tBRUSH=40:grant=ECHO-2026:to_grant=BHA-2026\n");
  run (fixture, "stock", "-w", "BEN-MAIN", "-i", "BRUSH", "--format", "tsv", NULL);
  assert_ok (fixture, "\tBHA-2026\t40\n");
  g_assert_cmpuint (assert_tsv (fixture->out, "warehouse\t"), ==, 2);

  /* Cancelling the dekitting puts the packs back together. */
  run (fixture, "doc", "cancel", "BEN-DKT-2026-00001", "--reason", "Packs still needed",
       "--date", "2026-03-05", "--format", "json", NULL);
  assert_ok (fixture, "\"number\": \"BEN-CAN-2026-00001\"");
  assert_out_has (fixture, "\"date\": \"2026-03-05\"");
  assert_json (fixture->out, '{');
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BK", NULL), ==, 10);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BRUSH", "-g", "ECHO-2026", NULL),
                   ==, 860);

  /* Hygiene kits made of soap with lots are a lot of their own, named
   * after the kitting; taken apart, they give the soap back. */
  run (fixture, "doc", "new", "kitting", "--date", "2026-03-06", "--warehouse", "BEN-MAIN",
       "--kit", "HK", "--kit-quantity", "2", "--grant", "ECHO-2026", "--post", NULL);
  assert_ok (fixture, "BEN-KIT-2026-00002");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 592);
  run (fixture, "stock", "-w", "BEN-MAIN", "-i", "HK", "--format", "tsv", NULL);
  assert_ok (fixture, "\tBEN-KIT-2026-00002\t2026-12-31\tECHO-2026\t2\n");
  run (fixture, "doc", "new", "dekitting", "--date", "2026-03-07", "--warehouse", "BEN-MAIN",
       "--kit", "HK", "--kit-quantity", "2", "--grant", "ECHO-2026", "--post", NULL);
  assert_ok (fixture, "BEN-DKT-2026-00002");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 0);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "SOAP", NULL), ==, 600);

  run (fixture, "check", NULL);
  assert_ok (fixture, "sound");
}

/* check --------------------------------------------------------------------- */

/* "check" names the first fault of a ledger changed behind its back. */
static void
test_check_fault (Fixture      *fixture,
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
  run (fixture, "check", NULL);
  assert_ok (fixture, "sound");

  g_spawn_sync (fixture->dir, (char **) tamper, fixture->env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                NULL, NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);

  run (fixture, "check", NULL);
  assert_fails (fixture, 1, "SOAP", "BEN-MAIN", "405", "400", NULL);
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
prepare_history (Fixture *fixture)
{
  add_catalogue (fixture);
  post_first_grn (fixture);
  run (fixture, "doc", "new", "grn", "--date", "2026-03-01", "--warehouse", "BEN-MAIN", "--line",
       "TP=50:lot=TP-1:expiry=2027-01-31", "--post", NULL);
  assert_ok (fixture, "BEN-GRN-2026-00002");
  run (fixture, "doc", "new", "waybill", "--date", "2026-03-05", "--warehouse", "BEN-MAIN",
       "--to-warehouse", "TRP-MAIN", "--line", "SOAP=100:lot=SB-2:grant=ECHO-2026", "--post",
       NULL);
  assert_ok (fixture, "BEN-WB-2026-00001");
  run (fixture, "doc", "new", "reception", "--date", "2026-03-06", "--waybill",
       "BEN-WB-2026-00001", "--line", "SOAP=100:lot=SB-2:grant=ECHO-2026", "--post", NULL);
  assert_ok (fixture, "BEN-RCV-2026-00001");
  run (fixture, "doc", "new", "waybill", "--date", "2026-03-05", "--warehouse", "BEN-MAIN",
       "--to-warehouse", "TRP-MAIN", "--line", "BRUSH=100:grant=ECHO-2026", "--post", NULL);
  assert_ok (fixture, "BEN-WB-2026-00002");
  run (fixture, "doc", "new", "grn", "--date", "2026-03-05", "--warehouse", "BEN-MAIN", "--line",
       "BRUSH=10", "--post", NULL);
  assert_ok (fixture, "BEN-GRN-2026-00003");
  run (fixture, "doc", "cancel", "BEN-GRN-2026-00003", "--reason", "Entered twice", NULL);
  assert_ok (fixture, "BEN-CAN-2026-00001");
}

static void
test_bad_input (Fixture      *fixture,
                gconstpointer data)
{
  const BadCase *bc = data;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;

  prepare_history (fixture);
  if (bc->file != NULL)
    path = write_file (fixture, "lines.csv", bc->file);
  for (guint i = 0; bc->args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) (g_str_equal (bc->args[i], "@") ? path : bc->args[i]));
  g_ptr_array_add (args, NULL);

  before = snapshot (fixture);
  run_args (fixture, (const char *const *) args->pdata);
  g_test_message ("%s: %s", bc->name, fixture->err);
  assert_fails (fixture, bc->status, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bc->texts) && bc->texts[i] != NULL; i++)
    if (strstr (fixture->err, bc->texts[i]) == NULL)
      g_error ("%s: expected “%s” in: %s", bc->name, bc->texts[i], fixture->err);
  g_assert_cmpuint (strlen (fixture->err), <, 1000);
  assert_unchanged (fixture, before);

  /* The refusal left the ledger sound. */
  run (fixture, "check", NULL);
  assert_ok (fixture, NULL);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

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
