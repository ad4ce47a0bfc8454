/* mk-cli-people.c: reached, reconcile, households and office, people reached.
 *
 *   makhzan-cli reached [--grant G] [--indicator I] --from D --to D
 *   makhzan-cli reconcile --site S --from D --to D
 *   makhzan-cli households duplicates
 *   makhzan-cli office personal-data on|off|status
 *
 * Households and entitlement rules are records ("add household"); the
 * distributions and services that reach people are documents ("doc new
 * distribution"). Here: how many unique people they reached, what a site
 * received and gave out, and the office's rule on personal data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-output.h"
#include "mk-cli.h"
#include "mk-distributions.h"

/* Counts of people ---------------------------------------------------------- */

/* The band whose key ends @field_name after @prefix ("female_" + "0_4"). */
static gboolean
find_band (const char *field_name,
           const char *prefix,
           MkAgeBand  *band)
{
  if (!g_str_has_prefix (field_name, prefix))
    return FALSE;
  for (guint b = 0; b < MK_N_AGE_BANDS; b++)
    if (g_str_equal (field_name + strlen (prefix), mk_age_band_get_key (b)))
      {
        *band = b;
        return TRUE;
      }
  return FALSE;
}

char *
mk_cli_people_count_label (const char *field_name)
{
  MkAgeBand band = MK_AGE_0_4;

  if (find_band (field_name, "female_", &band))
    /* Translators: %s is an age band, such as “0–4” or “60+”. */
    return g_strdup_printf (_ ("Female %s"), mk_age_band_get_label (band));
  if (find_band (field_name, "male_", &band))
    /* Translators: %s is an age band, such as “0–4” or “60+”. */
    return g_strdup_printf (_ ("Male %s"), mk_age_band_get_label (band));
  if (g_str_equal (field_name, "disabled"))
    return g_strdup (_ ("Persons with disability"));
  if (g_str_equal (field_name, "unaccompanied"))
    return g_strdup (_ ("Unaccompanied or separated children"));
  if (g_str_equal (field_name, "households"))
    return g_strdup (_ ("Households"));
  if (g_str_equal (field_name, "total"))
    /* Translators: the number of people reached, all ages and sexes. */
    return g_strdup (_ ("Total people"));
  /* A count added to the core before its label was written here. */
  return g_strdup (field_name);
}

void
mk_cli_people_add_count_columns (MkCliTable *table)
{
  const char *const *names = mk_people_counts_field_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *label = mk_cli_people_count_label (names[i]);
      mk_cli_table_add_column (table, names[i], label, MK_CLI_VALUE_NUMBER);
    }
}

void
mk_cli_people_set_counts (MkCliTable           *table,
                          guint                 first_column,
                          const MkPeopleCounts *counts)
{
  const char *const *names = mk_people_counts_field_names ();

  for (guint i = 0; names[i] != NULL; i++)
    mk_cli_table_set_int (table, first_column + i, mk_people_counts_get (counts, names[i]));
}

/* Options -------------------------------------------------------------------- */

/* --from and --to, both required: a usage error names the one missing. */
static gboolean
parse_period (char   **from,
              char   **to,
              GError **error)
{
  if (*from == NULL || *to == NULL)
    {
      mk_cli_set_usage_error (error,
                              /* Translators: do not translate the options. */
                              _ ("Give the period with --from YYYY-MM-DD and --to YYYY-MM-DD."));
      return FALSE;
    }
  return mk_cli_parse_date_option ("--from", from, error) &&
         mk_cli_parse_date_option ("--to", to, error);
}

/* reached ------------------------------------------------------------------- */

static void
write_reached_table (const MkPeopleCounts *reached)
{
  g_autoptr (MkCliTable) bands = mk_cli_table_new ();
  g_autoptr (MkCliTable) others = mk_cli_table_new ();
  g_autoptr (GString) female_name = g_string_new (NULL);
  g_autoptr (GString) male_name = g_string_new (NULL);
  gint64 female = 0;
  gint64 male = 0;

  /* Translators: a column of the people reached: 0–4, 5–11 … 60+. */
  mk_cli_table_add_column (bands, "age", _ ("Age"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (bands, "female", _ ("Female"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (bands, "male", _ ("Male"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (bands, "total", _ ("Total"), MK_CLI_VALUE_NUMBER);
  for (guint b = 0; b < MK_N_AGE_BANDS; b++)
    {
      mk_cli_table_add_row (bands);
      mk_cli_table_set (bands, 0, mk_age_band_get_label (b));
      mk_cli_table_set_int (bands, 1, reached->female[b]);
      mk_cli_table_set_int (bands, 2, reached->male[b]);
      mk_cli_table_set_int (bands, 3, reached->female[b] + reached->male[b]);
      female += reached->female[b];
      male += reached->male[b];
    }
  mk_cli_table_add_row (bands);
  /* Translators: the last row of the people reached by age: all ages. */
  mk_cli_table_set (bands, 0, _ ("All ages"));
  mk_cli_table_set_int (bands, 1, female);
  mk_cli_table_set_int (bands, 2, male);
  mk_cli_table_set_int (bands, 3, female + male);
  mk_cli_table_write (bands, MK_CLI_FORMAT_TABLE);

  /* The counts besides sex and age, as "label: value" lines. */
  {
    static const char *const names[] = { "disabled", "unaccompanied", "households", "total" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *label = mk_cli_people_count_label (names[i]);
        mk_cli_table_add_column (others, names[i], label, MK_CLI_VALUE_NUMBER);
      }
    mk_cli_table_add_row (others);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      mk_cli_table_set_int (others, i, mk_people_counts_get (reached, names[i]));
  }
  mk_cli_write ("\n");
  mk_cli_table_write_record (others, MK_CLI_FORMAT_TABLE, NULL, NULL, NULL, NULL);
}

gboolean
mk_cli_command_reached (MkCli   *cli,
                        char  ***args,
                        GError **error)
{
  char              *grant = NULL;
  char              *indicator = NULL;
  char              *from = NULL;
  char              *to = NULL;
  const GOptionEntry entries[] = {
    { "grant", 'g', 0, G_OPTION_ARG_FILENAME, &grant,
      N_ ("Only people reached under this grant (default: any)"), N_ ("CODE") },
    { "indicator", 'i', 0, G_OPTION_ARG_FILENAME, &indicator,
      N_ ("Only people reached for this indicator (default: any)"), N_ ("CODE") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_ ("The first day of the period"),
      N_ ("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_ ("The last day of the period"),
      N_ ("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkCliTable) table = NULL;
  MkPeopleCounts reached;
  gboolean       ok = FALSE;

  context = mk_cli_option_context_new (
      cli, N_ ("--from YYYY-MM-DD --to YYYY-MM-DD"),
      N_ ("Counts the unique people that distributions and services reached in a period, by "
          "sex and age: the members of a household that received several times count once."),
      entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error) ||
      !mk_cli_utf8_in_place (&grant, error) || !mk_cli_utf8_in_place (&indicator, error) ||
      !parse_period (&from, &to, error))
    goto out;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    goto out;
  memset (&reached, 0, sizeof reached);
  if (!mk_distributions_reached (db, grant, indicator, from, to, &reached, error))
    goto out;

  if (cli->format == MK_CLI_FORMAT_TABLE)
    write_reached_table (&reached);
  else
    {
      table = mk_cli_table_new ();
      mk_cli_table_add_column (table, "grant", _ ("Grant"), MK_CLI_VALUE_TEXT);
      mk_cli_table_add_column (table, "indicator", _ ("Indicator"), MK_CLI_VALUE_TEXT);
      mk_cli_table_add_column (table, "from", _ ("From"), MK_CLI_VALUE_TEXT);
      mk_cli_table_add_column (table, "to", _ ("To"), MK_CLI_VALUE_TEXT);
      mk_cli_people_add_count_columns (table);
      mk_cli_table_add_row (table);
      mk_cli_table_set (table, 0, grant);
      mk_cli_table_set (table, 1, indicator);
      mk_cli_table_set (table, 2, from);
      mk_cli_table_set (table, 3, to);
      mk_cli_people_set_counts (table, 4, &reached);
      mk_cli_table_write_record (table, cli->format, NULL, NULL, NULL, NULL);
    }
  ok = TRUE;

out:
  g_free (grant);
  g_free (indicator);
  g_free (from);
  g_free (to);
  return ok;
}

/* reconcile ----------------------------------------------------------------- */

gboolean
mk_cli_command_reconcile (MkCli   *cli,
                          char  ***args,
                          GError **error)
{
  char              *site = NULL;
  char              *from = NULL;
  char              *to = NULL;
  const GOptionEntry entries[] = {
    { "site", 's', 0, G_OPTION_ARG_FILENAME, &site, N_ ("The site"), N_ ("CODE") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_ ("The first day of the period"),
      N_ ("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_ ("The last day of the period"),
      N_ ("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (MkCliTable) table = NULL;
  gboolean ok = FALSE;

  context = mk_cli_option_context_new (
      cli, N_ ("--site CODE --from YYYY-MM-DD --to YYYY-MM-DD"),
      N_ ("What a site received and gave out in a period, per item: opening + dispatched = "
          "distributed + returned + lost + in transit + remaining + difference."),
      entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 0, 0, error) || !mk_cli_utf8_in_place (&site, error))
    goto out;
  if (site == NULL)
    {
      mk_cli_set_usage_error (error, _ ("Name the site with --site CODE."));
      goto out;
    }
  if (!parse_period (&from, &to, error))
    goto out;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    goto out;
  rows = mk_distributions_reconcile (db, site, from, to, error);
  if (rows == NULL)
    goto out;

  table = mk_cli_table_new ();
  mk_cli_table_add_column (table, "item", _ ("Item"), MK_CLI_VALUE_TEXT);
  /* Translators: the columns of a site's reconciliation: what it held at the
   * start of the period, what was sent to it … */
  mk_cli_table_add_column (table, "opening", _ ("Opening"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "dispatched", _ ("Dispatched"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "received", _ ("Received"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "distributed", _ ("Distributed"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "returned", _ ("Returned"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "lost", _ ("Lost"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "in_transit", _ ("In transit"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "remaining", _ ("Remaining"), MK_CLI_VALUE_NUMBER);
  /* Translators: what the books cannot explain; 0 when all is accounted for. */
  mk_cli_table_add_column (table, "difference", _ ("Difference"), MK_CLI_VALUE_NUMBER);
  for (guint i = 0; i < rows->len; i++)
    {
      const MkReconcileRow *row = g_ptr_array_index (rows, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set (table, 0, row->item_code);
      mk_cli_table_set_int (table, 1, row->opening);
      mk_cli_table_set_int (table, 2, row->dispatched);
      mk_cli_table_set_int (table, 3, row->received);
      mk_cli_table_set_int (table, 4, row->distributed);
      mk_cli_table_set_int (table, 5, row->returned);
      mk_cli_table_set_int (table, 6, row->lost);
      mk_cli_table_set_int (table, 7, row->in_transit);
      mk_cli_table_set_int (table, 8, row->remaining);
      mk_cli_table_set_int (table, 9, row->difference);
    }
  mk_cli_table_write (table, cli->format);
  ok = TRUE;

out:
  g_free (site);
  g_free (from);
  g_free (to);
  return ok;
}

/* households ------------------------------------------------------------------ */

gboolean
mk_cli_command_households (MkCli   *cli,
                           char  ***args,
                           GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GPtrArray) pairs = NULL;
  g_autoptr (MkCliTable) table = NULL;

  context = mk_cli_option_context_new (
      cli, N_ ("duplicates"),
      N_ ("Lists pairs of households that are likely the same: the same size and members, "
          "registered at the same site within seven days. “makhzan-cli list household” lists "
          "them all."),
      NULL, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, 1, error))
    return FALSE;
  if (!g_str_equal ((*args)[1], "duplicates"))
    {
      mk_cli_set_usage_error (error,
                              /* Translators: do not translate the commands. */
                              _ ("“households %s” is unknown; use households duplicates, or "
                                 "list household."),
                              (*args)[1]);
      return FALSE;
    }

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    return FALSE;
  pairs = mk_distributions_likely_duplicates (db, error);
  if (pairs == NULL)
    return FALSE;

  table = mk_cli_table_new ();
  mk_cli_table_add_column (table, "household", _ ("Household"), MK_CLI_VALUE_TEXT);
  /* Translators: a column: the household that is likely the same as the first. */
  mk_cli_table_add_column (table, "likely_same_as", _ ("Likely the same as"), MK_CLI_VALUE_TEXT);
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      mk_cli_table_add_row (table);
      mk_cli_table_set (table, 0, g_ptr_array_index (pairs, i));
      mk_cli_table_set (table, 1, g_ptr_array_index (pairs, i + 1));
    }
  mk_cli_table_write (table, cli->format);
  return TRUE;
}

/* office --------------------------------------------------------------------- */

static void
write_personal_data (MkCli   *cli,
                     gboolean keeps)
{
  g_autoptr (MkCliTable) table = NULL;

  if (cli->format == MK_CLI_FORMAT_TABLE)
    {
      if (keeps)
        mk_cli_print_line (_ ("The office keeps households’ names and phone numbers."));
      else
        mk_cli_print_line (
            /* Translators: do not translate the command. */
            _ ("The office does not keep households’ names and phone numbers; “makhzan-cli "
               "office personal-data on” turns that on."));
      return;
    }
  table = mk_cli_table_new ();
  mk_cli_table_add_column (table, "keeps_personal_data", _ ("Keeps personal data"),
                           MK_CLI_VALUE_BOOL);
  mk_cli_table_add_row (table);
  mk_cli_table_set (table, 0, keeps ? "yes" : "no");
  mk_cli_table_write_record (table, cli->format, NULL, NULL, NULL, NULL);
}

gboolean
mk_cli_command_office (MkCli   *cli,
                       char  ***args,
                       GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  const char *what;
  gboolean    keep;

  context = mk_cli_option_context_new (
      cli, N_ ("personal-data on|off|status"),
      N_ ("Whether the office keeps households’ names and phone numbers. They are off until "
          "turned on; they never leave the office in an export."),
      NULL, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, 2, error))
    return FALSE;
  if (!g_str_equal ((*args)[1], "personal-data") && !g_str_equal ((*args)[1], "personal_data"))
    {
      mk_cli_set_usage_error (error,
                              /* Translators: do not translate the command. */
                              _ ("“office %s” is unknown; use office personal-data "
                                 "on|off|status."),
                              (*args)[1]);
      return FALSE;
    }
  what = (*args)[2] != NULL ? (*args)[2] : "status";

  if (g_str_equal (what, "status"))
    {
      db = mk_cli_open_database (cli, FALSE, error);
      if (db == NULL)
        return FALSE;
      write_personal_data (cli, mk_office_get_keeps_personal_data (db));
      return TRUE;
    }
  if (g_str_equal (what, "on"))
    keep = TRUE;
  else if (g_str_equal (what, "off"))
    keep = FALSE;
  else
    {
      mk_cli_set_usage_error (error,
                              /* Translators: do not translate on, off and status. */
                              _ ("“%s” is not on, off or status."), what);
      return FALSE;
    }

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL || !mk_office_set_keeps_personal_data (db, keep, error))
    return FALSE;
  write_personal_data (cli, mk_office_get_keeps_personal_data (db));
  return TRUE;
}
