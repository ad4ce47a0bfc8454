/* mk-editor-line.c: one row of a document editor's grid, as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-editor-line"

#include "config.h"

#include "mk-editor-line.h"

struct _MkEditorLine
{
  GObject parent_instance;

  char *values[MK_EDITOR_LINE_N_VALUES];
};

G_DEFINE_FINAL_TYPE (MkEditorLine, mk_editor_line, G_TYPE_OBJECT)

static const char *const value_names[MK_EDITOR_LINE_N_VALUES] = {
  [MK_EDITOR_LINE_ITEM] = "item",
  [MK_EDITOR_LINE_QUANTITY] = "quantity",
  [MK_EDITOR_LINE_DAMAGED] = "damaged",
  [MK_EDITOR_LINE_SHORT] = "short",
  [MK_EDITOR_LINE_LOT] = "lot",
  [MK_EDITOR_LINE_EXPIRY] = "expiry",
  [MK_EDITOR_LINE_GRANT] = "grant",
  [MK_EDITOR_LINE_TO_GRANT] = "to-grant",
  [MK_EDITOR_LINE_REMARKS] = "remarks",
  [MK_EDITOR_LINE_HOUSEHOLD] = "household",
  [MK_EDITOR_LINE_OVERRIDE_REASON] = "override-reason",
  [MK_EDITOR_LINE_DESCRIPTION] = "description",
  [MK_EDITOR_LINE_SENT] = "sent",
  [MK_EDITOR_LINE_BOOK] = "book",
  [MK_EDITOR_LINE_DIFFERENCE] = "difference",
  [MK_EDITOR_LINE_HINT] = "hint",
  [MK_EDITOR_LINE_ERROR] = "error",
};

static GParamSpec *properties[MK_EDITOR_LINE_N_VALUES];

const char *
mk_editor_line_value_name (MkEditorLineValue value)
{
  g_return_val_if_fail (value > 0 && value < MK_EDITOR_LINE_N_VALUES, NULL);
  return value_names[value];
}

static void
mk_editor_line_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MkEditorLine *self = MK_EDITOR_LINE (object);

  if (prop_id == 0 || prop_id >= MK_EDITOR_LINE_N_VALUES)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_set_string (value, self->values[prop_id]);
}

static void
mk_editor_line_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= MK_EDITOR_LINE_N_VALUES)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  mk_editor_line_set (MK_EDITOR_LINE (object), prop_id, g_value_get_string (value));
}

static void
mk_editor_line_finalize (GObject *object)
{
  MkEditorLine *self = MK_EDITOR_LINE (object);

  for (guint i = 0; i < MK_EDITOR_LINE_N_VALUES; i++)
    g_free (self->values[i]);
  G_OBJECT_CLASS (mk_editor_line_parent_class)->finalize (object);
}

static void
mk_editor_line_class_init (MkEditorLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mk_editor_line_get_property;
  object_class->set_property = mk_editor_line_set_property;
  object_class->finalize = mk_editor_line_finalize;

  for (guint i = 1; i < MK_EDITOR_LINE_N_VALUES; i++)
    properties[i] = g_param_spec_string (value_names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, MK_EDITOR_LINE_N_VALUES, properties);
}

static void
mk_editor_line_init (MkEditorLine *self)
{
}

MkEditorLine *
mk_editor_line_new (void)
{
  return g_object_new (MK_TYPE_EDITOR_LINE, NULL);
}

const char *
mk_editor_line_get (MkEditorLine     *self,
                    MkEditorLineValue value)
{
  g_return_val_if_fail (MK_IS_EDITOR_LINE (self), NULL);
  g_return_val_if_fail (value > 0 && value < MK_EDITOR_LINE_N_VALUES, NULL);
  return self->values[value];
}

void
mk_editor_line_set (MkEditorLine     *self,
                    MkEditorLineValue value,
                    const char       *text)
{
  g_return_if_fail (MK_IS_EDITOR_LINE (self));
  g_return_if_fail (value > 0 && value < MK_EDITOR_LINE_N_VALUES);

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->values[value], text) == 0)
    return;
  g_free (self->values[value]);
  self->values[value] = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[value]);
}

gboolean
mk_editor_line_is_blank (MkEditorLine *self)
{
  g_return_val_if_fail (MK_IS_EDITOR_LINE (self), TRUE);

  for (guint i = MK_EDITOR_LINE_ITEM; i <= MK_EDITOR_LINE_OVERRIDE_REASON; i++)
    for (const char *p = self->values[i]; p != NULL && *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}
