/* mk-record.h: one master-data row (an item, a warehouse …) as values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mk-kind.h"

G_BEGIN_DECLS

#define MK_RECORD_ERROR (mk_record_error_quark ())

typedef enum
{
  MK_RECORD_ERROR_UNKNOWN_FIELD,
  MK_RECORD_ERROR_REQUIRED,
  MK_RECORD_ERROR_TOO_LONG,
  MK_RECORD_ERROR_NOT_A_NUMBER,
  MK_RECORD_ERROR_OUT_OF_RANGE,
  MK_RECORD_ERROR_BAD_CODE,
  MK_RECORD_ERROR_BAD_DATE,
  MK_RECORD_ERROR_BAD_BOOL,
  MK_RECORD_ERROR_BAD_TEXT,
} MkRecordError;

GQuark mk_record_error_quark (void);

#define MK_TYPE_RECORD (mk_record_get_type ())
G_DECLARE_FINAL_TYPE (MkRecord, mk_record, MK, RECORD, GObject)

MkRecord     *mk_record_new (const MkKind *kind);
const MkKind *mk_record_get_kind (MkRecord *self);
gint64        mk_record_get_id (MkRecord *self);
void          mk_record_set_id (MkRecord *self,
                                gint64    id);

/* Parses @text as a value of @field_name (user or file input: trims, accepts
 * Arabic-Indic digits, decimal kg). For VOCAB, PLACE and REF fields the text
 * is kept as given and resolved against the database when stored.
 * The error names the field. */
gboolean mk_record_set_text (MkRecord   *self,
                             const char *field_name,
                             const char *text,
                             GError    **error);
/* The value as text for display and export (decimal kg, code of a
 * reference, "yes"/"no" untranslated in exports: see @for_people). NULL if unset. */
char    *mk_record_get_text (MkRecord   *self,
                             const char *field_name);
gboolean mk_record_is_set (MkRecord   *self,
                           const char *field_name);
void     mk_record_unset (MkRecord   *self,
                          const char *field_name);

/* Typed access; the field must be of a matching type. */
const char *mk_record_get_string (MkRecord   *self,
                                  const char *field_name);
gint64      mk_record_get_int (MkRecord   *self,
                               const char *field_name);
gboolean    mk_record_get_bool (MkRecord   *self,
                                const char *field_name);
void        mk_record_set_string (MkRecord   *self,
                                  const char *field_name,
                                  const char *value);
void        mk_record_set_int (MkRecord   *self,
                               const char *field_name,
                               gint64      value);

/* The name of the field that the last refused change named (by
 * mk_record_set_text(), mk_master_data_add() or _update()), or NULL: an
 * editor puts the message beside that field, an import names its column. */
const char *mk_record_get_invalid_field (MkRecord *self);

/* Shortcuts. */
const char *mk_record_get_code (MkRecord *self);
/* The name in the interface's language, falling back to the other; the
 * code for kinds without names (entitlement rules). */
const char *mk_record_get_display_name (MkRecord *self);

G_END_DECLS
