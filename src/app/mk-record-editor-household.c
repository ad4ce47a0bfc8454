/* mk-record-editor-household.c: a household's members and what it received,
 * in the record editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-distributions.h"
#include "mk-document.h"
#include "mk-record-editor-private.h"
#include "mk-text.h"

static const char *const sexes[] = { "female", "male" };

gboolean
mk_household_is_member_field (const MkField *field)
{
  return g_str_has_prefix (field->name, "female_") || g_str_has_prefix (field->name, "male_");
}

static MkFieldInput *
find_input (GPtrArray  *inputs,
            const char *name)
{
  for (guint i = 0; i < inputs->len; i++)
    {
      MkFieldInput *input = g_ptr_array_index (inputs, i);

      if (g_str_equal (input->field->name, name))
        return input;
    }
  return NULL;
}

GtkWidget *
mk_household_members_new (GPtrArray  *inputs,
                          GtkWidget **sum_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  /* Translators: the rows of the table of a household's members. */
  const char *sex_labels[] = { _ ("Female"), _ ("Male") };

  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  for (guint band = 0; band < MK_N_AGE_BANDS; band++)
    {
      /* "0–4" reads left to right in Arabic too. */
      g_autofree char *text = mk_text_isolate_ltr (mk_age_band_get_label (band));
      GtkWidget       *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, (int) band + 1, 0, 1, 1);
    }
  /* Row by row, so that Tab goes along the females, then the males. */
  for (guint s = 0; s < G_N_ELEMENTS (sexes); s++)
    {
      GtkWidget *label = gtk_label_new (sex_labels[s]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) s + 1, 1, 1);
      for (guint band = 0; band < MK_N_AGE_BANDS; band++)
        {
          g_autofree char *name = g_strdup_printf ("%s_%s", sexes[s],
                                                   mk_age_band_get_key (band));
          MkFieldInput    *input = find_input (inputs, name);

          g_return_val_if_fail (input != NULL, box);
          gtk_editable_set_width_chars (GTK_EDITABLE (input->widget), 4);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (input->widget), 4);
          gtk_widget_set_tooltip_text (input->widget, mk_field_get_label (input->field));
          gtk_grid_attach (GTK_GRID (grid), input->widget, (int) band + 1, (int) s + 1, 1, 1);
        }
    }
  gtk_box_append (GTK_BOX (box), grid);

  *sum_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*sum_label), 0);
  gtk_widget_set_name (*sum_label, "members-sum");
  gtk_box_append (GTK_BOX (box), *sum_label);

  for (guint s = 0; s < G_N_ELEMENTS (sexes); s++)
    for (guint band = 0; band < MK_N_AGE_BANDS; band++)
      {
        g_autofree char *name = g_strdup_printf ("%s_%s", sexes[s], mk_age_band_get_key (band));

        gtk_box_append (GTK_BOX (box), find_input (inputs, name)->error_label);
      }
  return box;
}

/* A count as typed; -1 when it is not a number yet. */
static gint64
typed_count (MkFieldInput *input)
{
  g_autofree char *text = mk_field_input_get_text (input);
  gint64           value = 0;

  if (*text == '\0')
    return 0;
  if (!mk_text_parse_int (text, &value, NULL))
    return -1;
  return value;
}

void
mk_household_members_update_sum (GPtrArray *inputs,
                                 GtkWidget *sum_label)
{
  MkFieldInput    *size_input = find_input (inputs, "size");
  gint64           sum = 0;
  gint64           size;
  g_autofree char *sum_text = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *sum_isolated = NULL;
  g_autofree char *size_isolated = NULL;
  g_autofree char *sentence = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (sexes); s++)
    for (guint band = 0; band < MK_N_AGE_BANDS; band++)
      {
        g_autofree char *name = g_strdup_printf ("%s_%s", sexes[s], mk_age_band_get_key (band));
        gint64           count = typed_count (find_input (inputs, name));

        if (count < 0)
          {
            gtk_label_set_text (GTK_LABEL (sum_label), "");
            return;
          }
        sum += count;
      }
  size = size_input != NULL ? typed_count (size_input) : -1;

  sum_text = g_strdup_printf ("%" G_GINT64_FORMAT, sum);
  sum_isolated = mk_text_isolate_ltr (sum_text);
  if (size < 0 || size == sum)
    sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s member counted.",
                                             "%s members counted.", (gulong) sum),
                                sum_isolated);
  else
    {
      size_text = g_strdup_printf ("%" G_GINT64_FORMAT, size);
      size_isolated = mk_text_isolate_ltr (size_text);
      /* Translators: the first %s is the number of members counted by sex
       * and age, the second the household's size. */
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s member counted; the household size is %s.",
                                               "%s members counted; the household size is %s.",
                                               (gulong) sum),
                                  sum_isolated, size_isolated);
    }
  gtk_label_set_text (GTK_LABEL (sum_label), sentence);
  if (size >= 0 && size != sum)
    gtk_widget_add_css_class (sum_label, "warning");
  else
    gtk_widget_remove_css_class (sum_label, "warning");
}

static GtkWidget *
cell (const char *text,
      gboolean    ltr)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_can_focus (label, FALSE);
  if (ltr)
    {
      gtk_widget_set_direction (label, GTK_TEXT_DIR_LTR);
      gtk_widget_add_css_class (label, "mk-code");
    }
  return label;
}

GtkWidget *
mk_household_history_new (MkDatabase *db,
                          const char *code)
{
  GtkWidget  *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget  *heading = gtk_label_new (_ ("Received"));
  GtkWidget  *grid;
  const char *headings[] = { _ ("Date"), _ ("Document"), _ ("Item"), _ ("Quantity"),
                             _ ("Note") };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  gtk_widget_set_name (box, "history");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  if (code != NULL)
    rows = mk_distributions_household_history (db, code, &error);
  if (code != NULL && rows == NULL)
    {
      GtkWidget *message = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_xalign (GTK_LABEL (message), 0);
      gtk_widget_add_css_class (message, "error");
      gtk_box_append (GTK_BOX (box), message);
      return box;
    }
  if (rows == NULL || rows->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_ ("The household has received nothing yet."));

      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (GTK_BOX (box), empty);
      return box;
    }

  grid = gtk_grid_new ();
  gtk_widget_set_name (grid, "history-grid");
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    {
      GtkWidget *label = gtk_label_new (headings[c]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, (int) c, 0, 1, 1);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const MkHouseholdHistoryRow *row = g_ptr_array_index (rows, i);
      g_autofree char             *quantity = g_strdup_printf ("%" G_GINT64_FORMAT, row->quantity);
      g_autofree char             *item = NULL;
      const char                  *note = "";
      const char                  *name = mk_text_pick_name (row->item_name_en, row->item_name_ar);

      item = name != NULL && *name != '\0' ? g_strdup_printf ("%s — %s", name, row->item_code)
                                           : g_strdup (row->item_code);
      if (row->cancelled)
        /* Translators: a distribution that was cancelled afterwards. */
        note = _ ("Cancelled");
      else if (row->override_reason != NULL)
        note = row->override_reason;
      gtk_grid_attach (GTK_GRID (grid), cell (row->date, TRUE), 0, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (row->document_number, TRUE), 1, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (item, FALSE), 2, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (quantity, TRUE), 3, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (note, FALSE), 4, (int) i + 1, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);
  return box;
}
