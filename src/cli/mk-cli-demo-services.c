/* mk-cli-demo-services.c: service deliveries in the demo mission, a few
 * times a month at each site: water trucking, disinfection and latrine or
 * shower repairs at the centres and points, hygiene promotion, handwashing
 * points and shelter repairs where families live, some with soap or bleach
 * issued from a warehouse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <string.h>

#include "mk-cli-demo-people.h"

/* Hygiene promotion sessions: mothers and children. */
static const Profile profile_promotion = { 5, 14, 10, 38, 3, 5, 13, 7, 4, 1 };

#define AT_CENTRES ((1u << SETTING_DETENTION) | (1u << SETTING_DISEMBARKATION))
#define AT_HOMES ((1u << SETTING_URBAN) | (1u << SETTING_SHELTER))

typedef enum
{
  MATERIAL_NONE,
  MATERIAL_PER_PERSON, /* a bar of soap each */
  MATERIAL_PER_UNIT,   /* litres of bleach per facility */
} MaterialUse;

typedef struct
{
  const char *activity;
  const char *indicator;
  guint       settings;  /* bit per Setting */
  double      per_month; /* at each site */
  gint64      min_quantity;
  gint64      max_quantity;
  const char *material; /* item issued from a warehouse, sometimes */
  MaterialUse material_use;
  double      material_chance;
  const char *grants; /* prefixes of the grants that pay, in order */
  const char *notes;
} ServiceRow;

static const ServiceRow service_rows[] = {
  /* Litres: about fifteen a person a day, for a week. */
  { "water_trucking", "people_water", AT_CENTRES, 1.2, 0, 0, NULL, MATERIAL_NONE, 0,
    "ECHO- EUTF-", "Water trucked for a week; the tanks filled every second day." },
  { "disinfection", "people_sanitation", AT_CENTRES, 0.3, 1, 1, "BLEACH", MATERIAL_PER_UNIT, 0.5,
    "ECHO- EUTF- BHA-", "Cells, toilets and the kitchen disinfected." },
  { "latrines", "people_sanitation", (1u << SETTING_DETENTION) | (1u << SETTING_SHELTER), 0.12, 2, 8,
    NULL, MATERIAL_NONE, 0, "BHA- ECHO-", "Latrine blocks repaired: doors, pans, water supply." },
  { "showers", "people_sanitation", (1u << SETTING_DETENTION) | (1u << SETTING_SHELTER), 0.08, 2, 6,
    NULL, MATERIAL_NONE, 0, "BHA- ECHO-", "Showers repaired, with hot water where there was none." },
  { "handwashing", "people_sanitation", AT_HOMES, 0.1, 2, 10, NULL, MATERIAL_NONE, 0, "BHA-",
    "Handwashing points at the entrances and near the latrines." },
  { "hygiene_promotion", "people_hygiene_promotion", AT_HOMES, 1.5, 1, 6, "SOAP-BATH",
    MATERIAL_PER_PERSON, 0.3, "BHA- LHF-", "Sessions on handwashing, safe water and menstrual hygiene." },
  { "shelter_repair_light", "people_shelter", 1u << SETTING_SHELTER, 0.2, 3, 12, NULL, MATERIAL_NONE, 0,
    "CERF- EUTF-", "Doors, windows and roofs of the shelter's rooms repaired." },
};

/* The first grant, by the prefixes in @prefixes, that runs on the day. */
static guint
active_grant (MkDemoGen  *gen,
              const char *prefixes)
{
  g_auto (GStrv) split = g_strsplit (prefixes, " ", -1);

  for (guint p = 0; split[p] != NULL; p++)
    for (guint g = 1; g < gen->grants->len; g++)
      {
        MkDemoGrantState *grant = mk_demo_grant (gen, g);
        if (g_str_has_prefix (grant->code, split[p]) && strcmp (grant->start, gen->date) <= 0 && strcmp (gen->date, grant->end) <= 0)
          return g;
      }
  return 0;
}

/* Service deliveries ------------------------------------------------------- */

/* The members of a site's registered households. */
static gint64
registered_people (MkDemoPeople *people,
                   const Site   *site,
                   guint32       today)
{
  gint64 total = 0;

  for (guint i = 0; i < site->households->len; i++)
    {
      const Household *household = household_at (people, g_array_index (site->households, guint, i));
      if (household->registered <= today)
        total += household->size;
    }
  return total;
}

/* Lines of @material for the service from the site's supplying warehouse,
 * or a main one: of the grant that holds most, when it holds plenty. */
static gboolean
add_materials (MkDemoGen  *gen,
               MkDocument *document,
               const Site *site,
               const char *material,
               gint64      wanted,
               guint      *warehouse,
               guint      *grant)
{
  guint item = GPOINTER_TO_UINT (g_hash_table_lookup (gen->item_by_code, material));
  guint sources[] = { site->source, MK_DEMO_TRP_MAIN, MK_DEMO_BEN_MAIN };

  if (item-- == 0)
    return FALSE;
  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      gint64 best = 0;
      guint  best_grant = 0;
      g_autoptr (GArray) picked = g_array_new (FALSE, FALSE, sizeof (MkDemoLot));
      gint64 quantity;

      for (guint g = 0; g < gen->grants->len; g++)
        {
          gint64 usable = mk_demo_stock_usable (gen->stock, sources[s], item, g, gen->date);
          if (usable > best)
            best = usable, best_grant = g;
        }
      /* All that is wanted, from a store that keeps plenty more. */
      quantity = wanted;
      if (quantity < 1 || quantity > best / 4)
        continue;
      mk_demo_stock_pick (gen->stock, sources[s], item, best_grant, quantity, gen->date, picked);
      for (guint l = 0; l < picked->len; l++)
        {
          const MkDemoLot *lot = &g_array_index (picked, MkDemoLot, l);
          mk_document_add_line (document, mk_demo_line_new (gen, item, lot->lot, NULL, best_grant, lot->quantity));
        }
      *warehouse = sources[s];
      *grant = best_grant;
      return TRUE;
    }
  return FALSE;
}

static gboolean
deliver (MkDemoGen        *gen,
         guint             site_index,
         const ServiceRow *row,
         GError          **error)
{
  MkDemoPeople    *people = gen->people;
  Site            *site = site_at (people, site_index);
  guint32          today = g_date_get_julian (&gen->day);
  gboolean         centre = site->setting == SETTING_DETENTION || site->setting == SETTING_DISEMBARKATION;
  const double    *profile = site->setting == SETTING_DETENTION                 ? mk_demo_profile_detention
                             : site->setting == SETTING_DISEMBARKATION          ? mk_demo_profile_disembarkation
                             : g_str_equal (row->activity, "hygiene_promotion") ? profile_promotion
                                                                                : mk_demo_profile_community;
  gint64           reached, quantity;
  g_autofree char *quantity_text = NULL;
  g_autofree char *end = NULL;
  g_autoptr (MkDocument) document = NULL;
  MkPeopleCounts *counts;
  guint           warehouse = 0, grant = active_grant (gen, row->grants);
  gboolean        materials = FALSE;
  GPtrArray      *posted;

  if (centre)
    reached = site->setting == SETTING_DETENTION
                  ? (gint64) ((double) site->capacity * mk_demo_uniform (gen, 0.5, 0.95))
                  : mk_demo_between (gen, 40, site->capacity);
  else
    {
      gint64 registered = registered_people (people, site, today);
      gint64 base = MAX (registered, site->capacity / 4);

      reached = (gint64) ((double) base * mk_demo_uniform (gen, 0.5, 0.9));
      reached = MAX (reached, 30);
    }

  if (g_str_equal (row->activity, "water_trucking"))
    quantity = (reached * 15 * 7 + 999) / 1000 * 1000;
  else if (g_str_equal (row->activity, "hygiene_promotion"))
    {
      quantity = mk_demo_between (gen, row->min_quantity, row->max_quantity);
      reached = quantity * mk_demo_between (gen, 12, 30);
    }
  else if (g_str_equal (row->activity, "shelter_repair_light"))
    {
      quantity = mk_demo_between (gen, row->min_quantity, row->max_quantity);
      reached = quantity * mk_demo_between (gen, 3, 7);
    }
  else
    quantity = mk_demo_between (gen, row->min_quantity, row->max_quantity);
  /* Water for a week; works of several units over some days. */
  if (g_str_equal (row->activity, "water_trucking") || quantity > 1)
    {
      end = g_malloc (11);
      mk_demo_date_add (&gen->day, g_str_equal (row->activity, "water_trucking") ? 6 : (gint) mk_demo_between (gen, 0, 10), end);
    }

  quantity_text = g_strdup_printf ("%" G_GINT64_FORMAT, quantity);
  document = mk_demo_document_new (gen, MK_DOCUMENT_SERVICE, error,
                                   "site", site->code,
                                   "activity", row->activity,
                                   "quantity", quantity_text,
                                   "end_date", end,
                                   "indicator", row->indicator,
                                   "population_group", mk_demo_population_for (gen, site->setting, site),
                                   "notes", row->notes,
                                   NULL);
  if (document == NULL)
    return FALSE;
  if (row->material != NULL && mk_demo_chance (gen, row->material_chance))
    materials = add_materials (gen, document, site, row->material,
                               row->material_use == MATERIAL_PER_PERSON ? reached : mk_demo_between (gen, 20, 60),
                               &warehouse, &grant);
  if ((materials && !mk_record_set_text (mk_document_get_header (document), "warehouse",
                                         mk_demo_warehouse_codes[warehouse], error)) ||
      (grant != 0 && !mk_record_set_text (mk_document_get_header (document), "grant",
                                          mk_demo_grant (gen, grant)->code, error)))
    return FALSE;

  counts = mk_document_get_counts (document);
  mk_demo_allocate_counts (gen, reached, profile, counts);
  mk_demo_complete_counts (gen, site->setting, counts);
  if (!mk_demo_post (gen, document, error))
    return FALSE;

  posted = mk_document_get_lines (document);
  for (guint i = 0; i < posted->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (posted, i);
      if (!mk_demo_stock_apply (gen, warehouse, line, -line->quantity, error))
        return FALSE;
    }
  gen->services++;
  mk_demo_count (gen, posted->len);
  return TRUE;
}

gboolean
mk_demo_deliver_services (MkDemoGen *gen,
                          GError   **error)
{
  MkDemoPeople *people = gen->people;

  if (!mk_demo_working_day (&gen->day))
    return TRUE;
  for (guint s = 0; s < people->sites->len && !gen->done; s++)
    for (guint r = 0; r < G_N_ELEMENTS (service_rows) && !gen->done; r++)
      {
        const ServiceRow *row = &service_rows[r];

        /* About 22 working days a month. */
        if ((row->settings & (1u << site_at (people, s)->setting)) && mk_demo_chance (gen, row->per_month / 22.0) && !deliver (gen, s, row, error))
          return FALSE;
      }
  return TRUE;
}
