/* mk-kit.h: kits and their bills of materials.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"
#include "mk-record.h"

G_BEGIN_DECLS

#define MK_KIT_ERROR (mk_kit_error_quark ())

typedef enum
{
  MK_KIT_ERROR_NOT_A_KIT,
  MK_KIT_ERROR_CYCLE, /* the kit would contain itself */
  MK_KIT_ERROR_BAD_QUANTITY,
  MK_KIT_ERROR_DUPLICATE, /* a component named twice */
  MK_KIT_ERROR_EMPTY,
} MkKitError;

GQuark mk_kit_error_quark (void);

typedef struct
{
  char  *code;     /* component item code */
  gint64 quantity; /* in the component's unit, per one kit */
  /* Filled when read back: */
  gint64 item_id;
  char  *name_en;
  char  *name_ar;
  char  *unit;
} MkKitComponent;

MkKitComponent *mk_kit_component_new (const char *code,
                                      gint64      quantity);
void            mk_kit_component_free (MkKitComponent *component);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkKitComponent, mk_kit_component_free)

/* Replaces the bill of materials of kit @kit_code (an item flagged as kit)
 * with @components (an array of MkKitComponent). Refuses a kit that would
 * contain itself directly or through another kit. */
gboolean mk_kit_set_components (MkDatabase *db,
                                const char *kit_code,
                                GPtrArray  *components,
                                GError    **error);
/* Adds @item (id 0) or stores its changed fields, and replaces its bill of
 * materials with @components (NULL: leaves the bill alone), in one
 * transaction: both are stored or neither. On failure @item keeps id 0 when
 * it was new, and mk_record_get_invalid_field() names a refused field of the
 * item (NULL when the bill was refused). */
gboolean mk_kit_save (MkDatabase *db,
                      MkRecord   *item,
                      GPtrArray  *components,
                      GError    **error);
/* Returns an array of MkKitComponent ordered by component code. */
GPtrArray *mk_kit_get_components (MkDatabase *db,
                                  const char *kit_code,
                                  GError    **error);

G_END_DECLS
