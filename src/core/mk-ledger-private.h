/* mk-ledger-private.h: how documents write to the ledger.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database-private.h"
#include "mk-ledger.h"

G_BEGIN_DECLS

typedef enum
{
  MK_LOCATION_WAREHOUSE,
  MK_LOCATION_QUARANTINE,
  MK_LOCATION_TRANSIT, /* owner: the waybill */
  MK_LOCATION_SITE,
  MK_LOCATION_PARTNER,
} MkLocationKind;

/* One change of stock, planned by a document before it is applied. */
typedef struct
{
  gint64      location_id;
  gint64      item_id;
  gint64      lot_id;   /* 0: no lot */
  gint64      grant_id; /* 0: unearmarked */
  gint64      quantity; /* signed */
  const char *category; /* a static string: "dispatched" … */
} MkMovement;

/* The location of @owner_id (a warehouse, waybill, site or partner id),
 * created on first use when @create. *location_id is 0 when it does not
 * exist and @create is FALSE. */
gboolean _mk_ledger_location (MkDatabase    *db,
                              MkLocationKind kind,
                              gint64         owner_id,
                              gboolean       create,
                              gint64        *location_id,
                              GError       **error);

/* The lot @number of @item_id: *lot_id 0 when unknown; *expiry (may be
 * NULL) receives its expiry date. */
gboolean _mk_ledger_find_lot (MkDatabase *db,
                              gint64      item_id,
                              const char *number,
                              gint64     *lot_id,
                              char      **expiry,
                              GError    **error);
/* Finds or creates the lot; refuses a known lot given another expiry. */
gboolean _mk_ledger_ensure_lot (MkDatabase *db,
                                gint64      item_id,
                                const char *number,
                                const char *expiry,
                                gint64     *lot_id,
                                GError    **error);

/* Current quantity at a location; @lot_id and @grant_id -1 for all. */
gboolean _mk_ledger_quantity (MkDatabase *db,
                              gint64      location_id,
                              gint64      item_id,
                              gint64      lot_id,
                              gint64      grant_id,
                              gint64     *quantity,
                              GError    **error);

typedef struct
{
  gint64 lot_id;
  gint64 grant_id;
  gint64 quantity;
  char   expiry[11]; /* "" when the lot does not expire */
} MkLotStock;

/* The stock of @item_id at @location_id per lot and grant, first expiry
 * first (lots that never expire last, no lot before them), leaving out
 * lots expired before @date when @date is not NULL, and grants other than
 * @grant_id when it is not -1. Array of MkLotStock. */
GArray *_mk_ledger_stock_by_lot (MkDatabase *db,
                                 gint64      location_id,
                                 gint64      item_id,
                                 gint64      grant_id,
                                 const char *date,
                                 GError    **error);

/* Writes the movements of posted document @document_id, dated @date:
 * refuses (naming item, lot, place and shortfall) any that would make a
 * balance negative, then inserts them and updates balances and monthly
 * totals. Call inside the posting transaction. */
gboolean _mk_ledger_apply (MkDatabase *db,
                           gint64      document_id,
                           const char *date,
                           GArray     *movements,
                           GError    **error);

/* The movements a posted document wrote, to reverse them. Array of MkMovement
 * whose category is "cancellation". */
GArray *_mk_ledger_document_movements (MkDatabase *db,
                                       gint64      document_id,
                                       GError    **error);

/* “HK-FAM, lot HK-22, grant ECHO-2026” / “…, unearmarked” for messages;
 * @lot_id and @grant_id -1 leave them out. */
char *_mk_ledger_describe_stock (MkDatabase *db,
                                 gint64      item_id,
                                 gint64      lot_id,
                                 gint64      grant_id);

/* "BEN-MAIN", "in transit on BEN-WB-2026-00001", for messages. */
char *_mk_ledger_describe_location (MkDatabase *db,
                                    gint64      location_id);

/* A key of the balances. */
typedef struct
{
  gint64 location_id;
  gint64 item_id;
  gint64 lot_id;
  gint64 grant_id;
} MkStockKey;

guint    _mk_ledger_stock_key_hash (gconstpointer key);
gboolean _mk_ledger_stock_key_equal (gconstpointer a,
                                     gconstpointer b);

/* Bulk posting (mk-ledger-bulk.c) ----------------------------------------- */

gboolean _mk_ledger_in_bulk (MkDatabase *db);

/* Memory that a module keeps during bulk posting, by @name (a string
 * literal that lives as long as the program): made by
 * @create on first use, freed by @destroy at the end, and forgotten (made
 * again) after a rollback or when master data a posting reads changes.
 * NULL outside bulk posting. */
gpointer _mk_ledger_bulk_cache (MkDatabase *db,
                                const char *name,
                                gpointer (*create) (void),
                                GDestroyNotify destroy);

/* In bulk: lots and locations found or made before (TRUE when known). */
gboolean _mk_ledger_bulk_known_lot (MkDatabase  *db,
                                    gint64       item_id,
                                    const char  *number,
                                    gint64      *lot_id,
                                    const char **expiry);
void     _mk_ledger_bulk_learn_lot (MkDatabase *db,
                                    gint64      item_id,
                                    const char *number,
                                    gint64      lot_id,
                                    const char *expiry);
gboolean _mk_ledger_bulk_known_location (MkDatabase    *db,
                                         MkLocationKind kind,
                                         gint64         owner_id,
                                         gint64        *location_id);
void     _mk_ledger_bulk_learn_location (MkDatabase    *db,
                                         MkLocationKind kind,
                                         gint64         owner_id,
                                         gint64         location_id);

/* In bulk: the first of @count movement ids. */
gint64 _mk_ledger_bulk_take_movement_ids (MkDatabase *db,
                                          guint       count);
/* In bulk: a posting's movements written on @date are held until the
 * posting is committed (settle: monthly totals, latest dates and balances
 * learn them) or rolled back (discard). Balances are written to their
 * table by write_balances(), at the end and before anything reads the
 * table directly. */
gboolean _mk_ledger_bulk_hold (MkDatabase *db,
                               const char *date,
                               GArray     *movements,
                               GError    **error);
void     _mk_ledger_bulk_settle (MkDatabase *db);
void     _mk_ledger_bulk_discard (MkDatabase *db);
gboolean _mk_ledger_bulk_write_balances (MkDatabase *db,
                                         GError    **error);
/* Only the balances of @location_id. */
gboolean _mk_ledger_bulk_write_balances_at (MkDatabase *db,
                                            gint64      location_id,
                                            GError    **error);
/* In bulk: whether @key may have moved after @date (FALSE when it is
 * known not to have). */
gboolean _mk_ledger_bulk_moved_after (MkDatabase       *db,
                                      const MkStockKey *key,
                                      const char       *date);
/* In bulk: _mk_ledger_quantity() and _mk_ledger_stock_by_lot() answered
 * from balances read once and kept in step. */
gboolean _mk_ledger_bulk_quantity (MkDatabase *db,
                                   gint64      location_id,
                                   gint64      item_id,
                                   gint64      lot_id,
                                   gint64      grant_id,
                                   gint64     *quantity,
                                   GError    **error);
GArray  *_mk_ledger_bulk_stock_by_lot (MkDatabase *db,
                                       gint64      location_id,
                                       gint64      item_id,
                                       gint64      grant_id,
                                       const char *date,
                                       GError    **error);

G_END_DECLS
