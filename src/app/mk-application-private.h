/* mk-application-private.h: what the files of MkApplication share.
 *
 *   mk-application.c          the type, its actions, windows and language
 *   mk-application-backups.c  automatic backups on the schedule of the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-application.h"

G_BEGIN_DECLS

struct _MkApplication
{
  GtkApplication parent_instance;

  GSettings *settings;
  guint      backup_source;
  gboolean   backup_running;
};

/* Starts the timer that backs up the open database when one is due. */
void mk_application_schedule_backups (MkApplication *self);

G_END_DECLS
