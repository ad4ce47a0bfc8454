/* mk-cli-demo-counted.c: distributions to people counted by sex and age,
 * in the demo mission.
 *
 * A round takes a share of the site's usable stock, item by item and grant
 * by grant; at detention centres and disembarkation points the people
 * present or just landed, at urban sites the families counted at the door
 * after the household lists. What a centre cannot use goes back to the
 * warehouse that sent it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <string.h>

#include "mk-cli-demo-people.h"

/* Sexes and ages ------------------------------------------------------------ */

/* Detention: adult men nearly all, a women's section, a few minors. */
const Profile mk_demo_profile_detention = { 0.3, 0.3, 0.8, 6.5, 0.1, 0.4, 0.4, 3.2, 87.8, 0.2 };
/* Disembarkation: DTM Libya, adult men 78 %, women 11 %, children 11 %. */
const Profile mk_demo_profile_disembarkation = { 1.2, 1.0, 1.5, 11.0, 0.2, 1.4, 1.2, 4.3, 77.9, 0.3 };
/* Families of the urban communities and shelters. */
const Profile        mk_demo_profile_community = { 7, 9, 7, 24, 4, 7, 9, 7, 20, 6 };
static const Profile profile_women = { 0, 0, 15, 80, 5, 0, 0, 0, 0, 0 };
static const Profile profile_infants = { 49, 0, 0, 0, 0, 51, 0, 0, 0, 0 };

/* A lot that expires within this many days goes out whole. */
#define EXPIRING_DAYS 45
/* People per "household" of an item given out by head count. */
#define PEOPLE_PER_GROUP 4
#define PEOPLE_PER_FAMILY 5

static Target
basis_target (Basis basis)
{
  return basis == BASIS_WOMAN ? TARGET_WOMEN : basis == BASIS_INFANT ? TARGET_INFANTS
                                                                     : TARGET_ALL;
}

/* Spreads @total people over the ten cells by @profile. */
void
mk_demo_allocate_counts (MkDemoGen      *gen,
                         gint64          total,
                         const Profile   profile,
                         MkPeopleCounts *counts)
{
  gint64 cells[2 * MK_N_AGE_BANDS] = { 0 };
  guint  weights[2 * MK_N_AGE_BANDS];
  double sum = 0;
  gint64 given = 0;

  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    sum += profile[c];
  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    {
      cells[c] = (gint64) ((double) total * profile[c] / sum); /* ≥ 0: truncated is floored */
      given += cells[c];
      weights[c] = (guint) (profile[c] * 10);
    }
  while (given < total)
    {
      cells[mk_demo_draw_weighted (gen, weights, G_N_ELEMENTS (weights))]++;
      given++;
    }
  memset (counts, 0, sizeof *counts);
  for (guint b = 0; b < MK_N_AGE_BANDS; b++)
    {
      counts->female[b] = cells[b];
      counts->male[b] = cells[MK_N_AGE_BANDS + b];
    }
  counts->total = total;
}

/* Persons with disability, unaccompanied children and households, as a
 * setting has them. */
void
mk_demo_complete_counts (MkDemoGen      *gen,
                         Setting         setting,
                         MkPeopleCounts *counts)
{
  gint64 children = 0;

  for (guint b = MK_AGE_0_4; b <= MK_AGE_12_17; b++)
    children += counts->female[b] + counts->male[b];
  counts->disabled = (gint64) ((double) counts->total * mk_demo_uniform (gen, 0.01, 0.04));
  if (setting == SETTING_DETENTION || setting == SETTING_DISEMBARKATION)
    /* DTM Libya: a third of the children travel alone. */
    counts->unaccompanied = (gint64) ((double) (counts->female[MK_AGE_12_17] + counts->male[MK_AGE_12_17] + counts->male[MK_AGE_5_11]) * mk_demo_uniform (gen, 0.3, 0.6));
  else
    counts->households = MAX (1, counts->total / PEOPLE_PER_FAMILY);
  counts->unaccompanied = MIN (counts->unaccompanied, children);
  counts->households = MIN (counts->households, counts->total);
}

/* What a round gives out --------------------------------------------------------- */

gboolean
mk_demo_expires_soon (MkDemoGen *gen,
                      guint      site,
                      guint      item,
                      guint      grant)
{
  GArray *shelf = mk_demo_stock_shelf (gen->people->stock, site, item);
  char    soon[11];

  mk_demo_date_add (&gen->day, EXPIRING_DAYS, soon);
  for (guint l = 0; l < shelf->len; l++)
    {
      const MkDemoLot *entry = &g_array_index (shelf, MkDemoLot, l);
      if (entry->grant == grant && entry->quantity > 0 && entry->expiry[0] != '\0' && strcmp (entry->expiry, soon) <= 0)
        return TRUE;
    }
  return FALSE;
}

/* The site's usable stock, item by item and grant by grant, with a share
 * of each for today: small quantities wait for the @last round, which
 * takes them whole, and lots close to expiry go out whole. */
GArray *
mk_demo_pools_of (MkDemoGen *gen,
                  guint      site,
                  gboolean   last,
                  double     low,
                  double     high)
{
  GArray *pools = g_array_new (FALSE, TRUE, sizeof (Pool));

  for (guint i = 0; i < gen->items->len; i++)
    {
      GArray *shelf = mk_demo_stock_shelf (gen->people->stock, site, i);

      for (guint l = 0; l < shelf->len; l++)
        {
          const MkDemoLot *entry = &g_array_index (shelf, MkDemoLot, l);
          Pool             pool = { i, entry->grant, 0, 0, 0, FALSE };
          gboolean         seen = FALSE;

          for (guint p = 0; p < pools->len && !seen; p++)
            seen = g_array_index (pools, Pool, p).item == i && g_array_index (pools, Pool, p).grant == entry->grant;
          if (seen)
            continue;
          pool.usable = mk_demo_stock_usable (gen->people->stock, site, i, entry->grant, gen->date);
          if (pool.usable <= 0)
            continue;
          pool.expiring = mk_demo_expires_soon (gen, site, i, entry->grant);
          if (pool.expiring || (last && pool.usable <= 3))
            pool.budget = pool.usable;
          else if (!last && pool.usable < SMALL_POOL)
            pool.budget = 0; /* the last round takes it with the rest */
          else
            {
              gint64 share = (gint64) ((double) pool.usable * mk_demo_uniform (gen, low, high));
              pool.budget = CLAMP (share, 1, pool.usable);
            }
          g_array_append_val (pools, pool);
        }
    }
  return pools;
}

/* Posts a distribution and takes its lines off the site's stock. */
gboolean
mk_demo_post_distribution (MkDemoGen  *gen,
                           guint       site,
                           MkDocument *document,
                           GError    **error)
{
  GPtrArray *posted;

  if (!mk_demo_post (gen, document, error))
    return FALSE;
  posted = mk_document_get_lines (document);
  for (guint i = 0; i < posted->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (posted, i);
      if (!mk_demo_site_apply (gen, site, line, -line->quantity, error))
        return FALSE;
    }
  gen->distributions++;
  mk_demo_count (gen, posted->len);
  return TRUE;
}

static gint64 *
count_cell (MkPeopleCounts *counts,
            guint           c)
{
  return c < MK_N_AGE_BANDS ? &counts->female[c] : &counts->male[c - MK_N_AGE_BANDS];
}

static gboolean
is_woman_cell (guint c)
{
  return c == MK_AGE_12_17 || c == MK_AGE_18_59 || c == MK_AGE_60_PLUS;
}

static gboolean
is_infant_cell (guint c)
{
  return c == MK_AGE_0_4 || c == MK_N_AGE_BANDS + MK_AGE_0_4;
}

static gint64
sum_cells (MkPeopleCounts *counts,
           gboolean (*in) (guint c))
{
  gint64 sum = 0;

  for (guint c = 0; c < 2 * MK_N_AGE_BANDS; c++)
    if (in (c))
      sum += *count_cell (counts, c);
  return sum;
}

/* Makes at least @women of the counted people women and girls of twelve
 * and over, and @infants children under five, taking them from the other
 * cells, the biggest first (adult men, as a rule). The total stays, and
 * covers both. */
static void
make_room (MkPeopleCounts *counts,
           gint64          women,
           gint64          infants)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean (*target) (guint) = pass == 0 ? is_woman_cell : is_infant_cell;
      gint64 want = pass == 0 ? women : infants;
      gint64 have = sum_cells (counts, target);

      while (have < want)
        {
          gint64 best = 0, moved;
          guint  donor = 0;

          for (guint c = 0; c < 2 * MK_N_AGE_BANDS; c++)
            {
              gint64 spare = *count_cell (counts, c);

              if (target (c))
                continue;
              /* The other group keeps what it needs. */
              if (is_woman_cell (c))
                spare = MIN (spare, sum_cells (counts, is_woman_cell) - women);
              else if (is_infant_cell (c))
                spare = MIN (spare, sum_cells (counts, is_infant_cell) - infants);
              if (spare > best)
                best = spare, donor = c;
            }
          if (best <= 0)
            return;
          moved = MIN (best, want - have);
          *count_cell (counts, donor) -= moved;
          if (pass == 0)
            counts->female[MK_AGE_18_59] += moved;
          else
            {
              counts->female[MK_AGE_0_4] += moved / 2;
              counts->male[MK_AGE_0_4] += moved - moved / 2;
            }
          have += moved;
        }
    }
}

/* A few pieces left of an item wait for a distribution of their activity
 * and grant to join, unless they expire soon: no distribution of one pair
 * of slippers. */
static void
hold_back_leftovers (MkDemoGen *gen,
                     GArray    *pools)
{
  for (guint p = 0; p < pools->len; p++)
    {
      Pool          *pool = &g_array_index (pools, Pool, p);
      const ItemUse *use = gen->people->uses[pool->item];
      gboolean       joins = pool->expiring || use->basis == BASIS_FACILITY;

      if (pool->quantity <= 0 || pool->quantity >= SMALL_POOL)
        continue;
      for (guint o = 0; o < pools->len && !joins; o++)
        {
          const Pool *other = &g_array_index (pools, Pool, o);
          joins = other->grant == pool->grant && gen->people->uses[other->item]->act == use->act && other->quantity >= SMALL_POOL;
        }
      if (!joins)
        pool->quantity = 0;
    }
}

/* Distributions with the people counted: one per activity and grant, of
 * the pools' quantities. The people are as many as the items serve: @present
 * at most (0: no limit), with the women and the youngest among them that
 * the dignity kits, pads and diapers need. */
gboolean
mk_demo_distribute_counted (MkDemoGen    *gen,
                            guint         site_index,
                            GArray       *pools,
                            const Profile profile,
                            gint64        present,
                            const char   *population,
                            const char   *partner,
                            const char   *notes,
                            GError      **error)
{
  Site                *site = site_at (gen->people, site_index);
  gint64               per_group = site->setting == SETTING_DETENTION || site->setting == SETTING_DISEMBARKATION
                                       ? PEOPLE_PER_GROUP
                                       : PEOPLE_PER_FAMILY;
  g_autofree gboolean *done = g_new0 (gboolean, pools->len);

  hold_back_leftovers (gen, pools);
  for (guint first = 0; first < pools->len && !gen->done; first++)
    {
      const Pool    *lead = &g_array_index (pools, Pool, first);
      const ItemUse *lead_use = gen->people->uses[lead->item];
      g_autoptr (MkDocument) document = NULL;
      MkPeopleCounts *counts;
      gint64          everyone = 0, women = 0, infants = 0, reached;

      if (done[first] || lead->quantity <= 0)
        continue;
      document = mk_demo_document_new (gen, MK_DOCUMENT_DISTRIBUTION, error,
                                       "site", site->code,
                                       "activity", mk_demo_act_codes[lead_use->act],
                                       "indicator", mk_demo_act_indicators[lead_use->act],
                                       "population_group", population,
                                       "grant", mk_demo_grant (gen, lead->grant)->code,
                                       "partner", partner,
                                       "notes", notes,
                                       NULL);
      if (document == NULL)
        return FALSE;
      for (guint p = first; p < pools->len; p++)
        {
          Pool          *pool = &g_array_index (pools, Pool, p);
          const ItemUse *use = gen->people->uses[pool->item];
          gint64         served = (pool->quantity + use->units - 1) / use->units;

          if (done[p] || pool->quantity <= 0 || pool->grant != lead->grant || use->act != lead_use->act)
            continue;
          done[p] = TRUE;
          mk_document_add_line (document, mk_demo_line_new (gen, pool->item, NULL, NULL, pool->grant,
                                                            pool->quantity));
          switch (use->basis)
            {
            case BASIS_WOMAN:
              women = MAX (women, served);
              break;
            case BASIS_INFANT:
              infants = MAX (infants, served);
              break;
            case BASIS_FACILITY:
              everyone = MAX (everyone, present > 0 ? present : site->capacity / 2);
              break;
            case BASIS_HOUSEHOLD:
              everyone = MAX (everyone, served * per_group);
              break;
            case BASIS_PERSON:
            default:
              everyone = MAX (everyone, served);
              break;
            }
        }
      if (present > 0)
        everyone = MIN (everyone, present);
      reached = MAX (everyone, women + infants);
      counts = mk_document_get_counts (document);
      mk_demo_allocate_counts (gen, MAX (reached, 1),
                               everyone > 0 ? profile : women > 0 ? profile_women
                                                                  : profile_infants,
                               counts);
      make_room (counts, women, infants);
      mk_demo_complete_counts (gen, site->setting, counts);
      if (!mk_demo_post_distribution (gen, site_index, document, error))
        return FALSE;
    }
  return TRUE;
}

/* The women of twelve and over, and the children under five, of @present
 * people of @profile. */
static gint64
share_of (const Profile profile,
          gint64        present,
          Target        target)
{
  double sum = 0, part;

  for (guint c = 0; c < 2 * MK_N_AGE_BANDS; c++)
    sum += profile[c];
  part = target == TARGET_WOMEN     ? profile[MK_AGE_12_17] + profile[MK_AGE_18_59] + profile[MK_AGE_60_PLUS]
         : target == TARGET_INFANTS ? profile[MK_AGE_0_4] + profile[MK_N_AGE_BANDS + MK_AGE_0_4]
                                    : sum;
  return (gint64) ((double) present * part / sum + 0.999);
}

/* What a centre holds beyond what a few rounds give out (dignity kits at a
 * centre of men, diapers where there are no babies) goes back to the
 * warehouse that sent it, lot by lot. */
static gboolean
return_surplus (MkDemoGen    *gen,
                guint         site_index,
                GArray       *pools,
                const gint64 *round_cap,
                GError      **error)
{
  Site *site = site_at (gen->people, site_index);
  g_autoptr (MkDocument) document = NULL;
  g_autoptr (GArray) picked = g_array_new (FALSE, FALSE, sizeof (MkDemoLot));
  GPtrArray *posted;

  document = mk_demo_document_new (gen, MK_DOCUMENT_GRN, error,
                                   "warehouse", mk_demo_warehouse_codes[site->source],
                                   "source", "return",
                                   "from_site", site->code,
                                   "notes", "Surplus the site cannot use, returned to the warehouse.",
                                   NULL);
  if (document == NULL)
    return FALSE;
  for (guint p = 0; p < pools->len; p++)
    {
      const Pool *pool = &g_array_index (pools, Pool, p);
      gint64      left = pool->usable - pool->quantity;
      gint64      keep = MAX (round_cap[pool->item], 1);

      if (left <= 3 * keep + 10)
        continue;
      g_array_set_size (picked, 0);
      mk_demo_stock_pick (gen->people->stock, site_index, pool->item, pool->grant, left - keep, gen->date,
                          picked);
      for (guint l = 0; l < picked->len; l++)
        {
          const MkDemoLot *lot = &g_array_index (picked, MkDemoLot, l);
          mk_document_add_line (document, mk_demo_line_new (gen, pool->item, lot->lot, NULL, pool->grant,
                                                            lot->quantity));
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
      if (!mk_demo_site_apply (gen, site_index, line, -line->quantity, error) || !mk_demo_stock_apply (gen, site->source, line, line->quantity, error))
        return FALSE;
    }
  gen->returns++;
  mk_demo_count (gen, 2 * (gint64) posted->len);
  return TRUE;
}

/* A detention centre's detainees, or the people of a boat just landed. */
gboolean
mk_demo_round_at_centre (MkDemoGen *gen,
                         guint      site_index,
                         gboolean   last,
                         GError   **error)
{
  Site         *site = site_at (gen->people, site_index);
  gboolean      detention = site->setting == SETTING_DETENTION;
  const double *profile = detention ? mk_demo_profile_detention : mk_demo_profile_disembarkation;
  gint64        present = detention ? (gint64) ((double) site->capacity * mk_demo_uniform (gen, 0.45, 0.95))
                                    : mk_demo_between (gen, 25, site->capacity);
  g_autoptr (GArray) pools = mk_demo_pools_of (gen, site_index, last, last ? 0.75 : 0.35, last ? 0.95 : 0.65);
  g_autofree gint64   *round_cap = g_new0 (gint64, gen->items->len);
  g_autofree gint64   *cap = g_new0 (gint64, gen->items->len);
  g_autofree gboolean *capped = g_new0 (gboolean, gen->items->len);

  /* What the people present can use, shared by the item's grants. */
  for (guint p = 0; p < pools->len; p++)
    {
      Pool          *pool = &g_array_index (pools, Pool, p);
      const ItemUse *use = gen->people->uses[pool->item];

      if (!capped[pool->item])
        {
          capped[pool->item] = TRUE;
          switch (use->basis)
            {
            case BASIS_PERSON:
              cap[pool->item] = present * use->units;
              break;
            case BASIS_HOUSEHOLD:
              cap[pool->item] = (present + PEOPLE_PER_GROUP - 1) / PEOPLE_PER_GROUP * use->units;
              break;
            case BASIS_WOMAN:
            case BASIS_INFANT:
              cap[pool->item] = share_of (profile, present, basis_target (use->basis)) * use->units;
              break;
            case BASIS_FACILITY:
            default:
              cap[pool->item] = mk_demo_between (gen, 1, 2);
              break;
            }
          round_cap[pool->item] = cap[pool->item];
        }
      pool->quantity = MIN (pool->budget, cap[pool->item]);
      cap[pool->item] -= pool->quantity;
    }
  if (!mk_demo_distribute_counted (gen, site_index, pools, profile, present,
                                   mk_demo_population_for (gen, site->setting, site),
                                   !detention && mk_demo_chance (gen, 0.5) ? "LRC" : NULL,
                                   detention ? "Distributed in the centre, section by section."
                                             : "Distributed at the quay on disembarkation.",
                                   error))
    return FALSE;
  return gen->done || !last || return_surplus (gen, site_index, pools, round_cap, error);
}
