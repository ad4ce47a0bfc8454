/* mk-print-receipts.c: the goods received note (also printed for a
 * waybill's reception) and the loss report (reference/forms.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-print"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-print-private.h"

static const MkLabel col_no = { "No.", "م" };
static const MkLabel col_code = { "Item code", "رمز الصنف" };
static const MkLabel col_description = { "Description", "الوصف" };
static const MkLabel col_grant = { "Grant / donor", "المنحة / المانح" };
static const MkLabel col_unit = { "Unit", "الوحدة" };
static const MkLabel col_lot = { "Lot / expiry", "الدفعة / الصلاحية" };
static const MkLabel col_documented = { "Units documented", "الوحدات حسب المستندات" };
static const MkLabel col_good = { "Good", "سليم" };
static const MkLabel col_damaged = { "Damaged", "تالف" };
static const MkLabel col_short = { "Short", "ناقص" };
static const MkLabel col_weight = { "Weight (kg)", "الوزن (كغ)" };
static const MkLabel col_comments = { "Comments", "تعليقات" };
static const MkLabel col_quantity = { "Quantity (− out, + in)", "الكمية (− صرف، + إضافة)" };
static const MkLabel totals = { "Totals", "الإجمالي" };

static char *
lot_text (const MkDocumentLine *line)
{
  g_autofree char *expiry = mk_print_format_date (line->expiry_date);

  if (line->lot_number == NULL)
    return NULL;
  if (expiry == NULL)
    return g_strdup (line->lot_number);
  return g_strdup_printf ("%s\n%s", line->lot_number, expiry);
}

static gint64
item_weight (MkPrintLookup *lookup,
             const char    *item_code)
{
  MkRecord *item = mk_print_lookup_record (lookup, "item", item_code);

  return item != NULL ? mk_record_get_int (item, "weight_kg") : 0;
}

static const char *
item_unit (MkPrintLookup *lookup,
           const char    *item_code)
{
  MkRecord        *item = mk_print_lookup_record (lookup, "item", item_code);
  g_autofree char *unit = item != NULL ? mk_record_get_text (item, "unit") : NULL;

  /* The vocabulary's string outlives @unit. */
  return unit != NULL ? mk_print_lookup_vocab (lookup, "units", unit) : NULL;
}

/* Goods received note ------------------------------------------------------------ */

static const char *
source_label (const MkPrintDoc *doc,
              const char       *source)
{
  static const MkLabel purchase = { "Purchase", "شراء" };
  static const MkLabel donation = { "Donation in kind", "تبرع عيني" };
  static const MkLabel returned = { "Return", "إرجاع" };
  static const MkLabel transfer = { "Transfer (waybill)", "تحويل مخزني (بوليصة شحن)" };
  const MkLabel       *label = &purchase;

  if (g_strcmp0 (source, "donation") == 0)
    label = &donation;
  else if (g_strcmp0 (source, "return") == 0)
    label = &returned;
  else if (g_strcmp0 (source, "transfer") == 0)
    label = &transfer;
  return doc->rtl ? label->ar : label->en;
}

static void
add_grn_header (MkPrintDoc    *doc,
                MkPrintLookup *lookup,
                MkDocument    *document)
{
  static const MkLabel labels[] = {
    { "GRN number", "رقم إشعار الاستلام" },
    { "Date of arrival", "تاريخ الوصول" },
    { "Receiving warehouse", "المستودع المستلِم" },
    { "Source type", "نوع المصدر" },
    { "Received from", "مُستلَم من" },
    { "Reference documents (waybill, CMR, bill of lading, air waybill, purchase order)",
      "المستندات المرجعية (بوليصة الشحن، CMR، سند الشحن، بوليصة الشحن الجوي، أمر الشراء)" },
    { "Documents complete?", "المستندات مكتملة؟" },
    { "Received as documented and in good condition?", "استُلم حسب المستندات وبحالة جيدة؟" },
    { "Claim raised?", "هل قُدّمت مطالبة؟" },
    { "Notes", "ملاحظات" },
  };
  static const MkCellFlags flags[] = { MK_CELL_CODE | MK_CELL_BOLD, MK_CELL_CODE, 0, 0, 0, MK_CELL_CODE,
                                       0, 0, 0, 0 };
  MkDocumentKind           kind = mk_document_get_kind (document);
  g_autofree char         *date = mk_print_document_field (document, "date");
  g_autofree char         *date_text = mk_print_format_date (date);
  g_autofree char         *warehouse = mk_print_document_field (document, "warehouse");
  g_autofree char         *source = NULL;
  g_autofree char         *from = NULL;
  g_autofree char         *reference = NULL;
  g_autofree char         *notes = mk_print_document_field (document, "notes");
  g_autofree char         *yes_no = mk_print_doc_yes_no (doc);
  g_autofree char         *warehouse_text = NULL;
  const char              *values[G_N_ELEMENTS (labels)];

  if (kind == MK_DOCUMENT_RECEPTION)
    {
      /* A waybill's reception: from the waybill's origin. */
      g_autoptr (MkDocument) waybill = NULL;

      reference = mk_print_document_field (document, "waybill");
      waybill = mk_documents_get_by_number (mk_print_lookup_get_database (lookup), reference, NULL);
      source = g_strdup ("transfer");
      if (waybill != NULL)
        {
          g_autofree char *origin = mk_print_document_field (waybill, "warehouse");

          from = mk_print_lookup_describe (lookup, "warehouse", origin);
          if (warehouse == NULL)
            warehouse = mk_print_document_field (waybill, "to_warehouse");
        }
    }
  else
    {
      source = mk_print_document_field (document, "source");
      from = mk_print_document_field (document, "supplier");
      reference = mk_print_document_field (document, "reference");
    }
  warehouse_text = mk_print_lookup_describe (lookup, "warehouse", warehouse);

  values[0] = mk_document_get_number (document);
  values[1] = date_text;
  values[2] = warehouse_text;
  values[3] = source_label (doc, source);
  values[4] = from;
  values[5] = reference;
  values[6] = yes_no;
  values[7] = yes_no;
  values[8] = yes_no;
  values[9] = notes;
  mk_print_doc_add_fields (doc, 4, labels, values, flags, G_N_ELEMENTS (labels));
}

static void
add_grn_lines (MkPrintDoc    *doc,
               MkPrintLookup *lookup,
               MkDocument    *document)
{
  static const MkLabel        heading = { "Goods received", "البضائع المستلَمة" };
  static const MkLabel *const header[] = { &col_no, &col_code, &col_description, &col_grant,
                                           &col_unit, &col_lot, &col_documented, &col_good,
                                           &col_damaged, &col_short, &col_weight, &col_comments };
  GPtrArray                  *lines = mk_document_get_lines (document);
  MkPrintTable               *table = mk_print_doc_add_table (doc, 12, 4.0, 11.0, 20.0, 12.0, 6.0, 11.0, 9.0,
                                                              7.0, 7.0, 7.0, 8.0, 10.0);
  MkPrintRow                 *row;
  gint64                      sum[5] = { 0 };

  mk_print_table_set_title (table, doc, &heading);
  mk_print_table_set_header (table, doc, header);
  for (guint i = 0; i < lines->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (lines, i);
      gint64                documented = line->quantity + line->damaged + line->short_quantity;
      gint64                weight = item_weight (lookup, line->item_code) * (line->quantity + line->damaged);

      row = mk_print_table_add_row (table);
      mk_print_row_add_number (row, i + 1, MK_CELL_SMALL);
      mk_print_row_add (row, line->item_code, MK_CELL_CODE);
      mk_print_row_add (row, mk_print_lookup_name (lookup, "item", line->item_code), 0);
      mk_print_row_add (row, line->grant_code, MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add (row, item_unit (lookup, line->item_code), MK_CELL_SMALL);
      mk_print_row_take (row, lot_text (line), MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add_number (row, documented, 0);
      mk_print_row_add_number (row, line->quantity, 0);
      mk_print_row_add_number (row, line->damaged, 0);
      mk_print_row_add_number (row, line->short_quantity, 0);
      mk_print_row_take (row, mk_print_format_kg (weight), MK_CELL_NUMBER);
      mk_print_row_add (row, line->remarks, MK_CELL_SMALL);
      sum[0] += documented;
      sum[1] += line->quantity;
      sum[2] += line->damaged;
      sum[3] += line->short_quantity;
      sum[4] += weight;
    }
  row = mk_print_table_add_row (table);
  mk_print_row_take (row, mk_print_doc_label (doc, &totals), MK_CELL_TOTAL)->span = 6;
  for (guint c = 0; c < 4; c++)
    mk_print_row_add_number (row, sum[c], MK_CELL_TOTAL);
  mk_print_row_take (row, mk_print_format_kg (sum[4]), MK_CELL_TOTAL | MK_CELL_NUMBER);
  mk_print_row_add (row, NULL, MK_CELL_TOTAL);
}

MkPrintDoc *
mk_print_grn_build (MkPrintLookup *lookup,
                    MkDocument    *document,
                    GError       **error)
{
  static const MkLabel title = { "GOODS RECEIVED NOTE", "إشعار استلام البضائع" };
  static const MkLabel parties[] = {
    { "Delivered by", "سُلِّم بواسطة" },
    { "Received by", "استُلِم بواسطة" },
  };
  MkPrintDoc *doc = mk_print_doc_new (MK_PRINT_GRN, mk_print_lookup_is_arabic (lookup));

  mk_print_doc_set_title (doc, &title);
  doc->number = g_strdup (mk_document_get_number (document));
  add_grn_header (doc, lookup, document);
  add_grn_lines (doc, lookup, document);
  mk_print_doc_add_signatures (doc, parties, G_N_ELEMENTS (parties), TRUE);
  return doc;
}

/* Loss report ---------------------------------------------------------------------- */

static gboolean
is_loss (const char *reason)
{
  static const char *const losses[] = { "damaged", "expired", "lost", "theft", "loss_in_transit" };

  for (guint i = 0; i < G_N_ELEMENTS (losses); i++)
    if (g_strcmp0 (reason, losses[i]) == 0)
      return TRUE;
  return FALSE;
}

MkPrintDoc *
mk_print_loss_report_build (MkPrintLookup *lookup,
                            MkDocument    *document,
                            GError       **error)
{
  static const MkLabel loss_title = { "LOSS REPORT", "محضر فاقد" };
  static const MkLabel adjustment_title = { "STOCK ADJUSTMENT", "تسوية المخزون" };
  static const MkLabel labels[] = {
    { "Report number", "رقم المحضر" },
    { "Date", "التاريخ" },
    { "Warehouse", "المستودع" },
    { "Reason", "السبب" },
    { "Circumstances", "الظروف" },
    { "Discovered by", "اكتُشف بواسطة" },
    { "Approved by", "اعتُمد بواسطة" },
    { "Disposal (destruction, sale, return), if any", "الإتلاف أو التصرف، إن وُجد" },
    { "Witnesses", "الشهود" },
  };
  static const MkCellFlags    flags[] = { MK_CELL_CODE | MK_CELL_BOLD, MK_CELL_CODE, 0, 0, 0, 0, 0, 0, 0 };
  static const MkLabel        heading = { "Items", "الأصناف" };
  static const MkLabel *const header[] = { &col_no, &col_code, &col_description, &col_lot,
                                           &col_grant, &col_unit, &col_quantity, &col_weight,
                                           &col_comments };
  static const MkLabel        parties[] = {
           { "Reported by", "أُبلغ بواسطة" },
           { "Verified by (storekeeper)", "تحقّق بواسطة (أمين المخزن)" },
           { "Approved by", "اعتُمد بواسطة" },
  };
  MkPrintDoc      *doc = mk_print_doc_new (MK_PRINT_LOSS_REPORT, mk_print_lookup_is_arabic (lookup));
  g_autofree char *date = mk_print_document_field (document, "date");
  g_autofree char *date_text = mk_print_format_date (date);
  g_autofree char *warehouse = mk_print_document_field (document, "warehouse");
  g_autofree char *warehouse_text = mk_print_lookup_describe (lookup, "warehouse", warehouse);
  g_autofree char *reason = mk_print_document_field (document, "reason");
  g_autofree char *notes = mk_print_document_field (document, "notes");
  const char      *values[G_N_ELEMENTS (labels)] = { NULL };
  GPtrArray       *lines = mk_document_get_lines (document);
  MkPrintTable    *table;
  MkPrintRow      *row;
  gint64           sum = 0, sum_weight = 0;

  mk_print_doc_set_title (doc, is_loss (reason) ? &loss_title : &adjustment_title);
  doc->number = g_strdup (mk_document_get_number (document));
  values[0] = doc->number;
  values[1] = date_text;
  values[2] = warehouse_text;
  values[3] = mk_print_lookup_vocab (lookup, "adjustment_reasons", reason);
  values[4] = notes;
  table = mk_print_doc_add_fields (doc, 4, labels, values, flags, 4);
  /* Circumstances take a whole row; the rest are written by hand. */
  row = mk_print_table_add_row (table);
  row->min_height = 44;
  mk_print_row_add_field (row, doc, &labels[4], notes, 0)->span = 4;
  row = mk_print_table_add_row (table);
  row->min_height = 24;
  for (guint i = 5; i < G_N_ELEMENTS (labels); i++)
    mk_print_row_add_field (row, doc, &labels[i], NULL, 0);

  table = mk_print_doc_add_table (doc, 9, 4.0, 11.0, 25.0, 12.0, 12.0, 7.0, 11.0, 9.0, 12.0);
  mk_print_table_set_title (table, doc, &heading);
  mk_print_table_set_header (table, doc, header);
  for (guint i = 0; i < lines->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (lines, i);
      gint64                weight = item_weight (lookup, line->item_code) * line->quantity;

      row = mk_print_table_add_row (table);
      mk_print_row_add_number (row, i + 1, MK_CELL_SMALL);
      mk_print_row_add (row, line->item_code, MK_CELL_CODE);
      mk_print_row_add (row, mk_print_lookup_name (lookup, "item", line->item_code), 0);
      mk_print_row_take (row, lot_text (line), MK_CELL_CODE | MK_CELL_SMALL);
      /* An ownership transfer moves stock from one grant to another. */
      mk_print_row_take (row, line->to_grant_code != NULL ? g_strconcat (line->grant_code != NULL ? line->grant_code : "—", " → ", line->to_grant_code, NULL) : g_strdup (line->grant_code),
                         MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add (row, item_unit (lookup, line->item_code), MK_CELL_SMALL);
      mk_print_row_add_number (row, line->quantity, 0);
      mk_print_row_take (row, mk_print_format_kg (ABS (weight)), MK_CELL_NUMBER);
      mk_print_row_add (row, line->remarks, MK_CELL_SMALL);
      sum += line->quantity;
      sum_weight += ABS (weight);
    }
  row = mk_print_table_add_row (table);
  mk_print_row_take (row, mk_print_doc_label (doc, &totals), MK_CELL_TOTAL)->span = 6;
  mk_print_row_add_number (row, sum, MK_CELL_TOTAL);
  mk_print_row_take (row, mk_print_format_kg (sum_weight), MK_CELL_TOTAL | MK_CELL_NUMBER);
  mk_print_row_add (row, NULL, MK_CELL_TOTAL);

  mk_print_doc_add_signatures (doc, parties, G_N_ELEMENTS (parties), FALSE);
  return doc;
}
