/* mk-document-editor-people.c: the people a distribution or a service
 * reached — counts by sex and age whose sum is checked against the total,
 * or (distributions) a household list whose entitlements are checked with
 * the core before posting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-document-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-distributions.h"
#include "mk-document-editor-private.h"
#include "mk-text.h"

static gboolean
has_people (MkDocumentEditor *self)
{
  return self->kind == MK_DOCUMENT_DISTRIBUTION || self->kind == MK_DOCUMENT_SERVICE;
}

static void
attach_count (MkDocumentEditor *self,
              const char       *name,
              int               column,
              int               row)
{
  MkEditorField *field = _mk_document_editor_add_field_widget (self, NULL, name);
  GtkWidget     *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), field->widget);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (field->error_label));
  gtk_grid_attach (self->counts_grid, box, column, row, 1, 1);
}

static void
attach_label (MkDocumentEditor *self,
              const char       *text,
              int               column,
              int               row,
              int               width,
              float             xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (self->counts_grid, label, column, row, width, 1);
}

void
_mk_document_editor_mode_toggled_cb (MkDocumentEditor *self)
{
  gboolean household_list = gtk_toggle_button_get_active (self->households_toggle);

  if (!has_people (self))
    return;
  self->household_list = household_list && self->kind == MK_DOCUMENT_DISTRIBUTION;
  gtk_widget_set_visible (GTK_WIDGET (self->counts_grid), !self->household_list);
  gtk_widget_set_visible (GTK_WIDGET (self->counts_sum_label), !self->household_list);
  gtk_widget_set_visible (self->receipts_box, self->household_list);
  /* A household list's lines are its receipts' totals, made at posting. */
  gtk_widget_set_visible (self->lines_box, !self->household_list || self->read_only);
  if (self->household_list && g_list_model_get_n_items (G_LIST_MODEL (self->receipts)) == 0 && !self->read_only)
    _mk_document_editor_append_receipt (self);
  _mk_document_editor_changed (self);
}

void
mk_document_editor_set_household_list (MkDocumentEditor *self,
                                       gboolean          household_list)
{
  g_return_if_fail (MK_IS_DOCUMENT_EDITOR (self));
  gtk_toggle_button_set_active (household_list ? self->households_toggle : self->counts_toggle, TRUE);
}

void
_mk_document_editor_build_people (MkDocumentEditor *self)
{
  static const struct
  {
    const char *name;
    const char *label;
  } others[] = {
    { "disabled", N_ ("Persons with disability") },
    { "unaccompanied", N_ ("Unaccompanied or separated children") },
    { "households", N_ ("Households") },
    { "total", N_ ("Total people") },
  };

  gtk_widget_set_visible (self->people_box, has_people (self));
  gtk_widget_set_visible (self->mode_box, self->kind == MK_DOCUMENT_DISTRIBUTION);
  if (!has_people (self))
    return;

  for (guint band = 0; band < MK_N_AGE_BANDS; band++)
    attach_label (self, mk_age_band_get_label (band), band + 1, 0, 1, 0);
  attach_label (self, _ ("Female"), 0, 1, 1, 1);
  attach_label (self, _ ("Male"), 0, 2, 1, 1);
  for (guint band = 0; band < MK_N_AGE_BANDS; band++)
    {
      g_autofree char *female = g_strconcat ("female_", mk_age_band_get_key (band), NULL);
      g_autofree char *male = g_strconcat ("male_", mk_age_band_get_key (band), NULL);

      attach_count (self, female, band + 1, 1);
      attach_count (self, male, band + 1, 2);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      int row = 3 + i / 2;
      int column = (i % 2) * 3;

      attach_label (self, _ (others[i].label), column, row, 2, 1);
      attach_count (self, others[i].name, column + 2, row);
    }
  _mk_document_editor_build_receipt_columns (self);
}

MkEditorLine *
_mk_document_editor_append_receipt (MkDocumentEditor *self)
{
  g_autoptr (MkEditorLine) line = mk_editor_line_new ();

  _mk_document_editor_watch_line (self, line);
  g_list_store_append (self->receipts, line);
  return line;
}

/* Counts ---------------------------------------------------------------------- */

static gboolean
parse_counts (MkDocumentEditor *self,
              MkPeopleCounts   *counts,
              gboolean         *all_blank)
{
  const char *const *names = mk_people_counts_field_names ();
  gboolean           ok = TRUE;

  memset (counts, 0, sizeof *counts);
  *all_blank = TRUE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *text = _mk_document_editor_header_text (self, names[i]);
      g_autoptr (GError) error = NULL;

      if (text == NULL)
        continue;
      *all_blank = FALSE;
      if (!mk_people_counts_set_text (counts, names[i], text, &error))
        {
          _mk_document_editor_set_field_error (self, names[i], error->message);
          ok = FALSE;
        }
    }
  return ok;
}

static gboolean
parse_receipts (MkDocumentEditor *self,
                MkDocument       *document)
{
  GPtrArray *receipts = mk_document_get_receipts (document);
  guint      n = g_list_model_get_n_items (G_LIST_MODEL (self->receipts));
  gboolean   ok = TRUE;

  g_ptr_array_set_size (receipts, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MkEditorLine) line = g_list_model_get_item (G_LIST_MODEL (self->receipts), i);
      const char *household = mk_editor_line_get (line, MK_EDITOR_LINE_HOUSEHOLD);
      const char *item = mk_editor_line_get (line, MK_EDITOR_LINE_ITEM);
      const char *quantity_text = mk_editor_line_get (line, MK_EDITOR_LINE_QUANTITY);
      gint64      quantity = 0;
      g_autoptr (GError) error = NULL;
      MkHouseholdReceipt *receipt;

      g_object_set_data (G_OBJECT (line), "mk-error-value", NULL);
      mk_editor_line_set (line, MK_EDITOR_LINE_ERROR, NULL);
      mk_editor_line_set (line, MK_EDITOR_LINE_HINT, NULL);
      if (mk_editor_line_is_blank (line))
        continue;
      if (household == NULL || item == NULL)
        {
          mk_editor_line_set (line, MK_EDITOR_LINE_ERROR,
                              household == NULL ? _ ("The household code is missing.")
                                                : _ ("The item code is missing."));
          ok = FALSE;
          continue;
        }
      if (quantity_text == NULL || !mk_text_parse_int (quantity_text, &quantity, &error))
        {
          g_autofree char *message = g_strdup_printf (C_ ("cell error", "%s: %s"), _ ("Quantity"),
                                                      error != NULL ? error->message : _ ("missing."));
          g_object_set_data_full (G_OBJECT (line), "mk-error-value", g_strdup ("quantity"), g_free);
          mk_editor_line_set (line, MK_EDITOR_LINE_ERROR, message);
          ok = FALSE;
          continue;
        }
      receipt = mk_household_receipt_new (household, item, quantity);
      receipt->override_reason = g_strdup (mk_editor_line_get (line, MK_EDITOR_LINE_OVERRIDE_REASON));
      mk_document_add_receipt (document, receipt);
    }
  return ok;
}

gboolean
_mk_document_editor_fill_people (MkDocumentEditor *self,
                                 MkDocument       *document)
{
  MkPeopleCounts *counts = mk_document_get_counts (document);
  gboolean        all_blank;

  if (!has_people (self))
    return TRUE;
  if (self->household_list)
    {
      memset (counts, 0, sizeof *counts);
      return parse_receipts (self, document);
    }
  if (self->kind == MK_DOCUMENT_DISTRIBUTION)
    g_ptr_array_set_size (mk_document_get_receipts (document), 0);
  return parse_counts (self, counts, &all_blank);
}

void
_mk_document_editor_mark_receipt (MkDocumentEditor *self,
                                  guint             receipt_no,
                                  const char       *message)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->receipts));
  guint given = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MkEditorLine) line = g_list_model_get_item (G_LIST_MODEL (self->receipts), i);

      if (mk_editor_line_is_blank (line))
        continue;
      if (++given == receipt_no)
        {
          mk_editor_line_set (line, MK_EDITOR_LINE_ERROR, message);
          return;
        }
    }
}

/* Whether every receipt is within its household's entitlement, or
 * overridden with a reason. */
static gboolean
check_entitlements (MkDocumentEditor *self,
                    MkDocument       *scratch)
{
  GPtrArray *receipts = mk_document_get_receipts (scratch);
  guint      n_flagged = 0;
  guint      n = g_list_model_get_n_items (G_LIST_MODEL (self->receipts));
  guint      given = 0;
  gboolean   ok = TRUE;

  if (receipts->len == 0 || !mk_distributions_check_entitlements (self->db, scratch, &n_flagged, NULL))
    return TRUE;
  for (guint i = 0; i < n && given < receipts->len; i++)
    {
      g_autoptr (MkEditorLine) line = g_list_model_get_item (G_LIST_MODEL (self->receipts), i);
      MkHouseholdReceipt *receipt;
      g_autofree char    *date_iso = NULL;

      if (mk_editor_line_is_blank (line))
        continue;
      receipt = g_ptr_array_index (receipts, given++);
      if (receipt->previous_date == NULL)
        continue;
      date_iso = mk_text_isolate_ltr (receipt->previous_date);
      if (receipt->override_reason != NULL)
        {
          g_autofree char *hint = g_strdup_printf (_ ("Beyond its entitlement (received on %s); overridden."),
                                                   date_iso);
          mk_editor_line_set (line, MK_EDITOR_LINE_HINT, hint);
        }
      else
        {
          g_autofree char *message = g_strdup_printf (
              _ ("Beyond its entitlement: received on %s already. Give a reason to override."), date_iso);
          mk_editor_line_set (line, MK_EDITOR_LINE_ERROR, message);
          ok = FALSE;
        }
    }
  return ok;
}

static void
show_receipts_summary (MkDocumentEditor *self,
                       MkDocument       *scratch)
{
  GPtrArray *receipts = mk_document_get_receipts (scratch);
  g_autoptr (GHashTable) households = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *count = NULL;
  g_autofree char *count_iso = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < receipts->len; i++)
    {
      MkHouseholdReceipt *receipt = g_ptr_array_index (receipts, i);
      g_hash_table_add (households, g_utf8_strup (receipt->household_code, -1));
    }
  count = g_strdup_printf ("%u", g_hash_table_size (households));
  count_iso = mk_text_isolate_ltr (count);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s household", "%s households",
                                       g_hash_table_size (households)),
                          count_iso);
  gtk_label_set_text (self->receipts_summary, text);
}

gboolean
_mk_document_editor_check_people (MkDocumentEditor *self)
{
  MkPeopleCounts   counts;
  gboolean         all_blank;
  gboolean         ok;
  gint64           sum;
  g_autofree char *sum_text = NULL;
  g_autofree char *sum_iso = NULL;
  g_autofree char *label = NULL;

  if (!has_people (self))
    return TRUE;
  if (self->household_list)
    {
      g_autoptr (MkDocument) scratch = mk_document_new (self->kind);
      g_autoptr (GError) error = NULL;

      _mk_document_editor_fill_header (self, scratch);
      ok = parse_receipts (self, scratch);
      show_receipts_summary (self, scratch);
      return check_entitlements (self, scratch) && ok;
    }

  ok = parse_counts (self, &counts, &all_blank);
  sum = mk_people_counts_sum (&counts);
  sum_text = g_strdup_printf ("%" G_GINT64_FORMAT, sum);
  sum_iso = mk_text_isolate_ltr (sum_text);
  label = g_strdup_printf (_ ("Sum by sex and age: %s"), sum_iso);
  gtk_label_set_text (self->counts_sum_label, label);
  if (!ok)
    return FALSE;
  if (_mk_document_editor_header_text (self, "total") != NULL && counts.total != sum)
    {
      g_autofree char *total_text = g_strdup_printf ("%" G_GINT64_FORMAT, counts.total);
      g_autofree char *total_iso = mk_text_isolate_ltr (total_text);
      g_autofree char *message = g_strdup_printf (_ ("The counts by sex and age add up to %s, but the total is %s."),
                                                  sum_iso, total_iso);
      _mk_document_editor_set_field_error (self, "total", message);
      return FALSE;
    }
  if (counts.households > counts.total && counts.total > 0)
    {
      _mk_document_editor_set_field_error (self, "households", _ ("More households than people."));
      return FALSE;
    }
  if (counts.disabled > counts.total && counts.total > 0)
    {
      _mk_document_editor_set_field_error (self, "disabled", _ ("More persons with disability than people."));
      return FALSE;
    }
  return TRUE;
}

void
_mk_document_editor_load_people (MkDocumentEditor *self,
                                 MkDocument       *document)
{
  const char *const *names = mk_people_counts_field_names ();
  MkPeopleCounts    *counts;
  GPtrArray         *receipts;

  if (!has_people (self))
    return;
  counts = mk_document_get_counts (document);
  for (guint i = 0; names[i] != NULL && counts != NULL; i++)
    {
      gint64           value = mk_people_counts_get (counts, names[i]);
      g_autofree char *text = value != 0 || counts->total != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value)
                                                               : NULL;

      mk_document_editor_set_field (self, names[i], text);
    }
  g_list_store_remove_all (self->receipts);
  receipts = self->kind == MK_DOCUMENT_DISTRIBUTION ? mk_document_get_receipts (document) : NULL;
  for (guint i = 0; receipts != NULL && i < receipts->len; i++)
    {
      MkHouseholdReceipt *receipt = g_ptr_array_index (receipts, i);
      MkEditorLine       *line = _mk_document_editor_append_receipt (self);
      g_autofree char    *quantity = g_strdup_printf ("%" G_GINT64_FORMAT, receipt->quantity);

      mk_editor_line_set (line, MK_EDITOR_LINE_HOUSEHOLD, receipt->household_code);
      mk_editor_line_set (line, MK_EDITOR_LINE_ITEM, receipt->item_code);
      mk_editor_line_set (line, MK_EDITOR_LINE_QUANTITY, quantity);
      mk_editor_line_set (line, MK_EDITOR_LINE_OVERRIDE_REASON, receipt->override_reason);
    }
  if (receipts != NULL && receipts->len > 0)
    gtk_toggle_button_set_active (self->households_toggle, TRUE);
}
