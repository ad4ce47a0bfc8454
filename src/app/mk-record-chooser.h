/* mk-record-chooser.h: an entry that finds a baladiya or a record by code
 * or by English or Arabic name, and remembers the one chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-database.h"

G_BEGIN_DECLS

#define MK_TYPE_RECORD_CHOOSER (mk_record_chooser_get_type ())
G_DECLARE_FINAL_TYPE (MkRecordChooser, mk_record_chooser, MK, RECORD_CHOOSER, GtkWidget)

/* @kind_name: a master-data kind ("item", "donor", "site" …), or
 * "baladiya" for Libya's places by P-code. */
GtkWidget *mk_record_chooser_new (MkDatabase *db,
                                  const char *kind_name);

/* Shows the record with @code (NULL or "": empty). */
void mk_record_chooser_set_code (MkRecordChooser *self,
                                 const char      *code);
/* The code of the record chosen; when none was chosen, the one record the
 * text matches, or else the text as typed (trimmed, "" when empty) for the
 * core to refuse with its own message. */
char *mk_record_chooser_get_text (MkRecordChooser *self);

/* The entry, for focus and for tests. */
GtkEditable *mk_record_chooser_get_editable (MkRecordChooser *self);
/* How many records match what was typed, as listed under the entry. */
guint mk_record_chooser_get_n_matches (MkRecordChooser *self);
/* Chooses the @index-th match, as a click would. */
void mk_record_chooser_choose_match (MkRecordChooser *self,
                                     guint            index);

G_END_DECLS
