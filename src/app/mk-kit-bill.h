/* mk-kit-bill.h: the bill of materials of a kit, as a small grid of
 * component items and quantities, in the item editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-database.h"

G_BEGIN_DECLS

#define MK_TYPE_KIT_BILL (mk_kit_bill_get_type ())
G_DECLARE_FINAL_TYPE (MkKitBill, mk_kit_bill, MK, KIT_BILL, GtkWidget)

GtkWidget *mk_kit_bill_new (MkDatabase *db);

/* Shows @components (an array of MkKitComponent), replacing the rows. */
void mk_kit_bill_set_components (MkKitBill *self,
                                 GPtrArray *components);
/* The rows as an array of MkKitComponent; rows left empty are skipped. A
 * quantity that is not a whole number is refused, naming the row, and
 * shown beside the grid. */
GPtrArray *mk_kit_bill_get_components (MkKitBill *self,
                                       GError   **error);

/* Adds a row and returns its index. */
guint mk_kit_bill_add_row (MkKitBill  *self,
                           const char *code,
                           const char *quantity);
guint mk_kit_bill_get_n_rows (MkKitBill *self);
/* The MkRecordChooser and the GtkEntry of row @index. */
GtkWidget *mk_kit_bill_get_item_chooser (MkKitBill *self,
                                         guint      index);
GtkWidget *mk_kit_bill_get_quantity_entry (MkKitBill *self,
                                           guint      index);

/* The message beside the grid (NULL clears). */
void        mk_kit_bill_set_error (MkKitBill  *self,
                                   const char *message);
const char *mk_kit_bill_get_error (MkKitBill *self);

/* The rows as text, to tell whether they changed. */
char *mk_kit_bill_describe (MkKitBill *self);

G_END_DECLS
