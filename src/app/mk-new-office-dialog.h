/* mk-new-office-dialog.h: the form that creates a new office database with
 * its first warehouse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MK_TYPE_NEW_OFFICE_DIALOG (mk_new_office_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MkNewOfficeDialog, mk_new_office_dialog, MK, NEW_OFFICE_DIALOG, GtkWindow)

/* Emits "created" (the new file's path, a filename in the file system's
 * encoding) and closes once the database exists; the window then opens it. */
GtkWidget *mk_new_office_dialog_new (GtkWindow *parent);

/* The file to create, as chosen in the file chooser (".makhzan" is added
 * when the name has no extension). */
void        mk_new_office_dialog_set_path (MkNewOfficeDialog *self,
                                           const char        *path);
const char *mk_new_office_dialog_get_path (MkNewOfficeDialog *self);

/* Creates the database as the Create button does; returns whether it was
 * created. Errors are shown beside their fields. */
gboolean mk_new_office_dialog_create (MkNewOfficeDialog *self);

/* Fields are named "office.code", "office.number", "office.name_en",
 * "office.name_ar", "warehouse.code", "warehouse.name_en",
 * "warehouse.name_ar", "warehouse.type", "warehouse.baladiya". */
GtkWidget *mk_new_office_dialog_get_field_widget (MkNewOfficeDialog *self,
                                                  const char        *name);
/* The message beside the field (or "file"), or NULL. */
const char *mk_new_office_dialog_get_field_error (MkNewOfficeDialog *self,
                                                  const char        *name);
const char *mk_new_office_dialog_get_banner (MkNewOfficeDialog *self);

G_END_DECLS
