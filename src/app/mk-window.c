/* mk-window.c: the main window of one database.
 *
 * Without a database it shows the welcome view (new office, open, demo) or
 * why the last file could not be opened; with one, a sidebar of pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-office.h"
#include "mk-text.h"
#include "mk-ui-resources.h"
#include "mk-window-private.h"

G_DEFINE_FINAL_TYPE (MkWindow, mk_window, GTK_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GSettings *
_mk_window_get_settings (MkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return MK_IS_APPLICATION (app) ? mk_application_get_settings (MK_APPLICATION (app)) : NULL;
}

/* @office_title: the office's code and name, or NULL for the application's name. */
static void
set_title (MkWindow   *self,
           const char *office_title,
           const char *subtitle)
{
  g_autofree char *window_title = NULL;

  if (office_title != NULL)
    /* Translators: the window's title in the task switcher: the office, then
     * the application's name. */
    window_title = g_strdup_printf (_ ("%1$s – Makhzan"), office_title);
  else
    window_title = g_strdup (_ ("Makhzan"));

  gtk_label_set_text (self->title_label, office_title != NULL ? office_title : window_title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_title (MkWindow *self)
{
  g_autoptr (MkOffice) office = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;

  if (self->database == NULL)
    {
      set_title (self, NULL, NULL);
      return;
    }

  file_name = g_filename_display_basename (mk_database_get_path (self->database));
  office = mk_office_get_own (self->database, &error);
  if (office == NULL)
    {
      g_debug ("No office record: %s", error->message);
      set_title (self, mk_database_get_office_code (self->database), file_name);
      return;
    }

  code = mk_text_isolate_ltr (office->code);
  name = mk_text_isolate (mk_office_get_display_name (office));
  /* Translators: the header of the window: the office's code, then its
   * name, as in "BEN — Benghazi office". */
  title = g_strdup_printf (_ ("%1$s — %2$s"), code, name);
  set_title (self, title, file_name);
}

void
_mk_window_show_welcome (MkWindow     *self,
                         const char   *title,
                         const GError *error)
{
  if (error != NULL)
    {
      gtk_image_set_from_icon_name (self->status_icon, "dialog-error-symbolic");
      gtk_label_set_text (self->status_title, title);
      /* The core's message is already translated and names the file and
       * the fix. */
      gtk_label_set_text (self->status_description, error->message);
    }
  else
    {
      gtk_image_set_from_icon_name (self->status_icon, APPLICATION_ID);
      gtk_label_set_text (self->status_title, _ ("Welcome to Makhzan"));
      gtk_label_set_text (self->status_description,
                          _ ("Relief goods from the warehouse to the people who receive them. "
                             "Start with your office’s database, open one you have, or look "
                             "around a demo mission first."));
    }
  gtk_stack_set_visible_child_name (self->stack, "welcome");
  gtk_widget_set_visible (GTK_WIDGET (self->warehouse_dropdown), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), FALSE);
}

static void
on_database_changed (MkDatabase *db,
                     const char *table,
                     MkWindow   *self)
{
  if (g_str_equal (table, "warehouses"))
    _mk_window_fill_warehouses (self);
  else if (g_str_equal (table, "offices"))
    update_title (self);
}

/* A file deleted or moved away while open: SQLite would go on writing into
 * a file nobody can find again, so the window lets go of it and says why. */
static void
on_file_changed (GFileMonitor     *monitor,
                 GFile            *file,
                 GFile            *other,
                 GFileMonitorEvent event,
                 MkWindow         *self)
{
  g_autofree char *name = NULL;
  g_autofree char *isolated = NULL;
  g_autoptr (GError) error = NULL;

  if (event != G_FILE_MONITOR_EVENT_DELETED && event != G_FILE_MONITOR_EVENT_MOVED_OUT && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;
  if (self->database == NULL || g_file_test (mk_database_get_path (self->database), G_FILE_TEST_EXISTS))
    return;

  name = g_filename_display_name (mk_database_get_path (self->database));
  isolated = mk_text_isolate (name);
  error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       /* Translators: %s is the database's file name. */
                       _ ("The file %s was deleted or moved while it was open. Nothing more was written to it. "
                          "Open it where it is now, or restore it from a backup."),
                       isolated);
  mk_window_set_database (self, NULL);
  _mk_window_show_welcome (self, _ ("The Database File Is Gone"), error);
}

static void
watch_file (MkWindow *self)
{
  g_autoptr (GFile) file = NULL;

  if (self->file_monitor != NULL)
    {
      g_file_monitor_cancel (self->file_monitor);
      g_clear_object (&self->file_monitor);
    }
  if (self->database == NULL)
    return;
  file = g_file_new_for_path (mk_database_get_path (self->database));
  self->file_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->file_monitor != NULL)
    g_signal_connect_object (self->file_monitor, "changed", G_CALLBACK (on_file_changed), self, 0);
}

void
mk_window_set_database (MkWindow   *self,
                        MkDatabase *database)
{
  g_return_if_fail (MK_IS_WINDOW (self));
  g_return_if_fail (database == NULL || MK_IS_DATABASE (database));

  if (self->database == database)
    return;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  _mk_window_clear_pages (self);
  g_set_object (&self->database, database);
  watch_file (self);
  update_title (self);

  if (database != NULL)
    {
      g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, 0);
      _mk_window_build_pages (self);
      _mk_window_fill_warehouses (self);
      gtk_widget_set_visible (GTK_WIDGET (self->search_entry), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "main");
    }
  else
    _mk_window_show_welcome (self, NULL, NULL);

  _mk_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

MkDatabase *
mk_window_get_database (MkWindow *self)
{
  g_return_val_if_fail (MK_IS_WINDOW (self), NULL);

  return self->database;
}

void
_mk_window_open_path (MkWindow   *self,
                      const char *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr (MkDatabase) database = NULL;
  g_autoptr (GError) error = NULL;

  if (MK_IS_APPLICATION (app))
    database = mk_application_open_database (MK_APPLICATION (app), path, &error);
  else
    database = mk_database_open (path, &error);

  if (database != NULL)
    {
      mk_window_set_database (self, database);
      return;
    }

  mk_window_set_database (self, NULL);
  {
    g_autofree char *file_name = g_filename_display_name (path);

    set_title (self, NULL, file_name);
  }
  _mk_window_show_welcome (self, _ ("The Database Cannot Be Opened"), error);
}

void
mk_window_open (MkWindow *self,
                GFile    *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (MK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                      _ ("Only a database file on this computer can be opened."));

      mk_window_set_database (self, NULL);
      _mk_window_show_welcome (self, _ ("The Database Cannot Be Opened"), error);
      return;
    }
  _mk_window_open_path (self, path);
}

static void
restore_size (MkWindow *self)
{
  GSettings *settings = _mk_window_get_settings (self);

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
mk_window_close_request (GtkWindow *window)
{
  MkWindow  *self = MK_WINDOW (window);
  GSettings *settings = _mk_window_get_settings (self);

  _mk_window_cancel_work (self);
  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (mk_window_parent_class)->close_request (window);
}

MkWindow *
mk_window_new (MkApplication *application)
{
  MkWindow *self;

  g_return_val_if_fail (application == NULL || MK_IS_APPLICATION (application), NULL);

  self = g_object_new (MK_TYPE_WINDOW, "application", application, NULL);
  /* "application" is set after constructed(), so the size is restored here. */
  restore_size (self);
  return self;
}

static void
mk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MkWindow *self = MK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MkWindow *self = MK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      mk_window_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_window_dispose (GObject *object)
{
  MkWindow *self = MK_WINDOW (object);

  _mk_window_cancel_work (self);
  _mk_window_search_dispose (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  if (self->file_monitor != NULL)
    g_file_monitor_cancel (self->file_monitor);
  g_clear_object (&self->file_monitor);

  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_WINDOW);

  g_clear_object (&self->database);
  G_OBJECT_CLASS (mk_window_parent_class)->dispose (object);
}

static void
mk_window_finalize (GObject *object)
{
  MkWindow *self = MK_WINDOW (object);

  g_clear_pointer (&self->warehouse_codes, g_ptr_array_unref);
  g_free (self->warehouse);
  G_OBJECT_CLASS (mk_window_parent_class)->finalize (object);
}

static void
mk_window_class_init (MkWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = mk_window_get_property;
  object_class->set_property = mk_window_set_property;
  object_class->dispose = mk_window_dispose;
  object_class->finalize = mk_window_finalize;

  window_class->close_request = mk_window_close_request;

  properties[PROP_DATABASE] =
      g_param_spec_object ("database", NULL, NULL, MK_TYPE_DATABASE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resource registers itself from a constructor, but only if the linker
   * keeps its object file: a call into it makes sure it does. */
  (void) mk_ui_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, "/org/makhzan/Makhzan/mk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MkWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, warehouse_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, search_popover);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, status_title);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, status_description);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, welcome_buttons);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, new_database_button);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, work_revealer);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, work_label);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, work_progress);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, work_cancel);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, pages);

  _mk_window_class_init_actions (widget_class);
  _mk_window_class_init_search (widget_class);
  _mk_window_class_init_work (widget_class);
  _mk_window_class_init_backup (widget_class);
  _mk_window_class_init_import (widget_class);
}

static void
mk_window_init (MkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The window's own child is not a bound template child: in GTK 4.8,
   * gtk_widget_dispose_template() would unparent it behind GtkWindow's back,
   * which then unparents it a second time. */
  self->stack = GTK_STACK (gtk_window_get_child (GTK_WINDOW (self)));
  gtk_widget_set_parent (GTK_WIDGET (self->search_popover), GTK_WIDGET (self->search_entry));
  _mk_window_init_search (self);

  _mk_window_show_welcome (self, NULL, NULL);
  _mk_window_update_actions (self);
}
