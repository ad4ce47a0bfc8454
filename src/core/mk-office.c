/* mk-office.c: the office a database belongs to.
 *
 * The offices table is master data (mk-master-data.c writes it); this
 * module reads the database's own office for headers and documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-office"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-master-data.h"
#include "mk-office.h"
#include "mk-text.h"

void
mk_office_free (MkOffice *office)
{
  if (office == NULL)
    return;
  g_free (office->code);
  g_free (office->name_en);
  g_free (office->name_ar);
  g_free (office);
}

const char *
mk_office_get_display_name (const MkOffice *office)
{
  return mk_text_pick_name (office->name_en, office->name_ar);
}

MkOffice *
mk_office_get_own (MkDatabase *db,
                   GError    **error)
{
  g_autoptr (MkRecord) record = NULL;
  MkOffice *office;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);

  /* The own office is the first record the database was created with, so
   * its id is the first of its number's range. Looking it up by id keeps
   * working when somebody edits the office's code. */
  record = mk_master_data_get_by_id (
      db, mk_kind_lookup ("office"),
      ((gint64) mk_database_get_office_number (db) << 40) + 1, error);
  if (record == NULL)
    return NULL;

  office = g_new0 (MkOffice, 1);
  office->code = g_strdup (mk_record_get_code (record));
  office->number = (guint) mk_record_get_int (record, "number");
  office->name_en = g_strdup (mk_record_get_string (record, "name_en"));
  office->name_ar = g_strdup (mk_record_get_string (record, "name_ar"));
  return office;
}
