/* mk-record-editor.h: the editor of one master-data record (an item or a
 * kit with its bill of materials, a warehouse, a site, a donor, a grant, a
 * partner, a household, an entitlement rule, an office).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-database.h"

G_BEGIN_DECLS

#define MK_TYPE_RECORD_EDITOR (mk_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (MkRecordEditor, mk_record_editor, MK, RECORD_EDITOR, GtkWindow)

/* A new record of @kind_name when @id is 0. Returns NULL (with a warning)
 * for an unknown kind; an id that is not in the database shows the core's
 * message in the editor, which then saves nothing. */
GtkWidget *mk_record_editor_new (GtkWindow  *parent,
                                 MkDatabase *db,
                                 const char *kind_name,
                                 gint64      id);

const char *mk_record_editor_get_kind_name (MkRecordEditor *self);
/* The record's id: 0 until a new record is saved. */
gint64 mk_record_editor_get_record_id (MkRecordEditor *self);

/* Saves as Ctrl+S does; returns whether the record was stored. Errors are
 * shown beside their fields. */
gboolean mk_record_editor_save (MkRecordEditor *self);
/* Whether the form differs from what is stored. */
gboolean mk_record_editor_is_modified (MkRecordEditor *self);

/* The widget that edits @field_name (a GtkEntry, GtkDropDown,
 * GtkCheckButton or MkRecordChooser; also named after the field). */
GtkWidget *mk_record_editor_get_field_widget (MkRecordEditor *self,
                                              const char     *field_name);
/* The message shown beside @field_name, or NULL. */
const char *mk_record_editor_get_field_error (MkRecordEditor *self,
                                              const char     *field_name);
/* The message at the top of the editor, or NULL. */
const char *mk_record_editor_get_banner (MkRecordEditor *self);
/* The item editor's bill of materials (an MkKitBill), or NULL. */
GtkWidget *mk_record_editor_get_kit_bill (MkRecordEditor *self);

G_END_DECLS
