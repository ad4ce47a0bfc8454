/* mk-test-dashboard.h: a small mission with known dashboard figures, for
 * the core's dashboard test and the dashboard page's UI test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-test-ledger.h"

G_BEGIN_DECLS

/* The day the figures are read on. */
#define MK_TEST_DASHBOARD_TODAY "2026-11-15"

/* On the ledger and people catalogues, posts (all into or from BEN-MAIN):
 *   2026-01-10 GRN 1000 SOAP;
 *   2026-06-05 GRN 500 BLANKET, TOOTHPASTE lots TP-A 200 (expires
 *              2026-12-31), TP-B 100 (2027-06-30), TP-OLD 50 (2026-10-31);
 *   2026-09-01 WB 100 SOAP to BEN-FIELD, received in full on 2026-09-03;
 *   2026-10-01 WB 200 SOAP to BEN-FIELD expected 2026-10-05, not received;
 *   2026-10-20 DIS 50 SOAP, migrants, 10 people;
 *   2026-11-05 DIS 350 BLANKET, migrants, 30 people;
 *   2026-11-06 DIS 100 SOAP, refugees, 20 people;
 *   2026-11-07 DIS 10 SOAP, migrants, 5 people, cancelled on 2026-11-08;
 *   2026-11-10 WB 100 BLANKET to BEN-FIELD expected 2026-11-20.
 * See test-dashboard.c for the figures this makes. */
void mk_test_add_dashboard_mission (MkFixture *fixture);

/* The id of warehouse @code. */
gint64 mk_test_warehouse_id (MkFixture  *fixture,
                             const char *code);

G_END_DECLS
