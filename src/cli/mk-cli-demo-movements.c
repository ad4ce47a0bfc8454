/* mk-cli-demo-movements.c: the demo mission's calendar and its budget.
 *
 * Day by day from MK_DEMO_FIRST_DAY: receptions of the waybills due, the
 * day's distributions at the sites and service deliveries, then on
 * working days (Sunday to Thursday) the goods received when stock is low,
 * kitting, the day's waybills, and at month and quarter ends loss reports
 * and stock counts. The day's waybills are as many as keep the movements on
 * course to reach the target by MK_DEMO_LAST_DAY, with more in winter; the
 * generator stops at the document that reaches it, leaving the last
 * waybills in transit. All of it runs in one mk_ledger_bulk_begin() … end().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stdarg.h>

#include "mk-cli-demo-gen.h"

/* Waybill and reception movements per line dispatched, with the rest of
 * the documents' share: how many lines a month's budget buys. The share
 * shrinks as the mission grows (about 6 at 100,000 movements, 5.5 at
 * 200,000, 4.6 at a million), distributions at the sites included. */
#define MOVEMENTS_PER_DISPATCH_LINE 5.5

/* Small helpers ----------------------------------------------------------- */

void
mk_demo_date_add (const GDate *date,
                  gint         days,
                  char         out[11])
{
  GDate later = *date;

  if (days > 0)
    g_date_add_days (&later, (guint) days);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&later), g_date_get_month (&later),
              g_date_get_day (&later));
}

gint64
mk_demo_between (MkDemoGen *gen,
                 gint64     low,
                 gint64     high)
{
  if (high <= low)
    return low;
  return low + (gint64) (g_rand_double (gen->rand) * (double) (high - low + 1));
}

gboolean
mk_demo_chance (MkDemoGen *gen,
                double     probability)
{
  return g_rand_double (gen->rand) < probability;
}

MkDemoItem *
mk_demo_item (MkDemoGen *gen,
              guint      item)
{
  return g_ptr_array_index (gen->items, item);
}

MkDemoGrantState *
mk_demo_grant (MkDemoGen *gen,
               guint      grant)
{
  return g_ptr_array_index (gen->grants, grant);
}

guint
mk_demo_item_of (MkDemoGen            *gen,
                 const MkDocumentLine *line)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (gen->item_by_code, line->item_code)) - 1;
}

guint
mk_demo_grant_of (MkDemoGen            *gen,
                  const MkDocumentLine *line)
{
  if (line->grant_code == NULL || *line->grant_code == '\0')
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (gen->grant_by_code, line->grant_code)) - 1;
}

gboolean
mk_demo_stock_apply (MkDemoGen            *gen,
                     guint                 warehouse,
                     const MkDocumentLine *line,
                     gint64                delta,
                     GError              **error)
{
  guint item = mk_demo_item_of (gen, line);

  if (item >= gen->items->len
      || !mk_demo_stock_add (gen->stock, warehouse, item, line->lot_id, line->lot_number,
                             line->expiry_date, mk_demo_grant_of (gen, line), delta))
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   "demo generator: lost track of %s in %s on %s", line->item_code,
                   mk_demo_warehouse_codes[warehouse], gen->date);
      return FALSE;
    }
  return TRUE;
}

/* Documents ---------------------------------------------------------------- */

MkDocument *
mk_demo_document_new (MkDemoGen     *gen,
                      MkDocumentKind kind,
                      GError       **error,
                      ...)
{
  g_autoptr (MkDocument) document = mk_document_new (kind);
  MkRecord   *header = mk_document_get_header (document);
  const char *field;
  va_list     args;
  gboolean    ok;

  ok = mk_record_set_text (header, "date", gen->date, error);
  va_start (args, error);
  while (ok && (field = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      if (value != NULL)
        ok = mk_record_set_text (header, field, value, error);
    }
  va_end (args);
  return ok ? g_steal_pointer (&document) : NULL;
}

MkDocumentLine *
mk_demo_line_new (MkDemoGen  *gen,
                  guint       item,
                  const char *lot,
                  const char *expiry,
                  guint       grant,
                  gint64      quantity)
{
  MkDocumentLine *line = mk_document_line_new (mk_demo_item (gen, item)->code, quantity);

  line->lot_number = g_strdup (lot);
  line->expiry_date = g_strdup (expiry);
  line->grant_code = g_strdup (mk_demo_grant (gen, grant)->code);
  return line;
}

gboolean
mk_demo_post (MkDemoGen  *gen,
              MkDocument *document,
              GError    **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!mk_documents_post (gen->db, document, &local_error))
    {
      /* The generator sizes everything from the stock it has seen posted:
       * a refusal means it, or the core, is wrong. */
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   "demo generator: a %s of %s was refused, which is a bug: %s",
                   mk_document_kind_to_name (mk_document_get_kind (document)), gen->date,
                   local_error->message);
      return FALSE;
    }
  gen->documents++;
  gen->lines += mk_document_get_lines (document)->len;
  return TRUE;
}

void
mk_demo_count (MkDemoGen *gen,
               gint64     movements)
{
  gen->movements += movements;
  if (gen->movements >= gen->target)
    gen->done = TRUE;
}

/* The calendar and the budget --------------------------------------------- */

static gboolean
is_working_day (const GDate *day)
{
  GDateWeekday weekday = g_date_get_weekday (day);
  return weekday != G_DATE_FRIDAY && weekday != G_DATE_SATURDAY;
}

/* Whether @day is the last working day of its month. */
static gboolean
ends_month (const GDate *day)
{
  GDate next = *day;

  do
    g_date_add_days (&next, 1);
  while (!is_working_day (&next));
  return g_date_get_month (&next) != g_date_get_month (day);
}

/* Each working day's share of the movements: more in winter. */
static double
day_weight (const GDate *day)
{
  GDateMonth month = g_date_get_month (day);

  if (!is_working_day (day))
    return 0;
  return month == G_DATE_NOVEMBER || month == G_DATE_DECEMBER || month == G_DATE_JANUARY
                 || month == G_DATE_FEBRUARY
             ? 1.3
             : 1.0;
}

/* How many waybill lines a month's budget buys, shared among the main
 * warehouses by the routes that leave them, then among the items each
 * holds for the grants that buy: the stock each should keep. */
static void
plan_month (MkDemoGen *gen,
            gint64     budget)
{
  double weights[MK_DEMO_N_WAREHOUSES] = { 0 };
  double total = 0;

  for (guint r = 0; r < mk_demo_n_routes; r++)
    {
      const MkDemoRoute *route = &mk_demo_routes[r];
      double             lines = route->weight * (route->min_lines + route->max_lines) / 2.0;

      for (guint w = 0; w < MK_DEMO_N_WAREHOUSES; w++)
        if (g_str_equal (route->from, mk_demo_warehouse_codes[w]))
          weights[w] += lines;
      total += lines;
    }
  for (guint w = 0; w < MK_DEMO_N_MAINS; w++)
    {
      guint keys = 0;

      for (guint g = 0; g < gen->grants->len; g++)
        {
          MkDemoGrantState *grant = mk_demo_grant (gen, g);
          if ((grant->mains & (1u << w)) && mk_demo_grant_buys (gen, g))
            keys += grant->kits->len + grant->loose->len;
        }
      gen->lines_per_key[w] = budget / MOVEMENTS_PER_DISPATCH_LINE * weights[w] / total / MAX (keys, 1);
    }
}

static gboolean
dispatch_day (MkDemoGen *gen,
              gint64     goal,
              GError   **error)
{
  guint  misses = 0, restocks = 0;
  /* Waybills do not change what the sites hold until they arrive. */
  gint64 at_sites = mk_demo_people_pending (gen);

  while (!gen->done)
    {
      gboolean sent;
      gint64   expected = gen->movements + (gen->last_day ? 0 : gen->pending_movements + at_sites);

      if (expected >= goal)
        break;
      if (!mk_demo_dispatch (gen, &sent, error))
        return FALSE;
      misses = sent ? 0 : misses + 1;
      if (misses < 8)
        continue;
      /* Nothing left to send: wait for the next goods, except on the last
       * day, when the office buys what the budget still needs. */
      if (!gen->last_day || restocks++ > 50)
        break;
      if (!mk_demo_procure (gen, TRUE, error) || !mk_demo_assemble_kits (gen, error))
        return FALSE;
      misses = 0;
    }
  return TRUE;
}

static gboolean
run_day (MkDemoGen *gen,
         gboolean   first,
         gint64     goal,
         GError   **error)
{
  GDateWeekday weekday = g_date_get_weekday (&gen->day);
  guint        month = g_date_get_month (&gen->day);

  if (!mk_demo_receive_due (gen, error) || (!gen->done && !mk_demo_people_day (gen, error)))
    return FALSE;
  if (gen->done || !is_working_day (&gen->day))
    return TRUE;
  if ((first || weekday == G_DATE_SUNDAY) && !mk_demo_procure (gen, first, error))
    return FALSE;
  if ((first || weekday == G_DATE_MONDAY) && !gen->done && !mk_demo_assemble_kits (gen, error))
    return FALSE;
  if (g_date_get_day (&gen->day) <= 7 && weekday == G_DATE_TUESDAY && !gen->done
      && !mk_demo_hand_over (gen, error))
    return FALSE;
  if (!dispatch_day (gen, goal, error))
    return FALSE;
  if (!gen->done && ends_month (&gen->day))
    {
      if (!mk_demo_write_off (gen, error))
        return FALSE;
      if (month % 3 == 0 && !gen->done && !mk_demo_count_stock (gen, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_calendar (MkDemoGen *gen,
              GError   **error)
{
  GDate   first, last, day;
  gint64  n_days;
  double  total = 0;
  g_autofree double *cumulative = NULL;
  guint   last_working;

  mk_demo_parse_date (MK_DEMO_FIRST_DAY, &first);
  mk_demo_parse_date (MK_DEMO_LAST_DAY, &last);
  n_days = g_date_days_between (&first, &last) + 1;
  cumulative = g_new0 (double, n_days);

  day = first;
  last_working = 0;
  for (gint64 d = 0; d < n_days; d++, g_date_add_days (&day, 1))
    {
      total += day_weight (&day);
      cumulative[d] = total;
      if (is_working_day (&day))
        last_working = (guint) d;
    }

  day = first;
  for (gint64 d = 0; d < n_days && !gen->done; d++, g_date_add_days (&day, 1))
    {
      gint64 goal = (gint64) (gen->target * cumulative[d] / total);

      gen->day = day;
      mk_demo_date_add (&day, 0, gen->date);
      gen->last_day = d == last_working;
      if (d == 0 || g_date_get_day (&day) == 1)
        {
          guint  left = g_date_get_days_in_month (g_date_get_month (&day), g_date_get_year (&day))
                       - g_date_get_day (&day);
          gint64 end = MIN (d + left, n_days - 1);
          double before = d > 0 ? cumulative[d - 1] : 0;

          plan_month (gen, (gint64) (gen->target * (cumulative[end] - before) / total));
        }
      if (!run_day (gen, d == 0, gen->last_day ? gen->target : goal, error))
        return FALSE;
    }
  if (!gen->done)
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   "demo generator: only %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
                   " movements by " MK_DEMO_LAST_DAY,
                   gen->movements, gen->target);
      return FALSE;
    }
  return TRUE;
}

/* Counting what was written, behind the core's back: a read of the file. */
static gboolean
count_movements (MkDatabase *db,
                 gint64     *count,
                 GError    **error)
{
  sqlite3      *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean      ok = FALSE;

  if (sqlite3_open_v2 (mk_database_get_path (db), &handle, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (handle, "SELECT count(*) FROM movements", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *count = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  else
    g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                 _ ("The movements could not be counted: %s"), sqlite3_errmsg (handle));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return ok;
}

gboolean
mk_demo_generate_movements (MkDatabase  *db,
                            gint64       target,
                            guint32      seed,
                            MkDemoStats *stats,
                            GError     **error)
{
  MkDemoGen gen = { 0 };
  gint64    start_us, start_cpu, written = 0;
  gboolean  ok;

  g_return_val_if_fail (target > 0 && target <= MK_DEMO_MAX_MOVEMENTS, FALSE);

  gen.rand = g_rand_new_with_seed (seed);
  gen.target = target;
  /* Mistakes are rare: a few dozen cancellations in a million movements. */
  gen.max_cancellations = 12 + target / 50000;

  ok = mk_demo_setup (&gen, db, error);
  if (ok)
    {
      start_us = g_get_monotonic_time ();
      start_cpu = mk_cli_cpu_time_us ();
      ok = mk_ledger_bulk_begin (db, error);
      if (ok)
        {
          ok = run_calendar (&gen, error) && mk_ledger_bulk_end (db, error);
          if (!ok)
            mk_ledger_bulk_abort (db);
        }
      if (ok && stats != NULL)
        {
          stats->wall_us = g_get_monotonic_time () - start_us;
          stats->cpu_us = start_cpu >= 0 ? mk_cli_cpu_time_us () - start_cpu : -1;
        }
    }
  if (ok)
    ok = count_movements (db, &written, error);
  if (ok && written != gen.movements)
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   "demo generator: counted %" G_GINT64_FORMAT " movements from the documents' lines, "
                   "but the ledger has %" G_GINT64_FORMAT,
                   gen.movements, written);
      ok = FALSE;
    }
  if (ok && stats != NULL)
    {
      stats->movements = written;
      stats->documents = gen.documents;
      stats->lines = gen.lines;
      stats->cancellations = gen.cancellations;
      stats->distributions = gen.distributions;
      stats->household_lists = gen.household_lists;
      stats->services = gen.services;
      stats->households = gen.households;
      g_strlcpy (stats->first_date, MK_DEMO_FIRST_DAY, sizeof stats->first_date);
      g_strlcpy (stats->last_date, gen.date, sizeof stats->last_date);
    }

  mk_demo_teardown (&gen);
  g_rand_free (gen.rand);
  return ok;
}
