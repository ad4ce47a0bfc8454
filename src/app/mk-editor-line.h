/* mk-editor-line.h: one row of a document editor's grid, as text.
 *
 * The cells of the grid are bound to these properties, so that what a
 * person typed stays as typed until it is parsed: a quantity "12a" is kept
 * and shown with its error, never silently changed. The same object holds
 * a stock line and a household's receipt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  MK_EDITOR_LINE_ITEM = 1,
  MK_EDITOR_LINE_QUANTITY,
  MK_EDITOR_LINE_DAMAGED,
  MK_EDITOR_LINE_SHORT,
  MK_EDITOR_LINE_LOT,
  MK_EDITOR_LINE_EXPIRY,
  MK_EDITOR_LINE_GRANT,
  MK_EDITOR_LINE_TO_GRANT,
  MK_EDITOR_LINE_REMARKS,
  MK_EDITOR_LINE_HOUSEHOLD,
  MK_EDITOR_LINE_OVERRIDE_REASON,
  /* Shown, not typed: */
  MK_EDITOR_LINE_DESCRIPTION, /* the item's name and unit */
  MK_EDITOR_LINE_SENT,        /* reception: what the waybill still carries */
  MK_EDITOR_LINE_BOOK,        /* count: the book quantity */
  MK_EDITOR_LINE_DIFFERENCE,  /* count: counted − book */
  MK_EDITOR_LINE_HINT,        /* suggested lots, an entitlement's earlier receipt */
  MK_EDITOR_LINE_ERROR,       /* what is wrong with the line, or NULL */
  MK_EDITOR_LINE_N_VALUES
} MkEditorLineValue;

#define MK_TYPE_EDITOR_LINE (mk_editor_line_get_type ())
G_DECLARE_FINAL_TYPE (MkEditorLine, mk_editor_line, MK, EDITOR_LINE, GObject)

MkEditorLine *mk_editor_line_new (void);
/* The property's name: "item", "quantity" … "error". */
const char *mk_editor_line_value_name (MkEditorLineValue value);

/* NULL when empty. */
const char *mk_editor_line_get (MkEditorLine     *self,
                                MkEditorLineValue value);
/* Notifies only on a change; "" is stored as NULL. */
void mk_editor_line_set (MkEditorLine     *self,
                         MkEditorLineValue value,
                         const char       *text);
/* Whether nothing was typed in it (shown values do not count). */
gboolean mk_editor_line_is_blank (MkEditorLine *self);

G_END_DECLS
