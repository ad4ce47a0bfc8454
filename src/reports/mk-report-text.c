/* mk-report-text.c: a workbook's words in the language chosen for it.
 *
 * A person working in English may send an Arabic workbook, so the report's
 * language cannot follow the process's locale; switching LANGUAGE would
 * change every thread's words at once. The chosen language's catalogue
 * (the same makhzan.mo that gettext reads, from the folder bound with
 * bindtextdomain()) is read once into a table and looked up here, from any
 * thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-reports"

#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>
#include <string.h>

#include "mk-report-private.h"

G_LOCK_DEFINE_STATIC (catalogues);
static GHashTable *catalogues; /* language → GHashTable msgid → msgstr */

static guint32
read_u32 (const guint8 *data,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The GNU .mo format: a header, then two tables of (length, offset)
 * pairs, the originals' and the translations'. */
static GHashTable *
catalogue_load (const char *language)
{
  GHashTable      *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char      *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize            length = 0;
  const guint8    *data;
  gboolean         swapped;
  guint32          n, originals, translations;

  if (dir == NULL)
    return table;
  path = g_build_filename (dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 28)
    return table;
  data = (const guint8 *) contents;
  if (read_u32 (data, FALSE) == 0x950412de)
    swapped = FALSE;
  else if (read_u32 (data, TRUE) == 0x950412de)
    swapped = TRUE;
  else
    return table;
  n = read_u32 (data + 8, swapped);
  originals = read_u32 (data + 12, swapped);
  translations = read_u32 (data + 16, swapped);
  if (originals > length || translations > length || n > (length - MAX (originals, translations)) / 8)
    return table;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 o_len = read_u32 (data + originals + 8 * i, swapped);
      guint32 o_off = read_u32 (data + originals + 8 * i + 4, swapped);
      guint32 t_len = read_u32 (data + translations + 8 * i, swapped);
      guint32 t_off = read_u32 (data + translations + 8 * i + 4, swapped);

      if (o_off > length || o_len >= length - o_off || t_off > length || t_len >= length - t_off)
        continue;
      /* The header (empty msgid) and empty translations are skipped; a
       * plural entry is found by its singular. */
      if (o_len == 0 || t_len == 0)
        continue;
      g_hash_table_insert (table, g_strndup (contents + o_off, strnlen (contents + o_off, o_len)),
                           g_strndup (contents + t_off, strnlen (contents + t_off, t_len)));
    }
  return table;
}

const char *
mk_report_text (const char *language,
                const char *msgid)
{
  GHashTable *table;
  const char *text;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (g_str_equal (language, "en"))
    return msgid;

  G_LOCK (catalogues);
  if (catalogues == NULL)
    catalogues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_hash_table_unref);
  table = g_hash_table_lookup (catalogues, language);
  if (table == NULL)
    {
      table = catalogue_load (language);
      g_hash_table_insert (catalogues, g_strdup (language), table);
    }
  /* Tables are never changed once loaded: the string outlives the lock. */
  text = g_hash_table_lookup (table, msgid);
  G_UNLOCK (catalogues);
  return text != NULL ? text : msgid;
}

const char *
mk_report_pick_name (const char *language,
                     const char *name_en,
                     const char *name_ar)
{
  gboolean arabic = language != NULL ? g_str_equal (language, "ar") : mk_text_prefers_arabic ();

  if (name_en == NULL || *name_en == '\0')
    return name_ar != NULL ? name_ar : "";
  if (name_ar == NULL || *name_ar == '\0')
    return name_en;
  return arabic ? name_ar : name_en;
}

char *
_mk_report_format (const char *format,
                   const char *value)
{
  const char *mark = strstr (format, "%s");
  GString    *text;

  if (mark == NULL)
    return g_strdup (format);
  text = g_string_new_len (format, mark - format);
  g_string_append (text, value);
  g_string_append (text, mark + 2);
  return g_string_free (text, FALSE);
}
