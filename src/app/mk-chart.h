/* mk-chart.h: a small chart of monthly figures — bars and lines over a
 * time axis, drawn with Cairo and Pango.
 *
 * Time runs left to right in every language (as on a calendar's axis);
 * the legend sits on the start side; month labels come from GDateTime in
 * the locale and numbers use tabular digits. The chart describes itself to
 * accessibility tools (its label is set by whoever shows it; the values
 * are in its description).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  MK_CHART_BARS,
  MK_CHART_LINE,
} MkChartStyle;

#define MK_TYPE_CHART (mk_chart_get_type ())
G_DECLARE_FINAL_TYPE (MkChart, mk_chart, MK, CHART, GtkWidget)

GtkWidget *mk_chart_new (void);

/* The months of the axis, oldest first, as "YYYY-MM". Removes every
 * series. */
void mk_chart_set_months (MkChart           *self,
                          const char *const *months,
                          guint              n_months);
/* Adds a series of one value per month (@n_values must equal the number
 * of months). @label names it in the legend; @unit (may be NULL) follows
 * its values in the accessible description. All series share one scale. */
void  mk_chart_add_series (MkChart      *self,
                           const char   *label,
                           const char   *unit,
                           MkChartStyle  style,
                           const double *values,
                           guint         n_values);
guint mk_chart_get_n_series (MkChart *self);

/* The month drawn at @x (widget coordinates), from 0 (the oldest), or -1.
 * Clicking a month, or choosing it with Left and Right and pressing Enter,
 * emits MkChart::month-activated with its index. */
int mk_chart_get_month_at (MkChart *self,
                           double   x);

G_END_DECLS
