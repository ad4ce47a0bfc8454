/* mk-application.h: the Makhzan application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-database.h"
#include "mk-print-job.h"

G_BEGIN_DECLS

#define MK_TYPE_APPLICATION (mk_application_get_type ())
G_DECLARE_FINAL_TYPE (MkApplication, mk_application, MK, APPLICATION, GtkApplication)

MkApplication *mk_application_new (void);
/* The application's settings, or NULL when its schema is not installed. */
GSettings *mk_application_get_settings (MkApplication *self);
/* Opens the database at @path for this person (the audit user comes from the
 * settings' user-name and user-function, else the account's real name) and
 * remembers it as the last database. */
MkDatabase *mk_application_open_database (MkApplication *self,
                                          const char    *path,
                                          GError       **error);

/* Switches the interface to @language ("ar", "en", or "" for the system's):
 * translations, direction and the names of items and places, by rebuilding
 * the open windows on their databases. */
void mk_application_set_language (MkApplication *self,
                                  const char    *language);
/* What the preferences say printed documents look like: the paper, and the
 * office's logo (a PNG file's path, NULL when none is chosen; free it). */
MkPaper mk_application_get_paper (GtkApplication *app);
char   *mk_application_dup_logo (GtkApplication *app);

/* Records the user name and function of the settings in the audit user of
 * every open database. */
void mk_application_update_user (MkApplication *self);

G_END_DECLS
