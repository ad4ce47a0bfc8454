/* mk-calendar.h: month names in the interface's language.
 *
 * The C locale names months in English, and a Libyan office's computer may
 * have no Arabic locale at all: the names come from Makhzan's own catalogue
 * (reference/arabic.md: يناير … ديسمبر), not from strftime.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @month 1–12; "January", or "Jan" when @abbreviated. */
const char *mk_calendar_month_name (guint    month,
                                    gboolean abbreviated);
/* "March 2026" in the interface's language. */
char *mk_calendar_format_month (GDateTime *date);

G_END_DECLS
