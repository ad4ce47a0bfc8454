/* mk-application.c: the Makhzan application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mk-application.h"
#include "mk-backup.h"
#include "mk-preferences-window.h"
#include "mk-text.h"
#include "mk-window.h"

#include "mk-application-private.h"

/* The page cache of the window's connection, in KiB. */
#define WINDOW_CACHE_KIB 8192

G_DEFINE_FINAL_TYPE (MkApplication, mk_application, GTK_TYPE_APPLICATION)

MkApplication *
mk_application_new (void)
{
  return g_object_new (MK_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/makhzan/Makhzan",
                       NULL);
}

GSettings *
mk_application_get_settings (MkApplication *self)
{
  g_return_val_if_fail (MK_IS_APPLICATION (self), NULL);

  return self->settings;
}

static char *
get_settings_string (MkApplication *self,
                     const char    *key)
{
  if (self->settings == NULL)
    return NULL;
  return g_settings_get_string (self->settings, key);
}

/* The audit user from the settings, or the login's real name. */
static void
apply_user (MkApplication *self,
            MkDatabase    *database)
{
  g_autofree char *user_name = get_settings_string (self, "user-name");
  g_autofree char *user_function = get_settings_string (self, "user-function");
  g_autoptr (GError) error = NULL;

  if (user_name == NULL || *user_name == '\0')
    {
      g_free (user_name);
      user_name = g_strdup (g_get_real_name ());
    }

  /* A database that cannot record its user can still be read: say so in the
   * log and go on; writing will report its own error. */
  if (!mk_database_set_user (database, user_name,
                             user_function != NULL && *user_function != '\0' ? user_function : NULL,
                             &error))
    g_message ("The audit user of %s is not set: %s", mk_database_get_path (database), error->message);
}

void
mk_application_update_user (MkApplication *self)
{
  g_return_if_fail (MK_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MK_IS_WINDOW (l->data) && mk_window_get_database (l->data) != NULL)
      apply_user (self, mk_window_get_database (l->data));
}

MkDatabase *
mk_application_open_database (MkApplication *self,
                              const char    *path,
                              GError       **error)
{
  g_autoptr (MkDatabase) database = NULL;

  g_return_val_if_fail (MK_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = mk_database_open (path, error);
  if (database == NULL)
    return NULL;
  apply_user (self, database);
  /* The window reads a screenful of rows at a time: a small page cache
   * keeps its memory flat however far one scrolls. */
  if (!mk_database_set_cache_kib (database, WINDOW_CACHE_KIB, error))
    return NULL;

  if (self->settings != NULL)
    {
      g_autofree char *absolute = NULL;

      if (g_path_is_absolute (path))
        absolute = g_strdup (path);
      else
        absolute = g_canonicalize_filename (path, NULL);
      g_settings_set_string (self->settings, "last-database", absolute);
    }

  return g_steal_pointer (&database);
}

/* Printing ---------------------------------------------------------------- */

/* @app may be any GtkApplication, or NULL (a window not yet added): the
 * defaults then, A4 and no logo. */
MkPaper
mk_application_get_paper (GtkApplication *app)
{
  g_autofree char *paper = MK_IS_APPLICATION (app) ? get_settings_string (MK_APPLICATION (app), "paper-size") : NULL;

  return g_strcmp0 (paper, "letter") == 0 ? MK_PAPER_LETTER : MK_PAPER_A4;
}

char *
mk_application_dup_logo (GtkApplication *app)
{
  g_autofree char *logo = MK_IS_APPLICATION (app) ? get_settings_string (MK_APPLICATION (app), "office-logo") : NULL;

  return logo != NULL && *logo != '\0' ? g_steal_pointer (&logo) : NULL;
}

/* Language ---------------------------------------------------------------- */

void
mk_application_set_language (MkApplication *self,
                             const char    *language)
{
  GList   *windows;
  gboolean preferences_open = FALSE;

  g_return_if_fail (MK_IS_APPLICATION (self));
  g_return_if_fail (language != NULL);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "language", language);

  if (*language != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
  else
    {
      const char *system = g_getenv ("MAKHZAN_SYSTEM_LANGUAGE");

      if (system != NULL && *system != '\0')
        g_setenv ("LANGUAGE", system, TRUE);
      else
        g_unsetenv ("LANGUAGE");
    }
  /* setlocale() makes gettext read the catalogues again. */
  setlocale (LC_ALL, "");
  mk_text_set_language (*language != '\0' ? language : NULL);
  /* GTK takes its direction from its own catalogue at start-up
   * (reference/arabic.md), but GLib decides once whether to translate its
   * libraries' strings: the direction follows the language chosen. */
  gtk_widget_set_default_direction (mk_text_prefers_arabic () ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  /* Every window is built again in the new language, on the same database;
   * editors keep their drafts and their language until closed. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (MK_IS_PREFERENCES_WINDOW (l->data))
        {
          preferences_open = TRUE;
          gtk_window_destroy (l->data);
        }
    }
  for (GList *l = windows; l != NULL; l = l->next)
    {
      MkWindow *old = l->data;
      MkWindow *window;

      if (!MK_IS_WINDOW (old))
        continue;
      window = mk_window_new (self);
      mk_window_set_database (window, mk_window_get_database (old));
      gtk_window_present (GTK_WINDOW (window));
      gtk_window_destroy (GTK_WINDOW (old));
      if (preferences_open)
        {
          gtk_window_present (GTK_WINDOW (mk_preferences_window_new (self, GTK_WINDOW (window))));
          preferences_open = FALSE;
        }
    }
  g_list_free (windows);
}

static void
mk_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList          *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing lets each window save its size; the application ends with the
   * last one. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
mk_application_about (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplication    *app = user_data;
  static const char *developers[] = { "The Makhzan developers", NULL };
  /* Translators: your names and e-mail addresses, one a line. */
  const char *translators = _ ("translator-credits");

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _ ("Makhzan"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _ ("Track relief goods from warehouse to person"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         "translator-credits", translators,
                         NULL);
}

static void
mk_application_preferences (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  MkApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (mk_preferences_window_new (self,
                                                             gtk_application_get_active_window (GTK_APPLICATION (self)))));
}

static const GActionEntry app_actions[] = {
  { "quit", mk_application_quit, NULL, NULL, NULL },
  { "about", mk_application_about, NULL, NULL, NULL },
  { "preferences", mk_application_preferences, NULL, NULL, NULL },
};

static void
load_settings (MkApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      /* An uninstalled build run without GSETTINGS_SCHEMA_DIR: work without
       * remembering anything rather than abort in g_settings_new(). */
      g_message ("The settings schema %s is not installed; settings will not be kept.",
                 APPLICATION_ID);
      return;
    }
  self->settings = g_settings_new_full (schema, NULL, NULL);
}

static void
load_style (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/makhzan/Makhzan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
mk_application_startup (GApplication *app)
{
  MkApplication     *self = MK_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (mk_application_parent_class)->startup (app);

  load_settings (self);
  if (gdk_display_get_default () != NULL)
    load_style ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  /* Preferences are kept in GSettings: without its schema there are none. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "preferences")),
                               self->settings != NULL);
  mk_application_schedule_backups (self);
}

/* A window that shows no database (none given, or one that failed) is
 * reused for the next file rather than left behind. */
static MkWindow *
find_empty_window (MkApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (MK_IS_WINDOW (l->data) && mk_window_get_database (l->data) == NULL)
        return l->data;
    }
  return NULL;
}

static void
mk_application_activate (GApplication *app)
{
  MkApplication   *self = MK_APPLICATION (app);
  GtkWindow       *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *last = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (mk_window_new (self));
  last = get_settings_string (self, "last-database");
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      g_autoptr (GFile) file = g_file_new_for_path (last);

      mk_window_open (MK_WINDOW (window), file);
    }
  gtk_window_present (window);
}

static MkWindow *
find_window_of (MkApplication *self,
                GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      MkDatabase *database;
      g_autoptr (GFile) open = NULL;

      if (!MK_IS_WINDOW (l->data) || (database = mk_window_get_database (l->data)) == NULL)
        continue;
      open = g_file_new_for_path (mk_database_get_path (database));
      if (g_file_equal (open, file))
        return l->data;
    }
  return NULL;
}

static void
mk_application_open (GApplication *app,
                     GFile       **files,
                     int           n_files,
                     const char   *hint)
{
  MkApplication *self = MK_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      MkWindow *window = find_window_of (self, files[i]);

      /* A file already open in a window (from this instance, or from a
       * second one started on it) brings that window forward. */
      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }
      window = find_empty_window (self);

      if (window == NULL)
        window = mk_window_new (self);
      mk_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
mk_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", _ ("Makhzan"), PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
mk_application_dispose (GObject *object)
{
  MkApplication *self = MK_APPLICATION (object);

  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mk_application_parent_class)->dispose (object);
}

static void
mk_application_class_init (MkApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mk_application_dispose;

  app_class->startup = mk_application_startup;
  app_class->activate = mk_application_activate;
  app_class->open = mk_application_open;
  app_class->handle_local_options = mk_application_handle_local_options;
}

static void
mk_application_init (MkApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and quit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     /* Translators: the command line's arguments. */
                                                     _ ("[DATABASE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _ ("Open a Makhzan database, or the last one opened."));
}
