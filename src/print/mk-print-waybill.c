/* mk-print-waybill.c: the waybill — header, transport, lines with weight
 * and volume, totals, three signature blocks and the reception part that
 * the receiver fills in by hand (reference/forms.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-print"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-print-private.h"

static const MkLabel title = { "WAYBILL", "بوليصة الشحن" };

static const MkLabel transport_modes[] = {
  { "Road", "برّي" },
  { "Air", "جوّي" },
  { "Sea", "بحري" },
  { "Rail", "سكك حديدية" },
  { "Hand", "باليد" },
};
static const char *const transport_codes[] = { "road", "air", "sea", "rail", "hand" };

/* Shared by the other documents' line tables. */
static const MkLabel col_no = { "No.", "م" };
static const MkLabel col_code = { "Item code", "رمز الصنف" };
static const MkLabel col_description = { "Description", "الوصف" };
static const MkLabel col_grant = { "Grant / donor", "المنحة / المانح" };
static const MkLabel col_lot = { "Lot / expiry", "الدفعة / الصلاحية" };
static const MkLabel col_units = { "Units", "عدد الوحدات" };
static const MkLabel col_unit = { "Unit", "الوحدة" };
static const MkLabel col_unit_weight = { "Unit weight (kg)", "وزن الوحدة (كغ)" };
static const MkLabel col_weight = { "Total weight (kg)", "الوزن الإجمالي (كغ)" };
static const MkLabel col_volume = { "Total volume (m³)", "الحجم الإجمالي (م³)" };
static const MkLabel col_remarks = { "Remarks", "ملاحظات" };
static const MkLabel col_sent = { "Units sent", "الوحدات المرسلة" };
static const MkLabel col_good = { "Good", "سليم" };
static const MkLabel col_damaged = { "Damaged", "تالف" };
static const MkLabel col_short = { "Short", "ناقص" };
static const MkLabel col_comments = { "Comments", "تعليقات" };
static const MkLabel totals = { "Totals", "الإجمالي" };

static const char *
transport_mode_label (const MkPrintDoc *doc,
                      const char       *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (transport_codes); i++)
    if (g_strcmp0 (code, transport_codes[i]) == 0)
      return doc->rtl ? transport_modes[i].ar : transport_modes[i].en;
  return code;
}

/* The destination and the consignee: a warehouse and its manager, a site,
 * or a partner and its contact person. */
static void
describe_destination (MkPrintLookup *lookup,
                      MkDocument    *document,
                      char         **destination,
                      char         **consignee)
{
  g_autofree char *to_warehouse = mk_print_document_field (document, "to_warehouse");
  g_autofree char *to_site = mk_print_document_field (document, "to_site");
  g_autofree char *to_partner = mk_print_document_field (document, "to_partner");
  MkRecord        *record;

  if (to_warehouse != NULL)
    {
      *destination = mk_print_lookup_describe (lookup, "warehouse", to_warehouse);
      record = mk_print_lookup_record (lookup, "warehouse", to_warehouse);
      *consignee = record != NULL ? g_strdup (mk_record_get_string (record, "manager")) : NULL;
    }
  else if (to_site != NULL)
    {
      *destination = mk_print_lookup_describe (lookup, "site", to_site);
      *consignee = NULL;
    }
  else
    {
      *destination = mk_print_lookup_describe (lookup, "partner", to_partner);
      record = mk_print_lookup_record (lookup, "partner", to_partner);
      *consignee = record != NULL ? g_strdup (mk_record_get_string (record, "contact")) : NULL;
    }
}

/* The grants of the lines and their donors, each once. */
static void
describe_funding (MkPrintLookup *lookup,
                  GPtrArray     *lines,
                  char         **grants,
                  char         **donors)
{
  g_autoptr (GPtrArray) grant_codes = g_ptr_array_new ();
  g_autoptr (GPtrArray) donor_names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lines->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (lines, i);
      MkRecord             *grant;
      g_autofree char      *donor_code = NULL;
      const char           *donor;

      if (line->grant_code == NULL || g_ptr_array_find_with_equal_func (grant_codes, line->grant_code, g_str_equal, NULL))
        continue;
      g_ptr_array_add (grant_codes, line->grant_code);
      grant = mk_print_lookup_record (lookup, "grant", line->grant_code);
      if (grant == NULL)
        continue;
      donor_code = mk_record_get_text (grant, "donor");
      donor = mk_print_lookup_name (lookup, "donor", donor_code);
      if (donor == NULL)
        donor = donor_code;
      if (donor != NULL && !g_ptr_array_find_with_equal_func (donor_names, donor, g_str_equal, NULL))
        g_ptr_array_add (donor_names, g_strdup (donor));
    }
  g_ptr_array_add (grant_codes, NULL);
  g_ptr_array_add (donor_names, NULL);
  *grants = grant_codes->len > 1 ? g_strjoinv (", ", (char **) grant_codes->pdata) : NULL;
  *donors = donor_names->len > 1 ? g_strjoinv (", ", (char **) donor_names->pdata) : NULL;
}

static void
add_header (MkPrintDoc    *doc,
            MkPrintLookup *lookup,
            MkDocument    *document)
{
  static const MkLabel labels[] = {
    { "Waybill number", "رقم بوليصة الشحن" },
    { "Date", "التاريخ" },
    { "Dispatching warehouse", "المستودع المُرسِل" },
    { "Country", "البلد" },
    { "Destination", "الوجهة" },
    { "Consignee", "المُرسَل إليه" },
    { "Project / grant", "المشروع / المنحة" },
    { "Donor", "الجهة المانحة" },
  };
  static const MkCellFlags flags[] = { MK_CELL_CODE | MK_CELL_BOLD, MK_CELL_CODE, 0, 0, 0, 0, 0, 0 };
  g_autofree char         *date = mk_print_document_field (document, "date");
  g_autofree char         *warehouse = mk_print_document_field (document, "warehouse");
  g_autofree char         *date_text = mk_print_format_date (date);
  g_autofree char         *from = mk_print_lookup_describe (lookup, "warehouse", warehouse);
  g_autofree char         *destination = NULL;
  g_autofree char         *consignee = NULL;
  g_autofree char         *grants = NULL;
  g_autofree char         *donors = NULL;
  const char              *values[G_N_ELEMENTS (labels)];

  describe_destination (lookup, document, &destination, &consignee);
  describe_funding (lookup, mk_document_get_lines (document), &grants, &donors);
  values[0] = mk_document_get_number (document);
  values[1] = date_text;
  values[2] = from;
  values[3] = doc->rtl ? "ليبيا" : "Libya";
  values[4] = destination;
  values[5] = consignee;
  values[6] = grants;
  values[7] = donors;
  mk_print_doc_add_fields (doc, 4, labels, values, flags, G_N_ELEMENTS (labels));
}

static void
add_transport (MkPrintDoc *doc,
               MkDocument *document)
{
  static const MkLabel heading = { "Transport", "النقل" };
  static const MkLabel labels[] = {
    { "Transport mode", "وسيلة النقل" },
    { "Transporter", "الناقل / شركة النقل" },
    { "Contract number", "رقم العقد" },
    { "Vehicle", "المركبة" },
    { "Registration plate (truck / trailer)", "رقم اللوحة (الشاحنة / المقطورة)" },
    { "Driver", "السائق" },
    { "Driver’s phone", "هاتف السائق" },
    { "Estimated delivery date", "تاريخ التسليم المتوقع" },
  };
  static const MkCellFlags flags[] = { 0, 0, 0, 0, MK_CELL_CODE, 0, MK_CELL_CODE, MK_CELL_CODE };
  static const char *const fields[] = { "transport_mode", "transporter", NULL, "vehicle",
                                        "plate", "driver", "driver_phone", "expected_date" };
  char                    *texts[G_N_ELEMENTS (labels)] = { NULL };
  const char              *values[G_N_ELEMENTS (labels)];
  MkPrintTable            *table;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      texts[i] = fields[i] != NULL ? mk_print_document_field (document, fields[i]) : NULL;
      values[i] = texts[i];
    }
  values[0] = transport_mode_label (doc, texts[0]);
  {
    char *date = mk_print_format_date (texts[7]);

    g_free (texts[7]);
    texts[7] = date;
    values[7] = date;
  }
  table = mk_print_doc_add_fields (doc, 4, labels, values, flags, G_N_ELEMENTS (labels));
  mk_print_table_set_title (table, doc, &heading);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (texts[i]);
}

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

/* Kits show what they hold (forms.md), each kit once, below the lines. */
static void
add_kit_contents (MkPrintDoc    *doc,
                  MkPrintLookup *lookup,
                  MkDocument    *document)
{
  static const MkLabel        heading = { "Kit contents, per kit", "محتويات الحقيبة أو الطقم، لكل واحد" };
  static const MkLabel        col_kit = { "Kit", "الحقيبة / الطقم" };
  static const MkLabel        col_contents = { "Contents", "المحتويات" };
  static const MkLabel *const header[] = { &col_kit, &col_description, &col_contents };
  GPtrArray                  *lines = mk_document_get_lines (document);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  MkPrintTable *table = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (lines, i);
      const char           *contents = mk_print_lookup_kit_contents (lookup, line->item_code);
      MkPrintRow           *row;

      if (contents == NULL || !g_hash_table_add (seen, line->item_code))
        continue;
      if (table == NULL)
        {
          table = mk_print_doc_add_table (doc, 3, 16.0, 26.0, 63.0);
          mk_print_table_set_title (table, doc, &heading);
          mk_print_table_set_header (table, doc, header);
        }
      row = mk_print_table_add_row (table);
      mk_print_row_add (row, line->item_code, MK_CELL_CODE);
      mk_print_row_add (row, mk_print_lookup_name (lookup, "item", line->item_code), MK_CELL_SMALL);
      mk_print_row_add (row, contents, MK_CELL_SMALL);
    }
}

static void
add_lines (MkPrintDoc    *doc,
           MkPrintLookup *lookup,
           MkDocument    *document)
{
  static const MkLabel        heading = { "Goods", "البضائع" };
  static const MkLabel *const header[] = { &col_no, &col_code, &col_description, &col_grant,
                                           &col_lot, &col_units, &col_unit, &col_unit_weight,
                                           &col_weight, &col_volume, &col_remarks };
  GPtrArray                  *lines = mk_document_get_lines (document);
  MkPrintTable               *table = mk_print_doc_add_table (doc, 11, 4.0, 12.0, 20.0, 13.0, 11.0, 7.0, 6.0,
                                                              7.0, 8.0, 8.0, 9.0);
  MkPrintRow                 *row;
  MkPrintCell                *cell;
  gint64                      total_units = 0, total_weight = 0, total_volume = 0;

  mk_print_table_set_title (table, doc, &heading);
  mk_print_table_set_header (table, doc, header);
  for (guint i = 0; i < lines->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (lines, i);
      MkRecord             *item = mk_print_lookup_record (lookup, "item", line->item_code);
      g_autofree char      *unit = item != NULL ? mk_record_get_text (item, "unit") : NULL;
      gint64                weight = item != NULL ? mk_record_get_int (item, "weight_kg") : 0;
      gint64                volume = item != NULL ? mk_record_get_int (item, "volume_m3") : 0;

      row = mk_print_table_add_row (table);
      mk_print_row_add_number (row, i + 1, MK_CELL_SMALL);
      mk_print_row_add (row, line->item_code, MK_CELL_CODE);
      mk_print_row_add (row, mk_print_lookup_name (lookup, "item", line->item_code), 0);
      mk_print_row_add (row, line->grant_code, MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_take (row, lot_text (line), MK_CELL_CODE | MK_CELL_SMALL);
      mk_print_row_add_number (row, line->quantity, 0);
      mk_print_row_add (row, mk_print_lookup_vocab (lookup, "units", unit), MK_CELL_SMALL);
      mk_print_row_take (row, mk_print_format_kg (weight), MK_CELL_NUMBER);
      mk_print_row_take (row, mk_print_format_kg (weight * line->quantity), MK_CELL_NUMBER);
      mk_print_row_take (row, mk_print_format_m3 (volume * line->quantity), MK_CELL_NUMBER);
      mk_print_row_add (row, line->remarks, MK_CELL_SMALL);
      total_units += line->quantity;
      total_weight += weight * line->quantity;
      total_volume += volume * line->quantity;
    }
  row = mk_print_table_add_row (table);
  cell = mk_print_row_take (row, mk_print_doc_label (doc, &totals), MK_CELL_TOTAL);
  cell->span = 5;
  mk_print_row_add_number (row, total_units, MK_CELL_TOTAL);
  mk_print_row_add (row, NULL, MK_CELL_TOTAL);
  mk_print_row_add (row, NULL, MK_CELL_TOTAL);
  mk_print_row_take (row, mk_print_format_kg (total_weight), MK_CELL_TOTAL | MK_CELL_NUMBER);
  mk_print_row_take (row, mk_print_format_m3 (total_volume), MK_CELL_TOTAL | MK_CELL_NUMBER);
  mk_print_row_add (row, NULL, MK_CELL_TOTAL);
}

static void
add_totals (MkPrintDoc *doc,
            MkDocument *document)
{
  static const MkLabel labels[] = {
    { "Total units", "إجمالي الوحدات" },
    { "Gross weight (kg)", "الوزن الإجمالي (كغ)" },
    { "Total volume (m³)", "الحجم الإجمالي (م³)" },
    { "Number of parcels", "عدد الطرود" },
  };
  static const MkCellFlags flags[] = { MK_CELL_NUMBER | MK_CELL_BOLD, MK_CELL_NUMBER | MK_CELL_BOLD,
                                       MK_CELL_NUMBER | MK_CELL_BOLD, MK_CELL_NUMBER | MK_CELL_BOLD };
  g_autofree char         *units = mk_print_format_count (mk_document_get_total_units (document));
  g_autofree char         *weight = mk_print_format_kg (mk_document_get_total_weight_g (document));
  g_autofree char         *volume = mk_print_format_m3 (mk_document_get_total_volume_cm3 (document));
  g_autofree char         *parcels = mk_print_document_field (document, "parcels");
  g_autofree char         *notes = mk_print_document_field (document, "notes");
  const char              *values[] = { units, weight, volume, parcels };
  MkPrintTable            *table;

  table = mk_print_doc_add_fields (doc, 4, labels, values, flags, G_N_ELEMENTS (labels));
  if (notes != NULL)
    {
      static const MkLabel notes_label = { "Notes", "ملاحظات" };
      MkPrintRow          *row = mk_print_table_add_row (table);

      mk_print_row_add_field (row, doc, &notes_label, notes, 0)->span = 4;
    }
}

static void
add_signatures (MkPrintDoc *doc)
{
  static const MkLabel parties[] = {
    { "Loaded by (dispatcher)", "حُمِّل بواسطة (المُرسِل)" },
    { "Transported by (driver)", "نُقِل بواسطة (السائق)" },
    { "Received by", "استُلِم بواسطة" },
  };

  mk_print_doc_add_signatures (doc, parties, G_N_ELEMENTS (parties), TRUE);
}

static void
add_reception (MkPrintDoc    *doc,
               MkPrintLookup *lookup,
               MkDocument    *document)
{
  static const MkLabel        heading = { "Reception — filled in at arrival; write any shortage or "
                                                 "damage here before the transporter’s copy goes back",
                                          "الاستلام — يُملأ عند الوصول؛ يُكتب النقص أو التلف هنا "
                                                 "قبل إعادة نسخة الناقل" };
  static const MkLabel *const header[] = { &col_no, &col_code, &col_description, &col_sent,
                                           &col_good, &col_damaged, &col_short, &col_comments };
  static const MkLabel        comments = { "Receiver’s comments", "تعليقات المستلِم" };
  GPtrArray                  *lines = mk_document_get_lines (document);
  MkPrintTable               *table = mk_print_doc_add_table (doc, 8, 4.0, 12.0, 28.0, 9.0, 9.0, 9.0, 9.0, 20.0);
  MkPrintRow                 *row;

  mk_print_table_set_title (table, doc, &heading);
  mk_print_table_set_header (table, doc, header);
  for (guint i = 0; i < lines->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (lines, i);

      row = mk_print_table_add_row (table);
      row->min_height = 16;
      mk_print_row_add_number (row, i + 1, MK_CELL_SMALL);
      mk_print_row_add (row, line->item_code, MK_CELL_CODE);
      mk_print_row_add (row, mk_print_lookup_name (lookup, "item", line->item_code), MK_CELL_SMALL);
      mk_print_row_add_number (row, line->quantity, 0);
      for (guint c = 0; c < 4; c++)
        mk_print_row_add (row, NULL, MK_CELL_BLANK);
    }
  table = mk_print_doc_add_table (doc, 1, 1.0);
  table->keep_together = TRUE;
  row = mk_print_table_add_row (table);
  row->min_height = 48;
  mk_print_row_add_field (row, doc, &comments, NULL, 0);
}

MkPrintDoc *
mk_print_waybill_build (MkPrintLookup *lookup,
                        MkDocument    *document,
                        GError       **error)
{
  MkPrintDoc *doc = mk_print_doc_new (MK_PRINT_WAYBILL, mk_print_lookup_is_arabic (lookup));

  mk_print_doc_set_title (doc, &title);
  doc->number = g_strdup (mk_document_get_number (document));
  doc->qr_text = g_strdup (doc->number);
  add_header (doc, lookup, document);
  add_transport (doc, document);
  add_lines (doc, lookup, document);
  add_totals (doc, document);
  add_kit_contents (doc, lookup, document);
  add_signatures (doc);
  add_reception (doc, lookup, document);
  return doc;
}
