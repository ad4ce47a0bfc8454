/* mk-ledger-bulk.c: bulk posting — one transaction for many documents,
 * secondary indexes and monthly totals written once at the end, and the
 * balances the postings read kept in memory beside the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-ledger"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-ledger-private.h"

/* One holding of a shelf: a balance row of one location and item. */
typedef struct
{
  gint64   lot_id;
  gint64   grant_id;
  gint64   quantity;
  gboolean dirty; /* not yet written to the table */
} Holding;

/* The balances of one location and item, as the table has them. */
typedef struct
{
  gint64 location_id;
  gint64 item_id;
} ShelfKey;

typedef struct
{
  ShelfKey key;
  GArray  *holdings; /* Holding */
  gboolean dirty;
} Shelf;

/* The movements of a document being posted, until it is (settle) or is
 * not (discard). */
typedef struct
{
  char    date[11];
  GArray *movements; /* MkMovement */
} Held;

/* Bulk posting keeps one transaction open and defers the secondary indexes
 * and monthly totals; its state hangs on the connection. */
typedef struct
{
  gint64      first_movement_id;
  gint64      next_movement_id;
  char        before_bulk[11]; /* the latest date the ledger had at begin */
  GHashTable *latest_by_key;   /* set of LatestEntry, by key */
  GHashTable *month_totals;    /* set of MonthEntry, by key: written at the end */
  GPtrArray  *blocks;          /* where the entries live, freed at once */
  gsize       block_left;      /* bytes free at the end of the last block */
  GPtrArray  *indexes;         /* the CREATE INDEX statements to run at the end */

  /* What is read from the database and kept beside it: dropped whenever
   * a rollback may have undone what it remembers, or when a row it may
   * depend on changes. */
  gboolean    left_wal;  /* the bulk runs with a rollback journal */
  guint       rollbacks; /* the connection's count when last valid */
  gboolean    stale;     /* set by the update hook */
  GHashTable *shelves;   /* ShelfKey → Shelf: never forgotten, the truth */
  GPtrArray  *dirty;     /* Shelf with holdings to write */
  GHashTable *dirty_at;  /* location id → GPtrArray of those Shelf there */
  GPtrArray  *held;      /* Held */
  GHashTable *expiries;  /* lot id → char[11], "" when the lot does not expire */
  GHashTable *lots;      /* "item id:number" (ASCII folded, as NOCASE) → KnownLot */
  GHashTable *locations; /* LocationKey → location id */
  GArray     *caches;    /* CacheSlot: other modules' memory, by name */
} BulkState;

/* Indexes that bulk posting drops and builds again at the end: inserting
 * without them and building each once is several times faster than keeping
 * them in step. Those that posting reads stay: movements by document
 * (cancellations), documents by reference and receipts by household
 * (entitlements), documents by number (receptions). */
static const char *const deferred_indexes[] = {
  "movements_card",
  "document_lines_by_item",
  "stock_month_totals_by_month",
  "documents_by_kind",
  "documents_by_site",
};

/* A row of stock_month_totals; category is a static string. */
typedef struct
{
  gint64      location_id;
  gint64      item_id;
  gint64      lot_id;
  gint64      grant_id;
  gint64      month;
  const char *category;
} MonthKey;

typedef struct
{
  gint64 id;
  char  *expiry; /* NULL: the lot does not expire */
} KnownLot;

typedef struct
{
  gint64 kind;
  gint64 owner_id;
} LocationKey;

typedef struct
{
  const char    *name; /* a string literal of the module */
  gpointer       cache;
  GDestroyNotify destroy;
} CacheSlot;

/* A key's total of a month, and a key's latest date. Entries begin with
 * their key, so that a set of entries is looked up by key. */
typedef struct
{
  MonthKey key;
  gint64   total;
} MonthEntry;

typedef struct
{
  MkStockKey key;
  char       latest[11];
} LatestEntry;

/* Ids share their high bits (the office number): mix every field through
 * a multiplier so that keys spread over the table. */
static inline guint64
mix (guint64 hash,
     guint64 value)
{
  hash ^= value + G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) + (hash << 6) + (hash >> 2);
  return hash * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
}

guint
_mk_ledger_stock_key_hash (gconstpointer data)
{
  const MkStockKey *key = data;
  guint64           hash = mix (mix (mix (mix (0, (guint64) key->location_id), (guint64) key->item_id),
                                     (guint64) key->lot_id),
                                (guint64) key->grant_id);
  return (guint) (hash ^ (hash >> 32));
}

gboolean
_mk_ledger_stock_key_equal (gconstpointer a,
                            gconstpointer b)
{
  return memcmp (a, b, sizeof (MkStockKey)) == 0;
}

static guint
month_key_hash (gconstpointer data)
{
  const MonthKey *key = data;
  guint64         hash = mix (mix (mix (mix (mix (0, (guint64) key->location_id), (guint64) key->item_id),
                                        (guint64) key->lot_id),
                                   (guint64) key->grant_id),
                              (guint64) key->month);
  hash = mix (hash, g_str_hash (key->category));
  return (guint) (hash ^ (hash >> 32));
}

static gboolean
month_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const MonthKey *x = a, *y = b;
  return x->location_id == y->location_id && x->item_id == y->item_id && x->lot_id == y->lot_id && x->grant_id == y->grant_id && x->month == y->month && g_str_equal (x->category, y->category);
}

static guint
shelf_key_hash (gconstpointer data)
{
  const ShelfKey *key = data;
  guint64         hash = mix (mix (0, (guint64) key->location_id), (guint64) key->item_id);
  return (guint) (hash ^ (hash >> 32));
}

static gboolean
shelf_key_equal (gconstpointer a,
                 gconstpointer b)
{
  return memcmp (a, b, sizeof (ShelfKey)) == 0;
}

static guint
id_hash (gconstpointer data)
{
  guint64 hash = mix (0, *(const guint64 *) data);
  return (guint) (hash ^ (hash >> 32));
}

static void
shelf_free (Shelf *shelf)
{
  g_array_unref (shelf->holdings);
  g_free (shelf);
}

static void
held_free (Held *held)
{
  g_array_unref (held->movements);
  g_free (held);
}

static void
known_lot_free (KnownLot *lot)
{
  g_free (lot->expiry);
  g_free (lot);
}

static void
forget_caches (BulkState *bulk)
{
  for (guint i = 0; i < bulk->caches->len; i++)
    {
      CacheSlot *slot = &g_array_index (bulk->caches, CacheSlot, i);
      slot->destroy (slot->cache);
    }
  g_array_set_size (bulk->caches, 0);
}

static void
forget_reads (BulkState *bulk)
{
  g_hash_table_remove_all (bulk->expiries);
  g_hash_table_remove_all (bulk->lots);
  g_hash_table_remove_all (bulk->locations);
  forget_caches (bulk);
  bulk->stale = FALSE;
}

static void
bulk_state_free (BulkState *bulk)
{
  g_clear_pointer (&bulk->latest_by_key, g_hash_table_unref);
  g_clear_pointer (&bulk->month_totals, g_hash_table_unref);
  g_clear_pointer (&bulk->blocks, g_ptr_array_unref);
  g_clear_pointer (&bulk->indexes, g_ptr_array_unref);
  g_clear_pointer (&bulk->shelves, g_hash_table_unref);
  g_clear_pointer (&bulk->dirty, g_ptr_array_unref);
  g_clear_pointer (&bulk->dirty_at, g_hash_table_unref);
  g_clear_pointer (&bulk->held, g_ptr_array_unref);
  g_clear_pointer (&bulk->expiries, g_hash_table_unref);
  g_clear_pointer (&bulk->lots, g_hash_table_unref);
  g_clear_pointer (&bulk->locations, g_hash_table_unref);
  if (bulk->caches != NULL)
    forget_caches (bulk);
  g_clear_pointer (&bulk->caches, g_array_unref);
  g_free (bulk);
}

static GQuark
bulk_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("mk-ledger-bulk");
  return quark;
}

static BulkState *
bulk_state (MkDatabase *db)
{
  return g_object_get_qdata (G_OBJECT (db), bulk_quark ());
}

/* The bulk state, its reads forgotten if they may be out of date. */
static BulkState *
fresh_bulk_state (MkDatabase *db)
{
  BulkState *bulk = bulk_state (db);
  guint      rollbacks;

  if (bulk == NULL)
    return NULL;
  rollbacks = _mk_database_get_rollbacks (db);
  if (bulk->stale || bulk->rollbacks != rollbacks)
    {
      forget_reads (bulk);
      bulk->rollbacks = rollbacks;
    }
  return bulk;
}

gboolean
_mk_ledger_in_bulk (MkDatabase *db)
{
  return bulk_state (db) != NULL;
}

gpointer
_mk_ledger_bulk_cache (MkDatabase *db,
                       const char *name,
                       gpointer (*create) (void),
                       GDestroyNotify destroy)
{
  BulkState *bulk = fresh_bulk_state (db);
  CacheSlot  slot;

  if (bulk == NULL)
    return NULL;
  /* A few modules, each asking many times a posting: a short list. */
  for (guint i = 0; i < bulk->caches->len; i++)
    {
      CacheSlot *known = &g_array_index (bulk->caches, CacheSlot, i);
      if (known->name == name || strcmp (known->name, name) == 0)
        return known->cache;
    }
  slot.name = name;
  slot.cache = create ();
  slot.destroy = destroy;
  g_array_append_val (bulk->caches, slot);
  return slot.cache;
}

/* Rows that postings read and that a user may change between two postings
 * of a bulk load (an item made inactive, a lot's expiry corrected, a
 * household edited). New rows change nothing remembered, except a new
 * entitlement rule. */
static void
watch_changes (void         *data,
               int           operation,
               const char   *database,
               const char   *table,
               sqlite3_int64 rowid)
{
  static const char *const watched[] = {
    "items",
    "grants",
    "lots",
    "households",
    "entitlements",
    "warehouses",
    "sites",
    "partners",
    "kit_components",
  };
  BulkState *bulk = data;

  if (bulk->stale)
    return;
  if (operation == SQLITE_INSERT && strcmp (table, "entitlements") != 0 && strcmp (table, "kit_components") != 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    if (strcmp (table, watched[i]) == 0)
      {
        bulk->stale = TRUE;
        return;
      }
}

/* Movements -------------------------------------------------------------- */

/* A million movements make about as many entries: carved out of large
 * blocks, they cost no allocation each, and freeing them is freeing a few
 * blocks. */
#define BLOCK_SIZE (1 << 20)

static gpointer
new_entry (BulkState *bulk,
           gsize      size)
{
  gpointer block;

  size = (size + 7) & ~(gsize) 7;
  if (bulk->block_left < size)
    {
      g_ptr_array_add (bulk->blocks, g_malloc (BLOCK_SIZE));
      bulk->block_left = BLOCK_SIZE;
    }
  block = g_ptr_array_index (bulk->blocks, bulk->blocks->len - 1);
  bulk->block_left -= size;
  return (char *) block + (BLOCK_SIZE - bulk->block_left - size);
}

gint64
_mk_ledger_bulk_take_movement_ids (MkDatabase *db,
                                   guint       count)
{
  BulkState *bulk = bulk_state (db);
  gint64     first = bulk->next_movement_id;

  bulk->next_movement_id += count;
  return first;
}

static gint
month_of (const char *date)
{
  /* YYYY-MM-DD, validated before posting. */
  return (gint) g_ascii_strtoll (date, NULL, 10) * 100 + (gint) g_ascii_strtoll (date + 5, NULL, 10);
}

static Shelf *load_shelf (MkDatabase *db,
                          BulkState  *bulk,
                          gint64      location_id,
                          gint64      item_id,
                          GError    **error);

gboolean
_mk_ledger_bulk_hold (MkDatabase *db,
                      const char *date,
                      GArray     *movements,
                      GError    **error)
{
  BulkState *bulk = fresh_bulk_state (db);
  Held      *held;

  /* Every shelf a movement changes is read now, while the posting can
   * still fail: settling cannot. */
  for (guint i = 0; i < movements->len; i++)
    {
      const MkMovement *movement = &g_array_index (movements, MkMovement, i);
      if (load_shelf (db, bulk, movement->location_id, movement->item_id, error) == NULL)
        return FALSE;
    }
  held = g_new0 (Held, 1);
  g_strlcpy (held->date, date, sizeof held->date);
  held->movements = g_array_copy (movements);
  g_ptr_array_add (bulk->held, held);
  return TRUE;
}

void
_mk_ledger_bulk_discard (MkDatabase *db)
{
  BulkState *bulk = bulk_state (db);

  if (bulk != NULL)
    g_ptr_array_set_size (bulk->held, 0);
}

static void
settle_one (BulkState        *bulk,
            const char       *date,
            gint              month,
            const MkMovement *movement)
{
  MkStockKey   key = { movement->location_id, movement->item_id, movement->lot_id, movement->grant_id };
  MonthKey     month_key = { movement->location_id, movement->item_id, movement->lot_id,
                             movement->grant_id, month, movement->category };
  ShelfKey     shelf_key = { movement->location_id, movement->item_id };
  MonthEntry  *month_entry = g_hash_table_lookup (bulk->month_totals, &month_key);
  LatestEntry *latest = g_hash_table_lookup (bulk->latest_by_key, &key);
  Shelf       *shelf = g_hash_table_lookup (bulk->shelves, &shelf_key);
  Holding     *holding = NULL;

  /* Monthly totals are summed in memory and written once. */
  if (month_entry == NULL)
    {
      month_entry = new_entry (bulk, sizeof (MonthEntry));
      month_entry->key = month_key;
      month_entry->total = 0;
      g_hash_table_add (bulk->month_totals, month_entry);
    }
  month_entry->total += movement->quantity;

  if (latest == NULL)
    {
      latest = new_entry (bulk, sizeof (LatestEntry));
      latest->key = key;
      g_strlcpy (latest->latest, date, sizeof latest->latest);
      g_hash_table_add (bulk->latest_by_key, latest);
    }
  else if (strcmp (date, latest->latest) > 0)
    g_strlcpy (latest->latest, date, sizeof latest->latest);

  /* The balance, written to the table later (_mk_ledger_bulk_write_balances). */
  g_assert (shelf != NULL);
  for (guint h = 0; h < shelf->holdings->len && holding == NULL; h++)
    {
      Holding *candidate = &g_array_index (shelf->holdings, Holding, h);
      if (candidate->lot_id == movement->lot_id && candidate->grant_id == movement->grant_id)
        holding = candidate;
    }
  if (holding == NULL)
    {
      Holding fresh = { movement->lot_id, movement->grant_id, 0, FALSE };
      g_array_append_val (shelf->holdings, fresh);
      holding = &g_array_index (shelf->holdings, Holding, shelf->holdings->len - 1);
    }
  holding->quantity += movement->quantity;
  holding->dirty = TRUE;
  if (!shelf->dirty)
    {
      GPtrArray *there = g_hash_table_lookup (bulk->dirty_at, &shelf->key.location_id);

      shelf->dirty = TRUE;
      g_ptr_array_add (bulk->dirty, shelf);
      if (there == NULL)
        {
          there = g_ptr_array_new ();
          g_hash_table_insert (bulk->dirty_at, g_memdup2 (&shelf->key.location_id, sizeof (gint64)), there);
        }
      g_ptr_array_add (there, shelf);
    }
}

void
_mk_ledger_bulk_settle (MkDatabase *db)
{
  BulkState *bulk = bulk_state (db);

  if (bulk == NULL)
    return;
  for (guint i = 0; i < bulk->held->len; i++)
    {
      const Held *held = g_ptr_array_index (bulk->held, i);
      gint        month = month_of (held->date);

      for (guint m = 0; m < held->movements->len; m++)
        settle_one (bulk, held->date, month, &g_array_index (held->movements, MkMovement, m));
    }
  g_ptr_array_set_size (bulk->held, 0);
}

gboolean
_mk_ledger_bulk_moved_after (MkDatabase       *db,
                             const MkStockKey *key,
                             const char       *date)
{
  BulkState         *bulk = bulk_state (db);
  const LatestEntry *latest;

  /* Movements from before the bulk are not remembered. */
  if (strcmp (date, bulk->before_bulk) < 0)
    return TRUE;
  latest = g_hash_table_lookup (bulk->latest_by_key, key);
  return latest != NULL && strcmp (date, latest->latest) < 0;
}

/* Lots and locations ----------------------------------------------------- */

/* Lot numbers compare without case (COLLATE NOCASE folds ASCII only). */
static char *
lot_key (gint64      item_id,
         const char *number)
{
  g_autofree char *folded = g_ascii_strdown (number, -1);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", item_id, folded);
}

gboolean
_mk_ledger_bulk_known_lot (MkDatabase  *db,
                           gint64       item_id,
                           const char  *number,
                           gint64      *lot_id,
                           const char **expiry)
{
  BulkState       *bulk = fresh_bulk_state (db);
  g_autofree char *key = lot_key (item_id, number);
  const KnownLot  *known = g_hash_table_lookup (bulk->lots, key);

  if (known == NULL)
    return FALSE;
  *lot_id = known->id;
  *expiry = known->expiry;
  return TRUE;
}

void
_mk_ledger_bulk_learn_lot (MkDatabase *db,
                           gint64      item_id,
                           const char *number,
                           gint64      lot_id,
                           const char *expiry)
{
  BulkState *bulk = fresh_bulk_state (db);
  KnownLot  *known = g_new0 (KnownLot, 1);

  known->id = lot_id;
  known->expiry = g_strdup (expiry);
  g_hash_table_replace (bulk->lots, lot_key (item_id, number), known);
}

gboolean
_mk_ledger_bulk_known_location (MkDatabase    *db,
                                MkLocationKind kind,
                                gint64         owner_id,
                                gint64        *location_id)
{
  BulkState    *bulk = fresh_bulk_state (db);
  LocationKey   key = { kind, owner_id };
  const gint64 *known = g_hash_table_lookup (bulk->locations, &key);

  if (known == NULL)
    return FALSE;
  *location_id = *known;
  return TRUE;
}

void
_mk_ledger_bulk_learn_location (MkDatabase    *db,
                                MkLocationKind kind,
                                gint64         owner_id,
                                gint64         location_id)
{
  BulkState  *bulk = fresh_bulk_state (db);
  LocationKey key = { kind, owner_id };

  g_hash_table_replace (bulk->locations, g_memdup2 (&key, sizeof key), g_memdup2 (&location_id, sizeof location_id));
}

/* Balances --------------------------------------------------------------- */

/* The balances of @location_id and @item_id, read once and from then on
 * kept here: bulk posting writes them to the table later. */
static Shelf *
load_shelf (MkDatabase *db,
            BulkState  *bulk,
            gint64      location_id,
            gint64      item_id,
            GError    **error)
{
  ShelfKey      key = { location_id, item_id };
  Shelf        *shelf = g_hash_table_lookup (bulk->shelves, &key);
  sqlite3_stmt *stmt;
  gboolean      has_row;

  if (shelf != NULL)
    return shelf;
  stmt = _mk_database_statement (
      db, "SELECT lot_id, grant_id, quantity FROM balances WHERE location_id = ?1 AND item_id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, location_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  shelf = g_new0 (Shelf, 1);
  shelf->key = key;
  shelf->holdings = g_array_new (FALSE, FALSE, sizeof (Holding));
  while (TRUE)
    {
      Holding holding = { 0 };

      if (!_mk_database_step (db, stmt, &has_row, error))
        {
          shelf_free (shelf);
          return NULL;
        }
      if (!has_row)
        break;
      holding.lot_id = sqlite3_column_int64 (stmt, 0);
      holding.grant_id = sqlite3_column_int64 (stmt, 1);
      holding.quantity = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (shelf->holdings, holding);
    }
  g_hash_table_insert (bulk->shelves, &shelf->key, shelf);
  return shelf;
}

static GArray *
shelf (MkDatabase *db,
       BulkState  *bulk,
       gint64      location_id,
       gint64      item_id,
       GError    **error)
{
  Shelf *loaded = load_shelf (db, bulk, location_id, item_id, error);
  return loaded ? loaded->holdings : NULL;
}

static gint
compare_shelves (gconstpointer a,
                 gconstpointer b)
{
  const Shelf *x = *(const Shelf *const *) a;
  const Shelf *y = *(const Shelf *const *) b;

  if (x->key.location_id != y->key.location_id)
    return x->key.location_id < y->key.location_id ? -1 : 1;
  if (x->key.item_id != y->key.item_id)
    return x->key.item_id < y->key.item_id ? -1 : 1;
  return 0;
}

static gboolean
write_shelf (MkDatabase *db,
             Shelf      *dirty,
             GError    **error)
{
  if (!dirty->dirty)
    return TRUE; /* written since it was listed */
  for (guint h = 0; h < dirty->holdings->len; h++)
    {
      Holding      *holding = &g_array_index (dirty->holdings, Holding, h);
      sqlite3_stmt *stmt;

      if (!holding->dirty)
        continue;
      stmt = _mk_database_statement (
          db,
          "INSERT INTO balances (location_id, item_id, lot_id, grant_id, quantity)"
          " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO UPDATE SET quantity = excluded.quantity",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, dirty->key.location_id);
      sqlite3_bind_int64 (stmt, 2, dirty->key.item_id);
      sqlite3_bind_int64 (stmt, 3, holding->lot_id);
      sqlite3_bind_int64 (stmt, 4, holding->grant_id);
      sqlite3_bind_int64 (stmt, 5, holding->quantity);
      if (!_mk_database_exec_stmt (db, stmt, error))
        return FALSE;
      holding->dirty = FALSE;
    }
  dirty->dirty = FALSE;
  return TRUE;
}

gboolean
_mk_ledger_bulk_write_balances (MkDatabase *db,
                                GError    **error)
{
  BulkState *bulk = bulk_state (db);

  if (bulk == NULL || bulk->dirty->len == 0)
    return TRUE;
  /* In the order of the table's key, each write beside the one before. */
  g_ptr_array_sort (bulk->dirty, compare_shelves);
  for (guint i = 0; i < bulk->dirty->len; i++)
    if (!write_shelf (db, g_ptr_array_index (bulk->dirty, i), error))
      return FALSE;
  g_ptr_array_set_size (bulk->dirty, 0);
  g_hash_table_remove_all (bulk->dirty_at);
  return TRUE;
}

gboolean
_mk_ledger_bulk_write_balances_at (MkDatabase *db,
                                   gint64      location_id,
                                   GError    **error)
{
  BulkState *bulk = bulk_state (db);
  GPtrArray *there = bulk ? g_hash_table_lookup (bulk->dirty_at, &location_id) : NULL;

  if (there == NULL)
    return TRUE;
  for (guint i = 0; i < there->len; i++)
    if (!write_shelf (db, g_ptr_array_index (there, i), error))
      return FALSE;
  /* The shelves stay listed in bulk->dirty, clean: writing them again
   * writes nothing. */
  g_hash_table_remove (bulk->dirty_at, &location_id);
  return TRUE;
}

gboolean
_mk_ledger_bulk_quantity (MkDatabase *db,
                          gint64      location_id,
                          gint64      item_id,
                          gint64      lot_id,
                          gint64      grant_id,
                          gint64     *quantity,
                          GError    **error)
{
  BulkState *bulk = fresh_bulk_state (db);
  GArray    *holdings = shelf (db, bulk, location_id, item_id, error);

  if (holdings == NULL)
    return FALSE;
  *quantity = 0;
  for (guint i = 0; i < holdings->len; i++)
    {
      const Holding *holding = &g_array_index (holdings, Holding, i);
      if ((lot_id < 0 || holding->lot_id == lot_id) && (grant_id < 0 || holding->grant_id == grant_id))
        *quantity += holding->quantity;
    }
  return TRUE;
}

/* The expiry of a lot, "" when it has none or there is no lot. */
static gboolean
lot_expiry (MkDatabase  *db,
            BulkState   *bulk,
            gint64       lot_id,
            const char **expiry,
            GError     **error)
{
  char         *known;
  sqlite3_stmt *stmt;
  gboolean      has_row;

  if (lot_id == 0)
    {
      *expiry = "";
      return TRUE;
    }
  known = g_hash_table_lookup (bulk->expiries, &lot_id);
  if (known != NULL)
    {
      *expiry = known;
      return TRUE;
    }
  stmt = _mk_database_statement (db, "SELECT coalesce (expiry_date, '') FROM lots WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lot_id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  known = g_new0 (char, 11);
  if (has_row)
    {
      g_strlcpy (known, (const char *) sqlite3_column_text (stmt, 0), 11);
      sqlite3_reset (stmt);
    }
  g_hash_table_insert (bulk->expiries, g_memdup2 (&lot_id, sizeof lot_id), known);
  *expiry = known;
  return TRUE;
}

/* The order of _mk_ledger_stock_by_lot()'s query: lots with a date by
 * date, then stock without a lot, then lots that never expire, each oldest
 * lot first. */
static gint
compare_first_expiry (gconstpointer a,
                      gconstpointer b)
{
  const MkLotStock *x = a, *y = b;
  gboolean          x_never = x->expiry[0] == '\0', y_never = y->expiry[0] == '\0';
  gint              order;

  if (x_never != y_never)
    return x_never ? 1 : -1;
  order = strcmp (x->expiry, y->expiry);
  if (order != 0)
    return order;
  if ((x->lot_id != 0) != (y->lot_id != 0))
    return x->lot_id != 0 ? 1 : -1;
  if (x->lot_id != y->lot_id)
    return x->lot_id < y->lot_id ? -1 : 1;
  if (x->grant_id != y->grant_id)
    return x->grant_id < y->grant_id ? -1 : 1;
  return 0;
}

GArray *
_mk_ledger_bulk_stock_by_lot (MkDatabase *db,
                              gint64      location_id,
                              gint64      item_id,
                              gint64      grant_id,
                              const char *date,
                              GError    **error)
{
  BulkState *bulk = fresh_bulk_state (db);
  GArray    *holdings = shelf (db, bulk, location_id, item_id, error);
  g_autoptr (GArray) stock = NULL;

  if (holdings == NULL)
    return NULL;
  stock = g_array_new (FALSE, TRUE, sizeof (MkLotStock));
  for (guint i = 0; i < holdings->len; i++)
    {
      const Holding *holding = &g_array_index (holdings, Holding, i);
      MkLotStock     entry = { holding->lot_id, holding->grant_id, holding->quantity, "" };
      const char    *expiry;

      if (holding->quantity <= 0 || (grant_id >= 0 && holding->grant_id != grant_id))
        continue;
      if (!lot_expiry (db, bulk, holding->lot_id, &expiry, error))
        return NULL;
      if (date != NULL && expiry[0] != '\0' && strcmp (expiry, date) < 0)
        continue;
      g_strlcpy (entry.expiry, expiry, sizeof entry.expiry);
      g_array_append_val (stock, entry);
    }
  g_array_sort (stock, compare_first_expiry);
  return g_steal_pointer (&stock);
}

/* Beginning and ending --------------------------------------------------- */

/* Sets the journal mode, and says whether the database is in it after. */
static gboolean
set_journal_mode (MkDatabase *db,
                  const char *mode,
                  gboolean   *now_in_mode)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3_stmt    *stmt = NULL;

  *now_in_mode = FALSE;
  if (sqlite3_prepare_v2 (_mk_database_get_handle (db), pragma, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *now_in_mode = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), mode) == 0;
  sqlite3_finalize (stmt);
  return TRUE;
}

/* A bulk load writes most pages of the file. Through the write-ahead log
 * each page is written twice, to the log at commit and to the file at the
 * checkpoint that follows; a rollback journal keeps only the pages that
 * existed before, and a new file has none. The switch is only possible
 * while no other connection has the file open: then the bulk runs with a
 * rollback journal, as safe against a crash, and the log comes back at the
 * end (every connection also asks for it when it opens). */
static gboolean
leave_wal (MkDatabase *db)
{
  gboolean in_delete_mode;

  return set_journal_mode (db, "DELETE", &in_delete_mode) && in_delete_mode;
}

/* Foreign keys checked again, the everyday page cache and the log. */
static gboolean
leave_bulk_settings (MkDatabase *db,
                     gboolean    back_to_wal,
                     GError    **error)
{
  gboolean in_wal = TRUE;

  sqlite3_update_hook (_mk_database_get_handle (db), NULL, NULL);
  if (back_to_wal && (!set_journal_mode (db, "WAL", &in_wal) || !in_wal))
    g_warning ("The database could not return to write-ahead logging after bulk posting; it will when it is opened again");
  return _mk_database_exec (db, "PRAGMA foreign_keys = ON", error) && _mk_database_set_cache_size (db, MK_DATABASE_CACHE_KIB, error);
}

/* Reads the definitions of the deferred indexes, then drops them. */
static gboolean
drop_deferred_indexes (MkDatabase *db,
                       BulkState  *bulk,
                       GError    **error)
{
  sqlite3_stmt *stmt = _mk_database_statement (db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1",
                                               error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (deferred_indexes); i++)
    {
      g_autofree char *drop = NULL;
      gboolean         has_row;

      sqlite3_bind_text (stmt, 1, deferred_indexes[i], -1, SQLITE_STATIC);
      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        continue; /* an older schema without it */
      g_ptr_array_add (bulk->indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
      drop = g_strdup_printf ("DROP INDEX \"%s\"", deferred_indexes[i]);
      if (!_mk_database_exec (db, drop, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
mk_ledger_bulk_begin (MkDatabase *db,
                      GError    **error)
{
  BulkState    *bulk;
  sqlite3_stmt *stmt;
  gboolean      has_row;
  gboolean      left_wal;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (bulk_state (db) == NULL, FALSE);

  /* Every reference a posting writes was resolved by the posting itself
   * (items, lots, locations, documents): in bulk, SQLite need not look each
   * parent up again. The pragma only takes effect outside a transaction. */
  /* A bulk transaction dirties far more pages than the everyday cache
   * holds; spilling them to the log mid-transaction costs more than the
   * memory, which is given back at the end. */
  if (!_mk_database_exec (db, "PRAGMA foreign_keys = OFF", error) || !_mk_database_set_cache_size (db, MK_DATABASE_BULK_CACHE_KIB, error))
    return FALSE;
  left_wal = leave_wal (db);
  if (!_mk_database_begin (db, error))
    {
      leave_bulk_settings (db, left_wal, NULL);
      return FALSE;
    }
  bulk = g_new0 (BulkState, 1);
  bulk->left_wal = left_wal;
  bulk->latest_by_key = g_hash_table_new (_mk_ledger_stock_key_hash, _mk_ledger_stock_key_equal);
  bulk->month_totals = g_hash_table_new (month_key_hash, month_key_equal);
  bulk->blocks = g_ptr_array_new_with_free_func (g_free);
  bulk->indexes = g_ptr_array_new_with_free_func (g_free);
  bulk->shelves = g_hash_table_new_full (shelf_key_hash, shelf_key_equal, NULL, (GDestroyNotify) shelf_free);
  bulk->dirty = g_ptr_array_new ();
  bulk->dirty_at = g_hash_table_new_full (id_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  bulk->held = g_ptr_array_new_with_free_func ((GDestroyNotify) held_free);
  bulk->expiries = g_hash_table_new_full (id_hash, g_int64_equal, g_free, g_free);
  bulk->lots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) known_lot_free);
  bulk->locations = g_hash_table_new_full (shelf_key_hash, shelf_key_equal, g_free, g_free);
  bulk->rollbacks = _mk_database_get_rollbacks (db);
  bulk->caches = g_array_new (FALSE, FALSE, sizeof (CacheSlot));
  /* Ids are counted in memory and their counters written at the end. */
  _mk_database_hold_ids (db);
  stmt = _mk_database_statement (db, "SELECT coalesce (max (date), '') FROM movements", error);
  if (stmt == NULL || !_mk_database_step (db, stmt, &has_row, error))
    goto fail;
  g_strlcpy (bulk->before_bulk, (const char *) sqlite3_column_text (stmt, 0), sizeof bulk->before_bulk);
  sqlite3_reset (stmt);
  if (!drop_deferred_indexes (db, bulk, error) || !_mk_database_next_id (db, "movements", &bulk->first_movement_id, error))
    goto fail;
  bulk->next_movement_id = bulk->first_movement_id;
  g_object_set_qdata_full (G_OBJECT (db), bulk_quark (), bulk, (GDestroyNotify) bulk_state_free);
  sqlite3_update_hook (_mk_database_get_handle (db), watch_changes, bulk);
  return TRUE;

fail:
  bulk_state_free (bulk);
  _mk_database_release_ids (db, FALSE, NULL);
  _mk_database_rollback (db);
  leave_bulk_settings (db, left_wal, NULL);
  return FALSE;
}

static gint
compare_month_keys (gconstpointer a,
                    gconstpointer b)
{
  const MonthKey *x = *(const MonthKey *const *) a;
  const MonthKey *y = *(const MonthKey *const *) b;

#define CMP(field)          \
  if (x->field != y->field) \
    return x->field < y->field ? -1 : 1;
  CMP (location_id)
  CMP (item_id)
  CMP (lot_id)
  CMP (grant_id)
  CMP (month)
#undef CMP
  return strcmp (x->category, y->category);
}

/* Writes the monthly totals summed in bulk in the order of the table's
 * key, so that each insert lands beside the one before. */
static gboolean
write_month_totals (MkDatabase *db,
                    BulkState  *bulk,
                    GError    **error)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_sized_new (g_hash_table_size (bulk->month_totals));
  GHashTableIter iter;
  gpointer       key_ptr;

  g_hash_table_iter_init (&iter, bulk->month_totals);
  while (g_hash_table_iter_next (&iter, &key_ptr, NULL))
    g_ptr_array_add (keys, key_ptr);
  g_ptr_array_sort (keys, compare_month_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      const MonthEntry *entry = g_ptr_array_index (keys, i);
      const MonthKey   *key = &entry->key;
      sqlite3_stmt     *stmt = _mk_database_statement (
              db,
              "INSERT INTO stock_month_totals (location_id, item_id, lot_id, grant_id, month,"
                  " category, quantity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                  " ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity",
              error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, key->location_id);
      sqlite3_bind_int64 (stmt, 2, key->item_id);
      sqlite3_bind_int64 (stmt, 3, key->lot_id);
      sqlite3_bind_int64 (stmt, 4, key->grant_id);
      sqlite3_bind_int64 (stmt, 5, key->month);
      sqlite3_bind_text (stmt, 6, key->category, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, entry->total);
      if (!_mk_database_exec_stmt (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
mk_ledger_bulk_end (MkDatabase *db,
                    GError    **error)
{
  BulkState *bulk;
  gint64     used, unused;
  gboolean   left_wal;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  bulk = bulk_state (db);
  g_return_val_if_fail (bulk != NULL, FALSE);

  if (!_mk_ledger_bulk_write_balances (db, error) || !write_month_totals (db, bulk, error))
    goto fail;
  for (guint i = 0; i < bulk->indexes->len; i++)
    if (!_mk_database_exec (db, g_ptr_array_index (bulk->indexes, i), error))
      goto fail;
  /* The movements' counter learns the last id the bulk gave, then every
   * counter is written. */
  used = bulk->next_movement_id - bulk->first_movement_id;
  if ((used > 1 && !_mk_database_next_ids (db, "movements", (guint) (used - 1), &unused, error)) || !_mk_database_release_ids (db, TRUE, error) || !_mk_database_commit (db, error))
    goto fail;
  left_wal = bulk->left_wal;
  g_object_set_qdata (G_OBJECT (db), bulk_quark (), NULL);
  if (!leave_bulk_settings (db, left_wal, error))
    return FALSE;
  /* Fresh statistics let the planner use the new indexes well; the limit
   * keeps ANALYZE quick on a million rows. */
  return _mk_database_exec (db, "PRAGMA analysis_limit = 1000; ANALYZE", error);

fail:
  mk_ledger_bulk_abort (db);
  return FALSE;
}

void
mk_ledger_bulk_abort (MkDatabase *db)
{
  gboolean left_wal;

  g_return_if_fail (MK_IS_DATABASE (db));

  if (bulk_state (db) == NULL)
    return;
  /* The indexes were dropped inside the transaction: rolling it back
   * brings them back. */
  _mk_database_release_ids (db, FALSE, NULL);
  _mk_database_rollback (db);
  left_wal = bulk_state (db)->left_wal;
  g_object_set_qdata (G_OBJECT (db), bulk_quark (), NULL);
  if (!leave_bulk_settings (db, left_wal, NULL))
    g_warning ("The everyday settings could not be restored after bulk posting");
}
