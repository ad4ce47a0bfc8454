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
 * Here: the sites, the households and the entitlement rules at setup; the
 * receptions and the rounds they bring; the day. mk-cli-demo-counted.c gives
 * out to people counted, mk-cli-demo-households.c to registered households,
 * mk-cli-demo-services.c delivers services.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <string.h>

#include "mk-cli-demo-people.h"

/* Population groups ------------------------------------------------------- */

const char *const mk_demo_group_codes[N_GROUPS] = {
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

/* What the items are for ----------------------------------------------------- */

const char *const mk_demo_act_codes[N_ACTS] = {
  "nfi_distribution",
  "hygiene_distribution",
  "winterization",
  "shelter_kit_distribution",
};
const char *const mk_demo_act_indicators[N_ACTS] = {
  "people_nfi",
  "people_hygiene",
  "people_nfi",
  "people_shelter",
};

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

/* Rounds ------------------------------------------------------------------ */

/* A second round after a reception, this many days later. */
#define LATER_MIN 5
#define LATER_MAX 12

/* Helpers ------------------------------------------------------------------- */

guint
mk_demo_draw_weighted (MkDemoGen   *gen,
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

double
mk_demo_uniform (MkDemoGen *gen,
                 double     low,
                 double     high)
{
  return low + (high - low) * g_rand_double (gen->rand);
}

const char *
mk_demo_population_for (MkDemoGen  *gen,
                        Setting     setting,
                        const Site *site)
{
  if (setting == SETTING_DETENTION)
    return mk_demo_group_codes[mk_demo_chance (gen, 0.25) ? GROUP_REFUGEES : GROUP_MIGRANTS];
  if (setting == SETTING_DISEMBARKATION)
    return mk_demo_group_codes[mk_demo_chance (gen, 0.15) ? GROUP_REFUGEES : GROUP_MIGRANTS];
  {
    guint total = 0;
    for (guint g = 0; g < N_GROUPS; g++)
      total += site->groups[g];
    if (total == 0)
      return mk_demo_group_codes[GROUP_IDPS];
    return mk_demo_group_codes[mk_demo_draw_weighted (gen, site->groups, N_GROUPS)];
  }
}

gboolean
mk_demo_site_apply (MkDemoGen            *gen,
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
      guint band = mk_demo_draw_weighted (gen, child_bands, G_N_ELEMENTS (child_bands));
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
  household.group = mk_demo_draw_weighted (gen, row->groups, N_GROUPS);
  household.size = 1 + mk_demo_draw_weighted (gen, household.group == GROUP_MIGRANTS ? migrant_sizes : family_sizes,
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
  if (!mk_record_set_text (record, "code", household.code, error) || !mk_record_set_text (record, "site", site->code, error) || !mk_record_set_text (record, "population_group", mk_demo_group_codes[household.group], error) || !mk_record_set_text (record, "size", size, error) || !mk_record_set_text (record, "registered_on", registered, error))
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

gboolean
mk_demo_working_day (const GDate *day)
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
      if (line->quantity > 0 && !mk_demo_site_apply (gen, site, line, line->quantity, error))
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
      while (homes && !mk_demo_working_day (&date))
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

/* The day ----------------------------------------------------------------- */

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
          if (!mk_demo_round_at_centre (gen, round.site, round.last, error))
            return FALSE;
        }
      else if (!mk_demo_round_at_homes (gen, round.site, round.last, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
mk_demo_people_day (MkDemoGen *gen,
                    GError   **error)
{
  return distribute_due (gen, error) && (gen->done || mk_demo_deliver_services (gen, error));
}
