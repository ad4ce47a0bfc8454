/* mk-master-data-private.h: record validation, shared with documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-master-data.h"

G_BEGIN_DECLS

/* Applies defaults, checks required fields and ranges, and resolves
 * vocabulary, place and reference fields to their stored form; @stored is
 * the record as the database holds it (NULL for a new one). Document
 * headers use it too: their fields are described the same way. */
gboolean _mk_master_data_validate (MkDatabase *db,
                                   MkRecord   *record,
                                   MkRecord   *stored,
                                   GError    **error);

/* The id and the code as stored (case may differ from @code) of a record
 * of @kind; a NOT_FOUND error names the kind and the code. */
gboolean _mk_master_data_find_id (MkDatabase   *db,
                                  const MkKind *kind,
                                  const char   *code,
                                  gint64       *id,
                                  char        **canonical_code,
                                  GError      **error);

G_END_DECLS
