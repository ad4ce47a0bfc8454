/* mk-cli-report.c: "report", the Excel workbooks.
 *
 *   makhzan-cli report KIND [--warehouse W] [--grant G] [--item I]
 *                      [--from D --to D] [--lang en|ar] --out FILE.xlsx
 *
 * KIND is stock, stock-card, distributions, donor, 5w, waybills or losses.
 * The workbook is written under a temporary name beside FILE and renamed
 * when complete; on failure no file is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "makhzan-reports.h"
#include "mk-cli.h"

static char *
known_kinds (void)
{
  g_autoptr (GString) known = g_string_new (NULL);

  for (guint k = 0; k < MK_N_REPORT_KINDS; k++)
    g_string_append_printf (known, "%s%s", k ? ", " : "", mk_report_kind_get_name ((MkReportKind) k));
  return g_string_free (g_steal_pointer (&known), FALSE);
}

gboolean
mk_cli_command_report (MkCli   *cli,
                       char  ***args,
                       GError **error)
{
  g_autofree char   *warehouse = NULL;
  g_autofree char   *grant = NULL;
  g_autofree char   *item = NULL;
  g_autofree char   *from = NULL;
  g_autofree char   *to = NULL;
  g_autofree char   *language = NULL;
  g_autofree char   *out = NULL;
  g_autofree char   *kinds = known_kinds ();
  g_autofree char   *summary = NULL;
  const GOptionEntry entries[] = {
    { "warehouse", 'w', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &warehouse,
      N_ ("The warehouse (stock report, stock card, registers; default: every one)"), N_ ("CODE") },
    { "grant", 'g', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &grant,
      N_ ("The grant (required by the donor workbook; default: every one)"), N_ ("CODE") },
    { "item", 'i', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &item,
      N_ ("The item of a stock card"), N_ ("CODE") },
    { "from", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &from,
      N_ ("The first day of the period"), N_ ("YYYY-MM-DD") },
    { "to", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &to,
      N_ ("The last day of the period"), N_ ("YYYY-MM-DD") },
    { "lang", 'l', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &language,
      N_ ("The workbook’s language: en, or ar (right to left; default: the interface’s)"), N_ ("LANG") },
    { "out", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &out,
      N_ ("The workbook to write (.xlsx)"), N_ ("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  MkReportOptions options = { 0 };

  /* Translators: %s lists the kinds of report. */
  summary = g_strdup_printf (_ ("Writes an Excel workbook. KIND is one of: %s."), kinds);
  context = mk_cli_option_context_new (cli, N_ ("KIND"), summary, entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) || !mk_cli_check_arguments (cli, *args, 1, 1, error))
    return FALSE;
  if (!mk_report_kind_from_name ((*args)[1], &options.kind))
    {
      mk_cli_set_usage_error (error, _ ("There is no report called “%s”; use one of: %s."), (*args)[1], kinds);
      return FALSE;
    }
  if (out == NULL)
    {
      mk_cli_set_usage_error (error, _ ("Name the workbook to write with --out FILE.xlsx."));
      return FALSE;
    }
  if (!mk_cli_utf8_in_place (&warehouse, error) || !mk_cli_utf8_in_place (&grant, error) || !mk_cli_utf8_in_place (&item, error) || !mk_cli_utf8_in_place (&from, error) || !mk_cli_utf8_in_place (&to, error) || !mk_cli_utf8_in_place (&language, error))
    return FALSE;

  options.warehouse_code = warehouse;
  options.grant_code = grant;
  options.item_code = item;
  options.from = from;
  options.to = to;
  options.language = language;
  options.author = mk_cli_get_user (cli);

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    return FALSE;
  if (!mk_report_write (db, &options, out, NULL, NULL, NULL, error))
    return FALSE;
  if (cli->format == MK_CLI_FORMAT_TABLE)
    {
      g_autofree char *display = g_filename_display_name (out);
      /* Translators: %1$s is a kind of report, %2$s a file. */
      mk_cli_print_line (_ ("Wrote the %1$s to %2$s."), mk_report_kind_get_title (options.kind), display);
    }
  return TRUE;
}
