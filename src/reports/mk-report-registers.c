/* mk-report-registers.c: the waybill register and the loss register.
 *
 * Read-only SQL over documents and document_lines (mk-documents),
 * movements, locations and lots (mk-ledger), and the master data. Cancelled
 * documents are left out, so that the totals are what moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-report-private.h"

static MkCell
text (const char *value)
{
  MkCell cell = { value, 0, FALSE };
  return cell;
}

static MkCell
number (gint64 value)
{
  MkCell cell = { NULL, value, FALSE };
  return cell;
}

static const char *
grant_label (const char *language,
             const char *grant_code)
{
  return grant_code != NULL ? grant_code : mk_report_text (language, N_ ("Unearmarked"));
}

gboolean
_mk_report_run_waybills (MkDatabase            *db,
                         const MkReportOptions *options,
                         MkRowFunc              func,
                         gpointer               data,
                         GError               **error)
{
  const char *language = options->language;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64   warehouse = 0, grant = 0;
  gboolean has_row;

  if (!_mk_report_find_id (db, "warehouse", options->warehouse_code, &warehouse, error) || !_mk_report_find_id (db, "grant", options->grant_code, &grant, error))
    return FALSE;

  /* The reception of each line: the good, short and damaged quantities of
   * the same item, lot and grant. */
  stmt = _mk_report_prepare (
      db,
      "SELECT d.number, d.date, fw.name_en, fw.name_ar,"
      "  tw.name_en, tw.name_ar, s.name_en, s.name_ar, coalesce (s.sensitive, 0), st.name_en, st.name_ar,"
      "  p.name_en, p.name_ar, coalesce (tw.baladiya, s.baladiya), b.name_en, b.name_ar,"
      "  d.transporter, d.vehicle, d.plate, d.driver, d.expected_date,"
      "  r.date, r.number, i.code, i.name_en, i.name_ar, " MK_REPORT_UNIT_SQL ", lot.number, g.code, l.quantity,"
      "  (SELECT sum (rl.quantity) FROM document_lines rl WHERE rl.document_id = r.id"
      "    AND rl.item_id = l.item_id AND rl.lot_id = l.lot_id AND rl.grant_id = l.grant_id),"
      "  (SELECT sum (rl.short) FROM document_lines rl WHERE rl.document_id = r.id"
      "    AND rl.item_id = l.item_id AND rl.lot_id = l.lot_id AND rl.grant_id = l.grant_id),"
      "  (SELECT sum (rl.damaged) FROM document_lines rl WHERE rl.document_id = r.id"
      "    AND rl.item_id = l.item_id AND rl.lot_id = l.lot_id AND rl.grant_id = l.grant_id),"
      "  i.weight_g, i.volume_cm3"
      " FROM documents d JOIN document_lines l ON l.document_id = d.id"
      " JOIN warehouses fw ON fw.id = d.warehouse_id"
      " LEFT JOIN warehouses tw ON tw.id = d.to_warehouse_id"
      " LEFT JOIN sites s ON s.id = d.to_site_id LEFT JOIN site_types st ON st.code = s.type"
      " LEFT JOIN partners p ON p.id = d.to_partner_id"
      " LEFT JOIN baladiyas b ON b.pcode = coalesce (tw.baladiya, s.baladiya)"
      " LEFT JOIN documents r ON r.kind = 'RCV' AND r.status = 'posted' AND r.reference_id = d.id"
      "  AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.kind = 'CAN' AND c.status = 'posted'"
      "  AND c.reference_id = r.id)"
      " JOIN items i ON i.id = l.item_id LEFT JOIN lots lot ON lot.id = l.lot_id"
      " LEFT JOIN grants g ON g.id = l.grant_id"
      " WHERE d.kind = 'WB' AND d.status = 'posted' AND d.date >= ?1 AND d.date <= ?2"
      " AND (?3 = 0 OR d.warehouse_id = ?3 OR d.to_warehouse_id = ?3) AND (?4 = 0 OR l.grant_id = ?4)"
      " AND" MK_REPORT_NOT_CANCELLED ("d") " ORDER BY d.date, d.number, l.line_no",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, options->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, options->to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, warehouse);
  sqlite3_bind_int64 (stmt, 4, grant);
  sqlite3_bind_int (stmt, 9, g_strcmp0 (language, "ar") == 0);

  while (TRUE)
    {
      g_autofree char *destination = NULL;
      gboolean         received;
      gint64           sent;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      if (_mk_report_column_text (stmt, 4) != NULL)
        destination = g_strdup (mk_report_pick_name (language, _mk_report_column_text (stmt, 4),
                                                     _mk_report_column_text (stmt, 5)));
      else if (_mk_report_column_text (stmt, 6) != NULL)
        destination = _mk_report_site_label (language, sqlite3_column_int (stmt, 8), _mk_report_column_text (stmt, 6),
                                             _mk_report_column_text (stmt, 7), _mk_report_column_text (stmt, 9),
                                             _mk_report_column_text (stmt, 10));
      else
        destination = g_strdup (mk_report_pick_name (language, _mk_report_column_text (stmt, 11),
                                                     _mk_report_column_text (stmt, 12)));
      received = _mk_report_column_text (stmt, 22) != NULL;
      sent = sqlite3_column_int64 (stmt, 29);
      {
        MkCell cells[] = {
          text (_mk_report_column_text (stmt, 0)),
          text (_mk_report_column_text (stmt, 1)),
          text (mk_report_pick_name (language, _mk_report_column_text (stmt, 2), _mk_report_column_text (stmt, 3))),
          text (destination),
          text (mk_report_pick_name (language, _mk_report_column_text (stmt, 14), _mk_report_column_text (stmt, 15))),
          text (_mk_report_column_text (stmt, 16)),
          text (_mk_report_column_text (stmt, 17)),
          text (_mk_report_column_text (stmt, 18)),
          text (_mk_report_column_text (stmt, 19)),
          text (_mk_report_column_text (stmt, 20)),
          text (received ? mk_report_text (language, N_ ("Received")) : mk_report_text (language, N_ ("In transit"))),
          text (_mk_report_column_text (stmt, 21)),
          text (_mk_report_column_text (stmt, 22)),
          text (_mk_report_column_text (stmt, 23)),
          text (mk_report_pick_name (language, _mk_report_column_text (stmt, 24), _mk_report_column_text (stmt, 25))),
          text (_mk_report_column_text (stmt, 26)),
          text (_mk_report_column_text (stmt, 27)),
          text (grant_label (language, _mk_report_column_text (stmt, 28))),
          number (sent),
          received ? number (sqlite3_column_int64 (stmt, 30)) : (MkCell){ NULL, 0, TRUE },
          received ? number (sqlite3_column_int64 (stmt, 31)) : (MkCell){ NULL, 0, TRUE },
          received ? number (sqlite3_column_int64 (stmt, 32)) : (MkCell){ NULL, 0, TRUE },
          number (sent * sqlite3_column_int64 (stmt, 33)),
          number (sent * sqlite3_column_int64 (stmt, 34)),
        };
        if (!func (cells, data, error))
          return FALSE;
      }
    }
  return TRUE;
}

gboolean
_mk_report_run_losses (MkDatabase            *db,
                       const MkReportOptions *options,
                       MkRowFunc              func,
                       gpointer               data,
                       GError               **error)
{
  const char *language = options->language;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64   warehouse = 0, grant = 0;
  gboolean has_row;

  if (!_mk_report_find_id (db, "warehouse", options->warehouse_code, &warehouse, error) || !_mk_report_find_id (db, "grant", options->grant_code, &grant, error))
    return FALSE;

  /* Where: a warehouse (or its quarantine), a waybill on the road (then
   * the warehouse it left), a site (never named when sensitive). */
  stmt = _mk_report_prepare (
      db,
      "SELECT m.date, d.number, w.name_en, w.name_ar, wb.number, s.name_en, s.name_ar,"
      "  coalesce (s.sensitive, 0), st.name_en, st.name_ar, r.name_en, r.name_ar,"
      "  i.code, i.name_en, i.name_ar, " MK_REPORT_UNIT_SQL ", lot.number, lot.expiry_date, g.code,"
      "  -sum (m.quantity), i.weight_g, i.volume_cm3"
      " FROM movements m JOIN documents d ON d.id = m.document_id"
      " JOIN locations l ON l.id = m.location_id"
      " LEFT JOIN documents wb ON wb.id = l.waybill_id"
      " LEFT JOIN warehouses w ON w.id = coalesce (l.warehouse_id, wb.warehouse_id)"
      " LEFT JOIN sites s ON s.id = l.site_id LEFT JOIN site_types st ON st.code = s.type"
      " LEFT JOIN adjustment_reasons r ON r.code IN (substr (m.category, 6), m.category)"
      " JOIN items i ON i.id = m.item_id LEFT JOIN lots lot ON lot.id = m.lot_id"
      " LEFT JOIN grants g ON g.id = m.grant_id"
      " WHERE m.category LIKE 'loss\\_%' ESCAPE '\\' AND m.date >= ?1 AND m.date <= ?2"
      " AND (?3 = 0 OR w.id = ?3) AND (?4 = 0 OR m.grant_id = ?4)"
      " AND" MK_REPORT_NOT_CANCELLED ("d") " GROUP BY m.document_id, m.location_id, m.item_id, m.lot_id, m.grant_id, m.category"
                                           " ORDER BY m.date, d.number, i.code",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, options->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, options->to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, warehouse);
  sqlite3_bind_int64 (stmt, 4, grant);
  sqlite3_bind_int (stmt, 9, g_strcmp0 (language, "ar") == 0);

  while (TRUE)
    {
      g_autofree char *where = NULL;
      gint64           quantity;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      if (_mk_report_column_text (stmt, 5) != NULL)
        where = _mk_report_site_label (language, sqlite3_column_int (stmt, 7), _mk_report_column_text (stmt, 5),
                                       _mk_report_column_text (stmt, 6), _mk_report_column_text (stmt, 8),
                                       _mk_report_column_text (stmt, 9));
      else if (_mk_report_column_text (stmt, 4) != NULL)
        {
          g_autofree char *on_road = _mk_report_format (
              /* Translators: where a loss happened; %s is a waybill's number. */
              mk_report_text (language, N_ ("In transit on %s")), _mk_report_column_text (stmt, 4));
          where = g_strdup (on_road);
        }
      else
        where = g_strdup (mk_report_pick_name (language, _mk_report_column_text (stmt, 2),
                                               _mk_report_column_text (stmt, 3)));
      quantity = sqlite3_column_int64 (stmt, 19);
      {
        MkCell cells[] = {
          text (_mk_report_column_text (stmt, 0)),
          text (_mk_report_column_text (stmt, 1)),
          text (where),
          text (mk_report_pick_name (language, _mk_report_column_text (stmt, 10), _mk_report_column_text (stmt, 11))),
          text (_mk_report_column_text (stmt, 12)),
          text (mk_report_pick_name (language, _mk_report_column_text (stmt, 13), _mk_report_column_text (stmt, 14))),
          text (_mk_report_column_text (stmt, 15)),
          text (_mk_report_column_text (stmt, 16)),
          text (_mk_report_column_text (stmt, 17)),
          text (grant_label (language, _mk_report_column_text (stmt, 18))),
          number (quantity),
          number (quantity * sqlite3_column_int64 (stmt, 20)),
          number (quantity * sqlite3_column_int64 (stmt, 21)),
        };
        if (!func (cells, data, error))
          return FALSE;
      }
    }
  return TRUE;
}
