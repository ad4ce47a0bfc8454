/* mk-cli-demo-supply.c: what comes into the main warehouses — goods
 * received per grant when stock runs low, kits assembled from them — and
 * the transfer of a finished grant's stock to the grant that follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <string.h>

#include "mk-cli-demo-gen.h"

/* Months of dispatches a main warehouse keeps of a kit or loose item; of a
 * component, the share of its kits' stock it keeps (kitting is weekly). */
#define COVER_MONTHS 1.5
#define COMPONENT_COVER 0.75

gboolean
mk_demo_grant_buys (MkDemoGen *gen,
                    guint      grant)
{
  MkDemoGrantState *state = mk_demo_grant (gen, grant);

  return state->programme != NULL && strcmp (gen->date, state->start) >= 0
         && strcmp (gen->date, state->buy_until) <= 0;
}

static gboolean
contains (GArray *indices,
          guint   index)
{
  for (guint i = 0; i < indices->len; i++)
    if (g_array_index (indices, guint, i) == index)
      return TRUE;
  return FALSE;
}

gint64
mk_demo_target (MkDemoGen *gen,
                guint      warehouse,
                guint      item,
                guint      grant)
{
  MkDemoGrantState *state = mk_demo_grant (gen, grant);
  double            lines = MAX (1.0, gen->lines_per_key[warehouse]);
  double            target = 0;

  if (contains (state->kits, item) || contains (state->loose, item))
    target += mk_demo_item (gen, item)->line_quantity * lines * COVER_MONTHS;
  for (guint k = 0; k < state->kits->len; k++)
    {
      guint       kit = g_array_index (state->kits, guint, k);
      MkDemoItem *kit_item = mk_demo_item (gen, kit);

      for (guint c = 0; c < kit_item->bill->len; c++)
        {
          const MkDemoComponent *component = &g_array_index (kit_item->bill, MkDemoComponent, c);
          if (component->item == item)
            target += kit_item->line_quantity * lines * COVER_MONTHS * component->quantity * COMPONENT_COVER;
        }
    }
  return (gint64) target + ((double) (gint64) target < target);
}

/* Goods received ------------------------------------------------------------ */

static void
new_lot (MkDemoGen      *gen,
         MkDocumentLine *line,
         const MkDemoItem *item)
{
  GDate expiry = gen->day;
  guint months = item->shelf_life_months;

  /* Now and then a supplier delivers short-dated goods: they will expire
   * on the shelf and be written off. */
  if (mk_demo_chance (gen, 0.05))
    months = (guint) mk_demo_between (gen, 4, 9);
  g_date_add_months (&expiry, months);
  g_date_add_days (&expiry, (guint) mk_demo_between (gen, 0, 27));
  line->lot_number = g_strdup_printf ("L%02u%02u-%05u", g_date_get_year (&gen->day) % 100,
                                      g_date_get_month (&gen->day), ++gen->lot_serial);
  line->expiry_date = g_malloc (11);
  mk_demo_date_add (&expiry, 0, line->expiry_date);
}

/* What a goods received note wrote: each good quantity, and each damaged
 * one either to quarantine or received and written off. */
static gint64
grn_movements (MkDocument *document,
               gboolean    quarantine)
{
  GPtrArray *lines = mk_document_get_lines (document);
  gint64     n = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (lines, i);
      n += (line->quantity > 0) + (line->damaged > 0 ? (quarantine ? 1 : 2) : 0);
    }
  return n;
}

static MkDocument *
grn_new (MkDemoGen  *gen,
         guint       warehouse,
         guint       grant,
         GPtrArray  *lines,
         const char *reference,
         gboolean    quarantine,
         GError    **error)
{
  const MkDemoProgramme *programme = mk_demo_grant (gen, grant)->programme;
  MkDocument            *document;

  document = mk_demo_document_new (gen, MK_DOCUMENT_GRN, error,
                                   "warehouse", mk_demo_warehouse_codes[warehouse],
                                   "source", programme->source,
                                   "supplier", programme->supplier,
                                   "reference", reference,
                                   "damaged_handling", quarantine ? "quarantine" : "loss",
                                   NULL);
  if (document == NULL)
    return NULL;
  for (guint i = 0; i < lines->len; i++)
    mk_document_add_line (document, mk_document_line_copy (g_ptr_array_index (lines, i)));
  return document;
}

static gboolean
receive_goods (MkDemoGen *gen,
               guint      warehouse,
               guint      grant,
               GPtrArray *lines,
               GError   **error)
{
  gboolean         damaged = FALSE;
  gboolean         quarantine;
  g_autofree char *reference = NULL;
  g_autoptr (MkDocument) document = NULL;
  g_autoptr (MkDocument) twice = NULL;
  g_autoptr (MkDocument) cancellation = NULL;
  GPtrArray *posted;

  for (guint i = 0; i < lines->len; i++)
    damaged |= ((MkDocumentLine *) g_ptr_array_index (lines, i))->damaged > 0;
  quarantine = damaged && mk_demo_chance (gen, 0.25);
  reference = g_strdup_printf ("PO-%.4s-%04u", gen->date, ++gen->order_serial);
  document = grn_new (gen, warehouse, grant, lines, reference, quarantine, error);
  if (document == NULL || !mk_demo_post (gen, document, error))
    return FALSE;

  posted = mk_document_get_lines (document);
  for (guint i = 0; i < posted->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (posted, i);
      if (!mk_demo_stock_apply (gen, warehouse, line, line->quantity, error))
        return FALSE;
    }
  mk_demo_count (gen, grn_movements (document, quarantine));

  /* Once in a while the note is entered twice: the copy is cancelled. */
  if (gen->done || gen->cancellations >= gen->max_cancellations || !mk_demo_chance (gen, 0.01))
    return TRUE;
  twice = grn_new (gen, warehouse, grant, lines, reference, quarantine, error);
  if (twice == NULL || !mk_demo_post (gen, twice, error))
    return FALSE;
  mk_demo_count (gen, grn_movements (twice, quarantine));
  cancellation = mk_documents_cancel (gen->db, mk_document_get_number (twice), gen->date,
                                      mk_demo_cancel_reasons[2], error);
  if (cancellation == NULL)
    return FALSE;
  gen->documents++;
  gen->cancellations++;
  gen->lines += mk_document_get_lines (cancellation)->len;
  mk_demo_count (gen, mk_document_get_lines (cancellation)->len);
  return TRUE;
}

static gboolean
procure_for (MkDemoGen *gen,
             guint      warehouse,
             guint      grant,
             gboolean   restock,
             GError   **error)
{
  MkDemoGrantState *state = mk_demo_grant (gen, grant);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < state->components->len; i++)
    g_array_append_val (wanted, g_array_index (state->components, guint, i));
  for (guint i = 0; i < state->loose->len; i++)
    if (!contains (wanted, g_array_index (state->loose, guint, i)))
      g_array_append_val (wanted, g_array_index (state->loose, guint, i));

  for (guint i = 0; i < wanted->len; i++)
    {
      guint       index = g_array_index (wanted, guint, i);
      MkDemoItem *item = mk_demo_item (gen, index);
      gint64      target = mk_demo_target (gen, warehouse, index, grant);
      gint64      have = mk_demo_stock_usable (gen->stock, warehouse, index, grant, gen->date);
      gint64      quantity;
      MkDocumentLine *line;

      if (have >= target * (restock ? 0.9 : 0.4))
        continue;
      quantity = (target - have + item->pack_size - 1) / item->pack_size * item->pack_size;
      line = mk_demo_line_new (gen, index, NULL, NULL, grant, quantity);
      if (item->tracks_lots)
        new_lot (gen, line, item);
      /* Transport damage and short deliveries, as suppliers' trucks have. */
      if (quantity >= 100 && mk_demo_chance (gen, 0.04))
        line->damaged = mk_demo_between (gen, 1, quantity / 100);
      if (quantity >= 100 && mk_demo_chance (gen, 0.02))
        line->short_quantity = mk_demo_between (gen, 1, quantity / 50);
      line->quantity -= line->damaged + line->short_quantity;
      g_ptr_array_add (lines, line);
    }
  if (lines->len == 0)
    return TRUE;
  return receive_goods (gen, warehouse, grant, lines, error);
}

gboolean
mk_demo_procure (MkDemoGen *gen,
                 gboolean   restock,
                 GError   **error)
{
  for (guint w = 0; w < MK_DEMO_N_MAINS && !gen->done; w++)
    for (guint g = 0; g < gen->grants->len && !gen->done; g++)
      if ((mk_demo_grant (gen, g)->mains & (1u << w)) && mk_demo_grant_buys (gen, g)
          && !procure_for (gen, w, g, restock, error))
        return FALSE;
  return TRUE;
}

/* Kitting ---------------------------------------------------------------------- */

static gboolean
assemble (MkDemoGen *gen,
          guint      warehouse,
          guint      grant,
          guint      kit,
          GError   **error)
{
  MkDemoItem *item = mk_demo_item (gen, kit);
  gint64      target = mk_demo_target (gen, warehouse, kit, grant);
  gint64      have = mk_demo_stock_usable (gen->stock, warehouse, kit, grant, gen->date);
  gint64      kits = target - have;
  g_autofree char *count = NULL;
  g_autofree char *lot = NULL;
  g_autoptr (MkDocument) document = NULL;
  GPtrArray *posted;

  if (have >= target * 0.6)
    return TRUE;
  /* As many as the components allow: expired ones are never used. */
  for (guint c = 0; c < item->bill->len; c++)
    {
      const MkDemoComponent *component = &g_array_index (item->bill, MkDemoComponent, c);
      gint64 usable = mk_demo_stock_usable (gen->stock, warehouse, component->item, grant, gen->date);
      kits = MIN (kits, usable / component->quantity);
    }
  if (kits < 1)
    return TRUE;

  count = g_strdup_printf ("%" G_GINT64_FORMAT, kits);
  if (item->tracks_lots)
    lot = g_strdup_printf ("K%02u%02u-%05u", g_date_get_year (&gen->day) % 100,
                           g_date_get_month (&gen->day), ++gen->lot_serial);
  document = mk_demo_document_new (gen, MK_DOCUMENT_KITTING, error,
                                   "warehouse", mk_demo_warehouse_codes[warehouse],
                                   "kit", item->code,
                                   "kit_quantity", count,
                                   "grant", mk_demo_grant (gen, grant)->code,
                                   "lot", lot,
                                   NULL);
  if (document == NULL || !mk_demo_post (gen, document, error))
    return FALSE;

  /* Posting chose the components' lots: the lines say which. */
  posted = mk_document_get_lines (document);
  for (guint i = 0; i < posted->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (posted, i);
      if (!mk_demo_stock_apply (gen, warehouse, line, line->quantity, error))
        return FALSE;
    }
  mk_demo_count (gen, posted->len);
  return TRUE;
}

gboolean
mk_demo_assemble_kits (MkDemoGen *gen,
                       GError   **error)
{
  for (guint w = 0; w < MK_DEMO_N_MAINS && !gen->done; w++)
    for (guint g = 0; g < gen->grants->len && !gen->done; g++)
      {
        MkDemoGrantState *state = mk_demo_grant (gen, g);

        if (!(state->mains & (1u << w)) || state->programme == NULL
            || strcmp (gen->date, state->start) < 0 || strcmp (gen->date, state->kit_until) > 0)
          continue;
        for (guint k = 0; k < state->kits->len && !gen->done; k++)
          if (!assemble (gen, w, g, g_array_index (state->kits, guint, k), error))
            return FALSE;
      }
  return TRUE;
}

/* Transfers of ownership ------------------------------------------------------ */

static gboolean
hand_over_in (MkDemoGen *gen,
              guint      warehouse,
              guint      grant,
              GError   **error)
{
  MkDemoGrantState *state = mk_demo_grant (gen, grant);
  MkDemoGrantState *next = mk_demo_grant (gen, state->successor);
  g_autoptr (MkDocument) document = NULL;
  GPtrArray *posted;

  document = mk_demo_document_new (gen, MK_DOCUMENT_ADJUSTMENT, error,
                                   "warehouse", mk_demo_warehouse_codes[warehouse],
                                   "reason", "ownership_transfer",
                                   "notes", "The donor agreed that the stock left at the end of the grant serves its successor.",
                                   NULL);
  if (document == NULL)
    return FALSE;
  for (guint i = 0; i < gen->items->len; i++)
    {
      GArray *shelf = mk_demo_stock_shelf (gen->stock, warehouse, i);

      for (guint l = 0; l < shelf->len; l++)
        {
          const MkDemoLot *entry = &g_array_index (shelf, MkDemoLot, l);
          MkDocumentLine  *line;

          if (entry->grant != grant || entry->quantity <= 0)
            continue;
          line = mk_demo_line_new (gen, i, entry->lot, NULL, grant, entry->quantity);
          line->to_grant_code = g_strdup (next->code);
          mk_document_add_line (document, line);
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

      if (!mk_demo_stock_apply (gen, warehouse, line, -line->quantity, error))
        return FALSE;
      mk_demo_stock_add (gen->stock, warehouse, mk_demo_item_of (gen, line), line->lot_id,
                         line->lot_number, line->expiry_date, state->successor, line->quantity);
    }
  mk_demo_count (gen, 2 * (gint64) posted->len);
  return TRUE;
}

gboolean
mk_demo_hand_over (MkDemoGen *gen,
                   GError   **error)
{
  for (guint g = 1; g < gen->grants->len && !gen->done; g++)
    {
      MkDemoGrantState *state = mk_demo_grant (gen, g);

      if (state->handed_over || state->successor == 0 || strcmp (gen->date, state->hand_over_on) < 0
          || strcmp (gen->date, mk_demo_grant (gen, state->successor)->start) < 0)
        continue;
      for (guint w = 0; w < MK_DEMO_N_WAREHOUSES && !gen->done; w++)
        if (!hand_over_in (gen, w, g, error))
          return FALSE;
      state->handed_over = TRUE;
    }
  return TRUE;
}
