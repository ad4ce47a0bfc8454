/* mk-cli-demo-dispatch.c: waybills along the mission's routes, their
 * receptions a few days later (some with damaged or short lines, some
 * damaged goods kept in quarantine), and the odd waybill cancelled because
 * the truck never left.
 *
 * A waybill takes what the origin holds, first expiry first out, never an
 * expired lot, one line per lot so that the reception can name it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <string.h>

#include "mk-cli-demo-gen.h"

/* One waybill in this many is cancelled the day it was written. */
#define CANCELLED_ONE_IN 300
/* Receptions with a damaged or short line. */
#define RECEPTION_ISSUES 0.06

void
mk_demo_pending_free (MkDemoPending *pending)
{
  g_free (pending->number);
  g_ptr_array_unref (pending->lines);
  g_free (pending);
}

static guint
warehouse_index (const char *code)
{
  for (guint w = 0; w < MK_DEMO_N_WAREHOUSES; w++)
    if (g_str_equal (mk_demo_warehouse_codes[w], code))
      return w;
  g_error ("demo data: no warehouse %s", code);
}

static const MkDemoRoute *
draw_route (MkDemoGen *gen)
{
  guint total = 0, pick;

  for (guint r = 0; r < mk_demo_n_routes; r++)
    total += mk_demo_routes[r].weight;
  pick = (guint) mk_demo_between (gen, 0, total - 1);
  for (guint r = 0; r < mk_demo_n_routes; r++)
    {
      if (pick < mk_demo_routes[r].weight)
        return &mk_demo_routes[r];
      pick -= mk_demo_routes[r].weight;
    }
  return &mk_demo_routes[mk_demo_n_routes - 1];
}

typedef struct
{
  guint  item;
  guint  grant;
  gint64 usable;
} Candidate;

/* What the origin can send today: a main warehouse sends kits and loose
 * items (components wait for kitting), a field store anything it holds. */
static GArray *
candidates (MkDemoGen *gen,
            guint      origin)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint i = 0; i < gen->items->len; i++)
    {
      GArray *shelf;

      if (origin < MK_DEMO_N_MAINS && !mk_demo_item (gen, i)->dispatched)
        continue;
      shelf = mk_demo_stock_shelf (gen->stock, origin, i);
      for (guint l = 0; l < shelf->len; l++)
        {
          const MkDemoLot *entry = &g_array_index (shelf, MkDemoLot, l);
          Candidate        candidate = { i, entry->grant, 0 };
          gboolean         seen = FALSE;

          for (guint c = 0; c < found->len && !seen; c++)
            seen = g_array_index (found, Candidate, c).item == i && g_array_index (found, Candidate, c).grant == entry->grant;
          if (seen)
            continue;
          candidate.usable = mk_demo_stock_usable (gen->stock, origin, i, entry->grant, gen->date);
          if (candidate.usable > 0)
            g_array_append_val (found, candidate);
        }
    }
  return found;
}

/* How much of an item one line carries: a field store is restocked for
 * weeks, a site served for days; never all the origin has. */
static gint64
line_quantity (MkDemoGen         *gen,
               const MkDemoRoute *route,
               guint              origin,
               const Candidate   *candidate)
{
  const MkDemoItem *item = mk_demo_item (gen, candidate->item);
  double            usual = (double) item->line_quantity;
  double            quantity, cap;

  if (origin < MK_DEMO_N_MAINS && route->to_kind == MK_DEMO_TO_WAREHOUSE)
    quantity = usual * (1.0 + 2.0 * g_rand_double (gen->rand)), cap = candidate->usable * 0.5;
  else if (origin < MK_DEMO_N_MAINS)
    quantity = usual * (0.3 + 0.9 * g_rand_double (gen->rand)), cap = candidate->usable * 0.35;
  else
    quantity = usual * (0.2 + 0.6 * g_rand_double (gen->rand)), cap = candidate->usable * 0.6;
  quantity = MIN (quantity, cap);
  if (quantity >= 2.0 * item->pack_size)
    quantity = (double) ((gint64) quantity / item->pack_size * item->pack_size);
  return CLAMP ((gint64) quantity, 1, candidate->usable);
}

/* The next working day at or after @date plus @days. */
static void
arrival (MkDemoGen *gen,
         guint      days,
         char       due[11])
{
  GDate day = gen->day;

  g_date_add_days (&day, days);
  while (g_date_get_weekday (&day) == G_DATE_FRIDAY || g_date_get_weekday (&day) == G_DATE_SATURDAY)
    g_date_add_days (&day, 1);
  mk_demo_date_add (&day, 0, due);
}

static void
expect_reception (MkDemoGen         *gen,
                  const MkDemoRoute *route,
                  MkDocument        *waybill,
                  const char        *due)
{
  MkDemoPending *pending = g_new0 (MkDemoPending, 1);
  GPtrArray     *lines = mk_document_get_lines (waybill);
  guint          at = gen->pending->len;

  g_strlcpy (pending->due, due, sizeof pending->due);
  pending->number = g_strdup (mk_document_get_number (waybill));
  pending->to_kind = route->to_kind;
  pending->to = route->to;
  if (route->to_kind == MK_DEMO_TO_WAREHOUSE)
    pending->to_warehouse = warehouse_index (route->to);
  pending->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (pending->lines, mk_document_line_copy (g_ptr_array_index (lines, i)));

  /* After every reception due the same day or earlier. */
  while (at > 0 && strcmp (((MkDemoPending *) g_ptr_array_index (gen->pending, at - 1))->due, due) > 0)
    at--;
  g_ptr_array_insert (gen->pending, (gint) at, pending);
  gen->pending_movements += 2 * (gint64) lines->len;
}

static gboolean
cancel_waybill (MkDemoGen  *gen,
                guint       origin,
                MkDocument *waybill,
                GError    **error)
{
  const char *reason = mk_demo_cancel_reasons[mk_demo_between (gen, 0, 1)];
  g_autoptr (MkDocument) cancellation = mk_documents_cancel (gen->db, mk_document_get_number (waybill),
                                                            gen->date, reason, error);
  GPtrArray *lines = mk_document_get_lines (waybill);

  if (cancellation == NULL)
    return FALSE;
  gen->documents++;
  gen->cancellations++;
  gen->lines += mk_document_get_lines (cancellation)->len;
  for (guint i = 0; i < lines->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (lines, i);
      if (!mk_demo_stock_apply (gen, origin, line, line->quantity, error))
        return FALSE;
    }
  mk_demo_count (gen, mk_document_get_lines (cancellation)->len);
  return TRUE;
}

gboolean
mk_demo_dispatch (MkDemoGen *gen,
                  gboolean  *sent,
                  GError   **error)
{
  const MkDemoRoute       *route = draw_route (gen);
  const MkDemoTransporter *transporter = &mk_demo_transporters[mk_demo_between (gen, 0, mk_demo_n_transporters - 1)];
  guint                    origin = warehouse_index (route->from);
  guint                    days = (guint) mk_demo_between (gen, route->min_days, route->max_days);
  g_autoptr (GArray) found = candidates (gen, origin);
  g_autoptr (GArray) picked = g_array_new (FALSE, FALSE, sizeof (MkDemoLot));
  g_autoptr (MkDocument) waybill = NULL;
  g_autofree char *parcels = NULL;
  char             due[11];
  guint            n_lines;
  gint64           n_parcels = 0;
  GPtrArray       *posted;

  *sent = FALSE;
  if (found->len == 0)
    return TRUE;
  arrival (gen, days, due);
  waybill = mk_demo_document_new (gen, MK_DOCUMENT_WAYBILL, error,
                                  "warehouse", route->from,
                                  route->to_kind == MK_DEMO_TO_WAREHOUSE ? "to_warehouse"
                                  : route->to_kind == MK_DEMO_TO_SITE    ? "to_site"
                                                                         : "to_partner",
                                  route->to,
                                  "transport_mode", "road",
                                  "transporter", transporter->company,
                                  "vehicle", transporter->vehicle,
                                  "plate", transporter->plate,
                                  "driver", transporter->driver,
                                  "driver_phone", transporter->phone,
                                  "expected_date", due,
                                  NULL);
  if (waybill == NULL)
    return FALSE;

  /* Lines drawn without repeating an item of a grant, split by lot. */
  n_lines = (guint) mk_demo_between (gen, route->min_lines, route->max_lines);
  for (guint n = 0; n < n_lines && n < found->len; n++)
    {
      guint            swap = n + (guint) mk_demo_between (gen, 0, found->len - 1 - n);
      Candidate        candidate = g_array_index (found, Candidate, swap);
      const MkDemoItem *item = mk_demo_item (gen, candidate.item);
      gint64           quantity = line_quantity (gen, route, origin, &candidate);

      g_array_index (found, Candidate, swap) = g_array_index (found, Candidate, n);
      g_array_index (found, Candidate, n) = candidate;
      g_array_set_size (picked, 0);
      mk_demo_stock_pick (gen->stock, origin, candidate.item, candidate.grant, quantity, gen->date, picked);
      for (guint l = 0; l < picked->len; l++)
        {
          const MkDemoLot *lot = &g_array_index (picked, MkDemoLot, l);
          mk_document_add_line (waybill, mk_demo_line_new (gen, candidate.item, lot->lot, NULL,
                                                           candidate.grant, lot->quantity));
        }
      n_parcels += (quantity + item->pack_size - 1) / item->pack_size;
    }
  parcels = g_strdup_printf ("%" G_GINT64_FORMAT, MIN (n_parcels, 1000000));
  if (!mk_record_set_text (mk_document_get_header (waybill), "parcels", parcels, error)
      || !mk_demo_post (gen, waybill, error))
    return FALSE;

  posted = mk_document_get_lines (waybill);
  for (guint i = 0; i < posted->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (posted, i);
      if (!mk_demo_stock_apply (gen, origin, line, -line->quantity, error))
        return FALSE;
    }
  mk_demo_count (gen, 2 * (gint64) posted->len);
  *sent = TRUE;

  if (!gen->done && gen->cancellations < gen->max_cancellations
      && mk_demo_between (gen, 1, CANCELLED_ONE_IN) == 1)
    return cancel_waybill (gen, origin, waybill, error);
  expect_reception (gen, route, waybill, due);
  return TRUE;
}

/* Receptions ------------------------------------------------------------------- */

static gboolean
receive (MkDemoGen     *gen,
         MkDemoPending *pending,
         GError       **error)
{
  gboolean to_warehouse = pending->to_kind == MK_DEMO_TO_WAREHOUSE;
  gboolean issues = mk_demo_chance (gen, RECEPTION_ISSUES);
  gboolean quarantine = to_warehouse && issues && mk_demo_chance (gen, 0.3);
  g_autoptr (MkDocument) reception = NULL;
  GPtrArray *posted;
  gint64     movements = 0;

  reception = mk_demo_document_new (gen, MK_DOCUMENT_RECEPTION, error,
                                    "waybill", pending->number,
                                    "damaged_handling", quarantine ? "quarantine" : "loss",
                                    NULL);
  if (reception == NULL)
    return FALSE;
  for (guint i = 0; i < pending->lines->len; i++)
    {
      const MkDocumentLine *sent = g_ptr_array_index (pending->lines, i);
      MkDocumentLine       *line = mk_document_line_new (sent->item_code, sent->quantity);

      line->lot_number = g_strdup (sent->lot_number);
      line->grant_code = g_strdup (sent->grant_code);
      /* A torn carton, a few pieces missing. */
      if (issues && sent->quantity >= 4 && mk_demo_chance (gen, 0.4))
        line->damaged = mk_demo_between (gen, 1, sent->quantity / 4);
      if (issues && sent->quantity - line->damaged >= 4 && mk_demo_chance (gen, 0.2))
        line->short_quantity = mk_demo_between (gen, 1, (sent->quantity - line->damaged) / 4);
      line->quantity -= line->damaged + line->short_quantity;
      mk_document_add_line (reception, line);
    }
  if (!mk_demo_post (gen, reception, error))
    return FALSE;

  posted = mk_document_get_lines (reception);
  for (guint i = 0; i < posted->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (posted, i);

      movements += (line->quantity > 0 ? 2 : 0) + (line->damaged > 0 ? (quarantine ? 2 : 1) : 0)
                   + (line->short_quantity > 0 ? 1 : 0);
      if (to_warehouse && line->quantity > 0
          && !mk_demo_stock_apply (gen, pending->to_warehouse, line, line->quantity, error))
        return FALSE;
    }
  gen->pending_movements -= 2 * (gint64) pending->lines->len;
  mk_demo_count (gen, movements);
  /* What reaches a site is given out there in the days that follow. */
  return pending->to_kind != MK_DEMO_TO_SITE || mk_demo_people_received (gen, pending->to, reception, error);
}

gboolean
mk_demo_receive_due (MkDemoGen *gen,
                     GError   **error)
{
  while (!gen->done && gen->pending->len > 0)
    {
      MkDemoPending *pending = g_ptr_array_index (gen->pending, 0);

      if (strcmp (pending->due, gen->date) > 0)
        break;
      pending = g_ptr_array_steal_index (gen->pending, 0);
      if (!receive (gen, pending, error))
        {
          mk_demo_pending_free (pending);
          return FALSE;
        }
      mk_demo_pending_free (pending);
    }
  return TRUE;
}
