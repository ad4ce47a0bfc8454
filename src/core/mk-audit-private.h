/* mk-audit-private.h: writing the audit log, for the core's modules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-audit.h"

G_BEGIN_DECLS

/* "2026-11-25T03:18:59.127535Z": UTC as g_date_time_format_iso8601()
 * writes it (no fraction when it is zero). */
#define MK_AUDIT_TIME_SIZE 32
void _mk_audit_format_time (gint64 unix_us,
                            char   out[MK_AUDIT_TIME_SIZE]);
void _mk_audit_now (char out[MK_AUDIT_TIME_SIZE]);

/* Call inside the transaction of the change it records. */
gboolean _mk_audit_record (MkDatabase *db,
                           const char *action,
                           const char *table_name,
                           gint64      row_id,
                           const char *code,
                           const char *details,
                           GError    **error);
/* Finds or creates the profile of @name; returns its id. */
gboolean _mk_audit_ensure_user (MkDatabase *db,
                                const char *name,
                                const char *function,
                                gint64     *user_id,
                                GError    **error);

G_END_DECLS
