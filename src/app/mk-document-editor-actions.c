/* mk-document-editor-actions.c: what the editor's buttons and keys do —
 * save the draft, post it after a confirmation that says what will change,
 * discard it; cancel a posted document with a reason, duplicate it, receive
 * a waybill, print; add, paste and fill lines.
 *
 * A refused posting leaves the database as it was (the core posts all or
 * nothing) and the form as it was typed; the message goes where the core
 * says the fault is: beside the line, the household or the field, and at
 * the top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-document-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-document-editor-private.h"
#include "mk-documents.h"
#include "mk-text.h"

/* Saving -------------------------------------------------------------------- */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MkDocumentEditor *self = MK_DOCUMENT_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (!_mk_document_editor_fill (self, self->document))
    {
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR,
                                        _ ("The draft was not saved: correct what is marked."));
      return;
    }
  if (!mk_documents_save_draft (self->db, self->document, &error))
    {
      const char *field = mk_record_get_invalid_field (mk_document_get_header (self->document));

      if (field != NULL)
        _mk_document_editor_set_field_error (self, field, error->message);
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, error->message);
      return;
    }
  self->dirty = FALSE;
  _mk_document_editor_show_message (self, GTK_MESSAGE_INFO, _ ("Draft saved. It has no effect on the stock until posted."));
  _mk_document_editor_update_state (self);
}

/* Posting ------------------------------------------------------------------- */

static gint64
sum_lines (MkDocument *document,
           gboolean    damaged)
{
  GPtrArray *lines = mk_document_get_lines (document);
  gint64     sum = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      MkDocumentLine *line = g_ptr_array_index (lines, i);
      sum += damaged ? line->damaged : line->short_quantity;
    }
  return sum;
}

static char *
isolated_number (gint64 value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  return mk_text_isolate_ltr (text);
}

static char *
waybill_destination (MkDocumentEditor *self)
{
  static const char *const fields[][2] = {
    { "to_warehouse", "warehouse" }, { "to_site", "site" }, { "to_partner", "partner" }
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *code = _mk_document_editor_header_text (self, fields[i][0]);
      if (code != NULL)
        return _mk_document_editor_display_ref (self, fields[i][1], code);
    }
  return g_strdup (_ ("no destination"));
}

static char *
people_sentence (MkDocument *document)
{
  MkPeopleCounts *counts = mk_document_get_counts (document);
  GPtrArray      *receipts = mk_document_get_kind (document) == MK_DOCUMENT_DISTRIBUTION
                                 ? mk_document_get_receipts (document)
                                 : NULL;

  if (receipts != NULL && receipts->len > 0)
    {
      g_autoptr (GHashTable) households = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *count = NULL;

      for (guint i = 0; i < receipts->len; i++)
        g_hash_table_add (households,
                          g_utf8_strup (((MkHouseholdReceipt *) g_ptr_array_index (receipts, i))->household_code, -1));
      count = isolated_number (g_hash_table_size (households));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s household on the list receives them.",
                                           "%s households on the list receive them.",
                                           g_hash_table_size (households)),
                              count);
    }
  {
    g_autofree char *total = isolated_number (counts->total);
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person is counted as reached.",
                                         "%s people are counted as reached.", (gulong) counts->total),
                            total);
  }
}

/* What posting @document will change, in one or two sentences. */
static char *
describe_change (MkDocumentEditor *self,
                 MkDocument       *document)
{
  g_autofree char *things = _mk_document_editor_describe_lines (self, document);
  g_autofree char *warehouse = _mk_document_editor_display_ref (self, "warehouse",
                                                                _mk_document_editor_header_text (self, "warehouse"));
  const char      *damaged_handling = _mk_document_editor_header_text (self, "damaged_handling");

  switch (self->kind)
    {
    case MK_DOCUMENT_GRN:
      {
        gint64 damaged = sum_lines (document, TRUE);

        if (damaged == 0)
          /* Translators: "60 × Blanket enter Benghazi main warehouse." */
          return g_strdup_printf (_ ("%s enter %s."), things, warehouse);
        {
          g_autofree char *damaged_iso = isolated_number (damaged);
          return g_strdup_printf (g_strcmp0 (damaged_handling, "quarantine") == 0
                                      ? _ ("%s enter %s; %s damaged are kept apart in its quarantine.")
                                      : _ ("%s enter %s; %s damaged are written off as a loss."),
                                  things, warehouse, damaged_iso);
        }
      }
    case MK_DOCUMENT_WAYBILL:
      {
        g_autofree char *destination = waybill_destination (self);
        /* Translators: "60 × Hygiene kit leave Benghazi main warehouse and are in transit to Ganfouda." */
        return g_strdup_printf (_ ("%s leave %s and are in transit to %s."), things, warehouse, destination);
      }
    case MK_DOCUMENT_RECEPTION:
      {
        g_autofree char *waybill = mk_text_isolate_ltr (_mk_document_editor_header_text (self, "waybill"));
        g_autofree char *damaged = isolated_number (sum_lines (document, TRUE));
        g_autofree char *short_quantity = isolated_number (sum_lines (document, FALSE));
        g_autofree char *where = warehouse != NULL ? g_strdup (warehouse) : g_strdup (_ ("the waybill’s destination"));

        return g_strdup_printf (_ ("%s from waybill %s arrive at %s (received good). Damaged: %s, short: %s."),
                                things, waybill, where, damaged, short_quantity);
      }
    case MK_DOCUMENT_KITTING:
    case MK_DOCUMENT_DEKITTING:
      {
        g_autofree char *kits = mk_text_isolate_ltr (_mk_document_editor_header_text (self, "kit_quantity"));
        MkEditorItem    *kit = _mk_document_editor_lookup_item (self, _mk_document_editor_header_text (self, "kit"));
        g_autofree char *kit_name = mk_text_isolate (kit != NULL && kit->found ? kit->name : "");

        if (self->kind == MK_DOCUMENT_KITTING)
          return g_strdup_printf (_ ("%s × %s are made in %s; their components leave the stock, "
                                     "lots first expiry first out."),
                                  kits, kit_name, warehouse);
        return g_strdup_printf (_ ("%s × %s are taken apart in %s; their components return to the stock."),
                                kits, kit_name, warehouse);
      }
    case MK_DOCUMENT_COUNT:
      return g_strdup_printf (_ ("The stock of the counted lines in %s becomes what was counted; "
                                 "the differences are recorded."),
                              warehouse);
    case MK_DOCUMENT_ADJUSTMENT:
      {
        MkEditorField *field = g_hash_table_lookup (self->fields, "reason");
        GObject       *reason = field != NULL ? gtk_drop_down_get_selected_item (GTK_DROP_DOWN (field->widget)) : NULL;
        const char    *reason_name = reason != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (reason)) : "";

        /* Translators: "−5 × Soap in Benghazi main warehouse: damaged." */
        return g_strdup_printf (_ ("%s change in %s; reason: %s."), things, warehouse, reason_name);
      }
    case MK_DOCUMENT_DISTRIBUTION:
    case MK_DOCUMENT_SERVICE:
      {
        g_autofree char *site = _mk_document_editor_display_ref (self, "site",
                                                                 _mk_document_editor_header_text (self, "site"));
        g_autofree char *people = people_sentence (document);
        g_autofree char *goods = NULL;

        if (mk_document_get_lines (document)->len == 0 && self->kind == MK_DOCUMENT_SERVICE)
          goods = g_strdup_printf (_ ("The service at %s is recorded, with no materials."), site);
        else if (mk_document_get_lines (document)->len == 0)
          goods = g_strdup_printf (_ ("What the households receive is given out at %s."), site);
        else if (warehouse != NULL)
          goods = g_strdup_printf (_ ("%s leave %s and are given out at %s."), things, warehouse, site);
        else
          goods = g_strdup_printf (_ ("%s are given out at %s from the site’s own stock."), things, site);
        return g_strdup_printf ("%s %s", goods, people);
      }
    case MK_DOCUMENT_CANCELLATION:
    case MK_DOCUMENT_N_KINDS:
    default:
      return g_strdup (things);
    }
}

static void
show_post_error (MkDocumentEditor *self,
                 const GError     *error)
{
  guint            line = mk_document_get_invalid_line (self->document);
  guint            receipt = mk_document_get_invalid_receipt (self->document);
  const char      *field = mk_record_get_invalid_field (mk_document_get_header (self->document));
  g_autofree char *message = g_strdup_printf (_ ("Not posted: %s"), error->message);

  if (line != 0)
    _mk_document_editor_mark_line (self, line, error->message);
  if (receipt != 0)
    _mk_document_editor_mark_receipt (self, receipt, error->message);
  if (field != NULL)
    _mk_document_editor_set_field_error (self, field, error->message);
  _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, message);
}

static void
reload_posted (MkDocumentEditor *self)
{
  g_autoptr (MkDocument) stored = mk_documents_get (self->db, mk_document_get_id (self->document), NULL);

  if (stored != NULL)
    g_set_object (&self->document, stored);
  self->read_only = TRUE;
  _mk_document_editor_rebuild_columns (self);
  _mk_document_editor_load (self, self->document, FALSE);
  _mk_document_editor_clear_field_errors (self);
  _mk_document_editor_update_state (self);
  _mk_document_editor_check_lines (self);
  if (self->kind == MK_DOCUMENT_DISTRIBUTION)
    _mk_document_editor_mode_toggled_cb (self);
}

static void
post_response_cb (GtkDialog        *dialog,
                  int               response,
                  MkDocumentEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;

  _mk_document_editor_close_dialog (self);
  if (response != GTK_RESPONSE_ACCEPT)
    return;

  if (!mk_documents_post (self->db, self->document, &error))
    {
      show_post_error (self, error);
      return;
    }
  self->dirty = FALSE;
  number = mk_text_isolate_ltr (mk_document_get_number (self->document));
  message = g_strdup_printf (_ ("Posted as %s."), number);
  reload_posted (self);
  _mk_document_editor_show_message (self, GTK_MESSAGE_INFO, message);
}

static void
post_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MkDocumentEditor *self = MK_DOCUMENT_EDITOR (widget);
  g_autofree char  *change = NULL;
  g_autofree char  *title = NULL;
  GtkWidget        *dialog;

  if (self->dialog != NULL)
    return;
  /* The checks made while typing, now, and the form parsed. */
  if (!mk_document_editor_check (self) || !_mk_document_editor_fill (self, self->document))
    {
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR,
                                        _ ("The document was not posted: correct what is marked."));
      return;
    }
  _mk_document_editor_clear_message (self);

  change = describe_change (self, self->document);
  title = g_strdup_printf (_ ("Post This %s?"), mk_document_kind_get_label (self->kind));
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", title);
  gtk_message_dialog_format_secondary_text (
      GTK_MESSAGE_DIALOG (dialog), "%s\n\n%s", change,
      _ ("It will be numbered and can then be cancelled, not changed."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _ ("_Back to the Draft"), GTK_RESPONSE_CANCEL, _ ("_Post"),
                          GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (post_response_cb), self);
  self->dialog = dialog;
  _mk_document_editor_fix_dialog_labels (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Discarding ---------------------------------------------------------------- */

static void
discard_response_cb (GtkDialog        *dialog,
                     int               response,
                     MkDocumentEditor *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = mk_document_get_id (self->document);

  _mk_document_editor_close_dialog (self);
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  if (id != 0 && !mk_documents_delete_draft (self->db, id, &error))
    {
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, error->message);
      return;
    }
  self->dirty = FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
discard_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MkDocumentEditor *self = MK_DOCUMENT_EDITOR (widget);
  GtkWidget        *dialog;

  if (self->dialog != NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE, "%s", _ ("Discard This Draft?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _ ("The draft and its lines are deleted. The stock does not change."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _ ("_Keep the Draft"), GTK_RESPONSE_CANCEL, _ ("_Discard"),
                          GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
  self->dialog = dialog;
  _mk_document_editor_fix_dialog_labels (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Cancelling a posted document ---------------------------------------------- */

static void
cancel_response_cb (GtkDialog        *dialog,
                    int               response,
                    MkDocumentEditor *self)
{
  GtkEditable     *entry = g_object_get_data (G_OBJECT (dialog), "mk-reason-entry");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (MkDocument) cancellation = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;

  _mk_document_editor_close_dialog (self);
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  cancellation = mk_documents_cancel (self->db, mk_document_get_number (self->document), NULL,
                                      *reason != '\0' ? reason : NULL, &error);
  if (cancellation == NULL)
    {
      g_autofree char *refused = g_strdup_printf (_ ("Not cancelled: %s"), error->message);
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, refused);
      return;
    }
  self->cancelled = TRUE;
  number = mk_text_isolate_ltr (mk_document_get_number (cancellation));
  message = g_strdup_printf (_ ("Cancelled by %s: its movements are reversed."), number);
  _mk_document_editor_update_state (self);
  _mk_document_editor_show_message (self, GTK_MESSAGE_INFO, message);
}

static void
cancel_document_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MkDocumentEditor *self = MK_DOCUMENT_EDITOR (widget);
  g_autofree char  *number = NULL;
  GtkWidget        *dialog;
  GtkWidget        *entry;
  GtkWidget        *area;

  if (self->dialog != NULL || self->document == NULL || mk_document_get_number (self->document) == NULL)
    return;
  number = mk_text_isolate_ltr (mk_document_get_number (self->document));
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE, _ ("Cancel %s?"), number);
  gtk_message_dialog_format_secondary_text (
      GTK_MESSAGE_DIALOG (dialog), "%s",
      _ ("A cancellation document reverses every movement of this one. Both stay on record."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Reason for the cancellation"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));
  gtk_box_append (GTK_BOX (area), entry);
  g_object_set_data (G_OBJECT (dialog), "mk-reason-entry", entry);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _ ("_Keep It"), GTK_RESPONSE_CANCEL, _ ("_Cancel Document"),
                          GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_signal_connect (dialog, "response", G_CALLBACK (cancel_response_cb), self);
  self->dialog = dialog;
  _mk_document_editor_fix_dialog_labels (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Duplicating, receiving ------------------------------------------------------ */

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MkDocumentEditor *self = MK_DOCUMENT_EDITOR (widget);
  MkDocumentEditor *copy;

  copy = MK_DOCUMENT_EDITOR (mk_document_editor_new (gtk_window_get_transient_for (GTK_WINDOW (self)), self->db,
                                                     self->kind, 0, 0));
  _mk_document_editor_load (copy, self->document, TRUE);
  _mk_document_editor_update_state (copy);
  mk_document_editor_check (copy);
  gtk_window_present (GTK_WINDOW (copy));
}

static void
receive_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MkDocumentEditor *self = MK_DOCUMENT_EDITOR (widget);
  GtkWidget        *reception;

  reception = mk_document_editor_new (gtk_window_get_transient_for (GTK_WINDOW (self)), self->db,
                                      MK_DOCUMENT_RECEPTION, 0, mk_document_get_id (self->document));
  gtk_window_present (GTK_WINDOW (reception));
}

/* Lines --------------------------------------------------------------------- */

static void
add_line_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MkDocumentEditor *self = MK_DOCUMENT_EDITOR (widget);

  self->focus_line = _mk_document_editor_append_line (self);
}

static void
add_receipt_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _mk_document_editor_append_receipt (MK_DOCUMENT_EDITOR (widget));
}

static void
fill_count_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _mk_document_editor_fill_count (MK_DOCUMENT_EDITOR (widget));
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr (MkDocumentEditor) self = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  /* The editor may have been closed while the clipboard was read. */
  if (self->db == NULL)
    return;
  if (text == NULL)
    {
      _mk_document_editor_show_message (self, GTK_MESSAGE_WARNING,
                                        _ ("The clipboard holds no text to paste as lines."));
      return;
    }
  if (!mk_document_editor_paste_lines (self, text, &error))
    _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, error->message);
  else
    _mk_document_editor_clear_message (self);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _mk_document_editor_print (MK_DOCUMENT_EDITOR (widget));
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _mk_document_editor_choose_pdf (MK_DOCUMENT_EDITOR (widget));
}

static void
paste_lines_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_read_cb,
                                 g_object_ref (widget));
}

void
_mk_document_editor_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.post", NULL, post_activated);
  gtk_widget_class_install_action (widget_class, "editor.discard", NULL, discard_activated);
  gtk_widget_class_install_action (widget_class, "editor.cancel-document", NULL, cancel_document_activated);
  gtk_widget_class_install_action (widget_class, "editor.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "editor.receive", NULL, receive_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-line", NULL, add_line_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-receipt", NULL, add_receipt_activated);
  gtk_widget_class_install_action (widget_class, "editor.fill-count", NULL, fill_count_activated);
  gtk_widget_class_install_action (widget_class, "editor.paste-lines", NULL, paste_lines_activated);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "editor.save-pdf", NULL, save_pdf_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.post", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.post", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.discard", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.cancel-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "editor.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "editor.receive", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.add-line", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.paste-lines", NULL);
}
