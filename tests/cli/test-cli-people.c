/* test-cli-people.c: people reached through makhzan-cli.
 *
 * Each test runs the program (MAKHZAN_CLI) with g_spawn_sync in a temporary
 * folder, from "init" and a small catalogue: households registered and
 * refused, the office's rule on personal data, distributions with counts
 * and with household lists, entitlement rules broken and overridden,
 * service deliveries, the unique people reached and a site's
 * reconciliation. After every refused command the database must be exactly
 * as it was: the test compares "dump", the document list, the stock and the
 * audit log before and after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#define USER "Test Programme Officer"
#define FUNCTION "Programme officer"

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

  fixture->dir = g_dir_make_tmp ("makhzan-cli-people-XXXXXX", &error);
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

/* A warehouse and a site in Benghazi, hygiene kits and blankets received
 * under a grant, and a second site elsewhere. */
static void
add_catalogue (Fixture *fixture)
{
  run (fixture, "add", "warehouse", "--code", "BEN-MAIN", "--name_en", "Benghazi main warehouse",
       "--type", "main", "--baladiya", "LY010304", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "site", "--code", "GAN", "--name_en", "Ganfouda", "--type",
       "detention_centre", "--baladiya", "LY010304", "--sensitive", "yes", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "site", "--code", "BEN-URB", "--name_en", "Benghazi urban community",
       "--type", "urban_community", "--baladiya", "LY010304", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "item", "--code", "HK", "--name_en", "Hygiene kit", "--name_ar",
       "حقيبة نظافة", "--category", "wash", "--unit", "kit", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "item", "--code", "BLK", "--name_en", "Blanket", "--category", "nfi",
       "--unit", "piece", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "donor", "--code", "ECHO", "--name_en", "ECHO", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "grant", "--code", "ECHO-2026", "--donor", "ECHO", "--name_en",
       "ECHO 2026", "--start_date", "2026-01-01", "--end_date", "2026-12-31", "--sector", "WSH",
       NULL);
  assert_ok (fixture, NULL);
  run (fixture, "doc", "new", "grn", "--date", "2026-03-01", "--warehouse", "BEN-MAIN", "--source",
       "donation", "--line", "HK=500:grant=ECHO-2026", "--line", "BLK=300:grant=ECHO-2026",
       "--post", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-GRN-2026-00001.\n");
}

/* Three households of the urban community, with the members' sex and age:
 * HH-001 five people, HH-002 three, HH-003 two. */
static void
add_households (Fixture *fixture)
{
  run (fixture, "add", "household", "--code", "HH-001", "--site", "BEN-URB",
       "--population-group", "idps", "--size", "5", "--female-18-59", "1", "--male_18_59", "1",
       "--female-0-4", "1", "--male-5-11", "2", "--disabled", "1", "--registered-on",
       "2026-02-01", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Added household HH-001.\n");
  run (fixture, "add", "household", "--code", "HH-002", "--site", "BEN-URB",
       "--population-group", "idps", "--size", "3", "--female-18-59", "1", "--female-60", "1",
       "--male-12-17", "1", "--registered-on", "2026-02-01", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "add", "household", "--code", "HH-003", "--site", "BEN-URB",
       "--population-group", "returnees", "--size", "2", "--male-18-59", "1", "--male-60", "1",
       "--registered-on", "2026-02-20", NULL);
  assert_ok (fixture, NULL);
}

/* The number in the TSV record's column @name. */
static gint64
tsv_value (Fixture    *fixture,
           const char *name)
{
  g_auto (GStrv) lines = g_strsplit (fixture->out, "\n", -1);
  g_auto (GStrv) header = NULL;
  g_auto (GStrv) values = NULL;

  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  header = g_strsplit (lines[0], "\t", -1);
  values = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (header), ==, g_strv_length (values));
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return g_ascii_strtoll (values[i], NULL, 10);
  g_test_message ("no column “%s” in:\n%s", name, fixture->out);
  g_assert_not_reached ();
  return 0;
}

/* "reached --from 2026-01-01 --to 2026-12-31 --format tsv", for @grant and
 * @indicator if not NULL. */
static void
reached (Fixture    *fixture,
         const char *grant,
         const char *indicator)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "reached");
  g_ptr_array_add (args, (gpointer) "--from");
  g_ptr_array_add (args, (gpointer) "2026-01-01");
  g_ptr_array_add (args, (gpointer) "--to");
  g_ptr_array_add (args, (gpointer) "2026-12-31");
  if (grant != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--grant");
      g_ptr_array_add (args, (gpointer) grant);
    }
  if (indicator != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--indicator");
      g_ptr_array_add (args, (gpointer) indicator);
    }
  g_ptr_array_add (args, (gpointer) "--format");
  g_ptr_array_add (args, (gpointer) "tsv");
  g_ptr_array_add (args, NULL);
  run_args (fixture, (const char *const *) args->pdata);
  assert_ok (fixture, NULL);
  g_assert_cmpuint (assert_tsv (fixture->out, "grant\tindicator\tfrom\tto\tfemale_0_4\t"), ==, 1);
}

/* Runs the NULL-terminated command, which must fail with @status naming
 * @text, and leave the database as it was. */
static void G_GNUC_NULL_TERMINATED
assert_refused (Fixture    *fixture,
                int         status,
                const char *text,
                ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *before = snapshot (fixture);
  const char      *arg;
  va_list          ap;

  va_start (ap, text);
  for (arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_args (fixture, (const char *const *) args->pdata);
  g_test_message ("%s: %s", (const char *) args->pdata[0], fixture->err);
  assert_fails (fixture, status, text, NULL);
  assert_unchanged (fixture, before);
}

#define DISTRIBUTION_HEAD(date)                                                             \
  "doc", "new", "distribution", "--date", date, "--site", "GAN", "--warehouse", "BEN-MAIN", \
      "--population-group", "migrants", "--grant", "ECHO-2026"
#define HOUSEHOLD_LIST_HEAD(date)                                                               \
  "doc", "new", "distribution", "--date", date, "--site", "BEN-URB", "--warehouse", "BEN-MAIN", \
      "--population-group", "idps", "--grant", "ECHO-2026", "--indicator", "people_hygiene"

/* Help and usage ------------------------------------------------------------ */

static void
test_help (Fixture      *fixture,
           gconstpointer data)
{
  run (fixture, "--help", NULL);
  assert_ok (fixture, "reached");
  assert_out_has (fixture, "reconcile");
  assert_out_has (fixture, "households");
  assert_out_has (fixture, "office");

  run (fixture, "doc", "new", "distribution", "--help", NULL);
  assert_ok (fixture, "--female_0_4");
  assert_out_has (fixture, "--male_60");
  assert_out_has (fixture, "--unaccompanied");
  assert_out_has (fixture, "--total");
  assert_out_has (fixture, "--households-file");
  assert_out_has (fixture, "--site");
  assert_out_has (fixture, "--population_group");
  run (fixture, "doc", "new", "service", "--help", NULL);
  assert_ok (fixture, "--female_18_59");
  assert_out_has (fixture, "--activity");
  assert_out_lacks (fixture, "--households-file");
  run (fixture, "doc", "new", "grn", "--help", NULL);
  assert_ok (fixture, NULL);
  assert_out_lacks (fixture, "--female_0_4");
  run (fixture, "doc", "--help", NULL);
  assert_ok (fixture, "check");
  assert_out_has (fixture, "distribution");
  run (fixture, "add", "household", "--help", NULL);
  assert_ok (fixture, "--registered_on");
  run (fixture, "add", "entitlement", "--help", NULL);
  assert_ok (fixture, "--interval_days");
  run (fixture, "reached", "--help", NULL);
  assert_ok (fixture, "--indicator");
  run (fixture, "reconcile", "--help", NULL);
  assert_ok (fixture, "--site");

  /* Usage errors exit with 2. */
  run (fixture, "reached", NULL);
  assert_fails (fixture, 2, "--from", "--to", NULL);
  run (fixture, "reached", "--from", "2026-01-01", NULL);
  assert_fails (fixture, 2, "--to", NULL);
  run (fixture, "reached", "--from", "2026-01-01", "--to", "2026-12-31", "extra", NULL);
  assert_fails (fixture, 2, "extra", NULL);
  run (fixture, "reconcile", "--from", "2026-01-01", "--to", "2026-12-31", NULL);
  assert_fails (fixture, 2, "--site", NULL);
  run (fixture, "households", NULL);
  assert_fails (fixture, 2, "households", NULL);
  run (fixture, "households", "merge", NULL);
  assert_fails (fixture, 2, "merge", "duplicates", NULL);
  run (fixture, "office", "colour", NULL);
  assert_fails (fixture, 2, "colour", "personal-data", NULL);
  run (fixture, "office", "personal-data", "maybe", NULL);
  assert_fails (fixture, 2, "maybe", NULL);
  run (fixture, "doc", "check", NULL);
  assert_fails (fixture, 2, "doc check", NULL);
  run (fixture, "doc", "new", "distribution", "--households-file", "hh.csv", "--female-0-4", "1",
       NULL);
  assert_fails (fixture, 2, "--households-file", NULL);
  run (fixture, "doc", "new", "grn", "--female-0-4", "1", NULL);
  assert_fails (fixture, 2, "--female-0-4", NULL);

  /* A date that is not one is not a usage error but a bad value. */
  run (fixture, "reached", "--from", "2026-02-30", "--to", "2026-12-31", NULL);
  assert_fails (fixture, 1, "--from", NULL);
}

/* Households and personal data ------------------------------------------------ */

static void
test_households (Fixture      *fixture,
                 gconstpointer data)
{
  add_catalogue (fixture);
  add_households (fixture);

  run (fixture, "list", "household", NULL);
  assert_ok (fixture, "HH-001");
  assert_out_has (fixture, "HH-003");
  run (fixture, "list", "households", "--format", "tsv", NULL);
  assert_ok (fixture, "code\tsite\tpopulation_group\tsize\tfemale_0_4\t");
  g_assert_cmpuint (assert_tsv (fixture->out, "code\t"), ==, 3);
  run (fixture, "show", "household", "hh-002", "--format", "json", NULL);
  assert_ok (fixture, "\"size\": 3");
  assert_out_has (fixture, "\"female_60\": 1");
  assert_json (fixture->out, '{');

  /* A size that is not the sum of the members; a code registered twice. */
  assert_refused (fixture, 1, "HH-004", "add", "household", "--code", "HH-004", "--site",
                  "BEN-URB", "--population-group", "idps", "--size", "5", "--female-18-59", "1",
                  "--male-18-59", "1", "--registered-on", "2026-03-01", NULL);
  assert_refused (fixture, 1, "hh-001", "add", "household", "--code", "hh-001", "--site",
                  "BEN-URB", "--population-group", "idps", "--size", "1", "--female-18-59", "1",
                  "--registered-on", "2026-03-01", NULL);
  assert_refused (fixture, 1, "HH-002", "edit", "household", "HH-002", "--size", "4", NULL);

  /* Names and phone numbers only when the office keeps them. */
  run (fixture, "office", "personal-data", "status", NULL);
  assert_ok (fixture, "does not keep");
  run (fixture, "office", "personal-data", "--format", "json", NULL);
  assert_ok (fixture, "\"keeps_personal_data\": false");
  assert_json (fixture->out, '{');
  assert_refused (fixture, 1, "HH-004", "add", "household", "--code", "HH-004", "--site",
                  "BEN-URB", "--population-group", "idps", "--size", "1", "--female-18-59", "1",
                  "--head-name", "Fatima", "--registered-on", "2026-03-01", NULL);
  assert_refused (fixture, 1, "HH-001", "edit", "household", "HH-001", "--phone",
                  "+218 91 000 0000", NULL);
  run (fixture, "office", "personal-data", "on", NULL);
  assert_ok (fixture, "keeps");
  run (fixture, "office", "personal-data", "status", "--format", "tsv", NULL);
  assert_ok (fixture, "keeps_personal_data\nyes\n");
  run (fixture, "add", "household", "--code", "HH-004", "--site", "BEN-URB", "--population-group",
       "idps", "--size", "1", "--female-18-59", "1", "--head-name", "فاطمة", "--registered-on",
       "2026-03-01", NULL);
  assert_ok (fixture, "HH-004");
  run (fixture, "list", "household", "--search", "فاطمة", "--format", "tsv", NULL);
  assert_ok (fixture, "HH-004");
  /* The change of rule is audited. */
  run (fixture, "list", "audit", "--limit", "3", "--format", "tsv", NULL);
  assert_ok (fixture, "personal_data");
  run (fixture, "office", "personal-data", "off", "--format", "json", NULL);
  assert_ok (fixture, "\"keeps_personal_data\": false");

  /* Households and entitlement rules from CSV files, all rows or none. */
  {
    g_autofree char *good = write_file (fixture, "households.csv",
                                        "code,site,population_group,size,female_18_59,male_0_4,"
                                        "registered_on\n"
                                        "HH-101,BEN-URB,idps,2,1,1,2026-03-02\n"
                                        "HH-102,BEN-URB,idps,1,1,0,2026-03-20\n");
    g_autofree char *bad = write_file (fixture, "bad-households.csv",
                                       "code,site,population_group,size,female_18_59,"
                                       "registered_on\n"
                                       "HH-201,BEN-URB,idps,1,1,2026-03-02\n"
                                       "HH-202,BEN-URB,idps,4,1,2026-03-02\n");
    g_autofree char *rules = write_file (fixture, "entitlements.csv",
                                         "code,item,per,quantity,interval_days\n"
                                         "HK-30,HK,person,1,30\n"
                                         "BLK-90,BLK,household,2,90\n");

    run (fixture, "import", "households", good, NULL);
    assert_ok (fixture, "Imported 2 rows");
    assert_refused (fixture, 1, "line 3", "import", "households", bad, NULL);
    run (fixture, "import", "entitlement", rules, NULL);
    assert_ok (fixture, "Imported 2 rows");
    run (fixture, "list", "entitlement", "--format", "tsv", NULL);
    assert_ok (fixture, "BLK-90\tBLK\thousehold\t2\t90\t");
    run (fixture, "edit", "household", "HH-102", "--active", "no", NULL);
    assert_ok (fixture, "Updated household HH-102.");
  }

  /* Registered twice: the same members at the same site within a week. */
  run (fixture, "households", "duplicates", "--format", "tsv", NULL);
  assert_ok (fixture, "household\tlikely_same_as\n");
  g_assert_cmpuint (assert_tsv (fixture->out, "household\t"), ==, 0);
  run (fixture, "add", "household", "--code", "HH-005", "--site", "BEN-URB", "--population-group",
       "idps", "--size", "3", "--female-18-59", "1", "--female-60", "1", "--male-12-17", "1",
       "--registered-on", "2026-02-05", NULL);
  assert_ok (fixture, NULL);
  run (fixture, "households", "duplicates", "--format", "tsv", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpuint (assert_tsv (fixture->out, "household\t"), ==, 1);
  assert_out_has (fixture, "HH-002");
  assert_out_has (fixture, "HH-005");
  run (fixture, "households", "duplicates", NULL);
  assert_ok (fixture, "HH-005");
  run (fixture, "households", "duplicates", "--format", "json", NULL);
  assert_ok (fixture, "\"likely_same_as\"");
  assert_json (fixture->out, '[');
}

/* Distributions with counts --------------------------------------------------- */

static void
test_aggregate (Fixture      *fixture,
                gconstpointer data)
{
  add_catalogue (fixture);

  /* 35 people at a detention centre: 5 girls under 5, 10 women, 20 men. */
  run (fixture, DISTRIBUTION_HEAD ("2026-03-10"), "--activity", "hygiene_distribution",
       "--indicator", "people_hygiene", "--female-0-4", "5", "--female_18_59", "10",
       "--male-18-59", "20", "--disabled", "2", "--unaccompanied", "1", "--households", "8",
       "--total", "35", "--line", "HK=35", "--post", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-DIS-2026-00001.\n");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 465);

  run (fixture, "doc", "show", "BEN-DIS-2026-00001", NULL);
  assert_ok (fixture, "Distribution");
  assert_out_has (fixture, "Female 18–59:");
  assert_out_has (fixture, "Total people:");
  assert_out_has (fixture, "Household list: none");
  run (fixture, "doc", "show", "BEN-DIS-2026-00001", "--format", "json", NULL);
  assert_ok (fixture, "\"kind\": \"distribution\"");
  assert_out_has (fixture, "\"site\": \"GAN\"");
  assert_out_has (fixture, "\"female_0_4\": 5");
  assert_out_has (fixture, "\"male_18_59\": 20");
  assert_out_has (fixture, "\"households\": 8");
  assert_out_has (fixture, "\"total\": 35");
  assert_out_has (fixture, "\"receipts\": []");
  assert_json (fixture->out, '{');
  run (fixture, "doc", "check", "BEN-DIS-2026-00001", NULL);
  assert_fails (fixture, 1, "BEN-DIS-2026-00001", "household list", NULL);
  run (fixture, "doc", "check", "BEN-GRN-2026-00001", NULL);
  assert_fails (fixture, 1, "BEN-GRN-2026-00001", NULL);
  run (fixture, "doc", "show", "BEN-DIS-2026-00001", "--format", "tsv", NULL);
  assert_ok (fixture, "\ttotal\tlines\treceipts\n");
  g_assert_cmpint (tsv_value (fixture, "female_18_59"), ==, 10);
  g_assert_cmpint (tsv_value (fixture, "unaccompanied"), ==, 1);
  run (fixture, "doc", "list", "--kind", "distribution", "--format", "tsv", NULL);
  assert_ok (fixture, "BEN-DIS-2026-00001\tdistribution\tposted\t2026-03-10\t");

  reached (fixture, NULL, NULL);
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 35);
  g_assert_cmpint (tsv_value (fixture, "female_0_4"), ==, 5);
  g_assert_cmpint (tsv_value (fixture, "disabled"), ==, 2);
  run (fixture, "reached", "--from", "2026-03-01", "--to", "2026-03-31", NULL);
  assert_ok (fixture, "Female");
  assert_out_has (fixture, "18–59");
  assert_out_has (fixture, "60+");
  assert_out_has (fixture, "Persons with disability:");
  assert_out_has (fixture, "Households:");
  assert_out_has (fixture, "Total people:");
  run (fixture, "reached", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json", NULL);
  assert_ok (fixture, "\"total\": 35");
  assert_json (fixture->out, '{');
  /* Outside the period, and under another indicator. */
  run (fixture, "reached", "--from", "2026-04-01", "--to", "2026-04-30", "--format", "tsv", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 0);
  reached (fixture, NULL, "people_water");
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 0);
  reached (fixture, "ECHO-2026", "people_hygiene");
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 35);

  /* Counts that do not add up, more households than people, no people,
   * a date in the future, a count that is not a number. */
  assert_refused (fixture, 1, "36", DISTRIBUTION_HEAD ("2026-03-11"), "--female-18-59", "10",
                  "--male-18-59", "20", "--total", "36", "--line", "HK=30", "--post", NULL);
  assert_refused (fixture, 1, "households", DISTRIBUTION_HEAD ("2026-03-11"), "--female-18-59",
                  "1", "--male-18-59", "1", "--households", "3", "--total", "2", "--line", "HK=2",
                  "--post", NULL);
  assert_refused (fixture, 1, "people", DISTRIBUTION_HEAD ("2026-03-11"), "--line", "HK=2",
                  "--post", NULL);
  assert_refused (fixture, 1, "2099-01-10", DISTRIBUTION_HEAD ("2099-01-10"), "--female-18-59",
                  "1", "--total", "1", "--line", "HK=1", "--post", NULL);
  assert_refused (fixture, 1, "female_18_59", DISTRIBUTION_HEAD ("2026-03-11"), "--female-18-59",
                  "ten", "--total", "10", "--line", "HK=10", "--post", NULL);
  assert_refused (fixture, 1, "female_0_4", DISTRIBUTION_HEAD ("2026-03-11"), "--female-0-4",
                  "-1", "--total", "1", "--line", "HK=1", "--post", NULL);
  /* More than the warehouse holds. */
  assert_refused (fixture, 1, "HK", DISTRIBUTION_HEAD ("2026-03-11"), "--female-18-59", "1",
                  "--total", "1", "--line", "HK=1000", "--post", NULL);
  run (fixture, "check", NULL);
  assert_ok (fixture, NULL);
}

/* Household lists and entitlements --------------------------------------------- */

static void
test_household_list (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *first = write_file (fixture, "first.csv",
                                       "household,item,quantity\n"
                                       "HH-001,HK,5\n"
                                       "HH-002,HK,3\n"
                                       "HH-001,BLK,2\n");
  g_autofree char *second = write_file (fixture, "second.csv",
                                        "Household code;Item;Qty;Override reason\r\n"
                                        "HH-002;BLK;1;\r\n"
                                        "HH-003;BLK;2;\r\n"
                                        ";;;\r\n");

  add_catalogue (fixture);
  add_households (fixture);

  run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-05"), "--households-file", first, "--post", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-DIS-2026-00001.\n");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 492);
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "BLK", NULL), ==, 298);

  run (fixture, "doc", "show", "BEN-DIS-2026-00001", NULL);
  assert_ok (fixture, "Household list:");
  assert_out_has (fixture, "HH-002");
  run (fixture, "doc", "show", "BEN-DIS-2026-00001", "--format", "json", NULL);
  assert_ok (fixture, "\"receipts\": [");
  assert_out_has (fixture, "\"household\": \"HH-001\"");
  assert_out_has (fixture, "\"quantity\": 5");
  /* Its people are its households' members. */
  assert_out_has (fixture, "\"households\": 2");
  assert_out_has (fixture, "\"total\": 8");
  assert_json (fixture->out, '{');
  run (fixture, "doc", "show", "BEN-DIS-2026-00001", "--format", "tsv", NULL);
  assert_ok (fixture, "HH-001:HK=5");
  assert_out_has (fixture, "HH-002:HK=3");

  reached (fixture, NULL, NULL);
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 8);
  g_assert_cmpint (tsv_value (fixture, "households"), ==, 2);
  g_assert_cmpint (tsv_value (fixture, "female_60"), ==, 1);
  g_assert_cmpint (tsv_value (fixture, "disabled"), ==, 1);

  /* A second distribution to HH-002 and HH-003: HH-002 counts once. */
  run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-12"), "--households-file", second, "--post", NULL);
  assert_ok (fixture, "BEN-DIS-2026-00002");
  reached (fixture, NULL, NULL);
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 10);
  g_assert_cmpint (tsv_value (fixture, "households"), ==, 3);
  g_assert_cmpint (tsv_value (fixture, "male_60"), ==, 1);
  reached (fixture, "ECHO-2026", "people_hygiene");
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 10);

  run (fixture, "check", NULL);
  assert_ok (fixture, NULL);
}

static void
test_entitlements (Fixture      *fixture,
                   gconstpointer data)
{
  g_autofree char *first = write_file (fixture, "first.csv",
                                       "household,item,quantity\n"
                                       "HH-001,HK,5\n"
                                       "HH-002,HK,3\n");
  g_autofree char *again = write_file (fixture, "again.csv",
                                       "household,item,quantity\n"
                                       "HH-003,HK,2\n"
                                       "HH-002,HK,3\n");
  g_autofree char *overridden = write_file (fixture, "overridden.csv",
                                            "household,item,quantity,override_reason\n"
                                            "HH-003,HK,2,\n"
                                            "HH-002,HK,3,Kits lost in the flood of 10 March\n");
  g_autofree char *due = write_file (fixture, "due.csv",
                                     "household,item,quantity\n"
                                     "HH-001,HK,5\n");
  g_autofree char *before = NULL;

  add_catalogue (fixture);
  add_households (fixture);
  run (fixture, "add", "entitlement", "--code", "HK-30", "--item", "HK", "--per", "person",
       "--quantity", "1", "--interval-days", "30", NULL);
  assert_ok (fixture, "HK-30");
  run (fixture, "list", "entitlement", "--format", "tsv", NULL);
  assert_ok (fixture, "HK-30\tHK\tperson\t1\t30\t");

  run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-01"), "--households-file", first, "--post", NULL);
  assert_ok (fixture, "BEN-DIS-2026-00001");

  /* HH-002 received on 1 March: again within 30 days is refused, naming
   * the household, the earlier date and the line of the file. */
  before = snapshot (fixture);
  run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-20"), "--households-file", again, "--post", NULL);
  assert_fails (fixture, 1, "HH-002", "2026-03-01", "again.csv, line 3", NULL);
  assert_unchanged (fixture, before);
  g_clear_pointer (&before, g_free);

  /* A draft can be checked before posting. */
  run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-20"), "--households-file", again, NULL);
  assert_ok (fixture, "Saved draft");
  {
    g_auto (GStrv) words = g_strsplit (fixture->out, " ", -1);
    g_autofree char *id = NULL;

    /* "Saved draft ID; post it …" */
    g_assert_cmpuint (g_strv_length (words), >=, 3);
    id = g_strdup (words[2]);
    id[strlen (id) - 1] = '\0';
    before = snapshot (fixture);
    run (fixture, "doc", "check", id, NULL);
    assert_ok (fixture, "HH-002");
    assert_out_has (fixture, "1 receipt breaks");
    run (fixture, "doc", "check", id, "--format", "tsv", NULL);
    assert_ok (fixture, "household\titem\tquantity\tprevious_date\toverride_reason\tflagged\n");
    assert_out_has (fixture, "HH-002\tHK\t3\t2026-03-01\t\tyes\n");
    assert_out_has (fixture, "HH-003\tHK\t2\t\t\tno\n");
    /* Checking changes nothing. */
    assert_unchanged (fixture, before);
    run (fixture, "doc", "delete", id, NULL);
    assert_ok (fixture, NULL);
  }

  /* With a reason, it is distributed, and the log says why. */
  run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-20"), "--households-file", overridden, "--post",
       NULL);
  assert_ok (fixture, "BEN-DIS-2026-00002");
  run (fixture, "doc", "show", "BEN-DIS-2026-00002", "--format", "tsv", NULL);
  assert_ok (fixture, "HH-002:HK=3:previous_date=2026-03-01:override_reason=Kits lost in the flood");
  run (fixture, "list", "audit", "--limit", "5", NULL);
  assert_ok (fixture, "Kits lost in the flood of 10 March");

  /* On 1 April HH-001 is due again, 31 days on; HH-002, given kits on 20
   * March, is not. */
  assert_refused (fixture, 1, "2026-03-20", HOUSEHOLD_LIST_HEAD ("2026-04-01"), "--households-file",
                  first, "--post", NULL);
  run (fixture, HOUSEHOLD_LIST_HEAD ("2026-04-01"), "--households-file", due, "--post", NULL);
  assert_ok (fixture, "BEN-DIS-2026-00003");
  /* A household list and lines of its own do not go together. */
  assert_refused (fixture, 1, "lines", HOUSEHOLD_LIST_HEAD ("2026-04-02"), "--line", "HK=1",
                  "--households-file", again, "--post", NULL);

  run (fixture, "check", NULL);
  assert_ok (fixture, NULL);
}

/* Services ------------------------------------------------------------------- */

static void
test_service (Fixture      *fixture,
              gconstpointer data)
{
  add_catalogue (fixture);

  run (fixture, "doc", "new", "service", "--date", "2026-03-15", "--site", "GAN", "--activity",
       "water_trucking", "--quantity", "20,000", "--population-group", "migrants", "--grant",
       "ECHO-2026", "--indicator", "people_water", "--female-18-59", "40", "--male-18-59", "150",
       "--male-12-17", "10", "--total", "200", "--post", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpstr (fixture->out, ==, "Posted BEN-SRV-2026-00001.\n");
  run (fixture, "doc", "show", "BEN-SRV-2026-00001", "--format", "json", NULL);
  assert_ok (fixture, "\"quantity\": 20000");
  assert_out_has (fixture, "\"activity\": \"water_trucking\"");
  assert_out_has (fixture, "\"total\": 200");
  assert_out_lacks (fixture, "\"receipts\"");
  assert_json (fixture->out, '{');
  /* No stock moved. */
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 500);

  run (fixture, DISTRIBUTION_HEAD ("2026-03-16"), "--indicator", "people_hygiene",
       "--female-18-59", "5", "--total", "5", "--line", "HK=5", "--post", NULL);
  assert_ok (fixture, NULL);

  reached (fixture, NULL, NULL);
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 205);
  g_assert_cmpint (tsv_value (fixture, "male_12_17"), ==, 10);
  reached (fixture, NULL, "people_water");
  g_assert_cmpint (tsv_value (fixture, "total"), ==, 200);
  g_assert_cmpint (tsv_value (fixture, "female_18_59"), ==, 40);

  assert_refused (fixture, 1, "201", "doc", "new", "service", "--date", "2026-03-17", "--site",
                  "GAN", "--activity", "water_trucking", "--quantity", "5000",
                  "--population-group", "migrants", "--male-18-59", "200", "--total", "201",
                  "--post", NULL);
  assert_refused (fixture, 1, "2099-03-17", "doc", "new", "service", "--date", "2099-03-17",
                  "--site", "GAN", "--activity", "water_trucking", "--quantity", "5000",
                  "--population-group", "migrants", "--male-18-59", "200", "--total", "200",
                  "--post", NULL);
}

/* A site's reconciliation -------------------------------------------------------- */

static void
test_reconcile (Fixture      *fixture,
                gconstpointer data)
{
  add_catalogue (fixture);

  /* 100 kits sent to the site and received there; 60 given out from its
   * own stock. */
  run (fixture, "doc", "new", "waybill", "--date", "2026-03-02", "--warehouse", "BEN-MAIN",
       "--to-site", "GAN", "--line", "HK=100:grant=ECHO-2026", "--post", NULL);
  assert_ok (fixture, "BEN-WB-2026-00001");
  run (fixture, "reconcile", "--site", "GAN", "--from", "2026-03-01", "--to", "2026-03-31",
       "--format", "tsv", NULL);
  assert_ok (fixture, "item\topening\tdispatched\treceived\tdistributed\treturned\tlost\t"
                      "in_transit\tremaining\tdifference\n");
  assert_out_has (fixture, "HK\t0\t100\t0\t0\t0\t0\t100\t0\t0\n");
  run (fixture, "doc", "new", "reception", "--date", "2026-03-03", "--waybill",
       "BEN-WB-2026-00001", "--line", "HK=100:grant=ECHO-2026", "--post", NULL);
  assert_ok (fixture, "BEN-RCV-2026-00001");
  run (fixture, "doc", "new", "distribution", "--date", "2026-03-10", "--site", "GAN",
       "--population-group", "migrants", "--grant", "ECHO-2026", "--male-18-59", "60", "--total",
       "60", "--line", "HK=60", "--post", NULL);
  assert_ok (fixture, "BEN-DIS-2026-00001");
  g_assert_cmpint (balance (fixture, "-w", "BEN-MAIN", "-i", "HK", NULL), ==, 400);

  run (fixture, "reconcile", "--site", "GAN", "--from", "2026-03-01", "--to", "2026-03-31",
       "--format", "tsv", NULL);
  assert_ok (fixture, NULL);
  g_assert_cmpuint (assert_tsv (fixture->out, "item\t"), ==, 1);
  assert_out_has (fixture, "HK\t0\t100\t100\t60\t0\t0\t0\t40\t0\n");
  run (fixture, "reconcile", "--site", "GAN", "--from", "2026-03-01", "--to", "2026-03-31", NULL);
  assert_ok (fixture, "Dispatched");
  assert_out_has (fixture, "Difference");
  run (fixture, "reconcile", "--site", "GAN", "--from", "2026-03-01", "--to", "2026-03-31",
       "--format", "json", NULL);
  assert_ok (fixture, "\"remaining\": 40");
  assert_json (fixture->out, '[');
  /* The next month opens with what remained. */
  run (fixture, "reconcile", "--site", "GAN", "--from", "2026-04-01", "--to", "2026-04-30",
       "--format", "tsv", NULL);
  assert_ok (fixture, "HK\t40\t0\t0\t0\t0\t0\t0\t40\t0\n");

  /* More than the site holds. */
  assert_refused (fixture, 1, "HK", "doc", "new", "distribution", "--date", "2026-03-11",
                  "--site", "GAN", "--population-group", "migrants", "--grant", "ECHO-2026",
                  "--male-18-59", "41", "--total", "41", "--line", "HK=41", "--post", NULL);
  run (fixture, "reconcile", "--site", "NOWHERE", "--from", "2026-03-01", "--to", "2026-03-31",
       NULL);
  assert_fails (fixture, 1, "NOWHERE", NULL);

  run (fixture, "check", NULL);
  assert_ok (fixture, NULL);
}

/* Bad household lists: one message, exit status 1, nothing changed ------------------ */

typedef struct
{
  const char *name;
  const char *file;     /* contents of households.csv */
  const char *texts[4]; /* in the message */
} BadList;

/* clang-format off */
static const BadList bad_lists[] = {
  { "text-quantity", "household,item,quantity\nHH-001,HK,5\nHH-002,HK,three\n",
    { "households.csv, line 3, column 3", "quantity", "three", NULL } },
  { "zero-quantity", "household,item,quantity\nHH-001,HK,0\n",
    { "households.csv, line 2, column 3", NULL } },
  { "no-household", "household,item,quantity\nHH-001,HK,1\n,HK,1\n",
    { "households.csv, line 3, column 1", NULL } },
  { "no-item", "item,household,quantity\nHK,HH-001,1\n ,HH-002,1\n",
    { "households.csv, line 3, column 1", NULL } },
  { "unknown-column", "household,item,quantity,colour\nHH-001,HK,1,red\n",
    { "households.csv, line 1, column 4", "colour", NULL } },
  { "repeated-column", "household,item,quantity,qty\nHH-001,HK,1,1\n",
    { "households.csv, line 1, column 4", NULL } },
  { "missing-column", "household,quantity\nHH-001,1\n", { "item", NULL } },
  { "too-many-values", "household,item,quantity\nHH-001,HK,1,extra\n", { "line 2", NULL } },
  { "empty", "", { "households.csv", NULL } },
  { "header-only", "household,item,quantity\n", { "households.csv", NULL } },
  { "unknown-household", "household,item,quantity\nHH-001,HK,1\nHH-999,HK,1\n",
    { "HH-999", NULL } },
  { "unknown-item", "household,item,quantity\nHH-001,TENT,1\n", { "TENT", NULL } },
  { "too-much", "household,item,quantity\nHH-001,HK,400\nHH-002,HK,200\n", { "HK", NULL } },
  { "bad-quote", "household,item,quantity\n\"HH-001,HK,1\n", { "households.csv", NULL } },
};
/* clang-format on */

static void
test_bad_list (Fixture      *fixture,
               gconstpointer data)
{
  const BadList   *bl = data;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;

  add_catalogue (fixture);
  add_households (fixture);
  path = write_file (fixture, "households.csv", bl->file);

  before = snapshot (fixture);
  run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-05"), "--households-file", path, "--post", NULL);
  g_test_message ("%s: %s", bl->name, fixture->err);
  assert_fails (fixture, 1, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bl->texts) && bl->texts[i] != NULL; i++)
    if (strstr (fixture->err, bl->texts[i]) == NULL)
      g_error ("%s: expected “%s” in: %s", bl->name, bl->texts[i], fixture->err);
  g_assert_cmpuint (strlen (fixture->err), <, 1000);
  assert_unchanged (fixture, before);

  /* Nor does a draft of it get saved. */
  run (fixture, HOUSEHOLD_LIST_HEAD ("2026-03-05"), "--households-file", path, NULL);
  if (fixture->status == 0)
    g_assert_nonnull (strstr (bl->name, "too-much"));
  else
    assert_unchanged (fixture, before);

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

  ADD ("/cli/people/help", test_help, NULL);
  ADD ("/cli/people/households", test_households, NULL);
  ADD ("/cli/people/aggregate", test_aggregate, NULL);
  ADD ("/cli/people/household-list", test_household_list, NULL);
  ADD ("/cli/people/entitlements", test_entitlements, NULL);
  ADD ("/cli/people/service", test_service, NULL);
  ADD ("/cli/people/reconcile", test_reconcile, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_lists); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/people/bad-list/%s", bad_lists[i].name);
      ADD (path, test_bad_list, &bad_lists[i]);
    }

  return g_test_run ();
}
