/* mk-cli-demo-stock.h: the demo generator's picture of the usable stock in
 * each warehouse, per item, lot and grant.
 *
 * It is filled only from what posted documents say they did (the lines
 * that mk_documents_post() hands back), so it is the ledger's stock as the
 * core wrote it; the generator sizes every dispatch, kitting and loss from
 * it, so that no posting is refused. Stock counts compare it with the
 * core's book quantities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One lot of one grant of one item on a warehouse's shelves. */
typedef struct
{
  gint64      lot_id;     /* 0: no lot */
  const char *lot;        /* NULL: no lot; owned by the MkDemoStock */
  char        expiry[11]; /* "": does not expire */
  guint       grant;      /* 0: unearmarked; else the caller's grant index + 1 */
  gint64      quantity;
} MkDemoLot;

typedef struct _MkDemoStock MkDemoStock;

MkDemoStock *mk_demo_stock_new    (guint n_warehouses,
                                   guint n_items);
void         mk_demo_stock_free   (MkDemoStock *stock);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkDemoStock, mk_demo_stock_free)

/* Changes the quantity of a lot (creating it at first sight). Returns FALSE
 * if it would fall below zero, which means the picture is wrong. */
gboolean     mk_demo_stock_add    (MkDemoStock *stock,
                                   guint        warehouse,
                                   guint        item,
                                   gint64       lot_id,
                                   const char  *lot,
                                   const char  *expiry,
                                   guint        grant,
                                   gint64       delta);
/* The quantity of one lot and grant; 0 when unknown. */
gint64       mk_demo_stock_get    (MkDemoStock *stock,
                                   guint        warehouse,
                                   guint        item,
                                   gint64       lot_id,
                                   guint        grant);
/* What can go out on @date: lots not expired before it (all lots when @date
 * is NULL), of @grant (G_MAXUINT: every grant). */
gint64       mk_demo_stock_usable (MkDemoStock *stock,
                                   guint        warehouse,
                                   guint        item,
                                   guint        grant,
                                   const char  *date);
/* The lots of an item in a warehouse, quantity 0 included (array of
 * MkDemoLot owned by @stock; valid until the next change). */
GArray      *mk_demo_stock_shelf  (MkDemoStock *stock,
                                   guint        warehouse,
                                   guint        item);
/* Lots to take @quantity of @item and @grant from, first expiry first out,
 * none expired before @date: fills @picked (MkDemoLot, quantity = what to
 * take) and returns the total found, which may be less than asked. */
gint64       mk_demo_stock_pick   (MkDemoStock *stock,
                                   guint        warehouse,
                                   guint        item,
                                   guint        grant,
                                   gint64       quantity,
                                   const char  *date,
                                   GArray      *picked);

G_END_DECLS
