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

/* Adding and updating many records inside one transaction the caller
 * holds (an import): each record is validated as mk_master_data_add() and
 * mk_master_data_update() validate it and gets its audit entry, but without
 * a savepoint of its own, and the vocabulary, place and reference values
 * found are kept for the next records. A refused record writes nothing;
 * after a database error the caller rolls back. */
typedef struct _MkMasterDataBulk MkMasterDataBulk;

MkMasterDataBulk *_mk_master_data_bulk_new (MkDatabase *db);
void              _mk_master_data_bulk_free (MkMasterDataBulk *bulk);
/* The record of @kind with @code, or NULL: with @error set on a database
 * error, without it when there is none. */
MkRecord *_mk_master_data_bulk_find (MkMasterDataBulk *bulk,
                                     const MkKind     *kind,
                                     const char       *code,
                                     GError          **error);
gboolean  _mk_master_data_bulk_add (MkMasterDataBulk *bulk,
                                    MkRecord         *record,
                                    GError          **error);
gboolean  _mk_master_data_bulk_update (MkMasterDataBulk *bulk,
                                       MkRecord         *record,
                                       GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkMasterDataBulk, _mk_master_data_bulk_free)

G_END_DECLS
