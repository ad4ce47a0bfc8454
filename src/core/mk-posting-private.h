/* mk-posting-private.h: what each kind of document does to stock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-document.h"
#include "mk-ledger-private.h"

G_BEGIN_DECLS

/* The largest quantity of one line: 2^53, so that any total still fits a
 * double in a spreadsheet and no sum of lines overflows. */
#define MK_QUANTITY_MAX G_GINT64_CONSTANT (9007199254740992)

/* A document being posted: its header resolved, its lines to be checked
 * and filled, its movements to be planned. */
typedef struct
{
  MkDatabase *db;
  MkDocument *document;
  gint64      document_id;
  const char *date;            /* YYYY-MM-DD */
  const char *number;          /* the number it will have once posted */
  gint64      warehouse_id;    /* the header's warehouse, 0 when none */
  gint64      reference_id;    /* RCV: the waybill; CAN: the cancelled document */
  GPtrArray  *lines;           /* MkDocumentLine, resolved ids; replaces the document's */
  GArray     *movements;       /* MkMovement */
} MkPosting;

/* Plans the movements of @posting's kind, filling its lines (suggested
 * lots, expected quantities, kit components). Errors name the line. */
gboolean _mk_posting_plan (MkPosting  *posting,
                           GError    **error);

G_END_DECLS
