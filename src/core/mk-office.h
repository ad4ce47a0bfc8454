/* mk-office.h: the office a database belongs to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"

G_BEGIN_DECLS

typedef struct
{
  char *code;   /* BEN */
  guint number; /* 1 … 65535 */
  char *name_en;
  char *name_ar;
} MkOffice;

void mk_office_free (MkOffice *office);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkOffice, mk_office_free)
const char *mk_office_get_display_name (const MkOffice *office);

/* The database's own office. */
MkOffice *mk_office_get_own (MkDatabase *db,
                             GError    **error);

G_END_DECLS
