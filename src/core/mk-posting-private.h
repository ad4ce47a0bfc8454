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
  const char *date;           /* YYYY-MM-DD */
  const char *number;         /* the number it will have once posted */
  gint64      warehouse_id;   /* the header's warehouse, 0 when none */
  gint64      reference_id;   /* RCV: the waybill; CAN: the cancelled document */
  GPtrArray  *lines;          /* MkDocumentLine, resolved ids; replaces the document's */
  GArray     *movements;      /* MkMovement */
  gboolean    header_changed; /* the planner completed the header */
} MkPosting;

/* Helpers that every planner shares ------------------------------------- */

typedef struct
{
  char    *code; /* isolated, for messages */
  gboolean tracks_lots;
  gboolean is_kit;
  gboolean active;
} ItemInfo;

void _mk_posting_item_info_clear (ItemInfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemInfo, _mk_posting_item_info_clear)

/* A part of a line taken from one lot and grant. */
typedef struct
{
  gint64 lot_id;
  gint64 grant_id;
  gint64 quantity;
  char   expiry[11];
} Chunk;

/* Refusals that name the document, and the line. */
gboolean _mk_posting_fail (MkPosting  *posting,
                           GError    **error,
                           gint        code,
                           const char *format,
                           ...) G_GNUC_PRINTF (4, 5);
gboolean _mk_posting_fail_line (MkPosting  *posting,
                                GError    **error,
                                gint        code,
                                guint       line_no,
                                const char *format,
                                ...) G_GNUC_PRINTF (5, 6);
char    *_mk_posting_iso_number (gint64 value);
gboolean _mk_posting_item_info (MkPosting *posting,
                                gint64     item_id,
                                ItemInfo  *info,
                                GError   **error);
gboolean _mk_posting_require_active_warehouse (MkPosting *posting,
                                               gint64     warehouse_id,
                                               GError   **error);
gboolean _mk_posting_require_usable_item (MkPosting      *posting,
                                          guint           line_no,
                                          const ItemInfo *item,
                                          GError        **error);
gboolean _mk_posting_require_lines (MkPosting *posting,
                                    GError   **error);
gboolean _mk_posting_location (MkPosting     *posting,
                               MkLocationKind kind,
                               gint64         owner,
                               gint64        *location_id,
                               GError       **error);
void     _mk_posting_add_movement (MkPosting  *posting,
                                   gint64      location_id,
                                   gint64      item_id,
                                   gint64      lot_id,
                                   gint64      grant_id,
                                   gint64      quantity,
                                   const char *category);
/* @what names the quantity for a message, untranslated (N_()): posting
 * translates it only when it refuses. */
gboolean _mk_posting_check_quantity (MkPosting  *posting,
                                     guint       line_no,
                                     const char *what,
                                     gint64      quantity,
                                     gint64      min,
                                     GError    **error);
gboolean _mk_posting_named_lot (MkPosting      *posting,
                                guint           line_no,
                                const ItemInfo *item,
                                MkDocumentLine *line,
                                gint64         *lot_id,
                                GError        **error);
/* The lot of a line that brings stock in, found or created. */
gboolean _mk_posting_incoming_lot (MkPosting      *posting,
                                   guint           line_no,
                                   const ItemInfo *item,
                                   MkDocumentLine *line,
                                   GError        **error);
/* Takes @quantity first expiry first out (see mk-posting.c). Array of Chunk. */
GArray         *_mk_posting_allocate (MkPosting      *posting,
                                      guint           line_no,
                                      const ItemInfo *item,
                                      gint64          location_id,
                                      gint64          item_id,
                                      gint64          lot_id,
                                      gint64          grant_id,
                                      gint64          quantity,
                                      const char     *not_expired_on,
                                      GError        **error);
MkDocumentLine *_mk_posting_line_for_chunk (const MkDocumentLine *model,
                                            const Chunk          *chunk,
                                            gint64                quantity);
/* Replaces the posting's lines with @lines, which it empties. */
void _mk_posting_replace_lines (MkPosting *posting,
                                GPtrArray *lines);

/* What bulk posting remembers of the catalogue (mk-posting-cache.c) ---- */

typedef struct
{
  char    *code;
  char    *code_isolated; /* for messages */
  gboolean tracks_lots;
  gboolean is_kit;
  gboolean active;
  gint64   weight_g;
  gint64   volume_cm3;
} MkItemFacts;

typedef struct
{
  char *number;
  char *expiry; /* NULL when the lot does not expire */
} MkLotFacts;

/* _mk_master_data_find_id(), remembered in bulk per kind and code as
 * given. */
gboolean _mk_posting_find_id (MkDatabase   *db,
                              const MkKind *kind,
                              const char   *code,
                              gint64       *id,
                              char        **canonical_code,
                              GError      **error);
/* In bulk only: an item, lot or grant read once. *facts (*code) is NULL
 * when the row does not exist (a grant id of 0 has no code). */
gboolean _mk_posting_item_facts (MkDatabase         *db,
                                 gint64              item_id,
                                 const MkItemFacts **facts,
                                 GError            **error);
gboolean _mk_posting_lot_facts (MkDatabase        *db,
                                gint64             lot_id,
                                const MkLotFacts **facts,
                                GError           **error);
gboolean _mk_posting_grant_code (MkDatabase  *db,
                                 gint64       grant_id,
                                 const char **code,
                                 GError     **error);

/* Plans the movements of @posting's kind, filling its lines (suggested
 * lots, expected quantities, kit components). Errors name the line. */
gboolean _mk_posting_plan (MkPosting *posting,
                           GError   **error);

G_END_DECLS
