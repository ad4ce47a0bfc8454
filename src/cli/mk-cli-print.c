/* mk-cli-print.c: print, a printed document written as a PDF file.
 *
 *   makhzan-cli print KIND NUMBER --out FILE.pdf [--paper a4|letter]
 *                     [--logo FILE.png] [--lang en|ar] [--copies N]
 *   makhzan-cli print stock-card --warehouse CODE --item CODE
 *                     [--from DATE] [--to DATE] --out FILE.pdf …
 *   makhzan-cli print stock-report --month YYYY-MM [--warehouse CODE]
 *                     --out FILE.pdf …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli.h"
#include "mk-print-job.h"

#define MAX_COPIES 20

typedef struct
{
  char *out;
  char *paper;
  char *logo;
  char *lang;
  char *copies;
  char *office;
  char *warehouse;
  char *item;
  char *from;
  char *to;
  char *month;
} PrintOptions;

static void
print_options_clear (PrintOptions *options)
{
  g_free (options->out);
  g_free (options->paper);
  g_free (options->logo);
  g_free (options->lang);
  g_free (options->copies);
  g_free (options->office);
  g_free (options->warehouse);
  g_free (options->item);
  g_free (options->from);
  g_free (options->to);
  g_free (options->month);
}

static char *
kind_names (void)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < MK_PRINT_N_KINDS; i++)
    g_ptr_array_add (names, (gpointer) mk_print_kind_to_name ((MkPrintKind) i));
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static gboolean
parse_print_options (PrintOptions   *options,
                     MkPrintOptions *print,
                     GError        **error)
{
  gint64 copies = 0;

  if (!mk_cli_utf8_in_place (&options->paper, error) || !mk_cli_utf8_in_place (&options->lang, error) || !mk_cli_utf8_in_place (&options->copies, error) || !mk_cli_utf8_in_place (&options->office, error) || !mk_cli_utf8_in_place (&options->warehouse, error) || !mk_cli_utf8_in_place (&options->item, error) || !mk_cli_utf8_in_place (&options->month, error) || !mk_cli_parse_date_option ("--from", &options->from, error) || !mk_cli_parse_date_option ("--to", &options->to, error))
    return FALSE;
  if (options->out == NULL)
    {
      mk_cli_set_usage_error (error, _ ("Name the PDF file to write with --out FILE.pdf."));
      return FALSE;
    }
  if (options->paper == NULL || g_ascii_strcasecmp (options->paper, "a4") == 0)
    print->paper = MK_PAPER_A4;
  else if (g_ascii_strcasecmp (options->paper, "letter") == 0)
    print->paper = MK_PAPER_LETTER;
  else
    {
      /* Translators: do not translate a4 and letter. */
      mk_cli_set_usage_error (error, _ ("The paper “%s” is unknown; use a4 or letter."), options->paper);
      return FALSE;
    }
  if (options->lang != NULL && !g_str_equal (options->lang, "en") && !g_str_equal (options->lang, "ar"))
    {
      /* Translators: do not translate en and ar. */
      mk_cli_set_usage_error (error, _ ("The language “%s” is unknown; use en or ar."), options->lang);
      return FALSE;
    }
  if (options->copies != NULL && (!mk_text_parse_int (options->copies, &copies, NULL) || copies < 1 || copies > MAX_COPIES))
    {
      g_autofree char *max = g_strdup_printf ("%d", MAX_COPIES);

      mk_cli_set_usage_error (error, _ ("%s takes a number from %s to %s."), "--copies", "1", max);
      return FALSE;
    }
  print->language = options->lang;
  print->logo_path = options->logo;
  print->office_name = options->office;
  print->copies = (guint) copies;
  return TRUE;
}

static MkPrintJob *
job_new (MkCli                *cli,
         MkDatabase           *db,
         MkPrintKind           kind,
         char                **args,
         PrintOptions         *options,
         const MkPrintOptions *print,
         GError              **error)
{
  if (kind == MK_PRINT_STOCK_CARD)
    {
      if (!mk_cli_check_arguments (cli, args, 1, 1, error))
        return NULL;
      if (options->warehouse == NULL || options->item == NULL)
        {
          mk_cli_set_usage_error (error, _ ("“print stock-card” needs --warehouse and --item."));
          return NULL;
        }
      return mk_print_job_new_stock_card (db, options->warehouse, options->item, options->from,
                                          options->to, print, error);
    }
  if (kind == MK_PRINT_STOCK_REPORT)
    {
      if (!mk_cli_check_arguments (cli, args, 1, 1, error))
        return NULL;
      if (options->month == NULL)
        {
          mk_cli_set_usage_error (error, _ ("“print stock-report” needs --month YYYY-MM."));
          return NULL;
        }
      return mk_print_job_new_stock_report (db, options->warehouse, options->month, print, error);
    }
  if (!mk_cli_check_arguments (cli, args, 2, 2, error))
    return NULL;
  {
    g_autofree char *number = mk_cli_argument_to_utf8 (args[2], error);

    if (number == NULL)
      return NULL;
    return mk_print_job_new (db, kind, number, print, error);
  }
}

gboolean
mk_cli_command_print (MkCli   *cli,
                      char  ***args,
                      GError **error)
{
  PrintOptions       options = { NULL };
  MkPrintOptions     print = { MK_PAPER_A4, NULL, NULL, NULL, 0 };
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &options.out, N_ ("The PDF file to write"), N_ ("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_FILENAME, &options.paper, N_ ("Paper: a4 (default) or letter"),
      N_ ("PAPER") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &options.logo, N_ ("The office's logo, a PNG image"),
      N_ ("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_FILENAME, &options.lang,
      N_ ("The page's language and direction, en or ar (labels are always in both)"), N_ ("LANG") },
    { "copies", 0, 0, G_OPTION_ARG_FILENAME, &options.copies,
      N_ ("Waybill: how many of its marked copies (default: all four); others: identical copies"),
      N_ ("N") },
    { "office-name", 0, 0, G_OPTION_ARG_FILENAME, &options.office,
      N_ ("The office's name in the header (default: the database's office)"), N_ ("TEXT") },
    { "warehouse", 'w', 0, G_OPTION_ARG_FILENAME, &options.warehouse,
      N_ ("stock-card, stock-report: the warehouse"), N_ ("CODE") },
    { "item", 'i', 0, G_OPTION_ARG_FILENAME, &options.item, N_ ("stock-card: the item"), N_ ("CODE") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &options.from, N_ ("stock-card: the first day"),
      N_ ("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &options.to, N_ ("stock-card: the last day"), N_ ("YYYY-MM-DD") },
    { "month", 'm', 0, G_OPTION_ARG_FILENAME, &options.month, N_ ("stock-report: the month"),
      N_ ("YYYY-MM") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkPrintJob) job = NULL;
  g_autofree char *names = kind_names ();
  g_autofree char *kind_text = NULL;
  MkPrintKind      kind;
  gboolean         ok = FALSE;

  context = mk_cli_option_context_new (
      cli, N_ ("KIND NUMBER --out FILE.pdf"),
      N_ ("Writes a printed document as a PDF file: waybill, grn, loss-report, distribution-list "
          "or tally-sheet by its number (a distribution list or tally sheet also from a draft, "
          "by its id); stock-card with --warehouse and --item; stock-report with --month."),
      entries, NULL);
  /* The file names are passed on as they are. */
  if (!mk_cli_parse (cli, context, args, error))
    goto out;
  if (g_strv_length (*args) < 2)
    {
      /* Translators: %s lists the kinds of printed documents. */
      mk_cli_set_usage_error (error, _ ("Name the document to print: %s."), names);
      goto out;
    }
  kind_text = mk_cli_argument_to_utf8 ((*args)[1], error);
  if (kind_text == NULL)
    goto out;
  if (!mk_print_kind_from_name (kind_text, &kind))
    {
      mk_cli_set_usage_error (error, _ ("There is no printed document called “%s”; use one of: %s."),
                              kind_text, names);
      goto out;
    }
  if (!parse_print_options (&options, &print, error))
    goto out;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    goto out;
  job = job_new (cli, db, kind, *args, &options, &print, error);
  if (job == NULL || !mk_print_job_write_pdf (job, options.out, error))
    goto out;

  {
    g_autofree char *shown = g_filename_display_name (options.out);
    guint            n = mk_print_job_get_n_pages (job);

    /* Translators: a file name and its number of pages. */
    mk_cli_print_line (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page).", "Wrote %s (%u pages).", n),
                       shown, n);
  }
  ok = TRUE;

out:
  print_options_clear (&options);
  return ok;
}
