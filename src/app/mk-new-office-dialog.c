/* mk-new-office-dialog.c: the form that creates a new office database with
 * its first warehouse.
 *
 * The fields are the core's own (the kinds "office" and "warehouse"), so
 * that what is typed is parsed and refused by the rules of the CLI's
 * "init" and "add warehouse". The vocabularies and the baladiyas come from
 * a scratch database in a temporary folder: they are seeded in every
 * database, and the real one does not exist yet.
 *
 * The database is made under a temporary name next to the chosen file and
 * renamed once the office and its warehouse are in it, so that a refused
 * warehouse leaves no file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-new-office-dialog"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mk-database.h"
#include "mk-field-input.h"
#include "mk-kind.h"
#include "mk-master-data.h"
#include "mk-new-office-dialog.h"
#include "mk-record.h"
#include "mk-ui-resources.h"

#define FILE_EXTENSION ".makhzan"

static const char *const office_fields[] = { "code", "number", "name_en", "name_ar" };
static const char *const warehouse_fields[] = { "code", "name_en", "name_ar", "type", "baladiya" };

struct _MkNewOfficeDialog
{
  GtkWindow parent_instance;

  char                 *scratch_dir;
  MkDatabase           *scratch; /* vocabularies and places for the fields */
  GPtrArray            *office_inputs;
  GPtrArray            *warehouse_inputs;
  char                 *path;
  GtkFileChooserNative *chooser;

  /* Template children */
  GtkRevealer *banner_revealer;
  GtkLabel    *banner_label;
  GtkGrid     *office_grid;
  GtkGrid     *warehouse_grid;
  GtkLabel    *file_label;
  GtkLabel    *file_error;
};

G_DEFINE_FINAL_TYPE (MkNewOfficeDialog, mk_new_office_dialog, GTK_TYPE_WINDOW)

enum
{
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static MkFieldInput *
find_input (GPtrArray  *inputs,
            const char *field_name)
{
  for (guint i = 0; inputs != NULL && i < inputs->len; i++)
    {
      MkFieldInput *input = g_ptr_array_index (inputs, i);

      if (g_str_equal (input->field->name, field_name))
        return input;
    }
  return NULL;
}

/* "office.code" → the input. */
static MkFieldInput *
find_named_input (MkNewOfficeDialog *self,
                  const char        *name)
{
  if (g_str_has_prefix (name, "office."))
    return find_input (self->office_inputs, name + strlen ("office."));
  if (g_str_has_prefix (name, "warehouse."))
    return find_input (self->warehouse_inputs, name + strlen ("warehouse."));
  return NULL;
}

static void
show_banner (MkNewOfficeDialog *self,
             const char        *message)
{
  gtk_label_set_text (self->banner_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

static void
set_file_error (MkNewOfficeDialog *self,
                const char        *message)
{
  gtk_label_set_text (self->file_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_error), message != NULL);
}

static void
clear_errors (MkNewOfficeDialog *self)
{
  for (guint i = 0; i < self->office_inputs->len; i++)
    mk_field_input_set_error (g_ptr_array_index (self->office_inputs, i), NULL);
  for (guint i = 0; i < self->warehouse_inputs->len; i++)
    mk_field_input_set_error (g_ptr_array_index (self->warehouse_inputs, i), NULL);
  set_file_error (self, NULL);
  show_banner (self, NULL);
}

static void
show_field_error (MkFieldInput *input,
                  const char   *message)
{
  mk_field_input_set_error (input, message);
  gtk_widget_grab_focus (mk_field_input_get_focus_widget (input));
}

/* The file ----------------------------------------------------------------- */

void
mk_new_office_dialog_set_path (MkNewOfficeDialog *self,
                               const char        *path)
{
  g_autofree char *display = NULL;

  g_return_if_fail (MK_IS_NEW_OFFICE_DIALOG (self));

  g_clear_pointer (&self->path, g_free);
  if (path != NULL && *path != '\0')
    {
      g_autofree char *base = g_path_get_basename (path);

      self->path = strchr (base, '.') == NULL ? g_strconcat (path, FILE_EXTENSION, NULL)
                                              : g_strdup (path);
      display = g_filename_display_name (self->path);
    }
  gtk_label_set_text (self->file_label,
                      display != NULL ? display : _ ("No file chosen yet"));
  if (display == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->file_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->file_label), "dim-label");
  set_file_error (self, NULL);
}

const char *
mk_new_office_dialog_get_path (MkNewOfficeDialog *self)
{
  g_return_val_if_fail (MK_IS_NEW_OFFICE_DIALOG (self), NULL);
  return self->path;
}

static void
on_chooser_response (MkNewOfficeDialog *self,
                     int                response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        mk_new_office_dialog_set_path (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MkNewOfficeDialog *self = MK_NEW_OFFICE_DIALOG (widget);
  g_autoptr (GtkFileFilter) databases = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  g_autofree char *lower = NULL;
  MkFieldInput    *code = find_input (self->office_inputs, "code");
  g_autofree char *code_text = code != NULL ? mk_field_input_get_text (code) : g_strdup ("");

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (databases, _ ("Makhzan databases"));
  gtk_file_filter_add_pattern (databases, "*" FILE_EXTENSION);
  self->chooser = gtk_file_chooser_native_new (_ ("Save the New Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"),
                                               _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), databases);
  /* "ben.makhzan" for office BEN. */
  lower = g_ascii_strdown (*code_text != '\0' ? code_text : "office", -1);
  suggested = g_strconcat (lower, FILE_EXTENSION, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Creating ------------------------------------------------------------------ */

static void
remove_database_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/* The core refuses the office as a whole; its three refusals are about
 * one field each: find the field by the core's own sentence. */
static MkFieldInput *
office_field_of_error (MkNewOfficeDialog *self,
                       const GError      *error)
{
  if (!g_error_matches (error, MK_DATABASE_ERROR, MK_DATABASE_ERROR_CONSTRAINT))
    return NULL;
  if (g_str_equal (error->message,
                   _ ("The office code must have 2 to 8 letters or digits, such as BEN.")))
    return find_input (self->office_inputs, "code");
  if (g_str_equal (error->message, _ ("The office number must be between 1 and 65535.")))
    return find_input (self->office_inputs, "number");
  if (g_str_equal (error->message, _ ("The office needs a name.")))
    return find_input (self->office_inputs, "name_en");
  return NULL;
}

/* Parses every field into @record; each refused one gets its message. */
static gboolean
fill_record (MkRecord  *record,
             GPtrArray *inputs)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < inputs->len; i++)
    {
      MkFieldInput    *input = g_ptr_array_index (inputs, i);
      g_autofree char *text = mk_field_input_get_text (input);
      g_autoptr (GError) error = NULL;

      if (*text == '\0' && !(input->field->flags & MK_FIELD_REQUIRED))
        continue;
      if (!mk_record_set_text (record, input->field->name, text, &error))
        {
          if (ok)
            show_field_error (input, error->message);
          else
            mk_field_input_set_error (input, error->message);
          ok = FALSE;
        }
    }
  return ok;
}

static char *
partial_path_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *partial = g_strdup_printf (".%s.partial", base);

  return g_build_filename (dir, partial, NULL);
}

/* The user recorded in the audit log, as the application names it. */
static void
set_audit_user (MkDatabase *db)
{
  g_autoptr (GError) error = NULL;

  if (!mk_database_set_user (db, g_get_real_name (), NULL, &error))
    g_message ("The audit user of the new database is not set: %s", error->message);
}

gboolean
mk_new_office_dialog_create (MkNewOfficeDialog *self)
{
  g_autoptr (MkRecord) office = mk_record_new (mk_kind_lookup ("office"));
  g_autoptr (MkRecord) warehouse = mk_record_new (mk_kind_lookup ("warehouse"));
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *path = NULL;
  MkFieldInput    *input;
  gboolean         office_ok, warehouse_ok;

  g_return_val_if_fail (MK_IS_NEW_OFFICE_DIALOG (self), FALSE);

  clear_errors (self);
  office_ok = fill_record (office, self->office_inputs);
  warehouse_ok = fill_record (warehouse, self->warehouse_inputs);
  if (!office_ok || !warehouse_ok)
    return FALSE;

  if (self->path == NULL)
    {
      set_file_error (self, _ ("Choose where to save the new database."));
      return FALSE;
    }
  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (self->path);
      g_autofree char *message = g_strdup_printf (
          _ ("“%s” already exists; choose another file name for the new database."), display);

      set_file_error (self, message);
      return FALSE;
    }

  path = g_strdup (self->path);
  partial = partial_path_for (path);
  remove_database_files (partial);
  db = mk_database_create (partial, mk_record_get_code (office),
                           (guint) mk_record_get_int (office, "number"),
                           mk_record_get_string (office, "name_en"),
                           mk_record_get_string (office, "name_ar"), &error);
  if (db == NULL)
    {
      input = office_field_of_error (self, error);
      if (input != NULL)
        show_field_error (input, error->message);
      else
        set_file_error (self, error->message);
      return FALSE;
    }
  set_audit_user (db);

  if (!mk_master_data_add (db, warehouse, &error))
    {
      const char *field = mk_record_get_invalid_field (warehouse);

      g_clear_object (&db);
      remove_database_files (partial);
      input = field != NULL ? find_input (self->warehouse_inputs, field) : NULL;
      if (input != NULL)
        show_field_error (input, error->message);
      else
        show_banner (self, error->message);
      return FALSE;
    }

  /* Closed, so that SQLite folds its log into the file before the rename. */
  g_clear_object (&db);
  if (g_rename (partial, path) != 0)
    {
      int              saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *message = g_strdup_printf (_ ("The database could not be saved as “%s”: %s"),
                                                  display, g_strerror (saved_errno));

      remove_database_files (partial);
      set_file_error (self, message);
      return FALSE;
    }

  g_signal_emit (self, signals[CREATED], 0, path);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  mk_new_office_dialog_create (MK_NEW_OFFICE_DIALOG (widget));
}

/* The form ------------------------------------------------------------------ */

static void
place_inputs (GtkGrid   *grid,
              GPtrArray *inputs)
{
  int row = 0;

  for (guint i = 0; i < inputs->len; i++)
    {
      MkFieldInput *input = g_ptr_array_index (inputs, i);
      GtkWidget    *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

      gtk_widget_set_valign (input->caption, GTK_ALIGN_START);
      gtk_widget_set_margin_top (input->caption, 8);
      gtk_widget_set_hexpand (box, TRUE);
      if (GTK_IS_DROP_DOWN (input->widget))
        gtk_widget_set_halign (input->widget, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), input->widget);
      gtk_box_append (GTK_BOX (box), input->error_label);
      gtk_grid_attach (grid, input->caption, 0, row, 1, 1);
      gtk_grid_attach (grid, box, 1, row, 1, 1);
      row++;
    }
}

/* A message beside a field was about what was there before. */
static void
clear_error_of (GtkWidget *widget)
{
  MkFieldInput *input = g_object_get_data (G_OBJECT (widget), "mk-field-input");

  mk_field_input_set_error (input, NULL);
}

static GPtrArray *
make_inputs (MkDatabase        *db,
             const char        *kind_name,
             const char *const *names,
             guint              n_names)
{
  const MkKind *kind = mk_kind_lookup (kind_name);
  GPtrArray    *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_field_input_free);

  for (guint i = 0; i < n_names; i++)
    {
      MkFieldInput    *input = mk_field_input_new (db, mk_kind_find_field (kind, names[i]));
      g_autofree char *widget_name = g_strdup_printf ("%s.%s", kind_name, names[i]);

      gtk_widget_set_name (input->widget, widget_name);
      g_object_set_data (G_OBJECT (input->widget), "mk-field-input", input);
      mk_field_input_connect_changed (input, G_CALLBACK (clear_error_of), input->widget);
      g_ptr_array_add (inputs, input);
    }
  return inputs;
}

/* A database in a temporary folder, for the seeded vocabularies and places. */
static gboolean
open_scratch (MkNewOfficeDialog *self,
              GError           **error)
{
  g_autofree char *path = NULL;

  self->scratch_dir = g_dir_make_tmp ("makhzan-new-office-XXXXXX", error);
  if (self->scratch_dir == NULL)
    return FALSE;
  path = g_build_filename (self->scratch_dir, "reference" FILE_EXTENSION, NULL);
  self->scratch = mk_database_create (path, "NEW", 1, "New office", NULL, error);
  return self->scratch != NULL;
}

static void
close_scratch (MkNewOfficeDialog *self)
{
  g_autofree char *path = NULL;

  if (self->scratch_dir == NULL)
    return;
  g_clear_object (&self->scratch);
  path = g_build_filename (self->scratch_dir, "reference" FILE_EXTENSION, NULL);
  remove_database_files (path);
  g_rmdir (self->scratch_dir);
  g_clear_pointer (&self->scratch_dir, g_free);
}

/* The widgets may outlive the dialog a little; their handlers must not
 * reach the inputs freed with it. */
static void
disconnect_inputs (GPtrArray *inputs)
{
  for (guint i = 0; inputs != NULL && i < inputs->len; i++)
    {
      MkFieldInput *input = g_ptr_array_index (inputs, i);

      g_signal_handlers_disconnect_by_func (input->widget, clear_error_of, input->widget);
    }
}

static void
mk_new_office_dialog_dispose (GObject *object)
{
  MkNewOfficeDialog *self = MK_NEW_OFFICE_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_NEW_OFFICE_DIALOG);
  disconnect_inputs (self->office_inputs);
  disconnect_inputs (self->warehouse_inputs);
  g_clear_pointer (&self->office_inputs, g_ptr_array_unref);
  g_clear_pointer (&self->warehouse_inputs, g_ptr_array_unref);
  close_scratch (self);
  G_OBJECT_CLASS (mk_new_office_dialog_parent_class)->dispose (object);
}

static void
mk_new_office_dialog_finalize (GObject *object)
{
  MkNewOfficeDialog *self = MK_NEW_OFFICE_DIALOG (object);

  g_free (self->path);
  G_OBJECT_CLASS (mk_new_office_dialog_parent_class)->finalize (object);
}

static void
mk_new_office_dialog_class_init (MkNewOfficeDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_new_office_dialog_dispose;
  object_class->finalize = mk_new_office_dialog_finalize;

  /**
   * MkNewOfficeDialog::created:
   * @path: the new database's file
   *
   * Emitted once the database exists, just before the dialog closes.
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* The resource is in a static library: referring to it links it in. */
  (void) mk_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/makhzan/Makhzan/mk-new-office-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MkNewOfficeDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, MkNewOfficeDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, MkNewOfficeDialog, office_grid);
  gtk_widget_class_bind_template_child (widget_class, MkNewOfficeDialog, warehouse_grid);
  gtk_widget_class_bind_template_child (widget_class, MkNewOfficeDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, MkNewOfficeDialog, file_error);

  gtk_widget_class_install_action (widget_class, "office.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "office.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "office.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "office.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mk_new_office_dialog_init (MkNewOfficeDialog *self)
{
  g_autoptr (GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  mk_new_office_dialog_set_path (self, NULL);

  if (!open_scratch (self, &error))
    {
      /* Without the reference lists nothing can be chosen: say why. */
      show_banner (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "office.create", FALSE);
      self->office_inputs = g_ptr_array_new ();
      self->warehouse_inputs = g_ptr_array_new ();
      return;
    }
  self->office_inputs = make_inputs (self->scratch, "office", office_fields,
                                     G_N_ELEMENTS (office_fields));
  self->warehouse_inputs = make_inputs (self->scratch, "warehouse", warehouse_fields,
                                        G_N_ELEMENTS (warehouse_fields));
  place_inputs (self->office_grid, self->office_inputs);
  place_inputs (self->warehouse_grid, self->warehouse_inputs);
}

GtkWidget *
mk_new_office_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (MK_TYPE_NEW_OFFICE_DIALOG, "transient-for", parent, NULL);
}

GtkWidget *
mk_new_office_dialog_get_field_widget (MkNewOfficeDialog *self,
                                       const char        *name)
{
  MkFieldInput *input;

  g_return_val_if_fail (MK_IS_NEW_OFFICE_DIALOG (self), NULL);
  input = find_named_input (self, name);
  return input != NULL ? input->widget : NULL;
}

const char *
mk_new_office_dialog_get_field_error (MkNewOfficeDialog *self,
                                      const char        *name)
{
  GtkWidget    *label;
  MkFieldInput *input;

  g_return_val_if_fail (MK_IS_NEW_OFFICE_DIALOG (self), NULL);
  if (g_str_equal (name, "file"))
    label = GTK_WIDGET (self->file_error);
  else
    {
      input = find_named_input (self, name);
      if (input == NULL)
        return NULL;
      label = input->error_label;
    }
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

const char *
mk_new_office_dialog_get_banner (MkNewOfficeDialog *self)
{
  g_return_val_if_fail (MK_IS_NEW_OFFICE_DIALOG (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_text (self->banner_label);
}
