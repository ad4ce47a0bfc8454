/* mk-dashboard.h: the figures of the dashboard — stock by warehouse and
 * category, what is in transit and overdue, what expires soon, what is
 * below its reorder level, distributions and people reached this month,
 * and twelve months of stock and distributions.
 *
 * Read-only queries over the ledger and distribution tables, sized to run
 * in a few milliseconds on a million movements (they read balances, the
 * monthly totals and the documents of one month, never all movements).
 * Each figure carries the filter of the list that shows what it counts,
 * in the form of the window's "win.show-list" action:
 * "PAGE?key=value&key=value".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"
#include "mk-ledger.h"

G_BEGIN_DECLS

#define MK_DASHBOARD_ERROR (mk_dashboard_error_quark ())

typedef enum
{
  MK_DASHBOARD_ERROR_NOT_FOUND, /* the warehouse does not exist */
  MK_DASHBOARD_ERROR_INVALID,   /* today is not a date */
} MkDashboardError;

GQuark mk_dashboard_error_quark (void);

/* The twelve months of the charts. */
#define MK_DASHBOARD_N_MONTHS 12

/* Usable stock (quarantine left out) of one category in one warehouse. */
typedef struct
{
  gint64 warehouse_id;
  char  *warehouse_code;
  char  *warehouse_name_en;
  char  *warehouse_name_ar;
  char  *category; /* item_categories code: "nfi", "wash" … */
  char  *category_name_en;
  char  *category_name_ar;
  gint64 units;
  gint64 weight_g;
  char  *filter; /* "stock?warehouse=BEN-MAIN&category=nfi" */
} MkDashboardStock;

/* A waybill that still carries goods: not received, or received in part. */
typedef struct
{
  gint64   document_id;
  char    *number;
  char    *date;
  char    *expected_date; /* NULL: no estimated arrival */
  char    *from_warehouse_code;
  char    *destination_code; /* warehouse, site or partner */
  gint64   units;            /* what it still carries */
  gint64   weight_g;
  gboolean overdue; /* its estimated arrival is before today */
} MkDashboardWaybill;

/* Lots with stock (usable or in quarantine) expiring within @months of
 * today; lots already expired are counted too, and apart. */
typedef struct
{
  guint  months;
  guint  n_lots;
  guint  n_expired;
  gint64 units;
  char  *filter; /* "stock?expiring-months=3" */
} MkDashboardExpiry;

/* This month's distributions for one population group (cancelled ones
 * left out). People are the sum of each distribution's people reached. */
typedef struct
{
  char  *population_group;
  char  *name_en;
  char  *name_ar;
  guint  n_distributions;
  gint64 people;
  gint64 units;
  char  *filter; /* "distributions?from=…&to=…&population-group=migrants" */
} MkDashboardReached;

/* One month of the charts. */
typedef struct
{
  char   month[8];     /* "YYYY-MM" */
  char   last_day[11]; /* "YYYY-MM-DD" */
  gint64 stock_units;  /* usable stock at the end of the month */
  gint64 stock_weight_g;
  guint  n_distributions;
  gint64 distributed_units;
  gint64 people_reached;
  char  *stock_filter;         /* "stock?as-of=YYYY-MM-DD" */
  char  *distributions_filter; /* "distributions?from=…&to=…" */
} MkDashboardMonth;

typedef struct
{
  char  *today;          /* YYYY-MM-DD */
  gint64 warehouse_id;   /* 0: every warehouse */
  char  *warehouse_code; /* NULL: every warehouse */

  /* MkDashboardStock, by warehouse code then category order. */
  GPtrArray *stock;
  gint64     stock_units;
  gint64     stock_weight_g;
  char      *stock_filter; /* "stock" or "stock?warehouse=…" */

  /* MkDashboardWaybill, overdue first, then by estimated arrival. With a
   * warehouse, the waybills that leave it or go to it. */
  GPtrArray *in_transit;
  guint      n_overdue;
  gint64     transit_units;
  gint64     transit_weight_g;
  char      *transit_filter; /* "waybills?status=in-transit" */
  char      *overdue_filter; /* "waybills?status=in-transit&overdue=1" */

  MkDashboardExpiry expiring[2]; /* within 3 and within 9 months */

  /* MkReorderRow of mk-ledger.h: items at or below their reorder level. */
  GPtrArray *below_reorder;
  char      *below_reorder_filter; /* "stock?below-reorder=1" */

  /* This month (the month of today). MkDashboardReached per population
   * group that received something, in the groups' order. With a warehouse,
   * only the distributions from it. */
  char      *month_first_day;
  char      *month_last_day;
  GPtrArray *reached;
  guint      n_distributions;
  gint64     people_reached;
  gint64     distributed_units;
  char      *distributions_filter; /* "distributions?from=…&to=…" */

  /* The twelve months ending with this one, oldest first. */
  MkDashboardMonth months[MK_DASHBOARD_N_MONTHS];
} MkDashboard;

void mk_dashboard_free (MkDashboard *dashboard);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkDashboard, mk_dashboard_free)

/* Reads every figure for @warehouse_id (0: all warehouses) as of @today
 * (YYYY-MM-DD; NULL: the local date). */
MkDashboard *mk_dashboard_load (MkDatabase *db,
                                gint64      warehouse_id,
                                const char *today,
                                GError    **error);

G_END_DECLS
