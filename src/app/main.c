/* main.c: the makhzan executable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-main"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mk-application.h"
#include "mk-text.h"

/* The language chosen in the settings ("ar", "en"; empty: the system's)
 * must be in place before the first translated string and before GTK picks
 * its text direction from its own catalogue. */
static void
apply_language_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *language = NULL;

  if (source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return;
  settings = g_settings_new_full (schema, NULL, NULL);
  language = g_settings_get_string (settings, "language");
  if (*language == '\0')
    return;

  /* The system's choice, for when the preferences return to it. */
  g_setenv ("MAKHZAN_SYSTEM_LANGUAGE", g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
  mk_text_set_language (language);
}

/* Where the catalogues are: MAKHZAN_LOCALEDIR when set (build-aux/run and the
 * tests point it at the build tree's BUILD_LOCALEDIR), else the installed
 * folder; on Windows, share/locale beside the installed bin folder, so that a
 * copied installation keeps its translations. */
static char *
get_localedir (void)
{
  const char *dir = g_getenv ("MAKHZAN_LOCALEDIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
#ifdef G_OS_WIN32
  {
    g_autofree char *base = g_win32_get_package_installation_directory_of_module (NULL);

    if (base != NULL)
      return g_build_filename (base, "share", "locale", NULL);
  }
#endif
  return g_strdup (LOCALEDIR);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (MkApplication) app = NULL;
  g_autofree char *localedir = get_localedir ();

  setlocale (LC_ALL, "");
  apply_language_setting ();

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_ ("Makhzan"));

  app = mk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
