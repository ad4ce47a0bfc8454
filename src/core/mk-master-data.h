/* mk-master-data.h: add, edit, find and list master-data records.
 *
 * Owns the master-data tables (offices, warehouses, sites, items, donors,
 * grants, partners). Every change is validated, audited and atomic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"
#include "mk-record.h"

G_BEGIN_DECLS

#define MK_MASTER_DATA_ERROR (mk_master_data_error_quark ())

typedef enum
{
  MK_MASTER_DATA_ERROR_NOT_FOUND,
  MK_MASTER_DATA_ERROR_DUPLICATE,
  MK_MASTER_DATA_ERROR_UNKNOWN_REFERENCE,
  MK_MASTER_DATA_ERROR_INVALID,
} MkMasterDataError;

GQuark mk_master_data_error_quark (void);

/* Validates @record, gives it an id and stores it. */
gboolean mk_master_data_add (MkDatabase *db,
                             MkRecord   *record,
                             GError    **error);
/* Stores the changed fields of a record read with mk_master_data_get(). */
gboolean mk_master_data_update (MkDatabase *db,
                                MkRecord   *record,
                                GError    **error);
/* Looks a record up by code, case-insensitively. */
MkRecord *mk_master_data_get (MkDatabase   *db,
                              const MkKind *kind,
                              const char   *code,
                              GError      **error);
MkRecord *mk_master_data_get_by_id (MkDatabase   *db,
                                    const MkKind *kind,
                                    gint64        id,
                                    GError      **error);
/* Records of @kind ordered by code; @search (may be NULL) matches codes and
 * English or Arabic names, with Arabic letter variants folded.
 * Returns an array of MkRecord. */
GPtrArray *mk_master_data_list (MkDatabase   *db,
                                const MkKind *kind,
                                const char   *search,
                                GError      **error);

/* A seeded vocabulary (units, item_categories, site_types …). */
typedef struct
{
  char *code;
  char *name_en;
  char *name_ar;
} MkVocabEntry;

void mk_vocab_entry_free (MkVocabEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkVocabEntry, mk_vocab_entry_free)

/* Returns an array of MkVocabEntry in the table's order. */
GPtrArray *mk_master_data_list_vocabulary (MkDatabase *db,
                                           const char *vocab,
                                           GError    **error);
/* The name of a vocabulary entry in the interface's language. */
const char *mk_vocab_entry_get_display_name (const MkVocabEntry *entry);

/* How many decimals amounts in @currency (a code of the currencies list:
 * USD, EUR, LYD) have: 2 for cents, 3 for dirhams. Item values are kept
 * in thousandths whatever the currency; this says how to show them. */
gboolean mk_master_data_get_currency_decimals (MkDatabase *db,
                                               const char *currency,
                                               guint      *decimals,
                                               GError    **error);

G_END_DECLS
