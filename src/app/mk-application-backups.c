/* mk-application-backups.c: automatic backups on the schedule of the preferences.
 *
 * A field office's laptop is stolen, dropped or flooded: what it held must
 * come back from the last backup. Every few minutes the application checks
 * whether one is due, and writes it in a thread on a connection of its own
 * (SQLite's online backup reads while the window goes on writing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mk-application-private.h"
#include "mk-backup.h"
#include "mk-window.h"

/* How often the schedule is looked at, in seconds. */
#define CHECK_INTERVAL_S (10 * 60)

typedef struct
{
  char *database_path;
  char *folder;
  guint keep;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->database_path);
  g_free (job->folder);
  g_free (job);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr (MkDatabase) db = NULL;
  g_autofree char *written = NULL;
  GError          *error = NULL;

  if (g_mkdir_with_parents (job->folder, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _ ("The backup folder %s cannot be made: %s"), job->folder, g_strerror (saved));
      return;
    }
  db = mk_database_open (job->database_path, &error);
  if (db == NULL || !mk_backup_run_scheduled (db, job->folder, job->keep, &written, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&written), g_free);
}

static void
backup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MkApplication *self = MK_APPLICATION (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *written = g_task_propagate_pointer (G_TASK (result), &error);

  self->backup_running = FALSE;
  if (written == NULL)
    {
      /* Nobody may be looking at the log: say it where it is seen. */
      g_autoptr (GNotification) notification = g_notification_new (_ ("The Automatic Backup Failed"));

      g_notification_set_body (notification, error->message);
      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
      g_application_send_notification (G_APPLICATION (self), "backup-failed", notification);
      g_message ("Automatic backup failed: %s", error->message);
      return;
    }
  g_settings_set_int64 (self->settings, "last-backup", g_get_real_time () / G_USEC_PER_SEC);
  g_application_withdraw_notification (G_APPLICATION (self), "backup-failed");
  g_debug ("Automatic backup written to %s", written);
}

static MkDatabase *
open_database (MkApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MK_IS_WINDOW (l->data) && mk_window_get_database (l->data) != NULL)
      return mk_window_get_database (l->data);
  return NULL;
}

static gboolean
check_schedule (gpointer user_data)
{
  MkApplication   *self = user_data;
  g_autofree char *frequency = g_settings_get_string (self->settings, "backup-frequency");
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");
  gint64           period = g_str_equal (frequency, "weekly") ? 7 * 24 * 3600 : 24 * 3600;
  gint64           now = g_get_real_time () / G_USEC_PER_SEC;
  MkDatabase      *database = open_database (self);
  g_autoptr (GTask) task = NULL;
  BackupJob *job;

  if (g_str_equal (frequency, "never") || self->backup_running || database == NULL || now - g_settings_get_int64 (self->settings, "last-backup") < period)
    return G_SOURCE_CONTINUE;

  if (*folder == '\0')
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      g_free (folder);
      folder = g_build_filename (documents != NULL ? documents : g_get_home_dir (), _ ("Makhzan backups"), NULL);
    }

  job = g_new0 (BackupJob, 1);
  job->database_path = g_strdup (mk_database_get_path (database));
  job->folder = g_steal_pointer (&folder);
  job->keep = (guint) g_settings_get_int (self->settings, "backup-keep");
  task = g_task_new (self, NULL, backup_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  self->backup_running = TRUE;
  g_task_run_in_thread (task, backup_thread);
  return G_SOURCE_CONTINUE;
}

void
mk_application_schedule_backups (MkApplication *self)
{
  if (self->settings == NULL || self->backup_source != 0)
    return;
  self->backup_source = g_timeout_add_seconds (CHECK_INTERVAL_S, check_schedule, self);
}
