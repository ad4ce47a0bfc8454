/* mk-record-editor.c: the editor of one master-data record.
 *
 * The form is made from the kind's field descriptors (mk-kind.h), so that a
 * field added to the core appears here. Saving hands the text of each
 * changed field to the core (mk_record_set_text(), then mk_master_data_add()
 * or _update(), or mk_kit_save() for items, which stores the bill of
 * materials in the same transaction); the core names the refused field and
 * its message is shown beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-distributions.h"
#include "mk-kind.h"
#include "mk-kit-bill.h"
#include "mk-kit.h"
#include "mk-master-data.h"
#include "mk-record-chooser.h"
#include "mk-record-editor-private.h"
#include "mk-record.h"
#include "mk-text.h"
#include "mk-ui-resources.h"

struct _MkRecordEditor
{
  GtkWindow parent_instance;

  MkDatabase   *db;
  const MkKind *kind;
  gint64        id;
  GPtrArray    *inputs;   /* MkFieldInput, one per field of the kind */
  MkRecord     *scratch;  /* parses numbers and dates as they are typed */
  char         *snapshot; /* the form as stored, to tell what changed */
  gboolean      discarding;
  gboolean      loading;
  gboolean      saving;

  GtkWidget *kit_bill;      /* items only */
  GtkWidget *members_sum;   /* households only */
  GtkWidget *history;       /* households only */
  GtkWidget *personal_note; /* households only */

  /* Template children */
  GtkLabel    *title_label;
  GtkLabel    *subtitle_label;
  GtkRevealer *banner_revealer;
  GtkLabel    *banner_label;
  GtkBox      *content_box;
  GtkGrid     *form_grid;
};

G_DEFINE_FINAL_TYPE (MkRecordEditor, mk_record_editor, GTK_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Titles as whole phrases, so that each language can agree them. */
static const struct
{
  const char *kind;
  const char *new_title;
} new_titles[] = {
  { "office", N_ ("New Office") },
  { "warehouse", N_ ("New Warehouse") },
  { "site", N_ ("New Site") },
  { "item", N_ ("New Item") },
  { "donor", N_ ("New Donor") },
  { "grant", N_ ("New Grant") },
  { "partner", N_ ("New Partner") },
  { "household", N_ ("New Household") },
  { "entitlement", N_ ("New Entitlement Rule") },
};

static gboolean
is_kind (MkRecordEditor *self,
         const char     *name)
{
  return g_str_equal (self->kind->name, name);
}

static MkFieldInput *
find_input (MkRecordEditor *self,
            const char     *field_name)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      MkFieldInput *input = g_ptr_array_index (self->inputs, i);

      if (g_str_equal (input->field->name, field_name))
        return input;
    }
  return NULL;
}

/* The state of the form -------------------------------------------------- */

static char *
describe_form (MkRecordEditor *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->inputs->len; i++)
    {
      g_autofree char *value = mk_field_input_get_text (g_ptr_array_index (self->inputs, i));

      g_string_append_printf (text, "%s\n", value);
    }
  if (self->kit_bill != NULL && gtk_widget_get_visible (self->kit_bill))
    {
      g_autofree char *bill = mk_kit_bill_describe (MK_KIT_BILL (self->kit_bill));

      g_string_append (text, bill);
    }
  return g_string_free (text, FALSE);
}

gboolean
mk_record_editor_is_modified (MkRecordEditor *self)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (MK_IS_RECORD_EDITOR (self), FALSE);

  now = describe_form (self);
  return g_strcmp0 (now, self->snapshot) != 0;
}

static void
take_snapshot (MkRecordEditor *self)
{
  g_free (self->snapshot);
  self->snapshot = describe_form (self);
}

static void
show_banner (MkRecordEditor *self,
             const char     *message)
{
  gtk_label_set_text (self->banner_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

static void
clear_errors (MkRecordEditor *self)
{
  for (guint i = 0; i < self->inputs->len; i++)
    mk_field_input_set_error (g_ptr_array_index (self->inputs, i), NULL);
  if (self->kit_bill != NULL)
    mk_kit_bill_set_error (MK_KIT_BILL (self->kit_bill), NULL);
  show_banner (self, NULL);
}

static void
update_title (MkRecordEditor *self,
              MkRecord       *record)
{
  if (record == NULL)
    {
      const char *title = mk_kind_get_label (self->kind);

      for (guint i = 0; i < G_N_ELEMENTS (new_titles); i++)
        if (is_kind (self, new_titles[i].kind))
          title = _ (new_titles[i].new_title);
      gtk_label_set_text (self->title_label, title);
      gtk_window_set_title (GTK_WINDOW (self), title);
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
    }
  else
    {
      g_autofree char *code = mk_text_isolate_ltr (mk_record_get_code (record));
      /* Translators: a record in a title: “Item HK-001”. */
      g_autofree char *subtitle = g_strdup_printf (C_ ("record", "%s %s"),
                                                   mk_kind_get_label (self->kind), code);
      const char      *name = mk_record_get_display_name (record);

      if (name == NULL || *name == '\0')
        name = mk_record_get_code (record);
      gtk_label_set_text (self->title_label, name);
      gtk_label_set_text (self->subtitle_label, subtitle);
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
      gtk_window_set_title (GTK_WINDOW (self), name);
    }
}

/* Fields that cannot change once the record exists are shown read-only. */
static void
apply_fixed (MkRecordEditor *self)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      MkFieldInput *input = g_ptr_array_index (self->inputs, i);

      if (input->field->flags & MK_FIELD_FIXED)
        mk_field_input_set_editable (input, self->id == 0);
    }
}

/* Personal fields are for the office that keeps them. */
static void
apply_personal (MkRecordEditor *self)
{
  gboolean keeps;

  if (self->personal_note == NULL)
    return;
  keeps = mk_office_get_keeps_personal_data (self->db);
  for (guint i = 0; i < self->inputs->len; i++)
    {
      MkFieldInput    *input = g_ptr_array_index (self->inputs, i);
      g_autofree char *text = NULL;

      if (!(input->field->flags & MK_FIELD_PERSONAL))
        continue;
      text = mk_field_input_get_text (input);
      /* A value already there stays visible so that it can be removed. */
      mk_field_input_set_editable (input, keeps || *text != '\0');
    }
  gtk_widget_set_visible (self->personal_note, !keeps);
}

static void
load_record (MkRecordEditor *self,
             MkRecord       *record)
{
  self->loading = TRUE;
  for (guint i = 0; i < self->inputs->len; i++)
    {
      MkFieldInput    *input = g_ptr_array_index (self->inputs, i);
      g_autofree char *text = mk_record_get_text (record, input->field->name);

      mk_field_input_set_text (input, text);
    }
  if (self->kit_bill != NULL)
    {
      g_autoptr (GPtrArray) components = NULL;
      g_autoptr (GError) error = NULL;

      if (mk_record_get_bool (record, "is_kit"))
        {
          components = mk_kit_get_components (self->db, mk_record_get_code (record), &error);
          if (components == NULL)
            show_banner (self, error->message);
        }
      mk_kit_bill_set_components (MK_KIT_BILL (self->kit_bill), components);
      gtk_widget_set_visible (self->kit_bill, mk_record_get_bool (record, "is_kit"));
    }
  if (self->history != NULL)
    {
      GtkWidget *history = mk_household_history_new (self->db, mk_record_get_code (record));

      gtk_box_insert_child_after (self->content_box, history, self->history);
      gtk_box_remove (self->content_box, self->history);
      self->history = history;
    }
  if (self->members_sum != NULL)
    mk_household_members_update_sum (self->inputs, self->members_sum);
  self->loading = FALSE;

  update_title (self, record);
  apply_fixed (self);
  apply_personal (self);
  take_snapshot (self);
}

/* Changes made elsewhere (another editor, an import) are shown when this
 * form has none of its own; a form being edited keeps what was typed, and
 * saving then writes only the fields changed here. */
static void
on_database_changed (MkRecordEditor *self,
                     const char     *table)
{
  g_autoptr (MkRecord) record = NULL;

  if (self->saving || self->id == 0 || mk_record_editor_is_modified (self))
    return;
  record = mk_master_data_get_by_id (self->db, self->kind, self->id, NULL);
  /* Gone or unreadable: saving will say so. */
  if (record != NULL)
    load_record (self, record);
}

/* Live checks ---------------------------------------------------------- */

/* Numbers and dates are parsed as they are typed, so that "12kg" or
 * 2026-02-30 is pointed out before saving. */
static void
check_as_typed (MkRecordEditor *self,
                MkFieldInput   *input)
{
  g_autofree char *text = mk_field_input_get_text (input);
  g_autoptr (GError) error = NULL;

  if (*text == '\0' || mk_record_set_text (self->scratch, input->field->name, text, &error))
    mk_field_input_set_error (input, NULL);
  else
    mk_field_input_set_error (input, error->message);
}

typedef struct
{
  MkRecordEditor *self;
  MkFieldInput   *input;
} ChangeClosure;

static void
on_field_changed (ChangeClosure *closure)
{
  MkRecordEditor *self = closure->self;
  MkFieldType     type = closure->input->field->type;

  if (self->loading)
    return;
  if (type == MK_FIELD_INT || type == MK_FIELD_DECIMAL || type == MK_FIELD_DATE)
    check_as_typed (self, closure->input);
  else
    /* The message was about what was there before. */
    mk_field_input_set_error (closure->input, NULL);
  if (self->members_sum != NULL)
    mk_household_members_update_sum (self->inputs, self->members_sum);
  if (self->kit_bill != NULL && g_str_equal (closure->input->field->name, "is_kit"))
    gtk_widget_set_visible (self->kit_bill,
                            gtk_check_button_get_active (GTK_CHECK_BUTTON (closure->input->widget)));
}

/* Saving --------------------------------------------------------------- */

/* Puts @error beside the field the core named, beside the bill of
 * materials, or at the top of the editor. */
static void
show_save_error (MkRecordEditor *self,
                 MkRecord       *record,
                 const GError   *error,
                 gboolean        with_bill)
{
  const char   *field_name = mk_record_get_invalid_field (record);
  MkFieldInput *input = field_name != NULL ? find_input (self, field_name) : NULL;

  if (input != NULL)
    {
      mk_field_input_set_error (input, error->message);
      gtk_widget_grab_focus (mk_field_input_get_focus_widget (input));
    }
  else if (with_bill && (error->domain == MK_KIT_ERROR || error->domain == MK_MASTER_DATA_ERROR))
    mk_kit_bill_set_error (MK_KIT_BILL (self->kit_bill), error->message);
  else
    show_banner (self, error->message);
}

/* Hands each field that differs from @record to the core; every refused
 * field gets its message. */
static gboolean
fill_record (MkRecordEditor *self,
             MkRecord       *record)
{
  MkFieldInput *first_refused = NULL;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      MkFieldInput    *input = g_ptr_array_index (self->inputs, i);
      const MkField   *field = input->field;
      g_autofree char *text = mk_field_input_get_text (input);
      g_autofree char *stored = mk_record_get_text (record, field->name);
      g_autoptr (GError) error = NULL;

      if (self->id != 0 && (field->flags & MK_FIELD_FIXED))
        continue;
      if (g_strcmp0 (text, stored != NULL ? stored : "") == 0)
        continue;
      /* Left empty on a new record: the core's default, or its "must be
       * filled in" for a required field. */
      if (self->id == 0 && *text == '\0')
        continue;
      if (!mk_record_set_text (record, field->name, text, &error))
        {
          mk_field_input_set_error (input, error->message);
          if (first_refused == NULL)
            first_refused = input;
        }
    }
  if (first_refused != NULL)
    {
      gtk_widget_grab_focus (mk_field_input_get_focus_widget (first_refused));
      return FALSE;
    }
  return TRUE;
}

gboolean
mk_record_editor_save (MkRecordEditor *self)
{
  g_autoptr (MkRecord) record = NULL;
  g_autoptr (MkRecord) stored = NULL;
  g_autoptr (GPtrArray) components = NULL;
  g_autoptr (GError) error = NULL;
  gboolean with_bill = FALSE;
  gboolean ok;

  g_return_val_if_fail (MK_IS_RECORD_EDITOR (self), FALSE);

  clear_errors (self);
  /* Read afresh: another window may have changed it, and a refused save
   * leaves nothing behind. */
  if (self->id != 0)
    {
      record = mk_master_data_get_by_id (self->db, self->kind, self->id, &error);
      if (record == NULL)
        {
          show_banner (self, error->message);
          return FALSE;
        }
    }
  else
    record = mk_record_new (self->kind);

  if (!fill_record (self, record))
    return FALSE;

  if (self->kit_bill != NULL && gtk_widget_get_visible (self->kit_bill))
    {
      components = mk_kit_bill_get_components (MK_KIT_BILL (self->kit_bill), &error);
      if (components == NULL)
        return FALSE;
      with_bill = TRUE;
    }

  /* What this save changes is loaded below, not by the change signal. */
  self->saving = TRUE;
  if (is_kind (self, "item"))
    ok = mk_kit_save (self->db, record, components, &error);
  else if (self->id == 0)
    ok = mk_master_data_add (self->db, record, &error);
  else
    ok = mk_master_data_update (self->db, record, &error);
  self->saving = FALSE;
  if (!ok)
    {
      show_save_error (self, record, error, with_bill);
      return FALSE;
    }

  self->id = mk_record_get_id (record);
  stored = mk_master_data_get_by_id (self->db, self->kind, self->id, &error);
  if (stored == NULL)
    {
      show_banner (self, error->message);
      return FALSE;
    }
  load_record (self, stored);
  g_signal_emit (self, signals[SAVED], 0, self->id);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  mk_record_editor_save (MK_RECORD_EDITOR (widget));
}

/* Closing -------------------------------------------------------------- */

static void
on_discard_response (MkRecordEditor *self,
                     int             response,
                     GtkDialog      *dialog)
{
  /* The dialog outlives this handler a little; the editor may not. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_REJECT)
    {
      self->discarding = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
mk_record_editor_close_request (GtkWindow *window)
{
  MkRecordEditor *self = MK_RECORD_EDITOR (window);
  GtkWidget      *dialog;

  if (self->discarding || !mk_record_editor_is_modified (self))
    return GTK_WINDOW_CLASS (mk_record_editor_parent_class)->close_request (window);

  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                   _ ("Discard the changes?"));
  gtk_message_dialog_format_secondary_text (
      GTK_MESSAGE_DIALOG (dialog), "%s",
      _ ("The changes to this record have not been saved; closing the editor loses them."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _ ("_Keep Editing"), GTK_RESPONSE_CANCEL,
                          _ ("_Discard"), GTK_RESPONSE_REJECT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (
      gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
      "destructive-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Building the form ---------------------------------------------------- */

static GtkWidget *
caption_for (MkFieldInput *input)
{
  GtkWidget *box;
  GtkWidget *tag;

  /* In line with the middle of an entry; a check box is smaller. */
  int margin = GTK_IS_CHECK_BUTTON (input->widget) ? 2 : 8;

  gtk_widget_set_valign (input->caption, GTK_ALIGN_START);
  if (!(input->field->flags & MK_FIELD_PERSONAL))
    {
      gtk_widget_set_margin_top (input->caption, margin);
      return input->caption;
    }

  /* Translators: marks a field that holds a person's name or phone number. */
  tag = gtk_label_new (_ ("Personal"));
  gtk_widget_add_css_class (tag, "mk-personal-tag");
  gtk_widget_set_tooltip_text (
      tag, _ ("Kept only in this office's database; never shown in lists or exported."));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (box, margin);
  gtk_box_append (GTK_BOX (box), input->caption);
  gtk_box_append (GTK_BOX (box), tag);
  return box;
}

/* The field's widget with its message under it. */
static GtkWidget *
value_box (MkFieldInput *input)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  gtk_widget_set_hexpand (box, TRUE);
  if (GTK_IS_CHECK_BUTTON (input->widget) || GTK_IS_DROP_DOWN (input->widget))
    gtk_widget_set_halign (input->widget, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), input->widget);
  gtk_box_append (GTK_BOX (box), input->error_label);
  return box;
}

static void
build_form (MkRecordEditor *self)
{
  int row = 0;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      MkFieldInput  *input = g_ptr_array_index (self->inputs, i);
      const MkField *field = input->field;

      if (is_kind (self, "household") && mk_household_is_member_field (field))
        {
          /* The ten counts come together, after the size. */
          if (g_str_equal (field->name, "female_0_4"))
            {
              GtkWidget *caption = gtk_label_new (_ ("Members"));

              gtk_label_set_xalign (GTK_LABEL (caption), 0);
              gtk_widget_set_valign (caption, GTK_ALIGN_START);
              gtk_widget_set_margin_top (caption, 30);
              gtk_grid_attach (self->form_grid, caption, 0, row, 1, 1);
              gtk_grid_attach (self->form_grid,
                               mk_household_members_new (self->inputs, &self->members_sum), 1,
                               row++, 3, 1);
            }
          continue;
        }

      /* The two names side by side. */
      if (g_str_equal (field->name, "name_en") && i + 1 < self->inputs->len && g_str_equal (((MkFieldInput *) g_ptr_array_index (self->inputs, i + 1))->field->name, "name_ar"))
        {
          MkFieldInput *arabic = g_ptr_array_index (self->inputs, i + 1);

          gtk_grid_attach (self->form_grid, caption_for (input), 0, row, 1, 1);
          gtk_grid_attach (self->form_grid, value_box (input), 1, row, 1, 1);
          gtk_grid_attach (self->form_grid, caption_for (arabic), 2, row, 1, 1);
          gtk_grid_attach (self->form_grid, value_box (arabic), 3, row, 1, 1);
          row++;
          i++;
          continue;
        }

      gtk_grid_attach (self->form_grid, caption_for (input), 0, row, 1, 1);
      gtk_grid_attach (self->form_grid, value_box (input), 1, row, 3, 1);
      row++;
    }

  if (is_kind (self, "household"))
    {
      self->personal_note = gtk_label_new (
          _ ("This office does not keep households’ names and phone numbers; an administrator "
             "can turn that on."));
      gtk_label_set_wrap (GTK_LABEL (self->personal_note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->personal_note), 0);
      gtk_widget_add_css_class (self->personal_note, "dim-label");
      gtk_grid_attach (self->form_grid, self->personal_note, 1, row++, 3, 1);

      self->history = mk_household_history_new (self->db, NULL);
      gtk_box_append (self->content_box, self->history);
    }

  if (is_kind (self, "item"))
    {
      self->kit_bill = mk_kit_bill_new (self->db);
      gtk_widget_set_visible (self->kit_bill, FALSE);
      gtk_box_append (self->content_box, self->kit_bill);
    }
}

static void
connect_inputs (MkRecordEditor *self)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      ChangeClosure *closure = g_new0 (ChangeClosure, 1);

      closure->self = self;
      closure->input = g_ptr_array_index (self->inputs, i);
      /* The closure lives as long as the widget that calls it. */
      g_object_set_data_full (G_OBJECT (closure->input->widget), "mk-change-closure", closure,
                              g_free);
      mk_field_input_connect_changed (closure->input, G_CALLBACK (on_field_changed), closure);
    }
}

static void
connect_database (MkRecordEditor *self)
{
  g_autofree char *signal = g_strdup_printf ("changed::%s", self->kind->table);

  g_signal_connect_object (self->db, signal, G_CALLBACK (on_database_changed), self,
                           G_CONNECT_SWAPPED);
  if (self->kit_bill != NULL)
    g_signal_connect_object (self->db, "changed::kit_components",
                             G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);
  /* What a household received changes with the documents. */
  if (self->history != NULL)
    g_signal_connect_object (self->db, "changed::documents", G_CALLBACK (on_database_changed),
                             self, G_CONNECT_SWAPPED);
}

/* Class ---------------------------------------------------------------- */

static void
mk_record_editor_dispose (GObject *object)
{
  MkRecordEditor *self = MK_RECORD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_RECORD_EDITOR);
  /* The widgets may outlive this editor a little (a pending event); their
   * handlers must not reach it. */
  for (guint i = 0; self->inputs != NULL && i < self->inputs->len; i++)
    {
      MkFieldInput *input = g_ptr_array_index (self->inputs, i);

      g_signal_handlers_disconnect_by_func (input->widget, on_field_changed,
                                            g_object_get_data (G_OBJECT (input->widget),
                                                               "mk-change-closure"));
    }
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_object (&self->scratch);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (mk_record_editor_parent_class)->dispose (object);
}

static void
mk_record_editor_finalize (GObject *object)
{
  MkRecordEditor *self = MK_RECORD_EDITOR (object);

  g_free (self->snapshot);
  G_OBJECT_CLASS (mk_record_editor_parent_class)->finalize (object);
}

static void
mk_record_editor_class_init (MkRecordEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mk_record_editor_dispose;
  object_class->finalize = mk_record_editor_finalize;
  window_class->close_request = mk_record_editor_close_request;

  /**
   * MkRecordEditor::saved:
   * @id: the record's id
   *
   * Emitted after the record was stored.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /* The resource is in a static library: referring to it links it in. */
  (void) mk_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/makhzan/Makhzan/mk-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MkRecordEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, MkRecordEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MkRecordEditor, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, MkRecordEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, MkRecordEditor, content_box);
  gtk_widget_class_bind_template_child (widget_class, MkRecordEditor, form_grid);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
mk_record_editor_init (MkRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_field_input_free);
}

GtkWidget *
mk_record_editor_new (GtkWindow  *parent,
                      MkDatabase *db,
                      const char *kind_name,
                      gint64      id)
{
  const MkKind   *kind;
  MkRecordEditor *self;
  g_autoptr (MkRecord) record = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind_name != NULL, NULL);

  kind = mk_kind_lookup (kind_name);
  if (kind == NULL)
    {
      g_warning ("No editor for records of kind “%s”", kind_name);
      return NULL;
    }

  self = g_object_new (MK_TYPE_RECORD_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->kind = kind;
  self->scratch = mk_record_new (kind);
  gtk_widget_add_css_class (GTK_WIDGET (self), "mk-record-editor");
  for (guint i = 0; i < kind->n_fields; i++)
    g_ptr_array_add (self->inputs, mk_field_input_new (db, &kind->fields[i]));
  build_form (self);
  connect_inputs (self);
  connect_database (self);

  if (id != 0)
    {
      record = mk_master_data_get_by_id (db, kind, id, &error);
      if (record == NULL)
        {
          show_banner (self, error->message);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
        }
    }
  if (record != NULL)
    {
      self->id = id;
      load_record (self, record);
    }
  else
    {
      /* A new record starts from the core's defaults ("Active" ticked). */
      g_autoptr (MkRecord) defaults = mk_record_new (kind);

      for (guint i = 0; i < kind->n_fields; i++)
        if (kind->fields[i].default_text != NULL)
          mk_record_set_text (defaults, kind->fields[i].name, kind->fields[i].default_text, NULL);
      load_record (self, defaults);
      update_title (self, NULL);
    }

  if (self->inputs->len > 0)
    gtk_widget_grab_focus (
        mk_field_input_get_focus_widget (g_ptr_array_index (self->inputs, 0)));
  return GTK_WIDGET (self);
}

const char *
mk_record_editor_get_kind_name (MkRecordEditor *self)
{
  g_return_val_if_fail (MK_IS_RECORD_EDITOR (self), NULL);
  return self->kind->name;
}

gint64
mk_record_editor_get_record_id (MkRecordEditor *self)
{
  g_return_val_if_fail (MK_IS_RECORD_EDITOR (self), 0);
  return self->id;
}

GtkWidget *
mk_record_editor_get_field_widget (MkRecordEditor *self,
                                   const char     *field_name)
{
  MkFieldInput *input;

  g_return_val_if_fail (MK_IS_RECORD_EDITOR (self), NULL);
  input = find_input (self, field_name);
  return input != NULL ? input->widget : NULL;
}

const char *
mk_record_editor_get_field_error (MkRecordEditor *self,
                                  const char     *field_name)
{
  MkFieldInput *input;

  g_return_val_if_fail (MK_IS_RECORD_EDITOR (self), NULL);
  input = find_input (self, field_name);
  if (input == NULL || !gtk_widget_get_visible (input->error_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (input->error_label));
}

const char *
mk_record_editor_get_banner (MkRecordEditor *self)
{
  g_return_val_if_fail (MK_IS_RECORD_EDITOR (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_text (self->banner_label);
}

GtkWidget *
mk_record_editor_get_kit_bill (MkRecordEditor *self)
{
  g_return_val_if_fail (MK_IS_RECORD_EDITOR (self), NULL);
  return self->kit_bill;
}
