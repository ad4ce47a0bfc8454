/* mk-posting-cache.c: what bulk posting remembers of the catalogue.
 *
 * A generator or an import posts thousands of documents that name the
 * same items, grants and lots: in bulk, each is read once. The memory hangs
 * on the bulk's state (mk-ledger-bulk.c), which forgets it after a rollback
 * and whenever one of these rows changes. Outside bulk posting every
 * function here asks the database, as a single posting always did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-posting"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-master-data-private.h"
#include "mk-posting-private.h"
#include "mk-text.h"

typedef struct
{
  gint64 id;
  char  *code; /* as stored */
} Found;

typedef struct
{
  GHashTable *found;  /* const MkKind * → (code as given → Found) */
  GHashTable *items;  /* item id → MkItemFacts */
  GHashTable *lots;   /* lot id → MkLotFacts */
  GHashTable *grants; /* grant id → code */
} PostingCache;

static void
found_free (Found *found)
{
  g_free (found->code);
  g_free (found);
}

static void
item_facts_free (MkItemFacts *facts)
{
  g_free (facts->code);
  g_free (facts->code_isolated);
  g_free (facts);
}

static void
lot_facts_free (MkLotFacts *facts)
{
  g_free (facts->number);
  g_free (facts->expiry);
  g_free (facts);
}

static gpointer
posting_cache_new (void)
{
  PostingCache *cache = g_new0 (PostingCache, 1);

  cache->found = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  cache->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) item_facts_free);
  cache->lots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) lot_facts_free);
  cache->grants = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return cache;
}

static void
posting_cache_free (gpointer data)
{
  PostingCache *cache = data;

  g_hash_table_unref (cache->found);
  g_hash_table_unref (cache->items);
  g_hash_table_unref (cache->lots);
  g_hash_table_unref (cache->grants);
  g_free (cache);
}

/* NULL outside bulk posting. */
static PostingCache *
posting_cache (MkDatabase *db)
{
  return _mk_ledger_bulk_cache (db, "mk-posting-cache", posting_cache_new, posting_cache_free);
}

gboolean
_mk_posting_find_id (MkDatabase   *db,
                     const MkKind *kind,
                     const char   *code,
                     gint64       *id,
                     char        **canonical_code,
                     GError      **error)
{
  PostingCache *cache = posting_cache (db);
  GHashTable   *codes;
  Found        *found;

  if (cache == NULL)
    return _mk_master_data_find_id (db, kind, code, id, canonical_code, error);

  codes = g_hash_table_lookup (cache->found, kind);
  if (codes == NULL)
    {
      codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) found_free);
      g_hash_table_insert (cache->found, (gpointer) kind, codes);
    }
  found = g_hash_table_lookup (codes, code);
  if (found == NULL)
    {
      g_autofree char *stored = NULL;
      gint64           found_id;

      /* A code that is not found is not remembered: it may be added. */
      if (!_mk_master_data_find_id (db, kind, code, &found_id, &stored, error))
        return FALSE;
      found = g_new0 (Found, 1);
      found->id = found_id;
      found->code = g_steal_pointer (&stored);
      g_hash_table_insert (codes, g_strdup (code), found);
    }
  *id = found->id;
  if (canonical_code != NULL)
    *canonical_code = g_strdup (found->code);
  return TRUE;
}

gboolean
_mk_posting_item_facts (MkDatabase         *db,
                        gint64              item_id,
                        const MkItemFacts **facts,
                        GError            **error)
{
  PostingCache *cache = posting_cache (db);
  MkItemFacts  *known;
  sqlite3_stmt *stmt;
  gboolean      has_row;

  g_return_val_if_fail (cache != NULL, FALSE);

  known = g_hash_table_lookup (cache->items, &item_id);
  if (known != NULL)
    {
      *facts = known;
      return TRUE;
    }
  stmt = _mk_database_statement (
      db, "SELECT code, tracks_lots, is_kit, active, weight_g, volume_cm3 FROM items WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      *facts = NULL; /* the caller says what is missing */
      return TRUE;
    }
  known = g_new0 (MkItemFacts, 1);
  known->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  known->code_isolated = mk_text_isolate_ltr (known->code);
  known->tracks_lots = sqlite3_column_int (stmt, 1);
  known->is_kit = sqlite3_column_int (stmt, 2);
  known->active = sqlite3_column_int (stmt, 3);
  known->weight_g = sqlite3_column_int64 (stmt, 4);
  known->volume_cm3 = sqlite3_column_int64 (stmt, 5);
  sqlite3_reset (stmt);
  g_hash_table_insert (cache->items, g_memdup2 (&item_id, sizeof item_id), known);
  *facts = known;
  return TRUE;
}

gboolean
_mk_posting_lot_facts (MkDatabase        *db,
                       gint64             lot_id,
                       const MkLotFacts **facts,
                       GError           **error)
{
  PostingCache *cache = posting_cache (db);
  MkLotFacts   *known;
  sqlite3_stmt *stmt;
  gboolean      has_row;

  g_return_val_if_fail (cache != NULL, FALSE);

  known = g_hash_table_lookup (cache->lots, &lot_id);
  if (known != NULL)
    {
      *facts = known;
      return TRUE;
    }
  stmt = _mk_database_statement (db, "SELECT number, expiry_date FROM lots WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lot_id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  known = g_new0 (MkLotFacts, 1);
  if (has_row)
    {
      known->number = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      known->expiry = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      sqlite3_reset (stmt);
    }
  else
    {
      /* Not remembered: a lot made later may take the id. */
      *facts = NULL;
      lot_facts_free (known);
      return TRUE;
    }
  g_hash_table_insert (cache->lots, g_memdup2 (&lot_id, sizeof lot_id), known);
  *facts = known;
  return TRUE;
}

gboolean
_mk_posting_grant_code (MkDatabase  *db,
                        gint64       grant_id,
                        const char **code,
                        GError     **error)
{
  PostingCache *cache = posting_cache (db);
  char         *known;
  sqlite3_stmt *stmt;
  gboolean      has_row;

  g_return_val_if_fail (cache != NULL, FALSE);

  *code = NULL;
  if (grant_id == 0)
    return TRUE;
  known = g_hash_table_lookup (cache->grants, &grant_id);
  if (known != NULL)
    {
      *code = known;
      return TRUE;
    }
  stmt = _mk_database_statement (db, "SELECT code FROM grants WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, grant_id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;
  known = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_hash_table_insert (cache->grants, g_memdup2 (&grant_id, sizeof grant_id), known);
  *code = known;
  return TRUE;
}
