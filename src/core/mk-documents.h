/* mk-documents.h: storing, posting and cancelling stock documents.
 *
 * A draft can be saved and edited freely and has no effect on stock.
 * Posting validates it, gives it its number (gapless per office, kind and
 * year: BEN-WB-2026-00017) and writes its movements in one transaction; a
 * posted document never changes. A mistake is corrected by cancelling it:
 * a CAN document whose movements reverse the original's.
 *
 * Owns the documents, document_lines and document_numbers tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"
#include "mk-document.h"

G_BEGIN_DECLS

#define MK_DOCUMENTS_ERROR (mk_documents_error_quark ())

typedef enum
{
  MK_DOCUMENTS_ERROR_NOT_FOUND,
  MK_DOCUMENTS_ERROR_INVALID,        /* a header field or a line is wrong */
  MK_DOCUMENTS_ERROR_SHORT,          /* stock would become negative */
  MK_DOCUMENTS_ERROR_ALREADY_POSTED, /* posting or editing a posted document */
  MK_DOCUMENTS_ERROR_NOT_POSTED,     /* cancelling a draft */
  MK_DOCUMENTS_ERROR_CANCELLED,      /* cancelling twice, or a cancellation */
  MK_DOCUMENTS_ERROR_ENTITLEMENT,    /* a household would receive more than its due */
  MK_DOCUMENTS_ERROR_RECEIVED,       /* a waybill received already in full, a
                                      * reception of more than it still carries,
                                      * or cancelling a received waybill */
} MkDocumentsError;

GQuark mk_documents_error_quark (void);

/* Saves a draft: inserts it (giving it an id) or replaces the stored draft
 * with the same id. Validates field formats only, not stock. */
gboolean mk_documents_save_draft (MkDatabase *db,
                                  MkDocument *document,
                                  GError    **error);
/* Deletes a draft; a posted document is refused. */
gboolean mk_documents_delete_draft (MkDatabase *db,
                                    gint64      id,
                                    GError    **error);
/* Posts @document (saving it first when it has no id or has changed):
 * validates every field and line, refuses stock that would go negative
 * naming the item, lot and warehouse and by how much, numbers it, writes
 * its movements and an audit entry, all or nothing. On success the
 * document holds its number and what posting filled in (suggested lots,
 * the count's expected quantities, the kitting's components). */
gboolean mk_documents_post (MkDatabase *db,
                            MkDocument *document,
                            GError    **error);
/* Cancels the posted document @number with a CAN document dated @date
 * (NULL: the original's date) giving @reason. Refuses a draft, a
 * cancellation, a document cancelled already, a waybill that has been
 * received (cancel the reception first), and anything that would make
 * stock negative. Returns the posted cancellation. */
MkDocument *mk_documents_cancel (MkDatabase *db,
                                 const char *number,
                                 const char *date,
                                 const char *reason,
                                 GError    **error);

MkDocument *mk_documents_get (MkDatabase *db,
                              gint64      id,
                              GError    **error);
/* By number, without case: "ben-wb-2026-00017". */
MkDocument *mk_documents_get_by_number (MkDatabase *db,
                                        const char *number,
                                        GError    **error);

typedef struct
{
  gint64           id;
  MkDocumentKind   kind;
  MkDocumentStatus status;
  char            *number; /* NULL for a draft */
  char            *date;
  char            *warehouse_code;
  char            *counterpart; /* destination, source, waybill … as text */
  gint64           n_lines;
  gint64           total_units;
  gboolean         cancelled;
} MkDocumentSummary;

void mk_document_summary_free (MkDocumentSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkDocumentSummary, mk_document_summary_free)

/* Documents of @kind (-1: every kind) dated @from … @to (NULL: open),
 * newest first. Returns an array of MkDocumentSummary. */
GPtrArray *mk_documents_list (MkDatabase *db,
                              gint        kind,
                              const char *from,
                              const char *to,
                              GError    **error);

G_END_DECLS
