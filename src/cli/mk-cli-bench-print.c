/* mk-cli-bench-print.c: the benchmark's printed documents — a 20-line
 * waybill and a 1,000-household distribution list written as PDF files.
 *
 * Each time covers what "makhzan-cli print" does: reading the document
 * and its names, laying it out, drawing every page and writing the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mk-cli-bench.h"
#include "mk-print-job.h"

#define LIST_HOUSEHOLDS 1000

/* The newest posted waybill of @n_lines lines: the benchmark posted many. */
static char *
find_waybill (MkDatabase *db,
              gint64      n_lines,
              GError    **error)
{
  g_autoptr (GPtrArray) waybills = mk_documents_list (db, MK_DOCUMENT_WAYBILL, NULL, NULL, error);

  if (waybills == NULL)
    return NULL;
  for (guint i = 0; i < waybills->len; i++)
    {
      const MkDocumentSummary *summary = g_ptr_array_index (waybills, i);

      if (summary->status == MK_DOCUMENT_POSTED && summary->n_lines == n_lines)
        return g_strdup (summary->number);
    }
  g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, _ ("The mission has no posted 20-line waybill."));
  return NULL;
}

/* Registers households until the office has @n; returns their codes. */
static GPtrArray *
households_for_list (MkDatabase *db,
                     guint       n,
                     const char *date,
                     char      **site,
                     GError    **error)
{
  const MkKind *kind = mk_kind_lookup ("household");
  g_autoptr (GPtrArray) records = mk_master_data_list (db, kind, NULL, error);
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  if (records == NULL)
    return NULL;
  for (guint i = 0; i < records->len && codes->len < n; i++)
    {
      MkRecord *record = g_ptr_array_index (records, i);

      g_ptr_array_add (codes, g_strdup (mk_record_get_code (record)));
      if (*site == NULL)
        *site = mk_record_get_text (record, "site");
    }
  for (guint serial = 1; codes->len < n; serial++)
    {
      g_autoptr (MkRecord) record = mk_record_new (kind);
      g_autofree char *code = g_strdup_printf ("BENCH-HH-%05u", serial);
      g_autofree char *size = g_strdup_printf ("%u", 1 + serial % 8);
      g_autofree char *children = g_strdup_printf ("%u", serial % 8);

      if (!mk_record_set_text (record, "code", code, error) || !mk_record_set_text (record, "population_group", "idps", error) || !mk_record_set_text (record, "size", size, error) || !mk_record_set_text (record, "female_18_59", "1", error) || !mk_record_set_text (record, "male_5_11", children, error) || !mk_record_set_text (record, "registered_on", date, error) || (*site != NULL && !mk_record_set_text (record, "site", *site, error)) || !mk_master_data_add (db, record, error))
        return NULL;
      g_ptr_array_add (codes, g_steal_pointer (&code));
    }
  if (*site == NULL)
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED, _ ("The mission has no site with households."));
      return NULL;
    }
  return g_steal_pointer (&codes);
}

/* A draft household-list distribution, as printed before the day: two
 * items a household. */
static MkDocument *
distribution_new (MkDatabase *db,
                  GPtrArray  *codes,
                  const char *site,
                  const char *date,
                  GError    **error)
{
  static const char *const items[] = { "HK-PERS", "BLANKET-HT" };
  g_autoptr (MkDocument) document = mk_document_new (MK_DOCUMENT_DISTRIBUTION);
  MkRecord *header = mk_document_get_header (document);

  if (!mk_record_set_text (header, "date", date, error) || !mk_record_set_text (header, "site", site, error) || !mk_record_set_text (header, "population_group", "idps", error))
    return NULL;
  for (guint i = 0; i < codes->len; i++)
    for (guint item = 0; item < G_N_ELEMENTS (items); item++)
      mk_document_add_receipt (document, mk_household_receipt_new (g_ptr_array_index (codes, i),
                                                                   items[item], 1 + (i + item) % 3));
  return g_steal_pointer (&document);
}

static gboolean
time_waybill (MkDatabase  *db,
              const char  *number,
              const char  *path,
              MkBenchTime *time,
              guint       *n_pages,
              GError     **error)
{
  g_autoptr (MkPrintJob) job = NULL;
  MkBenchClock clock;

  mk_bench_start (&clock);
  job = mk_print_job_new (db, MK_PRINT_WAYBILL, number, NULL, error);
  if (job == NULL || !mk_print_job_write_pdf (job, path, error))
    return FALSE;
  *time = mk_bench_stop (&clock, 1);
  *n_pages = mk_print_job_get_n_pages (job);
  return TRUE;
}

static gboolean
time_list (MkDatabase  *db,
           MkDocument  *distribution,
           const char  *path,
           MkBenchTime *time,
           guint       *n_pages,
           GError     **error)
{
  g_autoptr (MkPrintJob) job = NULL;
  MkBenchClock clock;

  mk_bench_start (&clock);
  job = mk_print_job_new_for_document (db, MK_PRINT_DISTRIBUTION_LIST, distribution, NULL, error);
  if (job == NULL || !mk_print_job_write_pdf (job, path, error))
    return FALSE;
  *time = mk_bench_stop (&clock, 1);
  *n_pages = mk_print_job_get_n_pages (job);
  return TRUE;
}

gboolean
mk_bench_print (MkDatabase   *db,
                const char   *dir,
                const char   *date,
                guint         rounds,
                MkBenchPrint *result,
                GError      **error)
{
  g_autofree char *number = find_waybill (db, 20, error);
  g_autofree char *waybill_path = g_build_filename (dir, "waybill.pdf", NULL);
  g_autofree char *list_path = g_build_filename (dir, "distribution-list.pdf", NULL);
  g_autofree char *site = NULL;
  g_autoptr (GPtrArray) codes = NULL;
  g_autoptr (MkDocument) distribution = NULL;
  g_autoptr (GArray) waybill_times = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  g_autoptr (GArray) list_times = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  gboolean ok = number != NULL;

  codes = ok ? households_for_list (db, LIST_HOUSEHOLDS, date, &site, error) : NULL;
  ok = codes != NULL;
  distribution = ok ? distribution_new (db, codes, site, date, error) : NULL;
  ok = distribution != NULL;

  /* The first round warms the font caches up. */
  for (guint round = 0; ok && round <= rounds; round++)
    {
      MkBenchTime time;

      ok = time_waybill (db, number, waybill_path, &time, &result->waybill_pages, error);
      if (ok && round > 0)
        g_array_append_val (waybill_times, time);
      ok = ok && time_list (db, distribution, list_path, &time, &result->list_pages, error);
      if (ok && round > 0)
        g_array_append_val (list_times, time);
    }
  g_remove (waybill_path);
  g_remove (list_path);
  if (!ok)
    return FALSE;
  result->waybill = mk_bench_median (waybill_times);
  result->list = mk_bench_median (list_times);
  result->households = codes->len;
  return TRUE;
}
