/* mk-import-dialog.h: importing the lists people already keep in Excel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-database.h"

G_BEGIN_DECLS

#define MK_TYPE_IMPORT_DIALOG (mk_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MkImportDialog, mk_import_dialog, MK, IMPORT_DIALOG, GtkWindow)

GtkWidget *mk_import_dialog_new (GtkWindow  *parent,
                                 MkDatabase *db);

/* As the user would choose them: what to import ("items", one of
 * mk_import_get_kinds()) and the file, read in a thread. */
gboolean mk_import_dialog_set_kind (MkImportDialog *self,
                                    const char     *what);
void     mk_import_dialog_set_file (MkImportDialog *self,
                                    const char     *path);
/* The column chooser of a field, to pick the file's column for it. */
GtkDropDown *mk_import_dialog_get_chooser (MkImportDialog *self,
                                           const char     *field_name);
/* Whether a preview, check or import is running. */
gboolean mk_import_dialog_is_busy (MkImportDialog *self);
/* The sentence under "Problems": the outcome of the last check or import. */
const char *mk_import_dialog_get_result (MkImportDialog *self);
guint       mk_import_dialog_get_n_problems (MkImportDialog *self);

G_END_DECLS
