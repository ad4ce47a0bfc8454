/* mk-calendar.c: month names in the interface's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-calendar.h"

static const char *const full_names[12] = {
  /* Translators: month names; Libya uses يناير … ديسمبر. */
  NC_ ("month", "January"),
  NC_ ("month", "February"),
  NC_ ("month", "March"),
  NC_ ("month", "April"),
  NC_ ("month", "May"),
  NC_ ("month", "June"),
  NC_ ("month", "July"),
  NC_ ("month", "August"),
  NC_ ("month", "September"),
  NC_ ("month", "October"),
  NC_ ("month", "November"),
  NC_ ("month", "December"),
};

static const char *const short_names[12] = {
  /* Translators: month names on a chart's axis, as short as the language
   * allows; Arabic may use the whole name. */
  NC_ ("short month", "Jan"),
  NC_ ("short month", "Feb"),
  NC_ ("short month", "Mar"),
  NC_ ("short month", "Apr"),
  NC_ ("short month", "May"),
  NC_ ("short month", "Jun"),
  NC_ ("short month", "Jul"),
  NC_ ("short month", "Aug"),
  NC_ ("short month", "Sep"),
  NC_ ("short month", "Oct"),
  NC_ ("short month", "Nov"),
  NC_ ("short month", "Dec"),
};

const char *
mk_calendar_month_name (guint    month,
                        gboolean abbreviated)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  if (abbreviated)
    return g_dpgettext2 (GETTEXT_PACKAGE, "short month", short_names[month - 1]);
  return g_dpgettext2 (GETTEXT_PACKAGE, "month", full_names[month - 1]);
}

char *
mk_calendar_format_month (GDateTime *date)
{
  g_autofree char *year = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  year = g_strdup_printf ("%d", g_date_time_get_year (date));
  /* Translators: a month and its year, as in "March 2026". */
  return g_strdup_printf (C_ ("month and year", "%1$s %2$s"),
                          mk_calendar_month_name ((guint) g_date_time_get_month (date), FALSE), year);
}
