/* mk-document.c: a stock document with its header and lines, in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-document"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-document-private.h"
#include "mk-text.h"

/* Header fields ---------------------------------------------------------- */

#define NUMBER_FIELD                                 \
  {                                                  \
    "number", "number", MK_FIELD_CODE, MK_FIELD_LTR, \
        N_ ("Number"), 0, 0, 32, 0, NULL, NULL, NULL \
  }
#define DATE_FIELD                                                   \
  {                                                                  \
    "date", "date", MK_FIELD_DATE, MK_FIELD_REQUIRED | MK_FIELD_LTR, \
        N_ ("Date"), 0, 0, 0, 0, NULL, NULL, NULL                    \
  }
#define NOTES_FIELD                                   \
  {                                                   \
    "notes", "notes", MK_FIELD_TEXT, 0,               \
        N_ ("Notes"), 0, 0, 1000, 0, NULL, NULL, NULL \
  }
#define WAREHOUSE_FIELD(label)                                    \
  {                                                               \
    "warehouse", "warehouse_id", MK_FIELD_REF, MK_FIELD_REQUIRED, \
        label, 0, 0, 0, 0, NULL, "warehouse", NULL                \
  }
#define DAMAGED_FIELD                                                     \
  {                                                                       \
    "damaged_handling", "damaged_handling", MK_FIELD_CHOICE, 0,           \
        N_ ("Damaged goods"), 0, 0, 0, 0, "loss|quarantine", NULL, "loss" \
  }
#define KIT_FIELDS                                                       \
  { "kit", "kit_item_id", MK_FIELD_REF, MK_FIELD_REQUIRED,               \
    N_ ("Kit"), 0, 0, 0, 0, NULL, "item", NULL },                        \
      { "kit_quantity", "kit_quantity", MK_FIELD_INT, MK_FIELD_REQUIRED, \
        N_ ("Number of kits"), 1, 10000000, 0, 0, NULL, NULL, NULL },    \
  {                                                                      \
    "grant", "grant_id", MK_FIELD_REF, 0,                                \
        N_ ("Grant"), 0, 0, 0, 0, NULL, "grant", NULL                    \
  }

static const MkField grn_fields[] = {
  NUMBER_FIELD,
  DATE_FIELD,
  WAREHOUSE_FIELD (N_ ("Receiving warehouse")),
  { "source", "source", MK_FIELD_CHOICE, MK_FIELD_REQUIRED,
    N_ ("Source"), 0, 0, 0, 0, "purchase|donation|return|opening", NULL, "purchase" },
  { "supplier", "supplier", MK_FIELD_TEXT, 0,
    N_ ("Received from"), 0, 0, 200, 0, NULL, NULL, NULL },
  { "reference", "reference_text", MK_FIELD_TEXT, MK_FIELD_LTR,
    N_ ("Reference documents"), 0, 0, 100, 0, NULL, NULL, NULL },
  DAMAGED_FIELD,
  /* Goods returned from a site's stock leave it. */
  { "from_site", "from_site_id", MK_FIELD_REF, 0,
    N_ ("Returned from site"), 0, 0, 0, 0, NULL, "site", NULL },
  NOTES_FIELD,
};

static const MkField waybill_fields[] = {
  NUMBER_FIELD,
  DATE_FIELD,
  WAREHOUSE_FIELD (N_ ("Dispatching warehouse")),
  { "to_warehouse", "to_warehouse_id", MK_FIELD_REF, 0,
    N_ ("To warehouse"), 0, 0, 0, 0, NULL, "warehouse", NULL },
  { "to_site", "to_site_id", MK_FIELD_REF, 0,
    N_ ("To site"), 0, 0, 0, 0, NULL, "site", NULL },
  { "to_partner", "to_partner_id", MK_FIELD_REF, 0,
    N_ ("To partner"), 0, 0, 0, 0, NULL, "partner", NULL },
  { "transport_mode", "transport_mode", MK_FIELD_CHOICE, 0,
    N_ ("Transport mode"), 0, 0, 0, 0, "road|air|sea|rail|hand", NULL, "road" },
  { "transporter", "transporter", MK_FIELD_TEXT, 0,
    N_ ("Transporter"), 0, 0, 200, 0, NULL, NULL, NULL },
  { "vehicle", "vehicle", MK_FIELD_TEXT, 0,
    N_ ("Vehicle"), 0, 0, 100, 0, NULL, NULL, NULL },
  { "plate", "plate", MK_FIELD_TEXT, MK_FIELD_LTR,
    N_ ("Registration plate"), 0, 0, 40, 0, NULL, NULL, NULL },
  { "driver", "driver", MK_FIELD_TEXT, 0,
    N_ ("Driver"), 0, 0, 200, 0, NULL, NULL, NULL },
  { "driver_phone", "driver_phone", MK_FIELD_TEXT, MK_FIELD_LTR,
    N_ ("Driver’s phone"), 0, 0, 40, 0, NULL, NULL, NULL },
  { "expected_date", "expected_date", MK_FIELD_DATE, MK_FIELD_LTR,
    N_ ("Expected arrival"), 0, 0, 0, 0, NULL, NULL, NULL },
  { "parcels", "parcels", MK_FIELD_INT, 0,
    N_ ("Number of parcels"), 0, 1000000, 0, 0, NULL, NULL, NULL },
  NOTES_FIELD,
};

static const MkField reception_fields[] = {
  NUMBER_FIELD,
  DATE_FIELD,
  /* Resolved by mk-documents.c against posted waybills. */
  { "waybill", "reference_id", MK_FIELD_CODE, MK_FIELD_REQUIRED | MK_FIELD_LTR,
    N_ ("Waybill"), 0, 0, 32, 0, NULL, NULL, NULL },
  { "warehouse", "warehouse_id", MK_FIELD_REF, 0,
    N_ ("Receiving warehouse"), 0, 0, 0, 0, NULL, "warehouse", NULL },
  DAMAGED_FIELD,
  NOTES_FIELD,
};

static const MkField kitting_fields[] = {
  NUMBER_FIELD,
  DATE_FIELD,
  WAREHOUSE_FIELD (N_ ("Warehouse")),
  KIT_FIELDS,
  { "lot", "lot_number", MK_FIELD_CODE, MK_FIELD_LTR,
    N_ ("Lot of the kits"), 0, 0, 32, 0, NULL, NULL, NULL },
  { "expiry_date", "expiry_date", MK_FIELD_DATE, MK_FIELD_LTR,
    N_ ("Expiry of the kits"), 0, 0, 0, 0, NULL, NULL, NULL },
  NOTES_FIELD,
};

static const MkField dekitting_fields[] = {
  NUMBER_FIELD,
  DATE_FIELD,
  WAREHOUSE_FIELD (N_ ("Warehouse")),
  KIT_FIELDS,
  NOTES_FIELD,
};

static const MkField count_fields[] = {
  NUMBER_FIELD,
  DATE_FIELD,
  WAREHOUSE_FIELD (N_ ("Warehouse counted")),
  NOTES_FIELD,
};

static const MkField adjustment_fields[] = {
  NUMBER_FIELD,
  DATE_FIELD,
  WAREHOUSE_FIELD (N_ ("Warehouse")),
  { "reason", "reason", MK_FIELD_VOCAB, MK_FIELD_REQUIRED,
    N_ ("Reason"), 0, 0, 0, 0, "adjustment_reasons", NULL, NULL },
  NOTES_FIELD,
};

static const MkField cancellation_fields[] = {
  NUMBER_FIELD,
  DATE_FIELD,
  { "cancels", "reference_id", MK_FIELD_CODE, MK_FIELD_REQUIRED | MK_FIELD_LTR,
    N_ ("Cancelled document"), 0, 0, 32, 0, NULL, NULL, NULL },
  { "reason", "reason_text", MK_FIELD_TEXT, MK_FIELD_REQUIRED,
    N_ ("Reason for the cancellation"), 0, 0, 500, 0, NULL, NULL, NULL },
  NOTES_FIELD,
};

#define PEOPLE_FIELDS                                                          \
  { "population_group", "population_group", MK_FIELD_VOCAB, MK_FIELD_REQUIRED, \
    N_ ("Population group"), 0, 0, 0, 0, "population_groups", NULL, NULL },    \
      { "grant", "grant_id", MK_FIELD_REF, 0,                                  \
        N_ ("Grant"), 0, 0, 0, 0, NULL, "grant", NULL },                       \
      { "indicator", "indicator", MK_FIELD_VOCAB, 0,                           \
        N_ ("Indicator"), 0, 0, 0, 0, "indicators", NULL, NULL },              \
  {                                                                            \
    "partner", "partner_id", MK_FIELD_REF, 0,                                  \
        N_ ("Partner"), 0, 0, 0, 0, NULL, "partner", NULL                      \
  }

static const MkField distribution_fields[] = {
  NUMBER_FIELD,
  DATE_FIELD,
  { "site", "site_id", MK_FIELD_REF, MK_FIELD_REQUIRED,
    N_ ("Site"), 0, 0, 0, 0, NULL, "site", NULL },
  /* None: from the site's own stock, delivered there by waybill. */
  { "warehouse", "warehouse_id", MK_FIELD_REF, 0,
    N_ ("From warehouse"), 0, 0, 0, 0, NULL, "warehouse", NULL },
  { "activity", "activity", MK_FIELD_VOCAB, MK_FIELD_REQUIRED,
    N_ ("Activity"), 0, 0, 0, 0, "activities", NULL, "nfi_distribution" },
  PEOPLE_FIELDS,
  NOTES_FIELD,
};

static const MkField service_fields[] = {
  NUMBER_FIELD,
  DATE_FIELD,
  { "end_date", "end_date", MK_FIELD_DATE, MK_FIELD_LTR,
    N_ ("End date"), 0, 0, 0, 0, NULL, NULL, NULL },
  { "site", "site_id", MK_FIELD_REF, MK_FIELD_REQUIRED,
    N_ ("Site"), 0, 0, 0, 0, NULL, "site", NULL },
  { "activity", "activity", MK_FIELD_VOCAB, MK_FIELD_REQUIRED,
    N_ ("Activity"), 0, 0, 0, 0, "activities", NULL, NULL },
  /* In the activity's unit: litres, latrines, sessions … */
  { "quantity", "service_quantity", MK_FIELD_INT, MK_FIELD_REQUIRED,
    N_ ("Quantity delivered"), 1, G_GINT64_CONSTANT (1000000000000), 0, 0, NULL, NULL, NULL },
  PEOPLE_FIELDS,
  /* When materials are issued: the lines leave this warehouse. */
  { "warehouse", "warehouse_id", MK_FIELD_REF, 0,
    N_ ("Materials from warehouse"), 0, 0, 0, 0, NULL, "warehouse", NULL },
  NOTES_FIELD,
};

typedef struct
{
  const char *code;
  const char *name;
  const char *label;
  MkKind      header;
} KindInfo;

#define HEADER(table, label, fields)                             \
  {                                                              \
    "header", table, label, label, fields, G_N_ELEMENTS (fields) \
  }

static const KindInfo kinds[MK_DOCUMENT_N_KINDS] = {
  [MK_DOCUMENT_GRN] = { "GRN", "grn", N_ ("Goods received note"),
                        HEADER ("documents", N_ ("Goods received note"), grn_fields) },
  [MK_DOCUMENT_WAYBILL] = { "WB", "waybill", N_ ("Waybill"),
                            HEADER ("documents", N_ ("Waybill"), waybill_fields) },
  [MK_DOCUMENT_RECEPTION] = { "RCV", "reception", N_ ("Waybill reception"),
                              HEADER ("documents", N_ ("Waybill reception"), reception_fields) },
  [MK_DOCUMENT_KITTING] = { "KIT", "kitting", N_ ("Kitting"),
                            HEADER ("documents", N_ ("Kitting"), kitting_fields) },
  [MK_DOCUMENT_DEKITTING] = { "DKT", "dekitting", N_ ("Dekitting"),
                              HEADER ("documents", N_ ("Dekitting"), dekitting_fields) },
  /* Translators: a physical count of the stock in a warehouse. */
  [MK_DOCUMENT_COUNT] = { "CNT", "count", N_ ("Stock count"),
                          HEADER ("documents", N_ ("Stock count"), count_fields) },
  [MK_DOCUMENT_ADJUSTMENT] = { "ADJ", "adjustment", N_ ("Adjustment or loss report"),
                               HEADER ("documents", N_ ("Adjustment or loss report"), adjustment_fields) },
  [MK_DOCUMENT_CANCELLATION] = { "CAN", "cancellation", N_ ("Cancellation"),
                                 HEADER ("documents", N_ ("Cancellation"), cancellation_fields) },
  [MK_DOCUMENT_DISTRIBUTION] = { "DIS", "distribution", N_ ("Distribution"),
                                 HEADER ("documents", N_ ("Distribution"), distribution_fields) },
  /* Translators: a delivery of shelter or WASH work, such as water trucking. */
  [MK_DOCUMENT_SERVICE] = { "SRV", "service", N_ ("Service delivery"),
                            HEADER ("documents", N_ ("Service delivery"), service_fields) },
};

const char *
mk_document_kind_to_code (MkDocumentKind kind)
{
  g_return_val_if_fail (kind < MK_DOCUMENT_N_KINDS, NULL);
  return kinds[kind].code;
}

const char *
mk_document_kind_to_name (MkDocumentKind kind)
{
  g_return_val_if_fail (kind < MK_DOCUMENT_N_KINDS, NULL);
  return kinds[kind].name;
}

const char *
mk_document_kind_get_label (MkDocumentKind kind)
{
  g_return_val_if_fail (kind < MK_DOCUMENT_N_KINDS, NULL);
  return _ (kinds[kind].label);
}

const MkKind *
mk_document_kind_get_header (MkDocumentKind kind)
{
  g_return_val_if_fail (kind < MK_DOCUMENT_N_KINDS, NULL);
  return &kinds[kind].header;
}

gboolean
mk_document_kind_from_text (const char     *text,
                            MkDocumentKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < MK_DOCUMENT_N_KINDS; i++)
    if (g_ascii_strcasecmp (text, kinds[i].code) == 0 || g_ascii_strcasecmp (text, kinds[i].name) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* Lines ------------------------------------------------------------------ */

MkDocumentLine *
mk_document_line_new (const char *item_code,
                      gint64      quantity)
{
  MkDocumentLine *line = g_new0 (MkDocumentLine, 1);

  line->item_code = g_strdup (item_code);
  line->quantity = quantity;
  return line;
}

MkDocumentLine *
mk_document_line_copy (const MkDocumentLine *line)
{
  MkDocumentLine *copy = g_memdup2 (line, sizeof *line);

  copy->item_code = g_strdup (line->item_code);
  copy->lot_number = g_strdup (line->lot_number);
  copy->expiry_date = g_strdup (line->expiry_date);
  copy->grant_code = g_strdup (line->grant_code);
  copy->to_grant_code = g_strdup (line->to_grant_code);
  copy->remarks = g_strdup (line->remarks);
  return copy;
}

void
mk_document_line_free (MkDocumentLine *line)
{
  if (line == NULL)
    return;
  g_free (line->item_code);
  g_free (line->lot_number);
  g_free (line->expiry_date);
  g_free (line->grant_code);
  g_free (line->to_grant_code);
  g_free (line->remarks);
  g_free (line);
}

/* People reached --------------------------------------------------------- */

static const char *const age_keys[MK_N_AGE_BANDS] = { "0_4", "5_11", "12_17", "18_59", "60" };
static const char *const age_labels[MK_N_AGE_BANDS] = { "0–4", "5–11", "12–17", "18–59", "60+" };

static const char *const people_fields[] = {
  "female_0_4",
  "female_5_11",
  "female_12_17",
  "female_18_59",
  "female_60",
  "male_0_4",
  "male_5_11",
  "male_12_17",
  "male_18_59",
  "male_60",
  "disabled",
  "unaccompanied",
  "households",
  "total",
  NULL,
};

const char *
mk_age_band_get_key (MkAgeBand band)
{
  g_return_val_if_fail (band < MK_N_AGE_BANDS, NULL);
  return age_keys[band];
}

const char *
mk_age_band_get_label (MkAgeBand band)
{
  g_return_val_if_fail (band < MK_N_AGE_BANDS, NULL);
  return age_labels[band];
}

const char *const *
mk_people_counts_field_names (void)
{
  return people_fields;
}

static gint64 *
count_slot (MkPeopleCounts *counts,
            const char     *field_name)
{
  for (guint i = 0; i < 10; i++)
    if (g_str_equal (people_fields[i], field_name))
      return i < 5 ? &counts->female[i] : &counts->male[i - 5];
  if (g_str_equal (field_name, "disabled"))
    return &counts->disabled;
  if (g_str_equal (field_name, "unaccompanied"))
    return &counts->unaccompanied;
  if (g_str_equal (field_name, "households"))
    return &counts->households;
  if (g_str_equal (field_name, "total"))
    return &counts->total;
  return NULL;
}

gboolean
mk_people_counts_set_text (MkPeopleCounts *counts,
                           const char     *field_name,
                           const char     *text,
                           GError        **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 *slot;
  gint64  value;

  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (field_name != NULL, FALSE);

  slot = count_slot (counts, field_name);
  if (slot == NULL)
    {
      g_set_error (error, MK_RECORD_ERROR, MK_RECORD_ERROR_UNKNOWN_FIELD,
                   _ ("“%s” is not a count of people reached."), field_name);
      return FALSE;
    }
  if (!mk_text_parse_int (text, &value, &local_error))
    {
      /* Translators: “female_0_4: “many” is not a number …”. */
      g_set_error (error, MK_RECORD_ERROR, MK_RECORD_ERROR_NOT_A_NUMBER, _ ("%s: %s"), field_name,
                   local_error->message);
      return FALSE;
    }
  if (value < 0 || value > G_GINT64_CONSTANT (100000000))
    {
      g_set_error (error, MK_RECORD_ERROR, MK_RECORD_ERROR_OUT_OF_RANGE,
                   _ ("%s: a count of people is from 0 to 100000000."), field_name);
      return FALSE;
    }
  *slot = value;
  return TRUE;
}

gint64
mk_people_counts_get (const MkPeopleCounts *counts,
                      const char           *field_name)
{
  gint64 *slot;

  g_return_val_if_fail (counts != NULL, 0);
  slot = count_slot ((MkPeopleCounts *) counts, field_name);
  g_return_val_if_fail (slot != NULL, 0);
  return *slot;
}

gint64
mk_people_counts_sum (const MkPeopleCounts *counts)
{
  gint64 sum = 0;

  for (guint i = 0; i < MK_N_AGE_BANDS; i++)
    sum += counts->female[i] + counts->male[i];
  return sum;
}

MkHouseholdReceipt *
mk_household_receipt_new (const char *household_code,
                          const char *item_code,
                          gint64      quantity)
{
  MkHouseholdReceipt *receipt = g_new0 (MkHouseholdReceipt, 1);

  receipt->household_code = g_strdup (household_code);
  receipt->item_code = g_strdup (item_code);
  receipt->quantity = quantity;
  return receipt;
}

MkHouseholdReceipt *
mk_household_receipt_copy (const MkHouseholdReceipt *receipt)
{
  MkHouseholdReceipt *copy = g_memdup2 (receipt, sizeof *receipt);

  copy->household_code = g_strdup (receipt->household_code);
  copy->item_code = g_strdup (receipt->item_code);
  copy->override_reason = g_strdup (receipt->override_reason);
  copy->previous_date = g_strdup (receipt->previous_date);
  return copy;
}

void
mk_household_receipt_free (MkHouseholdReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->household_code);
  g_free (receipt->item_code);
  g_free (receipt->override_reason);
  g_free (receipt->previous_date);
  g_free (receipt);
}

/* The document ----------------------------------------------------------- */

struct _MkDocument
{
  GObject parent_instance;

  MkDocumentKind   kind;
  gint64           id;
  MkDocumentStatus status;
  MkRecord        *header;
  GPtrArray       *lines;
  MkPeopleCounts   counts;
  GPtrArray       *receipts;
  guint            invalid_line;
  guint            invalid_receipt;
  gint64           total_units;
  gint64           total_weight_g;
  gint64           total_volume_cm3;
};

G_DEFINE_FINAL_TYPE (MkDocument, mk_document, G_TYPE_OBJECT)

static void
mk_document_finalize (GObject *object)
{
  MkDocument *self = MK_DOCUMENT (object);

  g_clear_object (&self->header);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->receipts, g_ptr_array_unref);

  G_OBJECT_CLASS (mk_document_parent_class)->finalize (object);
}

static void
mk_document_class_init (MkDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_document_finalize;
}

static void
mk_document_init (MkDocument *self)
{
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);
  self->receipts = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_household_receipt_free);
}

MkDocument *
mk_document_new (MkDocumentKind kind)
{
  MkDocument *self;

  g_return_val_if_fail (kind < MK_DOCUMENT_N_KINDS, NULL);

  self = g_object_new (MK_TYPE_DOCUMENT, NULL);
  self->kind = kind;
  self->header = mk_record_new (&kinds[kind].header);
  return self;
}

MkDocumentKind
mk_document_get_kind (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), 0);
  return self->kind;
}

gint64
mk_document_get_id (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), 0);
  return self->id;
}

MkDocumentStatus
mk_document_get_status (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), MK_DOCUMENT_DRAFT);
  return self->status;
}

const char *
mk_document_get_number (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), NULL);
  return mk_record_get_code (self->header);
}

MkRecord *
mk_document_get_header (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), NULL);
  return self->header;
}

const char *
mk_document_get_field (MkDocument *self,
                       const char *field_name)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), NULL);
  if (mk_kind_field_index (mk_record_get_kind (self->header), field_name) < 0)
    return NULL;
  return mk_record_get_string (self->header, field_name);
}

GPtrArray *
mk_document_get_lines (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), NULL);
  return self->lines;
}

void
mk_document_add_line (MkDocument     *self,
                      MkDocumentLine *line)
{
  g_return_if_fail (MK_IS_DOCUMENT (self));
  g_return_if_fail (line != NULL);
  g_ptr_array_add (self->lines, line);
}

void
mk_document_clear_lines (MkDocument *self)
{
  g_return_if_fail (MK_IS_DOCUMENT (self));
  g_ptr_array_set_size (self->lines, 0);
}

gint64
mk_document_get_total_units (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), 0);
  return self->total_units;
}

gint64
mk_document_get_total_weight_g (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), 0);
  return self->total_weight_g;
}

gint64
mk_document_get_total_volume_cm3 (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), 0);
  return self->total_volume_cm3;
}

/* Private ---------------------------------------------------------------- */

void
_mk_document_set_stored (MkDocument      *self,
                         gint64           id,
                         MkDocumentStatus status)
{
  self->id = id;
  self->status = status;
}

MkPeopleCounts *
mk_document_get_counts (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), NULL);
  if (self->kind != MK_DOCUMENT_DISTRIBUTION && self->kind != MK_DOCUMENT_SERVICE)
    return NULL;
  return &self->counts;
}

GPtrArray *
mk_document_get_receipts (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), NULL);
  return self->receipts;
}

void
mk_document_add_receipt (MkDocument         *self,
                         MkHouseholdReceipt *receipt)
{
  g_return_if_fail (MK_IS_DOCUMENT (self));
  g_return_if_fail (receipt != NULL);
  g_ptr_array_add (self->receipts, receipt);
}

guint
mk_document_get_invalid_line (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), 0);
  return self->invalid_line;
}

void
_mk_document_set_invalid_line (MkDocument *self,
                               guint       line_no)
{
  self->invalid_line = line_no;
  if (line_no == 0)
    self->invalid_receipt = 0;
}

guint
mk_document_get_invalid_receipt (MkDocument *self)
{
  g_return_val_if_fail (MK_IS_DOCUMENT (self), 0);
  return self->invalid_receipt;
}

void
_mk_document_set_invalid_receipt (MkDocument *self,
                                  guint       receipt_no)
{
  self->invalid_receipt = receipt_no;
}

void
_mk_document_set_totals (MkDocument *self,
                         gint64      units,
                         gint64      weight_g,
                         gint64      volume_cm3)
{
  self->total_units = units;
  self->total_weight_g = weight_g;
  self->total_volume_cm3 = volume_cm3;
}
