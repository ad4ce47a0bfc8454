/* mk-window-backup.c: Back Up… and Restore a Backup… from the window.
 *
 * Both run in a thread on a connection of their own, with progress in the
 * bar above the pages and Cancel. A restore writes a new file, checks its
 * ledger, and only then offers to open it: the open database is never
 * overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-backup.h"
#include "mk-text.h"
#include "mk-window-private.h"

typedef enum
{
  WORK_BACKUP,
  WORK_RESTORE,
} WorkKind;

typedef struct
{
  WorkKind      kind;
  MkWindow     *window; /* weak */
  char         *database_path;
  char         *backup_path;
  char         *target_path;
  double        fraction; /* written by the thread, read in the main loop */
  guint         progress_source;
  MkBackupInfo *info;
} Work;

static void
work_free (Work *work)
{
  g_clear_handle_id (&work->progress_source, g_source_remove);
  g_clear_weak_pointer (&work->window);
  g_free (work->database_path);
  g_free (work->backup_path);
  g_free (work->target_path);
  g_clear_pointer (&work->info, mk_backup_info_free);
  g_free (work);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Work *work = user_data;

  /* A double written whole; the main loop reads it on a timer. */
  work->fraction = fraction;
}

static gboolean
show_progress_cb (gpointer user_data)
{
  Work *work = user_data;

  if (work->window != NULL)
    gtk_progress_bar_set_fraction (work->window->work_progress, work->fraction);
  return G_SOURCE_CONTINUE;
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work   *work = task_data;
  GError *error = NULL;

  if (work->kind == WORK_BACKUP)
    {
      g_autoptr (MkDatabase) db = mk_database_open (work->database_path, &error);

      if (db == NULL || !mk_backup_write (db, work->backup_path, on_progress, work, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else if (!mk_backup_restore (work->backup_path, work->target_path, &work->info, on_progress, work, cancellable,
                               &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_open_restored (GtkDialog *dialog,
                  int        response,
                  gpointer   user_data)
{
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (dialog), "mk-path"));
  GtkWindow       *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT && path != NULL && parent != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (path);

      g_application_open (G_APPLICATION (gtk_window_get_application (parent)), &file, 1, "");
    }
}

static void
offer_to_open (MkWindow *self,
               Work     *work)
{
  g_autofree char *documents = g_strdup_printf ("%" G_GINT64_FORMAT, work->info->n_documents);
  g_autofree char *movements = g_strdup_printf ("%" G_GINT64_FORMAT, work->info->n_movements);
  g_autofree char *documents_i = mk_text_isolate_ltr (documents);
  g_autofree char *movements_i = mk_text_isolate_ltr (movements);
  g_autofree char *file = g_filename_display_basename (work->target_path);
  g_autofree char *file_i = mk_text_isolate (file);
  g_autofree char *detail = NULL;
  GtkWidget       *dialog;

  /* Translators: after a restore; %1$s is a file name, %2$s and %3$s numbers. */
  detail = g_strdup_printf (_ ("%1$s holds %2$s documents and %3$s stock movements, and its ledger checks out. "
                               "The database open now is unchanged."),
                            file_i, documents_i, movements_i);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                   _ ("Open the Restored Database?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _ ("_Not Now"), GTK_RESPONSE_CANCEL, _ ("_Open"),
                          GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "mk-path", g_strdup (work->target_path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_restored), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
work_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Work     *work = g_task_get_task_data (G_TASK (result));
  MkWindow *self = work->window;
  g_autoptr (GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (self == NULL)
    return;

  g_clear_object (&self->work);
  _mk_window_update_actions (self);
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_revealer_set_reveal_child (self->work_revealer, FALSE);
      else
        _mk_window_show_work (self, error->message, 0, TRUE);
      return;
    }

  if (work->kind == WORK_BACKUP)
    {
      g_autofree char *file = g_filename_display_name (work->backup_path);
      g_autofree char *file_i = mk_text_isolate (file);
      /* Translators: %s is the backup's file name. */
      g_autofree char *text = g_strdup_printf (_ ("The backup is written to %s."), file_i);

      _mk_window_show_work (self, text, 1, TRUE);
    }
  else
    {
      gtk_revealer_set_reveal_child (self->work_revealer, FALSE);
      offer_to_open (self, work);
    }
}

static void
start_work (MkWindow *self,
            Work     *work)
{
  g_autoptr (GTask) task = NULL;

  self->work = g_cancellable_new ();
  g_set_weak_pointer (&work->window, self);
  task = g_task_new (NULL, self->work, work_done, NULL);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  work->progress_source = g_timeout_add (100, show_progress_cb, work);
  _mk_window_show_work (self, work->kind == WORK_BACKUP ? _ ("Backing up the database…") : _ ("Restoring the backup and checking its ledger…"),
                        0, FALSE);
  _mk_window_update_actions (self);
  g_task_run_in_thread (task, work_thread);
}

/* Back up ----------------------------------------------------------------- */

static void
backup_response (GtkNativeDialog *chooser,
                 int              response,
                 MkWindow        *self)
{
  g_autoptr (GFile) file = NULL;
  Work *work;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || self->database == NULL || self->work != NULL)
    return;

  work = g_new0 (Work, 1);
  work->kind = WORK_BACKUP;
  work->database_path = g_strdup (mk_database_get_path (self->database));
  work->backup_path = g_file_get_path (file);
  start_work (self, work);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("%s-%s.mkbackup", mk_database_get_office_code (self->database), day);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_ ("Back Up the Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Back Up"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (backup_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Restore ----------------------------------------------------------------- */

static void
restore_target_response (GtkNativeDialog *chooser,
                         int              response,
                         MkWindow        *self)
{
  g_autoptr (GFile) file = NULL;
  Work *work;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  work = g_object_steal_data (G_OBJECT (chooser), "mk-work");
  g_clear_object (&self->chooser);
  if (file == NULL || self->work != NULL)
    {
      g_clear_pointer (&work, work_free);
      return;
    }
  work->target_path = g_file_get_path (file);
  start_work (self, work);
}

static void
restore_source_response (GtkNativeDialog *chooser,
                         int              response,
                         MkWindow        *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  Work            *work;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  work = g_new0 (Work, 1);
  work->kind = WORK_RESTORE;
  work->backup_path = g_file_get_path (file);
  base = g_file_get_basename (file);
  if (g_str_has_suffix (base, ".mkbackup"))
    base[strlen (base) - strlen (".mkbackup")] = '\0';
  /* Translators: the suggested file name of a restored database; %s is the backup's name. */
  name = g_strdup_printf (_ ("%s restored.makhzan"), base);

  /* Where the restored database goes: a new file, never the open one. */
  self->chooser = gtk_file_chooser_native_new (_ ("Restore Into a New Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Restore"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data_full (G_OBJECT (self->chooser), "mk-work", work, (GDestroyNotify) work_free);
  g_signal_connect (self->chooser, "response", G_CALLBACK (restore_target_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  g_autoptr (GtkFileFilter) backups = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (backups, _ ("Makhzan backups"));
  gtk_file_filter_add_pattern (backups, "*.mkbackup");
  self->chooser = gtk_file_chooser_native_new (_ ("Restore a Backup"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Choose"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), backups);
  g_signal_connect (self->chooser, "response", G_CALLBACK (restore_source_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_mk_window_class_init_backup (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.backup",
                                       NULL);
}
