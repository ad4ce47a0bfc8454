-- Migration 1: the office, the audit log, places and vocabularies.
-- Reference rows are seeded from data/seed/*.csv by mk-migrations.c.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE offices (
  id      INTEGER PRIMARY KEY,
  code    TEXT NOT NULL COLLATE NOCASE UNIQUE,
  number  INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 65535),
  name_en TEXT NOT NULL,
  name_ar TEXT NOT NULL DEFAULT '',
  active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE user_profiles (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  function   TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (name, function)
);

-- Append-only: a change is recorded once and never rewritten.
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_id    INTEGER REFERENCES user_profiles (id),
  action     TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     INTEGER,
  code       TEXT,
  details    TEXT
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TABLE regions (
  pcode   TEXT PRIMARY KEY,
  name_en TEXT NOT NULL,
  name_ar TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE mantikas (
  pcode        TEXT PRIMARY KEY,
  region_pcode TEXT NOT NULL REFERENCES regions (pcode),
  name_en      TEXT NOT NULL,
  name_ar      TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE baladiyas (
  pcode         TEXT PRIMARY KEY,
  mantika_pcode TEXT NOT NULL REFERENCES mantikas (pcode),
  name_en       TEXT NOT NULL,
  name_ar       TEXT NOT NULL,
  latitude      REAL,
  longitude     REAL
) WITHOUT ROWID;

CREATE TABLE units (
  code       TEXT PRIMARY KEY,
  name_en    TEXT NOT NULL,
  name_ar    TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE item_categories (
  code       TEXT PRIMARY KEY,
  name_en    TEXT NOT NULL,
  name_ar    TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE population_groups (
  code       TEXT PRIMARY KEY,
  name_en    TEXT NOT NULL,
  name_ar    TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE site_types (
  code       TEXT PRIMARY KEY,
  name_en    TEXT NOT NULL,
  name_ar    TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE warehouse_types (
  code       TEXT PRIMARY KEY,
  name_en    TEXT NOT NULL,
  name_ar    TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sectors (
  code       TEXT PRIMARY KEY,
  name_en    TEXT NOT NULL,
  name_ar    TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;

-- direction: -1 takes stock out, +1 brings it in, 0 either way.
CREATE TABLE adjustment_reasons (
  code       TEXT PRIMARY KEY,
  direction  INTEGER NOT NULL CHECK (direction IN (-1, 0, 1)),
  name_en    TEXT NOT NULL,
  name_ar    TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;
