/* mk-document-editor-header.c: the header's fields, made from the kind's
 * descriptor (mk_document_kind_get_header), and the marks beside them.
 *
 * Lists (vocabularies, fixed choices) are drop-downs; records (warehouses,
 * sites, kits, grants …) are entries completing their codes and names;
 * dates, codes, plates and phone numbers are typed left to right. Each
 * field's text goes through mk_record_set_text(), so that a date like
 * 31/02/2026 or a note too long is refused beside the field with the
 * core's own message, before posting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-document-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-document-editor-private.h"
#include "mk-field-input.h"
#include "mk-documents.h"
#include "mk-master-data.h"
#include "mk-text.h"

static void
field_changed_cb (MkDocumentEditor *self)
{
  _mk_document_editor_changed (self);
}

/* A reception's waybill typed by hand: its lines come with it. */
static void
waybill_changed_cb (GtkEditable      *editable,
                    MkDocumentEditor *self)
{
  g_autoptr (MkDocument) waybill = NULL;
  const char *number = gtk_editable_get_text (editable);

  if (self->loading || self->read_only || *number == '\0')
    return;
  waybill = mk_documents_get_by_number (self->db, number, NULL);
  if (waybill == NULL || mk_document_get_kind (waybill) != MK_DOCUMENT_WAYBILL || mk_document_get_id (waybill) == self->source_waybill_id)
    return;
  self->source_waybill_id = mk_document_get_id (waybill);
  _mk_document_editor_fill_reception (self, self->source_waybill_id);
}

static GtkWidget *
make_drop_down (MkDocumentEditor *self,
                MkEditorField    *editor_field)
{
  const MkField *field = editor_field->field;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *drop_down;
  gboolean   needs_none = !(field->flags & MK_FIELD_REQUIRED) || field->default_text == NULL;

  editor_field->codes = g_ptr_array_new_with_free_func (g_free);
  if (needs_none)
    {
      g_ptr_array_add (editor_field->codes, g_strdup (""));
      /* Translators: a list with nothing chosen. */
      gtk_string_list_append (names, _ ("—"));
    }
  if (field->type == MK_FIELD_CHOICE)
    {
      g_auto (GStrv) codes = g_strsplit (field->vocab, "|", -1);

      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_ptr_array_add (editor_field->codes, g_strdup (codes[i]));
          gtk_string_list_append (names, mk_field_input_choice_label (codes[i]));
        }
    }
  else
    {
      g_autoptr (GPtrArray) entries = mk_master_data_list_vocabulary (self->db, field->vocab, NULL);

      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          MkVocabEntry *entry = g_ptr_array_index (entries, i);

          g_ptr_array_add (editor_field->codes, g_strdup (entry->code));
          gtk_string_list_append (names, mk_vocab_entry_get_display_name (entry));
        }
    }

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  for (guint i = 0; field->default_text != NULL && i < editor_field->codes->len; i++)
    if (g_str_equal (g_ptr_array_index (editor_field->codes, i), field->default_text))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
  if (editor_field->codes->len > 8)
    gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (drop_down),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return drop_down;
}

MkEditorField *
_mk_document_editor_add_field_widget (MkDocumentEditor *self,
                                      const MkField    *field,
                                      const char       *name)
{
  MkEditorField *editor_field = g_new0 (MkEditorField, 1);
  GtkWidget     *error_label;

  editor_field->field = field;
  editor_field->name = g_strdup (name);
  if (field != NULL && (field->type == MK_FIELD_VOCAB || field->type == MK_FIELD_CHOICE))
    editor_field->widget = make_drop_down (self, editor_field);
  else
    {
      GtkWidget *entry = gtk_entry_new ();

      editor_field->widget = entry;
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), field != NULL ? 24 : 6);
      if (field == NULL || field->type == MK_FIELD_INT || field->type == MK_FIELD_DECIMAL)
        {
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
          _mk_document_editor_set_ltr (entry);
        }
      if (field != NULL && field->type == MK_FIELD_REF)
        _mk_document_editor_add_completion (self, GTK_ENTRY (entry),
                                            g_str_equal (field->name, "kit") ? "kit" : field->ref_kind);
      if (field != NULL && (field->flags & MK_FIELD_LTR || field->type == MK_FIELD_CODE))
        _mk_document_editor_set_ltr (entry);
      if (field != NULL && field->type == MK_FIELD_DATE)
        {
          /* Translators: the form of a date to type; keep the letters or use Arabic ones. */
          gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("YYYY-MM-DD"));
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
        }
      if (field != NULL && g_str_equal (field->name, "driver_phone"))
        gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PHONE);
      g_signal_connect_object (entry, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
      if (self->kind == MK_DOCUMENT_RECEPTION && field != NULL && g_str_equal (field->name, "waybill"))
        g_signal_connect_object (entry, "changed", G_CALLBACK (waybill_changed_cb), self, 0);
    }
  gtk_widget_set_name (editor_field->widget, name);
  gtk_widget_set_hexpand (editor_field->widget, field != NULL);

  error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error_label), 40);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  editor_field->error_label = GTK_LABEL (error_label);

  g_hash_table_insert (self->fields, editor_field->name, editor_field);
  g_ptr_array_add (self->field_order, editor_field);
  return editor_field;
}

void
_mk_document_editor_build_header (MkDocumentEditor *self)
{
  const MkKind *kind = mk_document_kind_get_header (self->kind);
  guint         row = 0, column = 0;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const MkField *field = &kind->fields[i];
      gboolean       wide = g_str_equal (field->name, "notes");
      MkEditorField *editor_field;
      GtkWidget     *label;
      GtkWidget     *box;

      if (g_str_equal (field->name, "number"))
        continue;
      editor_field = _mk_document_editor_add_field_widget (self, field, field->name);

      label = gtk_label_new (mk_field_get_label (field));
      /* Beside the entry's text, above the message under it. */
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), editor_field->widget);

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (box), editor_field->widget);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor_field->error_label));
      gtk_widget_set_hexpand (box, TRUE);

      if (wide && column != 0)
        {
          row++;
          column = 0;
        }
      gtk_grid_attach (self->header_grid, label, column, row, 1, 1);
      gtk_grid_attach (self->header_grid, box, column + 1, row, wide ? 3 : 1, 1);
      if (wide || column != 0)
        {
          row++;
          column = 0;
        }
      else
        column = 2;
    }
}

char *
_mk_document_editor_field_text (MkEditorField *field)
{
  if (GTK_IS_DROP_DOWN (field->widget))
    {
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->widget));

      if (selected == GTK_INVALID_LIST_POSITION || selected >= field->codes->len)
        return NULL;
      return g_strdup (g_ptr_array_index (field->codes, selected));
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
}

gboolean
_mk_document_editor_set_field_text (MkEditorField *field,
                                    const char    *text)
{
  if (field == NULL)
    return FALSE;
  if (GTK_IS_DROP_DOWN (field->widget))
    {
      for (guint i = 0; i < field->codes->len; i++)
        if (g_ascii_strcasecmp (g_ptr_array_index (field->codes, i), text != NULL ? text : "") == 0)
          {
            gtk_drop_down_set_selected (GTK_DROP_DOWN (field->widget), i);
            return TRUE;
          }
      return FALSE;
    }
  gtk_editable_set_text (GTK_EDITABLE (field->widget), text != NULL ? text : "");
  return TRUE;
}

const char *
_mk_document_editor_header_text (MkDocumentEditor *self,
                                 const char       *field_name)
{
  MkEditorField *field = g_hash_table_lookup (self->fields, field_name);
  const char    *text;

  if (field == NULL)
    return NULL;
  if (GTK_IS_DROP_DOWN (field->widget))
    {
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->widget));

      text = selected < field->codes->len ? g_ptr_array_index (field->codes, selected) : NULL;
    }
  else
    text = gtk_editable_get_text (GTK_EDITABLE (field->widget));
  return text != NULL && *text != '\0' ? text : NULL;
}

void
_mk_document_editor_set_field_error (MkDocumentEditor *self,
                                     const char       *field_name,
                                     const char       *message)
{
  MkEditorField *field = g_hash_table_lookup (self->fields, field_name);

  if (field == NULL)
    return;
  gtk_label_set_text (field->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (field->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (field->widget, "error");
  else
    gtk_widget_remove_css_class (field->widget, "error");
  gtk_widget_set_tooltip_text (field->widget, message);
}

void
_mk_document_editor_clear_field_errors (MkDocumentEditor *self)
{
  for (guint i = 0; i < self->field_order->len; i++)
    {
      MkEditorField *field = g_ptr_array_index (self->field_order, i);

      _mk_document_editor_set_field_error (self, field->name, NULL);
    }
}

gboolean
_mk_document_editor_fill_header (MkDocumentEditor *self,
                                 MkDocument       *document)
{
  MkRecord *header = mk_document_get_header (document);
  gboolean  ok = TRUE;

  for (guint i = 0; i < self->field_order->len; i++)
    {
      MkEditorField   *field = g_ptr_array_index (self->field_order, i);
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;

      if (field->field == NULL)
        continue;
      text = _mk_document_editor_field_text (field);
      if (text == NULL || *g_strstrip (text) == '\0')
        {
          mk_record_unset (header, field->name);
          continue;
        }
      if (!mk_record_set_text (header, field->name, text, &error))
        {
          _mk_document_editor_set_field_error (self, field->name, error->message);
          ok = FALSE;
        }
    }
  return ok;
}

void
_mk_document_editor_load_header (MkDocumentEditor *self,
                                 MkDocument       *document,
                                 gboolean          as_new)
{
  MkRecord *header = mk_document_get_header (document);

  for (guint i = 0; i < self->field_order->len; i++)
    {
      MkEditorField   *field = g_ptr_array_index (self->field_order, i);
      g_autofree char *text = NULL;

      if (field->field == NULL)
        continue;
      if (as_new && g_str_equal (field->name, "date"))
        {
          g_autoptr (GDateTime) now = g_date_time_new_now_local ();
          text = g_date_time_format (now, "%Y-%m-%d");
        }
      else
        text = mk_record_get_text (header, field->name);
      _mk_document_editor_set_field_text (field, text);
    }
}

void
_mk_document_editor_header_set_editable (MkDocumentEditor *self,
                                         gboolean          editable)
{
  for (guint i = 0; i < self->field_order->len; i++)
    {
      MkEditorField *field = g_ptr_array_index (self->field_order, i);

      /* A posted document's fields are read, not typed in: without a frame
       * they do not look like a form waiting for input. */
      if (GTK_IS_EDITABLE (field->widget))
        {
          gtk_editable_set_editable (GTK_EDITABLE (field->widget), editable);
          if (editable)
            gtk_widget_remove_css_class (field->widget, "flat");
          else
            gtk_widget_add_css_class (field->widget, "flat");
        }
      else
        gtk_widget_set_sensitive (field->widget, editable);
    }
}

gboolean
_mk_document_editor_reference_exists (MkDocumentEditor *self,
                                      const char       *kind_name,
                                      const char       *code)
{
  g_autoptr (MkRecord) record = NULL;
  const MkKind *kind = mk_kind_lookup (kind_name);

  if (kind == NULL)
    return TRUE;
  record = mk_master_data_get (self->db, kind, code, NULL);
  return record != NULL;
}

/* Records named by code exist: "BEN-MAN" is marked as it is typed, not when
 * posting. The core's own message is kept for posting, which also refuses
 * inactive ones. */
gboolean
_mk_document_editor_check_references (MkDocumentEditor *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->field_order->len; i++)
    {
      MkEditorField *field = g_ptr_array_index (self->field_order, i);
      const char    *code;

      if (field->field == NULL || field->field->type != MK_FIELD_REF || mk_document_editor_get_field_error (self, field->name) != NULL)
        continue;
      code = _mk_document_editor_header_text (self, field->name);
      if (code != NULL && !_mk_document_editor_reference_exists (self, field->field->ref_kind, code))
        {
          const MkKind    *kind = mk_kind_lookup (field->field->ref_kind);
          g_autofree char *code_iso = mk_text_isolate_ltr (code);
          /* Translators: "No Warehouse BEN-MAN: choose one from the list." */
          g_autofree char *message = g_strdup_printf (_ ("No %s %s: choose one from the list."),
                                                      mk_kind_get_label (kind), code_iso);

          _mk_document_editor_set_field_error (self, field->name, message);
          ok = FALSE;
        }
    }
  return ok;
}

char *
_mk_document_editor_display_ref (MkDocumentEditor *self,
                                 const char       *kind_name,
                                 const char       *code)
{
  g_autoptr (MkRecord) record = NULL;
  const MkKind *kind = mk_kind_lookup (kind_name);

  if (code == NULL)
    return NULL;
  record = kind != NULL && mk_kind_find_field (kind, "name_en") != NULL
               ? mk_master_data_get (self->db, kind, code, NULL)
               : NULL;
  if (record == NULL || mk_record_get_display_name (record) == NULL)
    return mk_text_isolate_ltr (code);
  return mk_text_isolate (mk_record_get_display_name (record));
}
