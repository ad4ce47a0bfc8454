/* mk-cli-demo-stores.c: the storekeeper's month and quarter ends — loss
 * reports for expired lots and the odd damaged or lost goods, and
 * quarterly stock counts that find small differences.
 *
 * A count is also the generator's check on itself: posting fills each
 * line's book quantity from the ledger, which must be what the generator
 * believed was there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <string.h>

#include "mk-cli-demo-gen.h"

/* Lines of a count that find a difference, and their direction. */
#define COUNT_SHORT 0.04
#define COUNT_OVER 0.01

/* Applies the lines of a posted adjustment (signed quantities) and counts
 * one movement each. */
static gboolean
apply_adjustment (MkDemoGen  *gen,
                  guint       warehouse,
                  MkDocument *document,
                  GError    **error)
{
  GPtrArray *posted = mk_document_get_lines (document);

  for (guint i = 0; i < posted->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (posted, i);
      if (!mk_demo_stock_apply (gen, warehouse, line, line->quantity, error))
        return FALSE;
    }
  mk_demo_count (gen, posted->len);
  return TRUE;
}

static gboolean
count_warehouse (MkDemoGen *gen,
                 guint      warehouse,
                 GError   **error)
{
  g_autoptr (MkDocument) document = NULL;
  GPtrArray *posted;
  gint64     differences = 0;

  document = mk_demo_document_new (gen, MK_DOCUMENT_COUNT, error,
                                   "warehouse", mk_demo_warehouse_codes[warehouse],
                                   "notes", "Quarterly physical count.",
                                   NULL);
  if (document == NULL)
    return FALSE;
  for (guint i = 0; i < gen->items->len; i++)
    {
      GArray *shelf = mk_demo_stock_shelf (gen->stock, warehouse, i);

      for (guint l = 0; l < shelf->len; l++)
        {
          const MkDemoLot *entry = &g_array_index (shelf, MkDemoLot, l);
          gint64           counted = entry->quantity;

          if (mk_demo_chance (gen, COUNT_SHORT))
            counted -= mk_demo_between (gen, 1, MAX (1, entry->quantity / 50));
          else if (mk_demo_chance (gen, COUNT_OVER))
            counted += mk_demo_between (gen, 1, 3);
          mk_document_add_line (document, mk_demo_line_new (gen, i, entry->lot, NULL, entry->grant,
                                                            MAX (counted, 0)));
        }
    }
  if (mk_document_get_lines (document)->len == 0)
    return TRUE;
  if (!mk_demo_post (gen, document, error))
    return FALSE;

  posted = mk_document_get_lines (document);
  for (guint i = 0; i < posted->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (posted, i);
      gint64 believed = mk_demo_stock_get (gen->stock, warehouse, mk_demo_item_of (gen, line),
                                           line->lot_id, mk_demo_grant_of (gen, line));

      if (line->expected != believed)
        {
          g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                       "demo generator: on %s the books had %" G_GINT64_FORMAT " of %s, lot %s, in %s; "
                       "the generator believed %" G_GINT64_FORMAT,
                       gen->date, line->expected, line->item_code,
                       line->lot_number ? line->lot_number : "-",
                       mk_demo_warehouse_codes[warehouse], believed);
          return FALSE;
        }
      if (line->quantity != line->expected)
        {
          differences++;
          if (!mk_demo_stock_apply (gen, warehouse, line, line->quantity - line->expected, error))
            return FALSE;
        }
    }
  mk_demo_count (gen, differences);
  return TRUE;
}

gboolean
mk_demo_count_stock (MkDemoGen *gen,
                     GError   **error)
{
  for (guint w = 0; w < MK_DEMO_N_WAREHOUSES && !gen->done; w++)
    if (!count_warehouse (gen, w, error))
      return FALSE;
  return TRUE;
}

/* Losses --------------------------------------------------------------------- */

static gboolean
write_off_expired (MkDemoGen *gen,
                   guint      warehouse,
                   GError   **error)
{
  g_autoptr (MkDocument) document = mk_demo_document_new (gen, MK_DOCUMENT_ADJUSTMENT, error,
                                                          "warehouse", mk_demo_warehouse_codes[warehouse],
                                                          "reason", "expired",
                                                          "notes", "Expired lots found at the month-end check, destroyed.",
                                                          NULL);

  if (document == NULL)
    return FALSE;
  for (guint i = 0; i < gen->items->len; i++)
    {
      GArray *shelf = mk_demo_stock_shelf (gen->stock, warehouse, i);

      for (guint l = 0; l < shelf->len; l++)
        {
          const MkDemoLot *entry = &g_array_index (shelf, MkDemoLot, l);
          if (entry->expiry[0] != '\0' && strcmp (entry->expiry, gen->date) < 0 && entry->quantity > 0)
            mk_document_add_line (document, mk_demo_line_new (gen, i, entry->lot, NULL, entry->grant,
                                                              -entry->quantity));
        }
    }
  if (mk_document_get_lines (document)->len == 0)
    return TRUE;
  return mk_demo_post (gen, document, error) && apply_adjustment (gen, warehouse, document, error);
}

/* A few lots damaged (a leaking roof, rodents) or lost. */
static gboolean
write_off_some (MkDemoGen  *gen,
                guint       warehouse,
                const char *reason,
                const char *notes,
                guint       n_lines,
                gint64      share,
                GError    **error)
{
  g_autoptr (MkDocument) document = mk_demo_document_new (gen, MK_DOCUMENT_ADJUSTMENT, error,
                                                          "warehouse", mk_demo_warehouse_codes[warehouse],
                                                          "reason", reason, "notes", notes, NULL);
  g_autoptr (GHashTable) taken = g_hash_table_new (NULL, NULL);

  if (document == NULL)
    return FALSE;
  for (guint n = 0; n < n_lines * 4 && mk_document_get_lines (document)->len < n_lines; n++)
    {
      guint            item = (guint) mk_demo_between (gen, 0, gen->items->len - 1);
      GArray          *shelf = mk_demo_stock_shelf (gen->stock, warehouse, item);
      const MkDemoLot *entry;

      if (shelf->len == 0 || g_hash_table_contains (taken, GUINT_TO_POINTER (item + 1)))
        continue;
      entry = &g_array_index (shelf, MkDemoLot, mk_demo_between (gen, 0, shelf->len - 1));
      g_hash_table_add (taken, GUINT_TO_POINTER (item + 1));
      mk_document_add_line (document, mk_demo_line_new (gen, item, entry->lot, NULL, entry->grant,
                                                        -mk_demo_between (gen, 1, MAX (1, entry->quantity / share))));
    }
  if (mk_document_get_lines (document)->len == 0)
    return TRUE;
  return mk_demo_post (gen, document, error) && apply_adjustment (gen, warehouse, document, error);
}

gboolean
mk_demo_write_off (MkDemoGen *gen,
                   GError   **error)
{
  for (guint w = 0; w < MK_DEMO_N_WAREHOUSES && !gen->done; w++)
    {
      if (!write_off_expired (gen, w, error))
        return FALSE;
      if (!gen->done && mk_demo_chance (gen, 0.35)
          && !write_off_some (gen, w, "damaged", "Damaged in storage: water from the roof, torn cartons.",
                              (guint) mk_demo_between (gen, 1, 3), 100, error))
        return FALSE;
      if (!gen->done && mk_demo_chance (gen, 0.04)
          && !write_off_some (gen, w, "lost", "Not found at the month-end check; reported to security.",
                              1, 200, error))
        return FALSE;
    }
  return TRUE;
}
