/* mk-field-input.c: the widget that edits one field of a master-data record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-field-input"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-field-input.h"
#include "mk-master-data.h"
#include "mk-record-chooser.h"

/* The values of CHOICE fields, for people: one table for the record
 * editors and the document editors' headers. */
static const struct
{
  const char *value;
  const char *label;
} choice_labels[] = {
  /* Translators: an entitlement given per person. */
  { "person", N_ ("Per person") },
  /* Translators: an entitlement given per household. */
  { "household", N_ ("Per household") },
  { "purchase", N_ ("Purchase") },
  { "donation", N_ ("Donation") },
  /* Translators: goods given back, e.g. by a site or a partner. */
  { "return", N_ ("Return") },
  /* Translators: the stock a new office starts with, imported once. */
  { "opening", N_ ("Opening balance") },
  /* Translators: what happens to damaged goods received. */
  { "loss", N_ ("Written off as a loss") },
  { "quarantine", N_ ("Kept apart in quarantine") },
  { "road", N_ ("Road") },
  { "air", N_ ("Air") },
  { "sea", N_ ("Sea") },
  { "rail", N_ ("Rail") },
  /* Translators: a transport mode: carried by people. */
  { "hand", N_ ("By hand") },
};

const char *
mk_field_input_choice_label (const char *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_labels); i++)
    if (g_str_equal (choice_labels[i].value, value))
      return _ (choice_labels[i].label);
  return value;
}

static GtkWidget *
new_drop_down (MkFieldInput *input,
               MkDatabase   *db)
{
  const MkField *field = input->field;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  input->codes = g_ptr_array_new_with_free_func (g_free);
  /* An optional field can be left empty. */
  if (!(field->flags & MK_FIELD_REQUIRED))
    {
      g_ptr_array_add (input->codes, g_strdup (""));
      gtk_string_list_append (names, "—");
    }

  if (field->type == MK_FIELD_VOCAB)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) entries = mk_master_data_list_vocabulary (db, field->vocab, &error);

      if (entries == NULL)
        g_warning ("The vocabulary %s cannot be read: %s", field->vocab, error->message);
      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          const MkVocabEntry *entry = g_ptr_array_index (entries, i);

          g_ptr_array_add (input->codes, g_strdup (entry->code));
          gtk_string_list_append (names, mk_vocab_entry_get_display_name (entry));
        }
    }
  else
    {
      g_auto (GStrv) values = g_strsplit (field->vocab, "|", -1);

      for (guint i = 0; values[i] != NULL; i++)
        {
          g_ptr_array_add (input->codes, g_strdup (values[i]));
          gtk_string_list_append (names, mk_field_input_choice_label (values[i]));
        }
    }

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  /* A required field starts with nothing chosen, so that saving asks. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), (field->flags & MK_FIELD_REQUIRED)
                                                             ? GTK_INVALID_LIST_POSITION
                                                             : 0);
  return drop_down;
}

void
mk_widget_set_direction_deep (GtkWidget       *widget,
                              GtkTextDirection direction)
{
  gtk_widget_set_direction (widget, direction);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mk_widget_set_direction_deep (child, direction);
}

static GtkWidget *
new_entry (const MkField *field)
{
  GtkWidget *entry = gtk_entry_new ();

  switch (field->type)
    {
    case MK_FIELD_CODE:
      gtk_widget_add_css_class (entry, "mk-code");
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 24);
      gtk_widget_set_halign (entry, GTK_ALIGN_START);
      break;
    case MK_FIELD_INT:
    case MK_FIELD_DECIMAL:
      gtk_widget_add_css_class (entry, "mk-code");
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
      gtk_widget_set_halign (entry, GTK_ALIGN_START);
      break;
    case MK_FIELD_DATE:
      gtk_widget_add_css_class (entry, "mk-code");
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
      gtk_widget_set_halign (entry, GTK_ALIGN_START);
      /* Translators: the form of a date in an entry; keep the Latin letters
       * or use the Arabic ones, the date itself is typed with digits. */
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("YYYY-MM-DD"));
      break;
    case MK_FIELD_TEXT:
    case MK_FIELD_BOOL:
    case MK_FIELD_VOCAB:
    case MK_FIELD_PLACE:
    case MK_FIELD_REF:
    case MK_FIELD_CHOICE:
    default:
      break;
    }
  /* No max-length: a paste would be cut without a word; the core refuses
   * what is too long and says how long it may be. */
  if (field->flags & MK_FIELD_LTR || field->type == MK_FIELD_CODE || field->type == MK_FIELD_DATE || field->type == MK_FIELD_INT || field->type == MK_FIELD_DECIMAL)
    mk_widget_set_direction_deep (entry, GTK_TEXT_DIR_LTR);
  /* The two names side by side, each in its own direction. */
  if (g_str_equal (field->name, "name_ar"))
    mk_widget_set_direction_deep (entry, GTK_TEXT_DIR_RTL);
  else if (g_str_equal (field->name, "name_en"))
    mk_widget_set_direction_deep (entry, GTK_TEXT_DIR_LTR);
  gtk_widget_set_hexpand (entry, gtk_widget_get_halign (entry) == GTK_ALIGN_FILL);
  return entry;
}

MkFieldInput *
mk_field_input_new (MkDatabase    *db,
                    const MkField *field)
{
  MkFieldInput *input;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  input = g_new0 (MkFieldInput, 1);
  input->field = field;

  switch (field->type)
    {
    case MK_FIELD_BOOL:
      input->widget = gtk_check_button_new ();
      break;
    case MK_FIELD_VOCAB:
    case MK_FIELD_CHOICE:
      input->widget = new_drop_down (input, db);
      break;
    case MK_FIELD_PLACE:
      input->widget = mk_record_chooser_new (db, "baladiya");
      break;
    case MK_FIELD_REF:
      input->widget = mk_record_chooser_new (db, field->ref_kind);
      break;
    case MK_FIELD_CODE:
    case MK_FIELD_TEXT:
    case MK_FIELD_INT:
    case MK_FIELD_DECIMAL:
    case MK_FIELD_DATE:
    default:
      input->widget = new_entry (field);
      break;
    }
  g_object_ref_sink (input->widget);
  /* Tests and the accessibility tree find the field by its name. */
  gtk_widget_set_name (input->widget, field->name);

  input->caption = g_object_ref_sink (gtk_label_new (mk_field_get_label (field)));
  gtk_label_set_xalign (GTK_LABEL (input->caption), 0);
  gtk_widget_add_css_class (input->caption, "mk-field-caption");
  gtk_label_set_mnemonic_widget (GTK_LABEL (input->caption),
                                 mk_field_input_get_focus_widget (input));

  input->error_label = g_object_ref_sink (gtk_label_new (NULL));
  gtk_label_set_xalign (GTK_LABEL (input->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (input->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (input->error_label), 60);
  gtk_widget_add_css_class (input->error_label, "error");
  gtk_widget_add_css_class (input->error_label, "mk-field-error");
  gtk_widget_set_visible (input->error_label, FALSE);
  return input;
}

void
mk_field_input_free (MkFieldInput *input)
{
  if (input == NULL)
    return;
  g_clear_object (&input->widget);
  g_clear_object (&input->caption);
  g_clear_object (&input->error_label);
  g_clear_pointer (&input->codes, g_ptr_array_unref);
  g_free (input);
}

char *
mk_field_input_get_text (MkFieldInput *input)
{
  g_return_val_if_fail (input != NULL, NULL);

  switch (input->field->type)
    {
    case MK_FIELD_BOOL:
      return g_strdup (gtk_check_button_get_active (GTK_CHECK_BUTTON (input->widget)) ? "yes"
                                                                                      : "no");
    case MK_FIELD_VOCAB:
    case MK_FIELD_CHOICE:
      {
        guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (input->widget));

        if (position == GTK_INVALID_LIST_POSITION || position >= input->codes->len)
          return g_strdup ("");
        return g_strdup (g_ptr_array_index (input->codes, position));
      }
    case MK_FIELD_PLACE:
    case MK_FIELD_REF:
      return mk_record_chooser_get_text (MK_RECORD_CHOOSER (input->widget));
    case MK_FIELD_CODE:
    case MK_FIELD_TEXT:
    case MK_FIELD_INT:
    case MK_FIELD_DECIMAL:
    case MK_FIELD_DATE:
    default:
      return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (input->widget))));
    }
}

void
mk_field_input_set_text (MkFieldInput *input,
                         const char   *text)
{
  g_return_if_fail (input != NULL);

  if (text == NULL)
    text = "";
  switch (input->field->type)
    {
    case MK_FIELD_BOOL:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (input->widget), g_str_equal (text, "yes"));
      break;
    case MK_FIELD_VOCAB:
    case MK_FIELD_CHOICE:
      {
        guint position = GTK_INVALID_LIST_POSITION;

        for (guint i = 0; i < input->codes->len; i++)
          if (g_ascii_strcasecmp (g_ptr_array_index (input->codes, i), text) == 0)
            position = i;
        gtk_drop_down_set_selected (GTK_DROP_DOWN (input->widget), position);
        break;
      }
    case MK_FIELD_PLACE:
    case MK_FIELD_REF:
      mk_record_chooser_set_code (MK_RECORD_CHOOSER (input->widget), text);
      break;
    case MK_FIELD_CODE:
    case MK_FIELD_TEXT:
    case MK_FIELD_INT:
    case MK_FIELD_DECIMAL:
    case MK_FIELD_DATE:
    default:
      gtk_editable_set_text (GTK_EDITABLE (input->widget), text);
      break;
    }
}

GtkWidget *
mk_field_input_get_focus_widget (MkFieldInput *input)
{
  if (MK_IS_RECORD_CHOOSER (input->widget))
    return GTK_WIDGET (mk_record_chooser_get_editable (MK_RECORD_CHOOSER (input->widget)));
  return input->widget;
}

void
mk_field_input_set_error (MkFieldInput *input,
                          const char   *message)
{
  GtkWidget *marked = mk_field_input_get_focus_widget (input);

  g_return_if_fail (input != NULL);

  gtk_label_set_text (GTK_LABEL (input->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (input->error_label, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (marked, "error");
  else
    gtk_widget_remove_css_class (marked, "error");
  gtk_widget_set_tooltip_text (marked, message);
}

void
mk_field_input_set_editable (MkFieldInput *input,
                             gboolean      editable)
{
  g_return_if_fail (input != NULL);

  if (GTK_IS_EDITABLE (input->widget))
    {
      gtk_editable_set_editable (GTK_EDITABLE (input->widget), editable);
      gtk_widget_set_can_focus (input->widget, TRUE);
      if (editable)
        gtk_widget_remove_css_class (input->widget, "mk-read-only");
      else
        gtk_widget_add_css_class (input->widget, "mk-read-only");
    }
  else
    gtk_widget_set_sensitive (input->widget, editable);
}

void
mk_field_input_connect_changed (MkFieldInput *input,
                                GCallback     callback,
                                gpointer      data)
{
  const char *signal;

  g_return_if_fail (input != NULL);

  if (GTK_IS_CHECK_BUTTON (input->widget))
    signal = "toggled";
  else if (GTK_IS_DROP_DOWN (input->widget))
    signal = "notify::selected";
  else
    signal = "changed";
  g_signal_connect_swapped (input->widget, signal, callback, data);
}
