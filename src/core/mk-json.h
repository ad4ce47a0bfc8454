/* mk-json.h: writing JSON text (audit details, the CLI's --format json).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text as a JSON string literal, quotes included; NULL as null. */
void mk_json_append_string (GString    *out,
                            const char *text);

G_END_DECLS
