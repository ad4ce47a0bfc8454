/* mk-distributions.h: people reached — households, entitlements, unique
 * people, and what a site received and gave out.
 *
 * Distributions and service deliveries are documents (mk-documents.h);
 * households and entitlement rules are master data (kinds "household" and
 * "entitlement" of mk-master-data.h). Owns the people_reached and
 * household_receipts tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"
#include "mk-document.h"

G_BEGIN_DECLS

#define MK_DISTRIBUTIONS_ERROR (mk_distributions_error_quark ())

typedef enum
{
  MK_DISTRIBUTIONS_ERROR_INVALID,
  MK_DISTRIBUTIONS_ERROR_NOT_FOUND,
} MkDistributionsError;

GQuark mk_distributions_error_quark (void);

/* Whether the office keeps households' names and phone numbers (off until
 * turned on; the change is audited). */
gboolean mk_office_get_keeps_personal_data (MkDatabase *db);
gboolean mk_office_set_keeps_personal_data (MkDatabase *db,
                                            gboolean    keep,
                                            GError    **error);

/* Checks the entitlements of a household-list distribution without posting
 * it: fills each receipt's previous_date when it breaks a rule. Returns the
 * number of receipts that do (with or without an override reason). */
gboolean mk_distributions_check_entitlements (MkDatabase *db,
                                              MkDocument *document,
                                              guint      *n_flagged,
                                              GError    **error);

/* Pairs of households that are likely the same: same size and composition,
 * registered at the same site within seven days. Array of char * pairs,
 * "CODE-A CODE-B", flat: [a0, b0, a1, b1 …]. */
GPtrArray *mk_distributions_likely_duplicates (MkDatabase *db,
                                               GError    **error);

/* What a household received: one row per item of each posted household-list
 * distribution (cancelled ones included, flagged), newest first. */
typedef struct
{
  char    *date;            /* YYYY-MM-DD */
  char    *document_number; /* DIS-… */
  char    *item_code;
  char    *item_name_en;
  char    *item_name_ar;
  gint64   quantity;
  char    *override_reason; /* NULL unless an entitlement was broken on purpose */
  gboolean cancelled;
} MkHouseholdHistoryRow;

void mk_household_history_row_free (MkHouseholdHistoryRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkHouseholdHistoryRow, mk_household_history_row_free)

/* Returns an array of MkHouseholdHistoryRow for the household @household_code. */
GPtrArray *mk_distributions_household_history (MkDatabase *db,
                                               const char *household_code,
                                               GError    **error);

/* Unique people reached under @grant_code (NULL: any) and @indicator (NULL:
 * any) from @from to @to: counts of distributions and services add up;
 * the members of a household that received several times count once. */
gboolean mk_distributions_reached (MkDatabase     *db,
                                   const char     *grant_code,
                                   const char     *indicator,
                                   const char     *from,
                                   const char     *to,
                                   MkPeopleCounts *reached,
                                   GError        **error);

/* What a site received and gave out in a period, per item:
 *   opening + dispatched = distributed + returned + lost + in_transit
 *                          + remaining + difference
 * where dispatched counts waybills to the site dated in the period, lost
 * counts losses in transit and at the site, in_transit what the waybills
 * still carry, remaining the site's stock at the end of the period. */
typedef struct
{
  char  *item_code;
  gint64 opening;
  gint64 dispatched;
  gint64 received;
  gint64 distributed;
  gint64 returned;
  gint64 lost;
  gint64 in_transit;
  gint64 remaining;
  gint64 difference;
} MkReconcileRow;

void mk_reconcile_row_free (MkReconcileRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkReconcileRow, mk_reconcile_row_free)

GPtrArray *mk_distributions_reconcile (MkDatabase *db,
                                       const char *site_code,
                                       const char *from,
                                       const char *to,
                                       GError    **error);

G_END_DECLS
