/* mk-cli-demo-people.h: what the demo generator's files about people share,
 * the types of its sites, households and rounds; private to
 *
 *   mk-cli-demo-people.c      sites, households and rules; receptions; the day
 *   mk-cli-demo-counted.c     distributions to people counted by sex and age
 *   mk-cli-demo-households.c  household-list distributions
 *   mk-cli-demo-services.c    service deliveries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-cli-demo-gen.h"

G_BEGIN_DECLS

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

/* Sexes and ages: weights of the ten cells, female 0–4 … 60+, then male. */
typedef double Profile[2 * MK_N_AGE_BANDS];

/* What the items are for ----------------------------------------------------- */

typedef enum
{
  ACT_NFI,
  ACT_HYGIENE,
  ACT_WINTER,
  ACT_SHELTER,
  N_ACTS
} Act;

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

/* Less than this of an item waits for the last round. */
#define SMALL_POOL 10

typedef enum
{
  SETTING_DETENTION,
  SETTING_DISEMBARKATION,
  SETTING_URBAN,
  SETTING_SHELTER,
  SETTING_OTHER,
} Setting;

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

static inline Site *
site_at (MkDemoPeople *people,
         guint         site)
{
  return g_ptr_array_index (people->sites, site);
}

static inline Household *
household_at (MkDemoPeople *people,
              guint         index)
{
  return &g_array_index (people->households, Household, index);
}

/* mk-cli-demo-people.c */
extern const char *const mk_demo_group_codes[N_GROUPS];
extern const char *const mk_demo_act_codes[N_ACTS];
extern const char *const mk_demo_act_indicators[N_ACTS];
/* One of @n by @weights. */
guint       mk_demo_draw_weighted (MkDemoGen   *gen,
                                   const guint *weights,
                                   guint        n);
double      mk_demo_uniform (MkDemoGen *gen,
                             double     low,
                             double     high);
const char *mk_demo_population_for (MkDemoGen  *gen,
                                    Setting     setting,
                                    const Site *site);
/* Applies a posted line to the picture of @site's stock. */
gboolean mk_demo_site_apply (MkDemoGen            *gen,
                             guint                 site,
                             const MkDocumentLine *line,
                             gint64                delta,
                             GError              **error);
gboolean mk_demo_working_day (const GDate *day);

/* mk-cli-demo-counted.c */
extern const Profile mk_demo_profile_detention;
extern const Profile mk_demo_profile_disembarkation;
extern const Profile mk_demo_profile_community;
/* Spreads @total people over the ten cells by @profile. */
void mk_demo_allocate_counts (MkDemoGen      *gen,
                              gint64          total,
                              const Profile   profile,
                              MkPeopleCounts *counts);
/* Persons with disability, unaccompanied children and households, as a
 * setting has them. */
void     mk_demo_complete_counts (MkDemoGen      *gen,
                                  Setting         setting,
                                  MkPeopleCounts *counts);
gboolean mk_demo_expires_soon (MkDemoGen *gen,
                               guint      site,
                               guint      item,
                               guint      grant);
/* The site's usable stock, item by item and grant by grant (Pool), with a
 * share of each for today. */
GArray *mk_demo_pools_of (MkDemoGen *gen,
                          guint      site,
                          gboolean   last,
                          double     low,
                          double     high);
/* Posts a distribution and takes its lines off the site's stock. */
gboolean mk_demo_post_distribution (MkDemoGen  *gen,
                                    guint       site,
                                    MkDocument *document,
                                    GError    **error);
/* Distributions with the people counted: one per activity and grant, of
 * the pools' quantities; @present people at most (0: no limit). */
gboolean mk_demo_distribute_counted (MkDemoGen    *gen,
                                     guint         site_index,
                                     GArray       *pools,
                                     const Profile profile,
                                     gint64        present,
                                     const char   *population,
                                     const char   *partner,
                                     const char   *notes,
                                     GError      **error);
/* A detention centre's detainees, or the people of a boat just landed. */
gboolean mk_demo_round_at_centre (MkDemoGen *gen,
                                  guint      site_index,
                                  gboolean   last,
                                  GError   **error);

/* mk-cli-demo-households.c */
/* Household-list distributions at an urban site or a shelter. */
gboolean mk_demo_round_at_homes (MkDemoGen *gen,
                                 guint      site_index,
                                 gboolean   last,
                                 GError   **error);

/* mk-cli-demo-services.c */
/* Today's service deliveries at the sites. */
gboolean mk_demo_deliver_services (MkDemoGen *gen,
                                   GError   **error);

G_END_DECLS
