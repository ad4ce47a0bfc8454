/* mk-cli-demo-flows.h: the demo mission's data — the grants of its years,
 * what each grant buys and assembles, where goods go, who carries them.
 * mk-cli-demo-movements.c turns these tables into documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The mission's calendar: documents are dated within it. */
#define MK_DEMO_FIRST_DAY "2024-01-01"
#define MK_DEMO_LAST_DAY "2026-10-31"

/* Grants of the mission's years beyond the office's own (mk-cli-demo.c),
 * added with the movements: every month has grants to buy with. */
typedef struct
{
  const char *code;
  const char *donor;
  const char *name_en;
  const char *name_ar;
  const char *start_date;
  const char *end_date;
  const char *sector;
} MkDemoGrant;

extern const MkDemoGrant mk_demo_grants[];
extern const guint       mk_demo_n_grants;

/* What a grant pays for: kits assembled in the main warehouses from
 * components bought under it, and items bought and sent as they are.
 * Lists are codes separated by spaces. @successor takes over the stock
 * left when the grant ends (an ownership transfer), or NULL. */
typedef struct
{
  const char *grant;
  const char *warehouses; /* the main warehouses that receive its goods */
  const char *kits;
  const char *loose;
  const char *source;     /* purchase | donation */
  const char *supplier;
  const char *successor;
} MkDemoProgramme;

extern const MkDemoProgramme mk_demo_programmes[];
extern const guint           mk_demo_n_programmes;

/* An item's usual quantity on one waybill line, and for items that track
 * lots the shelf life a new lot has, in months. Items not listed move in
 * lines of 50 and do not expire. */
typedef struct
{
  const char *item;
  gint64      line_quantity;
  guint       shelf_life_months;
} MkDemoItemFlow;

extern const MkDemoItemFlow mk_demo_item_flows[];
extern const guint          mk_demo_n_item_flows;

typedef enum
{
  MK_DEMO_TO_WAREHOUSE,
  MK_DEMO_TO_SITE,
  MK_DEMO_TO_PARTNER,
} MkDemoDestination;

/* A regular dispatch: how often (relative weight), how long the road, how
 * many lines a waybill has. */
typedef struct
{
  const char       *from;
  MkDemoDestination to_kind;
  const char       *to;
  guint             weight;
  guint             min_days;
  guint             max_days;
  guint             min_lines;
  guint             max_lines;
} MkDemoRoute;

extern const MkDemoRoute mk_demo_routes[];
extern const guint       mk_demo_n_routes;

typedef struct
{
  const char *company;
  const char *vehicle;
  const char *plate;
  const char *driver;
  const char *phone;
} MkDemoTransporter;

extern const MkDemoTransporter mk_demo_transporters[];
extern const guint             mk_demo_n_transporters;

/* Why a waybill did not leave, for its cancellation. */
extern const char *const mk_demo_cancel_reasons[];
extern const guint       mk_demo_n_cancel_reasons;

G_END_DECLS
