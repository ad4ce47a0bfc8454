/* mk-posting.c: what each kind of document does to stock.
 *
 * A planner checks a document's lines against the catalogue and the stock,
 * fills in what posting decides (lots first-expiry-first-out, the count's
 * book quantities, the kit's components) and lists the movements. Nothing
 * is written here: mk-documents.c applies the plan in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-posting"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-document-private.h"
#include "mk-distributions-private.h"
#include "mk-documents.h"
#include "mk-posting-private.h"
#include "mk-record-private.h"
#include "mk-text.h"

void
_mk_posting_item_info_clear (ItemInfo *info)
{
  g_clear_pointer (&info->code, g_free);
}

/* Messages --------------------------------------------------------------- */

static char *
describe (MkPosting *posting)
{
  const char *label = mk_document_kind_get_label (mk_document_get_kind (posting->document));
  /* Translators: a document not yet posted: “Waybill (draft)”. */
  return g_strdup_printf (C_ ("document", "%s (draft)"), label);
}

gboolean
_mk_posting_fail (MkPosting  *posting,
                  GError    **error,
                  gint        code,
                  const char *format,
                  ...)
{
  g_autofree char *what = describe (posting);
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, MK_DOCUMENTS_ERROR, code, "%s: %s", what, message);
  return FALSE;
}

gboolean
_mk_posting_fail_line (MkPosting  *posting,
                       GError    **error,
                       gint        code,
                       guint       line_no,
                       const char *format,
                       ...)
{
  g_autofree char *what = describe (posting);
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _mk_document_set_invalid_line (posting->document, line_no);
  /* Translators: “Waybill (draft), line 3: …”. */
  g_set_error (error, MK_DOCUMENTS_ERROR, code, _ ("%s, line %u: %s"), what, line_no, message);
  return FALSE;
}

char *
_mk_posting_iso_number (gint64 value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  return mk_text_isolate_ltr (text);
}

/* Lookups ---------------------------------------------------------------- */

gboolean
_mk_posting_item_info (MkPosting *posting,
                       gint64     item_id,
                       ItemInfo  *info,
                       GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;

  if (_mk_ledger_in_bulk (posting->db))
    {
      const MkItemFacts *facts;

      if (!_mk_posting_item_facts (posting->db, item_id, &facts, error))
        return FALSE;
      if (facts == NULL)
        return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID, _ ("an item of the document no longer exists."));
      info->code = g_strdup (facts->code_isolated);
      info->tracks_lots = facts->tracks_lots;
      info->is_kit = facts->is_kit;
      info->active = facts->active;
      return TRUE;
    }
  stmt = _mk_database_statement (
      posting->db, "SELECT code, tracks_lots, is_kit, active FROM items WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!_mk_database_step (posting->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID, _ ("an item of the document no longer exists."));
  info->code = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 0));
  info->tracks_lots = sqlite3_column_int (stmt, 1);
  info->is_kit = sqlite3_column_int (stmt, 2);
  info->active = sqlite3_column_int (stmt, 3);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
warehouse_active (MkPosting *posting,
                  gint64     warehouse_id,
                  char     **code,
                  gboolean  *active,
                  GError   **error)
{
  sqlite3_stmt *stmt = _mk_database_statement (
      posting->db, "SELECT code, active FROM warehouses WHERE id = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, warehouse_id);
  if (!_mk_database_step (posting->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID, _ ("the warehouse no longer exists."));
  *code = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 0));
  *active = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_mk_posting_require_active_warehouse (MkPosting *posting,
                                      gint64     warehouse_id,
                                      GError   **error)
{
  g_autofree char *code = NULL;
  gboolean         active = FALSE;

  if (!warehouse_active (posting, warehouse_id, &code, &active, error))
    return FALSE;
  if (!active)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                             _ ("warehouse %s is inactive; make it active again before it holds stock."), code);
  return TRUE;
}

gboolean
_mk_posting_location (MkPosting     *posting,
                      MkLocationKind kind,
                      gint64         owner,
                      gint64        *location_id,
                      GError       **error)
{
  return _mk_ledger_location (posting->db, kind, owner, TRUE, location_id, error);
}

void
_mk_posting_add_movement (MkPosting  *posting,
                          gint64      location_id,
                          gint64      item_id,
                          gint64      lot_id,
                          gint64      grant_id,
                          gint64      quantity,
                          const char *category)
{
  MkMovement movement = { location_id, item_id, lot_id, grant_id, quantity, category };

  if (quantity != 0)
    g_array_append_val (posting->movements, movement);
}

gboolean
_mk_posting_check_quantity (MkPosting  *posting,
                            guint       line_no,
                            const char *what,
                            gint64      quantity,
                            gint64      min,
                            GError    **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *max = NULL;
  g_autofree char *low = NULL;

  if (quantity >= min && quantity <= MK_QUANTITY_MAX)
    return TRUE;

  shown = _mk_posting_iso_number (quantity);
  max = _mk_posting_iso_number (MK_QUANTITY_MAX);
  low = _mk_posting_iso_number (min);
  /* Translators: “the quantity 0 must be from 1 to 9007199254740992”; the
   * first %s names the quantity (“the quantity”, “the damaged quantity”). */
  return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                _ ("%s %s must be from %s to %s."), _ (what), shown, low, max);
}

/* The lot of a line that brings stock in: found or created, with its expiry
 * checked against the document's date. */
gboolean
_mk_posting_incoming_lot (MkPosting      *posting,
                          guint           line_no,
                          const ItemInfo *item,
                          MkDocumentLine *line,
                          GError        **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!item->tracks_lots)
    {
      if (line->lot_number != NULL)
        return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                      _ ("item %s does not track lots; leave the lot empty."), item->code);
      line->lot_id = 0;
      return TRUE;
    }
  if (line->lot_number == NULL)
    return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                  _ ("item %s tracks lots; give the lot number and its expiry date."), item->code);
  if (line->expiry_date != NULL && strcmp (line->expiry_date, posting->date) < 0)
    {
      g_autofree char *expiry = mk_text_isolate_ltr (line->expiry_date);
      g_autofree char *date = mk_text_isolate_ltr (posting->date);
      return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                    _ ("the expiry date %s is before the date of the document, %s."), expiry, date);
    }
  if (!_mk_ledger_ensure_lot (posting->db, line->item_id, line->lot_number, line->expiry_date,
                              &line->lot_id, &local_error))
    return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no, "%s", local_error->message);
  return TRUE;
}

/* A lot named on a line that takes stock out must be a lot of its item. */
gboolean
_mk_posting_named_lot (MkPosting      *posting,
                       guint           line_no,
                       const ItemInfo *item,
                       MkDocumentLine *line,
                       gint64         *lot_id,
                       GError        **error)
{
  *lot_id = -1;
  if (line->lot_number == NULL)
    return TRUE;
  if (!_mk_ledger_find_lot (posting->db, line->item_id, line->lot_number, lot_id, NULL, error))
    return FALSE;
  if (*lot_id == 0)
    {
      g_autofree char *lot = mk_text_isolate_ltr (line->lot_number);
      return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                    _ ("item %s has no lot %s."), item->code, lot);
    }
  return TRUE;
}

/* Taking stock out ------------------------------------------------------- */

/* Takes @quantity of @item_id from @location_id, from lot @lot_id (-1: first
 * expiry first out, leaving out lots expired before @not_expired_on when
 * it is not NULL) and grant @grant_id (-1: any). Refuses, naming item, lot,
 * place and shortfall, when there is not enough. */
GArray *
_mk_posting_allocate (MkPosting      *posting,
                      guint           line_no,
                      const ItemInfo *item,
                      gint64          location_id,
                      gint64          item_id,
                      gint64          lot_id,
                      gint64          grant_id,
                      gint64          quantity,
                      const char     *not_expired_on,
                      GError        **error)
{
  g_autoptr (GArray) chunks = g_array_new (FALSE, TRUE, sizeof (Chunk));
  g_autoptr (GArray) stock = _mk_ledger_stock_by_lot (posting->db, location_id, item_id, grant_id,
                                                      lot_id >= 0 ? NULL : not_expired_on, error);
  gint64 remaining = quantity;

  if (stock == NULL)
    return NULL;
  for (guint i = 0; i < stock->len && remaining > 0; i++)
    {
      const MkLotStock *entry = &g_array_index (stock, MkLotStock, i);
      Chunk             chunk = { entry->lot_id, entry->grant_id, MIN (entry->quantity, remaining), "" };

      if (lot_id >= 0 && entry->lot_id != lot_id)
        continue;
      g_strlcpy (chunk.expiry, entry->expiry, sizeof chunk.expiry);
      g_array_append_val (chunks, chunk);
      remaining -= chunk.quantity;
    }

  if (remaining > 0)
    {
      g_autofree char *place = _mk_ledger_describe_location (posting->db, location_id);
      g_autofree char *what = _mk_ledger_describe_stock (posting->db, item_id, lot_id, grant_id);
      g_autofree char *have = _mk_posting_iso_number (quantity - remaining);
      g_autofree char *need = _mk_posting_iso_number (quantity);
      g_autofree char *missing = _mk_posting_iso_number (remaining);
      /* Translators: “Not enough HK-FAM in BEN-MAIN: 40 in stock, 60 needed,
       * 20 short.” */
      _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_SHORT, line_no,
                             _ ("Not enough %s in %s: %s in stock, %s needed, %s short."), what, place,
                             have, need, missing);
      return NULL;
    }
  return g_steal_pointer (&chunks);
}

MkDocumentLine *
_mk_posting_line_for_chunk (const MkDocumentLine *model,
                            const Chunk          *chunk,
                            gint64                quantity)
{
  MkDocumentLine *line = mk_document_line_copy (model);

  line->lot_id = chunk->lot_id;
  line->grant_id = chunk->grant_id;
  line->quantity = quantity;
  g_clear_pointer (&line->lot_number, g_free);
  g_clear_pointer (&line->expiry_date, g_free);
  g_clear_pointer (&line->grant_code, g_free);
  return line;
}

void
_mk_posting_replace_lines (MkPosting *posting,
                           GPtrArray *lines)
{
  g_ptr_array_set_size (posting->lines, 0);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (posting->lines, g_ptr_array_index (lines, i));
  g_ptr_array_set_free_func (lines, NULL);
}

gboolean
_mk_posting_require_lines (MkPosting *posting,
                           GError   **error)
{
  if (posting->lines->len == 0)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID, _ ("the document has no lines."));
  return TRUE;
}

gboolean
_mk_posting_require_usable_item (MkPosting      *posting,
                                 guint           line_no,
                                 const ItemInfo *item,
                                 GError        **error)
{
  if (!item->active)
    return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                  _ ("item %s is inactive; make it active again to move it."), item->code);
  return TRUE;
}

/* Goods received --------------------------------------------------------- */

static gboolean
plan_grn (MkPosting *posting,
          GError   **error)
{
  MkRecord   *header = mk_document_get_header (posting->document);
  const char *source = mk_record_get_string (header, "source");
  gboolean    quarantine = g_strcmp0 (mk_record_get_string (header, "damaged_handling"), "quarantine") == 0;
  /* An opening balance is stock found on hand when the office starts:
   * the monthly report counts it with the adjustments. */
  const char *category = g_str_equal (source, "donation") ? "received_donation"
                         : g_str_equal (source, "return") ? "received_return"
                         : g_str_equal (source, "opening") ? "opening_balance"
                                                           : "received_purchase";
  gint64      stock_location, quarantine_location = 0, site_location = 0;
  gint64      from_site = mk_record_is_set (header, "from_site") ? mk_record_get_int (header, "from_site") : 0;

  /* Goods returned from a site's stock leave it, lot by lot. */
  if (from_site != 0)
    {
      if (!g_str_equal (source, "return"))
        return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                                 _ ("goods from a site come back as a return; set the source to return."));
      if (!_mk_posting_location (posting, MK_LOCATION_SITE, from_site, &site_location, error))
        return FALSE;
    }

  if (!_mk_posting_require_lines (posting, error) || !_mk_posting_require_active_warehouse (posting, posting->warehouse_id, error) || !_mk_posting_location (posting, MK_LOCATION_WAREHOUSE, posting->warehouse_id, &stock_location, error) || (quarantine && !_mk_posting_location (posting, MK_LOCATION_QUARANTINE, posting->warehouse_id, &quarantine_location, error)))
    return FALSE;

  for (guint i = 0; i < posting->lines->len; i++)
    {
      MkDocumentLine *line = g_ptr_array_index (posting->lines, i);
      g_auto (ItemInfo) item = { 0 };
      guint line_no = i + 1;

      if (!_mk_posting_item_info (posting, line->item_id, &item, error) || !_mk_posting_require_usable_item (posting, line_no, &item, error) || !_mk_posting_check_quantity (posting, line_no, N_ ("the good quantity"), line->quantity, 0, error) || !_mk_posting_check_quantity (posting, line_no, N_ ("the damaged quantity"), line->damaged, 0, error) || !_mk_posting_check_quantity (posting, line_no, N_ ("the short quantity"), line->short_quantity, 0, error))
        return FALSE;
      if (line->quantity + line->damaged + line->short_quantity == 0)
        return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                      _ ("the line receives nothing: give the good, damaged or short quantity."));
      if (site_location != 0)
        {
          g_autoptr (GArray) chunks = NULL;
          gint64 lot_id;

          if (!_mk_posting_named_lot (posting, line_no, &item, line, &lot_id, error))
            return FALSE;
          chunks = _mk_posting_allocate (posting, line_no, &item, site_location, line->item_id, lot_id,
                                         line->grant_id, line->quantity + line->damaged, NULL, error);
          if (chunks == NULL)
            return FALSE;
          for (guint c = 0; c < chunks->len; c++)
            {
              const Chunk *chunk = &g_array_index (chunks, Chunk, c);
              _mk_posting_add_movement (posting, site_location, line->item_id, chunk->lot_id,
                                        chunk->grant_id, -chunk->quantity, "returned");
            }
          /* Back in the warehouse under the first lot taken. */
          line->lot_id = chunks->len ? g_array_index (chunks, Chunk, 0).lot_id : 0;
          for (guint c = 1; c < chunks->len; c++)
            if (g_array_index (chunks, Chunk, c).lot_id != line->lot_id)
              return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                            _ ("the site holds this item in several lots; give one line per lot."));
        }
      else if (line->quantity + line->damaged > 0 && !_mk_posting_incoming_lot (posting, line_no, &item, line, error))
        return FALSE;

      _mk_posting_add_movement (posting, stock_location, line->item_id, line->lot_id, line->grant_id,
                                line->quantity, category);
      if (quarantine)
        _mk_posting_add_movement (posting, quarantine_location, line->item_id, line->lot_id, line->grant_id,
                                  line->damaged, "quarantined");
      else if (line->damaged > 0)
        {
          /* Received and written off at once: the report shows both. */
          _mk_posting_add_movement (posting, stock_location, line->item_id, line->lot_id, line->grant_id,
                                    line->damaged, category);
          _mk_posting_add_movement (posting, stock_location, line->item_id, line->lot_id, line->grant_id,
                                    -line->damaged, "loss_damaged");
        }
    }
  return TRUE;
}

/* Waybills --------------------------------------------------------------- */

static gboolean
plan_waybill (MkPosting *posting,
              GError   **error)
{
  MkRecord *header = mk_document_get_header (posting->document);
  gboolean  to_warehouse = mk_record_is_set (header, "to_warehouse");
  gboolean  to_site = mk_record_is_set (header, "to_site");
  gboolean  to_partner = mk_record_is_set (header, "to_partner");
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);
  gint64 origin, transit;

  if (to_warehouse + to_site + to_partner != 1)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                             _ ("give exactly one destination: a warehouse, a site or a partner."));
  if (to_warehouse)
    {
      if (mk_record_get_int (header, "to_warehouse") == posting->warehouse_id)
        {
          g_autofree char *code = mk_text_isolate_ltr (mk_record_get_string (header, "warehouse"));
          return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                                   _ ("the waybill goes to the warehouse it leaves from, %s; choose another destination."),
                                   code);
        }
      if (!_mk_posting_require_active_warehouse (posting, mk_record_get_int (header, "to_warehouse"), error))
        return FALSE;
    }
  {
    const char *expected = mk_record_get_string (header, "expected_date");
    if (expected != NULL && strcmp (expected, posting->date) < 0)
      {
        g_autofree char *expected_iso = mk_text_isolate_ltr (expected);
        return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                                 _ ("the expected arrival, %s, is before the waybill leaves."), expected_iso);
      }
  }

  if (!_mk_posting_require_lines (posting, error) || !_mk_posting_require_active_warehouse (posting, posting->warehouse_id, error) || !_mk_posting_location (posting, MK_LOCATION_WAREHOUSE, posting->warehouse_id, &origin, error) || !_mk_posting_location (posting, MK_LOCATION_TRANSIT, posting->document_id, &transit, error))
    return FALSE;

  for (guint i = 0; i < posting->lines->len; i++)
    {
      MkDocumentLine *line = g_ptr_array_index (posting->lines, i);
      g_auto (ItemInfo) item = { 0 };
      g_autoptr (GArray) chunks = NULL;
      guint  line_no = i + 1;
      gint64 lot_id;

      if (!_mk_posting_item_info (posting, line->item_id, &item, error) || !_mk_posting_require_usable_item (posting, line_no, &item, error) || !_mk_posting_check_quantity (posting, line_no, N_ ("the quantity"), line->quantity, 1, error) || !_mk_posting_named_lot (posting, line_no, &item, line, &lot_id, error))
        return FALSE;
      /* Expired lots are never suggested for a dispatch. */
      chunks = _mk_posting_allocate (posting, line_no, &item, origin, line->item_id, lot_id, line->grant_id,
                                     line->quantity, posting->date, error);
      if (chunks == NULL)
        return FALSE;
      for (guint c = 0; c < chunks->len; c++)
        {
          const Chunk *chunk = &g_array_index (chunks, Chunk, c);
          _mk_posting_add_movement (posting, origin, line->item_id, chunk->lot_id, chunk->grant_id,
                                    -chunk->quantity, "dispatched");
          _mk_posting_add_movement (posting, transit, line->item_id, chunk->lot_id, chunk->grant_id,
                                    chunk->quantity, "in_transit");
          g_ptr_array_add (lines, _mk_posting_line_for_chunk (line, chunk, chunk->quantity));
        }
    }
  _mk_posting_replace_lines (posting, lines);
  return TRUE;
}

/* Receptions ------------------------------------------------------------- */

static gboolean
plan_reception (MkPosting *posting,
                GError   **error)
{
  MkRecord *header = mk_document_get_header (posting->document);
  gboolean  quarantine = g_strcmp0 (mk_record_get_string (header, "damaged_handling"), "quarantine") == 0;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);
  g_autofree char *waybill_number = NULL;
  g_autofree char *waybill_kind = NULL;
  g_autofree char *waybill_date = NULL;
  gint64           to_warehouse = 0, to_site = 0, to_partner = 0;
  gint64           transit, destination, quarantine_location = 0;
  gint64           total = 0;
  sqlite3_stmt    *stmt;
  gboolean         has_row;

  stmt = _mk_database_statement (
      posting->db,
      "SELECT number, kind, date, to_warehouse_id, to_site_id, to_partner_id FROM documents WHERE id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, posting->reference_id);
  if (!_mk_database_step (posting->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_NOT_FOUND, _ ("the waybill no longer exists."));
  waybill_number = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 0));
  waybill_kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  waybill_date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  to_warehouse = sqlite3_column_int64 (stmt, 3);
  to_site = sqlite3_column_int64 (stmt, 4);
  to_partner = sqlite3_column_int64 (stmt, 5);
  sqlite3_reset (stmt);

  if (!g_str_equal (waybill_kind, "WB"))
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID, _ ("%s is not a waybill."), waybill_number);
  if (strcmp (posting->date, waybill_date) < 0)
    {
      g_autofree char *left = mk_text_isolate_ltr (waybill_date);
      return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                               _ ("the goods cannot arrive before waybill %s left, on %s."), waybill_number, left);
    }

  /* The destination: the reception's warehouse, else the waybill's. */
  if (posting->warehouse_id != 0)
    {
      if (!_mk_posting_require_active_warehouse (posting, posting->warehouse_id, error) || !_mk_posting_location (posting, MK_LOCATION_WAREHOUSE, posting->warehouse_id, &destination, error))
        return FALSE;
      if (quarantine && !_mk_posting_location (posting, MK_LOCATION_QUARANTINE, posting->warehouse_id,
                                               &quarantine_location, error))
        return FALSE;
    }
  else if (to_warehouse != 0)
    {
      g_autofree char *code = NULL;
      gint             index = mk_kind_field_index (mk_record_get_kind (header), "warehouse");
      sqlite3_stmt    *code_stmt = _mk_database_statement (
             posting->db, "SELECT code FROM warehouses WHERE id = ?1", error);

      /* The reception records where the goods went. */
      if (code_stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (code_stmt, 1, to_warehouse);
      if (!_mk_database_step (posting->db, code_stmt, &has_row, error))
        return FALSE;
      if (has_row)
        {
          code = g_strdup ((const char *) sqlite3_column_text (code_stmt, 0));
          sqlite3_reset (code_stmt);
        }
      _mk_record_load_ref (header, index, to_warehouse, code);
      posting->warehouse_id = to_warehouse;
      posting->header_changed = TRUE;
      if (!_mk_posting_require_active_warehouse (posting, to_warehouse, error) || !_mk_posting_location (posting, MK_LOCATION_WAREHOUSE, to_warehouse, &destination, error))
        return FALSE;
      if (quarantine && !_mk_posting_location (posting, MK_LOCATION_QUARANTINE, to_warehouse,
                                               &quarantine_location, error))
        return FALSE;
    }
  else if (!_mk_posting_location (posting, to_site ? MK_LOCATION_SITE : MK_LOCATION_PARTNER,
                                  to_site ? to_site : to_partner, &destination, error))
    return FALSE;

  if (!_mk_ledger_location (posting->db, MK_LOCATION_TRANSIT, posting->reference_id, FALSE,
                            &transit, error))
    return FALSE;
  /* The queries below read the waybill's balances in their table, which
   * bulk posting writes late. */
  if (transit != 0 && _mk_ledger_in_bulk (posting->db) && !_mk_ledger_bulk_write_balances_at (posting->db, transit, error))
    return FALSE;
  if (transit != 0)
    {
      /* _mk_ledger_stock_by_lot reads one item: sum what the waybill
       * still carries over all of them. */
      sqlite3_stmt *sum = _mk_database_statement (
          posting->db, "SELECT coalesce (sum (quantity), 0) FROM balances WHERE location_id = ?1", error);
      if (sum == NULL)
        return FALSE;
      sqlite3_bind_int64 (sum, 1, transit);
      if (!_mk_database_step (posting->db, sum, &has_row, error))
        return FALSE;
      total = sqlite3_column_int64 (sum, 0);
      sqlite3_reset (sum);
    }
  if (total == 0)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_RECEIVED,
                             _ ("waybill %s has been received in full already."), waybill_number);

  /* No lines: everything the waybill still carries arrived in good order. */
  if (posting->lines->len == 0)
    {
      stmt = _mk_database_statement (
          posting->db,
          "SELECT b.item_id, i.code, sum (b.quantity) FROM balances b JOIN items i ON i.id = b.item_id"
          " WHERE b.location_id = ?1 AND b.quantity > 0 GROUP BY b.item_id ORDER BY i.code",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, transit);
      while (TRUE)
        {
          MkDocumentLine *line;

          if (!_mk_database_step (posting->db, stmt, &has_row, error))
            return FALSE;
          if (!has_row)
            break;
          line = mk_document_line_new ((const char *) sqlite3_column_text (stmt, 1),
                                       sqlite3_column_int64 (stmt, 2));
          line->item_id = sqlite3_column_int64 (stmt, 0);
          line->grant_id = -1; /* whatever grants the waybill carries */
          g_ptr_array_add (posting->lines, line);
        }
    }

  for (guint i = 0; i < posting->lines->len; i++)
    {
      MkDocumentLine *line = g_ptr_array_index (posting->lines, i);
      g_auto (ItemInfo) item = { 0 };
      g_autoptr (GArray) chunks = NULL;
      g_autoptr (GError) local_error = NULL;
      guint                    line_no = i + 1;
      gint64                   parts[3], lot_id, count;
      static const char *const transit_categories[3] = { "delivered", "loss_damaged", "loss_in_transit" };

      if (!_mk_posting_item_info (posting, line->item_id, &item, error) || !_mk_posting_check_quantity (posting, line_no, N_ ("the good quantity"), line->quantity, 0, error) || !_mk_posting_check_quantity (posting, line_no, N_ ("the damaged quantity"), line->damaged, 0, error) || !_mk_posting_check_quantity (posting, line_no, N_ ("the short quantity"), line->short_quantity, 0, error) || !_mk_posting_named_lot (posting, line_no, &item, line, &lot_id, error))
        return FALSE;
      count = line->quantity + line->damaged + line->short_quantity;
      if (count == 0)
        return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                      _ ("the line receives nothing: give the good, damaged or short quantity."));

      /* A line without a grant receives from whatever grant the waybill carries. */
      chunks = _mk_posting_allocate (posting, line_no, &item, transit, line->item_id, lot_id,
                                     line->grant_code != NULL || line->grant_id > 0 ? line->grant_id : -1,
                                     count, NULL, &local_error);
      if (chunks == NULL)
        {
          gint64           carried = 0;
          g_autofree char *carried_iso = NULL;
          g_autofree char *count_iso = _mk_posting_iso_number (count);

          _mk_ledger_quantity (posting->db, transit, line->item_id, lot_id, -1, &carried, NULL);
          carried_iso = _mk_posting_iso_number (carried);
          return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_RECEIVED, line_no,
                                        _ ("waybill %s still carries %s of %s, but the line receives %s."),
                                        waybill_number, carried_iso, item.code, count_iso);
        }

      /* Good first, then damaged, then short, across the lots. */
      parts[0] = line->quantity;
      parts[1] = line->damaged;
      parts[2] = line->short_quantity;
      for (guint c = 0, part = 0; c < chunks->len; c++)
        {
          Chunk          *chunk = &g_array_index (chunks, Chunk, c);
          MkDocumentLine *out = _mk_posting_line_for_chunk (line, chunk, 0);

          out->damaged = 0;
          out->short_quantity = 0;
          while (chunk->quantity > 0 && part < 3)
            {
              gint64 take = MIN (chunk->quantity, parts[part]);

              if (take > 0)
                {
                  gboolean kept = part == 0 || (part == 1 && quarantine_location != 0);
                  _mk_posting_add_movement (posting, transit, line->item_id, chunk->lot_id, chunk->grant_id,
                                            -take, kept ? "delivered" : transit_categories[part]);
                  if (part == 0)
                    {
                      _mk_posting_add_movement (posting, destination, line->item_id, chunk->lot_id,
                                                chunk->grant_id, take, "received_transfer");
                      out->quantity += take;
                    }
                  else if (part == 1)
                    {
                      if (quarantine_location != 0)
                        _mk_posting_add_movement (posting, quarantine_location, line->item_id, chunk->lot_id,
                                                  chunk->grant_id, take, "quarantined");
                      out->damaged += take;
                    }
                  else
                    out->short_quantity += take;
                  chunk->quantity -= take;
                  parts[part] -= take;
                }
              if (parts[part] == 0)
                part++;
            }
          g_ptr_array_add (lines, out);
        }
    }
  _mk_posting_replace_lines (posting, lines);
  return TRUE;
}

/* Kitting ---------------------------------------------------------------- */

typedef struct
{
  gint64 item_id;
  gint64 quantity;
} Component;

static GArray *
bill_of_materials (MkPosting *posting,
                   gint64     kit_id,
                   GError   **error)
{
  g_autoptr (GArray) bill = g_array_new (FALSE, TRUE, sizeof (Component));
  sqlite3_stmt *stmt = _mk_database_statement (
      posting->db,
      "SELECT kc.component_id, kc.quantity FROM kit_components kc JOIN items i ON i.id = kc.component_id"
      " WHERE kc.kit_id = ?1 ORDER BY i.code",
      error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, kit_id);
  while (TRUE)
    {
      Component component;

      if (!_mk_database_step (posting->db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      component.item_id = sqlite3_column_int64 (stmt, 0);
      component.quantity = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (bill, component);
    }
  return g_steal_pointer (&bill);
}

static gboolean
kit_and_bill (MkPosting *posting,
              ItemInfo  *kit,
              GArray   **bill,
              GError   **error)
{
  gint64 kit_id = mk_record_get_int (mk_document_get_header (posting->document), "kit");

  if (!_mk_posting_item_info (posting, kit_id, kit, error))
    return FALSE;
  if (!kit->is_kit)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID, _ ("item %s is not a kit."), kit->code);
  *bill = bill_of_materials (posting, kit_id, error);
  if (*bill == NULL)
    return FALSE;
  if ((*bill)->len == 0)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                             _ ("kit %s has no bill of materials; give it its components first."), kit->code);
  return TRUE;
}

static gboolean
plan_kitting (MkPosting *posting,
              GError   **error)
{
  MkRecord   *header = mk_document_get_header (posting->document);
  gint64      kits = mk_record_get_int (header, "kit_quantity");
  gint64      kit_id = mk_record_get_int (header, "kit");
  gint64      grant = mk_record_is_set (header, "grant") ? mk_record_get_int (header, "grant") : 0;
  const char *lot = mk_record_get_string (header, "lot");
  const char *expiry = mk_record_get_string (header, "expiry_date");
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);
  g_autoptr (GArray) bill = NULL;
  g_auto (ItemInfo) kit = { 0 };
  g_autofree char *earliest = NULL;
  MkDocumentLine  *produced;
  gint64           stock;

  if (!_mk_posting_require_active_warehouse (posting, posting->warehouse_id, error) || !_mk_posting_location (posting, MK_LOCATION_WAREHOUSE, posting->warehouse_id, &stock, error) || !kit_and_bill (posting, &kit, &bill, error))
    return FALSE;

  /* A kit made of components with lots expires with them, and dekitting
   * must give the components their lot back: such a kit tracks lots. */
  for (guint b = 0; b < bill->len && !kit.tracks_lots; b++)
    {
      g_auto (ItemInfo) item = { 0 };

      if (!_mk_posting_item_info (posting, g_array_index (bill, Component, b).item_id, &item, error))
        return FALSE;
      if (item.tracks_lots)
        return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                                 _ ("component %s tracks lots, so kit %s must track lots too; mark it in the catalogue."),
                                 item.code, kit.code);
    }

  for (guint b = 0; b < bill->len; b++)
    {
      const Component *component = &g_array_index (bill, Component, b);
      g_auto (ItemInfo) item = { 0 };
      g_autoptr (GArray) chunks = NULL;
      gint64 needed, lot_id = -1;

      if (__builtin_mul_overflow (component->quantity, kits, &needed) || needed > MK_QUANTITY_MAX)
        return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                                 _ ("the number of kits is too large."));
      if (!_mk_posting_item_info (posting, component->item_id, &item, error))
        return FALSE;
      /* A line naming a lot of this component takes it from that lot. */
      for (guint l = 0; l < posting->lines->len; l++)
        {
          MkDocumentLine *line = g_ptr_array_index (posting->lines, l);
          if (line->item_id == component->item_id && line->lot_number != NULL && !_mk_posting_named_lot (posting, l + 1, &item, line, &lot_id, error))
            return FALSE;
        }
      chunks = _mk_posting_allocate (posting, b + 1, &item, stock, component->item_id, lot_id, grant, needed,
                                     posting->date, error);
      if (chunks == NULL)
        return FALSE;
      for (guint c = 0; c < chunks->len; c++)
        {
          const Chunk    *chunk = &g_array_index (chunks, Chunk, c);
          MkDocumentLine *line = mk_document_line_new (NULL, -chunk->quantity);

          line->item_id = component->item_id;
          line->lot_id = chunk->lot_id;
          line->grant_id = chunk->grant_id;
          g_ptr_array_add (lines, line);
          _mk_posting_add_movement (posting, stock, component->item_id, chunk->lot_id, chunk->grant_id,
                                    -chunk->quantity, "kit_consumed");
          /* A kit expires with its first component to expire. */
          if (*chunk->expiry && (earliest == NULL || strcmp (chunk->expiry, earliest) < 0))
            {
              g_free (earliest);
              earliest = g_strdup (chunk->expiry);
            }
        }
    }

  produced = mk_document_line_new (NULL, kits);
  produced->item_id = kit_id;
  produced->grant_id = grant;
  /* Kits made together are one lot: named after the kitting when the
   * storekeeper gave none. */
  produced->lot_number = g_strdup (lot ? lot : kit.tracks_lots ? posting->number
                                                               : NULL);
  produced->expiry_date = g_strdup (expiry ? expiry : earliest);
  g_ptr_array_add (lines, produced);
  if (!_mk_posting_incoming_lot (posting, lines->len, &kit, produced, error))
    return FALSE;
  _mk_posting_add_movement (posting, stock, kit_id, produced->lot_id, grant, kits, "kit_produced");

  _mk_posting_replace_lines (posting, lines);
  return TRUE;
}

static gboolean
plan_dekitting (MkPosting *posting,
                GError   **error)
{
  MkRecord *header = mk_document_get_header (posting->document);
  gint64    kits = mk_record_get_int (header, "kit_quantity");
  gint64    kit_id = mk_record_get_int (header, "kit");
  gint64    grant = mk_record_is_set (header, "grant") ? mk_record_get_int (header, "grant") : 0;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);
  g_autoptr (GArray) bill = NULL;
  g_autoptr (GArray) chunks = NULL;
  g_auto (ItemInfo) kit = { 0 };
  gint64 stock;

  if (!_mk_posting_require_active_warehouse (posting, posting->warehouse_id, error) || !_mk_posting_location (posting, MK_LOCATION_WAREHOUSE, posting->warehouse_id, &stock, error) || !kit_and_bill (posting, &kit, &bill, error))
    return FALSE;

  chunks = _mk_posting_allocate (posting, 1, &kit, stock, kit_id, -1, grant, kits, NULL, error);
  if (chunks == NULL)
    return FALSE;

  for (guint c = 0; c < chunks->len; c++)
    {
      const Chunk     *chunk = &g_array_index (chunks, Chunk, c);
      MkDocumentLine  *line = mk_document_line_new (NULL, -chunk->quantity);
      g_autofree char *kit_lot = NULL;

      line->item_id = kit_id;
      line->lot_id = chunk->lot_id;
      line->grant_id = chunk->grant_id;
      g_ptr_array_add (lines, line);
      _mk_posting_add_movement (posting, stock, kit_id, chunk->lot_id, chunk->grant_id, -chunk->quantity,
                                "kit_consumed");

      if (chunk->lot_id != 0)
        {
          sqlite3_stmt *stmt = _mk_database_statement (posting->db, "SELECT number FROM lots WHERE id = ?1", error);
          gboolean      has_row;

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, chunk->lot_id);
          if (!_mk_database_step (posting->db, stmt, &has_row, error))
            return FALSE;
          if (has_row)
            {
              kit_lot = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
              sqlite3_reset (stmt);
            }
        }

      for (guint b = 0; b < bill->len; b++)
        {
          const Component *component = &g_array_index (bill, Component, b);
          g_auto (ItemInfo) item = { 0 };
          MkDocumentLine *out;
          gint64          quantity;

          if (__builtin_mul_overflow (component->quantity, chunk->quantity, &quantity) || quantity > MK_QUANTITY_MAX)
            return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID, _ ("the number of kits is too large."));
          if (!_mk_posting_item_info (posting, component->item_id, &item, error))
            return FALSE;
          out = mk_document_line_new (NULL, quantity);
          out->item_id = component->item_id;
          out->grant_id = chunk->grant_id;
          g_ptr_array_add (lines, out);
          /* Components that track lots come back under the kit's lot. */
          if (item.tracks_lots)
            {
              if (kit_lot == NULL)
                return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                                         _ ("component %s tracks lots but the kits have none to give it."),
                                         item.code);
              out->lot_number = g_strdup (kit_lot);
              out->expiry_date = *chunk->expiry ? g_strdup (chunk->expiry) : NULL;
              if (!_mk_ledger_ensure_lot (posting->db, out->item_id, out->lot_number, NULL,
                                          &out->lot_id, error))
                return FALSE;
            }
          _mk_posting_add_movement (posting, stock, out->item_id, out->lot_id, out->grant_id, quantity,
                                    "kit_produced");
        }
    }
  _mk_posting_replace_lines (posting, lines);
  return TRUE;
}

/* Counts ----------------------------------------------------------------- */

static gboolean
plan_count (MkPosting *posting,
            GError   **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 stock;

  if (!_mk_posting_require_lines (posting, error) || !_mk_posting_require_active_warehouse (posting, posting->warehouse_id, error) || !_mk_posting_location (posting, MK_LOCATION_WAREHOUSE, posting->warehouse_id, &stock, error))
    return FALSE;

  for (guint i = 0; i < posting->lines->len; i++)
    {
      MkDocumentLine *line = g_ptr_array_index (posting->lines, i);
      g_auto (ItemInfo) item = { 0 };
      g_autofree char *key = NULL;
      guint            line_no = i + 1;
      gint64           lot_id;

      if (!_mk_posting_item_info (posting, line->item_id, &item, error) || !_mk_posting_check_quantity (posting, line_no, N_ ("the counted quantity"), line->quantity, 0, error))
        return FALSE;
      if (item.tracks_lots && line->lot_number == NULL)
        return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                      _ ("item %s tracks lots; count each lot on its own line."), item.code);
      if (!item.tracks_lots && line->lot_number != NULL)
        return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                      _ ("item %s does not track lots; leave the lot empty."), item.code);
      if (line->lot_number != NULL)
        {
          if (!_mk_ledger_find_lot (posting->db, line->item_id, line->lot_number, &lot_id, NULL, error))
            return FALSE;
          /* A lot found on the shelf that the books never saw. */
          if (lot_id == 0 && !_mk_posting_incoming_lot (posting, line_no, &item, line, error))
            return FALSE;
          if (lot_id != 0)
            line->lot_id = lot_id;
        }
      key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                             line->item_id, line->lot_id, line->grant_id);
      if (g_hash_table_contains (seen, key))
        return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                      _ ("item %s is counted twice for the same lot and grant; give one line with the total."),
                                      item.code);
      g_hash_table_add (seen, g_steal_pointer (&key));

      if (!_mk_ledger_quantity (posting->db, stock, line->item_id, line->lot_id, line->grant_id,
                                &line->expected, error))
        return FALSE;
      _mk_posting_add_movement (posting, stock, line->item_id, line->lot_id, line->grant_id,
                                line->quantity - line->expected, "count");
    }
  return TRUE;
}

/* Adjustments and losses ------------------------------------------------- */

static const char *
adjustment_category (const char *reason)
{
  static const struct
  {
    const char *reason;
    const char *category;
  } categories[] = {
    { "damaged", "loss_damaged" },
    { "expired", "loss_expired" },
    { "lost", "loss_lost" },
    { "theft", "loss_theft" },
    { "loss_in_transit", "loss_in_transit" },
    { "found", "found" },
    { "count_difference", "adjustment" },
    { "ownership_transfer", "ownership" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (categories[i].reason, reason))
      return categories[i].category;
  return "adjustment";
}

static gboolean
reason_direction (MkPosting  *posting,
                  const char *reason,
                  gint       *direction,
                  GError    **error)
{
  sqlite3_stmt *stmt = _mk_database_statement (
      posting->db, "SELECT direction FROM adjustment_reasons WHERE code = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, reason, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (posting->db, stmt, &has_row, error))
    return FALSE;
  *direction = has_row ? sqlite3_column_int (stmt, 0) : 0;
  if (has_row)
    sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
plan_adjustment (MkPosting *posting,
                 GError   **error)
{
  MkRecord   *header = mk_document_get_header (posting->document);
  const char *reason = mk_record_get_string (header, "reason");
  const char *category = adjustment_category (reason);
  gboolean    ownership = g_str_equal (reason, "ownership_transfer");
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);
  gint   direction;
  gint64 stock;

  if (!_mk_posting_require_lines (posting, error) || !_mk_posting_require_active_warehouse (posting, posting->warehouse_id, error) || !_mk_posting_location (posting, MK_LOCATION_WAREHOUSE, posting->warehouse_id, &stock, error) || !reason_direction (posting, reason, &direction, error))
    return FALSE;

  for (guint i = 0; i < posting->lines->len; i++)
    {
      MkDocumentLine *line = g_ptr_array_index (posting->lines, i);
      g_auto (ItemInfo) item = { 0 };
      g_autoptr (GArray) chunks = NULL;
      guint  line_no = i + 1;
      gint64 lot_id;

      if (!_mk_posting_item_info (posting, line->item_id, &item, error))
        return FALSE;
      if (line->quantity == 0 || line->quantity < -MK_QUANTITY_MAX || line->quantity > MK_QUANTITY_MAX)
        {
          g_autofree char *shown = _mk_posting_iso_number (line->quantity);
          return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                        _ ("the quantity %s must not be zero and at most 9007199254740992 either way."),
                                        shown);
        }
      if (ownership)
        {
          if (line->quantity < 0)
            return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                          _ ("a transfer of ownership moves a positive quantity from one grant to another."));
          if (line->to_grant_id == 0 && (line->to_grant_code == NULL || *line->to_grant_code == '\0'))
            return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                          _ ("give the grant the stock goes to."));
          if (line->to_grant_id == line->grant_id)
            return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                          _ ("the stock already belongs to that grant."));
        }
      else if ((direction < 0 && line->quantity > 0) || (direction > 0 && line->quantity < 0))
        return _mk_posting_fail_line (posting, error, MK_DOCUMENTS_ERROR_INVALID, line_no,
                                      direction < 0 ? _ ("this reason takes stock out: give a negative quantity.")
                                                    : _ ("this reason brings stock in: give a positive quantity."));

      if (line->quantity > 0 && !ownership)
        {
          if (!_mk_posting_incoming_lot (posting, line_no, &item, line, error))
            return FALSE;
          _mk_posting_add_movement (posting, stock, line->item_id, line->lot_id, line->grant_id, line->quantity, category);
          g_ptr_array_add (lines, mk_document_line_copy (line));
          continue;
        }

      /* Taking out: the named lot, or first expiry first, expired lots
       * included — they are what losses usually are. */
      if (!_mk_posting_named_lot (posting, line_no, &item, line, &lot_id, error))
        return FALSE;
      chunks = _mk_posting_allocate (posting, line_no, &item, stock, line->item_id, lot_id, line->grant_id,
                                     ABS (line->quantity), NULL, error);
      if (chunks == NULL)
        return FALSE;
      for (guint c = 0; c < chunks->len; c++)
        {
          const Chunk *chunk = &g_array_index (chunks, Chunk, c);
          _mk_posting_add_movement (posting, stock, line->item_id, chunk->lot_id, chunk->grant_id,
                                    -chunk->quantity, category);
          if (ownership)
            _mk_posting_add_movement (posting, stock, line->item_id, chunk->lot_id, line->to_grant_id,
                                      chunk->quantity, category);
          g_ptr_array_add (lines, _mk_posting_line_for_chunk (line, chunk, ownership ? chunk->quantity : -chunk->quantity));
        }
    }
  _mk_posting_replace_lines (posting, lines);
  return TRUE;
}

/* Cancellations ---------------------------------------------------------- */

static gboolean
plan_cancellation (MkPosting *posting,
                   GError   **error)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);
  g_autoptr (GArray) reversed = NULL;
  g_autofree char *number = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *date = NULL;
  sqlite3_stmt    *stmt;
  gboolean         has_row;

  stmt = _mk_database_statement (
      posting->db,
      "SELECT d.number, d.kind, d.date,"
      " EXISTS (SELECT 1 FROM documents c WHERE c.kind = 'CAN' AND c.status = 'posted'"
      "   AND c.reference_id = d.id),"
      " EXISTS (SELECT 1 FROM documents r WHERE r.kind = 'RCV' AND r.status = 'posted'"
      "   AND r.reference_id = d.id AND NOT EXISTS (SELECT 1 FROM documents c"
      "   WHERE c.kind = 'CAN' AND c.status = 'posted' AND c.reference_id = r.id))"
      " FROM documents d WHERE d.id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, posting->reference_id);
  if (!_mk_database_step (posting->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_NOT_FOUND, _ ("the cancelled document no longer exists."));
  number = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 0));
  kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  if (sqlite3_column_int (stmt, 3))
    {
      sqlite3_reset (stmt);
      return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_CANCELLED,
                               _ ("document %s is cancelled already."), number);
    }
  if (sqlite3_column_int (stmt, 4))
    {
      sqlite3_reset (stmt);
      return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_RECEIVED,
                               _ ("waybill %s has been received; cancel its reception first."), number);
    }
  sqlite3_reset (stmt);

  if (g_str_equal (kind, "CAN"))
    return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_CANCELLED,
                             _ ("%s is a cancellation, which cannot be cancelled; post the document again instead."),
                             number);
  if (strcmp (posting->date, date) < 0)
    {
      g_autofree char *original = mk_text_isolate_ltr (date);
      return _mk_posting_fail (posting, error, MK_DOCUMENTS_ERROR_INVALID,
                               _ ("a cancellation cannot be dated before the document it cancels (%s)."), original);
    }

  reversed = _mk_ledger_document_movements (posting->db, posting->reference_id, error);
  if (reversed == NULL)
    return FALSE;
  for (guint i = 0; i < reversed->len; i++)
    {
      const MkMovement *movement = &g_array_index (reversed, MkMovement, i);
      MkDocumentLine   *line = mk_document_line_new (NULL, -movement->quantity);

      line->item_id = movement->item_id;
      line->lot_id = movement->lot_id;
      line->grant_id = movement->grant_id;
      g_ptr_array_add (lines, line);
      _mk_posting_add_movement (posting, movement->location_id, movement->item_id, movement->lot_id,
                                movement->grant_id, -movement->quantity, "cancellation");
    }
  _mk_posting_replace_lines (posting, lines);
  return TRUE;
}

gboolean
_mk_posting_plan (MkPosting *posting,
                  GError   **error)
{
  switch (mk_document_get_kind (posting->document))
    {
    case MK_DOCUMENT_GRN:
      return plan_grn (posting, error);
    case MK_DOCUMENT_WAYBILL:
      return plan_waybill (posting, error);
    case MK_DOCUMENT_RECEPTION:
      return plan_reception (posting, error);
    case MK_DOCUMENT_KITTING:
      return plan_kitting (posting, error);
    case MK_DOCUMENT_DEKITTING:
      return plan_dekitting (posting, error);
    case MK_DOCUMENT_COUNT:
      return plan_count (posting, error);
    case MK_DOCUMENT_ADJUSTMENT:
      return plan_adjustment (posting, error);
    case MK_DOCUMENT_CANCELLATION:
      return plan_cancellation (posting, error);
    case MK_DOCUMENT_DISTRIBUTION:
      return _mk_distributions_plan (posting, error);
    case MK_DOCUMENT_SERVICE:
      return _mk_services_plan (posting, error);
    case MK_DOCUMENT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}
