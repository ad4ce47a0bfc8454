/* mk-cli-demo-people.c: the people the demo mission reaches.
 *
 * At setup, households registered at the urban communities and collective
 * shelters (sizes of one to nine, members by sex and age band, IDPs,
 * returnees, host community and migrants), and the entitlement rules: a
 * hygiene kit per person every 30 days, a family hygiene kit per household
 * every 30 days, a winter kit per household a season from October, a
 * mattress per person once per stay.
 *
 * What a waybill brings to a site is given out there in the days after its
 * reception: a round a few days later, sometimes a second a week after, a
 * round already planned taking later goods too. A round takes a share of
 * the site's stock, the last one most of what is left; a few pieces left of
 * an item wait for a distribution of their activity and grant to join.
 * There is one distribution per activity and grant, as donors want them:
 *   - at detention centres and disembarkation points, to the people present
 *     or just landed, counted by sex and age (mostly adult men, DTM Libya's
 *     proportions at disembarkation), with the women and girls that the
 *     dignity kits and pads, and the young children that the diapers, need
 *     among them; cleaning kits for the facility. What a centre cannot use
 *     within a few rounds goes back to the warehouse that sent it;
 *   - at urban communities and shelters, to the registered households of
 *     one population group, those served longest ago first, each only what
 *     its entitlements allow (the odd deliberate override, with its reason,
 *     once or twice a year); what the households cannot take by the last
 *     round goes to families counted at the door, a little kept in reserve.
 * Service deliveries come a few times a month: water trucking, disinfection
 * and latrine or shower repairs at the centres and points, hygiene
 * promotion, handwashing points and shelter repairs where families live,
 * some with soap or bleach issued from a warehouse.
 *
 * The generator keeps its own picture of each site's stock, filled from the
 * posted receptions and emptied by the posted distributions, and its own
 * record of what each household received: no posting is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <string.h>

#include "mk-cli-demo-gen.h"

/* Population groups ------------------------------------------------------- */

enum
{
  GROUP_MIGRANTS,
  GROUP_REFUGEES,
  GROUP_IDPS,
  GROUP_RETURNEES,
  GROUP_HOST,
  N_GROUPS
};

static const char *const group_codes[N_GROUPS] = {
  "migrants",
  "refugees",
  "idps",
  "returnees",
  "host",
};

/* Where households are registered: how many, in which groups (weights in
 * the order above). */
typedef struct
{
  const char *site;
  guint       households;
  guint       groups[N_GROUPS];
} SiteHouseholds;

static const SiteHouseholds site_households[] = {
  { "UC-JANZOUR", 90, { 25, 0, 40, 10, 25 } },
  { "UC-MISRATA", 90, { 10, 0, 45, 25, 20 } },
  { "UC-BENGHAZI", 120, { 15, 0, 35, 30, 20 } },
  { "CS-SIRT", 60, { 0, 0, 60, 40, 0 } },
  { "CS-EJDABIA", 80, { 45, 0, 55, 0, 0 } },
};

/* Sexes and ages: weights of the ten cells, female 0–4 … 60+, then male. */
typedef double Profile[2 * MK_N_AGE_BANDS];

/* Detention: adult men nearly all, a women's section, a few minors. */
static const Profile profile_detention = { 0.3, 0.3, 0.8, 6.5, 0.1, 0.4, 0.4, 3.2, 87.8, 0.2 };
/* Disembarkation: DTM Libya, adult men 78 %, women 11 %, children 11 %. */
static const Profile profile_disembarkation = { 1.2, 1.0, 1.5, 11.0, 0.2, 1.4, 1.2, 4.3, 77.9, 0.3 };
/* Families of the urban communities and shelters. */
static const Profile profile_community = { 7, 9, 7, 24, 4, 7, 9, 7, 20, 6 };
/* Hygiene promotion sessions: mothers and children. */
static const Profile profile_promotion = { 5, 14, 10, 38, 3, 5, 13, 7, 4, 1 };
static const Profile profile_women = { 0, 0, 15, 80, 5, 0, 0, 0, 0, 0 };
static const Profile profile_infants = { 49, 0, 0, 0, 0, 51, 0, 0, 0, 0 };

/* What the items are for ----------------------------------------------------- */

typedef enum
{
  ACT_NFI,
  ACT_HYGIENE,
  ACT_WINTER,
  ACT_SHELTER,
  N_ACTS
} Act;

static const char *const act_codes[N_ACTS] = {
  "nfi_distribution",
  "hygiene_distribution",
  "winterization",
  "shelter_kit_distribution",
};
static const char *const act_indicators[N_ACTS] = {
  "people_nfi",
  "people_hygiene",
  "people_nfi",
  "people_shelter",
};

/* Whom an item is for: each person, each household, each woman or girl of
 * twelve and over, each child under five, or the facility. */
typedef enum
{
  BASIS_PERSON,
  BASIS_HOUSEHOLD,
  BASIS_WOMAN,
  BASIS_INFANT,
  BASIS_FACILITY,
} Basis;

/* A distribution's people: everybody, or the women, or the youngest. */
typedef enum
{
  TARGET_ALL,
  TARGET_WOMEN,
  TARGET_INFANTS,
  N_TARGETS
} Target;

typedef struct
{
  const char *item;
  Act         act;
  Basis       basis;
  gint64      units;      /* per person, household … */
  guint       every_days; /* a household gets it again after this long; 0: by its rule */
} ItemUse;

static const ItemUse item_uses[] = {
  { "HK-PERS", ACT_HYGIENE, BASIS_PERSON, 1, 0 },
  { "HK-FAM", ACT_HYGIENE, BASIS_HOUSEHOLD, 1, 0 },
  { "DIGNITY-KIT", ACT_HYGIENE, BASIS_WOMAN, 1, 60 },
  { "CLEANING-KIT", ACT_HYGIENE, BASIS_FACILITY, 1, 0 },
  { "WATER-TABS", ACT_HYGIENE, BASIS_HOUSEHOLD, 3, 30 },
  { "JERRYCAN-20F", ACT_HYGIENE, BASIS_HOUSEHOLD, 2, 180 },
  { "BUCKET-14", ACT_HYGIENE, BASIS_HOUSEHOLD, 1, 180 },
  { "BLEACH", ACT_HYGIENE, BASIS_HOUSEHOLD, 1, 30 },
  { "DIAPERS", ACT_HYGIENE, BASIS_INFANT, 2, 30 },
  { "PADS", ACT_HYGIENE, BASIS_WOMAN, 2, 30 },
  { "SOAP-BATH", ACT_HYGIENE, BASIS_PERSON, 1, 30 },
  { "SOAP-LNDR", ACT_HYGIENE, BASIS_HOUSEHOLD, 2, 30 },
  { "TOOTHPASTE", ACT_HYGIENE, BASIS_PERSON, 1, 30 },
  { "KITCHEN-B", ACT_NFI, BASIS_HOUSEHOLD, 1, 365 },
  { "BLANKET-150", ACT_NFI, BASIS_PERSON, 1, 180 },
  { "SLEEPING-MAT", ACT_NFI, BASIS_PERSON, 1, 365 },
  { "MATTRESS", ACT_NFI, BASIS_PERSON, 1, 0 },
  { "SLIPPERS", ACT_NFI, BASIS_PERSON, 1, 180 },
  { "SOLAR-LAMP", ACT_NFI, BASIS_HOUSEHOLD, 1, 365 },
  { "CARTON", ACT_NFI, BASIS_HOUSEHOLD, 1, 365 },
  { "WINTER-KIT", ACT_WINTER, BASIS_HOUSEHOLD, 1, 0 },
  { "BEDDING-SET", ACT_WINTER, BASIS_PERSON, 1, 365 },
  { "BLANKET-HT", ACT_WINTER, BASIS_PERSON, 1, 180 },
  { "CLOTHES-WINTER", ACT_WINTER, BASIS_PERSON, 1, 365 },
  { "SHELTER-KIT", ACT_SHELTER, BASIS_HOUSEHOLD, 1, 365 },
  { "TARPAULIN", ACT_SHELTER, BASIS_HOUSEHOLD, 2, 180 },
  { "ROPE-6MM", ACT_SHELTER, BASIS_HOUSEHOLD, 1, 180 },
};

/* Anything else a site receives. */
static const ItemUse item_use_default = { NULL, ACT_NFI, BASIS_PERSON, 1, 90 };

/* Entitlement rules, added at setup when the item is in the catalogue. */
typedef struct
{
  const char *code;
  const char *item;
  gboolean    per_person;
  guint       interval_days; /* 0: by season or once per stay */
  const char *season_start;  /* MM-DD, or NULL */
} RuleRow;

static const RuleRow rule_rows[] = {
  { "HK-PERS-30D", "HK-PERS", TRUE, 30, NULL },
  { "HK-FAM-30D", "HK-FAM", FALSE, 30, NULL },
  { "WINTER-KIT-SEASON", "WINTER-KIT", FALSE, 0, "10-01" },
  { "MATTRESS-STAY", "MATTRESS", TRUE, 0, NULL },
};

/* Overrides of an entitlement, on purpose, with the reason. */
#define MAX_OVERRIDES_A_YEAR 2
static const char *const override_reasons[] = {
  "The family's shelter burned down with everything in it; the site manager approved a replacement.",
  "The household moved here after the floods and lost what it had received; protection officer's request.",
};

/* Rounds and services ------------------------------------------------------- */

/* Up to this many households served in one round at an urban site. */
#define MIN_BATCH 15
#define MAX_BATCH 60
/* A second round after a reception, this many days later. */
#define LATER_MIN 5
#define LATER_MAX 12
/* A lot that expires within this many days goes out whole. */
#define EXPIRING_DAYS 45
/* Less than this of an item waits for the last round. */
#define SMALL_POOL 10
/* People per "household" of an item given out by head count. */
#define PEOPLE_PER_GROUP 4
#define PEOPLE_PER_FAMILY 5

typedef enum
{
  SETTING_DETENTION,
  SETTING_DISEMBARKATION,
  SETTING_URBAN,
  SETTING_SHELTER,
  SETTING_OTHER,
} Setting;

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

/* The generator's state ----------------------------------------------------- */

typedef struct
{
  char   *code;
  Setting setting;
  gint64  capacity;
  guint   source;     /* the warehouse that supplies it, for materials */
  GArray *households; /* indices into MkDemoPeople.households */
  guint   groups[N_GROUPS];
} Site;

typedef struct
{
  char     code[20];
  guint    site;
  guint    group;
  gint64   cells[2 * MK_N_AGE_BANDS];
  gint64   size;
  guint32  registered; /* Julian day */
  guint32  last_served;
  guint32 *last;          /* per item: the day of the last receipt, 0 never */
  gint64   once_received; /* of the once-per-stay item */
} Household;

typedef struct
{
  guint    item;
  gboolean per_person;
  guint    interval_days;
  gboolean by_season;
  gboolean once;
} Rule;

typedef struct
{
  guint32  day;
  guint    site;
  gboolean last; /* the last round after a reception: most of what is left */
} Round;

struct _MkDemoPeople
{
  GPtrArray      *sites;        /* Site */
  GHashTable     *site_by_code; /* code → index + 1 */
  MkDemoStock    *stock;        /* per site */
  GArray         *households;   /* Household */
  GArray         *rules;        /* Rule */
  const ItemUse **uses;         /* per item */
  GArray         *rounds;       /* Round, by day then site */
  guint           override_year;
  guint           overrides;
};

/* Helpers ------------------------------------------------------------------- */

static Site *
site_at (MkDemoPeople *people,
         guint         site)
{
  return g_ptr_array_index (people->sites, site);
}

static Household *
household_at (MkDemoPeople *people,
              guint         index)
{
  return &g_array_index (people->households, Household, index);
}

static guint
draw_weighted (MkDemoGen   *gen,
               const guint *weights,
               guint        n)
{
  guint total = 0, pick;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  pick = (guint) mk_demo_between (gen, 0, total - 1);
  for (guint i = 0; i < n; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }
  return n - 1;
}

static double
uniform (MkDemoGen *gen,
         double     low,
         double     high)
{
  return low + (high - low) * g_rand_double (gen->rand);
}

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

static Target
basis_target (Basis basis)
{
  return basis == BASIS_WOMAN ? TARGET_WOMEN : basis == BASIS_INFANT ? TARGET_INFANTS
                                                                     : TARGET_ALL;
}

/* Spreads @total people over the ten cells by @profile. */
static void
allocate_counts (MkDemoGen      *gen,
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
      cells[draw_weighted (gen, weights, G_N_ELEMENTS (weights))]++;
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
static void
complete_counts (MkDemoGen      *gen,
                 Setting         setting,
                 MkPeopleCounts *counts)
{
  gint64 children = 0;

  for (guint b = MK_AGE_0_4; b <= MK_AGE_12_17; b++)
    children += counts->female[b] + counts->male[b];
  counts->disabled = (gint64) ((double) counts->total * uniform (gen, 0.01, 0.04));
  if (setting == SETTING_DETENTION || setting == SETTING_DISEMBARKATION)
    /* DTM Libya: a third of the children travel alone. */
    counts->unaccompanied = (gint64) ((double) (counts->female[MK_AGE_12_17] + counts->male[MK_AGE_12_17] + counts->male[MK_AGE_5_11]) * uniform (gen, 0.3, 0.6));
  else
    counts->households = MAX (1, counts->total / PEOPLE_PER_FAMILY);
  counts->unaccompanied = MIN (counts->unaccompanied, children);
  counts->households = MIN (counts->households, counts->total);
}

static const char *
population_for (MkDemoGen  *gen,
                Setting     setting,
                const Site *site)
{
  if (setting == SETTING_DETENTION)
    return group_codes[mk_demo_chance (gen, 0.25) ? GROUP_REFUGEES : GROUP_MIGRANTS];
  if (setting == SETTING_DISEMBARKATION)
    return group_codes[mk_demo_chance (gen, 0.15) ? GROUP_REFUGEES : GROUP_MIGRANTS];
  {
    guint total = 0;
    for (guint g = 0; g < N_GROUPS; g++)
      total += site->groups[g];
    if (total == 0)
      return group_codes[GROUP_IDPS];
    return group_codes[draw_weighted (gen, site->groups, N_GROUPS)];
  }
}

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

static gboolean
site_apply (MkDemoGen            *gen,
            guint                 site,
            const MkDocumentLine *line,
            gint64                delta,
            GError              **error)
{
  guint item = mk_demo_item_of (gen, line);

  if (item >= gen->items->len || !mk_demo_stock_add (gen->people->stock, site, item, line->lot_id, line->lot_number,
                                                     line->expiry_date, mk_demo_grant_of (gen, line), delta))
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   "demo generator: lost track of %s at site %s on %s", line->item_code,
                   site_at (gen->people, site)->code, gen->date);
      return FALSE;
    }
  return TRUE;
}

/* Setup ----------------------------------------------------------------------- */

static Setting
setting_of (const char *type)
{
  if (g_str_equal (type, "detention_centre"))
    return SETTING_DETENTION;
  if (g_str_equal (type, "disembarkation_point"))
    return SETTING_DISEMBARKATION;
  if (g_str_equal (type, "urban_community"))
    return SETTING_URBAN;
  if (g_str_equal (type, "collective_shelter"))
    return SETTING_SHELTER;
  return SETTING_OTHER;
}

static void
site_free (Site *site)
{
  g_free (site->code);
  g_array_unref (site->households);
  g_free (site);
}

static gboolean
load_sites (MkDemoGen *gen,
            GError   **error)
{
  MkDemoPeople *people = gen->people;
  g_autoptr (GPtrArray) records = mk_master_data_list (gen->db, mk_kind_lookup ("site"), NULL, error);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      MkRecord *record = g_ptr_array_index (records, i);
      Site     *site = g_new0 (Site, 1);

      site->code = g_strdup (mk_record_get_code (record));
      site->setting = setting_of (mk_record_get_string (record, "type"));
      site->capacity = mk_record_is_set (record, "capacity") ? mk_record_get_int (record, "capacity") : 200;
      site->capacity = CLAMP (site->capacity, 50, 600);
      site->households = g_array_new (FALSE, FALSE, sizeof (guint));
      /* Materials come from where the site's waybills leave. */
      site->source = MK_DEMO_TRP_MAIN;
      for (guint r = mk_demo_n_routes; r-- > 0;)
        if (g_str_equal (mk_demo_routes[r].to, site->code))
          for (guint w = 0; w < MK_DEMO_N_WAREHOUSES; w++)
            if (g_str_equal (mk_demo_warehouse_codes[w], mk_demo_routes[r].from))
              site->source = w;
      g_ptr_array_add (people->sites, site);
      g_hash_table_insert (people->site_by_code, site->code, GUINT_TO_POINTER (people->sites->len));
    }
  return TRUE;
}

static gboolean
add_rules (MkDemoGen *gen,
           GError   **error)
{
  const MkKind *kind = mk_kind_lookup ("entitlement");

  for (guint i = 0; i < G_N_ELEMENTS (rule_rows); i++)
    {
      const RuleRow *row = &rule_rows[i];
      guint          item = GPOINTER_TO_UINT (g_hash_table_lookup (gen->item_by_code, row->item));
      g_autoptr (MkRecord) record = NULL;
      g_autofree char *interval = NULL;
      Rule             rule = { 0 };

      if (item == 0)
        continue;
      record = mk_record_new (kind);
      interval = row->interval_days > 0 ? g_strdup_printf ("%u", row->interval_days) : NULL;
      if (!mk_record_set_text (record, "code", row->code, error) || !mk_record_set_text (record, "item", row->item, error) || !mk_record_set_text (record, "per", row->per_person ? "person" : "household", error) || !mk_record_set_text (record, "quantity", "1", error) || (interval != NULL && !mk_record_set_text (record, "interval_days", interval, error)) || (row->season_start != NULL && !mk_record_set_text (record, "season_start", row->season_start, error)) || (interval == NULL && row->season_start == NULL && !mk_record_set_text (record, "once_per_stay", "yes", error)) || !mk_master_data_add (gen->db, record, error))
        return FALSE;
      rule.item = item - 1;
      rule.per_person = row->per_person;
      rule.interval_days = row->interval_days;
      rule.by_season = row->season_start != NULL;
      rule.once = interval == NULL && row->season_start == NULL;
      g_array_append_val (gen->people->rules, rule);
    }
  return TRUE;
}

/* Members by sex and age band that add up to a size: two parents or a
 * mother alone, now and then a grandparent or a grown child, children. */
static void
compose (MkDemoGen *gen,
         guint      group,
         gint64     size,
         gint64     cells[2 * MK_N_AGE_BANDS])
{
  static const guint child_bands[] = { 30, 40, 30 };
  gint64             left = size;

  memset (cells, 0, sizeof (gint64) * 2 * MK_N_AGE_BANDS);
  if (size == 1)
    {
      if (group == GROUP_MIGRANTS)
        cells[mk_demo_chance (gen, 0.85) ? MK_N_AGE_BANDS + MK_AGE_18_59 : MK_AGE_18_59]++;
      else if (mk_demo_chance (gen, 0.35))
        cells[mk_demo_chance (gen, 0.6) ? MK_AGE_60_PLUS : MK_N_AGE_BANDS + MK_AGE_60_PLUS]++;
      else
        cells[mk_demo_chance (gen, 0.5) ? MK_AGE_18_59 : MK_N_AGE_BANDS + MK_AGE_18_59]++;
      return;
    }
  if (!mk_demo_chance (gen, 0.18))
    {
      cells[MK_N_AGE_BANDS + MK_AGE_18_59]++;
      left--;
    }
  cells[MK_AGE_18_59]++;
  left--;
  if (left > 0 && mk_demo_chance (gen, 0.15))
    {
      cells[mk_demo_chance (gen, 0.55) ? MK_AGE_60_PLUS : MK_N_AGE_BANDS + MK_AGE_60_PLUS]++;
      left--;
    }
  if (size >= 7 && left > 2 && mk_demo_chance (gen, 0.5))
    {
      cells[mk_demo_chance (gen, 0.5) ? MK_AGE_18_59 : MK_N_AGE_BANDS + MK_AGE_18_59]++;
      left--;
    }
  while (left-- > 0)
    {
      guint band = draw_weighted (gen, child_bands, G_N_ELEMENTS (child_bands));
      cells[(mk_demo_chance (gen, 0.5) ? 0 : MK_N_AGE_BANDS) + band]++;
    }
}

static gboolean
register_household (MkDemoGen            *gen,
                    guint                 site_index,
                    const SiteHouseholds *row,
                    guint                 serial,
                    GError              **error)
{
  /* Sizes one to nine: families of about five, migrants smaller. */
  static const guint       family_sizes[] = { 6, 9, 13, 17, 18, 14, 10, 7, 6 };
  static const guint       migrant_sizes[] = { 30, 20, 15, 12, 9, 6, 4, 2, 2 };
  static const char *const band_fields[MK_N_AGE_BANDS] = { "0_4", "5_11", "12_17", "18_59", "60" };
  MkDemoPeople            *people = gen->people;
  Site                    *site = site_at (people, site_index);
  Household                household = { 0 };
  g_autoptr (MkRecord) record = mk_record_new (mk_kind_lookup ("household"));
  g_autoptr (GString) vulnerabilities = g_string_new (NULL);
  g_autofree char *size = NULL;
  char             registered[11];
  gint64           disabled = 0;
  guint            index = people->households->len;
  GDate            start;

  household.site = site_index;
  household.group = draw_weighted (gen, row->groups, N_GROUPS);
  household.size = 1 + draw_weighted (gen, household.group == GROUP_MIGRANTS ? migrant_sizes : family_sizes,
                                      G_N_ELEMENTS (family_sizes));
  compose (gen, household.group, household.size, household.cells);
  g_snprintf (household.code, sizeof household.code, "TRP-%s-%05u",
              site->setting == SETTING_URBAN ? "URB" : "CSH", serial);
  /* Most were registered the year before the mission, the rest as they
   * arrived. */
  if (mk_demo_chance (gen, 0.8))
    {
      mk_demo_parse_date ("2023-01-10", &start);
      g_date_add_days (&start, (guint) mk_demo_between (gen, 0, 350));
    }
  else
    {
      mk_demo_parse_date ("2024-01-01", &start);
      g_date_add_days (&start, (guint) mk_demo_between (gen, 0, 910));
    }
  mk_demo_date_add (&start, 0, registered);
  household.registered = g_date_get_julian (&start);
  household.last = g_new0 (guint32, gen->items->len);

  if (mk_demo_chance (gen, 0.12))
    disabled = 1;
  if (household.size > 1 && household.cells[MK_N_AGE_BANDS + MK_AGE_18_59] == 0)
    g_string_append (vulnerabilities, "female-headed household");
  if (household.size == 1 && household.cells[MK_AGE_60_PLUS] + household.cells[MK_N_AGE_BANDS + MK_AGE_60_PLUS] > 0)
    g_string_append (vulnerabilities, "older person living alone");
  if (disabled)
    g_string_append_printf (vulnerabilities, "%sperson with disability", vulnerabilities->len ? "; " : "");

  size = g_strdup_printf ("%" G_GINT64_FORMAT, household.size);
  if (!mk_record_set_text (record, "code", household.code, error) || !mk_record_set_text (record, "site", site->code, error) || !mk_record_set_text (record, "population_group", group_codes[household.group], error) || !mk_record_set_text (record, "size", size, error) || !mk_record_set_text (record, "registered_on", registered, error))
    goto fail;
  for (guint c = 0; c < 2 * MK_N_AGE_BANDS; c++)
    if (household.cells[c] > 0)
      {
        g_autofree char *field = g_strdup_printf ("%s_%s", c < MK_N_AGE_BANDS ? "female" : "male",
                                                  band_fields[c % MK_N_AGE_BANDS]);
        mk_record_set_int (record, field, household.cells[c]);
      }
  if (disabled)
    mk_record_set_int (record, "disabled", disabled);
  if (vulnerabilities->len > 0 && !mk_record_set_text (record, "vulnerabilities", vulnerabilities->str, error))
    goto fail;
  if (!mk_master_data_add (gen->db, record, error))
    goto fail;

  g_array_append_val (people->households, household);
  g_array_append_val (site->households, index);
  site->groups[household.group]++;
  gen->households++;
  return TRUE;

fail:
  g_free (household.last);
  return FALSE;
}

static gboolean
register_households (MkDemoGen *gen,
                     GError   **error)
{
  guint serials[2] = { 0, 0 };

  for (guint r = 0; r < G_N_ELEMENTS (site_households); r++)
    {
      const SiteHouseholds *row = &site_households[r];
      guint                 site = GPOINTER_TO_UINT (g_hash_table_lookup (gen->people->site_by_code, row->site));
      Setting               setting;

      if (site == 0)
        continue;
      setting = site_at (gen->people, site - 1)->setting;
      if (setting != SETTING_URBAN && setting != SETTING_SHELTER)
        continue;
      for (guint h = 0; h < row->households; h++)
        if (!register_household (gen, site - 1, row, ++serials[setting == SETTING_URBAN ? 0 : 1], error))
          return FALSE;
    }
  return TRUE;
}

gboolean
mk_demo_people_setup (MkDemoGen *gen,
                      GError   **error)
{
  MkDemoPeople *people = g_new0 (MkDemoPeople, 1);

  gen->people = people;
  people->sites = g_ptr_array_new_with_free_func ((GDestroyNotify) site_free);
  people->site_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  people->households = g_array_new (FALSE, TRUE, sizeof (Household));
  people->rules = g_array_new (FALSE, TRUE, sizeof (Rule));
  people->rounds = g_array_new (FALSE, TRUE, sizeof (Round));
  people->uses = g_new0 (const ItemUse *, gen->items->len);
  for (guint i = 0; i < gen->items->len; i++)
    {
      people->uses[i] = &item_use_default;
      for (guint u = 0; u < G_N_ELEMENTS (item_uses); u++)
        if (g_str_equal (item_uses[u].item, mk_demo_item (gen, i)->code))
          people->uses[i] = &item_uses[u];
    }
  if (!load_sites (gen, error))
    return FALSE;
  people->stock = mk_demo_stock_new (people->sites->len, gen->items->len);
  return add_rules (gen, error) && register_households (gen, error);
}

void
mk_demo_people_teardown (MkDemoGen *gen)
{
  MkDemoPeople *people = gen->people;

  if (people == NULL)
    return;
  for (guint h = 0; h < people->households->len; h++)
    g_free (household_at (people, h)->last);
  g_array_unref (people->households);
  g_array_unref (people->rules);
  g_array_unref (people->rounds);
  g_clear_pointer (&people->stock, mk_demo_stock_free);
  g_hash_table_unref (people->site_by_code);
  g_ptr_array_unref (people->sites);
  g_free (people->uses);
  g_free (people);
  gen->people = NULL;
}

/* Receptions: what the sites hold, and when they give it out ---------------------- */

static gboolean
is_working_day (const GDate *day)
{
  GDateWeekday weekday = g_date_get_weekday (day);
  return weekday != G_DATE_FRIDAY && weekday != G_DATE_SATURDAY;
}

static void
schedule (MkDemoPeople *people,
          guint32       day,
          guint         site,
          gboolean      last)
{
  Round round = { day, site, last };
  guint at = people->rounds->len;

  for (guint i = 0; i < people->rounds->len; i++)
    {
      Round *other = &g_array_index (people->rounds, Round, i);
      if (other->day == day && other->site == site)
        {
          other->last |= last;
          return;
        }
    }
  while (at > 0)
    {
      const Round *before = &g_array_index (people->rounds, Round, at - 1);
      if (before->day < day || (before->day == day && before->site < site))
        break;
      at--;
    }
  g_array_insert_val (people->rounds, at, round);
}

gboolean
mk_demo_people_received (MkDemoGen  *gen,
                         const char *site_code,
                         MkDocument *reception,
                         GError    **error)
{
  MkDemoPeople *people = gen->people;
  guint         site = GPOINTER_TO_UINT (g_hash_table_lookup (people->site_by_code, site_code));
  GPtrArray    *posted = mk_document_get_lines (reception);
  guint         n_rounds;
  guint32       day = g_date_get_julian (&gen->day);
  gboolean      homes;

  if (site-- == 0)
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, "demo generator: no site %s", site_code);
      return FALSE;
    }
  for (guint i = 0; i < posted->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (posted, i);
      if (line->quantity > 0 && !site_apply (gen, site, line, line->quantity, error))
        return FALSE;
    }

  /* A round in the next days, sometimes a second one a week later; a
   * round already planned takes the new goods too. Families are served on
   * working days, centres and landings any day. */
  homes = site_at (people, site)->setting == SETTING_URBAN || site_at (people, site)->setting == SETTING_SHELTER;
  for (guint i = 0; i < people->rounds->len; i++)
    {
      const Round *round = &g_array_index (people->rounds, Round, i);
      if (round->site == site && round->day <= day + LATER_MAX)
        return TRUE;
    }
  n_rounds = mk_demo_chance (gen, 0.35) ? 2 : 1;
  for (guint r = 0; r < n_rounds; r++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day + (guint32) (r == 0 ? mk_demo_between (gen, 1, 3)
                                                        : mk_demo_between (gen, LATER_MIN, LATER_MAX)));
      while (homes && !is_working_day (&date))
        g_date_add_days (&date, 1);
      schedule (people, g_date_get_julian (&date), site, r == n_rounds - 1);
    }
  return TRUE;
}

gint64
mk_demo_people_pending (MkDemoGen *gen)
{
  MkDemoPeople *people = gen->people;
  gint64        entries = 0;

  /* Leftovers of a few pieces may stay a long time. */
  for (guint s = 0; s < people->sites->len; s++)
    for (guint i = 0; i < gen->items->len; i++)
      {
        GArray *shelf = mk_demo_stock_shelf (people->stock, s, i);
        for (guint l = 0; l < shelf->len; l++)
          entries += g_array_index (shelf, MkDemoLot, l).quantity >= SMALL_POOL;
      }
  return entries;
}

/* What a round gives out --------------------------------------------------------- */

/* One item of one grant at the site: what there is, what goes out. */
typedef struct
{
  guint    item;
  guint    grant;
  gint64   usable;
  gint64   budget;   /* at most this much today */
  gint64   quantity; /* given */
  gboolean expiring;
} Pool;

static gboolean
expires_soon (MkDemoGen *gen,
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
static GArray *
pools_of (MkDemoGen *gen,
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
          pool.expiring = expires_soon (gen, site, i, entry->grant);
          if (pool.expiring || (last && pool.usable <= 3))
            pool.budget = pool.usable;
          else if (!last && pool.usable < SMALL_POOL)
            pool.budget = 0; /* the last round takes it with the rest */
          else
            {
              gint64 share = (gint64) ((double) pool.usable * uniform (gen, low, high));
              pool.budget = CLAMP (share, 1, pool.usable);
            }
          g_array_append_val (pools, pool);
        }
    }
  return pools;
}

/* Posts a distribution and takes its lines off the site's stock. */
static gboolean
post_distribution (MkDemoGen  *gen,
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
      if (!site_apply (gen, site, line, -line->quantity, error))
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
static gboolean
distribute_counted (MkDemoGen    *gen,
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
                                       "activity", act_codes[lead_use->act],
                                       "indicator", act_indicators[lead_use->act],
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
      allocate_counts (gen, MAX (reached, 1),
                       everyone > 0 ? profile : women > 0 ? profile_women
                                                          : profile_infants,
                       counts);
      make_room (counts, women, infants);
      complete_counts (gen, site->setting, counts);
      if (!post_distribution (gen, site_index, document, error))
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
      if (!site_apply (gen, site_index, line, -line->quantity, error) || !mk_demo_stock_apply (gen, site->source, line, line->quantity, error))
        return FALSE;
    }
  gen->returns++;
  mk_demo_count (gen, 2 * (gint64) posted->len);
  return TRUE;
}

/* A detention centre's detainees, or the people of a boat just landed. */
static gboolean
round_at_centre (MkDemoGen *gen,
                 guint      site_index,
                 gboolean   last,
                 GError   **error)
{
  Site         *site = site_at (gen->people, site_index);
  gboolean      detention = site->setting == SETTING_DETENTION;
  const double *profile = detention ? profile_detention : profile_disembarkation;
  gint64        present = detention ? (gint64) ((double) site->capacity * uniform (gen, 0.45, 0.95))
                                    : mk_demo_between (gen, 25, site->capacity);
  g_autoptr (GArray) pools = pools_of (gen, site_index, last, last ? 0.75 : 0.35, last ? 0.95 : 0.65);
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
  if (!distribute_counted (gen, site_index, pools, profile, present,
                           population_for (gen, site->setting, site),
                           !detention && mk_demo_chance (gen, 0.5) ? "LRC" : NULL,
                           detention ? "Distributed in the centre, section by section."
                                     : "Distributed at the quay on disembarkation.",
                           error))
    return FALSE;
  return gen->done || !last || return_surplus (gen, site_index, pools, round_cap, error);
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
static gboolean
round_at_homes (MkDemoGen *gen,
                guint      site_index,
                gboolean   last,
                GError   **error)
{
  MkDemoPeople *people = gen->people;
  Site         *site = site_at (people, site_index);
  guint32       today = g_date_get_julian (&gen->day);
  const char   *population = population_for (gen, site->setting, site);
  g_autoptr (GArray) pools = pools_of (gen, site_index, last, last ? 1.0 : 0.5, last ? 1.0 : 0.8);
  g_autoptr (GArray) batch = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint)); /* act × grant per document */
  gboolean override = override_now (gen);
  guint    n_batch;

  for (guint i = 0; i < site->households->len; i++)
    {
      guint            index = g_array_index (site->households, guint, i);
      const Household *household = household_at (people, index);
      if (household->registered <= today && g_str_equal (group_codes[household->group], population))
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
                                               "activity", act_codes[use->act],
                                               "indicator", act_indicators[use->act],
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

      if (!post_distribution (gen, site_index, document, error))
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
                                : (gint64) ((double) pool->usable * uniform (gen, 0.05, 0.15));

      if (expires_soon (gen, site_index, pool->item, pool->grant))
        keep = 0;
      pool->quantity = MAX (0, left - keep);
    }
  return distribute_counted (gen, site_index, pools, profile_community, 0, population, NULL,
                             "Families not yet registered, counted at the door of the community centre.",
                             error);
}

static gboolean
distribute_due (MkDemoGen *gen,
                GError   **error)
{
  MkDemoPeople *people = gen->people;
  guint32       today = g_date_get_julian (&gen->day);

  while (!gen->done && people->rounds->len > 0)
    {
      Round round = g_array_index (people->rounds, Round, 0);
      Site *site;

      if (round.day > today)
        break;
      g_array_remove_index (people->rounds, 0);
      site = site_at (people, round.site);
      if (site->setting == SETTING_DETENTION || site->setting == SETTING_DISEMBARKATION)
        {
          if (!round_at_centre (gen, round.site, round.last, error))
            return FALSE;
        }
      else if (!round_at_homes (gen, round.site, round.last, error))
        return FALSE;
    }
  return TRUE;
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
  const double    *profile = site->setting == SETTING_DETENTION                 ? profile_detention
                             : site->setting == SETTING_DISEMBARKATION          ? profile_disembarkation
                             : g_str_equal (row->activity, "hygiene_promotion") ? profile_promotion
                                                                                : profile_community;
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
                  ? (gint64) ((double) site->capacity * uniform (gen, 0.5, 0.95))
                  : mk_demo_between (gen, 40, site->capacity);
  else
    {
      gint64 registered = registered_people (people, site, today);
      gint64 base = MAX (registered, site->capacity / 4);

      reached = (gint64) ((double) base * uniform (gen, 0.5, 0.9));
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
                                   "population_group", population_for (gen, site->setting, site),
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
  allocate_counts (gen, reached, profile, counts);
  complete_counts (gen, site->setting, counts);
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

static gboolean
deliver_services (MkDemoGen *gen,
                  GError   **error)
{
  MkDemoPeople *people = gen->people;

  if (!is_working_day (&gen->day))
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

gboolean
mk_demo_people_day (MkDemoGen *gen,
                    GError   **error)
{
  return distribute_due (gen, error) && (gen->done || deliver_services (gen, error));
}
