/* mk-print-lookup.c: names, units and numbers read for printing, cached
 * for the life of one job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-print"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mk-print-private.h"

struct _MkPrintLookup
{
  MkDatabase *db;
  gboolean    arabic;
  GHashTable *records; /* "kind\ncode" → MkRecord, or a NULL value: none */
  GHashTable *vocabs;  /* vocab → GPtrArray of MkVocabEntry */
  GHashTable *kits;    /* item code → its contents as text, or "" */
};

MkPrintLookup *
mk_print_lookup_new (MkDatabase *db,
                     gboolean    arabic)
{
  MkPrintLookup *lookup = g_new0 (MkPrintLookup, 1);

  lookup->db = g_object_ref (db);
  lookup->arabic = arabic;
  lookup->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  lookup->vocabs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  lookup->kits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return lookup;
}

void
mk_print_lookup_free (MkPrintLookup *lookup)
{
  if (lookup == NULL)
    return;
  g_object_unref (lookup->db);
  g_hash_table_unref (lookup->records);
  g_hash_table_unref (lookup->vocabs);
  g_hash_table_unref (lookup->kits);
  g_free (lookup);
}

gboolean
mk_print_lookup_is_arabic (MkPrintLookup *lookup)
{
  return lookup->arabic;
}

MkDatabase *
mk_print_lookup_get_database (MkPrintLookup *lookup)
{
  return lookup->db;
}

MkRecord *
mk_print_lookup_record (MkPrintLookup *lookup,
                        const char    *kind,
                        const char    *code)
{
  g_autofree char *key = NULL;
  MkRecord        *record;

  if (code == NULL || *code == '\0')
    return NULL;
  key = g_strconcat (kind, "\n", code, NULL);
  if (g_hash_table_lookup_extended (lookup->records, key, NULL, (gpointer *) &record))
    return record;
  /* A code that is gone from the master data prints as the code alone. */
  record = mk_master_data_get (lookup->db, mk_kind_lookup (kind), code, NULL);
  if (record != NULL)
    g_hash_table_insert (lookup->records, g_steal_pointer (&key), record);
  return record;
}

static const char *
pick (MkPrintLookup *lookup,
      const char    *name_en,
      const char    *name_ar)
{
  if (name_en != NULL && *name_en == '\0')
    name_en = NULL;
  if (name_ar != NULL && *name_ar == '\0')
    name_ar = NULL;
  if (lookup->arabic)
    return name_ar != NULL ? name_ar : name_en;
  return name_en != NULL ? name_en : name_ar;
}

const char *
mk_print_lookup_name (MkPrintLookup *lookup,
                      const char    *kind,
                      const char    *code)
{
  MkRecord *record = mk_print_lookup_record (lookup, kind, code);

  if (record == NULL)
    return NULL;
  return pick (lookup, mk_record_get_string (record, "name_en"), mk_record_get_string (record, "name_ar"));
}

char *
mk_print_lookup_describe (MkPrintLookup *lookup,
                          const char    *kind,
                          const char    *code)
{
  const char *name;

  if (code == NULL || *code == '\0')
    return NULL;
  name = mk_print_lookup_name (lookup, kind, code);
  if (name == NULL)
    return g_strdup (code);
  {
    /* The code isolated: the name alone sets the direction. */
    g_autofree char *isolated = mk_text_isolate_ltr (code);

    return g_strdup_printf ("%s — %s", isolated, name);
  }
}

const char *
mk_print_lookup_vocab (MkPrintLookup *lookup,
                       const char    *vocab,
                       const char    *code)
{
  GPtrArray *entries;

  if (code == NULL)
    return NULL;
  entries = g_hash_table_lookup (lookup->vocabs, vocab);
  if (entries == NULL)
    {
      entries = mk_master_data_list_vocabulary (lookup->db, vocab, NULL);
      if (entries == NULL)
        return code;
      g_hash_table_insert (lookup->vocabs, g_strdup (vocab), entries);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const MkVocabEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->code, code))
        return pick (lookup, entry->name_en, entry->name_ar);
    }
  return code;
}

const char *
mk_print_lookup_kit_contents (MkPrintLookup *lookup,
                              const char    *item_code)
{
  MkRecord *item = mk_print_lookup_record (lookup, "item", item_code);
  g_autoptr (GPtrArray) components = NULL;
  GString    *text;
  const char *cached;

  if (item == NULL || !mk_record_get_bool (item, "is_kit"))
    return NULL;
  cached = g_hash_table_lookup (lookup->kits, item_code);
  if (cached == NULL)
    {
      text = g_string_new (NULL);
      components = mk_kit_get_components (lookup->db, item_code, NULL);
      for (guint i = 0; components != NULL && i < components->len; i++)
        {
          const MkKitComponent *component = g_ptr_array_index (components, i);
          g_autofree char      *quantity = mk_print_format_count (component->quantity);
          /* No-break spaces: a part is never split over two lines. */
          g_autofree char      *part = g_strdup_printf ("%s\u00a0×\u00a0%s", quantity, component->code);
          g_autofree char      *isolated = mk_text_isolate_ltr (part);

          if (text->len > 0)
            g_string_append (text, " + ");
          g_string_append (text, isolated);
        }
      cached = g_string_free (text, FALSE);
      g_hash_table_insert (lookup->kits, g_strdup (item_code), (gpointer) cached);
    }
  return *cached != '\0' ? cached : NULL;
}

/* Numbers ------------------------------------------------------------------ */

char *
mk_print_format_count (gint64 value)
{
  GString *text = g_string_new (NULL);
  guint64  magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
  char     digits[24];
  guint    n;

  n = (guint) g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  if (value < 0)
    g_string_append_c (text, '-');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

/* @value / @scale with @decimals digits after the point, rounded, the
 * whole part grouped. */
static char *
format_scaled (gint64 value,
               gint64 scale,
               guint  decimals)
{
  gint64           step = 1;
  gint64           rounded, whole, fraction;
  g_autofree char *whole_text = NULL;

  for (guint i = 0; i < decimals; i++)
    step *= 10;
  /* Rounded half away from zero, in integers: no floating point. */
  rounded = value >= 0 ? (value * step + scale / 2) / scale : -((-value * step + scale / 2) / scale);
  whole = rounded / step;
  fraction = ABS (rounded % step);
  whole_text = mk_print_format_count (whole);
  if (rounded < 0 && whole == 0)
    {
      g_free (whole_text);
      whole_text = g_strdup ("-0");
    }
  if (decimals == 0)
    return g_steal_pointer (&whole_text);
  return g_strdup_printf ("%s.%0*" G_GINT64_FORMAT, whole_text, (int) decimals, fraction);
}

char *
mk_print_format_kg (gint64 grams)
{
  return format_scaled (grams, 1000, 2);
}

char *
mk_print_format_m3 (gint64 cm3)
{
  return format_scaled (cm3, 1000000, 3);
}

char *
mk_print_format_money (gint64 milli,
                       guint  decimals)
{
  return format_scaled (milli, 1000, MIN (decimals, 3u));
}

char *
mk_print_format_date (const char *iso_date)
{
  if (iso_date == NULL || strlen (iso_date) != 10)
    return g_strdup (iso_date);
  /* Day first with slashes reads correctly inside Arabic (reference/arabic.md). */
  return g_strdup_printf ("%.2s/%.2s/%.4s", iso_date + 8, iso_date + 5, iso_date);
}

char *
mk_print_document_field (MkDocument *document,
                         const char *field)
{
  MkRecord *header = mk_document_get_header (document);

  char *text;

  if (!mk_record_is_set (header, field))
    return NULL;
  text = mk_record_get_text (header, field);
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}
