/* makhzan-core.h: the core library's public headers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-audit.h"
#include "mk-backup.h"
#include "mk-calendar.h"
#include "mk-csv.h"
#include "mk-dashboard.h"
#include "mk-database.h"
#include "mk-distributions.h"
#include "mk-document.h"
#include "mk-documents.h"
#include "mk-export.h"
#include "mk-import.h"
#include "mk-import-preview.h"
#include "mk-json.h"
#include "mk-kind.h"
#include "mk-kit.h"
#include "mk-ledger.h"
#include "mk-list-model.h"
#include "mk-master-data.h"
#include "mk-office.h"
#include "mk-places.h"
#include "mk-record.h"
#include "mk-text.h"
#include "mk-xlsx-reader.h"
