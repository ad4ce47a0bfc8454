/* mk-cli-demo-households.c: household-list distributions in the demo
 * mission: at urban communities and collective shelters, the registered
 * households of one population group, those served longest ago first, each
 * given what its entitlements allow of what the site holds, with the odd
 * deliberate override.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <string.h>

#include "mk-cli-demo-people.h"

/* Up to this many households served in one round at an urban site. */
#define MIN_BATCH 15
#define MAX_BATCH 60

/* Overrides of an entitlement, on purpose, with the reason. */
#define MAX_OVERRIDES_A_YEAR 2
static const char *const override_reasons[] = {
  "The family's shelter burned down with everything in it; the site manager approved a replacement.",
  "The household moved here after the floods and lost what it had received; protection officer's request.",
};

static gint64
household_need (const Household *household,
                const ItemUse   *use)
{
  switch (use->basis)
    {
    case BASIS_PERSON:
      return household->size * use->units;
    case BASIS_HOUSEHOLD:
      return use->units;
    case BASIS_WOMAN:
      return (household->cells[MK_AGE_12_17] + household->cells[MK_AGE_18_59]) * use->units;
    case BASIS_INFANT:
      return (household->cells[MK_AGE_0_4] + household->cells[MK_N_AGE_BANDS + MK_AGE_0_4]) * use->units;
    case BASIS_FACILITY:
    default:
      return 0;
    }
}

static const Rule *
rule_of (MkDemoPeople *people,
         guint         item)
{
  for (guint r = 0; r < people->rules->len; r++)
    if (g_array_index (people->rules, Rule, r).item == item)
      return &g_array_index (people->rules, Rule, r);
  return NULL;
}

/* What a household may have of a ruled item today (0: not due yet), as
 * the core will check it. */
static gint64
due_by_rule (const Rule      *rule,
             const Household *household,
             guint32          today)
{
  gint64  allowed = rule->per_person ? household->size : 1;
  guint32 last = household->last[rule->item];

  if (rule->once)
    return MAX (0, allowed - household->once_received);
  if (rule->by_season)
    {
      GDate day, start;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, today);
      g_date_clear (&start, 1);
      g_date_set_dmy (&start, 1, G_DATE_OCTOBER,
                      g_date_get_month (&day) >= G_DATE_OCTOBER ? g_date_get_year (&day)
                                                                : g_date_get_year (&day) - 1);
      return last == 0 || last < g_date_get_julian (&start) ? allowed : 0;
    }
  /* The rule's window is the day and the interval's days before it. */
  return last == 0 || today - last >= rule->interval_days ? allowed : 0;
}

static gint
compare_served (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  MkDemoPeople    *people = data;
  const Household *x = household_at (people, *(const guint *) a);
  const Household *y = household_at (people, *(const guint *) b);

  if (x->last_served != y->last_served)
    return x->last_served < y->last_served ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : *(const guint *) a > *(const guint *) b;
}

/* Whether this round breaks an entitlement on purpose: once or twice a
 * year, a household that lost what it had. */
static gboolean
override_now (MkDemoGen *gen)
{
  MkDemoPeople *people = gen->people;
  guint         year = g_date_get_year (&gen->day);

  if (people->override_year != year)
    {
      people->override_year = year;
      people->overrides = 0;
    }
  return people->overrides < MAX_OVERRIDES_A_YEAR && mk_demo_chance (gen, 0.03);
}

/* Household-list distributions at an urban site or a shelter: the
 * households of one group, served longest ago first, each given what it is
 * due of what the site holds. */
gboolean
mk_demo_round_at_homes (MkDemoGen *gen,
                        guint      site_index,
                        gboolean   last,
                        GError   **error)
{
  MkDemoPeople *people = gen->people;
  Site         *site = site_at (people, site_index);
  guint32       today = g_date_get_julian (&gen->day);
  const char   *population = mk_demo_population_for (gen, site->setting, site);
  g_autoptr (GArray) pools = mk_demo_pools_of (gen, site_index, last, last ? 1.0 : 0.5, last ? 1.0 : 0.8);
  g_autoptr (GArray) batch = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint)); /* act × grant per document */
  gboolean override = override_now (gen);
  guint    n_batch;

  for (guint i = 0; i < site->households->len; i++)
    {
      guint            index = g_array_index (site->households, guint, i);
      const Household *household = household_at (people, index);
      if (household->registered <= today && g_str_equal (mk_demo_group_codes[household->group], population))
        g_array_append_val (batch, index);
    }
  g_array_sort_with_data (batch, compare_served, people);
  n_batch = (guint) mk_demo_between (gen, MIN_BATCH, MAX_BATCH);
  n_batch = MIN (n_batch, batch->len);

  for (guint b = 0; b < n_batch; b++)
    {
      Household *household = household_at (people, g_array_index (batch, guint, b));
      gboolean   served = FALSE;

      for (guint p = 0; p < pools->len; p++)
        {
          Pool               *pool = &g_array_index (pools, Pool, p);
          const ItemUse      *use = people->uses[pool->item];
          gint64              need = household_need (household, use);
          const Rule         *rule = rule_of (people, pool->item);
          const char         *reason = NULL;
          guint               key = use->act * gen->grants->len + pool->grant;
          MkDocument         *document = NULL;
          MkHouseholdReceipt *receipt;

          if (need <= 0 || household->last[pool->item] == today)
            continue; /* one receipt of an item a day, from one grant */
          if (rule != NULL && due_by_rule (rule, household, today) == 0)
            {
              if (!override || need > pool->budget - pool->quantity)
                continue;
              reason = override_reasons[people->overrides % G_N_ELEMENTS (override_reasons)];
              override = FALSE;
              people->overrides++;
            }
          else if (rule != NULL)
            {
              gint64 due = due_by_rule (rule, household, today);
              need = MIN (need, due);
            }
          else if (household->last[pool->item] != 0 && today - household->last[pool->item] < use->every_days)
            continue;
          if (need > pool->budget - pool->quantity)
            continue;

          for (guint d = 0; d < keys->len && document == NULL; d++)
            if (g_array_index (keys, guint, d) == key)
              document = g_ptr_array_index (documents, d);
          if (document == NULL)
            {
              document = mk_demo_document_new (gen, MK_DOCUMENT_DISTRIBUTION, error,
                                               "site", site->code,
                                               "activity", mk_demo_act_codes[use->act],
                                               "indicator", mk_demo_act_indicators[use->act],
                                               "population_group", population,
                                               "grant", mk_demo_grant (gen, pool->grant)->code,
                                               "notes", "Distribution by ration card, at the site's distribution point.",
                                               NULL);
              if (document == NULL)
                return FALSE;
              g_ptr_array_add (documents, document);
              g_array_append_val (keys, key);
            }
          receipt = mk_household_receipt_new (household->code, mk_demo_item (gen, pool->item)->code, need);
          receipt->override_reason = g_strdup (reason);
          mk_document_add_receipt (document, receipt);
          pool->quantity += need;
          household->last[pool->item] = today;
          if (rule != NULL && rule->once)
            household->once_received += need;
          served = TRUE;
        }
      if (served)
        household->last_served = today;
    }

  for (guint d = 0; d < documents->len && !gen->done; d++)
    {
      MkDocument *document = g_ptr_array_index (documents, d);

      if (!mk_demo_post_distribution (gen, site_index, document, error))
        return FALSE;
      gen->household_lists++;
    }
  if (gen->done || !last)
    return TRUE;

  /* What the households could not take goes to families counted at the
   * door, a little kept in reserve; the facility's kits to the committee. */
  for (guint p = 0; p < pools->len; p++)
    {
      Pool          *pool = &g_array_index (pools, Pool, p);
      const ItemUse *use = people->uses[pool->item];
      gint64         left = pool->usable - pool->quantity;
      gint64         keep = use->basis == BASIS_FACILITY || left <= 3
                                ? 0
                                : (gint64) ((double) pool->usable * mk_demo_uniform (gen, 0.05, 0.15));

      if (mk_demo_expires_soon (gen, site_index, pool->item, pool->grant))
        keep = 0;
      pool->quantity = MAX (0, left - keep);
    }
  return mk_demo_distribute_counted (gen, site_index, pools, mk_demo_profile_community, 0, population, NULL,
                                     "Families not yet registered, counted at the door of the community centre.",
                                     error);
}
