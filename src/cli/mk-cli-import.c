/* mk-cli-import.c: "import WHAT FILE.csv", all rows or none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli.h"

/* What mk_import_csv() imports, by the names people type. */
static const char *const importables[] = {
  "items",
  "kits",
  "warehouses",
  "sites",
  "donors",
  "grants",
  "partners",
  "households",
  "entitlements",
};

static const char *
find_importable (const char *name)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  g_autofree char *plural = g_strconcat (key, "s", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (importables); i++)
    if (g_str_equal (importables[i], key) || g_str_equal (importables[i], plural))
      return importables[i];
  return NULL;
}

gboolean
mk_cli_command_import (MkCli   *cli,
                       char  ***args,
                       GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autofree char *display = NULL;
  const char      *what;
  guint            n_rows = 0;

  context = mk_cli_option_context_new (
      cli, N_ ("items|kits|warehouses|sites|donors|grants|partners|households|entitlements FILE.csv"),
      N_ ("Imports a CSV file whose first line names the fields (code, name_en …); a row whose "
          "code exists updates that record. A kit file has the columns kit_code, component_code "
          "and quantity. Nothing is imported unless every row is good."),
      NULL, NULL);
  /* FILE is a file name, in the system's encoding. */
  cli->raw_arguments_from = 2;
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 2, 2, error))
    return FALSE;

  what = find_importable ((*args)[1]);
  if (what == NULL)
    {
      mk_cli_set_usage_error (error,
                              _ ("Makhzan cannot import “%s”; it imports items, kits, warehouses, "
                                 "sites, donors, grants, partners, households and entitlements."),
                              (*args)[1]);
      return FALSE;
    }

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL || !mk_import_csv (db, what, (*args)[2], &n_rows, error))
    return FALSE;

  display = g_filename_display_basename ((*args)[2]);
  /* Translators: “Imported 12 rows from items.csv.” */
  mk_cli_print_line (g_dngettext (GETTEXT_PACKAGE, "Imported %u row from %s.",
                                  "Imported %u rows from %s.", n_rows),
                     n_rows, display);
  return TRUE;
}
