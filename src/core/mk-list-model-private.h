/* mk-list-model-private.h: what the list model's files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-list-model.h"

G_BEGIN_DECLS

/* mk-list-sql.c */

/* Checks a filter's value and returns the form to bind (dates in ISO). */
gboolean _mk_list_check_filter_value (const char *key,
                                      const char *value,
                                      char      **checked,
                                      GError    **error);
/* The key query for these filters and this order, interned so that the
 * connection's statement cache keeps it; NULL when a required filter is
 * missing (the list is empty). */
const char *_mk_list_key_sql (const MkListSource *source,
                              GHashTable         *filters,
                              const char         *sort_key,
                              gboolean            descending,
                              gboolean            arabic);
gboolean    _mk_list_run_key_query (MkDatabase         *db,
                                    const MkListSource *source,
                                    const char         *sql,
                                    GHashTable         *filters,
                                    GArray             *keys,
                                    GArray             *running,
                                    GCancellable       *cancellable,
                                    GError            **error);
/* The raw values of one row, NULL-terminated; NULL if it is gone. */
char **_mk_list_read_row (MkDatabase         *db,
                          const MkListSource *source,
                          const gint64       *keys,
                          GError            **error);

/* mk-list-format.c */
char *_mk_list_format_value (MkListColumnType type,
                             const char      *raw);
char *_mk_list_format_quantity (gint64   value,
                                gboolean show_sign);

G_END_DECLS
