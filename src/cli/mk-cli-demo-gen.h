/* mk-cli-demo-gen.h: the state of the demo mission's generator, shared by
 *
 *   mk-cli-demo-setup.c      the grants, catalogue and kits it starts from
 *   mk-cli-demo-movements.c  the calendar, the budget of movements, posting
 *   mk-cli-demo-supply.c     goods received, kitting, transfers of ownership
 *   mk-cli-demo-dispatch.c   waybills, their receptions, cancellations
 *   mk-cli-demo-stores.c     stock counts and loss reports
 *   mk-cli-demo-people.c     households, distributions at the sites, services
 *
 * Every document is built as a user would fill it and posted with
 * mk_documents_post(); what posting did (lots, splits, components) is read
 * back from its lines into the MkDemoStock picture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-cli-demo-flows.h"
#include "mk-cli-demo-stock.h"
#include "mk-cli-demo.h"

G_BEGIN_DECLS

/* The office's warehouses, mains first. */
enum
{
  MK_DEMO_TRP_MAIN,
  MK_DEMO_BEN_MAIN,
  MK_DEMO_MIS_FIELD,
  MK_DEMO_SEB_FIELD,
  MK_DEMO_N_WAREHOUSES,
  MK_DEMO_N_MAINS = 2,
};

extern const char *const mk_demo_warehouse_codes[MK_DEMO_N_WAREHOUSES];

typedef struct
{
  guint  item;
  gint64 quantity;
} MkDemoComponent;

typedef struct
{
  char    *code;
  gboolean tracks_lots;
  gboolean is_kit;
  gint64   pack_size;     /* ≥ 1 */
  gint64   line_quantity; /* a usual waybill line */
  guint    shelf_life_months;
  gboolean dispatched;    /* a kit or loose item of some grant: it goes out */
  GArray  *bill;          /* MkDemoComponent, for kits */
} MkDemoItem;

typedef struct
{
  char                  *code;      /* NULL: unearmarked (index 0) */
  char                   start[11];
  char                   end[11];
  char                   buy_until[11];    /* 45 days before the end */
  char                   kit_until[11];    /* 60 days after it */
  char                   hand_over_on[11]; /* 30 days after it */
  const MkDemoProgramme *programme; /* NULL: buys nothing */
  GArray                *kits;      /* item indices */
  GArray                *loose;
  GArray                *components;
  guint                  mains;     /* bit per main warehouse */
  guint                  successor; /* grant index, or 0 */
  gboolean               handed_over;
} MkDemoGrantState;

typedef struct
{
  char              due[11];
  char             *number;
  MkDemoDestination to_kind;
  guint             to_warehouse;  /* with MK_DEMO_TO_WAREHOUSE */
  const char       *to;            /* the destination's code (the route's) */
  GPtrArray        *lines;         /* MkDocumentLine: what the waybill carries */
} MkDemoPending;

typedef struct _MkDemoPeople MkDemoPeople;

typedef struct
{
  MkDatabase  *db;
  GRand       *rand;
  MkDemoStock *stock;
  GPtrArray   *items;        /* MkDemoItem */
  GHashTable  *item_by_code; /* code → index + 1 */
  GPtrArray   *grants;       /* MkDemoGrantState, [0] unearmarked */
  GHashTable  *grant_by_code;
  GPtrArray   *pending;      /* MkDemoPending, by due date */
  MkDemoPeople *people;      /* sites, households, distributions to come */

  /* The day being generated. */
  GDate        day;
  char         date[11];
  gboolean     last_day;

  /* The budget. */
  gint64       target;
  gint64       movements;
  gint64       pending_movements; /* receptions still to come, estimated */
  gboolean     done;
  double       lines_per_key[MK_DEMO_N_MAINS]; /* dispatch lines a month */

  /* Counters for numbering lots, references and for the summary. */
  guint        lot_serial;
  guint        order_serial;
  gint64       documents;
  gint64       lines;
  gint64       cancellations;
  gint64       max_cancellations;
  gint64       distributions;   /* with people counted or a household list */
  gint64       household_lists;
  gint64       services;
  gint64       returns;         /* goods returned from a site */
  gint64       households;      /* registered at setup */
} MkDemoGen;

/* mk-cli-demo-setup.c */
/* Adds the mission's grants to @db and reads the catalogue, the kits and
 * the grants back; mk_demo_teardown() frees what it made. */
gboolean     mk_demo_setup         (MkDemoGen  *gen,
                                    MkDatabase *db,
                                    GError    **error);
void         mk_demo_teardown      (MkDemoGen  *gen);
/* YYYY-MM-DD, as the data and the core write dates, whatever the locale. */
void         mk_demo_parse_date    (const char *text,
                                    GDate      *date);

/* mk-cli-demo-movements.c */
/* Posts @document; a refusal is a bug of the generator or the core, and
 * the error says which document it was. Adds what it posted to the
 * summary and @movements to the budget. */
gboolean     mk_demo_post          (MkDemoGen  *gen,
                                    MkDocument *document,
                                    GError    **error);
void         mk_demo_count         (MkDemoGen  *gen,
                                    gint64      movements);
/* A draft of @kind dated today, its header's fields set from name, value
 * pairs; NULL with @error set if one is refused (a bug). */
MkDocument  *mk_demo_document_new  (MkDemoGen     *gen,
                                    MkDocumentKind kind,
                                    GError       **error,
                                    ...) G_GNUC_NULL_TERMINATED;
MkDocumentLine *mk_demo_line_new   (MkDemoGen  *gen,
                                    guint       item,
                                    const char *lot,
                                    const char *expiry,
                                    guint       grant,
                                    gint64      quantity);
/* The index of a posted line's item and grant. */
guint        mk_demo_item_of       (MkDemoGen            *gen,
                                    const MkDocumentLine *line);
guint        mk_demo_grant_of      (MkDemoGen            *gen,
                                    const MkDocumentLine *line);
MkDemoItem  *mk_demo_item          (MkDemoGen *gen,
                                    guint      item);
MkDemoGrantState *mk_demo_grant    (MkDemoGen *gen,
                                    guint      grant);
/* Applies a posted line to the picture of @warehouse's stock. */
gboolean     mk_demo_stock_apply   (MkDemoGen            *gen,
                                    guint                 warehouse,
                                    const MkDocumentLine *line,
                                    gint64                delta,
                                    GError              **error);
/* @date plus @days, as YYYY-MM-DD. */
void         mk_demo_date_add      (const GDate *date,
                                    gint         days,
                                    char         out[11]);
gint64       mk_demo_between       (MkDemoGen *gen,
                                    gint64     low,
                                    gint64     high);
gboolean     mk_demo_chance        (MkDemoGen *gen,
                                    double     probability);

/* mk-cli-demo-supply.c */
/* Goods received notes for what a main warehouse is short of, per grant;
 * @restock buys whatever is below target, not only what is low. */
gboolean     mk_demo_procure       (MkDemoGen *gen,
                                    gboolean   restock,
                                    GError   **error);
gboolean     mk_demo_assemble_kits (MkDemoGen *gen,
                                    GError   **error);
/* Stock of grants that ended a month ago goes to the grant that follows. */
gboolean     mk_demo_hand_over     (MkDemoGen *gen,
                                    GError   **error);
/* What a main warehouse should hold of an item for a grant. */
gint64       mk_demo_target        (MkDemoGen *gen,
                                    guint      warehouse,
                                    guint      item,
                                    guint      grant);
gboolean     mk_demo_grant_buys    (MkDemoGen *gen,
                                    guint      grant);

/* mk-cli-demo-dispatch.c */
/* One waybill on a route drawn by weight; *sent FALSE when no origin had
 * anything to send. */
gboolean     mk_demo_dispatch      (MkDemoGen *gen,
                                    gboolean  *sent,
                                    GError   **error);
/* Receptions due on or before today. */
gboolean     mk_demo_receive_due   (MkDemoGen *gen,
                                    GError   **error);
void         mk_demo_pending_free  (MkDemoPending *pending);

/* mk-cli-demo-stores.c */
gboolean     mk_demo_count_stock   (MkDemoGen *gen,
                                    GError   **error);
gboolean     mk_demo_write_off     (MkDemoGen *gen,
                                    GError   **error);

/* mk-cli-demo-people.c */
/* Registers the households of the urban sites and collective shelters and
 * the entitlement rules, and reads the sites; called by mk_demo_setup(). */
gboolean     mk_demo_people_setup    (MkDemoGen  *gen,
                                      GError    **error);
void         mk_demo_people_teardown (MkDemoGen  *gen);
/* A posted reception at @site: its goods join the site's stock, to be
 * given out in the days that follow. */
gboolean     mk_demo_people_received (MkDemoGen  *gen,
                                      const char *site,
                                      MkDocument *reception,
                                      GError    **error);
/* Today's distributions at the sites and service deliveries. */
gboolean     mk_demo_people_day      (MkDemoGen  *gen,
                                      GError    **error);
/* The movements the sites' stock still has to make: one for each lot of
 * ten or more pieces at a site. */
gint64       mk_demo_people_pending  (MkDemoGen  *gen);

G_END_DECLS
