/* mk-ledger.h: the stock ledger — balances, stock cards, transit, checks.
 *
 * Stock is the sum of posted movements, keyed by location, item, lot and
 * grant. A location is a warehouse, its quarantine (damaged goods kept
 * apart), a waybill in transit, a site or a partner. Balances are kept in
 * the posting transaction, so reading them is a lookup. Owns the lots,
 * locations, movements, balances and stock_month_totals tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"

G_BEGIN_DECLS

#define MK_LEDGER_ERROR (mk_ledger_error_quark ())

typedef enum
{
  MK_LEDGER_ERROR_NOT_FOUND,
  MK_LEDGER_ERROR_INVALID,
  MK_LEDGER_ERROR_SHORT, /* stock would become negative */
  MK_LEDGER_ERROR_CHECK_FAILED,
} MkLedgerError;

GQuark mk_ledger_error_quark (void);

/* What to sum. NULL fields mean "all". @as_of (YYYY-MM-DD) includes the
 * movements of that day; NULL means now. @quarantine selects the
 * warehouse's quarantine instead of its usable stock. */
typedef struct
{
  const char *warehouse_code;
  gboolean    quarantine;
  const char *item_code;
  const char *lot_number;
  const char *grant_code; /* "" means unearmarked only */
  const char *as_of;
} MkStockFilter;

/* The quantity of one item in one warehouse (required in @filter),
 * optionally for one lot and grant and as of a date. */
gboolean mk_ledger_get_balance (MkDatabase          *db,
                                const MkStockFilter *filter,
                                gint64              *quantity,
                                GError             **error);

typedef struct
{
  char    *warehouse_code;
  gboolean quarantine;
  char    *item_code;
  char    *item_name_en;
  char    *item_name_ar;
  char    *unit;
  char    *lot_number;  /* NULL: no lot */
  char    *expiry_date; /* NULL: does not expire */
  char    *grant_code;  /* NULL: unearmarked */
  gint64   quantity;
} MkStockRow;

void mk_stock_row_free (MkStockRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkStockRow, mk_stock_row_free)

/* Non-zero balances matching @filter (any field may be NULL), ordered by
 * warehouse, item, expiry, lot and grant. Array of MkStockRow. */
GPtrArray *mk_ledger_list_stock (MkDatabase          *db,
                                 const MkStockFilter *filter,
                                 GError             **error);

typedef struct
{
  gint64 movement_id;
  char  *date;
  char  *document_number;
  char  *kind_code;   /* "GRN", "WB" … */
  char  *counterpart; /* from / to, as text */
  char  *lot_number;
  char  *grant_code;
  gint64 quantity_in;
  gint64 quantity_out;
  gint64 balance; /* running balance after this movement */
} MkStockCardRow;

void mk_stock_card_row_free (MkStockCardRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkStockCardRow, mk_stock_card_row_free)

/* Lots of @item_code to take @quantity from in @warehouse_code, first
 * expiry first out, never an expired lot (expiry before @date, NULL:
 * today), optionally only of @grant_code ("" unearmarked). Returns an array
 * of MkStockRow whose quantity is what to take from each lot; refuses with
 * an error naming the shortfall when there is not enough. */
GPtrArray *mk_ledger_suggest_lots (MkDatabase *db,
                                   const char *warehouse_code,
                                   const char *item_code,
                                   const char *grant_code,
                                   gint64      quantity,
                                   const char *date,
                                   GError    **error);

/* The stock card of one item in one warehouse: every movement, oldest
 * first, with its running balance; @offset and @limit page through it so
 * that an item with 100,000 movements opens at once. @from / @to (NULL:
 * open) restrict the period; the running balance still counts everything
 * before @from. Returns an array of MkStockCardRow; *total (may be NULL)
 * receives the number of rows in the period. */
GPtrArray *mk_ledger_stock_card (MkDatabase *db,
                                 const char *warehouse_code,
                                 const char *item_code,
                                 const char *from,
                                 const char *to,
                                 guint       offset,
                                 guint       limit,
                                 guint64    *total,
                                 GError    **error);

typedef struct
{
  char  *waybill_number;
  char  *date;
  char  *expected_date;
  char  *from_warehouse_code;
  char  *destination; /* warehouse, site or partner code */
  char  *item_code;
  char  *lot_number;
  char  *grant_code;
  gint64 quantity;
} MkTransitRow;

void mk_transit_row_free (MkTransitRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkTransitRow, mk_transit_row_free)

/* What waybills still carry, oldest first. Array of MkTransitRow. */
GPtrArray *mk_ledger_list_in_transit (MkDatabase *db,
                                      GError    **error);

/* Lots with stock expiring within @months of @today (NULL: today),
 * expired lots included, soonest first. Array of MkStockRow. */
GPtrArray *mk_ledger_list_expiring (MkDatabase *db,
                                    guint       months,
                                    const char *today,
                                    GError    **error);

typedef struct
{
  char  *warehouse_code;
  char  *item_code;
  char  *item_name_en;
  char  *item_name_ar;
  gint64 quantity;
  gint64 reorder_level;
} MkReorderRow;

void mk_reorder_row_free (MkReorderRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkReorderRow, mk_reorder_row_free)

/* Active items at or below their reorder level, per active warehouse
 * (items with a reorder level of 0 are not watched). */
GPtrArray *mk_ledger_list_below_reorder (MkDatabase *db,
                                         GError    **error);

/* One line of the monthly stock report: what happened to one item of one
 * grant in one warehouse's usable stock during a month. Every column is in
 * the item's unit; opening + received + kitting + adjustments − dispatched
 * − distributed − losses = closing. */
typedef struct
{
  char  *warehouse_code;
  char  *item_code;
  char  *grant_code; /* NULL: unearmarked */
  gint64 opening;
  gint64 received_purchase;
  gint64 received_donation;
  gint64 received_return;
  gint64 received_transfer; /* waybill receptions */
  gint64 dispatched;        /* out on waybills, a positive number */
  gint64 distributed;       /* a positive number */
  gint64 kitting;           /* kits made and components used, net */
  gint64 losses;            /* a positive number */
  gint64 adjustments;       /* counts, found, ownership, cancellations, net */
  gint64 closing;
} MkMonthRow;

void mk_month_row_free (MkMonthRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkMonthRow, mk_month_row_free)

/* The monthly stock report of @month ("YYYY-MM") for one warehouse or all
 * (@warehouse_code NULL), from the monthly totals kept at posting: it reads
 * no history. Rows with nothing at all are left out. Array of MkMonthRow
 * ordered by warehouse, item and grant. */
GPtrArray *mk_ledger_month_report (MkDatabase *db,
                                   const char *month,
                                   const char *warehouse_code,
                                   GError    **error);

/* Proves the ledger: balances and transit equal the sum of movements,
 * monthly totals equal the movements, numbers are gapless per kind and
 * year, nothing was received before its waybill left, every movement
 * belongs to a posted document. Sets an MK_LEDGER_ERROR_CHECK_FAILED error
 * naming the first fault. */
gboolean mk_ledger_check (MkDatabase *db,
                          GError    **error);

/* Bulk posting for generators and imports: between begin and end, postings
 * run in one transaction, balances are kept in memory and secondary indexes
 * are rebuilt at the end. The same rules apply. end() commits; abort()
 * rolls everything back. */
gboolean mk_ledger_bulk_begin (MkDatabase *db,
                               GError    **error);
gboolean mk_ledger_bulk_end (MkDatabase *db,
                             GError    **error);
void     mk_ledger_bulk_abort (MkDatabase *db);

G_END_DECLS
