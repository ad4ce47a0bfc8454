/* mk-record-private.h: what master data needs of a record's values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-record.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean set;
  gboolean changed; /* set since the record was read or stored */
  char    *text;    /* CODE, TEXT, DATE, VOCAB, PLACE; REF: the code */
  gint64   number;  /* INT, DECIMAL, BOOL; REF: the id once resolved */
} MkRecordValue;

MkRecordValue *_mk_record_value (MkRecord *self,
                                 guint     index);
/* Values read from the database: set, not changed. */
void     _mk_record_load_text (MkRecord   *self,
                               guint       index,
                               const char *text);
void     _mk_record_load_number (MkRecord *self,
                                 guint     index,
                                 gint64    number);
void     _mk_record_load_ref (MkRecord   *self,
                              guint       index,
                              gint64      id,
                              const char *code);
gboolean _mk_record_set_text_at (MkRecord   *self,
                                 guint       index,
                                 const char *text,
                                 GError    **error);
/* Another record of the same kind, id and values (and changes). */
MkRecord *_mk_record_copy (MkRecord *self);
void      _mk_record_clear_changes (MkRecord *self);
/* “Item HK-01” for messages, with the code isolated. */
char *_mk_record_describe (MkRecord *self);
/* Sets @error naming the record and @field. */
void _mk_record_set_field_error (MkRecord      *self,
                                 GError       **error,
                                 GQuark         domain,
                                 gint           code,
                                 const MkField *field,
                                 const char    *problem);
/* A value quoted for a message: isolated, and shortened when long. */
char *_mk_record_quote_value (const char *text);

G_END_DECLS
