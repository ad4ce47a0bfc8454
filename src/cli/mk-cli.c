/* mk-cli.c: makhzan-cli's entry point, global options and commands.
 *
 *   makhzan-cli [--db PATH] [--user NAME] [--function TEXT]
 *               [--format table|tsv|json] COMMAND ARGS
 *
 * Every error is one line on standard error, "makhzan-cli: …", and exit
 * status 1, or 2 when the command line itself is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#ifdef G_OS_WIN32
#include <windows.h>
#endif

#include "mk-cli.h"

/* clang-format off */
G_DEFINE_QUARK (mk-cli-error-quark, mk_cli_error)
/* clang-format on */

#define PROGRAM_NAME "makhzan-cli"

typedef struct
{
  const char      *name;
  MkCliCommandFunc func;
  const char      *summary; /* N_() */
} Command;

static const Command commands[] = {
  { "init", mk_cli_command_init, N_ ("Create a database for an office") },
  { "list", mk_cli_command_list, N_ ("List records, places, vocabularies or the audit log") },
  { "show", mk_cli_command_show, N_ ("Show one record") },
  { "add", mk_cli_command_add, N_ ("Add a record") },
  { "edit", mk_cli_command_edit, N_ ("Change fields of a record") },
  { "kit", mk_cli_command_kit, N_ ("Show or set the components of a kit") },
  { "import", mk_cli_command_import, N_ ("Import records or kits from a CSV file or an Excel workbook") },
  { "export", mk_cli_command_export, N_ ("Export records or kits to a CSV file or an Excel workbook") },
  { "doc", mk_cli_command_doc, N_ ("Create, post, cancel, show or list stock documents") },
  { "balance", mk_cli_command_balance, N_ ("Print the stock of an item in a warehouse") },
  { "stock", mk_cli_command_stock, N_ ("List the stock by warehouse, item, lot and grant") },
  { "stock-card", mk_cli_command_stock_card, N_ ("Show an item’s movements in a warehouse") },
  { "suggest-lots", mk_cli_command_suggest_lots,
    N_ ("Suggest lots to issue, first expiry first out") },
  { "in-transit", mk_cli_command_in_transit, N_ ("List what waybills still carry") },
  { "expiring", mk_cli_command_expiring, N_ ("List lots that expire soon") },
  { "below-reorder", mk_cli_command_below_reorder,
    N_ ("List items at or below their reorder level") },
  { "print", mk_cli_command_print,
    N_ ("Write a waybill, GRN, distribution list or other printed document as PDF") },
  { "report", mk_cli_command_report,
    N_ ("Write a stock report, stock card, distribution report, donor workbook, 5W sheet or register as an Excel workbook") },
  { "reached", mk_cli_command_reached,
    N_ ("Count the unique people reached in a period, by sex and age") },
  { "reconcile", mk_cli_command_reconcile,
    N_ ("Show what a site received, gave out and still holds") },
  { "households", mk_cli_command_households, N_ ("List households that are likely duplicates") },
  { "office", mk_cli_command_office,
    N_ ("Show or set whether the office keeps households’ personal data") },
  { "demo", mk_cli_command_demo, N_ ("Create a demo database of a country office") },
  { "bench", mk_cli_command_bench, N_ ("Measure the performance budgets on a generated mission") },
  { "backup", mk_cli_command_backup, N_ ("Write a backup of the database while it is in use") },
  { "verify", mk_cli_command_verify, N_ ("Check a backup without restoring it") },
  { "restore", mk_cli_command_restore, N_ ("Restore a backup into a new database file") },
  { "dump", mk_cli_command_dump, N_ ("Print every row of the database, for comparisons") },
  { "check", mk_cli_command_check, N_ ("Check the database file and the stock ledger") },
};

/* Output ----------------------------------------------------------------- */

void
mk_cli_write (const char *text)
{
  /* Not g_print(): it converts to the locale's character set, which would
   * turn Arabic names into escapes under LANG=C. Data stays UTF-8. */
  fputs (text, stdout);
}

void
mk_cli_print_line (const char *format,
                   ...)
{
  g_autofree char *text = NULL;
  va_list          args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  mk_cli_write (text);
  mk_cli_write ("\n");
}

void
mk_cli_set_usage_error (GError    **error,
                        const char *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (MK_CLI_ERROR, MK_CLI_ERROR_USAGE, format, args));
  va_end (args);
}

/* Arguments --------------------------------------------------------------- */

char *
mk_cli_argument_to_utf8 (const char *arg,
                         GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  char *text;

  if (arg == NULL)
    return g_strdup ("");
  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);
  text = g_locale_to_utf8 (arg, -1, NULL, NULL, &local_error);
  if (text == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (arg, -1);
      mk_cli_set_usage_error (error,
                              /* Translators: %s is a command-line argument. */
                              _ ("The argument “%s” is not valid text; write it in UTF-8."),
                              shown);
    }
  return text;
}

gboolean
mk_cli_utf8_in_place (char   **arg,
                      GError **error)
{
  char *text;

  if (*arg == NULL)
    return TRUE;
  text = mk_cli_argument_to_utf8 (*arg, error);
  if (text == NULL)
    return FALSE;
  g_free (*arg);
  *arg = text;
  return TRUE;
}

/* Global options --------------------------------------------------------- */

static gboolean
replace_string (char      **target,
                const char *option_name,
                const char *value,
                GError    **error)
{
  if (value == NULL || *value == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is an option, such as --db. */
                   _ ("The option %s needs a value."), option_name);
      return FALSE;
    }
  g_free (*target);
  *target = g_strdup (value);
  return TRUE;
}

static gboolean
db_option_cb (const char *option_name,
              const char *value,
              gpointer    data,
              GError    **error)
{
  MkCli *cli = data;
  return replace_string (&cli->db_path, option_name, value, error);
}

static gboolean
user_option_cb (const char *option_name,
                const char *value,
                gpointer    data,
                GError    **error)
{
  MkCli           *cli = data;
  g_autofree char *text = mk_cli_argument_to_utf8 (value, error);

  return text != NULL && replace_string (&cli->user, option_name, text, error);
}

static gboolean
function_option_cb (const char *option_name,
                    const char *value,
                    gpointer    data,
                    GError    **error)
{
  MkCli *cli = data;
  char  *text = mk_cli_argument_to_utf8 (value, error);

  if (text == NULL)
    return FALSE;
  /* An empty function is allowed: it is the profile without a function. */
  g_free (cli->function);
  cli->function = text;
  return TRUE;
}

static gboolean
format_option_cb (const char *option_name,
                  const char *value,
                  gpointer    data,
                  GError    **error)
{
  MkCli *cli = data;

  if (g_strcmp0 (value, "table") == 0)
    cli->format = MK_CLI_FORMAT_TABLE;
  else if (g_strcmp0 (value, "tsv") == 0)
    cli->format = MK_CLI_FORMAT_TSV;
  else if (g_strcmp0 (value, "json") == 0)
    cli->format = MK_CLI_FORMAT_JSON;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: do not translate table, tsv and json. */
                   _ ("The format “%s” is unknown; use table, tsv or json."), value);
      return FALSE;
    }
  return TRUE;
}

static const GOptionEntry global_entries[] = {
  { "db", 'd', G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, db_option_cb,
    N_ ("The database file (default: $MAKHZAN_DB, or makhzan.db in the user data folder)"),
    N_ ("PATH") },
  { "user", 'u', G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, user_option_cb,
    N_ ("The person recorded in the audit log (default: $MAKHZAN_USER, or the login’s name)"),
    N_ ("NAME") },
  { "function", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, function_option_cb,
    N_ ("The person’s function, such as Storekeeper (default: $MAKHZAN_FUNCTION)"),
    N_ ("TEXT") },
  { "format", 'f', G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, format_option_cb,
    N_ ("How lists are written: table (for people), tsv or json"), N_ ("FORMAT") },
  G_OPTION_ENTRY_NULL
};

static GOptionGroup *
global_group_new (MkCli *cli)
{
  GOptionGroup *group = g_option_group_new ("global",
                                            /* Translators: a heading of --help-all. */
                                            N_ ("Global options:"),
                                            N_ ("Show the global options"), cli, NULL);

  g_option_group_add_entries (group, global_entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}

GOptionContext *
mk_cli_option_context_new (MkCli              *cli,
                           const char         *parameters,
                           const char         *summary,
                           const GOptionEntry *entries,
                           gpointer            entries_data)
{
  /* The program's name is "makhzan-cli COMMAND" while the command runs. */
  GOptionContext *context = g_option_context_new (parameters);
  GOptionGroup   *main_group = g_option_group_new (cli->command, NULL, NULL, entries_data, NULL);

  if (entries != NULL)
    g_option_group_add_entries (main_group, entries);
  g_option_group_set_translation_domain (main_group, GETTEXT_PACKAGE);
  g_option_context_set_main_group (context, main_group);
  g_option_context_add_group (context, global_group_new (cli));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  return context;
}

gboolean
mk_cli_parse (MkCli          *cli,
              GOptionContext *context,
              char         ***args,
              GError        **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!g_option_context_parse_strv (context, args, &local_error))
    {
      g_set_error_literal (error, MK_CLI_ERROR, MK_CLI_ERROR_USAGE, local_error->message);
      return FALSE;
    }
  /* The arguments left, as text; a file name stays as the system wrote it. */
  for (guint i = 1; (*args)[i] != NULL; i++)
    if (cli->raw_arguments_from == 0 || i < cli->raw_arguments_from)
      if (!mk_cli_utf8_in_place (&(*args)[i], error))
        return FALSE;
  return TRUE;
}

gboolean
mk_cli_check_arguments (MkCli   *cli,
                        char   **args,
                        guint    min,
                        guint    max,
                        GError **error)
{
  guint n = g_strv_length (args);
  guint given = n > 0 ? n - 1 : 0;

  if (given < min)
    {
      mk_cli_set_usage_error (error,
                              /* Translators: %s is a command, such as "show". */
                              _ ("“%s” needs more arguments; see “makhzan-cli %s --help”."),
                              cli->command, cli->command);
      return FALSE;
    }
  if (given > max)
    {
      mk_cli_set_usage_error (error,
                              /* Translators: the first %s is an argument, the
                               * second a command. */
                              _ ("Unexpected argument “%s”; see “makhzan-cli %s --help”."),
                              args[max + 1], cli->command);
      return FALSE;
    }
  return TRUE;
}

const MkKind *
mk_cli_lookup_kind (const char *name,
                    GError    **error)
{
  const MkKind *kind = name != NULL ? mk_kind_lookup (name) : NULL;

  if (kind == NULL)
    {
      g_autoptr (GString) known = g_string_new (NULL);
      const MkKind **all = mk_kind_all ();

      for (guint i = 0; all[i] != NULL; i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "", all[i]->name);
      if (name == NULL)
        mk_cli_set_usage_error (error, _ ("Name the kind of record: %s."), known->str);
      else
        mk_cli_set_usage_error (error,
                                _ ("There is no kind of record called “%s”; use one of: %s."),
                                name, known->str);
    }
  return kind;
}

/* Options named after fields ----------------------------------------------- */

const char *
mk_cli_field_argument (const MkField *field)
{
  switch (field->type)
    {
    case MK_FIELD_CODE:
    case MK_FIELD_REF:
      return N_ ("CODE");
    case MK_FIELD_INT:
    case MK_FIELD_DECIMAL:
      return N_ ("NUMBER");
    case MK_FIELD_BOOL:
      /* Translators: the value of a yes/no option in --help; yes and no are
       * accepted in English and Arabic. */
      return N_ ("yes|no");
    case MK_FIELD_DATE:
      return N_ ("YYYY-MM-DD");
    case MK_FIELD_VOCAB:
    case MK_FIELD_CHOICE:
      return N_ ("VALUE");
    case MK_FIELD_PLACE:
      return N_ ("BALADIYA");
    case MK_FIELD_TEXT:
    default:
      return N_ ("TEXT");
    }
}

void
mk_cli_append_option_entry (GArray             *entries,
                            const GOptionEntry *entry,
                            GPtrArray          *strings)
{
  g_array_append_val (entries, *entry);
  if (strchr (entry->long_name, '_') != NULL)
    {
      GOptionEntry hidden = *entry;
      char        *hyphenated = g_strdelimit (g_strdup (entry->long_name), "_", '-');

      g_ptr_array_add (strings, hyphenated);
      hidden.long_name = hyphenated;
      hidden.flags |= G_OPTION_FLAG_HIDDEN;
      g_array_append_val (entries, hidden);
    }
}

gboolean
mk_cli_take_field_option (GPtrArray  *names,
                          GPtrArray  *values,
                          const char *option_name,
                          const char *value,
                          GError    **error)
{
  const char *name = option_name;
  char       *text = mk_cli_argument_to_utf8 (value, error);

  if (text == NULL)
    return FALSE;
  while (*name == '-')
    name++;
  /* --name-en is --name_en. */
  g_ptr_array_add (names, g_strdelimit (g_strdup (name), "-", '_'));
  g_ptr_array_add (values, text);
  return TRUE;
}

/* The database ----------------------------------------------------------- */

char *
mk_cli_get_database_path (MkCli *cli)
{
  const char *env;

  if (cli->db_path != NULL)
    return g_strdup (cli->db_path);
  env = g_getenv ("MAKHZAN_DB");
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "makhzan", "makhzan.db", NULL);
}

const char *
mk_cli_get_user (MkCli *cli)
{
  if (cli->user == NULL)
    {
      const char *env = g_getenv ("MAKHZAN_USER");
      const char *real = g_get_real_name ();

      if (env != NULL && *env != '\0')
        cli->user = g_strdup (env);
      else if (real != NULL && *real != '\0' && !g_str_equal (real, "Unknown"))
        cli->user = g_strdup (real);
      else
        cli->user = g_strdup (g_get_user_name ());
    }
  return cli->user;
}

static const char *
get_function (MkCli *cli)
{
  if (cli->function == NULL)
    {
      const char *env = g_getenv ("MAKHZAN_FUNCTION");
      cli->function = g_strdup (env != NULL ? env : "");
    }
  return cli->function;
}

MkDatabase *
mk_cli_open_database (MkCli   *cli,
                      gboolean for_writing,
                      GError **error)
{
  g_autofree char *path = mk_cli_get_database_path (cli);
  g_autoptr (MkDatabase) db = mk_database_open (path, error);

  if (db == NULL)
    return NULL;
  /* Only a command that writes records the user: reading a database must
   * not change it, and works on a copy that cannot be written. */
  if (for_writing && !mk_database_set_user (db, mk_cli_get_user (cli), get_function (cli), error))
    return NULL;
  return g_steal_pointer (&db);
}

MkDatabase *
mk_cli_create_database (MkCli      *cli,
                        const char *path,
                        const char *code,
                        guint       number,
                        const char *name_en,
                        const char *name_ar,
                        GError    **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr (MkDatabase) db = NULL;

  if (path == NULL)
    {
      path = default_path = mk_cli_get_database_path (cli);
      /* The user data folder may not have ours yet on a new machine. */
      if (cli->db_path == NULL && g_getenv ("MAKHZAN_DB") == NULL)
        {
          g_autofree char *folder = g_path_get_dirname (path);
          g_mkdir_with_parents (folder, 0700);
        }
    }

  db = mk_database_create (path, code, number, name_en, name_ar, error);
  if (db == NULL)
    return NULL;
  if (!mk_database_set_user (db, mk_cli_get_user (cli), get_function (cli), error))
    return NULL;
  return g_steal_pointer (&db);
}

/* Dispatch --------------------------------------------------------------- */

static char *
commands_description (void)
{
  GString *text = g_string_new (_ ("Commands:"));
  gsize    width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-*s  %s", (int) width, commands[i].name,
                            _ (commands[i].summary));
  g_string_append (text, "\n\n");
  g_string_append (text, _ ("“makhzan-cli COMMAND --help” shows the options of a command."));
  return g_string_free (text, FALSE);
}

static gboolean
run (MkCli   *cli,
     char  ***args,
     GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *description = commands_description ();
  g_autofree char *parameters = g_strdup_printf ("%s %s", _ ("COMMAND"), _ ("ARGUMENTS…"));
  const Command   *command = NULL;
  gboolean         ok;

  context = g_option_context_new (parameters);
  g_option_context_set_main_group (context, global_group_new (cli));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                N_ ("Makhzan’s records, kits, documents and stock from the command "
                                    "line, for scripts and tests."));
  /* The description is already translated; the context would look it up again. */
  g_option_context_set_description (context, description);
  /* Stop at the command: its options belong to it. */
  g_option_context_set_strict_posix (context, TRUE);

  cli->command = "";
  /* The command converts its own arguments: some are file names. */
  cli->raw_arguments_from = 1;
  if (!mk_cli_parse (cli, context, args, error))
    return FALSE;
  cli->raw_arguments_from = 0;

  if (g_strv_length (*args) < 2)
    {
      mk_cli_set_usage_error (error, _ ("Name a command; “makhzan-cli --help” lists them."));
      return FALSE;
    }
  if (g_str_equal ((*args)[1], "help"))
    {
      /* "makhzan-cli help [COMMAND]" is "makhzan-cli [COMMAND] --help". */
      g_free ((*args)[1]);
      if ((*args)[2] == NULL)
        {
          (*args)[1] = g_strdup ("--help");
          return mk_cli_parse (cli, context, args, error);
        }
      (*args)[1] = (*args)[2];
      (*args)[2] = g_strdup ("--help");
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, (*args)[1]))
      command = &commands[i];
  if (command == NULL)
    {
      mk_cli_set_usage_error (error,
                              _ ("There is no command “%s”; “makhzan-cli --help” lists them."),
                              (*args)[1]);
      return FALSE;
    }

  /* The command's arguments, with the command in place of the program. */
  {
    char *program = (*args)[0];

    memmove (*args, *args + 1, g_strv_length (*args) * sizeof (char *));
    g_free (program);
  }
  cli->command = command->name;
  {
    g_autofree char *prgname = g_strdup_printf ("%s %s", PROGRAM_NAME, command->name);
    g_set_prgname (prgname);
    ok = command->func (cli, args, error);
    g_set_prgname (PROGRAM_NAME);
  }
  return ok;
}

/* One line, however long or broken the message. */
static void
print_error (const char *message)
{
  g_autoptr (GString) line = g_string_new (PROGRAM_NAME ": ");
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  for (const char *p = valid; *p; p++)
    g_string_append_c (line, *p == '\n' || *p == '\r' ? ' ' : *p);
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);
  g_string_append_c (line, '\n');
  fputs (line->str, stderr);
  fflush (stderr);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  const char *localedir = g_getenv ("MAKHZAN_LOCALEDIR");
  MkCli       cli = { NULL, NULL, NULL, MK_CLI_FORMAT_TABLE, "", 0 };
  int         status = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname (PROGRAM_NAME);

#ifdef G_OS_WIN32
  /* The command line in UTF-8, so that Arabic file names and values
   * survive; and a console that shows UTF-8 output as such. */
  args = g_win32_get_command_line ();
  SetConsoleOutputCP (CP_UTF8);
#else
  args = g_strdupv (argv);
#endif

  if (!run (&cli, &args, &error))
    {
      status = g_error_matches (error, MK_CLI_ERROR, MK_CLI_ERROR_USAGE) ? 2 : 1;
      print_error (error->message);
    }

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      if (status == 0)
        print_error (_ ("The output could not be written."));
      status = 1;
    }

  g_free (cli.db_path);
  g_free (cli.user);
  g_free (cli.function);
  return status;
}
