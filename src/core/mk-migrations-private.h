/* mk-migrations-private.h: the numbered schema migrations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"

G_BEGIN_DECLS

guint _mk_migrations_latest_version (void);
/* Applies migrations @from + 1 … @to inside the caller's transaction and
 * sets PRAGMA user_version to @to. */
gboolean _mk_migrations_apply (MkDatabase *db,
                               guint       from,
                               guint       to,
                               GError    **error);

G_END_DECLS
