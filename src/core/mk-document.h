/* mk-document.h: a stock document (GRN, waybill, reception, kitting, count,
 * adjustment, cancellation) with its header and lines, in memory.
 *
 * The header is an MkRecord whose fields depend on the kind, so that the
 * same parsing and messages serve the CLI, the editors and imports. Lines
 * are plain structs. mk-documents.h stores, posts and cancels documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mk-record.h"

G_BEGIN_DECLS

typedef enum
{
  MK_DOCUMENT_GRN,          /* goods received note: + warehouse */
  MK_DOCUMENT_WAYBILL,      /* − origin, + in transit */
  MK_DOCUMENT_RECEPTION,    /* waybill reception: − in transit, + destination */
  MK_DOCUMENT_KITTING,      /* − components, + kits */
  MK_DOCUMENT_DEKITTING,    /* − kits, + components */
  MK_DOCUMENT_COUNT,        /* stock count: ± the difference */
  MK_DOCUMENT_ADJUSTMENT,   /* adjustment or loss report, with a reason */
  MK_DOCUMENT_CANCELLATION, /* reverses a posted document */
  MK_DOCUMENT_DISTRIBUTION, /* − warehouse or site stock, to people */
  MK_DOCUMENT_SERVICE,      /* shelter or WASH work; − materials issued */
  MK_DOCUMENT_N_KINDS
} MkDocumentKind;

typedef enum
{
  MK_DOCUMENT_DRAFT,
  MK_DOCUMENT_POSTED,
} MkDocumentStatus;

/* "GRN", "WB", "RCV", "KIT", "DKT", "CNT", "ADJ", "CAN", "DIS", "SRV": the middle of a
 * document number, BEN-WB-2026-00017. */
const char *mk_document_kind_to_code (MkDocumentKind kind);
/* Accepts the code or the CLI name ("grn", "waybill", "reception", "kitting",
 * "dekitting", "count", "adjustment", "cancellation"), without case. */
gboolean mk_document_kind_from_text (const char     *text,
                                     MkDocumentKind *kind);
/* "waybill": the CLI's name of the kind. */
const char *mk_document_kind_to_name (MkDocumentKind kind);
/* Translated: "Waybill". */
const char *mk_document_kind_get_label (MkDocumentKind kind);
/* The descriptor of the header's fields for @kind. Field 0 is "number". */
const MkKind *mk_document_kind_get_header (MkDocumentKind kind);

/* One line. Codes are what people give; ids are filled when the document
 * is stored or read back. For each kind, what the numbers mean:
 *   GRN        quantity received in good condition, damaged, short
 *   WAYBILL    quantity sent
 *   RECEPTION  quantity received good, damaged, short (of the waybill's line)
 *   KITTING, DEKITTING  lines are filled at posting with what was consumed
 *              and produced (the header says which kit and how many)
 *   COUNT      quantity counted; expected is the book quantity at posting
 *   ADJUSTMENT quantity, signed: negative takes stock out, positive brings in;
 *              with reason ownership_transfer, quantity > 0 moves from
 *              grant_code to to_grant_code
 *   CANCELLATION  filled at posting: the reversed movements */
typedef struct
{
  char  *item_code;
  char  *lot_number;    /* NULL: no lot, or suggested first-expiry-first-out */
  char  *expiry_date;   /* YYYY-MM-DD, for a new lot received */
  char  *grant_code;    /* NULL: unearmarked */
  char  *to_grant_code; /* ADJUSTMENT with ownership_transfer */
  gint64 quantity;
  gint64 damaged;
  gint64 short_quantity;
  gint64 expected;
  char  *remarks;
  /* Read back: */
  gint64 item_id;
  gint64 lot_id;
  gint64 grant_id;
  gint64 to_grant_id;
} MkDocumentLine;

MkDocumentLine *mk_document_line_new (const char *item_code,
                                      gint64      quantity);
MkDocumentLine *mk_document_line_copy (const MkDocumentLine *line);
void            mk_document_line_free (MkDocumentLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkDocumentLine, mk_document_line_free)

#define MK_TYPE_DOCUMENT (mk_document_get_type ())
G_DECLARE_FINAL_TYPE (MkDocument, mk_document, MK, DOCUMENT, GObject)

MkDocument      *mk_document_new (MkDocumentKind kind);
MkDocumentKind   mk_document_get_kind (MkDocument *self);
gint64           mk_document_get_id (MkDocument *self);
MkDocumentStatus mk_document_get_status (MkDocument *self);
/* NULL while a draft. */
const char *mk_document_get_number (MkDocument *self);
/* The header: set its fields with mk_record_set_text (header, "date", …).
 * Fields by kind (all have date and notes):
 *   GRN         warehouse, source (purchase|donation|return), supplier,
 *               reference (waybill/CMR/PO number), damaged_handling
 *               (quarantine|loss, default loss)
 *   WAYBILL     warehouse (origin), to_warehouse | to_site | to_partner,
 *               transport_mode, transporter, vehicle, plate, driver,
 *               driver_phone, expected_date, parcels
 *   RECEPTION   waybill (its number), warehouse (the destination, defaults
 *               to the waybill's), damaged_handling
 *   KITTING     warehouse, kit (item code), kit_quantity, grant, lot, expiry_date
 *   DEKITTING   warehouse, kit, kit_quantity, grant
 *   COUNT       warehouse
 *   ADJUSTMENT  warehouse, reason (damaged|expired|lost|theft|found|
 *               count_difference|ownership_transfer|loss_in_transit)
 *   CANCELLATION  cancels (the number of the posted document), reason text
 *   DISTRIBUTION  site, warehouse (none: the site's own stock, delivered by
 *               waybill), population_group, grant (the default of the lines),
 *               activity, indicator, partner
 *   SERVICE     site, activity (a service: water_trucking, latrines …),
 *               quantity (in the activity's unit), end_date, population_group,
 *               grant, indicator, partner, warehouse (when materials are
 *               issued: the lines) */
MkRecord *mk_document_get_header (MkDocument *self);
/* Shortcut for mk_record_get_string (header, field). */
const char *mk_document_get_field (MkDocument *self,
                                   const char *field_name);

/* The lines, an array of MkDocumentLine owned by the document. */
GPtrArray *mk_document_get_lines (MkDocument *self);
/* Takes ownership of @line. */
void mk_document_add_line (MkDocument     *self,
                           MkDocumentLine *line);
void mk_document_clear_lines (MkDocument *self);

/* The line (1-based, in the order the caller gave them) that the last
 * refused save or posting named, or 0: an editor marks it, an import names
 * the line of its file. */
guint mk_document_get_invalid_line (MkDocument *self);

/* People reached, by sex and age band ------------------------------------ */

typedef enum
{
  MK_AGE_0_4,
  MK_AGE_5_11,
  MK_AGE_12_17,
  MK_AGE_18_59,
  MK_AGE_60_PLUS,
  MK_N_AGE_BANDS
} MkAgeBand;

/* "0_4" … "60": the band in field names (female_0_4, male_60). */
const char *mk_age_band_get_key (MkAgeBand band);
/* "0–4" … "60+", for people. */
const char *mk_age_band_get_label (MkAgeBand band);

typedef struct
{
  gint64 female[MK_N_AGE_BANDS];
  gint64 male[MK_N_AGE_BANDS];
  gint64 disabled;      /* persons with disability, among them */
  gint64 unaccompanied; /* unaccompanied or separated children, among them */
  gint64 households;
  gint64 total; /* the sum of the ten cells */
} MkPeopleCounts;

/* The names of the counts' fields: female_0_4 … male_60, disabled,
 * unaccompanied, households, total. NULL-terminated. */
const char *const *mk_people_counts_field_names (void);
/* Sets one count from what a person typed. */
gboolean mk_people_counts_set_text (MkPeopleCounts *counts,
                                    const char     *field_name,
                                    const char     *text,
                                    GError        **error);
gint64   mk_people_counts_get (const MkPeopleCounts *counts,
                               const char           *field_name);
/* The sum of the ten sex-and-age cells. */
gint64 mk_people_counts_sum (const MkPeopleCounts *counts);

/* The people a distribution with counts (not a household list) or a service
 * reached; NULL for other kinds. Owned by the document. */
MkPeopleCounts *mk_document_get_counts (MkDocument *self);

/* What one household received in a household-list distribution. */
typedef struct
{
  char  *household_code;
  char  *item_code;
  gint64 quantity;
  char  *override_reason; /* given when an entitlement is broken on purpose */
  /* Filled when checked or posted: */
  gint64 household_id;
  gint64 item_id;
  char  *previous_date; /* the earlier receipt that breaks an entitlement */
} MkHouseholdReceipt;

MkHouseholdReceipt *mk_household_receipt_new (const char *household_code,
                                              const char *item_code,
                                              gint64      quantity);
MkHouseholdReceipt *mk_household_receipt_copy (const MkHouseholdReceipt *receipt);
void                mk_household_receipt_free (MkHouseholdReceipt *receipt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkHouseholdReceipt, mk_household_receipt_free)

/* The receipts of a distribution, an array of MkHouseholdReceipt owned by
 * the document. With receipts, a distribution is a household list: its
 * lines are their totals and its people are its households' members. */
GPtrArray *mk_document_get_receipts (MkDocument *self);
/* Takes ownership of @receipt. */
void mk_document_add_receipt (MkDocument         *self,
                              MkHouseholdReceipt *receipt);

/* The receipt (1-based) that the last refused save or posting named, or 0. */
guint mk_document_get_invalid_receipt (MkDocument *self);

/* Totals from the catalogue, filled when stored or read back: units, weight
 * in grams and volume in cm³ of the lines. */
gint64 mk_document_get_total_units (MkDocument *self);
gint64 mk_document_get_total_weight_g (MkDocument *self);
gint64 mk_document_get_total_volume_cm3 (MkDocument *self);

G_END_DECLS
