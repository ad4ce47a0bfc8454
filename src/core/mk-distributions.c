/* mk-distributions.c: distributions to people and service deliveries —
 * their people reached, receipts and entitlements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-distributions"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-audit-private.h"
#include "mk-distributions-private.h"
#include "mk-document-private.h"
#include "mk-documents.h"
#include "mk-master-data-private.h"
#include "mk-record-private.h"
#include "mk-text.h"

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-distributions-error-quark, mk_distributions_error)
/* clang-format on */

#define COUNT_COLUMNS                                               \
  "female_0_4, female_5_11, female_12_17, female_18_59, female_60," \
  " male_0_4, male_5_11, male_12_17, male_18_59, male_60"

/* A posted distribution or service that no cancellation has reversed. */
#define COUNTS_SQL                                                \
  "d.status = 'posted' AND NOT EXISTS (SELECT 1 FROM documents c" \
  " WHERE c.kind = 'CAN' AND c.status = 'posted' AND c.reference_id = d.id)"

/* The office's choice on personal data ------------------------------------ */

gboolean
mk_office_get_keeps_personal_data (MkDatabase *db)
{
  sqlite3_stmt *stmt;
  gboolean      has_row = FALSE;
  gboolean      keep = FALSE;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);

  stmt = _mk_database_statement (
      db, "SELECT value = '1' FROM settings WHERE key = 'keep_personal_data'", NULL);
  if (stmt != NULL && _mk_database_step (db, stmt, &has_row, NULL) && has_row)
    {
      keep = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  return keep;
}

gboolean
mk_office_set_keeps_personal_data (MkDatabase *db,
                                   gboolean    keep,
                                   GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);

  if (!_mk_database_begin (db, error))
    return FALSE;
  stmt = _mk_database_statement (
      db,
      "INSERT INTO settings (key, value) VALUES ('keep_personal_data', ?1)"
      " ON CONFLICT DO UPDATE SET value = excluded.value",
      error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, keep ? "1" : "0", -1, SQLITE_STATIC);
  if (!_mk_database_exec_stmt (db, stmt, error) || !_mk_audit_record (db, "update", "settings", 0, "keep_personal_data",
                                                                      keep ? "{\"keep_personal_data\": true}" : "{\"keep_personal_data\": false}",
                                                                      error))
    goto fail;
  _mk_database_emit_changed (db, "settings", 0);
  if (!_mk_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  _mk_database_rollback (db);
  return FALSE;
}

/* Receipts and people reached: storage ------------------------------------ */

static void
receipt_error (MkDocument *document,
               GError    **error,
               guint       receipt_no,
               const char *message)
{
  const char      *label = mk_document_kind_get_label (mk_document_get_kind (document));
  g_autofree char *what = NULL;

  _mk_document_set_invalid_receipt (document, receipt_no);
  /* Translators: a document not yet posted: “Distribution (draft)”. */
  what = g_strdup_printf (C_ ("document", "%s (draft)"), label);
  /* Translators: “Distribution (draft), receipt 3: There is no Household …”. */
  g_set_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_INVALID, _ ("%s, receipt %u: %s"), what,
               receipt_no, message);
}

gboolean
_mk_distributions_resolve (MkDatabase *db,
                           MkDocument *document,
                           GError    **error)
{
  const MkKind *households = mk_kind_lookup ("household");
  const MkKind *items = mk_kind_lookup ("item");
  GPtrArray    *receipts = mk_document_get_receipts (document);

  for (guint i = 0; i < receipts->len; i++)
    {
      MkHouseholdReceipt *receipt = g_ptr_array_index (receipts, i);
      g_autoptr (GError) local_error = NULL;
      g_autofree char *code = NULL;

      if (receipt->household_code == NULL || !_mk_posting_find_id (db, households, receipt->household_code,
                                                                   &receipt->household_id, &code, &local_error))
        {
          receipt_error (document, error, i + 1,
                         local_error ? local_error->message : _ ("the receipt names no household."));
          return FALSE;
        }
      g_free (receipt->household_code);
      receipt->household_code = g_steal_pointer (&code);
      if (receipt->item_code == NULL || !_mk_posting_find_id (db, items, receipt->item_code, &receipt->item_id, &code,
                                                              &local_error))
        {
          receipt_error (document, error, i + 1,
                         local_error ? local_error->message : _ ("the receipt names no item."));
          return FALSE;
        }
      g_free (receipt->item_code);
      receipt->item_code = g_steal_pointer (&code);
    }
  return TRUE;
}

gboolean
_mk_distributions_store (MkDatabase *db,
                         MkDocument *document,
                         gboolean    replace,
                         GError    **error)
{
  MkPeopleCounts *counts = mk_document_get_counts (document);
  GPtrArray      *receipts = mk_document_get_receipts (document);
  gint64          id = mk_document_get_id (document);
  sqlite3_stmt   *stmt;

  if (counts == NULL)
    return TRUE;

  /* A document stored for the first time has nothing to replace. */
  if (replace)
    {
      stmt = _mk_database_statement (db, "DELETE FROM household_receipts WHERE document_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_mk_database_exec_stmt (db, stmt, error))
        return FALSE;
      stmt = _mk_database_statement (db, "DELETE FROM people_reached WHERE document_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_mk_database_exec_stmt (db, stmt, error))
        return FALSE;
    }

  /* The table's CHECKs would refuse counts that do not add up: a draft
   * keeps them only once they do (posting says what is wrong). */
  if (counts->total == mk_people_counts_sum (counts) && counts->households <= counts->total && counts->disabled <= counts->total)
    {
      stmt = _mk_database_statement (
          db,
          "INSERT INTO people_reached (document_id, " COUNT_COLUMNS
          ", disabled, unaccompanied, households, total)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      for (guint b = 0; b < MK_N_AGE_BANDS; b++)
        {
          sqlite3_bind_int64 (stmt, (int) b + 2, counts->female[b]);
          sqlite3_bind_int64 (stmt, (int) b + 7, counts->male[b]);
        }
      sqlite3_bind_int64 (stmt, 12, counts->disabled);
      sqlite3_bind_int64 (stmt, 13, counts->unaccompanied);
      sqlite3_bind_int64 (stmt, 14, counts->households);
      sqlite3_bind_int64 (stmt, 15, counts->total);
      if (!_mk_database_exec_stmt (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < receipts->len; i++)
    {
      const MkHouseholdReceipt *receipt = g_ptr_array_index (receipts, i);

      if (receipt->quantity <= 0)
        continue; /* posting refuses it by name */
      stmt = _mk_database_statement (
          db,
          "INSERT INTO household_receipts (document_id, household_id, item_id, quantity,"
          " override_reason, previous_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
          " ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, receipt->household_id);
      sqlite3_bind_int64 (stmt, 3, receipt->item_id);
      sqlite3_bind_int64 (stmt, 4, receipt->quantity);
      if (receipt->override_reason != NULL && *receipt->override_reason != '\0')
        sqlite3_bind_text (stmt, 5, receipt->override_reason, -1, SQLITE_TRANSIENT);
      if (receipt->previous_date != NULL)
        sqlite3_bind_text (stmt, 6, receipt->previous_date, -1, SQLITE_TRANSIENT);
      if (!_mk_database_exec_stmt (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_mk_distributions_load (MkDatabase *db,
                        MkDocument *document,
                        GError    **error)
{
  MkPeopleCounts *counts = mk_document_get_counts (document);
  sqlite3_stmt   *stmt;
  gboolean        has_row;

  if (counts == NULL)
    return TRUE;

  stmt = _mk_database_statement (
      db,
      "SELECT " COUNT_COLUMNS ", disabled, unaccompanied, households, total"
      " FROM people_reached WHERE document_id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mk_document_get_id (document));
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      for (guint b = 0; b < MK_N_AGE_BANDS; b++)
        {
          counts->female[b] = sqlite3_column_int64 (stmt, (int) b);
          counts->male[b] = sqlite3_column_int64 (stmt, (int) b + 5);
        }
      counts->disabled = sqlite3_column_int64 (stmt, 10);
      counts->unaccompanied = sqlite3_column_int64 (stmt, 11);
      counts->households = sqlite3_column_int64 (stmt, 12);
      counts->total = sqlite3_column_int64 (stmt, 13);
      sqlite3_reset (stmt);
    }

  stmt = _mk_database_statement (
      db,
      "SELECT h.code, i.code, r.quantity, r.override_reason, r.previous_date, r.household_id,"
      " r.item_id FROM household_receipts r JOIN households h ON h.id = r.household_id"
      " JOIN items i ON i.id = r.item_id WHERE r.document_id = ?1 ORDER BY h.code, i.code",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mk_document_get_id (document));
  while (TRUE)
    {
      MkHouseholdReceipt *receipt;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      receipt = mk_household_receipt_new ((const char *) sqlite3_column_text (stmt, 0),
                                          (const char *) sqlite3_column_text (stmt, 1),
                                          sqlite3_column_int64 (stmt, 2));
      receipt->override_reason = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      receipt->previous_date = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      receipt->household_id = sqlite3_column_int64 (stmt, 5);
      receipt->item_id = sqlite3_column_int64 (stmt, 6);
      mk_document_add_receipt (document, receipt);
    }
  return TRUE;
}

/* Entitlements ---------------------------------------------------------- */

typedef struct
{
  gboolean per_person;
  gint64   quantity;
  gint64   interval_days; /* 0: not by days */
  char     season[6];     /* "MM-DD", "" when not by season */
} Rule;

/* What bulk posting remembers of households and rules: a list of a few
 * hundred households is posted again and again. */
typedef struct
{
  gint64 size;
  gint64 female[MK_N_AGE_BANDS];
  gint64 male[MK_N_AGE_BANDS];
  gint64 disabled;
} HouseholdFacts;

typedef struct
{
  GHashTable *households; /* household id → HouseholdFacts */
  GHashTable *rules;      /* item id → GArray of Rule */
} PeopleCache;

static gpointer
people_cache_new (void)
{
  PeopleCache *cache = g_new0 (PeopleCache, 1);

  cache->households = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  cache->rules = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  return cache;
}

static void
people_cache_free (gpointer data)
{
  PeopleCache *cache = data;

  g_hash_table_unref (cache->households);
  g_hash_table_unref (cache->rules);
  g_free (cache);
}

/* NULL outside bulk posting. */
static PeopleCache *
people_cache (MkDatabase *db)
{
  return _mk_ledger_bulk_cache (db, "mk-distributions-people", people_cache_new, people_cache_free);
}

/* In bulk: a household's size and members, read once; *facts NULL when
 * the household does not exist. */
static gboolean
household_facts (MkDatabase            *db,
                 PeopleCache           *cache,
                 gint64                 household_id,
                 const HouseholdFacts **facts,
                 GError               **error)
{
  HouseholdFacts *known = g_hash_table_lookup (cache->households, &household_id);
  sqlite3_stmt   *stmt;
  gboolean        has_row;

  *facts = known;
  if (known != NULL)
    return TRUE;
  stmt = _mk_database_statement (db, "SELECT size, " COUNT_COLUMNS ", disabled FROM households WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;
  known = g_new0 (HouseholdFacts, 1);
  known->size = sqlite3_column_int64 (stmt, 0);
  for (guint b = 0; b < MK_N_AGE_BANDS; b++)
    {
      known->female[b] = sqlite3_column_int64 (stmt, (int) b + 1);
      known->male[b] = sqlite3_column_int64 (stmt, (int) b + 6);
    }
  known->disabled = sqlite3_column_int64 (stmt, 11);
  sqlite3_reset (stmt);
  g_hash_table_insert (cache->households, g_memdup2 (&household_id, sizeof household_id), known);
  *facts = known;
  return TRUE;
}

/* The first day of the rule's window that ends on @date. */
static char *
window_start (const Rule *rule,
              const char *date)
{
  if (rule->interval_days > 0)
    {
      g_autoptr (GDate) day = g_date_new ();

      g_date_set_parse (day, date);
      g_date_subtract_days (day, (guint) rule->interval_days - 1);
      return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                              g_date_get_day (day));
    }
  if (*rule->season != '\0')
    {
      gint year = (gint) g_ascii_strtoll (date, NULL, 10);

      /* The season began this year, or last year when its start is still ahead. */
      if (strcmp (date + 5, rule->season) < 0)
        year--;
      return g_strdup_printf ("%04d-%s", year, rule->season);
    }
  return g_strdup ("0000-00-00"); /* once per stay */
}

/* Flags the receipt when, with what the household received in the rule's
 * window, it gets more than the rule allows. */
static gboolean
check_rule (MkDatabase         *db,
            gint64              document_id,
            const char         *date,
            MkHouseholdReceipt *receipt,
            gint64              size,
            gint64              this_time,
            const Rule         *rule,
            gboolean           *broken,
            GError            **error)
{
  g_autofree char *start = window_start (rule, date);
  gint64           allowed = rule->quantity * (rule->per_person ? size : 1);
  sqlite3_stmt    *stmt;
  gboolean         has_row;
  gint64           before;

  stmt = _mk_database_statement (
      db,
      "SELECT coalesce (sum (r.quantity), 0), max (d.date) FROM household_receipts r"
      " JOIN documents d ON d.id = r.document_id"
      " WHERE r.household_id = ?1 AND r.item_id = ?2 AND d.id <> ?3"
      " AND d.date >= ?4 AND d.date <= ?5 AND " COUNTS_SQL,
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt->household_id);
  sqlite3_bind_int64 (stmt, 2, receipt->item_id);
  sqlite3_bind_int64 (stmt, 3, document_id);
  sqlite3_bind_text (stmt, 4, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, date, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  before = sqlite3_column_int64 (stmt, 0);
  if (before + this_time > allowed)
    {
      *broken = TRUE;
      g_free (receipt->previous_date);
      /* The earlier receipt, or the distribution itself when it alone
       * gives more than is due. */
      receipt->previous_date = g_strdup (before > 0 ? (const char *) sqlite3_column_text (stmt, 1) : date);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
household_size (MkDatabase *db,
                gint64      household_id,
                gint64     *size,
                GError    **error)
{
  PeopleCache  *cache = people_cache (db);
  sqlite3_stmt *stmt;
  gboolean      has_row;

  if (cache != NULL)
    {
      const HouseholdFacts *facts;

      if (!household_facts (db, cache, household_id, &facts, error))
        return FALSE;
      *size = facts ? facts->size : 0;
      return TRUE;
    }
  stmt = _mk_database_statement (db, "SELECT size FROM households WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  *size = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  if (has_row)
    sqlite3_reset (stmt);
  return TRUE;
}

static GArray *
rules_of_item (MkDatabase *db,
               gint64      item_id,
               GError    **error)
{
  PeopleCache *cache = people_cache (db);
  g_autoptr (GArray) rules = NULL;
  sqlite3_stmt *stmt;
  gboolean      has_row;

  if (cache != NULL && (rules = g_hash_table_lookup (cache->rules, &item_id)) != NULL)
    return g_array_ref (g_steal_pointer (&rules));
  rules = g_array_new (FALSE, TRUE, sizeof (Rule));
  stmt = _mk_database_statement (
      db,
      "SELECT per = 'person', quantity, coalesce (interval_days, 0), coalesce (season_start, '')"
      " FROM entitlements WHERE item_id = ?1 AND active ORDER BY code",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while (TRUE)
    {
      Rule rule = { 0 };

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      rule.per_person = sqlite3_column_int (stmt, 0);
      rule.quantity = sqlite3_column_int64 (stmt, 1);
      rule.interval_days = sqlite3_column_int64 (stmt, 2);
      g_strlcpy (rule.season, (const char *) sqlite3_column_text (stmt, 3), sizeof rule.season);
      g_array_append_val (rules, rule);
    }
  if (cache != NULL)
    g_hash_table_insert (cache->rules, g_memdup2 (&item_id, sizeof item_id), g_array_ref (rules));
  return g_steal_pointer (&rules);
}

static gboolean
check_entitlements (MkDatabase *db,
                    MkDocument *document,
                    gint64      document_id,
                    const char *date,
                    guint      *n_flagged,
                    GError    **error)
{
  GPtrArray *receipts = mk_document_get_receipts (document);

  *n_flagged = 0;
  for (guint i = 0; i < receipts->len; i++)
    {
      MkHouseholdReceipt *receipt = g_ptr_array_index (receipts, i);
      g_autoptr (GArray) rules = NULL;
      gboolean broken = FALSE;
      gint64   size, this_time = 0;

      g_clear_pointer (&receipt->previous_date, g_free);
      rules = rules_of_item (db, receipt->item_id, error);
      if (rules == NULL || !household_size (db, receipt->household_id, &size, error))
        return FALSE;
      /* The same household and item may stand on several rows. */
      for (guint j = 0; j < receipts->len; j++)
        {
          const MkHouseholdReceipt *other = g_ptr_array_index (receipts, j);
          if (other->household_id == receipt->household_id && other->item_id == receipt->item_id)
            this_time += other->quantity;
        }
      for (guint r = 0; r < rules->len && !broken; r++)
        if (!check_rule (db, document_id, date, receipt, size, this_time,
                         &g_array_index (rules, Rule, r), &broken, error))
          return FALSE;
      if (broken)
        (*n_flagged)++;
    }
  return TRUE;
}

gboolean
mk_distributions_check_entitlements (MkDatabase *db,
                                     MkDocument *document,
                                     guint      *n_flagged,
                                     GError    **error)
{
  const char *date;
  guint       flagged = 0;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (MK_IS_DOCUMENT (document), FALSE);

  date = mk_document_get_field (document, "date");
  if (date == NULL)
    {
      g_set_error (error, MK_DISTRIBUTIONS_ERROR, MK_DISTRIBUTIONS_ERROR_INVALID,
                   _ ("The distribution needs a date before its entitlements can be checked."));
      return FALSE;
    }
  if (!_mk_distributions_resolve (db, document, error) || !check_entitlements (db, document, mk_document_get_id (document), date, &flagged, error))
    return FALSE;
  if (n_flagged != NULL)
    *n_flagged = flagged;
  return TRUE;
}

/* Planning a distribution -------------------------------------------------- */

/* The office's time zone, made once: building it reads the system's
 * zone files, which would cost more than the posting around it. */
static GTimeZone *
local_time_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, g_time_zone_new_local ());
  return zone;
}

static gboolean
check_site (MkPosting *posting,
            gint64     site_id,
            gint64    *location_id,
            GError   **error)
{
  MkRecord        *header = mk_document_get_header (posting->document);
  g_autofree char *site = mk_text_isolate_ltr (mk_record_get_string (header, "site"));
  g_autoptr (GDateTime) now = g_date_time_new_now (local_time_zone ());
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  /* A site is another office's when its id carries that office's number. */
  if ((guint) (site_id >> 40) != mk_database_get_office_number (posting->db))
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                             _ ("site %s belongs to another office; that office records its distributions."),
                             site);
  if (strcmp (posting->date, today) > 0)
    {
      g_autofree char *date = mk_text_isolate_ltr (posting->date);
      return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                               _ ("it is dated %s, in the future; record it on the day it happens."), date);
    }
  return _mk_posting_location (posting, MK_LOCATION_SITE, site_id, location_id, error);
}

static gboolean
check_activity (MkPosting  *posting,
                const char *kind,
                GError    **error)
{
  const char   *activity = mk_record_get_string (mk_document_get_header (posting->document), "activity");
  sqlite3_stmt *stmt = _mk_database_statement (posting->db, "SELECT kind FROM activities WHERE code = ?1", error);
  gboolean      has_row, right = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, activity, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (posting->db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      right = g_str_equal ((const char *) sqlite3_column_text (stmt, 0), kind);
      sqlite3_reset (stmt);
    }
  if (!right)
    {
      g_autofree char *quoted = mk_text_isolate_ltr (activity);
      return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                               g_str_equal (kind, "service")
                                   ? _ ("%s is not a service; choose water trucking, latrines, shelter repairs …")
                                   : _ ("%s is a service, not a distribution; record it as a service delivery."),
                               quoted);
    }
  return TRUE;
}

/* The counts of people a distribution or a service gives by hand. */
static gboolean
check_counts (MkPosting            *posting,
              const MkPeopleCounts *counts,
              GError              **error)
{
  gint64 sum = mk_people_counts_sum (counts);
  gint64 children = 0;

  for (guint b = MK_AGE_0_4; b <= MK_AGE_12_17; b++)
    children += counts->female[b] + counts->male[b];

  if (counts->total <= 0 && sum > 0)
    {
      g_autofree char *sum_iso = _mk_posting_iso_number (sum);
      return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                               _ ("the total of people reached is missing; the counts by sex and age add up to %s."),
                               sum_iso);
    }
  if (counts->total <= 0)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                             _ ("give the people reached by sex and age, and their total."));
  if (sum != counts->total)
    {
      g_autofree char *sum_iso = _mk_posting_iso_number (sum);
      g_autofree char *total_iso = _mk_posting_iso_number (counts->total);
      return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                               _ ("the counts by sex and age add up to %s, but the total is %s."),
                               sum_iso, total_iso);
    }
  if (counts->households > counts->total)
    {
      g_autofree char *households = _mk_posting_iso_number (counts->households);
      g_autofree char *total_iso = _mk_posting_iso_number (counts->total);
      return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                               _ ("%s households cannot be more than the %s people reached."),
                               households, total_iso);
    }
  if (counts->disabled > counts->total)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                             _ ("the persons with disability cannot be more than the people reached."));
  if (counts->unaccompanied > children)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                             _ ("the unaccompanied or separated children cannot be more than the children reached."));
  return TRUE;
}

/* A household list: its lines are the receipts' totals per item, its
 * people the households' members. */
static gboolean
plan_receipts (MkPosting *posting,
               gint64     grant,
               GError   **error)
{
  GPtrArray      *receipts = mk_document_get_receipts (posting->document);
  MkPeopleCounts *counts = mk_document_get_counts (posting->document);
  g_autoptr (GHashTable) households = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) household_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_flagged = 0;

  if (posting->lines->len > 0)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                             _ ("give what each household received, or the lines, not both."));
  if (!_mk_distributions_resolve (posting->db, posting->document, error))
    return FALSE;

  for (guint i = 0; i < receipts->len; i++)
    {
      MkHouseholdReceipt *receipt = g_ptr_array_index (receipts, i);
      MkDocumentLine     *line = NULL;
      g_autofree char    *household = mk_text_isolate_ltr (receipt->household_code);

      if (receipt->quantity <= 0 || receipt->quantity > MK_QUANTITY_MAX)
        _mk_document_set_invalid_receipt (posting->document, i + 1);
      if (receipt->quantity <= 0 || receipt->quantity > MK_QUANTITY_MAX)
        return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                                 _ ("household %s: the quantity must be 1 or more."), household);
      for (guint l = 0; l < posting->lines->len; l++)
        {
          MkDocumentLine *existing = g_ptr_array_index (posting->lines, l);
          if (existing->item_id == receipt->item_id)
            line = existing;
        }
      if (line == NULL)
        {
          line = mk_document_line_new (receipt->item_code, 0);
          line->item_id = receipt->item_id;
          line->grant_id = grant;
          g_ptr_array_add (posting->lines, line);
        }
      line->quantity += receipt->quantity;
      if (!g_hash_table_contains (households, &receipt->household_id))
        {
          g_array_append_val (household_ids, receipt->household_id);
          g_hash_table_add (households, &g_array_index (household_ids, gint64, household_ids->len - 1));
        }
    }

  if (!check_entitlements (posting->db, posting->document, posting->document_id, posting->date,
                           &n_flagged, error))
    return FALSE;
  for (guint i = 0; i < receipts->len && n_flagged > 0; i++)
    {
      MkHouseholdReceipt *receipt = g_ptr_array_index (receipts, i);
      g_autofree char    *reason = g_strstrip (g_strdup (receipt->override_reason ? receipt->override_reason : ""));

      if (receipt->previous_date != NULL && *reason == '\0')
        {
          _mk_document_set_invalid_receipt (posting->document, i + 1);
          g_autofree char *household = mk_text_isolate_ltr (receipt->household_code);
          g_autofree char *item = mk_text_isolate_ltr (receipt->item_code);
          g_autofree char *earlier = mk_text_isolate_ltr (receipt->previous_date);
          return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_ENTITLEMENT,
                                   _ ("household %s already received %s on %s and is not due more yet; give a reason to override the entitlement."),
                                   household, item, earlier);
        }
    }

  /* The people reached are the households' members, each counted once. */
  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < household_ids->len; i++)
    {
      PeopleCache  *cache = people_cache (posting->db);
      sqlite3_stmt *stmt;
      gboolean      has_row;

      if (cache != NULL)
        {
          const HouseholdFacts *facts;

          if (!household_facts (posting->db, cache, g_array_index (household_ids, gint64, i), &facts, error))
            return FALSE;
          if (facts == NULL)
            continue;
          for (guint b = 0; b < MK_N_AGE_BANDS; b++)
            {
              counts->female[b] += facts->female[b];
              counts->male[b] += facts->male[b];
            }
          counts->disabled += facts->disabled;
          continue;
        }
      stmt = _mk_database_statement (
          posting->db, "SELECT " COUNT_COLUMNS ", disabled FROM households WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (household_ids, gint64, i));
      if (!_mk_database_step (posting->db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        continue;
      for (guint b = 0; b < MK_N_AGE_BANDS; b++)
        {
          counts->female[b] += sqlite3_column_int64 (stmt, (int) b);
          counts->male[b] += sqlite3_column_int64 (stmt, (int) b + 5);
        }
      counts->disabled += sqlite3_column_int64 (stmt, 10);
      sqlite3_reset (stmt);
    }
  counts->households = household_ids->len;
  counts->total = mk_people_counts_sum (counts);
  return TRUE;
}

/* Takes the lines from @source (a warehouse or the site), first expiry
 * first out and never an expired lot. */
static gboolean
issue_lines (MkPosting  *posting,
             gint64      source,
             gint64      grant,
             const char *category,
             GError    **error)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);

  for (guint i = 0; i < posting->lines->len; i++)
    {
      MkDocumentLine *line = g_ptr_array_index (posting->lines, i);
      g_auto (ItemInfo) item = { 0 };
      g_autoptr (GArray) chunks = NULL;
      guint  line_no = i + 1;
      gint64 lot_id;

      if (line->grant_id == 0 && (line->grant_code == NULL || *line->grant_code == '\0'))
        line->grant_id = grant;
      if (!_mk_posting_item_info (posting, line->item_id, &item, error) || !_mk_posting_require_usable_item (posting, line_no, &item, error) || !_mk_posting_check_quantity (posting, line_no, N_ ("the quantity"), line->quantity, 1, error) || !_mk_posting_named_lot (posting, line_no, &item, line, &lot_id, error))
        return FALSE;
      chunks = _mk_posting_allocate (posting, line_no, &item, source, line->item_id, lot_id,
                                     line->grant_id, line->quantity, posting->date, error);
      if (chunks == NULL)
        return FALSE;
      for (guint c = 0; c < chunks->len; c++)
        {
          const Chunk *chunk = &g_array_index (chunks, Chunk, c);
          _mk_posting_add_movement (posting, source, line->item_id, chunk->lot_id, chunk->grant_id,
                                    -chunk->quantity, category);
          g_ptr_array_add (lines, _mk_posting_line_for_chunk (line, chunk, chunk->quantity));
        }
    }
  _mk_posting_replace_lines (posting, lines);
  return TRUE;
}

gboolean
_mk_distributions_plan (MkPosting *posting,
                        GError   **error)
{
  MkRecord *header = mk_document_get_header (posting->document);
  gint64    site = mk_record_get_int (header, "site");
  gint64    grant = mk_record_is_set (header, "grant") ? mk_record_get_int (header, "grant") : 0;
  gint64    site_location, source;

  if (!check_site (posting, site, &site_location, error) || !check_activity (posting, "distribution", error))
    return FALSE;

  if (posting->warehouse_id != 0)
    {
      if (!_mk_posting_require_active_warehouse (posting, posting->warehouse_id, error) || !_mk_posting_location (posting, MK_LOCATION_WAREHOUSE, posting->warehouse_id, &source, error))
        return FALSE;
    }
  else
    source = site_location; /* the site's own stock, delivered by waybill */

  if (mk_document_get_receipts (posting->document)->len > 0)
    {
      if (!plan_receipts (posting, grant, error))
        return FALSE;
    }
  else if (!check_counts (posting, mk_document_get_counts (posting->document), error))
    return FALSE;

  return _mk_posting_require_lines (posting, error) && issue_lines (posting, source, grant, "distributed", error);
}

gboolean
_mk_services_plan (MkPosting *posting,
                   GError   **error)
{
  MkRecord   *header = mk_document_get_header (posting->document);
  gint64      site = mk_record_get_int (header, "site");
  gint64      grant = mk_record_is_set (header, "grant") ? mk_record_get_int (header, "grant") : 0;
  const char *end = mk_record_get_string (header, "end_date");
  gint64      site_location, source;

  if (!check_site (posting, site, &site_location, error) || !check_activity (posting, "service", error) || !check_counts (posting, mk_document_get_counts (posting->document), error))
    return FALSE;
  if (end != NULL && strcmp (end, posting->date) < 0)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                             _ ("the work ends before it starts."));
  if (mk_document_get_receipts (posting->document)->len > 0)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                             _ ("a service delivery counts people, not household receipts."));
  if (posting->lines->len == 0)
    return TRUE;

  /* Materials issued for the work leave a warehouse. */
  if (posting->warehouse_id == 0)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                             _ ("give the warehouse the materials are issued from."));
  if (!_mk_posting_require_active_warehouse (posting, posting->warehouse_id, error) || !_mk_posting_location (posting, MK_LOCATION_WAREHOUSE, posting->warehouse_id, &source, error))
    return FALSE;
  return issue_lines (posting, source, grant, "service_materials", error);
}
