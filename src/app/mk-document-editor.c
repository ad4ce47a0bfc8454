/* mk-document-editor.c: the editor of one document — its type, loading,
 * state and messages. The form's parts and the actions are in the
 * mk-document-editor-*.c files (see mk-document-editor-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-document-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-document-editor-private.h"
#include "mk-documents.h"
#include "mk-master-data.h"
#include "mk-text.h"
#include "mk-ui-resources.h"

G_DEFINE_FINAL_TYPE (MkDocumentEditor, mk_document_editor, GTK_TYPE_WINDOW)

/* Checks run this long after the last keystroke, so that typing stays
 * smooth on long documents. */
#define CHECK_DELAY_MS 150

static void
editor_field_free (MkEditorField *field)
{
  g_free (field->name);
  g_clear_pointer (&field->codes, g_ptr_array_unref);
  g_free (field);
}

static void
editor_item_free (MkEditorItem *item)
{
  g_free (item->code);
  g_free (item->name);
  g_free (item->unit);
  g_free (item);
}

static void
mk_document_editor_dispose (GObject *object)
{
  MkDocumentEditor *self = MK_DOCUMENT_EDITOR (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  _mk_document_editor_close_dialog (self);
  g_clear_object (&self->lines);
  g_clear_object (&self->receipts);
  g_clear_object (&self->document);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_DOCUMENT_EDITOR);
  G_OBJECT_CLASS (mk_document_editor_parent_class)->dispose (object);
}

static void
mk_document_editor_finalize (GObject *object)
{
  MkDocumentEditor *self = MK_DOCUMENT_EDITOR (object);

  g_hash_table_unref (self->fields);
  g_ptr_array_unref (self->field_order);
  g_hash_table_unref (self->items);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_free (self->message);
  g_free (self->totals);
  G_OBJECT_CLASS (mk_document_editor_parent_class)->finalize (object);
}

static void
info_bar_response_cb (MkDocumentEditor *self,
                      int               response)
{
  if (response == GTK_RESPONSE_CLOSE)
    _mk_document_editor_clear_message (self);
}

static void
close_dialog_response_cb (GtkDialog        *dialog,
                          int               response,
                          MkDocumentEditor *self)
{
  _mk_document_editor_close_dialog (self);
  if (response == GTK_RESPONSE_CLOSE)
    {
      self->dirty = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* Unsaved changes are not lost to a stray Escape. */
static gboolean
mk_document_editor_close_request (GtkWindow *window)
{
  MkDocumentEditor *self = MK_DOCUMENT_EDITOR (window);
  GtkWidget        *dialog;

  if (!self->dirty || self->read_only)
    return FALSE;
  if (self->dialog != NULL)
    return TRUE;

  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                   _ ("Close Without Saving?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _ ("The changes made since the draft was last saved will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _ ("_Keep Editing"), GTK_RESPONSE_CANCEL,
                          _ ("_Close Without Saving"), GTK_RESPONSE_CLOSE, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (close_dialog_response_cb), self);
  self->dialog = dialog;
  _mk_document_editor_fix_dialog_labels (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
mk_document_editor_class_init (MkDocumentEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mk_document_editor_dispose;
  object_class->finalize = mk_document_editor_finalize;
  window_class->close_request = mk_document_editor_close_request;

  /* The resource registers itself from a constructor, but only if the
   * linker keeps its object: using it keeps it. */
  (void) mk_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/makhzan/Makhzan/mk-document-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, info_bar);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, info_label);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, header_grid);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, kit_box);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, kit_summary);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, kit_grid);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, people_box);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, mode_box);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, counts_toggle);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, households_toggle);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, counts_grid);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, counts_sum_label);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, receipts_box);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, receipts_view);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, receipts_summary);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, lines_box);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, lines_title);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, lines_view);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, lines_buttons);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, fill_count_button);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, add_line_button);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, paste_lines_button);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, totals_label);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, discard_button);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, cancel_document_button);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, post_button);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, print_button);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, save_pdf_button);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, receive_button);
  gtk_widget_class_bind_template_child (widget_class, MkDocumentEditor, duplicate_button);
  gtk_widget_class_bind_template_callback (widget_class, info_bar_response_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "mode_toggled_cb",
                                                G_CALLBACK (_mk_document_editor_mode_toggled_cb));

  _mk_document_editor_class_init_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mk_document_editor_init (MkDocumentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_hash_table_new (g_str_hash, g_str_equal);
  self->field_order = g_ptr_array_new_with_free_func ((GDestroyNotify) editor_field_free);
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) editor_item_free);
  self->lines = g_list_store_new (MK_TYPE_EDITOR_LINE);
  self->receipts = g_list_store_new (MK_TYPE_EDITOR_LINE);
}

/* The dialog lets go of the editor first: the editor may be destroyed
 * next, while the dialog's response is still being emitted. */
void
_mk_document_editor_close_dialog (MkDocumentEditor *self)
{
  GtkWindow *dialog = GTK_WINDOW (self->dialog);

  self->dialog = NULL;
  if (dialog == NULL)
    return;
  gtk_window_set_transient_for (dialog, NULL);
  gtk_window_destroy (dialog);
}

/* GTK 4.8 measures a wrapped Arabic sentence with isolated numbers
 * differently for its minimum width and for its height (a critical,
 * "expect overlapping widgets"); a minimum width of its own keeps the two
 * in step. */
void
_mk_document_editor_fix_dialog_labels (GtkWidget *dialog)
{
  GtkWidget *area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));

  for (GtkWidget *child = gtk_widget_get_first_child (area); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      {
        gtk_label_set_width_chars (GTK_LABEL (child), 50);
        gtk_label_set_max_width_chars (GTK_LABEL (child), 60);
      }
}

/* Messages ---------------------------------------------------------------- */

void
_mk_document_editor_show_message (MkDocumentEditor *self,
                                  GtkMessageType    type,
                                  const char       *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->info_label, message);
  gtk_info_bar_set_message_type (self->info_bar, type);
  gtk_info_bar_set_revealed (self->info_bar, TRUE);
}

void
_mk_document_editor_clear_message (MkDocumentEditor *self)
{
  g_clear_pointer (&self->message, g_free);
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
}

/* Changes and checks ------------------------------------------------------- */

static gboolean
check_cb (gpointer data)
{
  MkDocumentEditor *self = data;

  self->check_source = 0;
  mk_document_editor_check (self);
  return G_SOURCE_REMOVE;
}

static void
queue_check (MkDocumentEditor *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

void
_mk_document_editor_changed (MkDocumentEditor *self)
{
  if (self->loading || self->read_only)
    return;
  self->dirty = TRUE;
  queue_check (self);
}

gboolean
mk_document_editor_check (MkDocumentEditor *self)
{
  g_autoptr (MkDocument) scratch = NULL;
  gboolean ok;

  g_return_val_if_fail (MK_IS_DOCUMENT_EDITOR (self), FALSE);

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->read_only)
    {
      _mk_document_editor_check_lines (self);
      return TRUE;
    }
  /* The header is parsed into a scratch document: the marks beside the
   * fields come from the same rules as posting. */
  scratch = mk_document_new (self->kind);
  _mk_document_editor_clear_field_errors (self);
  ok = _mk_document_editor_fill_header (self, scratch);
  ok = _mk_document_editor_check_references (self) && ok;
  ok = _mk_document_editor_check_people (self) && ok;
  ok = _mk_document_editor_check_lines (self) && ok;
  return ok;
}

/* The form and the document ------------------------------------------------ */

gboolean
_mk_document_editor_fill (MkDocumentEditor *self,
                          MkDocument       *document)
{
  gboolean ok;

  _mk_document_editor_clear_field_errors (self);
  ok = _mk_document_editor_fill_header (self, document);
  ok = _mk_document_editor_fill_people (self, document) && ok;
  ok = _mk_document_editor_fill_lines (self, document) && ok;
  return ok;
}

void
_mk_document_editor_load (MkDocumentEditor *self,
                          MkDocument       *document,
                          gboolean          as_new)
{
  self->loading = TRUE;
  _mk_document_editor_load_header (self, document, as_new);
  _mk_document_editor_load_people (self, document);
  _mk_document_editor_load_lines (self, document);
  self->loading = FALSE;
  self->dirty = as_new;
}

static char *
title_for (MkDocumentEditor *self)
{
  const char *number = self->document != NULL ? mk_document_get_number (self->document) : NULL;

  if (number != NULL)
    {
      g_autofree char *number_iso = mk_text_isolate_ltr (number);
      /* Translators: a document's kind and number: "Waybill BEN-WB-2026-00017". */
      return g_strdup_printf (_ ("%s %s"), mk_document_kind_get_label (self->kind), number_iso);
    }
  return g_strdup (mk_document_kind_get_label (self->kind));
}

void
_mk_document_editor_update_state (MkDocumentEditor *self)
{
  GtkWidget       *widget = GTK_WIDGET (self);
  gboolean         posted = self->document != NULL && mk_document_get_status (self->document) == MK_DOCUMENT_POSTED;
  gboolean         draft = !self->read_only;
  gboolean         stored = self->document != NULL && mk_document_get_id (self->document) != 0;
  gboolean         cancellable = posted && self->kind != MK_DOCUMENT_CANCELLATION && !self->cancelled;
  g_autofree char *title = title_for (self);

  gtk_label_set_text (self->title_label, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (posted && self->cancelled)
    gtk_label_set_text (self->subtitle_label, _ ("Cancelled: its movements are reversed"));
  else if (posted && self->kind == MK_DOCUMENT_CANCELLATION)
    gtk_label_set_text (self->subtitle_label, _ ("Posted: it reverses the document it cancels"));
  else if (posted)
    gtk_label_set_text (self->subtitle_label, _ ("Posted: it can be cancelled, not changed"));
  else if (self->read_only)
    gtk_label_set_text (self->subtitle_label, _ ("Cannot be shown"));
  else if (stored)
    gtk_label_set_text (self->subtitle_label, _ ("Draft: no effect on the stock until posted"));
  else
    gtk_label_set_text (self->subtitle_label, _ ("New draft"));

  gtk_widget_action_set_enabled (widget, "editor.save", draft);
  gtk_widget_action_set_enabled (widget, "editor.post", draft);
  gtk_widget_action_set_enabled (widget, "editor.discard", draft);
  gtk_widget_action_set_enabled (widget, "editor.add-line", draft);
  gtk_widget_action_set_enabled (widget, "editor.paste-lines", draft);
  gtk_widget_action_set_enabled (widget, "editor.add-receipt", draft);
  gtk_widget_action_set_enabled (widget, "editor.fill-count", draft && self->kind == MK_DOCUMENT_COUNT);
  gtk_widget_action_set_enabled (widget, "editor.cancel-document", cancellable);
  gtk_widget_action_set_enabled (widget, "editor.duplicate",
                                 self->document != NULL && self->kind != MK_DOCUMENT_CANCELLATION);
  gtk_widget_action_set_enabled (widget, "editor.receive", posted && self->kind == MK_DOCUMENT_WAYBILL);
  gtk_widget_action_set_enabled (widget, "editor.print", _mk_document_editor_can_print (self));
  gtk_widget_action_set_enabled (widget, "editor.save-pdf", _mk_document_editor_can_print (self));

  gtk_widget_set_visible (self->save_button, draft);
  gtk_widget_set_visible (self->discard_button, draft);
  gtk_widget_set_visible (self->post_button, draft);
  gtk_widget_set_visible (self->cancel_document_button, cancellable);
  gtk_widget_set_visible (self->duplicate_button, posted && self->kind != MK_DOCUMENT_CANCELLATION);
  gtk_widget_set_visible (self->receive_button, posted && self->kind == MK_DOCUMENT_WAYBILL);
  gtk_widget_set_visible (self->print_button, _mk_document_editor_can_print (self));
  gtk_widget_set_visible (self->save_pdf_button, _mk_document_editor_can_print (self));
  gtk_widget_set_visible (self->add_line_button, draft);
  gtk_widget_set_visible (self->paste_lines_button, draft);
  gtk_widget_set_visible (self->fill_count_button, draft && self->kind == MK_DOCUMENT_COUNT);
  gtk_widget_set_sensitive (self->mode_box, draft);
  _mk_document_editor_header_set_editable (self, draft);
}

/* The catalogue ------------------------------------------------------------ */

MkEditorItem *
_mk_document_editor_lookup_item (MkDocumentEditor *self,
                                 const char       *code)
{
  g_autofree char *key = NULL;
  g_autoptr (MkRecord) record = NULL;
  MkEditorItem *item;

  if (code == NULL)
    return NULL;
  key = g_utf8_strup (code, -1);
  g_strstrip (key);
  item = g_hash_table_lookup (self->items, key);
  if (item != NULL)
    return item;

  if (self->unit_names == NULL)
    {
      g_autoptr (GPtrArray) units = mk_master_data_list_vocabulary (self->db, "units", NULL);

      self->unit_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; units != NULL && i < units->len; i++)
        {
          MkVocabEntry *entry = g_ptr_array_index (units, i);
          g_hash_table_insert (self->unit_names, g_strdup (entry->code),
                               g_strdup (mk_vocab_entry_get_display_name (entry)));
        }
    }

  item = g_new0 (MkEditorItem, 1);
  item->code = g_strdup (key);
  record = mk_master_data_get (self->db, mk_kind_lookup ("item"), key, NULL);
  if (record != NULL)
    {
      const char *unit = mk_record_get_string (record, "unit");
      const char *unit_name = unit != NULL ? g_hash_table_lookup (self->unit_names, unit) : NULL;

      item->found = TRUE;
      g_free (item->code);
      item->code = g_strdup (mk_record_get_code (record));
      item->name = g_strdup (mk_record_get_display_name (record));
      item->unit = g_strdup (unit_name != NULL ? unit_name : unit);
      item->weight_g = mk_record_is_set (record, "weight_kg") ? mk_record_get_int (record, "weight_kg") : 0;
      item->volume_cm3 = mk_record_is_set (record, "volume_m3") ? mk_record_get_int (record, "volume_m3") : 0;
      item->tracks_lots = mk_record_is_set (record, "tracks_lots") && mk_record_get_bool (record, "tracks_lots");
      item->is_kit = mk_record_is_set (record, "is_kit") && mk_record_get_bool (record, "is_kit");
    }
  g_hash_table_insert (self->items, g_steal_pointer (&key), item);
  return item;
}

const char *
_mk_document_editor_outgoing_warehouse (MkDocumentEditor *self)
{
  switch (self->kind)
    {
    case MK_DOCUMENT_WAYBILL:
    case MK_DOCUMENT_DISTRIBUTION:
    case MK_DOCUMENT_SERVICE:
    case MK_DOCUMENT_ADJUSTMENT:
    case MK_DOCUMENT_KITTING:
    case MK_DOCUMENT_DEKITTING:
      {
        const char *code = _mk_document_editor_header_text (self, "warehouse");

        /* An unknown warehouse is marked beside its field, not on every line. */
        return code != NULL && _mk_document_editor_reference_exists (self, "warehouse", code) ? code : NULL;
      }
    case MK_DOCUMENT_GRN:
    case MK_DOCUMENT_RECEPTION:
    case MK_DOCUMENT_COUNT:
    case MK_DOCUMENT_CANCELLATION:
    case MK_DOCUMENT_N_KINDS:
    default:
      return NULL;
    }
}

/* Codes, dates, plates and phone numbers read left to right, also in an
 * Arabic interface. The entry's text widget is set too: a plate of digits
 * only has no letter to tell its direction and would follow the
 * interface's, aligned to the right. */
void
_mk_document_editor_set_ltr (GtkWidget *entry)
{
  gtk_widget_set_direction (entry, GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry))), GTK_TEXT_DIR_LTR);
}

/* Completion of codes ------------------------------------------------------ */

enum
{
  COMPLETION_CODE,
  COMPLETION_NAME,
  COMPLETION_FOLDED,
  N_COMPLETION_COLUMNS
};

static gboolean
completion_match (GtkEntryCompletion *completion,
                  const char         *key,
                  GtkTreeIter        *iter,
                  gpointer            data)
{
  GtkTreeModel    *model = gtk_entry_completion_get_model (completion);
  g_autofree char *code = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *folded_key = mk_text_fold (key);
  g_autofree char *folded_code = NULL;

  if (folded_key == NULL || *folded_key == '\0')
    return FALSE;
  gtk_tree_model_get (model, iter, COMPLETION_CODE, &code, COMPLETION_FOLDED, &folded, -1);
  folded_code = mk_text_fold (code);
  return g_str_has_prefix (folded_code, folded_key) || (folded != NULL && strstr (folded, folded_key) != NULL);
}

static GtkTreeModel *
completion_model (MkDocumentEditor *self,
                  const char       *kind_name)
{
  g_autofree char *key = g_strconcat ("mk-completion-", kind_name, NULL);
  GtkListStore    *store = g_object_get_data (G_OBJECT (self), key);
  gboolean         kits_only = g_str_equal (kind_name, "kit");
  const MkKind    *kind = mk_kind_lookup (kits_only ? "item" : kind_name);
  g_autoptr (GPtrArray) records = NULL;

  if (store != NULL)
    return GTK_TREE_MODEL (store);

  store = gtk_list_store_new (N_COMPLETION_COLUMNS, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  records = kind != NULL ? mk_master_data_list (self->db, kind, NULL, NULL) : NULL;
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      MkRecord        *record = g_ptr_array_index (records, i);
      g_autofree char *folded = NULL;
      const char      *name;

      if (kits_only && !(mk_record_is_set (record, "is_kit") && mk_record_get_bool (record, "is_kit")))
        continue;
      if (mk_kind_find_field (kind, "active") != NULL && mk_record_is_set (record, "active") && !mk_record_get_bool (record, "active"))
        continue;
      /* Households have no name to show (their head's is personal). */
      name = mk_kind_find_field (kind, "name_en") != NULL ? mk_record_get_display_name (record) : NULL;
      folded = mk_text_fold (name != NULL ? name : "");
      gtk_list_store_insert_with_values (store, NULL, -1, COMPLETION_CODE, mk_record_get_code (record),
                                         COMPLETION_NAME, name, COMPLETION_FOLDED, folded, -1);
    }
  g_object_set_data_full (G_OBJECT (self), key, store, g_object_unref);
  return GTK_TREE_MODEL (store);
}

void
_mk_document_editor_add_completion (MkDocumentEditor *self,
                                    GtkEntry         *entry,
                                    const char       *kind_name)
{
  g_autoptr (GtkEntryCompletion) completion = gtk_entry_completion_new ();
  GtkCellRenderer *renderer = gtk_cell_renderer_text_new ();

  gtk_entry_completion_set_model (completion, completion_model (self, kind_name));
  gtk_entry_completion_set_text_column (completion, COMPLETION_CODE);
  gtk_entry_completion_set_match_func (completion, completion_match, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_inline_completion (completion, FALSE);
  g_object_set (renderer, "ellipsize", PANGO_ELLIPSIZE_END, "width-chars", 30, NULL);
  gtk_cell_layout_pack_start (GTK_CELL_LAYOUT (completion), renderer, TRUE);
  gtk_cell_layout_add_attribute (GTK_CELL_LAYOUT (completion), renderer, "text", COMPLETION_NAME);
  gtk_entry_set_completion (entry, completion);
  _mk_document_editor_set_ltr (GTK_WIDGET (entry));
}

/* Construction -------------------------------------------------------------- */

static void
database_changed_cb (MkDatabase       *db,
                     const char       *what,
                     MkDocumentEditor *self)
{
  /* The catalogue or the stock may have changed: items are looked up and
   * the lines checked afresh; the draft itself has not changed. */
  g_hash_table_remove_all (self->items);
  queue_check (self);
}

GtkWidget *
mk_document_editor_new (GtkWindow     *parent,
                        MkDatabase    *db,
                        MkDocumentKind kind,
                        gint64         document_id,
                        gint64         source_waybill_id)
{
  MkDocumentEditor *self;
  g_autoptr (GError) error = NULL;
  g_autoptr (MkDocument) document = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind < MK_DOCUMENT_N_KINDS, NULL);

  if (document_id != 0)
    {
      document = mk_documents_get (db, document_id, &error);
      if (document != NULL)
        kind = mk_document_get_kind (document);
    }

  self = g_object_new (MK_TYPE_DOCUMENT_EDITOR, "transient-for", parent, "modal", FALSE,
                       "destroy-with-parent", TRUE, NULL);
  self->db = g_object_ref (db);
  self->kind = kind;
  self->source_waybill_id = source_waybill_id;
  /* Known before the form is made: a posted document's cells are labels. */
  self->read_only = (document_id != 0 && document == NULL) || (document != NULL && mk_document_get_status (document) == MK_DOCUMENT_POSTED);
  gtk_widget_add_css_class (GTK_WIDGET (self), "mk-document-editor");

  _mk_document_editor_build_header (self);
  _mk_document_editor_build_people (self);
  _mk_document_editor_build_lines (self);

  if (document_id != 0 && document == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);
      g_autofree char *id_iso = mk_text_isolate_ltr (id_text);
      g_autofree char *message = g_strdup_printf (_ ("Document %s cannot be shown: %s"), id_iso,
                                                  error->message);

      self->document = mk_document_new (kind);
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, message);
    }
  else if (document != NULL)
    {
      self->document = g_steal_pointer (&document);
      _mk_document_editor_load (self, self->document, FALSE);
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      self->document = mk_document_new (kind);
      self->loading = TRUE;
      _mk_document_editor_set_field_text (g_hash_table_lookup (self->fields, "date"), today);
      self->loading = FALSE;
      if (kind == MK_DOCUMENT_RECEPTION && source_waybill_id != 0)
        _mk_document_editor_fill_reception (self, source_waybill_id);
      else if (kind != MK_DOCUMENT_KITTING && kind != MK_DOCUMENT_DEKITTING && kind != MK_DOCUMENT_CANCELLATION)
        _mk_document_editor_append_line (self);
      self->dirty = FALSE;
    }

  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self, 0);
  _mk_document_editor_update_state (self);
  mk_document_editor_check (self);
  if (self->read_only)
    _mk_document_editor_clear_field_errors (self);
  return GTK_WIDGET (self);
}

/* Public accessors ---------------------------------------------------------- */

MkDocument *
mk_document_editor_get_document (MkDocumentEditor *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT_EDITOR (self), NULL);
  return self->document;
}

gboolean
mk_document_editor_set_field (MkDocumentEditor *self,
                              const char       *field_name,
                              const char       *text)
{
  MkEditorField *field;

  g_return_val_if_fail (MK_IS_DOCUMENT_EDITOR (self), FALSE);
  field = g_hash_table_lookup (self->fields, field_name);
  if (field == NULL)
    return FALSE;
  return _mk_document_editor_set_field_text (field, text);
}

const char *
mk_document_editor_get_field_error (MkDocumentEditor *self,
                                    const char       *field_name)
{
  MkEditorField *field;
  const char    *text;

  g_return_val_if_fail (MK_IS_DOCUMENT_EDITOR (self), NULL);
  field = g_hash_table_lookup (self->fields, field_name);
  if (field == NULL || !gtk_widget_get_visible (GTK_WIDGET (field->error_label)))
    return NULL;
  text = gtk_label_get_text (field->error_label);
  return *text != '\0' ? text : NULL;
}

const char *
mk_document_editor_get_message (MkDocumentEditor *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT_EDITOR (self), NULL);
  return self->message;
}

GListModel *
mk_document_editor_get_lines (MkDocumentEditor *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT_EDITOR (self), NULL);
  return G_LIST_MODEL (self->lines);
}

GListModel *
mk_document_editor_get_receipts (MkDocumentEditor *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT_EDITOR (self), NULL);
  return G_LIST_MODEL (self->receipts);
}

const char *
mk_document_editor_get_totals (MkDocumentEditor *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT_EDITOR (self), NULL);
  return self->totals;
}
