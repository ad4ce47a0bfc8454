/* mk-kit-bill.c: the bill of materials of a kit in the item editor.
 *
 * The grid only collects rows; the core checks them when the item is saved
 * (mk_kit_save()): unknown items, quantities out of range, a component
 * named twice, a kit that would contain itself. Its message is shown under
 * the grid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-kit-bill"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-field-input.h"
#include "mk-kind.h"
#include "mk-kit-bill.h"
#include "mk-kit.h"
#include "mk-master-data.h"
#include "mk-record-chooser.h"
#include "mk-text.h"

typedef struct
{
  GtkWidget *chooser;
  GtkWidget *quantity;
  GtkWidget *unit;
  GtkWidget *remove;
} BillRow;

struct _MkKitBill
{
  GtkWidget parent_instance;

  MkDatabase *db;
  GtkWidget  *box; /* the only child */
  GtkWidget  *grid;
  GtkWidget  *empty_label;
  GtkWidget  *error_label;
  GPtrArray  *rows; /* BillRow */
};

G_DEFINE_FINAL_TYPE (MkKitBill, mk_kit_bill, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The grid's first row holds the column headings. */
#define FIRST_ROW 1

static void
emit_changed (MkKitBill *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_empty (MkKitBill *self)
{
  gtk_widget_set_visible (self->empty_label, self->rows->len == 0);
}

/* The unit of the chosen component, so that "5" reads as 5 pieces. */
static void
update_unit (MkKitBill *self,
             BillRow   *row)
{
  g_autofree char *code = mk_record_chooser_get_text (MK_RECORD_CHOOSER (row->chooser));
  g_autoptr (MkRecord) item = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autofree char *unit = NULL;
  const char      *shown = "";

  if (*code != '\0')
    item = mk_master_data_get (self->db, mk_kind_lookup ("item"), code, NULL);
  if (item != NULL)
    {
      unit = mk_record_get_text (item, "unit");
      shown = unit;
      units = mk_master_data_list_vocabulary (self->db, "units", NULL);
      for (guint i = 0; units != NULL && i < units->len; i++)
        {
          const MkVocabEntry *entry = g_ptr_array_index (units, i);

          if (g_strcmp0 (entry->code, unit) == 0)
            shown = mk_vocab_entry_get_display_name (entry);
        }
    }
  gtk_label_set_text (GTK_LABEL (row->unit), shown);
}

static BillRow *
find_row (MkKitBill *self,
          GtkWidget *widget)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      BillRow *row = g_ptr_array_index (self->rows, i);

      if (row->chooser == widget || row->quantity == widget || row->remove == widget)
        return row;
    }
  return NULL;
}

static void
on_chooser_changed (MkKitBill *self,
                    GtkWidget *chooser)
{
  BillRow *row = find_row (self, chooser);

  if (row != NULL)
    update_unit (self, row);
  emit_changed (self);
}

static void
place_rows (MkKitBill *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      BillRow   *row = g_ptr_array_index (self->rows, i);
      GtkWidget *widgets[] = { row->chooser, row->quantity, row->unit, row->remove };

      for (guint c = 0; c < G_N_ELEMENTS (widgets); c++)
        {
          GtkLayoutManager *layout = gtk_widget_get_layout_manager (self->grid);

          /* Rows below a removed one move up; new ones are attached. */
          if (gtk_widget_get_parent (widgets[c]) == NULL)
            gtk_grid_attach (GTK_GRID (self->grid), widgets[c], (int) c, (int) (FIRST_ROW + i), 1,
                             1);
          else
            gtk_grid_layout_child_set_row (
                GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, widgets[c])),
                (int) (FIRST_ROW + i));
        }
    }
}

static void
remove_row (MkKitBill *self,
            guint      index)
{
  BillRow   *row = g_ptr_array_index (self->rows, index);
  GtkWidget *widgets[] = { row->chooser, row->quantity, row->unit, row->remove };

  for (guint c = 0; c < G_N_ELEMENTS (widgets); c++)
    gtk_grid_remove (GTK_GRID (self->grid), widgets[c]);
  g_ptr_array_remove_index (self->rows, index);
  place_rows (self);
  update_empty (self);
}

static void
on_remove_clicked (MkKitBill *self,
                   GtkWidget *button)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (((BillRow *) g_ptr_array_index (self->rows, i))->remove == button)
      {
        remove_row (self, i);
        emit_changed (self);
        return;
      }
}

guint
mk_kit_bill_add_row (MkKitBill  *self,
                     const char *code,
                     const char *quantity)
{
  BillRow *row;

  g_return_val_if_fail (MK_IS_KIT_BILL (self), 0);

  row = g_new0 (BillRow, 1);
  row->chooser = mk_record_chooser_new (self->db, "item");
  gtk_widget_set_name (row->chooser, "component");
  if (code != NULL)
    mk_record_chooser_set_code (MK_RECORD_CHOOSER (row->chooser), code);
  g_signal_connect_object (row->chooser, "changed", G_CALLBACK (on_chooser_changed), self,
                           G_CONNECT_SWAPPED);

  row->quantity = gtk_entry_new ();
  gtk_widget_set_name (row->quantity, "quantity");
  mk_widget_set_direction_deep (row->quantity, GTK_TEXT_DIR_LTR);
  gtk_entry_set_input_purpose (GTK_ENTRY (row->quantity), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->quantity), 8);
  gtk_widget_add_css_class (row->quantity, "mk-code");
  gtk_editable_set_text (GTK_EDITABLE (row->quantity), quantity != NULL ? quantity : "");
  g_signal_connect_object (row->quantity, "changed", G_CALLBACK (emit_changed), self,
                           G_CONNECT_SWAPPED);

  row->unit = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->unit), 0);
  gtk_widget_add_css_class (row->unit, "dim-label");

  row->remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_add_css_class (row->remove, "flat");
  gtk_widget_set_tooltip_text (row->remove, _ ("Remove the component"));
  g_signal_connect_object (row->remove, "clicked", G_CALLBACK (on_remove_clicked), self,
                           G_CONNECT_SWAPPED);

  g_ptr_array_add (self->rows, row);
  update_unit (self, row);
  place_rows (self);
  update_empty (self);
  return self->rows->len - 1;
}

static void
on_add_clicked (MkKitBill *self)
{
  guint index = mk_kit_bill_add_row (self, NULL, NULL);

  gtk_widget_grab_focus (mk_kit_bill_get_item_chooser (self, index));
  emit_changed (self);
}

void
mk_kit_bill_set_components (MkKitBill *self,
                            GPtrArray *components)
{
  g_return_if_fail (MK_IS_KIT_BILL (self));

  while (self->rows->len > 0)
    remove_row (self, self->rows->len - 1);
  for (guint i = 0; components != NULL && i < components->len; i++)
    {
      const MkKitComponent *component = g_ptr_array_index (components, i);
      g_autofree char      *quantity = g_strdup_printf ("%" G_GINT64_FORMAT, component->quantity);

      mk_kit_bill_add_row (self, component->code, quantity);
    }
  mk_kit_bill_set_error (self, NULL);
}

GPtrArray *
mk_kit_bill_get_components (MkKitBill *self,
                            GError   **error)
{
  g_autoptr (GPtrArray) components = NULL;

  g_return_val_if_fail (MK_IS_KIT_BILL (self), NULL);

  components = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_kit_component_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      BillRow         *row = g_ptr_array_index (self->rows, i);
      g_autofree char *code = mk_record_chooser_get_text (MK_RECORD_CHOOSER (row->chooser));
      g_autofree char *quantity_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->quantity))));
      g_autoptr (GError) local_error = NULL;
      gint64 quantity = 0;

      if (*code == '\0' && *quantity_text == '\0')
        continue;
      if (!mk_text_parse_int (quantity_text, &quantity, &local_error))
        {
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autofree char *isolated = mk_text_isolate_ltr (number);

          /* Translators: “Component 2: “five” is not a number; …”. */
          g_set_error (error, local_error->domain, local_error->code, _ ("Component %s: %s"),
                       isolated, local_error->message);
          mk_kit_bill_set_error (self, (*error)->message);
          gtk_widget_add_css_class (row->quantity, "error");
          return NULL;
        }
      g_ptr_array_add (components, mk_kit_component_new (code, quantity));
    }
  return g_steal_pointer (&components);
}

guint
mk_kit_bill_get_n_rows (MkKitBill *self)
{
  g_return_val_if_fail (MK_IS_KIT_BILL (self), 0);
  return self->rows->len;
}

GtkWidget *
mk_kit_bill_get_item_chooser (MkKitBill *self,
                              guint      index)
{
  g_return_val_if_fail (MK_IS_KIT_BILL (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return ((BillRow *) g_ptr_array_index (self->rows, index))->chooser;
}

GtkWidget *
mk_kit_bill_get_quantity_entry (MkKitBill *self,
                                guint      index)
{
  g_return_val_if_fail (MK_IS_KIT_BILL (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return ((BillRow *) g_ptr_array_index (self->rows, index))->quantity;
}

void
mk_kit_bill_set_error (MkKitBill  *self,
                       const char *message)
{
  g_return_if_fail (MK_IS_KIT_BILL (self));

  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
  if (message == NULL)
    for (guint i = 0; i < self->rows->len; i++)
      gtk_widget_remove_css_class (((BillRow *) g_ptr_array_index (self->rows, i))->quantity,
                                   "error");
}

const char *
mk_kit_bill_get_error (MkKitBill *self)
{
  g_return_val_if_fail (MK_IS_KIT_BILL (self), NULL);
  if (!gtk_widget_get_visible (self->error_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->error_label));
}

char *
mk_kit_bill_describe (MkKitBill *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (MK_IS_KIT_BILL (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      BillRow         *row = g_ptr_array_index (self->rows, i);
      g_autofree char *code = mk_record_chooser_get_text (MK_RECORD_CHOOSER (row->chooser));

      g_string_append_printf (text, "%s\t%s\n", code,
                              gtk_editable_get_text (GTK_EDITABLE (row->quantity)));
    }
  return g_string_free (text, FALSE);
}

static void
mk_kit_bill_dispose (GObject *object)
{
  MkKitBill *self = MK_KIT_BILL (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (mk_kit_bill_parent_class)->dispose (object);
}

static void
mk_kit_bill_finalize (GObject *object)
{
  MkKitBill *self = MK_KIT_BILL (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (mk_kit_bill_parent_class)->finalize (object);
}

static void
mk_kit_bill_class_init (MkKitBillClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_kit_bill_dispose;
  object_class->finalize = mk_kit_bill_finalize;

  /**
   * MkKitBill::changed:
   *
   * Emitted when a row is added, removed or edited.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mk-kit-bill");
}

static void
mk_kit_bill_init (MkKitBill *self)
{
  const char *headings[] = { N_ ("Component"), N_ ("Quantity per kit"), N_ ("Unit") };
  GtkWidget  *heading;
  GtkWidget  *add;

  self->rows = g_ptr_array_new_with_free_func (g_free);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  heading = gtk_label_new (_ ("Bill of Materials"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (self->box), heading);

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    {
      GtkWidget *label = gtk_label_new (_ (headings[c]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self->grid), label, (int) c, 0, 1, 1);
    }
  gtk_box_append (GTK_BOX (self->box), self->grid);

  self->empty_label = gtk_label_new (_ ("The kit has no components yet."));
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->empty_label);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_name (self->error_label, "bill-error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->error_label);

  add = gtk_button_new_with_mnemonic (_ ("_Add Component"));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_box_append (GTK_BOX (self->box), add);
}

GtkWidget *
mk_kit_bill_new (MkDatabase *db)
{
  MkKitBill *self;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);

  self = g_object_new (MK_TYPE_KIT_BILL, NULL);
  self->db = g_object_ref (db);
  return GTK_WIDGET (self);
}
