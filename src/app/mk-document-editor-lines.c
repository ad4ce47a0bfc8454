/* mk-document-editor-lines.c: the lines grid, typed by keyboard, with its
 * checks and totals, and the kit's bill of materials.
 *
 * Each row is an MkEditorLine whose text properties are bound to the
 * cells' entries, so that what is typed stays as typed until it is parsed.
 * The checks run shortly after typing: quantities are parsed with the
 * core's number parser (Arabic-Indic digits accepted, letters refused),
 * items looked up in the catalogue, stock that would go short found with
 * the ledger's first-expiry-first-out suggestion (which never suggests an
 * expired lot), a count's book quantity and difference shown. Messages go
 * into the line's last column. The kit's bill of materials is in
 * mk-document-editor-kit.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-document-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-document-editor-private.h"
#include "mk-documents.h"
#include "mk-kit.h"
#include "mk-ledger.h"
#include "mk-text.h"

/* Which value of the line a cell shows, and how. */
typedef struct
{
  MkEditorLineValue value;
  const char       *title; /* N_() */
  int               width_chars;
  gboolean          editable;
  gboolean          ltr;
  const char       *completion; /* a kind of record, or NULL */
} ColumnSpec;

#define ITEM_COLUMN                                          \
  {                                                          \
    MK_EDITOR_LINE_ITEM, N_ ("Item"), 10, TRUE, TRUE, "item" \
  }
#define DESCRIPTION_COLUMN                                                 \
  {                                                                        \
    MK_EDITOR_LINE_DESCRIPTION, N_ ("Description"), 14, FALSE, FALSE, NULL \
  }
#define LOT_COLUMN                                      \
  {                                                     \
    MK_EDITOR_LINE_LOT, N_ ("Lot"), 9, TRUE, TRUE, NULL \
  }
#define EXPIRY_COLUMN                                         \
  {                                                           \
    MK_EDITOR_LINE_EXPIRY, N_ ("Expiry"), 9, TRUE, TRUE, NULL \
  }
#define GRANT_COLUMN                                           \
  {                                                            \
    MK_EDITOR_LINE_GRANT, N_ ("Grant"), 9, TRUE, TRUE, "grant" \
  }
#define REMARKS_COLUMN                                            \
  {                                                               \
    MK_EDITOR_LINE_REMARKS, N_ ("Remarks"), 10, TRUE, FALSE, NULL \
  }
#define STATUS_COLUMN                                          \
  {                                                            \
    MK_EDITOR_LINE_ERROR, N_ ("Check"), 30, FALSE, FALSE, NULL \
  }
#define QUANTITY_COLUMN(title)                          \
  {                                                     \
    MK_EDITOR_LINE_QUANTITY, title, 6, TRUE, TRUE, NULL \
  }
#define END_COLUMNS                \
  {                                \
    0, NULL, 0, FALSE, FALSE, NULL \
  }

static const ColumnSpec grn_columns[] = {
  ITEM_COLUMN, DESCRIPTION_COLUMN, QUANTITY_COLUMN (N_ ("Good")), { MK_EDITOR_LINE_DAMAGED, N_ ("Damaged"), 6, TRUE, TRUE, NULL }, { MK_EDITOR_LINE_SHORT, N_ ("Short"), 6, TRUE, TRUE, NULL }, LOT_COLUMN, EXPIRY_COLUMN, GRANT_COLUMN, REMARKS_COLUMN, STATUS_COLUMN, END_COLUMNS
};

static const ColumnSpec dispatch_columns[] = {
  ITEM_COLUMN, DESCRIPTION_COLUMN, QUANTITY_COLUMN (N_ ("Quantity")),
  LOT_COLUMN, GRANT_COLUMN, REMARKS_COLUMN, STATUS_COLUMN, END_COLUMNS
};

static const ColumnSpec reception_columns[] = {
  ITEM_COLUMN, DESCRIPTION_COLUMN,
  /* Translators: what a waybill still carries, in a column heading. */
  { MK_EDITOR_LINE_SENT, N_ ("Carried"), 7, FALSE, TRUE, NULL },
  QUANTITY_COLUMN (N_ ("Received good")),
  { MK_EDITOR_LINE_DAMAGED, N_ ("Damaged"), 6, TRUE, TRUE, NULL },
  { MK_EDITOR_LINE_SHORT, N_ ("Short"), 6, TRUE, TRUE, NULL },
  LOT_COLUMN,
  GRANT_COLUMN,
  { MK_EDITOR_LINE_REMARKS, N_ ("Loss reason"), 14, TRUE, FALSE, NULL },
  STATUS_COLUMN,
  END_COLUMNS
};

static const ColumnSpec count_columns[] = {
  ITEM_COLUMN, DESCRIPTION_COLUMN, LOT_COLUMN, GRANT_COLUMN,
  /* Translators: the quantity the stock records say there is. */
  { MK_EDITOR_LINE_BOOK, N_ ("Book"), 7, FALSE, TRUE, NULL },
  QUANTITY_COLUMN (N_ ("Counted")),
  { MK_EDITOR_LINE_DIFFERENCE, N_ ("Difference"), 7, FALSE, TRUE, NULL },
  REMARKS_COLUMN,
  STATUS_COLUMN,
  END_COLUMNS
};

static const ColumnSpec adjustment_columns[] = {
  ITEM_COLUMN, DESCRIPTION_COLUMN,
  /* Translators: a signed quantity: negative takes stock out. */
  QUANTITY_COLUMN (N_ ("Quantity (− out, + in)")),
  LOT_COLUMN,
  EXPIRY_COLUMN,
  GRANT_COLUMN,
  { MK_EDITOR_LINE_TO_GRANT, N_ ("To grant"), 10, TRUE, TRUE, "grant" },
  REMARKS_COLUMN,
  STATUS_COLUMN,
  END_COLUMNS
};

static const ColumnSpec receipt_columns[] = {
  { MK_EDITOR_LINE_HOUSEHOLD, N_ ("Household"), 12, TRUE, TRUE, "household" },
  ITEM_COLUMN,
  QUANTITY_COLUMN (N_ ("Quantity")),
  { MK_EDITOR_LINE_OVERRIDE_REASON, N_ ("Reason to override"), 18, TRUE, FALSE, NULL },
  STATUS_COLUMN,
  END_COLUMNS
};

static const ColumnSpec posted_columns[] = {
  ITEM_COLUMN, DESCRIPTION_COLUMN, QUANTITY_COLUMN (N_ ("Quantity")),
  LOT_COLUMN, GRANT_COLUMN, END_COLUMNS
};

static const ColumnSpec *
columns_for (MkDocumentKind kind)
{
  switch (kind)
    {
    case MK_DOCUMENT_GRN:
      return grn_columns;
    case MK_DOCUMENT_RECEPTION:
      return reception_columns;
    case MK_DOCUMENT_COUNT:
      return count_columns;
    case MK_DOCUMENT_ADJUSTMENT:
      return adjustment_columns;
    case MK_DOCUMENT_KITTING:
    case MK_DOCUMENT_DEKITTING:
    case MK_DOCUMENT_CANCELLATION:
      return posted_columns;
    case MK_DOCUMENT_WAYBILL:
    case MK_DOCUMENT_DISTRIBUTION:
    case MK_DOCUMENT_SERVICE:
    case MK_DOCUMENT_N_KINDS:
    default:
      return dispatch_columns;
    }
}

/* Cells -------------------------------------------------------------------- */

static gboolean
null_to_empty (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

static gboolean
non_null (GBinding     *binding,
          const GValue *from,
          GValue       *to,
          gpointer      data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && *text != '\0');
  return TRUE;
}

/* The editor of the row, found from one of its cells. */
static MkDocumentEditor *
editor_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return MK_IS_DOCUMENT_EDITOR (root) ? MK_DOCUMENT_EDITOR (root) : NULL;
}

static gboolean
paste_idle_cb (gpointer data)
{
  GtkWidget        *entry = data;
  MkDocumentEditor *self = editor_of (entry);
  const char       *text = g_object_get_data (G_OBJECT (entry), "mk-pasted");
  g_autoptr (GError) error = NULL;

  if (self != NULL && text != NULL)
    {
      if (mk_document_editor_paste_lines (self, text, &error))
        _mk_document_editor_clear_message (self);
      else
        _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, error->message);
    }
  g_object_set_data (G_OBJECT (entry), "mk-pasted", NULL);
  g_object_unref (entry);
  return G_SOURCE_REMOVE;
}

/* Text with line breaks or tabs pasted into a cell is rows of a
 * spreadsheet: they become lines instead of one mangled cell. */
static void
cell_insert_text_cb (GtkEditable *delegate,
                     const char  *text,
                     int          length,
                     int         *position,
                     GtkWidget   *entry)
{
  g_autofree char *inserted = length < 0 ? g_strdup (text) : g_strndup (text, length);

  if (strchr (inserted, '\n') == NULL && strchr (inserted, '\t') == NULL)
    return;
  g_signal_stop_emission_by_name (delegate, "insert-text");
  g_object_set_data_full (G_OBJECT (entry), "mk-pasted", g_steal_pointer (&inserted), g_free);
  g_idle_add (paste_idle_cb, g_object_ref (entry));
}

static void
cell_activate_cb (GtkEntry *entry)
{
  MkDocumentEditor *self = editor_of (GTK_WIDGET (entry));
  MkEditorLine     *line = g_object_get_data (G_OBJECT (entry), "mk-line");
  guint             position;

  if (self == NULL || line == NULL || self->read_only)
    return;
  /* Enter in the last line adds one; elsewhere it moves on, like Tab. */
  if (g_list_store_find (self->lines, line, &position) && position + 1 == g_list_model_get_n_items (G_LIST_MODEL (self->lines)))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.add-line", NULL);
  else if (g_list_store_find (self->receipts, line, &position) && position + 1 == g_list_model_get_n_items (G_LIST_MODEL (self->receipts)))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.add-receipt", NULL);
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/* The cell whose value is wrong is marked, as the checks find it. */
static void
update_cell_error (MkEditorLine *line,
                   GParamSpec   *pspec,
                   GtkWidget    *entry)
{
  const char *wrong = g_object_get_data (G_OBJECT (line), "mk-error-value");

  if (g_strcmp0 (wrong, gtk_widget_get_name (entry) + strlen ("line-")) == 0 && mk_editor_line_get (line, MK_EDITOR_LINE_ERROR) != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            const ColumnSpec         *spec)
{
  MkDocumentEditor *self = g_object_get_data (G_OBJECT (factory), "mk-editor");
  GtkWidget        *widget;

  if (spec->editable && !self->read_only)
    {
      GtkWidget       *entry = gtk_entry_new ();
      g_autofree char *name = g_strconcat ("line-", mk_editor_line_value_name (spec->value), NULL);

      gtk_widget_set_name (entry, name);
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), spec->width_chars);
      if (spec->ltr)
        _mk_document_editor_set_ltr (entry);
      if (spec->value == MK_EDITOR_LINE_QUANTITY || spec->value == MK_EDITOR_LINE_DAMAGED || spec->value == MK_EDITOR_LINE_SHORT)
        gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      if (spec->completion != NULL)
        _mk_document_editor_add_completion (self, GTK_ENTRY (entry), spec->completion);
      g_signal_connect (entry, "activate", G_CALLBACK (cell_activate_cb), NULL);
      g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "insert-text",
                               G_CALLBACK (cell_insert_text_cb), entry, 0);
      widget = entry;
    }
  else if (spec->value == MK_EDITOR_LINE_ERROR)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *error = gtk_label_new (NULL);
      GtkWidget *hint = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (error), 0);
      gtk_label_set_wrap (GTK_LABEL (error), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (error), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (error), spec->width_chars);
      gtk_label_set_max_width_chars (GTK_LABEL (error), spec->width_chars);
      gtk_widget_add_css_class (error, "error");
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (hint), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (hint), spec->width_chars);
      gtk_label_set_max_width_chars (GTK_LABEL (hint), spec->width_chars);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (GTK_BOX (box), error);
      gtk_box_append (GTK_BOX (box), hint);
      widget = box;
    }
  else
    {
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), 0);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (widget), spec->width_chars);
      if (spec->ltr)
        gtk_widget_add_css_class (widget, "mk-code");
    }
  gtk_list_item_set_child (list_item, widget);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           const ColumnSpec         *spec)
{
  MkDocumentEditor *self = g_object_get_data (G_OBJECT (factory), "mk-editor");
  MkEditorLine     *line = gtk_list_item_get_item (list_item);
  GtkWidget        *widget = gtk_list_item_get_child (list_item);
  const char       *name = mk_editor_line_value_name (spec->value);
  GPtrArray        *bindings = g_ptr_array_new ();

  if (GTK_IS_ENTRY (widget))
    {
      g_object_set_data (G_OBJECT (widget), "mk-line", line);
      g_ptr_array_add (bindings, g_object_bind_property_full (line, name, widget, "text",
                                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                                              null_to_empty, null_to_empty, NULL, NULL));
      update_cell_error (line, NULL, widget);
      g_object_set_data (G_OBJECT (widget), "mk-error-handler",
                         GSIZE_TO_POINTER (g_signal_connect (line, "notify::error",
                                                             G_CALLBACK (update_cell_error), widget)));
      if (spec->value == MK_EDITOR_LINE_ITEM && line == self->focus_line)
        {
          self->focus_line = NULL;
          gtk_widget_grab_focus (widget);
        }
    }
  else if (GTK_IS_BOX (widget))
    {
      GtkWidget *error = gtk_widget_get_first_child (widget);
      GtkWidget *hint = gtk_widget_get_next_sibling (error);

      g_ptr_array_add (bindings, g_object_bind_property_full (line, "error", error, "label", G_BINDING_SYNC_CREATE,
                                                              null_to_empty, NULL, NULL, NULL));
      g_ptr_array_add (bindings, g_object_bind_property_full (line, "error", error, "visible", G_BINDING_SYNC_CREATE,
                                                              non_null, NULL, NULL, NULL));
      g_ptr_array_add (bindings, g_object_bind_property_full (line, "hint", hint, "label", G_BINDING_SYNC_CREATE,
                                                              null_to_empty, NULL, NULL, NULL));
      g_ptr_array_add (bindings, g_object_bind_property_full (line, "hint", hint, "visible", G_BINDING_SYNC_CREATE,
                                                              non_null, NULL, NULL, NULL));
    }
  else
    g_ptr_array_add (bindings, g_object_bind_property_full (line, name, widget, "label", G_BINDING_SYNC_CREATE,
                                                            null_to_empty, NULL, NULL, NULL));
  g_object_set_data_full (G_OBJECT (list_item), "mk-bindings", bindings, (GDestroyNotify) g_ptr_array_unref);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             const ColumnSpec         *spec)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (list_item), "mk-bindings");
  GtkWidget *widget = gtk_list_item_get_child (list_item);

  for (guint i = 0; bindings != NULL && i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_object_set_data (G_OBJECT (list_item), "mk-bindings", NULL);
  if (GTK_IS_ENTRY (widget))
    {
      MkEditorLine *line = g_object_get_data (G_OBJECT (widget), "mk-line");
      gulong        handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "mk-error-handler"));

      if (line != NULL && handler != 0)
        g_signal_handler_disconnect (line, handler);
      g_object_set_data (G_OBJECT (widget), "mk-error-handler", NULL);
      g_object_set_data (G_OBJECT (widget), "mk-line", NULL);
    }
}

static void
remove_clicked_cb (GtkButton *button)
{
  MkDocumentEditor *self = editor_of (GTK_WIDGET (button));
  MkEditorLine     *line = g_object_get_data (G_OBJECT (button), "mk-line");
  GListStore       *store = g_object_get_data (G_OBJECT (button), "mk-store");
  guint             position;

  if (self == NULL || line == NULL || self->read_only)
    return;
  if (g_list_store_find (store, line, &position))
    {
      g_list_store_remove (store, position);
      _mk_document_editor_changed (self);
    }
}

static void
setup_remove (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              GListStore               *store)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_add_css_class (button, "flat");
  /* Tab goes from cell to cell, not through the remove buttons. */
  gtk_widget_set_focusable (button, FALSE);
  gtk_widget_set_tooltip_text (button, _ ("Remove the line"));
  g_object_set_data (G_OBJECT (button), "mk-store", store);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), NULL);
  gtk_list_item_set_child (list_item, button);
}

static void
bind_remove (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  data)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "mk-line",
                     gtk_list_item_get_item (list_item));
}

/* Adds the columns of @specs to @view over @store. */
static void
add_columns (MkDocumentEditor *self,
             GtkColumnView    *view,
             GListStore       *store,
             const ColumnSpec *specs)
{
  g_autoptr (GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (store)));

  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_reorderable (view, FALSE);
  for (const ColumnSpec *spec = specs; spec->title != NULL; spec++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "mk-editor", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) spec);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) spec);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), (gpointer) spec);
      column = gtk_column_view_column_new (_ (spec->title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, spec->value == MK_EDITOR_LINE_ERROR || spec->value == MK_EDITOR_LINE_DESCRIPTION);
      gtk_column_view_append_column (view, column);
    }
  if (!self->read_only)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_remove), store);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_remove), NULL);
      column = gtk_column_view_column_new (NULL, factory);
      gtk_column_view_append_column (view, column);
    }
}

/* Lines --------------------------------------------------------------------- */

static void
line_notify_cb (MkEditorLine     *line,
                GParamSpec       *pspec,
                MkDocumentEditor *self)
{
  static const char *const shown[] = { "description", "sent", "book", "difference", "hint", "error", NULL };

  if (g_strv_contains (shown, g_param_spec_get_name (pspec)))
    return;
  _mk_document_editor_changed (self);
}

void
_mk_document_editor_watch_line (MkDocumentEditor *self,
                                MkEditorLine     *line)
{
  g_signal_connect_object (line, "notify", G_CALLBACK (line_notify_cb), self, 0);
}

MkEditorLine *
_mk_document_editor_append_line (MkDocumentEditor *self)
{
  g_autoptr (MkEditorLine) line = mk_editor_line_new ();

  _mk_document_editor_watch_line (self, line);
  g_list_store_append (self->lines, line);
  return line;
}

static void ensure_columns (MkDocumentEditor *self);

void
_mk_document_editor_build_lines (MkDocumentEditor *self)
{
  gboolean kit = self->kind == MK_DOCUMENT_KITTING || self->kind == MK_DOCUMENT_DEKITTING;

  ensure_columns (self);
  gtk_widget_set_visible (self->kit_box, kit);
  switch (self->kind)
    {
    case MK_DOCUMENT_KITTING:
      gtk_label_set_text (self->lines_title, _ ("Components Used and Kits Made"));
      break;
    case MK_DOCUMENT_DEKITTING:
      gtk_label_set_text (self->lines_title, _ ("Kits Taken Apart and Components Returned"));
      break;
    case MK_DOCUMENT_SERVICE:
      gtk_label_set_text (self->lines_title, _ ("Materials Issued (Optional)"));
      break;
    case MK_DOCUMENT_COUNT:
      gtk_label_set_text (self->lines_title, _ ("Counted Quantities"));
      break;
    case MK_DOCUMENT_GRN:
    case MK_DOCUMENT_WAYBILL:
    case MK_DOCUMENT_RECEPTION:
    case MK_DOCUMENT_ADJUSTMENT:
    case MK_DOCUMENT_CANCELLATION:
    case MK_DOCUMENT_DISTRIBUTION:
    case MK_DOCUMENT_N_KINDS:
    default:
      gtk_label_set_text (self->lines_title, _ ("Lines"));
      break;
    }
}

void
_mk_document_editor_build_receipt_columns (MkDocumentEditor *self)
{
  add_columns (self, self->receipts_view, self->receipts, receipt_columns);
}

static void
remove_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (view, column);
    }
}

void
_mk_document_editor_rebuild_columns (MkDocumentEditor *self)
{
  remove_columns (self->lines_view);
  remove_columns (self->receipts_view);
  ensure_columns (self);
  if (self->kind == MK_DOCUMENT_DISTRIBUTION || self->kind == MK_DOCUMENT_SERVICE)
    _mk_document_editor_build_receipt_columns (self);
}

static void
ensure_columns (MkDocumentEditor *self)
{
  if (g_list_model_get_n_items (gtk_column_view_get_columns (self->lines_view)) > 0)
    return;
  add_columns (self, self->lines_view, self->lines,
               self->read_only && self->kind != MK_DOCUMENT_RECEPTION && self->kind != MK_DOCUMENT_COUNT && self->kind != MK_DOCUMENT_GRN
                   ? posted_columns
                   : columns_for (self->kind));
}

static char *
number_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

void
_mk_document_editor_load_lines (MkDocumentEditor *self,
                                MkDocument       *document)
{
  GPtrArray *lines = mk_document_get_lines (document);
  gboolean   kit_draft = (self->kind == MK_DOCUMENT_KITTING || self->kind == MK_DOCUMENT_DEKITTING) && !self->read_only;

  ensure_columns (self);
  g_list_store_remove_all (self->lines);
  if (kit_draft)
    return;
  for (guint i = 0; i < lines->len; i++)
    {
      MkDocumentLine  *source = g_ptr_array_index (lines, i);
      MkEditorLine    *line = _mk_document_editor_append_line (self);
      g_autofree char *quantity = number_text (source->quantity);

      mk_editor_line_set (line, MK_EDITOR_LINE_ITEM, source->item_code);
      mk_editor_line_set (line, MK_EDITOR_LINE_QUANTITY, quantity);
      if (source->damaged != 0)
        {
          g_autofree char *damaged = number_text (source->damaged);
          mk_editor_line_set (line, MK_EDITOR_LINE_DAMAGED, damaged);
        }
      if (source->short_quantity != 0)
        {
          g_autofree char *short_quantity = number_text (source->short_quantity);
          mk_editor_line_set (line, MK_EDITOR_LINE_SHORT, short_quantity);
        }
      if (self->kind == MK_DOCUMENT_COUNT && self->read_only)
        {
          g_autofree char *book = number_text (source->expected);
          g_autofree char *difference = g_strdup_printf ("%+" G_GINT64_FORMAT, source->quantity - source->expected);

          mk_editor_line_set (line, MK_EDITOR_LINE_BOOK, book);
          mk_editor_line_set (line, MK_EDITOR_LINE_DIFFERENCE, difference);
        }
      mk_editor_line_set (line, MK_EDITOR_LINE_LOT, source->lot_number);
      mk_editor_line_set (line, MK_EDITOR_LINE_EXPIRY, source->expiry_date);
      mk_editor_line_set (line, MK_EDITOR_LINE_GRANT, source->grant_code);
      mk_editor_line_set (line, MK_EDITOR_LINE_TO_GRANT, source->to_grant_code);
      mk_editor_line_set (line, MK_EDITOR_LINE_REMARKS, source->remarks);
    }
  if (!self->read_only && lines->len == 0)
    _mk_document_editor_append_line (self);
}

/* Parsing ------------------------------------------------------------------- */

static void
mark (MkEditorLine     *line,
      MkEditorLineValue value,
      const char       *message)
{
  g_object_set_data_full (G_OBJECT (line), "mk-error-value",
                          value != 0 ? g_strdup (mk_editor_line_value_name (value)) : NULL, g_free);
  mk_editor_line_set (line, MK_EDITOR_LINE_ERROR, message);
}

/* A number of a cell; blank is 0 when @optional. */
static gboolean
parse_number (MkEditorLine     *line,
              MkEditorLineValue value,
              const char       *label,
              gboolean          optional,
              gint64           *number)
{
  const char *text = mk_editor_line_get (line, value);
  g_autoptr (GError) error = NULL;

  *number = 0;
  if (text == NULL || *text == '\0')
    {
      if (optional)
        return TRUE;
      {
        /* Translators: %s is a column: "Quantity: missing." */
        g_autofree char *message = g_strdup_printf (_ ("%s: missing."), label);
        mark (line, value, message);
      }
      return FALSE;
    }
  if (!mk_text_parse_int (text, number, &error))
    {
      /* Translators: a column and what is wrong with its value. */
      g_autofree char *message = g_strdup_printf (C_ ("cell error", "%s: %s"), label, error->message);

      mark (line, value, message);
      return FALSE;
    }
  return TRUE;
}

static char *
trimmed (MkEditorLine     *line,
         MkEditorLineValue value)
{
  const char *text = mk_editor_line_get (line, value);
  char       *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* A count's line without a counted quantity was not counted: it is left
 * out, like a blank line, rather than refused. */
static gboolean
not_counted (MkDocumentEditor *self,
             MkEditorLine     *line)
{
  const char *quantity = mk_editor_line_get (line, MK_EDITOR_LINE_QUANTITY);

  if (self->kind != MK_DOCUMENT_COUNT || self->read_only)
    return FALSE;
  for (const char *p = quantity; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
uses_lines (MkDocumentEditor *self)
{
  if (self->kind == MK_DOCUMENT_KITTING || self->kind == MK_DOCUMENT_DEKITTING)
    return FALSE;
  if (self->kind == MK_DOCUMENT_DISTRIBUTION && self->household_list)
    return FALSE;
  return TRUE;
}

/* One line as a document line, or NULL with the line marked. */
static MkDocumentLine *
parse_line (MkDocumentEditor *self,
            MkEditorLine     *line)
{
  g_autoptr (MkDocumentLine) parsed = mk_document_line_new (NULL, 0);
  gboolean         reception = self->kind == MK_DOCUMENT_RECEPTION;
  g_autofree char *expiry = trimmed (line, MK_EDITOR_LINE_EXPIRY);

  parsed->item_code = trimmed (line, MK_EDITOR_LINE_ITEM);
  if (parsed->item_code == NULL)
    {
      mark (line, MK_EDITOR_LINE_ITEM, _ ("The item code is missing."));
      return NULL;
    }
  if (!parse_number (line, MK_EDITOR_LINE_QUANTITY, _ ("Quantity"), reception, &parsed->quantity) || !parse_number (line, MK_EDITOR_LINE_DAMAGED, _ ("Damaged"), TRUE, &parsed->damaged) || !parse_number (line, MK_EDITOR_LINE_SHORT, _ ("Short"), TRUE, &parsed->short_quantity))
    return NULL;
  if (expiry != NULL)
    {
      g_autoptr (GError) error = NULL;

      parsed->expiry_date = mk_text_parse_date (expiry, &error);
      if (parsed->expiry_date == NULL)
        {
          g_autofree char *message = g_strdup_printf (C_ ("cell error", "%s: %s"), _ ("Expiry"), error->message);
          mark (line, MK_EDITOR_LINE_EXPIRY, message);
          return NULL;
        }
    }
  parsed->lot_number = trimmed (line, MK_EDITOR_LINE_LOT);
  parsed->grant_code = trimmed (line, MK_EDITOR_LINE_GRANT);
  parsed->to_grant_code = trimmed (line, MK_EDITOR_LINE_TO_GRANT);
  parsed->remarks = trimmed (line, MK_EDITOR_LINE_REMARKS);
  return g_steal_pointer (&parsed);
}

gboolean
_mk_document_editor_fill_lines (MkDocumentEditor *self,
                                MkDocument       *document)
{
  guint    n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  gboolean ok = TRUE;
  guint    n_given = 0;

  mk_document_clear_lines (document);
  if (!uses_lines (self))
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MkEditorLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      MkDocumentLine *parsed;

      if (mk_editor_line_is_blank (line) || not_counted (self, line))
        continue;
      n_given++;
      parsed = parse_line (self, line);
      if (parsed == NULL)
        {
          ok = FALSE;
          continue;
        }
      /* A reception in parts leaves out what has not arrived yet. */
      if (self->kind == MK_DOCUMENT_RECEPTION && parsed->quantity == 0 && parsed->damaged == 0 && parsed->short_quantity == 0)
        {
          mk_document_line_free (parsed);
          continue;
        }
      mk_document_add_line (document, parsed);
    }
  /* Without lines a reception takes in everything the waybill carries:
   * not what someone who zeroed every line meant. */
  if (ok && self->kind == MK_DOCUMENT_RECEPTION && n_given > 0 && mk_document_get_lines (document)->len == 0)
    {
      g_autoptr (MkEditorLine) first = g_list_model_get_item (G_LIST_MODEL (self->lines), 0);

      mark (first, MK_EDITOR_LINE_QUANTITY, _ ("Nothing is received: give what arrived on at least one line."));
      ok = FALSE;
    }
  return ok;
}

/* The line that the core named (1-based in the document's lines) is the
 * n-th line given on the form: blank lines and receptions' empty lines
 * were left out. */
void
_mk_document_editor_mark_line (MkDocumentEditor *self,
                               guint             line_no,
                               const char       *message)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  guint given = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MkEditorLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      g_autoptr (MkDocumentLine) parsed = NULL;

      if (mk_editor_line_is_blank (line) || not_counted (self, line))
        continue;
      parsed = parse_line (self, line);
      if (parsed != NULL && self->kind == MK_DOCUMENT_RECEPTION && parsed->quantity == 0 && parsed->damaged == 0 && parsed->short_quantity == 0)
        continue;
      if (++given == line_no)
        {
          mark (line, 0, message);
          return;
        }
    }
}

/* Checks -------------------------------------------------------------------- */

char *
_mk_document_editor_lots_hint (GPtrArray *rows)
{
  GString *hint = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      MkStockRow      *row = g_ptr_array_index (rows, i);
      g_autofree char *quantity = number_text (row->quantity);
      g_autofree char *quantity_iso = mk_text_isolate_ltr (quantity);
      g_autofree char *lot_iso = NULL;

      if (row->lot_number == NULL)
        continue;
      lot_iso = mk_text_isolate_ltr (row->lot_number);
      if (hint->len > 0)
        g_string_append (hint, _ (", "));
      if (row->expiry_date != NULL)
        {
          g_autofree char *expiry_iso = mk_text_isolate_ltr (row->expiry_date);
          /* Translators: a lot to take, how many and its expiry: "SB-2611 × 30 (2027-06-30)". */
          g_string_append_printf (hint, _ ("%s × %s (%s)"), lot_iso, quantity_iso, expiry_iso);
        }
      else
        g_string_append_printf (hint, _ ("%s × %s"), lot_iso, quantity_iso);
    }
  return g_string_free (hint, hint->len == 0);
}

const char *
_mk_document_editor_date (MkDocumentEditor *self,
                          char            **storage)
{
  const char *text = _mk_document_editor_header_text (self, "date");

  *storage = text != NULL ? mk_text_parse_date (text, NULL) : NULL;
  return *storage;
}

/* Whether the stock of @warehouse holds @quantity more of the line's item,
 * lot and grant on top of what earlier lines take (@taken, by key). Marks
 * the line when it does not; hints at the lots to take when it does. */
static gboolean
check_stock (MkDocumentEditor *self,
             MkEditorLine     *line,
             const char       *warehouse,
             MkDocumentLine   *parsed,
             GHashTable       *taken)
{
  /* As posting does: a line without a grant takes the header's (people's
   * documents), else only stock that no grant owns. */
  const char      *header_grant = self->kind == MK_DOCUMENT_DISTRIBUTION || self->kind == MK_DOCUMENT_SERVICE
                                      ? _mk_document_editor_header_text (self, "grant")
                                      : NULL;
  const char      *grant = parsed->grant_code != NULL ? parsed->grant_code
                           : header_grant != NULL     ? header_grant
                                                      : "";
  g_autofree char *key = g_strdup_printf ("%s\x1f%s\x1f%s", parsed->item_code,
                                          parsed->lot_number ? parsed->lot_number : "", grant);
  gint64           before = GPOINTER_TO_SIZE (g_hash_table_lookup (taken, key));
  gint64           need = before + parsed->quantity;
  g_autofree char *date_storage = NULL;
  g_autoptr (GError) error = NULL;

  g_hash_table_insert (taken, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize) need));
  if (parsed->lot_number != NULL)
    {
      MkStockFilter filter = { warehouse, FALSE, parsed->item_code, parsed->lot_number, grant, NULL };
      gint64        available = 0;

      if (!mk_ledger_get_balance (self->db, &filter, &available, &error))
        {
          mark (line, MK_EDITOR_LINE_LOT, error->message);
          return FALSE;
        }
      if (available < need)
        {
          g_autofree char *available_text = number_text (available);
          g_autofree char *available_iso = mk_text_isolate_ltr (available_text);
          g_autofree char *lot_iso = mk_text_isolate_ltr (parsed->lot_number);
          g_autofree char *message = g_strdup_printf (_ ("Stock short: only %s of lot %s in stock."),
                                                      available_iso, lot_iso);
          mark (line, MK_EDITOR_LINE_QUANTITY, message);
          return FALSE;
        }
      return TRUE;
    }
  {
    g_autoptr (GPtrArray) rows = mk_ledger_suggest_lots (self->db, warehouse, parsed->item_code, grant, need,
                                                         _mk_document_editor_date (self, &date_storage), &error);
    g_autofree char *hint = NULL;

    if (rows == NULL)
      {
        g_autofree char *message = g_strdup_printf (_ ("Stock short: %s"), error->message);
        mark (line, MK_EDITOR_LINE_QUANTITY, message);
        return FALSE;
      }
    /* The lots this line takes, after those of the lines above. */
    if (before == 0)
      hint = _mk_document_editor_lots_hint (rows);
    if (hint != NULL)
      {
        g_autofree char *text = g_strdup_printf (_ ("Lots, first expiry first out: %s"), hint);
        mk_editor_line_set (line, MK_EDITOR_LINE_HINT, text);
      }
    return TRUE;
  }
}

static void
show_book (MkDocumentEditor *self,
           MkEditorLine     *line,
           const char       *warehouse,
           MkDocumentLine   *parsed,
           gboolean          counted)
{
  MkStockFilter filter = { warehouse, FALSE, parsed->item_code, parsed->lot_number, parsed->grant_code, NULL };
  gint64        book = 0;

  if (warehouse == NULL || !mk_ledger_get_balance (self->db, &filter, &book, NULL))
    {
      mk_editor_line_set (line, MK_EDITOR_LINE_BOOK, NULL);
      mk_editor_line_set (line, MK_EDITOR_LINE_DIFFERENCE, NULL);
      return;
    }
  {
    g_autofree char *book_text = number_text (book);
    g_autofree char *difference = counted ? g_strdup_printf ("%+" G_GINT64_FORMAT, parsed->quantity - book) : NULL;

    mk_editor_line_set (line, MK_EDITOR_LINE_BOOK, book_text);
    mk_editor_line_set (line, MK_EDITOR_LINE_DIFFERENCE, difference);
  }
}

static void set_totals (MkDocumentEditor *self,
                        gint64            units,
                        gint64            weight_g,
                        gint64            volume_cm3,
                        gboolean          complete);

gboolean
_mk_document_editor_check_lines (MkDocumentEditor *self)
{
  const char *warehouse = _mk_document_editor_outgoing_warehouse (self);
  guint       n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64   units = 0, weight_g = 0, volume_cm3 = 0;
  gboolean complete = TRUE;
  gboolean ok = TRUE;

  if (self->kind == MK_DOCUMENT_KITTING || self->kind == MK_DOCUMENT_DEKITTING)
    _mk_document_editor_update_kit (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (MkEditorLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      g_autoptr (MkDocumentLine) parsed = NULL;
      MkEditorItem *item;
      gint64        moved;

      mark (line, 0, NULL);
      mk_editor_line_set (line, MK_EDITOR_LINE_HINT, NULL);
      if (mk_editor_line_is_blank (line))
        {
          mk_editor_line_set (line, MK_EDITOR_LINE_DESCRIPTION, NULL);
          continue;
        }
      item = _mk_document_editor_lookup_item (self, mk_editor_line_get (line, MK_EDITOR_LINE_ITEM));
      if (item != NULL && item->found)
        {
          g_autofree char *description = item->unit != NULL
                                             ? g_strdup_printf (_ ("%s (%s)"), item->name, item->unit)
                                             : g_strdup (item->name);
          mk_editor_line_set (line, MK_EDITOR_LINE_DESCRIPTION, description);
        }
      else
        mk_editor_line_set (line, MK_EDITOR_LINE_DESCRIPTION, NULL);
      if (not_counted (self, line))
        {
          g_autoptr (MkDocumentLine) book = mk_document_line_new (NULL, 0);

          book->item_code = trimmed (line, MK_EDITOR_LINE_ITEM);
          book->lot_number = trimmed (line, MK_EDITOR_LINE_LOT);
          book->grant_code = trimmed (line, MK_EDITOR_LINE_GRANT);
          show_book (self, line, _mk_document_editor_header_text (self, "warehouse"), book, FALSE);
          mk_editor_line_set (line, MK_EDITOR_LINE_HINT, _ ("Not counted: left out of the count."));
          continue;
        }
      if (self->read_only)
        parsed = parse_line (self, line);
      else
        {
          parsed = parse_line (self, line);
          if (parsed == NULL)
            {
              ok = FALSE;
              continue;
            }
          if (item == NULL || !item->found)
            {
              g_autofree char *code = mk_text_isolate_ltr (parsed->item_code);
              g_autofree char *message = g_strdup_printf (_ ("No item %s in the catalogue."), code);
              mark (line, MK_EDITOR_LINE_ITEM, message);
              ok = FALSE;
              continue;
            }
        }
      if (parsed == NULL || item == NULL || !item->found)
        {
          complete = FALSE;
          continue;
        }

      moved = parsed->quantity + (self->kind == MK_DOCUMENT_GRN || self->kind == MK_DOCUMENT_RECEPTION
                                      ? parsed->damaged
                                      : 0);
      moved = ABS (moved);
      units += moved;
      weight_g += moved * item->weight_g;
      volume_cm3 += moved * item->volume_cm3;
      if (item->weight_g == 0 || item->volume_cm3 == 0)
        complete = FALSE;

      if (self->read_only)
        continue;
      if (self->kind == MK_DOCUMENT_COUNT)
        show_book (self, line, _mk_document_editor_header_text (self, "warehouse"), parsed,
                   mk_editor_line_get (line, MK_EDITOR_LINE_QUANTITY) != NULL);
      else if (self->kind == MK_DOCUMENT_RECEPTION)
        {
          const char *sent_text = mk_editor_line_get (line, MK_EDITOR_LINE_SENT);
          gint64      sent = sent_text != NULL ? g_ascii_strtoll (sent_text, NULL, 10) : -1;
          gint64      count = parsed->quantity + parsed->damaged + parsed->short_quantity;

          if (sent >= 0 && count > sent)
            {
              g_autofree char *sent_iso = mk_text_isolate_ltr (sent_text);
              g_autofree char *message = g_strdup_printf (
                  _ ("Good, damaged and short add up to more than the waybill carries, %s."), sent_iso);
              mark (line, MK_EDITOR_LINE_QUANTITY, message);
              ok = FALSE;
            }
        }
      else if (warehouse != NULL && uses_lines (self))
        {
          /* Only what leaves the warehouse is checked: an adjustment's
           * negative quantities. */
          if (self->kind == MK_DOCUMENT_ADJUSTMENT)
            {
              if (parsed->quantity >= 0)
                continue;
              parsed->quantity = -parsed->quantity;
            }
          if (parsed->quantity > 0 && !check_stock (self, line, warehouse, parsed, taken))
            ok = FALSE;
        }
    }
  set_totals (self, units, weight_g, volume_cm3, complete);
  return ok;
}

static void
set_totals (MkDocumentEditor *self,
            gint64            units,
            gint64            weight_g,
            gint64            volume_cm3,
            gboolean          complete)
{
  g_autofree char *units_text = number_text (units);
  g_autofree char *weight = mk_text_format_decimal ((weight_g + 50) / 100 * 100, 1000);
  g_autofree char *volume = mk_text_format_decimal ((volume_cm3 + 500) / 1000 * 1000, 1000000);
  g_autofree char *units_iso = mk_text_isolate_ltr (units_text);
  g_autofree char *weight_iso = mk_text_isolate_ltr (weight);
  g_autofree char *volume_iso = mk_text_isolate_ltr (volume);
  g_autofree char *units_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unit", "%s units", (gulong) units),
                                                 units_iso);

  g_free (self->totals);
  /* Translators: the totals of a document's lines: "60 units · 120.5 kg · 0.48 m³". */
  self->totals = g_strdup_printf (_ ("Total: %s · %s kg · %s m³%s"), units_part, weight_iso, volume_iso,
                                  complete ? "" : _ (" (some items have no weight or volume)"));
  gtk_label_set_text (self->totals_label, self->totals);
}

/* Receptions, counts --------------------------------------------------------- */

void
_mk_document_editor_fill_reception (MkDocumentEditor *self,
                                    gint64            waybill_id)
{
  g_autoptr (MkDocument) waybill = NULL;
  g_autoptr (GPtrArray) transit = NULL;
  g_autoptr (GError) error = NULL;
  const char *number;
  gboolean    was_loading = self->loading;

  waybill = mk_documents_get (self->db, waybill_id, &error);
  if (waybill == NULL)
    {
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, error->message);
      return;
    }
  number = mk_document_get_number (waybill);
  self->loading = TRUE;
  self->source_waybill_id = waybill_id;
  if (g_strcmp0 (_mk_document_editor_header_text (self, "waybill"), number) != 0)
    mk_document_editor_set_field (self, "waybill", number);
  g_list_store_remove_all (self->lines);
  transit = mk_ledger_list_in_transit (self->db, &error);
  for (guint i = 0; transit != NULL && i < transit->len; i++)
    {
      MkTransitRow    *row = g_ptr_array_index (transit, i);
      MkEditorLine    *line;
      g_autofree char *quantity = NULL;

      if (g_strcmp0 (row->waybill_number, number) != 0 || row->quantity <= 0)
        continue;
      line = _mk_document_editor_append_line (self);
      quantity = number_text (row->quantity);
      mk_editor_line_set (line, MK_EDITOR_LINE_ITEM, row->item_code);
      mk_editor_line_set (line, MK_EDITOR_LINE_SENT, quantity);
      mk_editor_line_set (line, MK_EDITOR_LINE_QUANTITY, quantity);
      mk_editor_line_set (line, MK_EDITOR_LINE_LOT, row->lot_number);
      mk_editor_line_set (line, MK_EDITOR_LINE_GRANT, row->grant_code);
    }
  self->loading = was_loading;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->lines)) == 0)
    {
      g_autofree char *number_iso = mk_text_isolate_ltr (number);
      g_autofree char *message = g_strdup_printf (_ ("Waybill %s carries nothing more: it has been received in full."),
                                                  number_iso);

      _mk_document_editor_show_message (self, GTK_MESSAGE_WARNING, message);
      _mk_document_editor_append_line (self);
    }
  _mk_document_editor_changed (self);
}

void
_mk_document_editor_fill_count (MkDocumentEditor *self)
{
  const char   *warehouse = _mk_document_editor_header_text (self, "warehouse");
  MkStockFilter filter = { warehouse, FALSE, NULL, NULL, NULL, NULL };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  if (warehouse == NULL)
    {
      _mk_document_editor_set_field_error (self, "warehouse", _ ("Choose the warehouse to count first."));
      return;
    }
  rows = mk_ledger_list_stock (self->db, &filter, &error);
  if (rows == NULL)
    {
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, error->message);
      return;
    }
  /* Blank lines go; lines typed already stay. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->lines)); i > 0; i--)
    {
      g_autoptr (MkEditorLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i - 1);
      if (mk_editor_line_is_blank (line))
        g_list_store_remove (self->lines, i - 1);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      MkStockRow   *row = g_ptr_array_index (rows, i);
      MkEditorLine *line = _mk_document_editor_append_line (self);

      mk_editor_line_set (line, MK_EDITOR_LINE_ITEM, row->item_code);
      mk_editor_line_set (line, MK_EDITOR_LINE_LOT, row->lot_number);
      mk_editor_line_set (line, MK_EDITOR_LINE_GRANT, row->grant_code);
    }
  _mk_document_editor_changed (self);
}

/* Pasting -------------------------------------------------------------------- */

gboolean
mk_document_editor_paste_lines (MkDocumentEditor *self,
                                const char       *text,
                                GError          **error)
{
  g_auto (GStrv) rows = NULL;
  g_autoptr (GPtrArray) parsed = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (MK_IS_DOCUMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _ ("A posted document cannot be changed; duplicate it to make a new one."));
      return FALSE;
    }
  rows = g_strsplit_set (text, "\r\n", -1);
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_autofree char *row = g_strstrip (g_strdup (rows[i]));
      g_auto (GStrv) cells = NULL;
      g_autofree char *row_no = g_strdup_printf ("%u", i + 1);
      g_autofree char *row_iso = mk_text_isolate_ltr (row_no);
      g_autoptr (GError) number_error = NULL;
      MkEditorLine *line;
      gint64        quantity;
      guint         n_cells;

      if (*row == '\0')
        continue;
      cells = g_strsplit_set (row, strchr (row, '\t') != NULL ? "\t" : strchr (row, ';') != NULL ? ";"
                                                                                                 : ",",
                              -1);
      n_cells = g_strv_length (cells);
      for (guint c = 0; c < n_cells; c++)
        g_strstrip (cells[c]);
      /* "SOAP 40" typed by hand has no separator but a space. */
      if (n_cells == 1)
        {
          g_strfreev (cells);
          cells = g_strsplit (row, " ", 2);
          n_cells = g_strv_length (cells);
          for (guint c = 0; c < n_cells; c++)
            g_strstrip (cells[c]);
        }
      if (n_cells < 2 || *cells[0] == '\0')
        {
          g_autofree char *shown = g_utf8_substring (row, 0, MIN (g_utf8_strlen (row, -1), 40));
          g_autofree char *shown_isolated = mk_text_isolate (shown);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _ ("Pasted row %s, “%s”, is not an item code and a quantity; nothing was added."),
                       row_iso, shown_isolated);
          return FALSE;
        }
      if (!mk_text_parse_int (cells[1], &quantity, &number_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _ ("Pasted row %s: the quantity is wrong: %s Nothing was added."), row_iso,
                       number_error->message);
          return FALSE;
        }
      line = mk_editor_line_new ();
      mk_editor_line_set (line, MK_EDITOR_LINE_ITEM, cells[0]);
      mk_editor_line_set (line, MK_EDITOR_LINE_QUANTITY, cells[1]);
      if (n_cells > 2)
        mk_editor_line_set (line, MK_EDITOR_LINE_LOT, cells[2]);
      if (n_cells > 3)
        mk_editor_line_set (line, MK_EDITOR_LINE_GRANT, cells[3]);
      g_ptr_array_add (parsed, line);
    }
  if (parsed->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("The pasted text holds no lines: paste rows of an item code and a quantity."));
      return FALSE;
    }

  /* Blank lines at the end make way for the pasted ones. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->lines)); i > 0; i--)
    {
      g_autoptr (MkEditorLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i - 1);
      if (!mk_editor_line_is_blank (line))
        break;
      g_list_store_remove (self->lines, i - 1);
    }
  for (guint i = 0; i < parsed->len; i++)
    {
      MkEditorLine *line = g_ptr_array_index (parsed, i);

      _mk_document_editor_watch_line (self, line);
      g_list_store_append (self->lines, line);
    }
  _mk_document_editor_changed (self);
  return TRUE;
}

/* Confirmations --------------------------------------------------------------- */

char *
_mk_document_editor_describe_lines (MkDocumentEditor *self,
                                    MkDocument       *document)
{
  GPtrArray *lines = mk_document_get_lines (document);
  GString   *text = g_string_new (NULL);
  guint      shown = MIN (lines->len, 4);

  for (guint i = 0; i < shown; i++)
    {
      MkDocumentLine  *line = g_ptr_array_index (lines, i);
      MkEditorItem    *item = _mk_document_editor_lookup_item (self, line->item_code);
      g_autofree char *quantity = number_text (ABS (line->quantity));
      g_autofree char *quantity_iso = mk_text_isolate_ltr (quantity);
      g_autofree char *name = mk_text_isolate (item != NULL && item->found ? item->name : line->item_code);

      if (i > 0)
        g_string_append (text, _ (", "));
      /* Translators: a quantity of an item: "60 × Hygiene kit". */
      g_string_append_printf (text, _ ("%s × %s"), quantity_iso, name);
    }
  if (lines->len > shown)
    {
      guint            more = lines->len - shown;
      g_autofree char *more_text = g_strdup_printf ("%u", more);
      g_autofree char *more_iso = mk_text_isolate_ltr (more_text);

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " and %s more line", " and %s more lines", more),
                              more_iso);
    }
  return g_string_free (text, FALSE);
}
