/* mk-field-input.h: the widget that edits one field of a master-data
 * record, chosen from the field's descriptor (mk-kind.h).
 *
 * Text goes in and out as the core's text form (mk_record_set_text() and
 * mk_record_get_text()): codes of vocabularies, places and records,
 * "yes"/"no", decimal kilograms; the core parses and refuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mk-database.h"
#include "mk-kind.h"

G_BEGIN_DECLS

typedef struct
{
  const MkField *field;
  GtkWidget     *widget;      /* GtkEntry, GtkDropDown, GtkCheckButton or MkRecordChooser */
  GtkWidget     *caption;     /* GtkLabel, owned by the form once placed */
  GtkWidget     *error_label; /* GtkLabel with class "error", hidden when empty */
  GPtrArray     *codes;       /* GtkDropDown: the code of each position ("" for none) */
} MkFieldInput;

MkFieldInput *mk_field_input_new (MkDatabase    *db,
                                  const MkField *field);
void          mk_field_input_free (MkFieldInput *input);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkFieldInput, mk_field_input_free)

/* The value in the core's text form; "" when empty. */
char *mk_field_input_get_text (MkFieldInput *input);
void  mk_field_input_set_text (MkFieldInput *input,
                               const char   *text);
/* Shows @message under the field and marks the field (NULL clears). */
void mk_field_input_set_error (MkFieldInput *input,
                               const char   *message);
/* Read-only fields are shown but cannot change. */
void mk_field_input_set_editable (MkFieldInput *input,
                                  gboolean      editable);
/* Calls @callback (with @data, swapped) when the value changes. */
void mk_field_input_connect_changed (MkFieldInput *input,
                                     GCallback     callback,
                                     gpointer      data);
/* Sets @direction on @widget and on the widgets inside it, such as an
 * entry's text: GTK does not pass a widget's direction on to its children,
 * which follow the interface's. */
void mk_widget_set_direction_deep (GtkWidget       *widget,
                                   GtkTextDirection direction);

/* The widget that takes the focus (the entry of a chooser). */
GtkWidget *mk_field_input_get_focus_widget (MkFieldInput *input);

/* A CHOICE field's value in the user's language ("road": "Road"); the
 * value itself when it has no label. */
const char *mk_field_input_choice_label (const char *value);

G_END_DECLS
