/* mk-document-private.h: what mk-documents.c sets on a document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-document.h"

G_BEGIN_DECLS

void _mk_document_set_stored (MkDocument      *self,
                              gint64           id,
                              MkDocumentStatus status);
void _mk_document_set_totals (MkDocument *self,
                              gint64      units,
                              gint64      weight_g,
                              gint64      volume_cm3);

void _mk_document_set_invalid_line (MkDocument *self,
                                    guint       line_no);

void _mk_document_set_invalid_receipt (MkDocument *self,
                                       guint       receipt_no);

G_END_DECLS
