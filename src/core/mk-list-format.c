/* mk-list-format.c: a list's raw values as people read them.
 *
 * Digits stay Western (Libya writes 0–9) and are grouped with commas, as
 * glibc's ar_LY and en do (reference/arabic.md); words are translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-list-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-document.h"
#include "mk-list-model-private.h"
#include "mk-text.h"

char *
_mk_list_format_quantity (gint64   value,
                          gboolean show_sign)
{
  g_autofree char *digits = NULL;
  GString         *text = g_string_new (NULL);
  guint64          magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  gsize            len;

  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  len = strlen (digits);
  if (value < 0)
    g_string_append_c (text, '-');
  else if (show_sign && value > 0)
    g_string_append_c (text, '+');
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

/* @value in thousandths, shown with up to @decimals decimals. */
static char *
format_thousandths (gint64 value,
                    guint  decimals)
{
  gint64           whole = value / 1000;
  gint64           rest = ABS (value % 1000);
  g_autofree char *grouped = NULL;
  char             fraction[8];

  if (decimals == 1)
    {
      rest = (rest + 50) / 100;
      /* Rounding 0.96 to one decimal carries into the whole part. */
      if (rest == 10)
        {
          whole += value < 0 ? -1 : 1;
          rest = 0;
        }
      g_snprintf (fraction, sizeof fraction, "%" G_GINT64_FORMAT, rest);
    }
  else
    g_snprintf (fraction, sizeof fraction, "%03" G_GINT64_FORMAT, rest);
  grouped = _mk_list_format_quantity (whole, FALSE);
  if (value < 0 && whole == 0)
    return g_strdup_printf ("-%s.%s", grouped, fraction);
  return g_strdup_printf ("%s.%s", grouped, fraction);
}

static const struct
{
  const char *code;
  const char *label;
} categories[] = {
  /* Translators: why stock moved, in a stock card. */
  { "received_purchase", N_ ("Received: purchase") },
  { "received_donation", N_ ("Received: donation in kind") },
  { "received_return", N_ ("Received: return") },
  { "received_transfer", N_ ("Received: transfer") },
  { "returned", N_ ("Returned from a site") },
  { "quarantined", N_ ("Put in quarantine") },
  { "dispatched", N_ ("Dispatched") },
  { "in_transit", N_ ("In transit") },
  { "delivered", N_ ("Delivered") },
  { "distributed", N_ ("Distributed") },
  { "kit_consumed", N_ ("Used in kitting") },
  { "kit_produced", N_ ("Made by kitting") },
  { "count", N_ ("Count difference") },
  { "loss_damaged", N_ ("Loss: damaged") },
  { "loss_expired", N_ ("Loss: expired") },
  { "loss_lost", N_ ("Loss: lost") },
  { "loss_theft", N_ ("Loss: theft") },
  { "loss_in_transit", N_ ("Loss in transit") },
  { "found", N_ ("Found") },
  { "ownership", N_ ("Transfer between grants") },
  { "cancellation", N_ ("Cancellation") },
  { "opening_balance", N_ ("Opening balance") },
  { "service_materials", N_ ("Issued for a service") },
};

static char *
format_category (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (categories[i].code, code))
      return g_strdup (_ (categories[i].label));
  return g_strdup (code);
}

char *
_mk_list_format_value (MkListColumnType type,
                       const char      *raw)
{
  MkDocumentKind kind;

  if (raw == NULL || *raw == '\0')
    return NULL;

  switch (type)
    {
    case MK_LIST_COLUMN_QUANTITY:
      return _mk_list_format_quantity (g_ascii_strtoll (raw, NULL, 10), FALSE);
    case MK_LIST_COLUMN_SIGNED:
      return _mk_list_format_quantity (g_ascii_strtoll (raw, NULL, 10), TRUE);
    case MK_LIST_COLUMN_WEIGHT:
      /* Grams to kilograms with one decimal: a truck's load, not a scale's. */
      return format_thousandths (g_ascii_strtoll (raw, NULL, 10), 1);
    case MK_LIST_COLUMN_VOLUME:
      /* cm³ to m³ with three decimals: 1,000,000 cm³ is one m³. */
      return format_thousandths (g_ascii_strtoll (raw, NULL, 10) / 1000, 3);
    case MK_LIST_COLUMN_UNIT_WEIGHT:
      return mk_text_format_decimal (g_ascii_strtoll (raw, NULL, 10), 1000);
    case MK_LIST_COLUMN_UNIT_VOLUME:
      return mk_text_format_decimal (g_ascii_strtoll (raw, NULL, 10), 1000000);
    case MK_LIST_COLUMN_STATUS:
      if (g_str_equal (raw, "draft"))
        /* Translators: a document's status. */
        return g_strdup (C_ ("document", "Draft"));
      if (g_str_equal (raw, "posted"))
        return g_strdup (C_ ("document", "Posted"));
      if (g_str_equal (raw, "cancelled"))
        return g_strdup (C_ ("document", "Cancelled"));
      if (g_str_equal (raw, "in-transit"))
        return g_strdup (C_ ("document", "In transit"));
      if (g_str_equal (raw, "received"))
        return g_strdup (C_ ("document", "Received"));
      if (g_str_equal (raw, "overdue"))
        return g_strdup (C_ ("document", "Overdue"));
      /* Translators: stock that can be used, as opposed to quarantined. */
      if (g_str_equal (raw, "warehouse"))
        return g_strdup (C_ ("stock", "Available"));
      if (g_str_equal (raw, "quarantine"))
        return g_strdup (C_ ("stock", "Quarantine"));
      return g_strdup (raw);
    case MK_LIST_COLUMN_KIND:
      if (mk_document_kind_from_text (raw, &kind))
        return g_strdup (mk_document_kind_get_label (kind));
      return g_strdup (raw);
    case MK_LIST_COLUMN_CATEGORY:
      return format_category (raw);
    case MK_LIST_COLUMN_BOOLEAN:
      return g_strdup (g_str_equal (raw, "0") ? _ ("No") : _ ("Yes"));
    case MK_LIST_COLUMN_TEXT:
    case MK_LIST_COLUMN_CODE:
    case MK_LIST_COLUMN_DATE:
    case MK_LIST_COLUMN_NAME:
    case MK_LIST_COLUMN_RUNNING:
    default:
      return g_strdup (raw);
    }
}
