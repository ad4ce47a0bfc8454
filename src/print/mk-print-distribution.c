/* mk-print-distribution.c: the distribution list of a household-list
 * distribution — one row per household with its entitlement and a box for
 * its signature or thumbprint, page totals and a last page for the
 * witnesses — and the tally sheet, codes and ticks only.
 *
 * Both are printed from a draft too, before the distribution: what was
 * received is then left empty, to be written in on the day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-print"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-print-private.h"

#define TALLY_PER_ROW 5

static const MkLabel col_no = { "No.", "م" };
static const MkLabel col_household = { "Household code", "رمز الأسرة" };
static const MkLabel col_head = { "Head of household (name beside the thumbprint)",
                                  "ربّ الأسرة (الاسم بجانب البصمة)" };
static const MkLabel col_size = { "Household size", "عدد أفراد الأسرة" };
static const MkLabel col_entitlement = { "Entitlement", "الاستحقاق" };
static const MkLabel col_received = { "Quantity received", "الكمية المستلَمة" };
static const MkLabel col_signature = { "Signature or thumbprint", "التوقيع أو البصمة" };
static const MkLabel col_tick = { "Tick", "✓" };
static const MkLabel page_total = { "Page total", "مجموع الصفحة" };

/* One row of the list: a household and what it is due and received. */
typedef struct
{
  char    *code;
  char    *head_name;
  gint64   size;
  GString *entitlement;
  GString *received;
  GArray  *quantities; /* gint64 per item of the list, received */
} Household;

typedef struct
{
  GPtrArray *households; /* Household */
  GPtrArray *items;      /* char *: item codes in order of first appearance */
  gboolean   draft;
  gboolean   rtl;
} ListData;

static void
household_free (Household *household)
{
  g_free (household->code);
  g_free (household->head_name);
  g_string_free (household->entitlement, TRUE);
  g_string_free (household->received, TRUE);
  g_array_unref (household->quantities);
  g_free (household);
}

static void
list_data_free (ListData *data)
{
  g_ptr_array_unref (data->households);
  g_ptr_array_unref (data->items);
  g_free (data);
}

typedef struct
{
  gboolean per_person;
  gint64   quantity;
} Rule;

/* Entitlement rules by item code: one hygiene kit per person, a winter
 * kit per household … */
static GHashTable *
load_rules (MkDatabase *db)
{
  GHashTable *rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) records = mk_master_data_list (db, mk_kind_lookup ("entitlement"), NULL, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      MkRecord *record = g_ptr_array_index (records, i);
      Rule     *rule;
      char     *item;

      if (!mk_record_get_bool (record, "active"))
        continue;
      item = mk_record_get_text (record, "item");
      if (item == NULL || g_hash_table_contains (rules, item))
        {
          g_free (item);
          continue;
        }
      rule = g_new (Rule, 1);
      rule->per_person = g_strcmp0 (mk_record_get_string (record, "per"), "person") == 0;
      rule->quantity = mk_record_get_int (record, "quantity");
      g_hash_table_insert (rules, item, rule);
    }
  return rules;
}

static guint
item_index (ListData   *data,
            const char *item_code)
{
  guint index;

  if (g_ptr_array_find_with_equal_func (data->items, item_code, g_str_equal, &index))
    return index;
  g_ptr_array_add (data->items, g_strdup (item_code));
  return data->items->len - 1;
}

static ListData *
collect_households (MkPrintLookup *lookup,
                    MkDocument    *document,
                    gboolean       draft)
{
  MkDatabase *db = mk_print_lookup_get_database (lookup);
  ListData   *data = g_new0 (ListData, 1);
  GPtrArray  *receipts = mk_document_get_receipts (document);
  gboolean    personal = mk_office_get_keeps_personal_data (db);
  g_autoptr (GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) rules = load_rules (db);

  data->households = g_ptr_array_new_with_free_func ((GDestroyNotify) household_free);
  data->items = g_ptr_array_new_with_free_func (g_free);
  data->draft = draft;
  data->rtl = mk_print_lookup_is_arabic (lookup);

  for (guint i = 0; i < receipts->len; i++)
    {
      const MkHouseholdReceipt *receipt = g_ptr_array_index (receipts, i);
      Household                *household = g_hash_table_lookup (by_code, receipt->household_code);
      const Rule               *rule = g_hash_table_lookup (rules, receipt->item_code);
      guint                     index = item_index (data, receipt->item_code);
      gint64                    due = receipt->quantity;
      g_autofree char          *due_text = NULL;

      if (household == NULL)
        {
          MkRecord *record = mk_print_lookup_record (lookup, "household", receipt->household_code);

          household = g_new0 (Household, 1);
          household->code = g_strdup (receipt->household_code);
          household->size = record != NULL ? mk_record_get_int (record, "size") : 0;
          if (personal && record != NULL)
            household->head_name = g_strdup (mk_record_get_string (record, "head_name"));
          household->entitlement = g_string_new (NULL);
          household->received = g_string_new (NULL);
          household->quantities = g_array_new (FALSE, TRUE, sizeof (gint64));
          g_ptr_array_add (data->households, household);
          g_hash_table_insert (by_code, household->code, household);
        }
      if (household->quantities->len <= index)
        g_array_set_size (household->quantities, index + 1);
      g_array_index (household->quantities, gint64, index) += receipt->quantity;

      /* What the rule gives; without a rule, what the list plans. */
      if (rule != NULL)
        due = rule->per_person ? rule->quantity * MAX (household->size, 1) : rule->quantity;
      due_text = mk_print_format_count (due);
      if (household->entitlement->len > 0)
        g_string_append_c (household->entitlement, '\n');
      g_string_append_printf (household->entitlement, "%s × %s", receipt->item_code, due_text);
      if (!draft)
        {
          g_autofree char *received = mk_print_format_count (receipt->quantity);

          if (household->received->len > 0)
            g_string_append_c (household->received, '\n');
          g_string_append_printf (household->received, "%s × %s", receipt->item_code, received);
        }
    }
  return data;
}

/* "12 households · 57 persons", in both languages. */
static char *
households_text (gboolean rtl,
                 gint64   households,
                 gint64   persons)
{
  g_autofree char *h = mk_print_format_count (households);
  g_autofree char *p = mk_print_format_count (persons);
  g_autofree char *hi = mk_text_isolate_ltr (h);
  g_autofree char *pi = mk_text_isolate_ltr (p);
  g_autofree char *en = g_strdup_printf ("%s households, %s persons", hi, pi);
  g_autofree char *ar = g_strdup_printf ("%s أسرة، %s فردًا", hi, pi);

  return rtl ? g_strconcat (ar, "\n", en, NULL) : g_strconcat (en, "\n", ar, NULL);
}

static char *
quantities_text (ListData *data,
                 gint64   *sums)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < data->items->len; i++)
    {
      g_autofree char *quantity = mk_print_format_count (sums[i]);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s × %s", (const char *) g_ptr_array_index (data->items, i), quantity);
    }
  return g_string_free (text, FALSE);
}

static MkPrintRow *
page_totals_row (MkPrintTable *table,
                 guint         first,
                 guint         n,
                 gpointer      user_data)
{
  ListData          *data = user_data;
  MkPrintRow        *row = mk_print_row_new ();
  g_autofree gint64 *sums = g_new0 (gint64, MAX (data->items->len, 1));
  gint64             persons = 0;
  g_autofree char   *en = mk_text_isolate (page_total.en);
  g_autofree char   *ar = mk_text_isolate (page_total.ar);
  g_autofree char   *label_text = data->rtl ? g_strconcat (ar, " · ", en, NULL) : g_strconcat (en, " · ", ar, NULL);

  for (guint i = first; i < first + n; i++)
    {
      const Household *household = g_ptr_array_index (data->households, i);

      persons += household->size;
      for (guint q = 0; q < household->quantities->len; q++)
        sums[q] += g_array_index (household->quantities, gint64, q);
    }
  mk_print_row_add (row, label_text, MK_CELL_TOTAL)->span = 2;
  mk_print_row_take (row, households_text (data->rtl, n, persons), MK_CELL_TOTAL)->span = 2;
  mk_print_row_add (row, NULL, MK_CELL_TOTAL);
  mk_print_row_take (row, data->draft ? NULL : quantities_text (data, sums), MK_CELL_TOTAL | MK_CELL_CODE);
  mk_print_row_add (row, NULL, MK_CELL_TOTAL);
  return row;
}

static const char *
draft_subtitle (gboolean rtl)
{
  return rtl ? "مسودة — تُملأ الكميات المستلَمة يوم التوزيع · DRAFT — quantities received are written in on the day"
             : "DRAFT — quantities received are written in on the day · مسودة — تُملأ الكميات المستلَمة يوم التوزيع";
}

static void
add_header (MkPrintDoc    *doc,
            MkPrintLookup *lookup,
            MkDocument    *document,
            ListData      *data)
{
  static const MkLabel labels[] = {
    { "Distribution number", "رقم التوزيع" },
    { "Date", "التاريخ" },
    { "Site", "موقع التوزيع" },
    { "From warehouse", "من المستودع" },
    { "Population group", "الفئة السكانية" },
    { "Grant", "المنحة" },
    { "Partner", "الشريك المنفِّذ" },
    { "Distribution team", "فريق التوزيع" },
    { "Items and entitlement", "الأصناف والاستحقاق" },
  };
  static const MkCellFlags flags[] = { MK_CELL_CODE | MK_CELL_BOLD, MK_CELL_CODE, 0, 0, 0, MK_CELL_CODE, 0, 0, 0 };
  g_autofree char         *number = mk_document_get_number (document) != NULL
                                        ? g_strdup (mk_document_get_number (document))
                                        : g_strdup_printf (doc->rtl ? "مسودة %" G_GINT64_FORMAT " · draft"
                                                                    : "Draft %" G_GINT64_FORMAT " · مسودة",
                                                   mk_document_get_id (document));
  g_autofree char         *date = mk_print_document_field (document, "date");
  g_autofree char         *date_text = mk_print_format_date (date);
  g_autofree char         *site = mk_print_document_field (document, "site");
  g_autofree char         *site_text = mk_print_lookup_describe (lookup, "site", site);
  g_autofree char         *warehouse = mk_print_document_field (document, "warehouse");
  g_autofree char         *warehouse_text = mk_print_lookup_describe (lookup, "warehouse", warehouse);
  g_autofree char         *group = mk_print_document_field (document, "population_group");
  g_autofree char         *grant = mk_print_document_field (document, "grant");
  g_autofree char         *partner = mk_print_document_field (document, "partner");
  g_autofree char         *partner_text = mk_print_lookup_describe (lookup, "partner", partner);
  GString                 *items = g_string_new (NULL);
  g_autofree char         *items_text = NULL;
  const char              *values[G_N_ELEMENTS (labels)];

  for (guint i = 0; i < data->items->len; i++)
    {
      const char      *code = g_ptr_array_index (data->items, i);
      const char      *name = mk_print_lookup_name (lookup, "item", code);
      g_autofree char *isolated_code = mk_text_isolate_ltr (code);
      g_autofree char *isolated_name = mk_text_isolate (name != NULL ? name : "");

      if (items->len > 0)
        g_string_append (items, "; ");
      g_string_append_printf (items, "%s %s", isolated_code, isolated_name);
    }
  items_text = g_string_free (items, FALSE);
  values[0] = number;
  values[1] = date_text;
  values[2] = site_text;
  values[3] = warehouse_text;
  values[4] = mk_print_lookup_vocab (lookup, "population_groups", group);
  values[5] = grant;
  values[6] = partner_text;
  values[7] = NULL;
  values[8] = items_text;
  mk_print_doc_add_fields (doc, 4, labels, values, flags, G_N_ELEMENTS (labels));
}

static void
add_list (MkPrintDoc *doc,
          ListData   *data)
{
  static const MkLabel *const header[] = { &col_no, &col_household, &col_head, &col_size,
                                           &col_entitlement, &col_received, &col_signature };
  MkPrintTable               *table = mk_print_doc_add_table (doc, 7, 5.0, 14.0, 24.0, 8.0, 16.0, 16.0, 22.0);

  mk_print_table_set_header (table, doc, header);
  for (guint i = 0; i < data->households->len; i++)
    {
      const Household *household = g_ptr_array_index (data->households, i);
      MkPrintRow      *row = mk_print_table_add_row (table);

      /* Room for a thumbprint. */
      row->min_height = 30;
      mk_print_row_add_number (row, i + 1, MK_CELL_SMALL);
      mk_print_row_add (row, household->code, MK_CELL_CODE | MK_CELL_BOLD);
      mk_print_row_add (row, household->head_name, 0);
      mk_print_row_add_number (row, household->size, 0);
      mk_print_row_add (row, household->entitlement->str, MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add (row, household->received->str, MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add (row, NULL, MK_CELL_BLANK);
    }
  table->page_totals = page_totals_row;
  table->page_totals_data = data;
  table->page_totals_destroy = (GDestroyNotify) list_data_free;
}

static void
add_closing (MkPrintDoc *doc,
             ListData   *data,
             gboolean    tally)
{
  static const MkLabel heading = { "Totals and witnesses", "الإجمالي والشهود" };
  static const MkLabel labels[] = {
    { "Households listed", "الأسر المدرجة" },
    { "Persons in them", "عدد الأفراد" },
    { "Quantities received", "الكميات المستلَمة" },
    { "Households that did not come", "الأسر التي لم تحضر" },
  };
  static const MkLabel witnesses[] = {
    { "Community leader (witness)", "وجيه المجتمع (شاهد)" },
    { "Distribution committee (witness)", "لجنة التوزيع (شاهد)" },
    { "Distribution lead", "مسؤول التوزيع" },
  };
  static const MkCellFlags flags[] = { MK_CELL_NUMBER | MK_CELL_BOLD, MK_CELL_NUMBER | MK_CELL_BOLD,
                                       MK_CELL_CODE | MK_CELL_BOLD, 0 };
  g_autofree gint64       *sums = g_new0 (gint64, MAX (data->items->len, 1));
  gint64                   persons = 0;
  g_autofree char         *n_text = mk_print_format_count (data->households->len);
  g_autofree char         *persons_text = NULL;
  g_autofree char         *quantities = NULL;
  const char              *values[G_N_ELEMENTS (labels)];
  MkPrintTable            *table;

  for (guint i = 0; i < data->households->len; i++)
    {
      const Household *household = g_ptr_array_index (data->households, i);

      persons += household->size;
      for (guint q = 0; q < household->quantities->len; q++)
        sums[q] += g_array_index (household->quantities, gint64, q);
    }
  persons_text = mk_print_format_count (persons);
  quantities = data->draft || tally ? NULL : quantities_text (data, sums);
  values[0] = n_text;
  values[1] = persons_text;
  values[2] = quantities;
  values[3] = NULL;
  table = mk_print_doc_add_fields (doc, 4, labels, values, flags, G_N_ELEMENTS (labels));
  table->page_break_before = !tally;
  mk_print_table_set_title (table, doc, &heading);
  mk_print_doc_add_signatures (doc, witnesses, G_N_ELEMENTS (witnesses), FALSE);
}

static void
add_tally (MkPrintDoc *doc,
           ListData   *data)
{
  static const MkLabel *const header[] = { &col_household, &col_tick, &col_household, &col_tick,
                                           &col_household, &col_tick, &col_household, &col_tick,
                                           &col_household, &col_tick };
  MkPrintTable               *table = mk_print_doc_add_table (doc, 2 * TALLY_PER_ROW, 14.0, 6.0, 14.0, 6.0, 14.0,
                                                              6.0, 14.0, 6.0, 14.0, 6.0);
  MkPrintRow                 *row = NULL;

  mk_print_table_set_header (table, doc, header);
  for (guint i = 0; i < data->households->len; i++)
    {
      const Household *household = g_ptr_array_index (data->households, i);

      if (i % TALLY_PER_ROW == 0)
        {
          row = mk_print_table_add_row (table);
          row->min_height = 18;
        }
      mk_print_row_add (row, household->code, MK_CELL_CODE | MK_CELL_BOLD);
      mk_print_row_add (row, NULL, MK_CELL_BLANK);
    }
  if (row != NULL)
    for (guint i = data->households->len % TALLY_PER_ROW; i > 0 && i < TALLY_PER_ROW; i++)
      {
        mk_print_row_add (row, NULL, MK_CELL_BLANK);
        mk_print_row_add (row, NULL, MK_CELL_BLANK);
      }
}

MkPrintDoc *
mk_print_distribution_build (MkPrintLookup *lookup,
                             MkDocument    *document,
                             gboolean       tally,
                             GError       **error)
{
  static const MkLabel list_title = { "DISTRIBUTION LIST", "كشف التوزيع" };
  static const MkLabel tally_title = { "TALLY SHEET", "ورقة العدّ" };
  gboolean             draft = mk_document_get_status (document) != MK_DOCUMENT_POSTED;
  MkPeopleCounts      *counts = mk_document_get_counts (document);
  MkPrintDoc          *doc;
  ListData            *data;

  /* A distribution to people counted by sex and age has no households. */
  if (mk_document_get_receipts (document)->len == 0 && counts != NULL && counts->total > 0)
    {
      const char      *number = mk_document_get_number (document);
      g_autofree char *name = number != NULL ? g_strdup (number)
                                             : g_strdup_printf ("%" G_GINT64_FORMAT, mk_document_get_id (document));

      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_WRONG_KIND,
                   _ ("Distribution %s counts people by sex and age; only a distribution with a "
                      "household list has a distribution list."),
                   name);
      return NULL;
    }

  doc = mk_print_doc_new (tally ? MK_PRINT_TALLY_SHEET : MK_PRINT_DISTRIBUTION_LIST,
                          mk_print_lookup_is_arabic (lookup));
  mk_print_doc_set_title (doc, tally ? &tally_title : &list_title);
  doc->number = g_strdup (mk_document_get_number (document));
  if (draft)
    doc->subtitle = g_strdup (draft_subtitle (doc->rtl));
  data = collect_households (lookup, document, draft);
  add_header (doc, lookup, document, data);
  if (tally)
    {
      add_tally (doc, data);
      add_closing (doc, data, TRUE);
      list_data_free (data);
    }
  else
    {
      /* The table owns @data from here: its page totals read it. */
      add_list (doc, data);
      add_closing (doc, data, FALSE);
    }
  return doc;
}
