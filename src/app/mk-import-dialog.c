/* mk-import-dialog.c: importing the lists people already keep in Excel.
 *
 * Choose what and which file; see its first rows; say which column holds
 * each field (guessed from the headers); check, which lists every problem
 * by row and column and writes nothing; then import, all or nothing. The
 * reading, checking and importing run in a thread on a connection of their
 * own, so that a 100,000-row household list never freezes the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-ui-resources.h"

#include "mk-import-dialog.h"
#include "mk-import-preview.h"
#include "mk-import.h"
#include "mk-text.h"

/* Rows of the file shown above the column choosers. */
#define PREVIEW_ROWS 8

struct _MkImportDialog
{
  GtkWindow parent_instance;

  MkDatabase           *database;
  GtkFileChooserNative *chooser;
  char                 *path;
  MkImportPreview      *preview;
  GArray               *fields;   /* MkImportField of the kind chosen */
  GPtrArray            *choosers; /* GtkDropDown per field */
  GCancellable         *work;
  gboolean              checked; /* a clean check of the current choices */

  /* Template children */
  GtkDropDown *kind_dropdown;
  GtkLabel    *file_label;
  GtkWidget   *sheet_label;
  GtkDropDown *sheet_dropdown;
  GtkLabel    *message_label;
  GtkGrid     *preview_grid;
  GtkGrid     *mapping_grid;
  GtkLabel    *result_label;
  GtkListBox  *problems_list;
  GtkSpinner  *spinner;
  GtkWidget   *cancel_button;
  GtkWidget   *check_button;
  GtkWidget   *import_button;
};

G_DEFINE_FINAL_TYPE (MkImportDialog, mk_import_dialog, GTK_TYPE_WINDOW)

/* What can be imported, in the order of setting up an office. */
static const struct
{
  const char *what;
  const char *label; /* N_() */
} kinds[] = {
  /* Translators: what the import dialog imports. */
  { "items", N_ ("Items of the catalogue") },
  { "kits", N_ ("Kits and their bills of materials") },
  { "warehouses", N_ ("Warehouses") },
  { "sites", N_ ("Sites") },
  { "donors", N_ ("Donors") },
  { "grants", N_ ("Grants") },
  { "partners", N_ ("Partners") },
  { "households", N_ ("Households") },
  { "household-members", N_ ("Members of households (sex and age)") },
  { "entitlements", N_ ("Entitlement rules") },
  { "opening-stock", N_ ("Opening stock of a new office") },
};

static const char *
chosen_kind (MkImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  return selected < G_N_ELEMENTS (kinds) ? kinds[selected].what : kinds[0].what;
}

static void
show_message (MkImportDialog *self,
              const char     *text,
              gboolean        is_error)
{
  gtk_label_set_text (self->message_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
update_buttons (MkImportDialog *self)
{
  gboolean working = self->work != NULL;

  gtk_spinner_set_spinning (self->spinner, working);
  gtk_widget_set_visible (self->cancel_button, working);
  gtk_widget_set_sensitive (self->check_button, !working && self->preview != NULL);
  gtk_widget_set_sensitive (self->import_button, !working && self->checked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), !working);
}

static void
clear_children (GtkWidget *container)
{
  GtkWidget *child;

  /* Each container forgets its child its own way. */
  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_grid_remove (GTK_GRID (container), child);
    }
}

/* Any change of what, which file or which columns needs a new check. */
static void
forget_check (MkImportDialog *self)
{
  self->checked = FALSE;
  clear_children (GTK_WIDGET (self->problems_list));
  gtk_label_set_text (self->result_label,
                      _ ("Check the file to see what would be imported. Nothing is written until you import."));
  update_buttons (self);
}

/* Headers and fields match without case, spaces or punctuation, and with
 * Arabic spelling variants folded: "Unit weight (kg)" is unit_weight_kg. */
static char *
match_key (const char *text)
{
  g_autofree char *folded = mk_text_fold (text);
  GString         *key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (key, g_utf8_get_char (p));
  return g_string_free (key, FALSE);
}

static guint
guess_column (MkImportDialog      *self,
              const MkImportField *field)
{
  g_autofree char *name = match_key (field->name);
  g_autofree char *label = match_key (field->label);

  for (guint i = 0; self->preview != NULL && self->preview->headers[i] != NULL; i++)
    {
      g_autofree char *header = match_key (self->preview->headers[i]);

      if (*header != '\0' && (g_str_equal (header, name) || g_str_equal (header, label)))
        return i + 1; /* 0 is "none" */
    }
  return 0;
}

static void
on_mapping_changed (MkImportDialog *self)
{
  forget_check (self);
}

static void
build_mapping (MkImportDialog *self)
{
  g_autoptr (GtkStringList) headers = gtk_string_list_new (NULL);

  clear_children (GTK_WIDGET (self->mapping_grid));
  g_clear_pointer (&self->fields, g_array_unref);
  g_ptr_array_set_size (self->choosers, 0);

  self->fields = mk_import_get_fields (chosen_kind (self));
  /* No column for this field: a dash reads the same in either language. */
  gtk_string_list_append (headers, "—");
  for (guint i = 0; self->preview != NULL && self->preview->headers[i] != NULL; i++)
    gtk_string_list_append (headers, self->preview->headers[i]);

  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      const MkImportField *field = &g_array_index (self->fields, MkImportField, i);
      g_autofree char     *text = NULL;
      GtkWidget           *label;
      GtkWidget           *chooser;

      /* Translators: a required field in the import dialog's column choosers. */
      text = field->required ? g_strdup_printf (_ ("%s (required)"), field->label) : g_strdup (field->label);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      chooser = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (headers)), NULL);
      /* It shows the file's own headers: data, not words of the interface. */
      gtk_widget_add_css_class (chooser, "mk-data");
      gtk_widget_set_hexpand (chooser, TRUE);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (chooser), guess_column (self, field));
      gtk_accessible_update_property (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      g_signal_connect_object (chooser, "notify::selected", G_CALLBACK (on_mapping_changed), self, G_CONNECT_SWAPPED);
      gtk_grid_attach (self->mapping_grid, label, 0, (int) i, 1, 1);
      gtk_grid_attach (self->mapping_grid, chooser, 1, (int) i, 1, 1);
      g_ptr_array_add (self->choosers, chooser);
    }
  forget_check (self);
}

static void
show_preview (MkImportDialog *self)
{
  clear_children (GTK_WIDGET (self->preview_grid));
  if (self->preview == NULL)
    return;

  for (guint c = 0; self->preview->headers[c] != NULL; c++)
    {
      GtkWidget *header = gtk_label_new (self->preview->headers[c]);

      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "mk-data");
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_grid_attach (self->preview_grid, header, (int) c, 0, 1, 1);
    }
  for (guint r = 0; r < self->preview->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->preview->rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        {
          GtkWidget *cell = gtk_label_new (row[c]);

          gtk_widget_add_css_class (cell, "mk-data");
          gtk_label_set_xalign (GTK_LABEL (cell), 0);
          gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (cell), 30);
          gtk_grid_attach (self->preview_grid, cell, (int) c, (int) r + 1, 1, 1);
        }
    }
}

static void on_sheet_selected (MkImportDialog *self);

/* A workbook's sheets, the one read selected; a CSV file has none. */
static void
show_sheets (MkImportDialog *self)
{
  gboolean workbook = self->preview != NULL && self->preview->sheets != NULL;

  gtk_widget_set_visible (self->sheet_label, workbook);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_dropdown), workbook);
  if (!workbook)
    return;

  g_signal_handlers_block_by_func (self->sheet_dropdown, on_sheet_selected, self);
  gtk_drop_down_set_model (self->sheet_dropdown,
                           G_LIST_MODEL (gtk_string_list_new ((const char *const *) self->preview->sheets)));
  for (guint i = 0; self->preview->sheets[i] != NULL; i++)
    if (g_strcmp0 (self->preview->sheets[i], self->preview->sheet) == 0)
      gtk_drop_down_set_selected (self->sheet_dropdown, i);
  g_signal_handlers_unblock_by_func (self->sheet_dropdown, on_sheet_selected, self);
}

/* Work in a thread ------------------------------------------------------- */

typedef enum
{
  WORK_PREVIEW,
  WORK_CHECK,
  WORK_IMPORT,
} WorkKind;

typedef struct
{
  WorkKind         kind;
  MkImportDialog  *dialog; /* weak */
  char            *database_path;
  char            *path;
  char            *what;
  char            *sheet;
  GHashTable      *mapping;
  MkImportPreview *preview;
  GPtrArray       *problems;
  guint            n_rows;
  guint            rows_read; /* written by the thread, shown by a timer */
  guint            progress_source;
} Work;

static void
work_free (Work *work)
{
  g_clear_handle_id (&work->progress_source, g_source_remove);
  g_clear_weak_pointer (&work->dialog);
  g_free (work->database_path);
  g_free (work->path);
  g_free (work->what);
  g_free (work->sheet);
  g_clear_pointer (&work->mapping, g_hash_table_unref);
  g_clear_pointer (&work->preview, mk_import_preview_free);
  g_clear_pointer (&work->problems, g_ptr_array_unref);
  g_free (work);
}

static void
on_rows_read (guint    rows_read,
              gpointer user_data)
{
  Work *work = user_data;

  g_atomic_int_set (&work->rows_read, rows_read);
}

static gboolean
show_rows_read (gpointer user_data)
{
  Work            *work = user_data;
  guint            n = (guint) g_atomic_int_get (&work->rows_read);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *isolated = mk_text_isolate_ltr (count);
  g_autofree char *text = NULL;

  if (work->dialog == NULL || n == 0)
    return G_SOURCE_CONTINUE;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row read…", "%s rows read…", n), isolated);
  gtk_label_set_text (work->dialog->result_label, text);
  return G_SOURCE_CONTINUE;
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work           *work = task_data;
  MkImportOptions options = {
    .sheet = work->sheet,
    .mapping = work->mapping,
    .dry_run = work->kind == WORK_CHECK,
    .progress = on_rows_read,
    .progress_data = work,
    .cancellable = cancellable,
  };
  g_autoptr (MkDatabase) db = NULL;
  GError *error = NULL;

  if (work->kind == WORK_PREVIEW)
    {
      work->preview = mk_import_preview_read (work->path, work->sheet, PREVIEW_ROWS, &error);
      if (work->preview == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  db = mk_database_open (work->database_path, &error);
  if (db == NULL || !mk_import_file (db, work->what, work->path, &options, &work->n_rows, &work->problems, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
show_problems (MkImportDialog *self,
               GPtrArray      *problems)
{
  clear_children (GTK_WIDGET (self->problems_list));
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const MkImportProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget             *label = gtk_label_new (problem->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_list_box_append (self->problems_list, label);
    }
}

static void
work_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Work           *work = g_task_get_task_data (G_TASK (result));
  MkImportDialog *self = work->dialog;
  g_autoptr (GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  gboolean         ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL)
    return;
  g_clear_object (&self->work);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      update_buttons (self);
      return;
    }

  switch (work->kind)
    {
    case WORK_PREVIEW:
      mk_import_preview_free (self->preview);
      self->preview = g_steal_pointer (&work->preview);
      if (!ok)
        show_message (self, error->message, TRUE);
      else
        show_message (self, NULL, FALSE);
      show_sheets (self);
      show_preview (self);
      build_mapping (self);
      break;

    case WORK_CHECK:
    case WORK_IMPORT:
      show_problems (self, work->problems);
      if (!ok && work->problems != NULL && work->problems->len > 0)
        {
          g_autofree char *n = g_strdup_printf ("%u", work->problems->len);
          g_autofree char *isolated = mk_text_isolate_ltr (n);

          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s problem in the file, listed below. Nothing was written: correct the file and check it again.",
                                               "%s problems in the file, listed below. Nothing was written: correct the file and check it again.",
                                               work->problems->len),
                                  isolated);
          gtk_label_set_text (self->result_label, text);
          self->checked = FALSE;
          break;
        }
      if (!ok)
        {
          /* What stopped the file being read: a missing column, an encoding. */
          gtk_label_set_text (self->result_label, error->message);
          self->checked = FALSE;
          break;
        }
      count = g_strdup_printf ("%u", work->n_rows);
      if (work->kind == WORK_CHECK)
        {
          g_autofree char *isolated = mk_text_isolate_ltr (count);

          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row is ready to import and nothing is wrong.",
                                               "%s rows are ready to import and nothing is wrong.", work->n_rows),
                                  isolated);
          self->checked = TRUE;
        }
      else
        {
          g_autofree char *isolated = mk_text_isolate_ltr (count);

          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row imported; records with the same code were updated.",
                                               "%s rows imported; records with the same code were updated.",
                                               work->n_rows),
                                  isolated);
          self->checked = FALSE;
        }
      gtk_label_set_text (self->result_label, text);
      break;

    default:
      break;
    }
  update_buttons (self);
}

static void
start (MkImportDialog *self,
       WorkKind        kind)
{
  g_autoptr (GTask) task = NULL;
  Work *work = g_new0 (Work, 1);
  guint sheet = gtk_drop_down_get_selected (self->sheet_dropdown);

  work->kind = kind;
  work->database_path = g_strdup (mk_database_get_path (self->database));
  work->path = g_strdup (self->path);
  work->what = g_strdup (chosen_kind (self));
  if (self->preview != NULL && self->preview->sheets != NULL && sheet < g_strv_length (self->preview->sheets))
    work->sheet = g_strdup (self->preview->sheets[sheet]);

  if (kind != WORK_PREVIEW)
    {
      work->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < self->choosers->len; i++)
        {
          guint column = gtk_drop_down_get_selected (g_ptr_array_index (self->choosers, i));

          if (column > 0 && column <= g_strv_length (self->preview->headers))
            g_hash_table_insert (work->mapping, g_strdup (g_array_index (self->fields, MkImportField, i).name),
                                 g_strdup (self->preview->headers[column - 1]));
        }
    }

  g_set_weak_pointer (&work->dialog, self);
  self->work = g_cancellable_new ();
  task = g_task_new (NULL, self->work, work_done, NULL);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  /* Cancel stops a check or an import between rows; an import is one
   * transaction, so a cancelled one writes nothing. */
  if (kind != WORK_PREVIEW)
    work->progress_source = g_timeout_add (200, show_rows_read, work);
  update_buttons (self);
  g_task_run_in_thread (task, work_thread);
}

/* Signals ----------------------------------------------------------------- */

static void
read_file (MkImportDialog *self,
           const char     *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_free (self->path);
  self->path = g_strdup (path);
  gtk_label_set_text (self->file_label, display);
  show_message (self, NULL, FALSE);
  start (self, WORK_PREVIEW);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  MkImportDialog  *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    read_file (self, path);
}

static void
on_file_clicked (MkImportDialog *self)
{
  g_autoptr (GtkFileFilter) sheets = gtk_file_filter_new ();

  if (self->chooser != NULL || self->work != NULL)
    return;
  gtk_file_filter_set_name (sheets, _ ("CSV files and Excel workbooks"));
  gtk_file_filter_add_pattern (sheets, "*.csv");
  gtk_file_filter_add_pattern (sheets, "*.CSV");
  gtk_file_filter_add_pattern (sheets, "*.xlsx");
  gtk_file_filter_add_pattern (sheets, "*.XLSX");
  self->chooser = gtk_file_chooser_native_new (_ ("Import a File"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), sheets);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_sheet_selected (MkImportDialog *self)
{
  if (self->path != NULL && self->work == NULL && self->preview != NULL && self->preview->sheets != NULL)
    start (self, WORK_PREVIEW);
}

static void
on_kind_selected (MkImportDialog *self)
{
  build_mapping (self);
}

static void
on_check_clicked (MkImportDialog *self)
{
  if (self->preview != NULL && self->work == NULL)
    start (self, WORK_CHECK);
}

static void
on_import_clicked (MkImportDialog *self)
{
  if (self->checked && self->work == NULL)
    start (self, WORK_IMPORT);
}

static void
on_cancel_clicked (MkImportDialog *self)
{
  if (self->work != NULL)
    g_cancellable_cancel (self->work);
}

/* Life -------------------------------------------------------------------- */

GtkWidget *
mk_import_dialog_new (GtkWindow  *parent,
                      MkDatabase *db)
{
  MkImportDialog *self;
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);

  self = g_object_new (MK_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (db);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (labels, _ (kinds[i].label));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (labels));
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sheet_dropdown, "notify::selected", G_CALLBACK (on_sheet_selected), self,
                           G_CONNECT_SWAPPED);
  build_mapping (self);
  return GTK_WIDGET (self);
}

gboolean
mk_import_dialog_set_kind (MkImportDialog *self,
                           const char     *what)
{
  g_return_val_if_fail (MK_IS_IMPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].what, what))
      {
        gtk_drop_down_set_selected (self->kind_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
mk_import_dialog_set_file (MkImportDialog *self,
                           const char     *path)
{
  g_return_if_fail (MK_IS_IMPORT_DIALOG (self));
  read_file (self, path);
}

GtkDropDown *
mk_import_dialog_get_chooser (MkImportDialog *self,
                              const char     *field_name)
{
  g_return_val_if_fail (MK_IS_IMPORT_DIALOG (self), NULL);

  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    if (g_str_equal (g_array_index (self->fields, MkImportField, i).name, field_name))
      return g_ptr_array_index (self->choosers, i);
  return NULL;
}

gboolean
mk_import_dialog_is_busy (MkImportDialog *self)
{
  g_return_val_if_fail (MK_IS_IMPORT_DIALOG (self), FALSE);
  return self->work != NULL;
}

const char *
mk_import_dialog_get_result (MkImportDialog *self)
{
  g_return_val_if_fail (MK_IS_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->result_label);
}

guint
mk_import_dialog_get_n_problems (MkImportDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (MK_IS_IMPORT_DIALOG (self), 0);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
mk_import_dialog_dispose (GObject *object)
{
  MkImportDialog *self = MK_IMPORT_DIALOG (object);

  if (self->work != NULL)
    g_cancellable_cancel (self->work);
  g_clear_object (&self->work);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (mk_import_dialog_parent_class)->dispose (object);
}

static void
mk_import_dialog_finalize (GObject *object)
{
  MkImportDialog *self = MK_IMPORT_DIALOG (object);

  g_free (self->path);
  mk_import_preview_free (self->preview);
  g_clear_pointer (&self->fields, g_array_unref);
  g_ptr_array_unref (self->choosers);
  G_OBJECT_CLASS (mk_import_dialog_parent_class)->finalize (object);
}

static void
mk_import_dialog_class_init (MkImportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_import_dialog_dispose;
  object_class->finalize = mk_import_dialog_finalize;

  /* The resource registers itself only if the linker keeps its object file. */
  (void) mk_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/makhzan/Makhzan/mk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, sheet_label);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, sheet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, mapping_grid);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, check_button);
  gtk_widget_class_bind_template_child (widget_class, MkImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_file_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_check_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mk_import_dialog_init (MkImportDialog *self)
{
  self->choosers = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
