/* mk-audit.h: the audit log and the local user profiles it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char  *at; /* UTC, ISO 8601 */
  char  *user_name;
  char  *user_function;
  char  *action; /* create, update, post, cancel … */
  char  *table_name;
  gint64 row_id;
  char  *code;    /* the record's code or document number */
  char  *details; /* JSON: the fields written */
} MkAuditEntry;

void mk_audit_entry_free (MkAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkAuditEntry, mk_audit_entry_free)

/* The newest @limit entries first. Returns an array of MkAuditEntry. */
GPtrArray *mk_audit_list (MkDatabase *db,
                          guint       limit,
                          GError    **error);

G_END_DECLS
