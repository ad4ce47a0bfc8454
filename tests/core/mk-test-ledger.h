/* mk-test-ledger.h: documents built and posted in one call, balances read in
 * one call, and the ledger's invariant checked after every test that posts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "mk-test-fixture.h"
#include "mk-document.h"
#include "mk-documents.h"
#include "mk-ledger.h"

G_BEGIN_DECLS

/* The fixture's catalogue plus what the ledger tests need:
 *   warehouses BEN-MAIN, BEN-FIELD (field store), OLD-STORE (inactive);
 *   items SOAP, TOOTHPASTE (tracks lot and expiry), BRUSH, BUCKET, HK (kit,
 *   no bill of materials yet), BLANKET (2 kg, 0.008 m³, reorder level 100);
 *   grants ECHO-2026 and BHA-2026; site GAN-DC; partner LRC. */
void mk_test_add_ledger_catalogue (MkFixture *fixture);
/* HK = 4 SOAP + 1 TOOTHPASTE + 5 BRUSH + 1 BUCKET. */
void mk_test_compose_hk (MkFixture *fixture);

/* set_up: a fresh database with the ledger catalogue.
 * tear_down: mk_ledger_check() must pass, then the fixture is removed. */
void mk_ledger_fixture_set_up (MkFixture    *fixture,
                               gconstpointer data);
void mk_ledger_fixture_tear_down (MkFixture    *fixture,
                                  gconstpointer data);

/* A draft of @kind whose header fields are set from field, value pairs,
 * asserting that each is accepted. */
MkDocument *mk_test_document_new (MkDocumentKind kind,
                                  ...) G_GNUC_NULL_TERMINATED;
/* A line; the pairs are "lot", "expiry", "grant", "to_grant", "damaged",
 * "short", "expected", "remarks". */
MkDocumentLine *mk_test_line_new (const char *item_code,
                                  gint64      quantity,
                                  ...) G_GNUC_NULL_TERMINATED;
void            mk_test_add_line (MkDocument *document,
                                  const char *item_code,
                                  gint64      quantity,
                                  ...) G_GNUC_NULL_TERMINATED;

/* Posts, asserting success: the document is posted, has a number of the
 * form OFFICE-KIND-YEAR-NNNNN and the newest audit entry records it.
 * Returns the number (owned by @document). */
const char *mk_test_post (MkFixture  *fixture,
                          MkDocument *document);
/* Posts expecting a refusal: the database is unchanged, @document is still
 * a draft without a number (and without an id if it had none). Returns
 * the error. */
GError *mk_test_post_fails (MkFixture  *fixture,
                            MkDocument *document);

/* A posted purchase GRN of one line into @warehouse; @lot, @expiry and
 * @grant may be NULL. Returns the posted document. */
MkDocument *mk_test_receive (MkFixture  *fixture,
                             const char *date,
                             const char *warehouse,
                             const char *item,
                             gint64      quantity,
                             const char *lot,
                             const char *expiry,
                             const char *grant);

/* Balance of @item in @warehouse; @lot, @grant, @as_of may be NULL. */
gint64 mk_test_balance (MkFixture  *fixture,
                        const char *warehouse,
                        const char *item,
                        const char *lot,
                        const char *grant,
                        const char *as_of);
gint64 mk_test_quarantine (MkFixture  *fixture,
                           const char *warehouse,
                           const char *item);

/* Asserts that the message names each of the NULL-terminated mentions; a
 * mention "A|B" is satisfied by A or B; matching ignores case. */
void mk_test_assert_mentions (const GError *error,
                              ...) G_GNUC_NULL_TERMINATED;
void mk_test_assert_ledger_ok (MkFixture *fixture);

/* People reached -------------------------------------------------------- */

/* The ledger catalogue plus what distributions need: site KUF-UC (urban
 * community, Kuwaifiya), items HYG-KIT (hygiene kit, delivered packed),
 * WINTER-KIT (winter kit) and CLOTHES (clothing set), none lot-tracked. */
void mk_test_add_people_catalogue (MkFixture *fixture);

/* Registers household @code (site and population group may be NULL:
 * none, and "migrants") from member field, value pairs: "female_18_59",
 * "1" …, and "disabled", "vulnerabilities", "head_name", "phone". Its size
 * is the sum of the members. Asserts success and returns the record. */
MkRecord *mk_test_add_household (MkFixture  *fixture,
                                 const char *code,
                                 const char *site,
                                 const char *population_group,
                                 const char *registered_on,
                                 ...) G_GNUC_NULL_TERMINATED;

/* Sets the counts of a distribution or service from field, value pairs
 * ("female_18_59", "3" … "households", "2", "total", "5"), asserting that
 * each is accepted. */
void mk_test_set_counts (MkDocument *document,
                         ...) G_GNUC_NULL_TERMINATED;

/* Adds what @household received; @override_reason may be NULL. */
void mk_test_add_receipt (MkDocument *document,
                          const char *household,
                          const char *item,
                          gint64      quantity,
                          const char *override_reason);

/* Posts a one-line waybill of @quantity @item (@grant may be NULL) from
 * @warehouse to @site dated @date; when @received_on is not NULL, posts its
 * reception then: @quantity − @short_quantity good, @short_quantity short.
 * Returns the waybill's number. */
char *mk_test_deliver_to_site (MkFixture  *fixture,
                               const char *date,
                               const char *warehouse,
                               const char *site,
                               const char *item,
                               gint64      quantity,
                               const char *grant,
                               const char *received_on,
                               gint64      short_quantity);

/* The stock of @item at @site now, every lot and grant, read from the
 * balances behind the core's back. */
gint64 mk_test_site_balance (MkFixture  *fixture,
                             const char *site,
                             const char *item);

/* The sum of the quantities of @document's lines of @item. */
gint64 mk_test_lines_total (MkDocument *document,
                            const char *item);

/* The fixture's file opened behind the core's back, and SQL run on it. */
sqlite3 *mk_test_raw_open (MkFixture *fixture);
void     mk_test_raw_exec (sqlite3    *handle,
                           const char *sql);
gint64   mk_test_raw_int (sqlite3    *handle,
                          const char *sql);

G_END_DECLS
