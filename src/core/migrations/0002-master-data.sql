-- Migration 2: warehouses, sites, the catalogue and kits, funding.
-- Ids are office_number × 2^40 + counter so that rows can travel between
-- offices; codes are unique and compared without case.

CREATE TABLE warehouses (
  id       INTEGER PRIMARY KEY,
  code     TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name_en  TEXT NOT NULL,
  name_ar  TEXT NOT NULL DEFAULT '',
  type     TEXT NOT NULL REFERENCES warehouse_types (code),
  baladiya TEXT NOT NULL REFERENCES baladiyas (pcode),
  manager  TEXT NOT NULL DEFAULT '',
  phone    TEXT NOT NULL DEFAULT '',
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE sites (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name_en   TEXT NOT NULL,
  name_ar   TEXT NOT NULL DEFAULT '',
  type      TEXT NOT NULL REFERENCES site_types (code),
  baladiya  TEXT NOT NULL REFERENCES baladiyas (pcode),
  sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
  capacity  INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- Weight in grams and volume in cm³ per unit: integers, never floats.
CREATE TABLE items (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name_en       TEXT NOT NULL,
  name_ar       TEXT NOT NULL DEFAULT '',
  category      TEXT NOT NULL REFERENCES item_categories (code),
  unit          TEXT NOT NULL REFERENCES units (code),
  weight_g      INTEGER NOT NULL DEFAULT 0 CHECK (weight_g >= 0),
  volume_cm3    INTEGER NOT NULL DEFAULT 0 CHECK (volume_cm3 >= 0),
  pack_size     INTEGER NOT NULL DEFAULT 1 CHECK (pack_size >= 1),
  tracks_lots   INTEGER NOT NULL DEFAULT 0 CHECK (tracks_lots IN (0, 1)),
  is_kit        INTEGER NOT NULL DEFAULT 0 CHECK (is_kit IN (0, 1)),
  reorder_level INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- A kit's bill of materials: quantity of each component in one kit.
CREATE TABLE kit_components (
  kit_id       INTEGER NOT NULL REFERENCES items (id),
  component_id INTEGER NOT NULL REFERENCES items (id),
  quantity     INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (kit_id, component_id),
  CHECK (kit_id <> component_id)
) WITHOUT ROWID;
CREATE INDEX kit_components_by_component ON kit_components (component_id);

CREATE TABLE donors (
  id      INTEGER PRIMARY KEY,
  code    TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name_en TEXT NOT NULL,
  name_ar TEXT NOT NULL DEFAULT '',
  active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE grants (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL COLLATE NOCASE UNIQUE,
  donor_id   INTEGER NOT NULL REFERENCES donors (id),
  name_en    TEXT NOT NULL,
  name_ar    TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  end_date   TEXT NOT NULL,
  sector     TEXT NOT NULL REFERENCES sectors (code),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  CHECK (end_date >= start_date)
);
CREATE INDEX grants_by_donor ON grants (donor_id);

CREATE TABLE partners (
  id      INTEGER PRIMARY KEY,
  code    TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name_en TEXT NOT NULL,
  name_ar TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  phone   TEXT NOT NULL DEFAULT '',
  active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
