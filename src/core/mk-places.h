/* mk-places.h: Libya's regions, mantikas and baladiyas (seeded, read-only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-database.h"

G_BEGIN_DECLS

#define MK_PLACES_ERROR (mk_places_error_quark ())

typedef enum
{
  MK_PLACES_ERROR_NOT_FOUND,
  MK_PLACES_ERROR_AMBIGUOUS,
} MkPlacesError;

GQuark mk_places_error_quark (void);

typedef struct
{
  char *pcode; /* baladiya P-code, LY010304 */
  char *name_en;
  char *name_ar;
  char *mantika_pcode;
  char *mantika_en;
  char *mantika_ar;
  char *region_pcode;
  char *region_en;
  char *region_ar;
} MkPlace;

void mk_place_free (MkPlace *place);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkPlace, mk_place_free)
const char *mk_place_get_display_name (const MkPlace *place);

/* A baladiya by P-code, or by English or Arabic name with the spelling
 * variants of reference/arabic.md folded. */
MkPlace *mk_places_find_baladiya (MkDatabase *db,
                                  const char *text,
                                  GError    **error);
/* Baladiyas whose code or names contain @search (NULL: all), by P-code. */
GPtrArray *mk_places_search (MkDatabase *db,
                             const char *search,
                             GError    **error);
/* Counts of seeded places, for the checks of a new database. */
gboolean mk_places_count (MkDatabase *db,
                          guint      *n_regions,
                          guint      *n_mantikas,
                          guint      *n_baladiyas,
                          GError    **error);

G_END_DECLS
