-- Migration 4: people reached — households, entitlement rules, distributions
-- and service deliveries.

-- What a distribution or a service is for; a service's quantity is counted
-- in the activity's unit (litres, latrines, sessions …).
CREATE TABLE activities (
  code       TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('distribution', 'service')),
  sector     TEXT NOT NULL REFERENCES sectors (code),
  unit_en    TEXT NOT NULL,
  unit_ar    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  name_ar    TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE indicators (
  code       TEXT PRIMARY KEY,
  sector     TEXT NOT NULL REFERENCES sectors (code),
  name_en    TEXT NOT NULL,
  name_ar    TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;

-- A registered household: its code is its ration card. Members are counted
-- by sex and age band; names and phone numbers are kept only when the
-- office has turned that on, and never leave the database in an export.
CREATE TABLE households (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL COLLATE NOCASE UNIQUE,
  site_id          INTEGER REFERENCES sites (id),
  population_group TEXT NOT NULL REFERENCES population_groups (code),
  size             INTEGER NOT NULL CHECK (size BETWEEN 1 AND 50),
  female_0_4       INTEGER NOT NULL DEFAULT 0 CHECK (female_0_4 >= 0),
  female_5_11      INTEGER NOT NULL DEFAULT 0 CHECK (female_5_11 >= 0),
  female_12_17     INTEGER NOT NULL DEFAULT 0 CHECK (female_12_17 >= 0),
  female_18_59     INTEGER NOT NULL DEFAULT 0 CHECK (female_18_59 >= 0),
  female_60        INTEGER NOT NULL DEFAULT 0 CHECK (female_60 >= 0),
  male_0_4         INTEGER NOT NULL DEFAULT 0 CHECK (male_0_4 >= 0),
  male_5_11        INTEGER NOT NULL DEFAULT 0 CHECK (male_5_11 >= 0),
  male_12_17       INTEGER NOT NULL DEFAULT 0 CHECK (male_12_17 >= 0),
  male_18_59       INTEGER NOT NULL DEFAULT 0 CHECK (male_18_59 >= 0),
  male_60          INTEGER NOT NULL DEFAULT 0 CHECK (male_60 >= 0),
  disabled         INTEGER NOT NULL DEFAULT 0 CHECK (disabled >= 0),
  vulnerabilities  TEXT NOT NULL DEFAULT '',
  head_name        TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',
  registered_on    TEXT NOT NULL,
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  CHECK (size = female_0_4 + female_5_11 + female_12_17 + female_18_59 + female_60
                + male_0_4 + male_5_11 + male_12_17 + male_18_59 + male_60),
  CHECK (disabled <= size)
);
CREATE INDEX households_by_site ON households (site_id, registered_on);

-- Entitlements are data: how much of an item a person or a household may
-- receive, and how often — every N days, once a season, or once a stay.
CREATE TABLE entitlements (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL COLLATE NOCASE UNIQUE,
  item_id       INTEGER NOT NULL REFERENCES items (id),
  per           TEXT NOT NULL CHECK (per IN ('person', 'household')),
  quantity      INTEGER NOT NULL CHECK (quantity >= 1),
  interval_days INTEGER CHECK (interval_days IS NULL OR interval_days >= 1),
  season_start  TEXT NOT NULL DEFAULT '',
  once_per_stay INTEGER NOT NULL DEFAULT 0 CHECK (once_per_stay IN (0, 1)),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  CHECK ((interval_days IS NOT NULL) + (season_start <> '') + once_per_stay = 1)
);
CREATE INDEX entitlements_by_item ON entitlements (item_id);

-- A distribution (DIS) or a service delivery (SRV) is a document: its
-- header lives in documents, these are its own columns.
ALTER TABLE documents ADD COLUMN site_id INTEGER REFERENCES sites (id);
ALTER TABLE documents ADD COLUMN population_group TEXT REFERENCES population_groups (code);
ALTER TABLE documents ADD COLUMN activity TEXT REFERENCES activities (code);
ALTER TABLE documents ADD COLUMN indicator TEXT REFERENCES indicators (code);
ALTER TABLE documents ADD COLUMN partner_id INTEGER REFERENCES partners (id);
ALTER TABLE documents ADD COLUMN end_date TEXT;
ALTER TABLE documents ADD COLUMN service_quantity INTEGER;
-- GRN of goods returned from a site's stock.
ALTER TABLE documents ADD COLUMN from_site_id INTEGER REFERENCES sites (id);
CREATE INDEX documents_by_site ON documents (site_id, date) WHERE site_id IS NOT NULL;

-- People reached by a distribution or a service, by sex and age band. For a
-- household-list distribution they are its households' members.
CREATE TABLE people_reached (
  document_id   INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  female_0_4    INTEGER NOT NULL DEFAULT 0,
  female_5_11   INTEGER NOT NULL DEFAULT 0,
  female_12_17  INTEGER NOT NULL DEFAULT 0,
  female_18_59  INTEGER NOT NULL DEFAULT 0,
  female_60     INTEGER NOT NULL DEFAULT 0,
  male_0_4      INTEGER NOT NULL DEFAULT 0,
  male_5_11     INTEGER NOT NULL DEFAULT 0,
  male_12_17    INTEGER NOT NULL DEFAULT 0,
  male_18_59    INTEGER NOT NULL DEFAULT 0,
  male_60       INTEGER NOT NULL DEFAULT 0,
  disabled      INTEGER NOT NULL DEFAULT 0,
  unaccompanied INTEGER NOT NULL DEFAULT 0,
  households    INTEGER NOT NULL DEFAULT 0,
  total         INTEGER NOT NULL,
  CHECK (total = female_0_4 + female_5_11 + female_12_17 + female_18_59 + female_60
                 + male_0_4 + male_5_11 + male_12_17 + male_18_59 + male_60),
  CHECK (households <= total AND disabled <= total)
);

-- What each household received in a household-list distribution.
CREATE TABLE household_receipts (
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  household_id    INTEGER NOT NULL REFERENCES households (id),
  item_id         INTEGER NOT NULL REFERENCES items (id),
  quantity        INTEGER NOT NULL CHECK (quantity > 0),
  -- An entitlement broken on purpose: the reason, and the earlier receipt.
  override_reason TEXT,
  previous_date   TEXT,
  PRIMARY KEY (document_id, household_id, item_id)
) WITHOUT ROWID;
CREATE INDEX household_receipts_by_household ON household_receipts (household_id, item_id);

CREATE TRIGGER people_reached_of_posted_are_immutable BEFORE UPDATE ON people_reached
WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 'posted'
BEGIN
  SELECT RAISE (ABORT, 'a posted document cannot change');
END;
CREATE TRIGGER household_receipts_of_posted_are_immutable BEFORE UPDATE ON household_receipts
WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 'posted'
BEGIN
  SELECT RAISE (ABORT, 'a posted document cannot change');
END;
CREATE TRIGGER household_receipts_of_posted_are_kept BEFORE DELETE ON household_receipts
WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 'posted'
BEGIN
  SELECT RAISE (ABORT, 'a posted document cannot be deleted');
END;
