/* mk-record-editor-private.h: parts of the record editor in their own files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-field-input.h"
#include "mk-record-editor.h"

G_BEGIN_DECLS

/* Whether @field is one of a household's ten sex-and-age counts. */
gboolean mk_household_is_member_field (const MkField *field);

/* The household's members as a table, sex by age band, from the ten count
 * inputs in @inputs (found by field name; their error labels go under the
 * table); @sum_label receives the label that compares their sum with the
 * size. */
GtkWidget *mk_household_members_new (GPtrArray  *inputs,
                                     GtkWidget **sum_label);
/* Updates @sum_label from the counts and the size typed so far. */
void mk_household_members_update_sum (GPtrArray *inputs,
                                      GtkWidget *sum_label);

/* What the household @code received, read-only (NULL code: a new household). */
GtkWidget *mk_household_history_new (MkDatabase *db,
                                     const char *code);

G_END_DECLS
