/* mk-cli-test.c: running makhzan-cli in a temporary folder, and checking
 * its exit status, its output and its messages (shared by the CLI tests).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mk-cli-test.h"

/* The fixture ------------------------------------------------------------------ */

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

void
mk_cli_test_set_up (MkCliTest  *fixture,
                    const char *tmpl,
                    const char *user,
                    const char *function)
{
  g_autoptr (GError) error = NULL;
  const char      *build_root = g_getenv ("MAKHZAN_BUILD_ROOT");
  g_autofree char *localedir = NULL;

  fixture->dir = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "office.makhzan", NULL);
  fixture->out = g_strdup ("");
  fixture->err = g_strdup ("");
  fixture->snapshot_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  fixture->env = g_get_environ ();
  fixture->env = g_environ_setenv (fixture->env, "MAKHZAN_USER", user, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "MAKHZAN_FUNCTION", function, TRUE);
  fixture->env = g_environ_unsetenv (fixture->env, "MAKHZAN_DB");
  fixture->env = g_environ_unsetenv (fixture->env, "LANGUAGE");
  /* Nothing may touch the real user's data. */
  fixture->env = g_environ_setenv (fixture->env, "XDG_DATA_HOME", fixture->dir, TRUE);
  if (build_root != NULL)
    {
      localedir = g_build_filename (build_root, "po", "locale", NULL);
      fixture->env = g_environ_setenv (fixture->env, "MAKHZAN_LOCALEDIR", localedir, TRUE);
    }
}

void
mk_cli_test_tear_down (MkCliTest    *fixture,
                       gconstpointer data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->out);
  g_free (fixture->err);
  g_strfreev (fixture->env);
  g_ptr_array_unref (fixture->snapshot_lists);
}

void
mk_cli_test_add_snapshot_list (MkCliTest  *fixture,
                               const char *first,
                               ...)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const char *arg;
  va_list     ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_strv_builder_add (builder, arg);
  va_end (ap);
  g_ptr_array_add (fixture->snapshot_lists, g_strv_builder_end (builder));
}

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

int
mk_cli_test_run_argv (MkCliTest         *fixture,
                      const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);

  g_ptr_array_add (argv, (gpointer) cli_path ());
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
      g_autofree char *command = g_strjoinv (" ", (char **) argv->pdata);

      g_test_message ("%s: %s\n%s", command, error->message, fixture->err);
      g_assert_not_reached ();
    }
  return fixture->status;
}

int
mk_cli_test_run_args (MkCliTest         *fixture,
                      const char *const *args)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();

  g_ptr_array_add (all, (gpointer) "--db");
  g_ptr_array_add (all, fixture->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) args[i]);
  g_ptr_array_add (all, NULL);
  return mk_cli_test_run_argv (fixture, (const char *const *) all->pdata);
}

int
mk_cli_test_run (MkCliTest  *fixture,
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
  return mk_cli_test_run_args (fixture, (const char *const *) args->pdata);
}

/* What it said ------------------------------------------------------------------- */

void
mk_cli_test_assert_ok (MkCliTest  *fixture,
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

void
mk_cli_test_assert_out_has (MkCliTest  *fixture,
                            const char *text)
{
  if (strstr (fixture->out, text) == NULL)
    {
      g_test_message ("expected “%s” in:\n%s", text, fixture->out);
      g_assert_not_reached ();
    }
}

void
mk_cli_test_assert_out_lacks (MkCliTest  *fixture,
                              const char *text)
{
  if (strstr (fixture->out, text) != NULL)
    {
      g_test_message ("did not expect “%s” in:\n%s", text, fixture->out);
      g_assert_not_reached ();
    }
}

void
mk_cli_test_assert_fails (MkCliTest *fixture,
                          int        status,
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

/* The database as it was ----------------------------------------------------------- */

char *
mk_cli_test_snapshot (MkCliTest *fixture)
{
  GString *all = g_string_new (NULL);

  mk_cli_test_run (fixture, "dump", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_string_append (all, fixture->out);
  for (guint i = 0; i < fixture->snapshot_lists->len; i++)
    {
      mk_cli_test_run_args (fixture, g_ptr_array_index (fixture->snapshot_lists, i));
      mk_cli_test_assert_ok (fixture, NULL);
      g_string_append (all, fixture->out);
    }
  mk_cli_test_run (fixture, "list", "audit", "--limit", "1000000", "--format", "json", NULL);
  mk_cli_test_assert_ok (fixture, NULL);
  g_string_append (all, fixture->out);
  return g_string_free (all, FALSE);
}

void
mk_cli_test_assert_unchanged (MkCliTest  *fixture,
                              const char *before)
{
  g_autofree char *status_out = g_strdup (fixture->out);
  g_autofree char *status_err = g_strdup (fixture->err);
  g_autofree char *after = mk_cli_test_snapshot (fixture);

  if (g_strcmp0 (before, after) != 0)
    g_test_message ("the database changed after: %s%s", status_out, status_err);
  g_assert_cmpstr (before, ==, after);
}

char *
mk_cli_test_write_file (MkCliTest  *fixture,
                        const char *name,
                        const char *contents)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
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

void
mk_cli_test_assert_json (const char *text,
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

guint
mk_cli_test_assert_tsv (const char *text,
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

gint64
mk_cli_test_balance (MkCliTest  *fixture,
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
  mk_cli_test_run_args (fixture, (const char *const *) args->pdata);
  mk_cli_test_assert_ok (fixture, NULL);
  value = g_ascii_strtoll (fixture->out, &end, 10);
  g_assert_true (end != fixture->out);
  g_assert_cmpstr (end, ==, "\n");
  return value;
}
