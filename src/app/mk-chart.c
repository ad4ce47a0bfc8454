/* mk-chart.c: a small chart of monthly figures, drawn with Cairo and Pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mk-calendar.h"
#include "mk-chart.h"

#define PADDING 8.0
#define SWATCH 10.0
#define LEGEND_GAP 16.0
#define N_GRID_LINES 4
#define BAR_FRACTION 0.7 /* of a month's slot */
#define POINT_RADIUS 3.0
#define MIN_LABEL_GAP 6.0

typedef struct
{
  char        *label;
  char        *unit;
  MkChartStyle style;
  double      *values;
} Series;

struct _MkChart
{
  GtkWidget  parent_instance;
  GPtrArray *months; /* of GDateTime, the first day of each month */
  GPtrArray *series; /* of Series */
  /* Where the months were drawn last, for clicks and tooltips. */
  double plot_x;
  double slot;
  int    focus_month; /* the month chosen with the keyboard, -1: none */
};

enum
{
  MONTH_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MkChart, mk_chart, GTK_TYPE_WIDGET)

/* Readable on light and dark themes, told apart by people with the
 * commonest colour blindness (blue and orange). */
static const GdkRGBA palette[] = {
  { 0.11, 0.44, 0.85, 1.0 },
  { 0.90, 0.38, 0.00, 1.0 },
  { 0.15, 0.60, 0.40, 1.0 },
};

static void
series_free (Series *series)
{
  g_free (series->label);
  g_free (series->unit);
  g_free (series->values);
  g_free (series);
}

/* Text ------------------------------------------------------------------- */

/* A layout in the widget's font with tabular (fixed-width) digits, so
 * that the numbers of an axis line up. */
static PangoLayout *
create_layout (MkChart    *self,
               const char *text)
{
  PangoLayout   *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  return layout;
}

/* @value with @decimals digits after the point, grouped by the locale's
 * thousands separator. */
static char *
format_value (double value,
              int    decimals)
{
  return g_strdup_printf ("%'.*f", decimals, value);
}

/* The decimals that show a value, or a step of the axis, without noise. */
static int
decimals_for (double value)
{
  if (value == 0.0 || value >= 10.0 || value <= -10.0)
    return 0;
  if (value >= 1.0 || value <= -1.0)
    return 1;
  return 2;
}

/* The decimals of the axis: as many as its step has (2.5 → 1, 0.25 → 2). */
static int
step_decimals (double step)
{
  for (int decimals = 0; decimals < 3; decimals++)
    {
      double scaled = step;

      for (int i = 0; i < decimals; i++)
        scaled *= 10.0;
      if (scaled - (double) (gint64) (scaled + 0.5) > -1e-6 && scaled - (double) (gint64) (scaled + 0.5) < 1e-6)
        return decimals;
    }
  return 3;
}

/* A step of 1, 2, 2.5 or 5 × 10^k (k may be negative: a stock of 0.4 t)
 * that divides @max into about N_GRID_LINES intervals. */
static double
nice_step (double max)
{
  static const double steps[] = { 1.0, 2.0, 2.5, 5.0 };
  double              raw = max / N_GRID_LINES;
  double              magnitude = 1.0;

  if (raw <= 0.0)
    return 1.0;
  /* The power of ten at or below @raw, without libm. */
  while (magnitude * 10.0 <= raw)
    magnitude *= 10.0;
  while (magnitude > raw && magnitude > 1e-6)
    magnitude /= 10.0;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * magnitude >= raw)
      return steps[i] * magnitude;
  return 10.0 * magnitude;
}

static double
largest_value (MkChart *self)
{
  double max = 0.0;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < self->months->len; i++)
        max = MAX (max, series->values[i]);
    }
  return max;
}

/* The accessible description: every value of every series, month by
 * month, for people who cannot see the chart. */
static void
update_description (MkChart *self)
{
  GString *text = g_string_new (NULL);

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, "%s:", series->label);
      for (guint i = 0; i < self->months->len; i++)
        {
          g_autofree char *month = mk_calendar_format_month (g_ptr_array_index (self->months, i));
          g_autofree char *value = format_value (series->values[i], decimals_for (series->values[i]));

          g_string_append_c (text, ' ');
          /* Translators: one month of a chart read aloud: "March 2026: 1,200". */
          g_string_append_printf (text, _ ("%1$s: %2$s"), month, value);
          if (series->unit != NULL)
            g_string_append_printf (text, " %s", series->unit);
          g_string_append_c (text, ';');
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
  g_string_free (text, TRUE);
}

/* Drawing ---------------------------------------------------------------- */

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The legend, on the start side; returns its height. */
static double
draw_legend (MkChart       *self,
             cairo_t       *cr,
             double         width,
             const GdkRGBA *foreground)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  double   x = rtl ? width - PADDING : PADDING;
  double   height = 0.0;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      g_autoptr (PangoLayout) layout = create_layout (self, series->label);
      int    text_width, text_height;
      double swatch_x, text_x;

      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      /* Swatch first in reading order: at the start of each entry. */
      swatch_x = rtl ? x - SWATCH : x;
      text_x = rtl ? swatch_x - 4.0 - text_width : swatch_x + SWATCH + 4.0;

      set_color (cr, &palette[s % G_N_ELEMENTS (palette)], 1.0);
      if (series->style == MK_CHART_BARS)
        cairo_rectangle (cr, swatch_x, PADDING + (text_height - SWATCH) / 2.0, SWATCH, SWATCH);
      else
        {
          cairo_set_line_width (cr, 2.0);
          cairo_move_to (cr, swatch_x, PADDING + text_height / 2.0);
          cairo_line_to (cr, swatch_x + SWATCH, PADDING + text_height / 2.0);
          cairo_stroke (cr);
          cairo_arc (cr, swatch_x + SWATCH / 2.0, PADDING + text_height / 2.0, POINT_RADIUS, 0, 2 * G_PI);
        }
      cairo_fill (cr);

      set_color (cr, foreground, 1.0);
      cairo_move_to (cr, text_x, PADDING);
      pango_cairo_show_layout (cr, layout);

      x = rtl ? text_x - LEGEND_GAP : text_x + text_width + LEGEND_GAP;
      height = MAX (height, text_height);
    }
  return height;
}

static void
draw (MkChart *self,
      cairo_t *cr,
      double   width,
      double   height)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  guint    n = self->months->len;
  guint    n_bar_series = 0, bar_index = 0;
  double   legend_height, axis_width = 0.0, label_height = 0.0;
  double   step, top_value, plot_x, plot_y, plot_width, plot_height, slot;
  guint    label_every = 1;
  GdkRGBA  foreground;

  /* gtk_widget_get_color() is 4.10; the style context is 4.8's way. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (n == 0)
    return;

  legend_height = draw_legend (self, cr, width, &foreground);

  step = nice_step (largest_value (self));
  top_value = step * N_GRID_LINES;
  while (top_value - step >= largest_value (self) && top_value > step)
    top_value -= step;

  /* The widest value of the axis, and the height of a month's label (two
   * lines: the month, and the year under January and the first month). */
  for (guint g = 0; g * step <= top_value + step / 2; g++)
    {
      g_autofree char *text = format_value (g * step, step_decimals (step));
      g_autoptr (PangoLayout) layout = create_layout (self, text);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      axis_width = MAX (axis_width, w);
      label_height = MAX (label_height, 2 * h);
    }

  plot_y = PADDING + legend_height + PADDING;
  plot_height = height - plot_y - label_height - PADDING;
  plot_width = width - 2 * PADDING - axis_width - PADDING;
  /* The value axis on the start side; time still runs left to right. */
  plot_x = rtl ? PADDING : PADDING + axis_width + PADDING;
  if (plot_width <= n || plot_height <= 10.0)
    return;
  slot = plot_width / n;
  self->plot_x = plot_x;
  self->slot = slot;

  /* The month chosen with the keyboard. */
  if (self->focus_month >= 0 && self->focus_month < (int) n && gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      set_color (cr, &foreground, 0.12);
      cairo_rectangle (cr, plot_x + slot * self->focus_month, plot_y, slot, plot_height);
      cairo_fill (cr);
    }

  /* Grid lines and their values. */
  cairo_set_line_width (cr, 1.0);
  for (guint g = 0; g * step <= top_value + step / 2; g++)
    {
      double           y = (int) (plot_y + plot_height - g * step / top_value * plot_height) + 0.5;
      g_autofree char *text = format_value (g * step, step_decimals (step));
      g_autoptr (PangoLayout) layout = create_layout (self, text);
      int w, h;

      set_color (cr, &foreground, g == 0 ? 0.5 : 0.15);
      cairo_move_to (cr, plot_x, y);
      cairo_line_to (cr, plot_x + plot_width, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &w, &h);
      set_color (cr, &foreground, 0.7);
      /* Numbers end against the plot on the start side. */
      cairo_move_to (cr, rtl ? plot_x + plot_width + PADDING : plot_x - PADDING - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  /* Month labels, thinned out when the chart is narrow. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup (mk_calendar_month_name ((guint) g_date_time_get_month (g_ptr_array_index (self->months, i)), TRUE));
      g_autoptr (PangoLayout) layout = create_layout (self, text);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      while (w + MIN_LABEL_GAP > slot * label_every && label_every < n)
        label_every++;
    }
  for (guint i = 0; i < n; i += label_every)
    {
      GDateTime       *month = g_ptr_array_index (self->months, i);
      g_autofree char *text = g_strdup (mk_calendar_month_name ((guint) g_date_time_get_month (month), TRUE));
      g_autoptr (PangoLayout) layout = create_layout (self, text);
      double center = plot_x + slot * (i + 0.5);
      int    w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      set_color (cr, &foreground, 0.8);
      cairo_move_to (cr, center - w / 2.0, plot_y + plot_height + 2.0);
      pango_cairo_show_layout (cr, layout);
      if (i == 0 || g_date_time_get_month (month) == 1)
        {
          g_autofree char *year = g_date_time_format (month, "%Y");
          g_autoptr (PangoLayout) year_layout = create_layout (self, year);
          int yw, yh;

          pango_layout_get_pixel_size (year_layout, &yw, &yh);
          cairo_move_to (cr, center - yw / 2.0, plot_y + plot_height + 2.0 + h);
          pango_cairo_show_layout (cr, year_layout);
        }
    }

  /* Bars side by side within each month's slot, then lines over them. */
  for (guint s = 0; s < self->series->len; s++)
    if (((Series *) g_ptr_array_index (self->series, s))->style == MK_CHART_BARS)
      n_bar_series++;
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      double  bar_width = n_bar_series > 0 ? slot * BAR_FRACTION / n_bar_series : 0;

      if (series->style != MK_CHART_BARS)
        continue;
      set_color (cr, &palette[s % G_N_ELEMENTS (palette)], 0.85);
      for (guint i = 0; i < n; i++)
        {
          double value_height = MAX (series->values[i], 0.0) / top_value * plot_height;
          double x = plot_x + slot * i + slot * (1.0 - BAR_FRACTION) / 2.0 + bar_index * bar_width;

          cairo_rectangle (cr, x, plot_y + plot_height - value_height, MAX (bar_width - 1.0, 1.0), value_height);
        }
      cairo_fill (cr);
      bar_index++;
    }
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      if (series->style != MK_CHART_LINE)
        continue;
      set_color (cr, &palette[s % G_N_ELEMENTS (palette)], 1.0);
      cairo_set_line_width (cr, 2.0);
      for (guint i = 0; i < n; i++)
        {
          double x = plot_x + slot * (i + 0.5);
          double y = plot_y + plot_height - MAX (series->values[i], 0.0) / top_value * plot_height;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      for (guint i = 0; i < n; i++)
        {
          double x = plot_x + slot * (i + 0.5);
          double y = plot_y + plot_height - MAX (series->values[i], 0.0) / top_value * plot_height;

          cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

static void
mk_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  MkChart *self = MK_CHART (widget);
  int      width = gtk_widget_get_width (widget);
  int      height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
mk_chart_measure (GtkWidget     *widget,
                  GtkOrientation orientation,
                  int            for_size,
                  int           *minimum,
                  int           *natural,
                  int           *minimum_baseline,
                  int           *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 480;
    }
  else
    {
      *minimum = 160;
      *natural = 220;
    }
}

static void
mk_chart_direction_changed (GtkWidget       *widget,
                            GtkTextDirection previous)
{
  gtk_widget_queue_draw (widget);
}

static void
mk_chart_finalize (GObject *object)
{
  MkChart *self = MK_CHART (object);

  g_ptr_array_unref (self->months);
  g_ptr_array_unref (self->series);
  G_OBJECT_CLASS (mk_chart_parent_class)->finalize (object);
}

/* Months: clicks, keys and tooltips -------------------------------------- */

int
mk_chart_get_month_at (MkChart *self,
                       double   x)
{
  int index;

  g_return_val_if_fail (MK_IS_CHART (self), -1);
  if (self->slot <= 0.0 || x < self->plot_x)
    return -1;
  index = (int) ((x - self->plot_x) / self->slot);
  return index < (int) self->months->len ? index : -1;
}

static void
clicked (GtkGestureClick *gesture,
         int              n_press,
         double           x,
         double           y,
         MkChart         *self)
{
  int month = mk_chart_get_month_at (self, x);

  if (month >= 0)
    {
      self->focus_month = month;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_signal_emit (self, signals[MONTH_ACTIVATED], 0, (guint) month);
    }
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             MkChart               *self)
{
  int n = (int) self->months->len;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    /* Time runs left to right in every language: Left is earlier. */
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      self->focus_month = self->focus_month <= 0 ? 0 : self->focus_month - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      self->focus_month = self->focus_month < 0 ? n - 1 : MIN (self->focus_month + 1, n - 1);
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus_month < 0)
        self->focus_month = n - 1;
      g_signal_emit (self, signals[MONTH_ACTIVATED], 0, (guint) self->focus_month);
      break;
    default:
      return FALSE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
mk_chart_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  MkChart         *self = MK_CHART (widget);
  int              month = keyboard ? self->focus_month : mk_chart_get_month_at (self, x);
  g_autofree char *title = NULL;
  GString         *text;

  if (month < 0 || month >= (int) self->months->len || self->series->len == 0)
    return FALSE;
  title = mk_calendar_format_month (g_ptr_array_index (self->months, month));
  text = g_string_new (title);
  for (guint s = 0; s < self->series->len; s++)
    {
      Series          *series = g_ptr_array_index (self->series, s);
      g_autofree char *value = format_value (series->values[month], decimals_for (series->values[month]));

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _ ("%1$s: %2$s"), series->label, value);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);
  return TRUE;
}

static void
focus_changed (MkChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
mk_chart_class_init (MkChartClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mk_chart_finalize;
  widget_class->snapshot = mk_chart_snapshot;
  widget_class->measure = mk_chart_measure;
  widget_class->direction_changed = mk_chart_direction_changed;
  gtk_widget_class_set_css_name (widget_class, "chart");
  widget_class->query_tooltip = mk_chart_query_tooltip;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  /**
   * MkChart::month-activated:
   * @index: the month, from 0 (the oldest)
   *
   * A month was clicked, or chosen with the arrow keys and Enter.
   */
  signals[MONTH_ACTIVATED] = g_signal_new ("month-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
mk_chart_init (MkChart *self)
{
  GtkGesture         *gesture;
  GtkEventController *keys;
  GtkEventController *focus;

  self->months = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  self->focus_month = -1;

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

GtkWidget *
mk_chart_new (void)
{
  return g_object_new (MK_TYPE_CHART, NULL);
}

void
mk_chart_set_months (MkChart           *self,
                     const char *const *months,
                     guint              n_months)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

  g_return_if_fail (MK_IS_CHART (self));
  g_return_if_fail (months != NULL || n_months == 0);

  g_ptr_array_set_size (self->series, 0);
  g_ptr_array_set_size (self->months, 0);
  for (guint i = 0; i < n_months; i++)
    {
      gint year = (gint) g_ascii_strtoll (months[i], NULL, 10);
      gint month = strlen (months[i]) >= 7 ? (gint) g_ascii_strtoll (months[i] + 5, NULL, 10) : 0;

      g_return_if_fail (year > 0 && month >= 1 && month <= 12);
      g_ptr_array_add (self->months, g_date_time_new (utc, year, month, 1, 0, 0, 0));
    }
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mk_chart_add_series (MkChart      *self,
                     const char   *label,
                     const char   *unit,
                     MkChartStyle  style,
                     const double *values,
                     guint         n_values)
{
  Series *series;

  g_return_if_fail (MK_IS_CHART (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (n_values == self->months->len);

  series = g_new0 (Series, 1);
  series->label = g_strdup (label);
  series->unit = g_strdup (unit);
  series->style = style;
  series->values = g_memdup2 (values, sizeof (double) * MAX (n_values, 1));
  g_ptr_array_add (self->series, series);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
mk_chart_get_n_series (MkChart *self)
{
  g_return_val_if_fail (MK_IS_CHART (self), 0);
  return self->series->len;
}
