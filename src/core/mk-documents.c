/* mk-documents.c: storing, posting and cancelling stock documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-audit-private.h"
#include "mk-distributions-private.h"
#include "mk-document-private.h"
#include "mk-documents.h"
#include "mk-json.h"
#include "mk-master-data-private.h"
#include "mk-posting-private.h"
#include "mk-record-private.h"
#include "mk-text.h"

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-documents-error-quark, mk_documents_error)
/* clang-format on */

/* SQL per kind, built once from the header's fields ------------------------ */

typedef struct
{
  char *insert;
  char *insert_posted; /* bulk: the row written once, posted */
  char *update;
  char *select;
} KindSql;

static gboolean
is_reference_field (const MkField *field)
{
  return g_str_equal (field->column, "reference_id");
}

static const char *
ref_table (const MkField *field)
{
  return mk_kind_lookup (field->ref_kind)->table;
}

static KindSql *
build_kind_sql (MkDocumentKind kind)
{
  const MkKind *header = mk_document_kind_get_header (kind);
  KindSql      *sql = g_new0 (KindSql, 1);
  g_autoptr (GString) insert = g_string_new ("INSERT INTO documents (id, kind, created_at, created_by");
  g_autoptr (GString) values = g_string_new ("?1, ?2, ?3, ?4");
  g_autoptr (GString) update = g_string_new ("UPDATE documents SET kind = ?2");
  g_autoptr (GString) select = g_string_new ("SELECT d.id, d.status, d.number");

  /* Parameters ?5… follow the header's fields from 1 (0 is the number). */
  for (guint i = 1; i < header->n_fields; i++)
    {
      const MkField *field = &header->fields[i];

      g_string_append_printf (insert, ", %s", field->column);
      g_string_append_printf (values, ", ?%u", i + 4);
      g_string_append_printf (update, ", %s = ?%u", field->column, i + 4);
      if (is_reference_field (field))
        g_string_append (select, ", (SELECT r.number FROM documents r WHERE r.id = d.reference_id)");
      else if (field->type == MK_FIELD_REF)
        g_string_append_printf (select, ", (SELECT r.code FROM %s r WHERE r.id = d.%s)",
                                ref_table (field), field->column);
      else
        g_string_append_printf (select, ", d.%s", field->column);
    }
  /* Posted in bulk, the row is written once: the posting's columns follow
   * the header's parameters. */
  {
    guint next = header->n_fields + 4;
    sql->insert_posted = g_strdup_printf ("%s, status, number, year, sequence, posted_at, posted_by)"
                                          " VALUES (%s, 'posted', ?%u, ?%u, ?%u, ?3, ?4)",
                                          insert->str, values->str, next, next + 1, next + 2);
  }
  g_string_append_printf (insert, ") VALUES (%s)", values->str);
  g_string_append (update, " WHERE id = ?1 AND status = 'draft'");
  g_string_append (select, " FROM documents d WHERE d.id = ?1");

  sql->insert = g_string_free (g_steal_pointer (&insert), FALSE);
  sql->update = g_string_free (g_steal_pointer (&update), FALSE);
  sql->select = g_string_free (g_steal_pointer (&select), FALSE);
  return sql;
}

static const KindSql *
kind_sql (MkDocumentKind kind)
{
  static KindSql *cache[MK_DOCUMENT_N_KINDS];
  G_LOCK_DEFINE_STATIC (cache);
  KindSql *sql;

  G_LOCK (cache);
  if (cache[kind] == NULL)
    cache[kind] = build_kind_sql (kind);
  sql = cache[kind];
  G_UNLOCK (cache);
  return sql;
}

/* Describing documents in messages ------------------------------------- */

static char *
describe_document (MkDocument *document)
{
  const char *number = mk_document_get_number (document);
  const char *label = mk_document_kind_get_label (mk_document_get_kind (document));

  if (number != NULL)
    {
      g_autofree char *quoted = mk_text_isolate_ltr (number);
      /* Translators: “Waybill BEN-WB-2026-00017”. */
      return g_strdup_printf (C_ ("document", "%s %s"), label, quoted);
    }
  /* Translators: a document not yet posted: “Waybill (draft)”. */
  return g_strdup_printf (C_ ("document", "%s (draft)"), label);
}

static void
set_line_error (GError    **error,
                gint        code,
                MkDocument *document,
                guint       line_no,
                const char *message)
{
  g_autofree char *what = describe_document (document);

  _mk_document_set_invalid_line (document, line_no);
  /* Translators: “Waybill (draft), line 3: …”. */
  g_set_error (error, MK_DOCUMENTS_ERROR, code, _ ("%s, line %u: %s"), what, line_no, message);
}

/* Resolving ------------------------------------------------------------- */

static gboolean
find_posted_number (MkDatabase *db,
                    const char *number,
                    gint64     *id,
                    char      **kind,
                    GError    **error)
{
  /* Numbers are written in capitals (BEN-WB-2026-00017): comparing the
   * capitals of what was typed uses the unique index, where COLLATE NOCASE
   * would read every document. */
  g_autofree char *upper = g_ascii_strup (number, -1);
  sqlite3_stmt    *stmt = _mk_database_statement (
         db, "SELECT id, kind FROM documents WHERE number = ?1 AND status = 'posted'", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  g_strstrip (upper);
  sqlite3_bind_text (stmt, 1, upper, -1, SQLITE_TRANSIENT);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_autofree char *quoted = mk_text_isolate_ltr (number);
      g_set_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_NOT_FOUND,
                   _ ("There is no posted document numbered %s."), quoted);
      return FALSE;
    }
  *id = sqlite3_column_int64 (stmt, 0);
  if (kind != NULL)
    *kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return TRUE;
}

/* Resolves the header's references and checks its fields; fills
 * @reference_id for a reception's waybill and a cancellation's document. */
static gboolean
resolve_header (MkDatabase *db,
                MkDocument *document,
                gint64     *reference_id,
                GError    **error)
{
  MkRecord     *header = mk_document_get_header (document);
  const MkKind *kind = mk_record_get_kind (header);

  *reference_id = 0;
  if (!_mk_master_data_validate (db, header, NULL, error))
    return FALSE;

  for (guint i = 1; i < kind->n_fields; i++)
    {
      const MkField *field = &kind->fields[i];
      const char    *number;
      g_autoptr (GError) local_error = NULL;

      if (!is_reference_field (field))
        continue;
      number = mk_record_get_string (header, field->name);
      if (number == NULL)
        continue;
      if (!find_posted_number (db, number, reference_id, NULL, &local_error))
        {
          _mk_record_set_field_error (header, error, MK_DOCUMENTS_ERROR,
                                      MK_DOCUMENTS_ERROR_NOT_FOUND, field, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Item and grant codes of the lines to ids; lots stay as typed until
 * posting. */
static gboolean
resolve_lines (MkDatabase *db,
               MkDocument *document,
               GError    **error)
{
  const MkKind *items = mk_kind_lookup ("item");
  const MkKind *grants = mk_kind_lookup ("grant");
  GPtrArray    *lines = mk_document_get_lines (document);

  for (guint i = 0; i < lines->len; i++)
    {
      MkDocumentLine *line = g_ptr_array_index (lines, i);
      g_autoptr (GError) local_error = NULL;
      g_autofree char *code = NULL;

      if (line->item_code == NULL || *line->item_code == '\0')
        {
          set_line_error (error, MK_DOCUMENTS_ERROR_INVALID, document, i + 1,
                          _ ("the line names no item."));
          return FALSE;
        }
      if (!_mk_posting_find_id (db, items, line->item_code, &line->item_id, &code, &local_error))
        {
          set_line_error (error, MK_DOCUMENTS_ERROR_INVALID, document, i + 1, local_error->message);
          return FALSE;
        }
      g_free (line->item_code);
      line->item_code = g_steal_pointer (&code);

      line->grant_id = 0;
      if (line->grant_code != NULL && *line->grant_code != '\0' && !_mk_posting_find_id (db, grants, line->grant_code, &line->grant_id, NULL, &local_error))
        {
          set_line_error (error, MK_DOCUMENTS_ERROR_INVALID, document, i + 1, local_error->message);
          return FALSE;
        }
      line->to_grant_id = 0;
      if (line->to_grant_code != NULL && *line->to_grant_code != '\0' && !_mk_posting_find_id (db, grants, line->to_grant_code, &line->to_grant_id, NULL, &local_error))
        {
          set_line_error (error, MK_DOCUMENTS_ERROR_INVALID, document, i + 1, local_error->message);
          return FALSE;
        }
      if (line->expiry_date != NULL && *line->expiry_date != '\0')
        {
          g_autofree char *iso = mk_text_parse_date (line->expiry_date, &local_error);
          if (iso == NULL)
            {
              set_line_error (error, MK_DOCUMENTS_ERROR_INVALID, document, i + 1, local_error->message);
              return FALSE;
            }
          g_free (line->expiry_date);
          line->expiry_date = g_steal_pointer (&iso);
        }
      if (line->lot_number != NULL && *line->lot_number == '\0')
        g_clear_pointer (&line->lot_number, g_free);
    }
  return TRUE;
}

/* Storing --------------------------------------------------------------- */

static void
bind_header (sqlite3_stmt *stmt,
             MkRecord     *header,
             gint64        reference_id)
{
  const MkKind *kind = mk_record_get_kind (header);

  for (guint i = 1; i < kind->n_fields; i++)
    {
      const MkField *field = &kind->fields[i];
      MkRecordValue *value = _mk_record_value (header, i);
      int            index = (int) i + 4;

      if (is_reference_field (field))
        {
          if (reference_id != 0)
            sqlite3_bind_int64 (stmt, index, reference_id);
          else
            sqlite3_bind_null (stmt, index);
          continue;
        }
      switch (field->type)
        {
        case MK_FIELD_REF:
        case MK_FIELD_INT:
        case MK_FIELD_DECIMAL:
        case MK_FIELD_BOOL:
          if (value->set)
            sqlite3_bind_int64 (stmt, index, value->number);
          else
            sqlite3_bind_null (stmt, index);
          break;
        case MK_FIELD_TEXT:
          sqlite3_bind_text (stmt, index, value->text ? value->text : "", -1, SQLITE_TRANSIENT);
          break;
        case MK_FIELD_CODE:
        case MK_FIELD_DATE:
        case MK_FIELD_VOCAB:
        case MK_FIELD_PLACE:
        case MK_FIELD_CHOICE:
          if (value->set && value->text != NULL)
            sqlite3_bind_text (stmt, index, value->text, -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_null (stmt, index);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
write_lines (MkDatabase *db,
             gint64      document_id,
             gboolean    replace,
             GPtrArray  *lines,
             GError    **error)
{
  sqlite3_stmt *stmt;
  gint64        next_id;

  if (replace)
    {
      stmt = _mk_database_statement (db, "DELETE FROM document_lines WHERE document_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      if (!_mk_database_exec_stmt (db, stmt, error))
        return FALSE;
    }
  if (lines->len == 0)
    return TRUE;
  if (!_mk_database_next_ids (db, "document_lines", lines->len, &next_id, error))
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (lines, i);

      stmt = _mk_database_statement (
          db,
          "INSERT INTO document_lines (id, document_id, line_no, item_id, lot_number,"
          " expiry_date, lot_id, grant_id, quantity, damaged, short, expected, to_grant_id,"
          " remarks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, next_id++);
      sqlite3_bind_int64 (stmt, 2, document_id);
      sqlite3_bind_int (stmt, 3, (int) i + 1);
      sqlite3_bind_int64 (stmt, 4, line->item_id);
      if (line->lot_number)
        sqlite3_bind_text (stmt, 5, line->lot_number, -1, SQLITE_TRANSIENT);
      if (line->expiry_date)
        sqlite3_bind_text (stmt, 6, line->expiry_date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, line->lot_id);
      sqlite3_bind_int64 (stmt, 8, line->grant_id);
      sqlite3_bind_int64 (stmt, 9, line->quantity);
      sqlite3_bind_int64 (stmt, 10, line->damaged);
      sqlite3_bind_int64 (stmt, 11, line->short_quantity);
      sqlite3_bind_int64 (stmt, 12, line->expected);
      if (line->to_grant_id)
        sqlite3_bind_int64 (stmt, 13, line->to_grant_id);
      sqlite3_bind_text (stmt, 14, line->remarks ? line->remarks : "", -1, SQLITE_TRANSIENT);
      if (!_mk_database_exec_stmt (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_still_draft (MkDatabase *db,
                   MkDocument *document,
                   GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean      has_row;
  gboolean      posted;

  if (mk_document_get_id (document) == 0)
    return TRUE;
  stmt = _mk_database_statement (db, "SELECT status = 'posted', number FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mk_document_get_id (document));
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_NOT_FOUND,
                   _ ("The draft no longer exists; it may have been deleted."));
      return FALSE;
    }
  posted = sqlite3_column_int (stmt, 0);
  if (posted)
    {
      g_autofree char *number = mk_text_isolate_ltr ((const char *) sqlite3_column_text (stmt, 1));
      sqlite3_reset (stmt);
      g_set_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_ALREADY_POSTED,
                   _ ("Document %s is posted already; a posted document cannot change. Cancel it to correct it."),
                   number);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Inserts or updates the draft row and, unless @lines is NULL, its lines;
 * inside a transaction. */
static gboolean
store (MkDatabase *db,
       MkDocument *document,
       gint64      reference_id,
       GPtrArray  *lines,
       GError    **error)
{
  MkDocumentKind kind = mk_document_get_kind (document);
  MkRecord      *header = mk_document_get_header (document);
  gboolean       is_new = mk_document_get_id (document) == 0;
  sqlite3_stmt  *stmt;
  gint64         id = mk_document_get_id (document);

  if (is_new && !_mk_database_next_id (db, "documents", &id, error))
    return FALSE;

  stmt = _mk_database_statement (db, is_new ? kind_sql (kind)->insert : kind_sql (kind)->update, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, mk_document_kind_to_code (kind), -1, SQLITE_STATIC);
  if (is_new)
    {
      gint64 user = mk_database_get_user_id (db);
      char   at[MK_AUDIT_TIME_SIZE];

      _mk_audit_now (at);
      sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
      if (user != 0)
        sqlite3_bind_int64 (stmt, 4, user);
    }
  bind_header (stmt, header, reference_id);
  if (!_mk_database_exec_stmt (db, stmt, error))
    return FALSE;
  if (lines != NULL && !write_lines (db, id, !is_new, lines, error))
    return FALSE;

  _mk_document_set_stored (document, id, MK_DOCUMENT_DRAFT);
  return TRUE;
}

/* Weight and volume of the lines from the catalogue. */
static gboolean
compute_totals (MkDatabase *db,
                MkDocument *document,
                GError    **error)
{
  GPtrArray *lines = mk_document_get_lines (document);
  gint64     units = 0, weight = 0, volume = 0;
  gboolean   bulk = _mk_ledger_in_bulk (db);

  for (guint i = 0; i < lines->len; i++)
    {
      const MkDocumentLine *line = g_ptr_array_index (lines, i);
      sqlite3_stmt         *stmt = NULL;
      gint64                quantity = ABS (line->quantity) + line->damaged;
      gint64                unit_weight, unit_volume, line_weight, line_volume;
      gboolean              has_row;

      if (bulk)
        {
          const MkItemFacts *facts;

          if (!_mk_posting_item_facts (db, line->item_id, &facts, error))
            return FALSE;
          if (facts == NULL)
            continue;
          unit_weight = facts->weight_g;
          unit_volume = facts->volume_cm3;
        }
      else
        {
          stmt = _mk_database_statement (db, "SELECT weight_g, volume_cm3 FROM items WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, line->item_id);
          if (!_mk_database_step (db, stmt, &has_row, error))
            return FALSE;
          if (!has_row)
            continue;
          unit_weight = sqlite3_column_int64 (stmt, 0);
          unit_volume = sqlite3_column_int64 (stmt, 1);
          sqlite3_reset (stmt);
        }
      /* Quantities are at most 2^53 and weights 10^8 g: a product can
       * overflow, and then the total is not worth printing. */
      if (__builtin_mul_overflow (quantity, unit_weight, &line_weight) || __builtin_mul_overflow (quantity, unit_volume, &line_volume) || __builtin_add_overflow (weight, line_weight, &weight) || __builtin_add_overflow (volume, line_volume, &volume) || __builtin_add_overflow (units, quantity, &units))
        {
          g_set_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_INVALID,
                       _ ("The quantities of this document are too large to add up."));
          return FALSE;
        }
    }
  _mk_document_set_totals (document, units, weight, volume);
  return TRUE;
}

gboolean
mk_documents_save_draft (MkDatabase *db,
                         MkDocument *document,
                         GError    **error)
{
  gint64 reference_id;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (MK_IS_DOCUMENT (document), FALSE);

  if (mk_document_get_status (document) == MK_DOCUMENT_POSTED)
    {
      g_autofree char *what = describe_document (document);
      g_set_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_ALREADY_POSTED,
                   _ ("%s is posted already; a posted document cannot change. Cancel it to correct it."),
                   what);
      return FALSE;
    }

  _mk_document_set_invalid_line (document, 0);
  if (!_mk_database_begin (db, error))
    return FALSE;
  if (!check_still_draft (db, document, error) || !resolve_header (db, document, &reference_id, error) || !resolve_lines (db, document, error) || !_mk_distributions_resolve (db, document, error) || !compute_totals (db, document, error) || !store (db, document, reference_id, mk_document_get_lines (document), error) || !_mk_distributions_store (db, document, TRUE, error))
    {
      _mk_database_rollback (db);
      return FALSE;
    }
  _mk_database_emit_changed (db, "documents", mk_document_get_id (document));
  if (!_mk_database_commit (db, error))
    {
      _mk_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
mk_documents_delete_draft (MkDatabase *db,
                           gint64      id,
                           GError    **error)
{
  g_autoptr (MkDocument) document = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);

  if (!_mk_database_begin (db, error))
    return FALSE;
  document = mk_documents_get (db, id, error);
  if (document == NULL)
    goto fail;
  if (mk_document_get_status (document) == MK_DOCUMENT_POSTED)
    {
      g_autofree char *what = describe_document (document);
      g_set_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_ALREADY_POSTED,
                   _ ("%s is posted and cannot be deleted; cancel it instead."), what);
      goto fail;
    }
  stmt = _mk_database_statement (db, "DELETE FROM documents WHERE id = ?1 AND status = 'draft'", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_mk_database_exec_stmt (db, stmt, error) || !_mk_audit_record (db, "delete-draft", "documents", id, NULL, NULL, error))
    goto fail;
  _mk_database_emit_changed (db, "documents", id);
  if (!_mk_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  _mk_database_rollback (db);
  return FALSE;
}

/* Numbers --------------------------------------------------------------- */

/* The next number of @kind in @year. The posting transaction holds the
 * write lock from its first statement (BEGIN IMMEDIATE), so two processes
 * cannot take the same number, and a failed posting rolls its number back:
 * no gaps. */
static gboolean
take_number (MkDatabase    *db,
             MkDocumentKind kind,
             gint           year,
             gint64        *sequence,
             char         **number,
             GError       **error)
{
  sqlite3_stmt *stmt = _mk_database_statement (
      db,
      "INSERT INTO document_numbers (kind, year, last) VALUES (?1, ?2, 1)"
      " ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last",
      error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, mk_document_kind_to_code (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  *sequence = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (*sequence > 99999)
    {
      g_set_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_INVALID,
                   _ ("The office has used every number of this kind of document for the year."));
      return FALSE;
    }
  *number = g_strdup_printf ("%s-%s-%04d-%05" G_GINT64_FORMAT, mk_database_get_office_code (db),
                             mk_document_kind_to_code (kind), year, *sequence);
  return TRUE;
}

/* Posting --------------------------------------------------------------- */

static char *
describe_post (MkDocument *document,
               GPtrArray  *lines)
{
  g_autoptr (GString) json = g_string_new ("{\"kind\": ");

  mk_json_append_string (json, mk_document_kind_to_code (mk_document_get_kind (document)));
  g_string_append (json, ", \"date\": ");
  mk_json_append_string (json, mk_document_get_field (document, "date"));
  g_string_append_printf (json, ", \"lines\": %u", lines->len);

  /* An entitlement broken on purpose is audited with its reason. */
  {
    GPtrArray *receipts = mk_document_get_receipts (document);
    gboolean   first = TRUE;

    for (guint i = 0; i < receipts->len; i++)
      {
        const MkHouseholdReceipt *receipt = g_ptr_array_index (receipts, i);

        if (receipt->previous_date == NULL || receipt->override_reason == NULL)
          continue;
        g_string_append (json, first ? ", \"overrides\": [{\"household\": " : ", {\"household\": ");
        first = FALSE;
        mk_json_append_string (json, receipt->household_code);
        g_string_append (json, ", \"item\": ");
        mk_json_append_string (json, receipt->item_code);
        g_string_append (json, ", \"previous\": ");
        mk_json_append_string (json, receipt->previous_date);
        g_string_append (json, ", \"reason\": ");
        mk_json_append_string (json, receipt->override_reason);
        g_string_append_c (json, '}');
      }
    if (!first)
      g_string_append_c (json, ']');
  }
  g_string_append_c (json, '}');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Lines that posting made or split carry ids: give them their codes back. */
static gboolean
fill_line_codes (MkDatabase *db,
                 GPtrArray  *lines,
                 GError    **error)
{
  gboolean bulk = _mk_ledger_in_bulk (db);

  for (guint i = 0; i < lines->len; i++)
    {
      MkDocumentLine *line = g_ptr_array_index (lines, i);
      sqlite3_stmt   *stmt;
      gboolean        has_row;

      if (line->item_code != NULL && (line->lot_id == 0 || line->lot_number != NULL) && (line->grant_id == 0 || line->grant_code != NULL))
        continue;
      if (bulk)
        {
          const MkItemFacts *item;
          const MkLotFacts  *lot = NULL;
          const char        *grant;

          if (!_mk_posting_item_facts (db, line->item_id, &item, error) || (line->lot_id != 0 && !_mk_posting_lot_facts (db, line->lot_id, &lot, error)) || !_mk_posting_grant_code (db, line->grant_id, &grant, error))
            return FALSE;
          g_free (line->item_code);
          line->item_code = item ? g_strdup (item->code) : NULL;
          if (line->lot_id != 0)
            {
              g_free (line->lot_number);
              line->lot_number = lot ? g_strdup (lot->number) : NULL;
              g_free (line->expiry_date);
              line->expiry_date = lot ? g_strdup (lot->expiry) : NULL;
            }
          g_free (line->grant_code);
          line->grant_code = g_strdup (grant);
          continue;
        }
      stmt = _mk_database_statement (
          db,
          "SELECT (SELECT code FROM items WHERE id = ?1), (SELECT number FROM lots WHERE id = ?2),"
          " (SELECT expiry_date FROM lots WHERE id = ?2), (SELECT code FROM grants WHERE id = ?3)",
          error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, line->item_id);
      sqlite3_bind_int64 (stmt, 2, line->lot_id);
      sqlite3_bind_int64 (stmt, 3, line->grant_id);
      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      g_free (line->item_code);
      line->item_code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (line->lot_id != 0)
        {
          g_free (line->lot_number);
          line->lot_number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_free (line->expiry_date);
          line->expiry_date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      g_free (line->grant_code);
      line->grant_code = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
post_within (MkDatabase *db,
             MkDocument *document,
             GError    **error)
{
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GArray) movements = g_array_new (FALSE, TRUE, sizeof (MkMovement));
  g_autofree char *number = NULL;
  g_autofree char *details = NULL;
  MkPosting        posting = { 0 };
  MkRecord        *header = mk_document_get_header (document);
  gboolean         stored_new;
  gboolean         write_once;
  sqlite3_stmt    *stmt;
  gint64           sequence;
  gint64           user;
  gint             year;
  char             at[MK_AUDIT_TIME_SIZE];

  if (!check_still_draft (db, document, error) || !resolve_header (db, document, &posting.reference_id, error) || !resolve_lines (db, document, error))
    return FALSE;

  /* Store the header first: the movements point at the document, and a
   * waybill's transit location at its id. The lines are written once,
   * after planning. In bulk, where foreign keys wait for the end, a new
   * document's row is written once, posted, after everything it owns:
   * writing a draft to update it a moment later costs more than the rest
   * of a small document. */
  stored_new = mk_document_get_id (document) == 0;
  write_once = stored_new && _mk_ledger_in_bulk (db);
  if (write_once)
    {
      gint64 id;

      if (!_mk_database_next_id (db, "documents", &id, error))
        return FALSE;
      _mk_document_set_stored (document, id, MK_DOCUMENT_DRAFT);
    }
  else if (!store (db, document, posting.reference_id, NULL, error))
    return FALSE;

  posting.db = db;
  posting.document = document;
  posting.document_id = mk_document_get_id (document);
  posting.date = mk_record_get_string (header, "date");
  posting.warehouse_id = mk_kind_field_index (mk_record_get_kind (header), "warehouse") >= 0
                             ? mk_record_get_int (header, "warehouse")
                             : 0;
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);
  for (guint i = 0; i < mk_document_get_lines (document)->len; i++)
    g_ptr_array_add (lines, mk_document_line_copy (g_ptr_array_index (mk_document_get_lines (document), i)));
  posting.lines = lines;
  posting.movements = movements;

  /* Numbered before planning, so that a kitting can name its lot after
   * itself; a refused plan rolls the number back with everything else. */
  year = (gint) g_ascii_strtoll (posting.date, NULL, 10);
  if (!take_number (db, mk_document_get_kind (document), year, &sequence, &number, error))
    return FALSE;
  posting.number = number;

  if (!_mk_posting_plan (&posting, error))
    return FALSE;

  /* A planner may have completed the header (a reception's warehouse). */
  if (!fill_line_codes (db, lines, error) || (posting.header_changed && !write_once && !store (db, document, posting.reference_id, NULL, error)) || !_mk_distributions_store (db, document, !stored_new, error))
    return FALSE;

  /* What posting decided (lots, expected counts, components) is written
   * into the lines, which the document now shows. */
  if (!write_lines (db, posting.document_id, !stored_new, lines, error))
    return FALSE;
  mk_document_clear_lines (document);
  g_ptr_array_set_free_func (lines, NULL);
  for (guint i = 0; i < lines->len; i++)
    mk_document_add_line (document, g_ptr_array_index (lines, i));
  g_ptr_array_set_size (lines, 0);
  if (!compute_totals (db, document, error))
    return FALSE;

  {
    g_autoptr (GError) local_error = NULL;

    /* Two lines that are each fine can be short together: the ledger,
     * which sums them, says so, and the document reports it. */
    if (!_mk_ledger_apply (db, posting.document_id, posting.date, movements, &local_error))
      {
        if (g_error_matches (local_error, MK_LEDGER_ERROR, MK_LEDGER_ERROR_SHORT))
          {
            g_autofree char *what = describe_document (document);
            g_set_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_SHORT, "%s: %s", what,
                         local_error->message);
          }
        else
          g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
  }

  _mk_audit_now (at);
  user = mk_database_get_user_id (db);
  if (write_once)
    {
      MkDocumentKind kind = mk_document_get_kind (document);
      int            next = (int) mk_record_get_kind (header)->n_fields + 4;

      /* Created and posted at once, by the same person. */
      stmt = _mk_database_statement (db, kind_sql (kind)->insert_posted, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, posting.document_id);
      sqlite3_bind_text (stmt, 2, mk_document_kind_to_code (kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
      if (user != 0)
        sqlite3_bind_int64 (stmt, 4, user);
      bind_header (stmt, header, posting.reference_id);
      sqlite3_bind_text (stmt, next, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, next + 1, year);
      sqlite3_bind_int64 (stmt, next + 2, sequence);
    }
  else
    {
      stmt = _mk_database_statement (
          db,
          "UPDATE documents SET status = 'posted', number = ?2, year = ?3, sequence = ?4,"
          " posted_at = ?5, posted_by = ?6 WHERE id = ?1 AND status = 'draft'",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, posting.document_id);
      sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, year);
      sqlite3_bind_int64 (stmt, 4, sequence);
      sqlite3_bind_text (stmt, 5, at, -1, SQLITE_TRANSIENT);
      if (user != 0)
        sqlite3_bind_int64 (stmt, 6, user);
    }
  if (!_mk_database_exec_stmt (db, stmt, error))
    return FALSE;

  details = describe_post (document, mk_document_get_lines (document));
  if (!_mk_audit_record (db, "post", "documents", posting.document_id, number, details, error))
    return FALSE;

  mk_record_set_string (header, "number", number);
  _mk_record_clear_changes (header);
  _mk_document_set_stored (document, posting.document_id, MK_DOCUMENT_POSTED);
  _mk_database_emit_changed (db, "documents", posting.document_id);
  return TRUE;
}

gboolean
mk_documents_post (MkDatabase *db,
                   MkDocument *document,
                   GError    **error)
{
  gint64 id_before;
  g_autoptr (GPtrArray) lines_before = NULL;
  GPtrArray *lines;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (MK_IS_DOCUMENT (document), FALSE);

  if (mk_document_get_status (document) == MK_DOCUMENT_POSTED)
    {
      g_autofree char *what = describe_document (document);
      g_set_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_ALREADY_POSTED,
                   _ ("%s is posted already."), what);
      return FALSE;
    }

  _mk_document_set_invalid_line (document, 0);

  /* A refused posting leaves the document as the caller gave it. */
  id_before = mk_document_get_id (document);
  lines = mk_document_get_lines (document);
  lines_before = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_line_free);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (lines_before, mk_document_line_copy (g_ptr_array_index (lines, i)));

  if (!_mk_database_begin (db, error))
    return FALSE;
  if (!post_within (db, document, error) || !_mk_database_commit (db, error))
    {
      if (_mk_ledger_in_bulk (db))
        _mk_ledger_bulk_discard (db);
      _mk_database_rollback (db);
      _mk_document_set_stored (document, id_before, MK_DOCUMENT_DRAFT);
      mk_record_unset (mk_document_get_header (document), "number");
      mk_document_clear_lines (document);
      for (guint i = 0; i < lines_before->len; i++)
        mk_document_add_line (document, mk_document_line_copy (g_ptr_array_index (lines_before, i)));
      return FALSE;
    }
  /* Committed: what bulk posting keeps in memory may learn it. */
  if (_mk_ledger_in_bulk (db))
    _mk_ledger_bulk_settle (db);
  return TRUE;
}

/* Reading --------------------------------------------------------------- */

static gboolean
load_lines (MkDatabase *db,
            MkDocument *document,
            GError    **error)
{
  sqlite3_stmt *stmt = _mk_database_statement (
      db,
      "SELECT i.code, l.lot_number, l.expiry_date, g.code, tg.code, l.quantity, l.damaged,"
      " l.short, l.expected, l.remarks, l.item_id, l.lot_id, l.grant_id, l.to_grant_id,"
      " lot.number, lot.expiry_date"
      " FROM document_lines l JOIN items i ON i.id = l.item_id"
      " LEFT JOIN grants g ON g.id = l.grant_id"
      " LEFT JOIN grants tg ON tg.id = l.to_grant_id"
      " LEFT JOIN lots lot ON lot.id = l.lot_id"
      " WHERE l.document_id = ?1 ORDER BY l.line_no",
      error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mk_document_get_id (document));
  while (TRUE)
    {
      MkDocumentLine *line;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      line = mk_document_line_new ((const char *) sqlite3_column_text (stmt, 0),
                                   sqlite3_column_int64 (stmt, 5));
      /* A posted line's lot is the one posting found or created. */
      line->lot_number = g_strdup ((const char *) sqlite3_column_text (stmt, sqlite3_column_type (stmt, 14) != SQLITE_NULL ? 14 : 1));
      line->expiry_date = g_strdup ((const char *) sqlite3_column_text (stmt, sqlite3_column_type (stmt, 14) != SQLITE_NULL ? 15 : 2));
      line->grant_code = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      line->to_grant_code = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      line->damaged = sqlite3_column_int64 (stmt, 6);
      line->short_quantity = sqlite3_column_int64 (stmt, 7);
      line->expected = sqlite3_column_int64 (stmt, 8);
      line->remarks = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      line->item_id = sqlite3_column_int64 (stmt, 10);
      line->lot_id = sqlite3_column_int64 (stmt, 11);
      line->grant_id = sqlite3_column_int64 (stmt, 12);
      line->to_grant_id = sqlite3_column_int64 (stmt, 13);
      mk_document_add_line (document, line);
    }
  return TRUE;
}

MkDocument *
mk_documents_get (MkDatabase *db,
                  gint64      id,
                  GError    **error)
{
  g_autoptr (MkDocument) document = NULL;
  g_autoptr (GError) local_error = NULL;
  MkDocumentKind kind;
  const MkKind  *header_kind;
  MkRecord      *header;
  sqlite3_stmt  *stmt;
  gboolean       has_row;
  gboolean       posted;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);

  stmt = _mk_database_statement (db, "SELECT kind FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return NULL;
  if (!has_row || !mk_document_kind_from_text ((const char *) sqlite3_column_text (stmt, 0), &kind))
    {
      if (has_row)
        sqlite3_reset (stmt);
      g_set_error (error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_NOT_FOUND,
                   _ ("There is no document with the id %" G_GINT64_FORMAT "."), id);
      return NULL;
    }
  sqlite3_reset (stmt);

  document = mk_document_new (kind);
  header = mk_document_get_header (document);
  header_kind = mk_record_get_kind (header);
  stmt = _mk_database_statement (db, kind_sql (kind)->select, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return NULL;
  posted = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "posted") == 0;
  _mk_record_load_text (header, 0, (const char *) sqlite3_column_text (stmt, 2));
  for (guint i = 1; i < header_kind->n_fields; i++)
    {
      const MkField *field = &header_kind->fields[i];
      int            column = (int) i + 2;
      gboolean       is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

      if (is_null)
        continue;
      if (field->type == MK_FIELD_INT)
        _mk_record_load_number (header, i, sqlite3_column_int64 (stmt, column));
      else
        _mk_record_load_text (header, i, (const char *) sqlite3_column_text (stmt, column));
    }
  sqlite3_reset (stmt);
  _mk_document_set_stored (document, id, posted ? MK_DOCUMENT_POSTED : MK_DOCUMENT_DRAFT);

  if (!load_lines (db, document, error) || !_mk_distributions_load (db, document, error) || !compute_totals (db, document, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&document);
}

MkDocument *
mk_documents_get_by_number (MkDatabase *db,
                            const char *number,
                            GError    **error)
{
  gint64 id;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (!find_posted_number (db, number, &id, NULL, error))
    return NULL;
  return mk_documents_get (db, id, error);
}

/* Cancelling ------------------------------------------------------------ */

MkDocument *
mk_documents_cancel (MkDatabase *db,
                     const char *number,
                     const char *date,
                     const char *reason,
                     GError    **error)
{
  g_autoptr (MkDocument) original = NULL;
  g_autoptr (MkDocument) cancellation = NULL;
  MkRecord *header;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  original = mk_documents_get_by_number (db, number, error);
  if (original == NULL)
    return NULL;

  cancellation = mk_document_new (MK_DOCUMENT_CANCELLATION);
  header = mk_document_get_header (cancellation);
  if (!mk_record_set_text (header, "cancels", mk_document_get_number (original), error) || !mk_record_set_text (header, "date", date ? date : mk_document_get_field (original, "date"), error) || !mk_record_set_text (header, "reason", reason ? reason : "", error))
    return NULL;
  if (!mk_documents_post (db, cancellation, error))
    return NULL;
  return g_steal_pointer (&cancellation);
}

/* Listing --------------------------------------------------------------- */

void
mk_document_summary_free (MkDocumentSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->number);
  g_free (summary->date);
  g_free (summary->warehouse_code);
  g_free (summary->counterpart);
  g_free (summary);
}

GPtrArray *
mk_documents_list (MkDatabase *db,
                   gint        kind,
                   const char *from,
                   const char *to,
                   GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_document_summary_free);
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  sqlite3_stmt    *stmt;
  gboolean         has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind < MK_DOCUMENT_N_KINDS, NULL);

  if ((from != NULL && (from_iso = mk_text_parse_date (from, error)) == NULL) || (to != NULL && (to_iso = mk_text_parse_date (to, error)) == NULL))
    return NULL;

  stmt = _mk_database_statement (
      db,
      "SELECT d.id, d.kind, d.status, d.number, d.date, w.code,"
      " CASE d.kind"
      "  WHEN 'WB' THEN coalesce ((SELECT code FROM warehouses WHERE id = d.to_warehouse_id),"
      "   (SELECT code FROM sites WHERE id = d.to_site_id),"
      "   (SELECT code FROM partners WHERE id = d.to_partner_id))"
      "  WHEN 'GRN' THEN CASE WHEN d.supplier <> '' THEN d.supplier ELSE d.source END"
      "  WHEN 'ADJ' THEN d.reason"
      "  WHEN 'DIS' THEN (SELECT code FROM sites WHERE id = d.site_id)"
      "  WHEN 'SRV' THEN (SELECT code FROM sites WHERE id = d.site_id)"
      "  WHEN 'KIT' THEN (SELECT code FROM items WHERE id = d.kit_item_id)"
      "  WHEN 'DKT' THEN (SELECT code FROM items WHERE id = d.kit_item_id)"
      "  ELSE (SELECT number FROM documents WHERE id = d.reference_id) END,"
      " (SELECT count (*) FROM document_lines WHERE document_id = d.id),"
      " (SELECT coalesce (sum (abs (quantity) + damaged), 0) FROM document_lines WHERE document_id = d.id),"
      " EXISTS (SELECT 1 FROM documents c WHERE c.kind = 'CAN' AND c.reference_id = d.id AND c.status = 'posted')"
      " FROM documents d LEFT JOIN warehouses w ON w.id = d.warehouse_id"
      " WHERE (?1 IS NULL OR d.kind = ?1) AND (?2 IS NULL OR d.date >= ?2) AND (?3 IS NULL OR d.date <= ?3)"
      " ORDER BY d.date DESC, d.id DESC",
      error);
  if (stmt == NULL)
    return NULL;
  if (kind >= 0)
    sqlite3_bind_text (stmt, 1, mk_document_kind_to_code (kind), -1, SQLITE_STATIC);
  if (from_iso)
    sqlite3_bind_text (stmt, 2, from_iso, -1, SQLITE_TRANSIENT);
  if (to_iso)
    sqlite3_bind_text (stmt, 3, to_iso, -1, SQLITE_TRANSIENT);

  while (TRUE)
    {
      MkDocumentSummary *row;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row = g_new0 (MkDocumentSummary, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      mk_document_kind_from_text ((const char *) sqlite3_column_text (stmt, 1), &row->kind);
      row->status = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "posted") == 0
                        ? MK_DOCUMENT_POSTED
                        : MK_DOCUMENT_DRAFT;
      row->number = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->date = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->warehouse_code = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      row->counterpart = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      row->n_lines = sqlite3_column_int64 (stmt, 7);
      row->total_units = sqlite3_column_int64 (stmt, 8);
      row->cancelled = sqlite3_column_int (stmt, 9);
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}
