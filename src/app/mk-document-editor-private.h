/* mk-document-editor-private.h: what the document editor's files share.
 *
 * mk-document-editor.c         the type, loading, state, messages
 * mk-document-editor-header.c  header fields made from the kind's descriptor
 * mk-document-editor-lines.c   the lines grid, its checks and totals
 * mk-document-editor-kit.c     the kit's bill of materials
 * mk-document-editor-people.c  people counts and the household list
 * mk-document-editor-actions.c save, post, discard, cancel, duplicate,
 *                              receive, and the keys
 * mk-document-editor-print.c   print, save as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-document-editor.h"
#include "mk-kind.h"

G_BEGIN_DECLS

/* One header field or people count on the form. */
typedef struct
{
  const MkField *field; /* NULL for a people count */
  char          *name;
  GtkWidget     *widget;      /* GtkEntry or GtkDropDown */
  GtkLabel      *error_label; /* under the widget, hidden when empty */
  GPtrArray     *codes;       /* GtkDropDown: the code at each position, "" for none */
} MkEditorField;

/* What the editor knows of an item of the catalogue. */
typedef struct
{
  gboolean found;
  char    *code;
  char    *name;
  char    *unit;
  gint64   weight_g;
  gint64   volume_cm3;
  gboolean tracks_lots;
  gboolean is_kit;
} MkEditorItem;

struct _MkDocumentEditor
{
  GtkWindow parent_instance;

  MkDatabase    *db;
  MkDocumentKind kind;
  MkDocument    *document; /* the draft being edited, or the posted document */
  gint64         source_waybill_id;
  gboolean       read_only; /* posted, or unreadable */
  gboolean       loading;   /* filling the form: no dirt, no checks */
  gboolean       dirty;
  gboolean       household_list;
  gboolean       cancelled; /* by this editor */
  guint          check_source;

  GHashTable   *fields;      /* name → MkEditorField */
  GPtrArray    *field_order; /* of MkEditorField, header then counts */
  GHashTable   *items;       /* folded code → MkEditorItem */
  GHashTable   *unit_names;  /* unit code → name */
  GListStore   *lines;       /* of MkEditorLine */
  GListStore   *receipts;    /* of MkEditorLine */
  MkEditorLine *focus_line;  /* its item cell takes the focus when bound */
  GtkWidget    *dialog;      /* the open confirmation, if any */
  char         *message;
  char         *totals;

  /* Template children */
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  GtkInfoBar      *info_bar;
  GtkLabel        *info_label;
  GtkGrid         *header_grid;
  GtkWidget       *kit_box;
  GtkLabel        *kit_summary;
  GtkGrid         *kit_grid;
  GtkWidget       *people_box;
  GtkWidget       *mode_box;
  GtkToggleButton *counts_toggle;
  GtkToggleButton *households_toggle;
  GtkGrid         *counts_grid;
  GtkLabel        *counts_sum_label;
  GtkWidget       *receipts_box;
  GtkColumnView   *receipts_view;
  GtkLabel        *receipts_summary;
  GtkWidget       *lines_box;
  GtkLabel        *lines_title;
  GtkColumnView   *lines_view;
  GtkWidget       *lines_buttons;
  GtkWidget       *fill_count_button;
  GtkWidget       *add_line_button;
  GtkWidget       *paste_lines_button;
  GtkLabel        *totals_label;
  GtkWidget       *save_button;
  GtkWidget       *discard_button;
  GtkWidget       *cancel_document_button;
  GtkWidget       *post_button;
  GtkWidget       *print_button;
  GtkWidget       *save_pdf_button;
  GtkWidget       *receive_button;
  GtkWidget       *duplicate_button;
};

/* mk-document-editor.c */
void _mk_document_editor_close_dialog (MkDocumentEditor *self);
void _mk_document_editor_set_ltr (GtkWidget *entry);
void _mk_document_editor_fix_dialog_labels (GtkWidget *dialog);
void _mk_document_editor_show_message (MkDocumentEditor *self,
                                       GtkMessageType    type,
                                       const char       *message);
void _mk_document_editor_clear_message (MkDocumentEditor *self);
/* Something was typed: marks the draft changed and checks soon. */
void _mk_document_editor_changed (MkDocumentEditor *self);
/* Fills the form from @document (header, lines, people); @as_new keeps the
 * editor's own document (Duplicate). */
void _mk_document_editor_load (MkDocumentEditor *self,
                               MkDocument       *document,
                               gboolean          as_new);
/* Shows the buttons and editability of a draft or a posted document. */
void          _mk_document_editor_update_state (MkDocumentEditor *self);
MkEditorItem *_mk_document_editor_lookup_item (MkDocumentEditor *self,
                                               const char       *code);
/* The warehouse stock leaves from when the kind takes stock out, or NULL. */
const char *_mk_document_editor_outgoing_warehouse (MkDocumentEditor *self);
/* An entry completing codes of @kind_name records ("item", "kit" for items
 * that are kits, "warehouse" …), left to right. */
void _mk_document_editor_add_completion (MkDocumentEditor *self,
                                         GtkEntry         *entry,
                                         const char       *kind_name);
/* Writes the form into @document. Marks what cannot be parsed beside it
 * and returns FALSE then. */
gboolean _mk_document_editor_fill (MkDocumentEditor *self,
                                   MkDocument       *document);

/* mk-document-editor-header.c */
void           _mk_document_editor_build_header (MkDocumentEditor *self);
MkEditorField *_mk_document_editor_add_field_widget (MkDocumentEditor *self,
                                                     const MkField    *field,
                                                     const char       *name);
char          *_mk_document_editor_field_text (MkEditorField *field);
gboolean       _mk_document_editor_set_field_text (MkEditorField *field,
                                                   const char    *text);
void           _mk_document_editor_set_field_error (MkDocumentEditor *self,
                                                    const char       *field_name,
                                                    const char       *message);
void           _mk_document_editor_clear_field_errors (MkDocumentEditor *self);
/* Parses the header fields into @document's header; FALSE with the
 * messages beside the fields when one is wrong. */
gboolean    _mk_document_editor_fill_header (MkDocumentEditor *self,
                                             MkDocument       *document);
void        _mk_document_editor_load_header (MkDocumentEditor *self,
                                             MkDocument       *document,
                                             gboolean          as_new);
const char *_mk_document_editor_header_text (MkDocumentEditor *self,
                                             const char       *field_name);
void        _mk_document_editor_header_set_editable (MkDocumentEditor *self,
                                                     gboolean          editable);
gboolean    _mk_document_editor_reference_exists (MkDocumentEditor *self,
                                                  const char       *kind_name,
                                                  const char       *code);
gboolean    _mk_document_editor_check_references (MkDocumentEditor *self);
/* The name shown for a field's code (a warehouse's name for its code). */
char *_mk_document_editor_display_ref (MkDocumentEditor *self,
                                       const char       *kind_name,
                                       const char       *code);

/* mk-document-editor-lines.c */
void          _mk_document_editor_build_lines (MkDocumentEditor *self);
MkEditorLine *_mk_document_editor_append_line (MkDocumentEditor *self);
void          _mk_document_editor_watch_line (MkDocumentEditor *self,
                                              MkEditorLine     *line);
gboolean      _mk_document_editor_fill_lines (MkDocumentEditor *self,
                                              MkDocument       *document);
void          _mk_document_editor_load_lines (MkDocumentEditor *self,
                                              MkDocument       *document);
/* Checks the lines and the kit's bill of materials and updates the totals;
 * FALSE when a line is marked. */
gboolean _mk_document_editor_check_lines (MkDocumentEditor *self);
void     _mk_document_editor_mark_line (MkDocumentEditor *self,
                                        guint             line_no,
                                        const char       *message);
void     _mk_document_editor_fill_reception (MkDocumentEditor *self,
                                             gint64            waybill_id);
void     _mk_document_editor_fill_count (MkDocumentEditor *self);
/* After posting: the cells become labels. */
void _mk_document_editor_rebuild_columns (MkDocumentEditor *self);
void _mk_document_editor_build_receipt_columns (MkDocumentEditor *self);
/* "60 × Hygiene kit, 20 × Blanket" for confirmations. */
char *_mk_document_editor_describe_lines (MkDocumentEditor *self,
                                          MkDocument       *document);

/* "SB-2611 × 30 (2027-06-30), …" for the lots of mk_ledger_suggest_lots(),
 * or NULL when none has a lot number. */
char *_mk_document_editor_lots_hint (GPtrArray *rows);
/* The header's date as YYYY-MM-DD, or NULL when it is not a date. */
const char *_mk_document_editor_date (MkDocumentEditor *self,
                                      char            **storage);

/* mk-document-editor-kit.c */
void _mk_document_editor_update_kit (MkDocumentEditor *self);

/* mk-document-editor-people.c */
void          _mk_document_editor_mode_toggled_cb (MkDocumentEditor *self);
void          _mk_document_editor_build_people (MkDocumentEditor *self);
gboolean      _mk_document_editor_fill_people (MkDocumentEditor *self,
                                               MkDocument       *document);
void          _mk_document_editor_load_people (MkDocumentEditor *self,
                                               MkDocument       *document);
gboolean      _mk_document_editor_check_people (MkDocumentEditor *self);
void          _mk_document_editor_mark_receipt (MkDocumentEditor *self,
                                                guint             receipt_no,
                                                const char       *message);
MkEditorLine *_mk_document_editor_append_receipt (MkDocumentEditor *self);

/* mk-document-editor-print.c */
gboolean _mk_document_editor_can_print (MkDocumentEditor *self);
void     _mk_document_editor_print (MkDocumentEditor *self);
void     _mk_document_editor_choose_pdf (MkDocumentEditor *self);

/* mk-document-editor-actions.c */
void _mk_document_editor_class_init_actions (GtkWidgetClass *widget_class);

G_END_DECLS
