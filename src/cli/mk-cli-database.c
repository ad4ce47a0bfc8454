/* mk-cli-database.c: init, dump and check, the commands on the file itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli.h"

typedef struct
{
  char *code;
  char *number;
  char *name_en;
  char *name_ar;
} InitOptions;

static void
init_options_clear (InitOptions *options)
{
  g_free (options->code);
  g_free (options->number);
  g_free (options->name_en);
  g_free (options->name_ar);
}

gboolean
mk_cli_command_init (MkCli   *cli,
                     char  ***args,
                     GError **error)
{
  InitOptions        options = { NULL, NULL, NULL, NULL };
  const GOptionEntry entries[] = {
    { "code", 0, 0, G_OPTION_ARG_FILENAME, &options.code,
      N_ ("The office’s code: 2 to 8 letters or digits, such as BEN"), N_ ("CODE") },
    { "number", 0, 0, G_OPTION_ARG_FILENAME, &options.number,
      N_ ("The office’s number, 1 to 65535, unique in the mission; it never changes"),
      N_ ("NUMBER") },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &options.name_en, N_ ("The office’s name in English"),
      N_ ("TEXT") },
    { "name-en", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &options.name_en, NULL, NULL },
    { "name_en", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &options.name_en, NULL, NULL },
    { "name-ar", 0, 0, G_OPTION_ARG_FILENAME, &options.name_ar, N_ ("The office’s name in Arabic"),
      N_ ("TEXT") },
    { "name_ar", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &options.name_ar, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *display = NULL;
  gint64           number = 0;
  gboolean         ok = FALSE;

  context = mk_cli_option_context_new (cli, "", N_ ("Creates a new, empty database for an office."),
                                       entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error))
    goto out;
  if (!mk_cli_utf8_in_place (&options.code, error) ||
      !mk_cli_utf8_in_place (&options.number, error) ||
      !mk_cli_utf8_in_place (&options.name_en, error) ||
      !mk_cli_utf8_in_place (&options.name_ar, error))
    goto out;
  if (options.code == NULL || options.number == NULL || options.name_en == NULL)
    {
      mk_cli_set_usage_error (error, _ ("“init” needs --code, --number and --name."));
      goto out;
    }
  /* Arabic-Indic digits are digits; the core names the allowed range. */
  if (!mk_text_parse_int (options.number, &number, &local_error))
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, "%s %s",
                   _ ("The office number must be between 1 and 65535."), local_error->message);
      goto out;
    }
  if (number < 1 || number > 65535)
    number = 0;

  db = mk_cli_create_database (cli, NULL, options.code, (guint) number, options.name_en,
                               options.name_ar, error);
  if (db == NULL)
    goto out;

  display = g_filename_display_name (mk_database_get_path (db));
  /* Translators: “Created the database /home/…/ben.db for office BEN (number 2).” */
  mk_cli_print_line (_ ("Created the database %s for office %s (number %u)."), display,
                     mk_database_get_office_code (db), mk_database_get_office_number (db));
  ok = TRUE;

out:
  init_options_clear (&options);
  return ok;
}

gboolean
mk_cli_command_dump (MkCli   *cli,
                     char  ***args,
                     GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autofree char *dump = NULL;

  context = mk_cli_option_context_new (
      cli, "", N_ ("Prints every row of every table in a stable order, to compare two databases."),
      NULL, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error))
    return FALSE;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    return FALSE;
  dump = mk_database_dump (db, error);
  if (dump == NULL)
    return FALSE;
  mk_cli_write (dump);
  return TRUE;
}

gboolean
mk_cli_command_check (MkCli   *cli,
                      char  ***args,
                      GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;

  context = mk_cli_option_context_new (
      cli, "",
      N_ ("Runs SQLite’s integrity and foreign-key checks on the database, then proves the stock "
          "ledger: balances and transit equal the sum of the movements, numbers have no gaps, "
          "nothing was received before it left. The first fault found is named."),
      NULL, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error))
    return FALSE;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL || !mk_database_check_integrity (db, error) || !mk_ledger_check (db, error))
    return FALSE;
  mk_cli_print_line ("%s", _ ("The database is sound."));
  return TRUE;
}
