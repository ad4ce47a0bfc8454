/* mk-cli-import.c: "import WHAT FILE" from CSV or xlsx, all rows or none,
 * with a preview; "export WHAT --out FILE" to CSV or xlsx.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "mk-cli-output.h"
#include "mk-cli.h"

static const char *
find_importable (const char *name)
{
  const char *const *kinds = mk_import_get_kinds ();
  g_autofree char   *key = g_ascii_strdown (name, -1);
  g_autofree char   *plural = g_strconcat (key, "s", NULL);

  for (guint i = 0; kinds[i]; i++)
    if (g_str_equal (kinds[i], key) || g_str_equal (kinds[i], plural))
      return kinds[i];
  return NULL;
}

static const char *
lookup_kind_argument (const char *name,
                      gboolean    exporting,
                      GError    **error)
{
  const char *what = find_importable (name);

  if (what == NULL && exporting)
    mk_cli_set_usage_error (error,
                            _ ("Makhzan cannot export “%s”; it exports items, kits, warehouses, "
                               "sites, donors, grants, partners, households and entitlements."),
                            name);
  else if (what == NULL)
    mk_cli_set_usage_error (error,
                            _ ("Makhzan cannot import “%s”; it imports items, kits, warehouses, "
                               "sites, donors, grants, partners, households, household-members, "
                               "entitlements and opening-stock."),
                            name);
  return what;
}

/* The problems as a table: line, column, header, message. */
static void
write_problems (MkCli     *cli,
                GPtrArray *problems)
{
  g_autoptr (MkCliTable) table = mk_cli_table_new ();
  guint c_line, c_column, c_header, c_message;

  if (cli->format == MK_CLI_FORMAT_TABLE)
    {
      for (guint i = 0; i < problems->len; i++)
        mk_cli_print_line ("%s", ((MkImportProblem *) g_ptr_array_index (problems, i))->message);
      return;
    }
  c_line = mk_cli_table_add_column (table, "line", _ ("Line"), MK_CLI_VALUE_NUMBER);
  c_column = mk_cli_table_add_column (table, "column", _ ("Column"), MK_CLI_VALUE_NUMBER);
  c_header = mk_cli_table_add_column (table, "header", _ ("Header"), MK_CLI_VALUE_TEXT);
  c_message = mk_cli_table_add_column (table, "message", _ ("Problem"), MK_CLI_VALUE_TEXT);
  for (guint i = 0; i < problems->len; i++)
    {
      const MkImportProblem *problem = g_ptr_array_index (problems, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set_int (table, c_line, problem->line);
      if (problem->column > 0)
        mk_cli_table_set_int (table, c_column, problem->column);
      mk_cli_table_set (table, c_header, problem->header);
      mk_cli_table_set (table, c_message, problem->message);
    }
  mk_cli_table_write (table, cli->format);
}

gboolean
mk_cli_command_import (MkCli   *cli,
                       char  ***args,
                       GError **error)
{
  g_autofree char   *sheet = NULL;
  g_autofree char   *map = NULL;
  gboolean           dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet,
      N_ ("The sheet of an xlsx workbook to read (default: the first)"), N_ ("NAME") },
    { "map", 0, 0, G_OPTION_ARG_FILENAME, &map,
      N_ ("A file of lines “field=Column header” for columns named otherwise"), N_ ("FILE") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("Check every row and list every problem; import nothing"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GHashTable) mapping = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *display = NULL;
  MkImportOptions  options = { NULL, NULL, FALSE };
  const char      *what;
  guint            n_rows = 0;
  gboolean         ok;

  context = mk_cli_option_context_new (
      cli,
      N_ ("items|kits|warehouses|sites|donors|grants|partners|households|household-members|"
          "entitlements|opening-stock FILE.csv|FILE.xlsx"),
      N_ ("Imports a CSV file or an Excel workbook whose header row names the fields (code, "
          "name_en …) or their labels; --map names columns headed otherwise. A row whose code "
          "exists updates that record, so the same file imported twice creates nothing twice. A "
          "kit file has the columns kit_code, component_code and quantity; an opening-stock file "
          "date, warehouse, item, quantity, lot, expiry and grant, posted as one goods received "
          "note of source “opening” per warehouse; a file of household members household, sex and "
          "age, one row per person, whose number must be the household's size. Every problem is "
          "listed by line and column, and nothing is imported unless every row is good."),
      entries, NULL);
  /* FILE is a file name, in the system's encoding. */
  cli->raw_arguments_from = 2;
  if (!mk_cli_parse (cli, context, args, error) || !mk_cli_check_arguments (cli, *args, 2, 2, error) || !mk_cli_utf8_in_place (&sheet, error))
    return FALSE;

  what = lookup_kind_argument ((*args)[1], FALSE, error);
  if (what == NULL)
    return FALSE;
  if (map != NULL && (mapping = mk_import_load_mapping (map, error)) == NULL)
    return FALSE;

  db = mk_cli_open_database (cli, !dry_run, error);
  if (db == NULL)
    return FALSE;
  options.sheet = sheet;
  options.mapping = mapping;
  options.dry_run = dry_run;
  ok = mk_import_file (db, what, (*args)[2], &options, &n_rows, &problems, &local_error);

  display = g_filename_display_basename ((*args)[2]);
  if (!ok && problems != NULL && problems->len > 1)
    {
      /* Every problem on standard output, the summary as the error. */
      write_problems (cli, problems);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (dry_run)
    /* Translators: “items.csv: 12 rows can be imported; nothing was written.” */
    mk_cli_print_line (g_dngettext (GETTEXT_PACKAGE,
                                    "%2$s: %1$u row can be imported, with no problem; nothing was written.",
                                    "%2$s: %1$u rows can be imported, with no problem; nothing was written.",
                                    n_rows),
                       n_rows, display);
  else
    /* Translators: “Imported 12 rows from items.csv.” */
    mk_cli_print_line (g_dngettext (GETTEXT_PACKAGE, "Imported %u row from %s.",
                                    "Imported %u rows from %s.", n_rows),
                       n_rows, display);
  return TRUE;
}

/* export ---------------------------------------------------------------------------- */

static gboolean
write_xlsx (const MkExportTable *table,
            const char          *path,
            const char          *sheet_name,
            GError             **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.part", base);
  g_autofree char *temporary = g_build_filename (dir, name, NULL);
  g_autofree char *display = g_filename_display_name (base);
  lxw_workbook    *workbook = workbook_new (temporary);
  lxw_worksheet   *sheet;
  lxw_format      *bold;
  lxw_error        status;

  if (workbook == NULL)
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, _ ("“%s” cannot be written: %s"),
                   display, g_strerror (errno));
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, sheet_name);
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  for (guint c = 0; c < table->headers->len; c++)
    worksheet_write_string (sheet, 0, (lxw_col_t) c, g_ptr_array_index (table->headers, c), bold);
  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          const char *text = g_ptr_array_index (row, c);
          char       *end = NULL;
          double      number;

          if (*text == '\0')
            continue;
          /* Numbers as numbers, so that the sheet sums them; text as
           * text, so that a code like 007 keeps its zeros. */
          number = g_ascii_strtod (text, &end);
          if (g_array_index (table->numeric, gboolean, c) && end != text && *end == '\0')
            worksheet_write_number (sheet, r + 1, (lxw_col_t) c, number, NULL);
          else
            worksheet_write_string (sheet, r + 1, (lxw_col_t) c, text, NULL);
        }
    }
  worksheet_freeze_panes (sheet, 1, 0);
  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR || g_rename (temporary, path) != 0)
    {
      g_remove (temporary);
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, _ ("“%s” cannot be written: %s"),
                   display, status != LXW_NO_ERROR ? lxw_strerror (status) : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
mk_cli_command_export (MkCli   *cli,
                       char  ***args,
                       GError **error)
{
  g_autofree char   *out = NULL;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_ ("The file to write: .csv or .xlsx"), N_ ("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkExportTable) table = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *display = NULL;
  const char      *what;
  gboolean         ok;

  context = mk_cli_option_context_new (
      cli, N_ ("items|kits|warehouses|sites|donors|grants|partners|households|entitlements"),
      N_ ("Writes a list as CSV (UTF-8) or as an Excel workbook, with the columns import reads: "
          "the file imports back unchanged. Names and phone numbers of households stay in the "
          "database."),
      entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) || !mk_cli_check_arguments (cli, *args, 1, 1, error))
    return FALSE;
  what = lookup_kind_argument ((*args)[1], TRUE, error);
  if (what == NULL)
    return FALSE;
  lower = out ? g_ascii_strdown (out, -1) : NULL;
  if (lower == NULL || !(g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".xlsx")))
    {
      mk_cli_set_usage_error (error, _ ("Name the file to write with %s, ending in .csv or .xlsx."),
                              "--out");
      return FALSE;
    }

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL || (table = mk_export_table (db, what, error)) == NULL)
    return FALSE;
  ok = g_str_has_suffix (lower, ".csv") ? mk_export_write_csv (table, out, error)
                                        : write_xlsx (table, out, what, error);
  if (!ok)
    return FALSE;
  display = g_filename_display_basename (out);
  /* Translators: “Exported 12 rows to items.xlsx.” */
  mk_cli_print_line (g_dngettext (GETTEXT_PACKAGE, "Exported %u row to %s.", "Exported %u rows to %s.",
                                  table->rows->len),
                     table->rows->len, display);
  return TRUE;
}
