/* mk-kit-private.h: what master data asks of kits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-kit.h"

G_BEGIN_DECLS

/* Whether item @item_id is the kit of a bill of materials, or a component of one. */
gboolean _mk_kit_item_in_bill (MkDatabase *db,
                               gint64      item_id,
                               gboolean   *as_kit,
                               gboolean   *as_component,
                               GError    **error);

G_END_DECLS
