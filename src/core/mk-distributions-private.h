/* mk-distributions-private.h: what documents ask of distributions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-distributions.h"
#include "mk-posting-private.h"

G_BEGIN_DECLS

/* Resolves the household and item codes of a distribution's receipts. */
gboolean _mk_distributions_resolve (MkDatabase *db,
                                    MkDocument *document,
                                    GError    **error);
/* Writes the people reached and the receipts of @document (a distribution
 * or a service), replacing what a draft had when @replace. */
gboolean _mk_distributions_store (MkDatabase *db,
                                  MkDocument *document,
                                  gboolean    replace,
                                  GError    **error);
gboolean _mk_distributions_load (MkDatabase *db,
                                 MkDocument *document,
                                 GError    **error);
/* The planners of distributions and services (see mk-posting.c). */
gboolean _mk_distributions_plan (MkPosting *posting,
                                 GError   **error);
gboolean _mk_services_plan (MkPosting *posting,
                            GError   **error);

G_END_DECLS
