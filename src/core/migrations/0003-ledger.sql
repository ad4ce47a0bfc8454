-- Migration 3: lots, documents, the stock ledger and its balances.
--
-- Stock is never a number someone edits: it is the sum of posted movements.
-- Stock is held at a location: a warehouse, the quarantine of a warehouse
-- (damaged goods kept apart), a waybill in transit, a site or a partner.
-- Two tables are kept in the transaction that writes the movements, so
-- that reading them is a lookup:
--   balances            what each location holds now, per item, lot and grant;
--   stock_month_totals  each month's net movement per key and category, from
--                       which opening balances, balances as of a date and the
--                       monthly report are computed without reading history.
-- lot_id 0 means "no lot" and grant_id 0 "unearmarked": both are part of
-- primary keys, where NULL would not be.

CREATE TABLE locations (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL
               CHECK (kind IN ('warehouse', 'quarantine', 'transit', 'site', 'partner')),
  warehouse_id INTEGER REFERENCES warehouses (id),
  waybill_id   INTEGER REFERENCES documents (id),
  site_id      INTEGER REFERENCES sites (id),
  partner_id   INTEGER REFERENCES partners (id),
  CHECK ((kind IN ('warehouse', 'quarantine')) = (warehouse_id IS NOT NULL)),
  CHECK ((kind = 'transit') = (waybill_id IS NOT NULL)),
  CHECK ((kind = 'site') = (site_id IS NOT NULL)),
  CHECK ((kind = 'partner') = (partner_id IS NOT NULL))
);
CREATE UNIQUE INDEX locations_of_warehouses ON locations (warehouse_id, kind)
  WHERE warehouse_id IS NOT NULL;
CREATE UNIQUE INDEX locations_of_waybills ON locations (waybill_id) WHERE waybill_id IS NOT NULL;
CREATE UNIQUE INDEX locations_of_sites ON locations (site_id) WHERE site_id IS NOT NULL;
CREATE UNIQUE INDEX locations_of_partners ON locations (partner_id) WHERE partner_id IS NOT NULL;

CREATE TABLE lots (
  id          INTEGER PRIMARY KEY,
  item_id     INTEGER NOT NULL REFERENCES items (id),
  number      TEXT NOT NULL COLLATE NOCASE,
  expiry_date TEXT,
  UNIQUE (item_id, number)
);

-- kind: GRN goods received, WB waybill, RCV waybill reception, KIT kitting,
-- DKT dekitting, CNT stock count, ADJ adjustment or loss, CAN cancellation.
CREATE TABLE documents (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'posted')),
  number           TEXT UNIQUE,
  year             INTEGER,
  sequence         INTEGER,
  date             TEXT NOT NULL,
  warehouse_id     INTEGER REFERENCES warehouses (id),
  -- GRN: purchase, donation, return, waybill; ADJ: a reason code
  source           TEXT,
  reason           TEXT REFERENCES adjustment_reasons (code),
  -- WB: where it goes
  to_warehouse_id  INTEGER REFERENCES warehouses (id),
  to_site_id       INTEGER REFERENCES sites (id),
  to_partner_id    INTEGER REFERENCES partners (id),
  -- RCV: the waybill; CAN: the cancelled document
  reference_id     INTEGER REFERENCES documents (id),
  -- KIT, DKT: the kit, how many, and the grant and lot of the kits made
  kit_item_id      INTEGER REFERENCES items (id),
  kit_quantity     INTEGER,
  grant_id         INTEGER REFERENCES grants (id),
  lot_number       TEXT,
  expiry_date      TEXT,
  -- CAN: why
  reason_text      TEXT NOT NULL DEFAULT '',
  damaged_handling TEXT CHECK (damaged_handling IN ('quarantine', 'loss')),
  supplier         TEXT NOT NULL DEFAULT '',
  reference_text   TEXT NOT NULL DEFAULT '',
  transport_mode   TEXT NOT NULL DEFAULT '',
  transporter      TEXT NOT NULL DEFAULT '',
  vehicle          TEXT NOT NULL DEFAULT '',
  plate            TEXT NOT NULL DEFAULT '',
  driver           TEXT NOT NULL DEFAULT '',
  driver_phone     TEXT NOT NULL DEFAULT '',
  expected_date    TEXT,
  parcels          INTEGER,
  notes            TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  created_by       INTEGER REFERENCES user_profiles (id),
  posted_at        TEXT,
  posted_by        INTEGER REFERENCES user_profiles (id),
  UNIQUE (kind, year, sequence),
  CHECK ((status = 'draft') = (number IS NULL))
);
CREATE INDEX documents_by_kind ON documents (kind, status, date);
CREATE INDEX documents_by_reference ON documents (reference_id) WHERE reference_id IS NOT NULL;

-- Posted documents are immutable: a mistake is corrected by a cancellation.
CREATE TRIGGER documents_posted_are_immutable BEFORE UPDATE ON documents
WHEN OLD.status = 'posted'
BEGIN
  SELECT RAISE (ABORT, 'a posted document cannot change');
END;
CREATE TRIGGER documents_posted_are_kept BEFORE DELETE ON documents
WHEN OLD.status = 'posted'
BEGIN
  SELECT RAISE (ABORT, 'a posted document cannot be deleted');
END;

CREATE TABLE document_lines (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  line_no      INTEGER NOT NULL,
  item_id      INTEGER NOT NULL REFERENCES items (id),
  -- A draft keeps the lot as typed; posting finds or creates it (lot_id).
  lot_number   TEXT,
  expiry_date  TEXT,
  lot_id       INTEGER NOT NULL DEFAULT 0,
  grant_id     INTEGER NOT NULL DEFAULT 0,
  -- GRN, RCV: good quantity; WB: sent; KIT, DKT: consumed (< 0) and
  -- produced (> 0); CNT: counted; ADJ, CAN: signed (+ in, - out)
  quantity     INTEGER NOT NULL,
  damaged      INTEGER NOT NULL DEFAULT 0 CHECK (damaged >= 0),
  short        INTEGER NOT NULL DEFAULT 0 CHECK (short >= 0),
  -- CNT: the system quantity when the count was posted
  expected     INTEGER,
  -- ADJ with ownership_transfer: the grant the stock goes to
  to_grant_id  INTEGER,
  remarks      TEXT NOT NULL DEFAULT '',
  UNIQUE (document_id, line_no)
);
CREATE INDEX document_lines_by_item ON document_lines (item_id);

CREATE TRIGGER document_lines_of_posted_are_immutable BEFORE UPDATE ON document_lines
WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 'posted'
BEGIN
  SELECT RAISE (ABORT, 'a posted document cannot change');
END;
CREATE TRIGGER document_lines_of_posted_are_kept BEFORE DELETE ON document_lines
WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 'posted'
BEGIN
  SELECT RAISE (ABORT, 'a posted document cannot be deleted');
END;

-- The last number given per kind and year: gapless because it is taken in
-- the posting transaction, which holds the write lock.
CREATE TABLE document_numbers (
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (kind, year)
) WITHOUT ROWID;

-- One row per change of stock at one location. category says why, for the
-- reports: received_purchase, received_donation, received_return,
-- received_transfer, quarantined, dispatched, in_transit, delivered,
-- kit_consumed, kit_produced, count, loss_<reason>, found, ownership,
-- cancellation.
CREATE TABLE movements (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id),
  date        TEXT NOT NULL,
  location_id INTEGER NOT NULL REFERENCES locations (id),
  item_id     INTEGER NOT NULL REFERENCES items (id),
  lot_id      INTEGER NOT NULL,
  grant_id    INTEGER NOT NULL,
  quantity    INTEGER NOT NULL CHECK (quantity <> 0),
  category    TEXT NOT NULL
);
-- The stock card and balances as of a date read this index alone.
CREATE INDEX movements_card ON movements (location_id, item_id, date, id, quantity, lot_id, grant_id);
CREATE INDEX movements_by_document ON movements (document_id);

CREATE TRIGGER movements_are_immutable BEFORE UPDATE ON movements
BEGIN
  SELECT RAISE (ABORT, 'a posted movement cannot change');
END;
CREATE TRIGGER movements_are_kept BEFORE DELETE ON movements
BEGIN
  SELECT RAISE (ABORT, 'a posted movement cannot be deleted');
END;

CREATE TABLE balances (
  location_id INTEGER NOT NULL REFERENCES locations (id),
  item_id     INTEGER NOT NULL REFERENCES items (id),
  lot_id      INTEGER NOT NULL,
  grant_id    INTEGER NOT NULL,
  quantity    INTEGER NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (location_id, item_id, lot_id, grant_id)
) WITHOUT ROWID;

-- month is YYYYMM as an integer.
CREATE TABLE stock_month_totals (
  location_id INTEGER NOT NULL REFERENCES locations (id),
  item_id     INTEGER NOT NULL REFERENCES items (id),
  lot_id      INTEGER NOT NULL,
  grant_id    INTEGER NOT NULL,
  month       INTEGER NOT NULL,
  category    TEXT NOT NULL,
  quantity    INTEGER NOT NULL,
  PRIMARY KEY (location_id, item_id, lot_id, grant_id, month, category)
) WITHOUT ROWID;
CREATE INDEX stock_month_totals_by_month ON stock_month_totals (month, location_id);
