/* mk-kind.c: the master-data kinds and their fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-kind"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-kind.h"

/* Names longer than this are a paste gone wrong, not a name. */
#define MK_NAME_MAX 200
#define MK_CODE_MAX 32
#define MK_NOTE_MAX 200
/* Large enough for any real count of units, small enough that a total
 * over a waybill's lines cannot overflow 64 bits. */
#define MK_COUNT_MAX G_GINT64_CONSTANT (1000000000000)
/* A million of any currency, in thousandths. */
#define MK_UNIT_VALUE_MAX G_GINT64_CONSTANT (1000000000)

#define CODE_FIELD                                                                     \
  {                                                                                    \
    "code", "code", MK_FIELD_CODE, MK_FIELD_REQUIRED | MK_FIELD_UNIQUE | MK_FIELD_LTR, \
        N_ ("Code"), 0, 0, MK_CODE_MAX, 0, NULL, NULL, NULL                            \
  }
#define NAME_EN_FIELD                                                 \
  {                                                                   \
    "name_en", "name_en", MK_FIELD_TEXT, MK_FIELD_REQUIRED,           \
        N_ ("Name (English)"), 0, 0, MK_NAME_MAX, 0, NULL, NULL, NULL \
  }
#define NAME_AR_FIELD                                                \
  {                                                                  \
    "name_ar", "name_ar", MK_FIELD_TEXT, 0,                          \
        N_ ("Name (Arabic)"), 0, 0, MK_NAME_MAX, 0, NULL, NULL, NULL \
  }
#define ACTIVE_FIELD                                 \
  {                                                  \
    "active", "active", MK_FIELD_BOOL, 0,            \
        N_ ("Active"), 0, 1, 0, 0, NULL, NULL, "yes" \
  }
#define PHONE_FIELD                                 \
  {                                                 \
    "phone", "phone", MK_FIELD_TEXT, MK_FIELD_LTR,  \
        N_ ("Phone"), 0, 0, 40, 0, NULL, NULL, NULL \
  }

static const MkField office_fields[] = {
  CODE_FIELD,
  /* Ids of the office's records start with its number: it never changes. */
  { "number", "number", MK_FIELD_INT, MK_FIELD_REQUIRED | MK_FIELD_UNIQUE | MK_FIELD_FIXED,
    N_ ("Office number"), 1, 65535, 0, 0, NULL, NULL, NULL },
  NAME_EN_FIELD,
  NAME_AR_FIELD,
  ACTIVE_FIELD,
};

static const MkField warehouse_fields[] = {
  CODE_FIELD,
  NAME_EN_FIELD,
  NAME_AR_FIELD,
  { "type", "type", MK_FIELD_VOCAB, MK_FIELD_REQUIRED,
    N_ ("Type"), 0, 0, 0, 0, "warehouse_types", NULL, NULL },
  { "baladiya", "baladiya", MK_FIELD_PLACE, MK_FIELD_REQUIRED,
    N_ ("Baladiya"), 0, 0, 0, 0, NULL, NULL, NULL },
  { "manager", "manager", MK_FIELD_TEXT, 0,
    N_ ("Manager"), 0, 0, MK_NAME_MAX, 0, NULL, NULL, NULL },
  PHONE_FIELD,
  ACTIVE_FIELD,
};

static const MkField site_fields[] = {
  CODE_FIELD,
  NAME_EN_FIELD,
  NAME_AR_FIELD,
  { "type", "type", MK_FIELD_VOCAB, MK_FIELD_REQUIRED,
    N_ ("Type"), 0, 0, 0, 0, "site_types", NULL, NULL },
  { "baladiya", "baladiya", MK_FIELD_PLACE, MK_FIELD_REQUIRED,
    N_ ("Baladiya"), 0, 0, 0, 0, NULL, NULL, NULL },
  /* Translators: a sensitive site's name never leaves the office. */
  { "sensitive", "sensitive", MK_FIELD_BOOL, 0,
    N_ ("Sensitive"), 0, 1, 0, 0, NULL, NULL, "no" },
  { "capacity", "capacity", MK_FIELD_INT, 0,
    N_ ("Capacity (people)"), 0, 10000000, 0, 0, NULL, NULL, NULL },
  ACTIVE_FIELD,
};

static const MkField item_fields[] = {
  CODE_FIELD,
  NAME_EN_FIELD,
  NAME_AR_FIELD,
  { "category", "category", MK_FIELD_VOCAB, MK_FIELD_REQUIRED,
    N_ ("Category"), 0, 0, 0, 0, "item_categories", NULL, NULL },
  { "unit", "unit", MK_FIELD_VOCAB, MK_FIELD_REQUIRED,
    N_ ("Unit"), 0, 0, 0, 0, "units", NULL, NULL },
  /* Stored in grams: 0.27 kg is 270. At most 100 tonnes a unit. */
  { "weight_kg", "weight_g", MK_FIELD_DECIMAL, 0,
    N_ ("Unit weight (kg)"), 0, 100000000, 0, 1000, NULL, NULL, "0" },
  /* Stored in cm³: 0.01125 m³ is 11250. At most 100 m³ a unit. */
  { "volume_m3", "volume_cm3", MK_FIELD_DECIMAL, 0,
    N_ ("Unit volume (m³)"), 0, 100000000, 0, 1000000, NULL, NULL, "0" },
  { "pack_size", "pack_size", MK_FIELD_INT, 0,
    N_ ("Units per carton"), 1, 1000000, 0, 0, NULL, NULL, "1" },
  { "tracks_lots", "tracks_lots", MK_FIELD_BOOL, 0,
    N_ ("Tracks lot and expiry"), 0, 1, 0, 0, NULL, NULL, "no" },
  { "is_kit", "is_kit", MK_FIELD_BOOL, 0,
    N_ ("Kit"), 0, 1, 0, 0, NULL, NULL, "no" },
  { "reorder_level", "reorder_level", MK_FIELD_INT, 0,
    N_ ("Reorder level"), 0, MK_COUNT_MAX, 0, 0, NULL, NULL, "0" },
  /* Stored in thousandths of the currency's unit (migration 6): 4.50 is
   * 4500. A currency with two decimals takes whole cents only; the rule
   * is checked with the currency. At most a million a unit, so that a
   * warehouse's value of an item stays far inside 64 bits. */
  { "unit_value", "unit_value_milli", MK_FIELD_DECIMAL, 0,
    N_ ("Unit value"), 0, MK_UNIT_VALUE_MAX, 0, 1000, NULL, NULL, "0" },
  { "currency", "currency", MK_FIELD_VOCAB, MK_FIELD_REQUIRED | MK_FIELD_LTR,
    N_ ("Currency"), 0, 0, 0, 0, "currencies", NULL, "USD" },
  ACTIVE_FIELD,
};

static const MkField donor_fields[] = {
  CODE_FIELD,
  NAME_EN_FIELD,
  NAME_AR_FIELD,
  ACTIVE_FIELD,
};

static const MkField grant_fields[] = {
  CODE_FIELD,
  { "donor", "donor_id", MK_FIELD_REF, MK_FIELD_REQUIRED,
    N_ ("Donor"), 0, 0, 0, 0, NULL, "donor", NULL },
  NAME_EN_FIELD,
  NAME_AR_FIELD,
  { "start_date", "start_date", MK_FIELD_DATE, MK_FIELD_REQUIRED | MK_FIELD_LTR,
    N_ ("Start date"), 0, 0, 0, 0, NULL, NULL, NULL },
  { "end_date", "end_date", MK_FIELD_DATE, MK_FIELD_REQUIRED | MK_FIELD_LTR,
    N_ ("End date"), 0, 0, 0, 0, NULL, NULL, NULL },
  { "sector", "sector", MK_FIELD_VOCAB, MK_FIELD_REQUIRED,
    N_ ("Sector"), 0, 0, 0, 0, "sectors", NULL, NULL },
  ACTIVE_FIELD,
};

static const MkField partner_fields[] = {
  CODE_FIELD,
  NAME_EN_FIELD,
  NAME_AR_FIELD,
  { "contact", "contact", MK_FIELD_TEXT, 0,
    N_ ("Contact person"), 0, 0, MK_NOTE_MAX, 0, NULL, NULL, NULL },
  PHONE_FIELD,
  ACTIVE_FIELD,
};

#define MEMBER(name, label)                                          \
  {                                                                  \
    name, name, MK_FIELD_INT, 0, label, 0, 50, 0, 0, NULL, NULL, "0" \
  }

static const MkField household_fields[] = {
  /* Translators: a household's code is its ration-card number. */
  { "code", "code", MK_FIELD_CODE, MK_FIELD_REQUIRED | MK_FIELD_UNIQUE | MK_FIELD_LTR,
    N_ ("Household code"), 0, 0, MK_CODE_MAX, 0, NULL, NULL, NULL },
  { "site", "site_id", MK_FIELD_REF, 0,
    N_ ("Site"), 0, 0, 0, 0, NULL, "site", NULL },
  { "population_group", "population_group", MK_FIELD_VOCAB, MK_FIELD_REQUIRED,
    N_ ("Population group"), 0, 0, 0, 0, "population_groups", NULL, NULL },
  { "size", "size", MK_FIELD_INT, MK_FIELD_REQUIRED,
    N_ ("Household size"), 1, 50, 0, 0, NULL, NULL, NULL },
  MEMBER ("female_0_4", N_ ("Female 0–4")),
  MEMBER ("female_5_11", N_ ("Female 5–11")),
  MEMBER ("female_12_17", N_ ("Female 12–17")),
  MEMBER ("female_18_59", N_ ("Female 18–59")),
  MEMBER ("female_60", N_ ("Female 60+")),
  MEMBER ("male_0_4", N_ ("Male 0–4")),
  MEMBER ("male_5_11", N_ ("Male 5–11")),
  MEMBER ("male_12_17", N_ ("Male 12–17")),
  MEMBER ("male_18_59", N_ ("Male 18–59")),
  MEMBER ("male_60", N_ ("Male 60+")),
  { "disabled", "disabled", MK_FIELD_INT, 0,
    N_ ("Persons with disability"), 0, 50, 0, 0, NULL, NULL, "0" },
  { "vulnerabilities", "vulnerabilities", MK_FIELD_TEXT, 0,
    N_ ("Vulnerabilities"), 0, 0, MK_NOTE_MAX, 0, NULL, NULL, NULL },
  { "head_name", "head_name", MK_FIELD_TEXT, MK_FIELD_PERSONAL,
    N_ ("Head of household"), 0, 0, MK_NAME_MAX, 0, NULL, NULL, NULL },
  { "phone", "phone", MK_FIELD_TEXT, MK_FIELD_LTR | MK_FIELD_PERSONAL,
    N_ ("Phone"), 0, 0, 40, 0, NULL, NULL, NULL },
  { "registered_on", "registered_on", MK_FIELD_DATE, MK_FIELD_REQUIRED | MK_FIELD_LTR,
    N_ ("Registered on"), 0, 0, 0, 0, NULL, NULL, NULL },
  ACTIVE_FIELD,
};

static const MkField entitlement_fields[] = {
  CODE_FIELD,
  { "item", "item_id", MK_FIELD_REF, MK_FIELD_REQUIRED,
    N_ ("Item"), 0, 0, 0, 0, NULL, "item", NULL },
  { "per", "per", MK_FIELD_CHOICE, MK_FIELD_REQUIRED,
    /* Translators: an entitlement is per person or per household. */
    N_ ("Per"), 0, 0, 0, 0, "person|household", NULL, NULL },
  { "quantity", "quantity", MK_FIELD_INT, MK_FIELD_REQUIRED,
    N_ ("Quantity"), 1, 1000, 0, 0, NULL, NULL, NULL },
  { "interval_days", "interval_days", MK_FIELD_INT, 0,
    N_ ("Every (days)"), 1, 3650, 0, 0, NULL, NULL, NULL },
  { "season_start", "season_start", MK_FIELD_TEXT, MK_FIELD_LTR,
    N_ ("Season starts (MM-DD)"), 0, 0, 5, 0, NULL, NULL, NULL },
  { "once_per_stay", "once_per_stay", MK_FIELD_BOOL, 0,
    N_ ("Once per stay"), 0, 1, 0, 0, NULL, NULL, "no" },
  ACTIVE_FIELD,
};

#define KIND(name, table, label, title, fields)              \
  {                                                          \
    name, table, label, title, fields, G_N_ELEMENTS (fields) \
  }

static const MkKind kinds[] = {
  /* Translators: the singular names a record in messages: “Item HK-01 — Unit: …”. */
  KIND ("office", "offices", N_ ("Office"), N_ ("Offices"), office_fields),
  KIND ("warehouse", "warehouses", N_ ("Warehouse"), N_ ("Warehouses"), warehouse_fields),
  KIND ("site", "sites", N_ ("Site"), N_ ("Sites"), site_fields),
  KIND ("item", "items", N_ ("Item"), N_ ("Items"), item_fields),
  KIND ("donor", "donors", N_ ("Donor"), N_ ("Donors"), donor_fields),
  KIND ("grant", "grants", N_ ("Grant"), N_ ("Grants"), grant_fields),
  KIND ("partner", "partners", N_ ("Partner"), N_ ("Partners"), partner_fields),
  KIND ("household", "households", N_ ("Household"), N_ ("Households"), household_fields),
  KIND ("entitlement", "entitlements", N_ ("Entitlement"), N_ ("Entitlements"), entitlement_fields),
};

const MkKind *
mk_kind_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].name, name) || g_str_equal (kinds[i].table, name))
      return &kinds[i];
  return NULL;
}

const MkKind **
mk_kind_all (void)
{
  static const MkKind *all[] = {
    &kinds[0],
    &kinds[1],
    &kinds[2],
    &kinds[3],
    &kinds[4],
    &kinds[5],
    &kinds[6],
    &kinds[7],
    &kinds[8],
    NULL,
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (all) == G_N_ELEMENTS (kinds) + 1);

  return all;
}

gint
mk_kind_field_index (const MkKind *kind,
                     const char   *field_name)
{
  g_return_val_if_fail (kind != NULL, -1);
  g_return_val_if_fail (field_name != NULL, -1);

  for (guint i = 0; i < kind->n_fields; i++)
    if (g_str_equal (kind->fields[i].name, field_name))
      return (gint) i;
  return -1;
}

const MkField *
mk_kind_find_field (const MkKind *kind,
                    const char   *field_name)
{
  gint index = mk_kind_field_index (kind, field_name);
  return index < 0 ? NULL : &kind->fields[index];
}

const char *
mk_kind_get_label (const MkKind *kind)
{
  return _ (kind->label);
}

const char *
mk_field_get_label (const MkField *field)
{
  return _ (field->label);
}
