/* makhzan-reports.h: the reports library's public headers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-report.h"
#include "mk-report-table.h"
