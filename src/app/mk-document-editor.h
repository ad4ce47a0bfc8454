/* mk-document-editor.h: the editor of one stock or people document.
 *
 * One window per document: its header fields (made from the kind's
 * descriptor), its lines in a grid typed by keyboard, the people it reached,
 * live checks (stock short, counts that do not add up, entitlements) shown
 * beside what is wrong, and the document's actions: save the draft, post it
 * after a confirmation that says what will change, discard it; for a posted
 * document cancel it, duplicate it, receive it (a waybill) and print it.
 *
 * Actions, with their accelerators (for the shortcuts window):
 *   editor.save            Ctrl+S          save the draft
 *   editor.post            Ctrl+Return     post, after a confirmation
 *   editor.discard         Ctrl+Shift+Delete  discard the draft (draft only)
 *   editor.cancel-document Ctrl+Shift+Delete  cancel (posted only), with a reason
 *   editor.duplicate       Ctrl+D          a new draft with the same header and lines
 *   editor.receive         Ctrl+R          a waybill's reception, in a new editor
 *   editor.print           Ctrl+P          print (the dialog also prints to a file)
 *   editor.save-pdf        Ctrl+Shift+S    save as PDF
 *   editor.add-line        Ctrl+Shift+N    (Enter in the last line adds one too)
 *   editor.paste-lines     Ctrl+Shift+V    rows of "CODE<tab>QUANTITY" from the clipboard
 *   editor.add-receipt     (button)        a household's line in a household list
 *   editor.fill-count      (button)        a count's lines from the book stock
 *   window.close           Escape          asks first when there are unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-database.h"
#include "mk-document.h"
#include "mk-editor-line.h"

G_BEGIN_DECLS

#define MK_TYPE_DOCUMENT_EDITOR (mk_document_editor_get_type ())
G_DECLARE_FINAL_TYPE (MkDocumentEditor, mk_document_editor, MK, DOCUMENT_EDITOR, GtkWindow)

/* An editor of a new document of @kind (@document_id 0) or of the stored
 * document @document_id (then @kind is the document's own). A reception of
 * waybill @source_waybill_id starts with what the waybill still carries.
 * Transient for @parent, not modal, destroyed with it. A document that
 * cannot be read opens with the reason at the top and nothing to edit. */
GtkWidget *mk_document_editor_new (GtkWindow     *parent,
                                   MkDatabase    *db,
                                   MkDocumentKind kind,
                                   gint64         document_id,
                                   gint64         source_waybill_id);

/* The document as last saved, posted or read (a new one has id 0). */
MkDocument *mk_document_editor_get_document (MkDocumentEditor *self);

/* Sets a header field or a people count (female_0_4 … total) as if typed or
 * chosen: @text is a code for a list. FALSE when the editor has no such
 * field or the list no such code. */
gboolean mk_document_editor_set_field (MkDocumentEditor *self,
                                       const char       *field_name,
                                       const char       *text);
/* The message shown beside a field, or NULL. */
const char *mk_document_editor_get_field_error (MkDocumentEditor *self,
                                                const char       *field_name);
/* The message at the top of the editor, or NULL. */
const char *mk_document_editor_get_message (MkDocumentEditor *self);

/* The rows of the lines grid and of the household list (MkEditorLine). */
GListModel *mk_document_editor_get_lines (MkDocumentEditor *self);
GListModel *mk_document_editor_get_receipts (MkDocumentEditor *self);

/* Whether the household list is used instead of counts (distributions). */
void mk_document_editor_set_household_list (MkDocumentEditor *self,
                                            gboolean          household_list);

/* Pasted rows ("CODE<tab>QUANTITY[<tab>LOT[<tab>GRANT]]", also ; or ,
 * separated) become lines, all or none: a row that is not one is refused
 * with an error naming it. */
gboolean mk_document_editor_paste_lines (MkDocumentEditor *self,
                                         const char       *text,
                                         GError          **error);

/* Runs now the checks made as one types (field formats, lines, stock,
 * people's sums, entitlements, totals) and returns whether nothing is
 * marked. */
gboolean mk_document_editor_check (MkDocumentEditor *self);

/* The document's printed form (a waybill, goods received note, loss
 * report or distribution list), posted — a distribution list also from a
 * saved draft: drawn through a GtkPrintOperation into the PDF file @path,
 * or written by the print module to a temporary file renamed to @path. */
gboolean mk_document_editor_print_to_file (MkDocumentEditor *self,
                                           const char       *path,
                                           GError          **error);
gboolean mk_document_editor_save_pdf (MkDocumentEditor *self,
                                      const char       *path,
                                      GError          **error);

/* The text of the totals under the grid. */
const char *mk_document_editor_get_totals (MkDocumentEditor *self);

G_END_DECLS
