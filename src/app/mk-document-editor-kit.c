/* mk-document-editor-kit.c: what a kitting or dekitting will consume and
 * produce — the kit's bill of materials times the number of kits, with the
 * stock of each component and the lots first expiry first out, or why it
 * is short — shown before posting. Posting fills the lines itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-document-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-document-editor-private.h"
#include "mk-kit.h"
#include "mk-ledger.h"
#include "mk-text.h"

static char *
number_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static void
kit_grid_add (MkDocumentEditor *self,
              int               column,
              int               row,
              const char       *text,
              const char       *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (self->kit_grid, label, column, row, 1, 1);
}

static void
clear_kit_grid (MkDocumentEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->kit_grid))) != NULL)
    gtk_grid_remove (self->kit_grid, child);
}

/* One row of the bill of materials: what is needed, what is in stock and
 * the lots first-expiry-first-out, or why it is short. */
static void
kit_row (MkDocumentEditor *self,
         int               row,
         const char       *code,
         const char       *name,
         gint64            per_kit,
         gint64            needed,
         gboolean          consumed)
{
  const char *warehouse = _mk_document_editor_header_text (self, "warehouse");
  /* As posting does: the kit's grant, else stock that no grant owns. */
  const char      *header_grant = _mk_document_editor_header_text (self, "grant");
  const char      *grant = header_grant != NULL ? header_grant : "";
  g_autofree char *per_kit_text = per_kit > 0 ? number_text (per_kit) : g_strdup ("");
  g_autofree char *needed_text = number_text (needed);
  g_autofree char *date_storage = NULL;

  kit_grid_add (self, 0, row, code, "mk-code");
  kit_grid_add (self, 1, row, name, NULL);
  kit_grid_add (self, 2, row, per_kit_text, "mk-code");
  kit_grid_add (self, 3, row, needed_text, "mk-code");
  if (!consumed)
    {
      kit_grid_add (self, 4, row, "", NULL);
      kit_grid_add (self, 5, row, _ ("made"), "dim-label");
      return;
    }
  if (warehouse == NULL)
    {
      kit_grid_add (self, 4, row, "", NULL);
      kit_grid_add (self, 5, row, _ ("Choose the warehouse."), "dim-label");
      return;
    }
  {
    MkStockFilter    filter = { warehouse, FALSE, code, NULL, grant, NULL };
    gint64           stock = 0;
    g_autofree char *stock_text = NULL;
    g_autoptr (GPtrArray) rows = NULL;
    g_autoptr (GError) error = NULL;

    mk_ledger_get_balance (self->db, &filter, &stock, NULL);
    stock_text = number_text (stock);
    kit_grid_add (self, 4, row, stock_text, "mk-code");
    if (needed <= 0)
      return;
    rows = mk_ledger_suggest_lots (self->db, warehouse, code, grant, needed, _mk_document_editor_date (self, &date_storage),
                                   &error);
    if (rows == NULL)
      kit_grid_add (self, 5, row, error->message, "error");
    else
      {
        g_autofree char *hint = _mk_document_editor_lots_hint (rows);
        kit_grid_add (self, 5, row, hint != NULL ? hint : _ ("in stock"), "dim-label");
      }
  }
}

void
_mk_document_editor_update_kit (MkDocumentEditor *self)
{
  const char   *kit_code = _mk_document_editor_header_text (self, "kit");
  const char   *quantity_text = _mk_document_editor_header_text (self, "kit_quantity");
  gboolean      kitting = self->kind == MK_DOCUMENT_KITTING;
  gint64        kits = 0;
  MkEditorItem *kit;
  g_autoptr (GPtrArray) components = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kits_iso = NULL;
  g_autofree char *summary = NULL;
  int              row = 1;

  clear_kit_grid (self);
  gtk_widget_set_visible (self->kit_box, !self->read_only);
  gtk_widget_set_visible (self->lines_box, self->read_only);
  if (self->read_only)
    return;
  kit = _mk_document_editor_lookup_item (self, kit_code);
  if (kit == NULL || !kit->found)
    {
      gtk_label_set_text (self->kit_summary, _ ("Choose the kit and the number of kits to see what they use."));
      return;
    }
  components = mk_kit_get_components (self->db, kit->code, &error);
  if (components == NULL || components->len == 0)
    {
      gtk_label_set_text (self->kit_summary,
                          error != NULL ? error->message : _ ("This kit has no bill of materials yet."));
      return;
    }
  if (quantity_text == NULL || !mk_text_parse_int (quantity_text, &kits, NULL) || kits < 0)
    kits = 0;
  {
    g_autofree char *kits_text = number_text (kits);
    g_autofree char *name = mk_text_isolate (kit->name);

    kits_iso = mk_text_isolate_ltr (kits_text);
    summary = g_strdup_printf (kitting ? _ ("Making %s × %s uses these components:")
                                       : _ ("Taking apart %s × %s gives back these components:"),
                               kits_iso, name);
  }
  gtk_label_set_text (self->kit_summary, summary);

  kit_grid_add (self, 0, 0, _ ("Component"), "heading");
  kit_grid_add (self, 1, 0, _ ("Name"), "heading");
  kit_grid_add (self, 2, 0, _ ("Per kit"), "heading");
  kit_grid_add (self, 3, 0, kitting ? _ ("Needed") : _ ("Returned"), "heading");
  kit_grid_add (self, 4, 0, _ ("In stock"), "heading");
  kit_grid_add (self, 5, 0, kitting ? _ ("Lots to use") : _ ("Kit lots to take apart"), "heading");
  if (!kitting)
    kit_row (self, row++, kit->code, kit->name, 0, kits, TRUE);
  for (guint i = 0; i < components->len; i++)
    {
      MkKitComponent *component = g_ptr_array_index (components, i);
      const char     *name = mk_text_pick_name (component->name_en, component->name_ar);

      kit_row (self, row++, component->code, name, component->quantity, component->quantity * kits, kitting);
    }
}
