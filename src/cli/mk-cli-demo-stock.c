/* mk-cli-demo-stock.c: the demo generator's picture of the usable stock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <string.h>

#include "mk-cli-demo-stock.h"

struct _MkDemoStock
{
  guint         n_warehouses;
  guint         n_items;
  GArray      **shelves; /* n_warehouses × n_items arrays of MkDemoLot */
  GStringChunk *lots;
};

MkDemoStock *
mk_demo_stock_new (guint n_warehouses,
                   guint n_items)
{
  MkDemoStock *stock = g_new0 (MkDemoStock, 1);

  stock->n_warehouses = n_warehouses;
  stock->n_items = n_items;
  stock->shelves = g_new0 (GArray *, (gsize) n_warehouses * n_items);
  for (guint i = 0; i < n_warehouses * n_items; i++)
    stock->shelves[i] = g_array_new (FALSE, TRUE, sizeof (MkDemoLot));
  stock->lots = g_string_chunk_new (4096);
  return stock;
}

void
mk_demo_stock_free (MkDemoStock *stock)
{
  if (stock == NULL)
    return;
  for (guint i = 0; i < stock->n_warehouses * stock->n_items; i++)
    g_array_unref (stock->shelves[i]);
  g_free (stock->shelves);
  g_string_chunk_free (stock->lots);
  g_free (stock);
}

GArray *
mk_demo_stock_shelf (MkDemoStock *stock,
                     guint        warehouse,
                     guint        item)
{
  g_assert (warehouse < stock->n_warehouses && item < stock->n_items);
  return stock->shelves[warehouse * stock->n_items + item];
}

static MkDemoLot *
find (GArray *shelf,
      gint64  lot_id,
      guint   grant)
{
  for (guint i = 0; i < shelf->len; i++)
    {
      MkDemoLot *entry = &g_array_index (shelf, MkDemoLot, i);
      if (entry->lot_id == lot_id && entry->grant == grant)
        return entry;
    }
  return NULL;
}

gboolean
mk_demo_stock_add (MkDemoStock *stock,
                   guint        warehouse,
                   guint        item,
                   gint64       lot_id,
                   const char  *lot,
                   const char  *expiry,
                   guint        grant,
                   gint64       delta)
{
  GArray *shelf = mk_demo_stock_shelf (stock, warehouse, item);
  MkDemoLot *entry = find (shelf, lot_id, grant);

  if (entry == NULL)
    {
      MkDemoLot fresh = { lot_id, NULL, "", grant, 0 };

      if (lot_id != 0 && lot != NULL)
        fresh.lot = g_string_chunk_insert_const (stock->lots, lot);
      if (expiry != NULL)
        g_strlcpy (fresh.expiry, expiry, sizeof fresh.expiry);
      g_array_append_val (shelf, fresh);
      entry = &g_array_index (shelf, MkDemoLot, shelf->len - 1);
    }
  if (entry->quantity + delta < 0)
    return FALSE;
  entry->quantity += delta;
  /* Lots used up leave the shelf: it stays short. */
  if (entry->quantity == 0)
    g_array_remove_index (shelf, (guint) (entry - &g_array_index (shelf, MkDemoLot, 0)));
  return TRUE;
}

gint64
mk_demo_stock_get (MkDemoStock *stock,
                   guint        warehouse,
                   guint        item,
                   gint64       lot_id,
                   guint        grant)
{
  MkDemoLot *entry = find (mk_demo_stock_shelf (stock, warehouse, item), lot_id, grant);
  return entry != NULL ? entry->quantity : 0;
}

static gboolean
usable (const MkDemoLot *entry,
        guint            grant,
        const char      *date)
{
  return entry->quantity > 0 && (grant == G_MAXUINT || entry->grant == grant)
         && (date == NULL || entry->expiry[0] == '\0' || strcmp (entry->expiry, date) >= 0);
}

gint64
mk_demo_stock_usable (MkDemoStock *stock,
                      guint        warehouse,
                      guint        item,
                      guint        grant,
                      const char  *date)
{
  GArray *shelf = mk_demo_stock_shelf (stock, warehouse, item);
  gint64 total = 0;

  for (guint i = 0; i < shelf->len; i++)
    {
      const MkDemoLot *entry = &g_array_index (shelf, MkDemoLot, i);
      if (usable (entry, grant, date))
        total += entry->quantity;
    }
  return total;
}

/* The core's order: lots with an expiry date by date, then the rest, each
 * oldest lot first. */
static gint
fefo_compare (gconstpointer a,
              gconstpointer b)
{
  const MkDemoLot *x = a, *y = b;

  if ((x->expiry[0] == '\0') != (y->expiry[0] == '\0'))
    return x->expiry[0] == '\0' ? 1 : -1;
  if (strcmp (x->expiry, y->expiry) != 0)
    return strcmp (x->expiry, y->expiry);
  if (x->lot_id != y->lot_id)
    return x->lot_id < y->lot_id ? -1 : 1;
  return x->grant < y->grant ? -1 : x->grant > y->grant;
}

gint64
mk_demo_stock_pick (MkDemoStock *stock,
                    guint        warehouse,
                    guint        item,
                    guint        grant,
                    gint64       quantity,
                    const char  *date,
                    GArray      *picked)
{
  GArray *shelf = mk_demo_stock_shelf (stock, warehouse, item);
  gint64 found = 0;
  guint first = picked->len;

  for (guint i = 0; i < shelf->len; i++)
    {
      const MkDemoLot *entry = &g_array_index (shelf, MkDemoLot, i);
      if (usable (entry, grant, date))
        g_array_append_val (picked, *entry);
    }
  if (picked->len - first > 1)
    qsort (&g_array_index (picked, MkDemoLot, first), picked->len - first, sizeof (MkDemoLot),
           fefo_compare);

  for (guint i = first; i < picked->len; i++)
    {
      MkDemoLot *entry = &g_array_index (picked, MkDemoLot, i);

      if (found == quantity)
        {
          g_array_set_size (picked, i);
          break;
        }
      entry->quantity = MIN (entry->quantity, quantity - found);
      found += entry->quantity;
    }
  return found;
}
